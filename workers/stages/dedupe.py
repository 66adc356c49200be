"""Dedupe stage: exact repeats by id and by content hash, near duplicates by MinHash LSH.

The caller owns the `DedupeIndex` (state is never a module global). After every unique article
it persists `index.entry(id)` (e.g. in a Faust table backed by a changelog topic); after a
restart it rebuilds the index with `index.load(entry)` for every stored entry, and it calls
`index.expire(before)` now and then and deletes the returned ids from its table.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from datasketch import MinHashLSH

from workers.stages import similarity

STAGE = "dedupe"
VERSION = "0.2"

DEFAULT_THRESHOLD = 0.7
DEFAULT_NUM_PERM = 128
DEFAULT_SHINGLE_SIZE = 3
DEFAULT_RETENTION_SECONDS = 7 * 86400.0
DEFAULT_CONTAINMENT = 0.9
CONTAINMENT_JACCARD_MARGIN = 0.1


@dataclass(slots=True)
class _Seen:
    content_hash: str
    signature: np.ndarray | None  # uint32 MinHash values; None when the body had no words
    seen_at: float
    shingles: int  # size of the shingle set (0 = unknown), for the containment estimate


class DedupeIndex:
    """What the stage has seen: ids, content hashes and MinHash signatures of unique articles.

    threshold: Jaccard similarity of body shingle sets at or above which an article is a near
        duplicate of an earlier one (checked on the full stored signature, not just LSH bands).
    num_perm: MinHash permutations (signature length; 4 bytes each in `entry`).
    retention_seconds: how long the caller should keep entries (`expire(now - retention)`).
    shingle_size: words per shingle.
    containment: also a near duplicate when the smaller shingle set is at least this much
        contained in the other and the Jaccard is within CONTAINMENT_JACCARD_MARGIN of the
        threshold (an article re-sent with a paragraph added or dropped, or with leftover page
        chrome); None disables it.
    """

    def __init__(
        self,
        threshold: float = DEFAULT_THRESHOLD,
        num_perm: int = DEFAULT_NUM_PERM,
        retention_seconds: float = DEFAULT_RETENTION_SECONDS,
        shingle_size: int = DEFAULT_SHINGLE_SIZE,
        containment: float | None = DEFAULT_CONTAINMENT,
    ) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError("threshold must be in (0, 1]")
        self.threshold = threshold
        self.num_perm = num_perm
        self.retention_seconds = retention_seconds
        self.shingle_size = shingle_size
        self.containment = containment
        # LSH only proposes candidates; every candidate is verified on the full signature, so
        # the bands are tuned low (and against false negatives) to keep recall at the threshold.
        self._lsh = MinHashLSH(
            threshold=max(0.3, threshold - 0.25), num_perm=num_perm, weights=(0.2, 0.8)
        )
        self._seen: dict[str, _Seen] = {}
        self._by_hash: dict[str, str] = {}
        self._hash_extra: dict[str, list[str]] = {}  # later ids loaded with an already-known hash

    # -- state ------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._seen)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._seen

    def entry(self, article_id: str) -> dict:
        """The compact, orjson-serialisable state of one remembered article."""
        seen = self._seen[article_id]
        return {
            "id": article_id,
            "content_hash": seen.content_hash,
            "seen_at": seen.seen_at,
            "signature": None if seen.signature is None else similarity.encode_u32(seen.signature),
            "shingles": seen.shingles,
        }

    def load(self, entry: dict) -> None:
        """Remember an article from its `entry()` (restore after a restart, or replay)."""
        article_id = entry["id"]
        signature = entry.get("signature")
        values = similarity.decode_u32(signature) if signature else None
        if values is not None and len(values) != self.num_perm:
            values = None  # written with another num_perm: keep the exact checks only
        self.remember(
            article_id,
            entry["content_hash"],
            values,
            float(entry["seen_at"]),
            int(entry.get("shingles") or 0),
        )

    def expire(self, before: float) -> list[str]:
        """Forget articles seen before `before`; returns their ids so the caller drops them too."""
        old = [article_id for article_id, seen in self._seen.items() if seen.seen_at < before]
        for article_id in old:
            self.forget(article_id)
        return old

    def memory_bytes(self) -> int:
        """A rough estimate of the in-process size (calibrated with tracemalloc in the bench)."""
        per_article = 400 + self.num_perm * 4 + self._lsh.b * 330
        return len(self._seen) * per_article

    def remember(
        self,
        article_id: str,
        content_hash: str,
        values: np.ndarray | None,
        seen_at: float,
        shingles: int = 0,
    ) -> None:
        """Index one unique article (what `dedupe` does after a miss, and `load` on restore)."""
        if article_id in self._seen:
            self.forget(article_id)
        self._seen[article_id] = _Seen(content_hash, values, seen_at, shingles)
        first = self._by_hash.get(content_hash)
        if first is None:
            self._by_hash[content_hash] = article_id
        else:
            if self._seen[first].seen_at > seen_at:
                self._by_hash[content_hash], article_id_extra = article_id, first
            else:
                article_id_extra = article_id
            self._hash_extra.setdefault(content_hash, []).append(article_id_extra)
        if values is not None:
            self._lsh.insert(article_id, similarity.minhash_from_values(values), check_duplication=False)

    def forget(self, article_id: str) -> None:
        seen = self._seen.pop(article_id)
        extra = self._hash_extra.get(seen.content_hash)
        if extra and article_id in extra:
            extra.remove(article_id)
        elif self._by_hash.get(seen.content_hash) == article_id:
            del self._by_hash[seen.content_hash]
            if extra:  # another remembered article has the same content: it becomes the first
                self._by_hash[seen.content_hash] = min(extra, key=lambda i: self._seen[i].seen_at)
                extra.remove(self._by_hash[seen.content_hash])
        if extra is not None and not extra:
            del self._hash_extra[seen.content_hash]
        if seen.signature is not None:
            self._lsh.remove(article_id)

    # -- lookups ----------------------------------------------------------------------------

    def first_with_hash(self, content_hash: str) -> str | None:
        return self._by_hash.get(content_hash)

    def signature(self, body: str):
        """(MinHash of the body's word shingles, number of shingles); (None, 0) without words."""
        items = similarity.shingles(similarity.words(body), self.shingle_size)
        return (similarity.minhash(items, self.num_perm), len(items)) if items else (None, 0)

    def is_near(self, jaccard: float, shingles_a: int, shingles_b: int) -> bool:
        if jaccard >= self.threshold:
            return True
        if self.containment is None or not shingles_a or not shingles_b:
            return False
        if jaccard < self.threshold - CONTAINMENT_JACCARD_MARGIN:
            return False
        shared = jaccard * (shingles_a + shingles_b) / (1.0 + jaccard)
        return shared / min(shingles_a, shingles_b) >= self.containment

    def nearest(self, minhash, shingles: int = 0) -> tuple[str, float] | None:
        """The first-seen remembered article that `minhash` nearly duplicates, and the
        Jaccard estimated on the full signatures (LSH candidates are always verified)."""
        best: tuple[float, float, str] | None = None
        for candidate in self._lsh.query(minhash):
            seen = self._seen[candidate]
            score = similarity.signature_jaccard(seen.signature, minhash.hashvalues)
            if self.is_near(score, shingles, seen.shingles):
                key = (seen.seen_at, -score, candidate)
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
    minhash, shingles = index.signature(record["body"])
    if minhash is not None:
        found = index.nearest(minhash, shingles)
        if found is not None:
            return _duplicate(record, found[0], "near_duplicate", found[1])
    values = None if minhash is None else np.asarray(minhash.hashvalues, dtype=np.uint32)
    index.remember(article_id, record["content_hash"], values, now, shingles)
    return {
        **record,
        "status": "unique",
        "pipeline": {**record["pipeline"], STAGE: {"version": VERSION}},
    }
