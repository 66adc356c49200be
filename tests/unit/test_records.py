"""Records: decoding raw input, rejected records that keep the payload, schema checks."""

from __future__ import annotations

import base64

import orjson

import pytest

from workers import records
from workers.records import RecordError, decode_raw, raw_record, rejected_record, schema_errors, validate


def test_a_raw_record_made_here_is_valid():
    validate("raw", raw_record("a1", "text", source="https://example.org/a1"))


@pytest.mark.parametrize(
    ("payload", "code"),
    [
        (b"{not json", "not_json"),
        (b"[1, 2]", "not_json"),
        (b'"a string"', "not_json"),
        ("{not json in cp1252: café}".encode("cp1252"), "not_json"),
        (b"\xff\xfe\x00binary", "undecodable"),
        (bytes(range(256)) * 4, "undecodable"),
        (b'{"id": "x"}', "schema_violation"),
        (b'{"schema_version": 1, "id": "x", "content_type": "application/pdf", "content": "c"}', "schema_violation"),
        (b'{"schema_version": 1, "id": "", "content_type": "text/plain", "content": "c"}', "schema_violation"),
        (b'{"schema_version": 2, "id": "x", "content_type": "text/plain", "content": "c"}', "unsupported_schema_version"),
        (b'{"schema_version": "1", "id": "x", "content": "c"}', "schema_violation"),
        (b'{"id": 7, "content": "c"}', "schema_violation"),
    ],
)
def test_bad_raw_payloads_are_refused_with_a_code(payload, code):
    with pytest.raises(RecordError) as caught:
        decode_raw(payload)
    assert caught.value.code == code


def test_a_tombstone_is_refused_saying_it_has_no_value_with_its_key_as_id():
    from workers.pipeline import clean_payload

    record = clean_payload(None, {"topic": "articles.raw", "partition": 2, "offset": 7}, key="gone-1")
    validate("rejected", record)
    assert (record["id"], record["error"]["code"]) == ("gone-1", "not_json")
    assert "no value" in record["error"]["message"] and record["origin"]["offset"] == 7


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


def test_a_relative_date_is_resolved_only_against_a_fetched_at_the_source_gave():
    """A fetched_at filled in on receipt (here: now) must not date "3 hours ago" (never today's
    wall-clock date); one the record carries does, in its offset."""
    from workers.pipeline import clean_payload

    content = "\n".join([
        "Water levels at the upper reservoir fell again",
        "Updated 3 hours ago",
        "Water levels at the upper reservoir fell for the fourth week running, the water board said on its website.",
        "Engineers said the outflow to the river would be reduced from Monday until the autumn rains arrive.",
        "Residents were asked to avoid using hosepipes and to report leaks to the board's hotline.",
    ])
    received = clean_payload(orjson.dumps({"id": "r1", "content": content}))
    assert received["status"] == "clean" and received["updated_at"] is None
    given = clean_payload(orjson.dumps({"id": "r2", "content": content, "fetched_at": "2021-03-14T12:00:00+00:00"}))
    assert given["updated_at"] == "2021-03-14T09:00:00+00:00"


def test_a_payload_without_a_readable_id_is_rejected_under_its_message_key():
    from workers.pipeline import clean_payload

    keyed = clean_payload(b"{cut off", key="from-key")
    assert (keyed["id"], keyed["error"]["code"]) == ("from-key", "not_json")
    own = clean_payload(b'{"id": "own-id", "content": 5}', key="from-key")
    assert (own["id"], own["error"]["code"]) == ("own-id", "schema_violation")
    assert clean_payload(b"{cut off")["id"] is None


@pytest.mark.parametrize("status", ["enriched", "duplicate"])
def test_a_final_record_is_published_without_its_stage_timings(status):
    timed = {"id": "a1", "status": status,
             "pipeline": {"clean": {"version": "1", "ms": 0.8}, "enrich": {"version": "0.4", "ms": 35.2}}}
    again = {**timed, "pipeline": {"clean": {"version": "1", "ms": 0.7}, "enrich": {"version": "0.4", "ms": 0.2}}}
    out = records.published(timed)
    assert out["pipeline"] == {"clean": {"version": "1"}, "enrich": {"version": "0.4"}}
    assert timed["pipeline"]["enrich"]["ms"] == 35.2  # the measured record is left as it was
    # the same article enriched twice, in different times, is the same message
    assert records.encode(records.published(again)) == records.encode(out)


@pytest.mark.parametrize("status", ["clean", "unique", "tagged", "rejected"])
def test_records_of_other_statuses_are_published_as_given(status):
    record = {"id": "a1", "status": status, "pipeline": {"clean": {"version": "1", "ms": 0.8}}}
    assert records.published(record) is record
