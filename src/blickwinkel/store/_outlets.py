"""Which stored outlet an article belongs to: one site is one outlet, whether the article names it or
only its address's host does.

An article that names no site (a feed entry, a page without a site name, a record without an
``outlet``) is named by its host (:func:`blickwinkel.ingest.html.host_outlet`), so one site's articles
came to the store under two outlets, "harbourtimes.example" beside "Harbour Times", and the outlets
table, a story's outlets and the outlet figures counted them as two. Here a host's name joins the one
outlet of another name stored for that site, and a site's name, given after its host named it, renames
that outlet. A host of several named outlets (a platform's blogs) joins none of them.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from blickwinkel.store import schema as t
from blickwinkel.store._base import new_id, utc_now


def stored_outlet(conn: sa.Connection, name: str, url: str | None) -> int:
    """The id of the outlet ``name`` of an article at ``url``, stored first if need be."""
    o = t.outlets
    found = conn.scalar(sa.select(o.c.id).where(o.c.name == name))
    if found is not None:
        return int(found)
    site = _site(url)
    if site is not None:
        joined = _site_outlet(conn, name, site)
        if joined is not None:
            return joined
    domain = _host(url)
    try:
        with conn.begin_nested():
            return new_id(conn.execute(o.insert().values(name=name, domain=domain, created_at=utc_now())))
    except IntegrityError:  # another writer stored the outlet meanwhile: its row is there now
        return int(conn.execute(sa.select(o.c.id).where(o.c.name == name)).scalar_one())


def _site_outlet(conn: sa.Connection, name: str, site: str) -> int | None:
    """The outlet stored for ``site`` that an article named ``name`` belongs to, renamed to ``name``
    where only the host named it; None where there is none or the site has several."""
    o = t.outlets
    rows = conn.execute(
        sa.select(o.c.id, o.c.name, o.c.domain).where(
            sa.or_(o.c.domain == site, o.c.domain.like(f"%.{site}"))
        )
    ).all()
    same_site = [
        (int(oid), str(stored)) for oid, stored, domain in rows if _site(f"http://{domain}/") == site
    ]
    named = [oid for oid, stored in same_site if stored.casefold() != site]
    if name.casefold() == site:  # the article's host named it: the site's one named outlet, if any
        return named[0] if len(named) == 1 else None
    by_host = [oid for oid, stored in same_site if stored.casefold() == site]
    if named or not by_host:
        return None
    try:
        with conn.begin_nested():
            conn.execute(o.update().where(o.c.id == by_host[0]).values(name=name))
    except IntegrityError:  # another writer stored an outlet of this name meanwhile
        return None
    _forget_comparisons(conn, by_host[0])
    return by_host[0]


def _forget_comparisons(conn: sa.Connection, outlet: int) -> None:
    """Drop the kept comparisons of the stories holding the outlet's articles: they name it by its
    old name (each is made again when next asked for, as migration 0005 does)."""
    a, m, c = t.articles, t.memberships, t.comparisons
    stories = sa.select(m.c.story_id).join(a, a.c.id == m.c.article_id).where(a.c.outlet_id == outlet)
    conn.execute(c.delete().where(c.c.story_id.in_(stories)))


def _host(url: str | None) -> str | None:
    if not url:
        return None
    from urllib.parse import urlsplit

    try:
        return urlsplit(url).hostname
    except ValueError:
        return None


def _site(url: str | None) -> str | None:
    """The site of ``url`` as an outlet is named by it, lower case: "www.Example.org" → "example.org"."""
    # imported here: the store opens without the readers (serve's start)
    from blickwinkel.ingest.html import host_outlet

    site = host_outlet(url)
    return site.casefold() if site else None
