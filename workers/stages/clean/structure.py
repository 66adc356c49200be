"""The article's inner structure in a plain-text dump: the short lines inside (and just past) the
densest run that are the article's own, not chrome. Subheadings (sentence case, Title Case when the
article has several, numbered, label headings), bullet and numbered lists, the lines a colon
introduces, code blocks, data tables, embedded tweets and recipe cards; each keeper sets `keep` in place.
"""

from __future__ import annotations

import functools
import re

from workers.stages.clean import language
from workers.stages.clean import lines as ln
from workers.stages.clean import metadata as md
from workers.stages.clean import shapes as sh
from workers.stages.clean import vocabulary as v
from workers.stages.clean.dates import date_line

_OPENING_QUOTES = "\"'“‘«„"
_PROMO_HEADLINE_MIN_WORDS = 5
_COLON_BLOCK_MAX = 12


def keep_inner_structure(lines: list[ln.Line], keep: list[bool], start: int, end: int) -> None:
    """Short lines inside the article run that are article structure, not chrome (plain text):
    a subheading (2-10 words, capitalised, no sentence end) between two prose paragraphs; a bullet
    item ("• ...", "- ...") in a list that follows article text; the short line introducing it ("...:");
    Title Case subheadings when the article has several (_subheading, _TITLE_CASE_HEADINGS_MIN)."""
    in_article = False
    title_case: list[int] = []  # Title Case headings, kept only when the article has several
    nouns_capitalised = functools.cache(lambda: _nouns_capitalised(lines, keep, start, end))  # asked only for a promo's shape
    for i in range(start, end):
        line = lines[i]
        if keep[i]:
            in_article = True
        elif in_article and line.kind == ln.SHORT:
            text = line.text
            if v.BULLET.match(text):
                if (line.n >= 3 and not sh.is_ui(ln.item_text(text)) and not _under_teaser_heading(lines, i, start)
                        and not _inline_link_box(lines, i, end)):
                    keep[i] = True
            elif _numbered_heading(lines, i, end):
                keep[i] = True  # in a list article, after article text
            elif _colon_intro(line) and keep[_before_chrome(lines, i, start)] and i + 1 < end and keep[i + 1]:
                keep[i] = True  # "The harbour master gave three reasons:" over the quote or paragraph it introduces
            elif (
                i + 1 < end
                and keep[before := _before_chrome(lines, i, start)]
                and (not v.BULLET.match(lines[before].text) or lines[before].kind == ln.PROSE)
            ):
                found = (text.endswith(":") and line.n >= 3 and v.BULLET.match(lines[i + 1].text) is not None
                         ) or label_heading(lines, i) or _subheading(lines, i, end, before, nouns_capitalised)
                if found == _TITLE_CASE:
                    title_case.append(i)
                elif found:
                    keep[i] = True
    if len(title_case) >= _TITLE_CASE_HEADINGS_MIN:
        for i in title_case:
            keep[i] = True
    _keep_colon_blocks(lines, keep, start, end)


_TITLE_CASE = "title case"
_TITLE_CASE_HEADINGS_MIN = 3  # Title Case subheadings between prose paragraphs that make an article's sections
_TITLE_CASE_MAX_WORDS = 8
_CREDIT_MARKS = ":/|"  # a caption's "Artist: Title", a credit's "Name/Agency", a teaser's "Headline | Site"


def _subheading(lines: list[ln.Line], i: int, end: int, before: int, nouns_capitalised=lambda: False) -> bool | str:
    """Whether the short line at i is a subheading over the paragraph under it (_under_heading): True,
    False, or _TITLE_CASE for a Title Case line set right between two prose paragraphs, which would be
    a promo headline on its own ("Dredging the Outer Channel") and is a section heading when the article
    has _TITLE_CASE_HEADINGS_MIN of them: an article's sections recur, another story's headline seldom
    does three times between paragraphs without a link label or list marker. nouns_capitalised() says
    the article is in a language that capitalises its nouns (_nouns_capitalised): there such a line set
    right between two paragraphs is a subheading (True) alone, its capitals being no Title Case. A
    name-shaped line (_bare_name) is never one alone, in any language: _TITLE_CASE, or False in capitals."""
    line = lines[i]
    text = line.text
    if not (  # the line's own tests first: the line it heads is looked for only then
        text.lstrip(_OPENING_QUOTES)[:1].isupper()  # "“Rez Infinite” ($30)": a quoted title
        and not text.endswith((":", ",", ";"))
        and (2 <= line.n <= sh.SUBHEAD_MAX_WORDS or (before == i - 1 and _long_subheading(line))
             or _one_word_heading(line, lines[before]))
        and (under := _under_heading(lines, i, end)) is not None
    ):
        return False
    label = _label_or_prompt(text)  # a caption, outlet or promo: asked once for both shapes below
    other_shape = label or _bare_name(text)
    if (not other_shape and not _promo_headline(text, lines[under].text)) or _list_heading(lines, under, end):
        return True
    between = before == i - 1 and under == i + 1 and lines[before].kind == ln.PROSE and lines[before].terminal
    if not between or line.n > _TITLE_CASE_MAX_WORDS or any(c in text for c in _CREDIT_MARKS) or label:
        return False  # a caption ("Jane Doe: Harbour at dusk", "Photo by A/Agency") or a teaser's long headline
    if other_shape:  # name-shaped ("Flight Checks"): one of the article's Title Case headings, in any language
        return False if text.isupper() else _TITLE_CASE  # in capitals a label ("RECEIVE OUR TIPS")
    return True if nouns_capitalised() else _TITLE_CASE


def _nouns_capitalised(lines: list[ln.Line], keep: list[bool], start: int, end: int) -> bool:
    """The kept prose of the run [start, end) is in a language that capitalises its common nouns
    (language.detect; vocabulary.NOUN_CAPITALISING_LANGUAGES: German), so a capitalised short line is
    no sign of an English Title Case headline."""
    prose = " ".join(lines[i].text for i in range(start, end) if keep[i] and lines[i].kind == ln.PROSE)
    return language.detect(prose) in v.NOUN_CAPITALISING_LANGUAGES


_INTRO_MIN_STOP = 0.15  # an introducing clause has function words ("She said it twice:"), a label few ("Results:")


def _colon_intro(line: ln.Line) -> bool:
    """A short clause that introduces what follows ("The harbour master gave three reasons:", "The output
    looks like this:"): a short line of 3 words or more ending in a colon, function words among them,
    capitalised, no interface label ("Share this:") and no label of a box of links ("More on the vote:")."""
    text = line.text
    return (line.kind == ln.SHORT and line.n >= 3 and text.endswith(":") and line.stop >= _INTRO_MIN_STOP
            and text.lstrip(_OPENING_QUOTES)[:1].isupper() and not sh.is_ui(text) and not sh.opens_teaser_box(text))


_SUBHEAD_LONG_WORDS = 14  # a sentence-long subheading ("Why the harbour board chose to dredge before the storms")
_QUOTED_PHRASE = re.compile(r"(?:^|\s)[\"'‘“«]")


def _long_subheading(line: ln.Line) -> bool:
    """A subheading candidate of shapes.SUBHEAD_MAX_WORDS + 1 to _SUBHEAD_LONG_WORDS words without a quoted
    phrase: a section heading written as a sentence; a headline of another story dropped into the
    article quotes someone more often than not ("Mayor says 'no regrets' over the harbour vote"), and
    one under a link label ("Read More") is such a headline (the caller asks for no chrome line above)."""
    return sh.SUBHEAD_MAX_WORDS < line.n <= _SUBHEAD_LONG_WORDS and _QUOTED_PHRASE.search(line.text) is None


_BETWEEN_MAX_WORDS = 6  # a photo credit or a second-level heading between a subheading and its paragraph


def _under_heading(lines: list[ln.Line], i: int, end: int) -> int | None:
    """The line a subheading candidate at i heads: a prose paragraph, a bullet item or a numbered
    heading right under it, or one such paragraph under one short line in between (a photo credit
    or a second-level heading: "Costs" / "Dredging the outer channel" / paragraph); None when there is none."""
    for j in (i + 1, i + 2):
        if j >= end:
            return None
        below = lines[j]
        if below.kind == ln.PROSE or (j == i + 1 and (v.BULLET.match(below.text) or _numbered_heading(lines, j, end))):
            return j
        if below.kind != ln.SHORT or below.n > _BETWEEN_MAX_WORDS or v.BULLET.match(below.text):
            return None  # a longer short line there is a teaser's headline, not a credit or a heading
    return None


_LINK_BOX_MAX_ITEMS = 3


def _inline_link_box(lines: list[ln.Line], i: int, end: int) -> bool:
    """The bullet at i is one of 1-3 headline-shaped items (no sentence end) set between two prose
    paragraphs, the one above not introducing them with a colon: links to other stories dropped into
    the article ("* One virus, two Americas"), not a list of the article's own."""
    first = i  # both walks stop one step past the largest box: a longer list is the article's
    while first > 0 and i - first <= _LINK_BOX_MAX_ITEMS and v.BULLET.match(lines[first - 1].text):
        first -= 1
    last = i
    while last + 1 < end and last - i <= _LINK_BOX_MAX_ITEMS and v.BULLET.match(lines[last + 1].text):
        last += 1
    after = last + 1
    while after < end and lines[after].kind == "boilerplate":
        after += 1  # an ad slot's marker between the box and the prose
    if last - first + 1 > _LINK_BOX_MAX_ITEMS or first == 0 or after >= end:
        return False
    above, below = lines[first - 1], lines[after]
    return (above.kind == ln.PROSE and below.kind == ln.PROSE and not above.text.endswith(":")
            and not any(lines[k].terminal for k in range(first, last + 1)))


def _under_teaser_heading(lines: list[ln.Line], i: int, start: int) -> bool:
    """A bullet item of a list that a "Related"/"Read more"-type heading introduces (an inline box of
    links to other stories inside the article), not a list of the article's."""
    j = i - 1
    while j > start and i - j <= sh.INLINE_BOX_MAX_ITEMS and v.BULLET.match(lines[j].text):
        j -= 1  # a longer list is not an inline box (and the walk stays short on hostile input)
    return sh.opens_teaser_box(lines[j].text)


def keep_dump_structure(lines: list[ln.Line], keep: list[bool], start: int, end: int) -> None:
    """The article's structured parts a plain-text dump flattens into short lines the densest run
    [start, end) leaves out: a recipe card, code blocks, embedded tweets, data tables, the list a
    closing paragraph introduces, a post that is only a list (each pass below says its evidence)."""
    _keep_recipe(lines, keep, start, end)
    _keep_code_blocks(lines, keep, start, end)
    _keep_tweets(lines, keep, start, end)
    _keep_tables(lines, keep, start, end)
    _keep_closing_list(lines, keep, end)
    _keep_numbered_lists(lines, keep)
    _keep_list_post(lines, keep, start, end)
    _keep_resumed_items(lines, keep, start, end)


_TABLE_MIN_ROWS = 3
_TABLE_MAX_ROWS = 30
_TABLE_HEAD_ROWS = 2


def _keep_tables(lines: list[ln.Line], keep: list[bool], start: int, end: int) -> None:
    """A data table inside the article run: a block of _TABLE_MIN_ROWS or more short lines between two
    kept paragraphs whose rows hold numbers and have about as many cells each ("apache_builds 2.3 GB/s
    0.098 GB/s"), the header row included; menus and link lists hold no numbers in most rows."""
    i = start + 1
    while i < end:
        if keep[i] or not keep[i - 1]:
            i += 1
            continue
        j = i
        while j < end and not keep[j] and lines[j].kind == ln.SHORT and j - i < _TABLE_MAX_ROWS:
            j += 1
        rows = lines[i:j]
        if j < end and keep[j] and len(rows) >= _TABLE_MIN_ROWS and _table_shaped(rows):
            keep[i:j] = [True] * (j - i)
        i = j + 1


def _table_shaped(rows: list[ln.Line]) -> bool:
    """Most rows hold a number and all have about as many words (within 2 of the middle row's), but for up
    to _TABLE_HEAD_ROWS first rows without a number: a table's title and its header row ("Most active
    developers", "By changesets By changed lines") name the columns in fewer words than a row fills them."""
    numbered = sum(sh.DIGIT.search(row.text) is not None for row in rows)
    head = 0
    while head < _TABLE_HEAD_ROWS and len(rows) - head > _TABLE_MIN_ROWS and sh.DIGIT.search(rows[head].text) is None:
        head += 1
    sizes = sorted(row.n for row in rows[head:])
    middle = sizes[len(sizes) // 2]
    return 3 * numbered >= 2 * len(rows) and all(abs(n - middle) <= 2 for n in sizes) and middle >= 2


_TWEET_MAX_LINES = 3  # lines of an embedded tweet's text over its attribution


def _keep_tweets(lines: list[ln.Line], keep: list[bool], start: int, end: int) -> None:
    """Tweets embedded in the article: the text over an attribution line ("— Dave Schukin (@schukin)
    July 3, 2019", vocabulary.TWEET_ATTRIBUTION) inside the run, and the attribution (a quote needs
    its source); a short text line ("Notice the warping ... pic.twitter.com/...") is one the run drops."""
    for i in range(start + 1, end):
        if keep[i] or len(lines[i].text) > 120 or not v.TWEET_ATTRIBUTION.match(lines[i].text):
            continue
        j = i - 1
        while j > start and i - j <= _TWEET_MAX_LINES and not keep[j] and lines[j].kind != "boilerplate":
            j -= 1
        if keep[j] and j < i - 1:
            keep[j + 1: i + 1] = [True] * (i - j)


_CODE_BLOCK_MAX = 40  # lines of a code block or shell session inside a post
_CODE_GAP = 2  # output lines in a row inside a block ("100" under "> 29*100")


def _keep_code_blocks(lines: list[ln.Line], keep: list[bool], start: int, end: int) -> None:
    """Code blocks and shell sessions in a post: short lines, mostly code-shaped
    (vocabulary.CODE_LINE), right under a kept paragraph of the run or a block's last line, kept when
    the paragraph above introduces them (ends with ":") or the post's prose resumes under them; the
    prose that resumes under a block at the run's end is kept too (the densest run stops at the code)."""
    i = start + 1
    while i <= end and i < len(lines):
        intro = _code_intro(lines, keep, i)  # "Then the service file:" between a paragraph and the block
        if keep[i] or not (keep[i - 1] or intro) or not _code_line(lines[i]):
            i += 1
            continue
        j, gap, last = i, 0, i
        while j < len(lines) and j - i < _CODE_BLOCK_MAX and gap <= _CODE_GAP and lines[j].kind in (ln.SHORT, ln.SENTENCE):
            gap = 0 if _code_line(lines[j]) else gap + 1
            last = j if gap == 0 else last
            j += 1
        j = last + 1
        code = sum(map(_code_line, lines[i:j]))
        k = next((k for k in range(j, min(j + _CODE_GAP + 1, len(lines))) if lines[k].kind != ln.SHORT), None)
        resumes = k is not None and lines[k].kind == ln.PROSE
        j = k if resumes else j  # the output lines under the last statement go with the block
        one_inside = code == 1 and j == i + 1 and j < end and resumes  # one code line between two paragraphs
        if (code >= 2 or one_inside) and 2 * code >= j - i and (resumes or lines[i - 1].text.endswith(":")):
            keep[i - intro:j] = [True] * (j - i + intro)
            while j >= end and j < len(lines) and resumes and lines[j].kind in ln.CONTENT_KINDS:
                keep[j] = True
                j += 1
        i = j + 1


def _code_intro(lines: list[ln.Line], keep: list[bool], i: int) -> bool:
    """Line i - 1 is a short sentence introducing what follows ("In /etc/hosts.allow, add the following
    line:"), right under a kept line: 3+ words, capitalised, ending in a colon, not code itself."""
    line = lines[i - 1]
    return (i >= 2 and keep[i - 2] and not keep[i - 1] and line.kind == ln.SHORT and line.n >= 3
            and line.text.endswith(":") and line.text[:1].isupper() and not _code_line(line))


def _code_line(line: ln.Line) -> bool:
    return line.kind != "boilerplate" and len(line.text) <= 200 and v.CODE_LINE.search(line.text) is not None


_RECIPE_REACH = 30  # lines between a recipe card's "Ingredients" heading and the article run
_RECIPE_LIST_MAX = 40  # lines of an ingredient list or a method


def _keep_recipe(lines: list[ln.Line], keep: list[bool], start: int, end: int) -> None:
    """A recipe card next to or inside the article: under an "Ingredients" heading at most
    _RECIPE_REACH lines from the run, its list ("1/4", "cup butter", "* 2 tsp sugar": short lines the
    run leaves out), and under the method heading that ends it ("Directions", "Steps") the steps."""
    for h in range(max(0, start - _RECIPE_REACH), min(len(lines), end + _RECIPE_REACH)):
        if len(lines[h].text) <= 20 and v.RECIPE_INGREDIENTS.match(lines[h].text):
            j = _keep_list(lines, keep, h + 1, prose=False)
            if j < len(lines) and v.RECIPE_METHOD.match(lines[j].text):
                _keep_list(lines, keep, j + 1, prose=True)
            return


_STEP_NUMBER = re.compile(r"^(?:[*•] )?(?:step )?\d{1,2}[.):]?$", re.IGNORECASE)


def _keep_list(lines: list[ln.Line], keep: list[bool], i: int, prose: bool) -> int:
    """Keeps the lines from i up to a boilerplate line, a recipe heading or _RECIPE_LIST_MAX lines,
    and returns where it stopped: an ingredient list's lines are short or bulleted (a paragraph ends
    it), a method's are its steps (sentences, bulleted, or a bare step number over its step; another
    short line, "Recipe Notes" or "Nutrition Facts", ends it)."""
    stop = min(len(lines), i + _RECIPE_LIST_MAX)
    while i < stop:
        line = lines[i]
        if line.kind == "boilerplate" or v.RECIPE_METHOD.match(line.text):
            break
        bullet = v.BULLET.match(line.text) is not None
        if prose and not (line.kind in ln.CONTENT_KINDS or bullet or _STEP_NUMBER.match(line.text)):
            break
        if not prose and line.kind == ln.PROSE and not bullet:
            break
        keep[i] = True
        i += 1
    return i


_INNER_CHROME_REACH = 2  # chrome lines ("Read more: ...", an ad label) between a paragraph and a subheading
_NUMBERED_HEADING_MAX_WORDS = 15  # the number and up to 14 words ("4. Rooms are priced by what they cost to build")
_ITEM_NUMBER = re.compile(r"(?:^|\s)\d{1,2}[.)]\s")
_NUMBERED_HEADING = re.compile(r"^\d{1,2}[.)] ?[A-Z\"“‘'(]")
_NUMBERED_HEADING_NUMBER = re.compile(r"^(\d{1,2})[.)] ?[A-Z\"“‘'(]")


def _before_chrome(lines: list[ln.Line], i: int, start: int) -> int:
    """The line before i, skipping up to _INNER_CHROME_REACH boilerplate lines (not past start)."""
    j = i - 1
    while j > start and i - j <= _INNER_CHROME_REACH and lines[j].kind == "boilerplate":
        j -= 1
    return j


def _numbered_heading(lines: list[ln.Line], i: int, end: int) -> bool:
    """A numbered item heading of a list article ("3. Choose the Right Pot", "5) Kristi Dosh", "4. Dunmere"):
    the number and 1 to _NUMBERED_HEADING_MAX_WORDS - 1 words without a sentence end nor a second item
    number (one word only when capitalised, a place or a name, and with the item numbered one before or after
    it near: "1. Nine" alone is no heading), followed by a prose paragraph inside the article run, or by
    the item's photo caption and then one."""
    line = lines[i]
    return (
        i + 1 < end
        and line.kind == ln.SHORT
        and (3 <= line.n <= _NUMBERED_HEADING_MAX_WORDS or (line.n == 2 and line.text.split()[-1][:1].isupper() and _numbered_sibling(lines, i)))
        and not line.terminal
        and _NUMBERED_HEADING.match(line.text) is not None
        and len(_ITEM_NUMBER.findall(line.text)) < 2  # "1. Fees 2. Dates 3. Venues ...": a menu row
        and (lines[i + 1].kind == ln.PROSE or (
            i + 2 < end and lines[i + 2].kind == ln.PROSE and md.is_caption(lines[i + 1].text, before_lead=False)))
    )


_SIBLING_REACH = 12  # lines either side where the next or previous numbered item heading stands


def _numbered_sibling(lines: list[ln.Line], i: int) -> bool:
    """Another item heading numbered one before or after line i's within _SIBLING_REACH lines."""
    own = _NUMBERED_HEADING_NUMBER.match(lines[i].text)
    if own is None:
        return False
    number = int(own.group(1))
    for j in range(max(0, i - _SIBLING_REACH), min(len(lines), i + _SIBLING_REACH + 1)):
        m = _NUMBERED_HEADING_NUMBER.match(lines[j].text) if j != i else None
        if m and abs(int(m.group(1)) - number) == 1 and len(lines[j].text) <= 120:
            return True
    return False


_LABEL_MAX_WORDS = 4


def label_heading(lines: list[ln.Line], i: int) -> bool:
    """A label heading of a structured text ("Results:", "Study Design:") over the sentence
    or paragraph it labels: at most _LABEL_MAX_WORDS capitalised words and a colon."""
    text = lines[i].text
    return (text.endswith(":") and lines[i].n <= _LABEL_MAX_WORDS and text[:1].isupper()
            and lines[i + 1].kind in ln.CONTENT_KINDS and not sh.is_ui(text))


def _list_heading(lines: list[ln.Line], i: int, end: int) -> bool:
    """Line i opens a list article's numbered items ("1. Christie Leigh Mueller" over its paragraph):
    the line above it is the list's heading even when Title Case ("My Top 10 Women Talking Sports")."""
    return _numbered_heading(lines, i, end) and lines[i].text.lstrip().startswith(("1.", "1)"))


def _one_word_heading(line: ln.Line, before: ln.Line) -> bool:
    """"Results", "Background": a capitalised word of letters after a finished paragraph, not UI."""
    text = line.text
    return (
        line.n == 1
        and len(text) >= 4
        and text.replace("-", "").isalpha()  # "Results", "Wrap-up"
        and before.kind == ln.PROSE
        and before.terminal
        and text.casefold() not in v.UI_WORDS
    )


def _keep_colon_blocks(lines: list[ln.Line], keep: list[bool], start: int, end: int) -> None:
    """The short lines a paragraph ending in a colon introduces (code, an unmarked list), when the
    article's prose resumes right after them (chrome lines may close the block); a short clause that
    introduces them (_colon_intro) under kept article text is kept with them."""
    for i in range(start, end):
        line = lines[i]
        if not line.text.endswith(":"):
            continue
        intro = not keep[i] and i > start and _colon_intro(line) and keep[_before_chrome(lines, i, start)]
        if not (intro or (keep[i] and line.kind == ln.PROSE)):
            continue
        j = i + 1
        while j < end and j - i <= _COLON_BLOCK_MAX and not keep[j] and _short_or_sentence(lines[j]):
            j += 1
        if i + 1 < j < end and (keep[j] or lines[j].kind in (ln.PROSE, "boilerplate")):
            after = next((k for k in range(j, min(end, j + 3)) if lines[k].kind != "boilerplate"), None)
            if after is not None and lines[after].kind == ln.PROSE:
                for k in range(i, j):
                    keep[k] = True


def _keep_closing_list(lines: list[ln.Line], keep: list[bool], end: int) -> None:
    """The bullet list a paragraph ending in a colon introduces at the end of the run ("I'll summarize
    them:" / "* Tuples save a bit of memory ..."): two or more bullet items, not interface links, up
    to _COLON_BLOCK_MAX, and a lone paragraph right under them; the densest run stops at the colon
    because short lines cost it."""
    i = end - 1
    if i < 0 or not keep[i] or lines[i].kind != ln.PROSE or not lines[i].text.endswith(":"):
        return
    j = end
    while (j < len(lines) and j - end < _COLON_BLOCK_MAX and lines[j].kind != "boilerplate"
           and v.BULLET.match(lines[j].text) and not _item_is_chrome(ln.item_text(lines[j].text))):
        j += 1
    if j - end >= 2:
        if j < len(lines) and lines[j].kind == ln.PROSE and (j + 1 == len(lines) or lines[j + 1].kind != ln.PROSE):
            j += 1  # the paragraph that closes the list ("Check back soon ..."), when chrome follows it
        keep[end:j] = [True] * (j - end)
    elif j == end:
        _keep_closing_items(lines, keep, end)


def _keep_closing_items(lines: list[ln.Line], keep: list[bool], end: int) -> None:
    """An unmarked list the closing colon introduces ("Some of my favorites ...:" / "Phil Anselmo,
    Pantera" / ...): 2 to _COLON_BLOCK_MAX short lines, not interface, kept with the prose that resumes
    right under them (the article goes on: "Here's the full list ..."); without that prose nothing."""
    j = end
    while j < len(lines) and j - end < _COLON_BLOCK_MAX and lines[j].kind == ln.SHORT and not _item_is_chrome(lines[j].text):
        j += 1
    if j - end < 2 or j >= len(lines) or lines[j].kind != ln.PROSE:
        return
    while j < len(lines) and lines[j].kind in ln.CONTENT_KINDS:
        j += 1
    keep[end:j] = [True] * (j - end)


RESUMED_ITEMS_MIN_KEPT = 2  # numbered item headings the run keeps: a list article
RESUMED_ITEMS_REACH = 400  # lines below the run where its next item may resume (a gallery's slides between)


def _keep_resumed_items(lines: list[ln.Line], keep: list[bool], start: int, end: int) -> None:
    """A list article cut by a gallery or a video player: the run keeps RESUMED_ITEMS_MIN_KEPT or more
    numbered item headings (_numbered_heading) and the last is N; within RESUMED_ITEMS_REACH lines below
    the run, the heading numbered N + 1 over a paragraph resumes it. Kept from there: paragraphs, the
    item headings counting on, and a short line right over the next of them (its photo caption); the
    first other line ends it."""
    numbers = [int(m.group(1)) for i in range(start, end)
               if keep[i] and (m := _NUMBERED_HEADING_NUMBER.match(lines[i].text)) and lines[i].kind == ln.SHORT]
    if len(numbers) < RESUMED_ITEMS_MIN_KEPT:
        return
    expected = max(numbers) + 1
    j = next((j for j in range(end, min(len(lines), end + RESUMED_ITEMS_REACH))
              if _item_numbered(lines, j, expected) and _numbered_heading(lines, j, len(lines))), None)
    while j is not None and j < len(lines):
        if _item_numbered(lines, j, expected):
            expected += 1
        elif lines[j].kind != ln.PROSE and not (
                lines[j].kind == ln.SHORT and not v.BULLET.match(lines[j].text) and _item_numbered(lines, j + 1, expected)):
            return
        keep[j] = True
        j += 1


def _item_numbered(lines: list[ln.Line], i: int, number: int) -> bool:
    m = _NUMBERED_HEADING_NUMBER.match(lines[i].text) if i < len(lines) and lines[i].kind == ln.SHORT else None
    return m is not None and int(m.group(1)) == number


LIST_POST_MIN_ITEMS = 8  # bullet items around a run of list items that make the post a list
LIST_POST_MIN_MEDIAN_WORDS = 5  # words of the middle item, its marker counted: a menu's or a tag list's are fewer


def _keep_list_post(lines: list[ln.Line], keep: list[bool], start: int, end: int) -> None:
    """A post that is only a bullet list (release notes, a changelog): every line the densest run
    [start, end) keeps is a list item, inside a block of LIST_POST_MIN_ITEMS or more bullet items whose
    middle item by length has LIST_POST_MIN_MEDIAN_WORDS words or more; the block's items that are not
    interface links or metadata (_item_is_chrome) are the article. A run of prose, or a menu's short
    items around one long line, is none."""
    kept = [i for i in range(start, end) if keep[i]]
    if not kept or not all(v.BULLET.match(lines[i].text) for i in kept):
        return
    first, last = kept[0], kept[-1] + 1
    while first > 0 and _list_post_item(lines[first - 1]):
        first -= 1
    while last < len(lines) and _list_post_item(lines[last]):
        last += 1
    items = lines[first:last]
    if len(items) < LIST_POST_MIN_ITEMS or sorted(x.n for x in items)[len(items) // 2] < LIST_POST_MIN_MEDIAN_WORDS:
        return
    for i in range(first, last):
        keep[i] = keep[i] or not _item_is_chrome(ln.item_text(lines[i].text))


def _list_post_item(line: ln.Line) -> bool:
    return line.kind != "boilerplate" and v.BULLET.match(line.text) is not None


_NUMBERED_LIST_MIN = 2  # items in a block
_NUMBERED_ITEM_MAX_CHARS = 300


def _keep_numbered_lists(lines: list[ln.Line], keep: list[bool]) -> None:
    """A numbered list the article holds or ends with ("01. Ann Lee" ... "100. Tom Hale", an
    agenda's "1." "2." with nested "1." "2." "3."): a block of numbered lines, none chrome, whose numbers
    count on from each other (up by one, down by one, or back to 1 for a nested list), with a kept
    line inside it or a kept line right above it where the count starts at 1 (or counts down). Menus
    and link lists are not numbered in sequence; the densest run leaves such items out as short lines."""
    i = 0
    while i < len(lines):
        if not lines[i].text[:1].isdigit():  # most lines: no function call
            i += 1
            continue
        j, numbers = i, []
        while j < len(lines) and (number := _list_number(lines[j])) is not None and _counts_on(numbers, number):
            numbers.append(number)
            j += 1
        if j - i >= _NUMBERED_LIST_MIN and (any(keep[i:j]) or _opens_under_article(lines, keep, i, numbers)) \
                and not _under_teasers(lines, i):
            keep[i:j] = [True] * (j - i)
        i = max(j, i + 1)


def _under_teasers(lines: list[ln.Line], i: int) -> bool:
    """Line i opens or continues a teaser list ("Most Viewed Stories" / "1. ..."; sections.mark may cut one short)."""
    return i > 0 and (lines[i - 1].reason == "teasers" or sh.opens_teaser_box(lines[i - 1].text))


def _list_number(line: ln.Line) -> int | None:
    if not line.text[:1].isdigit() or line.kind == "boilerplate" or len(line.text) > _NUMBERED_ITEM_MAX_CHARS:
        return None
    m = v.NUMBERED_ITEM.match(line.text)
    return int(m.group(1)) if m else None


def _counts_on(numbers: list[int], number: int) -> bool:
    return not numbers or number in (numbers[-1] + 1, numbers[-1] - 1, 1)


def _opens_under_article(lines: list[ln.Line], keep: list[bool], i: int, numbers: list[int]) -> bool:
    """The block at i sits right under a kept prose line and counts from 1 up, or down (a countdown)."""
    return (i > 0 and keep[i - 1] and lines[i - 1].kind == ln.PROSE
            and (numbers[0] in (0, 1) or numbers[1] == numbers[0] - 1))


def _item_is_chrome(item: str) -> bool:
    """A list item that is an interface link or the post's metadata ("Author: Jane Doe", "Published: ...")."""
    return sh.is_ui(item) or md.byline(item) is not None or date_line(item) is not None


def _short_or_sentence(line: ln.Line) -> bool:
    return line.kind == ln.SHORT or line.kind == ln.SENTENCE


def _promo_headline(text: str, below: str) -> bool:
    """A Title Case promo headline for another story (a short sentence-case heading, "What did not work",
    is none): headline-shaped, _PROMO_HEADLINE_MIN_WORDS words or Title Case, and `below`, the paragraph
    under the line, does not take up its content words (then it heads that section: _section_heading_echo)."""
    words = text.split()
    return (md.headline_shaped(text) and (len(words) >= _PROMO_HEADLINE_MIN_WORDS or sh.title_cased(words))
            and not _section_heading_echo(text, below))


def _label_or_prompt(text: str) -> bool:
    """A photo credit or caption label, an outlet's name or a reader prompt (an imperative first word:
    vocabulary.PROMO_IMPERATIVES): no subheading even where an article's sections recur."""
    if md.has_caption_trigger(text.casefold()) or md.looks_like_outlet(text):
        return True
    return text.split()[0].casefold() in v.PROMO_IMPERATIVES


def _bare_name(text: str) -> bool:
    """Shaped like a person's name ("Jane Doe": 2-4 capitalised words, no function word). A two-word
    section heading has the same shape ("Flight Checks", "Final Verdict"): such a line is no subheading
    on its own, but counts among an article's Title Case headings (_subheading, _TITLE_CASE_HEADINGS_MIN)."""
    return md.standalone_name(text) and v.STOPWORDS.isdisjoint(w.casefold() for w in text.split())


_ECHO_MIN_WORDS = 2  # content words of a heading the paragraph under it repeats
_ECHO_SHARE = 0.5


def _section_heading_echo(heading: str, below: str) -> bool:
    """The paragraph under a headline-shaped line repeats at least _ECHO_MIN_WORDS and _ECHO_SHARE of
    its content words: it is that section's subheading ("Make a List of What You Own" over "Write
    down everything you own ... the list"), not a link to another story dropped into the article."""
    words = md.content_words(heading)
    shared = words & md.content_words(below)
    return len(shared) >= _ECHO_MIN_WORDS and len(shared) >= _ECHO_SHARE * len(words)


def plain_subheading(line: ln.Line) -> bool:
    """A short capitalised line without a sentence end, quotation marks, a comma or a trailing colon
    ("Information from other users"): a subheading that names what the paragraphs under it say, never
    a pull quote, which is a sentence or a quotation lifted from the text (nor a fragment of one)."""
    text = line.text
    return (line.n <= sh.SUBHEAD_MAX_WORDS and not line.terminal and text[:1].isupper() and ", " not in text
            and not text.endswith((":", ",", ";", "-")) and not ln.has_quotes(text))
