"""Reading JSONL partitions for ``blickwinkel batch``: a broken line is named like compare names it."""

from __future__ import annotations

from pathlib import Path

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


def test_files_of_a_folder_that_are_no_partition_are_listed_as_passed_over(tmp_path: Path) -> None:
    # A page or a .json export in the archive folder was left out without a word ("from 3 partitions").
    from blickwinkel.batch.partitions import list_partitions

    (tmp_path / "a.jsonl").write_text('{"title": "A", "text": "Ein Satz."}\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.ndjson").write_text('{"title": "B", "text": "Ein Satz."}\n', encoding="utf-8")
    (tmp_path / "page.html").write_text("<html></html>", encoding="utf-8")
    (tmp_path / "export.json").write_text("[]", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    passed_over: list[str] = []
    partitions, failures = list_partitions([str(tmp_path)], passed_over)
    assert [Path(p.url).name for p in partitions] == ["a.jsonl", "b.ndjson"]
    assert failures == []
    assert sorted(Path(p).name for p in passed_over) == ["export.json", "page.html"]
    # a file named by itself is refused, as before, and is not "passed over"
    passed_over.clear()
    _, failures = list_partitions([str(tmp_path / "page.html")], passed_over)
    assert passed_over == [] and "[B006]" in str(failures[0])


def test_batch_refuses_an_output_format_it_does_not_write(tmp_path: Path) -> None:
    # "--format xml" printed the text summary after the whole run; the other commands refuse it.
    from typer.testing import CliRunner

    from blickwinkel.cli.main import app

    result = CliRunner().invoke(
        app, ["batch", str(tmp_path), "--out", str(tmp_path / "out"), "--format", "xml"]
    )
    assert result.exit_code == 2
    assert "--format" in result.stderr and "'xml'" in result.stderr
    assert not (tmp_path / "out").exists()


def test_the_failures_file_is_named_without_a_double_slash() -> None:
    from blickwinkel.batch.summary import failures_file

    assert failures_file("results/") == "results/failures.jsonl"
    assert failures_file("results") == "results/failures.jsonl"
    assert failures_file("s3://bucket/bw/") == "s3://bucket/bw/failures.jsonl"


def test_a_line_that_is_no_object_is_worded_as_compare_and_ingest_word_it(tmp_path: Path) -> None:
    # batch said "[B009] expected an object, got list" of a line that compare and ingest call
    # "[I022] expected a JSON object, got a list".
    from blickwinkel.batch.partitions import Partition, read_partition
    from blickwinkel.ingest import read_inputs

    path = tmp_path / "part.jsonl"
    path.write_text('{"title": "A", "text": "Ein Satz."}\n["A", "Ein Satz."]\n"text"\n', encoding="utf-8")
    batch = read_partition(Partition(url=str(path), format="jsonl", key="part"))
    ingest = read_inputs([str(path)])
    assert len(batch.articles) == len(ingest.articles) == 1
    assert (
        [str(f) for f in batch.failures]
        == [str(f) for f in ingest.failures]
        == [
            f"{path}:2: [I022] expected a JSON object, got a list",
            f"{path}:3: [I022] expected a JSON object, got a string",
        ]
    )


def test_a_line_of_another_encoding_fails_alone_or_is_read() -> None:
    # One byte that is not UTF-8 refused the whole partition (I017), every good record with it.
    good = '{"title": "Fähre", "text": "Die Fähre fährt."}'.encode()
    western = '{"title": "Brücke", "text": "Die Brücke ist gesperrt."}'.encode("cp1252")
    binary = b'{"title": "X", "text": "' + bytes(range(0x80, 0xA0)) * 3 + b'"}'
    rows, where, failures = _jsonl_rows("part.jsonl", b"\n".join([good, western, binary, good]))
    assert where == ["part.jsonl:1", "part.jsonl:2", "part.jsonl:4"]
    assert [r["title"] for r in rows] == ["Fähre", "Brücke", "Fähre"]  # type: ignore[index]
    offset = len(good) + 1 + len(western) + 1 + len(b'{"title": "X", "text": "')
    assert [str(f) for f in failures] == [
        f"part.jsonl:3: [I017] is not UTF-8 (byte {offset} of the file) nor text of another encoding; save "
        "the partition as UTF-8"
    ]
    bom = _jsonl_rows("p.jsonl", b"\xef\xbb\xbf" + good + b"\n" + western)
    assert [r["title"] for r in bom[0]] == ["Fähre", "Brücke"]  # type: ignore[index]
