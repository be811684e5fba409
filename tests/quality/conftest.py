"""Fixtures of the quality gates: evaluation data read and embedded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from blickwinkel.embed import Embedder
from blickwinkel.stories.evaluate import parse_event_clusters
from blickwinkel.stories.features import StoryDoc, story_docs


@pytest.fixture(scope="session")
def wikinews_use_docs(shared_dir: Path, use_embedder: Embedder) -> tuple[list[StoryDoc], dict[str, str]]:
    """The WikiNews dev articles as story documents with 'use' vectors, and their gold events: two
    story gates cross-validate on them, and embedding them took about 9 s of CPU each time."""
    path = shared_dir / "data" / "story-clusters" / "wikinews-en-dev.json"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    articles, gold = parse_event_clusters(path.read_text(encoding="utf-8"), str(path))
    return list(story_docs(articles, use_embedder)), gold
