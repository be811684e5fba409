"""Language of a text, of every block of an article and of the article as a whole.

lingua (high-accuracy mode: it costs about 0.15 ms per block and is much better than the low-accuracy
mode on tweet-length text) decides; py3langid is asked when lingua is not confident, and only an
answer both agree on or that py3langid is sure of is kept. Links, @handles and #hashtags are removed
first: they are names, not language.
"""

from __future__ import annotations

import functools
import re
import threading
from collections import Counter
from typing import Any

from blickwinkel.model import Article

SUPPORTED_LANGUAGES: tuple[str, ...] = ("ar", "de", "en", "es", "fr", "it", "nl", "pl", "pt", "ru", "tr")
"""ISO 639-1 codes the detectors choose from."""

MIN_LETTERS = 12
"""Fewer letters than this (after removing links and handles) give no answer: too short to tell."""
MIN_WORDS = 2
LINGUA_CONFIDENCE = 0.6
"""lingua's relative confidence at or above which its answer stands alone."""
LANGID_CONFIDENCE = 0.9
"""py3langid's normalised probability at or above which it may overrule an unsure lingua."""
MAX_CHARACTERS = 800
"""Only the start of a long text is read: the language is clear long before, and time grows with length."""
BLOCK_MIN_LETTERS = 40
"""Blocks with fewer letters take the article's language instead of their own guess."""

_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w.-]+\.(?:com|org|net|de|at|ch|uk|io)(?:/\S*)?\b", re.I)
_HANDLE_OR_HASHTAG = re.compile(r"(?<!\w)[@#]\w+")
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_NON_LETTERS = re.compile(r"[^\w\s'’-]|\d|_")

_LOCK = threading.Lock()
_DETECTORS: dict[str, Any] = {}


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the language of ``text``, or ``None`` when it is too short or unclear."""
    return _detect_cleaned(_strip_names(text[:MAX_CHARACTERS]))


# The pipeline asks for the article's language and then for each block's: the same texts twice.
@functools.lru_cache(maxsize=2048)
def _detect_cleaned(cleaned: str) -> str | None:
    letters = sum(ch.isalpha() for ch in cleaned)
    if letters < MIN_LETTERS or len(cleaned.split()) < MIN_WORDS:
        return None
    guess, confidence = _lingua(cleaned)
    if guess is not None and confidence >= LINGUA_CONFIDENCE:
        return guess
    second, probability = _langid(cleaned)
    if second is not None and (second == guess or probability >= LANGID_CONFIDENCE):
        return second
    return None


def detect_block_languages(article: Article) -> tuple[str | None, ...]:
    """One language per block of ``article``; short blocks and unclear ones take the article's."""
    own = [
        _own_block_language(article.text[block.start : block.end], block.language) for block in article.blocks
    ]
    fallback = article.language or _majority(
        [(article.text[b.start : b.end], lang) for b, lang in zip(article.blocks, own, strict=True)]
    )
    return tuple(lang if lang is not None else fallback for lang in own)


def article_language(article: Article) -> str | None:
    """The language of most of the article's characters (``article.language`` when set)."""
    if article.language:
        return article.language.lower()
    blocks = detect_block_languages(article)
    language = _majority(
        [(article.text[b.start : b.end], lang) for b, lang in zip(article.blocks, blocks, strict=True)]
    )
    return language if language is not None else detect_language(article.text)


def _own_block_language(text: str, declared: str | None) -> str | None:
    if declared:
        return declared.lower()
    if sum(ch.isalpha() for ch in _strip_names(text)) < BLOCK_MIN_LETTERS:
        return None
    return detect_language(text)


def _majority(parts: list[tuple[str, str | None]]) -> str | None:
    weights: Counter[str] = Counter()
    for text, language in parts:
        if language is not None:
            weights[language] += len(text)
    if not weights:
        return None
    return weights.most_common(1)[0][0]


def _strip_names(text: str) -> str:
    text = _URL.sub(" ", text)
    text = _EMAIL.sub(" ", text)
    text = _HANDLE_OR_HASHTAG.sub(" ", text)
    return " ".join(_NON_LETTERS.sub(" ", text).split())


def _lingua(text: str) -> tuple[str | None, float]:
    detector = _detector("lingua", _build_lingua)
    if detector is None:
        return None, 0.0
    values = detector.compute_language_confidence_values(text)
    if not values:
        return None, 0.0
    best = values[0]
    return best.language.iso_code_639_1.name.lower(), float(best.value)


def _langid(text: str) -> tuple[str | None, float]:
    identifier = _detector("langid", _build_langid)
    if identifier is None:
        return None, 0.0
    language, probability = identifier.classify(text)
    return str(language), float(probability)


def _detector(name: str, build: Any) -> Any:
    if name not in _DETECTORS:
        with _LOCK:
            if name not in _DETECTORS:
                try:
                    _DETECTORS[name] = build()
                except ImportError:  # a missing optional detector leaves the other one
                    _DETECTORS[name] = None
    return _DETECTORS[name]


def _build_lingua() -> Any:
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, code.upper()) for code in SUPPORTED_LANGUAGES]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()


def _build_langid() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(SUPPORTED_LANGUAGES))
    return identifier
