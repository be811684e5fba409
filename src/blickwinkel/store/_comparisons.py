"""The comparison cache: one stored comparison per story, valid for one version of the story and the
embedder that computed it."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import sqlalchemy as sa

from blickwinkel.store import schema as t
from blickwinkel.store._base import StoreBase, utc_now
from blickwinkel.store.records import CachedComparison, ComparedStories, StoredComparison


class ComparisonRecords(StoreBase):
    """Cached comparisons of stories."""

    def cached_comparison(self, story_id: int, *, embedder: str) -> CachedComparison | None:
        """The stored comparison of a story, if it was computed for the story's current members with
        ``embedder`` (a comparison made with another embedder is not served)."""
        c, s = t.comparisons, t.stories
        query = (
            sa.select(c)
            .select_from(c.join(s, s.c.id == c.c.story_id))
            .where(c.c.story_id == story_id, c.c.story_version == s.c.version, c.c.embedder == embedder)
        )
        with self._read() as conn:
            r = conn.execute(query).mappings().one_or_none()
        if r is None:
            return None
        return CachedComparison(r["story_id"], r["story_version"], r["embedder"], r["conflicts"], r["body"])

    def save_comparison(
        self, story_id: int, story_version: int, embedder: str, body: str, conflicts: int
    ) -> bool:
        """Cache a comparison; refused (False) when the story changed since ``story_version``."""
        with self._write() as conn:
            version = conn.scalar(sa.select(t.stories.c.version).where(t.stories.c.id == story_id))
            if version != story_version:
                return False
            conn.execute(t.comparisons.delete().where(t.comparisons.c.story_id == story_id))
            conn.execute(
                t.comparisons.insert().values(
                    story_id=story_id,
                    story_version=story_version,
                    embedder=embedder,
                    conflicts=conflicts,
                    body=body,
                    created_at=utc_now(),
                )
            )
            return True

    def compared_stories(
        self, *, since: dt.date | None = None, until: dt.date | None = None
    ) -> ComparedStories:
        """The stored comparisons of the stories of two or more articles (of the window: a story's
        last day on or after ``since``, its first on or before ``until``, as the story listing
        filters) made for the story's current version, with any embedder; the other such stories are
        counted as not compared. Nothing is compared here. A stored body that is no JSON object
        counts as not compared."""
        s, c, m, a, o = t.stories, t.comparisons, t.memberships, t.articles, t.outlets
        query = (
            sa.select(s.c.id, c.c.body)
            .select_from(s.outerjoin(c, sa.and_(c.c.story_id == s.c.id, c.c.story_version == s.c.version)))
            .where(s.c.size >= 2)
            .order_by(s.c.id)
        )
        if since is not None:
            query = query.where(s.c.last_published >= since)
        if until is not None:
            query = query.where(s.c.first_published <= until)
        with self._read() as conn:
            rows = conn.execute(query).all()
            compared = {r.id for r in rows if r.body is not None}
            outlets: dict[int, dict[str, str]] = {}
            if compared:
                members = (
                    sa.select(m.c.story_id, a.c.id, o.c.name)
                    .select_from(m.join(a, a.c.id == m.c.article_id).join(o, o.c.id == a.c.outlet_id))
                    .where(m.c.story_id.in_(sa.select(query.subquery().c.id)))
                )
                for story_id, article_id, name in conn.execute(members):
                    outlets.setdefault(story_id, {})[f"a{article_id}"] = name
        comparisons = []
        for r in rows:
            body = _json_object(r.body)
            if body is not None:
                comparisons.append(StoredComparison(r.id, body, outlets.get(r.id, {})))
        return ComparedStories(tuple(comparisons), len(rows) - len(comparisons))


def _json_object(body: str | None) -> dict[str, Any] | None:
    if body is None:
        return None
    try:
        value = json.loads(body)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None
