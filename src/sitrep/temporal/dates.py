"""Rules for calendar dates: days, months, years, decades, centuries, quarters, halves, seasons,
fiscal years and holidays."""

from __future__ import annotations

import re
from datetime import date

from sitrep.temporal import calendar as cal
from sitrep.temporal.lexicon import (
    AMBIGUOUS_MONTHS,
    HOLIDAYS,
    MOVABLE_HOLIDAYS,
    ORDINALS,
    SEASONS,
)
from sitrep.temporal.patterns import (
    day_number,
    group_text,
    month_number,
    year_number,
    year_shift,
)
from sitrep.temporal.reading import FUTURE, PAST, Anchor, Reading


def day_reading(
    month: int, day: int, year: int | None, year_rel: str | None, toward: int | None = None
) -> Reading | None:
    """A day of a month, with its year given, relative ("last year"), the last or next one
    (``toward``: "last Oct. 23") or left to the tense."""
    try:
        date(2000, month, day)  # a leap year accepts every valid month/day
    except ValueError:
        return None

    def resolve(anchor: Anchor) -> str:
        if year_rel is not None:
            y = anchor.day.year + year_shift(year_rel)
        elif toward is not None:  # strictly before / after the anchor
            y = anchor.day.year + (1 if toward > 0 else -1) * (
                (month, day) <= (anchor.day.month, anchor.day.day)
                if toward > 0
                else (month, day) >= (anchor.day.month, anchor.day.day)
            )
        else:
            y = _year_for_day(anchor, month, day)
        return f"{y:04d}-{month:02d}-{day:02d}"

    def extend(other_day: int) -> Reading:
        return day_reading(month, other_day, year, year_rel) or Reading("DATE", f"XXXX-{month:02d}-XX")

    if year is not None:
        return Reading("DATE", f"{year:04d}-{month:02d}-{day:02d}", extend=extend, mod_kinds=frozenset({"position"}))
    return Reading("DATE", f"XXXX-{month:02d}-{day:02d}", resolve, extend=extend)


def _year_for_day(anchor: Anchor, month: int, day: int) -> int:
    return cal.year_near(anchor.day, month, day, anchor.direction)


def month_day_date(m: re.Match[str]) -> Reading | None:
    year = year_number(m["year"]) if m["year"] else None
    rel = group_text(m, "mrel") if "mrel" in m.groupdict() else None
    toward = {"last": PAST, "next": FUTURE, "this coming": FUTURE}.get(rel or "")
    reading = day_reading(month_number(m["month"]), day_number(m["day"]), year, group_text(m, "yrel"), toward)
    return reading


def month_year_date(m: re.Match[str]) -> Reading:
    value = f"{year_number(m['year']):04d}-{month_number(m['month']):02d}"
    return Reading("DATE", value, mod_kinds=frozenset({"position"}))


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
    r"(?:^|[.!?:;\"“”]\s*|\n\s*)(?-i:May)\s+(?:the|God|I|we|you|he|she|they|it|all|his|her|our)\b"
)


def month_date(m: re.Match[str]) -> Reading | None:
    month, rel, year_rel = month_number(m["month"]), group_text(m, "rel"), group_text(m, "yrel")
    if (
        rel is None
        and year_rel is None
        and m["month"].lower() in AMBIGUOUS_MONTHS
        and (
            _NOUN_BEFORE.search(m.string, max(0, m.start() - 16), m.start())
            or _NOUN_AFTER.match(m.string, m.end())
            or (m.string[m.start() : m.start() + 3] == "May" and _OPTATIVE_MAY.match(m.string, max(0, m.start() - 2)))
        )
    ):
        return None  # "the annual March for Life", "May God bless": not the month

    def resolve(anchor: Anchor) -> str:
        here = anchor.day
        if year_rel is not None:
            year = here.year + year_shift(year_rel)
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


def numeric_date(m: re.Match[str]) -> Reading | None:
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


def year_date(m: re.Match[str]) -> Reading:
    return Reading("DATE", f"{year_number(m['year']):04d}", mod_kinds=frozenset({"position", "approx"}))


def fiscal_year(m: re.Match[str]) -> Reading:
    if m["fy"] or m["fy3"]:
        return Reading("DATE", f"FY{year_number(m['fy'] or m['fy3'])}")
    step = {"previous": -1, "last": -1, "next": 1, "coming": 1, "new": 1}.get(group_text(m, "fyrel") or "", 0)
    return Reading("DATE", "FYXXXX", lambda a: f"FY{a.day.year + step}")


_DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}


def decade(m: re.Match[str]) -> Reading:
    if m["cent"]:
        return Reading("DATE", f"{m['cent']}{m['dec']}", mod_kinds=frozenset({"position"}))
    digit = int(m["dec2"]) if m["dec2"] else _DECADE_WORDS[m["dword"].lower()]

    def resolve(anchor: Anchor) -> str:
        century = anchor.day.year // 100
        if digit * 10 > anchor.day.year % 100:
            century -= 1
        return f"{century}{digit}"

    return Reading("DATE", f"XX{digit}", resolve, mod_kinds=frozenset({"position"}))


def century(m: re.Match[str]) -> Reading | None:
    word = m["ord"].lower()
    number = ORDINALS.get(word) or (int(re.sub(r"\D", "", word)) if re.search(r"\d", word) else 0)
    if not number:
        return None
    return Reading("DATE", f"{number - 1:02d}", mod_kinds=frozenset({"position"}))


SEASON_ORDER = ("SP", "SU", "FA", "WI")  # a season year runs from March to February


def season_value(anchor_day: date, code: str, step: int) -> str:
    """The season ``code`` this (0), last (-1) or next (+1) time, as seen from ``anchor_day``."""
    year, current = cal.season_of(anchor_day)
    here, there = SEASON_ORDER.index(current), SEASON_ORDER.index(code)
    if step < 0 and there >= here:
        year -= 1
    elif step > 0 and there <= here:
        year += 1
    elif step == 0 and code == "WI" and current != "WI":
        year = anchor_day.year  # "this winter" said in autumn: the one starting in December
    return f"{year:04d}-{code}"


def quarter(m: re.Match[str]) -> Reading | None:
    unit = group_text(m, "unit") or "quarter"
    which = group_text(m, "ord")
    if unit == "half" and which not in {"first", "second", "1st", "2nd"}:
        return None
    year = year_number(m["year"]) if m["year"] else year_number(m["year0"]) if m["year0"] else None
    year_rel = group_text(m, "yrel")
    if which is None and m["q"]:
        number = int(m["q"])
    elif which in {"final", "last"}:
        number = 4 if unit == "quarter" else 2
    elif which is not None:
        number = ORDINALS[which]
    else:
        number = 0
    letter = "Q" if unit == "quarter" else "H"
    if number == 0:  # "the quarter", "the latest quarter", "the 1988 quarter"
        latest = group_text(m, "latest")
        step = -1 if latest in {"latest", "previous", "prior", "past", "most recent", "last"} else 0

        def resolve_quarter(anchor: Anchor) -> str:
            back = step if latest is not None else _reported_quarter_step(anchor)
            value = cal.unit_value(cal.shift(anchor.day, "quarter", back), "quarter")
            # "the 1988 quarter": the reported quarter, in the year named
            return f"{year:04d}{value[4:]}" if year is not None else value

        return Reading("DATE", "XXXX-QX", resolve_quarter)
    if year is not None:
        return Reading("DATE", f"{year:04d}-{letter}{number}")

    def resolve(anchor: Anchor) -> str:
        here = cal.quarter_of(anchor.day) if letter == "Q" else (1 if anchor.day.month <= 6 else 2)
        y = anchor.day.year + year_shift(year_rel)
        if year_rel is None and anchor.direction == PAST and number > here:
            y -= 1
        return f"{y:04d}-{letter}{number}"

    return Reading("DATE", f"XXXX-{letter}{number}", resolve)


# Quarterly results come out in the weeks after a quarter ends: in the first half of a quarter, an
# unqualified "the quarter" in reporting that is not about the future is the one just completed.
REPORTING_SEASON_DAYS = 45


def _reported_quarter_step(anchor: Anchor) -> int:
    if anchor.direction == PAST:
        return -1
    if anchor.direction == FUTURE:
        return 0
    quarter_start = date(anchor.day.year, 3 * cal.quarter_of(anchor.day) - 2, 1)
    return -1 if (anchor.day - quarter_start).days < REPORTING_SEASON_DAYS else 0


def season(m: re.Match[str]) -> Reading | None:
    code = SEASONS[m["season"].lower()]
    if m["year"]:
        return Reading("DATE", f"{year_number(m['year']):04d}-{code}", mod_kinds=frozenset({"position"}))
    year_rel = group_text(m, "yrel")
    if year_rel is None and not m["the"] and m["season"].lower() in {"spring", "fall"}:
        return None

    def resolve(anchor: Anchor) -> str:
        if year_rel is not None:
            return f"{anchor.day.year + year_shift(year_rel):04d}-{code}"
        step = -1 if anchor.direction == PAST else 1 if anchor.direction == FUTURE else 0
        current = cal.season_of(anchor.day)[1]
        return season_value(anchor.day, code, 0 if current == code else step)

    return Reading("DATE", f"XXXX-{code}", resolve, mod_kinds=frozenset({"position"}))


def holiday(m: re.Match[str]) -> Reading | None:
    name = re.sub(r"\s+", " ", m["name"].lower()).replace("’", "'")
    rel = group_text(m, "rel")

    def on(year: int) -> date | None:
        if name in HOLIDAYS:
            month, day = HOLIDAYS[name]
            return date(year, month, day)
        return cal.holiday(name, year)

    if m["year"]:
        day = on(year_number(m["year"]))
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


def fy_year(digits: str) -> int:
    if len(digits) == 4:
        return int(digits)
    return 2000 + int(digits) if int(digits) < 50 else 1900 + int(digits)


def quarter_checked(m: re.Match[str]) -> Reading | None:
    if m["q"] and m["yearq"]:
        return Reading("DATE", f"{int(m['yearq']):04d}-Q{m['q']}")
    if m["yrel0"] and not m["yrel"]:
        return quarter_with_year_rel(m, group_text(m, "yrel0"))
    if not (m["q"] or m["ord"] or m["latest"] or m[0].lower().startswith("the")):
        return None  # "a quarter", "quarter" alone
    return quarter(m)


def quarter_with_year_rel(m: re.Match[str], year_rel: str | None) -> Reading | None:
    base = quarter(m)
    if base is None or base.resolve is None:
        return base
    resolve_base = base.resolve
    # "last year's quarter": the quarter meant, a year back ("last year's third quarter": Q3 of last year)
    return Reading("DATE", base.unanchored, lambda a: f"{a.day.year + year_shift(year_rel):04d}{resolve_base(a)[4:]}")
