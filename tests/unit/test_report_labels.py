"""One outlet label and one statement anchor for the terminal, the HTML report and the web."""

from __future__ import annotations

from blickwinkel.model import Article
from blickwinkel.report.labels import outlet_labels, statement_anchor


def _article(aid: str, outlet: str | None, title: str | None = None) -> Article:
    return Article(id=aid, text="", blocks=(), source=f"{aid}.txt", outlet=outlet, title=title)


def test_outlet_labels_add_the_id_only_where_two_articles_share_an_outlet() -> None:
    articles = [
        _article("a", "Herald"),
        _article("b", "Herald"),
        _article("c", "Wire"),
        _article("d", None, "T"),
    ]
    assert outlet_labels(articles) == {"a": "Herald (a)", "b": "Herald (b)", "c": "Wire", "d": "d"}
    assert outlet_labels(articles, untitled=lambda a: a.title or a.id)["d"] == "T"


def test_statement_anchor_is_one_id_without_whitespace() -> None:
    assert statement_anchor("a1") == "st-a1"
    assert statement_anchor("news 1\t#3") == "st-news_1_#3"
