"""clean/blocks.py on a page flattened to one line (trafilatura's html2txt): the date and byline
cuts around a headline (invented text)."""

from __future__ import annotations

import pytest

from workers.stages.clean import blocks
from workers.stages.clean import lines as ln

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


@pytest.mark.parametrize("label", blocks.CHROME_LABELS)
def test_each_chrome_label_is_a_block_of_its_own(label: str) -> None:
    line = f"The pier reopens in the spring after the repairs {label} Ana Ruiz wrote the first reply here"
    assert label.rstrip(":") in [part.rstrip(":") for part in blocks.chrome_phrases(line)]


@pytest.mark.parametrize("label", ["12 Comments", "Comments (3)"])
def test_comment_counts_are_blocks(label: str) -> None:
    assert label in blocks.chrome_phrases(f"The pier reopens in the spring {label} Ana Ruiz wrote")


@pytest.mark.parametrize("opener", blocks.CHROME_OPENERS)
def test_each_chrome_opener_starts_a_block(opener: str) -> None:
    parts = blocks.chrome_phrases(f"The pier reopens in the spring {opener} and the rest of the notice")
    assert parts[0] == "The pier reopens in the spring" and parts[1].startswith(opener.split()[0])


@pytest.mark.parametrize(("text", "byline"), [
    ("Pier closes By Mara Lindqvist sharefacebook The board voted", "By Mara Lindqvist"),
    ("Pier closes By Mara Lindqvist View author archive", "By Mara Lindqvist"),
    ("Pier closes By Staff Writer Even though the board voted", "By Staff Writer"),
])
def test_a_byline_keeps_its_whole_name(text: str, byline: str) -> None:
    assert byline in blocks._split_dates_and_bylines(text)


def test_a_share_row_of_new_window_links_is_cut_into_its_links() -> None:
    # a blog platform's share buttons, flattened: each link's label and its "(Opens in new window)" apart
    row = "Share this: Click to share on Ferrygram (Opens in new window) Click to share on Pierbook (Opens in new window)"
    parts = blocks.chrome_phrases(row)
    assert "Click to share on Ferrygram" in parts and "Click to share on Pierbook" in parts
    assert parts.count("(Opens in new window)") == 2


def test_an_author_box_link_is_no_part_of_the_byline_name() -> None:
    # "Full Bio" (an author box's link) after the name: cut out before the byline is read
    line = ("Harbour guide By Mara Lindqvist Full Bio Mara Lindqvist is a travel writer who has covered ferries "
            "for a decade. " + "The board voted on the channel plan on Tuesday after a long debate. " * 30)
    found = blocks.split_blocks([line])
    assert "By Mara Lindqvist" in found and "Full Bio" in found
    assert not any(block.startswith("By Mara Lindqvist Full") for block in found)


@pytest.mark.parametrize("credit", [
    "(Saul Loeb/AFP/Getty Images)", "(Photo by Ana Lind/Getty)", "Photograph: Ana Lind/AFP/Getty", "Credit: Getty Images",
])
def test_a_photo_credit_ends_its_block(credit: str) -> None:
    parts = blocks.chrome_phrases(f"The old pier at dawn. {credit} The harbour board voted on Tuesday.")
    assert parts[-1] == "The harbour board voted on Tuesday."


def test_a_wire_dateline_is_no_credit() -> None:
    text = "WASHINGTON (AP) The harbour board voted on Tuesday."
    assert blocks.chrome_phrases(text) == [text]


@pytest.mark.parametrize(("text", "date"), [
    ("By Mara Lindqvist March 4, 2024 facebook twitter share", "March 4, 2024"),
    ("Pier closes By Mara Lindqvist - March 4, 2024 21 minutes read", "March 4, 2024"),
])
def test_a_header_date_is_cut_whatever_follows(text: str, date: str) -> None:
    assert date in blocks._split_dates_and_bylines(text)


def test_a_date_after_a_lower_case_word_stays_in_its_sentence() -> None:
    text = "The pier closed on March 4, 2024 and reopens in May."
    assert blocks._split_dates_and_bylines(text) == [text]


@pytest.mark.parametrize("text", [
    "On March 4, 2024, the harbour board closed the pier.",  # an opening adverbial: the date ends a clause
    "The pier closed (March 4, 2024) for repairs.",
    "Harbour notes. Retrieved 2024-03-04. ^ Lind, Ana (2001).",  # a reference list's access date
    "Closed since 4 March 2024; the board meets again in May.",
])
def test_a_date_before_clause_punctuation_stays_in_its_sentence(text: str) -> None:
    assert blocks._split_dates_and_bylines(text) == [text]


@pytest.mark.parametrize("text", [
    "Her new film Call Me By Your Name is out on Friday.",  # a title in prose: "By" + possessive
    "The song Stand By Me was played at the opening.",
    "Read It By Their Light was the board's motto for years.",
])
def test_by_before_a_pronoun_or_determiner_is_no_byline(text: str) -> None:
    assert blocks._split_dates_and_bylines(text) == [text]


@pytest.mark.parametrize("word", blocks.NOT_NAME_WORDS)
def test_no_byline_name_starts_with_a_not_name_word(word: str) -> None:
    assert f"By {word} Lindqvist" not in blocks._split_dates_and_bylines(f"Pier closes By {word} Lindqvist The board voted")


def test_a_byline_before_a_header_date_is_still_cut() -> None:
    assert blocks._split_dates_and_bylines("Pier closes By Mara Lindqvist March 4, 2024. The board voted") [:2] == [
        "Pier closes", "By Mara Lindqvist"]


@pytest.mark.parametrize(("raw", "block"), [
    ("ByMara Lindqvist", "By Mara Lindqvist"),
    ("By Mara Lindqvist.", "By Mara Lindqvist"),
    ("By Mara Lindqvist Jr.", "By Mara Lindqvist Jr."),  # an abbreviation keeps its full stop
])
def test_byline_text(raw: str, block: str) -> None:
    assert blocks._byline_text(raw) == block


# title-case headlines of a teaser rail run together (a one-line dump's rail, cut into a block at its
# sentence ends): no prose, a short line (lines._is_headline_run); invented text
RAIL = ("Harbour Board Backs a Plan to Dredge the Eastern Channel Pier to Close for Repairs in the Winter "
        "Ferry Crews Vote on a New Rota as the Council Names Its Wardens")


@pytest.mark.parametrize(("text", "run"), [
    (RAIL, True),
    (RAIL + ".", False),  # a sentence end: a title-case sentence is no rail
    (" ".join(RAIL.split()[:19]), False),  # under HEADLINE_RUN_MIN_WORDS words: a long headline
    ("Honourable mentions: Harbour Lights, The Long Pier, Eastern Channel, Seven Wardens, Night Ferry, "
     "Old Quay Blues, Winter Repairs", False),  # a list of titles keeps its commas
    ("The harbour board voted on Tuesday to close the old pier to all traffic until the spring and to "
     "review the ferry rota", False),  # lower-case prose without a full stop
])
def test_a_run_of_title_case_headlines_is_no_prose(text: str, run: bool) -> None:
    line = ln.classify([text])[0]
    assert ln._is_headline_run(line, text) is run
    if run:  # with its function words it would read as prose (20 words or more, a fifth of them stopwords)
        assert line.kind == ln.SHORT and line.stop >= 0.2
