"""Metrics, readiness, lag, the stall watchdog, web settings and JSON logs, without a broker."""

from __future__ import annotations

import asyncio
import io
import json
import logging
import logging.config
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from prometheus_client.parser import text_string_to_metric_families

from workers import observability
from workers.observability import (
    EventContext, Metrics, Observability, StallWatchdog, allow_only, consumer_lag, logging_config, web_options,
)
from workers.settings import Settings, SettingsError

ROOT = Path(__file__).resolve().parents[2]
from aiokafka import TopicPartition as TP

# The families the issue asks for, by their exposed names, with their types.
FAMILIES = {
    "newsfeed_articles": "counter",
    "newsfeed_rejected": "counter",
    "newsfeed_stage_seconds": "histogram",
    "newsfeed_end_to_end_seconds": "histogram",
    "newsfeed_consumer_lag": "gauge",
    "newsfeed_index_entries": "gauge",
    "newsfeed_ner_batch_seconds": "histogram",
    "newsfeed_ready": "gauge",
}


def parsed(metrics: Metrics) -> dict:
    out = {}
    for family in text_string_to_metric_families(metrics.exposition().decode()):
        for sample in family.samples:
            out[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return out


def test_every_family_the_issue_names_is_exposed_with_its_type():
    families = {f.name: f.type for f in text_string_to_metric_families(Metrics().exposition().decode())}
    assert families == FAMILIES


def test_every_stage_status_pair_starts_at_zero():
    values = parsed(Metrics())
    for stage, statuses in observability.STAGE_STATUSES.items():
        for status in statuses:
            assert values[("newsfeed_articles_total", (("stage", stage), ("status", status)))] == 0


class FakeTopics:
    raw = "raw"


def fake_obs(**settings) -> Observability:
    app = SimpleNamespace(consumer=SimpleNamespace(assignment=lambda: set()), rebalancing=False,
                          conf=SimpleNamespace(id="g"))
    return Observability(app, Settings(**settings))


def test_routed_counts_statuses_codes_and_stage_times():
    obs = fake_obs()
    obs.routed("clean", {"status": "clean", "pipeline": {"clean": {"ms": 12.0}}})
    obs.routed("clean", {"status": "rejected", "error": {"code": "undecodable"}})
    obs.routed("entities", {"status": "tagged", "pipeline": {"entities": {"ms": 5.0}}})
    values = parsed(obs.metrics)
    assert values[("newsfeed_articles_total", (("stage", "clean"), ("status", "clean")))] == 1
    assert values[("newsfeed_articles_total", (("stage", "clean"), ("status", "rejected")))] == 1
    assert values[("newsfeed_rejected_total", (("code", "undecodable"), ("stage", "clean")))] == 1
    assert values[("newsfeed_stage_seconds_sum", (("stage", "clean"),))] == pytest.approx(0.012)
    # entities time comes from ner_batch only, never twice
    assert values[("newsfeed_stage_seconds_count", (("stage", "entities"),))] == 0


def test_ner_batch_shares_the_batch_time_among_its_articles():
    obs = fake_obs()
    obs.ner_batch(4, 2.0)
    values = parsed(obs.metrics)
    assert values[("newsfeed_ner_batch_seconds_count", ())] == 1
    assert values[("newsfeed_stage_seconds_count", (("stage", "entities"),))] == 4
    assert values[("newsfeed_stage_seconds_sum", (("stage", "entities"),))] == pytest.approx(2.0)


def test_end_to_end_uses_the_raw_timestamp_carried_in_the_headers(monkeypatch):
    obs = fake_obs()
    event = SimpleNamespace(message=SimpleNamespace(topic="articles.tagged", timestamp=0.0), key=b"a1",
                            headers={observability.RAW_TIMESTAMP_HEADER: b"100.0"})
    monkeypatch.setattr(observability, "_current_event", lambda: event)
    monkeypatch.setattr(observability.time, "time", lambda: 103.5)
    assert obs.headers({"id": "a1"}) == {observability.RAW_TIMESTAMP_HEADER: b"100.0"}
    obs.routed("enrich", {"status": "enriched"})
    values = parsed(obs.metrics)
    assert values[("newsfeed_end_to_end_seconds_sum", ())] == pytest.approx(3.5)


def test_a_batch_notes_raw_timestamps_by_article_id(monkeypatch):
    obs = fake_obs()
    events = [SimpleNamespace(message=SimpleNamespace(topic="articles.unique"), key=f"a{i}".encode(),
                              value=f"v{i}", headers={observability.RAW_TIMESTAMP_HEADER: f"{i}.5".encode()})
              for i in range(3)]
    assert obs.batch_values(events) == ["v0", "v1", "v2"]
    monkeypatch.setattr(observability, "_current_event", lambda: None)
    assert obs.headers({"id": "a2"}) == {observability.RAW_TIMESTAMP_HEADER: b"2.5"}
    assert obs.headers({"id": "unknown"}) is None


def test_consumer_lag_is_end_minus_committed_and_the_whole_log_when_never_committed():
    a, b = ("t", 0), ("t", 1)
    assert consumer_lag({a: 10, b: 4}, {a: 7}) == {a: 3, b: 4}


@pytest.mark.parametrize(
    ("readings", "stalled"),
    [
        ([(0, 5, 5), (130, 5, 5)], True),  # messages wait, commit stuck past 120 s
        ([(0, 5, 5), (100, 5, 5)], False),  # not long enough yet
        ([(0, 5, 5), (100, 6, 4), (130, 6, 4)], False),  # the commit moved at 100 s
        ([(0, 5, 0), (130, 5, 0)], False),  # nothing waits: an idle worker is not stalled
    ],
)
def test_stall_watchdog(readings, stalled):
    dog = StallWatchdog(120.0)
    tp = ("t", 0)
    for now, committed, lag in readings:
        dog.observe({tp: lag}, {tp: committed}, now)
    assert bool(dog.stalled) is stalled


def test_readiness_needs_assignment_recovery_and_the_ner_pool():
    obs = fake_obs()
    rebuilt = []
    obs.watch_index("dedupe", SimpleNamespace(index=[1, 2], rebuild=lambda: rebuilt.append(1)))
    assert not obs.is_ready()
    tp = TP(topic=obs.settings.topics.raw, partition=0)
    obs.app.consumer.assignment = lambda: {TP("newsfeed-dedupe-index-changelog", 0), tp}
    asyncio.run(obs.on_assigned({tp}))
    assert obs.readiness()["partitions_assigned"] and not obs.readiness()["tables_recovered"]
    asyncio.run(obs.on_rebalance_complete())
    assert rebuilt == [1], "the index is rebuilt from its table once recovery completes"
    assert not obs.is_ready()  # NER pool not started yet
    obs.ner_pool_started()
    assert obs.is_ready() and parsed(obs.metrics)[("newsfeed_ready", ())] == 1
    assert parsed(obs.metrics)[("newsfeed_index_entries", (("index", "dedupe"),))] == 2
    obs.metrics.lag.labels(tp.topic, "0").set(3)
    asyncio.run(obs.on_revoked({tp}))
    assert not obs.is_ready()
    assert not any(name == "newsfeed_consumer_lag" for name, _ in parsed(obs.metrics)), "revoked series dropped"


def test_every_completed_recovery_rebuilds_the_index_from_the_table():
    from tests.unit.test_table_backed_index import clean_record, holder
    from workers.stages.dedupe import dedupe

    obs, table = fake_obs(), {}
    state = holder(table)
    obs.watch_index("dedupe", state)
    asyncio.run(obs.on_rebalance_complete())  # a superseded recovery completes first
    writer = holder(table)  # the partition's other owner meanwhile, read by the newer recovery
    dedupe(clean_record("a"), writer.current(), now=1.0)
    writer.remember("a")
    asyncio.run(obs.on_rebalance_complete())
    verdict = dedupe(clean_record("b"), state.current(), now=2.0)
    assert verdict["status"] == "duplicate" and verdict["duplicate_of"] == "a"


def test_web_binds_to_loopback_and_hides_faust_views_by_default():
    options = web_options(Settings())
    assert options["web_bind"] == "127.0.0.1"
    assert not any(options[f"web_{name}_enabled"] for name in ("router", "tables", "stats", "graph", "metrics"))
    assert options["web_application_options"]["middlewares"]
    debug = web_options(Settings.from_env({"WORKER_WEB_DEBUG": "1", "WORKER_WEB_HOST": "0.0.0.0"}))
    assert debug["web_bind"] == "0.0.0.0" and debug["web_router_enabled"] and debug["web_tables_enabled"]
    assert debug["web_application_options"] == {}


def test_allow_only_answers_404_outside_the_three_paths():
    async def run() -> dict[str, int]:
        app = web.Application(middlewares=[allow_only(observability.WEB_PATHS)])
        for path in ("/metrics", "/healthz", "/readyz", "/router/", "/"):
            app.router.add_get(path, lambda request: web.Response(text="x"))
        async with TestClient(TestServer(app)) as client:
            return {path: (await client.get(path)).status for path in ("/metrics", "/readyz", "/router/", "/")}

    assert asyncio.run(run()) == {"/metrics": 200, "/readyz": 200, "/router/": 404, "/": 404}


def test_json_logs_carry_level_logger_message_and_the_event_being_handled(monkeypatch):
    settings = Settings.from_env({"LOG_FORMAT": "json"})
    config = logging_config(settings)
    stream = io.StringIO()
    config["handlers"]["stdout"]["stream"] = stream
    event = SimpleNamespace(key=b"art-1", message=SimpleNamespace(topic=settings.topics.unique, partition=3, offset=41))
    monkeypatch.setattr(observability, "_current_event", lambda: event)
    saved = logging.root.handlers[:], logging.root.level
    try:
        logging.config.dictConfig(config)
        logging.getLogger("workers.test").warning("tagged %d article(s)", 2)
    finally:
        logging.root.handlers[:], level = saved
        logging.root.setLevel(level)
    line = json.loads(stream.getvalue().strip().splitlines()[-1])
    assert line["level"] == "WARNING" and line["logger"] == "workers.test" and line["message"] == "tagged 2 article(s)"
    assert re.match(r"\d{4}-\d\d-\d\dT", line["time"])
    assert (line["topic"], line["partition"], line["offset"], line["stage"], line["article_id"]) == (
        settings.topics.unique, 3, 41, "entities", "art-1")


def test_event_context_adds_nothing_outside_an_event(monkeypatch):
    monkeypatch.setattr(observability, "_current_event", lambda: None)
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "m", (), None)
    assert EventContext().filter(record) and not hasattr(record, "topic")


def test_text_is_the_default_log_format_and_bad_values_are_refused():
    assert logging_config(Settings.from_env({})) is None
    with pytest.raises(SettingsError, match="LOG_FORMAT"):
        Settings.from_env({"LOG_FORMAT": "xml"})
    with pytest.raises(SettingsError, match="SHUTDOWN_SECONDS"):
        Settings.from_env({"SHUTDOWN_SECONDS": "0"})


def test_readme_operating_section_lists_every_family():
    section = (ROOT / "README.md").read_text().split("## Operating it", 1)[1].split("\n## ", 1)[0]
    for name, kind in FAMILIES.items():
        exposed = f"{name}_total" if kind == "counter" else name
        assert f"`{exposed}" in section, exposed


def test_healthz_notices_a_dead_ner_pool_process():
    obs = fake_obs()
    alive = SimpleNamespace(is_alive=lambda: True)
    dead = SimpleNamespace(is_alive=lambda: False)
    obs.watch_ner_pool(SimpleNamespace(_executor=SimpleNamespace(_processes={1: alive})))
    assert obs.ner_alive()
    obs.watch_ner_pool(SimpleNamespace(_executor=SimpleNamespace(_processes={1: alive, 2: dead})))
    assert not obs.ner_alive()


class FakeConsumer:
    def __init__(self, wait: float):
        self.wait = wait
        self.paused: set = set()

    def assignment(self) -> set:
        return {TP("raw", 0), TP("raw", 1)}

    def pause_partitions(self, tps) -> None:
        self.paused |= set(tps)

    async def wait_empty(self) -> None:
        await asyncio.sleep(self.wait)


@pytest.mark.parametrize(("wait", "drained"), [(0.0, True), (5.0, False)])
def test_drain_stops_fetching_and_reports_whether_in_flight_work_finished(wait, drained):
    from workers.shutdown import GracefulWorker

    consumer = FakeConsumer(wait)
    obs = fake_obs()
    worker = SimpleNamespace(app=SimpleNamespace(consumer=consumer, observability=obs))
    assert asyncio.run(GracefulWorker.drain(worker, 0.2)) is drained
    assert consumer.paused == consumer.assignment()
    assert obs.stopping and not obs.readiness()["not_stopping"]


def test_dashboard_and_alert_rules_name_only_exposed_series():
    """The same check the integration test makes on a running worker, here on a fresh registry."""
    import yaml

    monitoring = ROOT / "monitoring"
    dashboard = json.loads((monitoring / "grafana" / "dashboards" / "newsfeed.json").read_text())
    exprs = [target["expr"] for panel in dashboard["panels"] for target in panel["targets"]]
    rules = yaml.safe_load((monitoring / "alerts.yml").read_text())
    exprs += [rule["expr"] for group in rules["groups"] for rule in group["rules"]]
    named = {name for expr in exprs for name in re.findall(r"\bnewsfeed_[a-z_]+", expr)}
    metrics = Metrics()
    metrics.lag.labels("t", "0").set(0)
    metrics.rejected.labels("clean", "undecodable")
    exposed = {name for name, _labels in parsed(metrics)}
    assert named and named <= exposed, named - exposed
    datasource = yaml.safe_load((monitoring / "grafana" / "provisioning" / "datasources" / "prometheus.yml").read_text())
    uids = {source["uid"] for source in datasource["datasources"]}
    assert {panel["datasource"]["uid"] for panel in dashboard["panels"]} <= uids


def test_status_view_renders_a_snapshot():
    from rich.console import Console

    from workers.status import render

    topic = {"name": "articles.raw", "partitions": 2, "end_offset": 7, "messages": 7, "per_second_1m": 0.1}
    state = {
        "at": "2026-01-01T00:00:00+00:00", "bootstrap": "b:9092", "group": "newsfeed",
        "topics": {"raw": topic},
        "stages": {"clean": {"topic": "articles.raw", "lag": 5, "partitions": {"0": 5, "1": 0}}},
        "outcomes": {"enriched": 2, "duplicate": 0, "rejected": 1},
        "dead_letters": {"undecodable": 1}, "dead_letters_scanned": 1,
        "worker": {"url": "http://127.0.0.1:6066/readyz", "ready": False, "http_status": 503,
                   "checks": {"status": "not ready", "tables_recovered": False}},
    }
    console = Console(record=True, width=120)
    console.print(render(state))
    text = console.export_text()
    assert "0:5" in text and "undecodable" in text and "NOT ready" in text and "tables_recovered=False" in text
