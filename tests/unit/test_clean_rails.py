"""Teaser rails in plain-text dumps (round 2, ninth session; issue 10 item 3): a sidebar of other stories
after the article, each bullet item a headline run into its one-line summary. Every name and sentence here
is invented. Each rule is tested both ways: the case it is for, and the near case it must leave alone."""

from __future__ import annotations

import pytest

from dump_texts import LONGER

from workers.stages.clean import core as stage
from workers.stages.clean import lines as ln
from workers.stages.clean import sections

# headline run into its summary, some with an inner question, some with a kicker word, none with a full stop
RAIL = [
    "* Ferry skipper steers her new boat out of the bay on a windy morning The skipper, 41, was all smiles at the helm Ahoy",
    "* Can gulls learn to open bins? Scientists watched the birds at three harbours for a whole summer to find out",
    "* Harbour cat seen riding the early ferry again Passengers say the tabby has made the crossing for years",
    "* Lighthouse keeper marks fifty years on the rock with a party The keeper, 77, says he never tires of the view",
    "* Is the new pier the longest on the coast? Engineers measured it twice and the answer surprised the whole town",
    "* Fishing crew rescues a stranded seal pup near the breakwater The pup went back to the sea after a check-up",
    "* Dredger crew filmed singing sea shanties on deck The clip has been watched more than a million times online",
    "* Island bakery sells out of its harbour buns by nine The owner, 63, says the queue starts before dawn",
]


def _marked_teasers(texts: list[str]) -> list[bool]:
    return [line.kind == "boilerplate" and line.reason == "teasers" for line in sections.mark(ln.classify(texts))]


def test_a_teaser_rail_longer_than_the_article_is_cut_off():
    rail = [*RAIL[:3], "*", "* Advertisement", *RAIL[3:6], "Load more", *RAIL[6:]]
    texts = ["Harbour board backs channel dredging", "By Jane Doe", "March 9, 2024", *LONGER, "Don't miss", *rail]
    assert sum(len(item.split()) for item in RAIL) > sum(len(p.split()) for p in LONGER)  # the rail outweighs the article
    assert stage.clean_lines(texts)["paragraphs"] == LONGER


def test_a_rail_ends_at_its_last_item():
    texts = [*LONGER, "Don't miss", *RAIL, "Sitemap Archive Topics Index Mobile Apps Text-based site Reader Prints Our Paper"]
    marked = _marked_teasers(texts)
    assert marked[len(LONGER) + 1:-1] == [True] * len(RAIL) and not marked[-1]


def test_steps_that_end_in_full_stops_under_a_stray_heading_are_no_rail():
    steps = [f"- Step {k}: stir the flour into the butter slowly and keep stirring. Let the dough rest for ten minutes."
             for k in range(8)]
    lines = ln.classify([*LONGER, "Related", *steps])
    assert sections._rail_run(lines, sections.line_kinds(lines), len(LONGER) + 1) == len(LONGER) + 1


def test_a_list_of_short_links_is_no_rail():
    links = [f"* Harbour guide part {k} of the series" for k in range(8)]  # link lists are _bullet_run's
    lines = ln.classify([*LONGER, "Related", *links])
    assert sections._rail_run(lines, sections.line_kinds(lines), len(LONGER) + 1) == len(LONGER) + 1


def test_a_rail_needs_enough_items():
    lines = ln.classify([*LONGER, "Don't miss", *RAIL[: sections.RAIL_MIN_ITEMS - 1]])
    assert sections._rail_run(lines, sections.line_kinds(lines), len(LONGER) + 1) == len(LONGER) + 1


def test_a_long_gap_ends_a_rail():
    gap = ["Load more"] * (sections.RAIL_GAP_MAX_LINES + 1)
    lines = ln.classify([*LONGER, "Don't miss", *RAIL[:6], *gap, *RAIL[6:]])
    assert sections._rail_run(lines, sections.line_kinds(lines), len(LONGER) + 1) == len(LONGER) + 7


@pytest.mark.parametrize(("text", "kind"), [
    ("More top stories", "teasers"),
    ("More Great Harbour Stories", "teasers"),
    ("What to watch next", "teasers"),
    ("Hot Network Questions", "teasers"),
    ("More great news for the harbour", None),  # a sentence, not a heading
    ("What to watch next week at the boat show", None),
])
def test_more_rail_headings(text, kind):
    assert sections.heading_kind(text) == kind


def test_a_rail_inside_the_article_is_cut_out_and_the_article_resumes_under_it():
    rail = [line for item in RAIL for line in (item, "Harbour News")]  # each item over its source
    texts = ["Harbour board backs channel dredging", "By Jane Doe", "March 9, 2024", *LONGER[:2], "What to watch next",
             *rail, *LONGER[2:]]
    assert stage.clean_lines(texts)["paragraphs"] == LONGER


def test_a_short_link_list_inside_the_article_is_left_to_the_guard():
    links = [f"* Harbour guide part {k} of the series" for k in range(8)]
    texts = [*LONGER[:2], "Related", *links, *LONGER[2:]]
    marked = _marked_teasers(texts)
    assert not any(marked[3:3 + len(links)])


def test_a_rail_ends_at_the_next_section_heading():
    lines = ln.classify([*LONGER, "Don't miss", *RAIL[:6], "Related", *RAIL[6:]])
    assert sections._rail_run(lines, sections.line_kinds(lines), len(LONGER) + 1) == len(LONGER) + 7


INLINE_BOX = ["Related", "* Harbour tolls rise for the first time in a decade.", "* Ferry timetable changes from May."]


def test_an_inline_related_box_inside_the_article_is_chrome_and_the_article_runs_across_it():
    texts = ["Harbour board backs channel dredging", "By Jane Doe", "March 9, 2024", *LONGER[:2], *INLINE_BOX, *LONGER[2:]]
    lines = sections.mark(ln.classify(texts))
    assert [k for k, line in enumerate(lines) if line.kind == "boilerplate"] == [5, 6, 7]  # "Related": interface
    assert [k for k, marked in enumerate(_marked_teasers(texts)) if marked] == [6, 7]
    assert stage.clean_lines(texts)["paragraphs"] == LONGER


def test_a_related_heading_over_a_longer_list_is_not_an_inline_box():
    items = [f"* Harbour fact number {k} is kept in the article." for k in range(sections.INLINE_BOX_MAX_ITEMS + 1)]
    lines = ln.classify([*LONGER[:2], "Related", *items, *LONGER[2:]])
    kinds = sections.line_kinds(lines)
    assert sections._inline_teaser_box(lines, kinds, 2) is None


def test_an_inline_box_needs_the_article_to_go_on_under_it():
    lines = ln.classify([*LONGER[:2], *INLINE_BOX, "Share this article"])
    kinds = sections.line_kinds(lines)
    assert sections._inline_teaser_box(lines, kinds, 2) is None
