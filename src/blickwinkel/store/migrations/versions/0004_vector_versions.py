"""Article vectors keyed by the embedder's model version, and articles found by their source.

``embeddings.model`` held the embedder's name alone ("use"), so vectors of an older model version
were read as current. From this revision it holds ``name@version`` as the kept statement vectors do
(:func:`blickwinkel.embed.kept.vector_model`); the rows stored before are stamped with the version
installed when the migration runs, which is what the code that read them assumed. An index on
``articles.source`` finds the stored version of an edited file (a hash index on PostgreSQL, where a
B-tree entry of a long path could pass its size limit).

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision: str | None = "0003"


def embedder_key(embedder: Any) -> str | None:
    """``name@version`` of an installed embedder, None when it has no model version: the form of
    :func:`blickwinkel.embed.kept.embedder_key` at this revision, written out (twelfth session) so that
    a later change of the live function does not change what this migration writes. Which embedders are
    installed and their versions are read when it runs, as the docstring above says."""
    version = getattr(embedder, "model_version", None)
    found = version() if callable(version) else None
    return None if found is None else f"{embedder.name}@{found}"


def upgrade() -> None:
    from blickwinkel.embed.backends import EMBEDDERS

    if op.get_bind().dialect.name == "postgresql":
        op.create_index(op.f("ix_articles_source"), "articles", ["source"], postgresql_using="hash")
    else:
        op.create_index(op.f("ix_articles_source"), "articles", ["source"])
    embeddings = sa.table("embeddings", sa.column("model", sa.String))
    for name in EMBEDDERS.names():
        key = embedder_key(EMBEDDERS.get(name)())
        if key is not None:
            op.execute(embeddings.update().where(embeddings.c.model == name).values(model=key))


def downgrade() -> None:
    def columns() -> tuple[sa.ColumnClause[Any], ...]:
        return (
            sa.column("article_id", sa.Integer),
            sa.column("part", sa.String),
            sa.column("model", sa.String),
        )

    embeddings = sa.table("embeddings", *columns())
    other = sa.table("embeddings", *columns()).alias("other")

    def name(model: Any) -> Any:
        if op.get_bind().dialect.name == "sqlite":
            return sa.func.substr(model, 1, sa.func.instr(model, "@") - 1)
        return sa.func.split_part(model, "@", 1)

    # An article part kept under two versions of one embedder ("use@a", "use@b") would be two rows
    # of one key under the name alone: the greatest version stays (the revision kept one row a name).
    clash = (
        sa.select(sa.literal(1))
        .where(
            other.c.article_id == embeddings.c.article_id,
            other.c.part == embeddings.c.part,
            sa.or_(
                other.c.model == name(embeddings.c.model),
                sa.and_(
                    other.c.model.like("%@%"),
                    name(other.c.model) == name(embeddings.c.model),
                    other.c.model > embeddings.c.model,
                ),
            ),
        )
        .exists()
    )
    op.execute(embeddings.delete().where(embeddings.c.model.like("%@%"), clash))
    op.execute(
        embeddings.update().where(embeddings.c.model.like("%@%")).values(model=name(embeddings.c.model))
    )
    op.drop_index(op.f("ix_articles_source"), table_name="articles")
