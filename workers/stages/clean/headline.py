"""Steps 3-5 of clean_lines: the title line (a browser-tab title's echo, the best-matching header line,
the headline over the byline line or over the standfirst, and the fallbacks), a standalone outlet name
beside it or a dump's masthead, and the standfirst line under it.
"""

from __future__ import annotations

import re

from workers.stages.clean import bylines as by
from workers.stages.clean import lines as ln
from workers.stages.clean import metadata as md
from workers.stages.clean import metalines as ml
from workers.stages.clean import shapes as sh
from workers.stages.clean import vocabulary as v

_TITLE_MIN_SCORE = 0.3
_TITLE_BODY_CHARS = 1500
_PIPE_TITLE_FACTOR = 0.5
_WEAK_TITLE_FACTOR = 0.5
_TAB_SEPARATOR = re.compile(r"\s(?:[|–—-]|::|»)\s")
_TAB_TITLE_MIN_WORDS = 2  # "Performant Python - Strangemachines" (a text-node dump's first line: its <title>)
# a dump's first line is its masthead when it names an outlet in this many words ("Example Courier");
# one word alone ("News", "Register") is as often the first menu item
MASTHEAD_MIN_WORDS = 2


def title_line(
    lines: list[ln.Line], meta: list[bool], keep: list[bool], page: ml.PageMeta, first: int,
    flat_headline: int | None = None,
) -> tuple[int | None, int, str | None]:
    """Step 3 of clean_lines, without a metadata title: (the headline's line or None, the first
    article line, the published date). The line a browser-tab title line ("Headline - Site")
    repeats; else the header line whose content words best match the article's, not a subheading
    the article repeats (a table of contents); then the line over the header's date and byline,
    the headline over the byline line (_headline_over_byline), the headline over a dek, and the fallbacks. Taking a header line out of `keep` may move `first`;
    a date between the headline and the article beats a masthead's date above the headline. On a page
    flattened to one line, the headline block blocks.split_page cut out (`flat_headline`) comes first
    when it reads as a headline (_flat_title)."""
    title_index = _flat_title(lines, meta, keep, first, flat_headline)
    if title_index is not None:
        keep[title_index] = False
        first = next((i for i in range(first, len(keep)) if keep[i]), len(keep))
    else:
        title_index, first = _title_from_lines(lines, meta, keep, first)
    published = page.published
    if title_index is not None and page.published_lines and page.published_lines[0][0] < title_index:
        # a date above the headline is the masthead's edition date; one between headline and article wins
        below = next((d for i, d in page.published_lines if title_index < i < first), None)
        if below is not None and page.published_bare:
            published = below
    if title_index is None:
        title_index = _headline_before(lines, meta, first)
    if title_index is None:
        title_index = _line_over_byline(lines, meta, keep, first)
    if title_index is None:
        title_index = _short_headline_before(lines, meta, keep, first, page.byline)
    if title_index is None:
        title_index, first = _sentence_headline(lines, meta, keep, first)
    return title_index, first, published


def _title_from_lines(lines: list[ln.Line], meta: list[bool], keep: list[bool], first: int) -> tuple[int | None, int]:
    """(title line or None, first article line) of title_line from the lines' shapes: the tab title's
    echo or the best header line, then the header's date and byline, then the dek weighed."""
    title_index = _tab_title_echo(lines, meta, keep, first)
    body_words = None
    if title_index is None:
        title_index, body_words = _best_header_line(lines, meta, keep, first)
    title_index, first = _title_over_header(lines, meta, keep, first, title_index)
    title_index, first = _headline_over_byline(lines, meta, keep, first, title_index)
    if title_index is not None:
        title_index = _headline_over_dek(lines, meta, keep, title_index, first, body_words)
    return title_index, first


FLAT_TITLE_MIN_WORDS = 4  # a shorter block cut from a flattened header is as often a menu's last items ("Contact Us")


def _flat_title(lines: list[ln.Line], meta: list[bool], keep: list[bool], first: int, flat: int | None) -> int | None:
    """`flat` (the headline block cut from a flattened page, or None) when it reads as a headline: at most
    shapes.HEADER_GAP_LINES lines from the article's first line (a headline farther up is a rail's teaser,
    one farther down in a kept menu run is a sidebar's), FLAT_TITLE_MIN_WORDS words or more, no metadata,
    chrome, list item, outlet's or person's name, link row or caption; else None."""
    if flat is None or flat >= len(lines) or abs(flat - first) > sh.HEADER_GAP_LINES or meta[flat]:
        return None
    line = lines[flat]
    if line.kind == "boilerplate" or line.n < FLAT_TITLE_MIN_WORDS or _not_headline(line.text) or sh.is_ui(line.text):
        return None
    return flat


def _best_header_line(
    lines: list[ln.Line], meta: list[bool], keep: list[bool], first: int
) -> tuple[int | None, set | None]:
    """(the header line that scores best as the headline, or None; the article's content words, or
    None when no line was scored). Bare names, scorelines and two-sentence lines score weakly, a
    list item without its marker and weakly, "Headline | Site" weakly; a masthead, a caption and a
    subheading the article repeats never win."""
    body_words = None
    title_index = None
    best = _TITLE_MIN_SCORE
    later_heads = None
    for i in range(first):
        line = lines[i]
        if line.kind == "boilerplate" or meta[i] or keep[i] or _continuation(line.text):
            continue
        if body_words is None:
            body_words = md.content_words(_head_text(lines, keep, _TITLE_BODY_CHARS))
        item = ln.list_marker(line.text, numbered=True)  # a menu or list item: scored without its marker, and weak
        score = md.title_score(line.text[item.end():] if item else line.text, body_words) + 0.001 * i
        if item:
            score *= _WEAK_TITLE_FACTOR
        if score < best:
            continue
        if " | " in line.text:  # "Headline | Site" is the document <title>, not the headline
            score *= _PIPE_TITLE_FACTOR
        if md.looks_like_outlet(line.text):  # the masthead ("The Valley Courier"), not a headline
            continue
        if md.standalone_name(line.text) or md.scoreline(line.text) or md.inner_sentence_end(line.text):
            score *= _WEAK_TITLE_FACTOR
        if score < best or md.is_caption(line.text, before_lead=False) or _credit_below(lines, i):
            continue
        if later_heads is None:
            later_heads = _article_subheads(lines, keep)
        if ln.key(line.text) not in later_heads:
            title_index, best = i, score
    return title_index, body_words


_CREDIT_LINE_MAX_WORDS = 5


def _credit_below(lines: list[ln.Line], i: int) -> bool:
    """A photo credit alone on the line under line i ("Getty Images", "Photo: Jane Doe", "AFP via Getty
    Images"; not a caption with its credit): line i is its caption, not the headline."""
    below = lines[i + 1] if i + 1 < len(lines) else None
    return below is not None and below.n <= _CREDIT_LINE_MAX_WORDS and v.PHOTO_CREDIT.search(below.text) is not None


def _title_over_header(
    lines: list[ln.Line], meta: list[bool], keep: list[bool], first: int, title_index: int | None
) -> tuple[int | None, int]:
    """(title line, first article line) once the first article line over the header's date and
    byline lines is weighed: it is the headline (when none was found above it, or a menu's list item
    was) or the standfirst under the headline, not the lead; it leaves `keep` either way."""
    header = _line_over_header_meta(lines, meta, keep, first)
    if header is None or (title_index is not None and title_index >= header):
        return title_index, first
    if (title_index is None or ln.list_marker(lines[title_index].text, numbered=True)) and sh.header_line_is_title(lines[header]):
        title_index = header  # a menu's list item above scored well; the header's line is the headline
    elif title_index is None:
        title_index = _headline_over_standfirst(lines, meta, header)
    keep[header] = False
    return title_index, next((i for i, k in enumerate(keep) if k), len(lines))


def _weak_title(text: str) -> bool:
    """A header line that wins the headline only when no line over the byline and date reads as one: a
    menu's list item, a scoreboard's result line ("Riverside 2 1 Eastfield": metadata.scoreline)."""
    return ln.list_marker(text, numbered=True) is not None or md.scoreline(text)


_HEADLINE_KINDS = frozenset((ln.SHORT, ln.PROSE))  # "Faker wins again!" is prose to the classifier


def _not_headline(text: str, caption: bool = True) -> bool:
    """A header line that is no headline whatever its shape: a list item, an outlet's name ("The Valley
    Courier"), a person's name ("Jane Doe"), a link row ("Email the author | Follow") or, with
    `caption`, a caption (metadata.is_caption before the lead)."""
    return (v.BULLET.match(text) is not None or md.looks_like_outlet(text) or md.standalone_name(text)
            or v.NAV_SEPARATOR.search(text) is not None or (caption and md.is_caption(text, before_lead=True)))


def _byline_line(lines: list[ln.Line], meta: list[bool], first: int) -> int | None:
    """The header's first byline line above the article or up to shapes.HEADER_REACH lines into it (the run
    may start with the headline and its dek): a metadata line that gives a byline ("By Jane Doe on
    March 4, 2024", "by: Jane Doe"), a byline label alone over the names ("By" / "Jane Doe") or the first
    of a journal's list of authors (bylines.author_list); None when there is none."""
    for i in range(min(first + sh.HEADER_REACH + 1, len(lines))):
        if not meta[i]:
            continue
        text = lines[i].text
        fact = lines[i].meta
        if (fact is not ln.UNASKED and fact[1] and fact[1][0]) or (
                len(text) <= sh.MAX_BYLINE_LABEL and v.BYLINE_LABEL.match(text)) or by.author_item(text):
            return i
    return None


def _headline_over_byline(
    lines: list[ln.Line], meta: list[bool], keep: list[bool], first: int, title_index: int | None
) -> tuple[int | None, int]:
    """(title line, first article line) once the header's byline line is weighed (_byline_headline).
    A headline the run holds (the run starts with headline, dek, byline) leaves `keep`, and `first` moves
    down past it. A chosen line it displaces from right above the article (chrome and metadata between)
    is the article's first line, a dek under the header ("By" / "Jane Doe" / share row / dek / lead):
    back in `keep`, and `first` moves up to it."""
    found = _byline_headline(lines, meta, keep, first, title_index)
    if found is not None and keep[found]:  # the run starts with the header: headline, dek, byline, lead
        keep[found] = False
        return found, next((i for i in range(found, len(keep)) if keep[i]), len(keep))
    if found == title_index or title_index is None or title_index < found:
        return found, first
    gap = range(title_index + 1, first)
    if len(gap) <= sh.HEADER_GAP_LINES and all(meta[j] or lines[j].kind == "boilerplate" for j in gap):
        keep[title_index] = True
        return found, title_index
    return found, first


def _byline_headline(
    lines: list[ln.Line], meta: list[bool], keep: list[bool], first: int, title_index: int | None
) -> int | None:
    """The headline over the header's byline line: the line over the standfirst that sits over it
    (_headline_over_standfirst: headline, dek, byline is a news header's order), whatever another header
    line (a kicker quote above, a teaser between the byline and the article) scored; or the
    headline-shaped line right over the byline (chrome and metadata skipped) when the chosen line is
    not just above it (that one is the headline and the line under it its dek) or is only a list item or
    a scoreboard's result line (_weak_title). Not a list item, an
    outlet's name, a person's name, a caption or a link row; else `title_index`."""
    byline = _byline_line(lines, meta, first)
    if byline is None:
        return title_index
    for i in range(byline - 1, max(byline - 1 - sh.HEADER_REACH, -1), -1):
        line = lines[i]
        if meta[i] or line.kind == "boilerplate":
            continue
        text = line.text
        if not sh.header_line_is_title(line):
            if line.n > sh.HEADER_LINE_MAX_WORDS or not (line.kind == ln.PROSE or line.terminal):
                return title_index
            found = _headline_over_standfirst(lines, meta, i)  # a standfirst between headline and byline
            return title_index if found is None else found
        if line.kind not in _HEADLINE_KINDS or _not_headline(text):
            return title_index
        just_above = title_index is not None and i - sh.HEADER_REACH <= title_index < i
        return title_index if just_above and not _weak_title(lines[title_index].text) else i
    return title_index


_SENTENCE_HEADLINE_MAX_WORDS = 20
_SENTENCE_HEADLINE_MAX_STOPS = 2  # "Want a more diverse community? So do we."


def _sentence_headline(lines: list[ln.Line], meta: list[bool], keep: list[bool], first: int) -> tuple[int | None, int]:
    """(title line or None, first article line): the last resort when no headline-shaped line was found,
    a headline written as a sentence ("Wild goats ruled this island. Now it is being reborn.") over the
    header's first date or byline line, or over the standfirst over it; the line may be the run's first
    (it then leaves `keep`). At most _SENTENCE_HEADLINE_MAX_WORDS words, capitalised, two sentence ends
    or one in Title Case (one sentence in sentence case is a standfirst); not the page's first line (a
    site's tagline), a list item, outlet, person's name, caption or link row."""
    anchor = next((i for i in range(min(first + sh.HEADER_REACH + 1, len(lines))) if meta[i]), None)
    if anchor is None:
        return None, first
    above = [i for i in range(anchor - 1, max(anchor - 1 - sh.HEADER_REACH, -1), -1)
             if not meta[i] and lines[i].kind != "boilerplate"][:2]
    if above and lines[above[0]].n > _SENTENCE_HEADLINE_MAX_WORDS and lines[above[0]].n <= sh.HEADER_LINE_MAX_WORDS:
        above = above[1:]  # the standfirst between the headline and the date
    if not above:
        return None, first
    i, text = above[0], lines[above[0]].text
    stops = sum(text.count(end) for end in ".?!")
    if (i == 0 or lines[i].n > _SENTENCE_HEADLINE_MAX_WORDS or lines[i].n < _TAB_TITLE_MIN_WORDS or not text[:1].isupper()
            or not 1 <= stops <= _SENTENCE_HEADLINE_MAX_STOPS or (stops == 1 and not sh.title_cased(text.split()))
            or _not_headline(text)):
        return None, first
    if keep[i]:
        keep[i] = False
        first = next((j for j in range(i, len(keep)) if keep[j]), len(keep))
    return i, first


def title_text(title: str) -> str | None:
    """The headline line's text without a dump's list marker ("* Headline") or a breadcrumb trail
    ("You are here: Home / Baby / Headline", "Home > News > Headline": the trail's last part)."""
    if item := ln.list_marker(title, numbered=True):
        title = title[item.end():]
        if not title:
            return None
    if v.BREADCRUMB_LABEL.match(title):
        title = v.NAV_SEPARATOR.split(title)[-1].strip()
    if title and v.BREADCRUMB_SEPARATOR.search(title):
        crumb = v.BREADCRUMB_SEPARATOR.split(title)[-1].strip()
        if crumb.count(" ") + 1 >= _TAB_TITLE_MIN_WORDS:
            title = crumb
    return title


def outlet_beside(
    lines: list[ln.Line], meta: list[bool], title_index: int | None, first: int, source: str | None
) -> str | None:
    """Step 4 of clean_lines: the source, given or else an outlet name ("The Valley Courier") on a
    header line next to the title or a metadata line; such lines become metadata (`meta` in place)."""
    anchors = {i for i, is_meta in enumerate(meta) if is_meta}
    if title_index is not None:
        anchors.add(title_index)
    for i in range(first):
        line = lines[i]
        if i == title_index or meta[i] or line.kind == "boilerplate":
            continue
        if (i - 1 in anchors or i + 1 in anchors) and md.looks_like_outlet(line.text):
            source = source or line.text
            meta[i] = True
    return source


def masthead(lines: list[ln.Line], meta: list[bool], title_index: int | None, first: int) -> str | None:
    """Step 4 of clean_lines on a text dump: its first line, above the headline and the article,
    when it names an outlet ("Example Courier") in MASTHEAD_MIN_WORDS words or more and is no menu
    item ("* News") or promo (first word in PROMO_IMPERATIVES), however many menu lines stand between it and the headline; it becomes
    metadata (`meta` in place). The source when no outlet beside the title or wire agency names one."""
    if first == 0 or title_index == 0 or meta[0] or lines[0].kind == "boilerplate":
        return None
    text = lines[0].text
    words = text.split()
    if v.BULLET.match(text) or sum(word[:1].isalpha() for word in words) < MASTHEAD_MIN_WORDS:
        return None
    if words[0].casefold() in v.PROMO_IMPERATIVES:  # "Discover Example News": a promo, not the name
        return None
    if not md.looks_like_outlet(text):
        return None
    meta[0] = True
    return text


def standfirst_after(
    lines: list[ln.Line], meta: list[bool], keep: list[bool], title_index: int | None, first: int
) -> int | None:
    """The header line right after the title (metadata lines skipped) when it reads like a dek:
    10-60 words, mostly function words and lower case, not chrome, not a caption."""
    if title_index is None:
        return None
    for i in range(title_index + 1, first):
        line = lines[i]
        if meta[i]:
            continue
        if keep[i] or line.kind == "boilerplate" or not 10 <= line.n <= 60 or line.stop < 0.15:
            return None
        if md.is_caption(line.text, before_lead=True) or md.headline_shaped(line.text) or v.CAPS_CREDIT_TAIL.search(line.text):
            return None
        return i
    return None


def _line_over_header_meta(lines: list[ln.Line], meta: list[bool], keep: list[bool], first: int) -> int | None:
    """The first kept line when only header metadata (a date or byline line, chrome) separates it from
    the rest of the article and it is short enough for a headline or standfirst."""
    if first >= len(lines) or lines[first].n > sh.HEADER_LINE_MAX_WORDS:
        return None
    saw_meta = False
    for i in range(first + 1, min(len(lines), first + sh.HEADER_GAP_LINES)):
        if keep[i]:
            return first if saw_meta and sum(keep[i:]) >= 2 else None
        saw_meta = saw_meta or meta[i]
    return None


def _headline_over_standfirst(lines: list[ln.Line], meta: list[bool], standfirst: int) -> int | None:
    """The headline over a standfirst that sits over the header's date/byline lines: the first line
    above it (chrome and metadata skipped, at most shapes.HEADER_REACH lines) when it is headline-shaped
    (shapes.header_line_is_title) and not a list item, an outlet's name, a person's name or a link row."""
    for i in range(standfirst - 1, max(standfirst - 1 - sh.HEADER_REACH, -1), -1):
        line = lines[i]
        if meta[i] or line.kind == "boilerplate":
            continue
        text = line.text
        if line.kind not in _HEADLINE_KINDS or not sh.header_line_is_title(line) or _not_headline(text, caption=False):
            return None
        return i
    return None


_SHORT_HEADLINE_WORDS = (2, 3)


def _short_headline_before(
    lines: list[ln.Line], meta: list[bool], keep: list[bool], first: int, byline: str | None
) -> int | None:
    """A two- or three-word headline ("Performant Python", "Team Budgets") right above the
    article (chrome and metadata skipped, at most shapes.HEADER_REACH lines): capitalised, no sentence
    end, one of its content words in the article's first paragraphs (an author's name above the
    article has none); not a list item, an outlet's name, the byline, UI vocabulary, a link row or a
    line the page repeats.
    The last resort when no longer headline is found."""
    for i in range(first - 1, max(first - 1 - sh.HEADER_REACH, -1), -1):
        line = lines[i]
        if meta[i] or line.kind == "boilerplate":
            continue
        text = line.text
        if (line.kind != ln.SHORT or not _SHORT_HEADLINE_WORDS[0] <= line.n <= _SHORT_HEADLINE_WORDS[1]
                or not text[:1].isupper() or line.terminal or text.endswith((":", ",", ";"))
                or v.BULLET.match(text) or md.looks_like_outlet(text) or sh.is_ui(text)
                or v.NAV_SEPARATOR.search(text) or (byline and ln.key(text) == ln.key(byline))
                or sum(x.text == text for x in lines) > 1):  # a repeated line is a site's label
            return None
        head = md.content_words(_head_text(lines, keep, _TITLE_BODY_CHARS))
        return i if md.content_words(text) & head else None
    return None


def _headline_over_dek(
    lines: list[ln.Line], meta: list[bool], keep: list[bool], title_index: int, first: int, body_words
) -> int:
    """The chosen title is a dek (a descriptive sentence shares more words with the article than the
    headline does): take the headline-like line right above it, when the chosen line is that line's
    standfirst and the line above is a plausible title itself."""
    above = title_index - 1
    while above >= 0 and meta[above]:
        above -= 1
    if above < 0 or keep[above] or lines[above].kind == "boilerplate":
        return title_index
    text = lines[above].text
    if lines[above].n >= lines[title_index].n or md.standalone_name(text) or md.is_caption(text, before_lead=False):
        return title_index
    if any(lines[i].text == lines[title_index].text for i in range(max(0, above - sh.HEADER_REACH), above)):
        return title_index  # the page repeats the chosen line around the header: it is the headline, not a dek
    if standfirst_after(lines, meta, keep, title_index, first) is not None:
        return title_index  # the chosen line has its own dek under it: it is the headline (a kicker above)
    # shorter headlines share fewer words with the article than their dek: any shared content word will do
    if body_words is None or md.title_score(text, body_words) <= 0.0:
        return title_index
    if standfirst_after(lines, meta, keep, above, first) != title_index:
        return title_index
    return above


def _tab_title_echo(lines: list[ln.Line], meta: list[bool], keep: list[bool], first: int) -> int | None:
    """The header line that a browser-tab/document title line ("Headline - Site", "Site | Headline")
    repeats without the site name."""
    parts: set[str] = set()
    tab_lines = set()
    for i in range(first):
        text = lines[i].text
        if len(text) > 300 or _TAB_SEPARATOR.search(text) is None:
            continue
        part = max(_TAB_SEPARATOR.split(text), key=len)  # the headline, not the site name
        if part.count(" ") + 1 >= _TAB_TITLE_MIN_WORDS:
            parts.add(ln.key(part))
            tab_lines.add(i)
    if not parts:
        return None
    for i in range(first):
        line = lines[i]
        if i in tab_lines or meta[i] or keep[i] or line.kind == "boilerplate" or line.n < _TAB_TITLE_MIN_WORDS:
            continue
        if len(line.text) <= 300 and ln.key(line.text) in parts and not md.looks_like_outlet(line.text):
            return i  # the headline, never the site name ("Budget - Harbor Times" over "Harbor Times")
    return None


def _article_subheads(lines: list[ln.Line], keep: list[bool]) -> set[str]:
    """Keys of the short lines kept inside the article after its first prose paragraph (subheadings):
    a header line repeating one is a table-of-contents entry, not the headline."""
    out: set[str] = set()
    seen_prose = False
    for line, k in zip(lines, keep):
        if not k:
            continue
        if line.kind == ln.PROSE:
            seen_prose = True
        elif seen_prose and line.n <= sh.SUBHEAD_MAX_WORDS:
            out.add(ln.key(line.text))
    return out


def _headline_before(lines: list[ln.Line], meta: list[bool], first: int) -> int | None:
    """The headline-shaped line right above the article (skipping chrome, metadata and captions), if any."""
    for i in range(first - 1, max(first - 6, 0) - 1, -1):
        line = lines[i]
        if meta[i] or line.kind == "boilerplate" or md.is_caption(line.text, before_lead=True):
            continue
        if v.NAV_SEPARATOR.search(line.text) and not _kicker_headline(line.text):
            continue  # a link row ("Email the author | Follow"), not a headline
        return i if md.headline_shaped(line.text) else None
    return None


def _continuation(text: str) -> bool:
    """A line that opens with a lower-case function word ("from University of Michigan", "and more"):
    the rest of the line above it, never a headline."""
    first = text.split(None, 1)[0] if text else ""
    return first.islower() and first in v.STOPWORDS


def _kicker_headline(text: str) -> bool:
    """A one-word kicker and a headline on one line ("Update | Deceased crash victims identified"),
    not a link row: two parts, the second with at least four words and no sentence end."""
    parts = v.NAV_SEPARATOR.split(text)
    return len(parts) == 2 and " " not in parts[0].strip() and parts[1].count(" ") >= 3 and not ln.is_terminal(parts[1])


def _line_over_byline(lines: list[ln.Line], meta: list[bool], keep: list[bool], first: int) -> int | None:
    """The headline-length line right above the header's first byline/date line (chrome skipped): a
    telegraphic headline ("Glacier melt speeding up in Alpine valleys, study finds") shares few
    words with the article, but it sits where a headline sits. Not a masthead or a name."""
    top = next((i for i in range(first) if meta[i]), None)
    if top is None:
        return None
    for i in range(top - 1, -1, -1):
        line = lines[i]
        if line.kind == "boilerplate" or meta[i]:
            continue
        if not keep[i] and line.kind == ln.PROSE and line.n <= sh.HEADER_LINE_MAX_WORDS:
            return _headline_over_standfirst(lines, meta, i)  # a standfirst between headline and byline
        if keep[i] or not sh.header_line_is_title(line) or md.looks_like_outlet(line.text):
            return None
        if md.standalone_name(line.text) and not _names_the_article(line.text, lines, keep):
            return None  # "Jane Doe" over her date line; "Packaging Rust Crates" names the article's subject
        return i
    return None


def _names_the_article(text: str, lines: list[ln.Line], keep: list[bool]) -> bool:
    """A Title Case line whose content words recur in the article's opening (as a title's must): a short headline
    ("Packaging Rust Crates"), not a person's name, which the article seldom repeats."""
    return md.title_score(text, md.content_words(_head_text(lines, keep, _TITLE_BODY_CHARS))) >= _TITLE_MIN_SCORE


def _head_text(lines: list[ln.Line], keep: list[bool], limit: int) -> str:
    parts, size = [], 0
    for line, k in zip(lines, keep):
        if k:
            parts.append(line.text)
            size += len(line.text) + 1
            if size >= limit:
                break
    return " ".join(parts)[:limit]
