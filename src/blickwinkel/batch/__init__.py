"""The same pipeline on Dask, for archives that outgrow one process.

:func:`run_batch` reads partitioned JSONL or Parquet (local paths or fsspec URLs), embeds, clusters
stories per time window and across window borders, compares each story and writes Parquet tables.
"""

from __future__ import annotations

from blickwinkel.batch.partitions import Partition, list_partitions, read_partition
from blickwinkel.batch.run import BatchResult, dask_client, run_batch
from blickwinkel.batch.stages import WINDOW_DAYS, merge_across_borders, window_of

__all__ = [
    "WINDOW_DAYS",
    "BatchResult",
    "Partition",
    "dask_client",
    "list_partitions",
    "merge_across_borders",
    "read_partition",
    "run_batch",
    "window_of",
]
