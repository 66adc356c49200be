"""Clean speed of two versions side by side: `python -m bench.clean_ab REV [--rounds N] [--seeds]`.

The clean stage of git revision REV (its ``workers`` package, taken with ``git archive`` into a
temporary folder) and of the working tree are loaded into one process as two module trees; the dev
set's text dumps (bench.devset.dump; the gold seeds with --seeds) are cleaned by both, alternating
document by document (which goes first alternates too), each call timed in CPU time
(``time.process_time``). Both see the same load, the same CPU caches and the same input order, which
the shared 2-core machine does not give two runs one after the other. Prints docs/s per core of each,
per round and the median of the rounds, their ratio and the load average. Both versions' caches are
warm (one pass each before the rounds); the date caches and the lazy loaders are per version. The
memo of classified lines kept across documents (lines.clear_line_memo, where a version has one) is
emptied before each round, so a round's hits are only lines an earlier page of that round held, as on
a stream of pages never seen; --keep-memo keeps it, so each round replays pages seen before (what a
stream of one site's pages may reach, never the dev-set figure). --cold-dates also empties the date
caches (dates.parse_date, dates.date_line) before each round: what dates cost on pages never seen
(dateparser runs for every date string dates._fast does not read), as dump_speed's first pass.
--tree PATH takes the ``workers`` package under PATH instead of the working tree's: the copy
scripts/compile_clean.sh compiles with mypyc (`make compile-clean`: build/compiled).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _load_tree(root: Path):
    """(clean, StageError, clear_line_memo, clear_date_caches) of the ``workers`` package under root, as
    a module tree of its own (clear_line_memo does nothing for a version without the memo)."""
    for name in [n for n in sys.modules if n == "workers" or n.startswith("workers.")]:
        del sys.modules[name]
    sys.path.insert(0, str(root))
    try:
        from workers.stages import clean as clean_stage
        from workers.stages.clean import dates, lines
        from workers.stages.errors import StageError
    finally:
        sys.path.remove(str(root))

    def clear_date_caches() -> None:
        if hasattr(dates, "clear_caches"):
            dates.clear_caches()
        else:  # a revision before dates.clear_caches
            dates.parse_date.cache_clear()
            dates.date_line.cache_clear()

    return clean_stage.clean, StageError, getattr(lines, "clear_line_memo", lambda: None), clear_date_caches


def _export(rev: str, into: Path) -> Path:
    """The ``workers`` folder of revision rev, unpacked under into."""
    archive = into / "workers.tar"
    subprocess.run(["git", "-C", str(REPO), "archive", "-o", str(archive), rev, "workers"], check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    return into


def _inputs(seeds: bool) -> list[dict]:
    if seeds:
        texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    else:
        from bench.devset import dump, load_devset

        texts = [dump(html) for _, html, _ in load_devset()]
    return [{"id": str(i), "source": None, "content_type": "text/plain", "content": text, "fetched_at": None}
            for i, text in enumerate(texts)]


def compare(rev: str, rounds: int = 5, seeds: bool = False, keep_memo: bool = False,
            cold_dates: bool = False, tree: Path = REPO) -> tuple[list[float], list[float]]:
    """(docs/s per round of rev, docs/s per round of the workers package under tree: the working tree's)."""
    docs = _inputs(seeds)
    with tempfile.TemporaryDirectory() as folder:
        old = _load_tree(_export(rev, Path(folder)))
        new = _load_tree(tree)

    def timed(version, doc) -> float:
        clean, error = version[:2]
        started = time.process_time()
        try:
            clean(doc)
        except error:
            pass
        return time.process_time() - started

    for doc in docs:  # lazy loaders and caches, both versions
        timed(old, doc), timed(new, doc)
    old_rates, new_rates = [], []
    for r in range(rounds):
        if not keep_memo:
            old[2](), new[2]()
        if cold_dates:
            old[3](), new[3]()
        old_cpu = new_cpu = 0.0
        for i, doc in enumerate(docs):
            if (i + r) % 2:
                old_cpu += timed(old, doc)
                new_cpu += timed(new, doc)
            else:
                new_cpu += timed(new, doc)
                old_cpu += timed(old, doc)
        old_rates.append(len(docs) / old_cpu)
        new_rates.append(len(docs) / new_cpu)
    return old_rates, new_rates


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.clean_ab", description=__doc__.splitlines()[0])
    parser.add_argument("rev", help="the git revision to compare the working tree with")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seeds", action="store_true", help="the gold seeds instead of the dev-set dumps")
    parser.add_argument("--keep-memo", action="store_true",
                        help="keep the line memo across rounds: pages seen before (a same-site stream), "
                             "not the dev-set figure")
    parser.add_argument("--cold-dates", action="store_true",
                        help="empty the date caches before each round too: dates as on pages never seen")
    parser.add_argument("--tree", type=Path, default=REPO,
                        help="the folder whose workers package is compared with rev (default: the working tree)")
    args = parser.parse_args(argv)
    old, new = compare(args.rev, args.rounds, args.seeds, args.keep_memo, args.cold_dates, args.tree.resolve())
    before, after = statistics.median(old), statistics.median(new)
    kept = " (line memo kept: pages seen before)" if args.keep_memo else ""
    kept += " (date caches emptied each round: pages never seen)" if args.cold_dates else ""
    name = "working tree" if args.tree.resolve() == REPO else str(args.tree)
    print(f"{args.rev}: {before:,.0f} docs/s per core; {name}: {after:,.0f} docs/s (x{after / before:.3f}); "
          f"median of {args.rounds} rounds{kept}, CPU time, interleaved document by document; "
          f"rounds {[round(x) for x in old]} / {[round(x) for x in new]}; load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
