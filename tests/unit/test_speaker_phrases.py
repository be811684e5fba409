"""German speaker phrases that ran into the words after them or gave no speaker: the one told in the
dative after an inverted speaker ("sagte <Name> der <Zeitung>"), and a place after the speaker's noun
("Die Polizei in <Town> sagte"). Our own sentences, names and places (nineteenth session)."""

from __future__ import annotations

import pytest

from blickwinkel.analyse.quote_marks import find_quotations
from blickwinkel.analyse.speakers import find_speaker
from tests.unit.test_quotes import make_article, roles_by_sentence


def _speaker(text: str) -> str | None:
    found = find_speaker(text, find_quotations(text), "de")
    return None if found is None else found[0]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "„Wir sind vorbereitet“, sagte Bürgermeisterin Wiebke Tamm der Lokalzeitung.",
            "Bürgermeisterin Wiebke Tamm",
        ),
        (
            "„Die Fähre fährt wieder“, sagte Hafenmeister Jost Ebeling der Nachrichtenagentur.",
            "Hafenmeister Jost Ebeling",
        ),
        (
            "„Der Schaden ist groß“, sagte die Landwirtin Gesa Piel der Kornauer Rundschau am Montag.",
            "die Landwirtin Gesa Piel",
        ),
        ("„Wir ermitteln“, erklärte ein Sprecher der Deutschen Presse-Agentur.", "ein Sprecher"),
        (
            "Die Brücke bleibe gesperrt, bestätigte Ortsvorsteher Eike Bramm der Zeitung.",
            "Ortsvorsteher Eike Bramm",
        ),
        ("„Das war knapp“, sagte der Vater der Mediengruppe Nordlicht.", "der Vater"),
    ],
)
def test_the_one_told_in_the_dative_is_no_part_of_the_speaker(text: str, speaker: str) -> None:
    assert _speaker(text) == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a genitive that names whose the speaker is stays
        ("„Der Schaden ist groß“, sagte der Sprecher der Stadtwerke.", "der Sprecher der Stadtwerke"),
        (
            "„Wir drucken weiter“, sagte die Chefredakteurin der Kornauer Zeitung.",
            "die Chefredakteurin der Kornauer Zeitung",
        ),
        (
            "„Wir senden weiter“, sagte ein Reporter der Nachrichtenagentur.",
            "ein Reporter der Nachrichtenagentur",
        ),
        ("Die Sprecherin der Zeitung sagte, der Druck laufe wieder.", "die Sprecherin der Zeitung"),
        # the dative "dem" never was part of it
        (
            "„Wir sind bereit“, sagte ein Sprecher der Feuerwehr dem Radiosender.",
            "ein Sprecher der Feuerwehr",
        ),
    ],
)
def test_a_genitive_of_the_speaker_stays(text: str, speaker: str) -> None:
    assert _speaker(text) == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Die Polizei in Kornau sagte, der Fahrer sei leicht verletzt worden.", "die Polizei"),
        ("Die Feuerwehr in Bad Wiesenau teilte mit, es habe keine Verletzten gegeben.", "die Feuerwehr"),
        ("Ein Sprecher der Polizei in Kornau erklärte, die Straße sei frei.", "ein Sprecher der Polizei"),
        ("Die Stadtwerke aus Kornau kündigten an, die Preise zu senken.", "die Stadtwerke"),
    ],
)
def test_a_place_after_the_speaker_before_the_verb(text: str, speaker: str) -> None:
    assert _speaker(text) == speaker


def test_the_police_of_a_town_speak_in_the_statement_roles() -> None:
    article, sentences = make_article(
        [("paragraph", "Die Polizei in Kornau sagte, der Fahrer sei leicht verletzt worden.")]
    )
    (role,) = roles_by_sentence(article, sentences).values()
    assert role.kind == "reported_speech" and role.speaker is not None, role
    assert "polizei" in role.speaker.lower(), role


def test_a_phrase_opened_by_a_preposition_before_a_place_is_no_speaker() -> None:
    text = "Zu Gast in Wiesenau betonte der Landrat am Dienstag: Die Schule bleibt offen."
    assert _speaker(text) == "der Landrat"


@pytest.mark.parametrize(
    ("text", "language", "speaker"),
    [
        # a document with its issuer: the issuer speaks
        ("Laut einem Bericht des Kornauer Bauamts ist die Brücke marode.", "de", "des Kornauer Bauamts"),
        (
            "Einer Studie der Hochschule Wiesenau zufolge sinkt die Zahl der Pendler.",
            "de",
            "der Hochschule Wiesenau",
        ),
        ("Die Fähre fährt wieder, heißt es in einer Mitteilung der Reederei.", "de", "der Reederei"),
        ("Laut einer Stellungnahme von Landrat Piet Olde ist alles geprüft.", "de", "Landrat Piet Olde"),
        ("Einer KWB-Mitteilung zufolge fahren die Busse wieder.", "de", "KWB"),
        ("According to a survey by the Kestrel Institute, most people cycle.", "en", "the Kestrel Institute"),
        (
            "The harbour will stay closed, according to a statement from the port authority.",
            "en",
            "the port authority",
        ),
        # a document that names no issuer is no speaker
        ("Dem Bericht zufolge stieg die Zahl der Anträge auf 40.", "de", None),
        ("„Die Zahl steigt“, heißt es in der Studie.", "de", None),
        ("Laut einer aktuellen Umfrage fahren viele mit dem Rad.", "de", None),
        ("Der Jahresbericht warnt, die Kasse des Vereins sei leer.", "de", None),
        ("The report said the bridge was unsafe.", "en", None),
        ("According to the study, the number of commuters fell.", "en", None),
        # a paper named "Post" is no document
        ('"We stay," the Lakeside Post said.', "en", "the Lakeside Post"),
    ],
)
def test_a_document_speaks_through_its_issuer_or_not_at_all(
    text: str, language: str, speaker: str | None
) -> None:
    found = find_speaker(text, find_quotations(text), language)
    assert (None if found is None else found[0]) == speaker


def test_a_speaker_is_no_other_person_of_the_same_family_name() -> None:
    # "<Given> Reyes" speaks where only "Tom Reyes" was tagged: the last word alone keyed the speaker as
    # Tom Reyes, and his voice took the other person's quotes (nineteenth session, invented names)
    from blickwinkel.analyse.speakers import speaker_entity_key
    from blickwinkel.model import Mention

    tom = Mention("Tom Reyes", 0, 9, "PER", "per:tom-reyes")
    assert speaker_entity_key("Lena Reyes", None, [tom], []) == "Lena Reyes"
    assert speaker_entity_key("Mayor Reyes", None, [tom], []) == "per:tom-reyes"
    assert speaker_entity_key("Reyes", None, [tom], []) == "per:tom-reyes"
    assert speaker_entity_key("der Bürgermeister Reyes", None, [tom], []) == "per:tom-reyes"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Die Fähre fährt wieder, wie Hafenmeister Jost Ebeling am Dienstag dem Lokalsender Radio Kornau "
            "sagte.",
            "Hafenmeister Jost Ebeling",
        ),
        (
            "Die Fähre fährt wieder, wie der Hafenmeister am Dienstagabend gegenüber der Zeitung sagte.",
            "der Hafenmeister",
        ),
        ("Wie die Reederei am Morgen auf Anfrage mitteilte, fährt die Fähre wieder.", "die Reederei"),
    ],
)
def test_wie_x_sagte_with_a_time_and_the_one_told_before_the_verb(text: str, speaker: str) -> None:
    assert _speaker(text) == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Jana Kroll, Vorsitzende des „Vereins Grünland“, fordert die Schließung der Messe "
            "„Tag des Waldes“.",
            "Jana Kroll",
        ),
        (
            "Jana Kroll, Vorsitzende des Vereins Grünland, fordert die Schließung der Messe.",
            "Jana Kroll",
        ),
        (
            "Jana Kroll, Vorsitzende des „Vereins Grünland“, forderte am Dienstag die Schließung der Messe.",
            "Jana Kroll",
        ),
        ("Jana Kroll, Vorsitzende des „Vereins Grünland“, sagte, die Messe sei zu teuer.", "Jana Kroll"),
        (
            "Die Vorsitzende des „Vereins Grünland“, Jana Kroll, kritisiert die Pläne der Stadt.",
            "Jana Kroll",
        ),
        # an inverted speaker stays: the verb's subject follows it
        (
            "Am Dienstag forderte die Vorsitzende des Vereins die Schließung der Messe.",
            "die Vorsitzende des Vereins",
        ),
    ],
)
def test_a_name_before_its_apposition_is_the_subject_not_the_object_after_the_verb(
    text: str, speaker: str
) -> None:
    assert _speaker(text) == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a list before the verb: the inverted speaker after it
        (
            "Die Boote kamen aus Wiesenau, Kornau, Lindhaven oder Ostmoor, teilte die Wasserwacht mit.",
            "die Wasserwacht",
        ),
        # an answer particle, a clause that was said
        ("Nein, kein Fest in diesem Jahr, sagt der Wirt.", "der Wirt"),
        ("Ja, es ist ein langer Winter, sagt Gärtnerin Ilse Morn.", "Gärtnerin Ilse Morn"),
        ("Holz, Stahl und Glas sollten bald teurer werden, sagen Händler.", "Händler"),
        ("Nein, ein Fehler sei das nicht, sagt der Bauleiter.", "der Bauleiter"),
    ],
)
def test_a_list_or_a_clause_before_the_verb_is_no_apposition(text: str, speaker: str) -> None:
    assert _speaker(text) == speaker


def test_a_doctor_named_in_an_apposition_speaks() -> None:
    text = "Die Sprecherin der Klinik, Dr. Wiebke Tamm, dementierte die Berichte am Montag."
    assert _speaker(text) == "Dr. Wiebke Tamm"


def test_a_name_in_quotation_marks_in_an_apposition_is_no_quote() -> None:
    article, sentences = make_article(
        [
            (
                "paragraph",
                "Jana Kroll, Vorsitzende des „Vereins Grünland“, fordert die Schließung der Messe "
                "„Tag des Waldes“.",
            )
        ]
    )
    (role,) = roles_by_sentence(article, sentences).values()
    assert role.kind != "quote" and not role.quote_spans, role
    # as without the quotation marks
    plain, plain_sentences = make_article(
        [("paragraph", "Jana Kroll, Vorsitzende des Vereins Grünland, fordert die Schließung der Messe.")]
    )
    assert role.kind == next(iter(roles_by_sentence(plain, plain_sentences).values())).kind


def test_words_in_quotation_marks_before_an_inverted_speaker_stay_a_quote() -> None:
    article, sentences = make_article(
        [("paragraph", "Der Umbau sei der „wichtigste Auftrag“, sagte Jana Kroll.")]
    )
    (role,) = roles_by_sentence(article, sentences).values()
    assert role.kind == "quote" and role.quote_spans, role


def test_words_after_a_closing_quotation_mark_open_no_apposition() -> None:
    text = (
        "Seitdem gebe es einen „guten Draht“ und eine enge Abstimmung von Vorstand, Beirat und den "
        "Ortsvereinen, erklärten die Sprecher."
    )
    assert _speaker(text) == "die Sprecher"
