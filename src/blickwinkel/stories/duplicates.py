"""Exact and near copies (wire copies, re-posts) found with MinHash and locality-sensitive hashing.

Each copy is linked to its original: the earliest article by (published, content hash, id) among
the copies, so the answer does not depend on input order and feeding an article twice changes
nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np

from blickwinkel.stories.features import MINHASH_PERMUTATIONS, MINHASH_SCHEME, StoryDoc, unique_in_order

if TYPE_CHECKING:
    from datasketch import MinHash

# Estimated Jaccard of word 3-grams above which two texts are copies of one another: wire copies
# with a changed headline or a trimmed last paragraph stay above it, rewrites do not.
NEAR_DUPLICATE_JACCARD = 0.8


def _minhash(doc: StoryDoc) -> MinHash:
    from datasketch import MinHash  # datasketch imports scipy (0.5 s): only when copies are looked for

    return MinHash(num_perm=MINHASH_PERMUTATIONS, seed=1, hashvalues=doc.signature, scheme=MINHASH_SCHEME)


def estimated_jaccard(a: StoryDoc, b: StoryDoc) -> float:
    """Share of equal MinHash values: an unbiased estimate of the word 3-gram Jaccard."""
    return float(np.mean(a.signature == b.signature))


def find_near_duplicates(
    docs: Iterable[StoryDoc], threshold: float = NEAR_DUPLICATE_JACCARD
) -> dict[str, str]:
    """Map each copy's id to its original's id; originals and unique articles are not keys."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=MINHASH_PERMUTATIONS)
    by_hash: dict[str, str] = {}
    ordered = unique_in_order(docs)
    by_id = {d.id: d for d in ordered}
    rank = {d.id: i for i, d in enumerate(ordered)}
    original_of: dict[str, str] = {}
    for doc in ordered:
        exact = by_hash.get(doc.content_hash)
        if exact is not None:
            original_of[doc.id] = original_of.get(exact, exact)
            continue
        by_hash[doc.content_hash] = doc.id
        minhash = _minhash(doc)
        matches = [m for m in lsh.query(minhash) if estimated_jaccard(doc, by_id[m]) >= threshold]
        if matches:
            first = min(matches, key=rank.__getitem__)
            original_of[doc.id] = original_of.get(first, first)
        lsh.insert(doc.id, minhash)
    return original_of
