"""Stories stored without a title get the one a story gets now: that of its first article, or for an
untitled article the first sentence of its lead or text.

Before the ninth session a story took its first article's title alone, so a story of records without
a title (a JSONL line with text alone) was stored with none, and the API kept ``"title": null`` for it
until its members changed. This revision fills those titles once.

Unlike 0005, the rule is not written out here: it is the store's own
(:func:`blickwinkel.store._stories.first_member_title`), which every change of a story's members
applies anyway, so a story filled here has the title the next change would give it. The sentence
splitter it needs is loaded only when a story without a title is stored. There is no way back: the
downgrade leaves the titles.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision: str | None = "0006"


def upgrade() -> None:
    conn = op.get_bind()
    stories = sa.table("stories", sa.column("id", sa.Integer), sa.column("title", sa.Text))
    untitled = list(conn.scalars(sa.select(stories.c.id).where(stories.c.title.is_(None))))
    if not untitled:
        return
    from blickwinkel.store._stories import first_member_title

    for story_id in untitled:
        title = first_member_title(conn, story_id)
        if title:
            conn.execute(stories.update().where(stories.c.id == story_id).values(title=title))


def downgrade() -> None:
    """Nothing to undo: a title filled here is the one the story would get anyway."""
