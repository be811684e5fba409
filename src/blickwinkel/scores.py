"""Precision, recall and F1 from counts: the one place the evaluations compute them (entities,
subjectivity, comparisons, story clusters)."""

from __future__ import annotations

__all__ = ["f1", "precision_recall_f1"]


def f1(precision: float, recall: float) -> float:
    """The harmonic mean of precision and recall; 0 when both are 0."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def precision_recall_f1(true_positives: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 of ``true_positives`` among ``predicted`` items and ``gold`` items; a
    share with nothing to divide by is 0."""
    precision = true_positives / predicted if predicted else 0.0
    recall = true_positives / gold if gold else 0.0
    return precision, recall, f1(precision, recall)
