"""Clean stage: a raw page dump or HTML page -> the article text and its metadata.

Pure function, no I/O. ``clean`` checks the content, sends HTML through trafilatura first (pages over
MAX_HTML_CHARS are cut at a tag) and assembles the record: its dates, byline, source and standfirst
from the lines and, on HTML, from the page's markup (fields). A page that is a listing of other pages'
teasers (a section front, an archive, search results: listing.verdict) is rejected first. ``clean_lines``
runs the passes over the normalised lines, in order, each a module of this package:

1.   run: which lines are article text (HTML candidates voted on; a dump's densest run of prose
     moved to the article's edges, with its inner structure: structure)
2.   metalines: the date, byline and source-label lines (the byline passes: bylines)
3-5. headline: the title line, a standalone outlet name or a dump's masthead, the standfirst line
     (assembled here: _header)
6-7. paragraphs: the kept lines as paragraphs (title copies, repeats, pull quotes out; the author's
     bio and desk credits out: bylines), then the dateline, standfirst and captions around the lead
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import Counter
from typing import Callable, NamedTuple

from workers.stages.clean import bylines as by
from workers.stages.clean import dumps
from workers.stages.clean import fields as fl
from workers.stages.clean import headline as hl
from workers.stages.clean import html as html_extract
from workers.stages.clean import language
from workers.stages.clean import lines as ln
from workers.stages.clean import listing
from workers.stages.clean import metadata as md
from workers.stages.clean import metalines as ml
from workers.stages.clean import paragraphs as pg
from workers.stages.clean import run as rn
from workers.stages.clean import sections
from workers.stages.clean import voting
from workers.stages.clean.blocks import split_page
from workers.stages.clean.dates import day_order as locale_day_order
from workers.stages.clean.dates import markup_date, parse_date, resolve as resolve_when, to_utc
from workers.stages.clean.normalise import looks_binary, normalise_text, split_lines
from workers.stages.errors import StageError

STAGE = "clean"
VERSION = "1"
_LOOKS_HTML = re.compile(r"\s{0,200}<(?:!doctype html|html|head|body)\b", re.IGNORECASE)
MAX_LINES = 10_000  # no article needs more; bounds the work on hostile input
MAX_HTML_CHARS = 5_000_000  # HTML past this is cut (at a tag) before trafilatura: see clean()


def warm() -> None:
    """Loads what the stage otherwise loads on its first article: the language model (py3langid),
    dateparser's parser, zone table and locales (dates.warm), and the HTML extractors (trafilatura and htmldate,
    readability-lxml, jusText). Call once when a worker starts; later calls are no-ops."""
    from workers.stages.clean import dates

    language.detect("The stage loads its language model once, when the worker starts, not later.")
    dates.warm()
    voting.stoplist()
    voting.candidates("<html><body><p>The extractors load once, when the worker starts.</p></body></html>")


def content_hash(body: str) -> str:
    """The body's 128-bit BLAKE2b digest, 32 hex characters: the exact-duplicate key."""
    return hashlib.blake2b(body.encode("utf-8"), digest_size=16).hexdigest()


def clean(raw: dict) -> dict:
    """A raw record whose content is text ({"id", "content", "content_type"?, "source"?,
    "fetched_at"?, "fetched_at_estimated"?}; intake.clean decodes bytes first) -> the clean record
    (schemas/clean.json). Raises StageError "not_text" (content not text, or binary),
    "not_an_article" (a section front, an archive, search results: _reject_listing) and
    "empty_after_clean" (empty content, or no article text left)."""
    content = _checked_content(raw.get("content"))
    content_type = raw.get("content_type")
    text, html, page_meta, truncated = _page_text(normalise_text(content), content_type)
    texts, flat_headline = split_page(split_lines(text))
    classified = _reject_listing(texts, page_meta if html is not None else None)
    article = clean_lines(
        texts,
        trusted=html is not None,
        known_title=fl.page_title(page_meta),
        votes=page_meta.get("voting"),
        day_order=functools.partial(_day_order, page_meta.get("locale"), text),
        classified=classified,
        flat_headline=flat_headline,
    )
    if truncated:
        article["removed"]["html_truncated_chars"] = truncated
    paragraphs = _paragraphs_or_extractor(article, page_meta)
    _page_standfirst(article, paragraphs, page_meta)
    published, updated, source, byline, byline_declared = _record_fields(raw, article, page_meta, html)
    authors = _authors(byline, byline_declared, article, page_meta)
    paragraphs[:] = by.without_byline_lines(paragraphs, authors, article["removed"], source)
    return _clean_record(raw, article, paragraphs, source, authors, (published, updated))


def _clean_record(raw: dict, article: dict, paragraphs: list[str], source: str | None, authors: list[str],
                  dates: tuple[str | None, str | None]) -> dict:
    """The clean record (schemas/clean.json) of `raw` from the cleaned `article` (clean_lines' dict),
    its body `paragraphs`, `source`, `authors` and (published, updated) ISO 8601 dates or None; the body is
    the paragraphs joined by blank lines, its language and content hash computed here."""
    published, updated = dates
    body = "\n\n".join(paragraphs)
    return {
        "schema_version": 1,
        "id": raw["id"],
        "status": "clean",
        "source": source,
        "fetched_at": raw.get("fetched_at"),
        "fetched_at_estimated": raw.get("fetched_at_estimated") is True,  # the time of receipt, not of the fetch
        "content_type": raw.get("content_type"),
        "title": article["title"],
        "body": body,
        "paragraphs": paragraphs,
        "dateline": article["dateline"],
        "byline": md.join_names(authors),
        "authors": authors,
        "published_at": published,
        "updated_at": updated,
        "published_at_utc": to_utc(published),
        "summary": article["summary"],
        "language": language.detect(body),
        "removed": article["removed"],
        "content_hash": content_hash(body),
        "pipeline": {STAGE: {"version": VERSION}},
    }


def _checked_content(content) -> str:
    """`content` when it is text to clean. Raises StageError "not_text" (not a string, or binary or
    undecodable) and "empty_after_clean" (empty, or only white space)."""
    if not isinstance(content, str):
        raise StageError("not_text", "content is not text")
    if not content.strip():
        raise StageError("empty_after_clean", "the content is empty" if not content else "the content is only white space")
    if looks_binary(content):
        raise StageError("not_text", "content looks binary or undecodable")
    return content


def _reject_listing(texts: list[str], page_meta: dict | None) -> list[ln.Line] | None:
    """Raises StageError "not_an_article" when the page is a listing of other pages' teasers, not an
    article (listing.verdict): on HTML the page's own lines and declared types (html.extract), on a
    dump its lines. The message names the evidence. Returns a dump's ln.classify(texts), which
    clean_lines then reads instead of classifying again; None for HTML."""
    classified = None
    if page_meta is None:
        classified = ln.classify(texts)
        evidence = listing.verdict(texts, classified=classified)
    else:
        evidence = listing.verdict(page_meta.get("page_lines") or [], *page_meta.get("declared_types") or (frozenset(), None))
    if evidence is not None:
        raise StageError("not_an_article", (
            f"a listing of other pages, not an article: {evidence.units} teasers, the longest run of other prose "
            f"{evidence.prose_run} words; evidence {', '.join(evidence.fired)} (score {evidence.score})"))
    return classified


def _page_standfirst(article: dict, paragraphs: list[str], page_meta: dict) -> None:
    """An HTML page's standfirst when the lines gave none: the first paragraph when the page marks it a
    dek (taken out of `paragraphs`), else the description the page shows."""
    if article["summary"] is None and pg.marked_standfirst(paragraphs, page_meta.get("standfirst_marked") or []):
        article["summary"] = paragraphs.pop(0)  # the dek under the headline, not the lead
    if article["summary"] is None and page_meta.get("standfirst"):
        article["summary"] = pg.shown_standfirst(page_meta["standfirst"], article)


def _authors(byline: str | None, declared: bool, article: dict, page_meta: dict) -> list[str]:
    """The byline's names (metadata.authors) without the site's own name; a wire story under its
    agency's name alone ("Reuters") gets the reporters of its closing credit instead."""
    authors = by.without_site(md.authors(byline, declared=declared), page_meta.get("sitename"))
    if article["credited"] and all(" " not in name for name in authors):
        return article["credited"]
    return authors


def _page_text(text: str, content_type: str | None) -> tuple[str, str | None, dict, int]:
    """(the article's candidate text, the HTML or None for a plain-text dump, the HTML extractors'
    page metadata ({} for a dump), characters cut off an oversized page). HTML past MAX_HTML_CHARS is
    cut at a tag, not rejected: oversized pages are nearly always inline JSON/script payloads after
    the article markup, so the head still holds the article; the cut bounds lxml time and memory. An
    `</html>` closing the page before its `<body>` is dropped first (html.without_early_html_end)."""
    if content_type != "text/html" and _LOOKS_HTML.match(text) is None:
        return dumps.plain(text), None, {}, 0
    truncated = 0
    if len(text) > MAX_HTML_CHARS:
        cut = text.rfind("<", MAX_HTML_CHARS // 2, MAX_HTML_CHARS)
        truncated = len(text) - (cut if cut > 0 else MAX_HTML_CHARS)
        text = text[: cut if cut > 0 else MAX_HTML_CHARS]
    text = html_extract.without_early_html_end(text)
    page_meta = html_extract.extract(text)
    return normalise_text(page_meta["text"]), text, page_meta, truncated


def _paragraphs_or_extractor(article: dict, page_meta: dict) -> list[str]:
    """The article's paragraphs; when the post-cleaning left none of an HTML page (a stub: one
    caption, a paywall), trafilatura's own text when it reads as content (set in `article` too).
    Raises StageError "empty_after_clean" when there is none."""
    paragraphs = article["paragraphs"]
    if not paragraphs and page_meta.get("voting"):
        default = page_meta["voting"]["votes"].get("trafilatura")
        paragraphs = [default] if default and ln.classify([default])[0].kind in ln.CONTENT_KINDS else []
        article["paragraphs"] = paragraphs
    if not paragraphs:
        raise StageError("empty_after_clean", "no article text left after cleaning")
    return paragraphs


def _record_fields(raw: dict, article: dict, page_meta: dict, html: str | None) -> tuple:
    """(published_at, updated_at, source, byline, whether the byline is the page's declared author
    field). Dates are resolved against fetched_at (never after it; relative ones only when fetched_at
    was given, not estimated on receipt). On HTML: article lines first, then the declared dates
    (JSON-LD, <meta>, <time>), date- and byline-classed header elements, and trafilatura's guess; the
    declared author when the text gives none, or the declared names the text's byline holds."""
    fetched_at = raw.get("fetched_at") if isinstance(raw.get("fetched_at"), str) else None
    resolve_date = functools.partial(resolve_when, relative=raw.get("fetched_at_estimated") is not True)
    published = resolve_date(article["published_at"], fetched_at)
    updated = resolve_date(article["updated_at"], fetched_at)
    source = raw.get("source") or article["source"]
    byline, byline_declared = article["byline"], False
    if page_meta:
        head_published, head_updated, head_byline, head_source = fl.header_fields(
            page_meta.get("header_lines") or [], locale_day_order(page_meta.get("locale")))
        published = fl.html_published(
            published, article["published_unsure"], page_meta, head_published,
            valid=lambda value: resolve_date(value, fetched_at) is not None,
            guessed=lambda: markup_date(html) is None,
        )
        updated = fl.html_updated(updated, published, page_meta, head_updated)
        published, updated = resolve_date(published, fetched_at), resolve_date(updated, fetched_at)
        source = source or fl.clean_field(page_meta.get("sitename")) or head_source
        if not md.authors(byline):
            byline, byline_declared = by.declared_byline(page_meta, head_byline)
        elif subset := by.declared_subset(byline, page_meta):
            byline, byline_declared = subset, True
    return published, updated, source, byline, byline_declared


def clean_lines(
    texts: list[str],
    *,
    trusted: bool = False,
    keep_flags: list[bool] | None = None,
    known_title: str | None = None,
    votes: dict | None = None,
    day_order: Callable[[], str | None] | None = None,
    classified: list[ln.Line] | None = None,
    flat_headline: int | None = None,
) -> dict:
    """The article in a list of normalised lines: {"credited", "title", "paragraphs", "dateline", "byline",
    "source", "published_at", "published_unsure", "updated_at", "published_at_utc", "summary",
    "removed"}, by the passes named in the module docstring, in order.

    trusted: the lines are already main content (HTML after trafilatura) - short lines such as
    subheadings inside the run are kept too, and short lines cost the run less.
    keep_flags: an external article/boilerplate decision per line (the jusText comparison).
    known_title: the title from page metadata; its copies in the text are dropped.
    votes: the extractors' evidence for HTML candidates (voting.candidates): each line is kept or
    dropped by voting.keep with our classifier as one voter, instead of the densest run.
    day_order: gives the page's order of day and month ("day", "month" or None: _day_order), asked only
    for an ambiguous slashed date ("05/03/2024") the page's own dates do not settle.
    classified: ln.classify(texts) when the caller has it already (core._reject_listing), else None.
    flat_headline: the index of the headline block blocks.split_page cut out of a page flattened to one
    line, or None: the title line when it reads as one (headline.title_line).
    """
    removed: Counter = Counter()
    lines, keep, page = _kept_and_metadata_lines(texts, trusted, keep_flags, votes, day_order, classified, removed)
    head = _header(lines, keep, page, known_title, trusted, flat_headline)  # 3.-5. title, source (or a dump's masthead), standfirst
    paragraphs, dateline, summary, source = _body_around_the_lead(lines, keep, page, head, votes, removed)
    published = head.published
    if published is None and md.dateline_date(dateline):
        published = parse_date(md.dateline_date(dateline))  # a wire or press-release dateline's date
    return {
        "credited": by.reporting_credit(lines),
        "title": head.title,
        "paragraphs": paragraphs,
        "dateline": dateline,
        "byline": page.byline,
        "source": source,
        "published_at": published,
        "published_unsure": _published_unsure(page, published),
        "updated_at": page.updated,
        "published_at_utc": to_utc(published),
        "summary": summary,
        "removed": dict(removed),
    }


def _kept_and_metadata_lines(texts, trusted, keep_flags, votes, day_order, classified, removed: Counter) -> tuple:
    """Passes 1 and 2 of clean_lines: (lines, keep, page) - the classified lines (at most MAX_LINES), which
    of them are article text, and the page's metadata lines (ml.PageMeta: dates, bylines, source labels)."""
    texts, keep_flags = _within_line_limit(texts, keep_flags, removed)
    lines, kinds = _classified_lines(texts, votes, classified if classified is not None and len(classified) == len(texts) else None)
    keep = rn.article_lines(lines, kinds, trusted=trusted, keep_flags=keep_flags, votes=votes)
    voted = list(keep) if votes and votes.get("table_cells") else None
    page = ml.metadata_lines(lines, keep, day_order)
    if voted is not None:  # a data table's column of dates is the table's data, not the page's date lines
        dated = [isinstance(line.meta, tuple) and bool(line.meta[0]) for line in lines]  # metalines' facts
        keep[:] = voting.with_date_column([line.text for line in lines], voted, keep, dated, votes["table_cells"])
    return lines, keep, page


def _body_around_the_lead(lines, keep, page, head, votes: dict | None, removed: Counter) -> tuple:
    """Passes 6 and 7 of clean_lines: (paragraphs, dateline, summary, source). Paragraphs without title
    repeats, repeated paragraphs, pull quotes, the author's bio and lead credits; then the dateline,
    standfirst and captions around the lead; source is the wire dateline's agency, else the masthead."""
    votes = votes or {}
    paragraphs = pg.kept_paragraphs(lines, keep, page.meta, (head.title_index, head.standfirst_index), head.title,
                                    removed, cells=votes.get("table_cells") or frozenset(),
                                    repeats=votes.get("repeats"))
    paragraphs = by.drop_lead_credits(by.drop_author_bio(paragraphs, page.byline, removed), removed)
    summary = lines[head.standfirst_index].text if head.standfirst_index is not None else None
    paragraphs, dateline, summary, source = pg.around_the_lead(paragraphs, summary, head.source, removed)
    return paragraphs, dateline, summary, source or head.masthead  # a wire dateline's agency first


def _within_line_limit(texts: list[str], keep_flags: list[bool] | None, removed: Counter) -> tuple:
    """(texts, keep_flags) cut to MAX_LINES lines; the lines cut are counted as "over_line_limit"."""
    if len(texts) <= MAX_LINES:
        return texts, keep_flags
    removed["over_line_limit"] = len(texts) - MAX_LINES
    return texts[:MAX_LINES], keep_flags[:MAX_LINES] if keep_flags is not None else None


class _Header(NamedTuple):
    """Steps 3-5 of clean_lines: the title line (index or None) and its text, the published date (a
    date the title's line moved), the source, a dump's masthead, the standfirst line (index or None)."""

    title_index: int | None
    title: str | None
    published: str | None
    source: str | None
    masthead: str | None
    standfirst_index: int | None


def _header(
    lines: list[ln.Line], keep: list[bool], page: ml.PageMeta, known_title: str | None, trusted: bool,
    flat_headline: int | None = None,
) -> _Header:
    """Steps 3-5 of clean_lines: 3. the title (`known_title` from page metadata wins over a line);
    4. a standalone outlet name next to the title or a metadata line is the source, else (dumps only)
    the masthead; 5. a descriptive line right under the title (not article text itself) is the standfirst."""
    meta, published, first = page.meta, page.published, page.first
    title: str | None  # (mypyc: not the str the first branch gives)
    if known_title:
        title_index, title = None, known_title
    else:
        title_index, first, published = hl.title_line(lines, meta, keep, page, first, flat_headline)
        title = hl.title_text(lines[title_index].text) if title_index is not None else None
    source = hl.outlet_beside(lines, meta, title_index, first, page.source)
    masthead = None if trusted or source else hl.masthead(lines, meta, title_index, first)
    standfirst_index = hl.standfirst_after(lines, meta, keep, title_index, first)
    return _Header(title_index, title, published, source, masthead, standfirst_index)


def _day_order(locale: str | None, text: str) -> str | None:
    """The order of day and month in the page's all-numeric dates (dates.day_order): the locale the page
    declares (<html lang>, og:locale, Content-Language), else the language of its text (py3langid: a French
    or German dump writes the day first; English says month-first, the default, so nothing changes)."""
    return locale_day_order(locale) or locale_day_order(language.detect(text))


def _published_unsure(page: ml.PageMeta, published: str | None) -> bool:
    """The published date is one unlabelled date line among others of other days (an infobox's, a
    timeline's, teasers' dates): not sure to be the article's (clean(), fields.html_published)."""
    return bool(page.published_bare and published is not None
                and len({day[:10] for _, day in page.published_lines}) > 1)


def _classified_lines(texts: list[str], votes: dict | None, classified: list[ln.Line] | None = None) -> tuple[list[ln.Line], list]:
    """Before step 1 of clean_lines: the classified lines with their section marks (teasers, captions
    said twice, cut headlines), and each line's section kind (asked once: marking and the closing
    headings read it; a table cell's kind from the HTML votes)."""
    lines = ln.classify(texts) if classified is None else classified
    kinds = sections.line_kinds(lines)
    if votes is not None:
        kinds = voting.cell_kinds(lines, kinds, votes.get("table_cells") or set())
    lines = sections.mark_read_more_teasers(sections.mark(lines, kinds))
    return sections.mark_doubled_captions(sections.mark_cut_headlines(lines)), kinds
