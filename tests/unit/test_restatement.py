"""An article's own restatements: the candidate pairs and the parts the restatement model reads."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from blickwinkel.compare import restatement
from blickwinkel.compare.restatement import (
    lead_positions,
    restatement_parts,
    restatement_probability,
    restatements,
    shared_partners,
)
from blickwinkel.compare.restatement_weights import RestatementModel
from blickwinkel.compare.similarity import features
from blickwinkel.model import Quantity, Statement

# Invented: an article that leads with a ferry fire and tells it again in the body (a#1, a#4), a
# second article's one sentence of it (b#1).
STATEMENTS = [
    Statement("a#1", "a", "A fire broke out on the Tarnholm ferry on Friday.", 0, 50, block_kind="lead"),
    Statement("a#2", "a", "The harbour office closed the quay for the day.", 51, 99),
    Statement("a#3", "a", "Fishing boats waited outside the harbour.", 100, 141),
    Statement("a#4", "a", "The fire on the Tarnholm ferry started in the galley on Friday.", 142, 205),
    Statement("b#1", "b", "Fire broke out aboard the Tarnholm ferry on Friday morning.", 0, 60),
]


def test_two_statements_of_one_article_that_found_one_statement_elsewhere_are_a_candidate_pair() -> None:
    candidates = {(0, "b"): {4}, (3, "b"): {4}, (1, "b"): set(), (4, "a"): {0, 3}}
    assert shared_partners(STATEMENTS, candidates) == {(0, 3): {4}}


def test_statements_of_two_articles_are_never_a_candidate_pair() -> None:
    assert shared_partners(STATEMENTS, {(0, "b"): {4}, (4, "a"): {0}}) == {}


def test_the_lead_is_the_first_statements_and_the_lead_block() -> None:
    many = [Statement(f"c#{n}", "c", "Some sentence of the body.", n * 30, n * 30 + 26) for n in range(6)]
    many[4] = Statement("c#4", "c", "A lead sentence given late.", 120, 146, block_kind="lead")
    assert lead_positions(many, range(6)) == frozenset({0, 1, 2, 4})


def test_the_parts_say_where_the_pair_stands_and_what_it_shares() -> None:
    fa, fb = features(STATEMENTS[0]), features(STATEMENTS[3])
    parts = restatement_parts(0.7, fa, fb, {}, frozenset(), adjacent=False, lead=True, partner=0.6)
    assert parts["meaning"] == 0.7 and parts["lead"] == 1.0 and parts["adjacent"] == 0.0
    assert parts["partner"] == 0.6 and parts["lemmas"] > 0.3 and parts["wording"] > 0.3
    assert parts["number_mismatch"] == 0.0


def test_two_different_counts_of_one_thing_are_a_number_mismatch() -> None:
    one = Statement(
        "d#1", "d", "Twelve people were hurt.", 0, 24, quantities=(Quantity("Twelve", 0, 6, 12.0, "person"),)
    )
    two = Statement(
        "d#2",
        "d",
        "Thirty people were hurt.",
        25,
        49,
        quantities=(Quantity("Thirty", 25, 31, 30.0, "person"),),
    )
    parts = restatement_parts(
        0.9, features(one), features(two), {}, frozenset(), adjacent=True, lead=True, partner=0.0
    )
    assert parts["number_mismatch"] == 1.0 and parts["number_match"] == 0.0


@given(st.floats(0.0, 1.0), st.floats(0.0, 1.0))
def test_a_better_shared_partner_never_lowers_the_probability(low: float, high: float) -> None:
    low, high = sorted((low, high))
    fa, fb = features(STATEMENTS[0]), features(STATEMENTS[3])

    def probability(partner: float) -> float:
        parts = restatement_parts(0.5, fa, fb, {}, frozenset(), adjacent=False, lead=True, partner=partner)
        return restatement_probability(parts)

    assert probability(low) <= probability(high)


def test_restatements_are_the_pairs_that_reach_the_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    # A model that reads the shared partner only: the lead and its repetition share b#1 strongly.
    model = RestatementModel(("partner",), -5.0, (10.0,), 0.5)
    monkeypatch.setattr(restatement, "RESTATEMENT_MODEL", model)
    by_article = {"a": np.arange(4, dtype=np.int64), "b": np.array([4], dtype=np.int64)}
    sims = np.eye(5, dtype=np.float32)
    feats = [features(s) for s in STATEMENTS]
    candidates = {(0, "b"): {4}, (3, "b"): {4}, (1, "b"): {4}}

    def link(i: int, j: int) -> float:
        return {0: 0.9, 3: 0.8, 1: 0.2}[min(i, j)]

    found = restatements(STATEMENTS, by_article, sims, feats, {}, frozenset(), candidates, link)
    assert found == (("a#1", "a#4"),)
