"""Ablation of the plain-text path's passes: what each pass costs and gains on the dev pages.

Each switch turns one pass of the dump path off (a bench-only monkeypatch of ``workers.stages.clean``;
nothing in ``workers/`` reads it) and the text path is scored again on every dev page: the ``--third dev``
pages of the held-out sets readability and newspaper (bench.heldout: word-4-shingle P / R / F1) and all of
web-pages-en (bench.devset: with-recall, without-precision, snippet F1). The held thirds are never loaded
here. A pass whose switch-off raises the held-out dev thirds while its gain is a few web-pages-en pages is
a candidate to narrow or drop.

``python -m bench.ablation_text [--passes a,b] [--pages]`` (``--pages``: the pages each switch changes, with
their figure before and after); ``python -m bench.ablation_text --lost``: lines our HTML path keeps and the
text path drops on the same page, grouped by the reason the text path gave them.
The dumps and the HTML path's text are cached in ``$NEWSFEED_ABLATION_CACHE`` (default
``.cache/ablation_text.pkl``): delete it after changing the HTML path.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import re
import sys
from collections import Counter
from pathlib import Path

from bench.devset import _norm, dump, load_devset, score_page
from bench.heldout import load_newspaper, load_readability, third
from bench.metrics import shingle_f1
from workers.stages.clean import bylines as clean_bylines
from workers.stages.clean import run as clean_run
from workers.stages.clean import structure as clean_structure

CACHE = Path(os.environ.get("NEWSFEED_ABLATION_CACHE") or Path(__file__).resolve().parent.parent / ".cache" / "ablation_text.pkl")
SETS = ("readability", "newspaper", "web-pages-en")


def _record(content: str, name: str, content_type: str) -> dict | None:
    from workers.stages import clean as clean_stage
    from workers.stages.errors import StageError

    try:
        return clean_stage.clean({"id": name, "source": None, "content_type": content_type,
                                  "content": content, "fetched_at": None})
    except StageError:
        return None


def pages() -> list[dict]:
    """[{set, name, dump, gold, html_body}] for the dev pages (dev thirds of the held-out sets, all of
    web-pages-en); cached."""
    if CACHE.exists():
        return pickle.loads(CACHE.read_bytes())
    out = []
    loaded = [("readability", third(load_readability(), "dev")), ("newspaper", third(load_newspaper(), "dev")),
              ("web-pages-en", load_devset())]
    for which, found in loaded:
        for name, html, gold in found:
            record = _record(html, name, "text/html")
            out.append({"set": which, "name": name, "dump": dump(html), "gold": gold,
                        "html_body": record["body"] if record else ""})
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    CACHE.write_bytes(pickle.dumps(out))
    return out


def page_figures(page: dict) -> dict[str, float]:
    """The text path's figures on one page: {"f1", "p", "r"} for the held-out sets (shingles),
    {"f1", "with", "without"} for web-pages-en (snippets)."""
    record = _record(page["dump"], page["name"], "text/plain")
    if page["set"] == "web-pages-en":
        if record is None:
            return score_page("", None, None, None, page["gold"]) | {"f1": 0.0}
        text = "\n".join(filter(None, (record["title"], record.get("summary"),
                                       f"{record['dateline']} - " if record["dateline"] else None)))
        text = f"{text}\n{record['body']}" if not record["dateline"] else f"{text}{record['body']}"
        figures = score_page(text, None, None, None, page["gold"])
        return {"f1": figures["body_f1"], "with": figures["with"], "without": figures["without"]}
    text = "" if record is None else "\n".join(filter(None, (record.get("summary"), record["dateline"], record["body"])))
    p, r, f1 = shingle_f1(text, page["gold"]["body"])
    return {"f1": f1, "p": p, "r": r}


def _under_heading_next_only(lines, i, end):
    """structure._under_heading without the one-short-line gap: the line right under the heading only."""
    from workers.stages.clean import lines as ln, vocabulary as v

    j = i + 1
    if j < end and (lines[j].kind == ln.PROSE or v.BULLET.match(lines[j].text) or clean_structure._numbered_heading(lines, j, end)):
        return j
    return None


def _header_line_unmarked(original):
    """run._header_line as before the ninth session: a list item is never a header line."""
    from workers.stages.clean import vocabulary as v

    return lambda text: v.BULLET.match(text) is None and original(text)


def _noop(*args, **kwargs):
    return None


def _without_reason(reason: str):
    """A patch of lines._boilerplate_reason that never gives ``reason`` (the line is judged as text)."""
    from workers.stages.clean import lines as ln

    original = ln._boilerplate_reason

    def patched(line, tokens):
        found = original(line, tokens)
        return None if found == reason else found

    return ln, "_boilerplate_reason", patched


def _without_kind(kind: str):
    """A patch of sections.line_kinds that never gives the section kind ``kind``."""
    from workers.stages.clean import sections

    original = sections.line_kinds
    return sections, "line_kinds", lambda lines: [None if k == kind else k for k in original(lines)]


def switches() -> dict[str, list[tuple]]:
    """{pass name: [(module, attribute, replacement)]}: each turns one pass of the dump path off."""
    from workers.stages.clean import core, lines as ln, sections

    never = re.compile(r"(?!)")  # a pattern that matches nothing
    out = {
        "article_above_closing": [(clean_run, "_article_above_closing", lambda lines, kinds, s, e: (s, e))],
        "lead_above_run": [(clean_run, "_lead_above_run", lambda lines, s: s)],
        "labels_above_run": [(clean_run, "_labels_above_run", lambda lines, s: s)],
        "end_across_inline_boxes": [(clean_run, "_end_across_inline_boxes", lambda lines, e: e)],
        "end_before_post_footer": [(clean_run, "_end_before_post_footer", lambda lines, s, e: e)],
        "end_at_page_footer": [(clean_run, "_end_at_page_footer", lambda lines, s, e: e)],
        "end_before_link_list": [(clean_run, "_end_before_link_list", lambda lines, s, e: e)],
        "inner_structure": [(clean_structure, "keep_inner_structure", lambda lines, keep, s, e: clean_structure._keep_colon_blocks(lines, keep, s, e))],
        "colon_blocks": [(clean_structure, "_keep_colon_blocks", _noop)],
        "recipe": [(clean_structure, "_keep_recipe", _noop)],
        "code_blocks": [(clean_structure, "_keep_code_blocks", _noop)],
        "tweets": [(clean_structure, "_keep_tweets", _noop)],
        "tables": [(clean_structure, "_keep_tables", _noop)],
        "closing_list": [(clean_structure, "_keep_closing_list", _noop)],
        "numbered_lists": [(clean_structure, "_keep_numbered_lists", _noop)],
        "drop_author_bio": [(clean_bylines, "drop_author_bio", lambda paragraphs, byline, removed: paragraphs)],
        "read_more_teasers": [(sections, "mark_read_more_teasers", lambda lines: lines)],
        "cut_headlines": [(sections, "mark_cut_headlines", lambda lines: lines)],
        "doubled_captions": [(sections, "mark_doubled_captions", lambda lines: lines)],
        "teaser_bullet_run": [(sections, "_bullet_run", lambda lines, kinds, start: start)],
        "teaser_card_run": [(sections, "_card_run", lambda lines, kinds, start: start)],
        "hard_end_lines": [(ln, "_HARD_END", never)],
        "roster": [(ln, "_is_roster", lambda text, tokens, stop: False)],
        "split_blocks": [(core, "split_page", lambda lines: (lines, None))],
        "subheading_over_gap": [(clean_structure, "_under_heading", _under_heading_next_only)],
        "long_subheadings": [(clean_structure, "_long_subheading", lambda line: False)],
        "card_bullet_shape": [(sections, "_card_shape", lambda line: line.kind in ln.CONTENT_KINDS)],
        # ninth session (bench.text_losses)
        "list_item_header": [(clean_run, "_header_line", _header_line_unmarked(clean_run._header_line))],
        "colon_intro": [(clean_structure, "_colon_intro", lambda line: False)],
        "title_case_headings": [(clean_structure, "_TITLE_CASE_HEADINGS_MIN", 10 ** 9)],
        "lead_above_contents": [(clean_run, "_lead_above_contents", lambda lines, start: start)],
        "signup_pitch_words": [(sections, "_pitch", lambda line: line.n <= sections.SIGNUP_PITCH_MAX_WORDS)],
        "signup_box_crossing": [(clean_run, "_signup_box", lambda lines, i: False)],
    }
    for kind in ("teasers", "signup", "comments", "legal", "paywall"):
        out[f"section:{kind}"] = [_without_kind(kind)]
    for reason in ("ui_vocabulary", "comment_prompt", "comment_heading", "advertisement", "end_marker",
                   "about_section", "credits", "copyright", "cookie_notice", "promo", "site_notice", "author_bio"):
        out[f"reason:{reason}"] = [_without_reason(reason)]
    return out


@contextlib.contextmanager
def switched_off(patches: list[tuple]):
    """The patches (module, attribute, value) applied inside the block, the originals put back after it;
    classify's memo across documents emptied both ways (a line classified with a pass on must not be
    served with it off, nor the reverse)."""
    from workers.stages.clean import lines as ln

    saved = [(module, name, getattr(module, name)) for module, name, _ in patches]
    try:
        for module, name, value in patches:
            setattr(module, name, value)
        ln.clear_line_memo()
        yield
    finally:
        for module, name, value in saved:
            setattr(module, name, value)
        ln.clear_line_memo()


def summary(figures: list[dict], dev: list[dict]) -> dict[str, tuple]:
    """{set: (mean figures...)}: P/R/F1 for held-out sets, with/without/F1 for web-pages-en."""
    out = {}
    for which in SETS:
        rows = [f for f, page in zip(figures, dev) if page["set"] == which]
        if not rows:
            continue
        keys = ("with", "without", "f1") if which == "web-pages-en" else ("p", "r", "f1")
        out[which] = tuple(sum(r[k] for r in rows) / len(rows) for k in keys)
    return out


def _show(label: str, table: dict[str, tuple], base: dict[str, tuple] | None = None) -> None:
    cells = []
    for which, values in table.items():
        text = " ".join(f"{x:.3f}" for x in values)
        if base:
            text += f" ({values[-1] - base[which][-1]:+.3f})"
        cells.append(f"{which[:5]} {text}")
    print(f"  {label:26} " + " | ".join(cells))


def ablate(names: list[str] | None = None, show_pages: bool = False) -> None:
    """The dev pages' figures with every pass on, then with each switch of `switches()` (or only those
    in `names`) off: the change of each figure and the pages better or worse; `show_pages` lists them."""
    dev = pages()
    base = [page_figures(page) for page in dev]
    base_table = summary(base, dev)
    print("dev pages: " + ", ".join(f"{w} {sum(p['set'] == w for p in dev)}" for w in SETS))
    print("  (readability/newspaper: P R F1; web-pages-en: with without F1; F1 change against all passes on)")
    _show("all passes on", base_table)
    for name, patches in switches().items():
        if names and name not in names:
            continue
        with switched_off(patches):
            figures = [page_figures(page) for page in dev]
        changed = [(page, b, f) for page, b, f in zip(dev, base, figures) if abs(b["f1"] - f["f1"]) > 1e-9]
        better = {w: sum(1 for page, b, f in changed if page["set"] == w and f["f1"] > b["f1"]) for w in SETS}
        worse = {w: sum(1 for page, b, f in changed if page["set"] == w and f["f1"] < b["f1"]) for w in SETS}
        _show(f"off: {name}", summary(figures, dev), base_table)
        print(f"  {'':26} pages better/worse when off: "
              + ", ".join(f"{w[:5]} {better[w]}/{worse[w]}" for w in SETS))
        if show_pages:
            for page, b, f in changed:
                print(f"      {page['set'][:5]} {page['name']}: {b['f1']:.3f} -> {f['f1']:.3f}")


def lost_lines(limit: int = 0) -> None:
    """Lines our HTML path keeps in the body and the text path drops on the same page, by the text
    path's reason for the line (lines.Line.reason, or "outside run" for content lines the run left out),
    counted over pages and sets."""
    from workers.stages.clean import lines as ln, sections
    from workers.stages.clean.blocks import split_blocks
    from workers.stages.clean.normalise import normalise_text, split_lines

    dev = pages()
    kinds_by_reason: Counter = Counter()
    pages_by_reason: dict[str, set] = {}
    examples: dict[str, list] = {}
    for page in dev:
        record = _record(page["dump"], page["name"], "text/plain")
        kept = {_norm(p).casefold() for p in (record["paragraphs"] if record else [])}
        if record:
            kept |= {_norm(x).casefold() for x in (record["title"], record.get("summary"), record["dateline"]) if x}
        html_lines = {_norm(p).casefold() for p in page["html_body"].split("\n") if len(p.split()) >= 3}
        texts = split_blocks(split_lines(normalise_text(page["dump"])))
        lines = ln.classify(texts)
        kinds = sections.line_kinds(lines)
        lines = sections.mark_doubled_captions(sections.mark_cut_headlines(
            sections.mark_read_more_teasers(sections.mark(lines, kinds))))
        keep = clean_run.article_lines(lines, kinds, trusted=False, keep_flags=None, votes=None)
        for i, line in enumerate(lines):
            key = _norm(line.text).casefold()
            if key not in html_lines or key in kept or any(key in k for k in kept):
                continue
            if line.kind == "boilerplate":
                reason = f"reason:{line.reason}"
            elif keep[i]:
                reason = "kept, dropped later (meta/title/repeat/bio)"
            else:
                reason = f"outside run ({line.kind})"
            kinds_by_reason[reason] += 1
            pages_by_reason.setdefault(reason, set()).add((page["set"], page["name"]))
            examples.setdefault(reason, []).append(f"{page['set'][:5]} {page['name'][:30]}: {line.text[:110]}")
    for reason, count in kinds_by_reason.most_common():
        found = pages_by_reason[reason]
        sets = Counter(s for s, _ in found)
        print(f"{count:5} lines on {len(found):3} pages ({', '.join(f'{s[:5]} {n}' for s, n in sets.items())}): {reason}")
        for example in examples[reason][:limit]:
            print(f"        {example}")


def main(argv: list[str]) -> int:
    """The command line: parse the arguments, run the sections, print the figures (see the module's
    docstring); the exit code."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m bench.ablation_text")
    parser.add_argument("--passes", help="comma-separated switch names (default: all)")
    parser.add_argument("--pages", action="store_true", help="the pages each switch changes")
    parser.add_argument("--lost", type=int, nargs="?", const=5, default=None,
                        help="lines the HTML path keeps and the text path drops, by reason (N examples each)")
    args = parser.parse_args(argv)
    if args.lost is not None:
        lost_lines(args.lost)
        return 0
    ablate(args.passes.split(",") if args.passes else None, args.pages)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
