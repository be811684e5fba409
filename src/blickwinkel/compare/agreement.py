"""Whether two quantities report the same amount: the rule the comparison uses for number conflicts.

Parsing numbers and units is analysis (``analyse.numbers``, ``analyse.units``); deciding when two
numbers say the same is comparison, so it lives here. None of the tolerances below was fitted on a
data set: they are set by hand from how news writing hedges, and the examples in
``tests/unit/test_quantities.py`` pin their effect.
"""

from __future__ import annotations

import re

from blickwinkel.analyse.units import unit_key
from blickwinkel.model import Quantity

__all__ = ["quantities_agree", "rounded_alike"]

# Hedges that only bound from one side; quantities_agree widens that side further.
_LOWER_BOUND_HEDGE = re.compile(
    r"^(?i:mehr\s+als|weit|über|mindestens|wenigstens|gut|more\s+than|well\s+over|just\s+over|over|"
    r"at\s+least|upwards\s+of)\b"
)
_UPPER_BOUND_HEDGE = re.compile(
    r"^(?i:knapp|fast|beinahe|nahezu|an\s+die|bis\s+zu|weniger\s+als|unter|höchstens|maximal|nearly|almost|"
    r"up\s+to|fewer\s+than|less\s+than|as\s+many\s+as|close\s+to|just\s+under|under|at\s+most)\b"
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
    "mehr als"/"fast"); ranges agree with whatever they overlap.
    """
    key = unit_key(a.unit)
    if key is None or key != unit_key(b.unit):
        return None
    if a.upper is not None and b.upper is not None and not (a.approximate or b.approximate):
        # Two exact ranges ("500.000 bis 700.000") agree only when both ends do.
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


def rounded_alike(a: Quantity, b: Quantity) -> bool:
    """Whether one of two measures of one unit is the other told roundly ("40 minutes" / "42
    minutes"). Kept apart from ``quantities_agree``, which the link model reads too: it decides only
    whether two figures clash."""
    key = unit_key(a.unit)
    return key is not None and key == unit_key(b.unit) and (_rounds_to(a, b) or _rounds_to(b, a))


def _rounds_to(rounded: Quantity, exact: Quantity) -> bool:
    """Whether ``rounded`` is an unhedged round measure (40, 1,200) that ``exact`` rounds to at its
    last non-zero digit: 42 and 44 round to 40 minutes, 45 does not; 1,230 metres rounds to 1,200. Set
    by hand from how rounding works, not measured."""
    if unit_key(rounded.unit) not in _ROUNDED_MEASURES or rounded.approximate or exact.approximate:
        return False
    if rounded.upper is not None or exact.upper is not None or not float(rounded.value).is_integer():
        return False
    value = int(rounded.value)
    step = 1
    while value and value % (step * 10) == 0:
        step *= 10
    return step >= 10 and exact.value % step != 0 and abs(exact.value - value) < step / 2
