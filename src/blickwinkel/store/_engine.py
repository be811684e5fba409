"""Database URLs, engines and migrations: SQLite (WAL, foreign keys) or PostgreSQL (psycopg 3)."""

from __future__ import annotations

import contextlib
import importlib.resources
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import platformdirs
import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from blickwinkel.errors import ConfigError, Errors

# How long a process keeps asking to turn a new SQLite database to WAL while another one does it.
_WAL_WAIT_SECONDS = 30.0


def default_url() -> str:
    """SQLite in the user's data directory."""
    directory = Path(platformdirs.user_data_dir("blickwinkel"))
    return f"sqlite:///{directory / 'blickwinkel.db'}"


def resolve_url(url: str | None) -> sa.URL:
    """The SQLAlchemy URL for a setting: empty means the default SQLite file; a plain
    ``postgresql://`` uses psycopg 3; a bare path means a SQLite file."""
    text = (url or "").strip() or default_url()
    if "://" not in text:
        text = f"sqlite:///{Path(text).expanduser().resolve()}"
    try:
        parsed = make_url(text)
    except ArgumentError as exc:
        raise ConfigError(Errors.S001.format(url=url, exc=exc)) from exc
    backend = parsed.get_backend_name()
    if backend == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    if backend not in ("sqlite", "postgresql"):
        raise ConfigError(
            Errors.S002.format(url=parsed.render_as_string(hide_password=True), backend=backend)
        )
    if backend == "sqlite" and parsed.database in (None, "", ":memory:"):
        raise ConfigError(Errors.S003)
    return parsed


def create_engine(url: sa.URL) -> sa.Engine:
    if url.get_backend_name() == "sqlite":
        assert url.database is not None
        Path(url.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(
            url, connect_args={"check_same_thread": False, "timeout": 30}, pool_size=8, max_overflow=16
        )
        _configure_sqlite(engine)
        return engine
    return sa.create_engine(url, pool_size=8, max_overflow=32, pool_pre_ping=True)


def _configure_sqlite(engine: sa.Engine) -> None:
    # pysqlite's own transaction handling defers BEGIN and cannot take the write lock up front; we
    # emit BEGIN ourselves (SQLAlchemy's documented recipe) and BEGIN IMMEDIATE for writes, so two
    # writers wait for each other (busy_timeout) instead of failing on a lock upgrade.
    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA busy_timeout=30000")
        _write_ahead_log(cursor)
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(connection: sa.Connection) -> None:
        immediate = connection.info.pop("write", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _write_ahead_log(cursor: Any) -> None:
    """Turn the database to WAL. Processes opening a new database at once each ask for the change:
    SQLite answers one of them 'database is locked' at once, without waiting (each holds a shared
    lock and wants an exclusive one, so waiting could deadlock); that one asks again shortly."""
    deadline = time.monotonic() + _WAL_WAIT_SECONDS
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def migrate(engine: sa.Engine) -> None:
    """Bring the schema to the newest revision (Alembic, scripts inside the package)."""
    config = Config()
    location = importlib.resources.files("blickwinkel.store").joinpath("migrations")
    config.set_main_option("script_location", str(location))
    with engine.connect() as connection:
        if connection.dialect.name == "postgresql":
            # Two processes opening a new database at once must not both create the tables.
            with connection.begin():
                connection.exec_driver_sql("SELECT pg_advisory_xact_lock(73519)")
                _upgrade(config, connection)
        else:
            with _sqlite_migration_lock(engine):
                connection.info["write"] = True
                _upgrade(config, connection)
                connection.commit()


@contextlib.contextmanager
def _sqlite_migration_lock(engine: sa.Engine) -> Iterator[None]:
    """Hold an exclusive ``flock`` on ``<database>.migrate-lock`` beside the database while migrating.

    Alembic runs each SQLite migration in a transaction of its own, with the steps planned from the
    version read first; two processes opening a new database at once could both plan "create the
    tables" and the second fail with "table … already exists". The lock is a file of its own: closing
    any descriptor of the database file itself would drop the POSIX locks SQLite holds on it (SQLite's
    "how to corrupt" list). Where there is no file or no ``flock`` (an in-memory database, Windows, a
    folder that cannot be written) the migration runs unlocked.
    """
    database = engine.url.database
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        fcntl = None  # type: ignore[assignment]  # no flock here: the migration runs unlocked
    if fcntl is None or not database or database == ":memory:" or database.startswith("file:"):
        yield
        return
    try:
        path = Path(database).expanduser()
        handle = open(path.with_name(path.name + ".migrate-lock"), "ab")  # noqa: SIM115 - closed below
    except OSError:
        yield
        return
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX)
        except OSError:
            yield
            return
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _upgrade(config: Config, connection: sa.Connection) -> None:
    config.attributes["connection"] = connection
    command.upgrade(config, "head")
