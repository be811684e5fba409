"""Reading JSONL partitions for ``blickwinkel batch``: a broken line is named like compare names it."""

from __future__ import annotations

from blickwinkel.batch.partitions import _jsonl_rows


def test_a_broken_jsonl_line_is_named_as_compare_and_ingest_name_it() -> None:
    # batch wrote "not valid JSON: Expecting value: line 1 column 1 (char 0)" where compare and ingest
    # wrote "not valid JSON: column 1: Expecting value" for the same line; now all write Errors.I001.
    data = b'{"title": "A", "text": "Ein Satz."}\nnot json\n' + b"[" * 100_000 + b"\n"
    rows, where, failures = _jsonl_rows("part.jsonl", data)
    assert len(rows) == 1 and where == ["part.jsonl:1"]
    assert [str(f) for f in failures] == [
        "part.jsonl:2: [I001] not valid JSON (column 1: Expecting value)",
        "part.jsonl:3: [I001] not valid JSON (nested too deeply)",
    ]
