"""Record types of every topic, their JSON Schemas (schemas/), and the codec.

Records travel as plain dicts serialised with orjson; the schemas in schemas/ are the contract.
`validate(kind, record)` is used at the edges (raw input, tests) and is cheap enough for that.
"""

from __future__ import annotations

import base64
import functools
import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import orjson
from jsonschema import Draft202012Validator

SCHEMA_VERSION = 1
SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"
# Largest record value the pipeline sends: under the producer's and the broker's default
# request and message limits (1,000,000 and 1,048,588 bytes), with room for key and headers.
MAX_VALUE_BYTES = 900_000


class RecordError(ValueError):
    """A message that is not a valid record; `code` names the reason for the rejected topic."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


@functools.cache
def validator(kind: str) -> Draft202012Validator:
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
    errors = schema_errors(kind, record)
    if errors:
        raise RecordError("schema_violation", f"{kind} record: " + "; ".join(errors[:5]))


def encode(record: dict) -> bytes:
    return orjson.dumps(record)


def decode_raw(payload: bytes | str | dict) -> dict:
    """Bytes from articles.raw -> a valid raw record, or RecordError saying why not."""
    if isinstance(payload, dict):
        record = payload
    else:
        try:
            record = orjson.loads(payload)
        except orjson.JSONDecodeError as error:
            raise RecordError("undecodable", f"not JSON: {error}") from None
    if not isinstance(record, dict):
        raise RecordError("undecodable", f"expected a JSON object, got {type(record).__name__}")
    validate("raw", record)
    return record


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def raw_record(
    article_id: str,
    content: str,
    content_type: str = "text/plain",
    source: str | None = None,
    fetched_at: str | None = None,
) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "id": article_id,
        "source": source,
        "content_type": content_type,
        "content": content,
        "fetched_at": fetched_at or now_iso(),
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
) -> dict:
    """A dead-letter record; the payload is cut to `payload_limit` characters (and flagged) if given."""
    text, encoding = payload_text(payload)
    if article_id is None and isinstance(payload, dict) and isinstance(payload.get("id"), str):
        article_id = payload["id"]
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
    return record


def fit_message(stage: str, record: dict, payload: Any) -> tuple[dict, bytes]:
    """(record, its bytes), or, when that is too large for a Kafka message, a rejected record
    saying so, with as much of the original payload as fits."""
    value = encode(record)
    if len(value) <= MAX_VALUE_BYTES:
        return record, value
    too_large = rejected_record(
        stage,
        "too_large",
        f"the {record.get('status')} record would be {len(value)} bytes, over the {MAX_VALUE_BYTES}-byte message limit",
        payload,
        record.get("id"),
        payload_limit=MAX_VALUE_BYTES // 6,  # a character can take up to 6 bytes in JSON ("\\u0000")
    )
    return too_large, encode(too_large)
