"""Fitted constants of the link model (written by ``scripts/fit_link_weights.py --write``).

Each model is a logistic regression of "the two statements state one fact" on the parts of a pair's
score (:func:`blickwinkel.compare.similarity.link_features`): one for statements in one language, one
for one language when the ``link_embedder`` setting adds e5's cosine and margin (by default for English), one
for statements in two languages scored with both embedders' cosines, and one for two languages when
only one embedder is at hand. The coefficients are fitted only on licence-clean pairs: our own example
stories (examples/gold), our own invented training stories (examples/gold-train/own-*.json) and
SemEval-2022 gold (the SemEval files of examples/gold-train and of the tuning half of
examples/gold-real). The WikiNews and corpus-de events of that tuning half (evaluation-only
data) choose one number per model, its ``shift``; docs/data-sources.md says so.
"""

from __future__ import annotations

from dataclasses import dataclass

# The embedder whose cosine the model "cross_language_e5" reads ("cross_meaning"); None: across
# languages the main embedder's cosines alone (model "cross_language"). Measured on the tuning half
# (German-English events; seventh session, with the model then fitted on the tuning half) with the
# shared-word part across languages: with e5, links P/R 0.80/0.36
# and leave-one-event-out P/R 0.75/0.46 on the 32 cross-lingual training pairs; without, 1.00/0.45
# and 0.80/0.62. e5 did not help there and costs about 2 s of CPU to load and 60 ms per statement it
# embeds, so it is off.
CROSS_EMBEDDER: str | None = None


@dataclass(frozen=True)
class LinkModel:
    """One fitted logistic model (``coefficients`` follow ``features``)."""

    features: tuple[str, ...]
    intercept: float
    coefficients: tuple[float, ...]
    # Added to the intercept: the one number per model that evaluation-only pairs (the WikiNews and
    # corpus-de files of the real-news gold's tuning half) may choose; 0 where they were not used.
    shift: float = 0.0


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
        intercept=-4.2001,
        shift=0.25,
        coefficients=(
            1.3207,
            1.7039,
            2.843,
            0.0,
            -0.3634,
            1.2631,
            0.6189,
            -0.683,
            3.5476,
            0.8417,
        ),
    ),
    "same_language_e5": LinkModel(
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
            "second_meaning",
            "second_margin",
        ),
        intercept=-4.1961,
        shift=0.5,
        coefficients=(
            0.4288,
            0.7101,
            2.1439,
            0.0,
            -0.261,
            1.1178,
            0.6048,
            -0.9038,
            1.1702,
            0.6064,
            1.6615,
            4.8213,
        ),
    ),
    "cross_language": LinkModel(
        features=(
            "meaning",
            "lemmas",
            "margin",
            "nearest",
            "names",
            "name_clash",
            "number_match",
        ),
        intercept=-4.9369,
        shift=0.0,
        coefficients=(
            0.8486,
            0.0,
            10.5189,
            2.3429,
            0.0,
            -0.6931,
            5.4433,
        ),
    ),
    "cross_language_e5": LinkModel(
        features=(
            "meaning",
            "cross_meaning",
            "lemmas",
            "margin",
            "nearest",
            "names",
            "name_clash",
            "number_match",
        ),
        intercept=-7.0067,
        shift=0.0,
        coefficients=(
            5.2125,
            0.0,
            0.0,
            69.0587,
            1.8292,
            0.0,
            -0.5399,
            6.5924,
        ),
    ),
}
# END FITTED
