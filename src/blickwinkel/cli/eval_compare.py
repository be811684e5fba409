"""``blickwinkel eval compare``: score comparisons of stories against their gold files."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from blickwinkel.errors import BlickwinkelError, EvaluationError

if TYPE_CHECKING:
    from blickwinkel.compare.evaluate import Gold

_HELP = """Compare the inputs of each gold file and score the result against the file's answer key.

A gold file (schema blickwinkel.gold/1, see examples/gold/README.md) lists the inputs, the facts by a
text fragment per article, and the conflicts by fact and pair of articles. Prints precision, recall,
F1 and support of fact links, unique-fact flags and conflicts; with several files, each file's
figures and their micro-average.
"""


def read_gold(path: Path) -> Gold:
    """The validated gold file at ``path``."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise EvaluationError(f"{path}: file not found; pass a gold file (examples/gold/*.json)") from exc
    except UnicodeDecodeError as exc:
        raise EvaluationError(f"{path}: not UTF-8 text ({exc.reason}); pass a gold JSON file") from exc
    except OSError as exc:
        raise EvaluationError(f"{path}: cannot be read ({exc.strerror})") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise EvaluationError(
            f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from exc
    from blickwinkel.compare.evaluate import parse_gold  # the comparison stack: only when a command runs

    return parse_gold(data, str(path))


def score_gold_file(path: Path, embedder: str, threshold: float, *, errors: bool = False) -> dict[str, Any]:
    """Read the gold file and its inputs, compare them and score the comparison."""
    from blickwinkel.compare.evaluate import comparison_errors, evaluate_comparison
    from blickwinkel.ingest import read_inputs

    gold = read_gold(path)
    read = read_inputs([str(path.parent / given) for given in gold.inputs])
    if read.failures:
        raise EvaluationError(f"{path}: field 'inputs': {read.failures[0]}")
    from blickwinkel.pipeline import compare_articles_text

    comparison = compare_articles_text(read.articles, embedder=embedder, threshold=threshold)
    try:
        result = evaluate_comparison(gold, comparison)
        if errors:
            result["errors"] = comparison_errors(gold, comparison)
    except EvaluationError as exc:
        raise EvaluationError(f"{path}: {exc}") from exc
    return result


def _table(name: str, result: dict[str, Any]) -> str:
    from blickwinkel.compare.evaluate import TASKS

    lines = [f"{name}  ({result['gold_facts']} gold facts)"]
    lines.append(f"  {'':<14}{'precision':>10}{'recall':>8}{'f1':>8}{'support':>9}")
    for task in TASKS:
        row = result[task]
        lines.append(
            f"  {task:<14}{row['precision']:>10.3f}{row['recall']:>8.3f}{row['f1']:>8.3f}{row['support']:>9}"
        )
    for kind, items in result.get("errors", {}).items():
        lines.extend(f"  {kind}: {item}" for item in items)
    return "\n".join(lines)


def evaluate_gold_files(
    paths: Sequence[Path], embedder: str, threshold: float, *, errors: bool = False
) -> dict[str, Any]:
    """One file's scores, or ``{"files": {path: scores}, "total": micro-average}`` for several."""
    from blickwinkel.compare.evaluate import micro_average

    results = {str(p): score_gold_file(p, embedder, threshold, errors=errors) for p in paths}
    if len(results) == 1:
        return next(iter(results.values()))
    return {"files": results, "total": micro_average(list(results.values()))}


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    """Add ``eval compare`` to ``eval_app``."""

    @eval_app.command("compare", help=_HELP)
    def eval_compare(
        gold_files: Annotated[list[Path], typer.Argument(help="Gold files (blickwinkel.gold/1 JSON).")],
        output_format: Annotated[
            str, typer.Option("--format", help="text (a table) or json (one object).")
        ] = "text",
        embedder: Annotated[str | None, typer.Option(help="Embedding backend: use (default) or e5.")] = None,
        show_errors: Annotated[
            bool, typer.Option("--show-errors", help="List each missed and false link, flag and conflict.")
        ] = False,
    ) -> None:
        from blickwinkel.config import load_settings

        try:
            if output_format not in {"text", "json"}:
                raise EvaluationError(f"--format {output_format!r}: choose 'text' or 'json'")
            settings = load_settings({"embedder": embedder})
            result = evaluate_gold_files(
                gold_files, settings.embedder, settings.align_threshold, errors=show_errors
            )
        except BlickwinkelError as exc:
            typer.echo(f"Error: {exc}", err=True)
            raise typer.Exit(2) from exc
        if output_format == "json":
            typer.echo(json.dumps(result, ensure_ascii=False))
        elif "files" in result:
            tables = [_table(name, scores) for name, scores in result["files"].items()]
            typer.echo("\n\n".join([*tables, _table("micro-average", result["total"])]))
        else:
            typer.echo(_table(str(gold_files[0]), result))
