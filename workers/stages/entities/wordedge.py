"""The word-edge guards of the entities stage's patterns, written once.

A name, a cue word or a table row matches only as whole words: nothing that belongs to a word may
touch it on either side. Word characters here are letters, digits and "_" (`\\w`), the
apostrophe in both its straight and curly forms ("'" and U+2019, as wire copy writes "Kenya’s")
and the hyphen, so "Tarrow" does not match inside "Tarrow's", "O’Tarrow" or "Tarrow-based".

    WORD_START + "Tarrow" + WORD_END    # "Tarrow", not "Tarrowmere" or "Pel-Tarrow"
"""

from __future__ import annotations

# Nothing of a word right before: letters, digits, "_", apostrophes (' and U+2019) and hyphens.
WORD_START = r"(?<![\w'\u2019\-])"
# Nothing of a word right after.
WORD_END = r"(?![\w'\u2019\-])"

# Capitals and small letters of the Latin script (ASCII, Latin-1 Supplement, Latin Extended-A and
# -B), for character classes: "Gécamines", "Órla" and "Łukasz" are name-shaped as "Tarrow" is.
# Python's re has no \p{Lu}; str.isupper/islower give each code point's Unicode case.
_LATIN = [chr(code) for code in range(0x41, 0x250)]
UPPER = "".join(c for c in _LATIN if c.isupper() and c.isalpha())
LOWER = "".join(c for c in _LATIN if c.islower() and c.isalpha())
