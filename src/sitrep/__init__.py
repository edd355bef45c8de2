"""sitrep: what happened, where, when, and who says so — from raw news pages."""

__version__ = "0.1.0"
