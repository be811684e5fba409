"""One exception tree and one table of error messages with unique ids."""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

import pytest

import blickwinkel
from blickwinkel import errors
from blickwinkel.errors import ApiError, BlickwinkelError, Errors, StoreError

SRC = Path(blickwinkel.__file__).parent
ID = re.compile(r"\[[A-Z]\d{3}\]")


def _table_ids() -> list[str]:
    tree = ast.parse(Path(errors.__file__).read_text(encoding="utf-8"))
    table = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Errors")
    return [
        t.id for n in table.body if isinstance(n, ast.Assign) for t in n.targets if isinstance(t, ast.Name)
    ]


def test_error_ids_are_unique_and_well_formed() -> None:
    ids = _table_ids()
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    for code in ids:
        assert re.fullmatch(r"[A-Z]\d{3}", code), code
        assert getattr(Errors, code).startswith(f"[{code}] ")


def test_no_id_is_written_outside_the_table() -> None:
    found = [
        f"{path.relative_to(SRC)}: {hit}"
        for path in sorted(SRC.rglob("*.py"))
        if path != Path(errors.__file__)
        for hit in ID.findall(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_every_exception_class_is_declared_in_errors_under_the_one_base() -> None:
    elsewhere = [
        f"{path.relative_to(SRC)}: class {node.name}"
        for path in sorted(SRC.rglob("*.py"))
        if path != Path(errors.__file__)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ClassDef)
        and any(ast.unparse(base).endswith(("Error", "Exception", "Warning")) for base in node.bases)
    ]
    assert elsewhere == []
    classes = [c for c in vars(errors).values() if inspect.isclass(c) and issubclass(c, BaseException)]
    assert StoreError in classes and ApiError in classes
    for cls in classes:
        assert issubclass(cls, BlickwinkelError), cls


def test_message_names_the_bad_value() -> None:
    assert Errors.R002.format(what="embedder", name="x", names="e5, use") == (
        "[R002] No embedder named 'x'. Available: e5, use."
    )


def test_an_ingest_error_crosses_a_process_boundary_whole() -> None:
    # The service's comparison processes send read failures back pickled.
    import pickle

    from blickwinkel.errors import IngestError

    back = pickle.loads(pickle.dumps(IngestError("https://example.org/a", "no text found")))
    assert isinstance(back, IngestError)
    assert (back.source, back.problem, str(back)) == (
        "https://example.org/a",
        "no text found",
        "https://example.org/a: no text found",
    )


def test_a_fetch_without_an_answer_is_its_own_kind_across_processes_and_names() -> None:
    # `feeds add` told "no answer now" from "answered with something else" by the ids its messages
    # start with; the kind is the error's class now, kept when pickled or named after another input.
    import pickle

    from blickwinkel.errors import IngestError, NoAnswerError

    error = NoAnswerError("lake.example", Errors.I048)
    back = pickle.loads(pickle.dumps(error.named("https://lake.example/feed.xml")))
    assert isinstance(back, NoAnswerError) and isinstance(back, IngestError)
    assert str(back) == f"https://lake.example/feed.xml: {Errors.I048}"
    assert type(IngestError("a.txt", Errors.I002).named("b.txt")) is IngestError


def test_a_worker_keeps_an_embedder_error_its_kind(monkeypatch: pytest.MonkeyPatch) -> None:
    """The service's comparison processes return errors by message; an unloadable embedder stays an
    EmbedderError (400 in the API), any other error becomes a ComparisonError (422)."""
    import pickle

    from blickwinkel import pipeline
    from blickwinkel.errors import ComparisonError, EmbedderError

    def failing(error: BlickwinkelError) -> None:
        def compare(*args: object, **kwargs: object) -> None:
            raise error

        monkeypatch.setattr(pipeline, "compare_articles_text", compare)

    failing(EmbedderError("the model file is missing"))
    with pytest.raises(EmbedderError, match="model file is missing") as raised:
        pipeline.comparison_json([], "use")
    assert isinstance(pickle.loads(pickle.dumps(raised.value)), EmbedderError)
    failing(StoreError("the database refused"))
    with pytest.raises(ComparisonError, match="database refused"):
        pipeline.comparison_json([], "use")


def test_invalid_json_is_worded_one_way_wherever_it_is_read(tmp_path: Path) -> None:
    # Five places wrote "not valid JSON" five ways ("line 1 column 2", "(… at line 1)", …).
    from blickwinkel.batch.partitions import _jsonl_rows
    from blickwinkel.errors import EvaluationError, IngestError
    from blickwinkel.evaluation import _records, read_gold_json
    from blickwinkel.ingest import read_text
    from blickwinkel.stories.evaluate import parse_event_clusters

    expected = "[I001] not valid JSON (line 1, column 2: Expecting property name enclosed in double quotes)"
    gold = tmp_path / "gold.json"
    gold.write_text("{x", encoding="utf-8")
    messages = []
    for read, error in (
        (lambda: read_text("{x", source="a.json", fmt="json"), IngestError),
        (lambda: read_gold_json(gold), EvaluationError),
        (lambda: parse_event_clusters("{x", "clusters.json"), EvaluationError),
        (lambda: _records(gold), EvaluationError),  # a real-news gold's data file: was a traceback
    ):
        with pytest.raises(error) as raised:
            read()
        messages.append(str(raised.value).split(": ", 1)[1])
    assert messages == [expected] * 4
    # a JSONL line's number is in the input's name, so its message gives the column only
    (failure,) = _jsonl_rows("part.jsonl", b"{x\n")[2]
    data = tmp_path / "data.jsonl"
    data.write_text('{"text": "a"}\n{x\n', encoding="utf-8")
    with pytest.raises(EvaluationError) as in_data:
        _records(data)
    assert str(in_data.value).startswith(f"{data}:2: [I001] not valid JSON (column 2: ")
    with pytest.raises(IngestError) as raised:
        read_text("{x", source="b.jsonl", fmt="jsonl")
    assert (
        str(failure).split(": ", 1)[1]
        == str(raised.value).split(": ", 1)[1]
        == ("[I001] not valid JSON (column 2: Expecting property name enclosed in double quotes)")
    )


@pytest.mark.parametrize("command", ["compare", "ner", "subjectivity", "stories", "similarity"])
def test_an_unreadable_evaluation_file_is_worded_one_way(command: str, tmp_path: Path) -> None:
    # Four readers wrote "file not found", "cannot open the file", "not UTF-8 text" each their own way,
    # with no id and some with no way out.
    from typer.testing import CliRunner

    from blickwinkel.cli.main import app

    missing = tmp_path / "missing-file"
    latin = tmp_path / "latin-1"
    latin.write_bytes("Stra\xdfe".encode("latin-1"))
    env = {"COLUMNS": "300"}
    more = ["--language", "de"] if command == "subjectivity" else []
    gone = CliRunner().invoke(app, ["eval", command, str(missing), *more], env=env)
    assert gone.exit_code == 2, gone.output
    assert f"[V033] {missing}: file not found; pass " in gone.stderr
    bad = CliRunner().invoke(app, ["eval", command, str(latin), *more], env=env)
    assert bad.exit_code == 2, bad.output
    assert f"[V034] {latin}: not UTF-8 text (invalid continuation byte); pass " in bad.stderr
