"""``blickwinkel outlets``: each outlet's figures across the compared stories of a store, as a table
or as JSON."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from blickwinkel.compare.outlet_totals import OutletTotals
from blickwinkel.report.texts import counted_in, texts


def outlet_totals_json(totals: Sequence[OutletTotals], compared: int, not_compared: int) -> dict[str, Any]:
    return {
        "stories_compared": compared,
        "stories_not_compared": not_compared,
        "outlets": [t.to_json() for t in totals],
    }


def _with_share(count: int, share: float | None) -> str:
    return f"{count} ({share:.0%})" if share is not None else str(count)


def outlet_totals_table(
    totals: Sequence[OutletTotals], compared: int, not_compared: int, language: str = "en"
) -> RenderableType:
    """One row per outlet, then each outlet's most quoted speakers; the heading says how many stories
    were compared and how many not yet (a story is compared when it is first viewed in ``serve``). Its
    words are ``language``'s ("de" or "en"; the one word table, report/texts.py)."""
    words = texts(language)
    heading = Text(
        words["outlets_across"].format(compared=counted_in(compared, "compared_stories", language))
    )
    if not_compared:
        pending = counted_in(not_compared, "story_count", language)
        heading.append(words["outlets_pending"].format(not_compared=pending), style="dim")
    if not totals:
        return Group(heading, Text(words["no_outlet_compared"], style="dim"))
    table = Table(title_justify="left")
    keys = ("outlet", "stories", "articles", "facts", "shared", "only_here", "conflicts", "opinion", "quotes")
    for col in (words[f"col_{key}"] for key in keys):
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
    quoted = [Text(words["most_quoted"], style="bold")]
    for t in totals:
        if t.speakers:
            line = Text("  • ")
            line.append(t.outlet, style="bold")
            line.append(": " + ", ".join(f"{name} ({n})" for name, n in t.speakers))
            quoted.append(line)
    return Group(heading, table, *(quoted if len(quoted) > 1 else ()))
