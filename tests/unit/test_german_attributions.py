"""German attributions that name the speaker of another sentence or only by a separable verb: "Das
teilte <X> mit." after what was said, "Er führte aus, dass …", "wie <X> berichtet". Our own sentences
(eighteenth session)."""

from __future__ import annotations

import pytest

from tests.unit.test_quotes import _pipeline_roles, make_article, roles_by_sentence


@pytest.mark.parametrize(
    "pointer",
    [
        "Das teilte die Gemeindeverwaltung am Dienstag mit.",
        "Dies sagte Bürgermeisterin Ida Wendel der Lokalzeitung.",
        "Das erklärte die Gemeindeverwaltung auf Anfrage.",
        "Das bestätigte die Gemeindeverwaltung am Abend.",
    ],
)
def test_a_pointer_sentence_names_the_speaker_of_the_sentence_before(pointer: str) -> None:
    roles = _pipeline_roles(
        ["Die neue Buslinie nach Hollstedt fährt ab Mai im Halbstundentakt. " + pointer], "de"
    )
    (_, said_by), (_, pointer_by) = roles
    assert pointer_by is not None, roles
    assert said_by == pointer_by, roles


def test_a_pointer_sentence_makes_the_sentence_before_reported_speech() -> None:
    article, sentences = make_article(
        [("paragraph", "Der Radweg am Kanal wird im Herbst verbreitert. Das teilte die Stadt Kornau mit.")]
    )
    roles = roles_by_sentence(article, sentences)
    before = roles["Der Radweg am Kanal wird im Herbst verbreitert."]
    assert before.kind == "reported_speech"
    assert before.speaker is not None and "Kornau" in before.speaker


@pytest.mark.parametrize(
    "paragraph",
    [
        # the sentence before has its own speaker: it keeps it
        "Laut Feuerwehr brannte der Dachstuhl. Das teilte auch die Polizei mit.",
        # "Das" as an article of a noun, not a pointer
        "Der Steg ist gesperrt. Das Bauamt teilte mit, die Prüfung dauere an.",
    ],
)
def test_no_pointer_leaves_the_sentence_before_as_it_was(paragraph: str) -> None:
    article, sentences = make_article([("paragraph", paragraph)])
    roles = list(roles_by_sentence(article, sentences).values())
    assert roles[0].speaker != "Polizei" and roles[0].speaker != "Das Bauamt", roles
    if paragraph.startswith("Der Steg"):
        assert roles[0].kind == "reporting", roles


def test_a_pointer_in_the_next_paragraph_does_not_reach_back() -> None:
    article, sentences = make_article(
        [
            ("paragraph", "Der Radweg wird im Herbst verbreitert."),
            ("paragraph", "Das teilte die Stadt Kornau mit."),
        ]
    )
    roles = list(roles_by_sentence(article, sentences).values())
    assert roles[0].kind == "reporting" and roles[0].speaker is None, roles


@pytest.mark.parametrize(
    "text",
    [
        "Er führte aus, dass die Busse im Halbstundentakt fahren sollen.",
        "Zudem führte er aus, die Busse sollen im Halbstundentakt fahren.",
    ],
)
def test_er_fuehrte_aus_is_reported_speech_of_the_person_named_before(text: str) -> None:
    roles = _pipeline_roles(["Verkehrsplaner Jonas Riebe stellte das Konzept am Montag vor. " + text], "de")
    assert roles[-1][1] == "per:jonas-riebe", roles


@pytest.mark.parametrize(
    "text",
    [
        "Die Brücke führte über den Fluss und war aus Holz.",
        "Der Weg führte die Wanderer aus dem Tal.",
        "Die Firma führte den Auftrag im Mai aus.",
    ],
)
def test_fuehrte_without_an_attribution_is_no_speech(text: str) -> None:
    article, sentences = make_article([("paragraph", text)])
    (role,) = roles_by_sentence(article, sentences).values()
    assert role.kind == "reporting", role


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Wie die Lokalzeitung Kornauer Bote berichtet, fährt der Bus auch sonntags.", "Kornauer Bote"),
        ("Wie das Landratsamt mitteilt, fehlen noch zwei Fahrer.", "Landratsamt"),
    ],
)
def test_wie_x_berichtet_in_the_present_names_its_source(text: str, speaker: str) -> None:
    article, sentences = make_article(
        [("paragraph", "Dem Verkehrsverbund zufolge ist die Linie gesichert. " + text)]
    )
    roles = list(roles_by_sentence(article, sentences).values())
    assert roles[-1].kind == "reported_speech", roles
    assert roles[-1].speaker is not None and speaker in roles[-1].speaker, roles


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Zur Erklärung führte das Bauamt aus, dass die Pläne noch fehlten.", "das Bauamt"),
        ("Zum Abschluss sagte die Ministerin, man sei zufrieden.", "die Ministerin"),
        ("Von der Brücke aus sagte die Ministerin, man sei zufrieden.", "die Ministerin"),
    ],
)
def test_a_phrase_opened_by_a_preposition_is_no_speaker(text: str, speaker: str) -> None:
    article, sentences = make_article([("paragraph", text)])
    (role,) = roles_by_sentence(article, sentences).values()
    assert role.speaker == speaker, role


def test_a_reflexive_pointer_is_no_speech() -> None:
    article, sentences = make_article(
        [("paragraph", "Die Brücke war marode. Dies bestätigte sich bei der Prüfung im Mai.")]
    )
    roles = list(roles_by_sentence(article, sentences).values())
    assert [r.kind for r in roles] == ["reporting", "reporting"], roles


@pytest.mark.parametrize(
    "pointer",
    [
        "Das stellte die Gemeinde vor große Probleme.",
        "Das hob die Stimmung der Pendler.",
        "Das teilte den Gemeinderat in zwei Lager.",
        "Das sprach für eine schnelle Lösung.",
    ],
)
def test_a_particle_verb_without_its_particle_is_no_pointer(pointer: str) -> None:
    # "stellte", "hob", "teilte", "sprach" say something only with "klar", "hervor", "mit", "aus"
    # (review of the pointer sentences; our own sentences)
    article, sentences = make_article([("paragraph", "Der Fluss trat über die Ufer. " + pointer)])
    roles = list(roles_by_sentence(article, sentences).values())
    assert [(r.kind, r.speaker) for r in roles] == [("reporting", None), ("reporting", None)], roles


@pytest.mark.parametrize(
    "text",
    [
        "Ein Sprecher des Ordnungsamts Kornau sagte, der Wochenmarkt falle aus.",
        "Wie das Landratsamt Kornau mitteilt, fehlen noch zwei Fahrer.",
    ],
)
def test_an_office_named_after_a_place_speaks_not_the_place(text: str) -> None:
    # "<office> <Place>" was keyed as the place: the voices listed the town, not its office
    ((_, speaker),) = _pipeline_roles([text], "de")
    assert speaker is not None and not speaker.startswith("loc:"), speaker


def test_a_town_itself_still_speaks_as_the_town() -> None:
    ((_, speaker),) = _pipeline_roles(["Die Stadt Kornau teilte mit, die Brücke bleibe gesperrt."], "de")
    assert speaker == "loc:kornau", speaker


def test_a_district_in_the_genitive_still_speaks_as_the_place() -> None:
    ((_, speaker),) = _pipeline_roles(["Ein Sprecher des Kreises Kornau sagte, die Brücke bleibe zu."], "de")
    assert speaker == "loc:kornau", speaker
