"""The control stage: territorial-control claims on the Bakhmut example and written sentences."""

from __future__ import annotations

import pytest

from events_support import DCT, attribution_index, bakhmut_context
from sitrep.analyze import nlp as nlp_loader
from sitrep.analyze.control import make_control
from sitrep.analyze.registry import Context, StageConfig
from sitrep.model import AnalyzedArticle, Article, ControlClaim, Place, Source


def run_control(ctx: Context) -> list[ControlClaim]:
    return list(make_control(StageConfig())(ctx))


@pytest.fixture(scope="module")
def claims() -> tuple[Context, list[ControlClaim]]:
    ctx = bakhmut_context()
    return ctx, run_control(ctx)


def _around_march_29(claim: ControlClaim) -> bool:
    when = claim.when
    return (
        when is not None
        and when.earliest is not None
        and when.latest is not None
        and (when.earliest[:10] <= "2023-03-29" <= when.latest[:10])
    )


def test_general_staff_claims_ukraine_holds_the_city(claims: tuple[Context, list[ControlClaim]]) -> None:
    ctx, found = claims
    staff = attribution_index(ctx, "the General Staff of the Ukrainian armed forces", "said")
    holds = [c for c in found if (c.side, c.status, c.claimant) == ("Ukraine", "holds", staff)]
    assert len(holds) == 1
    claim = holds[0]
    assert ctx.result.places[claim.place].text == "Bakhmut"  # "the city" of the previous quoted sentence
    assert claim.modality == "asserted"
    assert _around_march_29(claim)
    assert "holding the city" in ctx.article.body[claim.evidence.start : claim.evidence.end]


def test_officials_say_russia_is_advancing(claims: tuple[Context, list[ControlClaim]]) -> None:
    ctx, found = claims
    officials = attribution_index(ctx, "Ukrainian military officials", "said")
    advancing = [c for c in found if (c.side, c.status, c.claimant) == ("Russia", "advancing", officials)]
    assert len(advancing) == 1
    assert ctx.result.places[advancing[0].place].text == "Bakhmut"  # "the flashpoint city"
    assert _around_march_29(advancing[0])


def test_hypothetical_fall_is_not_asserted(claims: tuple[Context, list[ControlClaim]]) -> None:
    _, found = claims
    captured = [c for c in found if c.status == "captured"]
    assert captured and all(c.modality == "hypothetical" for c in captured)
    assert all(c.side == "Russia" for c in captured)


def test_every_claim_points_at_a_populated_place(claims: tuple[Context, list[ControlClaim]]) -> None:
    ctx, found = claims
    assert found
    for claim in found:
        assert ctx.result.places[claim.place].precision != "country"


def test_retaken_town_named_in_the_sentence() -> None:
    text = "Ukrainian troops recaptured Kupiansk on Friday."
    doc = nlp_loader.load()(text)
    article = Article(body=text, published=DCT)
    start = text.index("Kupiansk")
    place = Place(start=start, end=start + 8, text="Kupiansk", precision="city", role="location")
    result = AnalyzedArticle(source=Source(uri="t", kind="text"), article=article, places=[place])
    found = run_control(Context(article=article, doc=doc, result=result))
    assert [(c.place, c.side, c.status, c.claimant) for c in found] == [(0, "Ukraine", "retaken", None)]
