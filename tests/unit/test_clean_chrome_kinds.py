"""Chrome kinds a new user saw on real pages (issue 10 items 2-3), row by row: ad-slot markers,
copyright/reproduction notices, desk and staff credits as bylines, photo credits opening the body.
Each kind is a table row in workers/stages/clean/vocabulary.py; these rows test the table, the
classifier reason and the record, on both the dump and the HTML path."""

from __future__ import annotations

import pytest

from workers.stages import clean as clean_stage
from workers.stages.clean import lines as ln
from workers.stages.clean import metadata as md
from workers.stages.clean import vocabulary as v
from workers.stages.clean.run import NEVER_RESCUED

PROSE = [
    "The harbour authority said on Tuesday that the northern pier would close for repairs until the end of the year.",
    "Engineers found that several of the wooden piles had rotted through after decades of exposure to salt water.",
    "Fishing crews who use the pier will be moved to the southern quay, which was rebuilt only two years ago.",
    "The council has set aside money for the work and expects the contractor to start within the next month.",
    "Residents who walk along the pier in the evenings said they were sad to see it fenced off for so long.",
]


def _record(text: str, content_type: str = "text/plain") -> dict:
    return clean_stage.clean({"id": "k", "source": None, "content_type": content_type, "content": text,
                              "fetched_at": None})


@pytest.mark.parametrize("text", [
    "- Advertisement -", "-- ADVERTISEMENT --", "ADVERTISEMENT", "Advertisement", "[ Sponsored ]", "Sponsored",
    "*** Advertisement ***", "(Advertisement)", "Story continues below", "Story continues below advertisement",
    "Advertisement - Scroll to continue", "Advertisement · Continue reading below", "— Sponsored content —",
])
def test_ad_markers_are_chrome_never_rescued(text):
    assert v.AD_MARKER.match(text) and v.UI_LINE.match(text)
    (line,) = ln.classify([text])
    assert (line.kind, line.reason) == ("boilerplate", "advertisement") and line.reason in NEVER_RESCUED


@pytest.mark.parametrize("text", [
    "Advertise with us", "Sponsored by the city council, the fair runs until Sunday.", "- Share -", "Share",
    "The advertisement ran in three newspapers last week, the company said.",
])
def test_not_ad_markers(text):
    assert not v.AD_MARKER.match(text)


@pytest.mark.parametrize("text", [
    "This document is subject to copyright. Apart from any fair dealing for the purpose of private study or "
    "research, no part may be reproduced without the written permission. The content is provided for "
    "information purposes only.",
    "This article is the copyrighted property of Breaking Belize News.",
    "Written permission must be obtained before reprint in online or print media.",
    "This article may not be reproduced in any form without prior written permission.",
    "Copyright 2023 Sunbeam Television Corp. All rights reserved. This material may not be published, "
    "broadcast, rewritten or redistributed.",
    "© 2024 The Harbor Times",
    "All content on this site is protected by copyright.",
])
def test_copyright_notices(text):
    (line,) = ln.classify([text])
    assert (line.kind, line.reason) == ("boilerplate", "copyright") and line.reason in NEVER_RESCUED


@pytest.mark.parametrize("text", [
    "The court ruled the photos were reproduced without permission, the lawyer said.",
    "The band said the song is subject to copyright claims by the label and would appeal.",
    "She decided to sign up here in the town, she said, after the flood had closed the old office.",
    "Shoppers who add items to their basket now pay less, the retailer said in its statement on Monday.",
])
def test_reported_copyright_sign_ups_and_baskets_stay_prose(text):
    (line,) = ln.classify([text])
    assert line.kind == ln.PROSE


@pytest.mark.parametrize("text", [
    "Editorial Staff", "Staff Reporter", "News Desk", "Web Team", "HLNF Staff Report", "Times Staff Writer",
    "Staff and news service reports", "STAFF AND NEWS SERVICE REPORTS", "Staff", "Our Editorial Staff",
    "Sports Desk", "Staff reports", "Digital Desk", "Agencies", "Wire services",
])
def test_desk_credits_name_no_author(text):
    assert v.DESK_CREDIT.match(text)
    assert md.authors(text) == [] and md.authors(text, declared=True) == []
    assert md.authors(f"By {text}") == []
    assert md.byline(f"By {text}") == (None, None)


@pytest.mark.parametrize(("text", "names"), [
    ("By Jane Doe, Staff Writer", ["Jane Doe"]),
    ("By Jane Doe and Web Team", ["Jane Doe"]),  # the person when one is named
    ("Adam Aaronson PhillyVoice Staff", ["Adam Aaronson"]),  # a person with a site's desk credit run in
    ("Jane Doe Staff", ["Jane Doe"]),
    ("Nathan Parker, Eric Mill, Chrome Safe Browsing team", ["Nathan Parker", "Eric Mill"]),  # a team, not a name
    ("By Carla Weiss and Derek Morgan", ["Carla Weiss", "Derek Morgan"]),
])
def test_persons_beside_desk_words(text, names):
    assert md.authors(text) == names


@pytest.mark.parametrize("text", [
    "Taiwanese President Tsai Ing-wen speaks during a televised debate in Taipei. Photo: AP",
    "A rare illness has stopped his competitive rise. Photo via Evert Tennis Academy",
    "Courtesy of Forests News",
    "The mayor at the fair. Photo courtesy of the City of Springfield",
    "Photo by Jane Doe",
    "Flood water covers the main road into the village (Getty Images)",
    "Rescue workers search the rubble / Reuters",
    "Image credit: NASA",
])
def test_photo_credits_are_captions(text):
    assert md.is_caption(text, before_lead=True)


@pytest.mark.parametrize("text", [
    "He thanked everyone, courtesy of the mayor.",
    "The council will publish the photos by Friday.",
    "The exhibition shows photos by Ansel Adams",
])
def test_prose_with_photo_words_is_not_a_caption(text):
    assert not md.is_caption(text, before_lead=True) and not md.is_caption(text, before_lead=False)


def test_dump_drops_ad_marker_copyright_and_desk_byline():
    text = "\n".join([
        "Pier to close for repairs", "By Editorial Staff", "March 5, 2024",
        "Flood water covers the pier. Photo via Harbour Authority",
        PROSE[0], PROSE[1], "- Advertisement -", PROSE[2], PROSE[3], PROSE[4],
        "This article is the copyrighted property of The Harbor Times.",
    ])
    record = _record(text)
    assert record["authors"] == [] and record["byline"] is None
    assert record["paragraphs"] == PROSE
    assert record["title"] == "Pier to close for repairs"


def test_html_never_rescues_ad_markers_or_copyright():
    paragraphs = "".join(f"<p>{p}</p>" for p in PROSE[:3]) + "<p>- Advertisement -</p>" + "".join(
        f"<p>{p}</p>" for p in PROSE[3:])
    page = ("<html><head><title>Pier to close for repairs</title>"
            '<meta name="author" content="News Desk"></head><body><article><h1>Pier to close for repairs</h1>'
            f"{paragraphs}<p>Copyright 2024 Harbor Media Corp. All rights reserved. This material may not be "
            "published, broadcast, rewritten or redistributed.</p></article></body></html>")
    record = _record(page, "text/html")
    assert record["paragraphs"] == PROSE
    assert record["authors"] == []


@pytest.mark.parametrize(("text", "reason"), [
    ("This post and the photos within it may contain affiliate links. If you purchase something through the "
     "link, I may receive a small commission at no extra charge to you.", "site_notice"),  # first person
    ("This article contains affiliate links.", "site_notice"),
    ("Commenting feature is disabled in your country/region.", "site_notice"),  # a comment widget's status
    ("The comment section has been disabled for this article.", "site_notice"),
    ("Corrections: If you are aware of an inaccuracy or would like to report a correction, we would like to "
     "know about it. Please consider sending an email to the editors.", "site_notice"),
    ("Disclaimer (varies based on content, section, category, etc.): " + "News articles on this site may contain "
     "opinions of the author and may not reflect the views of the site itself. " * 6, "site_notice"),  # any length
    ("Send me email every new post.", "promo"),
    ("Send me email weekly!", "promo"),
    ("Do you want to be informed of our actions? Sign up here", "promo"),  # a sign-up call under the article
    ("Like recipe? Add the ingredients to your basket and deliver to you.", "promo"),  # a shop's basket offer
    ("Add all the ingredients to your shopping cart.", "promo"),
    ("Want more? Register here", "promo"),
])
def test_affiliate_disclosures_site_notices_and_signup_options(text, reason):
    (line,) = ln.classify([text])
    assert (line.kind, line.reason) == ("boilerplate", reason)


def test_an_error_in_the_news_is_not_a_corrections_policy():
    (line,) = ln.classify(["The agency said it had found an error in the census data and would publish a correction next week."])
    assert line.kind == ln.PROSE


@pytest.mark.parametrize("heading", ["Recent Posts", "Popular Posts", "Recent news", "Similar posts", "Latest articles",
                                     "Recent Comments", "Editors’ Recommendations:", "Editors' choice",
                                     "Latest posts by Jane Roe (see all)"])
def test_recent_and_popular_post_lists_are_teaser_sections(heading):
    from workers.stages.clean import sections

    assert sections.heading_kind(heading) == "teasers"


def test_related_posts_with_excerpts_are_teaser_cards():
    from workers.stages.clean import sections

    cards = []
    for n, (headline, excerpt) in enumerate([
        ("Harbour festival returns", "The summer festival is back on the quay with boats, music and food stalls for all ages."),
        ("New ferry timetable", "Ferries to the islands will run every hour from May, the operator said in a statement today."),
        ("Lighthouse open days", "Visitors can climb the old lighthouse on the first weekend of every month this summer."),
    ]):
        cards += [f"March {n + 1}, 2024", "Community", headline, excerpt, "Jane Doe"]
    texts = PROSE + ["Related posts"] + cards
    marked = sections.mark(ln.classify(texts))
    assert [line.reason for line in marked[len(PROSE) + 1:]] == ["teasers"] * len(cards)
    assert all(line.kind != "boilerplate" for line in marked[:len(PROSE)])
    record = _record("\n".join(["Pier to close for repairs", "March 5, 2024"] + texts))
    assert record["paragraphs"] == PROSE


def test_a_closing_paragraph_under_the_closing_list_stays():
    texts = ["Pier to close for repairs", "March 5, 2024"] + PROSE + [
        "Want to read more about the harbour? Read about:", "* The northern pier", "* The southern quay",
        "* The old lighthouse", "Check back soon, we will add more stories about the harbour every week.",
        "Share", "Facebook", "Twitter"]
    record = _record("\n".join(texts))
    assert record["paragraphs"][-1] == "Check back soon, we will add more stories about the harbour every week."


def test_a_dated_header_with_pipes_is_not_a_menu_and_a_kicker_headline_is_the_title():
    (line,) = ln.classify(["Published: Tuesday | April 26, 2022 | 9:52 PM"])
    assert line.kind == ln.SHORT
    (line,) = ln.classify(["Join us on Facebook"])
    assert (line.kind, line.reason) == ("boilerplate", "ui_vocabulary")
    texts = ["Subscribe to this feed", "Join us on Facebook", "Update | Pier closed for repairs until December",
             "Published: Tuesday | April 26, 2022 | 9:52 PM", "* Photo", "* Video"] + PROSE
    record = _record("\n".join(texts))
    assert record["title"] == "Update | Pier closed for repairs until December"
    assert record["published_at"] == "2022-04-26T21:52:00"


@pytest.mark.parametrize(("text", "trail"), [
    ("You are here: Home / Baby / Pier to close for repairs", True),
    ("Home > News > Pier to close for repairs", True),
    ("Home / Harbour / Pier to close", True),
    ("Homeowners fear the pier will close", False),
])
def test_breadcrumb_labels(text, trail):
    assert bool(v.BREADCRUMB_LABEL.match(text)) == trail


def test_an_inline_box_of_story_links_between_paragraphs_is_dropped():
    texts = ["Pier to close for repairs", "March 5, 2024", PROSE[0], PROSE[1],
             "* Ferry timetable changes for the summer season", "* Lighthouse opens its doors again",
             "Advertisement", PROSE[2], PROSE[3], "The council listed three reasons:",
             "* the piles have rotted", "* the deck is unsafe", "* insurance has lapsed", PROSE[4]]
    record = _record("\n".join(texts))
    assert "* Ferry timetable changes for the summer season" not in record["paragraphs"]
    assert "* Lighthouse opens its doors again" not in record["paragraphs"]
    assert "* the deck is unsafe" in record["paragraphs"]  # a list the article introduces stays


@pytest.mark.parametrize(("text", "notice"), [
    ("NOW Grenada is not responsible for the opinions, statements or media content presented by contributors.", True),
    ("We are not responsible for the content of comments posted by users.", True),
    ("The minister said he is not responsible for the content of the report, which was written by contributors.", False),
])
def test_contributor_disclaimers(text, notice):
    (line,) = ln.classify([text])
    assert (line.reason == "site_notice") == notice


def test_a_parenthesised_credit_line_is_a_caption():
    assert md.is_caption("(Credit: Clayton Aldern / Grist)", before_lead=False)


def test_the_heading_over_a_numbered_list_stays():
    texts = ["Pier to close for repairs", "March 5, 2024", PROSE[0], PROSE[1], "My Top 3 Harbour Walks Around Town",
             "1. The Northern Pier", PROSE[2], "2. The Southern Quay", PROSE[3], "3. The Old Lighthouse", PROSE[4]]
    record = _record("\n".join(texts))
    assert "My Top 3 Harbour Walks Around Town" in record["paragraphs"]



@pytest.mark.parametrize(("last", "dropped"), [
    ("Our Editorial Staff at The Harbor Times is a team publishing news and other articles to over 200,000 "
     "readers every month.", True),
    ("The team is expected to finish the repairs before the summer season begins in June.", False),
])
def test_a_desk_presenting_itself_under_the_article(last, dropped):
    texts = ["Pier to close for repairs", "By Editorial Staff", "March 5, 2024"] + PROSE + [last]
    record = _record("\n".join(texts))
    assert (last not in record["paragraphs"]) == dropped


@pytest.mark.parametrize(("others", "published"), [
    (["14/04/2020 at 3:00 pm", "15/04/2020 at 5:53 pm"], "2020-04-12"),  # the page writes the day first
    (["04/14/2020 at 3:00 pm", "04/15/2020 at 5:53 pm"], "2020-12-04"),  # month first: the default stands
    ([], "2020-12-04"),
])
def test_an_ambiguous_slashed_date_follows_the_pages_own_order(others, published):
    texts = ["Olive bread", "12/04/2020 by Kay 24 Comments"] + PROSE + ["Comments"] + [
        line for other in others for line in (other, "Lovely recipe, thank you for sharing it with us all.")]
    assert _record("\n".join(texts))["published_at"] == published


@pytest.mark.parametrize(("label", "authors"), [
    ("About the Author - Florina Ionescu", ["Florina Ionescu"]),
    ("About the author: Jane Doe", ["Jane Doe"]),
    ("About the Author - Read more about our team", []),
])
def test_the_author_box_label_names_the_author(label, authors):
    texts = ["Pier to close for repairs", "March 5, 2024"] + PROSE + [label, "Hi! I write about harbours."]
    assert _record("\n".join(texts))["authors"] == authors


def test_a_line_opening_with_a_lower_case_function_word_is_never_the_title():
    texts = ["Menu", "Pier to close for repairs until the end of the year", "Jane Doe", "from Harbor University",
             "Last updated on 20 Feb, 2020"] + PROSE
    assert _record("\n".join(texts))["title"] == "Pier to close for repairs until the end of the year"


def test_label_headings_of_a_structured_text_stay_and_a_search_label_does_not():
    texts = ["Influenza vaccination and mortality", "March 5, 2024", PROSE[0], "Results:", PROSE[1],
             "Primary Funding Source:", "National Institute on Aging.", PROSE[2], "Search for:", PROSE[3]]
    paragraphs = _record("\n".join(texts))["paragraphs"]
    assert "Results:" in paragraphs and "Primary Funding Source:" in paragraphs
    assert "Search for:" not in paragraphs


@pytest.mark.parametrize(("text", "reason"), [
    ("BVINEWS.COM", "credits"), ("www.example.org", "credits"), ("bbc.co.uk", "credits"),
    ("Release Date:", "ui_vocabulary"), ("Publication date", "ui_vocabulary"),
])
def test_bare_source_domains_and_empty_date_labels(text, reason):
    (line,) = ln.classify([text])
    assert (line.kind, line.reason) == ("boilerplate", reason)


def test_a_sentence_naming_a_domain_is_not_a_credit():
    (line,) = ln.classify(["Example.com is a site"])
    assert line.kind != "boilerplate"


def test_first_character_buckets_leave_an_optional_leading_group_whole():
    import re

    from workers.stages.clean.fastmatch import first_char_match, first_char_union, split_branches

    pattern = re.compile(r"^(?:https?://)?(?:www\.)?[a-z]+\.com$", re.IGNORECASE)
    assert split_branches(pattern.pattern) is None
    assert first_char_match(pattern)("example.com") and first_char_match(pattern)("https://example.com")
    assert first_char_union((("domain", pattern),))("example.com") == "domain"


def test_a_closing_paywall_pitch_is_never_rescued():
    # a paywall section closing the article: its lines and the chrome under it (an "already a subscriber"
    # prompt the classifier calls a promo) no extractor vote keeps; the article above it stays
    from workers.stages.clean import sections
    from workers.stages.clean.run import _never_rescued

    texts = PROSE + ["To view the full story, please subscribe to The Daily Courier.",
                     "Join now to get unlimited access to every story we publish.",
                     "If you're seeing this message but you're already a subscriber, you can log in."]
    lines = sections.mark(ln.classify(texts))
    never = _never_rescued(lines)
    assert never == [False] * len(PROSE) + [True] * 3
    assert lines[len(PROSE)].reason == "paywall"


@pytest.mark.parametrize(
    ("tail", "published", "updated"),
    [
        (["Last Modified:", "March 15, 2004 2:20pm"], None, "2004-03-15T14:20:00"),  # the label's date is the update
        (["Release Date:", "Thursday, 28 April 2022 - 3:55pm"], "2022-04-28T15:55:00", None),
        (["Last updated:"], None, None),  # the label alone (its date drawn by a script): a label, not body
        (["Posted on"], None, None),  # a dangling preposition: a label too
        (["notes.html - Created 14-03-2004 2:20pm - Last Modified: 15-03-2004 2:20pm"],
         "2004-03-14T14:20:00", "2004-03-15T14:20:00"),  # a document's stamp line
    ],
)
@pytest.mark.parametrize("html", [False, True])
def test_a_date_label_line_is_never_body(tail, published, updated, html):
    lines = PROSE + tail
    content = "<html><body><article>" + "".join(f"<p>{t}</p>" for t in lines) + "</article></body></html>" if html \
        else "\n\n".join(lines)
    record = _record(content, "text/html" if html else "text/plain")
    assert all(t not in record["body"] for t in tail) and PROSE[-1] in record["body"]
    assert record["updated_at"] == updated
    if not html:  # on HTML, htmldate may also read the page's one date as its publication day
        assert record["published_at"] == published


def test_a_bare_label_needs_its_colon_or_a_date():
    # "Updated" alone is a word a subheading may be; only with a colon or a date under it is it a label
    from workers.stages.clean.dates import BARE_LABEL, labelled

    assert BARE_LABEL.match("Last Modified:").group("colon") == ":" and not BARE_LABEL.match("Updated").group("colon")
    assert BARE_LABEL.match("Published works") is None
    assert labelled("Updated:", ("2020-01-02", None)) == (None, "2020-01-02")
    assert labelled("Published:", ("2020-01-02", None)) == ("2020-01-02", None)


def test_the_article_going_on_under_a_subscription_box_is_not_the_paywall():
    # a metered banner set inside the article: only the box is chrome, the prose under it is the article's
    from workers.stages.clean import sections
    from workers.stages.clean.run import _never_rescued

    texts = PROSE * 6 + ["To view the full story, please subscribe to The Daily Courier."] + PROSE * 4
    lines = sections.mark(ln.classify(texts))
    assert [line.reason for line in lines[30:]] == ["paywall"] + [None] * 20
    assert not any(_never_rescued(lines))


def test_a_long_pitch_under_a_paywall_line_closes_the_article():
    # the box's own prose speaks of the subscription: no article resumes, the rest of the page is the paywall's
    # (a pitch line without any subscription word would read as the article going on: the rule's known limit)
    from workers.stages.clean import sections

    pitch = ["To view the full story, please subscribe to The Daily Courier.",
             "When you join the Courier family you will get unlimited digital access to local journalism every day.",
             "- Weekly puzzles and games",
             "First-time members also receive a welcome gift from our newsroom and our thanks for the support.",
             "Already a member of the Courier family? Log in to keep reading the rest of this story today."]
    lines = sections.mark(ln.classify(PROSE * 3 + pitch))
    assert {line.kind for line in lines[15:]} == {"boilerplate"} and lines[15].reason == "paywall"
    assert lines[18].reason == "paywall"  # a prose line of the pitch: the box goes on over it


@pytest.mark.parametrize("content_type", ["text/plain", "text/html"])
def test_the_article_under_an_inline_paywall_box_is_kept(content_type):
    box = "This article is for subscribers only. Subscribe now for just $2.95 a week. Cancel at any time."
    if content_type == "text/plain":
        text = "\n\n".join(["Pier closes for repairs", *PROSE[:3], box, "Subscribe", *PROSE[3:]])
    else:
        body = "".join(f"<p>{p}</p>" for p in PROSE[:3]) + f'<div class="paywall"><p>{box}</p><a href="/s">Subscribe</a></div>'
        body += "".join(f"<p>{p}</p>" for p in PROSE[3:])
        text = f"<html><head><title>Pier closes for repairs</title></head><body><article><h1>Pier closes for repairs</h1>{body}</article></body></html>"
    record = _record(text, content_type)
    assert record["paragraphs"] == PROSE


@pytest.mark.parametrize(("text", "never"), [("BVINEWS.COM", True), ("example.co.uk", True),
                                             ("Additional reporting by Jane Doe; Editing by Joe Bloggs", False)])
def test_only_a_bare_domain_credit_is_never_rescued(text, never):
    from workers.stages.clean.run import _never_rescued

    (line,) = ln.classify([text])
    assert line.reason == "credits" and _never_rescued([line]) == [never]


@pytest.mark.parametrize("text", ["Estimated reading time: 6 minutes", "Reading time: 4 min", "Views:", "Hits:"])
def test_reading_time_and_counter_labels_are_interface(text):
    (line,) = ln.classify([text])
    assert (line.kind, line.reason) == ("boilerplate", "ui_vocabulary")


@pytest.mark.parametrize(("text", "names"), [
    ("Posted by Jane Doe, Cloud Platform Marketing, Examplecorp", ["Jane Doe"]),
    ("By Jane Doe, Department of Physics, Example University", ["Jane Doe"]),
    ("By Jane Doe, Example Labs", ["Jane Doe"]),
    ("By Jane Doe, Acme Inc", ["Jane Doe"]),
    ("By Ann Lee, Tom Hale, Developer Relations", ["Ann Lee", "Tom Hale"]),
    ("Posted by Jane Doe, Developer Advocate, Examplecorp", ["Jane Doe"]),  # a job title, then the company
    ("By Jane Doe, Senior Software Engineer", ["Jane Doe"]),
    ("By Jane Doe, Co-Founder", ["Jane Doe"]),
    ("By Carla Weiss, Derek Morgan and Nora Ellis", ["Carla Weiss", "Derek Morgan", "Nora Ellis"]),
])
def test_affiliation_after_a_name_is_no_author(text, names):
    """A department, team, company or institution after the name ends the names (vocabulary.AFFILIATION)."""
    found = md.byline(text)
    assert found is not None and md.authors(found[0]) == names
    assert md.authors(text.removeprefix("Posted ")) == names


@pytest.mark.parametrize("row", ["Marketing", "Developer Relations", "Department of Physics", "Example University",
                                 "Acme Labs", "Acme Inc", "Acme Group", "Example Foundation", "Acme Technologies",
                                 "Developer Advocate", "Software Engineer", "Product Manager", "CEO", "Co-founder",
                                 "Research Scientist", "Assistant Professor"])
def test_affiliation_rows(row):
    assert v.AFFILIATION.search(row)
    assert not v.AFFILIATION.search("Jane Doe") and not v.AFFILIATION.search("Derek Morgan")


@pytest.mark.parametrize(("text", "name"), [
    ("by jdoe on December 4, 2006", "jdoe"),
    ("by mary_k on 12 May 2010", "mary_k"),
    ("Posted by pixel42 on Jan 3, 2019", "pixel42"),
])
def test_lower_case_handle_before_its_date_is_the_byline(text, name):
    assert md.byline(text) == (name, None)
    assert md.authors(name) == [name]


@pytest.mark.parametrize("text", [
    "by the on December 4, 2006",  # a function word
    "by admin on May 4, 2020",  # names no one
    "by share on May 4, 2020",  # a button word
    "by jdoe",  # no date after it: not the header's handle shape
    "Updated by noon on Tuesday",
])
def test_not_a_handle_byline(text):
    found = md.byline(text)
    assert found is None or not found[0] or found[0][:1].isupper()


@pytest.mark.parametrize(("text", "names"), [
    ("By Jane Doe, reporting", ["Jane Doe"]),  # a lower-case word after a name is no second author
    ("Jane Doe, jdoe", ["Jane Doe"]),
    ("the", []), ("admin", []), ("more", []),
])
def test_handles_only_as_a_whole_byline(text, names):
    assert md.authors(md.byline(text)[0] if md.byline(text) else text) == names


@pytest.mark.parametrize(("text", "name", "date_parts"), [
    ("May 4, 2020 byJane Doe", "Jane Doe", ["May 4, 2020"]),  # a dump ran "by" into the linked name
    ("byJane Doe", "Jane Doe", []),
    ("12/04/2020 byJane Doe | 3 min read", "Jane Doe", ["3 min read", "12/04/2020"]),
])
def test_by_glued_to_the_name(text, name, date_parts):
    assert md.byline(text) == (name, None)
    assert md.byline_date_parts(text) == date_parts


@pytest.mark.parametrize("text", ["Standby Mode", "byTheWay", "Nearby Towns", "bypass Road closed"])
def test_no_glued_by(text):
    assert md.byline(text) is None


@pytest.mark.parametrize(("text", "names"), [
    ("By Ann Lee, Tom Hale, and Joe Park", ["Ann Lee", "Tom Hale", "Joe Park"]),  # the serial comma
    ("Ann Lee, Tom Hale, and Joe Park", ["Ann Lee", "Tom Hale", "Joe Park"]),
    ("Por María García, José López, y Ana Ruiz", ["María García", "José López", "Ana Ruiz"]),
    ("By Ann Lee and Joe Park", ["Ann Lee", "Joe Park"]),
])
def test_serial_comma_before_the_last_name(text, names):
    found = md.byline(text)
    assert md.authors(found[0] if found else text) == names
    assert md.authors(text) == names


@pytest.mark.parametrize(("text", "expected"), [
    ("By Jane Doe (Reuters)", ("Jane Doe", "Reuters")),  # the agency in brackets after the names
    ("By Jane Doe and John Roe (AP)", ("Jane Doe and John Roe", "AP")),
    ("By JANE DOE (AFP)", ("JANE DOE", "AFP")),
    ("By Jane Doe (Reuters) | May 4, 2020", ("Jane Doe", "Reuters")),
    ("By Jane Doe (she/her)", ("Jane Doe", None)),  # other brackets: no outlet
])
def test_bracketed_agency_after_the_byline(text, expected):
    assert md.byline(text) == expected
    assert md.authors(text.removeprefix("By ").removesuffix(" | May 4, 2020")) == md.authors(expected[0])


@pytest.mark.parametrize("text", ["By (Reuters)", "By", "by"])
def test_no_name_before_the_brackets(text):
    assert md.authors(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("By Jane Doe for The Daily Courier", ("Jane Doe", "The Daily Courier")),  # the outlet written for
    ("By Jane Doe For The Daily Courier", ("Jane Doe", "The Daily Courier")),
    ("By Jane Doe and John Roe for Examplecorp", ("Jane Doe and John Roe", "Examplecorp")),
    ("By Jane Doe for Examplecorp | May 4, 2020", ("Jane Doe", "Examplecorp")),
    ("By Jane Doe for the first time", None),  # "for" + lower case: a sentence, not a credit
])
def test_byline_written_for_an_outlet(text, expected):
    assert md.byline(text) == expected


@pytest.mark.parametrize(("text", "names"), [
    ("By Jane Doe; Additional reporting by John Roe", ["Jane Doe"]),  # other help is not the byline
    ("By Jane Doe. Additional reporting by John Roe in Paris", ["Jane Doe"]),
    ("By Jane Doe, with reporting from John Roe", ["Jane Doe"]),
    ("By Jane Doe and John Roe; editing by Ann Lee", ["Jane Doe", "John Roe"]),
    ("Reporting by Jane Doe; Editing by John Roe", ["Jane Doe"]),
])
def test_contribution_credit_after_the_byline(text, names):
    found = md.byline(text)
    assert found is not None and md.authors(found[0]) == names
    assert md.authors(text) == names


def test_a_story_about_closed_comments_is_prose():
    (line,) = ln.classify(["The paper said its comments section had been closed for good after months of abuse aimed at its reporters."])
    assert line.kind == ln.PROSE


def test_a_must_reads_list_under_the_article_is_teasers_on_the_html_path():
    # a magazine's "More Must-Reads From <site>" heading over headlines of other stories (held-out dev third)
    # (each item half plain text, half a link: no link-density test drops the list)
    teasers = [("Inside the Race to ", "Rebuild the Northern Ferry Fleet"), ("Why Harbour Towns ", "Are Losing Their Fish Markets"),
               ("The Quiet Return ", "of the Lighthouse Keepers"), ("What a Warmer Sea ", "Means for Coastal Villages")]
    items = "".join(f'<li><span>{a}</span><a href="/story-{n}">{b}</a></li>' for n, (a, b) in enumerate(teasers))
    record = _record('<html><head><title>Pier closes for repairs</title></head><body><div class="story"><h1>Pier closes '
                     "for repairs</h1>" + "".join(f"<p>{p}</p>" for p in PROSE) + "<h2>More Must-Reads From the Valley "
                     f"Ledger</h2><ul>{items}</ul><p>Write to Jane Roe at jane.roe@example.com.</p></div></body></html>",
                     "text/html")
    assert all(p in record["body"] for p in PROSE)
    assert not any(b in record["body"] for _, b in teasers) and "Must-Reads" not in record["body"]


@pytest.mark.parametrize(("text", "bar"), [
    ("[Index] [Text|PDF] [History] [Errata]", True),
    ("[Home]  [Archive] [Contact]", True),
    ("[1] [2] [3]", False),  # citation marks
    ("[Index] [History]", False),  # two labels: not enough
    ("[Index] [History] [Errata] and the draft", False),  # words after the labels
    ("See [a] [b] [c]", False),
])
def test_bracket_link_bars(text, bar):
    assert bool(v.BRACKET_LINK_BAR.match(text)) == bar
    (line,) = ln.classify([text])
    assert (line.kind == "boilerplate") == bar


def test_a_bracket_link_bar_above_the_article_is_not_body():
    html = ("<html><head><title>Pier to close</title></head><body><article><h1>Pier to close for repairs</h1>"
            "<p>[Index] [Text|PDF] [History] [Errata]</p>" + "".join(f"<p>{p}</p>" for p in PROSE)
            + "</article></body></html>")
    record = _record(html, "text/html")
    assert PROSE[0] in record["body"]
    assert "[Index]" not in record["body"]
