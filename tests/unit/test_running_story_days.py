"""Two weekdays in a story of several days (nineteenth session, conflicts; the need was seen on the
tuning half of the real-news gold), on sentences we invented: when each outlet tells what happened on
both days, two differently worded statements that give the one day and the other tell two of the
story's events; when one outlet tells only one of the days, or the wording is parallel with only the
day changed, the two days still clash."""

from __future__ import annotations

from blickwinkel.compare import compare_articles
from tests.unit.test_compare import EMBEDDER, make_article

STOPPED = "Border guards stopped a group of smugglers at the old mill by the river on Monday."
CAUGHT = "Border guards caught two smugglers who crossed the river near the old mill on Sunday."
RAIN = "On Sunday, heavy rain had flooded the road along the river."
MUD = "The road along the river was cleared of mud on Monday."


def conflicts(left: list[str], right: list[str]) -> list[str]:
    found = compare_articles([make_article("a", left), make_article("b", right)], EMBEDDER).conflicts
    return [f"{c.kind}: {c.reason}" for c in found]


def test_two_events_of_a_story_both_outlets_tell_on_both_days_do_not_clash() -> None:
    assert conflicts([STOPPED, RAIN], [CAUGHT, MUD]) == []


def test_the_days_still_clash_when_one_outlet_tells_of_one_day_only() -> None:
    found = conflicts(
        [STOPPED, RAIN], [CAUGHT, "The road along the river was cleared of mud in the afternoon."]
    )
    assert found == ["date: weekday: 'Monday' in a vs 'Sunday' in b"]


def test_parallel_wording_with_the_day_changed_still_clashes() -> None:
    found = conflicts([STOPPED, RAIN], [STOPPED.replace("Monday", "Sunday"), MUD])
    assert found == ["date: date in the same wording: 'Monday' in a vs 'Sunday' in b"]
