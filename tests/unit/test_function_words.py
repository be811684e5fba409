"""Function words live in one module (text/function_words.py); every list of them is drawn from it."""

from __future__ import annotations

from blickwinkel.analyse import units
from blickwinkel.analyse.gazetteer import ROMANCE_FUNCTION_WORDS
from blickwinkel.compare.similarity import STOPWORDS, fold
from blickwinkel.ingest import _text
from blickwinkel.text.function_words import FUNCTION_WORDS, TITLE_SMALL_WORDS, function_words


def test_every_reader_draws_its_words_from_the_one_module() -> None:
    # Four hand-written lists (wording features, quantity reader, French/Spanish capitalisation,
    # outlet banners) each held their own copy of the same words.
    assert function_words("fr", "es") == ROMANCE_FUNCTION_WORDS
    assert {fold(w) for w in function_words("de")} <= STOPWORDS
    assert function_words("en") <= units._EN_STOP
    assert function_words("fr") <= units._FR_STOP and function_words("es") <= units._ES_STOP
    assert _text._FUNCTION_WORDS == TITLE_SMALL_WORDS <= function_words(*FUNCTION_WORDS)


def test_the_wording_features_leave_out_the_same_words_as_before() -> None:
    # The link model's weights were fitted with this set; the move must not change it.
    assert len(STOPWORDS) == 126
    assert {"der", "und", "fur", "the", "of", "their"} <= STOPWORDS
    assert not {"about", "which", "more"} & STOPWORDS


def test_lists_are_lower_case_words() -> None:
    for code, words in FUNCTION_WORDS.items():
        assert words, code
        assert all(w == w.lower() and " " not in w for w in words), code
