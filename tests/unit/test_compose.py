"""docker-compose.yml cannot run here (no docker engine): check that it agrees with the code."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import yaml

from workers.settings import KAFKA_VERSION, Settings, TopicNames

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
ENV = COMPOSE["x-newsfeed-env"]


def test_kafka_image_is_the_version_the_local_broker_runs():
    assert COMPOSE["services"]["kafka"]["image"] == f"apache/kafka:{KAFKA_VERSION}"


def test_every_topic_is_named_in_the_environment_with_the_settings_default():
    for topic in fields(TopicNames):
        assert ENV[f"TOPIC_{topic.name.upper()}"] == getattr(TopicNames(), topic.name)


def test_environment_parses_into_settings_pointing_at_the_compose_broker():
    settings = Settings.from_env({key: str(value) for key, value in ENV.items()})
    assert settings.bootstrap == "kafka:9092"
    assert settings.partitions == Settings().partitions
    assert settings.app_id == Settings().app_id


def test_every_service_runs_the_same_worker_image_and_env():
    services = COMPOSE["services"]
    for name in ("topics", "worker", "replayer"):
        assert services[name]["image"] == "newsfeed-worker"
        assert services[name]["environment"] == ENV
    assert services["replayer"]["profiles"] == ["replay"]
    assert "container_name" not in services["worker"], "a fixed name would stop --scale worker=3"


def test_broker_does_not_auto_create_topics():
    assert COMPOSE["services"]["kafka"]["environment"]["KAFKA_AUTO_CREATE_TOPICS_ENABLE"] == "false"


def test_env_names_are_all_read_by_the_settings_module():
    source = (ROOT / "workers" / "settings.py").read_text()
    for name in ENV:
        if not name.startswith("TOPIC_") or name == "TOPIC_PARTITIONS":
            assert f'"{name}"' in source, name


def test_compose_broker_takes_the_message_limit_the_topics_and_producers_use():
    from workers.topics import message_limit, topic_specs

    settings = Settings.from_env({key: str(value) for key, value in ENV.items()})
    broker = COMPOSE["services"]["kafka"]["environment"]
    assert int(broker["KAFKA_MESSAGE_MAX_BYTES"]) == message_limit(settings) == int(broker["KAFKA_REPLICA_FETCH_MAX_BYTES"])
    assert settings.max_message_bytes == Settings().max_message_bytes
    for spec in topic_specs(settings).values():
        assert int(spec.config["max.message.bytes"]) == message_limit(settings)
