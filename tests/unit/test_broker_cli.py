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


class _Exited:
    """A broker JVM that exited during start (returncode 1)."""

    pid, returncode = 4242, 1

    def poll(self):
        return self.returncode


class _Running:
    """A broker JVM that is up."""

    pid, returncode = 4243, None

    def poll(self):
        return None


def _paths_with_log(tmp_path, line: str):
    from workers.broker import BrokerPaths

    paths = BrokerPaths(tmp_path / "kafka")
    paths.home.mkdir(parents=True)
    paths.log.write_text("[2026-11-30 06:00:00,000] INFO an older start\n")
    paths.properties.write_text("controller.quorum.voters=1@127.0.0.1:1\n")
    return paths, line


def test_a_broker_that_exits_during_start_is_started_once_more_with_its_reason(tmp_path, monkeypatch):
    import io

    from workers import broker
    from workers.settings import Settings

    paths, line = _paths_with_log(tmp_path, "ERROR [RaftManager] java.net.BindException: Address already in use")
    launches = []

    def launch(p):
        launches.append(p.properties.read_text())
        if len(launches) == 1:
            with open(p.log, "a") as log:
                log.write(line + "\n")
            return _Exited()
        return _Running()

    monkeypatch.setattr(broker, "_launch", launch)
    monkeypatch.setattr(broker, "answers", lambda bootstrap, timeout=3.0: len(launches) > 1)
    monkeypatch.setattr(broker, "RESTART_PAUSE_SECONDS", 0.0)
    out = io.StringIO()
    settings = Settings(state_dir=tmp_path)
    assert broker._launch_until_ready(settings, paths, broker.time.monotonic(), "kept", out) == settings.bootstrap
    assert len(launches) == 2
    assert "exited with 1 during start (ERROR [RaftManager] java.net.BindException: Address already in use)" in out.getvalue()
    assert launches[1] != launches[0], "a port in use gets a new controller port"


def test_a_broker_that_exits_twice_fails_with_the_reason_of_this_start_only(tmp_path, monkeypatch):
    import io

    import pytest

    from workers import broker
    from workers.settings import Settings

    paths, line = _paths_with_log(tmp_path, "ERROR Exiting: org.apache.kafka.common.errors.CorruptRecordException: torn")
    paths.log.write_text("ERROR an error of an earlier run, not this one\n")

    def launch(p):
        with open(p.log, "a") as log:
            log.write(line + "\n")
        return _Exited()

    monkeypatch.setattr(broker, "_launch", launch)
    monkeypatch.setattr(broker, "answers", lambda bootstrap, timeout=3.0: False)
    monkeypatch.setattr(broker, "RESTART_PAUSE_SECONDS", 0.0)
    with pytest.raises(broker.BrokerError, match="CorruptRecordException: torn"):
        broker._launch_until_ready(Settings(state_dir=tmp_path), paths, broker.time.monotonic(), "kept", io.StringIO())
    assert "earlier run" not in broker._exit_reason(paths, paths.log.stat().st_size - len(line) - 1)
