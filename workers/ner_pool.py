"""NerPool: the entities stage in a process pool, so spaCy never blocks the event loop.

Each pool process loads the spaCy pipeline once (the executor's initializer) into a process-local
cache. `tag()` splits a batch across the processes and awaits them with `run_in_executor`; the
loop only pickles records. Processes are started with "spawn" (forking a process that runs an
asyncio loop and aiokafka threads is unsafe).
"""

from __future__ import annotations

import asyncio
import ctypes
import logging
import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool


from workers.stages import entities
from workers.stages.entities.cache import ParagraphCache

log = logging.getLogger(__name__)

# A batch may take this long plus a second per this many characters before it counts as hung
# (the model tags roughly 100 KB/s per process here; the budget allows five times slower).
BATCH_BASE_SECONDS = 60.0
BATCH_CHARS_PER_SECOND = 20_000


def batch_timeout(records: list[dict]) -> float:
    """Seconds an NER batch may take before it counts as hung: BATCH_BASE_SECONDS plus one second per
    BATCH_CHARS_PER_SECOND characters of its titles and bodies."""
    chars = sum(len(r.get("body") or "") + len(r.get("title") or "") for r in records)
    return BATCH_BASE_SECONDS + chars / BATCH_CHARS_PER_SECOND


# Process-local state of a pool process (set by _init, never in the parent).
_NLP = None
_LABELS: tuple[str, ...] = ()
_CACHE: ParagraphCache | None = None


# prctl(2) option: the signal this process gets when its parent dies (Linux).
PR_SET_PDEATHSIG = 1
PARENT_CHECK_SECONDS = 1.0


def _exit_with_parent(parent: int) -> None:
    """Make this pool process end when the worker (`parent`) ends, however it ends.

    Two guards: prctl(PR_SET_PDEATHSIG, SIGKILL) on Linux (the kernel signals us when the parent
    thread exits, see prctl(2)), and a daemon thread that checks our parent pid every second (on
    other systems, and for the race where the parent died before prctl ran).
    """
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass  # not Linux: the watch thread alone

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    if os.getppid() != parent:
        os._exit(1)
    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


# Signals a terminal sends to its whole foreground process group (Ctrl-C; the terminal or session
# closed): the worker drains on them and ends its pool; a pool process that died of them would lose
# the batch the drain waits for.
TERMINAL_SIGNALS = (signal.SIGINT, signal.SIGHUP)


def _init(model_name: str, labels: tuple[str, ...], cache_paragraphs: int = 0, parent: int | None = None) -> None:
    global _NLP, _LABELS, _CACHE
    for terminal_signal in TERMINAL_SIGNALS:
        signal.signal(terminal_signal, signal.SIG_IGN)
    if parent is not None:
        _exit_with_parent(parent)
    _NLP = entities.load_pipeline(model_name)
    _LABELS = labels
    _CACHE = ParagraphCache(cache_paragraphs) if cache_paragraphs > 0 else None


def _warm() -> int:
    list(_NLP.pipe(["Warm-up text from Geneva."]))
    time.sleep(0.05)  # lets the other processes pick up their own warm-up task
    return os.getpid()


def _tag(records: list[dict]) -> list[dict]:
    return entities.tag(records, _NLP, _LABELS, _CACHE)


def _chunks(records: list[dict], parts: int) -> list[list[dict]]:
    """min(parts, len(records)) contiguous, non-empty chunks of similar total text length."""
    parts = max(1, min(parts, len(records)))
    if parts == 1:
        return [records] if records else []
    sizes = [len(r.get("body") or "") + len(r.get("title") or "") + 1 for r in records]
    total = sum(sizes)
    cuts = [0]
    acc, index = 0, 0
    for k in range(1, parts):
        while index < len(records) and acc + sizes[index] / 2 < k * total / parts:
            acc += sizes[index]
            index += 1
        # at least one record per chunk, and enough left for the chunks still to come
        cut = min(max(index, cuts[-1] + 1), len(records) - (parts - k))
        while index < cut:
            acc += sizes[index]
            index += 1
        cuts.append(cut)
    cuts.append(len(records))
    return [records[a:b] for a, b in zip(cuts, cuts[1:])]


class NerPool:
    """`await start()`, then `await tag(records)` any number of times, then `close()`."""

    def __init__(self, model_name: str, labels, processes: int = 1, cache_paragraphs: int = 0):
        if processes < 1:
            raise ValueError("processes must be at least 1")
        self.model_name = model_name
        self.labels = tuple(labels)
        self.processes = processes
        self.cache_paragraphs = cache_paragraphs  # per process; 0: no paragraph cache
        self._executor: ProcessPoolExecutor | None = None

    def _new_executor(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.processes,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init,
            initargs=(self.model_name, self.labels, self.cache_paragraphs, os.getpid()),
        )

    async def start(self, timeout: float = 120.0) -> None:
        """Start every process and load the model in each, so the first batch is not slow.

        Raises ModelMissing (from a pool process) when the model is not installed.
        """
        if self._executor is None:
            entities.require_model(self.model_name)
            self._executor = self._new_executor()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        seen: set[int] = set()
        while len(seen) < self.processes:
            try:
                pids = await asyncio.wait_for(
                    asyncio.gather(*(loop.run_in_executor(self._executor, _warm) for _ in range(self.processes))),
                    max(0.1, deadline - loop.time()),
                )
            except BrokenProcessPool:
                self.close()
                # The initializer failed: reproduce its error (ModelMissing) here, readably.
                entities.load_pipeline(self.model_name)
                raise
            seen.update(pids)
            if loop.time() > deadline:
                break

    async def tag(self, records: list[dict]) -> list[dict]:
        """entities.tag over `records` in the pool; order kept; split across processes.

        A pool process that dies (OOM kill) or a batch that overruns its time budget gets the
        pool rebuilt and the batch retried once; a second failure raises to the caller.
        """
        if not records:
            return []
        if self._executor is None:
            await self.start()
        chunks = _chunks(records, self.processes)
        budget = batch_timeout(records)
        try:
            results = await asyncio.wait_for(self._run(chunks), budget)
        except (BrokenProcessPool, asyncio.TimeoutError) as error:
            log.warning("NER batch of %d failed (%r): rebuilding the pool and retrying once", len(records), error)
            self._terminate()
            await self.start()
            try:
                results = await asyncio.wait_for(self._run(chunks), budget)
            except (BrokenProcessPool, asyncio.TimeoutError):
                self._terminate()  # the next batch starts a fresh pool, not a stuck one
                raise
        return [record for chunk in results for record in chunk]

    async def _run(self, chunks: list[list[dict]]) -> list[list[dict]]:
        loop = asyncio.get_running_loop()
        return await asyncio.gather(*(loop.run_in_executor(self._executor, _tag, chunk) for chunk in chunks))

    def _terminate(self) -> None:
        """Stop the pool now, even with a process stuck in a task (shutdown alone would wait)."""
        if self._executor is None:
            return
        # ProcessPoolExecutor has no public way to kill its processes; _processes is the
        # CPython implementation's pid -> Process map, present since 3.2.
        for process in list(getattr(self._executor, "_processes", {}).values()):
            process.terminate()
        self._executor.shutdown(wait=False, cancel_futures=True)
        self._executor = None

    def close(self) -> None:
        """Stop the worker processes (waiting for them, cancelling queued batches); safe to call twice."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
