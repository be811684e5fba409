"""Date phrases in German, English, French, Spanish, Italian, Portuguese and Dutch news text, resolved
against the publication date.

``find_dates`` finds absolute dates ("25.01.2024", "25. Januar 2024", "January 24, 2024",
"im Januar 2024", "im Jahr 2014") and relative ones ("am Mittwoch", "gestern", "vor zwei Wochen",
"Ende vergangenen Jahres", "last week"), and gives each an ISO value as precise as the phrase:
a day "2024-01-24", a month "2024-01", a year "2024" or an ISO week "2024-W03".

Decisions:

- A weekday without a qualifier ("am Mittwoch", "on Tuesday") is the most recent such day on or
  before the anchor: news reports the past, and "am Donnerstag" in an article published on a
  Thursday is usually that day. "vergangenen"/"letzten"/"last" make it strictly before the anchor;
  "kommenden"/"nächsten"/"next" the first such day after it. A future in the same clause ("will
  reopen on Monday", "is due to … on Friday", "Am Montag will die Regierung … entscheiden", "soll am
  Montag beginnen"; not "soll am Montag … geschlagen haben", a reported past) makes it the first such
  day on or after the anchor: the publication day's own weekday in the future is that day.
- A month or day without a year ("Ende Januar", "am 3. März", "25.01.") takes the year that puts it
  nearest to the anchor, ties going to the past; so "Ende Dezember" in January is last December,
  while "im März" in a January article is the coming March. (Taking the previous year whenever the
  month is after the anchor's month would send every announcement of next month a year back.) The
  sentence's tense moves it where it says the other side (``_by_tense``): "In December, … died" in a
  September article is last December, "will open in March" there the coming March; a sentence with
  both tenses ("said in March it will …") or neither keeps the nearest, and "seit", "last", "next"
  decide as before.
- Weeks ("letzte Woche", "last week", "am vergangenen Wochenende") resolve to an ISO week
  "YYYY-Www", the precision the phrase has; "vor zwei Wochen" names a day and resolves to one.
- A bare year counts only after a word that makes it a date ("im Jahr", "seit", "bis", "Ende",
  "since", "in"...). Relative phrases get ``value=None`` without an anchor.
- dateparser is not used: its German search is unreliable and it is slow to import; the phrases are
  few and regular enough for patterns and month tables.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace

from blickwinkel.model import DateMention
from blickwinkel.text.months import month_numbers
from blickwinkel.text.weekdays import all_weekday_numbers, weekday_numbers

__all__ = ["SUPPORTED_LANGUAGES", "anchor_from_others", "date_span", "dates_agree", "find_dates"]

# The languages whose dates the same-story features read (stories/features.py; their weights were
# fitted with these). ``find_dates`` also reads French and Spanish dates, for the comparison.
SUPPORTED_LANGUAGES: tuple[str, ...] = ("de", "en")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _alternation(words: Collection[str]) -> str:
    """Longest first, so that a word wins over its prefixes; equal lengths in a fixed order (two words
    of one length cannot match at one place), so that the pattern, and its cached compiled code
    (``datacache.compiled_patterns``), is the same in every process whatever the set order."""
    return "|".join(sorted((re.escape(w) for w in words), key=lambda w: (-len(w), w)))


def _capitalised(words: Sequence[str]) -> str:
    return _alternation([w[:1].upper() + w[1:] for w in words])


@dataclass(frozen=True)
class _Calendar:
    """One language's date words, and the pieces of its pattern made from them.

    ``months`` and ``weekdays`` come from the one table of each (text/months.py, text/weekdays.py);
    ``day_words`` count days from today ("gestern" -1), ``past`` and ``future`` qualify a weekday,
    month or unit ("vergangenen", "next"), ``numbers`` count in "vor zwei Wochen", "two weeks ago".
    The pattern pieces: ``month`` a month as the pattern reads it, ``month_full`` a full month name,
    ``month_any`` any month word (the quick check of ``_CORES``), ``weekday``, ``number``."""

    months: dict[str, int]
    weekdays: dict[str, int]
    day_words: dict[str, int]
    past: frozenset[str]
    future: frozenset[str]
    numbers: dict[str, int]
    month: str
    month_full: str
    month_any: str
    weekday: str
    number: str


def _calendar(
    code: str,
    *,
    day_words: dict[str, int],
    past: str = "",
    future: str = "",
    numbers: str = "",
    short_months: str | None = None,
) -> _Calendar:
    """The date words of language ``code``. With ``short_months`` (German and English: the pattern
    after an abbreviation, ``\\.`` or ``\\.?``) the month abbreviations are read too, and names are
    read capitalised; otherwise full month names only, in any case (French and Spanish abbreviations
    are words too: Spanish "mar" is the sea). Weekdays are full names only (the abbreviations are
    words: German "so", "do", French "mar")."""
    weekdays = dict(weekday_numbers(code, "full"))
    small = {w: int(n) for w, n in (pair.split("=") for pair in numbers.split())}
    if short_months is None:
        months = dict(month_numbers(code, "full"))
        month = month_full = month_any = rf"(?i:{_alternation(months)})"
        weekday = rf"(?i:{_alternation(weekdays)})"
    else:
        short = frozenset(month_numbers(code, "short"))
        months = {**month_numbers(code, "full"), **month_numbers(code, "short")}
        month_full = _capitalised([m for m in months if m not in short])
        month = rf"(?:{month_full}|(?:{_capitalised(sorted(short))}){short_months})"
        month_any = _capitalised(list(months))
        weekday = _capitalised(list(weekdays))
    return _Calendar(
        months,
        weekdays,
        day_words,
        _words(past),
        _words(future),
        small,
        month=month,
        month_full=month_full,
        month_any=month_any,
        weekday=weekday,
        number=_alternation(small),
    )


_DE = _calendar(
    "de",
    short_months=r"\.",  # "Jan." needs its dot in German
    day_words={"heute": 0, "gestern": -1, "vorgestern": -2, "morgen": 1, "übermorgen": 2},
    past="vergangenen vergangene vergangenes letzten letzte letztes vorigen vorige voriges",
    future="kommenden kommende kommendes nächsten nächste nächstes",
    numbers="ein=1 eine=1 einem=1 einer=1 einen=1 zwei=2 drei=3 vier=4 fünf=5 sechs=6 sieben=7 acht=8 "
    "neun=9 zehn=10 elf=11 zwölf=12",
)
_EN = _calendar(
    "en",
    short_months=r"\.?",
    day_words={"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1},
    past="last past",
    future="next coming",
    numbers="a=1 an=1 one=1 two=2 three=3 four=4 five=5 six=6 seven=7 eight=8 nine=9 ten=10 eleven=11 "
    "twelve=12",
)
_FR = _calendar(
    "fr",
    day_words={"aujourd'hui": 0, "aujourd’hui": 0, "hier": -1, "avant-hier": -2, "demain": 1,
               "après-demain": 2},
    past="dernier dernière passé passée",
    future="prochain prochaine",
)  # fmt: skip
_ES = _calendar(
    "es",
    day_words={"hoy": 0, "ayer": -1, "anteayer": -2, "antes de ayer": -2, "mañana": 1, "pasado mañana": 2},
    past="pasado pasada",
    future="próximo próxima viene",
)
_IT = _calendar(
    "it",
    day_words={"oggi": 0, "stamattina": 0, "stamani": 0, "stasera": 0, "stanotte": 0, "ieri": -1,
               "l'altro ieri": -2, "l’altro ieri": -2, "altroieri": -2, "domani": 1, "dopodomani": 2},
    past="scorso scorsa",
    future="prossimo prossima",
)  # fmt: skip
_PT = _calendar(
    "pt",
    day_words={"hoje": 0, "ontem": -1, "anteontem": -2, "antes de ontem": -2, "amanhã": 1,
               "depois de amanhã": 2},
    past="passado passada último última",
)  # fmt: skip
_NL = _calendar(
    "nl",
    day_words={"vandaag": 0, "vanochtend": 0, "vanmorgen": 0, "vanmiddag": 0, "vanavond": 0, "vannacht": 0,
               "gisteren": -1, "gisteravond": -1, "gisterochtend": -1, "gistermiddag": -1, "eergisteren": -2,
               "morgen": 1, "overmorgen": 2},
    past="afgelopen vorige",
    future="komende volgende",
)  # fmt: skip
# Every language's words, by its code; the words of all of them as one table each.
_CALENDARS: dict[str, _Calendar] = {
    "de": _DE, "en": _EN, "fr": _FR, "es": _ES, "it": _IT, "pt": _PT, "nl": _NL
}  # fmt: skip
_WEEKDAYS: dict[str, int] = {w: n for c in _CALENDARS.values() for w, n in c.weekdays.items()}
_DAY_WORDS: dict[str, int] = {w: n for c in _CALENDARS.values() for w, n in c.day_words.items()}
_SMALL_NUMBERS: dict[str, int] = {w: n for c in _CALENDARS.values() for w, n in c.numbers.items()}
_PAST: frozenset[str] = frozenset().union(*(c.past for c in _CALENDARS.values()))
_FUTURE: frozenset[str] = frozenset().union(*(c.future for c in _CALENDARS.values()))
_YEAR = r"(?:1[89]\d\d|20\d\d)"
# Date forms several languages' patterns read alike: ISO 2031-03-12 (all) and 12/03/2031, day first
# (French, Spanish, Italian, Portuguese).
_ISO_DATE = r"(?<!\d)(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})(?!\d)"
_SLASH_DATE = rf"(?<![\d/])(?P<nd>\d{{1,2}})/(?P<nm>\d{{1,2}})/(?P<ny>{_YEAR})(?![\d])"
# "bis 2000 Euro" is an amount, not a year.
_NOT_AMOUNT = (
    r"(?!\s*(?:%|Prozent|Euro|Dollar|Franken|Pfund|Mio|Mrd|Millionen|Milliarden|percent|dollars|euros|"
    r"pounds|million|billion)(?![\w]))"
)

_DE_PATTERN = re.compile(
    # every phrase starts at a word start; checking that first keeps the scan fast
    r"(?<![\w])(?:"
    r"(?<![\d.])(?P<nd>\d{1,2})\.(?P<nm>\d{1,2})\.(?P<ny>\d{4}|\d{2})?(?![\d])"
    rf"|{_ISO_DATE}"
    rf"|(?:(?:(?i:am)\s+)?(?P<twd>{_DE.weekday}),?\s+(?:(?:den|dem)\s+)?)?(?:(?i:am)\s+)?"
    rf"(?<!\d)(?P<td>\d{{1,2}})\.\s*(?P<tm>{_DE.month})(?:\s+(?P<ty>{_YEAR})(?!\d))?(?![\w])"
    rf"|(?:(?i:anfang|mitte|ende|im|seit|bis|ab|vom)\s+)?(?P<mym>{_DE.month})\s+(?P<myy>{_YEAR})(?!\d)"
    rf"|(?:(?P<mrpre>(?i:im|seit|bis|ab|vom|zum|anfang|mitte|ende|beginn|(?:im\s+)?(?:vergangenen|letzten|"
    rf"vorigen|kommenden|nächsten)))\s+)(?P<mrm>{_DE.month_full})(?![\w])"
    rf"|(?i:im\s+jahre?|in\s+den\s+jahren|seit\s+dem\s+jahr|seit|bis|ab|von|vom|zwischen|ende|anfang|mitte|"
    rf"beginn|sommer|herbst|winter|frühjahr|frühling|jahr|jahres|im)\s+(?P<yy>{_YEAR})(?![\d.,]\d){_NOT_AMOUNT}"
    rf"(?:\s*(?:-|–|bis|und)\s*(?P<yy2>{_YEAR})(?![\d.,]\d){_NOT_AMOUNT})?"
    r"|(?P<dw>(?i:vorgestern|übermorgen|heute|gestern)|(?<!am\s)(?<!den\s)(?<!jeden\s)(?<!guten\s)morgen)"
    r"(?:\s+(?:Morgen|Vormittag|Mittag|Nachmittag|Abend|Nacht|früh|morgen|abend|nachmittag))?(?![\w])"
    rf"|(?:(?P<wdpre>(?i:(?:am\s+)?(?:vergangenen|letzten|vorigen|kommenden|nächsten)|am|an\s+diesem|"
    rf"in\s+der\s+nacht\s+(?:zum|zu|auf\s+den|auf)))\s+)?(?P<wd>{_DE.weekday})"
    r"(?:abend|morgen|nachmittag|vormittag|mittag|nacht|früh)?(?![\w])"
    rf"|(?i:vor)\s+(?P<agon>\d{{1,3}}|{_DE.number})\s+(?P<agou>Tagen|Tag|Wochen|Woche|Monaten|Monat|Jahren|Jahr)"
    r"(?![\w])"
    r"|(?:(?i:anfang|mitte|ende|beginn)\s+)?(?:(?i:im|in\s+der|in\s+diesem|in\s+dieser|in|am|des|der)\s+)?"
    r"(?P<ruw>(?i:vergangenen|vergangene|vergangenes|letzten|letzte|letztes|vorigen|vorige|voriges|diesen|"
    r"diese|dieses|dieser|diesem|kommenden|kommende|kommendes|nächsten|nächste|nächstes|laufenden|"
    r"laufende|laufendes))\s+(?P<ruu>Wochenendes|Wochenende|Woche|Monats|Monat|Jahres|Jahr)(?![\w])"
    r"|(?:(?i:im|in\s+der)\s+)?(?P<prev>Vorjahr|Vorjahres|Vormonat|Vormonats|Vorwoche)(?![\w])"
    r"|(?i:anfang|mitte|ende|beginn)\s+(?:des|der)\s+(?P<cur>Jahres|Monats|Woche)(?![\w])"
    r")"
)
_EN_PATTERN = re.compile(
    # every phrase starts at a word start; checking that first keeps the scan fast
    r"(?<![\w])(?:"
    rf"{_ISO_DATE}"
    rf"|(?:(?:(?i:on)\s+)?(?P<twd>{_EN.weekday}),?\s+)?(?:(?i:on)\s+)?(?:the\s+)?(?<!\d)(?P<td>\d{{1,2}})"
    rf"(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<tm>{_EN.month})(?:,?\s+(?P<ty>{_YEAR})(?!\d))?(?![\w])"
    rf"|(?:(?:(?i:on)\s+)?(?P<fwd>{_EN.weekday}),?\s+)?(?:(?i:on)\s+)?(?P<fm>{_EN.month})\s+(?P<fd>\d{{1,2}})"
    rf"(?:st|nd|rd|th)?(?!\d)(?:,?\s+(?P<fy>{_YEAR})(?!\d))?(?![\w])"
    rf"|(?:(?i:early|mid|late)\s+|mid-|(?i:in|since|until|by|of)\s+)?(?P<mym>{_EN.month})\s+(?P<myy>{_YEAR})(?!\d)"
    rf"|(?:(?P<mrpre>(?i:in|since|until|by|early|mid|late|last|this|next|during|of))\s+|(?P<mrmid>mid-))"
    rf"(?P<mrm>{_EN.month_full})(?![\w])"
    rf"|(?i:in\s+the\s+year|since|until|by|in|from|between|early|late|mid|mid-|during|summer|autumn|fall|"
    rf"winter|spring|year|of)\s*(?<=[\s-])(?P<yy>{_YEAR})(?![\d.,]\d){_NOT_AMOUNT}"
    rf"(?:\s*(?:-|–|to|and)\s*(?P<yy2>{_YEAR})(?![\d.,]\d){_NOT_AMOUNT})?"
    r"|(?P<dw>(?i:the\s+day\s+before\s+yesterday|today|tonight|yesterday|tomorrow))"
    r"(?:\s+(?:morning|afternoon|evening|night))?(?![\w])"
    r"|(?P<tp>(?i:this\s+(?:morning|afternoon|evening)|last\s+night))(?![\w])"
    rf"|(?:(?P<wdpre>(?i:on|last|next|this\s+past|this\s+coming|this))\s+)?"
    rf"(?P<wd>{_EN.weekday})(?:\s+(?:morning|afternoon|evening|night))?(?![\w])"
    rf"|(?P<agon>\d{{1,3}}|(?i:{_EN.number}))\s+(?P<agou>days?|weeks?|months?|years?)\s+ago(?![\w])"
    r"|(?:(?i:early|mid|late|earlier|later)\s+)?(?:(?i:in)\s+)?(?P<ruw>(?i:last|this|next))\s+"
    r"(?P<ruu>weekend|week|month|year)(?![\w])"
    r")"
)
# French and Spanish: dates with the month as a word or in numbers ("le 25 janvier 2024", "25/01/2024",
# "el 25 de enero de 2024"), month and year, the day words and weekdays, with their qualifiers before
# ("el próximo martes") or after ("mardi dernier"); a future form in the weekday's clause turns it
# forward (``_FUTURE_ROMANCE``).
_FR_PATTERN = re.compile(
    r"(?<![\w])(?:"
    rf"{_SLASH_DATE}"
    rf"|{_ISO_DATE}"
    rf"|(?:(?i:le)\s+)?(?:(?P<twd>{_FR.weekday})\s+)?(?<!\d)(?P<td>\d{{1,2}})(?:er)?\s+(?P<tm>{_FR.month})"
    rf"(?:\s+(?P<ty>{_YEAR})(?!\d))?(?![\w])"
    rf"|(?:(?i:en|depuis|début|fin|mi-)\s*)?(?P<mym>{_FR.month})\s+(?P<myy>{_YEAR})(?!\d)"
    r"|(?P<dw>(?i:avant-hier|après-demain|aujourd['’]hui|hier|demain))(?![\w])"
    rf"|(?:(?P<wdpre>(?i:le|ce|dès|depuis))\s+)?(?P<wd>{_FR.weekday})"
    r"(?:\s+(?P<wdpost>(?i:dernier|prochain|matin|soir)))?(?![\w])"
    r")"
)
_ES_PATTERN = re.compile(
    r"(?<![\w])(?:"
    rf"{_SLASH_DATE}"
    rf"|{_ISO_DATE}"
    rf"|(?:(?i:el)\s+)?(?:(?P<twd>{_ES.weekday}),?\s+)?(?<!\d)(?P<td>\d{{1,2}})\s+de\s+(?P<tm>{_ES.month})"
    rf"(?:\s+(?i:de|del)\s+(?P<ty>{_YEAR})(?!\d))?(?![\w])"
    rf"|(?:(?i:en|desde)\s+)?(?P<mym>{_ES.month})\s+(?i:de|del)\s+(?P<myy>{_YEAR})(?!\d)"
    r"|(?P<dw>(?i:anteayer|antes\s+de\s+ayer|pasado\s+mañana|hoy|ayer|(?<!la\s)(?<!esta\s)(?<!una\s)"
    r"(?<!cada\s)(?<!La\s)(?<!Esta\s)mañana))(?![\w])"
    rf"|(?:(?P<wdpre>(?i:el\s+próximo|el\s+pasado|este|desde\s+el|el))\s+)?(?P<wd>{_ES.weekday})"
    r"(?:\s+(?P<wdpost>(?i:pasado|próximo|que\s+viene)))?(?![\w])"
    r")"
)
# Italian: "il 12 marzo 2031", "1º marzo", "12/03/2031", "a marzo 2031", "ieri", "martedì scorso",
# "il prossimo venerdì", with the same qualifiers before or after the weekday.
_IT_PATTERN = re.compile(
    r"(?<![\w])(?:"
    rf"{_SLASH_DATE}"
    rf"|{_ISO_DATE}"
    rf"|(?:(?i:il|l['’])\s*)?(?:(?P<twd>{_IT.weekday})\s+)?(?<!\d)(?P<td>\d{{1,2}})[º°]?\s+(?P<tm>{_IT.month})"
    rf"(?:\s+(?P<ty>{_YEAR})(?!\d))?(?![\w])"
    rf"|(?:(?i:a|in|da|dal|nel|fino\s+a)\s+)?(?P<mym>{_IT.month})\s+(?:(?i:del)\s+)?(?P<myy>{_YEAR})(?!\d)"
    r"|(?P<dw>(?i:l['’]altro\s+ieri|altroieri|dopodomani|stamattina|stamani|stasera|stanotte|oggi|ieri|"
    r"domani))(?![\w])"
    rf"|(?:(?P<wdpre>(?i:lo\s+scorso|la\s+scorsa|il\s+prossimo|la\s+prossima|questo|questa|da))\s+)?"
    rf"(?P<wd>{_IT.weekday})(?:\s+(?P<wdpost>(?i:scorso|scorsa|prossimo|prossima)))?(?![\w])"
    r")"
)
# Portuguese: "12 de março de 2031", "12/03/2031", "em março de 2031", "ontem", "na terça-feira", "na
# última sexta-feira", "no sábado passado" (only the "-feira" names: "segunda" alone is an ordinal too).
_PT_PATTERN = re.compile(
    r"(?<![\w])(?:"
    rf"{_SLASH_DATE}"
    rf"|{_ISO_DATE}"
    rf"|(?:(?i:n[oa]|[ao])\s+)?(?:(?P<twd>{_PT.weekday}),?\s+)?(?<!\d)(?P<td>\d{{1,2}})[ºo°]?\s+de\s+"
    rf"(?P<tm>{_PT.month})(?:\s+(?i:de)\s+(?P<ty>{_YEAR})(?!\d))?(?![\w])"
    rf"|(?:(?i:em|desde)\s+)?(?P<mym>{_PT.month})\s+(?i:de)\s+(?P<myy>{_YEAR})(?!\d)"
    r"|(?P<dw>(?i:depois\s+de\s+amanhã|antes\s+de\s+ontem|anteontem|amanhã|ontem|hoje))(?![\w])"
    rf"|(?:(?P<wdpre>(?i:n[oa]\s+última|n[oa]\s+último|n[oa]\s+próxima|n[oa]\s+próximo|nesta|neste|"
    rf"desde\s+[ao]|n[oa]))\s+)?(?P<wd>{_PT.weekday})(?:\s+(?P<wdpost>(?i:passada|passado|que\s+vem)))?(?![\w-])"
    r")"
)
# Dutch: "12 maart 2031", "12-03-2031", "in maart 2031", "gisteren", "dinsdag", "dinsdagavond",
# "afgelopen dinsdag", "komende vrijdag", "vorige week".
_NL_PATTERN = re.compile(
    r"(?<![\w])(?:"
    rf"(?<![\d/-])(?P<nd>\d{{1,2}})[-/](?P<nm>\d{{1,2}})[-/](?P<ny>{_YEAR})(?![\d])"
    rf"|{_ISO_DATE}"
    rf"|(?:(?i:op)\s+)?(?:(?P<twd>{_NL.weekday})\s+)?(?<!\d)(?P<td>\d{{1,2}})\s+(?P<tm>{_NL.month})"
    rf"(?:\s+(?P<ty>{_YEAR})(?!\d))?(?![\w])"
    rf"|(?:(?i:in|sinds|begin|eind|half)\s+)?(?P<mym>{_NL.month})\s+(?P<myy>{_YEAR})(?!\d)"
    r"|(?P<dw>(?i:eergisteren|overmorgen|gisteravond|gisterochtend|gistermiddag|gisteren|vandaag|"
    r"vanochtend|vanmorgen|vanmiddag|vanavond|vannacht|(?<!['’]s\s)morgen))(?![\w])"
    rf"|(?:(?P<wdpre>(?i:afgelopen|vorige|komende|volgende|op|deze))\s+)?(?P<wd>{_NL.weekday})"
    r"(?:avond|ochtend|morgen|middag|nacht)?(?![\w])"
    r"|(?:(?i:in|de|het)\s+)?(?P<ruw>(?i:vorige|afgelopen|deze|dit|volgende|komende))\s+"
    r"(?P<ruu>(?i:weekend|week|maand|jaar))(?![\w])"
    r")"
)
_PATTERNS: dict[str, re.Pattern[str]] = {
    "de": _DE_PATTERN,
    "en": _EN_PATTERN,
    "fr": _FR_PATTERN,
    "es": _ES_PATTERN,
    "it": _IT_PATTERN,
    "pt": _PT_PATTERN,
    "nl": _NL_PATTERN,
}
# The languages whose date phrases ``find_dates`` reads (analyse/readers.py).
READ_LANGUAGES: tuple[str, ...] = tuple(_PATTERNS)


def _core(calendar: _Calendar, words: str) -> re.Pattern[str]:
    """The quick check of a language: a digit, a month or weekday name, or one of ``words``."""
    return re.compile(rf"(?<![\w])(?:\d|{calendar.month_any}|{calendar.weekday}|{words})")


# A word every date phrase contains (a digit, month, weekday, day word or calendar unit); text without
# one is skipped at a fraction of the cost of the full pattern.
_CORES: dict[str, re.Pattern[str]] = {
    "de": _core(
        _DE, r"(?i:heute|gestern|vorgestern|übermorgen)|morgen|Tag|Woche|Monat|Jahr|Vorjahr|Vormonat|Vorwoche"
    ),
    "en": _core(
        _EN, r"(?i:today|tonight|yesterday|tomorrow|day|week|month|year|morning|afternoon|evening|night)"
    ),
    "fr": _core(_FR, r"(?i:aujourd|hier|demain|avant-hier|après-demain)"),
    "es": _core(_ES, r"(?i:hoy|ayer|anteayer|antes|pasado|mañana)"),
    "it": _core(_IT, r"(?i:oggi|ieri|domani|altroieri|dopodomani|sta[mns]\w+|l['’]altro)"),
    "pt": _core(_PT, r"(?i:hoje|ontem|anteontem|amanhã|antes|depois)"),
    "nl": _core(
        _NL,
        r"(?i:vandaag|gister|eergister|morgen|overmorgen|van\w+|vorige|afgelopen|deze|dit|volgende|komende)",
    ),
}
_MONTH_TABLES: dict[str, dict[str, int]] = {code: c.months for code, c in _CALENDARS.items()}

# A resolved phrase: (value, depends on the anchor) or None when the phrase is no date after all.
_Resolution = tuple[str | None, bool] | None
_Handler = Callable[[re.Match[str], dict[str, int], "dt.date | None"], _Resolution]


# A street, square or bridge named after a day: "Straße des 9. Mai", "Platz des 4. Oktober", "rue du 4
# septembre", "Avenida 9 de Julio", "Piazza 4 novembre" name a place, no date. The words right before
# the day; our own list, from general knowledge of the languages. Only a day in digits right after
# them: "in piazza il 4 novembre", "en la plaza el 4 de noviembre" (in the square, on that day) and "die
# Sperrung der Brücke vom 3. Mai an" are dates ("vom" before a day is "from", no street name's word).
_STREET_BEFORE = re.compile(
    # (a German one also ends a compound: "Hauptstraße des …"; the others are whole words)
    r"(?i:(?:straße|strasse|str\.|platz|allee|gasse|brücke|ufer|damm|ring|kaserne)\s+(?:des|der)"
    r"|(?<!\w)(?:rue|place|avenue|boulevard|pont|quai|square)\s+du"
    r"|(?<!\w)(?:calle|plaza|avenida|paseo|via|piazza|viale|corso|rua|praça)(?:\s+del?)?"
    r")\s+$"
)


def find_dates(
    text: str,
    language: str = "de",
    *,
    anchor: dt.date | None,
    inferred: bool = False,
    offset: int = 0,
) -> list[DateMention]:
    """Every date phrase in ``text``, resolved against ``anchor`` (the publication date).

    ``inferred`` is copied into the mentions whose value depends on the anchor, for callers whose
    anchor came from other articles (``anchor_from_others``); absolute dates are never inferred.
    """
    code = language.strip().lower().replace("_", "-").split("-")[0]
    pattern = _PATTERNS.get(code)
    if pattern is None or not text or _CORES[code].search(text) is None:
        return []
    months = _MONTH_TABLES[code]
    found: list[DateMention] = []
    weekdays: set[int] = set()  # which of them name a weekday
    read_to = 0  # the end of a date read on over the year phrase after it ("in March last year")
    for match in pattern.finditer(text):
        if match.start() < read_to:
            continue
        if match.group()[:1].isdigit() and _STREET_BEFORE.search(
            text, max(0, match.start() - 20), match.start()
        ):
            continue
        if match.groupdict().get("wd") is not None:
            weekdays.add(len(found))
        for resolved, span in _resolve(match, months, anchor):
            if resolved is None:
                continue
            value, relative = resolved
            if anchor is not None and _announced_weekday(text, match, code):
                value = _weekday_after(match, anchor)
            if anchor is not None and value is not None and _without_year_or_direction(match):
                value = _by_tense(value, anchor, _tense(text, code))
            start, end = span
            same_year = _of_the_same_year(text, start, end) if relative and value else None
            if same_year is not None and value is not None:
                value, relative = same_year + value[4:], False
            year_after = _YEAR_AFTER.match(text, end) if relative and len(value or "") in (7, 10) else None
            if year_after is not None and anchor is not None and value is not None:
                step = _YEAR_STEPS[(year_after.group("en") or year_after.group("de")).lower()]
                value, end = f"{anchor.year + step:04d}{value[4:]}", year_after.end()
                read_to = end
            found.append(
                DateMention(
                    text=text[start:end],
                    start=start + offset,
                    end=end + offset,
                    value=value,
                    inferred=inferred and relative and value is not None,
                )
            )
    return _weekdays_dated(text, found, weekdays, offset, code)


# "am Sonntag, dem 8. Oktober": the day written after a weekday is that weekday's.
_APPOSED_DATE = re.compile(r"\s*,\s*(?:(?i:dem|den|the)\s+)?")


def _weekdays_dated(
    text: str, found: list[DateMention], weekdays: set[int], offset: int, code: str
) -> list[DateMention]:
    """``found``, each weekday that a day of the calendar on that weekday follows after a comma taking
    that day: the weekday nearest the publication was a week off where the article came out later."""
    names = all_weekday_numbers()
    for i in sorted(weekdays):
        if i + 1 >= len(found):
            continue
        weekday, date = found[i], found[i + 1]
        between = _APPOSED_DATE.fullmatch(text, weekday.end - offset, date.start - offset)
        day = (
            dt.date.fromisoformat(date.value) if date.value and len(date.value) == len("2000-01-01") else None
        )
        named = {names.get(word.casefold()) for word in re.findall(r"\w+", weekday.text)}
        if between is not None and day is not None and day.weekday() in named:
            found[i] = replace(weekday, value=date.value, inferred=date.inferred)
    return found


# "am 4. Mai des selben Jahres", "on March 3 of the same year": the year named before in the
# sentence, not the one nearest the publication date (a day of "the same year" after "2011" was
# read in the year nearest the publication).
_SAME_YEAR = re.compile(
    r"\s*,?\s*(?:des\s*selben|desselben|des\s+gleichen|jenes|of\s+(?:the\s+same|that)|"
    r"de\s+la\s+même|de\s+ese|del\s+mismo|dello\s+stesso|do\s+mesmo|van\s+hetzelfde)\s+(?:Jahres|year|année|año|anno|ano|jaar)\b",
    re.IGNORECASE,
)
# "in March last year", "on March 3 of last year", "im März vergangenen Jahres": the month of the year
# the words after it name, as one date (it was March nearest the publication, and that year beside it).
_YEAR_AFTER = re.compile(
    r"(?:\s*,?\s*(?:of\s+)?(?P<en>(?i:last|this|next))\s+year"
    r"|\s+(?P<de>(?i:vergangenen|letzten|vorigen|dieses|kommenden|nächsten))\s+Jahres)(?![\w'’])"
)  # ("In March, last year's winner …": a year that owns a noun is no year of the month before)
_YEAR_STEPS = {"last": -1, "this": 0, "next": 1, "vergangenen": -1, "letzten": -1, "vorigen": -1, "dieses": 0,
               "kommenden": 1, "nächsten": 1}  # fmt: skip
_EXPLICIT_YEAR = re.compile(r"(?<![\d.,])(?:1[89]|20)\d\d(?![\d.,]\d)")


def _of_the_same_year(text: str, start: int, end: int) -> str | None:
    """The year written earlier in ``text`` when "des selben Jahres" or "of the same year" follows
    the date at ``start:end``, else None."""
    if not _SAME_YEAR.match(text, end):
        return None
    years = _EXPLICIT_YEAR.findall(text, 0, start)
    return years[-1] if years else None


def _resolve(
    match: re.Match[str], months: dict[str, int], anchor: dt.date | None
) -> list[tuple[_Resolution, tuple[int, int]]]:
    groups = match.groupdict()
    span = match.span()
    if groups.get("yy") is not None:
        first = (groups["yy"], False)
        if groups.get("yy2") is None:
            return [(first, span)]
        second_start = match.start("yy2")
        return [(first, (span[0], match.end("yy"))), ((groups["yy2"], False), (second_start, span[1]))]
    for name, handler in _HANDLERS:
        if groups.get(name) is not None:
            try:
                resolved = handler(match, months, anchor)
            except (OverflowError, ValueError):  # an anchor at the edge of the calendar
                resolved = None, True
            if resolved is not None and resolved[0] is not None and date_span(resolved[0]) is None:
                resolved = None, resolved[1]
            return [(resolved, span)]
    return []


def _numeric_date(match: re.Match[str], months: dict[str, int], anchor: dt.date | None) -> _Resolution:
    day, month = int(match.group("nd")), int(match.group("nm"))
    return _day_month_year(day, month, match.group("ny"), anchor)


def _iso_date(match: re.Match[str], months: dict[str, int], anchor: dt.date | None) -> _Resolution:
    try:
        value = dt.date(int(match.group("iy")), int(match.group("im")), int(match.group("id")))
    except ValueError:
        return None
    return value.isoformat(), False


def _text_date(match: re.Match[str], months: dict[str, int], anchor: dt.date | None) -> _Resolution:
    groups = match.groupdict()
    if groups.get("td") is not None:
        day, month_word, year = groups["td"], groups["tm"], groups.get("ty")
    else:
        day, month_word, year = groups["fd"], groups["fm"], groups.get("fy")
    month = _month_number(month_word, months)
    if month is None:
        return None
    return _day_month_year(int(day), month, year, anchor)


def _day_month_year(day: int, month: int, year_text: str | None, anchor: dt.date | None) -> _Resolution:
    if year_text is not None:
        year = int(year_text)
        if len(year_text) == 2:
            year += 2000 if year < 50 else 1900
        try:
            return dt.date(year, month, day).isoformat(), False
        except ValueError:
            return None
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if anchor is None:
        return None, True
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return None
    # nearest to the anchor; ties go to the past (news reports what happened)
    best = min(candidates, key=lambda d: (abs((d - anchor).days), d > anchor))
    return best.isoformat(), True


def _month_year(match: re.Match[str], months: dict[str, int], anchor: dt.date | None) -> _Resolution:
    month = _month_number(match.group("mym"), months)
    if month is None:
        return None
    return f"{int(match.group('myy')):04d}-{month:02d}", False


def _relative_month(match: re.Match[str], months: dict[str, int], anchor: dt.date | None) -> _Resolution:
    month = _month_number(match.group("mrm"), months)
    if month is None:
        return None
    if anchor is None:
        return None, True
    qualifier = (match.group("mrpre") or "").lower().split()[-1:] or [""]
    which = qualifier[0]
    distance = month - anchor.month
    if which in _PAST:
        year = anchor.year if distance < 0 else anchor.year - 1
    elif which in {"seit", "since"}:
        year = anchor.year if distance <= 0 else anchor.year - 1
    elif which in _FUTURE:
        year = anchor.year if distance > 0 else anchor.year + 1
    elif which == "this":
        year = anchor.year
    else:
        # nearest to the anchor month, ties to the past
        year = anchor.year
        if distance >= 6:
            year -= 1
        elif distance < -6:
            year += 1
    return f"{year:04d}-{month:02d}", True


def _day_word(match: re.Match[str], months: dict[str, int], anchor: dt.date | None) -> _Resolution:
    word = " ".join(match.group("dw").lower().split())
    shift = -2 if word.startswith("the day before") else _DAY_WORDS.get(word)
    if shift is None:
        return None
    if anchor is None:
        return None, True
    return (anchor + dt.timedelta(days=shift)).isoformat(), True


def _time_of_day(match: re.Match[str], months: dict[str, int], anchor: dt.date | None) -> _Resolution:
    if anchor is None:
        return None, True
    shift = -1 if match.group("tp").lower().startswith("last") else 0
    return (anchor + dt.timedelta(days=shift)).isoformat(), True


# English future in the clause before a bare weekday: "The bridge will reopen on Monday", "The vote
# is due to take place on Friday". (The past-leaning rule below sent both to the week before the
# article.) No comma or stop between, so "The mayor, who will retire, said on Monday" stays past.
# Also a plan or a pledge: "the ballot planned for Friday", "the rally set for Tuesday", "vowed to
# hold the ballot on Friday" (each went to the week before the article).
_FUTURE_CLAUSE_EN = re.compile(
    r"\b(?:will|won't|shall|(?:is|are)\s+(?:due|expected|scheduled|set|planned)\s+to|plans?\s+to|"
    r"(?:is|are)\s+to|(?:pledged|vowed|promised|pledges?|vows?|promises?)\s+to)\b[^,;:.!?\"“”]{0,80}$|"
    r"\b(?:planned|scheduled|slated|set|due)\s+(?:for|on)\s+$",
    re.IGNORECASE,
)
# German future in the clause around a bare weekday, before or after it ("Am Montag will die
# Regierung … entscheiden", "Der Prozess soll am Montag beginnen", "…, dass sie am Montag entscheiden
# werde"): Futur I, the modal of intention or plan, or a plan word. A past form in the same clause
# keeps the weekday past: "soll am Montag … geschlagen haben" is a reported past (a perfect
# infinitive), and so are "wurde", "hatte", "war" and a perfect with "worden".
_FUTURE_DE = re.compile(
    r"\b(?:wird|werden|werde|werdet|wirst|will|wollen|wolle|soll|sollen|solle|plant|planen|geplant|"
    r"vorgesehen|angesetzt|bevorsteht|bevorstehen)\b",
    re.IGNORECASE,
)
_PAST_DE = re.compile(
    r"\b(?:wurde|wurden|war|waren|hatte|hatten|worden|gewesen|wollte|wollten|sollte|sollten|"
    # a participle before "haben"/"sein" at the clause end: "geschlagen haben", "verletzt worden sein"
    r"(?:\w*ge\w+|\w+t)\s+(?:haben|sein)\s*$)",
    re.IGNORECASE,
)
# French and Spanish future forms in the weekday's clause ("le conseil votera mardi", "el consejo
# votará el martes", "va se réunir", "va a votar"): the simple future's endings and the near future.
_FUTURE_ROMANCE = {
    # "-era", "-ira", "-dra", "-rra", "-vra" and "-ront" (a passé simple such as "déclara" ends in "-ara")
    "fr": re.compile(
        r"(?<![\w'’])\w+(?:era|ira|dra|rra|vra|ront)(?![\w'’])|(?<![\w'’])(?:sera|aura|fera|va|vont)(?![\w'’])",
        re.IGNORECASE,
    ),
    "es": re.compile(
        r"(?<![\w])\w+(?:rá|rán)(?![\w])|(?<![\w])(?:va|van)\s+a\s+\w+(?:ar|er|ir)(?![\w])", re.IGNORECASE
    ),
    # "-rà", "-ranno", "-rò" ("voterà", "riapriranno", "sarà")
    "it": re.compile(r"(?<![\w'’])\w+(?:rà|ranno|rò)(?![\w'’])", re.IGNORECASE),
    # "-rá", "-rão", "vai"/"vão" before an infinitive ("votará", "vai votar")
    "pt": re.compile(
        r"(?<![\w])\w+(?:rá|rão)(?![\w])|(?<![\w])(?:vai|vão)\s+\w+(?:ar|er|ir)(?![\w])", re.IGNORECASE
    ),
    # "zal", "zullen", "gaat … stemmen"
    "nl": re.compile(r"(?<![\w])(?:zal|zullen|zult|gaat|gaan)(?![\w])", re.IGNORECASE),
}
_CLAUSE_END = re.compile(r"[,;:.!?\"“”„«»–—]")


# The tense of a sentence, for a month or day without a year (``_by_tense``): written from our own
# knowledge of both languages. English: the future words of ``_FUTURE_CLAUSE_EN`` anywhere in the
# sentence; the past: "was", "had", the past of common news verbs, and "said"/"told", which make a
# sentence with a future in it ("said in March it will …") say nothing. German: the future and past
# forms of the weekday rule, and a perfect ("sind … gekommen", "hat … gewählt").
_FUTURE_SENTENCE_EN = re.compile(
    r"\b(?:will|won't|shall|(?:is|are)\s+(?:due|expected|scheduled|set|planned)\s+to|plans?\s+to|(?:is|are)\s+to)\b",
    re.IGNORECASE,
)
_PAST_SENTENCE_EN = re.compile(
    r"\b(?:was|were|had|did|died|killed|injured|wounded|said|told|added|announced|reported|took|began|"
    r"came|went|fell|lost|won|saw|left|hit|struck|held|sank|broke|burned|burnt|arrested|charged|"
    r"sentenced|occurred|happened|collapsed|crashed|drowned|ago)\b",
    re.IGNORECASE,
)
# The regular past ("capsized", "plunged") in lower case (not "United"), not a participle of plans
# ("planned", "scheduled") nor a word that only ends so ("hundred", "speed").
_REGULAR_PAST_EN = re.compile(
    r"\b(?!(?:planned|scheduled|expected|slated|intended|proposed|supposed|required|needed|designed|"
    r"aimed|hoped|delayed|postponed|hundred|speed|need|proceed|exceed|succeed|breed|seed|feed|shed|"
    r"embed|indeed)\b)[a-z]{3,}ed\b"
)
_PERFECT_DE = re.compile(r"\b(?:ist|sind|hat|haben)\b.*\bge\w+(?:t|en)\b", re.IGNORECASE)
# Qualifiers of a month that say nothing of its side of the publication ("im", "Ende", "in late").
_NEUTRAL_MONTH = frozenset(
    {"", "im", "in", "anfang", "mitte", "ende", "beginn", "early", "mid", "late", "during", "of"}
)


def _tense(text: str, code: str) -> str | None:
    """ "past" or "future" when the sentence says one and not the other, else None."""
    if code == "en":
        future = _FUTURE_SENTENCE_EN.search(text)
        past = _PAST_SENTENCE_EN.search(text) or _REGULAR_PAST_EN.search(text)
    elif code == "de":
        future = _FUTURE_DE.search(text)
        past = _PAST_DE.search(text) or _PERFECT_DE.search(text)
    else:
        return None
    if (future is None) == (past is None):
        return None
    return "future" if future is not None else "past"


def _without_year_or_direction(match: re.Match[str]) -> bool:
    """A month or a day of a month without a year, and no word that says which side of the
    publication it lies on ("seit", "last", "next")."""
    groups = match.groupdict()
    if groups.get("mrm") is not None:
        return (groups.get("mrpre") or "").lower() in _NEUTRAL_MONTH
    return any(
        groups.get(day) is not None and groups.get(year) is None
        for day, year in (("nd", "ny"), ("td", "ty"), ("fd", "fy"))
    )


def _by_tense(value: str, anchor: dt.date, tense: str | None) -> str:
    """``value`` (a month or day put nearest the anchor) a year earlier when a past sentence put it
    after the publication, a year later when a future one put it before."""
    when = date_span(value)
    if tense is None or when is None:
        return value
    first, last = when
    if tense == "past" and first > anchor and first.replace(day=1) > anchor.replace(day=1):
        year = -1
    elif tense == "future" and last < anchor and last.replace(day=1) < anchor.replace(day=1):
        year = 1
    else:
        return value
    moved = f"{int(value[:4]) + year:04d}{value[4:]}"
    return moved if date_span(moved) is not None else value  # (no 29 February that year)


def _clause(text: str, start: int, end: int) -> str:
    """The clause of ``text`` around ``text[start:end]``: up to the nearest punctuation either side."""
    before = max((m.end() for m in _CLAUSE_END.finditer(text, max(0, start - 160), start)), default=0)
    after = _CLAUSE_END.search(text, end)
    return text[before : after.start() if after is not None else len(text)]


def _announced_weekday(text: str, match: re.Match[str], code: str = "en") -> bool:
    """A bare weekday ("on Monday", "am Montag", no "last"/"next") in a future clause: after a
    future verb in English, anywhere in its clause in German and with no past form there."""
    if match.groupdict().get("wd") is None:
        return False
    qualifier = " ".join((match.group("wdpre") or "").lower().split())
    if code == "de":
        if qualifier not in ("", "am"):
            return False
        clause = _clause(text, match.start(), match.end())
        return _FUTURE_DE.search(clause) is not None and _PAST_DE.search(clause) is None
    if code in _FUTURE_ROMANCE:
        if qualifier not in ("", "le", "el", "na", "no", "op") or match.groupdict().get("wdpost"):
            return False
        clause = _clause(text, match.start(), match.end())
        return _FUTURE_ROMANCE[code].search(clause) is not None
    if code != "en" or qualifier not in ("", "on"):
        return False
    return _FUTURE_CLAUSE_EN.search(text, max(0, match.start() - 120), match.start()) is not None


def _weekday_after(match: re.Match[str], anchor: dt.date) -> str:
    """The announced weekday: the first such day on or after the anchor. The publication day's own
    weekday is that day ("will be opened on Sunday afternoon" in a Sunday morning paper); a week
    later is said with "next"/"kommenden", which ``_weekday`` reads."""
    target = _WEEKDAYS[match.group("wd").lower()]
    ahead = (target - anchor.weekday()) % 7
    return (anchor + dt.timedelta(days=ahead)).isoformat()


def _weekday(match: re.Match[str], months: dict[str, int], anchor: dt.date | None) -> _Resolution:
    target = _WEEKDAYS[match.group("wd").lower()]
    if anchor is None:
        return None, True
    qualifier = " ".join((match.group("wdpre") or "").lower().split())
    words = set(qualifier.split()) | set((match.groupdict().get("wdpost") or "").lower().split())
    if words & _FUTURE:
        ahead = (target - anchor.weekday()) % 7 or 7
        return (anchor + dt.timedelta(days=ahead)).isoformat(), True
    back = (anchor.weekday() - target) % 7
    if words & _PAST and back == 0:
        back = 7
    return (anchor - dt.timedelta(days=back)).isoformat(), True


def _ago(match: re.Match[str], months: dict[str, int], anchor: dt.date | None) -> _Resolution:
    amount_text = match.group("agon").lower()
    amount = int(amount_text) if amount_text.isdigit() else _SMALL_NUMBERS.get(amount_text)
    if amount is None:
        return None
    if anchor is None:
        return None, True
    unit = match.group("agou").lower()
    if unit.startswith(("tag", "day")):
        return (anchor - dt.timedelta(days=amount)).isoformat(), True
    if unit.startswith(("woche", "week")):
        return (anchor - dt.timedelta(weeks=amount)).isoformat(), True
    if unit.startswith(("monat", "month")):
        return _shift_month(anchor, -amount), True
    return f"{anchor.year - amount:04d}", True


def _relative_unit(match: re.Match[str], months: dict[str, int], anchor: dt.date | None) -> _Resolution:
    if anchor is None:
        return None, True
    which = match.group("ruw").lower()
    step = -1 if which in _PAST else 1 if which in _FUTURE else 0
    return _unit_value(match.group("ruu").lower(), step, anchor), True


def _previous_unit(match: re.Match[str], months: dict[str, int], anchor: dt.date | None) -> _Resolution:
    if anchor is None:
        return None, True
    unit = {"vorj": "jahr", "vorm": "monat", "vorw": "woche"}[match.group("prev").lower()[:4]]
    return _unit_value(unit, -1, anchor), True


def _current_unit(match: re.Match[str], months: dict[str, int], anchor: dt.date | None) -> _Resolution:
    if anchor is None:
        return None, True
    return _unit_value(match.group("cur").lower(), 0, anchor), True


def _unit_value(unit: str, step: int, anchor: dt.date) -> str:
    if unit.startswith(("wochenende", "weekend")):
        # the Saturday of the weekend: the last one before the anchor, this week's, or the next one
        saturday = anchor + dt.timedelta(days=5 - anchor.weekday())
        if step < 0:
            saturday = anchor - dt.timedelta(days=(anchor.weekday() - 5) % 7 or 7)
        elif step > 0 and saturday <= anchor:
            saturday += dt.timedelta(weeks=1)
        return _iso_week(saturday)
    if unit.startswith(("woche", "week")):
        return _iso_week(anchor + dt.timedelta(weeks=step))
    if unit.startswith(("monat", "month", "maand")):
        return _shift_month(anchor, step)
    return f"{anchor.year + step:04d}"


def _iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _shift_month(anchor: dt.date, months: int) -> str:
    index = anchor.year * 12 + anchor.month - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _month_number(word: str, months: dict[str, int]) -> int | None:
    return months.get(word.lower().rstrip("."))


_HANDLERS: tuple[tuple[str, _Handler], ...] = (
    ("nd", _numeric_date),
    ("iy", _iso_date),
    ("td", _text_date),
    ("fd", _text_date),
    ("mym", _month_year),
    ("mrm", _relative_month),
    ("dw", _day_word),
    ("tp", _time_of_day),
    ("wd", _weekday),
    ("agon", _ago),
    ("ruw", _relative_unit),
    ("prev", _previous_unit),
    ("cur", _current_unit),
)


def anchor_from_others(published: Sequence[dt.date | None]) -> dt.date | None:
    """The anchor for an undated article: the median publication date of the other articles.

    The median (the lower one for an even count, so that it is a real publication date) resists a
    single stale or late follow-up article, which the latest date would follow; articles about one
    event cluster around it. None when no other article has a date.
    """
    dates = sorted(d for d in published if d is not None)
    if not dates:
        return None
    return dates[(len(dates) - 1) // 2]


def date_span(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day a date value stands for: a day, an ISO week, a month or a year."""
    if value is None:
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            day = dt.date.fromisoformat(value)
            return day, day
        week = re.fullmatch(r"(\d{4})-W(\d{2})", value)
        if week is not None:
            monday = dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
            return monday, monday + dt.timedelta(days=6)
        month = re.fullmatch(r"(\d{4})-(\d{2})", value)
        if month is not None:
            first = dt.date(int(month.group(1)), int(month.group(2)), 1)
            following = dt.date.fromisoformat(_shift_month(first, 1) + "-01")
            return first, following - dt.timedelta(days=1)
        if re.fullmatch(r"\d{4}", value):
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
    except ValueError:
        return None
    return None


def dates_agree(a: DateMention, b: DateMention) -> bool | None:
    """Whether two date mentions can mean the same time: True when their spans overlap.

    None when either could not be resolved. A day inside a month agrees with the month.
    """
    span_a, span_b = date_span(a.value), date_span(b.value)
    if span_a is None or span_b is None:
        return None
    return span_a[0] <= span_b[1] and span_b[0] <= span_a[1]
