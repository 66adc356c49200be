"""Check what a fault run emitted, by article id, against the expected outcomes."""

from __future__ import annotations

from dataclasses import dataclass, field

from fault_inputs import Inputs, outcome_of, payload_id

from workers.outcomes import tally


@dataclass
class Verdict:
    figures: dict = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def check(inputs: Inputs, expected: dict[str, tuple], emitted: dict[str, list[bytes]]) -> Verdict:
    """`emitted`: topic role (enriched, duplicates, rejected) -> every value read from it.

    Every input id has exactly one outcome (however many identical deliveries), the expected
    one (`expected_outcomes`); none is lost. Enriched records of one id must be byte-identical,
    so a compacted topic keeps exactly one. The per-id judgement is `workers.outcomes.tally`.
    """
    import orjson

    verdict = Verdict()
    observed = [(role, value, orjson.loads(value)) for role, values in emitted.items() for value in values]
    result = tally({i: expected.get(i) for i in inputs.kinds}, observed,
                   lambda o: payload_id(o[2]), lambda o: outcome_of(o[2]))
    lost = sorted(result.lost)
    double = {i: sorted(keys, key=str) for i, keys in result.keys.items() if len(keys) > 1}
    self_duplicates = sorted(i for i, keys in result.keys.items() if ("duplicate", i, "same_id") in keys)
    wrong = {i: (want, [got]) for i, (want, got) in sorted(result.wrong.items())}
    enriched_values = {i: {value for role, value, _ in seen if role == "enriched"} for i, seen in result.seen.items()}
    enriched_values = {i: values for i, values in enriched_values.items() if values}
    strays = len(result.strays)
    enriched_records = sum(len(v) for k, v in emitted.items() if k == "enriched")
    differing = sorted(i for i, v in enriched_values.items() if len(v) > 1)
    verdict.figures = {
        "input_messages": len(inputs.lines),
        "input_ids": len(inputs.ids),
        "records": {role: len(values) for role, values in emitted.items()},
        "ids_with_outcome": len(result.seen),
        "lost": len(lost),
        "double_outcomes": len(double),
        "duplicate_of_itself": len(self_duplicates),
        "redelivered_ids": sum(1 for seen in result.seen.values() if len(seen) > 1),
        "enriched_records_before_compaction": enriched_records,
        "enriched_ids": len(enriched_values),
        "max_enriched_per_id_after_compaction": max((len(v) for v in enriched_values.values()), default=0),
        "stray_records": strays,
        "unexpected_outcomes": len(wrong),
    }
    checks = [
        (lost, f"{len(lost)} lost: {lost[:10]}"),
        (double, f"{len(double)} with two outcomes: {list(double.items())[:5]}"),
        (self_duplicates, f"{len(self_duplicates)} duplicate of itself: {self_duplicates[:10]}"),
        (wrong, f"{len(wrong)} unlike offline (expected, got): {list(wrong.items())[:5]}"),
        (differing, f"{len(differing)} ids with differing enriched records: {differing[:10]}; "
                    f"fields that differ: {_differing_fields(enriched_values, differing[:3])}"),
        (strays, f"{strays} output records of no input id"),
    ]
    verdict.failures += [message for broken, message in checks if broken]
    return verdict


def _differing_fields(enriched_values: dict, ids: list[str]) -> dict[str, dict]:
    """{id: {field: [its values]}} of the enriched records of `ids` that differ: what a failure report
    needs to tell a story decision from a tagging or cleaning difference."""
    import orjson

    out = {}
    for article_id in ids:
        records = [orjson.loads(value) for value in enriched_values[article_id]]
        fields = sorted({k for r in records for k in r if len({orjson.dumps(x.get(k)) for x in records}) > 1})
        out[article_id] = {k: [str(r.get(k))[:200] for r in records] for k in fields}
    return out
