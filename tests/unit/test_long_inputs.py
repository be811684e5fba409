"""Pathological long inputs finish (the stages are linear in the text's length): one megabyte of one
token, of brackets, of dotted tokens, of words without a full stop. What is asserted is the result's
shape, never a time: ``bench/pathological.py`` prints each stage's time beside its budget."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from blickwinkel import pipeline
from blickwinkel.analyse.language import _strip_names, article_language, detect_language
from blickwinkel.analyse.pipeline import analyse_articles
from blickwinkel.embed.backends import MAX_EMBED_CHARS, _LazyModel
from blickwinkel.ingest import read_text
from blickwinkel.ingest._sniff import sniff
from blickwinkel.model import Article, Comparison
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
    # Five pieces' worth: enough to show the cut and the analysis of what it gives (a tenth of a
    # megabyte took a minute of CPU a shape; bench/pathological.py times the whole megabyte).
    article = read_text(SHAPES[shape][: 5 * MAX_PIECE_CHARS], source="long.txt", fmt="text")
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


def test_an_embedder_sees_at_most_its_bounded_prefix_of_a_text() -> None:
    # A megabyte-long "sentence" once made the USE backend hold 14 GB of feature rows.
    seen: list[int] = []

    class Recording(_LazyModel):
        dim = 4

        def _build(self) -> object:
            return object()

        def _embed(self, model: object, texts: list[str]) -> object:
            seen.extend(len(t) for t in texts)
            return np.ones((len(texts), self.dim), dtype=np.float32)

    rows = Recording().encode(["a " * MB, "kurz"])
    assert rows.shape == (2, 4) and seen == [MAX_EMBED_CHARS, 4]


def test_compare_refuses_a_text_over_compare_max_chars_and_compares_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compared: list[list[str]] = []

    def stand_in(articles: Sequence[Article], **_: object) -> Comparison:
        compared.append([a.id for a in articles])
        return Comparison(articles=(), facts=(), conflicts=(), links=(), outlets={})

    monkeypatch.setattr(pipeline, "compare_articles_text", stand_in)
    for name, text in (("a.txt", "Rat tagte.\n\nDer Rat tagte lange."), ("b.txt", "Rat.\n\nEr tagte.")):
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "long.txt").write_text("wort " * 10_000, encoding="utf-8")
    run = pipeline.compare_inputs([str(tmp_path)], max_chars=20_000)
    assert compared == [["a", "b"]]
    (failure,) = run.failures
    assert failure.source.endswith("long.txt") and "compare_max_chars" in str(failure)
    # the comparison names it too (its JSON's `unread`)
    assert run.comparison is not None
    assert [(u.input, u.error) for u in run.comparison.unread] == [(failure.source, "K005")]
