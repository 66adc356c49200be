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
