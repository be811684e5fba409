"""``blickwinkel compare`` reads article URLs as ``ingest`` does (they were "file not found")."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from blickwinkel.cli.main import app
from blickwinkel.ingest import read_inputs, read_text
from blickwinkel.model import Article
from tests.local_server import LocalServer, QuietHandler

# Invented pages of one invented event.
PAGES = {
    "/one.html": (
        "<html><head><title>Lake ferry runs aground</title></head><body><article>"
        "<h1>Lake ferry runs aground</h1><p>The ferry Lindwurm ran aground near Seedorf on Tuesday with "
        "80 passengers on board, the lake police said.</p><p>Nobody was hurt, the police said.</p>"
        "</article></body></html>"
    ),
    "/two.html": (
        "<html><head><title>Ferry stuck near Seedorf</title></head><body><article>"
        "<h1>Ferry stuck near Seedorf</h1><p>A ferry with 80 passengers ran aground near Seedorf on "
        "Tuesday, according to the lake police.</p><p>The shipping company sent a second boat.</p>"
        "</article></body></html>"
    ),
    "/feed.xml": (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Lake news</title>'
        "<item><title>Ferry</title><link>http://127.0.0.1/one.html</link></item></channel></rss>"
    ),
}


class _Pages(QuietHandler):
    def get(self) -> None:
        body = PAGES.get(self.path)
        if body is None:
            self.send_error(404)
            return
        kind = "application/rss+xml" if self.path.endswith(".xml") else "text/html; charset=utf-8"
        self.reply(body.encode(), kind)


@pytest.fixture
def site(local_server: LocalServer) -> str:
    return local_server(_Pages)


ENV = {"BLICKWINKEL_CONFIG": os.devnull, "COLUMNS": "200"}


def test_compare_fetches_article_urls_and_names_each_failed_one(site: str, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    command = ["compare", "--allow-network", "127.0.0.0/8", f"{site}/one.html", f"{site}/two.html"]
    command += [f"{site}/missing.html", f"{site}/feed.xml", "-o", str(out), "--link-embedder", "none"]
    result = CliRunner().invoke(app, command, env=ENV)
    assert result.exit_code == 1, result.stderr
    assert "[I044] HTTP 404" in result.stderr
    assert "feed.xml: [I032]" in result.stderr and "blickwinkel ingest" in result.stderr
    assert "[I008]" not in result.stderr
    text = out.read_text(encoding="utf-8")
    assert "Lake ferry runs aground" in text and "Ferry stuck near Seedorf" in text


def test_compare_refuses_a_local_url_without_allow_network(site: str) -> None:
    result = CliRunner().invoke(app, ["compare", f"{site}/one.html", f"{site}/two.html"], env=ENV)
    assert result.exit_code == 2
    assert "[I049]" in result.stderr and "--allow-network of compare" in result.stderr
    assert "file not found" not in result.stderr


def test_read_inputs_without_a_fetcher_says_a_url_is_no_file() -> None:
    result = read_inputs(["https://news.example/lake-ferry.html"])
    (failure,) = result.failures
    assert "[I065]" in str(failure) and "file not found" not in str(failure)


def test_read_inputs_fetches_urls_with_the_given_fetcher(tmp_path: Path) -> None:
    page = tmp_path / "local.txt"
    page.write_text("Ferry refloated\n\nThe ferry was refloated on Wednesday.\n", encoding="utf-8")

    def fetch(url: str) -> Article:
        return read_text("Ferry aground\n\nA ferry ran aground on Tuesday.\n", source=url, fmt="text")

    result = read_inputs(["https://news.example/a.html", str(page)], fetch=fetch)
    assert not result.failures
    assert [a.title for a in result.articles] == ["Ferry aground", "Ferry refloated"]
