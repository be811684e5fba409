"""The pure steps of a batch run: time windows, stories per window, merging across window borders.

Stories are found in two levels. Each time window (``WINDOW_DAYS`` days of publication) is clustered
on its own with the one :class:`~blickwinkel.stories.StoryClusterer`, so windows run in parallel.
A story near a window border may continue in the next window; two such stories are merged when their
centroids are close (:data:`~blickwinkel.stories.cluster.MIN_COSINE`), they share an entity key, and the
same rule the clusterer uses to merge stories holds: the mean same-event probability of their members
near the border reaches the clusterer's join probability. No threshold of its own is introduced here.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from blickwinkel.stories import StoryDoc, cluster_stories
from blickwinkel.stories.cluster import JOIN_PROBABILITY, LINKAGE_MEMBERS, MIN_COSINE, Story
from blickwinkel.stories.score import pair_probability

# Days of publication clustered together in one task. Longer windows cut fewer stories at their
# borders and need more memory per task; a week keeps a window of a busy news day well under 1 GB.
WINDOW_DAYS = 7
# Days next to a border whose stories may continue across it: the clusterer's own time window.
BORDER_DAYS = 3
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


def _linkage(a: StorySketch, b: StorySketch) -> float:
    pairs = [(x, y) for x in a.edge_docs for y in b.edge_docs]
    if not pairs:
        return 0.0
    return sum(pair_probability(x, y) for x, y in pairs) / len(pairs)


def _neighbours(windows: Sequence[str], days: int) -> Iterable[tuple[str, str]]:
    dated = sorted(w for w in windows if w != UNDATED)
    for left, right in itertools.pairwise(dated):
        gap = (dt.date.fromisoformat(right) - dt.date.fromisoformat(left)).days
        if gap == days:
            yield left, right


def merge_across_borders(sketches: Sequence[StorySketch], days: int = WINDOW_DAYS) -> dict[str, str]:
    """The final story of every window story: ``{story id: id of the story it belongs to}``.

    Only neighbouring windows are compared; the merged story keeps the id of its earliest part.
    """
    parent = {s.id: s.id for s in sketches}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    first = {s.id: s.first or dt.date.min for s in sketches}
    by_window: dict[str, list[StorySketch]] = {}
    for s in sketches:
        by_window.setdefault(s.window, []).append(s)
    for left, right in _neighbours(list(by_window), days):
        border = dt.date.fromisoformat(right)
        tail = [s for s in by_window[left] if s.last is None or (border - s.last).days <= BORDER_DAYS]
        head = [s for s in by_window[right] if s.first is None or (s.first - border).days < BORDER_DAYS]
        for a in tail:
            for b in head:
                if float(np.dot(a.centroid, b.centroid)) < MIN_COSINE or not (a.entities & b.entities):
                    continue
                if _linkage(a, b) >= JOIN_PROBABILITY:
                    ra, rb = root(a.id), root(b.id)
                    if ra != rb:
                        keep, gone = sorted((ra, rb), key=lambda r: (first[r], r))
                        parent[gone] = keep
    return {s.id: root(s.id) for s in sketches}


ArticleMeta = tuple[str, str | None, str | None]  # title, outlet, language


def final_stories(
    sketches: Sequence[StorySketch], merged: dict[str, str], meta: dict[str, ArticleMeta]
) -> list[Story]:
    """Window stories joined into the final stories, members in order of their window stories."""
    groups: dict[str, list[StorySketch]] = {}
    for s in sorted(sketches, key=lambda s: (s.first or dt.date.min, s.id)):
        groups.setdefault(merged[s.id], []).append(s)
    out: list[Story] = []
    for story_id, parts in groups.items():
        firsts = [p.first for p in parts if p.first]
        lasts = [p.last for p in parts if p.last]
        articles = tuple(a for p in parts for a in p.articles)
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
