"""The word-edge guards shared by the entities stage's patterns (workers/stages/entities/wordedge.py)."""

from __future__ import annotations

import re

import pytest

from workers.stages.entities.wordedge import LOWER, UPPER, WORD_END, WORD_START

WHOLE = re.compile(WORD_START + "Tarrow" + WORD_END)


@pytest.mark.parametrize("text", ["Tarrow said", "in Tarrow.", "(Tarrow)", "\u201cTarrow\u201d", "Tarrow"])
def test_a_whole_word_matches(text):
    assert WHOLE.search(text)


@pytest.mark.parametrize(
    "text",
    ["Tarrowmere", "Pel-Tarrow", "Tarrow-based", "O'Tarrow", "O\u2019Tarrow", "Tarrow's", "Tarrow\u2019s", "2Tarrow", "_Tarrow"],
)
def test_a_word_glued_to_letters_digits_apostrophes_or_hyphens_does_not(text):
    assert not WHOLE.search(text)


@pytest.mark.parametrize(("letter", "upper"), [("A", True), ("É", True), ("Ø", True), ("Ł", True), ("Ș", True),
                                               ("a", False), ("é", False), ("ß", False), ("ł", False), ("ș", False)])
def test_latin_letters_have_their_case(letter, upper):
    assert (letter in UPPER, letter in LOWER) == (upper, not upper)


@pytest.mark.parametrize("char", ["1", "_", "-", "'", "\u2019", " ", "\u00d7", "\u00f7"])  # × and ÷ are no letters
def test_no_digit_mark_or_sign_is_a_letter(char):
    assert char not in UPPER and char not in LOWER
