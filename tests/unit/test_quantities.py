"""Quantities: numbers with their counted noun and hedge, on invented German and English sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from blickwinkel.analyse.quantities import find_quantities, holds_phone_number, unit_key
from blickwinkel.compare.agreement import LOWER_BOUND, UPPER_BOUND, figures_meet, quantities_agree
from blickwinkel.model import Quantity

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


def one(text: str, language: str = "de") -> Quantity:
    found = find_quantities(text, language)
    assert len(found) == 1, found
    return found[0]


def values(text: str, language: str = "de") -> list[tuple[float, str | None]]:
    return [(q.value, q.unit) for q in find_quantities(text, language)]


# --- German ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Am Hafen warteten 2.500 Soldaten.", 2500, "Soldat"),
        ("Am Hafen warteten 2500 Soldaten.", 2500, "Soldat"),
        ("Das Land zahlt 2,5 Millionen Euro.", 2_500_000, "EUR"),
        ("Der Fonds umfasst 1,5 Mrd. Euro.", 1_500_000_000, "EUR"),
        ("Die Quote sank auf 3,7 Prozent.", 3.7, "%"),
        ("Die Quote sank auf 3,7 %.", 3.7, "%"),
        ("Sie kauften 5 Mio. € an Anleihen.", 5_000_000, "EUR"),
        ("Der Verein hat 300 Mitglieder.", 300, "Mitglied"),
        ("Es kamen drei Zeugen.", 3, "Zeuge"),
        ("Zwölf Busse fuhren los.", 12, "Bus"),
        ("Sie fanden zwanzig Boote.", 20, "Boot"),
        ("Es kamen zweiundzwanzig Läufer.", 22, "Läufer"),
        ("Eine Million Menschen sahen zu.", 1_000_000, "Mensch"),
        ("Der Bau kostet eine halbe Milliarde Euro.", 500_000_000, "EUR"),
        ("Der Umbau kostet eineinhalb Millionen Euro.", 1_500_000, "EUR"),
        ("Der Schaden liegt bei 5 Millionen US-Dollar.", 5_000_000, "USD"),
        ("Sie hat 150 Mal angerufen.", 150, "Mal"),
    ],
)
def test_german_numbers_and_units(text: str, value: float, unit: str) -> None:
    quantity = one(text)
    assert quantity.value == pytest.approx(value)
    assert quantity.unit == unit


def test_adjectives_between_number_and_noun_are_skipped() -> None:
    quantity = one("Im Lager lebten 2.500 amerikanische Soldaten.")
    assert (quantity.value, quantity.unit) == (2500, "Soldat")
    assert quantity.text == "2.500 amerikanische Soldaten"


def test_hyphen_compound_takes_the_head_as_unit() -> None:
    assert one("Vier US-Soldaten wurden befragt.").unit == "Soldat"
    assert one("Vier US-Angehörige wurden befragt.").unit == "Angehörige"


def test_nominalised_adjectives_get_one_unit_whatever_the_case() -> None:
    units = {q.unit for q in find_quantities("Es gab 3 Tote, mit 4 Toten und 5 Verletzte, 6 Verletzten.")}
    assert units == {"Tote", "Verletzte"}


@pytest.mark.parametrize(
    ("text", "approximate"),
    [
        ("Rund 150 Mal klingelte es.", True),
        ("Etwa 2500 Menschen kamen.", True),
        ("Knapp 40 Prozent stimmten zu.", True),
        ("Es kamen ca. 30 Gäste.", True),
        ("Es kamen mehr als 30 Gäste.", True),
        ("Es kamen über 30 Gäste.", True),
        ("Es kamen fast 30 Gäste.", True),
        ("Es kamen gut 30 Gäste.", True),
        ("Es kamen an die 30 Gäste.", True),
        ("Es kamen bis zu 30 Gäste.", True),
        ("Es kamen mindestens 30 Gäste.", True),
        ("Es kamen weniger als 30 Gäste.", True),
        ("Es kamen 30 Gäste.", False),
    ],
)
def test_german_hedges(text: str, approximate: bool) -> None:
    quantity = one(text)
    assert quantity.approximate is approximate
    if approximate:
        assert quantity.text.split()[0].lower() in text.lower().split()


def test_hedge_is_part_of_the_quantity_text() -> None:
    assert one("Es kamen rund 150 Gäste.").text == "rund 150 Gäste"


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Es kamen 20 bis 30 Gäste.", 20, 30),
        ("Es kamen 20-30 Gäste.", 20, 30),
        ("Es kamen 20–30 Gäste.", 20, 30),
        ("Es kamen zwischen 20 und 30 Gäste.", 20, 30),
        ("Es kamen zwei oder drei Gäste.", 2, 3),
        ("Das kostet zwei bis drei Millionen Euro.", 2_000_000, 3_000_000),
    ],
)
def test_german_ranges(text: str, low: float, high: float) -> None:
    quantity = one(text)
    assert (quantity.value, quantity.upper) == (low, high)


def test_vague_amounts_are_approximate_ranges() -> None:
    hundreds = one("Es gab Hunderte Festnahmen.")
    assert (hundreds.value, hundreds.upper, hundreds.approximate) == (200, 999, True)
    assert hundreds.unit == "Festnahme"
    dozens = one("Dutzende Verletzte wurden versorgt.")
    assert (dozens.value, dozens.upper, dozens.unit) == (24, 99, "Verletzte")
    some = one("Einige hundert Menschen protestierten.")
    assert (some.value, some.upper, some.approximate, some.unit) == (200, 900, True, "Mensch")


@pytest.mark.parametrize(
    "text",
    [
        "Eine Frau und ein Mann stiegen aus.",  # articles, not numbers
        "Einen Tag später kam einer zurück.",
        "Im Jahr 2014 begann der Streit.",  # years are dates
        "Seit 2014 gibt es den Laden.",
        "2014 wurde die Brücke gebaut.",
        "Das 2012 gegründete Netzwerk löste sich auf.",
        "Sie kam als Dritte ins Ziel.",  # ordinals
        "Der 3. Platz ging an die Gäste.",
        "Zum 80. Geburtstag gratulierten viele.",
        "Er wurde 3. im Rennen.",
        "Am 25.01.2024 tagte der Rat.",  # dates
        "Am 25. Januar tagte der Rat.",
        "Es begann am 2024-01-25.",
        "Um 14.30 Uhr begann die Sitzung.",  # times
        "Um 14 Uhr begann die Sitzung.",
        "Um 14:30 begann die Sitzung.",
        "Rufen Sie 030 1234567 an.",  # phone numbers and identifiers
        "Rufen Sie +49 30 123456 an.",
        "Nach Artikel 5 ist das erlaubt.",
        "Das Virus COVID-19 verbreitete sich.",
        "Die 1990er Jahre waren anders.",
        "Ein 10-jähriger Junge half.",
        "Die Elf gewann das Spiel.",
        "Wir wollen das in Acht nehmen.",
    ],
)
def test_german_traps_are_not_quantities(text: str) -> None:
    assert find_quantities(text, "de") == []


def test_year_followed_by_counted_noun_is_a_quantity() -> None:
    quantity = one("An der Grenze standen 2014 Soldaten.")
    assert (quantity.value, quantity.unit) == (2014, "Soldat")
    assert find_quantities("Im Jahr 2014 standen dort Soldaten.") == []


def test_sentence_final_number_is_kept() -> None:
    assert values("Die Zahl der Gäste stieg auf 25. Die Polizei zählte mit.") == [(25, None)]


def test_german_separators_read_by_language() -> None:
    assert one("Es kamen 2.500 Gäste.").value == 2500
    assert one("Es kamen 2,500 Tonnen.").value == 2.5
    assert one("Es kamen 2,500 tons.", "en").value == 2500
    assert one("It weighed 2.500 tons.", "en").value == 2.5


# --- English --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The port held 1,500 soldiers.", 1500, "soldier"),
        ("The state pays 2.5 million euros.", 2_500_000, "EUR"),
        ("The fund holds 1.5bn dollars.", 1_500_000_000, "USD"),
        ("The fund holds $5 million.", 5_000_000, "USD"),
        ("The fund holds £2m.", 2_000_000, "GBP"),
        ("Turnout was 25%.", 25, "%"),
        ("Turnout was 25 percent.", 25, "%"),
        ("Turnout was 25 per cent.", 25, "%"),
        ("Three civilians were hurt.", 3, "civilian"),
        ("Twenty-five boats left.", 25, "boat"),
        ("A million people watched.", 1_000_000, "people"),
        ("A dozen boats left.", 12, "boat"),
        ("The camp held 2,500 American soldiers.", 2500, "soldier"),
        ("At least 25 dead were counted.", 25, "dead"),
    ],
)
def test_english_numbers_and_units(text: str, value: float, unit: str) -> None:
    quantity = one(text, "en")
    assert quantity.value == pytest.approx(value)
    assert quantity.unit == unit


@pytest.mark.parametrize(
    "hedge", ["about", "around", "roughly", "nearly", "almost", "more than", "over", "some", "up to",
              "at least", "fewer than", "less than", "approximately"],
)  # fmt: skip
def test_english_hedges(hedge: str) -> None:
    quantity = one(f"The police counted {hedge} 300 protesters.", "en")
    assert quantity.approximate
    assert quantity.text == f"{hedge} 300 protesters"
    assert quantity.unit == "protester"


def test_english_ranges_and_vague_amounts() -> None:
    between = one("Between 20 and 30 percent agreed.", "en")
    assert (between.value, between.upper, between.unit) == (20, 30, "%")
    dash = one("It took 20-30 boats.", "en")
    assert (dash.value, dash.upper) == (20, 30)
    tens = one("Tens of thousands of refugees arrived.", "en")
    assert (tens.value, tens.upper, tens.unit, tens.approximate) == (20_000, 99_999, "refugee", True)
    several = one("Several hundred protesters gathered.", "en")
    assert (several.value, several.upper) == (200, 900)


@pytest.mark.parametrize(
    "text",
    [
        "In 2014 the bridge was built.",
        "It opened on January 24, 2024.",
        "It opened at 3 p.m. sharp.",
        "One of them left; no one stayed.",
        "The Boeing 737 landed safely.",
        "She finished third.",
        "He came 3rd in the race.",
        "Under article 5 this is allowed.",
    ],
)
def test_english_traps_are_not_quantities(text: str) -> None:
    assert find_quantities(text, "en") == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The fire started in the bakery on Mill Street (205) on Friday night.", "en"),
        ("Smoke rose from 14 Harbour Road before dawn.", "en"),
        ("Der Brand brach im Haus Lindenstraße 12 aus.", "de"),
        ("Die Feuerwehr rückte in die Kirchgasse (7) aus.", "de"),
    ],
)
def test_house_numbers_are_not_quantities(text: str, language: str) -> None:
    # A street number in parentheses, "(205)", was read as an amount of 205.
    assert find_quantities(text, language) == []


def test_counts_and_ages_in_parentheses_stay_quantities() -> None:
    found = find_quantities("Members voted for it (205) and against it (190), then left.", "en")
    assert [q.value for q in found] == [205, 190]
    assert [q.value for q in find_quantities("Anna Berg (45) wurde leicht verletzt.", "de")] == [45]
    assert [q.text for q in find_quantities("The road (12 km) was shut.", "en")] == ["12 km"]
    # street words in lower case are no street names
    assert [q.value for q in find_quantities("Drivers had to drive 20 km around it.", "en")] == [20]
    assert [q.value for q in find_quantities("On the way 12 people got off.", "en")] == [12]


# --- API contract ---------------------------------------------------------------------------------


def test_offsets_index_the_article_text() -> None:
    article = "Titel\n\nEs kamen rund 2.500 Gäste."
    sentence_start = article.index("Es")
    found = find_quantities(article[sentence_start:], "de", offset=sentence_start)
    assert [article[q.start : q.end] for q in found] == ["rund 2.500 Gäste"]


def test_language_variants_and_unsupported_languages() -> None:
    assert values("Es kamen 30 Gäste.", "de-AT") == [(30, "Gast")]
    assert values("30 guests came.", "EN_gb") == [(30, "guest")]
    assert values("Il y avait 30 invités.", "fr-FR") == [(30, "invité")]
    assert values("Había 30 invitados.", "es") == [(30, "invitado")]
    assert find_quantities("Hi havia 30 convidats.", "ca") == []
    assert find_quantities("", "de") == []


def test_unit_key_maps_german_and_english_units_together() -> None:
    assert unit_key("Soldat") == unit_key("soldier") == "soldier"
    assert unit_key("Mensch") == unit_key("people") == unit_key("person")
    assert unit_key("Tote") == unit_key("dead")
    assert unit_key("Verletzte") == unit_key("injured")
    # a Spanish, Portuguese or Italian feminine of people counts the same people; of a thing, not
    assert unit_key("herida") == unit_key("herido") == unit_key("ferida") == "injured"
    assert unit_key("muerta") == unit_key("morta") == "dead"
    assert unit_key("vecina") == "resident"
    assert unit_key("minuta") == "minuta" and unit_key("presa") == "presa" and unit_key("ana") == "ana"
    assert unit_key("%") == unit_key("Prozent") == unit_key("percent")
    assert unit_key("EUR") == unit_key("Euro")
    assert unit_key("Mal") == unit_key("times")
    assert unit_key("Angriff") == unit_key("attack")
    assert unit_key("Jahr") == unit_key("year")
    assert unit_key("Fahrrad") == "fahrrad"
    assert unit_key(None) is None
    assert unit_key("  ") is None


def test_measures_in_german_english_and_french_count_one_thing() -> None:
    # Invented sentences of one fact in three languages: each measure's number meets the same key.
    said = {
        "de": "Der Kran ist 56 Meter hoch, wiegt 30 Kilogramm und steht 15 Meilen entfernt auf 4 Hektar.",
        "en": "The crane is 56 metres high, weighs 30 kilograms and stands 15 miles away on 4 hectares.",
        "fr": "La grue mesure 56 mètres, pèse 30 kilogrammes et se trouve sur 4 hectares à 3 kilomètres.",
    }
    keys = {
        language: {(q.value, unit_key(q.unit)) for q in find_quantities(text, language)}
        for language, text in said.items()
    }
    assert {(56, "m"), (30, "kg"), (4, "ha")} <= keys["de"] & keys["en"] & keys["fr"]
    assert (15, "mile") in keys["de"] & keys["en"]
    assert (3, "km") in keys["fr"]
    assert unit_key("Kilometer") == unit_key("kilometre") == unit_key("kilomètre") == "km"
    assert unit_key("Grad") == unit_key("degree") == unit_key("degré")
    assert unit_key("Liter") == unit_key("litre")


def test_quantities_agree() -> None:
    exact = one("Es kamen 2.500 Soldaten.")
    same = one("Es kamen 2500 Soldaten.")
    about = one("Es kamen etwa 2500 Soldaten.")
    about_more = one("Es kamen etwa 2.600 Soldaten.")
    other = one("Es kamen 3.000 Soldaten.")
    english = one("About 2,500 soldiers came.", "en")
    assert quantities_agree(exact, same) is True
    assert quantities_agree(exact, about) is True
    assert quantities_agree(exact, about_more) is True  # within about 10 %
    assert quantities_agree(exact, other) is False
    assert quantities_agree(exact, english) is True
    assert quantities_agree(exact, one("Es kamen 2.500 Polizisten.")) is None
    assert quantities_agree(one("Es waren 25."), one("Es waren 25.")) is None  # no unit on either side
    assert quantities_agree(one("Es kamen 20 bis 30 Gäste."), one("Es kamen 25 Gäste.")) is True
    assert quantities_agree(one("Es kamen 20 bis 30 Gäste."), one("Es kamen 35 Gäste.")) is False
    assert quantities_agree(one("Es gab Hunderte Festnahmen."), one("Es gab 300 Festnahmen.")) is True
    more_than = one("Es kamen mehr als 2000 Gäste.")
    assert quantities_agree(more_than, one("Es kamen 2.400 Gäste.")) is True
    assert quantities_agree(more_than, one("Es kamen 1.900 Gäste.")) is False


# A hedged or bounded figure is an interval; two figures of one thing meet when their intervals can
# overlap (``figures_meet``). Invented pairs in seven languages, each beside a near-miss that cannot meet.
@pytest.mark.parametrize(
    ("left", "right", "language", "meet"),
    [
        ("around 20 to 24 boats", "20 to 25 boats", "en", True),
        ("around 20 to 24 boats", "30 to 35 boats", "en", False),
        ("20 to 24 boats", "20 to 25 boats", "en", False),  # two unhedged ranges: figures as given
        ("exactly 40 boats", "43 boats", "en", False),
        ("40 boats", "43 boats", "en", False),
        ("at least 12 cars", "15 cars", "en", True),
        ("at least 12 cars", "10 cars", "en", False),
        ("up to 30 families", "25 families", "en", True),
        ("up to 30 families", "36 families", "en", False),
        ("about 212 homes", "215 homes", "en", True),
        ("about 212 homes", "230 homes", "en", False),
        ("etwa 200 Anwohner", "212 Anwohner", "de", True),
        ("etwa 200 Anwohner", "225 Anwohner", "de", False),
        ("rund 3 Millionen Euro", "3,2 Millionen Euro", "de", True),
        ("rund 3 Millionen Euro", "3,5 Millionen Euro", "de", False),
        ("mehr als 40 Keller", "43 Keller", "de", True),
        ("mehr als 40 Keller", "38 Keller", "de", False),
        ("etwa 20 bis 24 Boote", "20 bis 25 Boote", "de", True),
        ("environ 200 habitants", "212 habitants", "fr", True),
        ("environ 200 habitants", "230 habitants", "fr", False),
        ("au moins 12 voitures", "15 voitures", "fr", True),
        ("au moins 12 voitures", "10 voitures", "fr", False),
        ("jusqu'à 30 familles", "25 familles", "fr", True),
        ("alrededor de 200 vecinos", "212 vecinos", "es", True),
        ("alrededor de 200 vecinos", "230 vecinos", "es", False),
        ("al menos 12 coches", "15 coches", "es", True),
        ("al menos 12 coches", "10 coches", "es", False),
        ("hasta 30 familias", "25 familias", "es", True),
        ("más de 40 sótanos", "43 sótanos", "es", True),
        ("circa 200 abitanti", "212 abitanti", "it", True),
        ("circa 200 abitanti", "230 abitanti", "it", False),
        ("almeno 12 macchine", "15 macchine", "it", True),
        ("almeno 12 macchine", "10 macchine", "it", False),
        ("pelo menos 12 carros", "15 carros", "pt", True),
        ("pelo menos 12 carros", "10 carros", "pt", False),
        ("cerca de 200 moradores", "212 moradores", "pt", True),
        ("minstens 12 auto's", "15 auto's", "nl", True),
        ("minstens 12 auto's", "10 auto's", "nl", False),
        ("bijna 300 woningen", "290 woningen", "nl", True),
        ("bijna 300 woningen", "320 woningen", "nl", False),
    ],
)
def test_a_hedged_figure_is_an_interval(left: str, right: str, language: str, meet: bool) -> None:
    a, b = one(left, language), one(right, language)
    assert figures_meet(a, b) is meet and figures_meet(b, a) is meet, (a, b)
    assert quantities_agree(a, b) is meet


# --- properties -----------------------------------------------------------------------------------

_PIECES = st.sampled_from(
    ["rund", "2.500", "2,5", "Millionen", "Mio.", "Euro", "%", "bis", "zwischen", "und", "drei", "eine",
     "Million", "Soldaten", "amerikanische", "Hunderte", "1990er", "25.01.2024", "14.30", "Uhr", "3.",
     "about", "1,500", "$", "bn", "twenty-five", "-", "–", "Jahr", "2014", ".", ",", " ", "\n", "COVID-19"]
)  # fmt: skip
_TEXTS = st.one_of(
    st.lists(_PIECES, max_size=14).map(" ".join),
    st.lists(_PIECES, max_size=14).map("".join),
    st.text(max_size=80),
)


@settings(max_examples=300, deadline=None)
@given(text=_TEXTS, language=st.sampled_from(["de", "en"]), offset=st.integers(0, 50))
def test_offsets_always_slice_back(text: str, language: str, offset: int) -> None:
    article = "x" * offset + text
    for quantity in find_quantities(text, language, offset=offset):
        assert article[quantity.start : quantity.end] == quantity.text
        assert quantity.text
        assert quantity.upper is None or quantity.upper > quantity.value


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=200), language=st.sampled_from(["de", "en", "fr", ""]))
def test_never_raises_on_arbitrary_text(text: str, language: str) -> None:
    find_quantities(text, language)


@pytest.mark.shared
def test_offsets_slice_back_on_the_shared_corpus() -> None:
    corpus = SHARED / "data" / "corpus-de" / "articles.jsonl"
    if not corpus.exists():
        pytest.skip(f"{corpus} is not there")
    with corpus.open(encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for _, line in zip(range(30), lines, strict=False)]
    for text in texts:
        for quantity in find_quantities(text, "de"):
            assert text[quantity.start : quantity.end] == quantity.text


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("Der Umbau kostet 22'050 Franken.", "de", 22_050),
        ("Der Umbau kostet 22’050 Franken.", "de", 22_050),
        ("Der Umbau kostet 1 234,5 Euro.", "de", 1_234.5),
        ("Der Umbau kostet 1.234,5 Euro.", "de", 1_234.5),
        ("Der Umbau kostet 1,234.5 Euro.", "de", 1_234.5),
        ("The repair costs 1,234.5 euros.", "en", 1_234.5),
        ("The repair costs 1.234,5 euros.", "en", 1_234.5),
        ("The repair costs 22’050 francs.", "en", 22_050),
    ],
)
def test_regional_number_formats(text: str, language: str, value: float) -> None:
    quantity = one(text, language)
    assert quantity.value == pytest.approx(value)
    assert unit_key(quantity.unit) in {"eur", "chf"}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Es kamen 500-1000 Menschen.", "de", [(500, 1000, "Mensch")]),
        ("Es kamen 500–1.000 Menschen.", "de", [(500, 1000, "Mensch")]),
        ("Between 350-1250 people came.", "en", [(350, 1250, "people")]),
        ("Hinweise nimmt die Polizei unter 417-2280 entgegen.", "de", []),
        ("Hinweise unter (0351) 417-2280 oder online.", "de", []),
        ("Hinweise unter 0351-417-2000 oder online.", "de", []),
        ("Die Hotline 417-2000 ist rund um die Uhr besetzt.", "de", []),
        ("Call the tip line at 555-0192 today.", "en", []),
        # the rest of a number that is no amount: area codes, house numbers, articles
        ("Call the tip line at (555) 417-2280 today.", "en", []),
        ("Hinweise unter +49 30 417-2280 oder per Mail.", "de", []),
        ("Sie wohnt in der Lindenstraße 12-14 mit drei Kindern.", "de", [(3, None, "Kind")]),
        ("Nach Artikel 5-7 ist das erlaubt.", "de", []),
    ],
)
def test_dash_ranges_stay_quantities_and_phone_numbers_stay_out(
    text: str, language: str, expected: list[tuple[float, float | None, str]]
) -> None:
    # a phone number's local part has a range's shape: a round upper end and no phone cue make a range
    found = find_quantities(text, language)
    assert [(q.value, q.upper, q.unit) for q in found] == expected
    assert [holds_phone_number(q.text) for q in found] == [False] * len(expected)
    assert holds_phone_number("417-2280") and not holds_phone_number("500-1000 Menschen")


@pytest.mark.parametrize(
    ("text", "language", "value", "key"),
    [
        ("Forty-five passengers were taken ashore.", "en", 45, "passenger"),
        ("45 passengers were taken ashore.", "en", 45, "passenger"),
        ("Fünfundvierzig Passagiere wurden an Land gebracht.", "de", 45, "passenger"),
        ("Quarante-cinq passagers ont été débarqués.", "fr", 45, "passenger"),
        ("Forty people waited on the pier.", "en", 40, "person"),
        ("Vierzig Menschen warteten am Steg.", "de", 40, "person"),
        ("Quarante personnes attendaient sur le quai.", "fr", 40, "person"),
        ("Two dozen firefighters fought the blaze.", "en", 24, "firefighter"),
        ("Zwei Dutzend Feuerwehrleute waren im Einsatz.", "de", 24, None),
        ("Deux douzaines de pompiers sont intervenus.", "fr", 24, "firefighter"),
        ("A hundred people waited.", "en", 100, "person"),
        ("One hundred twenty boats left the harbour.", "en", 120, "boat"),
        ("Vingt et un soldats ont été blessés.", "fr", 21, "soldier"),
        ("Quatre-vingt-dix habitants ont été évacués.", "fr", 90, "resident"),
        ("Cuarenta y cinco pasajeros fueron desembarcados.", "es", 45, "passenger"),
        ("Dos docenas de bomberos apagaron el fuego.", "es", 24, "firefighter"),
        ("Doscientos cincuenta vecinos fueron evacuados.", "es", 250, "resident"),
    ],
)
def test_number_words_give_one_value_across_languages(
    text: str, language: str, value: float, key: str | None
) -> None:
    # French had no quantities at all and "one hundred twenty" read 100: "45" and "forty-five" /
    # "quarante-cinq" could not be compared.
    (found,) = find_quantities(text, language)
    assert found.value == value
    if key is not None:
        assert unit_key(found.unit) == key


def test_french_amounts_hedges_ranges_and_traps() -> None:
    (about,) = find_quantities("Environ 2 500 manifestants ont défilé.", "fr")
    assert (about.value, about.approximate, unit_key(about.unit)) == (2500, True, "protester")
    (hundred,) = find_quantities("Une centaine de passagers attendaient.", "fr")
    assert (hundred.value, hundred.approximate) == (100, True)
    (many,) = find_quantities("Des milliers de personnes ont fui.", "fr")
    assert (many.value, many.upper, many.approximate) == (2000, 9999, True)
    (money,) = find_quantities("Le budget atteint 2,5 millions d’euros.", "fr")
    assert (money.value, money.unit) == (2_500_000, "EUR")
    (span,) = find_quantities("Entre 20 et 30 morts.", "fr")
    assert (span.value, span.upper, unit_key(span.unit)) == (20, 30, "dead")
    assert find_quantities("Le 25 janvier 2024, le quai a rouvert.", "fr") == []
    assert find_quantities("Le bac est arrivé à 14 h 30.", "fr") == []
    assert find_quantities("Il a acheté une maison.", "fr") == []


def test_spanish_amounts_hedges_ranges_and_traps() -> None:
    (about,) = find_quantities("Unas 100 viviendas resultaron afectadas.", "es")
    assert (about.value, about.approximate, unit_key(about.unit)) == (100, True, "house")
    (hundred,) = find_quantities("Un centenar de viviendas quedaron inundadas.", "es")
    assert (hundred.value, hundred.approximate) == (100, True)
    (many,) = find_quantities("Miles de personas huyeron.", "es")
    assert (many.value, many.upper, many.approximate) == (2000, 9999, True)
    (money,) = find_quantities("El presupuesto es de 2,5 millones de euros.", "es")
    assert (money.value, money.unit) == (2_500_000, "EUR")
    (share,) = find_quantities("El paro subió un 12 por ciento.", "es")
    assert (share.value, share.unit) == (12, "%")
    (percent,) = find_quantities("Le taux est de 12 pour cent.", "fr")
    assert (percent.value, percent.unit) == (12, "%")
    assert find_quantities("El 25 de enero reabrió el puente.", "es") == []
    assert find_quantities("Una mujer resultó herida.", "es") == []
    assert find_quantities("La carretera 704 sigue cortada.", "es") == []


def test_number_words_after_a_million_belong_to_it_and_spanish_and_french_forms_of_21() -> None:
    # The part after the scale word was the counted noun ("cinq", "quinientas") and a count of its own;
    # "veintiún" (before a noun) and the 1990 spelling "vingt-et-un" gave no number.
    cases = [
        ("deux millions cinq cent mille personnes", "fr", 2_500_000.0, "personne"),
        ("un million cinq cent mille personnes", "fr", 1_500_000.0, "personne"),
        ("dos millones quinientas mil personas", "es", 2_500_000.0, "persona"),
        ("zwei Millionen fünfhunderttausend Menschen", "de", 2_500_000.0, "Mensch"),
        ("veintiún heridos", "es", 21.0, "herido"),
        ("doscientos veintiún heridos", "es", 221.0, "herido"),
        ("vingt-et-un blessés", "fr", 21.0, "blessé"),
        ("trois millions de personnes", "fr", 3_000_000.0, "personne"),
    ]
    for text, language, value, unit in cases:
        assert [(q.text, q.value, q.unit) for q in find_quantities(text, language)] == [(text, value, unit)]
    assert [q.value for q in find_quantities("two million, three people", "en")] == [2_000_000.0, 3.0]


def test_a_million_written_with_one_takes_the_amount_after_it_in_every_language() -> None:
    # English "one million five hundred thousand" read 500,000: "one million" before more number
    # words was left to the word reader, which knows no "million", so only the part after it counted.
    cases = [
        ("one million five hundred thousand people", "en", 1_500_000.0),
        ("A million five hundred thousand people", "en", 1_500_000.0),
        ("one billion two hundred million dollars", "en", 1_200_000_000.0),
        ("eine Million fünfhunderttausend Menschen", "de", 1_500_000.0),
        ("eine Milliarde zweihundert Millionen Euro", "de", 1_200_000_000.0),
        ("un million cinq cent mille personnes", "fr", 1_500_000.0),
        ("un millón quinientas mil personas", "es", 1_500_000.0),
    ]
    for text, language, value in cases:
        assert [(q.text, q.value) for q in find_quantities(text, language)] == [(text, value)], text
    # a smaller scale before more number words is still one number read whole
    assert [q.value for q in find_quantities("one hundred twenty people", "en")] == [120.0]
    assert [q.value for q in find_quantities("one thousand five hundred people", "en")] == [1500.0]
    assert [q.value for q in find_quantities("one million, three people", "en")] == [1_000_000.0, 3.0]


@pytest.mark.parametrize(
    ("text", "language", "value", "unit"),
    [
        ("After 1 1/2 years of work, the pier reopened.", "en", 1.5, "year"),
        ("Nach 2 1/2 Stunden war das Feuer aus.", "de", 2.5, "Stunde"),
    ],
)
def test_a_mixed_fraction_is_one_number(text: str, language: str, value: float, unit: str) -> None:
    # "1 1/2 years" read 1 with no unit (the fraction was left over).
    (quantity,) = find_quantities(text, language)
    assert (quantity.value, quantity.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a count before a verb of harm is whoever did it; the count after the verb is the victims
        ("Police said the three killed five people before fleeing.", "en", [(3, None), (5, "people")]),
        ("The two injured four officers on the quay.", "en", [(2, None), (4, "officer")]),
        ("The pair wounded 12 guards.", "en", [(12, "guard")]),
        ("Die drei Täter töteten fünf Menschen.", "de", [(3, "Täter"), (5, "Mensch")]),
        ("Die beiden verletzten drei Polizisten.", "de", [(3, "Polizist")]),
        # the count of the dead or injured themselves is still read so
        ("Three killed, five injured in the collapse.", "en", [(3, "dead"), (5, "injured")]),
        ("At least 12 killed in the blast.", "en", [(12, "dead")]),
        ("The two killed were brothers.", "en", [(2, "dead")]),
        ("Drei Tote und fünf Verletzte nach dem Einsturz.", "de", [(3, "Tote"), (5, "Verletzte")]),
    ],
)
def test_a_count_belongs_to_the_noun_it_counts(
    text: str, language: str, expected: list[tuple[float, str | None]]
) -> None:
    assert values(text, language) == expected


# --- whole numbers with fractions -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "value", "unit"),
    [
        ("Nearly three and a half thousand hikers signed the letter.", "en", 3500, "hiker"),
        ("The bridge will cost one and a half million pounds.", "en", 1_500_000, "GBP"),
        ("Close to 4 and a half million tourists came.", "en", 4_500_000, "tourist"),
        ("Some twenty-one and a half thousand tickets were sold.", "en", 21_500, "ticket"),
        ("The ferry took two and a half hours.", "en", 2.5, "hour"),
        ("He was given six and three-quarter years.", "en", 6.75, "year"),
        ("A quarter of a million visitors came.", "en", 250_000, "visitor"),
        ("They ordered three quarters of a million masks.", "en", 750_000, "mask"),
        ("The fund lost a quarter million euros.", "en", 250_000, "EUR"),
        ("Half a million people watched.", "en", 500_000, "people"),
        ("Fast dreieinhalbtausend Wanderer unterschrieben.", "de", 3500, "Wanderer"),
        ("Die Brücke kostet zweieinhalb Millionen Euro.", "de", 2_500_000, "EUR"),
        ("Die Fähre brauchte zweieinhalb Stunden.", "de", 2.5, "Stunde"),
        ("Er wartete anderthalb Stunden.", "de", 1.5, "Stunde"),
        ("Das Amt zahlte anderthalb Millionen Euro.", "de", 1_500_000, "EUR"),
        ("Sie lief eineinhalb Kilometer.", "de", 1.5, "Kilometer"),
        ("Eine Viertelmillion Besucher kamen.", "de", 250_000, "Besucher"),
    ],
)
def test_whole_numbers_with_fractions(text: str, language: str, value: float, unit: str) -> None:
    quantity = one(text, language)
    assert quantity.value == pytest.approx(value)
    assert quantity.unit == unit


def test_a_fraction_of_something_else_is_no_amount() -> None:
    assert find_quantities("A quarter of the members left.", "en") == []
    assert find_quantities("Ein Viertel der Mitglieder ging.", "de") == []


def test_written_out_fraction_agrees_with_the_digits() -> None:
    words = one("About two and a half thousand fans waited.", "en")
    digits = one("Rund 2.500 Fans warteten.", "de")
    assert quantities_agree(words, digits) is True


# --- measures in two units ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "agree"),
    [
        (
            ("Am Pass hatte es acht Grad.", "de"),
            ("On the pass it was about 46 degrees Fahrenheit.", "en"),
            True,
        ),
        (("Am Pass hatte es acht Grad.", "de"), ("On the pass it was 70 degrees Fahrenheit.", "en"), False),
        (("Es hatte 25 °C im Saal.", "de"), ("The hall was at 77°F.", "en"), True),
        (("The lake froze at 32 degrees F.", "en"), ("Der See fror bei 0 Grad Celsius.", "de"), True),
        (("The ferry crosses 12 miles of water.", "en"), ("Die Fähre quert rund 20 Kilometer.", "de"), True),
        (("The ferry crosses 12 miles of water.", "en"), ("Die Fähre quert 30 Kilometer.", "de"), False),
        (("The tower is 980 feet tall.", "en"), ("Der Turm ist 300 Meter hoch.", "de"), True),
        (("The tower is 980 feet tall.", "en"), ("Der Turm ist 200 Meter hoch.", "de"), False),
        (("The calf weighed 110 lbs.", "en"), ("Das Kalb wog 50 Kilogramm.", "de"), True),
        (("The calf weighed 110 pounds.", "en"), ("Das Kalb wog 50 Kilogramm.", "de"), True),
        (("The calf weighed 110 pounds.", "en"), ("Das Kalb wog 80 Kilogramm.", "de"), False),
        (("The tank held 500 gallons.", "en"), ("Der Tank fasste knapp 2.000 Liter.", "de"), True),
        (("The tank held 500 gallons.", "en"), ("Der Tank fasste 5.000 Liter.", "de"), False),
    ],
)
def test_measures_in_two_units_are_converted(
    first: tuple[str, str], second: tuple[str, str], agree: bool
) -> None:
    assert quantities_agree(one(*first), one(*second)) is agree


def test_two_metric_units_and_money_stay_apart() -> None:
    assert quantities_agree(one("Sie liefen 2 Kilometer.", "de"), one("They ran 300 metres.", "en")) is None
    assert quantities_agree(one("It cost £220.", "en"), one("Es wog 100 Kilogramm.", "de")) is None


def test_a_written_temperature_scale_is_the_unit() -> None:
    assert one("It was 50 degrees Fahrenheit.", "en").unit == "°F"
    assert one("Es waren zehn Grad Celsius.", "de").unit == "°C"
    assert one("Es waren 10 °C.", "de").text == "10 °C"
    assert one("Es waren zehn Grad.", "de").unit == "Grad"


# --- tallies ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "value", "tally", "unit"),
    [
        ("Der Rat stimmte mit 27 zu 9 Stimmen für den Bau.", "de", 27, 9, "Stimme"),
        ("Der Rat stimmte mit 27:9 Stimmen für den Bau.", "de", 27, 9, "Stimme"),
        ("The council backed the plan by 27 votes to 9.", "en", 27, 9, "vote"),
        ("The plan passed 27 to 9 votes.", "en", 27, 9, "vote"),
        ("The plan passed by 27:9 votes.", "en", 27, 9, "vote"),
    ],
)
def test_a_tally_is_one_value_pair(text: str, language: str, value: float, tally: float, unit: str) -> None:
    quantity = one(text, language)
    assert (quantity.value, quantity.tally, quantity.unit) == (value, tally, unit)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Die Zahl der Sitze sank von 27 Sitzen auf 9.", "de"),
        ("Seats fell from 27 seats to 9.", "en"),
        ("Children aged 9 to 27 months took part.", "en"),
        ("Die Sitzung begann um 20:15 Uhr.", "de"),
        ("She sent 27 letters to 9 ministers.", "en"),
    ],
)
def test_changes_ranges_clocks_and_two_nouns_are_no_tally(text: str, language: str) -> None:
    assert all(q.tally is None for q in find_quantities(text, language))


def test_tallies_agree_by_both_counts() -> None:
    german = one("Der Rat stimmte mit 27 zu 9 Stimmen zu.", "de")
    assert quantities_agree(german, one("The council voted 27 votes to 9 in favour.", "en")) is True
    assert quantities_agree(german, one("The council voted 27 votes to 8 in favour.", "en")) is False
    assert quantities_agree(german, one("The plan won 27 votes.", "en")) is True
    assert quantities_agree(german, one("The plan had 9 votes against it.", "en")) is True
    assert quantities_agree(german, one("The plan won 40 votes.", "en")) is None


@pytest.mark.parametrize(
    ("text", "language", "value", "unit"),
    [
        ("Die Richterin verhängte drei Jahre und sechs Monate Haft.", "de", 3.5, "Jahr"),
        ("The judge imposed three years and six months in prison.", "en", 3.5, "year"),
        ("Die Fähre brauchte zwei Stunden und 45 Minuten.", "de", 2.75, "Stunde"),
        ("She finished in three hours, 12 minutes and 36 seconds.", "en", 3.21, "hour"),
    ],
)
def test_a_length_of_time_in_two_units_is_one_figure(
    text: str, language: str, value: float, unit: str
) -> None:
    quantity = one(text, language)
    assert (quantity.value, quantity.unit) == (pytest.approx(value), unit)


def test_a_length_of_time_with_fraction_agrees_with_its_parts() -> None:
    fraction = one("The court gave him six and a half years.", "en")
    assert (
        quantities_agree(fraction, one("Das Gericht verhängte sechs Jahre und sechs Monate.", "de")) is True
    )
    assert quantities_agree(fraction, one("Das Gericht verhängte sechs Jahre Haft.", "de")) is False


def test_a_tally_keeps_both_counts_in_json() -> None:
    quantity = one("Der Rat stimmte mit 27 zu 9 Stimmen zu.", "de")
    assert quantity.to_json()["tally"] == 9
    assert Quantity.from_json(quantity.to_json()).tally == 9
    assert "tally" not in one("Der Rat hat 27 Mitglieder.", "de").to_json()


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Rund 12.000 Haushalte blieben ohne Strom.", "About 12,000 households lost power."),
        ("Der Verein zählt 640 Mitglieder.", "The club has 640 members."),
        ("Die Klinik hat 85 Betten.", "The clinic has 85 beds."),
        ("Die Firma streicht 300 Arbeitsplätze.", "The firm cuts 300 jobs."),
    ],
)
def test_common_counted_things_have_one_key_in_both_languages(german: str, english: str) -> None:
    assert quantities_agree(one(german, "de"), one(english, "en")) is True


@pytest.mark.parametrize(
    ("text", "language", "low", "high"),
    [
        ("Die Kasse zahlt nicht mehr als 40 Euro.", "de", 30, 40),
        ("The fund pays no more than 40 euros.", "en", 30, 40),
        ("The fund pays not less than 40 euros.", "en", 40, 50),
    ],
)
def test_negated_bounds_bound_the_other_way(text: str, language: str, low: float, high: float) -> None:
    quantity = one(text, language)
    assert quantity.approximate
    assert quantities_agree(quantity, Quantity("x", 0, 0, low, "EUR")) is True
    assert quantities_agree(quantity, Quantity("x", 0, 0, high, "EUR")) is True
    assert quantities_agree(quantity, Quantity("x", 0, 0, low - 1, "EUR")) is False
    assert quantities_agree(quantity, Quantity("x", 0, 0, high + 1, "EUR")) is False


def test_a_race_time_is_a_length_in_hours() -> None:
    german = one("Sie gewann in 2:24:36 Stunden.", "de")
    english = one("She won in 2:24:36.", "en")
    assert (german.unit, english.unit) == ("Stunde", "hour")
    assert german.value == pytest.approx(2.41)
    assert quantities_agree(german, english) is True
    assert quantities_agree(german, one("She won in 2:24:46.", "en")) is False
    assert find_quantities("Der Alarm kam um 03:17:40 Uhr.", "de") == []


def test_an_english_measure_joined_by_a_hyphen_is_read_and_an_age_is_not() -> None:
    # invented: "a five-year ban" measures five years, as "banned for five years" does
    assert values("The ferry captain got a five-year ban.", "en") == [(5, "year")]
    assert values("The court handed down a 12-year term.", "en") == [(12, "year")]
    assert values("Dockers began a two-day strike.", "en") == [(2, "day")]
    assert values("She won the 10-kilometre race.", "en") == [(10, "kilometer")]
    assert values("The 34-year-old skipper was questioned.", "en") == []
    assert values("A 50-year-old ferry sank.", "en") == []
    assert values("The COVID-19 rules ended.", "en") == []
    assert values("Ein 14-jähriger Junge wurde befragt.") == []


def test_currency_codes_before_an_english_amount() -> None:
    # invented: a code before the amount is a currency, not a name's label ("Boeing 737")
    assert values("The canton paid CHF 22,050 in aid.", "en") == [(22050, "CHF")]
    assert values("The city paid USD 1,200 for the survey.", "en") == [(1200, "USD")]
    assert values("A Boeing 737 landed in the storm.", "en") == []


# --- Turkish and Polish (seventeenth session; sentences invented for the tests) ---------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Selde 9 kişi hayatını kaybetti.", 9, "kişi"),
        ("Selde dokuz kişi hayatını kaybetti.", 9, "kişi"),
        ("Okula bin 450 öğrenci kayıt yaptırdı.", 1450, "öğrenci"),
        ("Okula 1.450 öğrenci kayıt yaptırdı.", 1450, "öğrenci"),
        ("Dernek 8 bin 300 dolarlık faturayı ödedi.", 8300, "USD"),
        ("Dernek 8 bin 300 TL ödedi.", 8300, "TRY"),
        ("Proje 3 milyon 250 bin dolara mal oldu.", 3_250_000, "USD"),
        ("Proje 2,5 milyon avroya mal oldu.", 2_500_000, "EUR"),
        ("İşsizlik yüzde 12,5 oldu.", 12.5, "%"),
        ("İşsizlik %40 arttı.", 40, "%"),
        ("Köprü 320 metre uzunluğunda.", 320, "metre"),
        ("Ekip 5 adet araç gönderdi.", 5, "araç"),
        ("Kampa iki yüz elli asker geldi.", 250, "asker"),
        ("Tören on iki gün sürdü.", 12, "gün"),
    ],
)
def test_turkish_counts_sums_and_measures(text: str, value: float, unit: str) -> None:
    q = one(text, "tr")
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize(
    "text",
    [
        "Tren 14 Nisan'da geldi.",
        "Toplantı saat 14'te başladı.",
        "Kanun 2019 yılında çıktı.",
        "Yarışmanın 15. gününde kar yağdı.",
        "Bir adam geldi.",
    ],
)
def test_turkish_dates_times_ordinals_and_the_article_are_no_counts(text: str) -> None:
    assert find_quantities(text, "tr") == []


def test_turkish_case_endings_count_the_same_thing() -> None:
    a, b = one("Belediye 3 fırına borç ödedi.", "tr"), one("Belediye üç fırındaki borcu ödedi.", "tr")
    assert a.unit == b.unit == "fırın"
    assert quantities_agree(a, b) is True
    c, d = one("Kazada 12 kişi yaralandı.", "tr"), one("Kazada 20 kişinin yaralandığı bildirildi.", "tr")
    assert quantities_agree(c, d) is False


def test_turkish_hedges_and_vague_amounts() -> None:
    assert one("Meydanda yaklaşık 300 kişi vardı.", "tr").approximate
    more = one("Meydanda 300'den fazla kişi vardı.", "tr")
    assert (more.value, more.unit, more.approximate) == (300, "kişi", True)
    many = one("Meydanda yüzlerce kişi vardı.", "tr")
    assert (many.value, many.upper, many.unit) == (200, 999, "kişi")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("W wypadku zginęło 7 osób.", 7, "osoba"),
        ("W wypadku zginęły 3 osoby.", 3, "osoba"),
        ("W wypadku zginęło siedem osób.", 7, "osoba"),
        ("Na stadion przyszło 12 tys. kibiców.", 12_000, "kibic"),
        ("Gmina wyda 2,5 mln zł na drogi.", 2_500_000, "PLN"),
        ("Gmina wyda 1 250 000 złotych na drogi.", 1_250_000, "PLN"),
        ("Gmina wyda 40 tysięcy euro na drogi.", 40_000, "EUR"),
        ("Bezrobocie spadło do 5,2 proc.", 5.2, "%"),
        ("Bezrobocie spadło do 5,2 procent.", 5.2, "%"),
        ("Most ma 420 metrów długości.", 420, "metr"),
        ("Do miasta wróciło 15 polskich żołnierzy.", 15, "żołnierz"),
        ("Zebrano dwa tysiące pięćset podpisów.", 2500, "podpis"),
    ],
)
def test_polish_counts_sums_and_measures(text: str, value: float, unit: str) -> None:
    q = one(text, "pl")
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize(
    "text",
    [
        "Pociąg przyjechał 14 kwietnia.",
        "Spotkanie zaczęło się o godz. 14.",
        "Ustawa weszła w życie w 2019 r.",
        "Ustawa weszła w życie w 2019 roku.",
        "Zajął 3. miejsce w biegu.",
    ],
)
def test_polish_dates_times_and_ordinals_are_no_counts(text: str) -> None:
    assert find_quantities(text, "pl") == []


def test_polish_ranges_hedges_and_vague_amounts() -> None:
    span = one("Rannych jest między 10 a 20 osób.", "pl")
    assert (span.value, span.upper, span.unit) == (10, 20, "osoba")
    assert one("Ewakuowano ponad 300 mieszkańców.", "pl").approximate
    many = one("Na placu zebrało się kilkaset osób.", "pl")
    assert (many.value, many.upper, many.unit) == (200, 999, "osoba")
    a, b = one("W pożarze zginęło 5 osób.", "pl"), one("W pożarze zginęły 4 osoby.", "pl")
    assert quantities_agree(a, b) is False
    assert unit_key(a.unit) == "person"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Bağış sayısı 48 bini geçti.", 48_000, None),
        ("Ziyaretçi sayısı 2 milyon 415 bini aştı.", 2_415_000, None),
    ],
)
def test_turkish_case_endings_on_the_scale_word(text: str, value: float, unit: str | None) -> None:
    q = one(text, "tr")
    assert (q.value, q.unit) == (value, unit)


def test_polish_verbs_and_number_words_after_a_count_are_no_noun() -> None:
    assert values("W wypadku zginęło 6 osób, a 40 zostało rannych.", "pl") == [(6, "osoba"), (40, None)]
    assert values("Jest 8 jedna po drugiej.", "pl") == [(8, None)]


def test_turkish_verbs_after_a_count_are_no_noun_and_nouns_with_endings_are() -> None:
    assert values("Kazada 4 yaralandı.", "tr") == [(4, None)]
    assert values("Ekip 3 kenti gezdi.", "tr") == [(3, "kent")]


@pytest.mark.parametrize(
    ("bound", "other", "language"),
    [
        ("Kazada en az 12 kişi yaralandı.", "Kazada 14 kişi yaralandı.", "tr"),
        ("Kazada 300'den fazla kişi yaralandı.", "Kazada 350 kişi yaralandı.", "tr"),
        ("Kazada 300'ü aşkın kişi yaralandı.", "Kazada 350 kişi yaralandı.", "tr"),
        ("Kazada en fazla 30 kişi yaralandı.", "Kazada 25 kişi yaralandı.", "tr"),
        ("Kazada 30'a kadar kişi yaralandı.", "Kazada 25 kişi yaralandı.", "tr"),
        ("Kazada 30 kişiye kadar yaralı var.", "Kazada 25 kişi yaralandı.", "tr"),
        ("W wypadku rannych zostało co najmniej 12 osób.", "W wypadku rannych zostało 14 osób.", "pl"),
        ("W wypadku rannych zostało ponad 300 osób.", "W wypadku rannych zostało 350 osób.", "pl"),
        ("W wypadku rannych zostało mniej niż 30 osób.", "W wypadku rannych zostało 25 osób.", "pl"),
    ],
)
def test_turkish_and_polish_bounds_are_met_by_the_figures_they_allow(
    bound: str, other: str, language: str
) -> None:
    a, b = one(bound, language), one(other, language)
    assert quantities_agree(a, b) is not False
    far = one(other.replace("14", "40").replace("350", "900").replace("25", "5"), language)
    assert quantities_agree(a, far) is False


@pytest.mark.parametrize(
    ("text", "shown", "value", "unit"),
    [
        ("Törene 30'a kadar misafir geldi.", "30'a kadar misafir", 30, "misafir"),
        ("Sanığa 5 yıla kadar hapis istendi.", "5 yıla kadar", 5, "yıl"),
        ("Ceza 2 milyon TL'ye kadar çıkabilir.", "2 milyon TL'ye kadar", 2_000_000, "TRY"),
    ],
)
def test_turkish_up_to_is_said_after_the_figure_or_its_noun(
    text: str, shown: str, value: float, unit: str
) -> None:
    # "'e kadar" after a figure or its noun in the dative is "up to": a bound from above
    q = one(text, "tr")
    assert (q.text, q.value, q.unit, q.approximate) == (shown, value, unit, True)
    assert UPPER_BOUND.search(q.text) and not LOWER_BOUND.search(q.text)


def test_turkish_kadar_without_the_dative_is_about() -> None:
    q = one("Meydanda 300 kadar kişi vardı.", "tr")
    assert (q.value, q.unit, q.approximate) == (300, "kişi", True)
    assert not UPPER_BOUND.search(q.text)


def test_polish_no_more_than_bounds_from_above() -> None:
    bound = one("W wypadku rannych zostało nie więcej niż 30 osób.", "pl")
    assert bound.text.startswith("nie więcej niż")
    assert quantities_agree(bound, one("W wypadku rannych zostało 25 osób.", "pl")) is not False
    assert quantities_agree(bound, one("W wypadku rannych zostało 45 osób.", "pl")) is False


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("При наводнении погибли 9 человек.", 9, "человек"),
        ("При наводнении погибли девять человек.", 9, "человек"),
        ("Эвакуировали 1 250 жителей.", 1250, "житель"),
        ("На площадь пришли 12 тыс. человек.", 12_000, "человек"),
        ("Ремонт обойдется в 2,5 млн рублей.", 2_500_000, "RUB"),
        ("Цены выросли на 4,5 процента.", 4.5, "%"),
        ("Цены выросли на 4,5%.", 4.5, "%"),
        ("Мост длиной 420 метров.", 420, "метр"),
        ("В город вернулись 15 российских военных.", 15, "военный"),
    ],
)
def test_russian_counts_sums_and_measures(text: str, value: float, unit: str) -> None:
    q = one(text, "ru")
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize(
    "text",
    [
        "Поезд прибыл 14 апреля.",
        "Закон принят в 2019 году.",
        "Закон принят в 2019 г.",
        "Пришел один человек.",
    ],
)
def test_russian_dates_years_and_one_are_no_counts(text: str) -> None:
    assert find_quantities(text, "ru") == []


def test_russian_ranges_bounds_and_vague_amounts() -> None:
    span = one("Ранены от 10 до 20 человек.", "ru")
    assert (span.value, span.upper, span.unit) == (10, 20, "человек")
    many = one("На площади собрались сотни человек.", "ru")
    assert (many.value, many.upper) == (200, 999)
    bound = one("Ранены более 300 человек.", "ru")
    assert quantities_agree(bound, one("Ранены 350 человек.", "ru")) is not False
    assert quantities_agree(bound, one("Ранены 900 человек.", "ru")) is False
    assert quantities_agree(one("Погибли 5 человек.", "ru"), one("Погибли 7 человек.", "ru")) is False
    assert unit_key("человек") == "person" and unit_key("житель") == "resident"


def test_a_polish_participle_before_the_noun_is_skipped() -> None:
    assert values("W szkole jest 30 zaszczepionych dzieci.", "pl") == [(30, "dziecko")]
    assert values("Wykryto 140 nowych, groźnych przypadków.", "pl") == [(140, "nowy")]


# --- Arabic (eighteenth session; our own sentences) -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "key"),
    [
        ("قتل 14 شخصا في الحريق.", 14, "person"),
        ("قتل ١٤ شخصا في الحريق.", 14, "person"),
        ("أصيب 120 شخص في الحادث.", 120, "person"),
        ("تدفع المدينة 3.5 مليون دولار.", 3_500_000, "usd"),
        ("تدفع المدينة ٣٫٥ مليون دولار.", 3_500_000, "usd"),
        ("بلغت الكلفة 1,250 يورو.", 1250, "eur"),
        ("تدفع الشركة $40 مليون.", 40_000_000, "usd"),
        ("ارتفعت النسبة إلى 7 بالمئة.", 7, "%"),
        ("ارتفعت النسبة إلى 7 في المئة.", 7, "%"),
        ("ارتفعت النسبة إلى 7%.", 7, "%"),
        ("ارتفعت النسبة إلى ٧٪.", 7, "%"),
        ("طول السياج 40 مترا.", 40, "m"),
        ("قطعت القافلة 12 كيلومترا.", 12, "km"),
        ("شارك 20 ألف شخص في المسيرة.", 20_000, "person"),
        ("شارك 3 آلاف شخص في المسيرة.", 3_000, "person"),
        ("سقط 12 قتيلا و30 جريحا.", 12, "dead"),
        ("استمر البناء 5 أعوام.", 5, "year"),
        ("سجلت الوزارة 45.000 إصابة.", 45_000, "اصابه"),
        ("سجلت الوزارة 1.250 مليار دولار.", 1_250_000_000, "usd"),
        ("سجلت الوزارة 4 وفيات جديدة.", 4, "dead"),
        ("سجلت الوزارة 300 حالة وفاة.", 300, "dead"),
        ("سجلت الوزارة 300 حالة جديدة.", 300, "case"),
    ],
)
def test_arabic_digits_sums_percent_and_counted_nouns(text: str, value: float, key: str) -> None:
    q = find_quantities(text, "ar")[0]
    assert q.value == pytest.approx(value)
    assert unit_key(q.unit) == key


@pytest.mark.parametrize(
    ("text", "value", "key"),
    [
        ("قتل ثلاثة أشخاص في الحادث.", 3, "person"),
        ("أصيب خمسة وعشرون شخصا.", 25, "person"),
        ("وصل ثلاثة عشر لاعبا إلى المطار.", 13, "لاعب"),
        ("شارك ثلاثة آلاف شخص في المسيرة.", 3_000, "person"),
        ("بنيت مئة وخمسون شقة.", 150, "شقه"),
        ("بلغ عدد الزوار ثلاثمائة زائر.", 300, "زائر"),
        ("استمر البناء عشر سنوات.", 10, "year"),
        ("وصل عشرون جنديا.", 20, "soldier"),
    ],
)
def test_arabic_number_words(text: str, value: float, key: str) -> None:
    q = one(text, "ar")
    assert (q.value, unit_key(q.unit)) == (value, key)


@pytest.mark.parametrize(
    "text",
    [
        "قال أحد الشهود إن الحريق بدأ ليلا.",
        "وقع الحادث يوم الاثنين.",
        "جاء واحد منهم.",
        "وصلت الحافلة السابعة عشرة إلى المحطة.",
        "يبدأ الامتحان في الثالث عشر من الشهر.",
    ],
)
def test_arabic_one_alone_weekdays_and_ordinals_are_no_counts(text: str) -> None:
    assert find_quantities(text, "ar") == []


def test_arabic_writes_the_rest_of_a_figure_after_its_scale_word() -> None:
    q = one("وصل إجمالي الشحنات إلى 17 ألف و450 طنا.", "ar")
    assert (q.value, unit_key(q.unit)) == (17_450, "tonne")
    assert one("بلغت الخسائر 3 ملايين و200 ألف دولار.", "ar").value == 3_200_000


def test_arabic_figures_after_a_glued_conjunction_and_ranges() -> None:
    assert [(v, unit_key(u)) for v, u in values("سقط 12 قتيلا و30 جريحا.", "ar")] == [
        (12, "dead"),
        (30, "injured"),
    ]
    span = one("أصيب بين 10 و20 شخصا.", "ar")
    assert (span.value, span.upper, unit_key(span.unit)) == (10, 20, "person")
    span = one("يبلغ الوزن ما بين 410 إلى 460 كيلوغراما.", "ar")
    assert (span.value, span.upper) == (410, 460)
    assert [q.value for q in find_quantities("ارتفع العدد من 10 إلى 20 شخصا.", "ar")] == [10, 20]
    many = one("شارك عشرات الآلاف في المسيرة.", "ar")
    assert (many.value, many.upper, many.approximate) == (20_000, 99_999, True)


@pytest.mark.parametrize(
    "text",
    [
        "وصل القطار في 12 مايو.",
        "وصل القطار في 12 أيار.",
        "وصل القطار في 12 ماي.",
        "وصل القطار في 12 جويلية.",
        "وصل القطار في 12 كانون الثاني.",
        "بدأ الاجتماع الساعة 10 صباحا.",
        "بدأ الاجتماع في 10 مساء.",
        "صدر القانون عام 2019.",
        "كانت أزمة 2008 هي الأسوأ.",
        "نتائج مهرجان 2031 كاملة.",
        "بدأ التسجيل يوم 9 /3 /2031.",
        "طورت الشركة الطراز س-40.",
        "قال إن النموذج -40 انتشر بسرعة.",
        "بدأ البث 8 مارس 2031 - 5 : 40 مساء.",
        "نشرت التغريدة March 3, 2031 على الموقع.",
        "يقام المعرض 2031 كما أعلن الوزير.",
    ],
)
def test_arabic_dates_times_and_years_are_no_counts(text: str) -> None:
    assert find_quantities(text, "ar") == []


@pytest.mark.parametrize(
    ("text", "lower", "upper"),
    [
        ("حضر أكثر من 30 ضيفا.", True, False),
        ("حضر 30 ضيفا على الأقل.", True, False),
        ("حضر ما لا يقل عن 30 ضيفا.", True, False),
        ("حضر ما يصل إلى 30 ضيفا.", False, True),
        ("حضر أقل من 30 ضيفا.", False, True),
        ("حضر نحو 30 ضيفا.", False, False),
    ],
)
def test_arabic_hedges_and_bounds(text: str, lower: bool, upper: bool) -> None:
    q = one(text, "ar")
    assert (q.value, q.approximate) == (30, True)
    assert (bool(LOWER_BOUND.search(q.text)), bool(UPPER_BOUND.search(q.text))) == (lower, upper)


def test_arabic_counts_meet_counts_of_other_languages() -> None:
    arabic = one("قتل 14 شخصا في الحريق.", "ar")
    assert quantities_agree(arabic, one("The fire killed 14 people.", "en")) is True
    assert quantities_agree(arabic, one("The fire killed 20 people.", "en")) is False
    assert quantities_agree(
        one("تدفع المدينة 3.5 مليون دولار.", "ar"), one("The city pays $3.5 million.", "en")
    )


# --- A figure said in a negated clause (eighteenth session; our own sentences) ----------------------


@pytest.mark.parametrize(
    ("text", "language", "negated"),
    [
        ("Die Stadt hat die 5 Millionen Euro nicht gezahlt.", "de", [True]),
        ("Die Stadt hat nicht 5 Millionen Euro gezahlt, sondern 3 Millionen Euro.", "de", [True, False]),
        ("Es wurden keine 12 Häuser zerstört.", "de", [True]),
        ("Es kamen nicht mehr als 30 Gäste.", "de", [False]),
        ("Es kamen nicht nur 30 Gäste.", "de", [False]),
        ("Es kamen 30 Gäste, die Polizei griff nicht ein.", "de", [False]),
        ('"Wir geben nicht auf." Die Stadt erwartet 30 Gäste.', "de", [False]),
        ("The city did not pay 5 million dollars.", "en", [True]),
        ("The city didn't pay $5 million but $3 million.", "en", [True, False]),
        ("The city never paid the 40 workers.", "en", [True]),
        ("No more than 30 guests came.", "en", [False]),
        ("Not even 30 guests came.", "en", [False]),
        ("30 guests came, but the mayor did not.", "en", [False]),
        ("La ville n'a pas payé les 5 millions d'euros.", "fr", [True]),
        ("La ciudad no pagó 5 millones de euros.", "es", [True]),
        ("No más de 30 invitados llegaron.", "es", [False]),
        ("Il comune non ha pagato 5 milioni di euro.", "it", [True]),
        ("A cidade não pagou 5 milhões de euros.", "pt", [True]),
        ("De stad heeft de 5 miljoen euro niet betaald.", "nl", [True]),
        ("Gmina nie zapłaciła 5 mln zł za drogi.", "pl", [True]),
        ("Przyszło nie więcej niż 30 osób.", "pl", [False]),
        ("Gmina zapłaciła 5 mln zł, ale wykonawca nie skończył.", "pl", [False]),
        ("Город не заплатил 5 млн рублей.", "ru", [True]),
        ("Пришли не более 30 гостей.", "ru", [False]),
        # a negated bound is a bound, "not only" adds, French "ne … que" is "only"
        ("Not more than 30 people came to the meeting.", "en", [False]),
        ("Nicht mehr als 30 Menschen kamen zur Versammlung.", "de", [False]),
        ("Il n'y a pas moins de 300 personnes sur la place.", "fr", [False]),
        ("Le club n'a payé que 3 millions d'euros.", "fr", [False]),
        ("No menos de 300 personas acudieron a la plaza.", "es", [False]),
        ("Na spotkanie przyszło nie więcej niż 30 osób.", "pl", [False]),
        ("Nobody was hurt, and 40 people were taken to a school.", "en", [False]),
        # the negator near the figure: at most five words before it, three after it
        ("The club didn't pay the 5 million euros it owed.", "en", [True]),
        ("Firma nie zapłaciła kary w wysokości 300 tys. zł.", "pl", [True]),
        ("The mayor never told the press which firm would build the 40 new flats.", "en", [False]),
        ("Nicht so stark betroffen war in diesem Jahr der kleine Hafen mit 30 Schiffen.", "de", [False]),
        ("The 15 boats that joined the fleet last week are not yet insured.", "en", [False]),
        # a hyphen between spaces is a dash: it ends the clause
        ("The mayor had never visited the harbour - after 30 boats sank there he came.", "en", [False]),
    ],
)
def test_a_figure_in_a_negated_clause_is_marked(text: str, language: str, negated: list[bool]) -> None:
    assert [q.negated for q in find_quantities(text, language)] == negated


def test_the_negated_mark_is_in_the_json_only_when_set() -> None:
    paid, unpaid = (
        one("Die Stadt zahlte 5 Millionen Euro."),
        one("Die Stadt zahlte die 5 Millionen Euro nicht."),
    )
    assert "negated" not in paid.to_json()
    assert unpaid.to_json()["negated"] is True
    assert Quantity.from_json(unpaid.to_json()).negated


# --- What a figure is read as, by language: README "Languages" (eighteenth session; our own sentences) ---

# (a count of people, money, percent, a length, up to, at least, more than, a number word, local format),
# each sentence's figure with its value; the bounds are read as approximate
FIGURE_TABLE: dict[str, list[tuple[str, float]]] = {
    "de": [
        ("Beim Brand starben 14 Bewohner.", 14),
        ("Die Stadt zahlt 3,5 Millionen Euro.", 3.5e6),
        ("Die Quote stieg auf 7 Prozent.", 7),
        ("Der Zaun ist 40 Meter lang.", 40),
        ("Es kamen bis zu 30 Gäste.", 30),
        ("Es kamen mindestens 30 Gäste.", 30),
        ("Es kamen mehr als 30 Gäste.", 30),
        ("Zwanzig Gäste kamen.", 20),
        ("Es kamen 1.234,5 Tonnen an.", 1234.5),
    ],
    "en": [
        ("The fire killed 14 residents.", 14),
        ("The city pays 3.5 million dollars.", 3.5e6),
        ("The rate rose to 7 percent.", 7),
        ("The fence is 40 metres long.", 40),
        ("Up to 30 guests came.", 30),
        ("At least 30 guests came.", 30),
        ("More than 30 guests came.", 30),
        ("Twenty guests came.", 20),
        ("They shipped 1,234.5 tonnes.", 1234.5),
    ],
    "fr": [
        ("L'incendie a tué 14 habitants.", 14),
        ("La ville paie 3,5 millions d'euros.", 3.5e6),
        ("Le taux a atteint 7 %.", 7),
        ("La clôture mesure 40 mètres.", 40),
        ("Jusqu'à 30 invités sont venus.", 30),
        ("Au moins 30 invités sont venus.", 30),
        ("Plus de 30 invités sont venus.", 30),
        ("Vingt invités sont venus.", 20),
        ("Ils ont livré 1 234,5 tonnes.", 1234.5),
    ],
    "es": [
        ("El incendio mató a 14 vecinos.", 14),
        ("La ciudad paga 3,5 millones de euros.", 3.5e6),
        ("La tasa subió al 7 %.", 7),
        ("La valla mide 40 metros.", 40),
        ("Vinieron hasta 30 invitados.", 30),
        ("Vinieron al menos 30 invitados.", 30),
        ("Vinieron más de 30 invitados.", 30),
        ("Veinte invitados vinieron.", 20),
        ("Enviaron 1.234,5 toneladas.", 1234.5),
    ],
    "it": [
        ("L'incendio ha ucciso 14 abitanti.", 14),
        ("La città paga 3,5 milioni di euro.", 3.5e6),
        ("Il tasso è salito al 7 per cento.", 7),
        ("Il recinto è lungo 40 metri.", 40),
        ("Sono arrivati fino a 30 ospiti.", 30),
        ("Sono arrivati almeno 30 ospiti.", 30),
        ("Sono arrivati più di 30 ospiti.", 30),
        ("Venti ospiti sono arrivati.", 20),
        ("Sono arrivati 25mila visitatori.", 25_000),
    ],
    "pt": [
        ("O incêndio matou 14 moradores.", 14),
        ("A cidade paga 3,5 milhões de euros.", 3.5e6),
        ("A taxa subiu para 7 por cento.", 7),
        ("A cerca tem 40 metros.", 40),
        ("Vieram até 30 convidados.", 30),
        ("Vieram pelo menos 30 convidados.", 30),
        ("Vieram mais de 30 convidados.", 30),
        ("Vinte convidados vieram.", 20),
        ("Custa 2 mil milhões de euros.", 2e9),
    ],
    "nl": [
        ("Bij de brand kwamen 14 bewoners om.", 14),
        ("De stad betaalt 3,5 miljoen euro.", 3.5e6),
        ("Het tarief steeg tot 7 procent.", 7),
        ("Het hek is 40 meter lang.", 40),
        ("Er kwamen maximaal 30 gasten.", 30),
        ("Er kwamen minstens 30 gasten.", 30),
        ("Er kwamen meer dan 30 gasten.", 30),
        ("Twintig gasten kwamen.", 20),
        ("Ze leverden 1.234,5 ton.", 1234.5),
    ],
    "pl": [
        ("W pożarze zginęło 14 mieszkańców.", 14),
        ("Miasto zapłaci 3,5 mln zł.", 3.5e6),
        ("Stopa wzrosła do 7 proc.", 7),
        ("Płot ma 40 metrów.", 40),
        ("Przyszło najwyżej 30 widzów.", 30),
        ("Przyszło co najmniej 30 widzów.", 30),
        ("Przyszło ponad 30 widzów.", 30),
        ("Przyszło dwudziestu widzów.", 20),
        ("Wysłano 1 234,5 tony.", 1234.5),
    ],
    "tr": [
        ("Yangında 14 kişi öldü.", 14),
        ("Belediye 3,5 milyon lira ödeyecek.", 3.5e6),
        ("Oran yüzde 7'ye çıktı.", 7),
        ("Çit 40 metre uzunluğunda.", 40),
        ("Törene 30'a kadar misafir geldi.", 30),
        ("Törene en az 30 misafir geldi.", 30),
        ("Törene 30'dan fazla misafir geldi.", 30),
        ("Yirmi misafir geldi.", 20),
        ("1.234,5 ton gönderildi.", 1234.5),
    ],
    "ru": [
        ("При пожаре погибли 14 жителей.", 14),
        ("Город заплатит 3,5 млн рублей.", 3.5e6),
        ("Ставка выросла до 7 процентов.", 7),
        ("Забор длиной 40 метров.", 40),
        ("Пришли не более 30 зрителей.", 30),
        ("Пришли не менее 30 зрителей.", 30),
        ("Пришли более 30 зрителей.", 30),
        ("Пришли двадцать зрителей.", 20),
        ("Отправили 1 234,5 тонны.", 1234.5),
    ],
    "ar": [
        ("قتل 14 شخصا في الحريق.", 14),
        ("تدفع المدينة 3.5 مليون دولار.", 3.5e6),
        ("ارتفعت النسبة إلى 7 بالمئة.", 7),
        ("طول السياج 40 مترا.", 40),
        ("حضر ما يصل إلى 30 ضيفا.", 30),
        ("حضر 30 ضيفا على الأقل.", 30),
        ("حضر أكثر من 30 ضيفا.", 30),
        ("حضر عشرون ضيفا.", 20),
        ("قتل ١٤ شخصا في الحريق.", 14),
    ],
}


@pytest.mark.parametrize("language", sorted(FIGURE_TABLE))
def test_the_figure_table_of_the_readme(language: str) -> None:
    for column, (sentence, value) in enumerate(FIGURE_TABLE[language]):
        q = one(sentence, language)
        assert q.value == pytest.approx(value), (column, sentence)
        assert q.approximate == (4 <= column <= 6), (column, sentence)
        if column == 1:
            assert unit_key(q.unit) in {"eur", "usd", "pln", "try", "rub"}, (column, sentence)
        if column == 2:
            assert unit_key(q.unit) == "%", (column, sentence)
    assert find_quantities("这座城市支付了350万美元。", "zh") == []  # Chinese is not read
