"""``blickwinkel train subjectivity FILE.tsv``: fit a user's own subjectivity model.

The model is saved into the user's data directory (or ``--output``), never into the package; use it
with ``blickwinkel eval subjectivity FILE --model user``. For people who hold a licence for
labelled data such as CheckThat: blickwinkel itself ships only models fitted on our own sentences.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from blickwinkel.cli._messages import bad_choice, print_error, stderr_console
from blickwinkel.errors import BlickwinkelError

EMBEDDER_CHOICES = ("none", "use", "e5")


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    """Add the ``train`` group with ``train subjectivity`` to ``app``."""
    del eval_app
    train_app = typer.Typer(help="Fit your own models on labelled data you hold.", no_args_is_help=True)
    app.add_typer(train_app, name="train")

    @train_app.command("subjectivity")
    def subjectivity(
        file: Annotated[Path, typer.Argument(help="TSV with a header naming sentence and label (OBJ/SUBJ).")],
        language: Annotated[
            str | None,
            typer.Option("--lang", "--language", help="de or en; guessed from the file name (-de-/-en-)."),
        ] = None,
        embedder: Annotated[
            str, typer.Option(help="Add the prototype comparison through this embedder: none, use or e5.")
        ] = "none",
        output: Annotated[
            Path | None, typer.Option(help="Where to save the model (default: your data directory).")
        ] = None,
    ) -> None:
        """Fit a logistic regression over blickwinkel's cue counts on your labelled sentences."""
        if embedder not in EMBEDDER_CHOICES:
            print_error(stderr_console(), bad_choice("--embedder", embedder, EMBEDDER_CHOICES))
            raise typer.Exit(2)
        # imported here, not at the top: `blickwinkel --help` must not pay for numpy and the models
        from blickwinkel.analyse.subjectivity_eval import (
            choose_language,
            fit_model,
            read_labelled_sentences,
            save_model,
            user_model_path,
        )

        try:
            lang = choose_language(language, file)
            pairs = read_labelled_sentences(file)
            encoder = None
            if embedder != "none":
                from blickwinkel.embed import get_embedder

                encoder = get_embedder(embedder)
            model = fit_model(pairs, lang, embedder=encoder, embedder_name=embedder, source=file.name)
            target = output or user_model_path(lang)
            save_model(model, target)
        except BlickwinkelError as exc:
            print_error(stderr_console(), exc)
            raise typer.Exit(2) from None
        typer.echo(
            f"{file.name}: fitted on {model.sentences} sentences ({model.language}); saved to {target}"
        )
