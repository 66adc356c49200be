"""The local Apache Kafka broker: jars from Maven Central, one KRaft node, started and stopped here.

`start` does nothing when KAFKA_BOOTSTRAP_SERVERS names a broker that answers, so the same
commands work against a real cluster or the docker-compose broker.
"""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from aiokafka import AIOKafkaClient
from aiokafka.errors import KafkaError

from workers.settings import KAFKA_VERSION, Settings
from workers.topics import message_limit

POM = Path(__file__).resolve().parent.parent / "broker" / "pom.xml"
START_TIMEOUT_SECONDS = 90.0
STOP_TIMEOUT_SECONDS = 30.0

LOG4J2 = """\
status = warn
appender.file.type = File
appender.file.name = file
appender.file.fileName = {log}
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = info
rootLogger.appenderRef.file.ref = file
logger.kafka.name = kafka
logger.kafka.level = warn
logger.apache.name = org.apache.kafka
logger.apache.level = warn
logger.started.name = kafka.server.KafkaRaftServer
logger.started.level = info
"""


class BrokerError(RuntimeError):
    """The local broker cannot be installed, started or stopped; the message says why and where its log is."""


@dataclass(frozen=True)
class BrokerPaths:
    """Where the local broker keeps its jars, data, config, log and pid file, under <state dir>/kafka."""

    home: Path

    @classmethod
    def for_settings(cls, settings: Settings) -> "BrokerPaths":
        """The paths under settings.state_dir (resolved to an absolute path)."""
        return cls(settings.state_dir.resolve() / "kafka")

    @property
    def libs(self) -> Path:
        """The folder of the Kafka jars, one per Kafka version."""
        return self.home / f"libs-{KAFKA_VERSION}"

    @property
    def data(self) -> Path:
        """The KRaft log directory (topics, offsets, metadata)."""
        return self.home / "data"

    @property
    def properties(self) -> Path:
        """The broker's server.properties, written at each start."""
        return self.home / "server.properties"

    @property
    def log4j(self) -> Path:
        """The broker's log4j2 configuration, written at each start."""
        return self.home / "log4j2.properties"

    @property
    def log(self) -> Path:
        """The broker's log file."""
        return self.home / "broker.log"

    @property
    def pid(self) -> Path:
        """The file holding the running broker's process id."""
        return self.home / "broker.pid"


async def _answers(bootstrap: str, timeout: float = 3.0) -> bool:
    """True when a broker at `bootstrap` answers a metadata request."""
    client = AIOKafkaClient(bootstrap_servers=bootstrap, request_timeout_ms=int(timeout * 1000))
    # A refused connection is the expected answer while the broker boots: keep aiokafka quiet.
    logging.getLogger("aiokafka").setLevel(logging.CRITICAL)
    try:
        await asyncio.wait_for(client.bootstrap(), timeout)
        return True
    except (KafkaError, OSError, asyncio.TimeoutError):
        return False
    finally:
        await client.close()


def answers(bootstrap: str, timeout: float = 3.0) -> bool:
    """True when a Kafka broker at bootstrap (host:port) answers a metadata request within timeout
    seconds; False on refusal, timeout or a Kafka error (never raises for an absent broker)."""
    return asyncio.run(_answers(bootstrap, timeout))


def resolve_jars(paths: BrokerPaths) -> Path:
    """Copy kafka_2.13 and its runtime dependencies from Maven (cached in ~/.m2) into libs/."""
    marker = paths.libs / ".complete"
    if marker.exists():
        return paths.libs
    if shutil.which("mvn") is None:
        raise BrokerError("Maven (mvn) is not installed: it fetches the Kafka jars from Maven Central")
    if paths.libs.exists():
        shutil.rmtree(paths.libs)
    command = [
        "mvn", "-q", "-B", "-f", str(POM), "dependency:copy-dependencies",
        f"-DoutputDirectory={paths.libs}", "-DincludeScope=runtime", f"-Dkafka.version={KAFKA_VERSION}",
    ]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise BrokerError(f"mvn could not resolve the Kafka jars:\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
    marker.touch()
    return paths.libs


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _server_properties(settings: Settings, paths: BrokerPaths, controller: int) -> str:
    return "\n".join(
        [
            "process.roles=broker,controller",
            "node.id=1",
            f"controller.quorum.voters=1@127.0.0.1:{controller}",
            f"listeners=PLAINTEXT://127.0.0.1:{settings.kafka_port},CONTROLLER://127.0.0.1:{controller}",
            f"advertised.listeners=PLAINTEXT://127.0.0.1:{settings.kafka_port}",
            "controller.listener.names=CONTROLLER",
            "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
            f"log.dirs={paths.data}",
            f"num.partitions={settings.partitions}",
            "offsets.topic.replication.factor=1",
            "offsets.topic.num.partitions=8",
            "transaction.state.log.replication.factor=1",
            "transaction.state.log.min.isr=1",
            "share.coordinator.state.topic.replication.factor=1",
            "share.coordinator.state.topic.min.isr=1",
            # Topics come from workers.topics with the partition counts the tables need.
            "auto.create.topics.enable=false",
            "group.initial.rebalance.delay.ms=0",
            "log.segment.bytes=67108864",
            # big pages travel: the same limit as the producers and every topic (workers.topics)
            f"message.max.bytes={message_limit(settings)}",
            f"replica.fetch.max.bytes={message_limit(settings)}",
            "",
        ]
    )


def _java(paths: BrokerPaths, main: str, *args: str, heap: str = "512m") -> list[str]:
    java = shutil.which("java")
    if java is None:
        raise BrokerError("java is not installed: the local broker needs Java 17")
    return [
        java, f"-Xmx{heap}", f"-Xms{heap}", "-XX:+UseG1GC",
        f"-Dlog4j2.configurationFile={paths.log4j}",
        "-cp", str(paths.libs / "*"), main, *args,
    ]


def running_pid(paths: BrokerPaths) -> int | None:
    """The pid of the broker this project started, if it is still that process."""
    try:
        pid = int(paths.pid.read_text().strip())
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except (OSError, ValueError):
        return None
    return pid if b"kafka.Kafka" in cmdline and str(paths.properties).encode() in cmdline else None


LOCAL_HOSTS = ("127.0.0.1", "localhost")


def is_local(settings: Settings) -> bool:
    """True when KAFKA_BOOTSTRAP_SERVERS is unset or names the local broker's own address."""
    if not settings.bootstrap_servers:
        return True
    return settings.bootstrap_servers.strip() in {f"{host}:{settings.kafka_port}" for host in LOCAL_HOSTS}


def _controller_port(paths: BrokerPaths) -> int:
    """The controller port of the last start when its data is kept and the port is free, else a new one."""
    try:
        for line in paths.properties.read_text().splitlines():
            if line.startswith("controller.quorum.voters="):
                port = int(line.rsplit(":", 1)[1])
                with socket.socket() as probe:
                    probe.bind(("127.0.0.1", port))
                return port
    except (OSError, ValueError):
        pass
    return _free_port()


def _format(paths: BrokerPaths) -> None:
    """Format the log dir for a new single-node cluster (only ever on a new or wiped dir)."""
    cluster_id = subprocess.run(
        _java(paths, "kafka.tools.StorageTool", "random-uuid", heap="128m"),
        capture_output=True, text=True, check=True,
    ).stdout.strip().splitlines()[-1]
    formatted = subprocess.run(
        _java(paths, "kafka.tools.StorageTool", "format", "-t", cluster_id, "-c", str(paths.properties), heap="128m"),
        capture_output=True, text=True,
    )
    if formatted.returncode != 0:
        raise BrokerError(f"could not format {paths.data}: {formatted.stdout}{formatted.stderr}")


def start(settings: Settings, out=sys.stderr, fresh: bool = False) -> str:
    """Start the local broker unless one already answers; return the bootstrap address.

    The log dir (topics, offsets, changelogs) is kept across stop/start: it is formatted only
    when it is new, or when `fresh` wipes it first. KAFKA_BOOTSTRAP_SERVERS set to the local
    broker's own address (127.0.0.1:KAFKA_PORT) starts the local broker like an unset one.
    BrokerError when it does not answer within START_TIMEOUT_SECONDS of its launch (the jars' first
    download and the log dir's format come before and are not counted).
    """
    if settings.bootstrap_servers and not is_local(settings):
        if answers(settings.bootstrap_servers):
            print(f"using the broker at {settings.bootstrap_servers}", file=out)
            return settings.bootstrap_servers
        raise BrokerError(f"KAFKA_BOOTSTRAP_SERVERS={settings.bootstrap_servers} does not answer")
    paths = BrokerPaths.for_settings(settings)
    if running_pid(paths) and answers(settings.bootstrap):
        print(f"local broker already running at {settings.bootstrap}", file=out)
        return settings.bootstrap
    if answers(settings.bootstrap, timeout=1.0):
        if settings.bootstrap_servers:  # named on purpose: use it, as any external broker
            print(f"using the broker at {settings.bootstrap_servers}", file=out)
            return settings.bootstrap_servers
        raise BrokerError(f"port {settings.kafka_port} is taken by a broker this project did not start")
    paths.home.mkdir(parents=True, exist_ok=True)
    resolve_jars(paths)  # a first start downloads the jars (Maven): not part of the broker's start time
    if fresh and paths.data.exists():
        shutil.rmtree(paths.data)
    kept = (paths.data / "meta.properties").exists()
    paths.properties.write_text(_server_properties(settings, paths, _controller_port(paths) if kept else _free_port()))
    paths.log4j.write_text(LOG4J2.format(log=paths.log))
    if not kept:
        if paths.data.exists():
            shutil.rmtree(paths.data)  # a half-formatted dir from an interrupted start
        _format(paths)
    # the wait counts from the launch: on a fresh machine under load, the jars' download and the storage
    # format (a JVM of its own) took most of 90 s before the broker ran (CI clone, sixteenth session)
    return _launch_until_ready(settings, paths, time.monotonic(), "kept" if kept else "new", out)


# A kept log dir's start can fail once and then work: the last run's controller port still held for
# a moment ("Address already in use"), or the raft log's torn tail after a killed broker
# (CorruptRecordException), which that failed start's recovery mends (fault runs, eighth session: 3
# of about 30 starts on kept data failed, each next start worked).
START_ATTEMPTS = 2
RESTART_PAUSE_SECONDS = 2.0
_EXIT_REASONS = ("Address already in use", "CorruptRecordException", "Exception", "ERROR")


def _launch_until_ready(settings: Settings, paths: BrokerPaths, started: float, log_dir: str, out) -> str:
    """Launch the broker and wait for it to answer (START_TIMEOUT_SECONDS from the monotonic `started`);
    a JVM that exits during start is launched once more (START_ATTEMPTS), saying why. The bootstrap
    address; BrokerError with the log's reason when it exits again, or when it never answers (then
    it is stopped)."""
    for attempt in range(1, START_ATTEMPTS + 1):
        log_mark = paths.log.stat().st_size if paths.log.exists() else 0
        process = _launch(paths)
        if _ready(process, settings, started + START_TIMEOUT_SECONDS):
            print(f"Kafka {KAFKA_VERSION} (KRaft) ready at {settings.bootstrap} ({log_dir} log dir) in "
                  f"{time.monotonic() - started:.1f}s, pid {process.pid}, log {paths.log}", file=out)
            return settings.bootstrap
        if process.poll() is None:  # no answer in time: not a start that failed fast
            break
        reason = _exit_reason(paths, log_mark)
        if attempt == START_ATTEMPTS:
            raise BrokerError(f"the broker exited with {process.returncode} ({reason}); see {paths.log} and "
                              f"{paths.home / 'broker.stdout'}")
        print(f"the broker exited with {process.returncode} during start ({reason}); starting it again", file=out)
        if "Address already in use" in reason:  # a static quorum's voter port is config: a new one is safe
            paths.properties.write_text(_server_properties(settings, paths, _free_port()))
        time.sleep(RESTART_PAUSE_SECONDS)
    stop(settings, out=out)
    raise BrokerError(f"the broker did not answer within {START_TIMEOUT_SECONDS:.0f}s; see {paths.log}")


def _launch(paths: BrokerPaths) -> subprocess.Popen:
    """The broker JVM started in its own session (stdout and stderr to broker.stdout); its pid written."""
    with open(paths.home / "broker.stdout", "wb") as stdout:
        process = subprocess.Popen(
            _java(paths, "kafka.Kafka", str(paths.properties)),
            stdout=stdout, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True,
        )
    paths.pid.write_text(str(process.pid))
    return process


def _ready(process: subprocess.Popen, settings: Settings, deadline: float) -> bool:
    """True once the broker answers at settings.bootstrap; False when the process exits first or
    the monotonic deadline passes (the caller tells the two apart with process.poll())."""
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        if answers(settings.bootstrap, timeout=1.0):
            return True
        time.sleep(0.25)
    return False


def _exit_reason(paths: BrokerPaths, log_mark: int = 0) -> str:
    """The first telling line (_EXIT_REASONS, in that order of preference) of what this launch wrote:
    the broker's log from byte log_mark on, and its stdout; cut to 200 characters."""
    tail = []
    for log, mark in ((paths.log, log_mark), (paths.home / "broker.stdout", 0)):
        try:
            with open(log, "rb") as handle:
                handle.seek(mark)
                tail += handle.read().decode("utf-8", errors="replace").splitlines()[-200:]
        except OSError:
            continue
    for word in _EXIT_REASONS:
        found = next((line for line in reversed(tail) if word in line), None)
        if found:
            return found.strip()[:200]
    return "no reason in its log"


def stop(settings: Settings, out=sys.stderr) -> bool:
    """Stop the broker this project started (and nothing else); False when none was running."""
    paths = BrokerPaths.for_settings(settings)
    pid = running_pid(paths)
    if pid is None:
        print("no local broker is running", file=out)
        paths.pid.unlink(missing_ok=True)
        return False
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + STOP_TIMEOUT_SECONDS
    while time.monotonic() < deadline and running_pid(paths) == pid:
        if _reaped(pid):
            break
        time.sleep(0.2)
    else:
        if running_pid(paths) == pid:
            os.kill(pid, signal.SIGKILL)
    paths.pid.unlink(missing_ok=True)
    print(f"stopped the local broker (pid {pid})", file=out)
    return True


def _reaped(pid: int) -> bool:
    try:
        finished, _ = os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return not Path(f"/proc/{pid}").exists() or b"Z" in _state(pid)
    return finished == pid


def _state(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/stat").read_bytes().split(b")")[-1][:3]
    except OSError:
        return b"Z"


def status(settings: Settings) -> dict:
    """The broker as `newsfeed broker status` shows it: {bootstrap, external (not started by us), pid
    (None when not running or external), answers (bool), log (path or None), kafka_version}."""
    paths = BrokerPaths.for_settings(settings)
    pid = running_pid(paths) if is_local(settings) else None
    return {
        "bootstrap": settings.bootstrap,
        "external": not is_local(settings),
        "pid": pid,
        "answers": answers(settings.bootstrap, timeout=2.0),
        "log": str(paths.log) if is_local(settings) else None,
        "kafka_version": KAFKA_VERSION,
    }
