"""A comparison names the inputs it left out because they could not be read: in its JSON (only when
there are such), in the terminal report and in the HTML report (a saved report lost them)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from rich.console import Console

from blickwinkel.errors import Errors, IngestError, error_id
from blickwinkel.ingest import unread_input
from blickwinkel.model import Comparison, UnreadInput
from blickwinkel.report.html import render_html
from blickwinkel.report.terminal import render_terminal

GOLDEN = Path(__file__).parents[1] / "golden" / "ferry-grounding.json"


def _comparison() -> Comparison:
    return Comparison.from_json(json.loads(GOLDEN.read_text(encoding="utf-8")))


def _unread() -> tuple[UnreadInput, ...]:
    return (
        unread_input(IngestError("notes/broken.json", Errors.I001.format(detail="line 1, column 2: oops"))),
        unread_input(IngestError("notes/empty.txt", Errors.I002)),
    )


def test_the_error_id_is_read_from_the_message() -> None:
    assert error_id("a.json: [I001] not valid JSON (line 1, column 2: oops)") == "I001"
    assert error_id("b.txt: the file holds [no id] here") is None


def test_an_unread_input_carries_its_path_id_and_whole_message() -> None:
    first, second = _unread()
    assert first == UnreadInput(
        "notes/broken.json", "I001", "notes/broken.json: [I001] not valid JSON (line 1, column 2: oops)"
    )
    assert (second.input, second.error) == ("notes/empty.txt", "I002")


def test_the_credentials_of_an_address_are_left_out() -> None:
    unread = unread_input(IngestError("https://user:secret@news.example/a", Errors.I002))
    assert "secret" not in unread.input and "secret" not in unread.message


def test_the_json_names_unread_inputs_only_when_there_are_some() -> None:
    comparison = _comparison()
    assert "unread" not in comparison.to_json()
    named = replace(comparison, unread=_unread()).to_json()
    assert named["unread"] == [
        {
            "input": "notes/broken.json",
            "error": "I001",
            "message": "notes/broken.json: [I001] not valid JSON (line 1, column 2: oops)",
        },
        {"input": "notes/empty.txt", "error": "I002", "message": "notes/empty.txt: [I002] file is empty"},
    ]
    assert Comparison.from_json(named).unread == _unread()


def test_the_terminal_report_names_them_above_the_articles() -> None:
    console = Console(width=200, record=True, color_system=None)
    console.print(render_terminal(replace(_comparison(), unread=_unread()), language="en"))
    shown = console.export_text()
    assert shown.startswith("Not in this comparison: 2 inputs could not be read\n")
    assert "  • notes/empty.txt: [I002] file is empty" in shown
    console = Console(width=200, record=True, color_system=None)
    console.print(render_terminal(_comparison(), language="de"))
    assert "Nicht in diesem Vergleich" not in console.export_text()


def test_the_html_report_names_them_near_the_top() -> None:
    page = render_html(replace(_comparison(), unread=_unread()[1:]), language="de")
    notice = page[page.index('<aside class="unread"') : page.index("</aside>")]
    assert "Nicht in diesem Vergleich: 1 Eingabe nicht lesbar" in notice
    assert "<code>notes/empty.txt</code>: [I002] file is empty" in notice
    assert page.index('<aside class="unread"') < page.index('id="summary"')
    assert 'class="unread"' not in render_html(_comparison(), language="en").split("<main>")[1]
