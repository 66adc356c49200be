"""Dedupe stage: exact repeats by id and by content hash."""

from __future__ import annotations

from dataclasses import dataclass, field

STAGE = "dedupe"
VERSION = "0.1"


@dataclass
class DedupeIndex:
    """What the stage has seen; the caller owns it and persists `entry()` of each new article."""

    by_id: dict[str, str] = field(default_factory=dict)
    by_hash: dict[str, str] = field(default_factory=dict)

    def entry(self, article_id: str) -> dict:
        return {"id": article_id, "content_hash": self.by_id[article_id]}

    def load(self, entry: dict) -> None:
        self.by_id[entry["id"]] = entry["content_hash"]
        self.by_hash.setdefault(entry["content_hash"], entry["id"])


def _duplicate(record: dict, of: str, reason: str) -> dict:
    return {
        "schema_version": 1,
        "id": record["id"],
        "status": "duplicate",
        "source": record.get("source"),
        "fetched_at": record.get("fetched_at"),
        "title": record.get("title"),
        "duplicate_of": of,
        "similarity": 1.0,
        "reason": reason,
        "content_hash": record["content_hash"],
        "pipeline": {**record["pipeline"], STAGE: {"version": VERSION}},
    }


def dedupe(record: dict, index: DedupeIndex, now: float) -> dict:
    """A clean record -> a unique record (remembered in `index`) or a duplicate record."""
    if record["id"] in index.by_id:
        return _duplicate(record, record["id"], "same_id")
    first = index.by_hash.get(record["content_hash"])
    if first is not None:
        return _duplicate(record, first, "same_content")
    index.load({"id": record["id"], "content_hash": record["content_hash"]})
    return {**record, "status": "unique", "pipeline": {**record["pipeline"], STAGE: {"version": VERSION}}}
