"""The clean stage's entry: content as it arrives -> text the line passes can trust.

Passes, in order (each pure, each counted in the clean record's `removed`):

1. content as bytes, or base64 (`content_encoding: "base64"`), is decoded by workers.decoding
   (BOM, declared charset, UTF-8, charset-normalizer); nothing decodable -> `undecodable`;
2. a binary file signature (PDF, PNG, ZIP, ...) or a control-character share over
   normalise.BINARY_CONTROL_SHARE -> `not_text`;
3. mojibake is repaired with ftfy (`removed.repaired_encoding`: lines changed);
4. ANSI escape sequences and C0/C1 control characters are stripped (`removed.control_characters`);
5. the article passes (core.clean), then a last check that no U+FFFD or control character reached
   the title, byline or body that the source did not have.
"""

from __future__ import annotations

import base64
import binascii

from workers.decoding import Undecodable, binary_signature, decode_bytes, repair_mojibake
from workers.stages.clean import core
from workers.stages.clean.normalise import BINARY_CONTROL_SHARE, control_share, strip_controls
from workers.stages.errors import StageError

TEXT_FIELDS = ("title", "byline", "summary", "dateline", "source", "body")


def content_text(raw: dict) -> str:
    """The raw record's content as text: str as it stands, bytes or base64 decoded.

    Raises StageError `undecodable` (bytes no charset decodes, broken base64) or `not_text`
    (content missing or of another type, or a binary file signature)."""
    content = raw.get("content")
    if raw.get("content_encoding") == "base64" and isinstance(content, str):
        try:
            content = base64.b64decode(content, validate=True)
        except (binascii.Error, ValueError) as error:
            raise StageError("undecodable", f"content_encoding is base64 but content is not: {error}") from None
    if isinstance(content, (bytes, bytearray, memoryview)):
        data = bytes(content)
        kind = binary_signature(data)
        if kind:
            raise StageError("not_text", f"content is a {kind} file, not text")
        try:
            return decode_bytes(data).text
        except Undecodable as error:
            raise StageError("undecodable", str(error)) from None
    if not isinstance(content, str):
        raise StageError("not_text", f"content is {type(content).__name__}, not text")
    kind = binary_signature(content)
    if kind:
        raise StageError("not_text", f"content is a {kind} file, not text")
    return content


def clean(raw: dict) -> dict:
    """A raw record -> a clean record (schemas/clean.json); raises StageError with a rejection code
    (`undecodable`, `not_text`, `not_an_article`, `empty_after_clean`)."""
    text = content_text(raw)
    share = control_share(text)
    if share > BINARY_CONTROL_SHARE:
        raise StageError(
            "not_text", f"content looks binary: {share:.0%} control characters (over {BINARY_CONTROL_SHARE:.0%})"
        )
    had_replacement = "\ufffd" in text
    text, repaired = repair_mojibake(text)
    text, controls = strip_controls(text)
    record = core.clean({**raw, "content": text})
    removed = record["removed"]
    if repaired:
        removed["repaired_encoding"] = repaired
    if controls:
        removed["control_characters"] = controls
    if not had_replacement:
        _drop_replacement_characters(record)
    return record


def _drop_replacement_characters(record: dict) -> None:
    """U+FFFD the source did not have (an HTML parser's stand-in for a character it refused) never
    leaves the stage."""
    if not any("\ufffd" in (record.get(field) or "") for field in TEXT_FIELDS):
        return
    for field in TEXT_FIELDS:
        value = record.get(field)
        if isinstance(value, str):
            record[field] = value.replace("\ufffd", "")
    record["paragraphs"] = [p.replace("\ufffd", "") for p in record["paragraphs"]]
    record["body"] = "\n\n".join(record["paragraphs"])
    record["content_hash"] = core.content_hash(record["body"])
