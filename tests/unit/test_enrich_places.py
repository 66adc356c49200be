"""Story evidence added in session 16: reports quoting different people join on a rare specific place
(a town, a facility, a named event; not a country, capital, top-level subdivision, state abbreviation or
world region), a shared headline word of what happened and some text. Invented articles and names."""

from __future__ import annotations

import copy

import pytest

from workers.stages import enrich as en, similarity
from workers.stages.enrich.evidence import (
    DATELINE_STATE_ABBREVIATIONS, broad_places, headline_words, is_specific, specific_keys,
)
from workers.stages.enrich.postings import EntityPostings
from record_factory import restarted_index, tagged_record as tagged

NOW = 1_700_000_000.0


@pytest.mark.parametrize(
    "key, specific",
    [
        ("GPE:dunmere", True),  # a small town (invented)
        ("FAC:dunmere dam", True),  # a facility
        ("EVENT:storm odessa", True),  # a named event
        ("GPE:kladno", True),  # an ISO 3166-2 district under a region: often a town's name too
        ("GPE:kent", True),  # an English county under England
        ("GPE:canada", False),  # a country
        ("GPE:ottawa", False),  # a capital
        ("GPE:bayern", False),  # a top-level ISO 3166-2 subdivision (pycountry, no parent)
        ("GPE:vermont", False),  # a US state
        ("GPE:nuevo león", False),  # ... with diacritics
        ("GPE:nuevo leon", False),  # ... and without, as newswire writes it
        ("GPE:tenn", False),  # an AP dateline state abbreviation ("Tenn.")
        ("GPE:n h", False),  # ... dotted: "N.H." in entity-key form
        ("GPE:w va", False),  # ... "W.Va."
        ("LOC:europe", False),  # a world region
        ("ORG:dunmere council", False),  # organisations are not specific
        ("NORP:dunmerian", False),
        ("P:dunmere", False),
    ],
)
def test_specific_keys_rows(key, specific):
    assert is_specific(key) is specific
    assert specific_keys({key: 1.0, "GPE:canada": 1.0}, {key: 0.5}) == ([key] if specific else [])


def test_every_ap_state_abbreviation_is_broad_in_entity_key_form():
    assert len(DATELINE_STATE_ABBREVIATIONS) == 42  # the 50 states less the 8 the AP writes in full
    for form in DATELINE_STATE_ABBREVIATIONS:
        assert " ".join(similarity.words(form)) in broad_places(), form


def hashes(*words: str) -> frozenset[int]:
    return frozenset(similarity.hash32(similarity.stem(w)) for w in words)


def entity(name: str, label: str) -> dict:
    return {"name": name, "label": label}


@pytest.mark.parametrize(
    "title, entities, words",
    [
        ("Eruption forces Dunmere villagers from their homes", [entity("Dunmere", "GPE")],
         ("eruption", "forces", "villagers", "homes")),  # the place's words are left out, stopwords too
        ("Dunmere Hospital turns away patients", [entity("Dunmere Hospital", "ORG")],
         ("dunmere", "hospital", "turns", "away", "patients")),  # an organisation's words are kept
        ("Mayor Lin Odell praises firefighters", [entity("Lin Odell", "PERSON")],
         ("mayor", "praises", "firefighters")),  # a person's are not
        ("Train derails, 12 hurt in the valley", [], ("train", "derails", "hurt", "valley")),  # no digits
        ("Firefighter's day", [], ("firefighter", "day")),  # possessive folded like text items
        (None, [entity("Dunmere", "GPE")], ()),
    ],
)
def test_headline_words_rows(title, entities, words):
    assert headline_words(title, entities) == hashes(*words)


@pytest.mark.parametrize(
    "persons, persons_both, text, specific, headline, same",
    [
        (0.0, 0.0, 0.09, 1, True, True),  # different people, a rare place, a headline word, some text
        (0.5, 0.0, 0.09, 1, True, True),  # people partly shared (< person_overlap): still different
        (0.0, 0.0, 0.08, 1, True, False),  # too little text
        (0.0, 0.0, 0.30, 0, True, False),  # no specific place
        (0.0, 0.0, 0.30, 2, False, False),  # no headline word in common
        (None, None, 0.09, 1, True, False),  # no people named: the no-person test decides
        (1.0, 1.0, 0.09, 1, True, False),  # the same people: their text tier (0.15) decides
    ],
)
def test_same_event_place_rows(persons, persons_both, text, specific, headline, same):
    rules = en.StoryRules()
    assert rules.same_event(persons, text, 0.0, None, 0, persons_both, specific, headline) is same


ERUPTION_WIRE = tagged(
    "eruption-wire", "Volcano eruption forces evacuation of Dunmere",
    "Mount Carrow erupted on Tuesday, sending ash over the town of Dunmere in Norland and forcing "
    "the evacuation of villages on its slopes, the civil protection agency said.\n\n\"The ash column "
    "reached several kilometres,\" agency head Ravi Ostrander said. Flights were suspended.",
    ["Ravi Ostrander"], ["Dunmere", "Norland"],
)
ERUPTION_LOCAL = tagged(
    "eruption-local", "In Dunmere, ash and fear after the eruption",
    "Residents of Dunmere swept grey ash from roofs on Wednesday, a day after Mount Carrow erupted and "
    "villages on its slopes were evacuated.\n\n\"We heard a roar and then the sky went dark,\" said "
    "baker Ilse Varga, whose shop stayed shut.",
    ["Ilse Varga"], ["Dunmere"],
)
# the same town, another happening the same week
FESTIVAL = tagged(
    "festival", "Dunmere cheese festival draws record crowds",
    "The cheese festival in Dunmere drew record crowds on Saturday, organisers said, with stalls lining "
    "the main square.\n\n\"We sold out by noon,\" said dairy farmer Oskar Brandt.",
    ["Oskar Brandt"], ["Dunmere"],
)


def test_reports_of_one_eruption_quoting_different_people_join_on_the_town():
    stories = en.StoryIndex()
    a, b = (stories.member_of(r, NOW) for r in (ERUPTION_WIRE, ERUPTION_LOCAL))
    score = stories.score(a, b)
    assert score["persons"] == 0.0 and score["figures"] == 0, score
    assert score["specific"] == 1 and score["headline"] and score["same_story"], score
    for order in ([ERUPTION_WIRE, ERUPTION_LOCAL], [ERUPTION_LOCAL, ERUPTION_WIRE]):
        ids = story_ids(order)
        assert ids["eruption-wire"] == ids["eruption-local"]


def test_the_same_town_another_happening_is_another_story():
    stories = en.StoryIndex()
    score = stories.score(*(stories.member_of(r, NOW) for r in (ERUPTION_LOCAL, FESTIVAL)))
    assert score["specific"] == 1 and not score["headline"] and not score["same_story"], score
    ids = story_ids([ERUPTION_WIRE, ERUPTION_LOCAL, FESTIVAL])
    assert ids["festival"] == "festival"


def moved(record: dict, town: str) -> dict:
    """The record with its town "Dunmere" (body, title, entity names) renamed `town`."""
    record = copy.deepcopy(record)
    record["body"], record["title"] = record["body"].replace("Dunmere", town), record["title"].replace("Dunmere", town)
    for e in record["entities"]:
        e["name"] = e["name"].replace("Dunmere", town)
    return record


@pytest.mark.parametrize("place", ["Ottawa", "Vermont", "Tenn."])
def test_a_broad_place_shared_is_not_evidence(place):
    stories = en.StoryIndex()
    score = stories.score(*(stories.member_of(moved(r, place), NOW) for r in (ERUPTION_WIRE, ERUPTION_LOCAL)))
    assert score["specific"] == 0 and score["headline"] and not score["same_story"], score


def story_ids(records: list[dict], stories: en.StoryIndex | None = None) -> dict[str, str]:
    stories = en.StoryIndex() if stories is None else stories
    return {r["id"]: en.enrich(copy.deepcopy(r), stories, NOW)["story_id"] for r in records}


def test_a_place_many_remembered_articles_name_is_not_evidence():
    """A place more than rare_entity_articles remembered articles name is not specific evidence."""
    common = en.StoryIndex(rare_entity_articles=1)
    rare = en.StoryIndex(rare_entity_articles=2)
    for stories in (common, rare):
        story_ids([ERUPTION_WIRE, FESTIVAL], stories)  # two articles name Dunmere now
    assert common.postings.entity_df("GPE:dunmere") == 2
    assert en.enrich(copy.deepcopy(ERUPTION_LOCAL), common, NOW)["story_id"] == "eruption-local"
    assert en.enrich(copy.deepcopy(ERUPTION_LOCAL), rare, NOW)["story_id"] == "eruption-wire"


def test_entry_keeps_headline_words_and_a_restart_gives_the_same_ids():
    stories = en.StoryIndex()
    story_ids([ERUPTION_WIRE], stories)
    entry, restarted = restarted_index(stories, "eruption-wire")
    assert entry["headline"] == sorted(headline_words(ERUPTION_WIRE["title"], ERUPTION_WIRE["entities"]))
    assert restarted.entry("eruption-wire") == entry
    assert en.enrich(copy.deepcopy(ERUPTION_LOCAL), restarted, NOW)["story_id"] == "eruption-wire"


def test_an_entry_written_before_headline_words_loads_and_never_passes_the_place_test():
    stories = en.StoryIndex()
    story_ids([ERUPTION_WIRE], stories)
    _old, restarted = restarted_index(stories, "eruption-wire", without="headline")
    assert restarted.entry("eruption-wire")["headline"] == []
    assert en.enrich(copy.deepcopy(ERUPTION_LOCAL), restarted, NOW)["story_id"] == "eruption-local"


def test_rare_specific_keys_with_a_rare_headline_word_find_candidates_that_name_people():
    postings = EntityPostings()
    ash, fog = hashes("ash"), hashes("fog")
    postings.add("wire", {"P:ostrander": 1.5, "GPE:dunmere": 0.5, "ORG:agency": 1.0}, frozenset(), ash)
    new = {"P:varga": 1.5, "GPE:dunmere": 0.5, "ORG:agency": 1.0}
    town = frozenset({"GPE:dunmere"})
    assert postings.candidates(new) == set()  # other entities only among articles naming no person
    assert postings.candidates(new, specific=town, max_entity_df=1, headline=ash) == {"wire"}
    assert postings.candidates(new, specific=town, max_entity_df=0, headline=ash) == set()  # town not rare
    assert postings.candidates(new, specific=town, max_entity_df=1, headline=fog) == set()  # no word shared
    assert postings.candidates(new, specific=town, max_entity_df=1, headline=ash, max_headline_df=0) == set()


def test_a_headline_word_many_remembered_headlines_hold_is_not_evidence():
    """A headline word more than common_headline_articles remembered headlines hold is everyday."""
    everyday = en.StoryIndex(common_headline_articles=1)
    rare = en.StoryIndex(common_headline_articles=2)
    other = tagged("other-eruption", "Eruption on a far island", "An eruption on a far island closed a port.", [], [])
    for stories in (everyday, rare):
        story_ids([ERUPTION_WIRE, other], stories)  # two headlines hold "eruption" now
    assert everyday.postings.headline_df(similarity.hash32(similarity.stem("eruption"))) == 2
    assert en.enrich(copy.deepcopy(ERUPTION_LOCAL), everyday, NOW)["story_id"] == "eruption-local"
    assert en.enrich(copy.deepcopy(ERUPTION_LOCAL), rare, NOW)["story_id"] == "eruption-wire"


def test_forget_drops_headline_postings():
    stories = en.StoryIndex()
    story_ids([ERUPTION_WIRE], stories)
    stories.postings.add("x", {}, frozenset(), headline_words("Eruption", []))
    eruption = similarity.hash32(similarity.stem("eruption"))
    assert stories.postings.headlines[eruption] == {"eruption-wire", "x"}
    stories.forget("eruption-wire")
    assert stories.postings.headlines == {eruption: {"x"}}
    stories.postings.forget("x", {}, frozenset(), headline_words("Eruption", []))
    assert not stories.postings.headlines


def test_warm_builds_the_broad_places_table_before_the_first_article():
    from workers.stages import enrich as enrich_stage
    from workers.stages.enrich import evidence as enrich_evidence

    enrich_evidence.broad_places.cache_clear()
    assert enrich_evidence.broad_places.cache_info().currsize == 0
    enrich_stage.warm()
    assert enrich_evidence.broad_places.cache_info().currsize == 1
