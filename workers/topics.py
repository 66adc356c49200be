"""Topic names, partition counts and configs: the one place that declares them.

The dedupe and enrich stages compare every article with every earlier one, so their input topics
(clean, tagged) have a single partition: every article meets the whole index, whichever worker
owns it. The expensive stages (clean on raw, entities on unique) scale over TOPIC_PARTITIONS.
"""

from __future__ import annotations

from dataclasses import dataclass

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError

from workers.settings import Settings

SERIAL_PARTITIONS = 1
# Roles whose stage compares an article with every earlier one (dedupe on clean, story grouping on
# tagged): their topic must have exactly SERIAL_PARTITIONS, or the index is split between partitions.
SERIAL_ROLES = ("clean", "tagged")
WEEK_MS = 7 * 24 * 3600 * 1000
# a record batch's own bytes (header, one record's framing, key, headers) on top of the value
BATCH_OVERHEAD_BYTES = 64 * 1024
# Header the replayer puts on every raw message: where it read it (a path, or PATH:LINE of a
# JSON-lines file). A rejected record carries it as `origin.source`.
SOURCE_HEADER = "newsfeed-source"


def message_limit(settings: Settings) -> int:
    """Bytes the producers may send and the broker and topics accept in one batch: the largest
    record value (MAX_MESSAGE_BYTES) plus batch overhead. Raised together everywhere: producer
    `max_request_size`, broker `message.max.bytes`, each topic's `max.message.bytes`."""
    return settings.max_message_bytes + BATCH_OVERHEAD_BYTES


@dataclass(frozen=True)
class TopicSpec:
    """One topic to create: its name, partition count and topic configs (cleanup.policy, retention, ...)."""

    name: str
    partitions: int
    config: dict[str, str]


def topic_specs(settings: Settings) -> dict[str, TopicSpec]:
    """Every topic the pipeline reads or writes, keyed by its role (raw, clean, …)."""
    names = settings.topics
    size = {"max.message.bytes": str(message_limit(settings))}
    keep = {"cleanup.policy": "delete", "retention.ms": str(WEEK_MS), **size}
    return {
        "raw": TopicSpec(names.raw, settings.partitions, keep),
        "clean": TopicSpec(names.clean, SERIAL_PARTITIONS, keep),
        "unique": TopicSpec(names.unique, settings.partitions, keep),
        "tagged": TopicSpec(names.tagged, SERIAL_PARTITIONS, keep),
        # Keyed by article id and re-sent only on redelivery: compaction keeps one copy each.
        "enriched": TopicSpec(names.enriched, settings.partitions, {"cleanup.policy": "compact", **size}),
        "duplicates": TopicSpec(names.duplicates, settings.partitions, keep),
        "rejected": TopicSpec(names.rejected, settings.partitions, keep),
    }


class TopicMismatch(Exception):
    """A topic exists with a partition count the pipeline cannot run on (see `check_partitions`)."""


def check_partitions(specs: dict[str, TopicSpec], counts: dict[str, int]) -> None:
    """Raise TopicMismatch when a serial role's topic (`SERIAL_ROLES`) exists with another count
    than declared. `counts`: topic name -> partitions of the topics that exist. Other topics may
    have more or fewer partitions than TOPIC_PARTITIONS (an operator scaled one out): their
    stages hold no state that spans partitions, and the worker reads the count from the broker."""
    for role in SERIAL_ROLES:
        spec = specs[role]
        found = counts.get(spec.name)
        if found is not None and found != spec.partitions:
            raise TopicMismatch(
                f"topic {spec.name!r} ({role}) has {found} partitions; it must have {spec.partitions}: "
                f"its stage compares every article with every earlier one, and more partitions would split "
                f"that index between them. Recreate it with {spec.partitions} partition(s), or set "
                f"TOPIC_{role.upper()} to a new topic name."
            )


async def partition_counts(admin: AIOKafkaAdminClient, names: list[str]) -> dict[str, int]:
    """Topic name -> its partition count on the broker, for those of `names` that exist."""
    described = await admin.describe_topics(names) if names else []
    return {d["topic"]: len(d["partitions"]) for d in described if d["error_code"] == 0 and d["partitions"]}


async def broker_partition_counts(settings: Settings) -> dict[str, int]:
    """Topic name -> partitions on the broker, for the pipeline's topics that exist."""
    admin = AIOKafkaAdminClient(bootstrap_servers=settings.bootstrap, client_id=f"{settings.app_id}-admin")
    await admin.start()
    try:
        return await partition_counts(admin, [spec.name for spec in topic_specs(settings).values()])
    finally:
        await admin.close()


async def ensure_topics(settings: Settings) -> list[str]:
    """Create the missing topics (the local broker does not auto-create); return those created.
    Raises TopicMismatch when an existing topic has a partition count the stages cannot run on."""
    admin = AIOKafkaAdminClient(bootstrap_servers=settings.bootstrap, client_id=f"{settings.app_id}-admin")
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        specs = topic_specs(settings)
        check_partitions(specs, await partition_counts(admin, [s.name for s in specs.values() if s.name in existing]))
        wanted = [
            NewTopic(spec.name, spec.partitions, 1, topic_configs=spec.config)
            for spec in specs.values()
            if spec.name not in existing
        ]
        if not wanted:
            return []
        try:
            await admin.create_topics(wanted)
        except TopicAlreadyExistsError:
            pass  # another worker created them between our list and create: that is fine
        return [topic.name for topic in wanted]
    finally:
        await admin.close()
