"""clean/blocks.py on a page flattened to one line (trafilatura's html2txt): the date and byline
cuts around a headline (invented text)."""

from __future__ import annotations

import pytest

from workers.stages.clean import blocks

MENU = "Home News Sport Weather Business Culture Travel Opinion "
LEAD = "The harbour board voted on Tuesday to close the old pier to all traffic. " * 20


@pytest.mark.parametrize(("head", "wanted"), [
    ("Pier closes for repairs ByMara Lindqvist Monday, March 4, 2024 9:15AM ",
     ["Pier closes for repairs", "By Mara Lindqvist"][1:] + ["Monday, March 4, 2024 9:15AM"]),
    ("Pier closes for repairs By Mara Lindqvist | March 4, 2024 ", ["By Mara Lindqvist", "March 4, 2024"]),
    ("Pier closes for repairs by: Mara Lindqvist Posted: Mar 4, 2024 / 04:43 PM CST ",
     ["by: Mara Lindqvist", "Posted: Mar 4, 2024 / 04:43 PM CST"]),
    ("Pier closes for repairs Posted on March 4th, 2024 by Mara Lindqvist ",
     ["Posted on March 4th, 2024 by Mara Lindqvist"]),
    ("Pier closes for repairs 04/03/2024 By Mara Lindqvist, Ian Holt and Li Wei ",
     ["04/03/2024", "By Mara Lindqvist, Ian Holt and Li Wei"]),
])
def test_dates_and_bylines_after_a_headline_are_blocks(head: str, wanted: list[str]) -> None:
    out = blocks.split_blocks([MENU + head + LEAD])
    for block in wanted:
        assert block.replace("ByMara", "By Mara") in out, (block, out[:6])


@pytest.mark.parametrize("sentence", [
    "The pier was rebuilt by Mara Lindqvist after the storm of 1987 wrecked the deck.",
    "It reopens on 4 March 2024 after the repairs are done.",
])
def test_a_name_or_date_inside_a_sentence_stays_in_it(sentence: str) -> None:
    out = blocks.split_blocks([MENU + sentence + " " + LEAD])
    assert sentence in out
