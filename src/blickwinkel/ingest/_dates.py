"""Publication dates as articles print them: ``25.01.2024``, ``2024-01-25``, ``25. Januar 2024``,
``January 25, 2024``, ``25 janvier 2024``, ``25 de enero de 2024``, optionally with a weekday, a time,
a word such as ``Stand:`` and markdown emphasis.

Only whole date lines count (a date inside a sentence is an event date, not the publication date).
"""

from __future__ import annotations

import datetime as dt
import re

from blickwinkel.text.months import all_month_numbers
from blickwinkel.text.weekdays import all_weekday_numbers

# Any language's month names and abbreviations (text/months.py): a date line is read before the
# article's language is known.
_MONTHS: dict[str, int] = all_month_numbers()

_MONTH = "(?P<month_name>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATE = re.compile(
    "|".join(
        (
            # ISO, also with slashes ("2026/03/02", as East Asian sites and some exports write it: year
            # first, so no day and month to confuse) and Java's zone name after the offset
            # ("2026-03-02T10:00:00Z[UTC]"); both were refused and the record lost (I028) until the twelfth
            # session, then read undated
            r"(?P<iso_y>\d{4})(?P<iso_sep>[-/])(?P<iso_m>\d{1,2})(?P=iso_sep)(?P<iso_d>\d{1,2})"
            r"(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?(?:\[[\w/+-]{1,40}\])?)?",
            r"(?P<dot_d>\d{1,2})\.\s?(?P<dot_m>\d{1,2})\.\s?(?P<dot_y>\d{4})",
            # "14. Juni 2025", "14 juin 2025", "1er juin 2025", "14 de junio de 2025"
            rf"(?P<dm_d>\d{{1,2}})(?:\.|er)?\s+(?:de\s+)?{_MONTH}\s+(?:de\s+)?(?P<dm_y>\d{{4}})",
            _MONTH.replace("month_name", "md_month")
            + r"\s+(?P<md_d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<md_y>\d{4})",
        )
    ),
    re.IGNORECASE,
)

# Every language's weekday names and abbreviations (text/weekdays.py): French and Spanish feeds
# abbreviate them too ("mar., 04 mars 2025", "mié, 05 mar 2025"); longest first.
_WEEKDAYS = "|".join(sorted(all_weekday_numbers(), key=lambda name: (-len(name), name)))
# What may stand around a date on a date line: prefixes, weekdays, a time, separators.
_FILLER = re.compile(
    r"(?:veröffentlicht|aktualisiert|erstellt|stand|datum|published|updated|posted|date|last|"
    r"zuletzt|am|um|on|at|uhr|h|mez|mesz|cet|cest|utc|gmt|bst|est|edt|pst|pdt|am|pm|"
    r"publié|publie|mis à jour|actualisé|le|à|publicado|actualizado|el|a las|"
    # markdown emphasis around a date line: "*3 March 2025*", "**Published:** 3 March 2025"
    # the time and its zone as an RSS pubDate gives them: "10:00:00 +0100"
    rf"{_WEEKDAYS}|\d{{1,2}}[:.h]\d{{2}}(?::\d{{2}})?|[+-]\d{{2}}:?\d{{2}}|[\s,.:;|/()\-–—•·*_])+",
    re.IGNORECASE,
)


def find_date(text: str) -> tuple[dt.date, int, int] | None:
    """The first valid date in ``text`` with its span, or None."""
    for match in _DATE.finditer(text):
        date = _match_to_date(match)
        if date is not None:
            return date, match.start(), match.end()
    return None


def parse_date_line(line: str) -> dt.date | None:
    """The date of a line that holds only a date (with weekday, time or a ``Stand:`` word), else None."""
    line = line.strip()
    if not line or len(line) > 80:
        return None
    found = find_date(line)
    if found is None:
        return None
    date, start, end = found
    rest = (line[:start] + " " + line[end:]).strip()
    if rest and _FILLER.fullmatch(rest) is None:
        return None
    return date


# Unix timestamps in seconds or milliseconds (exports of JavaScript and database tools) between 1990
# and 2100; other numbers (a bare year, a count) are no date.
_EPOCH_SECONDS = (631_152_000, 4_102_444_800)
# A timestamp written as a string ("1741082400"): Python's ISO parser read those ten digits as the
# basic form 1741-08-24 plus an hour, so a record's date came out three centuries early. Eight digits
# stay the basic ISO date ("20250304").
_TIMESTAMP_STRING = re.compile(r"\d{9,13}(?:\.\d+)?")


def timestamp_date(value: object) -> dt.date | None:
    """The UTC date of a Unix timestamp in seconds or milliseconds between 1990 and 2100, else None."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    for scale in (1, 1000):
        seconds = value / scale
        if _EPOCH_SECONDS[0] <= seconds < _EPOCH_SECONDS[1]:
            return dt.datetime.fromtimestamp(seconds, dt.UTC).date()
    return None


def parse_date_value(value: str) -> dt.date | None:
    """A date field of a record: ISO date or timestamp, or any form :func:`parse_date_line` takes."""
    value = value.strip()
    if _TIMESTAMP_STRING.fullmatch(value):
        return timestamp_date(float(value))
    try:
        return dt.datetime.fromisoformat(value).date()
    except ValueError:
        pass
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        pass
    return parse_date_line(value)


def _match_to_date(match: re.Match[str]) -> dt.date | None:
    groups = match.groupdict()
    for prefix in ("iso", "dot"):
        if groups[f"{prefix}_y"]:
            return _date(groups[f"{prefix}_y"], groups[f"{prefix}_m"], groups[f"{prefix}_d"])
    if groups["dm_y"]:
        return _date(groups["dm_y"], _MONTHS[groups["month_name"].lower()], groups["dm_d"])
    if groups["md_y"]:
        return _date(groups["md_y"], _MONTHS[groups["md_month"].lower()], groups["md_d"])
    return None


def _date(year: str | int, month: str | int, day: str | int) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
