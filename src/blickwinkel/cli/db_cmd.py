"""``blickwinkel db prune``: upkeep of the store."""

from __future__ import annotations

import typer

from blickwinkel.cli._messages import print_error, print_plain, stderr_console
from blickwinkel.cli.ingest_cmd import DbOption
from blickwinkel.errors import BlickwinkelError

db_app = typer.Typer(help="Upkeep of the store.", no_args_is_help=True)


@db_app.command("prune")
def prune(db: DbOption = None) -> None:
    """Delete kept analyses and vectors no stored article needs (old versions, removed or replaced
    articles). Run it while no ingest writes to the store."""
    from blickwinkel.config import load_settings
    from blickwinkel.report.labels import counted
    from blickwinkel.store import open_store
    from blickwinkel.store.prune import prune_store

    err = stderr_console()
    try:
        store = open_store(load_settings({"db": db}).db, create=False)
        try:
            counts = prune_store(store)
        finally:
            store.close()
    except BlickwinkelError as exc:
        print_error(err, exc)
        raise typer.Exit(2) from None
    print_plain(
        err,
        f"deleted {counted(counts.analyses, 'kept analysis', 'kept analyses')}, "
        f"{counted(counts.statement_vectors, 'statement vector')} "
        f"and {counted(counts.article_vectors, 'article vector')} no stored article needs",
    )


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    """Add ``db`` to the app."""
    app.add_typer(db_app, name="db")
