"""What ``blickwinkel batch`` prints after a run (batch/summary.py), on invented counts."""

from __future__ import annotations

from blickwinkel.batch.run import BatchResult
from blickwinkel.batch.summary import batch_summary, passed_over_warning


def test_the_summary_counts_with_their_nouns_and_names_the_files_written() -> None:
    result = BatchResult(out="results/", articles=1, stories=3, compared=2, facts=5, conflicts=1)
    result.partitions, result.duplicates, result.failures = 2, 0, 4
    assert batch_summary(result, "results/") == [
        "1 article in 3 stories (2 compared: 5 facts, 1 conflict) from 2 partitions; 0 repeated ids; "
        "4 failures (see results/failures.jsonl)."
    ]


def test_the_summary_adds_the_dashboard_repeated_urls_warnings_and_resumed_chunks() -> None:
    result = BatchResult(out="s3://b/x", dashboard="http://127.0.0.1:8787/status", repeated_urls=2)
    result.warnings, result.resumed_chunks = 1, 3
    lines = batch_summary(result, "s3://b/x")
    assert lines[0] == "Dask dashboard: http://127.0.0.1:8787/status"
    assert "0 repeated ids, 2 older records of a repeated URL left out (the last of a URL stands)" in lines[1]
    assert lines[2:] == [
        "1 warning on articles that were read (see s3://b/x/warnings.jsonl).",
        "Resumed: 3 chunks were already written.",
    ]


def test_files_passed_over_are_named_five_at_most() -> None:
    names = [f"notes-{n}.txt" for n in range(7)]
    warning = passed_over_warning(names)
    assert warning.startswith("7 files passed over, no JSONL or Parquet partition (endings .jsonl, ")
    assert warning.endswith("notes-3.txt, notes-4.txt and 2 more")
