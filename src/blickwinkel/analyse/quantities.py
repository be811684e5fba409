"""Quantities in German, English, French and Spanish news text: a number, its counted noun, its hedge.

``find_quantities`` finds "rund 2.500 amerikanische Soldaten", "1,5 Mrd. Euro", "zwischen 20 und 30
Prozent", "$5 million", "twenty-five soldiers" and "Hunderte Menschen"; it skips what only looks like
a number: years ("im Jahr 2014", "2014" with no counted noun), dates ("25.01.2024", "25. Januar"),
times ("14.30 Uhr"), ordinals ("der 3. Platz", "dritte"), identifiers ("Artikel 5", "COVID-19",
"Boeing 737"), phone numbers and the article "ein"/"eine" ("eine Frau"; only "eine Million" counts).

Decisions:

- Vague amounts are ranges marked approximate: "Dutzende" 24-99, "Hunderte" 200-999, "Tausende"
  2000-9999, and "einige/mehrere/ein paar hundert" ("several hundred") 200-900. A range agrees with
  any value inside it, so "Hunderte" does not conflict with "300".
- The unit is the lemma of the counted noun. For a hyphen compound only the head counts
  ("US-Soldaten" -> "Soldat") so that two outlets naming the same group get the same unit. German
  nominalised adjectives get their "-e" form whatever the case ("Toten", "Toter" -> "Tote").
- French and Spanish numbers, number words ("quarante-cinq", "une centaine", "des milliers",
  "cuarenta y cinco", "un centenar") and counted nouns are read too, so "45", "forty-five" and
  "quarante-cinq" have one value across languages. Other languages yield no quantities rather than
  misread ones.

The numbers themselves are read in ``analyse.numbers``, the counted nouns in ``analyse.units``;
whether two quantities agree is the comparison's rule (``compare.agreement``).
"""

from __future__ import annotations

import re

from blickwinkel.analyse.numbers import LANGUAGES, Atom, NumberLanguage, primary_language, read_atom, word_set
from blickwinkel.analyse.units import (
    CURRENCIES,
    CURRENCY_BEFORE,
    NOT_A_QUANTITY,
    TOKEN,
    find_unit,
    unit_key,
)
from blickwinkel.model import Quantity

__all__ = ["SUPPORTED_LANGUAGES", "find_quantities", "holds_phone_number", "phone_number_at", "unit_key"]

SUPPORTED_LANGUAGES: tuple[str, ...] = ("de", "en", "fr", "es", "it", "pt", "nl", "tr", "pl", "ru", "ar")

_YEAR_CONTEXT_BEFORE = word_set(
    "im jahr jahre jahres jahr seit bis in ende anfang mitte von vom ab vor nach zwischen um sommer "
    "herbst winter frühjahr frühling since until by year from of early late mid during between summer "
    "autumn fall spring before after"
)
_FR_CLOCK_BEFORE = re.compile(r"\d[ \u00a0]?h[ \u00a0]?$")
# A clock time said with its word before the digits: Turkish "saat 14", Polish "o godz. 14", "o godzinie 14".
_CLOCK_WORD_BEFORE = re.compile(r"(?:^|(?<=\s))(?i:saat|godz\.|godzinie|godzina|الساعة|الساعه)[ \u00a0]*$")
# Turkish writes percent before the figure: "yüzde 7", "%7".
_TR_PERCENT_BEFORE = re.compile(r"(?:(?:^|(?<=[\s(]))(?i:yüzde)[ \u00a0]+|%[ \u00a0]?)$")
# Turkish bounds and hedges after the figure, before its noun: "100'den fazla kişi" (more than 100),
# "100'ü aşkın", "100 civarında", "100'e yakın" (nearly), "100'e kadar" (up to 100), "100 kadar"
# (about 100); our own reading of the language.
_TR_HEDGE_AFTER = re.compile(
    r"(?:['’][a-zçğıöşü]{1,4})?[ \u00a0]+(?:fazla|aşkın|civarında|dolayında|yakın|küsur|kadar)(?![\w])"
)
# A bound said after the counted noun: Turkish "up to" with the noun in the dative, "5 yıla kadar" (up to
# five years), "2 milyon TL'ye kadar" ("5 yıl kadar", about five years, is no bound and stays as it
# was); Arabic "at least", "30 ضيفا على الأقل".
_BOUND_AFTER_NOUN: dict[str, re.Pattern[str]] = {
    "tr": re.compile(r"(?:['’]y?[ae]|(?<=[ae]))[ \u00a0]+kadar(?![\w])"),
    "ar": re.compile(r"[ \u00a0]+على[ \u00a0]+(?:الأقل|الاقل)(?![\w])"),
}
_EN_TIME_AFTER = re.compile(r"[ \u00a0]*[ap]\.?m\.?(?![\w])", re.IGNORECASE)


# A phone number's local part, three digits, a dash and four ("417-2280"), reads like a range. It is
# one only when its upper end is round, as a range's ends are ("500-1000 Menschen", "350–1250"; a
# multiple of 50) and nothing before it says phone: a cue word or more digits of the same number
# ("(0351) 417-2280", "0351-417-2280").
_PHONE_LOCAL = re.compile(r"(?<![\d.,])\d{3}[-–](\d{4})(?!\d|[.,/-]\d)")
_PHONE_BEFORE = re.compile(
    r"(?:\b(?i:tel|telefon|telefonnummer|rufnummer|nummer|phone|number|call|hotline|fax)\.?:?|\d\)?[-/]?)\s*$"
)


# Digits joined by a dash or slash to a number that is no amount are part of it: a house number
# range ("Lindenstraße 12-14"), articles ("Artikel 5-7"), the rest of a phone number ("+49 30 417-2280").
_JOINED_DIGITS = re.compile(r"(?:[-–/]\d+)+(?![\w.,]\d)")
# An area code in brackets before a phone number's local part: "(555) 417-2280".
_AREA_CODE = re.compile(r"(?<=\()\d{2,5}\)[ \u00a0]*(?=\d{3}[-–]\d{4}(?!\d))")


def _area_code_at(text: str, start: int) -> re.Match[str] | None:
    return _AREA_CODE.match(text, start)


def phone_number_at(text: str, start: int = 0) -> re.Match[str] | None:
    """The phone number's local part that starts at ``start``, if one does: "417-2280" is one figure,
    never the range 417 to 2280, while "500-1000 Menschen" is a range."""
    m = _PHONE_LOCAL.match(text, start)
    if m is None:
        return None
    if int(m.group(1)) % 50 or _PHONE_BEFORE.search(text, max(0, start - 20), start) is not None:
        return m
    return None


def holds_phone_number(text: str) -> bool:
    """Whether ``text``, a quantity's words, holds a phone number's local part (see ``phone_number_at``)."""
    return any(phone_number_at(text, m.start()) is not None for m in _PHONE_LOCAL.finditer(text))


def find_quantities(text: str, language: str = "de", *, offset: int = 0) -> list[Quantity]:
    """Every quantity in ``text``; ``start``/``end`` are shifted by ``offset`` to index the article."""
    code = primary_language(language)
    lang = LANGUAGES.get(code)
    if lang is None or not text:
        return []
    found: list[Quantity] = _colon_tallies(text, code, offset) + _lengths_in_hours(text, code, offset)
    negator = _NEGATOR.get(code)
    may_negate = negator is not None and (negator.search(text) or _NEGATING_WORD.search(text))
    pos = 0
    while True:
        match = lang.atom.search(text, pos)
        if match is None:
            break
        if match.group("num") is not None and (
            phone := phone_number_at(text, match.start("num")) or _area_code_at(text, match.start("num"))
        ):
            pos = phone.end()
            continue
        if code == "fr" and _FR_CLOCK_BEFORE.search(text, max(0, match.start() - 8), match.start()):
            pos = match.end()  # the minutes of "14 h 30"
            continue
        if code in ("tr", "pl", "ar") and _CLOCK_WORD_BEFORE.search(
            text, max(0, match.start() - 12), match.start()
        ):
            pos = match.end()  # "saat 14", "o godz. 14": a time of day
            continue
        atom = read_atom(match, text, code, lang)
        if atom is None:
            pos = match.end()
            if match.group("num") is not None and (joined := _JOINED_DIGITS.match(text, pos)):
                pos = joined.end()  # the rest of that number: "Lindenstraße 12-14"
            continue
        pos = atom.end
        quantity = _complete(atom, text, code, lang)
        if quantity is None:
            continue
        start, end, value, upper, unit, approximate = quantity
        tally = None
        if upper is None and (read := _tally(atom, end, unit, text, code, lang)) is not None:
            tally, end, unit = read
        elif upper is None and (part := _smaller_part(end, unit, text, code, lang)) is not None:
            added, end = part
            value += added
        pos = max(pos, end)
        found.append(
            Quantity(
                text=text[start:end],
                start=start + offset,
                end=end + offset,
                value=value,
                unit=unit,
                approximate=approximate,
                upper=upper,
                tally=tally,
                negated=bool(may_negate) and _in_negated_clause(text, start, end, code),
            )
        )
    return sorted(found, key=lambda q: q.start)


# A figure said in a negated clause: "did not pay 5 million", "die 5 Millionen nicht gezahlt", "keine 12
# Häuser", "no pagó 5 millones" (the comparison reads it: a sum not paid is no count of what happened,
# compare/counted_values.py). The clause runs from the last punctuation mark, dash or joining word
# ("but", "sondern", "und") before the figure to the next one after it; in it, the negator must stand
# near the figure: at most five words before it ("did not pay the workers their 5 million") or at most
# three after it (German and Dutch put it after the object: "hat die 5 Millionen Euro nicht gezahlt").
# A negator further off negates another part of a long clause ("had not said how the vote will be held
# where 6 million people live"). A negator before a comparative or "only"/"even" bounds or hedges the
# figure ("nicht mehr als 30", "not even 30", "no más de 30") and negates nothing; French "ne … que"
# ("n'a payé que 3 millions") says "only" and has no negator of the list. Our own lists (eighteenth
# session); Turkish (a suffix of the verb) and Arabic get no mark.
_NEGATORS: dict[str, str] = {
    "de": r"nicht|nie|niemals",
    "en": r"not|\w+n['’]t|never",
    "fr": r"pas|jamais",
    "es": r"no|nunca|jamás",
    "it": r"non|mai",
    "pt": r"não|nunca",
    "nl": r"niet|nooit",
    "pl": r"nie|nigdy",
    "ru": r"не|никогда",
}
# "kein", "aucun", "geen" negate the noun they stand before, the figure only right before it: "keine 12
# Häuser" ("12 Staaten … keine Chance" is no negated figure).
_NEGATING_DETERMINERS = r"kein(?:e[nmrs]?)?|aucune?|ningún|ninguna?|nessun[oa]?|nenhuma?|geen"
_NEGATING_WORD = re.compile(rf"(?i:\b(?:{_NEGATING_DETERMINERS}))\b")
_NEGATING_DETERMINER = re.compile(rf"(?i:\b(?:{_NEGATING_DETERMINERS}))[ \u00a0]+$")
# Every language's negators and negating determiners as one alternation (no group, no flags), for a
# reader that must tell a negated bound from a figure: "not more than 30" against "800 more"
# (compare/counted_values.py).
NEGATOR_WORDS = "|".join([*_NEGATORS.values(), _NEGATING_DETERMINERS])
_NOT_NEGATING_AFTER = (
    r"mehr|weniger|nur|einmal|ganz|unter|über|more|less|fewer|only|even|quite|under|over|plus|moins|"
    r"seulement|même|más|menos|solo|sólo|ni|più|meno|neanche|mais|apenas|sequer|meer|minder|alleen|eens|"
    r"więcej|mniej|tylko|nawet|później|wcześniej|более|менее|больше|меньше|только|даже|позднее|раньше"
)
_NEGATOR = {
    code: re.compile(rf"(?i)\b(?:{words})\b(?![ \u00a0]+(?i:{_NOT_NEGATING_AFTER})\b)")
    for code, words in _NEGATORS.items()
}
# Where a clause ends: a punctuation mark, the end of a sentence (with a closing quotation mark), or a
# joining word of the language.
_JOINING_WORDS: dict[str, str] = {
    "de": "und|aber|sondern|doch|während|oder|weil|denn",
    "en": "and|but|while|whereas|or|because",
    "fr": "et|mais|ou|car",
    "es": "y|pero|sino|o",
    "it": "e|ma|o|mentre",
    "pt": "e|mas|ou",
    "nl": "en|maar|of|want",
    "pl": "i|a|ale|lecz|oraz|lub|albo",
    "ru": "и|а|но|или",
}
_CLAUSE_BREAK = {
    code: re.compile(rf"[,;:!?()–—]|\s-(?=\s)|[.][\"“”»«’']*(?=\s|$)|\b(?i:{words})\b")
    for code, words in _JOINING_WORDS.items()
}


_NEGATOR_WORDS_BEFORE = 5
_NEGATOR_WORDS_AFTER = 3


def _in_negated_clause(text: str, start: int, end: int, code: str) -> bool:
    negator = _NEGATOR.get(code)
    if negator is None:
        return False
    if _NEGATING_DETERMINER.search(text, max(0, start - 12), start):
        return True
    clause_break = _CLAUSE_BREAK[code]
    breaks_before = [m.end() for m in clause_break.finditer(text, 0, start)]
    after = clause_break.search(text, end)
    clause_start = breaks_before[-1] if breaks_before else 0
    clause_end = after.start() if after else len(text)
    # searched on to the clause's end, so that the words after a negator are seen ("No más de 30")
    for m in negator.finditer(text, clause_start, clause_end):
        if m.end() <= start and len(text[m.end() : start].split()) <= _NEGATOR_WORDS_BEFORE:
            return True
        if m.start() >= end and len(text[end : m.start()].split()) <= _NEGATOR_WORDS_AFTER:
            return True
    return False


# "mit 34:12 Stimmen": two digits joined by a colon are no amount to the atom reader (a clock time, a
# ratio); with a counted noun after them and the larger count first they are a tally.
_COLON_TALLY = re.compile(r"(?<![\w.,:])(?P<x>\d{1,4}):(?P<y>\d{1,4})(?![\w.,:]|[.,:]\d)")


# Quick checks before the patterns above, which start with a look-behind and so test every position.
_DIGITS_COLON = re.compile(r"\d:\d")
_DIGITS_COLON_TWICE = re.compile(r"\d:\d\d:\d")


def _colon_tallies(text: str, code: str, offset: int) -> list[Quantity]:
    if code not in ("de", "en") or _DIGITS_COLON.search(text) is None:
        return []
    out = []
    for m in _COLON_TALLY.finditer(text):
        x, y = int(m.group("x")), int(m.group("y"))
        if y > x:
            continue
        after = find_unit(text, m.end(), code, y)
        if not isinstance(after, tuple) or after[0] in CURRENCIES.values() or after[0] in _NO_TALLY_UNITS:
            continue
        unit, end = after
        out.append(
            Quantity(text[m.start() : end], m.start() + offset, end + offset, float(x), unit, tally=float(y))
        )
    return out


# A length of time in two or three units is one figure in the largest: "vier Jahre und neun Monate"
# is 4.75 years, "two hours, 30 minutes and 36 seconds" 2.51 hours (the first part alone clashed
# with "four and three-quarter years").
_SMALLER_UNIT: dict[str, tuple[str, float]] = {
    "year": ("month", 12),
    "hour": ("minute", 60),
    "minute": ("second", 60),
    "week": ("day", 7),
}
_PART_JOIN = re.compile(
    r"[ \u00a0]*(?:,[ \u00a0]*(?:(?:und|and)[ \u00a0]+)?|[ \u00a0]+(?:und|and)[ \u00a0]+)"
)


def _smaller_part(
    end: int, unit: str | None, text: str, code: str, lang: NumberLanguage
) -> tuple[float, int] | None:
    """The smaller parts of a length of time after its larger one: their share of the larger unit
    and where they end."""
    added, share, key, found = 0.0, 1.0, unit_key(unit) or "", False
    while (smaller := _SMALLER_UNIT.get(key)) is not None and (join := _PART_JOIN.match(text, end)):
        match = lang.atom.match(text, join.end())
        part = read_atom(match, text, code, lang) if match is not None else None
        if part is None or part.vague or part.high is not None or not 0 < part.low < smaller[1]:
            break
        after = find_unit(text, part.end, code, part.low)
        if not isinstance(after, tuple) or unit_key(after[0]) != smaller[0]:
            break
        share /= smaller[1]
        added += part.low * share
        key, end, found = smaller[0], after[1], True
    return (added, end) if found else None


# A length of time written "h:mm:ss" (a race time, "in 2:06:41", "in 2:06:41 Stunden") is a figure in
# hours; the atom reader takes no digits joined by colons. A clock time with seconds is said with "Uhr",
# "a.m." or "p.m." after it, and stays none.
_HOURS_MINUTES_SECONDS = re.compile(
    r"(?<![\w.,:])(?P<h>\d{1,2}):(?P<m>[0-5]\d):(?P<s>[0-5]\d)(?![\w:]|[.,]\d)"
    r"(?P<unit>[ \u00a0]*(?:Stunden|Std\.|hours|hrs\b|h\b))?"
)
_CLOCK_AFTER = re.compile(r"[ \u00a0]*(?:Uhr|[ap]\.?m\.?|GMT|UTC|MEZ|MESZ)(?![\w])", re.IGNORECASE)


def _lengths_in_hours(text: str, code: str, offset: int) -> list[Quantity]:
    if code not in ("de", "en") or _DIGITS_COLON_TWICE.search(text) is None:
        return []
    out = []
    for m in _HOURS_MINUTES_SECONDS.finditer(text):
        if _CLOCK_AFTER.match(text, m.end()):
            continue
        hours = int(m.group("h")) + int(m.group("m")) / 60 + int(m.group("s")) / 3600
        unit = "Stunde" if code == "de" else "hour"
        out.append(Quantity(m.group(), m.start() + offset, m.end() + offset, hours, unit))
    return out


# A tally is one value pair, the larger count first: "mit 34 zu 12 Stimmen", "34:12 Stimmen", "by 34
# votes to 12", "34 to 12 votes" (the second count was a count of its own, and "12 Stimmen" clashed with
# "34 votes"). The joining word before the counted noun, or after it with no other noun following; a
# rising pair is a range, and "from 34 seats to 12" a change, not a tally.
_TALLY_JOIN = re.compile(r"[ \u00a0]+(?:zu|to|gegen|against)[ \u00a0]+|[ \u00a0]*:[ \u00a0]*")
_TALLY_BEFORE = re.compile(r"(?:^|\s)(?i:from|von|vom|of)[ \u00a0]+$")
_NO_TALLY_UNITS = frozenset({"%"})


def _tally(
    atom: Atom, end: int, unit: str | None, text: str, code: str, lang: NumberLanguage
) -> tuple[float, int, str | None] | None:
    """The other count of a tally that starts with ``atom`` (read up to ``end`` with ``unit``): that
    count, where the tally ends and its counted noun."""
    if atom.vague or atom.scaled or _TALLY_BEFORE.search(text, max(0, atom.start - 8), atom.start):
        return None
    if unit is not None and (unit in _NO_TALLY_UNITS or unit in CURRENCIES.values()):
        return None
    unit_first = end > atom.end
    join = _TALLY_JOIN.match(text, end if unit_first else atom.end)
    if join is None or (unit_first and ":" in join.group()):
        return None
    second_match = lang.atom.match(text, join.end())
    second = read_atom(second_match, text, code, lang) if second_match is not None else None
    if second is None or second.vague or second.scaled or second.high is not None or second.low > atom.low:
        return None
    if second.numeric is not None and (atom.numeric is None) != (second.numeric is None):
        return None  # "34 zu zwölf": both counts are written alike
    after = find_unit(text, second.end, code, second.low)
    if after is NOT_A_QUANTITY:
        return None
    if unit_first:
        if isinstance(after, tuple) and unit_key(after[0]) != unit_key(unit):
            return None  # "34 beds to 12 wards": another noun follows
        return second.low, after[1] if isinstance(after, tuple) else second.end, unit
    if not isinstance(after, tuple) or after[0] in CURRENCIES.values() or after[0] in _NO_TALLY_UNITS:
        return None  # "3 zu 1" without a counted noun stays as it was
    return second.low, after[1], after[0]


# Polish "między 10 a 20", Russian "между 10 и 20", Arabic "بين 10 و20", "بين 10 إلى 20": these join a
# range only after "between".
_JOINERS_AFTER_BETWEEN = frozenset({"a", "i", "и", "و", "إلى", "الى"})


def _complete(
    atom: Atom, text: str, code: str, lang: NumberLanguage
) -> tuple[int, int, float, float | None, str | None, bool] | None:
    """Range, hedge, currency and unit around an atom; None when the number is no quantity."""
    start, end = atom.start, atom.end
    low, high = atom.low, atom.high
    is_range = False
    between = lang.between.search(text, max(0, start - 12), start)
    sep = lang.range_sep.match(text, end)
    if sep is not None and not atom.vague:
        joiner = sep.group(1)
        needs_between = joiner in {"und", "and", "e", "en"} or (
            code in ("pl", "ru", "ar") and joiner in _JOINERS_AFTER_BETWEEN
        )
        if not needs_between or between is not None:
            second = lang.atom.match(text, sep.end())
            other = read_atom(second, text, code, lang) if second is not None else None
            from_to = joiner == "to" and between is not None and between.group().lower().startswith("from")
            dash = joiner in {"-", "–"}
            if other is not None and not other.vague and not from_to and (not dash or other.numeric):
                scaled_low = low * other.scale if (other.scaled and not atom.scaled) else low
                if other.low > scaled_low:
                    low, high, end, is_range = scaled_low, other.low, other.end, True
    if is_range and between is not None:
        start = between.start()
    hedge = lang.hedge.search(text, max(0, start - 30), start)
    approximate = atom.vague or hedge is not None
    unit_from = end
    if code == "tr" and (after := _TR_HEDGE_AFTER.match(text, end)) is not None:
        approximate, unit_from = True, after.end()
    currency_before = CURRENCY_BEFORE.search(text, max(0, start - 5), start)
    unit: str | None = None
    if currency_before is not None:
        unit = CURRENCIES[currency_before.group(1).lower()]
        start = currency_before.start()
    elif code == "tr" and (percent := _TR_PERCENT_BEFORE.search(text, max(0, start - 8), start)) is not None:
        unit, start = "%", percent.start()
    if hedge is not None:
        start = min(start, hedge.start())
    if code == "en" and _EN_TIME_AFTER.match(text, end):
        return None
    found_unit = find_unit(text, unit_from, code, high if high is not None else low)
    if found_unit is NOT_A_QUANTITY:
        return None
    if isinstance(found_unit, tuple):
        word_unit, unit_end = found_unit
        if unit is None or word_unit in CURRENCIES.values():
            unit = unit or word_unit
            end = unit_end
    if _is_year(atom, text, unit, end) or (code in ("tr", "pl", "ru", "ar") and _year_noun(atom, unit)):
        return None
    if code == "ar" and _year_before_unknown_word(atom, unit):
        return None
    bound_after = _BOUND_AFTER_NOUN.get(code)
    if bound_after is not None and end > unit_from and (bound := bound_after.match(text, end)) is not None:
        approximate, end = True, bound.end()
    return start, end, low, high, unit, approximate


def _year_noun(atom: Atom, unit: str | None) -> bool:
    """Turkish and Polish name a year with the word year after it: "2019 yılında", "w 2019 roku"."""
    digits = atom.numeric
    return (
        unit_key(unit) == "year"
        and digits is not None
        and digits.isdigit()
        and len(digits) == 4
        and 1800 <= int(digits) <= 2099
    )


def _year_before_unknown_word(atom: Atom, unit: str | None) -> bool:
    """An Arabic four-digit figure from 1800 to 2099 before a word that is no known counted noun, no
    currency and no percent is a year: the word after it is whatever the sentence goes on with (a
    pronoun, a weekday, a noun of the event's name), as "2019" before a name is in German."""
    digits = atom.numeric
    if digits is None or not digits.isdigit() or len(digits) != 4 or atom.scaled:
        return False
    if not 1800 <= int(digits) <= 2099 or unit is None:
        return False
    return unit != "%" and unit not in CURRENCIES.values() and unit_key(unit) == unit


def _is_year(atom: Atom, text: str, unit: str | None, unit_end: int) -> bool:
    """A bare four-digit number from 1800 to 2099 is a year unless a counted noun follows at once.

    Even with a hedge ("mehr als 2019" compares with a year) and even before an adjective and noun
    ("das 2012 verbotene Netzwerk"); percent and currency always make it an amount.
    """
    digits = atom.numeric
    if digits is None or not digits.isdigit() or len(digits) != 4 or atom.scaled:
        return False
    if not 1800 <= int(digits) <= 2099:
        return False
    if unit is None:
        return True
    if unit == "%" or unit in CURRENCIES.values():
        return False
    following = TOKEN.match(text, atom.end)
    if following is None or following.end() not in {unit_end, unit_end + 1}:
        return True
    previous = text[max(0, atom.start - 20) : atom.start].split()
    return bool(previous) and previous[-1].lower().strip("(") in _YEAR_CONTEXT_BEFORE
