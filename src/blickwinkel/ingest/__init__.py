"""Reading articles: the only code in blickwinkel that reads files.

Each format has a reader registered by name in :data:`READERS` (``text``, ``markdown``, ``html``,
``json``, ``jsonl``, ``feed``: a saved RSS or Atom file, ``urls``: a list of web addresses, one a
line); :func:`read_inputs` picks one per file by its ending or its content and collects an
:class:`~blickwinkel.errors.IngestError` for every input that cannot be read.
"""

from __future__ import annotations

from blickwinkel.ingest import feeds, html, json_records, markdown, plain, url_list
from blickwinkel.ingest._base import EXTENSIONS, READERS, EntryLinks, Reader, ReadResult
from blickwinkel.ingest._decode import decode
from blickwinkel.ingest._inputs import (
    read_event_folders,
    read_inputs,
    read_text,
    read_text_articles,
    repeated_file_note,
    repeated_files,
    skipped_files,
    skipped_files_note,
    skipped_folders,
    skipped_folders_note,
    unique_ids,
    unread_input,
)
from blickwinkel.ingest._sniff import is_feed_document, sniff

# The built-in readers register themselves on import, the way a plugin's would.
_BUILT_IN = (feeds, html, json_records, markdown, plain, url_list)

__all__ = [
    "EXTENSIONS",
    "READERS",
    "EntryLinks",
    "ReadResult",
    "Reader",
    "decode",
    "is_feed_document",
    "read_event_folders",
    "read_inputs",
    "read_text",
    "read_text_articles",
    "repeated_file_note",
    "repeated_files",
    "skipped_files",
    "skipped_files_note",
    "skipped_folders",
    "skipped_folders_note",
    "sniff",
    "unique_ids",
    "unread_input",
]
