"""A self-contained HTML report of a comparison: one file, no network, readable without JavaScript.

Every article text and metadata field is untrusted. The template autoescapes; the article bodies are
built here from escaped slices of ``Article.text``, so that each block's visible text is exactly
``article.text[block.start:block.end]`` and statements are spans over their own offsets.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib.resources
import urllib.parse
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from markupsafe import Markup, escape

from blickwinkel import __version__
from blickwinkel.compare.voices import entity_names
from blickwinkel.model import (
    AnalysedArticle,
    Article,
    Block,
    Comparison,
    Conflict,
    Fact,
    OutletProfile,
    Statement,
    Voice,
)
from blickwinkel.report.labels import (
    article_marks,
    comparison_labels,
    comparison_notes,
    date_shown,
    idsafe,
    negation_value,
    opinion_not_read,
    restatements_in_facts,
    split_at_span,
    statement_anchor,
    strongest_links,
    unread_heading,
    voice_count,
    voice_only,
    voice_wording,
)
from blickwinkel.report.reasons import conflict_reason, link_reason
from blickwinkel.report.texts import counted_in, report_language, texts
from blickwinkel.text.pointers import without_pointers
from blickwinkel.text.titles import shown_title

if TYPE_CHECKING:
    import jinja2

StatementClass = Literal["shared", "unique", "perhaps", "conflict", "none"]
CellState = Literal["yes", "conflict", "perhaps", "no"]

_SHORT_FACT = 90  # characters of a canonical statement shown as a coverage-matrix row header
_SAFE_SCHEMES = frozenset({"http", "https"})
_OMISSIONS_SHOWN = 8  # omitted facts listed per outlet; the rest are counted
_COVERAGE_STATES: dict[str, CellState] = {
    "reported": "yes",
    "conflict": "conflict",
    "perhaps": "perhaps",
    "absent": "no",
}
# a coverage cell's symbol and the key of its words (report/texts.py)
_CELLS: dict[CellState, tuple[str, str]] = {
    "yes": ("✓", "reported"),
    "conflict": ("⚠", "conflicting"),
    "perhaps": ("?", "perhaps_reported"),
    "no": ("—", "not_reported"),
}


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
    published: str | None  # ISO, for <time datetime>
    published_shown: str | None  # as the report's language writes it
    language: str | None
    url: str | None
    source: str
    blocks: tuple[_BlockView, ...]
    profile: tuple[tuple[str, str], ...]
    badges: tuple[str, ...]


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
    first: str | None
    cells: tuple[_Cell, ...]
    conflict: bool
    # the other outlets that may state the fact too ("perhaps also in …"), for a fact of one article
    perhaps: tuple[str, ...] = ()
    # the outlet whose wording the fact is shown in, for a fact of several articles: the tags name them
    # all, and the one marked "first" was read as the writer of the text shown
    worded: str | None = None


@dataclass(frozen=True)
class _ConflictSide:
    label: str
    text: str
    anchor: str | None
    value: str | None
    marked: tuple[str, str, str] | None = None  # the text before, at and after the conflict's span


@dataclass(frozen=True)
class _OmissionView:
    text: str
    anchor: str | None
    reported_by: int
    outlets: str


@dataclass(frozen=True)
class _OmissionGroup:
    label: str
    shown: tuple[_OmissionView, ...]
    more: int
    marks: tuple[str, ...] = ()


@dataclass(frozen=True)
class _ConflictView:
    id: str
    kind: str
    title: str
    reason: str
    values: tuple[str, ...]
    sides: tuple[_ConflictSide, ...]


@dataclass(frozen=True)
class _VoiceFactView:
    text: str
    anchor: str | None
    wording: str


@dataclass(frozen=True)
class _VoiceView:
    name: str
    kind: str | None
    cells: tuple[str, ...]  # per article, in column order: "2 quoted, 1 reported", or "" where none
    only: str | None  # "only B quotes them"
    facts: tuple[_VoiceFactView, ...]  # the facts that hold their words in two or more articles


@dataclass(frozen=True)
class _Index:
    """Look-ups over one comparison, built once per page."""

    statements: dict[str, Statement]
    fact_of: dict[str, Fact]
    fact_articles: dict[str, tuple[str, ...]]
    conflicted: dict[str, tuple[str, ...]]
    conflict_articles: dict[str, frozenset[str]]
    labels: dict[str, str]
    names: dict[str, str]
    why: dict[str, str]  # statement id -> why its strongest link was made
    restated: frozenset[str]  # statements that stand in their fact as their article's own restatement
    language: str  # the report's: "de" or "en"
    words: Mapping[str, str]  # its words (report/texts.py)


def render_html(comparison: Comparison, *, nonce: str | None = None, language: str | None = "en") -> str:
    """The whole report as one HTML5 document with its CSS and JS inlined.

    ``nonce`` (for a Content-Security-Policy) is put on the one ``<style>`` and ``<script>`` element.
    ``language`` ("de" or "en") is the one its words are in; "auto" or None chooses by the articles
    (:func:`~blickwinkel.report.texts.report_language`), as ``compare`` does by default. English unless
    given, as :func:`~blickwinkel.report.terminal.render_terminal`: a caller of the library gets the report
    it got before.
    """
    language = report_language((a.article.language for a in comparison.articles), language)
    words = texts(language)
    index = _build_index(comparison, language)
    articles = tuple(_article_view(a, comparison, index) for a in comparison.articles)
    facts = tuple(_fact_view(f, comparison, index) for f in _ordered_facts(comparison.facts, index))
    shared = tuple(f for f in facts if len(f.labels) >= 2)
    unique: dict[str, list[_FactView]] = {}
    for fact in facts:
        if len(fact.labels) == 1:
            unique.setdefault(fact.labels[0], []).append(fact)
    # Per outlet: its facts no other article reports, then those another may state too ("perhaps
    # also in …"), which are not counted as its own, as in the terminal and the JSON (``only_one``).
    unique_groups = tuple(
        (
            label,
            tuple(f for f in unique[label] if not f.perhaps) + tuple(f for f in unique[label] if f.perhaps),
            sum(1 for f in unique[label] if not f.perhaps),
        )
        for label in _unique(index.labels.values())
        if label in unique
    )
    conflicts = tuple(_conflict_view(c, index) for c in comparison.conflicts)
    omissions = _omission_groups(comparison, index) if comparison.omissions else None
    first = comparison.articles[0].article if comparison.articles else None
    title = (shown_title(first.title, first.outlet, first.url) if first is not None else None) or (
        words["report_untitled"]
    )
    return _template().render(
        t=words,
        lang=language,
        counted=functools.partial(counted_in, language=language),
        # the keys' marks in the hint, set by the template's own markup; the words escaped
        hint=Markup(escape(words["report_hint"])).format(
            n=Markup("<kbd>N</kbd>"), esc=Markup("<kbd>Esc</kbd>")
        ),
        title=title,
        nonce=nonce,
        # Our own package files, trusted: safe, so autoescaping leaves CSS selectors and JS intact.
        css=Markup(_asset("report.css")),
        js=Markup(_asset("report.js")),
        version=__version__,
        embedder=comparison.embedder or words["unknown"],
        n_articles=len(comparison.articles),
        n_outlets=len(_unique(a.article.outlet or a.article.id for a in comparison.articles)),
        languages=tuple(sorted({a.article.language for a in comparison.articles if a.article.language})),
        dates=_date_range((a.article.published for a in comparison.articles), language),
        # Copies count once; without profiles there is nothing to count.
        independent=comparison.independent_sources if comparison.outlets else None,
        articles=articles,
        notes=comparison_notes((a.article for a in comparison.articles), comparison, language),
        unread_heading=unread_heading(comparison, language),
        unread=comparison.unread,
        column_labels=tuple(index.labels[a.article.id] for a in comparison.articles),
        facts=facts,
        shared=shared,
        unique_groups=unique_groups,
        conflicts=conflicts,
        omissions=omissions,
        voices=tuple(_voice_view(v, comparison, index) for v in comparison.voices),
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
    import jinja2  # here, not at import: only an HTML report needs it

    env = jinja2.Environment(
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["idsafe"] = idsafe
    return env.from_string(_asset("report.html"))


def _build_index(comparison: Comparison, language: str) -> _Index:
    statements = {s.id: s for s in comparison.statements}
    fact_of: dict[str, Fact] = {}
    fact_articles: dict[str, tuple[str, ...]] = {}
    for fact in comparison.facts:
        for sid in fact.statements:
            fact_of.setdefault(sid, fact)
        from_statements = (statements[sid].article for sid in fact.statements if sid in statements)
        fact_articles[fact.id] = _unique([*fact.articles, *from_statements])
    labels = comparison_labels(comparison, language)
    conflicted: dict[str, tuple[str, ...]] = {}
    conflict_articles: dict[str, set[str]] = {}
    for conflict in comparison.conflicts:
        for sid in conflict.statements:
            conflicted[sid] = (
                *conflicted.get(sid, ()),
                conflict_reason(conflict, statements, labels, language),
            )
        arts = conflict_articles.setdefault(conflict.fact, set())
        arts.update(statements[sid].article for sid in conflict.statements if sid in statements)
    return _Index(
        statements=statements,
        fact_of=fact_of,
        fact_articles=fact_articles,
        conflicted=conflicted,
        conflict_articles={k: frozenset(v) for k, v in conflict_articles.items()},
        labels=labels,
        names=entity_names(comparison.statements),
        why={sid: link_reason(link, language) for sid, link in strongest_links(comparison.links).items()},
        restated=restatements_in_facts(comparison.facts, comparison.links),
        language=language,
        words=texts(language),
    )


def _names(keys: Iterable[str], index: _Index) -> str:
    return ", ".join(_unique(index.names.get(k, k) for k in keys)) or "—"


def _ordered_facts(facts: Iterable[Fact], index: _Index) -> list[Fact]:
    """Most central first, then most widely reported; the comparison's order otherwise."""
    return sorted(facts, key=lambda f: (-f.centrality, -len(index.fact_articles[f.id])))


def _statement_class(statement: Statement, index: _Index) -> StatementClass:
    if statement.id in index.conflicted:
        return "conflict"
    fact = index.fact_of.get(statement.id)
    if fact is None:
        return "none"
    if len(index.fact_articles[fact.id]) >= 2:
        return "shared"
    return "unique" if fact.only_one else "perhaps"


def _statement_title(statement: Statement, cls: StatementClass, index: _Index) -> str:
    parts: list[str] = []
    fact = index.fact_of.get(statement.id)
    words = index.words
    if cls == "conflict":
        reasons = "; ".join(r for r in index.conflicted[statement.id] if r)
        parts.append(
            words["title_conflict"].format(reasons=reasons) if reasons else words["title_conflict_plain"]
        )
    elif cls == "shared" and fact is not None:
        parts.append(words["title_shared"].format(count=len(index.fact_articles[fact.id])))
        if statement.id in index.restated:
            parts.append(words["title_restates"])
        elif statement.id in index.why:
            parts.append(words["title_linked"].format(why=index.why[statement.id]))
    elif cls == "unique":
        parts.append(words["title_unique"])
        if statement.id in index.restated:
            parts.append(words["title_restates"])
    elif cls == "perhaps" and fact is not None:
        parts.append(words["title_perhaps"])
    if statement.subjective or statement.kind == "commentary":
        parts.append(words["title_opinion"])
    if statement.speaker:
        parts.append(
            words["title_speaker"].format(name=index.names.get(statement.speaker, statement.speaker))
        )
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
        attrs.append(f'id="{escape(statement_anchor(statement.id))}"')
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
    profile = comparison.outlets.get(article.id)
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
        title=shown_title(article.title, article.outlet, article.url),
        published=article.published.isoformat() if article.published else None,
        published_shown=date_shown(article.published, index.language) if article.published else None,
        language=article.language,
        url=safe_url(article.url),
        source=article.source,
        blocks=blocks,
        profile=_profile_rows(analysed, profile, index),
        badges=_badges(article, profile, index),
    )


def _badges(article: Article, profile: OutletProfile | None, index: _Index) -> tuple[str, ...]:
    """Short warnings shown on an article's header and its profile."""
    badges = list(article_marks(article, index.language))
    if profile is None:
        return tuple(badges)
    if profile.copy_of is not None:
        badges.append(
            index.words["copy_of"].format(outlet=index.labels.get(profile.copy_of, profile.copy_of))
        )
    if profile.ends_in_commentary:
        badges.append(index.words["ends_in_commentary"])
    return tuple(badges)


def _profile_rows(
    analysed: AnalysedArticle, profile: OutletProfile | None, index: _Index
) -> tuple[tuple[str, str], ...]:
    share = profile.subjective_share if profile is not None else analysed.subjective_share
    words = index.words
    rows: list[tuple[str, str]] = []
    if profile is not None:
        rows += [
            (words["profile_facts"], str(profile.facts)),
            (words["profile_shared"], str(profile.shared_facts)),
            (words["profile_unique"], str(profile.unique_facts)),
            (words["profile_conflicting"], str(profile.conflicting_facts)),
        ]
    not_read = opinion_not_read(analysed, index.language)
    rows.append((words["profile_subjective"], not_read or ("—" if share is None else f"{share * 100:.0f} %")))
    if profile is not None:
        rows += [
            (words["profile_quotes"], str(profile.quotes)),
            (words["profile_speakers"], _names(profile.speakers, index)),
        ]
    cited = (*(profile.cited_sources if profile is not None else ()), *analysed.cited_sources)
    genre = words.get(f"genre_{analysed.genre}", analysed.genre) if analysed.genre else None
    rows += [
        (words["profile_cited"], ", ".join(_unique(cited)) or "—"),
        (words["profile_genre"], not_read or genre or "—"),
    ]
    if profile is not None:
        rows += [
            (words["profile_names"], _names(profile.entities_named, index)),
            (words["profile_not_named"], _names(profile.entities_omitted, index)),
            (words["profile_own_words"], ", ".join(profile.word_choice) or "—"),
            (words["profile_ends"], words["yes" if profile.ends_in_commentary else "no"]),
        ]
        if profile.copy_of is not None:
            rows.append((words["profile_copy"], index.labels.get(profile.copy_of, profile.copy_of)))
    return tuple(rows)


def _fact_view(fact: Fact, comparison: Comparison, index: _Index) -> _FactView:
    canonical = index.statements.get(fact.canonical)
    if canonical is None:
        canonical = next((index.statements[s] for s in fact.statements if s in index.statements), None)
    text = without_pointers(canonical.text) if canonical is not None else fact.id
    in_conflict = index.conflict_articles.get(fact.id, frozenset())
    given = comparison.coverage.get(fact.id, {})
    cells: list[_Cell] = []
    for analysed in comparison.articles:
        aid = analysed.article.id
        first = next(
            (s for s in fact.statements if s in index.statements and index.statements[s].article == aid), None
        )
        state = _COVERAGE_STATES.get(given.get(aid, ""))
        if state is None:  # hand-built comparisons carry no coverage: derive it as the compare stage does
            if aid in in_conflict:
                state = "conflict"
            elif aid in index.fact_articles[fact.id]:
                state = "yes"
            elif aid in fact.perhaps_in:
                state = "perhaps"
            else:
                state = "no"
        symbol, key = _CELLS[state]
        label = index.words[key]
        anchor = statement_anchor(first) if first is not None and state not in ("no", "perhaps") else None
        cells.append(_Cell(state, symbol, label, anchor))
    labels = tuple(index.labels.get(a, a) for a in index.fact_articles[fact.id])
    earliest = index.labels.get(fact.earliest) if fact.earliest else None
    return _FactView(
        id=fact.id,
        text=text,
        short=_shorten(text, _SHORT_FACT),
        anchor=statement_anchor(canonical.id) if canonical is not None else None,
        labels=labels,
        first=earliest if earliest in labels else None,
        cells=tuple(cells),
        conflict=bool(in_conflict) or any(c.state == "conflict" for c in cells),
        perhaps=tuple(index.labels.get(a, a) for a in fact.perhaps_in),
        worded=index.labels.get(canonical.article) if canonical is not None and len(labels) > 1 else None,
    )


def _voice_view(voice: Voice, comparison: Comparison, index: _Index) -> _VoiceView:
    counts = {a.article: voice_count(a, index.language) for a in voice.articles}
    facts = {f.id: f for f in comparison.facts}
    shown = []
    for found in voice.facts:
        fact = facts.get(found.fact)
        if fact is None or not found.shared:
            continue
        canonical = index.statements.get(fact.canonical)
        shown.append(
            _VoiceFactView(
                text=(
                    _shorten(without_pointers(canonical.text), _SHORT_FACT)
                    if canonical is not None
                    else fact.id
                ),
                anchor=statement_anchor(canonical.id) if canonical is not None else None,
                wording=voice_wording(found, index.labels, index.language),
            )
        )
    return _VoiceView(
        name=index.names.get(voice.speaker, voice.speaker),
        kind=index.words.get(f"speaker_{voice.kind}", voice.kind) if voice.kind else None,
        cells=tuple(counts.get(a.article.id, "") for a in comparison.articles),
        only=voice_only(voice, index.labels, index.language),
        facts=tuple(shown),
    )


def _omission_groups(comparison: Comparison, index: _Index) -> tuple[_OmissionGroup, ...]:
    """Per article, the facts other outlets report and it leaves out, most reported first."""
    facts = {f.id: f for f in comparison.facts}
    groups: list[_OmissionGroup] = []
    for analysed in comparison.articles:
        items: list[tuple[int, float, _OmissionView]] = []
        for omission in comparison.omissions.get(analysed.article.id, ()):
            fact_id = str(_field(omission, "fact", ""))
            fact = facts.get(fact_id)
            arts = index.fact_articles.get(fact_id, ())
            reported_by = int(_field(omission, "reported_by", len(arts)))
            statement = index.statements.get(fact.canonical) if fact is not None else None
            view = _OmissionView(
                text=without_pointers(statement.text) if statement is not None else fact_id,
                anchor=statement_anchor(statement.id) if statement is not None else None,
                reported_by=reported_by,
                outlets=", ".join(index.labels.get(a, a) for a in arts),
            )
            items.append((reported_by, float(_field(omission, "centrality", 0.0)), view))
        items.sort(key=lambda item: (-item[0], -item[1]))
        shown = tuple(view for _, _, view in items[:_OMISSIONS_SHOWN])
        groups.append(
            _OmissionGroup(
                index.labels[analysed.article.id],
                shown,
                len(items) - len(shown),
                article_marks(analysed.article, index.language),
            )
        )
    return tuple(groups)


def _field(item: Any, name: str, default: Any) -> Any:
    """A field of an omission: an ``Omission`` object, or its JSON form when read back."""
    if isinstance(item, Mapping):
        return item.get(name, default)
    return getattr(item, name, default)


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
                text=without_pointers(statement.text) if statement is not None else sid,
                anchor=statement_anchor(sid) if statement is not None else None,
                value=_format_value(values[n], conflict.kind, index) if paired else None,
                marked=split_at_span(statement, conflict.spans[n])
                if statement and len(conflict.spans) > n
                else None,
            )
        )
    formatted = tuple(_format_value(v, conflict.kind, index) for v in values)
    title = index.words.get(f"conflict_{conflict.kind}", conflict.kind)
    kind = index.words.get(f"kind_{conflict.kind}", conflict.kind)
    reason = conflict_reason(conflict, index.statements, index.labels, index.language)
    return _ConflictView(conflict.id, kind, title, reason, formatted, tuple(sides))


def _format_value(value: Any, kind: str, index: _Index) -> str:
    """A conflicting value as a reader would say it: a quantity's words, a name, "negated"."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        if kind == "negation":
            return negation_value(value, index.language)
        return index.words["yes" if value else "no"]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, Mapping):  # a quantity in its JSON form
        text = value.get("text")
        if text:
            return str(text)
        return " ".join(_format_value(value.get(k), kind, index) for k in ("value", "unit") if value.get(k))
    if isinstance(value, (list, tuple)):
        return ", ".join(_format_value(v, kind, index) for v in value)
    text = getattr(value, "text", None)  # a Quantity, DateMention or Mention
    if isinstance(text, str):
        return text
    if isinstance(value, str):
        return date_shown(value, index.language) if kind == "date" else index.names.get(value, value)
    return str(value)


def safe_url(url: str | None) -> str | None:
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


def _date_range(dates: Iterable[dt.date | None], language: str) -> str | None:
    known = sorted(d for d in dates if d is not None)
    if not known:
        return None
    first, last = date_shown(known[0], language), date_shown(known[-1], language)
    return first if first == last else f"{first} – {last}"


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))
