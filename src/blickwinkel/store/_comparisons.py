"""The comparison cache: one stored comparison per story, valid for one version of the story and the
embedder that computed it, and the outlets' figures kept beside it (summed by :meth:`outlet_figures`)."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import sqlalchemy as sa

from blickwinkel.store import schema as t
from blickwinkel.store._base import StoreBase, utc_now
from blickwinkel.store.records import CachedComparison, KeptFigures

FIGURES_RULE = 1
"""The version of the reading of a comparison's figures (:func:`blickwinkel.compare.outlet_totals.
article_figures`) the kept rows follow: raise it when that reading changes, and the figures kept
before are read again at the next reading of the outlets' figures (:meth:`ComparisonRecords.fill_figures`)."""
# The comparison's id of a stored article (``a`` and its id, as the service writes it).
_STORED_ID = re.compile(r"a([1-9][0-9]*)")


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
            _keep_figures(conn, story_id, body)
            return True

    def fill_figures(self, *, batch: int = 200) -> int:
        """Keep the outlets' figures of the stored comparisons that have none (stored before migration
        0008) or that an older :data:`FIGURES_RULE` kept; how many were filled. Each batch is one
        transaction; a comparison another process filled or stored meanwhile is left as it is."""
        c, f = t.comparisons, t.comparison_figures
        stale = (
            sa.select(c.c.story_id)
            .select_from(c.outerjoin(f, f.c.story_id == c.c.story_id))
            .where(sa.or_(f.c.story_id.is_(None), f.c.rule.not_in((0, FIGURES_RULE))))
            .order_by(c.c.story_id)
        )
        with self._read() as conn:
            ids = list(conn.scalars(stale))
        filled = 0
        for start in range(0, len(ids), batch):
            chunk = ids[start : start + batch]
            with self._write() as conn:
                # locked in one order: two processes filling at once wait for each other, never
                # for each other's next row (a deadlock on PostgreSQL)
                rows = conn.execute(
                    sa.select(c.c.story_id, c.c.body)
                    .where(c.c.story_id.in_(chunk))
                    .order_by(c.c.story_id)
                    .with_for_update()
                ).all()
                done = set(
                    conn.scalars(
                        sa.select(f.c.story_id).where(
                            f.c.story_id.in_(chunk), f.c.rule.in_((0, FIGURES_RULE))
                        )
                    )
                )
                for r in rows:
                    if r.story_id not in done:
                        _keep_figures(conn, r.story_id, r.body)
                        filled += 1
        return filled

    def outlet_figures(self, *, since: dt.date | None = None, until: dt.date | None = None) -> KeptFigures:
        """The outlets' figures summed over the kept comparisons of the stories of two or more articles
        (of the window: a story's last day on or after ``since``, its first on or before ``until``, as
        the story listing filters) made for the story's current version, with any embedder; the other
        such stories are counted as not compared. Sums in the database over the rows kept when each
        comparison was stored (:meth:`fill_figures` first keeps those of older comparisons); nothing
        is compared or parsed here. A stored body that is no comparison counts as not compared."""
        s, c, f, m, a, o = (
            t.stories,
            t.comparisons,
            t.comparison_figures,
            t.memberships,
            t.articles,
            t.outlets,
        )
        window = _window(since, until)
        counts = (
            sa.select(sa.func.count(s.c.id), sa.func.count(f.c.story_id))
            .select_from(s.outerjoin(c, _CURRENT).outerjoin(f, _KEPT))
            .where(*window)
        )

        def of_outlets(rows: sa.Table) -> sa.FromClause:
            """``rows`` (per article of a kept comparison) of the window's stories, with the outlet."""
            return (
                rows.join(s, s.c.id == rows.c.story_id)
                .join(c, _CURRENT)
                .join(f, _KEPT)
                .join(m, sa.and_(m.c.story_id == rows.c.story_id, m.c.article_id == rows.c.article_id))
                .join(a, a.c.id == rows.c.article_id)
                .join(o, o.c.id == a.c.outlet_id)
            )

        ca, sp = t.comparison_articles, t.comparison_speakers
        sums = (
            sa.select(
                o.c.name,
                sa.func.count(sa.distinct(ca.c.story_id)),
                sa.func.count(),
                *(sa.func.sum(col) for col in (ca.c.facts, ca.c.shared_facts, ca.c.unique_facts)),
                *(sa.func.sum(col) for col in (ca.c.conflicting_facts, ca.c.quotes, ca.c.copies)),
                sa.func.avg(ca.c.opinion),
            )
            .select_from(of_outlets(ca))
            .where(*window)
            .group_by(o.c.name)
        )
        speakers = (
            sa.select(o.c.name, sp.c.key, sp.c.name, sa.func.count())
            .select_from(of_outlets(sp))
            .where(*window)
            .group_by(o.c.name, sp.c.key, sp.c.name)
        )
        with self._read() as conn:
            stories, compared = conn.execute(counts).one()
            summed = conn.execute(sums).all()
            quoted = conn.execute(speakers).all()
        # here, not with the store: importing the compare package costs every command that opens a
        # store a quarter of a second of CPU
        from blickwinkel.compare.outlet_totals import OutletSums, SpeakerCount

        return KeptFigures(
            sums=tuple(
                OutletSums(
                    outlet=r[0],
                    stories=int(r[1]),
                    articles=int(r[2]),
                    facts=int(r[3]),
                    shared_facts=int(r[4]),
                    unique_facts=int(r[5]),
                    conflicting_facts=int(r[6]),
                    quotes=int(r[7]),
                    copies=int(r[8]),
                    opinion_share=None if r[9] is None else float(r[9]),
                )
                for r in summed
            ),
            speakers=tuple(SpeakerCount(r[0], r[1], r[2], int(r[3])) for r in quoted),
            compared=int(compared),
            not_compared=int(stories) - int(compared),
        )

    def stories_not_compared(
        self, *, since: dt.date | None = None, until: dt.date | None = None
    ) -> list[int]:
        """The ids of the stories of two or more articles (of the window, as :meth:`outlet_figures`)
        that :meth:`outlet_figures` counts as not compared: no comparison kept for their current
        version, or one whose body is no comparison. Oldest story first."""
        s, c, f = t.stories, t.comparisons, t.comparison_figures
        query = (
            sa.select(s.c.id)
            .select_from(s.outerjoin(c, _CURRENT).outerjoin(f, _KEPT))
            .where(*_window(since, until), f.c.story_id.is_(None))
            .order_by(s.c.id)
        )
        with self._read() as conn:
            return list(conn.scalars(query))


# A story's comparison made for its current version, and its figures kept (its body a comparison).
_CURRENT = sa.and_(
    t.comparisons.c.story_id == t.stories.c.id, t.comparisons.c.story_version == t.stories.c.version
)
_KEPT = sa.and_(t.comparison_figures.c.story_id == t.comparisons.c.story_id, t.comparison_figures.c.rule > 0)


def _window(since: dt.date | None, until: dt.date | None) -> list[sa.ColumnElement[bool]]:
    """The stories of two or more articles whose last day is on or after ``since`` and whose first
    is on or before ``until`` (as the story listing filters)."""
    s = t.stories
    window: list[sa.ColumnElement[bool]] = [s.c.size >= 2]
    if since is not None:
        window.append(s.c.last_published >= since)
    if until is not None:
        window.append(s.c.first_published <= until)
    return window


def _keep_figures(conn: sa.Connection, story_id: int, body: str) -> None:
    """Keep the outlets' figures of the comparison ``body`` of a story, in place of any kept before."""
    from blickwinkel.compare.outlet_totals import article_figures  # not with the store (see above)

    for table in (t.comparison_speakers, t.comparison_articles, t.comparison_figures):
        conn.execute(table.delete().where(table.c.story_id == story_id))
    parsed = _json_object(body)
    articles: list[dict[str, Any]] = []
    speakers: list[dict[str, Any]] = []
    for figures in article_figures(parsed) if parsed is not None else ():
        match = _STORED_ID.fullmatch(figures.article)
        if match is None:
            continue
        article_id = int(match[1])
        articles.append(
            {
                "story_id": story_id,
                "article_id": article_id,
                "facts": figures.facts,
                "shared_facts": figures.shared_facts,
                "unique_facts": figures.unique_facts,
                "conflicting_facts": figures.conflicting_facts,
                "quotes": figures.quotes,
                "copies": int(figures.copy),
                "opinion": figures.opinion,
            }
        )
        speakers += (
            {"story_id": story_id, "article_id": article_id, "position": n, "key": key, "name": name}
            for n, (key, name) in enumerate(figures.speakers)
        )
    if articles:
        conn.execute(t.comparison_articles.insert(), articles)
    if speakers:
        conn.execute(t.comparison_speakers.insert(), speakers)
    rule = FIGURES_RULE if parsed is not None else 0
    conn.execute(t.comparison_figures.insert().values(story_id=story_id, rule=rule))


def _json_object(body: str | None) -> dict[str, Any] | None:
    if body is None:
        return None
    try:
        value = json.loads(body)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None
