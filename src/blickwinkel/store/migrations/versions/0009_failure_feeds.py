"""A failed page remembers the feed whose entry it is: ``ingest_failures.feed_id``.

Until this revision `watch` fetched again every failed address, those given to `ingest` too, and
`blickwinkel ingest --failed` could not say which feed a failure came from. Now `watch` fetches again
only its feeds' pages and `ingest --retry` the rest. A failure recorded before has no feed: it is a
feed's again when that feed lists the page and the page fails again (nothing is guessed here). A
feed removed leaves its pages' failures without one (SET NULL). The downgrade drops the column.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision: str | None = "0008"


def upgrade() -> None:
    with op.batch_alter_table("ingest_failures") as batch:
        batch.add_column(sa.Column("feed_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_ingest_failures_feed_id_feeds"), "feeds", ["feed_id"], ["id"], ondelete="SET NULL"
        )
        batch.create_index(op.f("ix_ingest_failures_feed_id"), ["feed_id"])


def downgrade() -> None:
    with op.batch_alter_table("ingest_failures") as batch:
        batch.drop_index(op.f("ix_ingest_failures_feed_id"))
        batch.drop_constraint(op.f("fk_ingest_failures_feed_id_feeds"), type_="foreignkey")
        batch.drop_column("feed_id")
