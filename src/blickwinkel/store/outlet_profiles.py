"""The outlets' figures across the comparisons the store keeps: what ``blickwinkel outlets``, the API's
``/api/v1/outlets`` and the outlets page show. Nothing is compared or parsed here (the store sums the
figures kept beside each comparison); the stories not compared yet are counted."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any

from blickwinkel.compare.outlet_totals import OutletTotals, totals_of
from blickwinkel.store._store import Store


@dataclass(frozen=True)
class OutletProfiles:
    """Each outlet's figures across the stored comparisons (:func:`outlet_profiles`), in the order of
    :func:`blickwinkel.compare.outlet_totals.outlet_totals` and as the API's ``profile`` by name."""

    totals: tuple[OutletTotals, ...]
    compared: int
    not_compared: int

    @functools.cached_property
    def by_outlet(self) -> dict[str, dict[str, Any]]:
        """Built once: the API and the outlets page ask it once an outlet (it was built anew each time,
        so a store of many outlets took time in the square of their number)."""
        return {t.outlet: {k: v for k, v in t.to_json().items() if k != "outlet"} for t in self.totals}


def outlet_profiles(
    store: Store, *, since: dt.date | None = None, until: dt.date | None = None
) -> OutletProfiles:
    """The outlets' figures over the comparisons the store keeps of the stories of the window, summed
    from the figures kept beside each comparison; nothing is compared here (the stories not compared
    yet are counted). The figures of comparisons stored before they were kept (migration 0008) are
    kept first, once."""
    store.fill_figures()
    kept = store.outlet_figures(since=since, until=until)
    return OutletProfiles(tuple(totals_of(kept.sums, kept.speakers)), kept.compared, kept.not_compared)
