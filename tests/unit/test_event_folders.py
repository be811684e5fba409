"""A folder of event folders (as examples/train-stories) read as gold story events."""

from __future__ import annotations

from pathlib import Path

from blickwinkel.ingest import read_event_folders


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_each_sub_folder_is_one_event_and_ids_name_their_folder(tmp_path: Path) -> None:
    _write(tmp_path / "ferry" / "a.md", "# Ferry runs aground\n\nThe ferry Nordlicht ran aground near Kelby.")
    _write(tmp_path / "ferry" / "b.txt", "Ferry aground\n\nA ferry touched the sandbank off Kelby at dawn.")
    _write(tmp_path / "fair" / "a.md", "# Town fair opens\n\nThe autumn fair of Brenning opened on Saturday.")
    _write(tmp_path / "loose.md", "# Not in an event\n\nThis file lies beside the event folders.")
    _write(tmp_path / ".hidden" / "a.md", "# Hidden\n\nA hidden folder is no event.")
    articles, gold, failures = read_event_folders(str(tmp_path))
    assert not failures
    assert sorted(gold.values()) == ["fair", "ferry", "ferry"]
    assert {a.id for a in articles} == set(gold)
    assert all(a.id.startswith(gold[a.id] + "/") for a in articles)


def test_an_unreadable_file_is_named_and_the_rest_is_read(tmp_path: Path) -> None:
    _write(tmp_path / "fair" / "a.md", "# Town fair opens\n\nThe autumn fair of Brenning opened on Saturday.")
    (tmp_path / "fair" / "b.txt").write_bytes(b"")
    articles, gold, failures = read_event_folders(str(tmp_path))
    assert len(articles) == 1 and list(gold.values()) == ["fair"]
    assert len(failures) == 1 and "b.txt" in str(failures[0])
