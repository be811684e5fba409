"""The shapes of the API's JSON answers, for its OpenAPI description (``/api/openapi.json``).

They describe what the routes send (the store's records, the comparison JSON of
docs/comparison-json.md); the routes build their answers themselves, so these models never filter
or change one. ``tests/integration/test_web_answers.py`` holds real answers to them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from blickwinkel.model import Block
from blickwinkel.store.records import ArticleSummary, EntityMentionRow, StorySummary


class _Answer(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ArticleList(_Answer):
    """A page of stored articles; ``next_cursor`` fetches the next page (null on the last)."""

    items: list[ArticleSummary]
    next_cursor: str | None


class StoredArticle(_Answer):
    """One stored article with its text and blocks (offsets into ``text``)."""

    id: int
    title: str | None
    outlet: str | None
    url: str | None
    published: dt.date | None
    language: str | None
    author: str | None
    source: str
    paywalled: bool
    text: str
    blocks: list[Block]
    story_id: int | None


class StoryList(_Answer):
    """A page of stories; ``next_cursor`` fetches the next page (null on the last)."""

    items: list[StorySummary]
    next_cursor: str | None


class UnreadInput(BaseModel):
    """An input a comparison left out because it could not be read."""

    model_config = ConfigDict(extra="allow")

    input: str
    error: str | None
    message: str


class Comparison(BaseModel):
    """The comparison JSON, ``blickwinkel.comparison/1`` (docs/comparison-json.md: every field and
    its parts; fields may be added within the schema version)."""

    model_config = ConfigDict(extra="allow")

    schema_: str = Field(alias="schema")
    embedder: str
    articles: list[dict[str, Any]]
    statements: list[dict[str, Any]]
    facts: list[dict[str, Any]]
    links: list[dict[str, Any]]
    conflicts: list[dict[str, Any]]
    outlets: dict[str, dict[str, Any]]
    coverage: dict[str, dict[str, str]]
    omissions: dict[str, list[dict[str, Any]]]
    independent_sources: int
    voices: list[dict[str, Any]]
    different_events: list[list[str]] | None = Field(default=None, description="Only present when so.")
    # a Sequence: the compare answer's items (below) are of a subclass
    unread: Sequence[UnreadInput] | None = Field(default=None, description="Only present when so.")


class StoryArticle(_Answer):
    """An article of a story: ``id`` is the comparison's, ``article_id`` the one
    ``/api/v1/articles/{id}`` takes."""

    id: str
    article_id: int | None
    title: str | None
    outlet: str | None
    url: str | None
    published: dt.date | None
    language: str | None
    paywalled: bool | None = Field(default=None, description="Only present (true) when so.")


class Story(_Answer):
    """One story: its summary, its articles and its comparison (null while it is computed, then
    ``comparison_pending`` is true), with the notes to read before it."""

    story: StorySummary
    articles: list[StoryArticle]
    comparison: Comparison | None
    comparison_pending: bool
    notes: list[str]


class QuotedSpeaker(_Answer):
    name: str
    articles: int = Field(description="How many of the outlet's compared articles quote them.")


class OutletAcrossStories(_Answer):
    """An outlet's articles in the compared stories (of the window): ``facts`` the facts they report,
    ``shared_facts`` of them another outlet reports too, ``unique_facts`` no other (the rest are
    "perhaps also" elsewhere); the shares are of ``facts`` (null for none); ``opinion_share`` the mean
    of its articles' opinion shares; ``copies`` its articles that copy another article of their story;
    ``speakers`` the most quoted (at most 5)."""

    stories: int
    articles: int
    facts: int
    shared_facts: int
    unique_facts: int
    shared_share: float | None
    unique_share: float | None
    conflicting_facts: int
    opinion_share: float | None
    quotes: int
    copies: int
    speakers: list[QuotedSpeaker]


class OutletItem(_Answer):
    """An outlet with its numbers of stored articles and stories, and ``profile``: its figures across
    the compared stories (null when none of its stories was compared)."""

    id: int
    name: str
    domain: str | None
    articles: int
    stories: int
    profile: OutletAcrossStories | None


class OutletList(_Answer):
    """The outlets; the profiles are read from the stored comparisons of the stories of two or more
    articles (of ``since``/``until``): ``stories_compared`` of them, ``stories_not_compared`` not
    compared yet (a story is compared when first viewed; nothing is compared for this answer)."""

    items: list[OutletItem]
    stories_compared: int
    stories_not_compared: int


class SearchItem(_Answer):
    """A matching article; the matched words in ``snippet`` stand in square brackets."""

    article_id: int
    title: str | None
    outlet: str | None
    story_id: int | None
    snippet: str


class SearchHits(_Answer):
    items: list[SearchItem]


class Unread(UnreadInput):
    """An input left out, in the shape of the error body's ``error`` with the input and its error id."""

    model_config = ConfigDict(extra="forbid")

    code: str
    field: str | None


class ComparedInputs(Comparison):
    """The comparison of the inputs, the inputs left out (``unread``) and the notes."""

    # always present here (empty when every input was read), each item the error body's shape too
    unread: list[Unread]
    notes: list[str]


class Entity(_Answer):
    """One entity: its names with how often each is written, and the articles, stories and mentions
    (the first 50) that name it."""

    key: str
    type: str
    names: list[tuple[str, int]]
    articles: int
    stories: list[int]
    mentions: list[EntityMentionRow]
