"""An article's address as it is kept: without credentials and without tracking parameters.

Every reader's article and every fetched page pass their URL through :func:`article_url`, so one
article has one address whether it came from a fetch, a feed, a page's canonical link or a JSON record.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Sequence

_CREDENTIALS = re.compile(r"(?<=//)[^/@\s?#]*@")


def is_url(source: str) -> bool:
    """Whether an input names a web address (http or https) rather than a file."""
    return source.startswith(("http://", "https://"))


def redact(text: str) -> str:
    """``text`` with the user and password of every URL in it replaced by ``***``."""
    return _CREDENTIALS.sub("***@", text)


def without_credentials(url: str) -> str:
    """``url`` without its ``user:pass@``: credentials are never stored."""
    return _CREDENTIALS.sub("", url)


# Query parameters that only tell the site's analytics where a reader came from: a feed's
# "?utm_source=rss" and a newsletter's "?utm_medium=email" were stored as two URLs of one article,
# so an edited version came in as a new article instead of replacing the stored one.
_TRACKING_PREFIXES = ("utm_",)
_TRACKING_PARAMETERS = frozenset(
    {
        "fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid", "xtor",
        "wt_mc", "wt_zmc", "at_medium", "at_campaign",
        "ns_mchannel", "ns_source", "ns_campaign", "ns_linkname", "ns_fee",
    }
)  # fmt: skip


def without_tracking(url: str) -> str:
    """``url`` without the analytics parameters a feed or a newsletter adds to an article's link."""
    parts = urllib.parse.urlsplit(url)
    if not parts.query:
        return url
    pairs = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
    kept = [
        (k, v)
        for k, v in pairs
        if k.lower() not in _TRACKING_PARAMETERS and not k.lower().startswith(_TRACKING_PREFIXES)
    ]
    if len(kept) == len(pairs):
        return url
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(kept)))


def article_url(url: str) -> str:
    """The form an article's URL is kept and stored in, whatever read it: no ``user:pass@`` and no
    tracking parameters. (JSON records and pages' canonical links kept "?utm_source=…", which fetched
    URLs lost: one article stored under two addresses.)"""
    stripped = url.strip()
    try:
        return without_tracking(without_credentials(stripped))
    except ValueError:  # an address urllib cannot split ("http://[bad"): kept as given, less its credentials
        return without_credentials(stripped)


def latest_of_each_url(urls: Sequence[str | None]) -> list[bool]:
    """For records in input order with these URLs: whether each one stands for its URL, i.e. is its
    URL's last record (a record without a URL always stands). A crawl that captured an article twice
    (before and after an edit) holds two records with one URL: the last one in input order is the
    article, the earlier ones are left out (``ingest`` counts them already stored, ``batch``
    ``repeated_urls``), so the older text never replaces the newer and a story never compares a
    report with itself. The one rule of both."""
    last = {url: n for n, url in enumerate(urls) if url}
    return [not url or last[url] == n for n, url in enumerate(urls)]


def web_address(value: str | None) -> str | None:
    """``value`` when it is an absolute http(s) address, else None. Pages' JSON-LD and records often give
    a path alone ("/ferry"), another scheme or a placeholder ("n/a"), which name no page: kept, it was
    stored as the article's address, so two sites' "/ferry" (or every "n/a" record of an export) were
    one URL, of which the store kept the last article only, and the outlet had no host.
    (``report.html.safe_url`` asks the same of a link; ingest may not import the report stage, and the
    report stays clear of the readers.)"""
    if value is None:
        return None
    try:
        parts = urllib.parse.urlsplit(value)
    except ValueError:  # "http://[bad"
        return None
    return value if parts.scheme.lower() in ("http", "https") and parts.netloc else None
