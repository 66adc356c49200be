"""Enrich stage: story groups (same event, not same topic), time window, persistence, expiry."""

from __future__ import annotations

import copy
import itertools
import json

import orjson
import pytest

from bench.gold import GOLD_PATH
from workers.records import validate
from workers.stages import enrich as en
from record_factory import article_record

NOW = 1_700_000_000.0


def tagged(article_id: str, body: str, entities: list[tuple[str, str]], **fields) -> dict:
    """A tagged record; entities as (name, label) with mentions found in the body."""
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    body = "\n\n".join(paragraphs)
    found = []
    for name, label in entities:
        start = body.find(name)
        if start < 0:
            start = body.find(name.split()[-1])
            name_text = name.split()[-1]
        else:
            name_text = name
        if start < 0:
            continue
        mention = {"start": start, "end": start + len(name_text), "text": name_text, "field": "body"}
        found.append({"name": name, "label": label, "count": 1, "salience": 0.5, "mentions": [mention]})
    record = article_record(
        article_id, body, "tagged", fetched_at="2024-01-01T00:00:00+00:00", entities=found
    )
    record.update(fields)
    return record


@pytest.fixture(scope="module")
def gold() -> dict:
    if not GOLD_PATH.exists():
        pytest.skip("gold seeds not available")
    return json.loads(GOLD_PATH.read_text())


@pytest.fixture(scope="module")
def seed_records(gold) -> dict[str, dict]:
    records = {}
    for i, a in sorted(gold["articles"].items()):
        pairs = [(name, label) for label, names in a["entities"].items() for name in names]
        records[i] = tagged(
            i, a["body"], pairs, title=a.get("title"), published_at=a.get("published_at"),
            updated_at=a.get("updated_at"), dateline=a.get("dateline"),
        )
    return records


def partition(groups: dict[str, str]) -> set[frozenset]:
    by_story: dict[str, set] = {}
    for article_id, story in groups.items():
        by_story.setdefault(story, set()).add(article_id)
    return {frozenset(g) for g in by_story.values()}


def run(records: list[dict], stories: en.StoryIndex, now: float = NOW) -> dict[str, str]:
    out = {}
    for r in records:
        enriched = en.enrich(copy.deepcopy(r), stories, now)
        validate("enriched", enriched)
        assert enriched["duplicate_of"] is None and enriched["status"] == "enriched"
        out[r["id"]] = enriched["story_id"]
    return out


@pytest.mark.parametrize("order", list(itertools.permutations(range(5)))[::7])
def test_story_groups_on_gold_seeds_equal_gold_groups(gold, seed_records, order):
    ids = sorted(seed_records)
    groups = run([seed_records[ids[k]] for k in order], en.StoryIndex())
    assert partition(groups) == {frozenset(g) for g in gold["dedupe"]["story_groups"]}
    for story_id in groups.values():  # a story is named after one of its articles
        assert story_id in groups


def test_same_topic_different_people_is_another_story(seed_records):
    """001 (a later meeting, another minister) shares topic and NATO's chief with 003/004."""
    ids = sorted(seed_records)
    stories = en.StoryIndex()
    run([seed_records[ids[3]], seed_records[ids[4]]], stories)
    assert run([seed_records[ids[1]]], stories)[ids[1]] == ids[1]


def test_redelivery_keeps_its_story(seed_records):
    ids = sorted(seed_records)
    stories = en.StoryIndex()
    first = run([seed_records[ids[0]], seed_records[ids[2]]], stories)
    assert run([seed_records[ids[2]]], stories) == {ids[2]: first[ids[2]]}
    assert len(stories) == 2


@pytest.mark.parametrize(
    "second_fields, joins",
    [
        ({}, True),
        ({"fetched_at": "2024-01-02T12:00:00+00:00"}, True),
        ({"fetched_at": "2024-01-05T00:00:01+00:00"}, False),
        ({"published_at": "2011-06-08", "fetched_at": "2024-01-01T00:00:00Z"}, True),
        ({"published_at": "2024-01-09", "fetched_at": "2024-01-09T00:00:00Z"}, False),
    ],
)
def test_time_window(seed_records, second_fields, joins):
    ids = sorted(seed_records)
    stories = en.StoryIndex(window_seconds=72 * 3600)
    a = dict(seed_records[ids[3]], published_at=None)
    b = {**seed_records[ids[4]], "published_at": None, **second_fields}
    groups = run([a, b], stories)
    assert (groups[ids[3]] == groups[ids[4]]) is joins


def test_surname_only_names_still_match(seed_records):
    ids = sorted(seed_records)
    b = copy.deepcopy(seed_records[ids[2]])
    for e in b["entities"]:
        if e["label"] == "PERSON":
            e["name"] = "Mr " + e["name"].split()[-1]
    groups = run([seed_records[ids[0]], b], en.StoryIndex())
    assert groups[ids[2]] == ids[0]


def test_article_without_entities_starts_its_own_story(seed_records):
    ids = sorted(seed_records)
    bare = dict(seed_records[ids[2]], id="bare", entities=[])
    groups = run([seed_records[ids[0]], bare], en.StoryIndex())
    assert groups["bare"] == "bare"


def test_entry_load_round_trip_and_expire(seed_records):
    ids = sorted(seed_records)
    stories = en.StoryIndex()
    for n, i in enumerate([ids[0], ids[3], ids[1]]):
        run([seed_records[i]], stories, now=NOW + n)
    entries = [orjson.loads(orjson.dumps(stories.entry(i))) for i in (ids[0], ids[3], ids[1])]
    restored = en.StoryIndex()
    for e in entries:
        restored.load(e)
    restored.load(entries[0])
    assert len(restored) == 3
    groups = run([seed_records[ids[2]], seed_records[ids[4]]], restored, now=NOW + 10)
    assert groups == {ids[2]: ids[0], ids[4]: ids[3]}
    assert sorted(restored.expire(NOW + 1.5)) == [ids[0], ids[3]]
    assert ids[0] not in restored and not any(ids[0] in p for p in restored.postings.all.values())
    # once 000 and 003 are gone their stories live on through 002 and 004
    again = run([dict(seed_records[ids[0]], id="000-again")], restored, now=NOW + 20)
    assert again["000-again"] == ids[0]


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2011-06-08T14:37:00", 1307543820.0),
        ("2011-06-08", 1307491200.0),
        ("2011-06-08T14:37:00Z", 1307543820.0),
        ("2011-06-08T16:37:00+02:00", 1307543820.0),
        ("yesterday", None),
        (None, None),
    ],
)
def test_parse_time(value, expected):
    assert en.parse_time(value) == expected


@pytest.mark.parametrize(
    "name, label, key",
    [
        ("Anders Fogh Rasmussen", "PERSON", "P:rasmussen"),
        ("Mr Serdyukov", "PERSON", "P:serdyukov"),
        ("Martin Luther King Jr.", "PER", "P:king"),
        ("the United States", "GPE", "GPE:united states"),
        ("NATO-Russia Council", "ORG", "ORG:nato russia council"),
        ("...", "ORG", None),
    ],
)
def test_entity_keys(name, label, key):
    assert en.entity_key(name, label) == key


@pytest.mark.parametrize("first", ["with_persons", "without_persons"])
def test_grouping_without_persons_does_not_depend_on_arrival_order(seed_records, first):
    ids = sorted(seed_records)
    with_persons = seed_records[ids[3]]
    without = copy.deepcopy(seed_records[ids[4]])
    without["entities"] = [e for e in without["entities"] if e["label"] != "PERSON"]
    order = [with_persons, without] if first == "with_persons" else [without, with_persons]
    stories = en.StoryIndex()
    groups = run(order, stories)
    score = stories.explain(ids[3], ids[4])
    assert score["persons"] is None
    assert (groups[ids[3]] == groups[ids[4]]) is score["same_story"]
