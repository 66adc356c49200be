"""The stall watchdog's rule: lag and no progress for STALL_SECONDS (STUCK_SECONDS with a message in flight)."""

from __future__ import annotations

import asyncio

import pytest

from workers.offsets import guard_head_gaps
from workers.watchdog import StallDetector


def test_a_partition_with_lag_and_no_progress_is_stalled_after_the_window():
    detector = StallDetector(stall_seconds=30.0, stuck_seconds=120.0)
    idle = ("p0", 17, 29, "same", False)
    assert detector.stalled([idle], now=0.0) == []
    assert detector.stalled([idle], now=29.0) == []
    assert detector.stalled([idle], now=30.0) == ["p0"]
    # reported again only after another full window
    assert detector.stalled([idle], now=31.0) == []
    assert detector.stalled([idle], now=60.0) == ["p0"]


def test_a_message_in_flight_without_progress_is_stuck_after_the_longer_window():
    detector = StallDetector(stall_seconds=30.0, stuck_seconds=120.0)
    stuck = ("p0", 17, 29, "same", True)
    assert detector.stalled([stuck], now=0.0) == []
    assert detector.stalled([stuck], now=119.0) == []
    assert detector.stalled([stuck], now=120.0) == ["p0"]


def test_progress_a_commit_or_no_lag_is_not_a_stall():
    detector = StallDetector(stall_seconds=30.0, stuck_seconds=120.0)
    observed = [("acking", 5, 9, 1, True), ("committing", 5, 9, 1, False), ("done", 9, 9, 1, False)]
    detector.stalled(observed, now=0.0)
    later = [("acking", 5, 9, 2, True), ("committing", 6, 9, 1, False), ("done", 9, 9, 1, False)]
    assert detector.stalled(later, now=100.0) == []
    # a partition never committed with messages waiting is a stall too
    assert detector.stalled([("fresh", None, 4, 0, False)], now=0.0) == []
    assert detector.stalled([("fresh", None, 4, 0, False)], now=40.0) == ["fresh"]


def test_partitions_no_longer_owned_are_forgotten():
    detector = StallDetector(stall_seconds=30.0)
    detector.stalled([("p0", 1, 5, 0, False), ("p1", 1, 5, 0, False)], now=0.0)
    detector.stalled([("p1", 1, 5, 0, False)], now=10.0)
    assert set(detector.since) == {"p1"}


class FakeMessage:
    def __init__(self, tp, offset):
        self.tp, self.offset = tp, offset


class FakeTP:
    def __init__(self, topic, partition):
        self.topic, self.partition = topic, partition


def test_progress_of_one_partition_counts_for_the_agent_reading_its_topic():
    from workers.watchdog import Watchdog

    a0, a1, b0 = FakeTP("a", 0), FakeTP("a", 1), FakeTP("b", 0)

    class App:
        class consumer:
            _committed_offset = {a0: 3, a1: 7, b0: 1}
            _acked = {a0: [3, 5, 6], a1: [], b0: [1, 2, 3]}
            _read_offset = {a0: 6, a1: 9, b0: 4}
            _unacked_messages = {FakeMessage(a1, 7)}

    observed = {row[0]: row[1:] for row in Watchdog(App, ["a", "b"]).observe([a0, a1, b0], {a0: 9, a1: 12, b0: 4})}
    assert observed[a1] == (7, 12, ((6, -1), 9), True)
    assert observed[b0] == (1, 4, ((3,), 4), False)
    App.consumer._acked[a0].append(7)  # the agent acknowledged a message of a0: a1 sees progress
    assert Watchdog(App, ["a"]).observe([a0, a1], {a0: 9, a1: 12})[1][3] != observed[a1][2]


class FakeConsumer:
    """The attributes of faust's Consumer that `guard_head_gaps` uses."""

    def __init__(self, committed, acked, gap=None):
        self._committed_offset = {"tp": committed}
        self._acked = {"tp": sorted(acked)}
        self._gap = {"tp": gap} if gap else {}
        self._read_offset = {}
        self.callback = self._add_gap = self.seek = self.seek_to_committed = None

    def _new_offset(self, tp):  # faust's rule: the end of the first contiguous run
        acked, end = self._acked[tp], None
        for offset in acked:
            if end is not None and offset != end:
                break
            end = offset + 1
        return end


def test_no_commit_passes_a_message_missing_at_the_head():
    for committed, acked, expected in [
        (31, [32, 33], None),  # 31 not done: faust would commit 34
        (None, [10, 11], None),  # committed 0 (faust keeps None): 0..9 not done
        (31, [31, 32], 33),
        (None, [0, 1], 2),
    ]:
        consumer = FakeConsumer(committed, acked)
        guard_head_gaps(consumer)
        assert consumer._new_offset("tp") == expected, (committed, acked)


def test_offsets_gone_from_the_log_below_the_acknowledged_ones_let_the_commit_move():
    """0..13 deleted by retention under a committed 0 (faust holds them as a gap): faust's own rule
    decides, which counts the gap as done; an unrelated gap above the committed offset does not."""
    from intervaltree import IntervalTree

    for committed, acked, gap, expected in [
        (None, [14, 15], IntervalTree.from_tuples([(0, 14)]), 16),
        (31, [40, 41], IntervalTree.from_tuples([(35, 40)]), None),  # 31..34 not done
    ]:
        consumer = FakeConsumer(committed, acked, gap)
        consumer._new_offset = lambda tp, c=consumer: c._acked[tp][-1] + 1  # faust merges the gap in
        guard_head_gaps(consumer)
        assert consumer._new_offset("tp") == expected, (committed, acked)


TP = FakeTP("articles.clean", 0)


class FetchLoop:
    """faust's fetch loop (`Consumer._drain_messages`) reduced to its offset rules: a gap past
    the read offset calls `_add_gap`, a message below it is dropped, the callback hands a
    message to the streams, then the read offset moves to it. `_seek` moves the log position."""

    def __init__(self, log):
        from collections import defaultdict

        self.log, self.position, self.delivered = log, 0, []
        self.flow_suspended, self.queued, self._unacked_messages = False, [], set()
        self._read_offset = defaultdict(lambda: None)
        self._committed_offset, self._acked = {}, {}
        self.callback = self.hand_to_streams
        self._add_gap = self.faust_marks_done
        self.faust_marked = []
        from intervaltree import IntervalTree

        self._gap = defaultdict(IntervalTree)  # faust's gap trees, which `HeadGapRewind.mark_gone` fills

    @property
    def marked_done(self):
        """Offsets held as done without processing: by faust's `_add_gap`, or put in its gap tree."""
        return self.faust_marked + sorted(o for gaps in self._gap.values() for i in gaps for o in range(i.begin, i.end))

    async def hand_to_streams(self, message):
        """A stream takes the message (faust tracks it as unacknowledged); while the flow is
        suspended it waits in the queue instead."""
        if self.flow_suspended:
            self.queued.append(message.offset)
        else:
            self.delivered.append(message.offset)
            self._unacked_messages.add(message)

    def suspend(self):
        self.flow_suspended = True

    def resume(self):
        """faust's flow control empties the stream queues when the flow resumes."""
        self.flow_suspended = False
        self.queued.clear()

    async def faust_marks_done(self, tp, first, end):
        committed = self._committed_offset.get(tp)  # faust keeps a committed 0 as None
        if committed:
            first = max(first, committed + 1)  # faust takes the committed offset for one done
        self.faust_marked.extend(range(first, end + 1))  # faust's gap interval includes `end`

    def _new_offset(self, tp):
        return None

    async def seek_to_committed(self):
        """aiokafka's: the committed offsets; it seeks only to those above 0."""
        if self._committed_offset.get(TP):
            self.position = self._committed_offset[TP]
        return {TP: self._committed_offset.get(TP, 0)}

    async def perform_seek(self):
        """faust's: seek to committed, the read offset is the committed offset."""
        committed = await self.seek_to_committed()
        self._read_offset.update(committed)

    async def seek(self, tp, offset):
        await self._seek(tp, offset)
        self._read_offset[tp] = offset

    async def _seek(self, tp, offset):
        self.position = offset

    async def fetch(self, messages):
        """Run the loop over `messages` (a batch fetched before any seek below took effect),
        then over the log from the position (the offset to fetch next: the first offset of the log
        at or past it comes next)."""
        for offset in messages:
            await self.one(offset)
        while any(o >= self.position for o in self.log):
            offset = min(o for o in self.log if o >= self.position)
            self.position = offset + 1
            await self.one(offset)

    async def one(self, offset):
        message = FakeMessage(TP, offset)
        read = self._read_offset[TP]
        if read is None or offset >= read:
            if offset - (read or 0) > 1 and read:
                await self._add_gap(TP, read + 1, offset)
            await self.callback(message)
            self._read_offset[TP] = offset


def test_skipped_offsets_are_fetched_again_in_order_before_later_ones():
    loop = FetchLoop(log=list(range(20)))
    guard_head_gaps(loop)
    loop._read_offset[TP] = 4  # 0..4 handed on; the position is 8: 5..7 were jumped over
    loop.position = 8
    asyncio.run(loop.fetch([]))
    assert loop.delivered == list(range(5, 20))  # in order, nothing after 7 before 5..7
    assert loop.marked_done == []


def test_a_stale_batch_after_the_rewind_is_not_handed_on_and_a_real_gap_goes_to_faust():
    loop = FetchLoop(log=[0, 1, 2, 3, 4, 9, 10, 11])  # 5..8 deleted from the log
    guard_head_gaps(loop)
    loop._read_offset[TP] = 2
    loop.position = 5  # a refetch from 3 would give 3, 4, 9...
    asyncio.run(loop.fetch([6, 7]))  # fetched before: 6 opens a gap (3..5), 7 is stale
    assert loop.delivered == [3, 4, 9, 10, 11]
    # 5..8: the fetch from 3 passes from 4 to 9, faust's own gap rule (fetch loop) takes them
    assert loop.marked_done == [5, 6, 7, 8]


def test_input_deleted_under_a_committed_0_is_marked_done_and_the_rest_handed_on():
    loop = FetchLoop(log=list(range(14, 20)))  # 0..13 deleted by retention: a fetch from 0 starts at 14
    guard_head_gaps(loop)
    loop._committed_offset[TP] = 0
    asyncio.run(loop.perform_seek())
    asyncio.run(loop.fetch([]))
    assert loop.delivered == list(range(14, 20))
    assert loop.marked_done == list(range(14))  # the gone offsets only, not 14 (not processed yet)


def test_offsets_without_a_message_at_the_committed_offset_are_held_as_done():
    # a transactional producer's commit marker at 1 (and aborted records at 4..5): a
    # read_committed fetch never returns them; faust's `_add_gap` would start at 2 and leave 1
    # undone, so no commit could pass it
    loop = FetchLoop(log=[0, 2, 3, 6, 7])
    guard_head_gaps(loop)
    loop._committed_offset[TP] = 1
    asyncio.run(loop.perform_seek())
    asyncio.run(loop.fetch([]))
    assert loop.delivered == [2, 3, 6, 7]
    assert loop.marked_done == [1, 4, 5]


def test_a_committed_offset_of_0_is_fetched_from_0_though_the_position_was_past_it():
    loop = FetchLoop(log=list(range(6)))
    guard_head_gaps(loop)
    loop.position = 2  # fetched 0, 1 before a rebalance; their buffers were dropped
    loop._committed_offset[TP] = 0
    asyncio.run(loop.perform_seek())  # aiokafka does not seek to a committed 0
    asyncio.run(loop.fetch([2, 3]))  # and a batch from the old position is already on its way
    assert loop.delivered == list(range(6))
    assert loop.marked_done == []


def test_a_message_fetched_again_after_a_second_seek_to_the_same_offset_is_handed_on_once():
    loop = FetchLoop(log=list(range(4)))
    guard_head_gaps(loop)
    loop._committed_offset[TP] = 0
    asyncio.run(loop.perform_seek())  # on assignment
    asyncio.run(loop.perform_seek())  # after recovery: the position is 0 again
    asyncio.run(loop.fetch([0, 1]))  # a batch fetched between the two seeks, then 0.. again
    assert loop.delivered == [0, 1, 2, 3]  # faust's own rule hands 1 (its read offset) on twice
    assert loop.marked_done == []


def test_a_message_queued_while_the_flow_is_suspended_is_handed_on_when_fetched_again():
    loop = FetchLoop(log=list(range(4)))
    guard_head_gaps(loop)
    loop._committed_offset[TP] = 0
    loop.suspend()  # a rebalance
    asyncio.run(loop.perform_seek())
    asyncio.run(loop.one(0))  # from a fetch begun before the seek: queued, then emptied
    loop.resume()
    asyncio.run(loop.fetch([]))  # the fetch from the sought position brings 0 again
    assert loop.delivered == [0, 1, 2, 3]


def test_one_offset_skipped_after_a_seek_to_committed_is_fetched_again():
    loop = FetchLoop(log=list(range(10)))
    guard_head_gaps(loop)
    loop._committed_offset[TP] = 5
    asyncio.run(loop.perform_seek())
    asyncio.run(loop.fetch([6, 7]))  # faust's own rule lets a gap of one (offset 5) through
    assert loop.delivered == list(range(5, 10))
    assert loop.marked_done == []


class FlowControl:
    """mode's `FlowControlEvent` as faust's streams use it: `resume` empties every stream queue."""

    def __init__(self):
        from collections import deque

        self._queues = [type("Queue", (), {"_queue": deque()})()]

    def resume(self):
        for queue in self._queues:
            queue._queue.clear()


class QueuedLoop(FetchLoop):
    """`FetchLoop` with a stream queue in between: the callback queues an event, a stream takes
    it later (`take`), and the app's flow control empties the queue when the flow resumes."""

    def __init__(self, log):
        super().__init__(log)
        topics = type("Topics", (), {"acks_enabled_for": staticmethod(lambda topic: "changelog" not in topic)})()
        self.app = type("App", (), {"flow_control": FlowControl(), "topics": topics})()

    def assignment(self):
        return {TP}

    async def hand_to_streams(self, message):
        self.app.flow_control._queues[0]._queue.append(type("Event", (), {"message": message})())

    def take(self):
        queue = self.app.flow_control._queues[0]._queue
        while queue:
            message = queue.popleft().message
            self.delivered.append(message.offset)
            self._unacked_messages.add(message)


def test_messages_emptied_from_the_stream_queue_when_the_flow_resumes_are_fetched_again():
    async def run():
        loop = QueuedLoop(log=list(range(6)))
        guard_head_gaps(loop)
        loop._committed_offset[TP] = 2
        await loop.perform_seek()
        await loop.fetch([])  # 2..5 handed on, queued; the position is at the end of the log
        loop.app.flow_control.resume()  # faust's recovery end: the queue is emptied
        await asyncio.sleep(0)  # the seek back to 2
        await loop.fetch([])
        loop.take()
        return loop

    loop = asyncio.run(run())
    assert loop.delivered == [2, 3, 4, 5]
    assert loop.marked_done == []


def test_messages_a_stream_took_before_the_seek_to_committed_offsets_are_not_handed_on_again():
    async def run():
        loop = QueuedLoop(log=list(range(6)))
        guard_head_gaps(loop)
        loop._committed_offset[TP] = 2
        loop.position = 2  # aiokafka's own reset on assignment; faust resumed the partitions
        for offset in (2, 3):
            await loop.one(offset)
        loop.take()  # the stream takes 2 and 3 (in flight), then faust seeks to committed
        loop.position = 4
        await loop.perform_seek()
        await loop.fetch([])
        loop.take()
        return loop

    loop = asyncio.run(run())
    assert loop.delivered == [2, 3, 4, 5]  # 2 and 3 once
    assert loop.marked_done == []


def test_a_hole_at_the_committed_offset_is_a_stall_though_later_messages_are_acknowledged():
    from workers.watchdog import HOLE, Watchdog

    c0 = FakeTP("c", 0)

    class App:
        class consumer:
            _committed_offset = {c0: 0}
            _acked = {c0: [1, 2, 3]}
            _read_offset = {c0: 3}
            _unacked_messages = {FakeMessage(c0, 4)}

    watchdog = Watchdog(App, ["c"])
    [(_tp, _c, _end, progress, in_flight)] = watchdog.observe([c0], {c0: 9})
    assert progress == HOLE and not in_flight  # what is in flight is past the hole
    App.consumer._acked[c0] += [4, 5]  # traffic goes on: the hole's progress does not change
    assert watchdog.observe([c0], {c0: 9})[0][3] == HOLE
    detector = watchdog.detector
    assert detector.stalled(watchdog.observe([c0], {c0: 9}), now=0.0) == []
    assert detector.stalled(watchdog.observe([c0], {c0: 9}), now=10.0) == [c0]
    App.consumer._unacked_messages = {FakeMessage(c0, 0)}  # offset 0 in flight: no hole
    assert watchdog.observe([c0], {c0: 9})[0][3] != HOLE


def test_a_recovery_that_reads_nothing_for_the_window_is_stalled():
    from workers.watchdog import RecoveryStallDetector

    detector = RecoveryStallDetector(stall_seconds=60.0)
    assert not detector.stalled(True, 150, now=0.0)
    assert not detector.stalled(True, 150, now=59.0)
    assert detector.stalled(True, 150, now=60.0)
    assert not detector.stalled(True, 149, now=61.0)  # a record read: the clock starts again
    assert not detector.stalled(True, 149, now=120.0)
    assert detector.stalled(True, 149, now=121.0)
    assert not detector.stalled(False, 149, now=500.0)  # recovery over
    assert not detector.stalled(True, 0, now=600.0)  # nothing left to read is not a stall
    assert not detector.stalled(True, 10, now=601.0) and not detector.stalled(True, 10, now=650.0)


def test_the_watchdog_reads_faust_recovery_for_the_stall_rule(monkeypatch):
    from types import SimpleNamespace

    from workers import watchdog as wd

    recovery = SimpleNamespace(in_recovery=True, active_remaining_total=lambda: 150)
    dog = wd.Watchdog(SimpleNamespace(tables=SimpleNamespace(recovery=recovery)), [])
    clock = iter([0.0, 30.0, 60.0])
    monkeypatch.setattr(wd.time, "monotonic", lambda: next(clock))
    assert dog.recovery_stalled() is None
    assert dog.recovery_stalled() is None
    assert dog.recovery_stalled() == 150


@pytest.mark.parametrize(("holds", "committed", "sought"), [(False, [{"end": 33}], []), (True, [], [30])])
def test_a_stalled_partition_whose_lag_holds_no_record_is_committed_to_its_end(monkeypatch, holds, committed, sought):
    """Lag 3 that is only a transactional producer's markers and aborted records (a read_committed
    consumer gets no record there): the end offset is committed, not fetched again for ever."""
    from types import SimpleNamespace

    from workers import watchdog as wd

    r0 = FakeTP("raw", 0)
    commits, seeks, probes = [], [], []

    class Consumer:
        _committed_offset, _acked, _read_offset, _unacked_messages = {r0: 30}, {r0: []}, {r0: 29}, set()

        def assignment(self):
            return {r0}

        async def highwaters(self, *tps):
            return {r0: 33}

        async def _commit_offsets(self, offsets):
            commits.append({"end": offsets[r0]})

        def resume_partitions(self, tps):
            pass

        async def seek(self, tp, offset):
            seeks.append(offset)

    async def holds_records(bootstrap, tp, start, end):
        probes.append((bootstrap, start, end))
        return holds

    monkeypatch.setattr(wd, "holds_records", holds_records)
    app = SimpleNamespace(consumer=Consumer(), rebalancing=False, in_recovery=False, tables=SimpleNamespace())
    dog = wd.Watchdog(app, ["raw"], stall_seconds=0.0, bootstrap="broker:9092")  # stalled at the second sight
    assert asyncio.run(dog.check()) == []  # the first sight starts the window
    assert asyncio.run(dog.check()) == [r0]
    assert probes == [("broker:9092", 30, 33)]
    assert (commits, seeks) == (committed, sought)


def test_the_worker_consumer_reads_committed_records_only():
    """aborted transactions' records reach no agent: the consumer faust creates at start reads
    with isolation level read_committed (faust's own choice would be read_uncommitted)."""
    from types import SimpleNamespace

    from workers.app import read_committed

    thread = SimpleNamespace(_create_worker_consumer=lambda transport: SimpleNamespace(_isolation_level="read_uncommitted"))
    read_committed(SimpleNamespace(_thread=thread))
    assert thread._create_worker_consumer("transport")._isolation_level == "read_committed"
