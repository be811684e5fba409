"""Newsroom service benchmark: ingest rate into SQLite and PostgreSQL, and requests/s with p50/p90/p99
latency for the cached story pages, the stories API (`/api/v1/stories`) and the compare endpoint
under concurrent clients on loopback (the load generator shares the machine with the server).

    python bench/service.py [--limit 300] [--duration 60] [--clients 50] [--workers 1] [--pg postgresql://…]
                            [--no-ingest] [--no-compare]

`--workers` starts that many server processes (`blickwinkel serve --workers`). Every line carries
the load average, because the development machine is shared.

The ingest part reads ../shared/data/corpus-de/articles.jsonl (skipped when absent); PostgreSQL is
measured when --pg or BLICKWINKEL_TEST_PG_URL is given. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from blickwinkel.model import Article

ROOT = Path(__file__).resolve().parents[1]
CORPUS = (
    Path(os.environ.get("BLICKWINKEL_SHARED", ROOT.parent / "shared"))
    / "data"
    / "corpus-de"
    / "articles.jsonl"
)
CLI = [sys.executable, "-m", "blickwinkel.cli"]
COMPARE_BODY = {
    "articles": [
        {
            "text": "Mill fire in Osterlin\n\nA fire destroyed the old mill in Osterlin on Monday. "
            "Ten people were evacuated, the fire brigade said. The mayor promised help.",
            "outlet": "Osterlin Post",
        },
        {
            "text": "Osterlin mill burns\n\nThe old mill in Osterlin burned down on Monday night. "
            "Twelve people had to leave their homes, according to the police.",
            "outlet": "Valley Courier",
        },
    ]
}


def read_corpus(limit: int) -> list[Article]:
    from blickwinkel.errors import IngestError
    from blickwinkel.ingest import read_text

    articles: list[Article] = []
    with CORPUS.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if len(articles) >= limit:
                break
            try:
                articles.append(read_text(line, source=f"corpus-de:{n + 1}", fmt="jsonl"))
            except IngestError:
                continue
    return articles


def bench_ingest(url: str, articles: list[Article], label: str) -> None:
    """Ingest in a fresh process: the embedder's per-text cache must not carry over between backends."""
    import multiprocessing

    process = multiprocessing.get_context("spawn").Process(target=_ingest_run, args=(url, articles, label))
    process.start()
    process.join()


def _ingest_run(url: str, articles: list[Article], label: str) -> None:
    from blickwinkel.store import open_store
    from blickwinkel.store.ingest import Ingestor

    store = open_store(url)
    ingestor = Ingestor(store)
    ingestor.ingest_articles(articles[:2])  # load models outside the timing
    start = time.perf_counter()
    counts = ingestor.ingest_articles(articles[2:])
    elapsed = time.perf_counter() - start
    stories = len(store.list_stories(limit=200).items)
    print(
        f"ingest {label:<10} {counts.stored:5d} articles in {elapsed:6.1f} s = "
        f"{counts.stored / elapsed:6.1f} articles/s "
        f"(analysis + embedding + story + store; {counts.duplicates} duplicates, ≥{stories} stories)"
    )
    store.close()


def server_cpu(pid: int) -> float:
    """CPU seconds the server and its worker processes have used (NaN without psutil): on a shared
    machine, CPU per request says more about the server than wall-clock latency does."""
    try:
        import psutil
    except ImportError:
        return float("nan")
    process = psutil.Process(pid)
    total = 0.0
    for p in [process, *process.children(recursive=True)]:
        try:
            times = p.cpu_times()
        except psutil.Error:
            continue
        total += times.user + times.system
    return total


async def load(
    base: str,
    paths: list[str],
    *,
    compare: bool,
    clients: int,
    duration: float,
    label: str = "story page",
    server: int | None = None,
) -> None:
    import httpx

    latencies: list[float] = []
    errors = 0
    cpu_before = server_cpu(server) if server else float("nan")
    stop = time.perf_counter() + duration
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:

        async def worker(n: int) -> None:
            nonlocal errors
            i = n
            while time.perf_counter() < stop:
                t0 = time.perf_counter()
                try:
                    if compare:
                        r = await client.post("/api/v1/compare", json=COMPARE_BODY)
                    else:
                        path = paths[i % len(paths)]
                        accept = "application/json" if path.startswith("/api/") else "text/html"
                        r = await client.get(path, headers={"accept": accept})
                    if r.status_code != 200:
                        errors += 1
                except httpx.HTTPError:
                    errors += 1
                latencies.append(time.perf_counter() - t0)
                i += clients

        start = time.perf_counter()
        await asyncio.gather(*(worker(n) for n in range(clients)))
        elapsed = time.perf_counter() - start
    cpu = (server_cpu(server) - cpu_before) if server else float("nan")
    latencies.sort()
    p50 = statistics.median(latencies) * 1000
    p90 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.90))] * 1000
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000
    what = "compare" if compare else label
    one, five, _ = os.getloadavg()
    print(
        f"{what:<16} {clients} clients {elapsed:5.1f} s: {len(latencies) / elapsed:7.1f} req/s, "
        f"p50 {p50:7.1f} ms, p90 {p90:7.1f} ms, p99 {p99:7.1f} ms, errors {errors}, "
        f"server CPU {cpu * 1000 / max(1, len(latencies)):5.2f} ms/request  (load {one:.1f}/{five:.1f})",
        flush=True,
    )


def bench_http(db_url: str, clients: int, duration: float, *, workers: int, compare: bool) -> None:
    import httpx

    from blickwinkel.store import open_store

    store = open_store(db_url)
    story_ids = [s.id for s in store.list_stories(limit=200).items]
    store.close()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    command = [*CLI, "serve", "--db", db_url, "--port", str(port)]
    if workers > 1:
        command += ["--workers", str(workers)]
    server = subprocess.Popen(command, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                httpx.get(f"{base}/api/health", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        paths = [f"/stories/{i}" for i in story_ids]
        for path in paths:  # compute and cache every comparison first: the benchmark measures serving
            httpx.get(base + path, timeout=600)
        print(f"server: {workers} worker(s), {len(paths)} stories", flush=True)
        run = functools.partial(load, base, clients=clients, duration=duration, server=server.pid)
        asyncio.run(run(paths, compare=False))
        listings = ["/api/v1/stories", "/api/v1/stories?limit=50"]
        asyncio.run(run(listings, compare=False, label="/api/v1/stories"))
        if compare:
            httpx.post(base + "/api/v1/compare", json=COMPARE_BODY, timeout=600)
            asyncio.run(run(paths, compare=True))
    finally:
        os.killpg(server.pid, signal.SIGTERM)  # the server and its worker processes
        server.wait(30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=300, help="articles of the corpus to ingest")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of load per endpoint")
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients")
    parser.add_argument("--pg", default=os.environ.get("BLICKWINKEL_TEST_PG_URL", ""), help="PostgreSQL URL")
    parser.add_argument(
        "--workers", type=int, default=1, help="server processes (blickwinkel serve --workers)"
    )
    parser.add_argument(
        "--no-ingest", action="store_true", help="serve the bundled examples, skip the corpus"
    )
    parser.add_argument("--no-compare", action="store_true", help="skip the compare endpoint")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        sqlite_url = f"sqlite:///{tmp}/bench.db"
        if CORPUS.is_file() and not args.no_ingest:
            articles = read_corpus(args.limit)
            bench_ingest(sqlite_url, articles, "SQLite")
            if args.pg:
                import sqlalchemy as sa

                schema = f"bench_{uuid.uuid4().hex[:8]}"
                admin = sa.create_engine(args.pg.replace("postgresql://", "postgresql+psycopg://", 1))
                with admin.begin() as conn:
                    conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
                try:
                    sep = "&" if "?" in args.pg else "?"
                    bench_ingest(f"{args.pg}{sep}options=-csearch_path%3D{schema}", articles, "PostgreSQL")
                finally:
                    with admin.begin() as conn:
                        conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
                    admin.dispose()
        else:
            print(f"ingest skipped ({CORPUS}): serving the bundled examples instead")
            from blickwinkel.store import open_store
            from blickwinkel.store.ingest import Ingestor

            store = open_store(sqlite_url)
            Ingestor(store).ingest(
                [
                    str(p)
                    for p in sorted((ROOT / "examples").iterdir())
                    if p.is_dir() and not p.name.startswith("gold")
                ]
            )
            store.close()
        bench_http(sqlite_url, args.clients, args.duration, workers=args.workers, compare=not args.no_compare)


if __name__ == "__main__":
    main()
