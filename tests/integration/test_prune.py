"""`blickwinkel db prune` deletes the kept analyses, statement vectors and article vectors no stored
article needs (another version, a replaced or removed text), on SQLite and PostgreSQL; what the
stored articles need stays. Invented reports."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from typer.testing import CliRunner

from blickwinkel.analyse.cache import ARTICLE_STAGE, analysis_version, content_key
from blickwinkel.cli.main import app
from blickwinkel.compare import part_embedding_texts
from blickwinkel.embed.backends import EMBEDDERS
from blickwinkel.embed.kept import embedder_key, text_key, vector_to_bytes
from blickwinkel.ingest import read_text
from blickwinkel.store import Store, open_store
from blickwinkel.store.ingest import Ingestor, default_analyser
from blickwinkel.store.prune import prune_store
from tests.databases import BACKENDS, database_at, empty_database, migrations
from tests.integration.newsroom_fixtures import invented_article, write_texts
from tests.integration.test_ingest_edited import REPORTS
from tests.unit.test_stories_props import HashedWordsEmbedder

OLD = "0000000000000000"


def _insert_article(conn: Any) -> None:
    """One stored article (id 1) for vectors to belong to."""
    import sqlalchemy as sa

    conn.execute(
        sa.text(
            "INSERT INTO articles (id, slug, content_hash, source, text, meta, created_at) "
            "VALUES (1, 'a', 'h', 'a.txt', 'T', '{}', CURRENT_TIMESTAMP)"
        )
    )


def test_prune_keeps_what_stored_articles_need_and_deletes_the_rest(store: Store, tmp_path: Path) -> None:
    Ingestor(store, embedder=HashedWordsEmbedder(), analyser=default_analyser).ingest(
        write_texts(tmp_path, REPORTS)
    )
    stored = store.articles([1, 2])
    version = analysis_version()
    keys = [content_key(a) for a in stored.values()]
    store.keep_analyses({k: "{}" for k in [*keys, "orphan"]}, version, ARTICLE_STAGE)
    store.keep_analyses({keys[0]: "{}"}, OLD, ARTICLE_STAGE)
    use = embedder_key(EMBEDDERS.get("use")())
    assert use is not None
    needed = [text_key(t) for t in part_embedding_texts(store.statement_texts([1, 2]))]
    row = vector_to_bytes(np.full(4, 0.5, dtype=np.float32))
    store.keep_vectors({**{k: row for k in needed}, "f" * 32: row}, use, 4, "float32")
    store.keep_vectors({needed[0]: row}, f"use@{OLD}", 4, "float32")
    vector = {"body": np.ones(4, dtype=np.float32)}
    old = store.add_article(
        read_text("Old model\n\nA text kept with an old model.", source="o.txt"),
        vectors=vector,
        model=f"use@{OLD}",
    )
    new = store.add_article(
        read_text("New model\n\nA text kept with the model now.", source="n.txt"), vectors=vector, model=use
    )

    # --dry-run counts in a transaction it rolls back, on each backend: the same counts, nothing gone
    trial = prune_store(store, dry_run=True)
    assert set(store.cached_analyses([*keys, "orphan"], version, ARTICLE_STAGE)) == {*keys, "orphan"}
    assert store.kept_keys(needed, f"use@{OLD}") == {needed[0]}
    assert set(store.vectors([old.article_id], f"use@{OLD}")[old.article_id]) == {"body"}

    counts = prune_store(store)
    assert counts == trial

    # analyses: the orphan, the old version's, and any the ingest kept under the keys of the articles
    # as read (before their languages were detected; the stored articles' keys stay)
    assert counts.analyses >= 2
    assert (counts.statement_vectors, counts.article_vectors) == (2, 1)
    assert set(store.cached_analyses([*keys, "orphan"], version, ARTICLE_STAGE)) == set(keys)
    assert store.cached_analyses([keys[0]], OLD, ARTICLE_STAGE) == {}
    assert store.kept_keys([*needed, "f" * 32], use) == set(needed)
    assert store.kept_keys(needed, f"use@{OLD}") == set()
    assert store.vectors([old.article_id], f"use@{OLD}") == {}
    assert set(store.vectors([new.article_id], use)[new.article_id]) == {"body"}
    assert store.vectors([1, 2], "fake")  # a test embedder's rows (no version) stay
    assert prune_store(store).total == 0  # nothing left to prune


def test_the_prune_command(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'news.db'}"
    store = open_store(db)
    store.keep_analyses({"orphan": "{}"}, analysis_version(), ARTICLE_STAGE)
    store.close()
    env = {"BLICKWINKEL_CONFIG": os.devnull, "COLUMNS": "200"}
    result = CliRunner().invoke(app, ["db", "prune", "--db", db], env=env)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        "0 stored articles: each keeps its analysis and vectors (0 kept analyses, 0 statement vectors, "
        "0 article vectors stay)",
        "deleted 1 kept analysis: 1 of texts no stored article holds now (the copy an ingest keeps of "
        "each text as read, before its languages were found; replaced or removed articles; texts "
        "compared but not stored)",
    ]
    again = CliRunner().invoke(app, ["db", "prune", "--db", db], env=env)
    assert again.stderr.splitlines()[-1] == "nothing to delete"


def test_prune_of_a_store_just_filled_says_each_article_keeps_its_analysis(tmp_path: Path) -> None:
    # Found by a new user: right after an ingest of two articles, prune said "deleted 2 kept analyses
    # ... no stored article needs", which read as if both had lost their analysis; the two were the
    # copies kept under the texts as read. --dry-run says it first and deletes nothing.
    db = f"sqlite:///{tmp_path / 'news.db'}"
    store = open_store(db)
    # texts of their own: the analyses of REPORTS are in this process's memory after the test above,
    # and an analysis found there is not kept again
    texts = (invented_article(41), invented_article(42))
    Ingestor(store, embedder=HashedWordsEmbedder(), analyser=default_analyser).ingest(
        write_texts(tmp_path, texts)
    )
    store.close()
    env = {"BLICKWINKEL_CONFIG": os.devnull, "COLUMNS": "200"}
    trial = CliRunner().invoke(app, ["db", "prune", "--db", db, "--dry-run"], env=env)
    assert trial.exit_code == 0, trial.stderr
    lines = trial.stderr.splitlines()
    assert re.fullmatch(
        r"2 stored articles: each keeps its analysis and vectors \(2 kept analyses, \d+ statement "
        r"vectors, \d+ article vectors would stay\)",
        lines[0],
    )
    assert lines[1].startswith("would delete 2 kept analyses: 2 of texts no stored article holds now")
    done = CliRunner().invoke(app, ["db", "prune", "--db", db], env=env)
    assert done.stderr.splitlines()[1:] == [line.replace("would delete", "deleted") for line in lines[1:]]
    assert done.stderr.splitlines()[0] == lines[0].replace("would stay", "stay")


def test_prune_of_a_store_that_does_not_exist_says_so_and_makes_none(tmp_path: Path) -> None:
    # Found by the new user: a mistyped path made a new empty store and "deleted 0 kept analyses".
    missing = tmp_path / "newz.db"
    env = {"BLICKWINKEL_CONFIG": os.devnull, "COLUMNS": "200"}
    for db in (f"sqlite:///{missing}", str(missing)):
        result = CliRunner().invoke(app, ["db", "prune", "--db", db], env=env)
        assert result.exit_code == 2
        assert "[S013]" in result.stderr and "newz.db" in result.stderr
        assert not missing.exists()


@pytest.mark.parametrize("backend", BACKENDS)
def test_migration_0004_keys_stored_article_vectors_with_their_version(backend: str, tmp_path: Path) -> None:
    # Article vectors were kept under the embedder's name alone and read by every later version.
    import sqlalchemy as sa

    def fill(conn: sa.Connection) -> None:
        _insert_article(conn)
        conn.execute(
            sa.text(
                "INSERT INTO embeddings (article_id, part, model, dim, vector) VALUES "
                "(1, 'body', 'use', 1, :v), (1, 'body', 'fake', 1, :v)"
            ),
            {"v": b"\0\0\0\0"},
        )

    with database_at(backend, tmp_path, "0003", fill) as url:
        store = open_store(url)
        try:
            use = embedder_key(EMBEDDERS.get("use")())
            assert use is not None
            assert set(store.vectors([1], use)[1]) == {"body"}
            assert store.vectors([1], "use") == {}
            assert set(store.vectors([1], "fake")[1]) == {"body"}
        finally:
            store.close()


@pytest.mark.parametrize("backend", BACKENDS)
def test_migration_0004_downgrades_an_article_kept_under_two_versions(backend: str, tmp_path: Path) -> None:
    # Two versions' rows of one article part were one key under the name alone: the downgrade failed
    # on the primary key.
    import sqlalchemy as sa
    from alembic import command

    from tests.databases import engine_of

    with empty_database(backend, tmp_path) as url:
        open_store(url).close()
        engine = engine_of(url)
        config = migrations()
        with engine.begin() as conn:
            _insert_article(conn)
            conn.execute(
                sa.text(
                    "INSERT INTO embeddings (article_id, part, model, dim, vector) VALUES "
                    "(1, 'body', 'use@aaaa', 1, :v), (1, 'body', 'use@bbbb', 1, :v), "
                    "(1, 'title', 'use@aaaa', 1, :v), (1, 'body', 'fake', 1, :v)"
                ),
                {"v": b"\0\0\0\0"},
            )
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0003")
            rows = conn.execute(sa.text("SELECT part, model FROM embeddings")).all()
        engine.dispose()
        assert sorted(map(tuple, rows)) == [("body", "fake"), ("body", "use"), ("title", "use")]
