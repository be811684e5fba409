"""Articles as JSON records: a ``.json`` object or list of objects, or ``.jsonl`` with one a line.

Fields: ``id, title, text, lead, outlet, url, published, author, language``; ``date`` (or
``publishedAt``, ``published_at``, ``datePublished``, ``pubDate``) stands in for a missing
``published``, ``source`` for a missing ``outlet``, ``link`` for ``url``, ``authors`` for
``author`` and ``teaser`` (or ``description``, ``summary``, ``standfirst``, ``subtitle``) for
``lead``; a ``source`` that one file gives records of several outlets names a crawl or data set and
is no outlet (:func:`crawl_sources`). ``text`` (a string, or a list of paragraph strings) is cut like
plain text. A bad record fails alone when its text cannot be read; any other field that cannot be read
is left out with a warning naming it (``Article.notes``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import json
import re
from collections.abc import Sequence
from typing import Any

from blickwinkel.errors import Errors, IngestError, invalid_json
from blickwinkel.ingest._base import READERS, ReadResult, single
from blickwinkel.ingest._blocks import Piece, build_article, plain_pieces
from blickwinkel.ingest._dates import parse_date_value, timestamp_date
from blickwinkel.ingest._text import join_lines, normalise, title_foreign_to_text
from blickwinkel.ingest.html import host_outlet
from blickwinkel.ingest.urls import web_address
from blickwinkel.model import Article

# A field missing from a record may be given under another name, the first found in this order: the
# names of common exports (a news API's "publishedAt", schema.org's "datePublished", a feed's
# "pubDate" and "link"). They were ignored, so such records were stored undated and without address.
ALIASES: dict[str, tuple[str, ...]] = {
    "published": ("date", "publishedAt", "published_at", "datePublished", "pubDate"),
    "outlet": ("source",),
    "url": ("link",),
    "author": ("authors",),
    # a crawl's or news API's standfirst ("teaser", "description"): it was dropped without a word
    "lead": ("teaser", "description", "summary", "standfirst", "subtitle"),
}
# Aliases read whatever they hold (a wrong value is an error naming them); the later ones only a plain
# value (a string, a number, a list of strings), since exports use these names for other shapes too.
_CHECKED_ALIASES = {"date", "source"}


MAX_INTEGER_DIGITS = 40
"""Longer integers are no id, date or count; refusing them keeps int() from the 4,300-digit limit."""


def _parse_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_INTEGER_DIGITS:
        raise ValueError(
            f"a number has {len(digits.lstrip('-'))} digits; at most {MAX_INTEGER_DIGITS} are accepted"
        )
    return int(digits)


@READERS.register("json")
def read_json(text: str, *, source: str, stem: str) -> ReadResult:
    """One article object, or a list of them (records are named ``file#1``, ``file#2``, …)."""
    try:
        data = json.loads(text, parse_int=_parse_int)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError is a ValueError
        raise IngestError(source, invalid_json(exc)) from exc
    if isinstance(data, dict):
        return single(record_to_article(data, source=source, default_id=stem))
    if not isinstance(data, list):
        raise IngestError(source, Errors.I020.format(kind=_json_type(data)))
    if not data:
        raise IngestError(source, Errors.I021)
    articles: list[Article] = []
    failures: list[IngestError] = []
    crawls = crawl_sources(data)
    for number, item in enumerate(data, start=1):
        _read_record(item, f"{source}#{number}", f"{stem}-{number}", articles, failures, crawls)
    return ReadResult(tuple(articles), tuple(failures))


@READERS.register("jsonl")
def read_jsonl(text: str, *, source: str, stem: str) -> ReadResult:
    """One article object a line; records are named ``file:line`` and bad lines fail alone."""
    articles: list[Article] = []
    failures: list[IngestError] = []
    items: list[tuple[int, object]] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            items.append((number, json.loads(line, parse_int=_parse_int)))
        except (ValueError, RecursionError) as exc:
            failures.append(IngestError(f"{source}:{number}", invalid_json(exc, one_line=True)))
    crawls = crawl_sources([item for _, item in items])
    for number, item in items:
        _read_record(item, f"{source}:{number}", f"{stem}-{number}", articles, failures, crawls)
    if not articles and not failures:
        raise IngestError(source, Errors.I002)
    failures.sort(key=lambda f: int(f.source.rsplit(":", 1)[1]))  # in the file's order
    return ReadResult(tuple(articles), tuple(failures))


def _read_record(
    item: object,
    where: str,
    default_id: str,
    articles: list[Article],
    failures: list[IngestError],
    crawls: frozenset[str] = frozenset(),
) -> None:
    try:
        articles.append(item_to_article(item, source=where, default_id=default_id, crawls=crawls))
    except IngestError as exc:
        failures.append(exc)


def crawl_sources(items: Sequence[object]) -> frozenset[str]:
    """The ``source`` values of a file's records that name a crawl or a data set, not an outlet: one
    value over records of two or more outlets (by their ``outlet``, else their address's host).
    Exports write ``source`` for both: a news export's "Mühlbach Herald", a research corpus's
    "fang-covid" over records of many sites (read as their outlet, hundreds of articles of many
    sites were one outlet of that name)."""
    outlets: dict[str, set[str]] = {}
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("source"), str):
            continue
        named = item.get("outlet")
        address = item.get("url") if item.get("url") is not None else item.get("link")
        host = host_outlet(address if isinstance(address, str) else None)
        outlet = named if isinstance(named, str) else (_site(host) if host else None)
        if outlet:
            outlets.setdefault(item["source"], set()).add(outlet.casefold())
    return frozenset(value for value, seen in outlets.items() if len(seen) > 1)


# Second-level names under a country's domain ("herald.co.uk"): the site is the three last labels.
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "go"})


def _site(host: str) -> str:
    """The site a host belongs to: its last two labels ("sport.herald.example" and "herald.example" are
    one outlet's pages, not two outlets), three under a country's second level ("news.herald.co.uk")."""
    labels = host.casefold().split(".")
    keep = 3 if len(labels) > 2 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


_WORD = re.compile(r"[^\W\d_]{2,}")
_SPELLED_PLAIN = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "é": "e", "è": "e", "á": "a", "ó": "o"}
)


def _names_its_site(source: str, host: str | None) -> bool:
    """Whether a record's ``source`` may name the outlet of its address's ``host``: it shares a word of
    three letters or more with the site's name ("Mühlbacher Bote" and "muehlbacher-bote.example"), the
    site's name is its initials ("Kellbacher Allgemeine Zeitung" and "kaz.example"), or there is no
    address to tell. A crawl's or data set's name ("dock-crawl") shares none with the sites it holds:
    a file of records from several crawls, each of one site, named each crawl as the outlet."""
    if host is None:
        return True
    name = _site(host).rsplit(".", 1)[0].translate(_SPELLED_PLAIN)
    words = [w.casefold().translate(_SPELLED_PLAIN) for w in _WORD.findall(source)]
    initials = "".join(w[0] for w in words)
    return any(len(w) >= 3 and w in name for w in words) or (
        len(initials) >= 2 and initials in name.split(".")
    )


def item_to_article(
    item: object, *, source: str, default_id: str, crawls: frozenset[str] = frozenset()
) -> Article:
    """One record of a JSON list, a JSONL line or a batch partition as an article: a value that is no
    object is refused (I022) in the words every reader uses (batch said "expected an object, got
    list", compare and ingest "expected a JSON object, got a list" of the same line). ``crawls``:
    the ``source`` values of the record's file that name no outlet (:func:`crawl_sources`)."""
    if not isinstance(item, dict):
        raise IngestError(source, Errors.I022.format(kind=_json_type(item)))
    return record_to_article(item, source=source, default_id=default_id, crawls=crawls)


# CMS and feed exports put HTML into their text fields ("<p>…</p>", "&quot;"): the tags a story's
# text is made of, bounded so that a hostile line cannot make the search slow.
_HTML_TAG = re.compile(
    r"</?(?:p|br|div|span|strong|b|em|i|u|a|h[1-6]|ul|ol|li|blockquote|q|figure|figcaption|section|"
    r"article|small|sup|sub|img|hr)(?:\s[^<>]{0,2000})?/?>",
    re.IGNORECASE,
)
_LINE_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_BLOCK_END = re.compile(
    r"</(?:p|div|h[1-6]|li|blockquote|figure|figcaption|section|article|ul|ol)\s*>|<hr\s*/?>", re.IGNORECASE
)
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")


def plain_text(value: str) -> str:
    """A text field as plain text: HTML tags of a story's markup out (a paragraph's end a blank line,
    ``<br>`` a line break) and character references read ("&quot;" → '"'); other text unchanged."""
    if _HTML_TAG.search(value):
        value = _BLOCK_END.sub("\n\n", _LINE_BREAK.sub("\n", value))
        value = _HTML_TAG.sub("", value)
    return html.unescape(value) if _ENTITY.search(value) else value


def record_to_article(
    record: dict[str, Any], *, source: str, default_id: str, crawls: frozenset[str] = frozenset()
) -> Article:
    """One JSON object as an article; raises :class:`IngestError` naming the field that is wrong when
    the text cannot be read. Any other field that cannot be read is left out with a note naming it:
    a record with an unreadable date, author or language was lost whole (I028), while the same
    article as markdown was read undated with a warning. A ``source`` in ``crawls`` names a crawl,
    not the outlet: it is kept in ``meta``, and the address's host names the outlet."""
    body = plain_text(_text_field(record, source))
    if not normalise(body).strip():  # only markup ("<p></p>", "&nbsp;"): a title with no article
        raise IngestError(source, Errors.I027)
    notes: list[str] = []
    title = _optional_string(record, "title", source, notes)
    lead = _optional_string(record, "lead", source, notes)
    title = plain_text(title) if title else title
    lead = plain_text(lead) if lead else lead
    parts = plain_pieces(body, title_line=False, find_lead=lead is None)
    if (
        lead
        and _within(lead, body)
        and not (parts.pieces and parts.pieces[0].text.casefold() == lead.casefold())
    ):
        # the text holds the lead already, inside its first paragraph or later (a crawl's teaser is
        # often its opening sentences): read as a block of its own it was stated twice
        lead = None
        parts = plain_pieces(body, title_line=False, find_lead=True)
    pieces = parts.pieces
    if title and pieces and pieces[0].text.casefold() == title.casefold():
        pieces = pieces[1:]  # the text repeats the title as its first line
    if lead and pieces and pieces[0].text.casefold() == lead.casefold():
        pieces = pieces[1:]
    head = [Piece("headline", title)] if title else []
    head += [Piece("lead", lead)] if lead else []
    if title and title_foreign_to_text(title, body):
        notes.append(str(IngestError(source, Errors.I080)))
    published = _date_field(record, source, notes) or parts.published
    url = _web_address_field(record, source, notes)
    # A record that names no outlet but its address is the outlet's, as for a page (`host_outlet`):
    # JSONL of a crawl with "url" and no "outlet" was labelled by line ("events-1", "events-2"), and
    # stored stories listed no outlet for it.
    crawled = isinstance(record.get("source"), str) and (
        record["source"] in crawls or not _names_its_site(record["source"], host_outlet(url))
    )
    named = {k: v for k, v in record.items() if k != "source"} if crawled else record
    outlet = _optional_string(named, "outlet", source, notes) or host_outlet(url)
    meta = {}
    if outlet is not None and isinstance(record.get("source"), str):
        meta["source"] = record["source"]
    record_id = _optional_string(record, "id", source, notes, numbers=True)
    author = _optional_string(record, "author", source, notes)
    language = _language(record, source, notes)
    article = build_article(
        head + pieces,
        id=record_id or default_id,
        source=source,
        outlet=outlet,
        url=url,
        published=published,
        author=author,
        language=language,
        meta=meta,
    )
    return dataclasses.replace(article, notes=tuple(notes)) if notes else article


def _web_address_field(record: dict[str, Any], source: str, notes: list[str]) -> str | None:
    """The record's address; one that is no http(s) address ("n/a", "/ferry") is left out with a note:
    kept, the store took every record of an export with "url": "n/a" for one article and kept the last."""
    url = _optional_string(record, "url", source, notes)
    if url is not None and web_address(url.strip()) is None:
        notes.append(str(IngestError(source, Errors.I071.format(value=_shown(url)))))
        return None
    return url


def _optional_string(
    record: dict[str, Any], name: str, source: str, notes: list[str], *, numbers: bool = False
) -> str | None:
    """A field the article can be read without: a value that is no string is left out, with a note."""
    try:
        return _string(record, name, source, numbers=numbers)
    except IngestError as exc:
        notes.append(str(exc))
        return None


def _within(part: str, whole: str) -> bool:
    """Whether ``part`` stands in ``whole``, however either breaks its lines and spaces."""
    return " ".join(part.split()).casefold() in " ".join(whole.split()).casefold()


def _field(record: dict[str, Any], name: str) -> tuple[str, Any]:
    """The field's value, under an alias when the record lacks it."""
    value = record.get(name)
    if value == [] and name != "text":
        value = None  # an export's empty list ("author": []) names nothing; it was an I023 warning
    if value is None:
        for alias in ALIASES.get(name, ()):
            candidate = record.get(alias)
            if (
                candidate is not None
                and candidate != []
                and (
                    alias in _CHECKED_ALIASES
                    or _plain_value(candidate)
                    or (name == "published" and _is_extended_json_date(candidate))
                    or (
                        name == "author" and isinstance(candidate, list) and all(map(_person_name, candidate))
                    )
                )
            ):
                return alias, candidate
    return name, value


def _plain_value(value: object) -> bool:
    if isinstance(value, list):
        return bool(value) and all(isinstance(item, str) for item in value)
    return isinstance(value, str | int | float) and not isinstance(value, bool)


def _person_name(value: object) -> str | None:
    """An author as a name, or as schema.org's person object ``{"@type": "Person", "name": …}``
    (exports of pages' structured data; such authors were refused, I023)."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return str(value["name"])
    return None


def _string(record: dict[str, Any], name: str, source: str, *, numbers: bool = False) -> str | None:
    key, value = _field(record, name)
    if value is None:
        return None
    # Scrapers' exports hold every field as a list of one value ("title": ["…"]).
    if isinstance(value, list) and len(value) == 1 and isinstance(value[0], str):
        value = value[0]
    if numbers and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    # News API exports: an outlet as {"id": …, "name": "BBC News"}, authors as a list of names
    if name == "outlet" and isinstance(value, dict) and isinstance(value.get("name"), str):
        value = value["name"]
    elif name == "author" and isinstance(value, list) and value and all(map(_person_name, value)):
        value = ", ".join(n.strip() for n in map(_person_name, value) if n and n.strip())
    elif name == "author" and _person_name(value):
        value = _person_name(value)
    if not isinstance(value, str):
        raise IngestError(source, Errors.I023.format(key=key, value=_shown(value)))
    return join_lines(normalise(value).split("\n")) or None


# A language tag as exports write it: "de", "EN", "de-DE", "en_US" (BCP 47 or a locale name). Stored as
# written, "de-DE" was no language the analysis knows (no German tagger ran) and no filter found it.
_LANGUAGE_TAG = re.compile(r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*")


def _language(record: dict[str, Any], source: str, notes: list[str]) -> str | None:
    """The record's language as its primary ISO 639 code ("de-DE" → "de"); a name such as "english"
    is left out with a note naming the field (the language is then found from the text)."""
    value = _optional_string(record, "language", source, notes)
    if value is None:
        return None
    tag = _LANGUAGE_TAG.fullmatch(value.strip())
    if tag is None:
        notes.append(str(IngestError(source, Errors.I029.format(value=_shown(value)))))
        return None
    return tag.group(1).lower()


def _text_field(record: dict[str, Any], source: str) -> str:
    value = record.get("text")
    if value is None and "text" in record:
        raise IngestError(source, Errors.I026.format(kind="null", value="null"))
    if value is None:
        raise IngestError(source, Errors.I024.format(hint=_wrapper_hint(record) or _other_text_hint(record)))
    if isinstance(value, list):
        for number, part in enumerate(value, start=1):
            if not isinstance(part, str) and part is not None:
                raise IngestError(
                    source,
                    Errors.I025.format(
                        number=number, count=len(value), kind=_json_type(part), value=_shown(part)
                    ),
                )
        # A null paragraph (an export's empty slot) holds nothing: it failed the whole record (I025).
        value = "\n\n".join(part for part in value if part is not None)
    if not isinstance(value, str):
        raise IngestError(source, Errors.I026.format(kind=_json_type(value), value=_shown(value)))
    if not normalise(value).strip():
        raise IngestError(source, Errors.I027)
    return value


def _wrapper_hint(record: dict[str, Any]) -> str:
    """Where an export wraps its articles (``{"articles": [{…}, …]}``), say so: "field 'text' is
    missing" alone sent users looking for a missing text in articles that all had one."""
    for key, value in record.items():
        if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
            return (
                f"; the articles look like the list in field {_shown(key)}: give that list itself "
                "(a JSON list of articles) or one article a line (JSONL)"
            )
    return ""


# Where other exports keep an article's text. Not read as the text: some hold a teaser or a text cut
# short (a news API's "content" ends "… [+2345 chars]"), so the user is told where to look instead.
_OTHER_TEXT_FIELDS = (
    "body",
    "content",
    "articleBody",
    "article",
    "full_text",
    "fulltext",
    "maintext",
    "story",
)


def _other_text_hint(record: dict[str, Any]) -> str:
    """ "field 'text' is missing" of a record that has its text under another name said nothing of it."""
    for key in _OTHER_TEXT_FIELDS:
        if isinstance(record.get(key), str | list):
            return f"; the record has a field {key!r}: if it holds the whole article, name it 'text'"
    # A pair of texts in one record ("text1", "text2", as same-story pair files hold them).
    numbered = [
        key for key, value in record.items() if re.fullmatch(r"text_?\d", key) and isinstance(value, str)
    ]
    if numbered:
        shown = ", ".join(repr(key) for key in numbered[:3])
        return f"; the record holds several texts ({shown}): give one article a record, its text in 'text'"
    return ""


def _date_field(record: dict[str, Any], source: str, notes: list[str]) -> dt.date | None:
    """The record's date; one that is no date is left out with a note (I066, as in front matter)."""
    key, value = _field(record, "published")
    if isinstance(value, list) and len(value) == 1:
        value = value[0]  # a scraper's list of one value
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    value = _extended_json_date(value)
    date = parse_date_value(value) if isinstance(value, str) else timestamp_date(value)
    if date is None:
        notes.append(str(IngestError(source, Errors.I066.format(key=key, value=_shown(value)))))
    return date


def _is_extended_json_date(value: object) -> bool:
    """A MongoDB export's ``{"$date": …}`` (it was read under ``published`` and ``date`` only: under
    ``publishedAt`` or ``pubDate`` the record was stored undated without a word)."""
    return isinstance(value, dict) and set(value) == {"$date"}


def _extended_json_date(value: object) -> object:
    """The date inside a MongoDB export's extended JSON: ``{"$date": "2014-02-26T10:00:00Z"}``,
    ``{"$date": 1393408800000}`` (milliseconds) or ``{"$date": {"$numberLong": "1393408800000"}}``;
    such records were refused with their date in plain sight. Anything else as given."""
    if not isinstance(value, dict) or not _is_extended_json_date(value):
        return value
    inner = value["$date"]
    if isinstance(inner, dict) and set(inner) == {"$numberLong"}:
        inner = inner["$numberLong"]
        inner = int(inner) if isinstance(inner, str) and inner.lstrip("-").isdigit() else inner
    return inner  # milliseconds are told from seconds by their size (timestamp_date)


def _shown(value: object) -> str:
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "true/false", type(None): "null"}
    return names.get(type(value), "a number")
