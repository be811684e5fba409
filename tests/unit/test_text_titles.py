"""A title made from the text for articles that have none."""

from __future__ import annotations

from blickwinkel.text.titles import TITLE_WIDTH, title_from_text


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
