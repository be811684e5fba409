"""What analysis finds in one article alone is kept by the article's content (issue 14 item 2):
analysing a story again with one more article analyses only the new one and gives the same
statements as from scratch; the same text under another name is not analysed again; a kept analysis
survives its JSON form and a damaged one is analysed afresh."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

import pytest

from blickwinkel.analyse import cache, pipeline
from blickwinkel.ingest import read_text
from blickwinkel.model import Article

TEXTS = (
    "Bridge closed in Lindholm\n\nThe old bridge in Lindholm was closed on Tuesday after cracks were found.",
    "Lindholm bridge shut\n\nEngineers shut the bridge on Tuesday; the ferry will run every hour instead.",
    "Cracks close bridge\n\nThe council said repairs to the Lindholm bridge will take at least six weeks.",
)
GERMAN = (
    "Brücke gesperrt\n\nDie Stadt Lindholm sperrte am Dienstag die alte Brücke. "
    "Bürgermeisterin Anna Krüger sagte: „Wir prüfen jeden Pfeiler.“"
)


class MemoryStore:
    """An :class:`~blickwinkel.analyse.cache.AnalysisStore` in a dict, counting its reads."""

    def __init__(self) -> None:
        self.rows: dict[tuple[str, str, str], str] = {}
        self.asked: list[str] = []

    def cached_analyses(self, keys: Sequence[str], version: str, stage: str) -> dict[str, str]:
        self.asked += keys
        return {k: self.rows[(k, version, stage)] for k in keys if (k, version, stage) in self.rows}

    def keep_analyses(self, analyses: Mapping[str, str], version: str, stage: str) -> None:
        self.rows.update({(k, version, stage): v for k, v in analyses.items()})


@pytest.fixture(autouse=True)
def empty_cache() -> None:
    pipeline.CACHE.clear()


def test_second_analysis_reuses_the_articles_it_has_seen() -> None:
    a, b, c = (read_text(t, source=f"cache-{n}.txt", fmt="text") for n, t in enumerate(TEXTS))
    first = pipeline.analyse_articles([a, b])
    pipeline.analyse_articles([a, b, c])
    assert (pipeline.CACHE.hits, pipeline.CACHE.misses) == (2, 3)
    again = pipeline.analyse_articles([a, b])
    assert [x.statements for x in again] == [x.statements for x in first]


def test_the_same_text_under_another_name_is_not_analysed_again() -> None:
    a = read_text(TEXTS[0], source="one.txt", fmt="text")
    renamed = replace(read_text(TEXTS[0], source="two.txt", fmt="text"), outlet="Other Outlet")
    (first,) = pipeline.analyse_articles([a])
    (second,) = pipeline.analyse_articles([renamed])
    assert pipeline.CACHE.misses == 1 and pipeline.CACHE.hits == 1
    assert second.article.id == renamed.id and second.article.outlet == "Other Outlet"
    assert [s.id.split("#")[1] for s in second.statements] == [s.id.split("#")[1] for s in first.statements]
    assert all(s.article == renamed.id for s in second.statements)


def test_a_store_keeps_the_analysis_for_the_next_process() -> None:
    articles = [read_text(t, source=f"s{n}.txt", fmt="text") for n, t in enumerate((*TEXTS[:2], GERMAN))]
    store = MemoryStore()
    fresh = pipeline.analyse_articles(articles, store=store)
    # Each under the input's key and under the key of the article with its detected languages (what
    # ingest stores and the service reads back).
    assert len(store.rows) == 6 and pipeline.CACHE.misses == 3
    pipeline.CACHE.clear()
    languaged = pipeline.analyse_articles([x.article for x in fresh], store=store)
    assert pipeline.CACHE.misses == 0 and pipeline.CACHE.stored_hits == 3
    assert [x.statements for x in languaged] == [x.statements for x in fresh]
    pipeline.CACHE.clear()  # a new process
    kept = pipeline.analyse_articles(articles, store=store)
    assert pipeline.CACHE.misses == 0 and pipeline.CACHE.stored_hits == 3
    assert [x.statements for x in kept] == [x.statements for x in fresh]
    assert [x.article for x in kept] == [x.article for x in fresh]


def test_kept_json_round_trips_and_damage_is_analysed_afresh() -> None:
    article = read_text(GERMAN, source="de.txt", fmt="text")
    prepared = pipeline._prepare(article)
    assert cache.prepared_from_json(article, cache.prepared_to_json(prepared)) == prepared
    store = MemoryStore()
    key = cache.content_key(article)
    store.rows[(key, cache.analysis_version(), cache.ARTICLE_STAGE)] = '{"language": "de", "blocks": []}'
    (analysed,) = pipeline.analyse_articles([article], store=store)
    assert pipeline.CACHE.misses == 1
    assert analysed.statements
    assert (
        cache.prepared_from_json(article, store.rows[(key, cache.analysis_version(), "article")]) == prepared
    )


def test_content_key_reads_text_blocks_and_language_only() -> None:
    article = read_text(TEXTS[0], source="k.txt", fmt="text")
    assert cache.content_key(article) == cache.content_key(replace(article, id="x", title="T", outlet="O"))
    assert cache.content_key(article) != cache.content_key(replace(article, language="en"))
    assert cache.content_key(article) != cache.content_key(replace(article, text=article.text + " "))
    assert len(cache.analysis_version()) == 16


def test_a_kept_analysis_goes_under_its_own_languaged_key() -> None:
    # Kept analyses found under the inputs' keys only: each is also kept under the key of its article
    # with the detected languages with its own JSON (it was given the JSON of another article of the
    # batch, the last one read).
    articles = [read_text(t, source=f"o{n}.txt", fmt="text") for n, t in enumerate(TEXTS[:2])]

    def language(article: Article) -> str:
        return "en" if article is articles[0] or article.text == articles[0].text else "de"

    def analyse(article: Article) -> cache.Prepared:
        return replace(article, language=language(article)), (), ()

    store = MemoryStore()
    version, stage = cache.analysis_version(), cache.ARTICLE_STAGE
    for article in articles:
        store.rows[(cache.content_key(article), version, stage)] = cache.prepared_to_json(analyse(article))
    cache.AnalysisCache().prepared(articles, analyse, store=store)
    for article in articles:
        own = cache.content_key(replace(article, language=language(article)))
        assert own != cache.content_key(article)
        assert store.rows[(own, version, stage)] == store.rows[(cache.content_key(article), version, stage)]
