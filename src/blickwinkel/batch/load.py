"""Load the articles a batch run wrote into the store (``blickwinkel batch --db``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from blickwinkel.batch.output import Output
from blickwinkel.config import DEFAULT_EMBEDDER
from blickwinkel.ingest.json_records import record_to_article
from blickwinkel.model import Article


def stored_articles(out: str) -> list[Article]:
    """The articles of a finished run, read back from its Parquet tables."""
    import pyarrow.parquet as pq

    output = Output(out)
    articles: list[Article] = []
    for name in output.list("articles"):
        with output.fs.open(output.path("articles", name), "rb") as handle:
            rows: list[dict[str, Any]] = pq.read_table(handle).to_pylist()
        for row in rows:
            published = row["published"]
            record = {
                "id": row["id"],
                "title": row["title"],
                "text": row["text"],
                "outlet": row["outlet"],
                "url": row["url"],
                "language": row["language"],
                "published": published.isoformat() if isinstance(published, dt.date) else None,
            }
            articles.append(record_to_article(record, source=row["source"], default_id=row["id"]))
    return articles


def load_into_store(out: str, db: str, *, embedder: str = DEFAULT_EMBEDDER) -> dict[str, int]:
    """Store every article of the run at ``out`` (the store assigns its stories as on ingest)."""
    from blickwinkel.store import open_store
    from blickwinkel.store.ingest import Ingestor

    store = open_store(db)
    try:
        counts = Ingestor(store, embedder=embedder).ingest_articles(stored_articles(out))
    finally:
        store.close()
    return {"stored": counts.stored, "duplicates": counts.duplicates, "failed": counts.failed}
