"""Conflict rules of the seventeenth session, each on sentences we invented (the need was seen on the
tuning halves of examples/gold-real/conflicts3 and conflicts2, or named as a known gap): a count of
the cases active now against a count of the day's cases, and the noun "target" of an attack that
marks no figure as aimed at."""

from __future__ import annotations

from blickwinkel.compare.counted_values import aimed_at
from blickwinkel.model import Article, Block
from tests.unit.test_second_conflict_set import clash, statements


def test_the_cases_active_now_are_not_the_day_s_cases() -> None:
    for left, right, language in [
        (
            "Con cuatro casos nuevos hoy, la provincia suma 310 contagios desde marzo.",
            "De los 140 casos activos en la provincia, 35 están en el hospital.",
            "es",
        ),
        (
            "The province reported four cases on Friday, bringing its total to 310.",
            "Of the 140 active cases in the province, 35 are in hospital.",
            "en",
        ),
        (
            "Die Provinz meldete am Freitag vier Fälle, insgesamt sind es 310.",
            "Von den 140 aktiven Fällen in der Provinz liegen 35 im Krankenhaus.",
            "de",
        ),
        (
            "La province a signalé quatre cas vendredi, soit 310 depuis mars.",
            "Sur les 140 cas actifs de la province, 35 sont à l'hôpital.",
            "fr",
        ),
    ]:
        assert clash(left, right, language) is None, left
    # two counts of the active cases still clash, and so do two counts of the day's cases
    assert clash(
        "La provincia tiene 140 casos activos, según el boletín del viernes.",
        "La provincia tiene 170 casos activos, según el boletín del viernes.",
        "es",
    )
    assert clash(
        "The province has 140 active cases, the Friday bulletin says.",
        "The province has 170 active cases, the Friday bulletin says.",
        "en",
    )
    assert clash(
        "The province reported four cases on Friday.",
        "The province reported seven cases on Friday.",
        "en",
    )


def test_the_target_of_an_attack_marks_no_figure_as_aimed_at() -> None:
    for left, right, language in [
        (
            "The target of the attack was a market where 12 people died.",
            "The attack on the market killed 15 people.",
            "en",
        ),
        (
            "El objetivo del ataque fue un mercado donde murieron 12 personas.",
            "El ataque contra el mercado mató a 15 personas.",
            "es",
        ),
        (
            "L'objectif de l'attaque était un marché où 12 personnes sont mortes.",
            "L'attaque contre le marché a tué 15 personnes.",
            "fr",
        ),
    ]:
        assert clash(left, right, language), left
    # a figure the target names is still aimed at
    (s,) = statements(["The target is to build 40 new schools by 2030."], "en")
    (q,) = [q for q in s.quantities if q.value == 40]
    assert aimed_at(q, s)
    (s,) = statements(["La meta es vacunar a 70 millones de personas este año."], "es")
    assert all(aimed_at(q, s) for q in s.quantities if q.value >= 1_000_000)
    assert (
        clash(
            "The city's target is 40 new schools by 2030.",
            "The city built 12 new schools last year.",
            "en",
        )
        is None
    )


def relation_clash(left: str, right: str, language: str) -> object:
    from blickwinkel.compare.relations import relation_conflict

    a, b = statements([left, right], language)
    return relation_conflict(a, b)


def test_one_person_given_two_family_relations_clashes() -> None:
    for left, right, language in [
        (
            "The driver, Tom Ashby, and his brother Neil Ashby were taken to hospital.",
            "The driver, Tom Ashby, and his cousin Neil Ashby were taken to hospital.",
            "en",
        ),
        (
            "Neil Ashby, a nephew of Tom Ashby, opened the shop in May.",
            "Neil Ashby, a brother of Tom Ashby, opened the shop in May.",
            "en",
        ),
        (
            "Tom Ashby's son, Neil, was also on board.",
            "Tom Ashby's brother, Neil, was also on board.",
            "en",
        ),
        (
            "Der Fahrer Jonas Krumm und sein Bruder Lukas Krumm wurden verletzt.",
            "Der Fahrer Jonas Krumm und sein Cousin Lukas Krumm wurden verletzt.",
            "de",
        ),
        # another person named before "<Name> and his": the pronoun is still the one before "and"'s
        (
            "Mayor Anna Berg said Tom Ashby and his son Neil had left the town.",
            "Tom Ashby and his nephew Neil had left the town, the mayor said.",
            "en",
        ),
        (
            "La marcha la encabezaron Andrés Vela, padre de una víctima, y Tomás y Rubén Vela, sobrinos "
            "de Andrés.",
            "Los hermanos Andrés, Tomás y Rubén Vela encabezaron la marcha.",
            "es",
        ),
        (
            "Paul Verdier, le frère de Luc Verdier, a ouvert la séance.",
            "Paul Verdier, le fils de Luc Verdier, a ouvert la séance.",
            "fr",
        ),
    ]:
        assert relation_clash(left, right, language), left


def test_the_same_relation_told_two_ways_or_of_two_people_is_no_clash() -> None:
    for left, right, language in [
        # the inverse relation: the nephew's uncle
        (
            "Neil Ashby, a nephew of Tom Ashby, opened the shop in May.",
            "Tom Ashby, an uncle of Neil Ashby, opened the shop in May.",
            "en",
        ),
        # two relatives of one man: his brother in one text, his son in the other, named apart
        (
            "Tom Ashby and his brother Neil Ashby were taken to hospital.",
            "Tom Ashby and his son Sam Ashby were taken to hospital.",
            "en",
        ),
        # the same relation in other words
        (
            "Der Fahrer Jonas Krumm und sein Bruder Lukas Krumm wurden verletzt.",
            "Lukas Krumm, der Bruder von Jonas Krumm, wurde verletzt.",
            "de",
        ),
        # "his" may point at two different people: unknown, no clash
        (
            "Tom Ashby's brother, Neil, was also on board.",
            "Police said his cousin Neil was also on board.",
            "en",
        ),
        # "her" after two names is not surely the last one's: her husband may be his brother
        (
            "Anna Berg told reporters that Tom Ashby had struck her husband Neil in the yard.",
            "Tom Ashby and his brother Neil were questioned by the police.",
            "en",
        ),
        # brothers against a brother and a sister of one family: the same relation
        (
            "Los hermanos Andrés y Tomás Vela encabezaron la marcha.",
            "Andrés Vela y su hermano Tomás encabezaron la marcha.",
            "es",
        ),
    ]:
        assert relation_clash(left, right, language) is None, left


def test_a_comparison_reports_two_family_relations_of_one_person() -> None:
    from blickwinkel.pipeline import compare_articles_text

    texts = [
        "Two men were hurt when a crane fell on a building site in Larkfield on Tuesday. "
        "The crane's driver, Tom Ashby, and his brother Neil Ashby were taken to hospital.",
        "A crane fell on a building site in Larkfield on Tuesday and hurt two men. "
        "The crane's driver, Tom Ashby, and his cousin Neil Ashby were taken to hospital.",
    ]
    articles = [
        Article(
            id=f"a{n}", text=t, blocks=(Block("paragraph", 0, len(t)),), source=f"a{n}.txt", language="en"
        )
        for n, t in enumerate(texts)
    ]
    comparison = compare_articles_text(articles, embedder="use", threshold=0.5)
    found = [c for c in comparison.conflicts if c.kind == "detail" and "family relation" in c.reason]
    assert len(found) == 1, comparison.conflicts
    assert found[0].values == ("brother", "cousin")
    # the German report says it in German (report/reasons.py)
    from blickwinkel.report.reasons import conflict_reason

    statements = {s.id: s for s in comparison.statements}
    said = conflict_reason(found[0], statements, {}, "de")
    assert said.startswith("Verwandtschaft: ") and " gegenüber " in said, said


def test_relations_to_unnamed_people_are_compared_with_none() -> None:
    # the daughter of one person may be the mother of another
    assert (
        relation_clash(
            "Speaking after the service, his daughter Anna Holt thanked the town.",
            "Speaking after the service, her mother Anna Holt thanked the town.",
            "en",
        )
        is None
    )


def test_figures_of_one_count_follow_the_editor_s_standard() -> None:
    """examples/gold-real/conflicts3/README.md: two figures of one count are a conflict unless a text
    marks its figure as of another moment or one is a bound the other meets as writers mean it."""
    from blickwinkel.pipeline import compare_articles_text

    def conflicts(left: str, right: str) -> list[str]:
        opening = "A fire destroyed a warehouse in Larkfield on Tuesday night. "
        texts = [opening + left, opening + right]
        articles = [
            Article(
                id=f"a{n}", text=t, blocks=(Block("paragraph", 0, len(t)),), source=f"a{n}.txt", language="en"
            )
            for n, t in enumerate(texts)
        ]
        return [c.reason for c in compare_articles_text(articles, embedder="use", threshold=0.5).conflicts]

    after = " died in the fire, the police said."
    # two plain figures, and a bound far from the other figure: conflicts
    assert conflicts("12 people" + after, "20 people" + after)
    assert conflicts("At least 12 people" + after, "20 people" + after)
    # a bound the other figure meets: no conflict
    assert conflicts("At least 12 people" + after, "14 people" + after) == []
    # a figure marked as of another moment: no conflict
    assert conflicts("So far 12 people have died in the fire, the police said.", "20 people" + after) == []
    assert (
        conflicts(
            "By Wednesday morning 12 people had died in the fire, the police said.", "20 people" + after
        )
        == []
    )
