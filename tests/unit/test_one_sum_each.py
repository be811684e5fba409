"""The one sum of money each of two short reports gives (nineteenth session, conflicts; the need was
seen on the tuning half of examples/gold-real/conflicts3), on sentences we invented: two articles
that each name a single sum in one currency name the story's sum, linked or not, and the conflict's
reason calls it a sum (not by the currency's code)."""

from __future__ import annotations

from blickwinkel.analyse.pipeline import analyse_articles
from blickwinkel.compare import compare_articles
from blickwinkel.model import AnalysedArticle, Article, Block
from blickwinkel.report.reasons import conflict_reason
from tests.unit.test_compare import EMBEDDER

BOATS = "The rowing club in Marlow spent 4,200 euros on three new boats this spring."
YARD = "The boats were built in a yard near the coast."
HAPPY = "Members of the club were happy with the boats."
COST = "According to the treasurer, the new boats cost 4,250 euros."


def analysed(left: list[str], right: list[str], language: str = "en") -> list[AnalysedArticle]:
    articles = []
    for aid, sentences in (("a", left), ("b", right)):
        text = " ".join(sentences)
        block = (Block("paragraph", 0, len(text)),)
        articles.append(Article(id=aid, text=text, blocks=block, source=f"{aid}.txt", language=language))
    return analyse_articles(articles)


def reasons(left: list[str], right: list[str], language: str = "en") -> list[str]:
    return [c.reason for c in compare_articles(analysed(left, right, language), EMBEDDER).conflicts]


def test_the_one_sum_each_report_gives_is_the_storys_sum() -> None:
    assert reasons([BOATS, YARD], [HAPPY, COST]) == ["sum: '4,200 euros' in a vs '4,250 euros' in b"]
    assert reasons(
        ["Kulüp yeni tekneler için 4 bin 200 lira ödedi."],
        ["Kulübün yeni tekneleri 4 bin 250 TL tuttu."],
        "tr",
    ) == ["sum: '4 bin 200 lira' in a vs '4 bin 250 TL' in b"]


def test_a_second_sum_or_a_sum_of_another_order_is_no_such_tie() -> None:
    assert reasons([BOATS, YARD], [HAPPY, COST.replace("euros.", "euros, and the shed 900 euros.")]) == []
    assert reasons([BOATS], ["The club was fined 9,000 euros by the city."]) == []
    # a round sum and one that rounds to it may be one sum told roughly: no tie without another
    assert reasons([BOATS.replace("4,200", "4,000"), YARD], [HAPPY, COST]) == []


def test_a_sum_is_called_a_sum_in_german_too() -> None:
    comparison = compare_articles(analysed([BOATS, YARD], [HAPPY, COST]), EMBEDDER)
    statements = {s.id: s for s in comparison.statements}
    [conflict] = comparison.conflicts
    assert conflict_reason(conflict, statements, {"a": "A", "b": "B"}, "de") == (
        "Betrag: „4,200 euros“ in A gegenüber „4,250 euros“ in B"
    )
