"""Wire and newspaper header shapes: a byline without "By" that says where its reporters filed from ("Jane
Doe in Kyiv" over the date line, the Guardian's and many papers' style) and a Title Case headline of the
same shape that is no byline; an agency's upper-case co-authors run into its name with the update time's
zone before the date ("By JANE DOE and JOHN ROE Associated Press" / "Updated 3:45 PM EDT, March 5, 2024")."""

from __future__ import annotations

import pytest

from workers.records import raw_record
from workers.stages.clean import clean
from workers.stages.clean import metadata as md

BODY = [
    "The city council voted 7-2 on Tuesday to approve a new bus network that adds late-night routes across "
    "the eastern districts, after two years of public hearings.",
    "Supporters said the plan would help shift workers who now walk long distances after midnight. Opponents "
    "said the council had not found the money to run the extra buses.",
    "\"This is the biggest change to our buses in forty years,\" said council member Rosa Delgado. The first "
    "routes start in September.",
]
DATE = "Tue 5 Mar 2024 14.00 GMT"


def _cleaned(*header: str) -> dict:
    return clean(raw_record("r", "\n\n".join([*header, *BODY]), fetched_at="2024-03-06T00:00:00+00:00"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Jane Doe in Kyiv", "Jane Doe"), ("Jane Doe and John Roe in New Delhi", "Jane Doe and John Roe"),
     ("Jane Doe in the newsroom", "Jane Doe in the newsroom"), ("Jane Doe", "Jane Doe")],
)
def test_without_reporting_place(text, expected):
    assert md.without_reporting_place(text) == expected


@pytest.mark.parametrize(
    ("name_line", "authors"),
    [("Jane Doe in Kyiv", ["Jane Doe"]), ("Jane Doe and John Roe in New Delhi", ["Jane Doe", "John Roe"])],
)
def test_a_name_in_a_place_under_the_headline_is_the_byline(name_line, authors):
    record = _cleaned("Council approves new bus network", name_line, DATE)
    assert record["title"] == "Council approves new bus network"
    assert record["authors"] == authors
    assert record["published_at"] == "2024-03-05T14:00:00+00:00"


@pytest.mark.parametrize("headline", ["Heavy Rain in Spain", "Storm Damage in Texas"])
def test_a_title_case_headline_of_that_shape_stays_the_headline(headline):
    record = _cleaned(headline, DATE)
    assert (record["title"], record["authors"]) == (headline, [])


def test_agency_coauthors_and_an_update_time_with_its_zone():
    record = _cleaned("Council approves new bus network", "By JANE DOE and JOHN ROE Associated Press",
                      "Updated 3:45 PM EDT, March 5, 2024")
    assert record["authors"] == ["JANE DOE", "JOHN ROE"]
    assert record["source"] == "Associated Press"
    assert record["updated_at"] == "2024-03-05T15:45:00-04:00"
