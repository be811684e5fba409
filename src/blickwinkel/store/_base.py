"""What every part of the store shares: the engine, one transaction per call, paging cursors and the
one builder of listing filters."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np
import numpy.typing as npt
import sqlalchemy as sa

from blickwinkel.store import _search
from blickwinkel.store import schema as t

Vector = npt.NDArray[np.float32]
MAX_PAGE = 200
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
        self._watch: sqlite3.Connection | None = None
        self._watch_lock = threading.Lock()
        self._watch_opened = 0  # connections opened for data_version: the count is part of its value

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
        another: what was read before stays right while it is unchanged. SQLite's ``PRAGMA
        data_version`` on a read-only connection of its own (a few microseconds, no transaction);
        None for PostgreSQL, which has no counter that cheap, and when the database cannot be read
        (callers then read what they show instead)."""
        if self.dialect != "sqlite":
            return None
        with self._watch_lock:
            try:
                if self._watch is None:
                    path = urllib.parse.quote(str(self.engine.url.database))
                    # isolation_level=None: autocommit, so no read transaction pins an old snapshot.
                    self._watch = sqlite3.connect(
                        f"file:{path}?mode=ro", uri=True, check_same_thread=False, isolation_level=None
                    )
                    self._watch_opened += 1
                row = self._watch.execute("PRAGMA data_version").fetchone()
            except sqlite3.Error:
                if self._watch is not None:
                    self._watch.close()
                self._watch = None  # a new connection next time
                return None
            # A connection's numbers mean nothing to another one: a new connection's never equal
            # an old one's.
            return self._watch_opened << 48 | int(row[0])

    @contextmanager
    def _write(self) -> Iterator[sa.Connection]:
        with self.engine.connect() as conn:
            conn.info["write"] = True
            with conn.begin():
                yield conn

    @contextmanager
    def _read(self) -> Iterator[sa.Connection]:
        with self.engine.connect() as conn, conn.begin():
            yield conn
