"""The broker commands' behaviour that needs no broker of its own."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

NEWSFEED = str(Path(sys.executable).with_name("newsfeed"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([NEWSFEED, *args], env={**os.environ, **env}, capture_output=True, text=True, timeout=60)


def test_start_refuses_an_external_broker_that_does_not_answer(tmp_path):
    result = run("broker", "start", env={"KAFKA_BOOTSTRAP_SERVERS": f"127.0.0.1:{free_port()}", "NEWSFEED_STATE_DIR": str(tmp_path)})
    assert result.returncode != 0
    assert "does not answer" in result.stderr
    assert not (tmp_path / "kafka").exists(), "nothing may be started for an external broker"


def test_status_and_stop_without_a_broker(tmp_path):
    env = {"KAFKA_PORT": str(free_port()), "NEWSFEED_STATE_DIR": str(tmp_path), "KAFKA_BOOTSTRAP_SERVERS": ""}
    status = run("broker", "status", env=env)
    assert status.returncode == 1
    assert '"answers": false' in status.stdout
    stop = run("broker", "stop", env=env)
    assert stop.returncode == 0
    assert "no local broker is running" in stop.stderr


def test_worker_refuses_to_start_without_a_broker(tmp_path):
    env = {"KAFKA_PORT": str(free_port()), "NEWSFEED_STATE_DIR": str(tmp_path), "KAFKA_BOOTSTRAP_SERVERS": ""}
    result = run("worker", env=env)
    assert result.returncode != 0
    assert "no Kafka broker answers" in result.stderr


def test_only_the_local_address_counts_as_the_local_broker():
    from workers.broker import is_local
    from workers.settings import Settings

    assert is_local(Settings.from_env({"KAFKA_PORT": "19999"}))
    assert is_local(Settings.from_env({"KAFKA_PORT": "19999", "KAFKA_BOOTSTRAP_SERVERS": "127.0.0.1:19999"}))
    assert is_local(Settings.from_env({"KAFKA_PORT": "19999", "KAFKA_BOOTSTRAP_SERVERS": "localhost:19999"}))
    assert not is_local(Settings.from_env({"KAFKA_PORT": "19999", "KAFKA_BOOTSTRAP_SERVERS": "127.0.0.1:9092"}))
    assert not is_local(Settings.from_env({"KAFKA_PORT": "19999", "KAFKA_BOOTSTRAP_SERVERS": "kafka:19999"}))
