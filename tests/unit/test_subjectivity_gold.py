"""The opinion gold (examples/gold-real/opinion/): sentences named by record and offsets, read from data."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from blickwinkel.cli.main import app
from blickwinkel.compare.gold_real import ArticleRef
from blickwinkel.errors import EvaluationError
from blickwinkel.evaluation import OPINION_GOLD_SCHEMA, dataset_record, dataset_text, read_opinion_gold

# invented records: a plain report and a commentary
PLAIN = "Der Stadtrat beschloss am Montag den Bau einer neuen Brücke. Die Arbeiten beginnen im Mai."
OPINION = "Das ist ein schlechter Plan. Wer so baut, hat nichts verstanden."


def _hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def _spans(text: str, labels: list[str]) -> list[list[object]]:
    spans: list[list[object]] = []
    start = 0
    for label in labels:
        end = text.index(".", start) + 1
        spans.append([start, end, _hash(text[start:end]), label])
        start = end + 1
    return spans


def _setup(tmp_path: Path, *, change_second: bool = False) -> tuple[Path, Path]:
    root = tmp_path / "data"
    (root / "news").mkdir(parents=True)
    texts = [PLAIN, OPINION]
    records = [{"text": t} for t in texts]
    if change_second:
        records[1]["text"] = OPINION.replace("schlechter", "guter")
    (root / "news" / "a.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    gold = {
        "schema": OPINION_GOLD_SCHEMA,
        "language": "de",
        "dataset": "news/a.jsonl",
        "field": "text",
        "records": [
            {
                "record": {"line": 1},
                "sha": _hash(PLAIN),
                "split": "tune",
                "sentences": _spans(PLAIN, ["OBJ", "OBJ"]),
            },
            {
                "record": {"line": 2},
                "sha": _hash(OPINION),
                "split": "heldout",
                "sentences": _spans(OPINION, ["SUBJ", "SUBJ"]),
            },
        ],
    }
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    return path, root


def test_reads_the_sentences_of_a_split(tmp_path: Path) -> None:
    path, root = _setup(tmp_path)
    gold = read_opinion_gold(path, root, "tune")
    assert gold.language == "de"
    assert [label for _, label in gold.pairs] == ["OBJ", "OBJ"]
    assert gold.pairs[1][0] == "Die Arbeiten beginnen im Mai."
    assert len(read_opinion_gold(path, root).pairs) == 4
    assert not gold.failed


def test_a_changed_record_is_named_and_left_out(tmp_path: Path) -> None:
    path, root = _setup(tmp_path, change_second=True)
    gold = read_opinion_gold(path, root)
    assert len(gold.pairs) == 2
    assert len(gold.failed) == 1
    assert "V022" in gold.failed[0] and "gold.json" in gold.failed[0]


def test_a_wrong_schema_or_split_is_refused(tmp_path: Path) -> None:
    path, root = _setup(tmp_path)
    with pytest.raises(EvaluationError, match="V011"):
        read_opinion_gold(path, root, "train")
    path.write_text(json.dumps({"schema": "other"}), encoding="utf-8")
    with pytest.raises(EvaluationError, match="V010"):
        read_opinion_gold(path, root)
    path.write_text(json.dumps({"schema": OPINION_GOLD_SCHEMA, "language": "de"}), encoding="utf-8")
    with pytest.raises(EvaluationError, match="V052"):
        read_opinion_gold(path, root)


def test_eval_command_reads_the_gold(tmp_path: Path) -> None:
    path, root = _setup(tmp_path)
    args = ["eval", "subjectivity", str(path), "--data-root", str(root), "--format", "json"]
    result = CliRunner().invoke(app, [*args, "--split", "tune"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["sentences"] == 2
    assert data["plain_marked"] == 0.0
    text = CliRunner().invoke(app, ["eval", "subjectivity", str(path), "--data-root", str(root)])
    assert text.exit_code == 0, text.output
    assert "plain sentences marked opinion" in text.stdout


def test_eval_command_names_a_missing_data_root(tmp_path: Path) -> None:
    path, _ = _setup(tmp_path)
    result = CliRunner().invoke(
        app, ["eval", "subjectivity", str(path), "--data-root", str(tmp_path / "nowhere")]
    )
    assert result.exit_code == 2
    assert "V020" in result.output


def test_split_and_data_root_are_refused_for_a_tsv(tmp_path: Path) -> None:
    tsv = tmp_path / "own-de.tsv"
    tsv.write_text("sentence_id\tsentence\tlabel\ns1\tDie Arbeiten beginnen im Mai.\tOBJ\n", encoding="utf-8")
    for option in (["--split", "tune"], ["--data-root", str(tmp_path)]):
        result = CliRunner().invoke(app, ["eval", "subjectivity", str(tsv), "--lang", "de", *option])
        assert result.exit_code == 2, result.output
        assert option[0] in result.output
    plain = CliRunner().invoke(app, ["eval", "subjectivity", str(tsv), "--lang", "de"])
    assert plain.exit_code == 0, plain.output


@pytest.mark.parametrize("bad", ["abc", -1, True, [2], "2"])
def test_a_record_position_that_is_no_whole_number_is_named_not_a_crash(tmp_path: Path, bad: object) -> None:
    path, root = _setup(tmp_path)
    gold = json.loads(path.read_text(encoding="utf-8"))
    gold["records"][1]["record"] = {"line": bad}
    path.write_text(json.dumps(gold), encoding="utf-8")
    read = read_opinion_gold(path, root)
    if bad == "2":  # a number written as text is read as the number, as always
        assert len(read.pairs) == 4 and not read.failed
        return
    assert len(read.pairs) == 2  # the other record is read
    assert len(read.failed) == 1 and "V021" in read.failed[0] and "'line'" in read.failed[0]


def test_a_story_cluster_position_that_is_no_whole_number_is_named(tmp_path: Path) -> None:
    root = tmp_path / "data"
    (root / "clusters").mkdir(parents=True)
    (root / "clusters" / "c.json").write_text(json.dumps([{"articles": [{"text": PLAIN}]}]), encoding="utf-8")
    for record in ({"event": "x", "article": 0}, {"event": 0, "article": -1}):
        ref = ArticleRef("a0", "clusters/c.json", record, "text", "de", _hash(PLAIN))
        with pytest.raises(EvaluationError, match="V021"):
            dataset_record(root, ref)
    ref = ArticleRef("a0", "clusters/c.json", {"event": 0, "article": 0}, "text", "de", _hash(PLAIN))
    assert dataset_text(root, ref, "gold.json") == PLAIN
