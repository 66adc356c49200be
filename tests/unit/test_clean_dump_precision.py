"""Kinds of plain-text dumps read in the twelfth session on the dev pages (bench.ablation_text's pages:
the held-out sets' dev thirds and web-pages-en): social-media embeds inside the article, ... Each rule
beside the near case it must leave alone; the pages are invented."""

from __future__ import annotations

import pytest
from probe_texts import BODY
from probe_texts import cleaned as _cleaned

from workers.stages.clean import lines as ln
from workers.stages.clean import vocabulary as v

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
