"""Every data file and weight table inside the package is listed in ``docs/data-sources.md``.

A file counts as data when it is not source code, a template or a static web asset: word lists,
gazetteers, weight tables, models (json, tsv, txt, csv, bin, npz …). Each must be named in backticks
(its path under ``src/blickwinkel/`` or its bare file name) in a section of the page that states a
licence, so that a file added without saying where it comes from fails here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "blickwinkel"
DOC = ROOT / "docs" / "data-sources.md"

# Code and presentation we write ourselves, covered by the project's own licence: not data.
CODE_SUFFIXES = frozenset({".py", ".pyi", ".html", ".css", ".js", ".mako", ".typed", ".md"})
SKIPPED_DIRS = frozenset({"__pycache__"})
_LICENCE = re.compile(r"licen[cs]e|public domain|\bCC0\b|\bCC BY\b|GPL", re.IGNORECASE)
_HEADING = re.compile(r"^#{1,6} ", re.MULTILINE)


def data_files() -> list[str]:
    """Package files that are data, as paths relative to ``src/blickwinkel``."""
    found = []
    for path in sorted(PACKAGE.rglob("*")):
        if not path.is_file() or SKIPPED_DIRS & set(path.relative_to(PACKAGE).parts):
            continue
        if path.suffix.lower() in CODE_SUFFIXES:
            continue
        found.append(path.relative_to(PACKAGE).as_posix())
    return found


def _sections(text: str) -> list[str]:
    starts = [m.start() for m in _HEADING.finditer(text)] + [len(text)]
    return [text[a:b] for a, b in zip([0, *starts[:-1]], starts, strict=True)]


def test_the_package_has_data_files() -> None:
    assert "analyse/data/subjectivity.json" in data_files()


@pytest.mark.parametrize("relative", data_files())
def test_data_file_is_listed_with_its_licence(relative: str) -> None:
    names = {f"`{relative}`", f"`{Path(relative).name}`", f"`src/blickwinkel/{relative}`"}
    sections = [s for s in _sections(DOC.read_text(encoding="utf-8")) if any(n in s for n in names)]
    assert sections, (
        f"src/blickwinkel/{relative} is not named in docs/data-sources.md; add it (in backticks) "
        "with its source and licence."
    )
    assert any(_LICENCE.search(s) for s in sections), (
        f"docs/data-sources.md names src/blickwinkel/{relative} "
        "but no section that names it states a licence."
    )
