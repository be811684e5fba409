"""When `watch` fetches a failed page again (store/ingest.RetryPolicy): the wait doubles with each
failure, the tries end after ``retries``, and a stamp with or without its zone (SQLite keeps none,
PostgreSQL does) is read as UTC."""

from __future__ import annotations

import datetime as dt

import pytest

from blickwinkel.store.ingest import RetryPolicy
from blickwinkel.store.records import Failure

FAILED = dt.datetime(2031, 5, 3, 12, 0, tzinfo=dt.UTC)


def _failure(attempts: int, zone: bool = True) -> Failure:
    last = FAILED if zone else FAILED.replace(tzinfo=None)
    return Failure("https://news.example/pier", "[I044] HTTP 404", attempts, last, last)


@pytest.mark.parametrize("zone", [True, False])
@pytest.mark.parametrize(
    ("attempts", "minutes", "state"),
    [
        (1, 4, "waiting"),
        (1, 5, "due"),
        (2, 9, "waiting"),
        (2, 10, "due"),
        (3, 19, "waiting"),
        (3, 20, "due"),
        (4, 10_000, "ended"),
    ],
)
def test_the_wait_doubles_and_the_tries_end(attempts: int, minutes: int, state: str, zone: bool) -> None:
    policy = RetryPolicy(retries=3, wait=300)
    now = FAILED + dt.timedelta(minutes=minutes)
    assert policy.state(_failure(attempts, zone), now) == state


def test_no_retries_means_watch_never_fetches_a_failed_page_again() -> None:
    assert RetryPolicy(retries=0, wait=0).state(_failure(1), FAILED) == "ended"
