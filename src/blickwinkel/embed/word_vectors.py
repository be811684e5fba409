"""Contextual word vectors for the soft word alignment of the link score
(:mod:`blickwinkel.compare.soft_alignment`): multilingual-e5-small's hidden state of each word's
first piece after ``layer`` layers (:mod:`blickwinkel.analyse.token_vectors`, the encoder the German
tagger and the e5 embedder share), rows L2-normalised."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from blickwinkel.analyse.token_vectors import LAYERS, FloatArray, shared_encoder

# The layer whose hidden states the soft word alignment compares: chosen by ROC AUC of the part alone
# on our own stories and the SemEval pairs (scripts/explore_soft_alignment.py; docs/data-sources.md).
WORD_LAYER = 12


class E5WordVectors:
    """Encodes sentences (lists of words) into one unit vector per word."""

    def __init__(self, layer: int = WORD_LAYER) -> None:
        if not 0 < layer <= LAYERS:
            raise ValueError(f"multilingual-e5-small has layers 1 to {LAYERS}, not {layer}")
        self.layer = layer
        self.name = f"e5-words{layer}"

    def __call__(self, sentences: Sequence[Sequence[str]]) -> list[FloatArray]:
        if not sentences:
            return []
        raw = shared_encoder(self.layer).word_vectors(sentences, self.layer)
        out = []
        for rows in raw:
            norms = np.linalg.norm(rows, axis=1, keepdims=True)
            norms[norms == 0] = 1.0
            out.append((rows / norms).astype(np.float32))
        return out
