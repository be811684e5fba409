"""False conflicts of the kinds the tuning half of examples/gold-real/conflicts2 showed (sixteenth
session), each rebuilt on sentences we invented: a Spanish count of people in the feminine ("tres
heridas" of "personas") against the masculine, and a figure aimed at or forecast against a count of
what happened."""

from __future__ import annotations

from collections.abc import Sequence

from blickwinkel.analyse.pipeline import analyse_articles
from blickwinkel.compare.counted_values import aimed_at, quantity_conflict
from blickwinkel.model import Article, Block, Statement


def statements(texts: Sequence[str], language: str) -> list[Statement]:
    articles = [
        Article(
            id=f"a{n}", text=t, blocks=(Block("paragraph", 0, len(t)),), source=f"a{n}.txt", language=language
        )
        for n, t in enumerate(texts)
    ]
    return [analysed.statements[0] for analysed in analyse_articles(articles)]


def clash(left: str, right: str, language: str) -> object:
    a, b = statements([left, right], language)
    return quantity_conflict(a, b, None, None)


def test_a_feminine_count_of_people_is_the_count_the_masculine_gives() -> None:
    # one text gives the injured twice (four in its opening words, three later); three and three agree
    assert (
        clash(
            "Dos muertos y cuatro heridos: el choque del autobús en la sierra dejó dos personas muertas "
            "y tres heridas.",
            "El choque del autobús en la sierra dejó dos muertos y tres heridos, según los bomberos.",
            "es",
        )
        is None
    )
    # a count of the injured in the feminine still clashes with another count of them
    assert clash(
        "La avalancha en la estación de esquí dejó dos personas muertas y cinco heridas.",
        "La avalancha en la estación de esquí dejó dos muertos y nueve heridos.",
        "es",
    )


def test_a_figure_aimed_at_is_no_count_of_what_happened() -> None:
    assert (
        clash(
            "The port expects to handle more than 90 million tonnes of cargo by 2035.",
            "The port handled 31 million tonnes of cargo last year.",
            "en",
        )
        is None
    )
    assert (
        clash(
            "El puerto tiene como objetivo para 2035 mover más de 90 millones de toneladas.",
            "El puerto movió 31 millones de toneladas el año pasado.",
            "es",
        )
        is None
    )
    # two counts of what happened still clash, and so do two forecasts
    assert clash(
        "The port handled 31 million tonnes of cargo last year.",
        "The port handled 38 million tonnes of cargo last year.",
        "en",
    )
    assert clash(
        "The port expects to handle 90 million tonnes of cargo by 2035.",
        "The port expects to handle 70 million tonnes of cargo by 2035.",
        "en",
    )


def test_the_aim_is_read_in_the_figure_s_own_clause() -> None:
    (s,) = statements(
        ["The port handled 31 million tonnes last year; it expects to handle 90 million by 2035."], "en"
    )
    first, second = sorted(s.quantities, key=lambda q: q.start)
    assert not aimed_at(first, s) and aimed_at(second, s)


def test_an_aim_after_a_comma_leaves_the_count_before_it_a_count() -> None:
    # what someone expects in the next phrase does not make the count before it a forecast
    for left, right, language in [
        (
            "The flood killed 12 people on Monday, and officials expect to find more victims.",
            "The flood killed 15 people on Monday.",
            "en",
        ),
        (
            "Die Flut tötete am Montag 12 Menschen, erwartet wird ein weiterer Anstieg.",
            "Die Flut tötete am Montag 15 Menschen.",
            "de",
        ),
        (
            "La inundación mató a 12 personas el lunes, y se espera que la cifra aumente.",
            "La inundación mató a 15 personas el lunes.",
            "es",
        ),
    ]:
        assert clash(left, right, language), left
