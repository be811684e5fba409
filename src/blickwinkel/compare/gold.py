"""Our example stories' gold files (``blickwinkel.gold/1``): facts named by text fragments, read and
located in a comparison's statements.

A gold file names facts by text fragments, not statement ids, so it survives changes of sentence
splitting::

    {"schema": "blickwinkel.gold/1",
     "inputs": ["a.txt", "b.md"],                       # paths relative to the gold file
     "facts": [{"name": "commuters",
                "mentions": {"<article id>": "fragment of the statement", ...}}],
     "conflicts": [{"fact": "commuters", "articles": ["<id>", "<id>"]}]}

A fact with one mention is that article's unique fact. A mention may also be a list of fragments:
the statements of an article that state the fact more than once (a lead restated later). Each
fragment must occur in exactly one statement of its article, and a statement belongs to at most one
gold fact. A conflict entry names one pair of articles that disagree on the fact (three entries when
one outlet contradicts three).
``note`` fields are for people and ignored. An optional ``"split": "train"`` marks one of our own
training stories (examples/gold-train/own-*.json): scored only by a run on the train split, fitted on
by scripts/fit_link_weights.py. examples/gold/README.md explains the conventions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from blickwinkel.errors import Errors, EvaluationError
from blickwinkel.model import Statement

GOLD_SCHEMA = "blickwinkel.gold/1"
# What a comparison is scored on: precision/recall/F1 of these tasks, and these rates (shares of gold
# items handled right; compare/evaluate.py).
TASKS = ("links", "unique_facts", "conflicts")
RATES = ("different", "restatements", "one_article", "near_misses")


@dataclass(frozen=True)
class GoldFact:
    name: str
    # article id → the fragments of its statements that state the fact (one, or a restatement's too)
    mentions: Mapping[str, tuple[str, ...]]


@dataclass(frozen=True)
class GoldConflict:
    fact: str
    articles: tuple[str, str]


@dataclass(frozen=True)
class Gold:
    inputs: tuple[str, ...]
    facts: tuple[GoldFact, ...]
    conflicts: tuple[GoldConflict, ...]


def parse_gold(data: object, source: str) -> Gold:
    """Validate a gold file's JSON; errors name the file and the field."""
    if not isinstance(data, dict):
        raise EvaluationError(Errors.V001.format(source=source))
    schema = data.get("schema", GOLD_SCHEMA)
    if schema != GOLD_SCHEMA:
        raise EvaluationError(Errors.V008.format(source=source, schema=schema, expected=GOLD_SCHEMA))
    split = data.get("split")  # optional: "train" marks our own training stories (examples/gold-train)
    if split is not None and split != "train":
        raise EvaluationError(Errors.V011.format(source=source, split=split, splits="train (or no 'split')"))
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
    conflicts = [parse_conflict(c, n, by_name, source) for n, c in enumerate(raw_conflicts)]
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
    fragments: dict[str, tuple[str, ...]] = {}
    for article, given in mentions.items():
        texts = [given] if isinstance(given, str) else given
        if (
            not isinstance(texts, list)
            or not texts
            or not all(isinstance(t, str) and t.strip() for t in texts)
        ):
            raise EvaluationError(
                Errors.V003.format(
                    source=source,
                    field=f"facts[{n}].mentions[{article!r}]",
                    problem="must be a non-empty text or a non-empty list of texts",
                )
            )
        fragments[article] = tuple(texts)
    return GoldFact(f["name"], fragments)


def parse_conflict(c: object, n: int, facts: Mapping[str, GoldFact], source: str) -> GoldConflict:
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


def locate_gold_facts(gold: Gold, statements: Sequence[Statement]) -> dict[tuple[str, str], frozenset[str]]:
    """(fact name, article id) → ids of the statements that hold the fragments."""
    located: dict[tuple[str, str], frozenset[str]] = {}
    owner: dict[str, str] = {}
    for fact in gold.facts:
        for article, fragments in fact.mentions.items():
            located[(fact.name, article)] = frozenset(
                _locate_fragment(fact.name, article, fragment, statements, owner) for fragment in fragments
            )
    return located


def _locate_fragment(
    fact: str, article: str, fragment: str, statements: Sequence[Statement], owner: dict[str, str]
) -> str:
    """The id of the one statement of ``article`` that holds ``fragment``, claimed for ``fact``."""
    hits = [s for s in statements if s.article == article and fragment in s.text]
    if not hits:
        known = sorted({s.article for s in statements})
        raise EvaluationError(
            Errors.V005.format(fact=fact, article=article, fragment=fragment, known=", ".join(known))
        )
    if len(hits) > 1:
        raise EvaluationError(
            Errors.V006.format(
                fact=fact,
                fragment=fragment,
                count=len(hits),
                article=article,
                ids=", ".join(s.id for s in hits),
            )
        )
    sid = hits[0].id
    if owner.get(sid) == fact:
        raise EvaluationError(Errors.V051.format(fact=fact, article=article, statement=sid))
    if sid in owner:
        raise EvaluationError(Errors.V007.format(first=owner[sid], second=fact, statement=sid))
    owner[sid] = fact
    return sid
