"""A clash found between two outlets carried to every other outlet that says the same as one of them.

When one outlet gives 12 and another 15, a third that also gives 15 contradicts the first as well,
though the aligner paired it with someone else.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from blickwinkel.analyse.units import unit_key
from blickwinkel.compare.agreement import quantities_agree
from blickwinkel.compare.clashes import spans_of, tallies
from blickwinkel.model import Conflict, Fact, Link, Statement


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
                            spans_of(fm, same[0]),
                        )
                    )
    return extra


def _linked(links: Sequence[Link]) -> dict[str, set[str]]:
    linked: dict[str, set[str]] = {}
    for link in links:
        linked.setdefault(link.a, set()).add(link.b)
        linked.setdefault(link.b, set()).add(link.a)
    return linked


def carried_over(
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
                        Conflict("", "quantity", fact.id, pair, values, reason, spans_of(q_mine, same[0]))
                    )
    return extra
