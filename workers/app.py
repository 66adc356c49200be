"""create_app(settings) -> the Faust app with its topics, tables and agents."""

from __future__ import annotations

import hashlib
import socket
from typing import Any

import faust

from workers import agents, observability
from workers.offsets import guard_head_gaps
from workers.settings import Settings
from workers.topics import message_limit, topic_specs


# A worker that died (SIGKILL, OOM) holds its partitions until the group coordinator misses its
# heartbeats for this long; a restarted or surviving worker waits that long for them. Kafka's
# default (45 s; faust's 60 s) made recovery take a minute; 6 s is the broker's default
# group.min.session.timeout.ms. Heartbeats come from aiokafka's own thread, so a busy event
# loop does not miss them.
SESSION_TIMEOUT_SECONDS = 6.0
HEARTBEAT_INTERVAL_SECONDS = 1.5


def group_instance_id(settings: Settings) -> str:
    """This worker's static group membership id (KIP-345): stable across its restarts, unique
    among live workers. Workers on one host each need their own state dir (tables), so host
    name + state dir names one worker. A restarted worker takes its place back at once instead
    of waiting for the session timeout of its dead self."""
    where = f"{socket.gethostname()}:{settings.state_dir.resolve()}"
    return f"{settings.app_id}-{hashlib.sha1(where.encode()).hexdigest()[:12]}"


def create_app(settings: Settings) -> faust.App:
    """The Faust app for settings: broker, table store and data dir (under settings.state_dir), one
    copy of each table, topic partitions, and the consumer and producer options the README's delivery
    contract relies on. Agents and tables are registered by workers.agents."""
    datadir = settings.state_dir / "worker-data"
    datadir.mkdir(parents=True, exist_ok=True)
    app = faust.App(
        settings.app_id,
        broker=f"kafka://{settings.bootstrap}",
        store=settings.table_store,
        datadir=str(datadir),
        # One copy of each table, on its owner: nothing reads standbys, and each index is rebuilt
        # from its table (changelog) when partitions move.
        table_standby_replicas=0,
        topic_partitions=settings.partitions,
        # Kafka's own auto-creation is off; topics are created by workers.topics.ensure_topics.
        topic_allow_declare=True,
        **observability.web_options(settings),
        autodiscover=False,
        producer_acks=-1,
        # big pages travel (MAX_MESSAGE_BYTES): compressed, and the same limit as broker and topics
        producer_compression_type=settings.kafka_compression,
        producer_max_request_size=message_limit(settings),
        consumer_max_fetch_size=message_limit(settings),
        stream_wait_empty=False,
        broker_commit_every=100,
        broker_commit_interval=1.0,
        broker_session_timeout=SESSION_TIMEOUT_SECONDS,
        broker_heartbeat_interval=HEARTBEAT_INTERVAL_SECONDS,
        consumer_group_instance_id=group_instance_id(settings),
    )
    topics = {
        role: app.topic(
            spec.name,
            partitions=spec.partitions,
            key_type=bytes,
            value_type=bytes,
            key_serializer="raw",
            value_serializer="raw",
            config=spec.config,
        )
        for role, spec in topic_specs(settings).items()
    }
    observability.install(app, settings)
    agents.register(app, topics, settings)
    # before the fetch loop starts: it reads the consumer's callback and read offsets once
    guard_head_gaps(app.consumer)
    read_committed(app.consumer)
    return app


def read_committed(consumer: Any) -> None:
    """Make faust's Kafka consumer (created when the worker starts) read with isolation level
    read_committed: records of a transactional producer's aborted transactions were never
    published and reach no agent, and end offsets (lag) stop at the last stable offset. faust
    reads so only under processing_guarantee=exactly_once, which would also make every send
    transactional. Its markers and aborted records are offsets without a message: faust's gap
    handling (`workers.offsets`) passes them, and `workers.watchdog` commits past those at the
    end of a partition."""
    thread = consumer._thread
    create = thread._create_worker_consumer

    def created(transport: Any) -> Any:
        client = create(transport)
        client._isolation_level = "read_committed"  # aiokafka reads it when the consumer starts
        return client

    thread._create_worker_consumer = created
