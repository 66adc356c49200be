"""A text dump's masthead (the outlet's name on its first line) is its `source` whatever stands
between it and the headline: menu lines, a tagline, an edition date. Rows of invented pages."""

from __future__ import annotations

import pytest

from workers.stages.clean import clean
from workers.stages.clean import core as stage

HEADLINE = "Ferry operator adds winter sailings to the islands"
ARTICLE = [
    "The ferry operator said on Monday it would add three winter sailings a week to the outer islands from December.",
    "Island councils had asked for the extra crossings after storms cancelled a third of last winter's timetable.",
    "The new sailings will use the smaller of the two vessels and run until the end of March, the operator said.",
    "Fares will stay at this year's level, and residents' cards will be valid on every crossing, it added.",
]
BYLINE = "By Marta Lindgren"
DATE = "Published 4 November 2024"


@pytest.mark.parametrize(
    ("header", "source"),
    [
        (["Harbour Gazette", HEADLINE, BYLINE, DATE], "Harbour Gazette"),  # beside the headline (as before)
        (["Harbour Gazette", "Home | Local | Islands | Sport | Weather", HEADLINE, BYLINE, DATE], "Harbour Gazette"),
        (["The Island Times", "Menu | Search | Subscribe", HEADLINE, DATE], "The Island Times"),
        (["Northern Weekly Review", "Politics | Economy | Culture | Subscribe", HEADLINE, BYLINE, DATE],
         "Northern Weekly Review"),
        (["Harbour Gazette", "Home", "Local", "Islands", "Sport", HEADLINE, BYLINE, DATE], "Harbour Gazette"),
        (["Harbour Gazette", "Your island news since 1902", "Monday, 4 November 2024", "Home | Local | Islands",
          HEADLINE, BYLINE, DATE], "Harbour Gazette"),  # a tagline and an edition date between
        (["ISLAND DAILY", "Home | Local | Islands", HEADLINE, BYLINE, DATE], "ISLAND DAILY"),
        # no masthead: a menu item, one word, a menu's first line, a headline on the first line
        (["* Local News", "* Islands", "* Sport", HEADLINE, BYLINE, DATE], None),
        (["News", "Local", "Islands", HEADLINE, BYLINE, DATE], None),
        (["Skip to content", "Home | Local | Islands", HEADLINE, BYLINE, DATE], None),
        ([HEADLINE, BYLINE, DATE], None),
        (["Island Ferry Timetables", "Home | Local | Islands", HEADLINE, BYLINE, DATE], None),  # no outlet word
        (["Discover Harbour Gazette", "Home | Local | Islands", HEADLINE, BYLINE, DATE], None),  # a promo
        (["Subscribe to The Island Times", "Home | Local | Islands", HEADLINE, BYLINE, DATE], None),
    ],
)
def test_the_masthead_of_a_dump_is_its_source(header, source):
    record = stage.clean_lines([*header, *ARTICLE])
    assert record["source"] == source
    assert record["title"] == HEADLINE
    assert record["paragraphs"] == ARTICLE


def test_a_wire_datelines_agency_comes_before_a_masthead_behind_a_menu():
    lead = f"LISBON (Reuters) - {ARTICLE[0]}"
    record = stage.clean_lines(["Harbour Gazette", "Home | Local | World", HEADLINE, DATE, lead, *ARTICLE[1:]])
    assert record["source"] == "Reuters"
    beside = stage.clean_lines(["Harbour Gazette", HEADLINE, DATE, lead, *ARTICLE[1:]])
    assert beside["source"] == "Harbour Gazette"  # an outlet beside the headline came first, as before


def test_the_raw_records_source_wins_and_html_text_has_no_masthead_slot():
    text = "\n\n".join(["Harbour Gazette", "Home | Local | Islands", HEADLINE, BYLINE, DATE, *ARTICLE])
    record = clean({"id": "m1", "content": text, "content_type": "text/plain", "source": "https://example.org/feed"})
    assert record["source"] == "https://example.org/feed"
    assert clean({"id": "m2", "content": text, "content_type": "text/plain"})["source"] == "Harbour Gazette"
    trusted = stage.clean_lines(["Harbour Gazette", "Home | Local | Islands", HEADLINE, BYLINE, DATE, *ARTICLE], trusted=True)
    assert trusted["source"] is None  # HTML: the extractors' text has no page top; sitename decides there


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Marta Lindgren, Chief Reporter", ("Marta Lindgren", None)),  # a staff role, not an outlet
        ("By Marta Lindgren, Senior Reporter", ("Marta Lindgren", None)),
        ("By Marta Lindgren, Harbour Gazette", ("Marta Lindgren", "Harbour Gazette")),
        ("By Marta Lindgren, Staff Writer, Island Weekly", ("Marta Lindgren", "Island Weekly")),
    ],
)
def test_a_staff_role_after_the_byline_is_not_the_source(line, expected):
    from workers.stages.clean import metadata as md

    assert md.byline(line) == expected
