"""Date phrases resolved against the publication date, on invented German and English sentences."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from blickwinkel.analyse.dates import anchor_from_others, date_span, dates_agree, find_dates
from blickwinkel.model import DateMention

THURSDAY = dt.date(2024, 1, 25)  # the anchor of the example contract: a Thursday


def resolve(
    text: str, language: str = "de", anchor: dt.date | None = THURSDAY
) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in find_dates(text, language, anchor=anchor)]


def one(text: str, language: str = "de", anchor: dt.date | None = THURSDAY) -> DateMention:
    found = find_dates(text, language, anchor=anchor)
    assert len(found) == 1, found
    return found[0]


def test_example_contract() -> None:
    text = "Am Mittwoch bestätigte das Amt, was am Dienstag geschehen war."
    assert resolve(text) == [("Am Mittwoch", "2024-01-24"), ("am Dienstag", "2024-01-23")]


# --- absolute -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Der Vertrag vom 25.01.2024 gilt.", "2024-01-25"),
        ("Der Vertrag vom 5.1.24 gilt.", "2024-01-05"),
        ("Die Sitzung am 25. Januar 2024 fiel aus.", "2024-01-25"),
        ("Die Sitzung am 25. Jan. 2024 fiel aus.", "2024-01-25"),
        ("Die Sitzung am 25.Januar 2024 fiel aus.", "2024-01-25"),
        ("Die Datei trägt das Datum 2024-01-25.", "2024-01-25"),
        ("Im Januar 2024 wurde gewählt.", "2024-01"),
        ("Ende März 2023 wurde gewählt.", "2023-03"),
        ("Im Jahr 2014 wurde gewählt.", "2014"),
        ("Seit 2014 gilt die Regel.", "2014"),
        ("Bis 2030 soll sie fertig sein.", "2030"),
        ("Ende 2023 war es so weit.", "2023"),
        ("Im Sommer 2019 war es heiß.", "2019"),
    ],
)
def test_german_absolute_dates(text: str, value: str) -> None:
    mention = one(text)
    assert mention.value == value
    assert mention.inferred is False


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("It was signed on January 24, 2024.", "2024-01-24"),
        ("It was signed on Jan. 24, 2024.", "2024-01-24"),
        ("It was signed on 24 January 2024.", "2024-01-24"),
        ("It was signed on the 24th of January 2024.", "2024-01-24"),
        ("It was signed in January 2024.", "2024-01"),
        ("It was signed in 2014.", "2014"),
        ("It has been closed since 2019.", "2019"),
    ],
)
def test_english_absolute_dates(text: str, value: str) -> None:
    assert one(text, "en").value == value


def test_absolute_dates_need_no_anchor_and_are_never_inferred() -> None:
    mention = find_dates("Am 25. Januar 2024 tagte der Rat.", "de", anchor=None, inferred=True)[0]
    assert (mention.value, mention.inferred) == ("2024-01-25", False)


@pytest.mark.parametrize(
    "text",
    [
        "2014 wurde die Brücke gebaut.",  # a bare year without a date word
        "Die Strafe beträgt bis 2000 Euro.",  # an amount after "bis"
        "Sie kamen am Morgen.",  # the morning, not tomorrow
        "Er trat 14.30 Uhr an.",
        "Die Zahl stieg auf 2.500 Menschen.",
        "Der Kaiser August regierte lange.",
    ],
)
def test_german_non_dates(text: str) -> None:
    assert find_dates(text, "de", anchor=THURSDAY) == []


def test_english_may_is_a_month_only_as_a_name() -> None:
    assert resolve("You may leave now.", "en") == []
    # (the past tense puts it before the publication in January: last May)
    assert resolve("In May the ferry stopped.", "en") == [("In May", "2023-05")]


# --- relative -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Am Donnerstag wurde gewählt.", "2024-01-25"),  # the anchor's own weekday counts as that day
        ("Donnerstag wurde gewählt.", "2024-01-25"),
        ("Am vergangenen Donnerstag wurde gewählt.", "2024-01-18"),
        ("Am Freitag wurde gewählt.", "2024-01-19"),
        ("Am kommenden Montag wird gewählt.", "2024-01-29"),
        ("Am nächsten Donnerstag wird gewählt.", "2024-02-01"),
        ("Mittwochabend wurde gewählt.", "2024-01-24"),
        ("In der Nacht zu Mittwoch brannte es.", "2024-01-24"),
        ("Heute wird gewählt.", "2024-01-25"),
        ("Gestern Abend wurde gewählt.", "2024-01-24"),
        ("Vorgestern wurde gewählt.", "2024-01-23"),
        ("Die Wahl ist morgen.", "2024-01-26"),
        ("Die Wahl ist übermorgen.", "2024-01-27"),
        ("Vor drei Tagen wurde gewählt.", "2024-01-22"),
        ("Vor zwei Wochen wurde gewählt.", "2024-01-11"),
        ("Vor einem Monat wurde gewählt.", "2023-12"),
        ("Vor einem Jahr wurde gewählt.", "2023"),
        ("Anfang Januar wurde gewählt.", "2024-01"),
        ("Mitte Januar wurde gewählt.", "2024-01"),
        ("Ende Dezember wurde gewählt.", "2023-12"),  # rolls back to the previous year
        ("Am 28. Dezember wurde gewählt.", "2023-12-28"),
        ("Am 28.12. wurde gewählt.", "2023-12-28"),
        ("Im März wird gewählt.", "2024-03"),  # nearest to the anchor: the coming March
        ("Im August wurde gewählt.", "2023-08"),
        ("Seit März wird gebaut.", "2023-03"),  # "seit" looks back
        ("Anfang dieses Monats wurde gewählt.", "2024-01"),
        ("Im vergangenen Monat wurde gewählt.", "2023-12"),
        ("Im vergangenen Jahr wurde gewählt.", "2023"),
        ("Letztes Jahr wurde gewählt.", "2023"),
        ("Ende vergangenen Jahres wurde gewählt.", "2023"),
        ("Im Vorjahr wurde gewählt.", "2023"),
        ("In diesem Jahr wird gewählt.", "2024"),
        ("Im kommenden Jahr wird gewählt.", "2025"),
        ("Letzte Woche wurde gewählt.", "2024-W03"),
        ("In der vergangenen Woche wurde gewählt.", "2024-W03"),
        ("Diese Woche wird gewählt.", "2024-W04"),
        ("Am vergangenen Wochenende wurde gewählt.", "2024-W03"),
    ],
)
def test_german_relative_dates(text: str, value: str) -> None:
    assert one(text).value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("On Wednesday the council met.", "2024-01-24"),
        ("On Tuesday the council met.", "2024-01-23"),
        ("Last Thursday the council met.", "2024-01-18"),
        ("Next Monday the council meets.", "2024-01-29"),
        ("The council met today.", "2024-01-25"),
        ("The council met yesterday.", "2024-01-24"),
        ("The council met last night.", "2024-01-24"),
        ("The council meets tomorrow.", "2024-01-26"),
        ("The council met two weeks ago.", "2024-01-11"),
        ("The council met three days ago.", "2024-01-22"),
        ("The council met in early January.", "2024-01"),
        ("The council met in late December.", "2023-12"),
        ("The council met earlier this month.", "2024-01"),
        ("The council met last year.", "2023"),
        ("The council meets this year.", "2024"),
        ("The council met last week.", "2024-W03"),
    ],
)
def test_english_relative_dates(text: str, value: str) -> None:
    assert one(text, "en").value == value


def test_weekday_without_anchor_is_found_but_unresolved() -> None:
    mention = one("Am Mittwoch wurde gewählt.", anchor=None)
    assert (mention.text, mention.value, mention.inferred) == ("Am Mittwoch", None, False)
    assert one("On Tuesday it rained.", "en", anchor=None).value is None


def test_weekday_resolution_moves_with_the_anchor() -> None:
    assert one("Am Mittwoch wurde gewählt.", anchor=dt.date(2024, 1, 29)).value == "2024-01-24"
    assert one("Am Mittwoch wurde gewählt.", anchor=dt.date(2024, 1, 2)).value == "2023-12-27"


def test_inferred_is_set_only_on_anchor_dependent_values() -> None:
    found = find_dates("Am Mittwoch, nicht am 3. März 2023.", "de", anchor=THURSDAY, inferred=True)
    assert [(d.value, d.inferred) for d in found] == [("2024-01-24", True), ("2023-03-03", False)]


def test_year_range_gives_two_years() -> None:
    assert [d.value for d in find_dates("Von 2014 bis 2016 wurde gebaut.", "de", anchor=None)] == [
        "2014",
        "2016",
    ]


def test_weekday_with_date_is_one_mention() -> None:
    assert resolve("Am Mittwoch, dem 24. Januar, wurde gewählt.") == [
        ("Am Mittwoch, dem 24. Januar", "2024-01-24")
    ]


def test_offsets_index_the_article_text() -> None:
    article = "Titel\n\nGestern und am Dienstag regnete es."
    start = article.index("Gestern")
    found = find_dates(article[start:], "de", anchor=THURSDAY, offset=start)
    assert [article[d.start : d.end] for d in found] == ["Gestern", "am Dienstag"]


def test_unsupported_language_yields_nothing() -> None:
    assert find_dates("W zeszłą środę", "pl", anchor=THURSDAY) == []
    assert [d.value for d in find_dates("Mercoledì scorso", "it", anchor=THURSDAY)] == ["2024-01-24"]
    assert [d.value for d in find_dates("Mercredi dernier", "fr", anchor=THURSDAY)] == ["2024-01-24"]


# --- helpers --------------------------------------------------------------------------------------


def test_anchor_from_others_takes_the_median_date() -> None:
    days = [dt.date(2024, 1, 25), None, dt.date(2024, 1, 24), dt.date(2024, 3, 1)]
    assert anchor_from_others(days) == dt.date(2024, 1, 25)
    assert anchor_from_others([dt.date(2024, 1, 24), dt.date(2024, 1, 26)]) == dt.date(2024, 1, 24)
    assert anchor_from_others([None, None]) is None
    assert anchor_from_others([]) is None


def test_date_span_and_agreement() -> None:
    assert date_span("2024-01-24") == (dt.date(2024, 1, 24), dt.date(2024, 1, 24))
    assert date_span("2024-02") == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert date_span("2024-W04") == (dt.date(2024, 1, 22), dt.date(2024, 1, 28))
    assert date_span("2024") == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert date_span("2024-13") is None
    assert date_span(None) is None
    day = one("Am Mittwoch wurde gewählt.")
    assert dates_agree(day, one("Diese Woche wurde gewählt.")) is True
    assert dates_agree(day, one("Im Januar 2024 wurde gewählt.")) is True
    assert dates_agree(day, one("Am Dienstag wurde gewählt.")) is False
    assert dates_agree(day, one("Am Dienstag wurde gewählt.", anchor=None)) is None


# --- properties -----------------------------------------------------------------------------------

_PIECES = st.sampled_from(
    ["am", "Am", "Mittwoch", "vergangenen", "25.", "25.01.2024", "Januar", "Jan.", "2024", "im", "Jahr",
     "seit", "vor", "zwei", "Wochen", "gestern", "morgen", "Ende", "Anfang", "letzte", "Woche", "on",
     "Tuesday", "last", "January", "24,", "ago", "days", "2024-01-25", "14.30", ".", ",", " ", "\n"]
)  # fmt: skip
_TEXTS = st.one_of(
    st.lists(_PIECES, max_size=12).map(" ".join),
    st.lists(_PIECES, max_size=12).map("".join),
    st.text(max_size=80),
)
_ANCHORS = st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))


@settings(max_examples=300, deadline=None)
@given(text=_TEXTS, language=st.sampled_from(["de", "en"]), anchor=_ANCHORS, offset=st.integers(0, 50))
def test_offsets_always_slice_back(text: str, language: str, anchor: dt.date | None, offset: int) -> None:
    article = "x" * offset + text
    for mention in find_dates(text, language, anchor=anchor, offset=offset):
        assert article[mention.start : mention.end] == mention.text
        assert mention.value is None or date_span(mention.value) is not None


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=200), language=st.sampled_from(["de", "en", "fr"]), anchor=_ANCHORS)
def test_never_raises_on_arbitrary_text(text: str, language: str, anchor: dt.date | None) -> None:
    find_dates(text, language, anchor=anchor, inferred=True)


def test_extreme_anchors_do_not_raise() -> None:
    for anchor in (dt.date.min, dt.date.max):
        find_dates("Am Mittwoch, gestern, vor 3 Tagen, letzte Woche, im Januar, am 3. März.", anchor=anchor)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # an announced weekday is the coming one (both went to the week before the article)
        ("The pier will reopen on Monday.", "2025-06-16"),
        ("The vote is due to take place on Friday.", "2025-06-20"),
        # a plan or a pledge (both went to the week before too)
        ("The islanders vowed to hold the ballot on Friday.", "2025-06-20"),
        ("The ballot planned for Friday will be counted by hand.", "2025-06-20"),
        ("The rally set for Tuesday drew no permit.", "2025-06-17"),
        # the past and other clauses keep the past-leaning rule
        ("The islanders held the ballot on Friday.", "2025-06-13"),
        ("The pier reopened on Monday.", "2025-06-09"),
        ("The mayor, who will retire soon, said on Monday that the pier stays shut.", "2025-06-09"),
        ('"We will reopen it," she said on Monday.', "2025-06-09"),
    ],
)
def test_english_future_weekday_is_the_coming_one(text: str, value: str) -> None:
    sunday = dt.date(2025, 6, 15)
    assert [d.value for d in find_dates(text, "en", anchor=sunday)] == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a future in the weekday's clause, before or after it: the coming one (all went back a week)
        ("Am Montag will der Kreistag über die neue Fähre abstimmen.", "2025-06-16"),
        ("Die Fähre soll am Freitag wieder fahren.", "2025-06-20"),
        ("Am Dienstag wird der Bericht des Gutachters vorgestellt.", "2025-06-17"),
        ("Der Verband teilte mit, dass er am Mittwoch entscheiden werde.", "2025-06-18"),
        ("Kommenden Dienstag beginnt die Anhörung.", "2025-06-17"),
        # past forms, a reported past and other clauses keep the past-leaning rule
        ("Am Montag hatte der Kreistag abgestimmt.", "2025-06-09"),
        ("Der Fahrer soll am Montag zwei Poller gerammt haben.", "2025-06-09"),
        ("Am Montag wurde bekannt, dass die Fähre verkauft werden soll.", "2025-06-09"),
        ("Am Montag sagte die Ministerin nichts dazu.", "2025-06-09"),
    ],
)
def test_german_future_weekday_is_the_coming_one(text: str, value: str) -> None:
    sunday = dt.date(2025, 6, 15)
    assert [d.value for d in find_dates(text, "de", anchor=sunday)] == [value]


def test_english_next_weekday_and_will_on_a_weekday_are_ahead() -> None:
    sunday = dt.date(2025, 6, 15)
    assert [d.value for d in find_dates("The hearing opens next Tuesday.", "en", anchor=sunday)] == [
        "2025-06-17"
    ]
    said = "The agency said it will publish its findings on Thursday."
    assert [d.value for d in find_dates(said, "en", anchor=sunday)] == ["2025-06-19"]


@pytest.mark.parametrize(
    ("text", "language", "values"),
    [
        ("Le 25 janvier 2024, la digue a cédé.", "fr", ["2024-01-25"]),
        ("Le rapport du 25/01/2024 est clair.", "fr", ["2024-01-25"]),
        ("En mars 2024, le pont a rouvert.", "fr", ["2024-03"]),
        ("Les habitants ont été évacués mardi.", "fr", ["2025-06-10"]),
        ("Le conseil votera mardi prochain.", "fr", ["2025-06-17"]),
        ("La préfecture a publié le rapport dimanche dernier.", "fr", ["2025-06-08"]),
        ("Hier, l'eau est montée ; demain elle baissera.", "fr", ["2025-06-14", "2025-06-16"]),
        ("El 25 de enero de 2024 empezó la crecida.", "es", ["2024-01-25"]),
        ("En marzo de 2024 reabrió el puente.", "es", ["2024-03"]),
        ("Los vecinos fueron evacuados el martes.", "es", ["2025-06-10"]),
        ("El próximo martes votará el consejo.", "es", ["2025-06-17"]),
        ("Ayer subió el agua y mañana bajará.", "es", ["2025-06-14", "2025-06-16"]),
        ("Por la mañana subió el agua.", "es", []),
    ],
)
def test_french_and_spanish_dates(text: str, language: str, values: list[str]) -> None:
    # French and Spanish text gave no dates at all.
    sunday = dt.date(2025, 6, 15)
    assert [d.value for d in find_dates(text, language, anchor=sunday)] == values


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("Le conseil votera mardi.", "fr", "2025-06-17"),
        ("Les élus se prononceront mardi.", "fr", "2025-06-17"),
        ("Le conseil va voter mardi.", "fr", "2025-06-17"),
        ("Le maire déclara mardi que la route était fermée.", "fr", "2025-06-10"),
        ("Les habitants ont été évacués mardi.", "fr", "2025-06-10"),
        ("El consejo votará el martes.", "es", "2025-06-17"),
        ("El consejo va a votar el martes.", "es", "2025-06-17"),
        ("El martes, la Guardia Civil informó que la carretera reabrirá.", "es", "2025-06-10"),
    ],
)
def test_french_and_spanish_future_weekday_is_the_coming_one(text: str, language: str, value: str) -> None:
    sunday = dt.date(2025, 6, 15)
    assert [d.value for d in find_dates(text, language, anchor=sunday)] == [value]


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        (
            "Sie zog 2011 nach Lindau und eröffnete am 4. Mai des selben Jahres eine Bäckerei.",
            "de",
            "2011-05-04",
        ),
        (
            "Sie zog 2011 nach Lindau und eröffnete am 4. Mai desselben Jahres eine Bäckerei.",
            "de",
            "2011-05-04",
        ),
        ("She moved to Eastwick in 2009 and opened the shop on June 3 of the same year.", "en", "2009-06-03"),
        # "dieses Jahres" is the year of publication, not the one named before
        ("Im Mai 2009 zog sie um; am 3. Juni dieses Jahres heiratete sie.", "de", "2017-06-03"),
    ],
)
def test_a_day_of_the_same_year_takes_the_year_named_before(text: str, language: str, value: str) -> None:
    # "am 4. Mai des selben Jahres" after "2011" was a May of the publication's year or after.
    found = [d for d in find_dates(text, language, anchor=dt.date(2017, 10, 24)) if len(d.value or "") == 10]
    assert [d.value for d in found] == [value]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The new ferry will be named on Sunday afternoon.", "en"),
        ("The choir is due to sing on Sunday evening.", "en"),
        ("Die neue Fähre wird am Sonntagnachmittag getauft.", "de"),
        ("Der Chor soll am Sonntag um 18 Uhr singen.", "de"),
    ],
)
def test_future_on_the_publication_weekday_is_that_day(text: str, language: str) -> None:
    sunday = dt.date(2025, 6, 15)
    assert [d.value for d in find_dates(text, language, anchor=sunday)] == ["2025-06-15"]


def test_next_weekday_on_the_publication_weekday_is_a_week_later() -> None:
    sunday = dt.date(2025, 6, 15)
    assert [d.value for d in find_dates("The choir sings next Sunday.", "en", anchor=sunday)] == [
        "2025-06-22"
    ]
    assert [d.value for d in find_dates("Am kommenden Sonntag singt der Chor.", "de", anchor=sunday)] == [
        "2025-06-22"
    ]


# A month or day without a year is put nearest the publication date unless the sentence's tense says
# which side it lies on (found by the new user: "In December, … died" in a September article was read
# as the coming December).
AUTUMN = dt.date(2024, 9, 12)


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("In December, twelve anglers died when their boat capsized.", "en", "2023-12"),
        ("In late December a ferry was stranded on a sandbank.", "en", "2023-12"),
        ("On December 28, the old pier collapsed.", "en", "2023-12-28"),
        ("In November a trawler capsized off the headland.", "en", "2023-11"),
        ("The new bridge will open in March.", "en", "2025-03"),
        ("The festival is due to return in early April.", "en", "2025-04"),
        ("Im Dezember waren zwölf Angler ertrunken.", "de", "2023-12"),
        ("Im Dezember sind zwölf Angler ums Leben gekommen.", "de", "2023-12"),
        (
            "Am 28. Dezember stürzte der alte Steg ein, wie die Polizei mitteilte; er war morsch.",
            "de",
            "2023-12-28",
        ),
        ("Im März soll die neue Brücke öffnen.", "de", "2025-03"),
        ("Die Brücke wird im April eröffnet.", "de", "2025-04"),
    ],
)
def test_the_tense_puts_a_month_without_a_year_before_or_after_the_publication(
    text: str, language: str, value: str
) -> None:
    assert one(text, language, anchor=AUTUMN).value == value


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("The company said in March it will cut jobs.", "en", "2024-03"),  # both tenses: nearest
        ("The council meets in December.", "en", "2024-12"),  # no tense marker: nearest
        ("The United Nations council meets in December.", "en", "2024-12"),  # no past in "United"
        ("The festival, planned for late November, draws a hundred boats.", "en", "2024-11"),
        ("Im Dezember wird gewählt.", "de", "2024-12"),  # already after the publication
        ("Im August wurde gewählt.", "de", "2024-08"),  # already before it
        ("Seit Dezember wird gebaut.", "de", "2023-12"),  # "seit" decides, as before
    ],
)
def test_a_month_stays_nearest_where_the_tense_says_nothing_else(
    text: str, language: str, value: str
) -> None:
    assert one(text, language, anchor=AUTUMN).value == value


@pytest.mark.parametrize(
    ("text", "language", "values"),
    [
        ("The mill closed in March last year.", "en", ["2016-03"]),
        ("The mill closed in March of last year.", "en", ["2016-03"]),
        ("The mill reopens in March next year.", "en", ["2018-03"]),
        ("The mill closed on March 3 last year.", "en", ["2016-03-03"]),
        ("The mill opened in May this year.", "en", ["2017-05"]),
        ("Die Mühle schloss im März vergangenen Jahres.", "de", ["2016-03"]),
        ("Die Mühle schloss im März letzten Jahres.", "de", ["2016-03"]),
        ("Die Mühle schloss am 3. März vergangenen Jahres.", "de", ["2016-03-03"]),
        ("Die Mühle öffnet im März kommenden Jahres.", "de", ["2018-03"]),
        ("Die Mühle öffnete im Mai dieses Jahres.", "de", ["2017-05"]),
    ],
)
def test_a_month_with_last_or_next_year_after_it_is_one_date_of_that_year(
    text: str, language: str, values: list[str]
) -> None:
    # "in March last year" was two dates: March nearest the publication (2017-03) and the year 2016
    found = find_dates(text, language, anchor=dt.date(2017, 10, 24))
    assert [d.value for d in found] == values
    assert all(not d.inferred for d in found)


@pytest.mark.parametrize(
    ("text", "language", "values"),
    [
        # a comma and a possessive: last year's winner is no date of March (it was 2016-03)
        ("In March, last year's winner opened the mill.", "en", ["2017-03", "2016"]),
    ],
)
def test_a_year_that_owns_a_noun_is_no_year_of_the_month_before(
    text: str, language: str, values: list[str]
) -> None:
    assert [d.value for d in find_dates(text, language, anchor=dt.date(2017, 10, 24))] == values


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # a weekday with the date written after it is that date, not the weekday nearest the
        # publication (the article came out a week and more after it)
        ("Das Hafenfest fand am vergangenen Sonntag, dem 8. Oktober, statt.", "de"),
        ("Das Hafenfest fand am Sonntag, den 8. Oktober, statt.", "de"),
        ("The harbour festival last Sunday, October 8, was calm.", "en"),
    ],
)
def test_a_weekday_with_its_date_after_it_is_that_date(text: str, language: str) -> None:
    found = find_dates(text, language, anchor=dt.date(2017, 10, 24))
    assert {d.value for d in found} == {"2017-10-08"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Der Stand steht an der Straße des 9. Mai neben dem Brunnen.", "de"),
        ("Die Demo zog über den Platz des 4. Oktober.", "de"),
        ("Le marché se tient rue du 4 septembre.", "fr"),
        ("La marcha llegó a la Avenida 9 de Julio.", "es"),
    ],
)
def test_a_street_named_after_a_day_is_no_date(text: str, language: str) -> None:
    # a street or square named after a day names a place (eighteenth session; our own sentences)
    assert resolve(text, language) == []


def test_a_date_after_a_street_name_and_a_comma_is_still_a_date() -> None:
    assert resolve("Das Fest in der Hauptstraße findet am 9. Mai statt.") == [("am 9. Mai", "2024-05-09")]


@pytest.mark.parametrize(
    ("text", "language", "found"),
    [
        ("Die Sperrung der Brücke vom 3. Mai an trifft die Pendler.", "de", ["3. Mai"]),
        ("Die Straße vom 3. Mai bis zum 10. Juni gesperrt.", "de", ["3. Mai", "10. Juni"]),
        ("La festa si terrà in piazza il 4 novembre.", "it", ["il 4 novembre"]),
        ("El mercado abrirá en la plaza el 4 de noviembre.", "es", ["el 4 de noviembre"]),
    ],
)
def test_a_date_after_a_street_word_but_not_in_its_name_is_still_a_date(
    text: str, language: str, found: list[str]
) -> None:
    # "vom" before a day is "from"; an article before the day makes it a date, not a street's name
    assert [shown for shown, _ in resolve(text, language)] == found
