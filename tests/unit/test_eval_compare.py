"""Gold files for comparisons: validation, and the precision/recall arithmetic on a hand-made comparison."""

from __future__ import annotations

import copy
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from blickwinkel.cli import eval_compare
from blickwinkel.compare.evaluate import (
    PRF,
    comparison_errors,
    evaluate_comparison,
    micro_average,
    parse_gold,
)
from blickwinkel.errors import EvaluationError
from blickwinkel.model import AnalysedArticle, Article, Block, Comparison, Conflict, Fact, Statement

EXAMPLES_GOLD = Path(__file__).resolve().parents[2] / "examples" / "gold"

# Invented sentences about an invented closure of a footbridge.
SENTENCES = {
    "a": [
        "Der Steg ist seit Montag gesperrt.",
        "Rund 3.000 Pendler sind betroffen.",
        "Eine Fähre soll ab April fahren.",
    ],
    "b": [
        "Seit Dienstag ist der Steg zu.",
        "Etwa 5.000 Pendler müssen Umwege fahren.",
        "Täglich sind 5.000 Pendler unterwegs.",
    ],
    "c": [
        "Der Steg wurde am Montag gesperrt.",
        "Ein Chor sang vor dem Rathaus.",
    ],
}

GOLD: dict[str, Any] = {
    "schema": "blickwinkel.gold/1",
    "inputs": ["a.txt", "b.txt", "c.txt"],
    "facts": [
        {
            "name": "closure",
            "mentions": {"a": "seit Montag gesperrt", "b": "Seit Dienstag", "c": "am Montag"},
        },
        {"name": "commuters", "mentions": {"a": "3.000 Pendler", "b": "Etwa 5.000 Pendler"}},
        {"name": "ferry", "mentions": {"a": "Fähre"}, "note": "ignored"},
        {"name": "choir", "mentions": {"c": "Chor"}},
    ],
    "conflicts": [
        {"fact": "closure", "articles": ["b", "a"]},
        {"fact": "closure", "articles": ["b", "c"]},
        {"fact": "commuters", "articles": ["a", "b"]},
    ],
}


def make_comparison(facts: Sequence[Sequence[str]], conflicts: Sequence[Sequence[str]]) -> Comparison:
    """A comparison of the articles in SENTENCES whose facts and conflicts list statement ids."""
    analysed = []
    for aid, sentences in SENTENCES.items():
        text = " ".join(sentences)
        statements, start = [], 0
        for n, sentence in enumerate(sentences, start=1):
            statements.append(Statement(f"{aid}#{n}", aid, sentence, start, start + len(sentence)))
            start += len(sentence) + 1
        article = Article(aid, text, (Block("paragraph", 0, len(text)),), source=f"{aid}.txt")
        analysed.append(AnalysedArticle(article, tuple(statements)))
    fact_objects = tuple(
        Fact(f"f{n}", tuple(ids), tuple(dict.fromkeys(i.split("#")[0] for i in ids)), ids[0])
        for n, ids in enumerate(facts, start=1)
    )
    fact_of = {sid: f.id for f in fact_objects for sid in f.statements}
    conflict_objects = tuple(
        Conflict(f"c{n}", "quantity", fact_of.get(ids[0], ""), tuple(ids), (), f"reason {n}")
        for n, ids in enumerate(conflicts, start=1)
    )
    return Comparison(tuple(analysed), fact_objects, conflict_objects, (), {})


def gold_with(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(GOLD)
    data.update(changes)
    return data


# --- parse_gold: malformed gold files -------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "code", "field"),
    [
        ([], "V001", "JSON object"),
        (gold_with(inputs=["only-one.txt"]), "V002", "'inputs'"),
        (gold_with(inputs="a.txt"), "V002", "'inputs'"),
        (gold_with(facts=[]), "V003", "'facts'"),
        (gold_with(facts=[{"name": "x"}]), "V003", "facts[0]"),
        (gold_with(facts=[{"name": "x", "mentions": {}}]), "V003", "facts[0]"),
        (gold_with(facts=[{"name": "x", "mentions": {"a": ""}}]), "V003", "facts[0].mentions['a']"),
        (gold_with(facts=[{"name": "x", "mentions": {"a": 3}}]), "V003", "facts[0].mentions['a']"),
        (gold_with(facts=[{"name": 7, "mentions": {"a": "x"}}]), "V003", "facts[0]"),
        (gold_with(facts=[*GOLD["facts"], GOLD["facts"][0]]), "V003", "facts[4] repeats"),
        (gold_with(conflicts={"fact": "closure"}), "V004", "'conflicts'"),
        (gold_with(conflicts=[{"fact": "nope", "articles": ["a", "b"]}]), "V004", "conflicts[0]"),
        (gold_with(conflicts=[{"fact": "closure", "articles": ["a"]}]), "V004", "conflicts[0]"),
        (gold_with(conflicts=[{"fact": "closure", "articles": ["a", "a"]}]), "V004", "conflicts[0].articles"),
        (gold_with(conflicts=[{"fact": "ferry", "articles": ["a", "b"]}]), "V004", "conflicts[0].articles"),
        (gold_with(facts=[{"name": "x", "mentions": {"a": []}}]), "V003", "facts[0].mentions['a']"),
        (
            gold_with(facts=[{"name": "x", "mentions": {"a": ["Steg", " "]}}]),
            "V003",
            "facts[0].mentions['a']",
        ),
        (gold_with(schema="blickwinkel.gold/9"), "V008", "'schema'"),
        (gold_with(split="dev"), "V011", "'split'"),
    ],
)
def test_malformed_gold_names_the_file_and_the_field(data: Any, code: str, field: str) -> None:
    with pytest.raises(EvaluationError) as caught:
        parse_gold(data, "story.gold.json")
    message = str(caught.value)
    assert code in message
    assert "story.gold.json" in message
    assert field in message


def test_a_valid_gold_file_parses() -> None:
    gold = parse_gold(GOLD, "g.json")
    assert gold.inputs == ("a.txt", "b.txt", "c.txt")
    assert [f.name for f in gold.facts] == ["closure", "commuters", "ferry", "choir"]
    assert gold.conflicts[0].articles == ("b", "a")


def test_schema_may_be_omitted() -> None:
    data = gold_with()
    del data["schema"]
    assert len(parse_gold(data, "g.json").facts) == 4


@pytest.mark.parametrize(
    ("facts", "code"),
    [
        ([{"name": "x", "mentions": {"a": "Brücke", "b": "Steg"}}], "V005"),
        ([{"name": "x", "mentions": {"z": "Steg"}}], "V005"),
        ([{"name": "x", "mentions": {"a": "Pendler", "b": "Chor"}}], "V005"),
        ([{"name": "x", "mentions": {"b": "Pendler"}}], "V006"),
        ([{"name": "x", "mentions": {"a": "Steg"}}, {"name": "y", "mentions": {"a": "Montag"}}], "V007"),
    ],
)
def test_fragments_must_name_exactly_one_statement_of_one_fact(facts: list[Any], code: str) -> None:
    gold = parse_gold(gold_with(facts=facts, conflicts=[]), "g.json")
    with pytest.raises(EvaluationError, match=code):
        evaluate_comparison(gold, make_comparison([], []))


def test_two_fragments_of_one_fact_in_one_statement_name_that_fact_once() -> None:
    facts = [{"name": "x", "mentions": {"a": ["Steg", "Montag"]}}]
    gold = parse_gold(gold_with(facts=facts, conflicts=[], split="train"), "g.json")
    with pytest.raises(EvaluationError, match="V051") as raised:
        evaluate_comparison(gold, make_comparison([], []))
    assert "'x'" in str(raised.value) and "two of its fragments" in str(raised.value)


def test_a_fact_may_name_an_articles_restatement_too() -> None:
    facts = [{"name": "commuters", "mentions": {"a": "3.000 Pendler", "b": ["Etwa 5.000", "Täglich sind"]}}]
    gold = parse_gold(gold_with(facts=facts, conflicts=[], split="train"), "g.json")
    assert gold.facts[0].mentions == {"a": ("3.000 Pendler",), "b": ("Etwa 5.000", "Täglich sind")}
    # One link between the articles, found through either of b's statements; b's two statements
    # in one fact is a joined restatement.
    scores = evaluate_comparison(gold, make_comparison([["a#2", "b#3"]], []))
    assert (scores["links"]["true_positives"], scores["links"]["support"]) == (1, 1)
    assert scores["restatements"] == {"rate": 0.0, "hits": 0, "support": 1}
    joined = evaluate_comparison(gold, make_comparison([["a#2", "b#2", "b#3"]], []))
    assert joined["restatements"] == {"rate": 1.0, "hits": 1, "support": 1}
    assert joined["one_article"] == {"rate": 1.0, "hits": 1, "support": 1}


# --- evaluate_comparison: the arithmetic ----------------------------------------------------------


def test_precision_and_recall_of_links_unique_facts_and_conflicts() -> None:
    comparison = make_comparison(
        facts=[["a#1", "c#1"], ["b#1"], ["a#2", "b#2", "b#3"], ["a#3", "c#2"]],
        conflicts=[["a#2", "b#2"], ["a#1", "c#1"], ["a#1", "b#2"]],
    )
    scores = evaluate_comparison(parse_gold(GOLD, "g.json"), comparison)
    # Gold links: closure a1-b1, a1-c1, b1-c1; commuters a2-b2. Predicted among annotated statements:
    # a1-c1 and a2-b2 (right), a3-c2 (wrong; b3 is annotated by no fact and is not scored).
    assert scores["links"] == {
        "precision": 0.6667,
        "recall": 0.5,
        "f1": 0.5714,
        "support": 4,
        "true_positives": 2,
        "predicted": 3,
    }
    # Gold unique: a3 (ferry), c2 (choir); the comparison flags only b1, which is shared.
    assert scores["unique_facts"] == {
        "precision": 0.0,
        "recall": 0.0,
        "f1": 0.0,
        "support": 2,
        "true_positives": 0,
        "predicted": 1,
    }
    # commuters a-b is right; closure a-c is not a gold conflict; a1-b2 spans two gold facts.
    assert scores["conflicts"]["true_positives"] == 1
    assert scores["conflicts"]["predicted"] == 3
    assert scores["conflicts"]["support"] == 3
    assert scores["conflicts"]["precision"] == pytest.approx(0.3333)
    assert scores["gold_facts"] == 4


def test_a_perfect_comparison_scores_one() -> None:
    comparison = make_comparison(
        facts=[["a#1", "b#1", "c#1"], ["a#2", "b#2"], ["a#3"], ["c#2"], ["b#3"]],
        conflicts=[["a#1", "b#1"], ["b#1", "c#1"], ["a#2", "b#2"]],
    )
    scores = evaluate_comparison(parse_gold(GOLD, "g.json"), comparison)
    for task in ("links", "unique_facts", "conflicts"):
        assert (scores[task]["precision"], scores[task]["recall"], scores[task]["f1"]) == (1.0, 1.0, 1.0)


def test_a_conflict_with_an_unannotated_restatement_counts_for_the_annotated_fact() -> None:
    comparison = make_comparison(facts=[["a#2", "b#3"]], conflicts=[["a#2", "b#3"], ["a#2", "b#2"]])
    scores = evaluate_comparison(parse_gold(GOLD, "g.json"), comparison)
    # Both conflicts are (commuters, {a, b}): one gold conflict found, no false alarm.
    assert scores["conflicts"]["true_positives"] == 1
    assert scores["conflicts"]["predicted"] == 1


def test_a_statement_in_no_fact_is_neither_linked_nor_unique() -> None:
    scores = evaluate_comparison(parse_gold(GOLD, "g.json"), make_comparison([], []))
    assert scores["links"]["predicted"] == 0
    assert scores["links"]["recall"] == 0.0
    assert scores["unique_facts"]["predicted"] == 0
    assert scores["conflicts"]["precision"] == 0.0  # nothing predicted, but gold conflicts exist


def test_nothing_to_find_and_nothing_found_is_perfect() -> None:
    assert PRF.of(0, 0, 0) == PRF(1.0, 1.0, 1.0, 0, 0, 0)
    assert PRF.of(0, 2, 0).precision == 0.0


def test_errors_list_each_missed_and_false_item() -> None:
    comparison = make_comparison(
        facts=[["a#1", "c#1"], ["b#1"], ["a#2", "b#2"], ["a#3", "c#2"]],
        conflicts=[["a#1", "c#1"]],
    )
    errors = comparison_errors(parse_gold(GOLD, "g.json"), comparison)
    assert errors["missed_links"] == ["closure: a#1 ~ b#1", "closure: b#1 ~ c#1"]
    assert errors["false_links"] == ["ferry (a#3) ~ choir (c#2)"]
    assert errors["missed_unique_facts"] == ["choir: c#2", "ferry: a#3"]
    assert errors["false_unique_facts"] == ["closure: b#1"]
    assert errors["false_conflicts"] == ["closure: a vs c (reason 1)"]
    assert len(errors["missed_conflicts"]) == 3


def test_micro_average_adds_the_counts_before_dividing() -> None:
    first = make_comparison(facts=[["a#1", "c#1"]], conflicts=[])
    second = make_comparison(facts=[["a#1", "b#1", "c#1"], ["a#2", "b#2"]], conflicts=[])
    gold = parse_gold(GOLD, "g.json")
    results = [evaluate_comparison(gold, first), evaluate_comparison(gold, second)]
    total = micro_average(results)
    assert total["links"]["true_positives"] == 1 + 4
    assert total["links"]["support"] == 8
    assert total["links"]["recall"] == pytest.approx(5 / 8, abs=1e-4)
    assert total["gold_facts"] == 8


# --- the example gold files are well-formed -------------------------------------------------------


@pytest.mark.parametrize("path", sorted(EXAMPLES_GOLD.glob("*.json")), ids=lambda p: p.stem)
def test_example_gold_files_parse_and_point_at_existing_inputs(path: Path) -> None:
    gold = parse_gold(json.loads(path.read_text(encoding="utf-8")), str(path))
    assert 8 <= len(gold.facts) <= 20
    for given in gold.inputs:
        assert (path.parent / given).is_file(), given


# --- the command's error handling (no comparison is run) ------------------------------------------


@pytest.fixture
def cli() -> typer.Typer:
    app, eval_app = typer.Typer(), typer.Typer()
    app.add_typer(eval_app, name="eval")
    eval_compare.register(app, eval_app)
    return app


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "file not found"),
        ("{not json", "not valid JSON (line 1"),
        (json.dumps(gold_with(inputs=["a.txt"])), "field 'inputs'"),
        (json.dumps(gold_with(conflicts=[{"fact": "x", "articles": []}])), "conflicts[0]"),
    ],
)
def test_bad_gold_files_exit_2_with_one_line_naming_the_file(
    cli: typer.Typer, tmp_path: Path, content: str | None, expected: str
) -> None:
    path = tmp_path / "story.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "compare", str(path)])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert str(path) in lines[0]
    assert expected in lines[0]


def test_a_missing_input_is_named(cli: typer.Typer, tmp_path: Path) -> None:
    path = tmp_path / "story.json"
    path.write_text(json.dumps(GOLD), encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "compare", str(path)])
    assert result.exit_code == 2
    assert "field 'inputs'" in result.stderr
    assert "a.txt" in result.stderr


def test_an_unknown_format_is_refused(cli: typer.Typer, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["eval", "compare", str(tmp_path / "g.json"), "--format", "xml"])
    assert result.exit_code == 2
    assert "--format 'xml'" in result.stderr


def test_a_share_with_nothing_to_count_prints_as_a_dash_not_as_perfect() -> None:
    # A researcher read "[de] conflicts 1.000 1.000 1.000 0" of a file with no German conflict in
    # gold or output as a perfect score (found by the new user); a share of nothing is undefined.
    from blickwinkel.report.score_tables import comparison_scores_table

    def row(tp: int, predicted: int, support: int, p: float, r: float) -> dict[str, float | int]:
        return {
            "precision": p,
            "recall": r,
            "f1": 0.0,
            "support": support,
            "true_positives": tp,
            "predicted": predicted,
        }

    result = {
        "gold_facts": 3,
        "links": row(2, 2, 4, 1.0, 0.5),
        "unique_facts": row(0, 0, 0, 1.0, 1.0),
        "conflicts": row(0, 1, 0, 0.0, 1.0),
    }
    table = comparison_scores_table("g.json", result)
    lines = {line.split()[0]: line.split()[1:] for line in table.splitlines()[2:]}
    assert lines["links"] == ["1.000", "0.500", "0.000", "4"]
    assert lines["unique_facts"] == ["–", "–", "–", "0"]
    assert lines["conflicts"] == ["0.000", "–", "0.000", "0"]
