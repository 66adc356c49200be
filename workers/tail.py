"""The topic reader: records from a topic as they arrive, readable or as JSON lines."""

from __future__ import annotations

import asyncio
import time
from typing import AsyncIterator

import orjson
from aiokafka import AIOKafkaConsumer
from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from workers.settings import Settings


async def records(
    settings: Settings,
    topic: str,
    *,
    from_beginning: bool = False,
    limit: int | None = None,
    timeout: float | None = None,
) -> AsyncIterator[tuple[bytes | None, bytes]]:
    """(key, value) of each message; stops after `limit` messages or `timeout` seconds."""
    consumer = AIOKafkaConsumer(
        topic,
        bootstrap_servers=settings.bootstrap,
        group_id=None,
        enable_auto_commit=False,
        auto_offset_reset="earliest" if from_beginning else "latest",
    )
    await consumer.start()
    deadline = None if timeout is None else time.monotonic() + timeout
    seen = 0
    try:
        while limit is None or seen < limit:
            wait = 1.0 if deadline is None else min(1.0, deadline - time.monotonic())
            if wait <= 0:
                return
            batches = await consumer.getmany(timeout_ms=int(wait * 1000), max_records=100)
            for messages in batches.values():
                for message in messages:
                    yield message.key, message.value
                    seen += 1
                    if limit is not None and seen >= limit:
                        return
    finally:
        await consumer.stop()


def render(console: Console, value: bytes) -> None:
    """One record as a short panel: status, id, title, and what the status makes interesting."""
    try:
        record = orjson.loads(value)
    except orjson.JSONDecodeError:
        console.print(Text(value.decode("utf-8", errors="replace")[:500]))
        return
    if not isinstance(record, dict):
        console.print(record)
        return
    status = record.get("status", "?")
    lines = Text()
    if record.get("title"):
        lines.append(f"{record['title']}\n", style="bold")
    for name in ("dateline", "published_at", "source", "story_id", "duplicate_of", "similarity", "reason"):
        if record.get(name) is not None:
            lines.append(f"{name}: {record[name]}\n", style="dim")
    if record.get("entities"):
        ranked = sorted(record["entities"], key=lambda e: (-e.get("salience", 0), -e.get("count", 0)))
        lines.append("entities: " + ", ".join(f"{e['name']} ({e['label']}×{e['count']})" for e in ranked[:8]) + "\n")
    if record.get("body"):
        lines.append(record["body"][:240].replace("\n\n", " ¶ ") + ("…" if len(record["body"]) > 240 else ""))
    if record.get("error"):
        lines.append(f"{record['error'].get('stage')}: {record['error'].get('code')}: {record['error'].get('message')}", style="red")
    colour = {"enriched": "green", "duplicate": "yellow", "rejected": "red"}.get(status, "blue")
    console.print(Panel(lines, title=f"[{colour}]{status}[/] {record.get('id')}", title_align="left"))


async def follow(settings: Settings, topic: str, *, as_json: bool, from_beginning: bool, limit: int | None, timeout: float | None, console: Console) -> int:
    """Print the records of topic (rendered, or one JSON line each with as_json) until limit records or
    timeout seconds without one; from the earliest offset with from_beginning. Returns how many were shown."""
    count = 0
    async for _key, value in records(settings, topic, from_beginning=from_beginning, limit=limit, timeout=timeout):
        if as_json:
            console.file.write(value.decode("utf-8", errors="replace") + "\n")
            console.file.flush()
        else:
            render(console, value)
        count += 1
    return count


def run(settings: Settings, topic: str, **options) -> int:
    """follow() from synchronous code (the CLI): the number of records shown."""
    return asyncio.run(follow(settings, topic, **options))
