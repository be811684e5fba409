"""German inflection and genitives do not split an entity's key (analyse/coreference.py), and
"Mark" and other census names that are also words are given names. Invented names."""

from __future__ import annotations

import pytest

from blickwinkel.analyse.coreference import _person_keys, name_parts, unify_entity_keys
from blickwinkel.analyse.gazetteer import given_names, is_inflected_title
from blickwinkel.model import Mention


def _mention(text: str, key: str, type_: str = "PER") -> Mention:
    return Mention(text, 0, len(text), type_, key)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "name",
    ["Minister Quandtner", "des Ministers Quandtner", "dem Präsidenten Quandtner", "Herrn Quandtner",
     "Bürgermeisters Quandtner", "des Abgeordneten Quandtner", "Ministerpräsidenten Quandtner"],
)  # fmt: skip
def test_an_inflected_title_is_no_part_of_the_name(name: str) -> None:
    assert name_parts(name) == ("quandtner",)


def test_inflected_titles_are_capitalised_german_role_words() -> None:
    assert is_inflected_title("Ministers") and is_inflected_title("Präsidenten")
    assert not is_inflected_title("ministers")  # a lower-case word is no German noun
    assert not is_inflected_title("Quandtners") and not is_inflected_title("Hans")


def test_a_name_in_the_genitive_joins_its_person() -> None:
    keys = _person_keys(["Jonas Quandtner", "Quandtners", "Quandtner's", "des Ministers Quandtner"])
    assert set(keys.values()) == {"per:jonas-quandtner"}
    # the title form alone, genitive first in the order of the forms
    assert set(_person_keys(["Abels", "Minister Abel"]).values()) == {"per:abel"}


def test_a_genitive_of_two_people_or_a_surname_ending_in_s_stays_apart() -> None:
    keys = _person_keys(["Jonas Quandtner", "Lea Quandtner", "Quandtners"])
    assert keys["Quandtners"] not in {keys["Jonas Quandtner"], keys["Lea Quandtner"]}
    keys = _person_keys(["Hans Niels", "Niels", "Niel"])
    assert keys["Niels"] == keys["Hans Niels"] != keys["Niel"]
    # a form with no name parts left (a title alone) beside a genitive crashed the key assignment
    keys = _person_keys(["Minister", "Quandtners", "Jonas Quandtner"])
    assert keys["Quandtners"] == "per:jonas-quandtner"


def test_keys_agree_across_articles_whatever_the_case() -> None:
    bridge, old_bridge = _mention("Alte Fährbrücke", "loc:alte-fahrbrucke", "LOC"), "Alten Fährbrücke"
    articles = [
        [(_mention("Jonas Quandtner", "per:jonas-quandtner"), bridge)],
        [(_mention("Quandtners", "per:quandtners"), _mention(old_bridge, "org:alten-fahrbrucke", "ORG"))],
        [(bridge, _mention("Alter Markt", "loc:alter-markt", "LOC"))],
    ]
    keys = [m.key for article in unify_entity_keys(articles) for sentence in article for m in sentence]
    assert keys == [
        "per:jonas-quandtner", "loc:alte-fahrbrucke",
        "per:jonas-quandtner", "loc:alte-fahrbrucke",
        "loc:alte-fahrbrucke", "loc:alter-markt",
    ]  # fmt: skip


def test_mark_and_other_census_names_that_are_words_are_given_names() -> None:
    assert {"Mark", "Derrick", "Brett", "Holly"} <= given_names()
    assert not {"April", "Christian", "Crystal"} & given_names()
