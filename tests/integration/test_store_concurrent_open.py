"""Several processes opening one new SQLite database at once all get the migrated store.

Alembic runs each SQLite migration in a transaction of its own; before the migration held a lock on the
database file, two processes could both plan "create the tables" and the later one failed with
"table … already exists" (seen as a flaky two-ingests test in CI)."""

from __future__ import annotations

import multiprocessing
from pathlib import Path


def _open(url: str) -> str:
    from blickwinkel.store import open_store

    try:
        open_store(url).close()
    except Exception as error:  # the test reports what a process saw
        return f"{type(error).__name__}: {error}"
    return "ok"


def test_processes_opening_a_new_database_at_once_all_succeed(tmp_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    with context.Pool(4) as pool:
        for round_ in range(3):
            url = f"sqlite:///{tmp_path / f'new-{round_}.db'}"
            assert pool.map(_open, [url] * 4) == ["ok"] * 4
