r"""A whole-line alternation ("^(?:a|b|...)tail", IGNORECASE) matched only against the branches that
can start with the line's first letter.

Python's regex engine tries the branches of an alternation one by one: a line vocabulary of a hundred
and fifty phrases (vocabulary.UI_LINE) costs a hundred and fifty first-character tests per line.
``first_char_match(pattern)`` buckets the branches by the characters they can start with (from the
parsed pattern; a branch whose start is not a short set of literal characters goes in every bucket)
and compiles one pattern per bucket, its branches in their order: the match is the one
``pattern.match(text)`` gives. Patterns of another shape or without IGNORECASE, and lines starting
with a non-ASCII character, use ``pattern.match`` itself.

Two regex scans every line goes through have byte-level twins here, exact by construction (tested
against the regexes in tests/unit/test_clean_speed.py): ``words`` gives ``re.findall(r"\w+", text)``
and ``drop_non_alnum`` gives ``re.sub(r"[\W_]+", "", text)``. Both first map or delete the ASCII
non-word characters of the UTF-8 bytes with ``bytes.translate`` (a multi-byte character's bytes are
all >= 0x80, so no character is cut); only a piece still holding a non-ASCII character goes through
the regex. A non-ASCII text first loses its curly quotes, dashes and ellipses (COMMON_NON_WORD, cut as
a space or dropped: non-word characters either way), so prose whose only non-ASCII characters they are
takes the ASCII path.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from re import _constants as C  # noqa: N812 - the parser's own names
from re import _parser

_WORD = re.compile(r"\w+")
_NON_ALNUM = re.compile(r"[\W_]+")
# ASCII bytes \w does not match -> space; every other byte unchanged
_NON_WORD_TO_SPACE = bytes(c if c >= 128 or chr(c).isalnum() or c == 0x5F else 0x20 for c in range(256))
_ASCII_NON_ALNUM = bytes(c for c in range(128) if not chr(c).isalnum())  # what [\W_] matches in ASCII


# non-word characters of English prose (curly quotes, dashes, the ellipsis): words and drop_non_alnum take
# them out first, so a line whose only non-ASCII characters they are goes the ASCII way
COMMON_NON_WORD = "’“”‘—–…"


def _without_common_non_word(text: str, by: str) -> str:
    """The non-ASCII text with each COMMON_NON_WORD character replaced by `by` (" " or "")."""
    for mark in COMMON_NON_WORD:
        if mark in text:
            text = text.replace(mark, by)
    return text


def words(text: str) -> list[str]:
    r"""``re.findall(r"\w+", text)``: the word tokens of the text, in order."""
    if not text.isascii():
        text = _without_common_non_word(text, " ")  # a non-word character cut as a space cuts the same tokens
    if text.isascii():
        return text.encode("ascii").translate(_NON_WORD_TO_SPACE).decode("ascii").split()
    # str.split() cuts only at whitespace, and no whitespace character is a word character
    pieces = text.encode("utf-8", "surrogatepass").translate(_NON_WORD_TO_SPACE).decode("utf-8", "surrogatepass").split()
    out: list[str] = []
    for piece in pieces:
        if piece.isascii():
            out.append(piece)
        else:
            out += _WORD.findall(piece)
    return out


def drop_non_alnum(text: str) -> str:
    r"""``re.sub(r"[\W_]+", "", text)``: the text without its non-word characters and underscores."""
    if not text.isascii():
        text = _without_common_non_word(text, "")
    if text.isascii():
        return text.encode("ascii").translate(None, _ASCII_NON_ALNUM).decode("ascii")
    left = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_NON_ALNUM).decode("utf-8", "surrogatepass")
    return left if left.isascii() else _NON_ALNUM.sub("", left)


_DIGIT = re.compile(r"\d")
_ASCII_DIGITS = b"0123456789"


def has_digit(text: str) -> bool:
    r"""``re.search(r"\d", text) is not None``; an ASCII text's digits are deleted by bytes.translate
    (one pass at memory speed; the regex tests each character's category)."""
    if text.isascii():
        return len(text.encode("ascii").translate(None, _ASCII_DIGITS)) != len(text)
    return _DIGIT.search(text) is not None


_NON_LETTER = re.compile(r"[\W\d_]+")
_ASCII_NON_LETTER = bytes(c for c in range(128) if not chr(c).isalpha())  # what [\W\d_] matches in ASCII


def count_letters(text: str) -> int:
    r"""``len(re.sub(r"[\W\d_]+", "", text))``: how many characters are letters (word characters that
    are not digits or underscores)."""
    if text.isascii():
        return len(text.encode("ascii").translate(None, _ASCII_NON_LETTER))
    return len(_NON_LETTER.sub("", text))


_PREFIX = "^(?:"
_MAX_RANGE = 512  # a class range wider than this counts as "any character"
_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)


def first_chars(items, loose: bool = False) -> tuple[set[str] | None, bool]:
    """(characters a parsed sequence can start with, whether it can match the empty string);
    None when any character may start it (or the parser op is not one handled here).
    loose: also look inside groups with inline flags and read \\d and \\s as their ASCII characters
    (only for callers that send every non-ASCII first character to the full pattern, and that
    compare case-insensitively)."""
    return _edge_chars(items, loose, from_end=False)


def _edge_chars(items, loose: bool, from_end: bool) -> tuple[set[str] | None, bool]:
    """first_chars, or last_chars when `from_end`: the same walk over the parsed sequence from
    either end."""
    out: set[str] = set()
    for op, av in (reversed(list(items)) if from_end else items):
        if op in _ZERO_WIDTH:
            continue  # skipping an assertion only widens the set
        if op is C.LITERAL:
            return out | {chr(av)}, False
        if op is C.IN:
            return _class_chars(av, out, loose), False
        if op is C.SUBPATTERN and (loose or not (av[1] or av[2])):
            found, nullable = _edge_chars(av[3], loose, from_end)
        elif op is C.BRANCH:
            found, nullable = _branch_chars(av[1], loose, from_end)
        elif op in _REPEATS:
            found, nullable = _edge_chars(av[2], loose, from_end)
            nullable = nullable or av[0] == 0
        else:
            return None, False
        if found is None:
            return None, False
        out |= found
        if not nullable:
            return out, False
    return out, True


_ASCII_CATEGORY = {C.CATEGORY_DIGIT: "0123456789", C.CATEGORY_SPACE: " \t\n\r\f\v\x1c\x1d\x1e\x1f"}


def _class_chars(items, out: set[str], loose: bool = False) -> set[str] | None:
    for kind, value in items:
        if kind is C.LITERAL:
            out.add(chr(value))
        elif kind is C.RANGE and value[1] - value[0] < _MAX_RANGE:
            out.update(chr(c) for c in range(value[0], value[1] + 1))
        elif loose and kind is C.CATEGORY and value in _ASCII_CATEGORY:
            out.update(_ASCII_CATEGORY[value])
        else:
            return None
    return out


def _branch_chars(branches, loose: bool = False, from_end: bool = False) -> tuple[set[str] | None, bool]:
    out: set[str] = set()
    nullable = False
    for branch in branches:
        found, empty = _edge_chars(branch, loose, from_end)
        if found is None:
            return None, False
        out |= found
        nullable = nullable or empty
    return out, nullable


def split_branches(source: str, prefix: str = _PREFIX) -> tuple[list[str], str] | None:
    """'^(?:a|b|c)tail' -> (['a', 'b', 'c'], 'tail'); None for a pattern of another shape (also for
    '^(?:a|b)?tail', whose first character may come from the tail). prefix: what the source starts
    with instead of '^(?:' (ending in '(?:')."""
    if not source.startswith(prefix):
        return None
    depth, start, in_class, branches = 0, len(prefix), False, []
    i = start
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
        elif depth == 0 and ch in "|)":
            branches.append(source[start:i])
            if ch == ")":
                # "^(?:a|b)?tail": an optional or repeated group does not decide the first character
                return None if source[i + 1:i + 2] in ("?", "*", "+", "{") else (branches, source[i:])
            start = i + 1
        i += 1
    return None


def _start_keys(branch: str, flags: int) -> set[str] | None:
    """The lower-case first letters a branch can match under IGNORECASE (None: any). Read loosely
    (first_chars): every caller sends a text with a non-ASCII first character to the whole pattern."""
    found, nullable = first_chars(_parser.parse(branch, flags), loose=True)
    if found is None or nullable:
        return None
    # what IGNORECASE equates: simple lower case, and the lower case of the upper case (long s, dotless i)
    return {k for c in found for k in (c.lower()[:1], c.upper().lower()[:1])}


def first_char_match(pattern: re.Pattern) -> Callable[[str], re.Match | None]:
    """A function giving what ``pattern.match(text)`` gives, faster for a big anchored alternation."""
    split = split_branches(pattern.pattern) if pattern.flags & re.IGNORECASE else None
    if split is None:
        return pattern.match
    branches, tail = split
    starts = [_start_keys(branch, pattern.flags) for branch in branches]
    keys = set().union(*(s for s in starts if s is not None))

    def compile_(keep: list[str]) -> re.Pattern | None:
        return re.compile(_PREFIX + "|".join(keep) + tail, pattern.flags) if keep else None

    buckets = {k: compile_([b for b, s in zip(branches, starts) if s is None or k in s]) for k in keys}
    default = compile_([b for b, s in zip(branches, starts) if s is None])
    # first character -> its bucket's match (None: no branch can match); a non-ASCII one -> the pattern
    table = _ascii_table(lambda first: buckets.get(first.lower(), default))
    table = {first: bucket.match if bucket is not None else _no_match for first, bucket in table.items()}
    whole = pattern.match

    def match(text: str) -> re.Match | None:
        return table.get(text[:1], whole)(text)

    return match


def _no_match(text: str) -> None:
    return None


def _ascii_table(pick: Callable[[str], object]) -> dict[str, object]:
    """pick(first) for every possible ASCII first character of a text, "" (the empty text) included:
    the fast paths look the first character up instead of testing and lower-casing it."""
    return {first: pick(first) for first in ["", *map(chr, range(128))]}


def first_char_gate(pattern: re.Pattern) -> Callable[[str], re.Match | None]:
    """A function giving what ``pattern.match(text)`` gives, that skips the match when the text's
    first character is ASCII and none of the pattern's branches can start with it (compared
    case-insensitively, so a case-sensitive pattern is only gated more loosely). Any pattern shape;
    a pattern that can match the empty string or start with any character is not gated."""
    found, nullable = first_chars(_parser.parse(pattern.pattern, pattern.flags), loose=True)
    if found is None or nullable:
        return pattern.match
    keys = frozenset(k for c in found for k in (c.lower()[:1], c.upper().lower()[:1]))
    match = pattern.match
    # ASCII first characters (and the empty text) no branch can start with
    blocked = frozenset(first for first, start in _ascii_table(lambda first: first.lower() in keys).items() if not start)

    def gated(text: str) -> re.Match | None:
        if text[:1] in blocked:
            return None
        return match(text)

    return gated


def first_char_union(rows: tuple[tuple[str, re.Pattern], ...], flags: int = re.IGNORECASE) -> Callable[[str], str | None]:
    """A function giving the name of the first row whose pattern matches the text: what matching
    ``re.compile("(?P<name_0>p0)|(?P<name_1>p1)|...", flags)`` and reading ``lastgroup`` gives.
    Rows of the ``^(?:a|b|...)tail`` shape have their branches bucketed by first letter as in
    ``first_char_match`` (with IGNORECASE in flags); a row of another shape is tried whole in the
    buckets of the characters it can start with (every bucket when any may start it). Names must be
    valid group names. A non-ASCII first character uses the whole union."""
    table, whole_match = _union_table(rows, flags)

    def first_row(text: str) -> str | None:
        m = table.get(text[:1], whole_match)(text)
        return m.lastgroup if m else None

    return first_row


def _union_table(rows: tuple[tuple[str, re.Pattern], ...], flags: int) -> tuple[dict, Callable]:
    """(first ASCII character -> its bucket's match, the whole union's match) of first_char_union."""
    split = [split_branches(p.pattern) if flags & re.IGNORECASE else None for _, p in rows]
    starts = [[_start_keys(b, flags) for b in s[0]] if s else [_start_keys(p.pattern, flags)]
              for s, (_, p) in zip(split, rows)]

    def compile_(key: str | None) -> re.Pattern | None:
        parts = []
        for (name, pattern), row, row_starts in zip(rows, split, starts):
            if row is None:  # a row of another shape, tried whole where its first character allows
                if row_starts[0] is None or (key is not None and key in row_starts[0]):
                    parts.append(f"(?P<{name}>{pattern.pattern})")
                continue
            keep = [b for b, s in zip(row[0], row_starts) if s is None or (key is not None and key in s)]
            if keep:
                parts.append(f"(?P<{name}>{_PREFIX}{'|'.join(keep)}{row[1]})")
        return re.compile("|".join(parts), flags) if parts else None

    whole = re.compile("|".join(f"(?P<{name}>{p.pattern})" for name, p in rows), flags)
    keys = set().union(*(s for row_starts in starts for s in row_starts if s is not None))
    buckets = {k: compile_(k) for k in keys}
    default = compile_(None)
    table = _ascii_table(lambda first: buckets.get(first.lower(), default))  # as in first_char_match
    table = {first: bucket.match if bucket is not None else _no_match for first, bucket in table.items()}
    return table, whole.match


def union_by_length(rows: tuple[tuple[str, re.Pattern, int], ...]) -> Callable[[str], str | None]:
    """A function giving the name of the first row, in order, whose pattern matches the text among
    the rows whose length limit (the third item, in characters) the text does not exceed: what trying
    ``len(text) <= limit and pattern.match(text)`` row by row gives, in one match per line. One
    first_char_union per length class (its table read here: one call less per line); a pattern
    without IGNORECASE joins it as ``(?-i:...)``.
    Names must be valid group names; patterns may carry no other flag than IGNORECASE."""
    scoped = []
    for name, pattern, limit in rows:
        extra = pattern.flags & ~(re.IGNORECASE | re.UNICODE)
        if extra:
            raise ValueError(f"row {name}: flags {extra} cannot join an IGNORECASE union")
        if not pattern.flags & re.IGNORECASE:
            pattern = re.compile(f"(?-i:{pattern.pattern})")
        scoped.append((name, pattern, limit))
    limits = sorted({limit for _, _, limit in rows})
    classes = [(limit, *_union_table(tuple((n, p) for n, p, lim in scoped if lim >= limit), re.IGNORECASE))
               for limit in limits]

    def first_row(text: str) -> str | None:
        length = len(text)
        for limit, table, whole_match in classes:
            if length <= limit:
                m = table.get(text[:1], whole_match)(text)
                return m.lastgroup if m else None
        return None

    return first_row


def last_chars(items, loose: bool = True) -> tuple[set[str] | None, bool]:
    """(characters a parsed sequence can end with, whether it can match the empty string); None
    when any character may end it. The mirror of first_chars (read loosely by default)."""
    return _edge_chars(items, loose, from_end=True)


def last_char_gate(pattern: re.Pattern) -> Callable[[str], re.Match | None]:
    """A function giving what ``pattern.match(text)`` gives for a pattern that ends with ``$``,
    skipping the match when the text's last character is ASCII and the pattern cannot end with it
    (compared case-insensitively, as first_char_gate). A text ending in a newline (``$`` matches
    before it), a non-ASCII last character and patterns of another shape use the full match."""
    items = list(_parser.parse(pattern.pattern, pattern.flags))
    if not items or items[-1] != (C.AT, C.AT_END):
        return pattern.match
    found, nullable = last_chars(items[:-1])
    if found is None or nullable:
        return pattern.match
    keys = frozenset(k for c in found for k in (c.lower()[:1], c.upper().lower()[:1]))
    blocked = frozenset(c for c in map(chr, range(128)) if c != "\n" and c.lower() not in keys)
    match = pattern.match

    def gated(text: str) -> re.Match | None:
        if text[-1:] in blocked:
            return None
        return match(text)

    return gated


def required_literals(items) -> frozenset[str] | None:
    """Lower-case ASCII literals of which every match of a parsed sequence holds at least one (the
    sequence's longest run of literal characters, or an alternation whose every branch holds one, the
    choice whose shortest literal is longest); None when no such literal is found. A literal of a
    group with IGNORECASE off is still held as written, so lower-cased it is held by the lower-cased text."""
    best: frozenset[str] | None = None
    run: list[str] = []

    def better(found: frozenset[str] | None) -> None:
        nonlocal best
        if found and (best is None or min(map(len, found)) > min(map(len, best))):
            best = found

    for op, av in list(items) + [(None, None)]:
        if op is C.LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        better(frozenset(("".join(run),)) if run else None)
        run = []
        if op is C.SUBPATTERN:
            better(required_literals(av[3]))
        elif op is C.BRANCH:
            found = [required_literals(branch) for branch in av[1]]
            better(None if None in found else frozenset().union(*found))
        elif op in _REPEATS and av[0] >= 1:
            better(required_literals(av[2]))
    return best



_SEARCH_PREFIX = r"\b(?:"


def literal_search(pattern: re.Pattern, twins: tuple[str, ...]) -> Callable[[str], re.Match | None]:
    """A function giving what ``pattern.search(text)`` gives for a ``\\b(?:a|b|...)tail`` pattern
    without capturing groups, trying only the branches whose required_literals the lower-cased text
    holds, each as ``\\b(?:branch)tail`` on its own: the alternation's match is the leftmost of
    theirs, the first branch in order where two start at the same character. A branch without such a
    literal is always tried. twins: the characters IGNORECASE matches to an ASCII letter that
    str.lower() does not turn into it (vocabulary.CASE_TWINS); a text holding one is searched whole.
    A search over an alternation of phrases tries every branch at every word boundary; the literal
    tests are a few substring scans. Other patterns: ``pattern.search``."""
    split = split_branches(pattern.pattern, _SEARCH_PREFIX) if not pattern.groups else None
    if split is None:
        return pattern.search
    branches, tail = split
    always, pairs = [], []  # branches tried on every text; (literal, branch) for the others
    for n, branch in enumerate(branches):
        literals = required_literals(_parser.parse(branch, pattern.flags))
        if literals is None:
            always.append(n)
        # a literal holding another of the branch's is redundant: the shorter one is found wherever it is
        pairs += [(a, n) for a in sorted(literals or ()) if not any(b != a and b in a for b in literals)]
    alone = [re.compile(f"{_SEARCH_PREFIX}{branch}{tail}", pattern.flags).search for branch in branches]
    whole = pattern.search

    def search(text: str) -> re.Match | None:
        if any(map(text.__contains__, twins)):
            return whole(text)
        lower = text.lower()
        hits = [n for literal, n in pairs if literal in lower]
        best = None
        for n in sorted({*hits, *always}) if hits or always else ():
            found = alone[n](text)
            if found is not None and (best is None or found.start() < best.start()):
                best = found
        return best

    return search
