"""Pages that are not an article: a section front, a home page, a category, tag, author or newsletter
archive, a blog's front page, search results. Such a page is a run of teaser units (a headline, on HTML
a link; a short standfirst; a date or byline next to them), with no article prose of its own. The clean
stage rejects it as `not_an_article` (core.clean) instead of giving a record whose body is teasers.

The decision (verdict) adds the weights of RULES, one row per piece of evidence, and rejects at
REJECT_AT; the structure decides (TEASER_MIN_UNITS units covering TEASER_MIN_SHARE of the page's prose,
no article prose run of ARTICLE_RUN_WORDS), the page's declared type (schema.org @type, og:type) only
weighs: many article pages declare og:type "website", and a gallery is a CollectionPage in schema.org.
"""

from __future__ import annotations

import functools
import re
from itertools import islice
from typing import NamedTuple
from urllib.parse import urlsplit

from workers.stages.clean import lines as ln
from workers.stages.clean import metadata as md
from workers.stages.clean.dates import date_line

# ---- the rules: thresholds and weights in one place (tests/unit/test_clean_listing.py, row by row) ----
HEADLINE_WORDS = (3, 20)  # a teaser's headline: words, and no sentence end but "?" / "!"
HEADLINE_MAX_CHARS = 160
STANDFIRST_WORDS = (4, 60)  # a teaser's standfirst (WordPress excerpts are 55 words)
META_MAX_WORDS = 12  # a date, byline, kicker or reading-time line inside a unit
DATE_HEADLINE_WORDS = 5  # a line this short with a date in it is a date line, not a headline
UNIT_GAP = 4  # short lines (kicker, date, "by", the author) between a headline and its standfirst
DATE_REACH = 2  # lines around a unit where its date or byline may stand
TEASER_MIN_UNITS = 4  # fewer teasers: a related box, an article's list, never a listing
TEASER_MIN_SHARE = 0.5  # share of the page's prose words that is teasers'
ARTICLE_RUN_WORDS = 150  # a run of prose outside teasers this long is an article: never rejected
DATED_MAX_CHARS = 160  # a date line, or a table row of a date cell and a headline (_dated)
MAX_LINES = 3000  # lines read (a front is short; bounds the work on hostile pages)
RULES: dict[str, int] = {
    "no_article_prose": 2,  # no run of prose outside the teasers reaches NO_PROSE_WORDS words
    "many_teasers": 1,  # MANY_UNITS units or more
    "listing_type": 2,  # schema.org CollectionPage, SearchResultsPage, ProfilePage (LISTING_TYPES)
    "item_list": 1,  # schema.org ItemList without an article type (listicles declare one too)
    "article_type": -3,  # schema.org NewsArticle, BlogPosting, LiveBlogPosting, ... (ARTICLE_TYPES)
    "og_website": 1,  # og:type website or profile
    "og_article": -1,  # og:type article
}
NO_PROSE_WORDS = 40
PROSE_MIN_WORDS = 20  # an unlinked line this long counts as prose whatever the classifier says (_prose_runs)
MANY_UNITS = 8
REJECT_AT = 2
LISTING_TYPES = frozenset(("CollectionPage", "SearchResultsPage", "ProfilePage"))
ARTICLE_TYPES = frozenset((
    "Article", "NewsArticle", "BlogPosting", "LiveBlogPosting", "Report", "ReportageNewsArticle",
    "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle",
    "AskPublicNewsArticle", "ScholarlyArticle", "TechArticle", "SocialMediaPosting", "Review", "Recipe",
    "HowTo", "Guide", "PressRelease", "Interview", "SatiricalArticle", "AdvertiserContentArticle",
    "MedicalScholarlyArticle", "DiscussionForumPosting", "QAPage", "FAQPage", "ImageGallery",
    "VideoGallery", "MediaGallery", "VideoObject", "Event", "Product", "JobPosting",
))
# a teaser's date: a time, a relative date, a day and month without the year ("Jan 28"), "Yesterday"
TEASER_DATE = re.compile(
    r"(?:\b\d{1,2}[:.]\d{2}\b|\b\d+\s*(?:min(?:ute)?s?|h(?:ou)?rs?|hours?|days?|weeks?|months?)\s+ago\b"
    r"|\b(?:yesterday|today)\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b"
    r"|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b)",
    re.IGNORECASE,
)
# a table row's date cell before its headline cell ("7 March 2025  Issue #148: The bridge"): a full
# date, then white space or a bar (a dump squeezes the cells' spacing)
DATE_CELL = re.compile(
    r"^(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})"
    r"(?:\s*[|\t]\s*|\s+)(?=\S)"
)
_LD_TYPE = re.compile(r'"@type"\s*:\s*(\[[^\]]{0,300}\]|"[A-Za-z]{2,40}")')
_OG_TYPE = re.compile(r'<meta\b[^>]{0,200}\bproperty\s*=\s*["\']og:type["\'][^>]{0,200}>', re.IGNORECASE)
_OG_CONTENT = re.compile(r'\bcontent\s*=\s*["\']([^"\']{1,40})["\']', re.IGNORECASE)
_TYPE_NAME = re.compile(r'"([A-Za-z]{2,40})"')
_HEAD_CHARS = 300_000


class PageLine(NamedTuple):
    """A line of the page as a reader sees it: its text, whether most of it is link text (None for a
    plain-text dump, which does not say) and then the address of the link holding most of it."""

    text: str
    linked: bool | None
    href: str | None = None


_DUMP_LINE = PageLine("", None)  # what verdict knows of a dump's line beside its text


class Evidence(NamedTuple):
    """What verdict weighed: teaser units, their prose words, the longest prose run outside them
    (words), the page's declared schema.org types and og:type, and the RULES rows that fired."""

    units: int
    teaser_words: int
    prose_run: int
    other_prose: int
    types: frozenset[str]
    og_type: str | None
    fired: tuple[str, ...]

    @property
    def score(self) -> int:
        """The listing score: the sum of the RULES weights of the rules that fired (integer points)."""
        return sum(RULES[name] for name in self.fired)


def declared_types(html: str) -> tuple[frozenset[str], str | None]:
    """(the schema.org @type names of the page's JSON-LD, its og:type lower-cased or None), read in
    the page's first _HEAD_CHARS characters."""
    head = html[:_HEAD_CHARS]
    types = set()
    for m in _LD_TYPE.finditer(head):
        types.update(_TYPE_NAME.findall(m.group(1)))
    og = _OG_TYPE.search(head)
    content = _OG_CONTENT.search(og.group(0)) if og else None
    return frozenset(types), content.group(1).strip().casefold() if content else None


_BLOCK_TAGS = frozenset(
    "p div section article header main aside ul ol li h1 h2 h3 h4 h5 h6 table tr td th dl dt dd figure "
    "figcaption blockquote br hr address details summary".split()
)
_SKIPPED_TAGS = frozenset("script style noscript template head nav select option button svg iframe form title".split())
_WS = re.compile(r"\s+")
_DIGIT = re.compile(r"\d")


def page_lines(root) -> list[PageLine]:
    """An lxml tree's visible text as lines, one per block element or link outside running text (a
    card's title and its description, _standalone; nav, forms and scripts left out: a <footer> may be
    a teaser card's date), each with whether most of its characters are inside a link, and which;
    at most MAX_LINES lines."""
    from lxml import etree

    out: list[PageLine] = []
    parts: list[tuple[str, str | None]] = []  # (text, the href of the link it is in, "" for one without)
    hrefs: list[str] = []
    skip = 0
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        block = tag in _BLOCK_TAGS or (tag == "a" and _standalone(element))
        if block:
            _flush(parts, out)
        if event == "start":
            skip += tag in _SKIPPED_TAGS
            if tag == "a":
                hrefs.append(element.get("href") or "")
            if not skip and element.text and tag:
                parts.append((element.text, hrefs[-1] if hrefs else None))
            continue
        if tag == "a" and hrefs:
            hrefs.pop()
        skip -= tag in _SKIPPED_TAGS
        if not skip and element.tail:
            parts.append((element.tail, hrefs[-1] if hrefs else None))
        if len(out) >= MAX_LINES:
            break
    _flush(parts, out)
    return out[:MAX_LINES]


def _flush(parts: list[tuple[str, str | None]], out: list[PageLine]) -> None:
    """The text parts gathered since the last block boundary as one PageLine appended to out (none
    when they are white space); parts is emptied."""
    text = _WS.sub(" ", "".join(t for t, _ in parts)).strip()
    if text:
        by_href: dict[str, int] = {}
        for part, href in parts:
            if href is not None:
                by_href[href] = by_href.get(href, 0) + _letters(part)
        top = max(by_href, key=by_href.__getitem__) if by_href else None
        out.append(PageLine(text, 2 * sum(by_href.values()) >= _letters(text), top))
    parts.clear()


def _letters(text: str) -> int:
    """Characters of text that are not white space."""
    return len(text) - sum(map(str.isspace, text))


def _standalone(link) -> bool:
    """A link outside running text: no text right before it (its previous sibling's tail, or its
    parent's text when it comes first) and none right after it (its tail)."""
    if link.tail and link.tail.strip():
        return False
    before = link.getprevious()
    text = before.tail if before is not None else (link.getparent().text if link.getparent() is not None else None)
    return not (text and text.strip())


def verdict(lines: list[PageLine] | list[str], types: frozenset[str] = frozenset(), og_type: str | None = None,
            classified: list[ln.Line] | None = None) -> Evidence | None:
    """The evidence that the page is a listing, not an article, when it is (its score reaches
    REJECT_AT), else None. lines: the page's lines (page_lines for HTML; a dump's lines as text, which
    say nothing of links: PageLine(text, None)); types, og_type: declared_types of an HTML page;
    classified: lines.classify of the lines' texts when the caller has it (a dump's, which clean_lines
    reads again), else they are classified here; only the first MAX_LINES are read."""
    if lines and isinstance(lines[0], str):  # a dump: its texts, no links
        texts, lines = lines[:MAX_LINES], [_DUMP_LINE] * min(len(lines), MAX_LINES)
    else:
        lines = lines[:MAX_LINES]
        texts = [line.text for line in lines]
    classified = ln.classify(texts) if classified is None else classified[:MAX_LINES]
    # most articles have a run of ARTICLE_RUN_WORDS prose words even with any teasers counted in; and a
    # listing dates its teasers: two cheap passes before the units are sought
    if _prose_runs(lines, classified, frozenset(), ARTICLE_RUN_WORDS)[0] >= ARTICLE_RUN_WORDS:
        return None
    if next(islice(filter(_dated, texts), TEASER_MIN_UNITS - 1, None), None) is None:  # fewer dated lines
        return None
    units = teaser_units(lines, classified)
    if len(units) < TEASER_MIN_UNITS:
        return None
    inside = frozenset(i for unit in units for i in unit)
    teaser_words = sum(classified[i].n for i in inside)
    longest, other = _prose_runs(lines, classified, inside)
    if longest >= ARTICLE_RUN_WORDS or teaser_words < TEASER_MIN_SHARE * (teaser_words + other):
        return None
    fired = tuple(name for name, hit in (
        ("no_article_prose", longest < NO_PROSE_WORDS),
        ("many_teasers", len(units) >= MANY_UNITS),
        ("listing_type", bool(types & LISTING_TYPES) and not types & ARTICLE_TYPES),
        ("item_list", "ItemList" in types and not types & ARTICLE_TYPES),
        ("article_type", bool(types & ARTICLE_TYPES)),
        ("og_website", og_type in ("website", "profile")),
        ("og_article", og_type == "article"),
    ) if hit)
    evidence = Evidence(len(units), teaser_words, longest, other, types, og_type, fired)
    return evidence if evidence.score >= REJECT_AT else None


def _dated(text: str) -> bool:
    """A short line (DATED_MAX_CHARS) with a date or time in digits (TEASER_DATE, DATE_CELL): what
    every teaser unit but a byline-only one holds; verdict needs TEASER_MIN_UNITS of them."""
    return len(text) <= DATED_MAX_CHARS and _DIGIT.search(text) is not None and (
        TEASER_DATE.search(text) is not None or DATE_CELL.match(text) is not None)


def _prose_runs(lines: list[PageLine], classified: list[ln.Line], inside: frozenset[int],
                enough: int | None = None) -> tuple[int, int]:
    """(words of the longest run of prose lines outside the lines `inside`, the prose words outside
    them in all). A prose line is one of lines.classify's content kinds, or a line of at least
    PROSE_MIN_WORDS words that is neither chrome nor link text (in a script or language whose sentences
    the classifier does not read as prose). With `enough` (words), the reading stops at the first run
    that long: the longest is then that run, the words in all those read so far."""
    run = longest = other = 0
    for i, line in enumerate(classified):
        if (line.kind in ln.CONTENT_KINDS or (line.n >= PROSE_MIN_WORDS and line.kind != "boilerplate"
                                              and not lines[i].linked)) and i not in inside:
            run += line.n
            other += line.n
            if run > longest:
                longest = run
                if enough is not None and longest >= enough:
                    break
        else:
            run = 0
    return longest, other


def teaser_units(lines: list[PageLine], classified: list[ln.Line]) -> list[tuple[int, int]]:
    """The page's teaser units as (headline index, standfirst index): a headline (_headline), at most
    UNIT_GAP short lines (kicker, date, byline), a standfirst (_standfirst) that no paragraph continues,
    a date or byline (_meta) within DATE_REACH lines of them, and on HTML a headline that is a link (a
    teaser points to another page; a page's own <h1> over the first teaser is none). A list of bare
    headlines with their times is no run of units: _next_headline."""
    units: list[tuple[int, int]] = []
    free = 0  # lines before this belong to an earlier unit
    for i, line in enumerate(classified):
        if i < free or not _headline(line):
            continue
        j = i + 1
        while j < len(classified) and j - i <= UNIT_GAP and _gap(classified[j]):
            j += 1
        if j >= len(classified) or not _standfirst(classified[j]) or _continued(classified, j + 1):
            continue
        if lines[i].linked is False or _next_headline(lines, classified, i, j):
            continue
        near = classified[max(free, i - DATE_REACH): min(len(classified), j + 1 + DATE_REACH)]
        if any(_meta(x) for x in near):
            units.append((i, j))
            free = j + 1
    return units


def _next_headline(lines: list[PageLine], classified: list[ln.Line], i: int, j: int) -> bool:
    """Line j, taken for headline i's standfirst, is the next item of a list of headlines: on HTML a
    link to another address than the headline's; on any page a headline without a sentence end
    below a date or byline line ("12:13 Uhr" / headline / "11:52 Uhr" / headline)."""
    if lines[j].linked and lines[i].linked and _address(lines[j].href) != _address(lines[i].href):
        return True
    return j > i + 1 and _headline(classified[j]) and not classified[j].terminal


def _address(href: str | None) -> str:
    """A link's page: its path without a trailing slash (a card links its headline absolutely and its
    "Continue reading" relatively), or the whole href when it has no path."""
    try:
        path = urlsplit(href or "").path.rstrip("/")
    except ValueError:  # a malformed address ("http://[::1")
        path = ""
    return path or (href or "")


def _headline(line: ln.Line) -> bool:
    """A teaser's headline: HEADLINE_WORDS words, a capital, digit or quote first, no sentence end but a
    question or exclamation mark, not a date line, a byline or a short line with a date (an archive's
    row may be "7 March 2025  Issue #148: The bridge": a date cell, DATE_CELL, before the headline)."""
    return _headline_text(line.text, line.kind)


@functools.lru_cache(maxsize=4096)
def _headline_text(text: str, kind: str) -> bool:
    """_headline of a line by its text and kind, cached: teaser_units asks it of a line several times."""
    text = ln.item_text(text)
    text = text[cell.end():] if (cell := DATE_CELL.match(text)) else text
    words = len(text.split())
    if not HEADLINE_WORDS[0] <= words <= HEADLINE_WORDS[1] or len(text) > HEADLINE_MAX_CHARS or kind == "boilerplate":
        return False
    if not (text[:1].isupper() or text[:1].isdigit() or text[:1] in "\"'‘“") or text.rstrip("\"'”’)").endswith((".", ",", ";", ":")):
        return False
    return not (date_line(text) or md.byline(text) or (words <= DATE_HEADLINE_WORDS and TEASER_DATE.search(text)))


def _standfirst(line: ln.Line) -> bool:
    """A teaser's standfirst: STANDFIRST_WORDS words, not chrome, not a date or byline line."""
    return STANDFIRST_WORDS[0] <= line.n <= STANDFIRST_WORDS[1] and line.kind != "boilerplate" and not _meta(line)


def _gap(line: ln.Line) -> bool:
    """A short line between a teaser's headline and its standfirst: a kicker ("Press release"), a date,
    a byline."""
    return line.n < STANDFIRST_WORDS[0] or _meta(line)


def _meta(line: ln.Line) -> bool:
    """A teaser's date or byline line: at most META_MAX_WORDS words holding a time, a relative or short
    date (TEASER_DATE), a date line or a byline, and not a sentence of prose ("Views are sought until 30
    April."); or a table row that opens with a date cell (DATE_CELL)."""
    return _meta_text(line.text, line.n, line.kind)


@functools.lru_cache(maxsize=4096)
def _meta_text(text: str, n: int, kind: str) -> bool:
    """_meta of a line by its text, words and kind, cached: teaser_units asks it of a line several times."""
    text = ln.item_text(text)
    if DATE_CELL.match(text) and n <= HEADLINE_WORDS[1] + DATE_HEADLINE_WORDS:
        return True
    if n > META_MAX_WORDS or kind == ln.PROSE:
        return False
    return TEASER_DATE.search(text) is not None or date_line(text) is not None or md.byline(text) is not None


def _continued(classified: list[ln.Line], k: int) -> bool:
    """A paragraph goes on after a standfirst (a live blog's entry, an article's section): the next line
    that is not a date or byline (nor the next teaser's headline) is prose that ends a sentence."""
    while k < len(classified) and _meta(classified[k]) and not _headline(classified[k]):
        k += 1
    return k < len(classified) and classified[k].kind in ln.CONTENT_KINDS and classified[k].terminal and not _headline(classified[k])
