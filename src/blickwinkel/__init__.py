"""blickwinkel: compare what news articles about one event actually say."""

from __future__ import annotations

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
