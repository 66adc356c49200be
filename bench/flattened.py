"""Flattened pages and hostile lines: `python -m bench.flattened`.

On ../shared/devsets/web-pages-en (169 real pages with with/without snippets; skipped when absent):
each page's visible text (lxml, scripts and styles dropped) is sent to the clean stage three ways:
flattened to one line without the block splitter (clean/blocks.py), flattened with it, and as one
line per text block (the ordinary plain-text path, the ceiling). Prints with-recall (gold snippets
found in the body), without-precision (boilerplate snippets absent) and pages where both are 1.0.
Then times a 3 MB line without spaces and a 1 MB line of words through decode + clean.
"""

from __future__ import annotations

import gzip
import json
import statistics
import time

import lxml.html
import orjson

from bench.gold import SHARED
from workers.pipeline import clean_payload
from workers.stages import clean as stage
from workers.stages.clean import core
from workers.stages.errors import StageError

DEVSET = SHARED / "devsets" / "web-pages-en"


def _norm(text: str) -> str:
    return " ".join(text.split())


def _score(body: str, gold: dict) -> tuple[float, float]:
    text = _norm(body)
    found = [_norm(x) in text for x in gold.get("with", [])]
    absent = [_norm(x) not in text for x in gold.get("without", [])]
    return (sum(found) / len(found) if found else 1.0), (sum(absent) / len(absent) if absent else 1.0)


def _body(content: str) -> str:
    try:
        return stage.clean({"id": "bench", "content": content})["body"]
    except StageError:
        return ""


def _visible_lines(data: bytes) -> list[str]:
    from workers.decoding import decode_bytes

    text = decode_bytes(data).text
    root = lxml.html.fromstring(text.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    for node in root.xpath("//script|//style|//noscript|//template"):
        node.drop_tree()
    return [_norm(t) for t in root.itertext() if _norm(t)]


def devset() -> None:
    gold = json.loads((DEVSET / "gold.json").read_text())
    rows = []
    splitter = core.split_page
    for name, page_gold in sorted(gold.items()):
        lines = _visible_lines(gzip.decompress((DEVSET / "pages" / name).read_bytes()))
        flat = " ".join(lines)
        core.split_page = lambda texts: (texts, None)
        without = _body(flat)
        core.split_page = splitter
        rows.append((_score(without, page_gold), _score(_body(flat), page_gold), _score(_body("\n".join(lines)), page_gold)))
    print(f"web-pages-en, {len(rows)} pages           with-recall  without-precision  both 1.0")
    for i, label in enumerate(("flattened, no block splitter", "flattened, block splitter  ", "one line per block (ceiling)")):
        recall = statistics.mean(r[i][0] for r in rows)
        precision = statistics.mean(r[i][1] for r in rows)
        both = sum(r[i] == (1.0, 1.0) for r in rows)
        print(f"{label}      {recall:.3f}        {precision:.3f}          {both}")


def hostile_lines() -> None:
    clean_payload(orjson.dumps({"id": "warm", "content": "Warm up the lazy loaders, the council said on Monday."}))
    for label, content in (
        ("3 MB line without spaces", "data:image/png;base64," + "iVBORw0KGgo" * 280_000),
        ("1 MB line of words", ("word " * 200_001)[:1_000_000]),
    ):
        payload = orjson.dumps({"id": "line", "content": content})
        started = time.perf_counter()
        record = clean_payload(payload)
        seconds = time.perf_counter() - started
        outcome = record.get("error", {}).get("code") or record["status"]
        print(f"{label}: {seconds:.3f} s through decode + clean ({outcome})")


if __name__ == "__main__":
    if DEVSET.exists():
        devset()
    else:
        print(f"no devset at {DEVSET}: skipped")
    hostile_lines()
