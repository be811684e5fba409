"""Score a comparison against a gold file: fact links, unique-fact flags and conflicts.

A gold file names facts by text fragments, not statement ids, so it survives changes of sentence
splitting::

    {"schema": "blickwinkel.gold/1",
     "inputs": ["a.txt", "b.md"],                       # paths relative to the gold file
     "facts": [{"name": "commuters",
                "mentions": {"<article id>": "fragment of the statement", ...}}],
     "conflicts": [{"fact": "commuters", "articles": ["<id>", "<id>"]}]}

A fact with one mention is that article's unique fact. Each fragment must occur in exactly one
statement of its article.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from blickwinkel.errors import EvaluationError
from blickwinkel.model import Comparison, Statement


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

    @staticmethod
    def of(tp: int, predicted: int, gold: int) -> PRF:
        p = tp / predicted if predicted else (1.0 if not gold else 0.0)
        r = tp / gold if gold else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return PRF(round(p, 4), round(r, 4), round(f, 4), gold)

    def to_json(self) -> dict[str, float | int]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1, "support": self.support}


def parse_gold(data: Any, source: str) -> Gold:
    """Validate a gold file's JSON; errors name the file and the field."""
    if not isinstance(data, dict):
        raise EvaluationError(f"[V001] {source}: the gold file must hold a JSON object.")
    inputs = data.get("inputs")
    if not isinstance(inputs, list) or not all(isinstance(x, str) for x in inputs) or len(inputs) < 2:
        raise EvaluationError(f"[V002] {source}: field 'inputs' must list two or more file paths.")
    facts = []
    for n, f in enumerate(data.get("facts") or []):
        if not isinstance(f, dict) or not isinstance(f.get("name"), str) or not isinstance(f.get("mentions"), dict):
            raise EvaluationError(f"[V003] {source}: facts[{n}] needs 'name' (string) and 'mentions' (object).")
        facts.append(GoldFact(f["name"], {str(k): str(v) for k, v in f["mentions"].items()}))
    names = {f.name for f in facts}
    conflicts = []
    for n, c in enumerate(data.get("conflicts") or []):
        arts = c.get("articles") if isinstance(c, dict) else None
        if not isinstance(c, dict) or c.get("fact") not in names or not isinstance(arts, list) or len(arts) != 2:
            raise EvaluationError(
                f"[V004] {source}: conflicts[{n}] needs 'fact' (a name from facts) and 'articles' (two ids)."
            )
        conflicts.append(GoldConflict(str(c["fact"]), (str(arts[0]), str(arts[1]))))
    return Gold(tuple(inputs), tuple(facts), tuple(conflicts))


def _locate(gold: Gold, statements: Sequence[Statement]) -> dict[tuple[str, str], str]:
    """(fact name, article id) → statement id of the statement that holds the fragment."""
    located: dict[tuple[str, str], str] = {}
    for fact in gold.facts:
        for article, fragment in fact.mentions.items():
            hits = [s for s in statements if s.article == article and fragment in s.text]
            if not hits:
                known = sorted({s.article for s in statements})
                raise EvaluationError(
                    f"[V005] Gold fact {fact.name!r}: no statement of article {article!r} contains "
                    f"{fragment!r}. Articles: {', '.join(known)}."
                )
            located[(fact.name, article)] = hits[0].id
    return located


def evaluate_comparison(gold: Gold, comparison: Comparison) -> dict[str, Any]:
    """Precision/recall/F1 of fact links, unique-fact flags and conflicts."""
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
        if fact_of.get(x) is not None and fact_of.get(x) == fact_of.get(y)
        and _article(x) != _article(y)
    }
    links = PRF.of(len(gold_pairs & predicted_pairs), len(predicted_pairs), len(gold_pairs))

    gold_unique = {located[(f.name, a)] for f in gold.facts if len(f.mentions) == 1 for a in f.mentions}
    predicted_unique = {sid for sid in annotated if fact_size.get(fact_of.get(sid, ""), 0) == 1}
    unique = PRF.of(len(gold_unique & predicted_unique), len(predicted_unique), len(gold_unique))

    gold_conf = {(c.fact, frozenset(c.articles)) for c in gold.conflicts}
    predicted_conf = set()
    for c in comparison.conflicts:
        names = {gold_fact_of.get(s) for s in c.statements}
        arts = frozenset(_article(s) for s in c.statements)
        name = next(iter(names)) if len(names) == 1 else None
        predicted_conf.add((name or f"?{c.id}", arts))
    conflicts = PRF.of(len(gold_conf & predicted_conf), len(predicted_conf), len(gold_conf))
    return {
        "links": links.to_json(),
        "unique_facts": unique.to_json(),
        "conflicts": conflicts.to_json(),
        "gold_facts": len(gold.facts),
    }


def _article(statement_id: str) -> str:
    return statement_id.rsplit("#", 1)[0]
