"""Contradictions inside one fact: the same counted thing with different numbers, different dates.

Every wording check first maps typographic variants onto one form (curly and straight quotes and
apostrophes, dashes, spaces): two copies of one quote that differ only in ’ and ' say the same.
Two statements in otherwise parallel wording (most tokens the same, in the same order) are compared
token by token: a number, a weekday, a month, a name or a negation that differs in the same place
is a conflict, whether or not the analysis recognised a counted noun; a name conflict needs that
parallel place, so the two names fill the same role.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from typing import Protocol

from blickwinkel.analyse.numbers import DE_MONTHS, EN_MONTHS, WEEKDAYS, parse_numeric
from blickwinkel.analyse.units import unit_key
from blickwinkel.compare.agreement import quantities_agree
from blickwinkel.compare.similarity import ScoreParts
from blickwinkel.model import Conflict, DateMention, Fact, Link, Mention, Quantity, Statement

# A conflict needs the same fact, not merely the same topic: numbers and dates are compared only
# between strongly aligned statements whose names do not clash; the other kinds check the wording
# themselves (the same words but for a name, a speaker or a negation).
CONFLICT_MIN_SCORE = 0.55


def _within(q: Quantity | DateMention | Mention, span: tuple[int, int] | None) -> bool:
    return span is None or (q.start >= span[0] and q.end <= span[1])


def _quantity_conflict(
    a: Statement, b: Statement, span_a: tuple[int, int] | None, span_b: tuple[int, int] | None
) -> tuple[Quantity, Quantity] | None:
    """A pair of quantities of the same counted thing that disagree, inside the parts of the two
    statements that matched. Quantities that find an agreeing partner on the other side are paired
    off first: "1.000 oder 5.000 Euro" against "1.000 oder 6.000 Euro" clashes on 5.000 vs 6.000.
    Of several clashing pairs the closest is the one that reports the same figure ("from $238 to
    $2,075" against "$2,025" clashes on $2,075 vs $2,025)."""
    qas = [_bounded_by_context(q, a) for q in a.quantities if _within(q, span_a)]
    qbs = [_bounded_by_context(q, b) for q in b.quantities if _within(q, span_b)]
    open_a = [qa for qa in qas if not any(quantities_agree(qa, qb) is True for qb in qbs)]
    open_b = [qb for qb in qbs if not any(quantities_agree(qa, qb) is True for qa in qas)]
    clashes = [
        (qa, qb)
        for qa in open_a
        for qb in open_b
        if quantities_agree(qa, qb) is False and not _bounds_in_one_direction(qa, qb)
    ]
    if not clashes:
        return None
    return min(clashes, key=lambda pair: _relative_gap(pair[0].value, pair[1].value))


def _relative_gap(x: float, y: float) -> float:
    return abs(x - y) / max(abs(x), abs(y), 1e-9)


# A number the reader leaves unhedged but the sentence bounds: "was past $2,000", "topped 500".
_CONTEXT_LOWER_BOUND = re.compile(
    r"\b(?:past|above|beyond|topped|topping|exceeded|exceeding)\s+$", re.IGNORECASE
)
_CONTEXT_WINDOW = 20


def _bounded_by_context(q: Quantity, s: Statement) -> Quantity:
    """``q`` read as a lower bound ("more than …") when the words before it make it one."""
    offset = q.start - s.start
    before = typographic_form(s.text[max(0, offset - _CONTEXT_WINDOW) : max(0, offset)])
    if q.approximate or not _CONTEXT_LOWER_BOUND.search(before):
        return q
    return replace(q, text=f"more than {q.text}", approximate=True)


def _bounds_in_one_direction(qa: Quantity, qb: Quantity) -> bool:
    """Two bounds on the same side never contradict: "more than 63,000" and "more than 83,000" can
    both be true, and so can "fewer than 10" and "fewer than 20"."""
    lower = [bool(_LOWER_BOUND.search(q.text)) for q in (qa, qb)]
    upper = [bool(_UPPER_BOUND.search(q.text)) for q in (qa, qb)]
    return all(lower) or all(upper)


_LOWER_BOUND = re.compile(
    r"^(?i:mehr\s+als|weit\s+mehr\s+als|weit\s+über|über|mindestens|wenigstens|more\s+than|well\s+over|"
    r"just\s+over|over|at\s+least|upwards\s+of)\b"
)
_UPPER_BOUND = re.compile(
    r"^(?i:bis\s+zu|weniger\s+als|unter|höchstens|maximal|up\s+to|fewer\s+than|less\s+than|as\s+many\s+as|"
    r"at\s+most|just\s+under|under)\b"
)


def _stated_elsewhere(
    q: Quantity, article: str, fact: Fact, statements: Mapping[str, Statement], besides: str | None = None
) -> bool:
    """Whether ``article`` also states a number that agrees with ``q`` in this fact: an article does not
    contradict a number it states itself, so its other number is about something else. ``besides``
    leaves out a statement whose changed number was found in place by parallel wording: a list
    ("Artikel 2 …, Artikel 8 …") may repeat a number elsewhere in the same sentence."""
    for sid in fact.statements:
        s = statements[sid]
        if sid == besides:
            continue
        if s.article == article and any(quantities_agree(q, other) is True for other in s.quantities):
            return True
    return False


def _date_conflict(
    a: Statement, b: Statement, span_a: tuple[int, int] | None, span_b: tuple[int, int] | None
) -> tuple[DateMention, DateMention] | None:
    """Two full dates (YYYY-MM-DD) for the event of one fact that differ and none that agree."""
    da = {d.value: d for d in a.dates if d.value and len(d.value) == 10 and _within(d, span_a)}
    db = {d.value: d for d in b.dates if d.value and len(d.value) == 10 and _within(d, span_b)}
    # Dates both sides give are paired off first ("am Samstag und Sonntag" against "am Dienstag und
    # Sonntag" clashes on Saturday vs Tuesday); a date only one side gives is no contradiction.
    open_a, open_b = sorted(set(da) - set(db)), sorted(set(db) - set(da))
    if not open_a or not open_b:
        return None
    return (da[open_a[0]], db[open_b[0]])


_NEGATION = re.compile(
    r"\b(nicht|kein|keine|keinen|keinem|keiner|keines|nie|niemals|nichts|weder|not|no|never|none|"
    r"neither|nobody|nothing)\b|n't\b",
    re.IGNORECASE,
)
# Two statements that differ only in a name or a negation are near-identical in wording.
SAME_WORDING_MIN_CHARS = 0.6
NEGATION_MIN_CHARS = 0.7

Span = tuple[int, int] | None


def _negations(s: Statement, span: Span) -> int:
    return len(_NEGATION.findall(typographic_form(_span_text(s, span))))


# Typographic variants that change no word, each mapped onto one character so offsets stay put.
_TYPOGRAPHY = str.maketrans(
    {
        "’": "'", "‘": "'", "‚": "'", "‛": "'", "`": "'", "´": "'", "‹": "'", "›": "'",
        "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"',
        "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-",
        "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ",
    }
)  # fmt: skip


def typographic_form(text: str) -> str:
    """``text`` with one form for each quote, apostrophe, dash and space; as long as ``text``."""
    return text.translate(_TYPOGRAPHY)


# Tokens of the parallel-wording check: numbers with their group and decimal marks ("22'050",
# "1 234,5"), words with inner apostrophes ("don't"), and single punctuation marks.
_TOKEN = re.compile(r"\d{1,3}(?:[.,' ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?|\w+(?:'\w+)*|[^\w\s]")
# Share of the longer statement's tokens that must match in order for two statements to count as
# the same wording with a few things changed. Set by hand (half the words or more would be a new
# sentence), then checked on part A of bench/perturb.py only.
PARALLEL_MAX_TOKENS = 400
"""Longer statements (no reader compares 400 words token by token; machine-made text such as markup
read as plain text) are never judged parallel: SequenceMatcher took minutes on pairs of them."""
PARALLEL_MIN_SHARE = 0.6
# A changed stretch longer than this many tokens on a side is a rewording, not a changed value.
PARALLEL_MAX_HUNK = 4
_WEEKDAY_WORDS = WEEKDAYS
_MONTH_WORDS = frozenset(m.rstrip(".") for m in DE_MONTHS | EN_MONTHS)


@dataclass(frozen=True)
class _Token:
    text: str
    key: str
    start: int  # offsets into the article
    end: int


def _tokens(s: Statement, span: Span, limit: int) -> list[_Token]:
    """The tokens of the span, at most ``limit + 1`` (enough to tell the span is too long)."""
    base = span[0] if span else s.start
    text = typographic_form(_span_text(s, span))
    return [
        _Token(m.group(), m.group().lower(), base + m.start(), base + m.end())
        for m in itertools.islice(_TOKEN.finditer(text), limit + 1)
    ]


Hunk = tuple[list[_Token], list[_Token]]


def _parallel(a: Statement, b: Statement, span_a: Span, span_b: Span) -> list[Hunk] | None:
    """The stretches where two statements in parallel wording differ ([] for the same wording), or
    None when the wording is not parallel."""
    ta, tb = _tokens(a, span_a, PARALLEL_MAX_TOKENS), _tokens(b, span_b, PARALLEL_MAX_TOKENS)
    if not ta or not tb or max(len(ta), len(tb)) > PARALLEL_MAX_TOKENS:
        return None
    # The shared multiset of tokens bounds what the matcher can find; checking it first is exact and
    # spares the matcher, whose time grows with the product of the lengths, on unrelated statements.
    shared = sum((Counter(t.key for t in ta) & Counter(t.key for t in tb)).values())
    if shared < PARALLEL_MIN_SHARE * max(len(ta), len(tb)):
        return None
    matcher = SequenceMatcher(None, [t.key for t in ta], [t.key for t in tb], autojunk=False)
    same = sum(block.size for block in matcher.get_matching_blocks())
    if same < PARALLEL_MIN_SHARE * max(len(ta), len(tb)):
        return None
    return [(ta[i1:i2], tb[j1:j2]) for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal"]


def _number_value(token: _Token, language: str | None) -> float | None:
    if not token.text[0].isdigit():
        return None
    return parse_numeric(token.text, "." if language == "en" else ",")


def _covering(quantities: Sequence[Quantity], token: _Token) -> Quantity | None:
    return next((q for q in quantities if q.start <= token.start and token.end <= q.end), None)


def _parallel_number(a: Statement, b: Statement, hunks: Sequence[Hunk]) -> tuple[Quantity, Quantity] | None:
    """A number that differs in the same place of parallel wording: "reached 548 on Monday" against
    "reached 1644 on Monday". Hedged quantities keep their tolerance ("rund 2.500" / "rund 2.400")."""
    for xs, ys in hunks:
        nx = [(t, v) for t in xs if (v := _number_value(t, a.language)) is not None]
        ny = [(t, v) for t in ys if (v := _number_value(t, b.language)) is not None]
        if len(nx) != 1 or len(ny) != 1 or nx[0][1] == ny[0][1]:
            continue
        (tx, vx), (ty, vy) = nx[0], ny[0]
        qa, qb = _covering(a.quantities, tx), _covering(b.quantities, ty)
        qa = _bounded_by_context(qa, a) if qa is not None else None
        qb = _bounded_by_context(qb, b) if qb is not None else None
        # Hedged single numbers keep their tolerance; a range with one end changed is another figure.
        single = qa is not None and qb is not None and qa.upper is None and qb.upper is None
        if single and qa is not None and qb is not None and quantities_agree(qa, qb) is True:
            continue
        qa = qa or Quantity(tx.text, tx.start, tx.end, vx)
        qb = qb or Quantity(ty.text, ty.start, ty.end, vy)
        return qa, qb
    return None


def _parallel_date_word(hunks: Sequence[Hunk]) -> tuple[_Token, _Token] | None:
    """A weekday or month word that differs in the same place: "am Montag" against "am Sonntag"."""
    for xs, ys in hunks:
        for words in (_WEEKDAY_WORDS, _MONTH_WORDS):
            wx = [t for t in xs if t.key in words and t.text[0].isupper()]
            wy = [t for t in ys if t.key in words and t.text[0].isupper()]
            if len(wx) == 1 and len(wy) == 1 and wx[0].key != wy[0].key:
                return wx[0], wy[0]
    return None


def _parallel_negation(hunks: Sequence[Hunk]) -> Hunk | None:
    """The stretch where parallel wording differs by a negation on one side only."""
    for xs, ys in hunks:
        nx = any(_NEGATION.fullmatch(t.key) or t.key.endswith("n't") for t in xs)
        ny = any(_NEGATION.fullmatch(t.key) or t.key.endswith("n't") for t in ys)
        if nx != ny:
            return xs, ys
    return None


@dataclass(frozen=True)
class _Named:
    """A name read as a run of capitalised tokens where the recogniser found none."""

    text: str
    start: int
    end: int


def _run(tokens: Sequence[_Token], s: Statement) -> _Named:
    start, end = tokens[0].start, tokens[-1].end
    return _Named(s.text[start - s.start : end - s.start], start, end)


def _span_text(s: Statement, span: Span) -> str:
    return s.text[span[0] - s.start : span[1] - s.start] if span else s.text


def _negation_conflict(
    a: Statement, b: Statement, span_a: Span, span_b: Span, part: ScoreParts
) -> str | None:
    """One says "hat … nicht", the other says it did: the same wording at about the same length,
    with a negation on one side only."""
    la, lb = len(_span_text(a, span_a)), len(_span_text(b, span_b))
    if part.chars < NEGATION_MIN_CHARS or not 0.75 <= la / max(1, lb) <= 1.33:
        return None
    na, nb = _negations(a, span_a), _negations(b, span_b)
    if (na == 0) == (nb == 0):
        return None
    said_a = "did not" if na else "did"
    said_b = "did not" if nb else "did"
    return f"negation: {a.article} says it {said_a} happen, {b.article} that it {said_b}"


def _names(s: Statement, span: Span, types: frozenset[str]) -> dict[str, Mention]:
    return {m.key: m for m in s.entities if m.type in types and _within(m, span)}


def _actor_conflict(
    a: Statement, b: Statement, hunks: Sequence[Hunk]
) -> tuple[str, Mention | _Named, Mention | _Named] | None:
    """A different person, organisation or place in the same place of parallel wording: "Die Stadt
    sperrte …" against "Das Landesamt sperrte …". The two names must fill one role, so they must
    stand in one short changed stretch; "left parliament" against "appears on a show abroad" is no
    place conflict. A name the other statement also contains as text (the recogniser missed it
    there) is no clash."""
    every = frozenset({"PER", "ORG", "LOC"})
    for xs, ys in hunks:
        if not xs or not ys or len(xs) > PARALLEL_MAX_HUNK or len(ys) > PARALLEL_MAX_HUNK:
            continue
        # The recogniser may type the same slot differently ("Milan Brodtke" as a place), so any
        # two names that fill the same slot clash; the kind follows the types.
        ex = [
            m
            for m in a.entities
            if m.type in every and m.start < xs[-1].end and m.end > xs[0].start and not _compass(m.text)
        ]
        ey = [
            m
            for m in b.entities
            if m.type in every and m.start < ys[-1].end and m.end > ys[0].start and not _compass(m.text)
        ]
        for x in ex:
            for y in ey:
                if x.key != y.key and not _same_name(x.text, a, y.text, b):
                    return ("place" if x.type == y.type == "LOC" else "actor", x, y)
        # A name the recogniser missed on one side: capitalised tokens in English text (German
        # capitalises every noun, so there a recognised name on one side is needed).
        if any(_compass(t.text) for t in (*xs, *ys)):
            continue
        if (ex or ey or _name_like(xs, ys, a, b)) and _all_names(xs, a) and _all_names(ys, b):
            tx, ty = _run(xs, a), _run(ys, b)
            if not _same_name(tx.text, a, ty.text, b):
                return ("actor", tx, ty)
    return None


# A compass direction ("im Hamburger Südwesten", "in the north") names a region that holds the
# other side's place, not a second place: no clash.
_COMPASS = re.compile(
    r"^(?=nord|süd|sued|ost|west|north|south|east)(?:(?:nord|süd|sued)?(?:ost|west)?|north|south|east|west|(?:north|south)(?:east|west))"
    r"(?:en|ern|lich|liche[nmrs]?)?$",
    re.IGNORECASE,
)


def _compass(text: str) -> bool:
    words = text.split()
    return bool(words) and _COMPASS.match(words[-1]) is not None


# Two spellings of one name ("Organisation"/"Organization", "Thammavijarn"/"Thamvijarn") are alike
# in at least this share of their letters (difflib ratio); two different names of people rarely are.
# Set by hand for a letter or two in a ten-letter name, then checked on the tuning half of the gold.
NAME_VARIANT_MIN_RATIO = 0.8


def _same_name(x: str, a: Statement, y: str, b: Statement) -> bool:
    """Whether two names that differ are one name: one statement also contains the other's name as
    text (the recogniser missed it there), or they are two spellings of one name."""
    x, y = typographic_form(x).lower(), typographic_form(y).lower()  # "O’Brien" is "O'Brien"
    if x in typographic_form(b.text).lower() or y in typographic_form(a.text).lower():
        return True
    return SequenceMatcher(None, x, y).ratio() >= NAME_VARIANT_MIN_RATIO


def _name_like(xs: Sequence[_Token], ys: Sequence[_Token], a: Statement, b: Statement) -> bool:
    """Capitalised words read as names when the recogniser found none: any run in English text; in
    German, which capitalises every noun, a run of two or three words on each side ("Anna Berg")."""
    if a.language == b.language == "en":
        return True
    return 2 <= len(xs) <= 3 and 2 <= len(ys) <= 3


def _all_names(tokens: Sequence[_Token], s: Statement) -> bool:
    """Capitalised words, none the statement's first word, a weekday or a month."""
    return all(
        t.text[0].isupper()
        and t.start > s.start
        and t.key not in _WEEKDAY_WORDS
        and t.key not in _MONTH_WORDS
        for t in tokens
    )


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
_WEEKDAY_INDEX = {
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5,
    "sonnabend": 5, "sonntag": 6, "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
_DAY_AT = re.compile(
    r"\b(?P<day>" + "|".join(sorted(_WEEKDAY_INDEX, key=len, reverse=True)) + r")"
    r"(?:\s+|-)?(?P<part>" + "|".join(sorted(_DAYPART, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Found:
    """A stretch of a statement that a check found, with offsets into the article."""

    text: str
    start: int
    end: int


def _dayparts(s: Statement) -> dict[int, list[tuple[str, _Found]]]:
    """The parts of a day each weekday is given in: "Monday morning", "Montagabend", "Montag früh"."""
    found: dict[int, list[tuple[str, _Found]]] = {}
    for m in _DAY_AT.finditer(typographic_form(s.text)):
        day, part = _WEEKDAY_INDEX[m.group("day").lower()], _DAYPART[m.group("part").lower()]
        found.setdefault(day, []).append((part, _Found(m.group(), s.start + m.start(), s.start + m.end())))
    return found


def _daypart_conflict(a: Statement, b: Statement) -> tuple[_Found, _Found] | None:
    """One weekday, given in parts of the day that cannot overlap: "on Monday morning" against "on
    Monday afternoon". Each side must name that day in one part of it only."""
    pa, pb = _dayparts(a), _dayparts(b)
    for day in sorted(pa.keys() & pb.keys()):
        parts_a = {part for part, _ in pa[day]}
        parts_b = {part for part, _ in pb[day]}
        if len(parts_a) == 1 and len(parts_b) == 1 and frozenset(parts_a | parts_b) in _DISJOINT_DAYPARTS:
            return pa[day][0][1], pb[day][0][1]
    return None


# A side of the body or of a thing, followed by what it is the side of: "left arm", "rechten Unterarm".
_SIDE = re.compile(
    r"\b(?P<side>left|right|link(?:e|er|es|en|em)|recht(?:e|er|es|en|em))\s+(?P<head>\w{3,})", re.IGNORECASE
)


def _sides(s: Statement) -> list[tuple[str, str, _Found]]:
    out = []
    for m in _SIDE.finditer(typographic_form(s.text)):
        side = "left" if m.group("side").lower().startswith(("left", "link")) else "right"
        found = _Found(m.group(), s.start + m.start(), s.start + m.end())
        out.append((side, m.group("head").lower(), found))
    return out


def _same_head(x: str, y: str) -> bool:
    """One thing, maybe named more closely on one side: "arm" and "forearm", "Arm" and "Unterarm"."""
    return x == y or x.endswith(y) or y.endswith(x)


def _side_conflict(a: Statement, b: Statement) -> tuple[_Found, _Found] | None:
    """The left side of a thing on one side, the right side of it on the other ("a tattoo on her left
    arm" against "on her right forearm"), where neither statement also gives the other side."""
    sa, sb = _sides(a), _sides(b)

    def both_sides(given: list[tuple[str, str, _Found]], head: str) -> bool:
        return {"left", "right"} <= {side for side, h, _ in given if _same_head(h, head)}

    for side_x, head_x, found_x in sa:
        for side_y, head_y, found_y in sb:
            if side_x == side_y or not _same_head(head_x, head_y):
                continue
            if not both_sides(sa, head_x) and not both_sides(sb, head_y):
                return found_x, found_y
    return None


# A tally of two numbers, the larger first: votes ("31 zu 18 Stimmen", "voted 31-17"), a score
# ("won 3:1"). A rising pair is a range ("aged 10 to 15") and a clock time is no tally.
_TALLY = re.compile(
    r"(?<![\d.,'])(?P<x>\d{1,4})\s*(?:-|:|zu|to|gegen)\s*(?P<y>\d{1,4})"
    r"(?!\d|[.,']\d|\s*(?:Uhr|h\b|a\.m|p\.m))",
    re.IGNORECASE,
)


def _tallies(s: Statement) -> list[tuple[int, int, _Found]]:
    out = []
    for m in _TALLY.finditer(typographic_form(s.text)):
        x, y = int(m.group("x")), int(m.group("y"))
        clock = ":" in m.group() and len(m.group("y")) == 2  # "um 21:15", "at 11:05"
        if x >= y and not clock:
            out.append((x, y, _Found(m.group(), s.start + m.start(), s.start + m.end())))
    return out


def _tally_conflict(a: Statement, b: Statement) -> tuple[_Found, _Found] | None:
    """One tally on each side that agrees in one number and not in the other: "31 zu 18 Stimmen"
    against "voted 31-17"."""
    ta, tb = _tallies(a), _tallies(b)
    if len(ta) != 1 or len(tb) != 1:
        return None
    (xa, ya, fa), (xb, yb, fb) = ta[0], tb[0]
    if (xa == xb) != (ya == yb):
        return fa, fb
    return None


# A figure written with its group marks, brackets and dashes ("(903) 925-9969", "22'050", "1 234,5"):
# read as one figure, so that two ways of writing one phone number or amount compare equal.
_FIGURE = re.compile(r"\(?\d[\d()' .,/-]*\d|\d")
# Words right before a figure that must be the same on both sides for it to fill one slot: the
# clause "Crime Stoppers at (903) 925-9969" against "Crime Stoppers at 903-935-9969".
LOCAL_CONTEXT_WORDS = 3
_FIGURE_OR_WORD = re.compile(r"(?P<figure>" + _FIGURE.pattern + r")|(?P<word>[^\W\d]\w*)")


@dataclass(frozen=True)
class _Figure:
    digits: str
    context: tuple[str, ...]
    found: _Found


def _figures(s: Statement) -> list[_Figure]:
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
        found = _Found(figure, start, start + len(figure))
        out.append(_Figure(re.sub(r"\D", "", figure), tuple(w.lower() for w in context), found))
    return out


def _local_figure_conflict(a: Statement, b: Statement) -> tuple[_Found, _Found] | None:
    """A figure after the same three words, one of them a name, that differs: "call Harrison County
    Crime Stoppers at (903) 925-9969" against "a tip with Harrison County Crime Stoppers at
    903-935-9969". The rest of the two statements may be worded apart; the words before the
    figure say it fills one slot. A figure the other statement also gives is no clash."""
    fa, fb = _figures(a), _figures(b)
    digits_a, digits_b = {f.digits for f in fa}, {f.digits for f in fb}
    by_context: dict[tuple[str, ...], list[_Figure]] = {}
    for y in fb:
        if y.digits not in digits_a:
            by_context.setdefault(y.context, []).append(y)
    for x in fa:
        if x.digits in digits_b:
            continue
        partners = by_context.get(x.context)
        if partners:
            return x.found, partners[0].found
    return None


def _speaker_conflict(a: Statement, b: Statement, part: ScoreParts) -> tuple[str, str] | None:
    """The same quote put in the mouth of different people. Both speakers must be recognised people
    or organisations named in the statement itself: a speaker carried over from an earlier sentence
    ("sagte er") depends on what came before, which another outlet may order differently."""
    if a.kind != "quote" or b.kind != "quote" or not a.speaker or not b.speaker:
        return None
    if part.chars < SAME_WORDING_MIN_CHARS or a.speaker == b.speaker:
        return None
    named_a = {m.key for m in a.entities if m.type in ("PER", "ORG")}
    named_b = {m.key for m in b.entities if m.type in ("PER", "ORG")}
    if a.speaker not in named_a or b.speaker not in named_b or a.speaker in named_b or b.speaker in named_a:
        return None
    if _surname(a.speaker) == _surname(b.speaker):
        return None  # "Broemme" and "Albrecht Broemme": one person the coreference did not join
    return (a.speaker, b.speaker)


def _surname(key: str) -> str:
    return key.split(":", 1)[-1].rsplit("-", 1)[-1]


def _conflict_of_pair(
    a: Statement,
    b: Statement,
    span_a: Span,
    span_b: Span,
    part: ScoreParts,
    fact: Fact,
    statements: Mapping[str, Statement],
) -> Conflict | None:
    pair = (a.id, b.id)
    # Parallel wording is judged on the whole statements: the parts that matched best may be the same
    # clause while another clause holds the changed value.
    hunks = _parallel(a, b, None, None)
    if hunks == []:
        return None  # the same words, at most in another typographic form: never a conflict
    strong = part.names >= 0 and part.score >= CONFLICT_MIN_SCORE
    clash = _quantity_conflict(a, b, span_a, span_b) if strong else None
    if clash is not None and not _either_stated_elsewhere(a, b, clash, fact, statements):
        qa, qb = clash
        what = unit_key(qa.unit) or qa.unit or "number"
        reason = f"{what}: {qa.text!r} in {a.article} vs {qb.text!r} in {b.article}"
        return Conflict("", "quantity", fact.id, pair, (qa.to_json(), qb.to_json()), reason, _spans(qa, qb))
    dates = _date_conflict(a, b, span_a, span_b) if strong else None
    if dates is not None:
        da, db = dates
        reason = f"date: {da.text!r} ({da.value}) in {a.article} vs {db.text!r} ({db.value}) in {b.article}"
        return Conflict("", "date", fact.id, pair, (da.value, db.value), reason, _spans(da, db))
    numbers = _parallel_number(a, b, hunks) if hunks is not None else None
    if numbers is not None and not _either_stated_elsewhere(a, b, numbers, fact, statements, in_place=True):
        qa, qb = numbers
        what = unit_key(qa.unit) or qa.unit or "number"
        reason = f"{what} in the same wording: {qa.text!r} in {a.article} vs {qb.text!r} in {b.article}"
        return Conflict("", "quantity", fact.id, pair, (qa.to_json(), qb.to_json()), reason, _spans(qa, qb))
    words = _parallel_date_word(hunks) if hunks is not None else None
    if words is not None:
        wa, wb = words
        reason = f"date in the same wording: {wa.text!r} in {a.article} vs {wb.text!r} in {b.article}"
        return Conflict("", "date", fact.id, pair, (wa.text, wb.text), reason, _spans(wa, wb))
    tally = _tally_conflict(a, b) if strong else None
    if tally is not None:
        ta, tb = tally
        reason = f"tally: {ta.text!r} in {a.article} vs {tb.text!r} in {b.article}"
        return Conflict("", "quantity", fact.id, pair, (ta.text, tb.text), reason, _spans(ta, tb))
    daypart = _daypart_conflict(a, b) if strong else None
    if daypart is not None:
        pa, pb = daypart
        reason = f"time of day: {pa.text!r} in {a.article} vs {pb.text!r} in {b.article}"
        return Conflict("", "date", fact.id, pair, (pa.text, pb.text), reason, _spans(pa, pb))
    side = _side_conflict(a, b) if strong else None
    if side is not None:
        sa, sb = side
        reason = f"side: {sa.text!r} in {a.article} vs {sb.text!r} in {b.article}"
        return Conflict("", "detail", fact.id, pair, (sa.text, sb.text), reason, _spans(sa, sb))
    local = _local_figure_conflict(a, b) if strong else None
    if local is not None:
        return _local_conflict(a, b, local, fact)
    speakers = _speaker_conflict(a, b, part)
    if speakers is not None:
        reason = (
            f"speaker: the same quote is {speakers[0]}'s in {a.article} and {speakers[1]}'s in {b.article}"
        )
        return Conflict("", "speaker", fact.id, pair, speakers, reason, ((a.start, a.end), (b.start, b.end)))
    actor = _actor_conflict(a, b, hunks) if hunks is not None else None
    if actor is not None:
        kind, x, y = actor
        reason = f"{kind}: {x.text!r} in {a.article} vs {y.text!r} in {b.article}"
        return Conflict("", kind, fact.id, pair, (x.text, y.text), reason, _spans(x, y))
    negation = _negation_conflict(a, b, span_a, span_b, part)
    stretch = _parallel_negation(hunks) if hunks is not None else None
    if negation is not None and (hunks is None or stretch is not None):
        values = (_negations(a, span_a) > 0, _negations(b, span_b) > 0)
        spans = (span_a or (a.start, a.end), span_b or (b.start, b.end))
        if stretch is not None and stretch[0] and stretch[1]:
            spans = ((stretch[0][0].start, stretch[0][-1].end), (stretch[1][0].start, stretch[1][-1].end))
        return Conflict("", "negation", fact.id, pair, values, negation, spans)
    return None


def _local_conflict(a: Statement, b: Statement, found: tuple[_Found, _Found], fact: Fact) -> Conflict:
    fa, fb = found
    reason = f"figure after the same words: {fa.text!r} in {a.article} vs {fb.text!r} in {b.article}"
    return Conflict("", "quantity", fact.id, (a.id, b.id), (fa.text, fb.text), reason, _spans(fa, fb))


def _either_stated_elsewhere(
    a: Statement,
    b: Statement,
    clash: tuple[Quantity, Quantity],
    fact: Fact,
    statements: Mapping[str, Statement],
    *,
    in_place: bool = False,
) -> bool:
    besides_a, besides_b = (a.id, b.id) if in_place else (None, None)
    return _stated_elsewhere(clash[0], b.article, fact, statements, besides_b) or _stated_elsewhere(
        clash[1], a.article, fact, statements, besides_a
    )


class _Placed(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


def _spans(x: _Placed, y: _Placed) -> tuple[tuple[int, int], tuple[int, int]]:
    """Where the two clashing values stand in their articles."""
    return ((x.start, x.end), (y.start, y.end))


def _carried_over(
    found: Sequence[Conflict],
    fact_of: Mapping[str, Fact],
    statements: Mapping[str, Statement],
    links: Sequence[Link] = (),
) -> list[Conflict]:
    """A number that contradicts one outlet also contradicts every other outlet that states the same
    number as that one in the same fact, or in a statement linked to that one's (grouping may have
    put a sentence holding two figures with the other figure's fact)."""
    linked: dict[str, set[str]] = {}
    for link in links:
        linked.setdefault(link.a, set()).add(link.b)
        linked.setdefault(link.b, set()).add(link.a)
    extra: list[Conflict] = []
    seen = {frozenset(c.statements) for c in found}
    for c in found:
        if c.kind != "quantity":
            continue
        fact = fact_of[c.statements[0]]
        for side in (0, 1):
            mine, theirs = statements[c.statements[side]], statements[c.statements[1 - side]]
            q_mine = next((q for q in mine.quantities if q.to_json() == c.values[side]), None)
            q_theirs = next((q for q in theirs.quantities if q.to_json() == c.values[1 - side]), None)
            if q_mine is None or q_theirs is None:
                continue  # a number read from parallel wording alone, with no counted noun to carry
            for sid in dict.fromkeys((*fact.statements, *sorted(linked.get(theirs.id, ())))):
                other = statements[sid]
                if other.article in (mine.article, theirs.article) or frozenset((mine.id, sid)) in seen:
                    continue
                same = [q for q in other.quantities if quantities_agree(q, q_theirs) is True]
                if same and not any(quantities_agree(q, q_mine) is True for q in other.quantities):
                    seen.add(frozenset((mine.id, sid)))
                    pair = (mine.id, sid)
                    reason = (
                        f"{unit_key(q_mine.unit) or 'number'}: {q_mine.text!r} in {mine.article} vs "
                        f"{same[0].text!r} in {other.article}"
                    )
                    values = (q_mine.to_json(), same[0].to_json())
                    extra.append(
                        Conflict("", "quantity", fact.id, pair, values, reason, _spans(q_mine, same[0]))
                    )
    return extra


def find_conflicts(
    facts: Sequence[Fact],
    statements: Mapping[str, Statement],
    links: Sequence[Link],
    parts: Mapping[tuple[str, str], ScoreParts],
) -> tuple[Conflict, ...]:
    """Contradictions between directly linked statements of one fact, in fact order."""
    fact_of = {sid: f for f in facts for sid in f.statements}
    conflicts: list[Conflict] = []
    for link in sorted(links, key=lambda k: (fact_of[k.a].id if k.a in fact_of else "", k.a, k.b)):
        fact, other = fact_of.get(link.a), fact_of.get(link.b)
        if fact is None or other is None:
            continue
        part = parts.get((link.a, link.b))
        # A contradiction needs the same fact: the two statements must be each other's best match,
        # not a second partner that merely shares the sentence pattern ("…, neun Tage nach …").
        if part is None:
            continue
        if not part.mutual:
            # Not each other's best match: only a figure in one slot of the same words can clash.
            if part.score >= CONFLICT_MIN_SCORE and part.names >= 0:
                local = _local_figure_conflict(statements[link.a], statements[link.b])
                if local is not None:
                    conflicts.append(_local_conflict(statements[link.a], statements[link.b], local, fact))
            continue
        if other is not fact:
            # Grouping keeps a clashing pair apart when either side links better elsewhere; each
            # other's strong best match still reports one fact, and the clash shows in the first's.
            if part.score < CONFLICT_MIN_SCORE:
                continue
            fact = replace(fact, statements=fact.statements + other.statements)
        a, b = statements[link.a], statements[link.b]
        found = _conflict_of_pair(a, b, part.span_a, part.span_b, part, fact, statements)
        if found is not None and found.fact != fact_of[link.a].id:
            found = replace(found, fact=fact_of[link.a].id)
        if found is not None:
            conflicts.append(found)
    conflicts.extend(_carried_over(conflicts, fact_of, statements, links))
    conflicts.sort(key=lambda c: (int(c.fact[1:]) if c.fact[1:].isdigit() else 0, c.statements))
    return tuple(
        Conflict(f"c{n}", c.kind, c.fact, c.statements, c.values, c.reason, c.spans)
        for n, c in enumerate(conflicts, start=1)
    )
