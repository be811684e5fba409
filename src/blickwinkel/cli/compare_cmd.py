"""``blickwinkel compare``: read articles, compare them, show the result."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from blickwinkel.cli._exit import allow_quick_exit
from blickwinkel.cli._messages import (
    print_error,
    print_plain,
    print_warning,
    stderr_console,
    warn_reading_notes,
    warn_skipped_folders,
)
from blickwinkel.cli.ingest_cmd import AllowNetworksOption, FetchLinksOption
from blickwinkel.errors import BlickwinkelError, Errors

if TYPE_CHECKING:
    from blickwinkel.ingest.fetch import Fetcher
    from blickwinkel.model import Article, Comparison


# The link_embedder setting, for `compare` and `eval compare` alike.
LinkEmbedderOption = Annotated[
    str | None,
    typer.Option(
        help="Second embedder the link model reads for uncertain pairs: auto (e5 for English pairs), "
        "e5 (every language, slower) or none; auto+words or e5+words add the soft word alignment of the "
        "pairs still uncertain (more links, more CPU)."
    ),
]


# The report_language setting, for `compare` and `stories` alike.
LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        help="Language of the report's words: de, en or auto (default: the language most articles are "
        "in, German on a tie; the report_language setting).",
    ),
]


class Format(StrEnum):
    terminal = "terminal"
    json = "json"
    html = "html"


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD, e.g. 2025-03-12.") from None


def compare(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Article files (txt, md, html, json, jsonl, saved RSS/Atom), directories, article URLs, "
            "or - for stdin."
        ),
    ],
    format: Annotated[
        Format | None, typer.Option("--format", "-f", help="terminal (default), json or html.")
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to this file; .html, .json or .txt sets the format (another suffix needs --format).",
        ),
    ] = None,
    embedder: Annotated[str | None, typer.Option(help="Embedding backend: use (default) or e5.")] = None,
    outlet: Annotated[
        str | None, typer.Option(help="Outlet name for all inputs (overrides the files).")
    ] = None,
    date: Annotated[
        str | None, typer.Option(help="Publication date YYYY-MM-DD for all inputs (overrides the files).")
    ] = None,
    max_file_mb: Annotated[float | None, typer.Option(help="Refuse inputs larger than this (MB).")] = None,
    threshold: Annotated[
        float | None, typer.Option(help="Alignment score needed for two statements to state one fact.")
    ] = None,
    link_embedder: LinkEmbedderOption = None,
    allow_network: AllowNetworksOption = None,
    fetch_links: FetchLinksOption = False,
    lang: LangOption = None,
) -> None:
    """Compare articles about one event: shared facts, facts only one outlet reports, conflicts."""
    from blickwinkel.cli import _background
    from blickwinkel.config import load_settings
    from blickwinkel.pipeline import compare_inputs

    # Whatever way this returns, it has closed what it opened (the report is written in a with
    # block): the process may end without Python's teardown (cli/_exit.py).
    allow_quick_exit()
    # A command in a process of its own: the German tagger's vectors may be computed in a child
    # process while the analysis goes on (cli/_background.py).
    _background.allow()
    fetcher = _LazyFetcher(allow_network)
    try:
        settings = load_settings(
            {
                "embedder": embedder,
                "max_file_mb": max_file_mb,
                "align_threshold": threshold,
                "link_embedder": link_embedder,
                "report_language": lang,
            }
        )
        _check_output(output)
        chosen = format or _format_of(output)
        warn_skipped_folders(inputs)
        run = compare_inputs(
            inputs,
            embedder=settings.embedder,
            outlet=outlet,
            published=_parse_date(date),
            max_bytes=int(settings.max_file_mb * 1_000_000),
            threshold=settings.align_threshold,
            stdin=sys.stdin.buffer,
            max_chars=settings.compare_max_chars,
            link_embedder=settings.link_embedder,
            fetch=fetcher.fetch,
            on_read=_warn_many,
            fetch_links=fetch_links,
        )
    except BlickwinkelError as exc:
        print_error(stderr_console(), exc)
        raise typer.Exit(2) from None
    finally:
        fetcher.close()
    for failure in run.failures:
        print_error(stderr_console(), failure)
    warn_reading_notes([*run.notes, *(note for a in run.articles for note in a.notes)])
    assert run.comparison is not None
    try:
        _render(run.comparison, chosen, output, settings.report_language)
    except OSError as exc:
        shown = output if output is not None else "standard output"  # (it said "None: cannot write")
        print_error(stderr_console(), Errors.K006.format(output=shown, problem=exc.strerror or exc))
        raise typer.Exit(2) from None
    from blickwinkel.report.labels import separate_events_note, thin_languages_note
    from blickwinkel.report.texts import report_language

    # what to know of the comparison, in the report's words (its HTML form shows the same notes)
    language = report_language(
        (a.article.language for a in run.comparison.articles), settings.report_language
    )
    for note in (
        separate_events_note(run.comparison, language),
        thin_languages_note(run.comparison, language),
    ):
        if note is not None:
            print_warning(stderr_console(), note)
    if run.failures:
        stderr_console().print(
            f"{len(run.failures)} input(s) could not be read; compared the other {len(run.articles)}."
        )
        raise typer.Exit(1)


def _warn_many(articles: Sequence[object]) -> None:
    """Warn before comparing many articles (an export of hundreds ran for many minutes without a word):
    ``compare`` takes its inputs as one event; ``stories`` sorts an archive into events first."""
    from blickwinkel.report.labels import MANY_ARTICLES

    if len(articles) > MANY_ARTICLES:
        print_warning(
            stderr_console(),
            f"comparing {len(articles)} articles as one event; this takes minutes (50 take about 20 s). "
            "`blickwinkel stories` (or `ingest` and `serve`) groups an archive into events first",
        )


class _LazyFetcher:
    """Fetches articles on the fetch settings, opening the fetcher at the first address: a web address
    among the inputs (it was "file not found"), a saved feed's links to fetch or the addresses of a
    list of them (``urls.txt``), which only reading the file shows."""

    def __init__(self, allow_networks: list[str] | None) -> None:
        self.allow_networks = allow_networks
        self.fetcher: Fetcher | None = None

    def fetch(self, url: str) -> Article:
        from blickwinkel.cli.ingest_cmd import open_fetcher
        from blickwinkel.ingest.page import fetch_article

        if self.fetcher is None:
            self.fetcher = open_fetcher(self.allow_networks)
        return fetch_article(self.fetcher, url)

    def close(self) -> None:
        if self.fetcher is not None:
            self.fetcher.close()


def _check_output(output: Path | None) -> None:
    """Refuse an --output that cannot be written before the comparison runs (it used to end, after
    the whole analysis, in a FileNotFoundError traceback)."""
    if output is None:
        return
    if output.is_dir():
        print_error(stderr_console(), Errors.K007.format(output=output))
        raise typer.Exit(2)
    if not output.parent.is_dir():
        print_error(stderr_console(), Errors.K008.format(output=output, folder=output.parent))
        raise typer.Exit(2)


# The format an --output file name asks for when --format is not given (no suffix: plain text).
_SUFFIX_FORMATS = {
    "": Format.terminal,
    ".txt": Format.terminal,
    ".text": Format.terminal,
    ".json": Format.json,
    ".html": Format.html,
    ".htm": Format.html,
}


def _format_of(output: Path | None) -> Format:
    """The format for ``output``'s suffix; an unknown suffix is refused before the comparison runs
    (``-o report.pdf`` used to write terminal text into a file named .pdf)."""
    if output is None:
        return Format.terminal
    chosen = _SUFFIX_FORMATS.get(output.suffix.lower())
    if chosen is None:
        print_error(stderr_console(), Errors.K009.format(output=output, suffix=output.suffix))
        raise typer.Exit(2)
    return chosen


def _render(comparison: Comparison, chosen: Format, output: Path | None, language: str) -> None:
    """Write the report in ``chosen`` format; its words in ``language`` (the report_language setting:
    "de", "en" or "auto"; the JSON has no words of its own)."""
    if chosen is Format.terminal:
        from blickwinkel.cli._messages import report_console
        from blickwinkel.report.terminal import print_terminal

        if output is None:
            print_terminal(comparison, report_console(), language)
        else:
            with output.open("w", encoding="utf-8") as fh:
                print_terminal(comparison, report_console(fh), language)
            print_plain(stderr_console(), f"wrote {output}")
    elif chosen is Format.json:
        from blickwinkel.report.json_report import render_json

        _write(render_json(comparison), output)
    else:
        from blickwinkel.report.html import render_html

        _write(render_html(comparison, language=language), output)


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        print_plain(stderr_console(), f"wrote {output}")


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    app.command("compare")(compare)
