"""Our own example stories compare exactly as their golden files say (``make golden`` rewrites them)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.golden.regenerate import GOLDEN, compare_story, story_dirs

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
