"""Compare every stored story that has no usable comparison: what ``blickwinkel outlets
--compare-missing`` runs before it sums the outlets' figures.

Each story is compared and kept on its own (one transaction), so a run that is stopped keeps what it
compared, and a run again goes on with the rest (the stories are asked for anew). A story whose
comparison fails is named with its error (K010) and the others go on; a story that changed while it
was compared is left for the next run (its comparison would be of articles it no longer has)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from blickwinkel.errors import Errors
from blickwinkel.model import Article
from blickwinkel.store import Store
from blickwinkel.web.service import Comparer, Comparisons

Outcome = Literal["compared", "changed", "failed"]


@dataclass(frozen=True)
class MissingRun:
    """What a run did: of ``stories`` not compared, ``compared`` are now; ``changed`` changed while
    they were compared (or lost their second article) and wait for the next run; ``errors`` names
    each story that failed."""

    stories: int
    compared: int
    changed: int
    errors: tuple[str, ...]


def local_comparer(store: Store, embedder: str, threshold: float | None) -> Comparer:
    """The pipeline in this process, the statement vectors kept in ``store`` (as the service's
    comparison processes keep them)."""

    def compare(articles: Sequence[Article], known: Mapping[str, str] | None = None) -> dict[str, Any]:
        from blickwinkel.pipeline import comparison_json

        return comparison_json(list(articles), embedder, threshold, known, vectors=store)

    return compare


def compare_missing(
    comparisons: Comparisons,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    started: Callable[[int], None] | None = None,
    progress: Callable[[int, Outcome], None] | None = None,
) -> MissingRun:
    """Compare the stories of two or more articles of the window (a story's last day on or after
    ``since``, its first on or before ``until``) that the outlets' figures count as not compared,
    oldest story first. ``started`` hears how many there are, ``progress`` each story's id and
    outcome as it ends."""
    store = comparisons.store
    ids = store.stories_not_compared(since=since, until=until)
    if started is not None:
        started(len(ids))
    compared = changed = 0
    errors: list[str] = []
    for story_id in ids:
        outcome: Outcome
        try:
            kept = comparisons.compare_anew(story_id)
        except Exception as exc:  # one story's failure is named; the others go on
            summary = store.story(story_id)
            title = (summary.title if summary is not None else None) or "untitled"
            problem = str(exc) or type(exc).__name__
            errors.append(Errors.K010.format(story=story_id, title=title, problem=problem))
            outcome = "failed"
        else:
            outcome = "compared" if kept else "changed"
            compared += outcome == "compared"
            changed += outcome == "changed"
        if progress is not None:
            progress(story_id, outcome)
    return MissingRun(len(ids), compared, changed, tuple(errors))
