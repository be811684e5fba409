"""A self-contained HTML report of a comparison: one file, no network, readable without JavaScript.

Every article text and metadata field is untrusted. The template autoescapes; the article bodies are
built here from escaped slices of ``Article.text``, so that each block's visible text is exactly
``article.text[block.start:block.end]`` and statements are spans over their own offsets.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib.resources
import re
import urllib.parse
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

import jinja2
from markupsafe import Markup, escape

from blickwinkel import __version__
from blickwinkel.model import AnalysedArticle, Block, Comparison, Conflict, Fact, OutletProfile, Statement

StatementClass = Literal["shared", "unique", "conflict", "none"]
CellState = Literal["yes", "conflict", "no"]

_SHORT_FACT = 90  # characters of a canonical statement shown as a coverage-matrix row header
_SAFE_SCHEMES = frozenset({"http", "https"})


@dataclass(frozen=True)
class _BlockView:
    kind: str
    start: int
    end: int
    body: Markup
    attribution: str | None


@dataclass(frozen=True)
class _ArticleView:
    id: str
    label: str
    title: str | None
    published: str | None
    language: str | None
    url: str | None
    source: str
    blocks: tuple[_BlockView, ...]
    profile: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class _Cell:
    state: CellState
    symbol: str
    label: str
    anchor: str | None


@dataclass(frozen=True)
class _FactView:
    id: str
    text: str
    short: str
    anchor: str | None
    labels: tuple[str, ...]
    cells: tuple[_Cell, ...]
    conflict: bool


@dataclass(frozen=True)
class _ConflictSide:
    label: str
    text: str
    anchor: str | None
    value: str | None


@dataclass(frozen=True)
class _ConflictView:
    id: str
    kind: str
    reason: str
    values: tuple[str, ...]
    sides: tuple[_ConflictSide, ...]


@dataclass(frozen=True)
class _Index:
    """Look-ups over one comparison, built once per page."""

    statements: dict[str, Statement]
    fact_of: dict[str, Fact]
    fact_articles: dict[str, tuple[str, ...]]
    conflicted: dict[str, tuple[str, ...]]
    conflict_articles: dict[str, frozenset[str]]
    labels: dict[str, str]


def render_html(comparison: Comparison, *, nonce: str | None = None) -> str:
    """The whole report as one HTML5 document with its CSS and JS inlined.

    ``nonce`` (for a Content-Security-Policy) is put on the one ``<style>`` and ``<script>`` element.
    """
    index = _build_index(comparison)
    articles = tuple(_article_view(a, comparison, index) for a in comparison.articles)
    facts = tuple(_fact_view(f, comparison, index) for f in _ordered_facts(comparison.facts, index))
    shared = tuple(f for f in facts if len(f.labels) >= 2)
    unique: dict[str, list[_FactView]] = {}
    for fact in facts:
        if len(fact.labels) == 1:
            unique.setdefault(fact.labels[0], []).append(fact)
    unique_groups = tuple(
        (label, tuple(unique[label])) for label in _unique(index.labels.values()) if label in unique
    )
    conflicts = tuple(_conflict_view(c, index) for c in comparison.conflicts)
    first = comparison.articles[0].article if comparison.articles else None
    title = (first.title if first is not None else None) or "Comparison of news articles"
    return _template().render(
        title=title,
        nonce=nonce,
        # Our own package files, trusted: safe, so autoescaping leaves CSS selectors and JS intact.
        css=Markup(_asset("report.css")),
        js=Markup(_asset("report.js")),
        version=__version__,
        embedder=comparison.embedder or "unknown",
        n_articles=len(comparison.articles),
        n_outlets=len(_unique(a.article.outlet or a.article.id for a in comparison.articles)),
        languages=tuple(sorted({a.article.language for a in comparison.articles if a.article.language})),
        dates=_date_range(a.article.published for a in comparison.articles),
        articles=articles,
        column_labels=tuple(index.labels[a.article.id] for a in comparison.articles),
        facts=facts,
        shared=shared,
        unique_groups=unique_groups,
        conflicts=conflicts,
    )


@functools.cache
def _asset(name: str) -> str:
    return (
        importlib.resources.files("blickwinkel.report")
        .joinpath("assets")
        .joinpath(name)
        .read_text(encoding="utf-8")
    )


@functools.cache
def _template() -> jinja2.Template:
    env = jinja2.Environment(
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["idsafe"] = _idsafe
    return env.from_string(_asset("report.html"))


def _build_index(comparison: Comparison) -> _Index:
    statements = {s.id: s for s in comparison.statements}
    fact_of: dict[str, Fact] = {}
    fact_articles: dict[str, tuple[str, ...]] = {}
    for fact in comparison.facts:
        for sid in fact.statements:
            fact_of.setdefault(sid, fact)
        from_statements = (statements[sid].article for sid in fact.statements if sid in statements)
        fact_articles[fact.id] = _unique([*fact.articles, *from_statements])
    conflicted: dict[str, tuple[str, ...]] = {}
    conflict_articles: dict[str, set[str]] = {}
    for conflict in comparison.conflicts:
        for sid in conflict.statements:
            conflicted[sid] = (*conflicted.get(sid, ()), conflict.reason)
        arts = conflict_articles.setdefault(conflict.fact, set())
        arts.update(statements[sid].article for sid in conflict.statements if sid in statements)
    return _Index(
        statements=statements,
        fact_of=fact_of,
        fact_articles=fact_articles,
        conflicted=conflicted,
        conflict_articles={k: frozenset(v) for k, v in conflict_articles.items()},
        labels=_outlet_labels(comparison.articles),
    )


def _outlet_labels(articles: Iterable[AnalysedArticle]) -> dict[str, str]:
    """Outlet name per article id; the article id when there is none or two articles share an outlet."""
    items = [(a.article.id, a.article.outlet) for a in articles]
    counts: dict[str, int] = {}
    for _, outlet in items:
        if outlet:
            counts[outlet] = counts.get(outlet, 0) + 1
    return {
        aid: (outlet if counts[outlet] == 1 else f"{outlet} ({aid})") if outlet else aid
        for aid, outlet in items
    }


def _ordered_facts(facts: Iterable[Fact], index: _Index) -> list[Fact]:
    """Most widely reported first; the comparison's order otherwise."""
    return sorted(facts, key=lambda f: -len(index.fact_articles[f.id]))


def _statement_class(statement: Statement, index: _Index) -> StatementClass:
    if statement.id in index.conflicted:
        return "conflict"
    fact = index.fact_of.get(statement.id)
    if fact is None:
        return "none"
    return "shared" if len(index.fact_articles[fact.id]) >= 2 else "unique"


def _idsafe(value: str) -> str:
    """An id attribute value: HTML ids may hold anything but whitespace."""
    return re.sub(r"\s", "_", value)


def _anchor(statement_id: str) -> str:
    return "st-" + _idsafe(statement_id)


def _statement_title(statement: Statement, cls: StatementClass, index: _Index) -> str:
    parts: list[str] = []
    fact = index.fact_of.get(statement.id)
    if cls == "conflict":
        reasons = "; ".join(r for r in index.conflicted[statement.id] if r)
        parts.append(f"conflict: {reasons}" if reasons else "conflict with another article")
    elif cls == "shared" and fact is not None:
        parts.append(f"shared: reported by {len(index.fact_articles[fact.id])} articles")
    elif cls == "unique":
        parts.append("unique: only in this article")
    if statement.subjective or statement.kind == "commentary":
        parts.append("opinion/commentary")
    if statement.speaker:
        parts.append(f"speaker: {statement.speaker}")
    return "; ".join(parts)


def _statement_span(statement: Statement, text: str, first: bool, index: _Index) -> Markup:
    cls = _statement_class(statement, index)
    classes = ["st", cls]
    if statement.subjective or statement.kind == "commentary":
        classes.append("subj")
    if statement.speaker or statement.kind == "quote":
        classes.append("quote")
    attrs = [f'class="{" ".join(classes)}"']
    if first:
        attrs.append(f'id="{escape(_anchor(statement.id))}"')
    fact = index.fact_of.get(statement.id)
    if fact is not None:
        attrs.append(f'data-fact="{escape(fact.id)}"')
    attrs.append('tabindex="0"')
    title = _statement_title(statement, cls, index)
    if title:
        attrs.append(f'title="{escape(title)}"')
    return Markup(f"<span {' '.join(attrs)}>{escape(text)}</span>")


def _block_body(
    text: str, block: Block, statements: list[Statement], seen: set[str], index: _Index
) -> Markup:
    """The block's text with its statements as spans; a statement crossing blocks is split in parts.

    Overlapping statements (a clause inside its sentence) keep the first one's span: spans never nest.
    """
    start, end = max(0, block.start), min(len(text), block.end)
    cursor = start
    parts: list[Markup] = []
    for statement in statements:
        seg_start, seg_end = max(statement.start, cursor), min(statement.end, end)
        if seg_end <= seg_start:
            continue
        parts.append(escape(text[cursor:seg_start]))
        parts.append(_statement_span(statement, text[seg_start:seg_end], statement.id not in seen, index))
        seen.add(statement.id)
        cursor = seg_end
    parts.append(escape(text[cursor:end]))
    return Markup("").join(parts)


def _article_view(analysed: AnalysedArticle, comparison: Comparison, index: _Index) -> _ArticleView:
    article = analysed.article
    ordered = sorted(analysed.statements, key=lambda s: (s.start, -s.end))
    seen: set[str] = set()
    blocks = tuple(
        _BlockView(
            kind=block.kind,
            start=block.start,
            end=block.end,
            body=_block_body(article.text, block, ordered, seen, index),
            attribution=block.attribution,
        )
        for block in article.blocks
    )
    return _ArticleView(
        id=article.id,
        label=index.labels[article.id],
        title=article.title,
        published=article.published.isoformat() if article.published else None,
        language=article.language,
        url=_safe_url(article.url),
        source=article.source,
        blocks=blocks,
        profile=_profile_rows(analysed, comparison.outlets.get(article.id)),
    )


def _profile_rows(analysed: AnalysedArticle, profile: OutletProfile | None) -> tuple[tuple[str, str], ...]:
    share = profile.subjective_share if profile is not None else analysed.subjective_share
    rows: list[tuple[str, str]] = []
    if profile is not None:
        rows += [
            ("Facts", str(profile.facts)),
            ("Unique facts", str(profile.unique_facts)),
            ("Conflicting facts", str(profile.conflicting_facts)),
        ]
    rows.append(("Subjective share", "—" if share is None else f"{share * 100:.0f} %"))
    if profile is not None:
        rows += [
            ("Quotes", str(profile.quotes)),
            ("Speakers", ", ".join(profile.speakers) or "—"),
        ]
    rows += [
        ("Cited sources", ", ".join(analysed.cited_sources) or "—"),
        ("Genre", analysed.genre or "—"),
    ]
    return tuple(rows)


def _fact_view(fact: Fact, comparison: Comparison, index: _Index) -> _FactView:
    canonical = index.statements.get(fact.canonical)
    if canonical is None:
        canonical = next((index.statements[s] for s in fact.statements if s in index.statements), None)
    text = canonical.text if canonical is not None else fact.id
    in_conflict = index.conflict_articles.get(fact.id, frozenset())
    cells: list[_Cell] = []
    for analysed in comparison.articles:
        aid = analysed.article.id
        first = next(
            (s for s in fact.statements if s in index.statements and index.statements[s].article == aid), None
        )
        anchor = _anchor(first) if first is not None else None
        if aid in in_conflict:
            cells.append(_Cell("conflict", "⚠", "conflicting", anchor))
        elif aid in index.fact_articles[fact.id]:
            cells.append(_Cell("yes", "✓", "reported", anchor))
        else:
            cells.append(_Cell("no", "—", "not reported", None))
    return _FactView(
        id=fact.id,
        text=text,
        short=_shorten(text, _SHORT_FACT),
        anchor=_anchor(canonical.id) if canonical is not None else None,
        labels=tuple(index.labels.get(a, a) for a in index.fact_articles[fact.id]),
        cells=tuple(cells),
        conflict=bool(in_conflict),
    )


def _conflict_view(conflict: Conflict, index: _Index) -> _ConflictView:
    values = conflict.values
    paired = len(values) == len(conflict.statements)
    sides = []
    for n, sid in enumerate(conflict.statements):
        statement = index.statements.get(sid)
        label = index.labels.get(statement.article, statement.article) if statement is not None else sid
        sides.append(
            _ConflictSide(
                label=label,
                text=statement.text if statement is not None else sid,
                anchor=_anchor(sid) if statement is not None else None,
                value=_format_value(values[n]) if paired else None,
            )
        )
    formatted = tuple(_format_value(v) for v in values)
    return _ConflictView(conflict.id, conflict.kind, conflict.reason, formatted, tuple(sides))


def _format_value(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _safe_url(url: str | None) -> str | None:
    """The URL when it is an absolute http(s) address, else None: only those become links."""
    if not url:
        return None
    try:
        parts = urllib.parse.urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in _SAFE_SCHEMES or not parts.netloc:
        return None
    return url.strip()


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] or text[:limit]
    return cut.rstrip(",;:") + "…"


def _date_range(dates: Iterable[dt.date | None]) -> str | None:
    known = sorted(d for d in dates if d is not None)
    if not known:
        return None
    first, last = known[0].isoformat(), known[-1].isoformat()
    return first if first == last else f"{first} – {last}"


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))
