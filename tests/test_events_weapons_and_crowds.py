"""Weapons named the way news names them, and what a riot is against (all sentences invented; places are
invented where the events stage runs alone, real where the whole pipeline resolves them)."""

from __future__ import annotations

import pytest

from events_support import asserted_sub_types, whole_pipeline_asserts
from sitrep.analyze.pipeline import Pipeline


@pytest.mark.parametrize(
    "text",
    [
        "Youths hurled a Molotov cocktail at the police station in Vessa overnight.",
        "The ministry building in Vessa was firebombed early on Sunday.",
        "Several homes in Kelvane had petrol bombs thrown at them on Tuesday.",
        # the parser hangs "bombed" on "fire" as a clause of its own: the cue's words stay together
        "The police headquarters in Vessa was fire bombed early on Wednesday.",
    ],
)
def test_fire_bombs_thrown_by_hand_are_grenades(text: str) -> None:
    assert asserted_sub_types(text) == ["Grenade"]


@pytest.mark.parametrize(
    ("text", "sub_types"),
    [
        # an explosive thrown is a grenade, a planted one a remote explosive
        ("One person was hurt in Vessa after an explosive device was thrown at the crowd.", ["Grenade"]),
        ("A man threw a bomb into a shop in Vessa on Friday night.", ["Grenade"]),
        ("A bomb planted under a car exploded in Vessa on Monday.", ["Remote explosive/landmine/IED"]),
        # ... and demonstrators who throw firebombs make their demonstration violent
        (
            "Protests were held in Vessa, but turned ugly as demonstrators threw firebombs and bricks at police.",
            ["Violent demonstration"],
        ),
    ],
)
def test_what_was_thrown_and_who_threw_it(text: str, sub_types: list[str]) -> None:
    assert sorted(set(asserted_sub_types(text))) == sub_types


@pytest.mark.parametrize(
    "text",
    [
        "A rights group in Norland has documented the use of chemical weapons on civilians in Vessa.",
        "Observers reported several incidents involving the use of chemical weapons around Kelvane.",
    ],
)
def test_the_use_of_a_weapon_told_as_a_noun_is_its_attack(text: str) -> None:
    assert asserted_sub_types(text) == ["Chemical weapon"]


def test_a_stockpile_of_weapons_is_no_attack() -> None:
    assert asserted_sub_types("Norland keeps a stockpile of chemical weapons in a depot near Vessa.") == []


def test_ethnic_cleansing_of_a_population_is_violence_against_civilians() -> None:
    text = "Militia units were engaged in ethnic cleansing against the minority population of Vessa, officials said."
    assert asserted_sub_types(text) == ["Attack"]


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        ("Riots against the new fuel tax are still continuing in Lyon.", "Violent demonstration"),
        ("Riots over bread prices spread through Lyon on Sunday.", "Violent demonstration"),
        ("Riots against migrants broke out in Lyon on Sunday.", "Mob violence"),
    ],
)
def test_a_riot_against_a_measure_is_a_demonstration_and_against_people_a_mob(
    pipeline: Pipeline, text: str, sub_type: str
) -> None:
    assert whole_pipeline_asserts(pipeline, text) == [sub_type]


def test_a_veto_in_the_security_council_is_diplomacy(pipeline: Pipeline) -> None:
    text = "France vetoed a Security Council resolution on Syria on Wednesday."
    assert whole_pipeline_asserts(pipeline, text) == ["Diplomatic event"]


@pytest.mark.parametrize(
    "text",
    [
        "Authorities say the men killed the witness in Vessa to keep her from talking with police.",
        "Hundreds of teachers were detained in Vessa during World War Two and taken to camps.",
        "Insurgents have frequently targeted troops of the peacekeeping mission near Vessa.",
        "Democrats blast the governor's new campaign ads.",
    ],
)
def test_suspects_a_wars_name_a_missions_name_and_criticised_ads_are_no_events(text: str) -> None:
    assert asserted_sub_types(text) == []


def test_a_group_of_men_is_a_crowd() -> None:
    text = "A group of men attacked shops in Vessa after the match and beat a shopkeeper."
    assert set(asserted_sub_types(text)) == {"Mob violence"}


@pytest.mark.parametrize(
    ("text", "sub_types"),
    [
        ("The procession wound up at the old cathedral of Kelvane.", []),
        ("Thousands joined a procession through Lyon chanting slogans against the dam.", ["Peaceful protest"]),
        (
            "A police officer was escorting a funeral procession through Lyon when his motorcycle hit a truck.",
            ["Man-made disaster"],
        ),
    ],
)
def test_a_procession_is_a_protest_only_for_a_cause(pipeline: Pipeline, text: str, sub_types: list[str]) -> None:
    assert whole_pipeline_asserts(pipeline, text) == sub_types


@pytest.mark.parametrize(
    ("text", "sub_types"),
    [
        ("The storms triggered fires across northern Norland, forcing thousands to evacuate.", ["Natural disaster"]),
        ("A storm battered the coast of Norland on Monday, cutting power to thousands.", ["Natural disaster"]),
        ("As a sudden storm sets in, we retreat to a small tavern in the village of Vessa.", []),
        ("Crews repaired a water main break in Vessa on Monday after the old main burst.", ["Man-made disaster"]),
        ("The angry mob stormed the town hall of Vessa, breaking windows.", ["Mob violence"]),
    ],
)
def test_weather_is_a_disaster_when_the_sentence_tells_its_harm(text: str, sub_types: list[str]) -> None:
    assert asserted_sub_types(text) == sub_types


@pytest.mark.parametrize(
    "text",
    [
        "Police in Vessa arrested a 33-year-old man on Monday on a charge of aggravated sexual assault.",
        "A man was arrested in Vessa on five counts of rape, police said.",
        "The president expressed his condolences for the attack in which a gunman killed two officers in Vessa.",
        # ... also where the parser hangs the "for" or "over" on the verb
        "The governor offered his condolences for the attack in which gunmen killed two teachers in Vessa.",
        "The minister voiced outrage over the killing of two teachers by gunmen in Vessa.",
        "The warm current caused an explosion of marine life along the coast of Vessa.",
    ],
)
def test_a_charge_a_condolence_and_an_explosion_of_life_report_no_event(text: str) -> None:
    assert asserted_sub_types(text) == []


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        ("Norland extradited a suspected militant to Kelvane on Sunday.", "Arrests"),
        ("Police arrested 20 people in Vessa in a manhunt for people accused of smuggling heroin.", "Organised crime"),
        ("Police arrested five men in Vessa on charges of drug trafficking.", "Organised crime"),
        # a haul of drugs is a crime ring's, whatever else was seized with it
        ("Officers seized drugs, ammunition and cash in a raid in Vessa, the statement said.", "Organised crime"),
        ("Customs officers in Vessa confiscated 200 kilograms of cocaine on Tuesday.", "Organised crime"),
        ("At least 20 suspected drug mules have been arrested in Vessa.", "Organised crime"),
        ("The militia is accused of the shelling of schools in Vessa last week.", None),
        ("Rebels continued the shelling of villages near Vessa on Monday.", "Shelling/artillery/missile attack"),
    ],
)
def test_arrests_of_smugglers_are_organised_crime_and_a_shelling_of_a_place_is_one(
    text: str, sub_type: str | None
) -> None:
    assert asserted_sub_types(text) == ([sub_type] if sub_type else [])


@pytest.mark.parametrize(
    ("text", "sub_types"),
    [
        ("Soldiers at the checkpoint in Vessa searched every car on Monday.", []),
        ("A rocket hit the police headquarters in Vessa on Monday.", ["Shelling/artillery/missile attack"]),
    ],
)
def test_a_base_named_is_no_base_established(text: str, sub_types: list[str]) -> None:
    assert asserted_sub_types(text) == sub_types


def test_a_base_set_up_is_established() -> None:
    assert asserted_sub_types("Militiamen set up checkpoints on the road to Vessa.") == [
        "Headquarters or base established"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lyon erupted in protests on Monday.", ["Peaceful protest"]),
        ("Marseille broke out in protests against the fuel tax on Monday.", ["Peaceful protest"]),
        ("The envoy resigned in protest in Lyon on Monday.", []),  # "in protest": a manner, no demonstration
        # what the protests are about hangs from the verb they complete: the cause, not force against them
        (
            "Lyon erupted in protests on Monday following the fatal shooting of a teenager by police.",
            ["Peaceful protest"],
        ),
    ],
)
def test_a_place_erupting_in_protests_is_a_demonstration(pipeline: Pipeline, text: str, expected: list[str]) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected


def test_a_consequence_takes_its_parties_from_the_clause_it_follows() -> None:
    """ "…, resulting in a gun battle": the police and the insurgents fought it."""
    assert asserted_sub_types("Police confronted the insurgents, resulting in a brief gun battle.") == ["Armed clash"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Prosecutors named the businessman as an organiser of the coup attempt. "
            "He was detained overnight in Lyon on Monday.",
            ["Arrests"],
        ),
        ("The bakery in Lyon was robbed on Monday night. He was arrested in Lyon on Tuesday.", []),
    ],
)
def test_an_arrested_pronoun_takes_who_it_is_from_the_sentence_before(
    pipeline: Pipeline, text: str, expected: list[str]
) -> None:
    """ "He was detained overnight" after a sentence naming him a coup plotter is a political arrest; after a
    robbery, an ordinary one."""
    assert whole_pipeline_asserts(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        (
            "Two protesters were shot dead during a demonstration in Vessa on Tuesday.",
            "Excessive force against protesters",
        ),
        ("A student was killed during a protest in Vessa on Tuesday.", "Excessive force against protesters"),
        ("A protester was injured by rubber bullets in Vessa on Tuesday.", "Protest with intervention"),
        (
            "Several demonstrators were injured when police fired tear gas in Vessa on Tuesday.",
            "Protest with intervention",
        ),
        ("Protesters killed a policeman during a rally in Vessa on Tuesday.", "Violent demonstration"),
        ("A student was shot dead by protesters during a rally in Vessa.", "Violent demonstration"),
        ("Protesters injured three policemen in Vessa on Tuesday.", "Violent demonstration"),
        # a crowd clashing with the state's forces demonstrates violently; armed men who do fight a battle
        ("Students clashed with security forces outside the university in Vessa on Monday.", "Violent demonstration"),
        (
            "Supporters of the ousted mayor carry a comrade injured during clashes with police in Vessa.",
            "Violent demonstration",
        ),
        ("Rebels clashed with soldiers near Vessa on Monday.", "Armed clash"),
    ],
)
def test_who_suffers_the_violence_at_a_demonstration_decides_its_sub_type(text: str, sub_type: str) -> None:
    """Demonstrators killed or hurt suffered force used on them; a killing they did is their own violence."""
    assert asserted_sub_types(text) == [sub_type]


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        # a state's army or the state itself bombing a place bombs it from the air
        ("The army bombed rebel positions near Kelvane on Monday.", "Air/drone strike"),
        ("Government forces bombed the rebel-held town of Kelvane, killing 12 civilians.", "Air/drone strike"),
        # a bombing by militants, or one whose doer is not named, is a planted bomb
        ("Militants bombed a market in Kelvane on Monday, killing 12.", "Remote explosive/landmine/IED"),
        ("A bombing at an army base in Kelvane killed 12 soldiers on Monday.", "Remote explosive/landmine/IED"),
    ],
)
def test_a_bombing_is_an_air_strike_when_a_state_did_it(text: str, sub_type: str) -> None:
    assert asserted_sub_types(text) == [sub_type]


@pytest.mark.parametrize(
    "text",
    [
        "Police fired at protesters on the main street of Vessa on Friday, a police spokesman said.",
        "Dozens of students were wounded when police fired into the crowd of protesters in Vessa.",
    ],
)
def test_police_firing_at_protesters_is_excessive_force(text: str) -> None:
    assert asserted_sub_types(text) == ["Excessive force against protesters"]


def test_fighting_a_witness_reports_is_placed_where_it_was_fought(pipeline: Pipeline) -> None:
    # the reporting verb heads the clause; the place of the fighting is still the fighting's
    assert whole_pipeline_asserts(pipeline, "Witnesses reported heavy fighting in parts of Mosul.") == ["Armed clash"]


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        # a state's guard corps is its army: the people it detains are no burglars
        ("Revolutionary Guards boarded two Norland vessels and detained the crew near Tresk Island.", "Arrests"),
        # a region's forces and a rebel movement known by name are armed actors
        ("The Peshmerga detained 12 men near Tresk on Monday.", "Arrests"),
        ("UNITA detained 12 men near Tresk on Monday.", "Arrests"),
    ],
)
def test_forces_the_actor_table_names_act_as_armed_forces(text: str, sub_type: str) -> None:
    assert asserted_sub_types(text) == [sub_type]


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        # a building with no force in it, stormed by an armed group, is attacked
        ("Militants stormed a hotel in Vessa on Friday.", "Attack"),
        ("The church in Tresk was stormed by rebels on Sunday.", "Attack"),
        # a base is held by a force: storming it is a battle
        ("Rebel fighters stormed an army base near Tresk on Monday.", "Armed clash"),
    ],
)
def test_a_building_stormed_by_an_armed_group_is_an_attack_a_base_a_battle(text: str, sub_type: str) -> None:
    assert asserted_sub_types(text) == [sub_type]
