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
    story_index,
)
from workers.records import fit_message, rejected_record
from workers.settings import Settings
from workers.state import TableBackedIndex
from workers.stages import clean, dedupe, enrich, entities
from workers.stages.entities import ModelMissing

log = logging.getLogger(__name__)

def _decode_internal(payload: bytes) -> dict | None:
    """A record this pipeline wrote to an internal topic, or None when it is not one."""
    try:
        record = orjson.loads(payload)
    except orjson.JSONDecodeError:
        return None
    return record if isinstance(record, dict) else None


# Where each status goes: the topic role of the record's next stop.
ROUTES = {
    "clean": "clean",
    "unique": "unique",
    "duplicate": "duplicates",
    "tagged": "tagged",
    "enriched": "enriched",
    "rejected": "rejected",
}


def register(app: faust.App, topics: dict[str, faust.TopicT], settings: Settings) -> None:
    """Define the four stage agents and the state they keep on `app`."""

    async def route(stage: str, record: dict, payload: Any) -> None:
        """Send `record` to its status's topic; a record too large for Kafka is dead-lettered."""
        record, value = fit_message(stage, record, payload)
        key = record["id"].encode("utf-8") if record.get("id") else None
        await topics[ROUTES[record["status"]]].send(key=key, value=value)

    async def decode_or_reject(stage: str, payload: bytes) -> dict | None:
        record = _decode_internal(payload)
        if record is None:
            rejected = rejected_record(stage, "undecodable", "internal record is not a JSON object", payload)
            await route(stage, rejected, payload)
        return record

    async def run_stateful(
        stage: str, function: Callable[..., dict], state: TableBackedIndex, remembered: str, payload: bytes
    ) -> None:
        """One article through a stage that compares it with earlier ones (dedupe, enrich);
        outputs of status `remembered` join the stage's state once they are sent, so a crash in
        between means a redelivery that is processed again, never an article lost."""
        record = await decode_or_reject(stage, payload)
        if record is None:
            return
        now = time.time()
        state.expire_due(now)
        output = guarded(stage, payload, function, record, state.current(), now, article_id=record.get("id"))
        await route(stage, output, payload)
        if output["status"] == remembered:
            state.remember(output["id"])

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

    async def tag_or_reject(batch: list[tuple[bytes, dict]]) -> list[tuple[dict, bytes]]:
        """(tagged or rejected record, its payload) for each of `batch`; a batch that fails is
        retried article by article, so one bad record cannot take the others down with it."""
        try:
            tagged = await ner_pool.tag([record for _payload, record in batch])
            return [(record, payload) for record, (payload, _record) in zip(tagged, batch)]
        except ModelMissing:
            raise
        except Exception as error:  # noqa: BLE001 - a failing article is dead-lettered, not lost
            if len(batch) > 1:
                return [result for pair in batch for result in await tag_or_reject([pair])]
            [(payload, record)] = batch
            log.exception("NER failed on %s", record.get("id"))
            reason = f"{type(error).__name__}: {error}"
            return [(rejected_record(entities.STAGE, "stage_failed", reason, payload, record.get("id")), payload)]

    @app.agent(topics["raw"], name="clean")
    async def clean_agent(stream: faust.StreamT) -> None:
        async for payload in stream:
            await route(clean.STAGE, clean_payload(payload), payload)

    @app.agent(topics["clean"], name="dedupe")
    async def dedupe_agent(stream: faust.StreamT) -> None:
        async for payload in stream:
            await run_stateful(dedupe.STAGE, dedupe.dedupe, dedupe_state, "unique", payload)

    @app.agent(topics["unique"], name="entities")
    async def entities_agent(stream: faust.StreamT) -> None:
        async for batch in stream.take(settings.ner_batch_size, within=settings.ner_batch_seconds):
            decoded = [(payload, await decode_or_reject(entities.STAGE, payload)) for payload in batch]
            articles = [(payload, record) for payload, record in decoded if record is not None]
            started = time.perf_counter()
            results = await tag_or_reject(articles) if articles else []
            log.info("tagged %d article(s) in %.0f ms", len(articles), (time.perf_counter() - started) * 1000)
            for record, payload in results:
                await route(entities.STAGE, record, payload)

    @app.agent(topics["tagged"], name="enrich")
    async def enrich_agent(stream: faust.StreamT) -> None:
        async for payload in stream:
            await run_stateful(enrich.STAGE, enrich.enrich, story_state, "enriched", payload)
