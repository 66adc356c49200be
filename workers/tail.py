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


# `--format pretty` / `tail`: the fields shown under the title, in order, each when the record has
# it; SHOWN_EMPTY ones (and the title) also when empty ("—") on an article record (clean ... enriched),
# since a missing title, byline or date is worth seeing, and "—" then always means null.
SHOWN_FIELDS = ("dateline", "byline", "authors", "published_at", "published_at_utc", "updated_at", "source",
                "fetched_at", "story_id", "duplicate_of", "similarity", "reason")
SHOWN_EMPTY = frozenset({"dateline", "byline", "authors", "published_at", "published_at_utc", "updated_at"})
ARTICLE_STATUSES = frozenset({"clean", "unique", "tagged", "enriched"})
_EMPTY = "—"


def field_text(record: dict, name: str) -> str | None:
    """How one field of `record` reads in the panel: authors as "A · B (2 authors)", fetched_at marked
    "(estimated: when it was received or read, not fetched)" when fetched_at_estimated; None for an
    absent or empty value."""
    value = record.get(name)
    if value is None or value == [] or value == "":
        return None
    if name == "authors":
        return " · ".join(map(str, value)) + f" ({len(value)} author{'s' if len(value) != 1 else ''})"
    if name == "fetched_at" and record.get("fetched_at_estimated") is True:
        return f"{value} (estimated: when it was received or read, not fetched)"
    return str(value)


def render(console: Console, value: bytes) -> None:
    """One record as a short panel: status and id in the title; the headline; the article's
    metadata (SHOWN_FIELDS); entities; the body's start; for a rejected record the
    dead-letter reason (stage, code, message) and where the message came from (origin)."""
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
    elif status in ARTICLE_STATUSES:
        lines.append(f"title: {_EMPTY}\n", style="dim")  # none found: the stage never makes one up
    _append_fields(lines, record, status in ARTICLE_STATUSES)
    if record.get("entities"):
        ranked = sorted(record["entities"], key=lambda e: (-e.get("salience", 0), -e.get("count", 0)))
        lines.append("entities: " + ", ".join(f"{e['name']} ({e['label']}×{e['count']})" for e in ranked[:8]) + "\n")
    if record.get("body"):
        lines.append(record["body"][:240].replace("\n\n", " ¶ ") + ("…" if len(record["body"]) > 240 else ""))
    if isinstance(record.get("error"), dict):
        _append_dead_letter(lines, record)
    colour = {"enriched": "green", "duplicate": "yellow", "rejected": "red"}.get(status, "blue")
    shown_id = record.get("id") if record.get("id") is not None else "(no id)"  # a dead letter with no readable id
    console.print(Panel(lines, title=f"[{colour}]{status}[/] {shown_id}", title_align="left"))


def _append_fields(lines: Text, record: dict, article: bool) -> None:
    for name in SHOWN_FIELDS:
        text = field_text(record, name)
        if text is None and article and name in SHOWN_EMPTY:
            text = _EMPTY
        if text is not None:
            lines.append(f"{name}: {text}\n", style="dim")


def _append_dead_letter(lines: Text, record: dict) -> None:
    error = record["error"]
    lines.append(f"dead letter: {error.get('code')} (stage {error.get('stage')})\n", style="bold red")
    lines.append(f"{error.get('message')}", style="red")
    origin = record.get("origin") or {}
    where = origin.get("source") or (f"{origin['topic']}[{origin.get('partition')}]@{origin.get('offset')}" if origin.get("topic") else None)
    if where:
        lines.append(f"\nfrom: {where}", style="dim")


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
