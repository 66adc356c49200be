"""replay --synthesize: mix proportions, uniqueness checked with the stage code, the expected
file, ordering by key, every rejection kind, and bounded state."""

from __future__ import annotations

import itertools
import random
from collections import Counter

import orjson
import pytest

from workers.pipeline import clean_payload
from workers.records import fit_message
from workers.stages import dedupe
from workers.stages.dedupe import DedupeIndex
from workers.synthesize import (
    BAD_KINDS,
    Synthesizer,
    load_corpus,
    parse_mix,
    schedule,
    write_expected,
)
from workers.verify import load_expected

MIX = "unique=0.5,near=0.2,exact=0.2,bad=0.1"


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


@pytest.fixture(scope="module")
def items(corpus):
    return list(Synthesizer(corpus, seed=5).records(260, parse_mix(MIX)))


def test_parse_mix_normalises_and_refuses_nonsense():
    assert parse_mix("unique=2,near=1,exact=1") == {"unique": 0.5, "near": 0.25, "exact": 0.25, "bad": 0.0}
    for bad in ("unique=1,fresh=1", "unique=-1", "unique=x", "unique=0"):
        with pytest.raises(ValueError):
            parse_mix(bad)


def test_every_prefix_of_the_schedule_has_the_mix_proportions():
    mix = parse_mix(MIX)
    counts = Counter()
    for n, kind in enumerate(itertools.islice(schedule(mix), 1000), start=1):
        counts[kind] += 1
        assert all(abs(counts[k] - mix[k] * n) <= 1 for k in mix)


def test_the_records_have_the_mix_and_one_expected_row_each(items):
    kinds = Counter(item.expected["kind"] for item in items)
    assert kinds == {"unique": 130, "near": 52, "exact": 52, "bad": 26}
    assert len({item.expected["id"] for item in items}) == len(items)
    assert {item.expected["bad"] for item in items if item.expected["kind"] == "bad"} == set(BAD_KINDS)


def _replay_through_stages(items) -> dict[str, dict]:
    """What the worker's clean and dedupe stages do with the messages, in this order."""
    index, outcomes = DedupeIndex(), {}
    for clock, item in enumerate(items):
        record = clean_payload(item.value)
        record, _ = fit_message("clean", record, item.value)
        if record["status"] == "clean":
            record = dedupe.dedupe(record, index, float(clock))
        article_id = record["id"] or item.expected["id"]
        outcomes[article_id] = record
    return outcomes


def _matches(expected: dict, record: dict) -> bool:
    if expected["outcome"] == "enriched":
        return record["status"] == "unique"
    if expected["outcome"] == "duplicate":
        return record["status"] == "duplicate" and record["duplicate_of"] == expected["duplicate_of"]
    return record["status"] == "rejected" and record["error"]["code"] == expected["code"]


def test_the_stage_code_gives_every_record_its_expected_outcome(items):
    outcomes = _replay_through_stages(items)
    for item in items:
        assert _matches(item.expected, outcomes[item.expected["id"]]), item.expected


def test_outcomes_hold_in_any_interleaving_of_partitions(items):
    """Copies share their original's key, so any order that keeps each key's order (what 8
    partitions of articles.raw may deliver) gives the same outcomes."""
    by_key: dict[bytes, list] = {}
    for item in items:
        by_key.setdefault(item.key, []).append(item)
    rng = random.Random(1)
    queues = [list(q) for q in by_key.values()]
    interleaved = []
    while queues:
        queue = rng.choice(queues)
        interleaved.append(queue.pop(0))
        queues = [q for q in queues if q]
    assert [i.expected["id"] for i in interleaved] != [i.expected["id"] for i in items]
    outcomes = _replay_through_stages(interleaved)
    assert all(_matches(i.expected, outcomes[i.expected["id"]]) for i in items)


def test_copies_carry_their_originals_key_and_uniques_do_not_nearly_duplicate_each_other(items):
    for item in items:
        if item.expected["kind"] in ("near", "exact"):
            assert item.key.decode() == item.expected["duplicate_of"]
        else:
            assert item.key.decode() == item.expected["id"]
    index = DedupeIndex(threshold=0.5)  # stricter than the stage: uniques are far apart
    uniques = [orjson.loads(i.value) for i in items if i.expected["kind"] == "unique"]
    for clock, raw in enumerate(uniques):
        record = clean_payload(raw)
        assert dedupe.dedupe(record, index, float(clock))["status"] == "unique"


def test_near_copies_use_every_edit_kind(items):
    edits = Counter(i.expected["edit"] for i in items if i.expected["kind"] == "near")
    assert set(edits) == {"chrome", "drop_paragraph", "add_sentence", "change_words"}


def test_the_expected_file_is_written_before_each_message_leaves(corpus, tmp_path):
    synthesizer = Synthesizer(corpus, seed=9)
    path = tmp_path / "expected.jsonl"
    with open(path, "wb") as out:
        stream = write_expected(synthesizer.records(20, parse_mix(MIX)), out, {"prefix": synthesizer.prefix})
        first = next(stream)
        out.flush()
        assert orjson.loads(path.read_bytes().splitlines()[1]) == first.expected
        rest = list(stream)
    meta, rows = load_expected(path)
    assert meta["prefix"] == synthesizer.prefix and len(rows) == 20
    assert [first.expected, *(i.expected for i in rest)] == list(rows.values())


def test_the_same_seed_gives_the_same_stream(corpus):
    a = [i.value for i in Synthesizer(corpus, seed=3).records(30, parse_mix(MIX))]
    b = [i.value for i in Synthesizer(corpus, seed=3).records(30, parse_mix(MIX))]
    strip = lambda v: {k: x for k, x in orjson.loads(v).items() if k != "fetched_at"} if v.startswith(b"{\"schema") else v
    assert [strip(v) for v in a] == [strip(v) for v in b]


def test_state_is_bounded_by_construction(corpus):
    """Lazily generated; the dedupe index keeps at most `window` uniques, copies come from the
    last `recent` originals: nothing grows with the number of records."""
    synthesizer = Synthesizer(corpus, seed=2, window=40, recent=8)
    stream = synthesizer.records(10**9, parse_mix(MIX))
    for _ in itertools.islice(stream, 3):
        pass
    assert synthesizer.position == 3
    for _ in itertools.islice(stream, 400):
        pass
    assert len(synthesizer.index) <= 41 and len(synthesizer.originals) == 8


def test_a_too_small_corpus_is_refused(tmp_path):
    (tmp_path / "a.json").write_bytes(orjson.dumps({"title": "T", "body": "One sentence only."}))
    with pytest.raises(ValueError):
        load_corpus([tmp_path])
    with pytest.raises(FileNotFoundError):
        load_corpus([tmp_path / "missing"])
