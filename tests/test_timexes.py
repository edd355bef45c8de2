"""The ``timexes`` stage and the time grammar: recognition, TIMEX3 values, intervals."""

from __future__ import annotations

from functools import lru_cache

import pytest

from sitrep.analyze.pipeline import Pipeline
from sitrep.model import AnalyzedArticle, Article, Interval, Source, Timex
from sitrep.temporal import Dct, annotate
from sitrep.temporal.governing import governing_timex
from sitrep.temporal.reading import FUTURE, PAST, UNKNOWN

# The body of examples/000_f33f436a49f2953e.txt (its 8 paragraphs).
PARAGRAPHS = [
    "Ukraine confessed that the Russian forces have achieved some success in the frontline city of Bakhmut, as "
    "months-long intense fighting drags on between the two sides over the mining city in the eastern industrial "
    "region of Donetsk.",
    "For the past several months, Bakhmut and its surrounding towns have been the focal point of attacks by Russia, "
    "which launched a special military operation in Ukraine on February 24 last year.",
    "For the Kremlin, capturing Bakhmut is essential for achieving its stated goal of taking control of the whole of "
    "Donetsk, one of the four Ukrainian regions - along with Luhansk, Kherson, and Zaporizhzhia - that Moscow added "
    "to the Russian Federation following referendums in the said regions in September last year.",
    "Moscow says Bakhmut would be a stepping stone and a rare battlefield gain in completing the capture of the "
    "Donbas industrial region [composed of Donetsk and Luhansk], one of Moscow’s most important objectives.",
    "On Wednesday evening, Ukrainian military officials said that Russian forces had had some progress in the "
    "flashpoint city, stressing, however, that their fighters were still holding on in the battle.",
    "“Enemy forces had a degree of success in their actions aimed at storming the city of Bakhmut. Our defenders "
    "are holding the city and are repelling numerous enemy attacks,” the General Staff of the Ukrainian armed forces "
    "said in a regular nighttime report.",
    "On Tuesday, Ukrainian President Volodymyr Zelensky said any Russian victory in Bakhmut could be perilous, "
    "warning that unless Ukraine wins the battle, Russia could start drawing international support for a deal that "
    "could require Kiev to make unacceptable compromises.",
    "“If Bakhmut fell to Russian forces, their president, Vladimir Putin, would sell this victory to the West, to "
    "his society, to China,” Zelensky stated.",
]
BODY = "\n\n".join(PARAGRAPHS)
DAY = Interval(earliest="2023-03-30", latest="2023-03-30", granularity="day")
UNCERTAIN = Interval(earliest="2023-03-27", latest="2023-04-30", granularity="week")


@lru_cache(maxsize=1)
def pipeline() -> Pipeline:
    return Pipeline(stages=["sentences", "mentions", "timexes"])


def analyze(body: str, published: Interval | None) -> AnalyzedArticle:
    return pipeline().analyze(Source(uri="test", kind="text"), Article(body=body, published=published))


def by_text(result: AnalyzedArticle) -> dict[str, Timex]:
    return {t.text: t for t in result.timexes}


# ----------------------------------------------------------------- the canonical example


def test_example_article_values_and_intervals() -> None:
    result = analyze(BODY, DAY)
    found = by_text(result)
    for timex in result.timexes:
        assert BODY[timex.start : timex.end] == timex.text
    assert found["February 24 last year"].value == "2022-02-24"
    assert found["February 24 last year"].interval == Interval(
        earliest="2022-02-24", latest="2022-02-24", granularity="day", text="February 24 last year"
    )
    september = found["September last year"]
    assert september.value == "2022-09"
    assert september.interval is not None
    assert (september.interval.earliest, september.interval.latest) == ("2022-09-01", "2022-09-30")
    evening = found["Wednesday evening"]  # "On" is not part of the extent
    assert (evening.type, evening.value) == ("TIME", "2023-03-29TEV")
    assert evening.interval is not None
    assert evening.interval.earliest == "2023-03-29T17:00:00"
    assert evening.interval.latest == "2023-03-29T23:59:59"
    assert evening.interval.granularity == "part-of-day"
    tuesday = found["Tuesday"]
    assert (tuesday.type, tuesday.value) == ("DATE", "2023-03-28")
    assert tuesday.interval is not None and tuesday.interval.earliest == tuesday.interval.latest == "2023-03-28"
    months = found["the past several months"]
    assert (months.type, months.value) == ("DURATION", "PXM")
    assert months.interval is not None and months.interval.earliest is None  # start unknown, ends at the DCT
    assert months.interval.latest == "2023-03-30"
    assert not any("months-long" in t.text for t in result.timexes)


def test_example_without_dct_keeps_relative_values() -> None:
    found = by_text(analyze(BODY, None))
    assert found["September last year"].value == "XXXX-09"
    assert found["February 24 last year"].value == "XXXX-02-24"
    assert found["Tuesday"].value == "XXXX-WXX-2"
    assert found["Wednesday evening"].value == "XXXX-WXX-3TEV"
    assert all(t.interval is None for t in found.values())


def test_uncertain_dct_widens_intervals() -> None:
    found = by_text(analyze(BODY, UNCERTAIN))
    tuesday = found["Tuesday"]
    assert tuesday.value == "XXXX-WXX-2"  # no single Tuesday: the value stays underspecified
    assert tuesday.interval is not None
    # the Tuesday before 2023-03-27 (a Monday) .. the Tuesday before 2023-04-30
    assert (tuesday.interval.earliest, tuesday.interval.latest) == ("2023-03-21", "2023-04-25")
    assert found["February 24 last year"].value == "2022-02-24"  # the same whichever day


def test_future_tense_weekday_is_the_next_one() -> None:
    found = by_text(analyze("The delegations will meet again on Tuesday in Istanbul.", DAY))
    assert found["Tuesday"].value == "2023-04-04"


def test_governing_timex_dates_a_clause() -> None:
    result = analyze(BODY, DAY)
    doc = pipeline().nlp(BODY)
    launched = next(t for t in doc if t.text == "launched")
    timex = governing_timex(result, doc, launched)
    assert timex is not None and timex.value == "2022-02-24"
    said = next(t for t in doc if t.text == "said" and t.idx > BODY.index("On Tuesday"))
    timex = governing_timex(result.timexes, doc, said)
    assert timex is not None and timex.value == "2023-03-28"
    stated = [t for t in doc if t.text == "stated"][-1]  # "... Zelensky stated."
    assert governing_timex(result, doc, stated) is None


# ----------------------------------------------------------------- the grammar, without a parse

DCT = Dct.from_value("2023-03-30")  # a Thursday


def one(text: str, direction: int = PAST, dct: Dct | None = DCT) -> Timex:
    timexes = annotate(text, dct, lambda start, end: direction)
    assert len(timexes) == 1, timexes
    return timexes[0]


@pytest.mark.parametrize(
    ("text", "extent", "kind", "value"),
    [
        ("It happened two months ago.", "two months ago", "DATE", "2023-01"),
        ("They met last year.", "last year", "DATE", "2022"),
        ("Prices fell in the 1990s.", "the 1990s", "DATE", "199"),
        ("It grew in the third quarter of 1998.", "the third quarter of 1998", "DATE", "1998-Q3"),
        ("It rained in summer 1998.", "summer 1998", "DATE", "1998-SU"),
        ("The war is over now.", "now", "DATE", "PRESENT_REF"),
        ("He recently left.", "recently", "DATE", "PAST_REF"),
        ("Talks may resume in the future.", "the future", "DATE", "FUTURE_REF"),
        ("The siege lasted three years.", "three years", "DURATION", "P3Y"),
        ("A five-year plan.", "five-year", "DURATION", "P5Y"),
        ("Shelling went on for 2 1/2 hours.", "2 1/2 hours", "DURATION", "PT2H30M"),
        ("Aid will arrive in the coming days.", "the coming days", "DURATION", "PXD"),
        ("Guards patrol every night.", "every night", "SET", "XXXX-XX-XXTNI"),
        ("The paper appears daily.", "daily", "SET", "P1D"),
        ("It was attacked overnight.", "overnight", "TIME", "2023-03-29TNI"),
        ("It was signed on 24 February 2022.", "24 February 2022", "DATE", "2022-02-24"),
        ("It was signed on Feb. 24, 2022.", "Feb. 24, 2022", "DATE", "2022-02-24"),
        ("The strike came at 9:30 p.m. Tuesday.", "9:30 p.m. Tuesday", "TIME", "2023-03-28T21:30"),
        ("Fighting broke out last Friday.", "last Friday", "DATE", "2023-03-24"),
        ("The vote was in nineteen ninety-one.", "nineteen ninety-one", "DATE", "1991"),
        ("Results for fiscal 2022 were weak.", "fiscal 2022", "DATE", "FY2022"),
        ("The offensive started last spring.", "last spring", "DATE", "2022-SP"),
        ("Shelling resumed this week.", "this week", "DATE", "2023-W13"),
        ("Protests grew over the weekend.", "the weekend", "DATE", "2023-W12-WE"),
        ("The offer expires at 5 p.m. EST Nov. 9.", "5 p.m. EST Nov. 9", "TIME", "2022-11-09T17:00"),
        ("Shops close at year-end.", "year-end", "DATE", "2023"),
        ("They met in the first half of 2022.", "the first half of 2022", "DATE", "2022-H1"),
        ("It was built in the 20th century.", "the 20th century", "DATE", "19"),
    ],
)
def test_grammar_values(text: str, extent: str, kind: str, value: str) -> None:
    timex = one(text)
    assert (timex.text, timex.type, timex.value) == (extent, kind, value)


def test_mods() -> None:
    early = one("It began in early 1991.")
    assert (early.text, early.value, early.mod) == ("early 1991", "1991", "START")
    assert early.interval is not None and early.interval.latest < "1991-06-01"
    mid = one("It began in mid-2022.")
    assert (mid.text, mid.value, mid.mod) == ("mid-2022", "2022", "MID")
    about = one("It lasted about two years.")
    assert (about.text, about.value, about.mod) == ("about two years", "P2Y", "APPROX")


def test_earlier_this_week_ends_at_the_dct() -> None:
    timex = one("The town was shelled earlier this week.")
    assert (timex.text, timex.value, timex.mod) == ("earlier this week", "2023-W13", "START")
    assert timex.interval is not None
    assert (timex.interval.earliest, timex.interval.latest) == ("2023-03-27", "2023-03-30")


def test_month_without_year_follows_the_tense() -> None:
    dct = Dct.from_value("2023-03-30")
    assert one("It fell in September.", PAST, dct).value == "2022-09"
    assert one("It will vote in September.", FUTURE, dct).value == "2023-09"
    assert one("The deadline is January 2.", UNKNOWN, Dct.from_value("1989-11-02")).value == "1990-01-02"


def test_ranges_give_both_ends() -> None:
    timexes = annotate("Strikes hit the city between March 1 and 5.", DCT, lambda s, e: PAST)
    assert [(t.text, t.value) for t in timexes] == [("March 1", "2023-03-01"), ("5", "2023-03-05")]
    timexes = annotate("The airstrikes continued through 1-2 March.", DCT, lambda s, e: PAST)
    assert [(t.text, t.value) for t in timexes] == [("1", "2023-03-01"), ("2 March", "2023-03-02")]


def test_reference_time_expressions_count_from_the_last_dated_day() -> None:
    text = "On 24 February 2022 Russia invaded; the next day troops reached Kyiv, and that night sirens sounded."
    for dct in (DCT, None):  # the reference is in the text: no DCT needed
        timexes = annotate(text, dct, lambda s, e: PAST)
        assert [(t.text, t.value) for t in timexes] == [
            ("24 February 2022", "2022-02-24"),
            ("the next day", "2022-02-25"),
            ("that night", "2022-02-25TNI"),
        ]
    later = annotate("He fled in June 1998 and returned later that year.", DCT)
    assert [(t.text, t.value) for t in later] == [("June 1998", "1998-06"), ("later that year", "1998")]
    alone = one("The day after, talks resumed.")
    assert (alone.value, alone.interval) == ("XXXX-XX-XX", None)  # no reference: unknown, not the DCT


def test_not_time_expressions() -> None:
    for text in [
        "The months-long fighting drags on.",
        "A 52-year-old man was hurt.",
        "About 2000 troops were sent.",
        "He may march on the capital.",
        "Officials said a second attack was likely.",
    ]:
        assert annotate(text, DCT) == [], text


def test_a_year_earlier_follows_the_reporting_period() -> None:
    timexes = annotate("Profit rose in the third quarter of 2022 from a year earlier.", DCT, lambda s, e: PAST)
    assert [(t.text, t.value) for t in timexes] == [
        ("the third quarter of 2022", "2022-Q3"),
        ("a year earlier", "2021-Q3"),
    ]
    alone = one("The town fell a year ago.")
    assert (alone.value, alone.interval is not None and alone.interval.granularity) == ("2022", "year")


def test_rates_and_conjunctions_are_not_timexes() -> None:
    assert annotate("The economy added 358,000 jobs a month.", DCT) == []
    assert annotate("Leave as soon as possible.", DCT) == []


def test_no_dct_intervals_only_for_absolute_values() -> None:
    timexes = annotate("It began on 24 February 2022 and ended last year.", None)
    assert [(t.value, t.interval is not None) for t in timexes] == [("2022-02-24", True), ("XXXX", False)]


# ----------------------------------------------------------------- tense, reference days, datelines, names

THURSDAY = Interval(earliest="2023-03-30", latest="2023-03-30", granularity="day")
FRIDAY = Interval(earliest="2023-03-31", latest="2023-03-31", granularity="day")


def test_the_dct_weekday_is_the_dct_day_in_any_tense() -> None:
    # news style names the day instead of "today"
    assert by_text(analyze("The ministers will meet Thursday in Geneva.", THURSDAY))["Thursday"].value == "2023-03-30"
    assert by_text(analyze("The ministers met Thursday in Geneva.", THURSDAY))["Thursday"].value == "2023-03-30"


def test_a_modal_in_reported_speech_takes_the_nearest_date() -> None:
    # "would" looks forward from the reporting time: the coming April, not last year's
    found = by_text(analyze("Officials said the summit would be held on April 24.", THURSDAY))
    assert found["April 24"].value == "2023-04-24"


def test_a_planned_event_is_to_come() -> None:
    found = by_text(analyze("Farmers planned a large rally on Saturday in the capital.", FRIDAY))
    assert found["Saturday"].value == "2023-04-01"


def test_the_past_as_adjective_is_not_past_ref() -> None:
    assert [t.text for t in annotate("Floods hit the valley in the past three summers.", DCT)] == []
    assert [(t.text, t.value) for t in annotate("Such floods were rare in the past.", DCT)] == [
        ("the past", "PAST_REF")
    ]


def test_a_bare_clock_time_is_on_the_day_of_the_narrative() -> None:
    text = "The tanker was hit on March 3 near the port. The blast came at 10 p.m. and lit the sky."
    timexes = annotate(text, DCT, lambda s, e: PAST)
    assert [(t.text, t.value) for t in timexes] == [("March 3", "2023-03-03"), ("10 p.m.", "2023-03-03T22:00")]
    alone = annotate("The blast came at 10 p.m. and lit the sky.", DCT, lambda s, e: PAST)
    assert [t.value for t in alone] == ["2023-03-30T22:00"]  # no day in the narrative: the DCT's
    # a future clause is not about a day of the past narrative
    offer = annotate(
        "The talks began on March 3. The offer expires at 5 p.m.", DCT, lambda s, e: PAST if s < 20 else FUTURE
    )
    assert [t.value for t in offer] == ["2023-03-03", "2023-03-30T17:00"]


def test_a_dateline_sets_the_day_the_story_is_told_from() -> None:
    text = "KYIV, March 29 (Reuters) -- Shelling resumed today, officials said."
    assert [(t.text, t.value) for t in annotate(text, DCT)] == [("March 29", "2023-03-29"), ("today", "2023-03-29")]
    reuters = "March 29 (Reuters) - Stocks fell today."
    assert [t.value for t in annotate(reuters, DCT)] == ["2023-03-29", "2023-03-29"]
    # a date too far from the DCT is no dateline of this story
    old = "KYIV, March 2 (Reuters) -- Shelling resumed today, officials said."
    assert [t.value for t in annotate(old, DCT)] == ["2023-03-02", "2023-03-30"]


def test_frequency_adjectives_and_names() -> None:
    found = by_text(analyze("Crowds gathered for what has become a daily rally.", THURSDAY))
    assert (found["daily"].type, found["daily"].value) == ("SET", "P1D")
    assert analyze("The firm published its annual report.", THURSDAY).timexes == []
    assert analyze("The business daily Vedomosti reported the deal.", THURSDAY).timexes == []
    assert analyze("The minister told USA Today about the plan.", THURSDAY).timexes == []
    assert analyze("The minister spoke on ABC's “This Week” program.", THURSDAY).timexes == []


def test_earlier_and_previous_count_from_the_narrative_day() -> None:
    text = "He was arrested on March 3. Two days earlier, he had fled; he left the previous Friday."
    timexes = annotate(text, DCT, lambda s, e: PAST)
    assert [(t.text, t.value) for t in timexes] == [
        ("March 3", "2023-03-03"),
        ("Two days earlier", "2023-03-01"),
        ("the previous Friday", "2023-02-24"),
    ]
    # with no dated day before them they count from the DCT (a Thursday)
    assert [t.value for t in annotate("Two days earlier, he had fled.", DCT, lambda s, e: PAST)] == ["2023-03-28"]
    assert [t.value for t in annotate("He left the following Monday.", DCT, lambda s, e: PAST)] == ["2023-04-03"]


def test_last_and_next_month_day() -> None:
    assert (
        one("The court ruled last Oct. 23 that he could stay.").text,
        one("The court ruled last Oct. 23 that he could stay.").value,
    ) == ("last Oct. 23", "2022-10-23")
    assert one("The vote is due next March 5.", UNKNOWN).value == "2024-03-05"
    assert one("It closed last March 29.").value == "2023-03-29"  # the day before the DCT


def test_around_a_point_in_time_is_approx() -> None:
    timex = one("The deal should close around Nov. 1.", FUTURE)
    assert (timex.text, timex.value, timex.mod) == ("around Nov. 1", "2023-11-01", "APPROX")
    clock = one("The men left around 7:15 p.m.")
    assert (clock.text, clock.mod) == ("around 7:15 p.m.", "APPROX")
    # "about" before a date is the preposition; "get around" a ruling is no approximation
    assert one("They asked about Monday's attack.").text == "Monday"
    assert one("They will try to get around Wednesday's ruling.", FUTURE).text == "Wednesday"


def test_a_year_earlier_keeps_the_reporting_period() -> None:
    text = (
        "Profit rose in the third quarter of 2022 from a year earlier. Sales were flat from a year ago, "
        "and costs fell from the year-earlier period."
    )
    timexes = annotate(text, DCT, lambda s, e: PAST)
    # the comparisons do not become the reporting period themselves
    assert [t.value for t in timexes] == ["2022-Q3", "2021-Q3", "2021-Q3", "2021-Q3"]


def test_the_year_earlier_period_reaches_back_to_the_reporting_period() -> None:
    filler = "The company cited weaker demand in its main markets and higher costs for energy and labour. " * 6
    text = f"Profit rose in the second quarter of 2022. {filler}Costs fell from the year-earlier period."
    timexes = annotate(text, DCT, lambda s, e: PAST)
    assert [t.value for t in timexes] == ["2022-Q2", "2021-Q2"]


def test_or_so_is_approx() -> None:
    ago = one("A week or so ago, the convoy left.")
    assert (ago.text, ago.value, ago.mod) == ("A week or so ago", "2023-W12", "APPROX")
    span = one("The plant will close over the next year or so.", FUTURE)
    assert (span.text, span.type, span.value, span.mod) == ("the next year or so", "DURATION", "P1Y", "APPROX")


def test_a_spelled_number_of_years_is_no_year() -> None:
    assert not any(t.value == "2000" for t in annotate("They kept the secret for two thousand years.", DCT))


def test_quarters_in_earnings_reports() -> None:
    october = Dct.from_value("2023-10-26")
    # in the weeks after a quarter ends, "the quarter" is the one just reported
    assert one("The company expects to earn 35 cents a share for the quarter.", UNKNOWN, october).value == "2023-Q3"
    assert one("Sales will rise in the quarter.", FUTURE, october).value == "2023-Q4"
    assert one("Sales were flat in the 2022 quarter.", PAST, october).value == "2022-Q3"
    assert one("Sales for last year's quarter were weak.", PAST, october).value == "2022-Q3"
    assert one("It gained in the quarter.", UNKNOWN, Dct.from_value("2023-12-10")).value == "2023-Q4"


def test_the_years_and_the_weeks_ahead() -> None:
    years = one("Over the years, the city grew.", UNKNOWN)
    assert (years.text, years.type, years.value) == ("the years", "DURATION", "PXY")
    assert years.interval is not None and (years.interval.earliest, years.interval.latest) == (None, "2023-03-30")
    ahead = one("Prices may rise in the weeks ahead.", UNKNOWN)
    assert (ahead.text, ahead.value) == ("the weeks ahead", "PXW")
    assert ahead.interval is not None and (ahead.interval.earliest, ahead.interval.latest) == ("2023-03-30", None)
    assert annotate("The years of war left scars.", DCT) == []
    assert [t.text for t in annotate("He served there for the years 2001 to 2005.", DCT)] == ["2001", "2005"]


def test_parts_of_day_on_the_narrative_day() -> None:
    text = "The strike came on March 3. In the early morning, shelling resumed; by mid-afternoon it stopped."
    timexes = annotate(text, DCT, lambda s, e: PAST)
    assert [(t.text, t.type, t.value, t.mod) for t in timexes] == [
        ("March 3", "DATE", "2023-03-03", None),
        ("the early morning", "TIME", "2023-03-03TMO", "START"),
        ("mid-afternoon", "TIME", "2023-03-03TAF", "MID"),
    ]
    yesterday = one("Shares were up at mid-afternoon yesterday.")
    assert (yesterday.text, yesterday.value, yesterday.mod) == ("mid-afternoon yesterday", "2023-03-29TAF", "MID")
    assert annotate("He wished them good morning.", DCT) == []
    assert annotate("The morning of the attack was calm.", DCT) == []
