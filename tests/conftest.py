"""Fixtures shared by every test tier: the shared data folder and the embedders, loaded once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from blickwinkel.embed import Embedder, get_embedder

# Property tests assert what holds, never how fast (speed lives in bench/): no per-example deadline
# and no "too slow" health check, which failed tests on a loaded machine (a draw of 0.6 s).
settings.register_profile("blickwinkel", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("blickwinkel")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the repository; tests that need it are skipped where it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present on this machine")
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    seeds = shared_dir / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds is not present")
    return seeds


@pytest.fixture(scope="session")
def use_embedder() -> Embedder:
    """The default embedder, loaded once per test session."""
    return get_embedder("use")


def json_keys(node: Any) -> set[str]:
    """Every key of a parsed JSON document, at any depth (gold files must hold no field of article text)."""
    if isinstance(node, dict):
        return set(node) | {k for v in node.values() for k in json_keys(v)}
    if isinstance(node, list):
        return {k for v in node for k in json_keys(v)}
    return set()
