"""The "different events" note asks the story model: reports of one event worded apart share no linked
fact and are still one event; reports of two events are two. Articles invented for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from blickwinkel.compare.events import different_events
from blickwinkel.embed import Embedder
from blickwinkel.model import AnalysedArticle
from blickwinkel.stories import article_from_text

pytestmark = pytest.mark.slow

DAY = dt.date(2026, 3, 14)
FERRY = (
    "Ferry Nordwind runs aground off Harlingsand",
    "The ferry Nordwind ran aground on a sandbank off Harlingsand on Saturday morning. All 214 "
    "passengers were brought ashore by lifeboat crews and nobody was hurt. The operator said the "
    "vessel would be towed to Emsport once the tide rises.",
)
FERRY_RETOLD = (
    "Passengers rescued after Harlingsand grounding",
    "Lifeboats from Harlingsand spent Saturday ferrying more than two hundred people off the stranded "
    "Nordwind, which struck a sandbank shortly after leaving port. Coastguard officers praised the calm "
    "of those on board; the shipping line plans to tow the ferry to Emsport at high tide.",
)
SCHOOL = (
    "Carwick primary closes after roof damage",
    "Carwick Primary School will stay closed until Easter after storm winds tore part of its roof away "
    "on Friday night. The county council said pupils would be taught at the town library and the "
    "sports hall while builders repair the damage.",
)


def analysed(id: str, outlet: str, piece: tuple[str, str]) -> AnalysedArticle:
    title, text = piece
    return AnalysedArticle(
        article_from_text(id, text, title=title, published=DAY, outlet=outlet, language="en"), ()
    )


def test_reports_of_two_events_that_share_no_fact_are_different_events(use_embedder: Embedder) -> None:
    articles = [analysed("a", "Coast Herald", FERRY), analysed("b", "Carwick Courier", SCHOOL)]
    assert different_events(articles, (), use_embedder) == (("a",), ("b",))


def test_reports_of_one_event_worded_apart_are_one_event(use_embedder: Embedder) -> None:
    # They share no linked fact (no facts at all here), and the story model holds them for one event.
    articles = [analysed("a", "Coast Herald", FERRY), analysed("b", "Island Post", FERRY_RETOLD)]
    assert different_events(articles, (), use_embedder) == ()
    # With a report of another event beside them: two groups, the ferry reports together.
    articles.append(analysed("c", "Carwick Courier", SCHOOL))
    assert different_events(articles, (), use_embedder) == (("a", "b"), ("c",))
