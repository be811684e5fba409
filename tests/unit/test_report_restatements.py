"""A fact that holds an article's own restatement shows it as one fact with both statements, and says
why the second is there (terminal and HTML reports): no link joined it, its article restates itself."""

from __future__ import annotations

import html
import io
from dataclasses import replace

from rich.console import Console

from blickwinkel.model import Comparison, Fact, Link
from blickwinkel.report import render_html, render_terminal
from blickwinkel.report.labels import restatements_in_facts
from tests.unit.test_report_html import build_comparison


def test_the_statements_no_link_of_their_fact_reaches() -> None:
    facts = [
        Fact("f1", ("a#1", "a#3", "b#1"), ("a", "b"), "a#1"),  # a#3 restates a#1
        Fact("f2", ("a#2", "a#4"), ("a",), "a#2"),  # one article's fact, told twice
        Fact("f3", ("b#2",), ("b",), "b#2"),
    ]
    # a#3's only link reaches a statement of another fact (a link the grouping kept out)
    links = [Link("a#1", "b#1", 0.9), Link("a#3", "b#2", 0.6)]
    assert restatements_in_facts(facts, links) == {"a#3", "a#2", "a#4"}
    assert restatements_in_facts(facts, [*links, Link("a#3", "b#1", 0.7)]) == {"a#2", "a#4"}
    # read back without its links (as the golden files keep it), a shared fact says nothing
    assert restatements_in_facts(facts, []) == {"a#2", "a#4"}


def with_a_restatement() -> Comparison:
    """The example comparison with one article's single fact moved into a shared fact of that article,
    linked to nothing there (as the grouping joins a restatement)."""
    comparison = build_comparison()
    shared = next(f for f in comparison.facts if len(f.articles) > 1)
    article = shared.articles[0]
    single = next(f for f in comparison.facts if f.articles == (article,))
    joined = replace(shared, statements=(*shared.statements, *single.statements))
    facts = tuple(joined if f.id == shared.id else f for f in comparison.facts if f.id != single.id)
    return replace(comparison, facts=facts)


def terminal(comparison: Comparison, language: str) -> str:
    console = Console(width=300, record=True, color_system=None, file=io.StringIO())
    console.print(render_terminal(comparison, language=language))
    return console.export_text()


def test_the_terminal_says_the_statement_restates_its_article() -> None:
    notes = {"en": "restates another statement of", "de": "wiederholt eine andere Aussage"}
    for language, words in notes.items():
        before = terminal(build_comparison(), language).count(words)
        assert terminal(with_a_restatement(), language).count(words) == before + 1


def test_the_html_report_says_so_in_the_statements_title() -> None:
    note = "restates another statement of this article (one fact)"
    before = html.unescape(render_html(build_comparison(), language="en")).count(note)
    comparison = with_a_restatement()
    assert html.unescape(render_html(comparison, language="en")).count(note) == before + 1
    german = html.unescape(render_html(comparison, language="de"))
    assert "wiederholt eine andere Aussage dieses Artikels (ein Fakt)" in german
