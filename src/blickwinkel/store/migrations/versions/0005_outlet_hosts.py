"""Outlets named by a host with a server part ("m.example.com", "www1.example.com") join the outlet
of the site's own name ("example.com").

Since the ninth session an article whose page names no site takes its host without "www.",
numbered "www1.", or the mobile and AMP editions' "m.", "mobile." and "amp." as its outlet
(:func:`blickwinkel.ingest.html.host_outlet`); before, only "www." was left off, so a store filled
earlier kept "m.example.com" beside "example.com" as two outlets until every article was ingested
again. This revision renames such an outlet, or moves its articles to the outlet that already has
the site's name and deletes it, and forgets the kept comparisons of the stories those articles are
in (their outlet names changed; they are compared again when next asked for).

The rule is written here as it stood at this revision, not imported: a later change to the
ingest rule must not change what this migration did to a store. There is no way back: the
downgrade leaves the outlets as they are (which of them were two before is not kept).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision: str | None = "0004"

# Only an outlet name that is a whole host (no spaces, at least three dot-separated parts).
_SERVER_PART = re.compile(r"^(?:www\d*|m|mobile|amp)\.(?=[^.\s]+\.[^\s]+$)", re.IGNORECASE)


def site_name(outlet: str) -> str:
    """``outlet`` without a host's server part: "m.example.com" → "example.com"; any other name as
    it is ("M. Example News", "www.org")."""
    return _SERVER_PART.sub("", outlet) if " " not in outlet else outlet


def upgrade() -> None:
    conn = op.get_bind()
    outlets = sa.table("outlets", sa.column("id", sa.Integer), sa.column("name", sa.String))
    articles = sa.table("articles", sa.column("id", sa.Integer), sa.column("outlet_id", sa.Integer))
    memberships = sa.table(
        "memberships", sa.column("article_id", sa.Integer), sa.column("story_id", sa.Integer)
    )
    comparisons = sa.table("comparisons", sa.column("story_id", sa.Integer))
    rows = conn.execute(sa.select(outlets.c.id, outlets.c.name).order_by(outlets.c.id)).all()
    by_name = {name: oid for oid, name in rows}
    changed: set[int] = set()
    for oid, name in rows:
        site = site_name(name)
        if site == name:
            continue
        target = by_name.get(site)
        if target is None:
            conn.execute(outlets.update().where(outlets.c.id == oid).values(name=site))
            by_name[site] = oid
            changed.add(oid)
        else:
            conn.execute(articles.update().where(articles.c.outlet_id == oid).values(outlet_id=target))
            conn.execute(outlets.delete().where(outlets.c.id == oid))
            changed.add(target)
        del by_name[name]
    if changed:
        stories = (
            sa.select(memberships.c.story_id)
            .join(articles, articles.c.id == memberships.c.article_id)
            .where(articles.c.outlet_id.in_(sorted(changed)))
        )
        conn.execute(comparisons.delete().where(comparisons.c.story_id.in_(stories)))


def downgrade() -> None:
    """Nothing to undo that can be undone: the outlets stay joined."""
