"""Mean vectors per language, subtracted from an article's vectors before the same-story cosines.

The vectors of a sentence embedder share a large common direction (every cosine of two e5 news texts
lies between about 0.75 and 1), and texts of one language share a further one: two unrelated German
texts sit closer than a German and an English report of one event. Subtracting the mean document
(and title) vector of the article's language, then normalising, leaves what sets a text apart from
others of its language, so cosines across languages and within one compare like for like. The means
are a small learned table (``fit_centres``: the mean over the texts of each language with at least
``MIN_TEXTS`` texts, and over all texts for the others and for unknown languages), stored per embedder
as ``<embedder>_centres.npz`` beside this module and written by ``scripts/fit_story_weights.py``.
"""

from __future__ import annotations

import functools
import importlib.resources
import io
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]

# A language gets a mean of its own from this many texts on (fewer: the mean over all texts). Set
# before any measurement, not chosen on the data: the mean of 20 texts is within about a fifth of
# one text's spread of the language's mean.
MIN_TEXTS = 20
ALL = "*"


@dataclass(frozen=True, eq=False)
class Centres:
    """The mean ``document`` and ``title`` vectors (row ``i`` for ``languages[i]``; ``ALL``, the mean
    over all texts, is always the first)."""

    languages: tuple[str, ...]
    document: Vectors
    title: Vectors

    def row(self, language: str | None) -> int:
        """The row of ``language`` (the row over all texts for an unknown or rare language)."""
        try:
            return self.languages.index(language or ALL)
        except ValueError:
            return 0

    def centre(self, vector: Vectors, language: str | None, *, title: bool = False) -> Vectors:
        """``vector`` minus its language's mean, normalised to length 1."""
        means = self.title if title else self.document
        return unit(vector - means[self.row(language)])

    def to_bytes(self) -> bytes:
        out = io.BytesIO()
        np.savez(
            out,
            languages=np.asarray(self.languages),
            document=self.document.astype(np.float32),
            title=self.title.astype(np.float32),
        )
        return out.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> Centres:
        with np.load(io.BytesIO(data), allow_pickle=False) as stored:
            return cls(
                languages=tuple(str(x) for x in stored["languages"]),
                document=np.asarray(stored["document"], dtype=np.float32),
                title=np.asarray(stored["title"], dtype=np.float32),
            )


def unit(vector: Vectors) -> Vectors:
    norm = float(np.linalg.norm(vector))
    out: Vectors = (vector / norm if norm > 0 else vector).astype(np.float32)
    return out


def fit_centres(
    documents: Vectors, titles: Vectors, languages: Sequence[str | None], min_texts: int = MIN_TEXTS
) -> Centres:
    """The means of ``documents`` and ``titles`` (one row per text) over all texts and per language
    with at least ``min_texts`` texts (languages in sorted order after ``ALL``)."""
    names = [ALL]
    doc_rows = [documents.mean(axis=0)]
    title_rows = [titles.mean(axis=0)]
    for language in sorted({x for x in languages if x}):
        mask = np.asarray([x == language for x in languages])
        if int(mask.sum()) >= min_texts:
            names.append(language)
            doc_rows.append(documents[mask].mean(axis=0))
            title_rows.append(titles[mask].mean(axis=0))
    return Centres(
        languages=tuple(names),
        document=np.asarray(doc_rows, dtype=np.float32),
        title=np.asarray(title_rows, dtype=np.float32),
    )


def file_name(embedder: str) -> str:
    return f"{embedder}_centres.npz"


@functools.cache
def shipped_centres(embedder: str) -> Centres | None:
    """The fitted means of ``embedder``, or ``None`` when none ship for it."""
    resource = importlib.resources.files("blickwinkel.stories").joinpath(file_name(embedder))
    if not resource.is_file():
        return None
    return Centres.from_bytes(resource.read_bytes())
