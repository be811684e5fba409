"""The text tables of the eval commands (report/score_tables.py), on invented scores."""

from __future__ import annotations

from typing import Any

from blickwinkel.report.score_tables import (
    comparison_scores_table,
    ner_scores_table,
    subjectivity_scores_table,
)


def _prf(p: float, r: float, f: float, support: int, predicted: int) -> dict[str, float | int]:
    return {"precision": p, "recall": r, "f1": f, "support": support, "predicted": predicted}


def test_a_comparison_table_dashes_a_share_of_nothing_and_lists_pairs_and_errors() -> None:
    scores: dict[str, Any] = {
        "links": _prf(0.5, 0.25, 0.3333, 4, 2),
        "unique_facts": _prf(1.0, 1.0, 1.0, 0, 0),
        "conflicts": _prf(1.0, 0.0, 0.0, 1, 0),
        "restatements": {"rate": 0.5, "hits": 1, "support": 2},
        "different": {"rate": 1.0, "hits": 0, "support": 0},
    }
    result = {**scores, "gold_facts": 3, "by_pair": {"de": scores, "en": scores}}
    result["errors"] = {"missed_links": ["ferry: a#1 ~ b#2"]}
    lines = comparison_scores_table("story.json", result).splitlines()
    assert lines[0] == "story.json  (3 gold facts)"
    assert lines[2].split() == ["links", "0.500", "0.250", "0.333", "4"]
    assert lines[3].split() == ["unique_facts", "–", "–", "–", "0"]
    assert lines[4].split() == ["conflicts", "–", "0.000", "0.000", "1"]
    assert lines[5].split() == ["restatements", "rate", "0.500", "2"]
    assert not any(line.split()[0] == "different" for line in lines[1:])
    assert sum(line.lstrip().startswith("[de] ") for line in lines) == 4
    assert lines[-1] == "  missed_links: ferry: a#1 ~ b#2"


def test_one_language_pair_prints_no_pair_rows() -> None:
    scores = {t: _prf(1.0, 1.0, 1.0, 1, 1) for t in ("links", "unique_facts", "conflicts")}
    table = comparison_scores_table("x", {**scores, "gold_facts": 1, "by_pair": {"en": scores}})
    assert "[en]" not in table and len(table.splitlines()) == 5


def test_the_ner_table_sums_the_support_of_the_types() -> None:
    per_type = {"PER": _prf(1.0, 0.5, 0.6667, 2, 1), "LOC": _prf(0.5, 1.0, 0.6667, 1, 2)}
    scores = {"precision": 0.6667, "recall": 0.6667, "f1": 0.6667, "per_type": per_type, "sentences": 7}
    lines = ner_scores_table(scores).splitlines()
    assert lines[1].split() == ["PER", "1.000", "0.500", "0.667", "2"]
    assert lines[3].split() == ["all", "0.667", "0.667", "0.667", "3"]
    assert lines[4] == "7 sentences"


def test_the_subjectivity_table_has_a_row_per_label_in_the_order_given() -> None:
    per_label = {"OBJ": _prf(0.8, 0.9, 0.847, 10, 11), "SUBJ": _prf(0.7, 0.5, 0.583, 4, 3)}
    result = {"macro_f1": 0.715, "accuracy": 0.786, "per_label": per_label}
    lines = subjectivity_scores_table(result, ("SUBJ", "OBJ")).splitlines()
    assert lines[:2] == ["macro-F1  0.715", "accuracy  0.786"]
    assert [line.split()[0] for line in lines[3:]] == ["SUBJ", "OBJ"]
