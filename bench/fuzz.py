"""Reliability benchmark: generated hostile inputs through the readers, `compare` and `ingest`.

Seeded cases from ``bench/fuzz_corpus.py`` (random bytes, truncated and nested markup, JSON of wrong
types, odd encodings and names, huge lines) are read one file at a time (time per file printed),
then run in batches, each with two good example articles, through ``blickwinkel compare --format
json`` and ``blickwinkel ingest --no-analysis`` in-process. Counted: tracebacks (an exception that is
not a clean exit, or a reader's "unexpected error"), hangs (a file or batch over --timeout: the
process then dumps its stacks and stops), and batches whose good files were not compared or stored.
The process's address space is capped (``--max-memory-gb``), so an input that makes memory explode
shows as a MemoryError problem instead of taking the machine. ``--start`` runs a later part of the
same seeded cases (to split the 10,000 into chunks). ``--compare-max-chars`` sets the setting of that
name for the runs (texts over it are refused by ``compare`` with a clear error): comparing a 200,000
character line takes about half a minute of CPU, so a lower value fits 10,000 cases into an hour;
``bench/pathological.py`` times the analysis of such texts. Prints figures only.
Usage: python bench/fuzz.py [--count 10000] [--batch 20] [--seed 13] [--start 0]
"""

from __future__ import annotations

import argparse
import faulthandler
import json
import os
import resource
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from typer.testing import CliRunner

try:
    from bench.fuzz_corpus import FuzzCase, generate, write
except ModuleNotFoundError:  # run as ``python bench/fuzz.py``: bench/ itself is on the path
    from fuzz_corpus import FuzzCase, generate, write  # type: ignore[no-redef]
from blickwinkel.cli.main import app
from blickwinkel.ingest import read_inputs

ROOT = Path(__file__).resolve().parents[1]
GOOD = [
    ROOT / "examples" / "brueckensperrung" / "lindenauer-anzeiger.txt",
    ROOT / "examples" / "brueckensperrung" / "rundschau-online.md",
]
GOOD_IDS = {"lindenauer-anzeiger", "rundschau-online"}


def read_each(
    cases: list[FuzzCase], folder: Path, timeout: float
) -> tuple[list[tuple[float, str]], list[str]]:
    """Every case read on its own: (seconds, name and kind) per file, and reader tracebacks."""
    paths = write(cases, folder)
    times: list[tuple[float, str]] = []
    bugs: list[str] = []
    for case, path in zip(cases, paths, strict=True):
        faulthandler.dump_traceback_later(timeout, exit=True)
        start = time.perf_counter()
        result = read_inputs([str(path)])
        times.append((time.perf_counter() - start, f"{case.name} ({case.kind}, {len(case.data):,} bytes)"))
        faulthandler.cancel_dump_traceback_later()
        bugs += [str(f)[:200] for f in result.failures if "unexpected error" in str(f)]
    return times, bugs


def run_batch(
    cases: list[FuzzCase], folder: Path, db: Path, timeout: float, max_chars: int | None
) -> tuple[float, list[str]]:
    """compare and ingest over the cases plus the good files; the problems found."""
    write(cases, folder)
    for good in GOOD:
        shutil.copy(good, folder / good.name)
    env = {"BLICKWINKEL_CONFIG": os.devnull, "COLUMNS": "120"}
    if max_chars is not None:
        env["BLICKWINKEL_COMPARE_MAX_CHARS"] = str(max_chars)
    problems: list[str] = []
    runner = CliRunner()
    faulthandler.dump_traceback_later(timeout, exit=True)
    start = time.perf_counter()
    compared = runner.invoke(app, ["compare", str(folder), "--format", "json"], env=env)
    if compared.exception is not None and not isinstance(compared.exception, SystemExit):
        problems.append(f"compare raised {compared.exception!r}")
    elif compared.exit_code not in (0, 1):
        problems.append(f"compare exited {compared.exit_code}: {compared.stderr[-300:]}")
    else:
        ids = {a["id"] for a in json.loads(compared.stdout)["articles"]}
        if not ids >= GOOD_IDS:
            problems.append(f"compare left out good files: {sorted(GOOD_IDS - ids)}")
    stored = runner.invoke(app, ["ingest", str(folder), "--db", f"sqlite:///{db}", "--no-analysis"], env=env)
    if stored.exception is not None and not isinstance(stored.exception, SystemExit):
        problems.append(f"ingest raised {stored.exception!r}")
    elif stored.exit_code not in (0, 1):
        problems.append(f"ingest exited {stored.exit_code}: {stored.stderr[-300:]}")
    else:
        with sqlite3.connect(db) as conn:
            sources = {Path(s).name for (s,) in conn.execute("SELECT source FROM articles")}
        if not {g.name for g in GOOD} <= sources:
            problems.append("ingest did not store the good files")
    seconds = time.perf_counter() - start
    faulthandler.cancel_dump_traceback_later()
    return seconds, problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=20, help="generated files per compare/ingest batch")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument(
        "--timeout", type=float, default=300.0, help="seconds before a file or batch is a hang"
    )
    parser.add_argument("--no-huge", action="store_true", help="leave out the megabyte-sized lines")
    parser.add_argument("--readers-only", action="store_true")
    parser.add_argument("--start", type=int, default=0, help="skip the first START generated cases")
    parser.add_argument("--compare-max-chars", type=int, help="the compare_max_chars setting of the runs")
    parser.add_argument("--max-memory-gb", type=float, default=8.0, help="address-space cap of the process")
    args = parser.parse_args()
    cap = int(args.max_memory_gb * 2**30)
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    cases = list(generate(args.seed, args.count, huge=not args.no_huge))[args.start :]
    work = Path(tempfile.mkdtemp(prefix="blickwinkel-fuzz-"))
    try:
        times, bugs = read_each(cases, work / "each[", args.timeout)
        seconds = sorted(t for t, _ in times)
        p99 = seconds[min(len(seconds) - 1, int(0.99 * len(seconds)))]
        print(
            f"readers: {len(cases)} files (seed {args.seed}, cases {args.start}–{args.count - 1}), "
            f"{len(bugs)} tracebacks, 0 hangs"
        )
        print(
            f"  per file: median {statistics.median(seconds) * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms, "
            f"max {seconds[-1]:.2f} s; total {sum(seconds):.1f} s"
        )
        for t, what in sorted(times, reverse=True)[:5]:
            print(f"  slowest: {t:7.2f} s  {what}")
        for bug in bugs[:10]:
            print(f"  traceback: {bug}")
        if args.readers_only:
            return 0
        problems: list[str] = []
        batch_times: list[float] = []
        for n in range(0, len(cases), args.batch):
            folder = work / f"batch{n:05d}["
            took, found = run_batch(
                cases[n : n + args.batch], folder, work / f"b{n}.db", args.timeout, args.compare_max_chars
            )
            batch_times.append(took)
            label = f"batch {(args.start + n) // args.batch:4d} (cases {args.start + n}–)"
            problems += [f"{label}: {p}" for p in found]
            print(f"  {label}: {took:6.1f} s, {len(found)} problem(s)", flush=True)
            shutil.rmtree(folder, ignore_errors=True)
        print(
            f"compare + ingest: {len(batch_times)} batches of {args.batch} generated files and 2 good ones, "
            f"{len(problems)} problems (tracebacks, bad exits, good files lost), 0 hangs; per batch "
            f"median {statistics.median(batch_times):.1f} s, max {max(batch_times):.1f} s"
            + (f" (compare_max_chars {args.compare_max_chars:,})" if args.compare_max_chars else "")
        )
        for problem in problems[:20]:
            print(f"  {problem}")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
