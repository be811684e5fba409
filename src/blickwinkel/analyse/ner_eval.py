"""Scoring named-entity tags against GermEval 2014 data: exact spans, micro P/R/F1 and per type.

Only the outer tags count, restricted to PER, ORG, LOC and OTH. GermEval also marks derivations
("irakische" → LOCderiv) and names inside words ("NATO-Gipfel" → ORGpart); ``derived`` says what
happens to them: ``"ignore"`` (default) reads them as no entity, which matches what
blickwinkel tags (it never marks adjectives or compounds); ``"merge"`` counts them as their base type.

The GermEval 2014 dev file (2,200 sentences) is split once, by sentence position: every fourth
sentence (index % 4 == 3, counting from 0: 550 sentences) is **held out** and only ever scored;
the other 1,650 are the **tuning** part, on which the shipped tagger is trained and every choice
is made (``split_sentences``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from blickwinkel.errors import Errors, EvaluationError, unreadable_file
from blickwinkel.scores import precision_recall_f1

ENTITY_TYPES = ("PER", "ORG", "LOC", "OTH")
DerivedPolicy = Literal["ignore", "merge"]
SplitPart = Literal["tune", "heldout", "all"]
SPLIT_PARTS: tuple[SplitPart, ...] = ("heldout", "tune", "all")
# Every HELDOUT_EVERY-th sentence (position % HELDOUT_EVERY == HELDOUT_AT) is held out.
HELDOUT_EVERY = 4
HELDOUT_AT = 3
_COLUMNS = 4


@dataclass(frozen=True)
class LabelledSentence:
    tokens: tuple[str, ...]
    tags: tuple[str, ...]


@dataclass(frozen=True)
class TypeScore:
    precision: float
    recall: float
    f1: float
    support: int

    def to_json(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "support": self.support,
        }


@dataclass(frozen=True)
class NerScores:
    precision: float
    recall: float
    f1: float
    sentences: int
    per_type: dict[str, TypeScore] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "per_type": {name: score.to_json() for name, score in self.per_type.items()},
            "sentences": self.sentences,
        }


def parse_germeval(lines: Iterable[str], source: str) -> list[LabelledSentence]:
    """Sentences of a GermEval 2014 file: ``idx<TAB>token<TAB>outer<TAB>nested``, blank line between."""
    sentences: list[LabelledSentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    expected = 1
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n")
        if line.startswith("#"):
            continue
        if not line.strip():
            if tokens:
                sentences.append(LabelledSentence(tuple(tokens), tuple(tags)))
                tokens, tags, expected = [], [], 1
            continue
        columns = line.split("\t")
        if len(columns) < _COLUMNS - 1:
            raise EvaluationError(Errors.V036.format(source=source, line=number, got=line[:60]))
        index, token, outer = columns[0], columns[1], columns[2]
        if not index.isdigit() or int(index) != expected:
            raise EvaluationError(
                Errors.V037.format(source=source, line=number, index=index, expected=expected)
            )
        if outer != "O" and (outer[:2] not in {"B-", "I-"} or len(outer) < 3):
            raise EvaluationError(Errors.V038.format(source=source, line=number, tag=outer))
        tokens.append(token)
        tags.append(outer)
        expected += 1
    if tokens:
        sentences.append(LabelledSentence(tuple(tokens), tuple(tags)))
    if not sentences:
        raise EvaluationError(Errors.V039.format(source=source))
    return sentences


def read_germeval(path: Path, limit: int | None = None) -> list[LabelledSentence]:
    """The labelled sentences of the GermEval 2014 file ``path`` (at most ``limit``)."""
    try:
        with path.open(encoding="utf-8") as lines:
            sentences = parse_germeval(lines, str(path))
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError(unreadable_file(path, exc, "a GermEval 2014 .tsv file")) from exc
    return list(sentences[:limit] if limit else sentences)


def is_heldout(position: int) -> bool:
    """Whether the sentence at 0-based ``position`` of a file belongs to the held-out part."""
    return position % HELDOUT_EVERY == HELDOUT_AT


def split_sentences(sentences: Sequence[LabelledSentence], part: SplitPart) -> list[LabelledSentence]:
    """The ``tune`` or ``heldout`` part of a file's sentences (by position), or ``all`` of them."""
    if part == "all":
        return list(sentences)
    if part not in ("tune", "heldout"):
        raise EvaluationError(
            Errors.C003.format(option="split", value=part, choices=", ".join(repr(p) for p in SPLIT_PARTS))
        )
    return [s for i, s in enumerate(sentences) if is_heldout(i) == (part == "heldout")]


def _base_type(tag_type: str, derived: DerivedPolicy) -> str | None:
    if tag_type in ENTITY_TYPES:
        return tag_type
    base = tag_type.removesuffix("deriv").removesuffix("part")
    if derived == "merge" and base in ENTITY_TYPES:
        return base
    return None


def entity_spans(tags: Sequence[str], derived: DerivedPolicy = "ignore") -> set[tuple[int, int, str]]:
    """Exact spans ``(start, end, type)`` of a BIO tag sequence; a stray ``I-`` opens a span."""
    spans: set[tuple[int, int, str]] = set()
    start, current = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, raw = tag.partition("-")
        kind = _base_type(raw, derived) if prefix in {"B", "I"} else None
        continues = prefix == "I" and kind == current and current != ""
        if current and not continues:
            spans.add((start, i, current))
            current = ""
        if kind is not None and not continues:
            start, current = i, kind
    return spans


def score_entities(
    gold: Sequence[Sequence[str]],
    predicted: Sequence[Sequence[str]],
    *,
    derived: DerivedPolicy = "ignore",
) -> NerScores:
    """Micro precision, recall and F1 over exact entity spans, and the same per type."""
    if len(gold) != len(predicted):
        raise EvaluationError(Errors.V040.format(gold=len(gold), predicted=len(predicted)))
    counts = {t: [0, 0, 0] for t in ENTITY_TYPES}  # true positives, predicted, gold
    for gold_tags, predicted_tags in zip(gold, predicted, strict=True):
        gold_spans = entity_spans(gold_tags, derived)
        predicted_spans = entity_spans(predicted_tags, derived)
        for span in predicted_spans:
            counts[span[2]][1] += 1
            if span in gold_spans:
                counts[span[2]][0] += 1
        for span in gold_spans:
            counts[span[2]][2] += 1
    per_type = {t: TypeScore(*precision_recall_f1(*counts[t]), support=counts[t][2]) for t in ENTITY_TYPES}
    totals = [sum(c[k] for c in counts.values()) for k in range(3)]
    precision, recall, f1 = precision_recall_f1(*totals)
    return NerScores(precision, recall, f1, len(gold), per_type)


def evaluate_ner(
    sentences: Sequence[LabelledSentence],
    tagger: Callable[[Sequence[str]], list[str]],
    *,
    derived: DerivedPolicy = "ignore",
) -> NerScores:
    """Tag every sentence with ``tagger`` and score the result against the gold tags."""
    predicted = [tagger(s.tokens) for s in sentences]
    return score_entities([s.tags for s in sentences], predicted, derived=derived)
