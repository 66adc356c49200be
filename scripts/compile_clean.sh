#!/usr/bin/env bash
# Opt-in: a copy of workers/ with the clean stage compiled by mypyc, for a worker or a bench to run with
# PYTHONPATH=<out>. The working tree is never changed (an editable install keeps running the .py files: no
# stale compiled module can shadow an edit); the copy is a snapshot, built again after any change.
# Usage: scripts/compile_clean.sh [OUT]   (default build/compiled; needs mypy: pip install -e '.[compile]')
# html.py and voting.py stay Python: their time is lxml's and trafilatura's. About 2.5 minutes of build.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-.venv/bin/python}"
OUT="${1:-build/compiled}"
rm -rf "$OUT"
mkdir -p "$OUT"
tar -c --exclude=__pycache__ --exclude='*.so' workers | tar -x -C "$OUT"
config="$(pwd)/scripts/mypyc.ini"
PY="$(cd "$(dirname "$PY")" && pwd)/$(basename "$PY")"
cd "$OUT"
modules=$(ls workers/stages/clean/*.py | grep -v -e '/html\.py$' -e '/voting\.py$')
"$PY" -m mypyc --config-file "$config" $modules > mypyc.log 2>&1 || { tail -30 mypyc.log; exit 1; }
rm -rf build
echo "compiled $(ls workers/stages/clean/*.so | wc -l) modules into $OUT; run with PYTHONPATH=$OUT"
