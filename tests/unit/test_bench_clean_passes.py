"""bench.clean_passes: the pass timers count a pass once per outer call and reach every module holding it."""

from __future__ import annotations

import sys
import types

from bench import clean_passes


def test_a_pass_calling_itself_is_timed_once():
    timers = clean_passes.Timers()

    def countdown(n: int) -> int:
        return n if n == 0 else timed(n - 1)

    timed = timers.wrap("countdown", countdown)
    assert timed(3) == 0
    assert timers.calls["countdown"] == 1 and timers.ns["countdown"] >= 0


def test_install_replaces_every_binding_of_a_pass(monkeypatch):
    import importlib

    from workers.stages.clean import lines

    holder = types.ModuleType("workers._test_holder")
    holder.classify = lines.classify  # as `from workers.stages.clean.lines import classify` would bind it
    monkeypatch.setitem(sys.modules, "workers._test_holder", holder)
    passes = {id(getattr(importlib.import_module(f"workers.stages.clean.{m}"), a)) for m, a in clean_passes.PASSES}
    for module in [m for n, m in sys.modules.items() if n.startswith("workers.") and m is not None]:
        for key, value in list(vars(module).items()):
            if id(value) in passes:
                monkeypatch.setattr(module, key, value)  # every binding install replaces: restored after the test
    timers = clean_passes.Timers()
    original = lines.classify
    clean_passes.install(timers)
    assert holder.classify is not original and lines.classify is holder.classify
    holder.classify(["A line of text."])
    assert timers.calls["lines.classify"] == 1
