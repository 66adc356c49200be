#!/usr/bin/env bash
# make run: start the local broker and the worker, replay the seeds, show five enriched records.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEWSFEED_STATE_DIR="${NEWSFEED_STATE_DIR:-.newsfeed}"
bin=.venv/bin
mkdir -p "$NEWSFEED_STATE_DIR"
worker_log="$NEWSFEED_STATE_DIR/worker.log"

bash scripts/stop.sh >/dev/null 2>&1 || true
"$bin/newsfeed" broker start
"$bin/newsfeed" topics
"$bin/newsfeed" worker >"$worker_log" 2>&1 &
echo $! >"$NEWSFEED_STATE_DIR/worker.pid"
echo "worker started (pid $!, log $worker_log)"
trap 'bash scripts/stop.sh' EXIT

# Show what this run's replay gives, not what an earlier run left on the topic (the broker keeps its
# data): the reader starts at the end of the enriched topic before the seeds are sent. A replayed
# seed id gets its stored outcome again, so a second run shows the same five records.
"$bin/newsfeed" tail enriched --max 5 --timeout "${RUN_TIMEOUT_SECONDS:-300}" &
tail_pid=$!
sleep 3  # the reader has its end offsets long before the worker (loading spaCy) emits anything
"$bin/newsfeed" replay seeds --quiet
wait "$tail_pid"
"$bin/newsfeed" status --once --web-port "${WORKER_WEB_PORT:-6066}" || true
