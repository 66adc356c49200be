"""The text path's ablation harness (bench.ablation_text): each switch names a pass that exists and is
put back after its block, so a renamed pass fails here rather than silently measuring nothing."""

import pytest

from bench import ablation_text
from workers.stages.clean import lines

# a build scripts/compile_clean.sh made: the ablation's swapped functions are not called there
COMPILED = not lines.__file__.endswith(".py")

SWITCHES = ablation_text.switches()


@pytest.mark.parametrize("name", sorted(SWITCHES))
def test_each_switch_replaces_an_existing_pass_and_restores_it(name):
    patches = SWITCHES[name]
    before = [getattr(module, attribute) for module, attribute, _ in patches]
    with ablation_text.switched_off(patches):
        assert all(getattr(module, attribute) is value for module, attribute, value in patches)
    assert [getattr(module, attribute) for module, attribute, _ in patches] == before


def test_a_switched_off_reason_is_judged_as_text_and_other_reasons_stand(monkeypatch):
    from workers.stages.clean import lines as ln

    reasons = {"© 2024 Example Media": "copyright", "Sign up for our newsletter": "promo"}
    monkeypatch.setattr(ln, "_boilerplate_reason", lambda line, tokens: reasons.get(line))
    module, attribute, patched = ablation_text._without_reason("copyright")
    assert (module, attribute) == (ln, "_boilerplate_reason")
    assert patched("© 2024 Example Media", []) is None
    assert patched("Sign up for our newsletter", []) == "promo"


@pytest.mark.skipif(COMPILED, reason="the ablation swaps a module's function: a module compiled by mypyc (scripts/compile_clean.sh) calls its own directly")
def test_a_switch_is_not_undone_by_the_line_memo():
    """classify keeps lines across documents; a line classified before the switch must be judged
    again inside it, and the switched-off verdict must not outlive the block."""
    from workers.stages.clean import lines as ln

    line = "© 2024 Example Media. All rights reserved."
    assert ln.classify([line])[0].reason == "copyright"
    with ablation_text.switched_off([ablation_text._without_reason("copyright")]):
        assert ln.classify([line])[0].reason != "copyright"
    assert ln.classify([line])[0].reason == "copyright"
