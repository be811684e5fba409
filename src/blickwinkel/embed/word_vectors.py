"""Contextual word vectors for the soft word alignment of the link score
(:mod:`blickwinkel.compare.soft_alignment`): multilingual-e5-small's hidden state of each word's
first piece after ``layer`` layers (:mod:`blickwinkel.analyse.token_vectors`, the encoder the German
tagger and the e5 embedder share), rows L2-normalised."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from blickwinkel.analyse.token_vectors import LAYERS, FloatArray, kept_states, shared_encoder

# The layer whose hidden states the soft word alignment compares: the German tagger's (its vectors'
# settings, analyse/data/ner-de-vectors.json), whose rows of every German sentence the process keeps
# (token_vectors.keep_states), so that German statements need no forward pass of their own. Its ROC AUC
# on our own stories and the SemEval pairs is near the best layer's (scripts/explore_soft_alignment.py;
# docs/data-sources.md).
WORD_LAYER = 6
# The layer of the pairs of statements in two languages (scored by the link model "cross_language").
# The same as the tagger's: layer 12 was measured there (its soft step's leave-one-event-out log loss
# 0.281 at layer 6, 0.275 at layer 12) but lost a German-English link of our examples (links F1 0.854 ->
# 0.843; docs/data-sources.md, "Link model").
OTHER_WORD_LAYER = WORD_LAYER


def word_layer(language_a: str | None, language_b: str | None) -> int:
    """The layer whose word vectors align a pair of statements in these languages: the German
    tagger's (:data:`WORD_LAYER`) in one language (or where one is unknown, as the link model reads
    such a pair), :data:`OTHER_WORD_LAYER` across two."""
    same = language_a is None or language_b is None or language_a == language_b
    return WORD_LAYER if same else OTHER_WORD_LAYER


class E5WordVectors:
    """Encodes sentences (lists of words) into one unit vector per word."""

    def __init__(self, layer: int = WORD_LAYER) -> None:
        if not 0 < layer <= LAYERS:
            raise ValueError(f"multilingual-e5-small has layers 1 to {LAYERS}, not {layer}")
        self.layer = layer
        self.name = f"e5-words{layer}"

    def __call__(self, sentences: Sequence[Sequence[str]]) -> list[FloatArray]:
        """One unit vector per word of each sentence; the rows the process keeps (the tagger's,
        sentences encoded lately) are not computed again."""
        found = kept_states(self.layer, sentences)
        missing = list(
            dict.fromkeys(tuple(words) for words, rows in zip(sentences, found, strict=True) if rows is None)
        )
        if missing:
            computed = shared_encoder(self.layer).word_vectors(missing, self.layer, keep=True)
            fresh = dict(zip(missing, computed, strict=True))
            found = [
                fresh[tuple(words)] if rows is None else rows
                for words, rows in zip(sentences, found, strict=True)
            ]
        out = []
        for rows in found:
            assert rows is not None
            norms = np.linalg.norm(rows, axis=1, keepdims=True)
            norms[norms == 0] = 1.0
            out.append((rows / norms).astype(np.float32))
        return out


class E5WordLayers:
    """The word vectors of each layer (:class:`E5WordVectors`), made when first asked for."""

    def __init__(self) -> None:
        self._layers: dict[int, E5WordVectors] = {}

    def __call__(self, layer: int) -> E5WordVectors:
        if layer not in self._layers:
            self._layers[layer] = E5WordVectors(layer)
        return self._layers[layer]
