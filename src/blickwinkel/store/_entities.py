"""Outlets, entities and full-text search over the stored articles."""

from __future__ import annotations

import sqlalchemy as sa

from blickwinkel.store import _search
from blickwinkel.store import schema as t
from blickwinkel.store._base import StoreBase, page_size
from blickwinkel.store.records import EntityMentionRow, EntitySummary, OutletSummary, SearchHit


class EntityRecords(StoreBase):
    """Who and what the stored articles name, and where a word occurs."""

    def outlets(self) -> list[OutletSummary]:
        o, a, m = t.outlets, t.articles, t.memberships
        query = (
            sa.select(
                o.c.id,
                o.c.name,
                o.c.domain,
                sa.func.count(sa.distinct(a.c.id)).label("articles"),
                sa.func.count(sa.distinct(m.c.story_id)).label("stories"),
            )
            .select_from(o.outerjoin(a, a.c.outlet_id == o.c.id).outerjoin(m, m.c.article_id == a.c.id))
            .group_by(o.c.id, o.c.name, o.c.domain)
            .order_by(sa.func.count(sa.distinct(a.c.id)).desc(), o.c.name)
        )
        with self._read() as conn:
            return [OutletSummary(r.id, r.name, r.domain, r.articles, r.stories) for r in conn.execute(query)]

    def entity(self, key: str, *, mentions: int = 50) -> EntitySummary | None:
        """One entity: its names, how many articles mention it, its stories and some mentions."""
        e, a, m, o, st = t.entities, t.articles, t.memberships, t.outlets, t.statements
        with self._read() as conn:
            names = conn.execute(
                sa.select(e.c.text, e.c.type, sa.func.count().label("n"))
                .where(e.c.key == key)
                .group_by(e.c.text, e.c.type)
                .order_by(sa.func.count().desc(), e.c.text)
            ).all()
            if not names:
                return None
            n_articles = conn.scalar(
                sa.select(sa.func.count(sa.distinct(e.c.article_id))).where(e.c.key == key)
            )
            stories = conn.scalars(
                sa.select(m.c.story_id)
                .select_from(e.join(m, m.c.article_id == e.c.article_id))
                .where(e.c.key == key)
                .distinct()
                .order_by(m.c.story_id.desc())
            ).all()
            rows = conn.execute(
                sa.select(
                    e.c.article_id,
                    a.c.title,
                    o.c.name.label("outlet"),
                    m.c.story_id,
                    e.c.text,
                    st.c.text.label("statement"),
                )
                .select_from(
                    e.join(a, a.c.id == e.c.article_id)
                    .outerjoin(o, o.c.id == a.c.outlet_id)
                    .outerjoin(m, m.c.article_id == a.c.id)
                    .outerjoin(st, st.c.id == e.c.statement_id)
                )
                .where(e.c.key == key)
                .order_by(e.c.article_id.desc(), e.c.start)
                .limit(mentions)
            ).all()
        types: dict[str, int] = {}
        for r in names:
            types[r.type] = types.get(r.type, 0) + r.n
        return EntitySummary(
            key=key,
            type=max(types, key=lambda k: types[k]),
            names=tuple((r.text, r.n) for r in names),
            articles=int(n_articles or 0),
            stories=tuple(int(s) for s in stories if s is not None),
            mentions=tuple(
                EntityMentionRow(r.article_id, r.title, r.outlet, r.story_id, r.text, r.statement)
                for r in rows
            ),
        )

    def top_entities(self, story_id: int, limit: int = 12) -> list[tuple[str, str, int]]:
        """The most mentioned entities of a story: (key, most common name, mentions)."""
        e, m = t.entities, t.memberships
        query = (
            sa.select(e.c.key, sa.func.min(e.c.text).label("name"), sa.func.count().label("n"))
            .select_from(e.join(m, m.c.article_id == e.c.article_id))
            .where(m.c.story_id == story_id)
            .group_by(e.c.key)
            .order_by(sa.func.count().desc(), e.c.key)
            .limit(limit)
        )
        with self._read() as conn:
            return [(r.key, r.name, r.n) for r in conn.execute(query)]

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        """Full-text search over titles and texts (FTS5 on SQLite, tsvector on PostgreSQL), best first."""
        if not _search.terms(query):
            return []
        with self._read() as conn:
            rows = conn.execute(_search.ranked(self.dialect, query, page_size(limit))).all()
        return [SearchHit(r.id, r.title, r.outlet, r.story_id, r.snippet or "") for r in rows]
