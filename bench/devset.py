"""The clean stage on real web pages: the web-pages-en dev set (../shared/devsets/web-pages-en).

169 English pages with gold snippets (`with`: must be in the body; `without`: boilerplate that must not
be) and metadata (title, author, date). Scored as the set's README suggests: per page with-recall and
without-precision (whitespace-normalised, case-sensitive substring tests), their means, the share of
pages where both are 1.0, and exact-match rates of title, author(s) and date (YYYY-MM-DD) over the
pages whose gold has the field. Our records are scored on the article text they give: title,
dateline and body (extractors keep headline and dateline inside their text; the clean stage moves
them to fields); dashes compare as hyphens for every system.

Systems, all in the same run:
- ``ours-html``: ``clean()`` on the page's HTML;
- ``ours-text``: ``clean()`` on a visible-text dump of the same page, one block per line, made with
  inscriptis (an HTML-to-text library that keeps the block layout; ``dump()``);
- ``trafilatura`` / ``trafilatura-precision``: ``trafilatura.bare_extraction`` alone, defaults and
  ``favor_precision=True`` (with its own metadata).

`python -m bench.devset` prints the table; ``bench.clean`` calls ``devset_block()``.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import sys
import time
from pathlib import Path

from bench.gold import SHARED

DEVSET = Path(os.environ.get("NEWSFEED_DEVSET") or SHARED / "devsets" / "web-pages-en")
_WS = re.compile(r"\s+")
_AUTHOR_SPLIT = re.compile(r"\s*;\s*|\s+and\s+|\s*&\s*", re.IGNORECASE)
FIGURES = ("with", "without", "all_right", "title", "author", "date")


_DASHES = str.maketrans({"–": "-", "—": "-"})


def _norm(text: str | None) -> str:
    """Whitespace squeezed, en and em dashes as hyphens (a dateline's dash is the record's choice)."""
    return _WS.sub(" ", text or "").strip().translate(_DASHES)


def load_devset(limit: int | None = None) -> list[tuple[str, str, dict]]:
    """(name, html, gold) per page; [] when the dev set is not beside the repo."""
    gold_path = DEVSET / "gold.json"
    if not gold_path.exists():
        return []
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    out = []
    for name in sorted(gold)[:limit]:
        raw = gzip.decompress((DEVSET / "pages" / name).read_bytes())
        out.append((name, _decode(raw), gold[name]))
    return out


_CHARSET = re.compile(rb"<meta[^>]{0,200}charset=[\"']?([\w-]{2,20})", re.IGNORECASE)


def _decode(raw: bytes) -> str:
    m = _CHARSET.search(raw[:5000])
    for encoding in ((m.group(1).decode("ascii"),) if m else ()) + ("utf-8",):
        try:
            return raw.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return raw.decode("utf-8", "replace")


def dump(html: str) -> str:
    """The page's visible text, one block per line (inscriptis), blank lines squeezed."""
    from inscriptis import get_text

    try:
        text = get_text(html)
    except Exception:  # inscriptis/lxml on hostile markup
        return ""
    lines = [line.strip() for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


def author_set(value) -> frozenset[str]:
    """Author names as a set of casefolded names ("A; B", "A and B", ["A", "B"] alike)."""
    if not value:
        return frozenset()
    parts = value if isinstance(value, list) else [value]
    names = []
    for part in parts:
        names += [_norm(p).casefold() for p in _AUTHOR_SPLIT.split(part) if _norm(p)]
    return frozenset(names)


def score_page(body: str, title, authors, date, gold: dict) -> dict:
    """Per-page figures: with-recall, without-precision, both 1.0, and metadata hits (None = no gold)."""
    text = _norm(body)
    wanted = [_norm(s) for s in gold.get("with", []) if _norm(s)]
    unwanted = [_norm(s) for s in gold.get("without", []) if _norm(s)]
    recall = sum(s in text for s in wanted) / len(wanted) if wanted else 1.0
    precision = sum(s not in text for s in unwanted) / len(unwanted) if unwanted else 1.0
    return {
        "with": recall,
        "without": precision,
        "all_right": float(recall == 1.0 and precision == 1.0),
        "title": None if "title" not in gold else float(_norm(title) == _norm(gold["title"])),
        "author": None if "author" not in gold else float(author_set(authors) == author_set(gold["author"])),
        "date": None if "date" not in gold else float((date or "")[:10] == gold["date"]),
    }


def ours(content: str, content_type: str, name: str) -> tuple[str, str | None, list, str | None]:
    from workers.stages import clean as clean_stage
    from workers.stages.errors import StageError

    try:
        record = clean_stage.clean({"id": name, "source": None, "content_type": content_type,
                                    "content": content, "fetched_at": None})
    except StageError:
        return "", None, [], None
    # the article text the record gives: headline, dateline and body (the clean stage takes the
    # headline and the dateline out of the body into their own fields; extractors leave them in)
    text = "\n".join(filter(None, (record["title"], f"{record['dateline']} - " if record["dateline"] else None)))
    text = f"{text}\n{record['body']}" if not record["dateline"] else f"{text}{record['body']}"
    return text, record["title"], record.get("authors") or record.get("byline"), record["published_at"]


def trafilatura_alone(html: str, **params) -> tuple[str, str | None, str | None, str | None]:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, **params)
    except Exception:
        doc = None
    if doc is None:
        return "", None, None, None
    get = doc.get if isinstance(doc, dict) else (lambda k: getattr(doc, k, None))
    return get("text") or "", get("title"), get("author"), get("date")


def systems() -> dict:
    return {
        "ours-html": lambda name, html, text: ours(html, "text/html", name),
        "ours-text": lambda name, html, text: ours(text, "text/plain", name),
        "trafilatura": lambda name, html, text: trafilatura_alone(html),
        "trafilatura-precision": lambda name, html, text: trafilatura_alone(html, favor_precision=True),
    }


def run(pages=None, only: tuple[str, ...] | None = None, verbose: bool = False) -> dict[str, dict[str, float]]:
    """{system: {figure: mean}} over the dev set (figures as in FIGURES; metadata over pages with gold)."""
    pages = load_devset() if pages is None else pages
    table: dict[str, dict[str, list[float]]] = {}
    for name, html, gold in pages:
        text = dump(html)
        for system, extract in systems().items():
            if only and system not in only:
                continue
            body, title, authors, date = extract(name, html, text)
            figures = score_page(body, title, authors, date, gold)
            if verbose and figures["all_right"] < 1.0:
                print(f"  {system} {name}: with {figures['with']:.2f} without {figures['without']:.2f}")
            for key, value in figures.items():
                if value is not None:
                    table.setdefault(system, {}).setdefault(key, []).append(value)
    return {s: {k: sum(v) / len(v) for k, v in figs.items()} for s, figs in table.items()}


def print_table(results: dict[str, dict[str, float]], n: int) -> None:
    print(f"\ndev set ({DEVSET}): {n} real pages; with-recall / without-precision / pages fully right; "
          "title / author / date exact")
    print(f"  {'system':24} " + " ".join(f"{f:>9}" for f in FIGURES))
    for system, figs in results.items():
        print(f"  {system:24} " + " ".join(f"{figs.get(f, 0.0):9.3f}" for f in FIGURES))


def dump_speed(pages, rounds: int = 3) -> tuple[float, float]:
    """(median clean docs/s per core, ceiling docs/s) on the dev set's text dumps by CPU time; the
    ceiling only normalises and splits the same inputs."""
    from workers.stages import clean as clean_stage
    from workers.stages.clean.normalise import normalise_text, split_lines
    from workers.stages.errors import StageError

    docs = [{"id": name, "source": None, "content_type": "text/plain", "content": dump(html),
             "fetched_at": None} for name, html, _ in pages]

    def once(work) -> float:
        started = time.process_time()
        for doc in docs:
            try:
                work(doc)
            except StageError:
                pass
        return time.process_time() - started

    once(clean_stage.clean)  # warm caches and lazy loaders
    stage = sorted(once(clean_stage.clean) for _ in range(rounds))[rounds // 2]
    ceiling = sorted(once(lambda d: split_lines(normalise_text(d["content"]))) for _ in range(rounds))[rounds // 2]
    return len(docs) / stage, len(docs) / ceiling


def devset_block(verbose: bool = False) -> int:
    pages = load_devset()
    if not pages:
        print(f"\ndev set not found at {DEVSET}: skipped")
        return 0
    print_table(run(pages, verbose=verbose), len(pages))
    speed, ceiling = dump_speed(pages)
    print(f"dev-set text dumps: clean at {speed:,.0f} docs/s per core (median of 3 rounds, CPU time; "
          f"target 500/s); ceiling (normalise + split only) {ceiling:,.0f} docs/s; the stage runs at "
          f"{speed / ceiling:.2f} of it; load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(devset_block(verbose="-v" in sys.argv))
