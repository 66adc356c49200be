"""Dedupe stage: exact and near duplicates, first-seen attribution, persistence and expiry."""

from __future__ import annotations

import json
import random

import numpy as np
import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.gold import GOLD_PATH
from record_factory import article_record
from workers.stages.clean import content_hash
from workers.records import validate
from workers.stages import dedupe as dd
from workers.stages import similarity

NOW = 1_700_000_000.0
WORDS = (
    "minister council talks delegation agreement summit treaty proposal officials statement "
    "government defence security alliance meeting capital spokesman reporters conference "
    "pressure sanctions region border troops negotiations economy budget parliament vote"
).split()


def record(article_id: str, body: str, title: str | None = "A title") -> dict:
    body = "\n\n".join(p for p in body.split("\n\n") if p.strip())
    return article_record(
        article_id, body, title=title, source="example.org", fetched_at="2024-01-01T00:00:00+00:00"
    )


def article(seed: int, paragraphs: int = 10) -> str:
    rng = random.Random(seed)
    return "\n\n".join(
        " ".join(
            " ".join(rng.choice(WORDS) for _ in range(rng.randint(10, 20))).capitalize() + "."
            for _ in range(rng.randint(1, 3))
        )
        for _ in range(paragraphs)
    )


def gold_bodies() -> dict[str, str]:
    if not GOLD_PATH.exists():
        pytest.skip("gold seeds not available")
    return {i: a["body"] for i, a in sorted(json.loads(GOLD_PATH.read_text())["articles"].items())}


def substitute(body: str, n: int, seed: int = 0) -> str:
    rng = random.Random(seed)
    words = body.split(" ")
    for i in rng.sample(range(len(words)), n):
        words[i] = "zzz" + str(i)
    return " ".join(words)


def drop_paragraph(body: str) -> str:
    paragraphs = body.split("\n\n")
    del paragraphs[len(paragraphs) // 2]
    return "\n\n".join(paragraphs)


EDITS = {
    "chrome_wrapped": lambda b: "Advertisement\n\n" + b + "\n\nShare this article on Facebook and Twitter",
    "paragraph_dropped": drop_paragraph,
    "sentence_added": lambda b: b + " Officials said further talks were planned for next week.",
    "3_words_changed": lambda b: substitute(b, 3),
    "6_words_changed": lambda b: substitute(b, 6),
    "whitespace_and_case": lambda b: b.upper().replace(". ", ".  "),
    "punctuation_changed": lambda b: b.replace(",", "").replace(".", " -"),
}


@pytest.fixture
def index() -> dd.DedupeIndex:
    return dd.DedupeIndex()


def test_unique_record_is_valid_and_remembered(index):
    out = dd.dedupe(record("a", article(1)), index, NOW)
    validate("unique", out)
    assert out["status"] == "unique" and out["pipeline"]["dedupe"]["version"] == dd.VERSION
    assert len(index) == 1 and "a" in index


@pytest.mark.parametrize(
    "second_id, body_seed, reason, duplicate_of",
    [
        ("a", 1, "same_id", "a"),  # at-least-once redelivery
        ("a", 2, "same_id", "a"),  # same id, other content: still the same article
        ("b", 1, "same_content", "a"),
    ],
)
def test_exact_duplicates(index, second_id, body_seed, reason, duplicate_of):
    dd.dedupe(record("a", article(1)), index, NOW)
    out = dd.dedupe(record(second_id, article(body_seed)), index, NOW + 1)
    validate("duplicate", out)
    assert (out["status"], out["reason"], out["duplicate_of"], out["similarity"]) == (
        "duplicate", reason, duplicate_of, 1.0,
    )
    assert len(index) == 1


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_near_duplicates_of_seeds(index, edit):
    bodies = gold_bodies()
    for n, (i, body) in enumerate(bodies.items()):
        assert dd.dedupe(record(i, body), index, NOW + n)["status"] == "unique"
    for i, body in bodies.items():
        out = dd.dedupe(record(i + "-copy", EDITS[edit](body)), index, NOW + 10)
        validate("duplicate", out)
        assert out["reason"] == "near_duplicate", (i, out)
        assert out["duplicate_of"] == i
        assert index.threshold <= out["similarity"] <= 1.0


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_near_duplicates_of_synthetic_articles(index, edit):
    for n in range(20):
        dd.dedupe(record(f"s{n}", article(n)), index, NOW + n)
    for n in range(20):
        out = dd.dedupe(record(f"v{n}", EDITS[edit](article(n))), index, NOW + 100)
        assert (out["status"], out["duplicate_of"]) == ("duplicate", f"s{n}"), out


def test_distinct_articles_on_one_event_are_not_duplicates(index):
    """The five seeds are distinct (000/002 and 003/004 report the same meetings)."""
    for n, (i, body) in enumerate(gold_bodies().items()):
        out = dd.dedupe(record(i, body), index, NOW + n)
        assert out["status"] == "unique", out


@pytest.mark.parametrize("kept", [0.3, 0.5])
def test_heavily_rewritten_article_is_not_a_duplicate(index, kept):
    body = article(3, paragraphs=12)
    dd.dedupe(record("a", body), index, NOW)
    paragraphs = body.split("\n\n")
    keep = int(len(paragraphs) * kept)
    rewritten = "\n\n".join(paragraphs[:keep] + article(99, paragraphs=12 - keep).split("\n\n"))
    assert dd.dedupe(record("b", rewritten), index, NOW)["status"] == "unique"


def test_duplicate_of_is_the_first_article_seen(index):
    body = article(5)
    dd.dedupe(record("first", body), index, NOW)
    # a loaded later article with nearly the same body (e.g. from a changelog) must not win
    later = dd.DedupeIndex()
    dd.dedupe(record("later", substitute(body, 2, seed=1)), later, NOW + 50)
    index.load(later.entry("later"))
    out = dd.dedupe(record("third", substitute(body, 2, seed=2)), index, NOW + 100)
    assert out["duplicate_of"] == "first"


def test_duplicates_are_not_remembered_and_redelivery_is_stable(index):
    dd.dedupe(record("a", article(1)), index, NOW)
    first = dd.dedupe(record("b", substitute(article(1), 3)), index, NOW + 1)
    again = dd.dedupe(record("b", substitute(article(1), 3)), index, NOW + 2)
    assert first["reason"] == again["reason"] == "near_duplicate"
    assert again["duplicate_of"] == "a" and "b" not in index


def test_threshold_is_configurable():
    strict = dd.DedupeIndex(threshold=0.99)
    dd.dedupe(record("a", article(1)), strict, NOW)
    assert dd.dedupe(record("b", substitute(article(1), 10)), strict, NOW)["status"] == "unique"


@pytest.mark.parametrize("body", ["Short.", "Two words", "!!! ???", "\u201c\u201d"])
def test_short_and_wordless_bodies(index, body):
    assert dd.dedupe(record("a", body), index, NOW)["status"] == "unique"
    assert dd.dedupe(record("b", body), index, NOW)["reason"] == "same_content"
    round_trip = dd.DedupeIndex()
    round_trip.load(orjson.loads(orjson.dumps(index.entry("a"))))
    assert dd.dedupe(record("c", body), round_trip, NOW)["duplicate_of"] == "a"


def test_expire_drops_old_entries_and_their_lsh_keys(index):
    dd.dedupe(record("old", article(1)), index, NOW)
    dd.dedupe(record("new", article(2)), index, NOW + 1000)
    assert index.expire(NOW + 500) == ["old"]
    assert "old" not in index and len(index) == 1
    assert index.nearest(index.signature(article(1))[0]) is None  # band keys gone too
    assert not len(index.lsh.candidates(index.lsh.keys(index.signature(article(1))[0][None])[0], index.slots.alive))
    out = dd.dedupe(record("again", article(1)), index, NOW + 2000)
    assert out["status"] == "unique"
    assert index.first_with_hash(content_hash(article(1))) == "again"
    assert sorted(index.expire(NOW + 10**6)) == ["again", "new"]
    assert len(index) == 0 and index.nearest(index.signature(article(2))[0]) is None


def test_entry_load_round_trip_rebuilds_a_working_index(index):
    bodies = {f"s{n}": article(n) for n in range(30)}
    for n, (i, body) in enumerate(bodies.items()):
        dd.dedupe(record(i, body), index, NOW + n)
    entries = [orjson.loads(orjson.dumps(index.entry(i))) for i in bodies]
    assert all(len(orjson.dumps(e)) < 1000 for e in entries)
    restored = dd.DedupeIndex()
    for entry in entries:
        restored.load(entry)
    restored.load(entries[0])  # loading twice (changelog replay) is harmless
    assert len(restored) == 30
    assert dd.dedupe(record("s3", "x"), restored, NOW)["reason"] == "same_id"
    assert dd.dedupe(record("c", bodies["s4"]), restored, NOW)["duplicate_of"] == "s4"
    out = dd.dedupe(record("d", substitute(bodies["s5"], 3)), restored, NOW)
    assert (out["reason"], out["duplicate_of"]) == ("near_duplicate", "s5")
    assert sorted(restored.expire(NOW + 10)) == sorted(f"s{n}" for n in range(10))


def test_entry_with_other_num_perm_keeps_exact_checks():
    small = dd.DedupeIndex(num_perm=64)
    dd.dedupe(record("a", article(1)), small, NOW)
    big = dd.DedupeIndex(num_perm=128)
    big.load(small.entry("a"))
    assert dd.dedupe(record("b", article(1)), big, NOW)["reason"] == "same_content"
    assert dd.dedupe(record("c", substitute(article(1), 3)), big, NOW)["status"] == "unique"


def test_signature_encoding_round_trip():
    m = similarity.minhash_values(similarity.shingle_hashes(similarity.words(article(1)), 3), 128)
    values = similarity.decode_u32(similarity.encode_u32(m))
    assert values.dtype == np.uint32 and (values == m).all()


@settings(max_examples=40, deadline=None)
@given(st.text(min_size=1, max_size=400).filter(lambda t: t.strip()))
def test_any_text_is_unique_once_then_a_duplicate(text):
    index = dd.DedupeIndex()
    first = dd.dedupe(record("a", text), index, NOW)
    validate("unique", first)
    second = dd.dedupe(record("b", text), index, NOW)
    validate("duplicate", second)
    assert second["duplicate_of"] == "a"


@pytest.mark.parametrize("containment, expected", [(0.9, "duplicate"), (None, "unique")])
def test_longer_version_is_a_near_duplicate_by_containment(containment, expected):
    index = dd.DedupeIndex(threshold=0.7, containment=containment)
    body = article(11, paragraphs=10)
    dd.dedupe(record("a", body), index, NOW)
    longer = body + "\n\n" + article(12, paragraphs=5)
    jaccard = len(
        similarity.shingles(similarity.words(body), 3) & similarity.shingles(similarity.words(longer), 3)
    ) / len(similarity.shingles(similarity.words(body), 3) | similarity.shingles(similarity.words(longer), 3))
    assert 0.6 < jaccard < 0.7  # below the threshold: only containment can find it
    out = dd.dedupe(record("b", longer), index, NOW)
    assert out["status"] == expected
    if expected == "duplicate":
        assert out["duplicate_of"] == "a" and out["similarity"] < 0.7
        validate("duplicate", out)


def test_short_article_inside_a_long_one_is_not_a_duplicate(index):
    short = article(21, paragraphs=3)
    dd.dedupe(record("short", short), index, NOW)
    long = article(22, paragraphs=6) + "\n\n" + short + "\n\n" + article(23, paragraphs=6)
    assert dd.dedupe(record("long", long), index, NOW)["status"] == "unique"


def test_a_record_that_fails_is_not_remembered():
    index = dd.DedupeIndex()
    broken = record("broken", article(7))
    del broken["pipeline"]
    with pytest.raises(KeyError):
        dd.dedupe(broken, index, now=1.0)
    assert "broken" not in index
    assert dd.dedupe(record("fine", article(7)), index, now=2.0)["status"] == "unique"
