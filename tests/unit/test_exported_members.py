"""The public API is small, sorted and importable (after httpx's tests/test_exported_members.py)."""

from __future__ import annotations

import importlib

import pytest

import blickwinkel

PACKAGES = [
    "blickwinkel",
    "blickwinkel.batch",
    "blickwinkel.compare",
    "blickwinkel.embed",
    "blickwinkel.ingest",
    "blickwinkel.report",
    "blickwinkel.stories",
    "blickwinkel.text",
    "blickwinkel.web",
]


def isort_key(name: str) -> tuple[int, str]:
    """The order ruff's RUF022 keeps: CONSTANTS, then Classes, then functions."""
    if name.isupper():
        return (0, name)
    return (1, name) if name[:1].isupper() else (2, name)


@pytest.mark.parametrize("name", PACKAGES)
def test_all_is_sorted_and_every_name_exists(name: str) -> None:
    module = importlib.import_module(name)
    exported = list(module.__all__)
    assert exported == sorted(exported, key=isort_key), f"{name}.__all__ is not sorted"
    for member in exported:
        assert hasattr(module, member), f"{name}.__all__ names {member!r}, which is missing"


def test_top_level_api() -> None:
    assert blickwinkel.__all__ == sorted(blickwinkel.__all__, key=isort_key)
    assert issubclass(blickwinkel.BlickwinkelError, Exception)
