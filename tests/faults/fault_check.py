"""Check what a fault run emitted, by article id, against the expected outcomes."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from fault_inputs import Inputs, outcome_of, payload_id


@dataclass
class Verdict:
    figures: dict = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def _groups(inputs: Inputs, expected: dict[str, tuple]) -> dict[str, str]:
    """id -> group root: the built relations (copies, near copies) joined with every
    duplicate_of link of the expected outcomes (union-find)."""
    parent: dict[str, str] = {i: i for i in inputs.ids}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        parent[find(a)] = find(b)

    for article_id, origin in inputs.groups.items():
        union(article_id, origin)
    for article_id, outcome in expected.items():
        if outcome[0] == "duplicate" and outcome[1]:
            union(article_id, outcome[1])
    return {i: find(i) for i in inputs.ids}


def check(inputs: Inputs, expected: dict[str, tuple], emitted: dict[str, list[bytes]]) -> Verdict:
    """`emitted`: topic role (enriched, duplicates, rejected) -> every value read from it.

    Every input id has exactly one outcome (however many identical deliveries), none is lost,
    rejections match the offline pipeline exactly, and each duplicate group (copies of one
    original, linked by the expected duplicate_of) has as many enriched members as offline, the
    others being duplicates of a member of their own group (which copy comes first may depend on
    arrival order across raw partitions). Enriched records of one id must be byte-identical, so a
    compacted topic keeps exactly one.
    """
    import orjson

    verdict = Verdict()
    outcomes: dict[str, set[tuple]] = defaultdict(set)
    deliveries: dict[str, int] = defaultdict(int)
    enriched_values: dict[str, set[bytes]] = defaultdict(set)
    strays = 0
    for role, values in emitted.items():
        for value in values:
            record = orjson.loads(value)
            article_id = payload_id(record)
            if article_id not in inputs.kinds:
                strays += 1
                continue
            outcomes[article_id].add(outcome_of(record))
            deliveries[article_id] += 1
            if role == "enriched":
                enriched_values[article_id].add(value)
    lost = sorted(inputs.ids - set(outcomes))
    double = {i: sorted(o, key=str) for i, o in outcomes.items() if len(o) > 1}
    self_duplicates = sorted(i for i, o in outcomes.items() if ("duplicate", i, "same_id") in o)
    wrong_rejections = sorted(
        i for i in inputs.ids
        if (expected.get(i, ("?",))[0] == "rejected") != any(o[0] == "rejected" for o in outcomes.get(i, ()))
    )
    groups = _groups(inputs, expected)
    members: dict[str, list[str]] = defaultdict(list)
    for article_id, root in groups.items():
        members[root].append(article_id)
    bad_groups = []
    for root, ids in members.items():
        want = sum(1 for i in ids if expected.get(i, ("?",))[0] == "enriched")
        got = sum(1 for i in ids if ("enriched",) in outcomes.get(i, ()))
        outside = [
            i for i in ids for o in outcomes.get(i, ())
            if o[0] == "duplicate" and (o[1] == i or groups.get(o[1]) != root)
        ]
        if want != got or outside:
            bad_groups.append((root, want, got, outside))
    enriched_records = sum(len(v) for k, v in emitted.items() if k == "enriched")
    differing = sorted(i for i, v in enriched_values.items() if len(v) > 1)
    verdict.figures = {
        "input_messages": len(inputs.lines),
        "input_ids": len(inputs.ids),
        "records": {role: len(values) for role, values in emitted.items()},
        "ids_with_outcome": len(outcomes),
        "lost": len(lost),
        "double_outcomes": len(double),
        "duplicate_of_itself": len(self_duplicates),
        "redelivered_ids": sum(1 for n in deliveries.values() if n > 1),
        "enriched_records_before_compaction": enriched_records,
        "enriched_ids": len(enriched_values),
        "max_enriched_per_id_after_compaction": max((len(v) for v in enriched_values.values()), default=0),
        "stray_records": strays,
        "bad_groups": len(bad_groups),
    }
    if lost:
        verdict.failures.append(f"{len(lost)} lost: {lost[:10]}")
    if double:
        verdict.failures.append(f"{len(double)} with two outcomes: {list(double.items())[:5]}")
    if self_duplicates:
        verdict.failures.append(f"{len(self_duplicates)} duplicate of itself: {self_duplicates[:10]}")
    if wrong_rejections:
        verdict.failures.append(f"{len(wrong_rejections)} rejected unlike offline: {wrong_rejections[:10]}")
    if bad_groups:
        verdict.failures.append(f"{len(bad_groups)} duplicate groups unlike offline (root, want, got, outside): {bad_groups[:5]}")
    if differing:
        verdict.failures.append(f"{len(differing)} ids with differing enriched records: {differing[:10]}")
    if strays:
        verdict.failures.append(f"{strays} output records of no input id")
    return verdict
