"""Statement vectors kept in the store (README "Known limits" before: a process embedded a stored
story's statements again): kept by text and embedder version on SQLite and PostgreSQL, read back
bit for bit, a damaged row ignored and replaced, two writing processes at once, a comparison from
kept vectors identical to one that embeds."""

from __future__ import annotations

import json
import multiprocessing
import zlib
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from blickwinkel.analyse import pipeline as analysis
from blickwinkel.embed import CachedEmbedder, get_embedder
from blickwinkel.embed.kept import (
    DTYPE,
    PACKED,
    KeptEmbedder,
    embedder_key,
    text_key,
    vector_from_row,
    vector_to_bytes,
)
from blickwinkel.ingest import read_text
from blickwinkel.store import Store, open_store
from tests.databases import BACKENDS, empty_database
from tests.integration.newsroom_fixtures import write_texts
from tests.unit.test_stories_props import HashedWordsEmbedder

TEXTS = [
    "The ferry Nordlicht ran aground off Lindholm on Saturday.",
    "All 214 passengers were brought ashore.",
    "Rescuers brought the passengers ashore after the ferry hit a sandbank.",
]


class VersionedEmbedder(HashedWordsEmbedder):
    """The hashed-words embedder with a model version, counting the texts it embeds."""

    def __init__(self, version: str = "v1") -> None:
        self.version = version
        self.texts: list[str] = []

    def model_version(self) -> str:
        return self.version

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        self.texts += list(texts)
        return super().encode(texts)


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    with empty_database(request.param, tmp_path) as url:
        s = open_store(url)
        s.test_url = url  # type: ignore[attr-defined]
        yield s
        s.close()


def test_vectors_are_kept_and_read_back_bit_for_bit(store: Store) -> None:
    first = VersionedEmbedder()
    kept = KeptEmbedder(first, store)
    rows = kept.encode([*TEXTS, TEXTS[0]])
    assert first.texts == TEXTS  # each text once
    assert (kept.read, kept.embedded) == (0, 3)
    again = VersionedEmbedder()  # another process: nothing in memory
    reread = KeptEmbedder(again, store)
    assert np.array_equal(reread.encode([*TEXTS, TEXTS[0]]), rows)
    assert again.texts == []
    assert (reread.read, reread.embedded, reread.damaged) == (3, 0, 0)


def test_a_memory_cache_is_asked_first_and_filled_from_the_store(store: Store) -> None:
    KeptEmbedder(VersionedEmbedder(), store).encode(TEXTS)
    inner = VersionedEmbedder()
    memory = CachedEmbedder(inner)
    kept = KeptEmbedder(memory, store)
    kept.encode(TEXTS[:2])
    assert kept.read == 2
    kept.encode(TEXTS)  # the first two from memory, the third from the store
    assert (kept.read, inner.texts) == (3, [])


def test_another_model_version_or_embedder_reads_nothing_kept(store: Store) -> None:
    KeptEmbedder(VersionedEmbedder("v1"), store).encode(TEXTS)
    newer = VersionedEmbedder("v2")
    KeptEmbedder(newer, store).encode(TEXTS)
    assert newer.texts == TEXTS
    other = VersionedEmbedder("v1")
    other.name = "other"
    KeptEmbedder(other, store).encode(TEXTS)
    assert other.texts == TEXTS
    # A changed text (another normalisation) is another key.
    changed = VersionedEmbedder("v1")
    KeptEmbedder(changed, store).encode([TEXTS[0].replace("Saturday", "Saturday ")])
    assert len(changed.texts) == 1


def test_an_embedder_without_a_model_version_keeps_nothing(store: Store) -> None:
    plain = HashedWordsEmbedder()
    assert embedder_key(plain) is None
    KeptEmbedder(plain, store).encode(TEXTS)
    assert store.kept_vectors([text_key(t) for t in TEXTS], "fake@None") == {}
    assert embedder_key(get_embedder("use")) == f"use@{get_embedder('use').model_version()}"  # type: ignore[attr-defined]


def _unit(dim: int) -> npt.NDArray[np.float32]:
    row = np.zeros(dim, dtype=np.float32)
    row[0] = 1.0
    return row


_PACKED = vector_to_bytes(_unit(64))
_RAW = _unit(64).astype("<f4").tobytes()
DAMAGED = {
    "truncated": (64, PACKED, _PACKED[:-3]),
    "bytes appended": (64, PACKED, _PACKED + b"\0\0\0\0"),
    "empty": (64, PACKED, b""),
    "not deflated": (64, PACKED, _RAW),
    "unpacks to too much": (64, PACKED, zlib.compress(bytes(10**6))),
    "raw truncated": (64, DTYPE, _RAW[:-3]),
    "bad dtype": (64, "float16", np.ones(64, dtype=np.float16).tobytes()),
    "unknown dtype": (64, "complex", _PACKED),
    "other dimension": (32, PACKED, vector_to_bytes(_unit(32))),
    "not finite": (64, PACKED, vector_to_bytes(np.full(64, np.nan, dtype=np.float32))),
    "not unit length": (64, PACKED, vector_to_bytes(np.full(64, 3.0, dtype=np.float32))),
}


def test_packing_is_lossless_and_raw_float32_rows_are_read() -> None:
    rows = HashedWordsEmbedder().encode(TEXTS)
    for row in rows:
        assert vector_from_row((64, PACKED, vector_to_bytes(row)), 64).tobytes() == row.tobytes()
        assert vector_from_row((64, DTYPE, row.astype("<f4").tobytes()), 64).tobytes() == row.tobytes()


@pytest.mark.parametrize("damage", DAMAGED)
def test_a_damaged_row_is_ignored_recomputed_and_replaced(store: Store, damage: str) -> None:
    embedder = VersionedEmbedder()
    key = embedder_key(embedder)
    assert key is not None
    dim, dtype, blob = DAMAGED[damage]
    store.keep_vectors({text_key(TEXTS[0]): blob}, key, dim, dtype)
    kept = KeptEmbedder(embedder, store)
    rows = kept.encode(TEXTS)
    assert np.array_equal(rows, HashedWordsEmbedder().encode(TEXTS))
    assert (kept.damaged, kept.embedded, embedder.texts) == (1, 3, TEXTS)
    assert store.kept_vectors([text_key(TEXTS[0])], key)[text_key(TEXTS[0])] == (
        64,
        PACKED,
        vector_to_bytes(rows[0]),
    )


class BrokenStore:
    def kept_vectors(self, keys: Sequence[str], embedder: str) -> dict[str, tuple[int, str, bytes]]:
        raise OSError("disk I/O error")

    def keep_vectors(self, vectors: Mapping[str, bytes], embedder: str, dim: int, dtype: str) -> None:
        raise OSError("disk I/O error")


def test_a_store_that_fails_costs_only_the_time_it_saves() -> None:
    kept = KeptEmbedder(VersionedEmbedder(), BrokenStore())
    assert np.array_equal(kept.encode(TEXTS), HashedWordsEmbedder().encode(TEXTS))


@pytest.mark.parametrize("count", [0, 1200])
def test_many_vectors_are_read_and_written_in_pieces(store: Store, count: int) -> None:
    rows = {f"k{n:05d}": vector_to_bytes(_unit(8)) for n in range(count)}
    store.keep_vectors(rows, "e@1", 8, PACKED)
    assert store.kept_vectors(list(rows), "e@1") == {k: (8, PACKED, v) for k, v in rows.items()}


def _write_many(url: str, offset: int, rounds: int) -> int:
    """One of two processes keeping overlapping sets of vectors at once."""
    store = open_store(url)
    try:
        embedder = VersionedEmbedder()
        texts = [f"Statement number {n} about the ferry." for n in range(offset, offset + 300)]
        for _ in range(rounds):
            KeptEmbedder(embedder, store).encode(texts)
            store.keep_vectors(
                {text_key(t): vector_to_bytes(r) for t, r in zip(texts, embedder.encode(texts), strict=True)},
                "fake@v1",
                64,
                PACKED,
            )
        return len(texts)
    finally:
        store.close()


def test_two_processes_keep_vectors_at_once(store: Store) -> None:
    url = store.test_url  # type: ignore[attr-defined]
    context = multiprocessing.get_context("spawn")
    with context.Pool(2) as pool:
        results = [pool.apply_async(_write_many, (url, offset, 4)) for offset in (0, 150)]
        assert [r.get(timeout=240) for r in results] == [300, 300]
    texts = [f"Statement number {n} about the ferry." for n in range(450)]
    kept = store.kept_vectors([text_key(t) for t in texts], "fake@v1")
    assert len(kept) == 450
    expected = HashedWordsEmbedder().encode(texts)
    for text, row in zip(texts, expected, strict=True):
        assert kept[text_key(text)] == (64, PACKED, vector_to_bytes(row))


# Invented reports of one event.
REPORTS = (
    "Ferry runs aground off Lindholm\n\nThe ferry Nordlicht ran aground off Lindholm on Saturday. All 214 "
    "passengers were brought ashore, the operator Lindholm Lines said.",
    "Nordlicht passengers rescued\n\nRescuers brought 214 passengers of the Nordlicht ashore on Saturday "
    "after the ferry hit a sandbank near Lindholm. Nobody was hurt, police said.",
)


class CountingStore:
    """A store's vector methods, counting the rows read and kept."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.read = 0
        self.kept = 0

    def kept_vectors(self, keys: Sequence[str], embedder: str) -> dict[str, tuple[int, str, bytes]]:
        found = self.store.kept_vectors(keys, embedder)
        self.read += len(found)
        return found

    def keep_vectors(self, vectors: Mapping[str, bytes], embedder: str, dim: int, dtype: str) -> None:
        self.kept += len(vectors)
        self.store.keep_vectors(vectors, embedder, dim, dtype)


def test_a_comparison_from_kept_vectors_is_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from blickwinkel import pipeline

    articles = [read_text(text, source=f"r{n}.txt", fmt="text") for n, text in enumerate(REPORTS)]
    loaded = {name: get_embedder(name) for name in ("use", "e5")}  # e5: the English pairs' second opinion
    assert all(isinstance(e, CachedEmbedder) for e in loaded.values())
    store = open_store(f"sqlite:///{tmp_path / 'news.db'}")
    try:
        runs = []
        for _ in range(2):
            # Each run as a new process would: no analysis and no vector in memory.
            analysis.CACHE.clear()
            monkeypatch.setattr(pipeline, "get_embedder", lambda name: CachedEmbedder(loaded[name].inner))
            counting = CountingStore(store)
            body = pipeline.comparison_json(articles, "use", vectors=counting)
            runs.append((json.dumps(body, sort_keys=True), counting.read, counting.kept))
        (first, read1, kept1), (second, read2, kept2) = runs
        assert read1 == 0 and kept1 > 0
        assert read2 == kept1 and kept2 == 0
        assert first == second
        plain = pipeline.comparison_json(articles, "use")  # no store: what `blickwinkel compare` does
        assert json.dumps(plain, sort_keys=True) == first
    finally:
        store.close()


def test_the_story_comparison_of_a_comparison_process_keeps_vectors(tmp_path: Path) -> None:
    from blickwinkel.web.service import story_comparison_json

    articles = [read_text(text, source=f"r{n}.txt", fmt="text") for n, text in enumerate(REPORTS)]
    url = f"sqlite:///{tmp_path / 'news.db'}"
    open_store(url).close()
    body = story_comparison_json(articles, "use", None, None, url)
    assert body["facts"]
    store = open_store(url)
    try:
        key = embedder_key(get_embedder("use"))
        assert key is not None
        with store.engine.connect() as conn:
            count = conn.exec_driver_sql("SELECT count(*) FROM statement_vectors").scalar_one()
        assert count > 0
    finally:
        store.close()
    # A store that cannot be opened leaves the comparison to embed everything.
    assert story_comparison_json(articles, "use", None, None, "mysql://nowhere/db")["facts"] == body["facts"]


def test_the_service_compares_its_stories_with_the_store_and_ad_hoc_inputs_without(tmp_path: Path) -> None:
    from blickwinkel.config import load_settings
    from blickwinkel.web.app import create_app
    from blickwinkel.web.options import ServiceOptions
    from blickwinkel.web.service import ComparisonProcesses, story_comparison_json

    store = open_store(f"sqlite:///{tmp_path / 'news.db'}")
    try:
        processes = ComparisonProcesses("use", None, 1)
        calls: list[tuple[object, tuple[object, ...]]] = []

        def run(fn: object, *args: object) -> dict[str, object]:
            calls.append((fn, args))
            return {}

        processes._run = run  # type: ignore[method-assign]
        article = read_text(REPORTS[0], source="r.txt", fmt="text")
        processes.keeping_vectors(store)([article], {"key": "{}"})
        processes([article])
        (story_fn, story_args), (ad_hoc_fn, ad_hoc_args) = calls
        assert story_fn is story_comparison_json
        assert story_args[-1] == store.engine.url.render_as_string(hide_password=False)
        assert ad_hoc_fn is not story_comparison_json
        assert store.engine.url.render_as_string(hide_password=False) not in ad_hoc_args
        app = create_app(store, load_settings({}), options=ServiceOptions())
        comparer = app.state.blickwinkel.comparisons.comparer
        assert comparer.__qualname__.startswith("ComparisonProcesses.keeping_vectors")
    finally:
        store.close()


def _kept_rows(store: Store) -> int:
    with store.engine.connect() as conn:
        return int(conn.exec_driver_sql("SELECT count(*) FROM statement_vectors").scalar_one())


def test_ingest_keeps_the_vectors_a_story_comparison_asks_for(tmp_path: Path) -> None:
    from blickwinkel.analyse.cache import ARTICLE_STAGE, analysis_version, content_key
    from blickwinkel.compare import compare_articles
    from blickwinkel.store.ingest import Ingestor, default_analyser

    first, second = write_texts(tmp_path, REPORTS)
    store = open_store(f"sqlite:///{tmp_path / 'news.db'}")
    try:
        analysis.CACHE.clear()
        embedder = VersionedEmbedder()
        ingestor = Ingestor(store, embedder=embedder, analyser=default_analyser)
        assert ingestor.ingest([first]).stored == 1
        assert _kept_rows(store) == 0  # a story of one article: nothing to compare, nothing embedded
        assert ingestor.ingest([second]).stored == 1
        story = store.story_of(1)
        assert story is not None and store.story_article_ids(story) == [1, 2]
        assert _kept_rows(store) > 0
        stored = list(store.articles([1, 2]).values())
        known = store.cached_analyses([content_key(a) for a in stored], analysis_version(), ARTICLE_STAGE)
        analysis.CACHE.clear()  # a comparison process of the service starts empty
        analysed = analysis.analyse_articles(stored, known=known)
        later = VersionedEmbedder()
        kept = KeptEmbedder(later, store)
        comparison = compare_articles(analysed, kept)
        assert comparison.facts
        assert later.texts == [] and kept.read > 0  # nothing embedded again
        # Ingesting more of the story embeds only what is new.
        new = ["The harbour master closed the channel.", "Divers checked the hull on Sunday."]
        assert KeptEmbedder(VersionedEmbedder(), store).keep_ahead([*new, *new]) == 2
        assert KeptEmbedder(VersionedEmbedder(), store).keep_ahead(new) == 0
    finally:
        store.close()


def test_a_model_version_covers_every_module_of_ours_that_computes_its_vectors() -> None:
    # A module of embed/ left out of code_files could change the vectors while the store still
    # served the old ones under the same version (the USE forward pass was left out once).
    from blickwinkel.embed.backends import E5Embedder, USEEmbedder

    root = Path(__file__).parents[2] / "src" / "blickwinkel"
    embed_modules = {f"embed/{p.name}" for p in (root / "embed").glob("*.py")} - {
        "embed/__init__.py",
        "embed/kept.py",  # keeps vectors, computes none
        "embed/word_vectors.py",  # word vectors of the link score, kept in the process only, never stored
    }
    assert embed_modules <= set(USEEmbedder.code_files) | set(E5Embedder.code_files)
    assert "embed/_use_forward.py" in USEEmbedder.code_files
    for model in (USEEmbedder, E5Embedder):
        assert all((root / code).is_file() for code in model.code_files)
