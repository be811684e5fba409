"""Story grouping with the real embedders: the seed pair, look-alike negatives, a bilingual story."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from blickwinkel.embed import Embedder, get_embedder
from blickwinkel.ingest import read_inputs
from blickwinkel.stories import article_from_text, cluster_stories, same_story_score, story_docs

pytestmark = pytest.mark.slow

UNRELATED = Path(__file__).resolve().parents[1] / "fixtures" / "stories" / "unrelated"


@pytest.mark.shared
def test_seed_articles_form_one_story_that_no_look_alike_joins(
    seeds_dir: Path, use_embedder: Embedder
) -> None:
    if not UNRELATED.is_dir() or len(list(UNRELATED.glob("*.txt"))) < 5:
        pytest.skip("tests/fixtures/stories/unrelated/ is not complete yet")
    seeds = read_inputs([str(p) for p in sorted(seeds_dir.glob("*.txt"))])
    others = read_inputs([str(p) for p in sorted(UNRELATED.glob("*.txt"))])
    assert not seeds.failures and not others.failures
    seed_ids = {a.id for a in seeds.articles}
    assert len(seed_ids) == 2
    stories = cluster_stories(story_docs([*seeds.articles, *others.articles], use_embedder))
    seed_story = next(s for s in stories if seed_ids & set(s.articles))
    assert set(seed_story.articles) == seed_ids
    assert len(stories) == 1 + len(others.articles)


# Invented: one event told in German and in English, and an unrelated English report.
GERMAN = (
    "Fähre „Nordlicht“ vor Helgoland auf Grund gelaufen",
    "Die Fähre „Nordlicht“ ist am Samstagmorgen vor Helgoland auf eine Sandbank gelaufen. Alle 214 "
    "Passagiere wurden von Seenotrettern an Land gebracht, verletzt wurde niemand. Die Reederei "
    "Küstenlinie teilte mit, ein Ruderschaden sei die Ursache gewesen. Ein Schlepper soll das Schiff "
    "bei Flut freiziehen.",
)
ENGLISH = (
    "Ferry Nordlicht runs aground off Heligoland",
    "The ferry Nordlicht ran aground on a sandbank off the German island of Heligoland on Saturday "
    "morning. Rescue crews brought all 214 passengers ashore and nobody was hurt. The operator "
    "Küstenlinie blamed a rudder failure. A tug is to pull the ship free at high tide.",
)
UNRELATED_EN = (
    "City library extends opening hours",
    "The public library of a mid-sized town will open until ten in the evening from next month. The "
    "council approved the budget after students collected 3,000 signatures. Staff will be hired to "
    "cover the late shifts.",
)


@pytest.mark.parametrize("embedder_name", ["use", "e5"])
def test_german_and_english_reports_of_one_event_form_one_story(embedder_name: str) -> None:
    # get_embedder loads each model once per process, like the session fixture.
    embedder: Embedder = get_embedder(embedder_name)
    day = dt.date(2024, 6, 1)
    articles = [
        article_from_text("de", GERMAN[1], title=GERMAN[0], published=day, language="de"),
        article_from_text("en", ENGLISH[1], title=ENGLISH[0], published=day, language="en"),
        article_from_text("other", UNRELATED_EN[1], title=UNRELATED_EN[0], published=day, language="en"),
    ]
    docs = story_docs(articles, embedder)
    assert {d.embedder for d in docs} == {embedder_name}
    assert same_story_score(docs[0], docs[1]).probability > 0.5
    assert same_story_score(docs[0], docs[2]).probability < 0.5
    stories = cluster_stories(docs)
    assert sorted(sorted(s.articles) for s in stories) == [["de", "en"], ["other"]]
    story = next(s for s in stories if "de" in s.articles)
    assert story.languages == ("de", "en")


def test_similarity_names_its_name_keys_for_what_they_are() -> None:
    # The text said "shared entities: marc, martin, sophie, villeneu": word keys cut to 8 letters.
    from typer.testing import CliRunner

    from blickwinkel.cli.main import app

    examples = Path(__file__).resolve().parents[2] / "examples" / "ferry-grounding"
    args = ["similarity", str(examples / "coastal-times.txt"), str(examples / "harbour-herald.md")]
    result = CliRunner().invoke(app, [*args, "--embedder", "use"])
    assert result.exit_code == 0, result.output
    assert "shared name words (first 8 letters): " in result.stdout
    assert "shared entities" not in result.stdout
