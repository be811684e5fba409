"""One test of "the same vectors" for tests that embed one text in two ways.

OpenBLAS picks its kernels by CPU and by the shape of a product: on an AVX2 machine (its Haswell
kernels, seen on an AMD EPYC) a row of a batch of 40 and the same row of a batch of 5, or the same batch
on one BLAS thread and on two, differ in the last bits of float32 (up to about 1e-6); on an AVX-512
machine they came out equal to the bit. So vectors computed in batches of different shapes are the
same when they agree to float32 rounding, not to the bit.
"""

from __future__ import annotations

from typing import Any

import numpy as np

ATOL = 1e-5  # float32 rounding of unit-length vectors' components, with room for a 384-term sum


def assert_same_vectors(got: Any, want: Any) -> None:
    np.testing.assert_allclose(np.asarray(got), np.asarray(want), rtol=0, atol=ATOL)
