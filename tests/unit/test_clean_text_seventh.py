"""Plain-text dumps, seventh session (issue 10 item 3): rules kept after the ablation of the text path's
passes on the held-out dev thirds, row by row. Every name and sentence here is invented.

Each rule is tested both ways: the case it is for, and the near case it must leave alone."""

from __future__ import annotations

import pytest

from dump_texts import ARTICLE, LONGER

from workers.stages.clean import core as stage

HEADER = ["Harbour board backs channel dredging", "By Jane Doe", "March 9, 2024"]


# --- a subheading over one short line (a photo credit, a second-level heading) over its paragraph ---
@pytest.mark.parametrize(
    ("between", "kept"),
    [
        ("Jane Doe/Harbour Herald", True),  # a photo's credit under the heading
        ("Silt and tides", True),  # a second-level heading
        ("Ferry timetable to add two winter sailings between the islands", False),  # a teaser's headline
        ("Jane Doe/Harbour Herald\nView gallery", False),  # two lines between: no heading's gap
    ],
)
def test_a_subheading_over_one_short_line_over_prose_stays(between, kept):
    heading = "Costs and timing"
    texts = [*HEADER, *LONGER[:3], heading, *between.split("\n"), *LONGER[3:]]
    assert (heading in stage.clean_lines(texts)["paragraphs"]) is kept


def test_a_subheading_right_over_its_paragraph_still_stays():
    heading = "Costs and timing"
    texts = [*HEADER, *LONGER[:3], heading, *LONGER[3:]]
    assert heading in stage.clean_lines(texts)["paragraphs"]


# --- a subheading written as a sentence of 11 to 14 words, without a quoted phrase --------------------
@pytest.mark.parametrize(
    ("heading", "kept"),
    [
        ("Dredging will cost more than the board had first thought it would", True),  # 12 words
        ("Yes, the island ferries will run on time again after the works", True),
        ("Mayor says 'no regrets' over the harbour vote as the row goes on", False),  # another story's headline
        ("Harbour chief warns of “hidden costs” in the dredging plan for the channel", False),
        ("Why the dredging of the outer channel took the harbour board more than eleven long years", False),  # 16
    ],
)
def test_a_sentence_long_subheading_without_quotes_stays(heading, kept):
    texts = [*HEADER, *LONGER[:3], heading, *LONGER[3:]]
    assert (heading in stage.clean_lines(texts)["paragraphs"]) is kept


def test_a_sentence_long_line_under_a_link_label_is_another_storys_headline():
    heading = "Dredging will cost more than the board had first thought it would"
    texts = [*HEADER, *LONGER[:3], "Read More", heading, *LONGER[3:]]
    assert heading not in stage.clean_lines(texts)["paragraphs"]


# --- teaser cards whose bulleted headlines are questions or statements alike -----------------------
def test_teaser_cards_with_bulleted_headlines_of_mixed_punctuation_are_one_teaser_section():
    summary = ("A new report from the ferry board looks at why the winter sailings ran late so often last year "
               "and what the operator plans to change before the next season begins.")
    cards = ["* Ferry delays: a step toward a better timetable", summary,
             "* Why do the island ferries run late in winter?", summary.replace("ferry board", "port office"),
             "* Harbour fees: how much will they rise next year?", summary.replace("ferry board", "island council")]
    texts = [*HEADER, *LONGER, "Latest news", *cards]
    paragraphs = stage.clean_lines(texts)["paragraphs"]
    assert not any(card in paragraphs for card in cards)
    assert LONGER[-1] in paragraphs


def test_a_bulleted_list_of_the_articles_own_points_is_no_card_run():
    from workers.stages.clean import lines as ln
    from workers.stages.clean import sections

    items = ["* Dredging starts in May", "* The channel reopens in August"]
    lines = ln.classify([*items, LONGER[0], *items])
    assert sections._card_run(lines, [None] * len(lines), 0) == 0  # no summary repeats card after card


# --- nested list items as dumps write them ("* ", then "+ ", then "o " by depth) ------------------
@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("* Dredging starts in May", True),
        ("+ Dredging starts in May", True),  # a second-level item (inscriptis, lynx)
        ("o Dredging starts in May", True),  # a third-level item
        ("o dear, the channel again", False),  # a word, not a marker
        ("+44 20 7946 0000", False),  # a phone number
        ("+3", False),
    ],
)
def test_nested_list_markers_are_bullets(text, item):
    from workers.stages.clean import vocabulary as v

    assert (v.BULLET.match(text) is not None) is item


def test_a_nested_list_inside_the_article_stays():
    items = ["* The outer channel", "+ Dredging starts in May and ends in August", "+ Silt goes by barge far out to sea",
             "* The inner basin", "+ Its moorings are moved to the north quay", "+ Its slipway reopens in the autumn"]
    texts = [*HEADER, *LONGER[:3], *items, *LONGER[3:]]
    paragraphs = stage.clean_lines(texts)["paragraphs"]
    assert all(item in paragraphs for item in items if item.startswith("+"))


# --- a teaser heading written with a link's ellipsis -----------------------------------------------
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("You May Also Enjoy …", "teasers"),
        ("You might also be interested in...", "teasers"),
        ("Related stories…", "teasers"),
        ("And then the harbour went quiet...", None),  # a sentence trailing off, not a heading
    ],
)
def test_a_teaser_heading_with_an_ellipsis(text, kind):
    from workers.stages.clean import sections

    assert sections.heading_kind(text) == kind


# --- a wiki's hatnotes are link labels, not article text --------------------------------------------
@pytest.mark.parametrize(
    ("text", "chrome"),
    [
        ("Main article: History of the Harbour Board", True),
        ("Main articles: Dredging and Tides of the Outer Channel", True),
        ("Further information: Ferry services to the islands", True),
        ("The main article of the harbour bylaws sets the fees.", False),
    ],
)
def test_wiki_hatnotes_are_interface(text, chrome):
    from workers.stages.clean import lines as ln

    (line,) = ln.classify([text])
    assert (line.reason == "ui_vocabulary") is chrome
