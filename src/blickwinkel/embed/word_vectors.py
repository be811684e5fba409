"""Contextual word vectors for the soft word alignment of the link score
(:mod:`blickwinkel.compare.soft_alignment`): multilingual-e5-small's hidden state of each word's
first piece after ``layer`` layers (:mod:`blickwinkel.analyse.token_vectors`, the encoder the German
tagger and the e5 embedder share), rows L2-normalised."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence

import numpy as np

from blickwinkel.analyse.token_vectors import LAYERS, FloatArray, shared_encoder

# The layer whose hidden states the soft word alignment compares: chosen by ROC AUC of the part alone
# on our own stories and the SemEval pairs (scripts/explore_soft_alignment.py; docs/data-sources.md).
WORD_LAYER = 12
# Sentences whose vectors the process keeps (least recently used out first): a story compared again
# (watch, the web service) asks for most of the same statements. About 30 kB a sentence of 20 words.
KEPT_SENTENCES = 2_000
_kept: OrderedDict[tuple[int, tuple[str, ...]], FloatArray] = OrderedDict()
_kept_lock = threading.Lock()


class E5WordVectors:
    """Encodes sentences (lists of words) into one unit vector per word."""

    def __init__(self, layer: int = WORD_LAYER) -> None:
        if not 0 < layer <= LAYERS:
            raise ValueError(f"multilingual-e5-small has layers 1 to {LAYERS}, not {layer}")
        self.layer = layer
        self.name = f"e5-words{layer}"

    def __call__(self, sentences: Sequence[Sequence[str]]) -> list[FloatArray]:
        """One unit vector per word of each sentence; sentences met lately in this process are not
        encoded again (:data:`KEPT_SENTENCES`)."""
        keys = [(self.layer, tuple(words)) for words in sentences]
        with _kept_lock:
            found = {k: _kept[k] for k in keys if k in _kept}
            for k in found:
                _kept.move_to_end(k)
        missing = list(dict.fromkeys(k for k in keys if k not in found))
        if missing:
            raw = shared_encoder(self.layer).word_vectors([list(k[1]) for k in missing], self.layer)
            with _kept_lock:
                for key, rows in zip(missing, raw, strict=True):
                    norms = np.linalg.norm(rows, axis=1, keepdims=True)
                    norms[norms == 0] = 1.0
                    found[key] = _kept[key] = (rows / norms).astype(np.float32)
                while len(_kept) > KEPT_SENTENCES:
                    _kept.popitem(last=False)
        return [found[k] for k in keys]
