"""How news prose tells events: in passing, with phrasal verbs, light verbs and pronouns, with ordinary
verbs of the road, as speech, and with a reason clause that holds other event words (all sentences
invented; places are invented where the stage is run alone, real where the whole pipeline resolves them)."""

from __future__ import annotations

import pytest

from events_support import (
    asserted_sub_types,
    events_of,
    modalities_of,
    run_events,
    whole_pipeline_asserts,
    written_context,
)
from sitrep.analyze import nlp as nlp_loader
from sitrep.analyze.pipeline import Pipeline
from sitrep.events.extraction import RETAKEN, TAKEN
from sitrep.events.rules import default_typer
from sitrep.model import Article, Source

TRANSFER = "Non-violent transfer of territory"


@pytest.mark.parametrize(
    "text",
    [
        "The businessman is suing the army of Norland over a missile attack on his warehouse in Vessa.",
        "Lebanon complained to the United Nations over two air raids on villages near Kelvane.",
        "The photo of a boy rescued from an airstrike on Kelvane went around the world.",
        "Experts rebuked the senator's proposal for more airstrikes on rebel camps.",
    ],
)
def test_an_event_that_is_the_topic_of_the_news_is_not_the_news(text: str) -> None:
    assert [e for e in events_of(text) if e[1] == "asserted"] == []


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        ("Rebels carried out an attack on an army post near Kelvane on Monday.", "Armed clash"),
        ("Three villagers were killed in an airstrike on Kelvane on Monday.", "Air/drone strike"),
        ("Suicide blast at court complex in Kelvane kills eight.", "Suicide bomb"),
    ],
)
def test_an_event_noun_that_is_told_is_still_an_event(text: str, sub_type: str) -> None:
    assert (sub_type, "asserted") in events_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "The army of Norland pulled back its forces from a strategic region south of Vessa on Monday.",
        "Norland pulled its troops out of the island of Kelvane on Thursday after a week of talks.",
        "Norland's navy has pulled out of the disputed archipelago of Vessa.",
    ],
)
def test_forces_pulled_out_of_a_territory_transfer_it(text: str) -> None:
    assert ("Non-violent transfer of territory", "asserted") in events_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "The company pulled its products out of the shops in Vessa.",
        "He pulled a phone out of his bag on the bus.",
    ],
)
def test_pulling_things_out_is_no_withdrawal(text: str) -> None:
    assert events_of(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "A 19-year-old man rolled his truck on a county road near Vessa on Friday night, deputies said.",
        "A van driven by a Kelvane woman struck a school bus on Route 9, injuring six children.",
        "The car veered off the road and hit a tree outside Vessa.",
        # the vehicle is the subject of the clause the crash verb is joined to; or named by its driver
        "A grey bus was travelling north on Route 9 and struck a pickup near Vessa on Friday.",
        "A 1998 Corvette driven by a Tresk man crossed the centre line and struck a lorry near Vessa.",
    ],
)
def test_road_crashes_told_with_ordinary_verbs_are_man_made_disasters(text: str) -> None:
    assert events_of(text) == [("Man-made disaster", "asserted")]


@pytest.mark.parametrize(
    "text",
    [
        "He bought a new car last week and drove to Vessa.",
        "Investors hit the car maker's shares hard in Vessa.",
        "The striker was running down the wing and hit the post in the final minute in Vessa.",
    ],
)
def test_cars_and_hits_alone_are_no_crash(text: str) -> None:
    assert events_of(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The army imposed a curfew on the town of Vessa on Monday after two days of violent protests.",
        "Late on Sunday the army lifted a curfew it had imposed in Vessa after several days of protests.",
        "Troops enforced a curfew in Kelvane following violent protests over the weekend.",
        # the place described as the scene of violence: its description, not the news
        "Kelvane eased emergency measures on Wednesday in Tresk province, the scene of ethnic violence last March.",
        "Troops imposed a curfew on Vessa on Thursday, one area of violence that erupted after a clash at a market.",
    ],
)
def test_a_curfew_imposed_after_protests_is_the_curfew(text: str) -> None:
    assert events_of(text)[0] == ("Change to group/activity", "asserted")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A curfew was imposed on Monday after two days of unrest.", ["Change to group/activity"]),
        ("Late on Sunday the city lifted a midnight curfew it put in place on Thursday.", ["Change to group/activity"]),
        ("His parents imposed a strict curfew on their teenage son after his grades fell.", []),
    ],
)
def test_only_an_authority_declares_a_curfew_so_nobody_need_be_named(text: str, expected: list[str]) -> None:
    """A curfew with no authority named (a passive, "the city") is still one; a family's curfew is not."""
    assert [sub_type for sub_type, modality in events_of(text) if modality == "asserted"] == expected


@pytest.mark.parametrize(
    "text",
    [
        "All protests across Norland were dispersed on Friday, but activists reported only minor injuries.",
        "The rally was broken up with tear gas.",
    ],
)
def test_a_demonstration_that_was_dispersed_took_place(text: str) -> None:
    """What was done to a demonstration says it happened, with nobody and nowhere named."""
    assert events_of(text) == [("Protest with intervention", "asserted")]


CLAIM = "Claim of responsibility"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rebels of the Vessa Front said they carried out the bombing of the checkpoint in Goma.", [CLAIM]),
        ("Militants said their fighters killed 20 soldiers in the raid on the base near Goma.", [CLAIM]),
        ("In a statement, the militants said they tried to kill the governor of the province.", [CLAIM]),
        ("The Vessa Front denied that its fighters carried out the bombing of the checkpoint in Goma.", []),
        ("The army said it killed 20 rebels in the raid near Goma.", ["Armed clash"]),
        ("Rebels said they had captured the village of Kelvane near Goma.", ["Non-state actor overtakes territory"]),
    ],
)
def test_an_armed_group_saying_it_did_the_deed_claims_it(pipeline: Pipeline, text: str, expected: list[str]) -> None:
    """An armed group's own account of its attack is a claim of responsibility (an attempt claimed is a claim
    made); a denial is not, an army's report of its operation is not, and ground taken stays a control claim."""
    assert whole_pipeline_asserts(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rebels blocked the roads into Kelvane on Tuesday.", [("Other", "asserted")]),
        ("Militiamen blockaded the port of Kelvane on Tuesday.", [("Other", "asserted")]),
        ("Militiamen set up a roadblock on the road to Kelvane.", [("Headquarters or base established", "asserted")]),
        ("Protesters blocked the roads into Kelvane on Tuesday.", [("Peaceful protest", "asserted")]),
    ],
)
def test_rebels_blocking_roads_are_armed_men_on_the_move_not_a_protest(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert events_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A mass grave was found near Izium on Friday.", ["Other"]),
        ("Forensic teams exhumed a mass grave near Izium on Friday.", ["Other"]),
        ("Coffins were buried in a mass grave in New York as the death toll from the flu rose.", []),
        ("Peacekeepers evacuated 300 civilians from the besieged town on Friday.", ["Other"]),
        ("The school evacuated its pupils after a gas leak.", []),
    ],
)
def test_a_mass_grave_found_and_an_evacuation_by_peacekeepers_are_other_developments(
    pipeline: Pipeline, text: str, expected: list[str]
) -> None:
    """The guidelines' "Other": a mass grave discovered (not the dead of an epidemic buried in one), and
    peacekeepers (an armed force) moving people out of a besieged town (not a school's fire drill)."""
    assert whole_pipeline_asserts(pipeline, text) == expected


def test_protests_met_with_force_are_still_the_protest() -> None:
    found = events_of("Police fired tear gas at protesters in Vessa after they refused to leave the square.")
    assert found == [("Protest with intervention", "asserted")]


@pytest.mark.parametrize(
    "text",
    [
        "Rioting broke out in Leeds and Bradford on Sunday, with youths torching cars.",
        "Youths went on the rampage in the poorer districts of Caracas after the blackout.",
        "A mass brawl broke out between two groups of workers at a copper mine near Karaganda.",
    ],
)
def test_riots_without_a_demonstration_are_mob_violence(pipeline: Pipeline, text: str) -> None:
    found = pipeline.analyze(Source(uri="t", kind="text"), Article(body=text)).events
    assert [(e.sub_type, e.modality) for e in found] == [("Mob violence", "asserted")]


def test_riot_police_are_police_not_a_riot() -> None:
    assert ("Mob violence", "asserted") not in events_of("Riot police stood outside the stadium in Vessa.")


def test_a_strike_by_workers_is_a_protest() -> None:
    found = events_of("Some 40,000 workers in Vessa stopped work on Monday over a new labour law.")
    assert found == [("Peaceful protest", "asserted")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norland troops have come under fire near Kelvane in recent weeks.", [("Armed clash", "asserted")]),
        ("Soldiers returned fire when their convoy was ambushed near Kelvane.", [("Armed clash", "asserted")]),
        ("The minister came under fire from critics in Vessa for his remarks.", []),
    ],
)
def test_coming_under_fire_is_a_clash_only_for_armed_forces(text: str, expected: list[tuple[str, str]]) -> None:
    assert events_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Police fatally shot a 37-year-old man outside a shop in Kelvane on Sunday.",
        "Gunmen shot him outside his home in Kelvane on Sunday.",
    ],
)
def test_shooting_a_person_is_an_attack(text: str) -> None:
    assert events_of(text) == [("Attack", "asserted")]


@pytest.mark.parametrize(
    "text",
    [
        "The director shot the film in Vessa last year.",
        "He took a shot at the mayor during a debate in Vessa.",
        "Teachers launched a strike in Vessa on Monday over pay.",
    ],
)
def test_shots_and_strikes_that_are_no_violence(text: str) -> None:
    assert [e for e in events_of(text) if e[0] in {"Attack", "Air/drone strike"}] == []


@pytest.mark.parametrize(
    "text",
    [
        "The rebel spokesman was killed in a Turkish strike near Kelvane in August.",
        "The coalition carried out four strikes against rebel forces near Kelvane on Tuesday.",
    ],
)
def test_a_state_or_coalition_strike_is_an_air_strike(text: str) -> None:
    assert ("Air/drone strike", "asserted") in events_of(text)


def test_a_militant_strike_is_made_on_the_ground() -> None:
    text = "The militant strike on an army base near Vessa killed 18 soldiers on Sunday."
    assert ("Air/drone strike", "asserted") not in events_of(text)


def test_a_suicide_truck_bombing_is_a_suicide_bomb() -> None:
    assert ("Suicide bomb", "asserted") in events_of("A suicide truck bombing killed 30 soldiers in Kelvane on Sunday.")


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Norland formed a militia of farmers to fight the rebels near Kelvane.", "planned"),
        ("The two armies agreed on closer cooperation in fighting the rebels near Kelvane.", "hypothetical"),
    ],
)
def test_purposes_and_topics_are_not_asserted_fights(text: str, modality: str) -> None:
    fights = [m for sub_type, m in events_of(text) if sub_type == "Armed clash"]
    assert fights and set(fights) == {modality}


def test_a_crowd_that_turned_out_to_protest_protested() -> None:
    found = events_of("Thousands of mourners turned out on Saturday in Kelvane to protest the killings.")
    assert ("Peaceful protest", "asserted") in found


@pytest.mark.parametrize(
    "text",
    [
        "The senator spoke at a campaign rally for the governor in Kelvane on Thursday.",
        "The president canceled a visit to Kelvane in protest.",
        "Norland lodged a formal protest with Vessa over the visit.",
    ],
)
def test_campaign_rallies_and_diplomatic_protests_are_no_demonstrations(text: str) -> None:
    assert [e for e in events_of(text) if e[0] == "Peaceful protest"] == []


def test_a_pronoun_stands_for_the_force_named_before(pipeline: Pipeline) -> None:
    text = "Kurdish YPG commanders told the rebels to leave. On Wednesday they took over the airfield near Azaz."
    found = pipeline.analyze(Source(uri="t", kind="text"), Article(body=text)).events
    taken = [e for e in found if e.sub_type == "Non-state actor overtakes territory"]
    assert len(taken) == 1
    assert [a.text for a in taken[0].actors if a.role == "actor1"] == ["Kurdish YPG commanders"]


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        ("Syrian government forces captured the district of Sakhour in Aleppo on Monday.", RETAKEN),
        ("Russian forces captured the town of Soledar in Ukraine's Donetsk region.", TAKEN),
    ],
)
def test_a_state_taking_ground_at_home_regains_it(pipeline: Pipeline, text: str, sub_type: str) -> None:
    found = pipeline.analyze(Source(uri="t", kind="text"), Article(body=text)).events
    assert [e.sub_type for e in found] == [sub_type]


@pytest.mark.parametrize(
    "text",
    [
        "Police catch murder suspect after hours-long hunt in Kelvane.",
        "The shooting investigation in Kelvane was closed on Friday.",
    ],
)
def test_a_crime_word_that_classifies_a_case_is_no_event(text: str) -> None:
    assert events_of(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Demonstrators rally against the president of Norland in Vessa.",
        "Holding signs against the governor, the protesters chanted slogans outside the statehouse in Vessa.",
    ],
)
def test_a_protest_told_as_speech_is_still_a_protest(text: str) -> None:
    assert events_of(text) == [("Peaceful protest", "asserted")]


def test_protesting_that_something_is_so_is_speech() -> None:
    assert events_of("The minister protested that the report on Vessa was unfair to the army.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Norland has strengthened its forces near Kelvane following the discovery of rockets.",
        "Norland troops have surrounded Kelvane.",
    ],
)
def test_forces_reinforced_or_surrounding_a_place_are_a_strategic_development(text: str) -> None:
    assert events_of(text) == [("Other", "asserted")]


def test_a_sales_force_is_no_armed_force() -> None:
    assert events_of("The company strengthened its sales force in Vessa.") == []


def test_opposing_a_kind_of_wrong_is_not_reporting_one() -> None:
    assert events_of("Women in Vessa are battling sexual harassment on trains with stickers and posters.") == []
    fought = events_of("Rebels fought a fierce battle with troops near Kelvane on Sunday.")
    assert fought == [("Armed clash", "asserted")]
    assert events_of("Firefighters battled a blaze at a warehouse in Kelvane on Sunday.") == [
        ("Man-made disaster", "asserted")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Three of the companies were incorporated in Vessa last year.",
        "This differs from the demands of some protest movements in Vessa.",
        "The fund aims to combat the root causes of migration from Vessa.",
    ],
)
def test_companies_movements_and_causes_are_no_events(text: str) -> None:
    assert events_of(text) == []


def test_a_protest_march_is_a_protest(pipeline: Pipeline) -> None:
    text = "Thousands joined a protest march in Berlin."
    found = pipeline.analyze(Source(uri="t", kind="text"), Article(body=text)).events
    assert [(e.sub_type, e.modality) for e in found] == [("Peaceful protest", "asserted")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norland withdrew its ambassador from Vessa on Tuesday.", [("Diplomatic event", "asserted")]),
        ("Norland withdrew its coast guard vessels from two ports of Vessa.", [(TRANSFER, "asserted")]),
        ("Troops captured the rebel leader near Kelvane.", []),
    ],
)
def test_what_is_withdrawn_or_captured_decides_whether_land_changed_hands(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [e for e in events_of(text) if e[0] in {TRANSFER, TAKEN, "Diplomatic event"}] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Protesters gathered in the lobby of the Vessa town hall and demanded an inquiry into the shooting.", True),
        ("Protesters said the police in Vessa fired first.", False),
    ],
)
def test_a_crowd_that_speaks_and_acts_demonstrates(pipeline: Pipeline, text: str, expected: bool) -> None:
    """The crowd is the source of what it demanded and still the doer of its gathering; a crowd that only
    says something is a source."""
    found = pipeline.analyze(Source(uri="t", kind="text"), Article(body=text)).events
    assert ("Peaceful protest" in {e.sub_type for e in found}) is expected


def test_a_state_condemning_another_is_diplomacy(pipeline: Pipeline) -> None:
    text = "The United Nations Security Council on Friday condemned North Korea's latest nuclear test."
    found = pipeline.analyze(Source(uri="t", kind="text"), Article(body=text)).events
    assert [(e.sub_type, e.modality) for e in found] == [("Diplomatic event", "asserted")]
    assert ("Diplomatic event", "asserted") not in events_of("Residents of Kelvane condemned the killing of the imam.")


@pytest.mark.parametrize(
    "text",
    [
        "HURRICANE, W.Va. - Deputies found two teenagers who went missing on Sunday night.",
        "FLOOD, Ohio — The mayor opened a new library on Monday.",
        "The rider fractured his collarbone in a crash during the race in Vessa.",
    ],
)
def test_datelines_racing_crashes_and_missing_teenagers_are_no_events(text: str) -> None:
    assert events_of(text) == []


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        ("KABUL — A suicide bomber killed 12 people near the airport on Monday.", "Suicide bomb"),
        ("A plane carrying a football team crashed near Kelvane, killing 71 people.", "Man-made disaster"),
        ("Gunmen kidnapped two aid workers near Kelvane on Sunday.", "Abduction/forced disappearance"),
    ],
)
def test_events_after_a_dateline_or_beside_a_team_stay(text: str, sub_type: str) -> None:
    assert (sub_type, "asserted") in events_of(text)


def test_looting_by_armed_men_stays_looting_and_missile_strikes_stay_shelling() -> None:
    note = nlp_loader.load()("On 3 May, militants looted shops and burned homes in Kelvane.")
    assert default_typer().type_span(note[:]).sub_type == "Looting/property destruction"  # not mob violence
    struck = events_of("Norland forces carried out missile strikes on Kelvane on Sunday.")
    assert ("Shelling/artillery/missile attack", "asserted") in struck
    assert ("Air/drone strike", "asserted") not in struck


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        ("Gunmen attacked a police checkpoint near Kelvane on Sunday, killing two officers.", "Armed clash"),
        ("Gunmen attacked a market near Kelvane on Sunday, killing two traders.", "Attack"),
    ],
)
def test_violence_against_a_military_target_is_a_clash(text: str, sub_type: str) -> None:
    assert events_of(text)[0] == (sub_type, "asserted")


def test_every_town_of_a_list_can_fall() -> None:
    assert events_of("Kelvane and Vessa fell to rebel forces on Sunday.") == [(TAKEN, "asserted")]
    assert events_of("The company and its staff fell to new lows in Vessa.") == []


@pytest.mark.parametrize(
    ("text", "maker"),
    [
        ("The Norland government lifted the curfew in the capital on Sunday.", "The Norland government"),
        ("The army ordered a unilateral ceasefire on Monday.", "The army"),
    ],
)
def test_a_measure_is_its_makers_act(text: str, maker: str) -> None:
    """ "The government lifted the curfew": whoever orders, declares, imposes or lifts a measure is its actor,
    which grounds the event even where no place is named."""
    ctx = written_context(text)
    found = [e for e in run_events(ctx) if e.sub_type == "Change to group/activity"]
    assert [[a.text for a in e.actors if a.role == "actor1"] for e in found] == [[maker]]


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        ("Soldiers celebrate in the town of Marnak after army troops recaptured it from the rebels.", RETAKEN),
        ("The rebels reached the village of Tarnow Hill on Monday and captured it within hours.", TAKEN),
        ("The striker took it from the edge of the box and scored.", None),
    ],
)
def test_it_taken_after_a_place_is_that_place(text: str, sub_type: str | None) -> None:
    """ "Troops recaptured it from the rebels": "it" is the town just named; without a place before,
    "it" is no ground."""
    assert asserted_sub_types(text) == ([sub_type] if sub_type else [])


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        ("Dozens of students occupied the lobby of the education ministry on Monday to demand lower fees.", None),
        ("Activists chained themselves together before occupying the offices of the mining firm.", None),
        ("Farmers blockaded the main highway into Vessa for a third day.", None),
        ("Rebel fighters occupied the airport in Vessa on Monday.", TAKEN),
    ],
)
def test_unarmed_people_holding_a_building_or_a_road_demonstrate(text: str, sub_type: str | None) -> None:
    """A sit-in or a blockade by students, activists or farmers is a peaceful protest; fighters
    occupying a building take ground."""
    found = asserted_sub_types(text)
    assert found == [sub_type or "Peaceful protest"]


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        ("The two warring parties signed a ceasefire agreement in Vessa on Sunday.", "Agreement"),
        ("The government and the rebels agreed to exchange prisoners on Monday.", "Agreement"),
        ("Hundreds of rebel fighters defected to the government side on Monday.", "Change to group/activity"),
        ("Two rebel commanders pledged allegiance to the Islamic State on Monday.", "Change to group/activity"),
        ("The senator defected to the opposition party last year.", None),
        ("The product was recalled because it was defective.", None),
    ],
)
def test_agreements_and_changes_of_side_between_fighters(text: str, sub_type: str | None) -> None:
    """ "Warring parties" say who signs, not what happened; fighters who change sides or swear
    allegiance are a change to a group, a senator who changes party is not."""
    assert asserted_sub_types(text) == ([sub_type] if sub_type else [])


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        ("Farmers dumped tonnes of potatoes outside parliament in protest at low prices.", "Peaceful protest"),
        ("Students staged a sit-in at the university in Vessa on Monday.", "Peaceful protest"),
        ("The minister left the talks in protest on Monday.", None),
    ],
)
def test_what_people_do_in_protest_is_a_protest(text: str, sub_type: str | None) -> None:
    """Unarmed people who act "in protest", or stage a sit-in, demonstrate; an official who walks out
    "in protest" does not."""
    assert asserted_sub_types(text) == ([sub_type] if sub_type else [])


def test_an_armed_speaker_named_as_it_makes_a_battle() -> None:
    """ "The army said it had killed 20 militants": "it" is the army, so two armed sides fought."""
    assert [s for s, _ in events_of("The army said it had killed 20 militants in an operation near Marnak.")] == [
        "Armed clash"
    ]


@pytest.mark.parametrize(
    ("text", "natural"),
    [
        ("Gunmen storm hotel in Vessa, take hostages", False),
        ("Fans flood streets of Vessa after cup win", False),
        ("Monsoon rains flood villages in Kelvane", True),
        ("A storm killed five people in Vessa on Monday.", True),
    ],
)
def test_a_headlines_people_make_a_disaster_word_a_verb(text: str, natural: bool) -> None:
    found = {s for s, _ in events_of(text)}
    assert ("Natural disaster" in found) is natural


def test_protesters_who_storm_a_building_are_violent() -> None:
    """The weather sense goes; the crowd's "storm" stays."""
    assert [s for s, _ in events_of("Protesters storm parliament in Vessa")] == ["Violent demonstration"]


@pytest.mark.parametrize(
    ("text", "protest"),
    [
        ("Local residents gathered outside the town hall in Vessa to demand justice for the victims.", True),
        ("Nurses gathered in front of the hospital in Vessa demanding better working conditions.", True),
        ("Truck drivers blocked the main highway near Vessa to protest against fuel prices.", True),
        ("Cement workers held a protest demonstration outside the mill office, demanding their wages.", True),
        ("A large number of traders took out a protest rally against the new market levy.", True),
        ("The company took out a loan to stage a product launch.", False),
        ("The family gathered at the lake in Vessa for a picnic on Sunday.", False),
        ("Rebel fighters gathered near Marnak to demand the release of their commander.", False),
    ],
)
def test_people_gathering_to_press_a_claim_demonstrate(text: str, protest: bool) -> None:
    """A gathering is a demonstration when its people press a claim ("to demand justice"); a picnic is not,
    and armed men massing are no protest."""
    assert ("Peaceful protest" in {s for s, _ in events_of(text)}) is protest


def test_a_passives_subject_is_the_target_and_its_agent_the_doer() -> None:
    """ "Three activists were shot dead by gunmen": ACLED's actor1 is who did it, actor2 whom it was done to."""
    ctx = written_context("Three activists were shot dead by gunmen in Vessa on Monday.")
    [event] = run_events(ctx)
    assert {(a.text, a.role) for a in event.actors} == {("gunmen", "actor1"), ("Three activists", "actor2")}


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        ("Residents caught a suspected thief and beat him to death in Vessa on Monday.", "Mob violence"),
        ("Villagers beat and killed a man accused of witchcraft near Marnak.", "Mob violence"),
        ("Three activists were shot dead by gunmen in Vessa on Monday.", "Attack"),
        ("Locals beat and killed a man accused of theft in Vessa on Monday.", "Mob violence"),
        ("A man was burnt to death by a mob in Vessa on Monday.", "Mob violence"),
        ("Militants sabotaged a power line near Marnak on Monday.", "Looting/property destruction"),
    ],
)
def test_a_group_of_unarmed_people_doing_violence_is_a_mob(text: str, sub_type: str) -> None:
    assert [s for s, _ in events_of(text)] == [sub_type]


@pytest.mark.parametrize(
    ("text", "sub_types"),
    [
        ("About 50 protesters gathered in Vessa on Monday to oppose the invasion of Norland.", ["Peaceful protest"]),
        ("Hundreds of people gathered in Vessa to support the military invasion of Norland.", ["Peaceful protest"]),
        ("The army arrested three civilians in the town of Marnak on Monday.", ["Arrests"]),
        ("Police arrested a drunk driver in Vessa on Monday.", []),
    ],
)
def test_a_crowds_cause_is_no_event_and_soldiers_arrests_are_political(text: str, sub_types: list[str]) -> None:
    """What a demonstration is about ("to oppose the invasion") is not news of its own; an army that detains
    civilians is never ordinary law enforcement, a drunk driver's arrest is."""
    assert asserted_sub_types(text) == sub_types


@pytest.mark.parametrize(
    ("text", "sub_types"),
    [
        (
            "Police opened fire to disperse demonstrators in Vessa, killing one man and arresting 12.",
            ["Excessive force against protesters"],
        ),
        ("Villagers clashed with police in Vessa on Monday.", ["Mob violence"]),
        (
            "Soldiers seized a cache of explosives and rifles from a truck in Vessa and arrested eight men.",
            ["Disrupted weapons use"],
        ),
        ("A group of youths torched a home in Vessa on Monday.", ["Mob violence"]),
        ("Rebels clashed with the army near Vessa on Monday.", ["Armed clash"]),
        (
            "The militants overran the district of Vessa and launched an offensive along the border.",
            ["Non-state actor overtakes territory"],
        ),
        ("Residents demolished the old bridge in Vessa to build a new one.", []),
        ("Residents clashed with the council over the new parking rules.", []),
    ],
)
def test_a_demonstration_met_with_force_is_one_event_and_a_crowds_rampage_is_mob_violence(
    text: str, sub_types: list[str]
) -> None:
    """The shooting and the arrests told in a dispersal's sentence are the dispersal; villagers are no army,
    and a crowd that burns a house riots, while one that rebuilds a bridge or argues over rules does not."""
    assert asserted_sub_types(text) == sub_types


@pytest.mark.parametrize(
    ("text", "sub_types"),
    [
        ("Niger and the Marnak Front agreed to a temporary cease-fire in Vessa on Monday.", ["Agreement"]),
        ("Two attackers detonated explosives strapped to their bodies at the Vessa checkpoint.", ["Suicide bomb"]),
        ("Both sides agreed to a temporary cease-fire on Monday.", ["Agreement"]),
        ("The warring factions agreed to a two-hour pause in fighting on Friday.", ["Agreement"]),
        ("Both parties agreed on the budget bill on Monday.", []),
        ("The cease-fire collapsed on Monday.", []),
        ("Peace talks collapsed in Vessa on Monday.", []),
        ("Shares crashed in Vessa on Monday after the report.", []),
        ("A leaked memo derailed the Vessa port's bid for a new licence on Monday.", []),
        ("A train derailed near Vessa on Monday, killing 12 passengers.", ["Man-made disaster"]),
        ("A bridge collapsed in Vessa on Monday, killing four people.", ["Man-made disaster"]),
    ],
)
def test_news_wordings_of_truces_and_suicide_bombs_and_collapses_that_are_figures(
    text: str, sub_types: list[str]
) -> None:
    assert asserted_sub_types(text) == sub_types


@pytest.mark.parametrize(
    ("text", "sub_types"),
    [
        # no battle: the warehouse fire they fight is a blaze, as the guidelines code it
        ("Firefighters battle Vessa warehouse fire.", ["Man-made disaster"]),
        ("Firefighters rescued two children from a burning house in Vessa on Monday.", []),
        ("Troops and rebels were locked in a firefight near Vessa on Monday.", ["Armed clash"]),
        (
            "A student was killed during the protest in Vessa on Monday after he was hit by rubber bullets.",
            ["Excessive force against protesters"],
        ),
    ],
)
def test_firefighters_fight_no_one_and_a_protester_killed_by_rubber_bullets_met_excessive_force(
    text: str, sub_types: list[str]
) -> None:
    assert asserted_sub_types(text) == sub_types


@pytest.mark.parametrize(
    ("text", "sub_types"),
    [
        ("The senator blasted the Vessa legislators over the budget on Monday.", []),
        ("Critics slammed the minister's decision in Vessa on Monday.", []),
        ("Militants blasted the army post near Vessa on Monday.", ["Remote explosive/landmine/IED"]),
        ("Officials voiced outrage at the Vessa attack on Monday.", []),
        ("Investigators found no evidence of a missile attack in Vessa.", []),
        ("Just before the sniper shooting that killed five officers, Vessa police were tweeting photos.", []),
        ("Rebels shelled the town of Vessa before dawn on Monday.", ["Shelling/artillery/missile attack"]),
        ("Police shooting in North Vessa ruled justifiable.", []),
        ("Vessa police investigate teen's shooting death after weekend party.", []),
    ],
)
def test_words_that_criticise_and_reactions_to_an_attack_are_no_events(text: str, sub_types: list[str]) -> None:
    """ "Blasted the legislators" is said, not detonated; outrage at an attack is news about the outrage."""
    assert asserted_sub_types(text) == sub_types


@pytest.mark.parametrize(
    ("text", "sub_types"),
    [
        ("Despite recent bomb attacks on its markets, Vessa's mayor said tourism kept growing this year.", []),
        ("Rebels shelled the town of Vessa on Monday despite the truce.", ["Shelling/artillery/missile attack"]),
    ],
)
def test_what_a_clause_happens_despite_is_known_not_news(text: str, sub_types: list[str]) -> None:
    """ "Despite recent attacks, tourism grew": the attacks are the concession, the growth is the news."""
    assert asserted_sub_types(text) == sub_types


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("We have to really step up the air strikes on Vessa, the senator said.", "hypothetical"),
        ("The army needs to intensify its shelling of Kelvane.", "hypothetical"),
        ("Troops had to retreat after rebels shelled Vessa on Monday.", "asserted"),
    ],
)
def test_an_obligation_in_the_present_is_not_a_deed(text: str, modality: str) -> None:
    """ "We have to increase the bombings" says what must be done; "had to retreat" tells what was done."""
    assert modalities_of(text) == {modality}


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Soldiers routinely beat up detainees in Vessa, a court was told on Monday.", "hypothetical"),
        ("Rebels often shelled Kelvane during the long war.", "hypothetical"),
        ("Rebels repeatedly shelled Kelvane last week.", "asserted"),
    ],
)
def test_a_habit_is_no_event_in_any_tense_unless_dated(text: str, modality: str) -> None:
    """ "Routinely beat up prisoners" is a habit, past or present; "repeatedly shelled ... last week" is news."""
    assert modalities_of(text) == {modality}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Kelvane foreign minister said the harvest was the best in years.", []),
        ("The Kelvane foreign minister is a keen chess player.", []),
        ("Norland expelled two Vessa diplomats on Monday.", [("Diplomatic event", "asserted")]),
        (
            "Norland sent Foreign Minister Arlo Penn to Vessa for talks with its president.",
            [("Diplomatic event", "asserted")],
        ),
    ],
)
def test_a_diplomat_is_no_diplomatic_event_unless_something_is_done(text: str, expected: list[tuple[str, str]]) -> None:
    """A foreign minister who speaks or opens a fair is a person, not an act of diplomacy; one sent or expelled
    is the object of one."""
    assert [e for e in events_of(text) if e[0] == "Diplomatic event"] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Norland's army is to withdraw from the border villages of Vessa next week.",
        "Norland's army is scheduled to withdraw from the border villages of Vessa next week.",
        "Norland's army is set to withdraw from the border villages of Vessa next week.",
        "Norland's army is due to withdraw from the border villages of Vessa next week.",
    ],
)
def test_what_is_arranged_to_happen_is_planned(text: str) -> None:
    assert modalities_of(text) == {"planned"}


def test_a_cause_with_due_to_stays_asserted() -> None:
    assert modalities_of("The road was closed due to the shelling of Vessa by Norland's army.") == {"asserted"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen tried to kill the mayor of Kano on Monday.", ("Attack", "asserted")),
        ("Rebels tried to capture Goma on Monday.", (TAKEN, "planned")),
    ],
)
def test_an_attempted_attack_happened_an_attempted_capture_did_not(
    pipeline: Pipeline, text: str, expected: tuple[str, str]
) -> None:
    found = pipeline.analyze(Source(uri="t", kind="text"), Article(body=text)).events
    assert [(e.sub_type, e.modality) for e in found] == [expected]


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        ("Looting was reported in Caracas on Monday.", "Mob violence"),
        ("Shops were looted in Caracas overnight.", "Mob violence"),
        ("Soldiers looted shops in Goma on Monday.", "Looting/property destruction"),
    ],
)
def test_looting_with_nobody_named_is_a_crowds(pipeline: Pipeline, text: str, sub_type: str) -> None:
    assert whole_pipeline_asserts(pipeline, text) == [sub_type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kurdish fighters seized 460 tons of wheat from a silo near Hasakah, activists say.",
            ["Looting/property destruction"],
        ),
        ("Rebels stole cattle from villagers near Goma on Monday.", ["Looting/property destruction"]),
        ("Police seized cash and drugs in Lagos.", ["Organised crime"]),  # a drug haul, no looting
        ("Soldiers seized 40 tons of explosives at the port of Lagos on Monday.", ["Disrupted weapons use"]),
    ],
)
def test_armed_men_carrying_off_goods_loot(pipeline: Pipeline, text: str, expected: list[str]) -> None:
    """Fighters who take grain or cattle loot; the police seizing evidence do not; a quantity "of" weapons
    taken is weapons taken out of use, like a cache of them."""
    assert whole_pipeline_asserts(pipeline, text) == expected


def test_injuries_told_beside_a_dispersal_are_the_interventions(pipeline: Pipeline) -> None:
    text = "All protests across Venezuela were dispersed but activists reported only minor injuries."
    found = pipeline.analyze(Source(uri="t", kind="text"), Article(body=text)).events
    assert [e.sub_type for e in found] == ["Protest with intervention"]


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        (
            "Riot police set up road blocks outside the central train station in London.",
            "Headquarters or base established",
        ),
        ("Soldiers set up roadblocks around Goma on Monday.", "Headquarters or base established"),
        ("Protesters set up road blocks outside the central train station in London.", "Peaceful protest"),
    ],
)
def test_road_blocks_of_the_police_are_checkpoints_a_crowds_are_a_protest(
    pipeline: Pipeline, text: str, sub_type: str
) -> None:
    assert whole_pipeline_asserts(pipeline, text) == [sub_type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A water main burst in downtown Atlanta on Monday, flooding several streets.", ["Man-made disaster"]),
        ("A dam burst in northern Kenya on Monday, killing 40 people.", ["Man-made disaster"]),
        ("The team's hopes burst on Monday.", []),
    ],
)
def test_burst_mains_and_dams_are_man_made_disasters(pipeline: Pipeline, text: str, expected: list[str]) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected


def test_a_country_named_in_the_place_that_fell_is_no_army(pipeline: Pipeline) -> None:
    """ "Afghanistan's province of Kunduz fell to the Taliban": the subject names the place; the taker is the
    Taliban, so the ground was overtaken, not regained by Afghanistan's forces."""
    text = "Afghanistan's northeastern province of Kunduz briefly fell to the Taliban last year."
    found = pipeline.analyze(Source(uri="t", kind="text"), Article(body=text)).events
    assert [e.sub_type for e in found] == [TAKEN]
    assert [a.actor for a in found[0].actors if a.role == "actor1"] == ["Taliban"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("President Obama ordered 300 troops to Cameroon on Monday.", ["Other"]),
        ("Nigeria sent soldiers into Borno state on Monday.", ["Other"]),
        ("The company sent its sales force to Lagos.", []),
    ],
)
def test_forces_sent_somewhere_are_a_deployment(pipeline: Pipeline, text: str, expected: list[str]) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb joined by "and" with its own tense is its own clause: the first verb's "not" stays there
        (
            "The army did not comment and continued to shell rebel positions near Vessa.",
            [("Shelling/artillery/missile attack", "asserted")],
        ),
        ("The rebels did not attack the town of Vessa and kill civilians.", []),
        ("If the rebels attack Vessa and kill civilians, the army will respond.", []),
    ],
)
def test_a_negation_reaches_the_verbs_that_share_it(text: str, expected: list[tuple[str, str]]) -> None:
    assert [e for e in events_of(text) if e[1] == "asserted"] == expected
