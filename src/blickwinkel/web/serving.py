"""Running the app under uvicorn for ``blickwinkel serve``: in this process, or in several worker
processes that each build the app from the environment and are announced once all have started."""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from blickwinkel.config import Settings
from blickwinkel.store import Store
from blickwinkel.web.options import ServiceOptions


def cannot_listen(host: str, port: int) -> str | None:
    """Why the server could not listen on ``host:port`` (the port taken, no such address), else None;
    a test bind as uvicorn binds (address reuse on, so a port in TIME_WAIT is free)."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        return str(exc.strerror or exc)
    family, kind, proto, _, address = infos[0]
    try:
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
    except OSError as exc:
        return str(exc.strerror or exc)
    return None


WORKER_START_SECONDS = 120
"""How long uvicorn waits for a worker process to answer its health check. Its default, 5 s, is less
than a worker takes to start on a busy machine (Python, uvicorn and the pickled server to load before
the worker can answer): uvicorn killed each worker before it answered and started another, without a
word at our log level, so `serve --workers 2` never served (2 cores at load 17)."""


def announce_when_ready(
    folder: str, workers: int, announce: Callable[[], None], done: threading.Event
) -> bool:
    """Call ``announce`` once ``workers`` worker processes have left their ready file in ``folder``
    (:func:`blickwinkel.web.app.mark_ready`); give up when ``done`` is set (the server stopped)."""
    while not done.wait(0.05):
        if len(list(Path(folder).glob("ready-*"))) >= workers:
            announce()
            return True
    return False


def run_server(
    store: Store,
    settings: Settings,
    options: ServiceOptions,
    *,
    host: str,
    port: int,
    workers: int,
    public: bool,
    announce: Callable[[], None],
) -> None:
    """Serve the app on ``host:port`` until the server stops; ``announce`` is called once the app has
    started up (in every worker), not before: a client that acts on it found workers still importing
    the app under load. The store is closed at the end (before the workers start, with several)."""
    import uvicorn

    from blickwinkel.web.app import PUBLIC_ENV, READY_ENV, create_app
    from blickwinkel.web.protocol import JsonErrorProtocol

    server_options: dict[str, Any] = {
        "host": host,
        "port": port,
        "log_level": "warning",
        "access_log": False,  # a log line per request is most of a cached page's time
        # httptools' C parser (an unreadable request or a head over MAX_REQUEST_LINE_BYTES gets the
        # one error body) and uvloop where it is installed (not on Windows)
        "http": JsonErrorProtocol,
        "loop": "auto",
    }
    if workers > 1:
        # Each worker process builds its own app and store from the same settings (SQLite in WAL
        # mode and PostgreSQL both serve readers in several processes).
        store.close()
        os.environ["BLICKWINKEL_DB"] = settings.db
        os.environ["BLICKWINKEL_FETCH_ALLOW_NETWORKS"] = settings.fetch_allow_networks
        os.environ[PUBLIC_ENV] = "1" if public else "0"
        with tempfile.TemporaryDirectory(prefix="blickwinkel-serve-") as folder:
            os.environ[READY_ENV] = folder
            done = threading.Event()
            threading.Thread(
                target=announce_when_ready, args=(folder, workers, announce, done), daemon=True
            ).start()
            try:
                uvicorn.run(
                    "blickwinkel.web.app:app_from_environment",
                    factory=True,
                    workers=workers,
                    timeout_worker_healthcheck=WORKER_START_SECONDS,
                    **server_options,
                )
            finally:
                done.set()
        return
    app = create_app(store, settings, options=options, public=public, on_ready=announce)
    try:
        uvicorn.run(app, **server_options)
    finally:
        store.close()
