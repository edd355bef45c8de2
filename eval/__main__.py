"""Run every evaluation against ../shared/data (``make eval``) and print their numbers."""

from __future__ import annotations

import importlib
import sys
import time

EVALUATIONS = ("textdump", "timeml", "attribution", "geo", "events", "events_news", "events_ace", "probes", "stories")


def main(argv: list[str]) -> None:
    chosen = argv or list(EVALUATIONS)
    sys.argv = sys.argv[:1]  # each evaluation parses its own (empty) options
    for name in chosen:
        module = importlib.import_module(f"eval.{name}")
        started = time.perf_counter()
        print(f"\n######## eval.{name}", flush=True)
        module.main()
        print(f"(eval.{name}: {time.perf_counter() - started:.0f} s)", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
