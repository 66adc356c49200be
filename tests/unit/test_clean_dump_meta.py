"""Titles and bylines of plain-text dumps, tenth session (issue 10 items 1, 3, 5): kinds where the dump
shows the headline or the byline and the text path gave another line or none, row by row. Every name
and sentence here is invented.

Each rule is tested both ways: the case it is for, and the near case it must leave alone."""

from __future__ import annotations

import pytest

from dump_texts import ARTICLE

from workers.stages import clean as clean_stage
from workers.stages.clean import metadata as md


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
