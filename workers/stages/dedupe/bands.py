"""The LSH band index: band keys of MinHash signatures -> the slots that carry them.

Each of `bands` bands of `rows` signature values becomes one salted 64-bit key. All (key, slot)
pairs live in two sorted numpy arrays, searched with searchsorted behind a bitmap over the keys'
top bits that most lookups miss, plus a small dict of recent inserts merged in batches. Slots are
the row numbers of `slots.SlotTable`; the index never checks liveness itself, the caller passes
its `alive` column.
"""

from __future__ import annotations

import math

import numpy as np

from workers.stages import similarity

_BLOOM_BITS_PER_KEY = 16
_U6 = np.uint64(6)
_U63 = np.uint64(63)
_ONE = np.uint64(1)


class BandIndex:
    """Band keys of remembered signatures and the slots they belong to.

    num_perm: signature length; bands, rows: the banding (bands * rows <= num_perm, else
    ValueError). Keys depend only on the signature values and fixed labels, so they are the same
    in every process.
    """

    def __init__(self, num_perm: int, bands: int, rows: int) -> None:
        if bands * rows > num_perm:
            raise ValueError("bands * rows must not exceed num_perm")
        self.bands, self.rows = bands, rows
        label = "newsfeed/dedupe/band"
        self._mult = np.array([similarity._constant(f"{label}/row/{j}") | 1 for j in range(rows)], dtype=np.uint64)
        self._salt = np.array([similarity._constant(f"{label}/salt/{i}") for i in range(bands)], dtype=np.uint64)
        # merged part: sorted keys with their slots
        self.sorted_keys = np.zeros(0, dtype=np.uint64)
        self.sorted_slots = np.zeros(0, dtype=np.int32)
        # recent inserts not merged yet: key -> slot or [slots]
        self.pending: dict[int, int | list[int]] = {}
        self._pending_keys: list[np.ndarray] = []
        self._pending_slots: list[int] = []
        # a bitmap over the top bits of the merged keys (~_BLOOM_BITS_PER_KEY bits per key):
        # most query keys miss it and skip the binary search of the big sorted array
        self._bloom = np.zeros(1 << 10, dtype=np.uint64)
        self._bloom_shift = np.uint64(64 - 16)

    def nbytes(self) -> int:
        """Bytes of the numpy arrays (the merged keys, their slots, the bitmap)."""
        return self.sorted_keys.nbytes + self.sorted_slots.nbytes + self._bloom.nbytes

    def keys(self, sigs: np.ndarray) -> np.ndarray:
        """(n, num_perm) uint32 signatures -> (n, bands) uint64 band keys (salted per band)."""
        rows = sigs[:, : self.bands * self.rows].reshape(len(sigs), self.bands, self.rows)
        keys = rows.astype(np.uint64) @ self._mult
        keys += self._salt
        return similarity.fmix64(keys)

    def add(self, slot: int, keys: np.ndarray, alive: np.ndarray, live: int) -> None:
        """Index the (bands,) `keys` of `slot`. Pending inserts are merged once there are
        min(4096, max(256, live // 32)) of them (`live`: remembered articles; `alive`: the
        slots' liveness column, dead slots are left out of the merge)."""
        pending = self.pending
        for key in keys.tolist():
            known = pending.get(key)
            if known is None:
                pending[key] = slot
            elif isinstance(known, list):
                known.append(slot)
            else:
                pending[key] = [known, slot]
        self._pending_keys.append(keys)
        self._pending_slots.append(slot)
        if len(self._pending_slots) >= min(4096, max(256, live // 32)):
            self.merge(alive)

    def merge(self, alive: np.ndarray) -> None:
        """Move the pending inserts of live slots into the sorted arrays."""
        if not self._pending_slots:
            return
        keys = np.concatenate(self._pending_keys)
        slots = np.repeat(np.array(self._pending_slots, dtype=np.int32), self.bands)
        live = alive[slots]
        keys, slots = keys[live], slots[live]
        order = np.argsort(keys, kind="stable")
        keys, slots = keys[order], slots[order]
        at = np.searchsorted(self.sorted_keys, keys, side="right")
        self.sorted_keys = np.insert(self.sorted_keys, at, keys)
        self.sorted_slots = np.insert(self.sorted_slots, at, slots)
        if len(self.sorted_keys) * _BLOOM_BITS_PER_KEY > len(self._bloom) * 64:
            self._rebuild_bloom()
        else:
            self._add_to_bloom(keys)
        self.pending = {}
        self._pending_keys = []
        self._pending_slots = []

    def renumber(self, remap: np.ndarray) -> None:
        """After a compaction: `remap[old slot]` is the new slot, -1 for a dropped one. Call
        `merge` first (pending inserts are not renumbered)."""
        if len(self.sorted_keys):
            moved = remap[self.sorted_slots]
            keep = moved >= 0
            self.sorted_keys = self.sorted_keys[keep]
            self.sorted_slots = moved[keep].astype(np.int32)
            self._rebuild_bloom()

    def candidates(self, keys: np.ndarray, alive: np.ndarray) -> np.ndarray:
        """Sorted unique int32 slots, live in `alive`, sharing at least one of the (bands,) `keys`."""
        found = self._merged_hits(keys)
        if self.pending:
            pending = self.pending
            for key in keys.tolist():
                known = pending.get(key)
                if known is not None:
                    found.append(np.atleast_1d(np.asarray(known, dtype=np.int32)))
        if not found:
            return np.zeros(0, dtype=np.int32)
        slots = np.unique(np.concatenate(found))
        return slots[alive[slots]]

    def _merged_hits(self, keys: np.ndarray) -> list[np.ndarray]:
        """Slices of `sorted_slots` whose keys are among `keys` (bitmap first, then searchsorted)."""
        found: list[np.ndarray] = []
        if not len(self.sorted_keys):
            return found
        words, bits = self._bloom_bits(keys)
        probe = keys[(self._bloom[words] & bits) != 0]
        if len(probe):
            lo = np.searchsorted(self.sorted_keys, probe, side="left")
            hit = np.flatnonzero(self.sorted_keys[np.minimum(lo, len(self.sorted_keys) - 1)] == probe)
            if len(hit):
                hi = np.searchsorted(self.sorted_keys, probe[hit], side="right")
                for i, end in zip(lo[hit].tolist(), hi.tolist()):
                    found.append(self.sorted_slots[i:end])
        return found

    def _bloom_bits(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        position = keys >> self._bloom_shift
        return (position >> _U6).view(np.int64), _ONE << (position & _U63)  # < 2**58: view is safe

    def _add_to_bloom(self, sorted_keys: np.ndarray) -> None:
        for start in range(0, len(sorted_keys), 1 << 18):  # slices: small, cache-warm temporaries
            words, bits = self._bloom_bits(sorted_keys[start : start + (1 << 18)])  # sorted words
            starts = np.flatnonzero(np.concatenate(([True], words[1:] != words[:-1])))
            self._bloom[words[starts]] |= np.bitwise_or.reduceat(bits, starts)

    def _rebuild_bloom(self) -> None:
        log2 = max(16, math.ceil(math.log2(max(1, len(self.sorted_keys) * _BLOOM_BITS_PER_KEY))))
        self._bloom = np.zeros(1 << (log2 - 6), dtype=np.uint64)
        self._bloom_shift = np.uint64(64 - log2)
        self._add_to_bloom(self.sorted_keys)
