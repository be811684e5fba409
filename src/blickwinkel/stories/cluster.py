"""Streaming story clustering: each article joins the best story of the last days or starts one.

Candidates come from an approximate nearest-neighbour index (usearch) per publication day, so a
search only looks at the days inside the time window and the cost per article stays flat as the
collection grows. A candidate story is scored by average linkage (the mean same-event probability
of the new article with the story's recent members); when an article fits two stories that also
fit each other, they merge. Processing order is (published, content hash, id), and every tie is
broken by that key, so the result does not depend on input order and is the same on every run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from blickwinkel.stories.duplicates import find_near_duplicates
from blickwinkel.stories.features import StoryDoc, unique_in_order
from blickwinkel.stories.score import pair_probability

# Same-event probability an article needs (average over a story's members) to join the story.
JOIN_PROBABILITY = 0.5
# Neighbours asked from each day's index; more only finds members of stories already found.
NEIGHBOURS = 16
# Candidates below this cosine of the combined vectors are never the same event (saves scoring).
MIN_COSINE = 0.25
# Stories scored per article (the nearest ones): bounds the cost in dense news days.
MAX_STORIES = 8
# Members of a story an article is compared with (the most recent ones): bounds the cost of big stories.
LINKAGE_MEMBERS = 12


@dataclass(frozen=True)
class Story:
    """A group of articles on one event; ``id`` is the id of its first article."""

    id: str
    articles: tuple[str, ...]
    title: str
    outlets: tuple[str, ...]
    languages: tuple[str, ...]
    first: dt.date | None
    last: dt.date | None
    copies: tuple[tuple[str, str], ...] = ()  # (copy id, original id) of near-duplicates

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "title": self.title,
            "articles": list(self.articles),
            "outlets": list(self.outlets),
            "languages": list(self.languages),
            "first": self.first.isoformat() if self.first else None,
            "last": self.last.isoformat() if self.last else None,
            "copies": [{"id": c, "original": o} for c, o in self.copies],
        }


class _DayIndex:
    """The nearest-neighbour index of one publication day (or of undated articles)."""

    def __init__(self, dim: int) -> None:
        from usearch.index import Index  # a native library: loaded when the first story is clustered

        self.index = Index(ndim=dim, metric="cos", dtype="f32")
        self.keys: list[int] = []

    def add(self, key: int, vector: np.ndarray) -> None:
        self.index.add(key, vector)
        self.keys.append(key)

    def search(self, vector: np.ndarray, count: int) -> list[tuple[int, float]]:
        if not self.keys:
            return []
        if len(self.keys) <= count:
            # Exact for small days: usearch is approximate and this is as cheap.
            return [(k, -1.0) for k in self.keys]
        matches = self.index.search(vector, count)
        return [(int(k), float(1.0 - d)) for k, d in zip(matches.keys, matches.distances, strict=True)]


class StoryClusterer:
    """Groups articles into stories as they arrive in time order.

    ``add`` is idempotent (an id seen before changes nothing). Articles older than twice the window
    before the newest one can no longer gain neighbours; their features are dropped to bound memory
    (``forget_after_days``), while their story membership is kept.
    """

    def __init__(
        self,
        *,
        window_days: int = 3,
        join_probability: float = JOIN_PROBABILITY,
        neighbours: int = NEIGHBOURS,
        forget_after_days: int | None = None,
    ) -> None:
        self.window_days = window_days
        self.join_probability = join_probability
        self.neighbours = neighbours
        self.forget_after_days = forget_after_days if forget_after_days is not None else 2 * window_days + 1
        self._days: dict[dt.date | None, _DayIndex] = {}
        self._docs: dict[int, StoryDoc] = {}
        self._key_of: dict[str, int] = {}
        self._ids: list[str] = []
        self._parent: list[int] = []
        self._members: dict[int, list[int]] = {}
        self._meta: dict[int, tuple[str, str | None, str | None, dt.date | None]] = {}
        self._newest: dt.date | None = None
        self._original: dict[int, int] = {}

    # union-find over article keys; the root is always the story's first article (smallest key)
    def _root(self, key: int) -> int:
        while self._parent[key] != key:
            self._parent[key] = self._parent[self._parent[key]]
            key = self._parent[key]
        return key

    def _union(self, a: int, b: int) -> int:
        ra, rb = self._root(a), self._root(b)
        if ra == rb:
            return ra
        keep, gone = (ra, rb) if ra < rb else (rb, ra)
        self._parent[gone] = keep
        self._members[keep] = sorted(self._members[keep] + self._members.pop(gone))
        return keep

    def _window_days(self, day: dt.date | None) -> list[dt.date | None]:
        if day is None:
            return sorted(self._days, key=lambda d: (d is not None, d or dt.date.min))
        days: list[dt.date | None] = [None] if None in self._days else []
        for offset in range(-self.window_days, self.window_days + 1):
            d = day + dt.timedelta(days=offset)
            if d in self._days:
                days.append(d)
        return days

    def _candidate_stories(self, doc: StoryDoc) -> list[int]:
        """Roots of the stories nearest to ``doc`` (by their closest member), at most ``MAX_STORIES``."""
        best: dict[int, float] = {}
        for day in self._window_days(doc.published):
            for key, _ in self._days[day].search(doc.vector, self.neighbours):
                other = self._docs.get(key)
                if other is None:
                    continue
                cosine = float(np.dot(doc.vector, other.vector))
                if cosine >= MIN_COSINE:
                    root = self._root(key)
                    best[root] = max(best.get(root, -1.0), cosine)
        ranked = sorted(best.items(), key=lambda item: (-item[1], item[0]))
        return sorted(root for root, _ in ranked[:MAX_STORIES])

    def _linkage(self, doc: StoryDoc, root: int) -> float:
        members = [k for k in self._members[root] if k in self._docs][-LINKAGE_MEMBERS:]
        if not members:
            return 0.0
        return sum(pair_probability(doc, self._docs[k]) for k in members) / len(members)

    def _story_linkage(self, a: int, b: int) -> float:
        left = [k for k in self._members[a] if k in self._docs][-LINKAGE_MEMBERS:]
        right = [k for k in self._members[b] if k in self._docs][-LINKAGE_MEMBERS:]
        if not left or not right:
            return 0.0
        total = sum(pair_probability(self._docs[i], self._docs[j]) for i in left for j in right)
        return total / (len(left) * len(right))

    def add(self, doc: StoryDoc, original: str | None = None) -> str:
        """Place ``doc`` in a story and return the story id (the id of the story's first article).

        ``original`` names an article already added that ``doc`` copies: the copy joins its story.
        """
        if doc.id in self._key_of:
            return self._ids[self._root(self._key_of[doc.id])]
        if original is not None and original in self._key_of:
            scored = [(1.0, self._root(self._key_of[original]))]
        else:
            roots = self._candidate_stories(doc)
            scored = sorted(((self._linkage(doc, r), r) for r in roots), key=lambda s: (-s[0], s[1]))
        key = len(self._ids)
        self._ids.append(doc.id)
        self._parent.append(key)
        self._members[key] = [key]
        self._key_of[doc.id] = key
        self._docs[key] = doc
        self._meta[key] = (doc.title, doc.outlet, doc.language, doc.published)
        if original is not None and original in self._key_of:
            self._original[key] = self._key_of[original]
        joined = [r for score, r in scored if score >= self.join_probability]
        if joined:
            story = self._union(joined[0], key)
            # The article fits several stories: merge those that also fit the story it joined.
            for other in joined[1:]:
                if self._story_linkage(self._root(story), self._root(other)) >= self.join_probability:
                    story = self._union(story, other)
        day = doc.published
        if day not in self._days:
            self._days[day] = _DayIndex(doc.vector.shape[0])
        self._days[day].add(key, doc.vector)
        self._forget(day)
        return self._ids[self._root(key)]

    def _forget(self, day: dt.date | None) -> None:
        if day is None or (self._newest is not None and day <= self._newest):
            return
        self._newest = day
        cutoff = day - dt.timedelta(days=self.forget_after_days)
        for old in [d for d in self._days if d is not None and d < cutoff]:
            for key in self._days.pop(old).keys:
                self._docs.pop(key, None)

    def story_of(self, article_id: str) -> str:
        return self._ids[self._root(self._key_of[article_id])]

    def stories(self) -> list[Story]:
        """All stories, largest first, then by their first article."""
        out: list[Story] = []
        for root, members in self._members.items():
            metas = [self._meta[k] for k in members]
            dates = sorted(m[3] for m in metas if m[3] is not None)
            out.append(
                Story(
                    id=self._ids[root],
                    articles=tuple(self._ids[k] for k in members),
                    title=metas[0][0],
                    outlets=tuple(sorted({m[1] for m in metas if m[1]})),
                    languages=tuple(sorted({m[2] for m in metas if m[2]})),
                    first=dates[0] if dates else None,
                    last=dates[-1] if dates else None,
                    copies=tuple(
                        (self._ids[k], self._ids[self._original[k]]) for k in members if k in self._original
                    ),
                )
            )
        return sorted(out, key=lambda s: (-len(s.articles), s.first or dt.date.min, s.id))


def cluster_stories(docs: Sequence[StoryDoc], **options: float) -> list[Story]:
    """Stories of ``docs`` processed in (published, content hash, id) order; copies join their original."""
    clusterer = StoryClusterer(
        window_days=int(options.get("window_days", 3)),
        join_probability=float(options.get("join_probability", JOIN_PROBABILITY)),
    )
    copies = find_near_duplicates(docs)
    for doc in unique_in_order(docs):
        clusterer.add(doc, copies.get(doc.id))
    return clusterer.stories()


def cluster_articles(docs: Sequence[StoryDoc], **options: float) -> list[list[str]]:
    """The article ids of each story (see :func:`cluster_stories`)."""
    return [list(s.articles) for s in cluster_stories(docs, **options)]
