"""The replayer: files or JSON lines -> raw records on articles.raw."""

from __future__ import annotations

import asyncio
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterable, Iterator

import orjson
from aiokafka import AIOKafkaProducer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from workers.records import raw_record
from workers.settings import Settings

HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


@dataclass(frozen=True)
class Message:
    """One message for articles.raw: its key and the exact bytes to send."""

    key: str | None
    value: bytes


@dataclass
class Summary:
    sent: int = 0
    failed: int = 0
    seconds: float = 0.0


def _file_message(path: Path) -> Message:
    content_type = "text/html" if path.suffix.lower() in HTML_SUFFIXES else "text/plain"
    content = path.read_bytes().decode("utf-8", errors="replace")
    record = raw_record(path.stem, content, content_type=content_type, source=None)
    return Message(record["id"], orjson.dumps(record))


def _json_line_messages(lines: Iterable[bytes | str]) -> Iterator[Message]:
    """Each non-blank line as it stands: a broken line still goes out, so the worker dead-letters it."""
    for line in lines:
        data = line.encode("utf-8") if isinstance(line, str) else line
        data = data.strip()
        if not data:
            continue
        try:
            parsed = orjson.loads(data)
            key = parsed.get("id") if isinstance(parsed, dict) and isinstance(parsed.get("id"), str) else None
        except orjson.JSONDecodeError:
            key = None
        yield Message(key, data)


def collect(paths: Iterable[str], stdin: IO[bytes] | None = None) -> list[Message]:
    """The messages for the given files, folders (their files, sorted) and `-` (stdin)."""
    messages: list[Message] = []
    for name in paths:
        if name == "-":
            messages.extend(_json_line_messages((stdin or sys.stdin.buffer).readlines()))
            continue
        path = Path(name)
        if not path.exists():
            raise FileNotFoundError(f"no such file or folder: {name}")
        files = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith(".")) if path.is_dir() else [path]
        for file in files:
            if file.suffix.lower() in JSONL_SUFFIXES:
                with file.open("rb") as handle:
                    messages.extend(_json_line_messages(handle))
            else:
                messages.append(_file_message(file))
    return messages


def with_fresh_id(message: Message) -> Message:
    """The same content under a new id (what a syndicated copy or a re-scrape looks like)."""
    try:
        record = orjson.loads(message.value)
    except orjson.JSONDecodeError:
        return message
    if not isinstance(record, dict):
        return message
    record["id"] = f"{record.get('id') or 'article'}-{uuid.uuid4().hex[:12]}"
    return Message(record["id"], orjson.dumps(record))


async def publish(
    settings: Settings,
    messages: list[Message],
    *,
    rate: float | None = None,
    repeat: int = 1,
    new_ids: bool = False,
    show_progress: bool = True,
) -> Summary:
    summary = Summary()
    total = len(messages) * repeat
    producer = AIOKafkaProducer(bootstrap_servers=settings.bootstrap, acks="all", linger_ms=5)
    started = time.perf_counter()
    await producer.start()
    try:
        with Progress(
            TextColumn("replay"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            disable=not show_progress, transient=True, console=None,
        ) as progress:
            task = progress.add_task("replay", total=total)
            pending = []
            for position in range(total):
                message = messages[position % len(messages)]
                if new_ids:
                    message = with_fresh_id(message)
                if rate:
                    delay = started + position / rate - time.perf_counter()
                    if delay > 0:
                        await asyncio.sleep(delay)
                key = message.key.encode("utf-8") if message.key else None
                pending.append(await producer.send(settings.topics.raw, message.value, key=key))
                progress.advance(task)
            for future in pending:
                try:
                    await future
                    summary.sent += 1
                except Exception:  # noqa: BLE001 - counted and reported in the summary
                    summary.failed += 1
    finally:
        await producer.stop()
    summary.seconds = time.perf_counter() - started
    return summary
