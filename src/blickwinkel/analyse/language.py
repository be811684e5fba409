"""Language of a text, of every block of an article and of the article as a whole.

py3langid ranks the supported languages first (its model loads in milliseconds from the user's cache
directory). A text of a block's length it is sure of keeps its answer; any other text goes to lingua in
high-accuracy mode (about 0.15 ms per block, much better than the low-accuracy mode on tweet-length
text), restricted to py3langid's few likely candidates: lingua loads a language's models (about
0.3 s each) only when a text could be in it, so German and English news never loads the other nine.
Only an answer lingua is confident of, or both agree on, or py3langid is sure of, is kept. Links,
@handles and #hashtags are removed first: they are names, not language.

lingua reads a text shorter than 120 characters with all its n-gram models (about 0.3 s to load per
language), a longer one with its trigram models only (about 0.02 s). Within an article, a short block
(a headline, a caption) whose likeliest language by py3langid is the language of the article's other
blocks takes that language without asking lingua: lingua is asked about a short block only when it
may be in another language than the article around it.
"""

from __future__ import annotations

import functools
import re
import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from blickwinkel.model import Article

if TYPE_CHECKING:
    from pathlib import Path

SUPPORTED_LANGUAGES: tuple[str, ...] = ("ar", "de", "en", "es", "fr", "it", "nl", "pl", "pt", "ru", "tr")
"""ISO 639-1 codes the detectors choose from."""

MIN_LETTERS = 12
"""Fewer letters than this (after removing links and handles) give no answer: too short to tell."""
MIN_WORDS = 2
LINGUA_CONFIDENCE = 0.6
"""lingua's relative confidence at or above which its answer stands alone."""
LANGID_CONFIDENCE = 0.9
"""py3langid's normalised probability at or above which it may overrule an unsure lingua."""
LANGID_SURE = 0.99
LANGID_SURE_LETTERS = 40
"""A text of this many letters (the shortest block that is detected at all) that py3langid gives this
probability needs no second opinion. Chosen on 2,500 text pieces of the SemEval same-story sample
(every value from 12 to 120 letters kept 2,497 answers of the previous lingua-first detector);
measured on 3,000 held-out pieces of the WikiNews clusters and corpus-de: 2,998 answers the same."""
CANDIDATE_MASS = 0.999
MAX_CANDIDATES = 3
"""lingua chooses among py3langid's likeliest languages that together hold this much probability
(at least two, at most this many)."""
MAX_CHARACTERS = 300
"""Only the start of a long text is read: the language is clear long before, and time grows with length.
Cut from 800 (half the CPU per article of the stories path's guess); the same answer on all 7,849
texts of corpus-de, the WikiNews clusters and the SemEval sample and on their 8,381 blocks longer
than 300 characters."""
BLOCK_MIN_LETTERS = 40
"""Blocks with fewer letters take the article's language instead of their own guess."""
LINGUA_SHORT_TEXT = 120
"""lingua's own bound (``HIGH_ACCURACY_MODE_MAX_TEXT_LENGTH``): shorter texts load every n-gram model."""

_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w.-]+\.(?:com|org|net|de|at|ch|uk|io)(?:/\S*)?\b", re.I)
_HANDLE_OR_HASHTAG = re.compile(r"(?<!\w)[@#]\w+")
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_NON_LETTERS = re.compile(r"[^\w\s'’-]|\d|_")
_TOKEN = re.compile(r"\S+")
_LINK_MARKS = frozenset(".:@#")
"""A token without any of these characters matches none of the three patterns above (a link has
``://`` or a dot, an address ``@``, a handle or hashtag ``@`` or ``#``), so they are not run on it."""
MAX_TOKEN = 100
"""Runs of more characters without a space are links, data or noise, never words: they are dropped
whole, which keeps the patterns above (that backtrack inside a token) linear in the text's length."""

_LOCK = threading.Lock()
_DETECTORS: dict[str, Any] = {}


def detect_language(text: str, *, around: str | None = None) -> str | None:
    """The ISO 639-1 code of the language of ``text``, or ``None`` when it is too short or unclear.

    ``around`` is the language of the text around ``text`` (its article): a short text whose likeliest
    language by py3langid is that one takes it without the slow second opinion."""
    return _detect_cleaned(_strip_names(text[:MAX_CHARACTERS]), around)


_ASK_AROUND = "?"
"""What ``_detect_cleaned`` answers, with ``around`` set to this, for a short text lingua would have to
read with every n-gram model: decide it once the language around it is known."""


# The pipeline asks for the article's language and then for each block's: the same texts twice.
@functools.lru_cache(maxsize=2048)
def _detect_cleaned(cleaned: str, around: str | None = None) -> str | None:
    letters = sum(ch.isalpha() for ch in cleaned)
    if letters < MIN_LETTERS or len(cleaned.split()) < MIN_WORDS:
        return None
    ranking = _langid_ranking(cleaned)
    second, probability = ranking[0] if ranking else (None, 0.0)
    if second is not None and probability >= LANGID_SURE and letters >= LANGID_SURE_LETTERS:
        return second
    if around is not None and len(cleaned) < LINGUA_SHORT_TEXT:
        if around == _ASK_AROUND:
            return _ASK_AROUND
        if second == around:
            return second
    guess, confidence = _lingua(cleaned, _candidates(ranking))
    if guess is not None and confidence >= LINGUA_CONFIDENCE:
        return guess
    if second is not None and (second == guess or probability >= LANGID_CONFIDENCE):
        return second
    return None


def _candidates(ranking: list[tuple[str, float]]) -> tuple[str, ...]:
    """py3langid's likeliest languages, best first; all supported ones when it has no ranking."""
    if not ranking:
        return SUPPORTED_LANGUAGES
    chosen: list[str] = []
    mass = 0.0
    for language, probability in ranking:
        if len(chosen) >= MAX_CANDIDATES or (len(chosen) >= 2 and mass >= CANDIDATE_MASS):
            break
        chosen.append(language)
        mass += probability
    return tuple(sorted(chosen))


def detect_block_languages(article: Article) -> tuple[str | None, ...]:
    """One language per block of ``article``; short blocks and unclear ones take the article's."""
    texts = [article.text[block.start : block.end] for block in article.blocks]
    around = article.language.lower() if article.language else _ASK_AROUND
    own = [
        _own_block_language(text, block.language, around)
        for text, block in zip(texts, article.blocks, strict=True)
    ]
    if _ASK_AROUND in own:
        # Short blocks wait for the language of the blocks that could be told on their own.
        settled = _majority(
            [(text, lang) for text, lang in zip(texts, own, strict=True) if lang != _ASK_AROUND]
        )
        own = [
            _own_block_language(text, None, settled) if lang == _ASK_AROUND else lang
            for text, lang in zip(texts, own, strict=True)
        ]
    fallback = article.language or _majority(list(zip(texts, own, strict=True)))
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


def with_languages(article: Article, default: str | None = None) -> Article:
    """``article`` with its language and its blocks' languages filled in where the input declared none
    (``default`` where none can be told; a block without one takes the article's)."""
    language = article.language or article_language(article) or default
    block_languages = detect_block_languages(replace(article, language=language))
    blocks = tuple(
        replace(b, language=b.language or lang or language)
        for b, lang in zip(article.blocks, block_languages, strict=True)
    )
    return replace(article, language=language, blocks=blocks)


def _own_block_language(text: str, declared: str | None, around: str | None) -> str | None:
    if declared:
        return declared.lower()
    if not _has_letters(text, BLOCK_MIN_LETTERS):
        return None
    return detect_language(text, around=around)


def _majority(parts: list[tuple[str, str | None]]) -> str | None:
    weights: Counter[str] = Counter()
    for text, language in parts:
        if language is not None:
            weights[language] += len(text)
    if not weights:
        return None
    return weights.most_common(1)[0][0]


def _strip_names(text: str) -> str:
    """``text`` without links, e-mail addresses, handles, hashtags, digits and punctuation."""
    return " ".join(_clean_words(text))


def _clean_words(text: str) -> Iterator[str]:
    # Every pattern matches inside one whitespace-free token, so token by token is the same as the
    # whole text at once; tokens are found lazily, so a caller that has seen enough can stop early.
    for match in _TOKEN.finditer(text):
        token = match.group()
        if len(token) > MAX_TOKEN:
            continue
        if not _LINK_MARKS.isdisjoint(token):  # every link, address, handle or hashtag has one
            token = _URL.sub(" ", token)
            token = _EMAIL.sub(" ", token)
            token = _HANDLE_OR_HASHTAG.sub(" ", token)
        yield from _NON_LETTERS.sub(" ", token).split()


def _has_letters(text: str, minimum: int) -> bool:
    """True when ``text`` has at least ``minimum`` letters outside links and handles."""
    count = 0
    for word in _clean_words(text):
        count += sum(ch.isalpha() for ch in word)
        if count >= minimum:
            return True
    return False


def _lingua(text: str, candidates: tuple[str, ...]) -> tuple[str | None, float]:
    detector = _detector("lingua:" + ",".join(candidates), lambda: _build_lingua(candidates))
    if detector is None:
        return None, 0.0
    values = detector.compute_language_confidence_values(text)
    if not values:
        return None, 0.0
    best = values[0]
    return best.language.iso_code_639_1.name.lower(), float(best.value)


def _langid_ranking(text: str) -> list[tuple[str, float]]:
    """The supported languages with py3langid's normalised probabilities, likeliest first."""
    identifier = _detector("langid", _build_langid)
    if identifier is None:
        return []
    return [(str(language), float(probability)) for language, probability in identifier.rank(text)]


def _detector(name: str, build: Any) -> Any:
    if name not in _DETECTORS:
        with _LOCK:
            if name not in _DETECTORS:
                try:
                    _DETECTORS[name] = build()
                except ImportError:  # a missing optional detector leaves the other one
                    _DETECTORS[name] = None
    return _DETECTORS[name]


def _build_lingua(candidates: tuple[str, ...]) -> Any:
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, code.upper()) for code in candidates]
    if len(codes) < 2:  # lingua needs two languages to choose from
        codes.append(IsoCode639_1.EN if IsoCode639_1.EN not in codes else IsoCode639_1.DE)
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()


def _build_langid() -> Any:
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    from blickwinkel import datacache

    source = MODEL_DIR / MODEL_FILE
    key = datacache.source_key(source, *SUPPORTED_LANGUAGES)
    # A damaged cache file (zip, npy and array checks raise several kinds) is written anew.
    cached = datacache.cached_data(
        f"py3langid-{key}.npz", _write_langid_model, lambda path: _langid_from_cache(path, key)
    )
    if cached is not None:
        return cached
    # no writable cache, or a damaged one that cannot be written anew: decompress the shipped model
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(SUPPORTED_LANGUAGES))
    return identifier


def _langid_from_cache(path: Path, key: str) -> Any:
    """py3langid's identifier from the decompressed model kept in the user cache."""
    import numpy as np
    from py3langid.langid import LanguageIdentifier
    from py3langid.modelio import _to_array

    from blickwinkel import datacache

    def write_nextmove(target: Any) -> None:
        with path.open("rb") as source, np.load(source, allow_pickle=False) as model, target.open("wb") as fh:
            np.save(fh, model["nextmove"], allow_pickle=False)

    # The tokenizer's transition table (39 MB) is memory-mapped: a text reads a few of its pages.
    # (a damaged one is written anew; none: the table from the model file)
    mapped = datacache.cached_data(
        f"py3langid-nextmove-{key}.npy",
        write_nextmove,
        lambda table: memoryview(np.load(table, mmap_mode="r", allow_pickle=False)),
    )
    # (the file opened here: numpy leaves a file it opened itself open when it is not a zip file)
    with path.open("rb") as source, np.load(source, allow_pickle=False) as model:
        nextmove: Any = mapped if mapped is not None else _to_array(model["nextmove"])
        return LanguageIdentifier(
            model["ptc"],
            model["pc"],
            model["classes"].tolist(),
            nextmove,
            model["output"].tolist(),
            norm_probs=True,
            tk_row=_to_array(model["row"]),
        )


def _write_langid_model(path: Any) -> None:
    """py3langid's model for the supported languages, decompressed once: the xz original of all 97
    languages takes about 0.5 s a process to load."""
    import numpy as np
    from py3langid.langid import MODEL_DIR, MODEL_FILE
    from py3langid.modelio import load_model

    ptc, pc, classes, nextmove, row, output = load_model(MODEL_DIR / MODEL_FILE)
    kept = [i for i, language in enumerate(classes) if language in SUPPORTED_LANGUAGES]
    with path.open("wb") as fh:
        np.savez(
            fh,
            ptc=np.ascontiguousarray(ptc[:, kept]),
            pc=pc[kept],
            classes=np.array([classes[i] for i in kept]),
            nextmove=np.frombuffer(nextmove, dtype=np.dtype(nextmove.typecode)),
            row=np.frombuffer(row, dtype=np.dtype(row.typecode)),
            output=np.asarray(output, dtype=np.int32),
        )
