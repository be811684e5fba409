"""Build the opinion gold (examples/gold-real/opinion/, README there) from an editor's labels.

``candidates`` prints the sentences an editor labels: a fixed selection of records of the shared data
(see the README for the rule), each record's first sentences without quotation marks, each with an id.
The printout is read on the terminal and never saved in the repository. ``write`` turns a file of
``id<TAB>OBJ|SUBJ`` lines (the editor's labels, ids only, no text) into the gold file: every sentence
named by record, character offsets of the raw text field and a short hash, never by its words.

    python scripts/opinion_gold.py candidates de --data-root ../shared/data
    python scripts/opinion_gold.py write de LABELS.tsv --data-root ../shared/data
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "examples" / "gold-real" / "opinion"
SCHEMA = "blickwinkel.gold-opinion/1"

# The selection, fixed before any sentence was labelled or scored: German, corpus-de records in file
# order, the first RECORDS_DE[source] records of each source that hold at least MIN_SENTENCES
# sentences; English, the first article of each of the first RECORDS_EN WikiNews dev events. Of each
# record the first PER_RECORD sentences without quotation marks, 40 to 400 characters long.
RECORDS_DE = {"10kgnad": 20, "fang-covid": 8, "german-fakenc": 6}
RECORDS_EN = 22
PER_RECORD = 9
MIN_SENTENCES = 5
DATASETS = {"de": "corpus-de/articles.jsonl", "en": "story-clusters/wikinews-en-dev.json"}

# A sentence ends at . ! ? (or a closing bracket after one) before whitespace and a capital or digit,
# or glued to the next capital ("Berlin.Zuletzt"), as corpus-de's texts often are.
_END = re.compile(r"(?<=[.!?])(?:\s+|(?=[A-ZÄÖÜ]))(?=[A-ZÄÖÜ0-9„\"(])")
_QUOTES = re.compile(r"[„“”\"»«‚‘’]|(?<!\w)'|'(?!\w)")
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:Dr|Prof|St|Nr|bzw|ca|vgl|z\.B|u\.a|Mr|Mrs|Ms|Jr|Sen|Gov|Lt|Gen|No)|\b[A-Z])\.$"
)


def short_hash(text: str) -> str:
    """The first 8 hex digits of the SHA-1 of ``text`` (as examples/gold-real's span_hash)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def split_of(record_id: str) -> str:
    """tune or heldout by the parity of the record id's hash: fixed before anything was labelled."""
    return "tune" if int(short_hash(record_id), 16) % 2 == 0 else "heldout"


def sentences(text: str) -> list[tuple[int, int]]:
    spans = []
    for para in re.finditer(r"[^\n]+", text):
        start = para.start()
        cuts = [m.start() for m in _END.finditer(text, para.start(), para.end())]
        for cut in [*cuts, para.end()]:
            piece = text[start:cut]
            if cut != para.end() and _ABBREVIATIONS.search(piece.rstrip()):
                continue
            lead = len(piece) - len(piece.lstrip())
            body = piece.strip()
            if body:
                spans.append((start + lead, start + lead + len(body)))
            start = cut
    return spans


def records(lang: str, data_root: Path) -> list[tuple[dict[str, int], str, str]]:
    """(record reference, record id, raw text) of the selection."""
    out: list[tuple[dict[str, int], str, str]] = []
    if lang == "de":
        taken = dict.fromkeys(RECORDS_DE, 0)
        lines = (data_root / DATASETS["de"]).read_text(encoding="utf-8").split("\n")
        for n, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            rec = json.loads(line)
            source = rec.get("source")
            if source not in taken or taken[source] >= RECORDS_DE[source]:
                continue
            text = rec.get("text") or ""
            if len(sentences(text)) < MIN_SENTENCES:
                continue
            taken[source] += 1
            out.append(({"line": n}, f"corpus-de:{n}", text))
        return out
    events = json.loads((data_root / DATASETS["en"]).read_text(encoding="utf-8"))
    for e, event in enumerate(events[:RECORDS_EN]):
        text = event["articles"][0].get("text") or ""
        out.append(({"event": e, "article": 0}, f"wikinews-en-dev:{e}/0", text))
    return out


def candidates(lang: str, data_root: Path) -> list[dict[str, Any]]:
    found = []
    for ref, rid, text in records(lang, data_root):
        kept = 0
        for start, end in sentences(text):
            piece = text[start:end]
            if _QUOTES.search(piece) or not 40 <= len(piece) <= 400:
                continue
            found.append(
                {"id": f"{rid}@{start}", "ref": ref, "rid": rid, "start": start, "end": end, "text": text}
            )
            kept += 1
            if kept >= PER_RECORD:
                break
    return found


def _dumps(gold: dict[str, Any]) -> str:
    """The gold as JSON, one record per block and one sentence per line."""
    head = {k: v for k, v in gold.items() if k != "records"}
    lines = ["{"] + [f" {json.dumps(k)}: {json.dumps(v)}," for k, v in head.items()] + [' "records": [']
    blocks = []
    for rec in gold["records"]:
        sentences = ",\n".join(f"    {json.dumps(s)}" for s in rec["sentences"])
        blocks.append(
            f'  {{"record": {json.dumps(rec["record"])}, "sha": {json.dumps(rec["sha"])}, '
            f'"split": {json.dumps(rec["split"])}, "sentences": [\n{sentences}\n  ]}}'
        )
    return "\n".join(lines) + "\n" + ",\n".join(blocks) + "\n ]\n}\n"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("command", choices=("candidates", "write"))
    parser.add_argument("lang", choices=("de", "en"))
    parser.add_argument("labels", nargs="?", type=Path, help="write: id<TAB>OBJ|SUBJ lines")
    parser.add_argument("--data-root", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    found = candidates(args.lang, args.data_root)
    if args.command == "candidates":
        for c in found:
            print(f"{c['id']}\t{split_of(c['rid'])}\t{c['text'][c['start'] : c['end']]}")
        return 0
    if args.labels is None:
        parser.error("write needs the labels file")
    labels = {}
    for line in args.labels.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            cid, label = line.split("\t")[:2]
            labels[cid.strip()] = label.strip().upper()
    by_record: dict[str, dict[str, Any]] = {}
    for c in found:
        if c["id"] not in labels:
            continue
        entry = by_record.setdefault(
            c["rid"],
            {"record": c["ref"], "sha": short_hash(c["text"]), "split": split_of(c["rid"]), "sentences": []},
        )
        entry["sentences"].append(
            [c["start"], c["end"], short_hash(c["text"][c["start"] : c["end"]]), labels[c["id"]]]
        )
    missing = sorted(set(labels) - {c["id"] for c in found})
    if missing:
        print(f"labels for unknown ids: {missing}", file=sys.stderr)
        return 1
    gold = {
        "schema": SCHEMA,
        "language": args.lang,
        "dataset": DATASETS[args.lang],
        "field": "text",
        "records": list(by_record.values()),
    }
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    name = "corpus-de.json" if args.lang == "de" else "wikinews-en.json"
    path = OUT_DIR / name
    path.write_text(_dumps(gold), encoding="utf-8")
    count = sum(len(r["sentences"]) for r in gold["records"])
    print(f"{path}: {count} sentences, {len(gold['records'])} records")
    return 0


if __name__ == "__main__":
    sys.exit(main())
