"""Icon-font ligatures left in flattened pages ("folder_openRussia", "access_time2 months ago").

Icon fonts render a *word* as a glyph; when a page is flattened the word stays,
glued to the UI text after it. The names come from the Material Symbols
code-point list shipped by the ``material-design-icons`` package (4,000+
names), not from a hand-picked few. What an icon *means* for metadata (a folder
marks a section, a clock marks a time stamp) is a small table of roles.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# Icons whose glyph labels the text after it; everything else is decoration.
ICON_ROLES: dict[str, str] = {
    **dict.fromkeys(
        (
            "folder",
            "folder_open",
            "label",
            "label_outline",
            "category",
            "local_offer",
            "sell",
            "bookmark",
            "bookmark_border",
            "topic",
            "tag",
        ),
        "section",
    ),
    **dict.fromkeys(
        (
            "access_time",
            "access_time_filled",
            "schedule",
            "today",
            "event",
            "date_range",
            "calendar_today",
            "calendar_month",
            "update",
            "history",
            "watch_later",
            "alarm",
        ),
        "time",
    ),
    **dict.fromkeys(
        ("person", "person_outline", "account_circle", "face", "edit", "create", "mode_edit", "draw"), "author"
    ),
}


@dataclass(frozen=True)
class IconHit:
    name: str
    start: int
    end: int
    role: str | None


@lru_cache(maxsize=1)
def icon_names() -> frozenset[str]:
    """All ligature names of the Material Symbols font."""
    path = resources.files("material_design_icons").joinpath("assets/codepoints.json")
    return frozenset(json.loads(path.read_text(encoding="utf-8")))


_LOWER_RUN = re.compile(r"(?<![\w])[a-z][a-z0-9_]+")


def find_icons(line: str) -> list[IconHit]:
    """Icon ligatures in a line: glued to the next word, or an underscore name standing alone.

    A lower-case run at a word start is an icon when its longest icon-name prefix
    is followed by a capital or digit ("starAdd", "access_time2"), or when the
    whole run is an icon name with an underscore, or is the whole line ("menu").
    """
    names = icon_names()
    hits: list[IconHit] = []
    for match in _LOWER_RUN.finditer(line):
        run = match.group(0)
        for cut in range(len(run), 2, -1):
            name = run[:cut]
            if name not in names:
                continue
            after = match.start() + cut
            rest = line[after:]
            glued = bool(rest) and (rest[0].isupper() or rest[0].isdigit())
            standalone = (not rest or rest[0].isspace()) and cut == len(run)
            if glued or (standalone and ("_" in name or line.strip() == name)):
                hits.append(IconHit(name, match.start(), after, ICON_ROLES.get(name)))
            break
    return hits


def split_icons(line: str) -> list[tuple[str | None, str]]:
    """Split a line at icon ligatures into ``(icon or None, text)`` pieces.

    ``"folder_openRussia access_time2 months ago"`` →
    ``[("folder_open", "Russia"), ("access_time", "2 months ago")]``.
    """
    hits = find_icons(line)
    if not hits:
        return [(None, line.strip())]
    pieces: list[tuple[str | None, str]] = []
    if line[: hits[0].start].strip():
        pieces.append((None, line[: hits[0].start].strip()))
    for hit, following in zip(hits, [*hits[1:], None], strict=True):
        end = following.start if following else len(line)
        pieces.append((hit.name, line[hit.end : end].strip()))
    return pieces
