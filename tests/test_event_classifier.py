"""ACLED taxonomy, the out-of-the-box rule typer, and the trainable classifier (on our own notes)."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

import pytest

from sitrep.analyze import nlp as nlp_loader
from sitrep.events import default_typer, kinds, read_report, sub_types, train, type_of
from sitrep.events.classifier import TrainedTyper, combine, default_model_path, load_default, read_rows

NOTES = Path(__file__).parent / "fixtures" / "events" / "notes.csv"


def rows() -> list[dict[str, str]]:
    with NOTES.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_taxonomy_has_six_types_and_twenty_five_sub_types() -> None:
    assert len(kinds()) == 25
    assert len({k.type for k in kinds()}) == 6
    assert type_of("Shelling/artillery/missile attack") == "Explosions/Remote violence"
    assert type_of("Looting/property destruction") == "Strategic developments"
    assert all(k.definition for k in kinds())


def test_fixture_labels_are_in_the_taxonomy() -> None:
    for row in rows():
        assert row["sub_event_type"] in sub_types()
        assert type_of(row["sub_event_type"]) == row["event_type"]


def test_rules_type_acled_style_notes_out_of_the_box() -> None:
    nlp = nlp_loader.load()
    typer = default_typer()
    data = rows()
    predicted = [typer.type_span(doc[:]).sub_type for doc in nlp.pipe(r["notes"] for r in data)]
    correct = sum(p == r["sub_event_type"] for p, r in zip(predicted, data, strict=True))
    assert correct / len(data) >= 0.8, [
        (r["notes"][:60], r["sub_event_type"], p)
        for p, r in zip(predicted, data, strict=True)
        if p != r["sub_event_type"]
    ]


@pytest.mark.parametrize(
    ("note", "sub_type"),
    [
        (
            "On 3 April 2022, about 30 women protested in Lorem against the rape of a girl. [size=about 30]",
            "Peaceful protest",
        ),
        ("On 4 April 2022, a crowd beat a suspected thief to death in Ipsum. [size=no report]", "Mob violence"),
        ("On 5 April 2022, a suicide bomber blew himself up at a checkpoint in Dolor. 6 fatalities.", "Suicide bomb"),
        ("On 6 April 2022, militants threw a grenade at a police station in Amet.", "Grenade"),
    ],
)
def test_rules_follow_the_codebook_precedence(note: str, sub_type: str) -> None:
    doc = nlp_loader.load()(note)
    assert default_typer().type_span(doc[:]).sub_type == sub_type


def test_read_rows_refuses_unknown_labels(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("notes,sub_event_type\nsomething happened,Skirmish\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown sub_event_type"):
        read_rows(bad)


def test_train_saves_a_model_the_stage_finds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("sklearn")
    target = tmp_path / "events-model.joblib"
    monkeypatch.setenv("SITREP_EVENTS_MODEL", str(target))
    assert default_model_path() == target
    path = train(NOTES, cv_folds=2)
    assert path == target and path.exists()
    report = read_report(path)
    assert report["rows"] == len(rows())
    assert set(report["scores"]) == {"accuracy", "macro_f1", "weighted_f1"}
    model = load_default()
    assert isinstance(model, TrainedTyper)
    [(label, probability)] = model.predict(["Hundreds of teachers protested in Lorem over unpaid wages."])
    assert label in sub_types() and 0.0 < probability <= 1.0
    again = TrainedTyper.load(path).predict(["Hundreds of teachers protested in Lorem over unpaid wages."])
    assert again == [(label, probability)]  # deterministic


def test_without_a_model_nothing_is_loaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITREP_EVENTS_MODEL", str(tmp_path / "absent.joblib"))
    assert load_default() is None


class _SureModel(TrainedTyper):
    """A stand-in for a user's model: ``answer`` with ``probability``, the rest on peaceful protest."""

    def __init__(self, answer: str, probability: float) -> None:
        super().__init__(pipeline=None)
        self.answer = (answer, probability)

    def distributions(self, texts: Sequence[str]) -> list[dict[str, float]]:
        answer, probability = self.answer
        return [{answer: probability, "Peaceful protest": 1.0 - probability} for _ in texts]


def test_the_rules_answer_weighs_against_the_model() -> None:
    distribution = {"Armed clash": 0.6, "Attack": 0.4}
    # the model prefers another sub-type, but not by more than the rules' prior: the rules keep it
    assert combine("Attack", 0.7, distribution) == ("Attack", 0.7)
    assert combine("Attack", 0.7, {"Armed clash": 0.95, "Attack": 0.05}) == ("Armed clash", 0.95)
    # the model agrees, and is surer than the rule: its probability is the event's confidence
    assert combine("Armed clash", 0.55, distribution) == ("Armed clash", 0.6)
    # sitrep's own extension types are unknown to a model trained on ACLED's: the rules decide alone
    assert combine("Man-made disaster", 0.6, {"Armed clash": 0.99, "Attack": 0.01}) == ("Man-made disaster", 0.6)


@pytest.mark.parametrize(("probability", "expected"), [(0.97, "Protest with intervention"), (0.1, "Peaceful protest")])
def test_events_stage_prefers_a_confident_trained_model(
    probability: float, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sitrep.analyze import events as events_stage
    from sitrep.analyze.registry import Context, StageConfig
    from sitrep.model import AnalyzedArticle, Article, Source

    model = _SureModel("Protest with intervention", probability)
    monkeypatch.setattr(events_stage.classifier, "load_default", lambda: model)
    text = "Hundreds of nurses protested outside the hospital in Lorem to demand unpaid wages."
    article = Article(body=text)
    ctx = Context(
        article=article,
        doc=nlp_loader.load()(text),
        result=AnalyzedArticle(source=Source(uri="t", kind="text"), article=article),
    )
    found = events_stage.make_events(StageConfig())(ctx)
    assert [e.sub_type for e in found] == [expected]
    assert found[0].type == "Protests"
