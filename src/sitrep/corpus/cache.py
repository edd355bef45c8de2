"""What a corpus view computed from the store, kept until the store changes.

Claim periods, conflicting claims and timelines read every claim or record of a place: at 100,000
documents tens of thousands of rows. Readers far outnumber writes in a newsroom's day, so these views
are kept per store *generation* (``schema.store_state``, raised by every write transaction in any
process): the first read after a write computes the view again, the rest are a lookup.

``sitrep serve`` runs several worker processes, each with its own memory. Given a folder
(:data:`SHARED_ENV`, a private one the server makes for its run), a value computed by one worker is
written there and read by the others, and a value being computed by one is waited for by the rest,
so each view is computed once per generation, not once per worker. And where stale values are allowed
(:data:`STALE_ENV`, set by ``sitrep serve``), the first reader after a write gets the previous generation's
value at once while the new one is computed in the background: its own, or the one another worker left in the
folder (a key's older values are removed only when its newer one is written). A value made from another
view's stale value (a page from the claims before the write) is given to its reader but not kept as the
new one. Background work (those recomputations, the server's warm-up) runs one piece at a time across the
server (:func:`in_background`), so it never holds more than one core while readers wait for theirs.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator, Sized
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from threading import Lock, Thread
from typing import TypeVar

from sitrep.store import Store, backends

try:
    import fcntl
except ImportError:  # not POSIX: each process keeps its own values
    fcntl = None  # type: ignore[assignment]

T = TypeVar("T", bound=Sized)
# Set when a view computed in this context read another view's stale value (see GenerationCache._computed).
_STALE_READ: ContextVar[bool] = ContextVar("sitrep_stale_read", default=False)

LOG = logging.getLogger(__name__)
SHARED_ENV = "SITREP_VIEW_CACHE"  # a folder only this user can write, shared by one server's workers


class GenerationCache:
    """A bounded LRU of computed values, keyed by store, store generation and the caller's key."""

    def __init__(self, name: str, entries: int = 128, largest: int = 50_000, shared: bool = True) -> None:
        self.name = name  # tells its values from another cache's in the shared folder
        self.shared = shared  # written to the server's folder for its other workers (values costly to compute)
        self._entries: OrderedDict[tuple[str, int, Hashable], Sized] = OrderedDict()
        self._newest: dict[tuple[str, Hashable], tuple[str, int, Hashable]] = {}  # each key's newest entry
        self._pending: dict[tuple[str, int, Hashable], Lock] = {}
        self._lock = Lock()
        self.size, self.largest = entries, largest  # values longer than ``largest`` are not kept

    def get(self, store: Store, key: Hashable, compute: Callable[[], T]) -> T:
        """The value of ``compute()`` for ``key`` at the store's current generation. Readers asking for a
        value being computed wait for it instead of computing it again (a busy page hit by 16 clients
        at once is read once).

        Where stale values are allowed (:data:`STALE_ENV`, which ``sitrep serve`` sets), a reader after a
        write gets the value of an earlier generation at once while the current one is computed in the
        background, so a store written to every few seconds does not make every reader wait."""
        full = self._full(store, key)
        with self._lock:
            current, stale = self._kept(full)
            if current is not None:
                return current  # type: ignore[return-value]
            computing = self._pending.get(full)
            if stale is not None:
                if computing is None:
                    self._start_refresh(full, compute)
                _STALE_READ.set(True)  # what the caller makes of it is stale too
                return stale  # type: ignore[return-value]
            computing = self._pending.setdefault(full, Lock())
        with computing:  # the first reader computes; the others wait here, then find the value
            with self._lock:
                if full in self._entries:
                    return self._entries[full]  # type: ignore[return-value]
            try:
                value, fresh = self._computed(full, compute)
                if fresh:
                    self._keep(full, value)
            finally:
                with self._lock:
                    self._pending.pop(full, None)
        return value

    def ready(self, store: Store, key: Hashable, compute: Callable[[], T]) -> T | None:
        """The value for ``key`` if one is kept (this generation's, or where stale values are allowed an
        earlier one), else None at once, with the value computed in the background for the readers after:
        for a caller that can answer this once in a cheaper way (a window of a timeline not yet kept whole)."""
        full = self._full(store, key)
        with self._lock:
            current, stale = self._kept(full)
            if current is not None:
                return current  # type: ignore[return-value]
            if full not in self._pending:
                self._start_refresh(full, compute)
        if stale is not None:
            _STALE_READ.set(True)
        return stale  # type: ignore[return-value]

    @staticmethod
    def _full(store: Store, key: Hashable) -> tuple[str, int, Hashable]:
        with store.engine.connect() as conn:
            return store.url, backends.generation(conn), key

    def _kept(self, full: tuple[str, int, Hashable]) -> tuple[Sized | None, Sized | None]:
        """This generation's value if kept, else (where stale values are allowed) an earlier one: this process's
        or another worker's (it may have read it before the write). Called holding the lock."""
        if full in self._entries:
            self._entries.move_to_end(full)
            return self._entries[full], None
        if not stale_allowed():
            return None, None
        older = self._newest.get((full[0], full[2]))
        stale = self._entries.get(older) if older is not None else None
        if stale is None and self.shared:
            stale = _shared_stale(self.name, full)
        return None, stale

    def _start_refresh(self, full: tuple[str, int, Hashable], compute: Callable[[], T]) -> None:
        """Compute this generation's value in a background thread (called holding the lock)."""
        self._pending[full] = Lock()
        Thread(target=self._refresh, args=(full, compute), daemon=True).start()

    def _computed(self, full: tuple[str, int, Hashable], compute: Callable[[], T]) -> tuple[T, bool]:
        """``compute()`` (through the server's shared folder), and whether it is fresh: made only of views
        of this generation. A value made of another view's stale value is given to its reader but not kept,
        or a page read just after a write would show the state before it until the next write."""
        token = _STALE_READ.set(False)
        try:
            value, fresh = _shared(self.name, full, compute, self.largest) if self.shared else (compute(), True)
            fresh = fresh and not _STALE_READ.get()
        finally:
            _STALE_READ.reset(token)
        if not fresh:
            _STALE_READ.set(True)  # and so is what the caller makes of it
        return value, fresh

    def _refresh(self, full: tuple[str, int, Hashable], compute: Callable[[], T]) -> None:
        """Compute the current generation's value in the background (readers get the stale one meanwhile).

        The server's background slot is taken before the key's lock: background work that asks for this key
        while it holds the slot (the warm-up) computes it itself instead of waiting for this thread, which
        waits for the slot."""
        with in_background():
            with self._lock:
                computing = self._pending.get(full)
            if computing is None:
                return  # computed meanwhile by a reader
            with computing:
                try:
                    with self._lock:
                        if full in self._entries:
                            return
                    value, fresh = self._computed(full, compute)
                    if fresh:
                        self._keep(full, value)
                except Exception:  # the readers keep the stale value; the next one after this tries again
                    LOG.exception("recomputing %s for %r failed", self.name, full[2])
                finally:
                    with self._lock:
                        self._pending.pop(full, None)

    def _keep(self, full: tuple[str, int, Hashable], value: Sized) -> None:
        if len(value) > self.largest:
            return
        with self._lock:
            self._entries[full] = value
            newest = self._newest.get((full[0], full[2]))
            if newest is None or newest[1] <= full[1]:
                self._newest[(full[0], full[2])] = full
            while len(self._entries) > self.size:
                dropped, _ = self._entries.popitem(last=False)
                if self._newest.get((dropped[0], dropped[2])) == dropped:
                    del self._newest[(dropped[0], dropped[2])]

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._newest.clear()


_BACKGROUND = Lock()  # one background computation at a time in this process ...


@contextmanager
def in_background() -> Iterator[None]:
    """Hold the server's one background slot: in this process, and across its workers when they share a
    folder. Eight views recomputed at once after a write made every reader of two cores wait 1-2 s."""
    with _BACKGROUND:
        folder = os.environ.get(SHARED_ENV)
        if not folder or fcntl is None:
            yield
            return
        with _locked(Path(folder) / "background.lock"):  # ... and in the whole server
            yield


STALE_ENV = "SITREP_STALE_VIEWS"  # "1": readers may get the previous generation's value while it is recomputed


def stale_allowed() -> bool:
    return os.environ.get(STALE_ENV) == "1"


SERVING_ENV = "SITREP_SERVING"  # "1" in ``sitrep serve``: views asked for again and again keep their whole reads


def serving() -> bool:
    """Whether this process answers many requests (a server), so that a whole read kept to cut each
    request's piece from (a place's whole timeline, for any dates) pays for itself."""
    return os.environ.get(SERVING_ENV) == "1"


def _shared(cache: str, full: tuple[str, int, Hashable], compute: Callable[[], T], largest: int) -> tuple[T, bool]:
    """``compute()``, through the shared folder when the server gave one: read if another worker wrote
    it, else computed under the folder's lock for this key and written for the others (if it is fresh:
    made of no stale view). Returns the value and whether it is fresh."""
    folder = os.environ.get(SHARED_ENV)
    if not folder or fcntl is None:
        return compute(), True
    generation = full[1]
    name = _file_name(cache, full)
    path = Path(folder) / f"{generation}-{name}.pickle"
    with _locked(path.with_suffix(".lock")):
        if path.exists():
            with path.open("rb") as handle:
                return pickle.load(handle), True  # written by a worker of this run
        value = compute()
        if _STALE_READ.get():
            return value, False
        if len(value) <= largest:
            partial = path.with_suffix(f".{os.getpid()}.part")
            try:
                with partial.open("wb") as handle:
                    pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(partial, path)
                _forget_older(Path(folder), generation, name)
            except FileNotFoundError:
                pass  # a worker already at a newer generation removed it: nobody reads this value any more
    return value, True


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


SHARED_FILES = 1024  # files the shared folder keeps at most (the oldest go first): keys come from URLs


def _forget_older(folder: Path, generation: int, name: str) -> None:
    """This key's values of earlier generations are never read again: remove them (and their locks). Other keys'
    stay, for a worker that never read them to answer with while it recomputes after a write; and the folder
    stays bounded, whatever keys clients ask for."""
    kept = []
    for old in folder.iterdir():
        prefix, _, rest = old.name.partition("-")
        if prefix.isdigit() and int(prefix) < generation and rest.startswith(name):
            old.unlink(missing_ok=True)
        else:
            kept.append(old)
    if len(kept) > SHARED_FILES:
        by_age = sorted(kept, key=_age)
        for old in by_age[: len(kept) - SHARED_FILES]:
            old.unlink(missing_ok=True)


def _file_name(cache: str, full: tuple[str, int, Hashable]) -> str:
    return hashlib.sha256(repr((cache, full[0], full[2])).encode()).hexdigest()[:32]


STALE_GENERATIONS = 8  # how many writes back another worker's value is looked for


def _shared_stale(cache: str, full: tuple[str, int, Hashable]) -> Sized | None:
    """The newest value of the last few generations another worker wrote for this key, if any."""
    folder = os.environ.get(SHARED_ENV)
    if not folder:
        return None
    name = _file_name(cache, full)
    for generation in range(full[1] - 1, max(full[1] - 1 - STALE_GENERATIONS, -1), -1):
        path = Path(folder) / f"{generation}-{name}.pickle"
        try:
            with path.open("rb") as handle:
                value: Sized = pickle.load(handle)  # written by a worker of this run
            return value
        except FileNotFoundError:
            continue
        except (OSError, EOFError, pickle.UnpicklingError):
            continue  # being replaced meanwhile
    return None


def _age(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except FileNotFoundError:  # another worker removed it meanwhile
        return 0.0
