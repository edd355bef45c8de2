"""Diplomacy told by nationality, by phone, by many states at once or by a visit abroad; and violence words
that are no event: fights over abstractions, doctrines fought, and what someone habitually does (all
sentences invented)."""

from __future__ import annotations

import pytest

from events_support import whole_pipeline_asserts
from sitrep.analyze.pipeline import Pipeline

DIPLOMACY = ["Diplomatic event"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # nationalities the actor table knew only by the country's name
        ("The Greek foreign minister met his Swedish counterpart in Geneva on Monday.", DIPLOMACY),
        ("In a telephone call on Monday, the Danish premier assured the Irish president of support.", DIPLOMACY),
        # ... whatever the verb, leaders dealing by phone or in a call
        ("The Chilean president was weighing in by phone with the leaders of Peru and Bolivia on Tuesday.", DIPLOMACY),
        ("The foreign minister of Ghana held a call with her Kenyan counterpart on Friday.", DIPLOMACY),
        ("The reporter reached the mayor of Dayton by phone on Sunday.", []),
        ("A Swedish student called with questions about the French exam.", []),
        # many states at once: diplomats, international negotiators
        ("As the hall in Lyon cheered, diplomats ushered a new fisheries agreement into existence.", DIPLOMACY),
        ("International negotiators completed a climate agreement in Bonn on Friday.", DIPLOMACY),
        ("Union negotiators completed an agreement with the bus company on Friday.", []),
        ("The minister arrived at the international airport in Lagos on Monday.", []),
        # a state's visit to another state's or a region's ground
        ("Little came of the first visit to the Middle East of the new U.S. secretary of state.", DIPLOMACY),
        ("The Chinese president's visit to Shanghai on Monday drew crowds.", []),
    ],
)
def test_states_dealing_with_states(pipeline: Pipeline, text: str, expected: list[str]) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a doctrine or a candidacy fought, a fight over a fate or in an election
        ("The mayor's office fought extremism in Ohio for a decade.", []),
        ("The union spent a year combating Marlow's candidacy in Texas.", []),
        ("The row over a judge for the state court is also a fight over the fate of the water plan in Nevada.", []),
        ("Both candidates are in tough re-election fights in Ohio.", []),
        # ... armed men fought by name are fought
        ("Troops fought extremists near Mosul on Monday.", ["Armed clash"]),
        ("Gunmen attacked a pharmacy in Kabul on Monday.", ["Attack"]),
    ],
)
def test_fights_over_abstractions(pipeline: Pipeline, text: str, expected: list[str]) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what someone does to a kind of people, told in the present, nowhere and at no time
        ("The Vessan leader kills journalists and opponents, the senator said.", []),
        ("Soldiers kill civilians, the report says.", []),
        # ... a headline tells news in the present, and the progressive is going on now
        ("Troops kill militants in north Vessa", ["Armed clash"]),
        ("Troops are shelling villages near Mosul.", ["Shelling/artillery/missile attack"]),
        # ... and a verb that only tells of the violence is not the violence's
        ("Months on, witnesses tell stories of rape by soldiers in Idlib.", ["Sexual violence"]),
    ],
)
def test_what_someone_habitually_does(pipeline: Pipeline, text: str, expected: list[str]) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected
