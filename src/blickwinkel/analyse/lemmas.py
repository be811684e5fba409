"""Lemmas (simplemma) for German, English, French, Spanish, Italian, Portuguese and Dutch tokens and
part-of-speech tags (HanTa) for German and English ones.

HanTa tags about 300 sentences/s in context, far below the ~2,000 sentences/s the analysis needs,
so tags come from its context-free word analysis (``tag_word``), cached per word form. German tags
are STTS (``NE`` proper noun, ``NN`` noun, ``VVFIN`` ...); English ones are the BNC's CLAWS C5
(``NP0`` proper noun, ``NN1`` singular noun, ...), the tag set of HanTa's English model.
Both models load once, lazily, on first use, and only for a language that occurs. simplemma's
dictionaries ship LZMA-compressed and front-coded (decoding one takes about a second); they are
decoded once into a sorted table in the user's cache directory (``blickwinkel.datacache``) and
memory-mapped from then on.
"""

from __future__ import annotations

import re
import sys
import threading
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from blickwinkel import datacache

SUPPORTED_LANGUAGES = ("de", "en")
# simplemma's dictionaries also serve French, Spanish, Italian, Portuguese and Dutch lemmas (HanTa's tags
# stay German and English): their words were lemmatised with the German dictionary.
LEMMA_LANGUAGES = ("de", "en", "fr", "es", "it", "pt", "nl")
_HANTA_MODELS = {"de": "morphmodel_ger.pgz", "en": "morphmodel_en.pgz"}
_PUNCTUATION = re.compile(r"^\W+$")
_NUMBER = re.compile(r"^[\d.,:/%-]*\d[\d.,:/%-]*$")
_LONG_COMPOUND = 10
_MIN_COMPOUND_PART = 4
_lock = threading.Lock()
_taggers: dict[str, Any] = {}


def _language(language: str) -> str:
    """Map a language code to one HanTa and simplemma know; unknown languages fall back to German."""
    code = (language or "de").lower()[:2]
    return code if code in SUPPORTED_LANGUAGES else "de"


def _lemma_language(language: str) -> str:
    """Map a language code to one whose simplemma dictionary is used; others fall back to German."""
    code = (language or "de").lower()[:2]
    return code if code in LEMMA_LANGUAGES else "de"


def _tagger(language: str) -> Any:
    lang = _language(language)
    tagger = _taggers.get(lang)
    if tagger is None:
        with _lock:
            tagger = _taggers.get(lang)
            if tagger is None:
                tagger = _load_hanta(_HANTA_MODELS[lang])
                _taggers[lang] = tagger
    return tagger


def _load_hanta(model: str) -> Any:
    """HanTa's tagger for ``model``, ready to use, from the user's cache directory: HanTa unpacks a
    gzipped pickle and then works out which states reach which (a quadratic loop, about 0.1 s for the
    German model) in every process; the cache keeps the tagger's state after that as marshal data
    (plain dicts, tuples and floats, read in about half the time unpickling takes; its one compiled
    pattern is kept as pattern and flags)."""
    import marshal

    from HanTa import HanoverTagger

    source = Path(HanoverTagger.__file__).with_name(model)

    def write(path: Path) -> None:
        state = dict(vars(HanoverTagger.HanoverTagger(model)))
        patterns = {k: (v.pattern, v.flags) for k, v in state.items() if isinstance(v, re.Pattern)}
        plain = {k: _plain(v) for k, v in state.items() if k not in patterns}
        path.write_bytes(marshal.dumps((patterns, plain)))

    def read(path: Path) -> Any:
        patterns, plain = marshal.loads(path.read_bytes())
        tagger = HanoverTagger.HanoverTagger.__new__(HanoverTagger.HanoverTagger)
        vars(tagger).update(plain)
        vars(tagger).update({k: re.compile(*pattern) for k, pattern in patterns.items()})
        return tagger

    # (a damaged file is written anew; without a cache the tagger loads as shipped)
    cached = datacache.cached_data(datacache.marshal_name("hanta", source), write, read)
    return cached if cached is not None else HanoverTagger.HanoverTagger(model)


def _plain(value: Any) -> Any:
    """``value`` with numpy's float scalars (a few of HanTa's scores) as Python floats, which marshal
    keeps (the same double, so the same arithmetic); containers are rebuilt as the same type."""
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return type(value)(_plain(v) for v in value)
    if isinstance(value, float) and type(value) is not float:
        return float(value)
    return value


def _compound_head(tagger: Any, word: str) -> str | None:
    """The longest known noun that ends an unknown German compound ("Regierungssprecherin" → "Sprecherin").

    HanTa needs ~2 ms to analyse an unknown long word but knows its training words at once; a German
    compound takes the part of speech of its last part, so a known noun at the end decides the tag.
    """
    lexicon = getattr(tagger, "cache", None)
    if not isinstance(lexicon, dict) or tagger.normalize(word) in lexicon:
        return None
    for cut in range(_MIN_COMPOUND_PART, len(word) - _MIN_COMPOUND_PART + 1):
        tail = word[cut:]
        if tagger.normalize(tail) in lexicon:
            head = tail[0].upper() + tail[1:]
            return head if word_tags(head, "de")[0] == "NN" else None
    return None


# Endings that make an unknown capitalised German word a common noun ("Vorbedingung",
# "Brückenköpfen" is left to HanTa): HanTa needs 0.5–2 ms to analyse an unknown word and would say
# the same, and a stream of news brings thousands of new compounds an hour.
_NOUN_ENDINGS = (
    "ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "tion", "tionen", "tät",
    "täten", "ismus", "ismen", "nis", "nisse", "tum", "tümer", "ling", "linge", "chen", "ierung",
    "ierungen", "ment", "ments", "enz", "enzen", "anz", "anzen", "ität", "itäten", "sektor", "politik",
    "gesetz", "verfahren", "gebiet", "stelle", "stellen", "kosten", "zahlen", "preise", "werk", "zeug",
    "platz", "punkt", "system", "programm", "projekt",
)  # fmt: skip


def _quick_german_noun(tagger: Any, word: str) -> tuple[str, ...] | None:
    """Tags of an unknown German word that need no analysis: a hyphenated compound takes the tags of
    its last part ("Einweg-Angriffsdrohnen"), a capitalised word with a noun ending is a noun."""
    lexicon = getattr(tagger, "cache", None)
    if not isinstance(lexicon, dict) or not word[:1].isupper() or tagger.normalize(word) in lexicon:
        return None
    if "-" in word.strip("-"):
        last = word.rsplit("-", 1)[1]
        if len(last) >= _MIN_COMPOUND_PART and last[:1].isupper():
            return word_tags(last, "de")
        return None
    if len(word) > 6 and word.lower().endswith(_NOUN_ENDINGS):
        return ("NN",)
    return None


MAX_ANALYSED_CHARS = 100
"""Longer tokens (links, markup, data; the longest German compounds in use have about 60 letters) are
tagged as nouns without HanTa: its analysis of a word takes time that grows faster than the square of
its length (0.45 s for 200 characters of markup, 14 s for 2,850, over 10 minutes for 19,000)."""


def _stts(tag: str) -> str:
    """HanTa writes ``VV(FIN)``; STTS writes ``VVFIN``."""
    return tag.replace("(", "").replace(")", "")


@lru_cache(maxsize=200_000)
def word_tags(word: str, language: str = "de") -> tuple[str, ...]:
    """The tags HanTa considers for ``word`` out of context, most likely first."""
    lang = _language(language)
    if _NUMBER.match(word):
        return ("CARD" if lang == "de" else "CD",)
    if _PUNCTUATION.match(word):
        return ("$." if lang == "de" else ".",)
    if len(word) > MAX_ANALYSED_CHARS:
        return ("NN" if lang == "de" else "NP0",)
    tagger = _tagger(lang)
    if lang == "de":
        quick = _quick_german_noun(tagger, word)
        if quick is not None:
            return quick
    if lang == "de" and len(word) >= _LONG_COMPOUND and word.isalpha():
        head = _compound_head(tagger, word)
        if head is not None:
            return word_tags(head, lang)
    analyses = tagger.tag_word(word)
    tags = tuple(dict.fromkeys(_stts(str(tag)) for tag, _score in analyses))
    return tags or ("NN" if lang == "de" else "NP0",)


def pos_tag(word: str, language: str = "de") -> str:
    """The most likely tag of one word form."""
    return word_tags(word, language)[0]


def pos_tags(tokens: Sequence[str], language: str) -> list[str]:
    """One STTS (German) or CLAWS C5 (English) tag per token, chosen per word form."""
    return [pos_tag(token, language) for token in tokens]


class _MappedDictionaries:
    """simplemma's ``DictionaryFactory``: each language's dictionary as a memory-mapped table."""

    def __init__(self) -> None:
        self._loaded: dict[str, Mapping[str, str]] = {}

    def get_dictionary(self, lang: str) -> Mapping[str, str]:
        dictionary = self._loaded.get(lang)
        if dictionary is None:
            with _lock:
                dictionary = self._loaded.get(lang)
                if dictionary is None:
                    dictionary = self._loaded[lang] = _load_dictionary(lang)
        return dictionary


def _import_simplemma() -> None:
    """Import simplemma, once, with its patterns built from code kept in the cache directory:
    importing it compiles about 400 suffix rules of every language it knows, which a new process
    would otherwise parse again (about 0.3 s of CPU)."""
    if "simplemma" not in sys.modules:
        with datacache.compiled_patterns("patterns-simplemma"):
            import simplemma  # noqa: F401 - imported for its patterns, compiled inside this block


def _load_dictionary(lang: str) -> Mapping[str, str]:
    _import_simplemma()
    from simplemma.__metadata__ import __version__
    from simplemma.strategies.dictionaries import dictionary_factory as shipped

    source = shipped.DATA_FOLDER / f"{lang}.plzma"
    decoded: dict[bytes, bytes] = {}

    def write(path: Path) -> None:
        decoded.update(shipped._load_dictionary_from_disk(lang))
        datacache.write_string_map(path, decoded.items())

    name = f"simplemma-{lang}-{datacache.source_key(__version__, source)}.map"
    mapped = datacache.cached_data(name, write, datacache.MappedStringMap)
    if mapped is not None:
        return mapped
    if not decoded:  # no cache, or a damaged one that could not be written anew: decode the shipped data
        decoded.update(shipped._load_dictionary_from_disk(lang))
    return shipped.MappingStrToByteString(decoded)


@lru_cache(maxsize=2)
def _lemmatizer(greedy: bool) -> Any:
    _import_simplemma()
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy

    return Lemmatizer(lemmatization_strategy=DefaultStrategy(greedy=greedy, dictionary_factory=_DICTIONARIES))


_DICTIONARIES = _MappedDictionaries()


def load(language: str) -> None:
    """Load the lemmatiser and ``language``'s dictionary now (else they load on first use): analysis
    does it while the tagger's vectors are computed in another process."""
    _lemmatizer(False)
    _DICTIONARIES.get_dictionary(_lemma_language(language))


@lru_cache(maxsize=200_000)
def lemma(word: str, language: str = "de", *, greedy: bool = False) -> str:
    """The dictionary form of ``word`` (simplemma); unknown words stay as they are."""
    return str(_lemmatizer(greedy).lemmatize(word, _lemma_language(language)))


# Languages whose simplemma dictionary a reader may ask for by name (``lemma_in``) while the analysis's
# own lemmas of their words stay as they are: the counted nouns of Turkish, Polish and Russian quantities
# (analyse/units.py, seventeenth session).
NAMED_LEMMA_LANGUAGES = ("pl", "tr", "ru")


@lru_cache(maxsize=50_000)
def lemma_in(word: str, language: str) -> str:
    """The dictionary form of ``word`` in ``language`` itself (one of LEMMA_LANGUAGES or
    NAMED_LEMMA_LANGUAGES, else German as ``lemma``): "kişinin" -> "kişi", "osób" -> "osoba"."""
    code = (language or "de").lower()[:2]
    if code not in NAMED_LEMMA_LANGUAGES:
        code = _lemma_language(code)
    return str(_lemmatizer(False).lemmatize(word, code))


@lru_cache(maxsize=50_000)
def is_known(word: str, language: str = "de") -> bool:
    """Whether ``word`` itself is an entry of simplemma's dictionary of ``language``."""
    _import_simplemma()
    from simplemma.strategies import DictionaryLookupStrategy
    from simplemma.utils import normalize_token

    lookup = DictionaryLookupStrategy(_DICTIONARIES)
    return lookup.get_lemma(normalize_token(word), _lemma_language(language)) is not None


def lemmatise(tokens: Sequence[str], language: str) -> list[str]:
    """One lemma per token, e.g. ``["Die", "Soldaten", "kamen"]`` → ``["der", "Soldat", "kommen"]``."""
    return [lemma(token, language) for token in tokens]


def in_lexicon(word: str, language: str = "de") -> bool:
    """Whether HanTa knows ``word`` from its training data, so that its tags are a quick look-up
    (an unknown word is analysed letter by letter, which takes milliseconds)."""
    tagger = _tagger(language)
    lexicon = getattr(tagger, "cache", None)
    return isinstance(lexicon, dict) and tagger.normalize(word) in lexicon
