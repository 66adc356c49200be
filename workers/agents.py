"""The agents: read a topic, call one stage, send the results. Errors become rejected records."""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any, Callable, NamedTuple

import faust
import orjson
from aiokafka.errors import MessageSizeTooLargeError, RecordListTooLargeError

from workers import observability
from workers.ner_pool import NerPool
from workers.pipeline import (
    DAY_SECONDS,
    HOUR_SECONDS,
    clean_payload,
    dedupe_index,
    guarded,
    story_index,
)
from workers.records import PUBLISHED_UNTIMED, encode, fit_message, published, rejected_record, too_large_record
from workers.settings import Settings
from workers.state import TableBackedIndex
from workers.topics import SOURCE_HEADER
from workers.shutdown import EXIT_RECOVERY_STALLED, hard_exit
from workers.watchdog import CHECK_SECONDS as WATCHDOG_CHECK_SECONDS, Watchdog
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


class Output(NamedTuple):
    """A message to send: its topic role, key and value, and the record it holds (for metrics)."""

    role: str
    key: bytes | None
    value: bytes
    record: dict


def origin_of(event: Any) -> dict | None:
    """Topic, partition and offset of the input message `event`, for a rejected record, and
    `source` when the message has the replayer's SOURCE_HEADER (the file, or file:LINE, it came from)."""
    message = getattr(event, "message", None)
    if message is None:
        return None
    origin = {"topic": message.topic, "partition": message.partition, "offset": message.offset}
    source = observability.header_value(event, SOURCE_HEADER)
    if source is not None:
        origin["source"] = source.decode("utf-8", "replace")[:1000]
    return origin


def key_of(event: Any) -> str | None:
    """The message key as text (producers commonly key articles by id), or None."""
    key = getattr(event, "key", None)
    if isinstance(key, bytes):
        key = key.decode("utf-8", "replace")
    return key if isinstance(key, str) and key else None

# A send that fails (broker gone longer than the producer's own retries) is retried after this
# many seconds, doubling up to the cap: the input is not acknowledged until its outputs are.
RESEND_FIRST_SECONDS = 0.5
RESEND_MAX_SECONDS = 5.0
# The broker's answer to a record over its topic's max.message.bytes (or a batch over it): sending
# it again cannot succeed (zendesk/ruby-kafka#821), it is dead-lettered (`Delivery.refused`).
TOO_LARGE_ERRORS = (MessageSizeTooLargeError, RecordListTooLargeError)
# No send, acknowledgement wait or flush may block an agent longer than this: it is abandoned and
# sent again (same key and value), so a producer that never answers cannot stall a partition.
DELIVERY_TIMEOUT_SECONDS = 30.0


class Delivery:
    """How the agents send: a record as the message for its status's topic, sent until the broker has
    acknowledged it (acks=all), and the one-outcome-per-article path of the stages that compare an
    article with earlier ones (dedupe, enrich). Every agent acknowledges an input event (so its offset
    may be committed) only after every output it causes is acknowledged by the broker."""

    def __init__(self, app: faust.App, topics: dict[str, faust.TopicT], settings: Settings):
        self.app = app
        self.topics = topics
        self.settings = settings
        self.obs = observability.of(app)

    def output(self, stage: str, record: dict, payload: Any, origin: dict | None = None) -> Output:
        """`record` as a message for its status's topic (an enriched or duplicate record `published`:
        without its stage timings); one too large for Kafka is dead-lettered. A rejected record gets
        `origin` (the input's topic, partition and offset) when given."""
        measured = record
        record, value = fit_message(stage, published(record), payload, self.settings.max_message_bytes)
        if origin is not None and record["status"] == "rejected" and "origin" not in record:
            record = {**record, "origin": origin}
            value = encode(record)
        key = record["id"].encode("utf-8") if record.get("id") else None
        # metrics read the stage's time from the record as measured, not as published
        timed = measured if record["status"] in PUBLISHED_UNTIMED else record
        return Output(ROUTES[record["status"]], key, value, timed)

    def undecodable(self, stage: str, payload: bytes, origin: dict | None = None) -> Output:
        """The dead letter of an internal message that is not a JSON object."""
        rejected = rejected_record(stage, "undecodable", "internal record is not a JSON object", payload)
        return self.output(stage, rejected, payload, origin)

    async def deliver(self, stage: str, outputs: list[Output]) -> list[Output]:
        """Send `outputs` and return once the broker has acknowledged each of them (their send
        futures: no producer flush, which would wait for every agent's sends). A failed send is
        sent again (same key, same value) until it is acknowledged, so returning means nothing is
        left in flight. Table (changelog) writes are flushed by `run_stateful` before.

        A record the broker refuses as too large (its topic's max.message.bytes lowered under it,
        while our own limit lets it pass) is never retried: it is dead-lettered instead
        (`refused`), and the outputs as sent are returned, in order."""
        async def send_and_wait(pending: list[Output]) -> list[Any]:
            futures = [
                await self.topics[o.role].send(key=o.key, value=o.value, headers=self.obs.headers(o.record))
                for o in pending
            ]
            return await asyncio.gather(*futures, return_exceptions=True)

        sent: dict[int, Output] = {}
        pending = dict(enumerate(outputs))
        delay = RESEND_FIRST_SECONDS
        while True:
            try:
                results = await asyncio.wait_for(send_and_wait(list(pending.values())), DELIVERY_TIMEOUT_SECONDS)
            except Exception as error:  # noqa: BLE001 - the input stays unacknowledged; try again
                results = [error] * len(pending)
            failed = {}
            for (n, o), result in zip(list(pending.items()), results):
                if not isinstance(result, BaseException):
                    self.obs.routed(stage, o.record)
                    sent[n] = o
                elif isinstance(result, TOO_LARGE_ERRORS) and o.record.get("status") != "rejected":
                    failed[n] = self.refused(stage, o, result)  # sent at once, not after a delay
                else:
                    failed[n] = o
                    error = result
            if not failed:
                return [sent[n] for n in range(len(outputs))]
            if any(failed[n] is pending[n] for n in failed):
                log.warning("sending %d record(s) failed (%r): again in %.1f s", len(failed), error, delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, RESEND_MAX_SECONDS)
            pending = failed

    def refused(self, stage: str, output: Output, error: BaseException) -> Output:
        """The too_large dead letter of `output`, which the broker refused (`error`): the record
        fitted MAX_MESSAGE_BYTES but not its topic's own max.message.bytes (lowered at run time),
        so sending it again can never succeed."""
        topic = self.topics[output.role].get_topic_name()
        reason = (f"the {output.record.get('status')} record ({len(output.value)} bytes) was refused by topic "
                  f"{topic} as too large ({type(error).__name__}): its max.message.bytes is below it")
        rejected = rejected_record(stage, "too_large", reason, output.value, output.record.get("id"),
                                   payload_limit=self.settings.max_message_bytes // 6)
        return self.output(stage, rejected, output.value)

    async def flush_changelog(self) -> None:
        """Wait until the producer has sent everything queued, table changelog writes included;
        logged every DELIVERY_TIMEOUT_SECONDS while it does not."""
        while True:
            try:
                await asyncio.wait_for(self.app.producer.flush(), DELIVERY_TIMEOUT_SECONDS)
                return
            except asyncio.TimeoutError:
                log.warning("changelog flush not done in %.0f s: waiting again", DELIVERY_TIMEOUT_SECONDS)

    async def run_stateful(
        self, stage: str, function: Callable[..., dict], state: TableBackedIndex, event: Any
    ) -> None:
        """One article through a stage that compares it with earlier ones (dedupe, enrich).

        One outcome per article id: the outcome is written to the stage's table before it is
        sent, and an id seen before gets its stored outcome again (same topic, key and value),
        however often it is redelivered or re-sent.
        """
        payload = event.value
        record = _decode_internal(payload)
        if record is None:
            await self.deliver(stage, [self.undecodable(stage, payload, origin_of(event))])
            return
        now = time.time()
        state.expire_due(now)
        article_id = record.get("id") if isinstance(record.get("id"), str) else None
        stored = state.outcome(article_id)
        if stored is not None:
            role, value = stored
            again = Output(role, article_id.encode("utf-8"), value, orjson.loads(value))
            await self.deliver_outcome(stage, state, article_id, again, now)
            return
        result = guarded(stage, payload, function, record, state.current(), now, article_id=article_id)
        message = self.output(stage, result, payload, origin_of(event))
        if article_id and message.key == article_id.encode("utf-8"):
            message = self.storable(stage, state, article_id, message, result, payload, origin_of(event), now)
            state.remember(article_id, (message.role, message.value), now)
            await self.flush_changelog()  # remembered (changelog) before the outcome is sent
        await self.deliver_outcome(stage, state, article_id, message, now)

    async def deliver_outcome(self, stage: str, state: TableBackedIndex, article_id: str | None, message: Output,
                              now: float) -> None:
        """Deliver one article's outcome; when the broker refuses it as too large (`deliver` sends its
        dead letter instead), that dead letter is remembered as the outcome redeliveries get."""
        [sent] = await self.deliver(stage, [message])
        if article_id and sent is not message and sent.key == message.key:
            state.remember(article_id, (sent.role, sent.value), now)
            await self.flush_changelog()

    def storable(self, stage: str, state: TableBackedIndex, article_id: str, message: Output, result: dict,
                 payload: Any, origin: dict | None, now: float) -> Output:
        """`message`, or its too_large rejection when its table entry (the outcome kept for
        redeliveries, escaped again inside the entry's JSON) would not fit in a changelog message:
        the producer refuses such a send and its buffer crashes the worker, on every redelivery."""
        size = state.entry_bytes(article_id, (message.role, message.value), now)
        if size <= self.settings.max_message_bytes:
            return message
        rejected = too_large_record(stage, result, size, payload, self.settings.max_message_bytes, "table entry")
        return self.output(stage, rejected, payload, origin)


async def tag_or_reject(ner_pool: NerPool, batch: list[tuple[bytes, dict]]) -> list[tuple[dict, bytes]]:
    """(tagged or rejected record, its payload) for each of `batch`; a batch that fails is retried
    article by article, so one bad record cannot take the others down with it. ModelMissing is raised:
    no article can be tagged."""
    try:
        tagged = await ner_pool.tag([record for _payload, record in batch])
        return [(record, payload) for record, (payload, _record) in zip(tagged, batch)]
    except ModelMissing:
        raise
    except Exception as error:  # noqa: BLE001 - a failing article is dead-lettered, not lost
        if len(batch) > 1:
            return [result for pair in batch for result in await tag_or_reject(ner_pool, [pair])]
        [(payload, record)] = batch
        log.exception("NER failed on %s", record.get("id"))
        reason = f"{type(error).__name__}: {error}"
        return [(rejected_record(entities.STAGE, "stage_failed", reason, payload, record.get("id")), payload)]


def register(app: faust.App, topics: dict[str, faust.TopicT], settings: Settings) -> None:
    """Define the four stage agents and the state they keep on `app`: the dedupe and story tables,
    the NER process pool, the watchdog. Delivery: see `Delivery`."""
    delivery = Delivery(app, topics, settings)
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
    ner_pool = NerPool(settings.spacy_model, settings.entity_labels, settings.ner_processes,
                       cache_paragraphs=settings.ner_cache_paragraphs)
    delivery.obs.watch_index("dedupe", dedupe_state)
    delivery.obs.watch_index("story", story_state)
    delivery.obs.watch_ner_pool(ner_pool)
    _register_housekeeping(app, settings, (dedupe_state, story_state), ner_pool)
    _register_agents(app, topics, settings, delivery, (dedupe_state, story_state), ner_pool)


def _register_housekeeping(
    app: faust.App, settings: Settings, states: tuple[TableBackedIndex, ...], ner_pool: NerPool
) -> None:
    """What runs beside the agents: indexes marked stale on a partition assignment, the stall
    watchdog's timer, and the NER pool's start and stop."""
    obs = observability.of(app)

    @app.on_partitions_assigned.connect
    async def _mark_stale(sender: Any, assigned: Any, **kwargs: Any) -> None:
        # faust seeks every partition to its committed offset: a rewind in progress is void
        # (the guard is installed by create_app, before the fetch loop starts)
        app.consumer._head_gap_rewind.clear()
        for state in states:
            state.stale = True

    watchdog = Watchdog(app, [getattr(settings.topics, role) for role in observability.STAGE_INPUTS.values()],
                        bootstrap=settings.bootstrap)

    @app.timer(WATCHDOG_CHECK_SECONDS)
    async def _watch_for_stalls() -> None:
        try:
            remaining = watchdog.recovery_stalled()
            if remaining is not None:
                hard_exit(EXIT_RECOVERY_STALLED, f"table recovery read nothing for {watchdog.recovery.stall_seconds:.0f} s "
                          f"({remaining} changelog records left): a new consumer is needed")
            await watchdog.check()
        except Exception:  # noqa: BLE001 - a failed check is logged; the next one runs anyway
            log.exception("watchdog check failed")

    @app.task
    async def _start_ner_pool() -> None:
        started = time.perf_counter()
        await ner_pool.start()
        obs.ner_pool_started()
        log.info("NER pool ready: %d process(es) in %.1f s", settings.ner_processes, time.perf_counter() - started)

    @app.on_before_shutdown.connect
    async def _stop_ner_pool(sender: Any, **kwargs: Any) -> None:
        ner_pool.close()


def _register_agents(
    app: faust.App, topics: dict[str, faust.TopicT], settings: Settings, delivery: Delivery,
    states: tuple[TableBackedIndex, TableBackedIndex], ner_pool: NerPool,
) -> None:
    """The four stage agents, thin: read with manual acknowledgement, run the stage, deliver, then
    acknowledge. `states`: the dedupe and the story index."""
    dedupe_state, story_state = states

    @app.agent(topics["raw"], name="clean")
    async def clean_agent(stream: faust.StreamT) -> None:
        async for event in stream.noack().events():
            origin = origin_of(event)
            record = clean_payload(event.value, origin, key=key_of(event))
            await delivery.deliver(clean.STAGE, [delivery.output(clean.STAGE, record, event.value, origin)])
            await stream.ack(event)

    @app.agent(topics["clean"], name="dedupe")
    async def dedupe_agent(stream: faust.StreamT) -> None:
        async for event in stream.noack().events():
            await delivery.run_stateful(dedupe.STAGE, dedupe.dedupe, dedupe_state, event)
            await stream.ack(event)

    @app.agent(topics["unique"], name="entities")
    async def entities_agent(stream: faust.StreamT) -> None:
        # noack_take: the batch's events are acknowledged here, after their outputs are delivered
        # (`take` acknowledges a batch as soon as it is handed out, so a crash would lose it).
        async for events in stream.noack_take(settings.ner_batch_size, within=settings.ner_batch_seconds):
            await _tag_batch(delivery, ner_pool, events)
            for event in events:
                await stream.ack(event)

    @app.agent(topics["tagged"], name="enrich")
    async def enrich_agent(stream: faust.StreamT) -> None:
        async for event in stream.noack().events():
            await delivery.run_stateful(enrich.STAGE, enrich.enrich, story_state, event)
            await stream.ack(event)


async def _tag_batch(delivery: Delivery, ner_pool: NerPool, events: list) -> None:
    """One NER batch: the tagged (or dead-lettered) record of each event, delivered together."""
    obs = delivery.obs
    obs.batch_values(events)  # notes each article's raw timestamp for the headers sent on
    outputs: list[Output] = []
    articles = []
    for event in events:
        record = _decode_internal(event.value)
        if record is None:
            outputs.append(delivery.undecodable(entities.STAGE, event.value, origin_of(event)))
        else:
            articles.append((event.value, record))
    started = time.perf_counter()
    results = await tag_or_reject(ner_pool, articles) if articles else []
    seconds = time.perf_counter() - started
    log.info("tagged %d article(s) in %.0f ms", len(articles), seconds * 1000)
    obs.ner_batch(len(articles), seconds)
    outputs += [delivery.output(entities.STAGE, record, payload) for record, payload in results]
    await delivery.deliver(entities.STAGE, outputs)
