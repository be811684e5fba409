"""``blickwinkel stories`` with inputs that cannot be read: the listing of the others names them in its
JSON and its terminal text, as ``compare`` does (nineteenth session; they were printed on standard error
only, so a saved listing said nothing of the missing sources)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from typer.testing import CliRunner

from blickwinkel.cli.main import app
from blickwinkel.embed.backends import EMBEDDERS
from tests.unit.test_stories_props import HashedWordsEmbedder

EXAMPLE = Path(__file__).parents[2] / "examples" / "ferry-grounding"
ENV = {"BLICKWINKEL_CONFIG": os.devnull, "COLUMNS": "200"}
FAKE = "test-hashed-words"
if FAKE not in EMBEDDERS.names():
    EMBEDDERS.add(FAKE, HashedWordsEmbedder)


def _bad_inputs(tmp_path: Path) -> tuple[Path, Path]:
    broken = tmp_path / "broken.json"
    broken.write_text('{"title": "A ferry", "text": ', encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    return broken, empty


def test_the_json_listing_names_the_inputs_it_could_not_read(tmp_path: Path) -> None:
    broken, empty = _bad_inputs(tmp_path)
    command = ["stories", str(EXAMPLE), str(broken), str(empty), "--embedder", FAKE, "--format", "json"]
    result = CliRunner().invoke(app, command, env=ENV)
    assert result.exit_code == 1, result.stderr
    assert f"error: {broken}: [I001] not valid JSON" in result.stderr
    data = json.loads(result.stdout)
    assert [(u["input"], u["error"]) for u in data["unread"]] == [(str(broken), "I001"), (str(empty), "I002")]
    assert data["unread"][1]["message"] == f"{empty}: [I002] file is empty"
    assert data["articles"] == 3


def test_the_terminal_listing_names_them_above_the_stories(tmp_path: Path) -> None:
    broken, empty = _bad_inputs(tmp_path)
    command = ["stories", str(EXAMPLE), str(broken), str(empty), "--embedder", FAKE, "--lang", "en"]
    result = CliRunner().invoke(app, command, env=ENV)
    assert result.exit_code == 1, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Not in these stories: 2 inputs could not be read"
    assert lines[1] == f"  • {broken}: [I001] not valid JSON (line 1, column 30: Expecting value)"
    assert lines[2] == f"  • {empty}: [I002] file is empty"


def test_a_listing_with_every_input_read_has_no_unread(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["stories", str(EXAMPLE), "--embedder", FAKE, "--format", "json"], env=ENV
    )
    assert result.exit_code == 0, result.stderr
    assert "unread" not in json.loads(result.stdout)
    text = CliRunner().invoke(app, ["stories", str(EXAMPLE), "--embedder", FAKE, "--lang", "en"], env=ENV)
    assert "could not be read" not in text.stdout
