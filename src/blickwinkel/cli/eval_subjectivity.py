"""``blickwinkel eval subjectivity FILE``: macro-F1 of a subjectivity model on labelled sentences, a TSV
or an opinion gold file that names its sentences in the shared data (examples/gold-real/opinion/).

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
from blickwinkel.errors import BlickwinkelError, Errors

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
        file: Annotated[
            Path,
            typer.Argument(
                help="TSV with a header: sentence_id, sentence, label; or an opinion gold file (.json, "
                "examples/gold-real/opinion/) whose sentences are read from --data-root."
            ),
        ],
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
            typer.Option(
                "--language",
                "--lang",
                help="de or en; guessed from the file name (-de-/-en-), an opinion gold file names its own.",
            ),
        ] = None,
        split: Annotated[
            str | None,
            typer.Option(help="opinion gold only: score the tune or the heldout half (default: both)."),
        ] = None,
        data_root: Annotated[
            Path | None,
            typer.Option(help="opinion gold only: the folder of the shared data (default ../shared/data)."),
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

        opinion_gold = file.suffix.lower() == ".json"  # an opinion gold file (JSON), else a labelled TSV
        if not opinion_gold and (split is not None or data_root is not None):
            # a TSV holds its sentences and has no halves: the option was ignored and "(tune)" printed
            # over a score of every sentence
            hint = "--split" if split is not None else "--data-root"
            raise typer.BadParameter("is for an opinion gold file (.json) only", param_hint=hint)
        started = time.perf_counter()
        failed: list[str] = []
        try:
            if opinion_gold:
                from blickwinkel.evaluation import DEFAULT_DATA_ROOT, read_opinion_gold

                gold = read_opinion_gold(file, DEFAULT_DATA_ROOT if data_root is None else data_root, split)
                lang = gold.language if language is None else choose_language(language, file)
                pairs, failed = gold.pairs, gold.failed
                if not pairs:
                    raise BlickwinkelError(
                        "; ".join(failed)
                        or Errors.V052.format(
                            source=file, field=f"split {split!r}", problem="holds no sentence"
                        )
                    )
            else:
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
        for problem in failed:  # a record whose data is missing or changed is named and left out
            print_error(stderr_console(), problem, label="left out")
        if output_format == "json":
            typer.echo(json.dumps(result))
            return
        seconds = time.perf_counter() - started
        typer.echo(
            f"{file.name}{f' ({split})' if split else ''}: {result['sentences']} sentences, {model} model "
            f"(embedder {chosen.embedder or 'none'}), {seconds:.1f} s"
        )
        typer.echo(subjectivity_scores_table(result, LABELS))
