"""Session-wide: `make test` must not pass by skipping the gold regression tests; the broker fixture
that integration and fault tests share."""

from __future__ import annotations

import os

import pytest

from bench.gold import GOLD_PATH
from workers.broker import answers


def pytest_sessionstart(session: pytest.Session) -> None:
    if os.environ.get("NEWSFEED_REQUIRE_GOLD") == "1" and not GOLD_PATH.exists():
        raise pytest.UsageError(f"NEWSFEED_REQUIRE_GOLD=1 but there is no gold file at {GOLD_PATH}")


@pytest.fixture(scope="session")
def bootstrap() -> str:
    """The broker address (KAFKA_BOOTSTRAP_SERVERS, else the local port); skips, or fails under
    NEWSFEED_REQUIRE_BROKER=1, when no broker answers."""
    address = os.environ.get("KAFKA_BOOTSTRAP_SERVERS") or f"127.0.0.1:{os.environ.get('KAFKA_PORT', '9092')}"
    if not answers(address, timeout=5.0):
        message = f"no Kafka broker answers at {address} (make test starts one)"
        if os.environ.get("NEWSFEED_REQUIRE_BROKER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return address
