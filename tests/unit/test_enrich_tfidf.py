"""Story evidence added in session 17 (ST3): the TF-IDF cosine of two articles' content words, document
frequencies from the articles the index remembers, times a Gaussian decay of the time between them
(Miranda et al., "Multilingual Clustering of Streaming News", EMNLP 2018), joins two reports whoever they
quote (`StoryRules.tfidf_similarity`). Invented articles and names."""

from __future__ import annotations

import copy
import math

import pytest

from workers.stages import enrich as en, similarity
from workers.stages.enrich import evidence
from workers.stages.enrich.postings import EntityPostings
from record_factory import tagged_record as tagged

H = similarity.hash32


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Floods floods FLOODED the valley", {"flood": 3, "valley": 1}),  # stemmed, case folded
        ("The 40 of us and it", {}),  # stopwords, short words and digits out
        ("Marta Velkova said the dam held", {"marta": 1, "velkova": 1, "dam": 1, "held": 1}),  # names kept
    ],
)
def test_term_counts_rows(text, expected):
    assert evidence.term_counts(text) == {H(w): c for w, c in expected.items()}


def test_term_counts_keeps_the_most_frequent():
    text = " ".join(f"word{n:03d}" for n in range(evidence.TERMS_KEPT + 10)) + " harbour harbour"
    counts = evidence.term_counts(text)
    assert len(counts) == evidence.TERMS_KEPT and counts[H("harbour")] == 2


def test_tfidf_vector_is_unit_and_an_everywhere_term_weighs_nothing():
    counts = {1: 3, 2: 1, 3: 1}
    df = {1: 1, 2: 10, 3: 4}.get
    vector = evidence.tfidf_vector(counts, df, 10)
    assert math.isclose(math.fsum(x * x for x in vector.values()), 1.0)
    assert vector[2] == 0.0 and vector[1] > vector[3] > 0
    assert evidence.tfidf_vector({2: 5}, df, 10) == {}


@pytest.mark.parametrize(
    "a, b, expected",
    [({1: 1.0}, {1: 1.0}, 1.0), ({1: 1.0}, {2: 1.0}, 0.0), ({1: 0.6, 2: 0.8}, {2: 1.0}, 0.8), ({}, {1: 1.0}, 0.0)],
)
def test_cosine_rows(a, b, expected):
    assert math.isclose(evidence.cosine(a, b), expected) and math.isclose(evidence.cosine(b, a), expected)


@pytest.mark.parametrize(
    "seconds, expected", [(0.0, 1.0), (3600.0, math.exp(-0.5)), (7200.0, math.exp(-2.0)), (float("inf"), 0.0)],
)
def test_time_decay_rows(seconds, expected):
    assert math.isclose(evidence.time_decay(seconds, 3600.0), expected)


@pytest.mark.parametrize(
    "tfidf, persons, same",
    [
        (0.28, 0.0, True),  # different people quoted, the same rare words close in time
        (0.28, None, True),  # no people named
        (0.27, 0.0, False),  # just under: the place test decides (nothing else here)
        (0.0, 0.0, False),
    ],
)
def test_same_event_tfidf_rows(tfidf, persons, same):
    rules = en.StoryRules()
    assert rules.same_event(persons, 0.05, 0.0, None, 0, persons, 0, False, 0.0, tfidf) is same


def test_tfidf_of_decays_with_time():
    rules = en.StoryRules()
    a, b = {1: 0.6, 2: 0.8}, {1: 0.6, 2: 0.8}
    assert math.isclose(rules.tfidf_of(a, b, 0.0), 1.0)
    assert math.isclose(rules.tfidf_of(a, b, rules.tfidf_decay_seconds), math.exp(-0.5))
    assert rules.tfidf_of({}, b, 0.0) == 0.0


def test_similar_needs_shared_heavy_rare_terms():
    postings = EntityPostings()
    postings.add("both", {}, terms={1: 1, 2: 1})
    postings.add("one", {}, terms={1: 1, 9: 1})
    postings.add("common", {}, terms={3: 1, 4: 1})
    postings.add("common2", {}, terms={3: 1, 4: 1})
    postings.add("common3", {}, terms={3: 1, 4: 1})
    vector = {1: 0.7, 2: 0.5, 3: 0.4, 4: 0.3}
    assert postings.similar(vector, top=10, min_shared=2, max_term_df=5) == {"both", "common", "common2", "common3"}
    assert postings.similar(vector, top=10, min_shared=2, max_term_df=2) == {"both"}  # 3, 4: too common
    assert postings.similar(vector, top=1, min_shared=1, max_term_df=5) == {"both", "one"}
    postings.forget("both", {}, terms={1: 1, 2: 1})
    assert postings.term_df(1) == 1 and postings.term_df(2) == 0 and 2 not in postings.terms


# One ferry sinking told by a wire (a coastguard officer) and a local paper (a survivor); no place in
# common that the place test could use (the wire names the region, the paper the harbour).
WIRE = tagged(
    "ferry-wire", "Ferry capsizes in storm, dozens rescued from the water",
    "A passenger ferry capsized in a storm on Tuesday night and coastguard boats pulled dozens of people from "
    "the water, coastguard commander Piet Alvarsen said.\n\nThe ferry, the Morning Gull, was carrying "
    "passengers and cars across the strait when waves flooded its car deck and it rolled onto its side. "
    "Divers searched the hull for passengers through the night.",
    ["Piet Alvarsen"], [],
)
LOCAL = tagged(
    "ferry-local", "Survivor of ferry capsizing describes night in the water",
    "Survivor Lena Moritz clung to a life raft for three hours after the ferry Morning Gull capsized in the "
    "storm on Tuesday night.\n\n\"The car deck flooded and the ferry rolled onto its side in a minute,\" Moritz "
    "said. Coastguard divers searched the hull for passengers through the night.",
    ["Lena Moritz"], [], hour=14,
)
FILLERS = [
    tagged(f"filler{n}", title, body, [], [])
    for n, (title, body) in enumerate([
        ("Council approves budget for schools", "The council approved a budget for schools and roads on Tuesday."),
        ("Bakery wins prize for bread", "A bakery won a national prize for its bread and pastries this week."),
        ("Storm warning for the weekend", "Forecasters issued a storm warning for the weekend with strong winds."),
        ("Train timetable changes in June", "The rail company will change its train timetable in June, it said."),
        ("Museum reopens after repairs", "The museum reopened on Tuesday after two years of repairs to its roof."),
    ])
]


def story_ids(records: list[dict], hours: list[float]) -> dict[str, str]:
    stories = en.StoryIndex()
    return {r["id"]: en.enrich(copy.deepcopy(r), stories, 1_709_280_000.0 + h * 3600)["story_id"]
            for r, h in zip(records, hours)}


@pytest.mark.parametrize("order", [[WIRE, LOCAL], [LOCAL, WIRE]])
def test_two_outlets_quoting_different_people_join(order):
    ids = story_ids(FILLERS + order, [0.0] * 7)
    assert ids["ferry-wire"] == ids["ferry-local"]
    assert len(set(ids.values())) == 6  # the fillers stay apart


def test_without_tfidf_they_would_not_join_and_days_apart_they_do_not():
    stories = en.StoryIndex()
    for r in FILLERS:
        en.enrich(copy.deepcopy(r), stories, 1_709_280_000.0)
    a, b = (stories.member_of(r, 1_709_280_000.0) for r in (WIRE, LOCAL))
    joined = stories.score(a, b)
    assert joined["same_story"] and joined["tfidf"] >= stories.rules.tfidf_similarity, joined
    assert not stories.score(a, b, tfidf=False)["same_story"]
    later = stories.member_of({**LOCAL, "fetched_at": "2024-03-03T14:00:00+00:00"}, 1_709_280_000.0)
    far = stories.score(a, later)
    assert far["in_window"] and not far["same_story"] and far["tfidf"] < joined["tfidf"] * 0.2, far


def test_terms_survive_the_table_entry_and_older_entries_load_without_them():
    stories = en.StoryIndex()
    en.enrich(copy.deepcopy(WIRE), stories, 1_709_280_000.0)
    entry = stories.entry("ferry-wire")
    restored = en.StoryIndex()
    restored.load(entry)
    assert restored.entry("ferry-wire") == entry and restored.postings.term_df(H("ferry")) == 1
    old = en.StoryIndex()
    old.load({k: v for k, v in entry.items() if k != "terms"})
    assert old.postings.term_df(H("ferry")) == 0
    old.forget("ferry-wire")
    assert not old.postings.terms
