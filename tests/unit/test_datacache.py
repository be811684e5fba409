"""The user-cache tables: a mapped table answers like the dict it was built from, and a cache that
cannot be written costs only speed."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from blickwinkel import datacache
from blickwinkel.analyse import lemmas


def _table(tmp: Path, items: dict[str, str]) -> datacache.MappedStringMap:
    path = tmp / "table.map"
    datacache.write_string_map(path, ((k.encode(), v.encode()) for k, v in items.items()))
    return datacache.MappedStringMap(path)


@given(
    st.dictionaries(st.text(min_size=1, max_size=12), st.text(max_size=12), max_size=40), st.text(max_size=12)
)
def test_mapped_table_answers_like_the_dict(items: dict[str, str], probe: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        table = _table(Path(tmp), items)
        assert len(table) == len(items)
        assert sorted(table) == sorted(items)
        for key, value in items.items():
            assert table[key] == value
            assert key in table
        assert table.get(probe) == items.get(probe)
        assert (probe in table) == (probe in items)


def test_damaged_table_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "broken.map"
    path.write_bytes(b"not a table at all")
    with pytest.raises(ValueError, match=r"broken\.map"):
        datacache.MappedStringMap(path)


def test_cache_is_written_once_and_reused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    calls: list[Path] = []

    def write(path: Path) -> None:
        calls.append(path)
        path.write_text("built")

    first = datacache.cached_file("thing.bin", write)
    second = datacache.cached_file("thing.bin", write)
    assert first == second and first is not None and first.read_text() == "built"
    assert len(calls) == 1
    assert [p.name for p in first.parent.iterdir()] == ["thing.bin"]  # no temporary file left behind


def test_unwritable_cache_only_costs_speed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "file-not-dir"
    blocked.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert datacache.cached_file("thing.bin", lambda path: path.write_text("x")) is None


def test_lemmas_come_from_the_mapped_dictionary() -> None:
    assert lemmas.lemma("Häuser", "de") == "Haus"
    assert lemmas.lemma("houses", "en") == "house"
    assert lemmas.is_known("haus", "de")
    assert not lemmas.is_known("xqzzyv", "de")
