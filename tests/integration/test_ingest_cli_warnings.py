"""What a reader noticed in an article it read is printed as a warning by the commands. Invented articles."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from blickwinkel.cli.main import app

BODY = (
    "The ferry between Kalmstedt and Oberhaven will not run on Saturday, the operator said.\n\n"
    "A storm is expected over the bay, and the harbour office has asked boats to stay in port.\n"
)


def _ingest(tmp_path: Path, *files: Path) -> str:
    db = f"sqlite:///{tmp_path / 'news.db'}"
    env = {"BLICKWINKEL_CONFIG": os.devnull, "COLUMNS": "300"}
    result = CliRunner().invoke(app, ["ingest", *map(str, files), "--db", db, "--no-analysis"], env=env)
    assert result.exit_code == 0, result.stderr
    return result.stderr


def test_ingest_prints_a_front_matter_warning(tmp_path: Path) -> None:
    path = tmp_path / "ferry.md"
    path.write_text(
        "---\ntitle: Ferry stops\nthis line is broken\ndate: 2026-03-02\n---\n\n" + BODY, encoding="utf-8"
    )
    assert f"warning: {path}: [I060] line 3 of the front matter" in _ingest(tmp_path, path)


def test_ingest_warns_of_a_paywalled_page_and_the_store_keeps_the_mark(tmp_path: Path) -> None:
    from blickwinkel.store import open_store

    path = tmp_path / "pier.html"
    path.write_text(
        "<html><head><title>New pier planned</title></head><body><article><h1>New pier planned</h1>"
        "<p>The harbour office of Oberhaven wants to build a new pier for the ferries by the end of next "
        "year, its head said on Tuesday at a meeting with the town council.</p>"
        "<p>Subscribe to continue reading.</p></article></body></html>",
        encoding="utf-8",
    )
    stderr = _ingest(tmp_path, path)
    assert f"warning: {path}: [I062] a page behind a paywall: only the free part was read" in stderr
    store = open_store(f"sqlite:///{tmp_path / 'news.db'}")
    try:
        (summary,) = store.list_articles().items
        article = store.article(summary.id)
        assert article is not None and article.paywalled and "paywalled" not in article.meta
    finally:
        store.close()


def test_ingest_names_the_articles_of_unknown_outlet_once(tmp_path: Path) -> None:
    # Text files give no outlet; the store and its pages listed them with none and no word of why.
    first, second = tmp_path / "ferry.txt", tmp_path / "storm.txt"
    first.write_text("Ferry stops\n\n" + BODY, encoding="utf-8")
    second.write_text("Storm over the bay\n\n" + BODY.replace("Saturday", "Sunday"), encoding="utf-8")
    named = tmp_path / "named.md"
    named.write_text("---\ntitle: Ferry stops again\noutlet: Bay Post\n---\n\n" + BODY, encoding="utf-8")
    stderr = _ingest(tmp_path, first, second, named)
    assert stderr.count("name no outlet") == 1
    assert f"warning: {first}, {second}: 2 articles name no outlet; give it in a front matter" in stderr


def test_ingest_of_a_folder_passes_over_its_photos_as_compare_does(tmp_path: Path) -> None:
    # `ingest folder/` printed "file not read (photo.jpg): photos, documents and tables are no
    # articles", then read the photo all the same: "binary file", "1 failed", exit status 1, and the
    # photo was kept among the failures for `ingest --retry`.
    from blickwinkel.store import open_store

    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "ferry.txt").write_text("Ferry stops\n\n" + BODY, encoding="utf-8")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"0" * 20)
    (folder / "archive.jsonl.gz").write_bytes(b"\x1f\x8b\x08\x00" + b"0" * 20)
    stderr = _ingest(tmp_path, folder)
    assert f"warning: {folder}: 2 files not read (archive.jsonl.gz, photo.jpg)" in stderr
    assert "binary file" not in stderr
    assert "1 stored, 0 already stored, 0 failed" in stderr
    store = open_store(f"sqlite:///{tmp_path / 'news.db'}")
    try:
        assert store.failures() == []
    finally:
        store.close()


def test_ingest_into_a_log_says_how_far_it_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Piped or written to a log, ingest printed nothing until its counts at the end: 300 records ran
    # for a quarter of an hour without a line, no telling a slow run from a hung one.
    from blickwinkel.cli import ingest_cmd

    monkeypatch.setattr(ingest_cmd, "LOGGED_PROGRESS_SECONDS", 0.0)
    for n in (1, 2):
        (tmp_path / f"ferry-{n}.txt").write_text(f"Ferry stops {n}\n\n{BODY}{n}\n", encoding="utf-8")
    stderr = _ingest(tmp_path, tmp_path / "ferry-1.txt", tmp_path / "ferry-2.txt")
    lines = stderr.splitlines()
    assert "so far: 1 stored, 0 already stored, 0 failed" in lines[0]
    assert "so far: 2 stored, 0 already stored, 0 failed" in lines[1]
    assert lines[-1].startswith("2 stored, 0 already stored, 0 failed")
    monkeypatch.setattr(ingest_cmd, "LOGGED_PROGRESS_SECONDS", 60.0)
    (tmp_path / "ferry-3.txt").write_text(f"Ferry stops 3\n\n{BODY}3\n", encoding="utf-8")
    assert "so far" not in _ingest(tmp_path, tmp_path / "ferry-3.txt")
