"""The HTTP interface: a versioned JSON API and server-rendered pages over one store (``sitrep serve``)."""

from sitrep.web.app import create_app

__all__ = ["create_app"]
