"""``blickwinkel outlets``: each outlet's figures across the stories of a store that were compared."""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Literal

import typer

from blickwinkel.cli._messages import print_error, stderr_console
from blickwinkel.cli.ingest_cmd import DbOption
from blickwinkel.errors import BlickwinkelError

_DAY = ["%Y-%m-%d"]


def outlets(
    db: DbOption = None,
    since: Annotated[
        dt.datetime | None,
        typer.Option(formats=_DAY, help="Only stories whose last day is on or after this day (YYYY-MM-DD)."),
    ] = None,
    until: Annotated[
        dt.datetime | None,
        typer.Option(
            formats=_DAY, help="Only stories whose first day is on or before this day (YYYY-MM-DD)."
        ),
    ] = None,
    output_format: Annotated[
        Literal["text", "json"], typer.Option("--format", "-f", help="text (default) or json.")
    ] = "text",
) -> None:
    """Per outlet, across the stored comparisons of the stories (of two or more articles): stories,
    articles, facts, shared with other outlets and only its own, conflicts, opinion share, quotes and
    the most quoted speakers. Stories not compared yet are counted, not compared (a story is compared
    when it is first viewed in `blickwinkel serve`)."""
    from blickwinkel.cli._messages import report_console
    from blickwinkel.config import load_settings
    from blickwinkel.report.outlet_totals import outlet_totals_json, outlet_totals_table
    from blickwinkel.store import open_store
    from blickwinkel.store.outlet_profiles import outlet_profiles

    try:
        store = open_store(load_settings({"db": db}).db, create=False)
        try:
            profiles = outlet_profiles(
                store, since=since.date() if since else None, until=until.date() if until else None
            )
        finally:
            store.close()
    except BlickwinkelError as exc:
        print_error(stderr_console(), exc)
        raise typer.Exit(2) from None
    totals, compared, not_compared = profiles.totals, profiles.compared, profiles.not_compared
    if output_format == "json":
        typer.echo(
            json.dumps(outlet_totals_json(totals, compared, not_compared), ensure_ascii=False, indent=2)
        )
    else:
        report_console().print(outlet_totals_table(totals, compared, not_compared))


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    """Add ``outlets`` to the app."""
    app.command("outlets")(outlets)
