"""HTML main text by paragraph-level voting between extractors, instead of post-cutting one.

Candidates are the paragraphs of trafilatura in recall mode (``favor_recall``), merged in page
order with the paragraphs only trafilatura's default mode and readability-lxml find (not a variant
of text already there: ``_variant``). Voters, per paragraph:

- trafilatura default, trafilatura ``favor_precision``, readability-lxml, jusText: the paragraph is
  part of their main text (substring of their whitespace-normalised output);
- our line classifier (workers.stages.clean.lines, sections): the paragraph is not chrome.

Rule (``keep``), measured on the web-pages-en dev set one voter at a time (bench.devset; README):
a candidate our classifier accepts is kept; one it calls chrome is kept only when all four
extractors agree it is article text; a paragraph only readability found is kept when jusText or the
classifier's prose test backs it; a line in a run of link-like lines above the first prose paragraph
(a menu, ``_menu_lines``; not a data table's cells, an infobox's labels and values) only when all four
extractors agree. A line inside an element the
page's markup marks as chrome (``html.marked_chrome``: captions, author boxes, share, newsletter and
related boxes) is never kept: the extractors' 4-of-4 rescue does not apply to it. A line that is not prose, not a
table cell and in no extractor's main text (trafilatura's recall mode alone found it: footer links,
contact rows, a thread's counters) is not kept, nor is a run of kept lines only recall mode (and
at most jusText) holds that touches no other kept line (``_without_stray_runs``: a sidebar's
teasers), nor a gallery's slides set inside the article ("1/50 …", "2/50 …": ``_without_embedded_gallery``)
that readability-lxml's article skips while it holds the text on both sides, nor a short tail under the
article's last line two extractors hold that only trafilatura's default mode holds (a paywall box, a
newsletter pitch, a section label: ``_without_default_only_tail``). When no paragraph passes,
trafilatura's default choice is kept. Adding the extractors as required votes ("kept when k of them
agree") cost recall on every k without a precision gain the classifier does not already give, so
they are rescuers, not gates. Extractors are imported lazily and each failure (lxml on hostile
markup) only removes that voter.
"""

from __future__ import annotations

import functools
import re
from collections import Counter

_WS = re.compile(r"\s+")
_BLOCK_TAGS = frozenset("p li h1 h2 h3 h4 h5 h6 pre blockquote td th dd dt figcaption caption".split())
_EXTRACTORS = 4
# past this many lines of trafilatura's text (long references, RFCs, joke lists, repeated-block pages)
# the other voters cost seconds: trafilatura's lines are judged by our classifier alone (its chrome,
# the page's marked chrome), which kept more of such articles than the densest run of prose did
MAX_VOTING_LINES = 400
# trafilatura options shared by its three modes (comments, link targets and images are never body)
_TRAFILATURA = {"include_comments": False, "include_tables": True, "include_images": False, "deduplicate": False}


def norm(text: str) -> str:
    """Whitespace runs as one space, ends stripped: the form in which extractor outputs are compared."""
    return _WS.sub(" ", text).strip()


@functools.cache
def stoplist(language: str | None = None) -> frozenset[str]:
    """jusText's stoplist for an ISO 639-1 language code (vocabulary.JUSTEXT_STOPLISTS); English for None
    or a language jusText has no list for (Chinese, Japanese, Thai: jusText reads them as it always did)."""
    import justext

    from workers.stages.clean.vocabulary import JUSTEXT_STOPLISTS

    return frozenset(justext.get_stoplist(JUSTEXT_STOPLISTS.get(language or "en", "English")))


def _trafilatura(html: str, **mode) -> str:
    import trafilatura

    try:
        return trafilatura.extract(html, **_TRAFILATURA, **mode) or ""
    except Exception:  # lxml/trafilatura errors on broken markup remove this voter only
        return ""


def _readability_blocks(html: str) -> list[str]:
    """readability-lxml's article as block texts (paragraphs, list items, headings, cells)."""
    try:
        import lxml.html
        from readability import Document

        summary = Document(html).summary(html_partial=True)
        root = lxml.html.fromstring(summary) if summary.strip() else None
    except Exception:  # readability raises on empty or hostile documents
        return []
    if root is None:
        return []
    out = []
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag not in _BLOCK_TAGS:
            continue
        if any(a.tag in _BLOCK_TAGS for a in element.iterancestors()):
            continue
        text = norm(element.text_content())
        if text:
            out.append(text)
    return out


def _justext_text(html: str) -> str:
    """jusText's main text as a voter, read with the English stoplist whatever the page's language: with the
    page's own list (`stoplist`) jusText backs the short lines of captions and teaser boxes that only
    readability-lxml found (multilingual held-out dev third: snippet F1 0.885 -> 0.884, 4 pages lost, 1 won)."""
    import justext

    try:
        paragraphs = justext.justext(html.encode("utf-8", "replace"), stoplist())
    except Exception:  # lxml parser errors on hostile markup
        return ""
    return norm(" ".join(p.text for p in paragraphs if not p.is_boilerplate))


def _merge(base: list[str], extra: list[str]) -> tuple[list[str], set[int]]:
    """base with the lines of extra it lacks (not in it, nor a variant of its text: `_variant`) inserted
    after the base line that the nearest earlier shared line of extra matches (linear: exact matches
    first, substring and trigram tests only for the rest); (lines, indexes of the inserted lines)."""
    first = {}
    for i, line in enumerate(base):
        first.setdefault(norm(line), i)
    blob = grams = words = line_grams = None
    after: dict[int, list[str]] = {}
    anchor = -1
    for line in extra:
        key = norm(line)
        if key in first:
            anchor = first[key]
            continue
        if blob is None:
            blob = norm(" ".join(base))
            grams = _trigrams(blob)
            words = " ".join(_WORD.findall(blob.lower()))
        if key and key not in blob and not _variant(key, grams, words):
            after.setdefault(anchor, []).append(line)
        elif key:  # the same text written another way ("flight.1 The" / "flight. The"): it anchors too
            line_grams = line_grams or [_trigrams(norm(b)) for b in base]
            anchor = _nearest_variant(_trigrams(key), line_grams, anchor)
    out: list[str] = list(after.get(-1, []))
    inserted = set(range(len(out)))
    for i, line in enumerate(base):
        out.append(line)
        for extra_line in after.get(i, []):
            inserted.add(len(out))
            out.append(extra_line)
    return out, inserted


_VARIANT_REACH = 2  # base lines after the anchor an extra line's variant may be (a base line the extra lacks)


def _nearest_variant(key_grams: set, line_grams: list[set], anchor: int) -> int:
    """The base line just after `anchor` (at most _VARIANT_REACH on) whose word trigrams hold most of an
    extra line written another way (its variant), or `anchor` when none does: where the extra lines after
    it belong."""
    for j in range(anchor + 1, min(anchor + 1 + _VARIANT_REACH, len(line_grams))):
        if key_grams and len(key_grams & line_grams[j]) * 2 > len(key_grams):
            return j
    return anchor


_WORD = re.compile(r"\w+")
# an extra line whose words nearly all sit in word trigrams the base text has (at most this share of
# them elsewhere) is the same text cut or cleaned another way, not new text: a base line's pieces, or
# readability-lxml's copy without the words of `javascript:` links; a reworded paragraph has new words
VARIANT_NEW_SHARE = 0.05
# ... or its new words are one run of at most VARIANT_INSERT_MAX_WORDS inside a text of VARIANT_INSERT_MIN_WORDS
# or more that the base holds with at most as many other words in the run's place: one edit in one place, a link's
# hidden label run into the word before ("saidOpens a new window that"), a screen reader's "(opens in a new
# tab)"; a reworded paragraph has new words in more places, and words added at one end are a heading or a
# tail run into the paragraph
VARIANT_INSERT_MAX_WORDS = 6
VARIANT_INSERT_MIN_WORDS = 40


def _trigrams(text: str) -> set[tuple[str, ...]]:
    """The lower-cased word trigrams of a text (none under three words)."""
    words = _WORD.findall(text.lower())
    return {tuple(words[i:i + 3]) for i in range(len(words) - 2)}


def _variant(text: str, base: set[tuple[str, ...]], base_words: str = "") -> bool:
    """The text is a variant of text the base already holds: at most VARIANT_NEW_SHARE of its words lie
    outside every word trigram it shares with `base` (the base's word trigrams), or in a text of
    VARIANT_INSERT_MIN_WORDS words or more those words are one run of at most VARIANT_INSERT_MAX_WORDS
    inside it, and `base_words` (the base's lower-cased words joined by spaces) holds the words before the
    run, at most VARIANT_INSERT_MAX_WORDS others and the words after it in a row (a text under three words
    never is a variant: the caller's substring test covers it)."""
    words = _WORD.findall(text.lower())
    covered = [False] * len(words)
    for i in range(len(words) - 2):
        if tuple(words[i:i + 3]) in base:
            covered[i] = covered[i + 1] = covered[i + 2] = True
    new = covered.count(False)
    if len(words) < 3:
        return False
    if new <= VARIANT_NEW_SHARE * len(words):
        return True
    if len(words) < VARIANT_INSERT_MIN_WORDS or new > VARIANT_INSERT_MAX_WORDS:
        return False
    gaps = [i for i, c in enumerate(covered) if not c]
    if gaps[-1] - gaps[0] + 1 != len(gaps) or gaps[0] == 0 or gaps[-1] == len(words) - 1:
        return False  # new words in more than one place, or at an end
    edited = (re.escape(" ".join(words[:gaps[0]])) + r"(?: \S+){0,%d} " % VARIANT_INSERT_MAX_WORDS
              + re.escape(" ".join(words[gaps[-1] + 1:])))
    return re.search(edited, base_words) is not None


_TABLE_ROW = re.compile(r"^\|.*\|$")
_CELL_SEPARATOR = re.compile(r"(?<!\\)\|")
# the rule under a table's header row that trafilatura writes in Markdown ("| --- | :---: |"): no cell of the table
_RULE_CELL = re.compile(r":?-{3,}:?")


def _lines(text: str, cells: set[str] | None = None) -> list[str]:
    """Non-empty lines of trafilatura's text; its table rows ("| cell | cell |") become one line per
    cell, so a layout table's cells are judged as the blocks they are (their normalised texts are
    added to `cells` when given)."""
    out = []
    for line in text.splitlines():
        line = line.strip()
        if _TABLE_ROW.match(line):
            row = [cell.strip().replace("\\|", "|") for cell in _CELL_SEPARATOR.split(line) if cell.strip()]
            if all(_RULE_CELL.fullmatch(cell) for cell in row):
                continue
            out.extend(row)
            if cells is not None:
                cells.update(map(norm, row))
        elif line.strip():
            out.append(line)
    return out


def candidates(html: str, default: str | None = None) -> dict:
    """{"lines": candidate paragraphs in page order, "readability_only": indexes of paragraphs only
    readability found, "table_cells": normalised texts of table cells, "repeats": normalised lines that
    trafilatura's default text holds more than once -> how many times (`repeats`), "votes": per
    extractor name its normalised main text}; only trafilatura's lines and vote when its text is over
    MAX_VOTING_LINES lines. default: trafilatura's
    default-mode text when the caller already has it (bare_extraction with metadata)."""
    default = _trafilatura(html) if default is None else default
    cells: set[str] = set()
    if default.count("\n") > MAX_VOTING_LINES:  # trafilatura's lines, judged by our classifier alone
        return {"lines": _lines(default, cells), "readability_only": set(), "table_cells": cells,
                "repeats": repeats(default), "votes": {"trafilatura": norm(default)}}
    recall = _lines(_trafilatura(html, favor_recall=True), cells)
    lines, _ = _merge(recall, _lines(default, cells))
    blocks = _readability_blocks(html)
    lines, readability_only = _merge(lines, blocks)
    return {
        "lines": lines,
        "readability_only": readability_only,
        "table_cells": cells,
        "repeats": repeats(default),
        "votes": {
            "trafilatura": norm(default),
            "trafilatura_precision": norm(_trafilatura(html, favor_precision=True)),
            "readability": norm(" ".join(blocks)),
            "justext": _justext_text(html),
        },
    }


def repeats(text: str) -> dict[str, int]:
    """{normalised line: count} for the lines an extractor's text holds more than once: the page itself
    repeats them in its main content (a code sample's "HTTP/1.1 200 OK", a long document's running page
    header), so each copy is the article's, not a paragraph pasted twice (paragraphs.kept_paragraphs)."""
    counts = Counter(norm(line) for line in _lines(text))
    return {line: n for line, n in counts.items() if n > 1 and line}


def cell_kinds(lines: list, kinds: list[str | None], table_cells: set[str]) -> list[str | None]:
    """The section kinds of HTML candidate lines (sections.line_kinds) without those of table cells: a
    column header ("Comment", "Related") heads its column, not a chrome section over the rest of the page."""
    if not table_cells:
        return kinds
    return [None if kind and table_cell(line.text, table_cells) else kind for kind, line in zip(kinds, lines)]


def table_cell(text: str, table_cells: set[str] | frozenset) -> bool:
    """The line is the text of a table cell: its normalised text (norm) is one of `table_cells`
    (candidates' "table_cells", the cells of trafilatura's Markdown table rows); False when there are none."""
    return bool(table_cells) and norm(text) in table_cells


DATE_COLUMN_MIN_CELLS = 3  # date cells taken out as date lines that make a column of dates


def with_date_column(texts: list[str], voted: list[bool], kept: list[bool], dated: list[bool],
                     table_cells: set[str]) -> list[bool]:
    """`kept` (the lines kept once the metadata lines are out) with the table cells holding a date (`dated`)
    that the vote kept and the metadata pass took out back in, when there are at least
    DATE_COLUMN_MIN_CELLS of them: a data table's column of dates (a list of donations, a schedule), not
    the page's dateline; one or two date cells (a layout table's date beside the byline) stay out."""
    taken = [i for i, (v, k, d) in enumerate(zip(voted, kept, dated))
             if v and d and not k and table_cell(texts[i], table_cells)]
    if len(taken) < DATE_COLUMN_MIN_CELLS:
        return kept
    out = list(kept)
    for i in taken:
        out[i] = True
    return out


def marked(text: str, marked_chrome: str) -> bool:
    """Whether a candidate line lies inside an element the page marks as chrome (html.marked_chrome:
    normalised texts joined by newlines); such a line is chrome to our voter."""
    key = norm(text)
    return bool(key) and key in marked_chrome


_LIST_ITEM = re.compile(r"^[-*•] \S")  # trafilatura writes a list item as "- item"
MENU_MIN_ITEMS = 4
MENU_ITEM_MAX_WORDS = 4


def _menu_lines(texts: list[str]) -> set[int]:
    """Indexes of the lines in runs of at least MENU_MIN_ITEMS link-like lines (at most
    MENU_ITEM_MAX_WORDS words, no sentence punctuation): a menu or section list in the page."""
    out: set[int] = set()
    run: list[int] = []
    for i, text in enumerate(texts + [""]):
        words = text.split()
        if words and len(words) <= MENU_ITEM_MAX_WORDS and not text.rstrip().endswith((".", "!", "?", ":", ",")):
            run.append(i)
            continue
        if len(run) >= MENU_MIN_ITEMS:
            out.update(run)
        run = []
    return out


def keep(texts: list[str], chrome: list[bool], prose: list[bool], readability_only: set[str], votes: dict[str, str],
         marked: list[bool] | None = None, table_cells: set[str] | None = None) -> list[bool]:
    """Per line, whether it is article text (rule in the module docstring).

    texts: the normalised lines; chrome / prose: our classifier's verdict per line; readability_only:
    normalised texts of the paragraphs only readability found; votes: extractor name -> main text;
    marked: lines the page's markup marks as chrome (html.marked_chrome), never kept; table_cells:
    normalised texts of table cells (with them given, a line that is not prose, not a table cell and
    in no extractor's main text, found by trafilatura's recall mode alone, is not kept: footer links,
    contact rows, thread counters)."""
    out = _keep_votes(texts, chrome, prose, readability_only, votes, table_cells or set())
    if marked is not None:
        out = [k and not m for k, m in zip(out, marked)]
    if table_cells is not None and any(out):
        out = [k and (p or _backed(t, votes) or table_cell(t, table_cells)) for k, p, t in zip(out, prose, texts)]
        strong = {k: b for k, b in votes.items() if k != "justext"}  # jusText keeps sidebar prose too
        out = _without_stray_runs(out, [not _backed(t, strong) for t in texts],
                                  [_LIST_ITEM.match(t) is not None for t in texts], texts)
        out = _without_embedded_gallery(out, texts, votes.get("readability"))
        out = _without_default_only_tail(out, texts, votes)
    return out


# a closing line only trafilatura's default mode holds is a pitch, a widget's label or a teaser when it is
# short; a tail of them is short too (a longer one is the article's own text the other extractors left)
TAIL_LINE_MAX_WORDS = 30
TAIL_MAX_WORDS = 80
_LETTER = re.compile(r"[^\W\d_]")


def _without_default_only_tail(out: list[bool], texts: list[str], votes: dict[str, str]) -> list[bool]:
    """`out` without the kept lines under the article's last line two extractors hold that trafilatura's
    default text alone holds (not its precision mode, readability-lxml or jusText): a paywall's "to read
    on" box, a newsletter pitch, a section label, a sidebar's counters. Only lines under TAIL_LINE_MAX_WORDS
    words with a letter (a phone number or a score is data) that are no list items (a list closing the
    article), and only while they hold at most TAIL_MAX_WORDS words and fewer than the kept lines above."""
    if len(votes) < _EXTRACTORS:
        return out
    backers = [_backers(text, votes) for text in texts]
    last = max((i for i, (k, n) in enumerate(zip(out, backers)) if k and n >= 2), default=None)
    if last is None:
        return out
    default = votes.get("trafilatura", "")
    tail = [i for i in range(last + 1, len(out)) if out[i] and backers[i] == 1 and norm(texts[i]) in default
            and len(texts[i].split()) < TAIL_LINE_MAX_WORDS and _LETTER.search(texts[i]) and not _LIST_ITEM.match(texts[i])]
    words = sum(len(texts[i].split()) for i in tail)
    if not tail or words > TAIL_MAX_WORDS or words >= sum(len(t.split()) for k, t in zip(out[:last + 1], texts) if k):
        return out
    out = list(out)
    for i in tail:
        out[i] = False
    return out


def _backers(text: str, votes: dict[str, str]) -> int:
    """How many extractors' main texts hold the line."""
    key = norm(text)
    return sum(1 for blob in votes.values() if key and key in blob)


# a gallery slide's counter opening its caption ("1/50 United goin down …", "- 3 / 12 The pier at dusk"):
# the slide's number and the gallery's size
_SLIDE = re.compile(r"^(?:[-*•] )?(\d{1,3}) ?/ ?(\d{1,3})\s")
GALLERY_MIN_SLIDES = 3


def _slide_runs(texts: list[str]) -> list[tuple[int, int]]:
    """(start, end) of each run of at least GALLERY_MIN_SLIDES lines that are a gallery's slides in order:
    each opens with its counter (_SLIDE), numbered 1, 2, 3, … up to its one size ("1/2 cup", "2/2 cups", "3/2"
    is no gallery)."""
    runs, i = [], 0
    while i < len(texts):
        m = _SLIDE.match(texts[i])
        if not m or m.group(1) != "1":
            i += 1
            continue
        j = i + 1
        while j < len(texts) and (n := _SLIDE.match(texts[j])) and n.group(2) == m.group(2) \
                and int(n.group(1)) == j - i + 1 <= int(n.group(2)):
            j += 1
        if j - i >= GALLERY_MIN_SLIDES:
            runs.append((i, j))
        i = j
    return runs


def _without_embedded_gallery(out: list[bool], texts: list[str], readability: str | None) -> list[bool]:
    """`out` without the slides of a gallery set inside the article (_slide_runs: a box of other stories'
    pictures, "Business news in pictures"): readability-lxml's article holds none of its slides but holds
    the nearest kept lines above and below it, so the article goes on across the box. A gallery that is
    the page's article (no article prose under it, or readability-lxml keeps its slides) stays."""
    if not readability:
        return out
    out = list(out)
    for start, end in _slide_runs(texts):
        above = next((i for i in range(start - 1, -1, -1) if out[i]), None)
        below = next((i for i in range(end, len(out)) if out[i]), None)
        if above is None or below is None or any(norm(texts[i]) in readability for i in range(start, end)):
            continue
        if norm(texts[above]) in readability and norm(texts[below]) in readability:
            out[start:end] = [False] * (end - start)
    return out


def _without_stray_runs(out: list[bool], unbacked: list[bool], items: list[bool], texts: list[str]) -> list[bool]:
    """`out` without the runs of kept lines that neither trafilatura's main text nor readability-lxml's
    holds (trafilatura's recall mode alone found them, jusText at most backs them; `unbacked`) that
    touch no other kept line: a sidebar's teasers between its unkept date lines and headings, not the
    article's own paragraph beside its kept text. A list item's run is its whole list (`items`: the
    lines that are list items): the list beside a kept line stays. Only while the kept lines the
    extractors back hold more words than those runs: when they failed, recall mode's text stands."""
    runs = _stray_runs(out, unbacked, items)
    stray = sum(len(texts[i].split()) for start, end in runs for i in range(start, end))
    backed = sum(len(t.split()) for t, k, u in zip(texts, out, unbacked) if k and not u)
    if not runs or stray >= backed:
        return out
    out = list(out)
    for start, end in runs:
        out[start:end] = [False] * (end - start)
    return out


def _stray_runs(out: list[bool], unbacked: list[bool], items: list[bool]) -> list[tuple[int, int]]:
    """(start, end) of each run of kept unbacked lines with no kept line right above or below it (a
    list item's run reaches over its whole list)."""
    runs = []
    i = 0
    while i < len(out):
        if not (out[i] and unbacked[i]):
            i += 1
            continue
        start = j = i
        while j < len(out) and out[j] and unbacked[j]:
            j += 1
        while start > 0 and items[start] and items[start - 1]:
            start -= 1
        end = j
        while end < len(out) and items[end] and items[end - 1]:
            end += 1
        if not (start > 0 and out[start - 1]) and not (end < len(out) and out[end]):
            runs.append((i, j))
        i = j
    return runs


def _backed(text: str, votes: dict[str, str]) -> bool:
    """Some extractor's main text holds the line."""
    key = norm(text)
    return bool(key) and any(key in blob for blob in votes.values())


def _keep_votes(texts: list[str], chrome: list[bool], prose: list[bool], readability_only: set[str],
                votes: dict[str, str], table_cells: set[str]) -> list[bool]:
    out = []
    first_prose = next((i for i, (c, p) in enumerate(zip(chrome, prose)) if p and not c), len(texts))
    menu = _menu_lines(texts[:first_prose])  # above the article: lists in it (steps, ingredients) stay
    if first_prose < len(texts) and not table_cell(texts[first_prose], table_cells):
        # a data table's cells (an infobox's labels and values) are no menu however short; in a layout
        # table, whose cells hold the article's prose too, the menu is in cells as well
        menu = {i for i in menu if not table_cell(texts[i], table_cells)}
    for i, (text, is_chrome, is_prose) in enumerate(zip(texts, chrome, prose)):
        key = norm(text)
        if key in readability_only:
            out.append(not is_chrome and (is_prose or key in votes.get("justext", "")))
        else:  # chrome or a menu line stays only when every extractor kept it
            out.append((not is_chrome and i not in menu)
                       or sum(1 for blob in votes.values() if key and key in blob) >= _EXTRACTORS)
    if not any(out):
        # nothing passes (a stub page, a caption and a paywall): trafilatura's own choice, not nothing
        default = votes.get("trafilatura", "")
        out = [not is_chrome and bool(norm(text)) and norm(text) in default for text, is_chrome in zip(texts, chrome)]
    return out
