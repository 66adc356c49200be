"""End-to-end benchmark: a local broker, the real worker, synthesized mixes, `verify`.

    python -m bench.e2e [--unique N] [--copies N] [--latency N] [--processes P]
    python -m bench.e2e --only cache      # the per-paragraph NER cache on a 30% partial-overlap mix
    python -m bench.e2e --memory 100000   # replay's memory: synthesize N records to a null sink

Reports, in one run (each figure against a ceiling measured in the same run):
1. unique articles/s through the worker (replay flat out, from the first send to the last
   enriched record) ÷ bare `nlp.pipe` of the NER-only pipeline over the same titles and bodies
   in the same number of processes (measured after the worker has stopped);
2. duplicate-path records/s (near and exact copies of the articles of 1, flat out);
3. p50/p99 end-to-end latency (raw message timestamp to enriched message timestamp) of unique
   articles sent at half the rate measured in 1;
4. two workers ÷ one, on machines with at least 4 cores (skipped below: the two would share
   the same cores as the NER processes);
5. the NER cache: articles/s of the entities stage's NER with the cache ÷ bare `nlp.pipe` on a
   stream where 30% of the articles are updated or syndicated versions of earlier ones.
Every phase is checked with verify: a lost or wrong outcome makes the bench exit 1.
It starts its own broker on KAFKA_PORT (state in .newsfeed/bench-e2e) unless
KAFKA_BOOTSTRAP_SERVERS names one that answers, uses fresh topics, and stops what it started.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import resource
import subprocess
import sys
import time
import uuid
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

import orjson

from workers.broker import answers
from workers.pipeline import clean_payload, dedupe_index
from workers.settings import Settings, TopicNames
from workers.stages import entities
from workers.stages.entities import cache as paragraph_cache
from workers.synthesize import Page, Synthesizer, load_corpus, parse_mix, publish_stream, render
from workers.verify import check, collect

ROOT = Path(__file__).resolve().parents[1]
NEWSFEED = str(Path(sys.executable).with_name("newsfeed"))
STATE = ROOT / ".newsfeed" / "bench-e2e"
TARGETS = {"unique_ratio": 1.0, "duplicates_per_second": 500.0, "p99_ms": 250.0, "cache_ratio": 1.5}


# -- the environment ------------------------------------------------------------------------------


def bench_env(processes: int) -> dict[str, str]:
    suffix = uuid.uuid4().hex[:8]
    env = {k: v for k, v in os.environ.items() if not k.startswith("TOPIC_")}
    env.update({f"TOPIC_{role.upper()}": f"articles.{role}.bench{suffix}" for role in TopicNames.__dataclass_fields__})
    env.update(NEWSFEED_STATE_DIR=str(STATE), NEWSFEED_APP_ID=f"newsfeed-bench-{suffix}", NER_PROCESSES=str(processes),
               WORKER_WEB_ENABLED="0", LOG_LEVEL="info")
    return env


def start_broker(env: dict[str, str]) -> bool:
    """True when this run started the broker (and must stop it)."""
    settings = Settings.from_env(env)
    if answers(settings.bootstrap, timeout=3.0):
        return False
    subprocess.run([NEWSFEED, "broker", "start"], env=env, check=True, cwd=ROOT)
    return True


def start_worker(env: dict[str, str], name: str) -> tuple[subprocess.Popen, Path]:
    log = STATE / f"{name}.log"
    worker_env = {**env, "NEWSFEED_STATE_DIR": str(STATE / name)}
    process = subprocess.Popen([NEWSFEED, "worker"], env=worker_env, cwd=ROOT, stdout=open(log, "wb"),
                               stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        text = log.read_bytes()
        if b"[^Worker]: Ready" in text and b"NER pool ready" in text:
            return process, log
        if process.poll() is not None:
            raise SystemExit(f"worker {name} exited:\n{text[-3000:].decode(errors='replace')}")
        time.sleep(0.5)
    process.terminate()
    raise SystemExit(f"worker {name} not ready in 180 s (see {log})")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# -- one phase: send, verify -------------------------------------------------------------------


def phase(settings: Settings, synthesizer: Synthesizer, name: str, n: int, mix: str, rate: float | None = None) -> tuple[dict, list]:
    """Send `n` records of `mix` under a phase prefix; verify them; (verify stats, items)."""
    synthesizer.prefix = f"syn-{synthesizer.seed:x}p{name}-"
    items = list(synthesizer.records(n, parse_mix(mix)))
    sent, failed, _ = asyncio.run(publish_stream(settings, items, rate=rate))
    outcomes, sent_ms = asyncio.run(collect(settings, synthesizer.prefix, {i.expected["id"] for i in items},
                                            timeout=180, settle=1.0))
    report = check({i.expected["id"]: i.expected for i in items}, outcomes, sent_ms)
    counts = {k: getattr(report, k) for k in ("expected", "ok", "lost", "wrong", "double", "unexpected")}
    print(f"  phase {name}: sent {sent} (failed {failed}); verify {counts}", flush=True)
    if not report.passed or failed:
        print(f"  examples: {report.examples}", flush=True)
        raise SystemExit(f"phase {name}: verify failed")
    return report.stats, items


# -- bare NER ceiling ------------------------------------------------------------------------


_NLP = None


def _load(model: str) -> None:
    global _NLP
    _NLP = entities.load_pipeline(model)
    list(_NLP.pipe(["Warm-up text from Geneva."]))


def _bare(texts: list[str]) -> int:
    return sum(1 for _ in _NLP.pipe(texts))


def _warm(_: int) -> int:
    time.sleep(0.2)
    return os.getpid()


def ner_texts(items: list) -> list[list[str]]:
    """Per article the texts entities.tag gives the model: the title (sentence-cased when it is
    in Title Case, as tag does) and the body of the clean record."""
    nlp = entities.load_pipeline(Settings().spacy_model)
    out = []
    for item in items:
        record = clean_payload(item.value)
        title = record.get("title")
        texts = [entities.sentence_case(title, record["body"], nlp) if title and entities.pipeline.title_cased(title) else title]
        out.append([t for t in texts if t] + [record["body"]])
    return out


def bare_ner_rate(model: str, per_article: list[list[str]], processes: int, rounds: int = 2) -> float:
    """Articles/s of bare nlp.pipe (NER-only pipeline) in `processes` warmed processes: best of `rounds`."""
    chunks = [sum(per_article[i::processes], []) for i in range(processes)]
    with ProcessPoolExecutor(processes, mp_context=get_context("spawn"), initializer=_load, initargs=(model,)) as pool:
        list(pool.map(_warm, range(processes * 2)))
        best = 0.0
        for _ in range(rounds):
            started = time.perf_counter()
            list(pool.map(_bare, chunks))
            best = max(best, len(per_article) / (time.perf_counter() - started))
    return best


# -- the NER cache on partial overlaps ---------------------------------------------------------------


def overlap_mix(synthesizer: Synthesizer, n: int, share: float = 0.3) -> list[str]:
    """Titles and bodies of `n` articles, `share` of them versions of an earlier one that keep
    most paragraphs (a new lead, a paragraph added at the end, or one replaced), as updated and
    syndicated copies do; the rest fresh."""
    rng = random.Random(synthesizer.seed)
    pages: list[Page] = []
    for i in range(n):
        if pages and rng.random() < share:
            page = rng.choice(pages)
            paragraphs = list(page.paragraphs)
            fresh = synthesizer._compose().paragraphs[0]
            edit = rng.randrange(3)
            if edit == 0:
                paragraphs[0] = fresh
            elif edit == 1:
                paragraphs.append(fresh)
            else:
                paragraphs[rng.randrange(len(paragraphs))] = fresh
            pages.append(Page(page.title, tuple(paragraphs), page.chrome))
        else:
            pages.append(synthesizer._compose())
    texts = []
    for i, page in enumerate(pages):
        record = clean_payload(orjson.dumps({"schema_version": 1, "id": f"m{i}", "content_type": "text/plain",
                                             "content": render(page)}))
        texts.extend([t for t in (record.get("title"), record["body"]) if t])
    return texts


def cache_ratio(model: str, texts: list[str], batch: int = 16, rounds: int = 3) -> dict:
    """CPU seconds of this process (not wall time: other jobs on a shared machine would swamp
    the difference) of bare nlp.pipe and of the cached pipe, alternated, best of `rounds`; and the
    ceiling of any per-paragraph cache on these texts: 1 / (1 - share of paragraph characters
    whose paragraph appeared before)."""
    nlp = entities.load_pipeline(model)
    batches = [texts[i:i + batch] for i in range(0, len(texts), batch)]
    bare = cached = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        for b in batches:
            list(nlp.pipe(b))
        bare = min(bare, time.process_time() - started)
        cache = paragraph_cache.ParagraphCache()
        started = time.process_time()
        for b in batches:
            list(paragraph_cache.pipe(nlp, b, cache))
        cached = min(cached, time.process_time() - started)
    seen, repeated, total = set(), 0, 0
    for text in texts:
        for paragraph in text.split("\n\n"):
            total += len(paragraph)
            repeated += len(paragraph) if paragraph in seen else 0
            seen.add(paragraph)
    return {"bare_s": bare, "cached_s": cached, "ratio": bare / cached,
            "paragraph_hit_share": cache.hits / max(1, cache.hits + cache.misses),
            "ceiling": 1 / (1 - repeated / total)}


# -- replay memory -------------------------------------------------------------------------------


def rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def memory(n: int, mix: str) -> None:
    """RSS while `n` synthesized records stream to a null sink (what replay --synthesize holds)."""
    corpus = load_corpus()
    synthesizer = Synthesizer(corpus, 13, dedupe_index(Settings.from_env()))
    marks = {m for m in (1_000, 10_000, 25_000, 50_000, 75_000, 100_000, n) if m <= n}
    started = time.perf_counter()
    print(f"replay --synthesize memory, mix {mix}: RSS after the corpus {rss_mb():.0f} MB")
    for position, item in enumerate(synthesizer.records(n, parse_mix(mix)), start=1):
        orjson.dumps(item.expected)  # the expected line; the message goes nowhere
        if position in marks:
            print(f"  {position:>7} records: RSS {rss_mb():6.0f} MB, peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:6.0f} MB, "
                  f"index {len(synthesizer.index)} uniques, {position / (time.perf_counter() - started):.0f} records/s", flush=True)


# -- main ------------------------------------------------------------------------------------------


def run_e2e(args: argparse.Namespace, table: dict) -> None:
    env = bench_env(args.processes)
    settings = Settings.from_env(env)
    STATE.mkdir(parents=True, exist_ok=True)
    started_broker = start_broker(env)
    workers = []
    try:
        subprocess.run([NEWSFEED, "topics"], env=env, check=True, cwd=ROOT, capture_output=True)
        workers.append(start_worker(env, "w1")[0])
        synthesizer = Synthesizer(load_corpus(), args.seed, dedupe_index(settings))
        stats, unique_items = phase(settings, synthesizer, "a", args.unique, "unique=1")
        unique_rate = stats["enriched"]["per_second"]
        stats, _ = phase(settings, synthesizer, "b", args.copies, "near=0.5,exact=0.5")
        table["duplicates_per_second"] = stats["duplicate"]["per_second"]
        half = unique_rate / 2
        stats, _ = phase(settings, synthesizer, "c", args.latency, "unique=1", rate=half)
        table["latency_at_rate"] = half
        table["p50_ms"], table["p99_ms"] = stats["enriched"]["latency_ms"]["p50"], stats["enriched"]["latency_ms"]["p99"]
        if (os.cpu_count() or 1) >= 4:
            workers.append(start_worker(env, "w2")[0])
            stats, _ = phase(settings, synthesizer, "d", args.unique, "unique=1")
            table["two_workers_ratio"] = stats["enriched"]["per_second"] / unique_rate
        else:
            table["two_workers_ratio"] = f"skipped ({os.cpu_count()} cores)"
    finally:
        for worker in workers:
            stop(worker)
        if started_broker:
            subprocess.run([NEWSFEED, "broker", "stop"], env=env, cwd=ROOT)
    texts = ner_texts(unique_items)
    bare = bare_ner_rate(settings.spacy_model, texts, args.processes)
    table.update(unique_per_second=unique_rate, bare_ner_per_second=bare, unique_ratio=unique_rate / bare)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--unique", type=int, default=240, help="unique articles for the throughput phase")
    parser.add_argument("--copies", type=int, default=1000, help="near and exact copies for the duplicate path")
    parser.add_argument("--latency", type=int, default=120, help="unique articles sent at half rate")
    parser.add_argument("--cache-articles", type=int, default=400, help="articles of the NER cache mix")
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1, help="NER processes (worker and bare)")
    parser.add_argument("--seed", type=int, default=random.SystemRandom().randrange(2**31))
    parser.add_argument("--only", choices=("e2e", "cache"), default=None)
    parser.add_argument("--memory", type=int, default=None, help="only measure replay memory for N records")
    parser.add_argument("--mix", default="unique=0.5,near=0.2,exact=0.2,bad=0.1")
    args = parser.parse_args()
    if args.memory:
        memory(args.memory, args.mix)
        return
    load = os.getloadavg()[0]
    table: dict = {"machine": f"{platform.machine()}, {os.cpu_count()} cores, load {load:.1f} at start", "seed": args.seed}
    if args.only != "cache":
        run_e2e(args, table)
    if args.only != "e2e":
        texts = overlap_mix(Synthesizer(load_corpus(), args.seed), args.cache_articles)
        table["cache"] = cache_ratio(Settings().spacy_model, texts)
    report(table)


def report(table: dict) -> None:
    print(f"\nbench-e2e on {table['machine']} (seed {table['seed']})")
    print("| measure | result | target |\n|---|---|---|")
    if "unique_ratio" in table:
        print(f"| unique articles/s through the worker ÷ bare NER | {table['unique_per_second']:.1f} / "
              f"{table['bare_ner_per_second']:.1f} = {table['unique_ratio']:.2f} | ≥ {TARGETS['unique_ratio']} |")
        print(f"| duplicate-path records/s (one worker) | {table['duplicates_per_second']:.0f} | ≥ {TARGETS['duplicates_per_second']:.0f} |")
        print(f"| latency p50 / p99 at {table['latency_at_rate']:.1f} articles/s (half rate) | "
              f"{table['p50_ms']:.0f} / {table['p99_ms']:.0f} ms | p99 ≤ {TARGETS['p99_ms']:.0f} ms |")
        ratio = table["two_workers_ratio"]
        print(f"| two workers ÷ one | {ratio if isinstance(ratio, str) else f'{ratio:.2f}'} | |")
    if "cache" in table:
        c = table["cache"]
        print(f"| NER with paragraph cache ÷ bare NER, 30% partial overlaps | {c['ratio']:.2f} "
              f"({c['paragraph_hit_share']:.0%} of paragraphs from the cache; ceiling of any paragraph cache on this mix {c['ceiling']:.2f}) | ≥ {TARGETS['cache_ratio']} |")
    STATE.mkdir(parents=True, exist_ok=True)
    (STATE / "results.json").write_text(json.dumps(table, indent=2, default=str))


if __name__ == "__main__":
    main()
