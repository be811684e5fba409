"""Which article published a fact first: only when its date is earlier than every other's.

Found by a new user on four reports of one crash, all dated the same day: every shared fact was
marked "first" for the article given first on the command line.
"""

from __future__ import annotations

import datetime as dt

from blickwinkel.compare.coverage import earliest_report
from blickwinkel.model import AnalysedArticle, Article, Block, Fact


def _article(aid: str, published: dt.date | None) -> AnalysedArticle:
    text = "Ein Ruderboot kenterte am Morgen auf dem Stausee."
    blocks = (Block("paragraph", 0, len(text)),)
    article = Article(id=aid, text=text, blocks=blocks, source=f"{aid}.txt", published=published)
    return AnalysedArticle(article=article, statements=())


def _fact(*articles: str) -> Fact:
    return Fact(
        id="f1", statements=tuple(f"{a}#1" for a in articles), articles=articles, canonical=f"{articles[0]}#1"
    )


MONDAY, TUESDAY = dt.date(2025, 6, 2), dt.date(2025, 6, 3)


def test_the_one_article_dated_before_the_others_is_first() -> None:
    articles = {"a": _article("a", TUESDAY), "b": _article("b", MONDAY), "c": _article("c", TUESDAY)}
    assert earliest_report(_fact("a", "b", "c"), articles) == "b"


def test_articles_of_one_day_have_no_first() -> None:
    articles = {"a": _article("a", MONDAY), "b": _article("b", MONDAY), "c": _article("c", TUESDAY)}
    assert earliest_report(_fact("a", "b", "c"), articles) is None
    assert earliest_report(_fact("b", "a"), articles) is None


def test_an_undated_article_may_have_been_first() -> None:
    articles = {"a": _article("a", MONDAY), "b": _article("b", None)}
    assert earliest_report(_fact("a", "b"), articles) is None
    assert earliest_report(_fact("b", "a"), articles) is None


def test_a_fact_of_one_dated_article_is_first_there() -> None:
    articles = {"a": _article("a", MONDAY), "b": _article("b", None)}
    assert earliest_report(_fact("a"), articles) == "a"
    assert earliest_report(_fact("b"), articles) is None
