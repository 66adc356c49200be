"""Clean stage: a raw page dump or HTML page -> the article text and its metadata."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from workers.stages.errors import StageError

STAGE = "clean"
VERSION = "0.1"

_SPACES = re.compile(r"[ \t\u00a0]+")


def content_hash(body: str) -> str:
    return hashlib.blake2b(body.encode("utf-8"), digest_size=16).hexdigest()


def clean(raw: dict) -> dict:
    text = unicodedata.normalize("NFC", raw["content"])
    lines = [_SPACES.sub(" ", line).strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    if not lines:
        raise StageError("empty_after_clean", "no text left after cleaning")
    title = lines[0] if len(lines) > 1 and len(lines[0]) < 150 else None
    paragraphs = lines[1:] if title else lines
    body = "\n\n".join(paragraphs)
    return {
        "schema_version": 1,
        "id": raw["id"],
        "status": "clean",
        "source": raw.get("source"),
        "fetched_at": raw.get("fetched_at"),
        "content_type": raw["content_type"],
        "title": title,
        "body": body,
        "paragraphs": paragraphs,
        "dateline": None,
        "byline": None,
        "published_at": None,
        "updated_at": None,
        "summary": None,
        "language": None,
        "removed": {},
        "content_hash": content_hash(body),
        "pipeline": {STAGE: {"version": VERSION}},
    }
