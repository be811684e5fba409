"""`blickwinkel compare` as a user runs it: a subprocess, real files, bad inputs among good ones."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STORY = ROOT / "examples" / "brueckensperrung"
GOOD = [STORY / "lindenauer-anzeiger.txt", STORY / "rundschau-online.md"]

pytestmark = pytest.mark.slow


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    cli = Path(sys.executable).with_name("blickwinkel")
    return subprocess.run(
        [str(cli), *args],
        input=stdin.decode() if stdin else None,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_terminal_json_and_html_outputs(tmp_path: Path) -> None:
    terminal = run("compare", *map(str, GOOD))
    assert terminal.returncode == 0, terminal.stderr
    # German articles: the report's words are German unless --lang (or report_language) says otherwise
    assert "Gemeinsame Fakten" in terminal.stdout and "Nur in A" in terminal.stdout

    as_json = run("compare", *map(str, GOOD), "--format", "json")
    assert as_json.returncode == 0, as_json.stderr
    data = json.loads(as_json.stdout)
    assert data["schema"] == "blickwinkel.comparison/1"
    assert [a["id"] for a in data["articles"]] == ["lindenauer-anzeiger", "rundschau-online"]

    report = tmp_path / "report.html"
    html = run("compare", *map(str, GOOD), "-o", str(report), "--lang", "en")
    assert html.returncode == 0, html.stderr
    page = report.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") or page.lower().startswith("<!doctype html>")
    assert '<html lang="en">' in page and "Shared facts" in page and "Gemeinsame Fakten" not in page
    assert "<script src=" not in page and '<link rel="stylesheet"' not in page


def test_bad_inputs_are_named_and_the_rest_is_compared(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    binary = tmp_path / "picture.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    no_article = tmp_path / "menu.html"
    no_article.write_text("<html><body><nav><a href='/'>Start</a></nav></body></html>", encoding="utf-8")
    broken_json = tmp_path / "broken.json"
    broken_json.write_text('{"title": "x", "text": ', encoding="utf-8")
    missing = tmp_path / "missing.txt"
    bad = [empty, binary, huge, no_article, broken_json, missing]

    result = run("compare", *map(str, GOOD), *map(str, bad), "--format", "json")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    for path in bad:
        assert str(path) in result.stderr, f"no message names {path}:\n{result.stderr}"
    data = json.loads(result.stdout)
    assert len(data["articles"]) == 2
    # the JSON names them too, in the order given, each with its id from the error table
    assert [u["input"] for u in data["unread"]] == [str(path) for path in bad]
    for unread in data["unread"]:
        assert unread["error"] and unread["message"].startswith(f"{unread['input']}: [{unread['error']}] ")


def test_too_few_readable_inputs_is_exit_2(tmp_path: Path) -> None:
    empty = tmp_path / "empty.md"
    empty.write_text("", encoding="utf-8")
    result = run("compare", str(GOOD[0]), str(empty))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "needs two or more" in result.stderr


def test_standard_input_is_read_with_dash() -> None:
    text = (STORY / "lindenauer-anzeiger.txt").read_bytes()
    result = run("compare", "-", str(GOOD[1]), "--format", "json", stdin=text)
    assert result.returncode == 0, result.stderr
    sources = [a["source"] for a in json.loads(result.stdout)["articles"]]
    assert "-" in sources


def test_python_dash_m_runs_the_command_line() -> None:
    # `python -m blickwinkel …`, as the docs and a venv without the script on PATH call it, said
    # "No module named blickwinkel.__main__".
    src = str(ROOT / "src")
    result = subprocess.run(
        [sys.executable, "-m", "blickwinkel", "compare", "--help"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "PYTHONPATH": src},
    )
    assert result.returncode == 0, result.stderr
    assert "Usage:" in result.stdout and "compare" in result.stdout
