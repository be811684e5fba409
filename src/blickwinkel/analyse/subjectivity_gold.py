"""The opinion gold (``blickwinkel.gold-opinion/1``, examples/gold-real/opinion/README.md): sentences of
published articles, each named by its record in a data file under the data root, character offsets of
the record's text field and a short hash, and labelled by an editor ``SUBJ`` (the outlet's own judgement,
evaluation, speculation or appeal) or ``OBJ`` (a plain report, also of what someone said). No article
text is kept in the gold; :func:`read_opinion_gold` reads the sentences from the data."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from blickwinkel.compare.gold_real import ArticleRef, span_hash
from blickwinkel.errors import Errors, EvaluationError, invalid_json, unreadable_file
from blickwinkel.evaluation import dataset_record
from blickwinkel.text import repair_mojibake

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


def is_opinion_gold(path: Path) -> bool:
    """Whether ``path`` names an opinion gold file (JSON) rather than a labelled TSV."""
    return path.suffix.lower() == ".json"


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
    record = dataset_record(data_root, ref)
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
                event=source,
                article=ref.id,
                dataset=ref.dataset,
                record=dict(ref.record),
                digest=span_hash(raw),
                expected=ref.digest,
            )
        )
    pairs = []
    for start, end, digest, label in spans:
        piece = raw[start:end]
        if span_hash(piece) != digest:
            raise EvaluationError(
                Errors.V014.format(start=start, end=end, digest=digest, problem=f"of {ref.id} has changed")
            )
        pairs.append((" ".join(repair_mojibake(piece).split()), str(label)))
    return pairs
