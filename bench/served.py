"""``blickwinkel serve`` for a benchmark: started on a free port of this machine, waited for until
``/api/health`` answers, and ended with its worker processes (one helper for every bench script that
measures the server)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

# Seconds a server may take to answer its health check (a cold start loads the store and the app).
START_TIMEOUT = 300.0


@dataclass(frozen=True)
class Server:
    """A running server: its address and the process id of its group's leader."""

    base: str
    port: int
    pid: int


def free_port() -> int:
    """A TCP port of 127.0.0.1 free a moment ago."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _healthy(base: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base}/api/health", timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


@contextmanager
def served(
    db: str, options: Sequence[str] = (), *, env: Mapping[str, str] | None = None, quiet: bool = True
) -> Iterator[Server]:
    """``blickwinkel serve --db DB OPTIONS`` on a free port (this Python, ``-m blickwinkel.cli``; ``env``
    for the process, default this one's; ``quiet`` sends its output to /dev/null), once it answers
    ``/api/health``; on leaving, SIGTERM to its process group (the server and its worker processes)."""
    port = free_port()
    output = subprocess.DEVNULL if quiet else None
    process = subprocess.Popen(
        [sys.executable, "-m", "blickwinkel.cli", "serve", "--db", db, "--port", str(port), *options],
        env=dict(env) if env is not None else None,
        stdout=output,
        stderr=output,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not _healthy(base):
            if process.poll() is not None:
                raise RuntimeError(f"blickwinkel serve exited with status {process.returncode}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"blickwinkel serve did not answer {base}/api/health")
            time.sleep(0.1)
        yield Server(base, port, process.pid)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
        process.wait(30)
