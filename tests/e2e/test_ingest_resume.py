"""``blickwinkel ingest`` killed with SIGKILL mid-run and started again stores every article once, and
two ingests of the same folder running at the same time store every article once. SQLite always,
PostgreSQL where ``BLICKWINKEL_TEST_PG_URL`` names a server."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import SQLAlchemyError

from tests.databases import BACKENDS, empty_database, engine_of
from tests.integration.newsroom_fixtures import write_articles

pytestmark = pytest.mark.slow

ARTICLES = 40
# The CLI as the lead's cli/main.py will register it, built here so the test does not depend on it.
LAUNCHER = """
import sys, typer
from blickwinkel.cli import ingest_cmd
app, eval_app = typer.Typer(), typer.Typer()
ingest_cmd.register(app, eval_app)
app(sys.argv[1:])
"""


@pytest.fixture(params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database URL of an empty store: a SQLite file, or a fresh schema on the PostgreSQL server."""
    with empty_database(request.param, tmp_path, "resume.db") as url:
        yield url


def _ingest(folder: Path, db: str, *, capture: bool) -> subprocess.Popen[bytes]:
    env = os.environ | {"BLICKWINKEL_CONFIG": os.devnull}
    return subprocess.Popen(
        [sys.executable, "-c", LAUNCHER, "ingest", str(folder), "--db", db, "--no-analysis"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE if capture else subprocess.DEVNULL,
        env=env,
    )


def _stored(db: str) -> list[tuple[str, int]]:
    engine = engine_of(db)
    try:
        with engine.connect() as conn:
            rows = conn.execute(sa.text("SELECT source, count(*) FROM articles GROUP BY source")).all()
            return [(str(source), int(count)) for source, count in rows]
    except SQLAlchemyError:  # the tables are not created yet
        return []
    finally:
        engine.dispose()


def _unassigned(db: str) -> int:
    engine = engine_of(db)
    with engine.connect() as conn:
        count = conn.execute(
            sa.text("SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM memberships)")
        ).scalar_one()
    engine.dispose()
    return int(count)


def test_kill_9_mid_run_then_rerun_stores_every_article_exactly_once(tmp_path: Path, db: str) -> None:
    folder = tmp_path / "articles"
    write_articles(folder, ARTICLES)
    first = _ingest(folder, db, capture=False)
    deadline = time.monotonic() + 240
    while len(_stored(db)) < 5:
        assert first.poll() is None, "the first run ended before it could be killed"
        assert time.monotonic() < deadline, "the first run stored nothing in time"
        time.sleep(0.05)
    first.send_signal(signal.SIGKILL)
    first.wait(30)
    interrupted = len(_stored(db))
    assert 5 <= interrupted < ARTICLES, "kill the run while it is still storing"

    second = _ingest(folder, db, capture=True)
    _, err = second.communicate(timeout=600)
    assert second.returncode == 0, err.decode()
    assert f"{ARTICLES - interrupted} stored, {interrupted} already stored, 0 failed" in err.decode()
    rows = _stored(db)
    assert len(rows) == ARTICLES and all(count == 1 for _, count in rows)
    assert _unassigned(db) == 0
    if db.startswith("sqlite"):
        engine = engine_of(db)
        with engine.connect() as conn:
            assert conn.execute(sa.text("PRAGMA integrity_check")).scalar_one() == "ok"
        engine.dispose()


def test_two_ingests_at_once_store_every_article_once(tmp_path: Path, db: str) -> None:
    folder = tmp_path / "articles"
    write_articles(folder, ARTICLES // 2)
    runs = [_ingest(folder, db, capture=True) for _ in range(2)]
    errors = [run.communicate(timeout=600)[1].decode() for run in runs]
    assert [run.returncode for run in runs] == [0, 0], errors
    rows = _stored(db)
    assert len(rows) == ARTICLES // 2 and all(count == 1 for _, count in rows)
    assert _unassigned(db) == 0
