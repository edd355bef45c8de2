"""Measures lifted, armed groups merged, aid halted by violence, and arrests of a banned party's members, told
with a verb and what it acts on (all sentences invented; real places where the pipeline must resolve them)."""

from __future__ import annotations

import pytest

from events_support import whole_pipeline_asserts
from sitrep.analyze.pipeline import Pipeline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a measure of conflict lifted or eased, whatever stands between the verb and the measure
        ("The interior ministry lifted the curfew in Goma after a week of calm.", ["Change to group/activity"]),
        ("The navy lifted on Sunday its week-long blockade of the port of Hodeidah.", ["Change to group/activity"]),
        ("Martial law was lifted in Mindanao on Monday, the president's office said.", ["Change to group/activity"]),
        ("The government eased security measures in Kandahar province on Thursday.", ["Change to group/activity"]),
        # a council's emergency session and a pandemic's restrictions are no measures of conflict
        ("The city council ended its emergency session in Goma late on Monday.", []),
        ("The governor eased lockdown restrictions in the state as infections fell.", []),
        # armed factions that say they have merged (the pronoun is the factions); firms that merge are not news
        ("Three rebel factions in Idlib said on Friday they had merged into one group.", ["Change to group/activity"]),
        ("Two software firms in Berlin said on Friday they had merged into one company.", []),
    ],
)
def test_measures_lifted_and_armed_groups_merged(pipeline: Pipeline, text: str, expected: list[str]) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # aid work halted by the violence the sentence tells: the halt is news wherever it is, and so is the
        # violence
        ("A medical charity suspended its work in the district after gunmen raided its clinic.", ["Other", "Attack"]),
        (
            "The refugee agency pulled its staff out of the camp as shelling intensified.",
            ["Other", "Shelling/artillery/missile attack"],
        ),
        # ... not a break for the holidays, nor a blaze; gunfire is violence ("came under fire")
        ("The charity halted deliveries over the holidays to give its volunteers a rest.", []),
        ("The agency suspended its work at the warehouse after a fire on Sunday.", []),
        ("The refugee agency suspended its work in the valley after its convoy came under fire.", ["Other"]),
    ],
)
def test_aid_halted_by_violence_is_news(pipeline: Pipeline, text: str, expected: list[str]) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected


def test_members_of_a_banned_party_rounded_up_are_a_political_arrest(pipeline: Pipeline) -> None:
    """ "banned" is lemmatised "ban": the party's kind is read from the word as written too."""
    text = "Police in Minsk rounded up dozens of members of the banned party over the weekend."
    assert whole_pipeline_asserts(pipeline, text) == ["Arrests"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a state that cuts its aid or arms sales to another acts when it announces it; a coach's ties are his
        ("Norway said on Monday it would suspend arms exports to the kingdom.", ["Diplomatic event"]),
        ("The government severed diplomatic ties with Eritrea on Friday.", ["Diplomatic event"]),
        ("The coach cut ties with his old club after the season.", []),
        # an armed group that says it was behind an attack claims it
        (
            "The militant group said it was behind the bombing of the police station in Quetta.",
            ["Claim of responsibility"],
        ),
        # a humanitarian corridor agreed is an agreement; control handed over is a transfer
        (
            "The warring parties agreed to open a humanitarian corridor out of Mariupol on Sunday.",
            ["Agreement"],
        ),
        ("The rebels handed control of Kidal to a local council on Friday.", ["Non-violent transfer of territory"]),
        # a road blocked by people, whatever words stand between verb and road; a fallen tree is no protest
        ("Hundreds of farmers blocked the main highway into Nairobi with their tractors.", ["Peaceful protest"]),
        ("A fallen tree blocked the main road into the village for several hours.", []),
    ],
)
def test_states_cutting_aid_claims_corridors_and_roads_blocked(
    pipeline: Pipeline, text: str, expected: list[str]
) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the leaders or ministers of a bloc are several states; the opposition's leaders are not
        ("Leaders of the regional bloc gathered for a summit on the crisis on Saturday.", ["Diplomatic event"]),
        ("Leaders of the opposition met in Harare to plan the campaign.", []),
    ],
)
def test_the_leaders_of_a_bloc_are_parties_to_diplomacy(pipeline: Pipeline, text: str, expected: list[str]) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the arresting officers' office says nothing of whom they arrested: a burglar is no political arrest
        ("Sheriff's deputies and police officers arrested a man for burglary in Ohio on Friday.", []),
        ("Police officers arrested an opposition lawmaker at his home in Minsk on Monday.", ["Arrests"]),
        ("A former army officer was arrested in Ankara on charges of plotting a coup.", ["Arrests"]),
    ],
)
def test_who_made_an_arrest_does_not_make_it_political(pipeline: Pipeline, text: str, expected: list[str]) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected
