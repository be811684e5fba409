"""Weekday names of each language, in one place: full names (with their spellings without accents)
and the abbreviations papers and feeds print, each with its number, 0 for Monday to 6 for Sunday
(as ``datetime.date.weekday`` counts).

The date reader of the analysis (analyse/dates.py), the quantity reader that must not read
"Montag 5" as five of something (analyse/numbers.py, analyse/units.py), the entity finder that must
not take "Monday" for a name (analyse/entity_words.py), the same-story date tokens (stories/features.py)
and the publication-date reader of ingest (ingest/_dates.py) each kept their own list before; the
ingest one lacked the English abbreviations "Tues", "Thur" and "Thurs". Written for this project
from general knowledge of the languages, as text/months.py.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final, Literal

WeekdayForm = Literal["full", "short"]

# Monday first; between the bars the names of one day.
_FULL: Final = {
    "de": "montag | dienstag | mittwoch | donnerstag | freitag | samstag sonnabend | sonntag",
    "en": "monday | tuesday | wednesday | thursday | friday | saturday | sunday",
    "fr": "lundi | mardi | mercredi | jeudi | vendredi | samedi | dimanche",
    "es": "lunes | martes | miércoles miercoles | jueves | viernes | sábado sabado | domingo",
    "it": "lunedì lunedi | martedì martedi | mercoledì mercoledi | giovedì giovedi | venerdì venerdi | "
    "sabato | domenica",
    # Portuguese: the bare "segunda", "quarta", "quinta", "sexta" are ordinals too ("a segunda vez"),
    # so only the "-feira" forms are weekday names here
    "pt": "segunda-feira | terça-feira terca-feira | quarta-feira | quinta-feira | sexta-feira | "
    "sábado sabado | domingo",
    "nl": "maandag | dinsdag | woensdag | donderdag | vrijdag | zaterdag | zondag",
}
# Abbreviations, written without their dot.
_SHORT: Final = {
    "de": "mo | di | mi | do | fr | sa | so",
    "en": "mon | tue tues | wed | thu thur thurs | fri | sat | sun",
    "fr": "lun | mar | mer | jeu | ven | sam | dim",
    "es": "lun | mar | mié mie | jue | vie | sáb sab | dom",
    "it": "lun | mar | mer | gio | ven | sab | dom",
    "pt": "seg | ter | qua | qui | sex | sáb sab | dom",
    "nl": "ma | di | wo | do | vr | za | zo",
}


def _table(days: list[str]) -> dict[str, int]:
    assert len(days) == 7, days
    return {name: number for number, names in enumerate(days) for name in names.split()}


WEEKDAY_LANGUAGES: Final = ("de", "en", "fr", "es", "it", "pt", "nl")
_TABLES: Final = {
    (code, "full"): MappingProxyType(_table(_FULL[code].split("|"))) for code in WEEKDAY_LANGUAGES
} | {(code, "short"): MappingProxyType(_table(_SHORT[code].split("|"))) for code in WEEKDAY_LANGUAGES}


def weekday_numbers(code: str, form: WeekdayForm) -> MappingProxyType[str, int]:
    """The weekday names of language ``code`` in ``form`` ("full" or "short", the latter without a
    dot), lower case, each with its number 0 (Monday) to 6 (Sunday)."""
    return _TABLES[(code, form)]


def all_weekday_numbers() -> dict[str, int]:
    """Every language's full names and abbreviations with their number (no name means two days
    across the languages, which a test checks)."""
    return {name: number for table in _TABLES.values() for name, number in table.items()}
