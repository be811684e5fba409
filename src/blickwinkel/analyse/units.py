"""Units of counted things: the counted noun after a number, currencies, percent, and a
language-independent key so that "Soldaten" and "soldiers" count the same thing."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from blickwinkel.analyse import lemmas as dictionary
from blickwinkel.analyse.numbers import (
    AR_MONTHS,
    CURRENCY_CODES,
    DE_MONTHS,
    EN_HYPHEN_MEASURE,
    EN_MONTHS,
    ES_MONTHS,
    FR_MONTHS,
    IT_MONTHS,
    NL_MONTHS,
    PL_MONTHS,
    PT_MONTHS,
    RU_MONTHS,
    TR_MONTHS,
    WEEKDAYS,
    is_number_word,
    word_set,
)
from blickwinkel.text.function_words import function_words

CURRENCY_BEFORE = re.compile(r"(US\$|US-\$|R\$|\$|€|£|" + "|".join(CURRENCY_CODES) + r")[ \u00a0]?$")
CURRENCIES: dict[str, str] = {
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
    "franc": "CHF",
    "francs": "CHF",
    "rubel": "RUB",
    "rubles": "RUB",
    "roubles": "RUB",
    "yen": "JPY",
    "yuan": "CNY",
    # Turkish and Polish (seventeenth session); Turkish endings are read in _turkish_unit
    "tl": "TRY",
    "lira": "TRY",
    "dolar": "USD",
    "avro": "EUR",
    "sterlin": "GBP",
    "zł": "PLN",
    "pln": "PLN",
    "złoty": "PLN",
    "złote": "PLN",
    "złotych": "PLN",
    "złotego": "PLN",
    "dolary": "USD",
    "dolarów": "USD",
    "funty": "GBP",
    "funtów": "GBP",
    "franki": "CHF",
    "franków": "CHF",
    "rubli": "RUB",
    "рубль": "RUB",
    "рубля": "RUB",
    "рублей": "RUB",
    "руб": "RUB",
    "₽": "RUB",
    "доллар": "USD",
    "доллара": "USD",
    "долларов": "USD",
    "евро": "EUR",
    # Spanish, Portuguese and Italian words and the Brazilian real's sign (eighteenth session)
    "dólar": "USD",
    "dólares": "USD",
    "dollaro": "USD",
    "dollari": "USD",
    "sterlina": "GBP",
    "sterline": "GBP",
    "r$": "BRL",
    "reais": "BRL",
}
_PERCENT_WORDS = frozenset(
    {"%", "prozent", "percent", "vh", "procent", "proc", "procentów", "procenta", "процент", "процента"}
    | {"процентов", "проц"}
)

TOKEN = re.compile(r"[ \t\u00a0\u202f]*([^\W\d_]\w*(?:[-‑]\w+)*\.?|%|€|\$|£)")
_TIME_WORDS = frozenset({"uhr", "o'clock", "a.m.", "p.m.", "am", "pm", "gmt", "utc", "mez", "mesz"})
_DE_VERB_STOP = word_set(
    "sind waren wurden werden seien wären hatten haben habe hätten sollen sollten müssen mussten "
    "können konnten kamen starben gingen blieben lagen standen stehen liegen kommen gehen bleiben "
    "sterben davon dabei"
)
_EN_STOP = function_words("en")
_EN_PLURAL_NOUNS = word_set(
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
# The verbs among them take an object ("the three killed five people", "two wounded a guard"): the
# count before such a verb is whoever did it, not the dead or injured. A count or a determiner right
# after the word marks that reading; a comma, a preposition or "were" keeps "12 killed in the blast".
_EN_PEOPLE_VERBS = frozenset({"killed", "injured", "wounded", "hurt"})
_EN_OBJECT_START = re.compile(
    r"[ \t\u00a0]+(?:\d|(?i:the|a|an|his|her|their|its|our|this|that|these|those|some|several|many|"
    r"dozens|hundreds|thousands|scores|all|both|at\s+least|more\s+than|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|a\s+hundred)\b)"
)


# French and Spanish words after a number that end the search for its counted noun: the function
# words (with the "de" that joins a scale or vague amount to it, "2 millions de personnes", "des
# milliers d'habitants") and the forms of "to be" and "to have" that follow a count ("3 sont blessés").
_FR_STOP = function_words("fr") | word_set("a ont avait avaient est sont était étaient été sera seront")
_ES_STOP = function_words("es") | word_set("es son fue fueron era eran ha han había habían será serán")
_IT_STOP = function_words("it")
_PT_STOP = function_words("pt")
_NL_STOP = function_words("nl")
_FR_PERCENT = re.compile(
    r"[ \u00a0]*(?:pour[ \u00a0]*cent|por[ \u00a0]*ciento|per[ \u00a0]*cento|por[ \u00a0]*cento)(?![\w])",
    re.IGNORECASE,
)
_FR_TOKEN = re.compile(
    r"[ \t\u00a0\u202f]*(?:(d['’]|de[ \u00a0]+))?([^\W\d_][\w'’]*(?:[-‑]\w+)*\.?|%|€|\$|£)"
)
# Italian joins a scale or a vague amount to the noun with "di" ("2 milioni di euro", "centinaia di
# persone").
_IT_TOKEN = re.compile(
    r"[ \t\u00a0\u202f]*(?:(d['’]|di[ \u00a0]+))?([^\W\d_][\w'’]*(?:[-‑]\w+)*\.?|%|€|\$|£)"
)
# A verb's third person ending ("resta", "restano", "sono") after a number: its lemma is the
# infinitive, and it is no counted noun (Italian plural nouns end in -i or -e).
_IT_VERB_ENDINGS = ("a", "ano", "ono", "ò", "è", "à")


class NotAQuantity:
    pass


NOT_A_QUANTITY = NotAQuantity()


@dataclass(frozen=True)
class _Word:
    """One word after a number: as written without a final full stop, lowered, where it ends, and
    whether a full stop (which ends the sentence) followed it."""

    token: str
    lowered: str
    end: int
    stopped: bool


def _words(
    text: str, pos: int, *, keep_dot: frozenset[str] = frozenset(), lower: Callable[[str], str] = str.lower
) -> Iterator[_Word]:
    """The words after ``pos`` one by one, each without its final full stop unless the word is one of
    ``keep_dot`` (a month's abbreviation, "Jan."); the scale abbreviations ("Mio.") were read before.
    The one token walk of the unit readers below."""
    while (match := TOKEN.match(text, pos)) is not None:
        raw = match.group(1)
        token = raw[:-1] if raw.endswith(".") and raw.lower() not in keep_dot else raw
        yield _Word(token, lower(token), match.start(1) + len(token), token != raw)
        pos = match.end()


def _month_or_percent(word: _Word, months: frozenset[str]) -> tuple[str, int] | NotAQuantity | None:
    """A month after a number makes a date, no quantity; a percent word is the unit "%"."""
    if word.lowered in months:
        return NOT_A_QUANTITY
    if word.lowered in _PERCENT_WORDS:
        return "%", word.end
    return None


# A temperature whose scale is written: "10 °C", "50°F", "zehn Grad Celsius", "50 degrees Fahrenheit",
# "50 Fahrenheit". A bare "Grad"/"degrees" keeps its lemma (Celsius or Fahrenheit, the comparison
# reads it either way, compare/agreement.py).
_TEMPERATURE = re.compile(
    r"[ \u00a0\u202f]*(?:°[ \u00a0\u202f]?(?P<sign>[CF])(?![\w])"
    r"|(?i:grad|degrees?)[ \u00a0]+(?:(?P<word>Celsius|Fahrenheit)|(?P<letter>[CF]))(?![\w])"
    r"|(?P<alone>Celsius|Fahrenheit)(?![\w])"
    r"|(?P<bare>°)(?![\w]))"
)


def _temperature(text: str, end: int) -> tuple[str, int] | None:
    match = _TEMPERATURE.match(text, end)
    if match is None:
        return None
    if match.group("bare"):
        return "degree", match.end()
    scale = (match.group("sign") or match.group("word") or match.group("letter") or match.group("alone"))[0]
    return f"°{scale.upper()}", match.end()


_EN_HYPHEN_MEASURE = re.compile(EN_HYPHEN_MEASURE, re.IGNORECASE)


def find_unit(text: str, end: int, code: str, value: float) -> tuple[str, int] | NotAQuantity | None:
    """The counted noun after a number: its lemma and where it ends, skipping adjectives."""
    temperature = _temperature(text, end)
    if temperature is not None:
        return temperature
    if code == "en" and (measure := _EN_HYPHEN_MEASURE.match(text, end)) is not None:
        return english_unit(text[end + 1 : measure.end()]), measure.end()  # "a five-year ban"
    if code in _ROMANCE_UNIT_LANGUAGES:
        return _romance_unit(text, end, code)
    if code == "nl":
        return _dutch_unit(text, end)
    if code == "tr":
        return _turkish_unit(text, end)
    if code in _SLAVIC:
        return _slavic_unit(text, end, code)
    if code == "ar":
        return _arabic_unit(text, end)
    months = DE_MONTHS if code == "de" else EN_MONTHS
    fallback: tuple[str, int] | None = None
    skipped = 0
    for word in _words(text, end, keep_dot=months):
        token, lowered, word_end = word.token, word.lowered, word.end
        if lowered in _TIME_WORDS:
            return NOT_A_QUANTITY
        if (known := _month_or_percent(word, months)) is not None:
            return known
        if code == "en" and lowered == "per" and text[word_end : word_end + 5].lower() == " cent":
            return "%", word_end + 5
        currency = CURRENCIES.get(lowered) or CURRENCIES.get(lowered.rsplit("-", 1)[-1])
        if currency is not None:
            return currency, word_end
        if code == "de":
            if token[0].isupper():
                if lowered in WEEKDAYS:
                    return None
                return german_unit(token), word_end
            if lowered in _DE_VERB_STOP or not _looks_like_german_adjective(lowered):
                return None
        else:
            if lowered in _EN_STOP:
                if lowered == "of" and skipped == 0:
                    skipped += 1
                    continue
                return fallback
            if lowered in _EN_PEOPLE_ADJECTIVES:
                if lowered in _EN_PEOPLE_VERBS and _EN_OBJECT_START.match(text, word_end):
                    return fallback  # "three killed five people": a verb with its object
                return _EN_PEOPLE_ADJECTIVES[lowered], word_end
            if lowered in WEEKDAYS:
                return fallback
            if not token[0].isupper() and not lowered.endswith(("ed", "ing", "ly")):
                lemma = english_unit(lowered)
                if lemma != lowered or lowered in _EN_PLURAL_NOUNS or value == 1:
                    return lemma, word_end
                if fallback is None:
                    fallback = (lemma, word_end)
        if word.stopped:
            return fallback  # the word ended the sentence
        skipped += 1
        if skipped > 3:
            return fallback
    return fallback


# The languages whose counted noun follows the number at once, with their months, the words that
# end the search and the pattern of the noun with its joining word.
_ROMANCE_UNIT_LANGUAGES: dict[str, tuple[frozenset[str], frozenset[str], re.Pattern[str]]] = {
    "fr": (FR_MONTHS, _FR_STOP, _FR_TOKEN),
    "es": (ES_MONTHS, _ES_STOP, _FR_TOKEN),
    "it": (IT_MONTHS, _IT_STOP, _IT_TOKEN),
    "pt": (PT_MONTHS, _PT_STOP, _FR_TOKEN),
}


def _romance_unit(text: str, end: int, code: str) -> tuple[str, int] | NotAQuantity | None:
    """The counted noun right after a French, Spanish or Italian number (adjectives mostly follow the
    noun), after a joining "de"/"d'"/"di": its lemma ("personnes" -> "personne", "d'euros" -> EUR,
    "personas" -> "persona", "famiglie" -> "famiglia")."""
    months, stop, token_pattern = _ROMANCE_UNIT_LANGUAGES[code]
    percent = _FR_PERCENT.match(text, end)
    if percent is not None:
        return "%", percent.end()
    match = token_pattern.match(text, end)
    if match is None:
        return None
    raw = match.group(2)
    token = raw[:-1] if raw.endswith(".") and raw.lower() not in months else raw
    word_end = match.start(2) + len(token)
    lowered = token.lower()
    if lowered in months or lowered == "h":  # "25 janvier", "14 h 30"
        return NOT_A_QUANTITY
    if lowered in _PERCENT_WORDS:
        return "%", word_end
    currency = CURRENCIES.get(lowered)
    if currency is not None:
        return currency, word_end
    if lowered in stop or token[0].isupper() or "'" in lowered or "’" in lowered:
        return None
    lemma = french_unit(lowered) if code == "fr" else str(dictionary.lemma(lowered, code))
    if code == "it":
        if lemma != lowered and lemma.endswith(("are", "ere", "ire")) and lowered.endswith(_IT_VERB_ENDINGS):
            return None  # "la strada 12 resta chiusa"
        return lemma, word_end
    if lemma != lowered and lemma.endswith(("er", "ir", "re", "ar")) and not lowered.endswith(("s", "x")):
        return None  # a verb after the number ("la route 704 reste fermée"), not a counted noun
    return lemma, word_end


# "om 3 uur" is a time of day; "3 uur" alone a length of time.
_NL_CLOCK_BEFORE = re.compile(r"(?i:\bom)\s+\S+\s*$")


def _dutch_unit(text: str, end: int) -> tuple[str, int] | NotAQuantity | None:
    """The counted noun after a Dutch number, after at most two adjectives ("tien zwaargewonde
    mensen"): its lemma ("gezinnen" -> "gezin"). An inflected adjective ends in -e, a plural noun in
    -en or -s; a verb in -t after the number ("blijft") ends the search."""
    for word in islice(_words(text, end), 3):
        token, lowered = word.token, word.lowered
        if lowered == "uur" and _NL_CLOCK_BEFORE.search(text, max(0, end - 20), end):
            return NOT_A_QUANTITY
        if (known := _month_or_percent(word, NL_MONTHS)) is not None:
            return known
        currency = CURRENCIES.get(lowered)
        if currency is not None:
            return currency, word.end
        if lowered in _NL_STOP or (token[0].isupper() and lowered not in _UNIT_KEYS):
            return None
        lemma = str(dictionary.lemma(lowered, "nl"))
        if lemma != lowered and lemma.endswith("en") and lowered.endswith("t"):
            return None  # "blijft", "staat": a verb
        if lowered.endswith("e") and lowered not in _UNIT_KEYS and not word.stopped:
            continue  # an adjective before the noun
        return lemma, word.end
    return None


# Turkish endings after a noun's stem: plural, "-lık" (a 300-dollar bill), possessive, case and "-ki"
# ("kişinin", "fırındaki", "dolarlık", "yılında"). A word is the stem of a counted noun followed by
# such endings; our own reading of the language (seventeenth session).
_TR_ENDINGS = re.compile(
    r"(?:l[ıiuü](?:k|ğ[ıiuü]))?(?:l[ae]r)?(?:[ıiuü]?n?[ıiuü]?n?|[ysn]?[ıiuüae])?(?:[nd]?[dt][ae](?:n|ki)?|y?l[ae])?"
)
# Turkish counted nouns by stem, with their key in _UNIT_KEYS (the longest stem first).
_TR_STEMS: dict[str, str] = {
    "kişi": "kişi", "insan": "kişi", "ölü": "ölü", "yaralı": "yaralı", "kayıp": "kayıp",
    "asker": "asker", "çocuk": "çocuk", "çocuğ": "çocuk", "kadın": "kadın", "erkek": "erkek",
    "polis": "polis", "yolcu": "yolcu", "sivil": "sivil", "mülteci": "mülteci", "göçmen": "göçmen",
    "rehine": "rehine", "tutuklu": "tutuklu", "vatandaş": "vatandaş", "öğrenci": "öğrenci",
    "işçi": "işçi", "aile": "aile", "ev": "ev", "bina": "bina", "konut": "konut", "araç": "araç",
    "aracı": "araç", "roket": "roket", "füze": "füze", "yıl": "yıl", "sene": "yıl", "ay": "ay",
    "hafta": "hafta", "gün": "gün", "saat": "saat", "dakika": "dakika", "saniye": "saniye",
    "kez": "kez", "defa": "kez", "kere": "kez", "metre": "metre", "kilometre": "kilometre",
    "km": "kilometre", "santimetre": "santimetre", "ton": "ton", "kilogram": "kilogram",
    "kilo": "kilogram", "kg": "kilogram", "hektar": "hektar", "dönüm": "dönüm", "litre": "litre",
    "derece": "derece", "yaş": "yaş", "oy": "oy", "sandalye": "sandalye", "lira": "TRY", "tl": "TRY",
    "dolar": "USD", "avro": "EUR", "euro": "EUR", "sterlin": "GBP",
}  # fmt: skip
_TR_STEM_ORDER = sorted(_TR_STEMS, key=len, reverse=True)
# Words after a number that end the search: conjunctions, postpositions, "bir", "bu"; "adet" (pieces)
# is the counting word before the noun ("5 adet araç") and is skipped.
_TR_STOP = word_set(
    "ve ile veya ya da de ki bu şu o bir için gibi kadar daha en çok az her hem ama fakat ancak "
    "olarak olan oldu ise sonra önce içinde arasında üzerinde"
)
_TR_SKIP = word_set("adet tane")
# A scale word with a case ending closes the figure ("48 bini geçti": passed 48,000), and a finite
# verb after a figure ("yaralandı", "aşmış", "geliyor", "gelecek") is no counted noun.
_TR_SCALE_WITH_CASE = re.compile(r"(?:bin|milyon|milyar|trilyon)(?:[ıiuü]n|[yn]?[ıiuüae]|[dt][ae]n?)$")
# The verb's endings after its lemma ("geç|ti", "yarala|ndı"; a noun's case ending is no such: "kent|i").
_TR_FINITE_VERB = re.compile(
    r"(?:[ıiuü]?[nl])?(?:[dt][ıiuü]|m[ıiuü]ş|[ıiuü]?yor|[ae]c[ae]k|[dt][ıiuü]r)(?:l[ae]r)?"
)


def _turkish_lower(word: str) -> str:
    return word.replace("İ", "i").replace("I", "ı").lower()


@lru_cache(maxsize=65536)
def turkish_unit(word: str) -> str:
    """The counted noun of a Turkish word: a known stem with Turkish endings after it ("kişinin" ->
    "kişi", "dolarlık" -> USD), else its lemma ("fırına" and "fırındaki" -> "fırın"), so two case forms
    of one noun count alike."""
    lowered = _turkish_lower(word)
    for stem in _TR_STEM_ORDER:
        if lowered.startswith(stem) and _TR_ENDINGS.fullmatch(lowered, len(stem)):
            return _TR_STEMS[stem]
    return dictionary.lemma_in(lowered, "tr")


def _turkish_unit(text: str, end: int) -> tuple[str, int] | NotAQuantity | None:
    """The counted noun after a Turkish number: the next word (after "adet"), read by ``turkish_unit``;
    a month ("12 Mayıs'ta") is a date, a capitalised word a name ("12 Alman turist") and no noun
    of the count, unless it is a currency ("TL")."""
    if _TR_SCALE_WITH_CASE.search(text, max(0, end - 12), end):
        return None
    for word in islice(_words(text, end, lower=_turkish_lower), 2):
        token, lowered = word.token, word.lowered
        if (known := _month_or_percent(word, TR_MONTHS)) is not None:
            return known
        if token[:1].isupper():
            currency = CURRENCIES.get(lowered)
            return (currency, word.end) if currency is not None else None
        if lowered in _TR_SKIP and not word.stopped:
            continue
        if lowered in _TR_STOP:
            return None
        unit = turkish_unit(token)
        if unit != lowered and lowered.startswith(unit) and _TR_FINITE_VERB.fullmatch(lowered, len(unit)):
            return None
        return unit, word.end
    return None


# Polish counted nouns in the forms a count takes (nominative and genitive plural: "3 osoby", "5
# osób"), with their dictionary form (the key itself where the form means another thing in another
# language: Spanish "minuta", French "mandat"); our own list (seventeenth session). Other nouns take
# their lemma ("kibiców" -> "kibic").
_PL_FORMS: dict[str, str] = {
    "osoba": "osoba", "osoby": "osoba", "osób": "osoba", "ludzi": "osoba", "zabity": "zabity",
    "zabitych": "zabity", "zabici": "zabity", "zmarłych": "zabity", "ofiara": "ofiara", "ofiary": "ofiara",
    "ofiar": "ofiara", "ranny": "ranny", "ranni": "ranny", "rannych": "ranny", "zaginionych": "zaginiony",
    "zaginieni": "zaginiony", "dziecko": "dziecko", "dzieci": "dziecko", "kobieta": "kobieta",
    "kobiety": "kobieta", "kobiet": "kobieta", "mężczyzna": "mężczyzna", "mężczyźni": "mężczyzna",
    "mężczyzn": "mężczyzna", "żołnierz": "żołnierz", "żołnierze": "żołnierz", "żołnierzy": "żołnierz",
    "policjant": "policjant", "policjanci": "policjant", "policjantów": "policjant",
    "mieszkaniec": "mieszkaniec", "mieszkańcy": "mieszkaniec", "mieszkańców": "mieszkaniec",
    "pasażer": "pasażer", "pasażerowie": "pasażer", "pasażerów": "pasażer", "strażak": "strażak",
    "strażacy": "strażak", "strażaków": "strażak", "uchodźca": "uchodźca", "uchodźcy": "uchodźca",
    "uchodźców": "uchodźca", "zakładnik": "zakładnik", "zakładnicy": "zakładnik",
    "zakładników": "zakładnik", "więzień": "więzień", "więźniowie": "więzień", "więźniów": "więzień",
    "rakieta": "rakieta", "rakiety": "rakieta", "rakiet": "rakieta", "rok": "rok", "lata": "rok",
    "lat": "rok", "roku": "rok", "miesiąc": "miesiąc", "miesiące": "miesiąc", "miesięcy": "miesiąc",
    "tydzień": "tydzień", "tygodnie": "tydzień", "tygodni": "tydzień", "dzień": "dzień", "dni": "dzień",
    "godzina": "godzina", "godziny": "godzina", "godzin": "godzina", "minuta": "minute",
    "minuty": "minute", "minut": "minute", "sekunda": "sekunda", "sekundy": "sekunda",
    "sekund": "sekunda", "raz": "raz", "razy": "raz", "atak": "atak", "ataki": "atak", "ataków": "atak",
    "mandat": "seat", "mandaty": "seat", "mandatów": "seat", "głos": "głos", "głosy": "głos",
    "głosów": "głos", "dom": "dom", "domy": "dom", "domów": "dom", "budynek": "budynek",
    "budynki": "budynek", "budynków": "budynek", "mieszkanie": "mieszkanie", "mieszkania": "mieszkanie",
    "mieszkań": "mieszkanie", "samochód": "samochód", "samochody": "samochód",
    "samochodów": "samochód", "metr": "metr", "metry": "metr", "metrów": "metr", "m": "metr",
    "kilometr": "kilometr", "kilometry": "kilometr", "kilometrów": "kilometr", "km": "kilometr",
    "centymetr": "centymetr", "centymetrów": "centymetr", "cm": "centymetr", "tona": "tona",
    "tony": "tona", "ton": "tona", "kilogram": "kilogram", "kilogramy": "kilogram",
    "kilogramów": "kilogram", "kg": "kilogram", "hektar": "hektar", "hektary": "hektar",
    "hektarów": "hektar", "ha": "hektar", "litr": "litr", "litry": "litr", "litrów": "litr",
    "stopień": "stopień", "stopnie": "stopień", "stopni": "stopień", "rodzina": "rodzina",
    "rodziny": "rodzina", "rodzin": "rodzina",
}  # fmt: skip
# Polish words after a number that end the search for its noun: conjunctions and prepositions.
_PL_STOP = word_set(
    "i a oraz lub albo ani czy w we z ze na do od o po przy za pod nad przez dla bez że to jest są był "
    "była było byli były się nie tak też już jeszcze tylko około"
)


# Russian counted nouns whose key is written apart (the rest go by their lemma through _UNIT_KEYS),
# and the words that end the search; our own lists (seventeenth session).
_RU_FORMS: dict[str, str] = {"людей": "человек", "лет": "год", "г": "год", "км": "километр", "м": "метр"}
_RU_STOP = word_set(
    "и а но или в во на с со к ко по за из от до у о об при для без над под что это был была было были "
    "не уже еще ещё только около также"
)


@dataclass(frozen=True)
class _Slavic:
    months: frozenset[str]
    forms: dict[str, str]
    stop: frozenset[str]
    adjective_endings: tuple[str, ...]
    verb_endings: tuple[str, ...]
    year_mark: str  # "r." / "г." after a year


_SLAVIC: dict[str, _Slavic] = {
    "pl": _Slavic(PL_MONTHS, _PL_FORMS, _PL_STOP, ("ych", "ich"), ("ć",), "r"),
    "ru": _Slavic(RU_MONTHS, _RU_FORMS, _RU_STOP, ("ых", "их"), ("ть", "ться", "чь", "ти"), "г"),
}


def _slavic_unit(text: str, end: int, code: str) -> tuple[str, int] | NotAQuantity | None:
    """The counted noun after a Polish or Russian number: a listed form ("osób" -> "osoba", "zł" ->
    PLN) or the lemma ("жителей" -> "житель"), after at most one adjective in -ych/-ich, -ых/-их ("20
    polskich żołnierzy"); "r."/"г." after a year ("w 2019 r.") and a month ("12 maja") make a date."""
    language = _SLAVIC[code]
    first = True
    fallback: tuple[str, int] | None = None
    for word in islice(_words(text, end), 2):
        token, lowered = word.token, word.lowered
        if fallback is None and lowered == language.year_mark and word.stopped:
            return NOT_A_QUANTITY
        if (known := _month_or_percent(word, language.months)) is not None:
            return known
        currency = CURRENCIES.get(lowered)
        if currency is not None:
            return currency, word.end
        if lowered in language.stop or token[:1].isupper():
            return fallback
        form = language.forms.get(lowered)
        if form is not None:
            return form, word.end
        if is_number_word(lowered, code):
            return fallback
        noun = (dictionary.lemma_in(lowered, code), word.end)
        verb = noun[0].endswith(language.verb_endings)
        if first and not word.stopped and lowered.endswith(language.adjective_endings):
            # an adjective or participle before the noun ("20 polskich żołnierzy", "30 zaszczepionych
            # dzieci", whose lemma is the verb): the noun after it, else the adjective itself
            fallback, first = (None if verb else noun), False
            continue
        if verb:
            return fallback  # a verb's infinitive: "40 zostało rannych" counts no "zostać"
        return noun
    return fallback


# Arabic (eighteenth session, our own reading of the language). Letters written several ways count as
# one: the hamza forms of alif, alif maqsura as ya, ta marbuta as ha; vowel marks and the tatweel go.
_AR_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه", "ـ": None})
_AR_MARKS = re.compile("[\u064b-\u0652\u0670]")


def arabic_plain(word: str) -> str:
    """An Arabic word as the unit reader compares it: vowel marks, tatweel and the article "ال" gone,
    the letters above written one way ("الأشخاص" -> "اشخاص")."""
    plain = _AR_MARKS.sub("", word).translate(_AR_LETTERS)
    return plain[2:] if plain.startswith("ال") and len(plain) > 4 else plain


# Counted nouns in the forms a count takes (the plural after 3 to 10, the accusative singular after 11
# to 99, the genitive singular after 100), plain as ``arabic_plain`` writes them, with their singular;
# other nouns keep their plain form without the accusative "ا" ("ضيفا" -> "ضيف").
_AR_FORMS: dict[str, str] = {
    "اشخاص": "شخص", "قتلي": "قتيل", "جرحي": "جريح", "مصابين": "مصاب", "اطفال": "طفل", "نساء": "امراه",
    "جنود": "جندي", "اعوام": "عام", "سنوات": "سنه", "سنين": "سنه", "اشهر": "شهر", "شهور": "شهر",
    "ايام": "يوم", "ساعات": "ساعه", "دقائق": "دقيقه", "كيلومترات": "كيلومتر", "كم": "كيلومتر",
    "امتار": "متر", "اطنان": "طن", "منازل": "منزل", "عائلات": "عائله", "اسر": "اسره", "صواريخ": "صاروخ",
    "دولارات": "USD", "دولار": "USD", "يورو": "EUR", "ضحايا": "ضحيه", "مرات": "مره", "وفيات": "وفاه",
    "حالات": "حاله",
}  # fmt: skip
# "حالة" (a case) with what it is a case of: "300 حالة وفاة" counts deaths, "حالة شفاء" recoveries.
_AR_CASE_OF = {"وفاه": "وفاه", "شفاء": "شفاء", "اصابه": "حاله"}
# Words after a figure that end the search for its noun: prepositions, conjunctions, particles, pronouns.
_AR_STOP = frozenset(
    arabic_plain(word)
    for word in "في من على إلى الى عن مع أو او ثم قد لقد كان كانت التي الذي منذ حتى بعد قبل خلال كما لكن "
    "بينما حيث إذ إن أن هو هي هم".split()
)
# A time of day after the figure ("10 صباحا": in the morning) and the first words of the Levant's
# two-word month names ("12 كانون الثاني").
_AR_NOT_A_COUNT = frozenset(
    arabic_plain(word) for word in "صباحا صباح مساء مساءا ظهرا ظهر فجرا ليلا بتوقيت كانون تشرين".split()
)
_AR_PLAIN_MONTHS = frozenset(arabic_plain(month) for month in AR_MONTHS)
_AR_PERCENT = re.compile(r"[ \u00a0]*(?:%|٪|(?:في[ \u00a0]+ال|بال)(?:مئة|مائة|مئه|مائه))(?!\w)")
_AR_TOKEN = re.compile(r"[ \t\u00a0\u202f]*([^\W\d_]+)")


def _arabic_unit(text: str, end: int) -> tuple[str, int] | NotAQuantity | None:
    """The counted noun after an Arabic figure: the next word, plain, by its singular; a month or a
    time of day after it makes a date or a time; "%", "بالمئة" and "في المئة" are percent."""
    percent = _AR_PERCENT.match(text, end)
    if percent is not None:
        return "%", percent.end()
    match = _AR_TOKEN.match(text, end)
    if match is None:
        return None
    plain = arabic_plain(match.group(1))
    if plain in _AR_PLAIN_MONTHS or plain in _AR_NOT_A_COUNT:
        return NOT_A_QUANTITY
    if plain in _AR_STOP:
        return None
    if len(plain) >= 3 and plain.endswith("ا") and not plain.endswith(("اا", "ايا")):
        plain = plain[:-1]  # the accusative after 11 to 99: "شخصا" -> "شخص"
    unit = _AR_FORMS.get(plain, plain)
    if unit not in _UNIT_KEYS and plain.startswith("و"):
        return None  # "and" glued to the next clause's first word
    if unit == "حاله" and (of := _AR_TOKEN.match(text, match.end())) is not None:
        case_of = _AR_CASE_OF.get(arabic_plain(of.group(1)))
        if case_of is not None:
            return case_of, of.end()
    return unit, match.end()


@lru_cache(maxsize=65536)
def french_unit(word: str) -> str:
    """The unit of a French counted noun: its lemma ("personnes" -> "personne")."""
    return dictionary.lemma(word.lower(), "fr")


_GERMAN_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")


def _looks_like_german_adjective(word: str) -> bool:
    return word.endswith(_GERMAN_ADJECTIVE_ENDINGS) or "-" in word or word in {"weitere", "mehr"}


@lru_cache(maxsize=65536)
def german_unit(word: str) -> str:
    """The unit of a German counted noun: the lemma of its head, nominalised adjectives in "-e" form."""
    head = re.split(r"[-‑]", word)[-1] or word
    if not head[:1].isupper():
        head = head[:1].upper() + head[1:]
    stem = _strip_adjective_ending(head)
    if stem is not None and _is_adjective_stem(head, stem):
        return stem + "e"
    # greedy: unknown compounds are lemmatised by their last part ("Projektskizzen")
    lemma: str = dictionary.lemma(head, "de", greedy=True)
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
    lowered = stem.lower()
    lemmas = []
    # simplemma returns unknown words unchanged, so only a changed or known word says anything.
    word_lemma: str = dictionary.lemma(word.lower(), "de")
    if word_lemma != word.lower():
        lemmas.append(word_lemma)
    if dictionary.is_known(lowered, "de"):
        lemmas.append(dictionary.lemma(lowered, "de"))
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
    return dictionary.lemma(word.lower(), "en")


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
    "sekunde": "second",
    "second": "second",
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
    # Measures in German, English and French, so that "56 Meter", "56 metres" and "56 mètres" count
    # one thing (written for this project)
    "mètre": "m",
    "kilomètre": "km",
    "zentimeter": "cm",
    "centimeter": "cm",
    "centimetre": "cm",
    "centimètre": "cm",
    "cm": "cm",
    "millimeter": "mm",
    "millimetre": "mm",
    "millimètre": "mm",
    "mm": "mm",
    "meile": "mile",
    "mile": "mile",
    # Imperial and US measures and temperatures with their scale, which the comparison converts
    # (compare/agreement.py); written for this project
    "fuß": "foot",
    "foot": "foot",
    "feet": "foot",
    "ft": "foot",
    "lb": "lb",
    "lbs": "lb",
    "gallone": "gallon",
    "gallon": "gallon",
    "°c": "°C",
    "°f": "°F",
    "kilogramm": "kg",
    "kilogram": "kg",
    "kilogramme": "kg",
    "kilo": "kg",
    "kg": "kg",
    "gramm": "g",
    "gram": "g",
    "gramme": "g",
    "grad": "degree",
    "degree": "degree",
    "degré": "degree",
    "hektar": "ha",
    "hectare": "ha",
    "liter": "l",
    "litre": "l",
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
    # More counted things news of one event gives in both languages (written for this project)
    "haushalt": "household",
    "household": "household",
    "kunde": "customer",
    "customer": "customer",
    "wohnung": "flat",
    "flat": "flat",
    "apartment": "flat",
    "gebäude": "building",
    "building": "building",
    "besucher": "visitor",
    "visitor": "visitor",
    "fahrzeug": "vehicle",
    "vehicle": "vehicle",
    "auto": "car",
    "car": "car",
    "schüler": "pupil",
    "pupil": "pupil",
    "mitarbeiter": "employee",
    "beschäftigte": "employee",
    "employee": "employee",
    "arbeitsplatz": "job",
    "job": "job",
    "zuschauer": "spectator",
    "spectator": "spectator",
    "mitglied": "member",
    "member": "member",
    "anleger": "investor",
    "investor": "investor",
    "flug": "flight",
    "flight": "flight",
    "baum": "tree",
    "tree": "tree",
    "läufer": "runner",
    "runner": "runner",
    "unterschrift": "signature",
    "signature": "signature",
    "bett": "bed",
    "bette": "bed",  # the lemmatiser's reading of "Betten"
    "bed": "bed",
    "hebamme": "midwife",
    "midwife": "midwife",
    "midwive": "midwife",  # the lemmatiser's reading of "midwives"
    "buch": "book",
    "book": "book",
    # French units (lemmas), written for this project
    "personne": "person",
    "mort": "dead",
    "blessé": "injured",
    "enfant": "child",
    "femme": "woman",
    "homme": "man",
    "victime": "victim",
    "civil": "civilian",
    "policier": "police officer",
    "manifestant": "protester",
    "réfugié": "refugee",
    "habitant": "resident",
    "otage": "hostage",
    "prisonnier": "prisoner",
    "roquette": "rocket",
    "an": "year",
    "année": "year",
    "mois": "month",
    "semaine": "week",
    "jour": "day",
    "heure": "hour",
    "fois": "times",
    "attaque": "attack",
    "siège": "seat",
    "voix": "vote",
    "maison": "house",
    "disparu": "missing",
    "pompier": "firefighter",
    "firefighter": "firefighter",
    "feuerwehrmann": "firefighter",
    "passager": "passenger",
    "passagier": "passenger",
    "passenger": "passenger",
    # Spanish units (lemmas), written for this project
    "persona": "person",
    "muerto": "dead",
    "fallecido": "dead",
    "herido": "injured",
    "soldado": "soldier",
    "niño": "child",
    "mujer": "woman",
    "hombre": "man",
    "víctima": "victim",
    "pasajero": "passenger",
    "bombero": "firefighter",
    "vecino": "resident",
    "manifestante": "protester",
    "refugiado": "refugee",
    "rehén": "hostage",
    "preso": "prisoner",
    "cohete": "rocket",
    "dron": "drone",
    "año": "year",
    "mes": "month",
    "semana": "week",
    "día": "day",
    "hora": "hour",
    "vez": "times",
    "ataque": "attack",
    "escaño": "seat",
    "voto": "vote",
    "casa": "house",
    "vivienda": "house",
    "desaparecido": "missing",
    # Italian units (lemmas), written for this project
    "morto": "dead",
    "vittima": "victim",
    "ferito": "injured",
    "soldato": "soldier",
    "bambino": "child",
    "donna": "woman",
    "uomo": "man",
    "civile": "civilian",
    "poliziotto": "police officer",
    "agente": "police officer",
    "rifugiato": "refugee",
    "profugo": "refugee",
    "abitante": "resident",
    "residente": "resident",
    "ostaggio": "hostage",
    "prigioniero": "prisoner",
    "detenuto": "prisoner",
    "razzo": "rocket",
    "anno": "year",
    "mese": "month",
    "settimana": "week",
    "giorno": "day",
    "ora": "hour",
    "minuto": "minute",
    "secondo": "second",
    "volta": "times",
    "attacco": "attack",
    "seggio": "seat",
    "abitazione": "house",
    "disperso": "missing",
    "vigile": "firefighter",
    "pompiere": "firefighter",
    "passeggero": "passenger",
    "famiglia": "family",
    "metro": "m",
    "chilometro": "km",
    "centimetro": "cm",
    "millimetro": "mm",
    "chilo": "kg",
    "chilogrammo": "kg",
    "grammo": "g",
    "tonnellata": "tonne",
    "ettaro": "ha",
    "litro": "l",
    "grado": "degree",
    "dollaro": "usd",
    "sterlina": "gbp",
    # Portuguese units (lemmas), written for this project; the ones Spanish or Italian share ("soldado",
    # "semana", "hora", "vez", "metro") are above
    "pessoa": "person",
    "ferido": "injured",
    "criança": "child",
    "mulher": "woman",
    "homem": "man",
    "vítima": "victim",
    "policial": "police officer",
    "polícia": "police officer",
    "morador": "resident",
    "habitante": "resident",
    "refém": "hostage",
    "prisioneiro": "prisoner",
    "foguete": "rocket",
    "míssil": "rocket",
    "ano": "year",
    "mês": "month",
    "dia": "day",
    "segundo": "second",
    "assento": "seat",
    "cadeira": "seat",
    "bombeiro": "firefighter",
    "passageiro": "passenger",
    "família": "family",
    "quilômetro": "km",
    "quilómetro": "km",
    "centímetro": "cm",
    "milímetro": "mm",
    "quilo": "kg",
    "quilograma": "kg",
    "grama": "g",
    "tonelada": "tonne",
    "grau": "degree",
    "habitação": "house",
    "residência": "house",
    # Dutch units (lemmas), written for this project; the ones German or English share ("kind", "week",
    # "meter", "passagier") are above
    "mens": "person",
    "persoon": "person",
    "gezin": "family",
    "dode": "dead",
    "doden": "dead",
    "gewond": "injured",
    "gewonde": "injured",
    "gewonden": "injured",
    "soldaat": "soldier",
    "vrouw": "woman",
    "slachtoffer": "victim",
    "burger": "civilian",
    "agent": "police officer",
    "politieagent": "police officer",
    "betoger": "protester",
    "vluchteling": "refugee",
    "inwoner": "resident",
    "bewoner": "resident",
    "gijzelaar": "hostage",
    "gevangene": "prisoner",
    "raket": "rocket",
    "jaar": "year",
    "maand": "month",
    "dag": "day",
    "uur": "hour",
    "minuut": "minute",
    "seconde": "second",
    "keer": "times",
    "aanval": "attack",
    "zetel": "seat",
    "stem": "vote",
    "huis": "house",
    "woning": "house",
    "vermist": "missing",
    "vermiste": "missing",
    "brandweerman": "firefighter",
    "kilo_meter": "km",
    "graad": "degree",
    "procent": "%",
    # Turkish counted nouns (the stems of _TR_STEMS) and Polish ones (dictionary forms of _PL_FORMS),
    # written for this project (seventeenth session)
    "kişi": "person",
    "ölü": "dead",
    "yaralı": "injured",
    "kayıp": "missing",
    "asker": "soldier",
    "çocuk": "child",
    "kadın": "woman",
    "erkek": "man",
    "yolcu": "passenger",
    "sivil": "civilian",
    "mülteci": "refugee",
    "rehine": "hostage",
    "tutuklu": "prisoner",
    "ev": "house",
    "bina": "building",
    "araç": "vehicle",
    "roket": "rocket",
    "füze": "rocket",
    "yıl": "year",
    "ay": "month",
    "hafta": "week",
    "gün": "day",
    "saat": "hour",
    "dakika": "minute",
    "saniye": "second",
    "kez": "times",
    "santimetre": "cm",
    "derece": "degree",
    "oy": "vote",
    "sandalye": "seat",
    "aile": "family",
    "osoba": "person",
    "zabity": "dead",
    "ofiara": "victim",
    "ranny": "injured",
    "zaginiony": "missing",
    "dziecko": "child",
    "kobieta": "woman",
    "mężczyzna": "man",
    "żołnierz": "soldier",
    "policjant": "police officer",
    "mieszkaniec": "resident",
    "pasażer": "passenger",
    "strażak": "firefighter",
    "uchodźca": "refugee",
    "zakładnik": "hostage",
    "więzień": "prisoner",
    "rakieta": "rocket",
    "rok": "year",
    "miesiąc": "month",
    "tydzień": "week",
    "dzień": "day",
    "godzina": "hour",
    "sekunda": "second",
    "raz": "times",
    "atak": "attack",
    "głos": "vote",
    "budynek": "building",
    "dom": "house",
    "mieszkanie": "flat",
    "samochód": "car",
    "metr": "m",
    "kilometr": "km",
    "centymetr": "cm",
    "tona": "tonne",
    "litr": "l",
    "stopień": "degree",
    "rodzina": "family",
    # Russian lemmas (seventeenth session)
    "человек": "person",
    "погибший": "dead",
    "убитый": "dead",
    "раненый": "injured",
    "пострадавший": "injured",
    "пропавший": "missing",
    "ребенок": "child",
    "ребёнок": "child",
    "женщина": "woman",
    "мужчина": "man",
    "жертва": "victim",
    "солдат": "soldier",
    "военный": "soldier",
    "военнослужащий": "soldier",
    "полицейский": "police officer",
    "житель": "resident",
    "пассажир": "passenger",
    "беженец": "refugee",
    "заложник": "hostage",
    "заключенный": "prisoner",
    "ракета": "rocket",
    "беспилотник": "drone",
    "дрон": "drone",
    "год": "year",
    "месяц": "month",
    "неделя": "week",
    "день": "day",
    "сутки": "day",
    "час": "hour",
    "минута": "minute",
    "секунда": "second",
    "раз": "times",
    "атака": "attack",
    "место": "seat",
    "голос": "vote",
    "дом": "house",
    "здание": "building",
    "квартира": "flat",
    "автомобиль": "car",
    "метр": "m",
    "километр": "km",
    "сантиметр": "cm",
    "тонна": "tonne",
    "килограмм": "kg",
    "гектар": "ha",
    "литр": "l",
    "градус": "degree",
    "семья": "family",
    # Arabic singulars as analyse/units.arabic_plain writes them (eighteenth session)
    "شخص": "person",
    "قتيل": "dead",
    "جريح": "injured",
    "مصاب": "injured",
    "ضحيه": "victim",
    "طفل": "child",
    "امراه": "woman",
    "جندي": "soldier",
    "عام": "year",
    "سنه": "year",
    "شهر": "month",
    "يوم": "day",
    "ساعه": "hour",
    "دقيقه": "minute",
    "كيلومتر": "km",
    "متر": "m",
    "طن": "tonne",
    "منزل": "house",
    "عائله": "family",
    "اسره": "family",
    "صاروخ": "rocket",
    "مره": "times",
    "حاله": "case",
    "وفاه": "dead",
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
    # Spanish, Portuguese and Italian words for people agree with the noun they stand for: "tres
    # heridas" (of "personas") counts the injured as "tres heridos" does. People only: the feminine
    # of a measure or a thing is mostly another word ("minuta", "presa").
    masculine = _UNIT_KEYS.get(lowered[:-1] + "o") if lowered.endswith("a") else None
    if masculine in _FEMININE_A_PEOPLE:
        return masculine
    return lowered


# The people keys whose Spanish, Portuguese or Italian lemma ends in -o with a feminine in -a.
_FEMININE_A_PEOPLE = frozenset(
    {"dead", "injured", "missing", "child", "passenger", "firefighter", "hostage", "refugee", "soldier"}
    | {"resident", "police officer"}
)
