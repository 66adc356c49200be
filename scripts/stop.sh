#!/usr/bin/env bash
# Stop the worker scripts/run.sh started, then the local broker.
set -uo pipefail
cd "$(dirname "$0")/.."
state="${NEWSFEED_STATE_DIR:-.newsfeed}"
if [ -f "$state/worker.pid" ]; then
  pid=$(cat "$state/worker.pid")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null || true
    echo "stopped the worker (pid $pid)"
  fi
  rm -f "$state/worker.pid"
fi
.venv/bin/newsfeed broker stop
