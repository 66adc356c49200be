"""Article lines the plain-text path drops, with the reason it drops them, grouped by kind.

The same page goes through both of our paths: the HTML path (its body) and the text path (the page's
visible-text dump, bench.devset.dump). A dump line the HTML path keeps in its body, or the gold holds
(the held-out sets' gold text; web-pages-en's ``with`` snippets), and the text record leaves out is a
loss of the text path that needs no gold to be trusted when both hold it. Each lost line is given the
text path's reason: its classifier reason (a chrome line), a metadata line, kept by the run but
dropped later (a title copy, a repeat, a caption, an author bio: the ``removed`` counters), a short
line inside the run the structure passes did not keep, or outside the chosen run: above or below it,
with the pass that moved the run's edge (``_article_above_closing``, the ``_end_*`` passes) or, when
the densest run itself stops there, the lines between (the barrier: a hard end, chrome lines by
reason, a run of short lines, bullets).

Pages: the ``--third dev`` pages of readability and newspaper and all of web-pages-en (the cache of
bench.ablation_text); held thirds are never loaded. ``python -m bench.text_losses [--examples N]
[--kind SUBSTRING] [--by-kind]``.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict

from bench.ablation_text import _record, pages
from bench.devset import _norm
from workers.stages.clean import metalines as clean_metalines
from workers.stages.clean import run as clean_run

MIN_WORDS = 3  # shorter lines match the HTML body or the gold by chance ("Share", "Read more")


def _boundaries(lines, kinds) -> dict[str, tuple[int, int]]:
    """The run's [start, end) after each step of the dump branch of the stage's run.article_lines (run.run_edges)."""
    return clean_run.run_edges(lines, kinds)


def _barrier(gap) -> str:
    """What stops the densest run between a lost line and the run: a hard end, else the gap's most
    costly kind of line (chrome by reason, short lines, bullets) by summed negative score."""
    from workers.stages.clean import lines as ln
    from workers.stages.clean import vocabulary as v

    hard = [x for x in gap if x.hard_end]
    if hard:
        return f"hard end ({hard[0].reason or 'pattern'})"
    cost: Counter = Counter()
    for x in gap:
        if x.score >= 0:
            continue
        if x.kind == "boilerplate":
            cost[f"chrome:{x.reason}"] -= x.score
        elif v.BULLET.match(x.text):
            cost["bullets"] -= x.score
        elif x.kind == ln.SHORT:
            cost["short lines"] -= x.score
        else:
            cost[x.kind] -= x.score
    return cost.most_common(1)[0][0] if cost else "no barrier"


def _why(i, line, keep, meta, runs) -> str:
    """The text path's reason for dropping line i."""
    from workers.stages.clean import lines as ln
    from workers.stages.clean import vocabulary as v

    if line.kind == "boilerplate":
        return f"chrome:{line.reason}"
    if meta[i]:
        return "metadata line"
    if keep[i]:
        return "kept, dropped later"
    s, e = runs["final"]
    if s <= i < e:
        shape = "bullet" if v.BULLET.match(line.text) else line.kind
        return f"in run, not kept ({shape})"
    steps = ("densest", "above_closing", "lead_labels", "inline_boxes", "post_footer", "page_footer", "final")
    for before, after in zip(steps, steps[1:]):
        (s0, e0), (s1, e1) = runs[before], runs[after]
        if s0 <= i < e0 and not s1 <= i < e1:
            return f"cut by {after}"
    s, e = runs["densest"]
    return f"below run: {_barrier(runs['lines'][e:i])}" if i >= e else f"above run: {_barrier(runs['lines'][i + 1:s])}"


def page_losses(page: dict) -> list[dict]:
    """[{line, words, why, html, gold}] for the dump lines of one page the text path drops."""
    from workers.stages.clean import core
    from workers.stages.clean.blocks import split_blocks
    from workers.stages.clean.normalise import normalise_text, split_lines

    record = _record(page["dump"], page["name"], "text/plain")
    out_text, tails = "", []
    if record:
        out_text = _norm(" \n ".join(filter(None, [record["title"], record.get("summary"), record["dateline"]]
                                            + record["paragraphs"]))).casefold()
        tails = [_norm(p).casefold() for p in record["paragraphs"][:4] if p.count(" ") >= 2]  # a lead without its dateline
    html = _norm(page["html_body"]).casefold()
    gold = page["gold"]
    if page["set"] == "web-pages-en":
        wanted = [_norm(s).casefold() for s in gold.get("with", []) if _norm(s)]
    else:
        gold_text = _norm(gold["body"]).casefold()
    texts = split_blocks(split_lines(normalise_text(page["dump"])))[: core.MAX_LINES]
    lines, kinds = core._classified_lines(texts, None)
    keep = clean_run.article_lines(lines, kinds, trusted=False, keep_flags=None, votes=None)
    meta = clean_metalines.metadata_lines(lines, keep).meta
    runs = _boundaries(lines, kinds) | {"lines": lines}
    losses = []
    for i, line in enumerate(lines):
        key = _norm(line.text).casefold()
        if line.n < MIN_WORDS or key in out_text or any(key.endswith(tail) for tail in tails):
            continue
        in_html = key in html
        in_gold = any(s in key for s in wanted) if page["set"] == "web-pages-en" else key in gold_text
        if in_html or in_gold:
            why = _why(i, line, keep, meta, runs)
            losses.append({"line": line.text, "words": line.n, "why": why, "kind": kind_of(line, why),
                           "html": in_html, "gold": in_gold, "index": i})
    return losses


def kind_of(line, why: str) -> str:
    """The kind of a lost line, from its shape and the text path's reason: a list item, a sub-heading,
    a line introducing what follows ("...:"), a table or code row, a short paragraph or quote taken as
    a short line, a line taken as chrome or metadata, or a part of the article outside the chosen run
    (cut at an inline box of chrome, at a run of short lines such as a table or a gallery, or a part
    the densest run or a closing heading left out)."""
    from workers.stages.clean import vocabulary as v

    text = line.text
    if why.startswith("chrome:"):
        return f"taken as chrome ({why[7:]})"
    if why in ("metadata line", "kept, dropped later"):
        return "moved to metadata, or dropped later (caption, bio, repeat)"
    if v.BULLET.match(text):
        return "list item"
    if why.startswith("in run"):
        letters = sum(c.isalpha() for c in text) / max(1, len(text))
        if text.endswith(":"):
            return "line introducing what follows (...:)"
        if letters < 0.6 or any(c in text for c in "{}=;<>$#"):
            return "table or code row"
        if line.n <= 14 and not line.terminal and text[:1].isupper():
            return "sub-heading (or caption)"
        return "short paragraph or quote taken as a short line"
    if why.startswith("cut by"):
        return f"outside the run: {why}"
    barrier = why.split(": ", 1)[1]
    if barrier.startswith(("chrome:", "hard end")):
        return "outside the run: cut at an inline box or chrome line"
    if barrier in ("short lines", "bullets"):
        return "outside the run: cut at a table, list or gallery (short lines)"
    return "outside the run: other"


def report(examples: int = 3, only: str | None = None, sets: tuple[str, ...] | None = None,
           by: str = "why") -> dict:
    """Prints the lost lines grouped by reason (by="why") or by kind (by="kind", kind_of): lines,
    words, lines both paths' evidence holds (HTML body and gold), pages per set; returns {group: (lines,
    words, pages)}."""
    lines_by, words_by, pages_by = Counter(), Counter(), defaultdict(set)
    both_by = Counter()
    shown: dict[str, list] = defaultdict(list)
    for page in pages():
        if sets and page["set"] not in sets:
            continue
        for loss in page_losses(page):
            why = loss[by]
            lines_by[why] += 1
            words_by[why] += loss["words"]
            both_by[why] += loss["html"] and loss["gold"]
            pages_by[why].add((page["set"], page["name"]))
            shown[why].append(f"{page['set'][:5]} {page['name'][:28]} [{loss['index']}]"
                              f"{' H' if loss['html'] else ''}{' G' if loss['gold'] else ''}: {loss['line'][:120]}")
    print("lines  words  both  pages (read/news/web)  reason")
    for why, words in words_by.most_common():
        found = pages_by[why]
        per_set = Counter(s for s, _ in found)
        print(f"{lines_by[why]:5} {words:6} {both_by[why]:5}  {len(found):3} "
              f"({per_set['readability']}/{per_set['newspaper']}/{per_set['web-pages-en']})  {why}")
        if only is None or only in why:
            for example in shown[why][:examples]:
                print(f"          {example}")
    return {why: (lines_by[why], words_by[why], len(pages_by[why])) for why in words_by}


def main(argv: list[str]) -> int:
    """The command line: parse the arguments, run the sections, print the figures (see the module's
    docstring); the exit code."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m bench.text_losses")
    parser.add_argument("--examples", type=int, default=3)
    parser.add_argument("--kind", help="examples only for reasons holding this text")
    parser.add_argument("--sets", help="comma-separated: readability,newspaper,web-pages-en")
    parser.add_argument("--by-kind", action="store_true", help="group by the kind of line (kind_of), not the reason")
    args = parser.parse_args(argv)
    report(args.examples, args.kind, tuple(args.sets.split(",")) if args.sets else None,
           "kind" if args.by_kind else "why")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
