"""The clean stage on real pages outside the dev set: three public sets, fetched from package registries.

``web-pages-en`` (bench.devset) has been tuned on for many sessions, so its figures no longer say how
the clean stage does on pages it has not seen. These sets were never used to write a rule:

- ``readability``: the real-site test pages of Mozilla's Readability.js (Apache-2.0), as shipped in the
  Go module ``github.com/go-shiori/go-readability`` (``test-pages/NAME/source.html``, its extraction
  ``expected.html`` and ``expected-metadata.json``). Kept: pages of 15 KB or more (the others are
  synthetic unit fixtures) whose expected text is English (py3langid). Gold body: the visible text of
  ``expected.html``, Readability.js's own output, so a strong extractor rather than a person: the body
  figure is agreement with it. Gold author: ``byline``; gold date: ``publishedTime``.
- ``newspaper``: the English article pages of newspaper4k's test data (MIT), from its sdist on PyPI
  (``tests/data/html``, gold text ``tests/data/txt``, metadata ``tests/data/metadata``; title, authors,
  publish date).
- ``mediacloud``: the English pages of the MediaCloud date set that htmldate's authors evaluate on, as
  shipped in the Go module ``github.com/markusmobius/go-htmldate`` (``test-files/mediacloud``, gold
  dates in ``scripts/comparison/data-mediacloud.go``). Date only.

Two fresh sets were added in the seventh session and kept whole as held-out (no page of them is looked
at while rules are written; only their totals are read):

- ``htmldate``: the English pages of htmldate's own date set (``test-files/comparison``, gold in
  ``scripts/comparison/data-default.go``, same module), without the pages web-pages-en shares with it
  (by URL; when web-pages-en is not beside the repo nothing can be excluded and the bench says so).
  Date only.
- ``readability-new``: the real-site test pages that a later port of Readability.js,
  ``codeberg.org/readeck/go-readability/v2``, ships and ``readability`` does not (same filters, same gold).

A set added in the thirteenth session, for pages in other languages (issue 10):

- ``multilingual``: the pages of trafilatura's own evaluation set (BBAW's multilingual collection, Polish
  news and others) whose gold is not English, as shipped in the Go module
  ``github.com/markusmobius/go-trafilatura`` (``test-files/comparison/*.html``, gold in
  ``scripts/comparison/data.go``, a Go map literal read as data by ``bench.golit``, never evaluated):
  the language is py3langid's on the gold snippets and title (web-pages-en is the English part of the
  same set, selected the same way), and the pages web-pages-en holds are left out by URL (when
  web-pages-en is not beside the repo nothing can be excluded and the bench says so). Gold as
  web-pages-en's (``with`` / ``without`` snippets, title, authors, date) and scored as it is
  (``bench.devset.score_page``: with-recall, without-precision, pages fully right, snippet F1; title,
  author set and date exact over the pages whose gold has them), per language (TOP_LANGUAGES, those
  with 20 pages or more; the rest as "other") and overall, for ours-html, ours-text (the
  inscriptis dump, ``bench.devset.dump``) and trafilatura alone (defaults and ``favor_precision``).
  Thirds as the other sets; ``--misses`` lists its pages only with ``--third dev``.

Body score: ``bench.metrics.shingle_f1``, word-shingle F1 (shingles of 4 casefolded ``\\w+`` tokens, as
multisets; precision = shared / extracted, recall = shared / gold; the scrapinghub
article-extraction-benchmark's measure).
Our record is scored on standfirst, dateline and body (the title is a field of its own and not in
Readability's gold); title and date (YYYY-MM-DD) exact, author as ``author_found()`` (every name we
give is in the gold byline), over the pages whose gold has them. Baselines in the same run: trafilatura alone, defaults and ``favor_precision``.

Fetching: ``python -m bench.heldout --fetch`` (or ``make bench-heldout``) downloads the module zips
from the Go module proxy (``$GOPROXY``'s first entry, else proxy.golang.org) and the sdist with
``pip download`` into ``.cache/heldout/``; nothing is committed, and tests never need it.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import tarfile
import urllib.request
import zipfile
from pathlib import Path

from bench.devset import _norm, author_set, dump, dump_as_html, trafilatura_alone
from bench.metrics import shingle_f1

CACHE = Path(os.environ.get("NEWSFEED_HELDOUT") or Path(__file__).resolve().parent.parent / ".cache" / "heldout")
MODULES = {  # Go module -> (version, folder under CACHE); module zips from the Go module proxy
    "github.com/go-shiori/go-readability": ("v0.0.0-20251205110129-5db1dc9836f0", "go-readability"),
    "github.com/markusmobius/go-htmldate": ("v1.10.1", "go-htmldate"),
    "codeberg.org/readeck/go-readability/v2": ("v2.1.3", "readeck-go-readability"),
    # ~950 pages in many languages: the multilingual set (its English pages are web-pages-en's)
    "github.com/markusmobius/go-trafilatura": ("v1.12.2", "go-trafilatura"),
}
SDISTS = {"newspaper4k": "0.9.6"}
FRESH = ("htmldate", "readability-new")  # kept whole as held-out: --misses prints none of their pages
FIGURES = ("precision", "recall", "body_f1", "title", "author", "date")


def _proxy() -> str:
    first = (os.environ.get("GOPROXY") or "https://proxy.golang.org").split(",")[0]
    return first if first.startswith("http") else "https://proxy.golang.org"


def _escape(module: str) -> str:
    """The proxy's case encoding: each capital letter as ``!`` and its lower case."""
    return re.sub(r"[A-Z]", lambda m: "!" + m.group(0).lower(), module)


def fetch() -> None:
    """Download the sets into CACHE (module zips and the sdist), unpacked; idempotent."""
    CACHE.mkdir(parents=True, exist_ok=True)
    for module, (version, folder) in MODULES.items():
        target = CACHE / folder
        if target.exists():
            continue
        url = f"{_proxy()}/{_escape(module)}/@v/{version}.zip"
        print(f"fetching {url}")
        with urllib.request.urlopen(url, timeout=300) as response:
            data = response.read()
        prefix = f"{module}@{version}/"
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for member in archive.namelist():
                if member.startswith(prefix) and ("test-" in member or "scripts/comparison" in member):
                    path = target / member[len(prefix):]
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_bytes(archive.read(member))
    for package, version in SDISTS.items():
        target = CACHE / package
        if target.exists():
            continue
        subprocess.run([sys.executable, "-m", "pip", "download", f"{package}=={version}", "--no-deps",
                        "--no-binary", ":all:", "-d", str(CACHE), "-q"], check=True)
        with tarfile.open(next(CACHE.glob(f"{package}-{version}.tar.gz"))) as archive:
            for member in archive.getmembers():
                if "/tests/data/" in member.name and member.isfile():
                    path = target / member.name.split("/tests/data/", 1)[1]
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_bytes(archive.extractfile(member).read())


def _visible(html: str) -> str:
    from inscriptis import get_text

    return get_text(html)


def _english(text: str) -> bool:
    import py3langid

    return py3langid.classify(text[:5000])[0] == "en"


def load_readability(folder_name: str = "go-readability", skip=frozenset()) -> list[tuple[str, str, dict]]:
    """[(name, html, gold)], gold = {"body", "author"?, "date"?}; real English pages only, of the port
    unpacked in CACHE/folder_name, without the page names in ``skip``."""
    root = CACHE / folder_name / "test-pages"
    pages = []
    for folder in sorted(root.glob("*/")) if root.exists() else []:
        source = folder / "source.html"
        if folder.name in skip or not source.exists() or source.stat().st_size < 15_000:
            continue
        body = _visible((folder / "expected.html").read_text(encoding="utf-8", errors="replace"))
        if not _english(body):
            continue
        meta = json.loads((folder / "expected-metadata.json").read_text(encoding="utf-8"))
        gold = {"body": body}
        if meta.get("byline"):
            gold["author"] = meta["byline"]
        if meta.get("publishedTime"):
            gold["date"] = meta["publishedTime"][:10]
        pages.append((folder.name, source.read_text(encoding="utf-8", errors="replace"), gold))
    return pages


def load_newspaper() -> list[tuple[str, str, dict]]:
    """[(name, html, gold)] for newspaper4k's English test pages that have a gold text."""
    root = CACHE / "newspaper4k"
    pages = []
    for html_file in sorted((root / "html").glob("*.html")) if root.exists() else []:
        text_file = root / "txt" / f"{html_file.stem}.txt"
        if not text_file.exists():
            continue
        body = text_file.read_text(encoding="utf-8", errors="replace")
        if not _english(body):
            continue
        gold = {"body": body}
        meta_file = root / "metadata" / f"{html_file.stem}.json"
        if meta_file.exists():
            meta = json.loads(meta_file.read_text(encoding="utf-8"))
            if meta.get("title"):
                gold["title"] = meta["title"]
            if meta.get("authors"):
                gold["author"] = meta["authors"]
            if meta.get("publish_date"):
                gold["date"] = str(meta["publish_date"])[:10]
        pages.append((html_file.stem, html_file.read_text(encoding="utf-8", errors="replace"), gold))
    return pages


def load_mediacloud() -> list[tuple[str, str, dict]]:
    """[(file, html, {"date"})] for the English pages of the MediaCloud date set."""
    root = CACHE / "go-htmldate"
    data = root / "scripts" / "comparison" / "data-mediacloud.go"
    if not data.exists():
        return []
    entries = re.findall(r'File:\s*"([^"]+)",\s*Date:\s*"([^"]*)"', data.read_text(encoding="utf-8"))
    pages = []
    for name, date in entries:
        path = root / "test-files" / "mediacloud" / name
        if not date or not path.exists():
            continue
        html = path.read_text(encoding="utf-8", errors="replace")
        if _english(_visible(html)):
            # the set writes "nan" where it has no date: the page stays (so the thirds stay as they were
            # first drawn) and is not scored
            dated = re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) is not None
            pages.append((name, html, {"date": date} if dated else {}))
    return pages


def load_readability_new() -> list[tuple[str, str, dict]]:
    """The ``readability`` pages of the later port (readeck's) that the first port does not ship."""
    first = CACHE / "go-readability" / "test-pages"
    known = frozenset(p.name for p in first.iterdir()) if first.exists() else frozenset()
    return load_readability("readeck-go-readability", skip=known)


def _devset_urls(which: str) -> set[str]:
    """The URLs (no trailing slash) of web-pages-en's pages, to leave out of set `which`; empty, with a
    note naming the set, when web-pages-en is not beside the repo."""
    from bench.devset import DEVSET

    gold_path = DEVSET / "gold.json"
    if gold_path.exists():
        return {g["url"].rstrip("/") for g in json.loads(gold_path.read_text(encoding="utf-8")).values()}
    print(f"{which}: web-pages-en not found at {DEVSET}: the pages it shares are not excluded")
    return set()


def load_htmldate() -> list[tuple[str, str, dict]]:
    """[(file, html, {"date"})] for the English pages of htmldate's own date set, less web-pages-en's."""
    root = CACHE / "go-htmldate"
    data = root / "scripts" / "comparison" / "data-default.go"
    if not data.exists():
        return []
    shared = _devset_urls("htmldate")
    entries = re.findall(r'URL:\s*"([^"]+)",\s*File:\s*"([^"]+)",\s*Date:\s*"([^"]*)"',
                         data.read_text(encoding="utf-8"))
    pages = []
    for url, name, date in entries:
        path = root / "test-files" / "comparison" / name
        if url.rstrip("/") in shared or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) or not path.exists():
            continue
        html = path.read_text(encoding="utf-8", errors="replace")
        if _english(_visible(html)):
            pages.append((name, html, {"date": date}))
    return pages


def _language(text: str) -> str:
    import py3langid

    return py3langid.classify(text[:5000])[0]


def load_multilingual() -> list[tuple[str, str, dict]]:
    """[(file, html, gold)] for the pages of trafilatura's evaluation set whose gold is not English and
    that web-pages-en does not hold (by URL; when web-pages-en is not beside the repo nothing can be
    excluded and the bench says so). gold = {"url", "language", "with", "without", "title"?, "author"?,
    "date"?}: web-pages-en's gold shape, plus the language py3langid gives the gold snippets (the
    ``with`` and ``without`` snippets and the title, joined), as web-pages-en was selected by."""
    from bench.devset import _decode
    from bench.golit import string_map

    root = CACHE / "go-trafilatura"
    data = root / "scripts" / "comparison" / "data.go"
    if not data.exists():
        return []
    shared = _devset_urls("multilingual")
    pages = []
    for url, entry in string_map(data.read_text(encoding="utf-8"), "ComparisonEntry").items():
        path = root / "test-files" / "comparison" / entry["File"]
        if url.rstrip("/") in shared or not path.exists():
            continue
        gold = {"url": url, "with": entry.get("With", []), "without": entry.get("Without", [])}
        gold["language"] = _language(" ".join(gold["with"] + gold["without"] + [entry.get("Title", "")]))
        if gold["language"] == "en":
            continue
        for field, key in (("Title", "title"), ("Authors", "author"), ("Date", "date")):
            if entry.get(field):
                gold[key] = "; ".join(entry[field]) if isinstance(entry[field], list) else entry[field]
        pages.append((entry["File"], _decode(path.read_bytes()), gold))
    return sorted(pages, key=lambda page: page[0])


def ours(content: str, name: str, content_type: str = "text/html"):
    """(article text without the title, title, authors, published_at) of our clean stage."""
    from workers.stages import clean as clean_stage
    from workers.stages.errors import StageError

    try:
        record = clean_stage.clean({"id": name, "source": None, "content_type": content_type,
                                    "content": content, "fetched_at": None})
    except StageError:
        return "", None, [], None
    text = "\n".join(filter(None, (record.get("summary"), record["dateline"], record["body"])))
    return text, record["title"], record.get("authors") or record.get("byline"), record["published_at"]


def systems(text_path: bool = True, dumper=None) -> dict:
    """{name: extract(name, html) -> (text, title, authors, date)}: ours on the HTML and on its visible-text
    dump (dumper(html) -> str, default bench.devset.dump: inscriptis), trafilatura alone on the HTML and on
    the same dump (bench.devset.dump_as_html)."""
    dump_of = dumper or dump
    found = {
        "ours-html": lambda name, html: ours(html, name),
        "trafilatura": lambda name, html: trafilatura_alone(html),
        "trafilatura-precision": lambda name, html: trafilatura_alone(html, favor_precision=True),
    }
    if text_path:
        found["ours-text"] = lambda name, html: ours(dump_of(html), name, "text/plain")
        found["trafilatura-text"] = lambda name, html: trafilatura_alone(dump_as_html(dump_of(html)))
    return found


def third(pages, which: str | None):
    """``"held"``: the pages whose index in name order % 3 == 0 (kept out while rules are written),
    ``"dev"``: the rest, else all."""
    if which not in ("held", "dev"):
        return pages
    return [page for i, page in enumerate(sorted(pages)) if (i % 3 == 0) == (which == "held")]


VERSUS_MARGIN = 0.01  # body F1 by which one system beats the other on a page for --versus to list it


def score(pages, misses: bool = False, only=None, versus: bool = False, dumper=None) -> dict[str, dict[str, float]]:
    """{system: {figure: mean}}; body figures over pages with a gold body, metadata over pages with it.
    versus: print the pages where trafilatura alone and ours-html differ in body F1 by more than VERSUS_MARGIN.
    dumper: the HTML-to-text tool of the text systems (see systems())."""
    table: dict[str, dict[str, list[float]]] = {}
    pairs: dict[str, dict[str, float]] = {}  # page -> {system: body F1} for --versus
    for name, html, gold in pages:
        for system, extract in systems(text_path="body" in gold, dumper=dumper).items():
            if only and system not in only:
                continue
            body, title, authors, date = extract(name, html)
            figures: dict[str, float] = {}
            if "body" in gold:
                figures["precision"], figures["recall"], figures["body_f1"] = shingle_f1(body, gold["body"])
            if "title" in gold:
                figures["title"] = float(_norm(title) == _norm(gold["title"]))
            if "author" in gold:
                figures["author"] = author_found(authors, gold["author"])
            if "date" in gold:
                figures["date"] = float((date or "")[:10] == gold["date"])
            if misses and system.startswith("ours"):
                _print_miss(f"{system} {name}", figures, title, authors, date, gold)
            if "body_f1" in figures:
                pairs.setdefault(name, {})[system] = figures["body_f1"]
            for key, value in figures.items():
                table.setdefault(system, {}).setdefault(key, []).append(value)
    if versus:
        _print_versus(pairs)
    return {s: {k: sum(v) / len(v) for k, v in figs.items()} for s, figs in table.items()}


def _print_versus(pairs: dict[str, dict[str, float]]) -> None:
    """The pages where trafilatura alone beats ours-html on body F1 by more than VERSUS_MARGIN, then those
    where ours beats it, largest gap first (pairs: page -> {system: body F1})."""
    gaps = sorted((f["ours-html"] - f["trafilatura"], name) for name, f in pairs.items()
                  if "ours-html" in f and "trafilatura" in f and abs(f["ours-html"] - f["trafilatura"]) > VERSUS_MARGIN)
    for gap, name in sorted(gaps, key=lambda g: (g[0] > 0, -abs(g[0]))):
        print(f"  {'trafilatura' if gap < 0 else 'ours-html':12} ahead by {abs(gap):.3f}: {name} "
              f"(ours {pairs[name]['ours-html']:.3f}, trafilatura {pairs[name]['trafilatura']:.3f})")


MULTILINGUAL_SYSTEMS = ("ours-html", "ours-text", "trafilatura", "trafilatura-precision")
# the languages with 20 pages or more in the whole set (de 650, es 35, fr 22, pl 21): scored each on its own,
# on every third alike; the others (22 pages in 11 languages) together as "other"
TOP_LANGUAGES = ("de", "es", "fr", "pl")


def multilingual_rows(pages, only=None, misses: bool = False):
    """Yield (page, language, system, figures) per page and system, figures as bench.devset.score_page
    gives them (with-recall, without-precision, fully right, snippet F1; title / author / date exact, None
    where the gold lacks the field). misses: print our missed and kept snippets and wrong fields."""
    from bench.devset import dump, print_misses, score_page
    from bench.devset import systems as devset_systems

    chosen = {k: v for k, v in devset_systems().items() if k in (only or MULTILINGUAL_SYSTEMS)}
    for name, html, gold in pages:
        text = dump(html) if "ours-text" in chosen else ""
        for system, extract in chosen.items():
            body, title, authors, date = extract(name, html, text)
            figures = score_page(body, title, authors, date, gold)
            if misses and system.startswith("ours"):
                print_misses(f"{system} [{gold['language']}]", name, body, gold)
                got = {"title": title, "author": authors, "date": date}
                for key in ("title", "author", "date"):
                    if figures[key] == 0.0:
                        print(f"  {system} [{gold['language']}] {name} {key} {got[key]!r} != {gold[key]!r}")
            yield name, gold["language"], system, figures


def language_means(rows) -> dict[str, dict[str, dict[str, float]]]:
    """{group: {system: {figure: mean}}} of multilingual_rows(); groups: "all", each of TOP_LANGUAGES and
    "other" (the rest); a figure's mean is over the pages that have it."""
    table: dict[str, dict[str, dict[str, list[float]]]] = {}
    for _, language, system, figures in rows:
        group = language if language in TOP_LANGUAGES else "other"
        for name in ("all", group):
            for key, value in figures.items():
                if value is not None:
                    table.setdefault(name, {}).setdefault(system, {}).setdefault(key, []).append(value)
    return {group: {s: {k: sum(v) / len(v) for k, v in figs.items()} for s, figs in systems_.items()}
            for group, systems_ in table.items()}


def print_multilingual(pages, results) -> None:
    """The multilingual table: per group (all, then languages by page count), each system's figures."""
    from collections import Counter

    from bench.devset import FIGURES as DEV_FIGURES

    counts = Counter(gold["language"] for _, _, gold in pages)
    counts["other"] = sum(n for lang, n in counts.items() if lang not in TOP_LANGUAGES)
    print(f"\nheld-out set multilingual: {len(pages)} pages not in English ("
          + ", ".join(f"{lang} {n}" for lang, n in counts.most_common() if lang != "other") + "); scored as "
          "web-pages-en: with-recall / without-precision / fully right / snippet F1; title / author / date exact")
    for group in sorted(results, key=lambda g: (g != "all", g == "other", -counts.get(g, 0))):
        n = len(pages) if group == "all" else counts[group]
        print(f"  {group} ({n} pages)")
        for system, figs in results[group].items():
            print(f"    {system:22} " + " ".join(f"{f}={figs[f]:.3f}" for f in DEV_FIGURES if f in figs))


def author_found(authors, gold) -> float:
    """1.0 when we give at least one name and every name we give is in the gold byline, else 0.0.

    The gold authors of these sets are other extractors' raw output (Readability.js's ``byline``, such
    as "By Jane Doe March 4, 2015 3:46 PM"; newspaper4k's ``authors`` list, with words such as "Print"
    in it), so an exact match says little; containment, case-insensitive, is what they allow."""
    names = sorted(author_set(authors))
    byline = _norm(" ; ".join(gold) if isinstance(gold, list) else gold).casefold()
    return float(bool(names) and all(name in byline for name in names))


def _print_miss(name, figures, title, authors, date, gold) -> None:
    wrong = [k for k in ("title", "author", "date") if figures.get(k) == 0.0]
    if figures.get("body_f1", 1.0) < 0.9 or wrong:
        got = {"title": title, "author": authors, "date": date}
        print(f"  {name}: F1 {figures.get('body_f1', float('nan')):.3f} (P {figures.get('precision', 0):.2f} "
              f"R {figures.get('recall', 0):.2f})" + "".join(f"; {k} {got[k]!r} != {gold[k]!r}" for k in wrong))


def robustness() -> dict[str, object]:
    """clean() on every HTML file of every fetched set, all languages, as the page's raw bytes (base64,
    so the stage decodes them as it does a scraped page): {"pages", outcome counts ("ok" or the
    StageError code), "crashes": [(file, repr)], "empty_but_trafilatura": dead-lettered pages where
    trafilatura alone finds 200 characters or more (a possible loss; only counted, as some pages are
    held-out), "replacement_char": records whose body holds U+FFFD,
    "raw_replacement_char": those whose bytes already held it, "max_cpu_s": the slowest page's CPU
    seconds}. A crash is any other exception: the stage must turn every input into a record or a
    StageError."""
    import base64
    import time
    from collections import Counter

    from workers.stages import clean as clean_stage
    from workers.stages.errors import StageError

    files = sorted(p for p in CACHE.rglob("*") if p.is_file() and p.suffix in (".html", ".htm")
                   and "/tests/" not in str(p) and p.stat().st_size)
    outcomes: Counter = Counter()
    crashes, slowest = [], 0.0
    for path in files:
        raw = path.read_bytes()
        record = {"id": path.stem, "source": None, "content_type": "text/html", "fetched_at": None,
                  "content": base64.b64encode(raw).decode("ascii"), "content_encoding": "base64"}
        start = time.process_time()
        try:
            body = clean_stage.clean(record)["body"] or ""
            outcomes["ok"] += 1
            if "\ufffd" in body:
                outcomes["replacement_char"] += 1
                outcomes["raw_replacement_char"] += b"\xef\xbf\xbd" in raw
        except StageError as error:
            outcomes[error.code] += 1
            outcomes["empty_but_trafilatura"] += len(trafilatura_alone(raw.decode("utf-8", "replace"))[0]) >= 200
        except Exception as error:  # noqa: BLE001 - what the bench is for
            crashes.append((str(path.relative_to(CACHE)), repr(error)[:200]))
        slowest = max(slowest, time.process_time() - start)
    return {"pages": len(files), **outcomes, "crashes": crashes, "max_cpu_s": round(slowest, 2)}


def _dumper(tool: str):
    """bench.dumpers.DUMPERS[tool] (html -> text); SystemExit naming the tools when it is not one."""
    from bench.dumpers import DUMPERS

    if tool not in DUMPERS:
        raise SystemExit(f"--dumper {tool}: not one of {', '.join(DUMPERS)}")
    return DUMPERS[tool]


def main(argv: list[str]) -> int:
    """``python -m bench.heldout [--fetch] [--misses] [--versus] [--sets readability,newspaper,mediacloud,...]
    [--third held|dev] [--only ours-html,trafilatura]``."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m bench.heldout")
    parser.add_argument("--fetch", action="store_true", help="download the sets first (package registries)")
    parser.add_argument("--misses", action="store_true", help="our pages below body F1 0.9 or with a wrong field")
    parser.add_argument("--versus", action="store_true",
                        help="pages where trafilatura alone and ours-html differ in body F1 by more than VERSUS_MARGIN")
    parser.add_argument("--sets", default="readability,newspaper,mediacloud," + ",".join(FRESH) + ",multilingual")
    parser.add_argument("--third", choices=("held", "dev"), help="held third (index %% 3 == 0) or the rest")
    parser.add_argument("--only", help="comma-separated systems")
    parser.add_argument("--robustness", action="store_true",
                        help="only clean() on every fetched page, all languages: outcomes and crashes")
    parser.add_argument("--dumper", default="inscriptis",
                        help="the English sets' text dumps by this bench.dumpers tool (html2text, bs4, lxml, ...)")
    args = parser.parse_args(argv)
    only = tuple(args.only.split(",")) if args.only else None
    if args.fetch:
        fetch()
    if args.robustness:
        result = robustness()
        print(json.dumps(result, indent=1))
        return 1 if result["crashes"] else 0
    loaders = {"readability": load_readability, "newspaper": load_newspaper, "mediacloud": load_mediacloud,
               "htmldate": load_htmldate, "readability-new": load_readability_new,
               "multilingual": load_multilingual}
    for which in args.sets.split(","):
        pages = third(loaders[which](), args.third)
        if not pages:
            print(f"\n{which}: not found under {CACHE} (run with --fetch): skipped")
            continue
        if which == "multilingual":
            # its pages are listed only from the dev third: the held third stays unread while rules are written
            misses = args.misses and args.third == "dev"
            print_multilingual(pages, language_means(multilingual_rows(pages, only=only, misses=misses)))
            continue
        results = score(pages, misses=args.misses and which not in FRESH, only=only,
                        versus=args.versus and which not in FRESH, dumper=_dumper(args.dumper))
        shown = [f for f in FIGURES if any(f in figs for figs in results.values())]
        print(f"\nheld-out set {which}: {len(pages)} English pages; body word-4-shingle P / R / F1; "
              "title / date exact, author found in the gold byline")
        print(f"  {'system':24} " + " ".join(f"{f:>9}" for f in shown))
        for system, figs in results.items():
            print(f"  {system:24} " + " ".join(f"{figs[f]:9.3f}" if f in figs else f"{'-':>9}" for f in shown))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
