"""The store against real SQLite and PostgreSQL (``BLICKWINKEL_TEST_PG_URL``; skipped when unset)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np
import pytest

from blickwinkel.ingest import read_text
from blickwinkel.model import AnalysedArticle, Article, Mention, Statement
from blickwinkel.store import Store, StoreError, StoryChoice, open_store


def _article(n: int, *, title: str, body: str, outlet: str, day: int, language: str = "en") -> Article:
    article = read_text(f"{title}\n\n{body}", source=f"story-{n}.txt", fmt="text")
    return dataclasses.replace(
        article,
        outlet=outlet,
        url=f"https://news.example/{n}",
        published=dt.date(2031, 5, day),
        language=language,
    )


ARTICLES = [
    _article(
        1,
        title="Kiln fire closes pottery works",
        body="A kiln fire closed the Marrow Lane pottery works on Tuesday. "
        "Firefighters from Brackwell said nobody was hurt.",
        outlet="Brackwell Post",
        day=3,
    ),
    _article(
        2,
        title="Pottery works shut after kiln blaze",
        body="The Marrow Lane pottery works shut after a kiln blaze. Brackwell fire crews needed two hours.",
        outlet="Valley Courier",
        day=4,
    ),
    _article(
        3,
        title="Brennofen setzt Töpferei in Brand",
        body="In der Töpferei an der Marrow Lane brannte am Dienstag ein Brennofen. Verletzt wurde niemand.",
        outlet="Talbote",
        day=4,
        language="de",
    ),
    _article(
        4,
        title="Council approves new cycle lanes",
        body="The Brackwell council approved four kilometres of new cycle lanes on Thursday.",
        outlet="Brackwell Post",
        day=6,
    ),
]


def _analysed(article: Article) -> AnalysedArticle:
    """A hand-made analysis: one statement per block, an entity where 'Brackwell' occurs."""
    statements = []
    for n, block in enumerate(article.blocks):
        text = article.text[block.start : block.end]
        at = text.find("Brackwell")
        mentions = (
            (Mention("Brackwell", block.start + at, block.start + at + 9, "LOC", "brackwell"),)
            if at >= 0
            else ()
        )
        statements.append(
            Statement(
                id=f"{article.id}-s{n}",
                article=article.id,
                text=text,
                start=block.start,
                end=block.end,
                block_kind=block.kind,
                kind="reporting",
                subjective=False,
                entities=mentions,
            )
        )
    return AnalysedArticle(article=article, statements=tuple(statements))


def _fill(store: Store) -> list[int]:
    ids = []
    story = None
    for n, article in enumerate(ARTICLES):
        vectors = {"title": np.full(4, n, dtype=np.float32), "body": np.arange(4, dtype=np.float32)}
        choice = StoryChoice(story, 0.9) if n in (1, 2) else StoryChoice(None)
        result = store.add_article(
            article, analysed=_analysed(article), vectors=vectors, model="test", story=choice
        )
        assert result.created
        if n == 0:
            story = result.story_id
        ids.append(result.article_id)
    return ids


def test_articles_round_trip_with_blocks_and_embeddings(store: Store) -> None:
    ids = _fill(store)
    back = store.article(ids[0])
    assert back is not None
    assert back.text == ARTICLES[0].text
    assert back.blocks == ARTICLES[0].blocks
    assert (back.outlet, back.url, back.published) == (
        "Brackwell Post",
        ARTICLES[0].url,
        ARTICLES[0].published,
    )
    vectors = store.vectors(ids, "test")
    assert np.array_equal(vectors[ids[2]]["title"], np.full(4, 2, dtype=np.float32))
    assert store.count_articles() == 4


def test_articles_are_unique_by_url_and_by_text(store: Store) -> None:
    ids = _fill(store)
    again = store.add_article(ARTICLES[1])
    assert (again.article_id, again.created) == (ids[1], False)
    same_text_other_url = dataclasses.replace(ARTICLES[2], url="https://elsewhere.example/copy")
    assert store.add_article(same_text_other_url).article_id == ids[2]
    same_url_other_text = dataclasses.replace(ARTICLES[3], text=ARTICLES[3].text + " Updated.")
    assert store.add_article(same_url_other_text).created is False
    assert store.count_articles() == 4


def test_stories_list_newest_and_biggest_first_with_cursor(store: Store) -> None:
    _fill(store)
    first = store.list_stories(limit=1)
    assert len(first.items) == 1 and first.next_cursor
    assert first.items[0].title == "Council approves new cycle lanes"
    second = store.list_stories(limit=1, cursor=first.next_cursor)
    fire = second.items[0]
    assert fire.size == 3
    assert fire.outlets == ("Brackwell Post", "Talbote", "Valley Courier")
    assert fire.languages == ("de", "en")
    assert (fire.first_published, fire.last_published) == (dt.date(2031, 5, 3), dt.date(2031, 5, 4))
    assert second.next_cursor is None
    with pytest.raises(StoreError):
        store.list_stories(cursor="not-a-cursor")


def test_story_filters(store: Store) -> None:
    _fill(store)

    def titles(**filters: object) -> list[str | None]:
        return [s.title for s in store.list_stories(**filters).items]  # type: ignore[arg-type]

    assert titles(language="de") == ["Kiln fire closes pottery works"]
    assert titles(outlet="Valley Courier") == ["Kiln fire closes pottery works"]
    assert len(titles(entity="brackwell")) == 2
    assert titles(q="cycle lanes") == ["Council approves new cycle lanes"]
    assert titles(since=dt.date(2031, 5, 5)) == ["Council approves new cycle lanes"]
    assert titles(until=dt.date(2031, 5, 4)) == ["Kiln fire closes pottery works"]
    assert titles(q="nothing-matches-this") == []


def test_search_ranks_and_marks_matches_and_ignores_query_syntax(store: Store) -> None:
    ids = _fill(store)
    hits = store.search("kiln")
    assert {h.article_id for h in hits} == {ids[0], ids[1]}
    assert all("\ue000" in h.snippet or "kiln" in (h.title or "").lower() for h in hits)
    for hostile in ['"', "kiln AND", "NEAR(", "*", "') OR 1=1 --", ""]:
        store.search(hostile)  # never a syntax error


def test_comparison_cache_is_invalidated_when_the_story_changes(store: Store) -> None:
    ids = _fill(store)
    story = store.story_of(ids[0])
    assert story is not None
    summary = store.story(story)
    assert summary is not None
    assert store.save_comparison(story, summary.version, "use", '{"schema": "x"}', conflicts=2)
    cached = store.cached_comparison(story, embedder="use")
    assert cached is not None and cached.conflicts == 2
    assert store.cached_comparison(story, embedder="e5") is None  # computed with another embedder
    assert store.story(story).conflicts == 2  # type: ignore[union-attr]
    extra = dataclasses.replace(ARTICLES[0], text=ARTICLES[0].text + " More.", url="https://news.example/9")
    store.add_article(extra, story=StoryChoice(story, 0.8))
    assert store.cached_comparison(story, embedder="use") is None
    assert not store.save_comparison(
        story, summary.version, "use", "{}", conflicts=0
    )  # stale version refused


def test_entities_outlets_feeds_and_failures(store: Store) -> None:
    ids = _fill(store)
    entity = store.entity("brackwell")
    assert entity is not None
    assert entity.type == "LOC" and entity.articles == 3
    assert {m.article_id for m in entity.mentions} == {ids[0], ids[1], ids[3]}
    assert store.entity("nobody") is None
    outlets = {o.name: o for o in store.outlets()}
    assert outlets["Brackwell Post"].articles == 2 and outlets["Brackwell Post"].stories == 2
    feed = store.add_feed("https://news.example/feed.xml")
    assert store.add_feed(feed.url).id == feed.id
    store.update_feed(feed.id, status=200, error=None, etag='"abc"')
    assert store.feeds()[0].etag == '"abc"'
    store.record_failure("https://news.example/broken", "HTTP 500")
    store.record_failure("https://news.example/broken", "HTTP 503")
    (failure,) = store.failures()
    assert (failure.reason, failure.attempts) == ("HTTP 503", 2)
    store.clear_failure(failure.source)
    assert store.failures() == []


def test_failures_of_one_file_are_its_own_and_its_records(store: Store) -> None:
    for source in ("a.jsonl", "a.jsonl:3", "a.json#2", "a.jsonl.bak", "b/a.jsonl:1", "xa.jsonl:2", "ä.jsonl"):
        store.record_failure(source, "bad")
    assert sorted(f.source for f in store.failures(of_file="a.jsonl")) == ["a.jsonl", "a.jsonl:3"]
    assert [f.source for f in store.failures(of_file="a.json")] == ["a.json#2"]
    assert [f.source for f in store.failures(of_file="ä.jsonl")] == ["ä.jsonl"]
    assert len(store.failures()) == 7


def test_article_listing_filters_and_cursor(store: Store) -> None:
    ids = _fill(store)
    page = store.list_articles(limit=3)
    assert [a.id for a in page.items] == ids[::-1][:3]
    rest = store.list_articles(limit=3, cursor=page.next_cursor)
    assert [a.id for a in rest.items] == [ids[0]] and rest.next_cursor is None
    assert [a.id for a in store.list_articles(language="de").items] == [ids[2]]
    assert [a.id for a in store.list_articles(q="blaze").items] == [ids[1]]


def test_reopening_runs_no_migration_twice(store: Store) -> None:
    _fill(store)
    again = open_store(store.engine.url.render_as_string(hide_password=False))
    assert again.count_articles() == 4
    again.close()


def test_search_finds_other_forms_of_a_german_word(store: Store) -> None:
    # Neither FTS5 (unicode61) nor PostgreSQL ('simple') stems German: "Verhandlungen" did not find an
    # article that writes "Verhandlung", nor the other way round. Invented articles.
    plural = _article(
        11,
        title="Tarifstreit in Osterlin",
        body="Die Verhandlungen über den Tarif der Fährleute gehen am Montag weiter.",
        outlet="Talbote",
        day=7,
        language="de",
    )
    singular = _article(
        12,
        title="Fährleute warten",
        body="Eine Verhandlung mit der Reederei ist für Montag angesetzt.",
        outlet="Brackwell Post",
        day=8,
        language="de",
    )
    unrelated = _article(
        13,
        title="Neue Radwege",
        body="Der Rat beschloss vier Kilometer neue Radwege.",
        outlet="Talbote",
        day=9,
        language="de",
    )
    ids = {}
    for article in (plural, singular, unrelated):
        vectors = {"title": np.zeros(4, dtype=np.float32), "body": np.ones(4, dtype=np.float32)}
        result = store.add_article(
            article, analysed=_analysed(article), vectors=vectors, model="test", story=StoryChoice(None)
        )
        ids[article.title] = result.article_id
    both = {ids[plural.title], ids[singular.title]}
    assert {h.article_id for h in store.search("Verhandlungen")} == both
    assert {h.article_id for h in store.search("verhandlung")} == both
    assert {h.article_id for h in store.search("Verhandlung Reederei")} == {ids[singular.title]}
    assert all("\ue000" in h.snippet for h in store.search("Verhandlungen"))
    assert len(store.list_stories(q="Verhandlung").items) == 2  # the story filter reads the same query


def test_a_story_of_an_article_without_title_is_named_by_its_lead(store: Store) -> None:
    untitled = dataclasses.replace(
        ARTICLES[0], title=None, lead=None, text="The ferry to Orrin Island sails again. Repairs took a week."
    )
    added = store.add_article(untitled, story=StoryChoice(None))
    assert added.story_id is not None
    story = store.story(added.story_id)
    assert story is not None and story.title == "The ferry to Orrin Island sails again."
    later = dataclasses.replace(
        ARTICLES[3],
        title=None,
        lead="Brackwell opens a night market.",
        text="Brackwell opens a night market.",
    )
    kept = store.add_article(later)
    assert store.assign_story(kept.article_id, StoryChoice(None)) != added.story_id
    found = store.story(store.story_of(kept.article_id) or -1)
    assert found is not None and found.title == "Brackwell opens a night market."
