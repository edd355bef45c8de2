"""Local and political news prose: crime reports, election coverage and stories that mention violence in
passing. What ACLED codes is kept; the courtroom, the police blotter and the campaign trail are not events
(all sentences invented)."""

from __future__ import annotations

import pytest

from events_support import whole_pipeline_asserts
from sitrep.analyze.pipeline import Pipeline
from sitrep.model import Article, Source

INTERVENED = "Protest with intervention"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a battle's toll told by a relative clause on the battle grounds it
        (
            "Hours after the talks failed, a gun battle that left nine dead broke out.",
            ["Armed clash"],
        ),
        # politicians and named people fight only in words, votes and bars; armed sides still fight
        ("Senator Marlow and Governor Tresk battled over the state budget in Iowa.", []),
        ("The battle between Marlow and Tresk in Ohio has split the party.", []),
        ("Tresk lost the Ohio seat after a bruising battle with Senator Kelvane.", []),
        ("Delegate battles in Ohio cost the challenger the nomination.", []),
        ("Tresk left a bar in Kansas City on Saturday and got into a fight with Anthony Marlow.", []),
        ("Firefighters battled the warehouse fire for most of the afternoon.", ["Man-made disaster"]),
        ("Rebels battled government troops near Vessa on Monday.", ["Armed clash"]),
        # a leader named by name is one person: what he "attacks" in a debate is a rival
        ("Jeb Bush attacked Donald Trump, with whom he clashed at the last debate, over trade.", []),
    ],
)
def test_who_fights_says_whether_it_is_a_battle(pipeline: Pipeline, text: str, expected: list[str]) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # anybody at all, in the present, is nobody in particular
        ('"Whoever is fighting with a neighbour should talk first," the mediator said in Toronto.', []),
        # a disaster word naming the kind of a preparation
        ("Coastal counties printed new maps for hurricane evacuations.", []),
        ("Pupils across the district held earthquake drills on Friday.", []),
        # the crime is the charge, and the day of a crime told before is no new crime
        ("Police in Dayton charged the bar owner with assault on Sunday.", []),
        ("Police in Dayton questioned the neighbour on the day of the murder.", []),
        # events the reader knows by their place, told as the time of the news
        ("After the terrorist attacks in Paris and Brussels, Ohio voters ranked security first.", []),
        ("Security has dominated the campaign in Ohio since the Paris attacks.", []),
        ("Hospitals in Kabul were still full a day after the suicide truck bombing.", ["Suicide bomb"]),
        # an attack the reader knows by the name of its place, told as the topic of something else
        ("The Orlando terrorist attack still divides the candidates on gun laws.", []),
        ("Relatives of the victims of the Paris terrorist attacks gathered in Lyon on Sunday.", []),
        ("The Kabul suicide bombing on Tuesday killed 20 people.", ["Suicide bomb"]),
        ("The Lyon terrorist attack killed nine people.", ["Attack"]),
        # a record of many events is no one event; a day's many strikes and a crowd of thousands are news
        (
            "The European Union imposed sanctions on Belarus over a militia that has carried out hundreds"
            " of attacks in Ukraine.",
            ["Diplomatic event"],
        ),
        ("The militia has claimed responsibility for dozens of bombings on buses.", []),
        ("Dozens of airstrikes hit Aleppo on Tuesday, killing 40 people.", ["Air/drone strike"]),
        ("Thousands of protesters marched through Nairobi on Monday.", ["Peaceful protest"]),
        # ... but what the events left behind is news of them
        ("Streets in Tripoli were strewn with debris after the clashes on Monday.", ["Armed clash"]),
        # an event named with its own year, as the topic of what is said now; its toll still reports it
        ("The invasion of Norland in 2003 was a grave mistake, the senator said.", []),
        ("The 2014 shooting death of a student in Dayton still shapes the race for sheriff.", []),
        ("The attack on the base in Kandahar in 2019 killed 12 soldiers.", ["Armed clash"]),
        # ... but a second night of protests is the protests
        ("A second night of protests over the verdict shook the capital.", ["Peaceful protest"]),
        # a known event as the evidence of what is said now
        ("The battle for Kandahar has revealed crucial shortcomings in the rebel army, he said.", []),
        ("The siege of Kandahar showed how weak the rebel army had become.", []),
    ],
)
def test_what_is_told_in_passing_or_in_general(pipeline: Pipeline, text: str, expected: list[str]) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the police's routine: a search raid, a suspect's surrender, more patrols
        ("A police team raided a flat in Leeds on Wednesday in search of stolen goods.", []),
        ("Two burglary suspects surrendered to police in Leeds on Friday.", []),
        ("Police increased patrols in the Leeds suburb after a string of car thefts.", []),
        # ... but a raid that detains journalists is a political arrest, and rebels who give up change sides
        (
            "Police raided the offices of an opposition newspaper and detained two editors.",
            ["Arrests", "Arrests"],
        ),
        ("Forty rebels surrendered to the army in Kelvane on Monday.", ["Change to group/activity"]),
        # a political suspect named by a pronoun takes who they are from the sentence before
        ("Officials named Vessa as an organiser of the mutiny. She was detained overnight in Ankara.", ["Arrests"]),
        ("Police said the man stole a car. He was detained overnight in Leeds.", []),
        # neighbours, wives and sons are people who are shot (a "shot" needs someone shot)
        ("Gunmen shot their neighbours in Vessa.", ["Attack"]),
        # a protester who interrupts a speech protests
        ("The budget speech was disrupted by a heckling protester.", ["Peaceful protest"]),
        # what a crowd demands, it demands by demonstrating; what a crowd says it will do is not done
        ("Demonstrators called for new elections in Kelvane.", ["Peaceful protest"]),
        ("Protesters demanded the resignation of the governor in Vessa on Friday.", ["Peaceful protest"]),
        ("The protesters say they will return to Vessa on Monday.", []),
        ("The opposition demanded an inquiry into the shooting in Vessa.", []),
        ("Protesters plan to march on parliament in Vessa next week.", []),
        # a crowd pushed back was stopped; a demonstration attempted was held (ACLED codes the one stopped)
        ("Protesters marched on parliament in Vessa, but riot police drove them back with batons.", [INTERVENED]),
        ("Protesters marched on parliament in Vessa and were pushed back by riot police.", [INTERVENED]),
        ("Protesters marched in Vessa on Monday and pushed back against the plan.", ["Peaceful protest"]),
        ("Protesters tried to force their way into the ministry before police pushed them back.", [INTERVENED]),
    ],
)
def test_law_enforcement_and_protest(pipeline: Pipeline, text: str, expected: list[str]) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a politician's rally, and the rally a politician speaks at, are campaign events
        ("Speaking at a rally in Dayton, Ohio, John Marlow said he would cut taxes for farmers.", []),
        ("Bill Tresk mocked John Marlow during a rally in Akron on Monday.", []),
        # the name the article gives a person elsewhere, whatever the tagger makes of it in this sentence
        ("Donald Marlow spoke in Ohio. At a rally, Marlow compared his rival to a weather vane.", []),
        # one person's protest is an objection, and a candidate chanting on stage is no crowd
        ("Senator Marlow protested the court's ruling on the new district map.", []),
        ("John Marlow strode onto the stage in Dayton, chanting his own slogan.", []),
        # who holds the rally is the one the relative clause hangs on; "she" greeting supporters at a rally is its host
        ("Bernie Sanders, who held a rally in Dubuque on Friday, is polling third in Iowa.", []),
        ("She greeted hundreds of supporters at a rally in Tulsa on Sunday evening.", []),
        # a politician's audience cheers, a candidate's motorcade drives, voters rally to a side
        ("His supporters chanted his name at the convention center in Dayton on Tuesday.", []),
        ("Hillary Clinton left her motorcade outside the museum and greeted voters on foot.", []),
        ("Few young voters in Ohio have rallied to his side so far.", []),
        # what a party "demonstrated" is what it showed
        ("Senator Marlow praised the restraint that his rivals have demonstrated on the budget.", []),
        # crowds still demonstrate, supporters of a side too, and a protest named by its place is still on
        ("Supporters of the opposition chanted anti-government slogans in Dayton on Monday.", ["Peaceful protest"]),
        ("Hundreds of nurses joined the Westminster Bridge protest on Saturday.", ["Peaceful protest"]),
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
        ("President Joe Biden arrived in Tampa, Florida, to tour the storm damage.", []),
        ("The engineer was travelling to Cairo for business meetings, his firm said.", []),
        # a minister who confirms a fact acts, but meets no one
        ("The list of passengers was released by the Omani deputy foreign minister, Rashid al-Amri.", []),
        # two states still meet
        ("Turkey and Greece held talks in Geneva on Monday.", ["Diplomatic event"]),
        ("The foreign minister of Norway met his Chinese counterpart in Oslo.", ["Diplomatic event"]),
        # a head of government named by office alone who travels to another state is the story's own state
        ("The prime minister flew to Ankara for talks with the Turkish president.", ["Diplomatic event"]),
        # "he" in a clause hung on another stands for that clause's subject
        ("The Kenyan foreign minister looked tired when he arrived in Lisbon on Tuesday.", ["Diplomatic event"]),
        ("The mayor of Dayton looked tired when he arrived in Lisbon on Tuesday.", []),
        # leaders who speak by phone deal with each other; a witness on the phone to a reporter does not
        ("President Marlow spoke by phone with the leaders of Ghana and Peru on Monday.", ["Diplomatic event"]),
        ("A witness who spoke by phone from Aleppo said the market was quiet.", []),
        # a leader the actor table knows by name stands for their state; a name it does not know, for no one
        ("Barack Obama visited Nairobi on Monday.", ["Diplomatic event"]),
        ("Kelvane Marlow visited Ankara on Monday.", []),
        # a city of two words is one place of the leader's own state
        ("Barack Obama met church volunteers outside the state capital, Baton Rouge, on Friday.", []),
        # a state closes its border to another; a shop closes its doors
        ("Kazakhstan closed its border with Kyrgyzstan on Monday.", ["Diplomatic event"]),
        ("The shop on Main Street closed its doors in Dayton on Monday.", []),
        # a faith or a party is no state
        ("Catholic charities condemned Donald Trump's plan on Monday.", []),
        # leaders who shake hands meet; a coach and a referee do not
        ("Donald Trump and the Mexican president shook hands in Mexico City.", ["Diplomatic event"]),
        ("The coach shook hands with the referee after the match in Madrid.", []),
    ],
)
def test_parties_to_diplomacy_are_states(pipeline: Pipeline, text: str, expected: list[str]) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a person collapses or crashes in the polls; a system collapses; buildings and drivers still do
        ("Senator Marlow cancelled her Ohio events after her collapse at a rally.", []),
        ("Marlow skipped a debate in Ohio after she collapsed from exhaustion at a fundraiser.", []),
        ("Jeb Marlow crashed in the Iowa polls after the debate.", []),
        ("The mayor collapsed on stage in Vessa on Sunday.", []),
        ("An elderly man collapsed at the market in Vessa on Sunday.", []),
        ("Pension funds in Ohio lost heavily in the 2008 financial collapse.", []),
        ("The driver crashed into a tree in Dayton on Sunday.", ["Man-made disaster"]),
        ("A five-storey building in Lagos collapsed on Tuesday.", ["Man-made disaster"]),
        # a blast at a person is criticism, whoever the person is
        ("In Ohio, Marlow blasted him over his tax returns, Tresk said.", []),
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
        ("Volunteers left for Iraq to help fight the militants in Mosul.", "planned"),
        ("Hundreds of conscripts refused to fight in Donetsk.", "denied"),
        ("Cadets from Norland attend a course to learn about combating piracy.", "hypothetical"),
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
        ("A boy was shot dead by IS in Raqqa.", ["Attack"]),
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the workers hurt are the accident's toll, not victims of an attack: one accident
        ("A warehouse caught fire in Vessa on Monday, and two workers were injured.", ["Man-made disaster"]),
        # a hedged toll does not take in the accident told for sure
        (
            "Some 40 migrants may have drowned off Vessa on Sunday after their boat capsized.",
            ["Man-made disaster"],
        ),
        # a candidate who catches fire with voters burns nothing
        ("Tresk began as a protest candidate in Vessa and quickly caught fire with young activists.", []),
    ],
)
def test_an_accident_and_its_toll_are_one_event(pipeline: Pipeline, text: str, expected: list[str]) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Police rounded up 30 men in Vessa on Monday during an anti-drug operation.",
        "Environment agents burned trucks of logs near Vessa during an operation against illegal logging.",
    ],
)
def test_operations_against_drugs_and_illegal_logging_are_organised_crime(pipeline: Pipeline, text: str) -> None:
    assert whole_pipeline_asserts(pipeline, text) == ["Organised crime"]
