"""The time grammar: a table of rules, each a regex and a handler that builds a :class:`Reading`.

The table is here; the regex fragments are in ``patterns.py`` and the handlers in
``dates.py`` (calendar dates), ``relative.py`` (expressions counted from the DCT or a
reference day) and ``durations.py`` (lengths, frequencies, vague references).

Rules are tried independently over the text; the recogniser keeps the leftmost
longest matches. Extents follow the TimeML guidelines: determiners and
modifiers are part of the expression ("the past several months", "last year",
"Wednesday evening", "two months ago"), leading prepositions ("on", "in") are
not. Grammar in brief (``[]`` optional)::

    date      [WEEKDAY, | last/next] MONTH DAY[, YEAR | last/this/next year] | DAY [of] MONTH [YEAR]
              | MONTH [of] YEAR | MONTH [last/this/next year] | [last/this/next] MONTH
              | YEAR | YYYY-MM-DD | M/D/YYYY | [the] 1990s | the nineties | the 20th century
    relative  today | yesterday | tomorrow | tonight | overnight [PART] | last/this/next UNIT
              | [last/this/next] WEEKDAY [PART] | NUM UNIT [or so] ago/earlier | earlier/later this UNIT
              | [the] weekend | the year/month/week | SEASON [YEAR] | quarters, halves, fiscal years
    time      CLOCK [TZ] [[on] WEEKDAY/today] | WEEKDAY [at] CLOCK | noon | midnight
    duration  [the] [past/last/next/coming/first/recent] NUM UNIT [or so] | NUM-UNIT[-long]
    reference now | currently | recently | the past | the future | soon ...
    set       every/each [other] UNIT/WEEKDAY/PART | daily | weekly | WEEKDAYs | NUM times a UNIT

NUM is a count (digits, number words, "several", "a few": an unknown count
gives an X in the value); PART is morning, afternoon, evening or night; a
prefix "early/mid/late/the end of" or "about/nearly/more than" adds a ``mod``, and
"around" before a date or clock time APPROX (see recognize.py).
"""

from __future__ import annotations

import re

from sitrep.temporal.dates import (
    century,
    decade,
    fiscal_year,
    fy_year,
    holiday,
    month_date,
    month_day_date,
    month_year_date,
    numeric_date,
    quarter_checked,
    season,
    year_date,
)
from sitrep.temporal.durations import (
    ago,
    bare_plural,
    duration,
    every,
    frequency_word,
    reference_word,
    the_plural,
    times_per,
)
from sitrep.temporal.lexicon import (
    FREQUENCY_WORDS,
    HOLIDAYS,
    MONTHS,
    MOVABLE_HOLIDAYS,
    ORDINALS,
    REFERENCE_WORDS,
    SEASONS,
    UNIT_FORMS,
    WEEKDAYS,
    alternation,
)
from sitrep.temporal.numbers import NUMBER
from sitrep.temporal.patterns import (
    CLOCK,
    DAY,
    DAYWORD,
    DURATION_DIR,
    MONTH,
    MONTH_ANY,
    PART,
    REL,
    SEASON,
    TZ,
    UNDOTTED_ABBREVIATIONS,
    UNIT,
    WEEKDAY,
    WORD_START,
    YEAR,
    YEAR_REL,
    Rule,
    compile_rule,
)
from sitrep.temporal.reading import Reading
from sitrep.temporal.relative import (
    clock_time,
    day_word,
    from_reference,
    part_of_day,
    part_of_this_unit,
    relative_unit,
    the_unit,
    weekday_date,
    weekend,
    year_ago_adjective,
    year_end,
)

__all__ = ["RULES", "TRIGGERS", "Rule"]

_HOLIDAY_NAMES = alternation([*HOLIDAYS, *MOVABLE_HOLIDAYS, "new year’s day", "new year’s eve"])

RULES: tuple[Rule, ...] = (
    Rule(
        "month_day",
        compile_rule(
            rf"(?:{WEEKDAY},?\s+|(?P<mrel>last|next|this\s+coming)\s+)?(?P<month>{MONTH_ANY})\.?\s+(?P<day>{DAY})(?!\d|:\d)"
            rf"(?:(?:,\s*|\s+)(?P<year>{YEAR})(?!\d)|{YEAR_REL})?"
        ),
        month_day_date,
    ),
    Rule(
        "day_month",
        compile_rule(
            rf"(?:{WEEKDAY},?\s+)?(?:the\s+)?(?P<day>{DAY})(?:\s+of)?\s+(?P<month>{MONTH})"
            rf"(?:,?\s+(?P<year>{YEAR})(?!\d)|{YEAR_REL})?"
        ),
        month_day_date,
    ),
    Rule("month_year", compile_rule(rf"(?P<month>{MONTH})(?:\s+of|,)?\s+(?P<year>{YEAR})(?!\d)"), month_year_date),
    Rule("month", compile_rule(rf"(?:{REL}\s+)?(?P<month>{MONTH}){YEAR_REL}?"), month_date),
    Rule(
        "numeric_date",
        compile_rule(
            r"(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)"
            r"|(?P<a>[01]?\d|[23]\d)/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)\d\d|\d\d)"
        ),
        numeric_date,
    ),
    Rule(
        "year",
        re.compile(
            rf"(?<![$€£.,/:])(?:(?<!\d-)|(?<=\d{{4}}-)){WORD_START}(?:the\s+year\s+)?(?P<year>{YEAR})"
            r"(?![\w%]|-(?!\d{4}\b)|[.,:/]\d|\s*(?:%|percent|per\s+cent))"
        ),
        year_date,
    ),
    Rule(
        "fiscal",
        compile_rule(
            rf"(?:the\s+(?:(?P<fyrel>current|latest|previous|last|next|new|coming)\s+)?)?fiscal[\s-]+year"
            rf"(?:\s+(?P<fy>{YEAR}))?|fiscal\s+(?P<fy3>{YEAR})|FY\s?(?P<fy2>\d\d(?:\d\d)?)"
        ),
        lambda m: fiscal_year(m) if not m["fy2"] else Reading("DATE", f"FY{fy_year(m['fy2'])}"),
    ),
    Rule(
        "decade",
        compile_rule(
            r"(?:the\s+)?(?:(?P<cent>1[6-9]|20)(?P<dec>\d)0'?s|'(?P<dec2>\d)0s"
            r"|(?P<dword>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))"
        ),
        decade,
    ),
    Rule(
        "century",
        compile_rule(rf"(?:the\s+)?(?P<ord>{alternation(ORDINALS)}|\d{{1,2}}(?:st|nd|rd|th))\s+century"),
        century,
    ),
    Rule(
        "dayword",
        compile_rule(
            r"(?P<word>today|tonight|yesterday|tomorrow|overnight|last\s+night|this\s+(?:morning|afternoon|evening)"
            r"|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)"
            rf"(?:\s+(?P<part>{PART}))?"
        ),
        day_word,
    ),
    Rule(
        "weekday",
        compile_rule(
            rf"(?:(?:the\s+(?=previous|following)|this\s+(?=coming|past))?"
            rf"(?P<rel>last|this|next|coming|past|previous|following)\s+)?"
            rf"(?P<wd>{WEEKDAY})(?P<plural>s)?"
            rf"(?:\s+(?P<part>{PART}))?"
        ),
        weekday_date,
    ),
    Rule(
        "part_of_day",
        compile_rule(
            r"(?:(?:in|during|by|until|through|throughout|on|at)\s+)"
            r"(?P<x>(?:the\s+(?:(?P<pos>early|late)\s+)?(?P<part>morning|afternoon|evening)(?!\s+(?:of|after|before)\b)"
            r"|(?P<mid>mid-?\s?)(?P<part2>morning|afternoon))(?:\s+(?P<dw>yesterday|today|tomorrow))?)"
        ),
        part_of_day,
        extent="x",
    ),
    Rule(
        "part_of_weekday",
        compile_rule(
            rf"(?P<part>dawn|dusk|daybreak|nightfall|sunrise|sunset|noon|midday)\s+(?:on|of)\s+(?P<wd>{WEEKDAY})"
        ),
        weekday_date,
    ),
    Rule(
        "clock",
        compile_rule(
            rf"(?:(?P<d1>{WEEKDAY}|{DAYWORD}),?\s+(?:at\s+)?)?{CLOCK}(?:\s+{TZ})?"
            rf"(?:(?:\s+on|,)?\s+(?:(?P<d2>{WEEKDAY}|{DAYWORD})|(?P<cm>{MONTH_ANY})\.?\s+(?P<cd>{DAY})(?!\d)))?"
        ),
        clock_time,
    ),
    Rule(
        "relative_unit",
        compile_rule(rf"{REL}\s+(?P<unit>week|month|year|quarter|decade|century|{SEASON})"),
        relative_unit,
    ),
    Rule("weekend", compile_rule(r"(?:(?P<rel>the|this|last|next|past|coming)\s+)weekend"), weekend),
    Rule(
        "this_unit_part",
        compile_rule(
            rf"(?P<which>earlier|later)\s+(?:this|in\s+the)\s+(?P<unit>week|month|year|quarter|{SEASON})"
            r"|(?P<which2>earlier|later)\s+today"
        ),
        lambda m: (
            part_of_this_unit(m)
            if not m["which2"]
            else Reading(
                "DATE", "XXXX-XX-XX", lambda a: a.day.isoformat(), mod="START" if m["which2"] == "earlier" else "END"
            )
        ),
    ),
    Rule(
        "the_unit",
        compile_rule(
            r"the\s+(?:current\s+|same\s+|full\s+|whole\s+|entire\s+)?(?P<unit>year|month|week)"
            r"(?!\s+(?:before|after|earlier|later|ago|of|in)\b)"
        ),
        the_unit,
    ),
    Rule(
        "from_reference",
        compile_rule(
            rf"(?:(?:earlier|later)\s+)?(?:the\s+(?P<rel>previous|preceding|following|same)"
            rf"|the\s+(?P<reln>next)(?=\s+(?:day|{PART}))|that(?:\s+same)?)"
            rf"\s+(?P<unit>day|{PART}|week|month|year)(?!\s+(?:before|after|of|when|in)\b)"
            r"|the\s+(?P<unit2>day|night)\s+(?P<rel2>before|after)(?!\s+\w+ing\b)"
        ),
        from_reference,
    ),
    Rule("year_end", compile_rule(r"year[-\s]end|year's\s+end"), year_end),
    Rule(
        "year_ago_adjective",
        compile_rule(
            rf"(?:the\s+(?:comparable\s+)?)?year-(?:earlier|ago|before)(?:\s+(?:(?:{alternation(ORDINALS)})\s+)?"
            rf"(?:quarter|period|half)|\s+(?:{NUMBER})\s+months)?"
            r"|year-(?:earlier|ago|before)"
        ),
        year_ago_adjective,
    ),
    Rule(
        "quarter",
        compile_rule(
            rf"(?:the\s+(?!\w+-(?:fiscal-)?(?:quarter|half)))?(?:(?P<year0>{YEAR})(?:'s)?\s+)?"
            rf"(?:(?P<yrel0>this|last|next)\s+year's\s+)?(?:fiscal[\s-]+)?"
            rf"(?:(?P<ord>{alternation(ORDINALS)}|final|last(?=\s+half))[\s-]+|(?P<latest>latest|current|previous|prior|past|most\s+recent"
            rf"|last|same)\s+)?(?:fiscal[\s-]+)?(?P<unit>quarter|half)"
            rf"(?:\s+of\s+(?:(?:fiscal\s+)?(?P<year>{YEAR})|(?P<yrel>last|this|next)\s+year|the\s+year))?"
            rf"|Q(?P<q>[1-4])(?:\s+(?P<yearq>{YEAR}))?"
        ),
        lambda m: quarter_checked(m),
    ),
    Rule(
        "season",
        compile_rule(rf"(?P<the>the\s+)?(?P<season>{SEASON})(?:\s+(?:of\s+)?(?P<year>{YEAR})(?!\d)|{YEAR_REL})?"),
        season,
    ),
    Rule(
        "holiday",
        compile_rule(rf"(?:(?P<rel>last|this|next)\s+)?(?P<name>{_HOLIDAY_NAMES})(?:\s+(?P<year>{YEAR}))?"),
        holiday,
    ),
    Rule(
        "duration",
        compile_rule(
            rf"(?:(?P<the>the)\s+(?={DURATION_DIR}|(?:{NUMBER})\s+(?:more\s+|additional\s+)?{UNIT}(?![\w-])))?"
            rf"(?:(?P<dir>{DURATION_DIR})\s+)?"
            rf"(?:(?P<num>{NUMBER})(?:\s*(?:to|or|-|–)\s*(?P<num2>{NUMBER}))?[\s-]+"
            r"(?:(?:more|additional|extra|further|other)\s+)?)?"
            rf"(?P<unit>{UNIT})(?P<long>-long)?"
            r"(?!-old|\s+old\b|(?:\s+or\s+so)?-?\s*(?:ago|earlier|from\s+now|hence)\b)(?P<orso>\s+or\s+so\b)?"
        ),
        duration,
    ),
    Rule(
        "bare_plural",
        compile_rule(
            r"(?:for|over|within|in|took|take|takes|lasted|last)\s+(?P<unit>minutes|hours|days|weeks|months"
            r"|years|decades|centuries)"
        ),
        bare_plural,
        extent="unit",
    ),
    Rule(
        "the_plural",
        compile_rule(
            r"the\s+(?P<unit>days|weeks|months|years|decades)(?P<ahead>\s+ahead)?"
            r"(?!\s+(?:\d|(?:of|since|before|after|that|when|to|between|following|in|ago)\b))"
        ),
        the_plural,
    ),
    Rule(
        "ago",
        compile_rule(
            rf"(?P<num>{NUMBER})[\s-]+(?P<unit>{UNIT})(?P<orso>\s+or\s+so)?\s+(?P<dir>ago|earlier|from\s+now|hence)"
        ),
        ago,
    ),
    Rule(
        "reference",
        compile_rule(alternation(k for k in REFERENCE_WORDS if k not in {"once", "later", "shortly"})),
        reference_word,
    ),
    Rule("frequency", compile_rule(alternation(FREQUENCY_WORDS)), frequency_word),
    Rule(
        "every",
        compile_rule(
            rf"(?:every|each)\s+(?:other\s+)?(?:(?P<num>{NUMBER})\s+)?"
            rf"(?P<what>{WEEKDAY}|{PART}|{UNIT}|{SEASON}|weekend|{MONTH})"
        ),
        every,
    ),
    Rule(
        "times_per",
        compile_rule(rf"(?:once|twice|{NUMBER}\s+times)\s+(?:a|an|per|each|every)\s+(?P<unit>{UNIT})"),
        times_per,
    ),
)


def _words(*groups: object) -> frozenset[str]:
    """The word forms (lower case, split at non-letters) of keys of tables or strings."""
    found: set[str] = set()
    for group in groups:
        for key in group if isinstance(group, (dict, set, frozenset, list, tuple)) else [group]:
            found.update(w for w in re.split(r"[^a-z0-9]+", str(key).lower()) if w)
    return frozenset(found)


_MONTH_TRIGGERS = _words(MONTHS, UNDOTTED_ABBREVIATIONS)
# Words one of which must occur in a text for a rule to be tried at all: a cheap pre-filter that
# skips most rules on most texts. Rules not listed (numbers, years, clock times) always run.
TRIGGERS: dict[str, frozenset[str]] = {
    "month_day": _MONTH_TRIGGERS,
    "day_month": _MONTH_TRIGGERS,
    "month_year": _MONTH_TRIGGERS,
    "month": _MONTH_TRIGGERS,
    "fiscal": _words("fiscal fy"),
    "century": _words("century"),
    "dayword": _words("today tonight yesterday tomorrow overnight night morning afternoon evening day"),
    "weekday": _words(WEEKDAYS),
    "part_of_day": _words("morning afternoon evening"),
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
    "the_plural": _words("days weeks months years decades"),
    "ago": _words("ago earlier now hence"),
    "reference": _words(REFERENCE_WORDS),
    "frequency": _words(FREQUENCY_WORDS),
    "every": _words("every each"),
    "times_per": _words("times once twice"),
}
