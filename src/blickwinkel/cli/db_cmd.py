"""``blickwinkel db prune``: upkeep of the store."""

from __future__ import annotations

from typing import Annotated

import typer

from blickwinkel.cli._messages import print_error, print_plain, stderr_console
from blickwinkel.cli.ingest_cmd import DbOption
from blickwinkel.errors import BlickwinkelError

db_app = typer.Typer(help="Upkeep of the store.", no_args_is_help=True)


@db_app.command("prune")
def prune(
    db: DbOption = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Say what would be deleted and what stays; delete nothing.")
    ] = False,
) -> None:
    """Delete kept analyses and vectors no stored article needs (old versions, removed or replaced
    articles, the copy an ingest keeps of each text as read). Every stored article keeps its own.
    Run it while no ingest writes to the store."""
    from blickwinkel.config import load_settings
    from blickwinkel.report.prune_summary import prune_summary
    from blickwinkel.store import open_store
    from blickwinkel.store.prune import prune_store

    err = stderr_console()
    try:
        store = open_store(load_settings({"db": db}).db, create=False)
        try:
            counts = prune_store(store, dry_run=dry_run)
        finally:
            store.close()
    except BlickwinkelError as exc:
        print_error(err, exc)
        raise typer.Exit(2) from None
    for line in prune_summary(counts, dry_run=dry_run):
        print_plain(err, line)


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    """Add ``db`` to the app."""
    app.add_typer(db_app, name="db")
