"""Listing cursors: opaque strings to clients, one typed decoder for every listing.

A cursor is the URL-safe base64 of a JSON array of the last item's sort key. Whatever a client sends
back is decoded against the exact shape the listing gave out (types and ranges), so a crafted cursor
(``["x"]``, ``[null]``, ``[[1]]``, ``[1e999]``, a 23-digit integer) is a clear error, never a
database error or an overflow.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from blickwinkel.errors import Errors, StoreError

MAX_CURSOR_CHARS = 200
MAX_ID = 2**63 - 1
"""Ids and sizes are 64-bit integers in both databases."""


@dataclass(frozen=True)
class ArticleCursor:
    """Articles are listed by id, newest first: the next page starts below ``last_id``."""

    last_id: int


@dataclass(frozen=True)
class StoryCursor:
    """Stories are listed by (day, size, id), all descending."""

    day: dt.date
    size: int
    last_id: int


def encode_cursor(values: Sequence[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(values)).encode()).decode().rstrip("=")


def decode_article_cursor(cursor: str) -> ArticleCursor:
    """The position an articles cursor names; anything else is a :class:`StoreError` (400)."""
    try:
        (last_id,) = _values(cursor, 1)
        return ArticleCursor(_integer(last_id))
    except StoreError as exc:
        raise StoreError(Errors.S010.format(cursor=cursor[:40], reason=exc)) from None


def decode_story_cursor(cursor: str) -> StoryCursor:
    """The position a stories cursor names; anything else is a :class:`StoreError` (400)."""
    try:
        day, size, last_id = _values(cursor, 3)
        if not isinstance(day, str) or len(day) != 10:
            raise StoreError("its date is not YYYY-MM-DD")
        try:
            parsed = dt.date.fromisoformat(day)
        except ValueError:
            raise StoreError("its date is not YYYY-MM-DD") from None
        return StoryCursor(parsed, _integer(size), _integer(last_id))
    except StoreError as exc:
        raise StoreError(Errors.S010.format(cursor=cursor[:40], reason=exc)) from None


def _values(cursor: str, size: int) -> list[Any]:
    if len(cursor) > MAX_CURSOR_CHARS:
        raise StoreError(f"it is longer than {MAX_CURSOR_CHARS} characters")
    try:
        raw = base64.urlsafe_b64decode((cursor + "=" * (-len(cursor) % 4)).encode("ascii"))
        values = json.loads(raw, parse_constant=_no_constant)
    except (ValueError, binascii.Error, UnicodeError, RecursionError):
        raise StoreError("it is not base64 of a JSON array") from None
    if not isinstance(values, list) or len(values) != size:
        raise StoreError(f"it is not an array of {size} value(s)")
    return values


def _integer(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_ID:
        raise StoreError("it holds a value that is not a 64-bit whole number")
    return value


def _no_constant(name: str) -> object:
    raise StoreError(f"it holds {name}")
