"""The errors users see, one hierarchy for every interface.

Each error is one line that names what it is about and why. Interfaces map the
class to their own vocabulary without knowing the cases: the CLI exits with
``exit_code``, and an HTTP layer would answer ``http_status``. Anything that is not a
:class:`SitrepError` is a bug and may show a traceback.
"""

from __future__ import annotations


class SitrepError(Exception):
    """Something the user can act on, printed as one line."""

    exit_code = 1
    http_status = 500


class InputError(SitrepError):
    """A bad input (file, record, upload): printed as one line naming the input and the reason."""

    http_status = 422

    def __init__(self, source: object, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = str(source)
        self.reason = reason


class UsageError(SitrepError):
    """A request that cannot be answered as asked: a bad option, parameter or query."""

    http_status = 400


class NotFound(SitrepError):
    """A document, place or other item that the store does not hold."""

    http_status = 404


class ResourceError(SitrepError):
    """A resource analysis needs (the spaCy model, the gazetteer index) is missing or unusable."""

    http_status = 503


class StoreError(SitrepError):
    """The database cannot be opened or written."""

    http_status = 503
