"""Renderers of a comparison: terminal (rich), JSON (the public contract) and a self-contained HTML page.

Each renderer loads on first use: a JSON report needs neither rich nor jinja2.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from blickwinkel._lazy import lazy_names

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


__getattr__, __dir__ = lazy_names(__name__, _HOMES, __all__)
