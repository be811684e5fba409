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


# UTF-8 read as Latin-1 or Windows-1252 ("mojibake"): "mayorâ\x80\x99s" or "mayorâ€™s" for "mayor’s",
# "Ã©" for "é", "Â£" for "£". Only the leads of what our languages write this way are repaired: "Â"/"Ã"
# with one continuation (Latin-1 letters and signs), "â" with two (punctuation, currency, ™) and "ð"
# with three (emoji); each continuation a byte 0x80–0xBF, shown as its Latin-1 control or its
# Windows-1252 sign. A capital with a real quote after it ("„Ä“", "groß“") decodes to no such
# character and stays.
_CONTINUATION = (
    "\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d"
    + ("\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178")
)
_MOJIBAKE = re.compile(
    f"[\u00c2\u00c3][{_CONTINUATION}]|\u00e2[{_CONTINUATION}]{{2}}|\u00f0[{_CONTINUATION}]{{3}}"
)
_REPAIRED_RANGES = ((0x00A0, 0x00FF), (0x2000, 0x214F), (0x1F000, 0x1FAFF))


def _repaired(match: re.Match[str]) -> str:
    try:
        raw = bytes(ord(c) if ord(c) < 0x100 else c.encode("cp1252")[0] for c in match.group())
        char = raw.decode("utf-8")
    except (UnicodeError, ValueError):
        return match.group()
    return char if any(lo <= ord(char) <= hi for lo, hi in _REPAIRED_RANGES) else match.group()


# A lone C1 control is a Windows-1252 sign read as Latin-1 ("\x92" for "’", "\x97" for "—"); the five
# bytes Windows-1252 leaves undefined stay controls (and are deleted below), and U+0085 stays the
# line break it is in Unicode.
_C1 = re.compile("[\u0080-\u0084\u0086-\u009f]")


def _windows_sign(match: re.Match[str]) -> str:
    try:
        return bytes([ord(match.group())]).decode("cp1252")
    except UnicodeError:
        return match.group()


def repair_mojibake(text: str) -> str:
    """UTF-8 text that was read as Latin-1 or Windows-1252 and saved again, repaired (also when it
    happened twice), and lone Windows-1252 signs read as Latin-1 controls."""
    for _ in range(3):
        repaired = _MOJIBAKE.sub(_repaired, text)
        if repaired == text:
            break
        text = repaired
    return _C1.sub(_windows_sign, text)


def clean_characters(text: str) -> str:
    """NFC, ``\n`` line ends, mojibake repaired, no invisible or control characters; spaces are left
    alone."""
    text = _clean_once(text)
    # A deletion or NFC can bring the two halves of a mojibake sequence together ("Â\x08¡"): cleaned
    # again until nothing changes, so that cleaning twice changes nothing.
    for _ in range(3):
        if not _MOJIBAKE.search(text):
            break
        again = _clean_once(text)
        if again == text:
            break
        text = again
    return text


def _clean_once(text: str) -> str:
    text = repair_mojibake(text)
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
