"""The stall watchdog: a partition that has consumer lag while its owner holds none of its
messages, and whose committed offset does not move, is logged and fetched again from its
committed offset.

Faust and aiokafka have lost track of partitions before (paused after a rebalance and never
resumed; a fetch position past a gap that is never acknowledged): the group then shows lag
while the worker sits idle until its next restart. Re-reading from the committed offset is
safe here: every agent's output is keyed and a redelivered article gets its stored outcome.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Any, Iterable

log = logging.getLogger(__name__)

CHECK_SECONDS = 5.0
STALL_SECONDS = 10.0


@dataclass
class StallDetector:
    """Which partitions are stalled: lag > 0, none of their messages in flight, and the same
    committed offset for `stall_seconds`. Pure bookkeeping; `Watchdog` feeds it."""

    stall_seconds: float = STALL_SECONDS
    since: dict[Any, tuple[int | None, float]] = field(default_factory=dict)

    def stalled(self, observed: Iterable[tuple[Any, int | None, int, bool]], now: float) -> list[Any]:
        """`observed`: (partition, committed offset or None, end offset, messages in flight).
        A stalled partition's clock restarts once reported, so it is reported every
        `stall_seconds` while it stays stalled."""
        found = []
        seen = set()
        for tp, committed, end, busy in observed:
            seen.add(tp)
            lag = end - (committed or 0)
            previous = self.since.get(tp)
            if lag <= 0 or busy or previous is None or previous[0] != committed:
                self.since[tp] = (committed, now)
                continue
            if now - previous[1] >= self.stall_seconds:
                found.append(tp)
                self.since[tp] = (committed, now)
        for tp in set(self.since) - seen:  # partitions this worker no longer owns
            del self.since[tp]
        return found


class Watchdog:
    """Checks the worker's input partitions every CHECK_SECONDS (an app timer calls `check`)."""

    def __init__(self, app: Any, topics: Iterable[str], stall_seconds: float = STALL_SECONDS):
        self.app = app
        self.topics = set(topics)
        self.detector = StallDetector(stall_seconds)

    async def check(self) -> list[Any]:
        consumer = self.app.consumer
        tps = [tp for tp in consumer.assignment() if tp.topic in self.topics]
        if not tps or self.busy_elsewhere():
            self.detector.since.clear()  # a rebalance or table recovery is no stall: start over
            return []
        ends = await consumer.highwaters(*tps)
        # faust keeps the committed offsets of its assignment here (set on assignment and commit)
        committed = getattr(consumer, "_committed_offset", {})
        in_flight = {message.tp for message in list(getattr(consumer, "_unacked_messages", ()))}
        observed = [(tp, committed.get(tp), ends.get(tp) or 0, tp in in_flight) for tp in tps]
        stalled = self.detector.stalled(observed, time.monotonic())
        for tp in stalled:
            offset = committed.get(tp) or 0
            log.warning(
                "watchdog: %s:%d has lag %d but nothing in flight and no commit for %.0f s: "
                "fetching again from offset %d",
                tp.topic, tp.partition, (ends.get(tp) or 0) - offset, self.detector.stall_seconds, offset,
            )
            consumer.resume_partitions([tp])
            await consumer.seek(tp, offset)
        return stalled

    def busy_elsewhere(self) -> bool:
        """True while faust rebalances or restores tables: it pauses the streams on purpose then,
        and resuming them would let agents run on state not restored yet."""
        app = self.app
        return bool(getattr(app, "rebalancing", False) or getattr(app, "in_recovery", False)
                    or getattr(getattr(app.tables, "recovery", None), "in_recovery", False))
