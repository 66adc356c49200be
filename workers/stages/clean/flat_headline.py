"""The headline of a page flattened to one line, cut out of the menu it runs on from.

A page dumped on one line (trafilatura's ``html2txt``: the body's text, blocks joined by spaces) has
no line break between its last menu item and its headline: clean/blocks.py cuts the byline and
date after the headline into blocks of their own, but the piece before them still reads
"… Contact Us Log Out BUSINESS Harbour board backs dredging plan". Here that piece is cut once more,
where the headline starts: after the last boundary in it (HEAD_BOUNDARY_WORDS, a breadcrumb
separator, a phrase said twice in a row: a breadcrumb's last crumb or a site name before the
headline), else, for a sentence-case headline under a capitalised menu, at the capitalised words
right before its first lower-case word. The headline block is then where the line passes look for
one: over the byline and date.
"""

from __future__ import annotations

import re

from workers.stages.clean import vocabulary as v

HEAD_BLOCKS = 120  # the header's byline or date is among a flattened page's first blocks
HEADLINE_MIN_WORDS = 2
HEADLINE_MAX_WORDS = 30
REPEAT_MAX_WORDS = 12  # "Olive Bread Olive Bread": a crumb, then the headline (or a site name twice)
NAME_BACKOFF_TOKENS = 4  # capitalised words a sentence-case headline may open with ("Napa Co. enters")
# menu, account and section words that end a run of navigation; a headline starts after the last
# (compared case-folded, capitalised tokens only)
HEAD_BOUNDARY_WORDS = frozenset(
    "home news sport sports weather business culture opinion politics world local national tech "
    "technology science health travel lifestyle entertainment arts books music film tv video videos "
    "live markets money economy education environment climate features analysis newsletters newsletter "
    "subscribe subscription contact about us login logout log out sign register account search menu "
    "navigation dmca privacy policy terms cookies support donate close skip content blog blogs "
    "share follow more latest trending popular categories sections topics issues".split()
)
_SEPARATORS = frozenset("|•·›»>/&–—-") | {">>", "»»", "::"}
_GLUED_SEPARATOR = re.compile(r"[›»>|/]")
_STRIP = ".,:;!?\"'“”‘’()[]"
_BYLINE_START = re.compile(r"^(?:By:? ?[A-Z]|by:? [A-Z])")


def headline_cut(blocks: list[str], is_date) -> list[str]:
    """`blocks` (clean/blocks.py's, of one flattened line) with the block before the header's first
    byline or date block (``is_date(block)``; among the first HEAD_BLOCKS) cut in two where its
    headline starts (headline_start). Unchanged when there is no such block or no cut."""
    anchor = next((i for i, block in enumerate(blocks[:HEAD_BLOCKS])
                   if _BYLINE_START.match(block) or is_date(block)), None)
    if anchor is None:
        return blocks
    before = anchor - 1
    while before >= 0 and (_BYLINE_START.match(blocks[before]) or is_date(blocks[before])):
        before -= 1
    if before < 0 or blocks[before].endswith((".", "!", "?", "…")):
        return blocks
    tokens = blocks[before].split(" ")
    start = headline_start(tokens)
    if start <= 0:
        return blocks
    return blocks[:before] + [" ".join(tokens[:start]), " ".join(tokens[start:])] + blocks[before + 1:]


def headline_start(tokens: list[str]) -> int:
    """The token index where the headline at the end of `tokens` starts: after the last boundary
    (_boundary_end), else at the capitalised words before the first lower-case word of a
    sentence-case headline (_sentence_case_start); 0 when the whole piece is the headline or none is
    found with HEADLINE_MIN_WORDS..HEADLINE_MAX_WORDS words."""
    start = _boundary_end(tokens)
    if start == 0:
        start = _sentence_case_start(tokens)
    if not HEADLINE_MIN_WORDS <= len(tokens) - start <= HEADLINE_MAX_WORDS:
        return 0
    return start


def _boundary_end(tokens: list[str]) -> int:
    """The index after the last boundary token, or after a phrase said twice in a row when the piece
    ends there or goes on with the headline (the earlier of the two copies' ends when the piece ends
    with the second one); 0 when there is none. A boundary leaves at least HEADLINE_MIN_WORDS words."""
    last = len(tokens) - HEADLINE_MIN_WORDS
    repeat = _repeat_end(tokens)
    if repeat is not None:
        return repeat
    for i in range(last - 1, -1, -1):
        if _boundary(tokens[i]):
            return i + 1
    return 0


def _boundary(token: str) -> bool:
    """A separator ("»", "|"), a navigation word (HEAD_BOUNDARY_WORDS, capitalised, not ending a
    clause with ",", ":"), or crumbs glued by a separator ("News›Tech›Hardware")."""
    if token in _SEPARATORS:
        return True
    if token.endswith((",", ":", ";")) or not token[:1].isupper():
        return False
    if _GLUED_SEPARATOR.search(token) and not token.startswith(("http", "www")):
        return True
    return token.strip(_STRIP).casefold() in HEAD_BOUNDARY_WORDS


def _repeat_end(tokens: list[str]) -> int | None:
    """Where the headline starts by a phrase said twice in a row ("A B A B"): when the piece ends
    with the second copy, the second copy is the headline (the first a crumb); else the headline
    starts after it (a site name twice). None without a repeat of 2..REPEAT_MAX_WORDS words
    (compared case-folded)."""
    folded = [t.casefold() for t in tokens]
    n = len(tokens)
    for size in range(min(REPEAT_MAX_WORDS, n // 2), HEADLINE_MIN_WORDS - 1, -1):
        if folded[n - size:] == folded[n - 2 * size:n - size]:
            return n - size
    for size in range(REPEAT_MAX_WORDS, HEADLINE_MIN_WORDS - 1, -1):
        for i in range(n - 2 * size - HEADLINE_MIN_WORDS, -1, -1):
            if folded[i:i + size] == folded[i + size:i + 2 * size]:
                return i + 2 * size
    return None


def _sentence_case_start(tokens: list[str]) -> int:
    """At the first lower-case word that is not a function word, back over at most
    NAME_BACKOFF_TOKENS capitalised words or function words to the first capitalised one; 0 when the
    piece has no lower-case content word or starts the headline itself."""
    for i, token in enumerate(tokens):
        word = token.strip(_STRIP)
        if word[:1].islower() and word.casefold() not in v.STOPWORDS:
            start = i
            while start > 0 and i - start < NAME_BACKOFF_TOKENS and tokens[start - 1][:1].isupper():
                start -= 1
            while start < i and not tokens[start][:1].isupper():
                start += 1
            return start if start < i else 0
    return 0
