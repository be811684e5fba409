"""Fixtures shared by every test tier: the shared data folder and the embedders, loaded once."""

from __future__ import annotations

from pathlib import Path

import pytest

from blickwinkel.embed import Embedder, get_embedder

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
