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
        # a nationality that describes a business or a person makes no state a party
        ("A Dutch firm held talks with a Swedish bank in Geneva on Monday.", []),
        ("Dutch students met Swedish students in Geneva on Monday.", []),
        ("The Dutch firm signed a deal with a Swedish bank on Monday.", []),
        # deals signed, leaders received, consultations held
        ("Egypt and Sudan signed a trade deal in Cairo on Wednesday.", DIPLOMACY),
        ("The Greek and Irish leaders signed a joint declaration in Geneva on Monday.", DIPLOMACY),
        ("The Indian prime minister welcomed the Nepali president in New Delhi on Sunday.", DIPLOMACY),
        ("President Biden received King Abdullah at the White House on Friday.", DIPLOMACY),
        ("The Kenyan president received an award in Nairobi on Monday.", []),
        ("China and Vietnam held consultations on the maritime dispute in Hanoi on Friday.", DIPLOMACY),
        # many states at once: diplomats, international negotiators
        ("As the hall in Lyon cheered, diplomats ushered a new fisheries agreement into existence.", DIPLOMACY),
        ("International negotiators completed a climate agreement in Bonn on Friday.", DIPLOMACY),
        ("Union negotiators completed an agreement with the bus company on Friday.", []),
        # negotiations held, renewed or entered into are a round that took place; going on, they are a state
        ("Ghana and Togo resumed negotiations on their maritime border on Tuesday.", DIPLOMACY),
        ("Chile and Peru entered into negotiations on a border treaty in Lima on Monday.", DIPLOMACY),
        ("Negotiations between Ghana and Togo on the border continue.", []),
        ("The union and the bus company held negotiations in Vessa on Monday.", []),
        # a high commissioner is a state's envoy: summoned, not speaking
        ("On Tuesday, Ghana summoned the Nigerian High Commissioner in Accra over the border closure.", DIPLOMACY),
        ("The British High Commissioner in Accra said the talks would go on.", []),
        # world leaders and foreign ministers are many states' people
        ("The president telephoned several world leaders on Monday.", DIPLOMACY),
        ("The mayor met business leaders in Vessa on Monday.", []),
        # states counted in figures, also in the words that describe the deal
        ("The treaty was signed by 40 nations in Vessa on Tuesday.", DIPLOMACY),
        ("The agreement, signed by 175 countries in Geneva last month, is a model of cooperation.", DIPLOMACY),
        ("The agreement, signed by 40 players in Vessa last month, is a model of cooperation.", []),
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
        # "the wounded" are people, evacuated; wounding them is the event
        ("UN peacekeepers evacuated the wounded from the besieged town of Tresk near Goma on Friday.", ["Other"]),
        ("Gunmen wounded three policemen in Kabul on Monday.", ["Armed clash"]),
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # leaving a room is no walkout, a business's closure no general strike, trade's hours no curfew
        ('"Then they just walked out," the hotel manager in Dayton said.', []),
        ("Nurses at Dayton General walked out on Monday over pay.", ["Peaceful protest"]),
        ("The government shutdown in Washington entered its third week on Monday.", []),
        ("Few remember what stood there before the previous resort shutdown in Dayton.", []),
        ("Separatists enforced a complete shutdown across the valley on Friday.", ["Peaceful protest"]),
        ("Chicago imposed a curfew on alcohol sales from 9 p.m. on Thursday.", []),
        ("Police imposed a curfew on the city of Dayton from 9 p.m. on Thursday.", ["Change to group/activity"]),
        # what is predicted or warned of is still to come
        ("Scientists admittedly can't predict hurricanes a year out with any accuracy.", []),
        ("Officials warned of flooding along the Tresk river on Monday.", []),
        ("Officials warned that the storm had flooded roads along the Tresk river on Monday.", ["Natural disaster"]),
    ],
)
def test_words_of_leaving_closing_and_forecasting(pipeline: Pipeline, text: str, expected: list[str]) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the reaction, the response or the hearing is the news; the attack is their topic
        ("The reaction to the terrorist attacks in Lyon is already delivering votes to the far right.", []),
        ("The hearing on the bombing of the consulate in Tresk drew large crowds.", []),
        # who someone is, by what befell them long ago; a disaster dated long before the news
        ("The family of a woman killed in a crash on Route 9 in 2019 has sued the county.", []),
        ("Marlow, the former Senate leader who negotiated the Tresk peace accord, does not receive a salary.", []),
        ("The county is still paying for repairs after the bridge collapse two years ago.", []),
        ("Five people were killed in the bridge collapse two years ago, the report said.", ["Man-made disaster"]),
        ("A woman was killed in a crash on Route 9 near Dayton on Monday.", ["Man-made disaster"]),
        (
            "In response to the rocket attack on Tresk, troops shelled the village of Marlow on Monday.",
            ["Shelling/artillery/missile attack"],
        ),
    ],
)
def test_events_told_as_a_topic(pipeline: Pipeline, text: str, expected: list[str]) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dozens of parents held signs outside the school board office in Dayton on Monday.", ["Peaceful protest"]),
        (
            'Carrying signs that read "Save our pool," about 50 residents lined Main Street in Dayton.',
            ["Peaceful protest"],
        ),
        ("Fans waved banners as the team arrived in Dayton on Monday.", []),
        ("Crews carried signs for the new highway to the site near Dayton on Monday.", []),
    ],
)
def test_people_bearing_signs_demonstrate(pipeline: Pipeline, text: str, expected: list[str]) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a crowd throwing stones riots, demonstration or not; one man throwing one stone does not
        ("A crowd in Lagos threw stones at the minister on Tuesday.", ["Mob violence"]),
        ("Youths pelted the police convoy with rocks in Nairobi on Monday.", ["Mob violence"]),
        ("A man threw a stone through the window of a shop in Dayton on Monday.", []),
        ("The quarterback threw the ball to the end zone in Dayton on Sunday.", []),
        # shot at a protest is lethal force used on it; tear gas shot at it is an intervention
        (
            "He was shot at a protest on Tuesday in the northern city of Barquisimeto.",
            ["Excessive force against protesters"],
        ),
        ("Police shot tear gas at protesters in Nairobi on Monday.", ["Protest with intervention"]),
    ],
)
def test_crowds_throwing_and_shot_at(pipeline: Pipeline, text: str, expected: list[str]) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected
