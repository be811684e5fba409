"""Copies of one quote never conflict (issue 11): two articles give the same quote, one of them in
other typography (quotation marks, apostrophes, dashes, spaces) or case (a quote printed in capitals, or
begun in lower case inside a sentence), and the whole analysis and comparison run with the shipped
embedders finds no conflict between them. Every quote is our own invention."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from blickwinkel.compare import compare_articles
from blickwinkel.compare.link_weights import CROSS_EMBEDDER
from blickwinkel.config import DEFAULT_EMBEDDER, DEFAULT_LINK_EMBEDDER
from blickwinkel.embed import get_embedder
from blickwinkel.ingest import read_text
from blickwinkel.model import Comparison
from blickwinkel.pipeline import analyse_articles, second_embedder_of

# language -> (the article's opening sentence, the quote's frame with {q} for the quote)
_FRAMES = {
    "en": (
        "A storm flooded the low streets of Harwick on the river Dell overnight.",
        "{q} the mayor, Anna Berg, said.",
    ),
    "de": (
        "Ein Unwetter hat in der Nacht die Gassen von Lindenau am Fluss Dell überflutet.",
        "{q} sagte Bürgermeisterin Anna Berg.",
    ),
    "fr": (
        "Un orage a inondé cette nuit les rues basses de Valmont au bord de la Dell.",
        "{q} a déclaré la maire, Anne Berger.",
    ),
    "es": (
        "Una tormenta inundó anoche las calles bajas de Valdecruz junto al río Dell.",
        "{q} dijo la alcaldesa, Ana Vega.",
    ),
}
# Quotes with their typographic places marked: {a} an apostrophe, {d} a dash between spaces {s}.
_QUOTES = {
    "en": [
        "We won{a}t reopen the Dell bridge before Monday{s}{d}{s}not for 1,200 cars a day, not for anyone",
        "The water rose 40 centimetres in an hour{s}{d}{s}we didn{a}t see that in 1998{a}s flood",
        "Nobody was hurt, but 12 families can{a}t go home tonight{s}{d}{s}maybe not until Friday",
    ],
    "de": [
        "Wir öffnen die Brücke nicht vor Montag{s}{d}{s}auch nicht für 1.200 Autos am Tag",
        "Das Wasser stieg um 40 Zentimeter in einer Stunde{s}{d}{s}so etwas gab{a}s seit 1998 nicht",
        "Niemand wurde verletzt, aber 12 Familien können nicht nach Hause{s}{d}{s}vielleicht erst am Freitag",
    ],
    "fr": [
        "Nous ne rouvrirons pas le pont avant lundi{s}{d}{s}pas pour 1 200 voitures par jour",
        "L{a}eau est montée de 40 centimètres en une heure{s}{d}{s}on n{a}avait pas vu ça depuis 1998",
    ],
    "es": [
        "No reabriremos el puente antes del lunes{s}{d}{s}ni por 1.200 coches al día",
        "El agua subió 40 centímetros en una hora{s}{d}{s}no se veía algo así desde 1998",
    ],
}  # fmt: skip
_PLAIN = {"open": '"', "close": '"', "a": "'", "d": "-", "s": " ", "case": "as is"}
_OPEN_CLOSE = [
    ('"', '"'),
    ("\u201c", "\u201d"),
    ("\u201e", "\u201c"),
    ("\u00bb", "\u00ab"),
    ("\u00ab\u00a0", "\u00a0\u00bb"),
    ("\u2018", "\u2019"),
    ("'", "'"),
]
_APOSTROPHES = ["'", "\u2019", "\u02bc", "\u00b4", "`"]
_DASHES = ["-", "\u2013", "\u2014", "\u2012", "\u2212", "--"]
_SPACES = [" ", "\u00a0", "\u202f", "\u2009", "  "]
_CASES = ["as is", "capitals", "lower first"]


def _quote(template: str, how: dict[str, str]) -> str:
    text = template.format(a=how["a"], d=how["d"], s=how["s"])
    if how["case"] == "capitals":
        text = text.upper()
    elif how["case"] == "lower first":
        text = text[:1].lower() + text[1:]
    return f"{how['open']}{text},{how['close']}"


def _typography() -> st.SearchStrategy[dict[str, str]]:
    return st.fixed_dictionaries(
        {
            "pair": st.sampled_from(_OPEN_CLOSE),
            "a": st.sampled_from(_APOSTROPHES),
            "d": st.sampled_from(_DASHES),
            "s": st.sampled_from(_SPACES),
            "case": st.sampled_from(_CASES),
        }
    ).map(
        lambda h: {"open": h["pair"][0], "close": h["pair"][1], **{k: h[k] for k in ("a", "d", "s", "case")}}
    )


def _comparison(language: str, template: str, left: dict[str, str], right: dict[str, str]) -> Comparison:
    opening, frame = _FRAMES[language]
    articles = []
    for side, how in (("a", left), ("b", right)):
        text = f"Title\n\n{opening} {frame.format(q=_quote(template, how))}"
        article = read_text(text, source=f"{side}.txt", fmt="text")
        articles.append(replace(article, id=side, language=language))
    second, languages = second_embedder_of(DEFAULT_LINK_EMBEDDER)
    return compare_articles(
        list(analyse_articles(articles)),
        get_embedder(DEFAULT_EMBEDDER),
        cross_embedder=get_embedder(CROSS_EMBEDDER) if CROSS_EMBEDDER else None,
        second_embedder=second,
        second_languages=languages,
    )


_TEMPLATES = [(language, template) for language, quotes in _QUOTES.items() for template in quotes]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example(_TEMPLATES[0], {**_PLAIN, "open": "\u201c", "close": "\u201d", "a": "\u2019", "d": "\u2013"})
@example(_TEMPLATES[1], {**_PLAIN, "case": "capitals"})
@example(_TEMPLATES[1], {**_PLAIN, "a": "\u02bc"})  # a modifier-letter apostrophe hid a negation
@example(_TEMPLATES[3], {**_PLAIN, "open": "\u201e", "close": "\u201c", "s": "\u00a0", "d": "\u2013"})
@example(_TEMPLATES[5], {**_PLAIN, "case": "lower first", "d": "\u2014"})
@given(st.sampled_from(_TEMPLATES), _typography())
def test_copies_of_one_quote_in_other_typography_never_conflict(
    quote: tuple[str, str], how: dict[str, str]
) -> None:
    language, template = quote
    comparison = _comparison(language, template, _PLAIN, how)
    found = [f"{c.kind}: {c.reason}" for c in comparison.conflicts]
    assert not found, (_quote(template, how), found)
