"""Month names of each language, in one place: full names (with their spellings without accents or
umlauts) and the abbreviations papers and feeds print.

The date reader of the analysis (analyse/dates.py), the quantity reader that must not read "5. März"
as five of something (analyse/numbers.py, analyse/units.py) and the publication-date reader of ingest
(ingest/_dates.py) each kept their own table before, and the ingest one missed the French and Spanish
abbreviations of feed dates ("mar., 04 mars 2025", "févr."). Written for this project from general
knowledge of the languages.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final, Literal

MonthForm = Literal["full", "short"]

# One line a month, January first; within a line the names of that month.
_FULL: Final = {
    "de": """
        januar jänner jaenner
        februar feber
        märz maerz
        april
        mai
        juni
        juli
        august
        september
        oktober
        november
        dezember
    """,
    "en": """
        january
        february
        march
        april
        may
        june
        july
        august
        september
        october
        november
        december
    """,
    "fr": """
        janvier
        février fevrier
        mars
        avril
        mai
        juin
        juillet
        août aout
        septembre
        octobre
        novembre
        décembre decembre
    """,
    "es": """
        enero
        febrero
        marzo
        abril
        mayo
        junio
        julio
        agosto
        septiembre setiembre
        octubre
        noviembre
        diciembre
    """,
    "it": """
        gennaio
        febbraio
        marzo
        aprile
        maggio
        giugno
        luglio
        agosto
        settembre
        ottobre
        novembre
        dicembre
    """,
    "pt": """
        janeiro
        fevereiro
        março marco
        abril
        maio
        junho
        julho
        agosto
        setembro
        outubro
        novembro
        dezembro
    """,
    "nl": """
        januari
        februari
        maart
        april
        mei
        juni
        juli
        augustus
        september
        oktober
        november
        december
    """,
    "pl": """
        styczeń stycznia
        luty lutego
        marzec marca
        kwiecień kwietnia
        maj maja
        czerwiec czerwca
        lipiec lipca
        sierpień sierpnia
        wrzesień września
        październik października
        listopad listopada
        grudzień grudnia
    """,
    "ru": """
        январь января
        февраль февраля
        март марта
        апрель апреля
        май мая
        июнь июня
        июль июля
        август августа
        сентябрь сентября
        октябрь октября
        ноябрь ноября
        декабрь декабря
    """,
    "tr": """
        ocak
        şubat
        mart
        nisan
        mayıs
        haziran
        temmuz
        ağustos
        eylül
        ekim
        kasım
        aralık
    """,
    # Arabic: the names of Egypt and the Gulf, the Maghreb's and the single-word names of the Levant,
    # with their spellings without hamza; the Levant's two-word names of January, October, November and
    # December ("kanun"/"tishrin" and an ordinal) are read by their first word in analyse/units.py
    "ar": """
        يناير جانفي
        فبراير شباط فيفري
        مارس آذار اذار
        أبريل ابريل إبريل نيسان أفريل افريل
        مايو أيار ايار ماي
        يونيو يونية حزيران جوان
        يوليو يولية تموز يوليوز جويلية
        أغسطس اغسطس آب غشت أوت اوت
        سبتمبر أيلول ايلول شتنبر
        أكتوبر اكتوبر
        نوفمبر نونبر
        ديسمبر دجنبر
    """,
}
# Abbreviations, written without their dot (German and French print one, English often not). A month
# with no abbreviation ("Mai", "May") has an empty line: "-".
_SHORT: Final = {
    "de": "jan | feb | mär mrz | apr | - | jun | jul | aug | sep sept | okt | nov | dez",
    "en": "jan | feb | mar | apr | - | jun | jul | aug | sep sept | oct | nov | dec",
    "fr": "janv | févr fevr | - | avr | - | - | juil | - | sept | oct | nov | déc dec",
    "es": "ene | feb | mar | abr | may | jun | jul | ago | sep sept | oct | nov | dic",
    "it": "gen | feb | mar | apr | mag | giu | lug | ago | set sett | ott | nov | dic",
    "pt": "jan | fev | mar | abr | mai | jun | jul | ago | set | out | nov | dez",
    "nl": "jan | feb | mrt maa | apr | - | jun | jul | aug | sep sept | okt | nov | dec",
    # Polish, Turkish and Russian full names only (Polish and Russian in the nominative and the genitive
    # a date takes, "12 maja", "12 мая"): added for the quantity reader, seventeenth session
    "pl": "- | - | - | - | - | - | - | - | - | - | - | -",
    "tr": "- | - | - | - | - | - | - | - | - | - | - | -",
    "ru": "- | - | - | - | - | - | - | - | - | - | - | -",
    "ar": "- | - | - | - | - | - | - | - | - | - | - | -",
}


def _table(lines: list[str]) -> dict[str, int]:
    assert len(lines) == 12, lines
    return {name: number for number, line in enumerate(lines, 1) for name in line.split() if name != "-"}


MONTH_LANGUAGES: Final = ("de", "en", "fr", "es", "it", "pt", "nl", "pl", "tr", "ru", "ar")
_TABLES: Final = {
    (code, "full"): MappingProxyType(_table(_FULL[code].strip().splitlines())) for code in MONTH_LANGUAGES
} | {(code, "short"): MappingProxyType(_table(_SHORT[code].split("|"))) for code in MONTH_LANGUAGES}


def month_numbers(code: str | tuple[str, ...], form: MonthForm) -> MappingProxyType[str, int]:
    """The month names of language ``code`` in ``form`` ("full" or "short", the latter without a dot),
    lower case, each with its month number 1–12; with a tuple of codes, the names of all of them (in
    that order; no name means two months, which a test checks)."""
    if isinstance(code, str):
        return _TABLES[(code, form)]
    return MappingProxyType({name: number for one in code for name, number in _TABLES[(one, form)].items()})


def all_month_numbers() -> dict[str, int]:
    """Every language's full names and abbreviations with their month number (no name means two
    months across the languages, which a test checks)."""
    return {name: number for table in _TABLES.values() for name, number in table.items()}
