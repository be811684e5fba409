"""Pairs of statements the conflict check compares without a link: found through indexes, exactly."""

from __future__ import annotations

import itertools
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from blickwinkel.compare.slots import figure_pairs, parallel_pairs, same_slot, slot_pairs
from blickwinkel.model import Statement
from tests.unit.test_compare import ent, make_article

WORDS = st.lists(
    st.sampled_from(["die", "Brücke", "ist", "seit", "Montag", "zu", "3", "5", ",", "."]), max_size=12
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from("abc"), WORDS), min_size=2, max_size=8),
    st.sampled_from([0.5, 0.6, 0.8]),
)
def test_parallel_pairs_are_every_pair_sharing_the_share_of_tokens(
    rows: list[tuple[str, list[str]]], share: float
) -> None:
    statements = [Statement(f"{art}#{n}", art, " ".join(words), 0, 1) for n, (art, words) in enumerate(rows)]
    tokens = {s.id: [w.lower() for w in words] for s, (_, words) in zip(statements, rows, strict=True)}
    expected = set()
    for a, b in itertools.combinations(statements, 2):
        ta, tb = tokens[a.id], tokens[b.id]
        if a.article == b.article or not ta or not tb:
            continue
        if sum((Counter(ta) & Counter(tb)).values()) >= share * max(len(ta), len(tb)):
            expected.add(tuple(sorted((a.id, b.id))))
    found = {(a.id, b.id) for a, b in parallel_pairs(statements, tokens, share)}
    assert found == expected


def test_slot_pairs_need_one_person_and_mostly_the_same_words() -> None:
    weber = {"entities": (ent("Jonas Weber", "per:jonas-weber", "PER"),)}
    a = make_article(
        "a", ["Kapitän Jonas Weber legte laut Reederei mit zwölf Fahrgästen am Steg ab."], {0: weber}
    )
    b = make_article(
        "b", ["Jonas Weber legte am Steg ab.", "Jonas Weber kam im Hafen an."], {0: weber, 1: weber}
    )
    c = make_article("c", ["Die Fähre legte am Steg ab."])
    statements = [*a.statements, *b.statements, *c.statements]
    assert [(x.id, y.id) for x, y in slot_pairs(statements)] == [(a.statements[0].id, b.statements[0].id)]
    assert same_slot(a.statements[0], b.statements[0])
    assert not same_slot(a.statements[0], c.statements[0])  # no person in common


def test_figure_pairs_share_the_three_words_before_a_figure() -> None:
    a = make_article("a", ["Hinweise nimmt die Lindenau Hotline unter 417-2280 entgegen."])
    b = make_article("b", ["Wer etwas sah, ruft die Lindenau Hotline unter 471-2280 an."])
    c = make_article("c", ["Die Stadt nennt 417-2280 als Nummer."])
    pairs = figure_pairs([*a.statements, *b.statements, *c.statements])
    assert [(x.article, y.article) for x, y in pairs] == [("a", "b")]
