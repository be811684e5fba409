"""Promotions, reader prompts and questions, press-release furniture and credits at the readers.

Every outlet, name, address and sentence here is invented; the layouts imitate how news sites and
press releases print these elements (issue 11, item 5). Facts that look like furniture stay facts:
a question a person asked, a police appeal with a hotline number.
"""

from __future__ import annotations

import json

import pytest

from blickwinkel.ingest import read_text
from blickwinkel.ingest._boilerplate import boilerplate_kind, is_reader_question, reader_inserts
from blickwinkel.model import Article
from blickwinkel.text import split_statements


def texts_of(article: Article, *kinds: str) -> list[str]:
    return [article.block_text(b) for b in article.blocks if b.kind in kinds]


def statement_text(article: Article) -> str:
    return " ".join(s.text for s in split_statements(article))


@pytest.mark.parametrize(
    "text",
    [
        # promotions: a call to subscribe, sign up, download or join, with or without a topic word
        "Subscribe today for £2 a month.",
        "Sign up for the Tidewater Gazette's morning briefing.",
        "Never miss a story: get our free app.",
        "To receive flood alerts by text, register at warnings.example.",
        "Mehr aus dem Landkreis lesen Sie in unserem Newsletter – jetzt gratis abonnieren.",
        "Alle Ergebnisse des Spieltags gibt es in unserer App.",
        "Die Tabelle finden Sie auch in unserer App.",
        "Werden Sie Mitglied im Förderverein!",
        "Unterstützen Sie unseren Journalismus mit einem Abo.",
        "Support our journalism: subscribe from £2 a month.",
        "Want more stories like this?",
        "Book your tickets for the final now.",
        # reading and listening prompts
        "Read our full coverage of the count in Monday's paper.",
        "Listen to Radio Tidewater for the latest on the storm.",
        "Hören Sie dazu auch unseren Podcast.",
        "Follow our newsroom on social media.",
        "Weitere Pressemitteilungen finden Sie im Archiv.",
        # the page and the app
        "Please refresh the page to see the newest posts.",
        "Click the star icon to save this story.",
        "Tippen Sie auf die Glocke, um keine Meldung zu verpassen.",
        "More information will be published here as it comes in.",
        "Weitere Informationen folgen.",
        "Alle Wahlergebnisse finden Sie unter ergebnisse.oberhain.example.",
        "The full inspection report can be found at schools.example/reports.",
        "Dieser Text ist zuerst in unserem Wochenbrief erschienen.",
        # calls for readers' material
        "Send us your pictures of the flooding.",
        "Email us at tips@tidewater.example",
        "Schicken Sie uns Ihre Fotos vom Unwetter.",
        # press-release furniture
        "Media contact: Tom Reed, 0100 555 0123",
        "Press enquiries: office@harwell-trust.example",
        "Notes to editors: photographs of the new ward are available on request.",
        "Pressekontakt: Stadtverwaltung Oberhain, Telefon 07000 123",
        "Für Rückfragen: Petra Lenz, Pressestelle",
        "Contact: harwell-trust.example",
        "ENDS",
        "-ENDS-",
        "– Ende –",
        "###",
    ],
)
def test_promotions_prompts_and_press_furniture_are_boilerplate(text: str) -> None:
    assert boilerplate_kind(text) == "boilerplate", text


@pytest.mark.parametrize(
    "text",
    [
        "Foto: Seeblick24",
        "Photo: Tidewater Gazette reader",
        "Photo: Tidewater & Coast News",
        "Harwell, 4. März 2026.",
        "Harwell, 4 March 2026",
        "Oberhain, 12.01.2026",
    ],
)
def test_credits_and_datelines_are_credits(text: str) -> None:
    assert boilerplate_kind(text) == "credit", text


@pytest.mark.parametrize(
    "text",
    [
        "The police asked witnesses to call the hotline on 0100 555 0177.",
        "Anyone with information should call the incident line on 0100 555 0188.",
        "Wer etwas beobachtet hat, soll sich unter 07000 5550 bei der Polizei melden.",
        "Send us your dashcam footage through the online portal, the police said.",
        "The company said its app had been downloaded 20,000 times.",
        "Subscribers will get their money back, the publisher said.",
        "Kunden können ihre Zählerstände auch in unserer App melden.",
        "Contact with the crew was lost at 4 a.m., the coastguard said.",
        "The members voted to become a cooperative.",
        "Harwell, a town of 9,000, voted on Sunday.",
        "Bild: Ein Hafen am Abend",
        "Photo: a crowd outside the town hall at dusk",
        "The strike ends on Friday, the union said.",
        "Listening to the radio, she heard the news at noon.",
        "The series is available on Netflix from Friday.",
        "Die Kinder finden Sie auf dem Spielplatz am See.",
        "Die Läden bleiben offen, die Zeiten gibt es auf laeden.example.",
    ],
)
def test_fact_sentences_that_look_like_furniture_stay(text: str) -> None:
    assert boilerplate_kind(text) is None, text
    assert reader_inserts(f"The lane closes on Monday. {text}") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Were you stuck on the bypass this morning?", True),
        ("Haben Sie den Knall auch gehört?", True),
        ("Hast du die Feuerwehr gesehen?", True),
        ('"Did you see the fire?" the officer asked.', False),
        ("„Haben Sie den Mann gesehen?“", False),
        ("Sind sie schon zurück?", False),  # "sie" is not the reader
        ("Who pays for the repairs?", False),
        ("The council asked: can you prove it? Nobody could.", False),
    ],
)
def test_a_question_to_the_reader(text: str, expected: bool) -> None:
    assert is_reader_question(text) is expected


def test_markdown_live_page_prompts_and_a_closing_reader_question() -> None:
    text = "\n\n".join(
        [
            "# Storm closes the coast road",
            "Please reload this page for the newest entries.",
            "09:10 The coast road between Harwell and Penby is closed after a landslip.",
            "08:40 Wind gusts of 110 km/h were measured at the lighthouse overnight.",
            "![A fallen tree](tree.jpg)",
            "Photo: Penby Post reader",
            "Were you caught in the queues this morning? Email us at desk@penbypost.example",
            "Sign up to our weekly weather roundup.",
        ]
    )
    article = read_text(text, source="storm.md", fmt="markdown")
    said = statement_text(article)
    assert "The coast road between Harwell and Penby is closed after a landslip." in said
    assert "Wind gusts of 110 km/h" in said
    for furniture in ("reload", "Penby Post reader", "queues", "desk@", "roundup"):
        assert furniture not in said, furniture
    assert "Photo: Penby Post reader" in texts_of(article, "credit")


def test_html_press_release_dateline_contact_and_end_marker() -> None:
    page = """<html><head><title>New ward opens</title></head><body><article>
<h1>Harwell Trust opens a new children's ward</h1>
<p>Harwell, 4 March 2026 – The Harwell Hospital Trust opened a children's ward with 24 beds on Monday.</p>
<p>The ward cost £6.2 million, paid for by the trust and a local charity.</p>
<p>"Families have waited for this for years," said chief executive Ruth Gale.</p>
<h2>ENDS</h2>
<p>Notes to editors: photographs of the new ward are available on request.</p>
<p>Media enquiries: press@harwell-trust.example</p>
</article></body></html>"""
    article = read_text(page, source="ward.html", fmt="html")
    said = statement_text(article)
    assert "The Harwell Hospital Trust opened a children's ward with 24 beds on Monday." in said
    assert "£6.2 million" in said and "Ruth Gale" in said
    for furniture in ("4 March 2026", "ENDS", "Notes to editors", "press@"):
        assert furniture not in said, furniture
    assert "Harwell, 4 March 2026 –" in texts_of(article, "credit")


def test_plain_text_german_press_release_and_a_police_appeal() -> None:
    text = "\n\n".join(
        [
            "Einbruch in Vereinsheim",
            "Oberhain, 12. Januar 2026. Unbekannte sind in der Nacht zum Sonntag in das Vereinsheim des "
            "TSV Oberhain eingebrochen. Sie erbeuteten rund 800 Euro.",
            "Die Polizei bittet Zeugen, sich unter der Telefonnummer 07000 4455 zu melden.",
            "Haben Sie in der Nacht etwas beobachtet?",
            "Pressekontakt: Polizeipräsidium Oberhain, Pressestelle",
            "– Ende –",
        ]
    )
    article = read_text(text, source="einbruch.txt")
    said = statement_text(article)
    assert "Unbekannte sind in der Nacht zum Sonntag" in said and "800 Euro" in said
    assert "Die Polizei bittet Zeugen, sich unter der Telefonnummer 07000 4455 zu melden." in said
    for furniture in ("12. Januar 2026", "etwas beobachtet", "Pressekontakt", "Ende"):
        assert furniture not in said, furniture


def test_a_reader_question_inside_the_article_stays() -> None:
    # A commentary asks its readers too; only a closing question or one before a call is furniture.
    text = "\n\n".join(
        [
            "The ferry fares rise by a third in April.",
            "Would you pay £40 to cross the bay?",
            "The operator says fuel costs doubled since last year.",
        ]
    )
    article = read_text(text, source="fares.txt")
    assert "Would you pay £40 to cross the bay?" in statement_text(article)


def test_a_quoted_question_at_the_end_stays() -> None:
    text = "\n\n".join(
        [
            "Fire crews found the barn empty.",
            '"Did you see anyone leave?" an officer asked the neighbours.',
            "Sign up for our breaking news alerts.",
        ]
    )
    article = read_text(text, source="barn.txt")
    said = statement_text(article)
    assert "Did you see anyone leave?" in said
    assert "breaking news alerts" not in said


def test_jsonl_record_with_promotions_inside_running_text() -> None:
    body = (
        "Der Gemeinderat hat den Bau einer Kita mit 60 Plätzen beschlossen. Mehr aus Oberhain gibt es in "
        "unserer App – jetzt kostenlos laden! Die Kita soll im Herbst 2027 öffnen.\n\n"
        "Werden Sie Mitglied in unserem Leserclub!"
    )
    record = {"title": "Kita wird gebaut", "text": body, "outlet": "Oberhainer Bote"}
    article = read_text(json.dumps(record, ensure_ascii=False) + "\n", source="kita.jsonl", fmt="jsonl")
    said = statement_text(article)
    assert "Kita mit 60 Plätzen" in said and "im Herbst 2027 öffnen" in said
    assert "App" not in said and "Leserclub" not in said


def test_an_interview_question_before_a_promotion_stays() -> None:
    # The interviewer asks the person interviewed; a promotion after it is no call to the reader.
    text = "\n\n".join(
        [
            "The festival goes on",
            "MAYER: The harbour festival will take place in July, with half the stalls.",
            "Do you think you should have cancelled it altogether?",
            "Get all the news from the harbour on your phone: download our free app.",
            "MAYER: No. The traders need the summer, and the town needs the traders.",
        ]
    )
    article = read_text(text, source="interview.txt")
    said = statement_text(article)
    assert "Do you think you should have cancelled it altogether?" in said
    assert "download our free app" not in said
