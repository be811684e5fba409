"""Clashes a reader sees in one slot of two statements, however else they are worded.

The conflict check (``compare.conflicts``) runs these on statements that are each other's best
match: a vote or score tally that differs in one count, one weekday in parts of the day that cannot
overlap, the left against the right side of one thing, and a figure after the same words. Every
check reads the statements in one typographic form (``typographic_form``): curly and straight
quotes and apostrophes, dashes and spaces are one character each, so offsets stay put.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from blickwinkel.analyse.numbers import DE_MONTHS, EN_MONTHS
from blickwinkel.compare.agreement import rounded_alike
from blickwinkel.model import Quantity, Statement
from blickwinkel.text.weekdays import weekday_numbers

__all__ = [
    "HEDGED_CLOCK_MINUTES",
    "LOCAL_CONTEXT_WORDS",
    "Found",
    "clock_conflict",
    "clock_times",
    "daypart_conflict",
    "figure_digits",
    "local_figure_conflict",
    "share_conflict",
    "share_pairs_clashing",
    "shares",
    "side_conflict",
    "spans_of",
    "tallies",
    "tally_conflict",
    "told_near_midnight_or_in_a_zone",
    "typographic_form",
    "weekday_conflict",
]

# Typographic variants that change no word, each mapped onto one character so offsets stay put.
_TYPOGRAPHY = str.maketrans(
    {
        "’": "'", "‘": "'", "‚": "'", "‛": "'", "`": "'", "´": "'", "‹": "'", "›": "'", "ʼ": "'",
        "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"',
        "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-", "‒": "-", "―": "-",
        "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ",
    }
)  # fmt: skip


def typographic_form(text: str) -> str:
    """``text`` with one form for each quote, apostrophe, dash and space; as long as ``text``."""
    return text.translate(_TYPOGRAPHY)


# Parts of a day that cannot overlap: "Monday morning" against "Monday afternoon" is a clash,
# "Sunday evening" against "Sunday night" is not (evening runs into night, night into early morning,
# afternoon into evening).
_DAYPART = {
    "morning": "morning", "morgen": "morning", "vormittag": "morning", "früh": "morning",
    "afternoon": "afternoon", "nachmittag": "afternoon",
    "evening": "evening", "abend": "evening",
    "night": "night", "nacht": "night",
}  # fmt: skip
_DISJOINT_DAYPARTS = frozenset(
    {
        frozenset({"morning", "afternoon"}),
        frozenset({"morning", "evening"}),
        frozenset({"afternoon", "night"}),
    }
)
# German and English weekday names, full, from the one table (text/weekdays.py).
_WEEKDAY_INDEX = {**weekday_numbers("de", "full"), **weekday_numbers("en", "full")}
_DAY_AT = re.compile(
    r"\b(?P<day>" + "|".join(sorted(_WEEKDAY_INDEX, key=len, reverse=True)) + r")"
    r"(?:\s+|-)?(?P<part>" + "|".join(sorted(_DAYPART, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Found:
    """A stretch of a statement that a check found, with offsets into the article."""

    text: str
    start: int
    end: int


class Placed(Protocol):
    """Anything that stands at offsets of its article: a quantity, a date, a name, a found stretch."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


def spans_of(x: Placed, y: Placed) -> tuple[tuple[int, int], tuple[int, int]]:
    """Where the two clashing values stand in their articles."""
    return ((x.start, x.end), (y.start, y.end))


def dayparts(s: Statement) -> dict[int, list[tuple[str, Found]]]:
    """The parts of a day each weekday is given in: "Monday morning", "Montagabend", "Montag früh"."""
    found: dict[int, list[tuple[str, Found]]] = {}
    for m in _DAY_AT.finditer(typographic_form(s.text)):
        day, part = _WEEKDAY_INDEX[m.group("day").lower()], _DAYPART[m.group("part").lower()]
        found.setdefault(day, []).append((part, Found(m.group(), s.start + m.start(), s.start + m.end())))
    return found


def daypart_conflict(a: Statement, b: Statement) -> tuple[Found, Found] | None:
    """One weekday, given in parts of the day that cannot overlap: "on Monday morning" against "on
    Monday afternoon". Each side must name that day in one part of it only."""
    pa, pb = dayparts(a), dayparts(b)
    for day in sorted(pa.keys() & pb.keys()):
        parts_a = {part for part, _ in pa[day]}
        parts_b = {part for part, _ in pb[day]}
        if len(parts_a) == 1 and len(parts_b) == 1 and frozenset(parts_a | parts_b) in _DISJOINT_DAYPARTS:
            return pa[day][0][1], pb[day][0][1]
    return None


# A weekday the event happened on: "on Wednesday", "killed Thursday", "am Montag", "Montagabend".
# Not a weekday that frames another moment: when something was said ("police said Monday", "sagte am
# Montag"; but "killed Sunday, police said" is the day of the killing), since or until when ("since
# Friday", "bis Montag"), or a week before or after.
_WEEKDAY_WORD = re.compile(
    r"\b(?P<day>" + "|".join(sorted(_WEEKDAY_INDEX, key=len, reverse=True)) + r")", re.IGNORECASE
)
_FRAMED_BEFORE = re.compile(
    r"\b(?:said|says|told|announced|reported|confirmed|added|sagte|sagten|teilte|teilten|erklärte|"
    r"berichtete|bestätigte|since|until|till|by|from|before|after|next|seit|bis|ab|vor|nach|kommenden|"
    r"nächsten|vergangenen|letzten)\s+(?:(?:on|am|last|this|dem|den|diesem)\s+)?$",
    re.IGNORECASE,
)


# A weekday right before a speech verb is when something was said ("on Wednesday said: …"); one
# followed by a month and day is a full date ("Saturday, June 14"), which the date check compares.
_FRAMED_AFTER = re.compile(
    r"\s*(?:said|says|told|announced|sagte|sagten|erklärte)\b|,?\s*(?:\d{1,2}\.?\s+)?(?:"
    + "|".join(sorted({re.escape(m.rstrip(".")) for m in DE_MONTHS | EN_MONTHS}, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
# The clause of a weekday ends at punctuation or a joining word; a future in it ("will be reopened
# on Sunday", "soll am Montag fahren") is a moment still to come, not the day of a past event; so is
# the day something was planned for ("das für Mittwoch geplante Konzert", inflected or not).
_CLAUSE_END = re.compile(
    r"[,;:()]|\s[-–—]\s|\b(?:when|while|who|which|after|before|als|wenn|nachdem|bevor)\b"
)
_FUTURE = re.compile(
    r"\b(?:will|shall|is\s+to|are\s+to|due\s+to|set\s+to|expected\s+to|scheduled|planned|wird|werden|"
    r"soll|sollen|(?:geplant|angesetzt|vorgesehen)(?:e[nmrs]?)?)\b",
    re.IGNORECASE,
)


def _clause(text: str, start: int, end: int) -> str:
    before = [m.end() for m in _CLAUSE_END.finditer(text, 0, start)]
    after = _CLAUSE_END.search(text, end)
    return text[before[-1] if before else 0 : after.start() if after else len(text)]


def weekdays(s: Statement) -> list[tuple[int, Found]]:
    """The weekdays a statement gives for a past event, as 0 (Monday) to 6, with where each stands."""
    text = typographic_form(s.text)
    out = []
    for m in _WEEKDAY_WORD.finditer(text):
        if not m.group()[0].isupper():
            continue  # "sonntags", a lowercase "friday" in a name: no date
        if _FRAMED_BEFORE.search(text[max(0, m.start() - 30) : m.start()]):
            continue
        if _FRAMED_AFTER.match(text, m.end()) or _FUTURE.search(_clause(text, m.start(), m.end())):
            continue
        found = Found(m.group(), s.start + m.start(), s.start + m.end())
        out.append((_WEEKDAY_INDEX[m.group("day").lower()], found))
    return out


def days_told(statements: Iterable[Statement]) -> frozenset[int]:
    """The weekdays of past events that ``statements`` give (``weekdays``), 0 (Monday) to 6."""
    return frozenset(day for s in statements for day, _ in weekdays(s))


# A moment told relative to another ("late last week", "three days earlier", "two days before",
# "gestern"): a statement
# that gives one beside its weekday speaks of two moments ("buses from the depot hit by the fire
# three days earlier ran late on Monday"), and which of them another outlet's weekday is about is not
# known. From the tune-only conflict files of examples/gold-real.
_OTHER_MOMENT = re.compile(
    r"\b(?:(?:last|previous|past)\s+(?:week|weekend)|(?:days?|weeks?)\s+(?:earlier|ago)|yesterday|"
    r"(?:\d+|one|two|three|four|five|six|seven|several|a\s+few)\s+(?:days?|weeks?)\s+before|"
    r"(?:vergangene|letzte|vorige)[nr]?\s+(?:Woche|Wochenende)|"
    r"vor\s+(?:\w+\s+)?(?:Tagen|Wochen)|(?:Tage|Wochen)\s+(?:zuvor|davor|vorher)|vorgestern|gestern)\b",
    re.IGNORECASE,
)


def weekday_conflict(a: Statement, b: Statement) -> tuple[Found, Found] | None:
    """One weekday on each side for the event of one fact, and not the same day: "crushed on
    Wednesday" against "crushed on Thursday". Each side must name one weekday only and no moment
    told relative to another (two days may be two moments), and two full dates that differ are left
    to the date check."""
    wa, wb = weekdays(a), weekdays(b)
    if len({d for d, _ in wa}) != 1 or len({d for d, _ in wb}) != 1 or wa[0][0] == wb[0][0]:
        return None
    if any(_OTHER_MOMENT.search(typographic_form(s.text)) for s in (a, b)):
        return None
    days_a = {d.value for d in a.dates if d.value and len(d.value) == 10}
    days_b = {d.value for d in b.dates if d.value and len(d.value) == 10}
    if days_a & days_b:
        return None  # the same full date named, the weekday is about another moment
    (day_a, found_a), (day_b, found_b) = wa[0], wb[0]
    if (day_a - day_b) % 7 in (1, 6) and (_near_midnight(a, found_a) or _near_midnight(b, found_b)):
        return None  # "early on Monday" and "Sunday night" may be one moment, told in two time zones
    return found_a, found_b


# Words that put a moment near midnight, where the next or the previous day may name it too.
_MIDNIGHT = re.compile(
    r"\b(?:night|overnight|early|late|midnight|nacht|früh|spät|mitternacht)", re.IGNORECASE
)


def _near_midnight(s: Statement, found: Found) -> bool:
    at = found.start - s.start
    around = typographic_form(s.text[max(0, at - 15) : at + len(found.text) + 10])
    return _MIDNIGHT.search(around) is not None


# A time zone named beside a moment: "2 Uhr MESZ", "1 a.m. GMT", "local time", "deutscher Zeit". Our own
# list of the zones and phrases news uses (chosen while reading unlabelled coverage, fifteenth session).
_TIME_ZONE = re.compile(
    r"\b(?:MEZ|MESZ|CET|CEST|GMT|UTC|BST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|PT|Ortszeit|"
    r"(?:local|German|Eastern|Central|Pacific|Mountain|British|European|Moscow|Beijing|Tokyo)\s+time|"
    r"(?:deutscher|mitteleuropäischer|MEZ|Moskauer|amerikanischer|US-Ostküsten|Ostküsten|unserer)\s+Zeit)\b"
)
# Clock times from 20:00 to 06:00 (minutes after midnight) may fall on the next or the previous day in
# another time zone. Set by hand.
NIGHT_FROM, NIGHT_UNTIL = 20 * 60, 6 * 60


def told_near_midnight_or_in_a_zone(s: Statement, day: Placed) -> bool:
    """Whether a day the statement names may be another day elsewhere: a time zone is named, a clock
    time falls in the night, or night words stand next to the day ("late on 22 October")."""
    text = typographic_form(s.text)
    at, end = day.start - s.start, day.end - s.start
    if _TIME_ZONE.search(text) or _MIDNIGHT.search(text[max(0, at - 15) : end + 10]):
        return True
    return any(minutes >= NIGHT_FROM or minutes < NIGHT_UNTIL for minutes, _ in clock_times(s))


# A side of the body or of a thing, followed by what it is the side of: "left wing", "rechten Vorderrad".
_SIDE = re.compile(
    r"\b(?P<side>left|right|link(?:e|er|es|en|em)|recht(?:e|er|es|en|em))\s+(?P<head>\w{3,})", re.IGNORECASE
)


def sides(s: Statement) -> list[tuple[str, str, Found]]:
    out = []
    for m in _SIDE.finditer(typographic_form(s.text)):
        side = "left" if m.group("side").lower().startswith(("left", "link")) else "right"
        found = Found(m.group(), s.start + m.start(), s.start + m.end())
        out.append((side, m.group("head").lower(), found))
    return out


def _same_head(x: str, y: str) -> bool:
    """One thing, maybe named more closely on one side: "wing" and "tailwing", "Rad" and "Vorderrad"."""
    return x == y or x.endswith(y) or y.endswith(x)


def side_conflict(a: Statement, b: Statement) -> tuple[Found, Found] | None:
    """The left side of a thing on one side, the right side of it on the other ("a dent in the left
    wing" against "in the right tailwing"), where neither statement also gives the other side."""
    sa, sb = sides(a), sides(b)

    def both_sides(given: list[tuple[str, str, Found]], head: str) -> bool:
        return {"left", "right"} <= {side for side, h, _ in given if _same_head(h, head)}

    for side_x, head_x, found_x in sa:
        for side_y, head_y, found_y in sb:
            if side_x == side_y or not _same_head(head_x, head_y):
                continue
            if not both_sides(sa, head_x) and not both_sides(sb, head_y):
                return found_x, found_y
    return None


# A tally of two numbers, the larger first: votes ("31 zu 18 Stimmen", "voted 31-17"), a score
# ("won 3:1"). A rising pair is a range ("aged 8 to 12") and a clock time is no tally.
_TALLY = re.compile(
    r"(?<![\d.,'])(?P<x>\d{1,4})\s*(?:-|:|zu|to|gegen)\s*(?P<y>\d{1,4})"
    r"(?!\d|[.,']\d|\s*(?:Uhr|h\b|a\.m|p\.m))",
    re.IGNORECASE,
)


# A vote given as its two sides: "31 Ratsmitglieder stimmten dafür, 18 dagegen", "31 for, 18 against".
_FOR_AGAINST = re.compile(
    r"(?<![\d.,'])(?P<x>\d{1,4})\b[^\d.;]{0,40}?\b(?:dafür|in\s+favou?r|for)\b[,;]?\s*(?P<y>\d{1,4})\s+"
    r"(?:dagegen|against)\b",
    re.IGNORECASE,
)


def tallies(s: Statement) -> list[tuple[int, int, Found]]:
    text = typographic_form(s.text)
    out = []
    for m in _TALLY.finditer(text):
        x, y = int(m.group("x")), int(m.group("y"))
        clock = ":" in m.group() and len(m.group("y")) == 2  # "um 21:15", "at 11:05"
        if x >= y and not clock:
            out.append((x, y, Found(m.group(), s.start + m.start(), s.start + m.end())))
    for m in _FOR_AGAINST.finditer(text):
        out.append(
            (int(m.group("x")), int(m.group("y")), Found(m.group(), s.start + m.start(), s.start + m.end()))
        )
    return out


def tally_conflict(a: Statement, b: Statement) -> tuple[Found, Found] | None:
    """One tally on each side that agrees in one number and not in the other: "31 zu 18 Stimmen"
    against "voted 31-17"."""
    ta, tb = tallies(a), tallies(b)
    if len(ta) != 1 or len(tb) != 1:
        return None
    (xa, ya, fa), (xb, yb, fb) = ta[0], tb[0]
    if (xa == xb) != (ya == yb):
        return fa, fb
    return None


# A share given with the count it stands for: "1,4 Millionen Menschen, oder 18 Prozent", "18 percent,
# or 1.4 million people", "2,5 Prozent (86.000)". Between the two stand at most a few words and no
# other figure or clause end. Set by hand from how a share is written, not measured.
SHARE_MAX_GAP_WORDS = 3
_SHARE_GAP = re.compile(r"^[^\d.;:!?]*$")


@dataclass(frozen=True)
class Share:
    """A count and the share of a whole it makes, as one stretch of a statement."""

    count: Quantity
    percent: Quantity
    found: Found


def _is_percent(q: Quantity) -> bool:
    return q.unit == "%" and q.upper is None and q.tally is None


def shares(s: Statement) -> list[Share]:
    """Each share of ``s`` with the count next to it (the nearer one when a count stands on both
    sides); a count is read with one share at most."""
    qs = sorted(s.quantities, key=lambda q: q.start)
    out: list[Share] = []
    used: set[int] = set()
    for i, p in enumerate(qs):
        if not _is_percent(p):
            continue
        best: tuple[int, Quantity] | None = None
        for j in (i - 1, i + 1):
            if not 0 <= j < len(qs) or j in used or _is_percent(qs[j]) or qs[j].upper is not None:
                continue
            q = qs[j]
            left, right = (q, p) if j < i else (p, q)
            gap = s.text[left.end - s.start : right.start - s.start]
            if not _SHARE_GAP.match(gap) or len(gap.split()) > SHARE_MAX_GAP_WORDS:
                continue
            if best is None or len(gap) < best[0]:
                best = (len(gap), q)
        if best is not None:
            q = best[1]
            used.add(qs.index(q))
            start, end = min(p.start, q.start), max(p.end, q.end)
            if (
                s.text[end - s.start : end - s.start + 1] == ")"
                and "(" in s.text[start - s.start : end - s.start]
            ):
                end += 1  # "2,5 Prozent (86.000)": the bracket closed, as the reader sees it
            out.append(Share(q, p, Found(s.text[start - s.start : end - s.start], start, end)))
    return out


def _precise(q: Quantity) -> bool:
    """A figure precise enough to tie two statements to one group: written with a decimal fraction
    ("1,4 Millionen", "2,5 Prozent") or with three significant digits or more ("86.000")."""
    if q.approximate:
        return False
    digits = re.sub(r"\D", "", f"{q.value:.6g}".split("e")[0]).strip("0")
    fraction = re.search(r"\d[.,]\d{1,2}(?!\d)", q.text) is not None
    return fraction or len(digits) >= 3


def _shares_differ(x: Quantity, y: Quantity) -> bool:
    """Two shares of one group that no rounding makes one: 31 and 32 per cent differ, 24,5 and 24 or
    25 do not."""
    if x.approximate or y.approximate or x.value == y.value:
        return False
    whole = [v for v in (x.value, y.value) if float(v).is_integer()]
    if len(whole) == 1:
        other = y.value if whole[0] == x.value else x.value
        return whole[0] not in (float(int(other)), float(int(other)) + 1)
    return True


def _counts_differ(x: Quantity, y: Quantity) -> bool:
    if x.approximate or y.approximate:
        return False
    return abs(x.value - y.value) > 0.02 * max(x.value, y.value) and not rounded_alike(x, y)


def share_pairs_clashing(a: Statement, b: Statement) -> list[tuple[Share, Share, bool]]:
    """Each count with its share in ``a`` and in ``b`` that agree in a precise figure (``_precise``)
    and not in the other, with whether the count is the figure they agree in."""
    found = []
    for x in shares(a):
        for y in shares(b):
            if _precise(x.count) and x.count.value == y.count.value and not y.count.approximate:
                if _shares_differ(x.percent, y.percent):
                    found.append((x, y, True))
            elif (
                _precise(x.percent)
                and x.percent.value == y.percent.value
                and not y.percent.approximate
                and _counts_differ(x.count, y.count)
            ):
                found.append((x, y, False))
    return found


def share_conflict(
    a: Statement, b: Statement, others: Sequence[Statement] = ()
) -> tuple[Share, Share, bool] | None:
    """A count and its share that agree in one figure and not in the other: "18 Prozent, also 1,4
    Millionen" against "1,4 Millionen Menschen, oder 19 Prozent", or the same share of two counts. The
    precise figure both give alike ties the two to one group, unless either article gives it in two
    shares (two groups of one size) or gives the other's differing figure in a share of its own
    (``others``: the rest of the two articles' statements); with two clashing pairs the group is not
    known, and nothing is said. Gives the two shares and whether the count is what they agree in."""
    found = share_pairs_clashing(a, b)
    if len(found) != 1:
        return None
    x, y, by_count = found[0]
    every = {s.id: s for s in (a, b, *others)}.values()
    mine = [z for s in every if s.article == a.article for z in shares(s)]
    theirs = [z for s in every if s.article == b.article for z in shares(s)]

    def tie(z: Share) -> float:
        return z.count.value if by_count else z.percent.value

    def other(z: Share) -> float:
        return z.percent.value if by_count else z.count.value

    if sum(tie(z) == tie(x) for z in mine) > 1 or sum(tie(z) == tie(y) for z in theirs) > 1:
        return None
    if any(other(z) == other(x) for z in theirs) or any(other(z) == other(y) for z in mine):
        return None
    return x, y, by_count


# A figure written with its group marks, brackets and dashes ("(0351) 417-2280", "22'050", "1 234,5"):
# read as one figure, so that two ways of writing one phone number or amount compare equal.
_FIGURE = re.compile(r"\(?\d[\d()' .,/-]*\d|\d")
# Words right before a figure that must be the same on both sides for it to fill one slot: the
# clause "Crime Line at (0351) 417-2280" against "Crime Line at 0351-471-2280".
LOCAL_CONTEXT_WORDS = 3
_FIGURE_OR_WORD = re.compile(r"(?P<figure>" + _FIGURE.pattern + r")|(?P<word>[^\W\d]\w*)")


@dataclass(frozen=True)
class _Figure:
    digits: str
    context: tuple[str, ...]
    found: Found

    @property
    def groups(self) -> tuple[str, ...]:
        """The runs of digits: "(0351) 417-2280" is ("0351", "417", "2280")."""
        return tuple(re.findall(r"\d+", self.found.text))


def figure_digits(s: Statement) -> set[str]:
    """The digits of every figure the statement gives, group marks left out: "£45,000" is "45000"."""
    return {re.sub(r"\D", "", m.group()) for m in _FIGURE.finditer(typographic_form(s.text))}


def _unpadded(runs: Iterable[str]) -> set[str]:
    """Runs of digits without leading zeros: "Jan. 01" gives the day "Jan. 1" gives."""
    return {run.lstrip("0") or "0" for run in runs}


def _numbers(s: Statement) -> set[str]:
    return _unpadded(re.findall(r"\d+", s.text))


def _same_figure(x: _Figure, a: Statement, y: _Figure, b: Statement) -> bool:
    """Two ways of writing what one figure says: the same numbers in another order ("June 14, 2025"
    and "14 June 2025", where the words before each are the same), or one a closer form of the other
    after a dash or slash ("320-400" is a kind of "320")."""
    if _unpadded(x.groups) <= _numbers(b) and _unpadded(y.groups) <= _numbers(a):
        return True
    qx, qy = _quantity_at(x, a), _quantity_at(y, b)
    if qx is not None and qy is not None and rounded_alike(qx, qy):
        return True  # "40 minutes" told for "42 minutes"
    short, long = sorted((x, y), key=lambda f: len(f.groups))
    n = len(short.groups)
    if long.groups[:n] != short.groups:
        return False
    rest = long.found.text[len(short.found.text) :]
    return long.found.text.startswith(short.found.text) and rest[:1] in ("-", "/")


def _quantity_at(f: _Figure, s: Statement) -> Quantity | None:
    return next((q for q in s.quantities if q.start <= f.found.start < q.end), None)


def figures(s: Statement) -> list[_Figure]:
    """Each figure of the statement with the words right before it, in one pass over the text."""
    text = typographic_form(s.text)
    out = []
    before: deque[str] = deque(maxlen=LOCAL_CONTEXT_WORDS)
    words = 0
    for m in _FIGURE_OR_WORD.finditer(text):
        if m.group("word"):
            before.append(m.group())
            words += 1
            continue
        context = list(before)
        # a capitalised word that does not open the statement: a name in English, a noun in German
        inner = context if words > LOCAL_CONTEXT_WORDS else context[1:]
        if len(context) < LOCAL_CONTEXT_WORDS or not any(w[0].isupper() for w in inner):
            continue
        figure = m.group().strip(" .,/-")
        start = s.start + m.start() + m.group().index(figure)
        found = Found(figure, start, start + len(figure))
        out.append(_Figure(re.sub(r"\D", "", figure), tuple(w.lower() for w in context), found))
    return out


def local_figure_conflict(a: Statement, b: Statement) -> tuple[Found, Found] | None:
    """A figure after the same three words, one of them a name, that differs: "call the Lindenau
    Crime Line at (0351) 417-2280" against "a tip with the Lindenau Crime Line at
    0351-471-2280". The rest of the two statements may be worded apart; the words before the
    figure say it fills one slot. A figure the other statement also gives is no clash."""
    fa, fb = figures(a), figures(b)
    digits_a, digits_b = {f.digits for f in fa}, {f.digits for f in fb}
    numbers_a, numbers_b = _numbers(a), _numbers(b)
    by_context: dict[tuple[str, ...], list[_Figure]] = {}
    for y in fb:
        # a figure the other statement gives too, after whatever words ("elected head in 2006")
        if y.digits not in digits_a and not _unpadded(y.groups) <= numbers_a:
            by_context.setdefault(y.context, []).append(y)
    for x in fa:
        if x.digits in digits_b or _unpadded(x.groups) <= numbers_b:
            continue
        partners = [y for y in by_context.get(x.context, ()) if not _same_figure(x, a, y, b)]
        if partners:
            return x.found, partners[0].found
    return None


# A clock time: "3 a.m.", "4:15 p.m.", "11am", "19 Uhr", "22.10 Uhr"; "am" and "pm" only written onto
# the figure, since "5 am Montag" is German.
_CLOCK = re.compile(
    r"(?<![\d.,:])(?P<h>\d{1,2})(?:[:.](?P<m>[0-5]\d))?"
    r"(?:\s*(?P<at>a\.\s?m\.?|p\.\s?m\.?|Uhr\b)|(?P<bare>am|pm)\b)",
    re.IGNORECASE,
)


def clock_times(s: Statement) -> list[tuple[int, Found]]:
    """The clock times a statement gives, as minutes after midnight: "3 a.m." is 180, "19 Uhr" 1140."""
    out = []
    for m in _CLOCK.finditer(typographic_form(s.text)):
        hour, minute, at = (
            int(m.group("h")),
            int(m.group("m") or 0),
            (m.group("at") or m.group("bare")).lower(),
        )
        if hour > 24 or (at[0] in "ap" and not 1 <= hour <= 12):
            continue
        if at[0] == "p" and hour < 12:
            hour += 12
        elif at[0] == "a" and hour == 12:
            hour = 0
        out.append((hour * 60 + minute, Found(m.group(), s.start + m.start(), s.start + m.end())))
    return out


# Two clock times of which one is hedged ("around 5 a.m.", "gegen 19 Uhr") agree within this many
# minutes; set by hand (a hedged time is rounded to the half hour at most).
HEDGED_CLOCK_MINUTES = 30
# One-word hedges before a time or figure ("around", "gegen"); slots.py leaves them out of a
# statement's content words too.
HEDGE_WORDS = ("around", "about", "approximately", "roughly", "gegen", "etwa", "rund", "circa")
_CLOCK_HEDGE = re.compile(
    r"\b(?:" + "|".join(HEDGE_WORDS) + r"|shortly\s+(?:before|after)|just\s+(?:before|after)|"
    r"ca\.|kurz\s+(?:vor|nach))\s+$",
    re.IGNORECASE,
)


def _hedged_clock(s: Statement, found: Found) -> bool:
    before = typographic_form(s.text[max(0, found.start - s.start - 20) : found.start - s.start])
    return _CLOCK_HEDGE.search(before) is not None


def clock_conflict(a: Statement, b: Statement) -> tuple[Found, Found] | None:
    """One clock time on each side that differ: "legte gegen 6 Uhr am Steg ab" against "legte gegen
    8 Uhr am Steg ab"; a hedged time agrees within ``HEDGED_CLOCK_MINUTES``, and two days named by
    full dates that differ are two events."""
    times_a, times_b = clock_times(a), clock_times(b)
    if len(times_a) != 1 or len(times_b) != 1:
        return None
    (ma, fa), (mb, fb) = times_a[0], times_b[0]
    hedged = _hedged_clock(a, fa) or _hedged_clock(b, fb)
    if ma == mb or (hedged and abs(ma - mb) <= HEDGED_CLOCK_MINUTES):
        return None
    days_a = {d.value for d in a.dates if d.value and len(d.value) == 10}
    days_b = {d.value for d in b.dates if d.value and len(d.value) == 10}
    if days_a and days_b and not days_a & days_b:
        return None
    return fa, fb
