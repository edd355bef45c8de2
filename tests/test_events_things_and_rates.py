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
        ("The building on Main Street was equipped with fire insurance and sprinklers.", []),
        ("A woman stole a truck from the fire station next to the apartment building in Dayton.", []),
        ("Homes near the river in Tresk need flood insurance, the council said.", []),
        # ... but a fire that burns is one
        ("A fire destroyed the roof of a house on Main Street in Dayton on Tuesday.", ["Man-made disaster"]),
        ("Fire officials in Dayton said the blaze at the warehouse had been put out.", ["Man-made disaster"]),
        # a team's plural name, a storm word in the name of a town, a team or a park
        ("Kelvane played for the Dayton Valley Blazers for three seasons.", []),
        ("The boys were found hiding under a railroad bridge in Hurricane, a dispatcher said.", []),
        ("Deputies and Hurricane police found the two boys near the tracks on Monday.", []),
        ("The Dayton Blizzard coordinated buses for 300 volunteers on Tuesday.", []),
        ("Six Flags Hurricane Harbor will close its pools on Monday.", []),
        # ... but a storm's own name follows the word
        ("Tropical Storm Alberto flooded roads across western Cuba on Monday.", ["Natural disaster"]),
        # markets crash, buildings collapse
        ("Deregulation on Wall Street brought the great crash of 2008 within a decade.", []),
        ("Regulators are supposed to keep the economy from another crash.", []),
        ("The collapse of a bank's office building in Dhaka killed 20 workers.", ["Man-made disaster"]),
        # talks derail, trains derail
        ("Talks on the new budget were derailed by a quarrel over the format.", []),
        ("A freight train was derailed near Tresk on Monday.", ["Man-made disaster"]),
    ],
)
def test_disaster_words_that_name_things(pipeline: Pipeline, text: str, expected: list[str]) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We have about 40 crashes on that road each year, the county engineer said.", []),
        ("The county records two crashes per week on Route 9.", []),
        ("Two cars crashed on Route 9 near Dayton on Monday.", ["Man-made disaster"]),
    ],
)
def test_a_rate_is_no_single_accident(pipeline: Pipeline, text: str, expected: list[str]) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected
