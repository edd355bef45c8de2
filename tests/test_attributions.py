"""The attributions stage: source, cue (+ stance) and content of reported speech."""

from __future__ import annotations

import pytest
from tests.conftest import EXAMPLE_BODY

from sitrep.analyze import nlp as nlp_loader
from sitrep.analyze.attributions import make_attributions
from sitrep.analyze.registry import Context, StageConfig
from sitrep.attribution.lexicon import load_lexicon, parse_lexicon, seat_of_government
from sitrep.attribution.quotes import find_quotes
from sitrep.model import AnalyzedArticle, Article, Attribution, Place, Source
from sitrep.report import format_attribution


@pytest.fixture(scope="module")
def run():  # type: ignore[no-untyped-def]
    """Analyse a body with the attributions stage; ``places`` pre-fills the places layer."""
    nlp = nlp_loader.load(nlp_loader.model_name())
    stage_fn = make_attributions(StageConfig())

    def analyse(body: str, places: list[Place] | None = None) -> list[Attribution]:
        article = Article(body=body)
        result = AnalyzedArticle(source=Source(uri="test", kind="text"), article=article)
        result.places = places or []
        items = list(stage_fn(Context(article=article, doc=nlp(body), result=result)))
        for a in items:  # every span slices the body to its own text
            assert body[a.cue.start : a.cue.end] == a.cue.text
            assert body[a.content.start : a.content.end] == a.content.text
            if a.source is not None:
                assert body[a.source.start : a.source.end] == a.source.text
        return items

    return analyse


def by_cue(items: list[Attribution], cue: str) -> Attribution:
    matches = [a for a in items if a.cue.text == cue]
    assert matches, f"no attribution with cue {cue!r}: {[format_attribution(a) for a in items]}"
    return matches[0]


# -- the canonical example ---------------------------------------------------------------


def test_example_conceding_indirect(run) -> None:  # type: ignore[no-untyped-def]
    a = by_cue(run(EXAMPLE_BODY), "confessed")
    assert a.source is not None and a.source.text == "Ukraine"
    assert a.cue.lemma == "confess" and a.cue.stance == "conceding"
    assert a.kind == "indirect"
    assert a.content.text.startswith("that the Russian forces have achieved some success in the frontline city")


def test_example_moscow_says(run) -> None:  # type: ignore[no-untyped-def]
    a = by_cue(run(EXAMPLE_BODY), "says")
    assert a.source is not None and a.source.text == "Moscow"
    assert a.cue.stance == "neutral"
    assert a.content.text.startswith("Bakhmut would be a stepping stone")


def test_example_moscow_actor_from_places_layer(run) -> None:  # type: ignore[no-untyped-def]
    start = EXAMPLE_BODY.index("Moscow says")
    moscow = Place(start=start, end=start + 6, text="Moscow", name="Moscow", role="actor", actor="Government of Russia")
    a = by_cue(run(EXAMPLE_BODY, places=[moscow]), "says")
    assert a.source is not None and a.source.actor == "Government of Russia"


def test_example_officials_and_shared_source(run) -> None:  # type: ignore[no-untyped-def]
    items = run(EXAMPLE_BODY)
    said = next(
        a for a in items if a.source and a.source.text == "Ukrainian military officials" and a.cue.text == "said"
    )
    assert said.content.text == "that Russian forces had had some progress in the flashpoint city"
    stressing = by_cue(items, "stressing")
    assert stressing.source is not None and stressing.source.text == "Ukrainian military officials"
    assert stressing.content.text == "that their fighters were still holding on in the battle"


def test_example_general_staff_direct_quote(run) -> None:  # type: ignore[no-untyped-def]
    items = run(EXAMPLE_BODY)
    a = next(a for a in items if a.source and a.source.text == "the General Staff of the Ukrainian armed forces")
    assert a.kind == "direct" and a.cue.text == "said"
    # PolNeAR convention: the quote marks (and the comma inside them) belong to the content
    assert a.content.text.startswith("“Enemy forces had a degree of success")
    assert a.content.text.endswith("repelling numerous enemy attacks,”")


def test_example_zelensky_said_and_warning(run) -> None:  # type: ignore[no-untyped-def]
    items = run(EXAMPLE_BODY)
    said = next(a for a in items if a.cue.text == "said" and a.source and "Zelensky" in a.source.text)
    assert said.source is not None and said.source.resolved == "Volodymyr Zelensky"
    assert said.content.text == "any Russian victory in Bakhmut could be perilous"
    warning = by_cue(items, "warning")
    assert warning.cue.stance == "directive"
    assert warning.source is not None and "Zelensky" in warning.source.text
    assert warning.content.text.startswith("that unless Ukraine wins the battle, Russia could start")


def test_example_zelensky_stated_direct(run) -> None:  # type: ignore[no-untyped-def]
    a = by_cue(run(EXAMPLE_BODY), "stated")
    assert a.kind == "direct"
    assert a.source is not None and a.source.text == "Zelensky"
    assert a.source.resolved == "Volodymyr Zelensky"
    assert a.content.text.startswith("“If Bakhmut fell to Russian forces")
    assert a.content.text.endswith("to China,”")


def test_example_has_no_spurious_cues(run) -> None:  # type: ignore[no-untyped-def]
    # "its stated goal", "the said regions" are adjectives, not reporting verbs
    cues = [a.cue.text for a in run(EXAMPLE_BODY)]
    assert sorted(cues) == sorted(["confessed", "says", "said", "stressing", "said", "said", "warning", "stated"])


# -- constructions -----------------------------------------------------------------------


def test_according_to(run) -> None:  # type: ignore[no-untyped-def]
    a = by_cue(run("The village was shelled overnight, according to the regional governor."), "according to")
    assert a.source is not None and a.source.text == "the regional governor"
    assert a.content.text == "The village was shelled overnight"


def test_passive_reported_by(run) -> None:  # type: ignore[no-untyped-def]
    a = by_cue(run("It was reported by Reuters that the bridge had been destroyed."), "was reported")
    assert a.source is not None and a.source.text == "Reuters"
    assert a.content.text == "that the bridge had been destroyed"


def test_multi_paragraph_quote(run) -> None:  # type: ignore[no-untyped-def]
    body = (
        "“We will not retreat from the city. Our positions are strong.\n\n"
        "“The enemy has suffered heavy losses and will not break through,” the commander said."
    )
    a = by_cue(run(body), "said")
    assert a.kind == "direct"
    assert a.source is not None and a.source.text == "the commander"
    assert a.content.start == 0 and a.content.text.endswith("will not break through,”")


def test_speaker_in_later_sentence(run) -> None:  # type: ignore[no-untyped-def]
    body = (
        "“The town is surrounded. We are running out of ammunition.”\n\n"
        "Oleksandr Syrskyi, the commander of the ground forces, said on Monday."
    )
    a = by_cue(run(body), "said")
    assert a.kind == "direct"
    assert a.source is not None and a.source.text.startswith("Oleksandr Syrskyi, the commander")
    assert a.content.text == "“The town is surrounded. We are running out of ammunition.”"


def test_pronoun_resolution(run) -> None:  # type: ignore[no-untyped-def]
    body = "Oleksandr Syrskyi visited the front on Monday. He said that the situation remained difficult."
    a = by_cue(run(body), "said")
    assert a.source is not None and a.source.text == "He"
    assert a.source.resolved == "Oleksandr Syrskyi"


def test_mixed_partial_quote(run) -> None:  # type: ignore[no-untyped-def]
    a = by_cue(run("The ministry said the attack was “a deliberate act of terror” against civilians."), "said")
    assert a.kind == "mixed"
    assert a.content.text == "the attack was “a deliberate act of terror” against civilians"


def test_statement_noun(run) -> None:  # type: ignore[no-untyped-def]
    a = by_cue(run("The governor's statement that the dam had been destroyed was disputed."), "statement")
    assert a.source is not None and a.source.text == "The governor"
    assert a.content.text == "that the dam had been destroyed"


def test_in_a_report_x_said(run) -> None:  # type: ignore[no-untyped-def]
    body = "In a report, the Centre for Coastal Security Studies said rebel forces had advanced near Valmora."
    a = by_cue(run(body), "said")
    assert a.source is not None and a.source.text == "the Centre for Coastal Security Studies"
    assert a.content.text == "rebel forces had advanced near Valmora"


def test_kremlin_is_a_seat_of_government(run) -> None:  # type: ignore[no-untyped-def]
    a = by_cue(run("The Kremlin said that talks were not on the agenda."), "said")
    assert a.source is not None and a.source.actor == "Government of Russia"


def test_countering_and_inverted_speaker(run) -> None:  # type: ignore[no-untyped-def]
    denied = by_cue(run("Kyiv denied that its forces had shelled the market."), "denied")
    assert denied.cue.stance == "countering" and denied.content.text == "that its forces had shelled the market"
    a = by_cue(run("“We are ready,” said Zelensky."), "said")
    assert a.source is not None and a.source.text == "Zelensky" and a.content.text == "“We are ready,”"


def test_verbs_inside_quotes_are_not_cues(run) -> None:  # type: ignore[no-untyped-def]
    items = run("“I think we will win,” the general said.")
    assert [a.cue.text for a in items] == ["said"]


# -- pieces ------------------------------------------------------------------------------


def test_quotes_curly_straight_and_paragraphs() -> None:
    text = 'He said: “First.\n\n“Second,” he added, “and more.” Then "straight" here.'
    assert [text[q.start : q.end] for q in find_quotes(text)] == [
        "“First.\n\n“Second,”",
        "“and more.”",
        '"straight"',
    ]


def test_lexicon_stances_and_seats() -> None:
    lexicon = load_lexicon()
    expected = {
        "say": "neutral",
        "admit": "conceding",
        "claim": "distancing",
        "deny": "countering",
        "confirm": "confirming",
        "believe": "belief",
        "warn": "directive",
        "confess": "conceding",
    }
    for lemma, stance in expected.items():
        entry = lexicon.verb(lemma)
        assert entry is not None and entry.stance == stance, lemma
    assert lexicon.phrasal_verb("call", "for") is not None
    assert seat_of_government("the White House") == "Government of United States"
    assert seat_of_government("Downing Street") == "Government of United Kingdom"
    assert seat_of_government("the Pentagon") == "Military Forces of United States"
    with pytest.raises(ValueError, match="unknown stance"):
        parse_lexicon("lemma\tstance\tpos\tframes\torigin\tnotes\nsay\tangry\tVERB\tclause\tx\t\n")


def test_format_attribution_truncates(run) -> None:  # type: ignore[no-untyped-def]
    a = by_cue(run(EXAMPLE_BODY), "stated")
    line = format_attribution(a, width=40)
    assert line.startswith("Zelensky [Volodymyr Zelensky] — stated (neutral): “If Bakhmut")
    assert line.endswith("…") and len(line) < 110


def test_passive_with_agent_object(run) -> None:  # type: ignore[no-untyped-def]
    # the agent's "by" introduces the source and is not part of the cue (PolNeAR marks "was confirmed")
    a = by_cue(run("The strike on the depot was confirmed by the Ukrainian air force."), "was confirmed")
    assert a.source is not None and a.source.text == "the Ukrainian air force"
    assert a.cue.stance == "confirming"
    assert a.content.text == "The strike on the depot"


def test_split_quote_has_both_parts(run) -> None:  # type: ignore[no-untyped-def]
    body = "“The offensive has stalled,” a senior official said. “We need more shells.”"
    a = by_cue(run(body), "said")
    assert a.kind == "direct" and a.content.start == 0 and a.content.end == len(body)


def test_no_speech_no_attributions(run) -> None:  # type: ignore[no-untyped-def]
    assert run("") == []
    assert run("Shelling continued overnight near the river. “Unbalanced quote and more text.") == []


def test_speech_verb_with_topic(run) -> None:  # type: ignore[no-untyped-def]
    a = by_cue(run("The governor warned of a humanitarian catastrophe in the city."), "warned of")
    assert a.cue.stance == "directive"
    assert a.source is not None and a.source.text == "The governor"
    assert a.content.text == "a humanitarian catastrophe in the city"


def test_date_of_saying_is_not_content(run) -> None:  # type: ignore[no-untyped-def]
    body = "Russia's defence ministry said on Sunday its forces had repelled a Ukrainian attack near Avdiivka."
    a = by_cue(run(body), "said")
    assert a.source is not None and a.source.text == "Russia's defence ministry"
    assert a.content.text == "its forces had repelled a Ukrainian attack near Avdiivka"


def test_split_quote_keeps_its_parts(run) -> None:  # type: ignore[no-untyped-def]
    body = "“The bridge is gone,” the governor said, “and the town is cut off.”"
    a = by_cue(run(body), "said")
    assert a.source is not None and a.source.text == "the governor"
    assert [p.text for p in a.content_parts] == ["“The bridge is gone,”", "“and the town is cut off.”"]
    for part in a.content_parts:
        assert body[part.start : part.end] == part.text


# -- constructions added from the PolNeAR error analysis (own sentences) -------------------


def test_headline_speaker_may_be_a_common_noun_phrase(run) -> None:  # type: ignore[no-untyped-def]
    items = run("Harbour council: New ferry timetable starts in spring.\n\nThe council met on Friday.")
    a = by_cue(items, ":")
    assert a.source is not None and a.source.text == "Harbour council"
    assert a.content.text == "New ferry timetable starts in spring"


def test_headline_speaker_single_capitalised_noun(run) -> None:  # type: ignore[no-untyped-def]
    items = run("Gazette: Port director spent city funds on a yacht.\n\nThe paper printed the receipts.")
    a = by_cue(items, ":")
    assert a.source is not None and a.source.text == "Gazette"


def test_colon_after_a_clause_is_not_a_speaker(run) -> None:  # type: ignore[no-untyped-def]
    items = run("The reason is simple: the bridge is closed.\n\nTraffic moved slowly.")
    assert all(a.cue.text != ":" for a in items)


def test_dateline_is_not_part_of_the_source(run) -> None:  # type: ignore[no-untyped-def]
    a = by_cue(run("LYON, France (AP) — Mayor Anna Berg said that the bridge would reopen in May."), "said")
    assert a.source is not None and a.source.text == "Mayor Anna Berg"


def test_source_keeps_party_and_state_in_brackets(run) -> None:  # type: ignore[no-untyped-def]
    a = by_cue(run("Sen. Tom Fields (D-Ore.) said that the budget was too small."), "said")
    assert a.source is not None and a.source.text == "Sen. Tom Fields (D-Ore.)"


def test_cue_leaves_out_a_prepositional_time_phrase(run) -> None:  # type: ignore[no-untyped-def]
    a = by_cue(run("The mayor said on Monday that the bridge would reopen in May."), "said")
    assert a.content.text == "that the bridge would reopen in May"


def test_content_keeps_a_leading_time_phrase(run) -> None:  # type: ignore[no-untyped-def]
    a = by_cue(run("In 2020, the town recorded nine burglaries, the police chief said."), "said")
    assert a.content.text == "In 2020, the town recorded nine burglaries"


def test_quote_continues_in_the_next_paragraph(run) -> None:  # type: ignore[no-untyped-def]
    body = "“We will rebuild the pier,” the mayor said on Tuesday.\n\n“It will take two years.”\n\nThe council voted."
    a = by_cue(run(body), "said")
    assert [p.text for p in a.content_parts] == ["“We will rebuild the pier,”", "“It will take two years.”"]


def test_quote_in_next_paragraph_with_its_own_speaker_stays_apart(run) -> None:  # type: ignore[no-untyped-def]
    body = "“We will rebuild the pier,” the mayor said.\n\n“It is too expensive,” a trader said."
    items = run(body)
    assert [a.content.text for a in items if a.source and a.source.text == "the mayor"] == [
        "“We will rebuild the pier,”"
    ]


def test_support_thanks_talk_and_hope_are_cues(run) -> None:  # type: ignore[no-untyped-def]
    body = (
        "The union backed the new contract. The governor thanked the volunteers. "
        "She talked about the flood. The farmers are hoping to sell more grain."
    )
    items = run(body)
    assert by_cue(items, "backed").content.text == "the new contract"
    assert by_cue(items, "thanked").content.text == "the volunteers"
    assert by_cue(items, "talked about").content.text == "the flood"
    hoping = by_cue(items, "are hoping")
    assert hoping.cue.lemma == "hope" and hoping.content.text == "to sell more grain"


def test_generic_you_is_not_a_source(run) -> None:  # type: ignore[no-untyped-def]
    assert run("You want to believe that prices will fall.") == []


def test_participle_aside_is_not_part_of_the_source(run) -> None:  # type: ignore[no-untyped-def]
    a = by_cue(run("Marta Reyes, speaking at a rally in Porto, said that wages must rise."), "said")
    assert a.source is not None and a.source.text == "Marta Reyes"


def test_when_is_not_part_of_the_cue(run) -> None:  # type: ignore[no-untyped-def]
    items = run("When asked about the strike, the minister said that talks would resume.")
    assert all(not a.cue.text.lower().startswith("when") for a in items)


def test_paragraph_break_is_not_part_of_the_cue(run) -> None:  # type: ignore[no-untyped-def]
    a = by_cue(run("The mayor declared:\n\n“The tram will run in May.”"), "declared:")
    assert a.content.text == "“The tram will run in May.”"


def test_poll_shows_object(run) -> None:  # type: ignore[no-untyped-def]
    a = by_cue(run("A county survey shows Reyes with a narrow lead."), "shows")
    assert a.source is not None and a.source.text == "A county survey"
    assert a.content.text == "Reyes with a narrow lead"


def test_said_with_a_pronoun_object(run) -> None:  # type: ignore[no-untyped-def]
    a = by_cue(run("Only a few residents said it."), "said")
    assert a.content.text == "it"


def test_fronted_poll_is_the_source(run) -> None:  # type: ignore[no-untyped-def]
    a = by_cue(run("In a county survey released Friday, 61 percent of residents chose the tram line."), "In")
    assert a.source is not None and a.source.text == "a county survey released Friday"
    assert a.content.text == "61 percent of residents chose the tram line"


def test_fronted_statement_is_only_the_medium(run) -> None:  # type: ignore[no-untyped-def]
    items = run("In a statement, the ministry said that the tram would run in May.")
    assert [a.cue.text for a in items] == ["said"]


def test_as_x_reported_takes_the_main_clause(run) -> None:  # type: ignore[no-untyped-def]
    a = by_cue(run("As the county paper reported last week, the mayor spent the funds on a yacht."), "reported")
    assert a.source is not None and a.source.text == "the county paper"
    assert a.content.text == "the mayor spent the funds on a yacht"


def test_cue_inside_reported_content_is_not_an_attribution(run) -> None:  # type: ignore[no-untyped-def]
    items = run("The mayor told reporters she thought the tram was late.")
    assert [a.cue.text for a in items] == ["told"]
    assert items[0].content.text == "she thought the tram was late"


def test_stance_adjectives(run) -> None:  # type: ignore[no-untyped-def]
    items = run(
        "The union has been critical of the new pay scale. The minister is confident that the bridge will open."
    )
    critical = by_cue(items, "has been critical of")
    assert critical.cue.stance == "countering" and critical.content.text == "the new pay scale"
    assert critical.source is not None and critical.source.text == "The union"
    confident = by_cue(items, "is confident")
    assert confident.cue.stance == "belief" and confident.content.text == "that the bridge will open"


def test_adjective_with_another_preposition_is_no_cue(run) -> None:  # type: ignore[no-untyped-def]
    assert run("The bridge is critical for the town.") == []


def test_expressed_concern_that(run) -> None:  # type: ignore[no-untyped-def]
    items = run("The council expressed concern that the bridge was unsafe.")
    a = by_cue(items, "expressed concern")
    assert a.content.text == "that the bridge was unsafe"
    assert len(items) == 1


def test_thats_according_to(run) -> None:  # type: ignore[no-untyped-def]
    items = run("Turnout fell by a third. That’s according to the county election office.")
    a = by_cue(items, "’s according to")
    assert a.content.text == "That"
    assert a.source is not None and a.source.text == "the county election office"


# -- PolNeAR conventions: relative clauses, headlines, transcripts, paragraphs ------------------


def test_relative_pronoun_opens_the_content(run) -> None:  # type: ignore[no-untyped-def]
    items = run("She recalled her summers in Kelvane, which she describes as her true home.")
    a = by_cue(items, "describes")
    assert a.source is not None and a.source.text == "she"
    assert [p.text for p in a.content_parts] == ["which", "as her true home"]


def test_quote_closing_a_paragraph_is_not_content_of_the_next(run) -> None:  # type: ignore[no-untyped-def]
    items = run("“We will carry this district.”\n\nThe ferry company did not respond to our questions.")
    assert all(a.cue.text != "did not respond" for a in items)


def test_headline_names_the_addressee(run) -> None:  # type: ignore[no-untyped-def]
    a = by_cue(run("Varga to Harbour Union: Brek will close the north pier.\n\nMore text follows here."), ":")
    assert a.source is not None and a.source.text == "Varga"
    assert a.content.text == "Brek will close the north pier"


def test_transcript_turns_after_two_spaces(run) -> None:  # type: ignore[no-untyped-def]
    items = run(
        "Velt was asked about it.  OSTRAND: Well, I think all of us in town need to pull together.  MERIK: Thanks."
    )
    ostrand = next(a for a in items if a.source is not None and a.source.text == "OSTRAND")
    assert ostrand.cue.text == ":" and ostrand.content.text == "Well, I think all of us in town need to pull together"
    assert all(a.cue.text != "think" for a in items)  # inside Ostrand's words


def test_name_and_colon_introduce_a_quotation(run) -> None:  # type: ignore[no-untyped-def]
    body = "FERRY RIDERS SPEAK - Ilse Varga and Tomas Brek: “We found that punctual boats keep their riders.”"
    a = by_cue(run(body), ":")
    assert a.kind == "direct" and a.source is not None and a.source.text == "Ilse Varga and Tomas Brek"
    assert a.content.text == "“We found that punctual boats keep their riders.”"


def test_phrase_quoted_in_the_sentence_is_not_more_speech(run) -> None:  # type: ignore[no-untyped-def]
    a = by_cue(run("“I won’t answer that,” he said on Channel 9’s “Harbour Hour.”"), "said")
    assert a.content.text == "“I won’t answer that,”" and a.content_parts == []


def test_partial_quote_continues_into_next_quotation(run) -> None:  # type: ignore[no-untyped-def]
    body = "Yet Velt is also a “safe pair of hands,” Orla said. “That’s just what the harbour needs right now.”"
    a = by_cue(run(body), "said")
    assert [p.text for p in a.content_parts] == [
        "Yet Velt is also a “safe pair of hands,”",
        "“That’s just what the harbour needs right now.”",
    ]


def test_content_stops_at_the_main_clause(run) -> None:  # type: ignore[no-untyped-def]
    body = "After the inspector said that he would not close my bakery, Inspector Moll proceeded to read his report."
    a = by_cue(run(body), "said")
    assert a.content.text == "that he would not close my bakery"


def test_quotation_nests_marks_of_another_style(run) -> None:  # type: ignore[no-untyped-def]
    body = 'Dr. Lind stated: "The council isn’t about “Fair Fares For Everyone” anymore."'
    a = by_cue(run(body), "stated:")
    assert a.kind == "direct" and a.content.text == '"The council isn’t about “Fair Fares For Everyone” anymore."'


def test_gerund_after_preposition_shares_the_subject(run) -> None:  # type: ignore[no-untyped-def]
    a = by_cue(run("Varga began her speech by saying that the harbour was busy."), "saying")
    assert a.source is not None and a.source.text == "Varga"


def test_participle_cue_between_clause_and_quotation(run) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Ostrand didn’t look especially impressed with the proposal Tuesday, telling reporters, "
        "“Plenty of residents think the mayor ought to resign.”"
    )
    a = by_cue(run(body), "telling")
    assert a.source is not None and a.source.text == "Ostrand"
    assert a.content.text == "“Plenty of residents think the mayor ought to resign.”"


def test_quotation_signed_with_a_glued_dash(run) -> None:  # type: ignore[no-untyped-def]
    a = by_cue(run("“We are going to keep the ferry running.” ―Ilse Varga, at a rally"), "―")
    assert a.source is not None and a.source.text == "Ilse Varga"
    assert a.content.text == "“We are going to keep the ferry running.”"


def test_embedded_post_signature(run) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Velt reacted online.\n"
        "Nobody gets to ignore the harbour rules. pic.twitter.com/Zq7HarbrX2 — Ilse Varga (@MayorVarga) March 3, 2021"
    )
    a = by_cue(run(body), "—")
    assert a.source is not None and a.source.text == "Ilse Varga (@MayorVarga)"
    assert a.content.text == "Nobody gets to ignore the harbour rules."


def test_passive_request_without_source(run) -> None:  # type: ignore[no-untyped-def]
    a = by_cue(run("Velt has been asked to publish the minutes of these meetings."), "has been asked")
    assert a.source is None
    assert [p.text for p in a.content_parts] == ["Velt", "to publish the minutes of these meetings"]


def test_a_space_before_a_colon_names_nobody(run) -> None:  # type: ignore[no-untyped-def]
    # French typography puts a space before the colon; the word before it is then no speaker.
    for text in (
        "Programme Marlow : “We will open the bridge in May.”",
        "Le maire Durand : « Nous ouvrirons le pont en mai. »\n\nIl l’a dit lundi.",
        'Note : "The bridge opens in May," said Ana Ruiz.',
    ):
        found = run(text)
        assert all(a.source is None or a.source.text.strip() for a in found)
