"""Local and political news prose: crime reports, election coverage and stories that mention violence in
passing. What ACLED codes is kept; the courtroom, the police blotter and the campaign trail are not events
(all sentences invented)."""

from __future__ import annotations

import pytest

from events_support import whole_pipeline_asserts
from sitrep.analyze.pipeline import Pipeline
from sitrep.model import Article, Source


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a battle's toll told by a relative clause on the battle grounds it
        (
            "The mutiny ended when guards resisted the rebels, resulting in a short gun battle that left three "
            "guards and nine mutineers dead.",
            ["Armed clash"],
        ),
        # politicians and named people fight only in words, votes and bars; armed sides still fight
        ("Senator Marlow was battling with Governor Tresk for second place in Iowa.", []),
        ("At the heart of the battle between Marlow and Tresk in Ohio is who will lead the party.", []),
        ("She won narrowly after a hard-fought battle with Senator Kelvane.", []),
        ("The challenger lost most delegate battles in Ohio this spring.", []),
        ("Firefighters battled the warehouse fire for most of the afternoon.", ["Man-made disaster"]),
        ("Rebels battled government troops near Vessa on Monday.", ["Armed clash"]),
    ],
)
def test_who_fights_says_whether_it_is_a_battle(pipeline: Pipeline, text: str, expected: list[str]) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # anybody at all, in the present, is nobody in particular
        ('"Anyone out there who is fighting with their family should read this," the author said in Toronto.', []),
        # a disaster word naming the kind of a preparation
        ("The county wants a wider road to carry traffic during hurricane evacuations.", []),
        ("Pupils across the district held earthquake drills on Friday.", []),
        # the crime is the charge, and the day of a crime told before is no new crime
        ("Police charged the driver with assault and reckless endangerment on Sunday.", []),
        ("A police officer in Dayton stopped the suspect's car on the day of the murder.", []),
        # events the reader knows by their place, told as the time of the news
        ("After the terrorist attacks in Paris and Brussels, the screening rules were tightened.", []),
        ("Security has dominated the campaign in Ohio since the Paris attacks.", []),
        ("Rescuers searched for bodies in Kabul a day after the suicide truck bombing.", ["Suicide bomb"]),
        # ... but a second night of protests is the protests
        ("A second night of protests over the verdict shook the capital.", ["Peaceful protest"]),
    ],
)
def test_what_is_told_in_passing_or_in_general(pipeline: Pipeline, text: str, expected: list[str]) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the police's routine: a search raid, a suspect's surrender, more patrols
        ("A police SWAT team raided the home of a 30-year-old man on Wednesday.", []),
        ("Two suspects surrendered to police after a three-hour standoff.", []),
        ("Police have stepped up patrols on the town's back roads after the burglaries.", []),
        # ... but a raid that detains journalists is a political arrest, and rebels who give up change sides
        (
            "Police raided the offices of an opposition newspaper and detained two editors.",
            ["Arrests", "Arrests"],
        ),
        ("Forty rebels surrendered to the army in Kelvane on Monday.", ["Change to group/activity"]),
        # a political suspect named by a pronoun takes who they are from the sentence before
        ("The government said Vessa was a leader of the coup plot. He was briefly detained.", ["Arrests"]),
        ("Police said the man stole a car. He was briefly detained.", []),
        # neighbours, wives and sons are people who are shot (a "shot" needs someone shot)
        ("Gunmen shot their neighbours in Vessa.", ["Attack"]),
        # a protester who interrupts a speech protests
        ("The minister's speech was interrupted by a protester holding a banner.", ["Peaceful protest"]),
    ],
)
def test_law_enforcement_and_protest(pipeline: Pipeline, text: str, expected: list[str]) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a politician's rally, and the rally a politician speaks at, are campaign events
        ("Speaking at a rally in Dayton, Ohio, John Marlow says he is making a demand of the governor.", []),
        ("Bill Tresk got in on the game, bashing John Marlow during a rally in Brooklyn on Monday.", []),
        # the name the article gives a person elsewhere, whatever the tagger makes of it in this sentence
        ("Donald Marlow spoke in Ohio. At a rally, Marlow likened the refugees to a snake.", []),
        # one person's protest is an objection, and a candidate chanting on stage is no crowd
        ("Senator Marlow is protesting the governor's executive actions by giving away a shotgun.", []),
        ("John Marlow walked onto the stage in Dayton, chanting his own name.", []),
        # crowds still demonstrate
        ("Thousands held a rally in Vessa against the new tax.", ["Peaceful protest"]),
        ("Marching through Vessa, thousands of students chanted slogans.", ["Peaceful protest"]),
    ],
)
def test_campaign_rallies_and_one_persons_protest(pipeline: Pipeline, text: str, expected: list[str]) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two names of one state are one party: a president's trip at home, a traveller headed to a capital
        ("President Joe Biden arrived in Orlando, Florida, on Monday.", []),
        ("The 56-year-old engineer was headed to Cairo for meetings, his employer said.", []),
        # a minister who confirms a fact acts, but meets no one
        ("The victim was confirmed as a passenger by the Kuwaiti Assistant Foreign Minister, Sami al-Hamad.", []),
        # two states still meet
        ("Turkey and Greece held talks in Geneva on Monday.", ["Diplomatic event"]),
        ("The foreign minister of Norway met his Chinese counterpart in Oslo.", ["Diplomatic event"]),
        # a head of government named by office alone who travels to another state is the story's own state
        ("The prime minister flew to Ankara for talks with the Turkish president.", ["Diplomatic event"]),
    ],
)
def test_parties_to_diplomacy_are_states(pipeline: Pipeline, text: str, expected: list[str]) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a person collapses or crashes in the polls; a system collapses; buildings and drivers still do
        ("Senator Marlow was taken to an emergency room in Ohio after her sudden collapse during the ceremony.", []),
        ("Health worries have dogged Marlow in Ohio since she collapsed during a pneumonia spell.", []),
        ('"Voters first backed Jeb Marlow in Iowa and Jeb crashed," Tresk tweeted.', []),
        ("His attacks on the banks of Ohio after the 2008 financial collapse resonated with voters.", []),
        ("The driver crashed into a tree in Dayton on Sunday.", ["Man-made disaster"]),
        ("A five-storey building in Lagos collapsed on Tuesday.", ["Man-made disaster"]),
        # a blast at a person is criticism, whoever the person is
        ("The ad ends in Ohio with Tresk saying that Marlow blasted him for not paying income tax.", []),
        # the killings of a strike are its toll: one event, the weapon's
        (
            "Mortar rounds slammed into a market in Aleppo on Sunday; seven shoppers were killed, doctors said.",
            ["Shelling/artillery/missile attack"],
        ),
    ],
)
def test_figures_of_speech_and_one_event_per_strike(pipeline: Pipeline, text: str, expected: list[str]) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # resolved, refused, to help, about: intended, not done, or an activity named
        ("The president of Norland resolved to fight the rebels in the east.", "planned"),
        ("Volunteers headed to Syria to help fight the Islamic State in Raqqa.", "planned"),
        ("The boxer refused to fight in the war in Vietnam.", "denied"),
        ("Officers from Norland travel to Israel to learn about combating militant groups.", "hypothetical"),
        ("Rebels fought government troops in Idlib on Monday.", "asserted"),
    ],
)
def test_intended_refused_and_named_activities(pipeline: Pipeline, text: str, expected: str) -> None:
    result = pipeline.analyze(Source(uri="t", kind="text"), Article(body=text))
    assert [e.modality for e in result.events] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "IS" names the Islamic State where it is no verb; one man or woman harmed is a civilian
        ("He was shot dead by IS in Mosul.", ["Attack"]),
        ("Taliban fighters killed a man in Kandahar.", ["Attack"]),
        ("Militants shot dead a soldier in Kandahar.", ["Armed clash"]),
        ("THE WAR IS OVER, SAYS THE MINISTER", []),
    ],
)
def test_the_islamic_state_and_its_victims(pipeline: Pipeline, text: str, expected: list[str]) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # only a warring side declares a ceasefire of its own, whoever the clause names
        (
            "A unilateral ceasefire ordered by the interim leader took effect in the north on Friday.",
            ["Change to group/activity"],
        ),
        ("My parents declared a truce over the chores.", []),
    ],
)
def test_a_one_sided_ceasefire_is_a_change_of_activity(pipeline: Pipeline, text: str, expected: list[str]) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected
