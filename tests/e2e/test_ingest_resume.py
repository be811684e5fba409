"""``blickwinkel ingest`` killed with SIGKILL mid-run and started again stores every article once."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

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


def _ingest(folder: Path, db: Path, *, capture: bool) -> subprocess.Popen[bytes]:
    env = os.environ | {"BLICKWINKEL_CONFIG": str(db.parent / "none.toml")}
    return subprocess.Popen(
        [sys.executable, "-c", LAUNCHER, "ingest", str(folder), "--db", f"sqlite:///{db}", "--no-analysis"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE if capture else subprocess.DEVNULL,
        env=env,
    )


def _stored(db: Path) -> list[tuple[str, int]]:
    if not db.exists():
        return []
    try:
        with sqlite3.connect(db, timeout=30) as conn:
            return conn.execute("SELECT source, count(*) FROM articles GROUP BY source").fetchall()
    except sqlite3.OperationalError:  # the tables are not created yet
        return []


def test_kill_9_mid_run_then_rerun_stores_every_article_exactly_once(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    write_articles(folder, ARTICLES)
    db = tmp_path / "resume.db"
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
    with sqlite3.connect(db) as conn:
        (unassigned,) = conn.execute(
            "SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM memberships)"
        ).fetchone()
        (integrity,) = conn.execute("PRAGMA integrity_check").fetchone()
    assert unassigned == 0 and integrity == "ok"
