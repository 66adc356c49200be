"""Plain-text page dumps (issue 10 items 1 and 3): the rules added for real pages' dumps, row by row.

Each rule is tested both ways: the case it is for, and the near case it must leave alone."""

from __future__ import annotations

import pytest
from dump_texts import ARTICLE, SHARE_ROW, TEASER_SUMMARIES

from bench import devset
from workers.stages.clean import core as stage
from workers.stages.clean import lines as ln
from workers.stages.clean import vocabulary as v
from workers.stages.clean import fields as clean_fields
from workers.stages.clean import run as clean_run
from workers.stages.clean import shapes as clean_shapes



# --- site notices: standing text of the site, even when it is a well-formed sentence -------------
@pytest.mark.parametrize(
    "text",
    [
        "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.",
        "You are using a browser version with limited support for CSS. To obtain the best experience, "
        "we recommend you use a more up to date browser.",
        "The Daily Example Would Like To Send You Push Notifications.",
        "No spam, we promise. You can unsubscribe at any time and we'll never share your details.",
        "We may earn a commission when you buy through links on our site.",
        "We recommend the best products through an independent review process, and advertisers do not "
        "influence our picks.",
        "Submit your letter to the editor via this form.",
        "Please understand that comments are moderated and it is not always possible to publish all of them.",
        "Advertising disclosure: We may receive compensation for some of the links in our stories.",
        "This post contains references to products from our advertisers. We may receive compensation when you click.",
        "Immediate online access to all issues from 2019. Subscription will auto renew annually.",
        "Instant access to the full article PDF.",
        "Disclaimer (varies based on content, section, category, etc.): News articles on this site may contain opinions.",
        "Disclaimer: The responses below are not provided or commissioned by the bank advertiser.",
        "Join the hundreds of developers who get new code and programming links delivered to their inbox.",
    ],
)
def test_site_notices_are_chrome(text):
    (line,) = ln.classify([text])
    assert (line.kind, line.reason) == ("boilerplate", "site_notice")


@pytest.mark.parametrize(
    "text",
    [
        "The company said it would update its browser next year after complaints about its limited support.",
        "Agents who sell the policies earn a commission of about ten percent on each sale, the report found.",
        "In a letter to the editor of the local paper, the mayor defended the plan on Monday.",
        "The forum said comments posted by its users were reviewed by volunteers before the change.",
        "Workers who were injured may receive compensation from the state fund, the minister said on Monday.",
        "The company said its subscription prices would rise next year for all customers in Europe.",
        "The disclaimer on the packet was too small to read, the inspectors said in their report on Monday.",
    ],
)
def test_reported_prose_with_notice_words_is_article(text):
    (line,) = ln.classify([text])
    assert line.kind == ln.PROSE


# --- short sentences in scripts written without spaces --------------------------------------------
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("・必ず複数の男性で確保する。", ln.PROSE),  # a Japanese sentence of 12 characters
        ("시민들이 광장에 모였습니다.", ln.PROSE),
        ("確保する。", ln.SHORT),  # too short to be a sentence on its own
        ("メニュー", ln.SHORT),  # no sentence end: a menu label
    ],
)
def test_short_cjk_sentences(text, kind):
    (line,) = ln.classify([text])
    assert line.kind == kind


# --- the article above a closing heading, not the longer teasers or comments below it -------------
def test_article_under_its_byline_wins_over_longer_teaser_summaries_after_a_related_heading():
    texts = ["Harbour board backs channel dredging", "By Jane Doe", "March 5, 2024", *ARTICLE, *SHARE_ROW,
             "Related Articles", *TEASER_SUMMARIES]
    record = stage.clean_lines(texts)
    assert record["paragraphs"] == ARTICLE
    assert record["title"] == texts[0]


def test_without_a_header_the_longer_run_below_a_related_heading_stays():
    # no date or byline over the short prose: nothing says it is the article
    texts = ["Harbour board backs channel dredging", *ARTICLE, *SHARE_ROW, "Related Articles", *TEASER_SUMMARIES]
    record = stage.clean_lines(texts)
    assert record["paragraphs"][0].startswith("Teaser number")


def test_a_post_above_a_comments_heading_wins_over_the_longer_comments():
    post = [ARTICLE[0] + " " + ARTICLE[1], ARTICLE[2] + " " + ARTICLE[0], ARTICLE[1] + " " + ARTICLE[2]]
    texts = ["Harbour board backs channel dredging", *post, "50 comments", "level 1", *TEASER_SUMMARIES]
    record = stage.clean_lines(texts)
    assert record["paragraphs"] == post


def test_a_short_post_above_a_comments_heading_does_not_win():
    texts = ["Harbour board backs channel dredging", ARTICLE[0], "50 comments", *TEASER_SUMMARIES]
    record = stage.clean_lines(texts)
    assert record["paragraphs"][0].startswith("Teaser number")


# --- subheadings inside the article ---------------------------------------------------------------
def test_a_subheading_after_an_inline_read_more_link_is_kept():
    texts = ["Harbour board backs channel dredging", "March 5, 2024", ARTICLE[0], ARTICLE[1],
             "Read more: Storms close the harbour for a week", "Costs and timing", ARTICLE[2]]
    record = stage.clean_lines(texts)
    assert record["paragraphs"] == [ARTICLE[0], ARTICLE[1], "Costs and timing", ARTICLE[2]]


@pytest.mark.parametrize(
    ("heading", "kept"),
    [
        ("1. Choose the Right Pot", True),
        ("5. Kristi Dosh", True),  # a name as a ranked item's heading
        ("2) Water in the morning", True),
        ("4. Rooms are priced by what it cost the owners to build them", True),  # 12 words after the number
        ("4. Rooms are priced by what it cost the owners to build them and to furnish them later on", False),
        ("1. Nine", False),  # one word after the number: not a heading
        ("1. Fees 2. Dates 3. Venues 4. Parking 5. Tickets 6. Contact 7. Press", False),  # a menu row
    ],
)
def test_numbered_headings_of_a_list_article(heading, kept):
    texts = ["Harbour board backs channel dredging", "March 5, 2024", ARTICLE[0], heading, ARTICLE[1], ARTICLE[2]]
    record = stage.clean_lines(texts)
    assert (heading in record["paragraphs"]) is kept


def test_a_numbered_line_not_followed_by_prose_is_not_a_heading():
    # (a counted list "1." "2." under the paragraph is kept as a list: test_a_numbered_list_under_the_article)
    texts = ["Harbour board backs channel dredging", "March 5, 2024", ARTICLE[0], "1. Choose the Right Pot",
             "Plant", ARTICLE[1], ARTICLE[2]]
    record = stage.clean_lines(texts)
    assert "1. Choose the Right Pot" not in record["paragraphs"]


# --- the bench: the fair dump baseline and the snippet body F1 ------------------------------------
def test_dump_as_html_makes_one_escaped_paragraph_per_line():
    page = devset.dump_as_html("Fish & chips <cheap>\n\nSecond line")
    assert "<p>Fish &amp; chips &lt;cheap&gt;</p>" in page and "<p>Second line</p>" in page
    assert page.count("<p>") == 2


@pytest.mark.parametrize(
    ("text", "wanted", "unwanted", "expected"),
    [
        ("one two three four", ["one two", "three four"], [], 1.0),
        ("one two", ["one two", "three four five six"], [], 2 * (1 / 3) / (1 + 1 / 3)),  # words weigh
        ("one two menu", ["one two"], ["menu"], 0.0),  # precision 0
        ("one two menu", ["one two"], ["menu", "footer links here"], 2 * 0.75 / 1.75),
        ("", [], [], 1.0),
    ],
)
def test_snippet_f1(text, wanted, unwanted, expected):
    assert devset.snippet_f1(text, wanted, unwanted) == pytest.approx(expected)


# --- bylines inside header lines --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Jane Doe", ["Jane Doe"]),
        ("By Perry Bacon Jr.", ["Perry Bacon Jr."]),  # the suffix's full stop is not a sentence end
        ("By Tatyana Turner.", ["Tatyana Turner"]),
        ("By T. V. Raman", ["T. V. Raman"]),
        ("by: Cora Neas", ["Cora Neas"]),
        ("---- by Kenneth Surin", ["Kenneth Surin"]),
        ("yas! | By Cara Stiles | April 13, 2020", ["Cara Stiles"]),
        ("Posted on September 21, 2020 by Adi Tzlil", ["Adi Tzlil"]),
        ("Posted by T. V. Raman at 2:33 PM", ["T. V. Raman"]),
        ("By Amelie Marie Nishizawa Feb 8, 2020 5 min read", ["Amelie Marie Nishizawa"]),
        ("October 19, 2019 by IWB", ["IWB"]),  # a one-word name on a dated header line
        ("Posted by Konstantin 21.10.2019", ["Konstantin"]),
        ("12/04/2020 by Kay 24 Comments", ["Kay"]),
        ("By Carla Weiss, Derek Morgan and Nora Ellis", ["Carla Weiss", "Derek Morgan", "Nora Ellis"]),
        ("By John Walk - January 10, 2020", ["John Walk"]),  # a hyphen between name and date
        ("By Jane Doe | March 4, 2020", ["Jane Doe"]),
        ("Author: Jacopo Cascioli", ["Jacopo Cascioli"]),
        ("Authors: Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        # not bylines
        ("Author: admin", None),
        ("By Tuesday", None),
        ("Posted by Admin", None),
        ("The bridge was built by Roman engineers", None),
        ("Photo by Jane Doe", None),
        ("Stand by Me", None),
        ("Shares rose sharply by 12 percent on Monday", None),
        ("+ By Course/Meal:", None),  # a menu label
        ("Royal Road® © 2013-2020, background by Noah Bradley", None),  # a copyright line's credit
    ],
)
def test_bylines_in_header_lines(line, expected):
    from workers.stages.clean import metadata as md

    found = md.byline(line)
    assert (md.authors(found[0]) if found and found[0] else None) == expected


def test_posted_by_an_outlet_is_the_source():
    from workers.stages.clean import metadata as md

    assert md.byline("Posted by Reuters") == (None, "Reuters")


# --- dates on byline lines and in a dump's lists ----------------------------------------------------
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Written by Ana Sandoiu on July 27, 2017", "2017-07-27"),
        ("By Luke Kemp 11 February 2020", "2020-02-11"),
        ("By John Walk - January 10, 2020", "2020-01-10"),
        ("By Jane Slaughter on Thu, Nov 9, 2023 at 4:00 am", "2023-11-09T04:00:00"),
        ("By Cat Lafuente / June 12, 2020 9:49 am EST / Updated: Aug. 18, 2020 4:17 pm EST", "2020-06-12T09:49:00-05:00"),
        ("Posted on September 21, 2020 by Adi Tzlil", "2020-09-21"),
        ("Posted by Konstantin 21.10.2019", "2019-10-21"),
        ("* Aug. 16, 2020", "2020-08-16"),
        ("+ Thursday, August 6, 2020 9:09:24 AM", "2020-08-06T09:09:24"),
        ("by oz on December 4, 2006", "2006-12-04"),  # a lower-case handle before its date
        # not dates of the article
        ("* October 2019 (1)", None),  # an archive link
        ("By Jane Doe", None),
        ("* Budget vote on Tuesday", None),
    ],
)
def test_dates_on_byline_lines_and_list_items(line, expected):
    found = clean_shapes.list_or_byline_date(line)
    assert (found[0] if found else None) == expected


def test_a_byline_line_with_its_date_gives_author_and_published():
    texts = ["Harbour board backs channel dredging", "By Luke Kemp 11 February 2020", *ARTICLE]
    record = stage.clean_lines(texts)
    assert (record["byline"], record["published_at"]) == ("Luke Kemp", "2020-02-11")
    assert record["paragraphs"] == ARTICLE


# --- titles: a list item of the dump is a weak title, without its marker ---------------------------
def test_a_menu_item_does_not_beat_the_headline():
    # the menu item shares words with the article (a section name), so only its list marker tells
    texts = ["* Harbour board dredging", "* Harbour Services", "Harbour board backs channel dredging", "March 5, 2024",
             *ARTICLE]
    assert stage.clean_lines(texts)["title"] == "Harbour board backs channel dredging"


def test_a_headline_in_a_list_item_loses_its_marker():
    texts = ["Home", "* Harbour board backs channel dredging", "March 5, 2024", *ARTICLE]
    assert stage.clean_lines(texts)["title"] == "Harbour board backs channel dredging"


# --- the author's bio under the article --------------------------------------------------------------
@pytest.mark.parametrize(
    ("bio", "dropped"),
    [
        ("Jake is the co-founder of a consultancy and writes about programming languages.", True),
        ("Jane Doe has covered the harbour and the port authority for the paper since 2015.", True),
        ("Doe lives in Portsmouth with her two children and a very old dog called Biscuit.", True),
        ("John Smith is the chairman of the harbour board and voted for the plan on Monday.", False),  # not the author
        ("Jane said the vote was the closest in the board's history, with four members against.", False),  # no bio verb
    ],
)
def test_author_bio_under_the_article(bio, dropped):
    byline = "By Jane Doe" if not bio.startswith("Jake") else "By Jake Goulding"
    texts = ["Harbour board backs channel dredging", byline, "March 5, 2024", *ARTICLE, bio]
    record = stage.clean_lines(texts)
    assert (bio not in record["paragraphs"]) is dropped
    assert record["paragraphs"][:3] == ARTICLE


def test_an_author_named_in_the_lead_is_not_a_bio():
    lead = "Jane Doe is the first harbour master to resign over the dredging plan, she said on Monday."
    texts = ["Harbour board backs channel dredging", "By Jane Doe", "March 5, 2024", lead, *ARTICLE]
    assert lead in stage.clean_lines(texts)["paragraphs"]


# --- the headline over a standfirst over the byline -------------------------------------------------
STANDFIRST = "Follow these steps shared by the board to keep the outer channel open through the storms."


@pytest.mark.parametrize(
    ("above", "title"),
    [
        ("Tweet of the Week #67: Dealing With Dredging", "Tweet of the Week #67: Dealing With Dredging"),
        ("* Harbour News", None),  # a menu item
        ("The Harbour Times", None),  # the masthead
        ("Home | Harbour | Port", None),  # a link row
    ],
)
def test_the_headline_over_a_standfirst_over_the_byline(above, title):
    texts = ["Menu", above, STANDFIRST, "By Amelie Marie Nishizawa Feb 8, 2020 5 min read", *ARTICLE]
    record = stage.clean_lines(texts)
    assert record["title"] == title
    assert record["paragraphs"] == ARTICLE


def test_densest_runs_before_equals_densest_run_on_every_prefix():
    """The one-pass prefix version (_article_above_closing) gives what densest_run gives per prefix."""
    import random

    rng = random.Random(10)
    for _ in range(300):
        lines = []
        for _ in range(rng.randint(1, 40)):
            line = ln.Line("x")
            line.score = rng.choice([-25.0, -10.0, -6.0, -3.0, 2.0, 10.0, 30.0, 60.0])
            line.hard_end = rng.random() < 0.05
            lines.append(line)
        stops = sorted(rng.sample(range(len(lines) + 1), k=rng.randint(1, min(5, len(lines) + 1))))
        assert clean_run._densest_runs_before(lines, stops) == [ln.densest_run(lines[:h]) for h in stops]


# --- the lead of a tutorial or list article above its table of contents -----------------------------
LEAD = "In this article, I will explain how the harbour board plans to keep the outer channel open all year."
TOC = ["The plan consists of these parts:", "* The channel", "* The cost", "* The timing", "* The storms",
       "* The dredgers", "* The port", "* The budget", "* The vote", "Background"]  # longer than the lead weighs


@pytest.mark.parametrize(
    ("gap", "lead_kept"),
    [
        (TOC, True),
        (["Share", *TOC], False),  # a chrome line between: the prose above is not the article's lead
        ([*TOC, "Item one", "Item two", "Item three"], False),  # more than 12 lines between
    ],
)
def test_the_lead_above_a_table_of_contents(gap, lead_kept):
    texts = ["Harbour board backs channel dredging", LEAD, *gap, *ARTICLE]
    assert (LEAD in stage.clean_lines(texts)["paragraphs"]) is lead_kept


@pytest.mark.parametrize("mark", ["\u2061", "\u2062", "\u2063", "\u2064"])
def test_invisible_operators_vanish_so_a_sentence_ends(mark):
    from workers.stages.clean.normalise import normalise_text

    text = normalise_text(f"Remove the tofu and drain it on paper towels before frying.{mark}")
    assert text == "Remove the tofu and drain it on paper towels before frying."
    assert ln.is_terminal(text)


# --- a two- or three-word headline right above the article --------------------------------------------
@pytest.mark.parametrize(
    ("above", "title"),
    [
        ("Channel Dredging", "Channel Dredging"),  # its words recur in the article
        ("Harbour Works", "Harbour Works"),
        ("Andrea Middleton", None),  # an author's name: no word of it in the article
        ("* Channel Dredging", None),  # a list item
        ("Channel dredging.", None),  # a sentence
        ("Share", None),
    ],
)
def test_a_short_headline_right_above_the_article(above, title):
    article = ["The harbour board approved a plan on Monday to dredge the channel before the storms.", *ARTICLE[1:]]
    texts = ["Menu", above, *article]
    assert stage.clean_lines(texts)["title"] == title


def test_a_short_line_the_page_repeats_is_not_the_headline():
    article = ["The harbour board approved a plan on Monday to dredge the channel before the storms.", *ARTICLE[1:]]
    texts = ["Harbour Works", "Menu", "Harbour Works", *article]
    assert stage.clean_lines(texts)["title"] is None


@pytest.mark.parametrize(
    ("text", "caption"),
    [
        ("Photo by ev on Unsplash", True),
        ("Image by Jane Doe on Pixabay", True),
        ("Photos by Jane Doe on Flickr show the flood reaching the harbour wall on Monday.", False),
    ],
)
def test_stock_photo_credits_are_captions(text, caption):
    from workers.stages.clean import metadata as md

    assert md.is_caption(text, before_lead=False) is caption


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Written: 2023-11-07 15:03:30", ("2023-11-07T15:03:30", None)),
        ("Written on March 5, 2024", ("2024-03-05", None)),
        ("Written in 1999, the law still stands.", None),
    ],
)
def test_written_is_a_published_label(line, expected):
    from workers.stages.clean.dates import date_line

    assert date_line(line) == expected


@pytest.mark.parametrize("masthead", ["Harbour Review", "Valley Advertiser", "Coastal Weekly", "Midland Sentinel",
                                      "Northern Globe", "Lakeside Magazine"])
def test_a_masthead_over_the_headline_is_the_outlet_not_the_byline(masthead):
    texts = [masthead, "Harbour board backs channel dredging", "Published 5 March 2024", *ARTICLE]
    record = stage.clean_lines(texts)
    assert record["title"] == texts[1]
    assert record["byline"] is None


# --- comment-count headings that echo the post's title: a hard end ---------------------------------
@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("11 responses to “The Loneliest Woman in the World: An Appreciation of Heart’s “Alone””", True),
        ("5 thoughts on “JSON parsing: simdjson vs. JSON for Modern C++”", True),
        ("One thought on “Python 3: simple HTTP Request with the Socket module”", True),
        ("{ 38 comments… read them below or add one }", True),
        ("24 comments:", True),  # the comment-prompt rule's already (a hard end either way)
        ("3 replies to \"Harbour board backs channel dredging\"", True),
        ("3 comments were received by the council before the vote on Monday.", False),  # a sentence
        ("Two responses to the plan stood out, the report said.", False),
        ("11 responses", True),
    ],
)
def test_comment_count_headings(text, heading):
    (line,) = ln.classify([text])
    assert line.hard_end is heading
    assert (line.reason in ("comment_heading", "comment_prompt")) is heading


def test_a_post_above_a_title_echoing_comments_heading_wins_over_the_longer_comments():
    post = [ARTICLE[0] + " " + ARTICLE[1], ARTICLE[2] + " " + ARTICLE[0], ARTICLE[1] + " " + ARTICLE[2]]
    texts = ["Harbour board backs channel dredging", *post,
             "12 thoughts on “Harbour board backs channel dredging”", "Jane Roe says:", *TEASER_SUMMARIES]
    assert stage.clean_lines(texts)["paragraphs"] == post


# --- a post footer between the article and a short paragraph under it -------------------------------
LONGER_ARTICLE = [ARTICLE[0] + " " + ARTICLE[1], ARTICLE[2] + " " + ARTICLE[0], ARTICLE[1] + " " + ARTICLE[2]]
FOOTER_BIO = "Jane Doe has sailed around the harbour for twenty years and lives in Portsmouth with her two very old dogs."


@pytest.mark.parametrize(
    ("footer", "tail", "cut"),
    [
        (["Category: Blog Popular", "« Previous Next »"],
         "Submit your sports question below and the team will break down the answer in upcoming blog posts for you all!", True),
        (["TAGS: harbour, dredging, storms", "* Tweet"],
         "Sam Roe has done many amazing things in his short life. Well, two amazing things. Ok, one thing that he did twice.", True),
        (["* Author", "* Recent Posts"],
         "I'm Amy and I'm so glad you've stopped by! As a sailing instructor, my goal is to walk you through the harbour.", True),
        (["Share", "Jane Doe"], FOOTER_BIO, True),  # an author box: her name over her bio
        (["Share", "Amy Roe"], "Amy Roe said on Monday that the dredging would start well before the autumn storms arrive in the bay.", False),
        (["Share", "Jane Doe"], "The board will meet again in May to approve the contract for the dredging works.", False),
        (["Photo: Jane Doe", "Advertisement"], "The board will meet again in May to approve the contract for the work.", False),
        (["Costs And Timing", "Share"], "Costs rose after the storms, and the board will meet again in May to decide.", False),
    ],
)
def test_a_short_paragraph_after_a_post_footer_is_not_the_article(footer, tail, cut):
    texts = ["Harbour board backs channel dredging", "By Sam Kerr", "March 5, 2024", *LONGER_ARTICLE, *footer, tail]
    paragraphs = stage.clean_lines(texts)["paragraphs"]
    assert paragraphs[:3] == LONGER_ARTICLE
    assert (tail not in paragraphs) is cut


def test_a_long_part_after_a_footer_line_stays():
    # more prose after the footer line than the island allows: not a footer's paragraph
    tail = [ARTICLE[k % 3] + f" Part {k} of the report." for k in range(8)]
    texts = ["Harbour board backs channel dredging", "March 5, 2024", *ARTICLE, "Category: News", "* Tweet", *tail]
    assert stage.clean_lines(texts)["paragraphs"][-1] == tail[-1]


# --- "By Jane Doe: ..." opening the lead is an inline byline, not a dateline -----------------------
def test_an_inline_byline_is_not_a_dateline():
    from workers.stages.clean import metadata as md

    lead = "By Aaron Humes: The Americas cannot ignore the risk of further surges, the director warned on Monday."
    assert md.split_dateline(lead) == (None, lead, None)
    assert md.split_dateline("Brussels: The Americas cannot ignore the risk of further surges, she said.")[0] == "Brussels"


# --- bylines a dump splits over two lines, or puts under the date -----------------------------------
@pytest.mark.parametrize(
    ("header", "byline"),
    [
        (["March 5, 2024", "By", "Jacob Wade"], "Jacob Wade"),
        (["March 5, 2024", "By :", "Joe S."], "Joe S."),
        (["March 5, 2024", "Published by", "Daniel Lemire"], "Daniel Lemire"),
        (["March 5, 2024", "Andrea Middleton"], "Andrea Middleton"),  # the name under the date line
        (["March 5, 2024", "By", "Harbour News"], None),  # an outlet's name is not a person
        (["March 5, 2024", "Harbour News"], None),
        (["March 5, 2024", "Stand by", "Jacob Wade"], None),  # not a byline label
    ],
)
def test_a_byline_split_over_lines_or_under_the_date(header, byline):
    record = stage.clean_lines(["Harbour board backs channel dredging", *header, *ARTICLE])
    assert record["byline"] == byline
    assert record["published_at"] == "2024-03-05"
    assert record["paragraphs"] == ARTICLE


def test_dates_in_the_comments_are_not_the_articles():
    texts = ["Harbour board backs channel dredging", *ARTICLE, "3 thoughts on “Harbour board backs channel dredging”",
             "Jane Roe", "June 28, 2015 at 10:25 pm", "Great piece on the dredging, thank you for writing it up."]
    assert stage.clean_lines(texts)["published_at"] is None
    dated = ["Harbour board backs channel dredging", "March 5, 2024", *ARTICLE, "12 Comments", "June 28, 2015 at 10:25 pm"]
    assert stage.clean_lines(dated)["published_at"] == "2024-03-05"


# --- titles: list items, kickers, repeated headlines, short Title Case headlines, caption labels ----
def test_a_numbered_breadcrumb_item_does_not_beat_the_headline_over_the_byline():
    texts = ["1. Home", "2. Outer Channel", "Board backs plan before the storms arrive", "by Jane Doe, Harbour News", *ARTICLE]
    assert stage.clean_lines(texts)["title"] == "Board backs plan before the storms arrive"


def test_the_line_over_the_byline_beats_a_menu_item_above_it():
    head = "Harbour board backs outer channel dredging plan"
    texts = ["+ Channel Dredging Harbour Board", "Search", head, "By Jane Doe @janedoe", *ARTICLE]
    record = stage.clean_lines(texts)
    assert (record["title"], record["byline"]) == (head, "Jane Doe")


def test_a_headline_the_page_repeats_is_not_taken_for_a_dek():
    head = "When the harbour board votes on dredging, this is what happens to the channel"
    texts = ["About", head, "NEWS FEATURES HARBOUR PORT STORMS", head, "By Jane Doe | March 5, 2024", *ARTICLE]
    assert stage.clean_lines(texts)["title"] == head


def test_a_headline_with_its_own_dek_is_not_a_dek_of_the_kicker_above():
    head = "The harbour board backs the outer channel dredging plan before the storms arrive"
    dek = "The board voted on Monday to dredge the channel, and the work will take eleven weeks to complete."
    texts = ["Channel in numbers", head, dek, "By Jane Doe", "March 5, 2024", *ARTICLE]
    record = stage.clean_lines(texts)
    assert (record["title"], record["summary"]) == (head, dek)


@pytest.mark.parametrize(
    ("above", "title"),
    [
        ("Outer Channel Dredging", "Outer Channel Dredging"),  # Title Case, its words in the article
        ("Jane Doe", None),  # a person's name over the byline is not the headline
    ],
)
def test_a_title_case_line_over_the_byline(above, title):
    texts = [above, "By John Walk - January 10, 2020", "21 minutes - 4312 words",
             "The harbour board approved dredging of the outer channel on Monday before the autumn storms arrive.",
             *ARTICLE[1:]]
    record = stage.clean_lines(texts)
    assert record["title"] == title
    assert (record["byline"], record["published_at"]) == ("John Walk", "2020-01-10")


@pytest.mark.parametrize(
    ("text", "caption"),
    [
        ("Media caption Drone footage shows mass burials in New York", True),
        ("Image copyright Getty Images", True),
        ("Image caption The harbour at dawn", True),
        ("Media coverage of the dredging plan was mostly positive, the board said on Monday.", False),
    ],
)
def test_caption_labels(text, caption):
    from workers.stages.clean import metadata as md

    assert md.is_caption(text, before_lead=False) is caption


# --- comment policies, read-more teasers, standing notices, a contributor's closing bio -------------
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("HOUSE RULES", "comments"),
        ("Comment policy", "comments"),
        ("Community Guidelines:", "comments"),
        ("House prices", None),
    ],
)
def test_comment_policy_headings(text, kind):
    from workers.stages.clean import sections

    assert sections.heading_kind(text) == kind


TEASERS = [
    ("Choir joins singers for a harbour concert", "The good folks at the choir are still doing their thing, and now "
     "they have included two famous singers in a concert at the harbour on Sunday night."),
    ("Graphic novel about a young sailor", "The author is several kinds of excellent comics person, from her "
     "debut graphic novel to her award-winning fairy tale about a sailor and a lighthouse keeper."),
    ("Podcast on the families that rule the port", "The latest podcast from the network is about the scandals, "
     "backroom deals and secret string-pulling employed by the great families of the port town."),
]


@pytest.mark.parametrize(("link", "marked"), [("READ THE REST", True), ("Continue reading »", True),
                                             ("Read more…", True), ("The rest", False)])
def test_teasers_closed_by_a_repeated_read_more_link(link, marked):
    texts = ["Harbour board backs channel dredging", "March 5, 2024", *ARTICLE, "Share"]
    for headline, summary in TEASERS:
        texts += [headline, summary, link]
    paragraphs = stage.clean_lines(texts)["paragraphs"]
    assert (paragraphs == ARTICLE) is marked


def test_one_read_more_link_marks_nothing():
    from workers.stages.clean import sections

    lines = ln.classify([TEASERS[0][0], TEASERS[0][1], "Read more"])
    assert sections.mark_read_more_teasers(lines) == lines


@pytest.mark.parametrize(
    "text",
    [
        "We are a participant in the Amazon Services LLC Associates Program, an affiliate advertising program "
        "designed to provide a means for us to earn fees by linking to Amazon.com and affiliated sites.",
        "Boing Boing is published under a Creative Commons license except where otherwise noted.",
    ],
)
def test_more_site_notices(text):
    (line,) = ln.classify([text])
    assert (line.kind, line.reason) == ("boilerplate", "site_notice")


@pytest.mark.parametrize(
    ("last", "dropped"),
    [
        ("Candice Sealey is the Founder & Principal Consultant at Ignite, a marketing consultancy that helps "
         "brands to stand out. She is also a freelance content writer and voiceover talent.", True),
        ("Jane Roe has lived in the port for forty years and is the author of two books about its ships and crews.", True),
        # the person the article is about, named before: not a bio
        ("Harbour Master Jane Roe is expected to announce the start date of the dredging works on Friday.", False),
        ("Jane Roe is expected to announce the start date of the dredging on Friday, the board said.", False),  # no bio wording
    ],
)
def test_a_contributors_bio_closing_the_article(last, dropped):
    lead = "Harbour Master Jane Roe said the board had approved the plan on Monday after a long debate." \
        if last.startswith("Harbour Master") else ARTICLE[0]
    texts = ["Harbour board backs channel dredging", "March 5, 2024", lead, *ARTICLE[1:], last]
    paragraphs = stage.clean_lines(texts)["paragraphs"]
    assert (last not in paragraphs) is dropped
    assert paragraphs[1:3] == ARTICLE[1:]


# --- inline "Related" boxes inside the article --------------------------------------------------------
RELATED_BOX = ["RELATED STORIES", "* Do masks offer protection from the new virus? It depends",
               "* Hoarding and price-gouging send mask prices soaring amid virus fear"]
LAST_PARAGRAPH = "The incident has occurred at a time when the port is seeing a shortage of dredgers amid the storms."


def test_the_article_resumes_under_an_inline_related_box():
    texts = ["Harbour board backs channel dredging", "March 5, 2024", *ARTICLE, *RELATED_BOX, LAST_PARAGRAPH,
             "* Twitter", "* Facebook"]
    assert stage.clean_lines(texts)["paragraphs"] == [*ARTICLE, LAST_PARAGRAPH]


def test_a_box_not_followed_by_prose_closes_the_article():
    texts = ["Harbour board backs channel dredging", "March 5, 2024", *ARTICLE, *RELATED_BOX, "Share", LAST_PARAGRAPH]
    assert stage.clean_lines(texts)["paragraphs"] == ARTICLE


def test_bullets_under_a_related_heading_inside_the_article_are_not_kept():
    texts = ["Harbour board backs channel dredging", "March 5, 2024", *ARTICLE[:2], "Related",
             "* How one harbour turns its silt into bricks for new homes", ARTICLE[2], LAST_PARAGRAPH]
    paragraphs = stage.clean_lines(texts)["paragraphs"]
    assert paragraphs == [*ARTICLE, LAST_PARAGRAPH]


def test_a_caption_credited_to_agency_files():
    from workers.stages.clean import metadata as md

    assert md.is_caption("The harbour plans to cut its dredging costs by half by 2030. Mike Blake/Reuters files",
                         before_lead=False)


# --- a recipe card next to the post --------------------------------------------------------------------
RECIPE = ["Ingredients", "1/4", "cup butter", "* 1 tbsp minced garlic", "* Seasoning (adjust to your own taste):",
          "* 2 tsp dark soya sauce", "Directions", "* 1", "Heat the oven to 180C and melt the butter in the pan.",
          "* 2", "Add the garlic and the seasoning, stir well and bake for forty minutes.", "Nutrition Facts",
          "Calories 291 kcal"]


def test_the_recipe_card_under_the_post_is_kept():
    texts = ["Harbour stir fry", "March 5, 2024", *ARTICLE, "Pin", "Print", *RECIPE]
    paragraphs = stage.clean_lines(texts)["paragraphs"]
    assert paragraphs[:3] == ARTICLE
    assert paragraphs[3:] == [line for line in RECIPE[1:11] if line != "Directions"]


def test_without_an_ingredients_heading_short_lines_under_the_post_stay_out():
    texts = ["Harbour stir fry", "March 5, 2024", *ARTICLE, "Pin", "Print", *RECIPE[1:]]
    assert stage.clean_lines(texts)["paragraphs"] == ARTICLE


# --- more bylines and headlines from a dump's header ---------------------------------------------------
def test_the_headline_over_a_standfirst_over_the_byline_line():
    head = "Through the Darkest of Times review"
    texts = ["3. Strategy", "4. Through The Darkest Of Times", head,
             "Lead a resistance group in the harbour town in this uncomfortable and important strategy game.",
             "By Luke Kemp 11 February 2020", *["*"] * 6, "Shares", "(Image: © HandyGames)", "Our Verdict", *ARTICLE]
    record = stage.clean_lines(texts)
    assert (record["title"], record["byline"], record["published_at"]) == (head, "Luke Kemp", "2020-02-11")


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("Richard Adams Education editor", "Richard Adams"),
        ("Jane Doe Reporter", "Jane Doe"),
        ("Business reporter", None),
    ],
)
def test_a_name_and_its_role_on_one_header_line(line, byline):
    texts = ["Harbour board backs channel dredging",
             "Report claims the board has created a pool of low-paid staff for the dredging works on the coast",
             line, "Mon 20 Jan 2020 06.05 GMT", *ARTICLE]
    assert stage.clean_lines(texts)["byline"] == byline


def test_an_author_bio_line_names_the_author_when_no_byline_does():
    bio = "Will Knight is a senior writer for the paper, covering the harbour and its dredging works."
    texts = ["Harbour board backs channel dredging", "March 5, 2024", *ARTICLE, "Share", bio]
    assert stage.clean_lines(texts)["byline"] == "Will Knight"
    texts = ["Harbour board backs channel dredging", "By Jane Doe", *ARTICLE, "Share", bio]
    assert stage.clean_lines(texts)["byline"] == "Jane Doe"


@pytest.mark.parametrize("name", ["Today's Paper", "Editor’s Picks"])
def test_a_possessive_names_no_author(name):
    from workers.stages.clean import metadata as md

    assert md.authors(name) == []
    texts = ["Harbour board backs channel dredging", "Thursday, November 9th 2023", name, "Home Page", *ARTICLE]
    assert stage.clean_lines(texts)["byline"] is None


def test_a_newsletter_name_over_its_subscribe_button_is_not_the_byline():
    texts = ["Harbour board backs channel dredging", "Jan 18, 2019", "Harbour Future", "Subscribe", *ARTICLE]
    assert stage.clean_lines(texts)["byline"] is None


# --- the prefilters in front of the new line patterns pass every line the pattern matches ------------
@pytest.mark.parametrize("count", ["3", "No", "one", "Two", "THREE", "four", "Five", "six", "Seven", "eight", "nine", "Ten"])
@pytest.mark.parametrize("shape", ["{} comments", "{{ {} Comments… read them below or add one }}", "({} replies)",
                                   "[{} thoughts on “Harbour”]", "{} responses to “Harbour board”"])
def test_comment_count_prefilter_passes_every_heading(count, shape):
    from workers.stages.clean import vocabulary as v

    text = shape.format(count)
    assert v.COMMENT_COUNT_HEADING.match(text)
    assert ln._ANCHORED_ROW(text) in {"comment_prompt", "comment_heading"}  # the union finds it


@pytest.mark.parametrize("link", ["Read more", "READ THE REST", "read full story", "Continue reading »", "CONTINUE READING",
                                  "Full Story", "full article", "Keep reading", "[Read more…]", "(Continue reading)"])
def test_read_more_prefilter_passes_every_link(link):
    from workers.stages.clean import sections
    from workers.stages.clean import vocabulary as v

    assert v.READ_MORE_LINK.match(link)
    assert sections._READ_MORE_MATCH(link)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Mon 20 Jan 2020 06.05 GMT Last modified on Mon 20 Jan 2020 06.07 GMT",
         ("2020-01-20T06:05:00+00:00", "2020-01-20T06:07:00+00:00")),
        ("By Alejandro Villamor Last updated Nov 8, 2023 Share with new partner:", None),  # a byline line, not split
    ],
)
def test_a_date_line_with_its_last_modified_date(line, expected):
    from workers.stages.clean.dates import date_line

    assert date_line(line) == expected


# --- code blocks and shell sessions in a post ------------------------------------------------------------
CODE = ["import ctypes", "def deref(addr, type_):", "return ctypes.cast(addr, ctypes.POINTER(type_))",
        "deref(id(29), ctypes.c_int)[4] = 100", "> 29", "100", "> 29*100", "10000", "> 25+4", "29"]
AFTER_CODE = "Note that depending on the version of Python the value may be stored at another offset in the object."


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("target_host = \"www.google.com\"", True), ("client.connect((target_host, target_port))", True),
        ("# connect the client", True), ("$ conda install $PACKAGE_NAME", True), (">>> print(x)", True),
        ("set-option -g mouse on", True), ("from django.conf import settings", True),
        ("Developer Paintbucket Games", False), ("Expect to pay $15", False), ("Related posts", False),
        ("* Coronavirus: A visual guide", False), ("Harbour Master (retired)", False),
        ("...", True),  # an elision line of a snippet
    ],
)
def test_code_lines(text, code):
    from workers.stages.clean import vocabulary as v

    assert (v.CODE_LINE.search(text) is not None) is code


def test_a_code_block_and_the_prose_under_it_are_kept():
    lead = "Can't help sharing this lovely example, illustrating the way Python interns its small integers."
    texts = ["Interning of small integers", "Posted by Konstantin 21.10.2019", ARTICLE[0], lead, *CODE, AFTER_CODE,
             "Tags: Python, Fun", "Leave a comment"]
    assert stage.clean_lines(texts)["paragraphs"] == [ARTICLE[0], lead, *CODE, AFTER_CODE]


def test_a_code_block_ending_the_post_after_a_colon():
    lead = "As usual, the answer is short. In the configuration file of the terminal multiplexer, add:"
    code = ["# .tmux.conf", "set-option -g mouse on", "set-option -s set-clipboard off"]
    texts = ["Copy and paste from tmux", "2020-01-16", ARTICLE[0], ARTICLE[1], lead, *code, "* linux", "* tmux",
             "* Previous post"]
    assert stage.clean_lines(texts)["paragraphs"] == [ARTICLE[0], ARTICLE[1], lead, *code]


def test_short_lines_that_are_not_code_stay_out():
    texts = ["Harbour board backs channel dredging", "March 5, 2024", *ARTICLE, "Developer Paintbucket Games",
             "Expect to pay $15", "Related posts", LAST_PARAGRAPH]
    assert stage.clean_lines(texts)["paragraphs"] == ARTICLE


def test_one_code_line_between_two_paragraphs_is_kept():
    texts = ["Harbour board backs channel dredging", "March 5, 2024", ARTICLE[0], "$ pipenv install $PACKAGE_NAME",
             ARTICLE[1], ARTICLE[2]]
    assert stage.clean_lines(texts)["paragraphs"] == [ARTICLE[0], "$ pipenv install $PACKAGE_NAME", *ARTICLE[1:]]


# --- tweets embedded in the article --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("attribution", "kept"),
    [("— Dave Schukin (@schukin) July 3, 2019", True), ("— Dave Schukin, harbour master", False)],
)
def test_an_embedded_tweet_and_its_attribution(attribution, kept):
    tweet = "Notice the warping of the line across both the eyes and nose. pic.twitter.com/U7PMa4oNGN"
    texts = ["Harbour board backs channel dredging", "March 5, 2024", ARTICLE[0], ARTICLE[1], tweet, attribution,
             ARTICLE[2]]
    paragraphs = stage.clean_lines(texts)["paragraphs"]
    assert (paragraphs == [*ARTICLE[:2], tweet, attribution, ARTICLE[2]]) is kept
    assert ARTICLE[2] in paragraphs


# --- a data table inside the article ------------------------------------------------------------------
TABLE = ["file simdjson JSON for Modern C++", "apache_builds 2.3 GB/s 0.098 GB/s", "github_events 2.5 GB/s 0.093 GB/s",
         "gsoc-2018 3.3 GB/s 0.091 GB/s", "twitter 2.2 GB/s 0.094 GB/s"]


@pytest.mark.parametrize(
    ("rows", "kept"),
    [
        (TABLE, True),
        (["* Home", "* Harbour News", "* Port Authority", "* Contact Us"], False),  # a menu: no numbers
        (["Jan 2020 (4)", "Harbour board votes on the dredging plan", "Feb 2020 (2)"], False),  # uneven rows
    ],
)
def test_a_data_table_between_two_paragraphs(rows, kept):
    texts = ["Harbour board backs channel dredging", "March 5, 2024", ARTICLE[0], *rows, ARTICLE[1], ARTICLE[2]]
    paragraphs = stage.clean_lines(texts)["paragraphs"]
    assert (paragraphs == [ARTICLE[0], *rows, *ARTICLE[1:]]) is kept
    assert ARTICLE[2] in paragraphs


# --- the bullet list a closing paragraph introduces ---------------------------------------------------
def test_the_list_a_closing_paragraph_introduces_is_kept():
    intro = "I know it is a lot of numbers from the harbour board, so I will summarise them for you here:"
    items = ["* Dredging saves a lot of time for the ferries", "* The outer channel is the most silted part"]
    texts = ["Harbour board backs channel dredging", "March 5, 2024", *ARTICLE, intro, *items,
             "* Author: Jacopo Cascioli", "* Published: 03 December 2019", "* Share on Facebook"]
    assert stage.clean_lines(texts)["paragraphs"] == [*ARTICLE, intro, *items]


def test_bullets_after_a_closing_paragraph_without_a_colon_stay_out():
    items = ["* Dredging saves a lot of time for the ferries", "* The outer channel is the most silted part"]
    texts = ["Harbour board backs channel dredging", "March 5, 2024", *ARTICLE, *items, "* Share on Facebook"]
    assert stage.clean_lines(texts)["paragraphs"] == ARTICLE


# --- the author box above the article ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("first", "dropped"),
    [
        ("Jacob Wade is a personal finance expert who has covered credit cards and tax issues for more than a decade.", True),
        ("Jacob Wade is the first harbour master to resign over the dredging plan, he said on Monday.", False),  # news
        ("Mary Roe is a personal finance expert who has covered credit cards and tax issues for a decade.", False),  # not the author
    ],
)
def test_the_author_box_above_the_article(first, dropped):
    texts = ["Coinbase vs. Coinbase Pro", "By", "Jacob Wade", "Full Bio", first, *ARTICLE]
    record = stage.clean_lines(texts)
    assert record["byline"] == "Jacob Wade"
    assert (first not in record["paragraphs"]) is dropped
    assert record["paragraphs"][-3:] == ARTICLE


# --- numbered lists and unmarked closing lists (dumps-5) ----------------------------------------------
@pytest.mark.parametrize(
    ("items", "kept"),
    [
        ([f"{n:02d}. Skipper number {n}" for n in range(1, 13)], True),  # counts up from 1
        ([f"{n}. Skipper number {n}" for n in range(10, 0, -1)], True),  # a countdown
        (["1. Small groups (30 mins)", "2. Presentations (15 mins)", "1. Questions", "2. Next meeting"], True),  # nested
        (["3. Skipper number three", "7. Skipper number seven", "2. Skipper number two"], False),  # no count
        (["4. Skipper number four", "5. Skipper number five"], False),  # does not start at 1 under the article
    ],
)
def test_a_numbered_list_under_the_article(items, kept):
    texts = ["Harbour board backs channel dredging", "March 5, 2024", *ARTICLE, *items, "Share on Facebook",
             "Copyright 2024 The Harbour Times"]
    paragraphs = stage.clean_lines(texts)["paragraphs"]
    assert (paragraphs == [*ARTICLE, *items]) is kept
    assert paragraphs[:3] == ARTICLE


def test_a_numbered_list_touching_a_kept_item_is_kept_whole():
    texts = ["Harbour board backs channel dredging", "March 5, 2024", "Agenda", "1. Welcome",
             "2. " + ARTICLE[0], "3. " + ARTICLE[1], "4. Questions", "Share on Facebook"]
    paragraphs = stage.clean_lines(texts)["paragraphs"]
    assert paragraphs == ["1. Welcome", "2. " + ARTICLE[0], "3. " + ARTICLE[1], "4. Questions"]


def test_a_numbered_list_under_a_menu_is_not_the_article():
    menu = ["1. Home", "2. News", "3. Sport"]
    texts = ["Harbour board backs channel dredging", *menu, "Share on Facebook", "March 5, 2024", *ARTICLE]
    assert stage.clean_lines(texts)["paragraphs"] == ARTICLE


def test_an_unmarked_list_after_the_closing_colon_is_kept_when_the_article_resumes():
    intro = "These are the skippers who were not on the board's list of pilots at all:"
    items = ["Tom Pendry, Harbour Master", "Ana Lopez, Ferry Captain", "Ray Gill, Tug Skipper"]
    resumed = "Here is the full list of pilots that the harbour board published on Monday."
    tail = ["Share on Facebook", "Copyright 2024 The Harbour Times"]
    texts = ["Harbour board backs channel dredging", "March 5, 2024", *ARTICLE, intro, *items, resumed, *tail]
    assert stage.clean_lines(texts)["paragraphs"] == [*ARTICLE, intro, *items, resumed]
    texts = ["Harbour board backs channel dredging", "March 5, 2024", *ARTICLE, intro, *items, *tail]
    assert stage.clean_lines(texts)["paragraphs"] == [*ARTICLE, intro]  # no prose resumes: nothing


@pytest.mark.parametrize(
    ("intro", "kept"),
    [
        ("Finally, the config file:", True),  # a short sentence introducing the block
        ("Config file:", False),  # two words: a label, not a sentence
        ("finally the config file", False),  # no colon
    ],
)
def test_a_short_line_introducing_a_code_block(intro, kept):
    code = ["cert = /etc/harbour/cert.pem", "client = no", "pid = /var/run/harbour.pid"]
    texts = ["Harbour board backs channel dredging", "March 5, 2024", ARTICLE[0], ARTICLE[1], intro, *code,
             ARTICLE[2], "Leave a comment"]
    paragraphs = stage.clean_lines(texts)["paragraphs"]
    assert (paragraphs == [ARTICLE[0], ARTICLE[1], intro, *code, ARTICLE[2]]) is kept
    assert ARTICLE[2] in paragraphs


# --- a name and a date on one header line ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "published", "byline", "source"),
    [
        ("Harbour Times News February 24, 2020, 7:57 AM", "2020-02-24T07:57:00", None, "Harbour Times News"),
        ("The Guardian 10/20/2020 Anna Fazackerley", "2020-10-20", "Anna Fazackerley", "The Guardian"),
        ("Original Research 7 April 2020", None, None, None),  # a section label is not a person
        ("Top Stories March 4, 2020", None, None, None),  # a section label, not a name
        ("Ferry returns March 5, 2024", None, None, None),  # a sentence with a date
    ],
)
def test_a_name_and_a_date_on_one_header_line(line, published, byline, source):
    texts = ["* Home", "* News", line, "Harbour board backs channel dredging", *ARTICLE]
    record = stage.clean_lines(texts)
    assert (record["published_at"], record["byline"]) == (published, byline)
    assert (record["source"] == source) if source else True
    assert record["paragraphs"] == ARTICLE


def test_a_name_and_a_date_below_the_article_start_is_not_the_header():
    texts = ["Harbour board backs channel dredging", ARTICLE[0], "Harbour Times News 5 March 2024", *ARTICLE[1:]]
    assert stage.clean_lines(texts)["published_at"] is None


# --- date shapes of dumps: other languages' month names, "31. October", two-digit years -----------------
@pytest.mark.parametrize("language", sorted(v.MONTH_NAMES_OTHER))
def test_month_names_of_other_languages_row_by_row(language):
    from workers.stages.clean.dates import date_line

    names = v.MONTH_NAMES_OTHER[language].split()
    assert len(names) == 12
    for month, name in enumerate(names, start=1):
        assert date_line(f"5 {name} 2018") == (f"2018-{month:02d}-05", None), (language, name)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("mardi 5 juin 2018", ("2018-06-05", None)),
        ("17. Januar 2014 · 02:16", ("2014-01-17T02:16:00", None)),
        ("31. October, 2023", ("2023-10-31", None)),
        ("11/08/23 5:19pm", ("2023-11-08T17:19:00", None)),  # month first, as four-digit years are read
        ("Posted: 11/08/99", ("1999-11-08", None)),  # 69-99 are 19xx, as strptime %y reads them
        ("1/2/34 cup flour", None),  # a fraction, not a date: a two-digit year needs a time or an end after it
        ("5 mars bars 2018", None),
    ],
)
def test_date_shapes_of_dumps(line, expected):
    from workers.stages.clean.dates import date_line

    assert date_line(line) == expected


def test_a_byline_with_a_two_digit_year_date():
    texts = ["Harbour board backs channel dredging", "By Jane Doe • 11/08/23 5:19pm", *ARTICLE]
    record = stage.clean_lines(texts)
    assert (record["byline"], record["published_at"]) == ("Jane Doe", "2023-11-08T17:19:00")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Jane Doe on 31. October, 2023 | 18 Comments. This post may contain affiliate links. As an Amazon "
         "Associate I earn from qualifying purchases.", ("Jane Doe", "2023-10-31")),  # a disclosure glued on
        ("Posted on October 31, 2023 | Harbour, Ferries, Dredging, Outer channel, Board meetings, Council, "
         "Storms, Autumn", (None, "2023-10-31")),  # over 120 characters
    ],
)
def test_the_head_of_a_long_header_line_with_pipes(line, expected):
    texts = ["Harbour board backs channel dredging", line, *ARTICLE]
    record = stage.clean_lines(texts)
    assert (record["byline"], record["published_at"]) == expected
    assert record["paragraphs"] == ARTICLE


def test_a_pipe_in_an_article_paragraph_is_not_a_header():
    paragraph = "By the harbour on October 31, 2023 | the board met to discuss dredging plans for the outer channel today."
    texts = ["Harbour board backs channel dredging", "March 5, 2024", *ARTICLE, paragraph]
    record = stage.clean_lines(texts)
    assert record["published_at"] == "2024-03-05" and paragraph in record["paragraphs"]


# --- the labelled parts of a structured text above the run ------------------------------------------------
def test_labelled_parts_above_the_run_start_it():
    texts = ["A word a day", "dredge", "PRONUNCIATION:", "(drej)", "MEANING:", "verb: To clear the bed of a channel.",
             "ETYMOLOGY:", *ARTICLE, "Subscriber Services"]
    paragraphs = stage.clean_lines(texts)["paragraphs"]
    assert paragraphs[0] == "verb: To clear the bed of a channel." and paragraphs[-3:] == ARTICLE
    assert "(drej)" not in paragraphs  # a label over a short line is not taken


def test_a_label_over_a_menu_line_above_the_run_is_not_taken():
    texts = ["Harbour board backs channel dredging", "Filed under:", "Share this story on Facebook.", "Tags:",
             *ARTICLE]
    paragraphs = stage.clean_lines(texts)["paragraphs"]
    assert paragraphs == ARTICLE


def test_a_code_block_opening_with_an_elision_line():
    code = ["...", "from harbour import channel", "def dredge(self):", "channel.depth = 12"]
    texts = ["Harbour board backs channel dredging", "March 5, 2024", ARTICLE[0], ARTICLE[1], *code, ARTICLE[2],
             "Leave a comment"]
    assert stage.clean_lines(texts)["paragraphs"] == [ARTICLE[0], ARTICLE[1], *code, ARTICLE[2]]


def test_a_name_and_a_date_far_above_the_article_is_a_teaser_not_the_header():
    teasers = [f"* Ferry story number {k}" for k in range(14)]
    texts = ["Harbour Times News February 24, 2020, 7:57 AM", *teasers, "Harbour board backs channel dredging", *ARTICLE]
    assert stage.clean_lines(texts)["published_at"] is None


@pytest.mark.parametrize(
    ("found", "value", "expected"),
    [
        ("2014-01-17T02:16:00", "2014-01-17T02:16:47+00:00", "2014-01-17T02:16:47+00:00"),  # same minute, more said
        ("2014-01-17", "2014-01-17T02:16:47+00:00", "2014-01-17T02:16:47+00:00"),  # same day with a time
        ("2014-01-17T02:16:00", "2014-01-17T05:16:47+00:00", "2014-01-17T02:16:00"),  # another time: the first stays
        ("2014-01-17T02:16:30", "2014-01-17T02:16:47+00:00", "2014-01-17T02:16:30"),  # seconds of its own
    ],
)
def test_refine_a_date_with_the_same_minute(found, value, expected):
    assert clean_fields.refine(found, value) == expected


def test_a_numbered_list_under_a_most_viewed_heading_is_not_the_article():
    teasers = ["Most Viewed Stories", "1. Ferry fares rise again", "2. Pier closes for the winter", "3. Lighthouse reopens"]
    texts = ["Harbour board backs channel dredging", "March 5, 2024", *ARTICLE, *teasers, "Share on Facebook"]
    assert stage.clean_lines(texts)["paragraphs"] == ARTICLE


# --- the page's footer notice ends the run -----------------------------------------------------------------
def test_text_after_the_pages_all_rights_reserved_footer_is_not_the_article():
    hidden = [TEASER_SUMMARIES[0], TEASER_SUMMARIES[1], TEASER_SUMMARIES[2]]  # a hidden panel's prose
    texts = ["Harbour board backs channel dredging", "March 5, 2024", *ARTICLE,
             "Copyright 2024 The Harbour Times. All Rights Reserved.", "INTRODUCTION", *hidden]
    assert stage.clean_lines(texts)["paragraphs"] == ARTICLE


def test_a_copyright_credit_inside_the_article_does_not_end_it():
    texts = ["Harbour board backs channel dredging", "March 5, 2024", ARTICLE[0], "© Jane Doe/Harbour Times",
             ARTICLE[1], ARTICLE[2]]
    assert stage.clean_lines(texts)["paragraphs"] == ARTICLE
