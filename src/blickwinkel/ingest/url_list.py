"""A list of web addresses, one a line (``urls.txt``): its addresses are inputs, not an article.

Read as plain text, such a file was stored as an article whose text was its addresses, without a
word. Its addresses come back in ``links`` (marked ``listed``) and are read as addresses given on the
command line are: fetched by the commands that fetch (``compare``, ``ingest``, ``stories
--fetch-links``), each one that cannot be fetched named with its own error, the others read.
"""

from __future__ import annotations

from blickwinkel.ingest._base import READERS, EntryLinks, ReadResult
from blickwinkel.ingest.urls import is_url


def listed_addresses(text: str) -> list[str] | None:
    """The addresses of a text whose every line (but blank lines and ``#`` comments) is one http(s)
    address, in order and each once; None for any other text (an article that quotes an address is
    no list)."""
    addresses: list[str] = []
    for line in text.splitlines():
        entry = line.strip().lstrip("\ufeff")
        if not entry or entry.startswith("#"):
            continue
        if not is_url(entry) or any(char.isspace() for char in entry):
            return None
        if entry not in addresses:
            addresses.append(entry)
    return addresses or None


@READERS.register("urls")
def read_url_list(text: str, *, source: str, stem: str) -> ReadResult:
    """No article: the file's addresses, to be read as inputs of their own."""
    addresses = listed_addresses(text) or []
    links = tuple((address, None) for address in addresses)
    return ReadResult((), (), links=(EntryLinks(source, links, len(links), listed=True),))
