"""Read the articles a real-news gold file names by reference (examples/gold-real/README.md).

The gold keeps no article text: each article is a record of a data file under a data root
(``../shared/data`` by default), a field of that record, and a short hash of the field, so a changed
or missing data file is reported instead of scored.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from blickwinkel.compare.evaluate import ArticleRef, RealGold, span_hash
from blickwinkel.errors import Errors, EvaluationError
from blickwinkel.ingest.json_records import record_to_article
from blickwinkel.model import Article


@cache
def _records(path: Path) -> tuple[Any, ...]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise EvaluationError(Errors.V020.format(path=path, problem=exc.strerror)) from exc
    if path.suffix == ".jsonl":
        return tuple(json.loads(line) if line.strip() else None for line in text.split("\n"))
    data = json.loads(text)
    return tuple(data) if isinstance(data, list) else (data,)


def _record(data_root: Path, ref: ArticleRef) -> dict[str, Any]:
    records = _records(data_root / ref.dataset)
    rec = ref.record
    found: Any = None
    if "event" in rec and "article" in rec:  # story clusters: events holding articles
        event = records[int(rec["event"])] if int(rec["event"]) < len(records) else None
        arts = event.get("articles", []) if isinstance(event, dict) else []
        found = arts[int(rec["article"])] if int(rec["article"]) < len(arts) else None
    elif "pair_id" in rec:  # article pairs
        found = next((r for r in records if isinstance(r, dict) and r.get("pair_id") == rec["pair_id"]), None)
    elif "line" in rec:  # JSON Lines, 1-based line number
        line = int(rec["line"])
        found = records[line - 1] if 0 < line <= len(records) else None
    if not isinstance(found, dict):
        raise EvaluationError(
            Errors.V021.format(dataset=ref.dataset, problem=f"no record {dict(rec)}", article=ref.id)
        )
    return found


def read_gold_articles(gold: RealGold, data_root: Path) -> tuple[list[Article], dict[str, str]]:
    """The gold's articles as the JSON reader makes them, and each article's raw text field."""
    articles: list[Article] = []
    raw_texts: dict[str, str] = {}
    for ref in gold.articles:
        record = _record(data_root, ref)
        raw = record.get(ref.field)
        if not isinstance(raw, str):
            raise EvaluationError(
                Errors.V021.format(
                    dataset=ref.dataset, problem=f"field {ref.field!r} is not text", article=ref.id
                )
            )
        if span_hash(raw) != ref.digest:
            raise EvaluationError(
                Errors.V022.format(
                    event=gold.event,
                    article=ref.id,
                    dataset=ref.dataset,
                    record=dict(ref.record),
                    digest=span_hash(raw),
                    expected=ref.digest,
                )
            )
        raw_texts[ref.id] = raw
        articles.append(
            record_to_article(
                {"id": ref.id, "text": raw, "language": ref.language},
                source=f"{ref.dataset}:{ref.id}",
                default_id=ref.id,
            )
        )
    return articles, raw_texts
