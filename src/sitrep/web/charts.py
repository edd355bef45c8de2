"""Server-rendered SVG charts: they need no script, and every label is escaped text.

A sparkline of reports per day (actor, outlet and place pages) and the place timeline:
one band per control-claim period, coloured by its derived status, over a strip of event
ticks, on one time axis.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, timedelta

from markupsafe import Markup, escape

from sitrep.corpus.records import Record
from sitrep.corpus.views import Period

STATUS_COLOURS = (  # the first word found in a derived status picks its colour
    ("captured", "#c62828"),
    ("contested", "#ef6c00"),
    ("advancing", "#f9a825"),
    ("holds", "#2e7d32"),
)
UNCLEAR = "#9e9e9e"


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def status_colour(status: str) -> str:
    return next((colour for word, colour in STATUS_COLOURS if word in status), UNCLEAR)


def sparkline(records: list[Record], width: int = 640, height: int = 56) -> Markup:
    """Reports per day as bars, first to last dated day; an empty string when nothing is dated."""
    days = Counter(d for r in records if (d := _day(r.earliest)) is not None)
    if not days:
        return Markup("")
    first, last = min(days), max(days)
    span = max(1, (last - first).days + 1)
    top = max(days.values())
    bar = width / span
    bars = []
    for day, n in sorted(days.items()):
        h = max(2.0, (height - 14) * n / top)
        x = (day - first).days * bar
        bars.append(
            f'<rect x="{x:.1f}" y="{height - 14 - h:.1f}" width="{max(1.0, bar - 1):.1f}" height="{h:.1f}">'
            f"<title>{escape(day.isoformat())}: {n}</title></rect>"
        )
    label = f"{sum(days.values())} dated reports, {first.isoformat()} to {last.isoformat()}"
    return Markup(
        f'<svg class="sparkline" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(label)}">'
        f'{"".join(bars)}<text x="0" y="{height - 2}">{escape(first.isoformat())}</text>'
        f'<text x="{width}" y="{height - 2}" text-anchor="end">{escape(last.isoformat())}</text></svg>'
    )


def place_timeline(periods: list[Period], records: list[Record], width: int = 900) -> Markup:
    """Status bands of the control-claim periods above ticks of the events, on one time axis."""
    spans = [(a, _day(p.latest) or a, p) for p in periods if (a := _day(p.earliest)) is not None]
    ticks = [(d, r) for r in records if r.kind == "event" and (d := _day(r.earliest)) is not None]
    all_days = [d for a, b, _ in spans for d in (a, b)] + [d for d, _ in ticks]
    if not all_days:
        return Markup("")
    first, last = min(all_days), max(all_days) + timedelta(days=1)
    scale = width / max(1, (last - first).days)

    def x(day: date) -> float:
        return (day - first).days * scale

    parts = []
    for a, b, period in spans:
        status = period.derived
        parts.append(
            f'<rect class="band" x="{x(a):.1f}" y="4" width="{max(3.0, x(b + timedelta(days=1)) - x(a)):.1f}" '
            f'height="28" fill="{status_colour(status)}"><title>{escape(a.isoformat())} – '
            f"{escape(b.isoformat())}: {escape(status)} ({period.total} claims)</title></rect>"
        )
    by_day: dict[date, Counter[str]] = defaultdict(Counter)  # one tick a day: a busy region has thousands
    for day, r in ticks:
        by_day[day][r.what] += 1
    for day, whats in sorted(by_day.items()):
        total = sum(whats.values())
        said = "; ".join(f"{what} ×{n}" if n > 1 else what for what, n in whats.most_common(3))
        more = f"; {len(whats) - 3} more kinds" if len(whats) > 3 else ""
        parts.append(
            f'<line class="tick" x1="{x(day):.1f}" x2="{x(day):.1f}" y1="40" y2="62">'
            f"<title>{escape(day.isoformat())}: {total} event{'s' if total > 1 else ''} — {escape(said)}{more}"
            "</title></line>"
        )
    legend = "".join(
        f'<tspan fill="{colour}">■</tspan> {word} ' for word, colour in (*STATUS_COLOURS, ("unclear", UNCLEAR))
    )
    label = f"control status and events from {first.isoformat()} to {(last - timedelta(days=1)).isoformat()}"
    return Markup(
        f'<svg class="timeline-chart" viewBox="0 0 {width} 96" role="img" aria-label="{escape(label)}">'
        f'{"".join(parts)}<text x="0" y="78">{escape(first.isoformat())}</text>'
        f'<text x="{width}" y="78" text-anchor="end">{escape((last - timedelta(days=1)).isoformat())}</text>'
        f'<text x="0" y="94" class="legend">{legend} · ticks: events</text></svg>'
    )
