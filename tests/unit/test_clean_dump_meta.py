"""Titles and bylines of plain-text dumps, tenth session (issue 10 items 1, 3, 5): kinds where the dump
shows the headline or the byline and the text path gave another line or none, row by row. Every name
and sentence here is invented.

Each rule is tested both ways: the case it is for, and the near case it must leave alone."""

from __future__ import annotations

import pytest

from dump_texts import ARTICLE

from workers.stages import clean as clean_stage
from workers.stages.clean import lines as ln
from workers.stages.clean import metadata as md
from workers.stages.clean import headline as clean_headline


def _dump(lines: list[str]) -> dict:
    return clean_stage.clean({"id": "t", "content": "\n".join(lines), "content_type": "text/plain"})


# --- a byline whose date opens with the weekday; a nickname in quotes inside the name --------------
@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("By Jane Roe on Thu, Nov 9, 2023 at 4:00 am", "Jane Roe"),
        ("Posted by Jane Roe on Saturday, March 2, 2024", "Jane Roe"),
        ("By Jane Roe on Wed. 6 March 2024", "Jane Roe"),
        ("By Jane Roe on Tuesdays we meet", None),  # not a date after "on"
        ("By Jane Roe on Monday", None),  # a weekday alone is no date
        ('By Maria "Mia" Lopez November 19, 2023 7:18 pm', 'Maria "Mia" Lopez'),
        ("By Maria “Mia” Lopez", "Maria “Mia” Lopez"),
        ('By "the team" at Example', None),  # a quoted lower-case phrase is no name
    ],
)
def test_byline_rows_weekday_dates_and_nicknames(line, name):
    found = md.byline(line)
    assert (found[0] if found else None) == name


def test_a_weekday_dated_byline_under_the_headline_is_the_pages_author():
    record = _dump(["Harbour board backs channel dredging", "By Jane Roe on Thu, Nov 9, 2023 at 4:00 am",
                    *ARTICLE])
    assert record["authors"] == ["Jane Roe"]
    assert record["published_at"].startswith("2023-11-09")


# --- the headline over the header's byline line ---------------------------------------------------
HEADLINE = "Storm season looms for the port"  # shares few words with the article (a telegraphic headline)
ECHO = "Engineers say the channel silted up faster after two wet winters"  # shares many
SHARE = ["Share", "* Facebook", "* Twitter", "* Email"]
TEASERS = ["Ferry timetable changes for the winter season", ECHO, "Lifeboat crew rescues two walkers near cliffs"]


def test_the_line_over_the_byline_beats_a_teaser_between_the_byline_and_the_article():
    record = _dump([HEADLINE, "By Jane Roe", "Updated March 4, 2024", *SHARE, *TEASERS, *ARTICLE])
    assert record["title"] == HEADLINE


def test_the_headline_over_a_standfirst_over_the_byline_beats_a_kicker_quote_above_it():
    dek = ("The chair says the work cannot wait for another winter, and the engineers agree that the "
           "silt in the channel has built up faster than anyone on the board expected")
    record = _dump(["* Home", "* News", f"'{ECHO}'", HEADLINE, dek,
                    "By Jane Roe March 4, 2024, 3:51 pm", *SHARE, *ARTICLE])
    assert record["title"] == HEADLINE


@pytest.mark.parametrize(
    "under",
    [
        "‘It is the biggest dredging job the harbour has seen’",  # a quoted dek under the headline
        "Harbour News Reviews",  # a section label
    ],
)
def test_a_headline_just_above_the_line_over_the_byline_stays(under):
    headline = "Harbour board backs dredging of the outer channel"  # the best-scored header line
    record = _dump(["* Home", headline, under, "By Jane Roe", "March 4, 2024", *ARTICLE])
    assert record["title"] == headline


def test_a_photo_credit_over_the_byline_is_no_headline():
    record = _dump(["* Home", HEADLINE, "Updated March 4, 2024", *SHARE, "Courtesy of Example Photo Agency",
                    "Written by: Jane Roe", *ARTICLE])
    assert record["title"] == HEADLINE


def test_a_dek_displaced_from_right_above_the_lead_stays_article_text():
    record = _dump(["* Home", HEADLINE, "By", "Jane Roe", "Date", "March 4, 2024", *SHARE, ECHO, *ARTICLE])
    assert record["title"] == HEADLINE
    assert ECHO in record["body"]


# --- a header written as list items: the name item over the date item -----------------------------
@pytest.mark.parametrize(
    ("name_line", "date_line", "authors"),
    [
        ("* Jane Roe", "* Friday 8 March 2024", ["Jane Roe"]),  # the header's facts as list items
        ("• Jane Roe", "• March 8, 2024", ["Jane Roe"]),
        ("* Jane Roe", "Friday 8 March 2024", []),  # a lone list item over a bare date: a menu's
        ("Latest Posts", "* March 8, 2024 Jane Roe", []),  # a teaser heading over a teaser's date item
    ],
)
def test_a_name_item_over_a_date_item_is_the_byline(name_line, date_line, authors):
    record = _dump(["* Home", "* News", "Harbour board backs dredging of the outer channel", name_line, date_line,
                    *ARTICLE])
    assert record["authors"] == authors


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("By Jane Roe@jroe Updated Jul 24, 2018, 2:15pm", "Jane Roe"),  # a handle run into the name
        ("By Jane Roe @jroe", "Jane Roe"),  # as before
        ("Posted by jroe@example.com", None),  # an address is no byline
    ],
)
def test_byline_rows_handle_glued_to_the_name(line, name):
    found = md.byline(line)
    assert (found[0] if found else None) == name


def test_a_date_label_after_the_name_still_ends_it():
    assert md.byline("By Jane Roe Last updated Nov 8, 2023 Share this")[0] == "Jane Roe"


def test_a_glued_handle_leaves_the_bylines_date_readable():
    record = _dump(["Harbour board backs dredging of the outer channel",
                    "By Jane Roe@jroe Jul 3, 2019, 4:22am EDT", *ARTICLE])
    assert record["authors"] == ["Jane Roe"]
    assert record["published_at"].startswith("2019-07-03T04:22")


# --- a run that starts with the header: headline, dek, byline, lead -------------------------------
def test_a_headline_and_dek_the_run_starts_with_over_the_byline():
    headline = "Harbour wins its fourth dredging grant in a row!"  # prose to the classifier
    dek = "The board now has the money it asked for, and the work starts in spring."
    record = _dump(["* Home", "* News", "Harbour News", headline, dek, "By Jane Roe March 4, 2024", *ARTICLE])
    assert record["title"] == headline
    assert headline not in record["body"]
    assert record["authors"] == ["Jane Roe"]


def test_a_lead_paragraph_over_the_byline_is_no_headline():
    record = _dump(["* Home", "Harbour board backs dredging of the outer channel", *ARTICLE[:2],
                    "By Jane Roe March 4, 2024", ARTICLE[2]])
    assert record["title"] == "Harbour board backs dredging of the outer channel"


# --- a journal article's list of authors under its title ------------------------------------------
JOURNAL_TITLE = "Effects of channel dredging on harbour silt in two wet winters"


@pytest.mark.parametrize(
    ("items", "authors"),
    [
        (["* Jane Roe, PhD ,", "* John Poe, MD ,", "* Ann Lee, PhD"], ["Jane Roe, PhD", "John Poe, MD", "Ann Lee, PhD"]),
        (["* Jane Roe1", "* John Poe2"], ["Jane Roe", "John Poe"]),  # affiliations' footnote marks
        (["* Jane Roe"], []),  # no journal mark: a menu's item ("* Example Language")
        (["* Jane Roe, Harbour Board ,"], []),  # not a degree after the comma
        (["* Jane Roe1", "* John Poe2", "* Home"], []),  # a list that goes on is a menu
    ],
)
def test_a_journal_author_list_under_the_title(items, authors):
    record = _dump(["* Journal", JOURNAL_TITLE, *items, "Harbour Science volume 3, Article number: 7", *ARTICLE])
    assert record["authors"] == authors


def test_the_title_over_a_journal_author_list_beats_a_section_heading():
    record = _dump(["* Published: 8 March 2024", JOURNAL_TITLE, "* Jane Roe1",
                    "Harbour Science volume 3, Article number: 7", "Abstract", "Purpose of the Review", *ARTICLE])
    assert record["title"] == JOURNAL_TITLE
    assert record["authors"] == ["Jane Roe"]


# --- the last resort: a headline written as a sentence over the header's date or byline ----------
@pytest.mark.parametrize(
    ("header", "title"),
    [
        (["Wild goats ruled the harbour island. Now it is being reborn.", "By Jane Roe"],
         "Wild goats ruled the harbour island. Now it is being reborn."),
        (["Want a deeper outer channel? So does the board.",
          "The board's chair says the work cannot wait for another winter of storms, and the engineers who "
          "surveyed the channel last month agree with her.", "June 19, 2019"],
         "Want a deeper outer channel? So does the board."),
    ],
)
def test_a_sentence_headline_over_the_header(header, title):
    record = _dump(["* Home", *header, *ARTICLE])
    assert record["title"] == title


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("Wild goats ruled the harbour island. Now it is being reborn.", 1),
        ("Home Archives About the harbour FAQ", None),  # no sentence end: a link row
        ("One. Two. Three. Four sentences are a paragraph.", None),
        ("Harbour Board Approves The Dredging Plan.", 1),  # one sentence in Title Case
        ("Follow these steps to keep the outer channel open through the storms.", None),  # a standfirst
        ("* Wild goats ruled the harbour island.", None),  # a list item
    ],
)
def test_sentence_headline_rows(line, found):
    lines = ln.classify(["* Home", line, "June 19, 2019", *ARTICLE])
    meta = [False, False, True] + [False] * len(ARTICLE)
    keep = [False, False, False] + [True] * len(ARTICLE)
    assert clean_headline._sentence_headline(lines, meta, keep, 3) == (found, 3)


def test_a_sites_tagline_on_the_first_line_is_no_headline():
    record = _dump(["Harbour news and information.", "June 19, 2019", *ARTICLE])
    assert record["title"] is None
