"""Command help reads as paragraphs on any terminal width."""

from __future__ import annotations

from typer.testing import CliRunner

from blickwinkel.cli._messages import help_text
from blickwinkel.cli.main import app


def test_help_text_puts_each_paragraph_on_one_line() -> None:
    text = "First line\nwraps here.\n\nSecond paragraph\n  with indent.\n"
    assert help_text(text) == "First line wraps here.\n\nSecond paragraph with indent."


def test_eval_ner_help_is_not_broken_at_the_docstring_line_ends() -> None:
    # At 80 columns the help printed "…, for PER, ORG, LOC and OTH," and "plus each type." on lines
    # of their own: typer's rich help keeps single line breaks of the docstring.
    result = CliRunner().invoke(app, ["eval", "ner", "--help"], env={"COLUMNS": "80"})
    assert result.exit_code == 0
    lines = [line.strip() for line in result.stdout.splitlines()]
    assert "plus each type. GermEval's derivations and name parts" not in lines
    assert any("OTH, plus each type" in line for line in lines)
