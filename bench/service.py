"""Newsroom service benchmark: ingest rate into SQLite and PostgreSQL, and requests/s with p50/p90/p99
latency for the cached story pages, the stories API (`/api/v1/stories`) and the compare endpoint
under concurrent clients on loopback (the load generator shares the machine with the server).

    python bench/service.py [--limit 300] [--duration 60] [--clients 50] [--workers 1] [--pg postgresql://…]
                            [--no-ingest] [--no-compare] [--locust PATH [--no-own]]

`--workers` starts that many server processes (`blickwinkel serve --workers`). Every line carries
the load average, because the development machine is shared.

Our own load generator is closed-loop: each client has one keep-alive connection and sends its next
request when the answer is in, so latency = clients / throughput. It writes prepared request bytes
and reads answers with two byte searches on one event loop (uvloop where installed): it prints its
own CPU per request beside the server's, and it shares no code with the service. `--locust PATH`
runs the same load from Locust as well (an independent generator, installed in an environment of
its own: `python -m venv /tmp/locust && /tmp/locust/bin/pip install locust==2.47.0`, then
`--locust /tmp/locust/bin/locust`; `bench/locustfile.py` only names the paths).

The ingest part reads ../shared/data/corpus-de/articles.jsonl (skipped when absent); PostgreSQL is
measured when --pg or BLICKWINKEL_TEST_PG_URL is given. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import functools
import json
import os
import subprocess
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Coroutine
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

try:
    from bench.served import served
    from bench.shared_data import CORPUS_DE as CORPUS
    from bench.shared_data import ROOT
except ModuleNotFoundError:  # run as ``python bench/service.py``: bench/ itself is on the path
    from served import served  # type: ignore[no-redef]
    from shared_data import CORPUS_DE as CORPUS  # type: ignore[no-redef]
    from shared_data import ROOT  # type: ignore[no-redef]
from blickwinkel.model import Article

JSON = {"content-type": "application/json"}
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


class Client(asyncio.Protocol):
    """One closed-loop client on one keep-alive HTTP/1.1 connection: it sends a request, reads the
    answer (status line, Content-Length, body) and sends the next, until the run's time is up.

    Requests are prepared bytes and answers are read with two searches, no HTTP library: the
    generator shares the cores with the server, and a heavy client (an HTTP library's objects per
    request, threads taking turns for the interpreter lock) puts its own queueing into the tail.
    """

    def __init__(self, requests: list[bytes], stop: float, run: Run) -> None:
        self.requests = requests
        self.stop = stop
        self.run = run
        self.done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self.transport: asyncio.Transport | None = None
        self.buffer = b""
        self.need = -1  # bytes of the whole answer once its head is read
        self.sent = 0.0
        self.count = 0

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.Transport, transport)  # uvloop's is no subclass of asyncio's
        self._send()

    def _send(self) -> None:
        assert self.transport is not None
        self.sent = time.perf_counter()
        self.transport.write(self.requests[self.count % len(self.requests)])

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        if self.need < 0:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            head = self.buffer[:end].lower()
            self.status = int(head[9:12])
            if self.status == 503 and b"\r\nretry-after:" not in head:
                self.status = -503  # shedding load must say when to come back
            length = 0
            at = head.find(b"\r\ncontent-length:")
            if at >= 0:
                line_end = head.find(b"\r\n", at + 2)
                length = int(head[at + 17 : line_end if line_end >= 0 else None])
            self.need = end + 4 + length
        if len(self.buffer) < self.need:
            return
        now = time.perf_counter()
        self.buffer = self.buffer[self.need :]
        self.need = -1
        self.count += 1
        self.run.answered(self.status, now - self.sent)
        if now < self.stop:
            self._send()
        else:
            self._finish()

    def _finish(self) -> None:
        if self.transport is not None:
            self.transport.close()
        if not self.done.done():
            self.done.set_result(None)

    def connection_lost(self, exc: Exception | None) -> None:
        if self.need != -1 or self.buffer:
            self.run.failed += 1  # closed in the middle of an answer
        if not self.done.done():
            self.done.set_result(None)


@dataclass
class Run:
    latencies: list[float] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)
    failed: int = 0  # no answer: connection refused or closed, or no answer before the deadline

    def answered(self, status: int, latency: float) -> None:
        self.latencies.append(latency)
        self.statuses[status] += 1


def request_bytes(path: str, *, body: bytes | None = None) -> bytes:
    accept = "application/json" if path.startswith("/api/") else "text/html"
    if body is None:
        return f"GET {path} HTTP/1.1\r\nHost: bench\r\nAccept: {accept}\r\n\r\n".encode()
    return (
        f"POST {path} HTTP/1.1\r\nHost: bench\r\nAccept: {accept}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode() + body


async def load(
    port: int,
    requests: list[bytes],
    *,
    clients: int,
    duration: float,
    label: str,
    server: int | None = None,
    ok: frozenset[int] = frozenset({200}),
) -> None:
    """``clients`` closed-loop clients for ``duration`` seconds; prints throughput, percentiles, the
    answers by status, the server's and the generator's CPU time per request."""
    loop = asyncio.get_running_loop()
    run = Run()
    cpu_before = server_cpu(server) if server else float("nan")
    own_before = time.process_time()
    start = time.perf_counter()
    stop = start + duration
    protocols: list[Client] = []
    for n in range(clients):
        # each client starts at its own place in the list, so the paths are asked for evenly
        mine = requests[n % len(requests) :] + requests[: n % len(requests)]
        try:
            _, protocol = await loop.create_connection(
                functools.partial(Client, mine, stop, run), "127.0.0.1", port
            )
        except OSError:
            run.failed += 1
            continue
        protocols.append(protocol)
    waiting = [p.done for p in protocols]
    if waiting:
        _, pending = await asyncio.wait(waiting, timeout=duration + 60)
        run.failed += len(pending)  # no answer within a minute after the end
    for p in protocols:
        p._finish()
    elapsed = time.perf_counter() - start
    own = time.process_time() - own_before
    cpu = (server_cpu(server) - cpu_before) if server else float("nan")
    latencies = sorted(run.latencies) or [float("nan")]
    answered = max(1, len(run.latencies))
    p50, p90, p99 = (
        latencies[min(len(latencies) - 1, int(len(latencies) * q))] * 1000 for q in (0.5, 0.9, 0.99)
    )
    errors = run.failed + sum(n for status, n in run.statuses.items() if status not in ok)
    statuses = ", ".join(f"{s}: {n}" for s, n in sorted(run.statuses.items()))
    counts = sorted(p.count for p in protocols) or [0]
    one, five, _ = os.getloadavg()
    print(
        f"{label:<16} {clients} clients {elapsed:5.1f} s: {len(run.latencies) / elapsed:7.1f} req/s, "
        f"p50 {p50:7.1f} ms, p90 {p90:7.1f} ms, p99 {p99:7.1f} ms, max {latencies[-1] * 1000:7.1f} ms, "
        f"errors {errors} ({statuses}); CPU per request: server {cpu * 1000 / answered:5.3f} ms, "
        f"generator {own * 1000 / answered:5.3f} ms; requests per client {counts[0]}–{counts[-1]}  "
        f"(load {one:.1f}/{five:.1f})",
        flush=True,
    )


def run_async(coroutine: Coroutine[Any, Any, None]) -> None:
    """Run the generator on uvloop where it is installed (less CPU per request than asyncio's loop)."""
    try:
        import uvloop
    except ImportError:
        asyncio.run(coroutine)
        return
    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        runner.run(coroutine)


def bench_http(db_url: str, args: argparse.Namespace) -> None:
    import httpx

    from blickwinkel.store import open_store

    store = open_store(db_url)
    story_ids = [s.id for s in store.list_stories(limit=200).items]
    store.close()
    options = ["--workers", str(args.workers)] if args.workers > 1 else []
    with served(db_url, options, quiet=False) as server:
        base, port = server.base, server.port
        paths = [f"/stories/{i}" for i in story_ids]
        for path in paths:  # compute and cache every comparison first: the benchmark measures serving
            httpx.get(base + path, timeout=600)
        print(f"server: {args.workers} worker(s), {len(paths)} stories", flush=True)
        listings = ["/api/v1/stories", "/api/v1/stories?limit=50"]
        endpoints = [("story page", paths), ("/api/v1/stories", listings)]
        for label, wanted in endpoints:
            if not args.no_own:
                requests = [request_bytes(p) for p in wanted]
                run_async(
                    load(
                        port,
                        requests,
                        clients=args.clients,
                        duration=args.duration,
                        label=label,
                        server=server.pid,
                    )
                )
            if args.locust:
                run_locust(args.locust, base, wanted, label, clients=args.clients, duration=args.duration)
        if not args.no_compare:
            body = json.dumps(COMPARE_BODY).encode()
            httpx.post(base + "/api/v1/compare", content=body, headers=JSON, timeout=600)
            run_async(
                load(
                    port,
                    [request_bytes("/api/v1/compare", body=body)],
                    clients=args.clients,
                    duration=args.duration,
                    label="compare",
                    server=server.pid,
                    ok=frozenset({200, 503}),  # 503 with Retry-After is the documented answer when full
                )
            )


def run_locust(
    locust: str, base: str, paths: list[str], label: str, *, clients: int, duration: float
) -> None:
    """The same load from Locust (an independent generator, in its own environment): ``clients``
    users without waits, all started within the first second; statistics from after the start."""
    with tempfile.TemporaryDirectory() as tmp:
        command = [
            locust,
            "-f",
            str(ROOT / "bench" / "locustfile.py"),
            "--headless",
            "--only-summary",
            "--reset-stats",
            "--users",
            str(clients),
            "--spawn-rate",
            str(clients),
            "--run-time",
            f"{int(duration)}s",
            "--host",
            base,
            "--csv",
            f"{tmp}/locust",
            "--loglevel",
            "WARNING",
        ]
        env = os.environ | {"BLICKWINKEL_BENCH_PATHS": ",".join(paths)}
        subprocess.run(command, env=env, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with Path(f"{tmp}/locust_stats.csv").open(encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
    total = next(r for r in rows if r["Name"] == "Aggregated")
    one, five, _ = os.getloadavg()
    print(
        f"{label:<16} {clients} clients (Locust FastHttpUser): {float(total['Requests/s']):7.1f} req/s, "
        f"p50 {total['50%']} ms, p90 {total['90%']} ms, p99 {total['99%']} ms, "
        f"max {float(total['Max Response Time']):.0f} ms, "
        f"errors {total['Failure Count']} of {total['Request Count']}  (load {one:.1f}/{five:.1f})",
        flush=True,
    )


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
    parser.add_argument(
        "--locust",
        default="",
        metavar="PATH",
        help="the locust command (installed in an environment of its own): the same load from Locust too",
    )
    parser.add_argument("--no-own", action="store_true", help="skip our own generator (with --locust)")
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
                    if p.is_dir() and not p.name.startswith("gold") and p.name != "train-stories"
                ]
            )
            store.close()
        bench_http(sqlite_url, args)


if __name__ == "__main__":
    main()
