"""Entity keys of names written in scripts without Latin letters."""

from __future__ import annotations

import pytest

from blickwinkel.analyse.gazetteer import slug


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Jonas Weber", "jonas-weber"),
        ("Straße am Weiß-See", "strasse-am-weiss-see"),
        ("Ἀγαθὴ Νῆσος", "αγαθη-νησος"),  # invented; marks dropped as in Latin names
        ("Иван Петров", "иван-петров"),
    ],
)
def test_a_name_keeps_a_key_of_its_own_letters(name: str, key: str) -> None:
    assert slug(name) == key


def test_two_arabic_names_have_two_keys() -> None:
    # Every Arabic name was the empty slug: all persons of an Arabic article shared the key "per:".
    first, second = slug("سمير حداد"), slug("ليلى منصور")
    assert first and second and first != second
