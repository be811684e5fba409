"""``blickwinkel serve``: the web UI and the JSON API over the store (uvicorn)."""

from __future__ import annotations

from typing import Annotated

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
    from blickwinkel.config import load_settings
    from blickwinkel.store import open_store, store_file_exists
    from blickwinkel.web import service_options
    from blickwinkel.web.security import is_loopback_host
    from blickwinkel.web.serving import cannot_listen, run_server

    err = stderr_console()
    try:
        given = ",".join(allow_networks) if allow_networks else None  # as `ingest` and `watch` take it
        settings = load_settings({"db": db, "fetch_allow_networks": given})
        options = service_options(settings)
        existed = store_file_exists(settings.db)
        store = open_store(settings.db)
    except BlickwinkelError as exc:
        print_error(err, exc)
        raise typer.Exit(2) from None
    if store.count_articles() == 0:
        # a mistyped --db path made a new empty store and served an empty site without a word
        made = "" if existed is not False else " (the file did not exist and was made now: check the path)"
        print_warning(err, Errors.S014.format(url=store.url, made=made))
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
    problem = cannot_listen(host, port)
    if problem is not None:
        # uvicorn said "ERROR: [Errno 98] … address already in use" after our line announcing the
        # server at that address.
        store.close()
        print_error(err, Errors.W015.format(host=host, port=port, problem=problem))
        raise typer.Exit(2)
    announcement = f"blickwinkel on http://{host}:{port}/ (API docs: /api/docs) — database {store.url}"
    run_server(
        store,
        settings,
        options,
        host=host,
        port=port,
        workers=workers,
        public=public,
        announce=lambda: print_plain(err, announcement),
    )


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    """Add ``serve`` to the app."""
    app.command("serve")(serve)
