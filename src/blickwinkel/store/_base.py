"""What every part of the store shares: the engine, one transaction per call, paging cursors and the
one builder of listing filters."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

import numpy as np
import numpy.typing as npt
import sqlalchemy as sa

from blickwinkel.store import _search
from blickwinkel.store import schema as t

Vector = npt.NDArray[np.float32]
MAX_PAGE = 200
WATCH_QUERY = {"sqlite": "PRAGMA data_version", "postgresql": "SELECT txid_current_snapshot()::text"}
"""What :meth:`StoreBase.data_version` asks: a value that changes with every commit."""
NO_DATE = dt.date(1, 1, 1)


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def page_size(limit: int) -> int:
    return max(1, min(limit, MAX_PAGE))


def new_id(result: sa.CursorResult[Any]) -> int:
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def article_conditions(
    dialect: str,
    *,
    language: str | None = None,
    outlet: str | None = None,
    entity: str | None = None,
    q: str | None = None,
) -> list[sa.ColumnElement[bool]]:
    """The listing filters as conditions on articles (combined with AND); story listings apply them
    to their members."""
    a = t.articles
    conditions: list[sa.ColumnElement[bool]] = []
    if language:
        conditions.append(a.c.language == language)
    if outlet:
        conditions.append(a.c.outlet_id.in_(sa.select(t.outlets.c.id).where(t.outlets.c.name == outlet)))
    if entity:
        conditions.append(a.c.id.in_(sa.select(t.entities.c.article_id).where(t.entities.c.key == entity)))
    if q:
        conditions.append(a.c.id.in_(_search.matching_ids(dialect, q)))
    return conditions


class StoreBase:
    """The engine and one transaction per call; the parts of :class:`~blickwinkel.store.Store` build
    on it."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name
        self._watch: Any = None  # data_version's connection (sqlite3 or psycopg)
        self._watch_lock = threading.Lock()
        self._watch_opened = 0  # connections opened for data_version
        self._watch_last: object = None  # the last value it read
        self._watch_changes = 0  # how often that value changed

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        with self._watch_lock:
            if self._watch is not None:
                self._watch.close()
                self._watch = None
        self.engine.dispose()

    def data_version(self) -> int | None:
        """A number that changes whenever anything is committed to the database, by this process or
        another: what was read before stays right while it is unchanged. One cheap query on a
        connection of its own (no table read, no transaction): SQLite's ``PRAGMA data_version`` (a
        few microseconds); on PostgreSQL the current snapshot (``txid_current_snapshot()``, one round
        trip), which changes with every committed write in the cluster, and two equal snapshots see
        the same data. None when the database cannot be asked (callers then read what they show)."""
        with self._watch_lock:
            try:
                if self._watch is None:
                    self._watch = self._open_watch()
                    self._watch_opened += 1
                    self._watch_last = None
                value = self._watch.execute(WATCH_QUERY[self.dialect]).fetchone()[0]
            except Exception:  # sqlite3.Error, psycopg.Error: no counter until a new connection works
                if self._watch is not None:
                    with suppress(Exception):
                        self._watch.close()
                self._watch = None
                return None
            if value != self._watch_last:
                self._watch_last = value
                self._watch_changes += 1
            # Counted changes, and a new connection counts as one: numbers from two connections
            # never meet.
            return self._watch_opened << 48 | self._watch_changes

    def _open_watch(self) -> Any:
        if self.dialect == "sqlite":
            path = urllib.parse.quote(str(self.engine.url.database))
            # isolation_level=None: autocommit, so no read transaction pins an old snapshot.
            return sqlite3.connect(
                f"file:{path}?mode=ro", uri=True, check_same_thread=False, isolation_level=None
            )
        import psycopg

        args, params = self.engine.dialect.create_connect_args(self.engine.url)
        return psycopg.connect(*args, **params, autocommit=True)

    @contextmanager
    def _write(self, *, dry_run: bool = False) -> Iterator[sa.Connection]:
        """A connection in a write transaction, committed at the end (rolled back with ``dry_run``:
        what it did is counted, not kept)."""
        with self.engine.connect() as conn:
            conn.info["write"] = True
            if not dry_run:
                with conn.begin():
                    yield conn
                return
            transaction = conn.begin()
            try:
                yield conn
            finally:
                transaction.rollback()

    @contextmanager
    def _read(self) -> Iterator[sa.Connection]:
        with self.engine.connect() as conn, conn.begin():
            yield conn
