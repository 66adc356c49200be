"""Delivery.deliver: what the broker acknowledges is done, what fails is sent again, and a record the
broker refuses as too large (its topic's max.message.bytes lowered under it) is dead-lettered."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

import orjson
from aiokafka.errors import MessageSizeTooLargeError

from workers import agents
from workers.agents import Delivery, Output
from workers.settings import Settings


class FakeTopic:
    """A faust topic whose sends fail with `errors` (one per send, in turn; None: acknowledged)."""

    def __init__(self, name, errors=()):
        self.name, self.errors, self.sent = name, list(errors), []

    def get_topic_name(self):
        return self.name

    async def send(self, key, value, headers=None):
        self.sent.append(value)
        future = asyncio.get_running_loop().create_future()
        error = self.errors.pop(0) if self.errors else None
        future.set_exception(error) if error else future.set_result("acknowledged")
        return future


def _delivery(topics):
    obs = SimpleNamespace(headers=lambda record: None, routed=lambda stage, record: routed.append(record["status"]))
    routed = []
    app = SimpleNamespace(observability=obs)
    return Delivery(app, topics, Settings.from_env({})), routed


def test_a_record_the_broker_refuses_as_too_large_is_dead_lettered_naming_its_topic(monkeypatch):
    monkeypatch.setattr(agents, "RESEND_FIRST_SECONDS", 0.0)
    topics = {"enriched": FakeTopic("articles.enriched", [MessageSizeTooLargeError()]), "rejected": FakeTopic("articles.rejected")}
    delivery, routed = _delivery(topics)
    record = {"id": "art-7", "status": "enriched", "title": "A harbour reopens"}
    message = Output("enriched", b"art-7", orjson.dumps(record), record)
    [sent] = asyncio.run(delivery.deliver("enrich", [message]))
    letter = orjson.loads(sent.value)
    assert (sent.role, sent.key, letter["id"], letter["error"]["code"]) == ("rejected", b"art-7", "art-7", "too_large")
    assert "articles.enriched" in letter["error"]["message"] and letter["error"]["stage"] == "enrich"
    assert len(topics["enriched"].sent) == 1 and routed == ["rejected"]  # never sent again


def test_a_failed_send_is_sent_again_and_only_it(monkeypatch):
    monkeypatch.setattr(agents, "RESEND_FIRST_SECONDS", 0.0)
    topics = {"tagged": FakeTopic("articles.tagged", [None, ConnectionError("broker away"), None])}
    delivery, routed = _delivery(topics)
    outputs = [Output("tagged", f"a{n}".encode(), f"v{n}".encode(), {"id": f"a{n}", "status": "tagged"}) for n in range(2)]
    assert asyncio.run(delivery.deliver("entities", outputs)) == outputs
    assert topics["tagged"].sent == [b"v0", b"v1", b"v1"] and routed == ["tagged", "tagged"]
