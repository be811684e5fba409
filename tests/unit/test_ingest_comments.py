"""Readers' comments under an article are page furniture, never statements: on text and markup we wrote
in the shapes blog themes and comment systems print (invented names, places and wording)."""

from __future__ import annotations

import json

import pytest

from blickwinkel.ingest import read_text
from blickwinkel.ingest._comments import is_comments_heading, opens_a_comment
from blickwinkel.model import Article
from blickwinkel.text import split_statements

ARTICLE = (
    "Neue Brücke in Kellbach\n\n"
    "Der Gemeinderat von Kellbach hat am Dienstag den Bau einer neuen Brücke über die Kell beschlossen.\n\n"
    "Die Arbeiten sollen im Frühjahr beginnen und rund zwei Jahre dauern.\n\n"
)


def said(article: Article) -> list[str]:
    return [s.text for s in split_statements(article)]


@pytest.mark.parametrize(
    "heading",
    [
        "Kommentare",
        "3 Kommentare",
        "Leserkommentare",
        "Comments (4)",
        "2 Gedanken zu „Neue Brücke“",
        "5 thoughts on “New bridge for Kellbach”",
        "Schreibe einen Kommentar",
        "Leave a Reply",
    ],
)
def test_comments_headings(heading: str) -> None:
    assert is_comments_heading(heading)


@pytest.mark.parametrize("text", ["Reaktionen", "Kommentar von Anna Beispiel", "Die Kommentare der Räte"])
def test_no_comments_headings(text: str) -> None:
    assert not is_comments_heading(text)


@pytest.mark.parametrize(
    "line",
    [
        "Anna sagt:",
        "kalle_73 says:",
        "Max Beispiel schreibt: 12. März 2031 um 10:15 Uhr",
        "12.03.2031 um 10:15",
        "March 12, 2031 at 10:15 am",
    ],
)
def test_a_comment_opens(line: str) -> None:
    assert opens_a_comment(line)


@pytest.mark.parametrize("line", ["Der Bürgermeister sagt: Wir bauen neu.", "Anna sagt", "Am 12. März 2031"])
def test_no_comment_opens(line: str) -> None:
    assert not opens_a_comment(line)


def test_the_comments_under_a_plain_text_article_are_no_statements() -> None:
    text = (
        ARTICLE
        + "3 Kommentare\n\n"
        + "Anna sagt:\n\n12. März 2031 um 10:15 Uhr\n\nEndlich! Darauf warten wir seit Jahren.\n\n"
        + "kalle_73 sagt:\n\nDas wird doch nie fertig, wie beim Bahnhof.\n\n"
        + "Schreibe einen Kommentar"
    )
    article = read_text(text, source="k.txt", fmt="text")
    statements = said(article)
    assert any("Gemeinderat" in s for s in statements) and any("Frühjahr" in s for s in statements)
    assert not any("Jahren" in s or "Bahnhof" in s or "sagt" in s for s in statements)


def test_the_comments_of_a_json_record_are_no_statements() -> None:
    body = ARTICLE.split("\n\n", 1)[1] + "Comments (2)\n\njane_d says:\n\nGreat news for the town!"
    record = {"title": "Neue Brücke in Kellbach", "text": body}
    article = read_text(json.dumps(record, ensure_ascii=False), source="k.json", fmt="json")
    statements = said(article)
    assert any("Gemeinderat" in s for s in statements)
    assert not any("Great news" in s for s in statements)


def test_a_comments_button_under_the_headline_and_a_reactions_section_stay() -> None:
    # "Kommentare" before any article text is a button; a section where someone "sagt:" and says more
    # is the article's own
    text = (
        "Neue Brücke in Kellbach\n\nKommentare\n\n"
        "Der Gemeinderat von Kellbach hat am Dienstag den Bau einer neuen Brücke "
        "über die Kell beschlossen.\n\n"
        "Kommentare der Fraktionen\n\n"
        "Die Fraktionschefin sagt: Wir haben lange genug gewartet.\n\n"
        "Die Arbeiten sollen im Frühjahr beginnen und rund zwei Jahre dauern."
    )
    statements = said(read_text(text, source="k.txt", fmt="text"))
    assert any("Gemeinderat" in s for s in statements)
    assert any("gewartet" in s for s in statements) and any("Frühjahr" in s for s in statements)


def test_comments_without_an_opening_line_stay() -> None:
    text = (
        ARTICLE + "Kommentare\n\nNoch keine Kommentare vorhanden.\n\nDie Stadt lädt am Freitag zur Sitzung."
    )
    statements = said(read_text(text, source="k.txt", fmt="text"))
    assert any("Sitzung" in s for s in statements)
