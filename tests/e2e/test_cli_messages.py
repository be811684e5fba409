"""Messages that name paths and values holding rich markup (``[/]``, ``[bold]``) are printed as plain
text by every command: nothing crashes, the good files are still compared and stored, and
``ingest --failed`` lists such failures on every later run. The commands run in-process."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from blickwinkel.cli.main import app
from blickwinkel.embed import Embedder

ROOT = Path(__file__).resolve().parents[2]
STORY = ROOT / "examples" / "brueckensperrung"

pytestmark = pytest.mark.slow


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in[bold]puts["  # its files are named in[bold]puts[/]…
    folder.mkdir()
    shutil.copy(STORY / "lindenauer-anzeiger.txt", folder / "a[bold].txt")
    shutil.copy(STORY / "rundschau-online.md", folder / "]b.md")
    (folder / "]m.txt").write_text("   \n", encoding="utf-8")
    # (a title ["[/]"] is read as "[/]" since the twelfth session: the text fails here instead)
    (folder / "t[red].json").write_text('{"title": "[/]", "text": {"p": "[bold]x"}}', encoding="utf-8")
    (folder / "x.json").write_text('{"title": "[/]", "text": [1, "[/]"]}', encoding="utf-8")
    (folder / "]loop.txt").symlink_to(folder / "]loop.txt")
    return folder


def _run(*args: str, env: dict[str, str]) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.stdout, result.stderr


def test_markup_in_names_and_values_is_printed_verbatim(
    inputs: Path, tmp_path: Path, use_embedder: Embedder
) -> None:
    env = {"BLICKWINKEL_CONFIG": os.devnull, "COLUMNS": "200"}
    code, out, err = _run("compare", str(inputs), env=env)
    assert code == 1, err
    assert "Gemeinsame Fakten" in out  # German articles: a German report
    for name in ("puts[/]m.txt", "t[red].json", "x.json", "puts[/]loop.txt"):
        assert name in err
    assert "symbolic link loop" in err

    db = f"sqlite:///{tmp_path / 'cli.db'}"
    code, _, err = _run("ingest", str(inputs), "--db", db, "--no-analysis", env=env)
    assert code == 1 and "2 stored" in err and "4 failed" in err, err
    for _ in range(2):  # every later run lists the failures, markup and all
        code, out, err = _run("ingest", "--failed", "--db", db, env=env)
        assert code == 0, err
        assert "puts[/]m.txt" in out and "puts[/]loop.txt" in out

    code, _, err = _run("feeds", "add", "http://[/]bad/feed", "--db", db, env=env)
    assert code == 2 and "[/]" in err
    code, _, err = _run("feeds", "add", "http://user:pw@127.0.0.1/[bold]feed", "--db", db, env=env)
    assert code == 2 and "refused" in err and "pw@" not in err
    code, _, err = _run("serve", "--db", "nosuch://x[bold]", env=env)
    assert code == 2 and "nosuch" in err
