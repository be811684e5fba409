"""`compare --output` that cannot be written is refused before the comparison runs."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from blickwinkel.cli.main import app

EXAMPLE = Path(__file__).parents[2] / "examples" / "ferry-grounding"


def test_output_in_a_missing_folder_is_refused_up_front(tmp_path: Path) -> None:
    # It used to run the whole comparison and end in a FileNotFoundError traceback.
    target = tmp_path / "no-such-folder" / "report.html"
    result = CliRunner().invoke(app, ["compare", str(EXAMPLE), "-o", str(target)])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert f"{target}: --output: the folder {target.parent} does not exist" in result.stderr


def test_output_that_is_a_folder_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["compare", str(EXAMPLE), "-o", str(tmp_path)])
    assert result.exit_code == 2, result.output
    assert "--output names a folder" in result.stderr
