"""blickwinkel: compare what news articles about one event actually say."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from blickwinkel.errors import BlickwinkelError
    from blickwinkel.model import Article, Comparison, Conflict, Fact, Statement

__version__ = "0.1.0"

__all__ = [
    "Article",
    "BlickwinkelError",
    "Comparison",
    "Conflict",
    "Fact",
    "Statement",
    "__version__",
]

# The public names load on first use: `blickwinkel --help` and every ``import blickwinkel.x`` would
# otherwise build the data model first.
_HOMES = {
    "Article": "blickwinkel.model",
    "BlickwinkelError": "blickwinkel.errors",
    "Comparison": "blickwinkel.model",
    "Conflict": "blickwinkel.model",
    "Fact": "blickwinkel.model",
    "Statement": "blickwinkel.model",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'blickwinkel' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
