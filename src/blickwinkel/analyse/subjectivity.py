"""Is a sentence the outlet's opinion or a neutral report? A cue-and-prototype score per statement.

Each sentence gets counts from cue lexicons we wrote (evaluative words, intensifiers,
stance adverbs and particles, modal verbs of obligation, first and second person, questions,
exclamations, scare quotes, predictions that carry an evaluation, argument and negation words) and
objective cues (attribution to a source, numbers and dates, names). Optionally the sentence
embedding is compared with short subjective and objective prototype sentences we wrote. A logistic
formula with one weight per cue family turns these into a probability-like score.

The statement's role matters: a quote or reported speech may be subjective in itself, but the
outlet only reports it. With ``roles`` given, quotes and reported speech are pulled towards
objective, so that ``article_genre`` measures the outlet's voice, not the voices it quotes.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from blickwinkel.config import DEFAULT_EMBEDDER
from blickwinkel.errors import BlickwinkelError, Errors

SUBJECTIVE_THRESHOLD = 0.5
"""A score at or above this is subjective (the weights below are set so 0.5 is the balance point)."""

# Genre bands on the share of subjective statements in the outlet's own voice: a report may carry
# the odd evaluative sentence; above a third it reads as an opinionated report; from 55 % on the
# article is a commentary.
OPINION_SHARE = 0.34
COMMENTARY_SHARE = 0.55

# Roles whose text is someone else's words (or not running text at all): not the outlet's opinion.
REPORTED_ROLES = frozenset({"quote", "reported_speech"})
NON_VOICE_ROLES = frozenset({"quote", "reported_speech", "caption"})

FEATURES = (
    "evaluative",
    "weak_evaluative",
    "intensifier",
    "stance",
    "obligation",
    "first_person",
    "second_person",
    "question",
    "exclamation",
    "scare_quote",
    "prophecy",
    "argument",
    "negation",
    "generic",
    "present_copula",
    "attribution",
    "facts",
    "names",
    "prototype",
)

# One weight per cue family and an intercept per language. Measured, not learned word by word: a
# logistic regression over these 19 family counts (C=0.3, balanced classes) on the CheckThat 2025
# TRAIN split, rounded to one decimal. Two weights were then set by hand against that fit, because
# the linguistics is clear and the English data is thin there: English questions (fit: 0.0) and
# predictions with an evaluation (fit: 0.1). The lexicons themselves are ours.
_WEIGHTS: dict[str, dict[str, float]] = {
    "de": {
        "intercept": -0.3,
        "evaluative": 0.8,
        "weak_evaluative": 0.7,
        "intensifier": 0.4,
        "stance": 0.6,
        "obligation": 0.4,
        "first_person": 0.4,
        "second_person": 0.3,
        "question": 0.5,
        "exclamation": 1.0,
        "scare_quote": 0.3,
        "prophecy": 0.5,
        "argument": 0.1,
        "negation": 0.1,
        "generic": 0.6,
        "present_copula": 0.4,
        "attribution": -0.6,
        "facts": -0.5,
        "names": -0.9,
        "prototype": 1.3,
    },
    "en": {
        "intercept": -0.4,
        "evaluative": 0.5,
        "weak_evaluative": 0.2,
        "intensifier": 0.3,
        "stance": 0.2,
        "obligation": 0.3,
        "first_person": 0.4,
        "second_person": 0.4,
        "question": 0.5,
        "exclamation": 0.5,
        "scare_quote": 0.3,
        "prophecy": 0.4,
        "argument": 0.1,
        "negation": 0.3,
        "generic": 0.2,
        "present_copula": 0.3,
        "attribution": -1.0,
        "facts": -0.5,
        "names": -0.5,
        "prototype": 1.2,
    },
}
# How far a quote or reported speech is pulled towards objective (in logit units): enough that a
# quoted opinion ("„Das ist eine Katastrophe“, sagte X") is not the outlet's opinion, while the
# rare statement that also evaluates in its own words can still cross the threshold.
_REPORTED_ROLE_SHIFT = -2.5
# Counts are capped: the third evaluative word says little more than the second.
_CAP = 3.0
_PROTOTYPE_TOP_K = 3

_DATA_FILE = Path(__file__).resolve().parent / "data" / "subjectivity.json"


@dataclass(frozen=True)
class _Cues:
    patterns: dict[str, re.Pattern[str]]
    subjective_prototypes: tuple[str, ...]
    objective_prototypes: tuple[str, ...]


def _alternation(entries: Sequence[str]) -> re.Pattern[str]:
    parts = []
    for entry in sorted(entries, key=len, reverse=True):
        prefix = entry.endswith("*")
        body = entry[:-1] if prefix else entry
        escaped = r"\s+".join(re.escape(w) for w in body.split())
        parts.append(escaped + (r"\w*" if prefix else ""))
    return re.compile(r"(?<![\w'’-])(?:" + "|".join(parts) + r")(?![\w'’-])")


@cache
def _cues(language: str) -> _Cues:
    data = _load_data()
    lang = language if language in data else "en"
    section = data[lang]
    patterns = {name: _alternation(words) for name, words in section["cues"].items()}
    return _Cues(
        patterns=patterns,
        subjective_prototypes=tuple(section["prototypes"]["subjective"]),
        objective_prototypes=tuple(section["prototypes"]["objective"]),
    )


@cache
def _load_data() -> dict[str, Any]:
    try:
        data: dict[str, Any] = json.loads(_DATA_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:  # a broken install, not bad user input
        raise BlickwinkelError(Errors.A001.format(file=_DATA_FILE, exc=exc)) from exc
    return data


def _language(language: str) -> str:
    return "de" if language.lower().startswith("de") else "en"


_QUOTED_SHORT = re.compile(r"[„“\"»«‚‘']\s*(\w[\w-]*(?:\s+\w[\w-]*){0,2})\s*[“”\"«»‘’']")
_NUMBER = re.compile(r"\d")
_NOT = re.compile(r"n[’']t\b")
_WORD = re.compile(r"\w+")
_US = re.compile(r"\bU\.?S\.?(?=\W|$)")


def _count(pattern: re.Pattern[str], text: str) -> float:
    return float(min(_CAP, len(pattern.findall(text))))


def cue_features(text: str, language: str = "de") -> dict[str, float]:
    """The cue counts of one sentence (without the prototype feature), for inspection and tests."""
    lang = _language(language)
    cues = _cues(lang)
    matchable = _US.sub("USA", text) if lang == "en" else text
    lowered = matchable.lower()
    if lang == "en":
        lowered = _NOT.sub(" not", lowered)
    words = _WORD.findall(text)
    p = cues.patterns
    evaluative = _count(p["evaluative"], lowered)
    intensifier = _count(p["intensifier"], lowered)
    future = bool(p["future"].search(lowered))
    stripped = text.rstrip(" \"'“”»«)")
    features = {
        "evaluative": evaluative,
        "weak_evaluative": _count(p["weak_evaluative"], lowered),
        "intensifier": intensifier,
        "stance": _count(p["stance"], lowered),
        "obligation": _count(p["obligation"], lowered),
        "first_person": _count(p["first_person"], lowered),
        "second_person": _count(p["second_person"], lowered),
        "question": 1.0 if stripped.endswith("?") else 0.0,
        "exclamation": 1.0 if "!" in text else 0.0,
        "scare_quote": float(min(_CAP, len(_QUOTED_SHORT.findall(text)))),
        # A prediction that carries an evaluation ("wird ... katastrophal sein") is a prophecy.
        "prophecy": 1.0 if future and (evaluative or intensifier) else 0.0,
        "argument": _count(p["argument"], lowered),
        "negation": _count(p["negation"], lowered),
        "generic": _count(p["generic"], lowered),
        "present_copula": _count(p["present_copula"], lowered),
        "attribution": _count(p["attribution"], lowered),
        "facts": float(min(_CAP, len(_NUMBER.findall(text)) / 2 + len(p["temporal_fact"].findall(lowered)))),
        # Capitalised words after the first mark names (and in German nouns): reports name more.
        "names": sum(1 for w in words[1:] if w[0].isupper()) / max(1, len(words)),
    }
    return features


def _prototype_margins(
    language: str, embeddings: npt.NDArray[np.float32], embedder_name: str = DEFAULT_EMBEDDER
) -> npt.NDArray[np.float32]:
    """Mean similarity to the nearest subjective prototypes minus the nearest objective ones."""
    subjective, objective = _prototype_matrices(_language(language), embedder_name)
    k = _PROTOTYPE_TOP_K

    def top_mean(sims: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
        kk = min(k, sims.shape[1])
        part = np.sort(sims, axis=1)[:, -kk:]
        result: npt.NDArray[np.float32] = part.mean(axis=1).astype(np.float32)
        return result

    return top_mean(embeddings @ subjective.T) - top_mean(embeddings @ objective.T)


@cache
def _prototype_matrices(
    language: str, embedder_name: str
) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]]:
    from blickwinkel.embed import get_embedder

    cues = _cues(language)
    embedder = get_embedder(embedder_name)
    return (
        embedder.encode(list(cues.subjective_prototypes)),
        embedder.encode(list(cues.objective_prototypes)),
    )


def feature_rows(
    texts: Sequence[str],
    language: str = "de",
    *,
    embeddings: npt.NDArray[np.float32] | None = None,
    embedder_name: str = DEFAULT_EMBEDDER,
) -> list[dict[str, float]]:
    """All features per text; ``prototype`` is 0 without embeddings."""
    rows = [cue_features(t, language) for t in texts]
    margins: list[float] = [0.0] * len(texts)
    if embeddings is not None and len(texts):
        if embeddings.shape[0] != len(texts):
            raise BlickwinkelError(Errors.A002.format(texts=len(texts), rows=embeddings.shape[0]))
        margins = [float(m) for m in _prototype_margins(language, embeddings, embedder_name)]
    for row, margin in zip(rows, margins, strict=True):
        row["prototype"] = margin
    return rows


def subjectivity_scores(
    texts: Sequence[str],
    language: str = "de",
    *,
    roles: Sequence[str] | None = None,
    embeddings: npt.NDArray[np.float32] | None = None,
    embedder_name: str = DEFAULT_EMBEDDER,
) -> list[float]:
    """A probability-like subjectivity score in [0, 1] per text.

    ``embeddings`` (one L2-normalised row per text, from the embedder named ``embedder_name``) add
    the prototype comparison; ``roles`` (statement kinds) pull quotes and reported speech towards
    objective, because the outlet only reports those words.
    """
    if roles is not None and len(roles) != len(texts):
        raise BlickwinkelError(Errors.A003.format(texts=len(texts), roles=len(roles)))
    lang = _language(language)
    weights = _WEIGHTS[lang]
    rows = feature_rows(texts, lang, embeddings=embeddings, embedder_name=embedder_name)
    scores = []
    for i, row in enumerate(rows):
        z = weights["intercept"] + sum(weights[name] * row[name] for name in FEATURES)
        if roles is not None and roles[i] in REPORTED_ROLES:
            z += _REPORTED_ROLE_SHIFT
        scores.append(1.0 / (1.0 + math.exp(-z)))
    return scores


def is_subjective(score: float) -> bool:
    """Whether a score from ``subjectivity_scores`` counts as subjective."""
    return score >= SUBJECTIVE_THRESHOLD


def article_genre(scores: Sequence[float], kinds: Sequence[str]) -> tuple[float, str]:
    """The share of subjective statements in the outlet's own voice and the genre it suggests.

    Quotes, reported speech and captions are left out: they are not the outlet's voice. Genre is
    ``report`` below ``OPINION_SHARE``, ``opinion`` (a report with opinion mixed in) below
    ``COMMENTARY_SHARE`` and ``commentary`` from there on.
    """
    if len(scores) != len(kinds):
        raise BlickwinkelError(Errors.A004.format(scores=len(scores), kinds=len(kinds)))
    own = [s for s, k in zip(scores, kinds, strict=True) if k not in NON_VOICE_ROLES]
    if not own:
        return 0.0, "report"
    share = sum(1 for s in own if is_subjective(s)) / len(own)
    if share >= COMMENTARY_SHARE:
        return share, "commentary"
    if share >= OPINION_SHARE:
        return share, "opinion"
    return share, "report"
