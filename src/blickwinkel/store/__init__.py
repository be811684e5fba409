"""SQLite and PostgreSQL behind one interface: :func:`open_store` returns a :class:`Store`.

The schema is one set of SQLAlchemy Core tables (:mod:`blickwinkel.store.schema`); Alembic migrations
inside the package run on open. Every write is its own transaction, so an interrupted ingest loses
nothing it committed and a re-run skips what is stored (articles are unique by URL and by text).
"""

from __future__ import annotations

from blickwinkel.errors import StoreError
from blickwinkel.store._engine import default_url, resolve_url
from blickwinkel.store._search import MARK_END, MARK_START, has_words
from blickwinkel.store._store import Store, open_store, store_file_exists
from blickwinkel.store.records import (
    AddResult,
    ArticleSummary,
    CachedComparison,
    EntitySummary,
    Failure,
    Feed,
    OutletSummary,
    Page,
    SearchHit,
    StoryChoice,
    StorySummary,
)

__all__ = [
    "MARK_END",
    "MARK_START",
    "AddResult",
    "ArticleSummary",
    "CachedComparison",
    "EntitySummary",
    "Failure",
    "Feed",
    "OutletSummary",
    "Page",
    "SearchHit",
    "Store",
    "StoreError",
    "StoryChoice",
    "StorySummary",
    "default_url",
    "has_words",
    "open_store",
    "resolve_url",
    "store_file_exists",
]
