"""Same-story score of two articles on the SemEval-2022 Task 8 scale and as a probability.

The score is a linear model over a few symmetric pair features (embedding cosines of title, lead,
document and body chunks, also with each language's mean vector taken away; how well each article's
title agrees with its text; overlap of names, numbers, dates and words); its weights are fitted with
cross-validation by ``scripts/fit_story_weights.py`` and shipped as constants in
:mod:`blickwinkel.stories.weights`, one model per embedder (cosines of different embedders live on
different scales) with the feature set chosen per language pair; where the model holds a monotone
calibration for the language pair (:class:`weights.Calibration`), the scale value goes through it, and
last through the model's monotone map of the scale (:meth:`weights.StoryModel.mapped`), while
the same-event probability keeps reading the linear value. When both publication days are known,
the scale value of a model with a fitted publication-gap term (:meth:`weights.StoryModel.dated`,
fitted on the SemEval pairs with days estimated from their story ids) moves by it, and so does its
probability; the clusterer's pair probability, and the score of a model without the term, take the
hand-set penalty of ``weights.GAP_*``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from blickwinkel.config import DEFAULT_EMBEDDER
from blickwinkel.errors import EmbedderError
from blickwinkel.stories import weights
from blickwinkel.stories.features import StoryDoc
from blickwinkel.stories.weights import Calibration, StoryWeights, language_pair, weights_for


@dataclass(frozen=True)
class PairScore:
    """``overall`` on the SemEval scale (1 = same story … 4 = unrelated), ``probability`` of one event."""

    overall: float
    probability: float
    reasons: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "overall": round(self.overall, 3),
            "probability": round(self.probability, 3),
            "reasons": self.reasons,
        }


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def _dot(a: np.ndarray[Any, Any], b: np.ndarray[Any, Any]) -> float:
    return float(np.dot(a, b))


def best_match(a: np.ndarray[Any, Any], b: np.ndarray[Any, Any]) -> float:
    """Mean cosine of each chunk with its best match on the other side, both ways (symmetric)."""
    if a.size == 0 or b.size == 0:
        return 0.0
    similarity = a @ b.T
    # Sum over count, not .mean(): the same float32 division (checked on 100,000 corpus-de pairs), in
    # half the time; the clusterer scores about a dozen pairs an article.
    forward = similarity.max(axis=1).sum() / similarity.shape[0]
    backward = similarity.max(axis=0).sum() / similarity.shape[1]
    return 0.5 * (float(forward) + float(backward))


def pair_features(a: StoryDoc, b: StoryDoc) -> dict[str, float]:
    """The symmetric features the fitted sets combine (each set names the ones it uses)."""
    cross = 0.5 * (_dot(a.title_vec, b.doc_vec) + _dot(a.doc_vec, b.title_vec))
    same_language = 1.0 if a.language is not None and a.language == b.language else 0.0
    words = jaccard(a.words, b.words)
    cos_title, cos_doc = _dot(a.title_vec, b.title_vec), _dot(a.doc_vec, b.doc_vec)
    if a.doc_centred is not None and b.doc_centred is not None:
        assert a.title_centred is not None and b.title_centred is not None
        centred = (
            _dot(a.doc_centred, b.doc_centred),
            _dot(a.title_centred, b.title_centred),
            0.5 * (_dot(a.title_centred, b.doc_centred) + _dot(a.doc_centred, b.title_centred)),
        )
    else:  # an embedder without means: the plain cosines stand in
        centred = (cos_doc, cos_title, cross)
    agreement = min(a.agreement, b.agreement)
    return {
        "cos_title": cos_title,
        "cos_lead": _dot(a.lead_vec, b.lead_vec),
        "cos_doc": cos_doc,
        "cos_cross": cross,
        "cos_doc_c": centred[0],
        "cos_title_c": centred[1],
        "cos_cross_c": centred[2],
        "agreement": agreement,
        "cos_doc_c_agreement": centred[0] * agreement,
        "cos_chunks": best_match(a.chunk_vecs, b.chunk_vecs),
        "entities": jaccard(a.entities, b.entities),
        "numbers": jaccard(a.numbers, b.numbers),
        "dates": jaccard(a.dates, b.dates),
        "words_same_language": words * same_language,
        "words_cross_language": words * (1.0 - same_language),
        "date_clash": date_clash(a.dates, b.dates),
    }


def date_clash(a: frozenset[str], b: frozenset[str]) -> float:
    """1 when both articles name calendar days (day and month) and none of them is the same: reports of
    one event mostly name its day, two days apart are often two events (a count of one day and of
    another); 0 otherwise."""
    days_a = {d for d in a if d.startswith("d")}
    days_b = {d for d in b if d.startswith("d")}
    return 1.0 if days_a and days_b and not days_a & days_b else 0.0


def date_gap_days(a: StoryDoc, b: StoryDoc) -> int | None:
    if a.published is None or b.published is None:
        return None
    return abs((a.published - b.published).days)


def predicted_overall(
    features: dict[str, float],
    gap_days: int | None = None,
    model: StoryWeights | None = None,
    calibration: Calibration | None = None,
) -> float:
    """The fitted linear ``model`` (default: the default embedder's set for unknown languages), clipped
    to 1–4 and mapped through the language pair's ``calibration`` when there is one, plus the date-gap
    penalty, clipped to 1–4."""
    model = model or weights_for(DEFAULT_EMBEDDER).for_languages(None, None)
    value = model.intercept + sum(
        w * x for x, w in zip(model.inputs(features), model.coefficients, strict=True)
    )
    if calibration is not None:
        value = calibration.apply(min(4.0, max(1.0, value)))
    if gap_days is not None and gap_days > weights.GAP_FREE_DAYS:
        value += weights.GAP_PENALTY_PER_DAY * (gap_days - weights.GAP_FREE_DAYS)
    return min(4.0, max(1.0, value))


def same_event_probability(overall: float, model: StoryWeights | None = None) -> float:
    """Probability of one event from the scale value (a logistic fitted on overall ≤ 2 as 'same')."""
    model = model or weights_for(DEFAULT_EMBEDDER).for_languages(None, None)
    z = model.probability_slope * (model.probability_midpoint - overall)
    return 1.0 / (1.0 + math.exp(-z))


def pair_model(a: StoryDoc, b: StoryDoc) -> StoryWeights:
    """The set fitted for the embedder that made both docs' vectors and chosen for their languages."""
    if a.embedder != b.embedder:
        raise EmbedderError(
            f"{a.id} and {b.id} were embedded with {a.embedder!r} and {b.embedder!r}; "
            "compute the features of all articles with one embedder."
        )
    return weights_for(a.embedder).for_languages(a.language, b.language)


def pair_probability(a: StoryDoc, b: StoryDoc) -> float:
    """Same-event probability without the reasons (the clusterer's inner loop): the linear value with
    the hand-set gap penalty of ``weights.GAP_*`` (for dated articles of a model with a fitted gap
    term, :func:`same_story_score`'s probability reads that term instead; the clusterer only compares
    articles within its time window, where the penalty is small)."""
    model = pair_model(a, b)
    return same_event_probability(predicted_overall(pair_features(a, b), date_gap_days(a, b), model), model)


def same_story_score(a: StoryDoc, b: StoryDoc) -> PairScore:
    """Score two articles; symmetric: ``same_story_score(a, b) == same_story_score(b, a)``."""
    model = pair_model(a, b)
    features = pair_features(a, b)
    gap = date_gap_days(a, b)
    fitted = weights_for(a.embedder)
    calibration = fitted.calibration.get(language_pair(a.language, b.language))
    if fitted.dates_fitted:  # the fitted publication-gap term instead of the hand-set penalty
        overall = fitted.dated(predicted_overall(features, None, model, calibration), gap)
    else:
        overall = predicted_overall(features, gap, model, calibration)
    overall = fitted.mapped(overall)
    # The probability reads the linear value (what its logistic was fitted on), moved by the fitted
    # gap term where the model has one (so a scale value and probability of two dated articles agree),
    # else with the hand-set penalty, as the clusterer reads it through pair_probability.
    if fitted.dates_fitted:
        linear = fitted.dated(predicted_overall(features, None, model), gap)
    else:
        linear = predicted_overall(features, gap, model)
    reasons: dict[str, Any] = {
        "shared_entities": sorted(a.entities & b.entities),
        "shared_numbers": sorted(a.numbers & b.numbers, key=lambda n: (float(n), n)),
        "shared_dates": sorted(a.dates & b.dates),
        "date_gap_days": gap,
        "features": {k: round(v, 3) for k, v in features.items()},
    }
    return PairScore(overall=overall, probability=same_event_probability(linear, model), reasons=reasons)
