"""Sentence, clause and token splitting: offsets always slice back; German and English examples."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from blickwinkel.model import Article, Block, BlockKind, Sentence
from blickwinkel.text import normalise, split_sentences, split_statements, tokenize
from blickwinkel.text._somajo import align_tokens

PROPERTY_SETTINGS = settings(max_examples=150)


def article(text: str, *, kind: BlockKind = "paragraph", language: str | None = None) -> Article:
    return Article(
        id="test", text=text, blocks=(Block(kind, 0, len(text)),), source="test", language=language
    )


def article_of_blocks(parts: list[str], language: str | None = None) -> Article:
    text = ""
    blocks = []
    for part in parts:
        if text:
            text += "\n\n"
        blocks.append(Block("paragraph", len(text), len(text) + len(part)))
        text += part
    return Article(id="test", text=text, blocks=tuple(blocks), source="test", language=language)


def texts(article_: Article, sentences: list[Sentence]) -> list[str]:
    return [s.text for s in sentences]


def assert_offsets_hold(article_: Article, sentences: list[Sentence]) -> None:
    previous_end = 0
    for sentence in sentences:
        assert article_.text[sentence.start : sentence.end] == sentence.text
        assert sentence.text
        assert sentence.text == sentence.text.strip()
        assert sentence.start >= previous_end
        block = article_.blocks[sentence.block]
        assert block.start <= sentence.start and sentence.end <= block.end
        token_end = sentence.start
        for token in sentence.tokens:
            assert article_.text[token.start : token.end] == token.text
            assert token.text and token.text == token.text.strip()
            assert token_end <= token.start and token.end <= sentence.end
            token_end = token.end
        if sentence.tokens:
            assert sentence.tokens[0].start == sentence.start
            assert sentence.tokens[-1].end == sentence.end
        previous_end = sentence.end


# --- properties -------------------------------------------------------------------------------------

WORDS = [
    "Haus",
    "der",
    "Regierung",
    "sagte",
    "Müller",
    "Straße",
    "wir",
    "and",
    "the",
    "minister",
    "said",
    "Euro",
    "2024",
    "3,5",
    "10.000",
    "AT&T",
    "E-Mail",
    "#Streik",
    "@bahn",
    "https://example.org/a?b=1",
    "z. B.",
    "u. a.",
    "Dr.",
    "Nr.",
    "Mr.",
    "U.S.",
    "25.",
    "3.",
    "Januar",
    "Liga",
    "co\u0301te",
    "\U0001f600",
    "👍🏽",
    "(",
    ")",
    "–",
    "...",
]
PUNCTUATION = [".", ",", "!", "?", ";", ":", ".“", "?“", '."', "“", "„", "»", "«", "'", "’", "&amp;"]
SPACES = [" ", " ", " ", "  ", "\n", "\t", "\u00a0", "\u200b", "\u00ad", "\r\n", "\x07"]

pieces = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(PUNCTUATION),
    st.sampled_from(SPACES),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=6),
)
block_texts = st.lists(pieces, max_size=40).map("".join)


@PROPERTY_SETTINGS
@given(
    parts=st.lists(block_texts, min_size=1, max_size=4), language=st.sampled_from([None, "de", "en", "fr"])
)
def test_sentence_offsets_always_slice_back(parts: list[str], language: str | None) -> None:
    article_ = article_of_blocks(parts, language)
    assert_offsets_hold(article_, split_sentences(article_))
    assert_offsets_hold(article_, split_statements(article_))


@PROPERTY_SETTINGS
@given(parts=st.lists(block_texts, min_size=1, max_size=3))
def test_offsets_hold_on_normalised_text(parts: list[str]) -> None:
    article_ = article_of_blocks([normalise(p).strip() for p in parts])
    assert_offsets_hold(article_, split_sentences(article_))


@PROPERTY_SETTINGS
@given(text=block_texts, language=st.sampled_from([None, "de", "en"]))
def test_tokens_slice_back(text: str, language: str | None) -> None:
    previous_end = 0
    for token in tokenize(text, language):
        assert text[token.start : token.end] == token.text
        assert token.start >= previous_end and token.end > token.start
        previous_end = token.end


@settings(max_examples=200)
@given(text=st.one_of(st.text(), block_texts))
def test_normalise_is_idempotent(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once
    assert "\r" not in once and "\u00ad" not in once and "\u200b" not in once
    assert "  " not in once
    assert unicodedata.is_normalized("NFC", once)


# --- normalise ----------------------------------------------------------------------------------------


def test_normalise_cleans_but_keeps_line_breaks() -> None:
    raw = "Ein\u00a0 Satz\u200b mit  Leer\u00adzeichen.\r\nZweite Zeile \n\n\n\nDritter Absatz\tEnde"
    assert normalise(raw) == "Ein Satz mit Leerzeichen.\nZweite Zeile\n\nDritter Absatz Ende"
    assert normalise("Cafe\u0301") == "Café"


# --- German examples (our own sentences) ----------------------------------------------------------


def test_german_abbreviations_dates_and_ordinals_do_not_split() -> None:
    text = (
        "Der Verein spielt seit dem 25. Januar 2024 in der 3. Liga, z. B. gegen Teams aus dem Norden. "
        "Dr. Weber leitet u. a. die Abteilung Nr. 7 im Rathaus. "
        "Am 1. Mai beginnt die Saison."
    )
    result = split_sentences(article(text))
    assert texts(article(text), result) == [
        "Der Verein spielt seit dem 25. Januar 2024 in der 3. Liga, z. B. gegen Teams aus dem Norden.",
        "Dr. Weber leitet u. a. die Abteilung Nr. 7 im Rathaus.",
        "Am 1. Mai beginnt die Saison.",
    ]


def test_closing_quote_stays_with_the_sentence() -> None:
    text = "„Wir haben alles versucht.“ Das sagte die Bürgermeisterin am Abend. Sie ging."
    result = split_sentences(article(text))
    assert [s.text for s in result] == [
        "„Wir haben alles versucht.“",
        "Das sagte die Bürgermeisterin am Abend.",
        "Sie ging.",
    ]
    text = "Der Sprecher hat gesagt: „Wir prüfen das.“ Danach endete die Sitzung."
    first = split_sentences(article(text))[0]
    assert first.text.endswith("prüfen das.“")


def test_line_breaks_and_blocks_are_hard_boundaries() -> None:
    article_ = article_of_blocks(["Erste Zeile ohne Punkt\nZweite Zeile auch", "Ein neuer Absatz."])
    result = split_sentences(article_)
    assert [(s.text, s.block) for s in result] == [
        ("Erste Zeile ohne Punkt", 0),
        ("Zweite Zeile auch", 0),
        ("Ein neuer Absatz.", 1),
    ]


def test_sentences_in_later_blocks_have_article_offsets() -> None:
    article_ = article_of_blocks(["Kurz.", "Der zweite Block beginnt hier. Und endet hier."])
    result = split_sentences(article_)
    assert [s.block for s in result] == [0, 1, 1]
    assert_offsets_hold(article_, result)
    assert result[2].start == article_.text.index("Und endet")


def test_tokens_carry_offsets() -> None:
    tokens = tokenize("Die Kosten: 3,5 Mio. Euro (ca. 10 %).", "de")
    assert [t.text for t in tokens][:6] == ["Die", "Kosten", ":", "3,5", "Mio.", "Euro"]
    assert tokens[3].start == 12


# --- English examples -----------------------------------------------------------------------------


def test_english_abbreviations_and_quotes() -> None:
    text = 'Mr. Carter flew to the U.S. on Monday. "It went well," he said. She didn\'t agree.'
    result = split_sentences(article(text, language="en"))
    assert [s.text for s in result] == [
        "Mr. Carter flew to the U.S. on Monday.",
        '"It went well," he said.',
        "She didn't agree.",
    ]


def test_block_language_overrides_article_language() -> None:
    text = "He didn't say it."
    block = Block("embedded_post", 0, len(text), language="en")
    article_ = Article(id="t", text=text, blocks=(block,), source="test", language="de")
    tokens = split_sentences(article_)[0].tokens
    assert [t.text for t in tokens] == ["He", "did", "n't", "say", "it", "."]


# --- statements -----------------------------------------------------------------------------------

LONG_GERMAN = (
    "Die Stadtwerke haben am Montag die Preise für Strom und Gas in allen Bezirken deutlich erhöht, "
    "während die Nachbarstadt ihre Tarife für private Haushalte bis zum Ende des Jahres stabil hält, "
    "weil dort ein langfristiger Vertrag mit dem regionalen Versorger gilt."
)


def test_long_sentence_is_split_into_clauses() -> None:
    article_ = article(LONG_GERMAN)
    statements = split_statements(article_)
    assert [s.text for s in statements] == [
        "Die Stadtwerke haben am Montag die Preise für Strom und Gas in allen Bezirken deutlich erhöht",
        "während die Nachbarstadt ihre Tarife für private Haushalte bis zum Ende des Jahres stabil hält",
        "weil dort ein langfristiger Vertrag mit dem regionalen Versorger gilt.",
    ]
    assert_offsets_hold(article_, statements)


def test_long_english_sentence_is_split_at_semicolon_and_but() -> None:
    text = (
        "The council approved the new budget for schools and roads late on Tuesday evening; "
        "the opposition had asked for more money for public transport in the suburbs, "
        "but the mayor said the city could not afford any further spending this year."
    )
    statements = split_statements(article(text, language="en"))
    assert len(statements) == 3
    assert statements[1].text.startswith("the opposition")
    assert statements[2].text.startswith("but the mayor")


def test_a_long_sentence_is_not_cut_before_the_last_item_of_a_list() -> None:
    # invented: English sets a comma before a list's last item; "and Tom Reyes, 52, …" was a statement
    text = (
        "The ferry operator from the northern islands was fined for the deaths of Ann Hale, 31, "
        "Piet Lund, 48, and Tom Reyes, 52, in the harbour of Eastport during a storm in March last year."
    )
    assert [s.text for s in split_statements(article(text, language="en"))] == [text]
    # a clause after a long item is still cut
    clauses = (
        "The council, which met for six hours on Tuesday, approved the new budget for schools and roads "
        "late in the evening, and the opposition walked out of the chamber before the final vote."
    )
    statements = split_statements(article(clauses, language="en"))
    assert [s.text[:16] for s in statements] == ["The council, whi", "and the oppositi"]
    # ... and so is one a pronoun opens after a short item
    pronoun = (
        "The ferry operator will build the new terminal for the islands in the port of Eastport, Kell, "
        "and it will open the first of its three new berths in the spring of next year."
    )
    assert len(split_statements(article(pronoun, language="en"))) == 2
    # ... and one after a list that closed with its own conjunction ("…, Kell and Brede, and …")
    closed = (
        "Eleven ferries of the northern line were sent to the ports of Eastport, Kell and Brede, "
        "and some 400 travellers spent the night in the terminal before the storm passed over."
    )
    assert len(split_statements(article(closed, language="en"))) == 2


def test_a_clause_that_leans_on_the_one_before_is_not_cut_off() -> None:
    # invented: a second "that"-clause of the same verb and a subjectless "-ing" clause were statements of
    # their own ("and that it would …", "while clearing …") that say nothing read alone
    said = (
        "The ferry operator of the northern islands said on Tuesday that more than 4,000 travellers had "
        "spent the night in the terminals of Eastport and Kell, and that it would add two night ferries."
    )
    assert [s.text for s in split_statements(article(said, language="en"))] == [said]
    dass = (
        "Die Sprecherin der Stadtwerke sagte am Dienstag, dass in den Bezirken am Hafen mehr als 400 "
        "Haushalte ohne Strom gewesen seien, und dass die Leitung bis zum Abend repariert werden solle."
    )
    assert [s.text for s in split_statements(article(dass))] == [dass]
    ing = (
        "Police in the harbour town of Eastport said officers detained two men and a woman late on "
        "Saturday evening near the old ferry terminal, while clearing the quay of cars after the match."
    )
    assert [s.text for s in split_statements(article(ing, language="en"))] == [ing]
    # "after" with an "-ing" form tells an event of its own and is still cut
    after = (
        "The first rocket of the small launch company was lost about a minute into its first flight on "
        "Thursday, after lifting off from the spaceport of Skerra at noon local time in clear weather."
    )
    assert [s.text[:9] for s in split_statements(article(after, language="en"))] == ["The first", "after lif"]
    # a clause with a subject of its own is still cut, "that" as its subject too
    that = (
        "The ferry operator of the northern islands cancelled all crossings between Eastport and Kell on "
        "Tuesday evening, and that is why more than 4,000 travellers spent the night in the terminals."
    )
    assert [s.text[:9] for s in split_statements(article(that, language="en"))] == ["The ferry", "and that "]
    own = (
        "Police in the harbour town of Eastport said officers detained two men and a woman late on "
        "Saturday evening near the old ferry terminal, while the fans of the visiting club left by bus."
    )
    assert [s.text[:9] for s in split_statements(article(own, language="en"))] == ["Police in", "while the"]


def test_short_sentences_and_quotes_are_not_split() -> None:
    short = "Er kam, und sie ging."
    assert [s.text for s in split_statements(article(short))] == [short]
    quoted = (
        "„Wir haben die Preise für Strom und Gas in allen Bezirken deutlich erhöht, "
        "und wir werden die Tarife für private Haushalte bis zum Ende des Jahres nicht mehr ändern“, "
        "sagte der Sprecher."
    )
    assert [s.text for s in split_statements(article(quoted))] == [quoted]


def test_headline_stays_one_statement_and_caption_is_not_split() -> None:
    headline = "Streik bei der Bahn. Pendler stranden"
    assert [s.text for s in split_statements(article(headline, kind="headline"))] == [headline]
    caption = LONG_GERMAN
    assert [s.text for s in split_statements(article(caption, kind="caption"))] == [caption]


# --- robustness -----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "...", "\x00\x01", "🙂🙂", "&amp;"])
def test_odd_blocks_do_not_crash(text: str) -> None:
    article_ = article(text)
    assert_offsets_hold(article_, split_sentences(article_))
    assert_offsets_hold(article_, split_statements(article_))


def test_block_offsets_outside_the_text_are_clamped() -> None:
    article_ = Article(id="t", text="Ein Satz.", blocks=(Block("paragraph", 4, 99),), source="test")
    assert [s.text for s in split_sentences(article_)] == ["Satz."]


def test_alignment_recovers_from_rewritten_tokens() -> None:
    text = "Cafe\u0301 : ) und \u00abso\u00bb"
    spans = align_tokens(text, ["Café", ":)", "und", "«", "so", "»"])
    assert [text[a:b] for a, b in spans] == ["Cafe\u0301", ": )", "und", "\u00ab", "so", "\u00bb"]


def test_speed_guards_do_not_change_somajo_output() -> None:
    from somajo import SoMaJo

    from blickwinkel.text._somajo import _tokenizer

    paragraph = (
        "Die Firma AT&T und H&M zahlen ca. 5 Mio. € bzw. 3,5 % mehr, s. Abb. 3 (vgl. Nr. 4). "
        "Dr. med. Huber kam am 3.10.2024 um 14.30 Uhr 🙂👍🏽 mit d. h. u.a. neuen Plänen; "
        "www.example.de/x?y=1 #tag @name :-) u. s. w. etc. pp. Nr.-Nr. 5 St.-Nr. 7 i.A. z.B. Ende."
    )
    for language, model in (("de", "de_CMC"), ("en", "en_PTB")):
        plain = SoMaJo(model, split_camel_case=False)
        expected = [[t.text for t in s] for s in plain.tokenize_text([paragraph])]
        guarded = [[t.text for t in s] for s in _tokenizer(language).tokenize_text([paragraph])]
        assert guarded == expected


@pytest.mark.parametrize(
    ("raw", "repaired"),
    [
        ("The mayorâ\u0080\u0099s office", "The mayor’s office"),  # UTF-8 read as Latin-1
        ("The mayorâ€™s office", "The mayor’s office"),  # … as Windows-1252
        ("â€œWe will rebuild,â€\u009d she said", "“We will rebuild,” she said"),
        ("a fee of Â£40 at the cafÃ©", "a fee of £40 at the café"),
        ("ÃƒÂ©tÃƒÂ©", "été"),  # twice
        ("the harbour\u0092s wall \u0097 rebuilt", "the harbour’s wall — rebuilt"),  # lone signs
    ],
)
def test_mojibake_is_repaired(raw: str, repaired: str) -> None:
    assert normalise(raw) == repaired


@pytest.mark.parametrize(
    "text",
    ["Das „Ä“ steht für Ärger.", "Die Freude war groß“, sagte sie.", "ein „Rosé“ am Abend", "SÃO PAULO"],
)
def test_real_letters_before_quotes_are_no_mojibake(text: str) -> None:
    assert normalise(text) == text


def test_mojibake_halves_joined_by_a_deletion_are_repaired_at_once() -> None:
    # "Â" and "¡" of one sequence came together only when the control character between them was
    # deleted, so cleaning twice gave another text than cleaning once (hypothesis found it).
    once = normalise("Â\x08¡")
    assert once == "¡" and normalise(once) == once


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The alarm went off at 4 a.m. A neighbour saw smoke.",
            ["The alarm went off at 4 a.m.", "A neighbour saw smoke."],
        ),
        (
            "The last bus left at 11.45 p.m. Nobody was on it.",
            ["The last bus left at 11.45 p.m.", "Nobody was on it."],
        ),
        (
            'The gates closed at 6 P.M. "We had no choice," a steward said.',
            ["The gates closed at 6 P.M.", '"We had no choice," a steward said.'],
        ),
        ("The vote closes at 10 p.m. Thursday, officials said.", None),
        ("The flight lands at 7 a.m. GMT on Sunday.", None),
        ("The match starts at 8 p.m. Eastern time.", None),
        ("Shortly after 2 a.m. Tom Verity heard the crash.", None),
        ("At 9 a.m. the doors opened.", None),
        ("It happened at 5 a.m.", None),
    ],
)
def test_a_sentence_ends_after_a_clock_time_when_a_new_one_begins(
    text: str, expected: list[str] | None
) -> None:
    art = article(text, language="en")
    sentences = split_sentences(art)
    assert_offsets_hold(art, sentences)
    assert texts(art, sentences) == (expected or [text])


def test_german_clock_times_are_split_as_before() -> None:
    art = article(
        "Der Zug fuhr um 6 Uhr ab. Ein Fahrgast rief die Polizei. Um 7.30 Uhr kam sie.", language="de"
    )
    assert texts(art, split_sentences(art)) == [
        "Der Zug fuhr um 6 Uhr ab.",
        "Ein Fahrgast rief die Polizei.",
        "Um 7.30 Uhr kam sie.",
    ]
