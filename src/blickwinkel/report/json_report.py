"""The comparison as JSON: the public contract documented in docs/comparison-json.md."""

from __future__ import annotations

import json

from blickwinkel.model import Comparison


def render_json(comparison: Comparison, *, indent: int | None = 2) -> str:
    return json.dumps(comparison.to_json(), ensure_ascii=False, indent=indent) + "\n"
