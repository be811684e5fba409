"""Story features computed in worker processes are those computed in this one (issue 12: the stories
path on every core; vectors to float32 rounding, tests/vectors.py), and embedders cross a process
boundary unloaded."""

from __future__ import annotations

import datetime as dt
import pickle

import numpy as np
import pytest

from blickwinkel.embed import CachedEmbedder, Embedder
from blickwinkel.embed.backends import USEEmbedder
from blickwinkel.stories import article_from_text, parallel, story_docs
from blickwinkel.stories.features import StoryDoc
from tests.vectors import assert_same_vectors

pytestmark = pytest.mark.slow

# Invented reports, two per event.
REPORTS = [
    (
        "Brücke in Lindholm gesperrt",
        "Die alte Brücke in Lindholm wurde am Dienstag gesperrt. Ingenieure fanden Risse.",
    ),
    ("Lindholm bridge shut", "Engineers shut the old bridge in Lindholm on Tuesday after finding cracks."),
    (
        "Fähre läuft auf Grund",
        "Die Fähre Nordlicht lief am Samstag vor Helgoland auf Grund; 214 Passagiere sind an Land.",
    ),
    (
        "Ferry runs aground",
        "The ferry Nordlicht ran aground off Heligoland on Saturday; 214 passengers were rescued.",
    ),
    (
        "Stadtrat beschließt Haushalt",
        "Der Stadtrat von Ostheim beschloss am Montag den Haushalt für 2027 mit 31 Stimmen.",
    ),
    ("Council passes budget", "Ostheim's council passed the 2027 budget on Monday with 31 votes in favour."),
]


def _fields(doc: StoryDoc) -> list[object]:
    return [v.tolist() if isinstance(v, np.ndarray) else v for v in vars(doc).values()]


def _assert_same_docs(got: list[StoryDoc], want: list[StoryDoc]) -> None:
    """Every field equal, the vectors to float32 rounding (a worker runs one BLAS thread)."""
    assert len(got) == len(want)
    for a, b in zip(got, want, strict=True):
        assert list(vars(a)) == list(vars(b))
        for name, value in vars(a).items():
            if isinstance(value, np.ndarray):
                assert_same_vectors(value, vars(b)[name])
            else:
                assert value == vars(b)[name], name


def test_docs_from_worker_processes_equal_the_in_process_ones(
    use_embedder: Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = [
        article_from_text(f"r{n}", text, title=title, published=dt.date(2026, 3, 2 + n // 2))
        for n, (title, text) in enumerate(REPORTS)
    ]
    monkeypatch.setattr(parallel, "MIN_ARTICLES_PER_PROCESS", 2)
    monkeypatch.setattr(parallel, "CHUNK", 2)
    expected = parallel.story_docs_in_processes(articles, use_embedder, 1)
    # The same chunks embedded in one call each: the floating-point sums follow the batch's shape.
    assert [_fields(d) for d in expected] == [
        _fields(d) for n in range(0, 6, 2) for d in story_docs(articles[n : n + 2], use_embedder)
    ]
    seen: list[tuple[int, int]] = []
    got = parallel.story_docs_in_processes(
        articles, use_embedder, 2, lambda what, done, total: seen.append((done, total))
    )
    _assert_same_docs(got, expected)
    assert seen == [(0, 6), (2, 6), (4, 6), (6, 6)]


def test_embedders_pickle_unloaded() -> None:
    embedder = CachedEmbedder(USEEmbedder(threads=1))
    embedder.encode(["Die Fähre lief auf Grund."])
    copy = pickle.loads(pickle.dumps(embedder))
    assert copy.name == "use" and copy._cache == {}
    assert isinstance(copy.inner, USEEmbedder) and copy.inner._model is None and copy.inner._threads == 1


def test_clustering_as_embedded_equals_clustering_the_docs(monkeypatch: pytest.MonkeyPatch) -> None:
    from blickwinkel.stories import cluster_stories
    from tests.unit.test_stories_props import EVENTS, HashedWordsEmbedder

    articles = [
        article_from_text(f"{event}-{n}", text, title=title, published=dt.date(2031, 5, 3 + n))
        for event, reports in EVENTS.items()
        for n, (title, text) in enumerate(reports)
    ]
    monkeypatch.setattr(parallel, "MIN_ARTICLES_PER_PROCESS", 2)
    monkeypatch.setattr(parallel, "CHUNK", 2)
    clusterer, docs = parallel.cluster_as_embedded(articles, HashedWordsEmbedder(), 2)
    expected = cluster_stories(story_docs(articles, HashedWordsEmbedder()))
    assert [s.articles for s in clusterer.stories()] == [s.articles for s in expected]
    assert [d.order_key for d in docs] == sorted(d.order_key for d in docs)
    # The input order changes neither the chunks nor the stories.
    again, _ = parallel.cluster_as_embedded(articles[::-1], HashedWordsEmbedder(), 1)
    assert [s.articles for s in again.stories()] == [s.articles for s in expected]
