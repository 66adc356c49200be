"""Flattened pages: very long lines split into blocks before line classification.

A scraper that collapses a page's newlines sends its menu, headline, byline, share row, article and
cookie notice as one line, and line classification can then only keep or drop all of it. Lines
longer than LONG_LINE_CHARS are cut back into the blocks a page is made of:

Lines of CHROME_LINE_CHARS or more are split the same way when they hold a menu or share row.
Blocks are:

- sentences (at a sentence end followed by a capitalised word; not after a short form in
  ABBREVIATIONS or an initial);
- list-like runs of short capitalised items (menus: "Home News Sport Weather Business Culture")
  and runs of interface words with at least two capitalised ones ("Share this article Facebook
  Twitter Email"), wherever they sit in a sentence-piece;
- date lines ("Published 3 June 2024") and "By Jane Doe" bylines between a headline and the lead;
- chrome labels ("Leave a Reply", "Related stories", "Read more": CHROME_LABELS) and the start of
  chrome sentences ("We use cookies", CHROME_OPENERS).

Every line also loses its unbroken tokens of UNBROKEN_TOKEN_CHARS or more (pasted data URIs,
base64 blobs, minified code): no article word is that long. Work is linear in the line length.
"""

from __future__ import annotations

import re

from workers.stages.clean import flat_headline
from workers.stages.clean import vocabulary as v

LONG_LINE_CHARS = 1000  # a paragraph of a real article is nearly always shorter
CHROME_LINE_CHARS = 400  # a shorter flattened page is split too when it holds a menu or share row
UNBROKEN_TOKEN_CHARS = 500
HEADER_LINE_CHARS = 1500  # a whole page on one line (menus, header, article) is longer; its headline is cut out
MAX_BLOCKS = 10_000  # as core.MAX_LINES: no article needs more
MENU_RUN_ITEMS = 6  # capitalised one-word items in a row that make a menu, not a name
UI_RUN_CAPITALISED = 2  # capitalised interface words that make a share/follow row

# short forms that end in a full stop inside a sentence (English news style)
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st sen rep gov gen col lt sgt capt cmdr adm rev hon jr sr co corp inc ltd no "
    "vs etc approx dept est fig jan feb mar apr jun jul aug sep sept oct nov dec mt ft ave blvd".split()
)
# section names of news-site menus: a menu run ends at them, a headline or name after them does not
SECTION_WORDS = frozenset(
    "news sport sports weather business culture opinion podcast podcasts politics world local national "
    "international tech technology science health travel lifestyle entertainment arts books music film "
    "tv video videos live markets money economy education environment climate football cricket rugby "
    "tennis golf motoring property jobs puzzles crosswords games obituaries letters comment features "
    "analysis newsletters subscribe contact about uk us europe asia africa americas australia".split()
)
# Chrome labels that a flattened page runs into its neighbours: each becomes a block of its own,
# so the line rules (vocabulary.UI_LINE, COMMENT_PROMPT) see it as they would on its own line.
# Matched case-sensitively in sentence or title case, at a word boundary.
CHROME_LABELS: tuple[str, ...] = (  # of any length: it grows below (mypyc)
    "Leave a Reply", "Leave a Comment", "Leave A Reply", "Leave A Comment", "Leave a reply", "Leave a comment", "Cancel reply", "Post a Comment", "Show Comments", "View Comments",
    "Load Comments", "Comments are closed", "Join the conversation", "Join the discussion",
    "You might also like", "You may also like", "You May Also Like", "You Might Also Like",
    "Read More", "Read more", "Read Next", "Read next", "Recent Posts", "Recent posts", "Recent Comments",
    "Popular Posts", "Previous Post", "Next Post", "Previous article", "Next article",
    "Recommended for you", "Recommended for You", "Most Popular", "Most popular", "Most Read", "Most read",
    "Trending Now", "Trending now", "Share this article", "Share this story", "Share this:", "Share This",
    "Follow us", "Follow Us", "Continue reading", "Skip to content", "Skip to main content", "Back to top",
    "Advertisement", "ADVERTISEMENT", "Sign up", "Sign Up", "Log in", "Log In", "Subscribe", "Newsletter",
    "Privacy Policy", "Terms of Use", "Terms of Service", "Cookie Policy", "Cookie Settings",
    "All rights reserved", "Some rights reserved", "Full Bio", "Full bio",
    "(Opens in new window)",
    # content-recommendation widgets' credits over their promoted rails (metadata._NOT_NAME_WORDS names them)
    "Recommended by Outbrain", "Promoted content by Outbrain", "Promoted Links", "Promoted by Zergnet",
    "Promoted By Zergnet", "Sponsored Links by Taboola",
)
# words a label's title case leaves in lower case ("Add a Comment", "Notify Me of New Comments")
_TITLE_CASE_LOWER = frozenset("a an the of to in on at for and or by with".split())


def label_cases(label: str) -> tuple[str, str]:
    """A lower-case label in sentence case and in title case: "add a comment" -> ("Add a comment",
    "Add a Comment")."""
    words = label.split(" ")
    title = [words[0].capitalize()] + [w if w in _TITLE_CASE_LOWER else w[:1].upper() + w[1:] for w in words[1:]]
    return label[:1].upper() + label[1:], " ".join(title)


# comment sections and the rails after an article (a flattened page runs them on from its last sentence):
# vocabulary.CLOSING_LABELS, cut out so the line rules read them as the section headings they are
CHROME_LABELS += tuple(dict.fromkeys(case for _, label in v.CLOSING_LABELS for case in label_cases(label)))
# teaser-rail headings (vocabulary.TEASER_RAIL_LABELS) in title case: a flattened page runs them into the teasers
# under them; cut out, the line rules read them as the rail's heading (sections: "teasers")
CHROME_LABELS += tuple(label_cases(label)[1] for label in v.TEASER_RAIL_LABELS)
# chrome sentences: a block starts at them (the sentence they open is the notice itself)
CHROME_OPENERS = (
    "We use cookies", "This site uses cookies", "This website uses cookies", "By continuing to use",
    "Your email address will not be published", "Sign up for our", "Subscribe to our", "Copyright ©",
    "©", "This site uses Akismet", "Some comments may be", "We ask that comments", "Comments are moderated",
)
_LABEL = re.compile(
    r"(?<!\S)(?:" + "|".join(map(re.escape, sorted(CHROME_LABELS, key=len, reverse=True)))
    + r"|Related (?:Articles|Stories|Posts|Content|Topics|Coverage|Links|News|Reading|Videos)"
    + r"|Related (?:articles|stories|posts|content|topics|coverage|links|news|reading|videos)"
    + r"|\d{1,2} [Mm]in(?:ute)? [Rr]ead|\d{1,5} [Cc]omments|[Cc]omments \(\d{1,5}\))(?=[\s:.!]|$)"
)
# a photo credit that a flattened page runs into the next sentence; the block ends after it:
# "(Saul Loeb/AFP/Getty Images)", "(Photo by Ana Lind/Getty)", "Photograph: Ana Lind/AFP/Getty", "Getty Images"
_CREDIT = re.compile(
    r"(?<!\S)(?:\((?:[^()]{0,80}?(?:/|\bGetty\b|\bImages\b|\bPhoto\b))[^()]{0,80}\)"
    r"|(?:Photograph|Photo|Image|Picture)(?: credit)?: (?:[^\s/]+ ){0,3}[^\s/]+(?:/[^\s/]+)+"
    r"|Getty Images|Shutterstock)(?= [A-Z“\"‘])"
)
_OPENER = re.compile(r"(?<!\S)(?:" + "|".join(map(re.escape, CHROME_OPENERS)) + r")")
NAME_BACKOFF_TOKENS = 3  # a headline's or name's capitalised words a menu run may have swallowed
_UNBROKEN = re.compile(rf"\S{{{UNBROKEN_TOKEN_CHARS},}}")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’»)\]]*\s+(?=[\"“‘«(\[]?[A-Z0-9©])")
_WORD_BEFORE = re.compile(r"(\S+)$")
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# a date (optionally labelled, optionally with a time and a zone) that a headline or byline runs into
_DATE = re.compile(
    rf"(?<!\S)(?=[0-9A-Z])(?:(?:Published|Updated|Posted|Last updated|First published|Written|Date)"
    rf"(?: [Oo]n)?:? )?"
    rf"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? )?"
    rf"(?:\d{{1,2}} {_MONTHS},? \d{{4}}|{_MONTHS} \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|\d{{1,2}}/\d{{1,2}}/\d{{4}})"
    rf"(?:,? (?:at |[/|–-] )?\d{{1,2}}[:.]\d{{2}}(?::\d{{2}})?(?: ?[ap]\.?m\.?| ?[AP]M\b)?(?: [A-Z]{{2,4}}\b)?)?"
)
_DATE_FOLLOWER = "|·–—-/"
_CLAUSE_PUNCTUATION = ",;.)"  # after a date in prose; a header's date is followed by a word or a separator
_GLUED_BY = re.compile(r"^By(?=[A-Z])")
_LABEL_AFTER_NAME = re.compile(r"[\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}:")  # a date cut is kept before these, as before a capitalised word
# words no name starts or holds: labels, articles, prepositions and the closed class of pronouns and
# possessive or demonstrative determiners ("Call Me By Your Name is out": a title in prose, no byline)
NOT_NAME_WORDS = (
    "Published Updated Posted Last First Date Share The A In On At "
    "I Me My You Your He Him His She Her It Its We Us Our They Them Their This That These Those"
).split()
_NOT_NAME = rf"(?!(?:{'|'.join(NOT_NAME_WORDS)})\b)"
_NAME = rf"{_NOT_NAME}[A-Z][\w'’.-]+(?: {_NOT_NAME}[A-Z][\w'’.-]+){{0,2}}"
# "By Jane Doe", "By: Jane Doe", "ByJane Doe" (the byline's label and name in two inline elements),
# "by: Jane Doe", and "by Jane Doe" after a date ("Posted on 3 June 2024 by Jane Doe") or ending the piece
# (a headline's, cut before the date after it: "Pier closes by Jane Doe" / "3 June 2024"); up to four
# names ("By Jane Doe, Ali Khan and Li Wei")
_BYLINE = re.compile(
    rf"(?:\bBy:? ?|\bby: |(?:^|(?<=\d ))by |(?<= )by (?={_NAME}(?<![.!?])$)){_NAME}(?:(?:,| and|,? &) {_NAME}){{0,3}}"
    rf"(?=$| [A-Z0-9@]| [|·–—-](?: |$))"
)
_ITEM_PUNCTUATION = "|•·›»>/&–—-"
# candidate runs, found at C speed and then checked token by token: capitalised tokens or item
# separators in a row; interface words in a row
_ITEM_TOKEN = r"(?:[A-Z][^\s]*|[|•·›»>/&–—-])"
_MENU_CANDIDATE_RULE = rf"(?<!\S)(?:{_ITEM_TOKEN}(?: |$)){{{MENU_RUN_ITEMS},}}"
_CAPITALISED_RULE = r"(?<!\S)[A-Z][^\s]*"
# The same two patterns with their first token's character class first and the "(?<!\S)" moved one
# character on ("(?<!\S.)"): Python's regex engine skips ahead to a possible first character only when
# a pattern starts with one (a leading lookbehind is tried at every position); the same matches
# (tests/unit/test_clean_speed.py), about twice as fast on long lines.
_MENU_CANDIDATE = re.compile(
    r"[A-Z|•·›»>/&–—-](?<!\S.)(?:(?<=[A-Z])[^\s]*)?(?: |$)"
    rf"(?:{_ITEM_TOKEN}(?: |$)){{{MENU_RUN_ITEMS - 1},}}"
)
_CAPITALISED = re.compile(r"[A-Z](?<!\S.)[^\s]*")
_STRIP = ".,:;!?\"'“”‘’()[]"


def split_blocks(lines: list[str]) -> list[str]:
    """Normalised lines (normalise.split_lines) -> the same lines, with unbroken tokens removed and
    every line over LONG_LINE_CHARS (or over CHROME_LINE_CHARS with a menu or share row in it)
    split into blocks: split_page's lines."""
    return split_page(lines)[0]


def split_page(lines: list[str]) -> tuple[list[str], int | None]:
    """Normalised lines (normalise.split_lines) -> (the same lines, with unbroken tokens removed and
    every line over LONG_LINE_CHARS (or over CHROME_LINE_CHARS with a menu or share row in it)
    split into blocks (sentences, menus, share rows, date and byline lines; in the first one split,
    the headline too: flat_headline), the index of that headline's block or None). Other lines are
    returned unchanged; at most MAX_BLOCKS blocks."""
    out: list[str] = []
    headline = None
    header = True  # the first line split holds the page's header (flat_headline)
    for line in lines:
        if len(line) >= UNBROKEN_TOKEN_CHARS:
            line = drop_unbroken(line)
            if not line:
                continue
        if len(line) <= CHROME_LINE_CHARS or (len(line) <= LONG_LINE_CHARS and len(list_runs(line)) == 1):
            out.append(line)
        else:
            found, cut = _blocks(line, MAX_BLOCKS - len(out), header and len(line) >= HEADER_LINE_CHARS)
            if cut is not None and cut < len(found):
                headline = len(out) + cut
            out.extend(found)
            header = False
        if len(out) >= MAX_BLOCKS:
            break
    return out, headline


def drop_unbroken(line: str) -> str:
    """``" ".join(_UNBROKEN.sub(" ", line).split())``: the line's whitespace-separated tokens without
    those of UNBROKEN_TOKEN_CHARS or more, joined by single spaces. A maximal run of \\S is one
    ``str.split()`` token (both cut at ``str.isspace`` characters), so no regex scan is needed."""
    return " ".join([token for token in line.split() if len(token) < UNBROKEN_TOKEN_CHARS])


def _blocks(line: str, limit: int, header: bool) -> tuple[list[str], int | None]:
    """(the blocks of a long line, at most `limit`; with `header`, the index of the headline block
    flat_headline cut out, or None)."""
    out: list[str] = []
    for sentence in sentences(line):
        for part in chrome_phrases(sentence):
            for piece in _split_dates_and_bylines(part):
                out.extend(list_runs(piece))
        if len(out) >= limit:
            break
    cut = None
    if header:
        out, cut = flat_headline.headline_cut(out, _is_header_meta)
    return out[:limit], cut


def _is_date(block: str) -> bool:
    return _DATE.fullmatch(block) is not None


def _is_header_meta(block: str) -> bool:
    """A byline block ("By Jane Doe") or a date block (_is_dateline)."""
    return _BYLINE.fullmatch(block) is not None or _is_dateline(block)


def _is_dateline(block: str) -> bool:
    """A date block, or a date and the byline after it ("Posted on 3 June 2024 by Jane Doe")."""
    match = _DATE.match(block)
    return match is not None and (match.end() == len(block) or block.startswith(" by ", match.end()))


def sentences(text: str) -> list[str]:
    """`text` cut after each sentence end followed by a capitalised word or a number, except after
    a short form (ABBREVIATIONS) or a single initial ("J. Smith", "U.S. officials")."""
    out: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        # the word before the sentence end: what _WORD_BEFORE.search(text, start, match.start()) finds
        # (the piece ends in the end's punctuation, never in whitespace), without a scan from start
        before = text[start : match.start()].rsplit(None, 1)
        word = before[-1].rstrip(".!?…\"'”’»)]").casefold() if before else ""
        if word in ABBREVIATIONS or (len(word) <= 2 and word[:1].isalpha()) or "." in word:
            continue
        out.append(text[start : match.start()])
        start = match.end()
    out.append(text[start:])
    return [piece for piece in out if piece]


def chrome_phrases(text: str) -> list[str]:
    """`text` cut around each CHROME_LABELS phrase, before each CHROME_OPENERS phrase and after a photo
    credit (_CREDIT)."""
    cuts: set[int] = set()
    for match in _LABEL.finditer(text):
        end = match.end()
        while end < len(text) and text[end] in ".:!":
            end += 1
        cuts.update((match.start(), end))
    for match in _OPENER.finditer(text):
        cuts.add(match.start())
    for match in _CREDIT.finditer(text):
        cuts.add(match.end())
    if not cuts:
        return [text]
    bounds = sorted(cuts | {0, len(text)})
    return [part for a, b in zip(bounds, bounds[1:]) if (part := text[a:b].strip())]


def _split_dates_and_bylines(text: str) -> list[str]:
    """A date or a "By Jane Doe" that sits between two other pieces of text becomes its own block; a
    date and the "by Jane Doe" after it stay one ("Posted on 3 June 2024 by Jane Doe")."""
    out: list[str] = []
    for part in (part for piece in _cut(text, _DATE, date=True) for part in _bylines_cut(piece)):
        if out and part.startswith("by ") and _is_date(out[-1]):
            out[-1] = f"{out[-1]} {part}"
        else:
            out.append(part)
    return out


def _byline_text(byline: str) -> str:
    """A byline block as a byline line reads: "ByJane Doe" -> "By Jane Doe" (label and name were two
    inline elements), "By Jane Doe." -> "By Jane Doe" (a full stop after a surname, not an initial's)."""
    byline = _GLUED_BY.sub("By ", byline)
    if byline.endswith(".") and len(byline.rsplit(None, 1)[-1]) > 4:
        byline = byline[:-1]
    return byline


def _bylines_cut(text: str) -> list[str]:
    """_cut at bylines; a piece without "by" in it has none (a substring test spares the regex scan)."""
    return _cut(text, _BYLINE, date=False) if "by" in text or "By" in text else [text]


def _cut(text: str, pattern: re.Pattern, date: bool) -> list[str]:
    out: list[str] = []
    position = 0
    for match in pattern.finditer(text):
        start, end = match.start(), match.end()
        if start > 0 and text[start - 1] != " ":
            continue
        rest = text[end:].lstrip()
        if date and rest and rest[0] in _CLAUSE_PUNCTUATION:
            continue  # "On March 24, 2014, the board ...", "Retrieved 2014-07-01.": the date ends a clause
        if date and rest and not (rest[0].isupper() or rest[0] in _DATE_FOLLOWER or _BYLINE.match(text, len(text) - len(rest))
                                  or not _in_sentence(text, start)):
            continue  # "on 3 June 2024 the bridge ...": a date inside a sentence
        if not date and _LABEL_AFTER_NAME.match(text, end):
            continue  # "By Main Ingredient: Beef": a menu's label, not a byline
        if not date:
            end = _name_end(text, match)
        found = text[start:end] if date else _byline_text(text[start:end])
        out.extend(part for part in (text[position:start].strip(), found.strip()) if part.strip(_DATE_FOLLOWER + " "))
        position = end
    rest = text[position:].strip()
    if rest.strip(_DATE_FOLLOWER + " "):
        out.append(rest)
    return out or [text]


def _in_sentence(text: str, start: int) -> bool:
    """Whether the word before `start` is a lower-case word or ends a clause ("on", "since", "said,"):
    a date after it is part of the sentence; one after a name, a headline's last word or a byline is the
    header's date line whatever follows it ("By Ana Lind March 4, 2024 facebook twitter")."""
    before = text[max(0, start - 100):start].rsplit(None, 1)  # bounded: a piece may hold many dates
    return bool(before) and (before[-1][:1].islower() or before[-1].endswith((",", ";", ":")))


_SURNAME = re.compile(r" ([A-Z][a-z][\w'’-]*)")


def _name_end(text: str, match: re.Match) -> int:
    """Where a byline ends: after the name the pattern matched, or one word on when the regex gave
    that word back because the next token is glued chrome ("By Ana Lind sharefacebook" matched as
    "By Ana"): a capitalised word that is no function, interface or section word, while the last name has
    fewer than three words; before a date whose month or weekday the name took."""
    end = match.end()
    date = _DATE.search(text, match.start() + 3, end + 60)  # bounded: a date starting inside the name
    if date is not None and date.start() < end:
        return date.start() - 1  # the name ran into a date's month ("By Ana Lind March 4, 2024.")
    more = _SURNAME.match(text, end)
    last_name = re.split(r",| and | & ", match.group())[-1].split()
    if (more is None or len(last_name) >= 3 or more.group(1).casefold() in _NOT_SURNAMES
            or _DATE.match(text, more.start(1))):
        return end
    return more.end()


def _is_item(token: str) -> bool:
    """A menu item word: capitalised and not a function word, or a separator ("|", "&", "›")."""
    if token in _ITEM_PUNCTUATION:
        return True
    word = token.strip(_STRIP)
    return bool(word) and word[0].isupper() and word.casefold() not in v.STOPWORDS and not token.endswith((".", ","))


def _is_ui(token: str) -> bool:
    """An interface word of a button row ("Share", "Facebook", "Email"), not one ending a clause."""
    if token in _ITEM_PUNCTUATION:
        return True
    return not token.endswith((",", ".", ";", ":")) and token.strip(_STRIP).casefold() in v.UI_WORDS


def _capitalised_content(run: list[str]) -> int:
    return sum(t[:1].isupper() and t.strip(_STRIP).casefold() not in v.STOPWORDS for t in run)


def list_runs(piece: str) -> list[str]:
    """`piece` with its list-like runs cut out as blocks of their own: MENU_RUN_ITEMS or more
    capitalised items in a row, or interface words with UI_RUN_CAPITALISED capitalised ones. When a
    run runs into a sentence (its last item is followed by a lower-case word), that last item is the
    sentence's first word and stays with it."""
    spans = _candidate_runs(piece, _MENU_CANDIDATE, _is_item, _menu_enough)
    tokens = piece.split(" ")
    if _may_hold_ui_run(piece):
        spans += _ui_runs(piece, tokens)
    if not spans:
        return [piece]
    out: list[str] = []
    position = 0
    for start, end in _merge(spans):
        if end < len(tokens) and end - start > 1 and tokens[end][:1].islower() and tokens[end - 1][:1].isupper():
            end = _sentence_start(tokens, start, end)
        if start < position or end <= start:
            continue
        out.extend(" ".join(part) for part in (tokens[position:start], tokens[start:end]) if part)
        position = end
    if position < len(tokens):
        out.append(" ".join(tokens[position:]))
    return out


def _sentence_start(tokens: list[str], start: int, end: int) -> int:
    """Where the sentence a run runs into begins: "... Weather Road bridge" -> at "Road", "...
    WhatsApp Ms Okafor said" -> at "Ms": the run's last capitalised words that are not section or
    interface words (at most NAME_BACKOFF_TOKENS), and at least its last word."""
    back = end - 1
    while back > start and end - back < NAME_BACKOFF_TOKENS and not _menu_word(tokens[back - 1]):
        back -= 1
    return back


def _menu_word(token: str) -> bool:
    word = token.strip(_STRIP).casefold()
    return word in SECTION_WORDS or word in v.UI_WORDS or token in _ITEM_PUNCTUATION


def _menu_enough(run: list[str]) -> bool:
    return sum(t not in _ITEM_PUNCTUATION for t in run) >= MENU_RUN_ITEMS


def _ui_enough(run: list[str]) -> bool:
    return _capitalised_content(run) >= UI_RUN_CAPITALISED


def _candidate_runs(piece: str, candidate: re.Pattern, member, enough) -> list[tuple[int, int]]:
    """Token spans (start, end) of the runs inside regex candidates that hold token by token."""
    spans = []
    for match in candidate.finditer(piece):
        first = piece.count(" ", 0, match.start())
        tokens = match.group().rstrip(" ").split(" ")
        spans += [(first + start, first + end) for start, end in _runs(tokens, member, enough)]
    return spans


_UI_CONTENT_WORDS = v.UI_WORDS - v.STOPWORDS
_NOT_SURNAMES = v.STOPWORDS | v.UI_WORDS | SECTION_WORDS
_ASCII_OTHER_SPACES = "\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"


def _may_hold_ui_run(piece: str) -> bool:
    """False only where _ui_runs finds nothing: a run grows from a seed, a capitalised interface word
    that is not a function word among what _CAPITALISED finds, so a piece without one has none (any
    piece: most long lines of real dumps hold a curly quote or a dash); a run needs
    UI_RUN_CAPITALISED such words, and an ASCII piece cut at single spaces has fewer (its capitalised
    tokens are what _CAPITALISED finds). A cheap prefilter (tests/unit/test_clean_speed.py)."""
    found = sum(w.strip(_STRIP).casefold() in _UI_CONTENT_WORDS for w in _CAPITALISED.findall(piece))
    if not piece.isascii() or any(map(piece.__contains__, _ASCII_OTHER_SPACES)):
        return found >= 1
    return found >= UI_RUN_CAPITALISED


def _ui_runs(piece: str, tokens: list[str]) -> list[tuple[int, int]]:
    """Token spans of interface-word runs, grown from each capitalised interface word (found at C
    speed) over its neighbours, kept when _ui_enough."""
    spans: list[tuple[int, int]] = []
    position = index = 0
    for match in _CAPITALISED.finditer(piece):
        index += piece.count(" ", position, match.start())
        position = match.start()
        word = match.group()
        if (spans and index < spans[-1][1]) or not _is_ui(word) or word.strip(_STRIP).casefold() in v.STOPWORDS:
            continue
        start, end = index, index + 1
        while start > 0 and _is_ui(tokens[start - 1]):
            start -= 1
        while end < len(tokens) and _is_ui(tokens[end]):
            end += 1
        if _ui_enough(tokens[start:end]):
            spans.append((start, end))
    return spans


def _runs(tokens: list[str], member, enough) -> list[tuple[int, int]]:
    spans = []
    start = None
    for i, token in enumerate(tokens + [""]):
        if token and member(token):
            if start is None:
                start = i
        elif start is not None:
            if enough(tokens[start:i]):
                spans.append((start, i))
            start = None
    return spans


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
