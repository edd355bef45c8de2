"""Publication times as intervals: absolute datelines and "2 months ago" stamps.

Rounding rule for relative stamps: sites render elapsed time *rounded* to the
nearest unit (moment.js, Django's ``timesince`` and most CMS widgets do), so
"N units ago" seen at capture time C means the elapsed time lies in
[N - 1/2, N + 1/2] units: the interval is [C - (N + 1/2) u, C - (N - 1/2) u],
one unit wide ("2 months ago" captured 2023-05-25 → 2023-03-09 … 2023-04-09).
Without a capture time the words are kept and nothing is invented.
"""

from __future__ import annotations

import re
import warnings
from datetime import date, datetime, timedelta

from dateutil import parser as dateparser

from sitrep.model import Granularity, Interval

_UNIT_DAYS: dict[str, float] = {
    "second": 1 / 86400,
    "minute": 1 / 1440,
    "hour": 1 / 24,
    "day": 1.0,
    "week": 7.0,
    "month": 30.436875,
    "year": 365.2425,
}
_WORD_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
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
}
_AGO = re.compile(
    r"^(?:about\s+|around\s+|over\s+|almost\s+)?(?P<n>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve)\s+(?P<unit>sec(?:ond)?|min(?:ute)?|hour|hr|day|week|wk|month|mo|year|yr)s?\.?\s+ago$",
    re.IGNORECASE,
)
_UNIT_ALIASES = {"sec": "second", "min": "minute", "hr": "hour", "wk": "week", "mo": "month", "yr": "year"}
_SINCE_CAPTURE = {"today": 0, "yesterday": 1, "just now": 0}
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
# An English month's name or abbreviation, whole ("March", "Sept."; not "Marsicano", "Decision").
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_MONTH_WORD = re.compile(rf"\b{_MONTHS}\b\.?", re.IGNORECASE)
# "Anna Berg19.10.2019" too: a flattener glues a date to the name before it
_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{4})\b")
# Month names of the languages whose pages the text-dump extractor reads (German, French, Spanish, Italian,
# Portuguese, Dutch, Polish in the genitive of dates) and their unambiguous abbreviations, by month: "7. März
# 2022, 08:41 Uhr", "01. Dez. 2017", "11 lipca 2020".
_FOREIGN_MONTH_NAMES: tuple[tuple[str, ...], ...] = (
    ("januar", "jänner", "jän", "janvier", "janv", "enero", "gennaio", "janeiro", "januari", "stycznia"),
    ("februar", "février", "févr", "febrero", "febbraio", "fevereiro", "februari", "lutego"),
    ("märz", "mär", "mars", "mrt", "marzo", "março", "maart", "marca"),
    ("avril", "avr", "abril", "aprile", "kwietnia"),
    ("mai", "mayo", "maggio", "maio", "mei", "maja"),
    ("juni", "juin", "junio", "giugno", "junho", "czerwca"),
    ("juli", "juillet", "juil", "julio", "luglio", "julho", "lipca"),
    ("août", "agosto", "augustus", "sierpnia"),
    ("septembre", "septiembre", "setiembre", "settembre", "setembro", "września"),
    ("oktober", "okt", "octobre", "octubre", "ottobre", "outubro", "października"),
    ("novembre", "noviembre", "novembro", "listopada"),
    ("dezember", "dez", "décembre", "déc", "diciembre", "dic", "dicembre", "dezembro", "grudnia"),
)
_FOREIGN_MONTHS = {name: month for month, names in enumerate(_FOREIGN_MONTH_NAMES, 1) for name in names}
_ENGLISH_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# Date connectives and clock words of the same languages ("de", "del", "à", "um ... Uhr", "klo", "godz").
_FOREIGN_DATE_WORDS = frozenset(("uhr", "del", "de", "à", "às", "alle", "ore", "h", "klo", "godz", "r"))


def parse_timestamp(value: str) -> datetime:
    """An ISO 8601 date or date-time (``2023-05-25``, ``2023-05-25T10:00Z``), naive UTC."""
    text = value.strip().replace("Z", "+00:00")
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"not an ISO 8601 date or date-time: {value!r}") from None
    if parsed.tzinfo is not None:
        parsed = (parsed - parsed.utcoffset()).replace(tzinfo=None)  # type: ignore[operator]
    return parsed


def is_relative_stamp(text: str) -> bool:
    stamp = text.strip().lower()
    return bool(_AGO.match(stamp)) or stamp in _SINCE_CAPTURE


# "N units ago" in the languages of the stop-word lists, anywhere in a line ("Aktualisiert: vor 30 Minuten").
_AGO_ANYWHERE = re.compile(
    r"\b\d+\s+(?:sec(?:ond)?|min(?:ute)?|hour|hr|day|week|month|year)s?\s+ago\b"
    r"|\bvor\s+(?:\d+|einer?|zwei|drei)\s+(?:sekunden?|minuten?|stunden?|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?)\b"
    r"|\bh(?:ace|á)\s+\d+\s+(?:segundos?|minutos?|horas?|d[ií]as?|semanas?|mes(?:es)?|años?|anos?)\b"
    r"|\bil y a\s+\d+\s+(?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans?)\b"
    r"|\b\d+\s+(?:secondi|minuti|ore|giorni|settimane|mesi|anni)\s+fa\b"
    r"|\b\d+\s+(?:sekund[y]?|minut[y]?|godzin[y]?|dni|tygodni[e]?|miesięcy|lat[a]?)\s+temu\b"
    r"|\b\d+\s+(?:seconden|minuten|uur|dagen|weken|maanden|jaar)\s+geleden\b",
    re.IGNORECASE,
)


def mentions_relative_time(text: str) -> bool:
    """A relative time stamp anywhere in the text ("Updated: 2 hours ago", "vor 30 Minuten", "hace 3 horas")."""
    return bool(_AGO_ANYWHERE.search(text))


def resolve_relative(text: str, captured_at: datetime | None) -> Interval | None:
    """Resolve "N units ago" / "yesterday" against the capture time (see module doc)."""
    stamp = text.strip()
    lowered = stamp.lower()
    if lowered in _SINCE_CAPTURE:
        if captured_at is None:
            return Interval(text=stamp, granularity="day")
        day = captured_at.date() - timedelta(days=_SINCE_CAPTURE[lowered])
        return Interval(earliest=day.isoformat(), latest=day.isoformat(), granularity="day", text=stamp)
    match = _AGO.match(lowered)
    if not match:
        return None
    unit = match["unit"].lower()
    unit = _UNIT_ALIASES.get(unit, unit)
    granularity: Granularity = unit if unit in ("minute", "hour", "day", "week", "month", "year") else "second"  # type: ignore[assignment]
    if captured_at is None:
        return Interval(text=stamp, granularity=granularity)
    n = match["n"]
    count = int(n) if n.isdigit() else _WORD_NUMBERS[n]
    days = _UNIT_DAYS[unit]
    earliest = captured_at - timedelta(days=(count + 0.5) * days)
    latest = captured_at - timedelta(days=max(count - 0.5, 0) * days)
    if days >= 1:
        return Interval(
            earliest=earliest.date().isoformat(), latest=latest.date().isoformat(), granularity=granularity, text=stamp
        )
    return Interval(
        earliest=earliest.isoformat(timespec="seconds"),
        latest=latest.isoformat(timespec="seconds"),
        granularity=granularity,
        text=stamp,
    )


_DATE_WORDS = re.compile(
    r"^(?:\d{1,4}(?:st|nd|rd|th)?|\d{1,2}[:.]\d{2}(?:[:.]\d{2})?|\d{4}-\d{1,2}-\d{1,2}(?:t[\d:.z+-]*)?|"
    r"\d{1,2}[./]\d{1,2}[./]\d{2,4}|[ap]\.?m\.?|[a-z]{1,4}t|utc|gmt|z|"
    rf"{_MONTHS}|"
    r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?|tuesday|wednesday|thursday|saturday|"
    r"updated|published|posted|modified|last|on|at|date|time|am|pm|de|le|den|am|um)$"
)


def looks_like_dateline(text: str) -> bool:
    """A short line made mostly of date words, with a year ("Updated 10:45 AM ET, Thu March 30, 2023")."""
    words = [w.strip(",.;:|()[]•·-").lower() for w in text.split()]
    words = [w for w in words if w]
    if not 1 <= len(words) <= 14 or not _YEAR.search(text):
        return False
    foreign_month = any(w in _FOREIGN_MONTHS for w in words)
    if not (_MONTH_WORD.search(text) or _NUMERIC_DATE.search(text) or foreign_month):
        return False
    date_words = sum(1 for w in words if _DATE_WORDS.match(w) or w in _FOREIGN_MONTHS or w in _FOREIGN_DATE_WORDS)
    return date_words >= 0.6 * len(words)


_SEGMENT_SEPARATOR = re.compile(r"\s+[|•·]\s+")


def has_date_segment(text: str) -> bool:
    """One of the line's ``|``- or ``•``-separated parts is a date line of its own ("Anna Berg | 29. Dezember
    2022 | Wirtschaft"): a byline's or a teaser's stamp. A headline may name a date, never as a part alone."""
    parts = _SEGMENT_SEPARATOR.split(text)
    return len(parts) >= 2 and any(looks_like_dateline(part) for part in parts)


def names_a_date(text: str) -> bool:
    """A full calendar date anywhere in the text ("Clara Vogt, Genf 03.02.2021, 07:15")."""
    if _NUMERIC_DATE.search(text):
        return True
    if not _YEAR.search(text):
        return False
    words = [w.strip(",.;:|()[]•·-").lower() for w in text.split()]
    return bool(_MONTH_WORD.search(text)) or any(w in _FOREIGN_MONTHS for w in words)


def date_start(text: str) -> int | None:
    """Where the calendar date the text names begins ("Ana Ruiz on July 27, 2017" → 12, "Anna Berg
    19.10.2019" → 10, "Jo Tresk, 3. März 2024" → 10), or None when it names none."""
    if not names_a_date(text):
        return None
    starts = [m.start() for m in (_NUMERIC_DATE.search(text), _MONTH_WORD.search(text)) if m]
    starts += [
        m.start() for m in re.finditer(r"\S+", text) if m.group().strip(",.;:|()[]•·-").lower() in _FOREIGN_MONTHS
    ]
    if not starts:
        return None
    first = min(starts)
    day = re.search(r"\b\d{1,2}\.?(?:\s+de)?\s*$", text[:first])  # the day before it: "27. Januar", "3 de mayo"
    return day.start() if day else first


def date_shape(text: str) -> str:
    """A date line's layout with names left out: "3. Anna Berg 28.05.2019 // 08:07" → "0.0.0 0:0",
    "Posted March 3, 2019 at 5:00 pm" → "M 0 0 0:0". A leading list number is dropped, so the lines
    that stamp the entries of one list share a shape."""
    shape = []
    for k, word in enumerate(text.split()):
        token = word.strip(",;|()[]•·")
        if k == 0 and re.fullmatch(r"\d+[.)]", token):
            continue  # "3." numbering a comment
        if any(ch.isdigit() for ch in token):
            shape.append(re.sub(r"\d+", "0", token.rstrip(".")))
        elif _MONTH_WORD.fullmatch(token) or token.lower().rstrip(".") in _FOREIGN_MONTHS:
            shape.append("M")
    return " ".join(shape)


def parse_dateline(text: str) -> Interval | None:
    """ "Published March 30, 2023 10:05 ET" → the day 2023-03-30 (day precision is what we trust)."""
    if not looks_like_dateline(text):
        return None
    # dateutil knows English month names only: "11 lipca 2020" would be misread, so translate first.
    english = " ".join(
        _ENGLISH_MONTHS[_FOREIGN_MONTHS[key] - 1] if (key := w.strip(",.").lower()) in _FOREIGN_MONTHS else w
        for w in text.split()
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # unknown zone names ("ET") are fine: we keep the day
            parsed = dateparser.parse(english, fuzzy=True, default=datetime(1900, 1, 1), dayfirst=english != text)
    except (ValueError, OverflowError):
        return None
    if parsed is None or parsed.year == 1900:
        return None
    return day_interval(parsed.date(), text.strip())


def day_interval(day: date, text: str | None = None) -> Interval:
    return Interval(earliest=day.isoformat(), latest=day.isoformat(), granularity="day", text=text)


def resolve(text: str, captured_at: datetime | None) -> Interval | None:
    """Either kind of stamp: relative first, then an absolute dateline."""
    return resolve_relative(text, captured_at) or parse_dateline(text)
