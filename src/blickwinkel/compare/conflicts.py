"""Contradictions inside one fact: the same counted thing with different numbers, different dates."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from blickwinkel.analyse.units import unit_key
from blickwinkel.compare.agreement import quantities_agree
from blickwinkel.compare.similarity import ScoreParts, char_ngrams, dice
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
    off first: "1.000 oder 5.000 Euro" against "1.000 oder 6.000 Euro" clashes on 5.000 vs 6.000."""
    qas = [q for q in a.quantities if _within(q, span_a)]
    qbs = [q for q in b.quantities if _within(q, span_b)]
    open_a = [qa for qa in qas if not any(quantities_agree(qa, qb) is True for qb in qbs)]
    open_b = [qb for qb in qbs if not any(quantities_agree(qa, qb) is True for qa in qas)]
    for qa in open_a:
        for qb in open_b:
            if quantities_agree(qa, qb) is False:
                return (qa, qb)
    return None


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
    # Dates both sides give are paired off first ("am Samstag und Sonntag" against "am Dienstag und
    # Sonntag" clashes on Saturday vs Tuesday); a date only one side gives is no contradiction.
    open_a, open_b = sorted(set(da) - set(db)), sorted(set(db) - set(da))
    if not open_a or not open_b:
        return None
    va, vb = open_a[0], open_b[0]
    return (va, da[va], vb, db[vb])


_NEGATION = re.compile(
    r"\b(nicht|kein|keine|keinen|keinem|keiner|keines|nie|niemals|nichts|weder|not|no|never|none|"
    r"neither|nobody|nothing)\b|n't\b",
    re.IGNORECASE,
)
# Two statements that differ only in a name or a negation are near-identical in wording.
SAME_WORDING_MIN_CHARS = 0.6
NEGATION_MIN_CHARS = 0.7
SWAPPED_NAME_MIN_DICE = 0.6

Span = tuple[int, int] | None


def _negations(s: Statement, span: Span) -> int:
    start, end = (span[0] - s.start, span[1] - s.start) if span else (0, len(s.text))
    return len(_NEGATION.findall(s.text[start:end]))


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
    a: Statement, b: Statement, span_a: Span, span_b: Span, part: ScoreParts
) -> tuple[str, Mention, Mention] | None:
    """The same wording with a different person, organisation or place in it: "Die Stadt sperrte …"
    against "Das Landesamt sperrte …". A name the other statement also contains as text (the
    recogniser missed it there) is no clash."""
    if part.chars < SAME_WORDING_MIN_CHARS:
        return None
    # The recogniser may type the same slot differently ("Milan Brodtke" as a place), so any two
    # names that fill the same slot of otherwise equal wording clash; the kind follows the types.
    every = frozenset({"PER", "ORG", "LOC"})
    ma, mb = _names(a, span_a, every), _names(b, span_b, every)
    only_a = [m for k, m in ma.items() if k not in mb and m.text.lower() not in b.text.lower()]
    only_b = [m for k, m in mb.items() if k not in ma and m.text.lower() not in a.text.lower()]
    for x in only_a:
        for y in only_b:
            if _same_without(a, x, b, y):
                return ("place" if x.type == y.type == "LOC" else "actor", x, y)
    return None


def _same_without(a: Statement, x: Mention, b: Statement, y: Mention) -> bool:
    """Whether the two statements say the same once the two names are taken out: the names then
    fill the same role."""
    rest_a = a.text.replace(x.text, " ")
    rest_b = b.text.replace(y.text, " ")
    return dice(char_ngrams(rest_a), char_ngrams(rest_b)) >= SWAPPED_NAME_MIN_DICE


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
    if part.names >= 0 and part.score >= CONFLICT_MIN_SCORE:
        clash = _quantity_conflict(a, b, span_a, span_b)
        if clash is not None and not (
            _stated_elsewhere(clash[0], b.article, fact, statements)
            or _stated_elsewhere(clash[1], a.article, fact, statements)
        ):
            qa, qb = clash
            what = unit_key(qa.unit) or qa.unit or "number"
            reason = f"{what}: {qa.text!r} in {a.article} vs {qb.text!r} in {b.article}"
            return Conflict("", "quantity", fact.id, pair, (qa.to_json(), qb.to_json()), reason)
        dates = _date_conflict(a, b, span_a, span_b)
        if dates is not None:
            va, ta, vb, tb = dates
            reason = f"date: {ta!r} ({va}) in {a.article} vs {tb!r} ({vb}) in {b.article}"
            return Conflict("", "date", fact.id, pair, (va, vb), reason)
    speakers = _speaker_conflict(a, b, part)
    if speakers is not None:
        reason = (
            f"speaker: the same quote is {speakers[0]}'s in {a.article} and {speakers[1]}'s in {b.article}"
        )
        return Conflict("", "speaker", fact.id, pair, speakers, reason)
    actor = _actor_conflict(a, b, span_a, span_b, part)
    if actor is not None:
        kind, x, y = actor
        reason = f"{kind}: {x.text!r} in {a.article} vs {y.text!r} in {b.article}"
        return Conflict("", kind, fact.id, pair, (x.text, y.text), reason)
    negation = _negation_conflict(a, b, span_a, span_b, part)
    if negation is not None:
        return Conflict(
            "", "negation", fact.id, pair, (_negations(a, span_a) > 0, _negations(b, span_b) > 0), negation
        )
    return None


def _carried_over(
    found: Sequence[Conflict], fact_of: Mapping[str, Fact], statements: Mapping[str, Statement]
) -> list[Conflict]:
    """A number that contradicts one outlet also contradicts every other outlet of the fact that
    states the same number as that one, linked directly or not."""
    extra: list[Conflict] = []
    seen = {frozenset(c.statements) for c in found}
    for c in found:
        if c.kind != "quantity":
            continue
        fact = fact_of[c.statements[0]]
        for side in (0, 1):
            mine, theirs = statements[c.statements[side]], statements[c.statements[1 - side]]
            q_mine = next(q for q in mine.quantities if q.to_json() == c.values[side])
            q_theirs = next(q for q in theirs.quantities if q.to_json() == c.values[1 - side])
            for sid in fact.statements:
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
                    extra.append(
                        Conflict("", "quantity", fact.id, pair, (q_mine.to_json(), same[0].to_json()), reason)
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
        fact = fact_of.get(link.a)
        if fact is None or fact_of.get(link.b) is not fact:
            continue
        part = parts.get((link.a, link.b))
        # A contradiction needs the same fact: the two statements must be each other's best match,
        # not a second partner that merely shares the sentence pattern ("…, neun Tage nach …").
        if part is None or not part.mutual:
            continue
        a, b = statements[link.a], statements[link.b]
        found = _conflict_of_pair(a, b, part.span_a, part.span_b, part, fact, statements)
        if found is not None:
            conflicts.append(found)
    conflicts.extend(_carried_over(conflicts, fact_of, statements))
    conflicts.sort(key=lambda c: (int(c.fact[1:]) if c.fact[1:].isdigit() else 0, c.statements))
    return tuple(
        Conflict(f"c{n}", c.kind, c.fact, c.statements, c.values, c.reason)
        for n, c in enumerate(conflicts, start=1)
    )
