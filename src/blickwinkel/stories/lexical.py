"""The lexical channel of story clustering: shared rare words, weighted by how rare they are in the news
of the same days.

Reports of one event share words that the other news of those days does not use: names, places,
the thing that happened. A TF-IDF cosine captures that, and it is the strength of the plain TF-IDF +
average-linkage baseline. A fixed IDF table would have to be learnt from a corpus we may ship, so the
document frequencies here are counted over the articles the clusterer remembers (its time window):
a word is rare when few articles of these days use it. The counts depend only on which articles were
placed, never on how they were grouped, so the channel keeps clustering deterministic.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping

# A term: lower-cased letters and digits, two characters or more (the usual TF-IDF token).
_TERM = re.compile(r"\b\w\w+\b", re.UNICODE)

IdfFunction = Callable[[str], float]


def term_weights(text: str, stop_words: Iterable[str] = ()) -> dict[str, float]:
    """Sublinear term frequencies (1 + log count) of ``text``'s terms, stop words left out."""
    stop = frozenset(stop_words)
    counts = Counter(t for t in _TERM.findall(text.lower()) if t not in stop)
    return {term: 1.0 + math.log(count) for term, count in counts.items()}


def flat_idf(term: str) -> float:
    """Every term counts the same (no collection to count document frequencies in)."""
    return 1.0


class DocumentFrequencies:
    """How many of the counted articles use each term; ``idf`` as scikit-learn's smoothed IDF."""

    def __init__(self) -> None:
        self._counts: Counter[str] = Counter()
        self.documents = 0
        # Counts every change: two runs that placed the same articles in the same order have equal
        # frequencies at equal versions (what lets evaluation reuse link channels across thresholds).
        self.version = 0
        # What idf and squared_norm gave at this version (the clusterer asks for one article's terms
        # against a dozen members, each member against several new articles).
        self._idf_at_version: dict[str, float] = {}
        self._norm_at_version: dict[int, tuple[Mapping[str, float], float]] = {}

    def _changed(self) -> None:
        self.version += 1
        self._idf_at_version.clear()
        self._norm_at_version.clear()

    def add(self, terms: Iterable[str]) -> None:
        # Each distinct term once: an article's terms are a mapping to their weights, and
        # Counter.update(mapping) would add the weights (a term used often counted as several articles).
        self._counts.update(frozenset(terms))
        self.documents += 1
        self._changed()

    def remove(self, terms: Iterable[str]) -> None:
        distinct = frozenset(terms)
        self._counts.subtract(distinct)
        for term in distinct:
            if self._counts[term] <= 0:
                del self._counts[term]
        self.documents -= 1
        self._changed()

    def idf(self, term: str) -> float:
        """``log((n + 1) / (df + 1)) + 1``: 1 for a term every article uses, more the rarer it is."""
        value = self._idf_at_version.get(term)
        if value is None:
            value = math.log((self.documents + 1) / (self._counts.get(term, 0) + 1)) + 1.0
            self._idf_at_version[term] = value
        return value

    def squared_norm(self, terms: Mapping[str, float]) -> float:
        """:func:`squared_norm` of ``terms`` with this ``idf`` (kept per mapping until a change)."""
        kept = self._norm_at_version.get(id(terms))
        if kept is not None and kept[0] is terms:
            return kept[1]
        value = squared_norm(terms, self.idf)
        # The mapping is held with its value, so its id is not reused while the value is kept.
        self._norm_at_version[id(terms)] = (terms, value)
        return value


def squared_norm(terms: Mapping[str, float], idf: IdfFunction = flat_idf) -> float:
    """The squared length of the IDF-weighted term vector (exactly rounded: the same in any order)."""
    return math.fsum((w * idf(t)) ** 2 for t, w in terms.items())


def lexical_cosine(a: Mapping[str, float], b: Mapping[str, float], idf: IdfFunction = flat_idf) -> float:
    """Cosine of the IDF-weighted term vectors of two articles (0 when one has no terms)."""
    if not a or not b:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    shared = 0.0
    for term, weight in small.items():
        other = large.get(term)
        if other is not None:
            shared += weight * other * idf(term) ** 2
    if shared == 0.0:
        return 0.0
    # The clusterer's document frequencies keep each article's norm until they change.
    counted = getattr(idf, "__self__", None)
    if isinstance(counted, DocumentFrequencies):
        norm_a, norm_b = counted.squared_norm(a), counted.squared_norm(b)
    else:
        norm_a, norm_b = squared_norm(a, idf), squared_norm(b, idf)
    return min(1.0, shared / math.sqrt(norm_a * norm_b))
