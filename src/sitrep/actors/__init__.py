"""Actors: the documented actor table and the matcher that maps noun phrases to canonical actors."""

from sitrep.actors.matcher import ActorEntry, ActorMatch, ActorRef, ActorTable, default_table

__all__ = ["ActorEntry", "ActorMatch", "ActorRef", "ActorTable", "default_table"]
