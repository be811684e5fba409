"""From gold files to scores: read a gold file and the articles it names, compare them, score.

The plain functions behind ``blickwinkel eval compare`` and the comparison quality gate. Two gold
formats are read: ``blickwinkel.gold/1`` (our example stories, inputs by path, facts by fragment;
examples/gold/README.md) and ``blickwinkel.gold-real/1`` (published articles by reference, facts by
character span; examples/gold-real/README.md). The opinion gold (``blickwinkel.gold-opinion/1``,
examples/gold-real/opinion/README.md) names labelled sentences of published articles the same way;
``blickwinkel eval subjectivity`` reads it with :func:`read_opinion_gold`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from blickwinkel.compare.evaluate import (
    REAL_GOLD_SCHEMA,
    ArticleRef,
    Gold,
    RealGold,
    comparison_errors,
    evaluate_comparison,
    evaluate_real_comparison,
    micro_average,
    parse_gold,
    parse_real_gold,
    real_comparison_errors,
    span_hash,
)
from blickwinkel.config import DEFAULT_LINK_EMBEDDER
from blickwinkel.errors import Errors, EvaluationError, invalid_json, unreadable_file
from blickwinkel.ingest.json_records import record_to_article
from blickwinkel.model import Article
from blickwinkel.text import repair_mojibake

# Where ``../shared/data`` is when the command runs from the repository root.
DEFAULT_DATA_ROOT = Path("../shared/data")


def read_gold_json(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError(unreadable_file(path, exc, "a gold JSON file (examples/gold/*.json)")) from exc
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise EvaluationError(f"{path}: {invalid_json(exc)}") from exc


def read_gold(path: Path) -> Gold | RealGold:
    """The validated gold file at ``path``, in either format."""
    data = read_gold_json(path)
    if isinstance(data, dict) and data.get("schema") == REAL_GOLD_SCHEMA:
        return parse_real_gold(data, str(path))
    return parse_gold(data, str(path))


def score_gold_file(
    path: Path,
    embedder: str,
    threshold: float,
    *,
    errors: bool = False,
    data_root: Path = DEFAULT_DATA_ROOT,
    link_embedder: str = DEFAULT_LINK_EMBEDDER,
) -> dict[str, Any]:
    """Read the gold file and its articles, compare them and score the comparison."""
    from blickwinkel.pipeline import compare_articles_text

    gold = read_gold(path)
    try:
        if isinstance(gold, RealGold):
            articles, raw = read_gold_articles(gold, data_root)
            comparison = compare_articles_text(
                articles, embedder=embedder, threshold=threshold, link_embedder=link_embedder
            )
            result = evaluate_real_comparison(gold, comparison, raw)
            if errors:
                result["errors"] = real_comparison_errors(gold, comparison, raw)
            result["split"] = gold.split
            return result
        from blickwinkel.ingest import read_inputs

        read = read_inputs([str(path.parent / given) for given in gold.inputs])
        if read.failures:
            raise EvaluationError(f"field 'inputs': {read.failures[0]}")
        comparison = compare_articles_text(
            read.articles, embedder=embedder, threshold=threshold, link_embedder=link_embedder
        )
        result = evaluate_comparison(gold, comparison)
        if errors:
            result["errors"] = comparison_errors(gold, comparison)
        return result
    except EvaluationError as exc:
        raise EvaluationError(f"{path}: {exc}") from exc


def gold_split(path: Path) -> str | None:
    """The split a gold file belongs to: a real-news gold file's, ``train`` for our own training
    stories (a ``blickwinkel.gold/1`` file with ``"split": "train"``), None for our example stories."""
    data = read_gold_json(path)
    if not isinstance(data, dict):
        return None
    if data.get("schema") == REAL_GOLD_SCHEMA:
        return str(data.get("split"))
    return str(data["split"]) if data.get("split") is not None else None


def gold_files_of_split(paths: Sequence[Path], split: str | None) -> list[Path]:
    """The files of ``paths`` that a run on ``split`` scores: real-news gold of that split and all of
    our example stories (all files when ``split`` is None)."""
    if split is None:
        return list(paths)
    kept = [p for p in paths if gold_split(p) in (None, split)]
    if not kept:
        raise EvaluationError(Errors.V019.format(split=split, count=len(paths)))
    return kept


def evaluate_gold_files(
    paths: Sequence[Path],
    embedder: str,
    threshold: float,
    *,
    errors: bool = False,
    data_root: Path = DEFAULT_DATA_ROOT,
    split: str | None = None,
    link_embedder: str = DEFAULT_LINK_EMBEDDER,
) -> dict[str, Any]:
    """One file's scores, or ``{"files": {path: scores}, "total": micro-average}`` for several.

    ``split`` keeps only real-news gold files of that split (``tune`` or ``heldout``); our example
    stories are kept with either.
    """
    paths = gold_files_of_split(paths, split)
    if len(paths) == 1:
        return score_gold_file(
            paths[0], embedder, threshold, errors=errors, data_root=data_root, link_embedder=link_embedder
        )
    results: dict[str, Any] = {}
    failed: dict[str, str] = {}
    for p in paths:  # a broken gold file is named and left out; the rest of the batch is scored
        try:
            results[str(p)] = score_gold_file(
                p, embedder, threshold, errors=errors, data_root=data_root, link_embedder=link_embedder
            )
        except EvaluationError as exc:
            failed[str(p)] = str(exc) if str(p) in str(exc) else f"{p}: {exc}"
    if not results:
        raise EvaluationError("; ".join(failed.values()))
    total = {"files": results, "total": micro_average(list(results.values()))}
    return {**total, "failed": failed} if failed else total


# Real-news gold keeps no article text: each article is a record of a data file under a data root
# (``../shared/data`` by default), a field of that record and a short hash of the field, so a changed or
# missing data file is reported instead of scored (examples/gold-real/README.md).


@cache
def _records(path: Path) -> tuple[Any, ...]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise EvaluationError(Errors.V020.format(path=path, problem=exc.strerror)) from exc
    if path.suffix == ".jsonl":
        return tuple(_json_line(line, f"{path}:{n}") for n, line in enumerate(text.split("\n"), start=1))
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise EvaluationError(f"{path}: {invalid_json(exc)}") from exc
    return tuple(data) if isinstance(data, list) else (data,)


def _json_line(line: str, where: str) -> Any:
    if not line.strip():
        return None
    try:
        return json.loads(line)
    except (ValueError, RecursionError) as exc:
        raise EvaluationError(f"{where}: {invalid_json(exc, one_line=True)}") from exc


def dataset_record(data_root: Path, ref: ArticleRef) -> dict[str, Any]:
    """The record ``ref`` names in its data file under ``data_root``; EvaluationError (V020/V021) if none."""
    records = _records(data_root / ref.dataset)
    rec = ref.record
    found: Any = None
    if "event" in rec and "article" in rec:  # story clusters: events holding articles
        event_no, article_no = _index(rec, "event", ref), _index(rec, "article", ref)
        event = records[event_no] if event_no < len(records) else None
        arts = event.get("articles", []) if isinstance(event, dict) else []
        found = arts[article_no] if article_no < len(arts) else None
    elif "pair_id" in rec:  # article pairs
        found = next((r for r in records if isinstance(r, dict) and r.get("pair_id") == rec["pair_id"]), None)
    elif "line" in rec:  # JSON Lines, 1-based line number
        line = _index(rec, "line", ref)
        found = records[line - 1] if 0 < line <= len(records) else None
    if not isinstance(found, dict):
        raise EvaluationError(
            Errors.V021.format(dataset=ref.dataset, problem=f"no record {dict(rec)}", article=ref.id)
        )
    return found


def _index(rec: Mapping[str, Any], key: str, ref: ArticleRef) -> int:
    """``rec[key]`` as a position: a whole number of 0 or more (a text such as "x" crashed the reader,
    and -1 read the last record, which only the hash check then caught)."""
    value = rec[key]
    if isinstance(value, str) and value.isascii() and value.isdigit():
        return int(value)  # as the reader always took it
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise EvaluationError(
            Errors.V021.format(
                dataset=ref.dataset,
                problem=f"record {dict(rec)}: {key!r} is no whole number of 0 or more",
                article=ref.id,
            )
        )
    return value


def dataset_text(data_root: Path, ref: ArticleRef, source: str) -> str:
    """The raw text field ``ref`` names, checked against the hash the gold keeps: EvaluationError V021 if
    the field holds no text, V022 (naming ``source``) if the text has changed."""
    raw = dataset_record(data_root, ref).get(ref.field)
    if not isinstance(raw, str):
        raise EvaluationError(
            Errors.V021.format(
                dataset=ref.dataset, problem=f"field {ref.field!r} is not text", article=ref.id
            )
        )
    if span_hash(raw) != ref.digest:
        raise EvaluationError(
            Errors.V022.format(
                event=source,
                article=ref.id,
                dataset=ref.dataset,
                record=dict(ref.record),
                digest=span_hash(raw),
                expected=ref.digest,
            )
        )
    return raw


def read_gold_articles(gold: RealGold, data_root: Path) -> tuple[list[Article], dict[str, str]]:
    """The gold's articles as the JSON reader makes them, and each article's raw text field."""
    articles: list[Article] = []
    raw_texts: dict[str, str] = {}
    for ref in gold.articles:
        raw = dataset_text(data_root, ref, gold.event)
        raw_texts[ref.id] = raw
        articles.append(
            record_to_article(
                {"id": ref.id, "text": raw, "language": ref.language},
                source=f"{ref.dataset}:{ref.id}",
                default_id=ref.id,
            )
        )
    return articles, raw_texts


# The opinion gold (``blickwinkel.gold-opinion/1``, examples/gold-real/opinion/README.md): sentences of
# published articles, each named by its record in a data file under the data root, character offsets of
# the record's text field and a short hash, and labelled by an editor ``SUBJ`` (the outlet's own
# judgement, evaluation, speculation or appeal) or ``OBJ`` (a plain report, also of what someone said).

OPINION_GOLD_SCHEMA = "blickwinkel.gold-opinion/1"
OPINION_SPLITS = ("tune", "heldout")
_LABELS = ("OBJ", "SUBJ")


@dataclass
class OpinionGold:
    """The labelled sentences of one gold file (of the split asked for), and the records that could not
    be read (each message names the file, the record and why)."""

    language: str
    pairs: list[tuple[str, str]] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def read_opinion_gold(path: Path, data_root: Path, split: str | None = None) -> OpinionGold:
    """The (sentence, label) pairs of ``path`` whose record is in ``split`` (all with ``None``).

    A record whose data is missing or changed is named in ``failed`` and left out; the rest is read.
    """
    source = str(path)
    try:
        data: Any = json.loads(path.read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError(unreadable_file(path, exc, "an opinion gold file (JSON)")) from exc
    except (ValueError, RecursionError) as exc:
        raise EvaluationError(f"{source}: {invalid_json(exc)}") from exc
    if not isinstance(data, dict) or data.get("schema") != OPINION_GOLD_SCHEMA:
        raise EvaluationError(Errors.V010.format(source=source, expected=OPINION_GOLD_SCHEMA))
    if split is not None and split not in OPINION_SPLITS:
        raise EvaluationError(
            Errors.V011.format(source=source, split=split, splits=", ".join(OPINION_SPLITS))
        )
    header = {k: data.get(k) for k in ("language", "dataset", "field")}
    records = data.get("records")
    if not all(isinstance(v, str) and v for v in header.values()) or not isinstance(records, list):
        raise EvaluationError(Errors.V052.format(source=source, field="the file", problem="is incomplete"))
    gold = OpinionGold(language=str(header["language"]))
    for n, rec in enumerate(records):
        where = f"records[{n}]"
        if not _well_formed(rec):
            raise EvaluationError(Errors.V052.format(source=source, field=where, problem="is incomplete"))
        if rec["split"] not in OPINION_SPLITS:
            raise EvaluationError(
                Errors.V011.format(
                    source=f"{source} {where}", split=rec["split"], splits=", ".join(OPINION_SPLITS)
                )
            )
        if split is not None and rec["split"] != split:
            continue
        ref = ArticleRef(
            where, str(header["dataset"]), rec["record"], str(header["field"]), gold.language, rec["sha"]
        )
        try:
            gold.pairs += _sentences(ref, rec["sentences"], data_root, source)
        except EvaluationError as exc:
            gold.failed.append(f"{source}: {exc}")
    return gold


def _well_formed(rec: Any) -> bool:
    return (
        isinstance(rec, dict)
        and isinstance(rec.get("record"), dict)
        and bool(rec["record"])
        and isinstance(rec.get("sha"), str)
        and isinstance(rec.get("split"), str)
        and isinstance(rec.get("sentences"), list)
        and all(
            isinstance(s, list)
            and len(s) == 4
            and isinstance(s[0], int)
            and isinstance(s[1], int)
            and 0 <= s[0] < s[1]
            and isinstance(s[2], str)
            and s[3] in _LABELS
            for s in rec["sentences"]
        )
    )


def _sentences(
    ref: ArticleRef, spans: list[list[Any]], data_root: Path, source: str
) -> list[tuple[str, str]]:
    raw = dataset_text(data_root, ref, source)
    pairs = []
    for start, end, digest, label in spans:
        piece = raw[start:end]
        if span_hash(piece) != digest:
            raise EvaluationError(
                Errors.V014.format(start=start, end=end, digest=digest, problem=f"of {ref.id} has changed")
            )
        pairs.append((" ".join(repair_mojibake(piece).split()), str(label)))
    return pairs
