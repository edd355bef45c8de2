"""How a dump's lines become units: invisible characters a browser's copy keeps, and a wrap width read past
rows that print two table cells side by side."""

from __future__ import annotations

import textwrap

from sitrep.extract import detect_kind
from sitrep.extract.textdump.lines import split_units
from sitrep.extract.textdump.pipeline import extract_textdump
from sitrep.sources import Origin, RawDoc


def test_soft_hyphens_a_browser_copy_keeps_are_not_text() -> None:
    """A page hyphenated with soft hyphens (U+00AD) shows none of them; a browser's copy keeps them all."""
    hyphenated = "Die Win\u00adzer im Tal ern\u00adten die Trau\u00adben in die\u00adsem Jahr frü\u00adher als sonst."
    menu = "\n".join(["Startseite", "Weine", "Regionen", "Kontakt", "Suche", "Anmelden"])
    second = "Der Re\u00adgen im Au\u00adgust hat den Reb\u00adstö\u00adcken an den Hän\u00adgen gut getan."
    dump = extract_textdump(f"{menu}\n\n{hyphenated}\n\n{second}\n")
    assert "Der Regen im August hat den Rebstöcken an den Hängen gut getan." in dump.paragraphs
    assert not any("\u00ad" in text for text in [*dump.paragraphs, dump.title or ""])


def test_rows_printing_two_cells_side_by_side_do_not_hide_the_pages_own_wrap() -> None:
    """A page whose story starts in a table (a sidebar cell beside it, then the story's column indented past the
    sidebar) and goes on below it at the page's width: the rows that print both cells run past the page's
    wrap width, and the page's own lines are still re-joined at it."""
    side = ["Issue 72", "Spring 2007", "Price 7.65 euros", "Order now", "Archive", "Contact", "Subscribe", "Imprint"]
    lead = (
        "The village school reopened on Monday after a summer of building work, with two new classrooms, a "
        "kitchen and a garden where the pupils will grow vegetables for their lunch in the coming years."
    )
    column = ["The headmistress said the pupils had waited for the new rooms for three years.", lead]
    lines = []
    for n, text in enumerate(column * 4):
        wrapped = textwrap.wrap(text, 72)
        lines += [f"{side[n % len(side)]:<20}{wrapped[0]}"] + [" " * 20 + rest for rest in wrapped[1:]] + [""]
    story = [
        f"The council paid for most of the work, the mayor said, and the parents' association raised the rest "
        f"with a summer fair and a run through the {name} fields that brought in more money than ever before."
        for name in ("northern", "southern", "eastern", "western", "upper", "lower", "old", "new")
    ]
    for paragraph in story:
        lines += [*textwrap.wrap(paragraph, 79), ""]
    units = [unit.text for unit in split_units("\n".join(lines))]
    assert all(paragraph in units for paragraph in story)


def test_a_copy_with_many_menus_is_a_flattened_page_whatever_stands_above_them() -> None:
    """A browser's copy of a blog whose first lines are a server's warnings (no furniture above the text)
    still shows its menus: many runs of short lines between the prose are a sign of their own."""
    warning = (
        "Strict Standards: Redefining already defined constructor for class db in /www/htdocs/includes/db.php "
        "on line 56"
    )
    post = (
        "We spent a week in the old town by the sea and walked every morning along the harbour, where the "
        "fishing boats come in before the markets open and the cafés put out their first tables."
    )
    menus = [[f"{word} {n}" for word in ("Travel", "Food", "Beaches", "Museums")] for n in range(6)]
    lines = [warning, warning.replace("56", "57")]
    for n, menu in enumerate(menus):
        lines += [*menu, post.replace("week", f"week {n}")]
    text = "\n".join(lines)
    assert detect_kind(RawDoc(Origin("copy.txt"), text.encode()), text).kind == "textdump"
