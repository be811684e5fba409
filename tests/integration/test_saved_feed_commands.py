"""A saved RSS or Atom file is read by `compare` and `stories` as `ingest` reads it (they refused it as
a page, I032): the same entries, the same warnings (I073, I074, I066) and `--fetch-links`. Invented
feeds and pages, served on 127.0.0.1 only."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from blickwinkel.cli.main import app
from tests.integration.test_compare_urls import _Pages
from tests.integration.test_story_ingest_order import FAKE
from tests.local_server import LocalServer

ENV = {"BLICKWINKEL_CONFIG": os.devnull, "COLUMNS": "300"}

# Two entries with text of their own, one with only a link (to an invented page), one with neither.
FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Lake news</title>
<item><title>Lake ferry aground</title><link>{base}/story-a</link><pubDate>sometime on Tuesday</pubDate>
<description>The ferry Lindwurm ran aground near Seedorf on Tuesday with 80 passengers on board, the
lake police said. Nobody was hurt, the police said.</description></item>
<item><title>Ferry stuck near Seedorf</title><link>{base}/story-b</link>
<pubDate>Tue, 04 Mar 2031 18:00:00 +0100</pubDate>
<description>A ferry with 80 passengers ran aground near Seedorf on Tuesday, according to the lake
police. The shipping company sent a second boat.</description></item>
<item><title>Ferry, the first report</title><link>{base}/two.html</link></item>
<item><title>Letters to the editor</title></item>
</channel></rss>"""


@pytest.fixture
def site(local_server: LocalServer) -> str:
    return local_server(_Pages)


def _saved(tmp_path: Path, base: str) -> Path:
    path = tmp_path / "lake.xml"
    path.write_text(FEED.format(base=base), encoding="utf-8")
    return path


def test_stories_reads_a_saved_feed_with_the_warnings_ingest_gives(site: str, tmp_path: Path) -> None:
    path = _saved(tmp_path, site)
    offline = CliRunner().invoke(app, ["stories", str(path), "--embedder", FAKE, "--format", "json"], env=ENV)
    assert offline.exit_code == 0, offline.stderr
    assert json.loads(offline.stdout)["articles"] == 2
    assert "[I073]" in offline.stderr and "'Letters to the editor'" in offline.stderr
    assert "[I074]" in offline.stderr and f"{site}/two.html" in offline.stderr
    assert f"{path}#1 ('Lake ferry aground'): [I066] field 'pubDate'" in offline.stderr
    assert "'sometime on Tuesday'" in offline.stderr
    online = ["--fetch-links", "--allow-network", "127.0.0.0/8"]
    fetched = CliRunner().invoke(
        app, ["stories", str(path), "--embedder", FAKE, "--format", "json", *online], env=ENV
    )
    assert fetched.exit_code == 0, fetched.stderr
    assert json.loads(fetched.stdout)["articles"] == 3
    assert "[I074]" not in fetched.stderr


@pytest.mark.slow
def test_compare_reads_a_saved_feed_and_fetches_its_links_when_asked(site: str, tmp_path: Path) -> None:
    path = _saved(tmp_path, site)
    out = tmp_path / "report.json"
    command = ["compare", str(path), "-o", str(out), "--link-embedder", "none"]
    result = CliRunner().invoke(app, command, env=ENV)
    assert result.exit_code == 0, result.stderr
    assert "[I032]" not in result.stderr and "[I074]" in result.stderr
    assert len(json.loads(out.read_text(encoding="utf-8"))["articles"]) == 2
    command += ["--fetch-links", "--allow-network", "127.0.0.0/8"]
    result = CliRunner().invoke(app, command, env=ENV)
    assert result.exit_code == 0, result.stderr
    assert "[I074]" not in result.stderr
    articles = json.loads(out.read_text(encoding="utf-8"))["articles"]
    assert len(articles) == 3


def test_compare_names_why_a_saved_feed_of_links_gives_no_article(tmp_path: Path) -> None:
    # Entries with links only: "only 0 of the inputs could be read" said nothing of why.
    path = tmp_path / "links.xml"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        "<item><title>A</title><link>https://lake.example/a</link></item>"
        "<item><title>B</title><link>https://lake.example/b</link></item></channel></rss>",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["compare", str(path)], env=ENV)
    assert result.exit_code == 2
    assert "[K003]" in result.stderr or "Only 0" in result.stderr
    assert "warning:" in result.stderr and "[I074]" in result.stderr and "--fetch-links" in result.stderr
