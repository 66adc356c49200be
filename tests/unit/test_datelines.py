"""Datelines of wire copy and press releases: the place, the agency, and a date that dates the article."""

from __future__ import annotations

import pytest

from workers.records import raw_record
from workers.stages.clean import clean
from workers.stages.clean import metadata as md

LEAD = "Acme Robotics today announced a new warehouse system that sorts parcels twice as fast as before."
FOLLOWING = [
    "The system uses cameras and a new gripper to handle boxes of many sizes, the company said in a statement.",
    "Acme said the first customers would install the sorter in their distribution centres later this year.",
]


def _release(*opening: str) -> dict:
    """A short press release: its opening lines (headline, header, the lead under its dateline), then two paragraphs."""
    content = "\n\n".join([*opening, *FOLLOWING])
    return clean(raw_record("acme", content, fetched_at="2024-05-03T10:00:00+00:00"))


@pytest.mark.parametrize(
    "opening, place, agency, date",
    [
        ("AUSTIN, Texas, May 2, 2024 (Business Wire) -", "AUSTIN, Texas, May 2, 2024", "Business Wire", "May 2, 2024"),
        ("NEW YORK, Jan. 15, 2023 /PRNewswire/ --", "NEW YORK, Jan. 15, 2023", "PRNewswire", "Jan. 15, 2023"),
        ("SEATTLE, Sept. 9, 2022 --", "SEATTLE, Sept. 9, 2022", None, "Sept. 9, 2022"),
        ("LONDON, June 8 (Reuters) -", "LONDON, June 8", "Reuters", None),
        ("WASHINGTON (AP) —", "WASHINGTON", "AP", None),
        ("PARIS -", "PARIS", None, None),
        # a double quote set off by spaces where the em dash belongs (a CMS lost the dash)
        ('ROME, Italy (AP) "', "ROME, Italy", "AP", None),
        ("OSLO ”", "OSLO", None, None),
        # Business Wire: the wire between double hyphens, no spaces
        ("SAN DIEGO--(BUSINESS WIRE)--", "SAN DIEGO", "BUSINESS WIRE", None),
        ("AUSTIN, Texas--(BUSINESS WIRE)--", "AUSTIN, Texas", "BUSINESS WIRE", None),
        ("WILKES-BARRE, Pa.--", "WILKES-BARRE, Pa.", None, None),
        # places with accented capitals, and a country before a yearless date
        ("JAÉN, Spain, March 5 (Reuters) -", "JAÉN, Spain, March 5", "Reuters", None),
        ("ŁÓDŹ, Poland (AP) —", "ŁÓDŹ, Poland", "AP", None),
        ("SÃO PAULO, March 5 (Reuters) -", "SÃO PAULO, March 5", "Reuters", None),
    ],
)
def test_dateline_forms(opening, place, agency, date):
    found, rest, found_agency = md.split_dateline(f"{opening} {LEAD}")
    assert (found, found_agency, md.dateline_date(found)) == (place, agency, date)
    assert rest == LEAD


def test_a_dated_press_release_dateline_dates_an_undated_release():
    record = _release("Acme Robotics unveils faster parcel sorter", f"AUSTIN, Texas, May 2, 2024 (Business Wire) - {LEAD}")
    assert record["dateline"] == "AUSTIN, Texas, May 2, 2024"
    assert record["published_at"] == "2024-05-02"
    assert record["source"] == "Business Wire"
    assert record["paragraphs"][0] == LEAD


@pytest.mark.parametrize("opening", ["Jaén -", "JAén -", "北京 -"])
def test_a_place_not_in_capitals_is_no_caps_dateline(opening):
    assert md.split_dateline(f"{opening} {LEAD}")[0] is None


def test_a_quote_that_opens_speech_after_a_capitalised_word_is_no_dateline():
    # the quote mark is a dash only when spaces set it off on both sides
    paragraph = 'ROME "The city will reopen its schools next week," the mayor told reporters on Monday.'
    assert md.split_dateline(paragraph) == (None, paragraph, None)


def test_a_business_wire_release_keeps_its_lead_whole_and_names_the_wire():
    record = _release("Acme Robotics names new chief technology officer", f"SAN DIEGO--(BUSINESS WIRE)--{LEAD}")
    assert (record["dateline"], record["source"]) == ("SAN DIEGO", "BUSINESS WIRE")
    assert record["paragraphs"][0] == LEAD


def test_a_news_provided_by_label_is_not_the_source():
    # PR Newswire's page header: the label, the issuer on the next line, the release time
    record = _release("Acme Robotics unveils faster parcel sorter", "NEWS PROVIDED BY", "Acme Robotics Inc.",
                      "May 02, 2024, 08:00 ET", f"AUSTIN, Texas, May 2, 2024 /PRNewswire/ -- {LEAD}")
    assert record["source"] == "PRNewswire"
    assert record["paragraphs"][0] == LEAD
