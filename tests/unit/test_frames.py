"""A statement's content without its attribution frame (compare/frames.py), and that content as one of
the statement's parts (compare/parts.py). Invented sentences only."""

from __future__ import annotations

import pytest

from blickwinkel.compare.frames import content_of
from blickwinkel.compare.parts import MAX_PARTS, part_texts


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            '"The harbour road stays shut until Friday," the mayor said.',
            "The harbour road stays shut until Friday",
        ),
        (
            "The mayor said the harbour road would stay shut until Friday.",
            "the harbour road would stay shut until Friday",
        ),
        (
            "The mayor said that the harbour road would stay shut until Friday.",
            "the harbour road would stay shut until Friday",
        ),
        (
            "The mayor told reporters the road would stay shut until Friday.",
            "the road would stay shut until Friday",
        ),
        (
            "The storm cut power to four hill villages, officials said on Monday.",
            "The storm cut power to four hill villages",
        ),
        (
            "According to the fire brigade, two barns burned down overnight.",
            "two barns burned down overnight",
        ),
        (
            "„Die Hafenstraße bleibt bis Freitag gesperrt“, sagte der Bürgermeister.",
            "Die Hafenstraße bleibt bis Freitag gesperrt",
        ),
        (
            "Der Bürgermeister sagte, die Hafenstraße bleibe bis Freitag gesperrt.",
            "die Hafenstraße bleibe bis Freitag gesperrt",
        ),
        (
            "Die Polizei teilte mit, dass drei Radfahrer leicht verletzt worden seien.",
            "drei Radfahrer leicht verletzt worden seien",
        ),
        (
            "Der Sprecher sagte am Montag, die Brücke werde im Frühjahr saniert.",
            "die Brücke werde im Frühjahr saniert",
        ),
        (
            "Nach Angaben der Feuerwehr, die mit vier Wagen kam, brannte die Scheune.",
            None,
        ),
        (
            "Laut Polizei wurden drei Radfahrer leicht verletzt.",
            "wurden drei Radfahrer leicht verletzt",
        ),
        (
            "Nach Angaben der Feuerwehr brannte die Scheune vollständig nieder.",
            "brannte die Scheune vollständig nieder",
        ),
        (
            "Laut einer Sprecherin des Landratsamts bleibt die Straße bis Freitag gesperrt.",
            "bleibt die Straße bis Freitag gesperrt",
        ),
        (
            "Laute Musik störte die Nachbarn bis spät in die Nacht.",
            None,
        ),
    ],
)
def test_the_content_is_what_is_said_without_who_says_it(text: str, content: str | None) -> None:
    found = content_of(text)
    if content is None:
        assert found is None
        return
    assert found is not None
    start, piece = found
    assert piece == content
    assert text[start : start + len(piece)] == piece


@pytest.mark.parametrize(
    "text",
    [
        "Three cyclists were hurt, and the road was closed for hours.",
        "Die Scheune brannte vollständig nieder, mit drei Verletzten.",
        '"We will rebuild the bridge," she said, adding that money had been set aside for it and more.',
        "The council said no.",  # too little left to state a fact
        "Ein Sprecher sagte: Nein.",
        "",
    ],
)
def test_no_frame_no_content(text: str) -> None:
    assert content_of(text) is None


def test_the_content_is_a_part_of_the_statement() -> None:
    text = '"The harbour road stays shut until Friday," the mayor said.'
    assert part_texts(text) == [text, "The harbour road stays shut until Friday"]
    assert part_texts("The harbour road stays shut until Friday.") == [
        "The harbour road stays shut until Friday."
    ]


def test_a_long_framed_sentence_keeps_its_clauses_within_the_limit() -> None:
    text = (
        "The mayor said that the harbour road would stay shut until Friday, because the storm had "
        "washed away part of the quay wall, and that the ferry would dock at the old pier instead."
    )
    parts = part_texts(text)
    assert parts[0] == text
    assert parts[1].startswith("the harbour road would stay shut")
    assert len(parts) <= MAX_PARTS
    assert len(set(parts)) == len(parts)
