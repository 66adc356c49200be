"""Held-out story grouping: tests/fixtures/stories (events reported 2-3 times, written differently,
plus same-topic distractors: next quarter's results, the team's next match, the same two leaders'
later summit, a same-week event with the same people) tagged by the real entities stage.

Measured (bench.dedupe "held-out stories", 47 articles, 22 arrival orders): pairwise precision
1.000, recall min 0.818, mean 0.884. The three events in KNOWN_SPLITS stay split in some or all
orders; every other event is grouped in every order. The articles with "batch": "post-tuning" were written after the rule was tuned on the
others (on them alone the rule first merged a second incident into the first: place share fixed it).
"""

from __future__ import annotations

import itertools
import random

import pytest

import json

from bench.dedupe import (
    STORY_SETS,
    held_out_articles,
    held_out_scores,
    held_out_tagged,
    pairwise,
    seed_records_by_entities_stage,
    story_groups_of,
)
from bench.gold import GOLD_PATH
from workers.stages import enrich as en, similarity

ARTICLES = held_out_articles()
STORIES: dict[str, list[str]] = {}
for _id, _article in sorted(ARTICLES.items()):
    STORIES.setdefault(_article["story"], []).append(_id)
EVENTS = sorted(s for s, ids in STORIES.items() if len(ids) > 1)
SINGLES = sorted(s for s, ids in STORIES.items() if len(ids) == 1)
KNOWN_SPLITS = {
    "brightwater_q3": "the local report's only PERSON is a plant manager (the entities stage labels 'Klein' GPE); "
    "it joins the wire report on two figures in most orders, not when the brief comes between them",
    "novalink_ruling": "wire and local reports share too few content words beyond the names (0.12 < 0.15)",
    "quake_peru": "no people, and the entities stage finds no place in the local report",
}


@pytest.fixture(scope="module")
def records(nlp) -> dict[str, dict]:
    return held_out_tagged(ARTICLES, nlp)


def orders(records: dict[str, dict], n: int = 3) -> list[list[str]]:
    by_fetch = sorted(records, key=lambda i: (records[i]["fetched_at"], i))
    rng = random.Random(11)
    return [by_fetch, by_fetch[::-1]] + [rng.sample(by_fetch, len(by_fetch)) for _ in range(n)]


def test_fixture_shape():
    assert len(EVENTS) >= 8 and len(SINGLES) >= 8
    for article in ARTICLES.values():
        assert {"id", "title", "body", "published_at", "fetched_at", "entities", "story"} <= set(article)


@pytest.mark.parametrize("story", EVENTS + SINGLES)
def test_no_other_event_joins_the_story(records, story):
    """Precision: in every arrival order no article of another event shares a story id with it."""
    mine = set(STORIES[story])
    for order in orders(records):
        groups = story_groups_of(records, order)
        ours = {groups[i] for i in mine}
        intruders = sorted(i for i in records if i not in mine and groups[i] in ours)
        assert not intruders, (order[:3], intruders)


@pytest.mark.parametrize("story", [s for s in EVENTS if s not in KNOWN_SPLITS])
def test_reports_of_one_event_share_a_story(records, story):
    """Recall: the 2-3 reports of an event end in one story in every arrival order (the events
    in KNOWN_SPLITS are known misses, counted by the pairwise recall floor instead)."""
    for order in orders(records):
        groups = story_groups_of(records, order)
        assert len({groups[i] for i in STORIES[story]}) == 1, order[:3]


def test_pairwise_scores(records):
    results, merged, split = held_out_scores(records, ARTICLES, orders(records, 8))
    assert min(r[0] for r in results) == 1.0, merged
    assert min(r[1] for r in results) >= 0.8, split


def test_gold_seeds_tagged_by_the_entities_stage_keep_their_groups(nlp):
    if not GOLD_PATH.exists():
        pytest.skip("gold seeds not available")
    gold = json.loads(GOLD_PATH.read_text())["dedupe"]["story_groups"]
    seeds = seed_records_by_entities_stage(nlp)
    for order in itertools.permutations(sorted(seeds)):
        stories = en.StoryIndex()
        groups = {i: en.enrich(dict(seeds[i]), stories, 1_700_000_000.0)["story_id"] for i in order}
        assert pairwise(groups, gold) == (1.0, 1.0, 1.0), order


def test_undated_article_is_placed_at_its_fetch_time_next_to_a_promptly_fetched_one():
    stories = en.StoryIndex(window_seconds=72 * 3600)
    day = 86400.0
    dated = en.Member("a", 0.0, 10 * day, 10 * day + 600, {}, similarity.bottom_k([], 8), 0)
    undated_later = en.Member("b", 0.0, None, 17 * day, {}, similarity.bottom_k([], 8), 0)
    undated_near = en.Member("c", 0.0, None, 11 * day, {}, similarity.bottom_k([], 8), 0)
    assert not stories.rules.in_window(dated, undated_later) and not stories.rules.in_window(undated_later, dated)
    assert stories.rules.in_window(dated, undated_near)
    # a backfilled dated article (fetched long after publication): compare fetch times
    backfill = en.Member("d", 0.0, 1 * day, 17 * day, {}, similarity.bottom_k([], 8), 0)
    assert stories.rules.in_window(backfill, undated_later)
    assert not stories.rules.in_window(backfill, undated_near)


def test_person_names_are_not_text_evidence():
    entities = [{"name": "Elena Marquez", "label": "PERSON", "mentions": [{"text": "Marquez's"}]}]
    drop = en.person_words(entities)
    items = en.text_items("President Elena Marquez signed the lithium accord; Marquez's aides cheered", drop)
    assert not any(w in item for item in items for w in ("marquez", "elena"))
    assert "lithium accord" in items and "president lithium" not in items  # no bigram across a name
    assert en.text_items("Marquez signed") == {"marquez", "sign", "marquez sign"}


def test_news_agencies_are_not_shared_entities():
    assert en.entity_key("Reuters", "ORG") is None and en.entity_key("Associated Press", "ORG") is None
    assert en.entity_key("Reuters", "PERSON") == "P:reuters"


@pytest.mark.parametrize(
    "a, b, share",
    [
        ({"GPE:peru": 1.0}, {"GPE:chile": 1.0}, 0.0),
        ({"GPE:denver": 1.0, "ORG:faa": 1.0}, {"GPE:denver": 0.5, "GPE:seattle": 0.5}, 0.5),
        ({"GPE:denver": 0.45, "GPE:phoenix": 0.9}, {"GPE:denver": 1.0}, 0.333),
        ({"ORG:usgs": 1.0}, {"GPE:chile": 1.0}, None),
    ],
)
def test_place_share(a, b, share):
    got = en.place_share(a, b)
    assert (got is None) if share is None else round(got, 3) == share


def test_every_pair_is_scored_symmetrically(records):
    stories = en.StoryIndex()
    members = {i: stories.member_of(r, en.parse_time(r["fetched_at"])) for i, r in records.items()}
    for a, b in itertools.combinations(sorted(members), 2):
        x, y = stories.score(members[a], members[b]), stories.score(members[b], members[a])
        assert x["same_story"] == y["same_story"], (a, b)


def test_session_11_set_precision_in_every_order_and_its_recall_floor(nlp):
    """tests/fixtures/stories_s11 (27 articles written before the figures rule: reports of one event
    quoting different people, and hard negatives in the same place, with the same minister, or of the
    same kind): no false merge in any order; recall 0.667 (0.278 before the place rule of session 16,
    first run before the figures rule: 0.040)."""
    articles = held_out_articles(STORY_SETS[1])
    records = held_out_tagged(articles, nlp)
    results, merged, _ = held_out_scores(records, articles, orders(records, 8))
    assert min(r[0] for r in results) == 1.0, merged
    assert min(r[1] for r in results) >= 0.66


def test_session_15_set_precision_in_every_order_and_its_recall_floor(nlp):
    """tests/fixtures/stories_s15 (22 articles written in session 15: reports of one event quoting different
    people; hard negatives: an agency head's and a minister's next matter one and two days later): no false
    merge in any order since the same people a news day apart need a figure or more text (session 17;
    before: P min 0.583); recall 0.636 (0.364 before: the false merges also took reports from their story)."""
    articles = held_out_articles(STORY_SETS[2])
    records = held_out_tagged(articles, nlp)
    results, merged, _ = held_out_scores(records, articles, orders(records, 8))
    assert min(r[0] for r in results) == 1.0, merged
    assert min(r[1] for r in results) >= 0.63
