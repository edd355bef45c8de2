"""How names are folded for lookup, on the way into the store and on the way into a query."""

from __future__ import annotations


def lookup_key(text: str | None) -> str:
    """Whitespace collapsed and case folded: "Donetsk  oblast" and "DONETSK Oblast" meet."""
    return " ".join((text or "").split()).casefold()


FAR_FUTURE = "9999-12-31"  # the open end of an interval, and the time of an undated record, for comparisons
REGION_SUFFIX = " oblast"


def place_key(text: str | None) -> str:
    """A place or region name as :func:`lookup_key` folds it, without " oblast": "Donetsk Oblast",
    "donetsk oblast" and "Donetsk" meet, so a query for the city also finds its region's records."""
    return lookup_key(text).removesuffix(REGION_SUFFIX)
