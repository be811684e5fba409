"""An article's own restatements: two statements of one article that state one fact.

A lead sums up what the body then tells in detail (same names, same numbers, the body sentence
longer), a fact is told over two sentences in a row ("Fire broke out on the ferry. All passengers
had to leave the ship."), a live page repeats an earlier update. Such pairs look unlike two
articles' statements of one fact, which the link model (:mod:`blickwinkel.compare.similarity`) was
fitted on: it scores most of them below 0.2. This module scores them with a model of its own
(:mod:`blickwinkel.compare.restatement_weights`, fitted by ``scripts/fit_restatement_weights.py`` on
our own invented stories only), over a few parts of the pair: the embedding cosine, shared rare
lemmas, shared distinctive names, a shared number, wording, whether the two stand next to each
other, whether the first is in the article's lead, and how well both match one statement of another
article. Candidates are the pairs of one article that have one statement of another article among
their alignment candidates: a restatement matters to the comparison only where another outlet
states the fact too. The model is off while its threshold is 1 (restatement_weights.py says why).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import combinations

import numpy as np
import numpy.typing as npt

from blickwinkel.compare.restatement_weights import RESTATEMENT_MODEL
from blickwinkel.compare.similarity import (
    StatementFeatures,
    dice,
    name_agreement,
    number_agreement,
    weighted_overlap,
)
from blickwinkel.model import Statement

# A statement among an article's first this many alignable statements (or in its lead block) is
# in the lead: what the rest of the article tells in detail.
LEAD_STATEMENTS = 3


def lead_positions(statements: Sequence[Statement], idx: Sequence[int]) -> frozenset[int]:
    """The statements (indices of ``idx``, one article's alignable statements in reading order)
    in the article's lead: its first :data:`LEAD_STATEMENTS` and those of a lead block."""
    return frozenset(
        i for n, i in enumerate(idx) if n < LEAD_STATEMENTS or statements[i].block_kind == "lead"
    )


def restatement_parts(
    cosine: float,
    fa: StatementFeatures,
    fb: StatementFeatures,
    idf: dict[str, float],
    common: frozenset[str],
    *,
    adjacent: bool,
    lead: bool,
    partner: float,
) -> dict[str, float]:
    """The parts of a pair of one article's statements that the restatement model reads;
    ``partner`` is how well both match one statement of another article (the lower of the two
    link probabilities, the best such statement)."""
    names = name_agreement(fa.keys, fb.keys, common)
    numbers = number_agreement(fa.quantities, fb.quantities, fa.values, fb.values)
    return {
        "meaning": cosine,
        "wording": dice(fa.chars, fb.chars) ** 0.5 if fa.chars and fb.chars else 0.0,
        "lemmas": weighted_overlap(fa.lemmas, fb.lemmas, idf),
        "names": max(0.0, names),
        "name_clash": 1.0 if names < 0 else 0.0,
        "number_match": 1.0 if numbers > 0 else 0.0,
        "number_mismatch": 1.0 if numbers == -1.0 else 0.0,
        "adjacent": 1.0 if adjacent else 0.0,
        "lead": 1.0 if lead else 0.0,
        "partner": partner,
    }


def restatement_probability(parts: Mapping[str, float]) -> float:
    """The probability that two statements of one article state one fact, by the fitted model."""
    model = RESTATEMENT_MODEL
    z = model.intercept
    for f, c in zip(model.features, model.coefficients, strict=True):
        z += c * parts[f]
    return 1.0 / (1.0 + math.exp(-z))


def shared_partners(
    statements: Sequence[Statement], candidates: Mapping[tuple[int, str], Iterable[int]]
) -> dict[tuple[int, int], set[int]]:
    """The candidate pairs: two statements of one article (indices, the earlier first) that have
    one statement of another article among their alignment candidates there, with those statements."""
    holders: dict[int, set[int]] = defaultdict(set)  # a statement -> the statements that found it
    for (i, _article), found in candidates.items():
        for x in found:
            holders[x].add(i)
    out: dict[tuple[int, int], set[int]] = defaultdict(set)
    for x, found_by in holders.items():
        by_article: dict[str, list[int]] = defaultdict(list)
        for i in found_by:
            by_article[statements[i].article].append(i)
        for same in by_article.values():
            for i, j in combinations(sorted(same), 2):
                out[(i, j)].add(x)
    return out


def restated_pairs(
    statements: Sequence[Statement],
    by_article: Mapping[str, npt.NDArray[np.int64]],
    sims: npt.NDArray[np.float32],
    feats: Sequence[StatementFeatures],
    idf: dict[str, float],
    common: frozenset[str],
    candidates: Mapping[tuple[int, str], Iterable[int]],
    link_score: Callable[[int, int], float],
) -> list[tuple[int, int, dict[str, float]]]:
    """The candidate pairs of :func:`shared_partners` (indices) with their parts."""
    order: dict[int, tuple[int, bool]] = {}  # statement -> its place among its article's, in the lead
    for idx in by_article.values():
        ranked = sorted(int(i) for i in idx)
        lead = lead_positions(statements, ranked)
        order.update((i, (n, i in lead)) for n, i in enumerate(ranked))
    out = []
    for (i, j), partners in sorted(shared_partners(statements, candidates).items()):
        if i not in order or j not in order:
            continue
        partner = max(min(link_score(i, x), link_score(j, x)) for x in partners)
        parts = restatement_parts(
            float(sims[i, j]),
            feats[i],
            feats[j],
            idf,
            common,
            adjacent=order[j][0] == order[i][0] + 1,
            lead=order[i][1],
            partner=partner,
        )
        out.append((i, j, parts))
    return out


def restatements(
    statements: Sequence[Statement],
    by_article: Mapping[str, npt.NDArray[np.int64]],
    sims: npt.NDArray[np.float32],
    feats: Sequence[StatementFeatures],
    idf: dict[str, float],
    common: frozenset[str],
    candidates: Mapping[tuple[int, str], Iterable[int]],
    link_score: Callable[[int, int], float],
) -> tuple[tuple[str, str], ...]:
    """Pairs of statement ids of one article whose restatement probability reaches the model's
    threshold (none while the threshold is 1 or more: the model is off)."""
    if RESTATEMENT_MODEL.threshold >= 1.0:
        return ()
    return tuple(
        (statements[i].id, statements[j].id)
        for i, j, parts in restated_pairs(
            statements, by_article, sims, feats, idf, common, candidates, link_score
        )
        if restatement_probability(parts) >= RESTATEMENT_MODEL.threshold
    )
