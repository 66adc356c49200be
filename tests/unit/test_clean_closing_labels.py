"""vocabulary.CLOSING_LABELS: comment-section and rail labels that close an article, as section headings
(sections.heading_kind) and as blocks cut out of a flattened page (blocks.CHROME_LABELS); invented text."""

from __future__ import annotations

import pytest

from workers.stages.clean import blocks, sections
from workers.stages.clean import vocabulary as v
from workers.stages.clean.core import clean


@pytest.mark.parametrize(("kind", "label"), v.CLOSING_LABELS)
def test_each_closing_label_is_a_section_heading(kind: str, label: str) -> None:
    for case in blocks.label_cases(label):
        assert sections.heading_kind(case) == kind
        assert sections.heading_kind(f"{case}:") == kind


@pytest.mark.parametrize(("kind", "label"), v.CLOSING_LABELS)
def test_each_closing_label_is_cut_out_of_a_flattened_line(kind: str, label: str) -> None:
    for case in blocks.label_cases(label):
        assert case in blocks.CHROME_LABELS
        line = f"The pier reopens in the spring after the repairs. {case} Ana Ruiz wrote the first reply here"
        assert case in blocks.chrome_phrases(line)


@pytest.mark.parametrize("text", [
    "Explore further afield this summer",  # a sentence that opens with a label's words
    "There are no comments from the council yet on the pier",
    "Latest news from the harbour board",
    "Post comments on the plan by Friday",
    "Readers comments",
    "Notify me",
])
def test_near_labels_are_no_section_heading(text: str) -> None:
    assert sections.heading_kind(text) is None


@pytest.mark.parametrize(("label", "cases"), [
    ("add a comment", ("Add a comment", "Add a Comment")),
    ("notify me of new comments", ("Notify me of new comments", "Notify Me of New Comments")),
    ("explore further", ("Explore further", "Explore Further")),
])
def test_label_cases(label: str, cases: tuple[str, str]) -> None:
    assert blocks.label_cases(label) == cases


def test_a_closing_label_ends_a_flattened_article() -> None:
    story = " ".join(f"The harbour board heard from {n} more pilots on Tuesday before it voted on the channel plan."
                     for n in range(2, 30))
    rail = " ".join(f"Ferry timetable {n} changes again as the winter season starts early this year." for n in range(2, 12))
    line = f"{story} View the discussion thread {rail}"
    body = clean({"id": "closing-1", "content": line, "content_type": "text/plain"})["body"]
    assert "voted on the channel plan" in body
    assert "Ferry timetable" not in body


@pytest.mark.parametrize("label", v.TEASER_RAIL_LABELS)
def test_each_teaser_rail_label_is_a_teasers_heading_cut_out_in_title_case(label: str) -> None:
    title = blocks.label_cases(label)[1]
    assert sections.heading_kind(label) == "teasers"
    assert sections.heading_kind(title) == "teasers"
    line = f"The ferry crews voted for the new rota on Tuesday. {title} Harbour pier to close for repairs"
    assert title in blocks.chrome_phrases(line)


@pytest.mark.parametrize("text", [
    "Don't miss the last ferry to the island on Sunday, the harbour master said.",  # sentence case opens a sentence
    "The crew stood up next to the pier and waited for the tide to turn again.",
    "Top stories about the harbour were read in other news rooms across the coast.",
])
def test_a_teaser_rail_label_in_sentence_case_is_not_cut(text: str) -> None:
    assert blocks.chrome_phrases(text) == [text]
