"""The web story page's view: speakers by name, quotation marks, labels of articles with no outlet."""

from __future__ import annotations

from dataclasses import replace

from blickwinkel.compare.voices import voices
from blickwinkel.model import AnalysedArticle, Article, Comparison, Conflict, Mention, Statement
from blickwinkel.web.views import story_view
from tests.unit.test_report_html import build_comparison, make_article, make_statement


def _with_speakers() -> tuple[dict[str, Article], Comparison]:
    comparison = build_comparison()
    a, b = (x.article for x in comparison.articles)
    said, _ = make_article(
        "c",
        [
            ("headline", "A title long enough to be cut somewhere in the middle of it", None),
            ("paragraph", "„Wir prüfen alles“, sagte Mara Olsen. Die Brücke bleibt zu, sagte Olsen.", None),
        ],
    )
    olsen = Mention("Mara Olsen", 0, 10, "PER", "per:mara-olsen")
    statements = (
        replace(
            make_statement(said, "c1", "„Wir prüfen alles“, sagte Mara Olsen."),
            kind="quote",
            speaker="per:mara-olsen",
            entities=(olsen,),
        ),
        replace(
            make_statement(said, "c2", "Die Brücke bleibt zu, sagte Olsen."),
            kind="reported_speech",
            speaker="per:mara-olsen",
        ),
        Statement("c3", "c", "Kein Zitat.", 0, 1, kind="quote", speaker="per:mara-olsen"),
    )
    comparison = replace(comparison, articles=(*comparison.articles, AnalysedArticle(said, statements)))
    return {"tagesblatt-1": a, "rundfunk-1": b, "c": said}, comparison


def test_speakers_are_shown_by_name_and_quotes_get_marks_only_once() -> None:
    # The page headed the quotes "per:mara-olsen" and printed „„Wir prüfen alles“, sagte Mara Olsen.“
    articles, comparison = _with_speakers()
    view = story_view(articles, comparison)
    quotes = dict(view.quotes)
    assert "per:mara-olsen" not in quotes
    items = {text: verbatim for _, text, verbatim in quotes["Mara Olsen"]}
    assert items == {
        "„Wir prüfen alle Optionen.“": False,  # the speaker as the analysis wrote it, under one heading
        "„Wir prüfen alles“, sagte Mara Olsen.": False,
        "Die Brücke bleibt zu, sagte Olsen.": False,
        "Kein Zitat.": True,
    }


def test_an_article_with_no_outlet_is_labelled_by_its_title_cut_at_a_word() -> None:
    # The label was the title's first 40 characters: "… cut somewhere in the mi".
    articles, comparison = _with_speakers()
    articles["c"] = replace(
        articles["c"], title="A title long enough to be cut somewhere in the middle of it"
    )
    labels = {column.id: column.label for column in story_view(articles, comparison).columns}
    assert labels["c"] == "A title long enough to be cut …"


def test_an_untitled_article_is_named_by_its_first_sentence_even_without_spaces() -> None:
    # A text of unbroken script (Chinese, Japanese, a long address) cut at a word left "…" alone.
    from blickwinkel.web.views import OPENING_CHARS, opening_words

    plain, _ = make_article("p", [("paragraph", "Die Fähre fährt wieder. Der Hafen ist offen.", None)])
    assert opening_words(plain) == "Die Fähre fährt wieder."
    unbroken, _ = make_article("u", [("paragraph", "渡轮" * 80, None)])
    named = opening_words(unbroken)
    assert named is not None and named.startswith("渡轮") and len(named) <= OPENING_CHARS
    blank, _ = make_article("b", [("paragraph", " ", None)])
    assert opening_words(blank) is None


def test_the_view_notes_groups_that_share_no_fact_and_marks_a_paywalled_article() -> None:
    # The pages showed neither the notes the terminal prints nor the mark of a page behind a paywall.
    articles, comparison = _with_speakers()  # "c" shares no fact with the other two
    # ... and the story model scores it as another event (compare/events.py)
    comparison = replace(comparison, different_events=(("tagesblatt-1", "rundfunk-1"), ("c",)))
    articles["rundfunk-1"] = replace(articles["rundfunk-1"], paywalled=True, notes=("rundfunk: a note",))
    view = story_view(articles, comparison)
    assert any("share no fact" in note for note in view.notes)
    assert "rundfunk: a note" in view.notes
    marks = {c.id: c.marks for c in view.columns}
    assert marks == {"tagesblatt-1": (), "rundfunk-1": ("teaser only — paywalled",), "c": ()}
    assert story_view(articles, comparison).notes.count("rundfunk: a note") == 1
    german = story_view(articles, comparison, "de")
    german_marks = {c.id: c.marks for c in german.columns}
    assert german_marks["rundfunk-1"] == ("nur der Anriss — hinter einer Bezahlschranke",)
    assert story_view(dict(list(articles.items())[:1]), None).notes == ()  # nothing compared, nothing noted


def test_a_comparison_of_very_many_articles_is_noted() -> None:
    from blickwinkel.report.labels import MANY_ARTICLES, many_articles_note

    assert many_articles_note(MANY_ARTICLES) is None
    assert (many_articles_note(MANY_ARTICLES + 1) or "").startswith(f"{MANY_ARTICLES + 1} articles compared")


def test_the_notes_follow_the_page_language() -> None:
    # A German page showed the notes in English (thirteenth session; found by the new user).
    from blickwinkel.report.labels import many_articles_note

    articles, comparison = _with_speakers()
    comparison = replace(comparison, different_events=(("tagesblatt-1", "rundfunk-1"), ("c",)))
    paywall = "rundfunk.html: [I062] a page behind a paywall: only the free part was read (40 words)"
    articles["rundfunk-1"] = replace(
        articles["rundfunk-1"], paywalled=True, notes=(paywall, "x: [I066] a date")
    )
    german = story_view(articles, comparison, "de").notes
    assert any("teilen keinen Fakt" in note for note in german)
    assert not any("share no fact" in note for note in german)
    assert any(n.startswith("rundfunk.html: eine Seite hinter einer Bezahlschranke") for n in german)
    assert any("(40 Wörter)" in n and n.endswith("(I062)") for n in german)  # the count of words read kept
    assert paywall not in german
    assert "x: [I066] a date" in german  # a reader's problem with its input keeps the error table's words
    english = story_view(articles, comparison, "en").notes
    assert paywall in english and any("share no fact" in note for note in english)
    assert (many_articles_note(51, "de") or "").startswith("51 Artikel als ein Ereignis verglichen")


def test_a_german_note_names_an_article_without_outlet_in_german() -> None:
    from types import SimpleNamespace

    from blickwinkel.report.labels import separate_events_note, thin_languages_note

    def article(id: str, outlet: str | None = None, language: str = "de") -> SimpleNamespace:
        return SimpleNamespace(article=SimpleNamespace(id=id, outlet=outlet, language=language))

    two = SimpleNamespace(articles=[article("a", "Seepost"), article("b")], different_events=(("a",), ("b",)))
    note = separate_events_note(two, "de")  # type: ignore[arg-type]
    assert note is not None and note.startswith("Seepost | b (Medium unbekannt): diese Gruppen")
    polish = SimpleNamespace(articles=[article("a", "Seepost"), article("p", "Kurier", "pl")])
    thin = thin_languages_note(polish, "de")  # type: ignore[arg-type]
    assert thin is not None and thin.startswith("Kurier (pl): blickwinkel liest Deutsch und Englisch")


def test_the_quotes_say_which_outlets_quote_a_speaker_in_the_page_language() -> None:
    articles, comparison = _with_speakers()
    comparison = replace(comparison, voices=voices(comparison.articles, comparison.facts))
    english = story_view(articles, comparison).voices["Mara Olsen"]
    german = story_view(articles, comparison, "de").voices["Mara Olsen"]
    assert "2 quoted, 1 reported" in english
    assert "2 wörtlich, 1 indirekt" in german
    # a comparison stored before voices: the quotes alone
    assert story_view(articles, replace(comparison, voices=())).voices == {}


def test_a_negation_conflict_says_which_side_is_negated_in_the_page_language() -> None:
    # The page showed the sides' JSON values as written: "Tagesblatt: True", "Rundfunk: False".
    comparison = build_comparison()
    a, b = (x.article for x in comparison.articles)
    first, second = comparison.conflicts[0].statements
    negation = Conflict("c9", "negation", "f2", (first, second), (True, False), "negation")
    comparison = replace(comparison, conflicts=(negation,))
    articles = {"tagesblatt-1": a, "rundfunk-1": b}
    for language, shown, words in (
        ("en", "negation", ["negated", "not negated"]),
        ("de", "Verneinung", ["verneint", "nicht verneint"]),  # the kind in the page's language too
    ):
        [(kind, _, sides)] = story_view(articles, comparison, language).conflicts
        assert kind == shown and [side.value for side in sides] == words
