"""Batch throughput: the single-process path beside `blickwinkel batch` with 1 and 2 Dask workers.

Prints, for the same input, articles/s end to end (read, embed, cluster, and unless --no-compare
analyse and compare every story) and peak memory: of the single process, and per Dask worker.
Two inputs:

* ``corpus``: ../shared/data/corpus-de/articles.jsonl (6,031 real German articles), cut into JSONL
  partitions of --partition-size articles in a temporary folder;
* ``synthetic``: a 1,000,000-article archive derived from the corpus on the fly (article n is corpus
  article n mod 6,031 with its own id and a publication day spread over ten years, 274 a day). Only its
  first --synthetic-sample articles are materialised (in a temporary folder, deleted afterwards) and
  run; the figures for the whole archive are projected from that measured rate (printed as such).

    python bench/batch.py                      # corpus (first --limit articles) and synthetic sample
    python bench/batch.py --limit 0 --no-compare   # the whole corpus, stories only

Nothing here is asserted; the projection's assumptions are printed with it and in docs/scaling.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

try:
    from bench.shared_data import CORPUS_DE as CORPUS
except ModuleNotFoundError:  # run as ``python bench/batch.py``: bench/ itself is on the path
    from shared_data import CORPUS_DE as CORPUS  # type: ignore[no-redef]
SYNTHETIC_SIZE = 1_000_000
SYNTHETIC_DAYS = 3_650
WORLD_PER_DAY = 200_000  # Event Registry's figure for a day of the world's news


def corpus_records(limit: int) -> list[dict[str, Any]]:
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    return records[:limit] if limit else records


def synthetic_records(base: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """The synthetic archive, lazily: never held in memory or on disk as a whole."""
    start = dt.date(2015, 1, 1)
    for n in range(SYNTHETIC_SIZE):
        record = dict(base[n % len(base)])
        record["id"] = f"syn-{n:07d}"
        record["url"] = f"https://synthetic.invalid/{n}"
        record["date"] = (start + dt.timedelta(days=n * SYNTHETIC_DAYS // SYNTHETIC_SIZE)).isoformat()
        yield record


def write_partitions(
    records: Iterator[dict[str, Any]] | list[dict[str, Any]], folder: Path, size: int
) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    iterator = iter(records)
    for number in itertools.count():
        chunk = list(itertools.islice(iterator, size))
        if not chunk:
            break
        (folder / f"part-{number:05d}.jsonl").write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in chunk), encoding="utf-8"
        )
        count += len(chunk)
    return count


SINGLE = r"""
import json, resource, sys, time
from blickwinkel.embed import get_embedder
from blickwinkel.ingest import read_inputs
from blickwinkel.stories import cluster_stories, story_docs
started = time.perf_counter()
read = read_inputs([sys.argv[1]])
docs = story_docs(list(read.articles), get_embedder("use"))
stories = cluster_stories(docs)
compared = 0
if sys.argv[2] == "compare":
    from blickwinkel.analyse.pipeline import analyse_articles
    from blickwinkel.compare import compare_articles
    by_id = {a.id: a for a in read.articles}
    for s in stories:
        analysed = analyse_articles([by_id[a] for a in s.articles])
        if len(analysed) >= 2:
            compare_articles(analysed, get_embedder("use"))
            compared += 1
json.dump({a: s.id for s in stories for a in s.articles}, open(sys.argv[3], "w"))
print(json.dumps({"seconds": time.perf_counter() - started, "articles": len(read.articles),
                  "stories": len(stories), "compared": compared,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def single_process(folder: Path, compare: bool) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile(suffix=".json") as stories:
        out = subprocess.run(
            [sys.executable, "-c", SINGLE, str(folder), "compare" if compare else "stories", stories.name],
            capture_output=True,
            text=True,
            check=True,
        )
        row = dict(json.loads(out.stdout.strip().splitlines()[-1]))
        row["story_of"] = json.loads(Path(stories.name).read_text())
    return row


def differing_share(one: dict[str, str], other: dict[str, str]) -> float:
    """Share of articles whose fellow story members differ between two clusterings."""

    def groups(story_of: dict[str, str]) -> dict[str, frozenset[str]]:
        members: dict[str, set[str]] = {}
        for article, story in story_of.items():
            members.setdefault(story, set()).add(article)
        return {a: frozenset(members[s]) for a, s in story_of.items()}

    a, b = groups(one), groups(other)
    shared = set(a) & set(b)
    return sum(1 for x in shared if a[x] != b[x]) / max(1, len(shared))


def batch(folder: Path, workers: int, compare: bool) -> dict[str, Any]:
    import psutil
    from distributed import Client, LocalCluster

    from blickwinkel.batch import run_batch

    peaks: dict[str, float] = {}
    stop = threading.Event()
    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        Client(cluster) as client,
        tempfile.TemporaryDirectory() as out,
    ):

        def sample() -> None:
            while not stop.wait(0.5):
                try:
                    rss = client.run(lambda: psutil.Process().memory_info().rss / 2**20)
                except Exception:
                    continue
                for worker, mb in rss.items():
                    peaks[worker] = max(peaks.get(worker, 0.0), mb)

        watcher = threading.Thread(target=sample, daemon=True)
        watcher.start()
        started = time.perf_counter()
        result = run_batch([str(folder)], out, client=client, compare=compare)
        seconds = time.perf_counter() - started
        stop.set()
        watcher.join()
    return {
        "seconds": seconds,
        "articles": result.articles,
        "stories": result.stories,
        "compared": result.compared,
        "worker_peak_mb": max(peaks.values()) if peaks else None,
        "story_of": result.story_of,
        "client_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def show(name: str, row: dict[str, Any]) -> None:
    rate = row["articles"] / row["seconds"] if row["seconds"] else 0.0
    memory = (
        f"peak {row['peak_mb']:.0f} MB"
        if "peak_mb" in row
        else f"peak per worker {row['worker_peak_mb'] or 0:.0f} MB, client {row['client_peak_mb']:.0f} MB"
    )
    print(
        f"  {name:<22} {row['articles']:>6} articles  {row['seconds']:7.1f} s  {rate:6.1f} articles/s  "
        f"{row['stories']} stories, {row['compared']} compared  {memory}",
        flush=True,
    )
    row["rate"] = rate


def run(name: str, folder: Path, compare: bool) -> dict[str, dict[str, Any]]:
    print(f"{name}: {'read, embed, cluster, analyse and compare' if compare else 'read, embed, cluster'}")
    rows = {"single process": single_process(folder, compare)}
    show("single process", rows["single process"])
    for workers in (1, 2):
        rows[f"batch, {workers} worker(s)"] = batch(folder, workers, compare)
        show(f"batch, {workers} worker(s)", rows[f"batch, {workers} worker(s)"])
    share = differing_share(rows["single process"]["story_of"], rows["batch, 2 worker(s)"]["story_of"])
    print(f"  {share:.3%} of articles are in a different story than in the single process")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--limit", type=int, default=1500, help="corpus articles (0: all 6,031)")
    parser.add_argument("--synthetic-sample", type=int, default=1500, help="synthetic articles run (0: skip)")
    parser.add_argument("--partition-size", type=int, default=250)
    parser.add_argument("--no-compare", action="store_true", help="stories only")
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} not found (the corpus is not redistributed)")
        return
    compare = not args.no_compare
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        base = corpus_records(0)
        corpus = corpus_records(args.limit)
        write_partitions(corpus, Path(tmp) / "corpus", args.partition_size)
        run(f"corpus-de ({len(corpus)} articles)", Path(tmp) / "corpus", compare)
        if args.synthetic_sample:
            sample = itertools.islice(synthetic_records(base), args.synthetic_sample)
            write_partitions(sample, Path(tmp) / "synthetic", args.partition_size)
            rows = run(
                f"synthetic archive, first {args.synthetic_sample} of {SYNTHETIC_SIZE:,} articles",
                Path(tmp) / "synthetic",
                compare,
            )
            rate = rows["batch, 2 worker(s)"]["rate"]
            per_core = rate / 2
            print(
                "projection (assumes the measured per-core rate holds on every core, no shared bottleneck):"
            )
            print(f"  the whole synthetic archive on these 2 cores: {SYNTHETIC_SIZE / rate / 3600:.1f} h")
            for machines, cores in ((100, 2), (100, 16)):
                hours = SYNTHETIC_SIZE / (per_core * machines * cores) / 3600
                print(f"  on {machines} machines x {cores} cores: {hours * 60:.1f} min")
            needed = WORLD_PER_DAY / (per_core * 86_400)
            print(
                f"  a day of the world's news ({WORLD_PER_DAY:,} articles): {needed:.1f} cores busy all day"
            )
    print(f"load average at end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
