"""Clean-stage bench on the gold seeds: `python -m bench.clean`.

Prints body F1 (4-word shingles; mean and per doc), exact titles, boilerplate lines left, metadata
matches, plain-text docs/s on one core, and the same pipeline with jusText choosing the lines; then the
held-out-style fixture corpus (tests/fixtures/pages: per-page F1, titles and metadata, text and HTML apart),
and the same block again for the fresh pages only (names starting with "r", written after the rules were tuned),
and for the second fresh batch (names starting with "s"). Optional gold fields (summary, language) are
checked on the pages whose gold has them. Last, the real-page dev set (bench.devset): our HTML and
text-dump paths beside trafilatura alone, and clean speed on the dumps beside its ceiling.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from bench.metrics import shingle_f1
from workers.stages import clean as clean_stage
from bench import devset, justext_lines
from bench.gold import GOLD_PATH as GOLD
from workers.stages.clean import lines as ln
from workers.stages.clean.normalise import normalise_text, split_lines

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
PAGES = REPO / "tests" / "fixtures" / "pages"
PAGE_FIELDS = ("dateline", "published_at", "updated_at", "source", "byline")
OPTIONAL_FIELDS = ("summary", "language")  # checked only where a page's gold has them
FRESH_PREFIX = os.environ.get("BENCH_FRESH_PREFIX", "r")  # pages authored after the rules, as a held-out check
FRESH2_PREFIX = os.environ.get("BENCH_FRESH2_PREFIX", "s")  # the second fresh batch, reported apart
LOOPS = int(os.environ.get("BENCH_LOOPS", "2000"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))


def load() -> list[tuple[str, str, dict]]:
    """[(seed id, page dump text, gold article)] of the gold seeds, in id order."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["articles"]
    return [(doc_id, (SEEDS / f"{doc_id}.txt").read_text(encoding="utf-8"), g) for doc_id, g in sorted(gold.items())]


def raw(doc_id: str, content: str) -> dict:
    """A raw plain-text record of `content` (no source, no fetched_at), as the clean stage reads it."""
    return {"id": doc_id, "source": None, "content_type": "text/plain", "content": content, "fetched_at": None}


def load_pages() -> list[tuple[str, str, str, dict]]:
    """(name, content_type, content, gold) for every page of the held-out-style fixture corpus."""
    out = []
    for gold_path in sorted(PAGES.glob("*.gold.json")):
        name = gold_path.name[: -len(".gold.json")]
        for ext, ctype in (("txt", "text/plain"), ("html", "text/html")):
            page = PAGES / f"{name}.{ext}"
            if page.exists():
                gold = json.loads(gold_path.read_text(encoding="utf-8"))
                out.append((name, ctype, page.read_text(encoding="utf-8"), gold))
    return out


def page_block(prefix: str = "", label_prefix: str = "", header: str = "fresh pages") -> None:
    """Body F1 per page (text and HTML separately), exact titles and metadata on the fixture corpus
    (only the pages whose name starts with `prefix`, if given)."""
    pages = [p for p in load_pages() if p[0].startswith(prefix)]
    if not pages:
        return
    if prefix:
        print(f"\n{header} ({PAGES.relative_to(REPO)}/{prefix}*): {len(pages)} pages")
    else:
        print(f"\nfixture corpus ({PAGES.relative_to(REPO)}): {len(pages)} pages")
    for ctype, label, target in (("text/plain", "plain text", 0.90), ("text/html", "HTML", 0.96)):
        group = [p for p in pages if p[1] == ctype]
        if not group:
            continue
        f1s, titles = [], 0
        fields = dict.fromkeys(PAGE_FIELDS, 0)
        optional: dict[str, list[int]] = {}
        print(f"{label}: body F1 per page (P / R / F1)")
        for name, _, content, gold in group:
            record = clean_stage.clean({"id": name, "source": None, "content_type": ctype,
                                        "content": content, "fetched_at": None})
            p, r, f1 = shingle_f1(record["body"], gold["body"])
            f1s.append(f1)
            titles += record["title"] == gold["title"]
            misses = _field_misses(record, gold, fields, optional)
            title = "ok" if record["title"] == gold["title"] else f"{record['title']!r} (gold {gold['title']!r})"
            print(f"  {name}: {p:.3f} / {r:.3f} / {f1:.3f}  title={title}")
            for miss in misses:
                print(f"    {miss}")
        n = len(group)
        label = label_prefix + label
        print(f"{label} body F1 mean: {sum(f1s) / n:.4f}   min {min(f1s):.3f}   (target > {target:.2f})")
        print(f"{label} titles exact: {titles}/{n}")
        print(f"{label} metadata matches: " + ", ".join(f"{k} {v}/{n}" for k, v in fields.items())
              + "".join(f", {k} {hit}/{of}" for k, (hit, of) in optional.items()))


def _field_misses(record: dict, gold: dict, fields: dict[str, int], optional: dict[str, list[int]]) -> list[str]:
    """Count `record`'s PAGE_FIELDS equal to the gold in `fields` and its OPTIONAL_FIELDS the gold has in
    `optional` ([hits, of]); the lines describing each miss."""
    misses = []
    for field in PAGE_FIELDS:
        if record[field] == gold.get(field):
            fields[field] += 1
        else:
            misses.append(f"{field}={record[field]!r} (gold {gold.get(field)!r})")
    for field in OPTIONAL_FIELDS:
        if field in gold:
            hit = record[field] == gold[field]
            counts = optional.setdefault(field, [0, 0])
            counts[0] += hit
            counts[1] += 1
            if not hit:
                misses.append(f"{field}={record[field]!r} (gold {gold[field]!r})")
    return misses

def justext_body(content: str, **params) -> str:
    """The body when jusText decides which lines are article (justext_lines.article_flags, `params` its
    settings) and the clean stage's post-cleaning runs on them."""
    texts = split_lines(normalise_text(content))
    flags = justext_lines.article_flags(texts, **params)
    return "\n\n".join(clean_stage.clean_lines(texts, keep_flags=flags)["paragraphs"])


def justext_raw_body(content: str) -> str:
    """The lines jusText alone calls article (justext_lines.article_flags), joined as paragraphs."""
    texts = split_lines(normalise_text(content))
    return "\n\n".join(t for t, keep in zip(texts, justext_lines.article_flags(texts)) if keep)


def cpu_seconds(work, inputs: list[dict]) -> tuple[float, float, float]:
    """(best CPU seconds, its wall seconds, median CPU seconds) of LOOPS calls over `inputs`."""
    rounds = []
    for _ in range(ROUNDS):
        started, cpu_started = time.perf_counter(), time.process_time()
        for i in range(LOOPS):
            work(inputs[i % len(inputs)])
        rounds.append((time.process_time() - cpu_started, time.perf_counter() - started))
    cpu, elapsed = min(rounds)
    return cpu, elapsed, sorted(r[0] for r in rounds)[len(rounds) // 2]


def main() -> int:
    """The command line: parse the arguments, run the sections, print the figures (see the module's
    docstring); the exit code."""
    if not GOLD.exists():
        print(f"gold not found at {GOLD}")
        return 1
    docs = load()
    seed_block(docs)
    page_block()
    page_block(prefix=FRESH_PREFIX, label_prefix="fresh ")
    page_block(prefix=FRESH2_PREFIX, label_prefix="fresh2 ", header="fresh pages, second batch")
    speed_block(docs)
    return devset.devset_block()


def seed_block(docs: list[tuple[str, str, dict]]) -> None:
    """Body F1 per seed (P / R / F1) beside jusText's three ways, exact titles, gold boilerplate lines
    left in the body, and metadata matches, on the gold seeds."""
    f1s, jt_f1s, jt_raw_f1s, jt_tuned_f1s = [], [], [], []
    titles = left = 0
    fields = {"dateline": 0, "published_at": 0, "updated_at": 0, "source": 0, "summary": 0}
    print("body F1 per doc (P / R / F1)   [jusText lines + same post-cleaning F1 | jusText alone | "
          "jusText tuned for short lines + post-cleaning]")
    for doc_id, content, gold in docs:
        record = clean_stage.clean(raw(doc_id, content))
        p, r, f1 = shingle_f1(record["body"], gold["body"])
        jt = shingle_f1(justext_body(content), gold["body"])[2]
        jt_raw = shingle_f1(justext_raw_body(content), gold["body"])[2]
        jt_tuned = shingle_f1(justext_body(content, **justext_lines.TUNED), gold["body"])[2]
        f1s.append(f1), jt_f1s.append(jt), jt_raw_f1s.append(jt_raw), jt_tuned_f1s.append(jt_tuned)
        titles += record["title"] == gold["title"]
        body_keys = {ln.key(par) for par in record["paragraphs"]}
        leftover = [b for b in gold.get("boilerplate", []) if ln.key(b) in body_keys or b in record["body"]]
        left += len(leftover)
        for name in fields:
            fields[name] += record[name] == gold.get(name)
        print(f"  {doc_id}: {p:.3f} / {r:.3f} / {f1:.3f}   [{jt:.3f} | {jt_raw:.3f} | tuned {jt_tuned:.3f}]"
              f"  title={'ok' if record['title'] == gold['title'] else repr(record['title'])}"
              f"  removed={record['removed']}")
        for b in leftover:
            print(f"    boilerplate left: {b[:80]!r}")
    n = len(docs)
    print(f"body F1 mean: {sum(f1s) / n:.4f}   (target >= 0.98)")
    print(f"jusText-on-lines F1 mean: {sum(jt_f1s) / n:.4f} with the same post-cleaning, "
          f"{sum(jt_raw_f1s) / n:.4f} alone, {sum(jt_tuned_f1s) / n:.4f} tuned + post-cleaning "
          f"(rules: {sum(f1s) / n:.4f})")
    print(f"titles exact: {titles}/{n}")
    print(f"gold boilerplate lines left in body: {left}")
    print("metadata matches: " + ", ".join(f"{k} {v}/{n}" for k, v in fields.items()))


def speed_block(docs: list[tuple[str, str, dict]]) -> None:
    """Plain-text docs/s per core by CPU time on the seeds (pinned to one core where the OS allows),
    beside the ceiling of only normalising and splitting the same inputs."""
    inputs = [raw(doc_id, content) for doc_id, content, _ in docs]
    clean_stage.clean(inputs[0])  # warm lazy loaders (py3langid)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    cpu, elapsed, median_cpu = cpu_seconds(lambda doc: clean_stage.clean(doc), inputs)
    floor_cpu, _, _ = cpu_seconds(lambda doc: split_lines(normalise_text(doc["content"])), inputs)
    print(f"speed: {LOOPS / cpu:,.0f} plain-text docs/s per core by CPU time, best of {ROUNDS} rounds "
          f"(median {LOOPS / median_cpu:,.0f}/s; {LOOPS / elapsed:,.0f}/s wall; {LOOPS} cleans of the seeds "
          f"per round, {cpu * 1000 / LOOPS:.3f} ms CPU each; load average {os.getloadavg()[0]:.2f}; target 2,000/s)")
    print(f"ceiling: only normalising and splitting the same inputs {LOOPS / floor_cpu:,.0f} docs/s; "
          f"the stage runs at {floor_cpu / cpu:.2f} of it")

if __name__ == "__main__":
    sys.exit(main())
