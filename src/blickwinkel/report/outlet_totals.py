"""``blickwinkel outlets``: each outlet's figures across the compared stories of a store, as a table
or as JSON."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from blickwinkel.compare.outlet_totals import OutletTotals
from blickwinkel.report.texts import counted


def outlet_totals_json(totals: Sequence[OutletTotals], compared: int, not_compared: int) -> dict[str, Any]:
    return {
        "stories_compared": compared,
        "stories_not_compared": not_compared,
        "outlets": [t.to_json() for t in totals],
    }


def _with_share(count: int, share: float | None) -> str:
    return f"{count} ({share:.0%})" if share is not None else str(count)


def outlet_totals_table(totals: Sequence[OutletTotals], compared: int, not_compared: int) -> RenderableType:
    """One row per outlet, then each outlet's most quoted speakers; the heading says how many stories
    were compared and how many not yet (a story is compared when it is first viewed in ``serve``)."""
    heading = Text(f"Outlets across {counted(compared, 'compared story', 'compared stories')}")
    if not_compared:
        heading.append(
            f"; {counted(not_compared, 'story', 'stories')} of two or more articles not compared yet"
            " (a story is compared when it is first viewed in `blickwinkel serve`)",
            style="dim",
        )
    if not totals:
        return Group(heading, Text("No outlet has an article in a compared story.", style="dim"))
    table = Table(title_justify="left")
    columns = ("outlet", "stories", "articles", "facts", "shared", "only here", "conflicts", "opinion")
    for col in (*columns, "quotes"):
        # a header never split mid-word (as the comparison's outlet table)
        table.add_column(col, overflow="fold", min_width=max(len(w) for w in col.split()))
    for t in totals:
        table.add_row(
            Text(t.outlet),
            str(t.stories),
            str(t.articles),
            str(t.facts),
            _with_share(t.shared_facts, t.shared_share),
            _with_share(t.unique_facts, t.unique_share),
            str(t.conflicting_facts),
            f"{t.opinion_share:.0%}" if t.opinion_share is not None else "—",
            str(t.quotes),
        )
    quoted = [Text("Most quoted (in how many of its articles)", style="bold")]
    for t in totals:
        if t.speakers:
            line = Text("  • ")
            line.append(t.outlet, style="bold")
            line.append(": " + ", ".join(f"{name} ({n})" for name, n in t.speakers))
            quoted.append(line)
    return Group(heading, table, *(quoted if len(quoted) > 1 else ()))
