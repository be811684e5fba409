"""A list of web addresses, one a line (``urls.txt``), is read by `ingest` and `compare` as the same
addresses given on the command line: each fetched, a failed one named with its error, the rest read
(it was stored as one article whose text was the list). Invented pages on 127.0.0.1 only."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from blickwinkel.cli.main import app
from blickwinkel.store import open_store
from tests.integration.test_compare_urls import _Pages
from tests.local_server import LocalServer

ENV = {"BLICKWINKEL_CONFIG": os.devnull, "COLUMNS": "300"}
ALLOW = ["--allow-network", "127.0.0.0/8"]


@pytest.fixture
def site(local_server: LocalServer) -> str:
    return local_server(_Pages)


def _list(tmp_path: Path, site: str) -> Path:
    path = tmp_path / "urls.txt"
    path.write_text(f"# the lake ferry\n{site}/one.html\n\n{site}/missing.html\n{site}/two.html\n")
    return path


def test_ingest_fetches_each_listed_address_and_names_the_one_that_fails(site: str, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'news.db'}"
    command = ["ingest", str(_list(tmp_path, site)), "--db", db, "--no-analysis", *ALLOW]
    result = CliRunner().invoke(app, command, env=ENV)
    assert result.exit_code == 1, result.stderr
    assert f"{site}/missing.html: [I044] HTTP 404" in result.stderr
    assert "2 stored" in result.stderr and "1 failed" in result.stderr
    store = open_store(db)
    try:
        urls = sorted(article.url or "" for article in store.list_articles(limit=10).items)
    finally:
        store.close()
    assert urls == [f"{site}/one.html", f"{site}/two.html"]  # no article of the list's own text
    again = CliRunner().invoke(app, command, env=ENV)
    assert "0 stored" in again.stderr and "2 already stored" in again.stderr, again.stderr


@pytest.mark.slow
def test_compare_fetches_the_listed_addresses(site: str, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    command = ["compare", str(_list(tmp_path, site)), "-o", str(out), "--link-embedder", "none", *ALLOW]
    result = CliRunner().invoke(app, command, env=ENV)
    assert result.exit_code == 1, result.stderr
    assert "missing.html: [I044] HTTP 404" in result.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    assert len(report["articles"]) == 2
    assert [item["input"] for item in report["unread"]] == [f"{site}/missing.html"]


def test_stories_without_fetch_links_names_each_listed_address(site: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["stories", str(_list(tmp_path, site))], env=ENV)
    assert result.exit_code != 0
    assert f"{site}/one.html: [I065]" in result.stderr, result.stderr
