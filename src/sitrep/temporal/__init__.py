"""Time expressions: recognition (grammar), normalisation to TIMEX3 values, and dated intervals.

``annotate(text, dct, direction_of)`` is the whole job for one text; the
``timexes`` analysis stage and the TimeML tools call it.
"""

from __future__ import annotations

from collections.abc import Callable

from sitrep.model import Timex
from sitrep.temporal.anchoring import Dct, follow_reference_times, to_timex
from sitrep.temporal.dateline import dateline_dct
from sitrep.temporal.reading import UNKNOWN
from sitrep.temporal.recognize import Recognizer, TimexMatch

__all__ = ["Dct", "Recognizer", "TimexMatch", "annotate"]

DirectionOf = Callable[[int, int], int]


def annotate(
    text: str,
    dct: Dct | None,
    direction_of: DirectionOf | None = None,
    recognizer: Recognizer | None = None,
    keep: Callable[[TimexMatch], bool] | None = None,
) -> list[Timex]:
    """All time expressions of ``text`` as :class:`Timex`, resolved against ``dct``.

    ``direction_of(start, end)`` gives the tense direction of the clause around a
    span (-1 past, 0 unknown, +1 future); without it every clause counts as unknown.
    ``keep`` may veto a recognised expression (e.g. with part-of-speech evidence).
    """
    found = [f for f in (recognizer or Recognizer()).find(text) if keep is None or keep(f)]
    dct = dateline_dct(text, found, dct) or dct
    directions = [direction_of(item.start, item.end) if direction_of else UNKNOWN for item in found]
    timexes = [to_timex(item, text, dct, direction) for item, direction in zip(found, directions, strict=True)]
    return follow_reference_times(timexes, found, directions, dct)
