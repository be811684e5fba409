"""Scores for the story stage: Pearson correlation, B-cubed and pairwise clustering F1."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from blickwinkel.scores import f1


def pearson(x: Sequence[float], y: Sequence[float]) -> float:
    """Pearson's r; 0.0 when either side is constant or there are fewer than two values."""
    n = len(x)
    if n != len(y):
        raise ValueError(f"pearson needs equal lengths, got {n} and {len(y)}")
    if n < 2:
        return 0.0
    mx = sum(x) / n
    my = sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y, strict=True))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    if sxx == 0 or syy == 0:
        return 0.0
    return sxy / math.sqrt(sxx * syy)


@dataclass(frozen=True)
class ClusteringScores:
    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float
    pairwise_precision: float
    pairwise_recall: float
    pairwise_f1: float


def clustering_scores(predicted: Sequence[Sequence[str]], gold: Mapping[str, str]) -> ClusteringScores:
    """B-cubed (Bagga & Baldwin 1998) and pairwise precision/recall/F1 of ``predicted`` clusters.

    ``gold`` maps every item to its gold cluster label; items missing from ``predicted`` count
    as singletons.
    """
    cluster_of: dict[str, int] = {}
    for i, members in enumerate(predicted):
        for item in members:
            cluster_of[item] = i
    next_id = len(predicted)
    for item in sorted(gold):
        if item not in cluster_of:
            cluster_of[item] = next_id
            next_id += 1
    items = sorted(gold)
    if not items:
        return ClusteringScores(0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
    joint = Counter((cluster_of[i], gold[i]) for i in items)
    predicted_size = Counter(cluster_of[i] for i in items)
    gold_size = Counter(gold[i] for i in items)
    precision = sum(n * n / predicted_size[c] for (c, _), n in joint.items()) / len(items)
    recall = sum(n * n / gold_size[g] for (_, g), n in joint.items()) / len(items)

    def pairs(n: int) -> int:
        return n * (n - 1) // 2

    true_pairs = sum(pairs(n) for n in joint.values())
    predicted_pairs = sum(pairs(n) for n in predicted_size.values())
    gold_pairs = sum(pairs(n) for n in gold_size.values())
    pair_p = true_pairs / predicted_pairs if predicted_pairs else 1.0
    pair_r = true_pairs / gold_pairs if gold_pairs else 1.0
    return ClusteringScores(
        bcubed_precision=precision,
        bcubed_recall=recall,
        bcubed_f1=f1(precision, recall),
        pairwise_precision=pair_p,
        pairwise_recall=pair_r,
        pairwise_f1=f1(pair_p, pair_r),
    )
