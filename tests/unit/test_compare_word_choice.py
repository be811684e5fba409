"""An outlet's own words for shared facts: words it chose, never function words or names."""

from __future__ import annotations

from dataclasses import replace

from blickwinkel.compare.coverage import word_choice
from blickwinkel.ingest import read_text
from blickwinkel.model import AnalysedArticle, Fact
from blickwinkel.pipeline import analyse_articles


def _analyse(text: str, source: str) -> AnalysedArticle:
    (analysed,) = analyse_articles([replace(read_text(text, source=source, fmt="text"), language="en")])
    return analysed


def test_english_own_words_are_no_function_words_or_names() -> None:
    # Invented: one outlet names the skipper and writes "vessel ... slammed", the other "boat ... hit".
    a = _analyse(
        "Title\n\nThe vessel also slammed into the pier during the storm, which Tomas Brandvik steered.",
        "a.txt",
    )
    b = _analyse("Title\n\nThe boat hit the pier in the storm.", "b.txt")
    statements = {s.id: s for s in (*a.statements, *b.statements)}
    articles = tuple(dict.fromkeys(s.article for s in statements.values()))
    fact = Fact("f1", tuple(statements), articles, b.statements[0].id)
    own = word_choice([fact], statements, a.statements[0].article)
    assert not {"also", "into", "during", "which", "Tomas", "Brandvik"} & set(own), own
    assert "vessel" in own, own
