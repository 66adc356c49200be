#!/usr/bin/env bash
# make test: a fresh local broker on its own port and state dir, every test against it, then stop it.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEWSFEED_STATE_DIR="${TEST_STATE_DIR:-.newsfeed/test}"
export KAFKA_PORT="${TEST_KAFKA_PORT:-19092}"
# Integration tests fail, not skip, when the broker is missing.
export NEWSFEED_REQUIRE_BROKER=1
# ...and the gold-seed regression tests fail, not skip, when the gold copy (tests/fixtures/gold) is missing.
export NEWSFEED_REQUIRE_GOLD=1
started=$(date +%s)
.venv/bin/newsfeed broker start --fresh
trap '.venv/bin/newsfeed broker stop' EXIT
export KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT"
.venv/bin/pytest -rs "$@"  # -rs: each skipped test with its reason (../shared missing, say)
echo "make test took $(( $(date +%s) - started )) s"
