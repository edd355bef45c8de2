"""The event taxonomy: ACLED's 6 types and 25 sub-types, plus sitrep's five extension types.

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
    """ACLED's 25 sub-event types, in the table's order (what ACLED data is labelled with)."""
    return tuple(
        EventKind(row["event_type"], row["sub_event_type"], row["definition"]) for row in read_table("acled_types.tsv")
    )


@lru_cache(maxsize=1)
def extension_kinds() -> tuple[EventKind, ...]:
    """sitrep's five types beyond ACLED (disasters, diplomacy, organised crime, claims of responsibility)."""
    return tuple(
        EventKind(row["event_type"], row["sub_event_type"], row["definition"])
        for row in read_table("extension_event_types.tsv")
    )


@lru_cache(maxsize=1)
def _by_sub_type() -> dict[str, EventKind]:
    return {kind.sub_type: kind for kind in (*kinds(), *extension_kinds())}


def kind_of(sub_type: str) -> EventKind:
    """The taxonomy entry for ``sub_type`` (ACLED's or sitrep's); KeyError names the valid ones."""
    try:
        return _by_sub_type()[sub_type]
    except KeyError:
        raise KeyError(f"unknown sub-event type {sub_type!r}") from None


def type_of(sub_type: str) -> str:
    """The event type a sub-event type belongs to."""
    return kind_of(sub_type).type


def sub_types() -> tuple[str, ...]:
    """ACLED's sub-event types."""
    return tuple(kind.sub_type for kind in kinds())


def is_acled(sub_type: str) -> bool:
    """Whether ACLED's codebook has this sub-event type (the ACLED export carries only these)."""
    return sub_type in {kind.sub_type for kind in kinds()}
