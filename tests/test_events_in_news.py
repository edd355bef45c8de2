"""How news prose tells events: in passing, with phrasal verbs, with ordinary verbs of the road,
and with a reason clause that holds other event words (all sentences invented)."""

from __future__ import annotations

import pytest

from events_support import events_of
from sitrep.analyze.pipeline import Pipeline
from sitrep.model import Article, Source


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
    ],
)
def test_road_crashes_told_with_ordinary_verbs_are_man_made_disasters(text: str) -> None:
    assert events_of(text) == [("Man-made disaster", "asserted")]


@pytest.mark.parametrize(
    "text",
    [
        "He bought a new car last week and drove to Vessa.",
        "Investors hit the car maker's shares hard in Vessa.",
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
    ],
)
def test_a_curfew_imposed_after_protests_is_the_curfew(text: str) -> None:
    assert events_of(text)[0] == ("Change to group/activity", "asserted")


def test_protests_met_with_force_are_still_the_protest() -> None:
    found = events_of("Police fired tear gas at protesters in Vessa after they refused to leave the square.")
    assert found == [("Protest with intervention", "asserted")]


@pytest.mark.parametrize(
    "text",
    [
        "Rioting broke out in Leeds and Bradford on Sunday, with youths torching cars.",
        "Looting has been reported in the poorer districts of Caracas since the blackout.",
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
