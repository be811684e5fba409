"""Story ids stay: a story removed because its articles went into other stories (a merge, a
re-clustering, an edited article placed again) leads there, in the web and the API (301), and its
id is never given to a new story. Invented articles; SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
import datetime as dt
import warnings
from pathlib import Path

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's TestClient moving to httpx2 (as in test_web_api)
    from fastapi.testclient import TestClient

from blickwinkel.config import load_settings
from blickwinkel.ingest import read_text
from blickwinkel.store import Store, StoryChoice
from blickwinkel.store.ingest import Ingestor
from blickwinkel.store.story_groups import merge_stories
from blickwinkel.web import ServiceOptions, create_app
from tests.integration.newsroom_fixtures import fake_comparison, fill_store
from tests.integration.test_story_ingest_order import HashedWordsEmbedder
from tests.unit.test_stories_props import EVENTS

REPORT = "Ferry to Marlow Island halted\n\nA storm damaged the pier at Portside on Tuesday. Repairs: a week."


def _client(store: Store) -> TestClient:
    app = create_app(store, load_settings({}), options=ServiceOptions(), comparer=fake_comparison)
    return TestClient(app, raise_server_exceptions=False, follow_redirects=False)


def test_a_merged_story_leads_to_the_story_it_went_into(store: Store) -> None:
    kept, merged, last = fill_store(store, stories=3, per_story=2)
    merge_stories(store, kept, merged)  # what ingest does when the clusterer merges two stories
    client = _client(store)
    page = client.get(f"/stories/{merged}?lang=en")
    assert page.status_code == 301 and page.headers["location"] == f"/stories/{kept}?lang=en"
    api = client.get(f"/api/v1/stories/{merged}")
    assert api.status_code == 301 and api.headers["location"] == f"/api/v1/stories/{kept}"
    followed = client.get(f"/api/v1/stories/{merged}", follow_redirects=True)
    assert followed.status_code == 200 and followed.json()["story"]["id"] == kept
    assert client.head(f"/stories/{merged}").status_code == 301
    # an id that never was a story is still 404
    assert client.get(f"/api/v1/stories/{last + 100}").status_code == 404


def test_the_id_of_a_removed_story_is_never_given_again(store: Store) -> None:
    first, second = fill_store(store, stories=2, per_story=2)
    merge_stories(store, first, second)  # the newest story goes: SQLite gave its id to the next one
    article = read_text(
        "Ferry to Marlow Island halted\n\nA storm damaged the pier on Tuesday.", source="x.txt"
    )
    third = store.add_article(article, story=StoryChoice(None)).story_id
    assert third is not None and third > second
    assert store.story_now(second) == first


REPORT = (
    "Ferry to Marlow Island halted\n\nA storm damaged the pier at Portside on Tuesday. Repairs take a week."
)


def test_an_edited_article_alone_in_its_story_leads_the_old_link_to_its_new_story(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "ferry.txt"
    path.write_text(REPORT, encoding="utf-8")
    ingestor = Ingestor(store, embedder=HashedWordsEmbedder(), analyser=None)
    ingestor.ingest([str(path)])
    article_id = store.find_article(text=read_text(REPORT, source=str(path)).text)
    assert article_id is not None
    old = store.story_of(article_id)
    assert old is not None
    path.write_text(REPORT.replace("a week", "ten days"), encoding="utf-8")
    assert ingestor.ingest([str(path)]).updated == 1  # the story of the old version goes, a new one comes
    now = store.story_of(article_id)
    assert now is not None and now != old
    assert store.story(old) is None and store.story_now(old) == now
    response = _client(store).get(f"/api/v1/stories/{old}", follow_redirects=True)
    assert response.status_code == 200 and response.json()["story"]["id"] == now


def test_a_story_re_clustered_away_leads_to_the_story_that_took_its_articles(store: Store) -> None:
    # The reports of three events, each stored in a story of its own (as a run without stories could
    # leave them): a re-clustering puts each event's reports into one of those stories.
    stored = []
    for e, (_event, reports) in enumerate(EVENTS.items()):
        for n, (title, text) in enumerate(reports):
            article = dataclasses.replace(
                read_text(f"{title}\n\n{text}", source=f"{e}-{n}.txt", fmt="text"),
                published=dt.date(2031, 5, 3 + n),
                language="de",
            )
            stored.append(store.add_article(article, story=StoryChoice(None)).story_id)
    before = {s.id for s in store.list_stories(limit=100).items}
    assert len(before) == len(stored)
    Ingestor(store, embedder=HashedWordsEmbedder(), analyser=None).recluster_from(None)
    after = {s.id for s in store.list_stories(limit=100).items}
    assert after < before and len(after) >= len(EVENTS)
    client = _client(store)
    for old in sorted(before - after):
        now = store.story_now(old)
        assert now in after
        response = client.get(f"/api/v1/stories/{old}", follow_redirects=True)
        assert response.status_code == 200 and response.json()["story"]["id"] == now
