"""Kinds a second tenth-session probe of page shapes found (invented pages: an article with a timeline, an
article with social-media embeds, a translated article): a timeline's dated entry is no date
line, an embed's own labels are interface, and a translation note is an editor's note over the
dateline. Each rule beside the near case it must leave alone."""

from __future__ import annotations

import pytest
from probe_texts import BODY
from probe_texts import cleaned as _cleaned

from workers.records import raw_record
from workers.stages.clean import clean
from workers.stages.clean import dates
from workers.stages.clean import lines as ln
from workers.stages.clean import vocabulary as v



@pytest.mark.parametrize(
    "text",
    ["March 4, 2024: Talks end without agreement.", "5 March 2024: The board votes 5-2 for the plant.",
     "June 12, 2018: Engineers declare the old bridge unsafe for trucks.",
     "2024-03-04: Bids come in 40 percent over budget!"],
)
def test_a_timelines_dated_entry_is_no_date_line(text):
    assert dates.date_line(text) is None


@pytest.mark.parametrize(
    ("text", "published"),
    [("March 4, 2024", "2024-03-04"), ("March 4, 2024: 10:40 a.m.", "2024-03-04"),
     ("5 March 2024 | 10:40", "2024-03-05"), ("March 4, 2024: Politics", "2024-03-04")],
)
def test_a_date_line_with_a_colon_is_still_a_date_line(text, published):
    found = dates.date_line(text)
    assert found is not None and found[0].startswith(published)


def test_a_timeline_entry_dated_near_the_page_date_stays_in_the_body():
    entry = "* March 4, 2024: Talks end without agreement."
    record = _cleaned("Board approves water plant", "By Ana Lind", "March 5, 2024", BODY[0],
                      "* June 12, 2018: Engineers declare the old plant unsafe.", entry, *BODY[1:])
    assert record["published_at"] == "2024-03-05"
    assert entry in record["paragraphs"]


@pytest.mark.parametrize(
    "text",
    ["View this post on Instagram", "A post shared by Metro Riders Union (@metroriders)",
     "A post shared by Ana Lind - studio (@ana.lind) on Apr 27, 2020 at 9:24am PDT", "View this video on TikTok"],
)
def test_an_embeds_own_labels_are_interface(text):
    assert v.WIDGET_LINE.match(text)
    assert ln.classify([text])[0].kind == "boilerplate"


@pytest.mark.parametrize(
    "text",
    ["A post shared by the mayor drew angry replies on Tuesday.", "View this post on our website for the gallery.",
     "A photo shared by the family shows the two brothers on the pier."],
)
def test_a_sentence_about_a_shared_post_is_no_widget(text):
    assert not v.WIDGET_LINE.match(text)


@pytest.mark.parametrize(
    "note",
    ["This article was translated from Spanish.", "This story has been translated from the Portuguese by Ana Lind.",
     "This article was originally published in French and translated by Tom Roe."],
)
def test_the_dateline_is_read_under_a_translation_note(note):
    record = _cleaned("Board approves water plant", note, f"LIMA — {BODY[0]}", *BODY[1:])
    assert record["dateline"] == "LIMA"
    assert note in record["paragraphs"]  # the note is the outlet's text: it stays


@pytest.mark.parametrize(
    "opening",
    ["This article was translated into six languages by volunteers who worked through the night on it.",
     "The story was published in the spring, when the plant had already failed three times since 1990."],
)
def test_a_paragraph_about_translating_or_publishing_still_hides_a_later_dateline(opening):
    record = _cleaned("Board approves water plant", opening, f"LIMA — {BODY[0]}", *BODY[1:])
    assert record["dateline"] is None


_ITEMS = [
    ("1. Ashford Falls", "Ashford Falls in April. Photo: Jane Doe/Valley Echo",
     "The falls are at their loudest in April, when the snowmelt comes down from the ridge, and the town's one "
     "bakery opens at six."),
    ("2. Bellmoor", "Bellmoor in April. Photo: Jane Doe/Valley Echo",
     "A market town with a covered hall from 1840, where farmers still sell eggs and cheese every Saturday."),
    ("3. Corran", "Corran in April. Photo: Jane Doe/Valley Echo",
     "Grey seals haul out on the sandbar below the harbor wall, and boat trips leave twice a day from the slip."),
]


def test_a_list_articles_item_headings_stay_over_their_photo_captions_and_with_one_word_names():
    lines = ["Ten small towns worth a detour", "By Ana Lind", "March 5, 2024", BODY[0]]
    for item in _ITEMS:
        lines += list(item)
    record = _cleaned(*lines)
    for heading, caption, text in _ITEMS:
        assert heading in record["paragraphs"]
        assert text in record["paragraphs"]


def test_a_one_word_item_heading_needs_its_neighbour_item():
    alone = ["Ten small towns worth a detour", "By Ana Lind", "March 5, 2024", BODY[0], "2. Bellmoor", BODY[1], BODY[2]]
    assert "2. Bellmoor" not in _cleaned(*alone)["paragraphs"]
    paired = alone[:5] + [BODY[1], "3. Corran Bay", BODY[2]]
    assert "2. Bellmoor" in _cleaned(*paired)["paragraphs"]


def test_a_one_word_numbered_line_in_lower_case_or_over_no_prose_is_no_heading():
    lines = ["Ten small towns worth a detour", "By Ana Lind", "March 5, 2024", BODY[0], "2. bellmoor", BODY[1],
             "3. Corran", "Corran in April. Photo: Jane Doe/Valley Echo", "4. Dunmere", BODY[2]]
    record = _cleaned(*lines)
    assert "2. bellmoor" not in record["paragraphs"]
    assert "3. Corran" not in record["paragraphs"]


@pytest.mark.parametrize(
    "text",
    ["Which town would you add to the list? Tell us in the comments.", "Let us know what you think in the comments below.",
     "What do you think? Let us know in the comments!", "Tell us in the comments",
     # the German invitation, alone or before its question (a line over 80 characters)
     "Verraten Sie uns in den Kommentaren: Welche Stadt würden Sie noch auf die Liste setzen?",
     "Schreibt es gerne in die Kommentare!"],
)
def test_an_invitation_to_comment_is_a_comment_prompt(text):
    line = ln.classify([text])[0]
    assert (line.kind, line.reason) == ("boilerplate", "comment_prompt")


@pytest.mark.parametrize(
    "text",
    ["Tell us in the comments what you saw at the parade and we will print the best ones next week.",
     "Residents asked: would the plant close? Officials said it would not, and the board agreed.",
     "Sagen Sie in den Kommentaren, was Sie beim Umzug gesehen haben, und wir drucken die besten Beiträge."],
)
def test_a_sentence_asking_readers_for_more_is_still_prose(text):
    assert ln.classify([text])[0].kind == "prose"


@pytest.mark.parametrize(("masthead", "source"), [("The Midlands Echo", "The Midlands Echo"),
                                                   ("Ottawa Valley Citizen", "Ottawa Valley Citizen"),
                                                   ("Midlands Weather", None)])
def test_a_dumps_masthead_with_a_papers_name_word_is_the_source(masthead, source):
    record = _cleaned(masthead, "Board approves water plant", "By Ana Lind", "5th March 2024", *BODY)
    assert record["source"] == source
    assert record["published_at"] == "2024-03-05"


def _page(title: str, site: str | None) -> str:
    og = f'<meta property="og:site_name" content="{site}">' if site else ""
    return (f'<html><head><title>{title}</title>{og}<link rel="canonical" href="https://valleyledger.com/news/2024/03/05/x/">'
            f'</head><body><article><h1>Board approves water plant</h1><p>By Ana Lind</p>'
            + "".join(f"<p>{p}</p>" for p in BODY) + "</article></body></html>")


@pytest.mark.parametrize(
    ("title", "site", "source"),
    [("Board approves water plant | Valley Ledger", None, "Valley Ledger"),
     ("Board approves water plant | Valley Ledger", "valleyledger.com", "Valley Ledger"),
     ("Board approves water plant - Recipe - ValleyLedger.com", "ValleyLedger.com", "ValleyLedger.com"),
     ("Board approves water plant | Valley Ledger", "The Valley Ledger", "The Valley Ledger")],
)
def test_a_host_name_as_site_name_gives_way_to_the_titles_plain_site_name(title, site, source):
    record = clean(raw_record("r", _page(title, site), content_type="text/html", fetched_at="2024-12-01T00:00:00+00:00"))
    assert record["source"] == source
