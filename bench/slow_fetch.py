"""Benchmark: many slow-drip fetches through ``POST /api/v1/compare`` while stored data is read.

A local server on 127.0.0.1 sends 8 bytes a second and never finishes. The real app (``blickwinkel
serve`` in its own process, SQLite store holding the bundled examples) is asked for N comparisons
whose URL points at that server, all at once, while ``GET /api/v1/stories?limit=1`` is timed in a
loop; first the same loop runs with no load as the baseline. Each slow comparison should end at the
fetch deadline (``--deadline``) with a clear error, or be refused at once with 503 when the compare
workers and their queue are full. The slow requests are sent from a process of their own over one
shared client: a hundred client threads in the measuring process (each building its own TLS context)
held its interpreter lock and showed up as server latency. Prints figures only.
With ``--analyses K`` as many comparisons of two real example articles (made unique per request)
are sent along, so that analysis runs while the listing is timed.
Usage: python bench/slow_fetch.py [--fetches 100] [--workers 100] [--queue 0] [--deadline 3] [--analyses 0]
"""

from __future__ import annotations

import argparse
import http.server
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

try:
    from bench.served import free_port, served
except ModuleNotFoundError:  # run as ``python bench/slow_fetch.py``: bench/ itself is on the path
    from served import free_port, served  # type: ignore[no-redef]

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = [ROOT / "examples" / name for name in ("brueckensperrung", "ferry-grounding")]
ANALYSED = [
    ROOT / "examples" / "brueckensperrung" / n for n in ("lindenauer-anzeiger.txt", "rundschau-online.md")
]


class Drip(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("content-type", "text/html")
        self.end_headers()
        try:
            for _ in range(8 * 120):
                self.wfile.write(b"<")
                self.wfile.flush()
                time.sleep(0.125)
        except OSError:
            pass

    def log_message(self, *args: object) -> None:
        pass


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def read_loop(base: str, stop: threading.Event, out: list[float]) -> None:
    with httpx.Client(base_url=base, timeout=60) as client:
        while not stop.is_set():
            start = time.perf_counter()
            response = client.get("/api/v1/stories", params={"limit": 1})
            out.append(time.perf_counter() - start)
            assert response.status_code == 200, response.text
            time.sleep(0.02)


def drip_server(port: int) -> None:
    """The slow server, in a process of its own so that it takes no time from the measured ones."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Drip)
    server.daemon_threads = True
    server.serve_forever()


def send_slow_compares(base: str, drip_url: str, count: int, analyses: int) -> None:
    """``count`` compare requests at once, each naming a dripping page, and ``analyses`` comparisons of
    two example articles; one JSON line per answer."""
    lock = threading.Lock()
    limits = httpx.Limits(
        max_connections=count + analyses + 1, max_keepalive_connections=count + analyses + 1
    )
    texts = [p.read_text(encoding="utf-8") for p in ANALYSED]
    with httpx.Client(base_url=base, timeout=120, limits=limits) as client:

        def slow_compare(n: int) -> None:
            body = {"articles": [{"url": f"{drip_url}/page{n}"}, {"text": "Der Rat tagte am Montag lange."}]}
            start = time.perf_counter()
            response = client.post("/api/v1/compare", json=body)
            message = (
                response.json().get("error", {}).get("message", "") if response.status_code >= 400 else ""
            )
            with lock:
                print(json.dumps([response.status_code, time.perf_counter() - start, message]), flush=True)

        def analysis(n: int) -> None:
            body = {
                "articles": [
                    {"text": f"{t}\n\nNachtrag {n}: Der Rat tagt wieder.", "format": "markdown"}
                    for t in texts
                ]
            }
            start = time.perf_counter()
            response = client.post("/api/v1/compare", json=body)
            with lock:
                print(json.dumps([response.status_code, time.perf_counter() - start, "analysis"]), flush=True)

        threads = [threading.Thread(target=slow_compare, args=(n,)) for n in range(count)]
        threads += [threading.Thread(target=analysis, args=(n,)) for n in range(analyses)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()


def main() -> int:
    if sys.argv[1:2] == ["--drip-server"]:
        drip_server(int(sys.argv[2]))
        return 0
    if sys.argv[1:2] == ["--slow-compares"]:
        send_slow_compares(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--fetches", type=int, default=100)
    parser.add_argument(
        "--workers", type=int, default=100, help="compare_workers of the app (plus --analyses)"
    )
    parser.add_argument("--queue", type=int, default=0, help="compare_queue of the app")
    parser.add_argument("--deadline", type=float, default=3.0, help="fetch_timeout of the app (s)")
    parser.add_argument("--analyses", type=int, default=0, help="comparisons of real texts sent along")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="blickwinkel-slow-"))
    db = f"sqlite:///{work / 'slow.db'}"
    env = os.environ | {"BLICKWINKEL_CONFIG": os.devnull}
    cli = Path(sys.executable).with_name("blickwinkel")
    subprocess.run(
        [str(cli), "ingest", *map(str, EXAMPLES), "--db", db, "--no-analysis"],
        env=env,
        check=False,
        capture_output=True,
    )

    drip_port = free_port()
    drip = subprocess.Popen([sys.executable, __file__, "--drip-server", str(drip_port)])
    drip_url = f"http://127.0.0.1:{drip_port}"
    app_env = env | {
        "BLICKWINKEL_FETCH_ALLOW_NETWORKS": "127.0.0.0/8",
        "BLICKWINKEL_FETCH_TIMEOUT": str(args.deadline),
        "BLICKWINKEL_FETCH_HOST_INTERVAL": "0",
        "BLICKWINKEL_FETCH_MAX_CONCURRENT": str(max(16, args.fetches)),
        "BLICKWINKEL_COMPARE_WORKERS": str(args.workers + args.analyses),
        "BLICKWINKEL_COMPARE_QUEUE": str(args.queue),
    }
    with served(db, env=app_env) as server:
        base = server.base
        baseline: list[float] = []
        stop = threading.Event()
        reader = threading.Thread(target=read_loop, args=(base, stop, baseline))
        reader.start()
        time.sleep(3)
        stop.set()
        reader.join()

        loaded: list[float] = []
        stop = threading.Event()
        reader = threading.Thread(target=read_loop, args=(base, stop, loaded))
        reader.start()
        command = [sys.executable, __file__, "--slow-compares", base, drip_url]
        senders = subprocess.run(
            [*command, str(args.fetches), str(args.analyses)],
            capture_output=True,
            text=True,
            check=False,
        )
        stop.set()
        reader.join()
    results = [tuple(json.loads(line)) for line in senders.stdout.splitlines() if line.strip()]
    drip.terminate()
    drip.wait(30)

    print(
        f"{args.fetches} slow-drip compare requests at once; workers {args.workers}, queue {args.queue}, "
        f"fetch deadline {args.deadline:g} s"
    )
    for label, values in (("baseline (no load)", baseline), ("during the slow fetches", loaded)):
        print(
            f"  GET /api/v1/stories?limit=1 {label:<24} n={len(values):4d}  p50 "
            f"{statistics.median(values) * 1000:6.1f} ms  p99 {percentile(values, 0.99) * 1000:6.1f} ms  "
            f"max {max(values) * 1000:6.1f} ms"
        )
    analysed = [r for r in results if r[2] == "analysis" and r[0] == 200]
    results = [r for r in results if r not in analysed]
    ended = [r for r in results if r[0] == 422 and "deadline" in r[2]]
    refused = [r for r in results if r[0] == 503]
    other = [r for r in results if r not in ended and r not in refused]
    if args.analyses:
        times = [t for _, t, _ in analysed] or [0.0]
        print(
            f"  comparisons of real texts answered: {len(analysed)} of {args.analyses} "
            f"(took {min(times):.2f}–{max(times):.2f} s)"
        )
    if ended:
        times = [t for _, t, _ in ended]
        print(
            f"  ended at the deadline with a clear error: {len(ended)} "
            f"(took {min(times):.2f}–{max(times):.2f} s)"
        )
        print(f"    e.g. {ended[0][2]}")
    print(f"  refused at once with 503 (workers and queue full): {len(refused)}")
    print(f"  other answers: {len(other)} {sorted({r[0] for r in other})}")
    for status, took, message in other[:3]:
        print(f"    {status} after {took:.2f} s: {message}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
