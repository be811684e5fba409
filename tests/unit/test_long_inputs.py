"""Pathological long inputs finish (the stages are linear in the text's length): one megabyte of one
token, of brackets, of dotted tokens, of words without a full stop. What is asserted is the result's
shape, never a time: ``bench/pathological.py`` prints each stage's time beside its budget."""

from __future__ import annotations

import pytest

from blickwinkel.analyse.language import _strip_names, article_language, detect_language
from blickwinkel.analyse.pipeline import analyse_articles
from blickwinkel.ingest import read_text
from blickwinkel.ingest._sniff import sniff
from blickwinkel.text import split_statements
from blickwinkel.text._somajo import MAX_PIECE_CHARS

MB = 1_000_000
SHAPES = {
    "one token": "a" * MB,
    "url-like token": ("www." + "a." * MB)[:MB],
    "brackets": "[" * MB,
    "markdown link starts": ("[a](" * MB)[:MB],
    "dotted tokens": ("a.b " * MB)[:MB],
    "words without a full stop": ("wort " * MB)[:MB],
    "quotes": ('"„ « sagte " ' * MB)[:MB],
}


@pytest.mark.parametrize("shape", list(SHAPES))
def test_language_and_format_of_a_megabyte(shape: str) -> None:
    text = SHAPES[shape]
    assert len(_strip_names(text)) <= len(text)
    detect_language(text)
    assert sniff(text) in ("text", "markdown")


@pytest.mark.slow
@pytest.mark.parametrize("shape", ["one token", "url-like token", "brackets"])
def test_a_megabyte_without_spaces_is_read_and_split(shape: str) -> None:
    article = read_text(SHAPES[shape], source="long.txt", fmt="text")
    article_language(article)
    statements = split_statements(article)
    assert statements and all(article.text[s.start : s.end] == s.text for s in statements)


@pytest.mark.slow
@pytest.mark.parametrize("shape", ["dotted tokens", "words without a full stop", "quotes"])
def test_long_texts_are_cut_into_bounded_sentences_and_analysed(shape: str) -> None:
    article = read_text(SHAPES[shape][: MB // 10], source="long.txt", fmt="text")
    statements = split_statements(article)
    assert statements and all(article.text[s.start : s.end] == s.text for s in statements)
    assert max(s.end - s.start for s in statements) <= MAX_PIECE_CHARS + 200
    (analysed,) = analyse_articles([article])
    assert len(analysed.statements) >= len(statements) // 2


@pytest.mark.slow
def test_a_long_token_of_markup_is_analysed_without_the_tagger() -> None:
    # 19,000 characters like these once kept the part-of-speech tagger busy for over ten minutes.
    text = "<html><body><p>" * 1300 + " Rat Stadt Brücke Montag gesperrt sagte " + "</p>" * 1300
    (analysed,) = analyse_articles([read_text(text, source="markup.txt", fmt="text")])
    assert analysed.statements
