"""The outlets' figures on a large store: `blickwinkel outlets`, ``/api/v1/outlets`` and the outlets page,
with the code of this checkout and of a baseline revision side by side.

    python bench/outlets.py [--stories 2000] [--baseline d922708] [--repeats 3] [--db DIR]

Makes a SQLite store of ``--stories`` invented stories of two to four articles from eight invented
outlets, each with a comparison of invented figures (about 20 kB of JSON, statements and facts
included, as the service stores them), with the baseline's code for the empty schema and plain SQL
for the rows: nothing of what is measured makes the data. Then, for each side (the baseline's
``src`` from ``git archive``, this checkout's ``src``), on a copy of that store:

* ``blickwinkel outlets --db … --format json``, a process of its own: wall and CPU seconds (the
  process's start included; its start alone, ``blickwinkel --help``, is printed beside);
* ``blickwinkel serve`` on the copy (``bench/served.py``), then ``/api/v1/outlets`` and
  ``/outlets?lang=en`` by plain HTTP, each after a write to the database by another connection (the
  server keeps an answer until the database changes): wall seconds and the server's CPU seconds
  (``/proc/<pid>/stat``). The first answer of each side is printed on its own: on this checkout it
  keeps the figures of the store's comparisons (stored by the baseline's schema) once.

The two sides run alternately, ``--repeats`` times each; the least CPU of each is printed, with the
load average (the machine is shared). The answers of both sides are compared (the same JSON but for
the order of equal outlets). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

try:
    from bench.served import served
    from bench.shared_data import ROOT
except ModuleNotFoundError:  # run as ``python bench/outlets.py``: bench/ itself is on the path
    from served import served  # type: ignore[no-redef]
    from shared_data import ROOT  # type: ignore[no-redef]

OUTLETS = (
    "Glenmoor Gazette",
    "Tidewater Post",
    "Aldbury Echo",
    "Kestrel Daily",
    "Harbour Herald",
    "Valley Courier",
    "Brackwell Times",
    "Osterlin Weekly",
)
SPEAKERS = ("Vera Stolmann", "Piet Hollander", "police", "the council", "a neighbour", "Mara Olsen")
WORDS = "harbour council bridge repairs library market ferry storm school budget road river".split()


def _sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 16))).capitalize() + "."


def _comparison(rng: random.Random, articles: list[int]) -> dict[str, Any]:
    """Invented comparison JSON of the documented shape (statements, facts, per-article figures)."""
    statements = []
    for aid in articles:
        for n in range(rng.randint(12, 20)):
            text = _sentence(rng)
            speaker = rng.choice(SPEAKERS)
            statements.append(
                {
                    "id": f"a{aid}#{n}",
                    "article": f"a{aid}",
                    "text": text,
                    "start": 0,
                    "end": len(text),
                    "kind": rng.choice(("statement", "quote")),
                    "subjective": rng.random() < 0.2,
                    "speaker": speaker,
                    "entities": [
                        {"text": speaker, "type": "PER", "key": "per:" + speaker.lower().replace(" ", "-")}
                    ],
                }
            )
    facts = [
        {
            "id": f"f{n}",
            "statements": [s["id"] for s in rng.sample(statements, rng.randint(1, min(3, len(statements))))],
            "articles": [f"a{a}" for a in rng.sample(articles, rng.randint(1, len(articles)))],
        }
        for n in range(len(statements) // 2)
    ]
    outlets = {}
    for aid in articles:
        count = rng.randint(3, 14)
        unique = rng.randint(0, count)
        outlets[f"a{aid}"] = {
            "facts": count,
            "shared_facts": rng.randint(0, count - unique),
            "unique_facts": unique,
            "conflicting_facts": rng.randint(0, 2),
            "subjective_share": rng.choice((None, 0.0, 0.1, 0.25, 0.5)),
            "quotes": rng.randint(0, 5),
            "speakers": rng.sample(SPEAKERS, rng.randint(0, 3)),
            "copy_of": None,
        }
    return {
        "articles": [{"id": f"a{a}"} for a in articles],
        "statements": statements,
        "facts": facts,
        "outlets": outlets,
    }


def make_store(path: Path, stories: int, baseline_src: Path) -> float:
    """The store of invented stories at ``path``: the empty schema by the baseline's code, the rows by
    plain SQL. The mean size of a comparison in bytes."""
    url = f"sqlite:///{path}"
    code = f"from blickwinkel.store import open_store; open_store({url!r}).close()"
    subprocess.run([sys.executable, "-c", code], env=_env(baseline_src), check=True)
    rng = random.Random(11)
    now = "2031-01-01 00:00:00.000000"
    sizes = 0
    with contextlib.closing(sqlite3.connect(path)) as db, db:
        db.executemany(
            "INSERT INTO outlets (id, name, created_at) VALUES (?, ?, ?)",
            [(n + 1, name, now) for n, name in enumerate(OUTLETS)],
        )
        article = 0
        for story in range(1, stories + 1):
            members = []
            day = f"2031-{1 + story % 12:02d}-{1 + story % 28:02d}"
            for k in range(rng.randint(2, 4)):
                article += 1
                members.append(article)
                db.execute(
                    "INSERT INTO articles (id, slug, outlet_id, url, content_hash, source, title, text, "
                    "published, language, meta, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'en', '{}', ?)",
                    (
                        article,
                        f"item-{article}",
                        1 + (story + k) % len(OUTLETS),
                        f"https://news.example/{article}",
                        f"{article:064x}",
                        f"{article}.txt",
                        f"Item {article}",
                        _sentence(rng),
                        day,
                        now,
                    ),
                )
            db.execute(
                "INSERT INTO stories (id, title, size, version, first_published, last_published, created_at, "
                "updated_at) VALUES (?, ?, ?, 1, ?, ?, ?, ?)",
                (story, f"Story {story}", len(members), day, day, now, now),
            )
            db.executemany(
                "INSERT INTO memberships (article_id, story_id, added_at) VALUES (?, ?, ?)",
                [(a, story, now) for a in members],
            )
            body = json.dumps(_comparison(rng, members))
            sizes += len(body)
            if story % 10:  # every tenth story is not compared
                db.execute(
                    "INSERT INTO comparisons (story_id, story_version, embedder, conflicts, body, "
                    "created_at) VALUES (?, 1, 'use', 0, ?, ?)",
                    (story, body, now),
                )
    return sizes / stories


def _env(src: Path) -> dict[str, str]:
    return os.environ | {"PYTHONPATH": str(src)}


def _cpu_of(pid: int) -> float:
    """User and system CPU seconds of a process and its waited-for children (``/proc/<pid>/stat``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(v) for v in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def _touch(path: Path) -> None:
    """A write by another connection: the server's kept answers are stale."""
    with contextlib.closing(sqlite3.connect(path)) as db, db:
        db.execute(
            "INSERT INTO ingest_failures (source, reason, attempts, first_failed, last_failed) "
            "VALUES (?, 'bench', 1, '2031-01-01', '2031-01-01')",
            (f"bench-{time.monotonic_ns()}",),
        )


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=600) as response:
        return bytes(response.read())


def measure_cli(db: Path, src: Path) -> tuple[float, float, dict[str, Any]]:
    """``blickwinkel outlets --format json`` on ``db``: wall, CPU (user + sys) and its answer."""
    before = os.times()
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "blickwinkel.cli", "outlets", "--db", f"sqlite:///{db}", "--format", "json"],
        env=_env(src),
        capture_output=True,
        text=True,
        check=True,
    )
    wall = time.perf_counter() - start
    after = os.times()
    return (
        wall,
        (after.children_user - before.children_user) + (after.children_system - before.children_system),
        json.loads(done.stdout),
    )


def measure_start(src: Path) -> float:
    before = os.times()
    subprocess.run(
        [sys.executable, "-m", "blickwinkel.cli", "--help"], env=_env(src), capture_output=True, check=True
    )
    after = os.times()
    return (after.children_user - before.children_user) + (after.children_system - before.children_system)


def measure_served(db: Path, src: Path, rounds: int) -> tuple[dict[str, list[tuple[float, float]]], Any]:
    """The first answer (``first``), then ``rounds`` answers of the API and of the page, each after a
    write: (wall, the server's CPU) of each; and the API's answer."""
    times: dict[str, list[tuple[float, float]]] = {"first": [], "api": [], "page": []}
    # One comparison process (started, never asked): the server's own CPU is what is measured.
    env = _env(src) | {"BLICKWINKEL_COMPARE_PROCESSES": "1"}
    with served(f"sqlite:///{db}", env=env) as server:
        for name, path in [("first", "/api/v1/outlets")] + [
            ("api", "/api/v1/outlets"),
            ("page", "/outlets?lang=en"),
        ] * rounds:
            _touch(db)
            cpu, start = _cpu_of(server.pid), time.perf_counter()
            _get(server.base + path)
            times[name].append((time.perf_counter() - start, _cpu_of(server.pid) - cpu))
        answer = json.loads(_get(server.base + "/api/v1/outlets"))
    return times, answer


def _best(values: list[tuple[float, float]]) -> tuple[float, float]:
    return min(values, key=lambda wc: wc[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=2000)
    parser.add_argument("--baseline", default="d922708", help="The revision to compare with (git).")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=3, help="Answers of each route per server.")
    parser.add_argument("--db", type=Path, help="Keep the stores in this folder (default: a temporary one).")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-outlets-"))
    folder = args.db or work
    folder.mkdir(parents=True, exist_ok=True)
    try:
        baseline_src = work / "baseline"
        baseline_src.mkdir()
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", args.baseline, "src"], capture_output=True, check=True
        )
        subprocess.run(["tar", "-x", "-C", str(baseline_src)], input=archive.stdout, check=True)
        sides = {f"baseline {args.baseline}": baseline_src / "src", "this checkout": ROOT / "src"}
        made = folder / "made.db"
        if not made.exists():
            size = make_store(made, args.stories, baseline_src / "src")
            print(
                f"store: {args.stories} stories ({args.stories - args.stories // 10} compared), "
                f"{size / 1000:.1f} kB of JSON a comparison, {made.stat().st_size / 1e6:.0f} MB"
            )
        cli: dict[str, list[tuple[float, float]]] = {s: [] for s in sides}
        served_times: dict[str, dict[str, list[tuple[float, float]]]] = {
            s: {"first": [], "api": [], "page": []} for s in sides
        }
        answers: dict[str, Any] = {}
        starts = {s: measure_start(src) for s, src in sides.items()}
        for _ in range(args.repeats):
            for side, src in sides.items():
                copy = work / "copy.db"
                shutil.copyfile(made, copy)
                got, answers[side + " api"] = measure_served(copy, src, args.rounds)
                for name, values in got.items():
                    served_times[side][name] += values
                wall, cpu, answer = measure_cli(copy, src)
                cli[side].append((wall, cpu))
                answers[side + " cli"] = answer
                copy.unlink()
        print(f"load average {os.getloadavg()[0]:.2f}; least CPU of {args.repeats} (wall s / CPU s)")
        print(f"{'':<34}" + "".join(f"{s:>24}" for s in sides))
        rows = [
            ("outlets --format json (process)", {s: _best(cli[s]) for s in sides}),
            ("  of which the start (--help)", {s: (0.0, starts[s]) for s in sides}),
            ("first /api/v1/outlets of a store", {s: _best(served_times[s]["first"]) for s in sides}),
            ("/api/v1/outlets after a write", {s: _best(served_times[s]["api"]) for s in sides}),
            ("/outlets page after a write", {s: _best(served_times[s]["page"]) for s in sides}),
        ]
        for label, figures in rows:
            print(f"{label:<34}" + "".join(f"{figures[s][0]:>11.3f} / {figures[s][1]:>8.3f}s" for s in sides))
        names = list(sides)
        for kind in ("cli", "api"):
            a, b = answers[f"{names[0]} {kind}"], answers[f"{names[1]} {kind}"]
            print(f"same {kind} answer on both sides: {_same(a, b)}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _same(a: Any, b: Any) -> bool:
    """Whether two answers are equal but for the order of their lists of outlets."""

    def key(item: Any) -> str:
        return json.dumps(item, sort_keys=True)

    def norm(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: norm(v) for k, v in value.items()}
        if (
            isinstance(value, list)
            and value
            and isinstance(value[0], dict)
            and ("outlet" in value[0] or "name" in value[0])
        ):
            return sorted((norm(v) for v in value), key=key)
        return value

    return bool(norm(a) == norm(b))


if __name__ == "__main__":
    main()
