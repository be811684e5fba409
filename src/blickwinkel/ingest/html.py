"""HTML pages: trafilatura finds the article (favouring precision) and its metadata.

trafilatura's XML output keeps the structure we need: ``head`` (headings), ``p``, ``quote`` and
``list`` elements; its ``doc`` attributes give title, author, date, site name (the outlet) and URL.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re
import urllib.parse
from collections.abc import Collection, Sequence
from xml.etree import ElementTree

from blickwinkel.errors import Errors, IngestError
from blickwinkel.ingest._base import READERS, ReadResult, single
from blickwinkel.ingest._blocks import (
    Piece,
    attach_dash_lines,
    build_article,
    lines_to_pieces,
    mark_boilerplate,
    mark_lead,
    mark_subheadings,
    plain_pieces,
    quote_piece,
)
from blickwinkel.ingest._boilerplate import ENTRY_TIME, byline_names
from blickwinkel.ingest._consent import is_consent_wall
from blickwinkel.ingest._dates import parse_date_value
from blickwinkel.ingest._json_ld import JsonLdArticle, json_ld_article
from blickwinkel.ingest._paywall import is_paywall_prompt, is_paywalled
from blickwinkel.ingest._sniff import is_feed_document
from blickwinkel.ingest._standfirst import standfirst
from blickwinkel.ingest._teasers import front_page_teasers
from blickwinkel.ingest._text import collapse_spaces, dash_attribution, join_lines, normalise
from blickwinkel.model import Article
from blickwinkel.text import repair_mojibake

# Fewer words than this outside the headline is a page without an article (a menu, a cookie wall).
MIN_ARTICLE_WORDS = 20
# A saved feed file is read by the feed reader (ingest/feeds.py; :func:`format_for` sends it there
# whatever its ending); a page fetched as HTML that is a feed is refused with a pointer to `feeds add`
# (Errors.I032).


@READERS.register("html")
def read_html(text: str, *, source: str, stem: str) -> ReadResult:
    """Read the main article of an HTML page."""
    # A page whose UTF-8 text was once read as Latin-1 holds its quotation marks as "â" and two C1
    # controls, which the parser drops before the text is cleaned: the marks were lost ("âfresh startâ")
    # where a text or JSON file of the same words was repaired. Repaired on the page first.
    text = repair_mojibake(text)
    if is_feed_document(text):
        raise IngestError(source, Errors.I032)
    teasers = front_page_teasers(text)
    if teasers:
        raise IngestError(source, Errors.I058.format(count=teasers))
    # Tables are left out (scores, timetables, data boxes), unless the article itself is laid out in
    # one: an older site's page in a layout table had "no article text found".
    page = entry_times(attributed_quotes(text))
    summary = standfirst(text)
    doc, pieces = _extracted(page, source, tables=False, standfirst=summary)
    if doc is not None:
        doc, pieces = _whole_split_body(page, source, summary, doc, pieces)
    if doc is None:
        doc, pieces = _extracted(page, source, tables=True, standfirst=summary)
    declared = json_ld_article(text)
    if doc is None:
        article = _declared_article(declared, text, source, stem)
        if article is None:
            raise IngestError(source, Errors.I063 if is_paywalled(text, declared) else Errors.I031)
        return single(_with_paywall(article, text, declared))
    if is_consent_wall([p.text for p in pieces if p.kind != "headline"]):
        raise IngestError(source, Errors.I059)
    title = _attribute(doc, "title")
    date = _attribute(doc, "date")
    meta = {k: v for k in ("hostname", "categories", "tags") if (v := _attribute(doc, k))}
    url = _attribute(doc, "url") or _saved_from(text)
    outlet = _site_name(doc) or _title_site(text, title) or host_outlet(url)
    article = build_article(
        pieces,
        id=stem,
        source=source,
        outlet=outlet,
        url=url,
        published=_page_date(text, _date(date)),
        author=_author(_attribute(doc, "author"), outlet) or _page_byline(text),
        meta=meta,
    )
    return single(_with_paywall(article, text, declared))


# The byline line of an older page in an element the extraction leaves out as page furniture (a
# "post-info" or "entry-meta" box: "Posted: 12.03.2019 | <a>Anna Beispiel</a>"): its author is read
# from the page itself where the extraction found none (fourteenth session).
_BYLINE_ELEMENT = re.compile(
    r"<(p|div|span|footer|header|small|address)\b[^>]*\b(?:class|id)\s*=\s*[\"'][^\"']*"
    r"(?:byline|author|meta|posted|post-info|entry-info)[^\"']*[\"'][^>]*>(.{1,600}?)</\1\s*>",
    re.IGNORECASE | re.DOTALL,
)
_TAG = re.compile(r"<[^>]{0,400}>")
MAX_BYLINE_SEARCH_CHARS = 300_000


def _page_byline(page: str) -> str | None:
    """The names of the first byline in a byline or meta element of ``page``, or None."""
    for found in _BYLINE_ELEMENT.finditer(page[:MAX_BYLINE_SEARCH_CHARS]):
        line = collapse_spaces(normalise(html.unescape(_TAG.sub(" ", found.group(2)))))
        names = byline_names(line)
        if names:
            return names
    return None


def _with_paywall(article: Article, page: str, declared: JsonLdArticle | None) -> Article:
    """The article marked as the free part of a paywalled page, with a note the commands print,
    where the page shows a paywall's shapes (ingest/_paywall.py); else as it is."""
    if not is_paywalled(page, declared):
        return article
    # The paywall's own words ("Already a subscriber? Log in.") are furniture, not the article's.
    blocks = tuple(
        dataclasses.replace(b, kind="boilerplate") if is_paywall_prompt(article.block_text(b)) else b
        for b in article.blocks
    )
    words = sum(
        len(article.block_text(b).split()) for b in blocks if b.kind not in ("headline", "boilerplate")
    )
    note = f"{article.source}: {Errors.I062.format(words=words)}"
    return dataclasses.replace(article, blocks=blocks, paywalled=True, notes=(*article.notes, note))


def _declared_article(declared: JsonLdArticle | None, page: str, source: str, stem: str) -> Article | None:
    """The article the page declares in JSON-LD (headline, date, authors, ``articleBody``), for a page
    whose markup holds no article text: pages that render their text with scripts failed with I031
    although the whole article was in the page. None when it declares no body of article length."""
    from blickwinkel.ingest.json_records import plain_text  # (that module imports this one)

    if declared is None or declared.body is None:
        return None
    headline = collapse_spaces(normalise(plain_text(declared.headline))) if declared.headline else None
    parts = plain_pieces(plain_text(declared.body), title_line=False)
    pieces = parts.pieces
    if headline and pieces and pieces[0].text.casefold() == headline.casefold():
        pieces = pieces[1:]  # the body repeats the headline as its first line
    if sum(len(p.text.split()) for p in pieces) < MIN_ARTICLE_WORDS:
        return None
    url = declared.url or _saved_from(page)
    outlet = declared.publisher or _title_site(page, headline) or host_outlet(url)
    return build_article(
        ([Piece("headline", headline)] if headline else []) + pieces,
        id=stem,
        source=source,
        outlet=outlet,
        url=url,
        published=_date(declared.published) or parts.published,
        author=_author(", ".join(declared.authors), outlet),
    )


def _extracted(
    text: str, source: str, *, tables: bool, standfirst: str | None = None
) -> tuple[ElementTree.Element | None, list[Piece]]:
    """trafilatura's document of the page and its pieces; no document when it holds no article. The
    page's ``standfirst`` (ingest/_standfirst.py) comes first after the headline where trafilatura
    dropped it."""
    import trafilatura

    try:
        xml = trafilatura.extract(
            text,
            output_format="xml",
            favor_precision=True,
            with_metadata=True,
            include_comments=False,
            include_tables=tables,
            include_images=False,
        )
    except Exception as exc:  # trafilatura and lxml raise many kinds of errors on broken markup
        raise IngestError(source, Errors.I033.format(exc=exc)) from exc
    if not xml:
        return None, []
    try:
        doc = ElementTree.fromstring(xml.encode("utf-8"))
    except ElementTree.ParseError as exc:
        raise IngestError(source, Errors.I033.format(exc=exc)) from exc
    title = _attribute(doc, "title")
    site = _site_name(doc)
    # the site's name in its logo heading is no headline: the article's own heading below is
    names = {_letters(site), _letters(site.rsplit(".", 1)[0])} if site else set()
    if title and _letters(title) in names:
        title = None
    main = doc.find("main")
    body = _main_pieces(main, title, names) if main is not None else []
    headline = _headline_beside_site(text, title, body)
    if headline is not None:  # the title was the site's name: the body's first line is the headline
        title, body = headline, body[1:]
        doc.set("title", headline)
    pieces = [Piece("headline", title)] if title else []
    if standfirst and _letters(standfirst)[:80] not in _letters(" ".join(p.text for p in body)):
        pieces.append(Piece("paragraph", standfirst))
    pieces.extend(body)
    pieces = attach_dash_lines(pieces)
    pieces = mark_boilerplate(pieces)
    mark_subheadings(pieces)
    mark_lead(pieces)
    words = sum(len(p.text.split()) for p in pieces if p.kind != "headline")
    if words < MIN_ARTICLE_WORDS:
        return None, []
    return doc, pieces


def _letters(text: str) -> str:
    """The letters and digits of ``text`` in lower case: a standfirst the extraction kept is found
    whatever spaces, line breaks or punctuation it was given."""
    return "".join(c for c in text.casefold() if c.isalnum())


# HTML5 names a block quote's speaker in a <footer> or <cite> inside it, or in the <figcaption> of
# the <figure> around it. trafilatura drops all three (and a whole <figure>): the example story's
# quote of the head of a city office came out with no speaker, and a pull quote in a figure was lost.
# Such quotes are rewritten before extraction as a quote whose last paragraph is a "— Speaker" line,
# the form the readers already attribute. Each region is looked for within a bounded distance, so a
# hostile page with thousands of unclosed tags stays linear.
MAX_QUOTE_REGION = 20_000
MAX_QUOTE_REGIONS = 200
MAX_SPEAKER_CHARS = 160
# A live page's entry time: a <time> element holding a clock time alone ("09.41 BST", "10:15 Uhr").
_TIME_ELEMENT = re.compile(rf"<time\b[^<>]{{0,400}}>\s*({ENTRY_TIME})\s*</time\s*>", re.IGNORECASE)
MIN_ENTRY_TIMES = 2


def entry_times(page: str) -> str:
    """The page with each live entry's ``<time>`` as a paragraph of its own, which the reader keeps
    as a credit line before the entry (the extraction drops ``<time>``, and the entries' times were
    lost). Only a page of two or more such times is a live page; an article's one time is its date."""
    if len(_TIME_ELEMENT.findall(page)) < MIN_ENTRY_TIMES:
        return page
    return _TIME_ELEMENT.sub(lambda m: f"<p>{m.group(1)}</p>", page)


_QUOTE_OPEN = re.compile(r"<(figure|blockquote)\b", re.IGNORECASE)
_DASHES = "—–―-‒ \t\n"


def attributed_quotes(page: str) -> str:
    """The page with each attributed block quote as ``<blockquote><p>…</p><p>— Speaker</p>``; a page
    without one is returned unchanged."""
    lowered = page.lower()
    if "<blockquote" not in lowered or not any(t in lowered for t in ("<footer", "<cite", "<figcaption")):
        return page
    parts: list[str] = []
    done = 0
    regions = 0
    for opening in _QUOTE_OPEN.finditer(page):
        if opening.start() < done or regions >= MAX_QUOTE_REGIONS:
            continue
        tag = opening.group(1).lower()
        close = lowered.find(f"</{tag}", opening.start(), opening.start() + MAX_QUOTE_REGION)
        end = lowered.find(">", close) + 1 if close >= 0 else 0
        if end <= 0:
            continue
        rewritten = _attributed_quote(page[opening.start() : end], tag)
        if rewritten is None:
            continue
        regions += 1
        parts += [page[done : opening.start()], rewritten]
        done = end
    return "".join(parts) + page[done:] if parts else page


def _attributed_quote(region: str, tag: str) -> str | None:
    """One ``<blockquote>`` or ``<figure>`` as a quote with a "— Speaker" paragraph, or None when it
    names no speaker (or cannot be parsed)."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        element = lxml_html.fragment_fromstring(region)
    except (etree.ParserError, ValueError):
        return None
    quote = element if tag == "blockquote" else next(element.iter("blockquote"), None)
    if quote is None:
        return None
    attribution = next(quote.iter("footer"), None)
    if attribution is None:
        cites = [c for c in quote.iter("cite") if c.getparent() is quote or c.getparent() is quote[-1]]
        attribution = cites[-1] if cites and quote[-1] in (cites[-1], cites[-1].getparent()) else None
        if attribution is not None and attribution.getparent() is not quote:
            attribution = attribution.getparent()
    if attribution is None and tag == "figure":
        attribution = next(element.iter("figcaption"), None)
    if attribution is None:
        return None
    speaker = collapse_spaces(normalise(attribution.text_content())).strip(_DASHES)
    if not speaker or len(speaker) > MAX_SPEAKER_CHARS:
        return None
    if attribution.getparent() is not None:
        attribution.drop_tree()
    paragraphs = [collapse_spaces(normalise(p.text_content())) for p in quote.iter("p")]
    paragraphs = [p for p in paragraphs if p] or [collapse_spaces(normalise(quote.text_content()))]
    if not any(paragraphs):
        return None
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f"<blockquote>{body}<p>— {html.escape(speaker)}</p></blockquote>"


def _site_name(doc: ElementTree.Element) -> str | None:
    """The site name the page declares. trafilatura fills in the host of the page's address where the
    page declares none, which hid the name its ``<title>`` gives ("Bridge closed | Valley Courier" with
    a canonical link came out as "example.org"); that fallback is left to :func:`host_outlet`."""
    name = _attribute(doc, "sitename")
    hostname = _attribute(doc, "hostname")
    if (
        name
        and hostname
        and name.casefold() in {hostname.casefold(), _SERVER_PREFIX.sub("", hostname).casefold()}
    ):
        return None
    return name


# A byline's separator before its date or section: "Von Jana Beispiel · 16.06.2025, 09:00 Uhr" gave
# the author "Jana Beispiel ·", "By Tom Ashby, Coast News • June 18" "Tom Ashby; Coast News • June".
_BYLINE_SEPARATOR = re.compile(r"\s*[·•|]")


def _author(author: str | None, outlet: str | None) -> str | None:
    """The author without the outlet and place a byline prints after the name: trafilatura gave
    "Tom Ashby Coastline News; Eastwick" for "By Tom Ashby / Coastline News, Eastwick"."""
    if author:
        author = _BYLINE_SEPARATOR.split(author, maxsplit=1)[0].strip(" ,;/–—-") or None
    if not author or not outlet:
        return author
    at = author.casefold().find(outlet.casefold())
    if at <= 0:
        return author
    return author[:at].strip(" ,;|/–—-") or author


def _main_pieces(
    main: ElementTree.Element, title: str | None, site: Collection[str] = frozenset()
) -> list[Piece]:
    """The pieces of the extracted main text; a heading whose letters are ``site``'s (the site's
    name, as ``_letters`` gives it) is left out."""
    pieces: list[Piece] = []
    if main.text and main.text.strip():
        pieces.extend(lines_to_pieces(_lines(main.text)))
    headline = title
    for element in main:
        tag = element.tag
        lines = _element_lines(element)
        if tag == "head":
            text = join_lines(lines)
            if _letters(text) in site:
                continue
            if headline is None:
                pieces.append(Piece("headline", text))
                headline = text
            elif text.casefold() != headline.casefold():
                pieces.append(Piece("subheading", text))
        elif tag == "quote":
            speaker = dash_attribution(lines[-1]) if len(lines) > 1 else None
            pieces.append(quote_piece(join_lines(lines[:-1] if speaker else lines), speaker))
        elif tag == "list":
            for item in element.iter("item"):
                pieces.append(Piece("paragraph", join_lines(_element_lines(item))))
        elif tag in ("p", "code"):
            pieces.extend(lines_to_pieces(lines))
        elif tag == "div":
            # trafilatura keeps a page's <div> of text blocks that are no <p> (a script-built site's
            # server-rendered page: each paragraph a <div>) as one <div> of <p>s: it was passed over,
            # and such pages failed whole with "no article text found" (I031)
            found = _main_pieces(element, headline, site)
            pieces.extend(found)
            headline = headline or next((p.text for p in found if p.kind == "headline"), None)
        elif tag == "table":
            # only read when the page is laid out in a table (see read_html): its wordiest cell is
            # the article, the others are navigation
            cells = list(element.iter("cell"))
            if cells:
                body = max(cells, key=lambda cell: len(" ".join(_element_lines(cell)).split()))
                found = _main_pieces(body, headline, site)
                pieces.extend(found)
                headline = headline or next((p.text for p in found if p.kind == "headline"), None)
        if element.tail and element.tail.strip():
            pieces.extend(lines_to_pieces(_lines(element.tail)))
    return pieces


def _element_lines(element: ElementTree.Element) -> list[str]:
    """The text of an element with ``<lb/>`` as line breaks, as normalised non-empty lines."""
    parts: list[str] = []
    _collect_text(element, parts)
    return _lines("".join(parts))


def _collect_text(element: ElementTree.Element, parts: list[str]) -> None:
    if element.tag == "lb":
        parts.append("\n")
    elif element.text:
        parts.append(element.text)
    for child in element:
        _collect_text(child, parts)
        if child.tail:
            parts.append(child.tail)


def _lines(text: str) -> list[str]:
    return [line for line in (collapse_spaces(x) for x in normalise(text).split("\n")) if line]


# Browsers mark a page saved to disk with the address it came from (Internet Explorer's "mark of
# the web", which Chrome and Edge still write): <!-- saved from url=(0042)https://… -->.
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(https?://[^\s<>]+?)\s*-->", re.IGNORECASE)


def _saved_from(text: str) -> str | None:
    """The address a saved page names in its "saved from url" mark, else None."""
    found = _SAVED_FROM.search(text[:4000])
    return found.group(1) if found else None


_TITLE_ELEMENT = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
_TITLE_SEPARATOR = re.compile(r"\s+[|–—·:-]\s+")
MAX_SITE_NAME_WORDS = 5


# The class of an article's text container ("article-body", "story__content", "entry-text"). A page
# may split its text into two or more such containers around an advertisement or a box of links to
# other articles; trafilatura reads the first one it finds by such a class and only that one, so
# the rest of the article was lost (half of it, on the split pages tried). Bounded: an attribute of
# at most 200 characters.
_BODY_CLASS = re.compile(
    r"""\bclass\s*=\s*(["'])([^"'<>]{0,200}?\b(?:article|story|entry|post)[-_]{0,2}"""
    r"""(?:body|content|text)\b[^"'<>]{0,200}?)\1""",
    re.IGNORECASE,
)


def _whole_split_body(
    page: str, source: str, standfirst: str | None, doc: ElementTree.Element, pieces: list[Piece]
) -> tuple[ElementTree.Element, list[Piece]]:
    """The extraction of a page whose article text sits in two or more containers of one class: read
    again with that class taken off (trafilatura's general search then finds every part), and taken
    when it holds everything the first reading held, and more; else the first reading."""
    counts: dict[str, int] = {}
    for found in _BODY_CLASS.finditer(page[:MAX_SPLIT_BODY_PAGE]):
        counts[found.group(2)] = counts.get(found.group(2), 0) + 1
    repeated = [name for name, count in counts.items() if count > 1]
    if not repeated:
        return doc, pieces
    plain = _BODY_CLASS.sub(lambda m: 'class=""' if m.group(2) in repeated else m.group(0), page)
    again, more = _extracted(plain, source, tables=False, standfirst=standfirst)
    if again is None:
        return doc, pieces
    first = [_letters(p.text) for p in pieces if p.kind not in ("headline", "boilerplate")]
    second = _letters(" ".join(p.text for p in more))
    if all(part in second for part in first) and len(second) > len("".join(first)):
        return again, more
    return doc, pieces


# The part of a page searched for repeated text containers.
MAX_SPLIT_BODY_PAGE = 3_000_000


def _headline_beside_site(text: str, title: str | None, body: Sequence[Piece]) -> str | None:
    """The body's first line, when the page's ``<title>`` is that line beside ``title`` ("Lenne-Bote -
    Bridge closed" over a body that opens with "Bridge closed"): ``title`` is then the site's name.
    An older site's page, its headline in a bold line of a layout table, was titled by its site's
    name (the metadata took the first part of the ``<title>``), and its headline read as its lead."""
    if not title or not body or body[0].kind == "headline":
        return None
    first = body[0].text
    found = _TITLE_ELEMENT.search(text[:50_000])
    if found is None or title.casefold() == first.casefold():
        return None
    whole = collapse_spaces(normalise(html.unescape(found.group(1)))).strip()
    # (the metadata may cut the headline at a dash of its own: "Site - Headline – more" gave "Site -
    # Headline"; the site's part beside the whole first line decides)
    for separator in _TITLE_SEPARATOR.finditer(whole):
        before, after = whole[: separator.start()], whole[separator.end() :]
        for site, other in ((before, after), (after, before)):
            if other.casefold() == first.casefold() and 0 < len(site.split()) <= MAX_SITE_NAME_WORDS:
                return first if title.casefold() in whole.casefold() else None
    return None


def _title_site(text: str, headline: str | None) -> str | None:
    """The site name in the page's ``<title>`` beside the headline ("Bridge closed | Lenne-Bote",
    "Lenne-Bote – Bridge closed"): the other part when one part is the headline and the other a
    short name; else None."""
    found = _TITLE_ELEMENT.search(text[:50_000])
    if found is None or not headline:
        return None
    title = collapse_spaces(normalise(html.unescape(found.group(1)))).strip()
    wanted = headline.casefold()
    separators = list(_TITLE_SEPARATOR.finditer(title))
    for separator in separators:
        before, after = title[: separator.start()], title[separator.end() :]
        for own, other in ((before, after), (after, before)):
            short = 0 < len(other.split()) <= MAX_SITE_NAME_WORDS
            if own.casefold() == wanted and short and not _TITLE_SEPARATOR.search(other):
                return other
    # A kicker or an addition beside the headline ("Halberg: <headline> - Kurier", "Live: <headline> –
    # alle Entwicklungen | Stadtradio"): the last part, when the rest holds the headline and the last
    # part is a capitalised name of at most three words.
    if separators:
        last = separators[-1]
        rest, other = title[: last.start()], title[last.end() :]
        words = other.split()
        if wanted in rest.casefold() and 0 < len(words) <= 3 and words[0][:1].isupper():
            return other
    return None


def host_outlet(url: str | None) -> str | None:
    """The host of ``url`` without "www.": the outlet of a page that names no site (a saved page
    without one was labelled by its file name, "page" for a browser's page.html); None for an
    address that names no host or cannot be parsed (a page's own mark may be malformed:
    "https://[bad", which failed the whole page)."""
    if not url:
        return None
    try:
        host = urllib.parse.urlsplit(url).hostname
    except ValueError:
        return None
    host = (host or "").rstrip(".")
    # The server part is left off only before a domain of its own ("www.example.org"): the host "www."
    # gave an empty outlet, and "www.org" the top-level name "org" alone
    return _SERVER_PREFIX.sub("", host) or None


# The server part of a host that is no part of the outlet's name: "www.", numbered "www1.", and the
# mobile and AMP editions' "m.", "mobile.", "amp." (two articles of one site were two outlets,
# "www1.example.com" beside "example.com"); only before a name of two or more parts.
_SERVER_PREFIX = re.compile(r"^(?:www\d*|m|mobile|amp)\.(?=[^.]+\.[^.]+)", re.IGNORECASE)


def _attribute(doc: ElementTree.Element, name: str) -> str | None:
    value = doc.get(name)
    return collapse_spaces(normalise(value)) or None if value else None


def _page_date(page: str, date: dt.date | None) -> dt.date | None:
    """The page's date, unless it is a year read from the running text: htmldate's search of the text
    takes a bare year for the 1st of January ("Seit 2015 fahren mehr Menschen Rad" dated a page with
    no date of its own 2015-01-01), which then resolved its "am Samstag" and placed it in the stories'
    time windows. A 1st of January stays only where the page's markup (meta tags, ``<time>``,
    its address) gives it too."""
    if date is None or (date.month, date.day) != (1, 1):
        return date
    import htmldate

    try:
        marked = htmldate.find_date(page, extensive_search=False, original_date=True)
    except Exception:  # htmldate and lxml raise many kinds of errors on broken markup
        return None
    return date if marked and _date(marked) == date else None


def _date(value: str | None) -> dt.date | None:
    return parse_date_value(value) if value else None
