"""Where the gold annotations live: a copy inside the repo (tests/fixtures/gold/seeds.json).

``NEWSFEED_GOLD`` points elsewhere on purpose. ``SHARED_GOLD_PATH`` is the original beside the repo
(../shared/gold/seeds.json), present in CI and on developers' machines; a test checks the copy is
unchanged when it is there, and nothing needs it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SHARED_GOLD_PATH = SHARED / "gold" / "seeds.json"
SHARED_CASES = SHARED / "cases" / "real-world"
CASES = REPO / "tests" / "fixtures" / "real_world"
GOLD_PATH = Path(os.environ.get("NEWSFEED_GOLD") or REPO / "tests" / "fixtures" / "gold" / "seeds.json")


def load_gold() -> dict:
    """The seeds' gold annotations: {"articles": {id: {...}}, "dedupe": {...}, ...} as in the file."""
    return json.loads(GOLD_PATH.read_text(encoding="utf-8"))
