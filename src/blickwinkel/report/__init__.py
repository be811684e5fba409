"""Renderers of a comparison: terminal (rich), JSON (the public contract) and a self-contained HTML page.

Each renderer loads on first use: a JSON report needs neither rich nor jinja2.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from blickwinkel.report.html import render_html
    from blickwinkel.report.json_report import render_json
    from blickwinkel.report.terminal import print_terminal, render_terminal

__all__ = ["print_terminal", "render_html", "render_json", "render_terminal"]

_HOMES = {
    "print_terminal": "blickwinkel.report.terminal",
    "render_html": "blickwinkel.report.html",
    "render_json": "blickwinkel.report.json_report",
    "render_terminal": "blickwinkel.report.terminal",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'blickwinkel.report' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
