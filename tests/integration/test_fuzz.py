"""The reliability suite that stays: a few hundred seeded hostile files (``bench/fuzz_corpus.py``)
through the readers, and one batch of them with good files through ``compare`` and ``ingest``.
No traceback, no hang, and the good files are still compared and stored. ``bench/fuzz.py`` runs
10,000 and prints the time per file."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from bench.fuzz_corpus import generate, write
from typer.testing import CliRunner

from blickwinkel.cli.main import app
from blickwinkel.embed import Embedder
from blickwinkel.ingest import read_inputs

ROOT = Path(__file__).resolve().parents[2]
GOOD = [
    ROOT / "examples" / "ferry-grounding" / "coastal-times.txt",
    ROOT / "examples" / "ferry-grounding" / "harbour-herald.md",
]


def test_the_generator_is_seeded() -> None:
    first = [(c.name, c.data) for c in generate(7, 30)]
    assert first == [(c.name, c.data) for c in generate(7, 30)]
    assert first != [(c.name, c.data) for c in generate(8, 30)]


def test_hundreds_of_hostile_files_are_read_or_refused_cleanly(tmp_path: Path) -> None:
    cases = list(generate(2026, 300, huge=False))
    paths = write(cases, tmp_path / "fuzz[")
    for case, path in zip(cases, paths, strict=True):
        result = read_inputs([str(path)])
        bugs = [str(f) for f in result.failures if "unexpected error" in str(f)]
        assert bugs == [], (case.kind, case.name)
        for failure in result.failures:
            assert failure.source.startswith(str(path)), failure
    together = read_inputs([str(tmp_path / "fuzz[")])  # the folder at once: the same, in one batch
    assert len(together.articles) + len(together.failures) >= len(cases) // 2


@pytest.mark.slow
def test_a_hostile_batch_through_compare_and_ingest_keeps_the_good_files(
    tmp_path: Path, use_embedder: Embedder
) -> None:
    folder = tmp_path / "batch["
    write(generate(13, 15, huge=False), folder)
    (folder / "]huge.txt").write_text("a." * 30_000, encoding="utf-8")
    # Over compare_max_chars (200,000; the trailing space is stripped): refused by compare with the
    # setting named, stored by ingest.
    # A megabyte of such a "sentence" once took 14 GB in the embedder (bench/fuzz.py found it).
    (folder / "]long[red].txt").write_text("wort " * 50_000, encoding="utf-8")
    for good in GOOD:
        shutil.copy(good, folder / good.name)
    env = {"BLICKWINKEL_CONFIG": os.devnull, "COLUMNS": "120"}
    runner = CliRunner()
    compared = runner.invoke(app, ["compare", str(folder), "--format", "json"], env=env)
    assert compared.exception is None or isinstance(compared.exception, SystemExit), compared.exception
    assert compared.exit_code == 1, compared.stderr[-2000:]  # some inputs failed, the rest compared
    ids = {a["id"] for a in json.loads(compared.stdout)["articles"]}
    assert {"coastal-times", "harbour-herald"} <= ids
    assert "long[red].txt: [K005] the text has 249,999 characters" in compared.stderr
    assert "compare_max_chars" in compared.stderr
    db = tmp_path / "fuzz.db"
    stored = runner.invoke(app, ["ingest", str(folder), "--db", f"sqlite:///{db}", "--no-analysis"], env=env)
    assert stored.exception is None or isinstance(stored.exception, SystemExit), stored.exception
    assert stored.exit_code == 1, stored.stderr[-2000:]
    with sqlite3.connect(db) as conn:
        sources = {Path(s).name for (s,) in conn.execute("SELECT source FROM articles")}
    assert {g.name for g in GOOD} <= sources
