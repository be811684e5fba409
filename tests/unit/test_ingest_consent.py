"""A cookie consent wall fetched or saved in place of an article is refused with I059 naming the file;
an article about cookie rules and an article page with a cookie banner are read as before. Invented
pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from blickwinkel.errors import IngestError
from blickwinkel.ingest import read_inputs, read_text
from blickwinkel.ingest._consent import is_consent_wall


def _page(title: str, paragraphs: list[str], lang: str = "en", extra: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head>'
        f"<body><main><h1>{title}</h1>{body}{extra}</main></body></html>"
    )


WALL_EN = _page(
    "Before you continue to Harbour Weekly",
    [
        "We and our partners use cookies and similar data on your device to show you personalised "
        "ads and content, to measure advertising and to learn about our audience.",
        'If you choose "Accept all", we will also use cookies to develop new services and to deliver '
        "and measure the effectiveness of ads, depending on your settings.",
        'If you choose "Reject all", we will not use cookies for these purposes. You can change your '
        "choices at any time under privacy settings.",
    ],
    extra="<button>Reject all</button><button>Accept all</button>",
)
WALL_DE = _page(
    "Wir brauchen Ihre Zustimmung",
    [
        "Wir und unsere 87 Partner speichern Informationen auf Ihrem Gerät, etwa Cookies, und "
        "verarbeiten personenbezogene Daten für personalisierte Werbung und Inhalte.",
        "Sie können Ihre Auswahl jederzeit in den Datenschutzeinstellungen ändern oder widerrufen.",
        "Alternativ lesen Sie unser Angebot werbefrei mit einem Pur-Abo.",
    ],
    lang="de",
    extra="<button>Alle akzeptieren</button>",
)
# A report about consent rules: many consent words, but paragraphs of its own and no choice offered.
COOKIE_RULES_REPORT = _page(
    "Court limits cookie banners",
    [
        "The regional court in Marrowby ruled on Tuesday that websites must offer a button to refuse "
        "cookies that is as visible as the one to accept them.",
        "The consumer group that brought the case said the ruling would change the banners of "
        "hundreds of news sites and shops.",
        "Judge Alma Fenwick said consent given under pressure was no consent under the privacy law.",
        "An association of publishers said it would study the written ruling before deciding whether "
        "to appeal. Its members earn most of their money from advertising.",
        "The ruling takes effect in three months.",
    ],
)


@pytest.mark.parametrize("page", [WALL_EN, WALL_DE], ids=["en", "de"])
def test_a_consent_wall_is_refused_with_the_file_named(page: str, tmp_path: Path) -> None:
    with pytest.raises(IngestError, match=r"wall\.html: \[I059\] looks like a cookie consent page"):
        read_text(page, source="wall.html")
    (tmp_path / "wall.html").write_text(page, encoding="utf-8")
    (tmp_path / "report.html").write_text(COOKIE_RULES_REPORT, encoding="utf-8")
    result = read_inputs([str(tmp_path)])
    assert [a.title for a in result.articles] == ["Court limits cookie banners"]
    assert [(Path(f.source).name, "[I059]" in str(f)) for f in result.failures] == [("wall.html", True)]


def test_an_article_about_cookie_rules_or_with_a_banner_is_read() -> None:
    assert read_text(COOKIE_RULES_REPORT, source="r.html").title == "Court limits cookie banners"
    banner = (
        '<div id="cookie-consent"><p>We use cookies to personalise content and ads. '
        "Accept all or manage your settings.</p></div>"
    )
    page = COOKIE_RULES_REPORT.replace("<main>", "<main>" + banner)
    assert "Judge Alma Fenwick" in read_text(page, source="b.html").text


def test_is_consent_wall_needs_a_choice_and_mostly_consent_talk() -> None:
    talk = "We and our partners store cookies on your device for personalised ads."
    assert is_consent_wall([talk, "Accept all or manage your settings for privacy and cookies."])
    assert not is_consent_wall([talk, talk])  # no choice offered
    assert not is_consent_wall([talk, "Accept all.", "The mayor opened the bridge.", "It cost 3 million."])
    assert not is_consent_wall([])


def test_a_short_report_on_a_vote_about_privacy_is_no_wall() -> None:
    # One paragraph with consent words and the verbs of a vote ("zustimmen", "ablehnen"): no wall.
    report = (
        "Der Landtag in Talfeld soll dem neuen Datenschutzgesetz am Donnerstag zustimmen. Die "
        "Opposition will es ablehnen, weil Werbung mit Cookies weiter erlaubt bleibt."
    )
    assert not is_consent_wall([report])


def test_a_short_report_on_cookie_banners_that_names_the_button_is_no_wall() -> None:
    # Mostly consent talk, the button's words quoted, a mention of cookies: but told of others, not
    # to the reader (it was refused as a wall).
    report = [
        "Die Landesregierung will die Cookie-Banner vereinfachen.",
        "Nutzer sollen ihre Einwilligung für Cookies künftig einmal im Browser festlegen.",
        "Bisher klicken die meisten auf „Alle akzeptieren“, sagt die Verbraucherzentrale; der Datenschutz "
        "bleibe so auf der Strecke.",
        "Die Werbewirtschaft warnt vor Einbußen bei personalisierter Werbung.",
    ]
    assert not is_consent_wall(report)
    assert is_consent_wall([*report[1:], "Wir und unsere Partner speichern Cookies auf Ihrem Gerät."])
