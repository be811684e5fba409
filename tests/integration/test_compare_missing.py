"""`blickwinkel outlets --compare-missing`: every story of two or more articles without a usable
comparison is compared and kept, one at a time; a failing story is named (K010) and the others go on;
a run again compares only what is left. Invented stories; the library on SQLite and PostgreSQL with a
stand-in comparer, the command once with the real pipeline."""

from __future__ import annotations

import dataclasses
import json
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from blickwinkel.cli.main import app
from blickwinkel.errors import ComparisonError
from blickwinkel.ingest import read_text
from blickwinkel.model import Article
from blickwinkel.store import Store, StoryChoice, open_store
from blickwinkel.store.outlet_profiles import outlet_profiles
from blickwinkel.web.compare_missing import compare_missing
from blickwinkel.web.service import Comparisons
from tests.integration.newsroom_fixtures import fake_comparison, fill_store
from tests.integration.test_outlet_profiles import _store_reports


def _figures(articles: Sequence[Article]) -> dict[str, Any]:
    """The stand-in comparison with figures for each article (so the outlets' sums see it)."""
    body = fake_comparison(articles)
    body["outlets"] = {
        a.id: {"facts": 2, "shared_facts": 1, "unique_facts": 1, "conflicting_facts": 0, "quotes": 0}
        for a in articles
    }
    return body


def test_every_story_not_compared_is_compared_and_a_failure_is_named(store: Store) -> None:
    story_ids = fill_store(store, stories=4, per_story=2)
    comparisons = Comparisons(store, _figures, "fake")
    assert comparisons.for_story(story_ids[0]) is not None  # viewed once: compared already
    failing = story_ids[2]
    failing_titles = {a.title for a in store.articles(store.story_article_ids(failing)).values()}

    def compare(articles: Sequence[Article]) -> dict[str, Any]:
        if {a.title for a in articles} == failing_titles:
            raise ComparisonError("an invented failure")
        return _figures(articles)

    seen: list[tuple[int, str]] = []
    totals: list[int] = []
    run = compare_missing(
        Comparisons(store, compare, "fake"), started=totals.append, progress=lambda s, o: seen.append((s, o))
    )
    assert totals == [3] and (run.stories, run.compared, run.changed) == (3, 2, 0)
    assert seen == [(story_ids[1], "compared"), (failing, "failed"), (story_ids[3], "compared")]
    (error,) = run.errors
    assert error.startswith(f"[K010] story {failing} (") and "an invented failure" in error
    assert store.stories_not_compared() == [failing]
    # a run again compares only the story left
    again = compare_missing(comparisons)
    assert (again.stories, again.compared, again.errors) == (1, 1, ())
    assert store.stories_not_compared() == []
    profiles = outlet_profiles(store)
    assert (profiles.compared, profiles.not_compared) == (4, 0)


def test_a_story_that_changes_while_compared_is_left_for_the_next_run(store: Store) -> None:
    story_ids = fill_store(store, stories=2, per_story=2)
    late = read_text("A late item\n\nThe ferry left an hour late.", source="late.txt")

    calls: list[int] = []

    def compare(articles: Sequence[Article]) -> dict[str, Any]:
        calls.append(len(articles))
        if len(calls) == 2:  # the second story gets an article while it is compared
            store.add_article(
                dataclasses.replace(late, outlet="Kestrel Daily"), story=StoryChoice(story_ids[1])
            )
        return _figures(articles)

    run = compare_missing(Comparisons(store, compare, "fake"))
    assert (run.stories, run.compared, run.changed) == (2, 1, 1)
    assert store.stories_not_compared() == [story_ids[1]]


def test_a_kept_body_that_is_no_comparison_is_compared_again(store: Store) -> None:
    (story_id,) = fill_store(store, stories=1, per_story=2)
    summary = store.story(story_id)
    assert summary is not None
    store.save_comparison(story_id, summary.version, "fake", "no json", 0)
    assert store.stories_not_compared() == [story_id]
    run = compare_missing(Comparisons(store, _figures, "fake"))
    assert (run.compared, store.stories_not_compared()) == (1, [])


def test_the_command_compares_the_missing_stories_then_sums(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'news.db'}"
    store = open_store(url)
    try:
        _store_reports(store)
    finally:
        store.close()
    result = CliRunner().invoke(app, ["outlets", "--db", url, "--format", "json", "--compare-missing"])
    assert result.exit_code == 0, result.output
    assert "compared 3 of the 3 stories not compared yet" in result.stderr
    assert "comparing stories" not in result.stderr  # no bar into a pipe
    answer = json.loads(result.stdout)
    assert (answer["stories_compared"], answer["stories_not_compared"]) == (3, 0)
    assert {o["outlet"] for o in answer["outlets"]} >= {"Kestrel Daily", "Glenmoor Gazette"}
    again = CliRunner().invoke(app, ["outlets", "--db", url, "--compare-missing"])
    assert again.exit_code == 0 and "compared 0 of the 0 stories not compared yet" in again.stderr


def test_stories_compared_two_at_once_end_as_one_at_a_time(store: Store) -> None:
    story_ids = fill_store(store, stories=5, per_story=2)
    failing_titles = {a.title for a in store.articles(store.story_article_ids(story_ids[1])).values()}
    running: list[int] = []
    most = [0]
    lock, two_at_once = threading.Lock(), threading.Event()

    def compare(articles: Sequence[Article]) -> dict[str, Any]:
        with lock:
            running.append(1)
            most[0] = max(most[0], len(running))
            if len(running) == 2:
                two_at_once.set()
        try:
            # the first story waits for the second to start (a sleep alone lost the race on a loaded
            # machine: the other thread was still reading its story from PostgreSQL)
            two_at_once.wait(timeout=30)
            if {a.title for a in articles} == failing_titles:
                raise ComparisonError("an invented failure")
            return _figures(articles)
        finally:
            with lock:
                running.pop()

    seen: list[int] = []
    run = compare_missing(
        Comparisons(store, compare, "fake"), progress=lambda s, o: seen.append(s), workers=2
    )
    assert (run.stories, run.compared, len(run.errors)) == (5, 4, 1)
    assert run.errors[0].startswith(f"[K010] story {story_ids[1]} (")
    assert sorted(seen) == story_ids and most[0] == 2
    assert store.stories_not_compared() == [story_ids[1]]


def test_processes_without_compare_missing_is_named_not_ignored(tmp_path: Path) -> None:
    # --processes alone was ignored without a word: the figures were summed as the store held them
    url = f"sqlite:///{tmp_path / 'news.db'}"
    result = CliRunner().invoke(app, ["outlets", "--db", url, "--processes", "2"])
    assert result.exit_code == 2
    assert "--processes" in result.output and "--compare-missing" in result.output
