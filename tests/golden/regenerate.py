"""Write the expected comparison of every example story to tests/golden/<story>.json.

Run ``make golden`` after a deliberate change of the comparison, then review the diff: the golden
files are the answer key of examples/README.md in machine form.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"
EXAMPLES = ROOT / "examples"


def stable_view(data: dict[str, Any]) -> dict[str, Any]:
    """The parts of a comparison that must not drift: statements, what was found in them, facts,
    conflicts and profiles. Scores are left out: they may differ in the last digits across machines."""
    data = dict(data)
    data.pop("links", None)
    return data


GOLD_FOLDERS = frozenset({"gold", "gold-real", "gold-train", "train-stories"})


def story_dirs() -> list[Path]:
    """Every example story; ``examples/gold``, ``gold-real`` and ``gold-train`` hold gold files, not
    stories, and ``train-stories`` holds the training stories of ``gold-train/own-*.json``."""
    return sorted(p for p in EXAMPLES.iterdir() if p.is_dir() and p.name not in GOLD_FOLDERS)


def compare_story(story: Path) -> dict[str, Any]:
    from blickwinkel.pipeline import compare_inputs

    run = compare_inputs([str(story)])
    assert run.comparison is not None
    data = run.comparison.to_json()
    for article in data["articles"]:
        article["source"] = Path(article["source"]).relative_to(ROOT).as_posix()
    return stable_view(data)


def main() -> int:
    for story in story_dirs():
        out = GOLDEN / f"{story.name}.json"
        out.write_text(
            json.dumps(compare_story(story), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
