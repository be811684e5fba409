"""Fitting and cross-validating the same-story weights (used by scripts/fit_story_weights.py and the
quality gate, so the figures the gate pins are the ones the script reports).

A ridge regression of the SemEval ``overall`` label on pair features, written in numpy (the
intercept is not penalised, as in scikit-learn's ``Ridge``). Cross-validated predictions of a pair
come from a model fitted on the other folds only.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from blickwinkel.stories.features import StoryDoc
from blickwinkel.stories.score import pair_features

Matrix = npt.NDArray[np.float64]

FOLDS = 10
RIDGE_ALPHA = 1.0
FOLD_SEED = 0


def feature_matrix(docs: Sequence[StoryDoc], features: Sequence[str]) -> Matrix:
    """One row per pair (``docs`` holds the two sides of each pair in turn), one column per feature."""
    rows = []
    for i in range(0, len(docs) - 1, 2):
        values = pair_features(docs[i], docs[i + 1])
        rows.append([values[name] for name in features])
    return np.asarray(rows, dtype=np.float64).reshape(len(rows), len(features))


def ridge(x: Matrix, y: Matrix, alpha: float = RIDGE_ALPHA) -> tuple[float, Matrix]:
    """Intercept and coefficients of the ridge regression of ``y`` on ``x``."""
    mean_x, mean_y = x.mean(axis=0), float(y.mean())
    centred = x - mean_x
    gram = centred.T @ centred + alpha * np.eye(x.shape[1])
    coefficients: Matrix = np.linalg.solve(gram, centred.T @ (y - mean_y))
    return mean_y - float(mean_x @ coefficients), coefficients


def folds(count: int, k: int = FOLDS, seed: int = FOLD_SEED) -> list[npt.NDArray[np.int64]]:
    """``k`` disjoint test folds of a seeded shuffle of ``range(count)``."""
    order = np.random.default_rng(seed).permutation(count)
    return [np.sort(part) for part in np.array_split(order, k)]


def cross_validated(x: Matrix, y: Matrix, k: int = FOLDS, alpha: float = RIDGE_ALPHA) -> Matrix:
    """Each row's prediction from the model fitted on the other folds, clipped to the 1–4 scale."""
    predicted = np.zeros(len(y), dtype=np.float64)
    for test in folds(len(y), k):
        train = np.setdiff1d(np.arange(len(y)), test)
        intercept, coefficients = ridge(x[train], y[train], alpha)
        predicted[test] = intercept + x[test] @ coefficients
    clipped: Matrix = np.clip(predicted, 1.0, 4.0)
    return clipped
