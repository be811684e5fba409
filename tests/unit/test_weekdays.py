"""The one table of weekday names (text/weekdays.py) and the readers that use it."""

from __future__ import annotations

import datetime as dt

import pytest

from blickwinkel.analyse.dates import find_dates
from blickwinkel.analyse.numbers import WEEKDAYS
from blickwinkel.ingest._dates import parse_date_line
from blickwinkel.stories.features import date_keys
from blickwinkel.text.weekdays import WEEKDAY_LANGUAGES, WeekdayForm, all_weekday_numbers, weekday_numbers


@pytest.mark.parametrize("code", WEEKDAY_LANGUAGES)
def test_every_language_names_seven_days_monday_first(code: str) -> None:
    for form in ("full", "short"):
        assert set(weekday_numbers(code, form).values()) == set(range(7))
    assert dt.date(2031, 3, 3).weekday() == 0  # a Monday: the numbers count as datetime does


def test_no_name_means_two_days_across_languages() -> None:
    seen: dict[str, int] = {}
    forms: tuple[WeekdayForm, ...] = ("full", "short")
    for code in WEEKDAY_LANGUAGES:
        for form in forms:
            for name, number in weekday_numbers(code, form).items():
                assert seen.setdefault(name, number) == number, name
    assert all_weekday_numbers() == seen


def test_the_readers_take_their_names_from_the_table() -> None:
    assert {"sonnabend", "saturday"} <= WEEKDAYS
    [mention] = find_dates("Am Sonnabend wurde die Brücke gesperrt.", "de", anchor=dt.date(2031, 3, 5))
    assert mention.value == "2031-03-01"
    [mention] = find_dates("El puente se cerró el miércoles.", "es", anchor=dt.date(2031, 3, 7))
    assert mention.value == "2031-03-05"
    assert "wd5" in date_keys("Am Sonnabend wurde gebaut.") & date_keys("Built on Saturday.")


@pytest.mark.parametrize(
    "line",
    [
        "Thu, 6 March 2031",
        # the longer English abbreviations the feed-date reader lacked: the line gave no date
        "Thurs, 6 March 2031",
        "Thur. 6 March 2031, 10:00",
        "Published: Tues 4 March 2031",
        "mié, 5 de marzo de 2031",
    ],
)
def test_a_date_line_with_any_weekday_form_gives_its_date(line: str) -> None:
    assert parse_date_line(line) in {dt.date(2031, 3, 4), dt.date(2031, 3, 5), dt.date(2031, 3, 6)}
