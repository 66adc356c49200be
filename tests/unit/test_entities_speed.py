"""The entities stage's fast paths give exactly what the plain code they replace gives.

Each fast path (str.find instead of a pattern per name, the doc's LOWER array instead of a visit
of every token, trailing-words checks without copying the text, entity spans computed once per
Doc) is compared with its reference definition on every text of the fixture corpora, and on
seeded random strings built from the characters where the two could disagree (word characters
of other scripts, apostrophes, hyphens, dots, non-breaking and other Unicode spaces).
The whole-output check (`python -m bench.entities_identity`) compares `entities.tag` before and
after a change on all corpora; this is its cheap part.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import orjson
import pytest

from workers.stages.entities import fixes, scan
from workers.stages.entities.wordedge import WORD_START

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
_FORMS = re.compile(r"[A-Z][\w'\-.]*(?: [A-Z][\w'\-.]*)?")
_TRICKY = ["a", "ab", "Ab", " ", "\t", "\n", "_", "1", "\u00e9", "\u00b2", "\u0663", "-", ".", "'",
           "\u2019", "\u00a0", "\u2003", "\u0301", "x y"]


def _texts() -> list[str]:
    texts = []
    for folder in ("entities", "newswire", "stories"):
        for path in sorted((FIXTURES / folder).glob("*.json")):
            article = orjson.loads(path.read_bytes())
            texts += [t for t in (article.get("title"), article["body"]) if t]
    return texts


TEXTS = _texts()


def _reference_spans(text: str, form: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text)]


def _reference_ends_with(text: str, end: int, words: list[str]) -> bool:
    return bool(re.search(WORD_START + re.escape(" ".join(words)) + r"\s+$", text[:end]))


def test_corpus_present():
    assert len(TEXTS) > 100


def test_whole_word_spans_match_the_pattern_on_the_corpus():
    compared = 0
    for text in TEXTS:
        for form in {m.group() for m in _FORMS.finditer(text)}:
            assert scan.whole_word_spans(text, form) == _reference_spans(text, form), (form, text[:60])
            compared += 1
    assert compared > 1000


def test_whole_word_spans_match_the_pattern_on_tricky_strings():
    rng = random.Random(13)
    for _ in range(20_000):
        text = "".join(rng.choice(_TRICKY) for _ in range(rng.randint(0, 10)))
        form = rng.choice(["a", "ab", "Ab", "a.", ".a", "a a", "\u00e9", "aba", "'a"])
        assert scan.whole_word_spans(text, form) == _reference_spans(text, form), (text, form)


def _reference_glued_spans(text: str, form: str) -> list[tuple[int, int]]:
    """The pattern _product_line_use built per mention before: apostrophes and hyphens glue before, hyphens after."""
    return [m.span() for m in re.finditer(rf"{WORD_START}{re.escape(form)}(?![\w\-])", text)]


def _glued_spans(text: str, form: str) -> list[tuple[int, int]]:
    return scan.whole_word_spans(text, form, glued_before="'\u2019-", glued_after="-")


def test_whole_word_spans_with_glue_match_the_pattern_on_the_corpus():
    compared = 0
    for text in TEXTS:
        for form in {m.group() for m in _FORMS.finditer(text)}:
            assert _glued_spans(text, form) == _reference_glued_spans(text, form), (form, text[:60])
            compared += 1
    assert compared > 1000


def test_whole_word_spans_with_glue_match_the_pattern_on_tricky_strings():
    rng = random.Random(17)
    differ = 0
    for _ in range(20_000):
        text = "".join(rng.choice(_TRICKY) for _ in range(rng.randint(0, 10)))
        form = rng.choice(["a", "ab", "Ab", "a.", ".a", "a a", "\u00e9", "aba", "'a", "a-"])
        assert _glued_spans(text, form) == _reference_glued_spans(text, form), (text, form)
        differ += _glued_spans(text, form) != scan.whole_word_spans(text, form)
    assert differ > 100  # the glue characters are exercised, not only plain word edges


def test_ends_with_words_matches_the_pattern_on_the_corpus():
    compared = 0
    for text in TEXTS:
        for match in re.finditer(r"(?<=[ \t\n])[A-Z][a-z]+\b", text):
            before = text[max(0, match.start() - 30) : match.start()].split()[-2:]
            for words in (before[-1:], before, ["The"], []):
                expected = _reference_ends_with(text, match.start(), words)
                assert scan.ends_with_words(text, match.start(), words) == expected, (words, match.start())
                compared += expected
    assert compared > 100  # true cases seen, not only false ones


def test_ends_with_words_matches_the_pattern_on_tricky_strings():
    rng = random.Random(7)
    for _ in range(20_000):
        text = "".join(rng.choice(_TRICKY) for _ in range(rng.randint(0, 12)))
        words = rng.choice([[], ["a"], ["Ab"], ["a", "b"], ["x", "y"], ["\u00e9"], ["b."]])
        end = rng.randint(0, len(text))
        assert scan.ends_with_words(text, end, words) == _reference_ends_with(text, end, words), (text, end, words)


@pytest.fixture(scope="module")
def docs(nlp):
    return list(nlp.pipe(TEXTS[:60]))


def test_head_positions_are_every_token_that_may_anchor_an_org_phrase(docs):
    found = 0
    for doc in docs:
        expected = [i for i, t in enumerate(doc) if t.text.lower() in fixes.ORG_HEADS or t.text.lower() == "news"]
        assert fixes._head_positions(doc) == expected
        assert fixes.org_phrases(doc, doc.ents) == fixes.org_phrases(doc)
        found += len(expected)
    assert found > 20


def test_entity_chars_are_the_docs_entities(docs):
    for doc in docs:
        expected = tuple((e.start_char, e.end_char, e.label_) for e in doc.ents)
        assert scan.ent_chars(doc) == expected
        assert scan.ent_chars(doc) is scan.ent_chars(doc)  # computed once
        assert scan.occupied_spans(doc) == [(s, e) for s, e, _ in expected]
    assert scan.occupied_spans(None) == []
