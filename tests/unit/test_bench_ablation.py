"""The HTML path's ablation harness (bench.ablation_html): each pass switched off inside the block only."""

import pytest

from bench import ablation_html as ablation
from workers.stages.clean import core

# a build scripts/compile_clean.sh made: the ablation's swapped functions are not called there
COMPILED = not core.__file__.endswith(".py")

PAGE = """<html><head><title>Harbour ferry returns after winter repairs</title></head><body><article>
<h1>Harbour ferry returns after winter repairs</h1>
<p>The harbour ferry carried its first passengers of the year on Monday after four months of repairs to
its hull and engines at the yard across the bay, the operator said in a statement.</p>
<figure><img src="ferry.jpg"><figcaption>The repaired ferry leaves the yard on its first trip of the season, watched by a crowd on the pier.</figcaption></figure>
<p>Crews replaced the propeller shafts and repainted the deck, and the timetable now runs every twenty
minutes from early morning until late in the evening, seven days a week.</p>
<p>Fares stay as they were last year, and children under twelve travel free with an adult on every
crossing, the operator added.</p>
</article></body></html>"""


def _body(record_page: str) -> str:
    return core.clean({"id": "t", "content_type": "text/html", "content": record_page})["body"]


@pytest.mark.parametrize("name", sorted(ablation.ABLATIONS))
def test_each_ablation_patches_inside_the_block_and_restores(name):
    before = {id(getattr(m, a)) for m, a in ablation.PATCHED}
    with ablation.ablated([name]):
        inside = {id(getattr(m, a)) for m, a in ablation.PATCHED}
    assert inside != before
    assert {id(getattr(m, a)) for m, a in ablation.PATCHED} == before


def test_a_classifier_reason_switched_off_is_patched_and_restored():
    original = ablation.ln._boilerplate_reason
    with ablation.ablated(["reason:promo+copyright"]):
        assert ablation.ln._boilerplate_reason is not original
    assert ablation.ln._boilerplate_reason is original


@pytest.mark.skipif(COMPILED, reason="the ablation swaps a module's function: a module compiled by mypyc (scripts/compile_clean.sh) calls its own directly")
def test_a_reason_switched_off_is_not_undone_by_the_line_memo():
    """classify keeps lines across documents: inside the block a line seen before is judged again."""
    line = "© 2024 Example Media. All rights reserved."
    assert ablation.ln.classify([line])[0].reason == "copyright"
    with ablation.ablated(["reason:copyright"]):
        assert ablation.ln.classify([line])[0].reason != "copyright"
    assert ablation.ln.classify([line])[0].reason == "copyright"


@pytest.mark.skipif(COMPILED, reason="the ablation swaps a module's function: a module compiled by mypyc (scripts/compile_clean.sh) calls its own directly")
def test_marked_captions_off_brings_the_caption_back():
    caption = "The repaired ferry leaves the yard on its first trip of the season, watched by a crowd on the pier."
    assert caption not in _body(PAGE)
    with ablation.ablated(["marked_captions"]):
        assert caption in _body(PAGE)
    assert caption not in _body(PAGE)


def test_the_extraction_is_computed_once_per_page(monkeypatch):
    calls = []
    original = core.html_extract.extract
    monkeypatch.setattr(core.html_extract, "extract", lambda html: calls.append(1) or original(html))
    with ablation.cached_extraction():
        first, second = _body(PAGE), _body(PAGE)
    assert first == second and len(calls) == 1


def test_an_extraction_ablation_extracts_afresh_inside_the_memo(monkeypatch):
    calls = []
    original = ablation._EXTRACT
    monkeypatch.setattr(ablation, "_EXTRACT", lambda html: calls.append(1) or original(html))
    with ablation.cached_extraction():
        _body(PAGE)
        with ablation.fresh_extraction(["variant_insert"]):
            _body(PAGE)
        with ablation.fresh_extraction(["stray_runs"]):  # a pass after the extraction: the memo serves it
            _body(PAGE)
    assert len(calls) == 1
