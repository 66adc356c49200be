"""Record types of every topic, their JSON Schemas (schemas/), and the codec.

Records travel as plain dicts serialised with orjson; the schemas in schemas/ are the contract.
`validate(kind, record)` is used at the edges (raw input, tests) and is cheap enough for that.
"""

from __future__ import annotations

import base64
import functools
import json
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import orjson
from jsonschema import Draft202012Validator

from workers.decoding import Undecodable, decode_bytes
from workers.settings import DEFAULT_MAX_MESSAGE_BYTES

SCHEMA_VERSION = 1
SUPPORTED_SCHEMA_VERSIONS = frozenset({1})
SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"
# Largest record value the pipeline sends by default (MAX_MESSAGE_BYTES); producers, broker and
# topics accept it plus batch overhead (workers.topics.message_limit).
MAX_VALUE_BYTES = DEFAULT_MAX_MESSAGE_BYTES
# an "id" member near the start of a payload that is not valid JSON (or not a valid record)
_ID_MEMBER = re.compile(rb'"id"\s*:\s*"((?:[^"\\\x00-\x1f]|\\.){1,512})"')
_ID_SCAN_BYTES = 65_536
_LOOKS_HTML = re.compile(r"\s{0,200}<(?:!doctype html|html|head|body|article|div|p|meta|title)\b", re.IGNORECASE)


class RecordError(ValueError):
    """A message that is not a valid record; `code` names the reason for the rejected topic."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


@functools.cache
def validator(kind: str) -> Draft202012Validator:
    """The JSON Schema (draft 2020-12) validator of `kind` (a file name in schemas/ without `.json`:
    raw, clean, unique, enriched, duplicate, rejected), built once; the schema itself is checked first.
    FileNotFoundError for an unknown kind."""
    schema = json.loads((SCHEMA_DIR / f"{kind}.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def schema_errors(kind: str, record: Any) -> list[str]:
    """Every way `record` breaks the schema of `kind`, as readable lines (empty when valid)."""
    return [
        f"{'/'.join(map(str, error.absolute_path)) or '<record>'}: {error.message}"
        for error in validator(kind).iter_errors(record)
    ]


def validate(kind: str, record: Any) -> None:
    """Nothing when `record` matches the schema of `kind`; else RecordError `schema_violation` naming
    at most five of the ways it does not."""
    errors = schema_errors(kind, record)
    if errors:
        raise RecordError("schema_violation", f"{kind} record: " + "; ".join(errors[:5]))


PUBLISHED_UNTIMED = frozenset({"enriched", "duplicate"})  # the statuses of the pipeline's final topics


def published(record: dict) -> dict:
    """The record as it is published on a final topic (enriched, duplicates) and written by
    `newsfeed enrich`: its `pipeline` keeps each stage's `version` but not its measured `ms`, so the
    same article processed twice (a redelivery, or a worker that resumed after a pause while another
    took its partitions) gives byte-identical records. The timings go to the `newsfeed_stage_seconds`
    metric. Records of other statuses (the stages' own topics, dead letters) are returned as given."""
    if record.get("status") not in PUBLISHED_UNTIMED:
        return record
    steps = record.get("pipeline") or {}
    untimed = {stage: {k: v for k, v in step.items() if k != "ms"} for stage, step in steps.items()}
    return {**record, "pipeline": untimed}


def encode(record: dict) -> bytes:
    """A record as the UTF-8 JSON bytes sent on a topic (orjson: compact, keys in insertion order)."""
    return orjson.dumps(record)


def decode_raw(payload: bytes | str | dict, *, received_at: str | None = None) -> dict:
    """A message from articles.raw -> a valid raw record, or RecordError saying why not.

    Lenient where scrapers differ (README "Records"): message bytes that are not UTF-8 are decoded
    by workers.decoding; a missing `schema_version` is 1 (another integer is
    `unsupported_schema_version`, a non-integer a `schema_violation`); a missing `fetched_at` is the time of receipt (`received_at`,
    default now); a missing `content_type` is text/html when the content starts like HTML, else
    text/plain. Only `id` and `content` are required."""
    if payload is None:  # a tombstone: another client's producer deleting a key, never an article
        raise RecordError("not_json", "the message has no value (a tombstone: a null value), so no article")
    if isinstance(payload, dict):
        record = dict(payload)
    else:
        record = _parse_json(payload)
    if not isinstance(record, dict):
        raise RecordError("not_json", f"expected a JSON object, got {type(record).__name__}")
    version = record.setdefault("schema_version", SCHEMA_VERSION)
    if not isinstance(version, int) or isinstance(version, bool):
        raise RecordError("schema_violation", f"schema_version must be an integer, got {version!r}")
    if version not in SUPPORTED_SCHEMA_VERSIONS:
        raise RecordError(
            "unsupported_schema_version",
            f"schema_version {version!r} is not one this worker reads ({', '.join(map(str, sorted(SUPPORTED_SCHEMA_VERSIONS)))})",
        )
    if record.get("fetched_at") is None:
        record["fetched_at"] = received_at or now_iso()
        record["fetched_at_estimated"] = True  # the time of receipt: relative dates stay unresolved
    if record.get("content_type") is None:
        content = record.get("content")
        record["content_type"] = sniff_content_type(content) if isinstance(content, str) else "text/plain"
    validate("raw", record)
    return record


def sniff_content_type(content: str) -> str:
    """text/html when the text starts like an HTML document (a tag such as <html>, <body>, <div>
    in its first 200 characters after white space), else text/plain."""
    return "text/html" if _LOOKS_HTML.match(content[:1000]) is not None else "text/plain"


def _parse_json(payload: bytes | str) -> object:
    """The JSON value of a message; RecordError `undecodable` when its bytes are not text in any
    charset (or read as binary: workers.decoding, normalise.looks_binary), `not_json` when they
    are text but not JSON."""
    try:
        return orjson.loads(payload)
    except orjson.JSONDecodeError as error:
        first = error
    if isinstance(payload, (bytes, bytearray, memoryview)):
        try:  # JSON written in another charset than UTF-8 (a producer's platform default)
            text = decode_bytes(bytes(payload)).text
        except Undecodable as error:
            raise RecordError("undecodable", f"the message is not text in any charset: {error}") from None
        from workers.stages.clean.normalise import looks_binary  # the clean stage's test; only on this path

        if looks_binary(text):
            raise RecordError("undecodable", "the message is binary, not text")
        try:
            return orjson.loads(text)
        except orjson.JSONDecodeError:
            pass
    raise RecordError("not_json", f"not JSON: {first}")


def readable_id(payload: Any) -> str | None:
    """The article id a payload carries, when it can be read: a string `id` of a JSON object, or
    of an `"id": "..."` member in the first 64 KB of a payload that is not valid JSON."""
    if isinstance(payload, dict):
        value = payload.get("id")
        return value if isinstance(value, str) and value else None
    data = payload.encode("utf-8", "replace") if isinstance(payload, str) else bytes(payload or b"")
    try:
        parsed = orjson.loads(data)
    except orjson.JSONDecodeError:
        parsed = None
    if isinstance(parsed, dict):
        return readable_id(parsed)
    match = _ID_MEMBER.search(data[:_ID_SCAN_BYTES])
    if match is None:
        return None
    try:
        value = json.loads(b'"' + match.group(1) + b'"')
    except ValueError:
        return None
    return value if isinstance(value, str) and value and "\ufffd" not in value else None


def now_iso() -> str:
    """The current UTC time in ISO 8601 with milliseconds and offset (`2026-11-30T10:21:20.123+00:00`)."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def raw_record(
    article_id: str,
    content: str,
    content_type: str = "text/plain",
    source: str | None = None,
    fetched_at: str | None = None,
) -> dict:
    """A raw record (schemas/raw.json) as the replayer sends it. Without `fetched_at` (ISO 8601) the
    current time stands in and `fetched_at_estimated` says so."""
    return {
        "schema_version": SCHEMA_VERSION,
        "id": article_id,
        "source": source,
        "content_type": content_type,
        "content": content,
        "fetched_at": fetched_at or now_iso(),
        **({} if fetched_at else {"fetched_at_estimated": True}),
    }


def payload_text(payload: Any) -> tuple[str, str]:
    """The original message as (text, encoding) so a rejected record loses nothing."""
    if isinstance(payload, (bytes, bytearray, memoryview)):
        data = bytes(payload)
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            return base64.b64encode(data).decode("ascii"), "base64"
    if isinstance(payload, str):
        return payload, "utf-8"
    return orjson.dumps(payload, default=str).decode("utf-8"), "utf-8"


def rejected_record(
    stage: str,
    code: str,
    message: str,
    payload: Any,
    article_id: str | None = None,
    payload_limit: int | None = None,
    origin: dict | None = None,
) -> dict:
    """A dead-letter record; the payload is cut to `payload_limit` characters (and flagged) if given.

    `id` is `article_id`, else whatever id the payload carries (readable_id), else null; `origin`
    ({topic, partition, offset}) says which message it was."""
    text, encoding = payload_text(payload)
    if article_id is None:
        article_id = readable_id(payload)
    record = {
        "schema_version": SCHEMA_VERSION,
        "id": article_id,
        "status": "rejected",
        "error": {"code": code, "message": message[:2000], "stage": stage},
        "payload": text,
        "payload_encoding": encoding,
        "rejected_at": now_iso(),
    }
    if payload_limit is not None and len(text) > payload_limit:
        record["payload"] = text[:payload_limit]
        record["payload_truncated"] = True
    if origin is not None:
        record["origin"] = origin
    return record


def fit_message(stage: str, record: dict, payload: Any, limit: int = MAX_VALUE_BYTES) -> tuple[dict, bytes]:
    """(record, its bytes), or, when that is over `limit` bytes (MAX_MESSAGE_BYTES), a rejected
    record saying so (`too_large`), with as much of the original payload as fits. A rejected record
    over the limit keeps its code and carries the first part of its payload."""
    value = encode(record)
    if len(value) <= limit:
        return record, value
    if record.get("status") == "rejected" and isinstance(record.get("payload"), str):
        # a rejection keeps its own (first, real) reason; only its copy of the payload is cut
        cut = {**record, "payload": record["payload"][: limit // 6], "payload_truncated": True}
        return cut, encode(cut)
    too_large = too_large_record(stage, record, len(value), payload, limit)
    return too_large, encode(too_large)


def too_large_record(stage: str, record: dict, size: int, payload: Any, limit: int = MAX_VALUE_BYTES,
                     what: str = "record") -> dict:
    """The `too_large` rejection of `record`, whose `what` ("record", or its stage's "table entry")
    would be `size` bytes, over `limit` (MAX_MESSAGE_BYTES); it carries the first part of `payload`."""
    return rejected_record(
        stage,
        "too_large",
        f"the {record.get('status')} {what} would be {size} bytes, over the {limit}-byte message limit",
        payload,
        record.get("id"),
        payload_limit=limit // 6,  # a character can take up to 6 bytes in JSON ("\\u0000")
    )
