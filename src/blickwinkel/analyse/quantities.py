"""Quantities in German and English news text: a number, its counted noun and whether it is hedged.

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
- Languages other than German and English yield no quantities rather than misread ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from blickwinkel.model import Quantity

__all__ = ["SUPPORTED_LANGUAGES", "find_quantities", "quantities_agree", "unit_key"]

SUPPORTED_LANGUAGES: tuple[str, ...] = ("de", "en")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_DE_NUMBER_WORDS = (
    "dreizehn|vierzehn|fünfzehn|sechzehn|siebzehn|achtzehn|neunzehn|zwanzig|dreißig|vierzig|fünfzig|"
    "sechzig|siebzig|achtzig|neunzig|hundert|tausend|zwölf|zwei|drei|vier|fünf|sechs|sieben|acht|"
    "neun|zehn|elf|ein|und"
)
_EN_NUMBER_WORD = (
    "thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    "seventy|eighty|ninety|hundred|thousand|twelve|eleven|one|two|three|four|five|six|seven|eight|nine|ten"
)
_DE_NUMERIC = (
    r"\d{1,3}(?:[.\u00a0\u202f]\d{3})+(?:,\d+)?"
    # "2.5 Millionen" is a common slip for "2,5 Millionen"; only before a scale word or percent.
    r"|\d+\.\d{1,2}(?=\s*(?:Mio|Mrd|Million|Milliard|Prozent|%))"
    r"|\d+(?:,\d+)?"
)
_EN_NUMERIC = r"\d{1,3}(?:[,\u00a0\u202f]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# Not part of a code ("COVID-19", "A320"), a date ("2024-01-25"), a time or a longer figure.
_NUMERIC_GUARD_BEFORE = r"(?<![\w.,:/+#§])(?<![^\W\d_][-–])(?<!\d[-–]\d\d[-–])"
_NUMERIC_GUARD_AFTER = r"(?!\d)(?![.,:/]\d)(?!-[^\W\d_])(?![-–]\d+[-–])"

# (low, high) for vague amounts written as a plural of a power of ten.
_VAGUE: dict[str, tuple[float, float]] = {
    "dutzend": (24, 99),
    "hundert": (200, 999),
    "tausend": (2_000, 9_999),
    "zehntausend": (20_000, 99_999),
    "hunderttausend": (200_000, 999_999),
    "million": (2e6, 9.99e6),
    "milliard": (2e9, 9.99e9),
    "dozen": (24, 99),
    "hundred": (200, 999),
    "thousand": (2_000, 9_999),
    "tens of thousand": (20_000, 99_999),
    "hundreds of thousand": (200_000, 999_999),
    "billion": (2e9, 9.99e9),
}

_DE_ATOM = re.compile(
    # every amount starts at a word start; checking that first keeps the scan fast
    r"(?<![\w])(?:"
    rf"{_NUMERIC_GUARD_BEFORE}(?P<num>{_DE_NUMERIC}){_NUMERIC_GUARD_AFTER}(?![^\W\d_])"
    r"|(?<![\w-])(?P<some>(?:[Ee]inige|[Mm]ehrere|[Ee]in\s+paar|[Ww]enige)\s+)(?P<somebase>hundert|tausend|"
    r"Hundert|Tausend)(?![\w-])"
    r"|(?<![\w-])(?P<vague>(?:Dutzend|Zehntausend|Hunderttausend|Hundert|Tausend)en?|Millionen|Milliarden)"
    r"(?![\w-])"
    r"|(?<![\w-])(?P<one>(?:[Ee]ine[rnm]?|[Ee]in)\s+(?:halbe[nr]?\s+)?|[Ee]ineinhalb\s+|[Aa]nderthalb\s+)"
    r"(?P<onescale>Millionen|Million|Milliarden|Milliarde|Billionen|Billion|Dutzend|Hundert|hundert|Tausend|"
    r"tausend)(?![\w-])"
    rf"|(?<![\w-])(?P<word>(?i:(?:{_DE_NUMBER_WORDS})+))(?![\w-])"
    r")"
)
_EN_ATOM = re.compile(
    # every amount starts at a word start; checking that first keeps the scan fast
    r"(?<![\w])(?:"
    rf"{_NUMERIC_GUARD_BEFORE}(?P<num>{_EN_NUMERIC})(?P<suffix>bn|mn|tn|m|k|b)?{_NUMERIC_GUARD_AFTER}"
    r"(?![^\W\d_])"
    r"|(?<![\w-])(?P<some>(?i:several|a\s+few|some)\s+)(?P<somebase>hundred|thousand)(?![\w-])"
    r"|(?<![\w-])(?P<vague>(?i:hundreds\s+of\s+thousands|tens\s+of\s+thousands|dozens|hundreds|thousands|"
    r"millions|billions))(?![\w-])"
    r"|(?<![\w-])(?P<one>(?i:a|an|one)\s+(?:half\s+)?|(?i:half\s+a)\s+)"
    r"(?P<onescale>million|billion|trillion|dozen|hundred|thousand)(?![\w-])"
    rf"|(?<![\w-])(?P<word>(?i:(?:{_EN_NUMBER_WORD})(?:(?:\s+and\s+|[\s-]+)(?:{_EN_NUMBER_WORD}))*))(?![\w-])"
    r")"
)
_DE_SCALE = re.compile(
    r"[ \u00a0]*(Millionen|Million|Mio\.?|Milliarden|Milliarde|Mrd\.?|Billionen|Billion|Bio\.|Tausend|"
    r"tausend|Tsd\.|Dutzend)(?![\w-])"
)
_EN_SCALE = re.compile(r"[ \u00a0]*(million|billion|trillion|thousand|bn|mn|dozen)(?![\w-])", re.IGNORECASE)
_SCALES: dict[str, float] = {
    "million": 1e6,
    "millionen": 1e6,
    "mio": 1e6,
    "mio.": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "milliarde": 1e9,
    "milliarden": 1e9,
    "mrd": 1e9,
    "mrd.": 1e9,
    "billion": 1e9,  # English; the German "Billion" is handled apart.
    "bn": 1e9,
    "b": 1e9,
    "billionen": 1e12,
    "bio.": 1e12,
    "trillion": 1e12,
    "tn": 1e12,
    "tausend": 1e3,
    "tsd.": 1e3,
    "thousand": 1e3,
    "k": 1e3,
    "hundert": 100,
    "hundred": 100,
    "dutzend": 12,
    "dozen": 12,
}
_DE_RANGE = re.compile(r"[ \u00a0]*(-|–|bis|oder|und)[ \u00a0]*")
_EN_RANGE = re.compile(r"[ \u00a0]*(-|–|to|or|and)[ \u00a0]*")

_DE_HEDGE = re.compile(
    r"(?:^|(?<=[\s(„\"'»«]))(?i:etwa|rund|knapp|circa|zirka|ca\.|mehr\s+als|weit\s+mehr\s+als|weit\s+über|über|"
    r"fast|beinahe|nahezu|annähernd|gut|an\s+die|bis\s+zu|mindestens|wenigstens|weniger\s+als|unter|"
    r"ungefähr|schätzungsweise|geschätzte?|höchstens|maximal)[ \u00a0]+$"
)
_EN_HEDGE = re.compile(
    r"(?:^|(?<=[\s(\"'“]))(?i:about|around|roughly|nearly|almost|more\s+than|well\s+over|just\s+over|over|"
    r"some|up\s+to|at\s+least|fewer\s+than|less\s+than|approximately|an\s+estimated|estimated|"
    r"as\s+many\s+as|close\s+to|upwards\s+of|just\s+under|under|at\s+most|approx\.)[ \u00a0]+$"
)
_DE_BETWEEN = re.compile(r"(?:^|(?<=\s))(?i:zwischen)[ \u00a0]+$")
_EN_BETWEEN = re.compile(r"(?:^|(?<=\s))(?i:between|from)[ \u00a0]+$")
# Hedges that only bound from one side; quantities_agree widens that side further.
_LOWER_BOUND_HEDGE = re.compile(
    r"^(?i:mehr\s+als|weit|über|mindestens|wenigstens|gut|more\s+than|well\s+over|just\s+over|over|"
    r"at\s+least|upwards\s+of)\b"
)
_UPPER_BOUND_HEDGE = re.compile(
    r"^(?i:knapp|fast|beinahe|nahezu|an\s+die|bis\s+zu|weniger\s+als|unter|höchstens|maximal|nearly|almost|"
    r"up\s+to|fewer\s+than|less\s+than|as\s+many\s+as|close\s+to|just\s+under|under|at\s+most)\b"
)

_CURRENCY_BEFORE = re.compile(r"(US\$|US-\$|\$|€|£|EUR|USD|GBP|CHF)[ \u00a0]?$")
_CURRENCIES: dict[str, str] = {
    "$": "USD",
    "us$": "USD",
    "us-$": "USD",
    "usd": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "us-dollar": "USD",
    "€": "EUR",
    "eur": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "pfund": "GBP",
    "pound": "GBP",
    "pounds": "GBP",
    "chf": "CHF",
    "franken": "CHF",
    "rubel": "RUB",
    "rubles": "RUB",
    "roubles": "RUB",
    "yen": "JPY",
    "yuan": "CNY",
}
_PERCENT_WORDS = frozenset({"%", "prozent", "percent", "vh"})

_TOKEN = re.compile(r"[ \t\u00a0\u202f]*([^\W\d_]\w*(?:[-‑]\w+)*\.?|%|€|\$|£)")
_DE_MONTHS = _words(
    "januar jänner februar märz april mai juni juli august september oktober november dezember jan. "
    "feb. mär. apr. jun. jul. aug. sep. sept. okt. nov. dez."
)
_EN_MONTHS = _words(
    "january february march april may june july august september october november december jan jan. "
    "feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct oct. nov nov. dec "
    "dec."
)
_WEEKDAYS = _words(
    "montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag monday tuesday wednesday "
    "thursday friday saturday sunday"
)
_TIME_WORDS = frozenset({"uhr", "o'clock", "a.m.", "p.m.", "am", "pm", "gmt", "utc", "mez", "mesz"})
# Words before a number that make it a label, not an amount ("Artikel 5", "flight 370").
_ID_BEFORE = _words(
    "nr. nr nummer artikel art. paragraf paragraph § seite s. kapitel platz rang linie gleis zimmer "
    "raum version flug bus tram route bundesstraße autobahn kategorie stufe klasse jahrgang runde "
    "spieltag minute folge staffel band heft ausgabe no. number article section page chapter flight "
    "line platform room level category grade round episode season volume issue resolution"
)
_YEAR_CONTEXT_BEFORE = _words(
    "im jahr jahre jahres jahr seit bis in ende anfang mitte von vom ab vor nach zwischen um sommer "
    "herbst winter frühjahr frühling since until by year from of early late mid during between summer "
    "autumn fall spring before after"
)
_DE_ORDINAL_BEFORE = _words(
    "der die das den dem des am im zum zur vom beim ihr ihre ihrem ihren ihrer sein seine seinem "
    "seinen seiner jeder jede jedes jeden dieser diese dieses diesem diesen unser unsere ein eine "
    "einem einer einen"
)
_DE_VERB_STOP = _words(
    "sind waren wurden werden seien wären hatten haben habe hätten sollen sollten müssen mussten "
    "können konnten kamen starben gingen blieben lagen standen stehen liegen kommen gehen bleiben "
    "sterben davon dabei"
)
_EN_STOP = _words(
    "the a an of and or but to in on at by for from with without into onto over under than as that "
    "which who whom whose were was is are be been being have has had will would could should may "
    "might can did do does not no per more less this these those it its their his her our your my "
    "there here while when where after before since until during about against between among than"
)
_EN_PLURAL_NOUNS = _words(
    "people police troops personnel staff men women children cattle sheep fish deer aircraft"
)
# English adjectives used as nouns for counted people ("25 dead, 40 injured").
_EN_PEOPLE_ADJECTIVES: dict[str, str] = {
    "dead": "dead",
    "killed": "dead",
    "injured": "injured",
    "wounded": "injured",
    "hurt": "injured",
    "missing": "missing",
}
_EN_TIME_AFTER = re.compile(r"[ \u00a0]*[ap]\.?m\.?(?![\w])", re.IGNORECASE)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;„\"“»«(\n]\s*)$")


@dataclass(frozen=True)
class _Language:
    atom: re.Pattern[str]
    scale: re.Pattern[str]
    range_sep: re.Pattern[str]
    hedge: re.Pattern[str]
    between: re.Pattern[str]
    decimal: str
    months: frozenset[str]


_LANGUAGES: dict[str, _Language] = {
    "de": _Language(_DE_ATOM, _DE_SCALE, _DE_RANGE, _DE_HEDGE, _DE_BETWEEN, ",", _DE_MONTHS),
    "en": _Language(_EN_ATOM, _EN_SCALE, _EN_RANGE, _EN_HEDGE, _EN_BETWEEN, ".", _EN_MONTHS),
}


@dataclass
class _Atom:
    start: int
    end: int
    low: float
    high: float | None
    numeric: str | None  # the digits as written, for year and identifier checks
    scaled: bool
    vague: bool
    scale: float = 1.0


def find_quantities(text: str, language: str = "de", *, offset: int = 0) -> list[Quantity]:
    """Every quantity in ``text``; ``start``/``end`` are shifted by ``offset`` to index the article."""
    code = _primary_language(language)
    lang = _LANGUAGES.get(code)
    if lang is None or not text:
        return []
    found: list[Quantity] = []
    pos = 0
    while True:
        match = lang.atom.search(text, pos)
        if match is None:
            break
        atom = _read_atom(match, text, code, lang)
        if atom is None:
            pos = match.end()
            continue
        pos = atom.end
        quantity = _complete(atom, text, code, lang)
        if quantity is None:
            continue
        start, end, value, upper, unit, approximate = quantity
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
            )
        )
    return found


def _primary_language(language: str) -> str:
    return language.strip().lower().replace("_", "-").split("-")[0]


def _read_atom(match: re.Match[str], text: str, code: str, lang: _Language) -> _Atom | None:
    """The number a match of the atom pattern stands for, with any scale word after it."""
    start, end = match.span()
    if match.group("num") is not None:
        digits = match.group("num")
        value = _parse_numeric(digits, lang.decimal)
        if value is None or _is_identifier(text, start, digits, code, lang):
            return None
        scale = 1.0
        suffix = match.groupdict().get("suffix")
        if suffix:
            scale = _SCALES[suffix.lower()]
        elif code == "de" and _is_german_ordinal(text, start, end, digits, lang):
            return None
        atom = _Atom(start, end, value * scale, None, digits, bool(suffix), vague=False, scale=scale)
    elif match.group("some") is not None:
        base = _SCALES[match.group("somebase").lower()]
        return _Atom(start, end, 2 * base, 9 * base, None, scaled=True, vague=True)
    elif match.group("vague") is not None:
        word = re.sub(r"\s+", " ", match.group("vague").lower())
        word = word.rstrip("n").rstrip("e").rstrip("s") if code == "de" else word.rstrip("s")
        low, high = _VAGUE.get(word, (0.0, 0.0))
        if not low:
            return None
        return _Atom(start, end, low, high, None, scaled=True, vague=True)
    elif match.group("one") is not None:
        head = match.group("one").lower()
        factor = 1.5 if ("halb" in head and head.startswith(("einein", "anderthalb"))) else 1.0
        if "half" in head or "halbe" in head:
            factor = 0.5
        scale_word = match.group("onescale").lower()
        scale = 1e12 if (code == "de" and scale_word.startswith("billion")) else _SCALES[scale_word]
        return _Atom(start, end, factor * scale, None, None, scaled=True, vague=False, scale=scale)
    else:
        word = match.group("word")
        value = _parse_number_words(word, code)
        if value is None:
            return None
        if word[0].isupper() and not _SENTENCE_START.search(text, 0, start):
            return None  # "die Elf", "in Acht nehmen": capitalised mid-sentence is a noun
        atom = _Atom(start, end, value, None, None, scaled=False, vague=False)
    return _apply_scale(atom, text, code, lang)


def _apply_scale(atom: _Atom, text: str, code: str, lang: _Language) -> _Atom:
    if atom.scaled:
        return atom
    scale_match = lang.scale.match(text, atom.end)
    if scale_match is None:
        return atom
    word = scale_match.group(1).lower()
    scale = 1e12 if (code == "de" and word.startswith("billion")) else _SCALES[word]
    atom.low *= scale
    atom.end = scale_match.end()
    atom.scaled = True
    atom.scale = scale
    return atom


def _parse_numeric(digits: str, decimal: str) -> float | None:
    thousands = "." if decimal == "," else ","
    raw = digits.replace("\u00a0", "").replace("\u202f", "")
    if decimal == "," and re.fullmatch(r"\d+\.\d{1,2}", raw):
        return float(raw)
    raw = raw.replace(thousands, "").replace(decimal, ".")
    try:
        return float(raw)
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def _parse_number_words(word: str, code: str) -> float | None:
    lowered = re.sub(r"\s+", " ", word.lower())
    # "ein" is the article and "one" mostly a pronoun ("one of them"); both count only before a scale
    # word ("eine Million", "one million"), which the atom pattern reads apart.
    if lowered in {"ein", "one"} or lowered.startswith("und") or lowered.endswith("und"):
        return None
    try:
        # pyproject's mypy override names "text2num.*", but the module is "text_to_num".
        from text_to_num import text2num  # type: ignore[import-untyped,unused-ignore]

        return float(text2num(lowered, code))
    except Exception:  # text2num signals malformed input with several exception types
        return None


def _is_identifier(text: str, start: int, digits: str, code: str, lang: _Language) -> bool:
    """Phone numbers, codes and labels: "+49 30 ...", "0171 ...", "Artikel 5", "Boeing 737"."""
    plain = digits.isdigit()
    if plain and len(digits) > 1 and digits[0] == "0":
        return True
    if plain and len(digits) >= 7:
        return True
    before = text[max(0, start - 30) : start]
    words = before.split()
    if not words:
        return False
    previous = words[-1]
    lowered = previous.lower()
    if lowered in _ID_BEFORE or lowered.rstrip(".") in lang.months or lowered in lang.months:
        return True
    if previous.startswith("+") or previous[-1].isdigit():
        return True
    # a name before a number mid-sentence: "Boeing 737", "Windows 11"
    return (
        code == "en"
        and previous[0].isupper()
        and previous.isalpha()
        and lowered not in _WEEKDAYS
        and len(words) > 1
        and not _SENTENCE_START.search(before[: before.rfind(previous)])
        and not lang.hedge.search(before)
        and not lang.between.search(before)
    )


def _is_german_ordinal(text: str, start: int, end: int, digits: str, lang: _Language) -> bool:
    if not digits.isdigit() or len(digits) > 3 or text[end : end + 1] != ".":
        return False
    rest = text[end + 1 : end + 40]
    following = rest.split(maxsplit=1)
    if not following:
        return False
    word = following[0]
    if word[0].islower() or word.lower() in lang.months or word.lower().rstrip(",") in lang.months:
        return True
    previous = text[max(0, start - 20) : start].split()
    return bool(previous) and previous[-1].lower() in _DE_ORDINAL_BEFORE


def _complete(
    atom: _Atom, text: str, code: str, lang: _Language
) -> tuple[int, int, float, float | None, str | None, bool] | None:
    """Range, hedge, currency and unit around an atom; None when the number is no quantity."""
    start, end = atom.start, atom.end
    low, high = atom.low, atom.high
    is_range = False
    between = lang.between.search(text, max(0, start - 12), start)
    sep = lang.range_sep.match(text, end)
    if sep is not None and not atom.vague:
        joiner = sep.group(1)
        if joiner not in {"und", "and"} or between is not None:
            second = lang.atom.match(text, sep.end())
            other = _read_atom(second, text, code, lang) if second is not None else None
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
    currency_before = _CURRENCY_BEFORE.search(text, max(0, start - 5), start)
    unit: str | None = None
    if currency_before is not None:
        unit = _CURRENCIES[currency_before.group(1).lower()]
        start = currency_before.start()
    if hedge is not None:
        start = min(start, hedge.start())
    if code == "en" and _EN_TIME_AFTER.match(text, end):
        return None
    found_unit = _find_unit(text, end, code, high if high is not None else low)
    if found_unit is _NOT_A_QUANTITY:
        return None
    if isinstance(found_unit, tuple):
        word_unit, unit_end = found_unit
        if unit is None or word_unit in _CURRENCIES.values():
            unit = unit or word_unit
            end = unit_end
    if _is_year(atom, text, unit, end):
        return None
    return start, end, low, high, unit, approximate


def _is_year(atom: _Atom, text: str, unit: str | None, unit_end: int) -> bool:
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
    if unit == "%" or unit in _CURRENCIES.values():
        return False
    following = _TOKEN.match(text, atom.end)
    if following is None or following.end() not in {unit_end, unit_end + 1}:
        return True
    previous = text[max(0, atom.start - 20) : atom.start].split()
    return bool(previous) and previous[-1].lower().strip("(") in _YEAR_CONTEXT_BEFORE


class _NotAQuantity:
    pass


_NOT_A_QUANTITY = _NotAQuantity()


def _find_unit(text: str, end: int, code: str, value: float) -> tuple[str, int] | _NotAQuantity | None:
    """The counted noun after a number: its lemma and where it ends, skipping adjectives."""
    pos = end
    skipped = 0
    months = _DE_MONTHS if code == "de" else _EN_MONTHS
    fallback: tuple[str, int] | None = None
    while skipped <= 3:
        match = _TOKEN.match(text, pos)
        if match is None:
            return fallback
        raw = match.group(1)
        # A final dot ends the sentence; the scale abbreviations ("Mio.") were read before.
        token = raw[:-1] if raw.endswith(".") and raw.lower() not in months else raw
        word_end = match.start(1) + len(token)
        lowered = token.lower()
        if lowered in _TIME_WORDS or lowered in months:
            return _NOT_A_QUANTITY
        if lowered in _PERCENT_WORDS:
            return "%", word_end
        if code == "en" and lowered == "per" and text[word_end : word_end + 5].lower() == " cent":
            return "%", word_end + 5
        currency = _CURRENCIES.get(lowered) or _CURRENCIES.get(lowered.rsplit("-", 1)[-1])
        if currency is not None:
            return currency, word_end
        if code == "de":
            if token[0].isupper():
                if lowered in _WEEKDAYS:
                    return None
                return german_unit(token), word_end
            if lowered in _DE_VERB_STOP or not _looks_like_german_adjective(lowered):
                return None
        else:
            if lowered in _EN_STOP:
                if lowered == "of" and skipped == 0:
                    pos, skipped = match.end(), skipped + 1
                    continue
                return fallback
            if lowered in _EN_PEOPLE_ADJECTIVES:
                return _EN_PEOPLE_ADJECTIVES[lowered], word_end
            if lowered in _WEEKDAYS:
                return fallback
            if not token[0].isupper() and not lowered.endswith(("ed", "ing", "ly")):
                lemma = english_unit(lowered)
                if lemma != lowered or lowered in _EN_PLURAL_NOUNS or value == 1:
                    return lemma, word_end
                if fallback is None:
                    fallback = (lemma, word_end)
        if token != raw:
            return fallback  # the word ended the sentence
        pos = match.end()
        skipped += 1
    return fallback


_GERMAN_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")


def _looks_like_german_adjective(word: str) -> bool:
    return word.endswith(_GERMAN_ADJECTIVE_ENDINGS) or "-" in word or word in {"weitere", "mehr"}


@lru_cache(maxsize=65536)
def german_unit(word: str) -> str:
    """The unit of a German counted noun: the lemma of its head, nominalised adjectives in "-e" form."""
    head = re.split(r"[-‑]", word)[-1] or word
    if not head[:1].isupper():
        head = head[:1].upper() + head[1:]
    import simplemma

    stem = _strip_adjective_ending(head)
    if stem is not None and _is_adjective_stem(head, stem):
        return stem + "e"
    # greedy: unknown compounds are lemmatised by their last part ("Projektskizzen")
    lemma: str = simplemma.lemmatize(head, lang="de", greedy=True)
    if stem is not None and head.endswith(("e", "en")) and lemma == stem + "er":
        return stem + "e"  # simplemma gives the masculine form: "Abgeordnete" -> "Abgeordneter"
    return lemma[:1].upper() + lemma[1:]


def _strip_adjective_ending(word: str) -> str | None:
    for ending in ("en", "er", "em", "es", "e"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return None


def _is_adjective_stem(word: str, stem: str) -> bool:
    """True for nominalised adjectives and participles: "Toten" (tot), "Verletzte" (verletzt)."""
    import simplemma

    lowered = stem.lower()
    lemmas = []
    # simplemma returns unknown words unchanged, so only a changed or known word says anything.
    word_lemma: str = simplemma.lemmatize(word.lower(), lang="de")
    if word_lemma != word.lower():
        lemmas.append(word_lemma)
    if simplemma.is_known(lowered, lang="de"):
        lemmas.append(simplemma.lemmatize(lowered, lang="de"))
    for lemma in lemmas:
        if not lemma.islower():
            continue
        if lemma == lowered:
            return True
        if lemma.endswith("en") and lowered in {lemma[:-2] + "t", "ge" + lemma[:-2] + "t"}:
            return True
    return False


@lru_cache(maxsize=65536)
def english_unit(word: str) -> str:
    """The unit of an English counted noun: its lemma ("soldiers" -> "soldier")."""
    import simplemma

    lemma: str = simplemma.lemmatize(word.lower(), lang="en")
    return lemma


# German and English units of the same thing share one key, so two languages can be compared.
_UNIT_KEYS: dict[str, str] = {
    "soldat": "soldier",
    "soldatin": "soldier",
    "soldier": "soldier",
    "troop": "soldier",
    "troops": "soldier",
    "mensch": "person",
    "person": "person",
    "people": "person",
    "tote": "dead",
    "todesopfer": "dead",
    "dead": "dead",
    "fatality": "dead",
    "verletzte": "injured",
    "injured": "injured",
    "prozent": "%",
    "percent": "%",
    "%": "%",
    "prozentpunkt": "percentage point",
    "euro": "eur",
    "eur": "eur",
    "dollar": "usd",
    "usd": "usd",
    "gbp": "gbp",
    "pfund": "gbp",
    "pound": "gbp",
    "mal": "times",
    "time": "times",
    "times": "times",
    "angriff": "attack",
    "attack": "attack",
    "jahr": "year",
    "year": "year",
    "monat": "month",
    "month": "month",
    "woche": "week",
    "week": "week",
    "tag": "day",
    "day": "day",
    "stunde": "hour",
    "hour": "hour",
    "minute": "minute",
    "kind": "child",
    "child": "child",
    "frau": "woman",
    "woman": "woman",
    "mann": "man",
    "man": "man",
    "opfer": "victim",
    "victim": "victim",
    "zivilist": "civilian",
    "civilian": "civilian",
    "polizist": "police officer",
    "policeman": "police officer",
    "demonstrant": "protester",
    "protester": "protester",
    "protestor": "protester",
    "flüchtling": "refugee",
    "geflüchtete": "refugee",
    "refugee": "refugee",
    "einwohner": "resident",
    "bewohner": "resident",
    "resident": "resident",
    "inhabitant": "resident",
    "geisel": "hostage",
    "hostage": "hostage",
    "gefangene": "prisoner",
    "häftling": "prisoner",
    "prisoner": "prisoner",
    "rakete": "rocket",
    "rocket": "rocket",
    "missile": "rocket",
    "drohne": "drone",
    "drone": "drone",
    "tonne": "tonne",
    "ton": "tonne",
    "kilometer": "km",
    "kilometre": "km",
    "kilometer.": "km",
    "km": "km",
    "meter": "m",
    "metre": "m",
    "stimme": "vote",
    "vote": "vote",
    "sitz": "seat",
    "seat": "seat",
    "haus": "house",
    "house": "house",
    "vermisste": "missing",
    "missing": "missing",
    "angehörige": "relative",
    "relative": "relative",
    "teilnehmer": "participant",
    "participant": "participant",
}


def unit_key(unit: str | None) -> str | None:
    """A language-independent key for a unit, so "Soldat" and "soldier" compare equal."""
    if unit is None:
        return None
    lowered = unit.strip().lower()
    if not lowered:
        return None
    if lowered in _UNIT_KEYS:
        return _UNIT_KEYS[lowered]
    # German feminine forms count the same people: "Pendlerin"/"Pendlerinnen" as "Pendler".
    for suffix in ("erinnen", "erin"):
        if lowered.endswith(suffix) and len(lowered) > len(suffix) + 2:
            base = lowered[: -len(suffix)] + "er"
            return _UNIT_KEYS.get(base, base)
    return lowered


_APPROXIMATE_TOLERANCE = 0.10
_PRECISE_HEDGE_TOLERANCE = 0.03
_ONE_SIDED_TOLERANCE = 0.25


def quantities_agree(a: Quantity, b: Quantity) -> bool | None:
    """Whether two quantities report the same amount; None when they count different things.

    Exact numbers must be equal; an approximate one may differ by about 10% (25% on the open side of
    "mehr als"/"fast"); ranges agree with whatever they overlap.
    """
    key = unit_key(a.unit)
    if key is None or key != unit_key(b.unit):
        return None
    if a.upper is not None and b.upper is not None and not (a.approximate or b.approximate):
        # Two exact ranges ("500.000 bis 700.000") agree only when both ends do.
        return a.value == b.value and a.upper == b.upper
    low_a, high_a = _interval(a)
    low_b, high_b = _interval(b)
    return low_a <= high_b and low_b <= high_a


def _is_round(value: float) -> bool:
    """A number with at most two significant digits (150, 2500, 3000, 0.5): hedged, it stands for a
    range; a hedged precise number ("about 212") is still close to itself."""
    if value == 0 or not float(value).is_integer():
        return abs(value) < 10
    digits = str(int(abs(value))).rstrip("0")
    return len(digits) <= 2


def _interval(quantity: Quantity) -> tuple[float, float]:
    low = quantity.value
    high = quantity.upper if quantity.upper is not None else quantity.value
    if not quantity.approximate:
        return low, high
    down = up = _APPROXIMATE_TOLERANCE if _is_round(quantity.value) else _PRECISE_HEDGE_TOLERANCE
    if _LOWER_BOUND_HEDGE.search(quantity.text):
        down, up = 0.0, _ONE_SIDED_TOLERANCE
    elif _UPPER_BOUND_HEDGE.search(quantity.text):
        down, up = _ONE_SIDED_TOLERANCE, 0.0
    return low - abs(low) * down, high + abs(high) * up
