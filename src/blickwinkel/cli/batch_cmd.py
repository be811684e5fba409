"""``blickwinkel batch``: the pipeline on Dask over partitioned JSONL or Parquet.

Thin command: parse, call :func:`blickwinkel.batch.run_batch`, print the counts. A terminal gets a
progress bar per round (on standard error); piped output gets only the summary.
"""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any, Literal

import typer

from blickwinkel.cli._messages import print_error, print_warning, stderr_console
from blickwinkel.errors import BlickwinkelError


def _progress_bar() -> tuple[Any, Any]:
    """A rich progress bar on standard error when it is a terminal, else nothing."""
    if not sys.stderr.isatty():
        return None, None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(
        TextColumn("{task.description}", markup=False),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True, markup=False),
    )
    tasks: dict[str, Any] = {}

    def update(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = bar.add_task(stage, total=total)
        bar.update(tasks[stage], completed=done, total=total)

    return bar, update


def batch(
    inputs: Annotated[
        list[str], typer.Argument(help="JSONL or Parquet files, folders, globs or fsspec URLs.")
    ],
    out: Annotated[str, typer.Option("--out", "-o", help="Folder or fsspec URL for the Parquet tables.")],
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Address of a running Dask scheduler (tcp://host:8786).")
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option("--workers", min=1, help="Worker processes of the local cluster (default: cores)."),
    ] = None,
    embedder: Annotated[
        str | None, typer.Option("--embedder", help="Embedding backend (default: the 'embedder' setting).")
    ] = None,
    no_compare: Annotated[
        bool, typer.Option("--no-compare", help="Stories only: skip the comparisons.")
    ] = False,
    db: Annotated[
        str | None,
        typer.Option("--db", help="Also load the articles into this store (SQLite or PostgreSQL URL)."),
    ] = None,
    output_format: Annotated[
        Literal["text", "json"], typer.Option("--format", "-f", help="text (default) or json.")
    ] = "text",
) -> None:
    """Read, embed, cluster and compare an archive on Dask; write Parquet tables to --out."""
    import logging

    import distributed  # noqa: F401 - importing it sets its loggers' level, so ours comes after

    from blickwinkel.batch import run_batch
    from blickwinkel.batch.load import load_into_store
    from blickwinkel.batch.summary import batch_summary, passed_over_warning
    from blickwinkel.config import load_settings

    # Dask logs worker start-up and shutdown at INFO/WARNING; the command prints its own summary. (Set
    # before distributed was imported, the level was reset to INFO by its import.)
    logging.getLogger("distributed").setLevel(logging.ERROR)
    bar, update = _progress_bar()
    try:
        embedder = load_settings({"embedder": embedder}).embedder
        if bar is not None:
            bar.start()
        result = run_batch(
            inputs,
            out,
            embedder=embedder,
            scheduler=scheduler,
            workers=workers,
            compare=not no_compare,
            progress=update,
        )
        if bar is not None:
            bar.stop()
        loaded = load_into_store(out, db, embedder=embedder) if db else None
    except BlickwinkelError as exc:
        if bar is not None:
            bar.stop()
        print_error(stderr_console(), exc)
        raise typer.Exit(2) from None
    if result.passed_over:
        print_warning(stderr_console(), passed_over_warning(result.passed_over))
    summary = result.to_json()
    if loaded is not None:
        summary["stored"] = loaded
    if output_format == "json":
        typer.echo(json.dumps(summary, indent=2))
    else:
        typer.echo("\n".join(batch_summary(result, out)))
    if result.failures:
        raise typer.Exit(1)


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    app.command("batch")(batch)
