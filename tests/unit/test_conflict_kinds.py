"""The kinds of conflict real outlets show, on our own invented sentences: weekdays, ages, running
counts, dates and model numbers written two ways, names and their abbreviations."""

from __future__ import annotations

from dataclasses import replace

from blickwinkel.compare import compare_articles
from blickwinkel.compare.actors import _same_name
from blickwinkel.compare.ages import age_conflict, age_pairs, ages
from blickwinkel.compare.clashes import local_figure_conflict, weekday_conflict, weekdays
from blickwinkel.model import Mention, Quantity, Statement
from tests.unit.test_compare import EMBEDDER, ent, make_article, qty
from tests.unit.test_conflicts import conflicts_of


def english(text: str, aid: str = "a") -> Statement:
    return replace(make_article(aid, [text]).statements[0], language="en")


def test_one_event_on_two_weekdays_is_a_date_conflict() -> None:
    found = weekday_conflict(
        english("A cyclist was badly hurt on Wednesday when a lorry turned at the Lindenau crossing."),
        english("A cyclist was hurt on Thursday by a turning lorry at the crossing in Lindenau.", "b"),
    )
    assert found is not None and (found[0].text, found[1].text) == ("Wednesday", "Thursday")


def test_the_day_of_the_event_before_a_speaker_is_read_and_the_day_something_was_said_is_not() -> None:
    assert [d for d, _ in weekdays(english("A cyclist was hurt Sunday, the fire service said."))] == [6]
    assert weekdays(english("The fire service said on Monday that a cyclist was hurt.")) == []
    assert weekdays(english("The crossing has been closed since Friday.")) == []
    assert weekdays(english("Die Feuerwehr teilte am Montag mit, ein Radfahrer sei verletzt worden.")) == []


def test_two_weekdays_on_one_side_may_be_two_moments_and_are_no_conflict() -> None:
    assert (
        weekday_conflict(
            english("The bridge closed on Monday and reopened on Friday after repairs in Lindenau."),
            english("The bridge in Lindenau reopened on Friday after repairs.", "b"),
        )
        is None
    )


def test_a_weekday_conflict_is_found_between_strongly_matched_statements() -> None:
    found = conflicts_of(
        "Ein abbiegender Lastwagen hat am Mittwoch an der Kreuzung am Markt einen Radfahrer erfasst.",
        "Am Donnerstag erfasste an der Kreuzung am Markt ein abbiegender Lastwagen einen Radfahrer.",
    )
    assert [f.split(":")[0] for f in found] == ["date"], found
    assert "'Mittwoch'" in found[0] and "'Donnerstag'" in found[0]


def test_ages_bound_to_a_name_are_read_in_the_ways_news_writes_them() -> None:
    cases = {
        "Lorry driver Jonas Weber, 34, was questioned at the scene.": ("Jonas Weber", 34),
        "The 34-year-old Jonas Weber was questioned at the scene.": ("Jonas Weber", 34),
        "Police questioned the 34-year-old driver, Jonas Weber, at the scene.": ("Jonas Weber", 34),
        "The ferry's captain Jonas Weber died at the age of 71.": ("Jonas Weber", 71),
        "Weber was 34.": ("Weber", 34),
        "Jonas Weber (34) was questioned at the scene.": ("Jonas Weber", 34),
    }
    for text, (name, age) in cases.items():
        read = [(a.name, a.age) for a in ages(english(text))]
        assert read == [(name, age)], (text, read)


def test_numbers_after_a_name_that_are_no_age_are_not_read() -> None:
    for text in (
        "In 2011, the bridge was closed for a year.",
        "On Sunday, 15 people crossed by ferry.",
        "The toll was 50.",
        "Lindenau, 15. März: die Brücke ist gesperrt.",
    ):
        assert ages(english(text)) == [], text


def test_a_german_age_needs_a_recognised_person() -> None:
    noun = make_article("a", ["Die Zahl war 50."]).statements[0]
    person = make_article(
        "a",
        ["Der Fahrer Jonas Weber (34) wurde befragt."],
        {0: {"entities": (ent("Jonas Weber", "per:jonas-weber", "PER"),)}},
    ).statements[0]
    assert ages(replace(noun, language="de")) == []
    assert [(a.name, a.age) for a in ages(replace(person, language="de"))] == [("Jonas Weber", 34)]


def test_one_person_given_two_ages_by_two_outlets_is_a_conflict_without_a_link() -> None:
    a = make_article(
        "a",
        [
            "Die Stadt Lindenau sperrt die alte Brücke über den Fluss wegen Rost an den Trägern.",
            "Lorry driver Jonas Weber, 34, was questioned by police at the scene.",
        ],
    )
    b = make_article(
        "b",
        [
            "Die Stadt Lindenau sperrt die alte Brücke über den Fluss wegen Rost an den Trägern.",
            "Jonas Weber, 43, told reporters the brakes of his lorry had failed on the slope.",
        ],
    )
    english_of = [
        replace(x, statements=tuple(replace(s, language="en") for s in x.statements)) for x in (a, b)
    ]
    conflicts = compare_articles(english_of, EMBEDDER).conflicts
    assert [(c.kind, c.values) for c in conflicts] == [("quantity", ("Jonas Weber, 34", "Jonas Weber, 43"))]
    assert conflicts[0].reason.startswith("age:")


def test_two_people_of_one_surname_are_not_given_each_others_age() -> None:
    a = english("Anna Berg, 34, and her brother were on board.")
    b = english("Her brother Jonas Berg, 36, was on board too.", "b")
    assert age_conflict(a, b) is None
    father = english("Jonas Berg, 64, and his son Paul Berg, 36, were on board.", "c")
    son = english("Berg, 37, was on board.", "d")
    assert age_pairs([father, son]) == []  # one article gives the surname two ages: who is who?


def test_a_date_written_in_two_orders_is_no_figure_conflict() -> None:
    assert (
        local_figure_conflict(
            english("The ferry left the pier in Lindenau at noon on June 14, 2025."),
            english("The ferry left the pier in Lindenau at noon on 14 June 2025.", "b"),
        )
        is None
    )


def test_a_closer_model_number_is_no_figure_conflict_but_a_changed_phone_number_is() -> None:
    assert (
        local_figure_conflict(
            english("A second hovercraft of the Lindenau type 320-400 joined the ferry line."),
            english("The ferry line runs hovercraft of the Lindenau type 320.", "b"),
        )
        is None
    )
    assert (
        local_figure_conflict(
            english("Call the Lindenau Crime Line at (0351) 417-2280."),
            english("Tips go to the Lindenau Crime Line at 0351-471-2280.", "b"),
        )
        is not None
    )


def test_a_name_and_its_abbreviation_or_possessive_are_one_name() -> None:
    a = english("The ferry company was sold to a firm in Columbus, Ohio.")
    b = english("The ferry company was sold to a firm in Columbus, OH.", "b")
    assert _same_name("Ohio", a, "OH", b)
    assert _same_name("United Nations", a, "UN", b)
    c = english("A man was charged over a death at Lindenau's old jail.")
    d = english("A man was charged over a death at HMP Oldgate in Lindenau.", "b")
    assert _same_name("Lindenau's", c, "HMP", d)
    assert not _same_name("Anna Berg", a, "JW", b)


def test_counts_since_two_moments_do_not_contradict() -> None:
    found = conflicts_of(
        "The ferry has carried more than 1,200 cars across the river since June 2, the operator said.",
        "The ferry has carried close to 100 cars across the river since the morning, the operator said.",
        {"quantities": (qty("more than 1,200 cars", 1200, "car", True),)},
        {"quantities": (qty("close to 100 cars", 100, "car", True),)},
    )
    assert not [f for f in found if f.startswith("quantity")], found


def test_the_next_day_early_and_the_day_before_at_night_may_be_one_moment() -> None:
    assert (
        weekday_conflict(
            english("The mayor spoke to the minister by telephone early on Monday about the bridge."),
            english("The mayor raised the bridge in a phone call with the minister on Sunday night.", "b"),
        )
        is None
    )
    assert (
        weekday_conflict(
            english("The mayor spoke to the minister by telephone on Monday about the bridge."),
            english("The mayor raised the bridge in a phone call with the minister on Saturday.", "b"),
        )
        is not None
    )


def test_a_figure_of_one_digit_and_a_scale_word_is_read_as_rounded() -> None:
    from blickwinkel.compare.agreement import quantities_agree

    def q(text: str, value: float) -> Quantity:
        return Quantity(text, 0, len(text), value, "person")

    assert quantities_agree(q("Four million people", 4e6), q("4.3 million people", 4.3e6)) is True
    assert quantities_agree(q("2.5 million people", 2.5e6), q("2.4 million people", 2.4e6)) is False
    assert quantities_agree(q("2 Millionen Menschen", 2e6), q("2,5 Millionen Menschen", 2.5e6)) is False
    assert quantities_agree(q("9 people", 9), q("10 people", 10)) is False
    assert quantities_agree(q("four million people", 4e6), q("three million people", 3e6)) is False


def test_a_weekday_of_something_said_to_come_or_given_as_a_full_date_is_not_the_events() -> None:
    assert weekdays(english("The two bridges will be opened by the mayor on Sunday.")) == []
    assert weekdays(english("The head of the office on Wednesday said: the bridge is safe.")) == []
    assert weekdays(english("The new bridge opened on Saturday, June 14, with a fair in the square.")) == []
    past = english("Two anglers were hurt Thursday as the old pier, which will be rebuilt, gave way.")
    assert [d for d, _ in weekdays(past)] == [3]


def test_a_figure_the_other_statement_gives_after_other_words_is_no_clash() -> None:
    assert (
        local_figure_conflict(
            english("Anna Berg was elected head of the Lindenau Ferry Board in 2006."),
            english("She became deputy head of the Lindenau Ferry Board in 1994, and head in 2006.", "b"),
        )
        is None
    )


def test_another_count_is_of_another_event() -> None:
    from blickwinkel.compare.counted_values import quantity_conflict

    a = replace(
        english("A second landslide near Lindenau buried another 6 people in the valley."),
        quantities=(qty("6 people", 6, "person"),),
    )
    b = replace(
        english("The landslide near Lindenau is thought to have buried about 600 people.", "b"),
        quantities=(qty("about 600 people", 600, "person", True),),
    )
    a = replace(
        a,
        quantities=tuple(
            replace(q, start=a.text.index(q.text), end=a.text.index(q.text) + len(q.text))
            for q in a.quantities
        ),
    )
    b = replace(
        b,
        quantities=tuple(
            replace(q, start=b.text.index(q.text), end=b.text.index(q.text) + len(q.text))
            for q in b.quantities
        ),
    )
    assert quantity_conflict(a, b, None, None) is None


def test_two_counts_on_two_days_are_two_events_not_a_conflict() -> None:
    assert not conflicts_of(
        "Am Dienstag wurden bei dem Einsturz einer Mauer am Markt in Lindenau 14 Menschen verletzt.",
        "Am Montag wurden bei dem Einsturz einer Mauer am Markt in Lindenau 2 Menschen verletzt.",
        {"quantities": (qty("14 Menschen", 14, "person"),)},
        {"quantities": (qty("2 Menschen", 2, "person"),)},
    )


def test_declining_to_comment_is_no_negation_conflict_with_having_no_comment() -> None:
    assert not conflicts_of(
        "The ferry company declined to comment on the mayor's plans for the old bridge.",
        "The ferry company had no comment on the mayor's plans for the old bridge.",
    )


def _placed_quantities(s: Statement, *quantities: Quantity) -> Statement:
    return replace(
        s,
        quantities=tuple(
            replace(q, start=s.start + s.text.index(q.text), end=s.start + s.text.index(q.text) + len(q.text))
            for q in quantities
        ),
    )


def test_shares_of_two_things_and_the_whole_a_part_is_taken_from_do_not_clash() -> None:
    from blickwinkel.compare.counted_values import quantity_conflict

    star = _placed_quantities(
        english("The engine of the new ferry makes five percent of the noise the old one made."),
        qty("five percent", 5, "%"),
    )
    stars = _placed_quantities(
        english("Some 20 percent of the boats on the river still run on diesel.", "b"),
        qty("20 percent", 20, "%"),
    )
    assert quantity_conflict(star, stars, None, None) is None
    vote = _placed_quantities(
        english("The mayor won 52 percent of the vote in Lindenau."), qty("52 percent", 52, "%")
    )
    vote_b = _placed_quantities(
        english("In Lindenau the mayor took 48 percent of the vote.", "b"), qty("48 percent", 48, "%")
    )
    assert quantity_conflict(vote, vote_b, None, None) is not None
    part = _placed_quantities(
        english("The company kept the jobs of 12 of 85 drivers in Lindenau."), qty("85 drivers", 85, "driver")
    )
    whole = _placed_quantities(
        english("More than 300 drivers work for the company in Lindenau.", "b"),
        qty("300 drivers", 300, "driver"),
    )
    assert quantity_conflict(part, whole, None, None) is None


def test_counts_in_two_languages_one_in_words_are_compared_by_value() -> None:
    from blickwinkel.compare.counted_values import quantity_conflict

    de = _placed_quantities(
        replace(make_article("a", ["An Bord waren 45 Menschen."]).statements[0], language="de"),
        qty("45 Menschen", 45, "mensch"),
    )
    forty = _placed_quantities(english("Forty people were on board.", "b"), qty("Forty people", 40, "people"))
    five = _placed_quantities(
        english("Forty-five people were on board.", "b"), qty("Forty-five people", 45, "people")
    )
    assert quantity_conflict(de, forty, None, None) is not None
    assert quantity_conflict(de, five, None, None) is None


def test_people_counted_with_what_befell_them_are_the_dead_or_the_injured() -> None:
    from blickwinkel.compare.counted_values import quantity_conflict

    dead = _placed_quantities(
        replace(
            make_article("a", ["Die Feuerwehr berichtete von 30 Toten in Lindenau."]).statements[0],
            language="de",
        ),
        qty("30 Toten", 30, "tote"),
    )
    killed = _placed_quantities(
        replace(
            make_article("b", ["Bei dem Brand in Lindenau seien 47 Menschen getötet worden."]).statements[0],
            language="de",
        ),
        qty("47 Menschen", 47, "mensch"),
    )
    hurt = _placed_quantities(
        replace(
            make_article("b", ["Bei dem Brand in Lindenau seien 47 Menschen verletzt worden."]).statements[0],
            language="de",
        ),
        qty("47 Menschen", 47, "mensch"),
    )
    assert quantity_conflict(dead, killed, None, None) is not None
    assert quantity_conflict(dead, hurt, None, None) is None


def test_a_first_name_alone_and_the_full_name_are_one_speaker() -> None:
    from blickwinkel.compare.actors import speaker_conflict
    from blickwinkel.compare.similarity import ScoreParts

    quote = '"The old bridge must stay shut until it is safe," said {name}.'
    a = replace(
        english(quote.format(name="Ian Lindqvist")),
        kind="quote",
        speaker="per:ian-lindqvist",
        entities=(ent("Ian Lindqvist", "per:ian-lindqvist", "PER"),),
    )
    b = replace(
        english(quote.format(name="Ian"), "b"),
        kind="quote",
        speaker="per:ian",
        entities=(ent("Ian", "per:ian", "PER"),),
    )
    c = replace(
        english(quote.format(name="Anna Berg"), "c"),
        kind="quote",
        speaker="per:anna-berg",
        entities=(ent("Anna Berg", "per:anna-berg", "PER"),),
    )
    part = ScoreParts(score=0.9, embedding=0.9, chars=0.9, lemmas=0.9, names=1.0, numbers=0.0)
    assert speaker_conflict(a, b, part) is None
    assert speaker_conflict(a, c, part) == ("per:ian-lindqvist", "per:anna-berg")


def test_one_surname_spelled_two_ways_is_one_speaker() -> None:
    # two outlets spelled a police officer's long surname with and without a doubled letter: the same
    # quote was a speaker conflict between the two spellings
    from blickwinkel.compare.actors import speaker_conflict
    from blickwinkel.compare.similarity import ScoreParts

    quote = '"The second pump ran dry before noon," said {name}.'

    def quoted(name: str, key: str, aid: str) -> Statement:
        said = english(quote.format(name=name), aid)
        return replace(said, kind="quote", speaker=key, entities=(ent(name, key, "PER"),))

    a = quoted("Warrick Brannigar", "per:warrick-brannigar", "a")
    b = quoted("Warrick Branigar", "per:warrick-branigar", "b")
    c = quoted("Warrick Ostrander", "per:warrick-ostrander", "c")
    part = ScoreParts(score=0.9, embedding=0.9, chars=0.9, lemmas=0.9, names=1.0, numbers=0.0)
    assert speaker_conflict(a, b, part) is None
    assert speaker_conflict(a, c, part) == ("per:warrick-brannigar", "per:warrick-ostrander")


def test_the_nameless_age_that_opens_a_sentence_is_the_person_named_before() -> None:
    from blickwinkel.compare.ages import statements_before

    first = make_article(
        "a",
        ["Jonas Weber steered the ferry on Friday.", "The 34-year-old kept to the timetable."],
        {0: {"entities": (ent("Jonas Weber", "per:jonas-weber", "PER"),)}},
    )
    other = english("Jonas Weber, 43, steered the ferry out of Lindenau.", "b")
    statements = [*(replace(s, language="en") for s in first.statements), other]
    before = statements_before(statements)
    assert age_pairs(statements, before) == [(statements[1], other)]
    found = age_conflict(statements[1], other, before)
    assert found is not None and found[0].text == "The 34-year-old"
    alone = english("The 34-year-old kept to the timetable.", "c")
    assert age_conflict(alone, other) is None  # no sentence before names anyone


def test_a_weekday_beside_a_moment_told_relative_to_another_is_no_conflict() -> None:
    fire = english("The fire at the Lindenau depot on Friday destroyed four buses.", "b")
    late = "Buses from the Lindenau depot hit by the fire {}ran late on Monday."
    assert weekday_conflict(english(late.format("")), fire) is not None, "the control must clash"
    # the statement speaks of two moments: the fire days before, the late buses on Monday
    assert weekday_conflict(english(late.format("three days earlier ")), fire) is None


def test_counts_by_a_moment_or_of_what_is_left_are_counts_as_of_that_moment() -> None:
    found_by = conflicts_of(
        "{}Crews had found 17 leaks in the old water main under the Lindenau market.".format(
            "By Tuesday evening, "
        ),
        "Crews have found about a dozen leaks in the old water main under the Lindenau market.",
        {"quantities": (qty("17 leaks", 17, "leak"),)},
        {"quantities": (qty("about a dozen leaks", 12, "leak", True),)},
    )
    assert not [f for f in found_by if f.startswith("quantity")], found_by
    left = "After the storm, only {} ferries of the Lindenau line {} in service on the river."
    extras_a = {"quantities": (qty("six ferries", 6, "ferry"),)}
    extras_b = {"quantities": (qty("seven ferries", 7, "ferry"),)}
    control = conflicts_of(left.format("six", "run"), left.format("seven", "run"), extras_a, extras_b)
    assert [f for f in control if f.startswith("quantity")], "the control must clash"
    found_left = conflicts_of(left.format("six", "are left"), left.format("seven", "run"), extras_a, extras_b)
    assert not [f for f in found_left if f.startswith("quantity")], found_left


def test_a_count_of_a_past_told_as_such_is_of_another_moment() -> None:
    found = conflicts_of(
        "For that, Jonas Weber, then the Lindenau harbour master, fined the ferry line $25,000.",
        "The Lindenau harbour master fined the ferry line $2,500 for the late crossings.",
        {"quantities": (qty("$25,000", 25000, "USD"),)},
        {"quantities": (qty("$2,500", 2500, "USD"),)},
    )
    assert not [f for f in found if f.startswith("quantity")], found


def test_people_counted_after_what_befell_them_in_the_active_voice_are_the_casualties() -> None:
    from blickwinkel.compare.counted_values import counted

    def units(text: str, quantity: Quantity) -> list[str | None]:
        return [q.unit for q in counted(_placed_quantities(english(text), quantity))]

    people = qty("800 residents", 800, "people")
    assert units("In the Lindenau valley the floods displaced 800 residents.", people) == ["displaced"]
    assert units("About 800 residents were displaced in the valley.", people) == ["displaced"]
    crowd = qty("three workers", 3, "people")
    assert units("An explosion at the depot, killing three workers, shook Oldgate.", crowd) == ["dead"]
    assert units("An explosion at the depot was seen by three workers in Oldgate.", crowd) == ["people"]


def test_a_count_already_reached_is_a_count_as_of_now() -> None:
    left = "The flood has {}cut off 299 homes in the Lindenau valley, the council said."
    right = "The council said 246 homes in the Lindenau valley have been cut off by the flood."
    extras_a = {"quantities": (qty("299 homes", 299, "home"),)}
    extras_b = {"quantities": (qty("246 homes", 246, "home"),)}
    assert [f for f in conflicts_of(left.format(""), right, extras_a, extras_b) if f.startswith("quantity")]
    assert not [
        f
        for f in conflicts_of(left.format("already "), right, extras_a, extras_b)
        if f.startswith("quantity")
    ]


def test_an_age_after_a_name_that_is_the_clauses_object_is_the_subjects() -> None:
    assert ages(english("Jonas Weber died at the age of 88 in Lindenau.")) != []
    # the age is the speaker's, who sailed with Weber when she was 19
    assert ages(english("Anna Berg recalled that she first sailed with Jonas Weber at the age of 19.")) == []


def test_a_length_of_time_that_lasts_and_one_that_tells_a_moment_do_not_clash() -> None:
    lasting = "The Lindenau bridge was closed {} while divers searched the river below it."
    three = {"quantities": (qty("three hours", 3, "hour"),)}
    four = {"quantities": (qty("about four hours", 4, "hour", True),)}
    control = conflicts_of(
        lasting.format("for three hours"), lasting.format("for about four hours"), three, four
    )
    assert [f for f in control if f.startswith("quantity")], "the control must clash"
    moment = "The Lindenau bridge was closed {} the crash while divers searched the river below it."
    found = conflicts_of(
        lasting.format("for three hours"), moment.format("about four hours after"), three, four
    )
    assert not [f for f in found if f.startswith("quantity")], found


def test_two_quotes_about_one_statement_are_two_speakers_quotes_not_one() -> None:
    from blickwinkel.compare.actors import speaker_conflict
    from blickwinkel.compare.similarity import ScoreParts

    def quote(aid: str, text: str, name: str, key: str) -> Statement:
        return replace(english(text, aid), kind="quote", speaker=key, entities=(ent(name, key, "PER"),))

    a = quote(
        "a",
        '"We will check the mayor\'s plan for the bridge line by line," Anna Berg told reporters.',
        "Anna Berg",
        "per:anna-berg",
    )
    b = quote(
        "b",
        'Jonas Weber answered that "anyone with doubts" should read the mayor\'s plan for the bridge.',
        "Jonas Weber",
        "per:jonas-weber",
    )
    same = quote(
        "c",
        '"We will check the mayor\'s plan for the bridge line by line," Jonas Weber told reporters.',
        "Jonas Weber",
        "per:jonas-weber",
    )
    part = ScoreParts(score=0.9, embedding=0.9, chars=0.9, lemmas=0.9, names=1.0, numbers=0.0)
    assert speaker_conflict(a, b, part) is None
    assert speaker_conflict(a, same, part) == ("per:anna-berg", "per:jonas-weber")


def test_a_quote_running_on_from_the_sentence_before_is_read_up_to_its_closing_mark() -> None:
    # the second statement opens inside a quote begun in the sentence before: its one mark closes it,
    # so its quoted words are the words before that mark, not none (then any quote was "the same")
    from blickwinkel.compare.actors import speaker_conflict
    from blickwinkel.compare.similarity import ScoreParts

    def quote(aid: str, text: str, name: str, key: str) -> Statement:
        return replace(english(text, aid), kind="quote", speaker=key, entities=(ent(name, key, "PER"),))

    a = quote(
        "a",
        '"The harbour board asked all skippers to respect the closure of the inner quay," Anna Berg said.',
        "Anna Berg",
        "per:anna-berg",
    )
    b = quote(
        "b",
        'Keep your boats off the inner quay until Friday," said Jonas Weber.',
        "Jonas Weber",
        "per:jonas-weber",
    )
    same = quote(
        "c",
        'The harbour board asked all skippers to respect the closure of the inner quay," said Jonas Weber.',
        "Jonas Weber",
        "per:jonas-weber",
    )
    part = ScoreParts(score=0.9, embedding=0.9, chars=0.9, lemmas=0.9, names=-1.0, numbers=0.0)
    assert speaker_conflict(a, b, part) is None
    assert speaker_conflict(a, same, part) == ("per:anna-berg", "per:jonas-weber")
    # a statement ending inside a quote reads from its opening mark on
    opening = quote(
        "d",
        'Jonas Weber said: "Keep your boats off the inner quay until Friday.',
        "Jonas Weber",
        "per:jonas-weber",
    )
    assert speaker_conflict(a, opening, part) is None


def test_counts_of_two_named_wholes_do_not_clash() -> None:
    from blickwinkel.compare.counted_values import quantity_conflict

    def members(aid: str, text: str, count: str, value: float) -> Statement:
        return _placed_quantities(english(text, aid), qty(count, value, "members"))

    a = members("a", "The parade was opened by five members of the Lindenau fire brigade.", "five members", 5)
    b = members("b", "The parade included three members of the Oldgate fire brigade.", "three members", 3)
    c = members(
        "c", "The parade was opened by three members of the Lindenau fire brigade.", "three members", 3
    )
    assert quantity_conflict(a, b, None, None) is None
    assert quantity_conflict(a, c, None, None) is not None


def _english_pair(left: str, right: str) -> list[str]:
    intro = "The ferry to Oldgate ran aground near the harbour mouth in the fog."
    a, b = (make_article(aid, [intro, text]) for aid, text in (("a", left), ("b", right)))
    a, b = (replace(x, statements=tuple(replace(s, language="en") for s in x.statements)) for x in (a, b))
    return [f"{c.kind}: {c.reason}" for c in compare_articles([a, b], EMBEDDER).conflicts]


def test_words_that_open_a_quote_are_no_names_in_one_role() -> None:
    # English capitalises whatever opens a quote; two such words are no two people.
    assert not _english_pair(
        'The captain told reporters: "Honestly, everyone on board kept calm and waited for the boats."',
        'The captain told reporters: "Luckily, everyone on board kept calm and waited for the boats."',
    )
    assert not _english_pair(
        '"Thank God the sea was calm," one passenger said after she reached the quay.',
        '"Luckily the sea was calm," one passenger said after she reached the quay.',
    )
    # a name in the same place, not opening a quote, still clashes
    found = _english_pair(
        "The captain, Tom Hereford, told reporters that everyone on board kept calm.",
        "The captain, Jack Ormond, told reporters that everyone on board kept calm.",
    )
    assert [f.split(":")[0] for f in found] == ["actor"], found


def _wait(minutes: str, value: float) -> tuple[str, dict[str, object]]:
    text = f"Nach Angaben der Küstenwache brauchten die Retter {minutes} bis zu der Fähre vor dem Hafen."
    return text, {"quantities": (qty(minutes, value, "Minute"),)}


def test_a_round_measure_and_a_closer_one_it_rounds_to_are_no_conflict() -> None:
    # "40 Minuten" told for 42: a round length of time without a hedge; 45 no longer rounds to 40.
    (forty, q40), (forty_two, q42), (forty_five, q45) = (
        _wait(t, v) for t, v in (("40 Minuten", 40), ("42 Minuten", 42), ("45 Minuten", 45))
    )
    assert not conflicts_of(forty, forty_two, q40, q42)
    assert [f.split(":")[0] for f in conflicts_of(forty, forty_five, q40, q45)] == ["quantity"]
    # counts of people are given as counted: 40 and 42 rescued clash
    rescued = "Nach Angaben der Küstenwache brachten die Retter {} an Land."
    found = conflicts_of(
        rescued.format("40 Fahrgäste"),
        rescued.format("42 Fahrgäste"),
        {"quantities": (qty("40 Fahrgäste", 40, "Fahrgast"),)},
        {"quantities": (qty("42 Fahrgäste", 42, "Fahrgast"),)},
    )
    assert [f.split(":")[0] for f in found] == ["quantity"], found


def test_a_round_count_of_hundreds_and_a_closer_one_it_rounds_to_are_no_conflict() -> None:
    members = "Der Verein zählt nach eigenen Angaben inzwischen {} in der ganzen Region."
    found = conflicts_of(
        members.format("1200 Mitglieder"),
        members.format("1230 Mitglieder"),
        {"quantities": (qty("1200 Mitglieder", 1200, "Mitglied"),)},
        {"quantities": (qty("1230 Mitglieder", 1230, "Mitglied"),)},
    )
    assert not found, found
    # 1,260 does not round to 1,200; and the dead are given as counted, even in hundreds
    found = conflicts_of(
        members.format("1200 Mitglieder"),
        members.format("1260 Mitglieder"),
        {"quantities": (qty("1200 Mitglieder", 1200, "Mitglied"),)},
        {"quantities": (qty("1260 Mitglieder", 1260, "Mitglied"),)},
    )
    assert [f.split(":")[0] for f in found] == ["quantity"], found
    dead = "Bei dem Erdbeben in der Provinz kamen nach Angaben der Behörden {} ums Leben."
    found = conflicts_of(
        dead.format("300 Menschen"),
        dead.format("312 Menschen"),
        {"quantities": (qty("300 Menschen", 300, "Mensch"),)},
        {"quantities": (qty("312 Menschen", 312, "Mensch"),)},
    )
    assert [f.split(":")[0] for f in found] == ["quantity"], found


def test_the_injured_and_the_badly_injured_are_two_counts() -> None:
    injured = "Bei dem Unfall auf der Brücke wurden nach Angaben der Polizei {}."
    eleven = {"quantities": (qty("elf Fahrgäste", 11, "Fahrgast"),)}
    seven = {"quantities": (qty("sieben Fahrgäste", 7, "Fahrgast"),)}
    assert not conflicts_of(
        injured.format("elf Fahrgäste verletzt"),
        injured.format("sieben Fahrgäste schwer verletzt"),
        eleven,
        seven,
    )
    found = conflicts_of(
        injured.format("elf Fahrgäste verletzt"), injured.format("sieben Fahrgäste verletzt"), eleven, seven
    )
    assert [f.split(":")[0] for f in found] == ["quantity"], found


def test_untied_tolls_of_two_places_or_two_days_are_two_tolls() -> None:
    from tests.unit.test_conflicts import _unlinked_conflicts

    def toll(aid: str, text: str, count: Quantity, place: str | None = None) -> object:
        extras: dict[str, object] = {"quantities": (count,)}
        if place is not None:
            extras["entities"] = (ent(place, f"loc:{place.lower()}"),)
        return make_article(aid, [text], {0: extras})

    lindenau = toll(
        "a",
        "In Lindenau meldete die Feuerwehr nach dem Sturm 14 Verletzte.",
        qty("14 Verletzte", 14, "verletzte"),
        "Lindenau",
    )
    oldgate = toll(
        "b",
        "In Oldgate seien bei dem Sturm 9 Menschen verletzt worden.",
        qty("9 Menschen", 9, "mensch"),
        "Oldgate",
    )
    assert _unlinked_conflicts(lindenau, oldgate) == []  # type: ignore[arg-type]
    there_too = toll(
        "c",
        "In Lindenau seien bei dem Sturm 9 Menschen verletzt worden.",
        qty("9 Menschen", 9, "mensch"),
        "Lindenau",
    )
    assert _unlinked_conflicts(lindenau, there_too) == ["injured: '14 Verletzte' in a vs '9 Menschen' in c"]  # type: ignore[arg-type]
    monday = toll(
        "d",
        "Am Montag meldete die Feuerwehr nach dem Sturm 14 Verletzte.",
        qty("14 Verletzte", 14, "verletzte"),
    )
    tuesday = toll(
        "e", "Am Dienstag seien bei dem Sturm 9 Menschen verletzt worden.", qty("9 Menschen", 9, "mensch")
    )
    assert _unlinked_conflicts(monday, tuesday) == []  # type: ignore[arg-type]


def test_one_day_of_one_month_told_two_ways_is_a_date_conflict() -> None:
    from blickwinkel.compare.counted_values import day_of_month_conflict, days_of_months

    found = day_of_month_conflict(
        english("The Lindenau ferry has not sailed since April 3, when a storm damaged its pier."),
        english("No ferry has crossed to Lindenau since April 4, the day the storm hit the pier.", "b"),
    )
    assert found is not None and (found[0].text, found[1].text) == ("April 3", "April 4")
    assert [k for k in days_of_months(english("Die Fähre fuhr am 10. März wieder."))] == [(3, 10)]
    # a range, two days on one side, two months or two years are no such clash
    assert days_of_months(english("The market runs from March 10 to 12 on the quay.")) == {}
    assert (
        day_of_month_conflict(
            english("The ferry stopped on March 10 and ran again on March 14."),
            english("The ferry stopped on March 11.", "b"),
        )
        is None
    )
    assert (
        day_of_month_conflict(
            english("It opened on 10 March 2019."), english("It opened on 11 March 2021.", "b")
        )
        is None
    )


def test_two_captions_dated_on_two_days_are_no_conflict() -> None:
    from blickwinkel.compare.counted_values import caption_like

    caption = english("A fisherman stands on the flooded quay in Lindenau, March 10, 2024.")
    assert caption_like(caption)
    assert not caption_like(english("The quay in Lindenau flooded on Sunday, March 10, 2024."))
    # two pictures of one place, each dated the day it was taken: the same words before the two dates
    # put them in one slot, and the captions say they date two pictures
    from tests.unit.test_conflicts import _unlinked_conflicts

    def one(aid: str, text: str) -> object:
        return replace(make_article(aid, [text]), statements=(english(text, aid),))

    fisherman = one(
        "a", "A fisherman stands on the flooded quay by the harbour office in Lindenau, March 10, 2024."
    )
    sandbags = one("b", "Sandbags are seen piled high by the harbour office in Lindenau, March 11, 2024.")
    assert _unlinked_conflicts(fisherman, sandbags) == []  # type: ignore[arg-type]
    water = one("c", "The flood water reached the harbour office in Lindenau, March 10, 2024.")
    reached = one("d", "The flood water rose and reached the harbour office in Lindenau, March 11, 2024.")
    assert _unlinked_conflicts(water, reached), "the control must clash"  # type: ignore[arg-type]


def test_a_bare_number_next_to_what_befell_people_counts_them() -> None:
    from blickwinkel.compare.counted_values import counted

    s = make_article(
        "a",
        ["The storm killed 12 people and injured 40 in the harbour town."],
        {0: {"quantities": (qty("12 people", 12, "people"), qty("40", 40, ""))}},
    ).statements[0]
    assert [(q.text, q.unit) for q in counted(s)] == [("12 people", "dead"), ("40", "injured")]
    dated = make_article(
        "a", ["The 2009 storm killed two people."], {0: {"quantities": (qty("2009", 2009, ""),)}}
    ).statements[0]
    assert [q.unit for q in counted(dated)] == [""]


def test_a_group_named_again_after_a_preposition_is_no_figure() -> None:
    from blickwinkel.compare.counted_values import counted

    s = make_article(
        "a",
        ["The market closed 9 stalls run by the three sisters from Lindenau."],
        {0: {"quantities": (qty("9 stalls", 9, "stall"), qty("three sisters", 3, "sister"))}},
    ).statements[0]
    assert [q.text for q in counted(s)] == ["9 stalls"]
    told = make_article(
        "a", ["Three sisters run the 9 stalls."], {0: {"quantities": (qty("Three sisters", 3, "sister"),)}}
    ).statements[0]
    assert [q.text for q in counted(told)] == ["Three sisters"]


def _read(text: str, aid: str, language: str = "de") -> Statement:
    from blickwinkel.analyse.quantities import find_quantities

    quantities = tuple(find_quantities(text, language))
    return Statement(f"{aid}#1", aid, text, 0, len(text), quantities=quantities, language=language)


def _sentences(aid: str, *texts: str) -> list[Statement]:
    """Statements of one English article, one per sentence, at their offsets."""
    out, at = [], 0
    for n, text in enumerate(texts, start=1):
        s = _read(text, aid, "en")
        moved = tuple(replace(q, start=q.start + at, end=q.end + at) for q in s.quantities)
        out.append(replace(s, id=f"{aid}#{n}", start=at, end=at + len(text), quantities=moved))
        at += len(text) + 1
    return out


def test_a_share_of_one_count_given_two_ways_is_a_conflict() -> None:
    from blickwinkel.compare.clashes import share_conflict

    found = share_conflict(
        _read("Laut der Kammer trifft es 41 Prozent, also 1,7 Millionen Menschen.", "a"),
        _read("Die Kammer zählt 1,7 Millionen Menschen oder 44 Prozent der Beschäftigten.", "b"),
    )
    assert found is not None and found[2]  # the count is what they agree in
    assert (found[0].found.text, found[1].found.text) == (
        "41 Prozent, also 1,7 Millionen Menschen",
        "1,7 Millionen Menschen oder 44 Prozent",
    )
    english = share_conflict(
        _read("In farming the share was 12 percent, or 312,000 workers.", "a", "en"),
        _read("Farming had 312,000 workers on leave, or 15 percent of its staff.", "b", "en"),
    )
    assert english is not None


def test_one_share_of_two_counts_is_a_conflict_on_the_count() -> None:
    from blickwinkel.compare.clashes import share_conflict

    found = share_conflict(
        _read("Bei den Bergwerken sind 2,3 Prozent (48.000) der Belegschaft betroffen.", "a"),
        _read("Die Bergwerke melden 9.000 Arbeiter oder 2,3 Prozent der Beschäftigten.", "b"),
    )
    assert found is not None and not found[2]
    assert (found[0].found.text, found[1].found.text) == (
        "2,3 Prozent (48.000)",
        "9.000 Arbeiter oder 2,3 Prozent",
    )


def test_a_rounded_share_or_a_round_figure_both_give_is_no_share_conflict() -> None:
    from blickwinkel.compare.clashes import share_conflict

    # 41,3 per cent told as 41: rounding
    assert (
        share_conflict(
            _read("Laut der Kammer trifft es 41 Prozent, also 1,7 Millionen Menschen.", "a"),
            _read("Die Kammer zählt 1,7 Millionen Menschen oder 41,3 Prozent.", "b"),
        )
        is None
    )
    # "2 Millionen" in two sectors: a round figure ties nothing
    assert (
        share_conflict(
            _read("Laut der Kammer trifft es 41 Prozent, also 2 Millionen Menschen.", "a"),
            _read("Im Handel sind es 2 Millionen Menschen oder 30 Prozent.", "b"),
        )
        is None
    )


def test_a_share_is_read_with_the_count_next_to_it_only() -> None:
    from blickwinkel.compare.clashes import shares

    s = _read(
        "In der Landwirtschaft waren es 1,2 Millionen Menschen, oder 17 Prozent, im Handel 0,9 Millionen.",
        "a",
    )
    assert [(x.count.text, x.percent.text) for x in shares(s)] == [("1,2 Millionen Menschen", "17 Prozent")]
    assert shares(_read("Die Quote stieg von 12 Prozent im Jahr 2019 auf 14 Prozent.", "a")) == []


def test_another_count_of_what_befell_people_is_whole_when_nothing_before_counts_it() -> None:
    from blickwinkel.compare.counted_values import whole_counts_after_another

    first, second = _sentences(
        "a",
        "A gas blast killed 12 people in a market hall on Friday, police said.",
        "Another 40 people were injured, the fire service said.",
    )
    assert whole_counts_after_another([first, second]) == {("a", second.quantities[0].start)}
    # "another" that adds to a count of the same thing: no whole count
    hurt, second = _sentences(
        "a",
        "A gas blast injured 12 people in a market hall on Friday, police said.",
        "Another 40 people were injured, the fire service said.",
    )
    assert whole_counts_after_another([hurt, second]) == frozenset()


def test_a_place_that_names_a_news_agency_is_no_place_of_the_event() -> None:
    from blickwinkel.compare.slots import _places

    text = "Another 40 people were injured in Oldgate, the official Tarnow news agency said."
    at, there = text.index("Tarnow"), text.index("Oldgate")
    agency = Mention("Tarnow", at, at + 6, "LOC", "loc:tarnow")
    place = Mention("Oldgate", there, there + 7, "LOC", "loc:oldgate")
    s = Statement("a#1", "a", text, 0, len(text), entities=(agency, place))
    assert _places(s) == {"loc:oldgate"}


def test_the_other_of_a_group_counted_before_is_no_whole_count() -> None:
    from blickwinkel.compare.counted_values import whole_counts_after_another

    first, second = _sentences(
        "a",
        "For six of the passengers the inquest found that help came too late.",
        "The other six died at once, the coroner said.",
    )
    assert whole_counts_after_another([first, second]) == frozenset()


def test_a_weekday_beside_a_moment_some_days_before_is_no_weekday_conflict() -> None:
    assert (
        weekday_conflict(
            english("In Lindenau on Monday, funerals began for the 12 who died in the fire two days before."),
            english("A fire broke out on Saturday in a hostel in Lindenau, where 12 people died.", "b"),
        )
        is None
    )
    # "days before" a future moment is no second moment of the event
    assert (
        weekday_conflict(
            english("A worker was crushed on Wednesday by a falling beam at the Lindenau stadium."),
            english("A worker was crushed on Thursday by a beam, just days before the stadium opens.", "b"),
        )
        is not None
    )


def test_two_tolls_on_two_weekdays_are_two_days_not_a_weekday_conflict() -> None:
    found = conflicts_of(
        "More than 50 people died when shells hit Oldgate on Tuesday, monitors said.",
        "More than 60 people died when shells hit Oldgate on Sunday, monitors said.",
        {"quantities": (qty("More than 50 people", 50, "person", True),)},
        {"quantities": (qty("More than 60 people", 60, "person", True),)},
    )
    assert not [f for f in found if f.startswith("date")], found
