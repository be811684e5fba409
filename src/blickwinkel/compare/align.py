"""Align statements across articles: which statements of different articles say the same thing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from blickwinkel.compare.similarity import ScoreParts, StatementFeatures, combine, features
from blickwinkel.model import Link, Statement

# A pair below this cosine is never scored in full: the other features cannot lift it over the
# threshold (their weights add up to less than the gap).
MIN_COSINE = 0.35
# Candidates per statement and other article, taken from the similarity matrix before scoring.
CANDIDATES_PER_ARTICLE = 4
# Besides its best partner in another article, a statement keeps partners that score this close to
# the best: one long sentence may state what another article says in two.
SECOND_PARTNER_MARGIN = 0.06

ALIGNABLE_KINDS = frozenset({None, "reporting", "quote", "reported_speech", "background", "commentary"})


@dataclass(frozen=True)
class Alignment:
    links: tuple[Link, ...]
    parts: dict[tuple[str, str], ScoreParts]


def is_alignable(statement: Statement) -> bool:
    """Headlines and captions summarise or describe pictures; they are shown but not aligned."""
    return statement.block_kind not in {"headline", "caption", "subheading"} and len(statement.text) >= 12


def align_statements(
    statements: Sequence[Statement],
    embeddings: npt.NDArray[np.float32],
    *,
    threshold: float,
) -> Alignment:
    """Links between statements of different articles whose combined score reaches ``threshold``.

    Candidates come from the embedding similarity matrix (top few per statement and article), so the
    full score is computed for a small number of pairs even in a story of many articles.
    """
    n = len(statements)
    if n == 0:
        return Alignment((), {})
    feats: list[StatementFeatures] = [features(s) for s in statements]
    articles = [s.article for s in statements]
    alignable = np.array([is_alignable(s) for s in statements], dtype=bool)
    by_article: dict[str, npt.NDArray[np.int64]] = {}
    for art in dict.fromkeys(articles):
        by_article[art] = np.array([i for i in range(n) if articles[i] == art and alignable[i]], dtype=np.int64)
    sims = embeddings @ embeddings.T

    scored: dict[tuple[int, int], ScoreParts] = {}

    def score(i: int, j: int) -> ScoreParts:
        key = (i, j) if i < j else (j, i)
        if key not in scored:
            scored[key] = combine(float(sims[i, j]), feats[i], feats[j])
        return scored[key]

    chosen: set[tuple[int, int]] = set()
    for i in range(n):
        if not alignable[i]:
            continue
        for art, idx in by_article.items():
            if art == articles[i] or idx.size == 0:
                continue
            row = sims[i, idx]
            k = min(CANDIDATES_PER_ARTICLE, idx.size)
            top = idx[np.argpartition(-row, k - 1)[:k]]
            candidates = [int(j) for j in top if sims[i, j] >= MIN_COSINE]
            if not candidates:
                continue
            ranked = sorted(candidates, key=lambda j: (-score(i, j).score, j))
            best = score(i, ranked[0]).score
            if best < threshold:
                continue
            for j in ranked:
                s = score(i, j).score
                if s >= threshold and s >= best - SECOND_PARTNER_MARGIN:
                    chosen.add((min(i, j), max(i, j)))

    # Links name their statements in sorted order, so that A-vs-B and B-vs-A give the same links.
    links: list[Link] = []
    parts: dict[tuple[str, str], ScoreParts] = {}
    for i, j in chosen:
        a, b = sorted((statements[i].id, statements[j].id))
        links.append(Link(a, b, scored[(i, j)].score))
        parts[(a, b)] = scored[(i, j)]
    links.sort(key=lambda k: (k.a, k.b))
    return Alignment(tuple(links), parts)
