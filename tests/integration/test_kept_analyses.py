"""Work done once (issue 14 item 2): ingest keeps each article's analysis in the store by content, a
comparison of the stored story (another process: the memory cache is empty) reuses it, and the
store's table takes a text kept twice."""

from __future__ import annotations

from pathlib import Path

import pytest

from blickwinkel.analyse import cache, pipeline
from blickwinkel.ingest import read_text
from blickwinkel.store import open_store
from blickwinkel.store.ingest import Ingestor, KeepingAnalyser, default_analyser
from blickwinkel.web.service import kept_analyses
from tests.integration.newsroom_fixtures import write_texts
from tests.unit.test_stories_props import HashedWordsEmbedder

# Invented reports of one event.
REPORTS = (
    "Ferry runs aground off Lindholm\n\nThe ferry Nordlicht ran aground off Lindholm on Saturday. All 214 "
    "passengers were brought ashore, the operator Lindholm Lines said.",
    "Nordlicht passengers rescued\n\nRescuers brought 214 passengers of the Nordlicht ashore on Saturday "
    "after the ferry hit a sandbank near Lindholm. Nobody was hurt, police said.",
)


def test_ingest_keeps_analyses_that_the_story_comparison_reuses(tmp_path: Path) -> None:
    paths = write_texts(tmp_path, REPORTS)
    store = open_store(f"sqlite:///{tmp_path / 'news.db'}")
    try:
        pipeline.CACHE.clear()
        ingestor = Ingestor(store, embedder=HashedWordsEmbedder(), analyser=default_analyser)
        assert isinstance(ingestor.analyser, KeepingAnalyser)
        assert ingestor.ingest(paths).stored == 2
        assert pipeline.CACHE.misses == 2
        stored = list(store.articles([1, 2]).values())
        # The languages analysis detected are stored (the inputs declared none) ...
        assert [a.language for a in stored] == ["en", "en"]
        assert all(b.language == "en" for a in stored for b in a.blocks)
        known = kept_analyses(store, stored)
        assert len(known) == 2  # ... and the analyses are kept under the stored articles' keys too
        pipeline.CACHE.clear()  # a comparison process of the service starts empty
        reused = pipeline.analyse_articles(stored, known=known)
        assert (pipeline.CACHE.misses, pipeline.CACHE.stored_hits) == (0, 2)
        pipeline.CACHE.clear()
        fresh = pipeline.analyse_articles(stored)
        assert [a.statements for a in reused] == [a.statements for a in fresh]
    finally:
        store.close()


def test_the_language_filters_see_detected_languages(tmp_path: Path) -> None:
    """Before, only a language the input declared was stored: ``?language=en`` found nothing and a
    story's ``languages`` was empty for plain-text inputs."""
    paths = write_texts(tmp_path, REPORTS)
    store = open_store(f"sqlite:///{tmp_path / 'news.db'}")
    try:
        Ingestor(store, embedder=HashedWordsEmbedder(), analyser=default_analyser).ingest(paths)
        assert len(store.list_articles(language="en").items) == 2
        assert store.list_articles(language="de").items == ()
        stories = store.list_stories(language="en").items
        assert stories and all(s.languages == ("en",) for s in stories)
    finally:
        store.close()


def test_ingest_without_analysis_stores_detected_languages(tmp_path: Path) -> None:
    """``ingest --no-analysis`` stored only declared languages: plain-text inputs had none."""
    paths = write_texts(tmp_path, REPORTS)
    store = open_store(f"sqlite:///{tmp_path / 'news.db'}")
    try:
        pipeline.CACHE.clear()
        assert Ingestor(store, embedder=HashedWordsEmbedder(), analyser=None).ingest(paths).stored == 2
        assert pipeline.CACHE.misses == 0  # nothing was analysed
        stored = list(store.articles([1, 2]).values())
        assert [a.language for a in stored] == ["en", "en"]
        assert all(b.language == "en" for a in stored for b in a.blocks)
        assert len(store.list_articles(language="en").items) == 2
    finally:
        store.close()


def test_keeping_an_entry_twice_keeps_the_first(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'kept.db'}")
    try:
        article = read_text(REPORTS[0], source="r.txt", fmt="text")
        key = cache.content_key(article)
        store.keep_analyses({key: '{"first": 1}'}, "v1", cache.ARTICLE_STAGE)
        store.keep_analyses({key: '{"second": 2}', "other": "{}"}, "v1", cache.ARTICLE_STAGE)
        assert store.cached_analyses([key, "other", "absent"], "v1", cache.ARTICLE_STAGE) == {
            key: '{"first": 1}',
            "other": "{}",
        }
        assert store.cached_analyses([key], "v2", cache.ARTICLE_STAGE) == {}
        assert store.cached_analyses([key], "v1", "another-stage") == {}
    finally:
        store.close()


@pytest.mark.parametrize("count", [0, 1200])
def test_many_keys_are_read_in_pieces(tmp_path: Path, count: int) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'many.db'}")
    try:
        rows = {f"k{n:05d}": "{}" for n in range(count)}
        store.keep_analyses(rows, "v", "s")
        assert store.cached_analyses(list(rows), "v", "s") == rows
    finally:
        store.close()
