"""Contradictions inside one fact: which pairs of statements are checked, and with which detectors.

Every wording check first maps typographic variants onto one form (curly and straight quotes and
apostrophes, dashes, spaces): two copies of one quote that differ only in ’ and ' say the same.
Each other's best matches are asked every detector of the table below; statements that are not but
fill one slot (``compare.slots``) are asked a few: the search for such pairs does not depend on the
fact links (one person and mostly the same words, a figure after the same words, two counts of one
thing tied to one report), so a clash between statements the aligner did not pair or paired
elsewhere is still found. What each detector looks for lives in a module of
its own: numbers and dates the analysis read (``counted_values``), parallel wording with a number,
weekday, month or negation changed (``parallel_wording``), a name in one role or a quote's speaker
(``actors``), clashes in one slot however worded (``clashes``), a person given two family relations
(``relations``), and a clash carried to other outlets that say the same (``carry_over``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from blickwinkel.analyse.units import unit_key
from blickwinkel.compare.actors import actor_conflict, speaker_conflict
from blickwinkel.compare.ages import age_conflict, age_pairs, statements_before
from blickwinkel.compare.agreement import figures_meet, quantities_agree
from blickwinkel.compare.carry_over import carried_over
from blickwinkel.compare.clashes import (
    Found,
    clock_conflict,
    daypart_conflict,
    days_told,
    figure_digits,
    local_figure_conflict,
    share_conflict,
    share_pairs_clashing,
    side_conflict,
    spans_of,
    tally_conflict,
    typographic_form,
    weekday_conflict,
    weekdays,
)
from blickwinkel.compare.counted_values import (
    as_of_now,
    bound_met,
    caption_like,
    date_conflict,
    day_of_month_conflict,
    either_stated_elsewhere,
    is_range,
    quantity_conflict,
    told_as_of_now,
    two_months,
    two_occurrences,
    whole_counts,
    within,
)
from blickwinkel.compare.opposites import negated_opposite, opposite_outcome
from blickwinkel.compare.parallel_wording import (
    Hunk,
    Span,
    Token,
    negation_conflict,
    negations,
    parallel,
    parallel_date_word,
    parallel_negation,
    parallel_number,
)
from blickwinkel.compare.relations import relation_conflict, relations
from blickwinkel.compare.similarity import ScoreParts
from blickwinkel.compare.slots import (
    DURATIONS,
    MONEY_KEYS,
    count_pairs,
    counts,
    figure_pairs,
    odd_figure_pairs,
    share_pairs,
    slot_pairs,
)
from blickwinkel.model import Conflict, Fact, Link, Quantity, Statement

# A conflict needs the same fact, not merely the same topic: numbers and dates are compared only
# between strongly aligned statements whose names do not clash; the other kinds check the wording
# themselves (the same words but for a name, a speaker or a negation).
CONFLICT_MIN_SCORE = 0.55
# A second link of a statement that holds several facts is asked the narrow checks (a side, a clock
# time, a part of the day, a tally) from this score on: each looks for one value in one small slot, so a
# link the aligner made at all is enough.
NARROW_MIN_SCORE = 0.5


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


def _quantity_clash(p: _Pair) -> _Clash | None:
    if as_of_now(p.a) or as_of_now(p.b) or weekday_conflict(p.a, p.b) is not None or two_months(p.a, p.b):
        return None  # a running count, or counts of two days or months: two events
    if two_occurrences(p.a, p.b):
        return None  # the first and the last of a series: two occurrences
    clash = quantity_conflict(p.a, p.b, p.span_a, p.span_b)
    if clash is None or either_stated_elsewhere(p.a, p.b, clash, p.fact, p.statements):
        return None
    qa, qb = clash
    if {unit_key(qa.unit), unit_key(qb.unit)} <= DURATIONS and _offset(qa, p.a) != _offset(qb, p.b):
        return None  # "closed for three hours" / "reopened four hours after the crash": two spans
    return _Clash(
        "quantity",
        (qa.to_json(), qb.to_json()),
        counted_as(qa),
        (repr(qa.text), repr(qb.text)),
        spans_of(qa, qb),
    )


def counted_as(q: Quantity, otherwise: str = "number") -> str:
    """What a clash of quantities names before its values: the key of the counted noun ("dead",
    "passenger"), "sum" for money (a currency's code, "try" or "rub", says nothing to a reader)."""
    key = unit_key(q.unit)
    return "sum" if key in MONEY_KEYS else key or q.unit or otherwise


# A length of time that tells a moment by its distance from another ("four hours after the crash",
# "two days later", "vor drei Tagen") measures something else than one that lasts ("for three hours").
_OFFSET_AFTER = re.compile(
    r"^\W*(?:after|later|before|earlier|ago|on|später|zuvor|davor|vorher|danach)\b", re.IGNORECASE
)
_OFFSET_BEFORE = re.compile(r"\b(?:vor|within|binnen)\s+$", re.IGNORECASE)
_LASTING_BEFORE = re.compile(r"\b(?:for|during|über)\s+$", re.IGNORECASE)  # "for three hours while …"


def _offset(q: Quantity, s: Statement) -> bool:
    at, end = q.start - s.start, q.end - s.start
    after = typographic_form(s.text[end : end + 12])
    before = typographic_form(s.text[max(0, at - 10) : at])
    if _LASTING_BEFORE.search(before):
        return False
    return bool(_OFFSET_AFTER.search(after) or _OFFSET_BEFORE.search(before))


def _range_clash(p: _Pair) -> _Clash | None:
    """Two unhedged ranges that share one end and not the other: "a queue of 200 to 300 cars"
    against "200 to 250 cars"; the counted noun may be left out on one side ("200 to 300" / "200 to
    250 cars"). A hedged range is an interval that reaches the other (``figures_meet``): "about 200 to
    250 cars" meets "200 to 300"."""
    if as_of_now(p.a) or as_of_now(p.b):
        return None
    ranges_a = [q for q in p.a.quantities if is_range(q) and within(q, p.span_a)]
    ranges_b = [q for q in p.b.quantities if is_range(q) and within(q, p.span_b)]
    for qa in ranges_a:
        for qb in ranges_b:
            units = {unit_key(qa.unit), unit_key(qb.unit)} - {None}
            if len(units) > 1 or (qa.value == qb.value) == (qa.upper == qb.upper) or figures_meet(qa, qb):
                continue
            if either_stated_elsewhere(p.a, p.b, (qa, qb), p.fact, p.statements):
                continue
            what = "range" if not units else counted_as(qa if unit_key(qa.unit) else qb)
            shown = (repr(qa.text), repr(qb.text))
            return _Clash("quantity", (qa.to_json(), qb.to_json()), what, shown, spans_of(qa, qb))
    return None


def _date_clash(p: _Pair) -> _Clash | None:
    if caption_like(p.a) or caption_like(p.b):
        return None  # the day a picture was taken
    dates = date_conflict(p.a, p.b, p.span_a, p.span_b)
    if dates is None:
        return None
    da, db = dates
    shown = (f"{da.text!r} ({da.value})", f"{db.text!r} ({db.value})")
    return _Clash("date", (da.value, db.value), "date", shown, spans_of(da, db))


def _day_of_month_clash(p: _Pair) -> _Clash | None:
    if caption_like(p.a) or caption_like(p.b):
        return None
    return _found_clash("date", "day of the month", day_of_month_conflict)(p)


def _parallel_number_clash(p: _Pair) -> _Clash | None:
    if as_of_now(p.a) and as_of_now(p.b) and len(p.hunks or []) > 1:
        return None  # two counts as of two moments ("since June 2" / "since the morning")
    if any(told_as_of_now(_words(xs)) != told_as_of_now(_words(ys)) for xs, ys in p.hunks or []):
        return None  # one copy calls its figure the count by now ("mittlerweile 1.480"): a later count
    numbers = parallel_number(p.a, p.b, p.hunks or [])
    if numbers is not None and parallel_date_word(p.hunks or []) is not None:
        return None  # a count and a day changed: counts of two days, two events
    if numbers is None or either_stated_elsewhere(p.a, p.b, numbers, p.fact, p.statements, in_place=True):
        return None
    qa, qb = numbers
    what = f"{counted_as(qa)} in the same wording"
    return _Clash(
        "quantity", (qa.to_json(), qb.to_json()), what, (repr(qa.text), repr(qb.text)), spans_of(qa, qb)
    )


def _words(tokens: Sequence[Token]) -> str:
    return " ".join(t.text for t in tokens)


def _parallel_date_clash(p: _Pair) -> _Clash | None:
    words = parallel_date_word(p.hunks or [])
    if words is None or parallel_number(p.a, p.b, p.hunks or []) is not None or _two_counts(p.a, p.b):
        return None  # (a count changed too: two days' counts)
    wa, wb = words
    shown = (repr(wa.text), repr(wb.text))
    return _Clash("date", (wa.text, wb.text), "date in the same wording", shown, spans_of(wa, wb))


def _found_clash(
    kind: str, what: str, detect: Callable[[Statement, Statement], tuple[Found, Found] | None]
) -> Callable[[_Pair], _Clash | None]:
    """A detector from ``clashes`` that names the two stretches it found."""

    def clash(p: _Pair) -> _Clash | None:
        found = detect(p.a, p.b)
        if found is None:
            return None
        fa, fb = found
        return _Clash(kind, (fa.text, fb.text), what, (repr(fa.text), repr(fb.text)), spans_of(fa, fb))

    return clash


def _two_days(p: _Pair) -> bool:
    return weekday_conflict(p.a, p.b) is not None or parallel_date_word(p.hunks or []) is not None


def _local_figure_clash(p: _Pair) -> _Clash | None:
    if _two_days(p) or caption_like(p.a) or caption_like(p.b):
        return None  # a figure of each of two days: two events; a caption's date dates a picture
    clash = _found_clash("quantity", "figure after the same words", local_figure_conflict)(p)
    if clash is None:
        return None
    # a figure the other article gives too, in this fact (or, for two statements compared apart from
    # the facts, anywhere in it), is about something else: two bodies' sums, each outlet giving both
    for value, other in ((clash.values[0], p.b.article), (clash.values[1], p.a.article)):
        digits = re.sub(r"\D", "", str(value))
        if any(
            digits in figure_digits(p.statements[sid])
            for sid in p.fact.statements
            if p.statements[sid].article == other
        ):
            return None
    return clash


def _weekday_clash(p: _Pair) -> _Clash | None:
    """Two weekdays for one event; but two days with two counts of one thing are two events ("at
    least 14 killed on Tuesday" / "two killed on Monday", "more than 30 hurt on Friday" / "more
    than 45 hurt on Monday")."""
    if quantity_conflict(p.a, p.b, p.span_a, p.span_b) is not None or _two_counts(p.a, p.b):
        return None
    clash = _found_clash("date", "weekday", weekday_conflict)(p)
    if clash is not None and _both_days_told_by_both(p):
        return None
    return clash


def _both_days_told_by_both(p: _Pair) -> bool:
    """Whether each of the two articles tells, somewhere, of a past event on each of the two weekdays
    (each tells that "the storm reached the coast on Sunday" and "the port reopened on Monday", worded
    its own way): outlets that both report what happened on both days give the one day or the
    other to two of the story's events, not two days to one event. Parallel wording with only the day
    changed is still a clash (``_parallel_date_clash`` is asked first). Our own reading of how running
    stories are told (nineteenth session; the need was seen on the tuning half, two incidents of one
    war on two days)."""
    days = {weekdays(p.a)[0][0], weekdays(p.b)[0][0]}
    return all(
        days <= days_told(s for s in p.statements.values() if s.article == article)
        for article in (p.a.article, p.b.article)
    )


def _two_counts(a: Statement, b: Statement) -> bool:
    """Whether the two statements count one thing with two figures, bounds or not ("more than 30
    hurt on Friday" / "more than 45 hurt on Monday"): with two weekdays, two days' tolls."""
    mine: dict[str, set[float]] = {}
    for key, q in counts(a):
        mine.setdefault(key, set()).add(q.value)
    theirs = counts(b)
    if any(key in mine and q.value not in mine[key] for key, q in theirs):
        return True
    # each a figure of its own and none alike, however the counted thing is named: two days' reports
    # ("412 neue Ansteckungen" on Monday / "980 neue Fälle" on Friday)
    values = {v for vs in mine.values() for v in vs}
    return bool(values) and bool(theirs) and not any(q.value in values for _, q in theirs)


def _speaker_clash(p: _Pair) -> _Clash | None:
    speakers = speaker_conflict(p.a, p.b, p.part) if p.part is not None else None
    if speakers is None:
        return None
    reason = (
        f"speaker: the same quote is {speakers[0]}'s in {p.a.article} and {speakers[1]}'s in {p.b.article}"
    )
    spans = ((p.a.start, p.a.end), (p.b.start, p.b.end))
    return _Clash("speaker", speakers, "speaker", speakers, spans, reason)


def _actor_clash(p: _Pair) -> _Clash | None:
    actor = actor_conflict(p.a, p.b, p.hunks or [])
    if actor is None:
        return None
    kind, x, y = actor
    if _parts_of_one_name(x.text, y.text, p):
        return None
    return _Clash(kind, (x.text, y.text), kind, (repr(x.text), repr(y.text)), spans_of(x, y))


def _parts_of_one_name(x: str, y: str, p: _Pair) -> bool:
    """Whether the two names are parts of one full name either article gives somewhere ("Wolf" and
    "Berger" of a minister the story once names "Clara Wolf Berger"): one person, called by either
    surname."""
    x, y = typographic_form(x).strip(), typographic_form(y).strip()
    if not x or not y:
        return False
    full = re.compile(
        rf"\b(?:{re.escape(x)}\s+(?:\w+\s+)?{re.escape(y)}|{re.escape(y)}\s+(?:\w+\s+)?{re.escape(x)})\b"
    )
    return any(
        s.article in (p.a.article, p.b.article) and full.search(typographic_form(s.text))
        for s in p.statements.values()
    )


def _negation_clash(p: _Pair) -> _Clash | None:
    a, b, span_a, span_b = p.a, p.b, p.span_a, p.span_b
    negation = negation_conflict(a, b, span_a, span_b, p.part) if p.part is not None else None
    stretch = parallel_negation(p.hunks) if p.hunks is not None else None
    if negation is None or (p.hunks is not None and (stretch is None or negated_opposite(p.hunks))):
        return None
    values = (negations(a, span_a) > 0, negations(b, span_b) > 0)
    spans = (span_a or (a.start, a.end), span_b or (b.start, b.end))
    if stretch is not None and stretch[0] and stretch[1]:
        spans = ((stretch[0][0].start, stretch[0][-1].end), (stretch[1][0].start, stretch[1][-1].end))
    return _Clash("negation", values, "negation", ("", ""), spans, negation)


def _opposite_clash(p: _Pair) -> _Clash | None:
    """Parallel wording with opposite outcomes ("confirmed" / "denied", "angenommen" / "abgelehnt"):
    ``compare.opposites``."""
    found = opposite_outcome(p.a, p.b, p.hunks or [])
    if found is None:
        return None
    name, xs, ys = found
    x, y = (_joined(ts, s) for ts, s in ((xs, p.a), (ys, p.b)))
    return _Clash("negation", (x.text, y.text), name, (repr(x.text), repr(y.text)), spans_of(x, y))


def _joined(tokens: Sequence[Token], s: Statement) -> Found:
    start, end = tokens[0].start, tokens[-1].end
    return Found(s.text[start - s.start : end - s.start], start, end)


def _share_clash(p: _Pair) -> _Clash | None:
    """A count and its share, tied to one group by the precise figure both give alike
    (``share_conflict``): asked of any two statements that give it, linked or not."""
    if not share_pairs_clashing(p.a, p.b):
        return None  # (most statements give no share: the articles' other statements are not read)
    articles = (p.a.article, p.b.article)
    others = [s for s in p.statements.values() if s.article in articles]
    found = share_conflict(p.a, p.b, others)
    if found is None:
        return None
    x, y, by_count = found
    if by_count:  # "share of the same '1,4 Millionen Menschen': '18 Prozent' in a vs '19 Prozent' in b"
        what, values = f"share of the same {x.count.text!r}", (x.percent, y.percent)
    else:
        what, values = f"count for the same share {x.percent.text!r}", (x.count, y.count)
    shown = (repr(values[0].text), repr(values[1].text))
    return _Clash(
        "quantity", (values[0].to_json(), values[1].to_json()), what, shown, spans_of(x.found, y.found)
    )


_SHARE_CLASH = _share_clash


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
    _Detector(_day_of_month_clash, strong=True),
    _Detector(_parallel_number_clash, parallel=True),
    _Detector(_parallel_date_clash, parallel=True),
    _Detector(_weekday_clash, strong=True),
    _Detector(_found_clash("quantity", "tally", tally_conflict), strong=True),
    _Detector(_SHARE_CLASH),
    _Detector(_found_clash("date", "time of day", daypart_conflict), strong=True),
    _Detector(_found_clash("detail", "side", side_conflict), strong=True),
    _Detector(_local_figure_clash, strong=True),
    _Detector(_speaker_clash),
    _Detector(_actor_clash, parallel=True),
    _Detector(_opposite_clash, parallel=True),
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
    hunks = parallel(a, b, None, None)
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
    clash = _Clash("quantity", values, "figure after the same words", shown, spans_of(fa, fb))
    return _conflict(clash, a, b, fact)


# What is looked for between two statements of two articles that are not each other's best match but
# fill one slot (``compare.slots``): linked in parallel wording, the checks of parallel wording; in one
# slot, the checks of each other's strong best match and the clock time; after the same words, the
# figure.
_PARALLEL_DETECTORS = tuple(row.detect for row in _DETECTORS if row.parallel)
_SLOT_DETECTORS = (
    *(row.detect for row in _DETECTORS if row.strong),
    _found_clash("date", "clock time", clock_conflict),
)
_FIGURE_DETECTORS = (_local_figure_clash,)
# A statement that holds several facts links to several statements of another article, and only one of
# them is its best match ("tall, a red cap, a scar on the left hand" links best to the other
# outlet's description, next to its "scar on the right hand"): its strong second links are asked
# the checks of a narrow stretch that says which slot it fills.
_NARROW_DETECTORS = (
    _found_clash("detail", "side", side_conflict),
    _found_clash("date", "clock time", clock_conflict),
    _found_clash("date", "time of day", daypart_conflict),
    _found_clash("quantity", "tally", tally_conflict),
    _SHARE_CLASH,
)


_VAGUE = re.compile(
    r"\b(?:dozens|hundreds|thousands|millions|scores|dutzende|hunderte|tausende|millionen\s+von)\b", re.I
)


Figures = Mapping[str, Mapping[str, Sequence[Quantity]]]  # article -> counted thing -> its figures


def figures_of(statements: Sequence[Statement]) -> Figures:
    """Every figure each article gives of each counted thing (``slots.counts``); vague counts ("hundreds
    of stars") are no figure."""
    found: dict[str, dict[str, list[Quantity]]] = {}
    for s in statements:
        for key, q in counts(s):
            if not _VAGUE.search(q.text):
                found.setdefault(s.article, {}).setdefault(key, []).append(q)
    return found


def _count_clash_in(figures: Figures) -> Callable[[_Pair], _Clash | None]:
    """The check of two counts of one thing found apart from the facts (``slots.count_pairs``): they
    clash only when each article gives that thing one figure besides those both articles give alike
    and bounds its own figures meet ("at least 12" beside "15"). An article with two figures of it
    counts two things (before and after, here and there), and which one the other article contradicts
    is not known."""

    def clash(p: _Pair) -> _Clash | None:
        found = quantity_conflict(p.a, p.b, None, None)
        if found is None or {unit_key(q.unit) for q in found} & DURATIONS:
            return None
        for q, s, other in ((found[0], p.a, p.b), (found[1], p.b, p.a)):
            key = unit_key(q.unit) or ""
            theirs = figures.get(other.article, {}).get(key, ())
            mine = figures.get(s.article, {}).get(key, ())
            own = {
                x.value
                for x in mine
                if not any(quantities_agree(x, y) for y in theirs) and not bound_met(x, mine)
            }
            if len(own | {q.value}) > 1:
                return None
        return _quantity_clash(p)

    return clash


def _given_by_the_other(
    clash: _Clash, a: Statement, b: Statement, fact: Fact, statements: Mapping[str, Statement]
) -> bool:
    """Whether either article gives the other's clashing value in another statement of ``fact``: an
    article does not contradict what it says itself, so the two values are about two things."""
    for (start, end), mine, other in ((clash.spans[0], a, b), (clash.spans[1], b, a)):
        text = typographic_form(mine.text[start - mine.start : end - mine.start]).strip().lower()
        if not text:
            continue
        said = re.compile(r"(?<!\w)" + re.escape(text) + r"(?!\w)")
        theirs = (statements[sid] for sid in fact.statements if sid != other.id)
        if any(s.article == other.article and said.search(typographic_form(s.text).lower()) for s in theirs):
            return True
    return False


def _unlinked_conflicts(
    statements: Mapping[str, Statement],
    fact_of: Mapping[str, Fact],
    links: Sequence[Link],
    parts: Mapping[tuple[str, str], ScoreParts],
    seen: set[frozenset[str]],
) -> list[Conflict]:
    """Conflicts between statements of two articles that are not each other's best match: the
    aligner may not link "Weber legte gegen 8 Uhr am Steg ab" to a longer sentence that also says who
    was on board, and a copy of a sentence with one number changed may link better elsewhere. Which
    fact each statement landed in does not matter: a value the other article also gives, anywhere,
    is no clash (``_given_by_the_other``)."""
    placed = [statements[sid] for sid in sorted(statements) if sid in fact_of]
    by_article: dict[str, list[str]] = {}
    for s in placed:
        by_article.setdefault(s.article, []).append(s.id)
    linked = []
    strongly_linked = []
    for k in sorted(links, key=lambda k: (k.a, k.b)):
        part = parts.get((k.a, k.b))
        # each other's best matches were asked every check already
        if k.a in fact_of and k.b in fact_of and (part is None or not part.mutual):
            linked.append((statements[k.a], statements[k.b]))
            if part is not None and part.score >= NARROW_MIN_SCORE and part.names >= 0:
                strongly_linked.append((statements[k.a], statements[k.b]))
    found = []
    count_detectors = (_count_clash_in(figures_of(placed)),)
    for pairs, detectors in (
        (linked, _PARALLEL_DETECTORS),
        (strongly_linked, _NARROW_DETECTORS),
        (slot_pairs(placed), _SLOT_DETECTORS),
        (figure_pairs(placed), _FIGURE_DETECTORS),
        (count_pairs(placed), count_detectors),
        (odd_figure_pairs(placed), count_detectors),
        (share_pairs(placed), (_SHARE_CLASH,)),
    ):
        for a, b in pairs:
            if frozenset((a.id, b.id)) in seen:
                continue
            hunks = parallel(a, b, None, None)
            if hunks == []:
                continue  # copies in another typographic form never conflict
            if detectors is _PARALLEL_DETECTORS and hunks is None:
                continue  # a link not in parallel wording: only each other's best match says more
            # Two statements compared apart from the facts: a value either article gives anywhere
            # else is about something else (a board's fine, beside the inspector's proposal that
            # the other outlet gives too), wherever the grouping put that statement. This stands in for
            # a link: a statement that links better elsewhere may still clash here.
            both = (*by_article[a.article], *by_article[b.article])
            fact = replace(fact_of[a.id], statements=both)
            pair = _Pair(a, b, None, None, None, fact, statements, hunks, True)
            clash = next((c for detect in detectors if (c := detect(pair)) is not None), None)
            if clash is None or _given_by_the_other(clash, a, b, fact, statements):
                continue
            seen.add(frozenset((a.id, b.id)))
            found.append(replace(_conflict(clash, a, b, fact), fact=fact_of[a.id].id))
    return found


def _age_conflicts(
    statements: Mapping[str, Statement], fact_of: Mapping[str, Fact], seen: set[frozenset[str]]
) -> list[Conflict]:
    """One person given two ages by two articles (``compare.ages``), wherever the two say it: an age
    belongs to the person, so the pair need not be linked, and the conflict shows in the first's fact."""
    placed = [statements[sid] for sid in sorted(statements) if sid in fact_of]
    before = statements_before(list(statements.values()))
    found = []
    for a, b in age_pairs(placed, before):
        if frozenset((a.id, b.id)) in seen or parallel(a, b, None, None) == []:
            continue
        given = age_conflict(a, b, before)
        if given is None:
            continue
        fa, fb = given
        seen.add(frozenset((a.id, b.id)))
        shown = (repr(fa.text), repr(fb.text))
        found.append(
            _conflict(
                _Clash("quantity", (fa.text, fb.text), "age", shown, spans_of(fa, fb)), a, b, fact_of[a.id]
            )
        )
    return found


def _relation_conflicts(
    statements: Mapping[str, Statement], fact_of: Mapping[str, Fact], seen: set[frozenset[str]]
) -> list[Conflict]:
    """Two people tied by two family relations in two articles (``compare.relations``), wherever the two
    say it: a relation belongs to the people, so the pair need not be linked; the conflict shows in the
    first's fact."""
    placed = [statements[sid] for sid in sorted(statements) if sid in fact_of and relations(statements[sid])]
    found = []
    for n, a in enumerate(placed):
        for b in placed[n + 1 :]:
            if a.article == b.article or frozenset((a.id, b.id)) in seen:
                continue
            words = relation_conflict(a, b)
            if words is None:
                continue
            wa, wb = words
            seen.add(frozenset((a.id, b.id)))
            clash = _Clash(
                "detail",
                (wa.text, wb.text),
                "family relation",
                (repr(wa.text), repr(wb.text)),
                spans_of(wa, wb),
            )
            found.append(_conflict(clash, a, b, fact_of[a.id]))
    return found


def find_conflicts(
    facts: Sequence[Fact],
    statements: Mapping[str, Statement],
    links: Sequence[Link],
    parts: Mapping[tuple[str, str], ScoreParts],
) -> tuple[Conflict, ...]:
    """Contradictions between statements of two articles, in fact order: between each other's best
    matches, and between statements that are not but fill one slot (``_unlinked_conflicts``)."""
    with whole_counts(list(statements.values())):
        return _find_conflicts(facts, statements, links, parts)


def _find_conflicts(
    facts: Sequence[Fact],
    statements: Mapping[str, Statement],
    links: Sequence[Link],
    parts: Mapping[tuple[str, str], ScoreParts],
) -> tuple[Conflict, ...]:
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
                a, b = statements[link.a], statements[link.b]
                local = local_figure_conflict(a, b)
                if (
                    local is not None
                    and weekday_conflict(a, b) is None
                    and not (caption_like(a) or caption_like(b))
                ):
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
    conflicts.extend(carried_over(conflicts, fact_of, statements, links))
    seen = {frozenset(c.statements) for c in conflicts}
    conflicts.extend(_unlinked_conflicts(statements, fact_of, links, parts, seen))
    conflicts.extend(_age_conflicts(statements, fact_of, seen))
    conflicts.extend(_relation_conflicts(statements, fact_of, seen))
    conflicts.sort(key=lambda c: (int(c.fact[1:]) if c.fact[1:].isdigit() else 0, c.statements))
    return tuple(
        Conflict(f"c{n}", c.kind, c.fact, c.statements, c.values, c.reason, c.spans)
        for n, c in enumerate(conflicts, start=1)
    )
