"""Story evidence added in session 17: the same people more than a news day apart
(`StoryRules.same_people_seconds`) are another matter of theirs unless a figure or much text
(`text_overlap_later`) agrees: an official's two matters two days apart are told with the same names and
some of the same words. Invented articles and names."""

from __future__ import annotations

import copy

import pytest

from workers.stages import enrich as en, similarity
from workers.stages.enrich.rules import Member
from record_factory import tagged_record as tagged

HOUR = 3600.0
NOW = 1_700_000_000.0


def member(published: float | None, fetched: float) -> Member:
    return Member("x", fetched, published, fetched, {}, similarity.bottom_k(set(), 8), 0)


@pytest.mark.parametrize(
    "a, b, hours",
    [
        ((NOW, NOW), (NOW + 30 * HOUR, NOW + 31 * HOUR), 30.0),  # both dated: publication times
        ((None, NOW), (None, NOW + 5 * HOUR), 5.0),  # both undated: fetch times
        ((NOW, NOW + HOUR), (None, NOW + 10 * HOUR), 10.0),  # dated, fetched promptly: its publication
        ((NOW - 900 * HOUR, NOW), (None, NOW + 10 * HOUR), 10.0),  # a backfill: fetch times
        ((NOW + 100 * HOUR, NOW + 101 * HOUR), (None, NOW), float("inf")),  # published after the other's fetch + window
    ],
)
def test_apart_rows(a, b, hours):
    rules = en.StoryRules()
    x, y = member(*a), member(*b)
    assert rules.apart(x, y) == rules.apart(y, x) == hours * HOUR
    assert rules.in_window(x, y) is (hours * HOUR <= rules.window_seconds)


@pytest.mark.parametrize(
    "persons, persons_both, text, figures_shared, hours, same",
    [
        (1.0, 1.0, 0.16, 0, 20, True),  # the same people within a news day: the relaxed tier (0.15)
        (1.0, 0.5, 0.20, 0, 24, True),  # ... the ordinary tier (0.2), at the day's end
        (1.0, 1.0, 0.24, 0, 25, False),  # a day apart: another matter of theirs, however alike the names
        (1.0, 1.0, 0.25, 0, 50, True),  # ... unless much of the text agrees
        (1.0, 0.5, 0.20, 1, 50, True),  # ... or a figure does
        (0.0, 0.0, 0.09, 0, 50, False),  # different people: the place test decides, not this one
        (None, None, 0.30, 0, 50, False),  # no people: the no-person test (entities 0 here)
    ],
)
def test_same_event_later_day_rows(persons, persons_both, text, figures_shared, hours, same):
    rules = en.StoryRules()
    assert rules.same_event(persons, text, 0.0, None, figures_shared, persons_both, apart=hours * HOUR) is same


def dated(record: dict, day: int, hour: int) -> dict:
    stamp = f"2024-03-{day:02d}T{hour:02d}:00:00+00:00"
    return {**record, "published_at": stamp, "fetched_at": stamp}


TARIFF = dated(tagged(
    "tariff", "Norland cuts tariff on rice imports to curb prices",
    "Norland will cut the tariff on imported rice until the end of the year to bring down prices that have "
    "climbed since the dry season, trade minister Ilse Brandvik said on Monday.\n\n\"Families are paying "
    "too much for a bag of rice,\" Brandvik told a news conference in Harlow. Importers must register with "
    "the ministry and shipments will be inspected at the port.",
    ["Ilse Brandvik"], ["Norland", "Harlow"],
), 4, 10)
TARIFF_TRADERS = dated(tagged(
    "tariff-traders", "Rice traders welcome tariff cut as prices climb",
    "Rice traders in Harlow welcomed the cut in the tariff on imported rice on Monday evening, saying prices "
    "for a bag of rice could fall within weeks once shipments clear the port.\n\nTrade minister Ilse "
    "Brandvik announced the cut, which runs until the end of the year, to bring down prices after the dry season.",
    ["Ilse Brandvik"], ["Harlow"],
), 4, 20)
# the same minister's next matter two days later, mentioning the first in passing
LICENCES = dated(tagged(
    "licences", "Norland trade minister defends export licences before MPs",
    "Trade minister Ilse Brandvik on Wednesday defended the ministry's export licences for timber before a "
    "parliamentary committee examining an audit that found licences had been sold on to brokers.\n\n\"Where "
    "the rules were broken, the licences will be withdrawn and the companies barred,\" Brandvik told the "
    "committee in Harlow. Auditors said sawmills without a licence had shipped logs through two brokers, and "
    "the committee's chair asked why inspectors had signed the forms.\n\nOn Monday she cut the tariff on "
    "imported rice.",
    ["Ilse Brandvik"], ["Harlow"],
), 6, 12)


def story_ids(records: list[dict]) -> dict[str, str]:
    stories = en.StoryIndex()
    return {r["id"]: en.enrich(copy.deepcopy(r), stories, en.parse_time(r["fetched_at"]))["story_id"] for r in records}


@pytest.mark.parametrize("order", [[TARIFF, TARIFF_TRADERS, LICENCES], [LICENCES, TARIFF_TRADERS, TARIFF]])
def test_a_ministers_next_matter_two_days_later_is_another_story(order):
    ids = story_ids(order)
    assert ids["tariff"] == ids["tariff-traders"]
    assert ids["licences"] not in (ids["tariff"], ids["tariff-traders"])


def test_the_same_matter_two_days_later_would_have_joined_within_the_day():
    stories = en.StoryIndex()
    a, b = (stories.member_of(r, NOW) for r in (TARIFF, LICENCES))
    later = stories.score(a, b)
    assert later["persons"] == 1.0 and later["figures"] == 0 and not later["same_story"], later
    same_day = stories.score(a, stories.member_of(dated(LICENCES, 4, 12), NOW))
    assert same_day["text"] == later["text"] and same_day["same_story"], same_day
