"""The agents: read a topic, call one stage, send the results. Errors become rejected records."""

from __future__ import annotations

import logging
import time
from typing import Any, Callable

import faust
import orjson

from workers.ner_pool import NerPool
from workers.pipeline import (
    DAY_SECONDS,
    HOUR_SECONDS,
    clean_payload,
    dedupe_index,
    guarded,
    rejected_batch,
    story_index,
)
from workers.records import encode, rejected_record
from workers.settings import Settings
from workers.stages import dedupe, enrich, entities

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


def _decode_internal(payload: bytes) -> dict | None:
    """A record this pipeline wrote to an internal topic, or None when it is not one."""
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
        lambda: dedupe_index(settings),
        settings.dedupe_retention_days * DAY_SECONDS,
    )
    story_state = TableBackedIndex(
        app.Table("story-index", partitions=1),
        lambda: story_index(settings),
        settings.story_window_hours * HOUR_SECONDS,
    )
    ner_pool = NerPool(settings.spacy_model, settings.entity_labels, settings.ner_processes)

    @app.on_partitions_assigned.connect
    async def _mark_stale(sender: Any, assigned: Any, **kwargs: Any) -> None:
        dedupe_state.stale = True
        story_state.stale = True

    @app.task
    async def _start_ner_pool() -> None:
        started = time.perf_counter()
        await ner_pool.start()
        log.info("NER pool ready: %d process(es) in %.1f s", settings.ner_processes, time.perf_counter() - started)

    @app.on_before_shutdown.connect
    async def _stop_ner_pool(sender: Any, **kwargs: Any) -> None:
        ner_pool.close()

    async def tag_or_reject(records: list[dict]) -> list[dict]:
        try:
            return await ner_pool.tag(records)
        except Exception as error:  # noqa: BLE001 - a failed batch is dead-lettered, not lost
            log.exception("NER batch of %d failed", len(records))
            return rejected_batch(entities.STAGE, records, error)

    @app.agent(topics["raw"], name="clean")
    async def clean_agent(stream: faust.StreamT) -> None:
        async for payload in stream:
            await send_rejected_or("clean", clean_payload(payload))

    @app.agent(topics["clean"], name="dedupe")
    async def dedupe_agent(stream: faust.StreamT) -> None:
        async for payload in stream:
            record = _decode_internal(payload)
            if record is None:
                await reject_undecodable(dedupe.STAGE, payload)
                continue
            now = time.time()
            dedupe_state.expire_due(now)
            verdict = guarded(dedupe.STAGE, record, dedupe.dedupe, record, dedupe_state.current(), now)
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
                record = _decode_internal(payload)
                if record is None:
                    await reject_undecodable(entities.STAGE, payload)
                else:
                    records.append(record)
            started = time.perf_counter()
            tagged_batch = await tag_or_reject(records)
            log.info("tagged %d article(s) in %.0f ms", len(records), (time.perf_counter() - started) * 1000)
            for tagged in tagged_batch:
                await send_rejected_or("tagged", tagged)

    @app.agent(topics["tagged"], name="enrich")
    async def enrich_agent(stream: faust.StreamT) -> None:
        async for payload in stream:
            record = _decode_internal(payload)
            if record is None:
                await reject_undecodable(enrich.STAGE, payload)
                continue
            now = time.time()
            story_state.expire_due(now)
            enriched = guarded(enrich.STAGE, record, enrich.enrich, record, story_state.current(), now)
            if enriched["status"] == "enriched":
                story_state.remember(enriched["id"])
            await send_rejected_or("enriched", enriched)
