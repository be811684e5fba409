"""The terminal view's conflict lines."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from rich.console import Console

from blickwinkel.model import Comparison, Conflict
from blickwinkel.report import render_terminal
from blickwinkel.report.texts import counted
from tests.unit.test_report_html import build_comparison


def _printed(conflicts: list[Conflict]) -> str:
    comparison = replace(build_comparison(), conflicts=conflicts)
    console = Console(width=200, record=True, color_system=None, file=io.StringIO())
    console.print(render_terminal(comparison))
    return console.export_text()


def test_a_conflict_reason_that_names_its_kind_prints_the_kind_once() -> None:
    # "⚠ date: date: 'am Montag' …" was printed for every date conflict.
    date = Conflict(
        "c1", "date", "f2", ("a3", "b3"), ("2025-05-05", "2025-05-06"), "date: 'am Montag' vs 'am Dienstag'"
    )
    text = _printed([date])
    assert "⚠ date: 'am Montag' vs 'am Dienstag'" in text
    assert "date: date:" not in text


def test_a_quantity_conflict_keeps_its_counted_noun() -> None:
    quantity = Conflict("c1", "quantity", "f2", ("a3", "b3"), (40.0, 60), "Pendler: '40' vs '60'")
    assert "⚠ quantity: Pendler: '40' vs '60'" in _printed([quantity])


def test_a_conflict_line_names_the_articles_by_their_letters() -> None:
    # Conflict lines showed article ids ("in tagesblatt-1") where the rest of the view shows A, B.
    reason = "Pendler: '40' in tagesblatt-1 vs '60' in rundfunk-1"
    text = _printed([Conflict("c1", "quantity", "f2", ("a3", "b3"), (40.0, 60), reason)])
    assert "⚠ quantity: Pendler: '40' in A vs '60' in B" in text
    assert "in tagesblatt-1" not in text


def test_an_article_of_one_statement_is_not_counted_in_the_plural() -> None:
    assert counted(1, "statement") == "1 statement"
    assert counted(0, "statement") == "0 statements"
    assert counted(14, "statement") == "14 statements"


def test_a_person_is_shown_by_the_fullest_written_name() -> None:
    # "quotes or cites: al-Rawandi": the form one article wrote first, beside "Faisal Kamil al-Rawandi"
    # in the other; places and organisations keep the form written most often.
    from blickwinkel.compare.voices import entity_names
    from blickwinkel.model import Mention, Statement

    def said(sid: str, *mentions: tuple[str, str, str]) -> Statement:
        return Statement(
            sid, sid[0], "x", 0, 1, entities=tuple(Mention(t, 0, 1, k, key) for t, k, key in mentions)
        )

    statements = [
        said("a1", ("al-Rawandi", "PER", "per:faisal-kamil-rawandi"), ("Basra", "LOC", "loc:basra")),
        said("b1", ("Faisal Kamil al-Rawandi", "PER", "per:faisal-kamil-rawandi")),
        said("b2", ("al-Rawandi", "PER", "per:faisal-kamil-rawandi"), ("Basra", "LOC", "loc:basra")),
        said("b3", ("Stadt Basra", "LOC", "loc:basra")),
    ]
    names = entity_names(statements)
    assert names["per:faisal-kamil-rawandi"] == "Faisal Kamil al-Rawandi"
    assert names["loc:basra"] == "Basra"


def test_a_large_quantity_is_printed_in_digits_not_exponent_notation() -> None:
    # "zwei Millionen Euro" was printed as "(2e+06 EUR)" and 1,234,567 as "1.23457e+06".
    from blickwinkel.model import Quantity, Statement
    from blickwinkel.report.terminal import _numbers

    def numbers(value: float, unit: str | None = None) -> str:
        return _numbers(Statement("a1", "a", "x", 0, 1, quantities=(Quantity("x", 0, 1, value, unit),)))

    assert numbers(2_000_000.0, "EUR") == "  (2 million EUR)"
    assert numbers(1_234_567.0) == "  (1234567)"
    assert numbers(1.5, "Mio") == "  (1.5 Mio)"
    assert numbers(0.25) == "  (0.25)"


@pytest.mark.parametrize(
    ("text", "language", "label"),
    [
        # invented sentences; the vague amounts were shown as "~2000000 people" and "~2000 fan"
        ("Millions of people watched the launch.", "en", "Millions of people"),
        ("Tausende Fans warteten am Hafen.", "de", "Tausende Fans"),
        ("Der Umbau kostet 2 Millionen Euro.", "de", "2 million EUR"),
        ("Der Umbau kostet zwei Millionen Euro.", "de", "2 million EUR"),
        ("The new dock cost about 2.5 million euros.", "en", "~2.5 million EUR"),
        ("Das Land gibt 1,25 Milliarden Euro.", "de", "1.25 billion EUR"),
        ("Täglich fahren 20 bis 30 Busse über die Brücke.", "de", "20–30 Bus"),
        ("The fund now holds 1,234,567 dollars.", "en", "1234567 USD"),
    ],
)
def test_a_quantity_is_labelled_as_written_or_with_a_scale_word(text: str, language: str, label: str) -> None:
    from blickwinkel.analyse.quantities import find_quantities

    (quantity,) = find_quantities(text, language)
    assert quantity.label() == label
    assert quantity.to_json()["label"] == label


def test_left_out_facts_are_counted_in_the_singular_and_the_ones_not_shown_are_said() -> None:
    # "A · Kurier: 1 facts", and "17 facts" above five lines with nothing saying twelve were left out.
    from blickwinkel.model import Omission
    from blickwinkel.report.terminal import OMISSIONS_SHOWN

    comparison = build_comparison()
    one = {"tagesblatt-1": (Omission("f6", 1, 0.5),)}
    console = Console(width=200, record=True, color_system=None, file=io.StringIO())
    console.print(render_terminal(replace(comparison, omissions=one)))
    text = console.export_text()
    assert "Tagesblatt Nord: 1 fact\n" in text
    assert "2 independent sources of 2 articles" in text
    many = {"tagesblatt-1": tuple(Omission("f6", 1, 0.5) for _ in range(OMISSIONS_SHOWN + 3))}
    console = Console(width=200, record=True, color_system=None, file=io.StringIO())
    console.print(render_terminal(replace(comparison, omissions=many)))
    text = console.export_text()
    assert f"Tagesblatt Nord: {OMISSIONS_SHOWN + 3} facts" in text and "… 3 more" in text


def _with_statement(comparison: Comparison, sid: str, **changes: object) -> Comparison:
    articles = tuple(
        replace(a, statements=tuple(replace(s, **changes) if s.id == sid else s for s in a.statements))  # type: ignore[arg-type]
        for a in comparison.articles
    )
    return replace(comparison, articles=articles)


def _text_of(comparison: Comparison) -> str:
    console = Console(width=200, record=True, color_system=None, file=io.StringIO())
    console.print(render_terminal(comparison))
    return console.export_text()


def test_reported_speech_with_no_named_source_says_so() -> None:
    # "[says]" with nobody after it read as a cut-off tag ("Reports say the talks will resume.").
    comparison = build_comparison()
    text = _text_of(_with_statement(comparison, "a6", kind="reported_speech", speaker=None))
    assert "[reported, no source named]" in text
    assert "[says]" not in text and "[says;" not in text


def test_a_shared_fact_names_the_speaker_of_its_own_wording() -> None:
    # The fact's line showed the other articles' speakers but not the one of the wording it printed.
    comparison = build_comparison()
    text = _text_of(_with_statement(comparison, "b2", kind="reported_speech", speaker="Ida Sand"))
    line = next(x for x in text.splitlines() if x.lstrip().startswith("1. ["))
    assert "[says Ida Sand]" in line


def test_the_outlet_table_counts_perhaps_facts_apart_from_shared_ones() -> None:
    # "shared 9" beside "Shared facts (3)": the facts marked "perhaps also in" were counted as shared.
    comparison = build_comparison()
    facts = [replace(f, perhaps_in=("rundfunk-1",)) if f.id == "f5" else f for f in comparison.facts]
    profiles = dict(comparison.outlets)
    profiles["tagesblatt-1"] = replace(profiles["tagesblatt-1"], facts=5, unique_facts=1, shared_facts=3)
    text = _text_of(replace(comparison, facts=facts, outlets=profiles))
    header = next(x for x in text.splitlines() if "only here" in x)
    assert "perhaps" in header
    row = next(x for x in text.splitlines() if x.startswith("│ A "))
    # 5 facts: 3 shared, 1 perhaps also in B, 1 only here
    assert [c.strip() for c in row.split("│")[3:7]] == ["5", "3", "1", "1"]


def test_a_clause_cut_from_a_longer_sentence_opens_with_an_ellipsis() -> None:
    # "• which had never seen such a protest." read as a sentence that lost its start.
    comparison = build_comparison()
    text = _text_of(_with_statement(comparison, "a6", text="und die Stadt prüft alle Optionen."))
    assert "… und die Stadt prüft alle Optionen." in text
    assert "… Die Stadt" not in text


def test_a_story_with_no_shared_fact_says_so_instead_of_an_empty_coverage_table() -> None:
    # The empty table printed its title folded into its narrow columns, a word or two a line.
    comparison = build_comparison()
    only_own = tuple(replace(f, articles=f.articles[:1]) for f in comparison.facts)
    console = Console(width=100, record=True, color_system=None, file=io.StringIO())
    console.print(render_terminal(replace(comparison, facts=only_own)))
    text = console.export_text()
    assert "Coverage: no fact is reported by more than one article" in text
    assert "┃ fact " not in text
    console = Console(width=100, record=True, color_system=None, file=io.StringIO())
    console.print(render_terminal(comparison))
    assert "┃ fact " in console.export_text()


def test_a_paywalled_article_is_marked_beside_it() -> None:
    # The JSON said "paywalled", the terminal report nothing.
    comparison = build_comparison()
    first, second = comparison.articles
    teaser = replace(second, article=replace(second.article, paywalled=True))
    comparison = replace(comparison, articles=(first, teaser), omissions={"rundfunk-1": ()})
    console = Console(width=200, record=True, color_system=None, file=io.StringIO())
    console.print(render_terminal(comparison))
    lines = console.export_text().splitlines()
    marked = [line for line in lines if "teaser only — paywalled" in line]
    assert len(marked) == 2
    assert marked[0].startswith("  B  Rundfunk West  2031-03-04")
    assert marked[1].startswith("  B · Rundfunk West: nothing")
    assert not any("Tagesblatt Nord" in line for line in marked)


def test_an_untitled_article_is_named_by_its_opening_words() -> None:
    # The line under an untitled article's outlet was left blank, then said "(no title)" alone, which
    # left the reader guessing which text it was (a text of one line has no title).
    comparison = build_comparison()
    first, second = comparison.articles
    untitled = replace(second, article=replace(second.article, title=None))
    comparison = replace(comparison, articles=(first, untitled))
    console = Console(width=200, record=True, color_system=None, file=io.StringIO())
    console.print(render_terminal(comparison))
    text = console.export_text()
    assert "     (no title) “Kanalbrücke nach Rissfund geschlossen”" in text
    assert "     Kanalbrücke in Lindenfeld gesperrt" in text


def test_a_fact_names_the_article_that_published_it_first() -> None:
    # the JSON and HTML reports say which article published a fact first; the terminal view did not, so
    # "which outlet had it first?" had no answer there
    comparison = build_comparison()
    fact = next(f for f in comparison.facts if len(f.articles) > 1)
    first = replace(fact, earliest=fact.articles[-1])
    dated = replace(comparison, facts=tuple(first if f is fact else f for f in comparison.facts))
    console = Console(width=200, record=True, color_system=None, file=io.StringIO())
    console.print(render_terminal(dated))
    text = console.export_text()
    letter = "ABCDEFGH"[[a.article.id for a in comparison.articles].index(fact.articles[-1])]
    assert f"· first in {letter}" in text
    assert text.count("· first in") == 1


def test_a_german_report_says_every_heading_and_reason_in_german() -> None:
    # the invented articles are German: "auto" writes the report in German, and every heading, count,
    # conflict line and table header is German; the English words are gone
    reason = "Pendler: '40' in tagesblatt-1 vs '60' in rundfunk-1"
    comparison = replace(
        build_comparison(), conflicts=[Conflict("c1", "quantity", "f2", ("a3", "b3"), (40.0, 60), reason)]
    )
    console = Console(width=200, record=True, color_system=None, file=io.StringIO())
    console.print(render_terminal(comparison, language="auto"))
    text = console.export_text()
    for german in (
        "Artikel\n",
        "Gemeinsame Fakten (",
        "Widersprüche (1)",
        "⚠ Zahl: „40“ in A gegenüber „60“ in B",
        "Ausgelassen (",
        "2 unabhängige Quellen unter 2 Artikeln",
        "Medien",
        "Widersprüche",
    ):
        assert german in text, german
    for english in ("Shared facts", "Conflicts", "Left out", "independent source", "Outlets", "statements"):
        assert english not in text, english
    console = Console(width=200, record=True, color_system=None, file=io.StringIO())
    console.print(render_terminal(comparison))  # English unless asked (the CLI asks by its setting)
    assert "⚠ quantity: Pendler: '40' in A vs '60' in B" in console.export_text()


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("de", "⚠ Zahl bei gleichem Wortlaut: „40“ in A gegenüber „60“ in B"),
        ("en", "⚠ quantity: number in the same wording: '40' in A vs '60' in B"),
    ],
)
def test_a_reason_opening_with_its_kind_says_it_once(language: str, line: str) -> None:
    # a German report printed "⚠ Zahl: Zahl bei gleichem Wortlaut: …"
    reason = "number in the same wording: '40' in tagesblatt-1 vs '60' in rundfunk-1"
    comparison = replace(
        build_comparison(), conflicts=[Conflict("c1", "quantity", "f2", ("a3", "b3"), (40.0, 60), reason)]
    )
    console = Console(width=200, record=True, color_system=None, file=io.StringIO())
    console.print(render_terminal(comparison, language=language))
    text = console.export_text()
    assert line in text
    assert "Zahl: Zahl" not in text


def test_a_shared_fact_names_the_article_whose_wording_it_shows() -> None:
    # "[A C] <text> · first in A" read as A's words where the text shown was C's (nineteenth session):
    # the line names the article of its wording, and the HTML report names its outlet
    from blickwinkel.report.html import render_html

    comparison = build_comparison()
    fact = next(f for f in comparison.facts if len(f.articles) > 1)
    by_id = {s.id: s for a in comparison.articles for s in a.statements}
    letter = "ABCDEFGH"[[a.article.id for a in comparison.articles].index(by_id[fact.canonical].article)]
    line = next(x for x in _text_of(comparison).splitlines() if x.lstrip().startswith("1. ["))
    assert line.split("] ", 1)[1].startswith(f"{letter}: ")
    outlet = next(
        a.article.outlet for a in comparison.articles if a.article.id == by_id[fact.canonical].article
    )
    assert f'<span class="worded">{outlet}:</span>' in render_html(comparison, language="en")


def test_a_conflicting_value_deep_in_a_long_statement_is_shown() -> None:
    # A long statement was shortened from its start, so the terminal cut off the very value the
    # conflict names ("… Bramwick and Ostley 1 …"): the line shows the stretch around the value now.
    opening = "Nach dem Unwetter über Lindenfeld, Bramwick, Ostley und den Dörfern am Kanal " * 3
    long_a = opening + "mussten 1.704 Menschen ihre Häuser verlassen, wie das Amt am Abend mitteilte."
    long_b = opening + "mussten 1.724 Menschen ihre Häuser verlassen, wie die Feuerwehr am Abend sagte."
    comparison = build_comparison()
    by_id = {s.id: s for s in comparison.statements}
    a3 = replace(by_id["a3"], text=long_a, end=by_id["a3"].start + len(long_a))
    b3 = replace(by_id["b3"], text=long_b, end=by_id["b3"].start + len(long_b))
    at = {s.id: s.start + s.text.index(v) for s, v in ((a3, "1.704"), (b3, "1.724"))}
    spans = ((at["a3"], at["a3"] + 5), (at["b3"], at["b3"] + 5))
    reason = "Menschen: '1.704' vs '1.724'"
    conflict = Conflict("c1", "quantity", "f2", ("a3", "b3"), (1704.0, 1724.0), reason, spans)
    new = {"a3": a3, "b3": b3}
    articles = tuple(
        replace(a, statements=tuple(new.get(s.id, s) for s in a.statements)) for a in comparison.articles
    )
    comparison = replace(comparison, articles=articles, conflicts=(conflict,))
    console = Console(width=400, record=True, color_system=None, file=io.StringIO())
    console.print(render_terminal(comparison))
    lines = console.export_text().split("⚠ quantity:", 1)[1].splitlines()[1:3]
    assert "mussten 1.704 Menschen" in lines[0] and lines[0].lstrip().startswith("A: …"), lines
    assert "mussten 1.724 Menschen" in lines[1] and lines[1].lstrip().startswith("B: …"), lines
    assert all(len(line.split(": ", 1)[1]) <= 182 for line in lines), lines


def test_a_short_conflicting_statement_is_shown_whole() -> None:
    reason = "Pendler: '40' in tagesblatt-1 vs '60' in rundfunk-1"
    comparison = build_comparison()
    by_id = {s.id: s for s in comparison.statements}
    spans = tuple((by_id[sid].start, by_id[sid].start + 2) for sid in ("a3", "b3"))
    text = _printed([Conflict("c1", "quantity", "f2", ("a3", "b3"), (40.0, 60), reason, spans)])
    assert f"A: {by_id['a3'].text}" in text
