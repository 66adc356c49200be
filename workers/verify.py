"""`newsfeed verify FILE`: did every synthesized article get exactly its expected outcome?

Reads articles.raw (for send times), articles.enriched, articles.duplicates and
articles.rejected from the beginning and compares what it finds for this run's ids (the prefix
in the expected file's header) with the expected file that `replay --synthesize` wrote:

- lost: an expected id with no terminal outcome;
- wrong: an id with an outcome other than the expected one (another status, another
  `duplicate_of`, another rejection code);
- double: an id with its expected outcome more than once (an at-least-once redelivery past
  the dedupe stage; reported, not a failure); a dedupe `same_id` record of an id for itself is a
  redelivery recognised by the dedupe stage and counted as `redelivered`;
- unexpected: an outcome for an id of this run that the expected file does not list.

Rejected records of unparsable input carry no id; their payload carries it and is searched.
Latency is the output message's timestamp minus the raw message's (producer create times, ms).
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import numpy as np
import orjson

from workers.outcomes import tally
from workers.synthesize import id_in_payload, payload_text

TERMINAL = ("enriched", "duplicates", "rejected")
OUTCOME_OF_ROLE = {"enriched": "enriched", "duplicates": "duplicate", "rejected": "rejected"}


@dataclass(frozen=True)
class Outcome:
    """One terminal record of an article: what happened to it and when (ms since the epoch)."""

    id: str
    outcome: str
    timestamp_ms: int
    duplicate_of: str | None = None
    code: str | None = None
    reason: str | None = None


@dataclass
class Report:
    """What `newsfeed verify` found: counts of expected ids seen right (ok), never seen (lost), with the
    wrong outcome (wrong), with two different records (double), not expected (unexpected) and seen again
    byte-identical (redelivered); a few example ids per kind; per-topic stats."""

    expected: int = 0
    ok: int = 0
    lost: int = 0
    wrong: int = 0
    double: int = 0
    unexpected: int = 0
    redelivered: int = 0
    examples: dict[str, list[str]] = field(default_factory=dict)
    stats: dict = field(default_factory=dict)

    @property
    def passed(self) -> bool:
        """True when something was expected and nothing was lost or wrong (redeliveries are within the
        at-least-once contract)."""
        return self.expected > 0 and self.lost == 0 and self.wrong == 0

    def note(self, kind: str, text: str, keep: int = 5) -> None:
        """Keep text as an example of kind, up to keep examples per kind."""
        found = self.examples.setdefault(kind, [])
        if len(found) < keep:
            found.append(text)


def load_expected(path: str | Path) -> tuple[dict, dict[str, dict]]:
    """(header meta, {id: expected row}) from an expected file; ValueError when it has no header."""
    meta: dict | None = None
    rows: dict[str, dict] = {}
    with open(path, "rb") as handle:
        for line in filter(None, (raw.strip() for raw in handle)):
            row = orjson.loads(line)
            if "meta" in row:
                meta = meta or row["meta"]
            elif "id" in row:
                rows[row["id"]] = row
    if meta is None or "prefix" not in meta:
        raise ValueError(f"{path}: not an expected file of `replay --synthesize` (no header line)")
    return meta, rows


def observe(role: str, value: bytes, timestamp_ms: int, prefix: str) -> Outcome | None:
    """The outcome a record on a terminal topic (`role`) gives an id of this run, else None."""
    try:
        record = orjson.loads(value)
    except orjson.JSONDecodeError:
        return None
    if not isinstance(record, dict):
        return None
    article_id = record.get("id")
    if role == "rejected" and not (isinstance(article_id, str) and article_id.startswith(prefix)):
        article_id = id_in_payload(payload_text(record), prefix)
    if not isinstance(article_id, str) or not article_id.startswith(prefix):
        return None
    error = record.get("error") or {}
    return Outcome(article_id, OUTCOME_OF_ROLE[role], timestamp_ms, record.get("duplicate_of"),
                   error.get("code"), record.get("reason"))


def raw_id(value: bytes, prefix: str) -> str | None:
    """The id of this run in a raw message (the record's id, or found in unparsable bytes)."""
    try:
        record = orjson.loads(value)
        if isinstance(record, dict) and isinstance(record.get("id"), str) and record["id"].startswith(prefix):
            return record["id"]
    except orjson.JSONDecodeError:
        pass
    return id_in_payload(value.decode("utf-8", errors="replace"), prefix)


def outcome_key(outcome: str | None, duplicate_of: str | None = None, code: str | None = None) -> tuple:
    """What must agree between an expected and an observed outcome: the status, plus the
    original for a duplicate and the error code for a rejection."""
    if outcome == "duplicate":
        return (outcome, duplicate_of)
    if outcome == "rejected":
        return (outcome, code)
    return (outcome,)


def expected_key(row: dict) -> tuple:
    """`outcome_key` of an expected row (KeyError without "outcome")."""
    return outcome_key(row["outcome"], row.get("duplicate_of"), row.get("code"))


def seen_key(seen: Outcome) -> tuple:
    """`outcome_key` of an observed outcome."""
    return outcome_key(seen.outcome, seen.duplicate_of, seen.code)


def check(expected: dict[str, dict], outcomes: Iterable[Outcome], sent_ms: dict[str, int] | None = None) -> Report:
    """Compare observed `outcomes` with `expected` ({id: row}); `sent_ms` ({id: raw timestamp})
    adds latency and throughput to `report.stats`. The per-id judgement is `workers.outcomes.tally`;
    a dedupe `same_id` duplicate of an id for itself is a recognised redelivery, not an outcome."""
    report = Report(expected=len(expected))
    kept = []
    for seen in outcomes:
        if seen.outcome == "duplicate" and seen.reason == "same_id" and seen.duplicate_of == seen.id:
            report.redelivered += 1
        else:
            kept.append(seen)
    result = tally({i: expected_key(row) for i, row in expected.items()}, kept, lambda s: s.id, seen_key)
    for seen in result.strays:
        report.unexpected += 1
        report.note("unexpected", f"{seen.id}: {seen.outcome}")
    lost = set(result.lost)
    for article_id, row in expected.items():
        seen = result.seen.get(article_id, [])
        if article_id in lost:
            report.lost += 1
            report.note("lost", f"{article_id} ({row.get('kind')}: {_describe(row)})")
        elif article_id in result.conflicting or article_id in result.wrong:
            report.wrong += 1
            got = ", ".join(_describe(vars(s)) for s in seen)
            report.note("wrong", f"{article_id} ({row.get('kind')}): expected {_describe(row)}, got {got}")
        else:
            report.ok += 1
            if len(seen) > 1:
                report.double += 1
                report.note("double", f"{article_id}: {len(seen)} times {_describe(row)}")
    report.stats = timing(result.seen, expected, sent_ms or {})
    return report


def _describe(row: dict) -> str:
    if row.get("outcome") == "duplicate":
        return f"duplicate of {row.get('duplicate_of')}"
    if row.get("outcome") == "rejected":
        return f"rejected {row.get('code')}"
    return str(row.get("outcome"))


def timing(by_id: dict[str, list[Outcome]], expected: dict[str, dict], sent_ms: dict[str, int]) -> dict:
    """Per outcome kind: count, records/s (from the first send of those ids to their last
    output) and end-to-end latency percentiles in ms (first output minus send)."""
    stats: dict[str, dict] = {}
    for kind in ("enriched", "duplicate", "rejected"):
        pairs = [(sent_ms[i], seen[0].timestamp_ms) for i, seen in by_id.items()
                 if seen[0].outcome == kind and i in sent_ms and expected[i]["outcome"] == kind]
        if not pairs:
            continue
        sent, out = np.array(pairs, dtype=np.int64).T
        span = max(1, int(out.max() - sent.min())) / 1000
        latency = out - sent
        stats[kind] = {
            "count": len(pairs),
            "per_second": round(len(pairs) / span, 2),
            "latency_ms": {q: float(np.percentile(latency, p)) for q, p in (("p50", 50), ("p99", 99), ("max", 100))},
        }
    return stats


async def collect(settings, prefix: str, wanted: set[str], *, timeout: float = 60.0,
                  settle: float = 2.0) -> tuple[list[Outcome], dict[str, int]]:
    """Outcomes and raw send times of this run's ids from the beginning of the topics. Stops
    `settle` s after every id in `wanted` has an outcome, or after `timeout` s without any new
    record of this run."""
    from aiokafka import AIOKafkaConsumer

    topics = settings.topics
    role_of = {getattr(topics, role): role for role in (*TERMINAL, "raw")}
    consumer = AIOKafkaConsumer(*role_of, bootstrap_servers=settings.bootstrap, group_id=None,
                                enable_auto_commit=False, auto_offset_reset="earliest")
    outcomes: list[Outcome] = []
    sent_ms: dict[str, int] = {}
    pending = set(wanted)
    await consumer.start()
    try:
        last_news = time.monotonic()
        done_at: float | None = None
        while time.monotonic() - last_news < timeout and (done_at is None or time.monotonic() < done_at + settle):
            batches = await consumer.getmany(timeout_ms=500, max_records=2000)
            for partition, messages in batches.items():
                role = role_of[partition.topic]
                for message in messages:
                    if role == "raw":
                        found = raw_id(message.value, prefix)
                        if found:
                            sent_ms.setdefault(found, message.timestamp)
                            last_news = time.monotonic()
                        continue
                    seen = observe(role, message.value, message.timestamp, prefix)
                    if seen:
                        outcomes.append(seen)
                        pending.discard(seen.id)
                        last_news = time.monotonic()
            if not pending and done_at is None:
                done_at = time.monotonic()
    finally:
        await consumer.stop()
    return outcomes, sent_ms


def verify(settings, path: str | Path, *, timeout: float = 60.0, settle: float = 2.0) -> tuple[dict, Report]:
    """Read the expected file and the topics; (header meta, report)."""
    meta, expected = load_expected(path)
    outcomes, sent_ms = asyncio.run(collect(settings, meta["prefix"], set(expected), timeout=timeout, settle=settle))
    return meta, check(expected, outcomes, sent_ms)
