"""How alike two statements are: meaning, wording, names and numbers, combined into one score.

Embeddings alone are not enough: they place "2,500 US soldiers" as close to "a few hundred European
soldiers" as to its true match, so the score also checks that names and numbers agree.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

from blickwinkel.analyse.units import unit_key
from blickwinkel.compare.agreement import quantities_agree
from blickwinkel.compare.link_weights import LINK_MODELS
from blickwinkel.compare.news_words import concepts
from blickwinkel.model import Quantity, Statement
from blickwinkel.text.function_words import function_words

_WORD = re.compile(r"\w+", re.UNICODE)

# Numbers up to this are too common ("two", "drei") to show on their own that two statements match.
SMALL_NUMBER = 12


def fold(text: str) -> str:
    """Lowercase, strip accents and punctuation: the form the wording features compare."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_WORD.findall(plain))


def char_ngrams(text: str, n: int = 4) -> frozenset[str]:
    """Character n-grams of the content words: catches shared word stems ("Soldaten"/"Soldat") while
    function words, which every sentence shares, do not count."""
    folded = " " + " ".join(w for w in fold(text).split() if w not in STOPWORDS) + " "
    if len(folded) <= n:
        return frozenset({folded})
    return frozenset(folded[i : i + n] for i in range(len(folded) - n + 1))


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


@dataclass(frozen=True)
class StatementFeatures:
    """What the score needs of one statement, computed once."""

    chars: frozenset[str]
    lemmas: frozenset[str]
    keys: frozenset[str]
    quantities: tuple[Quantity, ...]
    language: str | None
    values: frozenset[float] = frozenset()  # every number stated, counted thing or not
    dates: frozenset[str] = frozenset()  # resolved full dates (YYYY-MM-DD)
    words: int = 0  # number of words, for the length ratio
    # The lemmas as concepts (compare/news_words.py: "gericht" and "court" are "~court"), which
    # statements in two languages share.
    concepts: frozenset[str] = frozenset()


# English function words the link model's weights were fitted with as content words
# (compare/link_weights.py): leaving them out moves links (one more shared fact in our ferry example),
# so they count until the weights are fitted again without them.
_COUNTED_BY_THE_LINK_MODEL = frozenset(
    """
    my your who whom whose which into onto over under about after before since until during against
    between among without per than while when where there here being do does did can could may might
    should no more less
    """.split()
)
# Function words of German and English (text/function_words.py), folded as the features compare them.
STOPWORDS = frozenset(fold(w) for w in function_words("de", "en") - _COUNTED_BY_THE_LINK_MODEL)
_HANDLE = re.compile(r"[@#](\w+)")
_URL = re.compile(r"https?://\S+")


def embedding_text(text: str) -> str:
    """The text the embedder sees: links dropped, @handles and #hashtags reduced to their words."""
    return _HANDLE.sub(r"\1", _URL.sub("", text))


def features(statement: Statement) -> StatementFeatures:
    words = statement.lemmas or tuple(fold(statement.text).split())
    lemmas = frozenset(f for f in (fold(x) for x in words) if f and f not in STOPWORDS and not f.isdigit())
    return StatementFeatures(
        chars=char_ngrams(statement.text),
        lemmas=lemmas,
        concepts=concepts(lemmas, statement.language),
        keys=frozenset(m.key for m in statement.entities),
        quantities=tuple(q for q in statement.quantities if q.unit is not None),
        language=statement.language,
        values=frozenset(q.value for q in statement.quantities),
        dates=frozenset(d.value for d in statement.dates if d.value and len(d.value) == 10),
        words=len(_WORD.findall(statement.text)),
    )


def weighted_cover(a: frozenset[str], b: frozenset[str], idf: dict[str, float]) -> float:
    """The rarity-weighted share of the smaller side's lemmas found in the other (1 when one
    statement's words are all in the other)."""
    if not a or not b:
        return 0.0
    shared = sum(idf.get(w, 1.0) for w in a & b)
    smaller = min(sum(idf.get(w, 1.0) for w in a), sum(idf.get(w, 1.0) for w in b))
    return min(1.0, shared / smaller) if smaller else 0.0


# Shared rare lemmas count up to this many (more say no more than that the statements share wording).
RARE_WORDS_CAP = 3
# The parts a fitted model reads; the parts "cover" and "rare_words" are worked out only when one
# does, or when scripts/fit_link_weights.py --try-parts measures them (:func:`measure_parts`).
_READ_PARTS: set[str] = {f for m in LINK_MODELS.values() for f in m.features}


def measure_parts(names: Iterable[str]) -> None:
    """Work out these parts for every pair from now on, whether a shipped model reads them or not."""
    _READ_PARTS.update(names)


def weighted_overlap(a: frozenset[str], b: frozenset[str], idf: dict[str, float]) -> float:
    """Shared lemmas weighted by how rare they are in the story (a cosine over weighted sets):
    "Vorbedingung" counts for more than "Irak" in a story about Iraq."""
    if not a or not b:
        return 0.0
    shared = sum(idf.get(w, 1.0) for w in a & b)
    norm = math.sqrt(sum(idf.get(w, 1.0) for w in a) * sum(idf.get(w, 1.0) for w in b))
    return shared / norm if norm else 0.0


@dataclass(frozen=True)
class ScoreParts:
    """The combined score and the evidence behind it, kept for reports and debugging."""

    score: float
    embedding: float
    chars: float
    lemmas: float
    names: float
    numbers: float
    span_a: tuple[int, int] | None = None  # the parts that matched, as offsets into their articles
    span_b: tuple[int, int] | None = None
    mutual: bool = False  # each statement is the other's best match in the other article
    dates: bool = False  # both give the same full date
    cross_lingual: bool = False  # the statements are in different languages
    language: str | None = None  # the language of both statements, when one (the model's shift reads it)
    cross_meaning: float | None = None  # cosine of the cross-lingual embedder (e5), across languages
    length_ratio: float = 1.0  # words of the shorter part over words of the longer
    margin: float = 0.0  # cosine above the mean of each statement's nearest in the other article
    nearest: bool = False  # each is the other's nearest statement in its article and language
    counted: bool = False  # the same number of the same counted thing (unit) on both sides
    # In one language, when a second embedder (e5) embedded both statements: its cosine on the USE
    # scale, and how far that stands above each statement's nearest others in the other article.
    second_meaning: float | None = None
    second_margin: float = 0.0
    # Rarity-weighted share of the shorter side's lemmas (concepts across languages) found in the
    # other: a short statement restated inside a long one shares most of its words.
    cover: float = 0.0
    # How many lemmas (concepts across languages) rare in the story both share, up to RARE_WORDS_CAP,
    # over that cap.
    rare_words: float = 0.0
    # The soft word alignment of the two statements' content words (compare/soft_alignment.py: F of
    # the rarity-weighted best word cosines both ways), where it was worked out for the pair.
    soft: float | None = None


def number_agreement(
    a: tuple[Quantity, ...],
    b: tuple[Quantity, ...],
    values_a: frozenset[float] = frozenset(),
    values_b: frozenset[float] = frozenset(),
) -> float:
    """+1 when a counted thing has the same number on both sides (or both state the same uncommon
    number, counted noun or not: "31 zu 18 Stimmen" and "voted 31-17"), -1 when only different
    numbers, -0.5 when one side gives a number for something the other does not count, 0 when neither
    counts."""
    if any(v > SMALL_NUMBER for v in values_a & values_b):
        return 1.0
    if not a and not b:
        return 0.0
    if not a or not b:
        return -0.5
    comparable = False
    for qa in a:
        for qb in b:
            verdict = quantities_agree(qa, qb)
            if verdict is True:
                return 1.0
            if verdict is False:
                comparable = True
    if comparable:
        return -1.0
    units_a = {unit_key(q.unit) for q in a}
    units_b = {unit_key(q.unit) for q in b}
    return 0.0 if units_a & units_b else -0.5


def name_agreement(a: frozenset[str], b: frozenset[str], common: frozenset[str] = frozenset()) -> float:
    """Share of the smaller set of distinctive names found in the other; -1 when both name things and
    none match. Names in a large share of the story's statements (the "USA" of a story about the US)
    say nothing about whether two statements state the same fact, so they earn no bonus."""
    if not a or not b:
        return 0.0
    shared = a & b
    if not shared:
        return -1.0
    rare_a, rare_b = a - common, b - common
    rare_shared = shared - common
    if not rare_shared:
        return 0.0
    return min(1.0, len(rare_shared) / min(len(rare_a), len(rare_b)))


def same_language(fa: StatementFeatures, fb: StatementFeatures) -> bool:
    return fa.language is None or fb.language is None or fa.language == fb.language


def link_reasons(p: ScoreParts) -> dict[str, float]:
    """The parts of a link's score as the comparison JSON shows them (docs/comparison-json.md)."""
    reasons = {
        "meaning": round(p.embedding, 3),
        "wording": round(p.chars, 3),
        "lemmas": round(p.lemmas, 3),
        "names": round(p.names, 3),
        "numbers": round(p.numbers, 3),
        "dates": 1.0 if p.dates else 0.0,
        "length_ratio": round(p.length_ratio, 3),
        "margin": round(p.margin, 3),
        "nearest": 1.0 if p.nearest else 0.0,
        "counted": 1.0 if p.counted else 0.0,
        "cross_lingual": 1.0 if p.cross_lingual else 0.0,
        "mutual": 1.0 if p.mutual else 0.0,
    }
    if p.cross_meaning is not None:
        reasons["cross_meaning"] = round(p.cross_meaning, 3)
    if p.second_meaning is not None:
        reasons["second_meaning"] = round(p.second_meaning, 3)
        reasons["second_margin"] = round(p.second_margin, 3)
    if p.soft is not None:
        reasons["soft_alignment"] = round(p.soft, 3)
    return reasons


def evidence(
    cosine: float,
    fa: StatementFeatures,
    fb: StatementFeatures,
    idf: dict[str, float] | None = None,
    common: frozenset[str] = frozenset(),
    cross_cosine: float | None = None,
    margin: float = 0.0,
    nearest: bool = False,
    spans: tuple[tuple[int, int], tuple[int, int]] | None = None,
    second: float | None = None,
    second_margin: float = 0.0,
    rare: frozenset[str] = frozenset(),
    soft: float | None = None,
) -> ScoreParts:
    """The parts of the score of two statements (or clauses), scored by the fitted link model.

    Across languages wording cannot be compared: wording is 0, lemmas count the words both languages
    write alike (names, loanwords), and the model of cross-lingual pairs reads the cosines of both
    embedders (``cross_cosine``: e5, when given)."""
    names = name_agreement(fa.keys, fb.keys, common)
    numbers = number_agreement(fa.quantities, fb.quantities, fa.values, fb.values)
    cross = not same_language(fa, fb)
    # Across languages the shared lemmas are the concepts both statements name (news_words.py: "Gericht"
    # and "court") and the words both languages write alike (names, loanwords: "Hotel", "Tunnel"),
    # weighted by their rarity in the story.
    words_a, words_b = (fa.concepts, fb.concepts) if cross else (fa.lemmas, fb.lemmas)
    lemmas = weighted_overlap(words_a, words_b, idf or {})
    chars = 0.0 if cross or not (fa.chars and fb.chars) else dice(fa.chars, fb.chars) ** 0.5
    longer = max(fa.words, fb.words)
    found: dict[str, Any] = {
        "embedding": cosine,
        "chars": chars,
        "lemmas": lemmas,
        "names": names,
        "numbers": numbers,
        "dates": bool(fa.dates & fb.dates),
        "cross_lingual": cross,
        "language": None if cross else fa.language or fb.language,
        "cross_meaning": cross_cosine if cross else None,
        "length_ratio": min(fa.words, fb.words) / longer if longer else 1.0,
        "margin": margin,
        "nearest": nearest,
        "counted": numbers > 0
        and any(quantities_agree(qa, qb) is True for qa in fa.quantities for qb in fb.quantities),
        "second_meaning": None if cross else second,
        "second_margin": 0.0 if cross or second is None else second_margin,
        "cover": weighted_cover(words_a, words_b, idf or {}) if "cover" in _READ_PARTS else 0.0,
        "rare_words": (
            min(RARE_WORDS_CAP, len(words_a & words_b & rare)) / RARE_WORDS_CAP
            if "rare_words" in _READ_PARTS
            else 0.0
        ),
    }
    if soft is not None:
        found["soft"] = soft
    if spans is not None:
        found["span_a"], found["span_b"] = spans
    return ScoreParts(link_probability(ScoreParts(0.0, **found)), **found)


# How each part the models may read is taken from the evidence.
_FEATURES: dict[str, Callable[[ScoreParts], float]] = {
    "meaning": lambda p: p.embedding,
    "wording": lambda p: p.chars,
    "lemmas": lambda p: p.lemmas,
    "names": lambda p: max(0.0, p.names),
    "name_clash": lambda p: 1.0 if p.names < 0 else 0.0,
    "number_match": lambda p: 1.0 if p.numbers > 0 else 0.0,
    "counted_match": lambda p: 1.0 if p.counted else 0.0,
    "number_mismatch": lambda p: 1.0 if p.numbers == -1.0 else 0.0,
    "number_one_sided": lambda p: 1.0 if -1.0 < p.numbers < 0 else 0.0,
    "dates": lambda p: 1.0 if p.dates else 0.0,
    "length_ratio": lambda p: p.length_ratio,
    "margin": lambda p: p.margin,
    "nearest": lambda p: 1.0 if p.nearest else 0.0,
    "cross_meaning": lambda p: p.cross_meaning or 0.0,
    "second_meaning": lambda p: p.second_meaning or 0.0,
    "second_margin": lambda p: p.second_margin,
    "cover": lambda p: p.cover,
    "rare_words": lambda p: p.rare_words,
    "soft": lambda p: p.soft or 0.0,
}


def link_model_name(p: ScoreParts) -> str:
    """Which fitted model scores ``p`` (:mod:`blickwinkel.compare.link_weights`)."""
    if not p.cross_lingual:
        return "same_language" if p.second_meaning is None else "same_language_e5"
    return "cross_language" if p.cross_meaning is None else "cross_language_e5"


def link_features(p: ScoreParts) -> tuple[str, dict[str, float]]:
    """The fitted model that scores ``p`` and the values of every part a model may read."""
    name = link_model_name(p)
    only = {
        "cross_meaning": "cross_language_e5",
        "second_meaning": "same_language_e5",
        "second_margin": "same_language_e5",
    }
    values = {f: read(p) for f, read in _FEATURES.items() if only.get(f, name) == name}
    return name, values


def link_probability(p: ScoreParts) -> float:
    """The probability that the two statements state one fact, by the fitted logistic model."""
    model = LINK_MODELS[link_model_name(p)]
    z = model.intercept + model.shift_for(p.language)
    for f, c in zip(model.features, model.coefficients, strict=True):
        z += c * _FEATURES[f](p)
    if p.soft is not None:
        intercept, coefficient = model.soft_step
        z += intercept + coefficient * p.soft
    return 1.0 / (1.0 + math.exp(-z))


def probability_without_soft(p: ScoreParts) -> float:
    """The link probability of ``p`` without the soft word alignment's step (its score where the
    alignment was not worked out): what the thresholds chosen before the step was fitted read."""
    return p.score if p.soft is None else link_probability(replace(p, soft=None))
