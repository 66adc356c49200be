"""Story evidence added in session 11: shared figures join reports that quote different people, and
the relaxed same-people text tier needs each article's people named by the other. Invented articles."""

from __future__ import annotations

import copy

import pytest

from workers.stages import enrich as en
from workers.stages.enrich.evidence import figures
from workers.stages.enrich.postings import EntityPostings
from record_factory import restarted_index, tagged_record as tagged

NOW = 1_700_000_000.0


@pytest.mark.parametrize(
    "text, expected",
    [
        ("at least 14 dead and 1,250 evacuated", {14.0, 1250.0}),
        ("a $4 billion line; a 900 million euro offer; 2.4 bn in sales", {4e9, 9e8, 2.4e9}),
        ("twelve miners and a dozen rescuers, twenty trucks", {12.0, 20.0}),
        ("two workers, five years, 6.8 magnitude, $1.31 a share", set()),  # below MIN_FIGURE
        ("in 2021 and by 2032, the 1,700 dead", {1700.0}),  # bare years are not figures
        ("on July 28 and March 12th, at 10:30", set()),  # dates and clock times are not figures
        ("a 127-kilometre line, a 15-year-old, COVID-19, 2025-07-07", {127.0, 15.0}),
    ],
)
def test_figures(text, expected):
    assert figures(text) == frozenset(expected)


FLOOD_NEWS = tagged(
    "flood-news", "River floods Marrowby, 1,250 evacuated",
    "The river Tavy burst its banks in Marrowby on Friday, forcing 1,250 residents from their homes and "
    "damaging 340 houses, the county emergency office said.\n\n\"The water rose a metre in an hour,\" "
    "fire chief Olu Danso said. Pumps were brought in from neighbouring counties overnight.",
    ["Olu Danso"], ["Marrowby"],
)
FLOOD_FEATURE = tagged(
    "flood-feature", "In Marrowby, volunteers hand out blankets after the flood",
    "Volunteers in Marrowby handed out blankets and hot soup on Saturday to some of the 1,250 residents "
    "forced from their homes when the river burst its banks.\n\nAbout 340 houses were damaged, officials "
    "said. \"We lost everything on the ground floor,\" said shop owner Mina Kells.",
    ["Mina Kells"], ["Marrowby"],
)
# the same kind of event elsewhere that happens to give one of the same figures
OTHER_FLOOD = tagged(
    "other-flood", "Floods in Hollins force 1,250 from homes",
    "Volunteers in Hollins handed out blankets on Saturday to 1,250 residents forced from their homes when "
    "the river burst its banks.\n\nAbout 95 houses were damaged, officials said. \"The ground floor is gone,\" "
    "said baker Tom Avery.",
    ["Tom Avery"], ["Hollins"],
)


def story_ids(records: list[dict]) -> dict[str, str]:
    stories = en.StoryIndex()
    return {r["id"]: en.enrich(copy.deepcopy(r), stories, NOW)["story_id"] for r in records}


def test_reports_quoting_different_people_join_on_the_same_figures():
    stories = en.StoryIndex()
    a, b = (stories.member_of(r, NOW) for r in (FLOOD_NEWS, FLOOD_FEATURE))
    score = stories.score(a, b)
    assert score["persons"] == 0.0 and score["figures"] == 2 and score["same_story"], score
    for order in ([FLOOD_NEWS, FLOOD_FEATURE], [FLOOD_FEATURE, FLOOD_NEWS]):
        ids = story_ids(order)
        assert ids["flood-news"] == ids["flood-feature"]


def test_one_shared_figure_is_not_enough():
    ids = story_ids([FLOOD_FEATURE, OTHER_FLOOD])
    assert ids["flood-feature"] != ids["other-flood"]


@pytest.mark.parametrize(
    "persons, persons_both, text, figures_shared, same",
    [
        (0.0, 0.0, 0.12, 2, True),  # different people, two figures, some text
        (0.0, 0.0, 0.11, 2, False),  # two figures but too little text
        (0.0, 0.0, 0.30, 1, False),  # one figure: the people decide
        (None, None, 0.12, 2, True),  # no people named: figures too
        (1.0, 0.5, 0.16, 0, False),  # the other article is mostly about someone else: needs text 0.2
        (1.0, 0.5, 0.16, 1, True),  # ... unless a figure agrees
        (1.0, 0.6, 0.16, 0, True),  # each article's people mostly named by the other
        (1.0, 0.5, 0.20, 0, True),  # enough text for the ordinary person test
    ],
)
def test_same_event_rows(persons, persons_both, text, figures_shared, same):
    rules = en.StoryRules()
    assert rules.same_event(persons, text, 0.0, None, figures_shared, persons_both) is same


def test_entry_keeps_figures_and_a_restart_gives_the_same_ids():
    stories = en.StoryIndex()
    en.enrich(copy.deepcopy(FLOOD_NEWS), stories, NOW)
    entry, restarted = restarted_index(stories, "flood-news")
    assert entry["figures"] == [340.0, 1250.0]
    assert restarted.entry("flood-news") == entry
    assert en.enrich(copy.deepcopy(FLOOD_FEATURE), restarted, NOW)["story_id"] == "flood-news"


def test_an_entry_written_before_figures_loads_without_them():
    stories = en.StoryIndex()
    en.enrich(copy.deepcopy(FLOOD_NEWS), stories, NOW)
    _old, restarted = restarted_index(stories, "flood-news", without="figures")
    assert restarted.entry("flood-news")["figures"] == [] and not restarted.postings.figures


def test_forget_and_expire_drop_figure_postings():
    stories = en.StoryIndex()
    en.enrich(copy.deepcopy(FLOOD_NEWS), stories, NOW)
    en.enrich(copy.deepcopy(OTHER_FLOOD), stories, NOW + 10)
    assert stories.postings.figures[1250.0] == {"flood-news", "other-flood"}
    stories.forget("flood-news")
    assert stories.postings.figures == {1250.0: {"other-flood"}, 95.0: {"other-flood"}}
    assert stories.expire(NOW + 11) == ["other-flood"] and not stories.postings.figures


def test_figure_candidates_need_the_shared_count():
    postings = EntityPostings()
    postings.add("a", {}, frozenset({14.0, 340.0}))
    postings.add("b", {}, frozenset({14.0}))
    assert postings.candidates({}, frozenset({14.0, 340.0}), 2) == {"a"}
    assert postings.candidates({}, frozenset({14.0}), 1) == {"a", "b"}


def test_a_figure_many_remembered_articles_give_is_not_evidence():
    """Figures that more than common_figure_articles remembered articles give are everyday. (The two
    Marrowby reports also share the town and "flood" in their headlines: the place test is turned off,
    rare_entity_articles=0, so the figures decide.)"""
    everyday = en.StoryIndex(common_figure_articles=1, rare_entity_articles=0)
    rare = en.StoryIndex(common_figure_articles=2, rare_entity_articles=0)
    for stories in (everyday, rare):
        en.enrich(copy.deepcopy(FLOOD_NEWS), stories, NOW)
        en.enrich(copy.deepcopy(OTHER_FLOOD), stories, NOW + 10)  # gives 1,250 too: 2 articles now
    assert everyday.postings.figure_df(1250.0) == 2
    assert en.enrich(copy.deepcopy(FLOOD_FEATURE), everyday, NOW + 20)["story_id"] == "flood-feature"
    assert en.enrich(copy.deepcopy(FLOOD_FEATURE), rare, NOW + 20)["story_id"] == "flood-news"
