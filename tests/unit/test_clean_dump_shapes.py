"""Dump passes of the sixth session (issue 10 item 3): shapes of a page dump that decide where the
article's run ends and what its header holds. Synthetic lines only; each rule and each row tested."""

from __future__ import annotations

import pytest

from workers.stages.clean import core as stage
from workers.stages.clean import bylines as clean_bylines
from workers.stages.clean import run as clean_run

ARTICLE = [
    "The harbour board approved a plan on Monday to dredge the outer channel before the autumn storms arrive.",
    "Engineers said the channel had silted up faster than expected after two wet winters in a row.",
    "The work will cost about four million pounds and is expected to take eleven weeks to complete.",
]
HEADER = ["Harbour board backs channel dredging", "By Jane Doe", "March 5, 2024"]
# a list of links to other pages: a few headlines read as prose, the list goes on below them
LINK_LIST = [
    "* Ferry Fares vs. Rail Fares: How Do They Compare?",
    "* Best Coastal Walks",
    "* Lighthouse Tours vs. Boat Trips: Which Is Better?",
    "* Harbour Review",
    "* Marina Review",
    "* Quay Review",
]


def test_a_link_list_the_run_cuts_in_two_is_not_article():
    record = stage.clean_lines([*HEADER, *ARTICLE, *LINK_LIST, "Follow Us", "Facebook Twitter Instagram"])
    assert record["paragraphs"] == ARTICLE


@pytest.mark.parametrize(
    "items",
    [
        # the article's own list: its items end in full stops
        ["* Boats must register with the harbour master before entering.", "* Fees are due within a week.",
         "* Dredging runs from May to July.", "* Anchoring is banned in the channel."],
        # a list that does not go on below the run's end
        ["* Ferry Fares vs. Rail Fares: How Do They Compare?", "* Lighthouse Tours vs. Boat Trips: Which Is Better?"],
    ],
)
def test_an_articles_own_list_stays(items):
    texts = [*HEADER, *ARTICLE, *items]
    record = stage.clean_lines(texts + ["Follow Us", "Facebook Twitter Instagram"])
    kept = [p for p in record["paragraphs"] if p.startswith("* ")]
    prose_items = [item for item in items if record["paragraphs"].count(item)]
    assert kept == prose_items  # whatever the run keeps of the list, the new rule does not cut it
    assert clean_run._end_before_link_list(stage.ln.classify(texts), 0, len(texts)) == len(texts)


# vocabulary rows, row by row: (table, how it is applied, line, matches)
@pytest.mark.parametrize(
    "table, how, line, matches",
    [
        ("CAPS_CREDIT_TAIL", "search", "Officers found the boat on a trailer at the ramp in Fajardo. By U.S. CUSTOMS AND BORDER PROTECTION", True),
        ("CAPS_CREDIT_TAIL", "search", "The new ferry leaves the quay on its first run on Monday. Photo by JANE DOE", True),
        ("CAPS_CREDIT_TAIL", "search", "Crews cleared the channel on Friday. By REUTERS", True),
        # a name in ordinary case, or no sentence before it: not this shape
        ("CAPS_CREDIT_TAIL", "search", "The report was written by Jane Doe", False),
        ("CAPS_CREDIT_TAIL", "search", "The ferry was built in 1962. By then the port had closed", False),
        ("CAPS_CREDIT_TAIL", "search", "The work was paid for by NASA and the ESA", False),
        ("AUTHOR_LINK", "match", "Search for this author in:", True),
        ("AUTHOR_LINK", "match", "Search for more papers by this author", True),
        ("AUTHOR_LINK", "match", "View all articles by this author", True),
        ("AUTHOR_LINK", "match", "More stories from this author", True),
        ("AUTHOR_LINK", "match", "Search for:", False),
        ("AUTHOR_LINK", "match", "About this author", False),
    ],
)
def test_caption_credit_and_author_link_rows(table, how, line, matches):
    from workers.stages.clean import vocabulary as v

    assert bool(getattr(getattr(v, table), how)(line)) is matches


def test_a_caption_with_its_credit_over_the_lead_is_not_the_standfirst():
    caption = ("The harbour board approved a plan to dredge the outer channel before the autumn storms. "
               "By PORT AUTHORITY PRESS OFFICE")
    record = stage.clean_lines([*HEADER, caption, *ARTICLE])
    assert record["summary"] is None
    assert record["paragraphs"] == ARTICLE


def test_a_bare_name_over_an_author_link_is_the_byline():
    # no date line over the name (a name under it is the byline by another rule): only the link says so
    texts = ["Harbour board backs channel dredging", "Jane Doe", "Search for this author in:",
             "* PubMed", "* Google Scholar", *ARTICLE]
    record = stage.clean_lines(texts)
    assert record["byline"] == "Jane Doe"
    assert record["paragraphs"] == ARTICLE


@pytest.mark.parametrize(
    "line, names",
    [
        ("Ibtisam Mahdi, Ruwaida Kamal Amer", True),
        ("Jane Doe and John Smith", True),
        ("Jane Doe, John Smith and Ann Lee", True),
        ("Jane Doe", False),  # one name: _person_name's case
        ("Local News, Top Stories", False),
        ("Boats, Ferries and Trains", False),
    ],
)
def test_co_author_names_on_one_line(line, names):
    assert clean_bylines._person_names(line) is names


def test_co_authors_over_the_date_line_under_a_kept_standfirst():
    standfirst = "With the channel silting up, the harbour board struggles to keep the ferries running on time."
    texts = ["Harbour board backs channel dredging", standfirst, "Jane Doe, John Smith",
             "November 8 2023, 3:18 p.m.", *ARTICLE]
    record = stage.clean_lines(texts)
    assert record["byline"] == "Jane Doe, John Smith"
    assert "Jane Doe, John Smith" not in record["paragraphs"]


@pytest.mark.parametrize(
    "line, owner",
    [
        ("Archive – RSS – Imprint – 2009-2020 by Florian Posdziech – Powered by Nikola", "Florian Posdziech"),
        ("© 2019 by Jane Doe. All rights reserved.", "Jane Doe"),
        ("Copyright 2021 by Ann Marie Lee", "Ann Marie Lee"),
        ("Posted in 2020 by a reader", None),
        ("The law passed in 2019 by Congress", None),
    ],
)
def test_copyright_by_rows(line, owner):
    from workers.stages.clean import vocabulary as v

    m = v.COPYRIGHT_BY.search(line)
    assert (m.group("name") if m else None) == owner


@pytest.mark.parametrize(
    "footer, byline",
    [
        ("© 2009-2020 by Jane Doe – Powered by Nikola", "Jane Doe"),
        ("© 2020 by The Harbour Times Company", None),  # an outlet or company, not a person
    ],
)
def test_a_personal_sites_copyright_owner_is_the_byline_when_none_is_given(footer, byline):
    record = stage.clean_lines(["Harbour board backs channel dredging", *ARTICLE, "Archive", footer])
    assert record["byline"] == byline


@pytest.mark.parametrize(
    "heading, kind",
    [
        ("AboutUniversity of Michigan", "legal"),  # "About" and the linked name glued by the dump
        ("AboutAcme Robotics", "legal"),
        ("About Acme Robotics", "legal"),
        ("Aboutness", None),
        ("About the study", None),
    ],
)
def test_an_about_heading_glued_to_its_organisation(heading, kind):
    from workers.stages.clean import sections

    assert sections.heading_kind(heading) == kind


@pytest.mark.parametrize(
    "heading, kind",
    [
        ("Don’t miss", "teasers"),  # a typographic apostrophe, as most CMSs print it
        ("Editor’s picks", "teasers"),
        ("Editors’ picks", "teasers"),
        ("Here’s what readers say", "comments"),
    ],
)
def test_headings_with_a_typographic_apostrophe(heading, kind):
    from workers.stages.clean import lines as ln
    from workers.stages.clean import sections

    assert sections.heading_kind(heading) == kind
    if kind == "teasers":
        assert ln.classify([heading])[0].reason == "ui_vocabulary"
