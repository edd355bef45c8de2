"""What one server holds: the store, the write token, the pipeline (loaded on the first upload) and the
gazetteer (opened on the first map drawn)."""

from __future__ import annotations

import contextlib
import hmac
import threading

from starlette.requests import Request

from sitrep import gazetteer
from sitrep.analyze.pipeline import Pipeline
from sitrep.errors import SitrepError
from sitrep.gazetteer import Gazetteer
from sitrep.store import Store


class Unauthorized(SitrepError):
    """A write without the server's token: the API is read-only to it."""

    http_status = 401


class ServerState:
    def __init__(self, store: Store, token: str | None = None, pipeline: Pipeline | None = None) -> None:
        self.store = store
        self.token = token
        self._pipeline = pipeline
        self._lock = threading.Lock()
        self._gazetteer: Gazetteer | None = None
        self._gazetteer_tried = False

    def check_token(self, authorization: str | None) -> None:
        """Writes need ``Authorization: Bearer <token>``; without a token at start-up there are none."""
        if self.token is None:
            raise Unauthorized("this server is read-only: start it with --token to accept documents")
        given = (authorization or "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(given.encode(), self.token.encode()):
            raise Unauthorized("a valid 'Authorization: Bearer <token>' header is needed to add documents")

    def gazetteer(self) -> Gazetteer | None:
        """The gazetteer index `sitrep setup` built, for the towns a map labels; None where there is none (a
        map without towns is still a map)."""
        with self._lock:
            if not self._gazetteer_tried:
                self._gazetteer_tried = True
                with contextlib.suppress(SitrepError):  # no index built: maps without towns
                    self._gazetteer = gazetteer.load(build_if_needed=False)
            return self._gazetteer

    def pipeline(self) -> Pipeline:
        with self._lock:  # one model load, whichever request comes first
            if self._pipeline is None:
                self._pipeline = Pipeline()
            return self._pipeline


def server_state(request: Request) -> ServerState:
    """The state of the server answering ``request`` (the API and the pages both ask)."""
    state: ServerState = request.app.state.sitrep
    return state


def request_store(request: Request) -> Store:
    return server_state(request).store
