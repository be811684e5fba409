"""The one table of month names (text/months.py) and the readers that use it."""

from __future__ import annotations

import pytest

from blickwinkel.analyse.dates import find_dates
from blickwinkel.analyse.numbers import DE_MONTHS, EN_MONTHS, FR_MONTHS
from blickwinkel.text.months import MONTH_LANGUAGES, MonthForm, all_month_numbers, month_numbers


@pytest.mark.parametrize("code", MONTH_LANGUAGES)
def test_every_language_names_twelve_months(code: str) -> None:
    assert set(month_numbers(code, "full").values()) == set(range(1, 13))
    assert set(month_numbers(code, "short").values()) <= set(range(1, 13))


def test_no_name_means_two_months_across_languages() -> None:
    seen: dict[str, int] = {}
    forms: tuple[MonthForm, ...] = ("full", "short")
    for code in MONTH_LANGUAGES:
        for form in forms:
            for name, number in month_numbers(code, form).items():
                assert seen.setdefault(name, number) == number, name
    assert all_month_numbers() == seen


def test_the_readers_take_their_names_from_the_table() -> None:
    assert "mrz." in DE_MONTHS and "märz" in DE_MONTHS
    assert {"mar", "mar."} <= EN_MONTHS
    assert "févr." in FR_MONTHS
    [mention] = find_dates("Die Sitzung ist am 4. Mrz. 2031.", "de", anchor=None)
    assert mention.value == "2031-03-04"


def test_story_date_keys_take_the_table_too() -> None:
    from blickwinkel.stories.features import date_keys

    assert "d3-4" in date_keys("4. Mrz. 2031: die Brücke ist gesperrt.") & date_keys("Closed since March 4.")
    assert "m2" in date_keys("Im Feber 2031 wurde gebaut.") & date_keys("Built in February 2031.")


def test_a_tuple_of_languages_names_the_months_of_each() -> None:
    merged = month_numbers(("en", "de", "ar"), "full")
    assert merged["march"] == merged["märz"] == 3
    assert set(merged) == set(month_numbers("en", "full")) | set(month_numbers("de", "full")) | set(
        month_numbers("ar", "full")
    )
    assert list(month_numbers(("en",), "short").items()) == list(month_numbers("en", "short").items())
