"""Printing user-facing messages: always as plain text, never interpreted as rich markup.

Error messages name file paths, URLs and field values, any of which may hold ``[/]`` or ``[bold]``;
read as markup they would raise ``MarkupError`` or restyle the output. rich itself is imported when
something is printed, not when a command starts.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text


def help_text(text: str) -> str:
    """A command's help written as wrapped paragraphs, each on one line: typer's rich help keeps
    single line breaks, so a docstring wrapped at 100 columns printed as ragged lines on a terminal
    of 80 ("…, for PER, ORG, LOC and OTH,⏎plus each type.")."""
    paragraphs = [" ".join(p.split()) for p in text.strip().split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)


def stderr_console() -> Console:
    """A console on standard error that prints text as it is (no markup, no highlighting)."""
    from rich.console import Console

    return Console(stderr=True, highlight=False, markup=False)


def stdout_console() -> Console:
    """A console on standard output that prints text as it is."""
    from rich.console import Console

    return Console(highlight=False, markup=False)


# the width of a report written to a file or a pipe (a terminal's own width is used on a terminal)
WRITTEN_WIDTH = 120


def report_console(file: TextIO | None = None) -> Console:
    """The console a report is printed on: a terminal as it is, a file or a pipe 120 wide, no colour
    (a piped report was folded to 80 columns)."""
    from rich.console import Console

    if file is None and sys.stdout.isatty():
        return Console(highlight=False, markup=False)
    return Console(
        file=file, width=WRITTEN_WIDTH, highlight=False, no_color=True, markup=False, force_terminal=False
    )


def plain(value: object, style: str = "") -> Text:
    """``value`` as text that rich prints literally."""
    from rich.text import Text

    return Text(str(value), style=style)


def print_error(console: Console, message: object, *, label: str = "error") -> None:
    """``error: <message>`` with the label in bold red and the message verbatim."""
    from rich.text import Text

    console.print(Text.assemble((f"{label}: ", "bold red"), str(message)), soft_wrap=True)


def print_warning(console: Console, message: object) -> None:
    from rich.text import Text

    console.print(Text.assemble(("warning: ", "yellow"), str(message)), soft_wrap=True)


def print_plain(console: Console, message: object) -> None:
    from rich.text import Text

    console.print(Text(str(message)), soft_wrap=True)


def bad_choice(option: str, value: object, choices: Sequence[str]) -> str:
    """The message for an option given a value outside its choices (error id C003)."""
    from blickwinkel.errors import Errors

    return Errors.C003.format(option=option, value=value, choices=", ".join(repr(c) for c in choices))


def warn_reading_notes(notes: Iterable[str]) -> None:
    """A warning on standard error for each thing a reader noticed in an article it read (front
    matter it could not read whole)."""
    for note in notes:
        print_warning(stderr_console(), note)


def warn_unnamed_outlets(sources: Sequence[str]) -> None:
    """One warning on standard error for the articles (read from ``sources``) that name no outlet,
    saying how to give one."""
    from blickwinkel.report.labels import unnamed_outlets_note

    note = unnamed_outlets_note(sources)
    if note is not None:
        print_warning(stderr_console(), note)


def warn_skipped_folders(inputs: Sequence[str]) -> None:
    """A warning on standard error for each named folder whose subfolders, photos, documents or
    tables are not read."""
    from blickwinkel.ingest import (
        repeated_file_note,
        repeated_files,
        skipped_files,
        skipped_files_note,
        skipped_folders,
        skipped_folders_note,
    )

    for folder, names in skipped_folders(inputs):
        print_warning(stderr_console(), skipped_folders_note(folder, names))
    for folder, names in skipped_files(inputs):
        print_warning(stderr_console(), skipped_files_note(folder, names))
    for file, first in repeated_files(inputs):
        print_warning(stderr_console(), repeated_file_note(file, first))
