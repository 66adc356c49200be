"""One fault run on the real broker: uuid topics and group, workers as process groups, a
background replay, an output-offset monitor (for recovery times), a drain that waits for every
input's outcome and zero consumer lag, and a read of every output topic."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import orjson
from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient

from fault_inputs import Inputs, payload_id
from tests.worker_log import log_tail, wait_for_log
from workers.settings import Settings, TopicNames
from workers.shutdown import EXIT_RECOVERY_STALLED

ROOT = Path(__file__).resolve().parents[2]
NEWSFEED = str(Path(sys.executable).with_name("newsfeed"))
READY = b"[^Worker]: Ready"
INPUT_ROLES = ("raw", "clean", "unique", "tagged")
OUTPUT_ROLES = ("enriched", "duplicates", "rejected")
WRITTEN_ROLES = ("clean", "unique", "tagged", *OUTPUT_ROLES)


def _run(coroutine):
    return asyncio.run(coroutine)


def session_processes(sid: int) -> list[int]:
    """Pids of live (not zombie) processes in session `sid` (a worker started in its own session)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if fields[0] != "Z" and int(fields[3]) == sid:
            found.append(int(entry.name))
    return found


@dataclass
class FaultRun:
    bootstrap: str
    workdir: Path
    suffix: str = field(default_factory=lambda: uuid.uuid4().hex[:10])
    workers: dict[str, subprocess.Popen] = field(default_factory=dict)
    timeline: list[tuple[float, int]] = field(default_factory=list)
    restarts: list[tuple[str, float]] = field(default_factory=list)
    orphans: list[str] = field(default_factory=list)
    recovery_stall_exits: list[str] = field(default_factory=list)
    # role -> partitions, for a topic a test created with another count than the settings declare
    partition_counts: dict[str, int] = field(default_factory=dict)
    _stop_monitor: threading.Event = field(default_factory=threading.Event)

    @property
    def topics(self) -> TopicNames:
        return TopicNames(**{role: f"articles.{role}.{self.suffix}" for role in TopicNames.__dataclass_fields__})

    @property
    def group(self) -> str:
        return f"newsfeed-faults-{self.suffix}"

    def env(self, name: str = "w0") -> dict[str, str]:
        env = {key: value for key, value in os.environ.items() if not key.startswith("TOPIC_")}
        env.update({f"TOPIC_{role.upper()}": topic for role, topic in vars(self.topics).items()})
        env.update(
            KAFKA_BOOTSTRAP_SERVERS=self.bootstrap, NEWSFEED_APP_ID=self.group,
            NEWSFEED_STATE_DIR=str(self.workdir / name), WORKER_WEB_ENABLED="0", TOPIC_PARTITIONS="4",
            NER_PROCESSES="1", LOG_LEVEL="info",
        )
        return env

    @property
    def settings(self) -> Settings:
        return Settings.from_env(self.env())

    def create_topics(self) -> None:
        subprocess.run([NEWSFEED, "topics"], env=self.env(), cwd=ROOT, check=True, capture_output=True)

    # -- workers ------------------------------------------------------------------------------

    def start_worker(self, name: str = "w0", wait: bool = True) -> subprocess.Popen:
        (self.workdir / name).mkdir(parents=True, exist_ok=True)
        log = open(self.workdir / f"{name}.log", "ab")
        mark = log.tell()
        log.write(f"\n==== start {time.strftime('%H:%M:%S')}\n".encode())
        log.flush()
        started = time.monotonic()
        process = subprocess.Popen(
            [NEWSFEED, "worker"], env=self.env(name), cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, start_new_session=True,
        )
        self.workers[name] = process
        self.restarts.append((name, started))
        if wait:
            self.wait_for_log(name, READY, process, after=mark)
        return process

    def restart_stalled(self) -> None:
        """Start again, as its supervisor would (compose: `restart: unless-stopped`), a worker that
        exited because its table recovery stalled (EXIT_RECOVERY_STALLED); counted in the figures."""
        for name, process in list(self.workers.items()):
            if process.poll() == EXIT_RECOVERY_STALLED:
                self.recovery_stall_exits.append(name)
                self.start_worker(name, wait=False)

    def wait_for_log(self, name: str, needle: bytes, process: subprocess.Popen, timeout: float = 120.0,
                     after: int = 0) -> None:
        wait_for_log(self.workdir / f"{name}.log", needle, process, timeout, after, tail_chars=4000)

    def log(self, name: str = "w0") -> str:
        return log_tail(self.workdir / f"{name}.log", 4000)

    def kill(self, name: str, group: bool = True) -> None:
        """SIGKILL the worker's process group (or only its main process), then check that no
        process of its session outlives it (NER pool processes must follow their parent)."""
        process = self.workers[name]
        if group:
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.send_signal(signal.SIGKILL)
        process.wait()
        deadline = time.monotonic() + 10.0
        while session_processes(process.pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        left = session_processes(process.pid)
        if left:
            self.orphans.append(f"{name}: {left} outlived a SIGKILL of {'the group' if group else 'the worker'}")
            for pid in left:
                os.kill(pid, signal.SIGKILL)

    def terminate(self, name: str, timeout: float = 90.0, sig: int = signal.SIGTERM, group: bool = False) -> float:
        """SIGTERM (or `sig`) the worker (or its whole process group, as a terminal signals its
        foreground group); the seconds it took to exit."""
        process = self.workers[name]
        started = time.monotonic()
        if group:
            os.killpg(process.pid, sig)
        else:
            process.send_signal(sig)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        return time.monotonic() - started

    def freeze(self, name: str, seconds: float) -> tuple[float, float]:
        """SIGSTOP the worker's process group (its NER pool too: a paused VM or container) for
        `seconds`, then SIGCONT; (when it was frozen, when it was resumed), monotonic."""
        pid = self.workers[name].pid
        return _stopped_for(lambda sig: os.killpg(pid, sig), seconds)

    def kill_ner_process(self, name: str) -> int:
        """SIGKILL one NER pool process of the worker `name` (what the OOM killer does to the
        biggest process), the worker itself left running; the pid killed. The pool's processes are
        the worker's session members started by multiprocessing's spawn (not its resource tracker)."""
        worker = self.workers[name].pid
        for pid in session_processes(worker):
            try:
                command = (Path("/proc") / str(pid) / "cmdline").read_bytes()
            except OSError:
                continue
            if pid != worker and b"spawn_main" in command:
                os.kill(pid, signal.SIGKILL)
                return pid
        raise AssertionError(f"{name} has no NER pool process to kill")

    def owner_of(self, table: str, names: tuple[str, ...], after: dict[str, int]) -> str | None:
        """Which of the workers `names` recovered the changelog of `table` (its partition 0)
        since log offset `after[name]`: the last one whose log lists it among its active
        changelog partitions; None when none did."""
        owner = None
        for name in names:
            with open(self.workdir / f"{name}.log", "rb") as log:
                log.seek(after.get(name, 0))
                text = log.read()
            marker = b"Highwater for active"
            if marker in text and f"{self.group}-{table}-changelog".encode() in text.rsplit(marker, 1)[1][:2000]:
                owner = name
        return owner

    def stop_all(self) -> None:
        for process in self.workers.values():
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.workers.values():
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
            for pid in session_processes(process.pid):
                os.kill(pid, signal.SIGKILL)

    # -- the broker ----------------------------------------------------------------------------

    def restart_broker(self) -> float:
        """`newsfeed broker stop` then `start` (data kept); the seconds the broker was away."""
        started = time.monotonic()
        subprocess.run([NEWSFEED, "broker", "stop"], cwd=ROOT, check=True, capture_output=True)
        result = subprocess.run([NEWSFEED, "broker", "start"], cwd=ROOT, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        return time.monotonic() - started

    def crash_broker(self, down_seconds: float) -> float:
        """SIGKILL the local broker's JVM (a crash: no controlled shutdown, its logs and raft
        metadata as the kill left them), wait `down_seconds`, then `newsfeed broker start` on the
        same data; the seconds the broker was away."""
        from workers.broker import BrokerPaths, running_pid

        pid = running_pid(BrokerPaths.for_settings(Settings.from_env(dict(os.environ))))
        assert pid is not None, "no local broker to crash"
        started = time.monotonic()
        os.kill(pid, signal.SIGKILL)
        time.sleep(down_seconds)
        result = subprocess.run([NEWSFEED, "broker", "start"], cwd=ROOT, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        return time.monotonic() - started

    def pause_broker(self, seconds: float) -> tuple[float, float]:
        """SIGSTOP the local broker's JVM (the one `newsfeed broker start` left in the state dir)
        for `seconds`, then SIGCONT: a broker that hangs (a long GC pause, a paused VM) with its
        connections open; (when it was paused, when it was resumed), monotonic."""
        from workers.broker import BrokerPaths, running_pid

        pid = running_pid(BrokerPaths.for_settings(Settings.from_env(dict(os.environ))))
        assert pid is not None, "no local broker to pause"
        return _stopped_for(lambda sig: os.kill(pid, sig), seconds)

    # -- input ---------------------------------------------------------------------------------

    def replay(self, inputs: Inputs, rate: float | None = None) -> subprocess.Popen:
        path = self.workdir / f"replay-{len(self.timeline)}-{time.monotonic_ns()}.jsonl"
        path.write_bytes(b"\n".join(inputs.lines) + b"\n")
        args = [NEWSFEED, "replay", str(path), "--quiet"] + (["--rate", str(rate)] if rate else [])
        return subprocess.Popen(args, env=self.env(), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)

    # -- watching ------------------------------------------------------------------------------

    def start_monitor(self, interval: float = 0.2) -> None:
        """Sample the sum of the end offsets of every topic the worker writes, in a thread."""

        async def sample() -> None:
            consumer = AIOKafkaConsumer(bootstrap_servers=self.bootstrap, request_timeout_ms=5000)
            await consumer.start()
            try:
                tps = [TopicPartition(getattr(self.topics, role), p)
                       for role in WRITTEN_ROLES for p in range(self._partitions(role))]
                while not self._stop_monitor.is_set():
                    try:
                        ends = await asyncio.wait_for(consumer.end_offsets(tps), 5.0)
                        self.timeline.append((time.monotonic(), sum(ends.values())))
                    except Exception:  # noqa: BLE001 - the broker may be restarting
                        pass
                    await asyncio.sleep(interval)
            finally:
                await consumer.stop()

        threading.Thread(target=lambda: _run(sample()), daemon=True).start()

    def stop_monitor(self) -> None:
        self._stop_monitor.set()

    def _partitions(self, role: str) -> int:
        from workers.topics import topic_specs

        return self.partition_counts.get(role) or topic_specs(self.settings)[role].partitions

    def recovery_seconds(self, since: float, until: float = float("inf")) -> float | None:
        """Seconds from `since` (a restart) to the first sample with more output than at
        `since`; None when there is none before `until` (the next kill)."""
        before = [total for t, total in self.timeline if t <= since]
        base = before[-1] if before else 0
        first = next((t for t, total in self.timeline if t > since and total > base), None)
        return None if first is None or first > until else round(first - since, 1)

    # -- draining ------------------------------------------------------------------------------

    async def _lag(self) -> dict[str, int]:
        admin = AIOKafkaAdminClient(bootstrap_servers=self.bootstrap)
        consumer = AIOKafkaConsumer(bootstrap_servers=self.bootstrap)
        await admin.start()
        await consumer.start()
        try:
            committed = await admin.list_consumer_group_offsets(self.group)
            tps = [TopicPartition(getattr(self.topics, role), p)
                   for role in INPUT_ROLES for p in range(self._partitions(role))]
            ends = await consumer.end_offsets(tps)
            lag = {}
            for tp in tps:
                done = committed.get(tp)
                behind = ends[tp] - (done.offset if done is not None and done.offset >= 0 else 0)
                if behind:
                    lag[f"{tp.topic}:{tp.partition}"] = behind
            return lag
        finally:
            await consumer.stop()
            await admin.close()

    def lag(self) -> dict[str, int]:
        return _run(self._lag())

    async def _read(self, roles=OUTPUT_ROLES) -> dict[str, list[bytes]]:
        consumer = AIOKafkaConsumer(bootstrap_servers=self.bootstrap, enable_auto_commit=False)
        await consumer.start()
        try:
            found: dict[str, list[bytes]] = {}
            for role in roles:
                tps = [TopicPartition(getattr(self.topics, role), p) for p in range(self._partitions(role))]
                consumer.assign(tps)
                await consumer.seek_to_beginning(*tps)
                ends = await consumer.end_offsets(tps)
                values: list[bytes] = []
                while [tp for tp in tps if await consumer.position(tp) < ends[tp]]:
                    batches = await consumer.getmany(timeout_ms=500)
                    values.extend(m.value for ms in batches.values() for m in ms)
                found[role] = values
            return found
        finally:
            await consumer.stop()

    def read(self, roles=OUTPUT_ROLES) -> dict[str, list[bytes]]:
        return _run(self._read(roles))

    def drain(self, inputs: Inputs, timeout: float = float(os.environ.get("FAULT_DRAIN_SECONDS") or 240.0),
              settle: float = 3.0) -> tuple[dict[str, list[bytes]], dict[str, int]]:
        """Wait until every input id has an outcome and the group's lag is 0 on every input
        topic, then `settle` seconds more (or until `timeout`): (every output record, the lag
        left, empty when drained)."""
        deadline = time.monotonic() + timeout
        lag: dict[str, int] = {}
        while time.monotonic() < deadline:
            self.restart_stalled()
            emitted = self.read()
            seen = {payload_id(orjson.loads(v)) for vs in emitted.values() for v in vs}
            if not inputs.ids - seen:
                lag = self.lag()
                if not lag:
                    time.sleep(settle)
                    lag = self.lag()
                    if not lag:
                        return self.read(), {}
            time.sleep(2.0)
        return self.read(), self.lag()


def _stopped_for(send, seconds: float) -> tuple[float, float]:
    """send(SIGSTOP), `seconds` later send(SIGCONT) (also when interrupted); (when it was stopped,
    when it was resumed), monotonic."""
    stopped = time.monotonic()
    send(signal.SIGSTOP)
    try:
        time.sleep(seconds)
    finally:
        send(signal.SIGCONT)
    return stopped, time.monotonic()
