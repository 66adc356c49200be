"""Interface lines inside lists and widgets' loading status (issue 10 item 2), row by row: a list item
whose text is a whole-line interface row ("- 941 comments", as trafilatura writes a list item) is chrome
as the same line outside a list is; "Loading comments..." is a widget's status, not the article."""

from __future__ import annotations

import pytest

from workers.stages.clean import lines as ln
from workers.stages.clean import vocabulary as v


@pytest.mark.parametrize("text, reason", [
    ("- 317 comments", "comment_prompt"),
    ("* 12 Comments", "comment_prompt"),
    ("• Leave a reply", "comment_prompt"),
    ("- Share this", "ui_vocabulary"),
    ("– Load more", "ui_vocabulary"),
    ("- Read more: Harbour pier to close for repairs", "ui_vocabulary"),
])
def test_a_list_item_that_is_an_interface_line_is_chrome(text, reason):
    (line,) = ln.classify([text])
    assert (line.kind, line.reason) == ("boilerplate", reason)


@pytest.mark.parametrize("text", [
    "- The pier will close for repairs until the end of the year",
    "- Fishing crews move to the southern quay",
    "* Comments from residents were mostly positive",
    "- Jane Doe, harbour master",
])
def test_a_list_item_of_article_text_is_not(text):
    (line,) = ln.classify([text])
    assert line.kind != "boilerplate"


@pytest.mark.parametrize("text", [
    "Loading comments...", "Loading Comments...", "Loading tide tables ...", "Loading ...", "Loading…",
    "Loading video player…", "Loading...",
])
def test_a_loading_status_is_an_interface_line(text):
    assert v.UI_LINE.match(text)
    (line,) = ln.classify([text])
    assert (line.kind, line.reason) == ("boilerplate", "ui_vocabulary")


@pytest.mark.parametrize("text", [
    "Loading the ferry with cars took three hours...",
    "Loading bay",
    "Loading the ship with grain was slow, the crew said.",
    "Loading comments",
])
def test_text_about_loading_is_not(text):
    assert not v.UI_LINE.match(text)
