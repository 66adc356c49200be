"""Stage state that survives restarts: an in-memory index mirrored in a changelogged Faust table."""

from __future__ import annotations

import logging
from typing import Any, Callable

import faust

log = logging.getLogger(__name__)

EXPIRY_INTERVAL_SECONDS = 600.0


class TableBackedIndex:
    """An in-memory index (DedupeIndex, StoryIndex) mirrored in a changelogged Faust table.

    The table is the durable copy; the index is rebuilt from it whenever partitions move, so a
    restarted or rebalanced worker knows everything the previous owner had seen.
    """

    def __init__(self, table: faust.Table, make_index: Callable[[], Any], retention_seconds: float):
        self.table = table
        self.make_index = make_index
        self.retention_seconds = retention_seconds
        self.index = make_index()
        self.stale = True
        self.next_expiry = 0.0

    def current(self) -> Any:
        if self.stale:
            self.index = self.make_index()
            for entry in self.table.values():
                self.index.load(entry)
            self.stale = False
            log.info("rebuilt %s from its table: %d entries", type(self.index).__name__, len(self.index))
        return self.index

    def remember(self, article_id: str) -> None:
        self.table[article_id] = self.index.entry(article_id)

    def expire_due(self, now: float) -> None:
        """Drop what is past retention from index and table (a tombstone in the changelog).

        Called from inside the agent's stream iteration: Faust tables can be written only there,
        which is why this is not a timer.
        """
        if now < self.next_expiry:
            return
        self.next_expiry = now + min(EXPIRY_INTERVAL_SECONDS, self.retention_seconds / 4)
        expired = self.current().expire(now - self.retention_seconds)
        for article_id in expired:
            self.table.pop(article_id, None)
        if expired:
            log.info("expired %d %s entries past retention", len(expired), type(self.index).__name__)
