"""Finding time expressions in text: run the grammar, keep leftmost-longest, add mods and ranges."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from sitrep.temporal.grammar import RULES, TRIGGERS, Rule
from sitrep.temporal.lexicon import APPROX_MODS, POSITION_MODS, alternation
from sitrep.temporal.reading import Reading


@dataclass(frozen=True)
class TimexMatch:
    """One recognised expression: character offsets, the rule that matched, its meaning."""

    start: int
    end: int
    rule: str
    reading: Reading


# A prefix modifier directly before an expression ("early", "mid-", "about", "more than").
_POSITION_PREFIX = re.compile(rf"(?<![\w-])(?P<mod>{alternation(POSITION_MODS)})(?:\s+|-|(?<=-))$", re.IGNORECASE)
_APPROX_PREFIX = re.compile(rf"(?<![\w-])(?P<mod>{alternation(APPROX_MODS)})\s+$", re.IGNORECASE)
# "around Nov. 1", "around 7:15 p.m.": a point in time given approximately. Only unambiguous words:
# "about" before a date is mostly the preposition ("asked about Monday's attack").
_AROUND_PREFIX = re.compile(r"(?<![\w-])(?P<mod>around|approximately|roughly)\s+$", re.IGNORECASE)
_POINT_RULES = frozenset({"month_day", "day_month", "clock", "numeric_date", "year_end"})
# A bare day number continuing a range after a month-day date: "March 1-5", "March 1 and 5".
_RANGE_TAIL = re.compile(
    r"(?P<sep>\s*(?:-|–|—|to|and|through|until|till|or)\s*)(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    r"(?![\w%:.,]\d|\d|\s*(?:%|percent|per\s*cent|[ap]\.?m\b|a\.m|p\.m))"
)
# A bare day number opening a range before a day-month date: "1-2 March", "between 3 and 5 May".
_RANGE_HEAD = re.compile(r"(?<![\d,.])(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s*(?:-|–|—|to|and|until|till)\s*$")
# Words that make a bare year a quantity or a label rather than a date.
_NOT_A_YEAR_AFTER = re.compile(
    r"\s*(?:people|persons|troops|soldiers|men|women|children|civilians|dollars|euros|rubles|hryvnias|tons"
    r"|tonnes|km|kilometers|kilometres|miles|meters|metres|feet|votes|pounds|shares|barrels|units|cases"
    r"|years|months|weeks|days|hours|decades|centuries)\b",
    re.IGNORECASE,
)


_WORD = re.compile(r"[^\W_]+")
_LETTERS = re.compile(r"[a-z]+")


class Recognizer:
    """Compiled once; ``find(text)`` returns the expressions in text order.

    Speed: every match starts at a word, and the first word of a match is made of
    letters that occur in its rule's pattern (or of digits). So each rule is tried
    only at the word starts whose leading letters its pattern contains, instead of
    being scanned over every character.
    """

    def __init__(self, rules: tuple[Rule, ...] = RULES) -> None:
        self.rules = rules
        self.first_words = {rule.name: frozenset(_LETTERS.findall(rule.pattern.pattern.lower())) for rule in rules}

    def find(self, text: str) -> list[TimexMatch]:
        starts_by_word: dict[str, list[int]] = {}
        numeric_starts: list[int] = []
        for word in _WORD.finditer(text):
            letters = _LETTERS.match(word[0].lower())
            if letters is None:
                numeric_starts.append(word.start())
                if word.start() and text[word.start() - 1] in "'’":
                    numeric_starts.append(word.start() - 1)  # "'90s"
            else:
                starts_by_word.setdefault(letters[0], []).append(word.start())
        words = frozenset(starts_by_word)
        candidates: list[TimexMatch] = []
        for rule in self.rules:
            triggers = TRIGGERS.get(rule.name)
            if triggers is not None and triggers.isdisjoint(words):
                continue
            positions = list(numeric_starts)
            for first in self.first_words[rule.name] & words:
                positions += starts_by_word[first]
            for position in sorted(positions):
                match = rule.pattern.match(text, position)
                if match is None or match.end() == match.start():
                    continue
                reading = rule.handler(match)
                if reading is None:
                    continue
                if rule.name == "year" and _NOT_A_YEAR_AFTER.match(text, match.end()):
                    continue
                start, end = match.span(rule.extent or 0)
                candidates.append(TimexMatch(start, end, rule.name, reading))
        chosen = _leftmost_longest(candidates)
        chosen = [_with_prefix_mod(text, found) for found in chosen]
        return _add_range_ends(text, chosen)


def _leftmost_longest(candidates: list[TimexMatch]) -> list[TimexMatch]:
    order = {rule.name: i for i, rule in enumerate(RULES)}
    candidates.sort(key=lambda f: (f.start, -(f.end - f.start), order.get(f.rule, 99)))
    chosen: list[TimexMatch] = []
    end = -1
    for found in candidates:
        if found.start >= end:
            chosen.append(found)
            end = found.end
        elif chosen and found.end > chosen[-1].end and found.start < end:
            continue
    return chosen


def _with_prefix_mod(text: str, found: TimexMatch) -> TimexMatch:
    reading = found.reading
    before = text[max(0, found.start - 30) : found.start]
    if "position" in reading.mod_kinds and reading.mod is None:
        match = _POSITION_PREFIX.search(before)
        if match is not None:
            mod = POSITION_MODS[re.sub(r"\s+", " ", match["mod"].lower())]
            return replace(found, start=found.start - (len(before) - match.start()), reading=reading.with_mod(mod))
    if "approx" in reading.mod_kinds and reading.mod is None:
        match = _APPROX_PREFIX.search(before)
        if match is not None:
            mod = APPROX_MODS[re.sub(r"\s+", " ", match["mod"].lower())]
            return replace(found, start=found.start - (len(before) - match.start()), reading=reading.with_mod(mod))
    if (
        reading.type in {"DATE", "TIME"}
        and reading.mod is None
        and (reading.resolve is not None or found.rule in _POINT_RULES)
    ):
        match = _AROUND_PREFIX.search(before)
        if match is not None and text[found.end : found.end + 2] not in {"'s", "’s"}:  # "get around Monday's ruling"
            return replace(found, start=found.start - (len(before) - match.start()), reading=reading.with_mod("APPROX"))
    return found


def _add_range_ends(text: str, chosen: list[TimexMatch]) -> list[TimexMatch]:
    """The bare day numbers of ranges: "March 1-5", "March 1 and 5" (after), "1-2 March" (before)."""
    result: list[TimexMatch] = []
    for i, found in enumerate(chosen):
        extend = found.reading.extend
        if extend is None or found.rule not in {"month_day", "day_month"}:
            result.append(found)
            continue
        previous_end = result[-1].end if result else 0
        head = _RANGE_HEAD.search(text, max(previous_end, found.start - 12), found.start)
        if found.rule == "day_month" and head is not None:
            result.append(TimexMatch(head.start("day"), head.end("day"), "range_start", extend(int(head["day"]))))
        result.append(found)
        tail = _RANGE_TAIL.match(text, found.end)
        if found.rule != "month_day" or tail is None:
            continue
        next_start = chosen[i + 1].start if i + 1 < len(chosen) else len(text)
        if tail.start("day") >= next_start:
            continue
        result.append(TimexMatch(tail.start("day"), tail.end(), "range_end", extend(int(tail["day"]))))
    return result
