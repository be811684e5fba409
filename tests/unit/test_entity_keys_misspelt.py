"""A surname misspelt in one article of a story joins its other spelling, within a story only
(thirteenth session; found by the new user). Invented names."""

from __future__ import annotations

import pytest

from blickwinkel.analyse.coreference import name_parts, unify_entity_keys
from blickwinkel.model import Mention


def _person(*names: str) -> list[tuple[Mention, ...]]:
    """One article of one sentence naming ``names``."""
    mentions, at = [], 0
    for text in names:
        mentions.append(Mention(text, at, at + len(text), "PER", "per:" + "-".join(name_parts(text))))
        at += len(text) + 5
    return [tuple(mentions)]


def _keys(*articles: list[tuple[Mention, ...]], one_story: bool = True) -> list[list[str]]:
    unified = unify_entity_keys(list(articles), ["de"] * len(articles), one_story=one_story)
    return [[m.key for sentence in article for m in sentence] for article in unified]


def test_a_misspelt_surname_joins_the_spelling_the_story_uses_more() -> None:
    keys = _keys(_person("Marek Kowalski"), _person("Marek Kowalski"), _person("Marek Kowalsky"))
    assert keys == [["per:marek-kowalski"]] * 3
    # a bare surname misspelt joins the full name
    assert _keys(_person("Marek Kowalski"), _person("Kowalsky")) == [["per:marek-kowalski"]] * 2
    # a letter dropped or added (one spelling each: they share one key, whichever)
    one, other = _keys(_person("Ines Hartmann"), _person("Ines Hartman"))
    assert one == other


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Meier", "Meyer"),  # short surnames: common names of different families
        ("Anna Meier", "Anna Meyer"),
        ("Anna Kowalski", "Jana Kowalsky"),  # the first names differ
        ("Schmidt", "Schmid"),  # two bare surnames: nothing says one person
        ("Marek Hansen", "Marek Jansen"),  # another first letter
        ("Marek Kowalski", "Marek Kowalczyk"),  # more than one letter apart
    ],
)
def test_names_that_stay_apart(first: str, second: str) -> None:
    keys = _keys(_person(first), _person(second))
    assert keys[0] != keys[1]


def test_two_spellings_in_one_sentence_are_two_people() -> None:
    keys = _keys(_person("Anna Schmidtke", "Anna Schmidtka"), _person("Anna Schmidtke"))
    assert keys[0][0] != keys[0][1]


def test_articles_analysed_together_without_being_one_story_keep_their_spellings() -> None:
    keys = _keys(_person("Marek Kowalski"), _person("Marek Kowalsky"), one_story=False)
    assert keys == [["per:marek-kowalski"], ["per:marek-kowalsky"]]
