"""Two statements of one article restate each other when they stand out of it together: alike, each
the other's nearest, well above their other neighbours, with the same numbers (compare/restatements.py).
The similarity matrices are made up."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from blickwinkel.compare.restatements import (
    RESTATEMENT_MIN_COSINE,
    RESTATEMENT_MIN_MARGIN,
    stand_out_together,
)

NONE: tuple[frozenset[float], frozenset[float]] = (frozenset(), frozenset())


def matrix(pairs: dict[tuple[int, int], float], n: int = 5, rest: float = 0.3) -> np.ndarray:
    sims = np.full((n, n), rest, dtype=np.float32)
    np.fill_diagonal(sims, 1.0)
    for (a, b), value in pairs.items():
        sims[a, b] = sims[b, a] = value
    return sims


def test_a_sentence_told_twice_stands_out_of_its_article() -> None:
    sims = matrix({(0, 4): 0.8})
    assert stand_out_together(sims, range(5), 0, 4, NONE)
    assert stand_out_together(sims, range(5), 4, 0, NONE)


def test_a_pair_below_the_cosine_does_not() -> None:
    sims = matrix({(0, 4): RESTATEMENT_MIN_COSINE - 0.01}, rest=0.1)
    assert not stand_out_together(sims, range(5), 0, 4, NONE)


def test_a_nearer_neighbour_of_either_one_says_two_facts() -> None:
    assert not stand_out_together(matrix({(0, 4): 0.8, (0, 2): 0.85}), range(5), 0, 4, NONE)
    assert not stand_out_together(matrix({(0, 4): 0.8, (4, 1): 0.81}), range(5), 0, 4, NONE)


def test_neighbours_about_as_near_leave_no_margin() -> None:
    # the story's other sentences share its names: each one's neighbours sit just below the pair
    close = 0.8 - RESTATEMENT_MIN_MARGIN / 2
    sims = matrix({(0, 4): 0.8}, rest=close)
    assert not stand_out_together(sims, range(5), 0, 4, NONE)


def test_different_numbers_say_two_facts_and_a_number_on_one_side_only_does_not() -> None:
    sims = matrix({(0, 4): 0.8})
    assert not stand_out_together(sims, range(5), 0, 4, (frozenset({12.0}), frozenset({15.0})))
    assert stand_out_together(sims, range(5), 0, 4, (frozenset({12.0}), frozenset({12.0})))
    assert stand_out_together(sims, range(5), 0, 4, (frozenset({12.0}), frozenset()))


def test_an_article_of_two_statements_has_no_neighbours_to_stand_out_of() -> None:
    assert not stand_out_together(matrix({(0, 1): 0.9}, n=2), range(2), 0, 1, NONE)


@given(st.lists(st.floats(-1.0, 1.0, width=32), min_size=10, max_size=10))
def test_the_answer_does_not_depend_on_the_order_of_the_pair(values: list[float]) -> None:
    sims = np.eye(5, dtype=np.float32)
    pairs = [(x, y) for x in range(5) for y in range(x + 1, 5)]
    for value, (a, b) in zip(values, pairs, strict=True):
        sims[a, b] = sims[b, a] = value
    assert stand_out_together(sims, range(5), 1, 3, NONE) == stand_out_together(sims, range(5), 3, 1, NONE)
