"""A cookie consent wall saved or fetched in place of an article: "Before you continue … We use
cookies and data to …", "Wir und unsere 142 Partner speichern … Alle akzeptieren". Read as a page it
was stored as an article (statements about cookies and partners) and joined every other wall of
its kind in one story; the readers refuse it instead (Errors.I059).

A wall is short and nearly all consent talk: most of its paragraphs name cookies, consent, partners,
personalised ads, data or privacy settings, and it offers the reader a choice (accept, reject,
manage settings, an ad-free subscription), speaking to the reader ("we", "your", "Ihr Gerät"). A
report about cookie rules has paragraphs of its own (who decided, who said what), told in the third
person, and is read as before. Set by hand from what a wall says (our own
invented test pages), not measured on any data set.
"""

from __future__ import annotations

import re

# A wall says what it is in a few short paragraphs; an article about consent rules runs longer.
MAX_WALL_WORDS = 400
# The share of its paragraphs that talk about consent.
MIN_CONSENT_SHARE = 0.6
# Words of one paragraph's consent talk (two different ones, or one beside a choice, make a consent
# paragraph).
_CONSENT_WORD = re.compile(
    r"\b(?:cookies?|consent|partners?|personali[sz]ed|advertising|ads|privacy|tracking|device|"
    r"einwilligung|zustimmung|partnern?|personalisiert\w*|werbung|werbe\w*|datenschutz\w*|gerät\w*|"
    r"tracking|cookie-\w+|consentement|publicité|confidentialité|consentimiento|publicidad|privacidad)\b",
    re.IGNORECASE,
)
# The choice a wall offers, in the phrases of its buttons and settings: general verbs ("zustimmen",
# "ablehnen", "widerrufen", "agree") are the words of any report on a vote and are left out.
_CHOICE = re.compile(
    r"accept all|reject all|accept cookies|i agree|agree (?:and|&) (?:continue|close)|"
    r"manage (?:your |cookie |privacy )?(?:settings|preferences|choices|options)|more options|"
    r"privacy settings|withdraw (?:your )?consent|"
    r"alle akzeptieren|alle ablehnen|akzeptieren und weiter|zustimmen und weiter|"
    r"einstellungen verwalten|datenschutzeinstellungen|auswahl jederzeit|einwilligung jederzeit|"
    r"werbefrei|pur-abo|"
    r"tout accepter|tout refuser|aceptar todo|rechazar todo",
    re.IGNORECASE,
)
# Every wall names what it asks consent for.
_COOKIE = re.compile(r"cookie", re.IGNORECASE)
# A wall speaks to the reader ("We and our partners", "your device", "Wir und unsere Partner", "auf
# Ihrem Gerät"); a report about consent rules tells of others in the third person (a short German
# report quoting the "Alle akzeptieren" button was refused). German "Ihr-" is the formal "your" only
# capitalised ("ihre" is "her"/"their"), so it is matched apart, case and all.
_READER = re.compile(
    r"\b(?:we|our|ours|you|your|yours|wir|uns|unser\w*|nous|notre|nos|vous|votre|vos|nosotros|"
    r"nuestr[oa]s?|usted(?:es)?)\b",
    re.IGNORECASE,
)
_READER_DE_FORMAL = re.compile(r"\b(?:Ihr(?:e[mnrs]?)?|Ihnen)\b")


def is_consent_wall(paragraphs: list[str]) -> bool:
    """Whether the body paragraphs of a page (headline left out) are a consent wall."""
    texts = [p for p in paragraphs if p.strip()]
    if not texts or sum(len(p.split()) for p in texts) > MAX_WALL_WORDS:
        return False
    consent = [p for p in texts if _consent_words(p) >= 2 or (_consent_words(p) and _CHOICE.search(p))]
    if len(consent) < MIN_CONSENT_SHARE * len(texts):
        return False
    return (
        any(_CHOICE.search(p) for p in texts)
        and any(_COOKIE.search(p) for p in texts)
        and any(_READER.search(p) or _READER_DE_FORMAL.search(p) for p in texts)
    )


def _consent_words(paragraph: str) -> int:
    return len({w.lower() for w in _CONSENT_WORD.findall(paragraph)})
