"""Score a comparison against a gold file: fact links, unique-fact flags and conflicts.

Both gold formats (compare/gold.py: our example stories, facts by fragment; compare/gold_real.py: the
real-news gold, facts by character span) become one answer key (``GoldKey``) on the comparison's
statements, which is judged task by task.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from blickwinkel.compare.gold import (
    GOLD_SCHEMA,
    RATES,
    TASKS,
    Gold,
    GoldConflict,
    GoldFact,
    locate_gold_facts,
    parse_gold,
)
from blickwinkel.compare.gold_real import (
    REAL_GOLD_SCHEMA,
    SPLITS,
    ArticleRef,
    RealFact,
    RealGold,
    Span,
    locate_span,
    parse_real_gold,
    span_hash,
    statement_at,
)
from blickwinkel.errors import Errors, EvaluationError
from blickwinkel.model import Comparison, Statement
from blickwinkel.scores import f1 as harmonic_f1

__all__ = [
    "GOLD_SCHEMA",
    "PRF",
    "RATES",
    "REAL_GOLD_SCHEMA",
    "SPLITS",
    "TASKS",
    "ArticleRef",
    "Gold",
    "GoldConflict",
    "GoldFact",
    "GoldKey",
    "RealFact",
    "RealGold",
    "Span",
    "comparison_errors",
    "evaluate_comparison",
    "evaluate_real_comparison",
    "key_of_gold",
    "key_of_real_gold",
    "locate_span",
    "micro_average",
    "pair_label",
    "parse_gold",
    "parse_real_gold",
    "real_comparison_errors",
    "span_hash",
    "statement_at",
]


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
        return PRF(round(p, 4), round(r, 4), round(harmonic_f1(p, r), 4), gold, tp, predicted)

    def to_json(self) -> dict[str, float | int]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "support": self.support,
            "true_positives": self.true_positives,
            "predicted": self.predicted,
        }


@dataclass(frozen=True)
class GoldKey:
    """The answer key on one comparison's statements: the statements of each (fact, article)."""

    located: Mapping[tuple[str, str], frozenset[str]]
    overlaps: frozenset[frozenset[str]]
    different: tuple[tuple[tuple[str, str], tuple[str, str]], ...]
    conflicts: frozenset[tuple[str, frozenset[str]]]
    near_misses: frozenset[tuple[str, frozenset[str]]]
    languages: Mapping[str, str]
    n_facts: int


def key_of_gold(gold: Gold, comparison: Comparison) -> GoldKey:
    located = locate_gold_facts(gold, comparison.statements)
    return GoldKey(
        located,
        frozenset(),
        (),
        frozenset((c.fact, frozenset(c.articles)) for c in gold.conflicts),
        frozenset(),
        _languages(comparison),
        len(gold.facts),
    )


def key_of_real_gold(gold: RealGold, comparison: Comparison, raw_texts: Mapping[str, str]) -> GoldKey:
    """Locate each gold span in the compared articles; ``raw_texts`` are the fields the spans index."""
    texts = {a.article.id: a.article.text for a in comparison.articles}
    by_article: dict[str, list[Statement]] = {}
    for s in comparison.statements:
        by_article.setdefault(s.article, []).append(s)
    located: dict[tuple[str, str], frozenset[str]] = {}
    owner: dict[str, str] = {}
    for fact in gold.facts:
        for article, spans in fact.mentions.items():
            raw = raw_texts[article]
            ids = set()
            for span in spans:
                if span_hash(raw[span.start : span.end]) != span.digest:
                    raise EvaluationError(
                        Errors.V016.format(
                            event=gold.event,
                            fact=fact.name,
                            article=article,
                            start=span.start,
                            end=span.end,
                            digest=span.digest,
                        )
                    )
                start, end = locate_span(texts[article], raw, span)
                sid = statement_at(by_article[article], start, end).id
                if owner.get(sid, fact.name) != fact.name:
                    raise EvaluationError(
                        Errors.V018.format(
                            event=gold.event, first=owner[sid], second=fact.name, statement=sid
                        )
                    )
                owner[sid] = fact.name
                ids.add(sid)
            located[(fact.name, article)] = frozenset(ids)
    overlaps = frozenset(frozenset({f.name, o}) for f in gold.facts for o in f.overlaps)
    langs = {a.id: a.language for a in gold.articles}
    return GoldKey(
        located,
        overlaps,
        gold.different,
        frozenset((c.fact, frozenset(c.articles)) for c in gold.conflicts),
        frozenset((c.fact, frozenset(c.articles)) for c in gold.near_misses),
        langs,
        len(gold.facts),
    )


def _languages(comparison: Comparison) -> dict[str, str]:
    return {a.article.id: a.article.language or "?" for a in comparison.articles}


def pair_label(languages: Sequence[str]) -> str:
    """``en``, ``de`` or ``de-en``: the languages of the articles a scored item joins."""
    return "-".join(sorted(set(languages)))


# The kinds of error lines: the first six for our example stories' gold (comparison_errors), all for
# the real-news gold, whose facts may overlap or be near misses.
_OLD_ERRORS = (
    "missed_links",
    "false_links",
    "missed_unique_facts",
    "false_unique_facts",
    "missed_conflicts",
    "false_conflicts",
)
_ERROR_KINDS = (
    *_OLD_ERRORS,
    "joined_different_facts",
    "split_restatements",
    "joined_own_statements",
    "flagged_near_misses",
)


class _Tally:
    """Counts per language pair and task, plus readable lines for the errors."""

    def __init__(self) -> None:
        self.counts: dict[str, dict[str, list[int]]] = {}
        self.errors: dict[str, list[str]] = {k: [] for k in _ERROR_KINDS}

    def add(self, label: str, task: str, tp: int = 0, predicted: int = 0, support: int = 0) -> None:
        row = self.counts.setdefault(label, {}).setdefault(task, [0, 0, 0])
        row[0] += tp
        row[1] += predicted
        row[2] += support


@dataclass(frozen=True)
class _Placement:
    """The gold key beside the comparison: the predicted fact and the gold fact of each statement."""

    key: GoldKey
    comparison: Comparison
    fact_of: Mapping[str, str]
    name_of: Mapping[str, str]
    articles_of: Mapping[str, Sequence[str]]

    @staticmethod
    def of(key: GoldKey, comparison: Comparison) -> _Placement:
        articles_of: dict[str, list[str]] = {}
        for name, article in key.located:
            articles_of.setdefault(name, []).append(article)
        return _Placement(
            key,
            comparison,
            {sid: f.id for f in comparison.facts for sid in f.statements},
            {sid: name for (name, _), sids in key.located.items() for sid in sids},
            articles_of,
        )

    def facts_of(self, unit: tuple[str, str]) -> set[str]:
        """The predicted facts of a gold (fact, article) unit's statements."""
        return {self.fact_of[s] for s in self.key.located[unit] if s in self.fact_of}

    def first(self, unit: tuple[str, str]) -> str:
        return min(self.key.located[unit])

    def label(self, articles: Iterable[str]) -> str:
        """The language pair of ``articles``."""
        return pair_label([self.key.languages.get(a, "?") for a in articles])


def _judge(key: GoldKey, comparison: Comparison) -> _Tally:
    placed = _Placement.of(key, comparison)
    t = _Tally()
    _judge_links(placed, t)
    _judge_unique_facts(placed, t)
    _judge_one_article(placed, t)
    _judge_different(placed, t)
    _judge_conflicts(placed, t)
    for lines in t.errors.values():
        lines.sort()
    return t


def _judge_links(placed: _Placement, t: _Tally) -> None:
    """A gold unit is (fact, article, article); it is found when any statement of the one article
    shares a predicted fact with any statement of the other."""
    key, facts_of, first = placed.key, placed.facts_of, placed.first
    for name, arts in placed.articles_of.items():
        for a, b in combinations(sorted(arts), 2):
            found = bool(facts_of((name, a)) & facts_of((name, b)))
            t.add(placed.label([a, b]), "links", int(found), int(found), 1)
            if not found:
                t.errors["missed_links"].append(f"{name}: {first((name, a))} ~ {first((name, b))}")
    for u, v in combinations(sorted(key.located), 2):
        if u[0] == v[0] or u[1] == v[1] or frozenset({u[0], v[0]}) in key.overlaps:
            continue
        if facts_of(u) & facts_of(v):
            x, y = sorted((u, v), key=first)
            t.add(placed.label([x[1], y[1]]), "links", 0, 1, 0)
            t.errors["false_links"].append(f"{x[0]} ({first(x)}) ~ {y[0]} ({first(y)})")


def _judge_unique_facts(placed: _Placement, t: _Tally) -> None:
    """A single-article fact that overlaps no other is the article's own; a unit of several
    statements (a restatement) is joined when they all stand in one predicted fact."""
    key, first = placed.key, placed.first
    only_one = {f.id: f.only_one for f in placed.comparison.facts}
    overlapping = {n for pair in key.overlaps for n in pair}
    label = pair_label(list(key.languages.values()))
    for unit in sorted(key.located):
        name, _ = unit
        gold_unique = len(placed.articles_of[name]) == 1
        if gold_unique and name in overlapping:
            continue
        sids = [s for s in key.located[unit] if s in placed.fact_of]
        predicted = bool(sids) and all(only_one[placed.fact_of[s]] for s in sids)
        t.add(label, "unique_facts", int(gold_unique and predicted), int(predicted), int(gold_unique))
        if gold_unique and not predicted:
            t.errors["missed_unique_facts"].append(f"{name}: {first(unit)}")
        elif predicted and not gold_unique:
            t.errors["false_unique_facts"].append(f"{name}: {first(unit)}")
        if len(key.located[unit]) > 1:
            joined = len(placed.facts_of(unit)) == 1 and len(sids) == len(key.located[unit])
            t.add(label, "restatements", int(joined), 0, 1)
            if not joined:
                t.errors["split_restatements"].append(f"{name}: {', '.join(sorted(key.located[unit]))}")


def _judge_one_article(placed: _Placement, t: _Tally) -> None:
    """A fact holds one fact: each pair of one article's statements that a predicted fact holds, both
    named by the gold, is right when the gold puts them in one fact (or in two overlapping ones)."""
    name_of = placed.name_of
    for fact in placed.comparison.facts:
        own: dict[str, list[str]] = {}
        for sid in fact.statements:
            if sid in name_of:
                own.setdefault(_article(sid), []).append(sid)
        for article, sids in own.items():
            for first_id, second_id in combinations(sorted(sids), 2):
                a, b = name_of[first_id], name_of[second_id]
                one = a == b or frozenset({a, b}) in placed.key.overlaps
                t.add(placed.label([article]), "one_article", int(one), 0, 1)
                if not one:
                    t.errors["joined_own_statements"].append(f"{a} ({first_id}) ~ {b} ({second_id})")


def _judge_different(placed: _Placement, t: _Tally) -> None:
    """Pairs the gold names as different facts (sharing names or topic) are kept apart."""
    first = placed.first
    for x, y in placed.key.different:
        apart = not (placed.facts_of(x) & placed.facts_of(y))
        t.add(placed.label([x[1], y[1]]), "different", int(apart), 0, 1)
        if not apart:
            t.errors["joined_different_facts"].append(f"{x[0]} ({first(x)}) ~ {y[0]} ({first(y)})")


def _judge_conflicts(placed: _Placement, t: _Tally) -> None:
    """Conflicts by (gold fact, pair of articles); near-misses count as flagged when a conflict names
    them."""
    key = placed.key
    predicted_conf: dict[tuple[str, frozenset[str]], str] = {}
    for c in placed.comparison.conflicts:
        # A conflict is credited to the gold fact of its annotated statements, so that a restatement
        # no gold fact names (a second sentence with the same figure) may stand in for the annotated one.
        names = {placed.name_of[s] for s in c.statements if s in placed.name_of}
        pair_arts = frozenset(_article(s) for s in c.statements)
        cname = next(iter(names)) if len(names) == 1 else f"?{c.id}"
        predicted_conf.setdefault((cname, pair_arts), c.reason)
    for item in sorted(key.conflicts | set(predicted_conf), key=lambda c: (c[0], sorted(c[1]))):
        gold, predicted = item in key.conflicts, item in predicted_conf
        t.add(placed.label(item[1]), "conflicts", int(gold and predicted), int(predicted), int(gold))
        text = f"{item[0]}: {' vs '.join(sorted(item[1]))}"
        reason = predicted_conf.get(item)
        if gold and not predicted:
            t.errors["missed_conflicts"].append(text)
        elif predicted and not gold:
            t.errors["false_conflicts"].append(text + (f" ({reason})" if reason else ""))
    for item in sorted(key.near_misses, key=lambda c: (c[0], sorted(c[1]))):
        flagged = item in predicted_conf
        t.add(placed.label(item[1]), "near_misses", int(flagged), 0, 1)
        if flagged:
            t.errors["flagged_near_misses"].append(f"{item[0]}: {' vs '.join(sorted(item[1]))}")


def _scores(counts: Mapping[str, Sequence[int]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for task in TASKS:
        tp, predicted, support = counts.get(task, (0, 0, 0))
        out[task] = PRF.of(tp, predicted, support).to_json()
    for task in RATES:
        hits, _, support = counts.get(task, (0, 0, 0))
        out[task] = {"rate": round(hits / support, 4) if support else 1.0, "hits": hits, "support": support}
    return out


def _result(tally: _Tally, n_facts: int) -> dict[str, Any]:
    total: dict[str, list[int]] = {}
    for rows in tally.counts.values():
        for task, row in rows.items():
            acc = total.setdefault(task, [0, 0, 0])
            for i in range(3):
                acc[i] += row[i]
    result = _scores(total)
    result["gold_facts"] = n_facts
    result["by_pair"] = {label: _scores(rows) for label, rows in sorted(tally.counts.items())}
    return result


def evaluate_comparison(gold: Gold, comparison: Comparison) -> dict[str, Any]:
    """Precision/recall/F1 of fact links, unique-fact flags and conflicts."""
    return _result(_judge(key_of_gold(gold, comparison), comparison), len(gold.facts))


def evaluate_real_comparison(
    gold: RealGold, comparison: Comparison, raw_texts: Mapping[str, str]
) -> dict[str, Any]:
    """The scores of a comparison of one real-news event, per language pair and in total."""
    key = key_of_real_gold(gold, comparison, raw_texts)
    return _result(_only_tasks(_judge(key, comparison), gold.tasks), key.n_facts)


def _only_tasks(tally: _Tally, tasks: frozenset[str]) -> _Tally:
    """``tally`` with the counts and errors of tasks outside ``tasks`` left out (all kept when empty)."""
    if not tasks:
        return tally
    for rows in tally.counts.values():
        for task in [t for t in rows if t not in tasks]:
            del rows[task]
    for kind in [k for k in tally.errors if not any(k.endswith(t) for t in tasks)]:
        del tally.errors[kind]
    return tally


def comparison_errors(gold: Gold, comparison: Comparison) -> dict[str, list[str]]:
    """What the comparison got wrong, one readable line per missed or false item, for people to read."""
    errors = _judge(key_of_gold(gold, comparison), comparison).errors
    return {k: v for k, v in errors.items() if k in _OLD_ERRORS}


def real_comparison_errors(
    gold: RealGold, comparison: Comparison, raw_texts: Mapping[str, str]
) -> dict[str, list[str]]:
    return _only_tasks(_judge(key_of_real_gold(gold, comparison, raw_texts), comparison), gold.tasks).errors


def micro_average(results: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The scores of several results with their counts added up, in total and per language pair."""

    def counts(r: Mapping[str, Any]) -> dict[str, list[int]]:
        out = {t: [int(r[t]["true_positives"]), int(r[t]["predicted"]), int(r[t]["support"])] for t in TASKS}
        for t in RATES:
            if t in r:
                out[t] = [int(r[t]["hits"]), 0, int(r[t]["support"])]
        return out

    tally = _Tally()
    for r in results:
        for label, scores in r.get("by_pair", {}).items():
            for task, row in counts(scores).items():
                tally.add(label, task, *row)
    result = _result(tally, sum(int(r["gold_facts"]) for r in results))
    if not any(r.get("by_pair") for r in results):
        # results without per-pair counts (older callers): add the totals
        merged: dict[str, list[int]] = {}
        for r in results:
            for task, row in counts(r).items():
                acc = merged.setdefault(task, [0, 0, 0])
                for i in range(3):
                    acc[i] += row[i]
        result.update(_scores(merged))
    return result


def _article(statement_id: str) -> str:
    return statement_id.rsplit("#", 1)[0]
