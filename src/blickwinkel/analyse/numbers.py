"""Numbers as written in German, English and French news text: digits in local formats, number words, scale
words and vague amounts ("Hunderte", "dozens"), with the checks that tell an amount from a label,
an ordinal or a code. ``read_atom`` reads one number; ``analyse.quantities`` adds ranges, hedges
and the counted noun.

Vague amounts are ranges: "Dutzende" 24-99, "Hunderte" 200-999, "Tausende" 2000-9999, and
"einige/mehrere/ein paar hundert" ("several hundred") 200-900 — the smallest plural of the power of
ten up to just below the next one, our reading of the words, not a measured figure.

A whole number with a fraction is one number: "two and a half thousand" is 2,500 (it was read as "two"
and "a half thousand", 500), "one and a half million", "a quarter of a million", "zweieinhalbtausend",
"dreieinhalb Millionen", "anderthalb", "eine Viertelmillion".
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from blickwinkel.text.months import month_numbers
from blickwinkel.text.weekdays import weekday_numbers


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Each word of a run is read atomically, the longest first ("vierzehn" before "vier"): a run has one
# reading, and a long glued word that is no number fails at once (every split of it was tried).
_DE_NUMBER_WORDS = (
    "dreizehn|vierzehn|fünfzehn|sechzehn|siebzehn|achtzehn|neunzehn|zwanzig|dreißig|vierzig|fünfzig|"
    "sechzig|siebzig|achtzig|neunzig|hundert|tausend|zwölf|zwei|drei|vier|fünf|sechs|sieben|acht|"
    "neun|zehn|elf|ein|und"
)
_EN_NUMBER_WORD = (
    "thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    "seventy|eighty|ninety|hundred|thousand|twelve|eleven|one|two|three|four|five|six|seven|eight|nine|ten"
)
# French number words as text2num reads them ("quarante-cinq", "vingt et un", "quatre-vingt-dix",
# "deux cent cinquante"); "un"/"une" alone is the article.
_FR_NUMBER_WORD = (
    "quatorze|quarante|cinquante|soixante|treize|quinze|seize|trente|vingts|vingt|douze|onze|deux|"
    "trois|quatre|cinq|six|sept|huit|neuf|dix|cents|cent|mille|une|un"
)
# Spanish number words as text2num reads them ("cuarenta y cinco", "doscientos cincuenta").
_ES_NUMBER_WORD = (
    "veintiuno|veintiuna|veintiún|veintidós|veintitrés|veinticuatro|veinticinco|veintiséis|veintisiete|veintiocho|"
    "veintinueve|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa|doscientos|doscientas|trescientos|"
    "trescientas|cuatrocientos|cuatrocientas|quinientos|quinientas|seiscientos|seiscientas|setecientos|"
    "setecientas|ochocientos|ochocientas|novecientos|novecientas|dieciséis|diecisiete|dieciocho|"
    "diecinueve|catorce|quince|trece|doce|once|diez|veinte|treinta|ciento|cien|mil|dos|tres|cuatro|"
    "cinco|seis|siete|ocho|nueve|uno|una|un"
)
# Italian number words as text2num reads them; Italian writes a number as one word ("trentacinque",
# "duemilacinquecento", "centoventi") and drops a tens word's last vowel before "uno" and "otto"
# ("ventuno", "trentotto"), so a run is read piece by piece, the longest first, as German is.
_IT_NUMBER_WORDS = (
    "diciannove|diciassette|quattordici|quindici|tredici|diciotto|sedici|dodici|undici|dieci|"
    "quaranta|cinquanta|sessanta|settanta|ottanta|novanta|quarant|cinquant|sessant|settant|ottant|"
    "novant|venti|trenta|vent|trent|cento|mille|mila|quattro|cinque|sette|nove|otto|sei|tré|tre|due|"
    "uno|una|un"
)
# Portuguese number words as text2num reads them ("quarenta e cinco", "duzentos e cinquenta"), in the
# Brazilian and the European spelling ("dezesseis", "dezasseis").
_PT_NUMBER_WORD = (
    "dezesseis|dezasseis|dezessete|dezassete|dezenove|dezanove|quatorze|catorze|dezoito|quinze|treze|doze|"
    "onze|dez|vinte|trinta|quarenta|cinquenta|sessenta|setenta|oitenta|noventa|duzentos|duzentas|"
    "trezentos|trezentas|quatrocentos|quatrocentas|quinhentos|quinhentas|seiscentos|seiscentas|"
    "setecentos|setecentas|oitocentos|oitocentas|novecentos|novecentas|cento|cem|mil|dois|duas|três|"
    "quatro|cinco|seis|sete|oito|nove|uma|um"
)
# Dutch number words as text2num reads them; Dutch writes a number as one word ("vijfenveertig",
# "honderdtwintig", "drieëntwintig"), read piece by piece as German is.
_NL_NUMBER_WORDS = (
    "dertien|veertien|vijftien|zestien|zeventien|achttien|negentien|twintig|dertig|veertig|vijftig|"
    "zestig|zeventig|tachtig|negentig|honderd|duizend|twaalf|twee|drie|vier|vijf|zeven|acht|negen|"
    "tien|elf|zes|één|een|ën|en"
)
# Turkish and Polish number words with their values (text2num reads neither language), from our own
# knowledge of the languages (seventeenth session). A run is read by ``_compose``: "iki yüz elli"
# 250, "bin yedi yüz" 1,700, "dwa tysiące pięćset" 2,500. Polish numerals take case ("pięć",
# "pięciu"); the nominative and the genitive forms a count takes are listed.
_TR_WORD_VALUES: dict[str, float] = {
    "bir": 1, "iki": 2, "üç": 3, "dört": 4, "beş": 5, "altı": 6, "yedi": 7, "sekiz": 8, "dokuz": 9,
    "on": 10, "yirmi": 20, "otuz": 30, "kırk": 40, "elli": 50, "altmış": 60, "yetmiş": 70,
    "seksen": 80, "doksan": 90, "yüz": 100, "bin": 1e3, "milyon": 1e6, "milyar": 1e9, "trilyon": 1e12,
}  # fmt: skip
_PL_WORD_VALUES: dict[str, float] = {
    "jeden": 1, "jedna": 1, "jedno": 1, "jednego": 1, "dwa": 2, "dwie": 2, "dwóch": 2, "dwu": 2,
    "trzy": 3, "trzech": 3, "cztery": 4, "czterech": 4, "pięć": 5, "pięciu": 5, "sześć": 6,
    "sześciu": 6, "siedem": 7, "siedmiu": 7, "osiem": 8, "ośmiu": 8, "dziewięć": 9, "dziewięciu": 9,
    "dziesięć": 10, "dziesięciu": 10, "jedenaście": 11, "jedenastu": 11, "dwanaście": 12,
    "dwunastu": 12, "trzynaście": 13, "trzynastu": 13, "czternaście": 14, "czternastu": 14,
    "piętnaście": 15, "piętnastu": 15, "szesnaście": 16, "szesnastu": 16, "siedemnaście": 17,
    "siedemnastu": 17, "osiemnaście": 18, "osiemnastu": 18, "dziewiętnaście": 19,
    "dziewiętnastu": 19, "dwadzieścia": 20, "dwudziestu": 20, "trzydzieści": 30, "trzydziestu": 30,
    "czterdzieści": 40, "czterdziestu": 40, "pięćdziesiąt": 50, "pięćdziesięciu": 50,
    "sześćdziesiąt": 60, "sześćdziesięciu": 60, "siedemdziesiąt": 70, "siedemdziesięciu": 70,
    "osiemdziesiąt": 80, "osiemdziesięciu": 80, "dziewięćdziesiąt": 90, "dziewięćdziesięciu": 90,
    "sto": 100, "stu": 100, "dwieście": 200, "dwustu": 200, "trzysta": 300, "trzystu": 300,
    "czterysta": 400, "czterystu": 400, "pięćset": 500, "pięciuset": 500, "sześćset": 600,
    "sześciuset": 600, "siedemset": 700, "siedmiuset": 700, "osiemset": 800, "ośmiuset": 800,
    "dziewięćset": 900, "dziewięciuset": 900, "tysiąc": 1e3, "tysiące": 1e3, "tysięcy": 1e3,
    "milion": 1e6, "miliony": 1e6, "milionów": 1e6, "miliard": 1e9, "miliardy": 1e9, "miliardów": 1e9,
}  # fmt: skip
_RU_WORD_VALUES: dict[str, float] = {
    "один": 1, "одна": 1, "одно": 1, "одного": 1, "два": 2, "две": 2, "двух": 2, "три": 3, "трех": 3,
    "трёх": 3, "четыре": 4, "четырех": 4, "четырёх": 4, "пять": 5, "пяти": 5, "шесть": 6, "шести": 6,
    "семь": 7, "семи": 7, "восемь": 8, "восьми": 8, "девять": 9, "девяти": 9, "десять": 10, "десяти": 10,
    "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13, "четырнадцать": 14, "пятнадцать": 15,
    "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19, "двадцать": 20,
    "двадцати": 20, "тридцать": 30, "тридцати": 30, "сорок": 40, "сорока": 40, "пятьдесят": 50,
    "пятидесяти": 50, "шестьдесят": 60, "семьдесят": 70, "восемьдесят": 80, "девяносто": 90, "сто": 100,
    "ста": 100, "двести": 200, "двухсот": 200, "триста": 300, "трехсот": 300, "трёхсот": 300,
    "четыреста": 400, "пятьсот": 500, "пятисот": 500, "шестьсот": 600, "семьсот": 700, "восемьсот": 800,
    "девятьсот": 900, "тысяча": 1e3, "тысячи": 1e3, "тысяч": 1e3, "миллион": 1e6, "миллиона": 1e6,
    "миллионов": 1e6, "миллиард": 1e9, "миллиарда": 1e9, "миллиардов": 1e9,
}  # fmt: skip
# Arabic number words (eighteenth session, our own knowledge): the masculine and feminine forms a count
# takes, with and without hamza; "ثلاثة عشر" 13, "خمسة وعشرون" 25 (the tens after "and"), "مئة وخمسون"
# 150, "ثلاثمائة" 300, "ثلاثة آلاف" 3,000 (the scale word read as after digits).
_AR_WORD_VALUES: dict[str, float] = {
    "أحد": 1, "واحد": 1, "واحدة": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "اثنا": 2,
    "اثني": 2, "اثنتا": 2, "ثلاثة": 3, "ثلاث": 3, "أربعة": 4, "أربع": 4, "اربعة": 4, "اربع": 4,
    "خمسة": 5, "خمس": 5, "ستة": 6, "ست": 6, "سبعة": 7, "سبع": 7, "ثمانية": 8, "ثماني": 8, "ثمان": 8,
    "تسعة": 9, "تسع": 9, "عشرة": 10, "عشر": 10, "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30,
    "أربعون": 40, "أربعين": 40, "اربعون": 40, "اربعين": 40, "خمسون": 50, "خمسين": 50, "ستون": 60,
    "ستين": 60, "سبعون": 70, "سبعين": 70, "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
    "مئة": 100, "مائة": 100, "مئتان": 200, "مئتين": 200, "مائتان": 200, "مائتين": 200, "ثلاثمئة": 300,
    "ثلاثمائة": 300, "أربعمئة": 400, "أربعمائة": 400, "اربعمائة": 400, "خمسمئة": 500, "خمسمائة": 500,
    "ستمئة": 600, "ستمائة": 600, "سبعمئة": 700, "سبعمائة": 700, "ثمانمئة": 800, "ثمانمائة": 800,
    "تسعمئة": 900, "تسعمائة": 900, "ألف": 1e3,
}  # fmt: skip
_OWN_WORD_VALUES: dict[str, dict[str, float]] = {
    "tr": _TR_WORD_VALUES,
    "pl": _PL_WORD_VALUES,
    "ru": _RU_WORD_VALUES,
    "ar": _AR_WORD_VALUES,
}
# "bir", "jeden" and "один" alone are "a"/"one", counted only in a longer run ("bir milyon").
_OWN_ONE = frozenset(
    {"bir", "jeden", "jedna", "jedno", "jednego", "один", "одна", "одно", "одного", "أحد", "واحد", "واحدة"}
)


def _alternation(words: dict[str, float]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


def _compose(words: list[str], table: dict[str, float]) -> float | None:
    """The value of a run of number words each of which ``table`` holds: a hundred multiplies what
    stands before it ("iki yüz" 200), a thousand or more closes a group ("bin yedi yüz" 1,700)."""
    total, group = 0.0, 0.0
    for word in words:
        value = table.get(word)
        if value is None:
            return None
        if value == 100 and group and group < 10:
            group *= 100
        elif value >= 1000:
            total += (group or 1) * value
            group = 0.0
        else:
            group += value
    return total + group


# Digit groups: "2.500" and "2 500" (German), "22'050" and "22’050" (Swiss), "2,500" (English); a
# number with both marks reads the last one as the decimal mark ("1,234.5" in German text too).
_GROUP = r"[\u00a0\u202f '’]"
_DE_NUMERIC = (
    rf"\d{{1,3}}(?:(?:\.|{_GROUP})\d{{3}})+(?:,\d+)?"
    r"|\d{1,3}(?:,\d{3})+\.\d+"
    # "2.5 Millionen" is a common slip for "2,5 Millionen"; only before a scale word or percent.
    r"|\d+\.\d{1,2}(?=\s*(?:Mio|Mrd|Million|Milliard|Prozent|%))"
    r"|\d+(?:,\d+)?"
)
_EN_NUMERIC = rf"\d{{1,3}}(?:(?:,|{_GROUP})\d{{3}})+(?:\.\d+)?|\d{{1,3}}(?:\.\d{{3}})+,\d+|\d+(?:\.\d+)?"
# Not part of a code ("COVID-19", "A320"), a date ("2024-01-25"), a time or a longer figure.
_NUMERIC_GUARD_BEFORE = r"(?<![\w.,:/+#§])(?<![^\W\d_][-–])(?<!\d[-–]\d\d[-–])"
_NUMERIC_GUARD_AFTER = r"(?!\d)(?![.,:/]\d)(?!-[^\W\d_])(?![-–]\d+[-–])"
# An English measure joined to its number by a hyphen as an adjective: "a five-year ban", "a
# 12-year term", "a two-day strike", "a 10-kilometre run" measure five years, two days, ten kilometres
# (``analyse.units`` reads the measure as the unit). An age goes on with a second hyphen ("the
# 34-year-old") and stays no quantity here (``compare/ages.py`` reads it). Our own list of measure
# words (eleventh session).
EN_HYPHEN_MEASURE = (
    r"-(?:year|month|week|day|hour|minute|second|mile|kilometre|kilometer|metre|meter)(?![-\w])"
)
_EN_NUMERIC_GUARD_AFTER = rf"(?!\d)(?![.,:/]\d)(?!-(?!{EN_HYPHEN_MEASURE[1:]})[^\W\d_])(?![-–]\d+[-–])"
_EN_WORD_END = rf"(?!\w)(?!-(?!{EN_HYPHEN_MEASURE[1:]}))"

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
    "decena": (20, 99),
    "ciento": (200, 999),
    "centenare": (200, 999),
    "mile": (2_000, 9_999),
    "millone": (2e6, 9.99e6),
    "dizaine": (20, 99),
    "centaine": (200, 999),
    "millier": (2_000, 9_999),
    # Italian plurals, looked up as written
    "decine": (20, 99),
    "centinaia": (200, 999),
    "migliaia": (2_000, 9_999),
    "milioni": (2e6, 9.99e6),
    "miliardi": (2e9, 9.99e9),
    # Portuguese plurals, looked up as written
    "dezenas": (20, 99),
    "centenas": (200, 999),
    "milhares": (2_000, 9_999),
    "milhões": (2e6, 9.99e6),
    "bilhões": (2e9, 9.99e9),
    # Dutch plurals, looked up as written
    "tientallen": (20, 99),
    "honderden": (200, 999),
    "duizenden": (2_000, 9_999),
    "tienduizenden": (20_000, 99_999),
    "honderdduizenden": (200_000, 999_999),
    "miljoenen": (2e6, 9.99e6),
    "miljarden": (2e9, 9.99e9),
    # Turkish and Polish, looked up as written ("kilkanaście" is a dozen or so, "kilkaset" several hundred)
    "onlarca": (20, 99),
    "yüzlerce": (200, 999),
    "binlerce": (2_000, 9_999),
    "on binlerce": (20_000, 99_999),
    "yüz binlerce": (200_000, 999_999),
    "milyonlarca": (2e6, 9.99e6),
    "milyarlarca": (2e9, 9.99e9),
    "kilkanaście": (11, 19),
    "kilkunastu": (11, 19),
    "kilkadziesiąt": (20, 99),
    "kilkudziesięciu": (20, 99),
    "kilkaset": (200, 999),
    "kilkuset": (200, 999),
    "dziesiątki": (20, 99),
    "dziesiątek": (20, 99),
    "setki": (200, 999),
    "setek": (200, 999),
    "tysiące": (2_000, 9_999),
    "tysięcy": (2_000, 9_999),
    "miliony": (2e6, 9.99e6),
    "milionów": (2e6, 9.99e6),
    "десятки": (20, 99),
    "десятков": (20, 99),
    "сотни": (200, 999),
    "сотен": (200, 999),
    "тысячи": (2_000, 9_999),
    "тысяч": (2_000, 9_999),
    "миллионы": (2e6, 9.99e6),
    "миллионов": (2e6, 9.99e6),
    "عشرات": (20, 99),
    "مئات": (200, 999),
    "آلاف": (2_000, 9_999),
    "عشرات الآلاف": (20_000, 99_999),
    "عشرات آلاف": (20_000, 99_999),
    "مئات الآلاف": (200_000, 999_999),
    "مئات آلاف": (200_000, 999_999),
    "ملايين": (2e6, 9.99e6),
}
# "une centaine", "un millier", "une dizaine": about that many, approximate.
_ABOUT_ONE = frozenset(
    {"centaine", "millier", "dizaine", "centenar", "millar", "decena", "decina", "centinaio", "migliaio"}
    | {"dezena", "centena", "milhar", "tiental", "honderdtal", "duizendtal"}
)

_DE_ATOM = re.compile(
    # every amount starts at a word start; checking that first keeps the scan fast
    r"(?<![\w])(?:"
    rf"{_NUMERIC_GUARD_BEFORE}(?P<num>{_DE_NUMERIC}){_NUMERIC_GUARD_AFTER}(?![^\W\d_])"
    r"|(?<![\w-])(?P<some>(?:[Ee]inige|[Mm]ehrere|[Ee]in\s+paar|[Ww]enige)\s+)(?P<somebase>hundert|tausend|"
    r"Hundert|Tausend)(?![\w-])"
    r"|(?<![\w-])(?P<vague>(?:Dutzend|Zehntausend|Hunderttausend|Hundert|Tausend)en?|Millionen|Milliarden)"
    r"(?![\w-])"
    # "anderthalb", "eine Viertelmillion"; "zweieinhalb", "dreieinhalbtausend" are read with the number words
    r"|(?<![\w-])(?P<frac>[Aa]nderthalb)(?![\w-])"
    r"|(?<![\w-])(?:[Ee]ine[rnm]?\s+)?(?P<partscale>(?:Viertel|Dreiviertel)(?P<fscale>million|milliarde))(?![\w-])"
    r"|(?<![\w-])(?P<one>(?:[Ee]ine[rnm]?|[Ee]in)\s+(?:halbe[nr]?\s+)?|[Ee]ineinhalb\s+|[Aa]nderthalb\s+)"
    r"(?P<onescale>Millionen|Million|Milliarden|Milliarde|Billionen|Billion|Dutzend|Hundert|hundert|Tausend|"
    r"tausend)(?![\w-])"
    rf"|(?<![\w-])(?P<word>(?i:(?>{_DE_NUMBER_WORDS})+))(?P<half>halb(?P<glued>tausend|hundert)?)?(?![\w-])"
    r")"
)
_EN_ATOM = re.compile(
    # every amount starts at a word start; checking that first keeps the scan fast
    r"(?<![\w])(?:"
    # "two and a half", "fourteen and a half thousand", "4 and three-quarter years": a whole number and a
    # fraction, any scale word after them is read by read_atom ("two and a half thousand" is 2,500)
    # (the first letters of the number words, checked first, keep the scan of other words fast)
    r"(?<![\w.,:/+#§-])(?=[\dotfsenhOTFSENH])(?P<frac>(?P<whole>\d{1,3}(?![\d.,]\d)|"
    rf"(?i:(?:{_EN_NUMBER_WORD})(?:(?:\s+and\s+|[\s-]+)(?:{_EN_NUMBER_WORD}))*))"
    r"[\s-]+(?i:and)[\s-]+(?P<part>(?i:a[\s-]+half|a[\s-]+quarter|a[\s-]+third|three[\s-]+quarters?|"
    r"two[\s-]+thirds?)))(?![\w-])"
    # "a quarter of a million", "three quarters of a million", "a quarter million"
    r"|(?<![\w-])(?=[AaTt])(?P<partscale>(?:(?i:a\s+(?:quarter|third)|three[\s-]+quarters|two[\s-]+thirds))"
    r"\s+(?i:(?:of\s+)?a\s+)?(?P<fscale>(?i:million|billion|thousand)))(?![\w-])"
    rf"|{_NUMERIC_GUARD_BEFORE}(?P<num>{_EN_NUMERIC})(?P<suffix>bn|mn|tn|m|k|b)?{_EN_NUMERIC_GUARD_AFTER}"
    r"(?![^\W\d_])"
    r"|(?<![\w-])(?P<some>(?i:several|a\s+few|some)\s+)(?P<somebase>hundred|thousand)(?![\w-])"
    r"|(?<![\w-])(?P<vague>(?i:hundreds\s+of\s+thousands|tens\s+of\s+thousands|dozens|hundreds|thousands|"
    r"millions|billions))(?![\w-])"
    r"|(?<![\w-])(?P<one>(?i:a|an|one)\s+(?:half\s+)?|(?i:half\s+a)\s+)"
    # a million or more takes the smaller amount after it in read_atom ("one million five hundred
    # thousand" is 1,500,000; it gave 500,000); a smaller scale not before more number words: "one
    # hundred twenty" is read whole below (it gave 100)
    r"(?P<onescale>(?:million|billion|trillion)(?![\w-])|"
    rf"(?:dozen|hundred|thousand)(?![\w-])(?!(?:\s+and)?[\s-]+(?i:{_EN_NUMBER_WORD})\b))"
    rf"|(?<![\w-])(?P<word>(?i:(?:{_EN_NUMBER_WORD})(?:(?:\s+and\s+|[\s-]+)(?:{_EN_NUMBER_WORD}))*)){_EN_WORD_END}"
    r")"
)
_FR_ATOM = re.compile(
    # French writes digits like German: "2 500", "2,5"
    r"(?<![\w])(?:"
    rf"{_NUMERIC_GUARD_BEFORE}(?P<num>{_DE_NUMERIC}){_NUMERIC_GUARD_AFTER}(?![^\W\d_])"
    r"|(?<![\w-])(?P<some>(?i:quelques|plusieurs)\s+)(?P<somebase>centaines|milliers)(?![\w-])"
    r"|(?<![\w-])(?P<vague>(?i:dizaines|centaines|milliers|millions|milliards))(?![\w-])"
    r"|(?<![\w-])(?P<one>(?i:une?)\s+)(?P<onescale>million|milliard|douzaine|dizaine|centaine|millier)(?![\w-])"
    # "vingt et un" and, in the 1990 spelling, "vingt-et-un"
    rf"|(?<![\w-])(?P<word>(?i:(?:{_FR_NUMBER_WORD})(?:(?:[\s-]+et[\s-]+|[\s-]+)(?:{_FR_NUMBER_WORD}))*))(?![\w-])"
    r")"
)
_ES_ATOM = re.compile(
    # Spanish writes digits like German: "2.500", "2,5"
    r"(?<![\w])(?:"
    rf"{_NUMERIC_GUARD_BEFORE}(?P<num>{_DE_NUMERIC}){_NUMERIC_GUARD_AFTER}(?![^\W\d_])"
    r"|(?<![\w-])(?P<some>(?i:varios|varias|algunos|algunas|unos|unas)\s+)(?P<somebase>cientos|miles)(?![\w-])"
    r"|(?<![\w-])(?P<vague>(?i:decenas|cientos|centenares|miles|millones))(?![\w-])"
    r"|(?<![\w-])(?P<one>(?i:una?)\s+)(?P<onescale>millón|docena|decena|centenar|millar)(?![\w-])"
    rf"|(?<![\w-])(?P<word>(?i:(?:{_ES_NUMBER_WORD})(?:(?:\s+y\s+|\s+)(?:{_ES_NUMBER_WORD}))*))(?![\w-])"
    r")"
)
_IT_ATOM = re.compile(
    # Italian writes digits like German ("2.500", "2,5") and glues "mila" to them ("25mila")
    r"(?<![\w])(?:"
    rf"{_NUMERIC_GUARD_BEFORE}(?P<num>{_DE_NUMERIC})(?P<suffix>mila)?{_NUMERIC_GUARD_AFTER}(?![^\W\d_])"
    r"|(?<![\w-])(?P<some>(?i:alcune|alcuni|diverse|diversi|parecchie|parecchi)\s+)(?P<somebase>centinaia|migliaia)"
    r"(?![\w-])"
    r"|(?<![\w-])(?P<vague>(?i:decine|centinaia|migliaia|milioni|miliardi))(?![\w-])"
    r"|(?<![\w-])(?P<one>(?i:una?)\s+)(?P<onescale>milione|miliardo|dozzina|decina|centinaio|migliaio)(?![\w-])"
    rf"|(?<![\w-])(?P<word>(?i:(?>{_IT_NUMBER_WORDS})+))(?![\w-])"
    r")"
)
_PT_ATOM = re.compile(
    # Portuguese writes digits like German ("2.500", "2,5")
    r"(?<![\w])(?:"
    rf"{_NUMERIC_GUARD_BEFORE}(?P<num>{_DE_NUMERIC}){_NUMERIC_GUARD_AFTER}(?![^\W\d_])"
    r"|(?<![\w-])(?P<some>(?i:algumas|alguns|várias|vários)\s+)(?P<somebase>centenas|milhares)(?![\w-])"
    r"|(?<![\w-])(?P<vague>(?i:dezenas|centenas|milhares|milhões|bilhões))(?![\w-])"
    r"|(?<![\w-])(?P<one>(?i:uma?)\s+)(?P<onescale>milhão|bilhão|dúzia|dezena|centena|milhar)(?![\w-])"
    rf"|(?<![\w-])(?P<word>(?i:(?:{_PT_NUMBER_WORD})(?:(?:\s+e\s+|\s+)(?:{_PT_NUMBER_WORD}))*))(?![\w-])"
    r")"
)
_NL_ATOM = re.compile(
    # Dutch writes digits like German ("2.500", "2,5")
    r"(?<![\w])(?:"
    rf"{_NUMERIC_GUARD_BEFORE}(?P<num>{_DE_NUMERIC}){_NUMERIC_GUARD_AFTER}(?![^\W\d_])"
    r"|(?<![\w-])(?P<some>(?i:enkele|een\s+paar|verscheidene|vele)\s+)(?P<somebase>honderden|duizenden)(?![\w-])"
    r"|(?<![\w-])(?P<vague>(?i:tientallen|honderdduizenden|tienduizenden|honderden|duizenden|miljoenen|"
    r"miljarden))(?![\w-])"
    r"|(?<![\w-])(?P<one>(?i:een|één)\s+)(?P<onescale>miljoen|miljard|dozijn|tiental|honderdtal|duizendtal)"
    r"(?![\w-])"
    r"|(?<![\w-])(?P<frac>[Aa]nderhalf)(?![\w-])"
    # "tweeënhalf", "drieënhalf miljoen": the number words before "ënhalf" and a half
    rf"|(?<![\w-])(?P<word>(?i:(?>{_NL_NUMBER_WORDS})+))(?P<half>half)?(?![\w-])"
    r")"
)
# Turkish and Polish write digits like German ("1.234,5"; Polish groups with a space, "1 234,5").
# Turkish glues a case ending to digits with an apostrophe ("1.500'ü"), which the guard lets through.
_TR_ATOM = re.compile(
    r"(?<![\w])(?:"
    rf"{_NUMERIC_GUARD_BEFORE}(?P<num>{_DE_NUMERIC}){_NUMERIC_GUARD_AFTER}(?![^\W\d_])"
    r"|(?<![\w-])(?P<some>(?i:birkaç|bir\s+kaç)\s+)(?P<somebase>yüz|bin)(?![\w-])"
    r"|(?<![\w-])(?P<vague>(?i:(?:on|yüz)\s+binlerce|onlarca|yüzlerce|binlerce|milyonlarca|milyarlarca))(?![\w-])"
    rf"|(?<![\w-])(?P<word>(?i:(?:{_alternation(_TR_WORD_VALUES)})(?:\s+(?:{_alternation(_TR_WORD_VALUES)}))*))"
    r"(?![\w-])"
    r")"
)
_PL_ATOM = re.compile(
    r"(?<![\w])(?:"
    rf"{_NUMERIC_GUARD_BEFORE}(?P<num>{_DE_NUMERIC}){_NUMERIC_GUARD_AFTER}(?![^\W\d_])"
    r"|(?<![\w-])(?P<some>(?i:kilka|kilku|parę|paru)\s+)(?P<somebase>tysięcy|setek|milionów)(?![\w-])"
    r"|(?<![\w-])(?P<vague>(?i:kilkanaście|kilkunastu|kilkadziesiąt|kilkudziesięciu|kilkaset|kilkuset|"
    r"dziesiątki|dziesiątek|setki|setek|tysiące|tysięcy|miliony|milionów))(?![\w-])"
    rf"|(?<![\w-])(?P<word>(?i:(?:{_alternation(_PL_WORD_VALUES)})(?:\s+(?:{_alternation(_PL_WORD_VALUES)}))*))"
    r"(?![\w-])"
    r")"
)
_RU_ATOM = re.compile(
    r"(?<![\w])(?:"
    rf"{_NUMERIC_GUARD_BEFORE}(?P<num>{_DE_NUMERIC}){_NUMERIC_GUARD_AFTER}(?![^\W\d_])"
    r"|(?<![\w-])(?P<some>(?i:несколько|нескольких)\s+)(?P<somebase>сотен|тысяч|миллионов)(?![\w-])"
    r"|(?<![\w-])(?P<vague>(?i:десятки|десятков|сотни|сотен|тысячи|тысяч|миллионы|миллионов))(?![\w-])"
    rf"|(?<![\w-])(?P<word>(?i:(?:{_alternation(_RU_WORD_VALUES)})(?:\s+(?:{_alternation(_RU_WORD_VALUES)}))*))"
    r"(?![\w-])"
    r")"
)
# Arabic writes Western digits as English does ("3.5", "1,250") or Arabic-Indic ones with their own
# marks ("٣٫٥", "١٬٢٥٠"); "and", "with", "for" and "as" glue to the figure ("و20", "بـ20"), which the
# guard lets through. Vague amounts: "عشرات" (tens), "مئات" (hundreds), "آلاف" (thousands), "عشرات
# الآلاف" (tens of thousands), number words (``_AR_WORD_VALUES``). Our own reading of the language
# (eighteenth session).
_AR_GLUED = "وبلفك"
_AR_NUMERIC = rf"\d{{1,3}}(?:٬\d{{3}})+(?:٫\d+)?|\d+٫\d+|{_EN_NUMERIC}"
_AR_ATOM = re.compile(
    rf"(?:(?<!\w)|(?<=(?<!\w)[{_AR_GLUED}])|(?<=(?<!\w)[{_AR_GLUED}]ـ))(?:"
    rf"(?<![\d.,:/+#§])(?<![^\W\d_][-–])(?<![^\W\d_][ \u00a0][-–])(?<![:/][ \u00a0])"
    rf"(?P<num>{_AR_NUMERIC}){_NUMERIC_GUARD_AFTER}(?![^\W\d_])"
    r"(?![ \u00a0]*[:/][ \u00a0]*\d)"  # a date or time written "9 /3 /2031", "5 : 40"; a code "-40"
    r"|(?P<vague>(?:عشرات|مئات)\s+(?:الآلاف|آلاف)|عشرات|مئات|آلاف|ملايين)(?![\w-])"
    rf"|(?P<word>(?:{_alternation(_AR_WORD_VALUES)})(?:\s+و?(?:{_alternation(_AR_WORD_VALUES)}))*)(?![\w-])"
    r")"
)
# An ordinal from 13 to 19 is its unit's ordinal with "the" and "ten": "الثالث عشر", "السابعة عشرة".
_AR_ORDINAL_BEFORE = re.compile(r"(?<!\w)ال(?:حادي|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع)ة?[ \u00a0]+$")
# Arabic text with Western digits groups thousands with a dot too ("45.000"), read so unless a scale
# word follows.
_AR_DOT_GROUPS = re.compile(r"\d{1,3}(?:\.\d{3})+")
_AR_SCALE = re.compile(
    r"[ \u00a0]*(مليون|ملايين|مليونا|مليار|مليارات|مليارا|ألف|ألفا|آلاف|الف|الاف)(?![\w-])"
)
_RU_SCALE = re.compile(
    r"[ \u00a0]*(тыс\.|тысячи|тысяч|тысяча|млн\.?|миллионов|миллиона|миллион|млрд\.?|миллиардов|миллиарда|"
    r"миллиард)(?![\w-])"
)
# "12 bin", "2,5 milyon", "3 milyarlık" (an amount of three billion), "48 bini geçti" (passed 48,000:
# a case ending on the scale word); "12 tys.", "2,5 mln", "3 mld".
_TR_SCALE = re.compile(
    r"[ \u00a0]*(bin|milyon|milyar|trilyon)(?:l[ıiuü]k|[ıiuü]n|[yn]?[ıiuüae]|[dt][ae]n?)?(?![\w-])"
)
_PL_SCALE = re.compile(
    r"[ \u00a0]*(tys\.|tys|tysiące|tysięcy|tysiąc|mln\.?|milionów|miliony|miliona|milion|mld\.?|miliardów|"
    r"miliardy|miliarda|miliard)(?![\w-])"
)
_DE_SCALE = re.compile(
    r"[ \u00a0]*(Millionen|Million|Mio\.?|Milliarden|Milliarde|Mrd\.?|Billionen|Billion|Bio\.|Tausend|"
    r"tausend|Tsd\.|Dutzend)(?![\w-])"
)
_EN_SCALE = re.compile(r"[ \u00a0]*(million|billion|trillion|thousand|bn|mn|dozen)(?![\w-])", re.IGNORECASE)
_ES_SCALE = re.compile(r"[ \u00a0]*(mil\s+millones|millones|millón|mil|docenas|docena)(?![\w-])")
_FR_SCALE = re.compile(r"[ \u00a0]*(millions|million|milliards|milliard|mille|douzaines|douzaine)(?![\w-])")
_PT_SCALE = re.compile(r"[ \u00a0]*(mil\s+milhões|milhões|milhão|bilhões|bilhão|mil|dúzias|dúzia)(?![\w-])")
_NL_SCALE = re.compile(r"[ \u00a0]*(miljoen|miljard|duizend|mln\.?|mld\.?|dozijn)(?![\w-])")
_IT_SCALE = re.compile(r"[ \u00a0]*(milioni|milione|miliardi|miliardo|mila|mln|mld|dozzine|dozzina)(?![\w-])")
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
    "millions": 1e6,
    "milliard": 1e9,
    "milliards": 1e9,
    "mille": 1e3,
    "douzaine": 12,
    "douzaines": 12,
    "dizaine": 10,
    "millón": 1e6,
    "mil": 1e3,
    "millones": 1e6,
    "mil millones": 1e9,
    "docena": 12,
    "docenas": 12,
    "decena": 10,
    "centenar": 100,
    "millar": 1e3,
    "cientos": 100,
    "miles": 1e3,
    "centaine": 100,
    "centaines": 100,
    "millier": 1e3,
    "milliers": 1e3,
    "milione": 1e6,
    "milioni": 1e6,
    "mln": 1e6,
    "miliardo": 1e9,
    "miliardi": 1e9,
    "mld": 1e9,
    "mila": 1e3,
    "dozzina": 12,
    "dozzine": 12,
    "decina": 10,
    "centinaio": 100,
    "migliaio": 1e3,
    "centinaia": 100,
    "migliaia": 1e3,
    "milhão": 1e6,
    "milhões": 1e6,
    "bilhão": 1e9,
    "bilhões": 1e9,
    "mil milhões": 1e9,
    "dúzia": 12,
    "dúzias": 12,
    "dezena": 10,
    "centena": 100,
    "milhar": 1e3,
    "centenas": 100,
    "milhares": 1e3,
    "miljoen": 1e6,
    "miljard": 1e9,
    "duizend": 1e3,
    "mln.": 1e6,
    "mld.": 1e9,
    "dozijn": 12,
    "tiental": 10,
    "honderdtal": 100,
    "duizendtal": 1e3,
    "honderden": 100,
    "duizenden": 1e3,
    # Turkish and Polish (seventeenth session)
    "bin": 1e3,
    "yüz": 100,
    "milyon": 1e6,
    "milyar": 1e9,
    "trilyon": 1e12,
    "tys.": 1e3,
    "tys": 1e3,
    "tysiąc": 1e3,
    "tysiące": 1e3,
    "tysięcy": 1e3,
    "setek": 100,
    "milion": 1e6,
    "miliona": 1e6,
    "miliony": 1e6,
    "milionów": 1e6,
    "miliard": 1e9,
    "miliarda": 1e9,
    "miliardy": 1e9,
    "miliardów": 1e9,
    "тыс.": 1e3,
    "тысяча": 1e3,
    "тысячи": 1e3,
    "тысяч": 1e3,
    "сотен": 100,
    "млн": 1e6,
    "млн.": 1e6,
    "миллион": 1e6,
    "миллиона": 1e6,
    "миллионов": 1e6,
    "млрд": 1e9,
    "млрд.": 1e9,
    "миллиард": 1e9,
    "миллиарда": 1e9,
    "миллиардов": 1e9,
    # Arabic (eighteenth session)
    "مليون": 1e6,
    "ملايين": 1e6,
    "مليونا": 1e6,
    "مليار": 1e9,
    "مليارات": 1e9,
    "مليارا": 1e9,
    "ألف": 1e3,
    "ألفا": 1e3,
    "آلاف": 1e3,
    "الف": 1e3,
    "الاف": 1e3,
}
_DE_RANGE = re.compile(r"[ \u00a0]*(-|–|bis|oder|und)[ \u00a0]*")
_EN_RANGE = re.compile(r"[ \u00a0]*(-|–|to|or|and)[ \u00a0]*")
_ES_RANGE = re.compile(r"[ \u00a0]*(-|–|a|o|y)[ \u00a0]*")
_FR_RANGE = re.compile(r"[ \u00a0]*(-|–|à|ou|et)[ \u00a0]*")
_PT_RANGE = re.compile(r"[ \u00a0]*(-|–|a|e|ou)[ \u00a0]*")
_NL_RANGE = re.compile(r"[ \u00a0]*(-|–|tot|en|of)[ \u00a0]*")
_IT_RANGE = re.compile(r"[ \u00a0]*(-|–|a|o|e)[ \u00a0]*")
_TR_RANGE = re.compile(r"[ \u00a0]*(-|–|ila|veya)[ \u00a0]*")
# "od 10 do 20", "między 10 a 20": "a" and "i" join a range only after "między" (read in quantities)
_RU_RANGE = re.compile(r"[ \u00a0]*(-|–|до|или|и)[ \u00a0]*")
_PL_RANGE = re.compile(r"[ \u00a0]*(-|–|do|lub|albo|a|i)[ \u00a0]*")
# Arabic "بين 10 و20", "ما بين 10 إلى 20" (between 10 and 20): "و" and "إلى" join a range only after
# "بين"; "من 10 إلى 20" is mostly a change ("rose from 10 to 20"), two figures.
_AR_RANGE = re.compile(r"[ \u00a0]*(-|–|و|إلى|الى)[ \u00a0]*")

_DE_HEDGE = re.compile(
    r"(?:^|(?<=[\s(„\"'»«]))(?i:etwa|rund|knapp|circa|zirka|ca\.|nicht\s+mehr\s+als|nicht\s+weniger\s+als|mehr\s+als|weit\s+mehr\s+als|weit\s+über|über|"
    r"fast|beinahe|nahezu|annähernd|gut|an\s+die|bis\s+zu|mindestens|wenigstens|weniger\s+als|unter|"
    r"ungefähr|schätzungsweise|geschätzte?|höchstens|maximal)[ \u00a0]+$"
)
_EN_HEDGE = re.compile(
    r"(?:^|(?<=[\s(\"'“]))(?i:about|around|roughly|nearly|almost|(?:no|not)\s+more\s+than|(?:no|not)\s+(?:fewer|less)\s+than|more\s+than|well\s+over|just\s+over|over|"
    r"some|up\s+to|at\s+least|fewer\s+than|less\s+than|approximately|an\s+estimated|estimated|"
    r"as\s+many\s+as|close\s+to|upwards\s+of|just\s+under|under|at\s+most|approx\.)[ \u00a0]+$"
)
_FR_HEDGE = re.compile(
    r"(?:^|(?<=[\s(\"'«]))(?i:environ|près\s+de|presque|quelque|plus\s+de|moins\s+de|au\s+moins|"
    r"au\s+plus|jusqu['’]à|approximativement|autour\s+de|une\s+estimation\s+de)[ \u00a0]+$"
)
_ES_HEDGE = re.compile(
    r"(?:^|(?<=[\s(\"'«]))(?i:unos|unas|alrededor\s+de|cerca\s+de|casi|más\s+de|menos\s+de|al\s+menos|"
    r"hasta|aproximadamente|en\s+torno\s+a|como\s+mínimo|como\s+máximo)[ \u00a0]+$"
)
_IT_HEDGE = re.compile(
    r"(?:^|(?<=[\s(\"'«]))(?i:circa|quasi|oltre|più\s+di|meno\s+di|almeno|fino\s+a|intorno\s+a(?:i|lle)?|"
    r"attorno\s+a(?:i|lle)?|poco\s+più\s+di|poco\s+meno\s+di|non\s+più\s+di|non\s+meno\s+di|"
    r"approssimativamente|all['’]incirca|una\s+stima\s+di|almeno\s+altr[ei]|ben)[ \u00a0]+$"
)
_PT_HEDGE = re.compile(
    r"(?:^|(?<=[\s(\"'«“]))(?i:cerca\s+de|perto\s+de|quase|mais\s+de|menos\s+de|pelo\s+menos|no\s+mínimo|"
    r"no\s+máximo|até|aproximadamente|por\s+volta\s+de|em\s+torno\s+de|mais\s+ou\s+menos|uns|umas)[ \u00a0]+$"
)
_NL_HEDGE = re.compile(
    r"(?:^|(?<=[\s(\"'„‚“]))(?i:ongeveer|circa|ca\.|zo['’]n|bijna|ruim|meer\s+dan|minder\s+dan|minstens|"
    r"ten\s+minste|tenminste|hooguit|maximaal|rond|rond\s+de|nagenoeg|krap|zeker|naar\s+schatting|"
    r"bij\s+benadering|een\s+kleine|een\s+dikke)[ \u00a0]+$"
)
_TR_HEDGE = re.compile(
    r"(?:^|(?<=[\s(\"'“]))(?i:yaklaşık(?:\s+olarak)?|tahminen|en\s+az|en\s+fazla|en\s+çok|neredeyse|hemen\s+hemen|"
    r"ortalama|takriben)[ \u00a0]+$"
)
_PL_HEDGE = re.compile(
    r"(?:^|(?<=[\s(\"'„“]))(?i:około|ok\.|blisko|prawie|niemal|niemalże|ponad|powyżej|co\s+najmniej|"
    r"nie\s+więcej\s+niż|nie\s+mniej\s+niż|"
    r"przynajmniej|mniej\s+niż|więcej\s+niż|niespełna|maksymalnie|najwyżej|nawet|szacunkowo)[ \u00a0]+$"
)
_RU_HEDGE = re.compile(
    r"(?:^|(?<=[\s(\"'«„]))(?i:около|примерно|приблизительно|порядка|почти|более|свыше|больше|менее|меньше|"
    r"не\s+менее|не\s+более|не\s+больше|не\s+меньше|по\s+меньшей\s+мере|как\s+минимум|как\s+максимум|"
    r"чуть\s+более|чуть\s+менее|максимум|минимум)[ \u00a0]+$"
)
# "حوالي"/"نحو"/"قرابة" (about), "أكثر من" (more than), "أقل من" (less than), "ما لا يقل عن" (no less
# than), "ما يصل إلى" (up to), "على الأقل" (at least; after the noun too, read in quantities), with a
# glued "and" ("ونحو").
_AR_HEDGE = re.compile(
    r"(?:^|(?<=[\s(\"'«]))و?(?:حوالي|حوالى|نحو|قرابة|زهاء|تقريبا|أكثر\s+من|اكثر\s+من|أزيد\s+من|أقل\s+من|"
    r"اقل\s+من|ما\s+يقارب|ما\s+لا\s+يقل\s+عن|ما\s+يزيد\s+عن|ما\s+يزيد\s+على|ما\s+يصل\s+إلى|"
    r"ما\s+يصل\s+الى|على\s+الأقل|على\s+الاقل)[ \u00a0]+$"
)
_DE_BETWEEN = re.compile(r"(?:^|(?<=\s))(?i:zwischen)[ \u00a0]+$")
_EN_BETWEEN = re.compile(r"(?:^|(?<=\s))(?i:between|from)[ \u00a0]+$")
_ES_BETWEEN = re.compile(r"(?:^|(?<=\s))(?i:entre|de)[ \u00a0]+$")
_FR_BETWEEN = re.compile(r"(?:^|(?<=\s))(?i:entre|de)[ \u00a0]+$")
_PT_BETWEEN = re.compile(r"(?:^|(?<=\s))(?i:entre|de)[ \u00a0]+$")
_NL_BETWEEN = re.compile(r"(?:^|(?<=\s))(?i:tussen|van)[ \u00a0]+$")
_IT_BETWEEN = re.compile(r"(?:^|(?<=\s))(?i:tra|fra|da)[ \u00a0]+$")
# Turkish says "between" after the range ("10 ile 20 arasında"); no word before it.
_TR_BETWEEN = re.compile(r"(?!)")
_RU_BETWEEN = re.compile(r"(?:^|(?<=\s))(?i:от|между)[ \u00a0]+$")
_PL_BETWEEN = re.compile(r"(?:^|(?<=\s))(?i:od|między|pomiędzy)[ \u00a0]+$")
_AR_BETWEEN = re.compile(r"(?:^|(?<=\s))و?بين[ \u00a0]+$")


def _month_words(code: str, *, short: bool, dotless: bool) -> frozenset[str]:
    """The month names of ``code`` (text/months.py) as the quantity reader meets them: full names and,
    with ``short``, abbreviations with their dot (and without it too with ``dotless``)."""
    words = set(month_numbers(code, "full"))
    if short:
        abbreviations = month_numbers(code, "short")
        words |= {f"{a}." for a in abbreviations} | (set(abbreviations) if dotless else set())
    return frozenset(words)


# German and French abbreviations carry their dot, English ones often not; Spanish ones are left out
# ("mar" is the sea).
DE_MONTHS = _month_words("de", short=True, dotless=False)
EN_MONTHS = _month_words("en", short=True, dotless=True)
FR_MONTHS = _month_words("fr", short=True, dotless=False)
ES_MONTHS = _month_words("es", short=False, dotless=False)
IT_MONTHS = _month_words("it", short=False, dotless=False)
PT_MONTHS = _month_words("pt", short=False, dotless=False)
NL_MONTHS = _month_words("nl", short=False, dotless=False)
PL_MONTHS = _month_words("pl", short=False, dotless=False)
TR_MONTHS = _month_words("tr", short=False, dotless=False)
RU_MONTHS = _month_words("ru", short=False, dotless=False)
# Arabic text quotes English dates ("March 3, 2031" in an embedded post): their names count too.
AR_MONTHS = _month_words("ar", short=False, dotless=False) | EN_MONTHS
# German and English weekday names, full (text/weekdays.py).
WEEKDAYS = frozenset(weekday_numbers("de", "full")) | frozenset(weekday_numbers("en", "full"))
# Currency codes written before an amount ("CHF 22'050", "USD 1,200"): an amount, not a name's label
# like "Boeing 737". The one list; ``analyse.units`` reads the codes before a number from it.
CURRENCY_CODES = ("EUR", "USD", "GBP", "CHF")
# Words before a number that make it a label, not an amount ("Artikel 5", "flight 370"); nor is the
# label a name ("Section 3", analyse/entity_rules.py).
LABEL_WORDS = _ID_BEFORE = word_set(
    "nr. nr nummer artikel art. paragraf paragraph § seite s. kapitel platz rang linie gleis zimmer "
    "raum version flug bus tram route bundesstraße autobahn kategorie stufe klasse jahrgang runde "
    "spieltag minute folge staffel band heft ausgabe no. number article section page chapter flight "
    "line platform room level category grade round episode season volume issue resolution "
    "départementale nationale numéro n° ligne vol carretera número línea vuelo artículo "
    "numero articolo pagina capitolo volo linea binario strada statale provinciale autostrada "
    "artigo página capítulo voo linha rodovia estrada "
    "nummer artikel pagina hoofdstuk vlucht lijn spoor snelweg rijksweg"
)
_DE_ORDINAL_BEFORE = word_set(
    "der die das den dem des am im zum zur vom beim ihr ihre ihrem ihren ihrer sein seine seinem "
    "seinen seiner jeder jede jedes jeden dieser diese dieses diesem diesen unser unsere ein eine "
    "einem einer einen"
)
# The languages that write an ordinal as digits with a dot ("der 3. Platz", "3. gün", "3. miejsce").
_DOT_ORDINALS = frozenset({"de", "tr", "pl"})
_SENTENCE_START = re.compile(r"(?:^|[.!?:;„\"“»«(\n]\s*)$")


_IT_HALF = re.compile(r"[ \u00a0]+e[ \u00a0]+mezz[oa](?![\w-])", re.IGNORECASE)
_PT_HALF = re.compile(r"[ \u00a0]+e[ \u00a0]+mei[oa](?![\w-])", re.IGNORECASE)


@dataclass(frozen=True)
class NumberLanguage:
    atom: re.Pattern[str]
    scale: re.Pattern[str]
    range_sep: re.Pattern[str]
    hedge: re.Pattern[str]
    between: re.Pattern[str]
    decimal: str
    months: frozenset[str]
    # "and a half" after a scale word: "due milioni e mezzo" is 2.5 million
    half_after_scale: re.Pattern[str] | None = None


LANGUAGES: dict[str, NumberLanguage] = {
    "de": NumberLanguage(_DE_ATOM, _DE_SCALE, _DE_RANGE, _DE_HEDGE, _DE_BETWEEN, ",", DE_MONTHS),
    "en": NumberLanguage(_EN_ATOM, _EN_SCALE, _EN_RANGE, _EN_HEDGE, _EN_BETWEEN, ".", EN_MONTHS),
    "fr": NumberLanguage(_FR_ATOM, _FR_SCALE, _FR_RANGE, _FR_HEDGE, _FR_BETWEEN, ",", FR_MONTHS),
    "es": NumberLanguage(_ES_ATOM, _ES_SCALE, _ES_RANGE, _ES_HEDGE, _ES_BETWEEN, ",", ES_MONTHS),
    "it": NumberLanguage(_IT_ATOM, _IT_SCALE, _IT_RANGE, _IT_HEDGE, _IT_BETWEEN, ",", IT_MONTHS, _IT_HALF),
    "pt": NumberLanguage(_PT_ATOM, _PT_SCALE, _PT_RANGE, _PT_HEDGE, _PT_BETWEEN, ",", PT_MONTHS, _PT_HALF),
    "nl": NumberLanguage(_NL_ATOM, _NL_SCALE, _NL_RANGE, _NL_HEDGE, _NL_BETWEEN, ",", NL_MONTHS),
    "tr": NumberLanguage(_TR_ATOM, _TR_SCALE, _TR_RANGE, _TR_HEDGE, _TR_BETWEEN, ",", TR_MONTHS),
    "pl": NumberLanguage(_PL_ATOM, _PL_SCALE, _PL_RANGE, _PL_HEDGE, _PL_BETWEEN, ",", PL_MONTHS),
    "ru": NumberLanguage(_RU_ATOM, _RU_SCALE, _RU_RANGE, _RU_HEDGE, _RU_BETWEEN, ",", RU_MONTHS),
    "ar": NumberLanguage(_AR_ATOM, _AR_SCALE, _AR_RANGE, _AR_HEDGE, _AR_BETWEEN, ".", AR_MONTHS),
}


@dataclass
class Atom:
    start: int
    end: int
    low: float
    high: float | None
    numeric: str | None  # the digits as written, for year and identifier checks
    scaled: bool
    vague: bool
    scale: float = 1.0


def primary_language(language: str) -> str:
    return language.strip().lower().replace("_", "-").split("-")[0]


_MIXED_FRACTION = re.compile(r"[ \u00a0]+(?P<over>\d)/(?P<under>[2-9])(?![\d/.,]?\d)")


def read_atom(
    match: re.Match[str], text: str, code: str, lang: NumberLanguage, *, below: float = math.inf
) -> Atom | None:
    """The number a match of the atom pattern stands for, with any scale word after it (and the
    smaller amount in words after a million or more, when its scale is ``below``)."""
    atom = _read_one(match, text, code, lang, below)
    join = _REST_JOIN.get(code)
    return _rest_after_scale(atom, text, code, lang, join) if join is not None and atom is not None else atom


# Turkish writes the rest of a number after its scale word, in digits as often as in words: "8 bin 300" is
# 8,300, "bin 450" 1,450, "3 milyon 200 bin" 3,200,000; Arabic joins it with "and": "17 ألف و450" is
# 17,450 (eighteenth session).
_REST_JOIN: dict[str, re.Pattern[str]] = {
    "tr": re.compile(r"[ \u00a0]+"),
    "ar": re.compile(r"[ \u00a0]+و[ \u00a0]*"),
}


def _rest_after_scale(atom: Atom, text: str, code: str, lang: NumberLanguage, join: re.Pattern[str]) -> Atom:
    """The figure with the smaller rest written after its scale word of a thousand or more."""
    if atom.vague or atom.high is not None:
        return atom
    last_word = text[atom.start : atom.end].rsplit(maxsplit=1)[-1].lower()
    scale = atom.scale if atom.scale > 1 else _TR_WORD_VALUES.get(last_word, 0) if code == "tr" else 0
    if scale < 1000:
        return atom
    gap = join.match(text, atom.end)
    rest = lang.atom.match(text, gap.end()) if gap else None
    if rest is None or (rest.group("num") is None and rest.groupdict().get("word") is None):
        return atom
    lower = read_atom(rest, text, code, lang)
    if lower is None or lower.vague or lower.high is not None or not 0 < lower.low < scale:
        return atom
    atom.low += lower.low
    atom.end = lower.end
    return atom


def _read_one(match: re.Match[str], text: str, code: str, lang: NumberLanguage, below: float) -> Atom | None:
    start, end = match.span()
    if match.group("num") is not None:
        digits = match.group("num")
        value = parse_numeric(digits, lang.decimal)
        if (
            value is None
            or _is_identifier(text, start, digits, code, lang)
            or _is_house_number(text, start, match.end("num"))
        ):
            return None
        if code == "ar" and _AR_DOT_GROUPS.fullmatch(digits) and not lang.scale.match(text, match.end("num")):
            value = float(
                digits.replace(".", "")
            )  # "45.000 إصابة" is forty-five thousand; "1.250 مليار" 1.25 billion
        scale = 1.0
        suffix = match.groupdict().get("suffix")
        if suffix:
            scale = _SCALES[suffix.lower()]
        elif code in _DOT_ORDINALS and _is_german_ordinal(text, start, end, digits, lang):
            return None
        fraction = None if suffix or not float(value).is_integer() else _MIXED_FRACTION.match(text, end)
        if fraction is not None and 0 < int(fraction["over"]) < int(fraction["under"]):
            # "1 1/2 years" is one and a half years (it read 1, and no unit)
            value += int(fraction["over"]) / int(fraction["under"])
            end = fraction.end()
        atom = Atom(start, end, value * scale, None, digits, bool(suffix), vague=False, scale=scale)
    elif (groups := match.groupdict()).get("frac") is not None:
        head = groups["frac"].lower()
        whole = (
            1.0
            if head.startswith(("anderthalb", "anderhalf"))
            else _whole_value(groups.get("whole") or "", code)
        )
        if whole is None:
            return None
        value = whole + _fraction_of(groups.get("part") or "halb")
        glued = groups.get("glued")
        scale = _SCALES[glued] if glued else 1.0
        atom = Atom(start, end, value * scale, None, None, scaled=bool(glued), vague=False, scale=scale)
    elif groups.get("partscale") is not None:
        scale_word = groups["fscale"].lower()
        scale = _SCALES["milliarde" if scale_word == "milliarde" else scale_word]
        value = _fraction_of(groups["partscale"]) * scale
        return Atom(start, end, value, None, None, scaled=True, vague=False, scale=scale)
    elif groups.get("some") is not None:
        base = _SCALES[match.group("somebase").lower()]
        return Atom(start, end, 2 * base, 9 * base, None, scaled=True, vague=True)
    elif groups.get("vague") is not None:
        word = re.sub(r"\s+", " ", match.group("vague").lower())
        if word not in _VAGUE:  # (the Italian plurals are listed as written)
            word = word.rstrip("n").rstrip("e").rstrip("s") if code == "de" else word.rstrip("s")
        low, high = _VAGUE.get(word, (0.0, 0.0))
        if not low:
            return None
        return Atom(start, end, low, high, None, scaled=True, vague=True)
    elif groups.get("one") is not None:
        head = match.group("one").lower()
        factor = 1.5 if ("halb" in head and head.startswith(("einein", "anderthalb"))) else 1.0
        if "half" in head or "halbe" in head:
            factor = 0.5
        scale_word = match.group("onescale").lower()
        scale = 1e12 if (code == "de" and scale_word.startswith("billion")) else _SCALES[scale_word]
        about = scale_word in _ABOUT_ONE
        one = Atom(start, end, factor * scale, None, None, scaled=True, vague=about, scale=scale)
        return _with_lower_part(one, text, code, lang, below)
    else:
        word = match.group("word")
        if match.groupdict().get("half"):
            return _german_half(match, word, text, code, lang, below)
        value = _parse_number_words(word, code)
        if value is None:
            return None
        if code == "ar" and word.split()[0] in {"عشر", "عشرة"} and _AR_ORDINAL_BEFORE.search(text, 0, start):
            return None  # "السابعة عشرة" (the seventeenth): the ten of an ordinal
        if word[0].isupper() and not _SENTENCE_START.search(text, 0, start):
            return None  # "die Elf", "in Acht nehmen": capitalised mid-sentence is a noun
        atom = Atom(start, end, value, None, None, scaled=False, vague=False)
    return _apply_scale(atom, text, code, lang, below)


# Fractions after "and" or glued to a scale: "two and a half", "a quarter of a million", "Viertelmillion";
# the longer names first ("dreiviertel" holds "viertel", "two thirds" holds "third").
_FRACTIONS: tuple[tuple[str, float], ...] = (
    ("dreiviertel", 0.75),
    ("three quarter", 0.75),
    ("two third", 2 / 3),
    ("viertel", 0.25),
    ("quarter", 0.25),
    ("third", 1 / 3),
    ("half", 0.5),
    ("halb", 0.5),
)


def _fraction_of(words: str) -> float:
    lowered = re.sub(r"[\s-]+", " ", words.lower())
    return next((value for name, value in _FRACTIONS if name in lowered), 0.5)


def _whole_value(whole: str, code: str) -> float | None:
    """The whole number before a fraction: digits or number words, "one"/"ein" included."""
    if whole.isdigit():
        return float(whole)
    lowered = whole.lower()
    if lowered in {"one", "ein"}:
        return 1.0
    return _parse_number_words(whole, code)


def _german_half(
    match: re.Match[str], word: str, text: str, code: str, lang: NumberLanguage, below: float
) -> Atom | None:
    """ "zweieinhalb", "eineinhalb", "dreieinhalbtausend", Dutch "tweeënhalf": the number words before
    "einhalb" ("ënhalf") and a half."""
    joiner = "ein" if code == "de" else next((j for j in ("ën", "en") if word.lower().endswith(j)), "")
    if not joiner or not word.lower().endswith(joiner) or len(word) == len(joiner):
        return None
    whole = _whole_value(word[: -len(joiner)], code)
    if whole is None:
        return None
    glued = match.groupdict().get("glued")
    scale = _SCALES[glued] if glued else 1.0
    start, end = match.span()
    atom = Atom(start, end, (whole + 0.5) * scale, None, None, scaled=bool(glued), vague=False, scale=scale)
    return _apply_scale(atom, text, code, lang, below)


def _apply_scale(atom: Atom, text: str, code: str, lang: NumberLanguage, below: float) -> Atom:
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
    if lang.half_after_scale is not None and (half := lang.half_after_scale.match(text, atom.end)):
        atom.low += scale / 2
        atom.end = half.end()
        return atom
    return _with_lower_part(atom, text, code, lang, below)


_SPACES = re.compile(r"[ \u00a0]+")


def _with_lower_part(atom: Atom, text: str, code: str, lang: NumberLanguage, below: float) -> Atom:
    """A million or more followed by a smaller amount in words is one number: "deux millions cinq cent
    mille" is 2,500,000 and "dos millones quinientas mil" 2,500,000 (the second part was read as the
    counted noun "cinq" / "quinientas" and a count of its own). Each step reads a smaller scale only,
    so a run of scale words goes no deeper than the scales there are."""
    if not 1e6 <= atom.scale < below or atom.vague or atom.high is not None or atom.numeric is not None:
        return atom
    gap = _SPACES.match(text, atom.end)
    rest = lang.atom.match(text, gap.end()) if gap else None
    if rest is None or rest.group("word") is None:
        return atom
    lower = read_atom(rest, text, code, lang, below=atom.scale)
    if lower is None or lower.vague or lower.high is not None or not 0 < lower.low < atom.scale:
        return atom
    atom.low += lower.low
    atom.end = lower.end
    return atom


# The Arabic decimal and thousands marks ("٣٫٥", "١٬٢٥٠"); Python reads Arabic-Indic digits itself.
_ARABIC_MARKS = str.maketrans({"٫": ".", "٬": ","})


def parse_numeric(digits: str, decimal: str) -> float | None:
    """The value of digits as written: ``decimal`` is the language's decimal mark, used when only
    one mark occurs; with both marks the last one is the decimal mark ("1.234,5", "1,234.5")."""
    raw = re.sub(_GROUP, "", digits.translate(_ARABIC_MARKS))
    if "." in raw and "," in raw:
        decimal = "." if raw.rfind(".") > raw.rfind(",") else ","
    thousands = "." if decimal == "," else ","
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
    if (table := _OWN_WORD_VALUES.get(code)) is not None:
        # Arabic glues "and" to the next word: "خمسة وعشرون"
        words = [w if w in table or not w.startswith("و") else w[1:] for w in lowered.split()]
        return None if lowered in _OWN_ONE else _compose(words, table)
    if code == "es":
        lowered = re.sub(r"veintiún\b", "veintiuno", lowered)  # the form before a noun, which text2num lacks
    # "ein" is the article and "one" mostly a pronoun ("one of them"); both count only before a scale
    # word ("eine Million", "one million"), which the atom pattern reads apart.
    if (
        lowered in {"ein", "one", "un", "une", "uno", "una", "um", "uma", "een"}
        or lowered.startswith("und")
        or lowered.endswith("und")
    ):
        return None
    try:
        from text_to_num import text2num

        return float(text2num(lowered, code))
    except Exception:  # text2num signals malformed input with several exception types
        return None


def is_number_word(word: str, language: str) -> bool:
    """Whether ``word`` alone is a number written in words in ``language`` ("quarante", "cinco")."""
    table = _OWN_WORD_VALUES.get(primary_language(language))
    if table is not None:
        return word.lower() in table  # "bir", "jedna" too: a number word, if no count alone
    return _parse_number_words(word, primary_language(language)) is not None


def _is_identifier(text: str, start: int, digits: str, code: str, lang: NumberLanguage) -> bool:
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
    # a name before a number mid-sentence: "Boeing 737", "Windows 11"; a currency code is no name
    return (
        code == "en"
        and previous[0].isupper()
        and previous.isalpha()
        and previous not in CURRENCY_CODES
        and lowered not in WEEKDAYS
        and len(words) > 1
        and not _SENTENCE_START.search(before[: before.rfind(previous)])
        and not lang.hedge.search(before)
        and not lang.between.search(before)
    )


# Street names before or after a house number: "Lindenstraße 12", "Main Street (205)", "205 Elm Road".
_STREET_WORDS = word_set(
    "street st. st road rd. rd avenue ave. ave boulevard blvd. blvd lane ln. drive dr. way terrace "
    "str. gasse allee chaussee"
)
_STREET_ENDINGS = ("straße", "strasse", "str.", "gasse", "allee", "chaussee")
_NUMBER_BEFORE_STREET = re.compile(
    r"[a-z]?\s+(?:[A-Z][\w'’\-]*\s+){1,3}(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Boulevard|Blvd\.|Lane|"
    r"Drive|Way|Terrace)(?!\w)"
)


def _is_house_number(text: str, start: int, end: int) -> bool:
    """A number next to a street name is a house number, not an amount ("Lindenstraße 12", "Main
    Street (205)", "205 Elm Road"); one in parentheses only when they hold nothing else."""
    if _NUMBER_BEFORE_STREET.match(text, end):
        return True
    before = text[max(0, start - 40) : start]
    if before.endswith("("):
        if text[end : end + 1] != ")":
            return False
        before = before[:-1]
    words = before.split()
    if not words or not before[-1:].isspace():
        return False
    if not words[-1][:1].isupper():  # a street's name is capitalised: "drive 20 km" is an amount
        return False
    previous = words[-1].lower()
    return previous in _STREET_WORDS or (len(previous) > 6 and previous.endswith(_STREET_ENDINGS))


def _is_german_ordinal(text: str, start: int, end: int, digits: str, lang: NumberLanguage) -> bool:
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
