"""False conflicts of the kinds the fifteenth session found when it ran compare over real coverage
nobody annotated (docs/data-sources.md), each rebuilt on sentences we invented: a negation whose
negated word the other side does not give, a clause denied by its main clause, a figure with a
leading zero, a day of the month told in another time zone."""

from __future__ import annotations

from dataclasses import replace

from blickwinkel.compare.clashes import local_figure_conflict
from blickwinkel.compare.counted_values import day_of_month_conflict
from blickwinkel.compare.parallel_wording import negation_conflict
from blickwinkel.compare.similarity import ScoreParts
from blickwinkel.model import Statement
from tests.unit.test_compare import ent, make_article, qty

CLOSE = ScoreParts(score=0.9, embedding=0.9, chars=0.9, lemmas=0.9, names=0.0, numbers=0.0)


def said(text: str, aid: str = "a", language: str = "de") -> Statement:
    return replace(make_article(aid, [text]).statements[0], language=language)


def negation(left: str, right: str, language: str = "de") -> str | None:
    return negation_conflict(said(left, "a", language), said(right, "b", language), None, None, CLOSE)


def test_a_negated_word_the_other_side_does_not_give_is_no_denial() -> None:
    # "not happy with" and "against" say one thing; the shared words are who and about what
    assert (
        negation(
            "Auch der Stadtrat Jonas Weber ist mit dem Vorschlag der Verwaltung nicht zufrieden.",
            "Gegen den Vorschlag der Verwaltung stellte sich der Stadtrat Jonas Weber.",
        )
        is None
    )
    # two interjections of one speaker share only the label that names her
    assert (
        negation("(Eva Roth (Grüne): Sehr richtig!)", "(Eva Roth (Grüne): Das stimmt doch gar nicht!)")
        is None
    )
    assert (
        negation(
            "Councillor Jonas Weber was not happy with the plan for the bridge.",
            "Councillor Jonas Weber spoke against the plan for the bridge.",
            "en",
        )
        is None
    )


def test_the_negated_word_given_by_both_sides_is_still_a_denial() -> None:
    assert negation(
        "Die Stadt hat die Anwohner vor der Sperrung der Brücke nicht informiert.",
        "Die Stadt hat die Anwohner vor der Sperrung der Brücke informiert.",
    )
    assert negation("Die Polizei nahm den Fahrer nicht fest.", "Die Polizei nahm den Fahrer fest.")
    assert negation(
        "The council did not confirm the closure of the bridge.",
        "The council confirmed the closure of the bridge.",
        "en",
    )
    assert negation("Der Fahrer bestätigte das nicht.", "Der Fahrer bestätigte das.")
    assert negation("Es ist kein Geld für die Brücke da.", "Es ist Geld für die Brücke da.")


def test_a_clause_denied_by_its_main_clause_is_no_claim_said() -> None:
    # "it is not true that the bridge gets dearer" against "the bridge does not get dearer": both deny
    a = said("Es stimmt nicht, dass die neue Brücke teurer wird.")
    b = said("Die neue Brücke wird nicht teurer.", "b")
    at = a.text.index("dass")
    clause = (a.start + at, a.start + len(a.text) - 1)
    assert negation_conflict(a, b, clause, None, CLOSE) is None
    # a clause after a main clause that denies nothing is read as it stands
    c = said("Die Stadt teilte mit, dass die neue Brücke teurer wird.")
    at = c.text.index("dass")
    assert negation_conflict(c, b, (c.start + at, c.start + len(c.text) - 1), None, CLOSE)


def test_a_figure_written_with_a_leading_zero_is_the_same_figure() -> None:
    a = said("Lindenau Herald, May 7 - The city will close the old bridge for repairs.", "a", "en")
    b = said("Lindenau Herald, May 07 - The city closes the old bridge for repairs.", "b", "en")
    assert local_figure_conflict(a, b) is None
    # another day after the same words still clashes
    c = said("Lindenau Herald, May 08 - The city closes the old bridge for repairs.", "c", "en")
    assert local_figure_conflict(a, c) is not None


def test_a_day_of_the_month_told_in_another_time_zone_is_no_date_conflict() -> None:
    assert (
        day_of_month_conflict(
            said("Die Rakete startet in Lindenau am 14. Mai um 2 Uhr deutscher Zeit."),
            said("Die Rakete startet in Lindenau am 13. Mai.", "b"),
        )
        is None
    )
    assert (
        day_of_month_conflict(
            said("The launch is on May 14 at 1 a.m. GMT.", "a", "en"),
            said("The launch is on May 13 in the evening.", "b", "en"),
        )
        is None
    )
    # one day apart with no clock or zone given: a clash
    assert (
        day_of_month_conflict(
            said("Die Rakete startet in Lindenau am 14. Mai."),
            said("Die Rakete startet in Lindenau am 13. Mai.", "b"),
        )
        is not None
    )
    # a zone does not explain two days further apart
    assert (
        day_of_month_conflict(
            said("Die Rakete startet in Lindenau am 16. Mai um 2 Uhr deutscher Zeit."),
            said("Die Rakete startet in Lindenau am 13. Mai.", "b"),
        )
        is not None
    )


def test_the_day_something_was_planned_for_is_no_day_of_the_event() -> None:
    from blickwinkel.compare.clashes import weekdays

    assert weekdays(said("Auch das für Mittwoch geplante Konzert im Stadtpark von Lindenau fällt aus.")) == []
    assert weekdays(said("Das am Mittwoch angesetzte Konzert im Stadtpark fällt aus.")) == []
    assert [d for d, _ in weekdays(said("Am Freitag strich die Stadt das Konzert im Stadtpark.", "b"))] == [4]


def test_a_speaker_read_with_words_around_the_name_is_the_same_speaker() -> None:
    # one outlet's speaker was read with the newspaper after the name and the given name spelled
    # otherwise: one surname, one person
    from blickwinkel.compare.actors import speaker_conflict

    quote = "„Die Fähre fährt erst wieder, wenn der Pegel am Steg sinkt“, sagte {name}."

    def quoted(name: str, key: str, kind: str, aid: str) -> Statement:
        said_ = said(quote.format(name=name), aid)
        return replace(said_, kind="quote", speaker=key, entities=(ent(name, key, kind),))

    a = quoted("Karin Ostermeyer dem Tagblatt", "org:karin-ostermeyer-dem-tagblatt", "ORG", "a")
    b = quoted("Carin Ostermeyer", "per:carin-ostermeyer", "PER", "b")
    c = quoted("Paul Lindqvist", "per:paul-lindqvist", "PER", "c")
    assert speaker_conflict(a, b, CLOSE) is None
    assert speaker_conflict(b, c, CLOSE) == ("per:carin-ostermeyer", "per:paul-lindqvist")


def test_two_weekdays_with_a_figure_of_another_thing_each_are_two_days_reports() -> None:
    from tests.unit.test_conflicts import conflicts_of

    found = conflicts_of(
        "Am Montag meldete das Gesundheitsamt in Lindenau 412 neue Ansteckungen.",
        "Am Freitag meldete das Gesundheitsamt in Lindenau 980 neue Fälle.",
        {"quantities": (qty("412 neue Ansteckungen", 412, "Ansteckung"),)},
        {"quantities": (qty("980 neue Fälle", 980, "Fall"),)},
    )
    assert not [f for f in found if f.startswith("date")], found
    # one figure on both sides: one report, given two days
    found = conflicts_of(
        "Am Montag meldete das Gesundheitsamt in Lindenau 412 neue Ansteckungen.",
        "Am Freitag meldete das Gesundheitsamt in Lindenau 412 neue Fälle.",
        {"quantities": (qty("412 neue Ansteckungen", 412, "Ansteckung"),)},
        {"quantities": (qty("412 neue Fälle", 412, "Fall"),)},
    )
    assert [f for f in found if f.startswith("date")], found


def test_a_count_called_the_one_so_far_is_a_running_count() -> None:
    from blickwinkel.compare.counted_values import as_of_now

    assert as_of_now(said("Der bisherige Höchstwert lag bei 310 Besuchern am Tag."))
    assert as_of_now(said("Die derzeitigen Zahlen zeigen 40 freie Betten."))
    assert not as_of_now(said("Am Sonntag kamen 310 Besucher in den Stadtpark."))


def test_a_figure_that_counts_how_many_more_is_no_count_of_the_whole() -> None:
    from blickwinkel.compare.counted_values import counted

    def counting(text: str, figure: str, value: float, unit: str, language: str = "de") -> Statement:
        s = said(text, "a", language)
        at = text.index(figure)
        return replace(s, quantities=(replace(qty(figure, value, unit), start=at, end=at + len(figure)),))

    assert (
        counted(
            counting(
                "Im Mai kamen 800 mehr Besucher in den Stadtpark als im April.",
                "800 mehr Besucher",
                800,
                "Besucher",
            )
        )
        == []
    )
    assert (
        counted(
            counting(
                "In May, 2 million fewer passengers crossed by ferry.",
                "2 million fewer passengers",
                2e6,
                "passenger",
                "en",
            )
        )
        == []
    )
    whole = counting(
        "Im Mai kamen 800 Besucher mehr als erwartet in den Stadtpark.", "800 Besucher", 800, "Besucher"
    )
    assert [q.value for q in counted(whole)] == [800]


def test_a_figure_one_copy_calls_the_count_by_now_is_a_later_count() -> None:
    from tests.unit.test_conflicts import conflicts_of

    assert not conflicts_of(
        "Damit sind in Lindenau 1.210 Fälle bestätigt, teilte das Gesundheitsamt mit.",
        "Damit sind in Lindenau mittlerweile 1.480 Fälle bestätigt, teilte das Gesundheitsamt mit.",
    )
    found = conflicts_of(
        "Damit sind in Lindenau 1.210 Fälle bestätigt, teilte das Gesundheitsamt mit.",
        "Damit sind in Lindenau 1.480 Fälle bestätigt, teilte das Gesundheitsamt mit.",
    )
    assert [f.split(":")[0] for f in found] == ["quantity"], found


def test_the_outlet_a_quote_was_told_to_is_no_actor_in_the_speakers_place() -> None:
    from tests.unit.test_conflicts import conflicts_of

    quote = "„Die Fähre fährt erst wieder, wenn der Pegel am Steg sinkt“, "
    found = conflicts_of(
        quote + "sagte er dem Stadtboten.",
        quote + "so Weber.",
        {"entities": (ent("Stadtboten", "org:stadtbote", "ORG"),)},
        {"entities": (ent("Weber", "per:weber", "PER"),)},
    )
    assert not [f for f in found if f.startswith("actor")], found
    found = conflicts_of(
        quote + "sagte Roth dem Stadtboten.",
        quote + "sagte Weber dem Stadtboten.",
        {"entities": (ent("Roth", "per:roth", "PER"), ent("Stadtboten", "org:stadtbote", "ORG"))},
        {"entities": (ent("Weber", "per:weber", "PER"), ent("Stadtboten", "org:stadtbote", "ORG"))},
    )
    assert [f for f in found if f.startswith(("actor", "speaker"))], found


def test_one_name_hyphenated_two_ways_is_one_speaker() -> None:
    from blickwinkel.compare.actors import speaker_conflict

    quote = "„Die Fähre fährt erst wieder, wenn der Pegel am Steg sinkt“, sagte {name}."

    def quoted(name: str, key: str, aid: str) -> Statement:
        return replace(
            said(quote.format(name=name), aid), kind="quote", speaker=key, entities=(ent(name, key, "PER"),)
        )

    a = quoted("Jana Lind-Ostrowski", "per:jana-lind-ostrowski", "a")
    b = quoted("Jana Lindostrowski", "per:jana-lindostrowski", "b")
    assert speaker_conflict(a, b, CLOSE) is None
