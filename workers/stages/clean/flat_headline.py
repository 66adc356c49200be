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
HEAD_REACH_TOKENS = 160  # a repeated headline is looked for among a piece's last tokens (bounds the work)
HEADLINE_MIN_WORDS = 2
HEADLINE_MAX_WORDS = 30
NAME_BACKOFF_TOKENS = 4  # capitalised words a sentence-case headline may open with ("Napa Co. enters")
# menu, account and section words that end a run of navigation; a headline starts after the last
# (compared case-folded, capitalised tokens only)
HEAD_BOUNDARY_WORDS = frozenset(
    "home news sport sports weather business culture opinion politics world local national tech "
    "technology science health travel lifestyle entertainment arts books music film tv video videos "
    "live markets money economy education environment climate features analysis newsletters newsletter "
    "subscribe subscription contact about us login logout log out sign register account search menu "
    "navigation dmca privacy policy terms cookies support donate close skip content blog blogs "
    "share follow more latest trending popular categories sections topics issues ideas reviews recipes breaking "
    "exclusive reserved".split()
)
_SEPARATORS = frozenset("|•·›»>/&–—-") | {">>", "»»", "::"}
_GLUED_SEPARATOR = re.compile(r"[›»>|/]")
_STRIP = ".,:;!?\"'“”‘’()[]"


def headline_cut(blocks: list[str], is_meta) -> tuple[list[str], int | None]:
    """(`blocks` (clean/blocks.py's, of one flattened line) with the header's headline cut out of the
    pieces around the first byline or date block (``is_meta(block)``, among the first HEAD_BLOCKS), the
    index of the headline's block or None): a headline said twice at the start of the piece under it
    (_repeat_under), else the headline at the end of the piece over it (_headline_over). Unchanged
    blocks and None when there is no such block or no cut."""
    anchor = next((i for i, block in enumerate(blocks[:HEAD_BLOCKS]) if is_meta(block)), None)
    if anchor is None:
        return blocks, None
    after = anchor + 1
    while after < len(blocks) and is_meta(blocks[after]):
        after += 1
    before = anchor - 1
    while before >= 0 and is_meta(blocks[before]):
        before -= 1
    found = _repeat_under(blocks, after) or _headline_over(blocks, before)
    return found if found is not None else (blocks, None)


def _repeat_under(blocks: list[str], after: int) -> tuple[list[str], int] | None:
    """The date over the headline ("March 4, 2024" / "Title Title Lead …"): the piece under the
    header's date cut after the headline's first copy when it opens with a phrase said twice."""
    if after >= len(blocks):
        return None
    tokens = blocks[after].split(" ")
    span = _repeat_span(tokens[:HEAD_REACH_TOKENS])
    if span is None or span[0] - (span[1] - span[0]) != 0:
        return None
    return blocks[:after] + [" ".join(tokens[:span[0]]), " ".join(tokens[span[0]:])] + blocks[after + 1:], after


def _headline_over(blocks: list[str], before: int) -> tuple[list[str], int] | None:
    """The piece over the header's byline or date (and, when that piece is a sentence, the one over
    it: headline, standfirst, byline) cut around its headline: headline_span, or in a piece that ends
    a sentence, a title-case headline run into it (_title_over_sentence)."""
    if before < 0:
        return None
    for candidate in (before, before - 1)[: 1 + _sentence(blocks[before])]:
        if candidate < 0:
            break
        tokens = blocks[candidate].split(" ")
        span = _title_over_sentence(tokens) if _sentence(blocks[candidate]) else headline_span(tokens)
        if span is not None and span != (0, len(tokens)):
            pieces, headline = _pieces(tokens, *span)
            return blocks[:candidate] + pieces + blocks[candidate + 1:], candidate + headline
    return None


def _sentence(block: str) -> bool:
    return block.endswith((".", "!", "…"))


def _pieces(tokens: list[str], start: int, end: int) -> tuple[list[str], int]:
    """(the piece cut before and after its headline tokens[start:end], the headline's index among the
    pieces); a section label in capitals before it, or the first copy of a repeated headline, a piece
    of its own."""
    kicker = start - 1 if start > 1 and tokens[start - 1].isupper() and _boundary(tokens[start - 1]) else start
    size = end - start
    if start >= size and [t.casefold() for t in tokens[start - size:start]] == [t.casefold() for t in tokens[start:end]]:
        kicker = start - size  # a repeat: the first copy (a crumb) is a block too
    parts = (tokens[:kicker], tokens[kicker:start], tokens[start:end], tokens[end:])
    return [" ".join(part) for part in parts if part], bool(tokens[:kicker]) + bool(tokens[kicker:start])


def headline_span(tokens: list[str]) -> tuple[int, int]:
    """(start, end) token indexes of the headline in `tokens`: a phrase said twice in a row
    (_repeat_span), else from headline_start to the end."""
    span = _repeat_span(tokens)
    if span is not None:
        return span
    return headline_start(tokens), len(tokens)


def headline_start(tokens: list[str]) -> int:
    """The token index where the headline at the end of `tokens` starts: after the last boundary
    (_boundary_end), else at the capitalised words before the first lower-case word of a
    sentence-case headline (_sentence_case_start); 0 when the whole piece is the headline or none is
    found with HEADLINE_MIN_WORDS..HEADLINE_MAX_WORDS words."""
    start = _boundary_end(tokens)
    if start == 0:
        start = _sentence_case_start(tokens)
    if start + 2 < len(tokens) and tokens[start].isalpha() and tokens[start].islower() and tokens[start + 1][:1].isupper():
        start += 1  # a lower-case topic tag over a capitalised headline: "Log Out lewdness Salon bans men"
    if not HEADLINE_MIN_WORDS <= len(tokens) - start <= HEADLINE_MAX_WORDS:
        return 0
    return start


def _boundary_end(tokens: list[str]) -> int:
    """The index after the last boundary token; 0 when there is none. A boundary leaves at least
    HEADLINE_MIN_WORDS words."""
    last = len(tokens) - HEADLINE_MIN_WORDS
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


def _repeat_span(tokens: list[str]) -> tuple[int, int] | None:
    """The second copy of a phrase of HEADLINE_MIN_WORDS..HEADLINE_MAX_WORDS words said twice in a
    row ("Home Recipes Olive Bread Olive Bread": a breadcrumb's last crumb, then the headline), the
    longest, compared case-folded; None when there is none."""
    folded = [t.casefold() for t in tokens]
    n = len(tokens)
    for size in range(min(HEADLINE_MAX_WORDS, n // 2), HEADLINE_MIN_WORDS - 1, -1):
        for i in range(n - 2 * size, max(n - HEAD_REACH_TOKENS, 0) - 1, -1):
            if folded[i:i + size] == folded[i + size:i + 2 * size]:
                return i + size, i + 2 * size
    return None


def _title_over_sentence(tokens: list[str]) -> tuple[int, int] | None:
    """(start, end) of a title-case headline run into the sentence after it ("… Home The Collapse of
    Trust The long-running feud …"): the sentence starts at the capitalised word before its first
    lower-case content word; the headline is the run before it, from the last boundary (_boundary_end),
    every content word capitalised, HEADLINE_MIN_WORDS..HEADLINE_MAX_WORDS words. None otherwise."""
    first = next((i for i, t in enumerate(tokens) if _lower_content(t)), None)
    if first is None or first < 2 or not tokens[first - 1][:1].isupper():
        return None
    end = first - 1
    start = _boundary_end(tokens[:end])
    run = tokens[start:end]
    if not HEADLINE_MIN_WORDS <= len(run) <= HEADLINE_MAX_WORDS or run[-1].endswith((",", ";")):
        return None
    return start, end


def _lower_content(token: str) -> bool:
    word = token.strip(_STRIP)
    return word[:1].islower() and word.casefold() not in v.STOPWORDS


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
