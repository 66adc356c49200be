"""The whole pipeline on the real broker: seeds in, enriched / duplicate / rejected records out."""

from __future__ import annotations

import base64
import random
from pathlib import Path

import orjson
import pytest

from bench.gold import GOLD_PATH, load_gold
from workers.records import raw_record, validate

pytestmark = pytest.mark.integration

SEED_COUNT = 5
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def assert_valid(kind: str, records: list[dict]) -> None:
    for record in records:
        validate(kind, record)


def gold_story_groups() -> list[list[str]]:
    if not GOLD_PATH.exists():
        pytest.skip(f"no gold file at {GOLD_PATH}")
    return load_gold()["dedupe"]["story_groups"]


def test_seeds_are_enriched_then_replays_get_the_same_outcome(pipeline):
    pipeline.start_worker()
    pipeline.replay("seeds")
    enriched = pipeline.read("enriched", SEED_COUNT)
    assert_valid("enriched", enriched)
    assert sorted(record["id"] for record in enriched) == sorted(path.stem for path in SEEDS.iterdir())
    for record in enriched:
        names = {(entity["name"], entity["label"]) for entity in record["entities"]}
        if "NATO" in record["body"]:
            assert ("NATO", "ORG") in names, record["id"]
        if "Serdyukov" in record["body"]:
            assert ("Anatoly Serdyukov", "PERSON") in names, record["id"]
        for entity in record["entities"]:
            for mention in entity["mentions"]:
                text = record[mention["field"]]
                assert text[mention["start"]:mention["end"]] == mention["text"]

    assert_valid("clean", pipeline.read("clean", SEED_COUNT))
    stories: dict[str, set[str]] = {}
    for record in enriched:
        stories.setdefault(record["story_id"], set()).add(record["id"])
    assert sorted(map(sorted, stories.values())) == sorted(map(sorted, gold_story_groups()))

    # The same ids again: one outcome per article, so each gets its enriched record again,
    # byte for byte (what a compacted topic keeps once), never "a duplicate of itself".
    pipeline.replay("seeds")
    again = pipeline.read("enriched", 2 * SEED_COUNT, settle=3.0)
    assert len(again) == 2 * SEED_COUNT
    first = {record["id"]: record for record in enriched}
    assert all(record == first[record["id"]] for record in again)
    assert pipeline.read("duplicates", 0, settle=1.0) == []


def test_repeat_two_gives_each_article_one_outcome_twice(pipeline):
    pipeline.start_worker()
    pipeline.replay("seeds", "--repeat", "2")
    enriched = pipeline.read("enriched", 2 * SEED_COUNT, settle=3.0)
    assert_valid("enriched", enriched)
    assert len(enriched) == 2 * SEED_COUNT
    by_id: dict[str, list[dict]] = {}
    for record in enriched:
        by_id.setdefault(record["id"], []).append(record)
    assert len(by_id) == SEED_COUNT
    assert all(first == second for first, second in by_id.values())
    assert pipeline.read("duplicates", 0, settle=1.0) == []
    pipeline.replay("seeds", "--new-ids")
    duplicates = pipeline.read("duplicates", SEED_COUNT, settle=3.0)
    assert len(duplicates) == SEED_COUNT
    assert_valid("duplicate", duplicates)
    assert {record["duplicate_of"] for record in duplicates} == set(by_id)


BAD_INPUT = [
    (b"{this is not json", "not_json"),
    (b'["a", "list"]', "not_json"),
    (b'{"id": "no-content", "content_type": "text/plain"}', "schema_violation"),
    (b'{"schema_version": 1, "id": "empty", "content_type": "text/plain", "content": "  \\n "}', "empty_after_clean"),
    (b"\xff\xfe\x00binary", "undecodable"),
]


def oversized_article() -> bytes:
    """A raw record under a 1,000,000-byte message limit whose clean record (body and paragraphs) is over it."""
    rng = random.Random(1)
    words = "council budget river school mayor vote plan road housing transit library park".split()
    paragraphs = [
        " ".join(rng.choice(words) for _ in range(12)).capitalize() + f" and item {i} was discussed at length."
        for i in range(6000)
    ]
    return orjson.dumps(raw_record("oversized", "A Long Council Story\n\n" + "\n\n".join(paragraphs)))


def original_payload(record: dict) -> bytes:
    if record["payload_encoding"] == "base64":
        return base64.b64decode(record["payload"])
    return record["payload"].encode("utf-8")


def test_bad_input_is_dead_lettered_with_its_payload(pipeline):
    pipeline.start_worker(MAX_MESSAGE_BYTES="1000000")  # the oversized article's clean record is over it
    for payload, _code in BAD_INPUT:
        pipeline.produce(payload, key=b"bad")
    rejected = pipeline.read("rejected", len(BAD_INPUT))
    assert_valid("rejected", rejected)
    got = sorted((original_payload(record), record["error"]["code"]) for record in rejected)
    assert got == sorted(BAD_INPUT)
    # No readable id in the payload: the message key is the id.
    assert {record["id"] for record in rejected} == {"bad", "no-content", "empty"}

    # Too large once cleaned: dead-lettered with the start of its payload, the worker goes on.
    big = oversized_article()
    pipeline.produce(big, key=b"oversized")
    [*_, too_large] = pipeline.read("rejected", len(BAD_INPUT) + 1)
    validate("rejected", too_large)
    assert too_large["error"]["code"] == "too_large" and too_large["payload_truncated"] is True
    assert big.decode().startswith(too_large["payload"])
    # The worker is still alive and still processes good input afterwards.
    pipeline.replay("seeds/000_ee633184b9361a35.txt")
    assert len(pipeline.read("enriched", 1)) == 1

    # A JSON-lines file's broken line: sent without an id, dead-lettered with the file and line.
    lines = pipeline.workdir / "batch.jsonl"
    lines.write_bytes(b"\n{cut off mid-record\n")
    summary = pipeline.replay(str(lines))
    assert f"no id: {lines}:2" in summary.stdout + summary.stderr
    [broken] = [r for r in pipeline.read("rejected", len(BAD_INPUT) + 2) if "source" in r.get("origin", {})]
    validate("rejected", broken)
    assert (broken["id"], broken["error"]["code"], broken["origin"]["source"]) == (None, "not_json", f"{lines}:2")


def test_broker_start_uses_an_answering_external_broker_and_starts_nothing(bootstrap, tmp_path):
    import os
    import subprocess
    import sys

    newsfeed = str(Path(sys.executable).with_name("newsfeed"))
    env = {**os.environ, "KAFKA_BOOTSTRAP_SERVERS": bootstrap, "NEWSFEED_STATE_DIR": str(tmp_path)}
    started = subprocess.run([newsfeed, "broker", "start"], env=env, capture_output=True, text=True, timeout=60)
    assert started.returncode == 0, started.stderr
    assert f"using the broker at {bootstrap}" in started.stderr
    assert not (tmp_path / "kafka").exists()
    status = subprocess.run([newsfeed, "broker", "status"], env=env, capture_output=True, text=True, timeout=60)
    assert status.returncode == 0 and '"answers": true' in status.stdout
