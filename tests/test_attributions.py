"""The attributions stage: source, cue (+ stance) and content of reported speech."""

from __future__ import annotations

import pytest
from tests.conftest import EXAMPLE_BODY

from sitrep.analyze import nlp as nlp_loader
from sitrep.analyze.attributions import format_attribution, make_attributions
from sitrep.analyze.registry import Context, StageConfig
from sitrep.attribution.lexicon import load_lexicon, parse_lexicon, seat_of_government
from sitrep.attribution.quotes import find_quotes
from sitrep.model import AnalyzedArticle, Article, Attribution, Place, Source


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
    body = "In a report, the Institute for the Study of War said Russian forces had advanced near Avdiivka."
    a = by_cue(run(body), "said")
    assert a.source is not None and a.source.text == "the Institute for the Study of War"
    assert a.content.text == "Russian forces had advanced near Avdiivka"


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
    a = by_cue(run("The strike on the depot was confirmed by the Ukrainian air force."), "was confirmed by")
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
