"""Contradictions inside one fact: the same counted thing with different numbers, different dates."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from blickwinkel.analyse.quantities import quantities_agree, unit_key
from blickwinkel.compare.similarity import ScoreParts
from blickwinkel.model import Conflict, DateMention, Fact, Link, Quantity, Statement

# A conflict needs the same fact, not merely the same topic: only strongly aligned statements whose
# names do not clash are checked.
CONFLICT_MIN_SCORE = 0.6


def _number_text(q: Quantity) -> str:
    return q.text


def _within(q: Quantity | DateMention, span: tuple[int, int] | None) -> bool:
    return span is None or (q.start >= span[0] and q.end <= span[1])


def _quantity_conflict(
    a: Statement, b: Statement, span_a: tuple[int, int] | None, span_b: tuple[int, int] | None
) -> tuple[Quantity, Quantity] | None:
    """The first pair of quantities of the same counted thing that disagree, inside the parts of the
    two statements that matched, unless another pair of that thing agrees."""
    clash: tuple[Quantity, Quantity] | None = None
    for qa in a.quantities:
        if not _within(qa, span_a):
            continue
        for qb in b.quantities:
            if not _within(qb, span_b):
                continue
            verdict = quantities_agree(qa, qb)
            if verdict is True:
                return None
            if verdict is False and clash is None:
                clash = (qa, qb)
    return clash


def _stated_elsewhere(q: Quantity, article: str, fact: Fact, statements: Mapping[str, Statement]) -> bool:
    """Whether ``article`` also states a number that agrees with ``q`` in this fact: an article does not
    contradict a number it states itself, so its other number is about something else."""
    for sid in fact.statements:
        s = statements[sid]
        if s.article == article and any(quantities_agree(q, other) is True for other in s.quantities):
            return True
    return False


def _date_conflict(
    a: Statement, b: Statement, span_a: tuple[int, int] | None, span_b: tuple[int, int] | None
) -> tuple[str, str, str, str] | None:
    """Two full dates (YYYY-MM-DD) for the event of one fact that differ and none that agree."""
    da = {d.value: d.text for d in a.dates if d.value and len(d.value) == 10 and _within(d, span_a)}
    db = {d.value: d.text for d in b.dates if d.value and len(d.value) == 10 and _within(d, span_b)}
    if not da or not db or set(da) & set(db):
        return None
    va, vb = min(da), min(db)
    return (va, da[va], vb, db[vb])


def find_conflicts(
    facts: Sequence[Fact],
    statements: Mapping[str, Statement],
    links: Sequence[Link],
    parts: Mapping[tuple[str, str], ScoreParts],
) -> tuple[Conflict, ...]:
    linked = {(k.a, k.b): k for k in links}
    conflicts: list[Conflict] = []
    for fact in facts:
        if len(fact.articles) < 2:
            continue
        ids = fact.statements
        for x in range(len(ids)):
            for y in range(x + 1, len(ids)):
                a, b = statements[ids[x]], statements[ids[y]]
                if a.article == b.article:
                    continue
                key = (a.id, b.id) if (a.id, b.id) in linked else (b.id, a.id)
                part = parts.get(key)
                if part is None or part.score < CONFLICT_MIN_SCORE or part.names < 0:
                    continue
                values: tuple[Any, ...]
                span_a, span_b = (part.span_a, part.span_b) if key == (a.id, b.id) else (part.span_b, part.span_a)
                clash = _quantity_conflict(a, b, span_a, span_b)
                if clash is not None and not (
                    _stated_elsewhere(clash[0], b.article, fact, statements)
                    or _stated_elsewhere(clash[1], a.article, fact, statements)
                ):
                    qa, qb = clash
                    what = unit_key(qa.unit) or qa.unit or "number"
                    values = (qa.to_json(), qb.to_json())
                    reason = f"{what}: {_number_text(qa)!r} in {a.article} vs {_number_text(qb)!r} in {b.article}"
                    conflicts.append(Conflict("", "quantity", fact.id, (a.id, b.id), values, reason))
                    continue
                dates = _date_conflict(a, b, span_a, span_b)
                if dates is not None:
                    va, ta, vb, tb = dates
                    values = (va, vb)
                    reason = f"date: {ta!r} ({va}) in {a.article} vs {tb!r} ({vb}) in {b.article}"
                    conflicts.append(Conflict("", "date", fact.id, (a.id, b.id), values, reason))
    return tuple(
        Conflict(f"c{n}", c.kind, c.fact, c.statements, c.values, c.reason)
        for n, c in enumerate(conflicts, start=1)
    )
