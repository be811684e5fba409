"""Placeholder: registers nothing yet."""

from __future__ import annotations

import typer


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    """Add this module's commands to ``app`` or ``eval_app``."""
