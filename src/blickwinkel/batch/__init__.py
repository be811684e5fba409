"""The same pipeline on Dask, for archives that outgrow one process.

:func:`run_batch` reads partitioned JSONL or Parquet (local paths or fsspec URLs), embeds, clusters
stories (the one clusterer over all articles in its processing order, one time window of features at a
time), compares each story and writes Parquet tables.
"""

from __future__ import annotations

from blickwinkel.batch.partitions import Partition, list_partitions, read_partition
from blickwinkel.batch.run import BatchResult, dask_client, run_batch
from blickwinkel.batch.stages import WINDOW_DAYS, cluster_in_order, window_of

__all__ = [
    "WINDOW_DAYS",
    "BatchResult",
    "Partition",
    "cluster_in_order",
    "dask_client",
    "list_partitions",
    "read_partition",
    "run_batch",
    "window_of",
]
