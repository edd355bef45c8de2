"""What a sentence reports when it names more than one event, or names one only as a count, a cause
or a thing to come: tolls over months, claims of attacks, bombs, arson and demolitions (all
sentences invented; places invented, as the stage runs alone)."""

from __future__ import annotations

import pytest

from events_support import asserted_events, events_of, main_event

IED = "Remote explosive/landmine/IED"
LOOTING = "Looting/property destruction"
TRANSFER = "Non-violent transfer of territory"
TAKEN = "Non-state actor overtakes territory"
SHELLING = "Shelling/artillery/missile attack"


def asserted(text: str) -> list[str]:
    return [sub_type for sub_type, modality in events_of(text) if modality == "asserted"]


@pytest.mark.parametrize(
    "text",
    [
        "More than 900 civilians have been killed in air strikes on Norland since the truce collapsed.",
        "About 60 protesters have been killed since August in the largest protests in Vessa in decades.",
        "Between May 2019 and June 2021, the militia carried out more than 300 attacks on villages in Kelvane.",
        "Rebels have launched dozens of attacks on army posts in Kelvane over the past three years.",
        "The coalition has flown 7,000 sorties, with Norland carrying out the majority of the airstrikes in Kelvane.",
    ],
)
def test_a_toll_over_months_is_statistics_not_an_event(text: str) -> None:
    assert asserted(text) == []


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        ("Fighting between the army and rebels has killed 14 people in Kelvane since Tuesday.", "Armed clash"),
        ("Rebels attacked an army post in Kelvane on Monday, killing 9 soldiers.", "Armed clash"),
        ("A third of the rebel fighters in Kelvane have been demobilised since the peace accord.", None),
    ],
)
def test_the_news_of_a_few_days_keeps_its_event(text: str, sub_type: str | None) -> None:
    found = asserted(text)
    assert (sub_type in found) if sub_type else found, found


@pytest.mark.parametrize(
    "text",
    [
        "The Kelvane Front claimed responsibility on Sunday for the deadly suicide bombing at a market in "
        "Vessa, the latest in a series of blasts.",
        "After the bombings in Vessa, the Kelvane Front claimed responsibility for the attack.",
    ],
)
def test_a_claim_is_the_news_and_what_is_claimed_its_topic(text: str) -> None:
    assert asserted(text) == ["Claim of responsibility"]


def test_violence_told_beside_a_claim_is_its_own_event() -> None:
    found = asserted("Gunmen killed six people at a checkpoint in Vessa; the Kelvane Front claimed responsibility.")
    assert "Claim of responsibility" in found and len(found) == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The crash prompted the football league to cancel every match in Vessa.", []),
        ("The shooting sparked outrage across Norland.", []),
        ("A bomb attack on a police bus in Vessa prompted the government to close schools.", [IED]),
    ],
)
def test_a_known_event_that_causes_the_news_is_not_the_news(text: str, expected: list[str]) -> None:
    assert asserted(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Officials expect 100,000 people to flee Vessa as soon as the battle for the city begins.",
        "Residents will stay in the shelters until the shelling of Vessa stops.",
        "The brigade must leave Kelvane before the offensive starts.",
    ],
)
def test_a_time_clause_in_the_present_has_not_happened(text: str) -> None:
    assert asserted(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "A bomb attack on a police bus in Vessa killed five officers on Monday.",
        "A blast at an army checkpoint in Vessa killed five soldiers.",
        "A bomb exploded near a police station in Vessa, wounding three officers.",
    ],
)
def test_the_bomb_decides_whom_it_killed(text: str) -> None:
    assert asserted(text) == [IED]


def test_a_gas_explosion_stays_a_disaster() -> None:
    assert asserted("A gas explosion at a factory in Vessa killed 12 workers.") == ["Man-made disaster"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Army bulldozers demolished farmhouses in southern Kelvane on Sunday.", [LOOTING]),
        ("Government troops ransacked the houses of Vessa early in the afternoon.", [LOOTING]),
        ("A fire destroyed the roof of a family home in Vessa on Tuesday.", ["Man-made disaster"]),
        ("The storm destroyed dozens of homes in Vessa.", ["Natural disaster"]),
        ("A destroyed van stood near the police station in Vessa.", []),
        ("The start-up burned through its cash in a year.", []),
    ],
)
def test_property_destroyed_by_armed_men_is_an_event_of_its_own(text: str, expected: list[str]) -> None:
    assert asserted(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The interview was more revealing, explosive and damaging than anyone had imagined.",
        "The situation in Vessa is explosive, the governor said.",
    ],
)
def test_an_explosive_interview_is_no_bomb(text: str) -> None:
    assert asserted(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The army says it has pulled out of the disputed island of Milleia.", [TRANSFER]),
        ("The studio said it beat every rival at the box office.", []),
    ],
)
def test_it_is_the_organisation_that_says_so(text: str, expected: list[str]) -> None:
    assert asserted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rebels made significant gains in the north of Idlib province on Sunday.", [TAKEN]),
        ("The party made big gains in the election in Ohio.", []),
        ("The Labour party gained ground in the polls in Leeds.", []),
    ],
)
def test_armed_men_making_gains_take_ground(text: str, expected: list[str]) -> None:
    assert asserted(text) == expected


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("The rebel commander ordered a unilateral ceasefire on Monday.", "asserted"),
        ("The general ordered the army to attack the rebels.", "planned"),
    ],
)
def test_an_ordered_ceasefire_is_in_force(text: str, modality: str) -> None:
    assert [m for _, m in events_of(text)][:1] == [modality]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Holding signs, the protesters chanted "Bad for Vessa, bad for you."', ["Peaceful protest"]),
        ("Small groups of protesters looped the streets around the stadium, chanting slogans.", ["Peaceful protest"]),
        ("Rioters broke into shops in the northern cities, setting cars on fire.", ["Mob violence"]),
    ],
)
def test_a_crowd_that_acts_needs_no_named_place(text: str, expected: list[str]) -> None:
    assert asserted(text)[:1] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The rebel pocket was split in two after regime forces captured the district of Sakhour.",
        "Pro-government militias captured the town of Vessa from the rebels on Monday.",
    ],
)
def test_the_regimes_own_forces_regain_ground(text: str) -> None:
    assert asserted(text) == ["Government regains territory"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Army jets struck targets in Vessa in response to rocket fire from the hills.", ["Air/drone strike"]),
        ("The militia burned the homes of two farmers in retaliation for the shooting of a commander.", [LOOTING]),
    ],
)
def test_what_an_act_answers_is_its_background(text: str, expected: list[str]) -> None:
    assert asserted(text) == expected


def test_an_attack_on_ground_a_side_holds_is_a_battle() -> None:
    assert asserted("The separatists launched an attack on the government-held village of Vessa.") == ["Armed clash"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In a late night raid, anti-terror police seized Ali Demir in an apartment in Vessa.", ["Arrests"]),
        ("Rebels captured two soldiers near the town of Vessa.", ["Abduction/forced disappearance"]),
        ("The striker seized the ball and scored.", []),
    ],
)
def test_a_person_seized_is_arrested_or_abducted(text: str, expected: list[str]) -> None:
    assert asserted(text) == expected


def test_a_crash_that_claimed_a_life_is_no_claim() -> None:
    text = "A one-vehicle accident early on Sunday claimed the life of a 32-year-old driver from Vessa."
    assert asserted(text) == ["Man-made disaster"]


def test_world_wars_and_their_critics_are_history() -> None:
    assert asserted("Because of the two world wars, polo witnessed a decline in popularity.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Security forces stormed two protest camps in Vessa, killing dozens of people.",
            "Excessive force against protesters",
        ),
        ("Police beat protesters outside the parliament in Vessa on Monday.", "Protest with intervention"),
        ("Protesters in Vessa threw stones at the police on Monday.", "Violent demonstration"),
    ],
)
def test_force_the_police_use_on_a_crowd_is_an_intervention(text: str, expected: str) -> None:
    assert asserted(text)[:1] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The army says it is willing to withdraw its troops from the island of Milleia.", []),
        ("The government accused the rebels of violating a month-old ceasefire in Kelvane.", []),
    ],
)
def test_what_a_party_is_willing_to_do_or_accused_of_breaking_is_not_news(text: str, expected: list[str]) -> None:
    assert asserted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The two sides exchanged fire near the border on Monday.", ["Armed clash"]),
        ("Both sides of the debate fought hard in parliament.", []),
        ("He was killed on Friday while supporting combat operations against the Taliban.", ["Armed clash"]),
        ("A man was stabbed on a jogging path on Sunday.", []),
        ("The company's drone operations grew by 40 percent last year.", []),
    ],
)
def test_a_battle_told_by_its_two_sides_or_its_operations(text: str, expected: list[str]) -> None:
    assert asserted(text)[:1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Police in Vessa confiscated weapons and explosives from an armed group on Friday.",
            ["Disrupted weapons use"],
        ),
        (
            "Police announced the seizure of 40 rifles and 2,000 rounds of ammunition from a hideout.",
            ["Disrupted weapons use"],
        ),
        ("Soldiers discovered a cache of mortar shells and grenades near Vessa.", ["Disrupted weapons use"]),
        ("The rebels seized eight army rifles and a grenade launcher near Vessa.", [LOOTING]),
        ("The museum recovered a collection of medieval swords stolen in 1990.", []),
    ],
)
def test_weapons_taken_out_of_use_or_carried_off(text: str, expected: list[str]) -> None:
    assert asserted(text)[:1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The army strengthened its forces in Vessa following the discovery of rockets in the area.", ["Other"]),
        ("The governor ordered patrols by police and soldiers in Vessa after violent protests.", ["Other"]),
    ],
)
def test_a_deployment_is_the_news_and_its_reason_background(text: str, expected: list[str]) -> None:
    assert asserted(text)[:1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A checkpoint in the centre of Vessa has been set up by the police.", ["Headquarters or base established"]),
        (
            "The troops crossed the border and built a fortified military structure.",
            ["Headquarters or base established"],
        ),
        ("The company opened a new base in Texas for its delivery trucks.", []),
        # a post kept, not only set up; holding anything else is no base
        ("Separatists have held several checkpoints around Kelvane since March.", ["Headquarters or base established"]),
        ("The rebels in Vessa held talks with the governor on Monday.", []),
    ],
)
def test_a_base_set_up_in_the_passive_or_as_a_military_structure(text: str, expected: list[str]) -> None:
    assert asserted(text)[:1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The government outlawed the largest extremist militia in Kelvane on Monday.", ["Change to group/activity"]),
        ("The Protestant churches of Vessa held a service on Sunday.", []),
        ("Thousands of protesters marched through Vessa on Monday.", ["Peaceful protest"]),
    ],
)
def test_a_verb_names_no_actor_and_protestants_do_not_protest(text: str, expected: list[str]) -> None:
    assert asserted(text)[:1] == expected


def test_a_minister_who_droned_on_flew_no_drone() -> None:
    assert asserted("The minister droned on about the budget for an hour in Kabul.") == []
    assert asserted("A drone struck an army convoy near Kabul on Monday.") == ["Air/drone strike"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Flood uses a Lincoln portrayer to illustrate his talk. When author Bracelen Flood speaks, people listen.",
            [],
        ),
        ("Demonstrators picket every party convention in Vessa.", []),
        ("Pilgrims carry a wooden cross through Vessa during the Good Friday procession.", []),
        ("The police department was tweeting clips of a peaceful rally in Vessa.", []),
        (
            "Floods hit Vessa after heavy rain on Monday, and its mayor, John Flood, asked for help.",
            ["Natural disaster"],
        ),
    ],
)
def test_names_habits_processions_and_clips_are_no_news(text: str, expected: list[str]) -> None:
    assert asserted(text)[:1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The army troops were pulled back from the border town of Vessa.", [TRANSFER]),
        ("The company pulled its sales forces out of Ohio.", []),
    ],
)
def test_forces_withdrawn_in_the_passive(text: str, expected: list[str]) -> None:
    assert asserted(text)[:1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Islamists are armed men; a works with no force in it stormed is an attack on it
        ("Islamists stormed the gas refinery at Vessa last Wednesday.", ["Attack"]),
        ("Unknown assailants shot dead a journalist in Vessa on Monday.", ["Attack"]),
        ("Police fatally shot Ali Demir outside a shop in Vessa.", ["Attack"]),
        ("The director shot the film in Vessa last year.", []),
    ],
)
def test_more_armed_men_and_fatal_shootings(text: str, expected: list[str]) -> None:
    assert asserted(text)[:1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She joined the march because the new law does not represent her values.", ["Peaceful protest"]),
        ("The senator held a rally in Ohio on Monday.", []),
        ("Opposition supporters held a rally in Vessa on Monday to demand new elections.", ["Peaceful protest"]),
    ],
)
def test_taking_part_in_a_demonstration_and_a_politicians_rally(text: str, expected: list[str]) -> None:
    assert asserted(text)[:1] == expected


def test_what_an_attack_is_measured_since_is_no_second_event() -> None:
    text = "Sunday's attack by the militants in Vessa is one of the deadliest in the country since the 2003 invasion."
    found = [e for e in events_of(text) if e[1] == "asserted"]
    assert len(found) == 1  # the attack, ranked; the invasion it is measured from is not news here


def test_retaliation_hanging_from_the_object_is_background_too() -> None:
    text = "The army destroyed the homes of two farmers in retaliation for the deadly shooting by gunmen in Vessa."
    assert asserted(text) == [LOOTING]


@pytest.mark.parametrize(
    ("text", "news"),
    [
        ("Despite continued army shelling on Sunday, the rebels captured the village of Tarnow Hill.", TAKEN),
        ("Amid heavy shelling, rebel fighters seized the town of Marnak on Monday.", TAKEN),
        ("In spite of the air strikes, the rebels captured two villages near Marnak.", TAKEN),
        ("Despite the truce, army artillery shelled the town of Marnak on Monday.", SHELLING),
    ],
)
def test_the_circumstances_of_a_clause_do_not_outrank_its_news(text: str, news: str) -> None:
    """ "Despite continued shelling, rebels captured the village": the capture is the news; the shelling
    is its setting, kept as an event of its own but less sure to be what the sentence reports."""
    assert main_event(text).sub_type == news
    assert "Agreement" not in {e.sub_type for e in asserted_events(text)}


@pytest.mark.parametrize(
    ("text", "news"),
    [
        ("Looters ransacked shops in the centre of Vessa after the earthquake.", LOOTING),
        ("Army artillery shelled the town of Marnak after the truce collapsed on Monday.", SHELLING),
        ("Gunmen attacked the village of Tarnow Hill after the clashes in Vessa.", "Attack"),
        ("Eleven people died in Vessa after the earthquake on Monday.", "Natural disaster"),
    ],
)
def test_what_came_before_a_deed_is_its_background(text: str, news: str) -> None:
    """ "Looters ransacked shops after the earthquake": what came before someone acted is background;
    what befell victims ("died after the earthquake") takes its type from it."""
    assert main_event(text).sub_type == news


def test_a_death_told_with_an_accident_is_that_accident() -> None:
    text = "An 80-year-old woman was killed in Vessa on Monday when a neighbour accidentally hit her with his car."
    assert asserted(text) == ["Man-made disaster"]


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        ("Three soldiers were killed when their armoured vehicle hit a landmine near Marnak.", IED),
        ("Two rebel fighters were killed when army shells hit their positions near Marnak.", SHELLING),
    ],
)
def test_a_toll_told_with_its_when_clause_is_that_event(text: str, sub_type: str) -> None:
    """ "Three soldiers were killed when their vehicle hit a landmine": one event, the landmine; the
    deaths are its toll, not an attack of their own."""
    assert asserted(text) == [sub_type]


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        (
            "About 50 protesters gathered in Vessa on Sunday to oppose the mining law. Police intervened, "
            "detaining at least one participant.",
            "Protest with intervention",
        ),
        (
            "Members of the Green Movement staged a silent protest in Vessa. Police broke up the protest.",
            "Protest with intervention",
        ),
        (
            "Students demonstrated at the main square in Vessa to demand better schools. Some students threw "
            "rocks at police officers.",
            "Violent demonstration",
        ),
        ("Hundreds of farmers protested in Vessa on Monday. The protest ended peacefully.", "Peaceful protest"),
        (
            "Hundreds of farmers protested in Vessa on Monday.\n\nPolice dispersed a crowd of football fans in "
            "Kelvane on Tuesday.",
            "Peaceful protest",
        ),
    ],
)
def test_a_demonstrations_story_goes_on_after_its_sentence(text: str, sub_type: str) -> None:
    """ "Police broke up the protest" after the protest says how it went: one demonstration, typed on its
    story; a new paragraph is another story."""
    found = asserted_events(text)
    assert found[0].sub_type == sub_type
    assert sum(e.type in {"Protests", "Riots"} for e in found[:2]) >= 1
    if "\n\n" not in text:
        assert len([e for e in found if e.type in {"Protests", "Riots"}]) == 1


def test_an_event_told_in_a_clause_inside_a_clause_is_less_the_news_than_the_main_one() -> None:
    # the shelling is told in a relative clause of a relative clause of the ceasefire: the truce is the news
    text = "The army agreed to a ceasefire with the rebels that starts on Monday in towns that saw weeks of shelling."
    assert set(asserted(text)) == {"Agreement", SHELLING}
    assert main_event(text).sub_type == "Agreement"
