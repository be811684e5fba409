"""Shop, subscription and affiliate lines and photo credit labels at the readers, as a piece of their
own and as a sentence inside running text (captures that lost their line breaks). Our own invented
wording (eighteenth session)."""

from __future__ import annotations

import pytest

from blickwinkel.ingest._boilerplate import boilerplate_kind, reader_inserts


@pytest.mark.parametrize(
    "line",
    [
        "Jetzt abonnieren und weiterlesen!",
        "Jetzt sichern!",
        "Jetzt kaufen – nur solange der Vorrat reicht.",
        "Abonniert gratis die Zeitschrift Talblick!",
        "Abonnieren Sie unseren Kanal auf dem Messenger, damit Sie nichts verpassen.",
        "Dieser Artikel enthält Affiliate-Links.",
        "*Affiliate-Link: Bei einem Kauf erhalten wir eine Provision.",
        "Wenn Sie über diese Links einkaufen, erhalten wir eine kleine Provision.",
        "We may earn a commission when you buy through links on our site.",
        "As an Amazon Associate we earn from qualifying purchases.",
    ],
)
def test_a_shop_or_affiliate_line_is_boilerplate(line: str) -> None:
    assert boilerplate_kind(line) == "boilerplate"
    text = f"Die Fähre fährt ab Montag seltener. {line} Die Reederei nannte Personalmangel als Grund."
    assert [text[a:b] for a, b in reader_inserts(text)] == [line]


@pytest.mark.parametrize(
    "line",
    [
        "Photograph: Jane Placeholder/Harbour Post",
        "Photograph: Jane Placeholder",
        "Fotografie: Anna Beispiel",
    ],
)
def test_a_photograph_label_is_a_credit(line: str) -> None:
    assert boilerplate_kind(line) == "credit"


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Händler erhalten für jeden verkauften Vertrag eine Provision.",
        "Jetzt kaufen viele Kunden online, sagte der Händler.",
        "Das Magazin bestellte im Mai neue Druckmaschinen.",
        "The agent earns a commission on every ticket sold.",
    ],
)
def test_sentences_about_shops_and_commissions_stay_article_text(sentence: str) -> None:
    assert boilerplate_kind(sentence) is None
    assert reader_inserts(f"Die Fähre fährt ab Montag seltener. {sentence}") == []


@pytest.mark.parametrize("credit", ["Quelle: talblick.example.de", "Foto: Anna Beispiel", "Quelle: Talblick"])
def test_a_credit_line_glued_into_running_text_is_cut_out(credit: str) -> None:
    assert boilerplate_kind(credit) == "credit"
    text = f"Die Fähre fährt ab Montag seltener. Die Reederei nannte Personalmangel als Grund. {credit}"
    assert [text[a:b] for a, b in reader_inserts(text)] == [credit]


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("(Photo: Harbour Wire) The ferry left the port at noon.", "(Photo: Harbour Wire)"),
        ("Die Brücke ist gesperrt. (Foto: Anna Beispiel) Der Umweg ist lang.", "(Foto: Anna Beispiel)"),
        ("Die Brücke ist gesperrt. (Foto: Anna Beispiel)", "(Foto: Anna Beispiel)"),
    ],
)
def test_a_bracketed_photo_credit_between_sentences_is_cut_out(text: str, credit: str) -> None:
    assert [text[a:b] for a, b in reader_inserts(text)] == [credit]


@pytest.mark.parametrize(
    "text",
    [
        "Die Ministerin (CDU) sagte, die Brücke bleibe zu.",
        "Die Zahl stieg (Quelle: Statistikamt Kornau) auf 300.",
        "Die Brücke (Foto: Anna Beispiel) ist gesperrt.",
    ],
)
def test_other_brackets_stay(text: str) -> None:
    assert reader_inserts(text) == []
