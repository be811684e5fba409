"""Compare every stored story that has no usable comparison: what ``blickwinkel outlets
--compare-missing`` runs before it sums the outlets' figures.

Each story is compared and kept on its own (one transaction), so a run that is stopped keeps what it
compared, and a run again goes on with the rest (the stories are asked for anew). A story whose
comparison fails is named with its error (K010) and the others go on; a story that changed while it
was compared is left for the next run (its comparison would be of articles it no longer has)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
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
    workers: int = 1,
) -> MissingRun:
    """Compare the stories of two or more articles of the window (a story's last day on or after
    ``since``, its first on or before ``until``) that the outlets' figures count as not compared,
    oldest story first, ``workers`` at a time (for a comparer that runs in processes of its own:
    :class:`~blickwinkel.web.service.ComparisonProcesses`). ``started`` hears how many there are,
    ``progress`` each story's id and outcome as it ends (in the calling thread). Errors are named in
    the order of the stories."""
    store = comparisons.store
    ids = store.stories_not_compared(since=since, until=until)
    if started is not None:
        started(len(ids))
    outcomes: dict[int, Outcome] = {}
    errors: dict[int, str] = {}

    def one(story_id: int) -> Outcome:
        try:
            kept = comparisons.compare_anew(story_id)
        except Exception as exc:  # one story's failure is named; the others go on
            summary = store.story(story_id)
            title = (summary.title if summary is not None else None) or "untitled"
            problem = str(exc) or type(exc).__name__
            errors[story_id] = Errors.K010.format(story=story_id, title=title, problem=problem)
            return "failed"
        return "compared" if kept else "changed"

    def ended(story_id: int, outcome: Outcome) -> None:
        outcomes[story_id] = outcome
        if progress is not None:
            progress(story_id, outcome)

    if workers <= 1:
        for story_id in ids:
            ended(story_id, one(story_id))
    else:
        _in_threads(ids, one, ended, workers)
    counted = Counter(outcomes.values())
    return MissingRun(
        len(ids), counted["compared"], counted["changed"], tuple(errors[i] for i in ids if i in errors)
    )


def _in_threads(
    ids: Sequence[int], one: Callable[[int], Outcome], ended: Callable[[int, Outcome], None], workers: int
) -> None:
    """``one`` of each id on ``workers`` threads, at most ``workers`` at a time (a run stopped leaves
    no queue of stories behind), ``ended`` in this thread as each ends."""
    pool = ThreadPoolExecutor(workers, thread_name_prefix="blickwinkel-missing")
    waiting = iter(ids)
    running: dict[Future[Outcome], int] = {}
    try:
        for story_id in itertools.islice(waiting, workers):
            running[pool.submit(one, story_id)] = story_id
        while running:
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                ended(running.pop(future), future.result())
                for story_id in itertools.islice(waiting, 1):
                    running[pool.submit(one, story_id)] = story_id
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
