"""One outlet label and one statement anchor for the terminal, the HTML report and the web."""

from __future__ import annotations

from blickwinkel.model import Article
from blickwinkel.report.labels import (
    counted,
    labelled_reason,
    outlet_labels,
    statement_anchor,
    story_outlets,
    unnamed_outlets_note,
)


def _article(aid: str, outlet: str | None, title: str | None = None) -> Article:
    return Article(id=aid, text="", blocks=(), source=f"{aid}.txt", outlet=outlet, title=title)


def test_outlet_labels_add_the_id_only_where_two_articles_share_an_outlet() -> None:
    articles = [
        _article("a", "Herald"),
        _article("b", "Herald"),
        _article("c", "Wire"),
        _article("d", None, "T"),
    ]
    # An article naming no outlet was labelled by its id alone, which read as an outlet of that name.
    assert outlet_labels(articles) == {
        "a": "Herald (a)",
        "b": "Herald (b)",
        "c": "Wire",
        "d": "d (outlet unknown)",
    }
    assert outlet_labels(articles, untitled=lambda a: a.title or a.id)["d"] == "T"


def test_statement_anchor_is_one_id_without_whitespace() -> None:
    assert statement_anchor("a1") == "st-a1"
    assert statement_anchor("news 1\t#3") == "st-news_1_#3"


def test_labelled_reason_names_articles_by_label_outside_the_quoted_values() -> None:
    labels = {"a0": "A", "a1": "B", "news 1": "C"}
    assert labelled_reason("usd: '$415' in a0 vs 'more than $3,000' in a1", labels) == (
        "usd: '$415' in A vs 'more than $3,000' in B"
    )
    # a value that holds an article id stays as it was quoted; an apostrophe opens no quote
    assert labelled_reason("""actor: 'a0' in a0 vs "Berg's a1" in news 1""", labels) == (
        """actor: 'a0' in A vs "Berg's a1" in C"""
    )
    assert labelled_reason("speaker: the same quote is per:berg's in a0 and per:o'neil's in a1", labels) == (
        "speaker: the same quote is per:berg's in A and per:o'neil's in B"
    )
    assert labelled_reason("negation: a0 says it did not happen, a1 that it did", labels) == (
        "negation: A says it did not happen, B that it did"
    )
    assert labelled_reason("date: 'a10' in a10 vs 'x' in a1", {"a1": "B", "a10": "K"}) == (
        "date: 'a10' in K vs 'x' in B"
    )


def test_one_plural_rule_for_every_view() -> None:
    # The terminal and the web pages each had their own singular/plural helper, and the CLI summaries
    # wrote their own ("1 new stories" once); all now call counted().
    assert counted(1, "statement") == "1 statement"
    assert counted(0, "statement") == "0 statements"
    assert counted(2, "story", "stories") == "2 stories"
    assert counted(1, "unabhängiges Medium", "unabhängige Medien") == "1 unabhängiges Medium"
    assert counted(3, "unabhängiges Medium", "unabhängige Medien") == "3 unabhängige Medien"


def test_no_view_writes_its_own_plural_rule() -> None:
    import re
    from pathlib import Path

    import blickwinkel

    src = Path(blickwinkel.__file__).parent
    own_rule = re.compile(r"""(?:==|!=) ?1 else ['"]|['"]s['"] if \w+ ?!= ?1""")
    found = [
        str(path.relative_to(src))
        for folder in ("report", "web", "cli")
        for path in sorted((src / folder).rglob("*.py"))
        if path.name != "labels.py" and own_rule.search(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_a_story_names_its_outlets_and_counts_the_articles_that_name_none() -> None:
    assert story_outlets(("Herald", "Wire"), 0) == "Herald, Wire"
    assert story_outlets((), 0) == "–"
    assert story_outlets(("Herald",), 2) == "Herald and 2 articles of unknown outlet"
    assert story_outlets((), 1) == "unknown (1 article names none)"
    assert story_outlets((), 3) == "unknown (3 articles name none)"


def test_articles_without_an_outlet_are_told_where_to_give_one() -> None:
    assert unnamed_outlets_note([]) is None
    note = unnamed_outlets_note([f"{n}.txt" for n in "abcde"])
    assert note is not None
    assert note.startswith("a.txt, b.txt, c.txt and 2 more: 5 articles name no outlet; give it in a front ")
    assert "'outlet: Name'" in note and "'url'" in note
