"""Graceful stop on SIGTERM/SIGINT/SIGHUP, bounded by SHUTDOWN_SECONDS even with the broker unreachable.

On the first signal the worker:
  1. stops taking messages (pauses every assigned partition; /readyz turns 503);
  2. lets what is in flight finish and commits it (Faust's `wait_empty`), for at most
     DRAIN_SHARE of the budget; whatever is not done by then is abandoned *uncommitted* and is
     redelivered to whichever worker next owns the partition (at-least-once; outputs are
     idempotent by article id);
  3. stops the app the Faust way (agents, final commit, producer flush, leave the group).
A watchdog thread ends the process when the budget runs out, whatever the event loop is doing
(aiokafka retries a vanished broker for longer than any orchestrator waits). A second signal
ends it at once.

Exit codes (`EXIT_*`): 0 drained and stopped in time; 3 stopped in time, but in-flight work was
abandoned uncommitted; 4 the SHUTDOWN_SECONDS deadline (or a second signal) ended it; 5 the
table recovery stalled (see `watchdog.RecoveryStallDetector`: restart the worker); 1 a crash.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from typing import Any

import faust

log = logging.getLogger(__name__)

EXIT_DRAINED = 0
EXIT_ABANDONED = 3
EXIT_DEADLINE = 4
EXIT_RECOVERY_STALLED = 5
DRAIN_SHARE = 0.5
# The watchdog fires this much before SHUTDOWN_SECONDS so the process is gone by then.
EXIT_MARGIN_SECONDS = 1.0


def hard_exit(code: int, reason: str) -> None:
    """End the process now: NER pool processes first, then logs flushed, then os._exit."""
    log.error("shutdown: %s; exiting with %d (uncommitted work is redelivered)", reason, code,
              extra={"event": "shutdown_forced", "exit_code": code})
    for child in multiprocessing.active_children():
        child.terminate()
    for handler in logging.getLogger().handlers:
        try:
            handler.flush()
        except Exception:  # noqa: BLE001 - best effort on the way out
            pass
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


class GracefulWorker(faust.Worker):
    """faust.Worker whose SIGTERM/SIGINT/SIGHUP drain, commit and stop within `shutdown_seconds`."""

    def __init__(self, app: Any, *args: Any, shutdown_seconds: float = 10.0, **kwargs: Any):
        super().__init__(app, *args, **kwargs)
        self.shutdown_seconds = shutdown_seconds
        self.exit_code = EXIT_DRAINED
        self._signalled_at: float | None = None

    @property
    def shortlabel(self) -> str:
        """Logs say "[^Worker]" as Faust's own worker does (operators and tests look for it)."""
        return "Worker"

    def _install_signal_handlers_unix(self) -> None:
        """mode's handlers (SIGINT, SIGTERM, SIGUSR1, SIGUSR2), and SIGHUP as SIGTERM: a closed
        terminal or session would otherwise end the process at once, undrained (Python's default)."""
        super()._install_signal_handlers_unix()
        self.loop.add_signal_handler(signal.SIGHUP, self._schedule_shutdown, signal.SIGHUP)

    def _schedule_shutdown(self, signum: signal.Signals) -> None:
        if self._signalled_at is not None:
            hard_exit(EXIT_DEADLINE, f"second signal {signum.name}")
        self._signalled_at = time.monotonic()
        deadline = max(0.1, self.shutdown_seconds - EXIT_MARGIN_SECONDS)
        timer = threading.Timer(deadline, hard_exit, (EXIT_DEADLINE, f"SHUTDOWN_SECONDS={self.shutdown_seconds:g} passed"))
        timer.daemon = True
        timer.start()
        log.info("shutdown: %s received; draining for at most %.1f s", signum.name,
                 self.shutdown_seconds * DRAIN_SHARE, extra={"event": "shutdown_started"})
        self._signal_stop_time = self.loop.time()
        self._signal_stop_future = asyncio.ensure_future(self._drain_then_stop(signum), loop=self.loop)

    async def _drain_then_stop(self, signum: signal.Signals) -> None:
        if not await self.drain(self.shutdown_seconds * DRAIN_SHARE):
            self.exit_code = EXIT_ABANDONED
        await self._stop_on_signal(signum)

    async def drain(self, seconds: float) -> bool:
        """Stop fetching, finish and commit what is in flight; False when that took too long."""
        app = self.app
        observability = getattr(app, "observability", None)
        if observability is not None:
            observability.stopping = True
        try:
            consumer = app.consumer
            consumer.pause_partitions(consumer.assignment())
            await asyncio.wait_for(consumer.wait_empty(), timeout=seconds)
        except asyncio.TimeoutError:
            log.warning("shutdown: in-flight work not done in %.1f s: abandoned uncommitted", seconds,
                        extra={"event": "shutdown_abandoned"})
            return False
        except Exception as error:  # noqa: BLE001 - stop anyway; what was not committed is redelivered
            log.warning("shutdown: drain failed (%r): in-flight work abandoned uncommitted", error,
                        extra={"event": "shutdown_abandoned"})
            return False
        log.info("shutdown: in-flight work finished and committed", extra={"event": "shutdown_drained"})
        return True

    def execute_from_commandline(self) -> None:  # type: ignore[override]
        """Run until stopped; exit with `EXIT_*` (1 on a crash, as Faust does)."""
        try:
            super().execute_from_commandline()
        except SystemExit as exit_:
            if exit_.code in (None, 0) and self._signalled_at is not None:
                log.info("shutdown: stopped in %.1f s", time.monotonic() - self._signalled_at,
                         extra={"event": "shutdown_done", "exit_code": self.exit_code})
                raise SystemExit(self.exit_code) from None
            raise
