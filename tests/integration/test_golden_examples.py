"""Our own example stories compare exactly as their golden files say (``make golden`` rewrites them)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.golden.regenerate import GOLDEN, GOLDEN_HTML, HTML_REPORTS, compare_story, html_report, story_dirs

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("story", story_dirs(), ids=lambda p: p.name)
def test_example_story_matches_its_golden_file(story: Path) -> None:
    golden = GOLDEN / f"{story.name}.json"
    assert golden.is_file(), f"no golden file for {story.name}; run `make golden` and review it"
    expected = json.loads(golden.read_text(encoding="utf-8"))
    actual = compare_story(story)
    assert actual["articles"] == expected["articles"]
    assert [s["text"] for s in actual["statements"]] == [s["text"] for s in expected["statements"]]
    assert actual["statements"] == expected["statements"]
    assert actual["facts"] == expected["facts"]
    assert actual["conflicts"] == expected["conflicts"]
    assert actual["outlets"] == expected["outlets"]
    assert actual["voices"] == expected["voices"]


@pytest.mark.parametrize(("story", "language"), HTML_REPORTS, ids=lambda v: v)
def test_html_report_of_an_example_story_matches_its_golden_file(story: str, language: str) -> None:
    # the report's words in German and in English (report/texts.py) over a fixed comparison
    golden = GOLDEN_HTML / f"{story}.{language}.html"
    assert golden.is_file(), f"no golden report for {story} ({language}); run `make golden` and review it"
    assert html_report(story, language) == golden.read_text(encoding="utf-8")
