"""Fitted constants of the same-story score (written by scripts/fit_story_weights.py; plain numbers).

Fitted as a ridge regression of the SemEval-2022 Task 8 ``overall`` label on the pair features
with the 'use' embedder; see the script for the cross-validated scores.
"""

from __future__ import annotations

FEATURES: tuple[str, ...] = (
    "cos_title",
    "cos_lead",
    "cos_doc",
    "cos_cross",
    "entities",
    "numbers",
    "dates",
    "words_same_language",
    "words_cross_language",
)
INTERCEPT = 4.2641
COEFFICIENTS: tuple[float, ...] = (
    -0.7040,
    0.5653,
    -2.2437,
    -0.9464,
    -0.2081,
    -0.1401,
    -0.1076,
    -0.1587,
    0.0983,
)
PROBABILITY_MIDPOINT = 2.4234
PROBABILITY_SLOPE = 2.1284

# Not in the training data (SemEval pairs carry no dates): reports of one event are published
# within a few days; beyond that each further day makes 'same story' less likely.
GAP_FREE_DAYS = 3
GAP_PENALTY_PER_DAY = 0.15
