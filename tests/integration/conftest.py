"""Fixtures shared by the integration tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from blickwinkel.store import Store, open_store
from tests.databases import BACKENDS, empty_database
from tests.local_server import LocalServer, servers


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """An empty store on each backend (SQLite; PostgreSQL where tests/databases.py finds one). A test
    module with a store of its own (one backend, a fixed file) defines its own ``store``."""
    with empty_database(request.param, tmp_path) as url:
        s = open_store(url)
        yield s
        s.close()


@pytest.fixture
def local_server() -> Iterator[LocalServer]:
    """Serve a handler class (``tests.local_server.QuietHandler`` or any other) on a free port of
    127.0.0.1: ``base = local_server(Handler)``; every server started stops after the test."""
    with servers() as start:
        yield start
