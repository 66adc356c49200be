"""Per-article columns of the dedupe index, one row ("slot") per remembered article.

Lean enough for ~1-2 KB per article: the MinHash signature is one row of a uint32 matrix, the
arrival time one float in a column. Forgotten slots are tombstones until `compact` renumbers the
live ones in arrival order, which keeps `expiring` proportional to what it drops.
"""

from __future__ import annotations

import math

import numpy as np

_MIN_CAPACITY = 1024
_MIN_DEAD_FOR_COMPACTION = 1024
_COLUMNS = ("sigs", "seen_at", "shingles", "alive", "has_sig")


class SlotTable:
    """Columns that grow together; slots [0, tail) are used, every slot below `head` is dead.

    sigs: (capacity, num_perm) uint32 MinHash signatures; seen_at: float64 epoch seconds;
    shingles: int32 distinct shingle counts; alive, has_sig: bool; ids, hashes: the article id
    and content hash per slot (None once dead); slot: id -> slot of the live articles.
    """

    def __init__(self, num_perm: int) -> None:
        self.sigs = np.zeros((0, num_perm), dtype=np.uint32)
        self.seen_at = np.zeros(0, dtype=np.float64)
        self.shingles = np.zeros(0, dtype=np.int32)
        self.alive = np.zeros(0, dtype=bool)
        self.has_sig = np.zeros(0, dtype=bool)
        self.ids: list[str | None] = []
        self.hashes: list[str | None] = []
        self.slot: dict[str, int] = {}
        self.tail = 0
        self.head = 0  # every slot below is dead (expired)
        self.dead = 0  # dead slots below tail
        self.ordered = True  # seen_at is non-decreasing over slots [0, tail)
        self._max_seen = -math.inf

    def nbytes(self) -> int:
        """Bytes of the numpy columns (Python lists and dicts not included)."""
        return sum(getattr(self, name).nbytes for name in _COLUMNS)

    def append(self, article_id: str, content_hash: str, values: np.ndarray | None, seen_at: float,
               shingles: int) -> int:
        """A new live slot for an article not in `slot` (values: (num_perm,) uint32 or None);
        returns the slot number."""
        slot = self.tail
        if slot >= len(self.seen_at):
            self._resize(max(_MIN_CAPACITY, slot + slot // 2))
        self.tail = slot + 1
        self.ids.append(article_id)
        self.hashes.append(content_hash)
        self.seen_at[slot] = seen_at
        self.shingles[slot] = shingles
        self.alive[slot] = True
        if seen_at < self._max_seen:
            self.ordered = False
        else:
            self._max_seen = seen_at
        self.slot[article_id] = slot
        if values is not None:
            self.sigs[slot] = values
        self.has_sig[slot] = values is not None
        return slot

    def kill(self, slot: int) -> None:
        """Tombstone a slot and remove its id from `slot`."""
        del self.slot[self.ids[slot]]
        self.alive[slot] = False
        self.ids[slot] = None
        self.hashes[slot] = None
        self.dead += 1

    def expiring(self, before: float) -> list[int]:
        """Live slots seen before `before` (epoch seconds), oldest first, and moves `head` past
        them. Needs `ordered` (call `compact` first otherwise)."""
        head, tail = self.head, self.tail
        end = head + int(np.searchsorted(self.seen_at[head:tail], before, side="left"))
        slots = (np.flatnonzero(self.alive[head:end]) + head).tolist()
        self.head = end
        return slots

    def wants_compaction(self) -> bool:
        """True when the tombstones are at least half the live slots (and at least 1024)."""
        return self.dead >= max(_MIN_DEAD_FOR_COMPACTION, len(self.slot) // 2)

    def compact(self) -> np.ndarray:
        """Drop dead slots and renumber the live ones in order of seen_at; returns the (old tail,)
        int64 remap, old slot -> new slot or -1."""
        live = np.flatnonzero(self.alive[: self.tail])
        order = live[np.argsort(self.seen_at[live], kind="stable")]
        n = len(order)
        remap = np.full(self.tail, -1, dtype=np.int64)
        remap[order] = np.arange(n)
        capacity = max(_MIN_CAPACITY, n + n // 2)
        for name in _COLUMNS:
            old = getattr(self, name)
            new = np.zeros((capacity, *old.shape[1:]), dtype=old.dtype)
            new[:n] = old[order]
            setattr(self, name, new)
        order_list = order.tolist()
        self.ids = [self.ids[s] for s in order_list]
        self.hashes = [self.hashes[s] for s in order_list]
        self.slot = dict(zip(self.ids, range(n)))
        self.tail, self.head, self.dead = n, 0, 0
        self.ordered = True
        self._max_seen = float(self.seen_at[n - 1]) if n else -math.inf
        return remap

    def _resize(self, capacity: int) -> None:
        used = self.tail
        for name in _COLUMNS:
            old = getattr(self, name)
            new = np.zeros((capacity, *old.shape[1:]), dtype=old.dtype)
            new[:used] = old[:used]
            setattr(self, name, new)
