"""Chrome sections of a page dump, found by their heading (rules: vocabulary.SECTION_HEADINGS).

Extractors and line classifiers judge one line at a time, so a "Related stories" list whose teasers
are full sentences, a paywall offer or a press release's legal boilerplate passes as prose: it is
well-formed text. Editors recognise these blocks by what introduces them and by where they sit:
after the article. This pass marks:

- ``teasers``: after a related/latest/read-next heading, the run of teaser lines (each at most
  ``TEASER_MAX_WORDS`` words and one sentence, all of one shape: headlines without a full stop or
  full sentences, or bullet items of a list) up to the first line of another shape or a longer paragraph;
- ``signup``: a newsletter box anywhere ("Get the Energy briefing" and the one line of pitch under
  it, at most ``SIGNUP_PITCH_MAX_WORDS`` words);
- ``poll``: a reader poll anywhere ("Poll", its question and its short answer and button lines);
- ``comments``, ``legal``, ``paywall``: after a comments heading, an "About <Organisation>" /
  forward-looking statements / media-contacts heading, a legal paragraph (vocabulary.LEGAL_PARAGRAPH)
  or a subscription wall (vocabulary.PAYWALL: "for subscribers only", "already a subscriber"), the
  rest of the page.

A section counts only where it closes the article: the article prose above it (words of prose lines)
must be at least the prose left below it (below a teaser list: up to the next hard end of the article,
such as a comments heading), not counting legal paragraphs and the paragraphs under
legal headings (a press release's boilerplate is often longer than the release) and subscription
offers (``is_offer``). A "Related" or
"Comments" link in the masthead therefore ends nothing. Marked lines become boilerplate lines with
the section kind as reason; every other line keeps the line classifier's decision.
"""

from __future__ import annotations

import re
from re import _parser

from workers.stages.clean import lines as ln
from workers.stages.clean import vocabulary as v
from workers.stages.clean.fastmatch import first_char_gate, first_char_union, literal_search

TEASER_MAX_WORDS = 30
RANKED_ITEM_MAX_WORDS = 60  # a ranked teaser: headline and a one- or two-sentence summary
SIGNUP_PITCH_MAX_WORDS = 25
_HEADING_MAX_CHARS = 80
_INNER_SENTENCE = re.compile(r"[a-z0-9)]{2}[.!?] +[A-Z\"“]")
_REST_OF_PAGE = frozenset(("comments", "legal", "paywall"))
_MARK_SCORE = -10.0


# one pass over a heading line for every row of the table (the first matching row wins, as in order)
_ANY_HEADING = re.compile(
    "|".join(f"(?P<{kind}_{n}>{pattern.pattern})" for n, (kind, pattern) in enumerate(v.SECTION_HEADINGS)),
    re.IGNORECASE,
)
# the same match, each row's branches tried only where the line's first letter allows (fastmatch)
_HEADING_ROW = first_char_union(tuple((f"{kind}_{n}", pattern) for n, (kind, pattern) in enumerate(v.SECTION_HEADINGS)))
_HEADING_KIND = {f"{kind}_{n}": kind for n, (kind, _) in enumerate(v.SECTION_HEADINGS)}  # row name -> its kind


# cheap prefilters: words every paywall / legal-paragraph pattern contains
def _hint(text: str) -> bool:
    """Cheap prefilter: a word every paywall / legal-paragraph pattern contains."""
    lower = text.lower()
    return (
        "subscri" in lower or "member" in lower or "reading" in lower or "limit" in lower or "unlock" in lower
        or "full" in lower or "entire" in lower or "whole" in lower or "rest of" in lower or "statements" in lower
        or "forward" in lower
    )


# the shortest text LEGAL_PARAGRAPH or PAYWALL can match (the regex parser's width): shorter lines skip both
_CHROME_PARAGRAPH_MIN_CHARS = min(_parser.parse(p.pattern, p.flags).getwidth()[0] for p in (v.LEGAL_PARAGRAPH, v.PAYWALL))
_PAYWALL_SEARCH = literal_search(v.PAYWALL, v.CASE_TWINS)  # v.PAYWALL.search where a literal it needs is there


def heading_kind(text: str) -> str | None:
    """The chrome-section kind a heading line opens ("teasers", "signup", "comments", "legal"), or None."""
    if len(text) > _HEADING_MAX_CHARS:
        return None
    row = _HEADING_ROW(text)  # _ANY_HEADING.match(text).lastgroup
    return _HEADING_KIND[row] if row else None


def line_kind(text: str) -> str | None:
    """A section kind opened by a line of any length: a heading, a legal paragraph or a paywall."""
    if len(text) <= _HEADING_MAX_CHARS and (row := _HEADING_ROW(text)):  # heading_kind, one call less per line
        return _HEADING_KIND[row]
    if not _CHROME_PARAGRAPH_MIN_CHARS <= len(text) <= 600 or not _hint(text):
        return None
    if v.LEGAL_PARAGRAPH.match(text):
        return "legal"
    if _PAYWALL_SEARCH(text):  # v.PAYWALL.search
        return "paywall"
    return None


def _is_teaser(line: ln.Line) -> bool:
    return line.n <= TEASER_MAX_WORDS and _INNER_SENTENCE.search(line.text) is None


def is_offer(text: str) -> bool:
    """A subscription offer: two or more different offer phrases (vocabulary.OFFER_WORDING)."""
    if not any(map(text.__contains__, v.CASE_TWINS)):
        # two different phrases hold at least two occurrences of their keys: most prose has none
        lower = text.lower()
        if sum(map(lower.count, v.OFFER_KEYS)) < 2:
            return False
    return len({m.casefold() for m in v.OFFER_WORDING.findall(text)}) >= 2


def _prose_below(lines: list[ln.Line], kinds: list[str | None]) -> list[int]:
    """below[i]: words of the prose lines from i on, legal paragraphs and those under a legal
    heading (up to the next short line) not counted; for i after the first section line (the only
    ones mark reads: the lines above it are not counted, so the offer test never runs on them)."""
    below = [0] * (len(lines) + 1)
    legal_run = False
    words = [0] * len(lines)
    first = next(i for i, kind in enumerate(kinds) if kind)  # mark calls this only when there is one
    for i in range(first, len(lines)):
        line = lines[i]
        if kinds[i] == "legal":
            legal_run = True
            continue
        if line.kind != ln.PROSE:
            legal_run = legal_run and line.kind != ln.SHORT
            continue
        words[i] = 0 if legal_run or is_offer(line.text) else line.n
    for i in range(len(lines) - 1, -1, -1):
        below[i] = below[i + 1] + words[i]
    return below


def line_kinds(lines: list[ln.Line]) -> list[str | None]:
    """line_kind of each line (None for lines over 150 words), each Line asked once (kept on it: pages
    repeat lines, hostile ones one line thousands of times, and classify shares one Line between
    identical texts and across documents). For a line of at most _HEADING_MAX_CHARS characters, a kind
    in ("teasers", "signup", "comments") is its heading_kind: callers that need the heading kinds of a
    page's lines read them here."""
    kinds = []
    for line in lines:
        kind = line.section
        if kind is ln.UNASKED:
            kind = line.section = line_kind(line.text) if line.n <= 150 else None
        kinds.append(kind)
    return kinds


def mark(lines: list[ln.Line], kinds: list[str | None] | None = None) -> list[ln.Line]:
    """The lines with every chrome section's lines replaced by boilerplate lines (reason = kind).
    lines: from lines.classify (shared Line objects are never modified; marked ones are copies);
    kinds: their line_kinds when the caller has them."""
    if kinds is None:
        kinds = line_kinds(lines)
    if not any(kinds):
        return lines
    below = _prose_below(lines, kinds)
    out = list(lines)
    above = 0
    i = 0
    while i < len(out):
        line, kind = out[i], kinds[i]
        if kind in _REST_OF_PAGE and above and above >= below[i + 1]:
            end = _pitch_end(out, kinds, i) if kind == "paywall" else len(out)
            for j in range(i, end):
                out[j] = _as_chrome(out[j], kind)
            if end == len(out):
                break
            i = end  # the article goes on under an inline subscription box
            continue
        if kind in ("signup", "poll"):
            j = _box_end(out, kinds, i, kind)  # a newsletter box or a reader poll inside the article
            for k in range(i, j):  # a poll costs the densest run nothing: the article resumes below
                out[k] = _as_chrome(out[k], kind, 0.0 if kind == "poll" else _MARK_SCORE)
            i = j
            continue
        if kind == "teasers" and above:
            j = i + 1
            shape = out[j].terminal if j < len(out) else None  # teasers share one shape: headlines or sentences
            while j < len(out) and _is_teaser(out[j]) and kinds[j] is None and out[j].terminal == shape:
                j += 1
            rail = _rail_run(out, kinds, i + 1)
            j = max(j, _bullet_run(out, kinds, i + 1), rail)
            j = max(j, _card_run(out, kinds, i + 1))
            closing = above >= below[j] - below[_next_hard_end(out, j)]
            box = None if closing or rail == j > i + 1 else _inline_teaser_box(out, kinds, i)
            j = box or j  # an inline box: only the box, the article goes on under it
            if closing or rail == j > i + 1 or box:
                for k in range(i, j):  # a rail inside the article costs the densest run nothing: it resumes below
                    out[k] = _as_chrome(out[k], kind, _MARK_SCORE if closing else 0.0)
                i = j
                continue
        above += line.n if line.kind == ln.PROSE else 0
        i += 1
    return out


POLL_MAX_ANSWERS = 10  # a poll's answer lines and buttons ("Vote", "View results") under its question
POLL_ANSWER_MAX_WORDS = 8


def _box_end(lines: list[ln.Line], kinds: list[str | None], start: int, kind: str) -> int:
    """The end of a box set inside the article under its heading at `start`: a newsletter box ("signup": the
    heading and its one-line pitch) or a reader poll ("poll": the heading, its question, a line ending in "?",
    and up to POLL_MAX_ANSWERS short answer and button lines without a full stop; the heading alone when no
    question follows). The article goes on under it."""
    j = start + 1
    if kind == "signup":
        return j + 1 if j < len(lines) and not kinds[j] and _pitch(lines[j]) else j
    if j >= len(lines) or kinds[j] or not lines[j].text.endswith("?"):
        return j
    end = j + 1
    while (end < len(lines) and end - j <= POLL_MAX_ANSWERS and kinds[end] is None
           and lines[end].n <= POLL_ANSWER_MAX_WORDS and not _full_stop(lines[end].text)):
        end += 1
    return end


INLINE_BOX_MAX_ITEMS = 5  # teaser links of a "Related" box set inside the article


def _inline_teaser_box(lines: list[ln.Line], kinds: list[str | None], heading: int) -> int | None:
    """The end of a "Related"-type box inside the article, else None: its heading, 1 to
    INLINE_BOX_MAX_ITEMS bullet teaser items (_bullet_run), then the article's prose going on under it
    (a prose line, no list item, opening no section): the box is chrome and the article run continues
    across it."""
    items = _bullet_run(lines, kinds, heading + 1)
    if not 1 <= items - heading - 1 <= INLINE_BOX_MAX_ITEMS or items >= len(lines):
        return None
    below = lines[items]
    return items if kinds[items] is None and below.kind == ln.PROSE and not v.BULLET.match(below.text) else None


def _pitch_end(lines: list[ln.Line], kinds: list[str | None], start: int) -> int:
    """The end of a subscription box opened at `start`: its paywall lines, short lines ("Subscribe",
    "Already a subscriber? Log in") and prose lines that speak of the subscription (offers, the words of
    vocabulary.PAYWALL_PITCH_STEMS). When article prose follows the box (a prose line of neither kind,
    before any other section), the article goes on under it and only the box is chrome; else the box
    closes the article and the rest of the page is the paywall's (len(lines))."""
    end = start + 1
    while end < len(lines) and (kinds[end] == "paywall" or lines[end].kind != ln.PROSE or _pitch_line(lines[end].text)):
        end += 1
    if end < len(lines) and kinds[end] is None:
        return end
    return len(lines)


def _pitch_line(text: str) -> bool:
    """A prose line of a subscription box: an offer, or words of vocabulary.PAYWALL_PITCH_STEMS."""
    lower = text.lower()
    return any(stem in lower for stem in v.PAYWALL_PITCH_STEMS) or is_offer(text)


def _pitch(line: ln.Line) -> bool:
    """The line under a newsletter heading is its pitch: at most SIGNUP_PITCH_MAX_WORDS words and, when
    prose, speaking of what the newsletter brings (vocabulary.SIGNUP_PITCH_WORDS); prose that does not
    is the article resuming under an inline signup box."""
    if line.n > SIGNUP_PITCH_MAX_WORDS:
        return False
    return line.kind != ln.PROSE or not v.SIGNUP_PITCH_WORDS.isdisjoint(ln.TOKEN.findall(line.text.casefold()))


def _bullet_run(lines: list[ln.Line], kinds: list[str | None], start: int) -> int:
    """The end of a list of teaser items from start, each a bullet item ("* Headline!", "* Headline")
    of teaser length: a list's marker is its shape, whether a headline ends in "!" or not; or a ranked
    list numbered 1, 2, 3 ... whose items carry a summary after the headline (at most
    RANKED_ITEM_MAX_WORDS words each); start when the line at start is neither."""
    j = start
    while j < len(lines) and kinds[j] is None and v.BULLET.match(lines[j].text) and _is_teaser(lines[j]):
        j += 1
    rank = 1
    while (j < len(lines) and kinds[j] is None and lines[j].n <= RANKED_ITEM_MAX_WORDS
           and lines[j].text.startswith((f"{rank}. ", f"{rank}) "))):
        j, rank = j + 1, rank + 1
    return j if rank != 2 else j - 1  # one numbered line is no ranking


RAIL_MIN_ITEMS = 6  # bullet items of a teaser rail
RAIL_MEAN_MIN_WORDS = 10  # words per item: headlines with summaries, not a list of links
RAIL_GAP_MAX_LINES = 3  # bare markers, ad lines, sub-headings or "load more" buttons between two items
RAIL_GAP_MAX_WORDS = 4  # ... each a short line
_BARE_MARKER = re.compile(rf"^[{re.escape(v.LIST_MARKS)}]$")  # a list item's marker alone on its line


def _rail_run(lines: list[ln.Line], kinds: list[str | None], start: int) -> int:
    """The end of a teaser rail from start (after its last item), else start: RAIL_MIN_ITEMS or more
    bullet items of up to RANKED_ITEM_MAX_WORDS words (a headline run into its one-line summary and a
    kicker word, often with an inner sentence or question), at most RAIL_GAP_MAX_LINES lines apart (bare
    markers, ad lines, short sub-headings, a "load more" button: at most RAIL_GAP_MAX_WORDS words each),
    fewer than half of them ending in a full stop (a list of steps or facts ends its items in one), with
    RAIL_MEAN_MIN_WORDS words or more per item (shorter items are a list of links: _bullet_run's). The
    rail ends at the next section heading: each line is scanned once per page however many headings."""
    j = end = start
    items = stops = gap = words = 0
    while j < len(lines) and kinds[j] is None and gap <= RAIL_GAP_MAX_LINES:
        line = lines[j]
        if line.kind != "boilerplate" and v.BULLET.match(line.text) and line.n <= RANKED_ITEM_MAX_WORDS:
            items, stops, words, gap, end = items + 1, stops + _full_stop(line.text), words + line.n, 0, j + 1
        elif line.kind == "boilerplate" or _BARE_MARKER.match(line.text) or (
                line.kind != ln.PROSE and line.n <= RAIL_GAP_MAX_WORDS):
            gap += 1
        else:
            break
        j += 1
    rail = items >= RAIL_MIN_ITEMS and 2 * stops < items and words >= RAIL_MEAN_MIN_WORDS * items
    return end if rail else start


def _full_stop(text: str) -> bool:
    """The text ends in a full stop (not an ellipsis), inside closing quotes or brackets or not."""
    text = text.rstrip("\"'”’)")
    return text.endswith(".") and not text.endswith("..")


def _next_hard_end(lines: list[ln.Line], start: int) -> int:
    """The first line from start on that ends the article for good (a comments heading such as
    "There are 13 comments": lines.Line.hard_end), else len(lines): the prose past it is readers'
    comments or a footer's, not article left below a teaser list."""
    return next((k for k in range(start, len(lines)) if lines[k].hard_end), len(lines))


CARD_MIN_REPEATS = 2
CARD_MAX_LINES = 6


def _card_run(lines: list[ln.Line], kinds: list[str | None], start: int) -> int:
    """The end of a run of teaser cards from start: a card is a few lines (date, section, headline,
    summary, author: at most CARD_MAX_LINES) whose shapes repeat card after card, CARD_MIN_REPEATS
    times or more, with a summary sentence in each (at most TEASER_SUMMARY_MAX_WORDS words); start
    when there is none. A related-posts list with excerpts under its heading: the one-shape teaser
    run stops at the first excerpt."""
    shapes = []
    for line, kind in zip(lines[start:start + CARD_MAX_LINES * 8], kinds[start:start + CARD_MAX_LINES * 8]):
        if kind or line.kind == "boilerplate" or line.n > TEASER_SUMMARY_MAX_WORDS:
            break
        shapes.append(_card_shape(line))
    best = start
    for period in range(2, CARD_MAX_LINES + 1):
        k = period
        while k < len(shapes) and shapes[k] == shapes[k - period]:
            k += 1
        cards = k // period
        summaries = [shape is True for shape in shapes[:period]]
        if cards >= CARD_MIN_REPEATS and any(summaries) and not all(summaries):
            best = max(best, start + cards * period)
    return best


def _card_shape(line: ln.Line) -> bool | str:
    """A teaser card line's shape: "bullet" for a list item, whatever its punctuation (a card's headline
    may be a question: "* Why do ferries run late?"), else whether it is a sentence or paragraph."""
    return "bullet" if v.BULLET.match(line.text) else line.kind in ln.CONTENT_KINDS


_READ_MORE_MATCH = first_char_gate(v.READ_MORE_LINK)  # READ_MORE_LINK.match, gated by its first characters
TEASER_SUMMARY_MAX_WORDS = 150  # a teaser's summary above its "Read more" link


def mark_read_more_teasers(lines: list[ln.Line]) -> list[ln.Line]:
    """The lines with teasers of other stories marked "teasers": when the page repeats a read-more
    link line (vocabulary.READ_MORE_LINK: "READ THE REST", "Continue reading »"), each one closes a
    teaser: the link, the summary paragraph right above it (at most TEASER_SUMMARY_MAX_WORDS words)
    and the headline line above that. The summaries are well-formed prose, often longer than the
    article above them; the repeated link says what they are (a blog's or a section's story list).
    An excerpt cut short with the link glued on ("… Read more": vocabulary.READ_MORE_TAIL) is a
    teaser's summary, when the page repeats that shape too."""
    links = [i for i, line in enumerate(lines)
             if len(line.text) <= 40 and _READ_MORE_MATCH(line.text)]
    tails = [i for i, line in enumerate(lines) if _read_more_tail(line.text)]
    if len(links) < 2 and len(tails) < 2:
        return lines
    out = list(lines)
    for i in tails if len(tails) >= 2 else ():  # the excerpt and its link on one line: the teaser's summary
        out[i] = _as_chrome(out[i], "teasers")
    for i in links if len(links) >= 2 else ():
        out[i] = _as_chrome(out[i], "teasers")
        j = i - 1
        if j >= 0 and out[j].kind == ln.PROSE and out[j].n <= TEASER_SUMMARY_MAX_WORDS:
            out[j] = _as_chrome(out[j], "teasers")
            j -= 1
        if j >= 0 and out[j].kind == ln.SHORT and not out[j].terminal:
            out[j] = _as_chrome(out[j], "teasers")
    return out


CUT_HEADLINES_MIN = 3  # cut headlines in one list
CUT_HEADLINE_MIN_WORDS, CUT_HEADLINE_MAX_WORDS = 4, 15  # a headline, not a trailing-off "Hmm..." of dialogue
_CUT_GAP = 2  # lines between two cut headlines of one list (an uncut one that fitted)


def mark_cut_headlines(lines: list[ln.Line]) -> list[ln.Line]:
    """The lines with lists of cut headlines marked "teasers": CUT_HEADLINES_MIN or more short lines
    (CUT_HEADLINE_MIN_WORDS to CUT_HEADLINE_MAX_WORDS words) that end in an ellipsis after a word (vocabulary.CUT_HEADLINE:
    "Harbour cats that will make you…"), at most _CUT_GAP lines apart, and the short lines between them.
    A teaser box cuts its headlines to one width; an article's sentences do not trail off line after line."""
    cut = [i for i, line in enumerate(lines) if CUT_HEADLINE_MIN_WORDS <= line.n <= CUT_HEADLINE_MAX_WORDS
           and line.kind != "boilerplate" and _cut_headline(line.text)]
    out = list(lines)
    group: list[int] = []
    for i in cut + [len(lines) + _CUT_GAP + 1]:
        if group and i - group[-1] > _CUT_GAP:
            if len(group) >= CUT_HEADLINES_MIN:
                for k in range(group[0], group[-1] + 1):
                    if k in group or out[k].kind == ln.SHORT:
                        out[k] = _as_chrome(out[k], "teasers")
            group = []
        group.append(i)
    return out


def mark_doubled_captions(lines: list[ln.Line]) -> list[ln.Line]:
    """The lines with a sentence written twice in a row (or over one label line between) marked
    "caption", both copies: a media player or gallery shows its caption twice (the slide's and the
    thumbnail's), which an article's paragraph never is; a paragraph repeated further away is left
    to the repeated-paragraph rule."""
    out = lines
    for i in range(1, len(lines)):
        for j in (i - 1, i - 2):  # right above, or over one label line ("Caption", "View Photos")
            if j >= 0 and lines[i] is lines[j] and lines[i].kind in ln.CONTENT_KINDS:  # one Line per text
                if out is lines:
                    out = list(lines)
                out[i] = out[j] = _as_chrome(lines[i], "caption")
    return out


def _cut_headline(text: str) -> bool:
    return text.endswith(("…", "...")) and v.CUT_HEADLINE.search(text) is not None


def _read_more_tail(text: str) -> bool:
    """An excerpt cut short and its read-more link glued on one line (vocabulary.READ_MORE_TAIL)."""
    tail = text[-40:]
    return ("…" in tail or "..." in tail) and v.READ_MORE_TAIL.search(tail) is not None


def _as_chrome(line: ln.Line, reason: str, score: float = _MARK_SCORE) -> ln.Line:
    if line.kind == "boilerplate":  # already chrome: its own reason stays
        return line
    copy = ln.Line(line.text)
    copy.n, copy.terminal, copy.stop = line.n, line.terminal, line.stop
    copy.kind, copy.reason, copy.score, copy.hard_end = "boilerplate", reason, score, line.hard_end
    copy.section, copy.meta = line.section, line.meta  # facts of the text, not of the classification
    return copy


SECTION_KINDS = frozenset(("teasers", "signup", "poll", "comments", "legal", "paywall"))


def article_text(paragraphs: list[str]) -> str:
    """The paragraphs without the chrome sections ``mark`` finds in them, joined by blank lines: what
    near-duplicate signatures are computed on (two releases that share only their boilerplate must
    not match). paragraphs: a clean record's ``paragraphs``."""
    marked = mark(ln.classify(paragraphs))
    return "\n\n".join(
        text for text, line in zip(paragraphs, marked) if not (line.kind == "boilerplate" and line.reason in SECTION_KINDS)
    )
