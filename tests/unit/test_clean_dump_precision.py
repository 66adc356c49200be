"""Kinds of plain-text dumps read in the twelfth session on the dev pages (bench.ablation_text's pages:
the held-out sets' dev thirds and web-pages-en): social-media embeds inside the article, ... Each rule
beside the near case it must leave alone; the pages are invented."""

from __future__ import annotations

import pytest
from probe_texts import BODY
from probe_texts import cleaned as _cleaned

from workers.stages.clean import lines as ln
from workers.stages.clean import vocabulary as v
from workers.stages.clean.normalise import normalise_text, split_lines

HEADER = ("Board approves water plant", "By Ana Lind", "March 5, 2024")
CLOSE = "The board meets again on March 18 to pick a builder."
INSTAGRAM = ("View this post on Instagram", "A post shared by Metro Riders Union (@metroriders)")


@pytest.mark.parametrize(
    "text",
    ["View this post on Instagram", "A post shared by Metro Riders Union (@metroriders)",
     "A post shared by Ana Lind - studio (@ana.lind) on Apr 27, 2020 at 9:24am PDT", "View this reel on Instagram."],
)
def test_an_embed_label_is_chrome_that_costs_the_run_little(text):
    line = ln.classify([text])[0]
    assert v.EMBED_LABEL.match(text) and line.kind == "boilerplate"
    assert -3.0 < line.score < 0


@pytest.mark.parametrize("text", ["Report a typo", "Share on Facebook", "A post shared by the mayor drew angry replies."])
def test_other_interface_lines_are_no_embed_label(text):
    assert not v.EMBED_LABEL.match(text)


@pytest.mark.parametrize(
    "embed",
    [(*INSTAGRAM, "Mar 4, 2024 at 9:24am PST"),  # a label, the post's credit and its date
     (*INSTAGRAM, "View this post on Instagram", "A post shared by Lena Morrow (@lena.morrow)")],  # two embeds
)
def test_the_article_goes_on_under_an_embed(embed):
    record = _cleaned(*HEADER, BODY[0], BODY[1], *embed, BODY[2], CLOSE)
    assert record["paragraphs"] == [BODY[0], BODY[1], BODY[2], CLOSE]


def test_an_embed_label_under_the_article_brings_no_chrome_in():
    record = _cleaned(*HEADER, *BODY, *INSTAGRAM, "Follow us", "Privacy Policy", "Terms of Use",
                      "© 2024 The Harbor Times. All rights reserved.")
    assert record["paragraphs"] == BODY


PLAYER = ("Play Video", "Mute", "Current Time 0:00", "* captions settings , opens captions settings dialog",
          "* captions off , selected", "This is a modal window.",
          "Beginning of dialog window. Escape will cancel and close the window.",
          "This is a modal window. This modal can be closed by pressing the Escape key or activating the close button.")


@pytest.mark.parametrize("text", PLAYER[3:] + ("No compatible source was found for this media.", "End of dialog window."))
def test_a_video_players_own_text_is_chrome(text):
    assert ln.classify([text])[0].reason == "ui_vocabulary"


@pytest.mark.parametrize(
    "text",
    ["This is a modal window of the old courthouse, restored in 1990.",
     "The media could not be loaded onto the ferry before the storm, the captain said.",
     "Captions settings were changed in the new version of the app, the company said."],
)
def test_a_sentence_with_a_players_words_is_prose(text):
    assert ln.classify([text])[0].kind == ln.PROSE


MORE = [
    "Residents on the east bank have complained for years about brown water after heavy rain, and the state "
    "fined the county twice in 2021 for missing its own testing schedule at the old plant.",
    "Engineers hired by the county said the old plant could not be repaired at a reasonable cost, because its "
    "filters and pumps were installed in the 1960s and replacement parts are no longer made.",
    "Two board members who voted against the plan said they supported a new plant but wanted it built on the "
    "west bank, where the county already owns land and the river is deeper.",
]


def test_a_video_players_sentences_stay_out_of_the_article_they_sit_in():
    record = _cleaned(*HEADER, *BODY, *PLAYER, *MORE, CLOSE)
    assert record["paragraphs"] == [*BODY, *MORE, CLOSE]


# --- a hard-wrapped document: its wrap column, and a rights notice in its front matter ---------------------
WRAPPED = [
    "This memo describes a protocol by which client applications running inside a web browser can store "
    "documents on a server that is hosted on a different domain name, so that the provider of an application "
    "need not also be the provider of its storage, and it sets out the rules both sides must follow.",
    "A server stores documents in folders that form a tree, and for each folder it can list the names of the "
    "items it holds, with a version for each of them, so that a client can tell at once which of its copies "
    "are out of date and fetch only those, which saves time and bandwidth on slow links.",
    "Requests are made over https, and a request is considered successful if the response code is in the "
    "range of two hundred, and unsuccessful if an error occurred or a condition was not met by it.",
]


def _wrapped(width: int, header: list[str]) -> str:
    """The header's lines, then WRAPPED and MORE wrapped at `width` (20 line breaks or more)."""
    import textwrap

    return "\n\n".join(["\n".join(header), *("\n".join(textwrap.wrap(p, width)) for p in (*WRAPPED, *MORE))])


def test_a_dump_wrapped_under_its_longest_lines_is_unwrapped_at_its_own_column():
    # a few lines of the header run some columns past the text's column (two columns of a title page)
    header = ["Network Working Group Internet Draft Jane Doe Example University",
              "Intended Status: Proposed Standard Example University (independent)",
              "Expires: 18 June 2025 Document: draft-doe-storage-04 15 December 2024"]
    assert split_lines(normalise_text(_wrapped(62, header))) == [*header, *WRAPPED, *MORE]


def test_a_dump_wrapped_at_its_longest_lines_is_unwrapped_as_before():
    header = ["Network Working Group", "Jane Doe"]
    assert split_lines(normalise_text(_wrapped(72, header))) == [*header, *WRAPPED, *MORE]


NOTICE = "Copyright (c) 2024 Example Trust and the persons identified as the document authors. All rights reserved."


def test_a_rights_notice_in_a_documents_front_matter_does_not_end_its_text():
    text = [*WRAPPED[1:], *MORE, *BODY, CLOSE]  # more than four times the prose above the notice
    record = _cleaned("Remote storage protocol", "Abstract", WRAPPED[0], "Copyright Notice", NOTICE, *text)
    assert record["paragraphs"] == [WRAPPED[0], *text]


def test_a_rights_notice_under_the_article_still_ends_it():
    record = _cleaned(*HEADER, *BODY, *MORE, NOTICE, "INTRODUCTION", *WRAPPED)
    assert record["paragraphs"] == [*BODY, *MORE]


# --- an inline box of links, then the article's next section --------------------------------------------
BOX = ("Read more", "* Ferry fares to rise in the spring", "* Harbour board elects a new chair")


def test_the_article_resumes_under_a_subheading_below_an_inline_box():
    # a gallery's longer captions further down hold the densest run: the article is the run above the
    # "Read more" heading, taken on across the box (run._end_across_inline_boxes)
    gallery = ["Photos from the week", *(["Share", "Facebook", "Twitter"] * 4), *WRAPPED]
    record = _cleaned(*HEADER, *BODY, *BOX, "Who pays for the plant", MORE[0], *gallery)
    assert [p for p in record["paragraphs"] if p in BODY or p in MORE] == [*BODY, MORE[0]]
    assert not set(BOX) & set(record["paragraphs"])


def test_an_inline_box_over_short_lines_still_ends_the_article():
    record = _cleaned(*HEADER, *BODY, *BOX, "Most read", "Ferry fares to rise", "Harbour board elects a chair",
                      "Privacy Policy", "Terms of Use")
    assert record["paragraphs"] == BODY


# --- a teaser card's summary with its link's label run on ----------------------------------------------
CARDS = (
    "Ferry fares to rise in the spring The harbour board says fuel costs forced its hand, and it will review "
    "the fares again in the autumn. Read now",
    "Harbour board elects a new chair The former port engineer takes over as the board faces a costly dredging "
    "season. Read more »",
    "Storm damage to the pier will cost more than expected Engineers found cracks under the deck in... more",
    "Tide gauge fails after the storm The county says a new gauge will take a month to arrive. Read on",
)


@pytest.mark.parametrize("text", CARDS)
def test_a_summary_run_into_its_link_label_is_a_teaser(text):
    assert v.TEASER_TAIL.search(text) and ln.classify([text])[0].kind == "boilerplate"


@pytest.mark.parametrize(
    "text",
    ["The council will meet again next month to read more of the report before it votes on the plan.",
     "Residents said they wanted the board to do more. More than 200 people signed the petition to read more",
     "She said the city should spend less on consultants and more on the pipes themselves, and do it soon. More",
     "Jane Doe is a reporter at the Harbor Times. She covers the port and the county board. Read more"],
)
def test_a_paragraph_ending_in_more_is_no_teaser(text):
    assert ln.classify([text])[0].reason != "ui_vocabulary"


def test_teaser_cards_under_a_related_heading_stay_out_of_the_article():
    record = _cleaned(*HEADER, *BODY, *MORE, "Related coverage", *CARDS, "Privacy Policy")
    assert record["paragraphs"] == [*BODY, *MORE]


# --- a long lead over a review's box of short lines ----------------------------------------------------
LEAD = (
    "The county's new water plant is the biggest public works project the east bank has seen in a generation, "
    "and the board's vote on Tuesday settled a fight that began when the old plant failed a state inspection "
    "in 2015. Supporters said the county had no choice but to build, since repairs would cost nearly as much as "
    "a new plant and would buy only a few more years, while critics said the board never priced the west bank "
    "site fairly and rushed the vote before the election in the spring."
)
SCORE_BOX = ("Key facts", "* Capacity 12 million gallons a day", "* Cost $60 million", "* Opens 2027",
             "Gallery: The water plant site | 14 Photos", "14", "*", "*", "Our score", "Poor", "Good", "Excellent",
             "87", "Pros", "* Cleaner water for 40,000 homes", "* Paid for by rates, not taxes", "Cons",
             "* Rates rise $4 a month", "* Built on the flood plain", "Summary")


def test_a_long_lead_over_a_box_of_short_lines_is_the_articles():
    record = _cleaned("Board approves water plant", "March 5, 2024", LEAD, *SCORE_BOX, *BODY, *MORE, CLOSE)
    assert record["paragraphs"][0] == LEAD


def test_a_short_paragraph_over_a_long_menu_is_not_pulled_in():
    blurb = ("Ferry fares will rise by a fifth in the spring, the harbour board said on Monday, after fuel costs "
             "doubled over the winter and the ferry company asked the county for help.")  # another story's teaser
    menu = [f"* Section {name}" for name in ("News", "Sport", "Business", "Opinion", "Culture", "Travel", "Food",
                                              "Homes", "Jobs", "Cars", "Weather", "Puzzles", "Obituaries", "Events")]
    record = _cleaned(blurb, *menu, "Board approves water plant", "March 5, 2024", *BODY, *MORE, CLOSE)
    assert blurb not in record["paragraphs"]


def test_an_indented_list_item_of_a_wrapped_dump_is_rejoined():
    # the items were indented deeper than the text: their lines break some columns short of the text's
    items = ["* 429 if the client makes too many requests or is suspected", "of malicious activity,",
             "* 404 for all requests to documents that do not", "exist on the storage,"]
    dump = _wrapped(72, ["Network Working Group", "Jane Doe"]) + "\n\n" + "\n".join(items)
    lines = split_lines(normalise_text(dump))
    assert lines[-2:] == ["* 429 if the client makes too many requests or is suspected of malicious activity,",
                          "* 404 for all requests to documents that do not exist on the storage,"]


def test_a_capitalised_line_under_an_unended_line_of_a_wrapped_dump_stays_apart():
    items = ["* 429 if the client makes too many requests or is suspected", "Of the two codes, 429 is the newer."]
    dump = _wrapped(72, ["Network Working Group", "Jane Doe"]) + "\n\n" + "\n".join(items)
    assert split_lines(normalise_text(dump))[-2:] == items


# --- a data table under its title and header row -------------------------------------------------------
TABLE = ("Most active board members", "By motions By votes cast",
         "Lena Morrow 63 16.6% Tom Roe 455 88.1%", "Ana Lind 56 14.7% Lena Morrow 261 3.8%",
         "Tom Roe 46 12.1% Ana Lind 110 1.6%", "Carla Weiss 33 8.7% Derek Morgan 45 0.7%",
         "Derek Morgan 27 7.1% Carla Weiss 43 0.6%")


def test_a_table_under_its_title_and_header_row_stays_in_the_article():
    record = _cleaned(*HEADER, *BODY, *TABLE, *MORE, CLOSE)
    assert [p for p in record["paragraphs"] if p in TABLE] == list(TABLE)


def test_a_menu_between_paragraphs_is_no_table():
    menu = ("Most read", "Sections and pages", "News Sport Business", "Opinion Culture Travel", "Food Homes Jobs")
    record = _cleaned(*HEADER, *BODY, *menu, *MORE, CLOSE)
    assert not set(menu) & set(record["paragraphs"])
