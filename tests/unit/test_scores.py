"""Precision, recall and F1 computed in one place for every evaluation."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from blickwinkel.scores import f1, precision_recall_f1

share = st.floats(min_value=0.0, max_value=1.0)


@given(share, share)
def test_f1_is_the_harmonic_mean(precision: float, recall: float) -> None:
    assert f1(precision, recall) == f1(recall, precision)
    assert min(precision, recall) - 1e-12 <= f1(precision, recall) <= max(precision, recall) + 1e-12


def test_counts_with_nothing_to_divide_by_score_zero() -> None:
    assert precision_recall_f1(0, 0, 0) == (0.0, 0.0, 0.0)
    assert precision_recall_f1(3, 4, 6) == (0.75, 0.5, 0.6)
