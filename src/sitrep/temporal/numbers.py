"""Counts in time expressions: digits, number words, fractions, and vague counts ("several")."""

from __future__ import annotations

import re

from sitrep.temporal.lexicon import SMALL_NUMBERS, TENS, VAGUE_COUNTS, alternation

_ONES = {k: int(v) for k, v in SMALL_NUMBERS.items() if v == int(v) and 1 <= v <= 9 and " " not in k}
_WORD_NUMBER = (
    rf"(?:(?:{alternation(TENS)})(?:[\s-]+(?:{alternation(k for k in _ONES if k not in {'a', 'an'})}))?"
    rf"|{alternation(k for k in SMALL_NUMBERS if k not in {'half a', 'a half'})})"
)
# A count: "3", "2.5", "1 1/2", "twenty-four", "two and a half", "half an", "several", "a few".
NUMBER = (
    rf"(?:half\s+an?|(?:\d+(?:\.\d+)?(?:\s+1/2)?|{_WORD_NUMBER})(?:\s+and\s+a\s+half)?"
    rf"|{alternation(VAGUE_COUNTS)})"
)


def parse_number(text: str) -> float | None:
    """The value of a count matched by :data:`NUMBER`; None for vague counts ("several")."""
    words = re.sub(r"\s+", " ", text.lower().strip())
    if words in VAGUE_COUNTS:
        return None
    if words.startswith("half a"):
        return 0.5
    extra = 0.0
    if words.endswith(" and a half"):
        words, extra = words[: -len(" and a half")], 0.5
    if words.endswith(" 1/2"):
        words, extra = words[:-4], 0.5
    if re.fullmatch(r"\d+(?:\.\d+)?", words):
        return float(words) + extra
    if words in SMALL_NUMBERS:
        return float(SMALL_NUMBERS[words]) + extra
    parts = re.split(r"[\s-]+", words)
    if parts[0] in TENS:
        total = TENS[parts[0]]
        rest = " ".join(parts[1:])
        if rest and rest in _ONES:
            total += _ONES[rest]
        elif rest:
            return None
        return float(total) + extra
    return None


def format_count(count: float) -> str:
    """``3.0`` -> ``3``, ``2.5`` -> ``2.5``: TIMEX3 values carry no needless decimals."""
    return str(int(count)) if count == int(count) else f"{count:g}"
