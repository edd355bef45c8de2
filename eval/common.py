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
