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
