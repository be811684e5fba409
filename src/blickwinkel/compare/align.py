"""Align statements across articles: which statements of different articles say the same thing."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from blickwinkel.compare.parts import Part
from blickwinkel.compare.similarity import (
    ScoreParts,
    StatementFeatures,
    combine,
    link_reasons,
    same_language,
)
from blickwinkel.config import DEFAULT_EMBEDDER
from blickwinkel.embed.backends import on_use_scale
from blickwinkel.model import Link, Statement

# A pair below this cosine is never scored in full: the other features cannot lift it over the
# threshold (their weights add up to less than the gap).
MIN_COSINE = 0.35
# Candidates per statement and other article, taken from the similarity matrix before scoring.
CANDIDATES_PER_ARTICLE = 4
# A statement keeps up to this many partners per other article that reach the threshold: one long
# sentence may state what another article says in two or three.
MAX_PARTNERS_PER_ARTICLE = 3
# An article restates one of its own statements (a lead repeated in the body, a quote given twice)
# when the two score this much; candidates are the most similar statements of the same article.
# Checked on the tuning half of the real-news gold: statements of one article about one event share
# names and topic, so a lower bar (0.6) joins more restatements (0.33 -> 0.50 of them) but also
# different facts (kept apart 0.92 -> 0.86, link precision 0.82 -> 0.76); at 0.9 only near-copies
# join, which changed none of the tuning figures.
RESTATEMENT_MIN_SCORE = 0.9
RESTATEMENT_CANDIDATES = 3
# How much better a clause must score than the whole statements to stand for the pair.
PART_MARGIN = 0.08

ALIGNABLE_KINDS = frozenset({None, "reporting", "quote", "reported_speech", "background", "commentary"})


@dataclass(frozen=True)
class Alignment:
    """The links, the evidence of each, and a scorer for any pair of statements (by index)."""

    links: tuple[Link, ...]
    parts: dict[tuple[str, str], ScoreParts]
    pair_score: Callable[[int, int], float] = lambda i, j: 0.0
    pair_parts: Callable[[int, int], ScoreParts | None] = lambda i, j: None
    restatements: tuple[tuple[str, str], ...] = ()  # statement ids of an article restating itself


def is_alignable(statement: Statement) -> bool:
    """Headlines and captions summarise or describe pictures; they are shown but not aligned."""
    return statement.block_kind not in {"headline", "caption", "subheading"} and len(statement.text) >= 12


def align_statements(
    statements: Sequence[Statement],
    parts: Sequence[Sequence[Part]],
    part_embeddings: npt.NDArray[np.float32],
    *,
    threshold: float,
    embedder: str = DEFAULT_EMBEDDER,
) -> Alignment:
    """Links between statements of different articles whose combined score reaches ``threshold``.

    Candidates come from the embedding similarity matrix (top few per statement and article) and from
    shared rare lemmas, so the full score is computed for few pairs even in a story of many articles.
    A pair scores as its best pair of parts (whole statements or clauses); the parts that matched
    are kept, so conflicts are looked for only where the statements say the same thing.
    """
    n = len(statements)
    if n == 0:
        return Alignment((), {})
    feats: list[StatementFeatures] = [p[0].features for p in parts]
    offsets = np.cumsum([0] + [len(p) for p in parts])
    part_sims = on_use_scale(part_embeddings @ part_embeddings.T, embedder)
    # Statement similarity = the best similarity of any of their parts.
    sims = np.maximum.reduceat(np.maximum.reduceat(part_sims, offsets[:-1], axis=0), offsets[:-1], axis=1)
    articles = [s.article for s in statements]
    alignable = np.array([is_alignable(s) for s in statements], dtype=bool)
    by_article: dict[str, npt.NDArray[np.int64]] = {}
    for art in dict.fromkeys(articles):
        by_article[art] = np.array(
            [i for i in range(n) if articles[i] == art and alignable[i]], dtype=np.int64
        )
    idf = lemma_idf(feats)
    common = common_keys(feats)
    lexical = lexical_candidates(feats, articles, alignable, idf)

    scored: dict[tuple[int, int], ScoreParts] = {}

    def score(i: int, j: int) -> ScoreParts:
        key = (i, j) if i < j else (j, i)
        if key not in scored:
            scored[key] = best_part_score(key[0], key[1], parts, offsets, part_sims, idf, common)
        return scored[key]

    best_in: dict[tuple[int, str], int] = {}
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
            candidates = {int(j) for j in top if sims[i, j] >= MIN_COSINE}
            candidates |= {j for j in lexical.get(i, ()) if articles[j] == art}
            if not candidates:
                continue
            ranked = sorted(candidates, key=lambda j: (-score(i, j).score, j))
            best_in[(i, art)] = ranked[0]
            best = score(i, ranked[0]).score
            if best < threshold:
                continue
            for j in ranked[:MAX_PARTNERS_PER_ARTICLE]:
                if score(i, j).score >= threshold:
                    chosen.add((min(i, j), max(i, j)))

    # Across languages only the meaning can be compared; keep such a link only when each statement is
    # the other's best match in its article, which keeps loose topical matches out.
    chosen = {
        (i, j)
        for i, j in chosen
        if same_language(feats[i], feats[j])
        or (best_in.get((i, articles[j])) == j and best_in.get((j, articles[i])) == i)
    }

    # Links name their statements in sorted order, so that A-vs-B and B-vs-A give the same links.
    links: list[Link] = []
    matched: dict[tuple[str, str], ScoreParts] = {}
    for i, j in chosen:
        a, b = sorted((statements[i].id, statements[j].id))
        mutual = best_in.get((i, articles[j])) == j and best_in.get((j, articles[i])) == i
        found = replace(scored[(i, j)], mutual=mutual)
        if a != statements[i].id:
            found = replace(found, span_a=found.span_b, span_b=found.span_a)
        links.append(Link(a, b, found.score, link_reasons(found)))
        matched[(a, b)] = found
    links.sort(key=lambda k: (k.a, k.b))
    restated = []
    for idx in by_article.values():
        for i in idx:
            row = sims[i, idx]
            for j in idx[np.argsort(-row)[:RESTATEMENT_CANDIDATES]]:
                if (
                    i < j
                    and sims[i, j] >= MIN_COSINE
                    and score(int(i), int(j)).score >= RESTATEMENT_MIN_SCORE
                ):
                    restated.append((statements[i].id, statements[j].id))
    return Alignment(tuple(links), matched, lambda i, j: score(i, j).score, score, tuple(restated))


# Lemmas in more than this share of a story's statements are too common to propose candidates.
LEXICAL_MAX_DF_SHARE = 0.1
LEXICAL_CANDIDATES = 4


def lemma_idf(feats: Sequence[StatementFeatures]) -> dict[str, float]:
    """Inverse statement frequency of every lemma in the story: rare words weigh more."""
    df: dict[str, int] = defaultdict(int)
    for f in feats:
        for w in f.lemmas:
            df[w] += 1
    n = max(1, len(feats))
    return {w: math.log((n + 1) / (c + 0.5)) for w, c in df.items()}


# A name in more than this share of a story's statements is the story's subject, not evidence.
COMMON_KEY_SHARE = 0.2


def common_keys(feats: Sequence[StatementFeatures]) -> frozenset[str]:
    df: dict[str, int] = defaultdict(int)
    for f in feats:
        for k in f.keys:
            df[k] += 1
    limit = max(2, COMMON_KEY_SHARE * len(feats))
    return frozenset(k for k, c in df.items() if c > limit)


def lexical_candidates(
    feats: Sequence[StatementFeatures],
    articles: Sequence[str],
    alignable: npt.NDArray[np.bool_],
    idf: dict[str, float],
) -> dict[int, list[int]]:
    """Statements sharing rare lemmas, found through an inverted index: the embedding can miss a close
    paraphrase that shares its key words ("Vorbedingung fallen gelassen")."""
    max_df = max(2, int(LEXICAL_MAX_DF_SHARE * len(feats)))
    postings: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        if alignable[i]:
            for w in f.lemmas:
                postings[w].append(i)
    out: dict[int, list[int]] = {}
    for i, f in enumerate(feats):
        if not alignable[i]:
            continue
        weight: dict[int, float] = defaultdict(float)
        for w in f.lemmas:
            hits = postings.get(w, [])
            if len(hits) > max_df:
                continue
            for j in hits:
                if articles[j] != articles[i]:
                    weight[j] += idf.get(w, 1.0)
        if weight:
            out[i] = sorted(weight, key=lambda j: (-weight[j], j))[:LEXICAL_CANDIDATES]
    return out


def best_part_score(
    i: int,
    j: int,
    parts: Sequence[Sequence[Part]],
    offsets: npt.NDArray[np.int64],
    part_sims: npt.NDArray[np.float32],
    idf: dict[str, float],
    common: frozenset[str],
) -> ScoreParts:
    """The score of the best pair of parts. The whole statements are the first pair; a pair with a
    clause wins only when it scores clearly higher, so that two sentences that differ in one number
    are compared as wholes, not through their identical clause without the number."""
    best: ScoreParts | None = None
    for x, pa in enumerate(parts[i]):
        for y, pb in enumerate(parts[j]):
            cosine = float(part_sims[offsets[i] + x, offsets[j] + y])
            candidate = combine(cosine, pa.features, pb.features, idf, common)
            margin = 0.0 if best is None or (x == 0 and y == 0) else PART_MARGIN
            if best is None or candidate.score > best.score + margin:
                best = replace(candidate, span_a=(pa.start, pa.end), span_b=(pb.start, pb.end))
    assert best is not None
    return best
