"""What a corpus view computed from the store, kept until the store changes.

Claim periods, conflicting claims and timelines read every claim or record of a place: at 100,000
documents tens of thousands of rows. Readers far outnumber writes in a newsroom's day, so these views
are kept per store *generation* (``schema.store_state``, raised by every write transaction in any
process): the first read after a write pays in full, the rest are a lookup.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, Sized
from threading import Lock
from typing import TypeVar

from sitrep.store import Store, backends

T = TypeVar("T", bound=Sized)


class GenerationCache:
    """A bounded LRU of computed values, keyed by store, store generation and the caller's key."""

    def __init__(self, entries: int = 128, largest: int = 50_000) -> None:
        self._entries: OrderedDict[tuple[str, int, Hashable], Sized] = OrderedDict()
        self._pending: dict[tuple[str, int, Hashable], Lock] = {}
        self._lock = Lock()
        self.size, self.largest = entries, largest  # values longer than ``largest`` are not kept

    def get(self, store: Store, key: Hashable, compute: Callable[[], T]) -> T:
        """The value of ``compute()`` for ``key`` at the store's current generation. Readers asking for a
        value being computed wait for it instead of computing it again (a busy page hit by 16 clients
        at once is read once)."""
        with store.engine.connect() as conn:
            full = (store.url, backends.generation(conn), key)
        with self._lock:
            if full in self._entries:
                self._entries.move_to_end(full)
                return self._entries[full]  # type: ignore[return-value]
            computing = self._pending.setdefault(full, Lock())
        with computing:  # the first reader computes; the others wait here, then find the value
            with self._lock:
                if full in self._entries:
                    return self._entries[full]  # type: ignore[return-value]
            try:
                value = compute()
                if len(value) <= self.largest:
                    with self._lock:
                        self._entries[full] = value
                        while len(self._entries) > self.size:
                            self._entries.popitem(last=False)
            finally:
                with self._lock:
                    self._pending.pop(full, None)
        return value

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
