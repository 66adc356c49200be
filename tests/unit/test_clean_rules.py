"""Rule families of the clean stage, as input -> expected tables."""

from __future__ import annotations


import pytest

from workers.stages.clean import core as stage
from workers.stages.clean import dates, html as html_extract, lines as ln, metadata as md
from workers.stages.clean.language import detect
from workers.stages.clean.normalise import looks_binary, normalise_text, split_lines

from bench.metrics import shingle_f1
from workers.stages.clean import fields as clean_fields
from workers.stages.clean import run as clean_run

PROSE_LINE = "The council approved the budget on Tuesday after months of debate over housing and police funding."


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Advertisement", "advertisement"),
        ("ADVERTISEMENT", "advertisement"),
        ("Share this article", "ui_vocabulary"),
        ("Trending Photos", "ui_vocabulary"),
        ("Live Tv", "ui_vocabulary"),
        ("Read more", "ui_vocabulary"),
        ("Related articles", "ui_vocabulary"),
        ("Most read", "ui_vocabulary"),
        ("Skip to main content", "ui_vocabulary"),
        ("Tags: budget, city council, housing", "ui_vocabulary"),
        ("Read more: Mayor unveils transit plan", "ui_vocabulary"),
        ("Read or Share this story: https://www.example.com/story/news/2020/03/17/harbour-dredging/", "ui_vocabulary"),
        ("Share this article: https://example.com/a/123", "ui_vocabulary"),
        ("icon bookmark-bicon bookmarkicon cameraicon checkicon chevron downicon closeicon", "ui_vocabulary"),
        ("No comments:", "comment_prompt"),
        ("Post a Comment", "comment_prompt"),
        ("Leave a reply", "comment_prompt"),
        ("Comments (12)", "comment_prompt"),
        ("Sign up for our newsletter to get the latest news in your inbox.", "promo"),
        ("Get the latest updates as we post them — right on your browser", "promo"),
        ("Stay informed on all the latest news, real-time breaking news updates, and follow all the headlines.", "promo"),
        ("Click here to download our app.", "promo"),
        ("We use cookies to improve your experience on our website. By continuing you accept them.", "cookie_notice"),
        ("© 2024 Example Media Group. All rights reserved.", "copyright"),
        ("Copyright 2011 The Associated Press. All rights reserved.", "copyright"),
        ("Jane Doe is a reporter covering city hall for the newspaper.", "author_bio"),
        ("Home > World > Europe", "ui_vocabulary"),  # breadcrumbs: arrows need only two crumbs
        ("Sport › Football", "ui_vocabulary"),
        ("Got a story? Email us at news@example.com or call us on 0800 000 000.", "promo"),
    ],
)
def test_boilerplate_lines(text, reason):
    (line,) = ln.classify([text])
    assert (line.kind, line.reason) == ("boilerplate", reason)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (PROSE_LINE, ln.PROSE),
        ('"We cannot agree on what was offered to us," the minister told reporters after the talks.', ln.PROSE),
        ("“The decisions made by the U.S. do not suit us.” Mr Smith said.", ln.PROSE),
        ("He declined to comment.", ln.SENTENCE),
        ("Moscow still opposes U.S. missile shield", ln.SHORT),
        ("Budget at a glance", ln.SHORT),
        ("12:30 | 45 | 67 | 89 | 10 | 11 | 12 | 13.", ln.SHORT),
        # promo vocabulary inside quoted speech is article text
        ('"Subscribe to the newsletter," she joked, before the vote was called on Tuesday night.', ln.PROSE),
        # promo/copyright words in reported prose (no reader address, no footer wording)
        ("The latest news from the front suggests the offensive has stalled, officials said on Monday.", ln.PROSE),
        ("The company said the app violated the terms of service and removed it from the store.", ln.PROSE),
        ("The report may not be published until the inquiry is complete, the ministry said.", ln.PROSE),
        ("The newsletter, published weekly by the ministry, urged readers to report suspicious activity.", ln.PROSE),
    ],
)
def test_content_lines(text, kind):
    (line,) = ln.classify([text])
    assert line.kind == kind


def test_densest_run_skips_chrome_and_stops_at_comments():
    texts = ["Home", "World", "A headline about the budget", PROSE_LINE, "Advertisement", PROSE_LINE + " Again.",
             "Comments", "This is a long reader comment that is written in full sentences about the budget vote."]
    start, end = ln.densest_run(ln.classify(texts))
    assert (start, end) == (3, 6)


@pytest.mark.parametrize(
    ("paragraph", "dateline", "rest_starts"),
    [
        ("BRUSSELS - NATO and Russia failed to reach a breakthrough on Wednesday.", "BRUSSELS", "NATO and"),
        ("NOORDWIJK, Netherlands -- NATO and Russia appeared to make little progress.", "NOORDWIJK, Netherlands", "NATO and"),
        ("Brussels: NATO and Russia said on Wednesday they had made no progress.", "Brussels", "NATO and"),
        ("WASHINGTON (AP) — The Senate voted on Tuesday to pass the long-delayed bill.", "WASHINGTON", "The Senate"),
        ("NEW YORK — Stocks fell sharply on Monday as investors weighed new data.", "NEW YORK", "Stocks"),
        ("Update: the story has been changed to include a comment from the ministry.", None, "Update:"),
        ("NATO and Russia failed to reach a breakthrough on Wednesday, officials said.", None, "NATO and"),
        ("Analysis: Why the summit failed to produce a deal on missile defence", None, "Analysis:"),
        ("Kaieteur News – Police investigators are trying to unravel the mystery behind the death.", None,
         "Kaieteur News"),  # the outlet's name over its own story, not a place
    ],
)
def test_dateline(paragraph, dateline, rest_starts):
    found, rest, _agency = md.split_dateline(paragraph)
    assert found == dateline
    assert rest.startswith(rest_starts)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Posted: Jun 08, 2011 2:37 PM", ("2011-06-08T14:37:00", None)),
        (". Last Updated: 07/27/2016", (None, "2016-07-27")),
        ("Last Updated: 07/27/2016", (None, "2016-07-27")),
        ("Published 3 June 2024 | Updated: 4 June 2024 10:02", ("2024-06-03", "2024-06-04T10:02:00")),
        ("Monday, June 8, 2011", ("2011-06-08", None)),
        ("Updated: 2024-03-04T09:30", (None, "2024-03-04T09:30:00")),
        ("Veröffentlicht: 8. Juni 2011", ("2011-06-08", None)),  # dateparser fallback
        ("Stand: 08.06.2011 14:37 Uhr", (None, "2011-06-08T14:37:00")),
        ("08.06.2011", ("2011-06-08", None)),  # dotted dates are day-first
        ("Updated 2 hours ago", (None, "-PT2H")),  # relative: a duration, resolved against fetched_at only
        ("Published: June 2011", None),  # missing day: never filled in
        ("Gates said the talks on June 8 2011 were constructive", None),
        ("16:45, 5 Mar 2024 | Updated: 17:20, 5 Mar 2024", ("2024-03-05T16:45:00", "2024-03-05T17:20:00")),
        ("05/03/2024 10:12", ("2024-03-05T10:12:00", None)),  # 24-hour clock: day-first
        ("03/05/2024 10:12 a.m.", ("2024-03-05T10:12:00", None)),  # am/pm: month-first
        ("By Jane Doe, Staff Writer | March 5, 2024", ("2024-03-05", None)),
        ("10:45 Flood warnings extended to the coast", None),
        # a document's stamp line: a file name, then labelled dates after spaced hyphens
        ("notes.html - Created 14-03-2004 2:20pm - Last Modified: 15-03-2004 2:20pm",
         ("2004-03-14T14:20:00", "2004-03-15T14:20:00")),
        ("Council backs the plan - Last updated: 12 March 2021", (None, "2021-03-12")),
        ("Self-created tools - a guide", None),  # a hyphen inside a word is no separator
        ("News date : 04/21/2022 Category : Press Releases", ("2022-04-21", None)),  # a qualified date label
        ("Release Date: March 3, 2020", ("2020-03-03", None)),
        ("The date of the vote was moved to June 3, 2020", None),
        ("Latest update May 6th, 2022 12:49 AM", (None, "2022-05-06T00:49:00")),  # an update label
        # a wiki page's edit stamp in its footer: the page's update, never its publication
        ("HelpPages/Install (last edited 2021-04-02 09:15:07 by JaneDoe)", (None, "2021-04-02T09:15:07")),
        ("This page was last edited on 2 April 2021, at 09:15.", (None, "2021-04-02T09:15:00")),
        ("This page was last modified on 2 April 2021, at 09:15.", (None, "2021-04-02T09:15:00")),
        ("The survey (last updated in 2019) found that costs rose", None),
    ],
)
def test_date_lines(line, expected):
    assert dates.date_line(line) == expected


def test_dateparser_fallback_handles_other_languages():
    assert dates.parse_date("8 juin 2011 à 14h37") == "2011-06-08T14:37:00"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Jane Doe", ("Jane Doe", None)),
        ("By JANE DOE, Associated Press", ("JANE DOE", "Associated Press")),
        ("By JANE DOE Associated Press", ("JANE DOE", "Associated Press")),
        ("By JANE DOE and JOHN ROE Associated Press", ("JANE DOE and JOHN ROE", "Associated Press")),
        ("By JANE DOE and JOHN ROE", ("JANE DOE and JOHN ROE", None)),
        # a desk credit after the names is no outlet: the masthead names it in full
        ("By Jane Doe and John Roe, Courier Staff", ("Jane Doe and John Roe", None)),
        ("By Jane Doe, Example News", ("Jane Doe", "Example News")),
        ("By Jane Doe and John Roe", ("Jane Doe and John Roe", None)),
        ("By the end of the year the council expects to finish the project.", None),
        ("By Tuesday", None),
        ("By Reuters", (None, "Reuters")),
        ("By Jane van der Berg", ("Jane van der Berg", None)),
        ("BY JANE DOE", ("JANE DOE", None)),
        ("By JANE DOE Associated Press", ("JANE DOE", "Associated Press")),
        ("By Jane Doe, Staff Writer | March 5, 2024", ("Jane Doe", None)),
    ],
)
def test_byline(line, expected):
    assert md.byline(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [("AP News", True), ("The Daily Courier", True), ("Trending Photos", False), ("Latest News", False),
     ("Live Tv", False), ("The vote was held in the news room.", False),
     # a label whose value follows is no outlet's name
     ("NEWS PROVIDED BY", False), ("News Brought To You By", False), ("Press Release From", False),
     ("Harbour Press Agency", True)],
)
def test_outlet_names(line, expected):
    assert md.looks_like_outlet(line) is expected


@pytest.mark.parametrize(
    ("text", "before_lead", "expected"),
    [
        ("APDe Hoop Scheffer, center right, and the Dutch minister as Gates, right, watches Thursday.", True, True),
        ("AFPThe minister speaks to reporters outside the building on Monday.", True, True),
        ("The mayor, left, and the governor tour the site on Monday.", True, True),
        ("Council members vote on Tuesday. (AP Photo/John Roe)", False, True),
        ("Photo: Jane Doe / Reuters", False, True),
        ("The mayor, left, and the governor tour the site on Monday.", False, False),
        ('"We stand on the right," the mayor said, left with no other choice.', True, False),
        (PROSE_LINE, True, False),
        ("The minister, pictured here in 2010, said the talks would continue next week.", False, False),
        ("The minister, pictured at the summit, waves to reporters.", True, True),
    ],
)
def test_captions(text, before_lead, expected):
    assert md.is_caption(text, before_lead) is expected


def test_title_score_prefers_headline_sharing_body_words():
    body = md.content_words(PROSE_LINE)
    assert md.title_score("Council approves budget after housing debate", body) > 0.5
    assert md.title_score("Get the latest updates right on your browser", body) == 0
    assert md.title_score("A sentence that ends with a period.", body) == 0


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\r\nb", ["a", "b"]),
        ("  spaced\u00a0\u2003out\t text  ", ["spaced out text"]),
        ("zero\u200bwidth soft\u00adhyphen", ["zerowidth softhyphen"]),
        ("e\u0301", ["\u00e9"]),  # NFC
        ("“curly quotes” kept", ["“curly quotes” kept"]),
        # hard-wrapped paragraph in a blank-line separated block is re-joined
        ("This is a long paragraph that has been hard wrapped by some\nold mail client so that every single line is\n"
         "roughly the same length and none of them ends a sentence\nuntil the last one.\n\nNext.",
         ["This is a long paragraph that has been hard wrapped by some old mail client so that every single line "
          "is roughly the same length and none of them ends a sentence until the last one.", "Next."]),
    ],
)
def test_normalisation(raw, expected):
    assert split_lines(normalise_text(raw)) == expected


@pytest.mark.parametrize(
    ("content", "binary"),
    [("plain text", False), ("one stray\x00 NUL in text", False), ("\x00b\x00i\x00n", True), ("\x01\x02\x03\x04 garbage " * 10, True),
     ("\ufffd\ufffd\ufffd\ufffd" * 10 + " text", True), ("", False)],
)
def test_binary_detection(content, binary):
    assert looks_binary(content) is binary


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (PROSE_LINE * 2, "en"),
        ("Le conseil municipal a approuvé mardi le budget après des mois de débat sur le logement.", "fr"),
        ("Der Stadtrat hat am Dienstag nach monatelanger Debatte den Haushalt verabschiedet.", "de"),
        ("Too short.", None),
    ],
)
def test_language(text, code):
    assert detect(text) == code


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        ("a b c d e", "a b c d e", (1.0, 1.0, 1.0)),
        ("", "", (1.0, 1.0, 1.0)),
        ("a b c d", "", (0.0, 0.0, 0.0)),
        ("a b c d e f", "a b c d", (1 / 3, 1.0, 0.5)),
        ("A, b. C d", "a b c d", (1.0, 1.0, 1.0)),  # case and punctuation do not count
        ("a b c d a b c d", "a b c d", (0.2, 1.0, 1 / 3)),  # multisets: a doubled body is penalised
    ],
)
def test_shingle_f1(predicted, gold, expected):
    assert shingle_f1(predicted, gold) == pytest.approx(expected)


def test_justext_on_lines_flags_each_line():
    from bench import justext_lines

    lines = ["Home", "Advertisement", PROSE_LINE * 3, "Share"]
    flags = justext_lines.article_flags(lines, **justext_lines.TUNED)
    assert flags == [False, False, True, False]
    assert justext_lines.article_flags([]) == []


PROSE_2 = "Officials said the work would start in the spring and take about two years to complete, weather permitting."
PROSE_3 = "The plan still needs the approval of the regional government, which is expected to vote on it in June."


def test_plain_text_keeps_subheadings_and_bullets_inside_the_article():
    texts = ["Menu", "Council backs new cycle lanes across the city", PROSE_LINE, "What the plan includes",
             "- Protected lanes on eight main roads", "- New crossings near schools", PROSE_2,
             "Funding and timeline", PROSE_3, "Related articles", "Library branch to reopen after refurbishment",
             "Council approves new bus depot"]
    out = stage.clean_lines(texts)
    assert out["paragraphs"] == [PROSE_LINE, "What the plan includes", "- Protected lanes on eight main roads",
                                 "- New crossings near schools", PROSE_2, "Funding and timeline", PROSE_3]


def test_plain_text_drops_headline_shaped_promos_between_paragraphs():
    texts = ["Council backs new cycle lanes across the city", PROSE_LINE, "Read more",
             "Goat Yoga Classes Are Back And More Popular Than Ever", PROSE_2, PROSE_3]
    assert stage.clean_lines(texts)["paragraphs"] == [PROSE_LINE, PROSE_2, PROSE_3]


def test_pull_quote_repeating_the_body_is_dropped():
    quote = "The council approved the budget on Tuesday after months of debate"
    out = stage.clean_lines(["A headline about the council budget", PROSE_LINE, quote, PROSE_2, PROSE_3], trusted=True)
    assert quote not in out["paragraphs"] and out["removed"]["pull_quote"] == 1


def test_title_skips_captions_and_pipe_titles():
    texts = ["Council backs budget plan | The Daily Courier", "Council approves the budget after debate on housing",
             "The mayor speaks after the vote (Image: Jane Doe)", PROSE_LINE, PROSE_2, PROSE_3]
    assert stage.clean_lines(texts)["title"] == "Council approves the budget after debate on housing"


def test_structured_dates_from_html():
    page = ('<html><head><meta content="2024-03-04T07:00:00+00:00" property="article:published_time">'
            '<script type="application/ld+json">{"dateModified": "2024-03-05T09:00:00Z"}</script></head>'
            '<body><time datetime="2023-01-01">old</time></body></html>')
    assert html_extract.structured_dates(page) == ("2024-03-04T07:00:00+00:00", "2024-03-05T09:00:00Z")
    assert html_extract.structured_dates('<p><time class="x" datetime="2024-03-10T13:05:00">Sunday</time></p>') == (
        "2024-03-10T13:05:00", None)


def test_header_lines_read_date_and_byline_elements():
    page = ('<html><body><div class="dateinfo">Posted: 07/03/2024 08:30 | By Gareth Lloyd</div>'
            '<p>Text of the story that goes on for a while.</p></body></html>')
    lines = html_extract.header_lines(page)
    assert lines == ["Posted: 07/03/2024 08:30 | By Gareth Lloyd"]
    assert clean_fields.header_fields(lines) == ("2024-03-07T08:30:00", None, "Gareth Lloyd", None)


@pytest.mark.parametrize(
    ("title", "sitename", "expected"),
    [("News", None, None), ("Latest news", None, None), ("Valley Echo", "Valley Echo", None),
     ("Council approves the budget", "Valley Echo", "Council approves the budget")],
)
def test_page_title_rejects_section_and_site_labels(title, sitename, expected):
    assert clean_fields.page_title({"title": title, "sitename": sitename}) == expected


WRAPPED_PARAGRAPHS = [
    "Gerald Whitcomb, 61, pleaded guilty in November to wire fraud and filing false tax returns. The judge "
    "also ordered him to repay the full amount and forfeit the cabin.",
    "Prosecutors said he transferred money from county accounts into a shell company he controlled. The "
    "payments were disguised as invoices for software maintenance that was never performed.",
    "The scheme came to light in 2022 when a newly hired accountant noticed that the same vendor had been "
    "paid twice in one week for identical work.",
]


@pytest.mark.parametrize("width", [64, 72, 76, 80])
def test_hard_wrapped_dump_is_unwrapped_even_at_sentence_ends(width):
    import textwrap

    dump = "Menu\nHome\n\n" + "\n\n".join("\n".join(textwrap.wrap(p, width)) for p in WRAPPED_PARAGRAPHS)
    assert split_lines(normalise_text(dump)) == ["Menu", "Home", *WRAPPED_PARAGRAPHS]


def test_one_paragraph_per_line_is_not_joined():
    paragraphs = [
        "The council approved the budget on Tuesday after months of debate over housing and police.",
        "Officials said the work would start in the spring and take about two years to complete.",
        "The plan still needs the approval of the regional government, expected to vote in June.",
        "Residents who spoke at the meeting welcomed the delay but asked for a public exhibition.",
    ]
    assert split_lines("\n".join(paragraphs)) == paragraphs


@pytest.mark.parametrize(("line", "expected"), [("Business reporter", True), ("Transport correspondent", True),
                                                ("Senior Political Editor", True), ("Reporter Jane Doe said", False)])
def test_role_lines(line, expected):
    from workers.stages.clean import vocabulary as v
    assert bool(v.ROLE_LINE.match(line)) is expected


def test_bare_name_over_role_line_is_the_byline():
    texts = ["Council approves the budget after debate on housing", "Jane Doe", "City hall reporter",
             PROSE_LINE, PROSE_2, PROSE_3]
    out = stage.clean_lines(texts)
    assert out["byline"] == "Jane Doe" and out["paragraphs"] == [PROSE_LINE, PROSE_2, PROSE_3]


@pytest.mark.parametrize(
    ("line", "kept"),
    [("A slow start", True), ("What the plan includes", True), ("What is changing?", True), ("The Verdict", True),
     ("Image caption, The mayor speaks at the meeting", False), ("Media caption", False),
     ("Associated Press", False), ("Story continues", False), ("Jane Doe", False), ("Follow live updates", False),
     ("Scroll down for video", False), ("Council Approves New Bus Depot On East Side", False)],
)
def test_short_line_between_paragraphs_is_kept_only_when_subheading_shaped(line, kept):
    out = stage.clean_lines(["Council approves budget after long debate", PROSE_LINE, line, PROSE_2, PROSE_3])
    assert (line in out["paragraphs"]) is kept


# --- rules added after the fresh-page check (tests/fixtures/pages/r*) ---------------------------------


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("###", "end_marker"),
        ("-30-", "end_marker"),
        ("About Acme Water Holdings", "about_section"),
        ("Guest Book (23 entries)", "comment_prompt"),
        ("Table of contents", "ui_vocabulary"),
        ("Copy", "ui_vocabulary"),
        ("Jane Doe covers farming and rural affairs for the paper.", "author_bio"),
        ("Reach her at jdoe@example.com or on 555-0100.", "author_bio"),
    ],
)
def test_fresh_boilerplate_lines(text, reason):
    (line,) = ln.classify([text])
    assert (line.kind, line.reason) == ("boilerplate", reason)


def test_end_of_release_markers_end_the_article():
    texts = ["Water board awards contract for new pipes", PROSE_LINE, PROSE_2, "About Acme Water Holdings",
             "Acme Water Holdings supplies drinking water to more than 900,000 residents in three counties.",
             "###", "Media contact:", "Jordan Ellis"]
    assert stage.clean_lines(texts)["paragraphs"] == [PROSE_LINE, PROSE_2]


def test_roster_line_is_not_prose():
    (line,) = ln.classify(["Harbour City: Ward; Clarke, Osei, Lindgren, Patel; Moretti, Hughes, Baptiste; Rossi, Carver."])
    assert line.kind == ln.SHORT
    (line,) = ln.classify(["Officials from France, Germany, Italy, Spain and Poland met in Brussels on Monday."])
    assert line.kind == ln.PROSE


@pytest.mark.parametrize(
    ("line", "expected"),
    [("By Martin Okafor at Harbour Park", ("Martin Okafor", None)), ("By Jane Doe in Kyiv, Reuters", ("Jane Doe", "Reuters"))],
)
def test_byline_drops_the_place(line, expected):
    assert md.byline(line) == expected


@pytest.mark.parametrize(
    "text",
    ["Smoke rises from the elevator on Monday morning. (Jane Doe/The Daily Courier)",
     "The keeper at the foot of the tower. Photograph: Jane Doe"],
)
def test_fresh_captions(text):
    assert md.is_caption(text, before_lead=False)


@pytest.mark.parametrize(
    "decoy",
    ["Harbour City 2 - 1 Northgate", "Margaret Ellen Doyle",
     "Smoke rises over the council building. Officials spoke to the press"],
)
def test_title_prefers_the_headline_over_scorelines_names_and_two_sentence_lines(decoy):
    title = "Council approves budget after long debate over housing"
    texts = [decoy, title, "March 5, 2024", PROSE_LINE, PROSE_2, PROSE_3]
    assert stage.clean_lines(texts)["title"] == title


def test_table_of_contents_entry_is_not_the_title():
    title = "Council approves the budget after long debate"
    texts = [title, "Table of contents", "Funding and timeline", "What comes next", PROSE_LINE, "Funding and timeline",
             PROSE_2, "What comes next", PROSE_3]
    out = stage.clean_lines(texts)
    assert out["title"] == title
    assert out["paragraphs"] == [PROSE_LINE, "Funding and timeline", PROSE_2, "What comes next", PROSE_3]


def test_browser_tab_title_line_names_the_headline():
    title = "'Every day is different': a ferry captain on 30 years at sea"
    texts = [f"{title} - The Coastal Review", "Menu", "Interview", title, "By Jane Doe", PROSE_LINE, PROSE_2]
    assert stage.clean_lines(texts)["title"] == title


@pytest.mark.parametrize(("name", "expected"), [("Jane Doe", "Jane Doe"), ("Local News", None), ("Top Stories", None)])
def test_bare_name_over_date_line_is_the_byline(name, expected):
    texts = ["Council approves budget after long debate", name, "The Daily Courier", "Published March 5, 2024",
             PROSE_LINE, PROSE_2, PROSE_3]
    assert stage.clean_lines(texts)["byline"] == expected


@pytest.mark.parametrize(("line", "kept"), [("Results", True), ("What did not work", True),
                                            ("Ferry Fares Rise Again", False), ("Share", False)])
def test_fresh_subheadings(line, kept):
    out = stage.clean_lines(["Council approves budget after long debate", PROSE_LINE, line, PROSE_2, PROSE_3])
    assert (line in out["paragraphs"]) is kept


def test_lines_introduced_by_a_colon_are_kept():
    intro = "The first change was to cache the package directory, and the configuration gained three lines:"
    texts = ["Council approves budget after long debate", PROSE_LINE, intro, "cache:", "key: deps-${HASH}",
             "paths: [vendor/]", "Copy", PROSE_2, PROSE_3]
    out = stage.clean_lines(texts)
    assert out["paragraphs"] == [PROSE_LINE, intro, "cache:", "key: deps-${HASH}", "paths: [vendor/]", PROSE_2, PROSE_3]


def test_list_items_of_similar_length_are_not_unwrapped():
    items = ["• Approximately 6,200 lead and galvanized steel lines will be replaced",
             "• Residents will receive at least 30 days' notice before work begins",
             "• Water service will typically be interrupted for no more than four hours",
             "• The authority will provide free water filters to affected households"]
    assert split_lines("\n".join(items)) == items


@pytest.mark.parametrize(
    ("title", "sitename", "expected"),
    [("The Jasper Ledger :: County fair board votes to move the fair", None, "County fair board votes to move the fair"),
     ("Opinion | Why the fair should stay in July", None, "Why the fair should stay in July"),
     ("Council backs plan - The Daily Courier", None, "Council backs plan")],
)
def test_site_names_are_stripped_from_document_titles(title, sitename, expected):
    assert html_extract._strip_site(title, sitename) == expected


def test_header_lines_after_the_headline_in_table_layouts():
    page = ("<html><head><title>Ledger :: Fair board votes to move the fair</title></head><body><table><tr><td>"
            "<font size=5><b>Fair board votes to move the fair</b></font></td></tr><tr><td><i>By Jane Doe, Staff Writer"
            "</i><br>Posted on Thursday, March 14, 2024</td></tr><tr><td><p>" + PROSE_LINE + "</p></td></tr>"
            "</table></body></html>")
    lines = html_extract.header_lines(page, "Fair board votes to move the fair")
    assert lines[:2] == ["By Jane Doe, Staff Writer", "Posted on Thursday, March 14, 2024"]


@pytest.mark.parametrize(
    ("title", "headline", "expected"),
    [("Village library saved by volunteers - Valley Echo", "Village library saved by volunteers", "Valley Echo"),
     ("The Jasper Ledger :: County fair board votes", "County fair board votes", "The Jasper Ledger"),
     ("Village library saved by volunteers", "Village library saved by volunteers", None),
     ("Library saved - and what comes next for the village", "Library saved", None)],
)
def test_site_name_from_the_document_title(title, headline, expected):
    assert html_extract._site_name(title, headline) == expected


# second fresh batch (tests/fixtures/pages/s*): the rules those pages called for, on made-up inputs


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Publicidad", "advertisement"),
        ("Anzeige", "advertisement"),
        ("Gift this article", "ui_vocabulary"),
        ("Save this story", "ui_vocabulary"),
        ("5 min", "ui_vocabulary"),
        ("12 minutes listen", "ui_vocabulary"),
        ("Tom Field is an economist and writes about pensions and savings.", "author_bio"),
        ("Ann Lee is a retired judge who writes on courts for the paper.", "author_bio"),
    ],
)
def test_second_batch_boilerplate_lines(text, reason):
    (line,) = ln.classify([text])
    assert (line.kind, line.reason) == ("boilerplate", reason)


def test_author_bio_rule_spares_reported_prose():
    (line,) = ln.classify(["Mr Field is an economist and said the plan would cost more than the treasury expects."])
    assert line.kind != "boilerplate"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Mar 16, 2024 | 11:30 AM", ("2024-03-16T11:30:00", None)),
        ("Lyon, 13 mar 2024 - 09:15", ("2024-03-13T09:15:00", None)),
        ("By Jane Doe | March 5, 2024", ("2024-03-05", None)),
    ],
)
def test_date_and_time_after_a_separator(line, expected):
    assert dates.date_line(line) == expected


ARTICLE = [
    "The county council has approved a plan to rebuild the old market hall as a covered food market and a library.",
    "The scheme will cost about 12 million pounds and is expected to open in the spring of 2027, officials said.",
    "Traders who moved out during the repairs will be offered the first stalls at the same rents as before.",
]


def test_a_labelled_date_beats_the_masthead_edition_date():
    texts = ["The Valley Post", "Tuesday, 12 March 2024", "Market hall to be rebuilt as food market and library",
             "Published 11 March 2024, 18:05", *ARTICLE]
    record = stage.clean_lines(texts)
    assert record["published_at"] == "2024-03-11T18:05:00"


def test_the_same_day_with_a_time_refines_the_edition_date():
    texts = ["The Valley Post", "Tuesday, 12 March 2024", "Market hall to be rebuilt as food market and library",
             "Published 12 March 2024, 06:40", *ARTICLE]
    assert stage.clean_lines(texts)["published_at"] == "2024-03-12T06:40:00"


def test_a_question_headline_over_its_dek():
    # the dek shares more words with the article than the headline does
    texts = ["Menu", "Will shoppers ever return to the market hall?",
             "Councillors want a food market and a library in the rebuilt hall, at a cost of 12 million pounds",
             "By Jane Doe", "March 5, 2024", *ARTICLE]
    record = stage.clean_lines(texts)
    assert record["title"] == "Will shoppers ever return to the market hall?"
    assert record["summary"] == texts[2]


def test_a_by_line_the_byline_rule_rejects_is_not_a_name():
    texts = ["Market hall to be rebuilt as food market and library", "By Newsdesk", "Posted: Mar 18, 2024 7:52 AM",
             *ARTICLE]
    assert stage.clean_lines(texts)["byline"] is None


def test_a_breadcrumb_ending_in_the_headline_gives_the_headline():
    texts = ["Home", "News", "Home > News > Market hall to be rebuilt as food market and library", "By Jane Doe",
             "March 5, 2024", *ARTICLE]
    assert stage.clean_lines(texts)["title"] == "Market hall to be rebuilt as food market and library"


LEAD = "The county council has approved a plan to rebuild the old market hall as a covered food market and a library."


def test_a_photo_gallery_after_the_lead_does_not_cut_the_article():
    texts = ["Market hall to be rebuilt as food market and library", "March 5, 2024", LEAD, "1 of 12",
             "The market hall in 1932. (Photo: Town archive)", "Next", "Previous", *ARTICLE[1:]]
    record = stage.clean_lines(texts)
    assert record["paragraphs"] == [LEAD, *ARTICLE[1:]]
    assert record["title"] == texts[0]


def test_a_question_headline_inside_the_run_over_the_header_metadata():
    texts = ["Menu", "What happens to the market traders now?", "By Jane Doe", "March 5, 2024", *ARTICLE]
    record = stage.clean_lines(texts)
    assert record["title"] == "What happens to the market traders now?"
    assert record["paragraphs"] == ARTICLE


def test_a_sentence_standfirst_over_the_header_metadata_is_the_summary():
    dek = "The council ends years of uncertainty over the future of the old building in the town centre."
    texts = ["Menu", "Market hall rebuild approved", dek, "March 5, 2024", *ARTICLE]
    record = stage.clean_lines(texts)
    assert (record["title"], record["summary"], record["paragraphs"]) == ("Market hall rebuild approved", dek, ARTICLE)


def test_bare_masthead_date_above_the_headline_loses_to_the_article_date():
    texts = ["THE VALLEY POST", "Your town, your news", "Tuesday March 5 2024",
             "Market hall to be rebuilt as food market", "Jane Doe", "March 4, 2024", *ARTICLE]
    record = stage.clean_lines(texts)
    assert (record["published_at"], record["byline"]) == ("2024-03-04", "Jane Doe")


def test_page_marked_chrome_is_never_kept_unless_captions_hold_the_article():
    from workers.stages.clean import voting

    prose = "The council voted on Tuesday to approve the new budget for the coming year after a long debate."
    caption = "Jane Doe, the council's treasurer, speaking at the meeting on Tuesday in the town hall."
    texts = [prose, caption, prose.replace("budget", "plan")]
    lines = ln.classify(texts)
    marked = clean_run._marked_lines(lines, {"captions": caption, "other": ""})
    assert marked == [False, True, False]
    # every extractor keeping the marked line does not rescue it
    everyone = {name: " ".join(texts) for name in ("trafilatura", "trafilatura_precision", "readability", "justext")}
    assert voting.keep(texts, [False, False, False], [True, True, True], set(), everyone, marked=marked) == [True, False, True]
    # a gallery: the captions are most of the prose, so they are the article
    assert clean_run._marked_lines(lines, {"captions": caption + "\n" + prose, "other": ""}) == [False, False, False]
    # other marked chrome (next-post teasers) stays chrome however much of the page it is
    assert clean_run._marked_lines(lines, {"captions": "", "other": caption + "\n" + prose}) == [True, True, False]


def test_boxes_marked_as_comments_are_the_article_only_when_nothing_else_is_prose():
    entries = ["The visitors press high in the opening minutes and force two early corners in a row.",
               "A long shot from the edge of the box goes wide of the left post after a quick break.",
               "The home side's keeper parries a header and the defence clears the loose ball away."]
    lineup = ["Substitutes", "J. Roe, A. Smith, B. Lee"]
    comments = "\n".join(entries)
    # a live match's commentary marked "comment": with no other prose on the page it is the article
    lines = ln.classify(lineup + entries)
    assert clean_run._marked_lines(lines, {"comments": comments}) == [False] * 5
    # a thread's replies under a post: the post is prose outside them, so the replies stay chrome
    post = "I am new to packaging and would like to know how others lay out their modules in a project."
    lines = ln.classify([post, *entries])
    assert clean_run._marked_lines(lines, {"comments": comments}) == [False, True, True, True]
    # the same boxes marked by another chrome word too are "other": never kept
    assert clean_run._marked_lines(ln.classify(lineup + entries), {"other": comments}) == [False, False, True, True, True]


@pytest.mark.parametrize(
    ("line", "is_prose", "in_cells", "kept"),
    [
        ("Powered by Piwigo", False, False, False),  # recall mode alone, not prose: a footer link
        ("- Send us your feedback.", False, False, False),
        ("Birthday: Spring 2", False, True, True),  # a table cell: an infobox's row
        ("The council voted on Tuesday to approve the budget after a long debate.", True, False, True),  # prose
    ],
)
def test_recall_only_short_lines_need_an_extractor(line, is_prose, in_cells, kept):
    from workers.stages.clean import voting

    article = "The council met on Tuesday night and voted to approve the plan for the harbour."
    votes = {name: article for name in ("trafilatura", "trafilatura_precision", "readability", "justext")}
    cells = {voting.norm(line)} if in_cells else set()
    out = voting.keep([article, line], [False, False], [True, is_prose], set(), votes, table_cells=cells)
    assert out == [True, kept]
    # without the table evidence (the caller has none) the rule is off
    assert voting.keep([article, line], [False, False], [True, is_prose], set(), votes) == [True, True]


@pytest.mark.parametrize(
    ("first", "dateline", "paragraphs"),
    [("WASHINGTON —", "WASHINGTON", ARTICLE), ("LONDON (Reuters) -", "LONDON", ARTICLE),
     ("Editor note —", None, ["Editor note —", *ARTICLE])],  # not a place: the line stays as it was
)
def test_a_dateline_in_a_paragraph_of_its_own(first, dateline, paragraphs):
    texts = [first, *ARTICLE]
    record = stage.clean_lines(texts, keep_flags=[True] * len(texts))  # the extractors kept the line
    assert (record["dateline"], record["paragraphs"]) == (dateline, paragraphs)


# vocabulary.ZONE_REGIONS, row by row: a region's clock takes the offset its zone has on that date
# (the tz database's summer and standard time), not one offset all year
_ZONE_ROWS = {  # zone name -> (offset in January, offset in July)
    "ET": ("-05:00", "-04:00"),
    "CT": ("-06:00", "-05:00"),
    "MT": ("-07:00", "-06:00"),
    "PT": ("-08:00", "-07:00"),
    "AKT": ("-09:00", "-08:00"),
    "IST": ("+05:30", "+05:30"),
}


def test_every_zone_region_row_is_tested():
    from workers.stages.clean.vocabulary import ZONE_REGIONS

    assert set(_ZONE_ROWS) == set(ZONE_REGIONS)


@pytest.mark.parametrize("zone", sorted(_ZONE_ROWS))
def test_a_region_clock_takes_the_offset_of_its_date(zone):
    winter, summer = _ZONE_ROWS[zone]
    assert dates.parse_date(f"January 20, 2020 7:40 p.m. {zone}") == f"2020-01-20T19:40:00{winter}"
    assert dates.parse_date(f"July 4, 2023, 9.15 AM {zone}") == f"2023-07-04T09:15:00{summer}"


def test_a_fixed_zone_name_keeps_its_offset_all_year():
    assert dates.parse_date("January 20, 2020 7:40 p.m. PDT") == "2020-01-20T19:40:00-07:00"
    assert dates.parse_date("July 4, 2023 9:15 a.m. EST") == "2023-07-04T09:15:00-05:00"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the time before the date, its zone between them (AP's and CNN's "Updated" lines)
        ("3:45 PM EDT, March 5, 2024", "2024-03-05T15:45:00-04:00"),
        ("9:15 AM EST, Tue March 5, 2024", "2024-03-05T09:15:00-05:00"),
        ("14:00 CET, 5 March 2024", "2024-03-05T14:00:00+01:00"),
        ("9:15 AM UTC+2, March 5, 2024", "2024-03-05T09:15:00+02:00"),
        ("10:30 am, 5 March 2024", "2024-03-05T10:30:00"),
        # an offset after a zone name, also run into the next word (Reuters' glued header)
        ("March 5, 2024 9:15 AM GMT+1", "2024-03-05T09:15:00+01:00"),
        ("March 5, 20249:15 AM GMT+1Updated 2 hours ago", "2024-03-05T09:15:00+01:00"),
        ("March 5, 2024 9:15 AM - 5 min read", "2024-03-05T09:15:00"),
    ],
)
def test_a_zone_beside_the_time_is_kept(text, expected):
    assert dates.parse_date(text) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Published 5 March 2024 Updated 6 March 2024", ("2024-03-05", "2024-03-06")),
        ("March 5, 2024 Updated March 6, 2024", ("2024-03-05", "2024-03-06")),
        ("March 5, 2024 7:02 AM GMT+1 Updated 3 hours ago", ("2024-03-05T07:02:00+01:00", "-PT3H")),
        ("Posted: March 5, 2024 | Updated: March 6, 2024", ("2024-03-05", "2024-03-06")),
    ],
)
def test_an_update_label_after_a_date_starts_the_update(line, expected):
    assert dates.date_line(line) == expected


def test_a_lower_case_word_after_a_time_is_no_zone():
    assert dates.parse_date("July 4, 2023 9:15 am et al") == "2023-07-04T09:15:00"


@pytest.mark.parametrize(
    ("text", "domain"),
    [
        ("EXAMPLENEWS.COM", True),
        ("www.example.org", True),
        ("example.co.uk", True),
        ("examplezeitung.de", True),
        ("example.io/", True),
        ("Example News", False),
        ("example.museum", False),
        ("Jane Doe", False),
    ],
)
def test_bare_domain_rows(text, domain):
    """One TLD table (vocabulary.SITE_TLDS + COUNTRY_TLDS) for a line that is only a site's domain."""
    from workers.stages.clean import vocabulary as v

    assert (v.BARE_DOMAIN.match(text) is not None) is domain


@pytest.mark.parametrize(
    ("name", "domain"),
    [
        ("Phys.org", True),
        ("Examplewire.co.uk", True),
        ("Beispiel.de Redaktion", True),
        ("EXAMPLENEWS COM", True),
        ("Exampletimes Net", True),
        ("Emily Co", False),  # a surname, not a domain whose dot became a space
        ("Jane Io", False),
        ("Jane Doe", False),
    ],
)
def test_domain_in_a_name_rows(name, domain):
    """A byline part that names a site ("Phys.org", "EXAMPLENEWS COM") is no author; a surname "Co" is."""
    from workers.stages.clean import vocabulary as v

    assert (v.DOMAIN_IN_NAME.search(name) is not None) is domain


@pytest.mark.parametrize("agency", ["AP", "AFP", "Reuters", "EPA", "Getty Images", "Xinhua", "PA", "Shutterstock"])
def test_every_photo_agency_closes_a_caption(agency):
    """Each row of vocabulary.PHOTO_AGENCIES is read by every credit rule: a closing "Name/Agency", the
    lower-cased ending test, a caption's closing credit and a credit glued to the caption's first word."""
    from workers.stages.clean import vocabulary as v

    caption = f"Rescue workers search the rubble in Exampleton on Monday. Jane Doe/{agency}"
    assert v.PHOTO_CREDIT.search(caption)
    assert v.CLOSING_CREDIT.search(caption)
    assert md.has_caption_trigger(caption.casefold())
    assert md.has_caption_trigger(f"workers search the rubble / {agency.casefold()} files")
    assert v.GLUED_CREDIT.match(f"{agency}Jane Doe speaks at the summit")


@pytest.mark.parametrize("text", ["The vote passed 52/48 on Monday.", "He works 9/5 at the Exampleton depot"])
def test_a_slash_without_an_agency_closes_no_caption(text):
    """A slash that is no credit ("52/48") does not make a caption."""
    from workers.stages.clean import vocabulary as v

    assert not v.CLOSING_CREDIT.search(text)
    assert not md.has_caption_trigger(text.casefold())
