"""Plain-text dumps, ninth session (issue 10 item 3): article lines the text path dropped where the HTML
path keeps them, fixed as kinds, row by row. Every name and sentence here is invented.

Each rule is tested both ways: the case it is for, and the near case it must leave alone."""

from __future__ import annotations

import pytest

from dump_texts import ARTICLE, SHARE_ROW, TEASER_SUMMARIES

from workers.stages.clean import core as stage
from workers.stages.clean import lines as ln
from workers.stages.clean import run as clean_run
from workers.stages.clean import structure as clean_structure



# --- an article header written as list items ("* Jane Doe", "* Friday 8 March 2024") -------------
@pytest.mark.parametrize(
    ("line", "header"),
    [
        ("* Friday 8 March 2024", True),  # a header's date as a list item
        ("• March 8, 2024", True),
        ("- By Jane Doe", True),
        ("Friday 8 March 2024", True),  # as before: the bare date
        ("* Harbour news", False),  # a menu item
        ("* The board met on Friday", False),  # a list item that is no date line
    ],
)
def test_header_lines_as_list_items(line, header):
    assert clean_run._header_line(line) is header


def test_an_article_under_a_list_item_date_wins_over_longer_teasers_below_a_related_heading():
    texts = ["Harbour board backs channel dredging", "* Jane Doe", "* Friday 8 March 2024", *ARTICLE, *SHARE_ROW,
             "Related Articles", *TEASER_SUMMARIES]
    assert stage.clean_lines(texts)["paragraphs"] == ARTICLE


def test_a_list_item_that_is_no_header_does_not_anchor_the_short_prose():
    texts = ["Harbour board backs channel dredging", "* Harbour news", "* Ferries", *ARTICLE, *SHARE_ROW,
             "Related Articles", *TEASER_SUMMARIES]
    assert stage.clean_lines(texts)["paragraphs"][0].startswith("Teaser number")


# --- a short clause ending in a colon that introduces a quote, a paragraph or a code block ------------
@pytest.mark.parametrize(
    ("intro", "is_intro"),
    [
        ("The harbour master gave three reasons:", True),
        ("Ann Roe, for her part, disagrees:", True),
        ("The output looks like this:", True),
        ("Follow us on:", False),  # an interface label (a chrome line)
        ("More on the harbour vote:", False),  # the label of a box of links to other stories
        ("Harbour Board Minutes:", False),  # no function word: a label (a label heading is another rule's)
        ("In brief", False),  # no colon
        ("analysts offered a few theories:", False),  # not capitalised: a cut piece of a sentence
    ],
)
def test_colon_intro_rows(intro, is_intro):
    assert clean_structure._colon_intro(ln.classify([intro])[0]) is is_intro


@pytest.mark.parametrize(
    ("intro", "kept"),
    [("The harbour master gave three reasons:", True), ("Ann Roe, for her part, disagrees:", True),
     ("Follow us on:", False)],
)
def test_a_colon_intro_between_two_paragraphs_stays(intro, kept):
    texts = ["Harbour board backs channel dredging", "By Jane Doe", "March 9, 2024", ARTICLE[0], ARTICLE[1],
             intro, ARTICLE[2]]
    assert (intro in stage.clean_lines(texts)["paragraphs"]) is kept


def test_a_colon_intro_with_no_article_text_above_is_not_kept():
    texts = ["Harbour board backs channel dredging", "The harbour master gave three reasons:", *ARTICLE]
    assert "The harbour master gave three reasons:" not in stage.clean_lines(texts)["paragraphs"]


def test_a_colon_intro_keeps_the_code_block_it_introduces():
    code = ["$ harbour --dredge outer", "dredged 4 km", "done"]
    texts = ["Harbour board backs channel dredging", "By Jane Doe", "March 9, 2024", ARTICLE[0],
             "The output looks like this:", *code, ARTICLE[1], ARTICLE[2]]
    paragraphs = stage.clean_lines(texts)["paragraphs"]
    assert paragraphs == [ARTICLE[0], "The output looks like this:", *code, ARTICLE[1], ARTICLE[2]]


def test_links_under_a_more_on_label_stay_out_even_when_the_article_resumes():
    links = ["Ferry timetable adds two winter sailings", "Council to review bus routes"]
    texts = ["Harbour board backs channel dredging", "By Jane Doe", "March 9, 2024", ARTICLE[0],
             "More on the harbour vote:", *links, ARTICLE[1], ARTICLE[2]]
    paragraphs = stage.clean_lines(texts)["paragraphs"]
    assert not set(links) & set(paragraphs)


def test_short_lines_under_a_colon_intro_without_prose_resuming_stay_out():
    texts = ["Harbour board backs channel dredging", "By Jane Doe", "March 9, 2024", *ARTICLE,
             "The output looks like this:", "Home", "News", "Contact"]
    paragraphs = stage.clean_lines(texts)["paragraphs"]
    assert "Home" not in paragraphs and "The output looks like this:" not in paragraphs


# --- Title Case subheadings: kept when the article has several, each right between two paragraphs -----
SECTIONS = ["Dredging the Outer Channel", "Costs and the Winter Timetable", "What Comes After the Storms"]
PARAGRAPHS = [f"{sentence} The board's chair, Ann Roe, said so twice." for sentence in ARTICLE * 2]


def _sectioned(headings: list[str]) -> list[str]:
    texts = ["Harbour board backs channel dredging", "By Jane Doe", "March 9, 2024", PARAGRAPHS[0]]
    for k, heading in enumerate(headings):
        texts += [heading, PARAGRAPHS[k + 1]]
    return texts + PARAGRAPHS[len(headings) + 1:]


def test_three_title_case_sections_are_the_articles_headings():
    paragraphs = stage.clean_lines(_sectioned(SECTIONS))["paragraphs"]
    assert all(heading in paragraphs for heading in SECTIONS)


def test_two_title_case_lines_between_paragraphs_may_be_other_stories_headlines():
    paragraphs = stage.clean_lines(_sectioned(SECTIONS[:2]))["paragraphs"]
    assert not set(SECTIONS[:2]) & set(paragraphs)


@pytest.mark.parametrize(
    "caption",
    [
        "Jane Doe: Harbour at Dusk, 2023",  # an artwork's caption
        "Harbour at Dusk/Example Agency",  # a photo credit
        "Ferry Operator Adds Two Winter Sailings Between the Outer Islands",  # a long headline
    ],
)
def test_captions_and_long_headlines_do_not_count_as_title_case_sections(caption):
    paragraphs = stage.clean_lines(_sectioned([*SECTIONS[:2], caption]))["paragraphs"]
    assert caption not in paragraphs and not set(SECTIONS[:2]) & set(paragraphs)


# name-shaped headings (capitalised words, no function word) count among the Title Case ones; alone they stay out
NAME_SHAPED = ["Channel Depths", "Winter Sailings", "Final Verdict"]


def test_name_shaped_headings_count_among_an_articles_title_case_headings():
    headings = [SECTIONS[0], *NAME_SHAPED[:2]]
    paragraphs = stage.clean_lines(_sectioned(headings))["paragraphs"]
    assert all(heading in paragraphs for heading in headings)


@pytest.mark.parametrize(
    "headings",
    [
        NAME_SHAPED[:1],  # one name-shaped line between paragraphs: a person's name as likely as a heading
        [SECTIONS[0], NAME_SHAPED[0]],  # two: as two Title Case lines, maybe other stories' headlines
        [SECTIONS[0], "RECEIVE HARBOUR TIPS", NAME_SHAPED[0]],  # a name-shaped line in capitals is a label
        [SECTIONS[0], "Photo Example Agency", NAME_SHAPED[0]],  # a caption label stays out and counts for none
    ],
)
def test_name_shaped_lines_stay_out_without_the_articles_other_headings(headings):
    paragraphs = stage.clean_lines(_sectioned(headings))["paragraphs"]
    assert not set(headings) & set(paragraphs)


# --- the lead over a table of contents --------------------------------------------------------------
SECTIONS_TOC = [f"* {k} Section number {k}" for k in range(1, 11)] + [f"+ {k}.1 Part one of {k}" for k in range(1, 21)]
LEAD = [f"{sentence} It is the county's busiest port, and its board meets in public every month."
        for sentence in ARTICLE[:2]]
BODY = [f"{sentence} The board's chair, Ann Roe, said so twice, and the minutes record it." for sentence in ARTICLE * 3]


@pytest.mark.parametrize(
    ("heading", "entries", "lead_kept"),
    [
        ("Contents", SECTIONS_TOC, True),
        ("Table of contents [hide]", SECTIONS_TOC, True),
        ("In this article", [f"{k}. Part number {k}" for k in range(1, 31)], True),
        ("Harbour news", SECTIONS_TOC, False),  # a list under another heading
        ("Contents", [f"* Part number {k}" for k in range(1, 31)], False),  # unnumbered: a menu
    ],
)
def test_the_lead_over_a_table_of_contents(heading, entries, lead_kept):
    texts = ["Harbour of Example Bay", *LEAD, heading, *entries, "History", *BODY]
    paragraphs = stage.clean_lines(texts)["paragraphs"]
    assert all(p in paragraphs for p in LEAD) is lead_kept
    assert all(p in paragraphs for p in BODY)


@pytest.mark.parametrize(
    ("text", "heading", "entry"),
    [
        ("Contents", True, False), ("Table of Contents", True, False), ("On this page", True, False),
        ("* 1 History", False, True), ("+ 1.1 Early years", False, True), ("o 3.7.1 Gecko", False, True),
        ("2. Methods", False, True), ("Contents of the report", False, False), ("* History", False, False),
    ],
)
def test_contents_rows(text, heading, entry):
    from workers.stages.clean import vocabulary as v

    assert bool(v.CONTENTS_HEADING.match(text)) is heading
    assert bool(v.CONTENTS_ENTRY.match(text)) is entry


# --- an inline newsletter box: its pitch speaks of the newsletter; the article resumes under it --------
@pytest.mark.parametrize(
    ("line", "pitch"),
    [
        ("The week's harbour news, delivered to you.", True),
        ("Our weekly briefing for ferry users, every Friday.", True),
        ("Subscribe", True),  # a button: not prose
        ("All five passengers were taken to hospital, where two were kept overnight.", False),  # the article
    ],
)
def test_signup_pitch_rows(line, pitch):
    from workers.stages.clean import sections

    assert sections._pitch(ln.classify([line])[0]) is pitch


def test_the_article_resumes_under_an_inline_newsletter_box():
    resumed = ["All five passengers were taken to hospital on Tuesday evening.", "Three were sent home."]
    texts = ["Harbour board backs channel dredging", "By Jane Doe", "March 9, 2024", *ARTICLE,
             "Harbour News in Your Inbox", "Subscribe to the Example Herald harbour newsletter.", *resumed]
    paragraphs = stage.clean_lines(texts)["paragraphs"]
    assert paragraphs == [*ARTICLE, *resumed]


def test_a_newsletter_box_and_its_pitch_stay_out():
    texts = ["Harbour board backs channel dredging", "By Jane Doe", "March 9, 2024", *ARTICLE,
             "Harbour News in Your Inbox", "Subscribe to the Example Herald harbour newsletter.",
             "Daily news about the harbour and the islands, delivered to your inbox."]
    assert stage.clean_lines(texts)["paragraphs"] == ARTICLE


# --- a subheading under a list item that is a whole paragraph ------------------------------------------
@pytest.mark.parametrize(
    ("item", "kept"),
    [
        (f"* {ARTICLE[1]} The board will publish the survey next month.", True),  # a paragraph-long item
        ("* Two winter sailings", False),  # a short item: the line under it may be the list's next entry
    ],
)
def test_a_subheading_under_a_paragraph_long_list_item(item, kept):
    heading = "Costs and delays"
    texts = ["Harbour board backs channel dredging", "By Jane Doe", "March 9, 2024", ARTICLE[0],
             f"{ARTICLE[2]} Many residents object:", item, heading, *ARTICLE[1:]]
    assert (heading in stage.clean_lines(texts)["paragraphs"]) is kept


# --- a post that is only a bullet list (release notes): the densest run is one of its items ------------
RELEASE_ITEMS = [
    "+ Added a night ferry timetable to the harbour app",
    "+ Added tide tables for the outer channel",
    "+ Berth bookings can now be changed until noon",
    "+ Fixed a crash when opening the pier map offline",
    "+ Harbour webcams refresh every thirty seconds now",
    "* Ticket prices are shown with and without the winter discount",
    "* Did you know the app now warns you when a sailing is cancelled because of high winds?",
    "* Parking spaces near the quay are listed by the hour",
    "- Removed the old feedback form",
]
MENU_ITEMS = ["* Home", "* Ferries", "* Timetables", "* Parking", "* Contact us", "* About the board",
              "* Did you know the app now warns you when a sailing is cancelled because of high winds?",
              "* Jobs", "* Press"]


def test_a_post_that_is_only_a_list_keeps_its_items():
    texts = ["Harbour app 2.0 is out", "Home", *RELEASE_ITEMS, "Older posts"]
    paragraphs = stage.clean_lines(texts)["paragraphs"]
    assert all(item[2:] in paragraphs or item in paragraphs for item in RELEASE_ITEMS)
    assert "Older posts" not in paragraphs


@pytest.mark.parametrize(
    "items",
    [
        RELEASE_ITEMS[:4] + RELEASE_ITEMS[6:7],  # too few items for a post of its own
        MENU_ITEMS,  # a menu's short items around the one long line
    ],
)
def test_a_short_list_or_a_menu_around_the_run_is_not_the_post(items):
    texts = ["Harbour app 2.0 is out", *items, "Older posts"]
    paragraphs = stage.clean_lines(texts)["paragraphs"]
    assert len(paragraphs) == 1


def test_a_list_beside_prose_is_left_to_the_other_rules():
    texts = ["Harbour app 2.0 is out", *ARTICLE, "Contents", *RELEASE_ITEMS[:6]]
    paragraphs = stage.clean_lines(texts)["paragraphs"]
    assert paragraphs == ARTICLE


# --- a list article cut by a gallery: its next numbered item under the gallery resumes it ---------------
ITEMS = [
    ("1. Check the tide tables before you sail", "The harbour master said most groundings happen in the hour "
     "after low water, when the channel is at its shallowest and the buoys are hard to see."),
    ("2. Book a berth before the weekend", "Visitors' berths fill up by Friday evening in summer, and the "
     "board has no plans to add more until the dredging work is finished next year."),
    ("3. Keep clear of the ferry lane", "The ferries run every twenty minutes in the season and cannot "
     "turn quickly in the narrow channel, so small boats are asked to keep to the east side."),
]
LATER_ITEMS = [
    ("4. Carry a handheld radio on board", "The coastguard said a radio is still the quickest way to call "
     "for help in the bay, where mobile phone coverage is patchy near the cliffs."),
    ("5. Tell someone when you expect to return", "Most searches the lifeboat crew ran last year began late "
     "because nobody on shore knew the boat was overdue, the crew's coxswain said."),
]
GALLERY = [line for k in range(1, 13) for line in (f"* {k}/12 Harbour scene number {k}", "Example Agency")]


def _listicle(later: list[tuple[str, str]]) -> list[str]:
    texts = ["Five ways to stay safe in the harbour", "By Jane Doe", "March 9, 2024", ARTICLE[0]]
    texts += [line for item in ITEMS for line in item] + ["Harbour scenes in pictures", *GALLERY]
    texts += [line for item in later for line in item]
    return texts + ["* More about:", "* Harbours", "* Sailing"]


def test_a_list_article_resumes_under_a_gallery_at_its_next_item():
    paragraphs = stage.clean_lines(_listicle(LATER_ITEMS))["paragraphs"]
    assert all(line in paragraphs for item in ITEMS + LATER_ITEMS for line in item)
    assert not {"Example Agency", GALLERY[0], "* More about:"} & set(paragraphs)


def test_items_that_do_not_count_on_from_the_article_stay_out():
    later = [(heading.replace("4.", "9.", 1).replace("5.", "10.", 1), text) for heading, text in LATER_ITEMS]
    paragraphs = stage.clean_lines(_listicle(later))["paragraphs"]
    assert not {line for item in later for line in item} & set(paragraphs)
