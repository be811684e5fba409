"""`blickwinkel serve` announces itself when it serves: with several workers, once every worker has
started up (the line came first and a client acting on it waited on workers still importing)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from blickwinkel.web.serving import announce_when_ready

pytestmark = pytest.mark.slow


def test_the_announcement_waits_for_every_worker(tmp_path: Path) -> None:
    told: list[str] = []
    done = threading.Event()
    waiter = threading.Thread(
        target=announce_when_ready, args=(str(tmp_path), 2, lambda: told.append("!"), done)
    )
    waiter.start()
    (tmp_path / "ready-101").touch()
    time.sleep(0.3)
    assert told == []  # one of two workers is ready
    (tmp_path / "ready-102").touch()
    waiter.join(timeout=5)
    assert told == ["!"]


def test_the_announcement_is_dropped_when_the_server_stops(tmp_path: Path) -> None:
    done = threading.Event()
    done.set()
    assert announce_when_ready(str(tmp_path), 2, lambda: pytest.fail("announced"), done) is False


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_serve_with_two_workers_answers_as_soon_as_it_is_announced(tmp_path: Path) -> None:
    port = _free_port()
    cli = Path(sys.executable).with_name("blickwinkel")
    env = {**os.environ, "BLICKWINKEL_CONFIG": os.devnull}
    command = [
        str(cli),
        "serve",
        "--workers",
        "2",
        "--port",
        str(port),
        "--db",
        f"sqlite:///{tmp_path / 'n.db'}",
    ]
    with subprocess.Popen(
        command, stderr=subprocess.PIPE, text=True, env=env, start_new_session=True
    ) as server:
        try:
            assert server.stderr is not None
            deadline = time.monotonic() + 180
            line = ""
            while "blickwinkel on http" not in line:
                assert time.monotonic() < deadline, "never announced"
                line = server.stderr.readline()
                assert line or server.poll() is None, "the server exited"
            # announced: the server answers at once (the workers have started up)
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=2) as answer:
                assert answer.status == 200
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
