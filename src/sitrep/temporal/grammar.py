"""The time grammar: a table of rules, each a regex and a handler that builds a :class:`Reading`.

Rules are tried independently over the text; the recogniser keeps the leftmost
longest matches. Extents follow the TimeML guidelines: determiners and
modifiers are part of the expression ("the past several months", "last year",
"Wednesday evening", "two months ago"), leading prepositions ("on", "in") are
not. Grammar in brief (``[]`` optional)::

    date      [WEEKDAY,] MONTH DAY[, YEAR | last/this/next year] | DAY [of] MONTH [YEAR]
              | MONTH [of] YEAR | MONTH [last/this/next year] | [last/this/next] MONTH
              | YEAR | YYYY-MM-DD | M/D/YYYY | [the] 1990s | the nineties | the 20th century
    relative  today | yesterday | tomorrow | tonight | overnight [PART] | last/this/next UNIT
              | [last/this/next] WEEKDAY [PART] | NUM UNIT ago/earlier/later | earlier/later this UNIT
              | [the] weekend | the year/month/week | SEASON [YEAR] | quarters, halves, fiscal years
    time      CLOCK [TZ] [[on] WEEKDAY/today] | WEEKDAY [at] CLOCK | noon | midnight
    duration  [the] [past/last/next/coming/first/recent] NUM UNIT | NUM-UNIT[-long]
    reference now | currently | recently | the past | the future | soon ...
    set       every/each [other] UNIT/WEEKDAY/PART | daily | weekly | WEEKDAYs | NUM times a UNIT

NUM is a count (digits, number words, "several", "a few": an unknown count
gives an X in the value); PART is morning, afternoon, evening or night; a
prefix "early/mid/late/the end of" or "about/nearly/more than" adds a ``mod``
(see recognize.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from sitrep.temporal import calendar as cal
from sitrep.temporal.lexicon import (
    AMBIGUOUS_MONTHS,
    FREQUENCY_WORDS,
    HOLIDAYS,
    MONTHS,
    MOVABLE_HOLIDAYS,
    ORDINALS,
    PARTS_OF_DAY,
    REFERENCE_WORDS,
    SEASONS,
    SMALL_NUMBERS,
    TENS,
    UNIT_FORMS,
    UNITS,
    WEEKDAYS,
    alternation,
)
from sitrep.temporal.numbers import NUMBER, format_count, parse_number
from sitrep.temporal.reading import FUTURE, PAST, Anchor, Reading, TimexType

Handler = Callable[[re.Match[str]], Reading | None]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    handler: Handler
    extent: str | None = None  # the group whose span is the expression (else the whole match)


# ----------------------------------------------------------------- fragments

_UNDOTTED_ABBREVIATIONS = frozenset({"jan", "feb", "apr", "aug", "sept", "oct", "nov", "dec"})
_MONTH_WORDS = [m for m in MONTHS if m not in AMBIGUOUS_MONTHS and m not in _UNDOTTED_ABBREVIATIONS]
MONTH = rf"(?:{alternation(_MONTH_WORDS)}|(?-i:May|March|MAY|MARCH))"
MONTH_ANY = rf"(?:{MONTH}|jan|feb|apr|aug|sept|sep|oct|nov|dec)"
WEEKDAY = rf"(?:{alternation(w for w in WEEKDAYS if not w.endswith('.'))})"
WEEKDAY_ANY = rf"(?:{alternation(WEEKDAYS)})"
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
TZ = r"(?:GMT|UTC|EST|EDT|CST|CDT|PST|PDT|MST|MDT|CET|CEST|EET|EEST|BST|MSK|ET|PT|local\s+time|Moscow\s+time|Kyiv\s+time|Kiev\s+time)"  # noqa: E501
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
_START = r"(?<![\w'’])(?:(?<![-–])|(?<=\d-|\d–)|(?<=mid-|pre-)|(?<=post-|late-)|(?<=early-))"


def _compile(body: str) -> re.Pattern[str]:
    return re.compile(rf"{_START}(?:{body})(?![\w-])", re.IGNORECASE)


def _word(match: re.Match[str], group: str) -> str | None:
    """The lower-cased, space-normalised text of a group, None when it did not take part."""
    text = match.group(group)
    return None if text is None else re.sub(r"\s+", " ", text.lower())


_WORD_VALUES = {
    **{w: int(v) for w, v in SMALL_NUMBERS.items() if " " not in w and w not in {"a", "an", "dozen"}},
    **{w: v for w, v in TENS.items() if " " not in w},
}


def _year_int(text: str) -> int:
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


def _month(text: str) -> int:
    key = text.lower()
    return MONTHS.get(key) or MONTHS.get(key + ".") or MONTHS[key.rstrip(".")]


def _weekday(text: str) -> int:
    key = text.lower()
    return WEEKDAYS.get(key) or WEEKDAYS[key.rstrip("s")]


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _year_shift(word: str | None) -> int:
    return {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1, "following": 1}.get(word or "", 0)


# ----------------------------------------------------------------- calendar dates

def _day_reading(month: int, day: int, year: int | None, year_rel: str | None) -> Reading | None:
    """A day of a month, with its year given, relative ("last year") or left to the tense."""
    try:
        date(2000, month, day)  # a leap year accepts every valid month/day
    except ValueError:
        return None

    def resolve(anchor: Anchor) -> str:
        y = anchor.day.year + _year_shift(year_rel) if year_rel is not None else _year_for_day(anchor, month, day)
        return f"{y:04d}-{month:02d}-{day:02d}"

    def extend(other_day: int) -> Reading:
        return _day_reading(month, other_day, year, year_rel) or Reading("DATE", f"XXXX-{month:02d}-XX")

    if year is not None:
        return Reading("DATE", f"{year:04d}-{month:02d}-{day:02d}", extend=extend, mod_kinds=frozenset({"position"}))
    return Reading("DATE", f"XXXX-{month:02d}-{day:02d}", resolve, extend=extend)


def _year_for_day(anchor: Anchor, month: int, day: int) -> int:
    return cal.year_near(anchor.day, month, day, anchor.direction)


def _month_day(m: re.Match[str]) -> Reading | None:
    year = _year_int(m["year"]) if m["year"] else None
    reading = _day_reading(_month(m["month"]), _day(m["day"]), year, _word(m, "yrel"))
    return reading


def _month_year(m: re.Match[str]) -> Reading:
    return Reading("DATE", f"{_year_int(m['year']):04d}-{_month(m['month']):02d}", mod_kinds=frozenset({"position"}))


# "March" and "May" are nouns and names too: "the annual March for Life", "Women's March", "May Pen".
_NOUN_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|annual|this|that|great|long|peaceful)\s+|'s\s+|(?-i:\b(?!(?:In|Since|By|Until|Till|Early|Late"
    r"|Mid|From|Through|Before|After|During|On|Of|Last|Next|This|And|Or|To|Throughout|For|Around|Since|As)\b)"
    r"[A-Z][a-z]+)\s+)$",
    re.IGNORECASE,
)
_NOUN_AFTER = re.compile(r"\s+(?:(?:for|against|of)\s+(?-i:[A-Z])|(?:day|madness)\b)", re.IGNORECASE)
# "May the odds be ever in our favour": the optative at the start of a sentence.
_OPTATIVE_MAY = re.compile(
    r"(?:^|[.!?:;\"“”]\s*|\n\s*)(?-i:May)\s+(?:the|God|I|we|you|he|she|they|it|all|his|her|our)\b")


def _month_alone(m: re.Match[str]) -> Reading | None:
    month, rel, year_rel = _month(m["month"]), _word(m, "rel"), _word(m, "yrel")
    if rel is None and year_rel is None and m["month"].lower() in AMBIGUOUS_MONTHS and (
            _NOUN_BEFORE.search(m.string, max(0, m.start() - 16), m.start())
            or _NOUN_AFTER.match(m.string, m.end())
            or (m.string[m.start():m.start() + 3] == "May" and _OPTATIVE_MAY.match(m.string, max(0, m.start() - 2)))):
        return None  # "the annual March for Life", "May God bless": not the month

    def resolve(anchor: Anchor) -> str:
        here = anchor.day
        if year_rel is not None:
            year = here.year + _year_shift(year_rel)
        elif rel in {"last", "past", "previous"}:
            year = here.year if month < here.month else here.year - 1
        elif rel in {"next", "coming", "following"}:
            year = here.year if month > here.month else here.year + 1
        elif rel in {"this", "current"}:
            year = here.year
        else:
            year = cal.year_for_month(here, month, anchor.direction)
        return f"{year:04d}-{month:02d}"

    return Reading("DATE", f"XXXX-{month:02d}", resolve, mod_kinds=frozenset({"position"}))


def _numeric_date(m: re.Match[str]) -> Reading | None:
    if m["iy"]:
        year, month, day = int(m["iy"]), int(m["im"]), int(m["id"])
    else:
        first, second, year = int(m["a"]), int(m["b"]), int(m["y"])
        year = year + (2000 if year < 50 else 1900) if year < 100 else year
        month, day = (second, first) if first > 12 else (first, second)
    try:
        return Reading("DATE", date(year, month, day).isoformat())
    except ValueError:
        return None


def _year(m: re.Match[str]) -> Reading:
    return Reading("DATE", f"{_year_int(m['year']):04d}", mod_kinds=frozenset({"position", "approx"}))


def _fiscal(m: re.Match[str]) -> Reading:
    if m["fy"] or m["fy3"]:
        return Reading("DATE", f"FY{_year_int(m['fy'] or m['fy3'])}")
    step = {"previous": -1, "last": -1, "next": 1, "coming": 1, "new": 1}.get(_word(m, "fyrel") or "", 0)
    return Reading("DATE", "FYXXXX", lambda a: f"FY{a.day.year + step}")


_DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8,
    "nineties": 9,
}


def _decade(m: re.Match[str]) -> Reading:
    if m["cent"]:
        return Reading("DATE", f"{m['cent']}{m['dec']}", mod_kinds=frozenset({"position"}))
    digit = int(m["dec2"]) if m["dec2"] else _DECADE_WORDS[m["dword"].lower()]

    def resolve(anchor: Anchor) -> str:
        century = anchor.day.year // 100
        if digit * 10 > anchor.day.year % 100:
            century -= 1
        return f"{century}{digit}"

    return Reading("DATE", f"XX{digit}", resolve, mod_kinds=frozenset({"position"}))


def _century(m: re.Match[str]) -> Reading | None:
    word = m["ord"].lower()
    number = ORDINALS.get(word) or (int(re.sub(r"\D", "", word)) if re.search(r"\d", word) else 0)
    if not number:
        return None
    return Reading("DATE", f"{number - 1:02d}", mod_kinds=frozenset({"position"}))


# ----------------------------------------------------------------- relative days and parts of day

def _day_offset(word: str) -> int:
    return {"yesterday": -1, "tomorrow": 1, "the day before yesterday": -2, "the day after tomorrow": 2}.get(word, 0)


def _with_part(day_value: str, part: str | None) -> str:
    return day_value if part is None else f"{day_value}T{PARTS_OF_DAY[part]}"


def _dayword(m: re.Match[str]) -> Reading:
    word = _word(m, "word") or ""
    part = _word(m, "part")
    if word in {"tonight", "overnight", "last night"}:
        part = "night"
    if word in {"this morning", "this afternoon", "this evening"}:
        part = word.split()[1]
    offset = _day_offset(word)
    if word == "last night":
        offset = -1

    def resolve(anchor: Anchor) -> str:
        shift = offset
        if word == "overnight" and anchor.direction != FUTURE:
            shift = -1
        return _with_part((anchor.day + timedelta(days=shift)).isoformat(), part)

    kind: TimexType = "TIME" if part else "DATE"
    return Reading(kind, _with_part("XXXX-XX-XX", part), resolve, mod_kinds=frozenset({"position"}))


def _weekday_reading(m: re.Match[str]) -> Reading:
    groups = m.groupdict()
    weekday, part = _weekday(m["wd"]), _word(m, "part")
    rel = _word(m, "rel") if "rel" in groups else None
    if groups.get("plural") and not rel:
        return Reading("SET", _with_part(f"XXXX-WXX-{weekday}", part))

    def resolve(anchor: Anchor) -> str:
        if rel in {"last", "past", "previous"}:
            day = cal.weekday_near(anchor.day - timedelta(days=1), weekday, PAST)
        elif rel in {"next", "coming", "following"}:
            day = cal.weekday_near(anchor.day, weekday, FUTURE)
        elif rel == "this":
            day = anchor.day + timedelta(days=weekday - anchor.day.isoweekday())
        else:
            day = cal.weekday_near(anchor.day, weekday, anchor.direction)
        return _with_part(day.isoformat(), part)

    kind: TimexType = "TIME" if part else "DATE"
    return Reading(kind, _with_part(f"XXXX-WXX-{weekday}", part), resolve, mod_kinds=frozenset({"position"}))


def _clock(m: re.Match[str]) -> Reading:
    if m["noon"]:
        hour, minute = (0, 0) if m["noon"].lower() == "midnight" else (12, 0)
    elif m["h24"]:
        hour, minute = int(m["h24"]), int(m["mi24"])
    elif m["hoc"]:
        hour, minute = int(m["hoc"]), 0
    elif m["hp"]:  # "4 in the morning", "8 in the evening"
        hour, minute = int(m["hp"]) % 12, int(m["mp"] or 0)
        if m["pp"].lower() in {"afternoon", "evening"} or (m["pp"].lower() == "night" and hour >= 6):
            hour += 12
    else:
        hour, minute = int(m["h"]) % 12, int(m["mi"] or 0)
        if m["ampm"].lower().startswith("p"):
            hour += 12
    clock = f"T{hour:02d}:{minute:02d}"
    which = (m["d1"] or m["d2"] or "").lower()
    on_day = _day_reading(_month(m["cm"]), _day(m["cd"]), None, None) if m["cm"] else None
    if on_day is not None:
        day_reading = on_day
        return Reading("TIME", day_reading.unanchored + clock, lambda a: day_reading.value(a) + clock)

    def resolve(anchor: Anchor) -> str:
        if which in WEEKDAYS:
            day = cal.weekday_near(anchor.day, WEEKDAYS[which], anchor.direction)
        else:
            day = anchor.day + timedelta(days=_day_offset(which))
        return day.isoformat() + clock

    unanchored = (f"XXXX-WXX-{WEEKDAYS[which]}" if which in WEEKDAYS else "XXXX-XX-XX") + clock
    return Reading("TIME", unanchored, resolve)


# ----------------------------------------------------------------- relative units

_SEASON_ORDER = ("SP", "SU", "FA", "WI")  # a season year runs from March to February


def _season_value(anchor_day: date, code: str, step: int) -> str:
    """The season ``code`` this (0), last (-1) or next (+1) time, as seen from ``anchor_day``."""
    year, current = cal.season_of(anchor_day)
    here, there = _SEASON_ORDER.index(current), _SEASON_ORDER.index(code)
    if step < 0 and there >= here:
        year -= 1
    elif step > 0 and there <= here:
        year += 1
    elif step == 0 and code == "WI" and current != "WI":
        year = anchor_day.year  # "this winter" said in autumn: the one starting in December
    return f"{year:04d}-{code}"


def _relative_unit(m: re.Match[str]) -> Reading | None:
    rel, unit = _word(m, "rel") or "this", _word(m, "unit") or ""
    step = {"this": 0, "current": 0}.get(rel, _year_shift(rel))
    if unit in SEASONS:
        code = SEASONS[unit]
        return Reading("DATE", f"XXXX-{code}", lambda a: _season_value(a.day, code, step),
                       mod_kinds=frozenset({"position"}))
    if unit in {"morning", "afternoon", "evening", "night"}:
        return None
    mask = {"week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX"}.get(unit, "XXXX")
    return Reading(
        "DATE", mask, lambda a: cal.unit_value(cal.shift(a.day, unit, step), unit),
        mod_kinds=frozenset({"position"}),
    )


def _weekend(m: re.Match[str]) -> Reading:
    rel = _word(m, "rel") or "the"

    def resolve(anchor: Anchor) -> str:
        last_saturday = cal.weekday_near(anchor.day, 6, PAST)  # on or before the anchor
        if rel in {"last", "past"}:
            # said on a weekend day, "last weekend" is the one before
            saturday = last_saturday - timedelta(days=7 if anchor.day.isoweekday() >= 6 else 0)
        elif rel in {"next", "coming"}:
            saturday = cal.weekday_near(anchor.day, 6, FUTURE)
        elif rel == "this":
            saturday = last_saturday if anchor.day.isoweekday() >= 6 else last_saturday + timedelta(days=7)
        else:  # "the weekend": the one the tense points to
            saturday = cal.weekday_near(anchor.day, 6, FUTURE) if anchor.direction == FUTURE else last_saturday
        return cal.week_value(saturday) + "-WE"

    return Reading("DATE", "XXXX-WXX-WE", resolve)


def _this_unit_part(m: re.Match[str]) -> Reading:
    """'earlier this week': the current unit, START (up to the anchor) or END (from it)."""
    which, unit = _word(m, "which") or "earlier", _word(m, "unit") or "day"
    mod = "START" if which == "earlier" else "END"
    if unit in SEASONS:
        code = SEASONS[unit]
        return Reading("DATE", f"XXXX-{code}", lambda a: _season_value(a.day, code, 0), mod=mod)

    def span(anchor: Anchor) -> cal.Span | None:
        whole = cal.span_of(cal.unit_value(anchor.day, unit))
        if whole is None:
            return None
        today = cal.day_span(anchor.day, anchor.day, whole.granularity)
        if mod == "START":
            return cal.Span(whole.earliest, today.latest, whole.granularity)
        return cal.Span(today.earliest, whole.latest, whole.granularity)

    mask = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX"}.get(unit, "XXXX")
    return Reading("DATE", mask, lambda a: cal.unit_value(a.day, unit), mod=mod, span=span)


def _the_unit(m: re.Match[str]) -> Reading:
    unit = _word(m, "unit") or "year"
    mask = {"week": "XXXX-WXX", "month": "XXXX-XX"}.get(unit, "XXXX")
    return Reading("DATE", mask, lambda a: cal.unit_value(a.day, unit), mod_kinds=frozenset({"position"}))


_REFERENCE_STEPS = {"previous": -1, "preceding": -1, "before": -1, "next": 1, "following": 1, "after": 1,
                    "same": 0, "that": 0}


def _from_reference(m: re.Match[str]) -> Reading:
    """'the next day', 'that night', 'the previous week': counted from the narrative's reference day.

    Without a dated day before it the reference time is unknown, so the value stays
    relative even with a DCT; ``anchoring.follow_reference_times`` resolves it.
    """
    rel = _word(m, "rel") or _word(m, "reln") or _word(m, "rel2") or "that"
    unit_word = _word(m, "unit") or _word(m, "unit2") or "day"
    part = unit_word if unit_word in PARTS_OF_DAY else None
    unit = "day" if part else unit_word
    step = _REFERENCE_STEPS[rel]

    def counted(day: date) -> str:
        return _with_part(cal.unit_value(cal.shift(day, unit, step), unit), part)

    mask = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX"}.get(unit, "XXXX")
    kind: TimexType = "TIME" if part else "DATE"
    return Reading(kind, _with_part(mask, part), from_reference=counted, reference_unit=unit,
                   mod_kinds=frozenset({"position"}))


def _year_end(m: re.Match[str]) -> Reading:
    return Reading("DATE", "XXXX", lambda a: f"{a.day.year:04d}", mod="END")


def _year_ago_adjective(m: re.Match[str]) -> Reading:
    return Reading("DATE", "XXXX", lambda a: f"{a.day.year - 1:04d}", years_back=1)


# ----------------------------------------------------------------- quarters, halves, seasons

def _quarter(m: re.Match[str]) -> Reading | None:
    unit = _word(m, "unit") or "quarter"
    which = _word(m, "ord")
    if unit == "half" and which not in {"first", "second", "1st", "2nd"}:
        return None
    year = _year_int(m["year"]) if m["year"] else _year_int(m["year0"]) if m["year0"] else None
    year_rel = _word(m, "yrel")
    if which is None and m["q"]:
        number = int(m["q"])
    elif which in {"final", "last"}:
        number = 4 if unit == "quarter" else 2
    elif which is not None:
        number = ORDINALS[which]
    else:
        number = 0
    letter = "Q" if unit == "quarter" else "H"
    if number == 0:  # "the quarter", "the latest quarter"
        latest = _word(m, "latest")
        step = -1 if latest in {"latest", "previous", "prior", "past", "most recent", "last"} else 0

        def resolve_quarter(anchor: Anchor) -> str:
            # "profit rose in the quarter": in past reporting, the last completed quarter
            back = step if latest is not None else (-1 if anchor.direction == PAST else 0)
            return cal.unit_value(cal.shift(anchor.day, "quarter", back), "quarter")

        return Reading("DATE", "XXXX-QX", resolve_quarter)
    if year is not None:
        return Reading("DATE", f"{year:04d}-{letter}{number}")

    def resolve(anchor: Anchor) -> str:
        here = cal.quarter_of(anchor.day) if letter == "Q" else (1 if anchor.day.month <= 6 else 2)
        y = anchor.day.year + _year_shift(year_rel)
        if year_rel is None and anchor.direction == PAST and number > here:
            y -= 1
        return f"{y:04d}-{letter}{number}"

    return Reading("DATE", f"XXXX-{letter}{number}", resolve)


def _season(m: re.Match[str]) -> Reading | None:
    code = SEASONS[m["season"].lower()]
    if m["year"]:
        return Reading("DATE", f"{_year_int(m['year']):04d}-{code}", mod_kinds=frozenset({"position"}))
    year_rel = _word(m, "yrel")
    if year_rel is None and not m["the"] and m["season"].lower() in {"spring", "fall"}:
        return None

    def resolve(anchor: Anchor) -> str:
        if year_rel is not None:
            return f"{anchor.day.year + _year_shift(year_rel):04d}-{code}"
        step = -1 if anchor.direction == PAST else 1 if anchor.direction == FUTURE else 0
        current = cal.season_of(anchor.day)[1]
        return _season_value(anchor.day, code, 0 if current == code else step)

    return Reading("DATE", f"XXXX-{code}", resolve, mod_kinds=frozenset({"position"}))


def _holiday(m: re.Match[str]) -> Reading | None:
    name = re.sub(r"\s+", " ", m["name"].lower()).replace("’", "'")
    rel = _word(m, "rel")

    def on(year: int) -> date | None:
        if name in HOLIDAYS:
            month, day = HOLIDAYS[name]
            return date(year, month, day)
        return cal.holiday(name, year)

    if m["year"]:
        day = on(_year_int(m["year"]))
        return None if day is None else Reading("DATE", day.isoformat())
    if name not in HOLIDAYS and name not in MOVABLE_HOLIDAYS:
        return None

    def resolve(anchor: Anchor) -> str:
        candidates = [d for d in (on(anchor.day.year + k) for k in (-1, 0, 1)) if d is not None]
        if rel in {"last", "next"}:  # strictly before / after the anchor
            before = [d for d in candidates if d < anchor.day]
            after = [d for d in candidates if d > anchor.day]
            return (before[-1] if rel == "last" else after[0]).isoformat()
        return cal.nearest(anchor.day, candidates, anchor.direction).isoformat()

    return Reading("DATE", "XXXX-XX-XX", resolve)


# ----------------------------------------------------------------- durations, "ago", sets, references

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
    smaller = {"Y": (12, "M", False), "W": (7, "D", False), "D": (24, "H", True), "H": (60, "M", True),
               "M": (60, "S", True)}
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


def _duration(m: re.Match[str]) -> Reading | None:
    unit_word = _word(m, "unit") or ""
    unit = UNIT_FORMS[unit_word]
    plural = unit_word.endswith("s") and unit_word != UNIT_FORMS.get(unit_word)
    direction = _word(m, "dir")
    number_text = _word(m, "num")
    count = parse_number(number_text) if number_text else None
    if m["num2"]:
        count = None  # "two to three weeks": a range of lengths
    if m["long"] and count is None:
        return None  # "months-long": a vague adjective, not a time expression
    if number_text is None:
        if direction is None:
            return None
        if not plural and not m["the"]:
            return None  # "last week", "next year": calendar units, see _relative_unit
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
    return Reading("DURATION", value, span=span, mod_kinds=frozenset({"approx"}), open_side=open_side)


def _anchored_span(unit: str, count: int, backward: bool) -> Callable[[Anchor], cal.Span | None]:
    """'the past two weeks': from two weeks before the anchor up to it (or after it, for 'the next')."""
    calendar_unit, factor = {"night": ("day", 1), "fortnight": ("week", 2)}.get(unit, (unit, 1))
    granularity = UNITS[calendar_unit][2]

    def span(anchor: Anchor) -> cal.Span:
        other = cal.shift(anchor.day, calendar_unit, (-count if backward else count) * factor)
        first, last = (other, anchor.day) if backward else (anchor.day, other)
        return cal.day_span(first, last, granularity)  # type: ignore[arg-type]

    return span


def _bare_plural(m: re.Match[str]) -> Reading:
    unit = UNIT_FORMS[m["unit"].lower()]
    return Reading("DURATION", _duration_value(None, unit))


def _ago(m: re.Match[str]) -> Reading | None:
    unit = UNIT_FORMS[(_word(m, "unit") or "")]
    count = parse_number(_word(m, "num") or "")
    word = _word(m, "dir") or "ago"
    sign = -1 if word in {"ago", "earlier", "before"} else 1
    if count is None:
        ref = "PAST_REF" if sign < 0 else "FUTURE_REF"
        return Reading("DATE", ref)
    steps = round(count)
    granularity = {"second": "day", "minute": "day", "hour": "day", "fortnight": "week",
                   "decade": "year", "century": "year"}.get(unit, unit)
    if unit == "fortnight":
        steps *= 2
    shift_unit = {"fortnight": "week", "second": "day", "minute": "day", "hour": "day"}.get(unit, unit)
    if unit in {"second", "minute", "hour"}:
        steps = 0 if count < 24 else steps // 24
    mask = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX"}.get(
        granularity, "XXXX")

    def resolve(anchor: Anchor) -> str:
        return cal.unit_value(cal.shift(anchor.day, shift_unit, sign * steps), granularity)

    years_back = steps if unit == "year" and sign < 0 and count == steps else None
    return Reading("DATE", mask, resolve, mod_kinds=frozenset({"approx"}), years_back=years_back)


def _reference(m: re.Match[str]) -> Reading | None:
    if m[0].lower() == "soon" and (m.string[max(0, m.start() - 3):m.start()].lower() == "as "
                                   or m.string[m.end():m.end() + 3].lower() == " as"):
        return None  # "as soon as": a conjunction
    return Reading("DATE", REFERENCE_WORDS[re.sub(r"\s+", " ", m[0].lower())])


def _frequency(m: re.Match[str]) -> Reading:
    return Reading("SET", FREQUENCY_WORDS[m[0].lower()])


def _every(m: re.Match[str]) -> Reading | None:
    what = _word(m, "what") or ""
    if what in WEEKDAYS or what.rstrip("s") in WEEKDAYS:
        return Reading("SET", f"XXXX-WXX-{_weekday(what)}")
    if what in PARTS_OF_DAY:
        return Reading("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[what]}")
    if what in SEASONS:
        return Reading("SET", f"XXXX-{SEASONS[what]}")
    if what in MONTHS:
        return Reading("SET", f"XXXX-{_month(what):02d}")
    if what == "weekend":
        return Reading("SET", "XXXX-WXX-WE")
    if what in UNIT_FORMS:
        count = parse_number(_word(m, "num") or "1") or 1.0
        return Reading("SET", _duration_value(count, UNIT_FORMS[what]))
    return None


def _times_per(m: re.Match[str]) -> Reading:
    return Reading("SET", _duration_value(1.0, UNIT_FORMS[(_word(m, "unit") or "day")]))


# ----------------------------------------------------------------- the rule table

_DURATION_DIR = (r"(?:past|last|next|coming|previous|recent|first|final|following|latest|remaining|preceding"
                  r"|upcoming)")
_YEAR_REL = r"(?:,?\s+(?:of\s+)?(?P<yrel>last|this|next)\s+year)"
_HOLIDAY_NAMES = alternation([*HOLIDAYS, *MOVABLE_HOLIDAYS, "new year’s day", "new year’s eve"])

RULES: tuple[Rule, ...] = (
    Rule("month_day", _compile(
        rf"(?:{WEEKDAY},?\s+)?(?P<month>{MONTH_ANY})\.?\s+(?P<day>{DAY})(?!\d|:\d)"
        rf"(?:(?:,\s*|\s+)(?P<year>{YEAR})(?!\d)|{_YEAR_REL})?"), _month_day),
    Rule("day_month", _compile(
        rf"(?:{WEEKDAY},?\s+)?(?:the\s+)?(?P<day>{DAY})(?:\s+of)?\s+(?P<month>{MONTH})"
        rf"(?:,?\s+(?P<year>{YEAR})(?!\d)|{_YEAR_REL})?"), _month_day),
    Rule("month_year", _compile(rf"(?P<month>{MONTH})(?:\s+of|,)?\s+(?P<year>{YEAR})(?!\d)"), _month_year),
    Rule("month", _compile(rf"(?:{REL}\s+)?(?P<month>{MONTH}){_YEAR_REL}?"), _month_alone),
    Rule("numeric_date", _compile(
        r"(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)"
        r"|(?P<a>[01]?\d|[23]\d)/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)\d\d|\d\d)"), _numeric_date),
    Rule("year", re.compile(
        rf"(?<![$€£.,/:])(?:(?<!\d-)|(?<=\d{{4}}-)){_START}(?:the\s+year\s+)?(?P<year>{YEAR})"
        r"(?![\w%]|-(?!\d{4}\b)|[.,:/]\d|\s*(?:%|percent|per\s+cent))"), _year),
    Rule("fiscal", _compile(
        rf"(?:the\s+(?:(?P<fyrel>current|latest|previous|last|next|new|coming)\s+)?)?fiscal[\s-]+year"
        rf"(?:\s+(?P<fy>{YEAR}))?|fiscal\s+(?P<fy3>{YEAR})|FY\s?(?P<fy2>\d\d(?:\d\d)?)"),
        lambda m: _fiscal(m) if not m["fy2"] else Reading("DATE", f"FY{_fy_year(m['fy2'])}")),
    Rule("decade", _compile(
        r"(?:the\s+)?(?:(?P<cent>1[6-9]|20)(?P<dec>\d)0'?s|'(?P<dec2>\d)0s"
        r"|(?P<dword>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))"), _decade),
    Rule("century", _compile(rf"(?:the\s+)?(?P<ord>{alternation(ORDINALS)}|\d{{1,2}}(?:st|nd|rd|th))\s+century"),
         _century),
    Rule("dayword", _compile(
        r"(?P<word>today|tonight|yesterday|tomorrow|overnight|last\s+night|this\s+(?:morning|afternoon|evening)"
        r"|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)"
        rf"(?:\s+(?P<part>{PART}))?"), _dayword),
    Rule("weekday", _compile(
        rf"(?:(?:the\s+(?=previous|following)|this\s+(?=coming|past))?"
        rf"(?P<rel>last|this|next|coming|past|previous|following)\s+)?"
        rf"(?P<wd>{WEEKDAY})(?P<plural>s)?"
        rf"(?:\s+(?P<part>{PART}))?"), _weekday_reading),
    Rule("part_of_weekday", _compile(
        rf"(?P<part>dawn|dusk|daybreak|nightfall|sunrise|sunset|noon|midday)\s+(?:on|of)\s+(?P<wd>{WEEKDAY})"
        ), _weekday_reading),
    Rule("clock", _compile(
        rf"(?:(?P<d1>{WEEKDAY}|{DAYWORD}),?\s+(?:at\s+)?)?{CLOCK}(?:\s+{TZ})?"
        rf"(?:(?:\s+on|,)?\s+(?:(?P<d2>{WEEKDAY}|{DAYWORD})|(?P<cm>{MONTH_ANY})\.?\s+(?P<cd>{DAY})(?!\d)))?"),
         _clock),
    Rule("relative_unit", _compile(
        rf"{REL}\s+(?P<unit>week|month|year|quarter|decade|century|{SEASON})"), _relative_unit),
    Rule("weekend", _compile(r"(?:(?P<rel>the|this|last|next|past|coming)\s+)weekend"), _weekend),
    Rule("this_unit_part", _compile(
        rf"(?P<which>earlier|later)\s+(?:this|in\s+the)\s+(?P<unit>week|month|year|quarter|{SEASON})"
        r"|(?P<which2>earlier|later)\s+today"),
        lambda m: _this_unit_part(m) if not m["which2"] else Reading(
            "DATE", "XXXX-XX-XX", lambda a: a.day.isoformat(), mod="START" if m["which2"] == "earlier" else "END")),
    Rule("the_unit", _compile(
        r"the\s+(?:current\s+|same\s+|full\s+|whole\s+|entire\s+)?(?P<unit>year|month|week)"
        r"(?!\s+(?:before|after|earlier|later|ago|of|in)\b)"),
        _the_unit),
    Rule("from_reference", _compile(
        rf"(?:(?:earlier|later)\s+)?(?:the\s+(?P<rel>previous|preceding|following|same)"
        rf"|the\s+(?P<reln>next)(?=\s+(?:day|{PART}))|that(?:\s+same)?)"
        rf"\s+(?P<unit>day|{PART}|week|month|year)(?!\s+(?:before|after|of|when|in)\b)"
        r"|the\s+(?P<unit2>day|night)\s+(?P<rel2>before|after)(?!\s+\w+ing\b)"), _from_reference),
    Rule("year_end", _compile(r"year[-\s]end|year's\s+end"), _year_end),
    Rule("year_ago_adjective", _compile(
        rf"(?:the\s+(?:comparable\s+)?)?year-(?:earlier|ago|before)(?:\s+(?:(?:{alternation(ORDINALS)})\s+)?"
        rf"(?:quarter|period|half)|\s+(?:{NUMBER})\s+months)?"
        r"|year-(?:earlier|ago|before)"), _year_ago_adjective),
    Rule("quarter", _compile(
        rf"(?:the\s+(?!\w+-(?:fiscal-)?(?:quarter|half)))?(?:(?P<year0>{YEAR})(?:'s)?\s+)?"
        rf"(?:(?P<yrel0>this|last|next)\s+year's\s+)?(?:fiscal[\s-]+)?"
        rf"(?:(?P<ord>{alternation(ORDINALS)}|final|last(?=\s+half))[\s-]+|(?P<latest>latest|current|previous|prior|past|most\s+recent"
        rf"|last|same)\s+)?(?:fiscal[\s-]+)?(?P<unit>quarter|half)"
        rf"(?:\s+of\s+(?:(?:fiscal\s+)?(?P<year>{YEAR})|(?P<yrel>last|this|next)\s+year|the\s+year))?"
        rf"|Q(?P<q>[1-4])(?:\s+(?P<yearq>{YEAR}))?"), lambda m: _quarter_checked(m)),
    Rule("season", _compile(
        rf"(?P<the>the\s+)?(?P<season>{SEASON})(?:\s+(?:of\s+)?(?P<year>{YEAR})(?!\d)|{_YEAR_REL})?"), _season),
    Rule("holiday", _compile(
        rf"(?:(?P<rel>last|this|next)\s+)?(?P<name>{_HOLIDAY_NAMES})(?:\s+(?P<year>{YEAR}))?"), _holiday),
    Rule("duration", _compile(
        rf"(?:(?P<the>the)\s+(?={_DURATION_DIR}|(?:{NUMBER})\s+(?:more\s+|additional\s+)?{UNIT}(?![\w-])))?"
        rf"(?:(?P<dir>{_DURATION_DIR})\s+)?"
        rf"(?:(?P<num>{NUMBER})(?:\s*(?:to|or|-|–)\s*(?P<num2>{NUMBER}))?[\s-]+"
        r"(?:(?:more|additional|extra|further|other)\s+)?)?"
        rf"(?P<unit>{UNIT})(?P<long>-long)?"
        r"(?!-old|\s+old\b|-?\s*(?:ago|earlier|from\s+now|hence)\b)"), _duration),
    Rule("bare_plural", _compile(
        r"(?:for|over|within|in|took|take|takes|lasted|last)\s+(?P<unit>minutes|hours|days|weeks|months"
        r"|years|decades|centuries)"), _bare_plural, extent="unit"),
    Rule("ago", _compile(
        rf"(?P<num>{NUMBER})[\s-]+(?P<unit>{UNIT})\s+(?P<dir>ago|earlier|from\s+now|hence)"), _ago),
    Rule("reference", _compile(alternation(k for k in REFERENCE_WORDS if k not in {"once", "later", "shortly"})),
         _reference),
    Rule("frequency", _compile(alternation(FREQUENCY_WORDS)), _frequency),
    Rule("every", _compile(
        rf"(?:every|each)\s+(?:other\s+)?(?:(?P<num>{NUMBER})\s+)?"
        rf"(?P<what>{WEEKDAY}|{PART}|{UNIT}|{SEASON}|weekend|{MONTH})"), _every),
    Rule("times_per", _compile(
        rf"(?:once|twice|{NUMBER}\s+times)\s+(?:a|an|per|each|every)\s+(?P<unit>{UNIT})"), _times_per),
)


def _words(*groups: object) -> frozenset[str]:
    """The word forms (lower case, split at non-letters) of keys of tables or strings."""
    found: set[str] = set()
    for group in groups:
        for key in (group if isinstance(group, (dict, set, frozenset, list, tuple)) else [group]):
            found.update(w for w in re.split(r"[^a-z0-9]+", str(key).lower()) if w)
    return frozenset(found)


_MONTH_TRIGGERS = _words(MONTHS, _UNDOTTED_ABBREVIATIONS)
# Words one of which must occur in a text for a rule to be tried at all: a cheap pre-filter that
# skips most rules on most texts. Rules not listed (numbers, years, clock times) always run.
TRIGGERS: dict[str, frozenset[str]] = {
    "month_day": _MONTH_TRIGGERS, "day_month": _MONTH_TRIGGERS, "month_year": _MONTH_TRIGGERS,
    "month": _MONTH_TRIGGERS,
    "fiscal": _words("fiscal fy"),
    "century": _words("century"),
    "dayword": _words("today tonight yesterday tomorrow overnight night morning afternoon evening day"),
    "weekday": _words(WEEKDAYS),
    "relative_unit": _words("last this next coming past previous following current"),
    "weekend": _words("weekend"),
    "this_unit_part": _words("earlier later"),
    "the_unit": _words("year month week"),
    "year_end": _words("end"),
    "year_ago_adjective": _words("year"),
    "quarter": _words("quarter half q1 q2 q3 q4"),
    "season": _words(SEASONS),
    "holiday": _words(HOLIDAYS, MOVABLE_HOLIDAYS),
    "duration": _words(UNIT_FORMS),
    "bare_plural": _words(UNIT_FORMS),
    "ago": _words("ago earlier now hence"),
    "reference": _words(REFERENCE_WORDS),
    "frequency": _words(FREQUENCY_WORDS),
    "every": _words("every each"),
    "times_per": _words("times once twice"),
}


def _fy_year(digits: str) -> int:
    if len(digits) == 4:
        return int(digits)
    return 2000 + int(digits) if int(digits) < 50 else 1900 + int(digits)


def _quarter_checked(m: re.Match[str]) -> Reading | None:
    if m["q"] and m["yearq"]:
        return Reading("DATE", f"{int(m['yearq']):04d}-Q{m['q']}")
    if m["yrel0"] and not m["yrel"]:
        return _quarter_with_year_rel(m, _word(m, "yrel0"))
    if not (m["q"] or m["ord"] or m["latest"] or m[0].lower().startswith("the")):
        return None  # "a quarter", "quarter" alone
    return _quarter(m)


def _quarter_with_year_rel(m: re.Match[str], year_rel: str | None) -> Reading | None:
    base = _quarter(m)
    if base is None or base.resolve is None:
        return base
    number = base.unanchored[-1]
    letter = base.unanchored[-2]
    return Reading("DATE", base.unanchored,
                   lambda a: f"{a.day.year + _year_shift(year_rel):04d}-{letter}{number}")
