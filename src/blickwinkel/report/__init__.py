"""Renderers of a comparison: terminal (rich), JSON (the public contract) and a self-contained HTML page."""

from __future__ import annotations

from blickwinkel.report.html import render_html
from blickwinkel.report.json_report import render_json
from blickwinkel.report.terminal import print_terminal, render_terminal

__all__ = ["print_terminal", "render_html", "render_json", "render_terminal"]
