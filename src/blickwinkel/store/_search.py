"""Full-text search behind one interface: FTS5 on SQLite, ``tsvector`` on PostgreSQL.

User input never reaches a query language: it is cut into words, and every word must match (AND).
A word matches itself or a word that begins with its dictionary form in German or English
("Verhandlungen" finds "Verhandlung", "Verhandlung" finds "Verhandlungen", "negotiations" finds
"negotiation"): neither database stems German ('simple' / unicode61 configurations), so the query is
widened with simplemma's lemmas (analyse/lemmas.py, the lemmas the analysis uses); the index is
unchanged. Matches in snippets are marked with U+E000 … U+E001, which callers escape and then turn
into markup.
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


# A dictionary form shorter than this matches only whole words: "rat*" would find "Ratte", "raten".
_MIN_PREFIX = 4
_LEMMA_LANGUAGES = ("de", "en")


def terms(query: str) -> list[str]:
    return _WORD.findall(query.lower())[:_MAX_TERMS]


# The operators of FTS5 and of search boxes, written as operators are: in capitals.
_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})


def has_words(query: str) -> bool:
    """Whether ``query`` gives a word to find: not only spaces, quotes and signs, nor only operators
    in capitals ("AND OR NOT"), which the search would take as plain words."""
    return any(word not in _OPERATORS for word in _WORD.findall(query))


def word_forms(term: str) -> tuple[str | None, tuple[str, ...]]:
    """How ``term`` may match: the beginnings a matching word may have (the word and its dictionary
    forms in German and English, letters only, at least four of them), and the word to match whole
    when it is no such beginning itself (short words, numbers)."""
    from blickwinkel.analyse.lemmas import lemma

    forms = dict.fromkeys([term, *(lemma(term, code).lower() for code in _LEMMA_LANGUAGES)])
    stems = tuple(f for f in forms if len(f) >= _MIN_PREFIX and f.isalpha())
    return (None if term in stems else term), stems


def _query(query: str, *, whole: str, beginning: str, either: str, every: str) -> str:
    """The query in one database's syntax: every word (joined by ``every``) matches one of its forms
    (joined by ``either``), written whole or as a beginning by the two templates."""
    parts = []
    for term in terms(query):
        word, stems = word_forms(term)
        forms = [beginning.format(s) for s in stems] + ([whole.format(word)] if word else [])
        parts.append("(" + either.join(forms) + ")")
    return every.join(parts)


def _fts5_query(query: str) -> str:
    # Each word quoted: FTS5 operators (AND, NEAR, *, :, ^) in the input stay plain words.
    return _query(query, whole='"{}"', beginning='"{}" *', either=" OR ", every=" AND ")


def _tsquery(query: str) -> str:
    # Each word quoted as a tsquery lexeme ('…'; terms hold word characters only, no quote).
    return _query(query, whole="'{}'", beginning="'{}':*", either=" | ", every=" & ")


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
    tsquery = sa.func.to_tsquery(sa.literal_column("'simple'"), _tsquery(query))
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
               ts_headline('simple', a.text, to_tsquery('simple', :q),
                           'StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=24, MinWords=10') AS snippet
        FROM articles a
        LEFT JOIN outlets o ON o.id = a.outlet_id
        LEFT JOIN memberships m ON m.article_id = a.id
        WHERE a.search @@ to_tsquery('simple', :q)
        ORDER BY ts_rank(a.search, to_tsquery('simple', :q)) DESC, a.id DESC
        LIMIT :limit
    """
    return sa.text(sql).bindparams(q=_tsquery(query), limit=limit)
