"""The stall watchdog's rule: lag, nothing in flight, no commit for STALL_SECONDS."""

from __future__ import annotations

from workers.watchdog import StallDetector


def test_a_partition_with_lag_and_nothing_in_flight_is_stalled_after_the_window():
    detector = StallDetector(stall_seconds=30.0)
    assert detector.stalled([("p0", 17, 29, False)], now=0.0) == []
    assert detector.stalled([("p0", 17, 29, False)], now=29.0) == []
    assert detector.stalled([("p0", 17, 29, False)], now=30.0) == ["p0"]
    # reported again only after another full window
    assert detector.stalled([("p0", 17, 29, False)], now=31.0) == []
    assert detector.stalled([("p0", 17, 29, False)], now=60.0) == ["p0"]


def test_progress_work_in_flight_or_no_lag_is_not_a_stall():
    detector = StallDetector(stall_seconds=30.0)
    observed = [("moving", 5, 9, False), ("busy", 5, 9, True), ("done", 9, 9, False), ("new", None, 0, False)]
    detector.stalled(observed, now=0.0)
    later = [("moving", 6, 9, False), ("busy", 5, 9, True), ("done", 9, 9, False), ("new", None, 0, False)]
    assert detector.stalled(later, now=100.0) == []
    # a partition never committed with messages waiting is a stall too
    assert detector.stalled([("fresh", None, 4, False)], now=0.0) == []
    assert detector.stalled([("fresh", None, 4, False)], now=40.0) == ["fresh"]


def test_partitions_no_longer_owned_are_forgotten():
    detector = StallDetector(stall_seconds=30.0)
    detector.stalled([("p0", 1, 5, False), ("p1", 1, 5, False)], now=0.0)
    detector.stalled([("p1", 1, 5, False)], now=10.0)
    assert set(detector.since) == {"p1"}


class FakeConsumer:
    """The three attributes of faust's Consumer that `guard_head_gaps` uses."""

    def __init__(self, committed, acked):
        self._committed_offset = {"tp": committed}
        self._acked = {"tp": sorted(acked)}

    def _new_offset(self, tp):  # faust's rule: the end of the first contiguous run
        acked, end = self._acked[tp], None
        for offset in acked:
            if end is not None and offset != end:
                break
            end = offset + 1
        return end


def test_no_commit_passes_a_message_missing_at_the_head():
    from workers.offsets import guard_head_gaps

    for committed, acked, expected in [
        (31, [32, 33], None),  # 31 not done: faust would commit 34
        (None, [10, 11], None),  # committed 0 (faust keeps None): 0..9 not done
        (31, [31, 32], 33),
        (None, [0, 1], 2),
    ]:
        consumer = FakeConsumer(committed, acked)
        guard_head_gaps(consumer)
        assert consumer._new_offset("tp") == expected, (committed, acked)
