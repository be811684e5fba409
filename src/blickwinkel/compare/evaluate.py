"""Score a comparison against a gold file: fact links, unique-fact flags and conflicts.

A gold file names facts by text fragments, not statement ids, so it survives changes of sentence
splitting::

    {"schema": "blickwinkel.gold/1",
     "inputs": ["a.txt", "b.md"],                       # paths relative to the gold file
     "facts": [{"name": "commuters",
                "mentions": {"<article id>": "fragment of the statement", ...}}],
     "conflicts": [{"fact": "commuters", "articles": ["<id>", "<id>"]}]}

A fact with one mention is that article's unique fact. Each fragment must occur in exactly one
statement of its article, and a statement belongs to at most one gold fact. A conflict entry names
one pair of articles that disagree on the fact (three entries when one outlet contradicts three).
``note`` fields are for people and ignored. examples/gold/README.md explains the conventions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from blickwinkel.errors import Errors, EvaluationError
from blickwinkel.model import Comparison, Statement

GOLD_SCHEMA = "blickwinkel.gold/1"
TASKS = ("links", "unique_facts", "conflicts")


@dataclass(frozen=True)
class GoldFact:
    name: str
    mentions: Mapping[str, str]


@dataclass(frozen=True)
class GoldConflict:
    fact: str
    articles: tuple[str, str]


@dataclass(frozen=True)
class Gold:
    inputs: tuple[str, ...]
    facts: tuple[GoldFact, ...]
    conflicts: tuple[GoldConflict, ...]


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f1: float
    support: int
    true_positives: int = 0
    predicted: int = 0

    @staticmethod
    def of(tp: int, predicted: int, gold: int) -> PRF:
        p = tp / predicted if predicted else (1.0 if not gold else 0.0)
        r = tp / gold if gold else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return PRF(round(p, 4), round(r, 4), round(f, 4), gold, tp, predicted)

    def to_json(self) -> dict[str, float | int]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "support": self.support,
            "true_positives": self.true_positives,
            "predicted": self.predicted,
        }


def parse_gold(data: Any, source: str) -> Gold:
    """Validate a gold file's JSON; errors name the file and the field."""
    if not isinstance(data, dict):
        raise EvaluationError(Errors.V001.format(source=source))
    schema = data.get("schema", GOLD_SCHEMA)
    if schema != GOLD_SCHEMA:
        raise EvaluationError(Errors.V008.format(source=source, schema=schema, expected=GOLD_SCHEMA))
    inputs = data.get("inputs")
    if not isinstance(inputs, list) or not all(isinstance(x, str) and x for x in inputs) or len(inputs) < 2:
        raise EvaluationError(Errors.V002.format(source=source))
    raw_facts = data.get("facts")
    if not isinstance(raw_facts, list) or not raw_facts:
        raise EvaluationError(
            Errors.V003.format(source=source, field="field 'facts'", problem="must be a non-empty list")
        )
    facts = [_parse_fact(f, n, source) for n, f in enumerate(raw_facts)]
    by_name: dict[str, GoldFact] = {}
    for n, fact in enumerate(facts):
        if fact.name in by_name:
            raise EvaluationError(
                Errors.V003.format(
                    source=source, field=f"facts[{n}]", problem=f"repeats the name {fact.name!r}"
                )
            )
        by_name[fact.name] = fact
    raw_conflicts = data.get("conflicts", [])
    if not isinstance(raw_conflicts, list):
        raise EvaluationError(
            Errors.V004.format(source=source, field="field 'conflicts'", problem="must be a list")
        )
    conflicts = [_parse_conflict(c, n, by_name, source) for n, c in enumerate(raw_conflicts)]
    return Gold(tuple(inputs), tuple(facts), tuple(conflicts))


def _parse_fact(f: Any, n: int, source: str) -> GoldFact:
    if not isinstance(f, dict) or not isinstance(f.get("name"), str) or not f["name"]:
        raise EvaluationError(
            Errors.V003.format(
                source=source, field=f"facts[{n}]", problem="needs 'name' (string) and 'mentions'"
            )
        )
    mentions = f.get("mentions")
    if not isinstance(mentions, dict) or not mentions:
        raise EvaluationError(
            Errors.V003.format(source=source, field=f"facts[{n}] ({f['name']!r})", problem="needs 'mentions'")
        )
    for article, fragment in mentions.items():
        if not isinstance(fragment, str) or not fragment.strip():
            raise EvaluationError(
                Errors.V003.format(
                    source=source,
                    field=f"facts[{n}].mentions[{article!r}]",
                    problem="must be a non-empty text",
                )
            )
    return GoldFact(f["name"], dict(mentions))


def _parse_conflict(c: Any, n: int, facts: Mapping[str, GoldFact], source: str) -> GoldConflict:
    arts = c.get("articles") if isinstance(c, dict) else None
    if not isinstance(c, dict) or c.get("fact") not in facts or not isinstance(arts, list) or len(arts) != 2:
        raise EvaluationError(
            Errors.V004.format(source=source, field=f"conflicts[{n}]", problem="needs 'fact' and 'articles'")
        )
    a, b = str(arts[0]), str(arts[1])
    mentioned = facts[c["fact"]].mentions
    if a == b or a not in mentioned or b not in mentioned:
        raise EvaluationError(
            Errors.V004.format(
                source=source,
                field=f"conflicts[{n}].articles",
                problem=f"must be two of {', '.join(sorted(mentioned))} that mention {c['fact']!r}, "
                f"got [{a!r}, {b!r}]",
            )
        )
    return GoldConflict(str(c["fact"]), (a, b))


def _locate(gold: Gold, statements: Sequence[Statement]) -> dict[tuple[str, str], str]:
    """(fact name, article id) → statement id of the statement that holds the fragment."""
    located: dict[tuple[str, str], str] = {}
    owner: dict[str, str] = {}
    for fact in gold.facts:
        for article, fragment in fact.mentions.items():
            hits = [s for s in statements if s.article == article and fragment in s.text]
            if not hits:
                known = sorted({s.article for s in statements})
                raise EvaluationError(
                    Errors.V005.format(
                        fact=fact.name, article=article, fragment=fragment, known=", ".join(known)
                    )
                )
            if len(hits) > 1:
                raise EvaluationError(
                    Errors.V006.format(
                        fact=fact.name,
                        fragment=fragment,
                        count=len(hits),
                        article=article,
                        ids=", ".join(s.id for s in hits),
                    )
                )
            sid = hits[0].id
            if sid in owner:
                raise EvaluationError(Errors.V007.format(first=owner[sid], second=fact.name, statement=sid))
            owner[sid] = fact.name
            located[(fact.name, article)] = sid
    return located


@dataclass(frozen=True)
class _Judgement:
    """Gold and predicted items of the three tasks, as sets, for scoring and for listing the errors."""

    gold_links: frozenset[frozenset[str]]
    predicted_links: frozenset[frozenset[str]]
    gold_unique: frozenset[str]
    predicted_unique: frozenset[str]
    gold_conflicts: frozenset[tuple[str, frozenset[str]]]
    predicted_conflicts: frozenset[tuple[str, frozenset[str]]]
    fact_of_statement: Mapping[str, str]
    conflict_reasons: Mapping[tuple[str, frozenset[str]], str]


def _judge(gold: Gold, comparison: Comparison) -> _Judgement:
    located = _locate(gold, comparison.statements)
    fact_of = {sid: f.id for f in comparison.facts for sid in f.statements}
    fact_size = {f.id: len(f.articles) for f in comparison.facts}
    gold_fact_of = {sid: name for (name, _), sid in located.items()}

    gold_pairs = {
        frozenset((located[(f.name, a)], located[(f.name, b)]))
        for f in gold.facts
        for a, b in combinations(sorted(f.mentions), 2)
    }
    annotated = sorted(set(located.values()))
    predicted_pairs = {
        frozenset((x, y))
        for x, y in combinations(annotated, 2)
        if fact_of.get(x) is not None and fact_of.get(x) == fact_of.get(y) and _article(x) != _article(y)
    }

    gold_unique = {located[(f.name, a)] for f in gold.facts if len(f.mentions) == 1 for a in f.mentions}
    predicted_unique = {sid for sid in annotated if fact_size.get(fact_of.get(sid, ""), 0) == 1}

    gold_conf = {(c.fact, frozenset(c.articles)) for c in gold.conflicts}
    predicted_conf = set()
    reasons: dict[tuple[str, frozenset[str]], str] = {}
    for c in comparison.conflicts:
        # A conflict is credited to the gold fact of its annotated statements, so that a restatement
        # no gold fact names (a second sentence with the same figure) may stand in for the annotated one.
        names = {gold_fact_of[s] for s in c.statements if s in gold_fact_of}
        arts = frozenset(_article(s) for s in c.statements)
        name = next(iter(names)) if len(names) == 1 else f"?{c.id}"
        predicted_conf.add((name, arts))
        reasons.setdefault((name, arts), c.reason)
    return _Judgement(
        frozenset(gold_pairs),
        frozenset(predicted_pairs),
        frozenset(gold_unique),
        frozenset(predicted_unique),
        frozenset(gold_conf),
        frozenset(predicted_conf),
        gold_fact_of,
        reasons,
    )


def evaluate_comparison(gold: Gold, comparison: Comparison) -> dict[str, Any]:
    """Precision/recall/F1 of fact links, unique-fact flags and conflicts."""
    j = _judge(gold, comparison)
    links = PRF.of(len(j.gold_links & j.predicted_links), len(j.predicted_links), len(j.gold_links))
    unique = PRF.of(len(j.gold_unique & j.predicted_unique), len(j.predicted_unique), len(j.gold_unique))
    conflicts = PRF.of(
        len(j.gold_conflicts & j.predicted_conflicts), len(j.predicted_conflicts), len(j.gold_conflicts)
    )
    return {
        "links": links.to_json(),
        "unique_facts": unique.to_json(),
        "conflicts": conflicts.to_json(),
        "gold_facts": len(gold.facts),
    }


def comparison_errors(gold: Gold, comparison: Comparison) -> dict[str, list[str]]:
    """What the comparison got wrong, one readable line per missed or false item, for people to read."""
    j = _judge(gold, comparison)
    name = j.fact_of_statement

    def pair(p: frozenset[str]) -> str:
        x, y = sorted(p)
        if name[x] == name[y]:
            return f"{name[x]}: {x} ~ {y}"
        return f"{name[x]} ({x}) ~ {name[y]} ({y})"

    def conflict(c: tuple[str, frozenset[str]]) -> str:
        reason = j.conflict_reasons.get(c)
        return f"{c[0]}: {' vs '.join(sorted(c[1]))}" + (f" ({reason})" if reason else "")

    return {
        "missed_links": sorted(pair(p) for p in j.gold_links - j.predicted_links),
        "false_links": sorted(pair(p) for p in j.predicted_links - j.gold_links),
        "missed_unique_facts": sorted(f"{name[s]}: {s}" for s in j.gold_unique - j.predicted_unique),
        "false_unique_facts": sorted(f"{name[s]}: {s}" for s in j.predicted_unique - j.gold_unique),
        "missed_conflicts": sorted(conflict(c) for c in j.gold_conflicts - j.predicted_conflicts),
        "false_conflicts": sorted(conflict(c) for c in j.predicted_conflicts - j.gold_conflicts),
    }


def micro_average(results: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The scores of several :func:`evaluate_comparison` results with their counts added up."""
    total: dict[str, Any] = {}
    for task in TASKS:
        tp = sum(int(r[task]["true_positives"]) for r in results)
        predicted = sum(int(r[task]["predicted"]) for r in results)
        support = sum(int(r[task]["support"]) for r in results)
        total[task] = PRF.of(tp, predicted, support).to_json()
    total["gold_facts"] = sum(int(r["gold_facts"]) for r in results)
    return total


def _article(statement_id: str) -> str:
    return statement_id.rsplit("#", 1)[0]
