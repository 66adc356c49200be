"""Ablation of the HTML path's post-passes and voters (issue 10 item 2): each pass switched off in turn.

Bench-only: a pass is switched off by patching the clean stage's module attributes inside a context
manager (``ablated``); no worker setting, no code path in ``workers/`` knows about it. Every page's
extraction (``html.extract``: trafilatura's three modes, readability-lxml, jusText, the marked chrome) is
computed once and reused by every variant (the passes switched off here run after it, but those of
EXTRACTION_ABLATIONS, which sit inside it and run with it computed afresh), so one variant costs only the
line passes.

Scored on the dev data only: the dev thirds of the held-out sets readability and newspaper
(``bench.heldout.third(pages, "dev")``: body word-4-shingle P / R / F1) and web-pages-en whole
(``bench.devset``: with-recall, without-precision, pages fully right, snippet F1). Held thirds are
never loaded here.

``python -m bench.ablation_html [--only name,name] [--drops]``; ``--drops`` lists, per kind, the candidate
lines that trafilatura's default text and readability-lxml's both hold but our record leaves out
(issue 10's recall gap), counted over all the dev pages.
"""

from __future__ import annotations

import contextlib
import copy
import sys
from collections import Counter
from unittest import mock

from bench import devset, heldout
from bench.metrics import shingle_f1
from workers.stages.clean import core, lines as ln, sections, voting
from workers.stages.clean import bylines as clean_bylines
from workers.stages.clean import metalines as clean_metalines
from workers.stages.clean import paragraphs as clean_paragraphs
from workers.stages.clean import run as clean_run


def _no_marked(kind: str):
    original = clean_run._marked_lines

    def marked(lines, marked_chrome, votes=None):
        # "captions" switches off the alt-text captions too (html.alt_captions, kept apart to match whole lines)
        return original(lines, {k: ("" if k in (kind, f"alt_{kind}") else t) for k, t in marked_chrome.items()}, votes)
    return mock.patch.object(clean_run, "_marked_lines", marked)


def _reasons_off(reasons: frozenset[str]):
    original = ln._boilerplate_reason

    def reason(line, tokens):
        found = original(line, tokens)
        return None if found in reasons else found
    return mock.patch.object(ln, "_boilerplate_reason", reason)


def _keep_with(**change):
    """voting.keep with some of its inputs replaced: chrome all False (our classifier's chrome verdict
    ignored), readability_only empty (readability-lxml's own paragraphs judged as the others)."""
    original = voting.keep

    def keep(texts, chrome, prose, readability_only, votes, marked=None, table_cells=None):
        if change.get("no_chrome"):
            chrome = [False] * len(texts)
        if change.get("no_readability_only"):
            readability_only = set()
        return original(texts, chrome, prose, readability_only, votes, marked=marked, table_cells=table_cells)
    return mock.patch.object(voting, "keep", keep)


def _unbacked_filter_off():
    """voting.keep without its filter of non-prose lines no extractor backs (stray runs still cut)."""
    original_backed = voting._backed

    def backed(text, votes):
        # the filter asks with all four votes; the stray-run test asks without jusText
        return True if "justext" in votes else original_backed(text, votes)
    return mock.patch.object(voting, "_backed", backed)


def _identity(module, name: str):
    return mock.patch.object(module, name, lambda lines, *a, **k: lines)


ABLATIONS = {
    "marked_other": lambda: _no_marked("other"),
    "marked_captions": lambda: _no_marked("captions"),
    "marked_dialogs": lambda: _no_marked("dialogs"),
    "marked_comments": lambda: _no_marked("comments"),
    "never_rescued": lambda: mock.patch.object(clean_run, "_never_rescued", lambda lines: [False] * len(lines)),
    "stray_runs": lambda: mock.patch.object(voting, "_without_stray_runs", lambda out, *a: out),
    "unbacked_nonprose": _unbacked_filter_off,
    "menu_lines": lambda: mock.patch.object(voting, "_menu_lines", lambda texts: set()),
    "default_only_tail": lambda: mock.patch.object(voting, "_without_default_only_tail", lambda out, *a: out),
    "rescue_4_of_4": lambda: mock.patch.object(voting, "_EXTRACTORS", 99),
    "readability_only_rule": lambda: _keep_with(no_readability_only=True),
    "classifier_chrome": lambda: _keep_with(no_chrome=True),
    "sections_mark": lambda: _identity(sections, "mark"),
    "read_more_teasers": lambda: _identity(sections, "mark_read_more_teasers"),
    "doubled_captions": lambda: _identity(sections, "mark_doubled_captions"),
    "cut_headlines": lambda: _identity(sections, "mark_cut_headlines"),
    "cell_kinds": lambda: mock.patch.object(voting, "cell_kinds", lambda lines, kinds, cells: kinds),
    "pull_quote": lambda: mock.patch.object(clean_paragraphs, "_PULL_QUOTE_MIN_WORDS", 10 ** 9),
    "author_bio": lambda: mock.patch.object(clean_bylines, "drop_author_bio", lambda p, b, r: p),
    "captions_step7": lambda: mock.patch.object(core.md, "is_caption", lambda *a, **k: False),
    # variants, not ablations: the chrome rescue with fewer extractors agreeing
    "rescue_3_of_4": lambda: mock.patch.object(voting, "_EXTRACTORS", 3),
    "rescue_2_of_4": lambda: mock.patch.object(voting, "_EXTRACTORS", 2),
    "shown_standfirst": lambda: mock.patch.object(clean_paragraphs, "shown_standfirst", lambda text, article: None),
    # inside the extraction (voting._merge): a candidate with one edit in one place is no variant
    "variant_insert": lambda: mock.patch.object(voting, "VARIANT_INSERT_MAX_WORDS", 0),
}
# the ablations of a step inside html.extract: their pages are extracted again, not read from the memo
EXTRACTION_ABLATIONS = frozenset(("variant_insert",))

# every (module, attribute) an ablation above replaces (the unit tests check each is restored)
PATCHED = (
    (clean_run, "_marked_lines"), (clean_run, "_never_rescued"), (clean_paragraphs, "_PULL_QUOTE_MIN_WORDS"), (clean_bylines, "drop_author_bio"),
    (clean_paragraphs, "shown_standfirst"), (core.md, "is_caption"), (voting, "_without_stray_runs"), (voting, "_backed"),
    (voting, "_menu_lines"), (voting, "_without_default_only_tail"), (voting, "VARIANT_INSERT_MAX_WORDS"), (voting, "_EXTRACTORS"), (voting, "keep"), (voting, "cell_kinds"), (sections, "mark"),
    (sections, "mark_read_more_teasers"), (sections, "mark_doubled_captions"), (sections, "mark_cut_headlines"),
)


@contextlib.contextmanager
def ablated(names):
    """The clean stage with the named passes (ABLATIONS keys, or "reason:a+b" for classifier reasons
    switched off) switched off inside the block. classify's memo across documents is emptied on the
    way in and out: a line classified with a pass on must not be served with it off, nor the reverse."""
    with contextlib.ExitStack() as stack:
        stack.callback(ln.clear_line_memo)
        for name in names:
            if name.startswith("reason:"):
                stack.enter_context(_reasons_off(frozenset(name[7:].split("+"))))
            else:
                stack.enter_context(ABLATIONS[name]())
        ln.clear_line_memo()
        yield


_EXTRACT = core.html_extract.extract


def fresh_extraction(names):
    """html.extract itself, not cached_extraction's memo, when one of `names` is in EXTRACTION_ABLATIONS;
    else nothing changes."""
    if not EXTRACTION_ABLATIONS.intersection(names):
        return contextlib.nullcontext()
    return mock.patch.object(core.html_extract, "extract", _EXTRACT)


@contextlib.contextmanager
def cached_extraction():
    """html.extract memoised per page text (every variant runs after it)."""
    original = core.html_extract.extract
    memo: dict[str, dict] = {}

    def extract(html):
        if html not in memo:
            memo[html] = original(html)
        return copy.deepcopy(memo[html])
    with mock.patch.object(core.html_extract, "extract", extract):
        yield


def dev_pages() -> dict[str, list]:
    """{"readability": dev third, "newspaper": dev third, "web-pages-en": all} (name, html, gold)."""
    return {
        "readability": heldout.third(heldout.load_readability(), "dev"),
        "newspaper": heldout.third(heldout.load_newspaper(), "dev"),
        "web-pages-en": devset.load_devset(),
    }


def run(pages: dict[str, list]) -> tuple[dict[str, tuple[float, ...]], dict[str, str], dict[str, float]]:
    """({set: figures}, {set/page: text}, {set/page: F1}) of ours-html on the dev pages."""
    figures, texts, f1 = {}, {}, {}
    for which, items in pages.items():
        rows = []
        for name, html, gold in items:
            if which == "web-pages-en":
                body, title, authors, date = devset.ours(html, "text/html", name)
                page = devset.score_page(body, title, authors, date, gold)
                rows.append((page["with"], page["without"], page["all_right"], page["body_f1"]))
            else:
                body = heldout.ours(html, name)[0]
                rows.append(shingle_f1(body, gold["body"]))
            texts[f"{which}/{name}"] = body
            f1[f"{which}/{name}"] = rows[-1][-1]
        figures[which] = tuple(sum(col) / len(col) for col in zip(*rows))
    return figures, texts, f1


def _moves(f1: dict[str, float], base: dict[str, float]) -> str:
    """Per set, pages whose F1 rose / fell (by more than 0.001) with the pass switched off."""
    out = {}
    for key, value in f1.items():
        which = key.split("/", 1)[0]
        up, down = out.get(which, (0, 0))
        out[which] = (up + (value > base[key] + 0.001), down + (value < base[key] - 0.001))
    return " ".join(f"{which[:4]} +{up}/-{down}" for which, (up, down) in out.items())


def _row(label: str, figures, base=None, changed: int | None = None) -> str:
    cells = []
    for which, values in figures.items():
        for i, value in enumerate(values):
            delta = "" if base is None else f"{value - base[which][i]:+.3f}"
            cells.append(f"{value:.3f}{delta:>7}" if base is not None else f"{value:.3f}")
    return f"{label:22} " + " | ".join(cells) + ("" if changed is None else f" | {changed} pages")


def drops(pages: dict[str, list]) -> Counter:
    """Kinds of the candidate lines trafilatura's default text and readability-lxml's both hold that our
    record leaves out, over all the dev pages: the classifier's reason, marked chrome, the vote's other
    rules, or a later step."""
    seen: list = []
    original_lines, original_meta = clean_run.article_lines, clean_metalines.metadata_lines

    def article_lines(lines, kinds, **k):
        keep = original_lines(lines, kinds, **k)
        seen.append({"lines": lines, "voted": list(keep), "votes": k.get("votes")})
        return keep

    def metadata_lines(lines, keep):
        found = original_meta(lines, keep)
        seen[-1]["after_meta"] = list(keep)
        seen[-1]["meta"] = found.meta
        return found

    kinds: Counter = Counter()
    with mock.patch.object(clean_run, "article_lines", article_lines), \
            mock.patch.object(clean_metalines, "metadata_lines", metadata_lines):
        for which, items in pages.items():
            for name, html, gold in items:
                seen.clear()
                body = (devset.ours(html, "text/html", name) if which == "web-pages-en" else heldout.ours(html, name))[0]
                if not seen or seen[-1]["votes"] is None:
                    continue
                _count_drops(seen[-1], voting.norm(body), kinds, f"{which}/{name}")
    return kinds


def _count_drops(state: dict, text: str, kinds: Counter, page: str) -> None:
    votes = state["votes"]["votes"]
    marked = clean_run._marked_lines(state["lines"], state["votes"].get("marked_chrome") or {}, state["votes"]["votes"])
    never = clean_run._never_rescued(state["lines"])
    both = (votes.get("trafilatura", ""), votes.get("readability", ""))
    for i, line in enumerate(state["lines"]):
        key = voting.norm(line.text)
        if len(key.split()) < 4 or key in text or not all(key in blob for blob in both):
            continue
        if line.kind == "boilerplate":
            kind = f"classifier:{line.reason}"
        elif not state["voted"][i]:
            kind = "vote:marked chrome" if marked[i] else "vote:never rescued" if never[i] else "vote:menu/unbacked/stray"
        elif state["meta"][i]:
            kind = "metadata line"
        elif not state["after_meta"][i]:
            kind = "title/standfirst line"
        else:
            kind = "later step (repeat/pull quote/caption/bio/title)"
        kinds[kind] += 1
        kinds[(kind, page.split("/")[0])] += 1
        print(f"  drop [{kind}] {page}: {key[:110]}")


def _show(texts: dict[str, str], base: dict[str, str], f1: dict[str, float], base_f1: dict[str, float]) -> None:
    for key, text in texts.items():
        if text == base[key]:
            continue
        old, new = set(base[key].splitlines()), set(text.splitlines())
        print(f"    {key}: F1 {base_f1[key]:.3f} -> {f1[key]:.3f}")
        for line in sorted(new - old)[:6]:
            print(f"      + {line[:120]}")
        for line in sorted(old - new)[:6]:
            print(f"      - {line[:120]}")


def main(argv: list[str]) -> int:
    """The command line: parse the arguments, run the sections, print the figures (see the module's
    docstring); the exit code."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m bench.ablation_html")
    parser.add_argument("--only", help="comma-separated ablations (ABLATIONS keys or reason:a+b)")
    parser.add_argument("--show", action="store_true", help="the lines each variant adds (+) or takes out (-)")
    parser.add_argument("--drops", action="store_true", help="kinds of lines both extractors keep and we drop")
    args = parser.parse_args(argv)
    pages = dev_pages()
    with cached_extraction():
        if args.drops:
            kinds = drops(pages)
            print("\nlines both trafilatura and readability-lxml keep, left out by us, per kind:")
            for kind, count in kinds.most_common():
                if isinstance(kind, str):
                    per_set = {s: kinds[(kind, s)] for s in pages if kinds[(kind, s)]}
                    print(f"  {count:4}  {kind}  {per_set}")
            return 0
        base, base_texts, base_f1 = run(pages)
        print("ours-html on the dev data; readability dev / newspaper dev: P R F1; web-pages-en: with without "
              "fully F1 (each figure and its change with the pass switched off)")
        print(_row("all passes on", base))
        names = args.only.split(",") if args.only else list(ABLATIONS)
        for name in names:
            with ablated(name.split(",")), fresh_extraction(name.split(",")):
                figures, texts, f1 = run(pages)
            changed = sum(texts[k] != base_texts[k] for k in base_texts)
            print(_row(f"- {name}", figures, base, changed) + f" | F1 up/down: {_moves(f1, base_f1)}", flush=True)
            if args.show:
                _show(texts, base_texts, f1, base_f1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
