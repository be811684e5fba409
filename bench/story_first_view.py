"""The first view of a large story's page: how long `blickwinkel serve` takes to answer it, and how long
until the page shows the comparison.

    python bench/story_first_view.py [--articles 30] [--db /tmp/story.db] [--keep] [--route page|api|api-wait]

Ingests the first --articles articles of ../shared/data/corpus-de/articles.jsonl of March 2020 with
1,500–5,000 characters (skipped when absent) with `blickwinkel ingest` into a temporary SQLite store
(or --db; an existing --db is used as it is), puts all articles of a copy of it into one story with
plain SQL, starts `blickwinkel serve` on the copy on a free port and times, with plain HTTP requests:

* the first GET of ``/stories/<id>`` (the comparison is not cached),
* the time until a GET of the page no longer says the story is being compared (its comparison is in).

``--route api`` times ``/api/v1/stories/<id>`` instead (it answers when the comparison is in),
``--route api-wait`` ``/api/v1/stories/<id>?wait=0`` (202 until the comparison is in, then 200).

No comparison is cached from an earlier run: each run works on a fresh copy. Nothing here
imports the package: the commands run as subprocesses. Prints figures with the load average (the
development machine is shared); asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

try:
    from bench.served import served
    from bench.shared_data import CORPUS_DE as CORPUS
    from bench.shared_data import ROOT
except ModuleNotFoundError:  # run as ``python bench/story_first_view.py``: bench/ itself is on the path
    from served import served  # type: ignore[no-redef]
    from shared_data import CORPUS_DE as CORPUS  # type: ignore[no-redef]
    from shared_data import ROOT  # type: ignore[no-redef]

BEING_COMPARED = ("being compared", "werden gerade verglichen")


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "blickwinkel.cli", *args]


def _env() -> dict[str, str]:
    return os.environ | {"PYTHONPATH": str(ROOT / "src"), "BLICKWINKEL_CONFIG": os.devnull}


def build_store(path: Path, count: int) -> None:
    """Ingest ``count`` corpus articles into ``path``."""
    rows = []
    with CORPUS.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            if str(row.get("date", "")).startswith("2020-03") and 1500 < len(row["text"]) < 5000:
                rows.append(row)
            if len(rows) == count:
                break
    with tempfile.TemporaryDirectory() as folder:
        records = Path(folder) / "story.jsonl"
        records.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        subprocess.run(_cli("ingest", "--db", str(path), str(records)), env=_env(), check=True)


def one_story(db: sqlite3.Connection) -> int:
    """Put every stored article into one story with plain SQL, with no comparison kept; its id."""
    (story,) = db.execute("SELECT MIN(story_id) FROM memberships").fetchone()
    db.execute("UPDATE memberships SET story_id = ?", (story,))
    db.execute("DELETE FROM comparisons")
    db.execute("DELETE FROM stories WHERE id != ?", (story,))
    db.execute(
        "UPDATE stories SET size = (SELECT COUNT(*) FROM memberships), version = version + 1 WHERE id = ?",
        (story,),
    )
    return int(story)


def _get(url: str, timeout: float = 3600) -> tuple[int, str]:
    request = urllib.request.Request(url, headers={"accept": "text/html"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")


ROUTES = {
    "page": "/stories/{story}?lang=en",
    "api": "/api/v1/stories/{story}",
    "api-wait": "/api/v1/stories/{story}?wait=0",
}


def _pending(status: int, body: str) -> bool:
    """The answer says the comparison is not in yet (the page's words; the API's 202)."""
    return status == 202 or any(p in body for p in BEING_COMPARED)


def measure(store: Path, route: str = "page") -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "copy.db"
        with sqlite3.connect(store) as source, sqlite3.connect(db) as copy:
            source.backup(copy)  # with what is still in the write-ahead log
            story = one_story(copy)
        with served(str(db), env=_env()) as server:
            page = server.base + ROUTES[route].format(story=story)
            started = time.perf_counter()
            status, body = _get(page)
            first = time.perf_counter() - started
            first_status = status
            pending = _pending(status, body)
            while pending:
                time.sleep(1)
                status, body = _get(page)
                pending = _pending(status, body)
            compared = time.perf_counter() - started
            load = os.getloadavg()[0]
            print(
                f"{route}: story of {_size(db, story)} articles: "
                f"first answer {first:.2f} s (status {first_status}, "
                f"{'being compared' if first < compared - 0.5 else 'with its comparison'}); "
                f"comparison shown after {compared:.1f} s; load average {load:.1f}"
            )


def _size(db: Path, story: int) -> int:
    with sqlite3.connect(db) as conn:
        return int(
            conn.execute("SELECT COUNT(*) FROM memberships WHERE story_id = ?", (story,)).fetchone()[0]
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=30, help="articles in the story")
    parser.add_argument("--db", type=Path, help="the store to build, or to reuse when it exists")
    parser.add_argument("--keep", action="store_true", help="keep the store built here and print its path")
    parser.add_argument(
        "--route", choices=sorted(ROUTES), default="page", help="what to time (default: page)"
    )
    args = parser.parse_args()
    if args.db is not None and args.db.exists():
        measure(args.db, args.route)
        return
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} not found (the corpus is not redistributed)")
        return
    folder = Path(tempfile.mkdtemp(prefix="bw-first-view-"))
    store = args.db or folder / "story.db"
    build_store(store, args.articles)
    measure(store, args.route)
    if args.keep or args.db:
        print(f"store kept: {store} (measure again with --db {store})")
    else:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
