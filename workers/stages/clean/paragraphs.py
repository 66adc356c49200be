"""Steps 6-7 of clean_lines: the kept lines as paragraphs (without the title and standfirst lines, title
copies, repeated paragraphs and pull quotes), then the dateline, standfirst and captions around the
lead; and an HTML page's standfirst (the element it marks as one, or the description it shows).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from workers.stages.clean import lines as ln
from workers.stages.clean import metadata as md
from workers.stages.clean import shapes as sh
from workers.stages.clean import structure as st
from workers.stages.clean import vocabulary as v
from workers.stages.clean import voting
from workers.stages.clean.dates import date_span

_STANDFIRST_CONTAINMENT = 0.7
_PULL_QUOTE_MIN_WORDS = 5
_STANDFIRST_MIN_WORDS = 5


def marked_standfirst(paragraphs: list[str], marked: list[str]) -> bool:
    """The first of two or more paragraphs is the text of an element the page marks as its standfirst
    (html.marked_standfirsts: class words "standfirst", "dek", "summary", ...) and no longer than one."""
    if not marked or len(paragraphs) < 2:
        return False  # a text dump marks none
    if not _STANDFIRST_MIN_WORDS <= len(paragraphs[0].split(maxsplit=sh.HEADER_LINE_MAX_WORDS)) <= sh.HEADER_LINE_MAX_WORDS:
        return False  # words counted up to one past the limit
    return voting.norm(paragraphs[0]) in marked


def shown_standfirst(text: str, article: dict) -> str | None:
    """An HTML page's description shown as its own element (html.shown_description) as the record's
    standfirst, unless the body or the title already holds it, also as the lead with its dateline."""
    key = ln.key(text)
    held = ln.key(" ".join(article["paragraphs"])) + ln.key(article["title"] or "")
    if key in held:
        return None
    place, rest, _agency = md.split_dateline(text)  # the lead under its dateline ("PARIS (Reuters) - ...")
    return None if place and rest and ln.key(rest) in held else text


def kept_paragraphs(
    lines: list[ln.Line], keep: list[bool], meta: list[bool], skipped: tuple, title: str | None,
    removed: Counter, cells: set[str] | frozenset = frozenset(), repeats: dict[str, int] | None = None,
) -> list[str]:
    """Step 6 of clean_lines: the kept lines' texts, without the lines in `skipped` (title and
    standfirst), copies of the title, repeated paragraphs (not a table's cells: `cells`, voting.candidates'
    "table_cells"; a value two rows share is the table's data; nor the copies of a line the extractor's own
    text repeats as often: `repeats`, voting.repeats) and pull quotes (a display line whose words
    are a passage of the article's prose); what is dropped is counted in `removed` by reason."""
    title_key = ln.key(title) if title else None
    paragraphs: list[str] = []
    seen: Counter = Counter()
    repeats = repeats or {}
    prose_key = None
    title_index, standfirst_index = skipped  # compared as ints: `i in skipped` compares an int with None
    for i, line in enumerate(lines):
        if i == title_index or i == standfirst_index:
            continue
        text = line.text
        if title_key and abs(len(text) - len(title)) <= 8 and ln.key(text) == title_key:
            removed["repeated_title"] += 1
            keep[i] = False
            continue
        if not keep[i]:
            removed[sh.META if meta[i] else _reason(line)] += 1
            continue
        k = text.casefold()
        if k in seen and not voting.table_cell(text, cells) and (
                line.kind == ln.PROSE or seen[k] >= repeats.get(voting.norm(text), 1)):
            removed["repeated_paragraph"] += 1
            continue
        if line.kind != ln.PROSE and line.n >= _PULL_QUOTE_MIN_WORDS and not v.BULLET.match(text) \
                and not st.plain_subheading(line):
            if prose_key is None:
                # key() works character by character: the key of the joined lines is the joined keys
                prose_key = ln.key("".join(x.text for x, k2 in zip(lines, keep) if k2 and x.kind == ln.PROSE))
            if ln.key(text) in prose_key:
                removed["pull_quote"] += 1
                continue
        seen[k] += 1
        paragraphs.append(text)
    return paragraphs


def around_the_lead(
    paragraphs: list[str], summary: str | None, source: str | None, removed: Counter
) -> tuple[list[str], str | None, str | None, str | None]:
    """Step 7 of clean_lines: (paragraphs, dateline, standfirst, source). The dateline comes off the
    lead (a wire dateline's agency is the source when none is known); the paragraphs above the lead
    are a standfirst (restating the lead) or captions, and captions below it go too."""
    paragraphs = list(paragraphs)
    dateline: Any  # (place, agency), then the place (mypyc: one variable, two types)
    dateline, lead = _dateline_of_lead(paragraphs)
    if dateline is not None:
        place, agency = dateline
        dateline = place
        if agency and not source:
            source = agency.strip()
    out: list[str] = []
    for j, paragraph in enumerate(paragraphs):
        if j < lead:
            if v.CAPS_CREDIT_TAIL.search(paragraph):  # a caption with its credit, never the standfirst
                removed["caption"] += 1
                continue
            if (
                summary is None
                and paragraph.count(" ") >= 7
                and md.containment(paragraph, paragraphs[lead]) >= _STANDFIRST_CONTAINMENT
            ):
                summary = paragraph
                continue
            if md.is_caption(paragraph, before_lead=True):
                removed["caption"] += 1
                continue
        elif md.is_caption(paragraph, before_lead=False):
            removed["caption"] += 1
            continue
        out.append(paragraph)
    return out, dateline, summary, source


def _dateline_of_lead(paragraphs: list[str]) -> tuple[tuple[str, str | None] | None, int]:
    """((place, agency) of the lead's dateline, or None; the lead's index). The dateline is cut off
    the lead in `paragraphs` (a dateline alone in a paragraph over the lead is deleted); only a
    standfirst, a caption, an editor's note (vocabulary.EDITORS_NOTE) or a span of dates (an obituary's
    "March 3, 1931 - June 9, 2024": dates.date_span) may come before the dateline's paragraph. Without a dateline the lead is
    the first paragraph unless it only restates the next one (then it is a standfirst)."""
    place: Any
    rest: Any  # None for a dateline alone in its paragraph (mypyc: not the str split_dateline declares)
    agency: Any
    for j, paragraph in enumerate(paragraphs[:4]):
        place, rest, agency = md.split_dateline(paragraph)
        if not place and j + 1 < len(paragraphs):  # "WASHINGTON —" in a paragraph of its own over the lead
            (place, agency), rest = md.lone_dateline(paragraph, paragraphs[j + 1]), None
        if place and rest is None:
            del paragraphs[j]  # the dateline's own paragraph: the lead moves up to j
            rest = paragraphs[j]
        if place:
            paragraphs[j] = rest
            return (place, agency), j
        if not (_restates(paragraph, paragraphs, j) or md.is_caption(paragraph, before_lead=True)
                or v.CAPS_CREDIT_TAIL.search(paragraph) or v.EDITORS_NOTE.match(paragraph) or date_span(paragraph)):
            break
    if len(paragraphs) >= 2:
        restated = paragraphs[0].count(" ") >= 7 and md.containment(paragraphs[0], paragraphs[1]) >= _STANDFIRST_CONTAINMENT
        return None, 1 if restated else 0
    return None, 0


def _restates(paragraph: str, paragraphs: list[str], j: int) -> bool:
    """A standfirst: its words recur in one of the next two paragraphs."""
    if paragraph.count(" ") < 7:
        return False
    return any(
        md.containment(paragraph, later) >= _STANDFIRST_CONTAINMENT for later in paragraphs[j + 1 : j + 3]
    )


def _reason(line: ln.Line) -> str:
    if line.kind == "boilerplate":
        return line.reason or "boilerplate"
    return "outside_article" if line.kind == ln.PROSE else "boilerplate"
