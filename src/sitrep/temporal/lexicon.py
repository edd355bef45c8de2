"""Word tables of the time grammar: one place for every word the recogniser knows.

Each table maps a surface form (lower case) to what it means in TIMEX3 terms, and
``alternation`` turns a table into a regex alternative, longest form first so
that "sept." wins over "sep".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sitrep.model import Granularity

MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "jan.": 1,
    "february": 2,
    "feb": 2,
    "feb.": 2,
    "march": 3,
    "mar.": 3,
    "april": 4,
    "apr": 4,
    "apr.": 4,
    "may": 5,
    "june": 6,
    "jun.": 6,
    "july": 7,
    "jul.": 7,
    "august": 8,
    "aug": 8,
    "aug.": 8,
    "september": 9,
    "sept": 9,
    "sept.": 9,
    "sep.": 9,
    "october": 10,
    "oct": 10,
    "oct.": 10,
    "november": 11,
    "nov": 11,
    "nov.": 11,
    "december": 12,
    "dec": 12,
    "dec.": 12,
}
# Month names that are also common English words: only recognised capitalised.
AMBIGUOUS_MONTHS = frozenset({"may", "march"})

WEEKDAYS: dict[str, int] = {  # ISO weekday numbers, Monday = 1
    "monday": 1,
    "mon.": 1,
    "tuesday": 2,
    "tue.": 2,
    "tues.": 2,
    "wednesday": 3,
    "wed.": 3,
    "thursday": 4,
    "thu.": 4,
    "thur.": 4,
    "thurs.": 4,
    "friday": 5,
    "fri.": 5,
    "saturday": 6,
    "sat.": 6,
    "sunday": 7,
    "sun.": 7,
}

# Parts of day: TIMEX3 code and the clock hours it covers (start, end inclusive).
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
    "daytime": "DT",
    "noon": "MI",
    "midday": "MI",
    "dawn": "MO",
    "dusk": "EV",
    "sunrise": "MO",
    "sunset": "EV",
    "nighttime": "NI",
    "night-time": "NI",
    "daybreak": "MO",
    "nightfall": "EV",
}
PART_OF_DAY_HOURS: dict[str, tuple[tuple[int, int, int], tuple[int, int, int], int]] = {
    # code: (start h:m:s, end h:m:s, day offset of the end)
    "MO": ((5, 0, 0), (11, 59, 59), 0),
    "MI": ((11, 0, 0), (13, 59, 59), 0),
    "AF": ((12, 0, 0), (17, 59, 59), 0),
    "EV": ((17, 0, 0), (23, 59, 59), 0),
    "NI": ((20, 0, 0), (5, 59, 59), 1),
    "DT": ((6, 0, 0), (17, 59, 59), 0),
}

SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
# Meteorological seasons (northern hemisphere): first month and length; winter runs into next year.
SEASON_MONTHS: dict[str, int] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

# Duration units: TIMEX3 designator, whether it is a time (PT..) unit, and the granularity name.
UNITS: dict[str, tuple[str, bool, Granularity]] = {
    "second": ("S", True, "second"),
    "minute": ("M", True, "minute"),
    "hour": ("H", True, "hour"),
    "day": ("D", False, "day"),
    "night": ("D", False, "day"),
    "week": ("W", False, "week"),
    "fortnight": ("W", False, "week"),
    "month": ("M", False, "month"),
    "quarter": ("Q", False, "quarter"),
    "year": ("Y", False, "year"),
    "decade": ("DE", False, "decade"),
    "century": ("CE", False, "century"),
}
UNIT_FORMS: dict[str, str] = {
    **{u: u for u in UNITS},
    **{u + "s": u for u in UNITS if u != "century"},
    "centuries": "century",
    "yr": "year",
    "yrs": "year",
    "hrs": "hour",
    "hr": "hour",
    "mins": "minute",
    "min": "minute",
    "secs": "second",
    "sec": "second",
}

ORDINALS: dict[str, int] = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "fifth": 5,
    "5th": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}

SMALL_NUMBERS: dict[str, float] = {
    "zero": 0,
    "one": 1,
    "a": 1,
    "an": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "dozen": 12,
    "a dozen": 12,
    "a couple of": 2,
    "a couple": 2,
    "couple of": 2,
    "half a": 0.5,
    "a half": 0.5,
    "one and a half": 1.5,
}
TENS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
}
# Counts that say "more than one, unknown how many": the TIMEX3 value gets an X.
VAGUE_COUNTS = frozenset(
    {
        "several",
        "few",
        "a few",
        "some",
        "many",
        "numerous",
        "a number of",
        "dozens of",
        "hundreds of",
        "a couple of",
        "the next few",
        "countless",
        "a matter of",
    }
)

# Words that are references to the past, present or future as a whole.
REFERENCE_WORDS: dict[str, str] = {
    "now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "current": "PRESENT_REF",
    "presently": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "recently": "PAST_REF",
    "recent": "PAST_REF",
    "lately": "PAST_REF",
    "the past": "PAST_REF",
    "the future": "FUTURE_REF",
    "the near future": "FUTURE_REF",
    "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF",
    "the long term": "FUTURE_REF",
    "soon": "FUTURE_REF",
    "someday": "FUTURE_REF",
}

# Frequency adverbs: SET values.
FREQUENCY_WORDS: dict[str, str] = {
    "hourly": "PT1H",
    "daily": "P1D",
    "nightly": "XXXX-XX-XXTNI",
    "weekly": "P1W",
    "monthly": "P1M",
    "quarterly": "P3M",
    "yearly": "P1Y",
    "annually": "P1Y",
    "annual": "P1Y",
}

# Fixed-date holidays (month, day); movable ones are computed in calendar.py.
HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas": (12, 25),
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "new year": (1, 1),
    "independence day": (7, 4),
    "halloween": (10, 31),
    "valentine's day": (2, 14),
    "victory day": (5, 9),
    "boxing day": (12, 26),
}
MOVABLE_HOLIDAYS = frozenset({"easter", "easter sunday", "thanksgiving", "thanksgiving day", "good friday"})

# Modifiers: TIMEX3 ``mod`` for words before an expression.
POSITION_MODS: dict[str, str] = {
    "early": "START",
    "early on": "START",
    "late on": "END",
    "the beginning of": "START",
    "the start of": "START",
    "the early part of": "START",
    "mid": "MID",
    "mid-": "MID",
    "the middle of": "MID",
    "the mid": "MID",
    "late": "END",
    "the end of": "END",
    "the late": "END",
    "the latter part of": "END",
    "the close of": "END",
    "the early": "START",
    "post-": "AFTER",
    "pre-": "BEFORE",
}
APPROX_MODS: dict[str, str] = {
    "about": "APPROX",
    "around": "APPROX",
    "some": "APPROX",
    "roughly": "APPROX",
    "approximately": "APPROX",
    "nearly": "LESS_THAN",
    "almost": "LESS_THAN",
    "less than": "LESS_THAN",
    "under": "LESS_THAN",
    "more than": "MORE_THAN",
    "at least": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS",
    "just over": "MORE_THAN",
    "well over": "MORE_THAN",
    "just under": "LESS_THAN",
    "close to": "LESS_THAN",
}


def alternation(words: Iterable[str]) -> str:
    """A regex alternative of ``words`` (escaped, longest first, spaces as any whitespace)."""
    forms = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in forms)
