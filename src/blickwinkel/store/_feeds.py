"""Feeds to watch and inputs that failed to ingest."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from blickwinkel.store import schema as t
from blickwinkel.store._base import StoreBase, utc_now
from blickwinkel.store.records import Failure, Feed


class FeedRecords(StoreBase):
    """Feeds and ingest failures."""

    def add_feed(self, url: str, title: str | None = None) -> Feed:
        with self._write() as conn:
            if conn.scalar(sa.select(t.feeds.c.id).where(t.feeds.c.url == url)) is None:
                conn.execute(t.feeds.insert().values(url=url, title=title, created_at=utc_now()))
        feed = next(f for f in self.feeds() if f.url == url)
        return feed

    def remove_feed(self, feed: str) -> Feed | None:
        """Forget the feed with this id or URL (its stored articles stay); None when there is none."""
        found = next((f for f in self.feeds() if feed in (str(f.id), f.url)), None)
        if found is not None:
            with self._write() as conn:
                conn.execute(t.feeds.delete().where(t.feeds.c.id == found.id))
        return found

    def feeds(self) -> list[Feed]:
        with self._read() as conn:
            rows = conn.execute(sa.select(t.feeds).order_by(t.feeds.c.id)).mappings().all()
        return [
            Feed(
                r["id"],
                r["url"],
                r["title"],
                r["etag"],
                r["last_modified"],
                r["last_fetched"],
                r["last_status"],
                r["last_error"],
            )
            for r in rows
        ]

    def update_feed(
        self,
        feed_id: int,
        *,
        status: int | None,
        error: str | None,
        etag: str | None = None,
        last_modified: str | None = None,
        title: str | None = None,
    ) -> None:
        values: dict[str, Any] = {"last_fetched": utc_now(), "last_status": status, "last_error": error}
        if etag is not None:
            values["etag"] = etag
        if last_modified is not None:
            values["last_modified"] = last_modified
        if title:
            values["title"] = title
        with self._write() as conn:
            conn.execute(t.feeds.update().where(t.feeds.c.id == feed_id).values(**values))

    def record_failure(self, source: str, reason: str, *, feed_id: int | None = None) -> None:
        """Remember that ``source`` failed and why (one row per source, counting attempts);
        ``feed_id``: the feed whose entry it is (a failure of a feed's page stays that feed's when it
        fails again as an input given to `ingest`)."""
        now = utc_now()
        f = t.ingest_failures
        with self._write() as conn:
            attempts = conn.scalar(sa.select(f.c.attempts).where(f.c.source == source))
            if attempts is None:
                conn.execute(
                    f.insert().values(
                        source=source,
                        reason=reason,
                        attempts=1,
                        first_failed=now,
                        last_failed=now,
                        feed_id=feed_id,
                    )
                )
            else:
                values: dict[str, Any] = {"reason": reason, "attempts": attempts + 1, "last_failed": now}
                if feed_id is not None:
                    values["feed_id"] = feed_id
                conn.execute(f.update().where(f.c.source == source).values(**values))

    def clear_failure(self, source: str) -> None:
        with self._write() as conn:
            conn.execute(t.ingest_failures.delete().where(t.ingest_failures.c.source == source))

    def failures(self, of_file: str | None = None) -> list[Failure]:
        """Every failure, the latest first; with ``of_file``, only the file's own and its records'
        ("file:3", "file#2"): ingest asks that for each file it reads, and reading the whole table
        each time cost a folder of many files time in proportion to every failure ever stored."""
        f, feeds = t.ingest_failures, t.feeds
        query = (
            sa.select(f, sa.func.coalesce(feeds.c.title, feeds.c.url).label("feed"))
            .select_from(f.outerjoin(feeds, feeds.c.id == f.c.feed_id))
            .order_by(f.c.last_failed.desc(), f.c.id.desc())
        )
        if of_file is not None:
            after = sa.func.substr(f.c.source, len(of_file) + 1, 1)
            query = query.where(
                sa.func.substr(f.c.source, 1, len(of_file)) == of_file,
                sa.or_(f.c.source == of_file, after.in_((":", "#"))),
            )
        with self._read() as conn:
            rows = conn.execute(query).mappings().all()
        return [
            Failure(
                r["source"],
                r["reason"],
                r["attempts"],
                r["first_failed"],
                r["last_failed"],
                r["feed_id"],
                r["feed"],
            )
            for r in rows
        ]
