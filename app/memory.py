"""What a process remembers between requests, bounded: finished pages, events' JSON, search hits."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any


class Memory:
    """Values by what made them (database, data version and what was asked), least recently used
    dropped first. One per process and bounded in bytes (`size` of a value); when the version moves
    on, the old entries are never asked for again and age out."""

    def __init__(self, max_bytes: int, size: Callable[[Any], int]) -> None:
        self.max_bytes = max_bytes
        self._size = size
        self.size = 0
        self._entries: OrderedDict[tuple, Any] = OrderedDict()
        # Sync routes run in a thread pool: an entry dropped between a lookup and its move to the
        # end, or stored twice at once, would break the order or the byte count.
        self._lock = threading.Lock()

    def get(self, key: tuple) -> Any:
        with self._lock:
            value = self._entries.get(key)
            if value is not None:
                self._entries.move_to_end(key)
            return value

    def put(self, key: tuple, value: Any) -> None:
        size = self._size(value)
        with self._lock:
            if size > self.max_bytes // 8 or key in self._entries:
                return
            self._entries[key] = value
            self.size += size
            while self.size > self.max_bytes:
                _, dropped = self._entries.popitem(last=False)
                self.size -= self._size(dropped)
