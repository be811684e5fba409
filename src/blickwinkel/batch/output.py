"""What a batch run writes: Parquet tables under ``--out`` and the work files that make it resumable.

Layout (``OUT`` may be a local folder or any fsspec URL every worker can reach)::

    OUT/articles/<chunk>.parquet     one row per article (each article in exactly one chunk)
    OUT/statements/<chunk>.parquet   the statements of those articles
    OUT/facts/<chunk>.parquet        facts of the stories compared in the chunk
    OUT/conflicts/<chunk>.parquet    their conflicts
    OUT/stories.parquet              every story with its articles
    OUT/failures.jsonl               every input, record or article that failed, with its reason
    OUT/manifest.json                counts of the run
    OUT/_work/                       per-partition features and done markers (safe to delete after a run)

Every file is written to a temporary name and renamed, so a killed run leaves whole files or none.
"""

from __future__ import annotations

import json
import pickle
import uuid
from collections.abc import Sequence
from typing import Any

from blickwinkel.model import Article, Comparison, Statement

TABLES = ("articles", "statements", "facts", "conflicts")

SCHEMAS: dict[str, list[tuple[str, str]]] = {
    "articles": [
        ("id", "string"),
        ("story", "string"),
        ("outlet", "string"),
        ("url", "string"),
        ("title", "string"),
        ("published", "date"),
        ("language", "string"),
        ("source", "string"),
        ("text", "string"),
    ],
    "statements": [
        ("id", "string"),
        ("story", "string"),
        ("article", "string"),
        ("start", "int"),
        ("end", "int"),
        ("text", "string"),
        ("kind", "string"),
        ("subjective", "bool"),
        ("speaker", "string"),
        ("speaker_kind", "string"),
        ("language", "string"),
    ],
    "facts": [
        ("id", "string"),
        ("story", "string"),
        ("statements", "list"),
        ("articles", "list"),
        ("canonical", "string"),
        ("earliest", "string"),
        ("centrality", "float"),
    ],
    "conflicts": [
        ("id", "string"),
        ("story", "string"),
        ("kind", "string"),
        ("fact", "string"),
        ("statements", "list"),
        ("values", "string"),
        ("reason", "string"),
    ],
    "stories": [
        ("id", "string"),
        ("title", "string"),
        ("articles", "list"),
        ("outlets", "list"),
        ("languages", "list"),
        ("first", "date"),
        ("last", "date"),
    ],
}


class Output:
    """Reads and writes the files of one ``--out`` location through fsspec."""

    def __init__(self, url: str) -> None:
        import fsspec

        self.url = url.rstrip("/")
        self.fs, self.root = fsspec.core.url_to_fs(self.url)

    def path(self, *parts: str) -> str:
        return "/".join([self.root.rstrip("/"), *parts])

    def exists(self, *parts: str) -> bool:
        return bool(self.fs.exists(self.path(*parts)))

    def _atomic(self, parts: Sequence[str], data: bytes) -> None:
        final = self.path(*parts)
        self.fs.makedirs(final.rsplit("/", 1)[0], exist_ok=True)
        temporary = f"{final}.{uuid.uuid4().hex}.tmp"
        with self.fs.open(temporary, "wb") as handle:
            handle.write(data)
        self.fs.mv(temporary, final)

    def write_bytes(self, parts: Sequence[str], data: bytes) -> None:
        self._atomic(parts, data)

    def write_pickle(self, parts: Sequence[str], value: object) -> None:
        self._atomic(parts, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))

    def read_pickle(self, *parts: str) -> Any:
        with self.fs.open(self.path(*parts), "rb") as handle:
            return pickle.load(handle)  # our own work files, written by this module

    def write_table(self, parts: Sequence[str], name: str, rows: Sequence[dict[str, Any]]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pylist(list(rows), schema=_schema(name))
        sink = pa.BufferOutputStream()
        pq.write_table(table, sink)
        self._atomic(parts, sink.getvalue().to_pybytes())

    def list(self, folder: str) -> list[str]:
        if not self.exists(folder):
            return []
        return sorted(p.rsplit("/", 1)[-1] for p in self.fs.ls(self.path(folder), detail=False))

    def remove(self, *parts: str) -> None:
        self.fs.rm(self.path(*parts))


def _schema(name: str) -> Any:
    import pyarrow as pa

    types = {
        "string": pa.string(),
        "int": pa.int64(),
        "float": pa.float64(),
        "bool": pa.bool_(),
        "date": pa.date32(),
        "list": pa.list_(pa.string()),
    }
    return pa.schema([(column, types[kind]) for column, kind in SCHEMAS[name]])


def article_row(article: Article, story: str) -> dict[str, Any]:
    return {
        "id": article.id,
        "story": story,
        "outlet": article.outlet,
        "url": article.url,
        "title": article.title,
        "published": article.published,
        "language": article.language,
        "source": article.source,
        "text": article.text,
    }


def statement_row(statement: Statement, story: str) -> dict[str, Any]:
    return {
        "id": statement.id,
        "story": story,
        "article": statement.article,
        "start": statement.start,
        "end": statement.end,
        "text": statement.text,
        "kind": statement.kind,
        "subjective": statement.subjective,
        "speaker": statement.speaker,
        "speaker_kind": statement.speaker_kind,
        "language": statement.language,
    }


def comparison_rows(comparison: Comparison, story: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Facts and conflicts of one story's comparison as table rows."""
    facts = [{**f.to_json(), "story": story} for f in comparison.facts]
    conflicts = [
        {
            "id": c.id,
            "story": story,
            "kind": c.kind,
            "fact": c.fact,
            "statements": list(c.statements),
            "values": json.dumps(list(c.values), ensure_ascii=False, default=str),
            "reason": c.reason,
        }
        for c in comparison.conflicts
    ]
    return facts, conflicts
