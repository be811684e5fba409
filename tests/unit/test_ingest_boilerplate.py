"""Page furniture at the readers: polls, promotions, prompts, bylines and credits, on markup we wrote.

The fixtures imitate how real sites lay these elements out, with invented outlets and wording.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from blickwinkel.ingest import read_text
from blickwinkel.ingest._boilerplate import (
    boilerplate_kind,
    byline_names,
    ends_with_photo_credit,
    is_photo_credit,
    leading_furniture,
    reader_inserts,
)
from blickwinkel.model import NON_CONTENT_BLOCK_KINDS, Article
from blickwinkel.text import split_statements

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


def read_fixture(name: str) -> Article:
    path = FIXTURES / name
    return read_text(path.read_text(encoding="utf-8"), source=str(path))


def texts_of(article: Article, *kinds: str) -> list[str]:
    return [article.block_text(b) for b in article.blocks if b.kind in kinds]


def statement_text(article: Article) -> str:
    return " ".join(s.text for s in split_statements(article))


def test_plain_text_poll_prompt_byline_credit_and_promotion() -> None:
    article = read_fixture("umfrage_boilerplate_de.txt")
    assert texts_of(article, "credit") == ["Von Paula Muster", "Bild: Keystone"]
    assert article.author == "Paula Muster"
    furniture = texts_of(article, "boilerplate")
    assert furniture[0] == "Begrüsst du die neue Buslinie? Ja Nein Ich will nur die Antworten sehen"
    assert "Lesen Sie auch:" in furniture
    assert "Bahnhof Unterau bekommt neue Unterführung" in furniture
    assert any(t.startswith("Haben Sie Erfahrungen") for t in furniture)
    assert any(t.startswith("Jetzt die Talpost-App") for t in furniture)
    # the article itself is untouched, and the lead is found past the byline
    assert article.lead is not None and article.lead.startswith("Ab dem Fahrplanwechsel")
    assert texts_of(article, "paragraph") == [
        "Der Gemeinderat hatte die Linie im Sommer bewilligt. Die Kosten teilen sich Gemeinde und Kanton.",
        "Die Verkehrsbetriebe suchen für die Linie noch zwei Fahrerinnen oder Fahrer.",
    ]
    said = statement_text(article)
    for word in (
        "Begrüsst",
        "Antworten sehen",
        "Unterführung",
        "Schreiben Sie uns",
        "App",
        "Keystone",
        "Paula",
    ):
        assert word not in said


def test_markdown_capture_prompts_reader_call_related_links_and_promotions() -> None:
    article = read_fixture("harbour_boilerplate_en.md")
    assert article.outlet == "The Shoreline Courier"
    assert article.author == "Morgan Example and Riley Sample"
    assert texts_of(article, "credit") == [
        "By Morgan Example and Riley Sample, Port Averly",
        "Photo: Shoreline Courier/Alex Placeholder",
    ]
    assert texts_of(article, "boilerplate") == [
        "Continue reading the main story",
        "Have you been affected by the timetable cuts? Tell us about your experience.",
        "Related",
        "Harbour authority approves new pier",
        "Bridge tolls to rise in spring",
        "Get our free app for breaking news alerts. Download it now.",
        "Sign up for the Morning Tide newsletter.",
    ]
    assert [b.kind for b in article.blocks if b.kind not in NON_CONTENT_BLOCK_KINDS] == [
        "headline",
        "lead",
        "paragraph",
        "paragraph",
    ]
    said = statement_text(article)
    assert "Tell us" not in said and "newsletter" not in said and "pier" not in said


def test_html_poll_prompt_promotion_and_credit() -> None:
    article = read_fixture("talbote_boilerplate_de.html")
    furniture = texts_of(article, "boilerplate")
    assert "Begrüsst du die Sanierung der Seebrücke?" in furniture
    assert {"Ja", "Nein", "Ich will nur die Antworten sehen"} <= set(furniture)
    assert "Lesen Sie auch: Neuer Radweg am Seeufer eröffnet" in furniture
    assert any(t.startswith("Abonnieren Sie unseren Newsletter") for t in furniture)
    assert "Foto: Keystone" in texts_of(article, "credit")
    said = statement_text(article)
    assert "Fischereiverein" in said and "Spaziergänger" in said
    for word in ("Begrüsst", "Antworten sehen", "Radweg", "Newsletter", "Keystone"):
        assert word not in said


def test_json_record_with_bracketed_reader_inserts() -> None:
    text = (
        "Der Kreistag hat am Dienstag den Neubau der Kreisklinik beschlossen. "
        "[Lesen Sie auch: Wie andere Kreise ihre Kliniken finanzieren] "
        "Der Landrat sagte, er [der Landrat] habe mit breiter Zustimmung gerechnet. "
        "[Wenn Sie alle Nachrichten aus dem Kreis direkt aufs Handy wollen, laden Sie hier unsere App.]"
        "Die Bauzeit wird auf vier Jahre geschätzt."
    )
    record = {"title": "Kreisklinik wird neu gebaut", "text": text, "outlet": "Kreisanzeiger"}
    article = read_text(json.dumps(record, ensure_ascii=False), source="k.json", fmt="json")
    assert texts_of(article, "boilerplate") == [
        "[Lesen Sie auch: Wie andere Kreise ihre Kliniken finanzieren]",
        "[Wenn Sie alle Nachrichten aus dem Kreis direkt aufs Handy wollen, laden Sie hier unsere App.]",
    ]
    said = statement_text(article)
    assert "[der Landrat]" in said  # an editor's note inside a sentence is not an insert for the reader
    assert "Bauzeit" in said and "Kreisklinik" in said
    assert "Lesen Sie" not in said and "App" not in said


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Von Anna Beispiel", "credit"),
        ("Von Anna Beispiel und Tom Muster, Lindau", "credit"),
        ("By Jane Placeholder, Harbour Times", "credit"),
        ("Foto: Keystone", "credit"),
        ("Bild: Keystone/Karl Muster", "credit"),
        ("Photo: Reuters/Jane Placeholder", "credit"),
        ("(dpa)", "credit"),
        ("© 2026 Talbote", "credit"),
        ("Mehr zum Thema", "boilerplate"),
        ("Lesen Sie auch: Die neue Brücke ist eröffnet", "boilerplate"),
        ("Continue reading the main story", "boilerplate"),
        ("Have you been affected by the storm? Tell us at news@example.org", "boilerplate"),
        ("Haben Sie den Sturm erlebt? Schreiben Sie uns.", "boilerplate"),
        ("Jetzt den Newsletter abonnieren", "boilerplate"),
        ("Sign up for our morning newsletter", "boilerplate"),
        ("Begrüsst du den Entscheid? Ja Nein Ich will nur die Antworten sehen", "boilerplate"),
        ("Do you back the plan? Yes No I just want to see the results", "boilerplate"),
        ("Teilen", "boilerplate"),
        ("Advertisement", "boilerplate"),
        # a row of share buttons left as text (was a statement, read from a page we wrote)
        ("Share this article: Facebook Twitter Email", "boilerplate"),
        ("Share on WhatsApp", "boilerplate"),
        ("Artikel teilen per WhatsApp E-Mail", "boilerplate"),
        # a source link line at the end of a report ("Mehr Informationen auf <Site>") was a fact
        ("Mehr Informationen auf Stadtnetz Online", "boilerplate"),
        ("Weitere Informationen gibt es unter www.lindau.example", "boilerplate"),
        ("Informationen zur Umleitung hat die Stadt im Amtsblatt veröffentlicht.", None),
        # French and Spanish pages (the poll question was a fact "only in" that outlet)
        ("Faut-il rouvrir le pont ? Oui Non Voir les résultats", "boilerplate"),
        ("¿Apoya usted el nuevo puente? Sí No Ver resultados", "boilerplate"),
        ("Lire aussi : Le pont rouvre lundi", "boilerplate"),
        ("Lea también: El puente reabre el lunes", "boilerplate"),
        ("Publicité", "boilerplate"),
        # a live page's note on itself (a live blog kept it as a subheading)
        ("Seite wird automatisch aktualisiert", "boilerplate"),
        ("Der Liveblog wird laufend aktualisiert.", "boilerplate"),
        ("This page updates automatically", "boilerplate"),
        ("Die Seite der Stadt wird seit Montag nicht mehr aktualisiert.", None),
        # the same prompt in the other languages compare reads (a Polish pair kept "Zobacz także: …")
        ("Leggi anche: Il ponte riapre lunedì", "boilerplate"),
        ("Leia também: A ponte reabre na segunda-feira", "boilerplate"),
        ("Lees ook: De brug gaat maandag weer open", "boilerplate"),
        ("Zobacz także: Most zostanie otwarty w poniedziałek", "boilerplate"),
        ("Czytaj też: Most zostanie otwarty w poniedziałek", "boilerplate"),
        ("İlgili Haber: Köprü pazartesi açılıyor", "boilerplate"),
        ("Leggi il rapporto completo del comune, ha detto il sindaco.", None),
        ("Zobacz, jak wygląda nowy most, powiedział burmistrz.", None),
        ("Va-t-il rester ? Non.", None),
        ("Lire un rapport de 300 pages n'a pas suffi aux élus.", None),
        # article text that only looks similar
        ("Share this article with anyone who still doubts the figures.", None),
        ("Teilen Sie uns mit, was Sie gesehen haben.", None),
        ("Shares in the ferry operator fell 4% on Monday", None),
        ("Von Montag an gilt auf der Strecke ein neuer Fahrplan.", None),
        ("Bild: Ein Hafen am Abend", None),
        ("Photo: The closed pier at Eastwick harbour seen from the water", None),
        ("Die Stadtwerke wollen ihren Kunden künftig per App Bescheid geben.", None),
        ("Jetzt soll eine App den Bürgern helfen, Termine zu buchen.", None),
        ("Zum Thema Migration sagte der Minister nichts.", None),
        ("Der Verlag verschickt seinen Newsletter an 20.000 Leser.", None),
        ("Will er bleiben? Nein.", None),
        # a live entry's time line, kept as a credit before its entry (not a subheading, no statement)
        ("10:15 Uhr", "credit"),
        ("09.41 BST", "credit"),
        ("9:41am", "credit"),
        ("Heute, 11:02 Uhr", "credit"),
        ("Um 10:15 Uhr schloss die Fähre.", None),
        ("3.5 million", None),
        ("By the end of the week the bridge was open again.", None),
    ],
)
def test_boilerplate_kind(text: str, kind: str | None) -> None:
    assert boilerplate_kind(text) == kind


def test_photo_credit_and_byline_names() -> None:
    assert is_photo_credit("Foto: Anna Beispiel")
    assert not is_photo_credit("Foto: Die Brücke am frühen Morgen")
    assert byline_names("Von Anna Beispiel, Lindau") == "Anna Beispiel"
    assert byline_names("Von Montag an") is None


def test_reader_inserts_leave_editorial_brackets() -> None:
    text = "Er [der Minister] sagte das. [Lesen Sie hier unseren Kommentar.] Ende."
    spans = reader_inserts(text)
    assert [text[a:b] for a, b in spans] == ["[Lesen Sie hier unseren Kommentar.]"]


def test_a_hard_wrapped_line_is_not_a_byline() -> None:
    text = "Titel\n\nDas Buch stammt\nVon Anna Beispiel, die es 2020 schrieb.\n\nZweiter Absatz."
    article = read_text(text, source="w.txt", fmt="text")
    assert not texts_of(article, "credit")


def test_glued_prompt_follow_line_and_caption_with_credit() -> None:
    text = (
        "The harbour board approved the new pier on Monday after a two-year dispute.\n\n"
        "Continue reading the main story The pier will be built by a local firm, the board said.\n\n"
        "Workers inspect the old pier at Port Averly. Alex Placeholder/AFP/Getty Images\n\n"
        "Follow Sam Example on Twitter @samexample. Originally published on Harbour Weekly."
    )
    article = read_text(json.dumps({"title": "Pier approved", "text": text}), source="p.json", fmt="json")
    assert texts_of(article, "boilerplate") == [
        "Continue reading the main story",
        "Follow Sam Example on Twitter @samexample. Originally published on Harbour Weekly.",
    ]
    assert texts_of(article, "caption") == [
        "Workers inspect the old pier at Port Averly. Alex Placeholder/AFP/Getty Images"
    ]
    assert "The pier will be built by a local firm, the board said." in texts_of(article, "paragraph")
    said = statement_text(article)
    assert "Continue reading" not in said and "Twitter" not in said


def test_a_prompt_sentence_inside_running_text_is_cut_out() -> None:
    text = (
        "Die Fähre fährt ab Montag seltener. Lesen Sie hier unseren Bericht über die Werft. "
        "Die Reederei nannte Personalmangel als Grund. Folgen Sie uns auf Instagram."
    )
    spans = reader_inserts(text)
    assert [text[a:b] for a, b in spans] == [
        "Lesen Sie hier unseren Bericht über die Werft.",
        "Folgen Sie uns auf Instagram.",
    ]
    # a sentence that only mentions reading or an app stays
    plain = "Die Stadt will die App im Frühjahr einführen. Lesen und Schreiben lernen die Kinder später."
    assert reader_inserts(plain) == []


def test_markdown_poll_with_bold_question_and_list_options() -> None:
    text = (
        "# Neue Fähre für den Untersee\n\n"
        "Die Schifffahrtsgesellschaft hat am Montag eine neue Fähre in Dienst gestellt. "
        "Sie bietet Platz für 300 Fahrgäste.\n\n"
        "**Fährst du mit der neuen Fähre?**\n\n"
        "- Ja, regelmäßig\n- Nein\n- Ich will nur das Resultat sehen\n\n"
        "Die alte Fähre geht an einen Verein, der sie als Museumsschiff erhalten will.\n"
    )
    article = read_text(text, source="f.md", fmt="markdown")
    assert texts_of(article, "boilerplate") == [
        "Fährst du mit der neuen Fähre?",
        "Ja, regelmäßig",
        "Nein",
        "Ich will nur das Resultat sehen",
    ]
    assert "Museumsschiff" in statement_text(article)


def test_french_html_poll_and_reading_prompt() -> None:
    # A French page's poll question and "Lire aussi" became statements: the options and the results
    # link were only known in German and English.
    page = (
        "<html lang='fr'><head><title>Le pont de Valmont rouvre</title></head><body><article>"
        "<h1>Le pont de Valmont rouvre lundi</h1>"
        "<p>Le pont de Valmont, fermé depuis mars pour travaux, rouvrira lundi à la circulation.</p>"
        "<p>Les travaux ont coûté 2,4 millions d'euros, a indiqué la mairie dans un communiqué.</p>"
        "<div class='poll'><p>Sondage : Faut-il limiter la vitesse sur le pont ?</p><p>Oui</p><p>Non</p>"
        "<p>Voir les résultats</p></div>"
        "<p>Lire aussi : Trois ponts du département sous surveillance</p>"
        "<p>Les bus de la ligne 4 reprendront leur ancien itinéraire dès mardi matin.</p>"
        "</article></body></html>"
    )
    article = read_text(page, source="valmont.html", fmt="html")
    furniture = texts_of(article, "boilerplate")
    assert "Sondage : Faut-il limiter la vitesse sur le pont ?" in furniture
    assert "Lire aussi : Trois ponts du département sous surveillance" in furniture
    said = statement_text(article)
    assert "Sondage" not in said and "Lire aussi" not in said
    assert "communiqué" in said and "ligne 4" in said


def test_english_reader_call_and_a_byline_with_outlet_and_place() -> None:
    # The byline "By Tom Ashby / Coastline News, Eastwick" gave the author "Tom Ashby Coastline News;
    # Eastwick", and the call's second line ("Please include a contact number …") was a statement.
    page = (
        "<html lang='en'><head><title>Pier closed - Coastline News</title>"
        "<meta property='og:site_name' content='Coastline News'></head><body><article>"
        "<h1>Eastwick pier closed after storm damage</h1>"
        "<div class='byline'>By Tom Ashby<br>Coastline News, Eastwick</div>"
        "<p>Eastwick's pier has been closed after a storm tore away part of its deck overnight.</p>"
        "<p>The council said engineers would inspect the structure on Wednesday morning.</p>"
        "<p>Have you been affected by the storm? Share your experiences by emailing us.</p>"
        "<p>Please include a contact number if you are willing to speak to a journalist.</p>"
        "</article></body></html>"
    )
    article = read_text(page, source="pier.html", fmt="html")
    assert article.author == "Tom Ashby"
    said = statement_text(article)
    assert "contact number" not in said and "engineers" in said


@pytest.mark.parametrize(
    "note",
    [
        "Dieser Artikel wurde am 11.03.2031 um 14:32 Uhr aktualisiert.",
        "Zuletzt aktualisiert: 11.03.2031, 14:32 Uhr",
        "This article was last updated on March 11, 2031.",
        # a correction note, also with a bullet and with more than the article amended (sixteenth session)
        "• This article and its headline were amended on 4 May 2031 to correct the mayor's title.",
        "This story has been corrected to show that the bridge opened in 1931.",
        "An earlier version of this article gave the wrong date for the vote.",
        "Hinweis: Dieser Text wurde mit Unterstützung von KI erstellt.",
        "This article was written with the help of AI.",
        "Hören Sie diesen Artikel: 3 Minuten",
        "Listen to this article · 4 min",
        "Kommentare (12)",
        "12 comments",
    ],
)
def test_a_note_about_the_page_itself_is_boilerplate(note: str) -> None:
    # "Dieser Artikel wurde am … aktualisiert." was a statement dated 11 March; "Hören Sie diesen
    # Artikel" and "Kommentare (12)" were subheadings.
    assert boilerplate_kind(note) == "boilerplate"


@pytest.mark.parametrize(
    "sentence",
    [
        "Der Text wurde am Montag im Rat beschlossen und danach aktualisiert.",
        "Der Artikel wurde von der Stadt scharf kritisiert.",
        "Die Kommentare der Anwohner waren deutlich.",
        "The article was amended by the council to allow longer opening hours.",
    ],
)
def test_a_sentence_about_another_text_or_comments_stays_article_text(sentence: str) -> None:
    assert boilerplate_kind(sentence) is None


def test_wire_photo_credits_and_the_long_captions_they_close() -> None:
    # A slideshow read with the article: captions of 70 words and more, each closed by "(AP Photo/…)",
    # and credits alone, were statements ("(AP Photo/File)" a fact only one outlet reported).
    filler = " ".join(["The pier had stood for ninety years before the storm of that winter."] * 5)
    captions = [
        f"FILE - In this March 3, 2010 file photo, workers inspect the old pier at Port Averly. {filler} "
        "(AP Photo/Alex Placeholder, File)",
        f"In this Feb. 2, 2012 photo, a ferry leaves Port Averly. {filler} (AP Photo/Alex Placeholder)",
        f"PORT AVERLY, NORLAND - MAY 17: A crane lifts the last beam of the pier. {filler} "
        "(Photo by Alex Placeholder/Getty Images)",
        f"A view of the new pier at Port Averly, Monday, Nov. 19, 2012. {filler} (AP Photo/Alex Placeholder)",
    ]
    text = "\n\n".join(
        [
            "The harbour board approved the new pier on Monday.",
            *captions,
            "(AP Photo/File)",
            "Work starts in May.",
        ]
    )
    article = read_text(json.dumps({"title": "Pier approved", "text": text}), source="p.json", fmt="json")
    assert texts_of(article, "caption") == captions
    assert texts_of(article, "credit") == ["(AP Photo/File)"]
    paragraphs = " ".join(texts_of(article, "paragraph", "lead"))
    assert "Photo" not in paragraphs and "Work starts in May." in paragraphs
    # a long paragraph of the article that only mentions a photo stays article text
    long = f"The board showed a photo of the pier. {filler}"
    article = read_text(json.dumps({"title": "Pier", "text": long}), source="q.json", fmt="json")
    assert not texts_of(article, "caption")


@pytest.mark.parametrize(
    "credit", ["(AP Photo/Alex Placeholder)", "(Reuters Photo)", "(AFP Photo / Jo Doe, File)"]
)
def test_a_wire_photo_credit_alone_is_a_credit(credit: str) -> None:
    assert boilerplate_kind(credit) == "credit"
    assert boilerplate_kind("(AP) The pier opened.") is None


@pytest.mark.parametrize(
    "text",
    [
        "The loan now costs five percent/pa",
        "Die Leute im Ort nannten es das Freibad/pool",
        "the mayor said the new line will run to the old harbour/ap",
    ],
)
def test_sentence_words_before_a_slash_are_no_photo_credit(text: str) -> None:
    # The name and the agency of a credit are capitalised as printed; the case-blind pattern took any
    # two words and "pa"/"pool"/"ap" after a slash for one.
    assert not ends_with_photo_credit(text)


@pytest.mark.parametrize(
    "text",
    [
        "Workers inspect the pier. Alex Placeholder/AFP/Getty Images",
        "Der Steg am Morgen. Anna Beispiel/dpa",
        "A ferry at the quay. Jo Doe / PA Wire",
        "A ferry at the quay. (Photo by Jo Doe/getty images)",
    ],
)
def test_printed_photo_credits_still_end_a_caption(text: str) -> None:
    assert ends_with_photo_credit(text)


def test_a_byline_glued_to_the_first_sentence_by_a_bar_is_a_credit() -> None:
    # A capture without line breaks: "Von ANNA MUSTER | Eine Brücke …" was the first statement.
    text = "Von ANNA MUSTER | Die Kanalbrücke in Lindenfeld ist seit Montag gesperrt. Der Verkehr fließt um."
    article = read_text(json.dumps({"title": "Brücke gesperrt", "text": text}), source="b.json", fmt="json")
    assert texts_of(article, "credit") == ["Von ANNA MUSTER"]
    assert article.author == "ANNA MUSTER"
    assert "ANNA" not in statement_text(article)
    # a bar inside running text is no byline
    plain = "Von Montag an gilt | so die Stadt | eine Umleitung."
    article = read_text(json.dumps({"title": "Umleitung", "text": plain}), source="c.json", fmt="json")
    assert not texts_of(article, "credit")


def test_a_british_advert_label_glued_to_a_sentence_is_cut_off() -> None:
    # A statement began with the page's advert label ("Advert <sentence>").
    text = "The ferry left Eastwick on Friday.\n\nAdvert Now, the ferry heads for Norland."
    article = read_text(json.dumps({"title": "Probe", "text": text}), source="a.json", fmt="json")
    assert texts_of(article, "boilerplate") == ["Advert"]
    assert boilerplate_kind("Advert") == "boilerplate"
    assert "Advert" not in statement_text(article)


@pytest.mark.parametrize(
    "text",
    [
        "Advert campaigns for sweets were banned on Monday.",
        "Werbung für Tabak ist seit Montag verboten.",
        "Anzeige gegen Unbekannt wurde am Abend erstattet.",
    ],
)
def test_a_sentence_that_begins_with_an_advert_word_keeps_it(text: str) -> None:
    # The lookahead for a capitalised next word was case-blind, so these lost their first word.
    assert leading_furniture(text) == 0
    assert leading_furniture("Anzeige Die Brücke bleibt gesperrt.") == len("Anzeige ")


@pytest.mark.parametrize(
    "text",
    [
        "Ne manquez rien de l'actualité du canton grâce à nos alertes sur votre téléphone",
        "Suscríbete al boletín de Diario Ejemplo y recibe las noticias del día.",
    ],
)
def test_french_and_spanish_alert_and_newsletter_promotions(text: str) -> None:
    # A site's alert or newsletter promotion is furniture, not a fact both of its pages share.
    assert boilerplate_kind(text) == "boilerplate"
    assert boilerplate_kind("Le maire a reçu une alerte des pompiers à minuit.") is None


@pytest.mark.parametrize(
    "text",
    [
        "Please enable JavaScript.",
        "Please turn on JavaScript. The player requires JavaScript to play.",
        "This video requires JavaScript to play.",
        "Available to UK viewers only.",
        "This clip is only available to UK viewers.",
        "This video is not available in your country.",
        "Bitte aktivieren Sie JavaScript.",
        "Dieses Video ist in Ihrem Land nicht verfügbar.",
    ],
)
def test_what_an_embedded_player_prints_instead_of_playing_is_boilerplate(text: str) -> None:
    assert boilerplate_kind(text) == "boilerplate"


def test_a_newsroom_contact_footer_is_cut_out_sentence_by_sentence() -> None:
    # Invented outlet, addresses and numbers; laid out as a news site's footer paragraph is.
    footer = (
        "• To contact the Harbourside Herald city desk email desk@harbourside.example or phone "
        "0100 555 0101. For all other enquiries please call our main switchboard on 0100 555 0100. "
        "If you are writing to us for publication, please say so clearly."
    )
    text = "\n\n".join(
        [
            "Bridge repairs will close the east lane for three weeks, the council said.",
            footer,
            "• To get the latest city news on your phone, follow the Herald on Twitter and Facebook.",
        ]
    )
    article = read_text(text, source="footer.txt")
    statements = statement_text(article)
    assert "Bridge repairs will close the east lane" in statements
    for furniture in ("To contact", "switchboard", "for publication", "follow the Herald"):
        assert furniture not in statements


@pytest.mark.parametrize(
    "sentence",
    [
        "The council wants to contact the owners of the flooded cellars this week.",
        "Residents who need help can call the hotline on 0100 555 0199, the mayor said.",
        "The broadcaster said the match is available to viewers in three countries.",
        "The app requires JavaScript developers to rewrite the booking system, the firm said.",
    ],
)
def test_sentences_about_contacts_and_availability_stay_article_text(sentence: str) -> None:
    assert boilerplate_kind(sentence) is None
    assert reader_inserts(f"The lane closes on Monday. {sentence}") == []


def test_a_follow_line_with_a_topic_lead_in_is_furniture() -> None:
    # A reporter's "for more news on …, follow … on Twitter" line, as its own paragraph and glued to
    # the end of running text: neither is a statement (a new user saw one shared by two outlets).
    text = (
        "The ferry line cut its winter timetable to four crossings a day, the operator said.\n\n"
        "For more news on the ferry strike, follow @quayreporter and @tidewriter on Twitter.\n\n"
        "The cuts start in November. For the latest on the strike, follow our reporter on X."
    )
    article = read_text(json.dumps({"title": "Ferries cut", "text": text}), source="f.json", fmt="json")
    said = statement_text(article)
    assert "@quayreporter" not in said and "follow our reporter" not in said
    assert "four crossings a day" in said and "The cuts start in November." in said


def test_a_sentence_about_following_stays() -> None:
    text = "For more than a decade, fans have followed the club on Twitter. The club has 40,000 followers."
    article = read_text(json.dumps({"title": "Club", "text": text}), source="c.json", fmt="json")
    assert "fans have followed the club" in statement_text(article)


def test_a_live_blog_greeting_and_sign_off_are_furniture() -> None:
    # A live blog's "Good morning and welcome to our live coverage of …" was a statement.
    text = (
        "Good morning and welcome to our live coverage of the storm on the Brannock coast.\n\n"
        "All ferries to the islands are cancelled until at least 2pm, the operator said.\n\n"
        "That's all from us for today."
    )
    article = read_text(json.dumps({"title": "Storm live", "text": text}), source="l.json", fmt="json")
    said = statement_text(article)
    assert "welcome" not in said and "That's all" not in said and "ferries" in said
    german = "Guten Morgen und willkommen zu unserem Liveblog zur Wahl.\n\nDie Wahllokale sind offen."
    record = json.dumps({"title": "Wahl live", "text": german})
    assert "willkommen" not in statement_text(read_text(record, source="w.json", fmt="json"))
    # A report that goes on past the words is kept.
    kept = "Welcome to the live coverage, the minister told reporters as the count began in Brackwell."
    assert boilerplate_kind(kept) is None


@pytest.mark.parametrize(
    "line",
    [
        "Mit Material von dpa",
        "Mit Material der Nachrichtenagenturen dpa und AFP.",
        "Mit Agenturmaterial",
        "Con información de EFE y Reuters.",
        "Con información de agencias",
        "Avec l'AFP",
        "(Reporting by Jane Doe; Editing by Tom Roe)",
        "Additional reporting by Jane Doe in Lagos",
        "Contributing: Jane Doe, Tom Roe",
    ],
)
def test_a_line_naming_the_sources_of_a_report_is_a_credit(line: str) -> None:
    assert boilerplate_kind(line) == "credit"


@pytest.mark.parametrize(
    "line",
    [
        "Con información de la policía, el alcalde dijo que dos personas murieron.",
        "Mit Material von gestern arbeitet die Polizei weiter.",
        "Avec l'aide de la ville, le pont rouvre.",
        "Editing by hand is slow.",
    ],
)
def test_a_sentence_that_opens_like_a_source_line_is_article_text(line: str) -> None:
    assert boilerplate_kind(line) is None


# Caption pointers (thirteenth session; found by the new user): a note of where someone is in the
# picture, a credit in brackets, and a piece that opens by pointing to the picture it describes are no
# facts of the article. Invented text.
CAPTIONED = "\n\n".join(
    [
        "Neue Brücke in Kellbach eröffnet",
        "Bürgermeisterin Anna Berg eröffnete am Montag die neue Brücke über die Kell.",
        "(Foto: Stadt Kellbach)",
        "(links im Bild)",
        "Im Bild: Bürgermeisterin Anna Berg und Bauleiter Tom Reyes bei der Eröffnung am Montag.",
        "Unser Bild zeigt die neue Brücke am Abend der Eröffnung.",
        "Die Brücke ist für Fußgänger und Radfahrer freigegeben, Autos dürfen sie nicht befahren.",
        "Pictured left: Mayor Anna Berg at the opening of the new bridge on Monday.",
        "(pictured left)",
        "(Photo: Jane Doe/Reuters)",
        "Im Bildband der Stadt ist die alte Brücke noch zu sehen.",
    ]
)


def test_caption_pointers_are_no_facts() -> None:
    article = read_text(CAPTIONED, source="bruecke.txt", fmt="text")
    assert texts_of(article, "credit") == [
        "(Foto: Stadt Kellbach)",
        "(links im Bild)",
        "(pictured left)",
        "(Photo: Jane Doe/Reuters)",
    ]
    assert texts_of(article, "caption") == [
        "Im Bild: Bürgermeisterin Anna Berg und Bauleiter Tom Reyes bei der Eröffnung am Montag.",
        "Unser Bild zeigt die neue Brücke am Abend der Eröffnung.",
        "Pictured left: Mayor Anna Berg at the opening of the new bridge on Monday.",
    ]
    # the article's own sentences stay paragraphs, also one that opens with a word like "Bild"
    assert (
        texts_of(article, "paragraph", "lead")[-1]
        == "Im Bildband der Stadt ist die alte Brücke noch zu sehen."
    )
    assert len(texts_of(article, "paragraph", "lead")) == 3


@pytest.mark.parametrize(
    "text",
    ["Links im Bild ist der alte Steg zu sehen.", "The mayor, pictured left, opened the bridge.", "(links)"],
)
def test_a_sentence_that_mentions_the_picture_stays_article_text(text: str) -> None:
    assert boilerplate_kind(text) is None


LIVE_PAGE = """<!doctype html><html lang="en"><head><title>Gale at Osterlin: live</title></head><body>
<main><article><h1>Gale at Osterlin: live</h1>
<p class="standfirst">A gale has shut the small harbour of Osterlin for the whole of the day.</p>
<div class="live-blog">
<div class="block"><p class="block-time"><time datetime="2031-05-02T09:41:00Z">09.41 BST</time></p>
<div class="block-elements"><p>The ferry line cancelled every crossing from Osterlin until the evening.</p>
<p>Travellers were asked to look at the line's page before they set out.</p></div></div>
<div class="block"><time datetime="2031-05-02T08:15:00Z">08:15</time>
<h2>Road shut</h2><p>A fallen oak blocked the coast road north of the harbour early on Friday.</p></div>
<div class="block"><p class="entry-time"><strong>07:50</strong></p>
<p>Gusts reached the pier before dawn and the harbour master closed the quay.</p></div>
</div></article></main></body></html>"""


def test_a_live_page_keeps_each_entry_s_time_before_the_entry() -> None:
    # the times of a live page's entries (a <time> each, or a time line) were lost or became subheadings
    article = read_text(LIVE_PAGE, source="live.html", fmt="html")
    blocks = [(b.kind, article.text[b.start : b.end]) for b in article.blocks]
    times = [text for kind, text in blocks if kind == "credit"]
    assert times == ["09.41 BST", "08:15", "07:50"]
    texts = [text for _, text in blocks]
    assert texts.index("09.41 BST") + 1 == texts.index(
        "The ferry line cancelled every crossing from Osterlin until the evening."
    )
    assert texts.index("07:50") + 1 == texts.index(
        "Gusts reached the pier before dawn and the harbour master closed the quay."
    )
    assert not any(kind == "subheading" and text[:1].isdigit() for kind, text in blocks)
    # the times are no statements
    assert all(not s.text[:1].isdigit() for s in split_statements(article))


def test_a_single_time_element_of_an_article_is_not_taken_for_a_live_entry() -> None:
    page = LIVE_PAGE.replace('<time datetime="2031-05-02T08:15:00Z">08:15</time>', "").replace(
        '<p class="entry-time"><strong>07:50</strong></p>', ""
    )
    article = read_text(page, source="one.html", fmt="html")
    assert "09.41" not in article.text
