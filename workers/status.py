"""`newsfeed status`: the pipeline as the broker sees it, plus a worker's readiness.

Everything except readiness comes from the broker alone: log start/end offsets of every topic,
the app's consumer group's committed offsets (consumer lag per stage), messages per second over
the last minute (offsets by timestamp), and dead letters counted by `error.code` from the
rejected topic's most recent messages. `snapshot()` returns one plain dict (the `--json` output);
`render()` draws it with rich.
"""

from __future__ import annotations

import asyncio
import time
import urllib.error
import urllib.request
from datetime import datetime, timezone
from typing import Any

import orjson
from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient
from rich.console import Group
from rich.table import Table

from workers.observability import STAGE_INPUTS, consumer_lag
from workers.settings import Settings, TopicNames

RATE_WINDOW_SECONDS = 60.0
# Dead letters are counted over at most this many of the newest messages per partition.
DEAD_LETTER_SCAN = 10_000
OUTCOME_ROLES = {"enriched": "enriched", "duplicate": "duplicates", "rejected": "rejected"}


async def _partitions(admin: AIOKafkaAdminClient, topics: list[str]) -> dict[str, list[TopicPartition]]:
    """The partitions of each topic (none for a topic that does not exist)."""
    found: dict[str, list[TopicPartition]] = {topic: [] for topic in topics}
    existing = set(await admin.list_topics())
    wanted = [topic for topic in topics if topic in existing]
    for description in (await admin.describe_topics(wanted)) if wanted else []:
        found[description["topic"]] = sorted(
            TopicPartition(description["topic"], p["partition"]) for p in description["partitions"]
        )
    return found


async def _rates(consumer: AIOKafkaConsumer, tps: list[TopicPartition], end: dict, now: float) -> dict:
    """Messages appended to each partition in the last RATE_WINDOW_SECONDS."""
    if not tps:
        return {}
    found = await consumer.offsets_for_times({tp: int((now - RATE_WINDOW_SECONDS) * 1000) for tp in tps})
    return {tp: (end[tp] - found[tp].offset) if found.get(tp) is not None else 0 for tp in tps}


async def _dead_letters(consumer: AIOKafkaConsumer, tps: list[TopicPartition], start: dict, end: dict,
                        timeout: float) -> tuple[dict[str, int], int]:
    """(count by error.code, messages read) over the newest DEAD_LETTER_SCAN of each partition."""
    wanted = {tp: end[tp] for tp in tps if end[tp] > start[tp]}
    codes: dict[str, int] = {}
    if not wanted:
        return codes, 0
    consumer.assign(list(wanted))
    for tp, last in wanted.items():
        consumer.seek(tp, max(start[tp], last - DEAD_LETTER_SCAN))
    read = 0
    deadline = time.monotonic() + timeout
    while wanted and time.monotonic() < deadline:
        batches = await consumer.getmany(timeout_ms=500, max_records=1000)
        for tp, messages in batches.items():
            for message in messages:
                read += 1
                try:
                    code = (orjson.loads(message.value).get("error") or {}).get("code") or "unknown"
                except (orjson.JSONDecodeError, AttributeError):
                    code = "unreadable"
                codes[code] = codes.get(code, 0) + 1
            if messages and messages[-1].offset + 1 >= wanted.get(tp, 0):
                wanted.pop(tp, None)
    return codes, read


def worker_readiness(url: str, timeout: float = 2.0) -> dict[str, Any]:
    """GET `url` (a worker's /readyz): {"url", "ready", "http_status", "checks"}; unreachable is not ready."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            status, body = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, body = error.code, error.read()
    except (urllib.error.URLError, OSError) as error:
        return {"url": url, "ready": False, "http_status": None, "error": str(error)}
    try:
        checks = orjson.loads(body)
    except orjson.JSONDecodeError:
        checks = {}
    return {"url": url, "ready": status == 200, "http_status": status, "checks": checks}


async def snapshot(settings: Settings, readyz_url: str | None = None, timeout: float = 15.0) -> dict[str, Any]:
    """The pipeline's state now, from the broker (and `readyz_url` when given), as a plain dict.

    Shape: {"at", "bootstrap", "group", "topics": {role: {name, partitions, end_offset, messages,
    per_second_1m}}, "stages": {stage: {topic, lag, partitions: {p: lag}}}, "outcomes": {enriched,
    duplicate, rejected}, "dead_letters": {code: n}, "dead_letters_scanned", "worker"}.
    Raises KafkaError subclasses (or asyncio.TimeoutError) when the broker does not answer.
    """
    now = time.time()
    names = {role: getattr(settings.topics, role) for role in TopicNames.__dataclass_fields__}
    consumer = AIOKafkaConsumer(bootstrap_servers=settings.bootstrap, group_id=None, enable_auto_commit=False,
                                client_id=f"{settings.app_id}-status")
    admin = AIOKafkaAdminClient(bootstrap_servers=settings.bootstrap, client_id=f"{settings.app_id}-status")
    await asyncio.wait_for(consumer.start(), timeout)
    try:
        await asyncio.wait_for(admin.start(), timeout)
        partitions = await _partitions(admin, list(names.values()))
        tps = [tp for group in partitions.values() for tp in group]
        end = await consumer.end_offsets(tps) if tps else {}
        start = await consumer.beginning_offsets(tps) if tps else {}
        rates = await _rates(consumer, tps, end, now)
        committed_raw = await admin.list_consumer_group_offsets(settings.app_id)
        committed = {tp: meta.offset for tp, meta in committed_raw.items() if meta.offset >= 0}
        topics = {role: _topic_row(name, partitions[name], start, end, rates) for role, name in names.items()}
        stages = _stage_lags(names, partitions, end, committed)
        codes, scanned = await _dead_letters(consumer, partitions[names["rejected"]], start, end, timeout)
    finally:
        await admin.close()
        await consumer.stop()
    return {
        "at": datetime.fromtimestamp(now, timezone.utc).isoformat(timespec="seconds"),
        "bootstrap": settings.bootstrap,
        "group": settings.app_id,
        "topics": topics,
        "stages": stages,
        "outcomes": {outcome: topics[role]["messages"] for outcome, role in OUTCOME_ROLES.items()},
        "dead_letters": dict(sorted(codes.items(), key=lambda item: -item[1])),
        "dead_letters_scanned": scanned,
        "worker": worker_readiness(readyz_url) if readyz_url else None,
    }


def _topic_row(name: str, group: list[TopicPartition], start: dict, end: dict, rates: dict) -> dict[str, Any]:
    """One topic's row of a snapshot: {name, partitions, end_offset, messages, per_second_1m}, where
    messages = end - start summed over the partitions and per_second_1m is messages appended in the last
    RATE_WINDOW_SECONDS per second."""
    return {
        "name": name,
        "partitions": len(group),
        "end_offset": sum(end[tp] for tp in group),
        "messages": sum(end[tp] - start[tp] for tp in group),
        "per_second_1m": round(sum(rates[tp] for tp in group) / RATE_WINDOW_SECONDS, 3),
    }


def _stage_lags(names: dict[str, str], partitions: dict, end: dict, committed: dict) -> dict[str, dict]:
    """{stage: {topic, lag, partitions: {"p": lag}}}: each stage's consumer lag on its input topic, the
    end offset less the group's committed offset per partition (all of it when nothing is committed)."""
    stages = {}
    for stage, role in STAGE_INPUTS.items():
        group = partitions[names[role]]
        lag = consumer_lag({tp: end[tp] for tp in group}, committed)
        stages[stage] = {"topic": names[role], "lag": sum(lag.values()),
                         "partitions": {str(tp.partition): lag[tp] for tp in group}}
    return stages


def render(state: dict[str, Any]) -> Group:
    """Rich tables of a `snapshot()`."""
    topics = Table(title=f"topics at {state['bootstrap']} ({state['at']})", title_justify="left")
    for column in ("role", "topic", "partitions", "end offset", "messages", "msg/s 1m"):
        topics.add_column(column, justify="left" if column in ("role", "topic") else "right")
    for role, topic in state["topics"].items():
        topics.add_row(role, topic["name"], str(topic["partitions"]), str(topic["end_offset"]),
                       str(topic["messages"]), f"{topic['per_second_1m']:.2f}")
    stages = Table(title=f"consumer lag of group {state['group']}", title_justify="left")
    for column in ("stage", "reads", "lag", "by partition"):
        stages.add_column(column, justify="right" if column == "lag" else "left")
    for stage, info in state["stages"].items():
        spread = " ".join(f"{p}:{n}" for p, n in info["partitions"].items() if n)
        stages.add_row(stage, info["topic"], str(info["lag"]), spread or "-")
    outcomes = Table(title="outcomes and dead letters", title_justify="left")
    outcomes.add_column("what")
    outcomes.add_column("count", justify="right")
    for outcome, count in state["outcomes"].items():
        outcomes.add_row(outcome, str(count))
    for code, count in state["dead_letters"].items():
        outcomes.add_row(f"  rejected: {code}", str(count))
    parts: list[Any] = [topics, stages, outcomes]
    worker = state.get("worker")
    if worker:
        colour = "green" if worker["ready"] else "red"
        detail = worker.get("error") or ", ".join(
            f"{k}={v}" for k, v in (worker.get("checks") or {}).items() if k != "status")
        parts.append(f"worker {worker['url']}: [{colour}]{'ready' if worker['ready'] else 'NOT ready'}[/] {detail}")
    return Group(*parts)
