"""Session-wide checks: `make test` must not pass by skipping the gold regression tests."""

from __future__ import annotations

import os

import pytest

from bench.gold import GOLD_PATH


def pytest_sessionstart(session: pytest.Session) -> None:
    if os.environ.get("NEWSFEED_REQUIRE_GOLD") == "1" and not GOLD_PATH.exists():
        raise pytest.UsageError(f"NEWSFEED_REQUIRE_GOLD=1 but there is no gold file at {GOLD_PATH}")
