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
