"""Kept statement vectors: an embedder's vector of a text by text key and embedder key (the
:class:`blickwinkel.embed.kept.VectorStore` of the database)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from blickwinkel.store import schema as t
from blickwinkel.store._base import StoreBase

# Keys per query: SQLite allows 32,766 bound parameters, PostgreSQL 65,535; rows per insert: five
# parameters each.
_KEYS_PER_QUERY = 500
_ROWS_PER_INSERT = 500


class VectorRecords(StoreBase):
    """Statement vectors kept by the text they embed, so no process embeds a stored statement again."""

    def kept_vectors(self, keys: Sequence[str], embedder: str) -> dict[str, tuple[int, str, bytes]]:
        """The kept ``(dim, dtype, bytes)`` of each of ``keys`` that has one for ``embedder``, as
        stored: the caller checks that it fits (:func:`blickwinkel.embed.kept.vector_from_row`)."""
        v = t.statement_vectors
        found: dict[str, tuple[int, str, bytes]] = {}
        unique = list(dict.fromkeys(keys))
        with self._read() as conn:
            for start in range(0, len(unique), _KEYS_PER_QUERY):
                query = sa.select(v.c.text_key, v.c.dim, v.c.dtype, v.c.vector).where(
                    v.c.text_key.in_(unique[start : start + _KEYS_PER_QUERY]), v.c.embedder == embedder
                )
                found.update({r.text_key: (r.dim, r.dtype, bytes(r.vector)) for r in conn.execute(query)})
        return found

    def kept_keys(self, keys: Sequence[str], embedder: str) -> set[str]:
        """Those of ``keys`` that have a row for ``embedder`` (not read, not checked)."""
        v = t.statement_vectors
        found: set[str] = set()
        unique = list(dict.fromkeys(keys))
        with self._read() as conn:
            for start in range(0, len(unique), _KEYS_PER_QUERY):
                query = sa.select(v.c.text_key).where(
                    v.c.text_key.in_(unique[start : start + _KEYS_PER_QUERY]), v.c.embedder == embedder
                )
                found.update(conn.scalars(query))
        return found

    def keep_vectors(self, vectors: Mapping[str, bytes], embedder: str, dim: int, dtype: str) -> None:
        """Keep vectors by text key; a row that is there already is replaced (it was read as damaged,
        or another process kept the same vector meanwhile). One insert-or-replace per row, in key
        order, so two processes keeping overlapping sets at once neither fail nor wait on each other
        in a cycle (PostgreSQL row locks; SQLite takes one write lock per transaction)."""
        if not vectors:
            return
        v = t.statement_vectors
        rows = [
            {"text_key": key, "embedder": embedder, "dim": dim, "dtype": dtype, "vector": vectors[key]}
            for key in sorted(vectors)
        ]
        insert = (postgresql.insert if self.dialect == "postgresql" else sqlite.insert)(v)
        upsert = insert.on_conflict_do_update(
            index_elements=[v.c.text_key, v.c.embedder],
            set_={name: insert.excluded[name] for name in ("dim", "dtype", "vector")},
        )
        with self._write() as conn:
            for start in range(0, len(rows), _ROWS_PER_INSERT):
                conn.execute(upsert, rows[start : start + _ROWS_PER_INSERT])

    def prune_vectors(
        self, needed: set[str], embedders: set[str], *, dry_run: bool = False
    ) -> tuple[int, int]:
        """Delete the kept statement vectors of an embedder key not in ``embedders`` (another model or
        version) and those whose text key is not in ``needed``; returns how many rows went and how
        many are left (``dry_run``: would go, would be left; nothing is deleted)."""
        v = t.statement_vectors
        with self._write(dry_run=dry_run) as conn:
            removed = conn.execute(v.delete().where(v.c.embedder.not_in(sorted(embedders)))).rowcount or 0
            unneeded = [k for k in conn.scalars(sa.select(v.c.text_key).distinct()) if k not in needed]
            for start in range(0, len(unneeded), _KEYS_PER_QUERY):
                batch = unneeded[start : start + _KEYS_PER_QUERY]
                removed += conn.execute(v.delete().where(v.c.text_key.in_(batch))).rowcount or 0
            left = conn.scalar(sa.select(sa.func.count()).select_from(v)) or 0
        return removed, left
