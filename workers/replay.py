"""The replayer: files or JSON lines -> raw records on articles.raw, streamed.

Inputs are read one at a time (`iter_inputs`) and sent with at most MAX_IN_FLIGHT sends awaiting
their acknowledgement (`publish`), so memory does not grow with the number of files. Each input is a
`Message` or, when it cannot be sent (unreadable, undecodable, a binary file, over the message
limit), a `Failure` with its reason: the replay goes on and the summary lists it.

A file's id is its name without extension. When two files of one replay would give the same id
(`a.txt` beside `a.html`, or `a.txt` in two folders), the later one gets a suffix: its extension,
then its parent folder's name, then a number (`a-txt`, `news-a`, `a-2`), and the summary says so.
Ids that JSON records of the call carry are taken too, so a file read after them is renamed; a JSON
record is never renamed (its id is the user's), and one that comes after a file sent under the same id
is listed on the summary (the worker takes it as a re-send of that file's article).
`send_records` sends any iterable of raw records (dicts) the same way.

What a file holds decides how it is read (`file_items`): JSON holding raw records is those records
(a `.json` that holds none is a Failure saying what is missing), anything else one page; `-` is JSON
lines, one JSON document or one page (`stdin_items`).
"""

from __future__ import annotations

import asyncio
import dataclasses
import io
import itertools
import os
import sys
import time
import uuid
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, AsyncIterator, Iterable, Iterator, Union

import orjson
from aiokafka import AIOKafkaProducer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from workers.decoding import Undecodable, binary_signature, decode_bytes
from workers.records import raw_record, readable_id, sniff_content_type
from workers.settings import Settings
from workers.topics import SOURCE_HEADER, message_limit

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
JSON_SUFFIXES = {".json"}  # a raw record, or a list of them, or an error saying what it holds instead
COMPRESSED_KINDS = {"gzip", "bzip2", "xz", "zstd", "7-Zip"}  # workers.decoding.FILE_SIGNATURES names: not unpacked
MAX_IN_FLIGHT = 256  # sends awaiting acknowledgement at any time
# How long a send may wait for a broker that is away (restarting, electing a leader) before it counts as
# failed: Kafka's own producer default, delivery.timeout.ms = 120000 (KIP-91). aiokafka expires a batch after
# request_timeout_ms (40 s by default), so a broker restart slower than 40 s on a loaded machine failed sends.
DELIVERY_TIMEOUT_MS = 120_000


@dataclass(frozen=True)
class Message:
    """One message for articles.raw: its key, the exact bytes to send, and where it came from."""

    key: str | None
    value: bytes
    origin: str | None = None


@dataclass(frozen=True)
class Failure:
    """An input that could not be sent: where it came from (a path, `-:LINE`), a rejection code
    (`too_large`, `unreadable`, `not_text`, `undecodable`, `send_failed`) and why."""

    origin: str
    code: str
    reason: str
    key: str | None = None
    payload: bytes = b""  # what was read, when it was text (a .json that holds no raw record): the dead letter's payload


Item = Union[Message, Failure]


@dataclass
class Summary:
    """What a replay did: counts, each failure with its reason, each renamed id, non-UTF-8 files."""

    sent: int = 0
    failed: int = 0
    seconds: float = 0.0
    failures: list[Failure] = field(default_factory=list)
    renamed: list[tuple[str, str]] = field(default_factory=list)  # (file, id it was sent under)
    decoded: list[tuple[str, str]] = field(default_factory=list)  # (file, charset it was read as)
    keyless: list[str] = field(default_factory=list)  # sent without an id (a line that is not JSON, or has none)
    clashes: list[tuple[str, str]] = field(default_factory=list)  # (record's origin, id a file was sent under)

    def lines(self) -> list[str]:
        """The summary as lines for the terminal."""
        out = [f"sent {self.sent}, failed {self.failed}, {self.seconds:.2f} s"]
        out += [f"failed: {f.origin}: {f.code}: {f.reason}" for f in self.failures]
        out += [f"renamed: {origin} sent as id {new_id!r} (its name was taken in this replay)" for origin, new_id in self.renamed]
        out += [f"decoded: {origin} read as {charset}" for origin, charset in self.decoded]
        out += [f"no id: {origin} sent without one (the worker dead-letters it with origin.source = {origin!r})"
                for origin in self.keyless]
        out += [f"same id: {origin} has id {key!r}, which a file of this replay was sent under: the worker takes it"
                " as a re-send of that file's article" for origin, key in self.clashes]
        return out


def _content_type(path: Path, text: str) -> str:
    """text/html for a file named .html/.htm/.xhtml or whose text starts as markup, else text/plain."""
    return "text/html" if path.suffix.lower() in HTML_SUFFIXES else sniff_content_type(text)


class IdRegistry:
    """Ids handed out to files in one pass of a replay; a taken id gets a stable suffix."""

    def __init__(self) -> None:
        self.taken: set[str] = set()
        self.files: set[str] = set()  # the ids handed to files (claim), a subset of taken
        self.last: str | None = None  # the id claimed last: the page being read now

    def claim(self, path: Path) -> str:
        """A new article id for the file at path: its stem, else stem-extension, else parent-stem, else
        stem-2, stem-3, ... (the first not taken in this pass); the id is taken from then on."""
        stem = path.stem
        extension = path.suffix.lstrip(".").lower()
        parent = path.resolve().parent.name
        candidates = [stem, f"{stem}-{extension}" if extension else None, f"{parent}-{stem}" if parent else None]
        for candidate in candidates:
            if candidate and candidate not in self.taken:
                return self._hand_out(candidate)
        number = 2
        while f"{stem}-{number}" in self.taken:
            number += 1
        return self._hand_out(f"{stem}-{number}")

    def _hand_out(self, article_id: str) -> str:
        self.taken.add(article_id)
        self.files.add(article_id)
        self.last = article_id
        return article_id

    def note_record(self, article_id: str) -> bool:
        """Take the id a JSON record carries (files claimed later avoid it); True when a file of this
        pass was already sent under it (the record is not renamed: its id is the user's)."""
        self.taken.add(article_id)
        return article_id in self.files


def _registered(items: Iterable[Item], registry: IdRegistry, summary: Summary | None, *, pages: bool = True) -> Iterator[Item]:
    """`items` as they are, each JSON record's id noted on `registry` (with `pages`, not a page sent under
    the id just claimed for it); a record clashing with a file's id is listed on `summary`."""
    for item in items:
        if isinstance(item, Message) and item.key and not (pages and item.key == registry.last):
            if registry.note_record(item.key) and summary is not None:
                summary.clashes.append((item.origin or item.key, item.key))
        yield item


def file_items(path: Path, article_id: str, max_bytes: int, summary: Summary | None = None) -> list[Item]:
    """One file -> its Messages, or a Failure saying why not. Decided by content, not only by the
    suffix: a file whose text is a JSON object with a `content` member is that raw record, a JSON
    array of them one record each (`json_document_items`); a `.json` file that is not JSON, or
    holds no raw record, is a Failure naming what is missing; any other file is one page."""
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes and path.suffix.lower() not in JSON_SUFFIXES:
            with path.open("rb") as handle:  # its head as the payload (cut and flagged by rejected_record)
                head = whole_characters(handle.read(max_bytes))
            return [Failure(origin, "too_large", f"{size} bytes, over the {max_bytes}-byte message limit", article_id, head)]
        data = path.read_bytes()
    except OSError as error:
        return [Failure(origin, "unreadable", str(error.strerror or error), article_id)]
    kind = binary_signature(data)
    if kind:
        hint = "; unpack it first" if kind in COMPRESSED_KINDS else ""
        return [Failure(origin, "not_text", f"a {kind} file{hint}", article_id, data)]  # its bytes as the payload
    try:
        decoded = decode_bytes(data)
    except Undecodable as error:
        return [Failure(origin, "undecodable", str(error), article_id, data)]  # its bytes (base64) as the payload
    if summary is not None and decoded.encoding not in ("utf-8", "ascii"):
        summary.decoded.append((origin, f"{decoded.encoding} ({decoded.method})"))
    if path.suffix.lower() not in HTML_SUFFIXES:
        records = json_document_items(decoded.text, origin, article_id, max_bytes, required=path.suffix.lower() in JSON_SUFFIXES)
        if records is not None:
            return records
    return [page_item(decoded.text, origin, article_id, max_bytes, _content_type(path, decoded.text))]


def whole_characters(data: bytes) -> bytes:
    """`data` without a UTF-8 sequence cut at its end (at most 3 bytes), when that makes it UTF-8; else
    as it is (a file's head read to a byte count, kept as text rather than base64 in a dead letter)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data" and error.start >= len(data) - 3:
            return data[: error.start]
    return data


def page_item(text: str, origin: str, article_id: str, max_bytes: int, content_type: str | None = None) -> Item:
    """A page's text -> the raw record that carries it (content_type: given, else text/html when
    the text starts as markup, else text/plain), or a Failure when it is over `max_bytes`."""
    record = raw_record(article_id, text, content_type=content_type or sniff_content_type(text), source=None)
    value = orjson.dumps(record)
    if len(value) > max_bytes:
        return Failure(origin, "too_large", f"the record is {len(value)} bytes, over the {max_bytes}-byte message limit",
                       article_id, text.encode("utf-8", "surrogatepass"))
    return Message(article_id, value, origin)


def json_document_items(text: str, origin: str, article_id: str, max_bytes: int, *, required: bool = False) -> list[Item] | None:
    """The raw records a JSON document holds: an object with a string `content` member is one
    record (its `id`, else `article_id`), an array of such objects one record per element (its
    `id`, else `article_id-N`, N from 1). An element that is not such an object is a Failure
    (`schema_violation`) naming the file, the element and what is missing; a record over
    `max_bytes` is `too_large`. None when the text is no JSON object or array (or, unless
    `required`, holds no raw record: a page that happens to be JSON); when `required` (a .json
    file), a Failure saying what it holds instead (`not_json`, `schema_violation`)."""
    value, error = _json_value(text)
    if value is _NOT_JSON or not isinstance(value, (dict, list)):
        if not required:
            return None
        what = f"not JSON ({error})" if value is _NOT_JSON else f"a JSON {type(value).__name__}, not a raw record or a list of them"
        return [Failure(origin, "not_json", what, article_id, text.encode("utf-8", "surrogatepass"))]
    elements = [value] if isinstance(value, dict) else value
    if not required and not any(_is_raw(element) for element in elements):
        return None
    if not elements:
        return [Failure(origin, "schema_violation", "an empty JSON array: no raw records in it", article_id)]
    if isinstance(value, dict):
        return [_record_item(value, origin, article_id, max_bytes)]
    return [_record_item(element, f"{origin}[{n}]", f"{article_id}-{n}", max_bytes) for n, element in enumerate(value, start=1)]


_NOT_JSON = object()


def _json_value(text: str | bytes) -> tuple[object, str | None]:
    """(the JSON value, None), or (_NOT_JSON, the parser's message) when the text is no JSON
    object or array (only text starting with "{" or "[" is parsed)."""
    if not text.strip():
        return _NOT_JSON, "it is empty"
    if text.lstrip()[:1] not in ("{", "[", b"{", b"["):
        return _NOT_JSON, "it does not start with { or ["
    try:
        return orjson.loads(text), None
    except orjson.JSONDecodeError as error:
        return _NOT_JSON, str(error)


def _is_raw(value: object) -> bool:
    return isinstance(value, dict) and isinstance(value.get("content"), str)


def _record_item(value: object, origin: str, default_id: str, max_bytes: int) -> Item:
    """One JSON value meant as a raw record -> its Message (id filled in when it has none; an id
    that is no string is kept, for the worker to dead-letter as schema_violation), or a Failure
    saying what is missing."""
    if not isinstance(value, dict):
        return Failure(origin, "schema_violation", f"a JSON {type(value).__name__}, not a raw record (an object with `id` and `content`)",
                       default_id, orjson.dumps(value))
    if not _is_raw(value):
        members = ", ".join(sorted(map(str, value))[:8]) or "none"
        missing = ("a `content` member" if "content" not in value
                   else f"`content` as a string (it is a JSON {type(value['content']).__name__})")
        return Failure(origin, "schema_violation", f"no raw record: {missing} is missing (a raw record needs `id` and `content`; its members: {members})",
                       readable_id(value) or default_id, orjson.dumps(value))
    record = value if value.get("id") not in (None, "") else {**value, "id": default_id}  # a wrong id: dead-lettered
    data = orjson.dumps(record)
    key = readable_id(record)
    if len(data) > max_bytes:
        return Failure(origin, "too_large", f"the record is {len(data)} bytes, over the {max_bytes}-byte message limit", key, data)
    return Message(key, data, origin)


def json_line_items(lines: Iterable[bytes | str], origin: str = "-", max_bytes: int | None = None) -> Iterator[Item]:
    """Each non-blank line as it stands, keyed by the id the worker will read from it
    (records.readable_id): a broken line still goes out, so the worker dead-letters it."""
    for number, line in enumerate(lines, start=1):
        data = line.encode("utf-8", "surrogatepass") if isinstance(line, str) else line
        data = data.strip()
        if not data:
            continue
        key = readable_id(data)  # also from a broken line, as the worker reads it for its dead letter
        where = f"{origin}:{number}"
        if max_bytes is not None and len(data) > max_bytes:
            yield Failure(where, "too_large", f"{len(data)} bytes, over the {max_bytes}-byte message limit", key, data)
            continue
        yield Message(key, data, where)


def _files(path: Path) -> list[Path]:
    if not path.is_dir():
        return [path]
    with os.scandir(path) as entries:
        return sorted(Path(e.path) for e in entries if e.is_file() and not e.name.startswith("."))


def skipped_subfolders(paths: Iterable[str]) -> list[str]:
    """A note for each folder among `paths` that holds subfolders, which are not read (no
    recursion): "FOLDER: N subfolder(s) not read (...)"."""
    notes = []
    for name in paths:
        path = Path(name)
        if name == "-" or not path.is_dir():
            continue
        with os.scandir(path) as entries:
            count = sum(1 for e in entries if e.is_dir() and not e.name.startswith("."))
        if count:
            notes.append(f"{name}: {count} subfolder(s) not read (folders are not read recursively: "
                         f"give them as paths, e.g. {os.path.join(name, '*')})")
    return notes


def check_paths(paths: Iterable[str]) -> None:
    """Raise FileNotFoundError for the first path that does not exist or is a folder without a
    file in it (hidden files are skipped; `-` is stdin)."""
    for name in paths:
        if name == "-":
            continue
        path = Path(name)
        if not path.exists():
            raise FileNotFoundError(f"no such file or folder: {name}")
        if path.is_dir() and not _files(path):
            raise FileNotFoundError(f"no files in folder: {name} (hidden files and subfolders are not read)")


def iter_inputs(
    paths: Iterable[str],
    stdin: IO[bytes] | None = None,
    *,
    max_bytes: int | None = None,
    summary: Summary | None = None,
) -> Iterator[Item]:
    """Messages (or Failures) for the given files, folders (their files, sorted) and `-` (stdin,
    `stdin_items`), one at a time. Ids of files are unique within the call (see the module
    docstring); renames and files read in another charset than UTF-8 are noted on `summary`."""
    limit = max_bytes or Settings().max_message_bytes
    registry = IdRegistry()
    for name in paths:
        if name == "-":
            yield from _registered(stdin_items(stdin or sys.stdin.buffer, limit, registry), registry, summary)
            continue
        path = Path(name)
        if not path.exists():
            raise FileNotFoundError(f"no such file or folder: {name}")
        for file in _files(path):
            if file.suffix.lower() in JSONL_SUFFIXES:
                try:
                    with file.open("rb") as handle:
                        yield from _registered(json_line_items(handle, str(file), limit), registry, summary, pages=False)
                except OSError as error:
                    yield Failure(str(file), "unreadable", str(error.strerror or error))
                continue
            article_id = registry.claim(file)
            items = file_items(file, article_id, limit, summary)
            sent_under_it = any(isinstance(item, Message) and item.key == article_id for item in items)
            if article_id != file.stem and summary is not None and sent_under_it:
                summary.renamed.append((str(file), article_id))  # a file that fails is not sent at all
            yield from _registered(items, registry, summary)


def stdin_items(stream: IO[bytes], max_bytes: int, registry: IdRegistry | None = None) -> Iterator[Item]:
    """`-`, decided by its first non-blank line: JSON lines (streamed, `json_line_items`) when
    that line is a JSON object; one JSON document (an object or an array of raw records,
    `json_document_items`) when the whole input is one (pretty-printed, or an array); JSON lines
    again when it starts with "{" or "[" but is neither (each broken line goes out as it stands);
    otherwise one page, id `stdin` (HTML when it starts as markup). Empty input yields nothing."""
    lines = iter(stream)
    head: list[bytes] = []
    for line in lines:
        head.append(line)
        if line.strip():
            break
    first = head[-1].strip() if head else b""
    if not first:
        return
    if first.startswith(b"{") and isinstance(_json_value(first)[0], dict):
        yield from json_line_items(itertools.chain(head, lines), "-", max_bytes)
        return
    data = b"".join(head) + b"".join(lines)
    article_id = registry.claim(Path("stdin")) if registry is not None else "stdin"
    if kind := binary_signature(data):
        yield Failure("-", "not_text", f"a {kind} stream", article_id, data)
        return
    try:
        text = decode_bytes(data).text
    except Undecodable as error:
        yield Failure("-", "undecodable", str(error), article_id, data)
        return
    if first[:1] in (b"{", b"[") and _json_value(text)[0] is _NOT_JSON:
        yield from json_line_items(data.splitlines(), "-", max_bytes)
        return
    records = json_document_items(text, "-", article_id, max_bytes, required=first[:1] in (b"{", b"["))
    yield from records if records is not None else [page_item(text, "-", article_id, max_bytes)]


def collect(paths: Iterable[str], stdin: IO[bytes] | None = None, *, max_bytes: int | None = None) -> list[Item]:
    """`iter_inputs` as a list (small inputs and tests; the replayer itself streams)."""
    return list(iter_inputs(paths, stdin, max_bytes=max_bytes))


def with_fresh_id(message: Message) -> Message:
    """The same content under a new id (what a syndicated copy or a re-scrape looks like)."""
    try:
        record = orjson.loads(message.value)
    except orjson.JSONDecodeError:
        return message
    if not isinstance(record, dict):
        return message
    record["id"] = f"{record.get('id') or 'article'}-{uuid.uuid4().hex[:12]}"
    return Message(record["id"], orjson.dumps(record), message.origin)


def replay_items(
    paths: list[str],
    *,
    repeat: int = 1,
    new_ids: bool = False,
    stdin: IO[bytes] | None = None,
    max_bytes: int | None = None,
    summary: Summary | None = None,
) -> Iterator[Item]:
    """The inputs `repeat` times over (files are read again each pass; stdin is kept only when
    repeat > 1), each message under a fresh id when `new_ids`. Failures are reported once."""
    kept: list[bytes] | None = None
    if "-" in paths and repeat > 1:
        kept = (stdin or sys.stdin.buffer).readlines()
    for turn in range(repeat):
        source = None
        if kept is not None:
            source = io.BytesIO(b"".join(kept))
        for item in iter_inputs(paths, source or stdin, max_bytes=max_bytes, summary=summary if turn == 0 else None):
            if isinstance(item, Failure):
                if turn == 0:
                    yield item
                continue
            yield with_fresh_id(item) if new_ids else item


def records_as_messages(records: Iterable[dict]) -> Iterator[Message]:
    """Raw records (dicts, e.g. synthesized ones) -> Messages keyed by their id."""
    for record in records:
        key = record.get("id") if isinstance(record.get("id"), str) else None
        yield Message(key, orjson.dumps(record), key)


def producer_for(settings: Settings) -> AIOKafkaProducer:
    """The replayer's producer: acks from all replicas, compressed, messages up to the limit, a send
    retried for up to DELIVERY_TIMEOUT_MS while the broker is away."""
    return AIOKafkaProducer(
        bootstrap_servers=settings.bootstrap,
        acks="all",
        request_timeout_ms=DELIVERY_TIMEOUT_MS,  # aiokafka's batch time-to-live as well
        linger_ms=5,
        compression_type=settings.kafka_compression,
        max_request_size=message_limit(settings),  # the worker's and the broker's limit, batch overhead included
    )


async def _paced(items: Iterable[Item], rate: float | None) -> AsyncIterator[Item]:
    started = time.perf_counter()
    position = 0
    for item in items:
        if rate and isinstance(item, Message):
            delay = started + position / rate - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            position += 1
        yield item


async def publish(
    settings: Settings,
    items: Iterable[Item],
    *,
    rate: float | None = None,
    show_progress: bool = True,
    summary: Summary | None = None,
    total: int | None = None,
) -> Summary:
    """Send every Message of `items` to the raw topic at `rate` messages/s (None: as fast as the
    broker takes them), with at most MAX_IN_FLIGHT unacknowledged; Failures and failed sends are
    counted and listed on the returned Summary, never raised."""
    summary = summary or Summary()
    producer = producer_for(settings)
    started = time.perf_counter()
    await producer.start()
    pending: deque[tuple[Message, asyncio.Future]] = deque()
    try:
        with Progress(
            TextColumn("replay"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            disable=not show_progress, transient=True, console=None,
        ) as progress:
            task = progress.add_task("replay", total=total)
            async for item in _paced(items, rate):
                if isinstance(item, Failure):
                    _failed(summary, item)
                    continue
                key = item.key.encode("utf-8") if item.key else None
                headers = [(SOURCE_HEADER, item.origin.encode("utf-8", "surrogateescape"))] if item.origin else None
                if key is None and item.origin:
                    summary.keyless.append(item.origin)
                try:
                    pending.append((item, await producer.send(settings.topics.raw, item.value, key=key, headers=headers)))
                except Exception as error:  # noqa: BLE001 - one bad message must not stop the replay
                    _failed(summary, Failure(item.origin or str(item.key), "send_failed", f"{type(error).__name__}: {error}", item.key))
                progress.advance(task)
                while len(pending) >= MAX_IN_FLIGHT:
                    await _settle(summary, *pending.popleft())
            while pending:
                await _settle(summary, *pending.popleft())
    finally:
        await producer.stop()
    summary.seconds = time.perf_counter() - started
    return summary


async def send_records(
    settings: Settings, records: Iterable[dict], *, rate: float | None = None, show_progress: bool = False
) -> Summary:
    """Send raw records (dicts) to the raw topic at `rate`/s, streamed as `publish` does."""
    return await publish(settings, records_as_messages(records), rate=rate, show_progress=show_progress)


def _failed(summary: Summary, failure: Failure) -> None:
    summary.failed += 1
    summary.failures.append(dataclasses.replace(failure, payload=b""))  # the summary says why, not what


async def _settle(summary: Summary, message: Message, future: asyncio.Future) -> None:
    try:
        await future
        summary.sent += 1
    except Exception as error:  # noqa: BLE001 - counted and reported in the summary
        _failed(summary, Failure(message.origin or str(message.key), "send_failed", f"{type(error).__name__}: {error}", message.key))
