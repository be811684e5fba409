"""Text cleanup that every reader applies before offsets are computed."""

from __future__ import annotations

import hashlib
import re
import unicodedata

# Invisible characters that only break words apart for the tokenizer: zero-width space, word joiner,
# byte-order mark, soft hyphen, Mongolian vowel separator. Zero-width (non-)joiners are kept because
# emoji sequences and Arabic or Persian spelling need them.
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad\u180e]")
# C0/C1 control characters except tab and newline (form feed and vertical tab become newlines first),
# and lone surrogates, which undecodable input can leave behind.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_LINE_BREAK = re.compile("\r\n|[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_HORIZONTAL_SPACE = re.compile(r"[^\S\n]+")
_SPACE_AROUND_NEWLINE = re.compile(r" ?\n ?")
_BLANK_LINES = re.compile(r"\n{3,}")


def clean_characters(text: str) -> str:
    """NFC, ``\n`` line ends, no invisible or control characters; spaces are left alone."""
    text = _LINE_BREAK.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub("", text)
    # NFC after the deletions, because a deletion can bring a letter and its combining mark together.
    return unicodedata.normalize("NFC", text)


def normalise(text: str) -> str:
    """Clean ``text`` for analysis: unify line breaks, drop invisible and control characters, NFC,
    collapse runs of horizontal space to one space (line breaks stay), at most one blank line.

    Idempotent: ``normalise(normalise(x)) == normalise(x)``.
    """
    text = clean_characters(text)
    text = _HORIZONTAL_SPACE.sub(" ", text)
    text = _SPACE_AROUND_NEWLINE.sub("\n", text)
    return _BLANK_LINES.sub("\n\n", text)


def content_hash(text: str) -> str:
    """A hash of the whitespace-normalised, lower-cased text: equal for exact copies (the store's
    duplicate check and the stories' tie-break use the same one)."""
    normal = " ".join(text.lower().split())
    return hashlib.sha1(normal.encode()).hexdigest()
