"""Italian (and later Portuguese and Dutch) coverage: numbers, dates and speakers, each a table of
sentences we invented, like the German and English ones (the two-article comparison:
tests/integration/test_more_languages_pairs.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from blickwinkel.analyse.dates import find_dates
from blickwinkel.analyse.quantities import find_quantities

# A Wednesday.
ANCHOR = dt.date(2031, 3, 5)

# (language, sentence, [(value, upper, unit, approximate), ...])
NUMBERS = [
    ("it", "Quaranta famiglie sono state evacuate nella notte.", [(40, None, "famiglia", False)]),
    ("it", "Secondo i pompieri, 120 persone hanno lasciato le case.", [(120, None, "persona", False)]),
    ("it", "I danni sono stimati in 2,5 milioni di euro.", [(2_500_000, None, "EUR", False)]),
    ("it", "I danni superano i due milioni e mezzo di euro.", [(2_500_000, None, "EUR", False)]),
    (
        "it",
        "Circa 1.500 persone e almeno trentacinque feriti.",
        [(1500, None, "persona", True), (35, None, "ferito", True)],
    ),
    ("it", "Al corteo c'erano 25mila persone.", [(25_000, None, "persona", False)]),
    ("it", "Centinaia di persone in piazza.", [(200, 999, "persona", True)]),
    ("it", "Sono rimasti feriti tra 20 e 30 passeggeri.", [(20, 30, "passeggero", False)]),
    (
        "it",
        "Un centinaio di abitanti e una decina di case.",
        [(100, None, "abitante", True), (10, None, "casa", True)],
    ),
    (
        "it",
        "Ventuno soldati e trentotto civili.",
        [(21, None, "soldato", False), (38, None, "civile", False)],
    ),
    ("it", "Il 3 per cento dei votanti.", [(3, None, "%", False)]),
    (
        "it",
        "La collina si è mossa di oltre tre metri in due ore.",
        [(3, None, "metro", True), (2, None, "ora", False)],
    ),
    # a label, a date and a verb after a number are no counted thing
    ("it", "Il volo 812 è atterrato il 12 marzo.", []),
    ("it", "Una donna e un uomo sono arrivati.", []),
    ("pt", "Quarenta famílias foram retiradas durante a noite.", [(40, None, "família", False)]),
    ("pt", "Segundo os bombeiros, 120 pessoas deixaram as casas.", [(120, None, "pessoa", False)]),
    ("pt", "Os prejuízos são estimados em 2,5 milhões de euros.", [(2_500_000, None, "EUR", False)]),
    ("pt", "Os danos passam de dois milhões e meio de euros.", [(2_500_000, None, "EUR", False)]),
    (
        "pt",
        "Cerca de 1.500 pessoas e pelo menos trinta e cinco feridos.",
        [(1500, None, "pessoa", True), (35, None, "ferido", True)],
    ),
    ("pt", "Centenas de pessoas na praça.", [(200, 999, "pessoa", True)]),
    ("pt", "Ficaram feridos entre 20 e 30 passageiros.", [(20, 30, "passageiro", False)]),
    (
        "pt",
        "Uma centena de moradores e uma dezena de casas.",
        [(100, None, "morador", True), (10, None, "casa", True)],
    ),
    (
        "pt",
        "Vinte e um soldados e duzentos e cinquenta civis.",
        [(21, None, "soldado", False), (250, None, "civil", False)],
    ),
    ("pt", "O desemprego subiu 3 por cento.", [(3, None, "%", False)]),
    # dollars, pounds and reais as words or signs are the currency (they were a noun "dólar")
    ("pt", "O contrato vale R$ 2 milhões.", [(2_000_000, None, "BRL", False)]),
    (
        "pt",
        "A empresa pagou 40 milhões de reais e 3 milhões de dólares.",
        [(40e6, None, "BRL", False), (3e6, None, "USD", False)],
    ),
    (
        "it",
        "La nave è costata 3 milioni di dollari e 2 milioni di sterline.",
        [(3e6, None, "USD", False), (2e6, None, "GBP", False)],
    ),
    ("es", "El barco costó 3 millones de dólares.", [(3e6, None, "USD", False)]),
    ("pt", "O voo 812 aterrou a 12 de março.", []),
    ("pt", "Uma mulher e um homem chegaram.", []),
    ("nl", "Veertig gezinnen werden in de nacht geëvacueerd.", [(40, None, "gezin", False)]),
    ("nl", "Volgens de brandweer hebben 120 mensen hun huis verlaten.", [(120, None, "mens", False)]),
    ("nl", "De schade wordt geschat op 2,5 miljoen euro.", [(2_500_000, None, "EUR", False)]),
    ("nl", "De schade bedraagt tweeënhalf miljoen euro.", [(2_500_000, None, "EUR", False)]),
    ("nl", "Het kost anderhalf miljoen euro.", [(1_500_000, None, "EUR", False)]),
    (
        "nl",
        "Ongeveer 1.500 mensen en minstens vijfendertig gewonden.",
        [(1500, None, "mens", True), (35, None, "gewond", True)],
    ),
    ("nl", "Honderden mensen op straat.", [(200, 999, "mens", True)]),
    ("nl", "Er raakten tussen 20 en 30 passagiers gewond.", [(20, 30, "passagier", False)]),
    (
        "nl",
        "Een honderdtal bewoners en een tiental huizen.",
        [(100, None, "bewoner", True), (10, None, "huis", True)],
    ),
    (
        "nl",
        "Eenentwintig soldaten en tien zwaargewonde burgers.",
        [(21, None, "soldaat", False), (10, None, "burger", False)],
    ),
    ("nl", "Het aantal steeg met 3 procent.", [(3, None, "%", False)]),
    # a flight number, a date, a clock time and a verb after a number are no counted thing
    ("nl", "Vlucht 812 landde op 12 maart.", []),
    ("nl", "De vergadering begint om 3 uur.", []),
    ("nl", "Een vrouw en een man kwamen aan.", []),
]


@pytest.mark.parametrize(("language", "sentence", "expected"), NUMBERS)
def test_numbers(language: str, sentence: str, expected: list[tuple[float, float | None, str, bool]]) -> None:
    found = [(q.value, q.upper, q.unit, q.approximate) for q in find_quantities(sentence, language)]
    assert found == expected


# (language, sentence, [(phrase, value), ...]) against ANCHOR
DATES = [
    ("it", "Le famiglie sono state evacuate martedì sera.", [("martedì", "2031-03-04")]),
    ("it", "La strada resterà chiusa fino al 12 marzo 2031.", [("12 marzo 2031", "2031-03-12")]),
    ("it", "La provinciale rimarrà chiusa fino al 12 marzo.", [("12 marzo", "2031-03-12")]),
    ("it", "Ieri il consiglio ha votato.", [("Ieri", "2031-03-04")]),
    ("it", "Il consiglio si riunirà domani.", [("domani", "2031-03-06")]),
    ("it", "Il consiglio voterà venerdì.", [("venerdì", "2031-03-07")]),
    ("it", "Lo scorso lunedì è crollato il muro.", [("Lo scorso lunedì", "2031-03-03")]),
    ("it", "Il mercato riapre il prossimo lunedì.", [("il prossimo lunedì", "2031-03-10")]),
    (
        "it",
        "Dal 1º maggio 2030 al 25/12/2030.",
        [("1º maggio 2030", "2030-05-01"), ("25/12/2030", "2030-12-25")],
    ),
    ("it", "A febbraio 2031 la prima crepa.", [("A febbraio 2031", "2031-02")]),
    ("pt", "As famílias foram retiradas na noite de terça-feira.", [("terça-feira", "2031-03-04")]),
    ("pt", "A estrada fica fechada até 12 de março de 2031.", [("12 de março de 2031", "2031-03-12")]),
    ("pt", "Ontem o conselho votou.", [("Ontem", "2031-03-04")]),
    ("pt", "O conselho reúne-se amanhã.", [("amanhã", "2031-03-06")]),
    ("pt", "O conselho votará na sexta-feira.", [("na sexta-feira", "2031-03-07")]),
    ("pt", "O conselho votou na sexta-feira.", [("na sexta-feira", "2031-02-28")]),
    ("pt", "Na última segunda-feira caiu o muro.", [("Na última segunda-feira", "2031-03-03")]),
    ("pt", "No sábado passado houve uma reunião.", [("No sábado passado", "2031-03-01")]),
    ("pt", "Em fevereiro de 2031 surgiu a primeira fenda.", [("Em fevereiro de 2031", "2031-02")]),
    # "segunda" alone is an ordinal too: no date
    ("pt", "A ponte fechou pela segunda vez.", []),
    ("nl", "Veertig gezinnen werden dinsdagavond geëvacueerd.", [("dinsdagavond", "2031-03-04")]),
    ("nl", "De weg blijft tot 12 maart 2031 dicht.", [("12 maart 2031", "2031-03-12")]),
    ("nl", "Gisteren stemde de raad.", [("Gisteren", "2031-03-04")]),
    ("nl", "De raad komt morgen weer bijeen.", [("morgen", "2031-03-06")]),
    ("nl", "De raad zal vrijdag stemmen.", [("vrijdag", "2031-03-07")]),
    ("nl", "De raad stemde vrijdag.", [("vrijdag", "2031-02-28")]),
    ("nl", "Afgelopen maandag stortte de muur in.", [("Afgelopen maandag", "2031-03-03")]),
    (
        "nl",
        "Op 1 mei 2030 en op 25-12-2030.",
        [("Op 1 mei 2030", "2030-05-01"), ("25-12-2030", "2030-12-25")],
    ),
    ("nl", "In februari 2031 verscheen de eerste scheur.", [("In februari 2031", "2031-02")]),
    ("nl", "Dat gebeurde vorige week.", [("vorige week", "2031-W09")]),
    # "'s morgens" is in the morning, not tomorrow
    ("nl", "Het begon 's morgens vroeg.", []),
]


@pytest.mark.parametrize(("language", "sentence", "expected"), DATES)
def test_dates(language: str, sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(d.text, d.value) for d in find_dates(sentence, language, anchor=ANCHOR)] == expected


def test_the_note_names_what_a_language_does_not_get() -> None:
    from types import SimpleNamespace

    from blickwinkel.analyse.readers import reads, unread
    from blickwinkel.report.labels import thin_languages_note

    assert unread("de") == unread("en-GB") == unread("fr") == unread("es") == ()
    assert {"dates", "counts or amounts", "speakers"} <= set(reads("it")) & set(reads("pt")) & set(
        reads("nl")
    )
    assert reads("pl") == reads("tr") == reads("ru") == ("counts or amounts",)  # seventeenth session
    assert reads("ar") == ("counts or amounts",)  # eighteenth session
    articles = [SimpleNamespace(article=SimpleNamespace(id=i, language="it", outlet=i)) for i in ("A", "B")]
    note = thin_languages_note(SimpleNamespace(articles=articles))  # type: ignore[arg-type]
    assert note is not None and note.startswith("A, B (it): blickwinkel reads German and English, French, ")
    assert (
        "Italian, Portuguese and Dutch more thinly" in note
        and "no dates" not in note
        and "no opinion" in note
    )


# (language, sentence, speaker as written or None, statement kind)
SPEAKERS = [
    ("it", "«La strada resterà chiusa», ha detto il sindaco, Marta Bellini.", "Marta Bellini", True),
    ("it", "Secondo la polizia, due persone sono rimaste ferite.", "la polizia", True),
    (
        "it",
        "Il sindaco Marta Bellini ha spiegato che la strada resterà chiusa.",
        "Il sindaco Marta Bellini",
        True,
    ),
    # the role's complement stays in the speaker (thirteenth session, with French and Spanish)
    ("it", "Sono state evacuate 150 persone, hanno riferito i vigili del fuoco.", "i vigili del fuoco", True),
    ("it", "Il sindaco, Marta Bellini, ha spiegato che la strada resterà chiusa.", "Marta Bellini", True),
    (
        "it",
        "Il ministro dell'Interno ha detto che la strada resterà chiusa.",
        "Il ministro dell'Interno",
        True,
    ),
    ("it", "«Abbiamo avuto paura», racconta un residente.", "un residente", True),
    ("it", "Come ha confermato la prefettura, il ponte è chiuso.", "la prefettura", True),
    (
        "it",
        "Marta Bellini, sindaca del paese, ha dichiarato che i lavori inizieranno.",
        "Marta Bellini",
        True,
    ),
    # a pronoun is no speaker's name; a sentence with no verb of saying reports nothing said
    ("it", "Lui ha detto che tornerà presto.", None, True),
    ("it", "Il consiglio ha approvato il bilancio.", None, False),
    (
        "pt",
        "«A estrada vai ficar fechada», disse o presidente da câmara, João Ferreira.",
        "João Ferreira",
        True,
    ),
    ("pt", "Segundo a polícia, duas pessoas ficaram feridas.", "a polícia", True),
    (
        "pt",
        "O autarca João Ferreira afirmou que a estrada vai ficar fechada.",
        "O autarca João Ferreira",
        True,
    ),
    ("pt", "Foram retiradas 150 pessoas, informaram os bombeiros.", "os bombeiros", True),
    ("pt", "O presidente da câmara, João Ferreira, disse que a encosta desceu.", "João Ferreira", True),
    ("pt", "O presidente da câmara afirmou que a estrada fica fechada.", "O presidente da câmara", True),
    ("pt", "“Tivemos muito medo”, conta um morador.", "um morador", True),
    ("pt", "Como confirmou a Proteção Civil, a ponte está fechada.", "a Proteção Civil", True),
    ("pt", "De acordo com a Guarda Nacional, não há feridos.", "a Guarda Nacional", True),
    ("pt", "Ele disse que voltará em breve.", None, True),
    ("pt", "O conselho aprovou o orçamento.", None, False),
    ("pt", "Pela segunda vez, a ponte fechou.", None, False),
    ("nl", "„De weg blijft dicht”, zei de burgemeester, Anneke de Vries.", "Anneke de Vries", True),
    ("nl", '„De weg blijft dicht", zei de burgemeester, Anneke de Vries.', "Anneke de Vries", True),
    ("nl", "Volgens de politie raakten twee mensen gewond.", "de politie", True),
    ("nl", "Burgemeester Anneke de Vries zei dat de weg dicht blijft.", "Burgemeester Anneke de Vries", True),
    ("nl", "Er werden 150 mensen geëvacueerd, meldde de brandweer.", "de brandweer", True),
    ("nl", "Er werden 150 mensen geëvacueerd, aldus de brandweer.", "de brandweer", True),
    ("nl", "„We waren erg bang”, vertelt een bewoner.", "een bewoner", True),
    ("nl", "De provincie heeft laten weten dat de weg dicht blijft.", "De provincie", True),
    ("nl", "De burgemeester, Anneke de Vries, zei dat de weg dicht blijft.", "Anneke de Vries", True),
    (
        "nl",
        "De woordvoerder van de politie zei dat niemand gewond raakte.",
        "De woordvoerder van de politie",
        True,
    ),
    ("nl", "Hij zei dat hij snel terugkomt.", None, True),
    ("nl", "De gemeenteraad keurde de begroting goed.", None, False),
]


@pytest.mark.parametrize(("language", "sentence", "speaker", "reported"), SPEAKERS)
def test_speakers(language: str, sentence: str, speaker: str | None, reported: bool) -> None:
    from blickwinkel.analyse.quote_marks import find_quotations
    from blickwinkel.analyse.reported_speech import is_reported
    from blickwinkel.analyse.speakers import find_speaker

    found = find_speaker(sentence, find_quotations(sentence), language)
    assert (found[0] if found else None) == speaker
    assert is_reported(sentence, language) == reported


def test_dutch_quote_marks_close_with_straight_ones() -> None:
    from blickwinkel.analyse.quote_marks import find_quotations

    text = "„De weg blijft dicht\", zei ze, en ‚tijdelijk' ook."
    assert [text[s:e] for s, e in find_quotations(text)] == ["De weg blijft dicht", "tijdelijk"]


@pytest.mark.parametrize(
    ("speaker", "kind"),
    [
        ("la polizia", "organisation"),
        ("i vigili del fuoco", "group"),
        ("il portavoce della questura", "person"),
        ("a polícia", "organisation"),
        ("os bombeiros", "group"),
        ("o presidente da câmara", "person"),
        ("de brandweer", "organisation"),
        ("de bewoners", "group"),
        ("de woordvoerder van de politie", "person"),
        ("il ministro dell'Interno", "person"),
    ],
)
def test_speaker_kinds(speaker: str, kind: str) -> None:
    from blickwinkel.analyse.speaker_kinds import speaker_kind

    assert speaker_kind(speaker) == kind


def test_the_readme_table_says_what_the_readers_read() -> None:
    # README's "Languages" table and analyse/readers.py (which the warning of `compare` reads) say the
    # same for the speakers, dates, counts and opinion columns
    from pathlib import Path

    from blickwinkel.analyse.readers import reads

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Languages\n", 1)[1].split("\n## ", 1)[0]
    rows = [line.split("|")[1:-1] for line in section.splitlines() if line.startswith("| ") and "(" in line]
    checked = set()
    for cells in rows:
        codes = [part.split(")")[0] for part in cells[0].split("(")[1:]]
        numbers, dates, speakers, opinion = (cell.strip() for cell in cells[5:9])
        for code in codes:
            read = set(reads(code))
            assert (numbers == "✓") == ("counts or amounts" in read), code
            assert (dates == "✓") == ("dates" in read), code
            assert (speakers == "✓") == ("speakers" in read), code
            assert (opinion != "—") == ("opinion" in read), code
            checked.add(code)
    assert {"de", "en", "fr", "es", "it", "pt", "nl", "pl"} <= checked


def test_an_article_whose_opinion_is_not_read_says_so() -> None:
    # An Italian article was shown as a "report" with no opinion tag, as if its opinion had been read
    # and none found (fourteenth session; found by the new user). Our own sentences.
    from dataclasses import replace
    from types import SimpleNamespace

    from blickwinkel.analyse.pipeline import analyse_articles
    from blickwinkel.ingest import read_text
    from blickwinkel.report.html import _profile_rows  # the HTML report's rows of one article
    from blickwinkel.report.labels import opinion_not_read
    from blickwinkel.report.texts import TEXTS

    text = (
        "Nuovo ponte a Valbruna\n\nIl consiglio comunale ha approvato lunedì un nuovo ponte. "
        "È una decisione assolutamente vergognosa e ridicola!"
    )
    italian, german = analyse_articles(
        [
            replace(read_text(text, source="a.txt", fmt="text"), language="it"),
            replace(
                read_text("Neue Brücke\n\nDer Rat stimmte am Montag zu.", source="b.txt", fmt="text"),
                language="de",
            ),
        ]
    )
    assert italian.genre is None and italian.subjective_share is None
    assert opinion_not_read(italian) == "opinion not read (it)"
    assert opinion_not_read(italian, "de") == "Meinung nicht gelesen (it)"
    assert opinion_not_read(german) is None and german.genre == "report"
    index = SimpleNamespace(labels={}, language="en", words=TEXTS["en"])
    rows = dict(_profile_rows(italian, None, index))  # type: ignore[arg-type]
    assert rows["Genre"] == rows["Subjective share"] == "opinion not read (it)"
