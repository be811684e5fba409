"""Pairs of statements the conflict check compares without a link: one slot, one figure's words."""

from __future__ import annotations

from blickwinkel.compare.slots import figure_pairs, same_slot, slot_pairs
from tests.unit.test_compare import ent, make_article


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
