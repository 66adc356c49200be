"""Titles and bylines of the plain-text path, against what the dump shows.

A dump has no page metadata: a gold title or author the dump never shows is out of the text path's
reach. For every dev page (all of web-pages-en; the ``--third dev`` pages of readability and newspaper,
the cache of bench.ablation_text; held thirds are never loaded) this says whether the gold title and
each gold author are visible in the dump (a whole line, or inside one, after normalising quotes,
dashes, spaces and case), what the text record gave, and which pass of the clean stage gave it
(headline.title_line's steps; the byline scan or its fallbacks). Each field is counted as

- ``hit``: ours is right (the benches' own test: exact title, author set or containment);
- ``shown-missed``: the gold is shown and we gave nothing;
- ``shown-other``: the gold is shown and we gave another line;
- ``other-case`` (titles): the dump shows the gold only in other capitals (CSS text-transform);
- ``not-shown``: the dump never shows the gold (not ours to fix).

``python -m bench.dump_meta [--field title|author] [--list KIND]`` prints the counts per set and
field, and with ``--list`` one line per page of that count (gold, ours, our source).
"""

from __future__ import annotations

import re
import sys
from collections import Counter

from bench.ablation_text import pages
from bench.devset import _norm, author_set
from bench.heldout import author_found
from workers.stages.clean import bylines as clean_bylines
from workers.stages.clean import headline as clean_headline
from workers.stages.clean import metalines as clean_metalines

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})
_BY = re.compile(r"^by\s+", re.IGNORECASE)


def visible_key(text: str) -> str:
    """A line or value compared as shown: quotes straight, dashes as hyphens, spaces squeezed, casefolded."""
    return _norm((text or "").translate(_QUOTES)).casefold()


def shown(value: str, dump_keys: list[str], dump_lines: list[str] | None = None) -> str | None:
    """"line" when a dump line is the value (after visible_key), "inside" when one holds it, else None;
    given the dump's lines, "case" when the dump shows it only in another letter case (a page's CSS
    text-transform: the gold copies the rendered capitals, the dump holds the source's)."""
    key = visible_key(value)
    if not key:
        return None
    found = "line" if any(k == key or _BY.sub("", k) == key for k in dump_keys) else \
        "inside" if any(key in k for k in dump_keys) else None
    if found and dump_lines is not None:
        exact = _norm(value.translate(_QUOTES))
        if not any(exact in _norm(line.translate(_QUOTES)) for line in dump_lines):
            return "case"
    return found


class _Trace:
    """Which step of headline.title_line gave the title, and which byline pass gave the byline."""

    TITLE_STEPS = ("_tab_title_echo", "_best_header_line", "_title_over_header", "_headline_over_dek",
                   "_headline_before", "_line_over_byline", "_short_headline_before", "_headline_over_byline",
                   "_sentence_headline")
    BYLINE_STEPS = ("name_over_date", "name_under_date", "name_with_role", "author_list", "bio_name",
                    "author_box_name", "copyright_owner")

    def __init__(self):
        self.calls: list[tuple[str, object]] = []
        self.saved = {}  # (module, name) -> the pass
        for module, steps in ((clean_headline, self.TITLE_STEPS), (clean_bylines, self.BYLINE_STEPS)):
            for name in steps:
                self.saved[module, name] = getattr(module, name)
                setattr(module, name, self._wrap(name, self.saved[module, name]))
        self.saved_names = clean_metalines._MetaScan.names
        trace = self

        def names(scan, i, *args):
            before = scan.byline
            trace.saved_names(scan, i, *args)
            if scan.byline and not before:
                trace.calls.append(("scan", scan.lines[i].text))
        clean_metalines._MetaScan.names = names

    def _wrap(self, name, func):
        def traced(*args, **kwargs):
            out = func(*args, **kwargs)
            self.calls.append((name, out[0] if isinstance(out, tuple) else out))
            return out
        return traced

    def close(self):
        for (module, name), func in self.saved.items():
            setattr(module, name, func)
        clean_metalines._MetaScan.names = self.saved_names

    def title_source(self) -> str:
        src, prev = "none", None
        for name, out in self.calls:
            if name in self.TITLE_STEPS and isinstance(out, int) and out != prev:
                src, prev = name.lstrip("_"), out
        return src

    def byline_source(self) -> str:
        for name, out in self.calls:
            if (name == "scan" or name in self.BYLINE_STEPS) and out:
                return f"{name.lstrip('_')}: {str(out)[:60]}"
        return "none"


def _record(page: dict, trace: _Trace) -> dict | None:
    from workers.stages import clean as clean_stage
    from workers.stages.errors import StageError

    trace.calls.clear()
    try:
        return clean_stage.clean({"id": page["name"], "source": None, "content_type": "text/plain",
                                  "content": page["dump"], "fetched_at": None})
    except StageError:
        return None


def _author_hit(page: dict, authors) -> bool:
    if page["set"] == "web-pages-en":
        return author_set(authors) == author_set(page["gold"]["author"])
    return bool(author_found(authors, page["gold"]["author"]))


def _gold_authors(page: dict) -> list[str]:
    gold = page["gold"]["author"]
    if page["set"] == "readability":
        return [gold]  # a raw byline ("By Jane Doe March 4, 2015"): shown or not as one string
    return sorted(author_set(gold))


def rows(field: str | None = None):
    """[(set, name, field, count, gold, ours, source)] over the dev pages."""
    out = []
    trace = _Trace()
    try:
        for page in pages():
            gold = page["gold"]
            if "title" not in gold and "author" not in gold:
                continue
            record = _record(page, trace) or {"title": None, "authors": []}
            dump_lines = [line for line in page["dump"].splitlines() if line.strip()]
            keys = [visible_key(line) for line in dump_lines]
            if "title" in gold and field in (None, "title"):
                hit = _norm(record["title"]) == _norm(gold["title"])
                seen = shown(gold["title"], keys, dump_lines)
                count = "hit" if hit else "not-shown" if not seen else "other-case" if seen == "case" else \
                    "shown-missed" if not record["title"] else "shown-other"
                out.append((page["set"], page["name"], "title", count, f"[{seen}] {gold['title']}",
                            record["title"], trace.title_source()))
            if "author" in gold and field in (None, "author"):
                hit = _author_hit(page, record["authors"])
                golds = _gold_authors(page)
                seen = [g for g in golds if shown(g, keys)]
                count = "hit" if hit else "not-shown" if not seen else \
                    "shown-missed" if not record["authors"] else "shown-other"
                out.append((page["set"], page["name"], "author", count,
                            f"[{len(seen)}/{len(golds)} shown] {gold['author']}", record["authors"],
                            trace.byline_source()))
    finally:
        trace.close()
    return out


def main(argv: list[str]) -> int:
    """The command line: parse the arguments, run the sections, print the figures (see the module's
    docstring); the exit code."""
    field = argv[argv.index("--field") + 1] if "--field" in argv else None
    listed = argv[argv.index("--list") + 1] if "--list" in argv else None
    found = rows(field)
    counts = Counter((s, f, c) for s, _, f, c, *_ in found)
    for s in sorted({r[0] for r in found}):
        for f in ("title", "author"):
            n = sum(v for (s2, f2, _), v in counts.items() if s2 == s and f2 == f)
            if n:
                parts = ", ".join(f"{c} {counts[(s, f, c)]}"
                                  for c in ("hit", "shown-missed", "shown-other", "other-case", "not-shown"))
                print(f"{s:13} {f:6} ({n}): {parts}")
    if listed:
        for s, name, f, c, gold, ours, src in found:
            if c == listed:
                print(f"\n{s} {name} {f}\n  gold: {gold}\n  ours: {ours}\n  from: {src}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
