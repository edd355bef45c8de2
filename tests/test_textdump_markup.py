"""Converter markup is undone before a dump is read, and prose that merely looks like markup is left alone."""

from __future__ import annotations

import textwrap

from sitrep.extract.textdump.markup import as_printed, is_markdown, main_headings, unmark
from sitrep.extract.textdump.pipeline import extract_textdump

LINKS = "\n".join(f"* [Section {i}](https://example.org/s/{i})" for i in range(4))


def test_markdown_links_become_numbered_links_and_soft_breaks_join() -> None:
    text = (
        f"{LINKS}\n\n# Harbour [works](https://example.org/a-very-long-\npath) begin\n\n"
        "The council voted\non Tuesday.\n"
    )
    assert is_markdown(text)
    printed = unmark(text)
    assert "[0]Section 1" in printed
    assert "Harbour [0]works begin" in printed
    assert "The council voted on Tuesday." in printed


def test_a_quotation_wrapped_over_lines_is_one_paragraph_and_a_bare_mark_parts_two() -> None:
    """html2text wraps a blockquote at 78 columns and marks every line: "> " starts a block, but the quoted
    lines of one paragraph are one line of text, and a bare ">" between them ends the paragraph."""
    quote = (
        "The council of the valley has promised the new canals for a decade, and the farmers have waited "
        "for them through three dry summers in a row."
    )
    wrapped = "\n".join(f"> {line}" for line in textwrap.wrap(quote, width=76))
    text = f"{LINKS}\n\nFrom the invitation:\n\n{wrapped}\n>\n> The meeting starts at ten.\n"
    lines = [line.strip() for line in unmark(text).splitlines()]
    assert quote in lines and "The meeting starts at ten." in lines


def test_markdown_hard_breaks_list_items_and_headings_stay_lines() -> None:
    text = f"{LINKS}\n\nBy Ana Ruiz  \nMarch 3, 2024\n\n## Related\n- one item\n- another item\n"
    lines = unmark(text).splitlines()
    assert "By Ana Ruiz" in [line.strip() for line in lines] and "March 3, 2024" in lines
    assert "Related" in lines and "one item" in lines and "another item" in lines


def test_prose_with_brackets_and_underscores_is_not_markup() -> None:
    prose = "The minister [who spoke first] said (twice) that snake_case names are code, like __init__."
    assert not is_markdown(prose)
    assert as_printed(prose) == prose


def test_old_html2text_headings_underscored_links_and_entities() -> None:
    dump = (
        "****** Harbour works begin after\nthe vote ******\n"
        + "\n".join(f"Read_more_{w}" for w in ("news", "sport", "weather", "culture", "travel"))
        + "\nIt&#x27;s done &amp; dusted, she said &quot;today&quot;."
    )
    printed = as_printed(dump).splitlines()
    # the heading stays as printed (asterisks turned to indentation), a paragraph of its own
    assert printed[:4] == ["", "       Harbour works begin after", "the vote", ""]
    assert "Read more news" in printed
    assert printed[-1] == 'It\'s done & dusted, she said "today".'


def test_an_old_html2text_heading_is_its_own_paragraph_and_image_addresses_go() -> None:
    """A byline line right under a heading would fit on the heading's line: the heading still ends there.
    Images printed as their address and links framed in underscores read as a browser prints them."""
    wrapped = textwrap.wrap(STORY.replace("\n\n", " "), 100, break_long_words=False, break_on_hyphens=False)
    links = "\n".join(f"_Read_more_{w}_" for w in ("news", "sport", "weather", "culture", "travel"))
    dump = (
        f"{links}\n****** A Cold Goodbye for Vessa ******\n"
        "[https://img.example.org/a/3f1c9e0d2b7a.jpg?s=96&d=mm]_By_Ana_Ruiz_ March 3, 2024\n"
        + "\n".join(wrapped)
        + "\n"
    )
    found = extract_textdump(dump)
    assert found.title == "A Cold Goodbye for Vessa"
    assert found.byline is not None and found.byline.startswith("By Ana Ruiz")
    assert found.paragraphs and found.paragraphs[0].startswith("Engineers at the Vessa plant")


MENU = "".join(f"  * [Section {n}](/section/{n}/)\n" for n in range(1, 9))
STORY = (
    "Engineers at the Vessa plant switched off the last coal boiler on Tuesday after forty years of service. "
    "The town council said the site would host a battery park by the end of next year, and that the workers "
    "would keep their jobs while the old halls are taken down.\n\n"
    "Residents gathered at the gates to watch the chimney go dark, and the union thanked the crews who kept "
    "the boilers running through three hard winters."
)
DECK = (
    "The plant that heated half of the valley for four decades is closing, and the council has promised a "
    "battery park on the site within a year."
)


def test_the_heading_a_converter_marks_as_the_pages_h1_is_its_title() -> None:
    headline = "A Cold Goodbye for Vessa"  # shares one word with the story: weak on its own
    markdown = f"{MENU}\n[Staff Writer](/author/staff)\n\n# {headline}\n\n{DECK}\n\n{STORY}\n\n{MENU}"
    assert main_headings(markdown) == {headline.casefold()}
    assert extract_textdump(markdown).title == headline
    starred = f"Home\nNews\nSport\n\n****** {headline} ******\n{DECK}\n\n{STORY}\n\nContact us\nImprint\n"
    assert main_headings(starred) == {headline.casefold()}
    assert extract_textdump(starred).title == headline


def test_a_page_of_many_main_headings_marks_teasers_not_a_headline() -> None:
    teasers = "\n\n".join(f"# Teaser number {n} about the valley" for n in range(8))
    assert main_headings(f"{MENU}\n{teasers}\n\n{STORY}") == frozenset()


def test_a_link_around_a_teaser_card_is_a_line_of_its_own() -> None:
    """html2text prints a link wrapping a picture and a heading over several lines; each card is one link."""
    cards = "".join(
        f"[ ![](https://img.example.org/{n}.jpg)\n\n## Teaser {n} about the harbour works\n\n](/news/{n}/teaser-"
        f"{n}-about-the-\nharbour-works) "
        for n in range(3)
    )
    lines = [line for line in unmark(f"{MENU}\n{cards}\n").splitlines() if "Teaser" in line]
    assert lines == [f"[0]Teaser {n} about the harbour works" for n in range(3)]
    found = extract_textdump(f"{MENU}\n# A Cold Goodbye for Vessa\n\n{STORY}\n\n{cards}\n\n{MENU}")
    assert not any("Teaser" in p for p in found.paragraphs)
