"""The ACLED event taxonomy (6 types, 25 sub-types), loaded from the package data table.

One place knows which sub-type belongs to which type, so the rule typer, the trained
classifier and the events stage can all speak in sub-types and look the type up here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from sitrep.tables import read_table


@dataclass(frozen=True)
class EventKind:
    """One ACLED sub-event type with its parent event type and a short definition."""

    type: str
    sub_type: str
    definition: str


@lru_cache(maxsize=1)
def kinds() -> tuple[EventKind, ...]:
    """All 25 sub-event types, in the table's order."""
    return tuple(EventKind(row["event_type"], row["sub_event_type"], row["definition"])
                 for row in read_table("acled_types.tsv"))


@lru_cache(maxsize=1)
def _by_sub_type() -> dict[str, EventKind]:
    return {kind.sub_type: kind for kind in kinds()}


def kind_of(sub_type: str) -> EventKind:
    """The taxonomy entry for ``sub_type``; KeyError names the valid ones."""
    try:
        return _by_sub_type()[sub_type]
    except KeyError:
        raise KeyError(f"unknown ACLED sub-event type {sub_type!r}") from None


def type_of(sub_type: str) -> str:
    """The ACLED event type a sub-event type belongs to."""
    return kind_of(sub_type).type


def sub_types() -> tuple[str, ...]:
    return tuple(kind.sub_type for kind in kinds())
