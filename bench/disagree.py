"""Where our HTML body and trafilatura's (defaults) disagree, on the robustness pages (no gold).

The gold-scored sets are small and have been tuned on; the ~2,600 pages ``bench.heldout --robustness``
cleans have no gold but are still evidence: where two extractors disagree, one of them is wrong, and an
editor reading the page can say which. Per page: our record's text (standfirst, dateline, body, as
``bench.heldout.ours``; empty when the page is rejected) and trafilatura alone (``bench.devset.trafilatura_alone``,
defaults) on the same decoded text; their agreement is ``bench.metrics.shingle_f1``'s F1 between the two
(symmetric), and the word-count ratio ours / trafilatura's.

Pages of the held-out sets (``bench.heldout``'s held thirds and the FRESH sets, matched by content hash,
so a copy in another folder is out too) and Readability's gold outputs (``expected.html``, EXTRACTOR_OUTPUTS)
are scored in the totals but never listed: they are not read.

``python -m bench.disagree [N] [--save PATH]``: the distribution (pages below 0.9 / 0.7 / 0.5 agreement),
then the N listed pages of each kind: least agreement (both non-empty), ours much shorter (under half of
trafilatura's words), ours much longer (over twice), rejected by us while trafilatura finds 200 characters
or more. ``--save`` writes every page's row and both texts as JSON lines, for reading the pages.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import sys
from pathlib import Path

from bench.devset import trafilatura_alone
from bench.metrics import shingle_f1

THRESHOLDS = (0.9, 0.7, 0.5)  # agreement F1 cuts of the distribution
SHORTER, LONGER = 0.5, 2.0  # word ratio ours / trafilatura's past which a page is listed as much shorter / longer
# Readability's test pages ship its output beside the page: gold, not a page (a held page's gold among them)
EXTRACTOR_OUTPUTS = frozenset({"expected.html"})
FOUND_CHARS = 200  # trafilatura "extracts" a page we reject when its text is at least this long (as --robustness)


def held_out_hashes() -> set[str]:
    """sha1 of the raw bytes of every page in a held-out part of bench.heldout's sets (the held thirds of
    readability, newspaper and mediacloud; all of htmldate and readability-new)."""
    from bench import heldout

    loaders = {"readability": heldout.load_readability, "newspaper": heldout.load_newspaper,
               "mediacloud": heldout.load_mediacloud}
    held = [page for loader in loaders.values() for page in heldout.third(loader(), "held")]
    held += heldout.load_htmldate() + heldout.load_readability_new()
    return {hashlib.sha1(html.encode("utf-8", "replace")).hexdigest() for _, html, _ in held}


def _page_hash(raw: bytes) -> str:
    """The hash held_out_hashes gives the same page (its text as the loaders read it)."""
    return hashlib.sha1(raw.decode("utf-8", "replace").encode("utf-8", "replace")).hexdigest()


def ours_text(raw: bytes, name: str) -> tuple[str, str | None]:
    """(our record's standfirst, dateline and body joined by newlines, None) for a page's raw bytes, or
    ("", the StageError code) when the stage rejects it."""
    from workers.stages import clean as clean_stage
    from workers.stages.errors import StageError

    record = {"id": name, "source": None, "content_type": "text/html", "fetched_at": None,
              "content": base64.b64encode(raw).decode("ascii"), "content_encoding": "base64"}
    try:
        out = clean_stage.clean(record)
    except StageError as error:
        return "", error.code
    return "\n".join(filter(None, (out.get("summary"), out["dateline"], out["body"]))), None


def row(path: Path, root: Path, held: set[str]) -> dict:
    """One page's comparison: {"file", "held", "rejected", "agreement", "ratio", "ours_words",
    "trafilatura_words", "ours", "trafilatura"}."""
    raw = path.read_bytes()
    ours, rejected = ours_text(raw, path.stem)
    theirs = trafilatura_alone(raw.decode("utf-8", "replace"))[0]
    ours_words, their_words = len(ours.split()), len(theirs.split())
    held_out = _page_hash(raw) in held or path.name in EXTRACTOR_OUTPUTS
    return {"file": str(path.relative_to(root)), "held": held_out, "rejected": rejected,
            "agreement": round(shingle_f1(ours, theirs)[2], 4),
            "ratio": round(ours_words / their_words, 3) if their_words else None,
            "ours_words": ours_words, "trafilatura_words": their_words, "ours": ours, "trafilatura": theirs}


def distribution(rows: list[dict]) -> dict[str, int]:
    """{"pages", "below_0.9", "below_0.7", "below_0.5", "much_shorter", "much_longer",
    "rejected_but_trafilatura"} counted over rows."""
    out = {"pages": len(rows)}
    for cut in THRESHOLDS:
        out[f"below_{cut}"] = sum(r["agreement"] < cut for r in rows)
    out["much_shorter"] = sum(_shorter(r) for r in rows)
    out["much_longer"] = sum(_longer(r) for r in rows)
    out["rejected_but_trafilatura"] = sum(_rejected(r) for r in rows)
    return out


def _shorter(r: dict) -> bool:
    return not r["rejected"] and r["ratio"] is not None and r["ratio"] < SHORTER


def _longer(r: dict) -> bool:
    return r["ratio"] is not None and r["ratio"] > LONGER


def _rejected(r: dict) -> bool:
    return bool(r["rejected"]) and len(r["trafilatura"]) >= FOUND_CHARS


def listing(rows: list[dict], n: int) -> dict[str, list[dict]]:
    """The n pages of each kind among the rows not held out, worst first: {"least_agreement",
    "much_shorter", "much_longer", "rejected_but_trafilatura"}."""
    pool = [r for r in rows if not r["held"]]
    both = [r for r in pool if r["ours"] and r["trafilatura"]]
    return {
        "least_agreement": sorted(both, key=lambda r: r["agreement"])[:n],
        "much_shorter": sorted(filter(_shorter, pool), key=lambda r: r["ratio"])[:n],
        "much_longer": sorted(filter(_longer, pool), key=lambda r: -r["ratio"])[:n],
        "rejected_but_trafilatura": sorted(filter(_rejected, pool), key=lambda r: -r["trafilatura_words"])[:n],
    }


def main(argv: list[str]) -> int:
    """``python -m bench.disagree [N] [--save PATH] [--load PATH] [--jobs J]``; --load reads rows saved before."""
    from bench.heldout import CACHE

    parser = argparse.ArgumentParser(prog="python -m bench.disagree")
    parser.add_argument("n", nargs="?", type=int, default=20, help="pages listed per kind")
    parser.add_argument("--save", type=Path, help="write every page's row with both texts (JSON lines)")
    parser.add_argument("--load", type=Path, help="read rows a --save wrote instead of cleaning again")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes")
    args = parser.parse_args(argv)
    if args.load:
        rows = [json.loads(line) for line in args.load.read_text(encoding="utf-8").splitlines()]
    else:
        held = held_out_hashes()
        files = sorted(p for p in CACHE.rglob("*") if p.is_file() and p.suffix in (".html", ".htm")
                       and "/tests/" not in str(p) and p.stat().st_size)
        if args.jobs > 1:
            from functools import partial
            from multiprocessing import Pool

            with Pool(args.jobs) as pool:
                rows = pool.map(partial(row, root=CACHE, held=held), files, chunksize=8)
        else:
            rows = [row(path, CACHE, held) for path in files]
    if args.save:
        args.save.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print("all pages:", json.dumps(distribution(rows)))
    print("not held out:", json.dumps(distribution([r for r in rows if not r["held"]])))
    for kind, listed in listing(rows, args.n).items():
        print(f"\n{kind}:")
        for r in listed:
            print(f"  {r['agreement']:.3f} {r['ours_words']:>6} / {r['trafilatura_words']:<6} "
                  f"{r['rejected'] or '':18} {r['file']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
