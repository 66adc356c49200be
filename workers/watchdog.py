"""The stall watchdog: a partition that has consumer lag while its owner makes no progress on it
(no message read or acknowledged, no commit) is logged and fetched again from its committed
offset. With a message in flight it waits longer and logs every agent's stack as well. A
partition whose committed offset was never handed to the agent (later offsets acknowledged,
that one neither acknowledged nor in flight) makes no progress however busy the agent is.

Faust and aiokafka have lost track of partitions before (paused after a rebalance and never
resumed; a fetch position past a gap that is never acknowledged): the group then shows lag
while the worker sits idle until its next restart. Re-reading from the committed offset is
safe here: every agent's output is keyed and a redelivered article gets its stored outcome.

A partition whose lag is only offsets that hold no record for a read_committed consumer (the
markers of a transactional producer, one offset per transaction, and its aborted records) makes
no progress either: no message comes to acknowledge, so the committed offset stays below the
last marker for good (robinhood/faust#401; UltimateSoftware/surge#91). Before fetching such a
partition again, `holds_records` reads its lag with a consumer of its own; when nothing there is
a record, the end offset is committed.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass, field
from typing import Any, Iterable

log = logging.getLogger(__name__)

CHECK_SECONDS = 5.0
# No progress for this long with lag and nothing in flight: fetch again.
STALL_SECONDS = 10.0
# No progress for this long with a message in flight: the agent (or faust's bookkeeping of that
# message) is stuck; log every agent's stack and fetch again. Longer than any NER batch we measured
# on a loaded 2-core machine (about 5 s for 16 articles), so a slow batch is not taken for a stall.
STUCK_SECONDS = 60.0


# Table recovery that reads nothing from its changelogs for this long is stuck (the dev runs restore
# 30,000 dedupe entries in 7-8 s): the worker exits (shutdown.EXIT_RECOVERY_STALLED) to be restarted.
RECOVERY_STALL_SECONDS = 60.0


@dataclass
class RecoveryStallDetector:
    """Whether faust's table recovery is stuck: in recovery, with changelog records left to read,
    and that count unchanged for `stall_seconds`.

    Seen in the fault suite about once in 15 takeovers: the survivor's recovery logs "No event
    received for active tp ... since recovery start" forever, while aiokafka's fetcher waits for an
    assignment it never gets (a task dump: `Fetcher._fetch_requests_routine` with no subscription).
    Nothing is lost (nothing past the recovery was processed or committed), but only a new consumer
    (a restart) gets out of it. Pure bookkeeping; the worker's watchdog timer feeds it."""

    stall_seconds: float = RECOVERY_STALL_SECONDS
    since: tuple[int, float] | None = None  # (records left, when that count was first seen)

    def stalled(self, in_recovery: bool, remaining: int, now: float) -> bool:
        """`remaining`: changelog records the recovery still has to read; `now` in seconds
        (monotonic)."""
        if not in_recovery or remaining <= 0:
            self.since = None
            return False
        if self.since is None or self.since[0] != remaining:
            self.since = (remaining, now)
            return False
        return now - self.since[1] >= self.stall_seconds


# The progress of a partition whose committed offset was never handed to the agent: it stays
# the same however many later messages are acknowledged, so the window runs out and the
# partition is fetched again from the committed offset.
HOLE = ("hole at the committed offset",)


def _hole(committed: int, acked: list[int] | None, lowest_in_flight: int | None) -> bool:
    """True when later offsets are acknowledged but the committed one is neither acknowledged
    nor in flight: the fetcher jumped over it, and no commit can pass it."""
    return bool(acked) and min(acked) > committed and (lowest_in_flight is None or lowest_in_flight > committed)


@dataclass
class StallDetector:
    """Which partitions are stalled: lag > 0 and no progress (committed offset, highest
    acknowledged offset, read offset) for `stall_seconds`, or for `stuck_seconds` when one of
    their messages is in flight. Pure bookkeeping; `Watchdog` feeds it."""

    stall_seconds: float = STALL_SECONDS
    stuck_seconds: float = STUCK_SECONDS
    since: dict[Any, tuple[Any, float]] = field(default_factory=dict)

    def stalled(self, observed: Iterable[tuple[Any, int | None, int, Any, bool]], now: float) -> list[Any]:
        """`observed`: (partition, committed offset or None, end offset, progress, in flight) where
        `progress` is any comparable summary of the partition's activity (it changes when a message
        is read or acknowledged) and `in flight` says a message of it is delivered, not yet
        acknowledged. A stalled partition's clock restarts once reported, so it is reported every
        window while it stays stalled. `now` in seconds (monotonic)."""
        found = []
        seen = set()
        for tp, committed, end, progress, in_flight in observed:
            seen.add(tp)
            lag = end - (committed or 0)
            state = (committed, progress)
            previous = self.since.get(tp)
            if lag <= 0 or previous is None or previous[0] != state:
                self.since[tp] = (state, now)
                continue
            if now - previous[1] >= (self.stuck_seconds if in_flight else self.stall_seconds):
                found.append(tp)
                self.since[tp] = (state, now)
        for tp in set(self.since) - seen:  # partitions this worker no longer owns
            del self.since[tp]
        return found


class Watchdog:
    """Checks the worker's input partitions every CHECK_SECONDS (an app timer calls `check`)."""

    def __init__(self, app: Any, topics: Iterable[str], stall_seconds: float = STALL_SECONDS,
                 stuck_seconds: float = STUCK_SECONDS, bootstrap: str | None = None):
        self.app = app
        self.topics = set(topics)
        self.bootstrap = bootstrap  # for `holds_records`; None: every stalled partition is fetched again
        self.detector = StallDetector(stall_seconds, stuck_seconds)
        self.recovery = RecoveryStallDetector()

    def recovery_stalled(self) -> int | None:
        """The changelog records left when faust's table recovery has read none of them for
        `RecoveryStallDetector.stall_seconds`, else None."""
        recovery = getattr(self.app.tables, "recovery", None)
        in_recovery = bool(getattr(recovery, "in_recovery", False))
        remaining = recovery.active_remaining_total() if in_recovery else 0
        return remaining if self.recovery.stalled(in_recovery, remaining, time.monotonic()) else None

    def observe(self, tps: list[Any], ends: dict[Any, int]) -> list[tuple[Any, int | None, int, Any, bool]]:
        """The detector's input from faust's consumer bookkeeping (committed offsets of its
        assignment, acknowledged offsets, read offsets, unacknowledged messages)."""
        consumer = self.app.consumer
        committed = getattr(consumer, "_committed_offset", {})
        acked = getattr(consumer, "_acked", {})
        read = getattr(consumer, "_read_offset", {})
        lowest_in_flight: dict[Any, int] = {}
        for message in list(getattr(consumer, "_unacked_messages", ())):
            lowest_in_flight[message.tp] = min(message.offset, lowest_in_flight.get(message.tp, message.offset))
        # one agent reads all partitions of a topic, in arrival order: while it acknowledges any
        # of them it is working, and a partition whose messages wait behind the others is not stuck
        done = {tp: max(acked.get(tp) or [-1]) for tp in tps}
        by_topic = {topic: tuple(done[tp] for tp in tps if tp.topic == topic) for topic in {tp.topic for tp in tps}}
        observed = []
        for tp in tps:
            if _hole(committed.get(tp) or 0, acked.get(tp), lowest_in_flight.get(tp)):
                # what is in flight is past the hole: the short window applies
                observed.append((tp, committed.get(tp), ends.get(tp) or 0, HOLE, False))
            else:
                progress = (by_topic[tp.topic], read.get(tp))
                observed.append((tp, committed.get(tp), ends.get(tp) or 0, progress, tp in lowest_in_flight))
        return observed

    async def check(self) -> list[Any]:
        """Fetch every stalled partition again from its committed offset; the stalled ones."""
        consumer = self.app.consumer
        tps = [tp for tp in consumer.assignment() if tp.topic in self.topics]
        if not tps or self.busy_elsewhere():
            self.detector.since.clear()  # a rebalance or table recovery is no stall: start over
            return []
        observed = self.observe(tps, await consumer.highwaters(*tps))
        stalled = self.detector.stalled(observed, time.monotonic())
        details = {tp: (committed, end, in_flight) for tp, committed, end, _p, in_flight in observed}
        for tp in stalled:
            committed, end, in_flight = details[tp]
            offset = committed or 0
            if not in_flight and self.bootstrap and not await holds_records(self.bootstrap, tp, offset, end):
                log.info("watchdog: offsets %d..%d of %s:%d hold no record (transaction markers, aborted "
                         "transactions): committed %d", offset, end - 1, tp.topic, tp.partition, end)
                await consumer._commit_offsets({tp: end})
                continue
            log.warning(
                "watchdog: %s:%d has lag %d and made no progress for %.0f s%s: fetching again from "
                "offset %d", tp.topic, tp.partition, end - offset,
                self.detector.stuck_seconds if in_flight else self.detector.stall_seconds,
                " with a message in flight" if in_flight else "", offset,
            )
            if in_flight:
                self.log_stuck(tp)
            consumer.resume_partitions([tp])
            await consumer.seek(tp, offset)
        return stalled

    def log_stuck(self, tp: Any) -> None:
        """Log the in-flight messages of `tp` and every agent's stack: where the work waits."""
        consumer = self.app.consumer
        waiting = sorted(m.offset for m in list(getattr(consumer, "_unacked_messages", ())) if m.tp == tp)
        try:
            stacks = self.app.agents.human_tracebacks()
        except Exception as error:  # noqa: BLE001 - diagnostics only
            stacks = repr(error)
        log.warning("watchdog: offsets %s of %s:%d in flight without progress; agents:\n%s",
                    waiting[:20], tp.topic, tp.partition, stacks)

    def busy_elsewhere(self) -> bool:
        """True while faust rebalances or restores tables: it pauses the streams on purpose then,
        and resuming them would let agents run on state not restored yet."""
        app = self.app
        return bool(getattr(app, "rebalancing", False) or getattr(app, "in_recovery", False)
                    or getattr(getattr(app.tables, "recovery", None), "in_recovery", False))


PROBE_SECONDS = 10.0


async def holds_records(bootstrap: str, tp: Any, start: int, end: int, timeout: float = PROBE_SECONDS) -> bool:
    """Whether offsets `start`..`end`-1 of `tp` hold a record a read_committed consumer is given
    (False when they are only transaction markers and aborted records), read by a consumer of its
    own (no group). True when that cannot be told within `timeout` seconds (a broker away or
    paused): the caller then treats the partition as any stalled one."""
    from aiokafka import AIOKafkaConsumer, TopicPartition

    partition = TopicPartition(tp.topic, tp.partition)
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False,
                                isolation_level="read_committed", request_timeout_ms=int(timeout * 1000))

    async def read() -> bool:
        await consumer.start()
        consumer.assign([partition])
        consumer.seek(partition, start)
        while True:
            batches = await consumer.getmany(partition, timeout_ms=500)
            if any(message.offset < end for message in batches.get(partition, ())):
                return True
            if await consumer.position(partition) >= end:
                return False

    try:
        return await asyncio.wait_for(read(), timeout)
    except Exception as error:  # noqa: BLE001 - cannot tell: fetch the partition again as before
        log.warning("watchdog: could not read %s:%d from %d (%r)", tp.topic, tp.partition, start, error)
        return True
    finally:
        try:
            await asyncio.wait_for(consumer.stop(), timeout)
        except Exception as error:  # noqa: BLE001 - diagnostics only
            log.info("watchdog: the probe consumer did not stop cleanly (%r)", error)
