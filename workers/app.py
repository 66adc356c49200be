"""create_app(settings) -> the Faust app with its topics, tables and agents."""

from __future__ import annotations

import faust

from workers import agents, observability
from workers.settings import Settings
from workers.topics import message_limit, topic_specs


def create_app(settings: Settings) -> faust.App:
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
    return app
