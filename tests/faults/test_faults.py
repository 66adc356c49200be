"""Fault injection on the real broker: SIGKILLs, a broker restart, two workers with one killed,
a SIGTERM during an NER batch, a worker frozen (SIGSTOP) past its session, the broker's JVM
paused. After each run every input id must have exactly one outcome,
the expected one; none lost; enriched records of one id identical (one after compaction).

`make test` runs the short case; `make test-faults` (NEWSFEED_FAULTS=full) runs them all on
>= 500 records. FAULT_SEED=n re-runs a failing seed (printed with every failure).
"""

from __future__ import annotations

import json
import os
import random
import time
from pathlib import Path

import pytest

import fault_inputs
from fault_check import check
from fault_harness import READY, FaultRun

pytestmark = pytest.mark.integration

FULL = os.environ.get("NEWSFEED_FAULTS") == "full"
long_only = pytest.mark.skipif(not FULL, reason="the long fault suite runs in `make test-faults`")
RESULTS = Path(os.environ.get("NEWSFEED_STATE_DIR", ".newsfeed")) / "faults-results.jsonl"


@pytest.fixture
def seed() -> int:
    value = int(os.environ.get("FAULT_SEED") or random.SystemRandom().randrange(1, 10**6))
    print(f"FAULT_SEED={value}")
    return value


@pytest.fixture
def run(bootstrap: str, tmp_path: Path):
    created = FaultRun(bootstrap=bootstrap, workdir=tmp_path)
    created.create_topics()
    created.start_monitor()
    yield created
    created.stop_monitor()
    created.stop_all()


def finish(name: str, seed: int, run: FaultRun, inputs, extra: dict, restarts: list[float] = (),
           kills: list[float] = ()) -> None:
    """Drain, check, record the figures (with the recovery time after each of `restarts`);
    fail with the seed and every broken rule."""
    started = time.monotonic()
    emitted, lag = run.drain(inputs)
    expected = fault_inputs.expected_outcomes(inputs, run.settings, run.read(("clean",))["clean"])
    verdict = check(inputs, expected, emitted)
    ends = [*kills[1:len(restarts)], float("inf")] if kills else [float("inf")] * len(restarts)
    extra = {**extra, "recovery_seconds": [run.recovery_seconds(t, end) for t, end in zip(restarts, ends)]}
    figures = {
        "fault": name, "seed": seed, "inputs": inputs.counts(), **verdict.figures, **extra,
        "drain_seconds": round(time.monotonic() - started, 1), "lag_left": lag, "orphans": run.orphans,
        "monitor_samples": len(run.timeline), "restarts": [round(t - run.restarts[0][1], 1) for _n, t in run.restarts],
        "recovery_stall_exits": run.recovery_stall_exits,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    with RESULTS.open("a") as results:
        results.write(json.dumps(figures) + "\n")
    print(json.dumps(figures, indent=1))
    problems = verdict.failures + run.orphans + ([f"consumer lag left after draining: {lag}"] if lag else [])
    assert not problems, f"FAULT_SEED={seed} ({name}) failed:\n" + "\n".join(problems)


def broker_fault(name: str, seed: int, run: FaultRun, fault) -> None:
    """One worker, a replay at 12 articles/s, and `fault(rng)` done to the broker at a seeded moment
    of the replay's first half; `fault` returns (its figures, when the broker was back, monotonic).
    The replayer and the worker must both come through it; then `finish` checks every id."""
    inputs = fault_inputs.build(seed)
    rng = random.Random(seed)
    run.start_worker()
    rate = 12.0
    replay = run.replay(inputs, rate=rate)
    time.sleep(rng.uniform(5.0, len(inputs.lines) / rate / 2))
    extra, back = fault(rng)
    assert replay.wait(timeout=600) == 0, replay.stdout.read()
    assert run.workers["w0"].poll() is None, run.log()
    finish(name, seed, run, inputs, extra, [back])


def kill_and_restart(name: str, seed: int, run: FaultRun, inputs, kills: int, rate: float) -> None:
    rng = random.Random(seed)
    run.start_worker()
    replay = run.replay(inputs, rate=rate)
    span = len(inputs.lines) / rate
    moments = sorted(rng.uniform(1.0, span) for _ in range(kills))
    began = time.monotonic()
    recoveries, ready, killed = [], [], []
    for n, moment in enumerate(moments):
        time.sleep(max(0.0, began + moment - time.monotonic()))
        killed.append(time.monotonic())
        # the first kill hits the worker alone: its NER pool must not outlive it
        run.kill("w0", group=n > 0)
        run.start_worker()
        restarted = run.restarts[-1][1]
        ready.append(round(time.monotonic() - restarted, 1))
        recoveries.append(restarted)
    assert replay.wait(timeout=600) == 0, replay.stdout.read()
    extra = {"kills": [round(m, 1) for m in moments], "ready_seconds": ready}
    finish(name, seed, run, inputs, extra, recoveries, killed)


def test_sigkill_during_replay_short(run, seed):
    """The short case inside `make test`: 120 records, one SIGKILL of the worker alone, restart."""
    inputs = fault_inputs.build(seed, total=120, originals=40)
    kill_and_restart("sigkill-short", seed, run, inputs, kills=1, rate=15.0)


@long_only
def test_sigkill_three_times(run, seed):
    inputs = fault_inputs.build(seed)
    kill_and_restart("sigkill-x3", seed, run, inputs, kills=3, rate=12.0)


@long_only
def test_sigkill_while_starting(run, seed):
    """A crash loop: SIGKILL mid-replay, restart, and SIGKILL again while the restarted worker starts
    (loading the model, joining the group, reading its tables back: before it is ready), then
    restart: nothing may be lost or differ."""
    inputs = fault_inputs.build(seed)
    rng = random.Random(seed)
    began = time.monotonic()
    run.start_worker()
    first_start = time.monotonic() - began
    rate = 12.0
    replay = run.replay(inputs, rate=rate)
    time.sleep(rng.uniform(5.0, len(inputs.lines) / rate / 3))
    run.kill("w0")
    mark = (run.workdir / "w0.log").stat().st_size
    run.start_worker(wait=False)
    time.sleep(rng.uniform(0.3, 0.8) * first_start)
    before_ready = READY not in (run.workdir / "w0.log").read_bytes()[mark:]
    run.kill("w0")
    run.start_worker()
    restarted = run.restarts[-1][1]
    assert replay.wait(timeout=600) == 0, replay.stdout.read()
    finish("sigkill-while-starting", seed, run, inputs, {"killed_before_ready": before_ready}, [restarted])
    assert before_ready, "the second SIGKILL came after the worker was ready: not the case this tests"


@long_only
def test_two_workers_one_killed(run, seed):
    inputs = fault_inputs.build(seed)
    run.start_worker("w1")
    survivor = run.start_worker("w2")
    run.wait_for_log("w2", b"Executing _on_partitions_assigned", survivor)
    rate = 12.0
    replay = run.replay(inputs, rate=rate)
    time.sleep(random.Random(seed).uniform(3.0, len(inputs.lines) / rate / 2))
    mark = (run.workdir / "w2.log").stat().st_size
    killed = time.monotonic()
    run.kill("w1")
    run.wait_for_log("w2", b"Executing _on_partitions_assigned", survivor, after=mark)
    takeover = round(time.monotonic() - killed, 1)
    assert replay.wait(timeout=600) == 0, replay.stdout.read()
    finish("two-workers-one-killed", seed, run, inputs, {"takeover_seconds": takeover})


@long_only
def test_sigterm_during_ner_batch(run, seed):
    inputs = fault_inputs.build(seed)
    worker = run.start_worker()
    mark = (run.workdir / "w0.log").stat().st_size
    replay = run.replay(inputs)  # a backlog, as fast as the replayer goes
    run.wait_for_log("w0", b"tagged 16 article", worker, after=mark)
    time.sleep(1.0)
    exit_seconds = run.terminate("w0")
    assert replay.wait(timeout=600) == 0, replay.stdout.read()
    run.start_worker()
    restarted = run.restarts[-1][1]
    finish("sigterm-in-ner-batch", seed, run, inputs, {"exit_seconds": round(exit_seconds, 1)}, [restarted])


@long_only
def test_ner_process_killed_mid_batch(run, seed):
    """SIGKILL an NER pool process while it tags a batch (the OOM killer's choice, the worker left
    running): the pool is rebuilt and the batch retried; nothing may be lost or differ."""
    inputs = fault_inputs.build(seed)
    worker = run.start_worker()
    mark = (run.workdir / "w0.log").stat().st_size
    replay = run.replay(inputs)  # a backlog, so the pool has work when it is killed
    run.wait_for_log("w0", b"tagged 16 article", worker, after=mark)
    time.sleep(random.Random(seed).uniform(0.2, 1.5))
    killed = time.monotonic()
    pid = run.kill_ner_process("w0")
    run.wait_for_log("w0", b"rebuilding the pool", worker, after=mark)
    assert replay.wait(timeout=600) == 0, replay.stdout.read()
    assert worker.poll() is None, run.log()
    finish("ner-process-killed", seed, run, inputs, {"killed_pid": pid}, [killed])


@long_only
def test_worker_frozen_past_its_session(run, seed):
    """SIGSTOP (worker and NER pool) one of two workers, the one that owns the dedupe table,
    for two to three session timeouts while articles flow, then SIGCONT: the other worker takes
    its partitions over while it is frozen, and the resumed one is a zombie until it notices
    (its in-flight work finishes and is sent late, its commits are refused), then rejoins."""
    from workers.app import SESSION_TIMEOUT_SECONDS

    inputs = fault_inputs.build(seed)
    rng = random.Random(seed)
    run.start_worker("w1")
    before = {"w1": (run.workdir / "w1.log").stat().st_size}
    second = run.start_worker("w2")
    run.wait_for_log("w2", b"Executing _on_partitions_assigned", second)
    time.sleep(3.0)  # w1's side of the rebalance
    frozen_name = run.owner_of("dedupe-index", ("w1", "w2"), before) or "w1"
    other = "w2" if frozen_name == "w1" else "w1"
    rate = 12.0
    replay = run.replay(inputs, rate=rate)
    time.sleep(rng.uniform(3.0, len(inputs.lines) / rate / 2))
    mark = (run.workdir / f"{other}.log").stat().st_size
    frozen_at, resumed = run.freeze(frozen_name, rng.uniform(2.0, 3.0) * SESSION_TIMEOUT_SECONDS)
    took_over = b"Executing _on_partitions_assigned" in (run.workdir / f"{other}.log").read_bytes()[mark:]
    assert replay.wait(timeout=600) == 0, replay.stdout.read()
    extra = {"frozen": frozen_name, "frozen_seconds": round(resumed - frozen_at, 1),
             "taken_over_while_frozen": took_over}
    finish("worker-frozen", seed, run, inputs, extra, [resumed])
    assert took_over, f"the group did not rebalance while {frozen_name} was frozen:\n{run.log(other)}"
    for name in ("w1", "w2"):
        assert run.workers[name].poll() is None, f"{name} exited after the freeze:\n{run.log(name)}"


@long_only
def test_broker_restart_mid_replay(run, seed):
    """`broker stop` and `start` (data kept) mid-replay."""
    def restart(_rng):
        return {"broker_away_seconds": round(run.restart_broker(), 1)}, time.monotonic()
    broker_fault("broker-restart", seed, run, restart)


@long_only
def test_broker_crash_mid_replay(run, seed):
    """SIGKILL the broker's JVM mid-replay (a crash, not a stop), keep it down 2-6 s, start it on the
    same data: the replayer's sends and the worker wait for it; nothing may be lost or differ."""
    def crash(rng):
        return {"broker_away_seconds": round(run.crash_broker(rng.uniform(2.0, 6.0)), 1)}, time.monotonic()
    broker_fault("broker-crash", seed, run, crash)


@long_only
def test_broker_paused_mid_replay(run, seed):
    """SIGSTOP the broker's JVM for about 20 s mid-replay (connections stay open, nothing
    answers), then SIGCONT: the worker's group session has expired on the broker's clock, the
    replayer's sends wait; nothing may be lost or differ."""
    def pause(rng):
        paused, resumed = run.pause_broker(rng.uniform(18.0, 22.0))
        return {"broker_paused_seconds": round(resumed - paused, 1)}, resumed
    broker_fault("broker-paused", seed, run, pause)
