"""newsfeed verify's check on crafted outcomes: lost, wrong, double, unexpected, redelivered."""

from __future__ import annotations

import base64

import orjson

from workers.verify import Outcome, check, observe, raw_id

PREFIX = "syn-ab-"
EXPECTED = {
    f"{PREFIX}0000000": {"id": f"{PREFIX}0000000", "outcome": "enriched"},
    f"{PREFIX}0000001": {"id": f"{PREFIX}0000001", "outcome": "duplicate", "duplicate_of": f"{PREFIX}0000000"},
    f"{PREFIX}0000002": {"id": f"{PREFIX}0000002", "outcome": "rejected", "code": "undecodable"},
}


def test_all_expected_outcomes_pass_with_latency_and_throughput():
    outcomes = [
        Outcome(f"{PREFIX}0000000", "enriched", 1_500),
        Outcome(f"{PREFIX}0000001", "duplicate", 1_200, duplicate_of=f"{PREFIX}0000000", reason="same_content"),
        Outcome(f"{PREFIX}0000002", "rejected", 1_100, code="undecodable"),
    ]
    sent = {f"{PREFIX}000000{i}": 1_000 for i in range(3)}
    report = check(EXPECTED, outcomes, sent)
    assert report.passed and (report.ok, report.lost, report.wrong, report.double) == (3, 0, 0, 0)
    assert report.stats["enriched"]["latency_ms"]["p50"] == 500
    assert report.stats["duplicate"]["count"] == 1 and report.stats["duplicate"]["per_second"] == 5.0


def test_lost_wrong_double_and_unexpected_are_counted_and_fail():
    outcomes = [
        Outcome(f"{PREFIX}0000000", "enriched", 1),
        Outcome(f"{PREFIX}0000000", "enriched", 2),  # double
        Outcome(f"{PREFIX}0000001", "duplicate", 3, duplicate_of=f"{PREFIX}0000009"),  # wrong original
        Outcome(f"{PREFIX}0000007", "enriched", 4),  # unexpected
        # 0000002 lost
    ]
    report = check(EXPECTED, outcomes)
    assert not report.passed
    assert (report.ok, report.lost, report.wrong, report.double, report.unexpected) == (1, 1, 1, 1, 1)
    assert "0000002" in report.examples["lost"][0] and "0000009" in report.examples["wrong"][0]


def test_another_status_or_code_is_wrong_and_a_same_id_redelivery_is_not():
    outcomes = [
        Outcome(f"{PREFIX}0000000", "rejected", 1, code="stage_failed"),
        Outcome(f"{PREFIX}0000001", "duplicate", 2, duplicate_of=f"{PREFIX}0000000"),
        Outcome(f"{PREFIX}0000001", "duplicate", 3, duplicate_of=f"{PREFIX}0000001", reason="same_id"),
        Outcome(f"{PREFIX}0000002", "rejected", 4, code="schema_violation"),
    ]
    report = check(EXPECTED, outcomes)
    assert (report.ok, report.wrong, report.redelivered, report.double) == (1, 2, 1, 0)
    assert not report.passed


def test_nothing_expected_never_passes():
    assert not check({}, []).passed


def test_rejected_records_without_an_id_are_matched_by_their_payload():
    article_id = f"{PREFIX}0000002"
    binary = b"\xff\xfe" + article_id.encode() + b"\x00\x9c"
    record = {"id": None, "status": "rejected", "error": {"code": "undecodable"},
              "payload": base64.b64encode(binary).decode(), "payload_encoding": "base64"}
    seen = observe("rejected", orjson.dumps(record), 7, PREFIX)
    assert seen == Outcome(article_id, "rejected", 7, None, "undecodable", None)
    assert raw_id(binary, PREFIX) == article_id
    assert raw_id(orjson.dumps({"id": f"{PREFIX}0000001"}), PREFIX) == f"{PREFIX}0000001"
    assert observe("enriched", orjson.dumps({"id": "other-run-1"}), 1, PREFIX) is None
