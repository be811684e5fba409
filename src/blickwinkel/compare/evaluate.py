"""Score a comparison against a gold file: fact links, unique-fact flags and conflicts.

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

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from blickwinkel.errors import Errors, EvaluationError
from blickwinkel.model import Comparison, Statement
from blickwinkel.scores import f1 as harmonic_f1
from blickwinkel.text import repair_mojibake

GOLD_SCHEMA = "blickwinkel.gold/1"
TASKS = ("links", "unique_facts", "conflicts")


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


def parse_gold(data: Any, source: str) -> Gold:
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


def _locate(gold: Gold, statements: Sequence[Statement]) -> dict[tuple[str, str], frozenset[str]]:
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


# --- real-news gold: facts named by character spans of published articles -------------------------

REAL_GOLD_SCHEMA = "blickwinkel.gold-real/1"
# tune and heldout: the two halves of examples/gold-real; train: examples/gold-train, licence-clean
# SemEval pairs the link model may be fitted on, never scored as either half.
SPLITS = ("tune", "heldout", "train")


@dataclass(frozen=True)
class Span:
    """Characters ``start:end`` of an article's raw text field and the first 8 hex digits of the
    SHA-1 of that slice (``span_hash``), so that a changed data file is noticed."""

    start: int
    end: int
    digest: str


@dataclass(frozen=True)
class ArticleRef:
    """Where a gold article's text is: a data file under the data root, a record in it, a field."""

    id: str
    dataset: str
    record: Mapping[str, str | int]
    field: str
    language: str
    digest: str  # span_hash of the whole field
    url: str | None = None


@dataclass(frozen=True)
class RealFact:
    name: str
    mentions: Mapping[str, tuple[Span, ...]]
    overlaps: frozenset[str] = frozenset()


@dataclass(frozen=True)
class RealGold:
    """One event of the real-news gold (examples/gold-real/README.md). ``different`` holds pairs of
    (fact, article) that share names or topic but state different facts; ``near_misses`` name pairs
    of articles that report one fact differently without contradicting each other."""

    event: str
    split: str
    articles: tuple[ArticleRef, ...]
    facts: tuple[RealFact, ...]
    different: tuple[tuple[tuple[str, str], tuple[str, str]], ...]
    conflicts: tuple[GoldConflict, ...]
    near_misses: tuple[GoldConflict, ...]
    tasks: frozenset[str] = frozenset()
    """The tasks this file is scored on; empty for all. A tuning file annotated for conflicts only
    (``examples/gold-real/tune-conflicts``) names its facts only where they clash or nearly do, so its
    links and unique facts would be scored against an incomplete key."""


def span_hash(text: str) -> str:
    """The short digest that gold files keep of a span, to notice when a data file changed."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def parse_real_gold(data: Any, source: str) -> RealGold:
    """Validate a real-news gold file; errors name the file and the field."""
    if not isinstance(data, dict) or data.get("schema") != REAL_GOLD_SCHEMA:
        raise EvaluationError(Errors.V010.format(source=source, expected=REAL_GOLD_SCHEMA))
    split = data.get("split")
    if split not in SPLITS:
        raise EvaluationError(Errors.V011.format(source=source, split=split, splits=", ".join(SPLITS)))
    raw_articles = data.get("articles")
    if not isinstance(raw_articles, list) or len(raw_articles) < 2:
        raise EvaluationError(
            Errors.V012.format(source=source, field="field 'articles'", problem="must list two or more")
        )
    articles = tuple(_parse_ref(a, n, source) for n, a in enumerate(raw_articles))
    ids = {a.id for a in articles}
    raw_facts = data.get("facts")
    if not isinstance(raw_facts, list) or not raw_facts:
        raise EvaluationError(
            Errors.V017.format(source=source, field="field 'facts'", problem="must be a non-empty list")
        )
    facts = tuple(_parse_real_fact(f, n, ids, source) for n, f in enumerate(raw_facts))
    by_name = {f.name: f for f in facts}
    if len(by_name) != len(facts):
        raise EvaluationError(
            Errors.V017.format(source=source, field="field 'facts'", problem="repeats a name")
        )
    for fact in facts:
        unknown = fact.overlaps - by_name.keys()
        if unknown:
            raise EvaluationError(
                Errors.V017.format(
                    source=source,
                    field=f"fact {fact.name!r}",
                    problem=f"overlaps unknown facts {sorted(unknown)}",
                )
            )
    gold_facts = {f.name: GoldFact(f.name, {a: () for a in f.mentions}) for f in facts}
    conflicts = tuple(
        _parse_conflict(c, n, gold_facts, source) for n, c in enumerate(data.get("conflicts", []))
    )
    near = tuple(
        _parse_conflict(c, n, gold_facts, f"{source} (near_misses)")
        for n, c in enumerate(data.get("near_misses", []))
    )
    different = tuple(
        _parse_different(d, n, by_name, source) for n, d in enumerate(data.get("different", []))
    )
    tasks = _parse_tasks(data.get("tasks"), split, source)
    return RealGold(str(data.get("event", source)), split, articles, facts, different, conflicts, near, tasks)


def _parse_tasks(raw: Any, split: str, source: str) -> frozenset[str]:
    if raw is None:
        return frozenset()
    known = (*TASKS, *RATES)
    if not isinstance(raw, list) or not raw or not all(isinstance(x, str) and x in known for x in raw):
        raise EvaluationError(
            Errors.V023.format(source=source, problem=f"is {raw!r}", tasks=", ".join(known))
        )
    if split != "tune":
        raise EvaluationError(
            Errors.V023.format(
                source=source, problem=f"is set in a file of split {split!r}", tasks=", ".join(known)
            )
        )
    return frozenset(raw)


def _parse_ref(a: Any, n: int, source: str) -> ArticleRef:
    keys = ("id", "dataset", "field", "language", "sha")
    if not isinstance(a, dict) or not all(isinstance(a.get(k), str) and a[k] for k in keys):
        raise EvaluationError(
            Errors.V012.format(source=source, field=f"articles[{n}]", problem="is incomplete")
        )
    record = a.get("record")
    if not isinstance(record, dict) or not record:
        raise EvaluationError(
            Errors.V012.format(source=source, field=f"articles[{n}].record", problem="is missing")
        )
    return ArticleRef(a["id"], a["dataset"], dict(record), a["field"], a["language"], a["sha"], a.get("url"))


def _parse_real_fact(f: Any, n: int, ids: set[str], source: str) -> RealFact:
    if (
        not isinstance(f, dict)
        or not isinstance(f.get("name"), str)
        or not isinstance(f.get("mentions"), dict)
    ):
        raise EvaluationError(
            Errors.V017.format(source=source, field=f"facts[{n}]", problem="needs 'name' and 'mentions'")
        )
    mentions: dict[str, tuple[Span, ...]] = {}
    for article, spans in f["mentions"].items():
        if article not in ids:
            raise EvaluationError(
                Errors.V017.format(
                    source=source,
                    field=f"facts[{n}].mentions",
                    problem=f"names article {article!r}; known: {sorted(ids)}",
                )
            )
        ok = (
            isinstance(spans, list)
            and spans
            and all(
                isinstance(s, list)
                and len(s) == 3
                and isinstance(s[0], int)
                and isinstance(s[1], int)
                and 0 <= s[0] < s[1]
                and isinstance(s[2], str)
                for s in spans
            )
        )
        if not ok:
            raise EvaluationError(
                Errors.V017.format(
                    source=source, field=f"facts[{n}].mentions[{article!r}]", problem="is not a list of spans"
                )
            )
        mentions[article] = tuple(Span(s[0], s[1], s[2]) for s in spans)
    if not mentions:
        raise EvaluationError(
            Errors.V017.format(source=source, field=f"facts[{n}]", problem="has no mentions")
        )
    overlaps = f.get("overlaps", [])
    if not isinstance(overlaps, list) or not all(isinstance(x, str) for x in overlaps):
        raise EvaluationError(
            Errors.V017.format(source=source, field=f"facts[{n}].overlaps", problem="is not a list of names")
        )
    return RealFact(f["name"], mentions, frozenset(overlaps))


def _parse_different(
    d: Any, n: int, facts: Mapping[str, RealFact], source: str
) -> tuple[tuple[str, str], tuple[str, str]]:
    pair = d.get("pair") if isinstance(d, dict) else None
    if not (
        isinstance(pair, list)
        and len(pair) == 2
        and all(
            isinstance(x, list) and len(x) == 2 and x[0] in facts and x[1] in facts[x[0]].mentions
            for x in pair
        )
    ):
        raise EvaluationError(Errors.V013.format(source=source, n=n))
    return (str(pair[0][0]), str(pair[0][1])), (str(pair[1][0]), str(pair[1][1]))


def locate_span(article_text: str, raw: str, span: Span) -> tuple[int, int]:
    """Where the raw-field span lies in the article text as the reader yields it: the reader only
    normalises spaces and invisible characters and repairs mojibake, so the span's words, repaired
    alike, are found in order, the occurrence nearest its raw offset winning."""
    piece = repair_mojibake(raw[span.start : span.end])
    words = piece.split()
    if not words:
        raise EvaluationError(
            Errors.V014.format(start=span.start, end=span.end, digest=span.digest, problem="holds no text")
        )
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    hits = [(abs(m.start() - span.start), m.start(), m.end()) for m in pattern.finditer(article_text)]
    if not hits:
        raise EvaluationError(
            Errors.V014.format(
                start=span.start,
                end=span.end,
                digest=span.digest,
                problem="is not in the text the reader gave",
            )
        )
    _, start, end = min(hits)
    return start, end


def statement_at(statements: Sequence[Statement], start: int, end: int) -> Statement:
    """The statement that overlaps the range the most."""
    best = max(statements, key=lambda s: min(end, s.end) - max(start, s.start))
    if min(end, best.end) - max(start, best.start) <= 0:
        raise EvaluationError(Errors.V015.format(start=start, end=end, article=best.article))
    return best


# --- scoring: both gold formats become one answer key ---------------------------------------------

RATES = ("different", "restatements", "one_article", "near_misses")


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
    located = _locate(gold, comparison.statements)
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


def _judge(key: GoldKey, comparison: Comparison) -> _Tally:
    fact_of = {sid: f.id for f in comparison.facts for sid in f.statements}
    only_one = {f.id: f.only_one for f in comparison.facts}
    name_of = {sid: name for (name, _), sids in key.located.items() for sid in sids}
    articles_of: dict[str, list[str]] = {}
    for name, article in key.located:
        articles_of.setdefault(name, []).append(article)
    lang = key.languages
    t = _Tally()

    def facts_of(unit: tuple[str, str]) -> set[str]:
        return {fact_of[s] for s in key.located[unit] if s in fact_of}

    def first(unit: tuple[str, str]) -> str:
        return min(key.located[unit])

    # Links: a gold unit is (fact, article, article); it is found when any statement of the one
    # article shares a predicted fact with any statement of the other.
    for name, arts in articles_of.items():
        for a, b in combinations(sorted(arts), 2):
            found = bool(facts_of((name, a)) & facts_of((name, b)))
            t.add(pair_label([lang.get(a, "?"), lang.get(b, "?")]), "links", int(found), int(found), 1)
            if not found:
                t.errors["missed_links"].append(f"{name}: {first((name, a))} ~ {first((name, b))}")
    units = sorted(key.located)
    for u, v in combinations(units, 2):
        if u[0] == v[0] or u[1] == v[1] or frozenset({u[0], v[0]}) in key.overlaps:
            continue
        if facts_of(u) & facts_of(v):
            x, y = sorted((u, v), key=first)
            t.add(pair_label([lang.get(x[1], "?"), lang.get(y[1], "?")]), "links", 0, 1, 0)
            t.errors["false_links"].append(f"{x[0]} ({first(x)}) ~ {y[0]} ({first(y)})")

    # Unique facts: a single-article fact that overlaps no other is the article's own.
    overlapping = {n for pair in key.overlaps for n in pair}
    for unit in units:
        name, article = unit
        gold_unique = len(articles_of[name]) == 1
        if gold_unique and name in overlapping:
            continue
        sids = [s for s in key.located[unit] if s in fact_of]
        predicted = bool(sids) and all(only_one[fact_of[s]] for s in sids)
        label = pair_label(list(lang.values()))
        t.add(label, "unique_facts", int(gold_unique and predicted), int(predicted), int(gold_unique))
        if gold_unique and not predicted:
            t.errors["missed_unique_facts"].append(f"{name}: {first(unit)}")
        elif predicted and not gold_unique:
            t.errors["false_unique_facts"].append(f"{name}: {first(unit)}")
        if len(key.located[unit]) > 1:
            joined = len(facts_of(unit)) == 1 and len(sids) == len(key.located[unit])
            t.add(label, "restatements", int(joined), 0, 1)
            if not joined:
                t.errors["split_restatements"].append(f"{name}: {', '.join(sorted(key.located[unit]))}")

    # A fact holds one fact: each pair of one article's statements that a predicted fact holds, both
    # named by the gold, is right when the gold puts them in one fact (or in two overlapping ones).
    for fact in comparison.facts:
        own: dict[str, list[str]] = {}
        for sid in fact.statements:
            if sid in name_of:
                own.setdefault(_article(sid), []).append(sid)
        for article, sids in own.items():
            for first_id, second_id in combinations(sorted(sids), 2):
                a, b = name_of[first_id], name_of[second_id]
                one = a == b or frozenset({a, b}) in key.overlaps
                t.add(pair_label([lang.get(article, "?")]), "one_article", int(one), 0, 1)
                if not one:
                    t.errors["joined_own_statements"].append(f"{a} ({first_id}) ~ {b} ({second_id})")

    for x, y in key.different:
        apart = not (facts_of(x) & facts_of(y))
        t.add(pair_label([lang.get(x[1], "?"), lang.get(y[1], "?")]), "different", int(apart), 0, 1)
        if not apart:
            t.errors["joined_different_facts"].append(f"{x[0]} ({first(x)}) ~ {y[0]} ({first(y)})")

    predicted_conf: dict[tuple[str, frozenset[str]], str] = {}
    for c in comparison.conflicts:
        # A conflict is credited to the gold fact of its annotated statements, so that a restatement
        # no gold fact names (a second sentence with the same figure) may stand in for the annotated one.
        names = {name_of[s] for s in c.statements if s in name_of}
        pair_arts = frozenset(_article(s) for s in c.statements)
        cname = next(iter(names)) if len(names) == 1 else f"?{c.id}"
        predicted_conf.setdefault((cname, pair_arts), c.reason)
    for item in sorted(key.conflicts | set(predicted_conf), key=lambda c: (c[0], sorted(c[1]))):
        label = pair_label([lang.get(a, "?") for a in item[1]])
        gold, predicted = item in key.conflicts, item in predicted_conf
        t.add(label, "conflicts", int(gold and predicted), int(predicted), int(gold))
        text = f"{item[0]}: {' vs '.join(sorted(item[1]))}"
        reason = predicted_conf.get(item)
        if gold and not predicted:
            t.errors["missed_conflicts"].append(text)
        elif predicted and not gold:
            t.errors["false_conflicts"].append(text + (f" ({reason})" if reason else ""))
    for item in sorted(key.near_misses, key=lambda c: (c[0], sorted(c[1]))):
        flagged = item in predicted_conf
        t.add(pair_label([lang.get(a, "?") for a in item[1]]), "near_misses", int(flagged), 0, 1)
        if flagged:
            t.errors["flagged_near_misses"].append(f"{item[0]}: {' vs '.join(sorted(item[1]))}")
    for lines in t.errors.values():
        lines.sort()
    return t


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
