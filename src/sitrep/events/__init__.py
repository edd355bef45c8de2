"""Event typing in the ACLED taxonomy: rules that work out of the box, and an optional trained model.

``train(csv)`` fits a local model on the user's own ACLED-style rows (columns ``notes`` and
``sub_event_type``); the events stage uses it when it is present at the default location.
"""

from sitrep.events.classifier import (
    TrainedTyper,
    TrainingUnavailable,
    TrainReport,
    default_model_path,
    fit,
    read_report,
    train,
)
from sitrep.events.rules import RuleTyper, Typing, default_typer
from sitrep.events.taxonomy import EventKind, kind_of, kinds, sub_types, type_of

__all__ = [
    "EventKind",
    "RuleTyper",
    "TrainReport",
    "TrainedTyper",
    "TrainingUnavailable",
    "Typing",
    "default_model_path",
    "default_typer",
    "fit",
    "kind_of",
    "kinds",
    "read_report",
    "sub_types",
    "train",
    "type_of",
]
