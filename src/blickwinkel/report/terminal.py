"""The terminal view of a comparison: shared facts, facts only one outlet reports, conflicts, outlets."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from blickwinkel.compare.voices import entity_names
from blickwinkel.model import Article, Comparison, Fact, Link, Statement
from blickwinkel.report.labels import (
    article_marks,
    comparison_labels,
    date_shown,
    opinion_not_read,
    quantity_shown,
    unread_heading,
    voice_counts,
    voice_wording,
)
from blickwinkel.report.reasons import headed_reason, link_reason
from blickwinkel.report.texts import TEXTS, counted_in, report_language, texts
from blickwinkel.text.pointers import without_pointers
from blickwinkel.text.titles import shown_title, title_from_text

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def article_labels(comparison: Comparison) -> dict[str, str]:
    """Short labels A, B, C … (A1, B1 … past 26 articles) in input order."""
    labels = {}
    for n, a in enumerate(comparison.articles):
        letter = LETTERS[n % 26]
        labels[a.article.id] = letter if n < 26 else f"{letter}{n // 26}"
    return labels


def _title_line(article: Article, words: Mapping[str, str]) -> str:
    """The article's title, or what an untitled one opens with (a text of one line has no title)."""
    if title := shown_title(article.title, article.outlet, article.url):
        return _short(title, 100)
    # 60 characters: the line fits a terminal of 80 columns after its indent and "(no title)"
    opening = title_from_text(article.lead or article.text, 60, article.language)
    untitled = f"({words['no_title']})"
    return f"{untitled} {words['quoted'].format(text=opening)}" if opening else untitled


def _short(text: str, width: int = 220) -> str:
    return textwrap.shorten(" ".join(text.split()), width=width, placeholder=" …")


def _statement_text(text: str, width: int = 220) -> str:
    """A statement shortened to ``width``; a clause cut from a longer sentence ("which has not …",
    "and the council …") opens with "…", so it does not read as a whole sentence that lost its start."""
    short = _short(without_pointers(text), width)
    return f"… {short}" if short[:1].islower() else short


def _conflicting_text(s: Statement, span: tuple[int, int] | None, width: int) -> str:
    """A conflicting statement shortened to ``width`` so that it shows the value the conflict names:
    a long statement shortened from its start lost a value told late in it, and the reader saw the
    reason's value nowhere in the statement. Cut before the value, the stretch opens with "…"."""
    whole = _statement_text(s.text, width)
    if span is None or not s.start <= span[0] < span[1] <= s.end:
        return whole
    end = span[1] - s.start
    if len(" ".join(s.text[:end].split())) <= width - 2:
        return whole  # the value ends before the shortened statement does
    # Start a few words before the value, at a word's start, and leave room for its end.
    at = max(0, span[0] - s.start - width // 3, end - (width - 12))
    while 0 < at < len(s.text) and not s.text[at - 1].isspace():
        at += 1
    at = min(at, span[0] - s.start)
    return f"… {_short(without_pointers(s.text[at:]), width - 2)}"


def _tags(s: Statement, names: dict[str, str] | None = None, words: Mapping[str, str] = TEXTS["en"]) -> str:
    tags = []
    if s.kind in ("quote", "reported_speech"):
        if s.speaker:
            who = (names or {}).get(s.speaker, s.speaker)
            tags.append(words["tag_quote_by" if s.kind == "quote" else "tag_says"].format(who=who))
        else:
            # "[says]" with nobody saying it read as a cut-off line ("Berichten zufolge …")
            tags.append(words["tag_quote" if s.kind == "quote" else "tag_unsourced"])
    if s.subjective:
        tags.append(words["tag_opinion"])
    return f" [{'; '.join(tags)}]" if tags else ""


def _numbers(s: Statement, language: str = "en") -> str:
    words = texts(language)
    parts = [quantity_shown(q, language) for q in s.quantities]
    for d in s.dates:
        if d.value:
            parts.append(
                f"{date_shown(d.value, language)}{' (' + words['inferred'] + ')' if d.inferred else ''}"
            )
    return f"  ({', '.join(parts)})" if parts else ""


def render_terminal(
    comparison: Comparison, *, width: int | None = None, language: str | None = "en"
) -> RenderableType:
    """A rich renderable; print it with a Console (colour where the terminal has it). Its words are in
    ``language`` ("de" or "en"; "auto" or None chooses by the articles, as the HTML report does)."""
    language = report_language((a.article.language for a in comparison.articles), language)
    words = texts(language)
    labels = article_labels(comparison)
    outlets = comparison_labels(comparison, language)
    by_id = {s.id: s for s in comparison.statements}
    names = entity_names(comparison.statements)
    parts: list[RenderableType] = []

    heading = unread_heading(comparison, language)
    if heading is not None:  # above all: a saved report names the inputs it lacks
        parts.append(Text(heading, style="bold red"))
        parts.extend(Text(f"  • {u.message}") for u in comparison.unread)
        parts.append(Text(""))
    parts.append(Text(words["articles_heading"], style="bold"))
    for a in comparison.articles:
        art = a.article
        profile = comparison.outlets[art.id]
        line = Text(f"  {labels[art.id]}  ", style="bold")
        line.append(outlets[art.id], style="bold")
        published = date_shown(art.published, language) if art.published else words["undated"]
        line.append(f"  {published} · {art.language or '?'}", style="dim")
        genre = opinion_not_read(a, language) or words.get(f"genre_{a.genre or 'report'}", a.genre or "")
        line.append(f" · {counted_in(len(a.statements), 'statements', language)} · {genre}", style="dim")
        if a.subjective_share is not None:
            line.append(
                f" · {words['opinion_share'].format(share=_percent(a.subjective_share, language))}",
                style="dim",
            )
        if profile.ends_in_commentary:
            line.append(f" · {words['ends_in_commentary']}", style="bold magenta")
        for mark in article_marks(art, language):
            line.append(f" · {mark}", style="bold yellow")
        parts.append(line)
        parts.append(Text(f"     {_title_line(art, words)}", style="italic"))

    shared = [f for f in comparison.facts if len(f.articles) > 1]
    conflicted = {c.fact for c in comparison.conflicts}
    parts.append(Text(f"\n{words['shared_facts_line'].format(count=len(shared))}", style="bold green"))
    links = {frozenset((k.a, k.b)): k for k in comparison.links}
    for n, fact in enumerate(shared, start=1):
        parts.append(
            _fact_block(
                n, fact, by_id, labels, names, links, conflict=fact.id in conflicted, language=language
            )
        )
    parts.append(
        _voices(comparison, labels, names, {f.id: n for n, f in enumerate(shared, start=1)}, language)
    )

    for a in comparison.articles:
        aid = a.article.id
        only = [f for f in comparison.facts if f.articles == (aid,) and f.only_one]
        perhaps = [f for f in comparison.facts if f.articles == (aid,) and not f.only_one]
        title = f"\n{words['only_in_line'].format(label=labels[aid], outlet=outlets[aid], count=len(only))}"
        parts.append(Text(title, style="bold yellow"))
        if not only:
            parts.append(Text(f"  ({words['only_in_none']})", style="dim"))
        for fact in only:
            s = by_id[fact.canonical]
            line = Text("  • ")
            line.append(_statement_text(s.text), style="italic" if s.subjective else "")
            line.append(_tags(s, names, words), style="magenta" if s.subjective else "cyan")
            line.append(_numbers(s, language), style="dim")
            parts.append(line)
        for fact in perhaps:
            s = by_id[fact.canonical]
            elsewhere = ", ".join(labels[a] for a in fact.perhaps_in)
            line = Text("  ? ", style="dim")
            line.append(_statement_text(s.text), style="dim")
            line.append(f"  ({words['perhaps_also_in'].format(outlets=elsewhere)})", style="dim italic")
            parts.append(line)

    parts.append(Text(f"\n{words['conflicts_heading']} ({len(comparison.conflicts)})", style="bold red"))
    if not comparison.conflicts:
        parts.append(Text(f"  {words['no_conflicts_terminal']}", style="dim"))
    for c in comparison.conflicts:
        kind, reason = headed_reason(c, by_id, labels, language)
        line = Text(f"  ⚠ {kind}: ", style="bold red")
        line.append(reason)
        parts.append(line)
        for n, sid in enumerate(c.statements):
            s = by_id[sid]
            span = c.spans[n] if n < len(c.spans) else None
            parts.append(Text(f"      {labels[s.article]}: {_conflicting_text(s, span, 180)}"))

    parts.append(_coverage_table(comparison, labels, by_id, words))
    parts.append(_omissions(comparison, labels, by_id, language))
    parts.append(_outlet_table(comparison, labels, language))
    parts.append(_outlet_details(comparison, labels, language))
    return Group(*parts)


def _percent(share: float, language: str) -> str:
    """A share as a reader of ``language`` writes it: "12%", "12 %"."""
    return f"{share * 100:.0f} %" if language == "de" else f"{share:.0%}"


VOICES_SHOWN = 8
# Shared facts named on a speaker's line; the rest are counted. A precaution: a corpus-de comparison
# of 50 articles gave no speaker more than 2 shared facts, a WikiNews event of 4 articles 2.
VOICE_FACTS_SHOWN = 3
_WORDING_FIRST: dict[str | None, int] = {"different": 0, "same": 1}


def _voices(
    comparison: Comparison,
    labels: dict[str, str],
    names: dict[str, str],
    numbers: dict[str, int],
    language: str = "en",
) -> RenderableType:
    """One line per speaker, most quoted first: what each article gives of them, and for each shared
    fact that holds their words in two or more articles, whether the words are the same."""
    words = texts(language)
    if not comparison.voices:
        return Text(f"\n{words['no_voices']}", style="dim")
    rows: list[RenderableType] = [
        Text(f"\n{words['voices_line'].format(count=len(comparison.voices))}", style="bold")
    ]
    for voice in comparison.voices[:VOICES_SHOWN]:
        name = names.get(voice.speaker, voice.speaker)
        line = Text("  • ")
        line.append(name, style="bold")
        line.append(" — " + voice_counts(voice, labels, language))
        shared = [f for f in voice.facts if f.shared and f.fact in numbers]
        # words that differ first, then the same words, then the rest; in fact order within each
        shared.sort(key=lambda f: _WORDING_FIRST.get(f.wording, 2))
        for fact in shared[:VOICE_FACTS_SHOWN]:
            wording = voice_wording(fact, labels, language)
            line.append(f" · {words['fact']} {numbers[fact.fact]}: {wording}", style="cyan")
        if len(shared) > VOICE_FACTS_SHOWN:
            line.append(
                f" · {counted_in(len(shared) - VOICE_FACTS_SHOWN, 'more_facts', language)}", style="dim"
            )
        rows.append(line)
    if len(comparison.voices) > VOICES_SHOWN:
        more = words["and_more"].format(count=len(comparison.voices) - VOICES_SHOWN)
        rows.append(Text(f"  … {more}", style="dim"))
    return Group(*rows)


SYMBOLS = {"reported": "✓", "conflict": "⚠", "perhaps": "?", "absent": "—"}
MATRIX_ROWS = 25


def _coverage_table(
    comparison: Comparison,
    labels: dict[str, str],
    by_id: dict[str, Statement],
    words: Mapping[str, str] = TEXTS["en"],
) -> RenderableType:
    """Facts × outlets for the facts more than one outlet reports (the most central first)."""
    shared = sorted(
        (f for f in comparison.facts if len(f.articles) > 1), key=lambda f: (-f.centrality, f.id)
    )[:MATRIX_ROWS]
    if not shared:
        # An empty table printed its long title folded into the narrow width of its columns.
        return Text(f"\n{words['coverage_none']}", style="dim")
    table = Table(title=f"\n{words['coverage_title']}", title_justify="left")
    table.add_column(words["fact_column"], overflow="fold")
    for a in comparison.articles:
        table.add_column(Text(labels[a.article.id]), justify="center")
    for f in shared:
        cells = comparison.coverage.get(f.id, {})
        table.add_row(
            Text(_statement_text(by_id[f.canonical].text, 70)),
            *(SYMBOLS[cells.get(a.article.id, "absent")] for a in comparison.articles),
        )
    return table


OMISSIONS_SHOWN = 5


def _omissions(
    comparison: Comparison, labels: dict[str, str], by_id: dict[str, Statement], language: str = "en"
) -> RenderableType:
    facts = {f.id: f for f in comparison.facts}
    outlets = comparison_labels(comparison, language)
    words = texts(language)
    rows: list[RenderableType] = [Text(f"\n{words['left_out_title']}", style="bold")]
    for a in comparison.articles:
        missing = comparison.omissions.get(a.article.id, ())
        head = Text(f"  {labels[a.article.id]} · {outlets[a.article.id]}: ", style="bold")
        head.append(counted_in(len(missing), "facts", language) if missing else words["nothing"], style="dim")
        for mark in article_marks(
            a.article, language
        ):  # what a teaser leaves out may stand behind the paywall
            head.append(f" · {mark}", style="bold yellow")
        rows.append(head)
        for o in missing[:OMISSIONS_SHOWN]:
            fact = facts[o.fact]
            who = " ".join(labels[x] for x in fact.articles)
            rows.append(Text(f"      − [{who}] {_statement_text(by_id[fact.canonical].text, 150)}"))
        if len(missing) > OMISSIONS_SHOWN:
            rows.append(
                Text(f"      … {words['more'].format(count=len(missing) - OMISSIONS_SHOWN)}", style="dim")
            )
    return Group(*rows)


def _outlet_details(comparison: Comparison, labels: dict[str, str], language: str = "en") -> RenderableType:
    rows: list[RenderableType] = []
    words = texts(language)
    names = comparison_labels(comparison, language)
    shown = entity_names(comparison.statements)

    def name(key: str) -> str:
        return shown.get(key, key)

    def names_of(keys: tuple[str, ...]) -> str:
        # two keys may show one name ("Harbour Lights" as a person and as a title): listed once, as
        # the HTML report lists them
        return ", ".join(list(dict.fromkeys(name(x) for x in keys))[:6])

    for a in comparison.articles:
        p = comparison.outlets[a.article.id]
        bits = []
        if p.speakers:
            bits.append(f"{words['detail_quotes']}: {names_of(p.speakers)}")
        if p.cited_sources:
            bits.append(f"{words['detail_sources']}: {', '.join(p.cited_sources)}")
        if p.copy_of:
            bits.append(words["detail_copy"].format(label=labels[p.copy_of], outlet=names[p.copy_of]))
        if p.word_choice:
            bits.append(f"{words['detail_own_words']}: {', '.join(p.word_choice[:6])}")
        if p.entities_omitted:
            bits.append(f"{words['detail_not_named']}: {names_of(p.entities_omitted)}")
        if bits:
            rows.append(Text(f"  {labels[a.article.id]}: " + " · ".join(bits)))
    sources = counted_in(comparison.independent_sources, "independent_sources", language)
    articles = counted_in(len(comparison.articles), "in_articles", language)
    rows.insert(
        0, Text(f"\n{words['sources_of_articles'].format(sources=sources, articles=articles)}", style="bold")
    )
    return Group(*rows)


def _fact_block(
    n: int,
    fact: Fact,
    by_id: dict[str, Statement],
    labels: dict[str, str],
    names: dict[str, str],
    links: dict[frozenset[str], Link],
    *,
    conflict: bool,
    language: str = "en",
) -> RenderableType:
    words = texts(language)
    canonical = by_id[fact.canonical]
    who = " ".join(labels[a] for a in fact.articles)
    line = Text(f"{n:>3}. [{who}] {'⚠ ' if conflict else ''}", style="bold red" if conflict else "bold green")
    # whose wording is shown: the "first in" note named another article, and the text read as its
    line.append(f"{labels[canonical.article]}: ", style="bold")
    line.append(_statement_text(canonical.text))
    # who said the fact's wording: only the other articles' lines named their speakers
    line.append(_tags(canonical, names, words), style="cyan")
    line.append(_numbers(canonical, language), style="dim")
    if fact.earliest in labels:
        # who had it first, as the JSON's `earliest` and the HTML report's "· first" say
        line.append(f"  · {words['first_in'].format(label=labels[fact.earliest])}", style="dim")
    rows: list[RenderableType] = [line]
    for sid in fact.statements:
        s = by_id[sid]
        if s.id == canonical.id:
            continue
        other = Text(f"       {labels[s.article]}: ", style="dim")
        other.append(_statement_text(s.text, 180), style="dim")
        other.append(_tags(s, names, words), style="cyan")
        rows.append(other)
        link = links.get(frozenset((s.id, canonical.id))) or next(
            (links[k] for k in links if s.id in k and k & set(fact.statements) - {s.id}), None
        )
        if link is not None:
            rows.append(Text(f"         {words['why']}: {link_reason(link, language)}", style="dim italic"))
        else:  # no link within the fact: it joined as its article's own restatement
            restates = words["restates_own"].format(label=labels[s.article])
            rows.append(Text(f"         {words['why']}: {restates}", style="dim italic"))
    return Group(*rows)


def _outlet_table(comparison: Comparison, labels: dict[str, str], language: str = "en") -> Table:
    words = texts(language)
    table = Table(title=f"\n{words['outlets_title']}", title_justify="left")
    for col in ("", words["col_outlet"]):
        table.add_column(col, overflow="fold")
    # a count's header is never folded ("conflic/ts" on a narrow console): its column is at least as wide
    for key in ("facts", "shared", "perhaps", "only_here", "conflicts", "opinion", "quotes"):
        col = words[f"col_{key}"]
        table.add_column(col, overflow="fold", min_width=max(len(w) for w in col.split()))
    outlets = comparison_labels(comparison, language)
    for a in comparison.articles:
        aid = a.article.id
        p = comparison.outlets[aid]
        table.add_row(
            Text(labels[aid]),
            Text(outlets[aid]),
            str(p.facts),
            # facts marked "perhaps also in …" are neither shared nor only here: a column of their own
            str(p.shared_facts),
            str(p.facts - p.shared_facts - p.unique_facts),
            str(p.unique_facts),
            str(p.conflicting_facts),
            _percent(p.subjective_share, language) if p.subjective_share is not None else "—",
            str(p.quotes),
        )
    return table


def print_terminal(
    comparison: Comparison, console: Console | None = None, language: str | None = "en"
) -> None:
    """Print the report on ``console``, its words in ``language`` ("de", "en" or "auto")."""
    (console or Console(markup=False)).print(render_terminal(comparison, language=language))
