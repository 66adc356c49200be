"""The per-paragraph NER cache: the same entities as tagging from scratch, fewer paragraphs tagged.

The corpus is the article fixtures plus, for each, two versions of the kind a real stream
carries (an updated version with a paragraph from another article inserted after the lead, and
a syndicated one without the lead and with another title), tagged in batches in shuffled order
with and without one cache shared across the batches.
"""

from __future__ import annotations

import random
from pathlib import Path

import orjson
import pytest

from workers.settings import DEFAULT_ENTITY_LABELS
from workers.stages import entities
from workers.stages.entities import cache as paragraph_cache
from workers.stages.entities.cache import ParagraphCache

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _records() -> list[dict]:
    originals = []
    for path in sorted((FIXTURES / "entities").glob("*.json")) + sorted((FIXTURES / "stories").glob("*.json")):
        data = orjson.loads(path.read_bytes())
        originals.append({"id": path.stem, "title": data.get("title"), "body": data["body"],
                          "dateline": None, "pipeline": {}})
    rng = random.Random(13)
    versions = []
    for record in originals:
        paragraphs = record["body"].split("\n\n")
        if len(paragraphs) < 3:
            continue
        inserted = rng.choice(rng.choice(originals)["body"].split("\n\n"))
        versions.append({**record, "id": record["id"] + "-updated",
                         "body": "\n\n".join([paragraphs[0], inserted, *paragraphs[1:]])})
        versions.append({**record, "id": record["id"] + "-syndicated", "title": f"Wire: {record['title']}",
                         "body": "\n\n".join(paragraphs[1:])})
    mixed = originals + versions
    rng.shuffle(mixed)
    return mixed


RECORDS = _records()


def _batches(records: list[dict], size: int = 12) -> list[list[dict]]:
    return [records[i:i + size] for i in range(0, len(records), size)]


def test_cached_tagging_gives_the_same_entities_as_tagging_from_scratch(nlp):
    cache = ParagraphCache()
    plain = [r for batch in _batches(RECORDS) for r in entities.tag(batch, nlp, DEFAULT_ENTITY_LABELS)]
    cached = [r for batch in _batches(RECORDS) for r in entities.tag(batch, nlp, DEFAULT_ENTITY_LABELS, cache)]
    assert len(cached) == len(plain) > 200
    for a, b in zip(plain, cached):
        assert (b["id"], b["entities"]) == (a["id"], a["entities"])
    # the versions' shared paragraphs were taken from the cache, not tagged again
    assert cache.hits > 0.2 * (cache.hits + cache.misses)


def test_a_warm_cache_answers_every_paragraph_and_the_docs_match_nlp_pipe(nlp):
    texts = [r["body"] for r in RECORDS[:30]]
    cache = ParagraphCache()
    list(paragraph_cache.pipe(nlp, texts, cache))
    hits = cache.hits
    again = list(paragraph_cache.pipe(nlp, texts, cache))
    assert cache.hits - hits == sum(len(paragraph_cache.paragraphs(nlp.make_doc(t))) for t in texts)
    for doc, reference in zip(again, nlp.pipe(texts)):
        assert doc.text == reference.text
        assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == \
            [(e.start_char, e.end_char, e.label_) for e in reference.ents]
        assert [t.ent_iob_ for t in doc] == [t.ent_iob_ for t in reference]


def test_a_paragraph_twice_in_one_batch_is_tagged_once_and_right_in_both(nlp):
    shared = "Angela Merkel met Emmanuel Macron in Paris on Monday to discuss the budget."
    texts = [f"First report from Berlin.\n\n{shared}\n\nMore to follow.", f"{shared}\n\nMore to follow."]
    cache = ParagraphCache()
    docs = list(paragraph_cache.pipe(nlp, texts, cache))
    expected = list(nlp.pipe(texts))
    for doc, reference in zip(docs, expected):
        assert [(e.text, e.label_) for e in doc.ents] == [(e.text, e.label_) for e in reference.ents]


def test_the_cache_is_a_bounded_lru():
    cache = ParagraphCache(max_paragraphs=2)
    cache.put(b"a", ())
    cache.put(b"b", ((0, 1, "GPE"),))
    assert cache.get(b"a") == ()  # now most recently used
    cache.put(b"c", ())
    assert len(cache) == 2 and cache.get(b"b") is None and cache.get(b"a") == ()
    assert (cache.hits, cache.misses) == (2, 1)


@pytest.mark.parametrize("text, expected", [
    ("One.\n\nTwo.\n\nThree.", 3),
    ("One line\nstill one paragraph.", 1),
    ("\n\nLeading break.\n\n\n\nDouble break.", 2),
])
def test_paragraphs_split_at_blank_lines(nlp, text, expected):
    found = paragraph_cache.paragraphs(nlp.make_doc(text))
    assert len(found) == expected


def test_pieces_cut_after_line_breaks_and_join_back_to_the_text():
    text = "alpha beta\ngamma delta epsilon\nzeta " + "x" * 30
    for size in (8, 12, 25, 40, 1000):
        parts = paragraph_cache.pieces(text, size)
        assert "".join(parts) == text
        assert all(len(p) <= size for p in parts)
    assert paragraph_cache.pieces(text, 25)[0] == "alpha beta\n"


@pytest.mark.parametrize("cached", [False, True])
def test_a_text_over_the_models_max_length_is_tagged_in_pieces(nlp, cached, monkeypatch):
    paragraph = "Mayor Lena Okafor met officials from Brightwater Energy in Toledo, Ohio on Monday.\n"
    text = paragraph * 40
    expected = [(e.text, e.label_) for e in nlp(text).ents]
    monkeypatch.setattr(nlp, "max_length", 1000)  # spaCy would refuse the text (E088)
    monkeypatch.setattr(paragraph_cache, "LONG_TEXT_PIECE_CHARS", 300)
    cache = ParagraphCache(64) if cached else None
    short, long_doc = paragraph_cache.pipe(nlp, ["Okafor in Toledo", text], cache)
    assert long_doc.text == text
    assert [(e.text, e.label_) for e in long_doc.ents] == expected
    assert all(text[e.start_char:e.end_char] == e.text for e in long_doc.ents)
    assert [e.text for e in short.ents]
