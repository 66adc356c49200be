"""Records: decoding raw input, rejected records that keep the payload, schema checks."""

from __future__ import annotations

import base64

import pytest

from workers.records import RecordError, decode_raw, raw_record, rejected_record, schema_errors, validate


def test_a_raw_record_made_here_is_valid():
    validate("raw", raw_record("a1", "text", source="https://example.org/a1"))


@pytest.mark.parametrize(
    ("payload", "code"),
    [
        (b"{not json", "undecodable"),
        (b"[1, 2]", "undecodable"),
        (b'"a string"', "undecodable"),
        (b'{"id": "x"}', "schema_violation"),
        (b'{"schema_version": 1, "id": "x", "content_type": "application/pdf", "content": "c"}', "schema_violation"),
        (b'{"schema_version": 1, "id": "", "content_type": "text/plain", "content": "c"}', "schema_violation"),
        (b'{"schema_version": 2, "id": "x", "content_type": "text/plain", "content": "c"}', "unsupported_schema_version"),
        (b'{"schema_version": "1", "id": "x", "content": "c"}', "schema_violation"),  # the merge decided: a non-integer version is a schema violation
        (b'{"id": 7, "content": "c"}', "schema_violation"),
    ],
)
def test_bad_raw_payloads_are_refused_with_a_code(payload, code):
    with pytest.raises(RecordError) as caught:
        decode_raw(payload)
    assert caught.value.code == code


def test_valid_raw_payload_decodes():
    record = decode_raw(b'{"schema_version": 1, "id": "x", "content_type": "text/html", "content": "<p>c</p>"}')
    assert record["content_type"] == "text/html"


@pytest.mark.parametrize(
    ("payload", "encoding", "restored"),
    [
        (b"plain bytes", "utf-8", lambda r: r["payload"].encode()),
        (b"\xff\xfe\x00", "base64", lambda r: base64.b64decode(r["payload"])),
        ("text", "utf-8", lambda r: r["payload"].encode()),
    ],
)
def test_rejected_record_keeps_the_payload(payload, encoding, restored):
    record = rejected_record("clean", "empty_after_clean", "nothing left", payload, "id-1")
    validate("rejected", record)
    assert record["payload_encoding"] == encoding
    assert restored(record) == (payload.encode() if isinstance(payload, str) else payload)


def test_rejected_record_takes_the_id_from_a_dict_payload():
    record = rejected_record("dedupe", "stage_failed", "boom", {"id": "from-payload", "x": 1})
    assert record["id"] == "from-payload"
    validate("rejected", record)


def test_schema_errors_name_the_field():
    errors = schema_errors("raw", {"schema_version": 1, "id": "x", "content_type": "text/plain"})
    assert any("content" in error for error in errors)


def test_a_record_too_large_for_kafka_becomes_a_rejected_record_with_the_payload_start():
    from workers.records import MAX_VALUE_BYTES, fit_message

    payload = b'{"id": "big", "content": "' + b"x" * 2_000_000 + b'"}'
    record = {"schema_version": 1, "id": "big", "status": "clean", "body": "y" * 2_000_000}
    sent, value = fit_message("clean", record, payload, limit=1_000_000)
    assert len(value) <= 1_000_000 < MAX_VALUE_BYTES
    validate("rejected", sent)
    assert sent["error"]["code"] == "too_large" and sent["error"]["stage"] == "clean"
    assert sent["payload_truncated"] is True
    assert payload.decode().startswith(sent["payload"])


def test_a_record_that_fits_is_sent_as_it_is():
    from workers.records import fit_message

    record = {"schema_version": 1, "id": "small", "status": "clean", "body": "text"}
    sent, value = fit_message("clean", record, b"raw")
    assert sent is record and value == b'{"schema_version":1,"id":"small","status":"clean","body":"text"}'


def test_a_rejection_over_the_limit_keeps_its_real_reason():
    from workers.records import fit_message

    payload = b'{"id": "big", "content": "' + b"x" * 3_000_000 + b'"}'
    record = rejected_record("clean", "empty_after_clean", "no article text left", payload, "big")
    sent, value = fit_message("clean", record, payload, limit=1_000_000)
    assert len(value) <= 1_000_000
    validate("rejected", sent)
    assert sent["error"]["code"] == "empty_after_clean" and sent["payload_truncated"] is True
    assert payload.decode().startswith(sent["payload"])
