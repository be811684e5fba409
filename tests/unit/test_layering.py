"""No import runs back up the pipeline, and the pure stages get their embedder passed in."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import blickwinkel

SRC = Path(blickwinkel.__file__).parent

# The pipeline's order (docs/architecture.md): a module may import its own stage and the ones before.
RANK = {
    "errors": 0,
    "config": 0,
    "model": 0,
    "registry": 0,
    "datacache": 0,
    "_lazy": 0,
    "scores": 0,
    "groups": 0,
    "text": 1,
    "ingest": 2,
    "analyse": 3,
    "embed": 3,
    "stories": 4,
    "compare": 5,
    "report": 6,
    "pipeline": 7,
    "evaluation": 7,
    "store": 7,
    "web": 8,
    "batch": 8,
    "cli": 9,
    "__main__": 9,  # `python -m blickwinkel`: the command line
}
# Known edges that run back up; each is a place to fix, listed so that no new one slips in.
KNOWN: set[tuple[str, str]] = set()
PURE = ("text", "analyse", "stories", "compare", "report")


def _stage(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return parts[0]


def _imports(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("blickwinkel."):
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("blickwinkel.")]
    return found


def test_no_import_runs_back_up_the_pipeline() -> None:
    upward = []
    for path in sorted(SRC.rglob("*.py")):
        stage = _stage(path)
        if stage == "__init__":
            continue
        for line, module in _imports(path):
            target = module.split(".")[1]
            if RANK.get(target, 0) > RANK[stage] and (stage, module) not in KNOWN:
                upward.append(f"{path.relative_to(SRC)}:{line} imports {module}")
    assert upward == []


def test_every_module_has_a_stage() -> None:
    assert {_stage(p) for p in SRC.rglob("*.py")} - {"__init__"} <= RANK.keys()


def test_pure_stages_get_the_embedder_passed_in() -> None:
    reaching = [
        f"{path.relative_to(SRC)}: {name}"
        for stage in PURE
        for path in sorted((SRC / stage).rglob("*.py"))
        for name in ("get_embedder", "_LOADED")
        if name in path.read_text(encoding="utf-8")
    ]
    assert reaching == []


def test_analysis_starts_no_process() -> None:
    # analyse/background.py forked a child and spoke to it through pipes from inside the pure core;
    # that plumbing is at the command's edge now (cli/_background.py, ner_tagger.use_vector_workers).
    process_io = re.compile(
        r"\bos\.(?:fork|pipe|kill|waitpid)\b|^import (?:select|signal|subprocess)\b", re.M
    )
    found = [
        f"{path.relative_to(SRC)}: {hit}"
        for path in sorted((SRC / "analyse").rglob("*.py"))
        for hit in process_io.findall(path.read_text(encoding="utf-8"))
    ]
    assert found == []
