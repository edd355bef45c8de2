"""Calendar arithmetic on TIMEX3 values: the one place where a value becomes a span of time.

A TIMEX3 value names a calendar unit (``2023-03-28`` a day, ``2023-W13`` a week,
``2023-Q1`` a quarter, ``199`` a decade, ``2023-03-29TEV`` an evening); this module
turns it into the inclusive span [earliest, latest] with the granularity it is
known to, and turns an anchor date plus a unit back into a value.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

from sitrep.model import Granularity
from sitrep.temporal.lexicon import PART_OF_DAY_HOURS, SEASON_MONTHS

__all__ = ["SEASON_MONTHS", "Span", "narrow", "shift", "span_of", "unit_value"]

END_OF_DAY = time(23, 59, 59)
# Granularities coarser than a day print as dates, finer ones as date-times.
DATE_GRANULARITIES = frozenset(
    {
        "day",
        "week",
        "month",
        "quarter",
        "half-year",
        "season",
        "year",
        "decade",
        "century",
        "unknown",
    }
)


@dataclass(frozen=True)
class Span:
    """An inclusive span of time and the precision it is known to."""

    earliest: datetime
    latest: datetime
    granularity: Granularity

    def union(self, other: Span) -> Span:
        return Span(min(self.earliest, other.earliest), max(self.latest, other.latest), self.granularity)

    def bounds(self) -> tuple[str, str]:
        """ISO strings: dates for day-or-coarser spans, date-times for finer ones."""
        if self.granularity in DATE_GRANULARITIES:
            return self.earliest.date().isoformat(), self.latest.date().isoformat()
        return self.earliest.isoformat(timespec="seconds"), self.latest.isoformat(timespec="seconds")


def day_span(first: date, last: date, granularity: Granularity) -> Span:
    return Span(datetime.combine(first, time()), datetime.combine(last, END_OF_DAY), granularity)


def parse_anchor(text: str) -> date | None:
    """The calendar day of an ISO date or date-time string (``2023-03-30T10:00`` -> 2023-03-30)."""
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    if match is None:
        match = re.match(r"(\d{4})(\d{2})(\d{2})", text)
        if match is None:
            return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


# ----------------------------------------------------------------- unit values


def week_value(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def season_of(day: date) -> tuple[int, str]:
    """Season code and its year (December counts to the winter that starts then)."""
    for code, first in sorted(SEASON_MONTHS.items(), key=lambda kv: -kv[1]):
        if day.month >= first:
            return day.year, code
    return day.year - 1, "WI"


def unit_value(day: date, unit: str) -> str:
    """The TIMEX3 value of the calendar ``unit`` (day, week, month, ...) containing ``day``."""
    if unit == "day":
        return day.isoformat()
    if unit == "week":
        return week_value(day)
    if unit == "weekend":
        return week_value(day) + "-WE"
    if unit == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "quarter":
        return f"{day.year:04d}-Q{quarter_of(day)}"
    if unit == "half-year":
        return f"{day.year:04d}-H{1 if day.month <= 6 else 2}"
    if unit == "season":
        year, code = season_of(day)
        return f"{year:04d}-{code}"
    if unit == "year":
        return f"{day.year:04d}"
    if unit == "decade":
        return f"{day.year // 10:03d}"
    if unit == "century":
        return f"{day.year // 100:02d}"
    raise ValueError(f"unknown calendar unit {unit!r}")


def shift(day: date, unit: str, count: int) -> date:
    """``day`` moved by ``count`` calendar units (negative: into the past)."""
    steps = {
        "day": relativedelta(days=count),
        "week": relativedelta(weeks=count),
        "weekend": relativedelta(weeks=count),
        "month": relativedelta(months=count),
        "quarter": relativedelta(months=3 * count),
        "half-year": relativedelta(months=6 * count),
        "season": relativedelta(months=3 * count),
        "year": relativedelta(years=count),
        "decade": relativedelta(years=10 * count),
        "century": relativedelta(years=100 * count),
    }
    moved: date = day + steps[unit]
    return moved


def weekday_near(anchor: date, weekday: int, direction: int) -> date:
    """The day named ``weekday`` (ISO, Monday = 1) seen from ``anchor``.

    Past (-1): the most recent such day on or before the anchor; future (+1): the
    next one after it; none (0): the nearer of the two (see :func:`nearest`).
    """
    back = (anchor.isoweekday() - weekday) % 7
    before = anchor - timedelta(days=back)
    after = anchor + timedelta(days=(weekday - anchor.isoweekday()) % 7 or 7)
    if direction < 0:
        return before
    if direction > 0:
        return after
    return nearest(anchor, [before, after], direction)


# How much less likely a date against the tense is than one with it: "was extended to Nov. 16"
# in an article of Oct. 30 is the coming Nov. 16, not the one eleven months ago. Without a
# tense, news leans a little to the past (it mostly reports what happened).
AGAINST_TENSE_PENALTY = 4.0
NO_TENSE_FUTURE_PENALTY = 1.5


def nearest(anchor: date, candidates: list[date], direction: int) -> date:
    """The candidate day closest to ``anchor``, distances weighted by the clause's tense.

    Past (-1): days after the anchor count ``AGAINST_TENSE_PENALTY`` times; future (+1):
    days before it do; none (0): days after count ``NO_TENSE_FUTURE_PENALTY`` times.
    """

    def cost(day: date) -> float:
        distance = (day - anchor).days
        if distance > 0:
            return distance * (
                AGAINST_TENSE_PENALTY if direction < 0 else 1.0 if direction > 0 else NO_TENSE_FUTURE_PENALTY
            )
        return -distance * (AGAINST_TENSE_PENALTY if direction > 0 else 1.0)

    return min(candidates, key=cost)


def year_near(anchor: date, month: int, day: int, direction: int) -> int:
    """The year of a month (and day) named without one: see :func:`nearest`."""
    candidates = [_safe_date(anchor.year + k, month, day) for k in (-1, 0, 1)]
    return nearest(anchor, candidates, direction).year


def year_for_month(anchor: date, month: int, direction: int) -> int:
    """The year of a month named without one (measured from its middle): see :func:`year_near`."""
    if month == anchor.month:
        return anchor.year
    return year_near(anchor, month, 15, direction)


def _safe_date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:  # 29 February outside a leap year
        return date(year, month, day - 1)


def holiday(name: str, year: int) -> date | None:
    """Movable feasts: Easter (Western), Good Friday, US Thanksgiving (4th Thursday of November)."""
    sunday: date = easter(year)
    if name.startswith("easter"):
        return sunday
    if name == "good friday":
        return sunday - timedelta(days=2)
    if name.startswith("thanksgiving"):
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    return None


# ----------------------------------------------------------------- value -> span

_VALUE_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?"), "minute"),
    (re.compile(r"(\d{4})-(\d{2})-(\d{2})T(\d{2})$"), "hour"),
    (re.compile(r"(\d{4})-(\d{2})-(\d{2})T(MO|MI|AF|EV|NI|DT)$"), "part-of-day"),
    (re.compile(r"(\d{4})-(\d{2})-(\d{2})$"), "day"),
    (re.compile(r"(\d{4})-W(\d{2})-WE$"), "weekend"),
    (re.compile(r"(\d{4})-W(\d{2})$"), "week"),
    (re.compile(r"(\d{4})-(\d{2})$"), "month"),
    (re.compile(r"(\d{4})-Q([1-4])$"), "quarter"),
    (re.compile(r"(\d{4})-H([12])$"), "half-year"),
    (re.compile(r"(\d{4})-(SP|SU|FA|WI)$"), "season"),
    (re.compile(r"FY(\d{4})$"), "fiscal-year"),
    (re.compile(r"(\d{4})$"), "year"),
    (re.compile(r"(\d{3})$"), "decade"),
    (re.compile(r"(\d{2})$"), "century"),
]


def span_of(value: str) -> Span | None:
    """The calendar span a TIMEX3 value denotes, or None (durations, references, X-values)."""
    for pattern, kind in _VALUE_PATTERNS:
        match = pattern.match(value)
        if match is not None:
            try:
                return _SPAN_BUILDERS[kind](match)
            except ValueError:
                return None
    return None


def _minute(m: re.Match[str]) -> Span:
    start = datetime(int(m[1]), int(m[2]), int(m[3]), int(m[4]), int(m[5]), int(m[6] or 0))
    latest = start if m[6] else start + timedelta(seconds=59)
    return Span(start, latest, "second" if m[6] else "minute")


def _hour(m: re.Match[str]) -> Span:
    start = datetime(int(m[1]), int(m[2]), int(m[3]), int(m[4]))
    return Span(start, start + timedelta(minutes=59, seconds=59), "hour")


def _part_of_day(m: re.Match[str]) -> Span:
    day = date(int(m[1]), int(m[2]), int(m[3]))
    (h0, m0, s0), (h1, m1, s1), offset = PART_OF_DAY_HOURS[m[4]]
    return Span(
        datetime.combine(day, time(h0, m0, s0)),
        datetime.combine(day + timedelta(days=offset), time(h1, m1, s1)),
        "part-of-day",
    )


def _day(m: re.Match[str]) -> Span:
    day = date(int(m[1]), int(m[2]), int(m[3]))
    return day_span(day, day, "day")


def _week(m: re.Match[str]) -> Span:
    monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
    return day_span(monday, monday + timedelta(days=6), "week")


def _weekend(m: re.Match[str]) -> Span:
    saturday = date.fromisocalendar(int(m[1]), int(m[2]), 6)
    return day_span(saturday, saturday + timedelta(days=1), "day")


def _months(year: int, month: int, count: int, granularity: Granularity) -> Span:
    first = date(year, month, 1)
    return day_span(first, first + relativedelta(months=count) - timedelta(days=1), granularity)


_SPAN_BUILDERS: dict[str, Callable[[re.Match[str]], Span]] = {
    "minute": _minute,
    "hour": _hour,
    "part-of-day": _part_of_day,
    "day": _day,
    "weekend": _weekend,
    "week": _week,
    "month": lambda m: _months(int(m[1]), int(m[2]), 1, "month"),
    "quarter": lambda m: _months(int(m[1]), 3 * int(m[2]) - 2, 3, "quarter"),
    "half-year": lambda m: _months(int(m[1]), 6 * int(m[2]) - 5, 6, "half-year"),
    "season": lambda m: _months(int(m[1]), SEASON_MONTHS[m[2]], 3, "season"),
    # A fiscal year ends in its named year but may start up to 9 months before the calendar one.
    "fiscal-year": lambda m: day_span(date(int(m[1]) - 1, 4, 1), date(int(m[1]), 12, 31), "year"),
    "year": lambda m: day_span(date(int(m[1]), 1, 1), date(int(m[1]), 12, 31), "year"),
    "decade": lambda m: day_span(date(int(m[1]) * 10, 1, 1), date(int(m[1]) * 10 + 9, 12, 31), "decade"),
    "century": lambda m: day_span(date(int(m[1]) * 100, 1, 1), date(int(m[1]) * 100 + 99, 12, 31), "century"),
}


def narrow(span: Span, mod: str | None) -> Span:
    """Apply a position ``mod``: START/MID/END keep the first/middle/last third of the span."""
    if mod not in {"START", "MID", "END"} or span.granularity in {"day", "part-of-day", "hour", "minute"}:
        return span
    third = (span.latest - span.earliest) / 3
    if mod == "START":
        return Span(span.earliest, span.earliest + third, span.granularity)
    if mod == "END":
        return Span(span.latest - third, span.latest, span.granularity)
    return Span(span.earliest + third, span.latest - third, span.granularity)
