"""The bundled flattened page must come out exactly right, and the method must be general."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from tests.conftest import EXAMPLE

from sitrep.extract import detect_kind, extract
from sitrep.extract.icons import find_icons, icon_names, split_icons
from sitrep.extract.published import mentions_relative_time, parse_timestamp, resolve_relative
from sitrep.extract.textdump import extract_textdump
from sitrep.extract.textdump.lines import split_units as _units
from sitrep.sources import Origin, RawDoc, read_path

FURNITURE = [
    "No Script",
    "Please Wait...",
    "Resistance and Liberation May 2023",
    "folder_open",
    "access_time",
    "starAdd to favorites",
]


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
        ("folder_open", "Russia"),
        ("access_time", "2 months ago"),
    ]
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


def _kind(text: str) -> str:
    return detect_kind(RawDoc(Origin("x.txt"), text.encode()), text).kind


PROSE = (
    "The regional council approved the new water plan on Tuesday after a debate that lasted most of the day.",
    "Farmers in the valley had asked for the change for years, saying the old rules left them short in summer.",
    "The plan now goes to the national ministry, which has ninety days to accept it or send it back for changes.",
)
MENU = ["Home", "World", "Business", "Sport", "Culture", "Weather", "Podcasts"]
FOOTER = ["About us", "Contact", "Privacy policy", "Terms of use", "Advertise", "Home"]


def test_detection_reads_a_prose_heavy_dump_from_its_structure() -> None:
    """No icon names, no link numbers: menus above and a footer below the prose still make it a page."""
    dump = "\n".join([*MENU, "Water plan approved", *PROSE, "Share this article", *FOOTER, "Sport", "World"])
    decision = detect_kind(RawDoc(Origin("x.txt"), dump.encode()), dump)
    assert decision.kind == "textdump"
    assert "furniture above the text" in decision.reason and "furniture below the text" in decision.reason


def test_detection_keeps_clean_articles_with_a_list_as_text() -> None:
    """A headline, a byline, a date and two bulleted lists are an article's own structure, not furniture."""
    article = "\n\n".join(
        [
            "Water plan approved",
            "By Ana Ruiz",
            "March 3, 2024",
            PROSE[0],
            "The plan covers:",
            "- wells",
            "- canals",
            "- reservoirs",
            "- river intakes",
            PROSE[1],
            "It names:",
            "- Ana Ruiz",
            "- Li Wei",
            "- Omar Haddad",
            "- Jo Berg",
            PROSE[2],
        ]
    )
    decision = detect_kind(RawDoc(Origin("x.txt"), article.encode()), article)
    assert (decision.kind, decision.reason) == ("text", "clean text: no page furniture (only many short lines)")


def test_detection_knows_markdown_conversions() -> None:
    links = [f"[{label}](https://example.org/{label.lower()})" for label in MENU]
    dump = "\n\n".join([*links, "# Water plan approved", *PROSE, *links[:4]])
    assert _kind(dump) == "textdump"


def test_textdump_detection() -> None:
    assert _kind(EXAMPLE.read_text(encoding="utf-8")) == "textdump"
    assert _kind(WRAPPED_DUMP) == "textdump"
    plain = "The council met on Monday.\n\nIt approved the budget after a long debate about schools.\n"
    assert _kind(plain) == "text"
    assert detect_kind(RawDoc(Origin("x"), b"<html><body><p>hi</p></body></html>"), "<html><body>").kind == "html"


def test_plain_text_body_is_the_input_unchanged(tmp_path: Path) -> None:
    text = "Shelling was reported in Kherson on Monday.\r\n\r\nOfficials said two people were hurt.\n"
    path = tmp_path / "note.txt"
    path.write_bytes(text.encode("utf-8"))
    source, article = extract(read_path(path), "text")
    assert source.kind == "text"
    assert article.body == text
    assert [article.body[p.start : p.end] for p in article.paragraphs] == [
        "Shelling was reported in Kherson on Monday.",
        "Officials said two people were hurt.",
    ]


def test_example_body_fixture_matches_the_extractor(example: tuple) -> None:  # type: ignore[type-arg]
    from tests.conftest import EXAMPLE_BODY

    assert example[1].body == EXAMPLE_BODY


ARTICLE_PARAGRAPHS = [
    "The regional council approved the new water plan on Tuesday after a debate that lasted most of the "
    "afternoon, officials said, and the first pipes are expected to be laid before the autumn harvest begins.",
    "Farmers in the valley had asked for the plan for a decade, saying that the old canals lose almost half "
    "of the water they carry before it reaches the fields in the dry months of the summer.",
    "The council said the work would be paid for by the national government and by a loan from a "
    "development bank, and that the price of water for households would not rise because of it.",
]
COMMENTS = [
    "I have lived in the valley all my life and I can tell you that the canals have been leaking since my "
    "grandfather was a boy, so this is good news for all of us who depend on them for the harvest.",
    "Nobody asked the people in the upper villages what they think about the pipes, and it is always the same "
    "story with this council, which decides everything in the city and never comes to see us at all.",
    "The loan will have to be paid back by somebody and it will be our children who pay it, whatever the "
    "council says about the price of water for households in the valley and in the city this year.",
    "It is a good plan but it is ten years too late, and I do not believe that the first pipes will be laid "
    "before the autumn harvest begins, because nothing in this region is ever done on time or on budget.",
]


def test_readers_comments_below_the_article_are_not_the_article() -> None:
    page = "\n\n".join(
        [
            "Water plan approved for the valley",
            "By Ana Ruiz",
            *ARTICLE_PARAGRAPHS,
            "4 Comments",
            "Leave a comment",
            *[f"reader{i}\n\n{c}\n\nReply" for i, c in enumerate(COMMENTS)],
        ]
    )
    dump = extract_textdump(page)
    assert dump.paragraphs == ARTICLE_PARAGRAPHS
    assert dump.title == "Water plan approved for the valley"


def test_a_comment_thread_whose_comments_carry_dates_does_not_outweigh_a_short_article() -> None:
    """Each comment's "Name 12.03.2021 // 10:15" line reads like an article's date line; printed once per
    comment, it stamps entries, and the short article under the page's own date stays the article."""
    menu = [f"Section {i} News Sport Weather Travel Culture" for i in range(20)]
    thread = []
    for i, comment in enumerate([*COMMENTS, "\n\n".join(COMMENTS)]):  # the last reader writes at length
        thread += [f"{i + 1}. Reader{i} {10 + i}.03.2021 // 1{i}:15", comment, "Reply"]
    page = "\n\n".join(
        [
            "Water plan approved for the valley",
            "12. März 2021",
            *ARTICLE_PARAGRAPHS[:2],
            *menu,
            *thread,
        ]
    )
    assert extract_textdump(page).paragraphs == ARTICLE_PARAGRAPHS[:2]


def test_an_article_parted_by_a_dated_picture_gallery_joins_its_longer_second_half() -> None:
    """The half under the article's date is chosen (the gallery's dates stamp its pictures); the longer half
    below the gallery is about the same things, though its share of shared words is small because it
    says more."""
    second_half = [
        "Engineers from the council will survey the old canals in the spring and decide which stretches of "
        "the valley are replaced first, the plan says, starting with the fields that lose the most water.",
        "The pipes will run beside the canals so that farmers keep their water while the work goes on, and "
        "the council has promised that no field will be dry for more than a week during the whole summer.",
        "Several villages in the upper valley asked for a share of the loan to repair their own wells, which "
        "dried up twice in the last five years, and the council said it would consider their request in May.",
        "The development bank will send its own inspectors twice a year, and the national government will "
        "publish the accounts of the work, which opponents of the plan had demanded during the long debate.",
        "A second phase would bring the pipes to the orchards on the eastern slopes, where growers have "
        "planted almonds and olives that need less water, but the council has not yet set aside money for it.",
        "Hydrologists at the university warned that the aquifer beneath the southern terraces is sinking, "
        "and that without metering, households upstream could still draw more than their neighbours downstream.",
        "Tenders open next month; contractors from three provinces are expected to bid, according to the "
        "procurement office, which will publish every offer online before awarding the concrete and steel work.",
    ]
    gallery = []
    for day in range(20, 2, -1):
        gallery += [
            "News in pictures",
            f"{day} October 2021",
            f"A crowd watches the lanterns drift over the harbour on the evening of the {day}th, when the city "
            "held its autumn festival for the first time in three years after the long closure.",
            "Photo agency",
        ]
    page = "\n\n".join(
        [
            "Water plan approved for the valley",
            "Monday 25 October 2021 19:27",
            *ARTICLE_PARAGRAPHS,
            *gallery,
            "Advertisement",
            "Share this gallery",
            "Share on Facebook",
            "Share by email",
            "Story continues below",
            *second_half,
            "Related topics",
        ]
    )
    assert extract_textdump(page).paragraphs == [*ARTICLE_PARAGRAPHS, *second_half]


@pytest.mark.parametrize(
    "heading",
    [
        "Écrire un commentaire",
        "Lascia un commento",
        "Deixe um comentário",
        "Dodaj komentarz",
        "Plaats een reactie",
        "33 Leser-Kommentare",
    ],
)
def test_comment_headings_in_other_languages_end_the_article(heading: str) -> None:
    page = "\n\n".join(
        [
            "Water plan approved for the valley",
            "By Ana Ruiz",
            *ARTICLE_PARAGRAPHS,
            "Share",
            heading,
            *[f"reader{i}\n\n{c}" for i, c in enumerate(COMMENTS)],
        ]
    )
    assert extract_textdump(page).paragraphs == ARTICLE_PARAGRAPHS


def test_an_inline_script_dump_is_boilerplate_and_does_not_decide_the_language() -> None:
    script = (
        "function(e,t){var n=this.__data__;return r<0?(++this.size,n.push([e,t])):n[r]=t,this};"
        "if(a.parentElement&&e.body){setTimeout(function(){r(o)},100)}else{t()}"
    ) * 8
    german = [
        "Der Gemeinderat hat am Dienstag den neuen Wasserplan beschlossen, nachdem die Debatte fast den ganzen "
        "Nachmittag gedauert hatte, und die ersten Rohre sollen noch vor dem Ende des Jahres verlegt werden.",
        "Die Bauern im Tal hatten seit zehn Jahren darauf gewartet, weil die alten Kanäle im Sommer fast die "
        "Hälfte des Wassers verlieren, bevor es auf den Feldern ankommt, wie der Verband mitteilte.",
    ]
    dump = extract_textdump("\n\n".join([script, *german]))
    assert dump.language == "German"
    assert dump.paragraphs == german
    assert script in dump.boilerplate


def test_datelines_in_other_languages_are_recognised() -> None:
    from sitrep.extract.published import looks_like_dateline

    for line in (
        "7. März 2022, 08:41 Uhr",
        "11 lipca 2020",
        "Mi, 18. Oktober 2023 um 12:50 Uhr",
        "23 NOV 2021 - 09:14 CET",
        "12 de marzo de 2020",
    ):
        assert looks_like_dateline(line), line
    assert not looks_like_dateline("Die Vorlesungen starten im Oktober 2020 an der Universität Freiburg")


def test_datelines_in_other_languages_resolve_to_the_right_day() -> None:
    from sitrep.extract.published import parse_dateline

    for line, day in (
        ("11 lipca 2020", "2020-07-11"),
        ("7. März 2022, 08:41 Uhr", "2022-03-07"),
        ("12 de marzo de 2020", "2020-03-12"),
        ("March 3, 2024", "2024-03-03"),
    ):
        interval = parse_dateline(line)
        assert interval is not None and interval.earliest == interval.latest == day, line


def test_lynx_wraps_short_of_its_widest_lines() -> None:
    """lynx -width=80 wraps prose at column 74 while link texts run past it; the wrap is still undone."""
    words = " ".join(ARTICLE_PARAGRAPHS).split()
    lines, line = [], "  "
    for word in words:
        if len(line) + 1 + len(word) > 74:
            lines.append(line)
            line = "  "
        line += " " + word
    lines.append(line)
    links = ["   * [12]A very long link text that runs past the wrap column of the text browser here"]
    dump_text = "\n".join(["Canal works to start in spring", "", *lines, "", *links])
    assert max(len(line) for line in lines) <= 74
    dump = extract_textdump(dump_text)
    assert len(dump.paragraphs) == 1
    assert dump.paragraphs == [" ".join(ARTICLE_PARAGRAPHS)]


def test_headline_is_chosen_over_standfirst_and_caption() -> None:
    page = "\n\n".join(
        [
            "Home",
            "News",
            "World",
            "Valley farmers win their water plan",
            "After ten years of campaigning, the regional council approves new pipes for the valley farms.",
            "By Ana Ruiz",
            "March 3, 2024",
            "The council chamber during the vote on Tuesday. Photo: Ana Ruiz",
            *ARTICLE_PARAGRAPHS,
        ]
    )
    assert extract_textdump(page).title == "Valley farmers win their water plan"


def test_site_name_is_cut_from_a_headline_only_when_the_page_prints_it() -> None:
    body = "\n\n".join(ARTICLE_PARAGRAPHS)
    with_site = f"Valley Post\n\nValley farmers win their water plan - Valley Post\n\nBy Ana Ruiz\n\n{body}"
    assert extract_textdump(with_site).title == "Valley farmers win their water plan"
    dash = f"Water plan approved - farmers in the valley celebrate\n\nBy Ana Ruiz\n\n{body}"
    assert extract_textdump(dash).title == "Water plan approved - farmers in the valley celebrate"


def test_a_headline_printed_again_below_keeps_its_second_half_and_tags_are_no_headline() -> None:
    """A blog prints the post's headline again in its footer ("Next post: ..."): its second half is then
    printed twice too, but only as part of the headline, so it is no site name; the tag line above the story
    is never the headline."""
    headline = "Water plan approved – farmers in the valley celebrate"
    page = "\n\n".join(
        [
            "• Home",
            "• Blog",
            headline,
            "Date: 3 March 2024",
            "Tags: Water plan, Valley farmers, Regional council, Old canals",
            *ARTICLE_PARAGRAPHS,
            "Share this post",
            "• Previous post",
            "• Next post",
            headline,
            "• About",
        ]
    )
    assert extract_textdump(page).title == headline


def test_eval_accepts_a_reference_title_without_the_site_name() -> None:
    from eval.textdump import without_site_name

    assert without_site_name("Water plan approved - La Stampa", "lastampa.it") == "Water plan approved"
    assert without_site_name("Berlin confronts its past | DW | 19.01.2020", "DW.COM") == "Berlin confronts its past"
    assert (
        without_site_name("Hochwasser am Rhein: Die Pegel steigen - Bürgermeister warnt", "Hessische Abendpost") is None
    )


CHINESE_PARAGRAPHS = [
    "市议会星期二通过了新的供水计划，辩论持续了整个下午。官员说，第一批水管将在年底之前铺设完毕，"
    "农民们对这个消息感到非常高兴，因为他们已经等了很多年了。",
    "山谷里的农民十年来一直要求这个计划。他们说，旧的水渠在夏天干旱的几个月里会损失将近一半的水，"
    "所以田里的庄稼常常得不到足够的灌溉。",
    "市议会表示，这项工程的费用将由国家政府和一家开发银行的贷款来支付，居民用水的价格不会因此而上涨。"
    "工程完成以后，山谷里的村庄也可以用上干净的自来水了。",
]


def test_chinese_page_wrapped_by_a_text_browser_is_rejoined_and_kept() -> None:
    """w3m gives a Han character two columns: a paragraph wraps every 40 characters, with no spaces."""
    lines = ["首页", "新闻", "国际", "", "山谷农民盼来新的供水计划", "", "2024-03-03 10:00:00 来源：本报", ""]
    for paragraph in CHINESE_PARAGRAPHS:
        lines += [paragraph[i : i + 40] for i in range(0, len(paragraph), 40)] + [""]
    lines += ["关于我们", "联系我们", "版权声明"]
    dump = extract_textdump("\n".join(lines))
    assert dump.language == "Chinese"
    assert dump.paragraphs == CHINESE_PARAGRAPHS
    assert dump.title == "山谷农民盼来新的供水计划"


OTHER_STORY = [
    "Police in the capital arrested two men on Monday after a robbery at a jewellery shop in the old town, "
    "a spokesman said, adding that the stolen rings and watches had been recovered the same evening.",
    "The shop owner told reporters that the men had threatened his staff with a knife before running off, "
    "and that nobody had been hurt during the robbery, which lasted less than five minutes.",
]


def test_the_article_under_its_byline_beats_a_longer_block_without_one() -> None:
    """A headline, byline and date sit just above the story; a longer block elsewhere has no such header."""
    forum = [f"Question {n}: " + p for n, p in enumerate(OTHER_STORY * 4)]
    page = "\n\n".join(
        [
            "Menu",
            "Water plan approved for the valley",
            "By Ana Ruiz",
            "March 3, 2024",
            *ARTICLE_PARAGRAPHS,
            *[f"Section {n}" for n in range(20)],
            "Forum",
            *forum,
        ]
    )
    dump = extract_textdump(page)
    assert dump.paragraphs == ARTICLE_PARAGRAPHS


def test_dated_teasers_below_the_article_do_not_join_it() -> None:
    teasers = [
        line
        for n, story in enumerate(OTHER_STORY)
        for line in (f"Jewellery shop robbed, part {n}", f"Maria Lopez, {n + 1} March 2024, 18:10", story)
    ]
    page = "\n\n".join(
        ["Water plan approved for the valley", "By Ana Ruiz", "March 3, 2024", *ARTICLE_PARAGRAPHS, *teasers]
    )
    assert extract_textdump(page).paragraphs == ARTICLE_PARAGRAPHS


def test_an_article_interrupted_by_a_gallery_is_kept_whole() -> None:
    gallery = [line for n in range(1, 40) for line in (f"{n}/40 Pictures of the week", f"Caption of picture {n}")]
    second_half = [
        "The plan also gives the valley farmers a say in how the water from the new pipes is shared, the council "
        "said, and a committee of farmers will meet every month to decide on the canals and the fields.",
        "Farmers in the upper villages said they welcomed the committee, but that the water plan would only work "
        "if the council kept its promise to lay the pipes before the harvest and the dry summer months.",
        "The regional council will vote again in the spring on the price of the water, after the pipes are laid "
        "and the first fields in the valley have been watered from the new canals, officials said.",
    ]
    page = "\n\n".join(
        [
            "Water plan approved for the valley",
            "By Ana Ruiz",
            *ARTICLE_PARAGRAPHS,
            *gallery,
            *second_half,
            "Related",
            *OTHER_STORY[:1],
        ]
    )
    assert extract_textdump(page).paragraphs == ARTICLE_PARAGRAPHS + second_half


def test_gallery_slides_framed_by_a_repeated_title_are_not_the_article() -> None:
    """A gallery prints its own title with every slide: what lies between two copies is a slide's caption."""
    captions = [
        f"Picture {n}: the storm that crossed the region this week brought down trees and power lines in "
        f"dozens of villages, and in the towns along the coast the water rose higher than it had in twenty "
        f"years, flooding streets, cellars and the ground floors of many houses near the harbour."
        for n in range(5)
    ]
    slides = [
        line
        for n, caption in enumerate(captions)
        for line in ("Storms across the region: the week in pictures", f"Slide {n}", caption)
    ]
    page = "\n\n".join(
        [
            "Water plan approved for the valley",
            "By Ana Ruiz",
            "March 3, 2024",
            *ARTICLE_PARAGRAPHS,
            *slides,
            "Storms across the region: the week in pictures",
        ]
    )
    assert extract_textdump(page).paragraphs == ARTICLE_PARAGRAPHS


def test_a_byline_between_paragraphs_is_not_a_paragraph() -> None:
    page = "\n\n".join(
        [
            "Water plan approved for the valley",
            ARTICLE_PARAGRAPHS[0],
            "By Staff and news reports",
            *ARTICLE_PARAGRAPHS[1:],
        ]
    )
    dump = extract_textdump(page)
    assert "By Staff and news reports" not in dump.paragraphs
    assert dump.paragraphs == ARTICLE_PARAGRAPHS


def test_a_headline_over_a_picture_credit_starts_the_next_story() -> None:
    """A newsletter prints several stories in a row, each under a headline and a picture credit."""
    second_story = [
        "Police in the capital arrested two men on Monday after a robbery at a jewellery shop in the old town, a "
        "spokesman said, adding that the stolen rings and watches had been recovered by officers the same evening.",
        "The shop owner told reporters that the men had threatened his staff with a knife before running off, and "
        "that nobody had been hurt during the robbery, which lasted less than five minutes from start to finish.",
    ]
    page = "\n\n".join(
        [
            "By Ana Ruiz",
            "1 big thing: Water plan approved for the valley",
            "Illustration: Jane Doe/Example",
            *ARTICLE_PARAGRAPHS,
            "2. Robbery in the old town",
            "The old town at night. Photo: John Roe",
            *second_story,
        ]
    )
    assert extract_textdump(page).paragraphs == ARTICLE_PARAGRAPHS


def test_teasers_signed_by_several_authors_do_not_join_the_article() -> None:
    """A teaser's credit line may list five authors before its date: still a byline, not a sentence."""
    teasers = [
        line
        for n, story in enumerate(OTHER_STORY)
        for line in (
            f"Jewellery shop robbed, part {n}",
            f"Ana Ruiz, Maria Lopez, John Roe, Jane Doe, Tom Smith * 1{n}.03.2024, 18:10 Uhr",
            story,
        )
    ]
    page = "\n\n".join(
        ["Water plan approved for the valley", "By Ana Ruiz", "March 3, 2024", *ARTICLE_PARAGRAPHS, *teasers]
    )
    assert extract_textdump(page).paragraphs == ARTICLE_PARAGRAPHS


def test_an_embedded_post_signature_does_not_cut_the_article() -> None:
    """ "A post shared by ... (@handle.name) on <date>" signs an embedded post inside the story."""
    page = "\n\n".join(
        [
            "Water plan approved for the valley",
            "By Ana Ruiz",
            "March 3, 2024",
            ARTICLE_PARAGRAPHS[0],
            "View this post on Instagram",
            "Water at last!",
            "A post shared by Valley Farmers (@valley.farmers) on Mar 3, 2024 at 9:24am PST",
            *ARTICLE_PARAGRAPHS[1:],
        ]
    )
    assert extract_textdump(page).paragraphs == ARTICLE_PARAGRAPHS


LONG_PARAGRAPHS = [
    "The regional council approved the new water plan on Tuesday after a debate that lasted most of the afternoon, "
    "officials said, and the first of the new pipes are expected to be laid in the valley before the autumn harvest.",
    "Farmers in the valley had asked for the plan for more than a decade, saying that the old canals lost almost half "
    "of their water in the dry summer months and that their fields were too often left without enough of it.",
    "The council said that the work would be paid for by the national government and by a loan from a development "
    "bank, and that the price of water for the households of the valley would not rise because of the new plan.",
]


def test_a_newsletter_box_inside_the_article_is_furniture() -> None:
    page = "\n\n".join(
        [
            "Water plan approved for the valley",
            "By Ana Ruiz",
            "March 3, 2024",
            *LONG_PARAGRAPHS[:2],
            "Headlines delivered to your inbox",
            "Sign up for The Valley Times' morning and evening newsletters.",
            LONG_PARAGRAPHS[2],
        ]
    )
    assert extract_textdump(page).paragraphs == LONG_PARAGRAPHS


def test_a_caption_printed_once_per_slide_in_one_block_is_not_text() -> None:
    caption = "Firefighters at the burning house in the valley on Saturday morning (symbol picture)."
    page = "\n\n".join(
        [
            "Water plan approved for the valley",
            "By Ana Ruiz",
            "March 3, 2024",
            *ARTICLE_PARAGRAPHS,
            " ".join([caption] * 4),
        ]
    )
    assert extract_textdump(page).paragraphs == ARTICLE_PARAGRAPHS


def test_a_list_of_headlines_each_over_one_summary_is_cut_off_the_article() -> None:
    """A recommendation box below the story: headline, one-paragraph summary, headline, summary, ..."""
    teasers = [
        "Police arrest two men after jewellery shop robbery",
        "Police in the capital arrested two men on Monday after a robbery at a jewellery shop in the old town, and "
        "the stolen rings and watches were recovered by officers the same evening, a spokesman said.",
        "Old bridge to close for repairs in the spring",
        "The old bridge over the river will be closed for three months in the spring while its pillars are repaired, "
        "and drivers will have to take the ring road into the town, the transport office said on Friday.",
        "School year to start a week later in the valley",
        "Children in the valley will go back to school a week later than usual this year because the new school "
        "building will not be ready in time, the education office told parents in a letter on Thursday.",
    ]
    page = "\n\n".join(
        [
            "Water plan approved for the valley",
            "By Ana Ruiz",
            "March 3, 2024",
            *LONG_PARAGRAPHS,
            "We recommend",
            *teasers,
            "About us",
            "Contact",
        ]
    )
    assert extract_textdump(page).paragraphs == LONG_PARAGRAPHS


def test_a_listicle_longer_than_its_introduction_keeps_its_items() -> None:
    """A list story: a short introduction, then items each a title over a paragraph. Shaped like a closing
    teaser box, but the box would outweigh the story above it, so the items are the story."""
    intro = (
        "Autumn is here, and before the first snow falls you had better try as many of these indoor workouts "
        "as possible. Each of them needs no equipment at all, fits into a lunch break and can be done in a small "
        "flat without disturbing the neighbours, which is more than most gyms can say of their classes."
    )
    items = [
        "Ten-Minute Stair Workout",
        "Run up and down the stairs of your building for ten minutes, resting for thirty seconds after every "
        "third round. It is hard on the legs and easy on the joints, and after two weeks of it most people find "
        "that they climb the last floor without stopping to catch their breath.",
        "Kitchen Table Stretching Workout",
        "Hold each of the six stretches for a minute while the kettle boils. The table gives you balance, and "
        "the routine loosens the back after a long day at the desk, which is where most of us spend far more of "
        "the week than our backs would like.",
        "Living Room Boxing Workout",
        "Shadow boxing in three rounds of three minutes raises the pulse quickly. Keep the elbows in and the "
        "chin down, shake out the arms between the rounds, and finish with a minute of skipping on the spot "
        "before you sit down again.",
    ]
    page = "\n\n".join(["Indoor workouts for the autumn", "By Ana Ruiz", "October 3, 2024", intro, *items, "About us"])
    assert extract_textdump(page).paragraphs == [intro, *items]


def test_the_articles_own_bulleted_lists_are_text_a_menu_and_a_see_also_list_are_not() -> None:
    """A list of the article's (its key points, an advert's duties) has items of several words about what the
    article is about; the menu's items are one or two words, and the other stories sit under "See also"."""
    duties = [
        "• Planning the water pipes for the villages of the valley",
        "• Talking to the farmers about the new canals and their fields",
        "• Reporting to the regional council on the cost of the plan",
    ]
    key_points = [
        "• The council approved the water plan for the valley",
        "• The national government and a development bank pay for the pipes",
    ]
    page = "\n\n".join(
        [
            "• Home",
            "• News",
            "• Sport",
            "Water plan approved for the valley",
            "By Ana Ruiz",
            "March 3, 2024",
            *LONG_PARAGRAPHS[:2],
            "The tasks",
            *duties,
            LONG_PARAGRAPHS[2],
            "Summary",
            *key_points,
            "See also",
            "• Farmers in the valley complain about the old canals and the dry summer months",
            "• The regional council elects a new president after a long debate",
        ]
    )
    expected = [*LONG_PARAGRAPHS[:2], *duties, LONG_PARAGRAPHS[2], *key_points]  # items keep their bullets
    assert extract_textdump(page).paragraphs == expected


def test_a_list_storys_numbered_headings_do_not_cut_it_into_pieces() -> None:
    """ "3. Stair Workout": a list story's numbered headings are headings, not a menu's items, so the short
    paragraphs between them stay the story's."""
    sections = [
        "1. Ten-Minute Stair Workout",
        "Run up and down the stairs of your building for ten minutes.",
        "What you need: a staircase, a bottle of water and a towel for the end of the session.",
        "2. Kitchen Table Stretching",
        "Hold each stretch for a minute while the kettle boils.",
        "What you need: a sturdy table and a few minutes before breakfast or after dinner.",
        "3. Living Room Boxing",
        "Shadow boxing raises the pulse quickly and needs no partner.",
        "What you need: some space between the sofa and the window, and a timer on the phone.",
    ]
    page = "\n\n".join(
        ["Indoor workouts for the autumn", "By Ana Ruiz", "October 3, 2024", *LONG_PARAGRAPHS, *sections]
    )
    assert extract_textdump(page).paragraphs == [*LONG_PARAGRAPHS, *sections]


def test_a_lead_ending_in_a_glued_link_still_starts_the_body() -> None:
    """A text browser glues an inline "related" link to the lead: the lead has no full stop at its end."""
    lead = LONG_PARAGRAPHS[0] + " READ ALSO: FARMERS PROTEST AGAINST THE OLD CANALS IN THE CAPITAL"
    page = "\n\n".join(
        [
            "Water plan approved for the valley",
            "By Ana Ruiz",
            "March 3, 2024",
            "The valley from above",
            lead,
            *LONG_PARAGRAPHS[1:],
        ]
    )
    assert extract_textdump(page).paragraphs == [lead, *LONG_PARAGRAPHS[1:]]


def test_a_caption_ending_in_its_picture_credit_is_not_text() -> None:
    captions = [
        "Farmers look at the dry canal above the village on Monday, March 3, 2024. Photo: Jane Doe/Reuters",
        "The old canal in the valley lost almost half of its water in the dry summer months (Foto: dpa)",
    ]
    page = "\n\n".join(
        [
            "Water plan approved for the valley",
            "By Ana Ruiz",
            "March 3, 2024",
            *LONG_PARAGRAPHS[:2],
            captions[0],
            LONG_PARAGRAPHS[2],
            captions[1],
        ]
    )
    assert extract_textdump(page).paragraphs == LONG_PARAGRAPHS


def test_a_long_reproduction_notice_after_the_article_is_not_text() -> None:
    notice = (
        "No part of this article may be reproduced, copied or passed on in any form or by any means, "
        "in print or on the internet, without the written permission of the publisher, and any use of it "
        "without that permission is against the law and will be taken to court by the publisher."
    )
    page = "\n\n".join(["Water plan approved for the valley", "By Ana Ruiz", "March 3, 2024", *LONG_PARAGRAPHS, notice])
    assert extract_textdump(page).paragraphs == LONG_PARAGRAPHS


def test_teasers_stamped_with_a_relative_time_do_not_join_the_article() -> None:
    teasers = [
        line
        for n, story in enumerate(OTHER_STORY)
        for line in (f"Raub im Juweliergeschäft, Teil {n}", f"Aktualisiert: vor {n + 2} Stunden", story)
    ]
    page = "\n\n".join(
        ["Water plan approved for the valley", "By Ana Ruiz", "March 3, 2024", *ARTICLE_PARAGRAPHS, *teasers]
    )
    assert extract_textdump(page).paragraphs == ARTICLE_PARAGRAPHS


def test_relative_stamps_are_recognised_in_several_languages() -> None:
    for stamp in (
        "Updated 3 hours ago",
        "Aktualisiert: vor 30 Minuten",
        "hace 2 horas",
        "il y a 5 minutes",
        "3 ore fa",
        "5 godzin temu",
        "2 uur geleden",
    ):
        assert mentions_relative_time(stamp), stamp
    assert not mentions_relative_time("The council met for three hours before the vote.")


def test_a_labelled_disclaimer_is_not_text() -> None:
    disclaimer = (
        "Disclaimer: what our contributors write here is their own view, and it is not always shared "
        "by the editors of this valley blog, so readers should check any advice with a professional "
        "before they act on it."
    )
    page = "\n\n".join(
        ["Water plan approved for the valley", "By Ana Ruiz", "March 3, 2024", *LONG_PARAGRAPHS, disclaimer]
    )
    assert extract_textdump(page).paragraphs == LONG_PARAGRAPHS


def test_a_caption_under_the_date_with_a_photographers_credit_is_not_the_lead() -> None:
    caption = (
        "Farmers of the upper villages stand beside the dried-out irrigation canal above the "
        "village in February. Under the new plan, the water lost in the old canals should reach their fields "
        "in the summer months. Jane Doe / Valley Pictures"
    )
    page = "\n\n".join(
        ["Water plan approved for the valley", "By Ana Ruiz", "March 3, 2024", caption, *LONG_PARAGRAPHS]
    )
    assert extract_textdump(page).paragraphs == LONG_PARAGRAPHS


def test_a_short_image_name_is_dropped_but_a_word_inserted_in_a_quote_is_kept() -> None:
    """w3m prints an image's alt text in brackets ("[logo]"); "[that]" inside a quote is the writer's."""
    page = "\n".join(
        [
            "[logo] / Ana Ruiz / 10:08 am Fri Mar 3, 2024",
            "",
            "“Our crews followed a tractor [that] reportedly was blocking the canal,” the council said.",
        ]
    )
    assert [u.text for u in _units(page)] == [
        "/ Ana Ruiz / 10:08 am Fri Mar 3, 2024",
        "“Our crews followed a tractor [that] reportedly was blocking the canal,” the council said.",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Keep Reading",
        "Related Coverage",
        "Lee también...",
        "Mirá también",
        "Media playback is unsupported on your device",
        "Slideshow ( 15 images )",
        "auf Twitter folgen",
        "Feedback",
        "Foto:",
    ],
)
def test_page_furniture_lines_are_not_text(line: str) -> None:
    page = "\n\n".join(
        [
            "Water plan approved for the valley",
            "By Ana Ruiz",
            "March 3, 2024",
            *LONG_PARAGRAPHS[:2],
            line,
            LONG_PARAGRAPHS[2],
        ]
    )
    assert extract_textdump(page).paragraphs == LONG_PARAGRAPHS


def test_a_photograph_by_credit_line_is_not_text() -> None:
    page = "\n\n".join(
        [
            "Water plan approved for the valley",
            "By Ana Ruiz",
            "March 3, 2024",
            *LONG_PARAGRAPHS[:2],
            "Photograph by Jane Doe, Valley Farmers Trust",
            LONG_PARAGRAPHS[2],
        ]
    )
    assert extract_textdump(page).paragraphs == LONG_PARAGRAPHS


def test_paragraphs_between_repeated_advertising_labels_are_kept() -> None:
    ad = "Story continues below this message"
    page = "\n\n".join(
        [
            "Water plan approved for the valley",
            "By Ana Ruiz",
            "March 3, 2024",
            LONG_PARAGRAPHS[0],
            ad,
            LONG_PARAGRAPHS[1],
            ad,
            LONG_PARAGRAPHS[2],
            ad,
            "About us",
        ]
    )
    assert extract_textdump(page).paragraphs == LONG_PARAGRAPHS


def test_a_teaser_cards_byline_printed_twice_does_not_anchor_the_block_under_it() -> None:
    """A "most read" card (headline and byline) printed in two lists is a teaser's header, not the article's:
    the readers' forum a few lines under its second copy is not the story."""
    card = ["Council opens the new bridge over the river tomorrow morning", "By Tom Berg"]
    forum = [f"Question {n}: " + p for n, p in enumerate(OTHER_STORY * 4)]
    page = "\n\n".join(
        [
            "Menu",
            "Water plan approved for the valley",
            "March 3, 2024",
            *ARTICLE_PARAGRAPHS,
            "Most read",
            *card,
            *[f"Section {n}" for n in range(20)],
            "More stories",
            *card,
            "Quiz",
            "Community",
            *forum,
        ]
    )
    assert extract_textdump(page).paragraphs == ARTICLE_PARAGRAPHS


def test_a_date_line_ending_in_pm_is_not_a_paragraph() -> None:
    """ "... at 11:30 p.m." ends in a full stop but is the article's time stamp, not its text."""
    stamp = "PUBLISHED: March 3, 2024 at 11:30 p.m. | UPDATED: March 4, 2024 at 12:21 a.m."
    page = "\n\n".join(["Water plan approved for the valley", LONG_PARAGRAPHS[1], "Author", stamp, *LONG_PARAGRAPHS])
    assert extract_textdump(page).paragraphs == LONG_PARAGRAPHS


def test_notices_past_an_unfilled_template_do_not_join_the_article() -> None:
    """Boxes printed with their template markup ("{{ post.date }}") were never shown: not the story's text."""
    notices = [
        "Warning: the pictures in this article may upset some readers, so please take care when you "
        "scroll down to them, and ask for help if you need it, because there are people who are there "
        "to help you at any time of the day or night.",
        "Spoiler alert",
        "This article may reveal the ending of a book, a film or a series that you have not seen yet, "
        "so you may want to come back to it later on, when you have seen it or read it, and when you "
        "are ready to know how the story ends for all of them.",
    ]
    page = "\n\n".join(
        [
            "Water plan approved for the valley",
            "By Ana Ruiz",
            "March 3, 2024",
            *LONG_PARAGRAPHS,
            "Related",
            "{{ post.post_date }} | {{ post.hour }}",
            "Opinion",
            *notices,
            "Related",
        ]
    )
    assert extract_textdump(page).paragraphs == LONG_PARAGRAPHS


def test_site_notices_above_the_headline_are_not_the_article() -> None:
    """Short account messages over the headline turn to text among near-good lines; the story starts below
    the headline that its paragraphs repeat the words of."""
    notices = [
        "Thank you for registering. You will get the activation link for your account by e-mail.",
        "You have chosen the national edition. We hope that you will enjoy your reading.",
        "Your account is now active. We wish you a lot of pleasure in your reading.",
        "Thank you for your order. We wish you a lot of pleasure in your reading.",
    ]
    page = "\n\n".join(
        ["Menu", *notices, "Farmers cheer the new water plan for the valley", *LONG_PARAGRAPHS, "About us"]
    )
    dump = extract_textdump(page)
    assert dump.paragraphs == LONG_PARAGRAPHS
    assert dump.title == "Farmers cheer the new water plan for the valley"


def test_a_teaser_card_with_a_more_link_after_the_article_is_dropped() -> None:
    """Headline, summary, "Read more": a card pointing to another story, even when it is long enough to be text."""
    card = ["Police recover the stolen rings and watches", OTHER_STORY[0] + " " + OTHER_STORY[1], "Read more"]
    page = "\n\n".join(
        [
            "Water plan approved for the valley",
            "By Ana Ruiz",
            "March 3, 2024",
            *LONG_PARAGRAPHS,
            "Background",
            *card,
            "About us",
        ]
    )
    assert extract_textdump(page).paragraphs == LONG_PARAGRAPHS


def test_a_caption_over_its_pictures_credit_is_not_the_headline() -> None:
    """Picture, caption, credit, then kicker and headline: the line right above the picture's credit
    describes the picture, however many of the story's words it holds."""
    page = "\n\n".join(
        [
            "• Home",
            "• Valley news",
            "The regional council approves the water plan for the valley farms",
            "Photo: Jane Doe",
            "Water plan",
            "Valley farmers win",
            *ARTICLE_PARAGRAPHS,
        ]
    )
    assert extract_textdump(page).title == "Valley farmers win"


def test_a_caption_with_an_agency_and_photographer_credit_is_neither_title_nor_text() -> None:
    """ "APA/Georg Muster" (agency/photographer) closes a picture's caption."""
    page = "\n\n".join(
        [
            "Menu",
            "The valley farmers in the year 2016 APA/Georg Muster APA/Georg Muster News",
            "Farmers cheer water plan",
            "By Ana Ruiz",
            LONG_PARAGRAPHS[0],
            "The farmers of the valley at their meeting in the town hall. APA/Hanna Beispiel",
            *LONG_PARAGRAPHS[1:],
        ]
    )
    dump = extract_textdump(page)
    assert dump.title == "Farmers cheer water plan"
    assert dump.paragraphs == LONG_PARAGRAPHS


def test_a_caption_closing_with_picture_by_is_neither_title_nor_text() -> None:
    caption = "Council chairman Dr Ana Ruiz at the meeting in the town hall on the water plan. (Picture by Tom Berg)"
    page = "\n\n".join(
        ["Menu", "Farmers cheer water plan", "By Ana Ruiz", caption, *LONG_PARAGRAPHS[:2], caption, LONG_PARAGRAPHS[2]]
    )
    dump = extract_textdump(page)
    assert dump.title == "Farmers cheer water plan"
    assert dump.paragraphs == LONG_PARAGRAPHS


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("Home Farming Farmers cheer the water plan for the valley", "Farmers cheer the water plan for the valley"),
        ("Home prices in the valley rise with the water plan", "Home prices in the valley rise with the water plan"),
    ],
)
def test_a_breadcrumb_flattened_without_separators_leaves_the_headline(line: str, title: str) -> None:
    """ "Home Farming Headline": the home link and a menu label (a line of its own) are not the headline."""
    page = "\n\n".join(["Home", "Farming", "Weather", line, "By Ana Ruiz", *LONG_PARAGRAPHS])
    assert extract_textdump(page).title == title


@pytest.mark.parametrize(
    "line",
    [
        "Valley Life | Posts | Farming | Farmers cheer the water plan for the valley",
        "Farmers cheer the water plan for the valley | Farming | Valley Life",
    ],
)
def test_a_title_printed_with_its_trail_of_pipes_is_its_longest_segment(line: str) -> None:
    """ "Blog | Posts | Section | Headline" or "Headline | Section | Site": three segments or more are a trail
    around the headline, whether or not the page prints the others elsewhere."""
    page = "\n\n".join(["Menu", line, "By Ana Ruiz", *LONG_PARAGRAPHS])
    assert extract_textdump(page).title == "Farmers cheer the water plan for the valley"


def test_a_weak_headline_is_still_a_better_title_than_none() -> None:
    """A headline of two short sentences is penalised as caption-like, and still the only headline above the
    story: a weak title is kept (a page with no title at all is what users see as broken)."""
    page = "\n\n".join(["Menu", "The valley gets its pipes. Farmers cheer.", *LONG_PARAGRAPHS])
    assert extract_textdump(page).title == "The valley gets its pipes. Farmers cheer."


def test_a_line_with_a_forms_input_box_is_no_headline() -> None:
    """Text browsers draw a form's input box as "[ ]": a search bar, whatever words follow it."""
    line = "Search for: [          ] [Search] Home Farming the new water plan for the valley"
    page = "\n\n".join(["Menu", line, *LONG_PARAGRAPHS])
    assert extract_textdump(page).title is None


def test_a_horizontal_rule_drawn_by_w3m_ends_the_paragraph_above_it() -> None:
    """w3m draws <hr> as a line of box-drawing characters; it is not part of the wrapped paragraph above."""
    wrapped = [line for paragraph in LONG_PARAGRAPHS for line in [*textwrap.wrap(paragraph, 78), ""]]
    page = "\n".join(
        [
            "Water plan approved for the valley",
            "",
            "By Ana Ruiz",
            "",
            *wrapped[:-1],
            "━" * 80,
            "Explore further",
            "",
            "Farmers cheer",
            "━" * 80,
            "About us",
        ]
    )
    assert extract_textdump(page).paragraphs == LONG_PARAGRAPHS


def test_a_lead_parted_from_the_story_by_pictures_and_share_buttons_stays() -> None:
    """The lead under the byline and date is short: a picture block below it must not cut it off."""
    lead = "The council approved the water plan. Farmers had waited for years. Work on the canals starts in the spring."
    pictures = ["• The valley in the dry summer. Foto: Ana Ruiz", "•", "•", "•", "•", "• Share", "• Link"]
    page = "\n\n".join(
        [
            "Water plan approved for the valley",
            "By Ana Ruiz",
            "March 3, 2024",
            lead,
            *pictures,
            *LONG_PARAGRAPHS,
            "About us",
        ]
    )
    assert extract_textdump(page).paragraphs == [lead, *LONG_PARAGRAPHS]


def test_a_caption_under_the_date_parted_from_the_story_is_not_its_lead() -> None:
    caption = "Farmers stand at the old canal near the village on Monday. The valley has had a very dry summer."
    pictures = ["•", "•", "•", "•", "•", "• Share", "• Link"]
    page = "\n\n".join(
        [
            "Water plan approved for the valley",
            "By Ana Ruiz",
            "March 3, 2024",
            caption,
            *pictures,
            *LONG_PARAGRAPHS,
            "About us",
        ]
    )
    assert extract_textdump(page).paragraphs == LONG_PARAGRAPHS


def test_a_dated_link_box_inside_the_article_does_not_end_it() -> None:
    """A "Read also" box between paragraphs carries the linked story's byline and date, not the article's end."""
    box = ["Read also", "Council opens the new bridge over the river", "Tom Berg", "March 1, 2024 at 08:39"]
    page = "\n\n".join(
        [
            "Water plan approved for the valley",
            "By Ana Ruiz",
            "March 3, 2024",
            *LONG_PARAGRAPHS[:2],
            *box,
            LONG_PARAGRAPHS[2],
            "About us",
        ]
    )
    assert extract_textdump(page).paragraphs == LONG_PARAGRAPHS


@pytest.mark.parametrize("heading", ["HOUSE RULES", "Community Guidelines", "Commenting policy"])
def test_the_rules_of_the_comment_section_are_not_the_article(heading: str) -> None:
    """The comment section's rules start the comments: full sentences, but not the story."""
    rules = [
        "We welcome comments from our readers on the stories of the day, and some of them may be printed.",
        "Note that an editor reads every comment first, so yours may take a day or two to appear below the story.",
        "Please be civil and keep to the topic under discussion, and do not use the comments to advertise.",
    ]
    page = "\n\n".join(
        [
            "Water plan approved for the valley",
            "By Ana Ruiz",
            "March 3, 2024",
            *LONG_PARAGRAPHS,
            "Latest News",
            heading,
            *rules,
            "Log in to comment",
        ]
    )
    assert extract_textdump(page).paragraphs == LONG_PARAGRAPHS


def test_a_run_of_bullet_marks_before_a_line_is_no_list_item() -> None:
    """links prints icons and empty list items as stars before a headline ("* * * Headline"): the line is
    the headline, not a list item; a single bullet still is one."""
    units = _units("   * * * Harbour works begin after the council vote\n\n   * Sport\n")
    assert [(u.text, u.bullet) for u in units] == [
        ("Harbour works begin after the council vote", False),
        ("* Sport", True),
    ]


WIDE_PARAGRAPHS = [
    "The ferry between the two islands stopped running on Monday after a storm damaged the pier at the northern "
    "harbour, the port authority said, and the repairs are expected to take at least three weeks to finish.",
    "Shops on the smaller island said they had enough food for a week.",
    "The authority said a smaller boat would carry medicines and mail twice a day from Wednesday.",
    "Fishermen, who use the same pier to land their catch every morning, asked the authority to let them use the "
    "southern harbour instead, which is further from the market but was not damaged by the waves last night.",
    "The mayor said she would meet the port authority on Thursday to ask when the ferry can run again.",
]


def test_wide_wrap_shown_by_few_lines_is_undone() -> None:
    """At 200 columns most paragraphs fit on one line: the wrap shows only where a sentence goes on at the edge."""
    menu = ["Home", "Islands", "Weather", "Sport", "Contact us", "Subscribe", "Log in", "Search"]
    wrapped = ["\n".join(textwrap.wrap(paragraph, width=200)) for paragraph in WIDE_PARAGRAPHS]
    # many paragraphs end short of the edge, at any column: the edge is in few lines
    wrapped += [
        f"Boat {n}: " + "the crew said the sea was calm and the pier was closed. " * (2 + n % 2) for n in range(12)
    ]
    dump_text = "\n".join(menu) + "\n\nFerry stops after storm hits pier\n\n" + "\n\n".join(wrapped)
    assert sum(len(p) > 200 for p in WIDE_PARAGRAPHS) == 2 and dump_text.count("\n") > 20
    assert extract_textdump(dump_text).paragraphs[: len(WIDE_PARAGRAPHS)] == WIDE_PARAGRAPHS


def test_a_page_broken_into_lines_by_its_own_layout_is_no_wrap() -> None:
    """An unwrapped page (one block per line, headlines over their stories) has no edge: nothing is joined."""
    sentence = "The islanders waited on the quay for news of the ferry. "
    lines = []
    for n in range(1, 13):
        lines += [f"Island news item number {n} without a full stop", (sentence * (n % 5 + 1)).strip()]
    units = [unit.text for unit in _units("\n".join(lines))]
    assert units == lines


def test_caption_that_the_next_paragraphs_say_again_is_not_text() -> None:
    caption = (
        "Mayor Lena Vossberg speaks after the count on Tuesday. She won with 61% of the vote in the town election, "
        "defeating two rivals who had both served on the council. (video still)"
    )
    lead = "Mayor Lena Vossberg speaks after the count on Tuesday."
    second = (
        "She won with 61% of the vote in the town election, defeating two rivals who had both served on the council."
    )
    page = "\n\n".join(["Town elects its first woman mayor", "By Ana Ruiz", caption, lead, second, *ARTICLE_PARAGRAPHS])
    paragraphs = extract_textdump(page).paragraphs
    assert caption not in paragraphs
    assert second in paragraphs and ARTICLE_PARAGRAPHS[0] in paragraphs


def test_a_caption_broken_mid_sentence_is_no_headline() -> None:
    """A line that ends in "as" (or "the", "and", "of") is half a sentence, however many words it shares."""
    story = [
        "Police have released the names of the two people killed in a crash near Millbrook on Tuesday.",
        "They are Anna Berg, 41, of Millbrook and a man known as Tom Reed, whose address was not known.",
        "Berg's husband was badly hurt in the crash and is in hospital.",
        *ARTICLE_PARAGRAPHS,
    ]
    page = "\n".join(
        [
            "Main menu",
            "",
            "Crash victims named",
            "Published: Tuesday | March 3, 2024 | 9:52 PM",
            "",
            "[crash_site]",
            "Anna Berg, 41, of Millbrook and a man known as",
            "Tom Reed, whose address was not known, were pronounced dead in hospital.",
            "",
            "\n\n".join(story),
        ]
    )
    assert extract_textdump(page).title == "Crash victims named"


def test_paywall_prompt_author_biography_and_agency_credit_are_not_the_story() -> None:
    caption = (
        "The harbour master inspects the damaged pier on Monday morning, after the waves tore away two of the "
        "wooden landing stages used by the ferry and the fishing boats (REUTERS/Jane Doe)"
    )
    notices = [
        "To view the full story, please subscribe to the Island Courier. You can choose an annual or a weekly pass.",
        "If you are seeing this message but you are already a subscriber, you can log in for immediate access.",
    ]
    bio = "Mara Quist is a senior reporter at the Island Courier, where she has covered the harbour since 2015."
    page = "\n\n".join(
        [
            "Ferry stops after storm hits pier",
            "By Mara Quist",
            ARTICLE_PARAGRAPHS[0],
            caption,
            *ARTICLE_PARAGRAPHS[1:],
            bio,
            *notices,
            "Share",
        ]
    )
    paragraphs = extract_textdump(page).paragraphs
    assert paragraphs == ARTICLE_PARAGRAPHS


GERMAN_STORY = [
    "Die Fähre zwischen Vessa und Marlow fährt seit Montag wieder nach dem Fahrplan, nachdem der Sturm in der "
    "vergangenen Woche zwei Anleger beschädigt hatte und die Schiffe mehrere Tage im Hafen bleiben mussten.",
    "Die Reederei hat die Anleger mit Hilfe der Gemeinde in nur fünf Tagen repariert. Der Bürgermeister sagte, "
    "die Insel sei auf die Fähre angewiesen, weil die Kinder mit ihr jeden Morgen zur Schule auf dem Festland fahren.",
]


@pytest.mark.parametrize(
    ("story", "closing"),
    [
        (
            GERMAN_STORY,
            [
                "Jo Tresk ist freier Autor und Journalist. Er lebt seit vielen Jahren auf der Insel und schreibt "
                "dort über den Verkehr, die Häfen und die Fähren der Region, die er seit seiner Kindheit kennt."
            ],
        ),
        (
            GERMAN_STORY,
            [
                "Nichts mehr verpassen: Unser kostenloser Newsletter bringt Ihnen jeden Freitag die wichtigsten "
                "Nachrichten von der Insel. Geben Sie einfach Ihre E-Mail-Adresse ein und bestätigen Sie den Link."
            ],
        ),
        (
            ARTICLE_PARAGRAPHS,
            [
                "Never miss a story from the harbour: our free weekly newsletter brings the best of the Courier.",
                "Enter your email address below and confirm the link we send you.",
            ],
        ),
    ],
)
def test_a_biography_or_a_newsletters_sign_up_closing_the_story_is_not_the_story(
    story: list[str], closing: list[str]
) -> None:
    """The boxes a page prints under its story, in the page's language: the author's biography, the sign-up."""
    page = "\n\n".join(["Fähre fährt wieder", "Von Mara Quist", *story, *closing, "Teilen"])
    assert extract_textdump(page).paragraphs == story


def test_headline_above_a_listed_byline_sharing_only_compound_stems_is_found() -> None:
    """German compounds share their stems, not their words, with the story; the byline is printed as a list."""
    story = [
        "Die Betreiber der Stromnetze verlangen von der Regierung eine Reform der Netzentgelte, die seit Jahren "
        "für Streit zwischen den Gemeinden und den großen Versorgern sorgt, wie ein Sprecher am Montag sagte.",
        "Nach den Plänen sollen die Kosten für den Ausbau der Leitungen künftig gleichmäßiger über das ganze Land "
        "verteilt werden, damit die ländlichen Regionen nicht mehr allein für die neuen Windparks zahlen.",
        "Die Versorgungsunternehmen rechnen damit, dass die Reform im Herbst im Parlament beraten wird und dass "
        "die Preise für die Haushalte im Süden des Landes danach leicht sinken könnten.",
    ]
    page = "\n".join(
        [
            *[f"  * [{n}]{section}" for n, section in enumerate(["Start", "Politik", "Wirtschaft", "Sport", "Kultur"])],
            "",
            "Versorgungsreform : Stromnetzbetreiber fordern neues Abrechnungsmodell",
            "",
            "  * Von Anna Schmidt und Jonas Weber",
            "",
            "\n\n".join(story).replace("Netzentgelte", "Abrechnungsregeln der Netzentgelte"),
            "",
            "  * [7]Impressum",
            "  * [8]Datenschutz",
        ]
    )
    dump = extract_textdump(page)
    assert dump.title == "Versorgungsreform : Stromnetzbetreiber fordern neues Abrechnungsmodell"
    assert dump.byline == "Von Anna Schmidt und Jonas Weber"


def _dump_page(sections: list[str], header: list[str], story: list[str], bullet: str = "•") -> str:
    """A flattened page: a numbered menu of sections, the header's lines, then the story's paragraphs."""
    menu = [f"  {bullet} [{n}]{section}" for n, section in enumerate(sections)]
    return "\n".join([*menu, "", *header, "", "\n\n".join(story)])


def test_headline_above_a_date_line_with_more_on_it_and_in_a_slash_trail() -> None:
    """ "01. November 2021 | Nature, Local" is the header's date line; "Home / IT / Headline" ends in the headline."""
    story = [
        "Das Hermelin trägt im Winter ein weißes Fell, nur die Spitze seines Schwanzes bleibt das ganze Jahr "
        "schwarz, wie die Naturschützer in ihrem Monatstipp für den November erklären.",
        "In den Wäldern und Wiesen der Region ist das kleine Raubtier häufiger, als viele Spaziergänger denken, "
        "denn es jagt vor allem in der Dämmerung und versteckt sich tagsüber in Steinhaufen.",
        "Wer ein Hermelin sehen möchte, braucht Geduld und sollte sich am Rand einer Wiese ruhig hinsetzen.",
    ]
    sections = ["Startseite", "Themen", "Tipps", "Mitmachen", "Spenden"]
    dated = ["Unser Tipp im November: Das Hermelin", "", "01. November 2021 | Naturschutz, Wald"]
    assert extract_textdump(_dump_page(sections, dated, story)).title == "Unser Tipp im November: Das Hermelin"
    trail = ["home / Natur / Tiere / Unser Tipp im November: Das Hermelin", "Tiere - 1. November 2021"]
    assert extract_textdump(_dump_page(sections, trail, story)).title == "Unser Tipp im November: Das Hermelin"


LONG_SECTION = (
    "The weather service said the month was the wettest since records began in the north of the country, with "
    "almost twice the usual rain falling on the coast, while the south stayed dry and sunny for most of the "
    "weeks, and the first frost came two weeks later than in an average year, which kept the leaves on the "
    "trees well into the last days of the month."
)


def test_an_articles_sections_under_subheadings_are_not_a_closing_teaser_list() -> None:
    """A teaser box alternates headlines with a sentence or two; an article's sections run longer."""
    sections = [
        "Wettest month in the north",
        LONG_SECTION,
        "A dry and sunny south",
        LONG_SECTION.replace("north", "south-west"),
        "Late frost kept the leaves",
        LONG_SECTION.replace("weather service", "forest office"),
    ]
    page = "\n\n".join(["Rain records broken", "By Ana Ruiz", *ARTICLE_PARAGRAPHS, *sections, "Share", "Print"])
    paragraphs = extract_textdump(page).paragraphs
    assert paragraphs[-1] == sections[-1] and "A dry and sunny south" in paragraphs


def test_paragraphs_closed_by_an_emoji_are_sentences() -> None:
    """Lifestyle pages end paragraphs with an emoji instead of a full stop: the article still ends at its last one."""
    paragraphs = [paragraph.rstrip(".") + " 🥜" for paragraph in ARTICLE_PARAGRAPHS]
    paragraphs[1] = paragraphs[1].replace(" 🥜", " 💁🏻\u200d♀️")
    page = "\n\n".join(["Valley farmers win their water plan", "By Ana Ruiz", *paragraphs, "1/2", "Share"])
    assert extract_textdump(page).paragraphs == paragraphs


def test_headline_right_under_the_date_line_is_vouched_for() -> None:
    """A section and date line above the headline is the header too; the headline then needs one shared word."""
    story = [
        "The orchestra of the valley opens its season on Friday with a programme of old songs from the region, "
        "played on instruments built by a workshop in the upper villages a hundred years ago.",
        "Tickets for the first evening sold out within a day, the organisers said, and a second concert has "
        "been added for the Sunday afternoon, when children under twelve will be let in for free.",
    ]
    header = ["March 3, 2024", "", "Autumn concert highlights: what to hear"]
    dump = extract_textdump(_dump_page(["Home", "Culture", "Sport", "Events", "Contact"], header, story))
    assert dump.title == "Autumn concert highlights: what to hear" and dump.paragraphs == story


def test_headline_right_above_the_story_needs_no_byline() -> None:
    """Sites without bylines or dates put the headline right above the story: it may share a single word."""
    story = [
        "The best athletes of the continent already showed fine form this winter, a year before the games come "
        "to the city, with two world records in the indoor season and a crowd of ten thousand at the first meeting.",
        "The pole vault champion cleared six metres at his first competition of the year and said he was looking "
        "forward to jumping in front of a home crowd again after two seasons in empty stadiums.",
    ]
    sections = ["Rowing", "Table tennis", "Triathlon", "Gymnastics"]
    dump = extract_textdump(_dump_page(sections, ["Tickets", "", "Top athletes ready for 2026"], story, "□"))
    assert dump.title == "Top athletes ready for 2026" and dump.paragraphs == story


def test_a_line_printed_twice_over_is_a_pictures_alt_and_caption_not_the_headline() -> None:
    story = [
        "The cyclist was taken to intensive care after a crash during a training ride in the mountains on Monday, "
        "his team said, and doctors operated on his spine and his right leg the same evening.",
        "He had won the race two years ago and was preparing for the new season at home, where he trains on the "
        "same roads every winter with two of his team mates.",
    ]
    header = ["After the crash: the champion fights for his career", "", "Anna Berg Anna Berg"]
    page = _dump_page(["Home", "Racing", "Bikes", "Travel", "Shop"], header, story)
    assert extract_textdump(page).title == "After the crash: the champion fights for his career"


def test_a_sentence_printed_twice_in_a_row_is_a_caption_not_the_headline() -> None:
    """A picture's alt text and its caption print the same sentence on two lines; the headline is below."""
    story = [
        "A pilot project in the east of the country has started making heating pellets from the leaves that "
        "towns sweep from their streets every autumn, the forestry office said on Monday.",
        "The pellets burn as well as those made from sawdust, the engineers say, and the first ton will heat the "
        "town hall this winter if the tests in the spring confirm the results.",
    ]
    caption = "A pilot project in the east has started making pellets from leaves."
    header = [caption, caption, "Photo: Forestry Office", "", "Heating with leaves: how the pellets work", ""]
    page = _dump_page(["Home", "Forest", "Energy", "Timber", "Jobs"], [*header, "March 3, 2024"], story)
    assert extract_textdump(page).title == "Heating with leaves: how the pellets work"


def test_a_table_of_figures_inside_the_story_is_kept_and_a_posts_signature_is_not() -> None:
    """A converter prints a table as short lines of figures: between the story's paragraphs they are its text.
    An embedded post's lines, with a date among their words, are not a table."""
    before = [
        "The regional league published its figures for the season on Monday, and the two clubs from the valley "
        "again finished far apart in almost every measure that the coaches and the supporters care about.",
        "The northern club lost more games at home than away for the first time in a decade, while its rival "
        "from the southern end of the valley won eleven of its last twelve games in front of its own crowd.",
    ]
    after = [
        "The coach of the northern club said the numbers were no surprise to anyone who had watched the games, "
        "and promised that the young players would close the gap to their neighbours by the next spring.",
        "The league will publish the attendance figures for every club of the division at the end of the month, "
        "after the last cup games of the season have been played in the capital and in the port town.",
    ]
    table = ["Club 2021 2022 2023", "Wins 14 12 17", "Draws 6 9 4", "Goals 51 44 62"]
    page = _dump_page(["Home", "League", "Clubs", "Tables", "Contact"], ["Valley clubs far apart again"], before)
    paragraphs = extract_textdump(page + "\n\n" + "\n".join(table) + "\n\n" + "\n\n".join(after)).paragraphs
    assert paragraphs == [*before, *table, *after]
    post = ["Great game tonight at the valley stadium, what a finish", "— Fan Account (@valleyfan) May 5, 2023"]
    paragraphs = extract_textdump(page + "\n\n" + "\n".join(post * 2) + "\n\n" + "\n\n".join(after)).paragraphs
    assert paragraphs == [*before, *after]


def test_a_story_told_as_a_gallery_is_text_between_the_pictures_credits() -> None:
    """Each slide of a gallery is a picture's credit, a heading and a short paragraph: the credits are not
    text, but they say nothing about the paragraphs between them."""
    slides = [
        ("Why do owls hunt at night?", "Most owls hunt at night because the small animals they eat are out then."),
        ("Silent wings", "The soft edges of their feathers break up the air, so their flight makes no sound."),
        ("Ears at two heights", "One ear sits higher than the other, which tells the owl where a sound is from."),
        ("Eyes that do not move", "An owl cannot turn its eyes, so it turns its whole head to look around."),
    ]
    intro = (
        "Owls have fascinated people for thousands of years, and many of the stories told about them in the "
        "villages of the valley are older than the churches. Click through the gallery below to learn what "
        "makes these birds such good hunters in the dark."
    )
    story = [intro]
    for n, (heading, text) in enumerate(slides, 2):
        story += [f"{n}/5 photos © Picture Agency", heading, text]
    page = _dump_page(["Home", "Animals", "Birds", "Gardens", "Contact"], ["What makes owls such good hunters"], story)
    paragraphs = extract_textdump(page + "\n\nMore galleries\n\nShare this page").paragraphs
    assert [text for _, text in slides] == [p for p in paragraphs if p in {t for _, t in slides}]
    assert paragraphs[0] == intro and not any("photos ©" in p for p in paragraphs)


def test_a_german_interviews_quoted_answers_are_sentences_and_the_comment_count_is_not_the_story() -> None:
    """German closes a quote with “: "Weber: „... zahlen.“" ends a sentence. A blog's "3 Gedanken zu „Title“"
    heads its comments, however long the title."""
    answers = [
        "Frau Vogt, wie kam die Idee für den neuen Rundweg am See zustande?",
        "Vogt: „Viele Gäste haben uns gefragt, ob man den See zu Fuß umrunden kann. Jetzt geht das endlich.“",
        "Und wer hat den Weg gebaut?",
        "Lenz: „Die Gemeinde hat die Brücken bezahlt, und der Verein hat die Wegweiser selbst aufgestellt.“",
        "Wie lang ist der Weg insgesamt?",
        "Vogt: „Es sind gut elf Kilometer, also etwa drei Stunden, wenn man nicht zu oft anhält.“",
    ]
    intro = (
        "SEETAL - Der neue Rundweg am Seetaler Weiher ist seit dem Frühjahr geöffnet. Wir haben mit den beiden "
        "Verantwortlichen des Heimatvereins darüber gesprochen, wie der Weg entstanden ist und was noch kommt."
    )
    header = ["Interview mit Anna Vogt und Peter Lenz", "Ein neuer Weg rund um den Seetaler Weiher", "von MAX ROTH"]
    page = _dump_page(["Start", "Region", "Sport", "Kultur", "Kontakt"], header, [intro, *answers])
    comments = "\n\n3 Gedanken zu „Ein neuer Weg rund um den Seetaler Weiher und was der Heimatverein noch vorhat“"
    paragraphs = extract_textdump(page + comments + "\n\nSchöner Weg, waren gestern dort!").paragraphs
    assert [p for p in paragraphs if p.startswith(("Vogt:", "Lenz:"))] == answers[1::2]
    assert not any(p.startswith("3 Gedanken") for p in paragraphs)


def test_a_story_in_a_table_column_is_rejoined_at_the_columns_own_wrap() -> None:
    """A page laid out as a table prints its story in a column indented past the sidebar and wrapped at the
    column's edge, past the page's own: the column's lines and the page's own are each re-joined at their
    own wrap."""
    notice = (
        "we wrote about the association's work in the valley, the people who joined it that year and the "
        "plans for the orchard along the old mill road, and we asked our readers to send us their old pictures."
    )
    letters = [f"In letter number {n} {notice}" for n in range(6)]
    story = [
        "The association planted the first row of apple trees along the old mill road in the spring, after two "
        "winters of talks with the farmers whose fields border the road and with the council, which owns it.",
        "Volunteers from the three villages came every Saturday in April to dig, to plant and to water, and the "
        "school brought its pupils for a morning so that every child could plant a tree of their own.",
        "The trees will bear their first apples in four or five years; until then the association asks walkers "
        "to keep their dogs on a lead along the road and to leave the young trees and their stakes alone.",
    ]
    lines = ["Home", "Newsletters", "Contact", ""]
    for letter in letters:
        lines += [*textwrap.wrap(letter, 79), ""]
    for paragraph in story * 2:
        lines += [" " * 20 + line for line in textwrap.wrap(paragraph, 70)] + [""]
    units = [unit.text for unit in _units("\n".join([*lines, "Imprint"]))]
    assert all(paragraph in units for paragraph in story) and all(letter in units for letter in letters)


def test_a_wrapped_line_that_starts_with_a_dash_continues_its_paragraph() -> None:
    """A text browser may break a line right before a dash of the text ("„NC\\n– keine ..."): the dash at
    the margin is no list item, and the paragraph stays whole. A dash after a colon starts a list."""
    paragraph = [
        "Im Jahr des zehnten Jubiläums der Vereinssatzung wird es jetzt wirklich spannend",
        "rund um die Frage, was das im Frühjahr beschlossene neueste Satzungselement „NC",
        "– keine kommerzielle Nutzung“ für die Vereine im Tal bedeutet, in diesem Falle",
        "für den Chor der Gemeinde. Wie bei der letzten Entscheidung steht wieder das",
        "Amtsgericht mit einem Urteil im Mittelpunkt der Debatte im ganzen Dorf.",
    ]
    assert all(len(line) >= 75 for line in paragraph[:3])  # each line filled to the wrap width
    before = textwrap.fill(
        "Der Gesangverein des Tals feiert in diesem Jahr sein zehntes Jubiläum, und zum Fest im Sommer kommen "
        "Chöre aus allen Dörfern am See, um gemeinsam im Hof der alten Mühle zu singen und zu feiern. Die "
        "Gemeinde stellt dafür die Bühne, die Bänke und den Strom, und die Feuerwehr übernimmt den Ausschank.",
        80,
    )
    units = [unit.text for unit in _units(before + "\n\n" + "\n".join(paragraph) + "\n")]
    assert units[1:] == [" ".join(paragraph)]
    listed = [
        "Der Vorstand des Vereins hat fürs kommende Jahr seine drei Vorhaben beschlossen:",
        "– ein neues Dach für das Vereinsheim",
        "– eine Chorreise an den See",
    ]
    assert len(listed[0]) >= 78
    units = [unit.text for unit in _units(before + "\n\n" + "\n".join([*paragraph, "", *listed]) + "\n")]
    assert units[2:] == listed


def test_a_byline_with_a_date_between_bars_is_no_headline_and_a_year_counts_as_a_headline_word() -> None:
    """ "Anna Berg | 29. Dezember 202230. Dezember 2022 | Wirtschaft" (posted and updated, glued) is the
    header's stamp; the short headline above it, "Fünf Trends 2023", is the title."""
    from sitrep.extract.published import has_date_segment, names_a_date

    stamp = "Anna Berg | 29. Dezember 202230. Dezember 2022 | Wirtschaft"
    assert has_date_segment(stamp) and not has_date_segment("Vessa | Kelvane | Norland")
    assert not has_date_segment("Wahl am 3. März 2024: was die Parteien versprechen")  # a headline naming a date
    story = [
        "Welche Trends die Betriebe im Tal 2023 erwarten, hat die Kammer in ihrer jährlichen Umfrage unter den "
        "Mitgliedern erhoben, und die Antworten zeigen ein klares Bild.",
        "Der erste der fünf Trends betrifft die Löhne: Pauschale Erhöhungen werden seltener, Zulagen häufiger.",
        "Der zweite Trend ist die Weiterbildung, die nach Ansicht der Befragten wichtiger wird als je zuvor.",
    ]
    sections = ["Startseite", "Wirtschaft", "Region", "Kultur", "Kontakt"]
    page = _dump_page(sections, ["Fünf Trends 2023", stamp, "Foto: Archiv"], story)
    assert extract_textdump(page).title == "Fünf Trends 2023"
    # a month's name is a whole word: "Marsicano", "Decision" name no month
    assert not names_a_date("ORSO MARSICANO: 2019 UN ANNO DA RECORD")
    assert not names_a_date("Decision 2024 on the harbour wall")
    assert names_a_date("Jan Vogt, 01. Dez. 2017, 12:01 Uhr") and names_a_date("Anna Berg19.10.2019, 23:38 Uhr")


def test_an_interviews_short_questions_and_answers_between_its_paragraphs_are_the_story() -> None:
    """Short questions and short answers in a row look like a list of teasers to context revision; between the
    story's own paragraphs, sentences are the story. A picture's caption there is still not."""
    intro = (
        "Marta Kelvane has kept bees on the hills above Vessa for thirty years. We asked her how the hives came "
        "through the dry summer and what she expects from the coming season, now that the rains have returned."
    )
    exchange = [
        "How did the hives do this year?",
        "Better than I feared, to be honest.",
        "Did you lose any colonies?",
        "Two of forty, which is normal.",
        "What worries you most now?",
        "The mites, as always. And the cost of sugar.",
    ]
    closing = (
        "Kelvane: The young beekeepers in the valley ask me the same things every spring, and I tell them what my "
        "father told me: watch the bees before you read the books, because the bees have not read them either."
    )
    caption = "The hives above Vessa in May. Photo: Jo Tresk"
    page = _dump_page(MENU, ["Bees and the dry summer", "By Jo Tresk"], [intro, *exchange, caption, closing])
    paragraphs = extract_textdump(page).paragraphs
    assert paragraphs == [intro, *exchange, closing]


def test_a_clean_articles_headline_byline_and_date_are_read_and_its_body_stays_the_input(tmp_path: Path) -> None:
    """Clean text keeps every character as its body (offsets index the file), and the header it prints above its
    first paragraph is its metadata, as on a flattened page. Prose opening the file is no headline."""
    text = "\n\n".join(["Water plan approved in Vessa", "By Ana Ruiz", "March 3, 2024", *PROSE]) + "\n"
    path = tmp_path / "plan.txt"
    path.write_bytes(text.encode("utf-8"))
    source, article = extract(read_path(path, captured_at="2024-03-04"), "auto")
    assert source.kind == "text" and article.body == text
    assert (article.title, article.byline, article.authors) == (
        "Water plan approved in Vessa",
        "By Ana Ruiz",
        ["Ana Ruiz"],
    )
    assert article.published is not None and article.published.earliest == "2024-03-03"
    prose_only = tmp_path / "prose.txt"
    prose_only.write_bytes("\n\n".join(PROSE).encode("utf-8"))
    assert extract(read_path(prose_only), "auto")[1].title is None
    # an extractor's body opening with a standfirst or a subheading: no byline or date under it, no headline
    standfirst = tmp_path / "standfirst.txt"
    standfirst.write_bytes("\n\n".join(["What the new water plan means for the valley's farms", *PROSE]).encode())
    assert extract(read_path(standfirst), "auto")[1].title is None


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("Written by Ana Ruiz on July 27, 2017", ["Ana Ruiz"]),
        ("Von Jo Tresk und Mara Quist, 3. März 2024", ["Jo Tresk", "Mara Quist"]),
        ("By Li Wei | 27.01.2022 - 12:45", ["Li Wei"]),
        ("By Staff, Agencies", ["Staff", "Agencies"]),
        ("Por José Ortega y Gasset, 3 de mayo de 2024", ["José Ortega y Gasset"]),
    ],
)
def test_a_date_printed_on_the_byline_is_no_authors_name(byline: str, authors: list[str]) -> None:
    page = "\n\n".join(["Ferry stops after storm hits pier", byline, *ARTICLE_PARAGRAPHS])
    dump = extract_textdump(page)
    assert (dump.byline, dump.authors) == (byline, authors)


def test_an_icon_alone_between_the_storys_paragraphs_is_no_text() -> None:
    """A share bar's icon ligature on a line of its own leaves a unit with no text inside the story: the story
    is read past it, without a word of the icon's. (Where a share bar stands, the story may end: what follows
    it is not asserted here.)"""
    page = "\n\n".join(["Ferry stops after storm hits pier", "By Mara Quist", ARTICLE_PARAGRAPHS[0], "print"])
    page += "\n\n" + "\n\n".join(ARTICLE_PARAGRAPHS[1:])
    paragraphs = extract_textdump(page).paragraphs
    assert paragraphs[:2] == ARTICLE_PARAGRAPHS[:2] and all(p in ARTICLE_PARAGRAPHS for p in paragraphs)
