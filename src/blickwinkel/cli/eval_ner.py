"""``blickwinkel eval ner``: score the entity recogniser on a GermEval 2014 file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Literal

import typer

from blickwinkel.cli._messages import bad_choice, help_text, print_error, stderr_console
from blickwinkel.errors import BlickwinkelError, EvaluationError

OutputFormat = Literal["text", "json"]

_HELP = """Score named entities on a GermEval 2014 .tsv file (idx, token, outer tag, nested tag).

Micro precision, recall and F1 over exact entity spans of the OUTER tags, for PER, ORG, LOC and OTH,
plus each type. GermEval's derivations and name parts (LOCderiv "irakische", ORGpart "NATO-Gipfel")
are read as no entity by default (--derived ignore), since blickwinkel never tags adjectives or
compounds as names; --derived merge counts them as their base type (LOCderiv as LOC).

--split chooses the sentences scored: heldout (default) is every fourth sentence (position % 4 == 3,
counting from 0), which nothing in blickwinkel was trained or tuned on; tune is the rest, on which
the German tagger was trained (its score there is not a fair measure); all is the whole file.
"""


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    """Add ``eval ner`` to ``eval_app``."""

    @eval_app.command("ner", help=help_text(_HELP))
    def eval_ner(
        file: Annotated[Path, typer.Argument(help="GermEval 2014 .tsv file.")],
        output_format: Annotated[
            str, typer.Option("--format", help="text (a table) or json (one object).")
        ] = "text",
        split: Annotated[
            str, typer.Option(help="heldout (default), tune or all: which sentences of FILE to score.")
        ] = "heldout",
        limit: Annotated[
            int | None, typer.Option(help="Read only the first N sentences (then split).", min=1)
        ] = None,
        derived: Annotated[
            str, typer.Option(help="ignore: *deriv/*part tags are no entity; merge: count as base type.")
        ] = "ignore",
    ) -> None:
        from blickwinkel.analyse.entities import tag_tokens
        from blickwinkel.analyse.ner_eval import SPLIT_PARTS, evaluate_ner, read_germeval, split_sentences
        from blickwinkel.report.score_tables import ner_scores_table

        try:
            if output_format not in {"text", "json"}:
                raise EvaluationError(bad_choice("--format", output_format, ("text", "json")))
            if derived not in {"ignore", "merge"}:
                raise EvaluationError(bad_choice("--derived", derived, ("ignore", "merge")))
            if split not in SPLIT_PARTS:
                raise EvaluationError(bad_choice("--split", split, SPLIT_PARTS))
            scores = evaluate_ner(
                split_sentences(read_germeval(file, limit), split),
                lambda tokens: tag_tokens(tokens, "de"),
                derived="merge" if derived == "merge" else "ignore",
            )
        except BlickwinkelError as exc:
            print_error(stderr_console(), exc)
            raise typer.Exit(2) from exc
        result = scores.to_json()
        typer.echo(json.dumps(result) if output_format == "json" else ner_scores_table(result))
