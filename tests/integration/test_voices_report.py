"""Voices through the whole analysis: three invented reports of one event that quote one official in
the same words, in other words and only in reported speech, and a witness one report alone quotes.
Every sentence is our own invention."""

from __future__ import annotations

import json

import pytest
from rich.console import Console

from blickwinkel.model import Comparison
from blickwinkel.pipeline import compare_inputs
from blickwinkel.report.html import render_html
from blickwinkel.report.json_report import render_json
from blickwinkel.report.terminal import render_terminal

pytestmark = pytest.mark.slow

REPORTS = {
    "harbour-post": (
        "outlet: Harbour Post",
        "Crane collapses at Velden container port",
        "A crane collapsed at the container port of Velden on Tuesday morning. Nobody was hurt, the port "
        "said. \u201cWe will inspect every crane on the quay before work resumes,\u201d said harbour "
        "master Ilse Marwick. \u201cIt sounded like thunder,\u201d said dock worker Tamsin Orre.",
    ),
    "velden-daily": (
        "outlet: Velden Daily",
        "Port crane falls over in Velden",
        "A container crane fell over at the port of Velden on Tuesday morning. Harbour master Ilse Marwick "
        'said: "We will inspect every crane on the quay before work resumes." No one was injured.',
    ),
    "coast-wire": (
        "outlet: Coast Wire",
        "Velden port halts work after crane accident",
        "Work at the Velden container port stopped on Tuesday after a crane collapsed. Harbour master "
        "Ilse Marwick said every crane on the quay would be inspected before work resumes. Nobody was "
        "hurt.",
    ),
}


@pytest.fixture(scope="module")
def comparison(tmp_path_factory: pytest.TempPathFactory) -> Comparison:
    folder = tmp_path_factory.mktemp("voices")
    paths = []
    for name, (front, title, body) in REPORTS.items():
        path = folder / f"{name}.txt"
        path.write_text(f"---\n{front}\n---\n{title}\n\n{body}\n", encoding="utf-8")
        paths.append(str(path))
    run = compare_inputs(paths)
    assert run.comparison is not None
    return run.comparison


def _marwick(comparison: Comparison) -> dict[str, object]:
    data = json.loads(render_json(comparison))
    found = [v for v in data["voices"] if "marwick" in v["speaker"].casefold()]
    assert len(found) == 1, data["voices"]
    voice: dict[str, object] = found[0]
    return voice


def test_the_json_lists_who_is_quoted_by_which_article(comparison: Comparison) -> None:
    voice = _marwick(comparison)
    articles = voice["articles"]
    assert isinstance(articles, list)
    by_article = {a["article"]: (a["quotes"], a["reported"]) for a in articles}
    assert by_article == {"harbour-post": (1, 0), "velden-daily": (1, 0), "coast-wire": (0, 1)}
    facts = voice["facts"]
    assert isinstance(facts, list)
    shared = [f for f in facts if len(f["quoted"]) + len(f["reported"]) > 1]
    assert shared, facts
    promise = shared[0]
    assert promise["quoted"] == ["harbour-post", "velden-daily"]
    assert promise["wording"] == "same"
    assert promise["reported"] == ["coast-wire"]


def test_a_witness_only_one_report_quotes(comparison: Comparison) -> None:
    data = json.loads(render_json(comparison))
    witness = [v for v in data["voices"] if "orre" in v["speaker"].casefold()]
    assert [[a["article"] for a in v["articles"]] for v in witness] == [["harbour-post"]]


def test_the_terminal_has_a_voices_section_after_the_shared_facts(comparison: Comparison) -> None:
    console = Console(width=200, record=True, color_system=None)
    console.print(render_terminal(comparison))
    text = console.export_text()
    assert text.index("Shared facts") < text.index("Voices (") < text.index("Only in A")
    line = next(x for x in text.splitlines() if "Marwick" in x and x.startswith("  • "))
    assert "A 1 quoted · B 1 quoted · C 1 reported" in line
    assert "same words in A and B, only reported in C" in line
    assert any("only A quotes them" in x and "Orre" in x for x in text.splitlines())
    # the port is the source of one report only; the other two state the same thing as their own
    assert "reported in A, without them in B and C" in text


def test_the_html_report_has_a_voices_table(comparison: Comparison) -> None:
    page = render_html(comparison, language="en")
    section = page[page.index('<section id="voices"') : page.index('<section id="coverage"')]
    row = next(r for r in section.split("<tr>") if "Marwick" in r)
    assert row.count("1 quoted") == 2 and row.count("1 reported") == 1
    assert "same words in Harbour Post and Velden Daily, only reported in Coast Wire" in row
    assert "only Harbour Post quotes them" in next(r for r in section.split("<tr>") if "Orre" in r)
    assert '<a href="#voices">Voices</a>' in page
