"""Soft word alignment of two statements over contextual word vectors, in the manner of BERTScore
(Zhang et al. 2020, "BERTScore: Evaluating Text Generation with BERT"; our own code).

A pooled sentence vector loses which words match: two statements that say one thing in other
words ("the minister stepped down" / "the minister resigned") can sit no closer than two statements
about one topic. Here each content word of one statement looks for its most similar word among the
other's (cosine of the encoder's contextual vectors, which are multilingual: "Rücktritt" finds
"resigned"); the best cosines are averaged, each word weighted by its rarity in the story (as
:func:`blickwinkel.compare.similarity.weighted_overlap` weighs shared lemmas), in both directions:
recall (the first statement's words found in the second), precision (the second's found in the
first) and their harmonic mean F.

Pure: the vectors come from :mod:`blickwinkel.embed.word_vectors`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from blickwinkel.analyse.lemmas import lemmatise
from blickwinkel.analyse.token_vectors import kept_words
from blickwinkel.compare.similarity import STOPWORDS, fold
from blickwinkel.model import Statement
from blickwinkel.text import tokenize

FloatArray = npt.NDArray[np.float32]


@dataclass(frozen=True)
class WordVectors:
    """The content words of one statement: where each starts (offset into its article), its folded
    lemma (which weighs it by the story's idf) and its contextual vector (rows L2-normalised)."""

    starts: tuple[int, ...]
    lemmas: tuple[str, ...]
    vectors: FloatArray

    def within(self, start: int, end: int) -> WordVectors:
        """The words that start inside ``[start, end)`` (one clause of the statement)."""
        keep = [k for k, s in enumerate(self.starts) if start <= s < end]
        if len(keep) == len(self.starts):
            return self
        return WordVectors(
            tuple(self.starts[k] for k in keep), tuple(self.lemmas[k] for k in keep), self.vectors[keep]
        )


@dataclass(frozen=True)
class SoftScores:
    """Rarity-weighted mean best cosine of the first statement's words in the second (``recall``),
    of the second's in the first (``precision``), and their harmonic mean (``f``)."""

    recall: float
    precision: float
    f: float


def soft_alignment(a: WordVectors, b: WordVectors, idf: dict[str, float]) -> SoftScores | None:
    """The soft alignment of two statements' content words; None when either has none."""
    if not a.lemmas or not b.lemmas:
        return None
    sims = a.vectors @ b.vectors.T
    weights_a = np.array([idf.get(w, 1.0) for w in a.lemmas], dtype=np.float64)
    weights_b = np.array([idf.get(w, 1.0) for w in b.lemmas], dtype=np.float64)
    recall = _weighted_mean(sims.max(axis=1), weights_a)
    precision = _weighted_mean(sims.max(axis=0), weights_b)
    f = 2 * recall * precision / (recall + precision) if recall + precision > 0 else 0.0
    return SoftScores(recall, precision, f)


def _weighted_mean(values: npt.NDArray[np.float32], weights: npt.NDArray[np.float64]) -> float:
    total = float(weights.sum())
    if total <= 0:
        return float(values.mean())
    return float((values.astype(np.float64) * weights).sum() / total)


# Encodes sentences (each a list of words) into one vector per word (:mod:`blickwinkel.embed.word_vectors`).
WordEncoder = Callable[[Sequence[Sequence[str]]], list[FloatArray]]
# The word encoder of each layer of the encoder (``word_vectors.E5WordLayers``).
WordEncoders = Callable[[int], WordEncoder]
_LETTER = re.compile(r"[^\W\d_]")


def statement_words(statement: Statement) -> tuple[list[str], list[int], list[str]]:
    """The words of a statement as the encoder reads them, where each starts in its article, and
    each one's folded lemma ("" for function words, tokens without a letter and the words of named
    entity mentions, which are not aligned).
    The words are the statement's tokens as the analysis splits them (text/_sentences.py), so that
    the German tagger's vectors of the sentence are those of its words (embed/word_vectors.py)."""
    words, starts = _tokens(statement.text, statement.language)
    lemmas = lemmatise(words, statement.language or "de") if words else []
    folded = [fold(w) for w in lemmas]
    at = [statement.start + s for s in starts]
    # Names are weighed by the link model's own parts (names, name_clash): aligned here as well, a name
    # both statements give would make two different things said of one person look alike.
    named = [any(m.start <= a < m.end for m in statement.entities) for a in at]
    content = [
        f if f and _LETTER.search(w) and f not in STOPWORDS and not n else ""
        for w, f, n in zip(words, folded, named, strict=True)
    ]
    return words, at, content


def _tokens(text: str, language: str | None = None) -> tuple[list[str], list[int]]:
    """The tokens of a statement's text and where each starts in it: those the analysis split it
    into, where the tagger read them in this process (``token_vectors.kept_words``: no second
    tokenising), else the tokenizer's of the text alone (the same tokens for each of the 365
    statements of the ten-article corpus-de bench story)."""
    kept = kept_words(text)
    if kept is not None:
        starts, at = [], 0
        for word in kept:
            at = text.find(word, at)
            if at < 0:
                break
            starts.append(at)
            at += len(word)
        else:
            return list(kept), starts
    tokens = tokenize(text, language)
    return [t.text for t in tokens], [t.start for t in tokens]


def statement_word_vectors(statements: Sequence[Statement], encode: WordEncoder) -> list[WordVectors]:
    """The content words of each statement with their contextual vectors (one call of ``encode``
    for all; every word is read, so each content word's vector sees its whole sentence)."""
    read = [statement_words(s) for s in statements]
    vectors = encode([words for words, _, _ in read]) if read else []
    out = []
    for (_, starts, lemmas), rows in zip(read, vectors, strict=True):
        keep = [k for k, lemma in enumerate(lemmas) if lemma]
        out.append(WordVectors(tuple(starts[k] for k in keep), tuple(lemmas[k] for k in keep), rows[keep]))
    return out


def words_of(
    statements: Sequence[Statement], encoders: WordEncoders
) -> Callable[[npt.NDArray[np.bool_], int], list[WordVectors | None]]:
    """The alignment's source of word vectors (:func:`blickwinkel.compare.align.align_statements`):
    those of the statements it asks for (a mask over ``statements``) at the layer it asks for, None
    for the others."""

    def words(wanted: npt.NDArray[np.bool_], layer: int) -> list[WordVectors | None]:
        chosen = [k for k in range(len(statements)) if wanted[k]]
        out: list[WordVectors | None] = [None] * len(statements)
        found = statement_word_vectors([statements[k] for k in chosen], encoders(layer))
        for k, vectors in zip(chosen, found, strict=True):
            out[k] = vectors
        return out

    return words
