"""Bytes to text: refuse binary files (naming their type where the magic bytes tell it) and find the
character encoding — UTF-8 first, then Western European text, then charset-normalizer's guess.
"""

from __future__ import annotations

import codecs

from blickwinkel.errors import Errors, IngestError

# Magic bytes at the start of common binary files people pass by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"\x7fELF", "executable (ELF)"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Office document"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"ID3", "MP3 audio"),
    (b"OggS", "Ogg audio or video"),
    (b"fLaC", "FLAC audio"),
    (b"\x00asm", "WebAssembly module"),
    (b"\x1aE\xdf\xa3", "Matroska/WebM video"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Characters beyond ASCII that German, English and other Western European text is made of; a
# cp1252 reading whose non-ASCII characters are mostly these is taken over charset-normalizer's guess,
# which is unreliable on short texts (it reads a cp1252 "Straße" as UTF-16).
_WESTERN = frozenset("äöüÄÖÜßéèêëàâáãåçñíìîïóòôõøúùûÉÈÊÀÂÁÇÑÍÓÔÚÆæœŒ„“”‚‘’«»‹›–—…€£°§·×÷²³½¼¾©®™•¡¿\u00a0")
_WESTERN_SHARE = 0.8
# Decoded text with more control characters than this share is binary data that happened to decode.
_CONTROL_SHARE = 0.02
_CONTROLS = dict.fromkeys(c for c in range(32) if chr(c) not in "\t\n\r\f\v")


def binary_type(data: bytes) -> str | None:
    """The kind of binary file ``data`` starts like, or None."""
    if data[8:12] == b"WEBP" and data.startswith(b"RIFF"):
        return "WebP image"
    if data[8:12] in (b"WAVE", b"AVI ") and data.startswith(b"RIFF"):
        return "RIFF audio or video"
    if data[4:8] == b"ftyp":
        return "MP4/QuickTime video or HEIC image"
    if data.startswith(b"MZ") and b"\x00" in data[:64]:
        return "Windows executable"
    if data.startswith(b"BZh") and data[3:4].isdigit():
        return "bzip2 archive"
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    return None


def decode(data: bytes, source: str) -> str:
    """The text of a file's bytes; :class:`IngestError` for binary data or when no encoding fits."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise IngestError(source, Errors.I014.format(encoding=encoding, reason=exc.reason)) from exc
    kind = binary_type(data)
    if kind is not None:
        raise IngestError(source, Errors.I016.format(why=f"looks like {kind}"))
    text = utf16_without_bom(data)
    if text is None:
        # NUL bytes padding the end of a text (a copy cut short by a download or a disk) and a few
        # inside it: the text without them. One NUL byte refused the whole article as binary (I016);
        # the file's reader says so (I072). More than 2 % inside the text is binary data.
        inside = data.rstrip(b"\x00")
        if inside.count(b"\x00") > _CONTROL_SHARE * len(inside):
            raise IngestError(source, Errors.I016.format(why="it holds NUL bytes"))
        text = _decode_text(inside.replace(b"\x00", b""), source)
    controls = len(text) - len(text.translate(_CONTROLS))  # in C: a per-character loop took 1 s/MB
    if text and controls / len(text) > _CONTROL_SHARE:
        raise IngestError(source, Errors.I016.format(why="mostly control characters"))
    return text


def utf16_without_bom(data: bytes) -> str | None:
    """``data`` read as UTF-16 when it is UTF-16 text of Latin script saved without a byte-order mark
    (as some Windows tools export): every other byte is NUL — the second of each pair in
    little-endian, the first in big-endian — and the text decodes. It was refused as binary ("it holds
    NUL bytes"). None for anything else."""
    if len(data) < 4 or len(data) % 2:
        return None
    for encoding, nuls, chars in (
        ("utf-16-le", data[1::2], data[0::2]),
        ("utf-16-be", data[0::2], data[1::2]),
    ):
        if nuls.count(0) >= 0.9 * len(nuls) and chars.count(0) == 0:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


# UTF-8 text with a few broken bytes (a truncated copy, a stray byte of another encoding): read as
# UTF-8 with U+FFFD in their place when it has valid multi-byte characters and they are at least as
# many as the broken bytes, or these are at most 1 % of the file. Read as Windows-1250 by the guesser,
# every "ü" of such a file came out as "ĂĽ". Text of a one-byte encoding has almost never a valid
# UTF-8 sequence (a Windows-1252 "Straße" has none).
_BROKEN_SHARE = 0.01


def _decode_text(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    mostly = mostly_utf8(data)
    if mostly is not None:
        return mostly
    western = western_text(data)
    if western is not None:
        return western
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise IngestError(source, Errors.I015)
    return str(best)


def mostly_utf8(data: bytes) -> str | None:
    """``data`` read as UTF-8 with its few undecodable bytes replaced by U+FFFD, or None when the
    valid multi-byte characters do not clearly outnumber them (then it is text of another encoding:
    a Windows-1252 "Straße" has no valid UTF-8 sequence at all)."""
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    valid = sum(1 for c in text if ord(c) > 127 and c != "\ufffd")
    if not broken or not valid:
        return None
    return text if valid >= broken or broken <= _BROKEN_SHARE * len(data) else None


def western_text(data: bytes) -> str | None:
    """``data`` read as Windows-1252 (a superset of Latin-1's letters) when it reads as such text."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    beyond_ascii = [c for c in text if ord(c) > 127]
    if not beyond_ascii:
        return text
    western = sum(1 for c in beyond_ascii if c in _WESTERN)
    return text if western / len(beyond_ascii) >= _WESTERN_SHARE else None
