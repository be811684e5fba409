"""Pairs of statements the conflict check compares without a link: one slot, one figure's words."""

from __future__ import annotations

from blickwinkel.compare.slots import count_pairs, figure_pairs, odd_figure_pairs, same_slot, slot_pairs
from blickwinkel.model import Statement
from tests.unit.test_compare import ent, make_article, qty


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


def _boats(
    aid: str, sentences: list[str], counts: dict[int, list[tuple[str, float, str]]]
) -> list[Statement]:
    extras: dict[int, dict[str, object]] = {
        n: {"quantities": tuple(qty(t, v, u) for t, v, u in qs)} for n, qs in counts.items()
    }
    return list(make_article(aid, sentences, extras).statements)


def test_count_pairs_are_tied_by_another_count_given_alike() -> None:
    a = _boats(
        "a",
        ["Am Morgen liefen 48 Kutter mit 310 Kisten Hering in Lindenau ein."],
        {0: [("48 Kutter", 48, "kutter"), ("310 Kisten", 310, "kiste")]},
    )
    b = _boats(
        "b",
        ["Die Fangflotte zählte 48 Kutter, sie brachten 290 Kisten an Land.", "Es regnete."],
        {0: [("48 Kutter", 48, "kutter"), ("290 Kisten", 290, "kiste")]},
    )
    c = _boats("c", ["Sie brachten 290 Kisten an Land."], {0: [("290 Kisten", 290, "kiste")]})
    pairs = count_pairs([*a, *b, *c])
    # a and c share no other count and no name: nothing ties them to one report (b and c give one
    # count alike, which is no clash)
    assert [(x.id, y.id) for x, y in pairs] == [("a#1", "b#1"), ("b#1", "c#1")]


def test_count_pairs_are_tied_by_a_name_and_words_besides_the_counted_noun() -> None:
    brandt = {"entities": (ent("Ida Brandt", "per:ida-brandt", "PER"),)}
    a = make_article(
        "a",
        ["Nach dem Sturm meldete Hafenmeisterin Ida Brandt 14 Verletzte im Hafen."],
        {0: {**brandt, "quantities": (qty("14 Verletzte", 14, "verletzte"),)}},
    )
    b = make_article(
        "b",
        ["Ida Brandt zählte im Hafen nach dem Sturm 19 Verletzte."],
        {0: {**brandt, "quantities": (qty("19 Verletzte", 19, "verletzte"),)}},
    )
    days_a = make_article(
        "c",
        ["Ida Brandt sprach im Hafen nach 10 Tagen Sturm."],
        {0: {**brandt, "quantities": (qty("10 Tagen", 10, "tag"),)}},
    )
    days_b = make_article(
        "d",
        ["Ida Brandt sprach im Hafen nach 11 Tagen Sturm."],
        {0: {**brandt, "quantities": (qty("11 Tagen", 11, "tag"),)}},
    )
    pairs = count_pairs([*a.statements, *b.statements])
    assert [(x.id, y.id) for x, y in pairs] == [("a#1", "b#1")]
    # lengths of time are written on two days and are no count of a thing
    assert count_pairs([*days_a.statements, *days_b.statements]) == []


def test_odd_figure_pairs_are_the_one_figure_each_article_gives_apart_from_those_given_alike() -> None:
    a = _boats(
        "a",
        [
            "Die Stadt zahlt den Lotsen 90 Euro die Stunde, 720 Euro am Tag.",
            "Die Helfer an der Schleuse bekommen 25 Euro die Stunde.",
        ],
        {0: [("90 Euro", 90, "Euro"), ("720 Euro", 720, "Euro")], 1: [("25 Euro", 25, "Euro")]},
    )
    b = _boats(
        "b",
        [
            "Für Lotsen sind 90 Euro pro Stunde vorgesehen.",
            "Am Tag macht das 720 Euro.",
            "Die Schleusenhelfer erhalten 40 Euro Stundenlohn.",
        ],
        {0: [("90 Euro", 90, "Euro")], 1: [("720 Euro", 720, "Euro")], 2: [("40 Euro", 40, "Euro")]},
    )
    assert [(x.id, y.id) for x, y in odd_figure_pairs([*a, *b])] == [("a#2", "b#3")]
    # two odd figures on one side: which one the other's contradicts is not known
    c = _boats(
        "c",
        ["Die Lotsen bekommen 90 Euro die Stunde.", "Helfer 25 Euro, Fahrer 30 Euro die Stunde."],
        {0: [("90 Euro", 90, "Euro")], 1: [("25 Euro", 25, "Euro"), ("30 Euro", 30, "Euro")]},
    )
    assert odd_figure_pairs([*b, *c]) == []
    # no figure given alike: nothing ties the two articles' figures to one set
    d = _boats("d", ["Am Steg lagen 25 Boote."], {0: [("25 Boote", 25, "Boot")]})
    e = _boats("e", ["Am Steg lagen 40 Boote."], {0: [("40 Boote", 40, "Boot")]})
    assert odd_figure_pairs([*d, *e]) == []
    # but money is tied when each gives one sum of it only (nineteenth session): the story's sum
    d = _boats("d", ["Die Helfer bekommen 25 Euro die Stunde."], {0: [("25 Euro", 25, "Euro")]})
    e = _boats("e", ["Die Helfer bekommen 40 Euro die Stunde."], {0: [("40 Euro", 40, "Euro")]})
    assert [(x.id, y.id) for x, y in odd_figure_pairs([*d, *e])] == [("d#1", "e#1")]
    # odd figures of two orders count two things
    f = _boats(
        "f",
        ["Die Lotsen bekommen 90 Euro die Stunde, 720 Euro am Tag.", "Der neue Steg kostet 400 Euro."],
        {0: [("90 Euro", 90, "Euro"), ("720 Euro", 720, "Euro")], 1: [("400 Euro", 400, "Euro")]},
    )
    assert odd_figure_pairs([*b, *f]) == []
    assert [(x.id, y.id) for x, y in odd_figure_pairs([*a, *f])] == []
