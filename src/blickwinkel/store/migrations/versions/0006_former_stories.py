"""Former stories: the id of a story removed because its articles went into other stories (a merge, a
re-clustering, an edited article placed again) leads to the story one of them is in now.

A link to ``/stories/<id>`` or ``/api/v1/stories/<id>`` kept from before gave 404 once the story was
re-clustered away; the web and the API now answer it with a 301 to the story its article is in. The
row also keeps the id from being given to a new story (SQLite gives a new row the largest id + 1, so
the id of the newest story, once removed, came back for an unrelated one).

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision: str | None = "0005"


def upgrade() -> None:
    op.create_table(
        "former_stories",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=True),
        sa.Column("removed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_former_stories_article_id_articles"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_former_stories")),
    )
    op.create_index(op.f("ix_former_stories_article_id"), "former_stories", ["article_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_former_stories_article_id"), table_name="former_stories")
    op.drop_table("former_stories")
