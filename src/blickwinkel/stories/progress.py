"""How long work tells how far it is: a callback of (what, done, total). The CLI draws it; tests and
library users pass nothing."""

from __future__ import annotations

from collections.abc import Callable

ProgressCallback = Callable[[str, int, int], None]


def no_progress(what: str, done: int, total: int) -> None:
    """The callback that reports nothing."""
    return None
