"""Kinds a twelfth-session probe of page shapes found (invented pages: an interview transcript, a live page
turned into a report, a match report under a score box, a business story with "Read more on" links, a
story with ad slots every two paragraphs, a headline written with typographic quotes): each rule beside
the near case it must leave alone."""

from __future__ import annotations

import pytest
from probe_texts import BODY
from probe_texts import cleaned as _cleaned

from workers.stages import placenames
from workers.records import raw_record
from workers.stages.clean import bylines, clean
from workers.stages.clean import html as html_extract
from workers.stages.clean import lines as ln
from workers.stages.clean import metadata as md
from workers.stages.clean import vocabulary as v


def _html(head: str, body: str) -> dict:
    page = f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">{head}</head><body>{body}</body></html>"
    return clean(raw_record("h", page, content_type="text/html", fetched_at="2024-12-01T00:00:00+00:00"))


# --- an interviewer's byline: "Interview by Jane Doe"

@pytest.mark.parametrize("line", ["Interview by Ana Lind", "Interviewed by Ana Lind", "INTERVIEW BY Ana Lind"])
def test_an_interview_byline_names_the_interviewer(line):
    record = _cleaned("Board chair on the new water plant", line, "March 5, 2024", *BODY)
    assert record["authors"] == ["Ana Lind"]


def test_an_interview_sentence_is_no_byline():
    assert md.byline("Interview by phone with the board chair") is None or md.byline(
        "Interview by phone with the board chair") != "phone with the board chair"
    record = _cleaned("Board approves water plant", "By Ana Lind", "March 5, 2024",
                      "An interview by Tom Roe for the county radio followed the vote.", *BODY)
    assert record["authors"] == ["Ana Lind"]


# --- a live page's closing banner

@pytest.mark.parametrize(
    "text",
    ["This live coverage has ended. You can read our latest report here.", "This live blog is now closed.",
     "This live page is no longer being updated", "We've now closed this live blog. Read our full report here.",
     "We have ended our live coverage"],
)
def test_a_live_pages_closing_banner_is_a_widget_line(text):
    assert v.WIDGET_LINE.match(text)
    assert ln.classify([text])[0].kind == "boilerplate"


@pytest.mark.parametrize(
    "text",
    ["This live coverage has ended the careers of two presenters, the union said.",
     "This live blog has ended and we will be back tomorrow with more from the count.",
     "This live page shows the count in each ward as it comes in."],
)
def test_a_sentence_about_live_coverage_is_no_banner(text):
    assert not v.WIDGET_LINE.match(text)


def test_a_live_pages_banner_is_cut_from_an_html_page_whatever_the_extractors_keep():
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY)
    record = _html("<title>Water plant vote - as it happened | County Ledger</title>",
                   "<main><h1>Water plant vote - as it happened</h1><p>By Ana Lind</p>"
                   f"<div class=\"banner\">This live coverage has ended. Read our full report here.</div>{paragraphs}</main>")
    assert not any("live coverage has ended" in p for p in record["paragraphs"])
    assert record["paragraphs"][0] == BODY[0]


# --- a scoreboard's score cells run together in a dump

@pytest.mark.parametrize("text", ["Riverside 2 1 Eastfield", "Port Ellis Town 0 3 Harbor City", "Riverside 2-1 Eastfield"])
def test_a_scoreboards_result_line_is_a_scoreline(text):
    assert md.scoreline(text)


@pytest.mark.parametrize("text", ["Riverside 2 Eastfield", "Top 10 places to eat", "Riverside 2 1 eastfield fans"])
def test_other_lines_with_numbers_are_no_scoreline(text):
    assert not md.scoreline(text)


def test_a_score_box_over_a_match_reports_headline_is_no_headline():
    headline = "Riverside 2-1 Eastfield: late header keeps the title race alive"
    lead = [f"Ana Lind's header in the 88th minute gave Riverside the win over Eastfield. {s}" for s in BODY]
    record = _cleaned("County Sport Weekly", "Riverside 2 1 Eastfield", "Lind 34', Moss 88' · Ruiz 61'", headline,
                      "By Tom Roe", "March 5, 2024", *lead)
    assert record["title"] == headline


def test_a_headline_with_a_dek_under_it_stays_the_headline():
    headline = "Board approves new water treatment plant"
    dek = "The plant will be the county's largest public works project in decades"
    record = _cleaned(headline, dek, "By Tom Roe", "March 5, 2024", *BODY)
    assert record["title"] == headline


# --- "Read more on <Site>: <headline>" teaser links

@pytest.mark.parametrize(
    "text",
    ["Read more on County Ledger: Bridge to close for repairs", "READ MORE FROM THE LEDGER: Bridge to close",
     "See also at County Ledger | Bridge to close"],
)
def test_a_read_more_link_naming_its_site_is_a_teaser_link(text):
    assert v.TEASER_LINK.match(text)
    assert ln.classify([text])[0].kind == "boilerplate"


@pytest.mark.parametrize(
    "text",
    ["Read more on the plan: it will cost $4 million, the board said.", "Read more on this: the council said",
     "More on Tuesday: the council will vote on the plan again, officials said."],
)
def test_read_more_on_a_lower_case_subject_is_no_teaser_link(text):
    assert not v.TEASER_LINK.match(text)


# --- an ad slot's marker costs a dump's article run little

def test_a_short_last_paragraph_under_ad_slots_stays():
    last = "The board will hold its next public hearing on the plant in May."
    record = _cleaned("Board approves water plant", "By Ana Lind", "March 5, 2024", BODY[0], "Advertisement", BODY[1],
                      BODY[2], "Advertisement", "Story continues below advertisement", last,
                      "© 2024 County Ledger. All rights reserved.")
    assert record["paragraphs"][-1] == last
    assert not any("dvertisement" in p for p in record["paragraphs"])


def test_an_ad_slot_marker_is_still_chrome():
    line = ln.classify(["Advertisement"])[0]
    assert (line.kind, line.reason) == ("boilerplate", "advertisement")
    assert line.score < 0


# --- the site name around a headline the tab title writes with plain quotes

@pytest.mark.parametrize(
    ("title", "headline", "site"),
    [("Mayor's 'final' budget passes | County Ledger", "Mayor\u2019s \u2018final\u2019 budget passes", "County Ledger"),
     ("County Ledger - \"Open the bridge,\" mayor says", "\u201cOpen the bridge,\u201d mayor says", "County Ledger")],
)
def test_a_tab_title_with_plain_quotes_still_names_the_site(title, headline, site):
    assert html_extract._site_name(title, headline) == site


def test_a_tab_title_of_another_headline_names_no_site():
    assert html_extract._site_name("Mayor's budget fails | County Ledger", "Mayor\u2019s \u2018final\u2019 budget passes") is None


# --- a byline name beside the header's date, without "By"

@pytest.mark.parametrize("line", ["Ana Lind · March 5, 2024", "Ana Lind | 5 March 2024", "Ana Lind • March 5, 2024"])
def test_a_name_beside_the_date_is_the_byline(line):
    record = _cleaned("Board approves new water treatment plant", line, *BODY)
    assert record["authors"] == ["Ana Lind"]
    assert record["published_at"] == "2024-03-05"


@pytest.mark.parametrize("line", ["Local News · March 5, 2024", "County Ledger | March 5, 2024", "Politics · March 5, 2024",
                                  "Harbor City · March 5, 2024", "Clark County | March 5, 2024",
                                  "New South Wales · 5 March 2024", "Costa Rica • March 5, 2024"])
def test_a_section_or_outlet_beside_the_date_is_no_byline(line):
    record = _cleaned("Board approves new water treatment plant", line, *BODY)
    assert record["authors"] == []
    assert record["published_at"] == "2024-03-05"


# --- a press release's closing "About <Company>" section on HTML, whatever the extractors keep

_NEWSROOM = (
    '<header><a class="logo">Acme Energy</a><nav><a>Solutions</a><a>Sustainability</a><a>Investors</a><a>Newsroom</a>'
    '<a>Careers</a></nav></header><main><div class="breadcrumb"><a>Newsroom</a> / <a>Press releases</a></div>'
    '<h1>Acme Energy opens 40 MW solar park on the east bank</h1><p class="date">September 9, 2024</p>'
    '<p>BOULDER, Sept. 9, 2024 &mdash; Acme Energy today opened a 40-megawatt solar park on the east bank, its largest to '
    'date, which will supply enough electricity for about 9,000 homes.</p>'
    '<p>The project, built on 260 acres of former farmland, includes a 20-megawatt battery that stores power for use in '
    'the evening peak. It was completed in 14 months and employed about 300 construction workers.</p>'
    '<p>&ldquo;This park shows that solar and storage together can deliver power when our customers need it,&rdquo; said '
    'Mara Quist, chief executive of Acme Energy.</p>'
    '<p>The company plans to start building two more parks in the region next year.</p>'
    '{about}<h3>Media contact</h3><p>Jo Park<br>press@acme.example<br>+1 303 555 0100</p>'
    '<div class="share"><a>Share on LinkedIn</a><a>Share on X</a><a>Download PDF</a></div></main>'
    '<footer><p>&copy; 2024 Acme Energy, Inc.</p><a>Privacy</a><a>Cookie settings</a></footer>')
_ABOUT = ("<p>Acme Energy develops and operates solar and storage projects across the western United States. Founded in "
          "2011, the company has 1.2 gigawatts of projects in operation. Learn more at acme.example.</p>")


def test_a_releases_about_section_is_cut_from_an_html_page():
    record = _html("<title>Acme Energy opens 40 MW solar park on the east bank | Acme Newsroom</title>",
                   _NEWSROOM.format(about=f"<h3>About Acme Energy</h3>{_ABOUT}"))
    assert record["paragraphs"][-1] == "The company plans to start building two more parks in the region next year."
    assert not any("Founded in 2011" in p for p in record["paragraphs"])


def test_the_same_paragraph_under_a_plain_subheading_stays():
    record = _html("<title>Acme Energy opens 40 MW solar park on the east bank | Acme Newsroom</title>",
                   _NEWSROOM.format(about=f"<h3>What comes next</h3>{_ABOUT}"))
    assert any("Founded in 2011" in p for p in record["paragraphs"])


@pytest.mark.parametrize("word", sorted(placenames.PLACE_HEAD_WORDS))
def test_each_place_word_makes_a_place_name(word):
    assert bylines.place_name(f"Tarrow {word.title()}")


@pytest.mark.parametrize("name", ["Ana Lind", "Grace Park", "Jordan Bay", "Virginia Lind"])
def test_a_person_is_no_place_name(name):
    assert not bylines.place_name(name)
