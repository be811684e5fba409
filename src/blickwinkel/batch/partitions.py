"""Partitioned inputs of a batch run: JSONL or Parquet files, local or behind any fsspec URL.

A partition is one file. Its records are read with the JSON record reader every other command uses
(:func:`blickwinkel.ingest.json_records.item_to_article`), so a bad record fails alone with the
field that is wrong and names ``file:line`` (JSONL) or ``file#row`` (Parquet).
"""

from __future__ import annotations

import codecs
import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any, Literal

from blickwinkel.errors import Errors, IngestError, invalid_json
from blickwinkel.ingest import ReadResult
from blickwinkel.ingest._decode import mostly_utf8, western_text
from blickwinkel.ingest.json_records import crawl_sources, item_to_article
from blickwinkel.model import Article

Format = Literal["jsonl", "parquet"]
FORMATS: dict[str, Format] = {".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet", ".pq": "parquet"}


@dataclass(frozen=True)
class Partition:
    """One input file; ``key`` names it in the work directory (stable while the file is unchanged)."""

    url: str
    format: Format
    key: str


def _filesystem(url: str) -> tuple[Any, str]:
    import fsspec

    try:
        fs, path = fsspec.core.url_to_fs(url)
        return fs, str(path)
    except (ImportError, ValueError) as exc:
        raise IngestError(url, Errors.B002.format(exc=exc)) from exc


def _key(url: str, info: dict[str, Any]) -> str:
    stamp = f"{url}\0{info.get('size')}\0{info.get('mtime') or info.get('LastModified') or ''}"
    digest = hashlib.sha1(stamp.encode()).hexdigest()[:12]
    return f"{PurePosixPath(url).stem[:40]}-{digest}"


def list_partitions(
    inputs: Sequence[str], passed_over: list[str] | None = None
) -> tuple[list[Partition], list[IngestError]]:
    """The partitions behind ``inputs`` (files, directories, glob patterns, fsspec URLs), in order.

    Directories contribute their JSONL and Parquet files, recursively and sorted; their other files
    are added to ``passed_over`` (when given), so that the command can say so. An input that names
    nothing readable is returned as an error and the others are still listed.
    """
    partitions: list[Partition] = []
    failures: list[IngestError] = []
    seen: set[str] = set()
    for given in inputs:
        try:
            found = list(_expand(given, passed_over))
        except IngestError as exc:
            failures.append(exc)
            continue
        except OSError as exc:
            failures.append(IngestError(given, Errors.B003.format(exc=exc)))
            continue
        if not found:
            failures.append(IngestError(given, Errors.B004.format(endings=", ".join(sorted(FORMATS)))))
        for partition in found:
            if partition.url not in seen:
                seen.add(partition.url)
                partitions.append(partition)
    return partitions, failures


def _expand(given: str, passed_over: list[str] | None = None) -> Iterator[Partition]:
    fs, path = _filesystem(given)
    protocol = given.split("://", 1)[0] + "://" if "://" in given else ""
    if any(ch in path for ch in "*?["):
        paths = sorted(fs.glob(path))
    elif fs.isdir(path):
        paths = sorted(p for p in fs.find(path) if not PurePosixPath(p).name.startswith("."))
    elif fs.exists(path):
        paths = [path]
    else:
        raise IngestError(given, Errors.B005)
    explicit = len(paths) == 1 and paths[0] == path
    for p in paths:
        suffix = PurePosixPath(p).suffix.lower()
        if suffix not in FORMATS:
            if explicit:
                raise IngestError(given, Errors.B006.format(suffix=suffix or "(none)"))
            if passed_over is not None:
                passed_over.append(protocol + p if protocol and not p.startswith(protocol) else p)
            continue
        url = protocol + p if protocol and not p.startswith(protocol) else p
        yield Partition(url=url, format=FORMATS[suffix], key=_key(url, fs.info(p)))


def read_partition(partition: Partition) -> ReadResult:
    """The articles of one partition and one error for each record (or the file) that failed."""
    try:
        fs, path = _filesystem(partition.url)
        with fs.open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise IngestError(partition.url, Errors.B007.format(exc=exc)) from exc
    if partition.format == "parquet":
        rows = _parquet_rows(partition.url, data)
        where = [f"{partition.url}#{n}" for n in range(1, len(rows) + 1)]
    else:
        rows, where, failures = _jsonl_rows(partition.url, data)
        if failures:
            result = _records(rows, where, partition)
            return ReadResult(result.articles, tuple(failures) + result.failures)
    return _records(rows, where, partition)


def _jsonl_lines(data: bytes) -> Iterator[tuple[int, str | None, int]]:
    """The lines of a JSONL partition, numbered, as text; a line that is not UTF-8 (a record of another
    encoding among UTF-8 ones, a byte broken by a cut copy) is read as the file reader reads such
    text (mostly UTF-8 with a few broken bytes, else Western European), else None with the position
    of its first bad byte in the file. One bad byte refused the whole partition (I017)."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        yield from ((n, line, 0) for n, line in enumerate(data.decode("utf-8").split("\n"), start=1))
        return
    except UnicodeDecodeError:
        pass
    offset = 0
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            yield number, raw.decode("utf-8"), 0
        except UnicodeDecodeError as exc:
            yield number, mostly_utf8(raw) or western_text(raw), offset + exc.start
        offset += len(raw) + 1


def _jsonl_rows(url: str, data: bytes) -> tuple[list[object], list[str], list[IngestError]]:
    rows: list[object] = []
    where: list[str] = []
    failures: list[IngestError] = []
    for number, line, bad_byte in _jsonl_lines(data):
        if line is None:
            failures.append(IngestError(f"{url}:{number}", Errors.I017.format(byte=bad_byte)))
            continue
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except (ValueError, RecursionError) as exc:
            # the words compare and ingest give the same line (the JSONL reader's)
            failures.append(IngestError(f"{url}:{number}", invalid_json(exc, one_line=True)))
            continue
        where.append(f"{url}:{number}")
    return rows, where, failures


def _parquet_rows(url: str, data: bytes) -> list[object]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(pa.BufferReader(data))
    except (pa.ArrowException, OSError) as exc:
        raise IngestError(url, Errors.B008.format(exc=exc)) from exc
    return [_plain(row) for row in table.to_pylist()]


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    """Parquet dates and timestamps as ISO strings, the form the JSON record reader takes."""
    return {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in row.items()}


def _records(rows: Sequence[object], where: Sequence[str], partition: Partition) -> ReadResult:
    articles: list[Article] = []
    failures: list[IngestError] = []
    crawls = crawl_sources(rows)  # as the file readers read it: a crawl's name is no outlet
    for row, source in zip(rows, where, strict=True):
        line = source.rsplit(":", 1)[-1].rsplit("#", 1)[-1]
        try:
            articles.append(
                item_to_article(row, source=source, default_id=f"{partition.key}-{line}", crawls=crawls)
            )
        except IngestError as exc:
            failures.append(exc)
        except Exception as exc:  # a reader bug must still name the record, and the partition goes on
            failures.append(IngestError(source, Errors.I013.format(kind=type(exc).__name__, exc=exc)))
    return ReadResult(tuple(articles), tuple(failures))
