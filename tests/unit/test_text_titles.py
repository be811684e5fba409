"""A title made from the text for articles that have none."""

from __future__ import annotations

import pytest

from blickwinkel.text.titles import TITLE_WIDTH, shown_title, title_from_text, without_site_prefix


def test_the_first_sentence_of_the_first_paragraph() -> None:
    text = "\n\n  The dam at Fernholt holds.  Engineers checked it twice.\n\nA second paragraph."
    assert title_from_text(text) == "The dam at Fernholt holds."


def test_a_long_sentence_is_cut_at_a_word() -> None:
    sentence = "Die Gemeinde " + " ".join(["beschließt"] * 40) + " etwas."
    title = title_from_text(sentence)
    assert len(title) <= TITLE_WIDTH and title.endswith(" …")
    assert title.startswith("Die Gemeinde beschließt")


def test_one_very_long_word_and_no_words() -> None:
    assert title_from_text("x" * 300).endswith(" …")
    assert len(title_from_text("x" * 300)) <= TITLE_WIDTH
    assert title_from_text(" \n \n") == ""


def test_a_dot_inside_the_sentence_does_not_end_it() -> None:
    # The title took everything up to the first ". " before a capital or digit: "Am 12." and "Dr.".
    text = "Am 12. März sperrt die Gemeinde Talfeld die Brücke. Sie bleibt ein Jahr zu."
    assert title_from_text(text, language="de") == "Am 12. März sperrt die Gemeinde Talfeld die Brücke."
    assert title_from_text("Dr. Mara Lind leitet die Klinik. Sie bleibt.", language="de") == (
        "Dr. Mara Lind leitet die Klinik."
    )
    assert title_from_text("The U.S. team landed at 9 p.m. on Monday. More soon.", language="en") == (
        "The U.S. team landed at 9 p.m. on Monday."
    )


SITE = "https://www.valleypost.example/a/1"


@pytest.mark.parametrize(
    ("title", "outlet", "url", "expected"),
    [
        ("News :: Bridge closed for repairs until May", None, None, "Bridge closed for repairs until May"),
        ("Startseite | Brücke bis Mai gesperrt", None, None, "Brücke bis Mai gesperrt"),
        ("Kultur & Leben | Museum opens a new wing", None, None, "Museum opens a new wing"),
        ("Lenne-Bote – Fähre fährt ab Montag früher", "Lenne-Bote", None, "Fähre fährt ab Montag früher"),
        ("Valleypost | Ferry leaves an hour earlier", None, SITE, "Ferry leaves an hour earlier"),
        (
            "Home | Politik | Council votes on the harbour plan",
            None,
            None,
            "Council votes on the harbour plan",
        ),
        # a real part of the title stays: a place, a person, a kicker that is no section label
        ("Osterlin – a harbour town waits for its quay", None, None, None),
        ("Mara Lind | The ferry captain who stayed", "Valley Post", None, None),
        # too little would be left: the segment belongs to a short title
        ("Sport – the final", None, None, None),
        ("Bridge closed for repairs", "News", None, None),
        ("Bridge closed – News", None, None, None),
    ],
)
def test_a_site_or_section_prefix_is_cut_from_a_title(
    title: str, outlet: str | None, url: str | None, expected: str | None
) -> None:
    # A site's name or section label before the title stayed in story titles. None: unchanged.
    assert without_site_prefix(title, outlet, url) == (expected or title)


def test_a_report_shows_a_title_without_its_site_prefix() -> None:
    assert shown_title("News :: Bridge closed for repairs today", "Kestrel Post") == (
        "Bridge closed for repairs today"
    )
    assert (
        shown_title("Kestrel Post | Bridge closed for repairs", "Kestrel Post") == "Bridge closed for repairs"
    )
    assert (
        shown_title("Osterlin – a harbour town waits for the ferry")
        == "Osterlin – a harbour town waits for the ferry"
    )
    assert shown_title(None) is None
