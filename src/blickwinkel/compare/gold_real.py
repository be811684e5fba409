"""The real-news gold (``blickwinkel.gold-real/1``, examples/gold-real/README.md): facts named by
character spans of published articles, read and found again in the text the reader gives."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from blickwinkel.compare.gold import RATES, TASKS, GoldConflict, GoldFact, parse_conflict
from blickwinkel.errors import Errors, EvaluationError
from blickwinkel.model import Statement
from blickwinkel.text import repair_mojibake

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
    """The tasks this file is scored on; empty for all. A file annotated for conflicts only
    (``examples/gold-real/tune-conflicts``, ``examples/gold-real/conflicts2``) names its facts only
    where they clash, nearly do or agree on a figure, so its links and unique facts would be scored
    against an incomplete key. conflicts2 has a held-out half of such files; the two halves of
    ``examples/gold-real`` itself set no tasks (tested)."""


def span_hash(text: str) -> str:
    """The short digest that gold files keep of a span, to notice when a data file changed."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def parse_real_gold(data: object, source: str) -> RealGold:
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
        parse_conflict(c, n, gold_facts, source) for n, c in enumerate(data.get("conflicts", []))
    )
    near = tuple(
        parse_conflict(c, n, gold_facts, f"{source} (near_misses)")
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
    if split == "train":
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
