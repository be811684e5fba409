"""An outlet named by its host ("harbourtimes.example") joins the one outlet of another name stored
for the same site ("Harbour Times").

An article that names no site (a feed's entry, a page without a site name, a record without an
``outlet``) is named by its address's host, so a store kept one site's articles under two outlets.
Since the twentieth session a new article joins the site's outlet as it is stored
(``blickwinkel.store._outlets``); this revision joins the two outlets a store holds already: where the
outlets of one site (by their domain without "www.", a numbered "www1." and the mobile and AMP
editions' "m.", "mobile.", "amp.") are one of another name and one or more named by the site's host,
the latter's articles move to the former and they are deleted, and the kept comparisons of the stories
those articles are in are forgotten (they named the outlet by its host; each is made again when next
asked for). A site of several named outlets (a platform's blogs) is left as it is.

The rule is written here as it stands at this revision, not imported: a later change to the store's
rule must not change what this migration did to a store. There is no way back: the downgrade leaves
the outlets as they are (which of them were two before is not kept).

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import re
from collections import defaultdict

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision: str | None = "0009"

_SERVER_PART = re.compile(r"^(?:www\d*|m|mobile|amp)\.(?=[^.]+\.[^.]+)", re.IGNORECASE)


def site(domain: str) -> str:
    """The site of a stored domain, as an outlet is named by it: "www.Example.org." → "example.org"."""
    return _SERVER_PART.sub("", domain.rstrip(".")).casefold()


def upgrade() -> None:
    conn = op.get_bind()
    outlets = sa.table(
        "outlets", sa.column("id", sa.Integer), sa.column("name", sa.String), sa.column("domain", sa.String)
    )
    articles = sa.table("articles", sa.column("id", sa.Integer), sa.column("outlet_id", sa.Integer))
    memberships = sa.table(
        "memberships", sa.column("article_id", sa.Integer), sa.column("story_id", sa.Integer)
    )
    comparisons = sa.table("comparisons", sa.column("story_id", sa.Integer))
    rows = conn.execute(
        sa.select(outlets.c.id, outlets.c.name, outlets.c.domain)
        .where(outlets.c.domain.is_not(None))
        .order_by(outlets.c.id)
    ).all()
    by_site: defaultdict[str, list[tuple[int, str]]] = defaultdict(list)
    for oid, name, domain in rows:
        if site(domain):
            by_site[site(domain)].append((int(oid), str(name)))
    for host, members in by_site.items():
        named = [oid for oid, name in members if name.casefold() != host]
        by_host = [oid for oid, name in members if name.casefold() == host]
        if len(named) != 1 or not by_host:
            continue
        # the comparisons of the moved articles' stories only: one of the named outlet's own is right
        stories = (
            sa.select(memberships.c.story_id)
            .join(articles, articles.c.id == memberships.c.article_id)
            .where(articles.c.outlet_id.in_(by_host))
        )
        conn.execute(comparisons.delete().where(comparisons.c.story_id.in_(stories)))
        conn.execute(articles.update().where(articles.c.outlet_id.in_(by_host)).values(outlet_id=named[0]))
        conn.execute(outlets.delete().where(outlets.c.id.in_(by_host)))


def downgrade() -> None:
    """Nothing to undo that can be undone: the outlets stay joined."""
