"""The comparison cache: one stored comparison per story, valid for one version of the story and the
embedder that computed it."""

from __future__ import annotations

import sqlalchemy as sa

from blickwinkel.store import schema as t
from blickwinkel.store._base import StoreBase, utc_now
from blickwinkel.store.records import CachedComparison


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
