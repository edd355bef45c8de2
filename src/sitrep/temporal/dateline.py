"""Datelines: "WASHINGTON, March 12 (Xinhua) --" sets the day a news story is told from.

Wire stories are often stamped (and published) a day or so after the day in their
dateline, and their "today", "Friday" and "yesterday" count from the dateline
day, not from the publication time. So when the text opens with a dateline whose
date lies just before (or on) the DCT, that day becomes the anchor.
"""

from __future__ import annotations

import re
from datetime import timedelta

from sitrep.temporal import calendar as cal
from sitrep.temporal.anchoring import Dct
from sitrep.temporal.reading import Anchor
from sitrep.temporal.recognize import TimexMatch

# A place in capitals, optionally followed by a region, then the date: "NAIROBI, Kenya, Aug. 8".
# Reuters also opens with the bare date: "March 12 (Reuters) -".
_PLACE_BEFORE = re.compile(
    r"\s*(?:(?:[A-Z][A-Z.'’-]*(?:\s+[A-Z][A-Z.'’-]*)*)(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)?"
    r",\s*)?"
)
# After the date: an agency in brackets or the dash that ends a dateline.
_AGENCY_AFTER = re.compile(r"\s*(?:\([^)\n]{1,40}\)|--|—|–|_)")
_DATELINE_RULES = frozenset({"month_day", "day_month", "numeric_date"})
# How far the dateline day may lie from the DCT and still be the day the story is told from.
MAX_DAYS_BEFORE = 7
MAX_DAYS_AFTER = 1


def dateline_dct(text: str, found: list[TimexMatch], dct: Dct | None) -> Dct | None:
    """The dateline's day as the anchor, when the text opens with one close to ``dct``; else None."""
    if dct is None or not found:
        return None
    first = found[0]
    if first.rule not in _DATELINE_RULES or first.start > 80:
        return None
    if not _PLACE_BEFORE.fullmatch(text, 0, first.start) or not _AGENCY_AFTER.match(text, first.end):
        return None
    try:
        day = cal.parse_anchor(first.reading.value(Anchor(dct.latest)))
    except (ValueError, KeyError, OverflowError):
        return None
    if day is None or not dct.earliest - timedelta(days=MAX_DAYS_BEFORE) <= day <= dct.latest + timedelta(
        days=MAX_DAYS_AFTER
    ):
        return None
    return Dct(day, day, cal.day_span(day, day, "day"))
