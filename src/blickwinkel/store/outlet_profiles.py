"""The outlets' figures across the comparisons the store keeps: what ``blickwinkel outlets``, the API's
``/api/v1/outlets`` and the outlets page show. Nothing is compared here; the stories not compared yet
are counted."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from blickwinkel.compare.outlet_totals import OutletTotals, outlet_totals
from blickwinkel.store._store import Store


@dataclass(frozen=True)
class OutletProfiles:
    """Each outlet's figures across the stored comparisons (:func:`outlet_profiles`), in the order of
    :func:`blickwinkel.compare.outlet_totals.outlet_totals` and as the API's ``profile`` by name."""

    totals: tuple[OutletTotals, ...]
    compared: int
    not_compared: int

    @property
    def by_outlet(self) -> dict[str, dict[str, Any]]:
        return {t.outlet: {k: v for k, v in t.to_json().items() if k != "outlet"} for t in self.totals}


def outlet_profiles(
    store: Store, *, since: dt.date | None = None, until: dt.date | None = None
) -> OutletProfiles:
    """The outlets' figures over the comparisons the store keeps of the stories of the window; nothing
    is compared here (the stories not compared yet are counted)."""
    stories = store.compared_stories(since=since, until=until)
    totals = outlet_totals((c.story_id, c.body, c.outlets) for c in stories.comparisons)
    return OutletProfiles(tuple(totals), len(stories.comparisons), stories.not_compared)
