"""The one table of words a reader sees (report/texts.py): every key in both languages, the plural
rule, the choice of a report's language, and German reasons, figures and reports of invented
articles."""

from __future__ import annotations

import datetime as dt
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from blickwinkel.config import REPORT_LANGUAGES, load_settings
from blickwinkel.errors import ConfigError
from blickwinkel.model import Conflict, Link, Quantity, Statement
from blickwinkel.report.labels import date_shown, quantity_shown
from blickwinkel.report.reasons import conflict_reason, link_reason
from blickwinkel.report.texts import LANGUAGES, TEXTS, counted, counted_in, report_language, texts


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_key_has_both_languages_with_the_same_placeholders() -> None:
    assert set(TEXTS) == set(LANGUAGES) == {"de", "en"}
    assert TEXTS["de"].keys() == TEXTS["en"].keys()
    for key, english in TEXTS["en"].items():
        german = TEXTS["de"][key]
        assert english.strip() and german.strip(), key
        assert _fields(english) == _fields(german), key


def test_no_key_hides_behind_a_method_of_the_table_in_a_template() -> None:
    # jinja reads t.values as the dict's method: a key named so printed "<built-in method values …>"
    assert not set(TEXTS["en"]) & set(dir(dict))


def test_the_setting_takes_the_table_s_languages() -> None:
    assert set(REPORT_LANGUAGES) == {"auto", *LANGUAGES}


@pytest.mark.parametrize(
    ("count", "key", "language", "expected"),
    [
        (1, "articles", "de", "1 Artikel"),
        (2, "articles", "de", "2 Artikel"),
        (1, "facts", "de", "1 Fakt"),
        (2, "facts", "de", "2 Fakten"),
        (0, "facts", "de", "0 Fakten"),
        (1, "named_outlets", "de", "1 Medium"),
        (3, "named_outlets", "de", "3 Medien"),
        (1, "independent_sources", "de", "1 unabhängige Quelle"),
        (2, "independent_sources", "de", "2 unabhängige Quellen"),
        (2, "in_articles", "de", "2 Artikeln"),
        (1, "more_facts", "de", "1 weiterer Fakt"),
        (4, "more_facts", "de", "4 weitere Fakten"),
        (1, "statements", "de", "1 Aussage"),
        (1, "articles", "en", "1 article"),
        (2, "articles", "en", "2 articles"),
        (1, "facts", "en", "1 fact"),
        (0, "facts", "en", "0 facts"),
        (1, "independent_sources", "en", "1 independent source"),
        (2, "facts", "fr", "2 facts"),  # a language the table has not: English
    ],
)
def test_counts_take_the_plural_form_of_their_language(
    count: int, key: str, language: str, expected: str
) -> None:
    assert counted_in(count, key, language) == expected


@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(sorted(LANGUAGES)))
def test_one_takes_the_singular_and_every_other_count_the_plural(count: int, language: str) -> None:
    words = texts(language)
    noun = counted_in(count, "facts", language).split(" ", 1)[1]
    assert noun == (words["facts_one"] if count == 1 else words["facts"])
    assert counted(count, "story", "stories") == f"{count} {'story' if count == 1 else 'stories'}"


@pytest.mark.parametrize(
    ("languages", "chosen", "expected"),
    [
        (["de", "de", "en"], "auto", "de"),
        (["de", "en"], "auto", "de"),  # a tie: German first
        (["en", "en", "de"], "auto", "en"),
        (["fr", "es"], "auto", "en"),  # neither: English
        ([None, "de-DE"], None, "de"),
        ([], "auto", "en"),
        (["de", "de"], "en", "en"),  # asked for
        (["en"], "de", "de"),
    ],
)
def test_a_report_is_written_in_the_language_most_articles_are_in(
    languages: list[str | None], chosen: str | None, expected: str
) -> None:
    assert report_language(languages, chosen) == expected


def test_the_setting_takes_auto_de_or_en_only() -> None:
    assert load_settings({"report_language": "de"}).report_language == "de"
    assert load_settings({}).report_language == "auto"
    with pytest.raises(ConfigError, match="report_language"):
        load_settings({"report_language": "fr"})


# --- reasons (invented articles a and b) ----------------------------------------------------------------

A = Statement("a#1", "a", "Die Fähre legte am Montag mit 230 Passagieren ab.", 0, 49)
B = Statement("b#1", "b", "Die Fähre legte am Dienstag mit 250 Passagieren ab.", 0, 50)
STATEMENTS = {s.id: s for s in (A, B)}
LABELS = {"a": "Kurier Ost", "b": "Tagesblatt"}


def _conflict(kind: str, reason: str) -> Conflict:
    return Conflict("c1", kind, "f1", ("a#1", "b#1"), ("x", "y"), reason, ((0, 1), (0, 1)))


@pytest.mark.parametrize(
    ("kind", "reason", "german"),
    [
        (
            "quantity",
            "passenger: '230 Passagieren' in a vs '250 Passagieren' in b",
            "Zahl: „230 Passagieren“ in Kurier Ost gegenüber „250 Passagieren“ in Tagesblatt",
        ),
        (
            "date",
            "date: 'am Montag' (2031-03-03) in a vs 'am Dienstag' (2031-03-04) in b",
            "Datum: „am Montag“ (03.03.2031) in Kurier Ost gegenüber „am Dienstag“ (04.03.2031) in "
            "Tagesblatt",
        ),
        (  # what befell people and money are named (nineteenth session): the values may not say it
            "quantity",
            "injured: '230' in a vs '250 people' in b",
            "Verletzte: „230“ in Kurier Ost gegenüber „250 people“ in Tagesblatt",
        ),
        (
            "quantity",
            "sum in the same wording: '230 Euro' in a vs '250 Euro' in b",
            "Betrag bei gleichem Wortlaut: „230 Euro“ in Kurier Ost gegenüber „250 Euro“ in Tagesblatt",
        ),
        (
            "quantity",
            "number in the same wording: '230' in a vs '250' in b",
            "Zahl bei gleichem Wortlaut: „230“ in Kurier Ost gegenüber „250“ in Tagesblatt",
        ),
        (
            "date",
            "weekday: 'Montag' in a vs 'Dienstag' in b",
            "Wochentag: „Montag“ in Kurier Ost gegenüber „Dienstag“ in Tagesblatt",
        ),
        (
            "negation",
            "confirmed/denied: 'bestätigte' in a vs 'dementierte' in b",
            "bestätigt/dementiert: „bestätigte“ in Kurier Ost gegenüber „dementierte“ in Tagesblatt",
        ),
        (
            "negation",
            "negation: a says it did not happen, b that it did",
            "Verneinung: laut Kurier Ost ist es nicht geschehen, laut Tagesblatt doch",
        ),
        (
            "speaker",
            "speaker: the same quote is Jana Roth's in a and Olaf Brink's in b",
            "Sprecher: dasselbe Zitat stammt in Kurier Ost von Jana Roth, in Tagesblatt von Olaf Brink",
        ),
        (
            "quantity",
            "share of the same '1,2 Millionen Menschen': '18 Prozent' in a vs '19 Prozent' in b",
            "Anteil an derselben Zahl „1,2 Millionen Menschen“: „18 Prozent“ in Kurier Ost gegenüber „19 "
            "Prozent“ in Tagesblatt",
        ),
        # a shape the report does not know stays as the compare stage wrote it, its ids labelled
        ("detail", "something new: in a and b", "something new: in Kurier Ost and Tagesblatt"),
    ],
)
def test_a_conflict_reason_is_said_in_german(kind: str, reason: str, german: str) -> None:
    conflict = _conflict(kind, reason)
    assert conflict_reason(conflict, STATEMENTS, LABELS, "de") == german
    # in English the reason is the compare stage's, its ids labelled, as before
    english = conflict_reason(conflict, STATEMENTS, LABELS, "en")
    assert english == reason.replace(" a ", " Kurier Ost ").replace(" b", " Tagesblatt")


def test_a_link_reason_is_said_in_german_with_decimal_commas() -> None:
    link = Link(
        "a#1", "b#1", 0.873, {"meaning": 0.71, "wording": 0.6, "lemmas": 0.5, "names": 1.0, "numbers": -1.0}
    )
    assert link_reason(link, "de") == (
        "Wahrscheinlichkeit 0,87, Bedeutung 0,71, Wortlaut 0,60, gemeinsame Wörter 0,50, gleiche Namen, "
        "Zahlen weichen ab"
    )
    assert link_reason(link) == (
        "probability 0.87, meaning 0.71, wording 0.60, shared words 0.50, same names, numbers differ"
    )


# --- a quantity as the article writes it ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit", "language", "shown"),
    [
        ("230 passengers", 230.0, "passenger", "en", "230 passengers"),
        ("40 Bäume", 40.0, "Baum", "de", "40 Bäume"),
        ("zwei Millionen Euro", 2e6, "EUR", "de", "2 Millionen Euro"),
        ("zwei Millionen Euro", 2e6, "EUR", "en", "2 million Euro"),
        ("1 Million Menschen", 1e6, "Mensch", "de", "1 Million Menschen"),
        ("2,5 Milliarden Euro", 2.5e9, "EUR", "de", "2,5 Milliarden Euro"),
        ("20 Prozent", 20.0, "%", "de", "20 %"),  # a unit's sign, not the noun
        ("12.500 Fans", 12500.0, "Fan", "de", "12.500 Fans"),
        ("3.000 Pendler", 3000.0, "Pendler", "de", "3000 Pendler"),
        ("1.234.567,5 Euro", 1234567.5, "EUR", "de", "1.234.567,5 Euro"),
        ("12,500 fans", 12500.0, "fan", "en", "12500 fans"),
        ("x", 2e6, "EUR", "en", "2 million EUR"),  # no word to take: the label
    ],
)
def test_a_quantity_shows_the_counted_noun_as_written(
    text: str, value: float, unit: str, language: str, shown: str
) -> None:
    assert quantity_shown(Quantity(text, 0, len(text), value, unit), language) == shown


@pytest.mark.parametrize(
    ("value", "language", "shown"),
    [
        ("2031-03-04", "de", "04.03.2031"),
        ("2031-03-04", "en", "2031-03-04"),  # as the JSON writes it
        ("2031-03", "de", "2031-03"),  # a month alone stays
        ("2031", "de", "2031"),
        (dt.date(2031, 12, 1), "de", "01.12.2031"),
    ],
)
def test_a_day_is_written_as_the_report_s_language_writes_it(
    value: dt.date | str, language: str, shown: str
) -> None:
    assert date_shown(value, language) == shown


@given(
    reason=st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=80),
    kind=st.sampled_from(["quantity", "date", "negation", "speaker", "actor", "detail", "other"]),
    ids=st.lists(st.text(min_size=1, max_size=8), min_size=2, max_size=2, unique=True),
)
def test_any_reason_is_shown_in_either_language_without_failing(
    reason: str, kind: str, ids: list[str]
) -> None:
    # a reason of a shape the German report does not know, or a stored comparison's odd one, is shown
    # (as written, its ids labelled) and never fails the report
    a, b = (Statement(f"{i}#1", i, "x", 0, 1) for i in ids)
    conflict = Conflict("c1", kind, "f1", (a.id, b.id), (), reason, ())
    statements = {a.id: a, b.id: b}
    labels = {ids[0]: "A", ids[1]: "B"}
    assert isinstance(conflict_reason(conflict, statements, labels, "de"), str)
    assert conflict_reason(conflict, statements, labels, "en") == conflict_reason(
        conflict, statements, labels
    )


def test_every_genre_an_article_is_given_has_a_word_in_both_languages() -> None:
    # An article whose own voice is a third to a half opinion has the genre "opinion": the German report
    # printed it in English ("· opinion · Meinung 44 %"), where "report" and "commentary" had words.
    from blickwinkel.analyse.subjectivity import article_genre

    genres = {article_genre([score] * 10, ["reporting"] * 10)[1] for score in (0.0, 0.4, 0.9)}
    genres |= {article_genre([1.0] * 4 + [0.0] * 6, ["reporting"] * 10)[1]}
    assert genres == {"report", "opinion", "commentary"}
    for genre in genres:
        assert f"genre_{genre}" in TEXTS["de"] and f"genre_{genre}" in TEXTS["en"], genre
