"""Fitted constants of the link model (written by ``scripts/fit_link_weights.py --write``).

Each model is a logistic regression of "the two statements state one fact" on the parts of a pair's
score (:func:`blickwinkel.compare.similarity.link_features`): one for statements in one language, one
for statements in two languages scored with both embedders' cosines, and one for two languages when
only one embedder is at hand. Fitted on the candidate pairs of the tuning half of the real-news gold
(examples/gold-real, split ``tune``; evaluation-only data, which may choose a handful of documented
combination weights) and of our own example stories (examples/gold); docs/data-sources.md says so.
"""

from __future__ import annotations

from dataclasses import dataclass

# The embedder whose cosine the cross-lingual model reads ("cross_meaning"): e5 places translations
# closer than USE does.
CROSS_EMBEDDER = "e5"


@dataclass(frozen=True)
class LinkModel:
    """One fitted logistic model (``coefficients`` follow ``features``)."""

    features: tuple[str, ...]
    intercept: float
    coefficients: tuple[float, ...]


# BEGIN FITTED (rewritten by scripts/fit_link_weights.py --write)
LINK_MODELS: dict[str, LinkModel] = {
    "same_language": LinkModel(
        features=(
            "meaning",
            "wording",
            "lemmas",
            "names",
            "name_clash",
            "number_match",
            "number_mismatch",
            "margin",
            "nearest",
        ),
        intercept=-4.4283,
        coefficients=(
            0.0,
            0.0,
            8.3151,
            0.0,
            -0.8176,
            2.6025,
            0.0,
            7.8191,
            1.7128,
        ),
    ),
    "cross_language": LinkModel(
        features=(
            "meaning",
            "margin",
            "nearest",
            "names",
            "name_clash",
            "number_match",
        ),
        intercept=-2.8674,
        coefficients=(
            2.081,
            32.6949,
            1.0934,
            0.0,
            -1.4201,
            3.4082,
        ),
    ),
    "cross_language_e5": LinkModel(
        features=(
            "meaning",
            "cross_meaning",
            "margin",
            "nearest",
            "names",
            "name_clash",
            "number_match",
        ),
        intercept=-6.4006,
        coefficients=(
            1.9392,
            4.3729,
            30.3667,
            1.0934,
            0.0,
            -1.3903,
            3.4741,
        ),
    ),
}
# END FITTED
