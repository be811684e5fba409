"""A linear-chain CRF model file of CRFsuite (``crf1d``) read into numpy, and its Viterbi tags.

CRFsuite's own tagger (python-crfsuite) takes each token as a dict of named attributes: for the
German tagger about 420 a token, 384 of them the numbers of its contextual vector, each looked up
by name in the model's string table, one token at a time. Here the names that are not vector
dimensions are looked up in a dict, the vector dimensions come as one array, and the scores of a
whole batch of sentences are sums over arrays. The arithmetic is CRFsuite's, in its order: a
label's state score is 0 plus weight × value of each attribute the model knows, in the order of
the token's attributes (in doubles); the best path takes, at each token and label, the first
previous label of greatest ``score + transition`` and adds the state score; the last label is the
first of greatest score. So the tags are CRFsuite's (``tests/unit/test_crf_model.py`` compares
them). The training (``scripts/train_ner.py``) still runs CRFsuite itself.

The file layout (little-endian): a 48-byte header (``lCRF``, size, ``FOMC``, version, counts, the
offsets of the features, the label and attribute string tables and the feature references); the
features chunk (``FEAT``, size, count; then per feature its type (0 state, 1 transition), source
(attribute or label), destination label and weight as a double); each string table a CQDB chunk
whose records (id, byte length, the string and a NUL) follow its 24-byte header and 256 table
references, in the order of their ids.
"""

from __future__ import annotations

import struct
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

Doubles = npt.NDArray[np.float64]
_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])
_CQDB_RECORDS = 24 + 256 * 8  # a CQDB chunk's header and table references


def _strings(raw: bytes, at: int, count: int) -> list[str]:
    """The ``count`` strings of the CQDB chunk at ``at``, by id."""
    if raw[at : at + 4] != b"CQDB":
        raise ValueError("not a CRFsuite model: a string table is missing")
    out = [""] * count
    p = at + _CQDB_RECORDS
    for _ in range(count):
        ident, size = struct.unpack_from("<iI", raw, p)
        out[ident] = raw[p + 8 : p + 7 + size].decode("utf-8")
        p += 8 + size
    return out


@dataclass(frozen=True)
class LinearChainCrf:
    """A CRFsuite model: its labels, the row of each attribute it knows in ``state`` (one row per
    attribute and a last row of zeros for any it does not know: weight × value adds 0 there, as
    CRFsuite adds nothing), and ``transition[i, j]``, the score of label j after label i."""

    labels: tuple[str, ...]
    rows: Mapping[str, int]
    state: Doubles
    transition: Doubles

    @classmethod
    def read(cls, path: Path) -> LinearChainCrf:
        raw = path.read_bytes()
        if raw[:4] != b"lCRF" or raw[8:12] != b"FOMC":
            raise ValueError(f"{path}: not a CRFsuite model file")
        _, _, n_labels, n_attrs, at_features, at_labels, at_attrs, _, _ = struct.unpack_from("<9I", raw, 12)
        if raw[at_features : at_features + 4] != b"FEAT":
            raise ValueError(f"{path}: not a CRFsuite model file (no features)")
        (n_features,) = struct.unpack_from("<I", raw, at_features + 8)
        features = np.frombuffer(raw, dtype=_FEATURE, count=n_features, offset=at_features + 12)
        labels = tuple(_strings(raw, at_labels, n_labels))
        names = _strings(raw, at_attrs, n_attrs)
        state = np.zeros((n_attrs + 1, n_labels), dtype=np.float64)
        transition = np.zeros((n_labels, n_labels), dtype=np.float64)
        for kind, table in ((0, state), (1, transition)):
            chosen = features[features["type"] == kind]
            table[chosen["src"], chosen["dst"]] = chosen["weight"]
        return cls(labels, {name: row for row, name in enumerate(names)}, state, transition)

    def state_scores(self, items: Sequence[Mapping[str, float]], vectors: Doubles | None = None) -> Doubles:
        """Each token's score of each label (tokens × labels): the attributes of its item in their
        order, then, with ``vectors`` (tokens × d), the attributes ``v0`` … ``v{d-1}`` with those
        values (after the item's, as the German tagger adds them)."""
        unknown = len(self.state) - 1
        row = self.rows.get
        counts = np.fromiter(map(len, items), dtype=np.int64, count=len(items))
        total = int(counts.sum())
        token = np.repeat(np.arange(len(items)), counts)
        place = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
        width = int(counts.max(initial=0))
        at = np.full((width, len(items)), unknown, dtype=np.int64)
        values = np.ones((width, len(items)), dtype=np.float64)
        at[place, token] = np.fromiter((row(n, unknown) for item in items for n in item), np.int64, total)
        values[place, token] = np.fromiter((v for item in items for v in item.values()), np.float64, total)
        # labels × tokens: each step below adds one attribute's weight × value to every token's
        # scores, the sum in CRFsuite's order (a row of a product is no partial sum)
        scores = np.zeros((len(self.labels), len(items)), dtype=np.float64)
        for j in range(width):
            scores += self.state[at[j]].T * values[j]
        if vectors is not None:
            columns = np.ascontiguousarray(vectors.T, dtype=np.float64)
            weights = self.state[[self.rows.get(f"v{j}", unknown) for j in range(len(columns))]]
            for weight, column in zip(weights, columns, strict=True):
                scores += weight[:, None] * column
        return np.ascontiguousarray(scores.T)

    def best_paths(self, scores: Sequence[Doubles]) -> list[list[str]]:
        """The Viterbi labels of each sentence (its tokens' state scores), all sentences a step at a time."""
        lengths = np.array([len(s) for s in scores], dtype=np.int64)
        if not len(lengths) or not lengths.max(initial=0):
            return [[] for _ in scores]
        n, steps, n_labels = len(scores), int(lengths.max()), len(self.labels)
        state = np.zeros((n, steps, n_labels), dtype=np.float64)
        for i, s in enumerate(scores):
            state[i, : len(s)] = s
        alpha = state[:, 0].copy()
        back = np.zeros((n, steps, n_labels), dtype=np.int64)
        for t in range(1, steps):
            live = np.flatnonzero(lengths > t)
            through = alpha[live, :, None] + self.transition  # [sentence, previous i, label j]
            best = through.argmax(axis=1)  # the first i of greatest score, as CRFsuite's strict "<"
            back[live, t] = best
            alpha[live] = np.take_along_axis(through, best[:, None, :], axis=1)[:, 0] + state[live, t]
        paths: list[list[str]] = []
        for i, length in enumerate(lengths.tolist()):
            if not length:
                paths.append([])
                continue
            label = int(alpha[i].argmax())
            path = [label]
            for t in range(length - 1, 0, -1):
                label = int(back[i, t, label])
                path.append(label)
            paths.append([self.labels[k] for k in reversed(path)])
        return paths
