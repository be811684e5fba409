"""``blickwinkel compare`` with inputs that cannot be read: the comparison of the others names them in
its JSON, as it names them on standard error (a saved report said nothing of them)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from typer.testing import CliRunner

from blickwinkel.cli.main import app
from blickwinkel.model import Comparison
from blickwinkel.report.html import render_html

EXAMPLE = Path(__file__).parents[2] / "examples" / "ferry-grounding"
ENV = {"BLICKWINKEL_CONFIG": os.devnull, "COLUMNS": "200"}


def test_the_json_of_a_comparison_names_the_inputs_it_could_not_read(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"title": "A ferry", "text": ', encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    out = tmp_path / "report.json"
    command = ["compare", str(EXAMPLE), str(broken), str(empty), "-o", str(out), "--link-embedder", "none"]
    result = CliRunner().invoke(app, command, env=ENV)
    assert result.exit_code == 1, result.stderr
    assert f"error: {broken}: [I001] not valid JSON" in result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [(u["input"], u["error"]) for u in data["unread"]] == [(str(broken), "I001"), (str(empty), "I002")]
    assert data["unread"][1]["message"] == f"{empty}: [I002] file is empty"
    assert len(data["articles"]) == 3
    # the HTML report of the same comparison names them too
    page = render_html(Comparison.from_json(data), language="en")
    assert "2 inputs could not be read" in page and f"<code>{empty}</code>: [I002] file is empty" in page
