"""Operating the worker on the real broker: /metrics against the topics, /readyz, SIGTERM bounds
(with and without a broker), no loss across a stop mid-replay, and `newsfeed status` lag."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections import Counter

import orjson
import pytest
import yaml
from prometheus_client.parser import text_string_to_metric_families

from tests.integration.conftest import NEWSFEED, ROOT
from workers.shutdown import EXIT_ABANDONED, EXIT_DEADLINE, EXIT_DRAINED

pytestmark = pytest.mark.integration

SEEDS = 5
SHUTDOWN_BOUND = 10.0  # the bound, seconds from SIGTERM to a reaped process
BAD_INPUT = [b"{this is not json", b'{"id": "no-content", "content_type": "text/plain"}']


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def http(url: str) -> tuple[int | None, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=3) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
    except (urllib.error.URLError, OSError):
        return None, b""


def start_web_worker(pipeline, name: str = "w0", **env: str) -> tuple[subprocess.Popen, str, list[int]]:
    """Start a worker with its web server on a free port; poll /readyz from the first moment until
    200. Returns (process, base url, every /readyz status seen in order)."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    (pipeline.workdir / name).mkdir(parents=True, exist_ok=True)
    log = open(pipeline.workdir / f"{name}.log", "ab")
    process = subprocess.Popen(
        [NEWSFEED, "worker"], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        env={**pipeline.env(name), "WORKER_WEB_ENABLED": "1", "WORKER_WEB_PORT": str(port),
             "LAG_INTERVAL_SECONDS": "0.5", **env},
    )
    pipeline.workers.append(process)
    seen: list[int] = []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        status, _body = http(f"{base}/readyz")
        if status is not None:
            seen.append(status)
        if status == 200:
            return process, base, seen
        if process.poll() is not None:
            raise AssertionError(f"worker exited {process.returncode}:\n{pipeline.log(name)}")
        time.sleep(0.1)
    raise AssertionError(f"worker never ready; saw {seen[-5:]}:\n{pipeline.log(name)}")


def samples(base: str) -> dict[tuple[str, tuple], float]:
    """/metrics parsed by prometheus_client's own parser: {(sample name, sorted labels): value}."""
    status, body = http(f"{base}/metrics")
    assert status == 200
    parsed = {}
    for family in text_string_to_metric_families(body.decode()):
        for sample in family.samples:
            parsed[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return parsed


def value(parsed: dict, name: str, **labels: str) -> float:
    return parsed.get((name, tuple(sorted(labels.items()))), 0.0)


def sigterm_and_time(process: subprocess.Popen) -> tuple[float, int]:
    started = time.monotonic()
    process.send_signal(signal.SIGTERM)
    try:
        code = process.wait(timeout=SHUTDOWN_BOUND + 20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        raise AssertionError("worker still running 30 s after SIGTERM")
    return time.monotonic() - started, code


def dashboard_metric_names() -> set[str]:
    """Every newsfeed_* series the Grafana dashboard and the Prometheus config (alert rules) name."""
    monitoring = ROOT / "monitoring"
    dashboard = json.loads((monitoring / "grafana" / "dashboards" / "newsfeed.json").read_text())
    exprs = [target["expr"] for panel in dashboard["panels"] for target in panel["targets"]]
    prometheus = yaml.safe_load((monitoring / "prometheus.yml").read_text())
    for rules_file in prometheus.get("rule_files", []):
        rules = yaml.safe_load((monitoring / rules_file).read_text())
        exprs += [rule["expr"] for group in rules["groups"] for rule in group["rules"]]
    return {name for expr in exprs for name in re.findall(r"\bnewsfeed_[a-z_]+", expr)}


def test_metrics_count_what_the_topics_hold_and_readiness_follows_recovery(pipeline):
    process, base, seen = start_web_worker(pipeline)
    assert 503 in seen and seen[-1] == 200 and 200 not in seen[:-1], seen
    assert seen.index(503) < len(seen) - 1
    status, body = http(f"{base}/readyz")
    assert status == 200 and all(orjson.loads(body)[check] for check in
                                 ("partitions_assigned", "tables_recovered", "ner_pool_ready"))
    assert http(f"{base}/healthz")[0] == 200
    # Only the three endpoints; Faust's router, table and index views are not served.
    for path in ("/", "/router/", "/table/", "/stats/"):
        assert http(f"{base}{path}")[0] == 404, path

    pipeline.replay("seeds")
    for payload in BAD_INPUT:
        pipeline.produce(payload)
    enriched = pipeline.read("enriched", SEEDS, settle=2.0)
    rejected = pipeline.read("rejected", len(BAD_INPUT), settle=1.0)
    held = {role: pipeline.read(role, count, settle=1.5)
            for role, count in (("clean", SEEDS), ("unique", SEEDS), ("tagged", SEEDS), ("duplicates", 0))}
    assert len(enriched) == SEEDS and len(rejected) == len(BAD_INPUT)

    deadline = time.monotonic() + 30
    while True:  # lag is read from the broker every 0.5 s; wait for the commits to show
        parsed = samples(base)
        lags = {key: v for key, v in parsed.items() if key[0] == "newsfeed_consumer_lag"}
        if lags and not any(lags.values()) or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert lags and not any(lags.values()), lags
    assert {dict(labels)["topic"] for _name, labels in lags} == {
        pipeline.topics.raw, pipeline.topics.clean, pipeline.topics.unique, pipeline.topics.tagged}

    assert value(parsed, "newsfeed_articles_total", stage="clean", status="clean") == len(held["clean"])
    assert value(parsed, "newsfeed_articles_total", stage="dedupe", status="unique") == len(held["unique"])
    assert value(parsed, "newsfeed_articles_total", stage="dedupe", status="duplicate") == len(held["duplicates"])
    assert value(parsed, "newsfeed_articles_total", stage="entities", status="tagged") == len(held["tagged"])
    assert value(parsed, "newsfeed_articles_total", stage="enrich", status="enriched") == len(enriched)
    rejected_total = sum(v for (name, labels), v in parsed.items()
                         if name == "newsfeed_articles_total" and dict(labels)["status"] == "rejected")
    assert rejected_total == len(rejected)
    by_code = Counter(record["error"]["code"] for record in rejected)
    exported = Counter()
    for (name, labels), v in parsed.items():
        if name == "newsfeed_rejected_total":
            exported[dict(labels)["code"]] += int(v)
    assert exported == by_code
    assert value(parsed, "newsfeed_end_to_end_seconds_count") == len(enriched)
    assert value(parsed, "newsfeed_stage_seconds_count", stage="entities") == len(held["tagged"])
    assert value(parsed, "newsfeed_stage_seconds_count", stage="clean") == len(held["clean"])
    assert value(parsed, "newsfeed_ner_batch_seconds_count") >= 1
    assert value(parsed, "newsfeed_index_entries", index="dedupe") == len(held["unique"])
    assert value(parsed, "newsfeed_index_entries", index="story") == len(enriched)
    assert value(parsed, "newsfeed_ready") == 1

    # Every series the Grafana dashboard and Prometheus alert rules name is exposed.
    names = {name for name, _labels in parsed}
    wanted = dashboard_metric_names()
    assert len(wanted) >= 8 and wanted <= names, wanted - names

    elapsed, code = sigterm_and_time(process)
    assert elapsed < SHUTDOWN_BOUND and code == EXIT_DRAINED, (elapsed, code, pipeline.log())


def test_sigterm_during_a_replay_exits_in_time_and_a_restart_loses_nothing(pipeline):
    process = pipeline.start_worker()
    replay = subprocess.Popen(
        [NEWSFEED, "replay", "--quiet", "--rate", "5", "--repeat", "6", "--new-ids", "seeds"],
        env=pipeline.env(), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    time.sleep(2.0)
    assert replay.poll() is None, "the worker is to be stopped mid-replay"
    elapsed, code = sigterm_and_time(process)
    assert elapsed < SHUTDOWN_BOUND, (elapsed, pipeline.log())
    # drained, abandoned, or (a SIGTERM that lands while the worker is still in recovery on a loaded machine:
    # seen once in a CI clone at load 6) the deadline exit: each leaves the uncommitted work to be
    # redelivered, which the rest of the test checks. An idle worker's SIGTERM must drain (the metrics test).
    assert code in (EXIT_DRAINED, EXIT_ABANDONED, EXIT_DEADLINE), (code, pipeline.log())
    pipeline.start_worker("w1")
    assert replay.wait(timeout=60) == 0, replay.stderr.read()
    sent = {record["id"] for record in pipeline.read("raw", SEEDS * 6, settle=1.0)}
    assert len(sent) == SEEDS * 6
    deadline = time.monotonic() + 180
    while True:
        accounted = {record["id"] for role in ("enriched", "duplicates", "rejected")
                     for record in pipeline.read(role, 0, settle=1.5)}
        if sent <= accounted or time.monotonic() > deadline:
            break
        time.sleep(1.0)
    assert sent - accounted == set(), f"lost: {sorted(sent - accounted)}"


def test_sigterm_with_the_broker_stopped_still_exits_in_time(pipeline, tmp_path):
    """Its own broker (the session's is shared), stopped under a running worker."""
    env = {key: value for key, value in os.environ.items() if key != "KAFKA_BOOTSTRAP_SERVERS"}
    env.update(KAFKA_PORT=str(free_port()), NEWSFEED_STATE_DIR=str(tmp_path / "broker"))
    subprocess.run([NEWSFEED, "broker", "start"], env=env, cwd=ROOT, check=True, capture_output=True, timeout=180)
    try:
        pipeline.bootstrap = f"127.0.0.1:{env['KAFKA_PORT']}"
        subprocess.run([NEWSFEED, "topics"], env=pipeline.env(), cwd=ROOT, check=True, capture_output=True)
        process, base, _seen = start_web_worker(pipeline)
        pipeline.replay("seeds")
        pipeline.read("enriched", SEEDS, timeout=120)
    finally:
        subprocess.run([NEWSFEED, "broker", "stop"], env=env, cwd=ROOT, capture_output=True, timeout=60)
    time.sleep(2.0)
    elapsed, code = sigterm_and_time(process)
    assert elapsed < SHUTDOWN_BOUND, (elapsed, pipeline.log())
    assert code in (EXIT_DRAINED, EXIT_ABANDONED, EXIT_DEADLINE), (code, pipeline.log())
    log = (pipeline.workdir / "w0.log").read_text(errors="replace")
    assert "shutdown: SIGTERM received" in log
    if code == EXIT_DEADLINE:  # the exit code says which way it ended, and so does the log
        assert f"exiting with {EXIT_DEADLINE}" in log


def status_json(pipeline, *args: str) -> dict:
    result = subprocess.run([NEWSFEED, "status", "--once", "--json", *args], env=pipeline.env(), cwd=ROOT,
                            capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return orjson.loads(result.stdout)


def test_status_reports_the_lag_a_paused_worker_leaves(pipeline):
    process = pipeline.start_worker()
    pipeline.stop_worker(process)
    pipeline.replay("seeds")
    state = status_json(pipeline)
    assert state["group"] == pipeline.settings.app_id
    assert state["topics"]["raw"]["end_offset"] == SEEDS
    assert state["stages"]["clean"]["lag"] == SEEDS
    assert sum(state["stages"]["clean"]["partitions"].values()) == SEEDS
    assert state["stages"]["dedupe"]["lag"] == 0
    assert state["worker"] is None

    process, base, _seen = start_web_worker(pipeline, "w1")
    pipeline.read("enriched", SEEDS)
    deadline = time.monotonic() + 30
    while True:
        state = status_json(pipeline, "--web-port", base.rsplit(":", 1)[1])
        if all(stage["lag"] == 0 for stage in state["stages"].values()) or time.monotonic() > deadline:
            break
        time.sleep(1.0)
    assert {stage: info["lag"] for stage, info in state["stages"].items()} == dict.fromkeys(state["stages"], 0)
    assert state["outcomes"]["enriched"] == SEEDS
    assert state["topics"]["raw"]["per_second_1m"] > 0
    assert state["worker"]["ready"] is True
