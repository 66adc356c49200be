"""Where the gold annotations live: ../shared/gold/seeds.json beside the repo, or NEWSFEED_GOLD."""

from __future__ import annotations

import json
import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GOLD_PATH = Path(os.environ.get("NEWSFEED_GOLD") or REPO.parent / "shared" / "gold" / "seeds.json")


def load_gold() -> dict:
    return json.loads(GOLD_PATH.read_text(encoding="utf-8"))
