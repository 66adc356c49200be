"""Per-line features, article/boilerplate classification and the densest run of prose.

Each line gets a kind (prose, sentence, short, or a boilerplate reason) from general signals: length,
sentence punctuation, stopword density, letter ratio, UI vocabulary, repetition across the page. The
article is the maximum-sum run of line scores (prose positive, chrome negative); comment-section
headings are hard boundaries the run cannot cross.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import Any

from workers.stages.clean import vocabulary as v
from workers.stages.clean.dates import LABEL as DATE_LABEL
from workers.stages.clean.fastmatch import drop_non_alnum, has_digit, literal_search, union_by_length, words

PROSE, SENTENCE, SHORT = "prose", "sentence", "short"
CONTENT_KINDS = frozenset((PROSE, SENTENCE))

_CLOSERS = "\"'”’»)]*"
_ENDS = frozenset(".!?…。！？")
_QUOTE_RE = re.compile(r"[\"“”«»„]")
_HARD_END = re.compile(
    r"^(?:comments?(?: \(\d+\))?|\d+ comments?|no comments?|post a comment|leave a (?:comment|reply)|"
    r"add a comment|join the (?:conversation|discussion)|about the author|guest ?book(?: \(\d+(?: entries| comments)?\))?|"
    r"\d+ (?:guest ?book )?entries)(?:[.:!]| ?[»›→])?$",
    re.IGNORECASE,
)


UNASKED = object()  # a Line's section kind or metadata facts not asked yet


class Line:
    """One line's features and classification (classify), and two facts later passes read, each asked
    once per Line: its section kind (sections.line_kinds) and its metadata facts (metalines._meta_facts)."""

    __slots__ = ("text", "n", "terminal", "stop", "kind", "reason", "score", "hard_end", "repeatable", "twin",
                 "section", "meta")
    # the attributes' types, for mypyc (scripts/compile_clean.sh): n, terminal and stop are set by _line
    text: str
    n: int  # words: spaces + 1
    terminal: bool
    stop: float
    kind: str
    reason: str | None
    score: float
    hard_end: bool
    repeatable: bool
    twin: Line | None
    section: Any  # UNASKED, a section kind or None
    meta: Any  # UNASKED or metalines._meta_facts's tuple

    def __init__(self, text: str):
        self.text = text
        self.kind = SHORT
        self.reason: str | None = None
        self.score = 0.0
        self.hard_end = False
        self.repeatable = False  # a short line that scores _REPEATED_SCORE when its page repeats it
        self.twin: Line | None = None  # that repeated line's copy (classify)
        self.section = UNASKED  # sections.line_kind of the text, or None (sections.line_kinds)
        self.meta = UNASKED  # metalines._meta_facts of the text (metalines.metadata_lines)


def key(text: str) -> str:
    """Comparison key: case- and punctuation-insensitive."""
    return drop_non_alnum(text.casefold())  # re.sub(r"[\W_]+", "", ...), by bytes (fastmatch)


def has_quotes(text: str) -> bool:
    """The text holds a double quotation mark: " “ ” « » „ (a single one may be an apostrophe)."""
    if text.isascii():
        return '"' in text  # the one ASCII character of _QUOTE_RE
    return _QUOTE_RE.search(text) is not None


def is_terminal(text: str) -> bool:
    """The text ends as a sentence does (. ! ? and the like), before closing quotes and brackets."""
    stripped = text.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _ENDS


def list_marker(text: str, numbered: bool = False) -> re.Match | None:
    """The marker of a dump's list item with the space after it, or None: a bullet ("* ", "- ", "• ",
    "o ": vocabulary.BULLET) or, with `numbered`, a number ("2. ", "10) ": vocabulary.NUMBERED_ITEM).
    The item's text is text[marker.end():] (item_text). The one list-marker rule of the clean stage."""
    return v.BULLET.match(text) or (v.NUMBERED_ITEM.match(text) if numbered else None)


def item_text(text: str) -> str:
    """A bulleted list item's text without its marker ("* Share on Facebook" -> "Share on Facebook");
    the text itself when it has no marker (list_marker)."""
    marker = v.BULLET.match(text)
    return text[marker.end():] if marker else text


TOKEN = re.compile(r"\w+")
_PROMO_TRIGGERS = frozenset(
    "sign subscribe subscriber subscribers newsletter newsletters informed latest breaking download "
    "follow like notifications notification browser inbox click already journalism become trial "
    "unlimited exclusive terms privacy miss app real got tips email contact call send register basket cart bag "
    "first feedback recipe tag".split()
)
_COOKIE_TRIGGERS = frozenset(("cookie", "cookies"))
_COPYRIGHT_TRIGGERS = frozenset(
    "copyright copyrighted reserved material broadcast c reproduced republished reprinted copied permission".split()
)  # a word every vocabulary.COPYRIGHT phrase holds
_BIO_TRIGGERS = frozenset(
    "reporter correspondent editor writer journalist columnist contributor producer author chief based "
    "covers reports writes reach contact".split()
)


_NOTICE_TRIGGERS = frozenset(
    "recaptcha browser javascript notifications spam unsubscribe share commission commissions advertisers "
    "advertiser advertising affiliate compensation subscription access letter letters comment comments commenting disclaimer "
    "inbox associates linking creative inaccuracy error mistake typo correction responsible expressed substitute "
    "replacement publication receive receiving contact contacts transcript transcripts".split()
)  # a word every vocabulary.SITE_NOTICE phrase holds
_ALL_TRIGGERS = _PROMO_TRIGGERS | _COOKIE_TRIGGERS | _COPYRIGHT_TRIGGERS | _BIO_TRIGGERS | _NOTICE_TRIGGERS
# v.X.search, each branch tried only when the lower-cased line holds a literal its matches hold (fastmatch;
# not for COOKIE_CONTEXT, whose calls mostly match: the literal tests cost more than they save)
_PROMO_SEARCH = literal_search(v.PROMO, v.CASE_TWINS)
_NOTICE_SEARCH = literal_search(v.SITE_NOTICE, v.CASE_TWINS)
_NOTICE_MAX_CHARS = 400


# the whole-line patterns of the reason chain, each with the longest line it is tried on, in the
# chain's order: one match per line gives the first that fires (fastmatch.union_by_length)
_ANCHORED_ROWS = (
    ("comment_prompt", v.COMMENT_PROMPT, 130),  # an invitation with the question it asks
    ("ui_line", v.UI_LINE, 80),
    ("comment_heading", v.COMMENT_COUNT_HEADING, 260),  # "11 responses to “Title”": a hard end
    ("ui_prefix", v.UI_PREFIX, 300),
    ("player_text", v.PLAYER_TEXT, 160),  # a video player's dialog text, in UI_LINE too when short
    ("end_marker", v.END_OF_COPY, 12),
    ("about_section", v.ABOUT_SECTION, 80),
    ("credits", v.CREDITS, 250),
)
_ANCHORED_ROW = union_by_length(_ANCHORED_ROWS)
_FIRST_ROWS = frozenset(("comment_prompt", "ui_line", "player_text", "comment_heading"))  # rows tried before the icon-word test
_ROW_REASON = {"ui_line": "ui_vocabulary", "player_text": "ui_vocabulary", "ui_prefix": "ui_vocabulary"}  # other rows: their name
# rows a list item's text is tried on without its marker ("- 12 comments", "* Loading..."): an extractor
# writes a list's items with a marker, and an interface line is no less chrome inside a list
_LIST_ITEM_ROWS = frozenset(("comment_prompt", "ui_line", "comment_heading", "ui_prefix"))
# the list-item rows alone: they come first in _ANCHORED_ROWS, so this gives what _ANCHORED_ROW gives when
# that is a list-item row, else None, with fewer branches per match (tests/unit/test_clean_speed.py)
_LIST_ITEM_ROW = union_by_length(tuple(row for row in _ANCHORED_ROWS if row[0] in _LIST_ITEM_ROWS))
_GALLERY_SCORE = -2.0  # a gallery control inside the article: see vocabulary.GALLERY_CONTROL
_EMBED_SCORE = -1.0  # a social-media embed's label inside the article: see vocabulary.EMBED_LABEL
# an ad slot's marker ("Advertisement", "Story continues below advertisement": vocabulary.AD_MARKER): the
# page puts it between paragraphs, so it costs the run little and a short closing paragraph under it stays
_AD_SLOT_SCORE = -2.0
_EMBED_LABEL_MAX_CHARS = 160


_GLUED_WORD = re.compile(r"[A-Z][a-z]*|[a-z]+")


def _glued_icon_row(text: str) -> bool:
    """A share row whose link labels lost their spaces ("FacebookTwitterLinkedinEMail"): two or more
    capitalised words run together, every one a vocabulary.UI_WORDS word."""
    words = _GLUED_WORD.findall(text)
    return len(words) >= 2 and "".join(words) == text and v.UI_WORDS.issuperset(w.casefold() for w in words)


def _boilerplate_reason(line: Line, tokens: list[str]) -> str | None:
    """Why `line` (its casefolded word `tokens`) is chrome, or None: four passes in order, the first
    that names a reason wins: anchored rows and UI shapes, line shapes, trigger-word families, then a
    teaser's run-on link label."""
    text = line.text
    row = _ANCHORED_ROW(text)
    if row is None and len(text) > 2 and text[1] == " " and v.BULLET.match(text):
        row = _LIST_ITEM_ROW(text[2:].lstrip())
    return (_row_or_ui_reason(line, tokens, row) or _shape_reason(text) or _trigger_reason(line, tokens)
            or _teaser_tail(text))


def _row_or_ui_reason(line: Line, tokens: list[str], row: str | None) -> str | None:
    """Pass 1: the line's anchored row (vocabulary rows matched at its start, also after a bullet),
    icon and UI-word rows, navigation rows."""
    text = line.text
    length = len(text)
    if row in _FIRST_ROWS:
        if row == "ui_line" and v.AD_MARKER.match(text):
            return "advertisement"  # an ad slot's marker: chrome the extractors cannot vote back in
        return _ROW_REASON.get(row, row)
    if line.n >= 3 and not line.terminal and length <= 4000 and _has_icon_words(text):
        iconish = len(v.ICONISH.findall(text))
        if iconish >= 3 and iconish * 5 >= line.n:
            return "ui_vocabulary"
    if row == "ui_prefix":
        return "ui_vocabulary"
    if line.n <= 12 and not line.terminal and tokens and v.UI_WORDS.issuperset(tokens):
        return "ui_vocabulary"
    if line.n == 1 and 8 <= length <= 80 and text.isalpha() and _glued_icon_row(text):
        return "ui_vocabulary"
    if length <= 160 and (_is_nav_row(text) or v.BRACKET_LINK_BAR.match(text)):
        return "ui_vocabulary"
    return row  # end_marker, about_section, credits; None


def _shape_reason(text: str) -> str | None:
    """Pass 2: shapes no sentence has: a phrase said twice, a bare domain, a copyright line with ©."""
    length = len(text)
    if _SAID_TWICE_MIN <= length <= _SAID_TWICE_MAX and said_twice(text):
        return "ui_vocabulary"  # "Rate this Recipe Rate this Recipe": a link and its label, a card's title thrice
    if length <= 60 and " " not in text and "." in text and v.BARE_DOMAIN.match(text):
        return "credits"  # "EXAMPLENEWS.COM": the source credit of copied text
    if length <= 300 and "©" in text and v.COPYRIGHT.search(text):
        return "copyright"
    return None


def _teaser_tail(text: str) -> str | None:
    """Pass 4: a teaser's summary with its link's label run on ("... new treatments. Read now":
    vocabulary.TEASER_TAIL), when no other reason named the line (an author bio's "Read more" stays a bio)."""
    last = text[-1:]
    if last == "." and text[-3:] != "...":  # a sentence's full stop: TEASER_TAIL ends in a word, "..." or an arrow
        return None
    if len(text) <= _TEASER_TAIL_MAX_CHARS and last in _TEASER_TAIL_ENDS and v.TEASER_TAIL.search(text[-40:]):
        return "ui_vocabulary"
    return None


_TEASER_TAIL_MAX_CHARS = 600
_TEASER_TAIL_ENDS = frozenset("wWeEgGyYdDrRnN»›→>.…")  # the last characters vocabulary.TEASER_TAIL can end with


def _trigger_reason(line: Line, tokens: list[str]) -> str | None:
    """Pass 3: trigger-word families (copyright, cookies, promotion, site notices, author bios), each
    read only when one of its trigger words is among `tokens`."""
    if _ALL_TRIGGERS.isdisjoint(tokens):
        return None
    text = line.text
    length = len(text)
    found = _ALL_TRIGGERS.intersection(tokens)
    if length <= 300 and not found.isdisjoint(_COPYRIGHT_TRIGGERS) and v.COPYRIGHT.search(text):
        return "copyright"
    if length <= 600 and not found.isdisjoint(_COOKIE_TRIGGERS) and v.COOKIE_CONTEXT.search(text):
        return "cookie_notice"
    if (
        line.n <= 45
        and not found.isdisjoint(_PROMO_TRIGGERS)
        and (tokens[0] in v.PROMO_IMPERATIVES or not v.READER_PRONOUNS.isdisjoint(tokens))
        and not has_quotes(text)
        and _PROMO_SEARCH(text)
    ):
        return "promo"
    if not found.isdisjoint(_NOTICE_TRIGGERS) and (length <= _NOTICE_MAX_CHARS or _labelled_notice(text)) and _NOTICE_SEARCH(text):
        return "site_notice"
    if length <= 400 and not found.isdisjoint(_BIO_TRIGGERS) and (
        v.AUTHOR_BIO.match(text) or v.AUTHOR_BIO_VERB.match(text) or v.AUTHOR_CONTACT.search(text)
    ):
        return "author_bio"
    return None


_SAID_TWICE_MIN, _SAID_TWICE_MAX = 25, 400  # two copies of at least 12 characters; a card title thrice


def said_twice(text: str) -> bool:
    """The line is one phrase of 12 or more characters written two or more times in a row, nothing else
    but a last copy cut short ("Delete comment Delete comment", "How Stores Work How Stores Work How
    Sto"): a dump joins an element's copies (a link, its title attribute, an image's alt text), which no
    sentence does."""
    period = text.find(text[:12], 12)  # where the second copy starts, after a space
    return (period > 12 and text[period - 1] == " " and len(text) >= 2 * period - 1
            and text[period:] == text[: len(text) - period])


def _labelled_notice(text: str) -> bool:
    """A notice that says what it is ("Disclaimer: ...", "Disclaimer (varies by section): ..."): a site
    notice at any length, not only up to _NOTICE_MAX_CHARS."""
    return text[:10].casefold() == "disclaimer"


def _is_nav_row(text: str) -> bool:
    """A menu row ("News | Sport | Weather") or a breadcrumb trail ("Home > World", "Sport › Football")."""
    if not any(map(text.__contains__, _NAV_ASCII)) if text.isascii() else _NAV_CHAR.search(text) is None:
        return False  # no separator character: NAV_SEPARATOR cannot split it
    if DATE_LABEL.match(text):
        return False  # "Published: Tuesday | April 26, 2022 | 9:52 PM": the article's date line, not a menu
    parts = v.NAV_SEPARATOR.split(text)
    if len(parts) < 2 or (len(parts) == 2 and v.BREADCRUMB_SEPARATOR.search(text) is None):
        return False
    if has_digit(text) and any(DATE_LABEL.match(p) for p in parts[1:]):
        return False  # "By Jane Doe · Published Oct 4, 2024 · 32 Comments": a header's credit row, not a menu
    return all(0 < p.count(" ") + 1 <= 4 and not is_terminal(p) for p in parts)


_NAV_CHARS = ">»›/|•·"  # every character vocabulary.NAV_SEPARATOR's middle class holds
_NAV_CHAR = re.compile(f"[{_NAV_CHARS}]")
_NAV_ASCII = tuple(c for c in _NAV_CHARS if c.isascii())  # what _NAV_CHAR can find in an ASCII line


def _has_icon_words(text: str) -> bool:
    lower = text[:4000].casefold()
    return "icon" in lower or "chevron" in lower


def classify(texts: list[str]) -> list[Line]:
    """One Line per text, in order: its kind (PROSE, SENTENCE, SHORT or "boilerplate" with the chrome
    reason), word count, stopword share and score for the article-run search (prose counts up, chrome
    and repeated short lines down). Identical texts share one Line object, to be read, not changed;
    lines of at most LINE_MEMO_MAX_CHARS characters come from a memo kept across documents
    (line_memo_info, clear_line_memo): a site's menus and footers repeat on each of its pages."""
    counts: Counter | None = None
    lines = []
    memo: dict[str, Line] = {}
    for text in texts:
        line = memo.get(text)
        if line is None:  # identical lines classify identically; a Line is read-only but for its kept facts
            line = _known_line(text) if len(text) <= LINE_MEMO_MAX_CHARS else _line(text)
            if line.repeatable:
                if counts is None:
                    counts = Counter(t.casefold() for t in texts if len(t) <= 80)
                if counts[text.casefold()] > 1:
                    line = _repeated(line)
            memo[text] = line
        lines.append(line)
    return lines


LINE_MEMO_MAX_CHARS = 300  # longer lines are prose: they seldom repeat across pages
LINE_MEMO_SIZE = 32768  # distinct lines the memo keeps (least recently used out): about 12 MB, 20 at most (ASCII)
_REPEATED_SCORE = -6.0


def _line(text: str) -> Line:
    """The Line of one text, as classify gives it on a page that does not repeat the text."""
    line = Line(text)
    n = line.n = text.count(" ") + 1
    line.terminal = is_terminal(text)
    tokens = words(text[:600].casefold())  # TOKEN.findall, by bytes (fastmatch)
    line.stop = len(list(filter(v.STOPWORDS.__contains__, tokens))) / len(tokens) if tokens else 0.0
    reason = _boilerplate_reason(line, tokens)
    if reason:
        line.kind, line.reason = "boilerplate", reason
        line.score = -10.0
        line.hard_end = (reason in _HARD_END_REASONS) or (bool(_HARD_END.match(text)) if len(text) <= 40 else False)
        if not line.hard_end and len(text) <= 60 and v.END_MARKER.match(text):
            line.score = -25.0
        elif reason == "ui_vocabulary" and len(text) <= 24 and v.GALLERY_CONTROL.match(text):
            line.score = _GALLERY_SCORE
        elif reason == "ui_vocabulary" and len(text) <= _EMBED_LABEL_MAX_CHARS and v.EMBED_LABEL.match(text):
            line.score = _EMBED_SCORE
        elif reason == "advertisement":
            line.score = _AD_SLOT_SCORE
    elif _is_roster(text, tokens, line.stop) or (
            n >= HEADLINE_RUN_MIN_WORDS and not line.terminal and _is_headline_run(line, text)):  # gate inlined: most lines
        line.kind = SHORT  # a line-up or name list: "Team: Ward; Clarke, Osei, Patel; ...", or headlines run together
        line.score = -3.0
    elif _may_be_prose(line) and _is_prose(line, text, tokens, alpha := _alpha_share(tokens)):
        line.kind = PROSE
        line.score = float(min(n, 60)) if n >= 3 else min(len(text) / 4.0, 60.0)
    elif line.terminal and n >= 3 and alpha >= 0.5:
        line.kind = SENTENCE
        line.score = n / 2.0
    else:
        line.kind = SHORT
        line.score = -3.0
        line.repeatable = len(text) <= 80  # _REPEATED_SCORE where the page repeats it (classify)
        if len(text) <= _FIGURE_LABEL_MAX_CHARS and _DIGIT.search(text) and not _LETTER.search(text):
            line.score = 0.0  # a chart's axis label or data value ("$915", "’17", "13.0%"): no chrome word
            line.repeatable = False
    return line


_known_line = functools.lru_cache(maxsize=LINE_MEMO_SIZE)(_line)  # the memo across documents


def _repeated(line: Line) -> Line:
    """The copy of a repeatable line with _REPEATED_SCORE (made once, kept on the line)."""
    twin = line.twin
    if twin is None:
        twin = Line(line.text)
        twin.n, twin.terminal, twin.stop, twin.kind = line.n, line.terminal, line.stop, line.kind
        twin.score = _REPEATED_SCORE
        twin.section, twin.meta = line.section, line.meta  # facts of the text
        line.twin = twin
    return twin


def line_memo_info() -> tuple[int, int, int]:
    """(hits, misses, lines held) of classify's memo across documents since it was last cleared."""
    info = _known_line.cache_info()
    return info.hits, info.misses, info.currsize


def clear_line_memo() -> None:
    """Empties classify's memo across documents (benches: a pass over pages never seen)."""
    _known_line.cache_clear()


_LIST_SEPARATORS = re.compile(r"[,;]")
_FIGURE_LABEL_MAX_CHARS = 12
_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")
_HARD_END_REASONS = frozenset(("end_marker", "about_section", "comment_heading"))


def _is_roster(text: str, tokens: list[str], stop: float) -> bool:
    """A list of names (line-ups, cast lists, tag rows): many commas/semicolons, almost no function
    words, mostly capitalised words."""
    if stop >= 0.1 or len(tokens) < 6:
        return False
    separators = len(_LIST_SEPARATORS.findall(text))
    if separators < 4:
        return False
    words = [w for w in text.split() if w[:1].isalpha()]
    return bool(words) and sum(w[:1].isupper() for w in words) >= 0.6 * len(words)


HEADLINE_RUN_MIN_WORDS = 20  # a title-case headline is shorter; a rail of them flattened onto one line is longer
HEADLINE_RUN_CAPITALISED = 0.85  # share of its content words (not vocabulary.STOPWORDS) written capitalised
HEADLINE_RUN_WORDS_PER_SEPARATOR = 10  # a list of names or titles has a comma or semicolon every few words


def _is_headline_run(line: Line, text: str) -> bool:
    """Title-case headlines run together ("Harbour Board Backs Dredging Plan Pier To Close For Repairs Ferry
    …", a teaser rail a one-line dump flattened): HEADLINE_RUN_MIN_WORDS words or more without a sentence
    end, nearly every content word capitalised, few commas or semicolons (a list of names or titles)."""
    if line.n < HEADLINE_RUN_MIN_WORDS or line.terminal:
        return False
    if len(_LIST_SEPARATORS.findall(text)) * HEADLINE_RUN_WORDS_PER_SEPARATOR >= line.n:
        return False
    words = [w for w in text.split() if w[:1].isalpha() and w.casefold() not in v.STOPWORDS]
    return bool(words) and sum(w[:1].isupper() for w in words) >= HEADLINE_RUN_CAPITALISED * len(words)


def _alpha_share(tokens: list[str]) -> float:
    """Share of word tokens made of letters only (numbers, codes and symbols lower it)."""
    return len(list(filter(str.isalpha, tokens))) / len(tokens) if tokens else 0.0


_PROSE_MIN_WORDS_UNENDED = 8  # the fewest words of a _is_prose rule without a sentence end


def _may_be_prose(line: Line) -> bool:
    """False where _is_prose is False whatever the text: a line without a sentence end and under
    _PROSE_MIN_WORDS_UNENDED words (most chrome lines), so its letter share is never computed."""
    return line.terminal or line.n >= _PROSE_MIN_WORDS_UNENDED


def _is_prose(line: Line, text: str, tokens: list[str], alpha: float | None = None) -> bool:
    n = line.n
    if (_alpha_share(tokens) if alpha is None else alpha) < 0.6:
        return False
    if n >= 7 and line.terminal and line.stop >= 0.12:
        return True
    if n >= 12 and line.terminal:
        return True
    if n >= 20 and line.stop >= 0.2:
        return True
    # a paragraph introducing a quote or a list: "The ministry said in a statement:"
    if n >= 8 and line.stop >= 0.2 and text.endswith(":"):
        return True
    # scripts written without spaces: a long line, or a short sentence in Chinese/Japanese/Korean
    # (one such character carries about a word: "必ず複数の男性で確保する。" is a sentence)
    return n < 4 and line.terminal and (len(text) >= 40 or len(_CJK.findall(text)) >= CJK_SENTENCE_CHARS)


CJK_SENTENCE_CHARS = 8
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def densest_run(lines: list[Line], short_score: float | None = None) -> tuple[int, int]:
    """[start, end) of the maximum-score run of lines; comment headings end a run for good.
    short_score overrides the penalty of short non-sentence lines (milder for extractor output)."""
    best = (0, 0, 0.0)
    start, total = 0, 0.0
    for i, line in enumerate(lines):
        if line.hard_end:
            start, total = i + 1, 0.0
            continue
        if total <= 0:
            start, total = i, 0.0
        total += short_score if short_score is not None and line.kind == SHORT else line.score
        if total > best[2]:
            best = (start, i + 1, total)
    return best[0], best[1]
