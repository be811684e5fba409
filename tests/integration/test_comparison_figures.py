"""The outlets' figures kept beside each stored comparison (migration 0008) and summed by the database:
the sums equal :func:`outlet_totals` over the same comparisons read whole; a store from before 0008 is
filled at the first reading; figures of an older rule are read again. SQLite and PostgreSQL; invented
outlets and figures."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import random
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from blickwinkel.compare.outlet_totals import outlet_totals
from blickwinkel.ingest import read_text
from blickwinkel.store import Store, StoryChoice, open_store
from blickwinkel.store import schema as t
from blickwinkel.store.outlet_profiles import outlet_profiles
from tests.databases import BACKENDS, database_at, engine_of

OUTLETS = ("Glenmoor Gazette", "Tidewater Post", "Aldbury Echo", "Kestrel Daily")
SPEAKERS = ("per:vera-stolmann", "Police", "police", "the council", "per:piet-hollander", "A neighbour")


def _stories(store: Store, count: int, seed: int) -> list[tuple[int, int, dict[str, str]]]:
    """``count`` invented stories of two to four articles: (story id, version, outlet by comparison id)."""
    rng = random.Random(seed)
    made = []
    for n in range(count):
        story: int | None = None
        outlet_of: dict[str, str] = {}
        for k in range(rng.randint(2, 4)):
            outlet = OUTLETS[(n + k) % len(OUTLETS)] if k < 3 or rng.random() < 0.5 else OUTLETS[0]
            article = dataclasses.replace(
                read_text(
                    f"Item {seed}-{n}-{k}\n\nThe parish hall {n} held sale {k}.", source=f"{n}-{k}.txt"
                ),
                outlet=outlet,
                url=f"https://news.example/{seed}/{n}/{k}",
                published=dt.date(2031, 1 + n % 12, 1 + k),
                language="en",
            )
            result = store.add_article(article, story=StoryChoice(story))
            assert result.story_id is not None and result.article_id is not None
            story = result.story_id
            outlet_of[f"a{result.article_id}"] = outlet
        assert story is not None
        summary = store.story(story)
        assert summary is not None
        made.append((story, summary.version, outlet_of))
    return made


def _body(rng: random.Random, article_ids: list[str]) -> dict[str, Any]:
    """An invented comparison: figures per article, speakers by entity key or as written, and one
    statement naming each key."""
    outlets: dict[str, Any] = {}
    for aid in article_ids:
        facts = rng.randint(0, 9)
        unique = rng.randint(0, facts)
        outlets[aid] = {
            "facts": facts,
            "shared_facts": rng.randint(0, facts - unique),
            "unique_facts": unique,
            "conflicting_facts": rng.randint(0, 2),
            "subjective_share": rng.choice([None, 0.0, 0.25, 0.5, 1.0]),
            "quotes": rng.randint(0, 4),
            "speakers": rng.sample(SPEAKERS, rng.randint(0, 3)),
            "copy_of": rng.choice([None, None, article_ids[0]]),
        }
    names = {"per:vera-stolmann": "Vera Stolmann", "per:piet-hollander": "Piet Hollander"}
    statements = [
        {
            "id": f"{article_ids[0]}#{n}",
            "article": article_ids[0],
            "text": "An invented sentence.",
            "start": 0,
            "end": 21,
            "entities": [{"text": name, "type": "PER", "key": key}],
        }
        for n, (key, name) in enumerate(names.items())
    ]
    return {"statements": statements, "outlets": outlets}


def _compare_all(store: Store, stories: list[tuple[int, int, dict[str, str]]], seed: int) -> list[Any]:
    rng = random.Random(seed)
    compared = []
    for story_id, version, outlet_of in stories:
        body = _body(rng, sorted(outlet_of))
        assert store.save_comparison(story_id, version, "use", json.dumps(body), 0)
        compared.append((story_id, body, outlet_of))
    return compared


def _as_json(profiles: Any) -> list[dict[str, Any]]:
    return [t.to_json() for t in profiles]


def test_the_sums_of_the_kept_figures_are_those_of_the_comparisons(store: Store) -> None:
    stories = _stories(store, 12, seed=3)
    compared = _compare_all(store, stories, seed=4)
    profiles = outlet_profiles(store)
    assert _as_json(profiles.totals) == _as_json(outlet_totals(compared))
    assert (profiles.compared, profiles.not_compared) == (12, 0)
    # a window: the stories of the first three months
    window = outlet_profiles(store, until=dt.date(2031, 3, 31))
    early = [c for c in compared if c[0] in {s[0] for n, s in enumerate(stories) if n % 12 < 3}]
    assert _as_json(window.totals) == _as_json(outlet_totals(early))
    assert window.compared == len(early)


def test_a_comparison_stored_again_replaces_its_figures_and_a_changed_story_drops_out(store: Store) -> None:
    stories = _stories(store, 3, seed=5)
    compared = _compare_all(store, stories, seed=6)
    story_id, version, outlet_of = stories[0]
    body = _body(random.Random(7), sorted(outlet_of))
    assert store.save_comparison(story_id, version, "use", json.dumps(body), 0)
    compared[0] = (story_id, body, outlet_of)
    assert _as_json(outlet_profiles(store).totals) == _as_json(outlet_totals(compared))
    late = read_text("A late item\n\nThe parish hall closed early.", source="late.txt")
    store.add_article(dataclasses.replace(late, outlet="Kestrel Daily"), story=StoryChoice(stories[1][0]))
    profiles = outlet_profiles(store)
    assert (profiles.compared, profiles.not_compared) == (2, 1)
    assert _as_json(profiles.totals) == _as_json(outlet_totals([compared[0], compared[2]]))
    with store.engine.connect() as conn:
        kept = conn.scalar(sa.select(sa.func.count()).select_from(t.comparison_articles))
    assert kept == sum(len(c[2]) for c in (compared[0], compared[2]))  # the changed story's went with it


def test_figures_kept_by_an_older_rule_are_read_again(store: Store) -> None:
    stories = _stories(store, 2, seed=8)
    compared = _compare_all(store, stories, seed=9)
    with store.engine.begin() as conn:
        conn.execute(t.comparison_figures.update().values(rule=-1))
        conn.execute(t.comparison_articles.update().values(facts=1000))
    assert store.fill_figures() == 2
    assert store.fill_figures() == 0
    assert _as_json(outlet_profiles(store).totals) == _as_json(outlet_totals(compared))


_BODY_AT_0007 = {
    "statements": [],
    "outlets": {
        "a1": {"facts": 4, "shared_facts": 2, "unique_facts": 2, "conflicting_facts": 1, "quotes": 1},
        "a2": {"facts": 3, "unique_facts": 1, "conflicting_facts": 0, "quotes": 0, "speakers": ["Police"]},
    },
}


def _fill_at_0007(conn: sa.Connection) -> None:
    for oid, name in ((1, "Glenmoor Gazette"), (2, "Tidewater Post")):
        conn.execute(
            sa.text("INSERT INTO outlets (id, name, created_at) VALUES (:id, :name, CURRENT_TIMESTAMP)"),
            {"id": oid, "name": name},
        )
    for aid in (1, 2, 3, 4):
        conn.execute(
            sa.text(
                "INSERT INTO articles (id, slug, outlet_id, content_hash, source, text, meta, created_at) "
                "VALUES (:id, :slug, :outlet, :hash, :source, 'T', '{}', CURRENT_TIMESTAMP)"
            ),
            {"id": aid, "slug": f"a{aid}", "outlet": 1 + aid % 2, "hash": f"h{aid}", "source": f"{aid}.txt"},
        )
    bodies = {1: json.dumps(_BODY_AT_0007), 2: "not json"}
    for sid, body in bodies.items():
        conn.execute(
            sa.text(
                "INSERT INTO stories (id, size, version, created_at, updated_at) "
                "VALUES (:id, 2, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
            ),
            {"id": sid},
        )
        conn.execute(
            sa.text(
                "INSERT INTO comparisons (story_id, story_version, embedder, conflicts, body, created_at) "
                "VALUES (:id, 1, 'use', 0, :body, CURRENT_TIMESTAMP)"
            ),
            {"id": sid, "body": body},
        )
    for aid, sid in ((1, 1), (2, 1), (3, 2), (4, 2)):
        conn.execute(
            sa.text(
                "INSERT INTO memberships (article_id, story_id, added_at) VALUES (:a, :s, CURRENT_TIMESTAMP)"
            ),
            {"a": aid, "s": sid},
        )


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_store_from_before_0008_is_filled_at_the_first_reading(backend: str, tmp_path: Path) -> None:
    with database_at(backend, tmp_path, "0007", _fill_at_0007) as url:
        store = open_store(url)
        try:
            with store.engine.connect() as conn:
                assert conn.scalar(sa.select(sa.func.count()).select_from(t.comparison_figures)) == 0
            profiles = outlet_profiles(store)
            assert (profiles.compared, profiles.not_compared) == (1, 1)  # the body that is no JSON
            expected = outlet_totals([(1, _BODY_AT_0007, {"a1": "Tidewater Post", "a2": "Glenmoor Gazette"})])
            assert _as_json(profiles.totals) == _as_json(expected)
            assert [(p.outlet, p.shared_facts, p.speakers) for p in profiles.totals] == [
                ("Glenmoor Gazette", 2, (("Police", 1),)),
                ("Tidewater Post", 2, ()),
            ]
            assert store.fill_figures() == 0  # filled once
        finally:
            store.close()
        engine = engine_of(url)
        try:
            with engine.connect() as conn:
                rules = dict(conn.execute(sa.select(t.comparison_figures)).tuples().all())
        finally:
            engine.dispose()
        assert rules == {1: 1, 2: 0}


def test_two_processes_filling_at_once_fill_each_comparison_once(store: Store) -> None:
    stories = _stories(store, 10, seed=12)
    compared = _compare_all(store, stories, seed=13)
    with store.engine.begin() as conn:  # as a store from before 0008 has them: no figures kept
        for table in (t.comparison_speakers, t.comparison_articles, t.comparison_figures):
            conn.execute(table.delete())
    other = open_store(store.engine.url.render_as_string(hide_password=False))
    try:
        with ThreadPoolExecutor(2) as pool:
            filled = list(pool.map(lambda s: s.fill_figures(batch=3), (store, other)))
    finally:
        other.close()
    assert sum(filled) == 10
    assert _as_json(outlet_profiles(store).totals) == _as_json(outlet_totals(compared))
