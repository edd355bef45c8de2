"""Opaque cursors: where the next page of a list starts, as a URL-safe token.

A cursor is the key of the last item served (an id, a time key, an offset), so a
page stays right while documents are added; clients pass it back unchanged.
"""

from __future__ import annotations

import base64
import json
from typing import Any

from sitrep.errors import UsageError


def encode(value: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(value, separators=(",", ":")).encode()).decode().rstrip("=")


def decode(token: str | None) -> Any:
    if not token:
        return None
    try:
        return json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
    except (ValueError, json.JSONDecodeError):
        raise UsageError(f"bad cursor {token[:40]!r}: pass back the 'next' value of the previous page") from None


MAX_INT = 2**31 - 1  # the ids and indexes are INTEGER columns: 32 bits on PostgreSQL


def decode_int(token: str | None) -> int | None:
    """A cursor holding one non-negative integer (an id, an offset)."""
    value = decode(token)
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_INT:
        raise UsageError("bad cursor: pass back the 'next' value of the previous page")
    return value


def decode_time_key(token: str | None) -> tuple[str, int, int] | None:
    """A cursor holding a record's time key: (earliest, document id, index)."""
    key = decode_key(token, (str, int, int))
    return None if key is None else (key[0], key[1], key[2])


def decode_key(token: str | None, shape: tuple[type, ...]) -> tuple[Any, ...] | None:
    """A cursor holding the sort key of a list's last item, of the given ``shape`` (types in order)."""
    value = decode(token)
    if value is None:
        return None
    if (
        not isinstance(value, list)
        or len(value) != len(shape)
        or not all(isinstance(v, kind) and not isinstance(v, bool) for v, kind in zip(value, shape, strict=True))
        or not all(0 <= v <= MAX_INT for v in value if isinstance(v, int))
    ):
        raise UsageError("bad cursor: pass back the 'next' value of the previous page")
    return tuple(value)
