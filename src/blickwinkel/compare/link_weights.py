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

# The embedder whose cosine the model "cross_language_e5" reads ("cross_meaning"); None: across
# languages the main embedder's cosines alone (model "cross_language"). Measured on the tuning half
# (German-English events): with e5, links P/R 0.75/0.55 and leave-one-event-out P/R 0.54/0.54 on the
# 32 cross-lingual training pairs; without, 1.00/0.45 and 0.82/0.69. e5 did not help there and costs
# about 2 s of CPU to load and 60 ms per statement it embeds, so it is off.
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
        intercept=-5.3489,
        coefficients=(
            0.5755,
            0.6979,
            8.8238,
            0.0,
            -0.1032,
            1.5232,
            0.8832,
            0.0,
            11.808,
            0.2995,
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
        intercept=-2.0808,
        coefficients=(
            0.0,
            7.8593,
            1.4965,
            0.0,
            -2.4846,
            2.8268,
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
