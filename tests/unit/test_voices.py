"""Voices: speakers grouped across articles, and whether their quoted words are the same (invented text)."""

from __future__ import annotations

from rich.console import Console

from blickwinkel.compare.profile import outlet_profiles
from blickwinkel.compare.voices import quoted_words, same_words, voices
from blickwinkel.model import AnalysedArticle, Article, Comparison, Fact, Statement, StatementKind, Voice
from blickwinkel.report.labels import voice_counts, voice_wording
from blickwinkel.report.terminal import render_terminal


def _st(sid: str, text: str, kind: StatementKind | None = None, speaker: str | None = None) -> Statement:
    return Statement(
        id=sid, article=sid.partition("#")[0], text=text, start=0, end=len(text), kind=kind, speaker=speaker
    )


def _article(aid: str, *statements: Statement) -> AnalysedArticle:
    return AnalysedArticle(Article(id=aid, text="", blocks=(), source=aid), statements)


A = _article(
    "a",
    _st(
        "a#1",
        "„Wir öffnen die Brücke am Freitag wieder“, sagte Vera Lindqvist.",
        "quote",
        "per:vera-lindqvist",
    ),
    _st("a#2", "Die Polizei sagte, die Umleitung bleibe bis dahin.", "reported_speech", "Polizei"),
    _st("a#3", "Lindqvist sagte, die Reparatur koste wenig.", "reported_speech", "per:vera-lindqvist"),
    _st("a#4", "Der Fluss stieg in der Nacht.", "reporting"),
)
B = _article(
    "b",
    _st(
        "b#1",
        'Vera Lindqvist sagte: "Wir öffnen die Brücke am Freitag wieder."',
        "quote",
        "per:vera-lindqvist",
    ),
    _st("b#2", "„Die Kosten sind höher als gedacht“, sagte Lindqvist.", "quote", "per:vera-lindqvist"),
)
C = _article(
    "c",
    _st("c#1", "„Am Freitag ist die Brücke wieder offen“, so Vera Lindqvist.", "quote", "per:vera-lindqvist"),
    _st(
        "c#2", "Lindqvist sagte, die Kosten seien höher als gedacht.", "reported_speech", "per:vera-lindqvist"
    ),
    _st("c#3", "Die polizei sagte, niemand sei verletzt.", "reported_speech", "polizei"),
)
FACTS = (
    Fact("f1", ("a#1", "b#1", "c#1"), ("a", "b", "c"), "a#1"),
    Fact("f2", ("b#2", "c#2"), ("b", "c"), "b#2"),
    Fact("f3", ("a#2",), ("a",), "a#2"),
    Fact("f4", ("a#3",), ("a",), "a#3"),
    Fact("f5", ("c#3",), ("c",), "c#3"),
    Fact("f6", ("a#4",), ("a",), "a#4"),
)


def test_quoted_words_are_those_inside_the_marks_in_one_form() -> None:
    curly = quoted_words(_st("x#1", "„Wir kommen – ganz sicher“, sagte sie.", "quote"))
    straight = quoted_words(_st("y#1", 'Sie sagte: "wir kommen - ganz sicher."', "quote"))
    assert curly == straight == ("wir", "kommen", "ganz", "sicher")
    # a quote block without marks: its whole text
    assert quoted_words(_st("z#1", "Wir kommen.", "quote")) == ("wir", "kommen")


def test_same_words_when_equal_or_one_quotes_more() -> None:
    assert same_words(("wir", "kommen"), ("wir", "kommen"))
    assert same_words(("wir", "kommen", "morgen"), ("kommen", "morgen"))
    assert not same_words(("wir", "kommen"), ("sie", "kommen"))
    assert not same_words((), ("wir",))


def test_voices_group_speakers_across_articles() -> None:
    found = voices((A, B, C), FACTS)
    assert [v.speaker for v in found] == ["per:vera-lindqvist", "Polizei"]  # most statements first
    vera = found[0]
    assert [(x.article, x.quotes, x.reported) for x in vera.articles] == [
        ("a", 1, 1),
        ("b", 2, 0),
        ("c", 1, 1),
    ]
    by_fact = {f.fact: f for f in vera.facts}
    # a and b give the same words in two typographic forms; c words the promise its own way
    assert by_fact["f1"].quoted == ("a", "b", "c")
    assert by_fact["f1"].wording == "different"
    assert by_fact["f1"].same_words == (("a", "b"),)
    # b quotes, c only reports
    assert (by_fact["f2"].quoted, by_fact["f2"].reported, by_fact["f2"].wording) == (("b",), ("c",), None)
    assert by_fact["f4"].reported == ("a",)
    assert "f6" not in by_fact
    # one speaker however capitalised
    police = found[1]
    assert [x.article for x in police.articles] == ["a", "c"]


def test_same_words_in_two_articles() -> None:
    found = voices((A, B), FACTS)
    by_fact = {f.fact: f for f in found[0].facts}
    assert by_fact["f1"].wording == "same"
    assert by_fact["f1"].quoted == ("a", "b")


def test_a_speaker_one_article_quotes_is_marked_so() -> None:
    only = voices((A, B), FACTS)[1]
    assert voice_counts(only, {"a": "A", "b": "B"}) == "only A quotes them: 1 reported"
    assert voice_counts(only, {"a": "A"}, "de") == "nur in A: 1 indirekt"


def test_voice_labels_in_english_and_german() -> None:
    vera = voices((A, B, C), FACTS)[0]
    labels = {"a": "A", "b": "B", "c": "C"}
    assert voice_counts(vera, labels) == "A 1 quoted, 1 reported · B 2 quoted · C 1 quoted, 1 reported"
    by_fact = {f.fact: f for f in vera.facts}
    assert voice_wording(by_fact["f1"], labels) == "worded differently in A, B and C (same words in A and B)"
    assert voice_wording(by_fact["f2"], labels) == "quoted in B, only reported in C"
    assert voice_wording(by_fact["f2"], labels, "de") == "wörtlich in B, nur indirekt in C"


def test_voices_survive_the_json() -> None:
    found = voices((A, B, C), FACTS)
    comparison = Comparison(articles=(A, B, C), facts=FACTS, conflicts=(), links=(), outlets={}, voices=found)
    back = Comparison.from_json(comparison.to_json())
    assert back.voices == found
    assert Voice.from_json(found[0].to_json()) == found[0]
    # a comparison stored before voices reads as one without them
    old = comparison.to_json()
    del old["voices"]
    assert Comparison.from_json(old).voices == ()


def test_articles_that_report_the_fact_without_the_speaker() -> None:
    # c gives the police as the source; a states the same thing as its own
    facts = (*FACTS[:4], Fact("f5", ("a#4", "c#3"), ("a", "c"), "c#3"))
    police = next(v for v in voices((A, B, C), facts) if v.speaker == "Polizei")
    found = {f.fact: f for f in police.facts}["f5"]
    assert (found.reported, found.without, found.shared) == (("c",), ("a",), True)
    assert voice_wording(found, {"a": "A", "c": "C"}) == "reported in C, without them in A"
    assert voice_wording(found, {"a": "A", "c": "C"}, "de") == "indirekt in C, ohne diese Quelle in A"
    alone = {f.fact: f for f in police.facts}["f3"]
    assert (alone.without, alone.shared) == ((), False)


def test_the_terminal_names_three_shared_facts_per_speaker_and_counts_the_rest() -> None:
    said = [
        (_st(f"d#{n}", f"„Satz {n} bleibt so“, sagte Vera Lindqvist.", "quote", "per:vera-lindqvist"),
         _st(f"e#{n}", f"„Satz {n} bleibt anders“, sagte Vera Lindqvist.", "quote", "per:vera-lindqvist"))
        for n in range(1, 6)
    ]  # fmt: skip
    d, e = _article("d", *(x for x, _ in said)), _article("e", *(y for _, y in said))
    facts = tuple(Fact(f"g{n}", (x.id, y.id), ("d", "e"), x.id) for n, (x, y) in enumerate(said, 1))
    comparison = Comparison(
        articles=(d, e),
        facts=facts,
        conflicts=(),
        links=(),
        outlets=outlet_profiles((d, e), facts, ()),
        voices=voices((d, e), facts),
    )
    console = Console(width=400, record=True, color_system=None)
    console.print(render_terminal(comparison))
    line = next(x for x in console.export_text().splitlines() if x.startswith("  • "))
    assert line.count("worded differently in A and B") == 3
    assert line.endswith("· 2 more facts")


def test_one_body_with_and_without_its_article_is_one_voice() -> None:
    # "Die Feuerwehr teilte mit …", "Laut der Feuerwehr …" (read "Feuerwehr") and "… so der Feuerwehr
    # zufolge" gave three voices of one body in one comparison (nineteenth session; our own sentences)
    a = _article(
        "a",
        _st("a#1", "Die Feuerwehr teilte mit, der Brand sei gelöscht.", "reported_speech", "die Feuerwehr"),
        _st("a#2", "Laut der Feuerwehr war niemand im Haus.", "reported_speech", "Feuerwehr"),
    )
    b = _article(
        "b",
        _st("b#1", "Der Feuerwehr zufolge war niemand im Haus.", "reported_speech", "der Feuerwehr"),
        _st("b#2", "The fire service said the fire was out.", "reported_speech", "the fire service"),
    )
    found = voices((a, b), ())
    assert [(v.speaker, [x.article for x in v.articles]) for v in found] == [
        ("die Feuerwehr", ["a", "b"]),
        ("the fire service", ["b"]),
    ]
