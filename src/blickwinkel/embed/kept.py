"""Statement vectors kept in the store: a stored story's statements are embedded once, not again by
every process that compares the story.

A vector is kept under two keys:

- the **text key**, a SHA-256 of the exact text the embedder was given (after
  :func:`~blickwinkel.compare.similarity.embedding_text` and every other normalisation before it), so
  a change to how statement texts are normalised gives new keys by itself;
- the **embedder key**, the embedder's name and model version
  (:meth:`~blickwinkel.embed.backends._LazyModel.model_version`: a digest of our code that computes
  the vectors, the text cut, and the versions of the packages it calls), so a vector is never read by
  another model or another version of it. An embedder without a model version (a third party's)
  keeps nothing.

Vectors are stored as float32, losslessly packed (:data:`PACKED`): read back they are the very rows
that were computed, so a comparison from kept vectors is identical to one that embeds (float16 would
halve the bytes but move cosines by about 1e-3, enough to change a link near the threshold). The
packing (the four bytes of the numbers grouped by position, then deflated) takes a USE vector from
2,048 to about 1,915 bytes: small enough that two rows share one 4 kB SQLite page (a 2,048-byte row
took a page alone) and that PostgreSQL keeps the row in its table instead of moving it out (rows
over about 2 kB are). Every row read is checked (dtype, dimension, length of the bytes unpacked,
finite numbers, unit length); a row that does not fit is ignored, embedded again and replaced. A
store that cannot be read or written costs only the time it would have saved: the texts are embedded
as without a store.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import zlib
from collections.abc import Mapping, Sequence
from typing import Protocol, overload

import numpy as np

from blickwinkel.embed.backends import CachedEmbedder, Embedder, Matrix

log = logging.getLogger(__name__)

DTYPE = "float32"
"""Little-endian float32, ``dim`` × 4 bytes as they are (read, not written)."""
PACKED = "<f4-shuf-zlib"
"""Little-endian float32 with the bytes grouped by their place in the number (all first bytes, all
second bytes…), deflated: lossless; the sign and exponent bytes of unit vectors repeat a few values."""
_LITTLE_FLOAT32 = np.dtype("<f4")
_WIDTH = _LITTLE_FLOAT32.itemsize
# A kept row's length may differ from 1 by float32 rounding only (embedders return unit rows).
_UNIT_TOLERANCE = 1e-3


class VectorStore(Protocol):
    """Where kept vectors outlive the process: ``(dim, dtype, bytes)`` by text key and embedder key."""

    def kept_vectors(self, keys: Sequence[str], embedder: str) -> dict[str, tuple[int, str, bytes]]: ...

    def keep_vectors(self, vectors: Mapping[str, bytes], embedder: str, dim: int, dtype: str) -> None: ...

    def kept_keys(self, keys: Sequence[str], embedder: str) -> set[str]: ...


def text_key(text: str) -> str:
    """The first 128 bits of the SHA-256 of the text an embedder is given, in hex (a chance of one in
    2**64 that two of 2**32 texts share one; half the bytes of the whole digest in every row)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def embedder_key(embedder: Embedder) -> str | None:
    """``name@version`` of ``embedder``; None when it has no model version (nothing is kept)."""
    version = getattr(embedder, "model_version", None)
    found = version() if callable(version) else None
    return None if found is None else f"{embedder.name}@{found}"


def vector_model(embedder: Embedder) -> str:
    """What the store's article vectors are kept under: ``name@version`` (:func:`embedder_key`), or the
    name alone for an embedder without a model version (a third party's, a test's)."""
    return embedder_key(embedder) or embedder.name


def vector_to_bytes(row: Matrix) -> bytes:
    """``row`` as :data:`PACKED` bytes."""
    raw = np.frombuffer(np.ascontiguousarray(row, dtype=_LITTLE_FLOAT32).tobytes(), dtype=np.uint8)
    return zlib.compress(raw.reshape(-1, _WIDTH).T.tobytes(), 6)


def vector_from_row(row: tuple[int, str, bytes], dim: int) -> Matrix:
    """The vector of a kept row; ValueError when the row does not fit (another dtype or dimension,
    bytes cut short, too many or not deflated, numbers that are not finite, not of unit length)."""
    kept_dim, dtype, blob = row
    if kept_dim != dim:
        raise ValueError(f"{kept_dim} dimensions, not {dim}")
    size = dim * _WIDTH
    if dtype == PACKED:
        unpack = zlib.decompressobj()
        try:
            shuffled = unpack.decompress(blob, size + 1)  # (never more: a damaged row is no bomb)
        except (zlib.error, TypeError) as exc:
            raise ValueError(f"not deflated ({exc})") from None
        if len(shuffled) != size or not unpack.eof or unpack.unused_data:
            raise ValueError(f"{len(shuffled)} bytes unpacked, not {size}")
        raw = np.frombuffer(shuffled, dtype=np.uint8).reshape(_WIDTH, dim).T.tobytes()
    elif dtype == DTYPE:
        raw = blob
    else:
        raise ValueError(f"dtype {dtype!r}, not {PACKED} or {DTYPE}")
    if not isinstance(raw, bytes) or len(raw) != size:
        raise ValueError(f"{len(raw)} bytes, not {size}")
    vector = np.frombuffer(raw, dtype=_LITTLE_FLOAT32).astype(np.float32)
    if not np.isfinite(vector).all():
        raise ValueError("numbers that are not finite")
    if abs(float(np.dot(vector, vector)) - 1.0) > _UNIT_TOLERANCE:
        raise ValueError("not of unit length")
    return vector


class KeptEmbedder:
    """``inner`` with its vectors kept in ``store``: each text is taken from the inner embedder's
    memory (a :class:`CachedEmbedder`), else from the store, else embedded and then kept."""

    def __init__(self, inner: Embedder, store: VectorStore) -> None:
        self.inner = inner
        self.store = store
        self.name = inner.name
        self.dim = inner.dim
        self.key = embedder_key(inner)
        self._lock = threading.Lock()
        self.read = 0  # rows taken from the store
        self.damaged = 0  # rows in the store that did not fit (embedded again, replaced)
        self.embedded = 0  # texts embedded (and kept)

    def encode(self, texts: Sequence[str]) -> Matrix:
        if self.key is None or not texts:
            return self.inner.encode(texts)
        memory = self.inner if isinstance(self.inner, CachedEmbedder) else None
        unique = list(dict.fromkeys(texts))
        rows: dict[str, Matrix] = memory.remembered(unique) if memory is not None else {}
        missing = [t for t in unique if t not in rows]
        keys = {t: text_key(t) for t in missing}
        kept = self._read(list(keys.values())) if missing else {}
        from_store: dict[str, Matrix] = {}
        damaged = 0
        for t in missing:
            row = kept.get(keys[t])
            if row is None:
                continue
            try:
                from_store[t] = vector_from_row(row, self.dim)
            except ValueError as exc:
                damaged += 1
                log.debug("kept vector of %s ignored: %s", keys[t], exc)
        if memory is not None and from_store:
            memory.remember(from_store)
        rows.update(from_store)
        rest = [t for t in missing if t not in from_store]
        if rest:
            fresh = self.inner.encode(rest)
            rows.update(zip(rest, fresh, strict=True))
            self._keep({keys[t]: vector_to_bytes(row) for t, row in zip(rest, fresh, strict=True)})
        with self._lock:
            self.read += len(from_store)
            self.damaged += damaged
            self.embedded += len(rest)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            out[i] = rows[t]
        return out

    def keep_ahead(self, texts: Sequence[str]) -> int:
        """Embed and keep the texts that have no kept row yet (rows there are neither read nor
        checked: a comparison reads them); how many were embedded."""
        if self.key is None or not texts:
            return 0
        keys = {t: text_key(t) for t in dict.fromkeys(texts)}
        present = self.store.kept_keys(list(keys.values()), self.key)
        rest = [t for t, k in keys.items() if k not in present]
        if rest:
            fresh = self.inner.encode(rest)
            self._keep({keys[t]: vector_to_bytes(row) for t, row in zip(rest, fresh, strict=True)})
        with self._lock:
            self.embedded += len(rest)
        return len(rest)

    def _read(self, keys: list[str]) -> dict[str, tuple[int, str, bytes]]:
        assert self.key is not None
        try:
            return self.store.kept_vectors(keys, self.key)
        except Exception as exc:  # the store saves time; one that fails costs only that
            log.warning("kept statement vectors could not be read (%s: %s)", type(exc).__name__, exc)
            return {}

    def _keep(self, vectors: dict[str, bytes]) -> None:
        assert self.key is not None
        try:
            self.store.keep_vectors(vectors, self.key, self.dim, PACKED)
        except Exception as exc:
            log.warning("statement vectors could not be kept (%s: %s)", type(exc).__name__, exc)


@overload
def kept(embedder: Embedder, store: VectorStore | None) -> Embedder: ...
@overload
def kept(embedder: None, store: VectorStore | None) -> None: ...
def kept(embedder: Embedder | None, store: VectorStore | None) -> Embedder | None:
    """``embedder`` with its vectors kept in ``store`` (as it is without a store or an embedder)."""
    if embedder is None or store is None:
        return embedder
    return KeptEmbedder(embedder, store)
