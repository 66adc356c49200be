"""The word-edge guards shared by the entities stage's patterns (workers/stages/entities/wordedge.py)."""

from __future__ import annotations

import re

import pytest

from workers.stages.entities.wordedge import WORD_END, WORD_START

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
