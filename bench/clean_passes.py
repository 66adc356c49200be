"""Where the clean stage's time goes, pass by pass: `python -m bench.clean_passes [--rounds N]`.

Each pass of the clean stage named in PASSES (a function of one of its modules) is wrapped in a timer
of the calling thread's CPU time (``time.thread_time_ns``), inclusive of what it calls, counted once
when a pass calls itself; every module of the package that holds the function (a ``from ... import``
too) gets the wrapped one. cProfile is not used: it overstates regex and builtin calls several times.
The dev set's text dumps (bench.devset.dump) are cleaned: a first pass (loaders and every cache
empty), then N rounds with the line memo emptied before each (lines.clear_line_memo; date caches warm,
as bench.clean_ab), then N with the date caches emptied too (as clean_ab --cold-dates). Prints the
median ms a round of each pass and its share of the warm round. Passes nest (core._header holds
headline.title_line), so shares do not add up to 100 %. A wrapper costs about a microsecond a call:
the passes here are called a few times a document, not per line. Run on the source tree only (a
compiled module calls its own functions directly, past the wrappers).
"""

from __future__ import annotations

import argparse
import collections
import importlib
import statistics
import sys
import time

# (module under workers.stages.clean, function): the passes of core.clean and intake.clean, in order
PASSES = (
    ("intake", "repair_mojibake"), ("intake", "strip_controls"), ("intake", "control_share"),
    ("core", "normalise_text"), ("dumps", "plain"), ("core", "split_lines"), ("core", "split_page"),
    ("lines", "classify"), ("listing", "verdict"), ("sections", "line_kinds"), ("sections", "mark"),
    ("sections", "mark_read_more_teasers"), ("sections", "mark_cut_headlines"), ("sections", "mark_doubled_captions"),
    ("run", "article_lines"), ("run", "run_edges"), ("structure", "keep_inner_structure"),
    ("structure", "keep_dump_structure"), ("metalines", "metadata_lines"), ("core", "_header"),
    ("headline", "title_line"), ("headline", "outlet_beside"), ("headline", "standfirst_after"),
    ("core", "_body_around_the_lead"), ("paragraphs", "kept_paragraphs"), ("bylines", "drop_author_bio"),
    ("paragraphs", "around_the_lead"), ("bylines", "reporting_credit"), ("core", "_record_fields"),
    ("core", "_authors"), ("bylines", "without_byline_lines"), ("language", "detect"), ("core", "content_hash"),
)


class Timers:
    """CPU nanoseconds and calls per pass name since the last reset; a pass that calls itself counts once."""

    def __init__(self) -> None:
        self.ns: collections.Counter = collections.Counter()
        self.calls: collections.Counter = collections.Counter()
        self._depth: collections.Counter = collections.Counter()

    def wrap(self, name: str, function):
        """`function` timed under `name`."""
        def timed(*args, **kwargs):
            if self._depth[name]:
                return function(*args, **kwargs)
            self._depth[name] += 1
            started = time.thread_time_ns()
            try:
                return function(*args, **kwargs)
            finally:
                self.ns[name] += time.thread_time_ns() - started
                self.calls[name] += 1
                self._depth[name] -= 1
        return timed


def install(timers: Timers) -> None:
    """Every PASSES function replaced by its timed wrapper, in every loaded module of the stage's
    package (and workers.decoding) that holds it under any name."""
    modules = [m for n, m in sys.modules.items() if n.startswith("workers.") and m is not None]
    for module_name, attr in PASSES:
        function = getattr(importlib.import_module(f"workers.stages.clean.{module_name}"), attr)
        timed = timers.wrap(f"{module_name}.{attr}", function)
        for module in modules:
            for key, value in list(vars(module).items()):
                if value is function:
                    setattr(module, key, timed)


def profile(rounds: int) -> tuple[dict, list[dict], list[dict]]:
    """({"total": ms, pass: ms} of the first pass, the same per warm round, the same per cold-dates round)."""
    from bench.clean_ab import _inputs
    import workers.stages.clean as clean_stage
    from workers.stages.clean import dates, lines
    from workers.stages.errors import StageError

    docs, timers = _inputs(False), Timers()
    install(timers)

    def one_pass() -> dict:
        timers.ns.clear()
        started = time.thread_time_ns()
        for doc in docs:
            try:
                clean_stage.clean(doc)
            except StageError:
                pass
        return {"total": (time.thread_time_ns() - started) / 1e6, **{k: v / 1e6 for k, v in timers.ns.items()}}

    first = one_pass()
    warm = [(lines.clear_line_memo(), one_pass())[1] for _ in range(rounds)]
    cold = [(lines.clear_line_memo(), dates.clear_caches(), one_pass())[2] for _ in range(rounds)]
    return first, warm, cold


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.clean_passes", description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    first, warm, cold = profile(args.rounds)

    def median(runs: list[dict], name: str) -> float:
        return statistics.median(run.get(name, 0.0) for run in runs)

    total = median(warm, "total")
    print(f"dev-set dumps: first pass {first['total']:.0f} ms, warm round {total:.0f} ms (median of {args.rounds}), "
          f"cold-dates round {median(cold, 'total'):.0f} ms; CPU ms a round:")
    print(f"{'pass':36} {'first':>8} {'warm':>8} {'cold':>8} {'% warm':>7}")
    for name in sorted((n for n in first if n != "total"), key=lambda n: -median(warm, n)):
        print(f"{name:36} {first[name]:8.1f} {median(warm, name):8.1f} {median(cold, name):8.1f} "
              f"{100 * median(warm, name) / total:7.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
