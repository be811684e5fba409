"""``blickwinkel eval subjectivity FILE.tsv``: macro-F1 of a subjectivity model on labelled sentences.

Reader, metrics and models live in :mod:`blickwinkel.analyse.subjectivity_eval`; this command only
parses its options, calls them and prints.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from blickwinkel.cli._messages import bad_choice, print_error, stderr_console
from blickwinkel.errors import BlickwinkelError

if TYPE_CHECKING:
    from blickwinkel.analyse.subjectivity import SubjectivityModel


def resolve_model(choice: str, language: str) -> SubjectivityModel:
    """``shipped``, ``user`` (the model ``train subjectivity`` saved) or the path of a model file."""
    # imported here, not at the top: `blickwinkel --help` must not pay for numpy and the models
    from blickwinkel.analyse.subjectivity import shipped_model
    from blickwinkel.analyse.subjectivity_eval import load_model, user_model_path

    if choice == "shipped":
        return shipped_model(language)
    if choice == "user":
        return load_model(user_model_path(language))
    return load_model(Path(choice))


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    """Add ``eval subjectivity`` to ``eval_app``."""

    @eval_app.command("subjectivity")
    def subjectivity(
        file: Annotated[Path, typer.Argument(help="TSV with a header: sentence_id, sentence, label.")],
        output_format: Annotated[
            str, typer.Option("--format", help="text or json (one JSON object).")
        ] = "text",
        model: Annotated[
            str,
            typer.Option(
                help="shipped (cues fitted on our own sentences), user (saved by 'train subjectivity') "
                "or the path of a model file."
            ),
        ] = "shipped",
        language: Annotated[
            str | None,
            typer.Option("--language", "--lang", help="de or en; guessed from the file name (-de-/-en-)."),
        ] = None,
    ) -> None:
        """Macro-F1, accuracy and per-label scores of a subjectivity model on a labelled TSV."""
        if output_format not in ("text", "json"):
            print_error(stderr_console(), bad_choice("--format", output_format, ("text", "json")))
            raise typer.Exit(2)
        from blickwinkel.analyse.subjectivity_eval import (
            LABELS,
            choose_language,
            evaluate_subjectivity,
            read_labelled_sentences,
        )
        from blickwinkel.report.score_tables import subjectivity_scores_table

        started = time.perf_counter()
        try:
            lang = choose_language(language, file)
            pairs = read_labelled_sentences(file)
            chosen = resolve_model(model, lang)
            embedder = None
            if chosen.embedder:
                from blickwinkel.embed import get_embedder

                embedder = get_embedder(chosen.embedder)
            result = evaluate_subjectivity(pairs, lang, chosen, embedder)
        except BlickwinkelError as exc:
            print_error(stderr_console(), exc)
            raise typer.Exit(2) from None
        if output_format == "json":
            typer.echo(json.dumps(result))
            return
        seconds = time.perf_counter() - started
        typer.echo(
            f"{file.name}: {result['sentences']} sentences, {model} model "
            f"(embedder {chosen.embedder or 'none'}), {seconds:.1f} s"
        )
        typer.echo(subjectivity_scores_table(result, LABELS))
