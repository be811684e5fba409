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
            "counted_match",
            "number_mismatch",
            "margin",
            "nearest",
        ),
        intercept=-5.3475,
        coefficients=(
            0.5743,
            0.6931,
            8.8246,
            0.0,
            -0.1037,
            1.5216,
            0.8843,
            0.0,
            11.8339,
            0.2988,
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
        intercept=-3.6595,
        coefficients=(
            4.0887,
            34.9403,
            0.6895,
            0.0,
            -1.5111,
            3.5529,
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
        intercept=-4.0887,
        coefficients=(
            4.0897,
            0.5216,
            34.6443,
            0.6889,
            0.0,
            -1.5072,
            3.5619,
        ),
    ),
}
# END FITTED
