"""``blickwinkel eval subjectivity FILE.tsv``: macro-F1 of the subjectivity scorer on labelled sentences.

The file is a TSV with a header row naming at least ``sentence`` and ``label`` (``OBJ``/``SUBJ``),
as in the CheckThat subjectivity task; fields may be CSV-quoted.
"""

from __future__ import annotations

import csv
import json
import re
import time
from pathlib import Path
from typing import Annotated, Any

import typer

from blickwinkel.config import DEFAULT_EMBEDDER
from blickwinkel.errors import BlickwinkelError, EvaluationError

LABELS = ("OBJ", "SUBJ")
EMBEDDER_CHOICES = ("use", "e5", "none")
_LANGUAGE_IN_NAME = re.compile(r"(?:^|[-_.])(de|en)(?=[-_.]|$)", re.IGNORECASE)


def read_labelled_sentences(path: Path) -> list[tuple[str, str]]:
    """(sentence, label) pairs from a subjectivity TSV; raises EvaluationError naming file and line."""
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise EvaluationError(f"{path}: cannot open the file ({exc.strerror}).") from exc
    pairs: list[tuple[str, str]] = []
    with handle:
        reader = csv.reader(handle, delimiter="\t")
        try:
            header = next(reader, None)
            if header is None:
                raise EvaluationError(f"{path}:1: the file is empty; expected a header row.")
            names = [h.strip().lower() for h in header]
            if "sentence" not in names or "label" not in names:
                raise EvaluationError(
                    f"{path}:1: the header must name the columns 'sentence' and 'label' "
                    f"(tab-separated); found {header!r}."
                )
            s_col, l_col = names.index("sentence"), names.index("label")
            for row in reader:
                line = reader.line_num
                if not row or all(not f.strip() for f in row):
                    continue
                if len(row) <= max(s_col, l_col):
                    raise EvaluationError(
                        f"{path}:{line}: expected at least {max(s_col, l_col) + 1} tab-separated "
                        f"fields, found {len(row)}."
                    )
                label = row[l_col].strip().upper()
                if label not in LABELS:
                    raise EvaluationError(f"{path}:{line}: label {row[l_col]!r} is not OBJ or SUBJ.")
                pairs.append((row[s_col], label))
        except UnicodeDecodeError as exc:
            raise EvaluationError(f"{path}: not UTF-8 text ({exc.reason}).") from exc
        except csv.Error as exc:
            raise EvaluationError(f"{path}:{reader.line_num}: {exc}.") from exc
    if not pairs:
        raise EvaluationError(f"{path}: no labelled sentences after the header.")
    return pairs


def language_from_name(path: Path) -> str:
    """``de`` or ``en`` from a file name like ``checkthat2025-de-dev.tsv``."""
    match = _LANGUAGE_IN_NAME.search(path.stem)
    if match is None:
        raise EvaluationError(
            f"{path}: cannot tell the language from the file name; pass --language de or --language en."
        )
    return match.group(1).lower()


def classification_scores(gold: list[str], predicted: list[str]) -> dict[str, Any]:
    """Accuracy, macro-F1 and per-label precision/recall/F1 over OBJ and SUBJ."""
    per_label: dict[str, dict[str, float | int]] = {}
    for label in LABELS:
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, predicted, strict=True) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, predicted, strict=True) if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_label[label] = {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "support": tp + fn,
        }
    accuracy = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p) / len(gold)
    macro = sum(float(per_label[label]["f1"]) for label in LABELS) / len(LABELS)
    return {
        "macro_f1": round(macro, 4),
        "accuracy": round(accuracy, 4),
        "per_label": per_label,
        "sentences": len(gold),
    }


def evaluate_subjectivity(
    path: Path, language: str | None = None, embedder: str = DEFAULT_EMBEDDER
) -> dict[str, Any]:
    """Score every sentence of ``path`` and compare with its label."""
    from blickwinkel.analyse.subjectivity import is_subjective, subjectivity_scores

    if embedder not in EMBEDDER_CHOICES:
        raise EvaluationError(f"Unknown embedder {embedder!r}; choose one of {', '.join(EMBEDDER_CHOICES)}.")
    pairs = read_labelled_sentences(path)
    lang = language or language_from_name(path)
    texts = [s for s, _ in pairs]
    embeddings = None
    if embedder != "none":
        from blickwinkel.embed import get_embedder

        embeddings = get_embedder(embedder).encode(texts)
    scores = subjectivity_scores(texts, lang, embeddings=embeddings, embedder_name=embedder)
    predicted = ["SUBJ" if is_subjective(s) else "OBJ" for s in scores]
    return classification_scores([label for _, label in pairs], predicted)


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    """Add ``eval subjectivity`` to ``eval_app``."""

    @eval_app.command("subjectivity")
    def subjectivity(
        file: Annotated[Path, typer.Argument(help="TSV with a header: sentence_id, sentence, label.")],
        output_format: Annotated[
            str, typer.Option("--format", help="text or json (one JSON object).")
        ] = "text",
        embedder: Annotated[
            str, typer.Option(help="Embedder for the prototype comparison: use, e5 or none.")
        ] = DEFAULT_EMBEDDER,
        language: Annotated[
            str | None, typer.Option(help="de or en; guessed from the file name (-de-/-en-) if absent.")
        ] = None,
    ) -> None:
        """Macro-F1, accuracy and per-label scores of the subjectivity scorer on a labelled TSV."""
        if output_format not in ("text", "json"):
            typer.echo(f"error: --format must be text or json, not {output_format!r}.", err=True)
            raise typer.Exit(2)
        started = time.perf_counter()
        try:
            result = evaluate_subjectivity(file, language, embedder)
        except BlickwinkelError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2) from None
        if output_format == "json":
            typer.echo(json.dumps(result))
            return
        seconds = time.perf_counter() - started
        typer.echo(f"{file.name}: {result['sentences']} sentences, embedder {embedder}, {seconds:.1f} s")
        typer.echo(f"macro-F1  {result['macro_f1']:.3f}")
        typer.echo(f"accuracy  {result['accuracy']:.3f}")
        typer.echo(f"{'label':<6}{'precision':>10}{'recall':>8}{'F1':>7}{'n':>6}")
        for label in LABELS:
            row = result["per_label"][label]
            typer.echo(
                f"{label:<6}{row['precision']:>10.3f}{row['recall']:>8.3f}{row['f1']:>7.3f}{row['support']:>6}"
            )
