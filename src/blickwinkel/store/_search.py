"""Full-text search behind one interface: FTS5 on SQLite, ``tsvector`` on PostgreSQL.

User input never reaches a query language: it is cut into words, and every word must match (AND).
Matches in snippets are marked with U+E000 … U+E001, which callers escape and then turn into markup.
"""

from __future__ import annotations

import re
from typing import Any

import sqlalchemy as sa

from blickwinkel.store import schema as t

MARK_START = "\ue000"
MARK_END = "\ue001"
_WORD = re.compile(r"\w+", re.UNICODE)
_MAX_TERMS = 12


def terms(query: str) -> list[str]:
    return _WORD.findall(query.lower())[:_MAX_TERMS]


def _fts5_query(query: str) -> str:
    # Each word quoted: FTS5 operators (AND, NEAR, *, :, ^) in the input stay plain words.
    return " ".join(f'"{w}"' for w in terms(query))


def _plain(query: str) -> str:
    return " ".join(terms(query))


def matching_ids(dialect: str, query: str) -> sa.Select[Any]:
    """A subquery of the ids of the articles matching every word of ``query``."""
    if not terms(query):
        return sa.select(t.articles.c.id).where(sa.false())
    if dialect == "sqlite":
        return (
            sa.select(sa.column("rowid"))
            .select_from(sa.table("articles_fts"))
            .where(sa.text("articles_fts MATCH :fts").bindparams(fts=_fts5_query(query)))
        )
    tsquery = sa.func.plainto_tsquery(sa.literal_column("'simple'"), _plain(query))
    return sa.select(t.articles.c.id).where(sa.literal_column("articles.search").op("@@")(tsquery))


def ranked(dialect: str, query: str, limit: int) -> sa.TextClause:
    """Matching articles, best first, with a marked snippet, their outlet and story."""
    if dialect == "sqlite":
        sql = f"""
            SELECT a.id, a.title, o.name AS outlet, m.story_id,
                   snippet(articles_fts, 1, '{MARK_START}', '{MARK_END}', '…', 16) AS snippet
            FROM articles_fts
            JOIN articles a ON a.id = articles_fts.rowid
            LEFT JOIN outlets o ON o.id = a.outlet_id
            LEFT JOIN memberships m ON m.article_id = a.id
            WHERE articles_fts MATCH :q
            ORDER BY bm25(articles_fts, 4.0, 1.0), a.id DESC
            LIMIT :limit
        """
        return sa.text(sql).bindparams(q=_fts5_query(query), limit=limit)
    sql = f"""
        SELECT a.id, a.title, o.name AS outlet, m.story_id,
               ts_headline('simple', a.text, plainto_tsquery('simple', :q),
                           'StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=24, MinWords=10') AS snippet
        FROM articles a
        LEFT JOIN outlets o ON o.id = a.outlet_id
        LEFT JOIN memberships m ON m.article_id = a.id
        WHERE a.search @@ plainto_tsquery('simple', :q)
        ORDER BY ts_rank(a.search, plainto_tsquery('simple', :q)) DESC, a.id DESC
        LIMIT :limit
    """
    return sa.text(sql).bindparams(q=_plain(query), limit=limit)
