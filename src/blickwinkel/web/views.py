"""The story page's view of a comparison: built from the stored articles and the comparison JSON.

Article texts are untrusted: bodies are escaped slices of ``Article.text`` with statements as spans
over their own offsets (like :mod:`blickwinkel.report.html`), and only http(s) URLs become links.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from blickwinkel.model import Article
from blickwinkel.report.html import safe_url


@dataclass(frozen=True)
class ArticleColumn:
    id: str
    label: str
    title: str | None
    published: str | None
    language: str | None
    url: str | None
    blocks: tuple[tuple[str, Markup], ...]
    subjective: int
    quotes: int


@dataclass(frozen=True)
class Side:
    label: str
    text: str
    value: str | None
    anchor: str


@dataclass(frozen=True)
class FactRow:
    id: str
    text: str
    cells: tuple[str, ...]  # "yes", "conflict" or "no" per article column
    conflict: bool


@dataclass(frozen=True)
class StoryView:
    columns: tuple[ArticleColumn, ...]
    facts: tuple[FactRow, ...]
    conflicts: tuple[tuple[str, str, tuple[Side, ...]], ...]  # kind, reason, sides
    omissions: tuple[tuple[str, tuple[str, ...]], ...]  # outlet label, facts the others report
    quotes: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]  # speaker, (outlet label, text)
    timeline: tuple[tuple[str, str, str], ...]  # ISO date, outlet label, what
    n_conflicts: int
    n_facts: int
    n_shared: int
    languages: tuple[str, ...] = field(default=())


def _labels(articles: Mapping[str, Article]) -> dict[str, str]:
    counts: dict[str, int] = {}
    for a in articles.values():
        if a.outlet:
            counts[a.outlet] = counts.get(a.outlet, 0) + 1
    return {
        aid: (a.outlet if counts[a.outlet] == 1 else f"{a.outlet} ({aid})")
        if a.outlet
        else (a.title or aid)[:40]
        for aid, a in articles.items()
    }


def _anchor(statement_id: str) -> str:
    return "st-" + "".join(c if c.isalnum() or c in "-_" else "_" for c in statement_id)


def _body(
    article: Article, statements: list[dict[str, Any]], classes: dict[str, str]
) -> tuple[tuple[str, Markup], ...]:
    ordered = sorted(statements, key=lambda s: (int(s["start"]), -int(s["end"])))
    text = article.text
    blocks = article.blocks or ()
    out: list[tuple[str, Markup]] = []
    seen: set[str] = set()
    spans = [(b.kind, b.start, b.end) for b in blocks] or [("paragraph", 0, len(text))]
    for kind, start, block_end in spans:
        cursor = max(0, start)
        end = min(len(text), block_end)
        parts: list[Markup] = []
        for s in ordered:
            seg_start, seg_end = max(int(s["start"]), cursor), min(int(s["end"]), end)
            if seg_end <= seg_start:
                continue
            parts.append(escape(text[cursor:seg_start]))
            sid = str(s["id"])
            attrs = f'class="st {classes.get(sid, "none")}" tabindex="0"'
            if sid not in seen:
                attrs += f' id="{escape(_anchor(sid))}"'
                seen.add(sid)
            parts.append(Markup(f"<span {attrs}>{escape(text[seg_start:seg_end])}</span>"))
            cursor = seg_end
        parts.append(escape(text[cursor:end]))
        out.append((kind, Markup("").join(parts)))
    return tuple(out)


def _value(value: Any) -> str:
    if isinstance(value, dict):
        text = value.get("text") or value.get("value")
        return str(text)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def story_view(articles: Mapping[str, Article], comparison: Mapping[str, Any] | None) -> StoryView:
    """Everything the story page shows; without a comparison only the article columns."""
    labels = _labels(articles)
    data: Mapping[str, Any] = comparison or {}
    statements: list[dict[str, Any]] = list(data.get("statements", []))
    by_id = {str(s["id"]): s for s in statements}
    facts: list[dict[str, Any]] = list(data.get("facts", []))
    conflicts: list[dict[str, Any]] = list(data.get("conflicts", []))
    conflicted = {sid for c in conflicts for sid in c.get("statements", [])}
    conflict_facts = {c.get("fact") for c in conflicts}
    fact_articles: dict[str, set[str]] = {}
    classes: dict[str, str] = {}
    for f in facts:
        arts = set(f.get("articles", [])) | {
            by_id[s]["article"] for s in f.get("statements", []) if s in by_id
        }
        fact_articles[f["id"]] = arts
        for sid in f.get("statements", []):
            classes[sid] = "shared" if len(arts) >= 2 else "unique"
    for sid, s in by_id.items():
        extra = []
        if sid in conflicted:
            classes[sid] = "conflict"
        if s.get("subjective") or s.get("kind") == "commentary":
            extra.append("subj")
        if s.get("speaker") or s.get("kind") == "quote":
            extra.append("quote")
        classes[sid] = " ".join([classes.get(sid, "none"), *extra])

    columns = []
    for aid, article in articles.items():
        own = [s for s in statements if s.get("article") == aid]
        columns.append(
            ArticleColumn(
                id=aid,
                label=labels[aid],
                title=article.title,
                published=article.published.isoformat() if article.published else None,
                language=article.language,
                url=safe_url(article.url),
                blocks=_body(article, own, classes),
                subjective=sum(1 for s in own if s.get("subjective")),
                quotes=sum(1 for s in own if s.get("speaker") or s.get("kind") == "quote"),
            )
        )

    def canonical_text(f: dict[str, Any]) -> str:
        s = by_id.get(str(f.get("canonical"))) or next(
            (by_id[x] for x in f.get("statements", []) if x in by_id), None
        )
        return str(s["text"]) if s else str(f["id"])

    ordered_facts = sorted(facts, key=lambda f: -len(fact_articles[f["id"]]))
    conflict_articles: dict[str, set[str]] = {}
    for c in conflicts:
        conflict_articles.setdefault(c.get("fact", ""), set()).update(
            by_id[s]["article"] for s in c.get("statements", []) if s in by_id
        )
    rows = tuple(
        FactRow(
            id=f["id"],
            text=canonical_text(f),
            cells=tuple(
                "conflict"
                if aid in conflict_articles.get(f["id"], ())
                else "yes"
                if aid in fact_articles[f["id"]]
                else "no"
                for aid in articles
            ),
            conflict=f["id"] in conflict_facts,
        )
        for f in ordered_facts
    )

    conflict_views = []
    for c in conflicts:
        values = list(c.get("values", []))
        sides = []
        for n, sid in enumerate(c.get("statements", [])):
            said = by_id.get(sid)
            sides.append(
                Side(
                    label=labels.get(said["article"], said["article"]) if said else sid,
                    text=str(said["text"]) if said else sid,
                    value=_value(values[n]) if len(values) == len(c.get("statements", [])) else None,
                    anchor=_anchor(sid),
                )
            )
        conflict_views.append((str(c.get("kind", "")), str(c.get("reason", "")), tuple(sides)))

    omissions = []
    for aid in articles:
        missing = tuple(
            canonical_text(f)
            for f in ordered_facts
            if aid not in fact_articles[f["id"]] and len(fact_articles[f["id"]]) >= 2
        )
        omissions.append((labels[aid], missing))

    speakers: dict[str, list[tuple[str, str]]] = {}
    for s in statements:
        if s.get("speaker"):
            speakers.setdefault(str(s["speaker"]), []).append(
                (labels.get(s["article"], s["article"]), str(s["text"]))
            )

    timeline: list[tuple[str, str, str]] = []
    for aid, article in articles.items():
        if article.published:
            timeline.append((article.published.isoformat(), labels[aid], "published"))
    for s in statements:
        for d in s.get("dates", []):
            if d.get("value"):
                timeline.append((str(d["value"]), labels.get(s["article"], s["article"]), str(s["text"])))
    timeline.sort(key=lambda t: t[0])

    return StoryView(
        columns=tuple(columns),
        facts=rows,
        conflicts=tuple(conflict_views),
        omissions=tuple(omissions),
        quotes=tuple(sorted(((k, tuple(v)) for k, v in speakers.items()), key=lambda kv: -len(kv[1]))),
        timeline=tuple(dict.fromkeys(timeline)),
        n_conflicts=len(conflicts),
        n_facts=len(facts),
        n_shared=sum(1 for f in facts if len(fact_articles[f["id"]]) >= 2),
        languages=tuple(sorted({a.language for a in articles.values() if a.language})),
    )
