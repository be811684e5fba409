"""``blickwinkel serve``: the web UI and the JSON API over the store (uvicorn)."""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from blickwinkel.cli._messages import print_error, print_plain, print_warning, stderr_console
from blickwinkel.cli.ingest_cmd import AllowNetworksOption
from blickwinkel.errors import BlickwinkelError, Errors


def serve(
    host: Annotated[
        str, typer.Option(help="Address to listen on; anything but loopback requires a token for writes.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    workers: Annotated[
        int,
        typer.Option(
            help="Server processes; more than one serves reads on several cores (file databases only).",
            min=1,
            max=64,
        ),
    ] = 1,
    db: Annotated[
        str | None, typer.Option("--db", help="Database URL (sqlite:///file.db or postgresql://…).")
    ] = None,
    allow_networks: AllowNetworksOption = None,
) -> None:
    """Serve stories, comparisons and the API (docs at /api/docs)."""
    import uvicorn

    from blickwinkel.config import load_settings
    from blickwinkel.store import open_store
    from blickwinkel.web import create_app, service_options
    from blickwinkel.web.app import PUBLIC_ENV, READY_ENV
    from blickwinkel.web.protocol import JsonErrorProtocol
    from blickwinkel.web.security import is_loopback_host

    err = stderr_console()
    try:
        given = ",".join(allow_networks) if allow_networks else None  # as `ingest` and `watch` take it
        settings = load_settings({"db": db, "fetch_allow_networks": given})
        options = service_options(settings)
        store = open_store(settings.db)
    except BlickwinkelError as exc:
        print_error(err, exc)
        raise typer.Exit(2) from None
    public = not is_loopback_host(host)
    if public and not options.token:
        print_warning(
            err,
            "listening on a non-loopback address without a token: the write endpoints "
            "(compare) are disabled. Set BLICKWINKEL_TOKEN to enable them.",
        )
    if workers > 1 and (store.url == "sqlite://" or ":memory:" in store.url):
        print_warning(
            err, "an in-memory database cannot be shared between processes: serving with one worker."
        )
        workers = 1
    problem = _cannot_listen(host, port)
    if problem is not None:
        # uvicorn said "ERROR: [Errno 98] … address already in use" after our line announcing the
        # server at that address.
        store.close()
        print_error(err, Errors.W015.format(host=host, port=port, problem=problem))
        raise typer.Exit(2)
    # Announced once the app has started up (in every worker), not before: a client that acts on the
    # line found workers still importing the app under load.
    announcement = f"blickwinkel on http://{host}:{port}/ (API docs: /api/docs) — database {store.url}"
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
                target=announce_when_ready,
                args=(folder, workers, lambda: print_plain(err, announcement), done),
                daemon=True,
            ).start()
            try:
                uvicorn.run(
                    "blickwinkel.web.app:app_from_environment",
                    factory=True,
                    workers=workers,
                    **server_options,
                )
            finally:
                done.set()
        return
    app = create_app(
        store, settings, options=options, public=public, on_ready=lambda: print_plain(err, announcement)
    )
    try:
        uvicorn.run(app, **server_options)
    finally:
        store.close()


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


def _cannot_listen(host: str, port: int) -> str | None:
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


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    """Add ``serve`` to the app."""
    app.command("serve")(serve)
