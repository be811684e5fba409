"""Databases for the store tests: a SQLite file always, PostgreSQL where ``BLICKWINKEL_TEST_PG_URL``
names a server (a fresh schema per test on the shared database keeps tests independent)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

PG_URL = os.environ.get("BLICKWINKEL_TEST_PG_URL", "")
NO_PG = pytest.mark.skipif(not PG_URL, reason="BLICKWINKEL_TEST_PG_URL is not set")
# Parameters of a fixture that runs its tests on each backend.
BACKENDS = [pytest.param("sqlite", id="sqlite"), pytest.param("postgresql", id="postgresql", marks=NO_PG)]


def engine_of(url: str) -> sa.Engine:
    """An engine for a store URL (PostgreSQL URLs name the psycopg driver for SQLAlchemy)."""
    return sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))


@contextmanager
def empty_database(backend: str, tmp_path: Path, name: str = "test.db") -> Iterator[str]:
    """The URL of an empty database: the SQLite file ``tmp_path / name``, or a new schema on the
    PostgreSQL server, dropped afterwards."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / name}"
        return
    schema = f"t_{uuid.uuid4().hex[:10]}"
    admin = engine_of(PG_URL)
    with admin.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    try:
        yield PG_URL + ("&" if "?" in PG_URL else "?") + f"options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()


def migrations() -> Any:
    """An Alembic configuration of the package's migrations (tests run upgrade and downgrade by hand)."""
    import importlib.resources

    from alembic.config import Config

    config = Config()
    location = importlib.resources.files("blickwinkel.store").joinpath("migrations")
    config.set_main_option("script_location", str(location))
    return config


@contextmanager
def database_at(
    backend: str, tmp_path: Path, revision: str, fill: Callable[[sa.Connection], None]
) -> Iterator[str]:
    """The URL of a database (as :func:`empty_database`) with the schema of an older ``revision`` and
    the rows ``fill`` inserts into it in one transaction: a migration's test then opens it with
    ``open_store``, which migrates it to the newest revision."""
    from alembic import command

    with empty_database(backend, tmp_path) as url:
        engine = engine_of(url)
        config = migrations()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, revision)
            fill(conn)
        engine.dispose()
        yield url
