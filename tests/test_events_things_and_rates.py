"""Disaster words that name a thing, a team or a place, and accidents counted as a rate: none is one accident
that happened (all sentences invented)."""

from __future__ import annotations

import pytest

from events_support import whole_pipeline_asserts
from sitrep.analyze.pipeline import Pipeline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # gear, places and rules named after what they guard against
        ("The apartment building had fire insurance and new sprinklers, the landlord said.", []),
        ("A teenager stole a pickup from the fire station beside the apartment building in Dayton.", []),
        ("Homes near the river in Tresk need flood insurance, the council said.", []),
        ("The county applied for a $2 million federal grant for hurricane mitigation and roads.", []),
        ("Homeowners in Dayton are applying for free hurricane inspections.", []),
        ("Fire officials reminded residents to test smoke alarms before the winter.", []),
        ("Two boys died in a house fire in Tresk on Sunday, fire officials said.", ["Man-made disaster"]),
        # ... but a fire that burns is one
        ("A fire burned down a barn on Elm Road outside Dayton on Tuesday.", ["Man-made disaster"]),
        ("Fire officials in Dayton said the blaze at the warehouse had been put out.", ["Man-made disaster"]),
        # a team's plural name, a storm word in the name of a town, a team or a park
        ("Kelvane played for the Tresk Valley Blazers for three seasons.", []),
        ("The missing hikers were found near a creek in Hurricane, a sheriff said.", []),
        ("On Monday, Hurricane police stopped the stolen van.", []),
        ("The Dayton Blizzard beat the Tresk Comets 4-2 on Tuesday.", []),
        ("Vessa Hurricane Harbor will open its new slides on Monday.", []),
        # ... but a storm's own name follows the word
        ("Tropical Storm Alberto flooded roads across western Cuba on Monday.", ["Natural disaster"]),
        # markets crash, buildings collapse
        ("Cheap mortgages and lax banks led to the market crash of 2008.", []),
        ("Investors fear a crash of the bond market next year.", []),
        ("The collapse of a bank's office building in Dhaka killed 20 workers.", ["Man-made disaster"]),
        # talks derail, trains derail
        ("The budget talks were derailed by a row over seating.", []),
        ("A freight train was derailed near Tresk on Monday.", ["Man-made disaster"]),
        # control lost over people or a budget, not over a vehicle
        ("Officials in Dayton admitted they had lost control over the separatists' actions.", []),
        ("A Dayton man lost control of his pickup on Route 9 and hit a tree on Monday.", ["Man-made disaster"]),
    ],
)
def test_disaster_words_that_name_things(pipeline: Pipeline, text: str, expected: list[str]) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Route 9 sees about 30 crashes each year, the county engineer said.", []),
        ("The county records two crashes per week on Route 9.", []),
        ("Two cars crashed on Route 9 near Dayton on Monday.", ["Man-made disaster"]),
    ],
)
def test_a_rate_is_no_single_accident(pipeline: Pipeline, text: str, expected: list[str]) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("An explosion at a gas plant in Dayton killed two workers on Monday.", ["Man-made disaster"]),
        ("A gas cylinder exploded in a restaurant kitchen in Lagos, killing three.", ["Man-made disaster"]),
        ("A bomb explosion at a gas plant in Tresk killed two guards on Monday.", ["Remote explosive/landmine/IED"]),
        ("An explosion at a market in Kabul killed ten people on Monday.", ["Remote explosive/landmine/IED"]),
    ],
)
def test_an_explosion_at_a_works_is_an_accident(pipeline: Pipeline, text: str, expected: list[str]) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plural disaster noun that opens the sentence, which the tagger takes for a name
        ("Wildfires forced thousands to flee their homes in Attica on Tuesday.", ["Natural disaster"]),
        ("Storms told reporters in Dayton that the plan would work.", []),
        # a river over its banks, homes under water; land someone flooded, a market flooded with goods
        ("The Tresk river burst its banks on Monday.", ["Natural disaster"]),
        ("Dozens of homes were flooded in Dayton on Monday.", ["Natural disaster"]),
        ("The army deliberately flooded farmland near the village of Tresk with water from the dam.", []),
        ("Cheap imports flooded the market in Dayton last year.", []),
    ],
)
def test_floods_and_fires_told_with_other_words(pipeline: Pipeline, text: str, expected: list[str]) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected
