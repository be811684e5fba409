"""Printing user-facing messages: always as plain text, never interpreted as rich markup.

Error messages name file paths, URLs and field values, any of which may hold ``[/]`` or ``[bold]``;
read as markup they would raise ``MarkupError`` or restyle the output.
"""

from __future__ import annotations

from rich.console import Console
from rich.text import Text


def plain(value: object, style: str = "") -> Text:
    """``value`` as text that rich prints literally."""
    return Text(str(value), style=style)


def print_error(console: Console, message: object, *, label: str = "error") -> None:
    """``error: <message>`` with the label in bold red and the message verbatim."""
    console.print(Text.assemble((f"{label}: ", "bold red"), str(message)), soft_wrap=True)


def print_warning(console: Console, message: object) -> None:
    console.print(Text.assemble(("warning: ", "yellow"), str(message)), soft_wrap=True)


def print_plain(console: Console, message: object) -> None:
    console.print(Text(str(message)), soft_wrap=True)
