"""Step 1 of clean_lines: which lines are article text. HTML candidates are voted on (voting.keep, with
the page's marked chrome and the lines no vote may keep); a dump keeps its densest run of prose, moved
to the article's edges: an article above a closing heading, the lead above a list or a table of
contents, label headings, inline boxes crossed, post and page footers and a swallowed link list cut
off (run_edges); then its inner structure (structure).
"""

from __future__ import annotations

import re

from workers.stages.clean import lines as ln
from workers.stages.clean import metadata as md
from workers.stages.clean import shapes as sh
from workers.stages.clean import structure as st
from workers.stages.clean import vocabulary as v
from workers.stages.clean import voting
from workers.stages.clean.dates import date_line

# chrome reasons (lines.classify) whose lines no extractor vote keeps: an ad slot's marker and a
# copyright/reproduction notice are never the article's text, whatever trafilatura and readability keep
# (site notices tried in the tenth session: an affiliate disclosure one held-out page's annotators kept
# went, newspaper body F1 0.959 -> 0.956; so the extractors' vote still keeps a disclaimer they all keep)
# (_never_rescued adds a closing paywall pitch and a bare-domain credit; measured: "legal" and "comments"
# sections here changed no dev-set page; "legal" added in the twelfth session: a company newsroom's release
# kept its "About <Company>" paragraph in HTML, which the dump drops, and the dev set and held-out dev thirds
# did not move)
NEVER_RESCUED = frozenset(("advertisement", "copyright", "poll", "legal"))  # and a reader poll's box (sections._box_end)
_PAYWALL_MAX_WORDS = 300  # a pitch is short: a longer "paywall" tail may be the article going on


def _never_rescued(lines: list[ln.Line]) -> list[bool]:
    """Per HTML candidate line, whether no extractor vote may keep it: its chrome reason is in
    NEVER_RESCUED, or it is chrome from the start of a paywall section on (sections.mark: the pitch
    closes the article, so every chrome line under it is the pitch's, "already a subscriber? Log in"),
    when that tail is short (_PAYWALL_MAX_WORDS: a long one may be the article going on past a banner), or
    it is a teaser link to another story ("MORE: <headline>": vocabulary.TEASER_LINK) or a widget's label
    ("Report a typo", "Page 2 of 3": vocabulary.WIDGET_LINE), or an "About <Organisation>" heading over a
    closing "legal" section (sections.mark)."""
    paywall = next((i for i, line in enumerate(lines) if line.reason == "paywall"), len(lines))
    if sum(line.n for line in lines[paywall:]) > _PAYWALL_MAX_WORDS:
        paywall = len(lines)
    return [line.reason in NEVER_RESCUED or (i >= paywall and line.kind == "boilerplate") or _domain_credit(line)
            or (line.reason == "ui_vocabulary" and (v.TEASER_LINK.match(line.text) or v.WIDGET_LINE.match(line.text)) is not None)
            or (line.reason == "about_section" and i + 1 < len(lines) and lines[i + 1].reason == "legal")
            for i, line in enumerate(lines)]


def _domain_credit(line: ln.Line) -> bool:
    """A source credit that is only a domain ("EXAMPLENEWS.COM"): never the article's text. Other credit
    lines ("Additional reporting by …") the extractors' vote may keep, as annotators often do."""
    return line.reason == "credits" and " " not in line.text and v.BARE_DOMAIN.match(line.text) is not None


def _marked_lines(lines: list[ln.Line], marked_chrome: dict[str, str], votes: dict[str, str] | None = None) -> list[bool]:
    """Per HTML candidate line, whether the page marks its element as chrome (html.marked_chrome: its
    dialogs too; an image's alt text shown in its figure box as the whole line only); captions only when
    their lines hold no more prose words than the rest (in a gallery the captions are the article), boxes
    marked only as comments ("comments", "inner_comments") only when the rest holds prose (a live match's
    commentary is the whole article; a forum thread's replies under a post are not), and of those, a box
    marked only by an inner "comment" class part (a live blog's "match-comments") not when trafilatura's
    default and precision texts (`votes`, voting.candidates' "votes") both hold the line: trafilatura
    prunes comment regions itself (held-out dev thirds: multilingual snippet F1 +0.002 and +0.003 by the
    two rules)."""
    chrome = f"{marked_chrome.get('other', '')}\n{marked_chrome.get('dialogs', '')}"
    alt_captions = set(marked_chrome.get("alt_captions", "").split("\n")) - {""}
    keys = [voting.norm(line.text) for line in lines]  # once per line (voting.marked's test, inlined)
    other = [bool(key) and key in chrome for key in keys]
    captions = [_in_marked(key, marked_chrome.get("captions", "")) or _alt_caption_line(key, alt_captions) for key in keys]
    inner = marked_chrome.get("inner_comments", "")
    trafilatura = [(votes or {}).get(mode, "") for mode in ("trafilatura", "trafilatura_precision")]
    held = [_in_marked(key, inner) and all(key in blob for blob in trafilatura) for key in keys]  # no votes: none
    comments = [_in_marked(key, f"{marked_chrome.get('comments', '')}\n{inner}") for key in keys]
    prose = [len(line.text.split()) if line.kind == ln.PROSE else 0 for line in lines]
    rest = [not (o or line.kind == "boilerplate") for o, line in zip(other, lines)]
    outside = sum(n for n, c, m, r in zip(prose, captions, comments, rest) if r and not (c or m))
    inside = sum(n for n, c in zip(prose, captions) if c)
    return [o or (c and inside <= outside) or (m and outside > 0 and not h)
            for o, c, m, h in zip(other, captions, comments, held)]


def _in_marked(key: str, marked_text: str) -> bool:
    return bool(key) and key in marked_text


ALT_CAPTION_EXTRA_WORDS = 2  # a lightbox button's label run into the caption ("Vergrößern", "Enlarge"), a credit word


def _alt_caption_line(key: str, alt_captions: set[str]) -> bool:
    """The normalised line is an image's alt text shown in its figure box (html.alt_captions): the whole
    line, or the line holding it with at most ALT_CAPTION_EXTRA_WORDS words more (readability-lxml joins the
    figure box's "Vergrößern" button and the caption into one block)."""
    if key in alt_captions:
        return True
    return any(alt in key and len(key.split()) - len(alt.split()) <= ALT_CAPTION_EXTRA_WORDS for alt in alt_captions
               if len(alt) < len(key))


def article_lines(
    lines: list[ln.Line], kinds: list[str | None], *, trusted: bool, keep_flags: list[bool] | None, votes: dict | None
) -> list[bool]:
    """Step 1 of clean_lines: per line, whether it is article text. HTML candidates are voted on
    (voting.keep, our classifier one voter); external flags are taken as given; extractor output
    keeps the densest run with its subheadings; a dump keeps the densest run, moved to the article
    (_article_above_closing and the run-edge passes) and its inner structure."""
    if votes is not None:
        keep = voting.keep(
            [line.text for line in lines],
            [line.kind == "boilerplate" for line in lines],
            [line.kind == ln.PROSE for line in lines],
            votes["readability_only"],
            votes["votes"],
            marked=[m or never for m, never in zip(_marked_lines(lines, votes.get("marked_chrome") or {}, votes["votes"]),
                                                   _never_rescued(lines))],
            table_cells=votes.get("table_cells"),
        )
    elif keep_flags is not None:
        keep = [flag and line.kind != "boilerplate" for flag, line in zip(keep_flags, lines)]
    elif trusted:
        # extractor output: subheadings count as text, but a related-links tail is still cut off
        start, end = ln.densest_run(lines, short_score=-1.0)
        first_prose = next((i for i, line in enumerate(lines) if line.kind == ln.PROSE), len(lines))
        keep = [
            start <= i < end
            and (line.kind in ln.CONTENT_KINDS or (i > first_prose and line.kind != "boilerplate" and line.n >= 2))
            for i, line in enumerate(lines)
        ]
    else:
        start, end = run_edges(lines, kinds)["final"]
        keep = [start <= i < end and line.kind in ln.CONTENT_KINDS for i, line in enumerate(lines)]
        st.keep_inner_structure(lines, keep, start, end)
        st.keep_dump_structure(lines, keep, start, end)
    return keep


def run_edges(lines: list[ln.Line], kinds: list[str | None]) -> dict[str, tuple[int, int]]:
    """A dump's article run, [start, end) line indexes, after each pass that moves its edges, in order:
    "densest" (lines.densest_run), "above_closing" (_article_above_closing), "lead_labels" (_lead_above_run,
    _labels_above_run), "inline_boxes", "post_footer", "page_footer", "link_list" (the _end_* passes);
    "final" is the last. kinds: sections.line_kinds of the lines. bench.text_losses reads every step."""
    out = {"densest": ln.densest_run(lines)}
    start, end = out["above_closing"] = _article_above_closing(lines, kinds, *out["densest"])
    start = _labels_above_run(lines, _lead_above_run(lines, start))
    out["lead_labels"] = (start, end)
    out["inline_boxes"] = (start, end := _end_across_inline_boxes(lines, end))
    out["post_footer"] = (start, end := _end_before_post_footer(lines, start, end))
    out["page_footer"] = (start, end := _end_at_page_footer(lines, start, end))
    out["link_list"] = out["final"] = (start, _end_before_link_list(lines, start, end))
    return out


_CLOSING_SECTIONS = frozenset(("teasers", "comments"))
_ANCHORED_MIN_WORDS = 40  # prose words an article under its own header needs to win
_CLOSED_MIN_WORDS = 80  # ... and one closed by a comments heading without a header


def _article_above_closing(lines: list[ln.Line], kinds: list[str | None], start: int, end: int) -> tuple[int, int]:
    """[start, end) of the article: the densest run, unless it starts below a closing heading (a
    comments heading, a related/latest/most-read heading: sections.heading_kind) with an article
    above it. That article is the densest run of the lines above the heading, with at least
    _ANCHORED_MIN_WORDS prose words under its own header (a date or byline line at most shapes.HEADER_REACH
    lines above its first line) or _CLOSED_MIN_WORDS above a comments heading (lines.Line.hard_end).
    The run below is then teasers with summaries or reader comments, however long: the body is the
    article's prose, not the longest prose (issue 10 item 3). A closing heading inside the densest run
    closes nothing here: inline "Related" boxes sit mid-article (measured on the dev set).
    kinds: sections.line_kinds of the lines (a closing heading's kind, asked once per page)."""
    headings = [
        h for h in range(start)
        if lines[h].hard_end or (lines[h].kind != ln.PROSE and len(lines[h].text) <= 80
                                 and kinds[h] in _CLOSING_SECTIONS)  # sections.heading_kind (line_kinds)
    ]
    if not headings:
        return start, end
    words = [0]  # prose words of lines[:i]
    for line in lines[: headings[-1]]:
        words.append(words[-1] + (line.n if line.kind == ln.PROSE else 0))
    for h, (s, e) in zip(headings, _densest_runs_before(lines, headings)):
        prose = words[e] - words[s]
        if prose >= _CLOSED_MIN_WORDS and lines[h].hard_end:
            return s, e
        if prose >= _ANCHORED_MIN_WORDS and any(_header_line(x.text) for x in lines[max(0, s - sh.HEADER_REACH): s]):
            return s, e
    return start, end


def _end_across_inline_boxes(lines: list[ln.Line], end: int) -> int:
    """The run's end moved past an inline box of links to other stories (a "Related"/"Read more"-type
    heading and at most shapes.INLINE_BOX_MAX_ITEMS bullet items) when the article's prose resumes right
    under it, or under a subheading right under it: news sites put such boxes between two paragraphs of
    the article."""
    while end < len(lines) and (sh.opens_teaser_box(lines[end].text) or _signup_box(lines, end)):
        j = end + 1
        while j < len(lines) and j - end <= sh.INLINE_BOX_MAX_ITEMS and (
                v.BULLET.match(lines[j].text) or _signup_box(lines, j)):
            j += 1
        if j == end + 1 or j >= len(lines):
            break
        if _subheading_over_prose(lines, j):
            j += 1  # the article resumes under its next subheading ("5. Beware the wall-mounted hairdryer")
        elif lines[j].kind != ln.PROSE:
            break
        while j < len(lines) and lines[j].kind in ln.CONTENT_KINDS:
            j += 1
        end = j
    return end


def _subheading_over_prose(lines: list[ln.Line], i: int) -> bool:
    """The line at i is a short heading (2 to shapes.SUBHEAD_MAX_WORDS words, capitalised or numbered,
    no sentence end, no chrome, no list item) right over a prose paragraph."""
    line = lines[i]
    return (i + 1 < len(lines) and lines[i + 1].kind == ln.PROSE and line.kind == ln.SHORT
            and 2 <= line.n <= sh.SUBHEAD_MAX_WORDS and not line.terminal and (line.text[:1].isupper() or line.text[:1].isdigit())
            and not v.BULLET.match(line.text) and not sh.opens_teaser_box(line.text))


def _signup_box(lines: list[ln.Line], i: int) -> bool:
    """A line of an inline newsletter box: its heading or pitch (sections: "signup") or a promo line."""
    return lines[i].reason in ("signup", "promo")


_FOOTER_ISLAND_MAX_WORDS = 150  # prose after a post footer that is the footer's, not the article's
_FOOTER_ISLAND_SHARE = 0.25  # ... and at most this share of the run's prose


def _end_before_post_footer(lines: list[ln.Line], start: int, end: int) -> int:
    """The run's end moved up to its last gap (two or more non-content lines) that holds a post
    footer line (vocabulary.POST_FOOTER: tags row, previous/next links, author-box tabs) or a bare
    person's name (an author box), when the prose after that gap is short: an author's bio, a form's
    instructions or a disclaimer under the article, which the densest run swallows when the footer
    between them is only a few lines."""
    total = sum(line.n for line in lines[start:end] if line.kind == ln.PROSE)
    words, i = 0, end - 1
    while i > start and words <= min(_FOOTER_ISLAND_MAX_WORDS, _FOOTER_ISLAND_SHARE * total):
        if lines[i].kind in ln.CONTENT_KINDS:
            words += lines[i].n if lines[i].kind == ln.PROSE else 0
            i -= 1
            continue
        gap_end = i + 1
        while i > start and lines[i].kind not in ln.CONTENT_KINDS:
            i -= 1
        gap = lines[i + 1: gap_end]
        if words and len(gap) >= 2 and any(_footer_line(x.text, lines[gap_end].text) for x in gap):
            return i + 1
    return end


def _end_at_page_footer(lines: list[ln.Line], start: int, end: int) -> int:
    """The run's end moved up to the page's footer notice inside it ("Copyright 2021 The Example
    Herald. All Rights Reserved.") when at least _ANCHORED_MIN_WORDS prose words of the run
    lie above it: what a dump holds after the page's footer is hidden panels, modals and script text.
    A notice with more than _FRONT_MATTER_RATIO times the prose above it under it is no page footer but a
    document's own front matter (a standard's or a report's copyright notice over its text)."""
    words, total = 0, sum(line.n for line in lines[start:end] if line.kind == ln.PROSE)
    for i in range(start, end):
        line = lines[i]
        if (line.reason == "copyright" and words >= _ANCHORED_MIN_WORDS and _RIGHTS_RESERVED.search(line.text)
                and total - words <= _FRONT_MATTER_RATIO * words):
            return i
        words += line.n if line.kind == ln.PROSE else 0
    return end


_FRONT_MATTER_RATIO = 4  # prose under a rights notice, against the prose above it, that a page footer never closes

_LINK_LIST_BELOW = 2  # items of a list that go on below the run's end


def _end_before_link_list(lines: list[ln.Line], start: int, end: int) -> int:
    """The run's end moved up above a bulleted list it cuts in two: when the list goes on below the
    run for at least _LINK_LIST_BELOW more items and the items inside the run are headlines (none ends
    a sentence with a full stop, at least half are headline-shaped: "* Kraken vs. Coinbase: How Do They
    Compare?"), the list is a list of links to other pages that the run swallowed because a few of its
    headlines read as prose; an article's own list ends where the article does."""
    i = end
    while i > start and v.BULLET.match(lines[i - 1].text):
        i -= 1
    items = [ln.item_text(lines[j].text) for j in range(i, end)]
    if len(items) < 2 or any(item.rstrip("\"'”’)").endswith(".") for item in items):
        return end
    below = end
    while below < len(lines) and below - end < _LINK_LIST_BELOW and v.BULLET.match(lines[below].text):
        below += 1
    if below - end < _LINK_LIST_BELOW or 2 * sum(map(md.headline_shaped, items)) < len(items):
        return end
    return i


_RIGHTS_RESERVED = re.compile(r"\ball rights reserved\b", re.IGNORECASE)
_FOOTER_LINE_MAX_CHARS = 200
_FIRST_PERSON_BIO = re.compile(r"^(?:Hi[,!]? |Hello[,!]? )?(?:I'm|I’m|I am|My name is) (?P<name>[A-Z][\w'’.-]*)")


def _footer_line(text: str, below: str) -> bool:
    """A post footer line (vocabulary.POST_FOOTER), or an author box's name line ("Evan Symon") over
    a bio that opens with that first name or surname ("Evan V. Symon is ...", "I'm Amy and ...")."""
    if len(text) > _FOOTER_LINE_MAX_CHARS:
        return False
    if v.POST_FOOTER.match(text):
        return True
    if not sh.person_name(text):
        return False
    bio = sh.BIO_OPENING.match(below) or _FIRST_PERSON_BIO.match(below)
    names = text.split()
    return bio is not None and (names[0] in bio.group("name").split() or names[-1] in bio.group("name").split())


_LEAD_GAP_MAX = 12  # short lines (a table of contents, a list) between the lead and the run
_LEAD_MIN_WORDS = 15
_LONG_LEAD_GAP_MAX = 30  # short lines (a review's score box, a gallery's counters) under a long lead
_LONG_LEAD_MIN_WORDS = 80  # ... which is a paragraph of the article, not a teaser or a site's blurb


def _lead_above_run(lines: list[ln.Line], start: int) -> int:
    """The run's start moved up to a prose paragraph above it when only short lines (a table of
    contents, a list, a code line; no chrome line, no comments heading) separate them: the lead of
    a tutorial or list article ("In this article, I'll explain ...") over its list, at most _LEAD_GAP_MAX
    lines up; a lead of _LONG_LEAD_MIN_WORDS or more over a review's box of short lines (a gallery's
    counters, a score, pros and cons), at most _LONG_LEAD_GAP_MAX lines up."""
    i = start - 1
    while i >= 0 and start - i <= _LONG_LEAD_GAP_MAX and lines[i].kind == ln.SHORT and not lines[i].hard_end:
        i -= 1
    if i >= 0 and i < start - 1 and lines[i].kind == ln.PROSE and (
            lines[i].n >= _LONG_LEAD_MIN_WORDS or (start - i <= _LEAD_GAP_MAX + 1 and lines[i].n >= _LEAD_MIN_WORDS)):
        return i
    return _lead_above_contents(lines, start)


_CONTENTS_MIN_ENTRIES = 3
_CONTENTS_MAX_LINES = 120  # entries of a long article's table of contents
_CONTENTS_HEADING_GAP = 2  # short lines (the first section's heading) between the contents and the run


def _lead_above_contents(lines: list[ln.Line], start: int) -> int:
    """The run's start moved up to the lead over a table of contents (an encyclopedia's or a guide's:
    vocabulary.CONTENTS_HEADING over _CONTENTS_MIN_ENTRIES or more numbered entries,
    vocabulary.CONTENTS_ENTRY) right above the run, and to the prose paragraphs right above that lead;
    the contents cost the densest run more than a short lead gains it."""
    i = start - 1
    while i >= 0 and start - i <= _CONTENTS_HEADING_GAP and lines[i].kind == ln.SHORT \
            and not v.CONTENTS_ENTRY.match(lines[i].text):
        i -= 1
    last = i
    while i >= 0 and last - i < _CONTENTS_MAX_LINES and lines[i].kind != ln.PROSE and v.CONTENTS_ENTRY.match(lines[i].text):
        i -= 1
    if last - i < _CONTENTS_MIN_ENTRIES or i < 1 or not v.CONTENTS_HEADING.match(lines[i].text):
        return start
    i -= 1
    if lines[i].kind != ln.PROSE or lines[i].n < _LEAD_MIN_WORDS:
        return start
    while i > 0 and lines[i - 1].kind == ln.PROSE:
        i -= 1
    return i


def _labels_above_run(lines: list[ln.Line], start: int) -> int:
    """The run's start moved up over the labelled parts of a structured text right above it: a label
    heading ("ETYMOLOGY:", "Results:"; structure.label_heading) over the run's first line, and above it pairs of
    a label and the sentence it labels ("MEANING:" / "adjective: Overly sentimental.")."""
    if start < 1 or not st.label_heading(lines, start - 1):
        return start
    start -= 1
    while start >= 2 and lines[start - 1].kind in ln.CONTENT_KINDS and st.label_heading(lines, start - 2):
        start -= 2
    return start


def _densest_runs_before(lines: list[ln.Line], stops: list[int]) -> list[tuple[int, int]]:
    """ln.densest_run(lines[:h]) for every h of stops (ascending), in one pass over the lines: the
    maximum-score run seen so far is the densest run of the prefix (same scores, same tie rule)."""
    out: list[tuple[int, int]] = []
    best, best_total = (0, 0), 0.0
    start, total = 0, 0.0
    k = 0
    for i, line in enumerate(lines[: stops[-1]] + [None]):
        while k < len(stops) and stops[k] == i:
            out.append(best)
            k += 1
        if line is None:
            break
        if line.hard_end:
            start, total = i + 1, 0.0
            continue
        if total <= 0:
            start, total = i, 0.0
        total += line.score
        if total > best_total:
            best, best_total = (start, i + 1), total
    return out


def _header_line(text: str) -> bool:
    """A date line or a byline line (an article's header), also as a list item: a dump writes a
    header's list of facts ("* Jane Doe", "* Monday 4 March 2024") with list markers."""
    text = ln.item_text(text)
    return len(text) <= 120 and (date_line(text) is not None or md.byline(text) is not None)
