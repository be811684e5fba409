"""The follow-up command that ``ingest`` prints after failures works when copied as printed."""

from __future__ import annotations

import os
import shlex
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from blickwinkel.cli.ingest_cmd import _db_option
from blickwinkel.cli.main import app
from tests.local_server import LocalServer, QuietHandler


def test_failure_hint_names_the_store_it_wrote_to(tmp_path: Path) -> None:
    # The hint used to say "blickwinkel ingest --failed" without --db: run as printed it read the
    # default store and answered "No failed inputs."
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'news.db'}"
    env = {"BLICKWINKEL_CONFIG": os.devnull, "COLUMNS": "200"}
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(empty), "--db", db, "--no-analysis"], env=env)
    assert result.exit_code == 1, result.stderr
    hint = next(line for line in result.stderr.splitlines() if "ingest --failed" in line)
    command = shlex.split(hint.split("List the failures with: ", 1)[1])
    assert command[:2] == ["blickwinkel", "ingest"] and command[-2:] == ["--db", db]
    listed = runner.invoke(app, command[1:], env=env)
    assert listed.exit_code == 0, listed.stderr
    assert "empty.txt" in listed.stdout and "file is empty" in listed.stdout


def test_failure_hint_is_one_line_in_a_narrow_terminal_or_a_log(tmp_path: Path) -> None:
    # At 80 columns (a pipe, a log file, a small terminal) the hint and the counts were broken with a
    # newline: "List the failures with: blickwinkel ingest --failed --db" and the URL on the next line,
    # which ran as printed lists the default store's failures.
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    db = f"sqlite:///{tmp_path / ('a-store-with-a-long-name-' * 3 + 'news.db')}"
    env = {"BLICKWINKEL_CONFIG": os.devnull, "COLUMNS": "80"}
    result = CliRunner().invoke(app, ["ingest", str(empty), "--db", db, "--no-analysis"], env=env)
    assert result.exit_code == 1, result.stderr
    hint = next(line for line in result.stderr.splitlines() if "ingest --failed" in line)
    assert hint.endswith(f"--db {db}")
    assert "0 stored, 0 already stored, 1 failed, 0 new stories" in result.stderr.splitlines()


def test_failure_hint_hides_a_password() -> None:
    assert _db_option(None) == ""
    assert _db_option("postgresql://bw:secret@db.example/news") == " --db URL"
    assert _db_option("postgresql://db.example/news") == " --db postgresql://db.example/news"
    assert _db_option("sqlite:////tmp/my news.db") == " --db 'sqlite:////tmp/my news.db'"


def test_retry_with_nothing_failed_says_so(tmp_path: Path) -> None:
    # It answered "Invalid value: give files, directories or URLs to ingest (or --failed, --retry)"
    # to a user who had given --retry.
    db = f"sqlite:///{tmp_path / 'news.db'}"
    env = {"BLICKWINKEL_CONFIG": os.devnull, "COLUMNS": "200"}
    result = CliRunner().invoke(app, ["ingest", "--retry", "--db", db], env=env)
    assert result.exit_code == 0, result.stderr
    assert "No failed inputs to retry." in result.stderr


def test_feeds_list_names_a_bad_store_and_an_empty_list(tmp_path: Path) -> None:
    env = {"BLICKWINKEL_CONFIG": os.devnull, "COLUMNS": "200"}
    runner = CliRunner()
    bad = runner.invoke(app, ["feeds", "list", "--db", "mysql://x"], env=env)
    assert bad.exit_code == 2 and "[S002]" in bad.stderr  # was a ConfigError traceback
    assert bad.exception is None or isinstance(bad.exception, SystemExit)
    db = f"sqlite:///{tmp_path / 'news.db'}"
    empty = runner.invoke(app, ["feeds", "list", "--db", db], env=env)
    assert empty.exit_code == 0
    assert f"No feeds yet; add one with: blickwinkel feeds add URL --db {db}" in empty.stderr


def test_feeds_list_shows_each_address_whole_in_a_pipe(tmp_path: Path) -> None:
    # Piped (80 columns) the address was cut: "http://127.0.0.…", so `feeds list | grep` found nothing
    # and the id could not be told by its address.
    from blickwinkel.store import open_store

    db = f"sqlite:///{tmp_path / 'news.db'}"
    url = "https://www.harbourtimes.example/feeds/regional/kalmstedt-and-oberhaven.xml"
    store = open_store(db)
    try:
        store.add_feed(url, "Harbour Times: Kalmstedt and Oberhaven")
    finally:
        store.close()
    env = {"BLICKWINKEL_CONFIG": os.devnull, "COLUMNS": "80"}
    listed = CliRunner().invoke(app, ["feeds", "list", "--db", db], env=env)
    assert listed.exit_code == 0, listed.stderr
    assert url in listed.stdout and "…" not in listed.stdout


def test_feeds_add_takes_allow_network_like_watch(tmp_path: Path) -> None:
    # `feeds add` had no --allow-network: a feed on a private network could be watched with
    # `watch --allow-network` but not added.
    db = f"sqlite:///{tmp_path / 'news.db'}"
    env = {"BLICKWINKEL_CONFIG": os.devnull, "COLUMNS": "200"}
    runner = CliRunner()
    url = f"http://127.0.0.1:{_free_port()}/feed.xml"  # nothing listens there
    refused = runner.invoke(app, ["feeds", "add", url, "--db", db], env=env)
    assert refused.exit_code == 2 and "fetch_allow_networks" in refused.stderr
    added = runner.invoke(app, ["feeds", "add", url, "--db", db, "--allow-network", "127.0.0.0/8"], env=env)
    assert added.exit_code == 0, added.stderr
    # It could not be checked (no answer): added, with a warning, and its error listed.
    assert "[I076] could not be checked ([I054]" in added.stderr
    listed = runner.invoke(app, ["feeds", "list", "--db", db], env=env)
    assert url in listed.stdout and "[I054]" in listed.stdout


def test_one_new_story_is_counted_in_the_singular(tmp_path: Path) -> None:
    # "1 stored, 0 already stored, 0 failed, 1 new stories"
    article = tmp_path / "mill.txt"
    article.write_text(
        "Mill fire in Osterlin\n\nA fire broke out at the old mill on Monday.\n", encoding="utf-8"
    )
    db = f"sqlite:///{tmp_path / 'news.db'}"
    env = {"BLICKWINKEL_CONFIG": os.devnull, "COLUMNS": "200"}
    result = CliRunner().invoke(app, ["ingest", str(article), "--db", db, "--no-analysis"], env=env)
    assert result.exit_code == 0, result.stderr
    assert "1 stored, 0 already stored, 0 failed, 1 new story" in result.stderr
    assert "1 new stories" not in result.stderr


def test_serve_takes_allow_network_like_ingest_and_watch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `serve` had no --allow-network: the compare form could fetch from a test or intranet server only
    # through the fetch_allow_networks setting, while `ingest` and `watch` take the option.
    import uvicorn

    served: list[Any] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: served.append(app))
    db = f"sqlite:///{tmp_path / 'news.db'}"
    env = {"BLICKWINKEL_CONFIG": os.devnull, "COLUMNS": "200"}
    command = ["serve", "--db", db, "--allow-network", "10.0.0.0/8", "--allow-network", "127.0.0.0/8"]
    command += ["--port", str(_free_port())]  # serve checks that it can listen there
    result = CliRunner().invoke(app, command, env=env)
    assert result.exit_code == 0, result.stderr
    (served_app,) = served
    policy = served_app.state.blickwinkel.fetcher.policy
    assert policy.allow_networks == ("10.0.0.0/8", "127.0.0.0/8")


def test_a_refused_local_address_names_the_option_that_allows_it(tmp_path: Path) -> None:
    # The message named only the fetch_allow_networks setting; a user at the command line looked for
    # it in the settings file while every fetching command takes --allow-network.
    db = f"sqlite:///{tmp_path / 'news.db'}"
    env = {"BLICKWINKEL_CONFIG": os.devnull, "COLUMNS": "200"}
    result = CliRunner().invoke(app, ["feeds", "add", "http://127.0.0.1:9/feed.xml", "--db", db], env=env)
    assert result.exit_code != 0
    assert "[I049]" in result.stderr and "--allow-network" in result.stderr


def test_ingest_prints_each_failure_of_the_run(tmp_path: Path) -> None:
    # ingest printed only "2 failed" and the --failed hint, where compare and stories print each
    # input's error; --failed also lists the failures of earlier runs.
    folder = tmp_path / "in"
    folder.mkdir()
    good = folder / "mill.txt"
    good.write_text(
        "Mill fire in Osterlin\n\nA fire broke out at the old mill on Monday.\n", encoding="utf-8"
    )
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "records.jsonl").write_text('{"title": "T", "text": null}\n', encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'news.db'}"
    env = {"BLICKWINKEL_CONFIG": os.devnull, "COLUMNS": "200"}
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", db, "--no-analysis"], env=env)
    assert result.exit_code == 1
    assert f"error: {folder / 'empty.txt'}: [I002] file is empty" in result.stderr
    assert f"error: {folder / 'records.jsonl'}:1: [I026] field 'text' is null" in result.stderr
    assert "1 stored, 0 already stored, 2 failed" in result.stderr


def test_ingest_takes_max_file_mb_as_its_size_error_says(tmp_path: Path) -> None:
    # "[I006] file is … MB, over the 20 MB limit; raise --max-file-mb", and ingest had no such option
    # ("No such option: --max-file-mb"), so a large JSONL export could not be ingested from the command.
    article = tmp_path / "mill.txt"
    article.write_text(
        "Mill fire in Osterlin\n\nA fire broke out at the old mill on Monday.\n", encoding="utf-8"
    )
    db = f"sqlite:///{tmp_path / 'news.db'}"
    env = {"BLICKWINKEL_CONFIG": os.devnull, "COLUMNS": "200"}
    small = ["ingest", str(article), "--db", db, "--no-analysis", "--max-file-mb", "0.00001"]
    result = CliRunner().invoke(app, small, env=env)
    assert result.exit_code == 1
    assert "[I006]" in result.stderr and "raise --max-file-mb" in result.stderr
    result = CliRunner().invoke(app, [*small[:-1], "1"], env=env)
    assert result.exit_code == 0, result.stderr
    assert "1 stored" in result.stderr


def test_similarity_takes_max_file_mb_as_its_size_error_says(tmp_path: Path) -> None:
    # similarity read with the setting's limit and said "raise --max-file-mb", an option it lacked.
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    for path in (one, two):
        path.write_text(
            "Mill fire in Osterlin\n\nA fire broke out at the old mill on Monday.\n", encoding="utf-8"
        )
    env = {"BLICKWINKEL_CONFIG": os.devnull, "COLUMNS": "200"}
    command = ["similarity", str(one), str(two), "--max-file-mb", "0.00001"]
    result = CliRunner().invoke(app, command, env=env)
    assert result.exit_code == 2
    assert f"{one}: [I006]" in result.stderr and "raise --max-file-mb" in result.stderr


def test_watch_without_feeds_says_how_to_add_one(tmp_path: Path) -> None:
    # `watch --once` on a store without feeds printed "0 stored, 0 already stored, 0 failed, 0 new
    # stories", as if it had polled something.
    db = f"sqlite:///{tmp_path / 'news.db'}"
    env = {"BLICKWINKEL_CONFIG": os.devnull, "COLUMNS": "200"}
    result = CliRunner().invoke(app, ["watch", "--once", "--db", db], env=env)
    assert result.exit_code == 0, result.stderr
    assert f"No feeds yet; add one with: blickwinkel feeds add URL --db {db}" in result.stderr
    assert "0 stored" not in result.stderr


def test_retry_reads_the_file_of_a_failed_record_and_forgets_the_records_it_mends(tmp_path: Path) -> None:
    # `ingest --retry` tried to open "records.jsonl:2" and failed with "[I008] file not found", and a
    # record mended in its file stayed listed by `ingest --failed`.
    records = tmp_path / "records.jsonl"
    good = '{"title": "Mill fire", "text": "A fire broke out at the old mill in Osterlin on Monday."}'
    records.write_text(good + '\n{"title": "Second", "text": null}\n', encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'news.db'}"
    env = {"BLICKWINKEL_CONFIG": os.devnull, "COLUMNS": "200"}
    result = CliRunner().invoke(app, ["ingest", str(records), "--db", db, "--no-analysis"], env=env)
    assert result.exit_code == 1 and f"{records}:2: [I026]" in result.stderr
    mended = '{"title": "Second", "text": "The mill had stood empty for ten years, the owner said."}'
    records.write_text(good + "\n" + mended + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", "--retry", "--db", db, "--no-analysis"], env=env)
    assert result.exit_code == 0, result.stderr
    assert "1 stored, 1 already stored, 0 failed" in result.stderr and "I008" not in result.stderr
    result = CliRunner().invoke(app, ["ingest", "--failed", "--db", db], env=env)
    assert "No failed inputs." in result.stderr


@pytest.mark.parametrize("command", [["ingest", "--no-analysis"], ["feeds", "list"], ["serve"]])
def test_a_database_url_naming_a_file_that_is_no_database_is_an_error(
    tmp_path: Path, command: list[str]
) -> None:
    # "--db sqlite:///article.txt" ended in sqlalchemy's traceback ("file is not a database").
    article = tmp_path / "mill.txt"
    article.write_text(
        "Mill fire in Osterlin\n\nA fire broke out at the old mill on Monday.\n", encoding="utf-8"
    )
    env = {"BLICKWINKEL_CONFIG": os.devnull, "COLUMNS": "200"}
    args = [*command, "--db", f"sqlite:///{article}"] + ([str(article)] if command[0] == "ingest" else [])
    result = CliRunner().invoke(app, args, env=env)
    assert result.exit_code == 2, result.stderr
    assert "[S004] Cannot open the database" in result.stderr and "file is not a database" in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_database_of_a_newer_schema_is_an_error_that_says_so(tmp_path: Path) -> None:
    # A store whose Alembic revision this version does not know ended in Alembic's CommandError traceback.
    import sqlite3

    from blickwinkel.store import open_store

    path = tmp_path / "news.db"
    open_store(f"sqlite:///{path}").close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff9999'")
    env = {"BLICKWINKEL_CONFIG": os.devnull, "COLUMNS": "200"}
    result = CliRunner().invoke(app, ["feeds", "list", "--db", f"sqlite:///{path}"], env=env)
    assert result.exit_code == 2, result.stderr
    assert "[S005] The database" in result.stderr and "ffff9999" in result.stderr
    assert "written by a newer version" in result.stderr


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_serve_on_a_port_in_use_says_so_before_announcing_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # It printed "blickwinkel on http://127.0.0.1:8000/ …" and then uvicorn's "ERROR: [Errno 98] error
    # while attempting to bind on address … address already in use" (exit 3).
    import socket

    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda app, **options: pytest.fail("served on a taken port"))
    db = f"sqlite:///{tmp_path / 'news.db'}"
    env = {"BLICKWINKEL_CONFIG": os.devnull, "COLUMNS": "200"}
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(app, ["serve", "--db", db, "--port", str(port)], env=env)
    assert result.exit_code == 2, result.stderr
    assert f"[W015] Cannot listen on 127.0.0.1:{port}: Address already in use" in result.stderr
    assert "blickwinkel on http" not in result.stderr


def test_a_feed_added_by_mistake_can_be_removed(tmp_path: Path) -> None:
    # There was no way to forget a feed: one added by mistake failed at every `watch` poll for good.
    db = f"sqlite:///{tmp_path / 'news.db'}"
    env = {"BLICKWINKEL_CONFIG": os.devnull, "COLUMNS": "200"}
    runner = CliRunner()
    base = f"http://127.0.0.1:{_free_port()}"  # nothing listens there: added unchecked
    for url in (f"{base}/feed.xml", f"{base}/article.html"):
        added = runner.invoke(
            app, ["feeds", "add", url, "--db", db, "--allow-network", "127.0.0.0/8"], env=env
        )
        assert added.exit_code == 0, added.stderr
    by_url = runner.invoke(app, ["feeds", "remove", f"{base}/article.html", "--db", db], env=env)
    assert by_url.exit_code == 0 and f"removed feed 2: {base}/article.html" in by_url.stderr
    missing = runner.invoke(app, ["feeds", "remove", "7", "--db", db], env=env)
    assert missing.exit_code == 2
    assert (
        f"[S012] No feed '7' in this database; `blickwinkel feeds list --db {db}` names them."
        in missing.stderr
    )
    by_id = runner.invoke(app, ["feeds", "remove", "1", "--db", db], env=env)
    assert by_id.exit_code == 0, by_id.stderr
    listed = runner.invoke(app, ["feeds", "list", "--db", db], env=env)
    assert "No feeds yet" in listed.stderr


@pytest.mark.parametrize("made_before", [False, True])
def test_serve_on_a_store_without_articles_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, made_before: bool
) -> None:
    # `serve --db sqlite:///<mistyped path>` made a new empty store there and served an empty site
    # without a word: the user saw no stories and no reason.
    import uvicorn

    from blickwinkel.store import open_store

    monkeypatch.setattr(uvicorn, "run", lambda app, **options: None)
    path = tmp_path / "nwes.db"
    if made_before:
        open_store(f"sqlite:///{path}").close()
    env = {"BLICKWINKEL_CONFIG": os.devnull, "COLUMNS": "200"}
    result = CliRunner().invoke(
        app, ["serve", "--db", f"sqlite:///{path}", "--port", str(_free_port())], env=env
    )
    assert result.exit_code == 0, result.stderr
    assert "[S014]" in result.stderr and "holds no articles" in result.stderr
    assert "blickwinkel ingest" in result.stderr
    assert ("did not exist" in result.stderr) is not made_before


def test_serve_on_a_store_with_articles_does_not_warn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda app, **options: None)
    article = tmp_path / "mill.txt"
    article.write_text(
        "Mill fire in Osterlin\n\nA fire broke out at the old mill on Monday.\n", encoding="utf-8"
    )
    db = f"sqlite:///{tmp_path / 'news.db'}"
    env = {"BLICKWINKEL_CONFIG": os.devnull, "COLUMNS": "200"}
    stored = CliRunner().invoke(app, ["ingest", str(article), "--db", db, "--no-analysis"], env=env)
    assert stored.exit_code == 0, stored.stderr
    result = CliRunner().invoke(app, ["serve", "--db", db, "--port", str(_free_port())], env=env)
    assert result.exit_code == 0, result.stderr
    assert "S014" not in result.stderr


def test_watch_says_what_became_of_the_pages_that_failed_before(
    tmp_path: Path, local_server: LocalServer
) -> None:
    # The second `watch --once` said "0 stored, 0 already stored, 0 failed": the feed answered 304 and
    # the entry whose page had failed was not fetched again, without a word.
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour news</title>'
        "<item><title>Pier</title><link>{base}/pier</link></item></channel></rss>"
    )

    class Handler(QuietHandler):
        def get(self) -> None:
            if self.path != "/feed.xml":
                self.send_response(404)
                self.end_headers()
            elif self.headers.get("If-None-Match") == '"v1"':
                self.send_response(304)
                self.end_headers()
            else:
                base = f"http://127.0.0.1:{self.server.server_address[1]}"
                self.reply(feed.format(base=base).encode(), "application/rss+xml", {"etag": '"v1"'})

    base = local_server(Handler)
    db = f"sqlite:///{tmp_path / 'news.db'}"
    env = {"BLICKWINKEL_CONFIG": os.devnull, "COLUMNS": "200", "BLICKWINKEL_WATCH_RETRIES": "1"}
    runner = CliRunner()
    net = ["--db", db, "--allow-network", "127.0.0.0/8"]
    assert runner.invoke(app, ["feeds", "add", f"{base}/feed.xml", *net], env=env).exit_code == 0
    watch = ["watch", "--once", "--no-analysis", *net]
    first = runner.invoke(app, watch, env=env)
    assert "0 stored, 0 already stored, 1 failed" in first.stderr and "retried" not in first.stderr
    waits = runner.invoke(app, watch, env=env)  # 300 s have not passed
    assert "1 failed page waits for a later poll" in waits.stderr
    again = runner.invoke(app, watch, env={**env, "BLICKWINKEL_WATCH_RETRY_WAIT": "0"})
    assert "0 stored, 0 already stored, 1 failed" in again.stderr
    assert (
        "retried 1 page that failed before: 0 stored, 1 failed again (1 for the last time; fetch again "
        f"with: blickwinkel ingest --retry --db {db})"
    ) in " ".join(again.stderr.split())  # (wrapped at the console's width)
    last = runner.invoke(app, watch, env={**env, "BLICKWINKEL_WATCH_RETRY_WAIT": "0"})
    assert "0 stored, 0 already stored, 0 failed" in last.stderr and "retried" not in last.stderr
