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
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from typing import Any, Protocol

from blickwinkel.analyse.numbers import DE_MONTHS, EN_MONTHS, WEEKDAYS, parse_numeric
from blickwinkel.analyse.units import unit_key
from blickwinkel.compare.agreement import quantities_agree
from blickwinkel.compare.clashes import (
    Found,
    clock_conflict,
    daypart_conflict,
    local_figure_conflict,
    side_conflict,
    tallies,
    tally_conflict,
    typographic_form,
)
from blickwinkel.compare.similarity import ScoreParts
from blickwinkel.compare.slots import figure_pairs, slot_pairs
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
    Of several clashing pairs the closest is the one that reports the same figure ("from $260 to
    $1,470" against "$1,420" clashes on $1,470 vs $1,420)."""
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


# A number the reader leaves unhedged but the sentence bounds: "was past $1,200", "topped 500".
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
    """Two bounds on the same side never contradict: "more than 400" and "more than 900" can
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
    return _parallel_tokens(_tokens(a, span_a, PARALLEL_MAX_TOKENS), _tokens(b, span_b, PARALLEL_MAX_TOKENS))


def _parallel_tokens(ta: Sequence[_Token], tb: Sequence[_Token]) -> list[Hunk] | None:
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
    return [
        (list(ta[i1:i2]), list(tb[j1:j2])) for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal"
    ]


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


# A compass direction ("im Dresdner Nordosten", "in the north") names a region that holds the
# other side's place, not a second place: no clash.
_COMPASS = re.compile(
    r"^(?=nord|süd|sued|ost|west|north|south|east)(?:(?:nord|süd|sued)?(?:ost|west)?|north|south|east|west|(?:north|south)(?:east|west))"
    r"(?:en|ern|lich|liche[nmrs]?)?$",
    re.IGNORECASE,
)


def _compass(text: str) -> bool:
    words = text.split()
    return bool(words) and _COMPASS.match(words[-1]) is not None


# Two spellings of one name ("Organisation"/"Organization", "Rattanakul"/"Ratanakul") are alike
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


def _carried_tallies(
    found: Sequence[Conflict],
    fact_of: Mapping[str, Fact],
    statements: Mapping[str, Statement],
    linked: Mapping[str, set[str]],
) -> list[Conflict]:
    """A tally that contradicts one outlet also contradicts every other outlet that gives the same
    tally as that one, in the fact or linked to that one's statement."""
    extra: list[Conflict] = []
    seen = {frozenset(c.statements) for c in found}
    for c in found:
        if c.kind != "quantity" or not c.reason.startswith("tally"):
            continue
        fact = fact_of[c.statements[0]]
        for side in (0, 1):
            mine, theirs = statements[c.statements[side]], statements[c.statements[1 - side]]
            (_, _, fm), (xt, yt, _) = tallies(mine)[0], tallies(theirs)[0]
            for sid in dict.fromkeys((*fact.statements, *sorted(linked.get(theirs.id, ())))):
                other = statements[sid]
                if other.article in (mine.article, theirs.article) or frozenset((mine.id, sid)) in seen:
                    continue
                same = [f for x, y, f in tallies(other) if (x, y) == (xt, yt)]
                if len(tallies(other)) == 1 and same:
                    seen.add(frozenset((mine.id, sid)))
                    reason = f"tally: {fm.text!r} in {mine.article} vs {same[0].text!r} in {other.article}"
                    extra.append(
                        Conflict(
                            "",
                            "quantity",
                            fact.id,
                            (mine.id, sid),
                            (fm.text, same[0].text),
                            reason,
                            _spans(fm, same[0]),
                        )
                    )
    return extra


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


@dataclass(frozen=True)
class _Pair:
    """Two statements a detector reads, with what every detector needs to know about them."""

    a: Statement
    b: Statement
    span_a: Span
    span_b: Span
    part: ScoreParts | None  # None for two statements found in one slot, not by the aligner
    fact: Fact
    statements: Mapping[str, Statement]
    hunks: list[Hunk] | None  # where parallel wording differs; None when it is not parallel
    strong: bool  # each other's strong best match whose names do not clash


@dataclass(frozen=True)
class _Clash:
    """What a detector found: the kind of conflict, the two values, what to say and where."""

    kind: str
    values: tuple[Any, Any]
    what: str  # the reason up to the values, e.g. "date in the same wording"
    shown: tuple[str, str]  # the two values as the reason gives them, quoted
    spans: tuple[tuple[int, int], tuple[int, int]]
    reason: str | None = None  # a reason worded otherwise than "what: x in A vs y in B"


# A count given as of the moment of writing ("has raised $900 so far", "now holds 70 beds", "bisher"):
# a running count, which another report written an hour later may give higher without contradicting
# it. Such a count clashes only in parallel wording (a copy of one report with a number changed).
# Chosen on the tuning half of the real-news gold, where every counted clash with such a word on one
# side was a count taken at another time.
_AS_OF_NOW = re.compile(
    r"\b(?:currently|so\s+far|now|to\s+date|bisher|bislang|derzeit|aktuell|zurzeit|momentan|mittlerweile|"
    r"inzwischen)\b",
    re.IGNORECASE,
)


def _as_of_now(s: Statement) -> bool:
    return _AS_OF_NOW.search(s.text) is not None  # the cue words have no typographic variants


def _quantity_clash(p: _Pair) -> _Clash | None:
    if _as_of_now(p.a) or _as_of_now(p.b):
        return None
    clash = _quantity_conflict(p.a, p.b, p.span_a, p.span_b)
    if clash is None or _either_stated_elsewhere(p.a, p.b, clash, p.fact, p.statements):
        return None
    qa, qb = clash
    what = unit_key(qa.unit) or qa.unit or "number"
    return _Clash(
        "quantity", (qa.to_json(), qb.to_json()), what, (repr(qa.text), repr(qb.text)), _spans(qa, qb)
    )


# A phone number's local part ("417-2280") reads like a range but is one figure.
_PHONE_LIKE = re.compile(r"\b\d{3}-\d{4}\b")


def _is_range(q: Quantity) -> bool:
    return q.upper is not None and _PHONE_LIKE.search(q.text) is None


def _range_clash(p: _Pair) -> _Clash | None:
    """Two ranges that share one end and not the other: "a queue of 200 to 300 cars" against "about
    200 to 250 cars". The shared end says both give the same range, so a hedge does not widen the
    other end; the counted noun may be left out on one side ("200 to 300" / "200 to 250 cars")."""
    if _as_of_now(p.a) or _as_of_now(p.b):
        return None
    ranges_a = [q for q in p.a.quantities if _is_range(q) and _within(q, p.span_a)]
    ranges_b = [q for q in p.b.quantities if _is_range(q) and _within(q, p.span_b)]
    for qa in ranges_a:
        for qb in ranges_b:
            units = {unit_key(qa.unit), unit_key(qb.unit)} - {None}
            if len(units) > 1 or (qa.value == qb.value) == (qa.upper == qb.upper):
                continue
            if _either_stated_elsewhere(p.a, p.b, (qa, qb), p.fact, p.statements):
                continue
            what = next(iter(units), None) or "range"
            shown = (repr(qa.text), repr(qb.text))
            return _Clash("quantity", (qa.to_json(), qb.to_json()), what, shown, _spans(qa, qb))
    return None


def _date_clash(p: _Pair) -> _Clash | None:
    dates = _date_conflict(p.a, p.b, p.span_a, p.span_b)
    if dates is None:
        return None
    da, db = dates
    shown = (f"{da.text!r} ({da.value})", f"{db.text!r} ({db.value})")
    return _Clash("date", (da.value, db.value), "date", shown, _spans(da, db))


def _parallel_number_clash(p: _Pair) -> _Clash | None:
    numbers = _parallel_number(p.a, p.b, p.hunks or [])
    if numbers is None or _either_stated_elsewhere(p.a, p.b, numbers, p.fact, p.statements, in_place=True):
        return None
    qa, qb = numbers
    what = f"{unit_key(qa.unit) or qa.unit or 'number'} in the same wording"
    return _Clash(
        "quantity", (qa.to_json(), qb.to_json()), what, (repr(qa.text), repr(qb.text)), _spans(qa, qb)
    )


def _parallel_date_clash(p: _Pair) -> _Clash | None:
    words = _parallel_date_word(p.hunks or [])
    if words is None:
        return None
    wa, wb = words
    return _Clash(
        "date", (wa.text, wb.text), "date in the same wording", (repr(wa.text), repr(wb.text)), _spans(wa, wb)
    )


def _found_clash(
    kind: str, what: str, detect: Callable[[Statement, Statement], tuple[Found, Found] | None]
) -> Callable[[_Pair], _Clash | None]:
    """A detector from ``clashes`` that names the two stretches it found."""

    def clash(p: _Pair) -> _Clash | None:
        found = detect(p.a, p.b)
        if found is None:
            return None
        fa, fb = found
        return _Clash(kind, (fa.text, fb.text), what, (repr(fa.text), repr(fb.text)), _spans(fa, fb))

    return clash


def _speaker_clash(p: _Pair) -> _Clash | None:
    speakers = _speaker_conflict(p.a, p.b, p.part) if p.part is not None else None
    if speakers is None:
        return None
    reason = (
        f"speaker: the same quote is {speakers[0]}'s in {p.a.article} and {speakers[1]}'s in {p.b.article}"
    )
    spans = ((p.a.start, p.a.end), (p.b.start, p.b.end))
    return _Clash("speaker", speakers, "speaker", speakers, spans, reason)


def _actor_clash(p: _Pair) -> _Clash | None:
    actor = _actor_conflict(p.a, p.b, p.hunks or [])
    if actor is None:
        return None
    kind, x, y = actor
    return _Clash(kind, (x.text, y.text), kind, (repr(x.text), repr(y.text)), _spans(x, y))


def _negation_clash(p: _Pair) -> _Clash | None:
    a, b, span_a, span_b = p.a, p.b, p.span_a, p.span_b
    negation = _negation_conflict(a, b, span_a, span_b, p.part) if p.part is not None else None
    stretch = _parallel_negation(p.hunks) if p.hunks is not None else None
    if negation is None or (p.hunks is not None and stretch is None):
        return None
    values = (_negations(a, span_a) > 0, _negations(b, span_b) > 0)
    spans = (span_a or (a.start, a.end), span_b or (b.start, b.end))
    if stretch is not None and stretch[0] and stretch[1]:
        spans = ((stretch[0][0].start, stretch[0][-1].end), (stretch[1][0].start, stretch[1][-1].end))
    return _Clash("negation", values, "negation", ("", ""), spans, negation)


@dataclass(frozen=True)
class _Detector:
    """One row of the detector table: when it runs and what it looks for."""

    detect: Callable[[_Pair], _Clash | None]
    strong: bool = False  # runs only on each other's strong best match
    parallel: bool = False  # runs only on parallel wording


# The detectors in the order they are asked; the first that finds a clash names the conflict. Checks
# on the analysis (counted nouns, full dates) come before those on the wording alone.
_DETECTORS = (
    _Detector(_quantity_clash, strong=True),
    _Detector(_range_clash, strong=True),
    _Detector(_date_clash, strong=True),
    _Detector(_parallel_number_clash, parallel=True),
    _Detector(_parallel_date_clash, parallel=True),
    _Detector(_found_clash("quantity", "tally", tally_conflict), strong=True),
    _Detector(_found_clash("date", "time of day", daypart_conflict), strong=True),
    _Detector(_found_clash("detail", "side", side_conflict), strong=True),
    _Detector(_found_clash("quantity", "figure after the same words", local_figure_conflict), strong=True),
    _Detector(_speaker_clash),
    _Detector(_actor_clash, parallel=True),
    _Detector(_negation_clash),
)


def _conflict_of_pair(
    a: Statement,
    b: Statement,
    span_a: Span,
    span_b: Span,
    part: ScoreParts,
    fact: Fact,
    statements: Mapping[str, Statement],
) -> Conflict | None:
    # Parallel wording is judged on the whole statements: the parts that matched best may be the same
    # clause while another clause holds the changed value.
    hunks = _parallel(a, b, None, None)
    if hunks == []:
        return None  # the same words, at most in another typographic form: never a conflict
    strong = part.names >= 0 and part.score >= CONFLICT_MIN_SCORE
    pair = _Pair(a, b, span_a, span_b, part, fact, statements, hunks, strong)
    for row in _DETECTORS:
        if (row.strong and not strong) or (row.parallel and hunks is None):
            continue
        clash = row.detect(pair)
        if clash is not None:
            return _conflict(clash, a, b, fact)
    return None


def _conflict(clash: _Clash, a: Statement, b: Statement, fact: Fact) -> Conflict:
    x, y = clash.shown
    reason = clash.reason or f"{clash.what}: {x} in {a.article} vs {y} in {b.article}"
    return Conflict("", clash.kind, fact.id, (a.id, b.id), clash.values, reason, clash.spans)


def _local_conflict(a: Statement, b: Statement, found: tuple[Found, Found], fact: Fact) -> Conflict:
    fa, fb = found
    values, shown = (fa.text, fb.text), (repr(fa.text), repr(fb.text))
    clash = _Clash("quantity", values, "figure after the same words", shown, _spans(fa, fb))
    return _conflict(clash, a, b, fact)


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


def _linked(links: Sequence[Link]) -> dict[str, set[str]]:
    linked: dict[str, set[str]] = {}
    for link in links:
        linked.setdefault(link.a, set()).add(link.b)
        linked.setdefault(link.b, set()).add(link.a)
    return linked


def _carried_over(
    found: Sequence[Conflict],
    fact_of: Mapping[str, Fact],
    statements: Mapping[str, Statement],
    links: Sequence[Link] = (),
) -> list[Conflict]:
    """A number that contradicts one outlet also contradicts every other outlet that states the same
    number as that one in the same fact, or in a statement linked to that one's (grouping may have
    put a sentence holding two figures with the other figure's fact)."""
    linked = _linked(links)
    extra: list[Conflict] = _carried_tallies(found, fact_of, statements, linked)
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


# What is looked for between two statements of two articles that are not each other's best match but
# fill one slot (``compare.slots``): linked in parallel wording, the checks of parallel wording; in one
# slot, the checks of each other's strong best match and the clock time; after the same words, the
# figure.
_PARALLEL_DETECTORS = tuple(row.detect for row in _DETECTORS if row.parallel)
_SLOT_DETECTORS = (
    *(row.detect for row in _DETECTORS if row.strong),
    _found_clash("date", "clock time", clock_conflict),
)
_FIGURE_DETECTORS = (_found_clash("quantity", "figure after the same words", local_figure_conflict),)


def _unlinked_conflicts(
    statements: Mapping[str, Statement],
    fact_of: Mapping[str, Fact],
    links: Sequence[Link],
    parts: Mapping[tuple[str, str], ScoreParts],
    seen: set[frozenset[str]],
) -> list[Conflict]:
    """Conflicts between statements of two articles that are not each other's best match: the
    aligner may not link "Weber legte gegen 8 Uhr am Steg ab" to a longer sentence that also says who
    was on board, and a copy of a sentence with one number changed may link better elsewhere."""
    placed = [statements[sid] for sid in sorted(statements) if sid in fact_of]
    # A statement with a best match in another article has its counterpart there: another statement
    # of that article states another fact (a copy of an article pairs each sentence with its copy,
    # and two of its sentences built alike are no conflict).
    best: dict[tuple[str, str], str] = {}
    for k in links:
        part = parts.get((k.a, k.b))
        if part is not None and part.mutual:
            best[(k.a, statements[k.b].article)] = k.b
            best[(k.b, statements[k.a].article)] = k.a

    def elsewhere(a: Statement, b: Statement) -> bool:
        return best.get((a.id, b.article), b.id) != b.id or best.get((b.id, a.article), a.id) != a.id

    linked = []
    for k in sorted(links, key=lambda k: (k.a, k.b)):
        part = parts.get((k.a, k.b))
        # each other's best matches were asked every check already
        if k.a in fact_of and k.b in fact_of and (part is None or not part.mutual):
            linked.append((statements[k.a], statements[k.b]))
    found = []
    for pairs, detectors in (
        (linked, _PARALLEL_DETECTORS),
        (slot_pairs(placed), _SLOT_DETECTORS),
        (figure_pairs(placed), _FIGURE_DETECTORS),
    ):
        for a, b in pairs:
            if frozenset((a.id, b.id)) in seen or elsewhere(a, b):
                continue
            hunks = _parallel(a, b, None, None)
            if hunks == []:
                continue  # copies in another typographic form never conflict
            if detectors is _PARALLEL_DETECTORS and hunks is None:
                continue  # a link not in parallel wording: only each other's best match says more
            fact = fact_of[a.id]
            if fact_of[b.id] is not fact:
                fact = replace(fact, statements=fact.statements + fact_of[b.id].statements)
            pair = _Pair(a, b, None, None, None, fact, statements, hunks, True)
            clash = next((c for detect in detectors if (c := detect(pair)) is not None), None)
            if clash is not None:
                seen.add(frozenset((a.id, b.id)))
                found.append(replace(_conflict(clash, a, b, fact), fact=fact_of[a.id].id))
    return found


def find_conflicts(
    facts: Sequence[Fact],
    statements: Mapping[str, Statement],
    links: Sequence[Link],
    parts: Mapping[tuple[str, str], ScoreParts],
) -> tuple[Conflict, ...]:
    """Contradictions between statements of two articles, in fact order: between each other's best
    matches, and between statements that are not but fill one slot (``_unlinked_conflicts``)."""
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
                local = local_figure_conflict(statements[link.a], statements[link.b])
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
    seen = {frozenset(c.statements) for c in conflicts}
    conflicts.extend(_unlinked_conflicts(statements, fact_of, links, parts, seen))
    conflicts.sort(key=lambda c: (int(c.fact[1:]) if c.fact[1:].isdigit() else 0, c.statements))
    return tuple(
        Conflict(f"c{n}", c.kind, c.fact, c.statements, c.values, c.reason, c.spans)
        for n, c in enumerate(conflicts, start=1)
    )
