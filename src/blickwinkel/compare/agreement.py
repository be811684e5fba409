"""Whether two quantities report the same amount: the rule the comparison uses for number conflicts.

Parsing numbers and units is analysis (``analyse.numbers``, ``analyse.units``); deciding when two
numbers say the same is comparison, so it lives here. None of the tolerances below was fitted on a
data set: they are set by hand from how news writing hedges, and the examples in
``tests/unit/test_quantities.py`` pin their effect.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from blickwinkel.analyse.units import CURRENCIES, unit_key
from blickwinkel.model import Quantity

__all__ = ["LOWER_BOUND", "UPPER_BOUND", "figures_meet", "quantities_agree", "rounded_alike"]

# Words that bound a figure from one side and say nothing of the other: "at least 12" is 12 or more,
# "bis zu 30" 30 or fewer. Two bounds on one side never contradict ("more than 400" / "more than
# 900"). German, English, French, Spanish, Italian, Portuguese, Dutch, Polish, Russian, Turkish and Arabic,
# from our own knowledge of the languages ("menos de" is Spanish and Portuguese). Turkish also bounds
# after the figure: "300'den fazla", "300'ü aşkın" (more than 300), read by _TR_LOWER_AFTER. Arabic
# (eighteenth session): "أكثر من" (more than), "ما لا يقل عن" (no less than), "على الأقل" (at least,
# before the figure or after its noun), "أقل من" (less than), "ما يصل إلى" (up to), "and" glued to them.
_STRICT_LOWER = (
    r"mehr\s+als|weit\s+mehr\s+als|weit\s+über|über|mindestens|wenigstens|nicht\s+weniger\s+als|"
    r"more\s+than|well\s+over|just\s+over|over|at\s+least|upwards\s+of|(?:no|not)\s+(?:fewer|less)\s+than|"
    r"plus\s+de|au\s+moins|más\s+de|al\s+menos|como\s+mínimo|"
    r"oltre|più\s+di|poco\s+più\s+di|almeno|non\s+meno\s+di|mais\s+de|pelo\s+menos|no\s+mínimo|"
    r"meer\s+dan|minstens|ten\s+minste|tenminste|"
    r"ponad|powyżej|co\s+najmniej|przynajmniej|więcej\s+niż|nie\s+mniej\s+niż|en\s+az|"
    r"более|свыше|больше|не\s+менее|не\s+меньше|по\s+меньшей\s+мере|как\s+минимум|минимум|чуть\s+более|"
    r"و?(?:أكثر\s+من|اكثر\s+من|أزيد\s+من|ما\s+لا\s+يقل\s+عن|ما\s+يزيد\s+عن|ما\s+يزيد\s+على|على\s+الأقل|على\s+الاقل)"
)
_STRICT_UPPER = (
    r"bis\s+zu|weniger\s+als|unter|höchstens|maximal|nicht\s+mehr\s+als|"
    r"up\s+to|fewer\s+than|less\s+than|as\s+many\s+as|at\s+most|just\s+under|under|(?:no|not)\s+more\s+than|"
    r"moins\s+de|au\s+plus|jusqu['’]à|menos\s+de|hasta|como\s+máximo|"
    r"meno\s+di|poco\s+meno\s+di|fino\s+a|non\s+più\s+di|no\s+máximo|até|minder\s+dan|hooguit|maximaal|"
    r"mniej\s+niż|nie\s+więcej\s+niż|najwyżej|maksymalnie|niespełna|en\s+fazla|en\s+çok|"
    r"менее|меньше|не\s+более|не\s+больше|как\s+максимум|максимум|чуть\s+менее|"
    r"و?(?:أقل\s+من|اقل\s+من|ما\s+يصل\s+إلى|ما\s+يصل\s+الى)"
)
# Arabic "at least" after the noun: "30 ضيفا على الأقل".
_TR_LOWER_AFTER = r"(?!(?i:en)\s)\S[^\n]*?\s(?:(?i:fazla|aşkın)|على\s+(?:الأقل|الاقل))"
# "30'a kadar", "5 yıla kadar": the dative of the figure or its noun and "kadar" is "up to" (a bare
# "30 kadar" is "about 30").
_TR_UPPER_AFTER = r"\S[^\n]*?[ae]\s+(?i:kadar)"
LOWER_BOUND = re.compile(rf"^(?:(?i:{_STRICT_LOWER})|{_TR_LOWER_AFTER})(?!\w)")
UPPER_BOUND = re.compile(rf"^(?:(?i:{_STRICT_UPPER})|{_TR_UPPER_AFTER})(?!\w)")
# Hedges that only bound from one side, which quantities_agree widens further on the open side: the
# bounds above, "gut 300"/"ruim 300" (a good 300: a little more), and figures approached from below
# ("fast 300", "nearly 300", "près de 300", "casi 300", "bijna 300").
_LOWER_BOUND_HEDGE = re.compile(rf"^(?:(?i:{_STRICT_LOWER}|gut|ruim)|{_TR_LOWER_AFTER})(?!\w)")
_UPPER_BOUND_HEDGE = re.compile(
    rf"^(?:(?i:{_STRICT_UPPER}|knapp|fast|beinahe|nahezu|an\s+die|nearly|almost|close\s+to|presque|près\s+de|"
    rf"casi|quasi|quase|bijna|krap|prawie|niemal|niemalże|blisko|neredeyse|почти)|\S[^\n]*?\s(?i:yakın)|{_TR_UPPER_AFTER})(?!\w)"
)


# "rund 2.500" / "about 150": a hedged round number (two significant digits at most) stands for
# the numbers that would be rounded to it; 10% covers rounding to two significant digits ("rund
# 2.500" for 2.380) without letting "rund 2.500" agree with 3.000. Set by hand, not measured.
_APPROXIMATE_TOLERANCE = 0.10
# "about 212": a hedged precise number stays close to itself; 3% lets "etwa 212" meet 206-218
# (the spread between outlets updating a count by a few) but not 230. Set by hand, not measured.
_PRECISE_HEDGE_TOLERANCE = 0.03
# "mehr als 300" / "fast 300": bounded on one side only; the open side reaches 25% further, since
# writers round down to the next round figure ("more than 300" for 370). Set by hand, not measured.
_ONE_SIDED_TOLERANCE = 0.25


def quantities_agree(a: Quantity, b: Quantity) -> bool | None:
    """Whether two quantities report the same amount; None when they count different things.

    Exact numbers must be equal; an approximate one may differ by about 10% (25% on the open side of
    "mehr als"/"fast"); ranges agree with whatever they overlap. Measures of one dimension in two
    units ("zehn Grad" and "50 degrees Fahrenheit", "24 miles" and "rund 40 Kilometer") are converted
    and agree within the rounding each writer used. A tally ("34 zu 12 Stimmen") agrees with the same
    tally, clashes with one that differs in one count only, and meets a single count that is one of its
    two ("34 votes"); nothing else about it is known.
    """
    key, other = unit_key(a.unit), unit_key(b.unit)
    if key is None or other is None:
        return None
    if key != other:
        return _converted_agree(a, _as_weight(a, key, other), b, _as_weight(b, other, key))
    if a.tally is not None or b.tally is not None:
        return _tallies_agree(a, b)
    return figures_meet(a, b)


def figures_meet(a: Quantity, b: Quantity) -> bool:
    """The one rule for two figures of one thing, whatever reads them (the counted values, ranges,
    parallel wording): a hedged or bounded figure is an interval, and two figures say the same when
    their intervals can meet. "around 20 to 24" meets "20 to 25", "etwa 200" meets 212, "mehr als 40"
    meets 43, "up to 30" meets 25; "exactly 40" and 43, or 40 and 43, do not. Two unhedged ranges
    ("500.000 bis 700.000") are figures given as such and meet only when both ends are equal."""
    if a.upper is not None and b.upper is not None and not (a.approximate or b.approximate):
        return a.value == b.value and a.upper == b.upper
    # a figure rounded by its scale word meets a closer one, not another rounded one ("nine" and
    # "eight million" differ)
    scaled = not (_rounded_by_scale(a) and _rounded_by_scale(b))
    low_a, high_a = _interval(a, scaled)
    low_b, high_b = _interval(b, scaled)
    return low_a <= high_b and low_b <= high_a


def _is_round(value: float) -> bool:
    """A number with at most two significant digits (150, 2500, 3000, 0.5): hedged, it stands for a
    range; a hedged precise number ("about 212") is still close to itself."""
    if value == 0 or not float(value).is_integer():
        return abs(value) < 10
    digits = str(int(abs(value))).rstrip("0")
    return len(digits) <= 2


# "four million people", "2 Milliarden Euro": a figure written with a scale word and one significant
# digit is a rounded figure even without a hedge, and gets the hedge's 10% ("four million" for 4.3
# million; "2.5 million" stays exact). From the tune-only conflict files of examples/gold-real.
_SCALE_WORD = re.compile(r"\b(?i:thousand|million|billion|tausend|millionen|milliarden?|mio|mrd)\b")


def _rounded_by_scale(quantity: Quantity) -> bool:
    value = quantity.value
    one_digit = float(value).is_integer() and len(str(int(abs(value))).rstrip("0")) == 1
    return one_digit and _SCALE_WORD.search(quantity.text) is not None


def _interval(quantity: Quantity, scaled: bool = True) -> tuple[float, float]:
    low = quantity.value
    high = quantity.upper if quantity.upper is not None else quantity.value
    if not quantity.approximate:
        if scaled and _rounded_by_scale(quantity):
            return low - abs(low) * _APPROXIMATE_TOLERANCE, high + abs(high) * _APPROXIMATE_TOLERANCE
        return low, high
    down = up = _APPROXIMATE_TOLERANCE if _is_round(quantity.value) else _PRECISE_HEDGE_TOLERANCE
    if _LOWER_BOUND_HEDGE.search(quantity.text):
        down, up = 0.0, _ONE_SIDED_TOLERANCE
    elif _UPPER_BOUND_HEDGE.search(quantity.text):
        down, up = _ONE_SIDED_TOLERANCE, 0.0
    return low - abs(low) * down, high + abs(high) * up


# Measures that writers round without a hedge: lengths of time, distances, heights, weights, speeds.
# "40 minutes" written for 42 is the same wait told roundly; counts of people or things, sums and
# shares are given as counted and are left out. Our own list of unit keys (``analyse.units``).
_ROUNDED_MEASURES = frozenset(
    {
        "second", "sekunde", "minute", "hour", "day", "week", "month", "year",
        "km", "mile", "m", "foot", "yard", "kg", "tonne", "mph", "km/h", "knot", "knoten",
    }
)  # fmt: skip


# Counts a report may tell roundly, as it tells a measure: "1,200 members" against "1,230 members" is
# one figure, told roundly by one outlet. From a hundred on, only of a named noun, and never a count of
# the dead, the injured or the displaced, nor a sum of money, which reports give exactly ("40 dead"
# against "42 dead" stays a clash). Our own rule (seventeenth session, lead), written from how reports
# round; the need was seen on the tune-only conflict files (examples/gold-real/tune-conflicts), whose
# gold calls such a pair a near-miss.
ROUNDED_COUNT_FROM = 100
_EXACT_COUNTS = frozenset({"dead", "injured", "displaced"}) | frozenset(
    unit_key(code) for code in CURRENCIES.values()
)


def rounded_alike(a: Quantity, b: Quantity) -> bool:
    """Whether one of two measures of one unit is the other told roundly ("40 minutes" / "42
    minutes"), or one of two counts of a hundred or more ("1,200 members" / "1,230 members"). Kept
    apart from ``quantities_agree``, which the link model reads too: it decides only whether two
    figures clash."""
    key = unit_key(a.unit)
    if key != unit_key(b.unit):
        return False
    if key is not None and key in _ROUNDED_MEASURES:
        return _rounds_to(a, b) or _rounds_to(b, a)
    if key is None or key in _EXACT_COUNTS:  # a bare number counts nothing named
        return False
    return any(r.value >= ROUNDED_COUNT_FROM and _rounds_to(r, e) for r, e in ((a, b), (b, a)))


def told_roundly(a: Quantity, b: Quantity) -> bool:
    """Whether one of two figures is an unhedged round figure the other rounds to ("3,000" /
    "3,040"), whatever they count (``rounded_alike`` decides this per counted thing for a clash)."""
    return _rounds_to(a, b) or _rounds_to(b, a)


def _rounds_to(rounded: Quantity, exact: Quantity) -> bool:
    """Whether ``rounded`` is an unhedged round figure (40, 1,200) that ``exact`` rounds to at its
    last non-zero digit: 42 and 44 round to 40 minutes, 45 does not; 1,230 metres rounds to 1,200. Set
    by hand from how rounding works, not measured."""
    if rounded.approximate or exact.approximate:
        return False
    if rounded.upper is not None or exact.upper is not None or not float(rounded.value).is_integer():
        return False
    value = int(rounded.value)
    step = 1
    while value and value % (step * 10) == 0:
        step *= 10
    return step >= 10 and exact.value % step != 0 and abs(exact.value - value) < step / 2


# Units of one dimension, each with its conversion to the dimension's base unit (exact definitions).
# A unit with two readings gets both: a bare "Grad"/"degrees" is Celsius or Fahrenheit, a "gallon" a
# US or an imperial one; two figures agree when any pair of readings does.
_Reading = tuple[str, Callable[[float], float]]


def _times(factor: float) -> Callable[[float], float]:
    return lambda value: value * factor


def _fahrenheit(value: float) -> float:
    return (value - 32) * 5 / 9


_CELSIUS: _Reading = ("temperature", _times(1.0))
_READINGS: dict[str, tuple[_Reading, ...]] = {
    "km": (("length", _times(1000.0)),),
    "m": (("length", _times(1.0)),),
    "cm": (("length", _times(0.01)),),
    "mm": (("length", _times(0.001)),),
    "mile": (("length", _times(1609.344)),),
    "foot": (("length", _times(0.3048)),),
    "kg": (("mass", _times(1.0)),),
    "g": (("mass", _times(0.001)),),
    "tonne": (("mass", _times(1000.0)),),
    "lb": (("mass", _times(0.45359237)),),
    "l": (("volume", _times(1.0)),),
    "gallon": (("volume", _times(3.785411784)), ("volume", _times(4.54609))),
    "°C": (_CELSIUS,),
    "°F": (("temperature", _fahrenheit),),
    "degree": (_CELSIUS, ("temperature", _fahrenheit)),
}
_METRIC = frozenset({"km", "m", "cm", "mm", "kg", "g", "tonne", "l", "°C"})
# The unit keys a measure can be converted from (the alignment proposes pairs of statements that give
# one measure in two of them: compare/align.py, evidence_candidates).
CONVERTIBLE_UNITS = frozenset(_READINGS)
# The rounding a writer used is half a step of the figure's last significant digit ("50" is 45-55,
# "24" 23.5-24.5, "2.5" 2.45-2.55), at most a tenth of the figure for round ones ("100 km" stays
# within 90-110) but never under half a step of its last digit. Our reading of how converted figures
# are rounded, not a measured value.
_ROUNDING_SHARE = 0.10


def _rounding(value: float) -> float:
    if value == 0:
        return 0.5
    text = f"{abs(value):.6f}".rstrip("0").rstrip(".")
    if "." in text:
        return 0.5 / 10.0 ** len(text.split(".")[1])
    zeros = len(text) - len(text.rstrip("0"))
    return max(0.5, min(0.5 * 10.0**zeros, _ROUNDING_SHARE * abs(value)))


def _written_interval(quantity: Quantity) -> tuple[float, float]:
    low, high = _interval(quantity)
    top = quantity.upper if quantity.upper is not None else quantity.value
    return low - _rounding(quantity.value), high + _rounding(top)


_POUND_WORD = re.compile(r"\b(?i:pounds?)\b")


def _as_weight(quantity: Quantity, key: str, other: str) -> str:
    """A figure in "pounds" (the word, not "£") beside kilograms is a weight: "220 pounds" is "lb" there."""
    weight = other in {"kg", "g", "tonne"} and "£" not in quantity.text and _POUND_WORD.search(quantity.text)
    return "lb" if key == "gbp" and weight else key


def _converted_agree(a: Quantity, key_a: str, b: Quantity, key_b: str) -> bool | None:
    """Two measures in units of one dimension, converted: None when they measure different things.
    Two metric units stay apart as before ("2 km" and "300 m" are rarely one figure told twice)."""
    if key_a in _METRIC and key_b in _METRIC:
        return None
    pairs = [(ra, rb) for ra in _READINGS.get(key_a, ()) for rb in _READINGS.get(key_b, ()) if ra[0] == rb[0]]
    if not pairs:
        return None
    low_a, high_a = _written_interval(a)
    low_b, high_b = _written_interval(b)
    for (_, to_base_a), (_, to_base_b) in pairs:
        ends_a = sorted((to_base_a(low_a), to_base_a(high_a)))
        ends_b = sorted((to_base_b(low_b), to_base_b(high_b)))
        if ends_a[0] <= ends_b[1] + 1e-9 and ends_b[0] <= ends_a[1] + 1e-9:
            return True
    return False


def _tallies_agree(a: Quantity, b: Quantity) -> bool | None:
    if a.tally is not None and b.tally is not None:
        if (a.value, a.tally) == (b.value, b.tally):
            return True
        return False if (a.value == b.value) != (a.tally == b.tally) else None
    pair, single = (a, b) if a.tally is not None else (b, a)
    if single.upper is not None or pair.tally is None:
        return None
    low, high = _interval(single)
    return True if any(low <= count <= high for count in (pair.value, pair.tally)) else None
