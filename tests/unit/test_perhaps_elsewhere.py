"""A fact of one article that another article may state too is not listed as that article's only."""

from __future__ import annotations

import io
from dataclasses import replace

from rich.console import Console

from blickwinkel.compare.facts import PERHAPS_MIN_SCORE, perhaps_elsewhere
from blickwinkel.model import Fact, Statement
from blickwinkel.report import render_terminal
from tests.unit.test_report_html import build_comparison

# Invented: a ferry report (a) and another outlet's (b).
STATEMENTS = [
    Statement("a#1", "a", "The ferry ran aground on Sunday evening.", 0, 40),
    Statement("a#2", "a", "The harbour master blamed the fog.", 41, 75),
    Statement("b#1", "b", "Fog was to blame, the port authority said.", 0, 42),
]
FACTS = (
    Fact("f1", ("a#1",), ("a",), "a#1"),
    Fact("f2", ("a#2",), ("a",), "a#2"),
    Fact("f3", ("b#1",), ("b",), "b#1"),
)


def test_a_near_candidate_in_another_article_marks_the_fact() -> None:
    best = {(1, "b"): PERHAPS_MIN_SCORE, (0, "b"): PERHAPS_MIN_SCORE / 2, (2, "a"): PERHAPS_MIN_SCORE}
    facts = perhaps_elsewhere(FACTS, STATEMENTS, best, ["a", "b"])
    assert [f.perhaps_in for f in facts] == [(), ("b",), ("a",)]
    assert [f.only_one for f in facts] == [True, False, False]


def test_a_shared_fact_is_never_marked() -> None:
    shared = (Fact("f1", ("a#2", "b#1"), ("a", "b"), "a#2"),)
    facts = perhaps_elsewhere(shared, STATEMENTS, {(1, "b"): 0.4}, ["a", "b"])
    assert facts[0].perhaps_in == () and not facts[0].only_one


def test_the_fact_keeps_its_mark_in_json() -> None:
    fact = replace(FACTS[1], perhaps_in=("b",))
    assert Fact.from_json(fact.to_json()) == fact
    assert Fact.from_json({"id": "f1", "statements": ["a#1"]}).perhaps_in == ()


def test_the_terminal_lists_it_apart_from_the_articles_only_facts() -> None:
    comparison = build_comparison()
    single = next(f for f in comparison.facts if len(f.articles) == 1)
    other = next(a.article.id for a in comparison.articles if a.article.id != single.articles[0])
    marked = replace(single, perhaps_in=(other,))
    comparison = replace(
        comparison, facts=tuple(marked if f.id == single.id else f for f in comparison.facts)
    )
    console = Console(width=200, record=True, color_system=None, file=io.StringIO())
    console.print(render_terminal(comparison))
    text = console.export_text()
    assert "(perhaps also in " in text
    assert "? " in text


def test_the_outlets_table_counts_only_facts_actually_shared() -> None:
    # The terminal's "shared" column was facts - unique_facts, so a fact "perhaps also" in another
    # article counted as shared there, while the coverage matrix and the web did not share it.
    from blickwinkel.compare.profile import outlet_profiles
    from blickwinkel.model import OutletProfile
    from blickwinkel.report.html import render_html

    comparison = build_comparison()  # tagesblatt-1 reports f1-f3 with rundfunk-1, f4 and f5 alone
    facts = tuple(replace(f, perhaps_in=("rundfunk-1",)) if f.id == "f4" else f for f in comparison.facts)
    profiles = outlet_profiles(comparison.articles, facts, comparison.conflicts)
    profile = profiles["tagesblatt-1"]
    assert (profile.facts, profile.shared_facts, profile.unique_facts) == (5, 3, 1)
    assert OutletProfile.from_json(profile.to_json()) == profile

    comparison = replace(comparison, facts=facts, outlets=profiles)
    console = Console(width=200, record=True, color_system=None, file=io.StringIO())
    console.print(render_terminal(comparison))
    row = next(
        line for line in console.export_text().splitlines() if "Tagesblatt Nord" in line and "│" in line
    )
    cells = [c.strip() for c in row.split("│") if c.strip()]
    assert cells[2:6] == ["5", "3", "1", "1"]  # facts, shared, perhaps, only here
    page = render_html(comparison, language="en")
    assert '<th scope="row">Shared facts</th><td>3</td>' in page
    assert '<th scope="row">Unique facts</th><td>1</td>' in page


def test_an_article_that_writes_a_name_under_another_key_is_not_said_to_leave_it_out() -> None:
    # "own words: <village> · does not name: <village>": the village was a place in the other
    # articles and, in this one, read as part of a role ("Lindau mayor …"), so the article "did not
    # name" it.
    from blickwinkel.compare.profile import outlet_profiles
    from blickwinkel.model import AnalysedArticle, Article, Mention, Statement

    def article(aid: str, text: str, *mentions: Mention) -> AnalysedArticle:
        art = Article(id=aid, text=text, blocks=(), source=aid)
        return AnalysedArticle(art, (Statement(f"{aid}1", aid, text, 0, len(text), entities=mentions),))

    a = article("a", "The cross fell in Lindau.", Mention("Lindau", 18, 24, "LOC", "loc:lindau"))
    b = article("b", "Lindau mayor Ida Sand spoke.", Mention("Ida Sand", 13, 21, "PER", "per:ida-sand"))
    c = article("c", "A cross fell in the Alps.")
    profiles = outlet_profiles([a, b, c], [], [], core=frozenset({"loc:lindau"}))
    assert profiles["b"].entities_omitted == () and profiles["b"].entities_named == ("loc:lindau",)
    assert profiles["c"].entities_omitted == ("loc:lindau",)


def test_a_name_under_two_keys_is_listed_once_in_the_terminal() -> None:
    # "does not name: …, Harbour Lights, …, Harbour Lights": one show read as a person and as a title
    from blickwinkel.model import Mention

    comparison = build_comparison()
    named = comparison.articles[0]
    both = (
        Mention("Harbour Lights", 0, 0, "PER", "per:harbour-lights"),
        Mention("Harbour Lights", 0, 0, "OTH", "oth:harbour-lights"),
    )
    statements = (replace(named.statements[0], entities=both), *named.statements[1:])
    articles = (replace(named, statements=statements), *comparison.articles[1:])
    aid = comparison.articles[1].article.id
    outlets = dict(comparison.outlets)
    outlets[aid] = replace(outlets[aid], entities_omitted=("per:harbour-lights", "oth:harbour-lights"))
    comparison = replace(comparison, articles=articles, outlets=outlets)
    console = Console(width=200, record=True, color_system=None, file=io.StringIO())
    console.print(render_terminal(comparison))
    line = next(x for x in console.export_text().splitlines() if "does not name:" in x)
    assert line.count("Harbour Lights") == 1, line


def test_the_html_report_lists_it_apart_from_the_articles_only_facts() -> None:
    # The report's "Only in one outlet" list had every fact of one article under the ◆ of a unique
    # fact, and counted them all, while the terminal and the JSON (only_one) hedged the ones that
    # another article may state too.
    from blickwinkel.report.html import render_html
    from tests.unit.test_report_html import parse, section

    comparison = build_comparison()  # tagesblatt-1 states f4 and f5 alone
    facts = tuple(replace(f, perhaps_in=("rundfunk-1",)) if f.id == "f4" else f for f in comparison.facts)
    tree = parse(render_html(replace(comparison, facts=facts), language="en"))
    summary = section(tree, "summary")
    heads = [" ".join(h.all_text().split()) for h in summary.find("h4")]
    assert heads[0] == "Tagesblatt Nord (1)"
    hedged = summary.find("li", "perhaps")
    assert len(hedged) == 1
    assert " ".join(hedged[0].all_text().split()).endswith("(perhaps also in Rundfunk West)")
    assert "Das ist ein Versagen der Verwaltung." in hedged[0].all_text()
    assert all("Versagen" not in li.all_text() for li in summary.find("li", "unique"))


def test_a_fact_perhaps_in_an_article_is_not_said_to_be_left_out_there() -> None:
    from blickwinkel.compare.coverage import omissions

    facts = (replace(FACTS[0], perhaps_in=("b",)), FACTS[1], FACTS[2])
    left_out = omissions(facts, ["a", "b"], {"f1": 0.5, "f2": 0.5, "f3": 0.5})
    assert [o.fact for o in left_out["b"]] == ["f2"]
    assert [o.fact for o in left_out["a"]] == ["f3"]


def test_the_coverage_matrix_says_perhaps_where_the_fact_may_be() -> None:
    from blickwinkel.compare.coverage import coverage_matrix
    from blickwinkel.report.html import render_html
    from tests.unit.test_report_html import parse

    facts = (replace(FACTS[0], perhaps_in=("b",)), FACTS[1], FACTS[2])
    by_id = {s.id: s for s in STATEMENTS}
    matrix = coverage_matrix(facts, ["a", "b"], [], by_id)
    assert matrix["f1"] == {"a": "reported", "b": "perhaps"}
    assert matrix["f2"] == {"a": "reported", "b": "absent"}

    comparison = build_comparison()  # tagesblatt-1 states f4 alone
    facts4 = tuple(replace(f, perhaps_in=("rundfunk-1",)) if f.id == "f4" else f for f in comparison.facts)
    coverage = coverage_matrix(
        facts4,
        ["tagesblatt-1", "rundfunk-1"],
        comparison.conflicts,
        {s.id: s for a in comparison.articles for s in a.statements},
    )
    assert coverage["f4"]["rundfunk-1"] == "perhaps"
    for given in (coverage, {}):  # from the comparison's matrix, or derived when it has none
        page = render_html(replace(comparison, facts=facts4, coverage=given), language="en")
        cells = parse(page).root.find("td", "perhaps")
        assert len(cells) == 1 and cells[0].find("a") == []
        assert "? perhaps reported" in page


def test_the_web_story_page_matrix_says_perhaps_too() -> None:
    from blickwinkel.web.views import story_view

    comparison = build_comparison()
    facts = tuple(replace(f, perhaps_in=("rundfunk-1",)) if f.id == "f4" else f for f in comparison.facts)
    articles = {a.article.id: a.article for a in comparison.articles}
    view = story_view(articles, replace(comparison, facts=facts))
    row = next(r for r in view.facts if r.id == "f4")
    assert row.cells == ("yes", "perhaps")
    assert next(r for r in view.facts if r.id == "f5").cells == ("yes", "no")
