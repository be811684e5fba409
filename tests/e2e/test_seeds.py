"""The two seed articles (read from ../shared at run time, never copied): what a reader must see."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from blickwinkel.model import Comparison, Statement
from blickwinkel.pipeline import compare_inputs

pytestmark = [pytest.mark.shared, pytest.mark.slow]

# The precondition pair (two sentences that share their key words, low cosine) was a strict xfail from
# the eighth session's licence-clean refit to the seventeenth, when the soft word alignment
# (link_embedder auto+words) became the default and linked it.


@pytest.fixture(scope="module")
def comparison(seeds_dir: Path) -> Comparison:
    files = sorted(seeds_dir.glob("*.txt"))
    if len(files) != 2:
        pytest.skip("the two seed articles are not there")
    run = compare_inputs([str(p) for p in files])
    assert run.comparison is not None
    return run.comparison


def statements_with(cmp: Comparison, article: int, *words: str) -> list[Statement]:
    aid = cmp.articles[article].article.id
    return [s for s in cmp.statements if s.article == aid and all(w in s.text for w in words)]


def fact_of(cmp: Comparison, statement: Statement) -> Any:
    return next(f for f in cmp.facts if statement.id in f.statements)


def assert_shared(cmp: Comparison, first: list[Statement], second: list[Statement]) -> None:
    assert first and second
    facts = {fact_of(cmp, s).id for s in first}
    assert facts & {fact_of(cmp, s).id for s in second}, (first, second)


def assert_unique(cmp: Comparison, statements: list[Statement]) -> None:
    assert statements
    for s in statements:
        assert fact_of(cmp, s).articles == (s.article,), s.text


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Mittwoch", "Mittwoch"),
        ("2.500", "2500"),
        ("Vorbedingung", "Vorbedingung"),
    ],
    ids=["letter", "soldiers", "precondition"],
)
def test_both_report_the_letter_the_soldiers_and_the_precondition(
    comparison: Comparison, first: str, second: str
) -> None:
    assert_shared(comparison, statements_with(comparison, 0, first), statements_with(comparison, 1, second))


def test_only_the_first_reports_the_attacks_and_the_killed_leader(comparison: Comparison) -> None:
    assert_unique(comparison, statements_with(comparison, 0, "150"))
    assert_unique(comparison, statements_with(comparison, 0, "getötet"))
    assert_unique(comparison, statements_with(comparison, 0, "Deutschland", "Abzug"))


def test_only_the_second_reports_the_injured_and_the_long_quote(comparison: Comparison) -> None:
    assert_unique(comparison, statements_with(comparison, 1, "verletzt"))
    quote = [
        s
        for s in comparison.statements
        if s.article == comparison.articles[1].article.id and s.kind == "quote"
    ]
    long_quote = [s for s in quote if "sudani" in (s.speaker or "")]
    assert len(long_quote) >= 3
    assert_unique(comparison, long_quote)


def test_the_english_post_links_to_the_foreign_ministry_statement(comparison: Comparison) -> None:
    ministry = statements_with(comparison, 0, "Außenministerium")
    post = [s for s in statements_with(comparison, 1, "letter") if s.language == "en"]
    assert_shared(comparison, ministry, post)


def test_only_the_second_reports_the_drone_attack_and_ends_in_commentary(comparison: Comparison) -> None:
    assert_unique(comparison, statements_with(comparison, 1, "al-Asad"))
    second = comparison.articles[1].article.id
    assert comparison.outlets[second].ends_in_commentary
    assert not comparison.outlets[comparison.articles[0].article.id].ends_in_commentary
    drone = statements_with(comparison, 1, "al-Asad")[0]
    assert drone.subjective is False


def test_no_conflict_on_the_seed_pair(comparison: Comparison) -> None:
    assert comparison.conflicts == ()


def test_analysis_of_the_seeds(comparison: Comparison) -> None:
    keys = {}
    for s in comparison.statements:
        for m in s.entities:
            keys.setdefault(m.key, set()).add((s.article, m.type))
    people = {k for k, v in keys.items() if any(t == "PER" for _, t in v)}
    for surname in ("romanowski", "hussein", "sudani"):
        matching = [k for k in people if surname in k]
        assert len(matching) == 1, (surname, matching)
        assert {a for a, _ in keys[matching[0]]} == {a.article.id for a in comparison.articles}
    places = {m.text: m.type for s in comparison.statements for m in s.entities}
    assert places.get("Bagdad") == "LOC"
    assert places.get("Irak") == "LOC"

    first, second = (a.article.id for a in comparison.articles)
    wednesday = {s.article: d for s in comparison.statements for d in s.dates if "Mittwoch" in d.text}
    assert wednesday[second].value == "2024-01-24" and not wednesday[second].inferred
    assert wednesday[first].value == "2024-01-24" and wednesday[first].inferred

    soldiers = [
        q for s in comparison.statements for q in s.quantities if q.unit == "Soldat" and q.value == 2500
    ]
    assert {q.text.split()[0] for q in soldiers} >= {"2.500", "etwa"}

    post = statements_with(comparison, 1, "letter")
    assert post and all(s.kind == "quote" and s.speaker and "hussein" in s.speaker for s in post)
    sudani_quote = statements_with(comparison, 1, "bilateralen Zusammenarbeit")
    assert sudani_quote[0].kind == "quote" and "sudani" in (sudani_quote[0].speaker or "")
    assert "Reuters" in comparison.articles[0].cited_sources
    prophecy = statements_with(comparison, 1, "Prophezeiung")
    assert prophecy and all(s.subjective for s in prophecy)
