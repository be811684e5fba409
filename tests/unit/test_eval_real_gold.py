"""Real-news gold (blickwinkel.gold-real/1): validation, span location and the scoring arithmetic,
on invented articles written for this test."""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from blickwinkel.compare.evaluate import (
    evaluate_real_comparison,
    locate_span,
    pair_label,
    parse_real_gold,
    real_comparison_errors,
    span_hash,
)
from blickwinkel.errors import EvaluationError
from blickwinkel.model import AnalysedArticle, Article, Block, Comparison, Conflict, Fact, Statement
from tests.conftest import json_keys

GOLD_REAL = Path(__file__).resolve().parents[2] / "examples" / "gold-real"

# Invented raw texts; "x" has two spaces that the reader would collapse.
RAW = {
    "x": "The  pier closed on Monday. Some 300 anglers lost their spot. The pier shut on Monday for repairs.",
    "y": "Der Steg ist seit Montag zu. Rund 500 Angler sind betroffen. Ein Chor sang.",
    "z": "The pier closed on Monday. A choir sang at the town hall.",
}
LANG = {"x": "en", "y": "de", "z": "en"}


def sentences(raw: str) -> list[str]:
    return [s.strip() + "." for s in raw.replace("  ", " ").split(".") if s.strip()]


def span(aid: str, text: str) -> list[Any]:
    start = RAW[aid].index(text)
    return [start, start + len(text), span_hash(text)]


GOLD: dict[str, Any] = {
    "schema": "blickwinkel.gold-real/1",
    "event": "test#1",
    "split": "tune",
    "articles": [
        {
            "id": a,
            "dataset": "d.jsonl",
            "record": {"line": n},
            "field": "text",
            "language": LANG[a],
            "sha": "0",
        }
        for n, a in enumerate(RAW, start=1)
    ],
    "facts": [
        {
            "name": "closed",
            "mentions": {
                "x": [span("x", "pier closed on Monday"), span("x", "shut on Monday")],
                "y": [span("y", "seit Montag zu")],
                "z": [span("z", "pier closed")],
            },
        },
        {"name": "anglers", "mentions": {"x": [span("x", "300 anglers")], "y": [span("y", "500 Angler")]}},
        {"name": "choir", "mentions": {"z": [span("z", "choir sang")]}},
        {"name": "chor", "mentions": {"y": [span("y", "Chor sang")]}, "overlaps": ["choir"]},
    ],
    "different": [{"pair": [["anglers", "x"], ["closed", "z"]]}],
    "conflicts": [{"fact": "anglers", "articles": ["x", "y"]}],
    "near_misses": [{"fact": "closed", "articles": ["x", "z"]}],
}


def comparison(groups: list[list[str]], conflicts: list[list[str]]) -> Comparison:
    """Articles as the reader would give them (spaces collapsed); statements ``<id>#<n>`` from 1."""
    analysed = []
    for aid, raw in RAW.items():
        text = " ".join(sentences(raw))
        stmts, start = [], 0
        for n, s in enumerate(sentences(raw), start=1):
            stmts.append(Statement(f"{aid}#{n}", aid, s, start, start + len(s), language=LANG[aid]))
            start += len(s) + 1
        article = Article(aid, text, (Block("paragraph", 0, len(text)),), source=aid, language=LANG[aid])
        analysed.append(AnalysedArticle(article, tuple(stmts)))
    facts = tuple(
        Fact(f"f{n}", tuple(ids), tuple(dict.fromkeys(i.split("#")[0] for i in ids)), ids[0])
        for n, ids in enumerate(groups, start=1)
    )
    confs = tuple(Conflict(f"c{n}", "quantity", "", tuple(ids), (), "r") for n, ids in enumerate(conflicts))
    return Comparison(tuple(analysed), facts, confs, (), {})


def gold_with(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(GOLD)
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("data", "code"),
    [
        ({}, "V010"),
        (gold_with(split="dev"), "V011"),
        (gold_with(articles=GOLD["articles"][:1]), "V012"),
        (gold_with(articles=[{"id": "x"}, *GOLD["articles"][1:]]), "V012"),
        (gold_with(facts=[{"name": "a", "mentions": {"q": [[0, 1, "h"]]}}]), "V017"),
        (gold_with(facts=[{"name": "a", "mentions": {"x": [[5, 1, "h"]]}}]), "V017"),
        (gold_with(facts=[{"name": "a", "mentions": {"x": [[0, 1, "h"]]}, "overlaps": ["zz"]}]), "V017"),
        (gold_with(different=[{"pair": [["closed", "y"], ["choir", "x"]]}]), "V013"),
        (gold_with(conflicts=[{"fact": "choir", "articles": ["x", "z"]}]), "V004"),
        (gold_with(tasks=["conflicts", "speed"]), "V023"),
        (gold_with(tasks=[]), "V023"),
        (gold_with(split="train", tasks=["conflicts"]), "V023"),
    ],
)
def test_malformed_real_gold_names_the_file_and_the_field(data: Any, code: str) -> None:
    with pytest.raises(EvaluationError, match=code) as caught:
        parse_real_gold(data, "event.json")
    assert "event.json" in str(caught.value)


def test_a_span_is_found_in_the_text_the_reader_gives() -> None:
    raw = RAW["x"]
    s = span("x", "The  pier closed")
    text = " ".join(sentences(raw))
    gold = parse_real_gold(gold_with(), "g.json")
    start, end = locate_span(text, raw, gold.facts[0].mentions["x"][0].__class__(s[0], s[1], s[2]))
    assert text[start:end] == "The pier closed"


def test_a_changed_span_is_an_error_not_a_score() -> None:
    gold = parse_real_gold(gold_with(), "g.json")
    changed = dict(RAW, z="The pier opened on Monday. A choir sang at the town hall.")
    with pytest.raises(EvaluationError, match="V016"):
        evaluate_real_comparison(gold, comparison([], []), changed)


def test_scores_per_language_pair() -> None:
    gold = parse_real_gold(gold_with(), "g.json")
    # x#1 and x#3 restate "closed"; y#1, z#1 state it; the comparison joins x#1, x#3 and z#1, leaves
    # y#1 alone, links the anglers across languages and puts both choirs into one fact.
    result = evaluate_real_comparison(
        gold,
        comparison([["x#1", "x#3", "z#1"], ["y#1"], ["x#2", "y#2"], ["y#3", "z#2"]], [["x#2", "y#2"]]),
        RAW,
    )
    en, cross = result["by_pair"]["en"], result["by_pair"]["de-en"]
    assert (en["links"]["true_positives"], en["links"]["support"], en["links"]["predicted"]) == (1, 1, 1)
    # de-en gold links: closed x-y, closed y-z, anglers x-y; found: anglers. choir~chor overlap: unscored.
    assert (cross["links"]["true_positives"], cross["links"]["support"], cross["links"]["predicted"]) == (
        1,
        3,
        1,
    )
    assert result["restatements"] == {"rate": 1.0, "hits": 1, "support": 1}
    # x#1 and x#3 in one fact: one pair of one article's statements, of one gold fact.
    assert result["one_article"] == {"rate": 1.0, "hits": 1, "support": 1}
    assert result["by_pair"]["en"]["one_article"]["support"] == 1
    assert result["different"] == {"rate": 1.0, "hits": 1, "support": 1}
    # choir and chor overlap: single-article facts that overlap another are not scored as unique;
    # nothing else is flagged unique either (y#1 stands alone, but "closed" is shared).
    assert result["unique_facts"]["support"] == 0
    assert result["unique_facts"]["predicted"] == 1
    assert result["conflicts"]["true_positives"] == 1
    assert result["near_misses"] == {"rate": 0.0, "hits": 0, "support": 1}


def test_joined_different_facts_and_flagged_near_misses_are_listed() -> None:
    gold = parse_real_gold(gold_with(), "g.json")
    comp = comparison([["x#1", "z#1", "x#2"], ["x#3"]], [["x#1", "z#1"]])
    result = evaluate_real_comparison(gold, comp, RAW)
    assert result["different"]["rate"] == 0.0
    assert result["restatements"]["rate"] == 0.0
    assert result["near_misses"]["rate"] == 1.0
    assert result["one_article"] == {"rate": 0.0, "hits": 0, "support": 1}
    errors = real_comparison_errors(gold, comp, RAW)
    assert errors["joined_own_statements"] == ["closed (x#1) ~ anglers (x#2)"]
    assert errors["joined_different_facts"] == ["anglers (x#2) ~ closed (z#1)"]
    assert errors["flagged_near_misses"] == ["closed: x vs z"]
    assert errors["split_restatements"] == ["closed: x#1, x#3"]


@pytest.mark.parametrize("path", sorted(GOLD_REAL.glob("*.json")), ids=lambda p: p.stem)
def test_real_gold_files_parse_and_keep_no_article_text(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    gold = parse_real_gold(data, str(path))
    assert gold.split in ("tune", "heldout")
    assert len(gold.facts) >= 5
    for fact in gold.facts:
        for spans in fact.mentions.values():
            assert all(s.end - s.start > 0 and len(s.digest) == 8 for s in spans)
    # by reference only: no field may carry article text
    assert not ({"text", "text1", "text2", "fragment"} & json_keys(data))


def test_real_gold_split_alternates_by_event_within_each_language_pair() -> None:
    """The split rule of examples/gold-real/README.md: within a language pair, files sorted by name,
    the 1st, 3rd, 5th ... are tuning events and the 2nd, 4th ... held out. A new event that moves
    a later one must change that file's split, in plain sight."""
    by_pair: dict[str, list[tuple[str, str]]] = {}
    for path in sorted(GOLD_REAL.glob("*.json")):
        gold = parse_real_gold(json.loads(path.read_text(encoding="utf-8")), str(path))
        label = pair_label([a.language for a in gold.articles])
        by_pair.setdefault(label, []).append((path.name, gold.split))
    assert set(by_pair) == {"en", "de", "de-en"}
    for label, files in by_pair.items():
        expected = [(name, "tune" if n % 2 == 0 else "heldout") for n, (name, _) in enumerate(files)]
        assert files == expected, label


def test_a_file_for_some_tasks_is_scored_on_those_only() -> None:
    gold = parse_real_gold(gold_with(tasks=["conflicts", "near_misses"]), "g.json")
    comp = comparison([["x#1", "z#1", "x#2"], ["x#3"]], [["x#1", "z#1"], ["x#2", "y#2"]])
    result = evaluate_real_comparison(gold, comp, RAW)
    assert result["conflicts"]["true_positives"] == 1 and result["conflicts"]["predicted"] == 2
    assert result["near_misses"] == {"rate": 1.0, "hits": 1, "support": 1}
    assert result["links"]["support"] == result["links"]["predicted"] == 0
    assert result["unique_facts"]["support"] == 0 and result["restatements"]["support"] == 0
    assert result["one_article"]["support"] == 0
    errors = real_comparison_errors(gold, comp, RAW)
    assert set(errors) == {"missed_conflicts", "false_conflicts", "flagged_near_misses"}


@pytest.mark.parametrize("path", sorted((GOLD_REAL / "tune-conflicts").glob("*.json")), ids=lambda p: p.stem)
def test_tune_only_conflict_files_parse_and_keep_no_article_text(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    gold = parse_real_gold(data, str(path))
    assert gold.split == "tune" and gold.tasks == {"conflicts", "near_misses"}
    assert not ({"text", "text1", "text2", "fragment"} & json_keys(data))


CONFLICTS2 = sorted((GOLD_REAL / "conflicts2").glob("*.json"))


@pytest.mark.parametrize("path", CONFLICTS2, ids=lambda p: p.stem)
def test_second_conflict_set_parses_keeps_no_text_and_follows_its_split_rule(path: Path) -> None:
    """examples/gold-real/conflicts2/README.md: conflicts and near-misses only, and the half of an
    event is the parity of the SHA-1 of its file name's stem, fixed before anything was measured."""
    data = json.loads(path.read_text(encoding="utf-8"))
    gold = parse_real_gold(data, str(path))
    assert gold.tasks == {"conflicts", "near_misses"}
    assert not ({"text", "text1", "text2", "fragment"} & json_keys(data))
    parity = int(hashlib.sha1(path.stem.encode("utf-8")).hexdigest()[:8], 16) % 2
    assert gold.split == ("tune" if parity == 0 else "heldout")
    # A note or a fact's name says what kind of clash it is in our words, never the article's figures.
    marks = [*data["facts"], *data["conflicts"], *data["near_misses"]]
    said = [str(m.get(k, "")) for m in marks for k in ("name", "note")]
    assert not [s for s in said if any(c.isdigit() for c in s)], path.name


def test_second_conflict_set_shares_no_article_with_other_gold_or_across_its_halves() -> None:
    def refs(paths: list[Path]) -> dict[tuple[str, str, str], set[str]]:
        found: dict[tuple[str, str, str], set[str]] = {}
        for path in paths:
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                continue
            for ref in data.get("articles", []):
                if not isinstance(ref, dict) or "dataset" not in ref:
                    continue  # our own stories carry their text
                key = (ref["dataset"], json.dumps(ref["record"], sort_keys=True), ref["field"])
                found.setdefault(key, set()).add(str(data.get("split")))
        return found

    second = refs(CONFLICTS2)
    examples = GOLD_REAL.parent
    others = refs([p for p in examples.rglob("*.json") if "conflicts2" not in p.parts])
    assert len(CONFLICTS2) >= 40
    assert not set(second) & set(others)
    assert not [key for key, splits in second.items() if len(splits) > 1]


CONFLICTS3 = sorted((GOLD_REAL / "conflicts3").glob("*.json"))


@pytest.mark.parametrize("path", CONFLICTS3, ids=lambda p: p.stem)
def test_third_conflict_set_parses_keeps_no_text_and_follows_its_split_rule(path: Path) -> None:
    """examples/gold-real/conflicts3/README.md: the rule of conflicts2 (the parity of the SHA-1 of the
    file name's stem), notes and names in our words without the articles' figures."""
    data = json.loads(path.read_text(encoding="utf-8"))
    gold = parse_real_gold(data, str(path))
    assert gold.tasks == {"conflicts", "near_misses"}
    assert not ({"text", "text1", "text2", "fragment"} & json_keys(data))
    parity = int(hashlib.sha1(path.stem.encode("utf-8")).hexdigest()[:8], 16) % 2
    assert gold.split == ("tune" if parity == 0 else "heldout")
    marks = [*data["facts"], *data["conflicts"], *data["near_misses"]]
    said = [str(m.get(k, "")) for m in marks for k in ("name", "note")]
    assert not [s for s in said if any(c.isdigit() for c in s)], path.name


def _texts_of(paths: list[Path]) -> dict[str, set[str]]:
    """Each article a gold file points to, as one key per text: a SemEval text by its own id (one text
    may stand in several pairs), any other by its record; with the halves it is in."""
    found: dict[str, set[str]] = {}
    for path in paths:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            continue
        for ref in data.get("articles", []):
            if not isinstance(ref, dict) or "dataset" not in ref:
                continue  # our own stories carry their text
            record = ref["record"]
            if "pair_id" in record:
                first, second = str(record["pair_id"]).split("_")
                key = f"{ref['dataset']}#{first if ref['field'] == 'text1' else second}"
            else:
                key = f"{ref['dataset']}#{json.dumps(record, sort_keys=True)}#{ref['field']}"
            found.setdefault(key, set()).add(str(data.get("split")))
    return found


def test_third_conflict_set_shares_no_text_with_other_gold_or_across_its_halves() -> None:
    third = _texts_of(CONFLICTS3)
    others = _texts_of([p for p in GOLD_REAL.parent.rglob("*.json") if "conflicts3" not in p.parts])
    assert len(CONFLICTS3) >= 25
    assert not set(third) & set(others)
    assert not [key for key, splits in third.items() if len(splits) > 1]


def test_the_two_halves_are_scored_on_every_task() -> None:
    """Only the conflict files (tune-conflicts/, conflicts2/) name tasks; the halves of
    examples/gold-real are annotated in full and scored on everything."""
    for path in sorted(GOLD_REAL.glob("*.json")):
        assert "tasks" not in json.loads(path.read_text(encoding="utf-8")), path.name


def test_no_article_is_in_both_halves() -> None:
    """An article annotated in a tuning event (or a tune-only conflict file) and in a held-out event
    would leak what was tuned on into the reported figures."""
    halves: dict[tuple[str, str, str], set[str]] = {}
    for path in sorted([*GOLD_REAL.glob("*.json"), *(GOLD_REAL / "tune-conflicts").glob("*.json")]):
        gold = parse_real_gold(json.loads(path.read_text(encoding="utf-8")), str(path))
        for ref in gold.articles:
            key = (ref.dataset, json.dumps(dict(ref.record), sort_keys=True), ref.field)
            halves.setdefault(key, set()).add(gold.split)
    assert not [key for key, splits in halves.items() if len(splits) > 1]


def test_a_split_keeps_its_real_gold_and_every_example_story() -> None:
    from blickwinkel.evaluation import gold_files_of_split

    example = GOLD_REAL.parent / "gold" / "brueckensperrung.json"
    tune, heldout = GOLD_REAL / "semeval-b-1566425118.json", GOLD_REAL / "semeval-b-1488322206.json"
    given = [tune, example, heldout]
    assert gold_files_of_split(given, None) == given
    assert gold_files_of_split(given, "heldout") == [example, heldout]
    assert gold_files_of_split(given, "tune") == [tune, example]
    with pytest.raises(EvaluationError, match="no gold file of split 'heldout'"):
        gold_files_of_split([tune], "heldout")
