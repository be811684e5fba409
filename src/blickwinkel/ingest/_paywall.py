"""A page behind a paywall: the site sent its free part (a teaser) and asks the reader to subscribe.

Such a page was stored as a short article without a word. Three shapes tell it, each from our own
knowledge of how news sites mark subscription content (no page of the evaluation data was read to
choose them): the page's JSON-LD article says ``isAccessibleForFree: false`` (the structured data
search engines ask paywalled sites for); an element's class or id names a paywall ("paywall",
"article-paywall", "regwall") on an element it shows (not ``hidden``); or the page asks the reader
to subscribe or log in to read on ("Subscribe to continue reading", "Already a subscriber?",
"Weiterlesen mit …",
"Dieser Artikel ist nur für Abonnenten"). The reader keeps the free part and marks the article.
"""

from __future__ import annotations

import re

from blickwinkel.ingest._json_ld import JsonLdArticle

# The markup is searched only this far (a paywall sits in the article, well before it).
MAX_PAGE_CHARS = 3_000_000
# A class or id attribute holding a paywall word as one of its parts ("paywall", "c-paywall__box",
# "regwall-overlay"); "paywall" inside another word is none, nor one said to be off ("no-paywall",
# "paywall-free", "paywall-off", "paywall-disabled").
_PAYWALL_ATTRIBUTE = re.compile(
    r"""\b(?:class|id)\s*=\s*["'][^"'<>]{0,300}?(?<![a-z0-9])(?<!no-)(?<!non-)(?<!without-)"""
    r"""(?:pay-?wall(?:ed)?|reg-?wall)(?![a-z0-9])(?![-_](?:free|off|none|disabled|inactive|hidden))""",
    re.IGNORECASE,
)
_TAG = re.compile(r"<[^<>]{0,3000}>")
_SCRIPT_OR_STYLE = re.compile(r"<(script|style)\b", re.IGNORECASE)
# What a paywall says to the reader, English and German.
_PROMPT = re.compile(
    r"\bsubscribe (?:now |today )?to (?:continue|keep) reading\b|"
    r"\bsubscribe to read (?:the (?:full|whole|rest)|more|this|on)\b|"
    r"\bto (?:continue|keep) reading,? (?:please )?(?:subscribe|log in|sign in|become a subscriber)\b|"
    r"\b(?:this|the) (?:article|story|content|report) is (?:only )?(?:available |reserved )?"
    r"(?:for|to) (?:paying )?(?:subscribers|members)\b|"
    r"\balready (?:a subscriber|have a subscription)\?|"
    r"\bunlock (?:this|the full) (?:article|story)\b|"
    r"\bweiterlesen mit (?:[\w+-]+ ){0,2}(?:plus|abo|premium|digital\w*|[\w-]*abo)\b|"
    r"\b(?:dieser|der) (?:artikel|beitrag|inhalt|text) ist (?:nur |exklusiv |ausschließlich )*für "
    r"(?:unsere )?(?:abonnent\w*|abonnentinnen und abonnenten|plus-\w+|premium-\w+|digital-?abonnent\w*)\b|"
    r"\bum (?:diesen|den) (?:artikel|beitrag|text) (?:(?:weiter|vollständig|ganz) )?(?:zu |weiterzu)?lesen\b"
    r"[^.!?]{0,60}"
    r"\b(?:abo|abonn|plus|anmelden|registrieren)|"
    r"\bbereits abonnent(?:in)?\?|"
    r"\b(?:jetzt|hier) (?:abonnieren|abo abschließen|abo wählen) und weiterlesen\b",
    re.IGNORECASE,
)


def is_paywalled(page: str, declared: JsonLdArticle | None) -> bool:
    """Whether the page shows the shapes of a paywall (see the module's docstring)."""
    if declared is not None and declared.free is False:
        return True
    head = page[:MAX_PAGE_CHARS]
    # a page that declares itself free keeps its paywall's markup unused (a metered site's pages)
    if not (declared is not None and declared.free) and any(
        not _hidden_tag(head, found.start()) for found in _PAYWALL_ATTRIBUTE.finditer(head)
    ):
        return True
    visible = _TAG.sub(" ", _without_scripts(head))
    return _PROMPT.search(" ".join(visible.split())) is not None


# An element the page does not show: the ``hidden`` attribute, ``display: none`` or ``aria-hidden``.
_HIDDEN = re.compile(
    r"""\shidden(?:\s|=|/?>|$)|display\s*:\s*none|aria-hidden\s*=\s*["']?true""", re.IGNORECASE
)


def _hidden_tag(page: str, at: int) -> bool:
    """Whether the tag around position ``at`` (an attribute naming a paywall) is hidden: a site's
    paywall box kept hidden on a page it does not lock (filled and shown by its script when the
    meter runs out) marked every such article a teaser ("teaser only — paywalled", I062). Bounded:
    the tag is looked at within 3,000 characters each side."""
    start = page.rfind("<", max(0, at - 3000), at)
    end = page.find(">", at, at + 3000)
    if start < 0 or end < 0:
        return False
    return _HIDDEN.search(page[start : end + 1]) is not None


def is_paywall_prompt(text: str) -> bool:
    """A paragraph that asks the reader to subscribe or log in to read on: page furniture."""
    return len(text) < 300 and _PROMPT.search(text) is not None


def _without_scripts(page: str) -> str:
    """The page without its scripts and style sheets: a metered site's script holds the words of its
    paywall on every page, free ones too. Linear: each element is cut at its closing tag, or at the
    end of the page where it has none."""
    lowered = page.lower()
    parts: list[str] = []
    done = 0
    for opening in _SCRIPT_OR_STYLE.finditer(page):
        if opening.start() < done:
            continue
        close = lowered.find(f"</{opening.group(1).lower()}", opening.end())
        parts.append(page[done : opening.start()])
        done = len(page) if close < 0 else close
    return " ".join(parts) + page[done:]
