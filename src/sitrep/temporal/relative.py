"""Rules for expressions counted from the anchor day or a reference day: today, weekdays, clock
times, last/this/next units, weekends, "earlier this week", "the next day", "year-earlier"."""

from __future__ import annotations

import re
from datetime import date, timedelta

from sitrep.temporal import calendar as cal
from sitrep.temporal.dates import day_reading, season_value
from sitrep.temporal.lexicon import (
    PARTS_OF_DAY,
    SEASONS,
    WEEKDAYS,
)
from sitrep.temporal.patterns import (
    day_number,
    day_offset,
    group_text,
    month_number,
    weekday_number,
    with_part,
    year_shift,
)
from sitrep.temporal.reading import FUTURE, PAST, Anchor, Reading, TimexType


def day_word(m: re.Match[str]) -> Reading:
    word = group_text(m, "word") or ""
    part = group_text(m, "part")
    if word in {"tonight", "overnight", "last night"}:
        part = "night"
    if word in {"this morning", "this afternoon", "this evening"}:
        part = word.split()[1]
    offset = day_offset(word)
    if word == "last night":
        offset = -1

    def resolve(anchor: Anchor) -> str:
        shift = offset
        if word == "overnight" and anchor.direction != FUTURE:
            shift = -1
        return with_part((anchor.day + timedelta(days=shift)).isoformat(), part)

    kind: TimexType = "TIME" if part else "DATE"
    return Reading(kind, with_part("XXXX-XX-XX", part), resolve, mod_kinds=frozenset({"position"}))


def bare_weekday(anchor: Anchor, weekday: int) -> date:
    """A weekday named without last/next: the DCT's own weekday is the DCT day in any tense (news
    style names the day instead of saying "today": "will meet Thursday" in Thursday's paper), any
    other the one the tense points to."""
    if anchor.day.isoweekday() == weekday:
        return anchor.day
    return cal.weekday_near(anchor.day, weekday, anchor.direction)


def part_of_day(m: re.Match[str]) -> Reading:
    """'in the morning', 'by mid-afternoon': a part of the day the narrative is about (the last dated day
    mentioned just before, else the DCT's day)."""
    code = PARTS_OF_DAY[group_text(m, "part") or group_text(m, "part2") or "morning"]
    mod = "MID" if m["mid"] else {"early": "START", "late": "END"}.get(group_text(m, "pos") or "")

    def on(day: date) -> str:
        return f"{day.isoformat()}T{code}"

    if m["dw"]:  # "mid-afternoon yesterday"
        offset = day_offset(m["dw"].lower())
        return Reading("TIME", f"XXXX-XX-XXT{code}", lambda a: on(a.day + timedelta(days=offset)), mod=mod)
    return Reading(
        "TIME",
        f"XXXX-XX-XXT{code}",
        lambda a: on(a.day),
        mod=mod,
        from_reference=on,
        reference_window=CLOCK_REFERENCE_WINDOW,
    )


def weekday_date(m: re.Match[str]) -> Reading:
    groups = m.groupdict()
    weekday, part = weekday_number(m["wd"]), group_text(m, "part")
    rel = group_text(m, "rel") if "rel" in groups else None
    if groups.get("plural") and not rel:
        return Reading("SET", with_part(f"XXXX-WXX-{weekday}", part))

    def resolve(anchor: Anchor) -> str:
        if rel in {"last", "past", "previous"}:
            day = cal.weekday_near(anchor.day - timedelta(days=1), weekday, PAST)
        elif rel in {"next", "coming", "following"}:
            day = cal.weekday_near(anchor.day, weekday, FUTURE)
        elif rel == "this":
            day = anchor.day + timedelta(days=weekday - anchor.day.isoweekday())
        else:
            day = bare_weekday(anchor, weekday)
        return with_part(day.isoformat(), part)

    kind: TimexType = "TIME" if part else "DATE"
    unanchored = with_part(f"XXXX-WXX-{weekday}", part)
    if rel in {"previous", "following"}:
        # "the previous Friday", "the following Monday": anaphoric, seen from the narrative's last
        # dated day (else from the DCT)
        step = PAST if rel == "previous" else FUTURE

        def counted(day: date) -> str:
            return with_part(cal.weekday_near(day + timedelta(days=step), weekday, step).isoformat(), part)

        return Reading(kind, unanchored, resolve, mod_kinds=frozenset({"position"}), from_reference=counted)
    return Reading(kind, unanchored, resolve, mod_kinds=frozenset({"position"}))


# How far back (in characters) a dated day sets the day of a bare clock time.
CLOCK_REFERENCE_WINDOW = 300


def clock_time(m: re.Match[str]) -> Reading:
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
    on_day = day_reading(month_number(m["cm"]), day_number(m["cd"]), None, None) if m["cm"] else None
    if on_day is not None:
        dated = on_day
        return Reading("TIME", dated.unanchored + clock, lambda a: dated.value(a) + clock)

    def resolve(anchor: Anchor) -> str:
        if which in WEEKDAYS:
            day = bare_weekday(anchor, WEEKDAYS[which])
        else:
            day = anchor.day + timedelta(days=day_offset(which))
        return day.isoformat() + clock

    unanchored = (f"XXXX-WXX-{WEEKDAYS[which]}" if which in WEEKDAYS else "XXXX-XX-XX") + clock
    if not which:
        # a bare clock time is on the day the narrative is about ("He was shot on Oct. 23 ... at
        # 10 p.m."): the last dated day mentioned just before it, else the DCT's day
        return Reading(
            "TIME",
            unanchored,
            resolve,
            from_reference=lambda day: day.isoformat() + clock,
            reference_window=CLOCK_REFERENCE_WINDOW,
        )
    return Reading("TIME", unanchored, resolve)


def relative_unit(m: re.Match[str]) -> Reading | None:
    rel, unit = group_text(m, "rel") or "this", group_text(m, "unit") or ""
    step = {"this": 0, "current": 0}.get(rel, year_shift(rel))
    if unit in SEASONS:
        code = SEASONS[unit]
        return Reading(
            "DATE", f"XXXX-{code}", lambda a: season_value(a.day, code, step), mod_kinds=frozenset({"position"})
        )
    if unit in {"morning", "afternoon", "evening", "night"}:
        return None
    mask = {"week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX"}.get(unit, "XXXX")
    return Reading(
        "DATE",
        mask,
        lambda a: cal.unit_value(cal.shift(a.day, unit, step), unit),
        mod_kinds=frozenset({"position"}),
    )


def weekend(m: re.Match[str]) -> Reading:
    rel = group_text(m, "rel") or "the"

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


def part_of_this_unit(m: re.Match[str]) -> Reading:
    """'earlier this week': the current unit, START (up to the anchor) or END (from it)."""
    which, unit = group_text(m, "which") or "earlier", group_text(m, "unit") or "day"
    mod = "START" if which == "earlier" else "END"
    if unit in SEASONS:
        code = SEASONS[unit]
        return Reading("DATE", f"XXXX-{code}", lambda a: season_value(a.day, code, 0), mod=mod)

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


def the_unit(m: re.Match[str]) -> Reading:
    unit = group_text(m, "unit") or "year"
    mask = {"week": "XXXX-WXX", "month": "XXXX-XX"}.get(unit, "XXXX")
    return Reading("DATE", mask, lambda a: cal.unit_value(a.day, unit), mod_kinds=frozenset({"position"}))


_REFERENCE_STEPS = {
    "previous": -1,
    "preceding": -1,
    "before": -1,
    "next": 1,
    "following": 1,
    "after": 1,
    "same": 0,
    "that": 0,
}


def from_reference(m: re.Match[str]) -> Reading:
    """'the next day', 'that night', 'the previous week': counted from the narrative's reference day.

    Without a dated day before it the reference time is unknown, so the value stays
    relative even with a DCT; ``anchoring.follow_reference_times`` resolves it.
    """
    rel = group_text(m, "rel") or group_text(m, "reln") or group_text(m, "rel2") or "that"
    unit_word = group_text(m, "unit") or group_text(m, "unit2") or "day"
    part = unit_word if unit_word in PARTS_OF_DAY else None
    unit = "day" if part else unit_word
    step = _REFERENCE_STEPS[rel]

    def counted(day: date) -> str:
        return with_part(cal.unit_value(cal.shift(day, unit, step), unit), part)

    mask = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX"}.get(unit, "XXXX")
    kind: TimexType = "TIME" if part else "DATE"
    return Reading(
        kind, with_part(mask, part), from_reference=counted, reference_unit=unit, mod_kinds=frozenset({"position"})
    )


def year_end(m: re.Match[str]) -> Reading:
    return Reading("DATE", "XXXX", lambda a: f"{a.day.year:04d}", mod="END")


UNLIMITED = 10**9


def year_ago_adjective(m: re.Match[str]) -> Reading:
    # "the year-earlier period/quarter" names a period: the reporting period's, however far back it was
    names_period = re.search(r"(?:quarter|period|half)$", m[0], re.IGNORECASE) is not None
    return Reading(
        "DATE",
        "XXXX",
        lambda a: f"{a.day.year - 1:04d}",
        years_back=1,
        reference_window=UNLIMITED if names_period else None,
    )
