"""Fitted constants of the link model (written by ``scripts/fit_link_weights.py --write``).

Each model is a logistic regression of "the two statements state one fact" on the parts of a pair's
score (:func:`blickwinkel.compare.similarity.link_features`): one for statements in one language, one
for one language when the ``link_embedder`` setting adds e5's cosine and margin (by default for English), one
for statements in two languages scored with both embedders' cosines, and one for two languages when
only one embedder is at hand. Fitted on the candidate pairs of the tuning half of the real-news gold
(examples/gold-real, split ``tune``; evaluation-only data, which may choose a handful of documented
combination weights) and of our own example stories (examples/gold); docs/data-sources.md says so.
"""

from __future__ import annotations

from dataclasses import dataclass

# The embedder whose cosine the model "cross_language_e5" reads ("cross_meaning"); None: across
# languages the main embedder's cosines alone (model "cross_language"). Measured on the tuning half
# (German-English events) with the shared-word part across languages: with e5, links P/R 0.80/0.36
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
        intercept=-5.4015,
        coefficients=(
            0.628,
            0.7765,
            8.7884,
            0.0,
            -0.0551,
            1.473,
            0.9357,
            0.0,
            11.8614,
            0.2684,
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
        intercept=-6.2995,
        coefficients=(
            0.0,
            0.0,
            7.0698,
            0.0,
            0.0,
            1.2338,
            1.0517,
            0.0,
            3.3269,
            0.2753,
            3.6734,
            8.5741,
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
        intercept=-2.4478,
        coefficients=(
            0.174,
            2.4263,
            8.0224,
            1.2554,
            0.0,
            0.0,
            3.0319,
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
        intercept=-5.2957,
        coefficients=(
            4.6652,
            1.1868,
            8.1163,
            32.8267,
            0.8708,
            0.0,
            0.0,
            3.9135,
        ),
    ),
}
# END FITTED
