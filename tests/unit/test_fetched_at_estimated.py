"""`fetched_at_estimated`: a fetch time the worker (or the replayer) filled in is marked as such in
every record after the raw one, so a consumer can tell a real fetch time from an estimate."""

from __future__ import annotations

import pytest

from record_factory import article_record
from workers.records import decode_raw, raw_record, schema_errors, validate
from workers.stages import clean, dedupe, enrich

PAGE = (
    "Harbour board backs channel dredging\n\n"
    "The harbour board voted on Tuesday to dredge the main channel before the autumn storms arrive.\n\n"
    "The work will cost about two million and take six weeks, the chair of the board said afterwards.\n"
)
NOW = 1_700_000_000.0


@pytest.mark.parametrize(
    ("raw_fields", "estimated"),
    [
        ({"fetched_at": "2024-03-06T10:00:00+00:00"}, False),  # the scraper's own fetch time
        ({}, True),  # none given: the time of receipt
        ({"fetched_at": None}, True),
        ({"fetched_at": "2024-03-06T10:00:00+00:00", "fetched_at_estimated": True}, True),  # the producer says so
        ({"fetched_at": "2024-03-06T10:00:00+00:00", "fetched_at_estimated": "yes"}, False),  # only true counts
    ],
)
def test_the_clean_record_says_whether_fetched_at_was_estimated(raw_fields, estimated):
    raw = decode_raw({"id": "a1", "content": PAGE, **raw_fields}, received_at="2024-03-07T08:00:00+00:00")
    record = clean.clean(raw)
    assert record["fetched_at_estimated"] is estimated
    validate("clean", record)


def test_a_file_read_by_the_replayer_is_marked_estimated():
    assert raw_record("f", PAGE)["fetched_at_estimated"] is True
    assert "fetched_at_estimated" not in raw_record("f", PAGE, fetched_at="2024-03-06T10:00:00Z")


@pytest.mark.parametrize("estimated", [True, False])
def test_the_mark_is_carried_to_unique_duplicate_and_enriched_records(estimated):
    index, stories = dedupe.DedupeIndex(), enrich.StoryIndex()
    first = article_record("a1", PAGE, fetched_at="2024-03-06T10:00:00+00:00", fetched_at_estimated=estimated)
    unique = dedupe.dedupe(first, index, NOW)
    copy = dedupe.dedupe({**first, "id": "a2"}, index, NOW)
    tagged = {**unique, "status": "tagged", "entities": [], "pipeline": {**unique["pipeline"], "entities": {"version": "t"}}}
    enriched = enrich.enrich(tagged, stories, NOW)
    for kind, record in (("unique", unique), ("duplicate", copy), ("tagged", tagged), ("enriched", enriched)):
        assert record["fetched_at_estimated"] is estimated, kind
        validate(kind, record)


@pytest.mark.parametrize(
    ("kind", "value", "valid"),
    [
        ("clean", True, True),
        ("clean", None, False),  # required on the clean record: the clean stage always says
        ("clean", "true", False),
        ("unique", "true", False),
        ("enriched", 1, False),
    ],
)
def test_the_schemas_take_a_boolean(kind, value, valid):
    record = clean.clean(decode_raw({"id": "a1", "content": PAGE}))
    record = {**record, "status": kind}
    if kind == "enriched":
        record.update(entities=[], story_id="a1", duplicate_of=None)
    if value is None:
        del record["fetched_at_estimated"]
    else:
        record["fetched_at_estimated"] = value
    assert (schema_errors(kind, record) == []) is valid


def test_older_article_records_without_the_mark_still_validate_after_clean():
    record = article_record("a1", PAGE, status="tagged")  # written before the field existed
    assert "fetched_at_estimated" not in record
    validate("tagged", record)
