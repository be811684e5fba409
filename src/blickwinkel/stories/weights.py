"""Fitted constants of the same-story score, one set per embedder (written by scripts/fit_story_weights.py).

Each set is a ridge regression of the SemEval-2022 Task 8 ``overall`` label on pair features
computed with that embedder's vectors, plus the logistic that turns the predicted label into a
same-event probability; see the script for the cross-validated scores.
"""

from __future__ import annotations

from dataclasses import dataclass

from blickwinkel.config import DEFAULT_EMBEDDER


@dataclass(frozen=True)
class StoryWeights:
    """The fitted linear model of one embedder (``coefficients`` follow ``features``)."""

    features: tuple[str, ...]
    intercept: float
    coefficients: tuple[float, ...]
    probability_midpoint: float
    probability_slope: float


# BEGIN FITTED (rewritten by scripts/fit_story_weights.py --write)
WEIGHTS: dict[str, StoryWeights] = {
    "e5": StoryWeights(
        features=(
            "cos_title",
            "cos_lead",
            "cos_doc",
            "cos_cross",
            "entities",
            "numbers",
            "dates",
            "words_same_language",
            "words_cross_language",
        ),
        intercept=14.3429,
        coefficients=(-2.6683, -0.3396, -5.9909, -4.4966, -0.6865, -0.1328, -0.4691, 0.2068, -0.6643),
        probability_midpoint=2.4854,
        probability_slope=2.7303,
    ),
    "use": StoryWeights(
        features=(
            "cos_title",
            "cos_lead",
            "cos_doc",
            "cos_cross",
            "entities",
            "numbers",
            "dates",
            "words_same_language",
            "words_cross_language",
        ),
        intercept=4.2641,
        coefficients=(-0.7040, 0.5653, -2.2437, -0.9464, -0.2081, -0.1401, -0.1076, -0.1587, 0.0983),
        probability_midpoint=2.4234,
        probability_slope=2.1284,
    ),
}
# END FITTED

# Embedders without a fitted set (a third-party backend) use the weights of the default one.

# Not in the training data (SemEval pairs carry no dates): reports of one event are published
# within a few days; beyond that each further day makes 'same story' less likely.
GAP_FREE_DAYS = 3
GAP_PENALTY_PER_DAY = 0.15


def weights_for(embedder: str) -> StoryWeights:
    """The fitted set of ``embedder``, or the default embedder's set when it has none."""
    return WEIGHTS.get(embedder, WEIGHTS[DEFAULT_EMBEDDER])
