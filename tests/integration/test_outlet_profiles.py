"""An outlet's profile across stories: invented stories stored in a temporary SQLite store, two of them
compared by the real pipeline, then `blickwinkel outlets`, `/api/v1/outlets` and the outlets page."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from blickwinkel.cli.main import app
from blickwinkel.ingest import read_text
from blickwinkel.pipeline import comparison_json
from blickwinkel.store import Store, StoryChoice, open_store
from blickwinkel.store.outlet_profiles import outlet_profiles
from blickwinkel.web.service import Comparisons
from tests.integration.test_web_api import _client

# Invented reports: (story, outlet, day, text).
REPORTS = (
    (
        0,
        "Glenmoor Gazette",
        3,
        "Warehouse fire in Brackwell\n\nA warehouse burned down in Brackwell on Tuesday night. "
        'Forty firefighters fought the blaze for six hours. "The roof collapsed within minutes," fire chief '
        "Vera Stolmann said. Nobody was hurt.",
    ),
    (
        0,
        "Tidewater Post",
        3,
        "Brackwell warehouse destroyed\n\nFire destroyed a warehouse in Brackwell on Tuesday "
        "night. Forty firefighters were at the scene for six hours. Nobody was injured, police said. "
        "The owner plans to rebuild. It was a sad night for the town.",
    ),
    (
        0,
        "Aldbury Echo",
        4,
        "Blaze in Brackwell\n\nFifty firefighters fought a warehouse fire in Brackwell on "
        'Tuesday. "We lost everything," the owner Piet Hollander said.',
    ),
    (
        1,
        "Glenmoor Gazette",
        10,
        "Osterlin bridge closed\n\nThe river bridge in Osterlin closed on Monday for "
        "repairs. It will stay closed for three weeks, the council said.",
    ),
    (
        1,
        "Tidewater Post",
        10,
        "Repairs close Osterlin bridge\n\nOsterlin's river bridge closed on Monday. The "
        "repairs will take three weeks, according to the council. Drivers face long detours.",
    ),
    (
        2,
        "Glenmoor Gazette",
        20,
        "Quillby library reopens\n\nThe library in Quillby reopened on Saturday after "
        "a year of building work.",
    ),
    (
        2,
        "Kestrel Daily",
        20,
        "Library back in Quillby\n\nQuillby's library opened its doors again on Saturday.",
    ),
)


def _store_reports(store: Store) -> list[int]:
    stories: dict[int, int] = {}
    for n, (story, outlet, day, text) in enumerate(REPORTS):
        article = dataclasses.replace(
            read_text(text, source=f"invented-{n}.txt", fmt="text"),
            outlet=outlet,
            url=f"https://news.example/{n}",
            published=dt.date(2031, 3, day),
            language="en",
        )
        result = store.add_article(article, story=StoryChoice(stories.get(story)))
        assert result.story_id is not None
        stories[story] = result.story_id
    return [stories[s] for s in sorted(stories)]


@pytest.fixture(scope="module")
def compared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Store, list[int]]]:
    """A store of three invented stories, the first two compared (the third not yet)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('outlets') / 'news.db'}"
    store = open_store(url)
    story_ids = _store_reports(store)
    comparisons = Comparisons(
        store, lambda articles, known=None: comparison_json(articles, known=known), "use"
    )
    for story_id in story_ids[:2]:
        result = comparisons.for_story(story_id)
        assert result is not None and result.body is not None
    yield url, store, story_ids
    store.close()


def _outlets_json(url: str, *more: str) -> dict[str, Any]:
    result = CliRunner().invoke(app, ["outlets", "--db", url, "--format", "json", *more])
    assert result.exit_code == 0, result.output
    return dict(json.loads(result.output))


def test_the_profile_sums_the_stored_comparisons(compared: tuple[str, Store, list[int]]) -> None:
    url, store, story_ids = compared
    answer = _outlets_json(url)
    assert (answer["stories_compared"], answer["stories_not_compared"]) == (2, 1)
    totals = {o["outlet"]: o for o in answer["outlets"]}
    # Kestrel Daily has articles in the story not compared only
    assert set(totals) == {"Glenmoor Gazette", "Tidewater Post", "Aldbury Echo"}
    assert [o["outlet"] for o in answer["outlets"]][-1] == "Aldbury Echo"  # one story, the others two
    expected: dict[str, dict[str, int]] = {}
    for story_id in story_ids[:2]:
        cached = store.cached_comparison(story_id, embedder="use")
        assert cached is not None
        body = json.loads(cached.body)
        outlets = {a["id"]: a["outlet"] for a in body["articles"]}
        for aid, profile in body["outlets"].items():
            sums = expected.setdefault(outlets[aid], {"stories": 0, "facts": 0, "unique": 0, "quotes": 0})
            sums["stories"] += 1
            sums["facts"] += profile["facts"]
            sums["unique"] += profile["unique_facts"]
            sums["quotes"] += profile["quotes"]
    for outlet, sums in expected.items():
        t = totals[outlet]
        assert (t["stories"], t["facts"], t["unique_facts"], t["quotes"]) == (
            sums["stories"],
            sums["facts"],
            sums["unique"],
            sums["quotes"],
        ), outlet
        assert t["shared_facts"] + t["unique_facts"] <= t["facts"]
        assert 0 <= (t["opinion_share"] or 0) <= 1
        # speakers by name, never by entity key
        assert all(":" not in s["name"] for s in t["speakers"]), t["speakers"]
    assert totals["Glenmoor Gazette"]["facts"] > 0 and totals["Glenmoor Gazette"]["shared_facts"] > 0
    # a window: the stories from the 5th on leave the fire out
    later = _outlets_json(url, "--since", "2031-03-05")
    assert (later["stories_compared"], later["stories_not_compared"]) == (1, 1)
    assert {o["outlet"]: o["stories"] for o in later["outlets"]} == {
        "Glenmoor Gazette": 1,
        "Tidewater Post": 1,
    }
    text = CliRunner().invoke(app, ["outlets", "--db", url])
    assert text.exit_code == 0 and "Outlets across 2 compared stories; 1 story of two" in text.output
    assert "Glenmoor Gazette" in text.output


def test_the_api_and_the_page_show_the_profile(compared: tuple[str, Store, list[int]]) -> None:
    url, store, _ = compared
    client = _client(store)
    answer = client.get("/api/v1/outlets").json()
    assert (answer["stories_compared"], answer["stories_not_compared"]) == (2, 1)
    items = {o["name"]: o for o in answer["items"]}
    assert items["Kestrel Daily"]["profile"] is None and items["Kestrel Daily"]["stories"] == 1
    cli = {o.pop("outlet"): o for o in _outlets_json(url)["outlets"]}
    for name, profile in cli.items():
        assert items[name]["profile"] == profile
    window = client.get("/api/v1/outlets", params={"until": "2031-03-09"}).json()
    assert (window["stories_compared"], window["stories_not_compared"]) == (1, 0)
    assert (
        client.get("/api/v1/outlets", params={"since": "2031-03-09", "until": "2031-03-01"}).status_code
        == 422
    )
    page = client.get("/outlets?lang=en").text
    assert "Compared stories" in page and "from the 2 compared stories. 1 stories of two" in page


def test_a_story_changed_since_its_comparison_counts_as_not_compared(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'news.db'}")
    try:
        story_ids = _store_reports(store)
        versions = {}
        for story_id in story_ids:
            summary = store.story(story_id)
            assert summary is not None
            versions[story_id] = summary.version
        for story_id in story_ids[1:]:
            assert store.save_comparison(story_id, versions[story_id], "use", json.dumps({"outlets": {}}), 0)
        # an article joins the second story after its comparison; the third's stored body is no JSON
        late = read_text(
            "Osterlin detours\n\nDrivers were sent round the town.", source="late.txt", fmt="text"
        )
        store.add_article(dataclasses.replace(late, outlet="Kestrel Daily"), story=StoryChoice(story_ids[1]))
        store.save_comparison(story_ids[2], versions[story_ids[2]], "use", "no json", 0)
        profiles = outlet_profiles(store)
        assert (profiles.compared, profiles.not_compared, profiles.totals) == (0, 3, ())
    finally:
        store.close()


def test_the_outlets_answer_is_kept_until_the_store_changes(compared: tuple[str, Store, list[int]]) -> None:
    """The figures read every stored comparison: the answer is sent again (with its ETag) until a commit."""
    _, store, _ = compared
    client = _client(store)
    first = client.get("/api/v1/outlets")
    assert first.status_code == 200 and first.headers["etag"]
    again = client.get("/api/v1/outlets", headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304


def test_the_outlets_table_speaks_the_reports_language(compared: tuple[str, Store, list[int]]) -> None:
    # The table was English only while reports speak German (`--lang` and the report_language setting,
    # as `compare` and `stories`); "auto" reads the stored articles' languages (English here).
    url, _, _ = compared
    german = CliRunner().invoke(app, ["outlets", "--db", url, "--lang", "de"])
    assert german.exit_code == 0, german.output
    assert "Medien in 2 verglichenen Geschichten; 1 Geschichte aus zwei oder mehr Artikeln" in german.output
    assert "Am häufigsten zitiert" in german.output and "Geschichten" in german.output
    for more in ([], ["--lang", "auto"], ["--lang", "en"]):
        english = CliRunner().invoke(app, ["outlets", "--db", url, *more])
        assert english.exit_code == 0 and "Outlets across 2 compared stories" in english.output, more
    assert _outlets_json(url, "--lang", "de") == _outlets_json(url)  # the JSON keeps its English keys
