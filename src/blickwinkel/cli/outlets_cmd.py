"""``blickwinkel outlets``: each outlet's figures across the stories of a store that were compared."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from blickwinkel.cli._messages import print_error, print_plain, stderr_console
from blickwinkel.cli.compare_cmd import LangOption
from blickwinkel.cli.ingest_cmd import DbOption
from blickwinkel.errors import BlickwinkelError

if TYPE_CHECKING:
    from blickwinkel.config import Settings
    from blickwinkel.store import Store

_DAY = ["%Y-%m-%d"]


def outlets(
    db: DbOption = None,
    since: Annotated[
        dt.datetime | None,
        typer.Option(formats=_DAY, help="Only stories whose last day is on or after this day (YYYY-MM-DD)."),
    ] = None,
    until: Annotated[
        dt.datetime | None,
        typer.Option(
            formats=_DAY, help="Only stories whose first day is on or before this day (YYYY-MM-DD)."
        ),
    ] = None,
    output_format: Annotated[
        Literal["text", "json"], typer.Option("--format", "-f", help="text (default) or json.")
    ] = "text",
    compare_missing: Annotated[
        bool,
        typer.Option(
            "--compare-missing",
            help="First compare every story of two or more articles (of the window) not compared yet, "
            "one at a time, each kept as it ends: a run stopped goes on where it stopped when run again.",
        ),
    ] = False,
    processes: Annotated[
        int,
        typer.Option(
            help="With --compare-missing: stories compared at once, each in a process of its own that "
            "loads the models (about 0.5 GB); 1 (default): one at a time in the command's process.",
            min=1,
            max=64,
        ),
    ] = 1,
    lang: LangOption = None,
) -> None:
    """Per outlet, across the stored comparisons of the stories (of two or more articles): stories,
    articles, facts, shared with other outlets and only its own, conflicts, opinion share, quotes and
    the most quoted speakers. Stories not compared yet are counted, not compared (a story is compared
    when it is first viewed in `blickwinkel serve`), unless --compare-missing compares them first."""
    from blickwinkel.cli._messages import report_console
    from blickwinkel.config import load_settings
    from blickwinkel.report.outlet_totals import outlet_totals_json, outlet_totals_table
    from blickwinkel.report.texts import report_language
    from blickwinkel.store import open_store
    from blickwinkel.store.outlet_profiles import outlet_profiles

    if processes > 1 and not compare_missing:
        # it was ignored without a word: the figures were summed as they stood
        raise typer.BadParameter("compares stories, so it needs --compare-missing", param_hint="--processes")
    first, last = since.date() if since else None, until.date() if until else None
    err = stderr_console()
    try:
        settings = load_settings({"db": db, "report_language": lang})
        store = open_store(settings.db, create=False)
        try:
            if compare_missing and not _compare_missing(store, settings, first, last, processes):
                raise typer.Exit(130)
            profiles = outlet_profiles(store, since=first, until=last)
            # "auto": German when at least as many stored articles are German as English
            languages = store.article_languages() if settings.report_language not in ("de", "en") else {}
        finally:
            store.close()
    except BlickwinkelError as exc:
        print_error(err, exc)
        raise typer.Exit(2) from None
    totals, compared, not_compared = profiles.totals, profiles.compared, profiles.not_compared
    if output_format == "json":
        typer.echo(
            json.dumps(outlet_totals_json(totals, compared, not_compared), ensure_ascii=False, indent=2)
        )
    else:
        language = report_language(Counter(languages).elements(), settings.report_language)
        report_console().print(outlet_totals_table(totals, compared, not_compared, language))


def _compare_missing(
    store: Store, settings: Settings, since: dt.date | None, until: dt.date | None, processes: int
) -> bool:
    """Compare the stories not compared yet under a progress bar (on a terminal; nothing when piped),
    ``processes`` at once, then say what was done and name each failure; False when interrupted."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from blickwinkel.report.texts import counted
    from blickwinkel.web.compare_missing import compare_missing, local_comparer
    from blickwinkel.web.service import Comparer, ComparisonProcesses, Comparisons

    err = stderr_console()
    pool = None
    comparer: Comparer = local_comparer(store, settings.embedder, settings.align_threshold)
    if processes > 1:
        pool = ComparisonProcesses(settings.embedder, settings.align_threshold, processes)
        comparer = pool.keeping_vectors(store)
    comparisons = Comparisons(store, comparer, settings.embedder, max_chars=settings.compare_max_chars)
    done = {"compared": 0, "changed": 0, "failed": 0}
    with Progress(
        TextColumn("comparing stories", style="bold"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("failed {task.fields[failed]}"),
        TimeRemainingColumn(),
        console=err,
        disable=not err.is_terminal,  # piped: only the summary below
    ) as progress:
        task = progress.add_task("compare", total=None, failed=0)

        def report(_story: int, outcome: str) -> None:
            done[outcome] += 1
            progress.update(task, advance=1, failed=done["failed"])

        try:
            run = compare_missing(
                comparisons,
                since=since,
                until=until,
                started=lambda total: progress.update(task, total=total),
                progress=report,
                workers=processes,
            )
        except KeyboardInterrupt:
            run = None
        finally:
            comparisons.close()
            if pool is not None:
                pool.close()
    if run is None:
        print_plain(
            err,
            f"stopped after {counted(done['compared'], 'story', 'stories')} compared (each is kept); "
            "run the command again to compare the rest",
        )
        return False
    for error in run.errors:
        print_error(err, error)
    print_plain(
        err,
        f"compared {run.compared} of the {counted(run.stories, 'story', 'stories')} not compared yet"
        + (f", {run.changed} changed meanwhile (left for the next run)" if run.changed else "")
        + (f", {len(run.errors)} failed" if run.errors else ""),
    )
    return True


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    """Add ``outlets`` to the app."""
    app.command("outlets")(outlets)
