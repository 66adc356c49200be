"""Kinds a tenth-session probe of common page shapes found (invented pages: a local TV story, a wire story
on a partner site, an obituary, a recipe, a health explainer, a live blog, a newsletter post, an opinion
column, a paginated story): widget labels no extractor vote keeps, a newsletter platform's pitches, opinion
and health disclaimers, a reach-the-reporter line, an editor's note over the dateline, credentials after a
name, "Photos by" bylines, a date and its clock time across a slash, a span of dates that is no page date,
French clock times with a spaced "h", and the site name at the far end of a three-part <title>. Each rule
beside the near case it must leave alone."""

from __future__ import annotations

import pytest
from probe_texts import BODY
from probe_texts import cleaned as _cleaned

from workers.records import raw_record
from workers.stages.clean import clean
from workers.stages.clean import dates
from workers.stages.clean import html as html_extract
from workers.stages.clean import lines as ln
from workers.stages.clean import metadata as md
from workers.stages.clean import vocabulary as v



@pytest.mark.parametrize(
    "text",
    ["Report a typo", "Report an error", "Like Loading...", "Jump to Recipe", "Jump to Recipe Print Recipe",
     "Was this article helpful?", "Page 2 of 3", "Next page", "View Results", "Key events",
     "Show key events only", "FOR IMMEDIATE RELEASE", "Continue reading below"],
)
def test_a_widget_label_is_interface_and_never_voted_back(text):
    assert v.WIDGET_LINE.match(text)
    assert v.UI_LINE.match(text)
    assert ln.classify([text])[0].kind == "boilerplate"


@pytest.mark.parametrize(
    "text",
    ["Key events of the war are listed in the timeline below.", "She said she would report a typo in the ballot.",
     "Page 2 of the report shows the costs.", "The results were better than expected."],
)
def test_a_sentence_with_those_words_is_no_widget(text):
    assert not v.WIDGET_LINE.match(text)
    assert not v.UI_LINE.match(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [("Discussion about this post", "comment_prompt"),
     ("The views expressed in this column are the author's own and do not necessarily reflect those of the "
      "paper.", "site_notice"),
     ("Views expressed here do not necessarily reflect those of the station.", "site_notice"),
     ("This content is for informational purposes only and is not a substitute for professional medical advice.",
      "site_notice"),
     ("Harbor Notes is a reader-supported publication. To receive new posts and support my work, consider "
      "becoming a free or paid subscriber.", "site_notice"),
     ("Thanks for reading Harbor Notes! Subscribe for free to receive new posts and support my work.",
      "site_notice"),
     ("Contact Jane Doe at jdoe@example.com or follow her on X @janedoe.", "author_bio")],
)
def test_platform_pitches_disclaimers_and_contact_lines_are_chrome(text, kind):
    line = ln.classify([text])[0]
    assert (line.kind, line.reason) == ("boilerplate", kind)


@pytest.mark.parametrize(
    "text",
    ["Discussion about this post continued at the meeting until late in the evening, members said.",
     "The views expressed at the meeting were sharply divided, with half of the residents opposed.",
     "Margarine is not a substitute for butter in this recipe, the baker said with a laugh.",
     "Contact tracing at schools began on Monday, the health department said in a statement."],
)
def test_the_near_sentences_stay_prose(text):
    assert ln.classify([text])[0].kind == ln.PROSE


@pytest.mark.parametrize(
    "note",
    ["This story has been corrected to show that the vote was held on Tuesday, not Monday.",
     "Editor's note: An earlier version of this story misstated the cost of the plant."],
)
def test_the_dateline_is_read_under_an_editors_note(note):
    record = _cleaned("Board approves water plant", note, f"RIVERTON, Ore. (AP) — {BODY[0]}", *BODY[1:])
    assert record["dateline"] == "RIVERTON, Ore."
    assert record["source"] == "AP"
    assert note in record["paragraphs"]  # the note is the outlet's text: it stays


def test_a_paragraph_over_the_lead_that_is_no_note_still_hides_a_later_dateline():
    opening = "This story has a long history in the valley, where the old plant has failed three times since 1990."
    record = _cleaned("Board approves water plant", opening, f"RIVERTON, Ore. (AP) — {BODY[0]}", *BODY[1:])
    assert record["dateline"] is None


@pytest.mark.parametrize(
    ("byline", "authors"),
    [("By Ana Lind, MPH", ["Ana Lind, MPH"]), ("By Ana Lind, R.N.", ["Ana Lind, R.N."]),
     ("By Ana Lind, PhD, and Tom Roe", ["Ana Lind, PhD", "Tom Roe"]), ("By Ana Lind, Tom Roe", ["Ana Lind", "Tom Roe"]),
     ("Photos by Ana Lind", ["Ana Lind"]), ("Photographs by Ana Lind", ["Ana Lind"])],
)
def test_credentials_stay_with_the_name_and_photos_by_names_the_photographer(byline, authors):
    assert md.authors(byline) == authors


@pytest.mark.parametrize(
    ("line", "expected"),
    [("Posted: Jan 17, 2024 / 07:48 AM MST", ("2024-01-17T07:48:00-07:00", None)),
     ("Updated: Jan 17, 2024 / 11:15 AM MST", (None, "2024-01-17T11:15:00-07:00")),
     ("Publié le 12 mars 2024 à 16 h 45 | Mis à jour le 13 mars 2024 à 8 h 10",
      ("2024-03-12T16:45:00", "2024-03-13T08:10:00")),
     ("March 3, 1931 - June 9, 2024", None), ("Jan 5 – Feb 2, 2024", None),
     ("Mar 16, 2024 - 11:30 AM", ("2024-03-16T11:30:00", None)),
     ("Jan 5, 2024 Sainte-Maxime gala Jan 5, 2024", ("2024-01-05", None)), ("2024-03-05", ("2024-03-05", None))],
)
def test_date_lines(line, expected):
    assert dates.date_line(line) == expected


def test_an_obituarys_life_span_is_no_page_date_and_the_dateline_is_read_under_it():
    record = _cleaned("Ada Morrow", "March 3, 1931 - June 9, 2024", f"RIVERTON - {BODY[0]}", *BODY[1:])
    assert record["published_at"] is None
    assert record["dateline"] == "RIVERTON"


@pytest.mark.parametrize(
    ("title", "headline", "site"),
    [("Ada Morrow, 1931-2024 | Obituaries | Valley Echo", "Ada Morrow", "Valley Echo"),
     ("Board approves plant | Local News | Valley Echo", "Board approves plant", "Valley Echo"),
     ("Board approves plant - Valley Echo", "Board approves plant", "Valley Echo"),
     ("Valley Echo | Board approves plant", "Board approves plant", "Valley Echo"),
     ("Board approves plant | Department of Water Quality", "Board approves plant", "Department of Water Quality"),
     ("Board approves plant | and why it matters", "Board approves plant", None)],
)
def test_the_site_name_is_the_far_end_of_the_document_title(title, headline, site):
    assert html_extract._site_name(title, headline) == site


def test_widget_labels_are_cut_from_an_html_page_whatever_the_extractors_keep():
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY)
    page = (f"<html><head><title>Board approves water plant</title></head><body><article><h1>Board approves water "
            f"plant</h1>{paragraphs}<p>Page 2 of 3</p><p>Report a typo</p></article></body></html>")
    record = clean(raw_record("h", page, content_type="text/html", fetched_at="2024-12-01T00:00:00+00:00"))
    assert record["paragraphs"] == BODY


@pytest.mark.parametrize(
    ("text", "kind"),
    [("Did you make this recipe? Tag @examplekitchen on Instagram!", "promo"),
     ("Contact: Jane Doe, 555-201-4430, jane.doe@example.gov", "site_notice"),
     ("Media Contact: Jane Doe, jane.doe@example.gov", "site_notice")],
)
def test_a_recipe_cards_call_and_a_media_contact_line_are_chrome(text, kind):
    line = ln.classify([text])[0]
    assert (line.kind, line.reason) == ("boilerplate", kind)


@pytest.mark.parametrize(
    "text",
    ["Did you make this recipe with frozen pears? It works just as well, the baker said.",
     "Contact: the two leaders spoke by phone for an hour on Tuesday, aides said."],
)
def test_the_near_lines_stay_prose(text):
    assert ln.classify([text])[0].kind == ln.PROSE


@pytest.mark.parametrize(
    ("line", "expected"),
    [("Page last updated: August 19, 2024", (None, "2024-08-19")),
     ("Page last reviewed: 12 March 2023", (None, "2023-03-12")),
     ("Last updated: March 3, 2024", (None, "2024-03-03"))],
)
def test_a_page_stamp_is_the_update(line, expected):
    assert dates.date_line(line) == expected


def test_a_credit_row_with_dates_is_the_header_not_a_menu():
    row = "By Ana Lind · Published Oct 4, 2024 · Updated Oct 10, 2024 · 32 Comments"
    assert not ln._is_nav_row(row)
    assert ln._is_nav_row("News · Sport · Weather · Culture")
    record = _cleaned("Board approves water plant", row, *BODY)
    assert record["authors"] == ["Ana Lind"]
    assert (record["published_at"], record["updated_at"]) == ("2024-10-04", "2024-10-10")


def test_a_source_label_inside_the_article_credits_its_table_not_the_outlet():
    record = _cleaned("Board approves water plant", *BODY[:2], "Source: State Water Board", BODY[2])
    assert record["source"] is None
    header = _cleaned("Board approves water plant", "Source: Valley Echo", *BODY)
    assert header["source"] == "Valley Echo"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Jane Doe, The Daily Courier", ("Jane Doe", "The Daily Courier")), ("Jane Doe, John Roe", None),
     ("Jane Doe", None)],
)
def test_name_and_outlet(text, expected):
    assert md.name_and_outlet(text) == expected


def test_a_byline_naming_the_reporters_paper_gives_the_reporter():
    record = _cleaned("Board approves water plant", "Jane Doe, The Daily Courier", "Published 5:02 a.m. ET Sept. 12, 2024",
                      *BODY)
    assert record["authors"] == ["Jane Doe"]
    assert "Jane Doe, The Daily Courier" not in record["paragraphs"]


def test_a_byline_line_with_the_records_outlet_leaves_the_body():
    assert md.byline_credit("Jane Doe, The Daily Courier", "Jane Doe", "The Daily Courier")
    assert not md.byline_credit("Jane Doe, The Daily Courier", "Jane Doe")
    assert not md.byline_credit("Jane Doe, The Daily Courier says the plan will fail", "Jane Doe", "The Daily Courier")


def test_a_line_only_one_extractor_keeps_goes_after_the_variant_of_its_neighbour():
    from workers.stages.clean import voting

    base = ["First paragraph of the story, long enough to be one.",
            "Second paragraph, with a footnote mark.1 It goes on for a while after it.",
            "Third paragraph under the subheading, also long enough to be one."]
    extra = ["First paragraph of the story, long enough to be one.",
             "Second paragraph, with a footnote mark. It goes on for a while after it.",
             "The subheading", "Third paragraph under the subheading, also long enough to be one."]
    lines, inserted = voting._merge(base, extra)
    assert lines == [base[0], base[1], "The subheading", base[2]]
    assert inserted == {2}
    far = ["Unrelated text that shares nothing with the base lines at all here.", "A lone line"]
    assert voting._merge(base, far)[0][:2] == far  # no variant: the lines go where they went before (the top)


@pytest.mark.parametrize(
    ("line", "expected"),
    [("Posted on May 14, 2024May 15, 2024 by Ana Lind", ("2024-05-14", "2024-05-15")),
     ("Posted on May 14, 2024 by Ana Lind", ("2024-05-14", None))],
)
def test_a_blog_themes_glued_update_date(line, expected):
    assert dates.date_line(line) == expected


@pytest.mark.parametrize(
    ("byline", "expected"),
    [("By Ana Lind, Ledger Staff Writer", ("Ana Lind", None)), ("By Ana Lind, Times Staff Writer", ("Ana Lind", None)),
     ("By Ana Lind, The Daily Courier", ("Ana Lind", "The Daily Courier"))],
)
def test_a_papers_short_name_run_into_a_staff_role_is_no_outlet(byline, expected):
    assert md.byline(byline) == expected


@pytest.mark.parametrize(("text", "outlet"), [("The Northern Ledger", True), ("Global Trade Monitor", True),
                                              ("The Longreads Quarterly", True), ("Northern Lights", False)])
def test_newspaper_name_words(text, outlet):
    assert md.looks_like_outlet(text) is outlet


def test_a_reader_poll_inside_the_article_is_chrome_and_the_article_goes_on_under_it():
    poll = ["POLL", "Should the county build the plant?", "* Yes", "* Only with state money", "* No", "Vote",
            "View Results"]
    record = _cleaned("Board approves water plant", *BODY[:2], *poll, BODY[2])
    assert record["paragraphs"] == BODY


def test_a_poll_heading_without_a_question_under_it_takes_only_itself():
    from workers.stages.clean import sections

    lines = ln.classify(["Poll", "The poll of 600 voters was taken last week by the state university, it said."])
    assert sections._box_end(lines, sections.line_kinds(lines), 0, "poll") == 1
    assert sections.heading_kind("Quick poll") == "poll"
    assert sections.heading_kind("Poll workers were trained on Monday") is None


@pytest.mark.parametrize(
    "text",
    ["(Updates with union comment in fourth paragraph.)", "(Adds details)", "(Recasts, adds comment from minister)",
     "(Corrects spelling of name in paragraph 3)", "Republish this article"],
)
def test_a_wire_revision_tag_and_a_republish_heading_are_never_the_article(text):
    assert v.WIDGET_LINE.match(text)


@pytest.mark.parametrize("text", ["(Updates are expected later today, officials said.)",
                                  "(Adds to the confusion, critics say.)"])
def test_a_bracketed_sentence_is_no_revision_tag(text):
    assert not v.WIDGET_LINE.match(text)


def test_a_republishing_licence_is_a_site_notice():
    line = ln.classify(["You may republish this story for free under a Creative Commons license."])[0]
    assert (line.kind, line.reason) == ("boilerplate", "site_notice")


def test_a_role_line_may_name_the_outlet_and_the_name_above_is_the_byline():
    assert v.ROLE_LINE.match("Business reporter, BBC News")
    assert not v.ROLE_LINE.match("Business reporter, who asked not to be named, said the talks failed")
    record = _cleaned("Board approves water plant", "12 March 2024", "Ana Lind", "Business reporter, Valley Echo", *BODY)
    assert record["authors"] == ["Ana Lind"]


def test_the_outlets_self_description_under_the_article_is_no_body():
    closing = "Coastline Report is a nonprofit newsroom. Support independent journalism today."
    record = _cleaned("Board approves water plant", "By Ana Lind, Coastline Report", "March 12, 2024", *BODY, closing)
    assert record["paragraphs"] == BODY
    assert record["authors"] == ["Ana Lind"]
    kept = _cleaned("Board approves water plant", "March 12, 2024", *BODY, "Lena Morrow is a former mayor of the town.")
    assert kept["paragraphs"][-1] == "Lena Morrow is a former mayor of the town."


def test_a_caption_over_a_bare_photo_credit_is_no_headline():
    caption = "The county board voted for the new water treatment plant on the east bank of the river"
    lines = ["Board backs river project", "12 March 2024", "Share", "Ana Lind", "Business reporter, Valley Echo", caption,
             "Getty Images", *BODY]
    record = clean(raw_record("r", "\n".join(lines), fetched_at="2024-12-01T00:00:00+00:00"))
    assert record["title"] == "Board backs river project"  # the caption's words match the article's better
    from workers.stages.clean import headline
    lines = ln.classify(["The new plant will be built on the east bank", "Getty Images", "Water plant wins board vote"])
    assert headline._credit_below(lines, 0)
    assert not headline._credit_below(lines, 1)


def test_a_blog_hosts_colon_title_gives_the_post_title_the_page_shows():
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY)
    page = ('<html><head><title>Harbor Notes: Board approves the plant</title></head><body>'
            '<div class="header"><h1 class="title"><a href="/">Harbor Notes</a></h1></div>'
            f'<div class="post"><h3 class="post-title">Board approves the plant</h3><div class="post-body">{paragraphs}'
            '</div></div></body></html>')
    record = clean(raw_record("h", page, content_type="text/html", fetched_at="2024-12-01T00:00:00+00:00"))
    assert record["title"] == "Board approves the plant"
    assert html_extract._tab_rest(page, "Harbor Notes") == ["Board approves the plant"]
    assert html_extract._tab_rest(page.replace("Harbor Notes:", "Update:"), "Harbor Notes") == []


def test_a_blogs_name_over_its_tagline_and_the_date_is_no_byline():
    record = _cleaned("Harbor Notes", "Notes from a retired longshoreman", "Tuesday, March 12, 2024", "Board approves the plant",
                      *BODY)
    assert record["authors"] == []
    affiliated = _cleaned("Board approves the plant", "Ana Lind", "from Valley State University", "12 March 2024", *BODY)
    assert affiliated["authors"] == ["Ana Lind"]


@pytest.mark.parametrize("count", ["No comments:", "3 comments:"])
def test_a_blog_footers_byline_with_its_comment_count_gives_the_author(count):
    footer = f"Posted by Ana Lind at 6:02 PM {count}"
    record = _cleaned("Harbor Notes", "Tuesday, March 12, 2024", "Board approves the plant", *BODY, footer,
                      "Labels: water, county")
    assert record["authors"] == ["Ana Lind"]
    assert footer not in record["paragraphs"]


def test_a_sentence_ending_in_a_comment_count_is_no_byline():
    from workers.stages.clean import metalines

    line = ln.classify(["The council heard from residents at the meeting and took no comments:"])[0]
    assert metalines._readable(line, in_header=False) is None


@pytest.mark.parametrize("text", ["Listen on Apple Podcasts", "Listen on Spotify", "View in browser",
                                  "View this email in your browser", "RSS"])
def test_podcast_and_newsletter_buttons_are_interface(text):
    assert v.UI_LINE.match(text)


@pytest.mark.parametrize(
    "text",
    ["You are receiving this email because you subscribed to Harbor Notes.",
     "This transcript was generated automatically and may contain errors."],
)
def test_a_newsletters_footer_and_a_machine_transcripts_caveat_are_site_notices(text):
    line = ln.classify([text])[0]
    assert (line.kind, line.reason) == ("boilerplate", "site_notice")


@pytest.mark.parametrize(
    "text",
    ["Listen on the radio for the mayor's address, which starts at noon on Friday.",
     "The transcript was released by the court on Monday after a judge ordered it unsealed."],
)
def test_the_near_lines_stay_prose_too(text):
    assert ln.classify([text])[0].kind == ln.PROSE


def test_a_profile_headline_between_the_name_and_the_date_leaves_the_name_the_byline():
    record = _cleaned("Board approves the plant", "Ana Lind", "Water engineer | Plant safety | Speaker", "Published Jun 5, 2024",
                      *BODY)
    assert record["authors"] == ["Ana Lind"]
