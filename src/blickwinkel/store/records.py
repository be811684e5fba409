"""What the store hands back: small frozen records, independent of the database behind it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:  # the compare package is not imported with the store (a tenth of a second)
    from blickwinkel.compare.outlet_totals import OutletSums, SpeakerCount

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a listing; ``next_cursor`` fetches the next one (None on the last page)."""

    items: tuple[T, ...]
    next_cursor: str | None


@dataclass(frozen=True)
class AddResult:
    """The stored article's id; ``created`` is False when it was already stored (same URL or text)."""

    article_id: int
    created: bool
    story_id: int | None = None


@dataclass(frozen=True)
class StoryChoice:
    """Where a new article goes: an existing story (with the score that put it there) or a new one."""

    story_id: int | None
    score: float | None = None


@dataclass(frozen=True)
class ArticleSummary:
    id: int
    slug: str
    title: str | None
    outlet: str | None
    url: str | None
    published: dt.date | None
    language: str | None
    source: str
    story_id: int | None
    created_at: dt.datetime


@dataclass(frozen=True)
class StorySummary:
    """A story as the listing shows it; ``conflicts`` is None until its comparison has been computed."""

    id: int
    title: str | None
    size: int
    version: int
    outlets: tuple[str, ...]
    languages: tuple[str, ...]
    first_published: dt.date | None
    last_published: dt.date | None
    updated_at: dt.datetime
    conflicts: int | None = None


@dataclass(frozen=True)
class OutletSummary:
    id: int
    name: str
    domain: str | None
    articles: int
    stories: int


@dataclass(frozen=True)
class EntityMentionRow:
    article_id: int
    article_title: str | None
    outlet: str | None
    story_id: int | None
    text: str
    statement: str | None


@dataclass(frozen=True)
class EntitySummary:
    key: str
    type: str
    names: tuple[tuple[str, int], ...]
    articles: int
    stories: tuple[int, ...]
    mentions: tuple[EntityMentionRow, ...] = field(default=())


@dataclass(frozen=True)
class SearchHit:
    """A matching article; ``snippet`` marks matches with U+E000 … U+E001 (escape, then replace)."""

    article_id: int
    title: str | None
    outlet: str | None
    story_id: int | None
    snippet: str


@dataclass(frozen=True)
class Feed:
    id: int
    url: str
    title: str | None
    etag: str | None
    last_modified: str | None
    last_fetched: dt.datetime | None
    last_status: int | None
    last_error: str | None


@dataclass(frozen=True)
class Failure:
    """An input that failed to ingest; ``feed_id`` (and ``feed``, its title or else its address) the
    feed whose entry the page is, None for an input given to `ingest` (or recorded before the store
    kept it)."""

    source: str
    reason: str
    attempts: int
    first_failed: dt.datetime
    last_failed: dt.datetime
    feed_id: int | None = None
    feed: str | None = None


@dataclass(frozen=True)
class CachedComparison:
    story_id: int
    story_version: int
    embedder: str
    conflicts: int
    body: str


@dataclass(frozen=True)
class KeptFigures:
    """The outlets' figures summed over the kept comparisons of the stories of two or more articles
    (in a time window), and how many such stories are compared (for their current version) and not
    compared yet (never, or before the story last changed)."""

    sums: tuple[OutletSums, ...]
    speakers: tuple[SpeakerCount, ...]
    compared: int
    not_compared: int
