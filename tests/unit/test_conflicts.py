"""Conflicts a reader would sign: parallel wording, typographic copies, names in the same role."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from blickwinkel.analyse.quantities import find_quantities
from blickwinkel.compare import compare_articles
from blickwinkel.compare.clashes import local_figure_conflict, tallies, typographic_form
from blickwinkel.compare.conflicts import find_conflicts
from blickwinkel.model import AnalysedArticle, Fact, Quantity, Statement
from tests.unit.test_compare import EMBEDDER, ent, make_article, qty

INTRO = "Die Stadt Lindenau sperrt die alte Brücke über den Fluss wegen Rost an den Trägern."


def make_statement(text: str) -> Statement:
    return make_article("a", [text]).statements[0]


def conflicts_of(left: str, right: str, extras_a: object = None, extras_b: object = None) -> list[str]:
    a = make_article("a", [INTRO, left], {1: extras_a} if extras_a else None)  # type: ignore[dict-item]
    b = make_article("b", [INTRO, right], {1: extras_b} if extras_b else None)  # type: ignore[dict-item]
    return [f"{c.kind}: {c.reason}" for c in compare_articles([a, b], EMBEDDER).conflicts]


def test_a_plain_number_in_parallel_wording_is_a_conflict_without_a_counted_noun() -> None:
    found = conflicts_of(
        "Bis zum Abend stieg die Zahl nach Angaben der Behörde auf 548 an.",
        "Bis zum Abend stieg die Zahl nach Angaben der Behörde auf 1644 an.",
    )
    assert len(found) == 1 and found[0].startswith("quantity"), found
    assert "'548'" in found[0] and "'1644'" in found[0]


def test_the_same_number_in_another_regional_format_is_no_conflict() -> None:
    assert not conflicts_of(
        "Der Umbau der Brücke kostet nach Angaben der Stadt 22'050 Franken.",
        "Der Umbau der Brücke kostet nach Angaben der Stadt 22’050 Franken.",
    )


def test_copies_of_one_quote_differing_in_the_apostrophe_never_conflict() -> None:
    assert not conflicts_of(
        "\u201cWe don\u2019t accept a bridge that is not safe \u2013 not for one day,\u201d the mayor said.",
        '"We don\'t accept a bridge that is not safe - not for one day," the mayor said.',
    )


def test_a_negation_added_to_parallel_wording_is_a_conflict() -> None:
    found = conflicts_of(
        "Die Stadt hat die Anwohner vor der Sperrung der Brücke informiert.",
        "Die Stadt hat die Anwohner vor der Sperrung der Brücke nicht informiert.",
    )
    assert [f.split(":")[0] for f in found] == ["negation"], found


def test_a_weekday_changed_in_parallel_wording_is_a_date_conflict() -> None:
    found = conflicts_of(
        "Die Fähre zwischen den beiden Ufern soll nach Angaben der Stadt am Montag fahren.",
        "Die Fähre zwischen den beiden Ufern soll nach Angaben der Stadt am Freitag fahren.",
    )
    assert len(found) == 1 and found[0].startswith("date"), found


def test_a_name_in_the_same_role_is_an_actor_conflict() -> None:
    found = conflicts_of(
        "Die Sperrung ordnete nach Angaben der Stadt Baudezernentin Anna Berg am Morgen an.",
        "Die Sperrung ordnete nach Angaben der Stadt Baudezernentin Clara Wolf am Morgen an.",
        {"entities": (ent("Anna Berg", "per:anna-berg", "PER"),)},
        {"entities": (ent("Clara Wolf", "per:clara-wolf", "PER"),)},
    )
    assert len(found) == 1 and found[0].startswith("actor"), found


def test_two_places_in_different_roles_are_no_place_conflict() -> None:
    assert not conflicts_of(
        "Der Abgeordnete verließ am Montag das Parlament in Berlin nach der Abstimmung.",
        "Der Abgeordnete tritt am Montag nach der Abstimmung in einer Show in Wien auf.",
        {"entities": (ent("Berlin", "loc:berlin"),)},
        {"entities": (ent("Wien", "loc:wien"),)},
    )


@given(st.text(alphabet="ab ’'“”„\"–—-\u00a0.", max_size=40))
def test_typographic_form_keeps_length_and_is_idempotent(text: str) -> None:
    once = typographic_form(text)
    assert len(once) == len(text)
    assert typographic_form(once) == once


def test_every_conflict_lists_both_spans_and_a_reason() -> None:
    a = make_article("a", [INTRO, "Bis zum Abend stieg die Zahl nach Angaben der Behörde auf 548 an."])
    b = make_article("b", [INTRO, "Bis zum Abend stieg die Zahl nach Angaben der Behörde auf 1644 an."])
    (conflict,) = compare_articles([a, b], EMBEDDER).conflicts
    texts = {"a": a.article.text, "b": b.article.text}
    sides = [sid.split("#")[0] for sid in conflict.statements]
    assert [texts[side][s:e] for side, (s, e) in zip(sides, conflict.spans, strict=True)] == ["548", "1644"]
    assert conflict.reason and conflict.to_json()["spans"] == [list(s) for s in conflict.spans]


def test_two_spellings_of_one_name_are_no_actor_conflict() -> None:
    assert not conflicts_of(
        "Die Sperrung der Brücke hat die Baudezernentin Anna Rattanakul am Morgen angeordnet.",
        "Die Sperrung der Brücke hat die Baudezernentin Anna Ratanakul am Morgen angeordnet.",
        {"entities": (ent("Anna Rattanakul", "per:anna-rattanakul", "PER"),)},
        {"entities": (ent("Anna Ratanakul", "per:anna-ratanakul", "PER"),)},
    )


def test_a_range_with_one_end_changed_in_parallel_wording_is_a_conflict() -> None:
    found = conflicts_of(
        "Nach Angaben der Stadt fahren täglich mindestens 60 bis 70 Busse über die Brücke.",
        "Nach Angaben der Stadt fahren täglich mindestens 60 bis 140 Busse über die Brücke.",
    )
    assert len(found) == 1 and found[0].startswith("quantity"), found


def test_a_german_name_the_recogniser_missed_is_an_actor_conflict_in_the_same_role() -> None:
    found = conflicts_of(
        "Der Sprecher des Lindenauer Brückenvereins, Anton Gruber, nannte die Sperrung überfällig.",
        "Der Sprecher des Lindenauer Brückenvereins, Jana Ostermann, nannte die Sperrung überfällig.",
    )
    assert len(found) == 1 and found[0].startswith("actor"), found


def test_a_changed_german_noun_is_no_actor_conflict() -> None:
    assert not conflicts_of(
        "Nach Angaben der Stadt bleibt die Brücke wegen der Schäden bis zum Sommer gesperrt.",
        "Nach Angaben der Stadt bleibt die Brücke wegen der Risse bis zum Sommer gesperrt.",
    )


_SWAP = str.maketrans({"'": "’", '"': "“", "-": "–"})


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["we", "don't", "won't", "accept", "not", '"never"', "3", "4,5", "Monday", "Anna", "-"]
        ),
        min_size=4,
        max_size=12,
    )
)
def test_copies_that_differ_only_in_typography_never_conflict(words: list[str]) -> None:
    quote = "The mayor said: " + " ".join(words) + "."
    assert not conflicts_of(quote, quote.translate(_SWAP))


_QUOTE_WORDS = st.sampled_from(
    ["we", "don't", "won't", "will", "accept", "not", "never", "no", "3", "40", "4,5", "Monday", "Anna",
     "the", "bridge", "is", "safe", "for", "one", "day", "-", "'open'", "nicht", "nie", "Brücke"]
)  # fmt: skip
_CLAUSES = st.lists(st.lists(_QUOTE_WORDS, min_size=3, max_size=8).map(" ".join), min_size=2, max_size=4)


def _copy_of_quote(clauses: list[str], how: str, which: int, dots: str) -> str:
    """Another outlet's copy of one quote: in other typography, with a clause cut to an ellipsis, or
    with a clause left out (never the first: the copy must still be the quote)."""
    n = 1 + which % (len(clauses) - 1)
    if how == "ellipsis":
        clauses = [*clauses[:n], dots, *clauses[n + 1 :]]
    elif how == "dropped":
        clauses = [*clauses[:n], *clauses[n + 1 :]]
    text = "\u201c" + ", ".join(clauses) + ",\u201d the mayor said."
    return text.translate(_SWAP) if how == "typography" else text


@settings(max_examples=40)
@example(["the bridge will open on Monday", "not on Sunday"], "ellipsis", 0, "…")
@example(["the bridge will open on Monday", "not the road"], "dropped", 0, "…")
@example(["the bridge is safe", "no, no"], "dropped", 0, "…")
@given(
    _CLAUSES,
    st.sampled_from(["typography", "ellipsis", "dropped"]),
    st.integers(0, 5),
    st.sampled_from(["…", "..."]),
)
def test_copies_of_one_quote_never_conflict(clauses: list[str], how: str, which: int, dots: str) -> None:
    # typographic variants, an ellipsis for a cut clause, a dropped clause: one quote, never a conflict
    quote = "\u201c" + ", ".join(clauses) + ",\u201d the mayor said."
    copy = _copy_of_quote(clauses, how, which, dots)
    extras_a = {"quantities": tuple(find_quantities(quote, "en"))}
    extras_b = {"quantities": tuple(find_quantities(copy, "en"))}
    assert not conflicts_of(quote, copy, extras_a, extras_b), (quote, copy)


def test_the_html_report_marks_both_spans_of_a_conflict() -> None:
    from blickwinkel.report.html import render_html

    a = make_article("a", [INTRO, "Bis zum Abend stieg die Zahl nach Angaben der Behörde auf 548 an."])
    b = make_article("b", [INTRO, "Bis zum Abend stieg die Zahl nach Angaben der Behörde auf <1644> an."])
    page = render_html(compare_articles([a, b], EMBEDDER), language="en")
    assert "<mark>548</mark>" in page and "<mark>1644</mark>" in page
    assert "&lt;<mark>" in page  # the text around the span stays escaped


def test_a_number_changed_in_a_list_that_repeats_it_elsewhere_is_a_conflict() -> None:
    found = conflicts_of(
        "Betroffen sind nach Angaben der Stadt die Linie 2, die Linie 8 und die Linie 11 Abschnitt 2.",
        "Betroffen sind nach Angaben der Stadt die Linie 2, die Linie 8 und die Linie 11 Abschnitt 6.",
    )
    assert len(found) == 1 and found[0].startswith("quantity"), found


def test_the_web_view_marks_both_spans_of_a_conflict() -> None:
    from blickwinkel.web.views import story_view

    a = make_article("a", [INTRO, "Bis zum Abend stieg die Zahl nach Angaben der Behörde auf 548 an."])
    b = make_article("b", [INTRO, "Bis zum Abend stieg die Zahl nach Angaben der Behörde auf 1644 an."])
    outlets = {"a": replace(a.article, outlet="Kurier"), "b": replace(b.article, outlet="Rundschau")}
    view = story_view(outlets, compare_articles([a, b], EMBEDDER))
    ((_, reason, sides),) = view.conflicts
    assert sorted(side.marked[1] for side in sides if side.marked) == ["1644", "548"]
    # the reason names the articles as the page does, not by their ids
    assert reason.endswith("'548' in Kurier vs '1644' in Rundschau"), reason


def test_one_weekday_in_parts_of_the_day_that_cannot_overlap_is_a_date_conflict() -> None:
    found = conflicts_of(
        "The town received a call about the bridge from a federal official on Monday morning.",
        "A federal official called the town about the bridge on Monday afternoon, the mayor said.",
    )
    assert len(found) == 1 and found[0].startswith("date: time of day"), found
    assert "'Monday morning'" in found[0] and "'Monday afternoon'" in found[0]


def test_evening_and_night_of_one_day_are_no_conflict() -> None:
    assert not conflicts_of(
        "Die Fähre lief am Sonntagabend vor der Brücke auf eine Sandbank, teilte die Stadt mit.",
        "Die Fähre lief nach Angaben der Stadt in der Sonntagnacht vor der Brücke auf eine Sandbank.",
    )


def test_the_left_and_the_right_side_of_one_thing_is_a_conflict() -> None:
    found = conflicts_of(
        "The driver was taken to hospital with a deep cut on his left arm, police said.",
        "Police said the driver had a deep cut on the right forearm and was taken to hospital.",
    )
    assert len(found) == 1 and found[0].startswith("detail: side"), found


def test_a_statement_giving_both_sides_is_no_side_conflict() -> None:
    assert not conflicts_of(
        "The driver was taken to hospital with cuts on his left arm and his right arm, police said.",
        "Police said the driver had cuts on the right arm and was taken to hospital.",
    )


def test_a_vote_tally_that_differs_in_one_count_is_a_conflict() -> None:
    found = conflicts_of(
        "Der Stadtrat beschloss am Donnerstag mit 31 zu 18 Stimmen die Sperrung der alten Brücke.",
        "Der Stadtrat beschloss die Sperrung der alten Brücke am Donnerstag 31-17.",
    )
    assert len(found) == 1 and "tally" in found[0], found


def test_a_rising_pair_is_a_range_and_a_clock_time_no_tally() -> None:
    assert [t[:2] for t in tallies(make_statement("Sie stimmten 31 zu 18, das Team gewann 3:1."))] == [
        (31, 18),
        (3, 1),
    ]
    assert not tallies(make_statement("Kinder von 10 bis 15 Jahren kamen um 21:15, at 11:05 a.m."))


def test_two_lower_bounds_never_contradict() -> None:
    assert not conflicts_of(
        "Mehr als 3.000 Pendler nutzen die Brücke nach Angaben der Stadt an jedem Werktag.",
        "An jedem Werktag fahren laut Stadtverwaltung über 5.000 Pendler über die alte Brücke.",
        {"quantities": (qty("Mehr als 3.000 Pendler", 3000, "Pendler", approximate=True),)},
        {"quantities": (qty("über 5.000 Pendler", 5000, "Pendler", approximate=True),)},
    )


def test_a_number_the_sentence_bounds_from_below_is_read_as_a_bound() -> None:
    assert not conflicts_of(
        "The highest bid for the old bridge railing was $1,470 before the auction was closed.",
        "Bids for the old bridge railing were past $1,200 before the auction was closed.",
        {"quantities": (qty("$1,470", 1470, "USD"),)},
        {"quantities": (qty("$1,200", 1200, "USD"),)},
    )


def test_of_several_clashing_numbers_the_closest_pair_is_reported() -> None:
    found = conflicts_of(
        "Bids for the old bridge railing jumped from $260 to $1,470 before the auction was closed.",
        "The highest bid for the old bridge railing was $1,420 before the auction was closed.",
        {"quantities": (qty("$260", 260, "USD"), qty("$1,470", 1470, "USD"))},
        {"quantities": (qty("$1,420", 1420, "USD"),)},
    )
    assert len(found) == 1 and "'$1,470'" in found[0] and "'$1,420'" in found[0], found


def test_a_compass_region_and_a_quarter_in_it_are_no_place_conflict() -> None:
    assert not conflicts_of(
        "Am Dienstagmorgen rückte die Feuerwehr zu einer Scheune im Leipziger Nordosten aus.",
        "Am Dienstagmorgen rückte die Feuerwehr zu einer Scheune im Leipziger Ortsteil Altdorf aus.",
        {"entities": (ent("Nordosten", "loc:nordosten"),)},
        {"entities": (ent("Altdorf", "loc:altdorf"),)},
    )


def test_one_name_with_another_apostrophe_is_no_actor_conflict() -> None:
    assert not conflicts_of(
        "The closure of the bridge was ordered on Monday by engineer Liam O’Brien, the city said.",
        "The closure of the bridge was ordered on Monday by engineer Liam O'Brien, the city said.",
        {"entities": (ent("Liam O’Brien", "per:liam-o-brien", "PER"),)},
        {"entities": (ent("Liam O'Brien", "per:liam-obrien", "PER"),)},
    )


_CHANGES = st.sampled_from(
    [
        ("am Montagmorgen", "am Montagnachmittag"),
        ("mit 31 zu 18 Stimmen", "31-17"),
        ("das linke Rad", "das rechte Vorderrad"),
        ("mehr als 3.000 Pendler", "mehr als 5.000 Pendler"),
        ("die Stadt Lindenau", "das Landesamt"),
        ("3.000 Pendler", "5.000 Pendler"),
    ]
)


@settings(max_examples=12, deadline=None)
@given(_CHANGES, st.booleans())
def test_comparing_a_with_b_finds_the_conflicts_of_b_with_a(change: tuple[str, str], swap: bool) -> None:
    left, right = change if not swap else change[::-1]
    template = "Nach Angaben der Stadt beschloss der Rat {} die Sperrung der alten Brücke über den Fluss."
    one, two = template.format(left), template.format(right)
    kinds = sorted(c.split(":")[0] for c in conflicts_of(one, two))
    assert kinds == sorted(c.split(":")[0] for c in conflicts_of(two, one))


def test_a_figure_after_the_same_words_in_otherwise_different_statements_is_a_conflict() -> None:
    a = make_statement(
        "Anyone who saw the crash should call the Lindenau Crime Line at (0351) 417-2280 today."
    )
    b = make_statement(
        "Witnesses can leave a tip with the Lindenau Crime Line at 0351-471-2280, police said."
    )
    found = local_figure_conflict(a, b)
    assert found is not None and (found[0].text, found[1].text) == ("(0351) 417-2280", "0351-471-2280")
    same = make_statement(
        "Witnesses can leave a tip with the Lindenau Crime Line at 0351 417 2280, police said."
    )
    assert local_figure_conflict(a, same) is None


def test_figures_in_a_long_statement_are_read_in_linear_time() -> None:
    text = "Die Stadt Lindenau zählte " + " und ".join(f"Brücke {n} mit {n * 7} Autos" for n in range(4000))
    a, b = make_statement(text + "."), make_statement(text.replace("Autos", "Wagen") + ".")
    assert local_figure_conflict(a, b) is None


def test_a_vote_given_as_its_two_sides_is_a_tally() -> None:
    statement = make_statement("31 Ratsmitglieder stimmten dafür, 18 dagegen, zwei enthielten sich.")
    assert [t[:2] for t in tallies(statement)] == [(31, 18)]
    assert [t[:2] for t in tallies(make_statement("The council voted 31 in favour, 17 against."))] == [
        (31, 17)
    ]


def _range(text: str, low: float, high: float, unit: str | None, approximate: bool = False) -> Quantity:
    return Quantity(
        text=text, start=0, end=len(text), value=low, unit=unit, approximate=approximate, upper=high
    )


def test_two_ranges_that_share_one_end_and_not_the_other_are_a_conflict() -> None:
    found = conflicts_of(
        "Vor der gesperrten Brücke in Lindenau stauten sich am Morgen 200 bis 300 Autos auf der Straße.",
        "Am Morgen standen vor der Brücke in Lindenau 200 bis 250 Autos im Stau auf der Straße.",
        {"quantities": (_range("200 bis 300", 200, 300, None),)},
        {"quantities": (_range("200 bis 250 Autos", 200, 250, "Auto"),)},
    )
    assert len(found) == 1 and "'200 bis 300'" in found[0] and "'200 bis 250 Autos'" in found[0], found


def test_a_hedged_range_that_reaches_the_other_is_no_conflict() -> None:
    # a hedge makes a range an interval ("etwa 200 bis 250" reaches into 200 bis 300); one that cannot
    # reach the other still clashes
    left = "Vor der gesperrten Brücke in Lindenau stauten sich am Morgen 200 bis 300 Autos auf der Straße."
    right = "Am Morgen standen vor der Brücke in Lindenau etwa {} Autos im Stau auf der Straße."
    extras_a = {"quantities": (_range("200 bis 300 Autos", 200, 300, "Auto"),)}
    near = _range("etwa 200 bis 250 Autos", 200, 250, "Auto", approximate=True)
    assert not conflicts_of(left, right.format("200 bis 250"), extras_a, {"quantities": (near,)})
    far = _range("etwa 400 bis 450 Autos", 400, 450, "Auto", approximate=True)
    assert conflicts_of(left, right.format("400 bis 450"), extras_a, {"quantities": (far,)})


def test_a_range_written_with_a_dash_and_a_four_digit_end_is_a_range() -> None:
    # "500-1000" has the shape of a phone number's local part ("417-2280"); its round upper end makes
    # it a range, which the range rule dropped
    found = conflicts_of(
        "Vor der gesperrten Brücke in Lindenau stauten sich am Morgen 500-1000 Autos auf der Straße.",
        "Am Morgen standen vor der Brücke in Lindenau 500 bis 750 Autos im Stau auf der Straße.",
        {"quantities": (_range("500-1000", 500, 1000, None),)},
        {"quantities": (_range("500 bis 750 Autos", 500, 750, "Auto"),)},
    )
    assert len(found) == 1 and "'500-1000'" in found[0], found


def test_a_count_given_as_of_now_does_not_contradict_another_count() -> None:
    left = "The repair fund of the old bridge has {}collected $4,300 from residents, the mayor said."
    right = "Residents gave $5,100 to the repair fund of the old bridge, the mayor said on Friday."
    extras_a = {"quantities": (qty("$4,300", 4300, "USD"),)}
    extras_b = {"quantities": (qty("$5,100", 5100, "USD"),)}
    assert conflicts_of(left.format(""), right, extras_a, extras_b), "the control must clash"
    assert not conflicts_of(left.format("so far "), right, extras_a, extras_b)


def _slot_conflicts(left: str, right: str) -> list[str]:
    weber = (ent("Jonas Weber", "per:jonas-weber", "PER"),)
    a = make_article("a", [INTRO, left], {1: {"entities": weber}})
    b = make_article(
        "b",
        [INTRO, "Der Kapitän war seit zwanzig Jahren auf der Fähre.", right],
        {2: {"entities": (ent("Weber", "per:jonas-weber", "PER"),)}},
    )
    found = [f"{c.kind}: {c.reason}" for c in compare_articles([a, b], EMBEDDER).conflicts]
    assert found == [f"{c.kind}: {c.reason}" for c in compare_articles([b, a], EMBEDDER).conflicts]
    return found


def test_a_clock_time_of_one_person_doing_one_thing_is_compared_without_a_link() -> None:
    left = "Kapitän Jonas Weber legte laut Reederei gegen 6 Uhr mit zwölf Fahrgästen am Steg von Lindenau ab."
    found = _slot_conflicts(left, "Weber legte gegen 8 Uhr am Steg ab.")
    assert found == ["date: clock time: '6 Uhr' in a vs '8 Uhr' in b"], found
    # a hedged time agrees within half an hour; another deed of the same person is another slot
    assert not _slot_conflicts(left, "Weber legte gegen 6.20 Uhr am Steg ab.")
    assert not _slot_conflicts(left, "Weber kam gegen 8 Uhr im Hafen an.")


def test_a_phone_number_is_not_read_as_a_range() -> None:
    def article(aid: str, text: str, name: str, number: str, upper: int) -> AnalysedArticle:
        extras = {
            "entities": (ent(name, "per:jonas-weber", "PER"),),
            "quantities": (_range(number, 417, upper, None),),
        }
        return make_article(aid, [INTRO, text], {1: extras})  # type: ignore[dict-item]

    a = article(
        "a",
        "Kapitän Jonas Weber nimmt laut Reederei Hinweise unter 417-2280 entgegen.",
        "Jonas Weber",
        "417-2280",
        2280,
    )
    b = article("b", "Weber nimmt Hinweise zur Fähre unter 417-2290 entgegen.", "Weber", "417-2290", 2290)
    found = [c.reason for c in compare_articles([a, b], EMBEDDER).conflicts]
    assert found and not any(r.startswith("range") for r in found), found


def test_two_sentences_built_alike_in_copies_of_one_article_are_no_conflict() -> None:
    # each sentence has its copy as best match; the other sentence of the copy states another fact
    sentences = [
        INTRO,
        "Die erste Fähre legt werktags laut Stadt Lindenau um 5 Uhr ab.",
        "Nachts ruht der Verkehr, zuletzt geht es laut Stadt Lindenau um 23 Uhr.",
    ]
    a, b = make_article("a", sentences), make_article("b", sentences)
    assert not compare_articles([a, b], EMBEDDER).conflicts


def _harbour(aid: str, sentences: list[str], counts: dict[int, tuple[Quantity, ...]]) -> AnalysedArticle:
    return make_article(aid, sentences, {n: {"quantities": q} for n, q in counts.items()})


def _unlinked_conflicts(*articles: AnalysedArticle) -> list[str]:
    """The conflicts found when the aligner linked nothing: each statement a fact of its own."""
    statements = {s.id: s for a in articles for s in a.statements}
    facts = [
        Fact(f"f{n}", (sid,), (s.article,), sid) for n, (sid, s) in enumerate(sorted(statements.items()))
    ]
    return [c.reason for c in find_conflicts(facts, statements, [], {})]


_CATCH = "Am Morgen liefen 48 Kutter mit 310 Kisten Hering ein."
_CATCH_COUNTS = (qty("48 Kutter", 48, "kutter"), qty("310 Kisten", 310, "kiste"))
_LANDED = "Trotz Nebel und Wind, so die Genossenschaft, löschten die 48 Kutter am Kai 290 Kisten."
_LANDED_COUNTS = (qty("48 Kutter", 48, "kutter"), qty("290 Kisten", 290, "kiste"))


def test_two_counts_of_one_thing_clash_though_the_statements_are_not_linked() -> None:
    # The count both give alike (48 boats) ties the two statements to one report; the crates differ.
    a = _harbour("a", [_CATCH], {0: _CATCH_COUNTS})
    b = _harbour("b", [_LANDED], {0: _LANDED_COUNTS})
    assert _unlinked_conflicts(a, b) == ["kiste: '310 Kisten' in a vs '290 Kisten' in b"]
    # without the shared count nothing ties them
    alone = _harbour("c", ["Am Kai wurden 290 Kisten gelöscht."], {0: (qty("290 Kisten", 290, "kiste"),)})
    assert _unlinked_conflicts(a, alone) == []


def test_an_article_with_two_figures_of_one_thing_does_not_clash_with_a_third_figure() -> None:
    # Two figures of the crates in one article count two things (the morning's catch, the day's);
    # which one the other article's figure contradicts is not known. A figure both give alike is
    # another count and leaves one figure each.
    a = _harbour(
        "a",
        [_CATCH, "Bis zum Abend waren es 520 Kisten."],
        {0: _CATCH_COUNTS, 1: (qty("520 Kisten", 520, "kiste"),)},
    )
    b = _harbour("b", [_LANDED], {0: _LANDED_COUNTS})
    assert _unlinked_conflicts(a, b) == []
    b_too = _harbour(
        "b",
        [_LANDED, "Bis zum Abend waren es 520 Kisten, hieß es."],
        {0: _LANDED_COUNTS, 1: (qty("520 Kisten", 520, "kiste"),)},
    )
    assert _unlinked_conflicts(a, b_too) == ["kiste: '310 Kisten' in a vs '290 Kisten' in b"]


def test_lengths_of_time_are_not_counts_of_a_thing() -> None:
    a = _harbour(
        "a",
        ["Nach 10 Tagen Streik liefen 48 Kutter aus."],
        {0: (qty("10 Tagen", 10, "tag"), qty("48 Kutter", 48, "kutter"))},
    )
    b = _harbour(
        "b",
        ["Die 48 Kutter lagen 11 Tage fest."],
        {0: (qty("11 Tage", 11, "tag"), qty("48 Kutter", 48, "kutter"))},
    )
    assert _unlinked_conflicts(a, b) == []


def test_a_figure_the_other_article_gives_anywhere_is_no_clash_wherever_it_was_grouped() -> None:
    # Two bodies' sums: the inspector's proposal and the board's fine. The second article gives both,
    # so its board's figure does not contradict the first article's inspector's figure.
    berg = {"entities": (ent("Anna Berg", "per:anna-berg", "PER"),)}

    def sums(*figures: tuple[str, float]) -> dict[str, object]:
        return {**berg, "quantities": tuple(qty(t, v, "GBP") for t, v in figures)}

    a = make_article(
        "a",
        ["The inspector proposed that Anna Berg's ferry line pay a fine of £62,000 for late crossings."],
        {0: sums(("£62,000", 62000))},
    )
    board = "The harbour board decided that Anna Berg's ferry line pay a fine of £7,300 for late crossings."
    b_alone = make_article("b", [board], {0: sums(("£7,300", 7300))})
    assert _unlinked_conflicts(a, b_alone), "the control must clash"
    b = make_article(
        "b",
        ["The inspector had asked Anna Berg for £62,000 before the hearing.", board],
        {0: sums(("£62,000", 62000)), 1: sums(("£7,300", 7300))},
    )
    assert _unlinked_conflicts(a, b) == []


def test_a_clock_time_in_one_slot_clashes_though_the_statement_links_better_elsewhere() -> None:
    # The first article's long sentence is the best match of the second article's first sentence; the
    # time it gives still clashes with the second sentence, which says the same of the same person.
    berg = {"entities": (ent("Anna Berg", "per:anna-berg", "PER"),)}
    a = make_article(
        "a",
        [INTRO, "Anna Berg was seen at about 1 a.m. walking her grey dog along the harbour wall."],
        {1: berg},
    )
    b = make_article(
        "b",
        [
            INTRO,
            "Anna Berg was walking her grey dog along the harbour wall.",
            "Anna Berg was seen at about 3 a.m.",
        ],
        {1: berg, 2: berg},
    )
    found = [c.reason for c in compare_articles([a, b], EMBEDDER).conflicts]
    assert found == ["clock time: '1 a.m.' in a vs '3 a.m.' in b"], found


def test_a_side_clashes_in_a_strong_second_link_of_a_statement_that_holds_several_facts() -> None:
    # The first article's description links best to the second's description; its second link, the
    # scar on the other hand, is still asked which side.
    a = make_article(
        "a",
        [INTRO, "The missing hiker is tall, wears a red cap and has a long scar on his left hand."],
    )
    b = make_article(
        "b",
        [
            INTRO,
            "The missing hiker is tall and wears a red cap.",
            "He has a long scar on his right hand.",
        ],
    )
    found = [c.reason for c in compare_articles([a, b], EMBEDDER).conflicts]
    assert found == ["side: 'left hand' in a vs 'right hand' in b"], found


def _toll(aid: str, sentence: str, *counts: Quantity) -> AnalysedArticle:
    return make_article(aid, [sentence], {0: {"quantities": counts}})


def test_two_tolls_of_one_order_clash_without_a_tie_and_tolls_far_apart_count_other_scopes() -> None:
    # No name, no other count ties the two sentences; the dead are the story's casualties.
    a = _toll(
        "a", "Die Feuerwehr meldete nach dem Brand in der Lagerhalle 32 Tote.", qty("32 Tote", 32, "tote")
    )
    b = _toll(
        "b", "Bei dem Feuer seien 51 Menschen getötet worden, hieß es.", qty("51 Menschen", 51, "mensch")
    )
    assert _unlinked_conflicts(a, b) == ["dead: '32 Tote' in a vs '51 Menschen' in b"]
    # a toll ten times another counts another scope (the whole region's fires of the year)
    c = _toll("c", "Landesweit kamen im Jahr 300 Menschen ums Leben.", qty("300 Menschen", 300, "mensch"))
    assert _unlinked_conflicts(a, c) == []


def test_a_bound_the_article_meets_itself_is_no_second_figure_and_two_months_two_events() -> None:
    a = make_article(
        "a",
        ["Mindestens 22 Tote nach dem Brand in der Lagerhalle.", "Die Feuerwehr sprach sogar von 32 Toten."],
        {
            0: {"quantities": (qty("Mindestens 22 Tote", 22, "tote", True),)},
            1: {"quantities": (qty("32 Toten", 32, "tote"),)},
        },
    )
    b = _toll(
        "b", "Bei dem Feuer seien 51 Menschen getötet worden, hieß es.", qty("51 Menschen", 51, "mensch")
    )
    assert _unlinked_conflicts(a, b) == ["dead: '32 Toten' in a vs '51 Menschen' in b"]
    december = _toll(
        "c", "Im Dezember starben 27 Menschen bei einem Brand.", qty("27 Menschen", 27, "mensch")
    )
    october = _toll(
        "d", "Im Oktober kamen 19 Menschen bei einem Feuer ums Leben.", qty("19 Menschen", 19, "mensch")
    )
    assert _unlinked_conflicts(december, october) == []


def test_one_month_named_in_two_languages_is_one_month() -> None:
    from blickwinkel.compare.counted_values import two_months

    german = make_article("a", ["Im März starben 29 Menschen bei einem Brand."]).statements[0]
    english = make_article("b", ["In March 20 people died in a fire."]).statements[0]
    october = make_article("c", ["In October 20 people died in a fire."]).statements[0]
    assert not two_months(german, english)  # it said two months: "märz" and "march" differ
    assert two_months(german, october)
    # Arabic names too (eighteenth session; our own sentences): parcels handed out in March, in February
    march = make_article("d", ["وزعت الجمعية 400 سلة غذائية في شهر مارس."]).statements[0]
    february = make_article("e", ["وزعت الجمعية 350 سلة غذائية في شهر فبراير."]).statements[0]
    again = make_article("f", ["وزعت الجمعية 350 سلة غذائية في آذار."]).statements[0]
    assert two_months(march, february) and not two_months(march, again)


def test_words_run_together_by_a_lost_space_are_the_same_wording() -> None:
    assert not conflicts_of(
        "Die Stadt teilte mit, dass sie das Gutachten zur Brücke jedoch nicht genehmigen wird.",
        "Die Stadt teilte mit, dass sie das Gutachten zur Brücke jedoch nichtgenehmigen wird.",
    )


def test_a_negation_inside_another_quote_with_the_same_attribution_is_no_negation_conflict() -> None:
    said = ", sagte die Bürgermeisterin nach einem Treffen mit dem Landrat im Rathaus von Lindenau."
    assert not conflicts_of(
        "„Wir müssen die Brücke unter allen Umständen bis zum Herbst sanieren“" + said,
        "„Die Sanierung bezahlt das Land, nicht die Stadt allein“" + said,
    )
    # the control: one claim, said and denied
    found = conflicts_of(
        "„Wir werden die Brücke bis zum Herbst sanieren“" + said,
        "„Wir werden die Brücke bis zum Herbst nicht sanieren“" + said,
    )
    assert [f.split(":")[0] for f in found] == ["negation"], found


def test_two_surnames_of_one_full_name_in_the_story_are_no_actor_conflict() -> None:
    def article(aid: str, name: str) -> AnalysedArticle:
        sentences = [
            INTRO,
            "Die Verkehrsministerin Clara Wolf Berger besuchte die Baustelle.",
            f"Am Nachmittag wollte {name} laut der Stadt mit den Anwohnern über die Sperrung sprechen.",
        ]
        extras = {2: {"entities": (ent(name, f"per:{name.lower()}", "PER"),)}}
        return make_article(aid, sentences, extras)  # type: ignore[arg-type]

    found = [
        c.reason for c in compare_articles([article("a", "Wolf"), article("b", "Berger")], EMBEDDER).conflicts
    ]
    assert not [r for r in found if r.startswith("actor")], found


def test_not_only_but_also_denies_nothing() -> None:
    assert not conflicts_of(
        "Die Bürgermeisterin war nicht nur Ratsmitglied, sondern auch Leiterin des Bauamts in Lindenau.",
        "Die Bürgermeisterin war Ratsmitglied und Leiterin des Bauamts in Lindenau.",
    )
    assert not conflicts_of(
        "Die Bürgermeisterin war nicht nur Ratsmitglied in Lindenau.",
        "Die Bürgermeisterin war Ratsmitglied in Lindenau.",
    )


@pytest.mark.parametrize(
    ("left", "right", "extras", "german"),
    [
        (
            "Bis zum Abend stieg die Zahl nach Angaben der Behörde auf 548 an.",
            "Bis zum Abend stieg die Zahl nach Angaben der Behörde auf 1644 an.",
            None,
            "Zahl bei gleichem Wortlaut: „548“ in a gegenüber „1644“ in b",
        ),
        (
            "Die Stadt hat die Anwohner vor der Sperrung der Brücke informiert.",
            "Die Stadt hat die Anwohner vor der Sperrung der Brücke nicht informiert.",
            None,
            "Verneinung: laut a ist es geschehen, laut b nicht",
        ),
        (
            "Die Fähre zwischen den beiden Ufern soll nach Angaben der Stadt am Montag fahren.",
            "Die Fähre zwischen den beiden Ufern soll nach Angaben der Stadt am Freitag fahren.",
            None,
            "Datum bei gleichem Wortlaut: „Montag“ in a gegenüber „Freitag“ in b",
        ),
        (
            "Die Sperrung ordnete nach Angaben der Stadt Baudezernentin Anna Berg am Morgen an.",
            "Die Sperrung ordnete nach Angaben der Stadt Baudezernentin Clara Wolf am Morgen an.",
            ((ent("Anna Berg", "per:anna-berg", "PER"),), (ent("Clara Wolf", "per:clara-wolf", "PER"),)),
            "Person oder Organisation: „Anna Berg“ in a gegenüber „Clara Wolf“ in b",
        ),
        (
            "Der Stadtrat beschloss am Donnerstag mit 31 zu 18 Stimmen die Sperrung der alten Brücke.",
            "Der Stadtrat beschloss die Sperrung der alten Brücke am Donnerstag 31-17.",
            None,
            "Stimmenverhältnis: „31 zu 18“ in a gegenüber „31-17“ in b",
        ),
        (
            "The driver was taken to hospital with a deep cut on his left arm, police said.",
            "Police said the driver had a deep cut on the right forearm and was taken to hospital.",
            None,
            "Seite: „left arm“ in a gegenüber „right forearm“ in b",
        ),
    ],
)
def test_a_conflict_the_compare_stage_finds_is_said_in_german(
    left: str, right: str, extras: tuple[object, object] | None, german: str
) -> None:
    # the reasons the detectors write (invented pairs of the tests above), read back by the German
    # report (report/reasons.py); a shape it did not know would stay English ("… vs …")
    from blickwinkel.report.reasons import conflict_reason

    ea, eb = ({"entities": extras[0]}, {"entities": extras[1]}) if extras else (None, None)
    a = make_article("a", [INTRO, left], {1: ea} if ea else None)  # type: ignore[dict-item]
    b = make_article("b", [INTRO, right], {1: eb} if eb else None)  # type: ignore[dict-item]
    comparison = compare_articles([a, b], EMBEDDER)
    statements = {s.id: s for s in comparison.statements}
    said = [conflict_reason(c, statements, {}, "de") for c in comparison.conflicts]
    assert said == [german], said
