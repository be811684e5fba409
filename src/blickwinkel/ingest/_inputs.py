"""Files, directories and standard input to articles; a bad input becomes an error, never a crash."""

from __future__ import annotations

import codecs
import dataclasses
import datetime as dt
import errno
import functools
import os
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path, PurePath
from typing import BinaryIO

from blickwinkel.config import DEFAULT_MAX_FILE_BYTES
from blickwinkel.errors import Errors, IngestError, error_id
from blickwinkel.ingest._base import READERS, EntryLinks, ReadResult
from blickwinkel.ingest._decode import decode, utf16_without_bom
from blickwinkel.ingest._sniff import format_for
from blickwinkel.ingest._text import normalise, slugify
from blickwinkel.ingest.urls import is_url, redact
from blickwinkel.model import Article, UnreadInput

STDIN = "-"
# Fetches the article at a web address (``compare`` builds one on its fetch policy).
Fetch = Callable[[str], Article]
DEFAULT_MAX_BYTES = DEFAULT_MAX_FILE_BYTES


def unread_input(failure: IngestError) -> UnreadInput:
    """An input that could not be read, as a comparison names it (``Comparison.unread``): its path or
    address, its error's id and the whole message, the credentials of an address left out (as the
    web service's answers leave them out)."""
    return UnreadInput(redact(failure.source), error_id(failure.problem), redact(str(failure)))


def read_inputs(
    inputs: Sequence[str],
    *,
    outlet: str | None = None,
    published: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
    fetch: Fetch | None = None,
    fetch_links: bool = False,
    caller_fetches: bool = False,
) -> ReadResult:
    """Read files, directories (their non-hidden files, sorted), ``-`` (standard input) and, with
    ``fetch``, web addresses (without it, a web address that names no file is refused, I065).

    ``outlet`` and ``published`` override what the inputs say. Every input that cannot be read adds an
    :class:`IngestError` to ``failures``; the others are still read. Article ids are made unique.
    A saved feed's entries with only a link are fetched with ``fetch_links`` (by ``fetch``; without
    one they are returned in ``links`` for the caller to fetch), else named in a warning in
    ``notes`` (I074), whichever command reads the file. The addresses of a list of web addresses
    (``urls.txt``, one a line) are read as addresses given among ``inputs`` are: fetched by ``fetch``,
    returned in ``links`` when ``caller_fetches`` (``ingest`` stores each page its own way), else
    refused one by one (I065).
    """
    articles: list[Article] = []
    failures: list[IngestError] = []
    notes: list[str] = []
    pending: list[EntryLinks] = []
    seen: set[str] = set()  # a file named twice (or named and inside a named folder) is read once
    for given in inputs:
        for result in _read_input(given, max_bytes, stdin, seen, fetch):
            articles.extend(result.articles)
            failures.extend(result.failures)
            notes.extend(result.notes)
            for links in result.links:
                if links.listed and (fetch is not None or not caller_fetches):
                    for address, _ in links.links:
                        for fetched in _read_input(address, max_bytes, stdin, seen, fetch):
                            articles.extend(fetched.articles)
                            failures.extend(fetched.failures)
                elif links.listed:
                    pending.append(links)
                elif not fetch_links:
                    notes.append(links.note())
                elif fetch is None:
                    pending.append(links)
                else:
                    for fetched in _fetch_links(links, fetch, seen):
                        articles.extend(fetched.articles)
                        failures.extend(fetched.failures)
    articles = [_override(a, outlet, published) for a in unique_ids(articles)]
    return ReadResult(tuple(articles), tuple(failures), tuple(notes), tuple(pending))


def _fetch_links(links: EntryLinks, fetch: Fetch, seen: set[str]) -> Iterator[ReadResult]:
    """The pages of a saved feed's entries that hold only a link, each dated by its entry when the
    page gives no date (as a feed address's entries are)."""
    for link, entry_date in links.links:
        if first_time(link, seen):
            yield _guarded(link, functools.partial(_fetched_entry, fetch, link, entry_date))


def _fetched_entry(fetch: Fetch, link: str, entry_date: dt.date | None) -> ReadResult:
    article = fetch(link)
    if article.published is None and entry_date is not None:
        article = dataclasses.replace(article, published=entry_date)
    return ReadResult((article,), ())


def read_event_folders(
    root: str, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[list[Article], dict[str, str], list[IngestError]]:
    """The articles of a folder whose sub-folders are events (each non-hidden sub-folder one event, as
    ``examples/train-stories`` is laid out), each article's id prefixed with its folder's name, the
    gold event (the folder's name) of each id, and one error per input that could not be read (the
    rest is read). Files directly in ``root`` belong to no event and are not read."""
    articles: list[Article] = []
    gold: dict[str, str] = {}
    failures: list[IngestError] = []
    folders = sorted(p for p in Path(root).iterdir() if p.is_dir() and not p.name.startswith("."))
    for folder in folders:
        read = read_inputs([str(folder)], max_bytes=max_bytes)
        failures.extend(read.failures)
        for article in read.articles:
            named = dataclasses.replace(article, id=f"{folder.name}/{article.id}")
            articles.append(named)
            gold[named.id] = folder.name
    return articles, gold, failures


def read_text(
    text: str,
    *,
    source: str,
    fmt: str | None = None,
    outlet: str | None = None,
    published: dt.date | None = None,
) -> Article:
    """Parse one article already in memory; ``fmt`` is a reader name, else the format is sniffed."""
    result = read_text_articles(text, source=source, fmt=fmt)
    listed = [link for links in result.links if links.listed for link, _ in links.links]
    if listed and not result.articles:  # a pasted address was compared as a one-line article
        shown = ", ".join(listed[:3]) + (" …" if len(listed) > 3 else "")
        raise IngestError(source, Errors.I081.format(shown=shown))
    if len(result.articles) != 1:
        raise IngestError(source, Errors.I005.format(count=len(result.articles)))
    return _override(result.articles[0], outlet, published)


def read_text_articles(text: str, *, source: str, fmt: str | None = None) -> ReadResult:
    """Parse text already in memory with its reader (``fmt``, else sniffed): every article it holds
    (a saved feed's entries with text), the reader's notes and the entries it left to fetch. The
    first record that fails raises, as :func:`read_text` does."""
    name = "" if source == STDIN else source
    stem = "stdin" if source == STDIN else slugify(PurePath(source).stem)
    try:
        if not normalise(text).strip():
            raise IngestError(source, Errors.I003)
        fmt = fmt or format_for(name, text)
        if fmt not in READERS:
            raise IngestError(source, Errors.I004.format(fmt=fmt, known=", ".join(READERS.names())))
        result = READERS.get(fmt)(text, source=source, stem=stem)
    except IngestError:
        raise
    except Exception as exc:  # a reader bug must still name the input
        raise _unexpected(source, exc) from exc
    if result.failures:
        raise result.failures[0]
    return result


def unique_ids(articles: Sequence[Article]) -> list[Article]:
    """Articles with ids made unique in order of appearance: ``a``, ``a-2``, ``a-3``, …"""
    used: set[str] = set()
    out: list[Article] = []
    for article in articles:
        new_id = article.id
        number = 2
        while new_id in used:
            new_id = f"{article.id}-{number}"
            number += 1
        used.add(new_id)
        out.append(article if new_id == article.id else dataclasses.replace(article, id=new_id))
    return out


def _override(article: Article, outlet: str | None, published: dt.date | None) -> Article:
    if outlet is not None:
        article = dataclasses.replace(article, outlet=outlet)
    if published is not None:
        article = dataclasses.replace(article, published=published)
    return article


def _file_key(path: str) -> str:
    try:
        return str(Path(path).resolve())
    except (OSError, RuntimeError):  # a symbolic link loop: reading it reports the problem
        return path


def first_time(path: str, seen: set[str] | None) -> bool:
    """Whether ``path`` names a file not in ``seen`` (by its resolved path), adding it."""
    if seen is None:
        return True
    key = _file_key(path)
    if key in seen:
        return False
    seen.add(key)
    return True


def repeated_files(inputs: Sequence[str]) -> list[tuple[str, str]]:
    """The files that ``inputs`` name more than once (given twice, given and inside a given folder, or
    reached again through a symbolic link), as named the second time beside the name they were read
    under: they are read once. (``compare a.txt a.txt`` compared a file with itself without a word.)"""
    first: dict[str, str] = {}
    repeated: list[tuple[str, str]] = []
    for given in inputs:
        if given == STDIN:
            continue
        path = Path(given)
        try:
            files = (
                [os.path.join(given, p.name) for p in sorted(path.iterdir()) if not p.name.startswith(".")]
                if path.is_dir()
                else [given]
            )
        except OSError:
            continue
        for file in files:
            if Path(file).is_dir():
                continue
            key = _file_key(file)
            if key in first:
                repeated.append((file, first[key]))
            else:
                first[key] = file
    return repeated


def repeated_file_note(file: str, first: str) -> str:
    """The warning for a file read once although reached twice."""
    if os.path.normpath(file) == os.path.normpath(first):
        return f"{file}: named more than once; read once"
    # A symbolic link in a folder beside its target was "named more than once" though named once.
    return f"{file}: the same file as {first}; read once"


def _read_input(
    given: str,
    max_bytes: int,
    stdin: BinaryIO | None,
    seen: set[str] | None = None,
    fetch: Fetch | None = None,
) -> Iterator[ReadResult]:
    if is_url(given) and not os.path.lexists(given):
        # A web address was "file not found" (I008), which sent the user looking for a file.
        if fetch is None:
            yield _failed(given, Errors.I065)
        elif first_time(given, seen):
            yield _guarded(given, lambda: ReadResult((fetch(given),), ()))
        return
    if given == STDIN:
        yield _guarded(STDIN, lambda: _parse(_read_stream(stdin, max_bytes), STDIN, "", "stdin"))
        return
    path = Path(given)
    if path.is_dir():
        try:
            entries = sorted(p for p in path.iterdir() if not p.name.startswith("."))
        except OSError as exc:
            yield _failed(given, Errors.I018.format(problem=exc.strerror or exc))
            return
        files = [p for p in entries if is_listed_file(p) and not is_other_media(p)]
        if not files:
            yield _failed(given, Errors.I019)
        for file in files:
            source = os.path.join(given, file.name)
            if first_time(source, seen):
                yield _guarded(source, functools.partial(_read_file, source, max_bytes))
    elif first_time(given, seen):
        yield _guarded(given, lambda: _read_file(given, max_bytes))


def skipped_folders(inputs: Sequence[str]) -> list[tuple[str, list[str]]]:
    """The subfolders (not hidden) of each folder in ``inputs``, which reading passes over: a folder
    gives its own files only. (They used to be skipped without a word.)"""
    return _passed_over(inputs, Path.is_dir)


def _passed_over(inputs: Sequence[str], passed: Callable[[Path], bool]) -> list[tuple[str, list[str]]]:
    """Per folder in ``inputs``, the names of its entries (not hidden) that reading passes over."""
    skipped: list[tuple[str, list[str]]] = []
    for given in inputs:
        path = Path(given)
        if given == STDIN or not path.is_dir():
            continue
        try:
            names = sorted(p.name for p in path.iterdir() if not p.name.startswith(".") and passed(p))
        except OSError:
            continue  # reading reports the folder that cannot be listed
        if names:
            skipped.append((given, names))
    return skipped


# What a story folder holds beside its articles: photos, documents, tables, archives, audio and video.
# A folder's reading passes them over with a note (a photo failed the whole command with exit status
# 1, a .csv was compared as an article); named one by one they are still read (and refused as binary).
OTHER_MEDIA_SUFFIXES = frozenset(
    """
    .png .jpg .jpeg .gif .webp .svg .bmp .tif .tiff .heic .avif .ico .pdf .doc .docx .odt .rtf .xls
    .xlsx .ods .ppt .pptx .odp .csv .tsv .zip .gz .tgz .tar .7z .rar .bz2 .xz .mp3 .m4a .wav .ogg .flac
    .mp4 .mov .avi .mkv .webm .db .sqlite .parquet .epub
    """.split()
)


def is_other_media(path: Path) -> bool:
    """A folder entry that is no article by its suffix (photo, document, table, archive, media)."""
    return path.suffix.lower() in OTHER_MEDIA_SUFFIXES


def skipped_files(inputs: Sequence[str]) -> list[tuple[str, list[str]]]:
    """The files of each folder in ``inputs`` that reading passes over as no articles (by suffix)."""
    return _passed_over(inputs, is_other_media)


def _shown(names: Sequence[str]) -> str:
    """The first five names and how many more."""
    return ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")


def skipped_files_note(folder: str, names: Sequence[str]) -> str:
    """The line that says which files of ``folder`` were not read as articles."""
    noun = "file" if len(names) == 1 else f"{len(names)} files"
    return f"{folder}: {noun} not read ({_shown(names)}): photos, documents and tables are no articles"


def skipped_folders_note(folder: str, names: Sequence[str]) -> str:
    """The line that says which subfolders of ``folder`` were not read, and how to read them."""
    shown = _shown(names)
    noun = "subfolder" if len(names) == 1 else f"{len(names)} subfolders"
    example = os.path.join(folder, names[0])
    return f"{folder}: {noun} not read ({shown}); name a subfolder to read its files, e.g. {example}"


def is_listed_file(path: Path) -> bool:
    """A directory entry to read: a file, or a symbolic link that leads nowhere (a loop or a broken
    link), so that reading it reports the problem instead of skipping it silently."""
    return path.is_file() or (path.is_symlink() and not path.is_dir())


def _guarded(source: str, read: Callable[[], ReadResult]) -> ReadResult:
    try:
        return read()
    except IngestError as exc:
        return ReadResult((), (exc,))
    except Exception as exc:  # read_inputs never raises for a bad file, whatever the bug
        return ReadResult((), (_unexpected(source, exc),))


def _read_file(source: str, max_bytes: int) -> ReadResult:
    path = Path(source)
    try:
        info = path.stat()
        if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
            raise IngestError(source, _too_big(info.st_size, max_bytes))
        with path.open("rb") as stream:
            data = stream.read(max_bytes + 1)
    except FileNotFoundError:
        if path.is_symlink():
            raise IngestError(source, Errors.I009) from None
        raise IngestError(source, Errors.I008) from None
    except PermissionError:
        raise IngestError(source, Errors.I010) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise IngestError(source, Errors.I011) from None
        raise IngestError(source, Errors.I012.format(problem=exc.strerror or exc)) from None
    if len(data) > max_bytes:
        raise IngestError(source, _too_big(len(data), max_bytes, at_least=True))
    return _parse(data, source, path.name, slugify(path.stem))


def _read_stream(stdin: BinaryIO | None, max_bytes: int) -> bytes:
    stream = stdin if stdin is not None else sys.stdin.buffer
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise IngestError(STDIN, _too_big(len(data), max_bytes, at_least=True))
    return data


def _parse(data: bytes, source: str, name: str, stem: str) -> ReadResult:
    # "-: file is empty" of standard input named no file the user could look at.
    empty = Errors.I057 if source == STDIN else Errors.I002
    if not data.strip():
        raise IngestError(source, empty)
    text = decode(data, source)
    if not normalise(text).strip():
        raise IngestError(source, empty)
    result = READERS.get(format_for(name, text))(text, source=source, stem=stem)
    nuls = data.count(b"\x00")
    if not nuls or data.startswith(_WIDE_BOMS) or utf16_without_bom(data) is not None:
        return result
    note = f"{source}: {Errors.I072.format(count=nuls)}"
    return dataclasses.replace(
        result, articles=tuple(dataclasses.replace(a, notes=(note, *a.notes)) for a in result.articles)
    )


# UTF-16 and UTF-32 text holds NUL bytes as part of its characters.
_WIDE_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)  # UTF-32 LE starts as UTF-16 LE


def _too_big(size: int, max_bytes: int, *, at_least: bool = False) -> str:
    limit = f"{max_bytes / 1_000_000:g} MB"
    if at_least:
        return Errors.I007.format(limit=limit)
    return Errors.I006.format(size_mb=size / 1_000_000, limit=limit)


def _failed(source: str, problem: str) -> ReadResult:
    return ReadResult((), (IngestError(source, problem),))


def _unexpected(source: str, exc: Exception) -> IngestError:
    return IngestError(source, Errors.I013.format(kind=type(exc).__name__, exc=exc))
