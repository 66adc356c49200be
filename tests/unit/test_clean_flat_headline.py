"""clean/flat_headline.py: the headline of a flattened page cut out of the menu before it (invented text)."""

from __future__ import annotations

import pytest

from workers.stages.clean import blocks, flat_headline, shapes
from workers.stages.clean import headline as headline_module
from workers.stages.clean import lines as ln
from workers.stages.clean.core import clean

LEAD = "The harbour board voted on Tuesday to close the old pier to all traffic until the spring. " * 25


@pytest.mark.parametrize(("menu", "headline"), [
    ("Welcome, Your Account Log Out BUSINESS", "Harbour board backs dredging plan for eastern channel"),
    ("Home » Local » Coast »", "Harbour board backs dredging plan"),
    ("Home News›Local›Harbour", "Harbour board backs dredging plan"),
    ("Terms of Use DMCA", "Things We Never Knew We Wanted"),
    ("Recipes Sides Sharing Olive Bread With Rosemary", "Olive Bread With Rosemary"),  # crumb, then the headline
    ("Eastfield Gazette Eastfield Gazette", "Harbour board backs dredging plan"),  # a site name twice
])
def test_the_headline_is_a_block_over_the_byline(menu: str, headline: str) -> None:
    out = blocks.split_blocks([f"{menu} {headline} By Mara Lindqvist March 4, 2024 {LEAD}"])
    assert headline in out, out[:6]
    assert out[len(out) - 1 - out[::-1].index(headline) + 1] == "By Mara Lindqvist"


@pytest.mark.parametrize(("tokens", "start"), [
    ("Contact Us Log Out Harbour board backs dredging plan".split(), 4),
    ("Opinion Harbour".split(), 0),  # one word left: no headline
    ("Harbour board backs dredging plan".split(), 0),  # the piece is the headline
    ("Sport Weather Arts Napa Co. enters exclusive agreement".split(), 3),
    ("Contact Us Log Out harbours Pier Closes For Repairs".split(), 5),  # a lower-case topic tag skipped
])
def test_headline_start(tokens: list[str], start: int) -> None:
    assert flat_headline.headline_start(tokens) == start


def test_a_menu_label_is_no_byline() -> None:
    out = blocks.split_blocks([f"Recipes By Main Ingredient: Beef Pork Chicken {LEAD}"])
    assert not any(block.startswith("By Main") for block in out)


def test_no_cut_without_a_byline_or_date_in_the_header() -> None:
    pieces = ["Home News Sport", "Harbour board backs dredging plan", "The board voted on Tuesday."]
    assert flat_headline.headline_cut(pieces, lambda block: False) == (pieces, None)


def test_a_title_case_headline_run_into_its_standfirst() -> None:
    line = (f"Home Opinion The Collapse of Harbour Trust The long-running feud over the pier ended badly. "
            f"By Mara Lindqvist March 4, 2024 {LEAD}")
    out = blocks.split_blocks([line])
    assert "The Collapse of Harbour Trust" in out
    assert "The long-running feud over the pier ended badly." in out


def test_a_headline_said_twice_under_the_date() -> None:
    line = f"Harbour Notes March 4, 2024 Pier Repairs Begin Pier repairs begin 1 The board voted. {LEAD}"
    out = blocks.split_blocks([line])
    assert "Pier Repairs Begin" in out


@pytest.mark.parametrize("tokens", [
    "The pier closed after the storm wrecked it .".split(),  # no title-case run
    "Pier The board voted on it .".split(),  # one word before the sentence
])
def test_no_title_over_a_plain_sentence(tokens: list[str]) -> None:
    assert flat_headline._title_over_sentence(tokens) is None


def test_only_a_first_long_line_holds_the_header() -> None:
    second = f"Contact Us Log Out Harbour board backs dredging plan By Mara Lindqvist March 4, 2024 {LEAD}"
    out = blocks.split_blocks([LEAD, second])
    assert "Contact Us Log Out Harbour board backs dredging plan" in out


def test_a_short_line_gets_no_header_cut() -> None:
    line = "Contact Us Log Out Harbour board backs dredging plan By Mara Lindqvist March 4, 2024 " + LEAD[:1100]
    assert blocks.LONG_LINE_CHARS < len(line) < blocks.HEADER_LINE_CHARS
    assert "Contact Us Log Out Harbour board backs dredging plan" in blocks.split_blocks([line])


def test_split_page_gives_the_headline_block() -> None:
    line = f"Welcome, Your Account Log Out BUSINESS Harbour board backs dredging plan By Mara Lindqvist March 4, 2024 {LEAD}"
    texts, headline = blocks.split_page(["Eastfield Gazette", line])
    assert headline is not None and texts[headline] == "Harbour board backs dredging plan"
    assert blocks.split_blocks(["Eastfield Gazette", line]) == texts


@pytest.mark.parametrize("lines", [
    [LEAD],  # no byline or date: no cut
    ["Contact Us Log Out Harbour board backs dredging plan By Mara Lindqvist March 4, 2024 " + LEAD[:1100]],  # too short
])
def test_split_page_without_a_headline_cut(lines: list[str]) -> None:
    assert blocks.split_page(lines)[1] is None


# a flattened page's menu whose items share words with the article (the best-matching header line)
FLAT_MENU = "Eastfield Gazette Home News Sport Weather Harbour Pilots Channel Board Contact Us Log Out BUSINESS"


def test_the_flat_headline_is_the_title() -> None:
    story = " ".join(f"The harbour board heard from {n} more pilots on Tuesday before it voted on the channel plan."
                     for n in range(2, 40))
    line = f"{FLAT_MENU} Weekend markets return to the quay By Mara Lindqvist March 4, 2024 {story}"
    record = clean({"id": "flat-1", "content": line, "content_type": "text/plain"})
    assert record["title"] == "Weekend markets return to the quay"


@pytest.mark.parametrize("headline", [
    "Harbour Notes",  # two words: as often a menu's last items
    "Share this article",  # chrome
    "Mara Lindqvist",  # a person's name
])
def test_a_flat_block_that_is_no_headline_is_not_taken_as_the_title(headline: str) -> None:
    lines = ln.classify(["Menu", headline, "By Mara Lindqvist", LEAD])
    assert headline_module._flat_title(lines, [False, False, True, False], [False, False, False, True], 3, 1) is None


@pytest.mark.parametrize(("gap", "taken"), [(shapes.HEADER_GAP_LINES, True), (shapes.HEADER_GAP_LINES + 1, False)])
def test_a_flat_block_far_from_the_article_is_not_taken_as_the_title(gap: int, taken: bool) -> None:
    lines = ln.classify(["Weekend markets return to the quay on Saturday"] + ["Home"] * (gap - 1) + [LEAD])
    meta = [False] * len(lines)
    keep = [False] * gap + [True]
    assert (headline_module._flat_title(lines, meta, keep, gap, 0) == 0) is taken
