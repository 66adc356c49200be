"""Plain-text dumps of unseen pages (round 2, sixth session; issue 10 item 3): the rules added on the held-out
dev thirds, row by row. Every name and sentence here is invented.

Each rule is tested both ways: the case it is for, and the near case it must leave alone."""

from __future__ import annotations

import pytest

from dump_texts import ARTICLE, LONGER

from workers.stages.clean import core as stage
from workers.stages.clean import lines as ln
from workers.stages.clean import sections
from workers.stages.clean import structure as clean_structure

COMMENT = ("I walked along the harbour wall last week and the silt was plain to see at low tide, so this "
           "plan is long overdue and I hope the board keeps to the eleven weeks it promised us all.")


# --- comment headings that count the comments in a sentence or after a link ---------------------
@pytest.mark.parametrize(
    ("text", "hard_end"),
    [
        ("There are 13 comments", True),
        ("There is one comment", True),
        ("There were 4 responses", True),
        ("There are 13 comments on the plan, the council said, and most of them back it.", False),
    ],
)
def test_a_comment_count_in_a_sentence_heading_is_a_hard_end(text, hard_end):
    (line,) = ln.classify([text])
    assert line.hard_end is hard_end


@pytest.mark.parametrize(("text", "kind"), [("View comments (27)", "comments"), ("Show all comments (3)", "comments"),
                                             ("View comments", "comments"), ("View comments about dredging", None)])
def test_a_view_comments_link_with_its_count_is_a_comments_heading(text, kind):
    assert sections.heading_kind(text) == kind


def _teaser_cards(n: int) -> list[str]:
    cards = []
    for k in range(n):
        cards += [f"Board number {k} backs a new ferry timetable for the islands",
                  f"The ferry board number {k} said on Tuesday that the winter timetable would add two sailings "
                  "a day between the islands and the mainland from December, after a long consultation in which "
                  "islanders asked for earlier crossings on weekdays and later ones at the weekend.",
                  "March 17, 2023", 'In "News"']
    return cards


def test_a_related_list_over_longer_reader_comments_is_still_chrome():
    # the comments under a count heading are not article left below the related list
    comments = []
    for k in range(6):
        comments += [f"Reader {k} · March 10, 2024 at 12:20 AM", f"Comment {k}: {COMMENT}", "* Reply"]
    texts = ["Harbour board backs channel dredging", "By Jane Doe", "March 9, 2024", *LONGER,
             "Related", *_teaser_cards(3), "There are 6 comments", *comments]
    assert stage.clean_lines(texts)["paragraphs"] == LONGER


def test_a_related_list_over_more_article_without_a_hard_end_stays():
    # without a hard end the prose below counts: a "Related" box inside a longer article ends nothing
    more = [f"{ARTICLE[k % 3]} Part {k} of the report was read out at the meeting." for k in range(8)]
    texts = ["Harbour board backs channel dredging", *ARTICLE, "Related", *_teaser_cards(3), *more]
    assert stage.clean_lines(texts)["paragraphs"][-1] == more[-1]


# --- a chart's axis labels and data values inside the article: figure data, not chrome -----------
@pytest.mark.parametrize(("text", "neutral"), [("$915", True), ("’17", True), ("13.0%", True), ("0", True),
                                               ("2,400", True), ("*", False), ("%", False), ("billion", False),
                                               ("Page 2", False), ("1 2 3 4 5 6 7 8 9 10 11", False)])
def test_a_figure_value_costs_the_run_nothing(text, neutral):
    (line,) = ln.classify([text])
    assert line.kind == ln.SHORT
    assert (line.score == 0.0) is neutral


def test_an_article_across_two_charts_stays_one_run():
    chart = ["Interest payments on the debt", "$900", "billion", "600", "300", "$263", "billion", "0",
             *[f"’{y}" for y in range(17, 29)], "By The Harbour Times | Source: Budget Office"]
    second = [f"{ARTICLE[k]} The harbour master, Tom Pendry, agreed." for k in range(3)]
    texts = ["Harbour board backs channel dredging", "By Jane Doe", "March 9, 2024", *ARTICLE, *chart, *chart,
             *second]
    assert stage.clean_lines(texts)["paragraphs"] == ARTICLE + second


# --- a line that is one phrase said twice or thrice: a link and its label, not text --------------
@pytest.mark.parametrize(
    ("text", "chrome"),
    [
        ("Rate this Recipe Rate this Recipe", True),
        ("Flag this comment Flag this comment", True),
        ("How Harbours Silt Up How Harbours Silt Up How Harbours Silt Up", True),
        ("Harbour Review Harbour Review", True),
        ("How Harbours Silt Up Over Years How Harbours Silt Up Over Years How Harbours Sil", True),  # the last cut
        ("How Harbours Silt Up Over Years How Harbours", False),  # one copy and a part: a stutter, not a label
        ("Going, going, gone.", False),
        ("He said no. He said no.", False),  # copies under 12 characters
        ("The board said yes, and the board said yes again on Monday.", False),
    ],
)
def test_a_phrase_said_twice_is_chrome(text, chrome):
    (line,) = ln.classify([text])
    assert (line.kind == "boilerplate") is chrome


# --- teaser excerpts cut short with their read-more link glued on ---------------------------------
@pytest.mark.parametrize(
    ("text", "tail"),
    [
        ("When the tide turns, the harbour fills with boats from all over,… Read more Read more", True),
        ("Take our annual tour of the fifty best harbours on the coast. ... Read more»", True),
        ("Harbour News – The board met again on Monday to discuss the.... more", True),
        ("The board will decide in May… Continue reading →", True),
        ("The board will decide in May, and more meetings will follow.", False),
        ("Read more", False),  # a link line of its own: vocabulary.READ_MORE_LINK
        ("We want homes, jobs, schools… and more to come.", False),
    ],
)
def test_read_more_tail_rows(text, tail):
    assert sections._read_more_tail(text) is tail


def test_glued_teaser_excerpts_are_teasers_not_the_article():
    excerpts = [f"Story {k}: when the tide turns, the harbour fills with boats from all over the coast and the "
                f"quay is loud until late,… Read more" for k in range(3)]
    texts = ["Harbour board backs channel dredging", "By Jane Doe", "March 9, 2024", *LONGER[:3],
             excerpts[0], *LONGER[3:], *excerpts[1:]]
    assert stage.clean_lines(texts)["paragraphs"] == LONGER


def test_one_cut_excerpt_alone_is_left_to_the_other_rules():
    lines = ln.classify([*ARTICLE, "The board will decide in May… Read more"])
    assert sections.mark_read_more_teasers(lines) == lines


# --- a headline-shaped subheading whose words the paragraph under it takes up --------------------
@pytest.mark.parametrize(
    ("heading", "kept"),
    [
        ("Make a List of Everything the Harbour Board Owns", True),  # the paragraph under it takes it up
        ("Why the Harbour Board Voted for the Dredging Plan", True),
        ("Ferry Fares Rise Again on the Island Routes", False),  # a promo for another story
    ],
)
def test_a_title_case_subheading_echoed_by_its_section_stays(heading, kept):
    section = ("The harbour board made a list of everything it owns, from cranes to buoys, before it voted "
               "for the dredging plan, and the list runs to forty pages.")
    texts = ["Harbour board backs channel dredging", "By Jane Doe", "March 9, 2024", *ARTICLE, heading, section,
             *LONGER[3:]]
    assert (heading in stage.clean_lines(texts)["paragraphs"]) is kept


# --- sponsored-link boxes and teaser lists whose items are bullets of mixed punctuation -----------
@pytest.mark.parametrize(("text", "kind"), [("Around The Web", "teasers"), ("From Around the Web", "teasers"),
                                             ("Sponsored Links", "teasers"), ("Promoted Stories", "teasers"),
                                             ("More from our partners", "teasers"), ("Around the harbour", None)])
def test_sponsored_link_headings_open_teaser_lists(text, kind):
    assert sections.heading_kind(text) == kind


BULLET_TEASERS = ["* Ferry Star Welcomes First Calf — a Baby Seal!", "* Is the New Pier the Longest Ever?",
                  "* Harbour Cat Rides the Ferry Every Day (12 Photos)", "* Dredger Crew Caught on Tape Singing . . . "
                  "And the Gulls Join In!", "* Boat Show Finally Opens Its Doors"]


def test_a_bullet_teaser_list_of_mixed_punctuation_is_one_teaser_section():
    texts = ["Harbour board backs channel dredging", "By Jane Doe", "March 9, 2024", *LONGER, "Around The Web",
             *BULLET_TEASERS]
    assert stage.clean_lines(texts)["paragraphs"] == LONGER


def test_bullets_under_a_plain_heading_are_left_to_the_list_rules():
    lines = ln.classify([*LONGER, "What the board decided", *BULLET_TEASERS])
    marked = sections.mark(lines)
    assert all(line.kind != "boilerplate" or line.reason != "teasers" for line in marked)


# --- a comments link with its arrow ends the article like the bare heading ----------------------
@pytest.mark.parametrize(("text", "hard_end"), [("Comments »", True), ("Comments ›", True), ("3 Comments »", True),
                                                ("Comments", True), ("Comments on the plan »", False)])
def test_a_comments_link_with_an_arrow_is_a_hard_end(text, hard_end):
    (line,) = ln.classify([text])
    assert line.hard_end is hard_end


def test_dated_teaser_cards_under_a_comments_link_are_not_the_article():
    cards = []
    for k in range(4):
        cards += [f"Ten facts about harbour number {k}", f"April {k + 2}, 2014 -- Updated 1358 GMT",
                  f"Here are ten facts about harbour number {k}, one of the busiest on the coast."]
    texts = ["Harbour board backs channel dredging", "By Jane Doe", "March 9, 2024", *LONGER, "0", "Comments »",
             "Part of complete coverage on", "Harbours", *cards]
    assert stage.clean_lines(texts)["paragraphs"] == LONGER


# --- a bio whose name has a lower-case particle ---------------------------------------------------
@pytest.mark.parametrize(("text", "bio"), [
    ("Luca di Marco is a breaking news reporter for Harbour News and is based in Cork.", True),
    ("Ana de Vries covers farming and the coast for the paper.", True),
    ("Jane Doe is a reporter for Harbour News.", True),
    ("Port of Cork is a busy harbour and a reporter's favourite place.", False),  # "of" is no particle
])
def test_a_bio_line_with_a_name_particle(text, bio):
    (line,) = ln.classify([text])
    assert (line.reason == "author_bio") is bio


# --- lists of headlines cut short to one width ----------------------------------------------------
CUT = ["23 things every harbour visitor learns the hard…", "21 boats that look wonderful in the…",
       "Here is what the ferry looks like after a…", "34 reasons never to leave the island", "The 43 times the pier made us…"]


def test_a_list_of_cut_headlines_is_a_teaser_list():
    texts = ["Harbour board backs channel dredging", *CUT, "By Jane Doe", "March 9, 2024", *LONGER]
    record = stage.clean_lines(texts)
    assert record["paragraphs"] == LONGER
    marked = sections.mark_cut_headlines(ln.classify(CUT))
    assert [line.reason for line in marked] == ["teasers"] * 5


@pytest.mark.parametrize("lines", [
    CUT[:2],  # two are not a list
    ["He paused…", ARTICLE[0], ARTICLE[1], "And then…", ARTICLE[2], "Silence…"],  # far apart
    ["The end. ...", "The vote. ...", "The start. ..."],  # an ellipsis after a full stop: not a cut word
])
def test_cut_headlines_need_three_close_together(lines):
    classified = ln.classify(lines)
    assert sections.mark_cut_headlines(classified) == classified


# --- a cookie notice is the site speaking to its reader; prose about cookies is not one -----------
@pytest.mark.parametrize(
    ("text", "notice"),
    [
        ("We use cookies to improve your experience on our site. By continuing to browse you agree to this.", True),
        ("This website uses cookies. Accept all cookies or manage your cookie settings.", True),
        ("Please accept video cookies to play this clip. By accepting you will see content from a third party.", True),
        ("Privacy & Cookies", True),
        ("Some browsers do not send third-party cookies by default, and others scope cookies so that no single "
         "company sees your whole browsing history.", False),
        ("Even if you never click the button, your browser sends a request with its cookies to the harbour "
         "board's servers each time a page with the button loads.", False),
    ],
)
def test_cookie_notice_rows(text, notice):
    (line,) = ln.classify([text])
    assert (line.reason == "cookie_notice") is notice


# --- more teaser-list headings: ranked lists with a section, "next up", what others read --------------
@pytest.mark.parametrize(("text", "kind"), [
    ("Most Read Business Stories", "teasers"), ("Most read in Sport", "teasers"), ("Next Up In Culture", "teasers"),
    ("Next up", "teasers"), ("Other People Are Reading", "teasers"), ("What people are reading now", "teasers"),
    ("Most read business people said", None), ("Next up for the harbour board is a vote", None),
])
def test_more_teaser_headings(text, kind):
    assert sections.heading_kind(text) == kind


def test_one_cut_excerpt_does_not_make_a_single_read_more_link_a_list():
    # a "Keep reading" link under the article's paragraph, and one excerpt elsewhere: no list of either
    texts = [*ARTICLE, "Keep reading", "The latest on harbours, from dredging to ferries and more",
             "Jane Doe writes about harbours for the paper... more"]
    lines = ln.classify(texts)
    assert sections.mark_read_more_teasers(lines)[:3] == lines[:3]


def test_dialogue_trailing_off_is_not_a_cut_headline_list():
    lines = ln.classify(["Hmmm...", "These vapors...", "Oh...", "Well, I never..."])
    assert sections.mark_cut_headlines(lines) == lines


# --- a comment widget's sign-in prompts and status messages ---------------------------------------
@pytest.mark.parametrize(("text", "chrome"), [
    ("Sign in to post a reply.", True), ("Sign in to comment", True), ("Please sign in.", True),
    ("Sorry, we can’t load comments right now. Try again.", True), ("Rating failed. Try again.", True),
    ("There was a problem. Please refresh the page and try again.", True), ("Something went wrong", True),
    ("The harbour board said something went wrong with the dredger.", False),
    ("Sign in to the harbour office is required for all visiting crews.", False),
])
def test_comment_widget_prompts_and_status_messages(text, chrome):
    (line,) = ln.classify([text])
    assert (line.kind == "boilerplate") is chrome


def test_a_tag_list_and_comment_widget_under_the_article_are_left_out():
    texts = ["Harbour board backs channel dredging", "By Jane Doe", "March 9, 2024", *LONGER,
             "* Politics & Government", "* Harbours", "Sign in to post a reply.", "Rating failed. Try again.",
             "Request failed. Try again.", "Comments (12)", "Sign in to post a comment."]
    assert stage.clean_lines(texts)["paragraphs"] == LONGER


# --- a ranked teaser list (1, 2, 3 ...) whose items carry a summary sentence ----------------------
RANKED = [f"{k}. Harbour story number {k} is the {k}th most read today The board said more. It is a summary of it."
          for k in range(1, 6)]


def test_a_ranked_list_under_a_most_read_heading_is_a_teaser_list():
    texts = ["Harbour board backs channel dredging", "By Jane Doe", "March 9, 2024", *LONGER, "Most Read", *RANKED]
    assert stage.clean_lines(texts)["paragraphs"] == LONGER


@pytest.mark.parametrize("items", [RANKED[:1], [RANKED[0], RANKED[2], RANKED[1]]])
def test_one_numbered_line_or_a_broken_count_is_no_ranking(items):
    lines = ln.classify(["Most Read", *items])
    assert sections._bullet_run(lines, [None] * len(lines), 1) == 1


# --- a media player's caption shown twice, and its countdown ---------------------------------------
CAPTION = "Crews worked through the night to clear the silt from the outer channel of the harbour."


@pytest.mark.parametrize("between", [[], ["Caption"], ["View Photos"]])
def test_a_caption_written_twice_in_a_row_is_a_caption(between):
    texts = ["Harbour board backs channel dredging", "By Jane Doe", "March 9, 2024", *LONGER[:3], CAPTION, *between,
             CAPTION, "Wait 1 second to continue.", *LONGER[3:]]
    assert stage.clean_lines(texts)["paragraphs"] == LONGER


def test_a_paragraph_repeated_further_away_keeps_its_first_copy():
    texts = ["Harbour board backs channel dredging", "By Jane Doe", "March 9, 2024", CAPTION, *LONGER, CAPTION]
    assert stage.clean_lines(texts)["paragraphs"] == [CAPTION, *LONGER]


@pytest.mark.parametrize(("text", "chrome"), [("Wait 1 second to continue.", True), ("Wait 5 seconds to continue", True),
                                              ("Now watching", True), ("Wait a second, the board said.", False)])
def test_video_player_countdown_rows(text, chrome):
    (line,) = ln.classify([text])
    assert (line.kind == "boilerplate") is chrome


# --- an item heading that opens with a quoted title ------------------------------------------------
@pytest.mark.parametrize(("heading", "kept"), [("“Harbour Lights” ($30)", True), ("\"Tide Runner\" (free)", True),
                                               ("“and then the tide” ($30)", False)])
def test_a_subheading_opening_with_a_quoted_title(heading, kept):
    texts = ["Harbour board backs channel dredging", "By Jane Doe", "March 9, 2024", *LONGER[:3], heading, *LONGER[3:]]
    assert (heading in stage.clean_lines(texts)["paragraphs"]) is kept


# --- a subheading that repeats words of the text is not a pull quote -------------------------------
def test_a_subheading_naming_words_of_the_text_is_kept():
    heading = "Silt from the outer channel"
    section = "The silt from the outer channel will be taken by barge to a site far out at sea, the board said."
    texts = ["Harbour board backs channel dredging", "By Jane Doe", "March 9, 2024", *ARTICLE, heading, section,
             *LONGER[3:]]
    assert heading in stage.clean_lines(texts)["paragraphs"]


def test_a_pull_quote_sentence_is_still_dropped():
    quote = "“The channel had silted up faster than expected”"
    texts = ["Harbour board backs channel dredging", "By Jane Doe", "March 9, 2024", *ARTICLE[:2], quote,
             *ARTICLE[2:], *LONGER[3:]]
    assert quote not in stage.clean_lines(texts)["paragraphs"]


@pytest.mark.parametrize(("text", "plain"), [
    ("Silt from the outer channel", True), ("friendship with the harbour board. Gifts on", False),
    ("(right) in front of the pier", False), ("The process should be familiar by now:", False),
    ("‘It is impossible to overstate the dredging’", False), ("“Silt from the outer channel”", False),
    ("For loved or liked gifts, the board will say", False),
])
def test_plain_subheading_rows(text, plain):
    (line,) = ln.classify([text])
    assert clean_structure.plain_subheading(line) is plain


@pytest.mark.parametrize(("heading", "kept"), [("Wrap-up", True), ("Background", True), ("-", False)])
def test_a_one_word_heading_may_be_hyphenated(heading, kept):
    texts = ["Harbour board backs channel dredging", "By Jane Doe", "March 9, 2024", *LONGER[:3], heading, *LONGER[3:]]
    assert (heading in stage.clean_lines(texts)["paragraphs"]) is kept
