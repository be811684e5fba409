"""Newsroom service benchmark: ingest rate into SQLite and PostgreSQL, and requests/s with p50/p99
latency for story pages and the compare endpoint under concurrent clients on loopback.

    python bench/service.py [--limit 300] [--duration 60] [--clients 50] [--pg postgresql://…]

The ingest part reads ../shared/data/corpus-de/articles.jsonl (skipped when absent); PostgreSQL is
measured when --pg or BLICKWINKEL_TEST_PG_URL is given. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import os
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
CORPUS = ROOT.parent / "shared" / "data" / "corpus-de" / "articles.jsonl"
SERVER = """
import sys, uvicorn
from blickwinkel.config import load_settings
from blickwinkel.store import open_store
from blickwinkel.web import create_app
store = open_store(sys.argv[1])
uvicorn.run(create_app(store, load_settings({})), host="127.0.0.1", port=int(sys.argv[2]), log_level="error")
"""
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


async def load(base: str, paths: list[str], *, compare: bool, clients: int, duration: float) -> None:
    import httpx

    latencies: list[float] = []
    errors = 0
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
                        r = await client.get(paths[i % len(paths)], headers={"accept": "text/html"})
                    if r.status_code != 200:
                        errors += 1
                except httpx.HTTPError:
                    errors += 1
                latencies.append(time.perf_counter() - t0)
                i += clients

        start = time.perf_counter()
        await asyncio.gather(*(worker(n) for n in range(clients)))
        elapsed = time.perf_counter() - start
    latencies.sort()
    p50 = statistics.median(latencies) * 1000
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000
    what = "compare   " if compare else "story page"
    print(
        f"{what} {clients} clients {elapsed:5.1f} s: {len(latencies) / elapsed:7.1f} req/s, "
        f"p50 {p50:7.1f} ms, p99 {p99:7.1f} ms, errors {errors}"
    )


def bench_http(db_url: str, clients: int, duration: float) -> None:
    import httpx

    from blickwinkel.store import open_store

    store = open_store(db_url)
    story_ids = [s.id for s in store.list_stories(limit=200).items]
    store.close()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-c", SERVER, db_url, str(port)])
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
        httpx.post(base + "/api/v1/compare", json=COMPARE_BODY, timeout=600)
        asyncio.run(load(base, paths, compare=False, clients=clients, duration=duration))
        asyncio.run(load(base, paths, compare=True, clients=clients, duration=duration))
    finally:
        server.terminate()
        server.wait(30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=300, help="articles of the corpus to ingest")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of load per endpoint")
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients")
    parser.add_argument("--pg", default=os.environ.get("BLICKWINKEL_TEST_PG_URL", ""), help="PostgreSQL URL")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        sqlite_url = f"sqlite:///{tmp}/bench.db"
        if CORPUS.is_file():
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
            print(f"ingest skipped: {CORPUS} is absent; serving the bundled examples instead")
            from blickwinkel.store import open_store
            from blickwinkel.store.ingest import Ingestor

            store = open_store(sqlite_url)
            Ingestor(store).ingest([str(p) for p in sorted((ROOT / "examples").iterdir()) if p.is_dir()])
            store.close()
        bench_http(sqlite_url, args.clients, args.duration)


if __name__ == "__main__":
    main()
