"""The one error type users see: an input that cannot be analysed, and why."""

from __future__ import annotations


class InputError(Exception):
    """A bad input: printed as one line naming the input and the reason."""

    def __init__(self, source: object, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = str(source)
        self.reason = reason
