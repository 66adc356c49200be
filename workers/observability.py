"""Metrics, health, readiness, consumer lag and JSON logs: what an operator sees of a worker.

The agents only call in here (`obs.routed(stage, record)`, `obs.ner_batch(n, seconds)`, ...);
nothing here touches a record's content. One `Observability` per Faust app; it owns a
prometheus-client `CollectorRegistry` (not the process-global one, so tests can build several
apps), the web pages `/metrics`, `/healthz` and `/readyz`, a background timer that reads consumer
lag from the broker, and the stall watchdog.

Metric families (the README's "Operating it" table lists them; monitoring/ dashboards use them):
  newsfeed_articles_total{stage,status}      counter  records each stage emitted, by status
  newsfeed_rejected_total{stage,code}        counter  dead letters, by error code
  newsfeed_stage_seconds{stage}              histogram per-article processing time
  newsfeed_end_to_end_seconds                histogram enriched time - raw message timestamp
  newsfeed_consumer_lag{topic,partition}     gauge    log end offset - committed offset
  newsfeed_index_entries{index}              gauge    entries of the dedupe and story indexes
  newsfeed_ner_batch_seconds                 histogram wall time of one NER batch
  newsfeed_ready                             gauge    1 when /readyz answers 200
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping

import prometheus_client
from aiohttp import web as aiohttp_web
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

from workers.settings import Settings

log = logging.getLogger(__name__)

# The per-series "_created" timestamps double every counter's series and no dashboard uses them.
prometheus_client.disable_created_metrics()

# The statuses each stage can emit (every pair is exported from the start, at 0).
STAGE_STATUSES = {
    "clean": ("clean", "rejected"),
    "dedupe": ("unique", "duplicate", "rejected"),
    "entities": ("tagged", "rejected"),
    "enrich": ("enriched", "rejected"),
}
# The topic role each stage's agent reads.
STAGE_INPUTS = {"clean": "raw", "dedupe": "clean", "entities": "unique", "enrich": "tagged"}
INDEXES = ("dedupe", "story")
METRICS_CONTENT_TYPE = "text/plain; version=0.0.4"
WEB_PATHS = frozenset({"/metrics", "/healthz", "/readyz"})
# Kafka header carrying the raw message's timestamp (epoch seconds, text) through the stages.
RAW_TIMESTAMP_HEADER = "newsfeed-raw-timestamp"

STAGE_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
END_TO_END_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0, 900.0)
NER_BATCH_BUCKETS = (0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0)


class Metrics:
    """The Prometheus families, on a registry of their own; all label pairs start at 0."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        r = self.registry
        self.articles = Counter("newsfeed_articles", "Records emitted by each stage, by status.",
                                ["stage", "status"], registry=r)
        self.rejected = Counter("newsfeed_rejected", "Dead letters, by stage and error code.",
                                ["stage", "code"], registry=r)
        self.stage_seconds = Histogram("newsfeed_stage_seconds", "Per-article processing time of a stage "
                                       "(NER: the batch time divided among its articles).", ["stage"],
                                       buckets=STAGE_BUCKETS, registry=r)
        self.end_to_end = Histogram("newsfeed_end_to_end_seconds", "Time from the raw message's timestamp "
                                    "to its enriched record.", buckets=END_TO_END_BUCKETS, registry=r)
        self.lag = Gauge("newsfeed_consumer_lag", "Log end offset minus the group's committed offset, per "
                         "assigned input partition.", ["topic", "partition"], registry=r)
        self.index_entries = Gauge("newsfeed_index_entries", "Entries in a stage's in-memory index.",
                                   ["index"], registry=r)
        self.ner_batch_seconds = Histogram("newsfeed_ner_batch_seconds", "Wall time of one NER batch.",
                                           buckets=NER_BATCH_BUCKETS, registry=r)
        self.ready = Gauge("newsfeed_ready", "1 when the worker is ready (see /readyz), else 0.", registry=r)
        for stage, statuses in STAGE_STATUSES.items():
            self.stage_seconds.labels(stage)
            for status in statuses:
                self.articles.labels(stage, status)
        for index in INDEXES:
            self.index_entries.labels(index)

    def exposition(self) -> bytes:
        """The Prometheus text format (version 0.0.4) of every family."""
        return generate_latest(self.registry)


def consumer_lag(end_offsets: Mapping[Any, int], committed: Mapping[Any, int | None]) -> dict[Any, int]:
    """Per partition: log end offset - committed offset (the whole log when nothing is committed).

    Both maps are keyed by TopicPartition; a partition missing from `end_offsets` is left out.
    """
    return {tp: max(0, end - (committed.get(tp) or 0)) for tp, end in end_offsets.items()}


async def committed_offsets(admin: Any, group: str, tps: Iterable[Any]) -> dict[Any, int | None]:
    """The group's committed offset of each partition (None when it never committed one)."""
    tps = list(tps)
    found = await admin.list_consumer_group_offsets(group, partitions=tps)
    return {tp: (found[tp].offset if tp in found and found[tp].offset >= 0 else None) for tp in tps}


@dataclass
class StallWatchdog:
    """Flags partitions whose committed offset stayed put for `stall_seconds` while messages wait.

    `observe(lag, committed, now)` after each lag reading; `stalled` lists (topic, partition).
    """

    stall_seconds: float
    _since: dict[Any, tuple[int | None, float]] = field(default_factory=dict)
    stalled: list[Any] = field(default_factory=list)

    def observe(self, lag: Mapping[Any, int], committed: Mapping[Any, int | None], now: float) -> None:
        """Takes one lag reading: `lag` (topic, partition) -> messages waiting, `committed` -> the
        committed offset or None, `now` in seconds (one clock for all readings). Sets `stalled` to the partitions
        with messages waiting whose committed offset has not moved for stall_seconds or more; forgets
        partitions no longer in `lag`."""
        stalled = []
        for tp, waiting in lag.items():
            offset = committed.get(tp)
            previous = self._since.get(tp)
            if waiting == 0 or previous is None or previous[0] != offset:
                self._since[tp] = (offset, now)
            elif now - previous[1] >= self.stall_seconds:
                stalled.append(tp)
        for tp in set(self._since) - set(lag):
            del self._since[tp]
        self.stalled = stalled


def allow_only(paths: frozenset[str]) -> Callable:
    """An aiohttp middleware answering 404 to every path outside `paths`."""

    @aiohttp_web.middleware
    async def middleware(request: aiohttp_web.Request, handler: Callable) -> Any:
        if request.path.rstrip("/") not in paths:
            raise aiohttp_web.HTTPNotFound()
        return await handler(request)

    return middleware


def web_options(settings: Settings) -> dict[str, Any]:
    """faust.App keyword arguments for the web server: bound to WORKER_WEB_HOST, and serving only
    /metrics, /healthz and /readyz unless WORKER_WEB_DEBUG=1 (Faust's /router, /table, /stats,
    /graph and index views expose topology and table data)."""
    debug = settings.web_debug
    return dict(
        web_enabled=settings.web_enabled,
        web_port=settings.web_port,
        web_bind=settings.web_host,
        web_host=settings.web_host,
        web_router_enabled=debug,
        web_tables_enabled=debug,
        web_stats_enabled=debug,
        web_graph_enabled=debug,
        web_metrics_enabled=False,
        web_application_options={} if debug else {"middlewares": [allow_only(WEB_PATHS)]},
    )


def header_value(event: Any, name: str) -> bytes | None:
    """The value of header `name` on a faust event (headers as a mapping or as (name, value) pairs), or None."""
    headers = getattr(event, "headers", None) or {}
    value = headers.get(name) if isinstance(headers, Mapping) else dict(headers).get(name)
    return value if isinstance(value, bytes) else None


def _raw_timestamp(event: Any, raw_topic: str) -> float | None:
    """The raw message's timestamp for the event being processed: its own on the raw topic, else
    the header the stage before carried forward."""
    if event is None:
        return None
    message = event.message
    if message.topic == raw_topic:
        return message.timestamp
    value = header_value(event, RAW_TIMESTAMP_HEADER)
    try:
        return float(value) if value is not None else None
    except (TypeError, ValueError):
        return None


class Observability:
    """Metrics, readiness, health and lag of one Faust app. Create with `install(app, settings)`."""

    def __init__(self, app: Any, settings: Settings):
        self.app = app
        self.settings = settings
        self.metrics = Metrics()
        self.input_topics = {getattr(settings.topics, role): stage for stage, role in STAGE_INPUTS.items()}
        self.watchdog = StallWatchdog(settings.stall_seconds)
        self.indexes: dict[str, Any] = {}
        self.ner_pool: Any = None
        self.ner_ready = False
        self.recovered = False
        self.stopping = False
        self.lag_checked_at: float | None = None
        self._lag_clients: tuple[Any, Any] | None = None
        self._batch_started: dict[str, float | None] = {}
        self.metrics.ready.set_function(lambda: 1.0 if self.is_ready() else 0.0)

    # ---- called by the agents -------------------------------------------------------------
    def routed(self, stage: str, record: dict) -> None:
        """Count one record `stage` emitted; time it; for an enriched record, its end-to-end time."""
        status = record.get("status", "unknown")
        self.metrics.articles.labels(stage, status).inc()
        if status == "rejected":
            error = record.get("error") or {}
            self.metrics.rejected.labels(stage, error.get("code", "unknown")).inc()
            log.warning("dead letter: %s: %s", error.get("code"), error.get("message"),
                        extra={"article_id": record.get("id"), "stage": stage, "code": error.get("code")})
        elif log.isEnabledFor(logging.DEBUG):
            log.debug("%s -> %s", record.get("id"), status, extra={"article_id": record.get("id"), "stage": stage})
        milliseconds = ((record.get("pipeline") or {}).get(stage) or {}).get("ms")
        if stage != "entities" and isinstance(milliseconds, (int, float)):  # entities: see ner_batch
            self.metrics.stage_seconds.labels(stage).observe(milliseconds / 1000.0)
        if status == "enriched":
            started = _raw_timestamp(_current_event(), self.settings.topics.raw)
            if started is not None:
                self.metrics.end_to_end.observe(max(0.0, time.time() - started))

    def headers(self, record: dict | None = None) -> dict[str, bytes] | None:
        """Headers for `record`, sent while handling the current event (or a batch from
        `batch_values`): the raw message's timestamp, carried on to the next stage."""
        article_id = (record or {}).get("id")
        if article_id in self._batch_started:  # a batch (`batch_values`) noted each article's
            started = self._batch_started[article_id]
        else:
            started = _raw_timestamp(_current_event(), self.settings.topics.raw)
        return None if started is None else {RAW_TIMESTAMP_HEADER: repr(started).encode()}

    def batch_values(self, events: list[Any]) -> list[Any]:
        """The values of a batch of events (`stream.take_events`); notes each article's raw
        timestamp by its key (the article id), for `headers()` while the batch is sent on."""
        started = {}
        for event in events:
            key = event.key.decode("utf-8", "replace") if isinstance(event.key, bytes) else event.key
            if key:
                started[key] = _raw_timestamp(event, self.settings.topics.raw)
        self._batch_started = started
        return [event.value for event in events]

    def ner_batch(self, articles: int, seconds: float) -> None:
        """One NER batch of `articles` took `seconds`: the batch histogram, and each article a share."""
        if articles <= 0:
            return
        self.metrics.ner_batch_seconds.observe(seconds)
        per_article = self.metrics.stage_seconds.labels("entities")
        for _ in range(articles):
            per_article.observe(seconds / articles)

    def watch_index(self, name: str, state: Any) -> None:
        """Export `len(state.index)` as newsfeed_index_entries{index=name}; rebuild it on recovery."""
        self.indexes[name] = state
        self.metrics.index_entries.labels(name).set_function(lambda: float(len(state.index)))

    def watch_ner_pool(self, pool: Any) -> None:
        """`/healthz` checks this NerPool's processes."""
        self.ner_pool = pool

    def ner_pool_started(self) -> None:
        """The NER pool has loaded its model in every process (a `/readyz` condition)."""
        self.ner_ready = True

    # ---- state ----------------------------------------------------------------------------
    def assigned(self) -> set:
        """The assigned partitions of the four input topics (changelogs left out)."""
        try:
            assignment = self.app.consumer.assignment()
        except Exception:  # noqa: BLE001 - no consumer yet
            return set()
        return {tp for tp in assignment if tp.topic in self.input_topics}

    def ner_alive(self) -> bool:
        """False when a NER pool process has died (a rebuilt pool counts as alive until it fails)."""
        executor = getattr(self.ner_pool, "_executor", None)
        processes = getattr(executor, "_processes", None) or {}
        return all(process.is_alive() for process in list(processes.values()))

    def readiness(self) -> dict[str, bool]:
        """The `/readyz` checks by name; ready when all are True."""
        return {
            "partitions_assigned": bool(self.assigned()),
            "tables_recovered": self.recovered and not getattr(self.app, "rebalancing", False),
            "ner_pool_ready": self.ner_ready,
            "not_stopping": not self.stopping,
        }

    def is_ready(self) -> bool:
        """All `readiness()` checks pass (also the `newsfeed_ready` gauge)."""
        return all(self.readiness().values())

    def health(self) -> dict[str, Any]:
        """The `/healthz` checks: NER processes alive, partitions the stall watchdog flagged ("topic[p]")."""
        stalled = [f"{tp.topic}[{tp.partition}]" for tp in self.watchdog.stalled]
        return {
            "event_loop": True,  # this answer itself is the proof
            "ner_pool_alive": self.ner_alive(),
            "stalled_partitions": stalled,
        }

    # ---- Faust signals ----------------------------------------------------------------------
    async def on_assigned(self, assigned: Iterable[Any]) -> None:
        """Faust's partitions-assigned signal (`assigned`: TopicPartitions): not recovered until the tables
        are (readiness: tables_recovered False, /readyz 503 meanwhile)."""
        self.recovered = False

    async def on_revoked(self, revoked: Iterable[Any]) -> None:
        """Faust's partitions-revoked signal (`revoked`: TopicPartitions): not recovered, and the lag
        gauges of revoked input partitions are dropped (another worker reports them now)."""
        self.recovered = False
        for tp in revoked:
            if tp.topic in self.input_topics:
                self._drop_lag(tp)

    async def on_rebalance_complete(self) -> None:
        """Tables are recovered: rebuild the indexes from them now, not on the next article.
        Always, not only when an assignment marked them stale: faust sends this signal for a
        recovery that a newer assignment has superseded too (before it checks the generation),
        and the index rebuilt then misses what the newer recovery reads next (the fault suite's
        frozen worker: 9 entries its replacement had written, and 3 near duplicates enriched)."""
        for state in self.indexes.values():
            state.rebuild()
        self.recovered = True
        log.info("ready: partitions assigned and tables recovered into the indexes", extra={"event": "recovered"})

    def _drop_lag(self, tp: Any) -> None:
        try:
            self.metrics.lag.remove(tp.topic, str(tp.partition))
        except KeyError:
            pass

    # ---- consumer lag ---------------------------------------------------------------------
    async def _clients(self) -> tuple[Any, Any]:
        if self._lag_clients is None:
            from aiokafka import AIOKafkaConsumer
            from aiokafka.admin import AIOKafkaAdminClient

            admin = AIOKafkaAdminClient(bootstrap_servers=self.settings.bootstrap,
                                        client_id=f"{self.settings.app_id}-lag")
            consumer = AIOKafkaConsumer(bootstrap_servers=self.settings.bootstrap, group_id=None,
                                        enable_auto_commit=False, client_id=f"{self.settings.app_id}-lag")
            await admin.start()
            await consumer.start()
            self._lag_clients = (admin, consumer)
        return self._lag_clients

    async def check_lag(self) -> None:
        """Read log end offsets and the group's committed offsets of the assigned input partitions
        from the broker; set the lag gauges and feed the stall watchdog."""
        tps = self.assigned()
        if not tps:
            return
        admin, consumer = await self._clients()
        end = await consumer.end_offsets(list(tps))
        committed = await committed_offsets(admin, self.app.conf.id, tps)
        lag = consumer_lag(end, committed)
        current = self.assigned()
        for tp, value in lag.items():
            if tp in current:
                self.metrics.lag.labels(tp.topic, str(tp.partition)).set(value)
        self.watchdog.observe({tp: v for tp, v in lag.items() if tp in current}, committed, time.monotonic())
        if self.watchdog.stalled:
            log.warning("stalled: messages wait but no offset was committed for %.0f s on %s",
                        self.settings.stall_seconds, self.health()["stalled_partitions"])
        self.lag_checked_at = time.time()

    async def lag_loop(self) -> None:
        """Every LAG_INTERVAL_SECONDS: `check_lag`, bounded in time; a broker that does not answer
        leaves the last figures in place."""
        interval = self.settings.lag_interval_seconds
        while not self.stopping:
            try:
                await asyncio.wait_for(self.check_lag(), timeout=max(5.0, 2 * interval))
            except asyncio.CancelledError:
                raise
            except Exception as error:  # noqa: BLE001 - the broker may be away; try again later
                log.warning("consumer lag not read: %r", error)
            await asyncio.sleep(interval)

    async def close(self) -> None:
        """Stop the lag loop and close its Kafka clients (2 s each at most: the broker may be gone)."""
        self.stopping = True
        clients, self._lag_clients = self._lag_clients, None
        for client in clients or ():
            try:
                await asyncio.wait_for(client.close() if hasattr(client, "close") else client.stop(), 2.0)
            except Exception:  # noqa: BLE001 - closing on the way out; nothing to do about it
                pass

    # ---- web pages --------------------------------------------------------------------------
    def pages(self) -> None:
        """Register `/metrics`, `/healthz` (200/503) and `/readyz` (200/503, JSON bodies) on the app."""
        obs = self

        @self.app.page("/metrics")
        async def metrics_page(view: Any, request: Any) -> Any:
            # aiohttp refuses a charset inside content_type; the exposition format is UTF-8 anyway.
            return view.bytes(obs.metrics.exposition(), content_type=METRICS_CONTENT_TYPE)

        @self.app.page("/healthz")
        async def health_page(view: Any, request: Any) -> Any:
            health = obs.health()
            ok = health["ner_pool_alive"] and not health["stalled_partitions"]
            return view.json({"status": "ok" if ok else "unhealthy", **health}, status=200 if ok else 503)

        @self.app.page("/readyz")
        async def ready_page(view: Any, request: Any) -> Any:
            checks = obs.readiness()
            ok = all(checks.values())
            return view.json({"status": "ready" if ok else "not ready", **checks}, status=200 if ok else 503)


def _current_event() -> Any:
    from faust.streams import current_event

    return current_event()


def install(app: Any, settings: Settings) -> Observability:
    """Attach an Observability to `app` (`app.observability`): pages, signals, the lag timer."""
    obs = Observability(app, settings)
    app.observability = obs
    if settings.web_enabled:
        obs.pages()

    @app.on_partitions_assigned.connect
    async def _assigned(sender: Any, assigned: Any, **kwargs: Any) -> None:
        await obs.on_assigned(assigned)

    @app.on_partitions_revoked.connect
    async def _revoked(sender: Any, revoked: Any, **kwargs: Any) -> None:
        await obs.on_revoked(revoked)

    @app.on_rebalance_complete.connect
    async def _rebalanced(sender: Any, **kwargs: Any) -> None:
        await obs.on_rebalance_complete()

    @app.task
    async def _lag() -> None:
        await obs.lag_loop()

    @app.on_before_shutdown.connect
    async def _closing(sender: Any, **kwargs: Any) -> None:
        await obs.close()

    return obs


def of(app: Any) -> Observability:
    """The Observability `install` attached to `app`."""
    return app.observability


# ---- logs -----------------------------------------------------------------------------------
class EventContext(logging.Filter):
    """Adds what is known of the message being handled to each log record: `topic`, `partition`,
    `offset`, `stage` (the agent that reads that topic) and `article_id` (the message key: every
    record is keyed by article id). Fields already set by the caller (`extra=`) are kept."""

    def __init__(self, stages: Mapping[str, str] | None = None):
        super().__init__()
        self.stages = dict(stages or {})

    def filter(self, record: logging.LogRecord) -> bool:
        """Sets the current event's fields on `record` (those the caller did not set); always True
        (the record is logged), also when no event is being handled or reading it fails."""
        try:
            event = _current_event()
        except Exception:  # noqa: BLE001 - logging must never fail
            event = None
        if event is not None:
            message = event.message
            known = {"topic": message.topic, "partition": message.partition, "offset": message.offset,
                     "stage": self.stages.get(message.topic)}
            if isinstance(event.key, (bytes, str)) and event.key:
                key = event.key.decode("utf-8", "replace") if isinstance(event.key, bytes) else event.key
                known["article_id"] = key
            for name, value in known.items():
                if value is not None and not hasattr(record, name):
                    setattr(record, name, value)
        return True


def logging_config(settings: Settings) -> dict[str, Any] | None:
    """A logging.config.dictConfig for LOG_FORMAT=json (one JSON object per line on stdout:
    time, level, logger, message, and topic/partition/offset/stage/article_id where known), or
    None for the text format (Faust's own, for a terminal)."""
    if settings.log_format != "json":
        return None
    stages = {getattr(settings.topics, role): stage for stage, role in STAGE_INPUTS.items()}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "json": {
                "()": "pythonjsonlogger.json.JsonFormatter",
                "fmt": "{levelname}{name}{message}",
                "style": "{",
                "rename_fields": {"levelname": "level", "name": "logger"},
                "timestamp": "time",
            }
        },
        "filters": {"event": {"()": EventContext, "stages": stages}},
        "handlers": {
            "stdout": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout",
                       "formatter": "json", "filters": ["event"]}
        },
        "root": {"level": settings.log_level.upper(), "handlers": ["stdout"]},
    }
