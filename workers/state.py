"""Stage state that survives restarts: an in-memory index mirrored in a changelogged Faust table,
and the outcome each article got, so a redelivered article gets the very same one again."""

from __future__ import annotations

import logging
from typing import Any, Callable

import faust
import orjson

log = logging.getLogger(__name__)

EXPIRY_INTERVAL_SECONDS = 600.0

# An outcome: (topic role, message value) exactly as it was sent, key = the article id.
Outcome = tuple[str, bytes]


class TableBackedIndex:
    """An in-memory index (DedupeIndex, StoryIndex) mirrored in a changelogged Faust table.

    The table is the durable copy; the index is rebuilt from it whenever partitions move, so a
    restarted or rebalanced worker knows everything the previous owner had seen.

    Each table value is `index.entry(id)` (articles the index holds) or `{"id", "seen_at",
    "indexed": False}` (articles it does not: duplicates, rejections), plus `"outcome": [role,
    value]`, the message the stage sent for that id. Entries written before outcomes were kept
    have none, and are only loaded into the index.
    """

    def __init__(self, table: faust.Table, make_index: Callable[[], Any], retention_seconds: float):
        self.table = table
        self.make_index = make_index
        self.retention_seconds = retention_seconds
        self.index = make_index()
        self.stale = True
        self.next_expiry = 0.0
        self.outcome_only: dict[str, float] = {}  # id -> seen_at of entries not in the index

    def current(self) -> Any:
        """The in-memory index, rebuilt from the table first when partitions moved since the last call
        (entries marked not indexed keep only their outcome and seen_at)."""
        if self.stale:
            self.index = self.make_index()
            self.outcome_only = {}
            for entry in self.table.values():
                if entry.get("indexed", True):
                    self.index.load(entry)
                else:
                    self.outcome_only[entry["id"]] = float(entry["seen_at"])
            self.stale = False
            log.info(
                "rebuilt %s from its table: %d entries, %d more outcomes",
                type(self.index).__name__, len(self.index), len(self.outcome_only),
            )
        return self.index

    def rebuild(self) -> Any:
        """The index rebuilt from the table now, whether or not partitions moved (see `current`)."""
        self.stale = True
        return self.current()

    def outcome(self, article_id: str | None) -> Outcome | None:
        """What the stage sent for `article_id` before, if it remembers: (topic role, value bytes)."""
        if not article_id:
            return None
        entry = self.table.get(article_id)
        stored = entry.get("outcome") if isinstance(entry, dict) else None
        if not stored:
            return None
        role, value = stored
        return role, value.encode("utf-8")

    def remember(self, article_id: str, outcome: Outcome | None = None, now: float = 0.0) -> None:
        """Write `article_id`'s state (its index entry when the index holds it) and outcome to the
        table. Call it before the outcome is sent: a redelivery then re-sends the stored outcome."""
        if article_id not in self.index:
            self.outcome_only[article_id] = now
        self.table[article_id] = stored_entry(self.index, article_id, outcome, now)

    def entry_bytes(self, article_id: str, outcome: Outcome, now: float) -> int:
        """Bytes of the table value `remember` would write (its changelog message's value)."""
        return stored_entry_bytes(self.index, article_id, outcome, now)


    def expire_due(self, now: float) -> None:
        """Drop what is past retention from index and table (a tombstone in the changelog).

        Called from inside the agent's stream iteration: Faust tables can be written only there,
        which is why this is not a timer.
        """
        if now < self.next_expiry:
            return
        self.next_expiry = now + min(EXPIRY_INTERVAL_SECONDS, self.retention_seconds / 4)
        before = now - self.retention_seconds
        expired = self.current().expire(before)
        expired += [article_id for article_id, seen in self.outcome_only.items() if seen < before]
        for article_id in expired:
            self.outcome_only.pop(article_id, None)
            self.table.pop(article_id, None)
        if expired:
            log.info("expired %d %s entries past retention", len(expired), type(self.index).__name__)


def stored_entry(index: Any, article_id: str, outcome: Outcome | None, now: float) -> dict:
    """The table value for `article_id`: `index.entry(id)` when the index holds it, else
    `{"id", "seen_at", "indexed": False}`; plus `"outcome": [role, value as text]` when given."""
    if article_id in index:
        entry = index.entry(article_id)
    else:
        entry = {"id": article_id, "seen_at": now, "indexed": False}
    if outcome is not None:
        role, value = outcome
        entry["outcome"] = [role, value.decode("utf-8")]
    return entry


def stored_entry_bytes(index: Any, article_id: str, outcome: Outcome, now: float) -> int:
    """Bytes of `stored_entry(...)` as the table's json codec writes it (orjson). The outcome is
    a JSON text inside JSON: its quotes, backslashes and newlines are escaped again, so the entry
    can outgrow MAX_MESSAGE_BYTES though the outcome itself fits."""
    return len(orjson.dumps(stored_entry(index, article_id, outcome, now)))
