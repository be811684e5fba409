"""Invented articles and a fast stand-in comparer for the web and ingest tests (no models)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from blickwinkel.ingest import read_text
from blickwinkel.model import Article
from blickwinkel.store import Store, StoryChoice

TOWNS = ("Brackwell", "Osterlin", "Farnholt", "Quillby", "Wendmoor", "Harrowgate", "Lindqvist", "Tamsbury")
EVENTS = (
    ("kiln fire", "closed the pottery works", "firefighters"),
    ("water main burst", "flooded the market square", "engineers"),
    ("tram derailment", "blocked the ring road", "transit staff"),
    ("library reopening", "drew long queues", "volunteers"),
    ("bridge inspection", "closed the river crossing", "inspectors"),
)


def invented_article(n: int) -> str:
    """An invented short article (headline, blank line, paragraphs); every n gives another text."""
    town = TOWNS[n % len(TOWNS)]
    event, effect, who = EVENTS[n % len(EVENTS)]
    return (
        f"{event.capitalize()} in {town} (report {n})\n\n"
        f"A {event} {effect} in {town} on day {n % 28 + 1}, {who} said. "
        f"About {10 + n} people were affected and {n % 7} were treated on site.\n\n"
        f"The council of {town} promised a review within {n % 5 + 2} weeks. "
        f"Residents described the scene as chaotic."
    )


def write_articles(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"article-{n:03d}.txt"
        path.write_text(invented_article(n), encoding="utf-8")
        paths.append(path)
    return paths


def fake_comparison(articles: Sequence[Article]) -> dict[str, Any]:
    """A comparison JSON of the documented shape: one statement per block, the first blocks one fact,
    the second blocks a conflict."""
    statements: list[dict[str, Any]] = []
    for a in articles:
        for n, b in enumerate(a.blocks, start=1):
            statements.append(
                {
                    "id": f"{a.id}#{n}",
                    "article": a.id,
                    "text": a.text[b.start : b.end],
                    "start": b.start,
                    "end": b.end,
                    "kind": "quote" if n == 3 else "reporting",
                    "subjective": n == 3,
                    "speaker": "Mayor Tilda Brack" if n == 3 else None,
                    "entities": [],
                    "quantities": [],
                    "dates": [{"text": "today", "value": "2031-05-04", "inferred": False}] if n == 2 else [],
                }
            )
    first = [f"{a.id}#1" for a in articles]
    second = [f"{a.id}#2" for a in articles if len(a.blocks) >= 2][:2]
    facts = [{"id": "f1", "statements": first, "articles": [a.id for a in articles], "canonical": first[0]}]
    conflicts = []
    if len(second) == 2:
        facts.append(
            {
                "id": "f2",
                "statements": second,
                "articles": [s.split("#")[0] for s in second],
                "canonical": second[0],
            }
        )
        conflicts.append(
            {
                "id": "c1",
                "kind": "quantity",
                "fact": "f2",
                "statements": second,
                "values": [10, 12],
                "reason": "10 vs 12 people",
            }
        )
    return {
        "schema": "blickwinkel.comparison/1",
        "embedder": "fake",
        "articles": [{"id": a.id, "outlet": a.outlet, "title": a.title} for a in articles],
        "statements": statements,
        "facts": facts,
        "links": [],
        "conflicts": conflicts,
        "outlets": {},
        "coverage": {f["id"]: {a.id: "reported" for a in articles if a.id in f["articles"]} for f in facts},
        "omissions": {},
        "independent_sources": len(articles),
        "voices": [],
    }


def fill_store(store: Store, *, stories: int = 2, per_story: int = 3) -> list[int]:
    """Stories of invented articles stored without models; returns the story ids."""
    story_ids = []
    n = 0
    for s in range(stories):
        story_id: int | None = None
        for k in range(per_story):
            article = read_text(invented_article(n), source=f"invented-{n}.txt", fmt="text")
            article = dataclasses.replace(
                article,
                outlet=f"Outlet {k}",
                url=f"https://news.example/{n}",
                published=dt.date(2031, 5, 1 + s),
                language="en",
            )
            result = store.add_article(article, story=StoryChoice(story_id))
            story_id = result.story_id
            n += 1
        assert story_id is not None
        story_ids.append(story_id)
    return story_ids


def write_texts(folder: Path, texts: Sequence[str], stem: str = "report") -> list[str]:
    """Write each text to ``folder/<stem>-<n>.txt`` and return the paths, in order."""
    paths = []
    for n, text in enumerate(texts):
        path = folder / f"{stem}-{n}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths
