"""Story stage with a fake embedder: symmetry, order independence, idempotence, copies, windows."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from blickwinkel.stories import (
    StoryClusterer,
    StoryDoc,
    article_from_text,
    cluster_articles,
    cluster_stories,
    find_near_duplicates,
    same_story_score,
    story_docs,
)
from blickwinkel.stories.cluster import headlines_alone


class HashedWordsEmbedder:
    """A deterministic bag-of-words embedder: each word adds to one hashed dimension."""

    name = "fake"
    dim = 64

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                out[i, int(hashlib.md5(word.encode()).hexdigest(), 16) % self.dim] += 1.0
            norm = np.linalg.norm(out[i])
            if norm:
                out[i] /= norm
        return out


EMBEDDER = HashedWordsEmbedder()

# Invented reports: three events, each told by two or three outlets in their own words.
EVENTS = {
    "bridge": [
        (
            "Brücke in Kellingen nach Hochwasser gesperrt",
            "Die Lindenbrücke in Kellingen ist am Dienstag nach dem Hochwasser der Saale gesperrt worden. "
            "Gutachter fanden Risse an zwei Pfeilern. Bürgermeisterin Anja Roth sagte, die Sperrung dauere "
            "mindestens 14 Tage. Rund 8000 Pendler müssen Umwege fahren.",
        ),
        (
            "Kellingen sperrt Lindenbrücke wegen Rissen",
            "Nach dem Hochwasser der Saale hat Kellingen die Lindenbrücke gesperrt. An zwei Pfeilern seien "
            "Risse entdeckt worden, teilte Bürgermeisterin Anja Roth am Dienstag mit. Etwa 8000 Pendler "
            "sind betroffen, die Sperrung gilt für 14 Tage.",
        ),
        (
            "Hochwasser: Lindenbrücke bleibt zu",
            "Die Lindenbrücke in Kellingen bleibt nach dem Saale-Hochwasser gesperrt. Anja Roth, "
            "Bürgermeisterin, nannte 14 Tage als frühestes Ende. Risse an den Pfeilern.",
        ),
    ],
    "orchestra": [
        (
            "Orchester Valmora gewinnt Preis in Lyon",
            "Das Jugendorchester Valmora hat beim Wettbewerb in Lyon den ersten Preis gewonnen. Dirigent "
            "Tomás Ferreira lobte die 62 Musikerinnen und Musiker. Der Preis ist mit 20000 Euro dotiert.",
        ),
        (
            "Erster Preis für Jugendorchester Valmora",
            "In Lyon hat das Jugendorchester Valmora den Wettbewerb gewonnen. Die 62 Mitglieder unter "
            "Dirigent Tomás Ferreira erhalten 20000 Euro Preisgeld.",
        ),
    ],
    "satellite": [
        (
            "Wettersatellit Aurel-3 erreicht Umlaufbahn",
            "Der Wettersatellit Aurel-3 hat am Freitag seine Umlaufbahn erreicht. Die Agentur Nordspace "
            "meldete ein erstes Signal nach 47 Minuten. Der Satellit soll 12 Jahre arbeiten.",
        ),
        (
            "Nordspace: Aurel-3 sendet erste Signale",
            "Nordspace hat nach dem Start am Freitag erste Signale des Wettersatelliten Aurel-3 empfangen, "
            "47 Minuten nach dem Abheben. Geplant ist ein Betrieb von 12 Jahren in der Umlaufbahn.",
        ),
    ],
}

DAY = dt.date(2024, 3, 4)


def _docs(published: dict[str, dt.date] | None = None) -> list[StoryDoc]:
    articles = []
    for event, reports in EVENTS.items():
        for n, (title, text) in enumerate(reports):
            article_id = f"{event}-{n}"
            articles.append(
                article_from_text(
                    article_id,
                    text,
                    title=title,
                    published=(published or {}).get(article_id, DAY),
                    outlet=f"outlet{n}",
                    language="de",
                )
            )
    return story_docs(articles, EMBEDDER)


DOCS = _docs()
BY_ID = {d.id: d for d in DOCS}


def _event(article_id: str) -> str:
    return article_id.split("-", maxsplit=1)[0]


def test_reports_of_one_event_form_one_story_each() -> None:
    clusters = cluster_articles(DOCS)
    assert sorted(sorted(c) for c in clusters) == sorted(
        sorted(d.id for d in DOCS if _event(d.id) == e) for e in EVENTS
    )


def test_pair_score_separates_same_and_other_events() -> None:
    same = same_story_score(BY_ID["bridge-0"], BY_ID["bridge-1"])
    other = same_story_score(BY_ID["bridge-0"], BY_ID["orchestra-0"])
    assert 1.0 <= same.overall < other.overall <= 4.0
    assert same.probability > 0.5 > other.probability
    assert "anja" in same.reasons["shared_entities"]
    assert "8000" in same.reasons["shared_numbers"]


@given(st.sampled_from(DOCS), st.sampled_from(DOCS))
def test_pair_score_is_symmetric(a: StoryDoc, b: StoryDoc) -> None:
    ab, ba = same_story_score(a, b), same_story_score(b, a)
    assert ab.overall == pytest.approx(ba.overall, abs=1e-9)
    assert ab.probability == pytest.approx(ba.probability, abs=1e-9)
    assert ab.reasons["shared_entities"] == ba.reasons["shared_entities"]


@settings(max_examples=40)
@given(st.permutations(DOCS), st.lists(st.integers(0, 1), min_size=len(DOCS), max_size=len(DOCS)))
def test_clustering_does_not_depend_on_input_order(order: list[StoryDoc], days: list[int]) -> None:
    # Articles share timestamps (two days only), so ties are the rule here.
    dated = _docs({d.id: DAY + dt.timedelta(days=k) for d, k in zip(DOCS, days, strict=True)})
    by_id = {d.id: d for d in dated}
    shuffled = [by_id[d.id] for d in order]
    assert cluster_stories(shuffled) == cluster_stories(dated)


@settings(max_examples=30)
@given(st.lists(st.sampled_from(DOCS), max_size=6))
def test_reingesting_articles_changes_nothing(again: list[StoryDoc]) -> None:
    assert cluster_stories(DOCS + again) == cluster_stories(DOCS)
    assert find_near_duplicates(DOCS + again) == find_near_duplicates(DOCS)


def test_clusterer_add_is_idempotent() -> None:
    clusterer = StoryClusterer()
    ids = [clusterer.add(d) for d in DOCS]
    assert [clusterer.add(d) for d in DOCS] == [clusterer.story_of(d.id) for d in DOCS]
    assert len({*ids}) >= 3
    assert sum(len(s.articles) for s in clusterer.stories()) == len(DOCS)


def test_exact_and_near_copies_link_to_their_original() -> None:
    title, first = EVENTS["satellite"][0]
    text = first + " " + EVENTS["satellite"][1][1]
    copy_text = text + " Mehr dazu später."
    articles = [
        article_from_text("wire", text, title=title, published=DAY),
        article_from_text("exact", text, title=title, published=DAY + dt.timedelta(days=1)),
        article_from_text("near", copy_text, title="Aurel-3 im All", published=DAY + dt.timedelta(days=1)),
        article_from_text("other", EVENTS["orchestra"][0][1], published=DAY),
    ]
    docs = story_docs(articles, EMBEDDER)
    copies = find_near_duplicates(docs)
    assert copies == {"exact": "wire", "near": "wire"}
    stories = cluster_stories(docs)
    story = next(s for s in stories if "wire" in s.articles)
    assert set(story.articles) >= {"wire", "exact", "near"}
    assert dict(story.copies) == {"exact": "wire", "near": "wire"}


def test_time_window_keeps_distant_reports_apart() -> None:
    dated = _docs({"bridge-1": DAY + dt.timedelta(days=40)})
    clusters = cluster_articles(dated)
    assert not any({"bridge-0", "bridge-1"} <= set(c) for c in clusters)


def test_story_describes_outlets_languages_and_span() -> None:
    dated = _docs({"orchestra-1": DAY + dt.timedelta(days=1)})
    story = next(s for s in cluster_stories(dated) if "orchestra-0" in s.articles)
    assert story.outlets == ("outlet0", "outlet1")
    assert story.languages == ("de",)
    assert (story.first, story.last) == (DAY, DAY + dt.timedelta(days=1))
    assert story.id == story.articles[0]
    assert story.to_json()["title"] == story.title


def test_empty_and_titleless_articles_do_not_crash() -> None:
    docs = story_docs(
        [
            article_from_text("blank", " "),
            article_from_text("plain", "Nur ein Satz ohne Titel."),
        ],
        EMBEDDER,
    )
    assert sorted(a for c in cluster_articles(docs) for a in c) == ["blank", "plain"]
    assert 1.0 <= same_story_score(docs[0], docs[1]).overall <= 4.0


def test_one_outlets_text_under_two_headlines_is_linked_by_the_headlines() -> None:
    # A page that carried another piece's text under its own headline (a teaser box, a scraper that
    # took the wrong block): the same outlet, the same text, two unrelated headlines.
    carried = EVENTS["satellite"][0][1] + " " + EVENTS["satellite"][1][1]
    articles = [
        article_from_text(
            "rail", carried, title="Stadtrat streitet über Tramlinie", outlet="Blatt", published=DAY
        ),
        article_from_text(
            "school",
            carried,
            title="Neue Grundschule in Obertal eröffnet",
            outlet="Blatt",
            published=DAY + dt.timedelta(days=1),
        ),
        # The outlet's own page twice, headline edited: one story.
        article_from_text(
            "edit", carried, title="Stadtrat streitet über neue Tramlinie", outlet="Blatt", published=DAY
        ),
    ]
    docs = story_docs(articles, EMBEDDER)
    clusters = [set(c) for c in cluster_articles(docs)]
    story_of = {a: n for n, c in enumerate(clusters) for a in c}
    assert story_of["rail"] != story_of["school"]
    assert story_of["rail"] == story_of["edit"]
    assert headlines_alone(docs[0], docs[1])


def test_texts_that_are_not_the_article_under_their_headline_do_not_join() -> None:
    # Two pages of one site carry its consent notice where the article should be, under headlines of
    # two different events; a third page of the site tells an event in full.
    notice = (
        "Wir verwenden Cookies und ähnliche Techniken, um Inhalte zu personalisieren und Zugriffe zu "
        "analysieren. Mit einem Klick auf Zustimmen willigen Sie ein. Ihre Einwilligung können Sie "
        "jederzeit in den Einstellungen widerrufen."
    )
    bridge_title, bridge_text = EVENTS["bridge"][0]
    articles = [
        article_from_text("a", notice, title=bridge_title, outlet="Eins", published=DAY, language="de"),
        article_from_text(
            "b", notice, title=EVENTS["orchestra"][0][0], outlet="Eins", published=DAY, language="de"
        ),
        article_from_text(
            "c",
            bridge_text,
            title="Kellingen sperrt Lindenbrücke",
            outlet="Eins",
            published=DAY,
            language="de",
        ),
    ]
    docs = story_docs(articles, EMBEDDER)
    assert [d.headline_share for d in docs][:2] == [0.0, 0.0] and docs[2].headline_share > 0.5
    assert find_near_duplicates(docs) == {"b": "a"}  # the copy finder of comparisons still sees it
    clusters = [set(c) for c in cluster_articles(docs)]
    story_of = {a: n for n, c in enumerate(clusters) for a in c}
    assert story_of["a"] != story_of["b"]
    assert headlines_alone(docs[0], docs[2]) and not headlines_alone(docs[2], docs[2])
