"""The bundled flattened page must come out exactly right, and the method must be general."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import EXAMPLE

from sitrep.extract import detect_kind, extract, looks_like_textdump
from sitrep.extract.icons import find_icons, icon_names, split_icons
from sitrep.extract.published import parse_timestamp, resolve_relative
from sitrep.extract.textdump import extract_textdump
from sitrep.sources import RawDoc, read_path

FURNITURE = ["No Script", "Please Wait...", "Resistance and Liberation May 2023", "folder_open", "access_time",
             "starAdd to favorites"]


@pytest.fixture(scope="module")
def example() -> tuple:  # type: ignore[type-arg]
    return extract(read_path(EXAMPLE, captured_at="2023-05-25"))


def test_example_metadata(example: tuple) -> None:  # type: ignore[type-arg]
    source, article = example
    assert source.kind == "textdump"
    assert article.title == "Russian Forces Achieving Progress in Bakhmut"
    assert article.byline == "By Staff, Agencies"
    assert article.authors == ["Staff", "Agencies"]
    assert article.section == "Russia"
    assert article.published is not None and article.published.text == "2 months ago"
    assert article.language == "en"


def test_example_published_interval_contains_the_day_and_is_narrow(example: tuple) -> None:  # type: ignore[type-arg]
    published = example[1].published
    assert published.earliest <= "2023-03-30" <= published.latest
    from datetime import date

    width = date.fromisoformat(published.latest) - date.fromisoformat(published.earliest)
    assert width.days <= 36


def test_example_body_is_exactly_the_eight_paragraphs(example: tuple) -> None:  # type: ignore[type-arg]
    article = example[1]
    assert len(article.paragraphs) == 8
    assert article.body.startswith("Ukraine confessed that the Russian forces")
    assert article.body.endswith("to his society, to China,” Zelensky stated.")
    for bad in FURNITURE:
        assert bad not in article.body
    for p in article.paragraphs:
        assert article.body[p.start : p.end].strip() == article.body[p.start : p.end]
    assert "No Script" in article.boilerplate and "By Staff, Agencies" in article.boilerplate


def test_without_capture_time_the_stamp_stays_text() -> None:
    _, article = extract(read_path(EXAMPLE))
    assert article.published is not None
    assert article.published.text == "2 months ago"
    assert article.published.earliest is None and article.published.latest is None


def test_relative_stamp_rounding_rule() -> None:
    captured = parse_timestamp("2023-05-25T12:00:00")
    interval = resolve_relative("2 months ago", captured)
    assert interval is not None and interval.granularity == "month"
    assert (interval.earliest, interval.latest) == ("2023-03-10", "2023-04-09")
    day = resolve_relative("3 days ago", captured)
    assert day is not None and day.earliest == "2023-05-22" and day.latest == "2023-05-23"
    assert resolve_relative("yesterday", captured).earliest == "2023-05-24"  # type: ignore[union-attr]


def test_icon_names_come_from_the_font_list() -> None:
    assert len(icon_names()) > 3000
    assert {"folder_open", "access_time", "star", "visibility", "thumb_up"} <= icon_names()
    assert split_icons("folder_openRussia access_time2 months ago") == [
        ("folder_open", "Russia"), ("access_time", "2 months ago")]
    assert split_icons("visibility1,204 views") == [("visibility", "1,204 views")]
    # ordinary prose is left alone
    assert find_icons("The star of the show said the home team would search for answers.") == []


WRAPPED_DUMP = """\
   [1]Skip to content
     * [2]Home
     * [3]World
     * [4]Business
     * [5]Sport

Ceasefire talks resume in Geneva

   By Maria Lopez
   March 3, 2024

   Delegations from both sides returned to the negotiating table in Geneva on
   Sunday, diplomats said, after a week in which fighting along the front line
   intensified and aid convoys were repeatedly turned back at checkpoints.

   The talks are expected to focus on a prisoner exchange and on the safe
   passage of civilians from besieged towns, according to a draft agenda seen
   by reporters. Neither side has commented publicly on the agenda.

   Mediators warned that without progress this week the process could collapse
   entirely, leaving hundreds of thousands of people without food or medicine
   as the winter sets in across the region.

     * [6]Share on Facebook
     * [7]Share on Twitter

   © 2024 Example News. All rights reserved.

References

   1. https://example.org/#content
   2. https://example.org/
   3. https://example.org/world
   4. https://example.org/business
   5. https://example.org/sport
   6. https://facebook.com/share
   7. https://twitter.com/share
"""


def test_wrapped_text_browser_dump_is_rejoined() -> None:
    dump = extract_textdump(WRAPPED_DUMP)
    assert dump.title == "Ceasefire talks resume in Geneva"
    assert dump.byline == "By Maria Lopez"
    assert dump.stamp == "March 3, 2024"
    assert len(dump.paragraphs) == 3
    assert dump.paragraphs[0].startswith("Delegations from both sides returned to the negotiating table in Geneva on")
    assert "\n" not in dump.paragraphs[0]
    assert not any("Share" in p or "©" in p or "https://" in p for p in dump.paragraphs)


def test_textdump_detection() -> None:
    assert looks_like_textdump(EXAMPLE.read_text(encoding="utf-8"))
    assert looks_like_textdump(WRAPPED_DUMP)
    plain = "The council met on Monday.\n\nIt approved the budget after a long debate about schools.\n"
    assert not looks_like_textdump(plain)
    assert detect_kind(RawDoc("x.txt", plain.encode(), ".txt"), plain) == "text"
    assert detect_kind(RawDoc("x", b"<html><body><p>hi</p></body></html>", ""), "<html><body>") == "html"


def test_plain_text_body_is_the_input_unchanged(tmp_path: Path) -> None:
    text = "Shelling was reported in Kherson on Monday.\r\n\r\nOfficials said two people were hurt.\n"
    path = tmp_path / "note.txt"
    path.write_bytes(text.encode("utf-8"))
    source, article = extract(read_path(path), "text")
    assert source.kind == "text"
    assert article.body == text
    assert [article.body[p.start : p.end] for p in article.paragraphs] == [
        "Shelling was reported in Kherson on Monday.", "Officials said two people were hurt."]


def test_example_body_fixture_matches_the_extractor(example: tuple) -> None:  # type: ignore[type-arg]
    from tests.conftest import EXAMPLE_BODY

    assert example[1].body == EXAMPLE_BODY
