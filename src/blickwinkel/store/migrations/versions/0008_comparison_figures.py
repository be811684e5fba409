"""The outlets' figures kept beside each stored comparison: three tables, filled when a comparison is
stored, summed by ``blickwinkel outlets``, ``/api/v1/outlets`` and the outlets page.

Until this revision those read and parsed every stored comparison's JSON once per change of the
database (2,000 stories: seconds of CPU under ``watch``). The comparisons a store kept from before are
filled lazily, not here: at the first reading of the outlets' figures, by the store's live rule
(``blickwinkel.store._comparisons.fill_figures``), which also refills figures kept by an older version
of that rule. A migration must not run live code that may change later (0005, 0007), and writing the
reading of a comparison out here would keep a second copy of it. The downgrade drops the tables.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision: str | None = "0007"


def _comparison_key(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["story_id"],
        ["comparisons.story_id"],
        name=op.f(f"fk_{table}_story_id_comparisons"),
        ondelete="CASCADE",
    )


def upgrade() -> None:
    op.create_table(
        "comparison_figures",
        sa.Column("story_id", sa.Integer(), nullable=False),
        sa.Column("rule", sa.Integer(), nullable=False),
        _comparison_key("comparison_figures"),
        sa.PrimaryKeyConstraint("story_id", name=op.f("pk_comparison_figures")),
    )
    op.create_table(
        "comparison_articles",
        sa.Column("story_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("facts", sa.Integer(), nullable=False),
        sa.Column("shared_facts", sa.Integer(), nullable=False),
        sa.Column("unique_facts", sa.Integer(), nullable=False),
        sa.Column("conflicting_facts", sa.Integer(), nullable=False),
        sa.Column("quotes", sa.Integer(), nullable=False),
        sa.Column("copies", sa.Integer(), nullable=False),
        sa.Column("opinion", sa.Float(), nullable=True),
        _comparison_key("comparison_articles"),
        sa.PrimaryKeyConstraint("story_id", "article_id", name=op.f("pk_comparison_articles")),
    )
    op.create_table(
        "comparison_speakers",
        sa.Column("story_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        _comparison_key("comparison_speakers"),
        sa.PrimaryKeyConstraint("story_id", "article_id", "position", name=op.f("pk_comparison_speakers")),
    )


def downgrade() -> None:
    op.drop_table("comparison_speakers")
    op.drop_table("comparison_articles")
    op.drop_table("comparison_figures")
