"""The one store interface over SQLite and PostgreSQL: every write is one transaction.

:class:`Store` is a thin facade: each concept lives in its own module (``_articles``, ``_stories``,
``_comparisons``, ``_entities``, ``_feeds``, ``_analyses``, ``_vectors``) on a shared base (``_base``: engine,
transactions, cursors and the one builder of listing filters).
"""

from __future__ import annotations

from pathlib import Path

import alembic.util
import sqlalchemy as sa

from blickwinkel.errors import Errors, StoreError
from blickwinkel.store import _engine
from blickwinkel.store._analyses import AnalysisRecords
from blickwinkel.store._articles import ArticleRecords
from blickwinkel.store._base import MAX_PAGE, Vector
from blickwinkel.store._comparisons import ComparisonRecords
from blickwinkel.store._entities import EntityRecords
from blickwinkel.store._feeds import FeedRecords
from blickwinkel.store._stories import StoryRecords
from blickwinkel.store._vectors import VectorRecords
from blickwinkel.store.cursor import encode_cursor

__all__ = ["MAX_PAGE", "Store", "Vector", "encode_cursor", "open_store"]


class Store(
    ArticleRecords,
    StoryRecords,
    ComparisonRecords,
    EntityRecords,
    FeedRecords,
    AnalysisRecords,
    VectorRecords,
):
    """Articles, their analysis and embeddings, stories, cached comparisons, feeds and failures,
    analyses kept by content (:mod:`blickwinkel.analyse.cache`) and statement vectors kept by text
    (:mod:`blickwinkel.embed.kept`)."""


def store_file_exists(url: str | None = None) -> bool | None:
    """Whether the SQLite file the database URL names exists (a new empty store is made there on
    open); None for a server database or an in-memory one."""
    resolved = _engine.resolve_url(url)
    if resolved.get_backend_name() != "sqlite" or not resolved.database or resolved.database == ":memory:":
        return None
    return Path(resolved.database).expanduser().exists()


def open_store(url: str | None = None, *, create: bool = True) -> Store:
    """Open (and create or migrate) the store at ``url``; empty means SQLite in the user's data dir.
    With ``create=False`` a SQLite file that does not exist is an error (S013), not a new store: for
    upkeep, which a mistyped path turned into an empty store of its own."""
    resolved = _engine.resolve_url(url)
    if not create and resolved.get_backend_name() == "sqlite" and resolved.database:
        path = Path(resolved.database).expanduser()
        if not path.exists():
            raise StoreError(Errors.S013.format(path=path))
    engine = _engine.create_engine(resolved)
    try:
        _engine.migrate(engine)
    except sa.exc.DatabaseError as exc:  # OperationalError, and "file is not a database" (a text file)
        engine.dispose()
        raise StoreError(
            Errors.S004.format(
                url=engine.url.render_as_string(hide_password=True), problem=str(exc.orig).strip() or exc
            )
        ) from exc
    except alembic.util.CommandError as exc:
        # A schema revision of a newer version ("Can't locate revision identified by …") ended in
        # Alembic's traceback.
        engine.dispose()
        raise StoreError(
            Errors.S005.format(url=engine.url.render_as_string(hide_password=True), problem=exc)
        ) from exc
    return Store(engine)
