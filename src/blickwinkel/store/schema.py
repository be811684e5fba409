"""The store's tables, declared once for SQLite and PostgreSQL (SQLAlchemy Core).

Full-text search is not declared here because it differs per database: the migration adds an FTS5
table with triggers on SQLite and a generated ``tsvector`` column with a GIN index on PostgreSQL.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

Stamp = sa.DateTime(timezone=True)

outlets = sa.Table(
    "outlets",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(300), nullable=False, unique=True),
    sa.Column("domain", sa.String(300)),
    sa.Column("created_at", Stamp, nullable=False),
)

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("slug", sa.String(300), nullable=False),
    sa.Column("outlet_id", sa.Integer, sa.ForeignKey("outlets.id", ondelete="SET NULL"), index=True),
    sa.Column("url", sa.String(2000), unique=True),
    sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("source", sa.String(2000), nullable=False),
    sa.Column("title", sa.Text),
    sa.Column("lead", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("published", sa.Date, index=True),
    sa.Column("language", sa.String(16), index=True),
    sa.Column("author", sa.String(500)),
    sa.Column("meta", sa.JSON, nullable=False),
    sa.Column("created_at", Stamp, nullable=False, index=True),
)
# The stored version of an edited file is found by its source (migration 0004): a hash index on
# PostgreSQL, where a B-tree entry of a long path could pass its size limit.
sa.Index("ix_articles_source", articles.c.source, postgresql_using="hash")

blocks = sa.Table(
    "blocks",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("attribution", sa.Text),
    sa.Column("language", sa.String(16)),
)

statements = sa.Table(
    "statements",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("block_kind", sa.String(32), nullable=False),
    sa.Column("kind", sa.String(32)),
    sa.Column("subjective", sa.Boolean),
    sa.Column("speaker", sa.String(500)),
    sa.Column("language", sa.String(16)),
)

entities = sa.Table(
    "entities",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    sa.Column("statement_id", sa.Integer, sa.ForeignKey("statements.id", ondelete="CASCADE"), index=True),
    sa.Column("key", sa.String(500), nullable=False, index=True),
    sa.Column("text", sa.String(500), nullable=False),
    sa.Column("type", sa.String(8), nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
)

embeddings = sa.Table(
    "embeddings",
    metadata,
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("part", sa.String(16), primary_key=True),  # title, lead or body
    sa.Column("model", sa.String(64), primary_key=True),  # name@version (embed.kept.vector_model)
    sa.Column("dim", sa.Integer, nullable=False),
    sa.Column("vector", sa.LargeBinary, nullable=False),  # float32, little-endian
)

stories = sa.Table(
    "stories",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("title", sa.Text),
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("version", sa.Integer, nullable=False),  # bumped on every membership change
    sa.Column("first_published", sa.Date),
    sa.Column("last_published", sa.Date, index=True),
    sa.Column("created_at", Stamp, nullable=False),
    sa.Column("updated_at", Stamp, nullable=False, index=True),
)

memberships = sa.Table(
    "memberships",
    metadata,
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    sa.Column(
        "story_id", sa.Integer, sa.ForeignKey("stories.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    sa.Column("score", sa.Float),
    sa.Column("added_at", Stamp, nullable=False),
)

# A story removed because its articles went into other stories (migration 0006): its id leads to the
# story ``article_id`` is in now (web and API answer the old link with a 301), and is never given to a
# new story. ``article_id`` is NULL once that article is deleted (the old link then gives 404).
former_stories = sa.Table(
    "former_stories",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="SET NULL"), index=True),
    sa.Column("removed_at", Stamp, nullable=False),
)

comparisons = sa.Table(
    "comparisons",
    metadata,
    sa.Column("story_id", sa.Integer, sa.ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("story_version", sa.Integer, nullable=False),
    sa.Column("embedder", sa.String(64), nullable=False),
    sa.Column("conflicts", sa.Integer, nullable=False),
    sa.Column("body", sa.Text, nullable=False),  # the documented comparison JSON
    sa.Column("created_at", Stamp, nullable=False),
)

# The outlets' figures kept beside each stored comparison (migration 0008), so that they are sums over
# rows, not a reading of every comparison's JSON. A comparison's row here says its figures are kept,
# and by which version of the rule (store/_comparisons.py FIGURES_RULE; 0: the body is no comparison,
# which counts as not compared). A comparison stored before 0008 has none until the outlets' figures
# are first read. On SQLite a column behind a long body is slow to read in a scan: hence a table of
# its own, not a column of ``comparisons``.
comparison_figures = sa.Table(
    "comparison_figures",
    metadata,
    sa.Column(
        "story_id", sa.Integer, sa.ForeignKey("comparisons.story_id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("rule", sa.Integer, nullable=False),
)

# Each article's figures in a stored comparison: ``article_id`` is the stored article's (the
# comparison calls it ``a<id>``); the rows go with their comparison.
comparison_articles = sa.Table(
    "comparison_articles",
    metadata,
    sa.Column(
        "story_id", sa.Integer, sa.ForeignKey("comparisons.story_id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("article_id", sa.Integer, primary_key=True),
    sa.Column("facts", sa.Integer, nullable=False),
    sa.Column("shared_facts", sa.Integer, nullable=False),
    sa.Column("unique_facts", sa.Integer, nullable=False),
    sa.Column("conflicting_facts", sa.Integer, nullable=False),
    sa.Column("quotes", sa.Integer, nullable=False),
    sa.Column("copies", sa.Integer, nullable=False),  # 1 for a copy of another article, else 0
    sa.Column("opinion", sa.Float),  # its opinion share; NULL when it has none
)

# The speakers an article of a stored comparison quotes, each once: ``key`` the name folded for
# counting, ``name`` as the comparison's reports write it.
comparison_speakers = sa.Table(
    "comparison_speakers",
    metadata,
    sa.Column(
        "story_id", sa.Integer, sa.ForeignKey("comparisons.story_id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("article_id", sa.Integer, primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("key", sa.Text, nullable=False),
    sa.Column("name", sa.Text, nullable=False),
)

# Analyses kept by the content of what was analysed (see blickwinkel.analyse.cache): not tied to an
# article row, so a text stored twice, deleted and stored again, or compared ad hoc shares one entry.
analyses = sa.Table(
    "analyses",
    metadata,
    sa.Column("content_key", sa.String(64), primary_key=True),
    sa.Column("version", sa.String(32), primary_key=True),
    sa.Column("stage", sa.String(32), primary_key=True),
    sa.Column("body", sa.Text, nullable=False),  # JSON
    sa.Column("created_at", Stamp, nullable=False),
)

# Statement vectors kept by the text they embed (see blickwinkel.embed.kept): the key is a SHA-256 of
# the exact text the embedder was given, ``embedder`` its name and model version, so a vector is never
# read by another model, another version of it or for another text. ``vector`` holds ``dim`` numbers
# of ``dtype`` (little-endian), checked on every read.
statement_vectors = sa.Table(
    "statement_vectors",
    metadata,
    sa.Column("text_key", sa.String(64), primary_key=True),
    sa.Column("embedder", sa.String(64), primary_key=True),
    sa.Column("dim", sa.Integer, nullable=False),
    sa.Column("dtype", sa.String(16), nullable=False),
    sa.Column("vector", sa.LargeBinary, nullable=False),
)

feeds = sa.Table(
    "feeds",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("url", sa.String(2000), nullable=False, unique=True),
    sa.Column("title", sa.Text),
    sa.Column("etag", sa.String(500)),
    sa.Column("last_modified", sa.String(100)),
    sa.Column("last_fetched", Stamp),
    sa.Column("last_status", sa.Integer),
    sa.Column("last_error", sa.Text),
    sa.Column("created_at", Stamp, nullable=False),
)

ingest_failures = sa.Table(
    "ingest_failures",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("source", sa.String(2000), nullable=False, unique=True),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False),
    sa.Column("first_failed", Stamp, nullable=False),
    sa.Column("last_failed", Stamp, nullable=False),
    # The feed whose entry the failed page is (migration 0009): `watch` fetches again only its feeds'
    # pages, `ingest --retry` the rest. NULL for an input given to `ingest`, a failure recorded before
    # 0009, or a page of a feed since removed.
    sa.Column("feed_id", sa.Integer, sa.ForeignKey("feeds.id", ondelete="SET NULL"), index=True),
)
