"""An outlet's "own words" are shown as the article writes them, not as the lemmatiser's stems."""

from __future__ import annotations

from blickwinkel.compare.coverage import as_written
from blickwinkel.model import Statement


def _said(text: str, language: str = "en") -> Statement:
    return Statement(id=f"a:{len(text)}", article="a", text=text, start=0, end=len(text), language=language)


def test_a_stem_that_is_no_word_is_shown_as_the_form_written_most_often() -> None:
    # The lemmatiser's stem of "travelling" is no word a reader knows.
    statements = [
        _said("The riders were travelling north when the gate closed."),
        _said("Travelling by night, they reached the valley; one rider travelled alone."),
    ]
    assert as_written(["travell"], statements) == ["travelling"]


def test_a_statement_in_several_facts_counts_once() -> None:
    once = _said("Zwei Fahrzeugen fehlten Räder, drei Fahrzeugen die Lichter.", "de")
    repeated = _said("Die Fahrzeuge standen still.", "de")
    assert as_written(["Fahrzeug"], [once, repeated, repeated, repeated]) == ["Fahrzeugen"]


def test_a_lemma_the_article_writes_stays_and_one_it_never_writes_stays_too() -> None:
    statements = [_said("The ferry left late; two ferries waited at the pier.")]
    assert as_written(["ferry", "lantern"], statements) == ["ferry", "lantern"]


def test_a_german_noun_is_shown_in_the_form_the_article_uses() -> None:
    statements = [_said("Die Fahrzeuge standen stundenlang vor der Brücke.", "de")]
    assert as_written(["Fahrzeug"], statements) == ["Fahrzeuge"]
