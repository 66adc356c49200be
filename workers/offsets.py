"""Committed offsets that never pass an unprocessed message.

faust-streaming 0.15's `Consumer._new_offset` commits the highest run of contiguous acknowledged
offsets, but its check for a message missing at the head of that run is skipped when the group
has no committed offset yet (or 0), and it lets exactly one missing message through (it compares
`min(acked) - committed > 1` against a next-to-read offset). After a rebalance clears the stream
buffers, or with a batch still in flight, that commits past messages nobody processed: they are
lost for good (the fault suite lost 12 this way with two workers). Two guards:

- `commit_start_offsets`: before the worker joins, every input partition without a committed
  offset for the group gets its earliest offset committed, so there is always a reference point;
- `guard_head_gaps`: the consumer refuses to commit while the lowest acknowledged offset is
  above the committed one (a message in between is not done yet), and offsets the fetcher
  jumped over are fetched again, in order, before anything after them (`HeadGapRewind`): faust's
  "gap" filling, meant for compacted topics and transaction markers, would mark them done and
  lose them; the fault suite saw 3 such offsets skipped on several partitions after almost every
  restart (the seek to committed offsets on assignment races a fetch already under way).

faust's own gap test misses two kinds of skipped offsets, so `HeadGapRewind` keeps its own next
expected offset per partition: aiokafka's `seek_to_committed` does not seek at all when the
committed offset is 0 (a fetch position left over from before a rebalance stays, and offset 0
was never handed on: the fault suite's first article on the single-partition clean topic met
dedupe only after a restart, as a duplicate of a later copy), and faust ignores a gap of one
offset or one after a read offset of 0.

The same expected offset drops a message handed on already since the last seek: faust's fetch
loop passes a message equal to its read offset, so a fetch begun before a second seek to the same
position (faust seeks to committed offsets on assignment and again after recovery; a committed 0
is sought each time) handed the last message on twice, and two workers in a calm run enriched an
article twice (CI; here 3 runs in 35 before, 1 in 40 after). A message is dropped so only when
faust has taken it (committed, acknowledged or held by a stream): one handed on during a
rebalance may never be taken (faust's streams skip a message of an earlier consumer generation
and empty their queues when the flow resumes), and dropping its next fetch left the partition to
the watchdog for 10 s (2 runs in 28).

faust's flow control empties every stream queue whenever the flow resumes, also at the end of
a table recovery that resumed the stream partitions before its seek to committed offsets
(faust-streaming/faust#596, open): what was handed on and still queued then is gone while the
fetch position is past it. A second `make run` met it in 3 runs of 13 (7 partitions: the
watchdog's 10 s, then one article re-sent); those partitions are now fetched again from the
lowest emptied offset at once (`refetch_emptied`), and the seek to committed offsets starts
past what a stream took already, so that is not processed a second time.
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from typing import Any, Iterable

from aiokafka import AIOKafkaConsumer, TopicPartition

log = logging.getLogger(__name__)


async def commit_start_offsets(bootstrap: str, group: str, partitions: Iterable[tuple[str, int]]) -> int:
    """Commit the earliest offset of every (topic, partition) that `group` has no committed
    offset for; the number committed. Does nothing (returns 0) when the group is active: a
    running worker already did it when it started."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=group, enable_auto_commit=False)
    await consumer.start()
    try:
        tps = [TopicPartition(topic, p) for topic, p in partitions]
        missing = [tp for tp in tps if await consumer.committed(tp) is None]
        if not missing:
            return 0
        consumer.assign(missing)
        earliest = await consumer.beginning_offsets(missing)
        try:
            await consumer.commit({tp: earliest[tp] for tp in missing})
        except Exception as error:  # noqa: BLE001 - the group is active: its members did this
            log.info("start offsets not committed (%r): the group is active", error)
            return 0
        return len(missing)
    finally:
        await consumer.stop()


class _ReadOffsets(defaultdict):
    """faust's per-partition read offsets (the last offset handed to the streams), held still
    for a partition while `HeadGapRewind` fetches it again from a skipped offset. faust's fetch
    loop drops a message below its read offset, so the offset must not move past the rewind."""

    def __init__(self, rewind: "HeadGapRewind", *args: Any) -> None:
        super().__init__(lambda: None, *args)
        self.rewind = rewind

    def __setitem__(self, tp: Any, offset: Any) -> None:
        if tp not in self.rewind.pending:
            super().__setitem__(tp, offset)


class HeadGapRewind:
    """Messages the fetcher jumped over are fetched again, in order, before anything after them.

    faust's fetch loop calls `_add_gap(tp, first, next)` when a message arrives past the next
    expected offset (`first`..`next-1` were never handed to the streams; it happens when a seek on
    assignment races a fetch that was already under way). faust would mark them done, which
    loses them; leaving them undone makes the commit wait but lets the later messages be
    processed first, which changes outcomes that depend on order (dedupe's "duplicate of the
    earlier one"). Instead: from the gap on, the partition's messages are not handed to the
    streams (they were not tracked yet, so nothing is lost), the fetch position is set back to
    `first`, and delivery resumes when `first` arrives. When the fetch from `first` starts at a
    later offset (the gap is real: deleted by retention), faust's own gap handling takes it.
    """

    def __init__(self, consumer: Any) -> None:
        self.consumer = consumer
        self.pending: dict[Any, int] = {}  # partition -> the offset to deliver next
        self.last_dropped: dict[Any, int] = {}
        self.next_offset: dict[Any, int] = {}  # partition -> the offset that must come next
        self._seeks: set[asyncio.Future] = set()
        self.faust_gap = consumer._add_gap
        self.deliver = consumer.callback

    def expect(self, tp: Any, offset: int | None) -> None:
        """The fetch position of `tp` was set to `offset` (a seek; None: unknown): the next
        message handed on must be that one."""
        if offset is None or offset < 0:
            self.next_offset.pop(tp, None)
        else:
            self.next_offset[tp] = offset

    def _acks_enabled(self, topic: str) -> bool:
        app = getattr(self.consumer, "app", None)
        return app is None or app.topics.acks_enabled_for(topic)  # changelogs: not stream inputs

    async def on_gap(self, tp: Any, offset_from: int, offset_to: int) -> None:
        """faust's `_add_gap`: start a rewind of `tp` to `offset_from` (once per gap). Skipped
        offsets that faust has taken already (a seek to committed offsets moved past them,
        `first_not_taken`) are no gap."""
        offset_from = self.first_not_taken(tp, offset_from)
        if tp in self.pending or offset_from >= offset_to:
            return
        log.warning("offsets %d..%d of %s:%d skipped by the fetcher: fetching again from %d",
                    offset_from, offset_to - 1, tp.topic, tp.partition, offset_from)
        self.hold(tp, offset_from)
        await self.consumer._seek(tp, offset_from)

    def hold(self, tp: Any, offset: int) -> None:
        """Hand nothing of `tp` on until `offset` arrives (the caller seeks it there)."""
        self.pending[tp] = offset
        self.last_dropped.pop(tp, None)
        dict.__setitem__(self.consumer._read_offset, tp, offset - 1 if offset > 1 else None)

    def refetch_emptied(self, messages: Iterable[Any], assigned: set) -> dict[Any, int]:
        """faust's flow control empties every stream queue whenever the flow resumes, also at
        the end of a table recovery that never suspended it (`Recovery.on_recovery_completed`
        resumes the stream partitions, awaits the seek to committed offsets, then resumes the
        flow): `messages`, handed on but not taken by a stream, are gone while the fetch position
        is past them, and their partitions waited for the watchdog (10 s) with lag. Each
        partition of `assigned` is fetched again from its lowest such offset not taken since;
        {partition: that offset}."""
        lowest: dict[Any, int] = {}
        for message in messages:
            tp, offset = message.tp, message.offset
            if tp in assigned and self._acks_enabled(tp.topic) and not self._taken(tp, offset):
                lowest[tp] = min(offset, lowest.get(tp, offset))
        for tp, offset in lowest.items():
            if tp in self.pending and self.pending[tp] <= offset:
                continue  # a rewind from below already brings it again
            log.warning("offset %d of %s:%d emptied from the stream queue when the flow resumed: "
                        "fetching again from %d", offset, tp.topic, tp.partition, offset)
            self.hold(tp, offset)
            self._seek_soon(tp, offset)
        return lowest

    def _seek_soon(self, tp: Any, offset: int) -> None:
        """Seek `tp` to `offset` from synchronous code (a task, kept until done; a failure is
        logged: the partition may have been revoked meanwhile)."""
        task = asyncio.ensure_future(self.consumer._seek(tp, offset))
        self._seeks.add(task)

        def done(finished: asyncio.Future) -> None:
            self._seeks.discard(finished)
            if not finished.cancelled() and finished.exception() is not None:
                log.warning("seek of %s:%d to %d failed: %r", tp.topic, tp.partition, offset, finished.exception())

        task.add_done_callback(done)

    def first_not_taken(self, tp: Any, offset: int) -> int:
        """The first offset from `offset` on that faust has not taken (see `_taken`)."""
        while self._taken(tp, offset):
            offset += 1
        return offset

    async def on_message(self, message: Any) -> None:
        """faust's fetch callback: hand `message` on unless its partition is being rewound."""
        tp = message.tp
        expected = self.next_offset.get(tp)
        if tp not in self.pending and expected is not None and self._acks_enabled(tp.topic):
            if message.offset < expected and self._taken(tp, message.offset):
                # handed on and taken already since the last seek: a fetch begun before a seek to
                # the same position (a second seek to a committed 0) returns it again, and faust's
                # read offset check lets the last message handed on through a second time
                log.debug("offset %d of %s:%d taken already: dropped", message.offset, tp.topic, tp.partition)
                return
            if message.offset > expected:
                await self.on_gap(tp, expected, message.offset)  # faust lets a gap of one through
        start = self.pending.get(tp)
        if start is not None:
            last = self.last_dropped.get(tp)
            if message.offset != start and (last is None or message.offset > last):
                self.last_dropped[tp] = message.offset  # fetched before the rewind took effect
                return
            if message.offset != start:  # the fetch from `start` began later: a real gap
                log.warning("offsets %d..%d of %s:%d hold no message (deleted, or a transaction's markers "
                            "and aborted records)", start, message.offset - 1, tp.topic, tp.partition)
                self.mark_gone(tp, start, message.offset - 1)
            self.clear(tp)
            dict.__setitem__(self.consumer._read_offset, tp, message.offset - 1 if message.offset > 1 else None)
        await self.deliver(message)
        self.next_offset[tp] = message.offset + 1

    def mark_gone(self, tp: Any, first: int, last: int) -> None:
        """Offsets `first`..`last` of `tp` hold no message to process (deleted by retention; under
        read_committed, a transactional producer's markers and aborted records): held as done in
        faust's gap tree from the committed offset on. faust's own `_add_gap` starts one past the
        committed offset (it takes that for the last offset done; it is the next one to read), so
        a gap starting at the committed offset stayed undone and no commit could pass it."""
        committed = self.consumer._committed_offset.get(tp) or 0
        first = max(first, committed)
        if first <= last:
            gaps = self.consumer._gap[tp]
            gaps.addi(first, last + 1)  # intervals exclude their end
            gaps.merge_overlaps()

    def _taken(self, tp: Any, offset: int) -> bool:
        """Whether faust has taken offset `offset` of `tp` from the stream queue already: committed
        past it, acknowledged it, or holds it unacknowledged (a stream took it). A message handed
        on but not taken is still queued, or was dropped: faust's streams skip a message fetched
        in an earlier consumer generation, and empty their queues when the flow resumes."""
        consumer = self.consumer
        committed = consumer._committed_offset.get(tp)
        if committed is not None and offset < committed:
            return True
        if offset in consumer._acked.get(tp, ()):
            return True
        return any(m.tp == tp and m.offset == offset for m in list(getattr(consumer, "_unacked_messages", ())))

    def clear(self, tp: Any = None) -> None:
        """Forget the rewind of `tp` (of every partition when None: assignment changed, or a
        seek elsewhere set the position)."""
        for key in ([tp] if tp is not None else list(self.pending)):
            self.pending.pop(key, None)
            self.last_dropped.pop(key, None)


def _queued_messages(flow_control: Any) -> list[Any]:
    """The messages of the events waiting in the stream queues that `flow_control` (mode's
    `FlowControlEvent`) empties when it resumes."""
    found = []
    for queue in list(getattr(flow_control, "_queues", ())):
        for item in list(getattr(queue, "_queue", ())):
            message = getattr(item, "message", None)
            if message is not None:
                found.append(message)
    return found


def _refetch_what_resume_empties(consumer: Any, rewind: HeadGapRewind) -> None:
    """Wrap the app's flow control (`consumer.app.flow_control`, absent: nothing to do) so that
    what its `resume` empties from the stream queues is fetched again (`refetch_emptied`)."""
    flow_control = getattr(getattr(consumer, "app", None), "flow_control", None)
    if flow_control is None:
        return
    original_resume = flow_control.resume

    def resume() -> None:
        queued = _queued_messages(flow_control)
        original_resume()
        if queued:
            try:
                assigned = set(consumer.assignment())
            except Exception as error:  # noqa: BLE001 - not started or closing: nothing to fetch
                log.info("flow resumed without an assignment (%r): nothing fetched again", error)
                return
            rewind.refetch_emptied(queued, assigned)

    flow_control.resume = resume


def lowest_done(acked: Iterable[int], gaps: Any) -> int:
    """The lowest offset that needs no processing: acknowledged, or in a gap faust holds as done
    (`gaps`: faust's interval tree of a partition, or None). The only gaps added are offsets without
    a message (`HeadGapRewind.mark_gone`: deleted by retention under the committed offset, or a
    transactional producer's markers and aborted records); without them a
    group whose committed offset lies below the log start could never commit again (the fault
    suite: lag left on every raw partition, each article re-sent every 10 s by the watchdog)."""
    lowest = min(acked)
    if gaps:
        lowest = min(lowest, min(interval.begin for interval in gaps))
    return lowest


def guard_head_gaps(consumer: Any) -> None:
    """Install on faust's `consumer`, before its fetch loop starts (it reads the callback and
    the read-offset map once): `HeadGapRewind` for skipped offsets and for what the flow
    control empties from the stream queues, a seek to committed offsets that starts past what a
    stream took already, and a commit rule that never passes an offset not acknowledged yet
    (`_new_offset` returns None while the lowest acknowledged offset of a partition is above
    its committed offset)."""
    if getattr(consumer, "_head_gap_guard", False):
        return
    original = consumer._new_offset
    rewind = HeadGapRewind(consumer)

    def new_offset(tp: Any) -> int | None:
        acked = consumer._acked[tp]
        # faust keeps a committed 0 as None; `commit_start_offsets` leaves no partition without
        # a committed offset, so None means 0 here
        committed = consumer._committed_offset.get(tp) or 0
        if acked and lowest_done(acked, getattr(consumer, "_gap", {}).get(tp)) > committed:
            return None  # offset `committed` is not acknowledged yet
        return original(tp)

    original_seek = consumer.seek
    original_seek_to_committed = consumer.seek_to_committed

    async def seek(tp: Any, offset: int) -> None:
        rewind.clear(tp)  # an explicit seek (watchdog, faust) replaces a rewind in progress
        await original_seek(tp, offset)
        rewind.expect(tp, offset)

    async def seek_to_committed() -> Any:
        committed = await original_seek_to_committed()
        for tp, offset in committed.items():
            # past what a stream took already (handed on before this seek, as faust's recovery
            # resumes the partitions first): fetched again, it would be processed twice
            start = rewind.first_not_taken(tp, offset) if offset is not None and offset >= 0 else offset
            if offset == 0 or start != offset:
                await consumer._seek(tp, start)  # aiokafka seeks only to a committed offset above 0
            rewind.expect(tp, start)
        return committed

    _refetch_what_resume_empties(consumer, rewind)
    consumer._read_offset = _ReadOffsets(rewind, consumer._read_offset)
    consumer._new_offset = new_offset
    consumer._add_gap = rewind.on_gap
    consumer.callback = rewind.on_message
    consumer.seek = seek
    consumer.seek_to_committed = seek_to_committed
    consumer._head_gap_rewind = rewind
    consumer._head_gap_guard = True
