"""Conflict rules of the eighteenth session, each on sentences we invented (the need was seen on the
tuning half of examples/gold-real/conflicts2, or named as a known gap): a figure in a negated clause,
running totals told so in more languages, the first and the last of a series, a day's count of new
cases, and Turkish "kadar" after a figure in the dative (which the analysis reads since the same
session)."""

from __future__ import annotations

from blickwinkel.compare.counted_values import (
    as_of_now,
    day_increment,
    two_occurrences,
)
from tests.unit.test_second_conflict_set import clash, statements


def test_a_figure_in_a_negated_clause_is_no_count_of_what_happened() -> None:
    for left, right, language in [
        ("The club did not pay the 5 million euros it owed.", "The club paid 3 million euros.", "en"),
        ("The club didn't pay the 5 million euros it owed.", "The club paid 3 million euros.", "en"),
        ("Der Verein hat die 5 Millionen Euro nicht gezahlt.", "Der Verein zahlte 3 Millionen Euro.", "de"),
        ("El club no pagó los 5 millones de euros.", "El club pagó 3 millones de euros.", "es"),
        ("Le club n'a pas payé les 5 millions d'euros.", "Le club a payé 3 millions d'euros.", "fr"),
        ("Firma nie zapłaciła kary w wysokości 300 tys. zł.", "Firma zapłaciła karę 120 tys. zł.", "pl"),
    ]:
        assert clash(left, right, language) is None, left
    # two figures told alike still clash, negated or not
    assert clash("The club paid 5 million euros.", "The club paid 3 million euros.", "en")
    assert clash(
        "The club did not pay the 5 million euros.", "The club did not pay the 3 million euros.", "en"
    )


def test_a_negated_bound_still_clashes_with_a_figure_it_does_not_meet() -> None:
    # (which figures are negated is the analysis' reading: tests/unit/test_quantities.py)
    assert clash("Not more than 30 people came to the meeting.", "45 people came to the meeting.", "en")


def test_running_totals_told_so_in_other_languages_are_counts_as_of_a_moment() -> None:
    for text, language in [
        ("Od początku sezonu do schroniska trafiło 210 psów.", "pl"),
        ("Od wydania poprzedniego komunikatu do schroniska trafiło 14 psów.", "pl"),
        ("Hasta ahora el refugio ha recibido 210 perros.", "es"),
        ("Depuis le début de la saison, le refuge a accueilli 210 chiens.", "fr"),
        ("Finora il rifugio ha accolto 210 cani.", "it"),
        ("Şimdiye kadar barınağa 210 köpek geldi.", "tr"),
    ]:
        (s,) = statements([text], language)
        assert as_of_now(s), text
    (s,) = statements(["W sobotę do schroniska trafiło 12 psów."], "pl")
    assert not as_of_now(s)


def test_the_first_and_the_last_of_a_series_are_two_occurrences() -> None:
    def pair(left: str, right: str, language: str) -> bool:
        a, b = statements([left, right], language)
        return two_occurrences(a, b)

    series = [
        ("At the last market of the season, 72 stalls were open.", "The first market had 64 stalls.", "en"),
        ("Beim letzten Markt der Saison waren 72 Stände offen.", "Der erste Markt hatte 64 Stände.", "de"),
        (
            "Au dernier marché, 72 exposants étaient présents.",
            "Le premier marché a réuni 64 exposants.",
            "fr",
        ),
        ("The next market will have 80 stalls.", "The first market had 64 stalls.", "en"),
    ]
    for left, right, language in series:
        assert pair(left, right, language), left
    moments = [
        # "last" pointing back from now names a moment, not one of a series
        ("Last week's market had 72 stalls.", "The first market of the season had 64 stalls.", "en"),
        ("La semaine dernière, 72 exposants étaient là.", "Le premier marché a réuni 64 exposants.", "fr"),
        ("For the first time, 72 stalls were open.", "At the last market, 64 stalls were open.", "en"),
        ("The first market had 72 stalls.", "The first market had 64 stalls.", "en"),
        ("The first market had 72 stalls.", "The market had 64 stalls.", "en"),
    ]
    for left, right, language in moments:
        assert not pair(left, right, language), left


def test_a_day_s_count_of_new_cases_is_one_day_s() -> None:
    for left, right, language in [
        (
            "The health office counted 420 new measles cases in the past 24 hours.",
            "The health office counted 380 new measles cases.",
            "en",
        ),
        (
            "W ciągu doby sanepid odnotował 420 nowych zachorowań na odrę.",
            "Sanepid odnotował 380 nowych zachorowań na odrę.",
            "pl",
        ),
    ]:
        assert clash(left, right, language) is None, left
    # both of one named day: one count, told two ways
    assert clash(
        "On Tuesday the health office counted 420 new measles cases in the past 24 hours.",
        "On Tuesday the health office counted 380 new measles cases.",
        "en",
    )
    # a rate is no day's count
    (s,) = statements(["The new ferry carries 300 cars a day."], "en")
    assert not any(day_increment(q, s) for q in s.quantities)


def test_turkish_kadar_after_a_dative_figure_is_up_to() -> None:
    # (read by the analysis: analyse/quantities.py, compare/agreement.py)
    exact = "Salon 250 kişi misafir alabiliyor."
    assert clash("Salon 300 kişiye kadar misafir alabiliyor.", exact, "tr") is None
    assert clash("Salon 300 kişi misafir alabiliyor.", exact, "tr")
