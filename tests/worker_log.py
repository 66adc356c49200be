"""Waiting on a worker subprocess's log file: shared by the integration and fault-suite harnesses."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path


def log_tail(path: Path, chars: int) -> str:
    """The last `chars` characters of the log at `path` (undecodable bytes replaced)."""
    return path.read_text(errors="replace")[-chars:]


def wait_for_log(path: Path, needle: bytes, process: subprocess.Popen, timeout: float, after: int = 0,
                 tail_chars: int = 6000) -> None:
    """Return once `needle` is in the log at `path` past byte `after`; AssertionError (with the
    log's tail) when `process` exits first or `timeout` seconds pass."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if needle in path.read_bytes()[after:]:
            return
        if process.poll() is not None:
            raise AssertionError(f"worker {path.stem} exited {process.returncode}:\n{log_tail(path, tail_chars)}")
        time.sleep(0.1)
    raise AssertionError(f"worker {path.stem}: no {needle!r} in {timeout}s:\n{log_tail(path, tail_chars)}")
