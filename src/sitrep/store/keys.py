"""How names are folded for lookup, on the way into the store and on the way into a query."""

from __future__ import annotations


def lookup_key(text: str | None) -> str:
    """Whitespace collapsed and case folded: "Donetsk  oblast" and "DONETSK Oblast" meet."""
    return " ".join((text or "").split()).casefold()
