"""Migration 0005 on SQLite and PostgreSQL: outlets stored under a host with a server part ("m.",
"www1.") before the ingest rule changed join the outlet of the site's name. Invented outlets."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from blickwinkel.store import open_store
from tests.databases import BACKENDS, database_at

_OUTLETS = {
    1: "m.harbourtimes.example",  # and the site's own name below: joined to 2
    2: "harbourtimes.example",
    3: "www1.valley-courier.example",  # alone: renamed
    4: "M. Example Weekly",  # a name, no host
    5: "www.org",  # no name left after the server part
    6: "amp.harbourtimes.example",  # a third form of outlet 2
}


def _fill_at_0004(conn: sa.Connection) -> None:
    for oid, name in _OUTLETS.items():
        conn.execute(
            sa.text("INSERT INTO outlets (id, name, created_at) VALUES (:id, :name, CURRENT_TIMESTAMP)"),
            {"id": oid, "name": name},
        )
    for aid, oid in ((1, 1), (2, 2), (3, 3), (4, 4), (5, 6)):
        conn.execute(
            sa.text(
                "INSERT INTO articles (id, slug, outlet_id, content_hash, source, text, meta, created_at) "
                "VALUES (:id, :slug, :outlet, :hash, :source, 'T', '{}', CURRENT_TIMESTAMP)"
            ),
            {
                "id": aid,
                "slug": f"a{aid}",
                "outlet": oid,
                "hash": f"h{aid}",
                "source": f"{aid}.txt",
            },
        )
    for sid in (1, 2):
        conn.execute(
            sa.text(
                "INSERT INTO stories (id, size, version, created_at, updated_at) "
                "VALUES (:id, 2, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
            ),
            {"id": sid},
        )
        conn.execute(
            sa.text(
                "INSERT INTO comparisons (story_id, story_version, embedder, conflicts, body, created_at) "
                "VALUES (:id, 1, 'use', 0, '{}', CURRENT_TIMESTAMP)"
            ),
            {"id": sid},
        )
    # story 1: two forms of the harbour site; story 2: the weekly alone, whose comparison stays
    for aid, sid in ((1, 1), (2, 1), (4, 2)):
        conn.execute(
            sa.text(
                "INSERT INTO memberships (article_id, story_id, added_at) VALUES (:a, :s, CURRENT_TIMESTAMP)"
            ),
            {"a": aid, "s": sid},
        )


@pytest.mark.parametrize("backend", BACKENDS)
def test_migration_0005_joins_outlets_stored_under_a_server_part(backend: str, tmp_path: Path) -> None:
    with database_at(backend, tmp_path, "0004", _fill_at_0004) as url:
        store = open_store(url)
        try:
            outlets = {o.name: o for o in store.outlets()}
            assert set(outlets) == {
                "harbourtimes.example",
                "valley-courier.example",
                "M. Example Weekly",
                "www.org",
            }
            assert outlets["harbourtimes.example"].articles == 3
            assert outlets["harbourtimes.example"].id == 2
            assert outlets["valley-courier.example"].id == 3
            stored = store.articles([1, 2, 3, 5])
            assert [stored[n].outlet for n in (1, 2, 3, 5)] == [
                "harbourtimes.example",
                "harbourtimes.example",
                "valley-courier.example",
                "harbourtimes.example",
            ]
            # the comparison that showed the old outlet names is forgotten, the other one kept
            assert store.cached_comparison(1, embedder="use") is None
            assert store.cached_comparison(2, embedder="use") is not None
        finally:
            store.close()
