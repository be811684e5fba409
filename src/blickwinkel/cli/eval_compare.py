"""``blickwinkel eval compare``: score comparisons of stories against their gold files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from blickwinkel.cli._messages import bad_choice, help_text, print_error, stderr_console
from blickwinkel.cli.compare_cmd import LinkEmbedderOption
from blickwinkel.errors import BlickwinkelError, EvaluationError

_HELP = """Compare the inputs of each gold file and score the result against the file's answer key.

Reads our example stories' gold (blickwinkel.gold/1, examples/gold/README.md) and the real-news gold
(blickwinkel.gold-real/1, examples/gold-real/README.md: published articles by reference, read from
--data-root). Prints precision, recall, F1 and support of fact links, unique-fact flags and
conflicts, the share of different-fact pairs kept apart, of restatements joined, of the pairs of one
article's statements a fact holds that state one gold fact (one_article) and of near-misses
flagged, per language pair; with several files, each file's figures and their micro-average.
"""


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    """Add ``eval compare`` to ``eval_app``."""

    @eval_app.command("compare", help=help_text(_HELP))
    def eval_compare(
        gold_files: Annotated[
            list[Path],
            typer.Argument(help="Gold files (blickwinkel.gold/1 or blickwinkel.gold-real/1 JSON)."),
        ],
        output_format: Annotated[
            str, typer.Option("--format", help="text (a table) or json (one object).")
        ] = "text",
        embedder: Annotated[str | None, typer.Option(help="Embedding backend: use (default) or e5.")] = None,
        show_errors: Annotated[
            bool, typer.Option("--show-errors", help="List each missed and false link, flag and conflict.")
        ] = False,
        split: Annotated[
            str | None,
            typer.Option(
                help="Score only real-news gold of this split: tune, heldout or train (default: all)."
            ),
        ] = None,
        data_root: Annotated[
            Path | None,
            typer.Option(
                help="Folder holding the data files real-news gold refers to (default: ../shared/data)."
            ),
        ] = None,
        link_embedder: LinkEmbedderOption = None,
    ) -> None:
        from blickwinkel.compare.gold_real import SPLITS
        from blickwinkel.config import load_settings
        from blickwinkel.evaluation import DEFAULT_DATA_ROOT, evaluate_gold_files, gold_files_of_split
        from blickwinkel.report.score_tables import comparison_scores_table

        try:
            if output_format not in {"text", "json"}:
                raise EvaluationError(bad_choice("--format", output_format, ("text", "json")))
            if split is not None and split not in SPLITS:
                raise EvaluationError(bad_choice("--split", split, SPLITS))
            settings = load_settings({"embedder": embedder, "link_embedder": link_embedder})
            result = evaluate_gold_files(
                gold_files,
                settings.embedder,
                settings.align_threshold,
                errors=show_errors,
                data_root=DEFAULT_DATA_ROOT if data_root is None else data_root,
                split=split,
                link_embedder=settings.link_embedder,
            )
        except BlickwinkelError as exc:
            print_error(stderr_console(), exc)
            raise typer.Exit(2) from exc
        if output_format == "json":
            typer.echo(json.dumps(result, ensure_ascii=False))
        elif "files" in result:
            tables = [comparison_scores_table(name, scores) for name, scores in result["files"].items()]
            typer.echo("\n\n".join([*tables, comparison_scores_table("micro-average", result["total"])]))
        else:  # one file scored: the one the split kept
            typer.echo(comparison_scores_table(str(gold_files_of_split(gold_files, split)[0]), result))
        for message in result.get("failed", {}).values():
            print_error(stderr_console(), message)
        if result.get("failed"):
            raise typer.Exit(1)  # scores of the other files printed; the micro-average leaves these out
