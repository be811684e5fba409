"""SoMaJo, loaded once per language, turned into sentences of token spans with exact offsets.

SoMaJo normalises what it returns (NFC, emoticons without their spaces, deleted control characters),
so its strings are aligned back to the text here; SoMaJo's own ``character_offsets`` option does the
same but took a third of the run time. Only spans leave this module; callers slice the text.
"""

from __future__ import annotations

import contextlib
import importlib
import re
import threading
import unicodedata
from collections.abc import Iterator
from typing import Any

from blickwinkel.text.ranks import RANK_ABBREVIATIONS_EN

Span = tuple[int, int]

_MODELS = {"de": "de_CMC", "en": "en_PTB"}
# Abbreviated ranks, some of which SoMaJo's English list lacks (it has Lt., Capt., Gen., Col., Sen.,
# Rep.…): without them '…," said Sgt. Ann Lee' ended a sentence after "Sgt." and lost its speaker.
_RANKS_EN = tuple(f"{rank}." for rank in RANK_ABBREVIATIONS_EN)
_RANKS_VERSION = 2
_TOKENIZERS: dict[str, Any] = {}
_LOCK = threading.Lock()

_FALLBACK_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*\.?|[^\w\s]+", re.UNICODE)
_FALLBACK_SENTENCE_END = re.compile(r"[.!?…]+[\"'“”»«)]*$")


def model_language(language: str | None) -> str:
    """The SoMaJo model for an ISO language code: German by default, English for other languages."""
    if language is None:
        return "de"
    return "de" if language.lower().startswith("de") else "en"


def _tokenizer(language: str | None) -> Any:
    model = model_language(language)
    tokenizer = _TOKENIZERS.get(model)
    if tokenizer is None:
        with _LOCK:
            tokenizer = _TOKENIZERS.get(model)
            if tokenizer is None:
                tokenizer = _build(_MODELS[model])
                _speed_up(tokenizer)
                _TOKENIZERS[model] = tokenizer
    return tokenizer


def _build(name: str) -> Any:
    """SoMaJo's tokenizer for model ``name``, its word-list patterns compiled from the code kept in the
    user cache (``datacache.RegexCodes``: about 0.15 s less per model and process)."""
    import somajo
    from somajo import SoMaJo
    from somajo import tokenizer as module

    from blickwinkel import datacache

    # (the list we add is part of the patterns, so its version names the kept code)
    codes = datacache.RegexCodes(f"somajo-{somajo.__version__}-{name}-ranks{_RANKS_VERSION}")
    shipped_re, shipped_read = module.re, module.utils.read_abbreviation_file

    def read_in_fixed_order(filename: str, to_lower: bool = False) -> list[str]:
        # SoMaJo sorts its word lists longest first, equal lengths in set order, which changes with
        # every process's string hashing; so would its patterns, and no cached code would fit. Among
        # literals of one length at most one text can match, so this order matches the same.
        entries = shipped_read(filename, to_lower)
        if filename == "abbreviations_en.txt":
            ranks = [rank.lower() for rank in _RANKS_EN] if to_lower else list(_RANKS_EN)
            entries = [*entries, *(rank for rank in ranks if rank not in entries)]
        return sorted(entries, key=lambda entry: (-len(entry), entry))

    def sorted_in_fixed_order(items: Any, *, key: Any = None, reverse: bool = False) -> list[Any]:
        # The same for its emoticon and text-face sets, sorted by length only (``sorted(set, key=len,
        # reverse=True)``): three patterns (0.06 s) that were compiled afresh in every process.
        with contextlib.suppress(TypeError):  # (not text: as shipped)
            items = sorted(items)
        return sorted(items, key=key, reverse=reverse)

    module.re = codes  # the tokenizer's __init__ compiles its patterns through the module's ``re``
    module.utils.read_abbreviation_file = read_in_fixed_order
    module.sorted = sorted_in_fixed_order  # shadows the built-in there
    try:
        tokenizer = SoMaJo(name, split_camel_case=False, character_offsets=False)
    finally:
        module.re, module.utils.read_abbreviation_file = shipped_re, shipped_read
        del module.sorted
    codes.save()
    return tokenizer


class _GuardedPattern:
    """A compiled SoMaJo pattern run only where a match is possible.

    ``required``: every match contains one of these characters, so a text without any is skipped.
    ``within_words``: no match contains whitespace and whitespace satisfies the pattern's boundary
    look-arounds, so the pattern runs on the whitespace-free stretches that contain a required
    character instead of on the whole text.
    """

    def __init__(self, pattern: Any, required: str, *, within_words: bool = False) -> None:
        self._pattern = pattern
        self._required = frozenset(required)
        self._stretch = re.compile(r"\S*[" + re.escape(required) + r"]\S*") if within_words else None
        self.pattern = pattern.pattern

    def finditer(self, text: str) -> Iterator[Any]:
        if self._required.isdisjoint(text):
            return iter(())
        if self._stretch is None:
            return self._pattern.finditer(text)  # type: ignore[no-any-return]  # regex, untyped
        return (
            match
            for stretch in self._stretch.finditer(text)
            for match in self._pattern.finditer(text, stretch.start(), stretch.end())
        )

    def __getattr__(self, name: str) -> Any:
        return getattr(self._pattern, name)


def _speed_up(somajo: Any) -> None:
    """Skip work in SoMaJo that cannot produce a match; this saves about a third of its run time.

    Profiling on German news showed the time in the per-grapheme emoji scan and in long alternations
    run over whole paragraphs. The guards rely on facts about SoMaJo's word lists (every abbreviation
    ends in a dot and has no space; every "AT&T"-style token has ``&`` or ``+``), and the output was
    checked to be identical on 100 news articles. If SoMaJo's internals change, no guard is installed.
    """
    inner = getattr(somajo, "_tokenizer", None)
    if inner is None:
        return
    try:
        guards = {
            "abbreviation": _GuardedPattern(inner.abbreviation, ".", within_words=True),
            "single_token_abbreviation": _GuardedPattern(inner.single_token_abbreviation, "."),
            "nr_abbreviations": _GuardedPattern(inner.nr_abbreviations, "."),
            "token_with_plus_ampersand": _GuardedPattern(inner.token_with_plus_ampersand, "&+"),
        }
        split_emojis = inner._split_emojis
    except AttributeError:
        return
    # The union of the character classes SoMaJo's emoji step tests grapheme by grapheme.
    emoji: Any = importlib.import_module("regex").compile(
        r"[\p{Extended_Pictographic}\p{Emoji_Presentation}\uFE0F]"
    )

    def guarded_split_emojis(node: Any, token_class: str = "emoticon") -> None:
        if emoji.search(node.value.text) is not None:
            split_emojis(node, token_class)

    for name, guard in guards.items():
        setattr(inner, name, guard)
    inner._split_emojis = guarded_split_emojis


MAX_TOKEN_CHARS = 200
"""A run of more characters without a space (a long link, data, noise) is one token and a sentence
of its own, never given to SoMaJo: its patterns take time that grows with the cube of such a run."""
MAX_PIECE_CHARS = 2000
"""SoMaJo's time per line grows faster than the line (about 0.1 s for 8,000 characters of news,
0.8 s for 8,000 characters of dotted abbreviations); longer lines are cut into pieces of at most this
length, after a sentence end where there is one, else at a space. News paragraphs are shorter."""
MAX_SOMAJO_CHARS = 50_000
"""A text longer than this (no article block is) is split by the plain regular expressions, which
take linear time: a megabyte of text is split in a second, not in minutes."""

_PIECE_END = re.compile(r"[.!?…][\"'“”»«)]*\s+")
_LONG_RUN = re.compile(rf"\S{{{MAX_TOKEN_CHARS + 1},}}")


def sentence_spans(text: str, language: str | None) -> list[list[Span]]:
    """Sentences of ``text`` as lists of token spans; every line break ends a sentence."""
    sentences: list[list[Span]] = []
    offset = 0
    plain = len(text) > MAX_SOMAJO_CHARS
    elision = _ELISIONS.get((language or "")[:2].lower())
    for line in text.split("\n"):
        if line.strip():
            for start, piece in _pieces(line):
                found = _fallback_sentences(piece) if plain else _piece_sentences(piece, language)
                shift = offset + start
                if elision is not None:
                    found = [_split_elisions(piece, sentence, elision) for sentence in found]
                sentences.extend([(shift + a, shift + b) for a, b in sentence] for sentence in found)
        offset += len(line) + 1
    return sentences


# French and Italian write an article, preposition or pronoun elided onto the next word ("l'ONU",
# "d'Orléans", "qu'il", "dell'Onu", "all'aeroporto"); SoMaJo's models (German and English) keep the
# two as one token, so the name behind the apostrophe was never looked up and its lemma never found.
# The elided word becomes a token of its own (apostrophe included), as French and Italian tokenisers
# do. Written from general knowledge of the two languages (docs/data-sources.md).
_ELIDED_WORDS = {
    "fr": "l d j m n s t c qu jusqu lorsqu puisqu quoiqu presqu",
    "it": "l d c n s m t v un all dall dell nell sull coll quell quest tutt bell sant",
}
_ELISIONS = {
    code: re.compile(rf"(?i)(?:{'|'.join(heads.split())})['’](?=\w)") for code, heads in _ELIDED_WORDS.items()
}


def _split_elisions(text: str, sentence: list[Span], elision: re.Pattern[str]) -> list[Span]:
    """``sentence``'s tokens with an elided word before a word split off: "l'ONU" -> "l'", "ONU"."""
    out: list[Span] = []
    for a, b in sentence:
        found = elision.match(text, a, b)
        if found is not None and found.end() < b:
            out.extend(((a, found.end()), (found.end(), b)))
        else:
            out.append((a, b))
    return out


def _piece_sentences(piece: str, language: str | None) -> list[list[Span]]:
    if len(piece) > MAX_TOKEN_CHARS and not any(ch.isspace() for ch in piece):
        return [[(0, len(piece))]]
    return _line_sentences(piece, language)


def _pieces(line: str) -> Iterator[tuple[int, str]]:
    """``line`` cut into (offset, piece): runs over MAX_TOKEN_CHARS alone, the rest in pieces of at
    most MAX_PIECE_CHARS cut after a sentence end or at a space. A short line is one piece."""
    if len(line) <= MAX_PIECE_CHARS and len(line) <= MAX_TOKEN_CHARS:
        yield 0, line
        return
    position = 0
    for run in _LONG_RUN.finditer(line):
        yield from _cut(line, position, run.start())
        yield run.start(), run.group()
        position = run.end()
    yield from _cut(line, position, len(line))


def _cut(line: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    while end - start > MAX_PIECE_CHARS:
        limit = start + MAX_PIECE_CHARS
        cut = -1
        for match in _PIECE_END.finditer(line, start + MAX_PIECE_CHARS // 2, limit):
            cut = match.end()
        if cut < 0:
            cut = line.rfind(" ", start + 1, limit) + 1 or limit
        if line[start:cut].strip():
            yield start, line[start:cut]
        start = cut
    if line[start:end].strip():
        yield start, line[start:end]


def _line_sentences(line: str, language: str | None) -> list[list[Span]]:
    try:
        raw = list(_tokenizer(language).tokenize_text([line]))
    except Exception:  # SoMaJo failing on odd input must not stop the analysis
        return _fallback_sentences(line)
    strings = [token.original_spelling or token.text for sentence in raw for token in sentence]
    spans = align_tokens(line, strings)
    sentences: list[list[Span]] = []
    position = 0
    for sentence in raw:
        found = [span for span in spans[position : position + len(sentence)] if span[1] > span[0]]
        sentences.extend(split_after_clock_time(line, found))
        position += len(sentence)
    return sentences


# SoMaJo reads "a.m." and "p.m." as abbreviations that never end a sentence, so "… at 3 a.m. A taxi
# driver …" stayed one sentence holding two facts. After a clock time the sentence ends when a
# capital opens the next word, unless that word goes on the time ("3 p.m. Monday", "9 a.m. GMT",
# "5 p.m. Eastern time") or the time opens the sentence ("At 3 p.m. Jane Doe arrived").
_CLOCK_ABBREVIATION = re.compile(r"^[ap]\.m\.$", re.IGNORECASE)
_CLOCK_NUMBER = re.compile(r"^\d{1,2}(?:[:.]\d{2})?$")
_TIME_ZONE = re.compile(r"^(?:[A-Z]{2,5}\b|(?:Eastern|Central|Mountain|Pacific|Atlantic|Local)\b)")
# Words that may come before a clock time that opens its sentence: "Shortly after 3 a.m.", "On Monday
# at 9 a.m.", "By 10 p.m. on Friday" (weekday and month names and numbers count too).
_TIME_OPENERS = frozenset(
    "at by after before around about until till from since shortly just soon some nearly almost "
    "approximately roughly between and to on early late then".split()
)
_OPENING_QUOTES = frozenset({'"', "“", "‘", "'", "„"})


def _clock_names() -> frozenset[str]:
    from blickwinkel.text.months import month_numbers
    from blickwinkel.text.weekdays import weekday_numbers

    return frozenset(
        [
            *weekday_numbers("en", "full"),
            *weekday_numbers("en", "short"),
            *month_numbers("en", "full"),
            *month_numbers("en", "short"),
        ]
    )


def split_after_clock_time(line: str, sentence: list[Span]) -> list[list[Span]]:
    """``sentence`` (token spans in ``line``) cut after every "a.m."/"p.m." that ends a sentence."""
    words = [line[a:b] for a, b in sentence]
    if len(words) < 4 or not any(_CLOCK_ABBREVIATION.match(w) for w in words[1:-1]):
        return [sentence]
    names = _clock_names()
    parts: list[list[Span]] = []
    first = 0
    for index in range(1, len(words) - 1):
        if not _CLOCK_ABBREVIATION.match(words[index]) or not _CLOCK_NUMBER.match(words[index - 1]):
            continue
        following = index + 1
        if words[following] in _OPENING_QUOTES and following + 1 < len(words):
            following += 1
        next_word = words[following]
        if (
            not next_word[:1].isupper()
            or next_word.lower().rstrip(".") in names
            or _TIME_ZONE.match(" ".join(words[following:]))
        ):
            continue
        before = [w.lower() for w in words[first : index - 1] if w not in {",", "-", "–"}]
        if all(w in _TIME_OPENERS or w in names or w.isdigit() for w in before):
            continue
        parts.append(sentence[first : index + 1])
        first = index + 1
    parts.append(sentence[first:])
    return parts


def _visible(text: str) -> str:
    """``text`` compared the way SoMaJo may have rewritten it: no spaces, marks or case."""
    decomposed = unicodedata.normalize("NFKD", text).casefold()
    return "".join(ch for ch in decomposed if not ch.isspace() and not unicodedata.combining(ch))


def _letters_and_digits(text: str) -> str:
    return "".join(ch for ch in _visible(text) if ch.isalnum())


def align_tokens(text: str, tokens: list[str]) -> list[Span]:
    """Spans of ``tokens`` in ``text``, in order and never overlapping.

    A token is looked up verbatim right after the previous one; one that SoMaJo rewrote is matched
    ignoring spaces, accents and case. Empty spans (text used up) are left for the caller to drop.
    """
    spans: list[Span] = []
    cursor = 0
    for token in tokens:
        while cursor < len(text) and text[cursor].isspace():
            cursor += 1
        found = text.find(token, cursor, cursor + len(token) + 64) if token else -1
        if found >= 0 and not text[cursor:found].strip(_SKIPPABLE):
            start, end = found, found + len(token)
        else:
            start, end = cursor, _approximate_end(text, cursor, token)
        spans.append((start, end))
        cursor = end
    return spans


# Characters SoMaJo deletes, so a found token may follow them.
_SKIPPABLE = " \t\u00ad\u200b\u2060\ufeff\u200c\u200d\ufe0f"


def _approximate_end(text: str, start: int, token: str) -> int:
    """End of the shortest stretch from ``start`` that spells the token, ignoring spaces, accents and
    case (then only letters and digits); else the end of the whitespace-delimited stretch."""
    for key in (_visible, _letters_and_digits):
        wanted = key(token)
        if not wanted:
            continue
        seen = ""
        position = start
        while position < len(text) and len(seen) < len(wanted):
            seen += key(text[position])
            position += 1
        if seen == wanted:
            while position < len(text) and _attaches_to_previous(text[position]):
                position += 1
            return position
    end = start
    while end < len(text) and not text[end].isspace():
        end += 1
    return end


def _attaches_to_previous(ch: str) -> bool:
    return bool(unicodedata.combining(ch)) or ch in "\u200d\ufe0e\ufe0f"


def _fallback_sentences(line: str) -> list[list[Span]]:
    """A plain regex split, for lines SoMaJo raises on and for very long texts. A sentence ends at
    its end mark or after MAX_PIECE_CHARS characters, so no analyser ever gets a longer one."""
    sentences: list[list[Span]] = []
    current: list[Span] = []
    for match in _FALLBACK_TOKEN.finditer(line):
        current.append(match.span())
        if _FALLBACK_SENTENCE_END.search(match.group()) or match.end() - current[0][0] >= MAX_PIECE_CHARS:
            sentences.append(current)
            current = []
    if current:
        sentences.append(current)
    return sentences
