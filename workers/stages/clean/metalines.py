"""Step 2 of clean_lines: the date, byline and source-label lines of the page's header above the
readers' comments (_MetaScan reads them line by line), the page's day order for slashed dates, and the
byline passes of bylines when no line says "By".
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Callable, NamedTuple

from workers.stages.clean import bylines as by
from workers.stages.clean import fields as fl
from workers.stages.clean import lines as ln
from workers.stages.clean import metadata as md
from workers.stages.clean import shapes as sh
from workers.stages.clean import vocabulary as v
from workers.stages.clean.dates import BARE_LABEL as DATE_BARE_LABEL, LABEL as DATE_LABEL, SLASHED_DATE, date_line
from workers.stages.clean.dates import in_day_order, labelled
from workers.stages.clean.fastmatch import has_digit, last_char_gate

# chrome whose date lines are still the article's (a press release's date under its legal boilerplate);
# comment sections and teaser lists never give the article's date
_DATED_CHROME = frozenset(("legal", "paywall"))
_MAX_BARE_LABEL = 30  # "Originally published on:" and shorter: a date label alone on its line


class PageMeta(NamedTuple):
    """What step 2 of clean_lines reads from the metadata lines."""

    meta: list[bool]  # per line: a date, byline or source-label line
    published: str | None
    updated: str | None
    byline: str | None
    source: str | None
    first: int  # the first kept line
    published_lines: list[tuple[int, str]]  # (line, published date) of each date line
    published_bare: bool  # the published date came from an unlabelled date line


def metadata_lines(
    lines: list[ln.Line], keep: list[bool], day_order: Callable[[], str | None] | None = None
) -> PageMeta:
    """Step 2 of clean_lines: the date, byline and source-label lines above the readers' comments
    (PageMeta); metadata lines are taken out of `keep` (changed in place). day_order: gives the order of
    day and month of the page's locale or language ("day", "month", None: core._day_order), asked only for
    an ambiguous slashed date the page's own dates do not settle (_page_day_order)."""
    scan = _MetaScan(lines)
    comments = _comments_start(lines, keep)
    head_end = next((i for i, k in enumerate(keep) if k), len(lines))  # the header: lines above the article
    last_prose = _last_prose(lines, keep, head_end)
    for i, line in enumerate(lines):
        text = _readable(line, i < head_end)
        if text is None:
            continue
        if i >= comments:
            break  # readers' names and dates, never the article's
        if text is line.text:  # asked once per Line (pages repeat their menu and footer lines)
            fact = line.meta
            if fact is ln.UNASKED:
                fact = line.meta = _meta_facts(text)
        else:
            fact = _meta_facts(text)
        dates, found, label, role = fact
        label = None if head_end < i < last_prose else label  # a table's or chart's credit inside the article
        if head_end - _NAMED_DATE_REACH <= i < head_end and not (dates or found or label) and (
                named := _named_date(text, lambda: by.under_headline(lines, i))):
            dates, found, label = named  # "City News March 3, 2021, 8:05 AM" over the headline
        if dates or len(line.text) <= _MAX_BARE_LABEL:  # else scan.labelled gives the dates back, marking nothing
            dates = scan.labelled(i, dates)
        if dates:
            scan.dates(i, dates)
        if found or label or role or len(line.text) <= sh.MAX_BYLINE_LABEL:  # else scan.names takes nothing
            scan.names(i, found, label, role, keep)
    for i, is_meta in enumerate(scan.meta):
        if is_meta:
            keep[i] = False
    published = scan.published
    if scan.published_lines:
        published = _page_day_order(published, scan.published_lines, lines, day_order)
    first = next((i for i, k in enumerate(keep) if k), len(lines))
    byline = scan.byline or (
        by.name_over_date(lines, scan.meta, keep, first) or by.name_under_date(lines, scan.meta, keep, first)
        or by.name_beside_date(lines, scan.meta, keep, first)
        or by.name_with_role(lines, scan.meta, keep, first) or by.author_list(lines, scan.meta, keep, first)
        or by.bio_name(lines) or by.author_box_name(lines)
        or by.copyright_owner(lines))
    return PageMeta(scan.meta, published, scan.updated, byline, scan.source, first, scan.published_lines,
                     scan.published_bare)


# a blog footer's comment link run into its byline: "Posted by Jane Doe at 6:02 PM No comments:"
_COMMENT_COUNT_TAIL = re.compile(r"\s+(?:no|\d{1,5}) comments?:?$", re.IGNORECASE)


def _readable(line: ln.Line, in_header: bool) -> str | None:
    """The text of a line the metadata loop reads, or None: a short line that is no prose nor chrome
    (chrome that dates the article aside: _DATED_CHROME), else only a header line's part before " | " ("By
    Ela on 31. October, 2023 | 18 Comments. This post ...") or a byline without the comment count run into
    it ("Posted by Jane Doe at 6:02 PM No comments:", a blog post's footer); a line without the author's
    contact link run into it (bylines.contact_tail)."""
    text = line.text
    if len(text) <= 120 and (contact := by.contact_tail(text)):
        return text[:contact]  # "By Jane Doe Email the author": the byline without its contact link
    if not (line.kind == ln.PROSE or len(text) > 120 or (line.kind == "boilerplate" and line.reason not in _DATED_CHROME)):
        return text
    if in_header and " | " in text[:120]:
        return text.split(" | ", 1)[0]
    tail = (_COMMENT_COUNT_TAIL.search(text) if line.kind == ln.PROSE and len(text) <= 120
            and "comment" in text[-14:].lower() else None)  # the cheap test first: the regex scans the line
    return text[:tail.start()] if tail and md.byline(text[:tail.start()]) else None


def _last_prose(lines: list[ln.Line], keep: list[bool], head_end: int) -> int:
    """The index of the article's last kept prose line (-1 when none is at or after `head_end`): a source
    label between the header and it credits a table or a chart inside the article ("Source: National
    Statistics Office"), not the outlet."""
    return next((i for i in range(len(lines) - 1, head_end - 1, -1) if keep[i] and lines[i].kind == ln.PROSE), -1)


class _MetaScan:
    """What metadata_lines has read so far, line by line: the metadata lines (`meta`), the published
    and updated dates, each date line's published date, the byline and the source."""

    def __init__(self, lines: list[ln.Line]):
        self.lines = lines
        self.meta = [False] * len(lines)
        self.published: str | None = None
        self.updated: str | None = None
        self.byline: str | None = None
        self.source: str | None = None
        self.published_bare = False  # the published date so far came from an unlabelled date line
        self.published_lines: list[tuple[int, str]] = []  # (line, published date) of each date line

    def labelled(self, i: int, dates: tuple | None) -> tuple | None:
        """Line i's dates, read with a bare date label on the line above ("Last Modified:" over
        "03-10-2004"); a bare label on line i with its date elsewhere (or nowhere) is metadata too."""
        lines = self.lines
        text = lines[i].text
        if dates and i > 0 and len(lines[i - 1].text) <= _MAX_BARE_LABEL and DATE_BARE_LABEL.match(lines[i - 1].text):
            self.meta[i - 1] = True
            return labelled(lines[i - 1].text, dates)
        if not dates and len(text) <= _MAX_BARE_LABEL and (m := DATE_BARE_LABEL.match(text)) \
                and (m.group("colon") or m.group("prep")):
            self.meta[i] = True  # "Last Modified:" alone: a label, never body
        return dates

    def dates(self, i: int, dates: tuple | None) -> None:
        """Takes line i's (published, updated) dates: a labelled "Published ..." line beats a bare
        date above it (a masthead's edition date); otherwise the first date stands, refined."""
        if not dates:
            return
        text = self.lines[i].text
        if dates[0]:
            self.published_lines.append((i, dates[0]))
        if dates[0] and self.published_bare and DATE_LABEL.match(text):
            self.published, self.published_bare = dates[0], False
        else:
            if self.published is None and dates[0]:
                self.published_bare = DATE_LABEL.match(text) is None
            self.published = fl.refine(self.published, dates[0])
        self.updated = fl.refine(self.updated, dates[1])
        self.meta[i] = True

    def names(self, i: int, found: tuple | None, label: str | None, role: bool, keep: list[bool]) -> None:
        """Takes line i's byline and source: a byline line ("By Jane Doe, Staff Writer | March 5,
        2024" carries both), a source label, a bare name over a staff-role line ("Jane Doe" /
        "Business reporter"), or a byline label alone over the names ("By" / "Jane Doe": a dump splits
        the link; "By" / "A" / "and" / "B": each name a link; "* Von" / "* Jana Roe": list items)."""
        lines, meta = self.lines, self.meta
        if found:
            self.byline = self.byline or found[0]
            self.source = self.source or found[1]
            meta[i] = True
        elif label:
            self.source = self.source or label
            meta[i] = True
        elif i > 0 and role and sh.person_name(lines[i - 1].text):
            self.byline = self.byline or lines[i - 1].text
            meta[i] = meta[i - 1] = True
            keep[i - 1] = False
        elif i + 1 < len(lines) and len(lines[i].text) <= sh.MAX_BYLINE_LABEL and v.BYLINE_LABEL.match(lines[i].text) \
                and (sh.named(ln.item_text(lines[i + 1].text)) or by.desk_byline(lines[i + 1].text)):
            names, last = by.names_over_lines(lines, i + 1)
            self.byline = self.byline or names
            for j in range(i, last + 1):
                meta[j] = True


_ROLE_LINE_MATCH = last_char_gate(v.ROLE_LINE)  # v.ROLE_LINE.match where the line's last character allows


def _meta_facts(text: str) -> tuple:
    """(dates, byline, source label, staff-role line) of a short line, as the metadata loop of
    clean_lines reads them: dates (date_line or shapes.list_or_byline_date; both need a digit, so one test
    skips the many menu and list lines), md.byline, then md.source_label when there is no byline,
    then whether it is a staff-role line ("Business reporter", at most 60 characters) or an author link
    ("Search for this author in:", vocabulary.AUTHOR_LINK) when neither: the bare name above is the byline."""
    digit = has_digit(text)  # shapes.DIGIT.search(text), asked once
    dates = (date_line(text) or sh.list_or_byline_date(text)) if digit else None
    found = md.byline(text)
    if dates is None and found is None and ", " in text and digit and (glued := _GLUED_DATE.search(text)) \
            and sh.named(text[:glued.start() + 1]):  # (the glued date holds ", ": "November 6, 2023")
        # "Shana Nys DambrotNovember 6, 2023": a byline name and its date run together (one link each)
        dates, found = date_line(text[glued.start() + 1:]), (text[:glued.start() + 1], None)
    if found is None and digit and (named := _name_then_date(text)):
        dates, found = dates or named[0], (named[1], None)
    label = None if found else md.source_label(text)
    role = not found and not label and len(text) <= 60 and (
        _ROLE_LINE_MATCH(text) is not None or ("thor" in text.casefold() and v.AUTHOR_LINK.match(text) is not None))
    return dates, found, label, role


def _page_day_order(published: str | None, published_lines: list[tuple[int, str]], lines: list[ln.Line],
                    declared: Callable[[], str | None] | None) -> str | None:
    """The published date read again when it came from an ambiguous slashed date ("12/04/2020", read
    month-first unless a 24-hour clock follows it) and the page's order says otherwise: its other slashed
    dates ("14/04/2020" under the comments: the page writes the day first), else, when they do not tell,
    the day-first order of the locale the page declares or of its text's language (``declared()``, asked
    only then: en-GB, en-AU, fr, ...). A declared month-first locale changes nothing: "en-US" is the
    default of many publishing systems, and month-first the default here."""
    if not published or len(published) < 10:
        return published
    line = next((lines[i].text for i, d in published_lines if d[:10] == published[:10]), None)
    m = SLASHED_DATE.search(line) if line and "/" in line else None
    if m is None or int(m.group(1)) > 12 or int(m.group(2)) > 12 or int(m.group(1)) == int(m.group(2)):
        return published  # no ambiguous slashed date: nothing to read again
    votes = Counter()
    for other in lines:
        if "/" in other.text and len(other.text) <= 200:
            for a, b, _ in SLASHED_DATE.findall(other.text):
                votes["day"] += int(a) > 12 >= int(b)
                votes["month"] += int(b) > 12 >= int(a)
    if votes["day"] != votes["month"]:
        return in_day_order(published, line, "day" if votes["day"] > votes["month"] else "month")
    return in_day_order(published, line, "day") if declared is not None and declared() == "day" else published


_MONTH_NAMES = f"(?:{v.MONTH_NAMES})"
# an outlet's name (1-5 capitalised words) and a date on a header line; the date may have a name after it
_NAMED_DATE_REACH = 12  # lines above the article's first line (a page's teaser lists sit further up)
_NAMED_DATE = re.compile(
    r"^(?P<name>[A-Z][\w'’.&-]*(?: [A-Z][\w'’.&-]*){0,4}),? (?P<date>(?:" + _MONTH_NAMES + r"\.? \d{1,2},? \d{4}|"
    r"\d{1,2} " + _MONTH_NAMES + r"\.?,? \d{4}|\d{1,2}[/.]\d{1,2}[/.]\d{4})\b.*)$"
)
_NAME_AFTER_DATE = re.compile(r"(?:\d{4}|[AaPp]\.?[Mm]\.?)\s+(?P<name>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){1,3})$")


def _named_date(text: str, under_headline: Callable[[], bool]) -> tuple | None:
    """(dates, byline found, source) of a header line holding an outlet's name and a date ("City News
    March 3, 2021, 8:05 AM", "The Daily Courier 02/10/2020 Jane Roe"), else None: the outlet is
    the source, a person's name after the date the byline. A dump runs the credit line's links together
    with spaces. Another capitalised phrase before the date gives the date only, no name, on a line under
    a headline-length line (under_headline; over the headline, a section label's or teaser's): a byline set
    beside the date without a separator ("Jane Roe March 3, 2021"; Readability's byline takes the
    date with it, mozilla/readability#938) has the shape of a section label's ("Original Research 7
    April 2020"); bylines.name_beside_date reads the name."""
    m = _NAMED_DATE.match(text) if len(text) <= 120 and sh.DIGIT.search(text) else None
    if m is None:
        return None
    name, rest = m.group("name"), m.group("date")
    dates = date_line(rest)
    if dates is None:
        return None
    if not md.looks_like_outlet(name):  # a label's or a person's name beside the date: the date, no name,
        return (dates, None, None) if under_headline() else None  # under the headline (over it: a teaser's)
    after = _NAME_AFTER_DATE.search(rest)
    person = after.group("name") if after and sh.named(after.group("name")) else None
    return dates, ((person, name) if person else None), (None if person else name)


def _name_then_date(text: str) -> tuple | None:
    """((published, updated), name) of a header line that is a person's name (bylines.dated_person: not a
    date's label, "Actualizado el", nor a place's) or a newsroom's (vocabulary.DESK_BYLINES:
    "Redaktion") and a date line after it (vocabulary.NAME_THEN_DATE: a byline and its date, each a link or
    element of its own, run together by the dump), else None. A month-name date after a space alone is left
    to bylines.name_beside_date, which knows the line's place (a label's shape too)."""
    m = v.NAME_THEN_DATE.match(text) if len(text) <= 120 else None
    if m is None or m.group("month"):
        return None
    name = m.group("name")
    if by.desk_byline(name):  # the newsroom's byline ("Redaktion - 3. Mai 2022")
        dates = date_line(m.group("date"))
    else:
        dates = by.dated_person(name, m.group("date"))
    return (dates, name) if dates is not None else None


# a lower-case letter right before a month name and day (class first: the regex engine skips ahead)
_GLUED_DATE = re.compile(
    r"[a-z](?=" + _MONTH_NAMES + r"\.? \d{1,2}, \d{4})"
)
_COMMENT_HEADINGS = frozenset(("comment_heading", "comment_prompt"))


def _comments_start(lines: list[ln.Line], keep: list[bool]) -> int:
    """The first comments heading (a hard end: "12 Comments", "5 thoughts on “Title”") below the
    first article line, or len(lines): the reader comments start there."""
    first = next((i for i, k in enumerate(keep) if k), len(lines))
    return next((i for i in range(first + 1, len(lines))
                 if lines[i].hard_end and lines[i].reason in _COMMENT_HEADINGS), len(lines))
