"""Fitted constants of the same-story score, one model per embedder (written by scripts/fit_story_weights.py).

A model holds a few fitted feature sets (each a ridge regression of the SemEval-2022 Task 8
``overall`` label on pair features computed with that embedder's vectors, plus the logistic that
turns the predicted label into a same-event probability) and, per language pair, the set that
cross-validation chose for it (see :mod:`blickwinkel.stories.fitting`): where the lexical features
do not pay (languages our patterns were not written for) the pair is scored with fewer features.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from blickwinkel.config import DEFAULT_EMBEDDER


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
class StoryModel:
    """The fitted sets of one embedder and the set chosen per language pair (``default`` otherwise).

    ``offsets`` calibrate the same-event probability per language pair: the chosen set's mean
    residual (gold minus prediction) on the pair's training pairs in the inner CV. Cosines across
    languages run lower than within one for the same gold, so the pooled fit puts a German-English
    report of one event further apart than the gold does (offset -0.21). The probability's midpoint
    moves by the offset; the predicted scale value, and so every Pearson, stays as fitted (moving the
    value itself would move more pairs into the clip at 1 and cost de-en 0.03 in CV).
    """

    sets: dict[str, StoryWeights]
    default: str
    chosen: dict[str, str] = field(default_factory=dict)
    offsets: dict[str, float] = field(default_factory=dict)

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
# chose them).
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
        },
        default="agreement",
        chosen={
            "ar-ar": "agreement",
            "de-de": "agreement",
            "de-en": "document",
            "en-en": "agreement",
            "es-es": "agreement",
            "pl-pl": "agreement",
            "tr-tr": "document",
        },
        offsets={
            "ar-ar": -0.0616,
            "de-de": -0.0076,
            "de-en": 0.1854,
            "en-en": -0.0251,
            "es-es": -0.0980,
            "pl-pl": -0.1970,
            "tr-tr": 0.1578,
        },
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

# Not in the training data (SemEval pairs carry no dates): reports of one event are published
# within a few days; beyond that each further day makes 'same story' less likely.
GAP_FREE_DAYS = 3
GAP_PENALTY_PER_DAY = 0.15


def weights_for(embedder: str) -> StoryModel:
    """The fitted model of ``embedder``, or the default embedder's model when it has none."""
    return WEIGHTS.get(embedder, WEIGHTS[DEFAULT_EMBEDDER])
