"""What every evaluation shares: where the development data lives."""

from __future__ import annotations

import os
from pathlib import Path

SHARED_ENV = "SITREP_SHARED_DATA"


def shared_data() -> Path:
    """``$SITREP_SHARED_DATA``, else ``../shared/data`` next to the repository."""
    configured = os.environ.get(SHARED_ENV)
    path = Path(configured) if configured else Path(__file__).resolve().parents[1].parent / "shared" / "data"
    if not path.is_dir():
        raise SystemExit(f"evaluation data not found at {path} (set {SHARED_ENV})")
    return path


def precision_recall_f1(
    hits_predicted: float, predicted: float, hits_gold: float, gold: float
) -> tuple[float, float, float]:
    """P = hits among predictions / predictions, R = hits among gold / gold, F1 their harmonic mean."""
    p = hits_predicted / predicted if predicted else 0.0
    r = hits_gold / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
