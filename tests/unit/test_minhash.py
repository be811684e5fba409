"""Our MinHash signature is datasketch's, bit for bit, without importing datasketch (and scipy)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from blickwinkel.stories.features import _WORD, MINHASH_PERMUTATIONS, MINHASH_SCHEME, minhash_signature


def datasketch_signature(text: str, size: int = 3) -> np.ndarray:
    from datasketch import MinHash

    words = _WORD.findall(text.lower())
    grams = {" ".join(words[i : i + size]).encode() for i in range(max(1, len(words) - size + 1))}
    minhash = MinHash(num_perm=MINHASH_PERMUTATIONS, seed=1, scheme=MINHASH_SCHEME)
    minhash.update_batch(sorted(grams))
    return np.asarray(minhash.hashvalues, dtype=np.uint64)


@settings(max_examples=60)
@given(st.text(alphabet=st.sampled_from("abc äöß Der die 12 .,"), max_size=120))
def test_signature_equals_datasketch(text: str) -> None:
    assert np.array_equal(minhash_signature(text), datasketch_signature(text))


def test_signature_of_a_paragraph_equals_datasketch() -> None:
    text = "Die Fähre lief am Sonntagabend vor dem Hafen auf Grund; alle Passagiere blieben unverletzt. " * 4
    assert minhash_signature(text).dtype == np.uint64
    assert np.array_equal(minhash_signature(text), datasketch_signature(text))
