"""The story page's view of a comparison: built from the stored articles and the comparison model.

Article texts are untrusted: bodies are escaped slices of ``Article.text`` with statements as spans
over their own offsets (like :mod:`blickwinkel.report.html`), and only http(s) URLs become links.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from markupsafe import Markup, escape

from blickwinkel.compare.voices import entity_names
from blickwinkel.model import Article, Comparison, Conflict, Fact, Statement
from blickwinkel.report.html import safe_url
from blickwinkel.report.labels import (
    article_marks,
    comparison_notes,
    negation_value,
    opinion_not_read,
    outlet_labels,
    split_at_span,
    statement_anchor,
    voice_counts,
    voice_wording,
)
from blickwinkel.report.reasons import conflict_reason
from blickwinkel.report.texts import texts
from blickwinkel.text.pointers import without_pointers
from blickwinkel.text.titles import shown_title, title_from_text


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
    marks: tuple[str, ...] = ()  # how much of it was read: the paywall mark (report/labels.py)
    opinion_not_read: str | None = None  # in a language whose opinion is not scored (report/labels.py)


@dataclass(frozen=True)
class Side:
    label: str
    text: str
    value: str | None
    anchor: str
    marked: tuple[str, str, str] | None = None  # the text before, at and after the conflicting value


@dataclass(frozen=True)
class FactRow:
    id: str
    text: str
    cells: tuple[str, ...]  # "yes", "conflict", "perhaps" or "no" per article column
    conflict: bool


@dataclass(frozen=True)
class StoryView:
    columns: tuple[ArticleColumn, ...]
    facts: tuple[FactRow, ...]
    conflicts: tuple[tuple[str, str, tuple[Side, ...]], ...]  # kind, reason, sides
    omissions: tuple[tuple[str, tuple[str, ...]], ...]  # outlet label, facts the others report
    # speaker's name, (outlet label, text, verbatim: the text is the quoted words alone, to set in marks)
    quotes: tuple[tuple[str, tuple[tuple[str, str, bool], ...]], ...]
    timeline: tuple[tuple[str, str, str], ...]  # ISO date, outlet label, what
    n_conflicts: int
    n_facts: int
    n_shared: int
    languages: tuple[str, ...] = field(default=())
    # What to know before reading the comparison: groups of articles that share no fact, languages
    # read thinly, very many articles, and what the readers noticed (Article.notes): the terminal
    # prints them as warnings, the pages showed none.
    notes: tuple[str, ...] = field(default=())
    # speaker's name (as in ``quotes``) -> which outlets quote them and whether in the same words, in
    # the page's language (report/labels.py); empty for a comparison stored before voices
    voices: dict[str, str] = field(default_factory=dict)


def _untitled(article: Article) -> str:
    """Stored articles have ids like ``a12``; their title says more (cut at a word, not inside one)."""
    title = shown_title(article.title, article.outlet, article.url)
    return textwrap.shorten(title or article.id, width=40, placeholder=" …")


OPENING_CHARS = 90
"""How much of an untitled article's opening names its story where a title would stand."""


def opening_words(article: Article) -> str | None:
    """The first sentence of an article's lead or text, cut at a word, for an article without a title: a
    story of untitled records (an archive export with text and outlet only) read "Story 25" in the
    story list and on its page, with nothing to say what it is about. The same rule as the title
    the store gives a story it starts (:func:`~blickwinkel.text.titles.title_from_text`), shorter."""
    return (
        title_from_text(article.lead or "", OPENING_CHARS, article.language)
        or title_from_text(article.text, OPENING_CHARS, article.language)
        or None
    )


def _body(
    article: Article, statements: list[Statement], classes: dict[str, str]
) -> tuple[tuple[str, Markup], ...]:
    ordered = sorted(statements, key=lambda s: (s.start, -s.end))
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
            seg_start, seg_end = max(s.start, cursor), min(s.end, end)
            if seg_end <= seg_start:
                continue
            parts.append(escape(text[cursor:seg_start]))
            attrs = f'class="st {classes.get(s.id, "none")}" tabindex="0"'
            if s.id not in seen:
                attrs += f' id="{escape(statement_anchor(s.id))}"'
                seen.add(s.id)
            parts.append(Markup(f"<span {attrs}>{escape(text[seg_start:seg_end])}</span>"))
            cursor = seg_end
        parts.append(escape(text[cursor:end]))
        out.append((kind, Markup("").join(parts)))
    return tuple(out)


def _value(value: Any, kind: str, language: str = "en") -> str:
    if isinstance(value, bool) and kind == "negation":  # a side negated or not
        return negation_value(value, language)
    if isinstance(value, dict):
        text = value.get("text") or value.get("value")
        return str(text)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


_QUOTATION_MARKS = '"„“”«»‚‘›‹'


def _is_quote(s: Statement) -> bool:
    return bool(s.speaker) or s.kind == "quote"


def story_view(
    articles: Mapping[str, Article], comparison: Comparison | None, language: str = "en"
) -> StoryView:
    """Everything the story page shows; without a comparison only the article columns. ``language``
    is the page's (for the paywall mark and the notes)."""
    labels = outlet_labels(articles.values(), untitled=_untitled)
    statements: list[Statement] = list(comparison.statements) if comparison else []
    by_id = {s.id: s for s in statements}
    facts: tuple[Fact, ...] = comparison.facts if comparison else ()
    conflicts: tuple[Conflict, ...] = comparison.conflicts if comparison else ()
    fact_articles = {
        f.id: set(f.articles) | {by_id[s].article for s in f.statements if s in by_id} for f in facts
    }
    classes = _statement_classes(by_id, facts, conflicts, fact_articles)
    analysed = {a.article.id: a for a in comparison.articles} if comparison else {}
    columns = []
    for aid, article in articles.items():
        own = [s for s in statements if s.article == aid]
        column = _article_column(aid, article, labels[aid], own, classes, language)
        if aid in analysed:
            column = replace(column, opinion_not_read=opinion_not_read(analysed[aid], language))
        columns.append(column)

    def canonical_text(f: Fact) -> str:
        s = by_id.get(f.canonical) or next((by_id[x] for x in f.statements if x in by_id), None)
        return without_pointers(s.text) if s else f.id

    ordered_facts = sorted(facts, key=lambda f: -len(fact_articles[f.id]))
    omissions = []
    for aid in articles:
        missing = tuple(
            canonical_text(f)
            for f in ordered_facts
            if aid not in fact_articles[f.id] and len(fact_articles[f.id]) >= 2
        )
        omissions.append((labels[aid], missing))
    return StoryView(
        columns=tuple(columns),
        facts=_fact_rows(articles, ordered_facts, conflicts, by_id, fact_articles, canonical_text),
        conflicts=tuple(_conflict_view(c, by_id, labels, language) for c in conflicts),
        omissions=tuple(omissions),
        quotes=_quotes(statements, labels),
        timeline=_timeline(articles, statements, labels),
        n_conflicts=len(conflicts),
        n_facts=len(facts),
        n_shared=sum(1 for f in facts if len(fact_articles[f.id]) >= 2),
        languages=tuple(sorted({a.language for a in articles.values() if a.language})),
        # an article left out of the comparison (too long, K005) is named with the notes
        notes=(
            *comparison_notes(articles.values(), comparison, language),
            *(u.message for u in (comparison.unread if comparison else ())),
        ),
        voices=_voice_lines(comparison, labels, language) if comparison else {},
    )


def _statement_classes(
    by_id: Mapping[str, Statement],
    facts: Sequence[Fact],
    conflicts: Sequence[Conflict],
    fact_articles: Mapping[str, set[str]],
) -> dict[str, str]:
    """Each statement's classes on the page: shared, unique, perhaps, conflict or none, and subj and
    quote."""
    conflicted = {sid for c in conflicts for sid in c.statements}
    classes: dict[str, str] = {}
    for f in facts:
        arts = fact_articles[f.id]
        for sid in f.statements:
            # A fact another article may state too ("perhaps also in") is not marked as unique.
            classes[sid] = "shared" if len(arts) >= 2 else "unique" if not f.perhaps_in else "perhaps"
    for sid, s in by_id.items():
        extra = []
        if sid in conflicted:
            classes[sid] = "conflict"
        if s.subjective or s.kind == "commentary":
            extra.append("subj")
        if _is_quote(s):
            extra.append("quote")
        classes[sid] = " ".join([classes.get(sid, "none"), *extra])
    return classes


def _article_column(
    aid: str, article: Article, label: str, own: list[Statement], classes: dict[str, str], language: str
) -> ArticleColumn:
    """An article's column: its text with the statements marked, its counts and its marks."""
    return ArticleColumn(
        id=aid,
        label=label,
        title=shown_title(article.title, article.outlet, article.url),
        published=article.published.isoformat() if article.published else None,
        language=article.language,
        url=safe_url(article.url),
        blocks=_body(article, own, classes),
        subjective=sum(1 for s in own if s.subjective),
        quotes=sum(1 for s in own if _is_quote(s)),
        marks=article_marks(article, language),
    )


def _fact_rows(
    articles: Mapping[str, Article],
    ordered_facts: Sequence[Fact],
    conflicts: Sequence[Conflict],
    by_id: Mapping[str, Statement],
    fact_articles: Mapping[str, set[str]],
    canonical_text: Callable[[Fact], str],
) -> tuple[FactRow, ...]:
    """A row a fact (the most widely reported first), a cell an article."""
    conflict_facts = {c.fact for c in conflicts}
    conflict_articles: dict[str, set[str]] = {}
    for c in conflicts:
        conflict_articles.setdefault(c.fact, set()).update(
            by_id[s].article for s in c.statements if s in by_id
        )
    return tuple(
        FactRow(
            id=f.id,
            text=canonical_text(f),
            cells=tuple(
                "conflict"
                if aid in conflict_articles.get(f.id, ())
                else "yes"
                if aid in fact_articles[f.id]
                else "perhaps"  # a fact of one article that this one may state too
                if aid in f.perhaps_in
                else "no"
                for aid in articles
            ),
            conflict=f.id in conflict_facts,
        )
        for f in ordered_facts
    )


def _conflict_view(
    c: Conflict, by_id: Mapping[str, Statement], labels: Mapping[str, str], language: str = "en"
) -> tuple[str, str, tuple[Side, ...]]:
    sides = []
    for n, sid in enumerate(c.statements):
        said = by_id.get(sid)
        sides.append(
            Side(
                label=labels.get(said.article, said.article) if said else sid,
                text=said.text if said else sid,
                value=_value(c.values[n], c.kind, language) if len(c.values) == len(c.statements) else None,
                anchor=statement_anchor(sid),
                marked=split_at_span(said, c.spans[n]) if said and len(c.spans) > n else None,
            )
        )
    # the kind and the reason in the page's language (report/texts.py, report/reasons.py)
    kind = texts(language).get(f"kind_{c.kind}", c.kind)
    return (kind, conflict_reason(c, by_id, labels, language), tuple(sides))


def _quotes(
    statements: Sequence[Statement], labels: Mapping[str, str]
) -> tuple[tuple[str, tuple[tuple[str, str, bool], ...]], ...]:
    """Speakers by name ("Jonas Brehm", not "per:jonas-brehm"), the most quoted first; reported speech
    and quotes that carry their own quotation marks are not set in marks again (no „„…“, sagte sie.“)."""
    names = entity_names(statements)
    speakers: dict[str, list[tuple[str, str, bool]]] = {}
    for s in statements:
        if s.speaker:
            verbatim = s.kind == "quote" and not any(mark in s.text for mark in _QUOTATION_MARKS)
            speaker = names.get(s.speaker, s.speaker)
            shown = without_pointers(s.text)
            speakers.setdefault(speaker, []).append((labels.get(s.article, s.article), shown, verbatim))
    return tuple(sorted(((k, tuple(v)) for k, v in speakers.items()), key=lambda kv: -len(kv[1])))


def _voice_lines(comparison: Comparison, labels: Mapping[str, str], language: str) -> dict[str, str]:
    """Per speaker's name: what each outlet gives of them and, for each fact that holds their words
    in two or more outlets, whether the words are the same."""
    names = entity_names(comparison.statements)
    lines: dict[str, str] = {}
    for voice in comparison.voices:
        line = " · ".join(
            [voice_counts(voice, labels, language)]
            + [voice_wording(f, labels, language) for f in voice.facts if f.shared]
        )
        name = names.get(voice.speaker, voice.speaker)
        lines[name] = f"{lines[name]} · {line}" if name in lines else line
    return lines


def _timeline(
    articles: Mapping[str, Article], statements: Sequence[Statement], labels: Mapping[str, str]
) -> tuple[tuple[str, str, str], ...]:
    """Publication days and the dates statements name, in order, each once."""
    timeline: list[tuple[str, str, str]] = []
    for aid, article in articles.items():
        if article.published:
            timeline.append((article.published.isoformat(), labels[aid], "published"))
    for s in statements:
        for d in s.dates:
            if d.value:
                timeline.append((d.value, labels.get(s.article, s.article), without_pointers(s.text)))
    timeline.sort(key=lambda t: t[0])
    return tuple(dict.fromkeys(timeline))
