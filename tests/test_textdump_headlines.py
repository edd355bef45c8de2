"""Headlines, bylines and credits in flattened pages: what opens like a byline or a crumb but is a headline."""

from __future__ import annotations

import textwrap

import pytest

from sitrep.extract.textdump import extract_textdump
from sitrep.extract.textdump.lines import split_units
from sitrep.extract.textdump.signals import byline_match

SECTIONS = ["Startseite", "Politik", "Wirtschaft", "Kultur", "Sport"]

STORY = [
    "Die Kommissionspräsidentin will die Ukraine schon bald in die Europäische Union holen, sagte sie am Montag "
    "in Brüssel vor Journalisten, und die Mitgliedstaaten sollen die Gespräche noch in diesem Jahr beginnen.",
    "Österreich müsste als Nettozahler einen größeren Beitrag leisten, rechnete der Finanzminister in Wien vor, "
    "und die Regierung will den Beitritt der Ukraine deshalb nur unter Bedingungen unterstützen.",
    "Eine Entscheidung der Staats- und Regierungschefs wird für den Gipfel im Dezember erwartet.",
]


def _page(header: list[str], story: list[str] = STORY) -> str:
    menu = [f"  • [{n}]{section}" for n, section in enumerate(SECTIONS)]
    return "\n".join([*menu, "", *header, "", "\n\n".join(story)])


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("Von Max Muster", True),
        ("Von Max Muster und Anna Beispiel", True),
        ("By Jane Doe, staff writer", True),
        ("Par Jean Dupont, envoyé spécial à Kiev", True),
        ("By the Associated Press", True),
        ("Von der Leyen will die Ukraine schnell in die EU holen", False),
        ("Por qué sube la inflación en la región", False),
        ("By the numbers: what the budget holds", False),
    ],
)
def test_a_byline_names_a_person_and_a_headline_opening_with_by_runs_on(line: str, byline: bool) -> None:
    assert (byline_match(line) is not None) is byline


def test_a_headline_opening_with_a_name_particle_is_the_title_not_the_byline() -> None:
    """ "Von der Leyen will ..." opens like a German byline ("Von Max Muster") and is the story's headline."""
    headline = "Von der Leyen will die Ukraine in die EU holen – Österreich zahlt die Rechnung"
    header = ["Foto: Wikimedia / Max Muster, CC BY 4.0", "", "6. November 2023 / 09:18 Uhr", "", headline]
    dump = extract_textdump(_page(header))
    assert dump.title == headline and dump.byline is None and dump.paragraphs == STORY


def test_a_stock_photo_caption_is_no_headline() -> None:
    """A caption crediting a stock-photo agency sits above the headline; the headline under it is the title."""
    header = [
        "Kommissionspräsidentin und Finanzminister in Brüssel vor Journalisten Shutterstock",
        "",
        "Europa",
        "",
        "Ukraine soll schnell in die Europäische Union",
        "",
        "Max Muster",
        "",
        "15.12.2022",
    ]
    assert extract_textdump(_page(header)).title == "Ukraine soll schnell in die Europäische Union"


@pytest.mark.parametrize(
    "headline",
    [
        "Finanzminister: «Österreich zahlt für die Ukraine mehr»",
        "»Österreich zahlt mehr« – der Finanzminister rechnet vor",
    ],
)
def test_a_headline_quoted_in_guillemets_is_not_cut_at_the_quote_mark(headline: str) -> None:
    header = ["Startseite » Politik » Europa", "", headline, "", "Von Max Muster", "", "15.12.2022"]
    assert extract_textdump(_page(header)).title == headline


def test_a_crumb_mark_before_the_headline_is_not_part_of_it() -> None:
    headline = "Ukraine soll schnell in die Europäische Union"
    header = [f"› {headline}", headline, "", "15.12.2022 13:00"]
    assert extract_textdump(_page(header)).title == headline


def test_a_headline_that_ends_the_breadcrumb_trail_is_vouched_for() -> None:
    """The trail's last crumb names the page: a headline printed there too is vouched for like one printed twice,
    and may then share a single word with the story."""
    story = [
        "Sie planen eine eigene Reise nach Übersee in ferne Gebirge und sind sich nicht sicher, was Sie "
        "brauchen? Wir gehen gerne mit Ihnen Ihr Expeditionskonzept durch und beraten Sie bei der Wahl der Route.",
        "Ihr Reiseplan steht grob fest, jetzt wollen Sie eine Hütte als Lager mieten und einen Bergführer "
        "anheuern? Wir haben die richtigen, verlässlichen Kontakte in vielen Ländern der Welt.",
    ]
    header = [
        "Sie sind hier: Startseite » Reisen planen » Expeditionen in Übersee",
        "Suche: [ ]",
        "",
        "Expeditionen in Übersee",
        "",
        "[A] Beratung – Ideen, Infos, Konzepte",
    ]
    assert extract_textdump(_page(header, story)).title == "Expeditionen in Übersee"


def test_a_block_printed_on_one_line_far_past_the_wrap_width_is_not_joined_to_the_next() -> None:
    """Where a false wrap width is read off a page of short lines, a paragraph on one line of 250 characters was
    never wrapped: the date line under it is a line of its own."""
    sentence = "Der Regen zog am Abend über die Stadt und die Straßen blieben bis in die Nacht nass. "
    wrapped = textwrap.wrap(sentence * 12, width=64)
    long_line = (sentence * 3).strip()
    text = "\n".join([*wrapped, "", long_line, "25.01.2022 13:00", "", *wrapped])
    units = [unit.text for unit in split_units(text)]
    assert long_line in units and "25.01.2022 13:00" in units


WATER_STORY = [
    "The regional council of Vessa approved the water plan on Tuesday after a debate that lasted most of the "
    "afternoon, and the first of the new pipes are to be laid in the valley before the autumn harvest.",
    "Farmers in the valley had asked for the plan for a decade, saying that the old canals lost almost half of "
    "their water in the dry summer months and that their fields were too often left without enough of it.",
    "The council said the work would be paid for by the national government and by a loan from a development "
    "bank, and that the price of water for the households of the valley would not rise because of the plan.",
]


def _water_page(after: list[str]) -> str:
    menu = ["• Home", "• News", "• Sport", "• Weather"]
    header = ["Water plan approved for the valley", "By Ana Ruiz", "March 3, 2024"]
    return "\n\n".join([*menu, *header, *WATER_STORY, *after])


@pytest.mark.parametrize("label", [[], ["Read more"], ["Weiterlesen"]])
def test_bullets_closing_the_story_with_nothing_to_lead_to_them_are_links_to_other_stories(label: list[str]) -> None:
    """Teasers of other stories printed as a bulleted list under the story (a text browser drops their links)
    share the story's words but are not its own list: nothing introduces them, or only a "read more" label."""
    teasers = [
        "• Expert: water prices in the valley will rise again",
        "• Farmers of the valley fear another dry summer",
        "• Council of Vessa elects a new president",
    ]
    assert extract_textdump(_water_page([*label, *teasers, "© 2024 Valley News"])).paragraphs == WATER_STORY


def test_a_list_introduced_by_a_colon_and_numbered_notes_closing_the_story_are_its_own() -> None:
    steps = ["• The pipes are laid along the old canals", "• The pumps of the valley are replaced by new ones"]
    intro = "The plan has two parts:"
    notes = ["1. Council minutes of the water plan, March 2024", "2. Report of the valley farmers on the canals"]
    paragraphs = extract_textdump(_water_page([intro, *steps, "Notes", *notes])).paragraphs
    # the sentence that leads to the list is the story's; a one-word heading over the notes is not
    assert paragraphs == [*WATER_STORY, intro, *steps, *notes]


@pytest.mark.parametrize(
    "appeal",
    [
        "Your support helps us keep our reporting on the valley free for everyone to read.",
        "Ihr Beitrag hilft, unsere Berichterstattung weiter auszubauen und kostenlos zur Verfügung zu stellen.",
        "If you want our independent journalism on the valley to go on, please think about a donation today.",
    ],
)
def test_an_appeal_for_the_readers_money_is_no_paragraph_of_the_story(appeal: str) -> None:
    assert extract_textdump(_water_page([appeal])).paragraphs == WATER_STORY


SIGHTS = [
    "the old lighthouse keeper's cottage is now a café where walkers stop for soup after climbing the cliffs.",
    "a colony of puffins nests on the western slope between April and July, watched from a wooden hide.",
    "the ruins of a chapel built by monks a thousand years ago stand above a bay of white sand.",
    "a farm sells cheese made from the milk of its own sheep, and a footpath leads round the whole shore.",
    "seals rest on the rocks at low tide, and boat trips leave from the pier to the caves on the north side.",
    "the single village has a pub, a shop and a museum of the herring fishery that once fed the region.",
]


def test_a_lead_above_the_storys_table_of_contents_stays_with_the_story() -> None:
    """A list story prints its lead under the byline, then a table of contents whose items come back below as
    the headings of its sections: the lead belongs to the story however long the table is."""
    islands = ["Kelvane Isle", "Norland Rock", "Vessa Point", "Aldmoor Holm", "Brisk Holm", "Carrow Isle"]
    islands += ["Dunmere Rock", "Eastwick Isle", "Fallow Holm", "Greystone", "Harrow Point", "Ivel Isle"]
    lead = (
        "The coast of the north has more islands than most visitors know, and many of them can be reached by "
        "ferry in under an hour from the harbour towns of the region. We picked the ones worth a day trip. "
        "Most of them have a café near the pier, and a few have a small museum of the fishing villages."
    )
    contents = ["Contents", *[f"• {n}. {name}" for n, name in enumerate(islands, 1)]]
    sections = []
    for n, name in enumerate(islands, 1):
        sights = SIGHTS[n % len(SIGHTS)]
        sections += [f"{n}. {name}", f"On {name}, {sights} The ferry takes {20 + 3 * n} minutes from the harbour."]
    header = ["• Home", "• Travel", "• Food", "Twelve islands for a day trip", "By Ana Ruiz", "May 3, 2024"]
    page = "\n\n".join([*header, lead, *contents, *sections])
    paragraphs = extract_textdump(page).paragraphs
    assert paragraphs[0] == lead and sections[1] in paragraphs and sections[-1] in paragraphs
    assert not any(line in paragraphs for line in contents)


def test_a_standfirst_ending_in_a_full_stop_gives_way_to_the_headline_above_it() -> None:
    """The standfirst repeats the story's words more than a teasing headline does; a headline seldom ends in a
    full stop, so the line above a sentence-shaped standfirst is the title even when it scores lower."""
    story = [
        "Clickbait websites run thousands of servers around the clock to show advertising next to articles that "
        "few readers finish, and the study counted the energy those servers and the readers' devices use.",
        "The researchers estimate that the clickbait websites they measured emit as much CO2 in a year "
        "as a small town, most of it from the advertising that loads with every page.",
        "They suggest that advertisers stop paying for clicks and pay for time spent reading instead.",
    ]
    headline = "You will not believe how much CO2 this produces!"
    standfirst = (
        "A new study measures the CO2 that clickbait websites, their servers and their advertising emit in a year."
    )
    header = ["Environment", "", headline, "", standfirst, "", "Jane Doe, 12.12.22", "", "• EN", "• DE"]
    assert extract_textdump(_page(header, story)).title == headline


def test_a_bare_comment_count_below_the_story_heads_the_comments() -> None:
    """ "3 Comments" in the header is a link to them; the same count below the story's text heads the readers'
    comments, which are no part of the story."""
    comments = [
        "Thank you for this piece. I wonder whether the council of Vessa will ever pay for the new canals, given "
        "how long the farmers of the valley have already waited for them and how often they were promised.",
    ]
    page = _water_page(["5 Comments", *comments])
    page = page.replace("By Ana Ruiz", "By Ana Ruiz\n\n3 Comments", 1)
    assert extract_textdump(page).paragraphs == WATER_STORY


def test_a_box_of_related_stories_inside_the_story_is_cut_out() -> None:
    """ "Related:" and the other stories' headlines under it (no full stop) sit between two paragraphs of the
    story: the story goes on below the box."""
    box = [
        "Related:",
        "Farmers of the valley say that the old canals lost half of their water: “We cannot wait any longer”",
        "The council of Vessa and the development bank sign the loan for the new water pipes of the valley",
    ]
    page = _water_page([]).replace(WATER_STORY[1], "\n\n".join([*box, WATER_STORY[1]]), 1)
    assert extract_textdump(page).paragraphs == WATER_STORY
