"""Title Case headlines are parsed from a sentence-cased copy; the text, its tokens and offsets stay as written
(all sentences invented)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from events_support import whole_pipeline_asserts
from sitrep.analyze.headline_case import LONGEST_REPARSED, sentence_cased
from sitrep.analyze.pipeline import Pipeline
from sitrep.model import Article, Source


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a headline: lowered after its first word, acronyms and inner capitals kept
        ("Rebels Capture Border Town In Northern Vessa", "Rebels capture border town in northern vessa"),
        ("EU Slaps New Sanctions On McDonald Holdings", "EU slaps new sanctions on McDonald holdings"),
        # the headline before a wire dateline, and the story after it untouched
        (
            "Rebels Shell Army Base Near Kelvane -TRESK — The army said on Monday that Rebels fired.",
            "Rebels shell army base near kelvane -TRESK — The army said on Monday that Rebels fired.",
        ),
        # prose with a name in capitals, a short label, and shouting are no Title Case headline
        ("The United Nations Security Council met in Dayton on Monday.", None),
        ("Latest News Today", None),
        ("REBELS SHELL ARMY BASE NEAR KELVANE", None),
    ],
)
def test_sentence_case_of_title_case_segments(text: str, expected: str | None) -> None:
    cased = sentence_cased(text)
    assert cased == (expected if expected is not None else text)
    assert len(cased) == len(text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Rebels",
                "In",
                "of",
                "EU",
                "McDonald",
                "Ärzte",
                "İstanbul",
                "ß",
                "-",
                " — ",
                ". ",
                "\n",
                " ",
                "x",
                "Shell",
                "42",
                "ǅ",
                "ﬁ",
            ]
        ),
        max_size=40,
    ).map("".join)
)
def test_only_letter_case_ever_changes(text: str) -> None:
    cased = sentence_cased(text)
    assert len(cased) == len(text)
    assert all(a == b or a.lower() == b for a, b in zip(text, cased, strict=True))


def test_a_long_texts_subheadings_are_left_alone_and_its_first_line_is_not() -> None:
    story = "The council met in Dayton on Monday and agreed on the budget for the coming year. " * 30
    subheading = "\n\nWhat The Council Decided On Monday\n\n"
    assert sentence_cased(story + subheading + story) == story + subheading + story
    headline = "Council Approves Budget After Long Debate In Dayton\n"
    assert sentence_cased(headline + story).startswith("Council approves budget after long debate in dayton\n")
    huge = headline + "x " * LONGEST_REPARSED
    assert sentence_cased(huge) == huge


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rebels Shell Army Base Near Kelvane", ["Shelling/artillery/missile attack"]),
        ("Police Fire Tear Gas As Students March In Tresk", ["Protest with intervention"]),
        ("Marlow Wins Third Term As Mayor Of Dayton", []),
    ],
)
def test_events_in_title_case_headlines(pipeline: Pipeline, text: str, expected: list[str]) -> None:
    assert whole_pipeline_asserts(pipeline, text) == expected


def test_the_reparsed_text_keeps_its_letters_tokens_and_offsets(pipeline: Pipeline) -> None:
    body = "Rebels Shell Army Base Near Kelvane\n\nThe army said the base in Kelvane was hit on Sunday."
    result = pipeline.analyze(Source(uri="t", kind="text"), Article(body=body))
    assert result.events and result.events[0].trigger.text == "Shell"
    for event in result.events:
        assert body[event.trigger.start : event.trigger.end] == event.trigger.text
    assert result.mentions
    for mention in result.mentions:
        assert body[mention.start : mention.end] == mention.text
