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
        # ... not a break for the holidays
        ("The charity halted deliveries over the holidays to give its volunteers a rest.", []),
    ],
)
def test_aid_halted_by_violence_is_news(pipeline: Pipeline, text: str, expected: list[str]) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected


def test_members_of_a_banned_party_rounded_up_are_a_political_arrest(pipeline: Pipeline) -> None:
    """ "banned" is lemmatised "ban": the party's kind is read from the word as written too."""
    text = "Police in Minsk rounded up dozens of members of the banned party over the weekend."
    assert whole_pipeline_asserts(pipeline, text) == ["Arrests"]
