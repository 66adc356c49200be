"""The agents: read a topic, call one stage, send the results. Errors become rejected records."""

from __future__ import annotations

import logging
import time
from typing import Any, Callable

import faust
import orjson

from workers.ner_pool import NerPool
from workers.pipeline import clean_payload, guarded
from workers.records import encode, rejected_record
from workers.settings import Settings
from workers.stages import dedupe, enrich, entities

log = logging.getLogger(__name__)

DAY_SECONDS = 86400.0
EXPIRY_INTERVAL_SECONDS = 600.0


class TableBackedIndex:
    """An in-memory index (DedupeIndex, StoryIndex) mirrored in a changelogged Faust table.

    The table is the durable copy; the index is rebuilt from it whenever partitions move, so a
    restarted or rebalanced worker knows everything the previous owner had seen.
    """

    def __init__(self, table: faust.Table, make_index: Callable[[], Any]):
        self.table = table
        self.make_index = make_index
        self.index = make_index()
        self.stale = True

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

    def expire(self, before: float) -> int:
        expired = self.current().expire(before)
        for article_id in expired:
            self.table.pop(article_id, None)
        return len(expired)


def _decode_internal(payload: bytes, stage: str) -> dict | None:
    try:
        record = orjson.loads(payload)
    except orjson.JSONDecodeError:
        return None
    return record if isinstance(record, dict) else None


def register(app: faust.App, topics: dict[str, faust.TopicT], settings: Settings) -> None:
    """Define the four stage agents and the state they keep on `app`."""

    async def send(role: str, record: dict) -> None:
        key = record["id"].encode("utf-8") if record.get("id") else None
        await topics[role].send(key=key, value=encode(record))

    async def send_rejected_or(role: str, record: dict) -> None:
        await send("rejected" if record["status"] == "rejected" else role, record)

    async def reject_undecodable(stage: str, payload: bytes) -> None:
        await send("rejected", rejected_record(stage, "undecodable", "internal record is not a JSON object", payload))

    dedupe_state = TableBackedIndex(
        app.Table("dedupe-index", partitions=1),
        lambda: dedupe.DedupeIndex(
            threshold=settings.dedupe_threshold,
            num_perm=settings.dedupe_num_perm,
            retention_seconds=settings.dedupe_retention_days * DAY_SECONDS,
        ),
    )
    story_state = TableBackedIndex(
        app.Table("story-index", partitions=1),
        lambda: enrich.StoryIndex(window_seconds=settings.story_window_hours * 3600.0),
    )
    ner_pool = NerPool(settings.spacy_model, settings.entity_labels, settings.ner_processes)

    @app.on_partitions_assigned.connect
    async def _mark_stale(sender: Any, assigned: Any, **kwargs: Any) -> None:
        dedupe_state.stale = True
        story_state.stale = True

    @app.task
    async def _start_ner_pool() -> None:
        await ner_pool.start()

    @app.on_before_shutdown.connect
    async def _stop_ner_pool(sender: Any, **kwargs: Any) -> None:
        ner_pool.close()

    @app.agent(topics["raw"], name="clean")
    async def clean_agent(stream: faust.StreamT) -> None:
        async for payload in stream:
            await send_rejected_or("clean", clean_payload(payload))

    @app.agent(topics["clean"], name="dedupe")
    async def dedupe_agent(stream: faust.StreamT) -> None:
        async for payload in stream:
            record = _decode_internal(payload, dedupe.STAGE)
            if record is None:
                await reject_undecodable(dedupe.STAGE, payload)
                continue
            index = dedupe_state.current()
            verdict = guarded(dedupe.STAGE, record, dedupe.dedupe, record, index, time.time())
            if verdict["status"] == "unique":
                dedupe_state.remember(verdict["id"])
                await send("unique", verdict)
            elif verdict["status"] == "duplicate":
                await send("duplicates", verdict)
            else:
                await send("rejected", verdict)

    @app.agent(topics["unique"], name="entities")
    async def entities_agent(stream: faust.StreamT) -> None:
        async for batch in stream.take(settings.ner_batch_size, within=settings.ner_batch_seconds):
            records = []
            for payload in batch:
                record = _decode_internal(payload, entities.STAGE)
                if record is None:
                    await reject_undecodable(entities.STAGE, payload)
                else:
                    records.append(record)
            for tagged in await ner_pool.tag(records):
                await send_rejected_or("tagged", tagged)

    @app.agent(topics["tagged"], name="enrich")
    async def enrich_agent(stream: faust.StreamT) -> None:
        async for payload in stream:
            record = _decode_internal(payload, enrich.STAGE)
            if record is None:
                await reject_undecodable(enrich.STAGE, payload)
                continue
            stories = story_state.current()
            enriched = guarded(enrich.STAGE, record, enrich.enrich, record, stories, time.time())
            if enriched["status"] == "enriched":
                story_state.remember(enriched["id"])
            await send_rejected_or("enriched", enriched)

    @app.timer(interval=EXPIRY_INTERVAL_SECONDS)
    async def _expire_old_state() -> None:
        now = time.time()
        dropped = dedupe_state.expire(now - settings.dedupe_retention_days * DAY_SECONDS)
        dropped += story_state.expire(now - settings.story_window_hours * 3600.0)
        if dropped:
            log.info("expired %d entries past their retention", dropped)
