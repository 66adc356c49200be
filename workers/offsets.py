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
  jumped over are no longer marked done (faust's "gap" filling, meant for compacted topics and
  transaction markers, also swallowed messages its rebalance dropped from the stream buffers).

Known limit: a partition whose committed offset is still 0 after retention deleted its first
segments would wait for offset 0 forever; the watchdog logs it (lag, no commit).
"""

from __future__ import annotations

import logging
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


def guard_head_gaps(consumer: Any) -> None:
    """Wrap `consumer._new_offset` (faust's choice of the offset to commit) so it returns None
    while the lowest acknowledged offset of a partition is above its committed offset."""
    if getattr(consumer, "_head_gap_guard", False):
        return
    original = consumer._new_offset

    def new_offset(tp: Any) -> int | None:
        acked = consumer._acked[tp]
        # faust keeps a committed 0 as None; `commit_start_offsets` leaves no partition without
        # a committed offset, so None means 0 here
        committed = consumer._committed_offset.get(tp) or 0
        if acked and min(acked) > committed:
            return None  # offset `committed` is not acknowledged yet
        return original(tp)

    async def no_gap(tp: Any, offset_from: int, offset_to: int) -> None:
        # faust marks offsets it did not see as done (meant for compacted topics and transaction
        # markers); on our delete-policy input topics they are messages its rebalance dropped from
        # the stream buffers: leave them unacknowledged so the commit waits and the watchdog
        # fetches them again
        log.warning("offsets %d..%d of %s:%d skipped by the fetcher: not marked done",
                    offset_from, offset_to - 1, tp.topic, tp.partition)

    consumer._new_offset = new_offset
    consumer._add_gap = no_gap
    consumer._head_gap_guard = True
