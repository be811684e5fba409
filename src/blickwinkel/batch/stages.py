"""The pure steps of a batch run: time windows, stories per window, merging across window borders.

Stories are found in two levels. Each time window (``WINDOW_DAYS`` days of publication) is clustered
on its own with the one :class:`~blickwinkel.stories.StoryClusterer`, so windows run in parallel.
A story near a window border may continue in the next window; two such stories are merged when their
centroids are close (:data:`~blickwinkel.stories.cluster.MIN_COSINE`), they share an entity key, and the
same rule the clusterer uses to merge stories holds: the mean link of their members near the border
(rare words counted over the articles near the border) reaches the clusterer's join probability.
No threshold of its own is introduced here.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from blickwinkel.groups import Groups
from blickwinkel.stories import StoryDoc, cluster_stories
from blickwinkel.stories.cluster import LINKAGE_MEMBERS, MIN_COSINE, Story, clustering_defaults, link
from blickwinkel.stories.cluster import WINDOW_DAYS as CLUSTER_WINDOW_DAYS
from blickwinkel.stories.lexical import DocumentFrequencies

# Days of publication clustered together in one task. Longer windows cut fewer stories at their
# borders and need more memory per task; a week keeps a window of a busy news day well under 1 GB.
WINDOW_DAYS = 7
# Days next to a border whose stories may continue across it: the clusterer's own time window.
BORDER_DAYS = CLUSTER_WINDOW_DAYS
UNDATED = "undated"


def window_of(published: dt.date | None, days: int = WINDOW_DAYS) -> str:
    """The window an article belongs to: the first day of its ``days``-long span, or ``undated``."""
    if published is None:
        return UNDATED
    start = published.toordinal() - (published.toordinal() - 1) % days
    return dt.date.fromordinal(start).isoformat()


@dataclass(frozen=True)
class StorySketch:
    """What merging across borders needs of a story: members near its window's edges and a summary."""

    id: str
    window: str
    articles: tuple[str, ...]
    first: dt.date | None
    last: dt.date | None
    centroid: np.ndarray
    entities: frozenset[str]
    edge_docs: tuple[StoryDoc, ...]


def cluster_window(docs: Sequence[StoryDoc], window: str, days: int = WINDOW_DAYS) -> list[StorySketch]:
    """Stories of one window, each with the members that lie within ``BORDER_DAYS`` of an edge."""
    by_id = {d.id: d for d in docs}
    sketches: list[StorySketch] = []
    start = None if window == UNDATED else dt.date.fromisoformat(window)
    for story in cluster_stories(docs):
        members = [by_id[a] for a in story.articles]
        centroid = np.mean([m.vector for m in members], axis=0)
        norm = float(np.linalg.norm(centroid))
        edge = [m for m in members if _near_edge(m.published, start, days)]
        sketches.append(
            StorySketch(
                id=story.id,
                window=window,
                articles=story.articles,
                first=story.first,
                last=story.last,
                centroid=centroid / norm if norm > 0 else centroid,
                entities=frozenset().union(*(m.entities for m in members)),
                edge_docs=tuple(edge[-LINKAGE_MEMBERS:]),
            )
        )
    return sketches


def _near_edge(day: dt.date | None, start: dt.date | None, days: int) -> bool:
    if day is None or start is None:
        return True
    offset = (day - start).days
    return offset < BORDER_DAYS or offset >= days - BORDER_DAYS


def _linkage(a: StorySketch, b: StorySketch, frequencies: DocumentFrequencies) -> float:
    pairs = [(x, y) for x in a.edge_docs for y in b.edge_docs]
    if not pairs:
        return 0.0
    return sum(link(x, y, frequencies.idf) for x, y in pairs) / len(pairs)


def neighbouring_windows(windows: Sequence[str], days: int = WINDOW_DAYS) -> list[tuple[str, str]]:
    """Pairs of dated windows that touch (one starts where the other ends)."""
    dated = sorted(w for w in windows if w != UNDATED)
    return [
        (left, right)
        for left, right in itertools.pairwise(dated)
        if (dt.date.fromisoformat(right) - dt.date.fromisoformat(left)).days == days
    ]


def border_merges(
    left: Sequence[StorySketch], right: Sequence[StorySketch], border: str
) -> list[tuple[str, str]]:
    """Stories of two touching windows that continue each other across ``border`` (the right one's start)."""
    day = dt.date.fromisoformat(border)
    tail = [s for s in left if s.last is None or (day - s.last).days <= BORDER_DAYS]
    head = [s for s in right if s.first is None or (s.first - day).days < BORDER_DAYS]
    # Rare words are counted over the articles near the border, as the clusterer counts its window.
    frequencies = DocumentFrequencies()
    for sketch in [*tail, *head]:
        for doc in sketch.edge_docs:
            frequencies.add(doc.terms)
    merges: list[tuple[str, str]] = []
    for a in tail:
        for b in head:
            if float(np.dot(a.centroid, b.centroid)) < MIN_COSINE or not (a.entities & b.entities):
                continue
            if not a.edge_docs:
                continue
            join = clustering_defaults(a.edge_docs[0].embedder).join_probability
            if _linkage(a, b, frequencies) >= join:
                merges.append((a.id, b.id))
    return merges


@dataclass(frozen=True)
class StoryPart:
    """A story of one window without its features: what joining the windows' stories needs."""

    id: str
    window: str
    articles: tuple[str, ...]
    first: dt.date | None
    last: dt.date | None


def story_parts(sketches: Sequence[StorySketch]) -> list[StoryPart]:
    return [StoryPart(s.id, s.window, s.articles, s.first, s.last) for s in sketches]


def join_parts(parts: Sequence[StoryPart], merges: Sequence[tuple[str, str]]) -> dict[str, str]:
    """The final story of every window story: ``{story id: id of the story it belongs to}``.

    A merged story keeps the id of its earliest part (by first date, then id).
    """
    first = {p.id: p.first or dt.date.min for p in parts}
    joined: Groups[str] = Groups(first, first=lambda story: (first[story], story))
    for a, b in merges:
        joined.union(a, b)
    return {p.id: joined.find(p.id) for p in parts}


def merge_across_borders(sketches: Sequence[StorySketch], days: int = WINDOW_DAYS) -> dict[str, str]:
    """:func:`join_parts` of all border merges of ``sketches``, in one process."""
    by_window: dict[str, list[StorySketch]] = {}
    for s in sketches:
        by_window.setdefault(s.window, []).append(s)
    merges = [
        pair
        for left, right in neighbouring_windows(list(by_window), days)
        for pair in border_merges(by_window[left], by_window[right], right)
    ]
    return join_parts(story_parts(sketches), merges)


ArticleMeta = tuple[str, str | None, str | None]  # title, outlet, language


def final_stories(
    parts: Sequence[StoryPart], merged: dict[str, str], meta: dict[str, ArticleMeta]
) -> list[Story]:
    """Window stories joined into the final stories, members in order of their window stories."""
    groups: dict[str, list[StoryPart]] = {}
    for s in sorted(parts, key=lambda s: (s.first or dt.date.min, s.id)):
        groups.setdefault(merged[s.id], []).append(s)
    out: list[Story] = []
    for story_id, pieces in groups.items():
        firsts = [p.first for p in pieces if p.first]
        lasts = [p.last for p in pieces if p.last]
        articles = tuple(a for p in pieces for a in p.articles)
        out.append(
            Story(
                id=story_id,
                articles=articles,
                title=meta[articles[0]][0],
                outlets=tuple(sorted({o for a in articles if (o := meta[a][1])})),
                languages=tuple(sorted({lang for a in articles if (lang := meta[a][2])})),
                first=min(firsts) if firsts else None,
                last=max(lasts) if lasts else None,
            )
        )
    return sorted(out, key=lambda s: (-len(s.articles), s.first or dt.date.min, s.id))
