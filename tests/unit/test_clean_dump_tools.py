"""Dumps made by other HTML-to-text tools (clean/dumps.py; bench.dumpers measures them on the dev set):
markdown converters (html2text) and text-node dumps (BeautifulSoup's get_text("\\n")), each kind beside
the near case it must leave alone. The pages are invented."""

from __future__ import annotations

import textwrap

import pytest
from probe_texts import BODY
from probe_texts import cleaned as _cleaned

from workers.stages.clean import dumps
from workers.stages.clean.normalise import split_lines

MENU = "[Home](https://example.org/)[World](https://example.org/world/)[Sport](https://example.org/sport/)"


def _markdown(*blocks: str) -> str:
    """A markdown dump as html2text writes one: blocks apart by blank lines, prose wrapped at 78."""
    return "\n\n".join("\n".join(textwrap.wrap(b, 78)) if not b.startswith(("*", "#", "|")) else b for b in blocks)


# --- markdown dumps ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("line", "plain"), [
    ("## Board approves water plant", "Board approves water plant"),
    ("# Board approves water plant #", "Board approves water plant"),
    ("> The plant will cost about $60 million.", "The plant will cost about $60 million."),
    ("* * *", ""),
    ("---|---|---", ""),
    ("| :---: | --- |", ""),
    ("The **county board** voted _on Tuesday_.", "The county board voted on Tuesday."),
    ("__Update:__ the vote was 5-2.", "Update: the vote was 5-2."),
    ("1\\. Water plant", "1. Water plant"),
    ("\\- a dash that starts a line", "- a dash that starts a line"),
])
def test_markdown_syntax_comes_out_of_a_markdown_dump(line, plain):
    text = f"{MENU}\n\n{line}"
    assert dumps.from_markdown(text).split("\n")[-1] == plain


@pytest.mark.parametrize("line", [
    "#1 seed Eastfield won again",  # a heading needs a space after its "#" run
    "#MeToo organisers met on Friday",
    "* Rates will rise by about $4 a month",  # a list item keeps its marker, as inscriptis writes it
    "- Rates will rise by about $4 a month",
    "2. The second item of a numbered list",
    "The file is called water_plant_report_2024.pdf.",  # snake_case is no emphasis
    "Costs rose 5 * 3 times * more than planned.",
    "The score was Eastfield 2 | Riverside 1 at half time.",
])
def test_text_that_only_looks_like_markdown_stays(line):
    text = f"{MENU}\n\n{line}"
    assert dumps.from_markdown(text).split("\n")[-1] == line


def test_a_link_keeps_its_text_and_adjacent_links_are_a_menu_one_item_a_line():
    text = ("The [county board](https://example.org/board \"Board\") voted. "
            "![A plant](https://example.org/p.jpg)[Read](https://x.org/r)\n\n" + MENU)
    assert dumps.from_markdown(text).split("\n") == ["The county board voted. Read", "", "Home", "World", "Sport"]


def test_a_link_target_wrapped_across_lines_goes_whole():
    text = f"{MENU}\n\n[Report a correction or\ntypo](/extras/reporttypo?url=https%3A%2F%2Fexample.org%2Fwater-\nplant-vote%2F)"
    assert dumps.from_markdown(text).split("\n")[-1] == "Report a correction or typo"


def test_a_wrapped_paragraph_is_one_line_and_blocks_stay_apart():
    paragraph = BODY[0] + " " + BODY[1]
    text = _markdown(MENU, paragraph, "* first item", "* second item") + "\n\nShort line one\nShort line two"
    out = [line for line in dumps.from_markdown(text).split("\n") if line]
    assert out == ["Home", "World", "Sport", paragraph, "* first item", "* second item", "Short line one",
                   "Short line two"]


def test_a_hard_break_and_a_list_item_inside_a_block_are_not_joined():
    long_line = "The plant will cost about $60 million and should be running by 2027."
    text = f"{MENU}\n\n{long_line}  \nSigned, the board\n\n{long_line}\n* Rates will rise"
    out = dumps.from_markdown(text).split("\n")
    assert out[-5:] == [f"{long_line}  ", "Signed, the board", "", long_line, "* Rates will rise"]


def test_a_dump_with_fewer_markdown_links_than_the_gate_is_not_markdown():
    text = "The **board** voted [here](https://example.org/a) and [there](https://example.org/b)."
    assert not dumps.is_markdown(text) and dumps.plain(text) == text


def test_the_clean_stage_reads_a_markdown_dump_as_its_plain_text():
    md = _markdown(MENU, "# Board approves water plant", "By Ana Lind", *(b.replace(
        "board chair", "**board chair**") for b in BODY))
    record = _cleaned(md)
    assert record["title"] == "Board approves water plant"
    assert record["paragraphs"][-1] == BODY[2] and "**" not in record["body"]


# --- text-node dumps ---------------------------------------------------------------------------------------

def test_a_sentence_cut_at_its_link_is_joined():
    text = ("Home\nWorld\nThe county board voted on \nTuesday\n to build a new plant, \nofficials\n said.\n"
            "Rates will rise.\nThe plant will cost \nabout $60 million\n, officials said.")
    assert dumps.plain(text).split("\n") == [
        "Home", "World", "The county board voted on Tuesday to build a new plant, officials said.",
        "Rates will rise.", "The plant will cost about $60 million, officials said."]


def test_lines_after_a_sentence_end_or_indented_by_a_layout_stay_apart():
    ended = "Rates will rise. \nThe plant will cost more. \nIt opens in 2027. \nThe vote was 5-2. \nDone."
    assert dumps.plain(ended) == ended
    layout = "\n".join(f"  {line} \n  {line.lower()}" for line in ("Home", "World", "Sport", "Weather"))
    assert dumps.inline_cuts(layout) == 0 and dumps.plain(layout) == layout


def test_a_source_line_break_inside_a_text_node_is_a_space():
    # BeautifulSoup keeps a text node's own line breaks and the page source's indentation under them
    text = ("Home\nWorld\nThe county board voted on \nTuesday\n to build a plant, \nofficials\n said.\n"
            "Keep your favourite features close\n            — one quick click away.\n"
            "The plant will cost about $60 million and\n        Rates will rise by $4 a month.\n"
            "By: \n                Ana Lind")  # a space left before the break
    assert dumps.plain(text).split("\n")[-3:] == [
        "Keep your favourite features close — one quick click away.",
        "The plant will cost about $60 million and Rates will rise by $4 a month.", "By: Ana Lind"]


def test_a_line_after_a_blank_line_or_one_space_in_stays_apart():
    text = ("Home\nWorld\nThe county board voted on \nTuesday\n to build a plant, \nofficials\n said.\n"
            "Sections\n\n            Weather\nSport\n Business")
    assert dumps.plain(text).split("\n")[-4:] == ["Sections", "", "            Weather", "Sport", " Business"][-4:]


def test_fewer_cuts_than_the_gate_are_left():
    text = "The county board voted on \nTuesday\n to build a plant.\nRates will rise."
    assert dumps.inline_cuts(text) == 2 and dumps.plain(text) == text


def test_a_one_block_a_line_dump_passes_unchanged():
    text = "\n".join(["Board approves water plant", "By Ana Lind", *BODY, "* first item", "#1 seed"])
    assert dumps.plain(text) is text


def test_a_footnote_link_a_wrapped_title_and_a_code_span_come_out():
    text = (f"{MENU}\n\nIt is a [nonlinear reduction](/wiki/Nonlinear \"Nonlinear\nreduction\") technique.[[1]](#cite-1)"
            " Set it in `.bashrc` first.")
    assert dumps.from_markdown(text).split("\n")[-1] == "It is a nonlinear reduction technique.[1] Set it in .bashrc first."


def test_a_quoted_paragraph_wrapped_over_quote_markers_is_one_line():
    long_line = "> Our work is to build a vibrant, usable commons, powered by collaboration and"
    text = f"{MENU}\n\n{long_line}\n> gratitude.\n>\n> Ana Lind, chair"
    assert dumps.from_markdown(text).split("\n")[-3:] == [
        "Our work is to build a vibrant, usable commons, powered by collaboration and gratitude.", "", "Ana Lind, chair"]


@pytest.mark.parametrize(("above", "below", "joined"), [
    ("embedding high-", "dimensional data", "embedding high-dimensional data"),  # the wrap broke a compound
    ("the vote was 5-2 -", "a close one", "the vote was 5-2 - a close one"),  # a spaced dash is no compound
    ("the count rose by COVID-19-", "related cases", "the count rose by COVID-19- related cases"),
    ("the plant will be built on the east-", "2 sites", "the plant will be built on the east- 2 sites"),
])
def test_a_compound_broken_at_its_hyphen_joins_without_a_space(above, below, joined):
    lead = "The board said on Tuesday that "  # the line above long enough to be a wrapped one
    out = dumps.from_markdown(f"{MENU}\n\n{lead}{above}\n{below}").split("\n")[-1]
    assert out == lead + joined


# --- blank-line-separated dumps (html-text) ---------------------------------------------------------------

def test_a_block_of_capitalised_headlines_of_one_length_is_not_a_wrapped_paragraph():
    headlines = ["Life Clues Sought in the Fractures of Two Moons",  # lengths apart: no wrap column
                 "County Man With a Long Record in Custody for Alleged Assault at a Bus Stop",
                 "Is Now the Right Time to Lock In a Long-Term Deposit",
                 "Harbor City Council Weighs a New Budget for the Coming Year"]
    assert split_lines("\n".join(headlines)) == headlines


def test_a_block_of_prose_wrapped_without_a_column_is_still_joined():
    wrapped = ["The county board voted on Tuesday to build a new water treatment",
               "plant on the east bank of the river, ending a debate that has",
               "lasted nearly a decade and divided the towns along the river",
               "for years."]
    assert split_lines("\n".join(wrapped)) == [" ".join(wrapped)]


def test_a_line_wrapped_with_its_link_target_counted_joins_the_next():
    text = (f"{MENU}\n\n[County board](https://example.org/board/members/2024/water-plant-vote) voted on a\n"
            "new plant on Tuesday.")
    assert dumps.from_markdown(text).split("\n")[-1] == "County board voted on a new plant on Tuesday."


def test_a_link_target_broken_at_a_digit_after_its_hyphen_is_joined_whole():
    text = f"{MENU}\n\nThe [report on the plant vote](https://example.org/news/2024-\n03-05/plant) was out."
    assert dumps.from_markdown(text).split("\n")[-1] == "The report on the plant vote was out."


@pytest.mark.parametrize(("line", "plain"), [
    ("  * ## Board approves water plant", "  * Board approves water plant"),  # a heading as a list item
    ("Share __ __ Tweet ** __", "Share   Tweet  "),  # icons' empty emphasis
    ("Use __init__ here", "Use init here"),  # near case: a dunder reads as strong emphasis in markdown too
    ("__Comments (12)", "Comments (12)"),  # an icon's empty emphasis glued to the label after it
    ("____Edit", "Edit"),
    ("the water__plant file", "the water__plant file"),  # near case: inside a word
    ("see /__data/rain.xls", "see /__data/rain.xls"),  # near case: a path the wrap cut from its link target
])
def test_headings_in_list_items_and_empty_emphasis(line, plain):
    assert dumps.from_markdown(f"{MENU}\n\n{line}").split("\n")[-1] == plain


# --- a text-node dump's first line: the document <title> (BeautifulSoup, html-text keep <head>) ------------

@pytest.mark.parametrize(("headline", "title"), [
    ("Budget Talks", "Budget Talks"),  # a two-word headline echoed without the site
    ("Budget", None),  # near case: the longest part is the site name, whose line is no headline
])
def test_a_two_word_headline_the_tab_title_echoes_is_the_title(headline, title):
    from workers.stages.clean import core

    texts = [f"{headline} - Harbor Times", "Harbor Times", "Sections", "Archive", "Contact", headline, *BODY]
    assert core.clean_lines(texts)["title"] == title


def test_a_link_title_wrapped_onto_its_own_line_leaves_the_target_whole():
    text = (f"{MENU}\n\n## [Board approves the water plant on the east bank of the\nriver](/news/2024/board-approves"
            f"-the-water-plant-on-the-east-bank\n\"Permanent Link to Board approves the water plant\")")
    assert dumps.from_markdown(text).split("\n")[-1] == "Board approves the water plant on the east bank of the river"


@pytest.mark.parametrize(("line", "plain"), [
    ("ByAna Lind", "By Ana Lind"),  # a byline's "By" run into the linked name
    ("**ByAna Lind**", "By Ana Lind"),
    ("ByteDance shares rose on Tuesday.", "ByteDance shares rose on Tuesday."),  # near case: a word
    ("BYU won again.", "BYU won again."),
    ("_Written by: Ana Lind _", "Written by: Ana Lind"),  # emphasis closed after a space
    ("---- by Ana Lind**", "---- by Ana Lind"),  # a strong marker the wrap left unpaired
    ("Rates rose 5\\*\\*2 per cent.", "Rates rose 5**2 per cent."),  # near case: escaped asterisks stay
])
def test_a_markdown_dumps_byline_kinds(line, plain):
    assert dumps.from_markdown(f"{MENU}\n\n{line}").split("\n")[-1] == plain


@pytest.mark.parametrize(("line", "plain"), [
    ("###", ""),  # an empty heading (a heading tag around only an image or a script)
    ("## ", ""),
    ("   #", ""),
    ("####### ", "####### "),  # near case: seven "#" are no heading (CommonMark)
    ("    ###", "    ###"),  # near case: four spaces of indent are code, not a heading
    ("### Board approves water plant", "Board approves water plant"),
])
def test_an_empty_heading_line_comes_out(line, plain):
    assert dumps.from_markdown(f"{MENU}\n\n{line}").split("\n")[-1] == plain


def test_an_empty_heading_inside_the_article_is_no_end_of_copy_mark():
    # a press release's "###" ends its copy (vocabulary.END_OF_COPY); in a markdown dump it is an empty heading
    md = _markdown(MENU, "# Board approves water plant", BODY[0], "###", *BODY[1:])
    assert _cleaned(md)["paragraphs"] == BODY


@pytest.mark.parametrize(("block", "plain"), [
    ("Words:\n\n     5,210 ", "Words: 5,210"),  # html2text's <dt> and its four-space <dd>, a blank between
    ("Comments:\n    1664", "Comments: 1664"),
    ("Published:\n\n    2024-03-05", "Published: 2024-03-05"),
    ("Tags:\n\n    * water", "Tags:\n\n    * water"),  # near case: a list item under a label stays apart
    ("Words:\n\n5,210", "Words:\n\n5,210"),  # near case: not indented, no description
    ("The board said the plant, which will cost more than planned, is needed:\n\n    now",
     "The board said the plant, which will cost more than planned, is needed:\n\n    now"),  # a sentence is no term
])
def test_a_definition_lists_term_and_description_are_one_line(block, plain):
    assert dumps.from_markdown(f"{MENU}\n\n{block}").split("\n\n", 1)[1] == plain


def test_a_stats_list_inside_the_article_is_no_comment_heading():
    # "Comments:" over its count on a line of its own reads as a comment section's heading (a hard end)
    stats = "Chapters:\n\n     1/1 \nComments:\n\n     12 \nKudos:\n\n     40 "
    md = f"{_markdown(MENU, '# Board approves water plant', BODY[0])}\n\n{stats}\n\n{_markdown(*BODY[1:])}"
    paragraphs = _cleaned(md)["paragraphs"]
    assert paragraphs[0] == BODY[0] and paragraphs[-1] == BODY[2]


@pytest.mark.parametrize(("line", "plain"), [
    ("The [findings](https://example.org/S09\\(17\\)30-4) were out.", "The findings were out."),  # escaped parens
    ("![A plant](https://example.org/focal\\(1x2\\)/p.jpg)Rates rose.", "Rates rose."),
    ("The [findings](https://example.org/S09(17)30-4) were out.",  # near case: bare parens make no target
     "The [findings](https://example.org/S09(17)30-4) were out."),
])
def test_a_link_target_with_escaped_parentheses_goes_whole(line, plain):
    assert dumps.from_markdown(f"{MENU}\n\n{line}").split("\n")[-1] == plain
