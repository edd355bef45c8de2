"""What a recognised time expression means, before and after anchoring.

A :class:`Reading` is the meaning the grammar gives a piece of text: its TIMEX3
type, a ``resolve`` function that computes the value from an :class:`Anchor`
(the document creation day plus the tense of the clause), and the value to keep
when there is no anchor (the X-form of the same granularity, e.g. ``XXXX-09``
for "September", ``XXXX-WXX-2`` for "Tuesday").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from sitrep.temporal.calendar import Span

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]

PAST, UNKNOWN, FUTURE = -1, 0, 1


@dataclass(frozen=True)
class Anchor:
    """The day relative expressions are resolved against, and the clause's direction in time."""

    day: date
    direction: int = UNKNOWN  # PAST, UNKNOWN (present or no tense) or FUTURE


@dataclass(frozen=True)
class Reading:
    """The meaning of one time expression.

    ``unanchored`` is the value without an anchor (for absolute expressions the
    value itself); ``resolve`` computes the value from an anchor; ``span``, when
    given, overrides the calendar span of the value (anchored durations such as
    "the past two months", or "earlier this week" which ends at the anchor).
    ``extend`` builds the reading of a bare day number that continues a range
    ("March 1 and 5").
    """

    type: TimexType
    unanchored: str
    resolve: Callable[[Anchor], str] | None = None
    mod: str | None = None
    span: Callable[[Anchor], Span | None] | None = None
    extend: Callable[[int], Reading] | None = None
    mod_kinds: frozenset[str] = frozenset()  # which prefix mods may attach: "position", "approx"
    years_back: int | None = None  # "a year earlier": may follow a reporting period mentioned just before
    from_reference: Callable[[date], str] | None = None  # "the next day": the value counted from a dated day
    reference_unit: str = "day"  # the precision that reference must have (day, week, month, year)
    reference_window: int | None = None  # how far back (characters) that reference may be; None: the default
    open_side: int = 0  # -1: a span of unknown length ending at the anchor ("the past months"); +1: starting there

    def with_mod(self, mod: str) -> Reading:
        return replace(self, mod=mod)

    def value(self, anchor: Anchor | None) -> str:
        if anchor is None or self.resolve is None:
            return self.unanchored
        return self.resolve(anchor)
