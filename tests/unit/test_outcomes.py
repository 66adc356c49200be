"""The shared one-terminal-outcome-per-id tally, and the fault suite's check built on it."""

from __future__ import annotations

import sys
from pathlib import Path

import orjson

from workers.outcomes import tally

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "faults"))
import fault_check  # noqa: E402  (tests/faults is not a package)
from fault_inputs import Inputs  # noqa: E402


def test_every_expected_id_gets_exactly_one_verdict():
    expected = {"a": "enriched", "b": "dup-of-a", "c": "rejected", "d": "enriched", "e": None}
    observed = [("a", "enriched"), ("b", "dup-of-a"), ("a", "enriched"), ("c", "enriched"), ("c", "rejected"),
                ("d", "rejected"), ("zz", "enriched"), (None, "rejected"), ("e", "enriched")]
    result = tally(expected, observed, lambda o: o[0], lambda o: o[1])
    assert result.ok == ["a", "b"] and result.repeated() == ["a"]
    assert result.conflicting == {"c": ["enriched", "rejected"]}
    assert result.wrong == {"d": ("enriched", "rejected"), "e": (None, "enriched")}
    assert result.lost == [] and result.strays == [("zz", "enriched"), (None, "rejected")]
    assert (result.deliveries("a"), result.deliveries("c"), result.deliveries("zz")) == (2, 2, 0)
    lost = tally({"x": 1, "y": 2}, [("y", 2)], lambda o: o[0], lambda o: o[1])
    assert lost.lost == ["x"] and lost.ok == ["y"] and lost.seen == {"y": [("y", 2)]}


def _record(article_id: str, status: str, **extra) -> bytes:
    return orjson.dumps({"id": article_id, "status": status, **extra})


def test_fault_check_passes_redeliveries_and_fails_each_kind_of_wrong():
    inputs = Inputs(lines=[b"1", b"2", b"3"], kinds={"a": "unique", "b": "new_id_resend", "c": "bad"})
    expected = {"a": ("enriched",), "b": ("duplicate", "a", "same_content"), "c": ("rejected", "schema_violation", "clean")}
    good = {
        "enriched": [_record("a", "enriched"), _record("a", "enriched")],
        "duplicates": [_record("b", "duplicate", duplicate_of="a", reason="same_content")],
        "rejected": [orjson.dumps({"id": None, "status": "rejected", "payload": '{"id": "c"}',
                                   "error": {"code": "schema_violation", "stage": "clean"}})],
    }
    verdict = fault_check.check(inputs, expected, good)
    assert verdict.ok, verdict.failures
    assert (verdict.figures["ids_with_outcome"], verdict.figures["redelivered_ids"], verdict.figures["enriched_ids"]) == (3, 1, 1)
    bad = {
        "enriched": [_record("a", "enriched", title="x"), _record("a", "enriched", title="y"), _record("q", "enriched")],
        "duplicates": [_record("b", "duplicate", duplicate_of="b", reason="same_id"),
                       _record("a", "duplicate", duplicate_of="b", reason="same_content")],
    }
    verdict = fault_check.check(inputs, expected, bad)
    figures = verdict.figures
    assert (figures["lost"], figures["double_outcomes"], figures["duplicate_of_itself"], figures["unexpected_outcomes"],
            figures["stray_records"], figures["max_enriched_per_id_after_compaction"]) == (1, 1, 1, 1, 1, 2)
    assert len(verdict.failures) == 6 and not verdict.ok
