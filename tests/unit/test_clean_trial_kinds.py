"""Kinds fresh users saw on real pages (the second new-user trials): credit lines, glued outlets, captions
that quote, teaser links, marked standfirsts. Each test page and sentence here is invented."""

from __future__ import annotations

import pytest

from workers.stages import clean as clean_stage
from workers.stages.clean import lines as ln
from workers.stages.clean import metadata as md
from workers.stages.clean import vocabulary as v
from workers.stages.clean import bylines as clean_bylines
from workers.stages.clean import paragraphs as clean_paragraphs

PROSE = [
    "The harbour authority approved a plan on Tuesday to dredge the northern channel before the spring "
    "shipping season, ending two years of argument between fishing crews and freight operators.",
    "Under the plan, dredgers will remove about forty thousand cubic metres of silt from the channel, which "
    "has grown so shallow that larger vessels must wait for high tide to reach the grain terminal.",
    "Fishing crews had opposed earlier versions of the scheme, saying the work would disturb breeding grounds "
    "for crab and flatfish near the mouth of the estuary during the busiest months of the year.",
    "The approved version limits dredging to the weeks between late January and mid March, when surveys show "
    "the fewest juvenile fish in the channel, and requires a monitoring boat to stay on site.",
    "Freight operators welcomed the decision but said the delay had already cost them contracts, as two grain "
    "buyers moved their shipments to a deeper port further along the coast last autumn.",
]
TITLE = "Harbour authority approves dredging plan for northern channel"


def _page(top: str = "", bottom: str = "", byline: str = "By Jane Doe", site: str = "Example Gazette",
          lead_prefix: str = "") -> str:
    paragraphs = [lead_prefix + PROSE[0]] + PROSE[1:]
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<!doctype html><html><head><title>{TITLE} | {site}</title><meta property="og:site_name" '
            f'content="{site}"></head><body><header><div class="logo">{site}</div><nav><a href="/">Home</a> '
            f'<a href="/news">News</a></nav></header><main><article><h1>{TITLE}</h1><div class="byline">{byline}</div>'
            f'<time datetime="2024-03-05T10:00:00Z">March 5, 2024</time>\n{top}\n{body}\n{bottom}\n</article></main>'
            f"<footer><p>Copyright 2024 {site}. All rights reserved.</p></footer></body></html>")


def _clean(html: str) -> dict:
    return clean_stage.clean({"id": "x", "source": None, "content_type": "text/html", "content": html, "fetched_at": None})


# 1. a desk or agency credit alone above the lead

@pytest.mark.parametrize("text", ["GT Report", "K.L. Report", "ABC Reports", "Staff Report", "Metro Desk", "Agencies"])
def test_desk_and_initials_credits(text):
    assert v.DESK_CREDIT.match(text)


@pytest.mark.parametrize("text", ["Book Report", "Report", "The Report", "Jane Doe"])
def test_words_that_are_no_desk_credit(text):
    assert not v.DESK_CREDIT.match(text)


@pytest.mark.parametrize("credit", ["GT Report", "Staff Report", "Harbour Desk"])
def test_a_credit_line_above_the_lead_is_no_body_text(credit):
    record = _clean(_page(top=f"<p>{credit}</p>", byline=""))
    assert credit not in record["body"]
    assert record["paragraphs"][0] == PROSE[0]


def test_credit_lines_only_at_the_top_of_the_article():
    removed: dict = {}
    paragraphs = ["Staff Report", *PROSE[:3], "Metro Desk", PROSE[3]]
    assert clean_bylines.drop_lead_credits(paragraphs, removed) == paragraphs[1:]  # the fifth paragraph is past the top
    assert clean_bylines.drop_lead_credits(["Staff Report"], removed) == ["Staff Report"]  # never the only paragraph
    assert clean_bylines.drop_lead_credits(["The Newsroom Report is out.", PROSE[0]], removed)[0] == "The Newsroom Report is out."


# 2. a byline with the outlet glued on

@pytest.mark.parametrize(("name", "site", "expected"), [
    ("Jane Doe. Example International", "", "Jane Doe"),  # an outlet after a full stop
    ("J. R. Doe", "", "J. R. Doe"),  # initials are no full stop of a sentence
    ("Dr. Jane Doe", "", "Dr. Jane Doe"),  # a title: one word before the stop
    ("John Doe Jr. Example Gazette", "", "John Doe Jr. Example Gazette"),  # a suffix's stop
    ("Ann Lee CityVoice Staff", "", "Ann Lee"),
    ("Jane Doe Staff", "", "Jane Doe"),
    ("Ann Lee CNN", "CNN", "Ann Lee"),
    ("Jane Doe Example Gazette", "Example Gazette", "Jane Doe"),  # the site's name in several words
    ("Jane Doe Example Gazette Desk", "Example Gazette", "Jane Doe"),
    ("Joe Park Acme Team", "Other Site", "Joe Park Acme Team"),  # a team of another name stays
    ("Jane Doe", "Doe", "Jane Doe"),  # a two-word name keeps its surname
])
def test_name_without_credit(name, site, expected):
    assert md.name_without_credit(name, ln.key(site) if site else "") == expected


@pytest.mark.parametrize(("text", "names"), [
    ("By Jane Doe. Example International", ["Jane Doe"]),
    ("Gary Roe, AP Sports Writer", ["Gary Roe"]),  # an agency's role title is no second author
    ("Jane Doe Sports Writer", ["Jane Doe"]),
    ("By Jane Doe and Tom Hale", ["Jane Doe", "Tom Hale"]),
])
def test_bylines_with_an_outlet_or_role_glued_on(text, names):
    assert md.authors(text) == names


@pytest.mark.parametrize(("line", "expected"), [
    ("By Jane Doe. Example International", ("Jane Doe", "Example International")),  # the outlet is the source
    ("By Jane Doe, Tom Hale. Example International", ("Jane Doe, Tom Hale", "Example International")),
    ("By Jane Doe Staff", ("Jane Doe Staff", None)),  # a staff credit is no outlet (authors() strips it)
    ("By Dr. Jane Doe", ("Dr. Jane Doe", None)),
])
def test_byline_line_with_an_outlet_after_a_full_stop(line, expected):
    assert md.byline(line) == expected


def test_a_page_byline_with_its_outlet_glued_on():
    record = _clean(_page(byline="By Jane Doe. Example International", site="Example International"))
    assert record["authors"] == ["Jane Doe"]


# 4. a caption that quotes words, with its photo credit

@pytest.mark.parametrize("text", [
    'Fans hold a banner reading "Thank you, captain" outside the stadium on Sunday. (Photo: John Roe/Example Gazette)',
    "Fans hold a banner reading “Thank you” outside the stadium on Sunday. John Roe/AP",
    'Fans hold a banner reading "Farewell" on Sunday. Photo: John Roe',
    'A sign reading "Closed" hangs on the terminal gate on Monday. Getty Images',
])
def test_a_caption_that_quotes_a_banner_is_still_a_caption(text):
    assert v.CLOSING_CREDIT.search(text)
    assert md.is_caption(text, before_lead=True) and md.is_caption(text, before_lead=False)


@pytest.mark.parametrize("text", [
    '"We will finish the work before the season starts," the harbour master said on Tuesday.',
    'The harbour master said "the photo shows the problem" and asked for more money.',
])
def test_quoted_speech_without_a_closing_credit_is_no_caption(text):
    assert not v.CLOSING_CREDIT.search(text)
    assert not md.is_caption(text, before_lead=True)


# 5. a teaser link inside the article

@pytest.mark.parametrize("text", [
    "MORE: Port city weighs new ferry link to the islands",
    "READ MORE: Port city weighs new ferry link to the islands",
    "ALSO READ | Port city weighs new ferry link to the islands",
    "Related: Port city weighs new ferry link",
])
def test_teaser_links(text):
    assert v.TEASER_LINK.match(text) and v.UI_PREFIX.match(text)
    (line,) = ln.classify([text])
    assert line.reason == "ui_vocabulary"


@pytest.mark.parametrize("text", [
    "More – much more – was at stake for the crews than the freight operators admitted.",
    "More than forty boats joined the protest in the harbour on Saturday morning.",
    "Moreover: the plan still needs the minister's signature.",
])
def test_prose_that_opens_with_more_is_no_teaser_link(text):
    assert not v.TEASER_LINK.match(text)
    assert not v.UI_PREFIX.match(text)


def test_a_teaser_link_inside_the_article_is_not_kept():
    record = _clean(_page(bottom="<p>MORE: Port city weighs new ferry link to the islands</p>"))
    assert "ferry link" not in record["body"]
    assert record["paragraphs"] == PROSE


# 6. a standfirst the page marks, left as the first body paragraph

DEK = "Fishing crews win limits on the timing of the work after two years of talks"


@pytest.mark.parametrize("classes", ["standfirst", "e-standfirst", "c-dek", "hl__deck", "article-subhead",
                                     "story-body__introduction", "post-excerpt", "summary", "subtitle"])
def test_standfirst_class_words(classes):
    assert v.STANDFIRST_CLASS.search(classes)


@pytest.mark.parametrize("classes", ["desktop", "decked-out", "summarycard", "introvert", "subheading-list"])
def test_class_words_that_are_no_standfirst(classes):
    assert not v.STANDFIRST_CLASS.search(classes)


@pytest.mark.parametrize("element", [f"<h2 class='standfirst'>{DEK}</h2>", f"<p class='article-dek'>{DEK}</p>"])
def test_a_marked_standfirst_is_the_summary_not_the_lead(element):
    record = _clean(_page(top=element))
    assert record["summary"] == DEK
    assert record["paragraphs"] == PROSE


def test_an_unmarked_first_paragraph_stays_the_lead():
    assert not clean_paragraphs.marked_standfirst([DEK, *PROSE], ["Another dek of a teaser above the article"])
    assert not clean_paragraphs.marked_standfirst([DEK], [DEK])  # the only paragraph is the article


# a byline line without "By" left at the top of the body

@pytest.mark.parametrize(("text", "name", "expected"), [
    ("Gary Roe, Ap Sports Writer", "GARY ROE", True),  # a declared author in capitals, an agency's role title
    ("Tatiana Roe @TatianaRoe", "Tatiana Roe", True),  # a social-media handle
    ("Jane Doe", "Jane Doe", True),
    ("Jane Doe, Staff Writer", "Jane Doe", True),
    ("Jane Doe said the channel had been too shallow for years.", "Jane Doe", False),
    ("Jane Doe is a reporter who covers the harbour.", "Jane Doe", False),
    ("Jane Does the work", "Jane Doe", False),
    ("Jane Doe, the harbour writer", "Jane Doe", False),
])
def test_byline_credit(text, name, expected):
    assert md.byline_credit(text, name) is expected


def test_a_byline_line_at_the_top_of_the_body_is_no_body_text():
    removed: dict = {}
    paragraphs = ["Jane Doe, Staff Writer", *PROSE]
    assert clean_bylines.without_byline_lines(paragraphs, ["Jane Doe"], removed) == PROSE
    assert removed == {"metadata": 1}
    late = [*PROSE[:3], "Jane Doe", PROSE[3]]  # past the top: kept
    assert clean_bylines.without_byline_lines(late, ["Jane Doe"], {}) == late
    assert clean_bylines.without_byline_lines(["Jane Doe"], ["Jane Doe"], {}) == ["Jane Doe"]
