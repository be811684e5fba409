"""Fitted constants of the same-story score (written by scripts/fit_story_weights.py; plain numbers).

Fitted as a ridge regression of the SemEval-2022 Task 8 ``overall`` label on the pair features
with the 'use' embedder; see the script for the cross-validated scores.
"""

from __future__ import annotations

FEATURES: tuple[str, ...] = (
    "cos_title",
    "cos_lead",
    "cos_body",
    "cos_cross",
    "entities",
    "numbers",
    "dates",
    "words_same_language",
    "words_cross_language",
)
INTERCEPT = 4.5
COEFFICIENTS: tuple[float, ...] = (-1.0, -1.0, -1.0, -0.5, -1.0, -0.5, -0.3, -1.0, -1.0)
PROBABILITY_MIDPOINT = 2.0
PROBABILITY_SLOPE = 3.0

# Not in the training data (SemEval pairs carry no dates): reports of one event are published
# within a few days; beyond that each further day makes 'same story' less likely.
GAP_FREE_DAYS = 3
GAP_PENALTY_PER_DAY = 0.15
