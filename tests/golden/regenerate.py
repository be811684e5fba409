"""Write the expected comparison of every example story to tests/golden/<story>.json, and the HTML
reports of three of them, in German and English, to tests/golden/html/<story>.<language>.html.

Run ``make golden`` after a deliberate change of the comparison or of the report's words, then review
the diff: the golden files are the answer key of examples/README.md in machine form.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import replace
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


# (story, the report's language): a German and an English report, and the mixed story's by the
# articles' languages ("auto")
HTML_REPORTS = (("brueckensperrung", "de"), ("ferry-grounding", "en"), ("wahl-mischsprachig", "auto"))
GOLDEN_HTML = GOLDEN / "html"
_INLINED = re.compile(r"(<style[^>]*>|<script[^>]*>).*?(</style>|</script>)", re.DOTALL)


def html_report(story: str, language: str) -> str:
    """The HTML report of ``story`` in ``language``, of its golden comparison (so the report's words,
    not the comparison, are what its golden file checks; the golden JSON keeps no links, so no
    statement says why it was linked). The inlined CSS and script and the version are left out: they
    change without a word of the report changing."""
    from blickwinkel import __version__
    from blickwinkel.ingest import read_inputs
    from blickwinkel.model import Comparison
    from blickwinkel.report.html import render_html

    data = json.loads((GOLDEN / f"{story}.json").read_text(encoding="utf-8"))
    # the language is the analysis's (the JSON keeps it), the source relative to the repository
    languages = {a["id"]: a["language"] for a in data["articles"]}
    articles = {
        a.id: replace(a, source=Path(a.source).relative_to(ROOT).as_posix(), language=languages[a.id])
        for a in read_inputs([str(EXAMPLES / story)]).articles
    }
    page = render_html(Comparison.from_json(data, articles), language=language)
    return _INLINED.sub(r"\1…\2", page).replace(__version__, "VERSION")


def main() -> int:
    for story in story_dirs():
        out = GOLDEN / f"{story.name}.json"
        out.write_text(
            json.dumps(compare_story(story), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        print(f"wrote {out.relative_to(ROOT)}")
    GOLDEN_HTML.mkdir(exist_ok=True)
    for story, language in HTML_REPORTS:
        out = GOLDEN_HTML / f"{story}.{language}.html"
        out.write_text(html_report(story, language), encoding="utf-8")
        print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
