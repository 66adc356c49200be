"""Fault kinds users report on the Faust, aiokafka and Kafka trackers, run against the real worker
on the real broker: every input id ends with exactly one outcome (the one `newsfeed enrich` gives),
or the worker stops with a clear error and exit code.

- a second worker joining mid-replay (a rebalance with work in flight): faust-streaming/faust#502
  (messages processed twice after scaling out), #221 (prefetched events out of order after a
  rebalance), robinhood/faust#104 and #15 (commits failing mid-rebalance);
- SIGHUP (the terminal or session closed): Python's default ends the process at once, mode's worker
  handles only SIGINT/SIGTERM/SIGUSR1/SIGUSR2;
- a topic that exists with another partition count than declared: robinhood/faust#325 and #137
  (PartitionsMismatch), #384 (topics missing at start);
- no broker at start: robinhood/faust#711 (the worker hangs instead of exiting);
- the broker crashing while the worker starts (its first metadata answered): robinhood/faust#711, #218;
- the group's committed offsets gone (offsets.retention.minutes, a deleted group): confluentinc/
  librdkafka#1442 (the group starts again from earliest), robinhood/faust#676;
- input deleted by retention under the committed offset: aio-libs/aiokafka#261 (the consumer does
  not reset and stalls), criteo/kafka-sharp#27;
- input from a transactional producer, its aborted records and markers: robinhood/faust#401 (offset
  gaps from an exactly-once producer stop commits), UltimateSoftware/surge#91 (lag left by a trailing
  marker), confluentinc/librdkafka#3020 (aborted records consumed);
- input from another client (Kafka's Java producer): its compressed batches, headers, keys that are
  null or not UTF-8, odd timestamps and tombstones: aio-libs/aiokafka#922, #843, faust-streaming/
  faust#513, robinhood/faust#214, #401;
- an output topic's max.message.bytes lowered under its records at run time: zendesk/ruby-kafka#821
  (MessageSizeTooLarge retried for ever), Farfetch/kafkaflow-retry-extensions#158.
"""

from __future__ import annotations

import asyncio
import random
import signal
import socket
import time
from pathlib import Path

import orjson
import pytest

import fault_inputs
from fault_check import check
from fault_harness import READY, FaultRun
from test_faults import FULL, finish, run, seed  # noqa: F401 - the shared fixtures
from workers.settings import Settings

pytestmark = pytest.mark.integration
long_only = pytest.mark.skipif(not FULL, reason="the long fault suite runs in `make test-faults`")
SHORT = {"total": 160, "originals": 50}


@long_only
def test_second_worker_joins_mid_replay(run, seed):
    """Scale out while articles flow: a second worker joins at a seeded moment, the group rebalances
    with batches in flight on the first; nothing may be lost, doubled or differ."""
    inputs = fault_inputs.build(seed)
    rng = random.Random(seed)
    run.start_worker("w1")
    rate = 12.0
    replay = run.replay(inputs, rate=rate)
    time.sleep(rng.uniform(5.0, len(inputs.lines) / rate / 2))
    mark = (run.workdir / "w1.log").stat().st_size
    joined = time.monotonic()
    second = run.start_worker("w2")
    run.wait_for_log("w1", b"Executing _on_partitions_assigned", run.workers["w1"], after=mark)
    assert replay.wait(timeout=600) == 0, replay.stdout.read()
    finish("second-worker-joins", seed, run, inputs, {"joined_at": round(joined - run.restarts[0][1], 1)}, [joined])
    for name in ("w1", "w2"):
        assert run.workers[name].poll() is None, f"{name} exited:\n{run.log(name)}"
    assert second.poll() is None


@long_only
def test_sighup_stops_like_sigterm(run, seed):
    """SIGHUP during an NER batch (a closed terminal or session): the worker drains and exits as on
    SIGTERM (0 or 3, within SHUTDOWN_SECONDS), and a restart loses nothing."""
    from workers.shutdown import EXIT_ABANDONED, EXIT_DRAINED

    inputs = fault_inputs.build(seed, **SHORT)
    worker = run.start_worker()
    mark = (run.workdir / "w0.log").stat().st_size
    replay = run.replay(inputs)
    run.wait_for_log("w0", b"tagged ", worker, after=mark)
    exit_seconds = run.terminate("w0", sig=signal.SIGHUP, group=True)  # worker and NER pool, as a terminal does
    code = worker.returncode
    assert replay.wait(timeout=600) == 0, replay.stdout.read()
    run.start_worker()
    finish("sighup", seed, run, inputs, {"exit_code": code, "exit_seconds": round(exit_seconds, 1)}, [run.restarts[-1][1]])
    assert code in (EXIT_DRAINED, EXIT_ABANDONED), f"SIGHUP ended the worker with {code}:\n{run.log()}"
    assert exit_seconds < run.settings.shutdown_seconds + 2.0, exit_seconds


def test_serial_topic_with_more_partitions_stops_with_a_clear_error(bootstrap, tmp_path):
    """`articles.clean` (dedupe's input: one partition, so every article meets the whole index)
    already exists with 3 partitions: the worker must not start splitting the index; it exits
    with 2 (configuration refused), naming the topic and its count."""
    run = FaultRun(bootstrap=bootstrap, workdir=tmp_path)
    _create(bootstrap, run.topics.clean, 3)
    worker = run.start_worker(wait=False)
    try:
        code = worker.wait(timeout=180)
    finally:
        run.stop_all()
    log = run.log()
    assert code == 2, log  # a configuration refused: a supervisor's restart would not mend it
    assert run.topics.clean in log and "3 partitions" in log, log
    assert READY.decode() not in log, log


@long_only
def test_input_topic_with_more_partitions_than_configured_loses_nothing(run, seed):
    """`articles.raw` was given more partitions than TOPIC_PARTITIONS (an operator scaled it out):
    articles on the extra partitions are cleaned like the rest; nothing lost or doubled."""
    extra = run.settings.partitions + 2
    _add_partitions(run.bootstrap, run.topics.raw, extra)
    run.partition_counts["raw"] = extra
    inputs = fault_inputs.build(seed, **SHORT)
    run.start_worker()
    replay = run.replay(inputs, rate=20.0)
    assert replay.wait(timeout=600) == 0, replay.stdout.read()
    finish("raw-more-partitions", seed, run, inputs, {"raw_partitions": extra})


def test_no_broker_at_start_exits_with_a_clear_error(tmp_path):
    """No broker answers at KAFKA_BOOTSTRAP_SERVERS: the worker exits non-zero, saying so, instead
    of waiting without end."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    run = FaultRun(bootstrap=f"127.0.0.1:{port}", workdir=tmp_path)
    started = time.monotonic()
    worker = run.start_worker(wait=False)
    code = worker.wait(timeout=120)
    assert code not in (0, None), run.log()
    assert f"127.0.0.1:{port}" in run.log() and "no Kafka broker answers" in run.log(), run.log()
    assert time.monotonic() - started < 90


@long_only
def test_broker_crash_while_the_worker_starts(run, seed):
    """The broker's JVM is SIGKILLed just after the worker found it and began to start (joining the
    group, recovering tables), and comes back 3-8 s later: the worker becomes ready and loses
    nothing, or exits non-zero and its supervisor's restart does; it may not hang."""
    rng = random.Random(seed)
    inputs = fault_inputs.build(seed, **SHORT)
    worker = run.start_worker(wait=False)
    run.wait_for_log("w0", b"[^Worker]: Starting", worker)
    time.sleep(rng.uniform(0.0, 3.0))
    away = run.crash_broker(rng.uniform(3.0, 8.0))
    back = time.monotonic()
    exits = []
    deadline = back + 240
    while READY not in (run.workdir / "w0.log").read_bytes():
        assert time.monotonic() < deadline, f"not ready and not exited 240 s after the broker was back:\n{run.log()}"
        if worker.poll() is not None:
            exits.append(worker.returncode)
            assert worker.returncode != 0 and len(exits) < 3, f"exits {exits}:\n{run.log()}"
            worker = run.start_worker(wait=False)
        time.sleep(0.5)
    replay = run.replay(inputs, rate=20.0)
    assert replay.wait(timeout=600) == 0, replay.stdout.read()
    finish("broker-crash-at-start", seed, run, inputs, {"broker_away_seconds": round(away, 1), "exits": exits}, [back])


@long_only
def test_group_offsets_gone_reprocess_gives_the_same_outcomes(run, seed):
    """The group's committed offsets vanish while the worker is down (offsets.retention.minutes; a
    deleted group): the restarted worker reads every input again from the earliest offset, and
    every article still has its one outcome, byte-identical."""
    inputs = fault_inputs.build(seed, **SHORT)
    run.start_worker()
    replay = run.replay(inputs, rate=30.0)
    assert replay.wait(timeout=600) == 0, replay.stdout.read()
    first, lag = run.drain(inputs)
    assert not lag, lag
    run.stop_all()
    asyncio.run(_delete_group(run.bootstrap, run.group))
    run.start_worker()
    finish("group-offsets-gone", seed, run, inputs, {"records_before": {k: len(v) for k, v in first.items()}},
           [run.restarts[-1][1]])
    again = run.read()
    for role in ("enriched", "duplicates"):
        assert len(again[role]) > len(first[role]), f"{role}: nothing was read again (the offsets were not gone?)"


@long_only
def test_input_deleted_under_the_committed_offset(run, seed):
    """Retention deletes raw input the group has not reached (the worker was down while it
    arrived; its committed offsets now lie below each partition's log start): the restarted worker
    goes on from the new log start instead of stalling, and every surviving article has exactly
    one outcome."""
    inputs = fault_inputs.build(seed, **SHORT)
    run.start_worker()  # joins once: its group has committed start offsets
    run.kill("w0")
    replay = run.replay(inputs)
    assert replay.wait(timeout=600) == 0, replay.stdout.read()
    handled = _ids(run.read()) | _ids(run.read(("clean", "unique", "tagged")))
    committed, ends = asyncio.run(_committed_and_ends(run, "raw"))
    cut = {tp: min(ends[tp], committed.get(tp, 0) + max(1, (ends[tp] - committed.get(tp, 0)) // 2)) for tp in ends}
    asyncio.run(_delete_records(run.bootstrap, cut))
    kept = {_line_id(v) for v in run.read(("raw",))["raw"]}
    survivors = fault_inputs.Inputs(
        lines=[line for line in inputs.lines if _line_id(line) in kept | handled],
        groups={i: g for i, g in inputs.groups.items() if i in kept | handled},
        kinds={i: k for i, k in inputs.kinds.items() if i in kept | handled},
    )
    assert len(survivors.ids) < len(inputs.ids), "nothing unread was deleted: not the case this tests"
    run.start_worker()
    extra = {"deleted_up_to": {f"{tp.partition}": o for tp, o in cut.items()}, "kept_ids": len(survivors.ids)}
    emitted, lag = run.drain(survivors)
    expected = fault_inputs.expected_outcomes(survivors, run.settings, run.read(("clean",))["clean"])
    verdict = check(survivors, expected, emitted)
    print(orjson.dumps({**verdict.figures, **extra, "lag_left": lag}).decode())
    assert not lag, f"FAULT_SEED={seed}: consumer lag left: {lag}\n{run.log()}"
    assert not verdict.failures, f"FAULT_SEED={seed}:\n" + "\n".join(verdict.failures)


# -- helpers ---------------------------------------------------------------------------------------


def _create(bootstrap: str, topic: str, partitions: int) -> None:
    from aiokafka.admin import NewTopic

    asyncio.run(_admin(bootstrap, lambda admin: admin.create_topics([NewTopic(topic, partitions, 1)])))


def _add_partitions(bootstrap: str, topic: str, total: int) -> None:
    from aiokafka.admin import NewPartitions

    asyncio.run(_admin(bootstrap, lambda admin: admin.create_partitions({topic: NewPartitions(total)})))


async def _admin(bootstrap: str, call) -> None:
    from aiokafka.admin import AIOKafkaAdminClient

    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        await call(admin)
    finally:
        await admin.close()


async def _delete_group(bootstrap: str, group: str) -> None:
    """DeleteGroups (the group has no members: its offsets are gone, as after offsets.retention)."""
    from aiokafka.admin import AIOKafkaAdminClient
    from aiokafka.protocol.admin import DeleteGroupsRequest

    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        coordinator = await admin.find_coordinator(group)
        for _ in range(30):
            # aiokafka has no public DeleteGroups: its request, sent as its own admin calls send theirs
            response = await admin._send_request(DeleteGroupsRequest([group]), coordinator)  # noqa: SLF001
            (_name, error), = response.results
            if error == 0:
                return
            await asyncio.sleep(1.0)  # 68 NON_EMPTY_GROUP while the stopped member's session lasts
        raise AssertionError(f"DeleteGroups {group}: error {error}")
    finally:
        await admin.close()


async def _committed_and_ends(run: FaultRun, role: str):
    from aiokafka import AIOKafkaConsumer, TopicPartition
    from aiokafka.admin import AIOKafkaAdminClient

    admin = AIOKafkaAdminClient(bootstrap_servers=run.bootstrap)
    consumer = AIOKafkaConsumer(bootstrap_servers=run.bootstrap)
    await admin.start()
    await consumer.start()
    try:
        tps = [TopicPartition(getattr(run.topics, role), p) for p in range(run._partitions(role))]  # noqa: SLF001
        offsets = await admin.list_consumer_group_offsets(run.group)
        committed = {tp: offsets[tp].offset for tp in tps if tp in offsets and offsets[tp].offset >= 0}
        return committed, await consumer.end_offsets(tps)
    finally:
        await consumer.stop()
        await admin.close()


async def _delete_records(bootstrap: str, before: dict) -> None:
    from aiokafka.admin import AIOKafkaAdminClient, RecordsToDelete

    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        await admin.delete_records({tp: RecordsToDelete(before_offset=o) for tp, o in before.items()})
    finally:
        await admin.close()


def _ids(emitted: dict[str, list[bytes]]) -> set[str]:
    return {fault_inputs.payload_id(orjson.loads(v)) for values in emitted.values() for v in values}


def _line_id(line: bytes) -> str | None:
    match = fault_inputs.ID_IN_PAYLOAD.search(line.decode("utf-8", errors="replace"))
    return match.group(1) if match else None


BIG_LIMIT = 400_000  # MAX_MESSAGE_BYTES for the oversized-output case (10 MiB would take minutes to tag)


@long_only
def test_outputs_over_the_message_limit_are_dead_lettered(run, seed, monkeypatch):
    """Raw records under MAX_MESSAGE_BYTES whose later records outgrow it (clean keeps the body
    twice, as `body` and `paragraphs`; the dedupe and story tables keep each outcome as an escaped
    JSON string): each article gets exactly one outcome, too_large from the stage whose record
    would not fit, and nothing stalls (a send over the producer's max_request_size is never
    acknowledged: robinhood/faust#729, dpkp/kafka-python#841, calf-ai/calfkit-sdk#348)."""
    monkeypatch.setenv("MAX_MESSAGE_BYTES", str(BIG_LIMIT))
    rng = random.Random(seed)
    inputs = fault_inputs.build(seed, total=40, originals=12)
    for n, share in enumerate((0.3, 0.4)):
        article_id = f"quoted-{n}"
        inputs.lines.insert(rng.randrange(len(inputs.lines) + 1), orjson.dumps(_quoted_article(article_id, share, n)))
        inputs.kinds[article_id] = "unique"
        inputs.groups[article_id] = article_id
    run.start_worker()
    replay = run.replay(inputs)
    assert replay.wait(timeout=600) == 0, replay.stdout.read()
    finish("outputs-over-the-limit", seed, run, inputs, {"max_message_bytes": BIG_LIMIT})


def _quoted_article(article_id: str, share: float, n: int) -> dict:
    """A raw record of about `share` x BIG_LIMIT bytes of text (its JSON is larger): short quoted
    words, some with escaped quotes inside, which grow each time a record is escaped again. At a
    share of 0.3 the unique record fits (about 0.8 x the limit) and its dedupe table entry does not
    (about 1.2 x: over the producer's limit too); at 0.4 the clean record does not fit. Neither
    reaches NER (entity-dense text this long can outlast the NER batch budget on a loaded machine)."""
    from workers.records import raw_record

    lines, size, k = [f"Harbour dispute report {n}"], 0, 0
    while size < share * BIG_LIMIT:
        k += 1
        line = f'Day {k}: "No," "not" "yet," "said" "the" "clerk" "at" "berth" "{k}," "and" "the" "crew" "said" "\\"no\\"" "too."'
        lines.append(line)
        size += len(line) + 2
    return raw_record(article_id, "\n\n".join(lines), content_type="text/plain")


# -- input written by other clients ----------------------------------------------------------------


@long_only
def test_transactional_input_aborted_records_and_markers(run, seed):
    """`articles.raw` also written by a transactional producer (Kafka Streams, Flink, any producer
    with exactly-once on): the records of its aborted transactions were never published (no
    outcome), those of committed ones are articles like any other, and the transaction markers
    (a control batch of one offset each, the last one at the end of every raw partition) leave no
    lag and no stall (robinhood/faust#401: offset gaps from an exactly-once producer stop commits;
    UltimateSoftware/surge#91: lag from a trailing marker; confluentinc/librdkafka#3020: aborted
    records consumed)."""
    rng = random.Random(seed)
    inputs = fault_inputs.build(seed, **SHORT)
    committed = _renamed_articles(rng, "txn-commit", 12)
    aborted = _renamed_articles(rng, "txn-abort", 12)
    run.start_worker()
    replay = run.replay(inputs, rate=20.0)
    partitions = run._partitions("raw")  # noqa: SLF001
    # during the replay: small transactions to seeded partitions, committed and aborted in turn
    during = [(True, committed[:8]), (False, aborted[:8])]
    asyncio.run(_transactions(run, rng, during, partitions, pause=1.0))
    assert replay.wait(timeout=600) == 0, replay.stdout.read()
    # after it: one committed, then one aborted transaction over every partition, so each raw
    # partition ends with an abort marker
    after = [(True, committed[8:]), (False, aborted[8:])]
    asyncio.run(_transactions(run, rng, after, partitions, pause=0.0, spread=True))
    merged = fault_inputs.Inputs(
        lines=inputs.lines + [line for _id, line in committed],
        groups={**inputs.groups, **{i: i for i, _line in committed}},
        kinds={**inputs.kinds, **{i: "unique" for i, _line in committed}},
    )
    finish("transactional-input", seed, run, merged, {"committed": len(committed), "aborted": len(aborted)})


def _renamed_articles(rng: random.Random, prefix: str, count: int) -> list[tuple[str, bytes]]:
    """(id, raw line) of `count` corpus articles under new ids `prefix-N-...` (their contents may
    also be in the replayed input: the expected outcome is then a duplicate)."""
    from workers.records import raw_record

    chosen = rng.sample(fault_inputs.corpus(), count)
    out = []
    for n, (article_id, content, content_type) in enumerate(chosen):
        new_id = f"{prefix}-{n}-{article_id}"
        out.append((new_id, orjson.dumps(raw_record(new_id, content, content_type=content_type))))
    return out


async def _transactions(run: FaultRun, rng: random.Random, plan: list, partitions: int, pause: float,
                        spread: bool = False) -> None:
    """Send each (commit?, [(id, line)]) of `plan` as transactions of a transactional producer to
    the raw topic, interleaved: 1-3 records a transaction to seeded partitions (`spread`: one
    transaction per plan entry, its records over every partition in turn), `pause` s apart."""
    from aiokafka import AIOKafkaProducer

    producer = AIOKafkaProducer(bootstrap_servers=run.bootstrap, transactional_id=f"{run.group}-txn",
                                compression_type="gzip")
    await producer.start()
    try:
        chunks = []
        for commit, records in plan:
            if spread:
                chunks.append((commit, [(r, n % partitions) for n, r in enumerate(records)]))
                continue
            records = list(records)
            while records:
                size = rng.randint(1, 3)
                chunks.append((commit, [(r, rng.randrange(partitions)) for r in records[:size]]))
                records = records[size:]
        if not spread:
            rng.shuffle(chunks)
        for commit, records in chunks:
            await producer.begin_transaction()
            for (article_id, line), partition in records:
                await producer.send(run.topics.raw, line, key=article_id.encode(), partition=partition)
            if commit:
                await producer.commit_transaction()
            else:
                await producer.abort_transaction()
            await asyncio.sleep(pause)
    finally:
        await producer.stop()


JAVA_PRODUCER = Path(__file__).with_name("ForeignProducer.java")
CODECS = ("gzip", "snappy", "lz4", "zstd")


@long_only
def test_records_from_other_clients_each_get_one_outcome(run, seed):
    """Kafka's own Java producer (the broker's kafka-clients jar) writes to `articles.raw` beside
    the replayer: record batches compressed with gzip, snappy, lz4 and zstd (aio-libs/aiokafka#922,
    #843, robinhood/aiokafka#28: codecs a Python consumer could not read), records with a foreign
    header (one with a null value), without a key, with a key that is not UTF-8 (faust-streaming/
    faust#513, robinhood/faust#214, mage-ai/mage-ai#5853), with a timestamp of 0, 20 years back or
    30 minutes ahead, and tombstones (a null value: with a key,
    with a key that is not UTF-8, without a key; robinhood/faust#401). Every article gets its one
    outcome; a tombstone is a dead letter that says it had no value, with its key as id, and one
    without a key is known by its origin (partition, offset)."""
    rng = random.Random(seed)
    inputs = fault_inputs.build(seed, **SHORT)
    articles = _renamed_articles(rng, "java", 16)
    keys = (lambda i: i.encode(), lambda i: None, lambda i: b"\xff\xfe" + i.encode()[:12])
    headers = (("trace-id", rng.randbytes(8)), ("x-null", None), ("", None), ("newsfeed-source", b"\xff elsewhere"))
    now_ms = int(time.time() * 1000)
    # the producer's clock, the epoch, 20 years ago, 30 minutes ahead (under the broker's
    # log.message.timestamp.after.max.ms of an hour)
    stamps = (None, 0, now_ms - 20 * 365 * 86_400_000, now_ms + 30 * 60_000)
    foreign = [(CODECS[n % 4], keys[n % 3](article_id), line, *headers[n % 4], stamps[(n // 4) % 4])
               for n, (article_id, line) in enumerate(articles)]
    tombstones = [b"tomb-key", b"\xc3\x28tomb-bad-key", None]
    foreign += [(CODECS[n % 4], key, None, "", None, None) for n, key in enumerate(tombstones)]
    rng.shuffle(foreign)
    run.start_worker()
    replay = run.replay(inputs, rate=20.0)
    positions = _java_produce(run, foreign)
    assert replay.wait(timeout=600) == 0, replay.stdout.read()
    keyed = {key.decode("utf-8", "replace"): key for key in tombstones if key is not None}
    keyless = {positions[n] for n, sent in enumerate(foreign) if sent[2] is None and sent[1] is None}
    merged = fault_inputs.Inputs(
        lines=inputs.lines + [line for _id, line in articles],
        groups={**inputs.groups, **{i: i for i, _line in articles}, **{i: i for i in keyed}},
        kinds={**inputs.kinds, **{i: "unique" for i, _line in articles}, **{i: "bad" for i in keyed}},
    )
    emitted, lag = run.drain(merged)
    expected = fault_inputs.expected_outcomes(merged, run.settings, run.read(("clean",))["clean"])
    expected.update({i: ("rejected", "not_json", "decode") for i in keyed})
    dead = [orjson.loads(v) for v in emitted["rejected"]]
    no_id = [r for r in dead if r["id"] is None and r.get("payload") in (None, "", "null")]
    emitted["rejected"] = [v for v, r in zip(emitted["rejected"], dead) if not (r["id"] is None and r in no_id)]
    verdict = check(merged, expected, emitted)
    tombstone_letters = [r for r in dead if r["id"] in keyed] + no_id
    unclear = [r["error"]["message"] for r in tombstone_letters if "no value" not in r["error"]["message"]]
    origins = {(r.get("origin") or {}).get("partition", -1): (r.get("origin") or {}).get("offset") for r in no_id}
    figures = {**verdict.figures, "codecs": CODECS, "tombstones": len(tombstones), "keyless_letters": len(no_id),
               "unclear_tombstone_letters": unclear[:3], "lag_left": lag}
    print(orjson.dumps(figures).decode())
    assert not lag, f"FAULT_SEED={seed}: consumer lag left: {lag}\n{run.log()}"
    assert not verdict.failures, f"FAULT_SEED={seed}:\n" + "\n".join(verdict.failures)
    assert set(origins.items()) == keyless, (origins, keyless)
    assert not unclear, unclear


def _java_produce(run: FaultRun, records: list[tuple]) -> list[tuple[int, int]]:
    """Send `records` (codec, key or None, value or None, header name or "", header value or None,
    timestamp in epoch milliseconds or None)
    to the raw topic with Kafka's Java producer (ForeignProducer.java, run from source on the
    broker's jars); the (partition, offset) of each."""
    import base64
    import os
    import subprocess

    from workers.broker import BrokerPaths

    def field(data: bytes | None, hex_: bool = False) -> str:
        return "-" if data is None else data.hex() if hex_ else base64.b64encode(data).decode()

    lines = [f"{codec}\t{field(key, True)}\t{field(value)}\t{name}\t{field(header)}\t{'-' if stamp is None else stamp}"
             for codec, key, value, name, header, stamp in records]
    path = run.workdir / "foreign.tsv"
    path.write_text("\n".join(lines) + "\n")
    libs = BrokerPaths.for_settings(Settings.from_env(dict(os.environ))).libs
    result = subprocess.run(["java", "-cp", f"{libs}/*", str(JAVA_PRODUCER), run.bootstrap, run.topics.raw, str(path)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-4000:]
    out = [tuple(map(int, line.split("\t"))) for line in result.stdout.splitlines() if "\t" in line]
    assert len(out) == len(records), result.stdout
    return out


LOWERED_LIMIT = 128  # bytes: under any enriched record's batch, compressed


@long_only
def test_output_topic_limit_lowered_at_run_time(run, seed):
    """An operator lowers `articles.enriched`'s max.message.bytes under the size of its records
    while the worker runs (a topic config: the worker's MAX_MESSAGE_BYTES is unchanged), and the
    broker refuses every enriched record (MESSAGE_TOO_LARGE, not retriable). Each article that
    would have been enriched gets one outcome, a too_large dead letter from enrich that names the
    topic, and nothing stalls (zendesk/ruby-kafka#821: an endless retry of MessageSizeTooLarge;
    Farfetch/kafkaflow-retry-extensions#158: a consumer that stops on it)."""
    inputs = fault_inputs.build(seed, **SHORT)
    run.start_worker()
    config = {"cleanup.policy": "compact", "max.message.bytes": str(LOWERED_LIMIT)}  # the topic's, limit lowered
    asyncio.run(_alter_topic(run.bootstrap, run.topics.enriched, config))
    replay = run.replay(inputs, rate=20.0)
    assert replay.wait(timeout=600) == 0, replay.stdout.read()
    emitted, lag = run.drain(inputs)
    expected = fault_inputs.expected_outcomes(inputs, run.settings, run.read(("clean",))["clean"])
    refused = ("rejected", "too_large", "enrich")
    expected = {i: refused if outcome == ("enriched",) else outcome for i, outcome in expected.items()}
    verdict = check(inputs, expected, emitted)
    letters = [orjson.loads(v) for v in emitted["rejected"]]
    unclear = [r["error"]["message"] for r in letters
               if r["error"]["code"] == "too_large" and run.topics.enriched not in r["error"]["message"]]
    print(orjson.dumps({**verdict.figures, "limit": LOWERED_LIMIT, "refused": sum(o == refused for o in expected.values()),
                        "unclear": unclear[:2], "lag_left": lag}).decode())
    assert not lag, f"FAULT_SEED={seed}: consumer lag left: {lag}\n{run.log()}"
    assert not verdict.failures, f"FAULT_SEED={seed}:\n" + "\n".join(verdict.failures)
    assert not unclear, unclear
    assert run.workers["w0"].poll() is None, run.log()


async def _alter_topic(bootstrap: str, topic: str, config: dict[str, str]) -> None:
    """Set a topic's configs to `config` (AlterConfigs: those not given go back to the broker's defaults)."""
    from aiokafka.admin import AIOKafkaAdminClient
    from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        [response] = await admin.alter_configs([ConfigResource(ConfigResourceType.TOPIC, topic, configs=config)])
        assert all(resource[0] == 0 for resource in response.resources), response
    finally:
        await admin.close()
