"""The batch run's stories are those of ``cluster_stories`` over all articles (invented reports of
invented events, spread over time windows and undated): the features are loaded a window at a time,
but the one clusterer takes every article in its processing order, so no window border cuts or joins a
story the single pass would not."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from blickwinkel.batch.stages import UNDATED, cluster_in_order, in_processing_order, window_of
from blickwinkel.stories import StoryDoc, cluster_stories
from tests.unit.test_stories_props import DAY, DOCS, _docs


def _by_window(docs: Sequence[StoryDoc], days: int) -> dict[str, list[StoryDoc]]:
    windows: dict[str, list[StoryDoc]] = {}
    for doc in docs:
        windows.setdefault(window_of(doc.published, days), []).append(doc)
    return windows


def test_undated_articles_come_first_then_the_windows_by_date() -> None:
    assert in_processing_order(["2031-05-10", UNDATED, "2031-05-03"]) == [UNDATED, "2031-05-03", "2031-05-10"]


@settings(max_examples=25, deadline=None)
@given(
    st.lists(st.integers(-1, 20), min_size=len(DOCS), max_size=len(DOCS)),
    st.sampled_from([1, 3, 7]),
    st.permutations(range(len(DOCS))),
)
def test_the_stories_of_windows_in_order_are_those_of_one_pass(
    offsets: list[int], days: int, order: list[int]
) -> None:
    # -1: undated. Reports of one event lie on both sides of window borders (a 1-day window has a
    # border every day), and the windows' docs come in any order.
    dated = _docs({d.id: DAY + dt.timedelta(days=k) for d, k in zip(DOCS, offsets, strict=True) if k >= 0})
    docs = [
        dataclasses.replace(d, published=None) if k < 0 else d for d, k in zip(dated, offsets, strict=True)
    ]
    shuffled = [docs[n] for n in order]
    windows = _by_window(shuffled, days)
    assert cluster_in_order(list(windows), lambda w: windows[w]) == cluster_stories(docs)
