"""Regex fragments and small parsing helpers shared by the rule modules of the time grammar."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from sitrep.temporal.lexicon import (
    AMBIGUOUS_MONTHS,
    MONTHS,
    PARTS_OF_DAY,
    SEASONS,
    SMALL_NUMBERS,
    TENS,
    UNIT_FORMS,
    WEEKDAYS,
    alternation,
)
from sitrep.temporal.reading import Reading

Handler = Callable[[re.Match[str]], Reading | None]


@dataclass(frozen=True)
class Rule:
    """One grammar rule: a compiled pattern and the handler that reads its match (None: not a timex)."""

    name: str
    pattern: re.Pattern[str]
    handler: Handler
    extent: str | None = None  # the group whose span is the expression (else the whole match)


# ----------------------------------------------------------------- fragments

UNDOTTED_ABBREVIATIONS = frozenset({"jan", "feb", "apr", "aug", "sept", "oct", "nov", "dec"})
_MONTH_WORDS = [m for m in MONTHS if m not in AMBIGUOUS_MONTHS and m not in UNDOTTED_ABBREVIATIONS]
MONTH = rf"(?:{alternation(_MONTH_WORDS)}|(?-i:May|March|MAY|MARCH))"
MONTH_ANY = rf"(?:{MONTH}|jan|feb|apr|aug|sept|sep|oct|nov|dec)"
WEEKDAY = rf"(?:{alternation(w for w in WEEKDAYS if not w.endswith('.'))})"
PART = r"(?:morning|afternoon|evening|night)"
_TENS_WORDS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES_WORDS = "one|two|three|four|five|six|seven|eight|nine"
_TEENS_WORDS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
SPELLED_YEAR = (
    rf"(?:nineteen|eighteen)[\s-]+(?:(?:{_TENS_WORDS})(?:[\s-]+(?:{_ONES_WORDS}))?|{_TEENS_WORDS}|hundred)"
    rf"|two\s+thousand(?:\s+and)?(?:\s+(?:{_ONES_WORDS}|{_TEENS_WORDS}|twenty(?:[\s-]+(?:{_ONES_WORDS}))?))?"
)
YEAR = rf"(?:1[6-9]\d\d|20\d\d|{SPELLED_YEAR})"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
UNIT = rf"(?:{alternation(UNIT_FORMS)})"
SEASON = rf"(?:{alternation(SEASONS)})"
TZ = (
    r"(?:GMT|UTC|EST|EDT|CST|CDT|PST|PDT|MST|MDT|CET|CEST|EET|EEST|BST|MSK|ET|PT"
    r"|local\s+time|Moscow\s+time|Kyiv\s+time|Kiev\s+time)"
)
CLOCK = (
    r"(?:(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ampm>[ap]\.\s?m\.?|[ap]m)(?![a-z])"
    r"|(?P<h24>[01]?\d|2[0-3]):(?P<mi24>[0-5]\d)(?=\s*(?:" + TZ + r"|hours|hrs|h\b))"
    r"|(?P<hoc>[01]?\d)\s+o'clock|(?P<noon>noon|midday|midnight)"
    r"|(?P<hp>[01]?\d)(?:[:.](?P<mp>[0-5]\d))?\s+(?:o'clock\s+)?in\s+the\s+(?P<pp>morning|afternoon|evening|night))"
)
DAYWORD = r"(?:today|tonight|yesterday|tomorrow)"
REL = r"(?:this\s+(?=coming|past))?(?P<rel>last|this|next|coming|past|previous|following|current)"


# A time word starts a word; after a hyphen only in "mid-", "pre-", "post-", "late-", "early-" compounds
# and ranges ("1-2 March", "3-4 hours").
WORD_START = r"(?<![\w'’])(?:(?<![-–])|(?<=\d-|\d–)|(?<=mid-|pre-)|(?<=post-|late-)|(?<=early-))"


def compile_rule(body: str) -> re.Pattern[str]:
    return re.compile(rf"{WORD_START}(?:{body})(?![\w-])", re.IGNORECASE)


def group_text(match: re.Match[str], group: str) -> str | None:
    """The lower-cased, space-normalised text of a group, None when it did not take part."""
    text = match.group(group)
    return None if text is None else re.sub(r"\s+", " ", text.lower())


_WORD_VALUES = {
    **{w: int(v) for w, v in SMALL_NUMBERS.items() if " " not in w and w not in {"a", "an", "dozen"}},
    **{w: v for w, v in TENS.items() if " " not in w},
}


def year_number(text: str) -> int:
    """A year in digits or words ("nineteen ninety-one", "two thousand and two")."""
    if text.isdigit():
        return int(text)
    words = [w for w in re.split(r"[\s-]+", text.lower()) if w != "and"]
    if words[:2] == ["two", "thousand"]:
        return 2000 + sum(_WORD_VALUES[w] for w in words[2:])
    century = _WORD_VALUES[words[0]] * 100
    if words[1:] == ["hundred"]:
        return century
    return century + sum(_WORD_VALUES[w] for w in words[1:])


def month_number(text: str) -> int:
    key = text.lower()
    return MONTHS.get(key) or MONTHS.get(key + ".") or MONTHS[key.rstrip(".")]


def weekday_number(text: str) -> int:
    key = text.lower()
    return WEEKDAYS.get(key) or WEEKDAYS[key.rstrip("s")]


def day_number(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def year_shift(word: str | None) -> int:
    return {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1, "following": 1}.get(word or "", 0)


def day_offset(word: str) -> int:
    return {"yesterday": -1, "tomorrow": 1, "the day before yesterday": -2, "the day after tomorrow": 2}.get(word, 0)


def with_part(day_value: str, part: str | None) -> str:
    return day_value if part is None else f"{day_value}T{PARTS_OF_DAY[part]}"


DURATION_DIR = (
    r"(?:past|last|next|coming|previous|recent|first|final|following|latest|remaining|preceding"
    r"|upcoming)"
)
YEAR_REL = r"(?:,?\s+(?:of\s+)?(?P<yrel>last|this|next)\s+year)"
