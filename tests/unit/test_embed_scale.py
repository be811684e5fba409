"""Cosines of other embedders are mapped onto the USE scale the comparison's thresholds use."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from blickwinkel.embed.backends import COSINE_QUANTILES, on_use_scale


def test_use_is_left_as_it_is() -> None:
    sims = np.array([[1.0, 0.3], [0.3, 1.0]], dtype=np.float32)
    assert np.array_equal(on_use_scale(sims, "use"), sims)
    assert np.array_equal(on_use_scale(sims, "some-plugin-embedder"), sims)


def test_e5_quantiles_land_on_the_use_quantiles() -> None:
    mapped = on_use_scale(np.array(COSINE_QUANTILES["e5"], dtype=np.float32), "e5")
    assert np.allclose(mapped, COSINE_QUANTILES["use"], atol=1e-6)
    assert on_use_scale(np.array([1.0], dtype=np.float32), "e5")[0] == 1.0


@given(st.floats(-1, 1), st.floats(-1, 1))
def test_the_mapping_keeps_the_order(a: float, b: float) -> None:
    low, high = sorted((a, b))
    mapped = on_use_scale(np.array([low, high], dtype=np.float32), "e5")
    assert mapped[0] <= mapped[1]


def test_a_story_worker_embeds_with_e5_on_one_thread() -> None:
    from blickwinkel.embed.backends import CachedEmbedder, E5Embedder
    from blickwinkel.stories import parallel

    inner = E5Embedder()  # not loaded: the model loads on first use
    parallel._start_worker(CachedEmbedder(inner))
    assert inner.threads == 1
    chosen = E5Embedder(threads=3)
    parallel._start_worker(chosen)
    assert chosen.threads == 3  # a number the caller chose is kept
