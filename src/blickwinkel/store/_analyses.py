"""Kept analyses: the article stage of analysis by content key, analysis version and stage (the
:class:`blickwinkel.analyse.cache.AnalysisStore` of the database)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from blickwinkel.store import schema as t
from blickwinkel.store._base import StoreBase, utc_now

# Keys per query: SQLite allows 32,766 bound parameters, PostgreSQL 65,535.
_KEYS_PER_QUERY = 500


class AnalysisRecords(StoreBase):
    """Analyses kept by content, so no process analyses a stored text again."""

    def cached_analyses(self, keys: Sequence[str], version: str, stage: str) -> dict[str, str]:
        """The kept JSON of each of ``keys`` that has one for ``version`` and ``stage``."""
        a = t.analyses
        found: dict[str, str] = {}
        with self._read() as conn:
            for start in range(0, len(keys), _KEYS_PER_QUERY):
                query = sa.select(a.c.content_key, a.c.body).where(
                    a.c.content_key.in_(keys[start : start + _KEYS_PER_QUERY]),
                    a.c.version == version,
                    a.c.stage == stage,
                )
                found.update({r.content_key: r.body for r in conn.execute(query)})
        return found

    def keep_analyses(self, analyses: Mapping[str, str], version: str, stage: str) -> None:
        """Keep JSON by content key; an entry that is there already (another process kept the same
        text meanwhile) stays as it is."""
        if not analyses:
            return
        a = t.analyses
        try:
            with self._write() as conn:
                present = set(
                    conn.scalars(
                        sa.select(a.c.content_key).where(
                            a.c.content_key.in_(list(analyses)), a.c.version == version, a.c.stage == stage
                        )
                    )
                )
                rows = [
                    {"content_key": k, "version": version, "stage": stage, "body": v, "created_at": utc_now()}
                    for k, v in analyses.items()
                    if k not in present
                ]
                if rows:
                    conn.execute(a.insert(), rows)
        except IntegrityError:
            pass  # another process kept one of them between the read and the insert: it is kept

    def prune_analyses(
        self, needed: set[str], version: str, *, dry_run: bool = False
    ) -> tuple[int, int, int]:
        """Delete the kept analyses of another version, and those of ``version`` whose content key is
        not in ``needed``; returns the rows of another version that went, the rows of texts not
        needed that went, and the rows left. With ``dry_run`` nothing is deleted (the counts are
        those a run would give)."""
        a = t.analyses
        with self._write(dry_run=dry_run) as conn:
            older = conn.execute(a.delete().where(a.c.version != version)).rowcount or 0
            unneeded = [k for k in conn.scalars(sa.select(a.c.content_key).distinct()) if k not in needed]
            removed = 0
            for start in range(0, len(unneeded), _KEYS_PER_QUERY):
                batch = unneeded[start : start + _KEYS_PER_QUERY]
                removed += conn.execute(a.delete().where(a.c.content_key.in_(batch))).rowcount or 0
            left = conn.scalar(sa.select(sa.func.count()).select_from(a)) or 0
        return older, removed, left
