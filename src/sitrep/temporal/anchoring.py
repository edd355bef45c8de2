"""Anchoring: from a recognised expression and the DCT to a TIMEX3 value and a dated interval.

The DCT is itself an interval. Each expression is resolved twice, against the
first and the last possible day of the DCT; when both give the same value it is
kept, otherwise the value falls back to its X-form (``XXXX-WXX-2``) and the
interval spans both resolutions, so uncertainty is widened, never hidden.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time

from sitrep.model import Granularity, Interval, Timex
from sitrep.temporal import calendar as cal
from sitrep.temporal.reading import FUTURE, Anchor, Reading
from sitrep.temporal.recognize import TimexMatch


@dataclass(frozen=True)
class Dct:
    """The document creation time as the span of days it may be."""

    earliest: date
    latest: date
    span: cal.Span

    @classmethod
    def from_interval(cls, interval: Interval | None) -> Dct | None:
        if interval is None or interval.earliest is None or interval.latest is None:
            return None
        first, last = cal.parse_anchor(interval.earliest), cal.parse_anchor(interval.latest)
        if first is None or last is None:
            return None
        span = cal.Span(
            _as_datetime(interval.earliest, first), _as_datetime(interval.latest, last, end=True), interval.granularity
        )
        return cls(first, last, span)

    @classmethod
    def from_value(cls, value: str) -> Dct | None:
        """A DCT from a TIMEX3 value such as ``1998-01-08`` or ``1998-02-06T22:19:00``."""
        day = cal.parse_anchor(value)
        if day is None:
            return None
        return cls(day, day, cal.day_span(day, day, "day"))


def _as_datetime(text: str, day: date, end: bool = False) -> datetime:
    if "T" in text:
        try:
            return datetime.fromisoformat(text[:19])
        except ValueError:
            pass
    return datetime.combine(day, cal.END_OF_DAY if end else time())


def to_timex(found: TimexMatch, text: str, dct: Dct | None, direction: int) -> Timex:
    """The :class:`Timex` of one recognised expression (offsets into ``text``)."""
    reading = found.reading
    try:
        value, span = _resolve(reading, dct, direction)
    except (ValueError, KeyError, OverflowError):  # a calendar edge (year 9999, 30 February): stay relative
        value, span = reading.unanchored, None
    interval = None
    if span is None and dct is not None and reading.open_side:
        interval = _open_interval(reading, dct, text[found.start : found.end])
    if span is not None:
        earliest, latest = span.bounds()
        interval = Interval(
            earliest=earliest, latest=latest, granularity=span.granularity, text=text[found.start : found.end]
        )
    return Timex(
        start=found.start,
        end=found.end,
        text=text[found.start : found.end],
        type=reading.type,
        value=value,
        mod=reading.mod,
        interval=interval,
    )


def _open_interval(reading: Reading, dct: Dct, text: str) -> Interval:
    """A span of unknown length that ends (or starts) at the DCT: the unknown bound stays null."""
    units: dict[str, Granularity] = {
        "Y": "year",
        "M": "month",
        "W": "week",
        "D": "day",
        "Q": "quarter",
        "DE": "decade",
        "CE": "century",
    }
    granularity = units.get(reading.unanchored.removeprefix("PX"), "unknown")
    earliest, latest = dct.span.bounds()
    if reading.open_side < 0:
        return Interval(earliest=None, latest=latest, granularity=granularity, text=text)
    return Interval(earliest=earliest, latest=None, granularity=granularity, text=text)


def _resolve(reading: Reading, dct: Dct | None, direction: int) -> tuple[str, cal.Span | None]:
    if dct is None:
        value = reading.value(None)
        return value, _span(reading, value, None)
    first, last = Anchor(dct.earliest, direction), Anchor(dct.latest, direction)
    value_first, value_last = reading.value(first), reading.value(last)
    if value_first == "PRESENT_REF":
        return value_first, dct.span
    value = value_first if value_first == value_last else reading.unanchored
    span_first, span_last = _span(reading, value_first, first), _span(reading, value_last, last)
    if span_first is None or span_last is None:
        return value, None
    return value, span_first.union(span_last)


def _span(reading: Reading, value: str, anchor: Anchor | None) -> cal.Span | None:
    if reading.span is not None:
        return reading.span(anchor) if anchor is not None else None
    if reading.type in {"DURATION", "SET"}:
        return None
    span = cal.span_of(value)
    return None if span is None else cal.narrow(span, reading.mod)


# How far back (in characters) a reporting period sets the reference for "a year earlier", and a
# dated day the reference for "the next day".
PERIOD_WINDOW = 400
DAY_WINDOW = 1500
_PERIOD = re.compile(r"(\d{4})(-[QH]\d)$")
_DATED = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?![\dWQHX])")


def follow_reference_times(
    timexes: list[Timex], found: list[TimexMatch], directions: list[int] | None = None, dct: Dct | None = None
) -> list[Timex]:
    """Re-anchor expressions that count from the narrative's reference time, not from the DCT.

    * "the next day", "that day", "the previous week" count from the last dated day
      mentioned before them (TimeML's anchorTimeID), when there is one nearby; but a
      clause in the future tense is not about a day before the DCT ("The offer expires at
      5 p.m." after a story of last week counts from the DCT);
    * "a year earlier/ago", "year-earlier" after a reporting period ("Sales rose in the
      third quarter from a year earlier") is the year-ago quarter, not the year.
    """
    result: list[Timex] = []
    period: tuple[int, re.Match[str]] | None = None
    # the last dated year, month and day mentioned: (end offset, the day that stands for it)
    last: dict[str, tuple[int, date]] = {}
    for i, (timex, item) in enumerate(zip(timexes, found, strict=True)):
        future = directions is not None and directions[i] == FUTURE
        reading = item.reading
        value: str | None = None
        if (
            reading.years_back is not None
            and period is not None
            and timex.value[:1].isdigit()
            and timex.start - period[0] <= (reading.reference_window or PERIOD_WINDOW)
        ):
            value = f"{int(period[1][1]) - reading.years_back:04d}{period[1][2]}"
        elif reading.from_reference is not None:
            needed = "day" if reading.reference_unit in {"day", "week"} else reading.reference_unit
            reference = last.get(needed)
            window = reading.reference_window or DAY_WINDOW
            if (
                reference is not None
                and future
                and dct is not None
                and reference[1] < dct.earliest
                and reading.resolve is not None
            ):
                reference = None  # the DCT-based value stands
            if reference is not None and timex.start - reference[0] <= window:
                value = reading.from_reference(reference[1])
        if value is not None:
            timex = timex.model_copy(update={"value": value, "interval": _interval_of(value, timex.text)})
        if reading.years_back is None and (match := _PERIOD.match(timex.value)) is not None:
            # the reporting period; "a year earlier" compares with it and does not replace it
            period = (timex.end, match)
        if timex.type in {"DATE", "TIME"}:
            _remember(last, timex)
        result.append(timex)
    return result


def _remember(last: dict[str, tuple[int, date]], timex: Timex) -> None:
    """Note the year, month and day a dated expression pins down, as reference for later ones."""
    match = _DATED.match(timex.value)
    if match is None:
        return
    year, month, day = int(match[1]), int(match[2] or 1), int(match[3] or 1)
    try:
        pinned = date(year, month, day)
    except ValueError:
        return
    last["year"] = (timex.end, pinned)
    if match[2]:
        last["month"] = (timex.end, pinned)
    if match[3]:
        last["day"] = (timex.end, pinned)


def _interval_of(value: str, text: str) -> Interval | None:
    span = cal.span_of(value)
    if span is None:
        return None
    earliest, latest = span.bounds()
    return Interval(earliest=earliest, latest=latest, granularity=span.granularity, text=text)
