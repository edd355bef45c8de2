"""A trainable sub-event classifier for users who hold ACLED data (or data in its shape).

ACLED's terms do not allow shipping a model trained on its rows, so sitrep ships only the
rules and this training code: ``sitrep train-events events.csv`` fits a TF-IDF + logistic
regression model on the user's own ``notes``/``sub_event_type`` columns and saves it where the
events stage looks for it (``$SITREP_EVENTS_MODEL`` or ``~/.local/share/sitrep/events-model.joblib``).
scikit-learn is needed only to train or to use such a model; the rules work without it.
"""

from __future__ import annotations

import csv
import json
import os
import warnings
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sitrep.events.taxonomy import sub_types

MODEL_ENV = "SITREP_EVENTS_MODEL"
MODEL_FILENAME = "events-model.joblib"
TEXT_COLUMN = "notes"
LABEL_COLUMN = "sub_event_type"
# How much the rule typer's answer weighs against the model's probabilities: the model re-types a
# clause only when it gives another sub-type this much more than the rules' own. Chosen on the
# development news snippets (``eval/events_news.py``): a model of ACLED's notes re-typing news at
# 35% sureness lost 10 points of F1, at a prior of 0.5 about 4, at 0.8 about one; higher priors
# leave the model nothing to correct.
RULE_PRIOR = 0.8


class TrainingUnavailable(ValueError):
    """scikit-learn is not installed, so no model can be trained or used."""


def _require_sklearn() -> None:
    try:
        import sklearn  # type: ignore[import-untyped,import-not-found,unused-ignore]  # noqa: F401
    except ImportError:
        raise TrainingUnavailable(
            "training needs scikit-learn: pip install scikit-learn==1.9.1 (the rules work without it)"
        ) from None


def default_model_path() -> Path:
    """Where a trained model lives: ``$SITREP_EVENTS_MODEL`` or the user's data directory."""
    explicit = os.environ.get(MODEL_ENV)
    if explicit:
        return Path(explicit).expanduser()
    data_home = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return data_home / "sitrep" / MODEL_FILENAME


@dataclass
class TrainReport:
    """What ``train`` did: where the model went and how well it cross-validated."""

    path: str
    rows: int
    labels: dict[str, int]
    cv_folds: int
    scores: dict[str, float] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2, sort_keys=True)


def read_rows(csv_path: Path) -> tuple[list[str], list[str]]:
    """The (note, sub-event type) pairs of a CSV; rows with unknown sub-types are refused."""
    known = set(sub_types())
    texts: list[str] = []
    labels: list[str] = []
    with csv_path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        missing = {TEXT_COLUMN, LABEL_COLUMN} - set(reader.fieldnames or ())
        if missing:
            raise ValueError(f"{csv_path}: missing column(s) {', '.join(sorted(missing))}")
        for line, row in enumerate(reader, start=2):
            text, label = (row[TEXT_COLUMN] or "").strip(), (row[LABEL_COLUMN] or "").strip()
            if not text:
                continue
            if label not in known:
                raise ValueError(f"{csv_path}:{line}: unknown sub_event_type {label!r}")
            texts.append(text)
            labels.append(label)
    if len(set(labels)) < 2:
        raise ValueError(f"{csv_path}: need at least two sub-event types to train")
    return texts, labels


def build_pipeline() -> Any:
    """TF-IDF over words and word pairs, then a class-balanced logistic regression."""
    from sklearn.feature_extraction.text import TfidfVectorizer  # type: ignore[import-untyped,import-not-found,unused-ignore]
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped,import-not-found,unused-ignore]
    from sklearn.pipeline import Pipeline  # type: ignore[import-untyped,import-not-found,unused-ignore]

    return Pipeline(
        [
            ("tfidf", TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, lowercase=True)),
            ("model", LogisticRegression(C=20.0, max_iter=3000, class_weight="balanced")),
        ]
    )


def cross_validate(texts: Sequence[str], labels: Sequence[str], folds: int = 5) -> dict[str, float]:
    """Stratified k-fold scores; every prediction is made by a model that never saw that row."""
    from sklearn.metrics import accuracy_score, f1_score  # type: ignore[import-untyped,import-not-found,unused-ignore]
    from sklearn.model_selection import StratifiedKFold, cross_val_predict  # type: ignore[import-untyped,import-not-found,unused-ignore]

    if len(labels) < 2 * folds:
        return {}
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=0)
    with warnings.catch_warnings():  # rare sub-types with fewer rows than folds are fine to score
        warnings.simplefilter("ignore", UserWarning)
        predicted = cross_val_predict(build_pipeline(), list(texts), list(labels), cv=splitter)
    return {
        "accuracy": float(accuracy_score(labels, predicted)),
        "macro_f1": float(f1_score(labels, predicted, average="macro", zero_division=0)),
        "weighted_f1": float(f1_score(labels, predicted, average="weighted", zero_division=0)),
    }


def fit(csv_path: Path, out_path: Path | None = None, cv_folds: int = 5) -> TrainReport:
    """Train on ``csv_path``, save the model (and a ``.json`` report beside it), return the report."""
    _require_sklearn()
    import joblib  # type: ignore[import-untyped,import-not-found,unused-ignore]

    texts, labels = read_rows(Path(csv_path))
    scores = cross_validate(texts, labels, cv_folds) if cv_folds else {}
    pipeline = build_pipeline().fit(texts, labels)
    target = Path(out_path) if out_path is not None else default_model_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(pipeline, target)
    report = TrainReport(
        path=str(target),
        rows=len(texts),
        labels={label: labels.count(label) for label in sorted(set(labels))},
        cv_folds=cv_folds,
        scores=scores,
    )
    target.with_suffix(".json").write_text(report.to_json() + "\n", encoding="utf-8")
    return report


def train(csv_path: Path, out_path: Path | None = None, cv_folds: int = 5) -> Path:
    """The ``sitrep train-events CSV`` entry point: train, save, return the model's path.

    The cross-validated scores are written next to the model as ``<model>.json``
    (see :func:`read_report`).
    """
    return Path(fit(csv_path, out_path, cv_folds).path)


def read_report(model_path: Path) -> dict[str, Any]:
    """The training report saved beside a model, or an empty dict."""
    report = Path(model_path).with_suffix(".json")
    if not report.exists():
        return {}
    loaded: dict[str, Any] = json.loads(report.read_text("utf-8"))
    return loaded


class TrainedTyper:
    """A saved model, wrapped to answer (sub-type, probability) for texts."""

    def __init__(self, pipeline: Any) -> None:
        self.pipeline = pipeline

    @classmethod
    def load(cls, path: Path) -> TrainedTyper:
        """Load a model file the user trained (joblib/pickle: load only your own files)."""
        import joblib

        return cls(joblib.load(path))

    def distributions(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """Per text, the probability of every sub-type the model was trained on."""
        if not texts:
            return []
        probabilities = self.pipeline.predict_proba(list(texts))
        classes = [str(c) for c in self.pipeline.classes_]
        return [dict(zip(classes, map(float, row), strict=True)) for row in probabilities]

    def predict(self, texts: Sequence[str]) -> list[tuple[str, float]]:
        """Per text, the most probable sub-type and its probability."""
        return [max(d.items(), key=lambda kv: kv[1]) for d in self.distributions(texts)]


def combine(rule_sub_type: str, rule_confidence: float, distribution: dict[str, float]) -> tuple[str, float]:
    """The rules' sub-type, unless the model is clearly surer of another one.

    A model learnt from ACLED's terse notes is a weak judge of news prose on its own; the rules
    carry :data:`RULE_PRIOR` on their answer. A sub-type the model never saw (sitrep's extension
    types: disasters, diplomacy, crime, claims) is the rules' alone.
    """
    if rule_sub_type not in distribution:
        return rule_sub_type, rule_confidence
    best = max(distribution, key=lambda label: distribution[label] + (RULE_PRIOR if label == rule_sub_type else 0.0))
    if best == rule_sub_type:
        return rule_sub_type, max(rule_confidence, distribution[best])
    return best, distribution[best]


def load_default() -> TrainedTyper | None:
    """The model at the default location, if the user trained one and scikit-learn is installed."""
    path = default_model_path()
    if not path.exists():
        return None
    try:
        return TrainedTyper.load(path)
    except (ImportError, OSError, EOFError, ValueError, AttributeError):
        return None  # no scikit-learn, or a file from another version: fall back to the rules
