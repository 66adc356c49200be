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
  ``favor_precision=True`` (with its own metadata);
- ``trafilatura-text`` / ``trafilatura-text-precision``: the fair baseline for the dumps: trafilatura
  alone on the *same* text dump ``ours-text`` gets, each dump line a ``<p>`` of a minimal HTML page
  (``dump_as_html()``), defaults and ``favor_precision=True``.

Body F1: the set has gold snippets, not whole gold bodies, so a word-shingle F1 against the full
article cannot be computed. ``body_f1`` is the snippet F1 the gold allows: recall is the share of
``with`` words (snippets weighted by their word counts) found, precision the share of ``without``
words absent, and the page's F1 their harmonic mean (a page without ``without`` snippets has
precision 1.0); the figure is the mean over pages.

Held-out third: ``--third held`` scores only the pages whose sorted index % 3 == 0 (the pages kept
out while the dump rules of this round were developed), ``--third dev`` the other two thirds.

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
SCORE_STANDFIRST = True  # the standfirst (record summary) is article text; False scores as before
FIGURES = ("with", "without", "all_right", "body_f1", "title", "author", "date")


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


def dump_as_html(text: str) -> str:
    """A text dump as a minimal HTML page: each line one ``<p>`` (escaped), for trafilatura alone."""
    from html import escape

    paragraphs = "\n".join(f"<p>{escape(line)}</p>" for line in text.splitlines() if line.strip())
    return f"<html><head></head><body><article>\n{paragraphs}\n</article></body></html>"


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
        "body_f1": snippet_f1(text, wanted, unwanted),
        "title": None if "title" not in gold else float(_norm(title) == _norm(gold["title"])),
        "author": None if "author" not in gold else float(author_set(authors) == author_set(gold["author"])),
        "date": None if "date" not in gold else float((date or "")[:10] == gold["date"]),
    }


def snippet_f1(text: str, wanted: list[str], unwanted: list[str]) -> float:
    """Word-weighted snippet F1 of one page's text (normalised) against its gold snippets, 0..1.

    Recall: words of the ``with`` snippets found / all their words; precision: words of the
    ``without`` snippets absent / all their words (1.0 without any); F1 their harmonic mean."""
    def words(snippets, keep) -> tuple[int, int]:
        sizes = [(len(s.split()), keep(s)) for s in snippets]
        return sum(n for n, ok in sizes if ok), sum(n for n, _ in sizes)

    found, total = words(wanted, lambda s: s in text)
    absent, total_without = words(unwanted, lambda s: s not in text)
    recall = found / total if total else 1.0
    precision = absent / total_without if total_without else 1.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def ours(content: str, content_type: str, name: str) -> tuple[str, str | None, list, str | None]:
    from workers.stages import clean as clean_stage
    from workers.stages.errors import StageError

    try:
        record = clean_stage.clean({"id": name, "source": None, "content_type": content_type,
                                    "content": content, "fetched_at": None})
    except StageError:
        return "", None, [], None
    # the article text the record gives: headline, standfirst, dateline and body (the clean stage takes
    # the headline, the standfirst and the dateline out of the body into their own fields; extractors
    # leave them in)
    standfirst = record.get("summary") if SCORE_STANDFIRST else None
    text = "\n".join(filter(None, (record["title"], standfirst,
                                   f"{record['dateline']} - " if record["dateline"] else None)))
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
        "trafilatura-text": lambda name, html, text: trafilatura_alone(dump_as_html(text)),
        "trafilatura-text-precision": lambda name, html, text: trafilatura_alone(dump_as_html(text),
                                                                                 favor_precision=True),
    }


def third(pages, which: str | None):
    """The held-out third (sorted index % 3 == 0) with ``"held"``, the rest with ``"dev"``, else all."""
    if which not in ("held", "dev"):
        return pages
    return [page for i, page in enumerate(pages) if (i % 3 == 0) == (which == "held")]


def run(pages=None, only: tuple[str, ...] | None = None, verbose: bool = False,
        misses: bool = False) -> dict[str, dict[str, float]]:
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
            if misses:
                print_misses(system, name, body, gold)
            for key, value in figures.items():
                if value is not None:
                    table.setdefault(system, {}).setdefault(key, []).append(value)
    return {s: {k: sum(v) / len(v) for k, v in figs.items()} for s, figs in table.items()}


def print_misses(system: str, name: str, body: str, gold: dict) -> None:
    """The ``with`` snippets a system missed (``-``) and the ``without`` ones it kept (``+``)."""
    text = _norm(body)
    for snippet in gold.get("with", []):
        if _norm(snippet) and _norm(snippet) not in text:
            print(f"  {system} {name} - {_norm(snippet)[:100]}")
    for snippet in gold.get("without", []):
        if _norm(snippet) and _norm(snippet) in text:
            print(f"  {system} {name} + {_norm(snippet)[:100]}")


def print_table(results: dict[str, dict[str, float]], n: int) -> None:
    print(f"\ndev set ({DEVSET}): {n} real pages; with-recall / without-precision / pages fully right; "
          "title / author / date exact")
    print(f"  {'system':27} " + " ".join(f"{f:>9}" for f in FIGURES))
    for system, figs in results.items():
        print(f"  {system:27} " + " ".join(f"{figs.get(f, 0.0):9.3f}" for f in FIGURES))


def dump_speed(pages, rounds: int = 3) -> tuple[float, float, float, float, float, float]:
    """(median clean docs/s per core, ceiling docs/s, first-pass docs/s, the line memo's hit rate in the
    first pass, same-site docs/s, new-article docs/s) on the dev set's text dumps by CPU time; the
    ceiling only normalises and splits the same inputs. The median is of rounds after a first pass,
    which warm the date caches (dates.parse_date, dates.date_line: dateparser for the strings
    dates._fast does not read); the first pass, run with the models loaded (clean.warm) and the date
    caches empty, is what pages never seen before cost. The memo of classified lines
    (lines.clear_line_memo) is emptied before the first pass and each round: its hits are lines an
    earlier page of the same pass held (169 pages of different sites: few). Same-site: a round with
    the memo kept from the round before, i.e. every page seen before (a best case: the article lines
    repeat too). New article: the memo filled by cleaning each page without its article's paragraphs
    (its chrome: what the site's other pages would have shown), then the whole pages, as a stream of
    one site's pages with a new article each. Neither is ever the dev-set figure."""
    from workers.stages import clean as clean_stage
    from workers.stages.clean import dates, lines
    from workers.stages.clean.normalise import normalise_text, split_lines
    from workers.stages.errors import StageError

    docs = [{"id": name, "source": None, "content_type": "text/plain", "content": dump(html),
             "fetched_at": None} for name, html, _ in pages]

    def once(work, memo: bool = False) -> float:
        if not memo:
            lines.clear_line_memo()
        started = time.process_time()
        for doc in docs:
            try:
                work(doc)
            except StageError:
                pass
        return time.process_time() - started

    clean_stage.warm()  # lazy loaders
    dates.clear_caches()
    first = once(clean_stage.clean)  # pages never seen: the date caches fill on this pass
    hits, misses, _ = lines.line_memo_info()
    same_site = once(clean_stage.clean, memo=True)
    stage = sorted(once(clean_stage.clean) for _ in range(rounds))[rounds // 2]
    ceiling = sorted(once(lambda d: split_lines(normalise_text(d["content"]))) for _ in range(rounds))[rounds // 2]
    chrome = [_chrome_lines(doc, clean_stage.clean, StageError) for doc in docs]
    lines.clear_line_memo()
    for page_chrome in chrome:
        clean_stage.clean_lines(page_chrome)
    new_article = once(clean_stage.clean, memo=True)
    rates = (stage, ceiling, first)
    return (*(len(docs) / cpu for cpu in rates), hits / max(hits + misses, 1), len(docs) / same_site,
            len(docs) / new_article)


def _chrome_lines(doc: dict, clean, error) -> list[str]:
    """The dump's lines as the clean stage reads them (normalised, split into blocks) without those its
    clean record keeps as paragraphs: the page's chrome, and its article lines the record changed (a
    lead without its dateline)."""
    from workers.stages.clean.blocks import split_blocks
    from workers.stages.clean.normalise import normalise_text, split_lines

    try:
        kept = set(clean(doc)["paragraphs"])
    except error:
        kept = set()
    return [line for line in split_blocks(split_lines(normalise_text(doc["content"]))) if line not in kept]


def devset_block(verbose: bool = False, which: str | None = None, only=None, misses: bool = False,
                 speed: bool = True) -> int:
    pages = third(load_devset(), which)
    if not pages:
        print(f"\ndev set not found at {DEVSET}: skipped")
        return 0
    print_table(run(pages, only=only, verbose=verbose, misses=misses), len(pages))
    if not speed:
        return 0
    speed, ceiling, first, hit_rate, same_site, new_article = dump_speed(pages)
    print(f"dev-set text dumps: clean at {speed:,.0f} docs/s per core (median of 3 rounds, CPU time; "
          f"target 500/s); ceiling (normalise + split only) {ceiling:,.0f} docs/s; the stage runs at "
          f"{speed / ceiling:.2f} of it; first pass (date caches empty, as for pages never seen) "
          f"{first:,.0f} docs/s; line memo hit rate {hit_rate:.1%} of distinct lines per page; "
          f"load average {os.getloadavg()[0]:.1f}")
    print(f"same site (not the dev-set figure): the dumps again with the line memo kept, every page seen "
          f"before: {same_site:,.0f} docs/s per core; the memo holding each page's chrome only (a new "
          f"article on a known site): {new_article:,.0f} docs/s")
    return 0


def main(argv: list[str]) -> int:
    """``python -m bench.devset [-v] [--misses] [--third held|dev] [--only sys1,sys2] [--no-speed]``."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m bench.devset")
    parser.add_argument("-v", action="store_true", help="pages not fully right, per system")
    parser.add_argument("--misses", action="store_true", help="missed with (-) and kept without (+) snippets")
    parser.add_argument("--third", choices=("held", "dev"), help="held-out third (index %% 3 == 0) or the rest")
    parser.add_argument("--only", help="comma-separated systems")
    parser.add_argument("--no-speed", action="store_true", help="skip the dump speed measurement")
    args = parser.parse_args(argv)
    only = tuple(args.only.split(",")) if args.only else None
    return devset_block(verbose=args.v, which=args.third, only=only, misses=args.misses, speed=not args.no_speed)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
