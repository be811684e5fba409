"""The text tables of the ``eval`` commands: a gold comparison's scores, the entity recogniser's and a
subjectivity model's, one row a task, type or label."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def _share(value: float, counted: int) -> str:
    """A share as the table prints it: three decimals, or a dash when it counted nothing."""
    return f"{value:.3f}" if counted else "–"


def comparison_scores_table(name: str, result: Mapping[str, Any]) -> str:
    """``eval compare``: precision, recall, F1 and support of each task and the rates, in total and per
    language pair (when there are several), then the error lines."""
    # imported here: the compare package takes a second or more to load, which eval ner need not pay
    from blickwinkel.compare.gold import RATES, TASKS

    lines = [f"{name}  ({result['gold_facts']} gold facts)"]
    lines.append(f"  {'':<22}{'precision':>10}{'recall':>8}{'f1':>8}{'support':>9}")
    pairs = result.get("by_pair", {})
    rows = [("", result)] + ([(f"[{k}] ", v) for k, v in pairs.items()] if len(pairs) > 1 else [])
    for prefix, scores in rows:
        for task in TASKS:
            row = scores[task]
            # A share of nothing (no output, or no gold) is undefined: a dash, not the 1.0 it counts as.
            precision = _share(row["precision"], row.get("predicted", 1))
            recall = _share(row["recall"], row["support"])
            f1 = _share(row["f1"], row.get("predicted", 1) + row["support"])
            lines.append(f"  {prefix + task:<22}{precision:>10}{recall:>8}{f1:>8}{row['support']:>9}")
        for task in RATES:
            row = scores.get(task)
            if row and row["support"]:
                lines.append(
                    f"  {prefix + task:<22}{'rate':>10}{row['rate']:>8.3f}{'':>8}{row['support']:>9}"
                )
    for kind, items in result.get("errors", {}).items():
        lines.extend(f"  {kind}: {item}" for item in items)
    return "\n".join(lines)


def ner_scores_table(scores: Mapping[str, Any]) -> str:
    """``eval ner``: precision, recall, F1 and support per entity type and over all."""
    per_type = scores["per_type"]
    lines = [f"{'type':<6}{'precision':>10}{'recall':>8}{'f1':>8}{'support':>9}"]
    for name, row in per_type.items():
        lines.append(
            f"{name:<6}{row['precision']:>10.3f}{row['recall']:>8.3f}{row['f1']:>8.3f}{row['support']:>9}"
        )
    lines.append(
        f"{'all':<6}{scores['precision']:>10.3f}{scores['recall']:>8.3f}{scores['f1']:>8.3f}"
        f"{sum(r['support'] for r in per_type.values()):>9}"
    )
    lines.append(f"{scores['sentences']} sentences")
    return "\n".join(lines)


def subjectivity_scores_table(result: Mapping[str, Any], labels: tuple[str, ...]) -> str:
    """``eval subjectivity``: macro-F1, accuracy, and precision, recall, F1 and support per label."""
    lines = [f"macro-F1  {result['macro_f1']:.3f}", f"accuracy  {result['accuracy']:.3f}"]
    lines.append(f"{'label':<6}{'precision':>10}{'recall':>8}{'F1':>7}{'n':>6}")
    for label in labels:
        row = result["per_label"][label]
        lines.append(
            f"{label:<6}{row['precision']:>10.3f}{row['recall']:>8.3f}{row['f1']:>7.3f}{row['support']:>6}"
        )
    if "plain_marked" in result:
        lines.append(f"plain sentences marked opinion  {result['plain_marked']:.3f}")
    return "\n".join(lines)
