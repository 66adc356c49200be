"""Dedupe stage: exact repeats by id and by content hash, near duplicates by MinHash + LSH bands.

The caller owns the `DedupeIndex` (state is never a module global). After every unique article
it persists `index.entry(id)` (e.g. in a Faust table backed by a changelog topic); after a
restart it rebuilds the index with `index.load(entry)` for every stored entry, and it calls
`index.expire(before)` now and then and deletes the returned ids from its table.

Modules: `rules` (thresholds, the near-duplicate decision, LSH banding), `slots` (per-article
columns: signatures, arrival times, tombstones, compaction), `bands` (the LSH band index),
`exact` (content hash -> first-seen id), `core` (the index that ties them and the stage
function). Every LSH candidate is verified on the full signature.
"""

from __future__ import annotations

import numpy as np

from workers.stages import similarity
from workers.stages.clean.sections import article_text
from workers.stages.dedupe.bands import BandIndex
from workers.stages.dedupe.exact import ContentHashIndex
from workers.stages.dedupe.rules import (
    DEFAULT_CONTAINMENT,
    DEFAULT_NUM_PERM,
    DEFAULT_SHINGLE_SIZE,
    DEFAULT_THRESHOLD,
    MAX_SIGNATURE_WORDS,
    NearRule,
    choose_bands,
)
from workers.stages.dedupe.slots import SlotTable

STAGE = "dedupe"
VERSION = "0.3"
# "v" of `entry()`: the MinHash scheme of the stored signature. An entry without it (or with
# another one) keeps its exact checks (id, content hash) but its signature is not comparable.
ENTRY_VERSION = similarity.MINHASH_SCHEME_VERSION


class DedupeIndex:
    """What the stage has seen: ids, content hashes and MinHash signatures of unique articles.

    threshold, containment: the `rules.NearRule` (Jaccard of body shingle sets, checked on the
        full stored signature, not just LSH bands); ValueError for a threshold outside (0, 1].
    num_perm: MinHash permutations (signature length; 4 bytes each in `entry`).
    shingle_size: words per shingle.
    bands: (bands, rows) of the LSH index; by default `choose_bands` for the lowest Jaccard
        that can be a near duplicate. ValueError when bands * rows > num_perm.
    Collaborators: `rule` (decision), `slots` (columns), `lsh` (band index), `hashes` (exact).
    """

    def __init__(
        self,
        threshold: float = DEFAULT_THRESHOLD,
        num_perm: int = DEFAULT_NUM_PERM,
        shingle_size: int = DEFAULT_SHINGLE_SIZE,
        containment: float | None = DEFAULT_CONTAINMENT,
        bands: tuple[int, int] | None = None,
    ) -> None:
        self.rule = NearRule(threshold, containment)
        self.num_perm = num_perm
        self.shingle_size = shingle_size
        self.lsh = BandIndex(num_perm, *(bands or choose_bands(num_perm, self.rule.lowest)))
        self.slots = SlotTable(num_perm)
        self.hashes = ContentHashIndex(lambda article_id: self.slots.seen_at[self.slots.slot[article_id]])

    @property
    def threshold(self) -> float:
        """The near-duplicate Jaccard threshold of `rule`."""
        return self.rule.threshold

    @property
    def bands(self) -> int:
        """LSH bands of the index (`lsh`)."""
        return self.lsh.bands

    @property
    def rows(self) -> int:
        """Rows (signature values) per LSH band."""
        return self.lsh.rows

    # -- state ------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.slots.slot)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self.slots.slot

    def ids(self) -> list[str]:
        """The ids of the remembered articles (a copy, in no promised order)."""
        return list(self.slots.slot)

    def entry(self, article_id: str) -> dict:
        """The compact, orjson-serialisable state of one remembered article (KeyError when not
        remembered): id, content_hash, seen_at (epoch s), signature (base64 uint32 or None),
        shingles (distinct count) and v (ENTRY_VERSION)."""
        slots = self.slots
        slot = slots.slot[article_id]
        return {
            "id": article_id,
            "content_hash": slots.hashes[slot],
            "seen_at": float(slots.seen_at[slot]),
            "signature": similarity.encode_u32(slots.sigs[slot]) if slots.has_sig[slot] else None,
            "shingles": int(slots.shingles[slot]),
            "v": ENTRY_VERSION,
        }

    def load(self, entry: dict) -> None:
        """Remember an article from its `entry()` (restore after a restart, or replay). A
        signature of another scheme or length is dropped (exact checks only); KeyError without
        id, content_hash or seen_at."""
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
        """Forget articles seen before `before` (epoch s); returns their ids so the caller drops
        them too.

        Slots are kept in arrival order, so this costs O(expired) (after a restore that loaded
        entries out of order, the first call sorts once)."""
        if not self.slots.ordered:
            self._compact()
        slots = self.slots.expiring(before)
        old = [self.slots.ids[slot] for slot in slots]
        for slot, article_id in zip(slots, old):
            self._drop(slot, article_id)
        self._maybe_compact()
        return old

    def memory_bytes(self) -> int:
        """A rough estimate of the in-process size (calibrated with tracemalloc in the bench)."""
        arrays = self.slots.nbytes() + self.lsh.nbytes()
        python = 420 * len(self) + 110 * len(self.lsh.pending) + 16 * len(self.slots.ids)
        return arrays + python

    def remember(
        self,
        article_id: str,
        content_hash: str,
        values: np.ndarray | None,
        seen_at: float,
        shingles: int = 0,
    ) -> None:
        """Index one unique article (what `dedupe` does after a miss, and `load` on restore).

        values: its (num_perm,) uint32 signature or None; seen_at: epoch s; shingles: distinct
        shingle count. An id already remembered is forgotten first."""
        if article_id in self.slots.slot:
            self.forget(article_id)
        slot = self.slots.append(article_id, content_hash, values, seen_at, shingles)
        self.hashes.add(content_hash, article_id, seen_at)
        if values is not None:
            keys = self.lsh.keys(self.slots.sigs[slot : slot + 1])[0]
            self.lsh.add(slot, keys, self.slots.alive, len(self.slots.slot))

    def forget(self, article_id: str) -> None:
        """Forget one remembered article (KeyError when it is not)."""
        self._drop(self.slots.slot[article_id], article_id)
        self._maybe_compact()

    def signature_of(self, article_id: str) -> np.ndarray | None:
        """The stored MinHash signature of a remembered article (None without one)."""
        slot = self.slots.slot[article_id]
        return self.slots.sigs[slot].copy() if self.slots.has_sig[slot] else None

    # -- internals --------------------------------------------------------------------------

    def _drop(self, slot: int, article_id: str) -> None:
        """Tombstone a slot (and its id lookup) and fix the content-hash lookups."""
        self.hashes.drop(self.slots.hashes[slot], article_id)
        self.slots.kill(slot)

    def _maybe_compact(self) -> None:
        if self.slots.wants_compaction():
            self._compact()

    def _compact(self) -> None:
        """Drop dead slots and renumber the live ones in order of seen_at (band index too)."""
        self.lsh.merge(self.slots.alive)
        self.lsh.renumber(self.slots.compact())

    # -- lookups ----------------------------------------------------------------------------

    def first_with_hash(self, content_hash: str) -> str | None:
        """The first-seen remembered article with this content hash, else None."""
        return self.hashes.first(content_hash)

    def signature(self, body: str) -> tuple[np.ndarray | None, int]:
        """(MinHash values of the body's word shingles, number of distinct shingles);
        (None, 0) without words."""
        hashes = similarity.shingle_hashes(similarity.words(body)[:MAX_SIGNATURE_WORDS], self.shingle_size)
        if not len(hashes):
            return None, 0
        return similarity.minhash_values(hashes, self.num_perm), len(hashes)

    def nearest(self, values: np.ndarray, shingles: int = 0) -> tuple[str, float] | None:
        """The first-seen remembered article that the signature `values` nearly duplicates, and
        the Jaccard estimated on the full signatures (LSH candidates are always verified)."""
        values = np.asarray(values, dtype=np.uint32)
        slots = self.lsh.candidates(self.lsh.keys(values[None, :])[0], self.slots.alive)
        if not len(slots):
            return None
        table = self.slots
        scores = np.count_nonzero(table.sigs[slots] == values, axis=1) / self.num_perm
        close = np.flatnonzero(scores >= self.rule.lowest - 1e-9)
        best: tuple[float, float, str] | None = None
        for i in close.tolist():
            slot, score = int(slots[i]), float(scores[i])
            if self.rule.is_near(score, shingles, int(table.shingles[slot])):
                key = (float(table.seen_at[slot]), -score, table.ids[slot])
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
        **({"fetched_at_estimated": record["fetched_at_estimated"]} if "fetched_at_estimated" in record else {}),
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
