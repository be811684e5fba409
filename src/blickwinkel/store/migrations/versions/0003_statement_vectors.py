"""Statement vectors kept by text key and embedder (issue 14: work done once; see
:mod:`blickwinkel.embed.kept`).

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision: str | None = "0002"


def upgrade() -> None:
    op.create_table(
        "statement_vectors",
        sa.Column("text_key", sa.String(length=64), nullable=False),
        sa.Column("embedder", sa.String(length=64), nullable=False),
        sa.Column("dim", sa.Integer(), nullable=False),
        sa.Column("dtype", sa.String(length=16), nullable=False),
        sa.Column("vector", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("text_key", "embedder", name=op.f("pk_statement_vectors")),
    )


def downgrade() -> None:
    op.drop_table("statement_vectors")
