"""Dedupe index internals: stable signatures, entry format, band index, expiry and compaction."""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
import unicodedata

import numpy as np
import orjson
from hypothesis import given, settings
from hypothesis import strategies as st

from workers.stages import dedupe as dd
from workers.stages import similarity
from workers.stages.clean import content_hash

from tests.unit.test_dedupe import NOW, article, record, substitute

TEXT = "The minister met the delegation in the capital on Tuesday, officials said. Talks resume Friday."
_REFERENCE_WORD = re.compile(r"[^\W_]+")
_REFERENCE_APOSTROPHES = str.maketrans("", "", "'\u2019\u2018\u02bc")


def reference_words(text: str) -> list[str]:
    """The regex tokeniser that `similarity.words` must reproduce exactly."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_REFERENCE_APOSTROPHES)
    return _REFERENCE_WORD.findall(text)


def test_signature_is_the_same_in_a_fresh_process_with_another_hash_seed():
    index = dd.DedupeIndex()
    here, shingles = index.signature(TEXT)
    code = (
        "import sys; from workers.stages import dedupe as dd, similarity as s;"
        f"v, n = dd.DedupeIndex().signature({TEXT!r}); sys.stdout.write(s.encode_u32(v) + ' ' + str(n))"
    )
    for seed in ("0", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env,
            cwd=os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
        ).stdout.split()
        assert out == [similarity.encode_u32(here), str(shingles)]


def test_signature_scheme_is_pinned():
    """Stored signatures must compare equal across versions and machines: changing the hashing
    needs a new similarity.MINHASH_SCHEME_VERSION (entries with the old "v" lose near checks)."""
    values, shingles = dd.DedupeIndex().signature(TEXT)
    assert shingles == 13 and values.dtype == np.uint32 and len(values) == 128
    assert similarity.MINHASH_SCHEME_VERSION == dd.ENTRY_VERSION == 2
    assert values[:4].tolist() == [34865928, 397150080, 1003616975, 589871716]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_words_matches_the_regex_tokeniser(text):
    assert similarity.words(text) == reference_words(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "c", "dd", "é", "日本", "x1"]), max_size=30), st.integers(1, 4))
def test_shingle_hashes_count_the_distinct_shingles(tokens, size):
    hashes = similarity.shingle_hashes(tokens, size)
    assert len(hashes) == len(similarity.shingles(tokens, size))
    assert len(np.unique(hashes)) == len(hashes)


def test_minhash_estimates_jaccard():
    rng = random.Random(0)
    errors = []
    for n in range(60):
        a = similarity.words(article(n, paragraphs=8))
        b = list(a)
        for i in rng.sample(range(len(b)), rng.randint(1, 40)):
            b[i] = f"zz{i}"
        sa, sb = similarity.shingles(a, 3), similarity.shingles(b, 3)
        exact = len(sa & sb) / len(sa | sb)
        va = similarity.minhash_values(similarity.shingle_hashes(a, 3), 128)
        vb = similarity.minhash_values(similarity.shingle_hashes(b, 3), 128)
        errors.append(similarity.signature_jaccard(va, vb) - exact)
    assert abs(np.mean(errors)) < 0.02 and np.std(errors) < 0.06


def test_choose_bands_keeps_the_lowest_near_duplicate_jaccard():
    bands, rows = dd.choose_bands(128, 0.6)
    assert bands * rows <= 128 and (1 - 0.6**rows) ** bands <= dd.LSH_MISS_PROBABILITY
    index = dd.DedupeIndex()
    assert (index.bands, index.rows) == (bands, rows)
    assert (dd.DedupeIndex(containment=None).bands, dd.DedupeIndex(containment=None).rows) == dd.choose_bands(128, 0.7)


def test_entry_round_trip_is_byte_identical_and_versioned():
    index = dd.DedupeIndex()
    for n in range(5):
        dd.dedupe(record(f"s{n}", article(n)), index, NOW + n)
    dd.dedupe(record("empty", "!!!"), index, NOW + 9)
    restored = dd.DedupeIndex()
    for n in (4, 2, 0, 1, 3):
        restored.load(orjson.loads(orjson.dumps(index.entry(f"s{n}"))))
    restored.load(index.entry("empty"))
    for i in [f"s{n}" for n in range(5)] + ["empty"]:
        assert orjson.dumps(restored.entry(i)) == orjson.dumps(index.entry(i))
        assert index.entry(i)["v"] == dd.ENTRY_VERSION
    assert index.entry("empty")["signature"] is None
    assert (restored.signature_of("s3") == index.signature_of("s3")).all()


def test_entry_of_an_older_version_keeps_the_exact_checks_only():
    index = dd.DedupeIndex()
    dd.dedupe(record("a", article(1)), index, NOW)
    old = {k: v for k, v in index.entry("a").items() if k != "v"}  # format 0.2: no "v"
    restored = dd.DedupeIndex()
    restored.load(old)
    assert "a" in restored and restored.signature_of("a") is None
    assert dd.dedupe(record("b", article(1)), restored, NOW)["reason"] == "same_content"
    assert dd.dedupe(record("c", substitute(article(1), 3)), restored, NOW)["status"] == "unique"


def test_band_index_finds_merged_and_recent_articles():
    index = dd.DedupeIndex()
    bodies = {f"s{n}": article(n, paragraphs=6) for n in range(700)}  # several merges of pending keys
    for n, (i, body) in enumerate(bodies.items()):
        assert dd.dedupe(record(i, body), index, NOW + n)["status"] == "unique"
    assert len(index.lsh.sorted_keys) and index.lsh.pending  # both parts in use
    for i in ("s0", "s350", "s699"):
        out = dd.dedupe(record(i + "~", substitute(bodies[i], 3, seed=7)), index, NOW + 1000)
        assert (out["reason"], out["duplicate_of"]) == ("near_duplicate", i)


def test_expire_after_out_of_order_restore_and_compaction():
    index = dd.DedupeIndex()
    bodies = {f"s{n}": article(n, paragraphs=4) for n in range(3000)}
    for n, (i, body) in enumerate(bodies.items()):
        dd.dedupe(record(i, body), index, NOW + n)
    entries = [index.entry(i) for i in bodies]
    random.Random(1).shuffle(entries)
    restored = dd.DedupeIndex()
    for entry in entries:
        restored.load(entry)
    assert not restored.slots.ordered
    gone = restored.expire(NOW + 1000)
    assert sorted(gone) == sorted(f"s{n}" for n in range(1000))
    assert restored.slots.ordered and len(restored) == 2000  # the first expire sorted (compacted) once
    for n in range(1000, 2500):
        restored.forget(f"s{n}")  # enough tombstones for a compaction
    assert restored.slots.dead < 1500 and len(restored) == 500
    assert restored.expire(NOW + 2600) == [f"s{n}" for n in range(2500, 2600)]
    assert restored.expire(NOW + 2600) == []
    out = dd.dedupe(record("x", substitute(bodies["s2900"], 3)), restored, NOW + 5000)
    assert (out["reason"], out["duplicate_of"]) == ("near_duplicate", "s2900")
    assert dd.dedupe(record("y", bodies["s10"]), restored, NOW + 5000)["status"] == "unique"
    assert restored.first_with_hash(content_hash(bodies["s2999"])) == "s2999"
    assert orjson.dumps(restored.entry("s2999")) == orjson.dumps(index.entry("s2999"))
    assert sorted(restored.expire(NOW + 10**7)) == sorted([f"s{n}" for n in range(2600, 3000)] + ["y"])
    assert len(restored) == 0 and restored.nearest(restored.signature(bodies["s2900"])[0]) is None


def test_same_content_hash_loaded_twice_keeps_the_first_seen():
    body = article(3)
    index = dd.DedupeIndex()
    dd.dedupe(record("later", body), index, NOW + 10)
    early = dd.DedupeIndex()
    dd.dedupe(record("early", body), early, NOW)
    index.load(early.entry("early"))
    assert index.first_with_hash(content_hash(body)) == "early"
    index.expire(NOW + 5)
    assert index.first_with_hash(content_hash(body)) == "later"
    index.forget("later")
    assert index.first_with_hash(content_hash(body)) is None
