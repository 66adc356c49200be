"""The fault suite needs the real broker `make test` / `make test-faults` starts."""

from __future__ import annotations

import os

import pytest

from workers.broker import answers


@pytest.fixture(scope="session")
def bootstrap() -> str:
    address = os.environ.get("KAFKA_BOOTSTRAP_SERVERS") or f"127.0.0.1:{os.environ.get('KAFKA_PORT', '9092')}"
    if not answers(address, timeout=5.0):
        message = f"no Kafka broker answers at {address} (make test starts one)"
        if os.environ.get("NEWSFEED_REQUIRE_BROKER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return address
