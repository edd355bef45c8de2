"""Words news uses in more than one sense, and the turns of phrase it reports fighting with: a weapon's name
that modifies another noun, a plan called off, a convoy under fire, a force driven out of a town, a market
looted (all sentences invented; real places where the whole pipeline resolves them)."""

from __future__ import annotations

import pytest

from events_support import whole_pipeline_asserts
from sitrep.analyze import nlp as nlp_loader
from sitrep.analyze.pipeline import Pipeline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the words before a weapon's name say what it is: no artillery, no grenade attack
        ("Police used water cannon to disperse demonstrators in Vessa on Monday.", ["Protest with intervention"]),
        ("Police fired stun grenades at protesters in Vessa on Monday.", ["Protest with intervention"]),
        # a bomb that went off, or ripped through a place, exploded; tearing up a letter is no blast
        ("A car bomb ripped through a crowded market in Vessa on Friday.", ["Remote explosive/landmine/IED"]),
        ("A bomb went off near the bus station in Vessa on Friday.", ["Remote explosive/landmine/IED"]),
        ("He tore up the letter about the bomb in Vessa.", []),
        # laying siege is fighting; the siege of a city long ago, told as history, is none
        ("Rebels laid siege to the town of Kelvane on Monday.", ["Armed clash"]),
        ("The siege of Vessa ended in 1995, a historian said.", []),
        # the bombing a plot was for did not happen: only the foiling did
        ("The army said it had foiled a plot to bomb the Vessa parliament.", ["Disrupted weapons use"]),
    ],
)
def test_weapons_named_by_their_modifier_went_off_laid_siege_and_foiled_plots(
    pipeline: Pipeline, text: str, expected: list[str]
) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a convoy or a patrol under fire is fighting; a minister under fire from critics is not
        ("The convoy came under fire near Mosul on Tuesday.", ["Armed clash"]),
        ("Troops came under heavy fire near Mosul on Tuesday.", ["Armed clash"]),
        ("The minister came under fire from critics over the base closure in Mosul.", []),
        # a post named for what it is for is a military post
        ("The army set up an observation post on the hill above Aleppo.", ["Headquarters or base established"]),
        # a mine stepped on or hit exploded; the miners of a coal mine are on strike
        ("Two soldiers stepped on a mine near Kandahar on Monday.", ["Remote explosive/landmine/IED"]),
        ("A truck hit a mine near Kandahar, killing two.", ["Remote explosive/landmine/IED"]),
        ("Workers at the coal mine near Kandahar went on strike on Monday.", ["Peaceful protest"]),
    ],
)
def test_convoys_under_fire_posts_set_up_and_mines_set_off(pipeline: Pipeline, text: str, expected: list[str]) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a weapon's name that modifies another noun names a kind of thing, not an attack
        ("The startup launched its new drone delivery service in Dallas on Monday.", []),
        ("Drone footage showed the damaged bridge in Kherson on Monday.", []),
        ("A drone strike killed three militants in Kandahar on Tuesday.", ["Air/drone strike"]),
        ("Chlorine gas was used in an attack on Douma, inspectors said.", ["Chemical weapon"]),
        # what was postponed or called off did not happen
        ("The rocket launch was postponed because of the weather in Florida.", []),
        ("The army postponed its offensive on Mosul.", []),
        # a film that bombed flopped; fans on the pitch and a singer on the stage are no assault
        ("The film bombed at the box office in Chicago in its opening weekend.", []),
        ("Fans stormed the pitch after the final whistle in Glasgow on Saturday.", []),
        ("The Lakers stormed back in the fourth quarter to win in Boston on Saturday.", []),
        # a film that depicts a bombing reports no bombing
        ("The film depicts the bombing of Dresden in 1945.", []),
        ("Troops stormed the rebel stronghold near Mosul on Saturday.", ["Armed clash"]),
    ],
)
def test_kinds_of_things_called_off_plans_flops_and_pitch_invasions_are_no_events(
    pipeline: Pipeline, text: str, expected: list[str]
) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a market is a place when it is described or placed; "the market" investors beat is no place
        ("Armed men looted the main market in Bangui overnight.", ["Looting/property destruction"]),
        ("Investors beat the market again this year in London.", []),
        # looting and shelling are only ever done to a place: a bare "the market" looted is one, in either voice
        ("Militiamen looted the market in Bangui on Tuesday.", ["Looting/property destruction"]),
        ("The market was looted by militiamen on Tuesday.", ["Looting/property destruction"]),
    ],
)
def test_a_market_looted_is_a_place_and_the_market_beaten_is_not(
    pipeline: Pipeline, text: str, expected: list[str]
) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected


def test_a_cue_written_with_a_star_matches_words_not_names() -> None:
    """ "ban*" matched "Bangui" and "Bangladesh", "steal*" "stealth": such cues are written out."""
    from sitrep.events.lexicon import default_lexicon

    nlp = nlp_loader.load()
    doc = nlp("Stealth bombers flew over Bangui and Bangladesh; the council banned the march.")
    found = {(hit.cue, doc[hit.start : hit.end].text) for hit in default_lexicon().hits(list(doc))}
    assert ("group_change", "banned") in found
    assert not {text for _, text in found} & {"Stealth", "Bangui", "Bangladesh"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # soldiers or police attacked are one side of a battle, whoever attacked them (ACLED's armed clash)
        ("Five soldiers were killed in an ambush in Mali on Monday.", ["Armed clash"]),
        ("Gunmen shot dead two policemen in Peshawar on Monday.", ["Armed clash"]),
        # civilians attacked are an attack
        ("Gunmen shot dead two farmers in Peshawar on Monday.", ["Attack"]),
    ],
)
def test_armed_forces_attacked_are_in_a_battle(pipeline: Pipeline, text: str, expected: list[str]) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Villagers set upon two men suspected of cattle theft in Kisumu on Monday.", ["Mob violence"]),
        ("Activists chained themselves to the gates of the parliament in London.", ["Peaceful protest"]),
        # what was done without a fight had no fight
        (
            "The separatists handed over the town of Kramatorsk to the army without a fight.",
            ["Non-violent transfer of territory"],
        ),
        ("The home team won without a fight in Madrid on Sunday.", []),
        # a force driven out of a place: ground regained by the state, or taken by an armed group
        ("The army pushed the rebels out of Goma on Monday.", ["Government regains territory"]),
        ("Rebels forced the army out of Kidal on Monday.", ["Non-state actor overtakes territory"]),
        ("The coach pushed the players out of the dressing room in Madrid.", []),
    ],
)
def test_set_upon_chained_themselves_without_a_fight_and_driven_out(
    pipeline: Pipeline, text: str, expected: list[str]
) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected


def test_an_army_of_fans_is_no_army_and_diplomacy_needs_parties_not_meeting_places(pipeline: Pipeline) -> None:
    """ "An army of volunteers" is many people, "the army of Norland" a force; a meeting "in Brussels" has no
    parties for being held there, and a fund that collapsed is no disaster."""
    from sitrep.actors import default_table

    nlp = nlp_loader.load()
    for text, kinds in [
        ("An army of volunteers cleaned up the beach in Sydney.", set()),
        ("The army of Norland shelled Kelvane on Monday.", {"military"}),
    ]:
        doc = nlp(text)
        found = {m.entry.kind for m in default_table().find(list(doc)) if m.entry.kind == "military"}
        assert found == kinds, text
    assert whole_pipeline_asserts(pipeline, "Critics slammed the new policy at a meeting in Brussels.") == []
    assert whole_pipeline_asserts(pipeline, "Turkey and Greece held talks in Ankara on Tuesday.") == [
        "Diplomatic event"
    ]
    assert whole_pipeline_asserts(pipeline, "Investors lost millions when the fund collapsed in London.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a state's leader hosting another's is diplomacy; a city hosting games is not
        ("President Obama hosted the Chinese president at the White House on Tuesday.", ["Diplomatic event"]),
        ("The city hosted the Olympic Games in 2012.", []),
        # prisoners released in a swap: an agreement carried out; a player swap is none
        ("Iran released four American prisoners in a swap with the United States.", ["Agreement"]),
        ("The two clubs agreed a player swap in Madrid on Monday.", []),
    ],
)
def test_leaders_hosted_and_prisoners_swapped(pipeline: Pipeline, text: str, expected: list[str]) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # gunmen who storm a hotel attack the people in it; an army base stormed is a battle
        ("Gunmen stormed a hotel in Vessa and opened fire on guests.", ["Attack", "Attack"]),
        # an attack that left villagers dead happened, wherever the sentence leaves it
        ("The attack left four villagers dead, residents said.", ["Attack"]),
        # "shot dead" says someone was shot, whatever the victim's title
        ("Gunmen shot dead a village councillor in Vessa on Sunday.", ["Attack"]),
        # ... and the toll told in the same breath ("and injured five protesters") types it
        ("Security forces shot dead and injured five protesters in Vessa.", ["Excessive force against protesters"]),
        # a mass grave uncovered is news wherever it is
        ("Investigators uncovered a mass grave near the old front line.", ["Other"]),
        # a political figure killed is political violence, wherever it happened and whoever did it; a
        # private citizen killed with nothing more said is not ACLED's, and police officers harmed say nothing
        # of why (who harmed them does)
        ("The former governor of the province was killed by his own bodyguard last week.", ["Attack"]),
        ("A retired teacher was stabbed to death on Tuesday.", []),
        ("He said the man who punched the officers was a coward.", []),
        # people captured: by the state's forces an arrest, by an armed group an abduction; the deed a suspect is
        # named by is what they are held for ("the chief suspect in the bombing"), not a bombing of its own
        ("Security forces captured the chief suspect in the bombing in Vessa on Monday.", ["Arrests"]),
        ("The army captured the rebel leader in Tresk.", ["Arrests"]),
        ("Rebels captured three soldiers near Kelvane on Sunday.", ["Abduction/forced disappearance"]),
        # a minister and an editor arrested are political arrests
        ("A former minister was arrested at the airport on Monday.", ["Arrests"]),
        ("Authorities arrested the editor of a weekly newspaper in Vessa.", ["Arrests"]),
        # what happens "ahead of" a rally comes first: the rally does not type the arrests
        ("Security forces rounded up dozens of students ahead of the rally.", ["Arrests", "Peaceful protest"]),
    ],
)
def test_attacks_on_people_told_with_their_toll_and_political_arrests(
    pipeline: Pipeline, text: str, expected: list[str]
) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the leaders of two countries counted, not named, still meet as states
        ("Leaders of the two neighbours met in Geneva on Monday.", ["Diplomatic event"]),
        # a group that claims the deed itself, without "responsibility", claims it; a minister who claims
        # something about an attack says it
        ("The Kelvane Front claimed the bombing in a statement.", ["Claim of responsibility"]),
        ("The minister claimed the attack was staged.", []),
        # politicians fight with words, supporters rally behind a leader, police dismantle a ring
        ("Lawmakers battled late into the night before passing the spending package.", []),
        ("Party members rallied behind the prime minister after the vote.", []),
        ("Police dismantled a drug smuggling ring in Vessa, arresting nine.", ["Organised crime", "Organised crime"]),
        ("Police detained four men in Dayton during a sting operation on Tuesday.", ["Organised crime"]),
    ],
)
def test_diplomacy_by_counted_states_claims_without_responsibility_and_political_fights(
    pipeline: Pipeline, text: str, expected: list[str]
) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an event named with its own past date, as what something else is about, is background ...
        ("Relatives laid flowers for the victims of the 2015 earthquake in Kathmandu.", []),
        ("The mayor sent condolences to the families of those killed in last month's bombing in Vessa.", []),
        # ... unless people are said to have suffered in it: then it is reported, with its date
        ("Five people were killed in last week's bombing in Vessa.", ["Remote explosive/landmine/IED"]),
        # a relative clause with a year of its own says who someone was
        ("The commander, who led the offensive against the rebels in the 1980s, died on Friday at 90.", []),
    ],
)
def test_events_told_with_their_own_past_date_are_background(
    pipeline: Pipeline, text: str, expected: list[str]
) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pirates are an armed crew: the hostages they take are news; the ship they seize is no territory
        ("Pirates seized a tanker and took its crew hostage.", ["Abduction/forced disappearance"]),
        ("Pirates seized a cargo ship off the coast of Somalia on Monday.", []),
        # what was taken along with it says what changed hands
        ("Rebels seized a fuel depot and an army barracks near Vessa.", ["Non-state actor overtakes territory"]),
        # the words between a swap and its prisoners, an unexploded shell, a tunnel that caved in
        ("Rebels and the army exchanged more than 100 prisoners on Monday.", ["Agreement"]),
        (
            "Two boys were killed when an unexploded shell exploded in their yard in Vessa.",
            ["Remote explosive/landmine/IED"],
        ),
        ("Six miners died after a tunnel caved in at a copper mine in Vessa.", ["Man-made disaster"]),
        # two leaders counted are two states
        ("The two leaders signed a trade agreement in Geneva.", ["Diplomatic event"]),
    ],
)
def test_hostages_swaps_remnants_of_war_cave_ins_and_leaders_counted(
    pipeline: Pipeline, text: str, expected: list[str]
) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # headlines: a place named by its compound, a participle hanging from the one arrested, a crowd counted
        ("Rebels capture district centre in north", ["Non-state actor overtakes territory"]),
        ("Opposition leader arrested ahead of vote", ["Arrests"]),
        ("Thousands rally in Vessa against fuel tax", ["Peaceful protest"]),
        # a warehouse fire burns; rocket fire is fired
        ("Warehouse fire kills nine workers in Vessa", ["Man-made disaster"]),
        ("Rocket fire kills two soldiers near Kelvane", ["Shelling/artillery/missile attack"]),
    ],
)
def test_headlines_that_name_the_place_the_arrested_and_the_crowd_in_a_noun_phrase(
    pipeline: Pipeline, text: str, expected: list[str]
) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bar fight is a private brawl
        ("Two men were arrested after a bar fight left one person with minor injuries.", []),
        # what the arrested had done before ("who had organised marches") is who they are, not the news
        ("Police arrested a student leader who had organised marches against the dam.", ["Arrests"]),
        # a government that protests does so by summoning an ambassador, not in the street
        ("The government summoned the Turkish ambassador to protest against the remarks.", ["Diplomatic event"]),
        # a deal whose terms are a siege's is between the fighting sides
        ("The two sides reached a deal to let civilians leave the besieged district.", ["Agreement"]),
    ],
)
def test_brawls_pluperfect_backgrounds_diplomatic_protests_and_deals_by_their_terms(
    pipeline: Pipeline, text: str, expected: list[str]
) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a birthday party makes no arrest political; the ruling party does
        ("The singer was arrested for drunk driving after a birthday party in Los Angeles.", []),
        ("Police arrested two members of the ruling party in Vessa on charges of treason.", ["Arrests"]),
        # an album explodes with energy, a plan is shot down by lawmakers, a striker collides in play
        ("The band's new album explodes with energy from the first track.", []),
        ("The governor's plan to merge the police forces was shot down by lawmakers.", []),
        ("The striker was stretchered off after a violent collision with the goalkeeper.", []),
    ],
)
def test_parties_albums_plans_and_collisions_in_play_that_are_no_events(
    pipeline: Pipeline, text: str, expected: list[str]
) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two states' military pact is diplomacy; a truce with rebels is an agreement between fighters
        ("Japan and Australia signed a military logistics pact on Wednesday.", ["Diplomatic event"]),
        ("The army and the rebels signed a truce in Vessa on Monday.", ["Agreement"]),
        ("China lodged a formal protest with Japan over the visit.", ["Diplomatic event"]),
        # forces counted ("hundreds of troops") or moved "closer to" a border are forces sent
        ("Hundreds of troops were sent to the northern province on Friday.", ["Other"]),
        ("The army moved tanks closer to the border on Tuesday.", ["Other"]),
    ],
)
def test_pacts_between_states_formal_protests_and_forces_moved(
    pipeline: Pipeline, text: str, expected: list[str]
) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an authority that bans gatherings, and armed factions that merge, change what groups do ...
        ("The authorities banned all public gatherings in the province for a month.", ["Change to group/activity"]),
        ("Two rebel factions merged into a single group on Monday.", ["Change to group/activity"]),
        # ... companies that merge and cities that ban plastic bags do not
        ("The company merged with its rival on Monday.", []),
        ("The city banned plastic bags from shops.", []),
    ],
)
def test_bans_on_gatherings_and_mergers_of_armed_groups_change_activity(
    pipeline: Pipeline, text: str, expected: list[str]
) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what drones are used for says whether they strike
        ("Researchers used drones to map the coral reef off Vessa.", []),
        ("Militants used drones to attack an army base near Kelvane.", ["Air/drone strike", "Armed clash"]),
        # a volcano said to be dormant erupts nowhere
        ("The volcano has been dormant for more than 400 years, scientists said.", []),
    ],
)
def test_drones_used_for_mapping_and_dormant_volcanoes_are_no_events(
    pipeline: Pipeline, text: str, expected: list[str]
) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected
