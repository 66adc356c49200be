"""Real-broker fixtures: uuid topics and groups per test, the worker as a subprocess.

`make test` starts a local Apache Kafka broker and sets NEWSFEED_REQUIRE_BROKER=1, so a missing
broker fails the run there; on a laptop without one these tests skip with the reason.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import orjson
import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from tests.worker_log import log_tail, wait_for_log
from workers.settings import Settings, TopicNames

ROOT = Path(__file__).resolve().parents[2]
NEWSFEED = str(Path(sys.executable).with_name("newsfeed"))
WORKER_READY_SECONDS = 120.0


@dataclass
class Pipeline:
    """One isolated pipeline: its own topics, consumer group and state, on the shared broker."""

    bootstrap: str
    workdir: Path
    suffix: str = field(default_factory=lambda: uuid.uuid4().hex[:10])
    workers: list[subprocess.Popen] = field(default_factory=list)

    @property
    def topics(self) -> TopicNames:
        return TopicNames(**{role: f"articles.{role}.{self.suffix}" for role in TopicNames.__dataclass_fields__})

    def env(self, worker_name: str = "w0") -> dict[str, str]:
        env = {key: value for key, value in os.environ.items() if not key.startswith("TOPIC_")}
        env.update({f"TOPIC_{role.upper()}": name for role, name in vars(self.topics).items()})
        env.update(
            KAFKA_BOOTSTRAP_SERVERS=self.bootstrap,
            NEWSFEED_APP_ID=f"newsfeed-test-{self.suffix}",
            NEWSFEED_STATE_DIR=str(self.workdir / worker_name),
            WORKER_WEB_ENABLED="0",
            TOPIC_PARTITIONS="4",
            NER_PROCESSES="1",
            LOG_LEVEL="info",
        )
        return env

    @property
    def settings(self) -> Settings:
        return Settings.from_env(self.env())

    def start_worker(self, name: str = "w0", **extra_env: str) -> subprocess.Popen:
        (self.workdir / name).mkdir(parents=True, exist_ok=True)
        log = open(self.workdir / f"{name}.log", "ab")
        process = subprocess.Popen(
            [NEWSFEED, "worker"], env={**self.env(name), **extra_env}, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
        self.workers.append(process)
        self.wait_for_log(name, b"[^Worker]: Ready", process)
        return process

    def wait_for_log(self, name: str, needle: bytes, process: subprocess.Popen, timeout: float = WORKER_READY_SECONDS) -> None:
        wait_for_log(self.workdir / f"{name}.log", needle, process, timeout)

    def log(self, name: str = "w0") -> str:
        return log_tail(self.workdir / f"{name}.log", 6000)

    def stop_worker(self, process: subprocess.Popen) -> None:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

    def replay(self, *args: str) -> subprocess.CompletedProcess:
        result = subprocess.run(
            [NEWSFEED, "replay", "--quiet", *args], env=self.env(), cwd=ROOT, capture_output=True, text=True, timeout=120
        )
        assert result.returncode == 0, result.stderr
        return result

    def produce(self, value: bytes, key: bytes | None = None) -> None:
        async def send() -> None:
            producer = AIOKafkaProducer(bootstrap_servers=self.bootstrap, acks="all")
            await producer.start()
            try:
                await producer.send_and_wait(self.topics.raw, value, key=key)
            finally:
                await producer.stop()

        asyncio.run(send())

    def read(self, role: str, count: int, timeout: float = 180.0, settle: float = 0.0) -> list[dict]:
        """Every record on the topic of `role` from the beginning: wait for `count`, then `settle` more seconds."""

        async def consume() -> list[dict]:
            consumer = AIOKafkaConsumer(
                getattr(self.topics, role), bootstrap_servers=self.bootstrap, group_id=None,
                auto_offset_reset="earliest", enable_auto_commit=False,
            )
            await consumer.start()
            found: list[dict] = []
            try:
                deadline = time.monotonic() + timeout
                settle_until = None
                while time.monotonic() < (settle_until or deadline):
                    batches = await consumer.getmany(timeout_ms=500)
                    found.extend(orjson.loads(m.value) for ms in batches.values() for m in ms)
                    if len(found) >= count and settle_until is None:
                        settle_until = time.monotonic() + settle
            finally:
                await consumer.stop()
            return found

        return asyncio.run(consume())


@pytest.fixture
def pipeline(bootstrap: str, tmp_path: Path):
    created = Pipeline(bootstrap=bootstrap, workdir=tmp_path)
    subprocess.run([NEWSFEED, "topics"], env=created.env(), cwd=ROOT, check=True, capture_output=True)
    yield created
    for process in created.workers:
        created.stop_worker(process)
