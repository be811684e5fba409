"""What ``blickwinkel batch`` prints after a run: the counts in a sentence, where the failures and
warnings were written, and the files passed over."""

from __future__ import annotations

from collections.abc import Sequence

from blickwinkel.batch.partitions import FORMATS
from blickwinkel.batch.run import BatchResult
from blickwinkel.report.texts import counted


def failures_file(out: str) -> str:
    """Where the failures are written under ``out`` (a folder or an fsspec URL); "--out results/"
    printed "results//failures.jsonl"."""
    return f"{out.rstrip('/')}/failures.jsonl"


def passed_over_warning(names: Sequence[str]) -> str:
    """The files of the named folders that were no partition (their endings are none of ``FORMATS``)."""
    shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
    return (
        f"{counted(len(names), 'file')} passed over, no JSONL or Parquet partition "
        f"(endings {', '.join(sorted(FORMATS))}): {shown}"
    )


def batch_summary(result: BatchResult, out: str) -> list[str]:
    """The lines of a run's summary: the dashboard, the counts, the warnings and resumed chunks."""
    lines = [f"Dask dashboard: {result.dashboard}"] if result.dashboard else []
    lines.append(
        f"{counted(result.articles, 'article')} in {counted(result.stories, 'story', 'stories')} "
        f"({result.compared} compared: {counted(result.facts, 'fact')}, "
        f"{counted(result.conflicts, 'conflict')}) from {counted(result.partitions, 'partition')}; "
        f"{counted(result.duplicates, 'repeated id')}"
        f"{_repeated_urls(result.repeated_urls)}; {counted(result.failures, 'failure')} "
        f"(see {failures_file(out)})."
    )
    if result.warnings:
        # A record read without a field it has (a date that is no date) was named nowhere.
        lines.append(
            f"{counted(result.warnings, 'warning')} on articles that were read "
            f"(see {out.rstrip('/')}/warnings.jsonl)."
        )
    if result.resumed_chunks:
        lines.append(f"Resumed: {result.resumed_chunks} chunks were already written.")
    return lines


def _repeated_urls(count: int) -> str:
    """The records left out for a later record of their URL, when there are any."""
    if not count:
        return ""
    return f", {counted(count, 'older record')} of a repeated URL left out (the last of a URL stands)"
