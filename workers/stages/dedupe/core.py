"""Dedupe stage: exact repeats by id and by content hash, near duplicates by MinHash + LSH bands.

The caller owns the `DedupeIndex` (state is never a module global). After every unique article
it persists `index.entry(id)` (e.g. in a Faust table backed by a changelog topic); after a
restart it rebuilds the index with `index.load(entry)` for every stored entry, and it calls
`index.expire(before)` now and then and deletes the returned ids from its table.

Layout (lean enough for ~1-2 KB per article): every remembered article has an internal slot
number; its MinHash signature is one row of a uint32 matrix and its arrival time one float in a
column. LSH is an own band index: each of `bands` bands of `rows` signature values becomes one
64-bit key, and all (key, slot) pairs live in two sorted numpy arrays (searched with
searchsorted, behind a bitmap over the keys' top bits that most lookups miss) plus a small dict
of recent inserts that is merged in batches. Every candidate is
verified on the full signature. Forgotten slots are tombstones until a compaction renumbers
the live ones in arrival order, which also keeps `expire` proportional to what it drops.
"""

from __future__ import annotations

import math

import numpy as np

from workers.stages import similarity
from workers.stages.clean.sections import article_text

STAGE = "dedupe"
VERSION = "0.3"
# "v" of `entry()`: the MinHash scheme of the stored signature. An entry without it (or with
# another one) keeps its exact checks (id, content hash) but its signature is not comparable.
ENTRY_VERSION = similarity.MINHASH_SCHEME_VERSION

DEFAULT_THRESHOLD = 0.7
DEFAULT_NUM_PERM = 128
DEFAULT_SHINGLE_SIZE = 3
DEFAULT_CONTAINMENT = 0.9
CONTAINMENT_JACCARD_MARGIN = 0.1
# Words of a body that make its signature: far beyond any article, and it bounds the hashing
# tables of `similarity` (a page of pasted logs must not make them grow without limit).
MAX_SIGNATURE_WORDS = 50_000
LSH_MISS_PROBABILITY = 0.001  # at the lowest Jaccard that can still be a near duplicate

_MIN_CAPACITY = 1024
_MIN_DEAD_FOR_COMPACTION = 1024
_BLOOM_BITS_PER_KEY = 16
_U6 = np.uint64(6)
_U63 = np.uint64(63)
_ONE = np.uint64(1)


def choose_bands(num_perm: int, lowest: float, miss: float = LSH_MISS_PROBABILITY) -> tuple[int, int]:
    """(bands, rows): the most rows per band (fewest chance candidates) such that two sets of
    Jaccard `lowest` share no band with probability <= `miss`."""
    lowest = min(max(lowest, 0.01), 1.0)
    best = (num_perm, 1)
    for rows in range(1, num_perm + 1):
        bands = num_perm // rows
        if (1.0 - lowest**rows) ** bands <= miss:
            best = (bands, rows)
        else:
            break
    return best


class DedupeIndex:
    """What the stage has seen: ids, content hashes and MinHash signatures of unique articles.

    threshold: Jaccard similarity of body shingle sets at or above which an article is a near
        duplicate of an earlier one (checked on the full stored signature, not just LSH bands).
    num_perm: MinHash permutations (signature length; 4 bytes each in `entry`).
    shingle_size: words per shingle.
    containment: also a near duplicate when the smaller shingle set is at least this much
        contained in the other and the Jaccard is within CONTAINMENT_JACCARD_MARGIN of the
        threshold (an article re-sent with a paragraph added or dropped, or with leftover page
        chrome); None disables it.
    bands: (bands, rows) of the LSH index; by default `choose_bands` for the lowest Jaccard
        that can be a near duplicate.
    """

    def __init__(
        self,
        threshold: float = DEFAULT_THRESHOLD,
        num_perm: int = DEFAULT_NUM_PERM,
        shingle_size: int = DEFAULT_SHINGLE_SIZE,
        containment: float | None = DEFAULT_CONTAINMENT,
        bands: tuple[int, int] | None = None,
    ) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError("threshold must be in (0, 1]")
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle_size = shingle_size
        self.containment = containment
        self._lowest = threshold - CONTAINMENT_JACCARD_MARGIN if containment is not None else threshold
        self.bands, self.rows = bands or choose_bands(num_perm, self._lowest)
        if self.bands * self.rows > num_perm:
            raise ValueError("bands * rows must not exceed num_perm")
        label = "newsfeed/dedupe/band"
        self._band_mult = np.array(
            [similarity._constant(f"{label}/row/{j}") | 1 for j in range(self.rows)], dtype=np.uint64
        )
        self._band_salt = np.array(
            [similarity._constant(f"{label}/salt/{i}") for i in range(self.bands)], dtype=np.uint64
        )
        # per slot (columns grow together; slots [0, _tail) are used)
        self._sigs = np.zeros((0, num_perm), dtype=np.uint32)
        self._seen_at = np.zeros(0, dtype=np.float64)
        self._shingles = np.zeros(0, dtype=np.int32)
        self._alive = np.zeros(0, dtype=bool)
        self._has_sig = np.zeros(0, dtype=bool)
        self._ids: list[str | None] = []
        self._hashes: list[str | None] = []
        self._tail = 0
        self._head = 0  # every slot below is dead (expired)
        self._dead = 0  # dead slots below _tail
        self._ordered = True  # seen_at is non-decreasing over slots [0, _tail)
        self._max_seen = -math.inf
        self._slot: dict[str, int] = {}
        self._by_hash: dict[str, str] = {}
        self._hash_extra: dict[str, list[str]] = {}  # later ids loaded with an already-known hash
        # band index: sorted keys with their slots, plus recent inserts not merged yet
        self._keys = np.zeros(0, dtype=np.uint64)
        self._key_slots = np.zeros(0, dtype=np.int32)
        self._pending: dict[int, int | list[int]] = {}
        # a bitmap over the top bits of the merged keys (~_BLOOM_BITS_PER_KEY bits per key):
        # most query keys miss it and skip the binary search of the big sorted array
        self._bloom = np.zeros(1 << 10, dtype=np.uint64)
        self._bloom_shift = np.uint64(64 - 16)
        self._pending_keys: list[np.ndarray] = []
        self._pending_slots: list[int] = []

    # -- state ------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._slot)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._slot

    def entry(self, article_id: str) -> dict:
        """The compact, orjson-serialisable state of one remembered article."""
        slot = self._slot[article_id]
        return {
            "id": article_id,
            "content_hash": self._hashes[slot],
            "seen_at": float(self._seen_at[slot]),
            "signature": similarity.encode_u32(self._sigs[slot]) if self._has_sig[slot] else None,
            "shingles": int(self._shingles[slot]),
            "v": ENTRY_VERSION,
        }

    def load(self, entry: dict) -> None:
        """Remember an article from its `entry()` (restore after a restart, or replay)."""
        signature = entry.get("signature")
        values = None
        if signature and entry.get("v") == ENTRY_VERSION:
            values = similarity.decode_u32(signature)
            if len(values) != self.num_perm:
                values = None  # written with another num_perm: keep the exact checks only
        self.remember(
            entry["id"],
            entry["content_hash"],
            values,
            float(entry["seen_at"]),
            int(entry.get("shingles") or 0),
        )

    def expire(self, before: float) -> list[str]:
        """Forget articles seen before `before`; returns their ids so the caller drops them too.

        Slots are kept in arrival order, so this costs O(expired) (after a restore that loaded
        entries out of order, the first call sorts once)."""
        if not self._ordered:
            self._compact()
        head, tail = self._head, self._tail
        end = head + int(np.searchsorted(self._seen_at[head:tail], before, side="left"))
        slots = (np.flatnonzero(self._alive[head:end]) + head).tolist()
        old = [self._ids[slot] for slot in slots]
        for slot, article_id in zip(slots, old):
            del self._slot[article_id]
            self._drop(slot, article_id)
        self._head = end
        self._maybe_compact()
        return old

    def memory_bytes(self) -> int:
        """A rough estimate of the in-process size (calibrated with tracemalloc in the bench)."""
        arrays = sum(
            a.nbytes
            for a in (self._sigs, self._seen_at, self._shingles, self._alive, self._has_sig, self._keys, self._key_slots,
                      self._bloom)
        )
        python = 420 * len(self) + 110 * len(self._pending) + 16 * len(self._ids)
        return arrays + python

    def remember(
        self,
        article_id: str,
        content_hash: str,
        values: np.ndarray | None,
        seen_at: float,
        shingles: int = 0,
    ) -> None:
        """Index one unique article (what `dedupe` does after a miss, and `load` on restore)."""
        if article_id in self._slot:
            self.forget(article_id)
        slot = self._tail
        if slot >= len(self._seen_at):
            self._resize(max(_MIN_CAPACITY, slot + slot // 2))
        self._tail = slot + 1
        self._ids.append(article_id)
        self._hashes.append(content_hash)
        self._seen_at[slot] = seen_at
        self._shingles[slot] = shingles
        self._alive[slot] = True
        if seen_at < self._max_seen:
            self._ordered = False
        else:
            self._max_seen = seen_at
        self._slot[article_id] = slot
        first = self._by_hash.get(content_hash)
        if first is None:
            self._by_hash[content_hash] = article_id
        else:
            if self._seen_at[self._slot[first]] > seen_at:
                self._by_hash[content_hash], article_id_extra = article_id, first
            else:
                article_id_extra = article_id
            self._hash_extra.setdefault(content_hash, []).append(article_id_extra)
        if values is not None:
            self._sigs[slot] = values
            self._has_sig[slot] = True
            self._add_to_bands(slot, self._band_keys(self._sigs[slot : slot + 1])[0])
        else:
            self._has_sig[slot] = False

    def forget(self, article_id: str) -> None:
        slot = self._slot.pop(article_id)
        self._drop(slot, article_id)
        self._maybe_compact()

    def signature_of(self, article_id: str) -> np.ndarray | None:
        """The stored MinHash signature of a remembered article (None without one)."""
        slot = self._slot[article_id]
        return self._sigs[slot].copy() if self._has_sig[slot] else None

    # -- internals --------------------------------------------------------------------------

    def _drop(self, slot: int, article_id: str) -> None:
        """Tombstone a slot (already removed from `_slot`) and fix the content-hash lookups."""
        content_hash = self._hashes[slot]
        extra = self._hash_extra.get(content_hash)
        if extra and article_id in extra:
            extra.remove(article_id)
        elif self._by_hash.get(content_hash) == article_id:
            del self._by_hash[content_hash]
            if extra:  # another remembered article has the same content: it becomes the first
                first = min(extra, key=lambda i: self._seen_at[self._slot[i]])
                self._by_hash[content_hash] = first
                extra.remove(first)
        if extra is not None and not extra:
            del self._hash_extra[content_hash]
        self._alive[slot] = False
        self._ids[slot] = None
        self._hashes[slot] = None
        self._dead += 1

    def _resize(self, capacity: int) -> None:
        used = self._tail
        for name in ("_sigs", "_seen_at", "_shingles", "_alive", "_has_sig"):
            old = getattr(self, name)
            new = np.zeros((capacity, *old.shape[1:]), dtype=old.dtype)
            new[:used] = old[:used]
            setattr(self, name, new)

    def _band_keys(self, sigs: np.ndarray) -> np.ndarray:
        """(n, num_perm) signatures -> (n, bands) 64-bit band keys (salted per band)."""
        rows = sigs[:, : self.bands * self.rows].reshape(len(sigs), self.bands, self.rows)
        keys = rows.astype(np.uint64) @ self._band_mult
        keys += self._band_salt
        return similarity.fmix64(keys)

    def _add_to_bands(self, slot: int, keys: np.ndarray) -> None:
        pending = self._pending
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
        if len(self._pending_slots) >= min(4096, max(256, len(self._slot) // 32)):
            self._merge_pending()

    def _merge_pending(self) -> None:
        if not self._pending_slots:
            return
        keys = np.concatenate(self._pending_keys)
        slots = np.repeat(np.array(self._pending_slots, dtype=np.int32), self.bands)
        live = self._alive[slots]
        keys, slots = keys[live], slots[live]
        order = np.argsort(keys, kind="stable")
        keys, slots = keys[order], slots[order]
        at = np.searchsorted(self._keys, keys, side="right")
        self._keys = np.insert(self._keys, at, keys)
        self._key_slots = np.insert(self._key_slots, at, slots)
        if len(self._keys) * _BLOOM_BITS_PER_KEY > len(self._bloom) * 64:
            self._rebuild_bloom()
        else:
            self._add_to_bloom(keys)
        self._pending = {}
        self._pending_keys = []
        self._pending_slots = []

    def _bloom_bits(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        position = keys >> self._bloom_shift
        return (position >> _U6).view(np.int64), _ONE << (position & _U63)  # < 2**58: view is safe

    def _add_to_bloom(self, sorted_keys: np.ndarray) -> None:
        for start in range(0, len(sorted_keys), 1 << 18):  # slices: small, cache-warm temporaries
            words, bits = self._bloom_bits(sorted_keys[start : start + (1 << 18)])  # sorted words
            starts = np.flatnonzero(np.concatenate(([True], words[1:] != words[:-1])))
            self._bloom[words[starts]] |= np.bitwise_or.reduceat(bits, starts)

    def _rebuild_bloom(self) -> None:
        log2 = max(16, math.ceil(math.log2(max(1, len(self._keys) * _BLOOM_BITS_PER_KEY))))
        self._bloom = np.zeros(1 << (log2 - 6), dtype=np.uint64)
        self._bloom_shift = np.uint64(64 - log2)
        self._add_to_bloom(self._keys)

    def _candidates(self, keys: np.ndarray) -> np.ndarray:
        """Live slots sharing at least one band key with `keys`."""
        found: list = []
        if len(self._keys):
            words, bits = self._bloom_bits(keys)
            probe = keys[(self._bloom[words] & bits) != 0]
            if len(probe):
                lo = np.searchsorted(self._keys, probe, side="left")
                hit = np.flatnonzero(self._keys[np.minimum(lo, len(self._keys) - 1)] == probe)
                if len(hit):
                    hi = np.searchsorted(self._keys, probe[hit], side="right")
                    for i, end in zip(lo[hit].tolist(), hi.tolist()):
                        found.append(self._key_slots[i:end])
        if self._pending:
            pending = self._pending
            for key in keys.tolist():
                known = pending.get(key)
                if known is not None:
                    found.append(np.atleast_1d(np.asarray(known, dtype=np.int32)))
        if not found:
            return np.zeros(0, dtype=np.int32)
        slots = np.unique(np.concatenate(found))
        return slots[self._alive[slots]]

    def _maybe_compact(self) -> None:
        if self._dead >= max(_MIN_DEAD_FOR_COMPACTION, len(self._slot) // 2):
            self._compact()

    def _compact(self) -> None:
        """Drop dead slots and renumber the live ones in order of seen_at."""
        self._merge_pending()
        live = np.flatnonzero(self._alive[: self._tail])
        order = live[np.argsort(self._seen_at[live], kind="stable")]
        n = len(order)
        remap = np.full(self._tail, -1, dtype=np.int64)
        remap[order] = np.arange(n)
        capacity = max(_MIN_CAPACITY, n + n // 2)
        for name in ("_sigs", "_seen_at", "_shingles", "_alive", "_has_sig"):
            old = getattr(self, name)
            new = np.zeros((capacity, *old.shape[1:]), dtype=old.dtype)
            new[:n] = old[order]
            setattr(self, name, new)
        order_list = order.tolist()
        self._ids = [self._ids[s] for s in order_list]
        self._hashes = [self._hashes[s] for s in order_list]
        self._slot = dict(zip(self._ids, range(n)))
        if len(self._keys):
            moved = remap[self._key_slots]
            keep = moved >= 0
            self._keys = self._keys[keep]
            self._key_slots = moved[keep].astype(np.int32)
            self._rebuild_bloom()
        self._tail, self._head, self._dead = n, 0, 0
        self._ordered = True
        self._max_seen = float(self._seen_at[n - 1]) if n else -math.inf

    # -- lookups ----------------------------------------------------------------------------

    def first_with_hash(self, content_hash: str) -> str | None:
        return self._by_hash.get(content_hash)

    def signature(self, body: str) -> tuple[np.ndarray | None, int]:
        """(MinHash values of the body's word shingles, number of distinct shingles);
        (None, 0) without words."""
        hashes = similarity.shingle_hashes(similarity.words(body)[:MAX_SIGNATURE_WORDS], self.shingle_size)
        if not len(hashes):
            return None, 0
        return similarity.minhash_values(hashes, self.num_perm), len(hashes)

    def is_near(self, jaccard: float, shingles_a: int, shingles_b: int) -> bool:
        if jaccard >= self.threshold:
            return True
        if self.containment is None or not shingles_a or not shingles_b:
            return False
        if jaccard < self.threshold - CONTAINMENT_JACCARD_MARGIN:
            return False
        shared = jaccard * (shingles_a + shingles_b) / (1.0 + jaccard)
        return shared / min(shingles_a, shingles_b) >= self.containment

    def nearest(self, values: np.ndarray, shingles: int = 0) -> tuple[str, float] | None:
        """The first-seen remembered article that the signature `values` nearly duplicates, and
        the Jaccard estimated on the full signatures (LSH candidates are always verified)."""
        values = np.asarray(values, dtype=np.uint32)
        slots = self._candidates(self._band_keys(values[None, :])[0])
        if not len(slots):
            return None
        scores = np.count_nonzero(self._sigs[slots] == values, axis=1) / self.num_perm
        close = np.flatnonzero(scores >= self._lowest - 1e-9)
        best: tuple[float, float, str] | None = None
        for i in close.tolist():
            slot, score = int(slots[i]), float(scores[i])
            if self.is_near(score, shingles, int(self._shingles[slot])):
                key = (float(self._seen_at[slot]), -score, self._ids[slot])
                if best is None or key < best:
                    best = key
        if best is None:
            return None
        return best[2], -best[1]


def _duplicate(record: dict, of: str, reason: str, score: float) -> dict:
    return {
        "schema_version": 1,
        "id": record["id"],
        "status": "duplicate",
        "source": record.get("source"),
        "fetched_at": record.get("fetched_at"),
        "title": record.get("title"),
        "duplicate_of": of,
        "similarity": round(min(1.0, max(0.0, score)), 4),
        "reason": reason,
        "content_hash": record["content_hash"],
        "pipeline": {**record["pipeline"], STAGE: {"version": VERSION}},
    }


def dedupe(record: dict, index: DedupeIndex, now: float) -> dict:
    """A clean record -> a unique record (remembered in `index`) or a duplicate record.

    Order of checks: same id (a redelivery or a re-sent article), same content hash under
    another id, then near duplicates of the body. Duplicates are not remembered, so a later
    article is always compared with (and reported as a duplicate of) the first one seen.
    """
    article_id = record["id"]
    if article_id in index:
        return _duplicate(record, article_id, "same_id", 1.0)
    first = index.first_with_hash(record["content_hash"])
    if first is not None:
        return _duplicate(record, first, "same_content", 1.0)
    # signatures on the article, not its chrome: boilerplate sections (clean.sections) left out
    values, shingles = index.signature(article_text(record.get("paragraphs") or [record["body"]]))
    if values is not None:
        found = index.nearest(values, shingles)
        if found is not None:
            return _duplicate(record, found[0], "near_duplicate", found[1])
    unique = {
        **record,
        "status": "unique",
        "pipeline": {**record["pipeline"], STAGE: {"version": VERSION}},
    }
    # Last, so a record that fails above is never half-remembered.
    index.remember(article_id, record["content_hash"], values, now, shingles)
    return unique
