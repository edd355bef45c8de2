"""Seats of government: "the Kremlin", "Downing Street" stand for a government in news prose.

One table (``sitrep/data/seats_of_government.tsv``) serves every layer that needs it:
attributions take their source's actor from it, the places layer marks the names
that are also places.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from sitrep.tables import read_table


@dataclass(frozen=True)
class Seat:
    """A building or address that stands for a government: "the Kremlin" → Government of Russia."""

    phrase: str
    country: str  # ISO 3166 alpha-2
    actor: str
    is_place: bool  # the places layer marks it too (as a place in the government's role)


@lru_cache(maxsize=1)
def seats_of_government() -> dict[str, Seat]:
    """``seats_of_government.tsv`` by phrase (lower case, no leading "the"); one table for every layer."""
    return {
        row["phrase"]: Seat(row["phrase"], row["country"], row["actor"], row["place"] == "yes")
        for row in read_table("seats_of_government.tsv")
    }
