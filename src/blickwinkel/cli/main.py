"""The ``blickwinkel`` command: thin typer commands over plain functions.

Each command module registers itself on the app; only the CLI turns errors into exit codes.
"""

from __future__ import annotations

import typer

from blickwinkel.cli import (
    batch_cmd,
    compare_cmd,
    db_cmd,
    eval_compare,
    eval_ner,
    eval_subjectivity,
    ingest_cmd,
    outlets_cmd,
    serve_cmd,
    stories_cmd,
    train_cmd,
)
from blickwinkel.cli._exit import quick_exit

app = typer.Typer(
    name="blickwinkel",
    help="Compare what news articles about one event actually say.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Measure blickwinkel's analysers on labelled data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

for module in (
    batch_cmd,
    compare_cmd,
    stories_cmd,
    ingest_cmd,
    db_cmd,
    outlets_cmd,
    serve_cmd,
    train_cmd,
    eval_compare,
    eval_ner,
    eval_subjectivity,
):
    module.register(app, eval_app)


def main() -> None:
    try:
        app()
    except SystemExit as done:
        # A command that allowed it ends without Python's teardown (see ``_exit``); others as usual.
        if done.code is None or isinstance(done.code, int):
            quick_exit(done.code or 0)
        raise
