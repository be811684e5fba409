"""``blickwinkel ingest``, ``blickwinkel feeds`` and ``blickwinkel watch``: fill the store."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Annotated

import typer

from blickwinkel.cli._messages import (
    plain,
    print_error,
    print_plain,
    print_warning,
    report_console,
    stderr_console,
    stdout_console,
    warn_reading_notes,
    warn_skipped_folders,
    warn_unnamed_outlets,
)
from blickwinkel.errors import BlickwinkelError

if TYPE_CHECKING:
    from rich.progress import ProgressColumn

    from blickwinkel.ingest.fetch import Fetcher
    from blickwinkel.store import Store
    from blickwinkel.store.ingest import IngestCounts

# Failures printed after a run; the rest are counted (all of them: `ingest --failed`).
SHOWN_ERRORS = 20
LOGGED_PROGRESS_SECONDS = 60.0
"""How often an ingest written to a pipe or a log (no progress bar there) says how far it is."""

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database URL (sqlite:///file.db or postgresql://…); default: the db setting."),
]
AllowNetworksOption = Annotated[
    list[str] | None,
    typer.Option(
        "--allow-network",
        metavar="CIDR",
        help="Let URLs reach this loopback or private network, e.g. 127.0.0.0/8 (repeatable).",
    ),
]

# compare, stories and ingest read a saved feed file alike (ingest/feeds.py).
FetchLinksOption = Annotated[
    bool,
    typer.Option(
        "--fetch-links",
        help="Fetch the page of each entry of a saved RSS/Atom file that has a link but no text of its "
        "own (a saved feed is read offline otherwise).",
    ),
]


def _rate_column() -> ProgressColumn:
    """A progress column with the articles stored per second."""
    from rich.progress import ProgressColumn, Task
    from rich.text import Text

    class RateColumn(ProgressColumn):
        def render(self, task: Task) -> Text:
            elapsed = task.elapsed or 0.0
            stored = task.fields.get("stored", 0)
            rate = stored / elapsed if elapsed > 0 else 0.0
            return Text(f"{rate:.1f} articles/s", style="progress.data.speed")

    return RateColumn()


def open_fetcher(allow_networks: list[str] | None = None) -> Fetcher:
    """The fetcher of the settings' fetch policy, with ``--allow-network``'s networks added."""
    from blickwinkel.config import load_settings
    from blickwinkel.ingest.fetch import Fetcher
    from blickwinkel.web.options import fetch_policy, service_options

    given = ",".join(allow_networks) if allow_networks else None
    options = service_options(load_settings({}), fetch_allow_networks=given)
    return Fetcher(fetch_policy(options))


def _open(db: str | None, allow_networks: list[str] | None = None) -> tuple[Store, Fetcher]:
    from blickwinkel.config import load_settings
    from blickwinkel.store import open_store

    settings = load_settings({"db": db})
    return open_store(settings.db), open_fetcher(allow_networks)


def _db_option(db: str | None) -> str:
    """`` --db URL`` to repeat in a follow-up command (without it, the hint read the default store
    and said "No failed inputs."); a password in the URL is not printed."""
    import shlex
    import urllib.parse

    if not db:
        return ""
    try:
        password = urllib.parse.urlsplit(db).password
    except ValueError:  # not a URL urllib can split: it might hide a password
        return " --db URL"
    if password is not None:
        return " --db URL"
    return f" --db {shlex.quote(db)}"


def _run(
    sources: list[str] | None,
    db: str | None,
    *,
    feeds: bool,
    analysis: bool,
    allow_networks: list[str] | None,
    max_file_mb: float | None = None,
    fetch_links: bool = False,
    warned_entries: set[str] | None = None,
) -> IngestCounts:
    """Ingest ``sources`` (or poll the stored feeds) under a progress bar; print the counts."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from blickwinkel.config import load_settings
    from blickwinkel.report.texts import counted
    from blickwinkel.store.ingest import IngestCounts, Ingestor, RetryPolicy, default_analyser

    err = stderr_console()
    settings = load_settings({"db": db, "max_file_mb": max_file_mb})
    store, fetcher = _open(db, allow_networks)
    warn_skipped_folders(sources or [])
    counts = IngestCounts()
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}", markup=False, style="bold"),
        TextColumn(
            "stored {task.fields[stored]} · duplicates {task.fields[duplicates]} "
            "· failed {task.fields[failed]}"
        ),
        _rate_column(),
        TimeElapsedColumn(),
        console=err,
        transient=False,
        disable=not err.is_terminal,  # piped: only the counts below
    ) as progress:
        task = progress.add_task("ingest", stored=0, duplicates=0, failed=0)
        tally = {"stored": 0, "updated": 0, "duplicate": 0, "failed": 0}
        started = logged = time.monotonic()

        def report(outcome: str, source: str) -> None:
            nonlocal logged
            tally[outcome] += 1
            stored = tally["stored"] + tally["updated"]
            progress.update(
                task,
                stored=stored,
                duplicates=tally["duplicate"],
                failed=tally["failed"],
                description=source[-50:],
            )
            # Piped or in a log there is no bar: a line now and then tells a slow run from a hung one
            # (300 records ran a quarter of an hour without a line).
            now = time.monotonic()
            if not err.is_terminal and now - logged >= LOGGED_PROGRESS_SECONDS:
                logged = now
                minutes, seconds = divmod(int(now - started), 60)
                print_plain(
                    err,
                    f"so far: {stored} stored, {tally['duplicate']} already stored, {tally['failed']} "
                    f"failed ({minutes}:{seconds:02d})",
                )

        ingestor = Ingestor(
            store,
            embedder=settings.embedder,
            fetcher=fetcher,
            analyser=default_analyser if analysis else None,
            max_bytes=int(settings.max_file_mb * 1_000_000),
            progress=report,
            window_days=settings.story_window_days,
            # a saved feed file is read offline unless its links are asked for (--allow-network names
            # private networks a fetch may reach; it is no switch for fetching)
            fetch_feed_links=fetch_links,
            warned_entries=warned_entries,
            retry=RetryPolicy(settings.watch_retries, settings.watch_retry_wait),
        )
        counts = ingestor.poll_feeds() if feeds else ingestor.ingest(sources or [])
        progress.update(task, description="done")
    # Each failure of this run on its own line, as compare and stories print them: the counts alone
    # ("14 failed") sent the user to `--failed`, which also lists the failures of earlier runs.
    for error in counts.errors[:SHOWN_ERRORS]:
        print_error(err, error)
    warn_reading_notes(counts.notes)
    warn_unnamed_outlets(counts.unnamed_outlets)
    if len(counts.errors) > SHOWN_ERRORS:
        print_plain(err, f"… and {len(counts.errors) - SHOWN_ERRORS} more")
    # one line each however narrow the terminal (a log, a pipe: 80 columns): the hint is a command to
    # copy, and broken before its URL it ran on the default store
    print_plain(
        err,
        f"{counts.stored} stored, "
        + (f"{counts.updated} updated (edited since stored), " if counts.updated else "")
        + f"{counts.duplicates} already stored, {counts.failed} failed, "
        f"{counted(counts.new_stories, 'new story', 'new stories')}"
        + (f", {counts.unanalysed} stored without analysis" if counts.unanalysed else ""),
    )
    if counts.retried or counts.retry_waiting:
        print_plain(err, _retried(counts, db))
    if counts.failed:
        print_plain(err, f"List the failures with: blickwinkel ingest --failed{_db_option(db)}")
    store.close()
    return counts


def _retried(counts: IngestCounts, db: str | None) -> str:
    """What `watch` made of the pages that failed before: a feed answering 304 Not Modified left
    them failed without a word until it changed."""
    from blickwinkel.report.texts import counted

    parts = []
    if counts.retried:
        parts.append(
            f"retried {counted(counts.retried, 'page', 'pages')} that failed before: "
            f"{counts.retried - counts.retried_failed} stored, {counts.retried_failed} failed again"
            + (
                f" ({counts.retries_ended} for the last time; fetch again with: blickwinkel ingest "
                f"--retry{_db_option(db)})"
                if counts.retries_ended
                else ""
            )
        )
    if counts.retry_waiting:
        parts.append(
            f"{counted(counts.retry_waiting, 'failed page waits', 'failed pages wait')} for a later poll"
        )
    return "; ".join(parts)


def ingest(
    sources: Annotated[
        list[str] | None,
        typer.Argument(help="Files, directories, JSONL, saved RSS/Atom files, article URLs or feed URLs."),
    ] = None,
    db: DbOption = None,
    failed: Annotated[
        bool,
        typer.Option(
            "--failed", help="List the inputs that failed, with the reason and the feed of each page."
        ),
    ] = False,
    retry: Annotated[
        bool,
        typer.Option(
            "--retry",
            help="Ingest the inputs that failed before once more (a feed's pages are `watch`'s until "
            "its tries end).",
        ),
    ] = False,
    analysis: Annotated[
        bool, typer.Option(help="Analyse articles (statements, entities) while storing.")
    ] = True,
    allow_networks: AllowNetworksOption = None,
    max_file_mb: Annotated[
        float | None,
        typer.Option(help="Refuse files larger than this (MB; default: the 'max_file_mb' setting)."),
    ] = None,
    fetch_links: FetchLinksOption = False,
) -> None:
    """Store articles, assigning each to a story; a re-run skips what is stored."""
    err = stderr_console()
    try:
        if failed:
            from blickwinkel.config import load_settings
            from blickwinkel.store import open_store

            store = open_store(load_settings({"db": db}).db)
            rows = store.failures()
            store.close()
            if not rows:
                err.print("No failed inputs.")
                return
            # One failure a block: its source whole on one line (to copy), then why, then the counts.
            # (A table gave the source all of a narrow terminal's or a pipe's 80 columns and the
            # reason, attempts and feed none: they were not shown at all.)
            out = stdout_console()
            for row in rows:
                feed = f"{row.feed_id}: {row.feed}" if row.feed_id is not None else "—"
                when = row.last_failed.strftime("%Y-%m-%d %H:%M")
                out.print(row.source, soft_wrap=True)
                out.print(f"  {row.reason}", soft_wrap=True)
                out.print(f"  attempts {row.attempts} · last failed {when} · feed {feed}", soft_wrap=True)
            return
        if retry:
            from blickwinkel.config import load_settings
            from blickwinkel.report.texts import counted
            from blickwinkel.store import open_store
            from blickwinkel.store.ingest import RetryPolicy, failures_to_retry

            settings = load_settings({"db": db})
            store = open_store(settings.db)
            try:
                # a failed record is read again with its file; a feed's page is watch's until its
                # tries end
                owed = failures_to_retry(
                    store, RetryPolicy(settings.watch_retries, settings.watch_retry_wait)
                )
            finally:
                store.close()
            sources = list(dict.fromkeys([*(sources or []), *owed.sources]))
            if owed.left_to_watch:
                print_plain(
                    err,
                    counted(owed.left_to_watch, "failed page", "failed pages")
                    + f" of the feeds left to `blickwinkel watch{_db_option(db)}` (fetched again there "
                    "when due)",
                )
            if not sources:  # was "give files, directories or URLs … (or --failed, --retry)"
                err.print("No failed inputs to retry.")
                return
        if not sources:
            raise typer.BadParameter("give files, directories or URLs to ingest (or --failed, --retry)")
        counts = _run(
            sources,
            db,
            feeds=False,
            analysis=analysis,
            allow_networks=allow_networks,
            max_file_mb=max_file_mb,
            fetch_links=fetch_links,
        )
    except BlickwinkelError as exc:
        print_error(err, exc)
        raise typer.Exit(2) from None
    if counts.failed:
        raise typer.Exit(1)  # some inputs failed; the others are stored


feeds_app = typer.Typer(help="The RSS/Atom feeds that `blickwinkel watch` polls.", no_args_is_help=True)


@feeds_app.command("add")
def feeds_add(
    url: Annotated[str, typer.Argument(help="Feed URL (RSS or Atom).")],
    db: DbOption = None,
    allow_networks: AllowNetworksOption = None,
) -> None:
    """Remember a feed; `blickwinkel watch` fetches its new entries."""
    err = stderr_console()
    try:
        # the same --allow-network as watch and ingest: a feed on the newsroom's own network was
        # refused here while `watch --allow-network` would have fetched it
        from blickwinkel.store.ingest import add_checked_feed

        store, fetcher = _open(db, allow_networks)
        try:
            # an article page's address was taken, and every `watch` failed on it
            feed, problem = add_checked_feed(store, fetcher, url)
        finally:
            store.close()
        print_plain(err, f"feed {feed.id}: {feed.url}")
        if problem is not None:
            print_warning(err, f"{feed.url}: {problem}")
    except BlickwinkelError as exc:
        print_error(err, exc)
        raise typer.Exit(2) from None


@feeds_app.command("remove")
def feeds_remove(
    feed: Annotated[str, typer.Argument(help="The feed's id or URL (as `blickwinkel feeds list` shows it).")],
    db: DbOption = None,
) -> None:
    """Forget a feed: `watch` no longer fetches it (its stored articles stay)."""
    from blickwinkel.config import load_settings
    from blickwinkel.errors import Errors, StoreError
    from blickwinkel.store import open_store

    # A feed added by mistake (an article page, a typo) was fetched and failed at every poll, for good.
    err = stderr_console()
    try:
        store = open_store(load_settings({"db": db}).db)
        try:
            removed = store.remove_feed(feed)
        finally:
            store.close()
        if removed is None:
            raise StoreError(Errors.S012.format(feed=feed, db=_db_option(db)))
    except BlickwinkelError as exc:
        print_error(err, exc)
        raise typer.Exit(2) from None
    print_plain(err, f"removed feed {removed.id}: {removed.url}")


@feeds_app.command("list")
def feeds_list(db: DbOption = None) -> None:
    """The feeds, how their last fetch went and how many of their pages failed."""
    from collections import Counter

    from rich.table import Column, Table

    from blickwinkel.config import load_settings
    from blickwinkel.store import open_store

    try:  # a bad --db or settings file used to end in a traceback here
        store = open_store(load_settings({"db": db}).db)
        feeds = store.feeds()
        failed = Counter(f.feed_id for f in store.failures() if f.feed_id is not None)
    except BlickwinkelError as exc:
        print_error(stderr_console(), exc)
        raise typer.Exit(2) from None
    if not feeds:
        store.close()
        stderr_console().print(
            plain("No feeds yet; add one with: blickwinkel feeds add URL" + _db_option(db))
        )
        return
    # "failed": its pages (and its own address) among the failures (`ingest --failed` lists them)
    # The address whole, on one line where it fits and folded where it must be: piped it was cut
    # ("http://127.0.0.…") and `feeds list | grep` found nothing; a pipe or a file is 120 wide, as a report.
    address = Column("url", overflow="fold", min_width=min(max(len(f.url) for f in feeds), 80))
    table = Table("id", address, "title", "last fetched", "status", "error", "failed")
    for f in feeds:
        fetched = f.last_fetched.strftime("%Y-%m-%d %H:%M") if f.last_fetched else "—"
        table.add_row(
            str(f.id),
            plain(f.url),
            plain(f.title or ""),
            fetched,
            str(f.last_status or ""),
            plain(f.last_error or ""),
            str(failed[f.id]),
        )
    store.close()
    report_console().print(table)


def _has_feeds(db: str | None) -> bool:
    from blickwinkel.config import load_settings
    from blickwinkel.store import open_store

    store = open_store(load_settings({"db": db}).db)
    try:
        return bool(store.feeds())
    finally:
        store.close()


def watch(
    db: DbOption = None,
    interval: Annotated[float, typer.Option(help="Seconds between two polls of all feeds.", min=1.0)] = 600.0,
    once: Annotated[bool, typer.Option("--once", help="Poll every feed once and stop.")] = False,
    analysis: Annotated[bool, typer.Option(help="Analyse articles while storing.")] = True,
    allow_networks: AllowNetworksOption = None,
) -> None:
    """Poll the stored feeds and ingest their new entries, until interrupted (or once)."""
    err = stderr_console()
    try:
        if not _has_feeds(db):
            # It polled nothing and printed "0 stored, 0 already stored, 0 failed, 0 new stories" (or,
            # without --once, said nothing at all while it waited).
            print_plain(err, "No feeds yet; add one with: blickwinkel feeds add URL" + _db_option(db))
            if once:
                return
        warned: set[str] = set()  # each feed entry without a link is named once, not at every poll
        while True:
            _run(
                None, db, feeds=True, analysis=analysis, allow_networks=allow_networks, warned_entries=warned
            )
            if once:
                return
            time.sleep(interval)
    except BlickwinkelError as exc:
        print_error(err, exc)
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        err.print("stopped")


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    """Add ``ingest``, ``feeds`` and ``watch`` to the app."""
    app.command("ingest")(ingest)
    app.add_typer(feeds_app, name="feeds")
    app.command("watch")(watch)
