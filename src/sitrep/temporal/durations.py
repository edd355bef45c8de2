"""Rules for lengths and frequencies of time and for vague references: durations, "ago",
sets ("every night", "daily") and PAST_REF/PRESENT_REF/FUTURE_REF words."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from sitrep.temporal import calendar as cal
from sitrep.temporal.lexicon import (
    FREQUENCY_WORDS,
    MONTHS,
    PARTS_OF_DAY,
    REFERENCE_WORDS,
    SEASONS,
    UNIT_FORMS,
    UNITS,
    WEEKDAYS,
)
from sitrep.temporal.numbers import format_count, parse_number
from sitrep.temporal.patterns import (
    group_text,
    month_number,
    weekday_number,
)
from sitrep.temporal.reading import Anchor, Reading


def _duration_value(count: float | None, unit: str) -> str:
    designator, is_time, _ = UNITS[unit]
    prefix = "PT" if is_time else "P"
    if count is None:
        return f"{prefix}X{designator}"
    if unit == "fortnight":
        count, designator = count * 2, "W"
    if designator == "Q":
        count, designator = count * 3, "M"
    elif designator == "DE":
        count, designator = count * 10, "Y"
    elif designator == "CE":
        count, designator = count * 100, "Y"
    whole, fraction = int(count), count - int(count)
    smaller = {
        "Y": (12, "M", False),
        "W": (7, "D", False),
        "D": (24, "H", True),
        "H": (60, "M", True),
        "M": (60, "S", True),
    }
    if fraction and designator in smaller and (designator != "M" or is_time):
        factor, sub, sub_is_time = smaller[designator]
        if (fraction * factor) == int(fraction * factor):
            head = f"{whole}{designator}" if whole else ""
            if is_time:
                return f"PT{head}{int(fraction * factor)}{sub}"
            joiner = "T" if sub_is_time else ""
            return f"P{head}{joiner}{int(fraction * factor)}{sub}"
    return f"{prefix}{format_count(count)}{designator}"


_RATE_BEFORE = re.compile(r"(?:\d\S*(?:\s+[a-z]+)?|\btimes|\bonce|\btwice)\s+$", re.IGNORECASE)
_BACKWARD = {"past", "last", "previous", "recent", "preceding"}
_FORWARD = {"next", "coming", "following", "upcoming"}


def duration(m: re.Match[str]) -> Reading | None:
    unit_word = group_text(m, "unit") or ""
    unit = UNIT_FORMS[unit_word]
    plural = unit_word.endswith("s") and unit_word != UNIT_FORMS.get(unit_word)
    direction = group_text(m, "dir")
    number_text = group_text(m, "num")
    count = parse_number(number_text) if number_text else None
    if m["num2"]:
        count = None  # "two to three weeks": a range of lengths
    if m["long"] and count is None:
        return None  # "months-long": a vague adjective, not a time expression
    if number_text is None:
        if direction is None:
            return None
        if not plural and not m["the"]:
            return None  # "last week", "next year": calendar units, see relative_unit
        if not plural and direction not in _BACKWARD | _FORWARD:
            return None
        count = None if plural else 1.0
    if number_text in {"a", "an"} and unit in {"second", "minute"} and not m["the"]:
        return None  # "a second attack"
    if number_text in {"a", "an"} and _RATE_BEFORE.search(m.string, max(0, m.start() - 20), m.start()):
        return None  # "358,000 a month", "twice a week": a rate, not a length of time
    if unit == "quarter" and direction is None:
        return None  # "three quarters of the population"
    if unit == "night" and not plural:
        return None  # "a night protest", "a night club"
    if direction in {"first", "final", "latest", "remaining"} and number_text is None:
        return None
    value = _duration_value(count, unit)
    span = None
    if count is not None and direction in _BACKWARD | _FORWARD and unit not in {"second", "minute"}:
        whole = int(count) if count == int(count) else None
        if unit == "hour" and whole is not None:  # the DCT is known to the day: whole days cover it
            unit, whole = "day", -(-whole // 24)
        if whole is not None:
            span = _anchored_span(unit, whole, backward=direction in _BACKWARD)
    open_side = 0
    if count is None and direction in _BACKWARD | _FORWARD:
        open_side = -1 if direction in _BACKWARD else 1
    mod = "APPROX" if m["orso"] else None  # "two years or so"
    return Reading("DURATION", value, span=span, mod=mod, mod_kinds=frozenset({"approx"}), open_side=open_side)


def _anchored_span(unit: str, count: int, backward: bool) -> Callable[[Anchor], cal.Span | None]:
    """'the past two weeks': from two weeks before the anchor up to it (or after it, for 'the next')."""
    calendar_unit, factor = {"night": ("day", 1), "fortnight": ("week", 2)}.get(unit, (unit, 1))
    granularity = UNITS[calendar_unit][2]

    def span(anchor: Anchor) -> cal.Span:
        other = cal.shift(anchor.day, calendar_unit, (-count if backward else count) * factor)
        first, last = (other, anchor.day) if backward else (anchor.day, other)
        return cal.day_span(first, last, granularity)

    return span


def bare_plural(m: re.Match[str]) -> Reading:
    unit = UNIT_FORMS[m["unit"].lower()]
    return Reading("DURATION", _duration_value(None, unit))


# "over the years", "in the weeks ahead": the plural as a stretch of time, not "the years of war".
_SPAN_PREPOSITION = re.compile(r"(?:over|through|across|throughout|during|in|for)\s+$", re.IGNORECASE)


def the_plural(m: re.Match[str]) -> Reading | None:
    """'over the years', 'in the weeks ahead': a span of unknown length up to (or from) the anchor."""
    ahead = m["ahead"] is not None
    if not ahead and not _SPAN_PREPOSITION.search(m.string, max(0, m.start() - 12), m.start()):
        return None
    unit = UNIT_FORMS[group_text(m, "unit") or "years"]
    return Reading("DURATION", _duration_value(None, unit), open_side=1 if ahead else -1)


def ago(m: re.Match[str]) -> Reading | None:
    unit = UNIT_FORMS[(group_text(m, "unit") or "")]
    count = parse_number(group_text(m, "num") or "")
    word = group_text(m, "dir") or "ago"
    sign = -1 if word in {"ago", "earlier", "before"} else 1
    if count is None:
        ref = "PAST_REF" if sign < 0 else "FUTURE_REF"
        return Reading("DATE", ref)
    steps = round(count)
    granularity = {
        "second": "day",
        "minute": "day",
        "hour": "day",
        "fortnight": "week",
        "decade": "year",
        "century": "year",
    }.get(unit, unit)
    if unit == "fortnight":
        steps *= 2
    shift_unit = {"fortnight": "week", "second": "day", "minute": "day", "hour": "day"}.get(unit, unit)
    if unit in {"second", "minute", "hour"}:
        steps = 0 if count < 24 else steps // 24
    mask = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX"}.get(granularity, "XXXX")

    def resolve(anchor: Anchor) -> str:
        return cal.unit_value(cal.shift(anchor.day, shift_unit, sign * steps), granularity)

    years_back = steps if unit == "year" and sign < 0 and count == steps and not m["orso"] else None
    mod = "APPROX" if m["orso"] else None  # "a week or so ago"
    if word == "earlier" and granularity in {"day", "week", "month"}:
        # "three days earlier" counts from the narrative's reference time ("ago" from the DCT): the
        # last dated day (or month) mentioned before it, else the DCT. "A year earlier" is left to
        # the reporting period (a comparison with the same period of the year before)
        def counted(day: date) -> str:
            return cal.unit_value(cal.shift(day, shift_unit, sign * steps), granularity)

        needed = {"week": "day", "quarter": "month"}.get(granularity, granularity)
        return Reading(
            "DATE",
            mask,
            resolve,
            mod=mod,
            mod_kinds=frozenset({"approx"}),
            years_back=years_back,
            from_reference=counted,
            reference_unit=needed,
        )
    return Reading("DATE", mask, resolve, mod=mod, mod_kinds=frozenset({"approx"}), years_back=years_back)


# "the past" is the past as a whole only as a noun: "in the past", "the past, when"; before a count or
# a plural noun it is an adjective ("the past three summers", "the past few sessions").
_ADJECTIVE_PAST = re.compile(
    r"\s+(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|several|many|couple)\b"
    r"|(?!(?:was|has|is|as|its|this|thus|perhaps|always|sometimes|unless|whereas)\b)[a-z]+s\b)"
)


def reference_word(m: re.Match[str]) -> Reading | None:
    if m[0].lower() == "the past" and _ADJECTIVE_PAST.match(m.string, m.end()):
        return None
    if m[0].lower() == "soon" and (
        m.string[max(0, m.start() - 3) : m.start()].lower() == "as " or m.string[m.end() : m.end() + 3].lower() == " as"
    ):
        return None  # "as soon as": a conjunction
    return Reading("DATE", REFERENCE_WORDS[re.sub(r"\s+", " ", m[0].lower())])


def frequency_word(m: re.Match[str]) -> Reading:
    return Reading("SET", FREQUENCY_WORDS[m[0].lower()])


def every(m: re.Match[str]) -> Reading | None:
    what = group_text(m, "what") or ""
    if what in WEEKDAYS or what.rstrip("s") in WEEKDAYS:
        return Reading("SET", f"XXXX-WXX-{weekday_number(what)}")
    if what in PARTS_OF_DAY:
        return Reading("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[what]}")
    if what in SEASONS:
        return Reading("SET", f"XXXX-{SEASONS[what]}")
    if what in MONTHS:
        return Reading("SET", f"XXXX-{month_number(what):02d}")
    if what == "weekend":
        return Reading("SET", "XXXX-WXX-WE")
    if what in UNIT_FORMS:
        count = parse_number(group_text(m, "num") or "1") or 1.0
        return Reading("SET", _duration_value(count, UNIT_FORMS[what]))
    return None


def times_per(m: re.Match[str]) -> Reading:
    return Reading("SET", _duration_value(1.0, UNIT_FORMS[(group_text(m, "unit") or "day")]))
