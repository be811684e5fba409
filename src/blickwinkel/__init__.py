"""blickwinkel: compare what news articles about one event actually say."""

from __future__ import annotations

from typing import TYPE_CHECKING

from blickwinkel._lazy import lazy_names

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


__getattr__, __dir__ = lazy_names(__name__, _HOMES, __all__)
