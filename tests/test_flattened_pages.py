"""One invented page, printed the ways users' tools print it: the article must come out the same from each.

The renderings imitate the tools' real habits (w3m wraps at the width it is given
and indents nothing; elinks and lynx indent three spaces and number links; lynx
appends a reference list; Markdown converters keep ``[text](url)``; a browser's
copy puts one block per line; old html2text frames headings in asterisks), so
a wrap width, a link style or a list marker that only one tool uses cannot be
what makes the test pass.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable

import pytest

from sitrep.extract import extract
from sitrep.extract.textdump import extract_textdump
from sitrep.sources import Origin, RawDoc

TITLE = "Council backs new flood barriers for the old harbour district"
BYLINE = "By Ines Varga"
DATE = "March 3, 2024"
PARAGRAPHS = [
    "The city council voted on Tuesday to build a chain of movable flood barriers along the old harbour, "
    "after two winters in which storm surges reached the doors of the market hall and closed the ferry pier "
    "for more than a week.",
    "Engineers told the council that the barriers would rise from the quay when the tide gauge passes a set "
    "mark, and that the first section could be in place before the autumn storms if the contracts are signed "
    "in the spring.",
    "Shop owners in the district welcomed the vote but asked for the building work to be done at night, "
    "saying that another season of closed streets would cost them more than the floods had.",
    "The council will publish the full plans next month and hold two public meetings in the market hall "
    "before the final design is approved.",
]
MENU = ["Home", "News", "Local", "Business", "Sport", "Culture", "Weather", "Podcasts"]
TEASERS = ["Ferry timetable changes for the summer", "Market hall reopens after repairs", "New cycle lane on the quay"]
FOOTER = ["About us", "Contact", "Privacy policy", "Terms of use", "Advertise", "Careers"]
Page = Callable[[], str]


def _wrap(text: str, width: int | None, indent: str = "") -> list[str]:
    if width is None:
        return [indent + text]
    return textwrap.wrap(text, width=width - len(indent), initial_indent=indent, subsequent_indent=indent)


def text_browser(width: int | None, indent: str = "", numbered: bool = False, references: bool = False) -> str:
    """w3m (no indent, no numbers), elinks/lynx (three-space indent, ``[n]`` before links, a reference list)."""
    counter = iter(range(1, 1000))

    def link(label: str) -> str:
        return f"[{next(counter)}]{label}" if numbered else label

    lines = [indent + link(item) for item in MENU] + [""]
    lines += [*_wrap(TITLE, width, indent), "", indent + BYLINE, indent + DATE, ""]
    for paragraph in PARAGRAPHS:
        lines += [*_wrap(paragraph, width, indent), ""]
    lines += [indent + "Related", *(f"{indent}  * {link(t)}" for t in TEASERS), ""]
    lines += [indent + link(item) for item in FOOTER]
    if references:
        lines += ["", "References", ""]
        lines += [f"{n:>4}. https://news.example.org/{n}/a-long-path-that-no-wrap-could-break" for n in range(1, 18)]
    return "\n".join(lines) + "\n"


def markdown(width: int | None) -> str:
    """html2text's Markdown: links with their URLs, a ``#`` headline, ``*`` list items, wrapped at ``width``."""

    def link(label: str) -> str:
        return f"[{label}](https://news.example.org/{label.lower().replace(' ', '-')})"

    blocks = ["\n".join(f"  * {link(item)}" for item in MENU), f"# {TITLE}", BYLINE, DATE]
    blocks += ["\n".join(_wrap(p.replace("storm surges", link("storm surges")), width)) for p in PARAGRAPHS]
    blocks += ["## Related", "\n".join(f"  * {link(t)}" for t in TEASERS)]
    blocks += ["\n".join(f"  * {link(item)}" for item in FOOTER)]
    return "\n\n".join(blocks) + "\n"


def inner_text(blank_lines: bool) -> str:
    """A browser's select-all copy (one block per line) or a scraper's text field (blank lines between)."""
    blocks = [*MENU, TITLE, BYLINE, DATE, *PARAGRAPHS, "Related", *TEASERS, *FOOTER]
    return ("\n\n" if blank_lines else "\n").join(blocks) + "\n"


def old_html2text() -> str:
    """html2text 1.x: headings framed in asterisks, a link's words joined by underscores, no blank lines."""
    lines = ["_".join(item.split()) for item in MENU]
    lines += [f"****** {TITLE} ******", BYLINE, DATE]
    for paragraph in PARAGRAPHS:
        lines += _wrap(paragraph, 79)
    lines += ["***** Related *****", *("_".join(t.split()) for t in TEASERS), *("_".join(f.split()) for f in FOOTER)]
    return "\n".join(lines) + "\n"


RENDERINGS: dict[str, Page] = {
    "w3m-60": lambda: text_browser(60),
    "w3m-80": lambda: text_browser(80),
    "w3m-200": lambda: text_browser(200),
    "w3m-unwrapped": lambda: text_browser(None),
    "lynx-80-references": lambda: text_browser(80, "   ", numbered=True, references=True),
    "elinks-130": lambda: text_browser(130, "   ", numbered=True),
    "markdown-78": lambda: markdown(78),
    "markdown-unwrapped": lambda: markdown(None),
    "innertext": lambda: inner_text(blank_lines=False),
    "scraper": lambda: inner_text(blank_lines=True),
    "html2text-1": old_html2text,
}


# Wrapped with no blank line between paragraphs, a full last line cannot be told from a wrapped one: the words
# must all come out, in order, but where one paragraph ends is lost with the tool's output.
NO_PARAGRAPH_BREAKS = {"html2text-1"}


@pytest.mark.parametrize("name", RENDERINGS)
def test_every_rendering_gives_the_same_article(name: str) -> None:
    dump = RENDERINGS[name]()
    source, article = extract(RawDoc(Origin(f"{name}.txt"), dump.encode("utf-8")))
    assert source.kind == "textdump", source.kind_reason
    assert source.kind_reason and source.kind_reason.startswith("flattened page: ")
    assert article.title == TITLE
    assert article.byline == BYLINE
    assert article.published is not None and article.published.earliest == "2024-03-03"
    if name in NO_PARAGRAPH_BREAKS:
        assert article.body.split() == " ".join(PARAGRAPHS).split()
    else:
        assert article.body.split("\n\n") == PARAGRAPHS


def test_a_paragraph_start_is_not_swallowed_by_the_line_above_it() -> None:
    """At 200 columns a paragraph's last line can be long; the next paragraph must still start on its own."""
    dump = text_browser(200)
    first_paragraph_end = PARAGRAPHS[0].split()[-6:]
    assert " ".join(first_paragraph_end) in dump  # the case arises: a long last line
    _, article = extract(RawDoc(Origin("w3m-200.txt"), dump.encode("utf-8")))
    assert [p[:40] for p in article.body.split("\n\n")] == [p[:40] for p in PARAGRAPHS]


def test_a_headline_below_the_byline_is_the_title_when_the_page_title_printed_it_first() -> None:
    """Some pages put the byline and date above the headline, and the headline may share one word with the
    story; the page's <title>, which a text browser prints at the top, vouches for it."""
    headline = "A Wall for the Harbour, at Last"
    lines = ["Skip to main content", headline, *MENU, "", BYLINE, DATE, "", headline, ""]
    lines += [line for paragraph in PARAGRAPHS for line in [*_wrap(paragraph, 80), ""]]
    lines += ["Related", *(f"  * {t}" for t in TEASERS), "", *FOOTER]
    _, article = extract(RawDoc(Origin("w3m.txt"), ("\n".join(lines) + "\n").encode("utf-8")))
    assert article.title == headline
    # a site's slogan printed at the top and again above the story is no headline
    slogan = "Your harbour news"
    lines = [slogan, *MENU, "", slogan, ""] + [line for p in PARAGRAPHS for line in [*_wrap(p, 80), ""]] + FOOTER
    _, article = extract(RawDoc(Origin("w3m.txt"), ("\n".join(lines) + "\n").encode("utf-8")))
    assert article.title != slogan


def test_a_crumb_trail_printed_as_a_list_ends_in_the_headline() -> None:
    # links prints neither the page's <title> nor its headline apart: the trail's last item, right above
    # the date, is the story's headline.
    menu = "\n".join(f"     * {name}" for name in ("Home", "News", "Sport", "Letters", "Features", "Contact"))
    body = textwrap.fill(
        "Police in the river district are trying to explain how a fisherman went missing on Tuesday near "
        "the old ferry landing. His brother said the fisherman had left home at dawn with his boat and "
        "nets, as he had done every day for thirty years, and that the family had searched the banks all "
        "night. The police said divers would search the river again on Thursday morning.",
        76,
        initial_indent="   ",
        subsequent_indent="   ",
    )
    dump = f"{menu}\n     * Fisherman missing near old ferry landing\n\n   May 06, 2022 News\n\n{body}\n"
    assert extract_textdump(dump).title == "Fisherman missing near old ferry landing"


def test_a_paragraph_after_an_empty_list_item_is_a_paragraph() -> None:
    # links prints an empty share-button item and the paragraph after it as one: "*  VESSA – ...", the
    # wrapped lines back at the page's margin, not lined up with the item's text.
    menu = "\n".join(f"     * {name}" for name in ("Home", "News", "Sport", "Letters", "PRINT", "SHARE"))
    lead = (
        "VESSA – A total of 6,000 sandbags have gone missing from a depot in Vessa, it was learned on Tuesday. "
        "The harbour police are investigating the loss as a case of theft."
    )
    lines = textwrap.wrap(lead, 74)
    first = f"     *  {lines[0]}\n" + "\n".join(f"   {line}" for line in lines[1:])
    rest = textwrap.fill(
        "The sandbags, worth about 40,000 crowns, had been kept in a shed behind the depot since the floods "
        "of last spring. Workers noticed on Thursday that some of the pallets were empty, and the depot "
        "reported the loss to the police the same afternoon, a spokesman for the town council said.",
        76,
        initial_indent="   ",
        subsequent_indent="   ",
    )
    found = extract_textdump(f"{menu}\n{first}\n\n{rest}\n")
    assert found.paragraphs[0] == lead


def test_the_page_title_is_looked_for_after_the_links_a_browser_prints_before_it() -> None:
    # elinks prints the page's <link> elements and a few numbered links first, then the <title>.
    from sitrep.extract.textdump.lines import norm, split_units
    from sitrep.extract.textdump.options import DEFAULT_OPTIONS
    from sitrep.extract.textdump.pipeline import _page_title

    rels = ["canonical", "amphtml", "preconnect", "preconnect", "dns-prefetch", "preconnect"]
    head = "\n".join(f"   Link: [{i}]{rel}" for i, rel in enumerate(rels, 1))
    links = "\n".join(f"   [{i}]{name}" for i, name in enumerate(["IFrame", "Skip to main content", "Menu"], 7))
    headline = "Winter Promises for the Old Harbour"
    menu = "\n".join(f"     • [{i}]{name}" for i, name in enumerate(["Business", "Culture", "Gear", "Science"], 10))
    units = split_units(f"{head}\n{links}\n   {headline}\n\n{menu}\n")
    assert norm(headline) in _page_title(units, 0, DEFAULT_OPTIONS).keys
