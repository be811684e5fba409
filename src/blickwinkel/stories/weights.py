"""Fitted constants of the same-story score, one model per embedder (written by scripts/fit_story_weights.py).

A model holds a few fitted feature sets (each a ridge regression of the SemEval-2022 Task 8
``overall`` label on pair features computed with that embedder's vectors, plus the logistic that
turns the predicted label into a same-event probability) and, per language pair, the set that
cross-validation chose for it (see :mod:`blickwinkel.stories.fitting`): where the lexical features
do not pay (languages our patterns were not written for) the pair is scored with fewer features.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

import numpy as np

from blickwinkel.config import DEFAULT_EMBEDDER

# A calibrated scale value is this share of the calibration's value plus the rest of the linear one:
# the monotone step function is fitted on about 60–180 pairs per language pair and alone follows their
# noise (10-fold CV on the SemEval dev pairs, mean over the folds of seeds 0–2 in a scratch run: de-en
# 0.780 alone, 0.785 half and half, 0.781 at 0.3, 0.785 at 0.7; de-de 0.753, 0.763, 0.764, 0.760).
# Chosen on those reported figures (docs/data-sources.md).
CALIBRATION_SHARE = 0.5


@dataclass(frozen=True)
class StoryWeights:
    """One fitted linear set: ``coefficients`` follow ``features`` and then one hinge per knot, the
    ``knot_feature`` (a document cosine) above that knot (``max(0, cos_doc - knot)``): a piecewise-linear
    calibration of the main feature, since the gold scale saturates at both ends where the cosine does
    not."""

    features: tuple[str, ...]
    intercept: float
    coefficients: tuple[float, ...]
    probability_midpoint: float
    probability_slope: float
    knots: tuple[float, ...] = ()
    knot_feature: str = "cos_doc"

    def inputs(self, features: Mapping[str, float]) -> list[float]:
        """The values the coefficients multiply, from a pair's features."""
        hinged = features[self.knot_feature] if self.knots else 0.0
        return [features[f] for f in self.features] + [max(0.0, hinged - k) for k in self.knots]


@dataclass(frozen=True)
class Calibration:
    """A monotone (non-decreasing) map of one language pair's predicted scale value towards the gold:
    the isotonic regression of the gold on the inner-CV predictions of the pair's training pairs, kept
    as its breakpoints (``inputs`` → ``outputs``, linear in between, flat beyond the ends, as
    scikit-learn's ``IsotonicRegression`` predicts), mixed with the linear value by
    ``CALIBRATION_SHARE``."""

    inputs: tuple[float, ...]
    outputs: tuple[float, ...]

    def apply(self, value: float) -> float:
        mapped = float(np.interp(value, self.inputs, self.outputs))
        return CALIBRATION_SHARE * mapped + (1.0 - CALIBRATION_SHARE) * value


@dataclass(frozen=True)
class StoryModel:
    """The fitted sets of one embedder and the set chosen per language pair (``default`` otherwise).

    ``offsets`` calibrate the same-event probability per language pair: the chosen set's mean
    residual (gold minus prediction) on the pair's training pairs in the inner CV. Cosines across
    languages run lower than within one for the same gold, so the pooled fit puts a German-English
    report of one event further apart than the gold does (offset -0.21). The probability's midpoint
    moves by the offset; the predicted scale value, and so every Pearson, stays as fitted (moving the
    value itself would move more pairs into the clip at 1 and cost de-en 0.03 in CV).

    ``calibration`` maps the predicted scale value of a language pair with enough training pairs
    through a monotone step function (:class:`Calibration`): the gold is not linear in the cosines —
    most German-English pairs are judged unrelated (4), and a linear fit spreads them over 2.5–4. It
    changes the scale value only (what `similarity` and `eval similarity` report); the probability,
    and so the clusterer, reads the linear value as before.

    ``scale_map`` holds the coefficients (highest power first) of a polynomial, non-decreasing on 1–4,
    through which the scale value of every language pair goes last (:meth:`mapped`: after the
    calibration and the publication-gap term), fitted on the inner-CV values of the model's training
    pairs (:func:`blickwinkel.stories.fitting.fit_scale_map`): the gold is not linear in the model's
    value across language pairs either, and Pearson reads a straight line. Like the calibration it moves
    the scale value only; the probability keeps reading the linear value.
    """

    sets: dict[str, StoryWeights]
    default: str
    chosen: dict[str, str] = field(default_factory=dict)
    offsets: dict[str, float] = field(default_factory=dict)
    calibration: dict[str, Calibration] = field(default_factory=dict)
    gap_shift: float = 0.0
    gap_slope: float = 0.0
    scale_map: tuple[float, ...] = ()

    def calibrated(self, key: str, value: float) -> float:
        """The predicted scale value ``value`` of a pair of language pair ``key``, calibrated when the
        model holds a calibration for it (unchanged otherwise)."""
        calibration = self.calibration.get(key)
        return value if calibration is None else calibration.apply(value)

    @property
    def dates_fitted(self) -> bool:
        """Whether the model holds a fitted publication-gap term (:meth:`dated`)."""
        return bool(self.gap_shift or self.gap_slope)

    def dated(self, value: float, gap_days: int | None) -> float:
        """The (calibrated) scale value ``value`` of a pair published ``gap_days`` apart, moved by the
        fitted publication-gap term ``gap_shift + gap_slope · ln(1 + gap_days)`` and clipped to 1–4;
        unchanged when a day is unknown or the model has no such term. Fitted on the residuals of the
        chosen sets' inner-CV predictions (:func:`blickwinkel.stories.fitting.fit_model`): two reports
        of a day are more alike than their texts say, reports weeks apart less (SemEval's annotators
        judged the time of the events too). The pair score's scale value (calibrated) and its
        probability (linear) read it; the clusterer's pair probability keeps the hand-set ``GAP_*``
        penalty (:func:`blickwinkel.stories.score.pair_probability`)."""
        if gap_days is None or not self.dates_fitted:
            return value
        return min(4.0, max(1.0, value + self.gap_shift + self.gap_slope * math.log1p(gap_days)))

    def mapped(self, value: float) -> float:
        """The scale value ``value`` (calibrated and dated) through the model's ``scale_map``, clipped to
        1–4; unchanged for a model without one."""
        if not self.scale_map:
            return value
        out = 0.0
        for coefficient in self.scale_map:
            out = out * value + coefficient
        return min(4.0, max(1.0, out))

    @property
    def features(self) -> frozenset[str]:
        """Every pair feature some set of the model reads."""
        return frozenset(
            f
            for weights in self.sets.values()
            for f in (*weights.features, *((weights.knot_feature,) if weights.knots else ()))
        )

    def for_languages(self, first: str | None, second: str | None) -> StoryWeights:
        return self.for_pair(language_pair(first, second))

    def for_pair(self, key: str) -> StoryWeights:
        """The set for the language pair ``key`` ("de-en"), its probability midpoint moved by the
        pair's offset."""
        chosen = self.sets[self.chosen.get(key, self.default)]
        offset = self.offsets.get(key, 0.0)
        if not offset:
            return chosen
        return replace(chosen, probability_midpoint=round(chosen.probability_midpoint - offset, 4))


def language_pair(first: str | None, second: str | None) -> str:
    """The key of a language pair, the same in both orders ("de-en" for en and de)."""
    return "-".join(sorted((first or "xx", second or "xx")))


# Fitted on the 749 SemEval-2022 dev pairs (evaluation-only data; docs/data-sources.md) with the
# options of ``fitting.FIT_OPTIONS``: 'use' on 2026-11-29 (third session), 'e5' on 2026-11-29 (sixth
# session: cosines of vectors centred per language with the means in e5_centres.npz, fitted on the same
# texts; the document cosine with one hinge, the title cosines and the title agreement where inner CV
# chose them; eighth session: a fourth set with the day clash, and per language pair with 60 pairs or
# more the calibration of the scale value; sixteenth session: the publication-gap term, with each
# article's day estimated from its SemEval story id, stories.evaluate.story_id_day; eighteenth session:
# the e5 offsets, calibrations and gap term refitted with the inner folds grouped by article,
# fitting.pair_groups, its sets and means unchanged; nineteenth session: the e5 model's cubic map of
# its final scale value, fitting.fit_scale_map, the rest of it unchanged; the rest unchanged).
# BEGIN FITTED (rewritten by scripts/fit_story_weights.py --write)
WEIGHTS: dict[str, StoryModel] = {
    "e5": StoryModel(
        sets={
            "document": StoryWeights(
                features=("cos_doc_c",),
                intercept=3.8585,
                coefficients=(
                    -2.8703,
                    -1.0899,
                ),
                probability_midpoint=2.4542,
                probability_slope=2.4024,
                knots=(0.3022,),
                knot_feature="cos_doc_c",
            ),
            "titles": StoryWeights(
                features=(
                    "cos_doc_c",
                    "cos_title_c",
                    "cos_cross_c",
                ),
                intercept=3.8509,
                coefficients=(
                    -1.3955,
                    0.2659,
                    -2.0324,
                    -1.1951,
                ),
                probability_midpoint=2.4580,
                probability_slope=2.4566,
                knots=(0.3022,),
                knot_feature="cos_doc_c",
            ),
            "agreement": StoryWeights(
                features=(
                    "cos_doc_c",
                    "cos_title_c",
                    "cos_cross_c",
                    "agreement",
                    "cos_doc_c_agreement",
                ),
                intercept=3.5537,
                coefficients=(
                    -1.0933,
                    0.2956,
                    -4.2112,
                    0.4983,
                    2.1212,
                    -1.4118,
                ),
                probability_midpoint=2.4582,
                probability_slope=2.5895,
                knots=(0.3022,),
                knot_feature="cos_doc_c",
            ),
            "dates": StoryWeights(
                features=(
                    "cos_doc_c",
                    "cos_title_c",
                    "cos_cross_c",
                    "agreement",
                    "cos_doc_c_agreement",
                    "date_clash",
                ),
                intercept=3.5512,
                coefficients=(
                    -1.1155,
                    0.2838,
                    -4.2014,
                    0.4806,
                    2.1534,
                    0.4044,
                    -1.3889,
                ),
                probability_midpoint=2.4617,
                probability_slope=2.6399,
                knots=(0.3022,),
                knot_feature="cos_doc_c",
            ),
        },
        default="dates",
        chosen={
            "ar-ar": "agreement",
            "de-de": "dates",
            "de-en": "document",
            "en-en": "dates",
            "es-es": "dates",
            "pl-pl": "dates",
            "tr-tr": "document",
        },
        offsets={
            "ar-ar": -0.0724,
            "de-de": -0.0128,
            "de-en": 0.1848,
            "en-en": -0.0295,
            "es-es": -0.0881,
            "pl-pl": -0.1896,
            "tr-tr": 0.1600,
        },
        calibration={
            "de-de": Calibration(
                inputs=(
                    1.0000,
                    1.1551,
                    1.1563,
                    1.1628,
                    1.1681,
                    1.5720,
                    1.6091,
                    1.6550,
                    1.6610,
                    1.7735,
                    1.7895,
                    2.0156,
                    2.0237,
                    2.3067,
                    2.3085,
                    2.6100,
                    2.6114,
                    2.9116,
                    2.9254,
                    2.9393,
                    2.9627,
                    2.9741,
                    3.0126,
                    3.1523,
                    3.1704,
                    3.4257,
                    3.4265,
                    3.4936,
                    3.5134,
                    3.7120,
                    3.7218,
                    3.8540,
                    3.8640,
                    4.0000,
                ),
                outputs=(
                    1.0000,
                    1.0000,
                    1.3333,
                    1.3333,
                    1.4545,
                    1.4545,
                    1.5000,
                    1.5000,
                    1.6000,
                    1.6000,
                    1.8627,
                    1.8627,
                    2.0556,
                    2.0556,
                    2.3690,
                    2.3690,
                    2.4375,
                    2.4375,
                    2.5000,
                    2.5000,
                    3.0000,
                    3.0000,
                    3.2917,
                    3.2917,
                    3.4545,
                    3.4545,
                    3.7333,
                    3.7333,
                    3.7667,
                    3.7667,
                    3.9444,
                    3.9444,
                    4.0000,
                    4.0000,
                ),
            ),
            "de-en": Calibration(
                inputs=(
                    1.2113,
                    2.1390,
                    2.1686,
                    2.2579,
                    2.2702,
                    2.2959,
                    2.3613,
                    2.3752,
                    2.8667,
                    2.8778,
                    2.9383,
                    2.9794,
                    3.3376,
                    3.3480,
                    3.5293,
                    3.5558,
                    4.0000,
                ),
                outputs=(
                    1.0000,
                    1.0000,
                    1.5000,
                    1.5000,
                    2.0000,
                    2.3333,
                    2.3333,
                    2.9048,
                    2.9048,
                    3.0000,
                    3.0000,
                    3.5000,
                    3.5000,
                    3.9286,
                    3.9286,
                    4.0000,
                    4.0000,
                ),
            ),
            "en-en": Calibration(
                inputs=(
                    1.0000,
                    1.0556,
                    1.0624,
                    1.0761,
                    1.1572,
                    1.5866,
                    1.5960,
                    2.2480,
                    2.2698,
                    2.2968,
                    2.5279,
                    2.5994,
                    2.6134,
                    2.6843,
                    2.7056,
                    3.1041,
                    3.1338,
                    3.1732,
                    3.1814,
                    3.2596,
                    3.2695,
                    3.2858,
                    3.4806,
                    3.5126,
                    3.5767,
                    3.6159,
                    3.6278,
                    3.6291,
                    3.7399,
                    3.7441,
                    4.0000,
                ),
                outputs=(
                    1.0909,
                    1.0909,
                    1.1667,
                    1.1667,
                    1.5000,
                    1.5000,
                    1.5870,
                    1.5870,
                    1.6667,
                    2.1042,
                    2.1042,
                    2.3333,
                    2.5833,
                    2.5833,
                    2.7500,
                    2.7500,
                    3.1667,
                    3.1667,
                    3.2500,
                    3.2500,
                    3.3333,
                    3.6341,
                    3.6341,
                    3.7179,
                    3.7179,
                    3.7333,
                    3.7333,
                    3.7778,
                    3.7778,
                    3.8433,
                    3.8433,
                ),
            ),
            "es-es": Calibration(
                inputs=(
                    1.0000,
                    1.7290,
                    1.7359,
                    2.3522,
                    2.3985,
                    2.4137,
                    2.5191,
                    2.5606,
                    2.6626,
                    2.7583,
                    2.9668,
                    2.9772,
                    3.3829,
                    3.4125,
                    4.0000,
                ),
                outputs=(
                    1.2143,
                    1.2143,
                    1.7500,
                    1.7500,
                    2.0000,
                    2.2000,
                    2.2000,
                    2.3333,
                    2.3333,
                    2.9167,
                    2.9167,
                    3.0556,
                    3.0556,
                    3.9815,
                    3.9815,
                ),
            ),
            "pl-pl": Calibration(
                inputs=(
                    1.0000,
                    2.1719,
                    2.4267,
                    2.4514,
                    2.4944,
                    2.5110,
                    2.7744,
                    2.7986,
                    3.1296,
                    3.1532,
                    4.0000,
                ),
                outputs=(
                    1.3750,
                    1.3750,
                    1.5000,
                    1.5000,
                    2.0000,
                    2.3750,
                    2.3750,
                    2.8182,
                    2.8182,
                    3.6000,
                    3.6000,
                ),
            ),
            "tr-tr": Calibration(
                inputs=(
                    1.0008,
                    1.5645,
                    1.5796,
                    1.9139,
                    1.9851,
                    2.1687,
                    2.1722,
                    2.5991,
                    2.6851,
                    2.8086,
                    2.8471,
                    2.8996,
                    3.1568,
                    3.1672,
                    3.1700,
                    3.5199,
                    3.5257,
                    3.5831,
                    3.5954,
                    3.8056,
                    3.8302,
                    4.0000,
                ),
                outputs=(
                    1.0909,
                    1.0909,
                    2.0714,
                    2.0714,
                    2.2500,
                    2.2500,
                    2.5000,
                    2.5000,
                    3.0000,
                    3.3000,
                    3.3000,
                    3.3333,
                    3.3333,
                    3.5000,
                    3.5417,
                    3.5417,
                    3.6667,
                    3.6667,
                    3.8846,
                    3.8846,
                    4.0000,
                    4.0000,
                ),
            ),
        },
        gap_shift=-0.1467,
        gap_slope=0.0881,
        scale_map=(
            -0.135069,
            1.061196,
            -1.544116,
            1.785734,
        ),
    ),
    "use": StoryModel(
        sets={
            "document": StoryWeights(
                features=("cos_doc",),
                intercept=4.3587,
                coefficients=(-3.3818,),
                probability_midpoint=2.4212,
                probability_slope=2.2475,
            ),
            "embeddings": StoryWeights(
                features=(
                    "cos_title",
                    "cos_lead",
                    "cos_doc",
                    "cos_cross",
                    "cos_chunks",
                ),
                intercept=4.3046,
                coefficients=(
                    -0.7427,
                    0.3748,
                    -2.9126,
                    -0.8952,
                    0.9876,
                ),
                probability_midpoint=2.4208,
                probability_slope=2.2648,
            ),
            "combined": StoryWeights(
                features=(
                    "cos_title",
                    "cos_lead",
                    "cos_doc",
                    "cos_cross",
                    "cos_chunks",
                    "entities",
                    "numbers",
                    "dates",
                    "words_same_language",
                    "words_cross_language",
                ),
                intercept=4.2852,
                coefficients=(
                    -0.7143,
                    0.4142,
                    -2.7635,
                    -0.9683,
                    1.0834,
                    -0.0578,
                    -0.1561,
                    -0.1125,
                    -0.4492,
                    0.0758,
                ),
                probability_midpoint=2.4260,
                probability_slope=2.2502,
            ),
        },
        default="embeddings",
        chosen={
            "ar-ar": "document",
            "de-de": "combined",
            "de-en": "embeddings",
            "en-en": "embeddings",
            "es-es": "embeddings",
            "pl-pl": "embeddings",
            "tr-tr": "document",
        },
    ),
}
# END FITTED

# Embedders without a fitted model (a third-party backend) use the model of the default one.

# Set by hand (the SemEval pairs carry no dates of their own): reports of one event are published
# within a few days; beyond that each further day makes 'same story' less likely. Read by the
# clusterer's pair probability, and by the pair score of a model without a fitted gap term
# (``StoryModel.dated``); on the SemEval pairs with days estimated from their story ids it lowers the
# cross-validated Pearson of the e5 scale value (all 0.800 → 0.710), the fitted term raises it.
GAP_FREE_DAYS = 3
GAP_PENALTY_PER_DAY = 0.15


def weights_for(embedder: str) -> StoryModel:
    """The fitted model of ``embedder``, or the default embedder's model when it has none."""
    return WEIGHTS.get(embedder, WEIGHTS[DEFAULT_EMBEDDER])
