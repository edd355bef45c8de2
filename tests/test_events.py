"""The events stage and the actor table, on the Bakhmut example and on written sentences."""

from __future__ import annotations

import importlib.util

import pytest

from events_support import (
    DCT,
    asserted_sub_types,
    attribution_index,
    bakhmut_context,
    body,
    events_of,
    run_events,
    written_context,
)
from sitrep.actors import default_table
from sitrep.analyze import nlp as nlp_loader
from sitrep.analyze.pipeline import Pipeline
from sitrep.analyze.registry import Context
from sitrep.events.rules import default_typer
from sitrep.model import Article, Event, Source


@pytest.fixture(scope="module")
def events() -> tuple[Context, list[Event]]:
    ctx = bakhmut_context()
    return ctx, run_events(ctx)


def place_text(ctx: Context, event: Event) -> str | None:
    return None if event.place is None else ctx.result.places[event.place].text


def test_general_staff_reports_an_asserted_armed_clash_at_bakhmut(events: tuple[Context, list[Event]]) -> None:
    ctx, found = events
    staff = attribution_index(ctx, "the General Staff of the Ukrainian armed forces", "said")
    clashes = [e for e in found if e.sub_type == "Armed clash" and e.modality == "asserted" and e.asserted_by == staff]
    assert clashes, found
    clash = clashes[-1]
    assert clash.type == "Battles"
    assert place_text(ctx, clash) == "Bakhmut"
    assert {a.actor for a in clash.actors} == {"Military Forces of Ukraine", "Military Forces of Russia"}
    assert {a.side for a in clash.actors} == {"Ukraine", "Russia"}
    assert clash.when is not None and clash.when.earliest is not None and clash.when.latest is not None
    assert clash.when.earliest[:10] <= "2023-03-29" <= clash.when.latest[:10]
    assert "repelling" in ctx.article.body[clash.evidence.start : clash.evidence.end]


def test_background_invasion_is_dated_to_its_own_day(events: tuple[Context, list[Event]]) -> None:
    _ctx, found = events
    invasion = [e for e in found if e.trigger is not None and "military operation" in e.trigger.text]
    assert len(invasion) == 1
    event = invasion[0]
    assert (event.type, event.sub_type) == ("Battles", "Armed clash")
    assert event.when is not None and event.when.earliest == "2022-02-24" == event.when.latest
    assert event.asserted_by is None  # the outlet says it
    assert [a.actor for a in event.actors] == ["Military Forces of Russia"]


def test_annexation_is_a_non_violent_transfer_in_september_2022(events: tuple[Context, list[Event]]) -> None:
    _ctx, found = events
    added = [e for e in found if e.trigger is not None and e.trigger.text == "added"]
    assert len(added) == 1
    event = added[0]
    assert (event.type, event.sub_type) == ("Strategic developments", "Non-violent transfer of territory")
    assert event.modality == "asserted"
    assert event.when is not None and event.when.earliest == "2022-09-01" and event.when.latest == "2022-09-30"
    assert [a.actor for a in event.actors] == ["Government of Russia"]


def test_conditionals_and_could_are_not_asserted(events: tuple[Context, list[Event]]) -> None:
    ctx, found = events
    text = ctx.article.body
    fall = text.index("If Bakhmut fell")
    drawing = text.index("Russia could start drawing")
    for event in found:
        if event.evidence.start <= fall < event.evidence.end or event.evidence.start <= drawing < event.evidence.end:
            assert event.modality != "asserted", event
    fell = [e for e in found if e.trigger is not None and e.trigger.text.startswith("fell")]
    assert fell and all(e.modality == "hypothetical" for e in fell)
    assert not [e for e in found if e.trigger is not None and e.trigger.text in {"drawing", "support"}]


def test_evidence_and_trigger_offsets_index_the_body(events: tuple[Context, list[Event]]) -> None:
    ctx, found = events
    for event in found:
        assert 0 <= event.evidence.start < event.evidence.end <= len(ctx.article.body)
        assert event.trigger is not None
        assert ctx.article.body[event.trigger.start : event.trigger.end] == event.trigger.text
        assert 0.0 < event.confidence <= 1.0


@pytest.mark.parametrize(
    ("text", "sub_type", "modality"),
    [
        (
            "Police fired tear gas to disperse hundreds of students who marched on parliament.",
            "Protest with intervention",
            "asserted",
        ),
        ("Rebels did not attack the army base on Sunday, the ministry said.", "Armed clash", "denied"),
        ("The militia threatened to kidnap aid workers.", "Abduction/forced disappearance", "planned"),
        (
            "A roadside bomb exploded under a police truck, wounding three officers.",
            "Remote explosive/landmine/IED",
            "asserted",
        ),
    ],
)
def test_written_sentences(text: str, sub_type: str, modality: str) -> None:
    found = run_events(written_context(text))
    assert [(e.sub_type, e.modality) for e in found][:1] == [(sub_type, modality)]


def test_no_event_without_an_event_word() -> None:
    assert run_events(written_context("The minister said the budget would be published next week.")) == []


@pytest.mark.parametrize(
    ("phrase", "speaker", "actor", "side"),
    [
        ("Russian forces", None, "Military Forces of Russia", "Russia"),
        ("Our defenders", "Ukraine", "Military Forces of Ukraine", "Ukraine"),
        ("Enemy forces", "Ukraine", "Military Forces of Russia", "Russia"),
        ("the Kremlin", None, "Government of Russia", "Russia"),
        ("Wagner fighters", None, "Wagner Group", "Russia"),
        ("US troops", None, "Military Forces of United States", "United States"),
        ("around 50 residents", None, "Civilians", None),
    ],
)
def test_actor_table(phrase: str, speaker: str | None, actor: str, side: str | None) -> None:
    tokens = list(nlp_loader.load()(phrase))
    ref = default_table().resolve(tokens, speaker, "Russia" if speaker == "Ukraine" else None)
    assert ref is not None
    assert (ref.actor, ref.side) == (actor, side)


def _layers_importable() -> bool:
    return all(
        importlib.util.find_spec(f"sitrep.analyze.{name}") is not None for name in ("timexes", "places", "attributions")
    )


@pytest.mark.skipif(not _layers_importable(), reason="timexes/places/attributions stages not there yet")
def test_end_to_end_pipeline() -> None:
    from sitrep.analyze.pipeline import Pipeline

    stages = ["sentences", "mentions", "timexes", "places", "attributions", "events", "control"]
    result = Pipeline(stages=stages).analyze(Source(uri="t", kind="text"), Article(body=body(), published=DCT))
    asserted = [e for e in result.events if e.modality == "asserted" and e.sub_type == "Armed clash"]
    assert any(e.place is not None and result.places[e.place].text == "Bakhmut" for e in asserted)
    assert any(e.when is not None and e.when.earliest == "2022-02-24" for e in result.events)
    assert {(c.side, c.status) for c in result.control} >= {("Ukraine", "holds"), ("Russia", "advancing")}


@pytest.mark.parametrize(
    "text",
    [
        "The firefighters fought the blaze in California for three days.",  # fought: no battle
        "A teenage driver was killed in a crash on the highway in Miami.",  # killed: no attack
        # a death the sentence puts in an electrical accident
        "A volunteer in Vessa was killed on Monday when the generator he was repairing short-circuited.",
        "A lineman was electrocuted in Kelvane on Tuesday while fixing a power cable.",
    ],
)
def test_accidents_are_man_made_disasters_not_violence(text: str) -> None:
    assert events_of(text) == [("Man-made disaster", "asserted")]


@pytest.mark.parametrize(
    "text",
    [
        "The mayor promised to fight climate change in the city.",  # an abstraction is fought
        "The senator's attack ads angered voters in Ohio.",  # a violence word modifying another noun
        "She won the battle for the nomination in Iowa.",
        "The band was killing it on stage in Austin.",
        "The new film beat every rival at the box office in London.",  # a sentence about film takings
        "Shares in the company exploded after the results in New York.",
        "The speed of the recovery demonstrates that the policy works.",  # "demonstrate" = show
        "Russian jets simulated a raid on the Norland island of Vessa.",  # a pretend attack
        "Farm workers in Vessa were killing themselves at twice the rate of clerks.",  # self-harm
    ],
)
def test_figurative_violence_words_are_not_events(text: str) -> None:
    assert events_of(text) == []


@pytest.mark.parametrize(
    ("text", "violence"),
    [
        # the noun said again after its figurative use is the same fight ...
        (
            "Norland is mired in a long political fight over who will lead it, a fight now mediated by the "
            "foreign minister.",
            False,
        ),
        ("A legal fight broke out in Vessa; the fight at the border killed three soldiers.", True),  # ... or not
        # one person goes on the offensive in words, an army in arms
        ("On Friday Clinton gave interviews to CNN and MSNBC, where she went on the offensive.", False),
        ("The army went on the offensive near Kelvane on Monday.", True),
    ],
)
def test_a_fight_and_an_offensive_are_violence_when_armed_people_wage_them(
    pipeline: Pipeline, text: str, violence: bool
) -> None:
    found = pipeline.analyze(Source(uri="t", kind="text"), Article(body=text)).events
    assert bool(found) == violence, [e.sub_type for e in found]


@pytest.mark.parametrize(
    "text",
    [
        "The drone footage shows the burial site on Hart Island.",
        "Lettuce is rinsed in chlorine before it is shipped to Norway.",
        "The coastguard runs 40 helicopters and 90 patrol boats along the coast.",
    ],
)
def test_weapon_words_need_an_attack(text: str) -> None:
    assert events_of(text) == []


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        ("A Russian drone struck a fuel depot in Odesa on Monday.", "Air/drone strike"),
        ("Syrian forces attacked the town with chlorine.", "Chemical weapon"),
        ("A landmine exploded under a truck near Kidal.", "Remote explosive/landmine/IED"),
        ("Israeli airstrikes hit a hospital in Gaza.", "Air/drone strike"),
        ("Rebels fought government troops near the town of Goma.", "Armed clash"),
        ("A gunman killed two people at a shopping mall in Texas.", "Attack"),
        ("Some twenty residents demonstrated outside the town hall in Kelvane.", "Peaceful protest"),
        ("Two men were arrested on charges of bribery in Leeds.", "Arrests"),
    ],
)
def test_literal_violence_and_protest_are_still_events(text: str, sub_type: str) -> None:
    assert events_of(text)[:1] == [(sub_type, "asserted")]


def test_text_that_is_not_english_has_no_events() -> None:
    assert events_of("Am nächsten Morgen fuhr sie mit dem Zug nach Wien, um dort zu studieren.") == []
    assert events_of("Russian forces shelled Kharkiv on Monday.", language="de") == []
    assert events_of("Russian forces shelled Kharkiv on Monday.", language="en")[:1] == [
        ("Shelling/artillery/missile attack", "asserted")
    ]


def test_a_sit_in_is_a_noun_not_sitting_in_a_room() -> None:
    lexicon = default_typer().lexicon
    nlp = nlp_loader.load()
    assert [h.cue for h in lexicon.hits(list(nlp("Students staged a sit-in at the ministry.")))] == ["protest"]
    assert lexicon.hits(list(nlp("She sat in the ferry lounge for an hour."))) == []


def test_annexation_needs_the_state_itself_as_the_object() -> None:
    assert events_of("The ferries were added to the Irish inspection list on Friday.") == []


def test_a_generic_when_clause_is_not_an_asserted_event() -> None:
    generic = "When a Norland citizen is arrested abroad, the consulate informs the family in Vessa."
    assert all(modality != "asserted" for _, modality in events_of(generic))
    past = "When police arrested the opposition leader in Kampala, his supporters protested."
    assert ("Arrests", "asserted") in events_of(past)


def test_the_charge_of_an_arrest_does_not_type_it() -> None:
    assert events_of("An opposition activist was arrested for aggravated assault in Dundee on Friday.") == [
        ("Arrests", "asserted")
    ]


def test_an_ordinary_arrest_is_no_political_event() -> None:
    assert events_of("A man was arrested for aggravated assault in Dundee on Friday.") == []


# A page about something else: cue words everywhere, the vocabulary of events nowhere.
RECIPE_PAGE = " ".join(
    [
        "This crunchy snack has a dark chocolate shell that cracks like a firecracker when you bite it.",
        "Melt the chocolate slowly, then let the peanut filling explode with flavour in every bite.",
        "Kids will attack the tray the moment it leaves the kitchen, so bake a double batch.",
        "The dough should rest for ten minutes before you roll it into small balls and chill them.",
    ]
    * 6
)


def test_a_page_about_something_else_reports_no_event() -> None:
    from sitrep.events.domain import document_domain

    doc = nlp_loader.load()(RECIPE_PAGE)
    assert document_domain(doc).name == "food" and not document_domain(doc).reports_events
    assert events_of(RECIPE_PAGE) == []
    news = RECIPE_PAGE + " Police said gunmen killed two villagers in an attack on a market near Vessa on Monday."
    assert document_domain(nlp_loader.load()(news)).reports_events  # the vocabulary of events is there


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        (
            "An earthquake of magnitude 6.1 struck the hills near Vessa on Monday, killing nine people.",
            "Natural disaster",
        ),
        (
            "Floods swept through three villages in the Kelvane valley after days of torrential rain.",
            "Natural disaster",
        ),
        (
            "A ferry carrying 200 passengers capsized off the coast of Norland, and 14 people drowned.",
            "Man-made disaster",
        ),
        ("The foreign ministers of Norland and Vessa held talks in Kelvane on Tuesday.", "Diplomatic event"),
        ("Police in Vessa seized 300 kilograms of cocaine from a cartel's warehouse.", "Organised crime"),
        ("The Vessa Liberation Front claimed responsibility for the bombing of the bridge.", "Claim of responsibility"),
    ],
)
def test_sitrep_extension_types(text: str, sub_type: str) -> None:
    assert (sub_type, "asserted") in events_of(text)


def test_a_question_asserts_no_event() -> None:
    assert all(m != "asserted" for _, m in events_of("What did one volcano say to the other volcano?"))
    assert all(m != "asserted" for _, m in events_of("Did the army shell the village of Vessa on Monday?"))


def test_harm_is_political_violence_only_with_armed_actors_civilians_or_terror() -> None:
    assert events_of("A woman was stabbed on Tuesday while jogging near the park in Marlow.") == []
    assert ("Attack", "asserted") in events_of("Gunmen killed four civilians in the village of Vessa on Monday.")


def test_a_toll_is_part_of_the_event_it_follows() -> None:
    found = events_of("A ferry capsized off the coast of Norland on Sunday, killing at least 40 passengers.")
    assert found == [("Man-made disaster", "asserted")]


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        (
            "The army imposed a curfew on the town of Vessa on Friday after two days of clashes.",
            "Change to group/activity",
        ),
        (
            "Three hundred rebels of the Vessa Front surrendered to the army near Kelvane on Sunday.",
            "Change to group/activity",
        ),
        ("Norland deployed two thousand troops to the border with Vessa on Monday.", "Other"),
        ("Militants set up a training camp in the hills above Kelvane last month.", "Headquarters or base established"),
    ],
)
def test_strategic_developments_in_news_prose(text: str, sub_type: str) -> None:
    assert (sub_type, "asserted") in events_of(text)


def test_a_deployment_needs_armed_forces() -> None:
    assert events_of("The company deployed its new software to every office in Kelvane on Monday.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a subject that is nobody denies the claim; a denial in the main clause leaves the "when" clause alone
        ("So far no group has claimed responsibility for the bombing of the bridge in Vessa.", "denied"),
        ("No one was hurt when rebels shelled the town of Vessa on Monday.", "asserted"),
        # a habit told in the simple present is no event
        ("Militants in Vessa sometimes throw grenades at passing army trucks.", "hypothetical"),
    ],
)
def test_negative_arguments_and_habits(text: str, expected: str) -> None:
    found = events_of(text)
    assert found and found[0][1] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Norland test-fired a medium-range missile off its northern coast on Monday.",
        "Officials criticised Norland for a rocket test near the border with Vessa.",
        "Kelvane launched a ballistic missile into the sea on Monday, the Vessa military said.",
        "Kelvane launched a projectile believed to be a cruise missile into the sea on Friday.",
        "The Kelvane navy fired two cruise missiles during drills off its coast.",
    ],
)
def test_a_weapons_test_is_no_attack(text: str) -> None:
    assert events_of(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Rebels fired rockets into the Vessa market on Monday, killing four.",
        "Kelvane troops fired artillery at Vessa during clashes on Monday.",
        "Rebels shelled Vessa on Monday while the navy dumped old shells into the sea.",
    ],
)
def test_a_weapon_fired_at_a_target_is_an_attack_whatever_else_goes_into_the_sea(text: str) -> None:
    assert "Shelling/artillery/missile attack" in asserted_sub_types(text)


def test_states_that_sign_a_treaty_hold_a_diplomatic_event_and_fighters_make_an_agreement() -> None:
    assert ("Diplomatic event", "asserted") in events_of(
        "In May, Chile and Peru signed a treaty on river trade in Lima."
    )
    assert ("Agreement", "asserted") in events_of(
        "Army and rebel commanders in Vessa signed a ceasefire agreement on Sunday."
    )


def test_force_used_on_protesters_is_excessive_force_not_a_violent_demonstration() -> None:
    assert events_of("Security forces shot dead 40 demonstrators and injured hundreds more in Vessa.")[0] == (
        "Excessive force against protesters",
        "asserted",
    )
    assert events_of("Protesters threw stones at police and set fire to cars in Vessa.")[0] == (
        "Violent demonstration",
        "asserted",
    )


def test_firefighters_battling_a_fire_is_no_battle() -> None:
    found = events_of("Firefighters battled a fire at a home in Marlow this morning.")
    assert ("Armed clash", "asserted") not in found


def test_storms_and_winds_are_natural_disasters_but_storm_drains_are_not() -> None:
    assert ("Natural disaster", "asserted") in events_of("Strong winds toppled 13 trucks near Marlow on Monday.")
    assert events_of("The council approved a new storm drain and a wind farm near Marlow.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what a speaker threatens, demands or urges is wanted, not done, even in the speaker's own words
        ("The governor of Kano threatened to impose a curfew on the city after the riots.", "planned"),
        ("Rebel leaders demanded a truce with the army in the hills above Vessa.", "planned"),
        # what follows "after" is taken as given, whoever urges what
        ("The mayor urged residents to leave Vessa after the shelling of its port.", "asserted"),
    ],
)
def test_wishes_are_planned_and_presupposed_events_stay_asserted(pipeline: Pipeline, text: str, expected: str) -> None:
    # the whole pipeline: "threatened" and "urged" are attribution cues there, whose content is the speaker's
    result = pipeline.analyze(Source(uri="t", kind="text"), Article(body=text, published=DCT))
    assert result.events and result.events[0].modality == expected


def test_a_parade_of_soldiers_or_a_ceremony_is_no_protest() -> None:
    assert events_of("Police cadets marched across the main square of Vessa on Monday.") == []
    assert events_of("Brass bands march through Vessa during the harvest festival.") == []
    assert events_of("Thousands of nurses marched through Vessa to demand higher pay.")[0] == (
        "Peaceful protest",
        "asserted",
    )


def test_an_agreement_outranks_the_fighting_it_ends() -> None:
    assert events_of("Both sides in the Yemen conflict signed a truce after nine years of fighting.")[0] == (
        "Agreement",
        "asserted",
    )
    assert events_of("Colombia's president signed a peace pact to end the war with the rebels.")[0] == (
        "Agreement",
        "asserted",
    )
    assert ("Diplomatic event", "asserted") in events_of(
        "The two countries signed an agreement on fishing rights on Tuesday."
    )


def test_what_a_source_denies_is_denied(pipeline: Pipeline) -> None:
    """The claim chain: the army denying its troops shelled a village does not assert the shelling."""

    def modalities(text: str) -> list[tuple[str, str]]:
        result = pipeline.analyze(Source(uri="t", kind="text"), Article(body=text, published=DCT))
        return [(e.sub_type, e.modality) for e in result.events]

    shelling = "Shelling/artillery/missile attack"
    assert modalities("The army denied that its troops had shelled the village of Kidal.") == [(shelling, "denied")]
    assert modalities("The army said that its troops had shelled the village of Kidal.") == [(shelling, "asserted")]


def test_an_armed_attack_is_no_verbal_attack(pipeline: Pipeline) -> None:
    """ "Attacked" is speech only when it judges ("attacked the plan as reckless"); rebels attacking a base
    report violence, and attackers of civilians make an Attack, not a clash."""

    def analysed(text: str) -> tuple[list[str], list[tuple[str, str]]]:
        result = pipeline.analyze(Source(uri="t", kind="text"), Article(body=text, published=DCT))
        return [a.cue.text for a in result.attributions], [(e.sub_type, e.modality) for e in result.events]

    assert analysed("Rebels attacked the army base near Kidal overnight.") == ([], [("Armed clash", "asserted")])
    assert analysed("Gunmen attacked farm workers near Kidal on Tuesday.") == ([], [("Attack", "asserted")])
    assert analysed("Rebels attacked army positions near Kidal on Tuesday.") == ([], [("Armed clash", "asserted")])
    assert analysed("The senator attacked the government's position on taxes.")[0] == ["attacked"]
    cues, events = analysed("The senator attacked the plan as reckless.")
    assert cues == ["attacked"] and events == []


def test_a_possible_war_is_not_a_war_and_a_minefield_is_a_mine() -> None:
    # the mobilisation happened (a movement of forces), the war did not
    assert events_of("Norland mobilised army reservists for a possible war against Vessa on Tuesday.") == [
        ("Other", "asserted")
    ]
    assert events_of("A minefield explosion near Samarra killed two shepherds on Sunday.")[0] == (
        "Remote explosive/landmine/IED",
        "asserted",
    )


def test_a_claimed_capture_has_its_doer_and_a_second_verb_is_the_same_event(pipeline: Pipeline) -> None:
    def events(text: str) -> list[tuple[str, str, list[str]]]:
        result = pipeline.analyze(Source(uri="t", kind="text"), Article(body=text, published=DCT))
        return [(e.sub_type, e.modality, [a.text for a in e.actors]) for e in result.events]

    # the infinitive's doer is the one who claims it; the YPG is in the actor table
    assert ("Non-state actor overtakes territory", "asserted", ["The YPG"]) in events(
        "The YPG claimed to have captured the village of Tell Rifaat on Sunday."
    )
    # "shot dead ... and injured ...": one event with its toll, not a second attack
    assert [e[0] for e in events("In August, soldiers shot dead 40 protesters and injured hundreds more in Kano.")] == [
        "Excessive force against protesters"
    ]


def test_a_background_war_takes_its_own_date_and_is_no_mob(pipeline: Pipeline) -> None:
    text = "The war that began in 1991 killed thousands of civilians in the region."
    result = pipeline.analyze(Source(uri="t", kind="text"), Article(body=text, published=DCT))
    assert [(e.sub_type, e.when.earliest if e.when else None) for e in result.events] == [("Armed clash", "1991-01-01")]
