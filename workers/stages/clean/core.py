"""Clean stage: a raw page dump or HTML page -> the article text and its metadata.

Pure function, no I/O. Plain text: every line is classified (workers.stages.clean.lines), the
article is the densest run of prose, then metadata rules (cleaning.metadata, cleaning.dates) take the
title, dateline, byline, source, dates, standfirst and captions out of it and repeated paragraphs are
collapsed. Inside the article run, subheadings, bullet lists and the lines a paragraph ending in a
colon introduces (code, unmarked lists) are kept; pull quotes that repeat the prose are dropped;
hard-wrapped dumps are re-joined first (cleaning.normalise). The title is the line a browser-tab
title line ("Headline - Site") repeats, else the best-matching header line that is not a caption, a
table-of-contents entry, a bare name, a scoreline or two sentences; a bare name over the date line
is the byline. HTML goes through
trafilatura first (pages over MAX_HTML_CHARS are cut at a tag), then the same post-cleaning; dates come
from the text, then JSON-LD/<meta>/<time>, then date/byline-classed elements, then trafilatura.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import Counter
from typing import NamedTuple

from workers.stages.clean import html as html_extract
from workers.stages.clean import language
from workers.stages.clean import lines as ln
from workers.stages.clean import metadata as md
from workers.stages.clean import sections
from workers.stages.clean import voting
from workers.stages.clean import vocabulary as v
from workers.stages.clean.blocks import split_blocks
from workers.stages.clean.dates import BARE_LABEL as DATE_BARE_LABEL, LABEL as DATE_LABEL, date_line, labelled, parse_date
from workers.stages.clean.dates import markup_date, resolve as resolve_when, to_utc
from workers.stages.clean.fastmatch import first_char_match, has_digit, last_char_gate
from workers.stages.clean.normalise import looks_binary, normalise_line, normalise_text, split_lines
from workers.stages.errors import StageError

STAGE = "clean"
VERSION = "1"

_LOOKS_HTML = re.compile(r"\s{0,200}<(?:!doctype html|html|head|body)\b", re.IGNORECASE)
_META = "metadata"
MAX_LINES = 10_000  # no article needs more; bounds the work on hostile input
_STANDFIRST_CONTAINMENT = 0.7
_TITLE_MIN_SCORE = 0.3
_TITLE_BODY_CHARS = 1500
_PIPE_TITLE_FACTOR = 0.5
_WEAK_TITLE_FACTOR = 0.5
_TAB_SEPARATOR = re.compile(r"\s(?:[|–—-]|::|»)\s")
_TAB_TITLE_MIN_WORDS = 3
# a dump's first line is its masthead when it names an outlet in this many words ("Example Courier");
# one word alone ("News", "Register") is as often the first menu item
MASTHEAD_MIN_WORDS = 2
_META_PARTS = re.compile(r"\s+[|•·]\s+")
_PULL_QUOTE_MIN_WORDS = 5
_SUBHEAD_MAX_WORDS = 10
_OPENING_QUOTES = "\"'“‘«„"
_PROMO_HEADLINE_MIN_WORDS = 5
_COLON_BLOCK_MAX = 12
_HEADER_LINE_MAX_WORDS = 60  # a standfirst is at most this long
_HEADER_GAP_LINES = 8  # date, byline, share-row lines between a header line and the lead
# chrome whose date lines are still the article's (a press release's date under its legal boilerplate);
# comment sections and teaser lists never give the article's date
_DATED_CHROME = frozenset(("legal", "paywall"))
# chrome reasons (lines.classify) whose lines no extractor vote keeps: an ad slot's marker and a
# copyright/reproduction notice are never the article's text, whatever trafilatura and readability keep
# (_never_rescued adds a closing paywall pitch and a bare-domain credit; measured: "legal" and "comments"
# sections here changed no dev-set page)
_MAX_BARE_LABEL = 30  # "Originally published on:" and shorter: a date label alone on its line
_MAX_BYLINE_LABEL = 16  # "Written by:" and shorter: a byline label alone on its line over the names
NEVER_RESCUED = frozenset(("advertisement", "copyright"))
_PAYWALL_MAX_WORDS = 300  # a pitch is short: a longer "paywall" tail may be the article going on
MAX_HTML_CHARS = 5_000_000  # HTML past this is cut (at a tag) before trafilatura: see clean()


def warm() -> None:
    """Loads what the stage otherwise loads on its first article: the language model (py3langid),
    dateparser's parser, zone table and locales (dates.warm), and the HTML extractors (trafilatura and htmldate,
    readability-lxml, jusText). Call once when a worker starts; later calls are no-ops."""
    from workers.stages.clean import dates
    from workers.stages.clean.html import _stoplist

    language.detect("The stage loads its language model once, when the worker starts, not later.")
    dates.warm()
    _stoplist()
    voting.candidates("<html><body><p>The extractors load once, when the worker starts.</p></body></html>")


def content_hash(body: str) -> str:
    """The body's 128-bit BLAKE2b digest, 32 hex characters: the exact-duplicate key."""
    return hashlib.blake2b(body.encode("utf-8"), digest_size=16).hexdigest()


def clean(raw: dict) -> dict:
    """A raw record whose content is text ({"id", "content", "content_type"?, "source"?,
    "fetched_at"?, "fetched_at_estimated"?}; intake.clean decodes bytes first) -> the clean record
    (schemas/clean.json). Raises StageError "not_text" (content not text, or binary) and
    "empty_after_clean" (empty content, or no article text left)."""
    content = _checked_content(raw.get("content"))
    content_type = raw.get("content_type")
    text, html, page_meta, truncated = _page_text(normalise_text(content), content_type)
    article = clean_lines(
        split_blocks(split_lines(text)),
        trusted=html is not None,
        known_title=_page_title(page_meta),
        votes=page_meta.get("voting"),
    )
    if truncated:
        article["removed"]["html_truncated_chars"] = truncated
    paragraphs = _paragraphs_or_extractor(article, page_meta)
    _page_standfirst(article, paragraphs, page_meta)
    published, updated, source, byline, byline_declared = _record_fields(raw, article, page_meta, html)
    authors = _authors(byline, byline_declared, article, page_meta)
    paragraphs[:] = _without_byline_lines(paragraphs, authors, article["removed"])
    body = "\n\n".join(paragraphs)
    return {
        "schema_version": 1,
        "id": raw["id"],
        "status": "clean",
        "source": source,
        "fetched_at": raw.get("fetched_at"),
        "fetched_at_estimated": raw.get("fetched_at_estimated") is True,  # the time of receipt, not of the fetch
        "content_type": content_type,
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


def _page_standfirst(article: dict, paragraphs: list[str], page_meta: dict) -> None:
    """An HTML page's standfirst when the lines gave none: the first paragraph when the page marks it a
    dek (taken out of `paragraphs`), else the description the page shows."""
    if article["summary"] is None and _marked_standfirst(paragraphs, page_meta.get("standfirst_marked") or []):
        article["summary"] = paragraphs.pop(0)  # the dek under the headline, not the lead
    if article["summary"] is None and page_meta.get("standfirst"):
        article["summary"] = _shown_standfirst(page_meta["standfirst"], article)


def _authors(byline: str | None, declared: bool, article: dict, page_meta: dict) -> list[str]:
    """The byline's names (metadata.authors) without the site's own name; a wire story under its
    agency's name alone ("Reuters") gets the reporters of its closing credit instead."""
    authors = _without_site(md.authors(byline, declared=declared), page_meta.get("sitename"))
    if article["credited"] and all(" " not in name for name in authors):
        return article["credited"]
    return authors


def _page_text(text: str, content_type: str | None) -> tuple[str, str | None, dict, int]:
    """(the article's candidate text, the HTML or None for a plain-text dump, the HTML extractors'
    page metadata ({} for a dump), characters cut off an oversized page). HTML past MAX_HTML_CHARS is
    cut at a tag, not rejected: oversized pages are nearly always inline JSON/script payloads after
    the article markup, so the head still holds the article; the cut bounds lxml time and memory."""
    if content_type != "text/html" and _LOOKS_HTML.match(text) is None:
        return text, None, {}, 0
    truncated = 0
    if len(text) > MAX_HTML_CHARS:
        cut = text.rfind("<", MAX_HTML_CHARS // 2, MAX_HTML_CHARS)
        truncated = len(text) - (cut if cut > 0 else MAX_HTML_CHARS)
        text = text[: cut if cut > 0 else MAX_HTML_CHARS]
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
        head_published, head_updated, head_byline, head_source = _header_fields(page_meta.get("header_lines") or [])
        published = _html_published(
            published, article["published_unsure"], page_meta, head_published,
            valid=lambda value: resolve_date(value, fetched_at) is not None,
            guessed=lambda: markup_date(html) is None,
        )
        if updated is None:
            modified = _html_date(page_meta.get("modified")) or head_updated
            updated = modified if modified != published else None
        else:
            updated = _declared_zone(updated, _html_date(page_meta.get("modified")))
        published, updated = resolve_date(published, fetched_at), resolve_date(updated, fetched_at)
        source = source or _clean_field(page_meta.get("sitename")) or head_source
        if not md.authors(byline):
            byline, byline_declared = _declared_byline(page_meta, head_byline)
        elif subset := _declared_subset(byline, page_meta):
            byline, byline_declared = subset, True
    return published, updated, source, byline, byline_declared


_STANDFIRST_MIN_WORDS = 5


def _marked_standfirst(paragraphs: list[str], marked: list[str]) -> bool:
    """The first of two or more paragraphs is the text of an element the page marks as its standfirst
    (html.marked_standfirsts: class words "standfirst", "dek", "summary", ...) and no longer than one."""
    if not marked or len(paragraphs) < 2:
        return False  # a text dump marks none
    if not _STANDFIRST_MIN_WORDS <= len(paragraphs[0].split(maxsplit=_HEADER_LINE_MAX_WORDS)) <= _HEADER_LINE_MAX_WORDS:
        return False  # words counted up to one past the limit
    return voting.norm(paragraphs[0]) in marked


def _shown_standfirst(text: str, article: dict) -> str | None:
    """An HTML page's description shown as its own element (html.shown_description) as the record's
    standfirst, unless the body or the title already holds it, also as the lead with its dateline."""
    key = ln.key(text)
    held = ln.key(" ".join(article["paragraphs"])) + ln.key(article["title"] or "")
    if key in held:
        return None
    place, rest, _agency = md.split_dateline(text)  # the lead under its dateline ("PARIS (Reuters) - ...")
    return None if place and rest and ln.key(rest) in held else text


def _never_rescued(lines: list[ln.Line]) -> list[bool]:
    """Per HTML candidate line, whether no extractor vote may keep it: its chrome reason is in
    NEVER_RESCUED, or it is chrome from the start of a paywall section on (sections.mark: the pitch
    closes the article, so every chrome line under it is the pitch's, "already a subscriber? Log in"),
    when that tail is short (_PAYWALL_MAX_WORDS: a long one may be the article going on past a banner), or
    it is a teaser link to another story ("MORE: <headline>": vocabulary.TEASER_LINK)."""
    paywall = next((i for i, line in enumerate(lines) if line.reason == "paywall"), len(lines))
    if sum(line.n for line in lines[paywall:]) > _PAYWALL_MAX_WORDS:
        paywall = len(lines)
    return [line.reason in NEVER_RESCUED or (i >= paywall and line.kind == "boilerplate") or _domain_credit(line)
            or (line.reason == "ui_vocabulary" and v.TEASER_LINK.match(line.text) is not None)
            for i, line in enumerate(lines)]


def _domain_credit(line: ln.Line) -> bool:
    """A source credit that is only a domain ("EXAMPLENEWS.COM"): never the article's text. Other credit
    lines ("Additional reporting by …") the extractors' vote may keep, as annotators often do."""
    return line.reason == "credits" and " " not in line.text and v.BARE_DOMAIN.match(line.text) is not None


def _marked_lines(lines: list[ln.Line], marked_chrome: dict[str, str]) -> list[bool]:
    """Per HTML candidate line, whether the page marks its element as chrome (html.marked_chrome: its
    dialogs too; an image's alt text shown in its figure box as the whole line only); captions only
    when the caption lines hold fewer prose words than the rest (in a gallery the captions are the
    article)."""
    chrome = f"{marked_chrome.get('other', '')}\n{marked_chrome.get('dialogs', '')}"
    caption_text = marked_chrome.get("captions", "")
    alt_captions = set(marked_chrome.get("alt_captions", "").split("\n")) - {""}
    keys = [voting.norm(line.text) for line in lines]  # once per line (voting.marked's test, inlined)
    other = [bool(key) and key in chrome for key in keys]
    captions = [(bool(key) and key in caption_text) or key in alt_captions for key in keys]
    prose = [len(line.text.split()) if line.kind == ln.PROSE else 0 for line in lines]
    inside = sum(n for n, c in zip(prose, captions) if c)
    outside = sum(n for n, c, o, line in zip(prose, captions, other, lines) if not (c or o or line.kind == "boilerplate"))
    return other if inside > outside else [o or c for o, c in zip(other, captions)]


def _clean_field(value) -> str | None:
    if not isinstance(value, str):
        return None
    value = normalise_line(value)
    return value or None


def _declared_byline(page_meta: dict, head_byline: str | None) -> tuple[str | None, bool]:
    """(byline, declared) from the page's markup when the text gave none: the declared author
    (JSON-LD, <meta name=author>) unless it is only the site's name or a one-word name the header's
    byline spells out in full ("Todd" under "By Todd Bates"), then trafilatura's author (a theme's
    "View all posts by" link text stripped; spelt as the header lines write it, "T. V. Raman" for its
    "T V Raman"), then a byline from the header lines."""
    for field in ("declared_author", "author"):
        value = _clean_field(page_meta.get(field))
        value = v.AUTHOR_LINK_PREFIX.sub("", value) if value else value
        if not value or not md.authors(value, declared=True) or _names_the_site(value, page_meta.get("sitename")):
            continue
        first = md.authors(head_byline)[:1] if head_byline and " " not in value else []
        if first and first[0].startswith(f"{value} "):
            return head_byline, False
        if field == "author":
            header_lines = page_meta.get("header_lines") or []
            value = _as_written(_as_shown(value, header_lines), header_lines)
        return value, True
    return head_byline, False


def _as_shown(names: str, header_lines: list[str]) -> str:
    """Each "; "-separated name of an extractor's author field cut to a header element that holds only
    the name's first words, when that element is a name of two or more words and the words cut are not
    a name's: a date or role word, or the start of another header element. The extractor ran the next
    element into the name ("Jane Doe Science Editor", "Jane Doe May" over a date "May 4, 2020", "Jane
    Doe Monday") where the page sets the name apart ("Jane Doe")."""
    shown = {line for line in header_lines if 2 <= len(line.split()) <= 4 and md.authors(line) == [line]}

    def cut(name: str, line: str) -> bool:
        rest = name[len(line) + 1:] if name.startswith(f"{line} ") else ""
        return bool(rest) and (md.not_name_word(rest.split()[0]) or any(h.startswith(rest) for h in header_lines))

    return "; ".join(max((line for line in shown if cut(name, line)), key=len, default=name) for name in names.split("; "))


def _names_the_site(value: str, sitename) -> bool:
    """An author field that is the site's name ("Jobs & More"), or one word that opens a longer site name:
    the organisation that runs it ("Acme" on "Acme Engineering Blog"; a person's full name that
    opens one, "Jane Roe's Digital Home", is still a person's)."""
    site = _letters_key(sitename)
    if not site:
        return False
    words = sitename.split()
    return _letters_key(value) == site or (" " not in value.strip() and len(words) >= 2 and _letters_key(words[0]) == _letters_key(value))


def _without_site(authors: list[str], sitename) -> list[str]:
    """An HTML page's author names without its site's name: an entry that is the site ("Ann Lee,
    CNN" on CNN; kept when it is the only one) and a site credit run into a name ("Ann Lee
    CityVoice Staff" -> "Ann Lee")."""
    site = _letters_key(sitename)
    if not site:
        return authors
    out = []
    for name in authors:
        name = md.name_without_credit(name, site)  # one rule with the byline's (vocabulary.NAME_CREDIT_TAILS)
        if _letters_key(name) != site:
            out.append(name)
    return out or authors


def _letters_key(value) -> str:
    """lines.key of a page field (letters and digits only, casefolded: "Jobs & More" and "Jobs; More"
    alike); "" when the field is missing."""
    return ln.key(value) if isinstance(value, str) else ""


def _as_written(names: str, header_lines: list[str]) -> str:
    """Each "; "-separated name of an extractor's author field as a header line writes it, when one
    does with full stops after initials ("T V Raman" -> "T. V. Raman", "Joe S" -> "Joe S.")."""
    out = []
    for name in names.split("; "):
        words = name.split()
        pattern = r"\.?\s+".join(map(re.escape, words)) + (r"\." if len(words[-1]) == 1 else "")
        found = next((m.group(0) for line in header_lines if (m := re.search(rf"\b{pattern}(?!\w)", line))), None)
        out.append(found if found and len(words) > 1 else name)
    return "; ".join(out)


def _declared_subset(byline: str | None, page_meta: dict) -> str | None:
    """The declared author (JSON-LD, <meta name=author>) over the text's byline when its names are
    some of the byline's and the byline has more (an affiliation read as names: "Jane Doe, Kiosk
    Blue, Examplecorp" declared "Jane Doe"), or when the two share no name (the text's
    "by" line was another's: on the dev set the declared author was right on both such pages)."""
    declared = _clean_field(page_meta.get("declared_author"))
    names = {n.casefold() for n in md.authors(declared, declared=True)}
    found = {n.casefold() for n in md.authors(byline)}
    return declared if names and (names < found or not names & found) else None


def _header_fields(texts: list[str]) -> tuple[str | None, str | None, str | None, str | None]:
    """(published, updated, byline, source) from short article-meta texts of an HTML page. A byline
    element that carries a date other than the page's published day is a teaser's ("By Jane Doe Feb
    18, 2020 4 min read" in a list of other posts), not the article's."""
    published = updated = byline = source = None
    for i, text in enumerate(texts):
        if byline is None and v.BYLINE_LABEL.match(text) and i + 1 < len(texts) and md.authors(texts[i + 1]):
            byline = texts[i + 1]  # "By" / "Todd Bates": the label and the name in two elements
        dates = date_line(text)
        if dates:
            published = published or dates[0]
            updated = updated or dates[1]
        own = _list_or_byline_date(text)
        if published and own and own[0] and own[0][:10] != published[:10]:
            continue
        for part in _META_PARTS.split(text):
            found = md.byline(part)
            if found:
                byline = byline or found[0]
                source = source or found[1]
    return published, updated, byline, source


def _page_title(page_meta: dict) -> str | None:
    """The page's declared title unless it is a section or site label ("News", the site name):
    a headline has at least two words, or is the text of the page's <h1> ("Penny" on a wiki page)."""
    title = _clean_field(page_meta.get("title"))
    if title is None or (" " not in title and not page_meta.get("title_shown")) or v.UI_LINE.match(title):
        return None
    site = _clean_field(page_meta.get("sitename"))
    return None if site and title.casefold() == site.casefold() else title


def _html_date(value) -> str | None:
    return parse_date(value) if isinstance(value, str) else None


def _html_published(
    text: str | None, text_unsure: bool, page_meta: dict, shown: str | None, *, valid, guessed
) -> str | None:
    """An HTML page's published date from its sources: ``text``, a date line of the article's text
    (``text_unsure``: an unlabelled one among date lines of other days); the markup's declared date
    (JSON-LD, <meta>, <time>), which refines the text's same day with a time and offset (and its offset
    for the same minute: _declared_zone); ``shown``, a date/byline-classed element's; and htmldate's day
    (trafilatura's, original date, extensive search). htmldate's day wins where it
    differs (measured on web-pages-en, bench.devset: right more often than the markup), except over:
    - a date line of the text (htmldate reads the markup), unless the line is unlabelled, the text shows
      other days too, and the declared date agrees with htmldate (two sources over one unsure line: an
      infobox's, a timeline's or teasers' bare dates; then the declared date, with its time and offset);
    - a declared or shown date when htmldate's day is only a guess from the page's text (``guessed()``:
      htmldate finds nothing in the markup alone).
    ``valid(value)``: the date survives ``dates.resolve`` (not after fetched_at). ISO 8601 strings or None."""
    declared = _html_date(page_meta.get("published"))
    published = _declared_zone(_refine(text, declared), declared) if text else declared or shown
    day = _html_date(page_meta.get("date"))
    if day and day.endswith("-01-01") and published is None:
        day = None  # 1 January with nothing else: htmldate's guess from a bare year (a copyright line)
    if not day or (published is not None and valid(published) and published[:10] == day[:10]):
        return published  # ours carries the time and offset htmldate drops
    if published is None or not valid(published):
        return day
    if text:
        return declared if text_unsure and declared and declared[:10] == day[:10] else published
    return published if guessed() else day


def _article_lines(
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
            marked=[m or never for m, never in zip(_marked_lines(lines, votes.get("marked_chrome") or {}),
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
        start, end = _article_above_closing(lines, kinds, *ln.densest_run(lines))
        start = _labels_above_run(lines, _lead_above_run(lines, start))
        end = _end_at_page_footer(lines, start, _end_before_post_footer(lines, start, _end_across_inline_boxes(lines, end)))
        end = _end_before_link_list(lines, start, end)
        keep = [start <= i < end and line.kind in ln.CONTENT_KINDS for i, line in enumerate(lines)]
        _keep_inner_structure(lines, keep, start, end)
        _keep_dump_structure(lines, keep, start, end)
    return keep


class _PageMeta(NamedTuple):
    """What step 2 of clean_lines reads from the metadata lines."""

    meta: list[bool]  # per line: a date, byline or source-label line
    published: str | None
    updated: str | None
    byline: str | None
    source: str | None
    first: int  # the first kept line
    published_lines: list[tuple[int, str]]  # (line, published date) of each date line
    published_bare: bool  # the published date came from an unlabelled date line


def _metadata_lines(lines: list[ln.Line], keep: list[bool]) -> _PageMeta:
    """Step 2 of clean_lines: the date, byline and source-label lines above the readers' comments
    (_PageMeta); metadata lines are taken out of `keep` (changed in place)."""
    scan = _MetaScan(lines)
    comments = _comments_start(lines, keep)
    head_end = next((i for i, k in enumerate(keep) if k), len(lines))  # the header: lines above the article
    for i, line in enumerate(lines):
        text = line.text
        if line.kind == ln.PROSE or len(text) > 120 or (line.kind == "boilerplate" and line.reason not in _DATED_CHROME):
            if i >= head_end or " | " not in text[:120]:
                continue
            text = text.split(" | ", 1)[0]  # a header's "By Ela on 31. October, 2023 | 18 Comments. This post ..."
        if i >= comments:
            break  # readers' names and dates, never the article's
        if text is line.text:  # asked once per Line (pages repeat their menu and footer lines)
            fact = line.meta
            if fact is ln.UNASKED:
                fact = line.meta = _meta_facts(text)
        else:
            fact = _meta_facts(text)
        dates, found, label, role = fact
        if head_end - _NAMED_DATE_REACH <= i < head_end and not (dates or found or label) and (named := _named_date(text)):
            dates, found, label = named  # "City News March 3, 2021, 8:05 AM" over the headline
        if dates or len(line.text) <= _MAX_BARE_LABEL:  # else scan.labelled gives the dates back, marking nothing
            dates = scan.labelled(i, dates)
        if dates:
            scan.dates(i, dates)
        if found or label or role or len(line.text) <= _MAX_BYLINE_LABEL:  # else scan.names takes nothing
            scan.names(i, found, label, role, keep)
    for i, is_meta in enumerate(scan.meta):
        if is_meta:
            keep[i] = False
    published = scan.published
    if scan.published_lines:
        published = _page_day_order(published, scan.published_lines, lines)
    first = next((i for i, k in enumerate(keep) if k), len(lines))
    byline = scan.byline or (
        _name_over_date(lines, scan.meta, keep, first) or _name_under_date(lines, scan.meta, keep, first)
        or _name_with_role(lines, scan.meta, keep, first) or _author_list(lines, scan.meta, keep, first)
        or _bio_name(lines) or _author_box_name(lines)
        or _copyright_owner(lines))
    return _PageMeta(scan.meta, published, scan.updated, byline, scan.source, first, scan.published_lines,
                     scan.published_bare)


class _MetaScan:
    """What _metadata_lines has read so far, line by line: the metadata lines (`meta`), the published
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
            self.published = _refine(self.published, dates[0])
        self.updated = _refine(self.updated, dates[1])
        self.meta[i] = True

    def names(self, i: int, found: tuple | None, label: str | None, role: bool, keep: list[bool]) -> None:
        """Takes line i's byline and source: a byline line ("By Jane Doe, Staff Writer | March 5,
        2024" carries both), a source label, a bare name over a staff-role line ("Jane Doe" /
        "Business reporter"), or a byline label alone over the names ("By" / "Jane Doe": a dump splits
        the link; "By" / "A" / "and" / "B": each name a link)."""
        lines, meta = self.lines, self.meta
        if found:
            self.byline = self.byline or found[0]
            self.source = self.source or found[1]
            meta[i] = True
        elif label:
            self.source = self.source or label
            meta[i] = True
        elif i > 0 and role and _person_name(lines[i - 1].text):
            self.byline = self.byline or lines[i - 1].text
            meta[i] = meta[i - 1] = True
            keep[i - 1] = False
        elif i + 1 < len(lines) and len(lines[i].text) <= _MAX_BYLINE_LABEL and v.BYLINE_LABEL.match(lines[i].text) \
                and _named(lines[i + 1].text):
            names, last = _names_over_lines(lines, i + 1)
            self.byline = self.byline or names
            for j in range(i, last + 1):
                meta[j] = True


def clean_lines(
    texts: list[str],
    *,
    trusted: bool = False,
    keep_flags: list[bool] | None = None,
    known_title: str | None = None,
    votes: dict | None = None,
) -> dict:
    """The article in a list of normalised lines: {"title", "paragraphs", "dateline", "byline",
    "source", "published_at", "published_unsure", "updated_at", "published_at_utc", "summary",
    "removed"}, by the named passes below, in order.

    trusted: the lines are already main content (HTML after trafilatura) - short lines such as
    subheadings inside the run are kept too, and short lines cost the run less.
    keep_flags: an external article/boilerplate decision per line (the jusText comparison).
    known_title: the title from page metadata; its copies in the text are dropped.
    votes: the extractors' evidence for HTML candidates (voting.candidates): each line is kept or
    dropped by voting.keep with our classifier as one voter, instead of the densest run.
    """
    removed: Counter = Counter()
    texts, keep_flags = _within_line_limit(texts, keep_flags, removed)
    lines, kinds = _classified_lines(texts, votes)
    # 1. which lines are article text; 2. metadata lines (dates, bylines, source labels)
    keep = _article_lines(lines, kinds, trusted=trusted, keep_flags=keep_flags, votes=votes)
    page = _metadata_lines(lines, keep)
    # 3.-5. title, source (or a dump's masthead), standfirst
    head = _header(lines, keep, page, known_title, trusted)
    # 6. paragraphs: title repeats, repeated paragraphs and pull quotes out; the author's bio out
    paragraphs = _paragraphs(lines, keep, page.meta, (head.title_index, head.standfirst_index), head.title, removed,
                             cells=(votes or {}).get("table_cells") or frozenset())
    paragraphs = _drop_lead_credits(_drop_author_bio(paragraphs, page.byline, removed), removed)
    # 7. dateline, standfirst, captions around the lead
    summary = lines[head.standfirst_index].text if head.standfirst_index is not None else None
    paragraphs, dateline, summary, source = _around_the_lead(paragraphs, summary, head.source, removed)
    source = source or head.masthead  # a wire dateline's agency first: a menu's first line can name an outlet too
    published = head.published
    if published is None and md.dateline_date(dateline):
        published = parse_date(md.dateline_date(dateline))  # a wire or press-release dateline's date
    return {
        "credited": _reporting_credit(lines),
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


def _header(lines: list[ln.Line], keep: list[bool], page: "_PageMeta", known_title: str | None, trusted: bool) -> _Header:
    """Steps 3-5 of clean_lines: 3. the title (`known_title` from page metadata wins over a line);
    4. a standalone outlet name next to the title or a metadata line is the source, else (dumps only)
    the masthead; 5. a descriptive line right under the title (not article text itself) is the standfirst."""
    meta, published, first = page.meta, page.published, page.first
    if known_title:
        title_index, title = None, known_title
    else:
        title_index, first, published = _title_line(lines, meta, keep, page, first)
        title = _title_text(lines[title_index].text) if title_index is not None else None
    source = _outlet_beside(lines, meta, title_index, first, page.source)
    masthead = None if trusted or source else _masthead(lines, meta, title_index, first)
    standfirst_index = _standfirst_after(lines, meta, keep, title_index, first)
    return _Header(title_index, title, published, source, masthead, standfirst_index)


def _published_unsure(page: "_PageMeta", published: str | None) -> bool:
    """The published date is one unlabelled date line among others of other days (an infobox's, a
    timeline's, teasers' dates): not sure to be the article's (clean(), _html_published)."""
    return bool(page.published_bare and published is not None
                and len({day[:10] for _, day in page.published_lines}) > 1)


def _reporting_credit(lines: list[ln.Line]) -> list[str]:
    """The names of the last closing credit line "(Reporting by A in Oslo and B; Editing by C)"
    (vocabulary.REPORTING_CREDIT), without their desk cities; [] when there is none."""
    for line in reversed(lines):
        if line.reason == "credits" and (m := v.REPORTING_CREDIT.match(line.text)):
            return md.authors(v.CREDIT_PLACE.sub("", m.group("names")))
    return []


def _classified_lines(texts: list[str], votes: dict | None) -> tuple[list[ln.Line], list]:
    """Before step 1 of clean_lines: the classified lines with their section marks (teasers, captions
    said twice, cut headlines), and each line's section kind (asked once: marking and the closing
    headings read it; a table cell's kind from the HTML votes)."""
    lines = ln.classify(texts)
    kinds = sections.line_kinds(lines)
    if votes is not None:
        kinds = voting.cell_kinds(lines, kinds, votes.get("table_cells") or set())
    lines = sections.mark_read_more_teasers(sections.mark(lines, kinds))
    return sections.mark_doubled_captions(sections.mark_cut_headlines(lines)), kinds


def _title_line(
    lines: list[ln.Line], meta: list[bool], keep: list[bool], page: _PageMeta, first: int
) -> tuple[int | None, int, str | None]:
    """Step 3 of clean_lines, without a metadata title: (the headline's line or None, the first
    article line, the published date). The line a browser-tab title line ("Headline - Site")
    repeats; else the header line whose content words best match the article's, not a subheading
    the article repeats (a table of contents); then the line over the header's date and byline,
    the headline over the byline line (_headline_over_byline), the headline over a dek, and the fallbacks. Taking a header line out of `keep` may move `first`;
    a date between the headline and the article beats a masthead's date above the headline."""
    title_index = _tab_title_echo(lines, meta, keep, first)
    body_words = None
    if title_index is None:
        title_index, body_words = _best_header_line(lines, meta, keep, first)
    title_index, first = _title_over_header(lines, meta, keep, first, title_index)
    title_index, first = _headline_over_byline(lines, meta, keep, first, title_index)
    if title_index is not None:
        title_index = _headline_over_dek(lines, meta, keep, title_index, first, body_words)
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
        item = _list_item(line.text)  # a menu or list item: scored without its marker, and weak
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
        if score < best or md.is_caption(line.text, before_lead=False):
            continue
        if later_heads is None:
            later_heads = _article_subheads(lines, keep)
        if ln.key(line.text) not in later_heads:
            title_index, best = i, score
    return title_index, body_words


def _title_over_header(
    lines: list[ln.Line], meta: list[bool], keep: list[bool], first: int, title_index: int | None
) -> tuple[int | None, int]:
    """(title line, first article line) once the first article line over the header's date and
    byline lines is weighed: it is the headline (when none was found above it, or a menu's list item
    was) or the standfirst under the headline, not the lead; it leaves `keep` either way."""
    header = _line_over_header_meta(lines, meta, keep, first)
    if header is None or (title_index is not None and title_index >= header):
        return title_index, first
    if (title_index is None or _list_item(lines[title_index].text)) and header_line_is_title(lines[header]):
        title_index = header  # a menu's list item above scored well; the header's line is the headline
    elif title_index is None:
        title_index = _headline_over_standfirst(lines, meta, header)
    keep[header] = False
    return title_index, next((i for i, k in enumerate(keep) if k), len(lines))


_HEADLINE_KINDS = frozenset((ln.SHORT, ln.PROSE))  # "Faker wins again!" is prose to the classifier


def _byline_line(lines: list[ln.Line], meta: list[bool], first: int) -> int | None:
    """The header's first byline line above the article or up to _HEADER_REACH lines into it (the run
    may start with the headline and its dek): a metadata line that gives a byline ("By Jane Doe on
    March 4, 2024", "by: Jane Doe"), a byline label alone over the names ("By" / "Jane Doe") or the first
    of a journal's list of authors (_author_list); None when there is none."""
    for i in range(min(first + _HEADER_REACH + 1, len(lines))):
        if not meta[i]:
            continue
        text = lines[i].text
        fact = lines[i].meta
        if (fact is not ln.UNASKED and fact[1] and fact[1][0]) or (
                len(text) <= _MAX_BYLINE_LABEL and v.BYLINE_LABEL.match(text)) or _author_item(text):
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
    if len(gap) <= _HEADER_GAP_LINES and all(meta[j] or lines[j].kind == "boilerplate" for j in gap):
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
    not just above it (that one is the headline and the line under it its dek). Not a list item, an
    outlet's name, a person's name, a caption or a link row; else `title_index`."""
    byline = _byline_line(lines, meta, first)
    if byline is None:
        return title_index
    for i in range(byline - 1, max(byline - 1 - _HEADER_REACH, -1), -1):
        line = lines[i]
        if meta[i] or line.kind == "boilerplate":
            continue
        text = line.text
        if not header_line_is_title(line):
            if line.n > _HEADER_LINE_MAX_WORDS or not (line.kind == ln.PROSE or line.terminal):
                return title_index
            found = _headline_over_standfirst(lines, meta, i)  # a standfirst between headline and byline
            return title_index if found is None else found
        if (line.kind not in _HEADLINE_KINDS or md.LIST_ITEM.match(text) or md.looks_like_outlet(text)
                or md.standalone_name(text) or v.NAV_SEPARATOR.search(text) or md.is_caption(text, before_lead=True)):
            return title_index
        just_above = title_index is not None and i - _HEADER_REACH <= title_index < i
        return title_index if just_above else i
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
    anchor = next((i for i in range(min(first + _HEADER_REACH + 1, len(lines))) if meta[i]), None)
    if anchor is None:
        return None, first
    above = [i for i in range(anchor - 1, max(anchor - 1 - _HEADER_REACH, -1), -1)
             if not meta[i] and lines[i].kind != "boilerplate"][:2]
    if above and lines[above[0]].n > _SENTENCE_HEADLINE_MAX_WORDS and lines[above[0]].n <= _HEADER_LINE_MAX_WORDS:
        above = above[1:]  # the standfirst between the headline and the date
    if not above:
        return None, first
    i, text = above[0], lines[above[0]].text
    stops = sum(text.count(end) for end in ".?!")
    if (i == 0 or lines[i].n > _SENTENCE_HEADLINE_MAX_WORDS or lines[i].n < _TAB_TITLE_MIN_WORDS or not text[:1].isupper()
            or not 1 <= stops <= _SENTENCE_HEADLINE_MAX_STOPS or (stops == 1 and not _title_cased(text.split()))
            or md.LIST_ITEM.match(text)
            or md.looks_like_outlet(text) or md.standalone_name(text) or md.is_caption(text, before_lead=True)
            or v.NAV_SEPARATOR.search(text)):
        return None, first
    if keep[i]:
        keep[i] = False
        first = next((j for j in range(i, len(keep)) if keep[j]), len(keep))
    return i, first


def _title_text(title: str) -> str | None:
    """The headline line's text without a dump's list marker ("* Headline") or a breadcrumb trail
    ("You are here: Home / Baby / Headline", "Home > News > Headline": the trail's last part)."""
    if item := _list_item(title):
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


def _outlet_beside(
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


def _masthead(lines: list[ln.Line], meta: list[bool], title_index: int | None, first: int) -> str | None:
    """Step 4 of clean_lines on a text dump: its first line, above the headline and the article,
    when it names an outlet ("Example Courier") in MASTHEAD_MIN_WORDS words or more and is no menu
    item ("* News") or promo (first word in PROMO_IMPERATIVES), however many menu lines stand between it and the headline; it becomes
    metadata (`meta` in place). The source when no outlet beside the title or wire agency names one."""
    if first == 0 or title_index == 0 or meta[0] or lines[0].kind == "boilerplate":
        return None
    text = lines[0].text
    words = text.split()
    if md.LIST_ITEM.match(text) or sum(word[:1].isalpha() for word in words) < MASTHEAD_MIN_WORDS:
        return None
    if words[0].casefold() in v.PROMO_IMPERATIVES:  # "Discover Example News": a promo, not the name
        return None
    if not md.looks_like_outlet(text):
        return None
    meta[0] = True
    return text


def _paragraphs(
    lines: list[ln.Line], keep: list[bool], meta: list[bool], skipped: tuple, title: str | None,
    removed: Counter, cells: set[str] | frozenset = frozenset(),
) -> list[str]:
    """Step 6 of clean_lines: the kept lines' texts, without the lines in `skipped` (title and
    standfirst), copies of the title, repeated paragraphs (not a table's cells: `cells`, voting.candidates'
    "table_cells"; a value two rows share is the table's data) and pull quotes (a display line whose words
    are a passage of the article's prose); what is dropped is counted in `removed` by reason."""
    title_key = ln.key(title) if title else None
    paragraphs: list[str] = []
    seen: set[str] = set()
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
            removed[_META if meta[i] else _reason(line)] += 1
            continue
        k = text.casefold()
        if k in seen and not (cells and voting.norm(text) in cells):
            removed["repeated_paragraph"] += 1
            continue
        if line.kind != ln.PROSE and line.n >= _PULL_QUOTE_MIN_WORDS and not md.BULLET.match(text) \
                and not _plain_subheading(line):
            if prose_key is None:
                # key() works character by character: the key of the joined lines is the joined keys
                prose_key = ln.key("".join(x.text for x, k2 in zip(lines, keep) if k2 and x.kind == ln.PROSE))
            if ln.key(text) in prose_key:
                removed["pull_quote"] += 1
                continue
        seen.add(k)
        paragraphs.append(text)
    return paragraphs


def _around_the_lead(
    paragraphs: list[str], summary: str | None, source: str | None, removed: Counter
) -> tuple[list[str], str | None, str | None, str | None]:
    """Step 7 of clean_lines: (paragraphs, dateline, standfirst, source). The dateline comes off the
    lead (a wire dateline's agency is the source when none is known); the paragraphs above the lead
    are a standfirst (restating the lead) or captions, and captions below it go too."""
    paragraphs = list(paragraphs)
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
    standfirst or a caption may come before the dateline's paragraph. Without a dateline the lead is
    the first paragraph unless it only restates the next one (then it is a standfirst)."""
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
                or v.CAPS_CREDIT_TAIL.search(paragraph)):
            break
    if len(paragraphs) >= 2:
        restated = paragraphs[0].count(" ") >= 7 and md.containment(paragraphs[0], paragraphs[1]) >= _STANDFIRST_CONTAINMENT
        return None, 1 if restated else 0
    return None, 0


_CLOSING_SECTIONS = frozenset(("teasers", "comments"))
_HEADER_REACH = 4  # lines between an article's date/byline line and its first line
_ANCHORED_MIN_WORDS = 40  # prose words an article under its own header needs to win
_CLOSED_MIN_WORDS = 80  # ... and one closed by a comments heading without a header


def _article_above_closing(lines: list[ln.Line], kinds: list[str | None], start: int, end: int) -> tuple[int, int]:
    """[start, end) of the article: the densest run, unless it starts below a closing heading (a
    comments heading, a related/latest/most-read heading: sections.heading_kind) with an article
    above it. That article is the densest run of the lines above the heading, with at least
    _ANCHORED_MIN_WORDS prose words under its own header (a date or byline line at most _HEADER_REACH
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
        if prose >= _ANCHORED_MIN_WORDS and any(_header_line(x.text) for x in lines[max(0, s - _HEADER_REACH): s]):
            return s, e
    return start, end


_INLINE_BOX_MAX_ITEMS = 8  # link lines under an inline "Related stories" heading inside the article


def _end_across_inline_boxes(lines: list[ln.Line], end: int) -> int:
    """The run's end moved past an inline box of links to other stories (a "Related"/"Read more"-type
    heading and at most _INLINE_BOX_MAX_ITEMS bullet items) when the article's prose resumes right
    under it: news sites put such boxes between two paragraphs of the article."""
    while end < len(lines) and (_opens_teaser_box(lines[end].text) or _signup_box(lines, end)):
        j = end + 1
        while j < len(lines) and j - end <= _INLINE_BOX_MAX_ITEMS and (
                md.BULLET.match(lines[j].text) or _signup_box(lines, j)):
            j += 1
        if j == end + 1 or j >= len(lines) or lines[j].kind != ln.PROSE:
            break
        while j < len(lines) and lines[j].kind in ln.CONTENT_KINDS:
            j += 1
        end = j
    return end


def _signup_box(lines: list[ln.Line], i: int) -> bool:
    """A line of an inline newsletter box: its heading or pitch (sections: "signup") or a promo line."""
    return lines[i].reason in ("signup", "promo")


def _opens_teaser_box(text: str) -> bool:
    return len(text) <= 60 and (v.END_MARKER.match(text) is not None or sections.heading_kind(text) == "teasers")


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
    lie above it: what a dump holds after the page's footer is hidden panels, modals and script text."""
    words = 0
    for i in range(start, end):
        line = lines[i]
        if line.reason == "copyright" and words >= _ANCHORED_MIN_WORDS and _RIGHTS_RESERVED.search(line.text):
            return i
        words += line.n if line.kind == ln.PROSE else 0
    return end


_LINK_LIST_BELOW = 2  # items of a list that go on below the run's end


def _end_before_link_list(lines: list[ln.Line], start: int, end: int) -> int:
    """The run's end moved up above a bulleted list it cuts in two: when the list goes on below the
    run for at least _LINK_LIST_BELOW more items and the items inside the run are headlines (none ends
    a sentence with a full stop, at least half are headline-shaped: "* Kraken vs. Coinbase: How Do They
    Compare?"), the list is a list of links to other pages that the run swallowed because a few of its
    headlines read as prose; an article's own list ends where the article does."""
    i = end
    while i > start and md.BULLET.match(lines[i - 1].text):
        i -= 1
    items = [lines[j].text.split(None, 1)[1] for j in range(i, end)]
    if len(items) < 2 or any(item.rstrip("\"'”’)").endswith(".") for item in items):
        return end
    below = end
    while below < len(lines) and below - end < _LINK_LIST_BELOW and md.BULLET.match(lines[below].text):
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
    if not _person_name(text):
        return False
    bio = _BIO_OPENING.match(below) or _FIRST_PERSON_BIO.match(below)
    names = text.split()
    return bio is not None and (names[0] in bio.group("name").split() or names[-1] in bio.group("name").split())


_LEAD_GAP_MAX = 12  # short lines (a table of contents, a list) between the lead and the run
_LEAD_MIN_WORDS = 15


def _lead_above_run(lines: list[ln.Line], start: int) -> int:
    """The run's start moved up to a prose paragraph above it when only short lines (a table of
    contents, a list, a code line; no chrome line, no comments heading) separate them: the lead of
    a tutorial or list article ("In this article, I'll explain ...") over its list."""
    i = start - 1
    while i >= 0 and start - i <= _LEAD_GAP_MAX and lines[i].kind == ln.SHORT and not lines[i].hard_end:
        i -= 1
    if i >= 0 and i < start - 1 and lines[i].kind == ln.PROSE and lines[i].n >= _LEAD_MIN_WORDS:
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
    heading ("ETYMOLOGY:", "Results:"; _label_heading) over the run's first line, and above it pairs of
    a label and the sentence it labels ("MEANING:" / "adjective: Overly sentimental.")."""
    if start < 1 or not _label_heading(lines, start - 1):
        return start
    start -= 1
    while start >= 2 and lines[start - 1].kind in ln.CONTENT_KINDS and _label_heading(lines, start - 2):
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


_ROLE_LINE_MATCH = last_char_gate(v.ROLE_LINE)  # v.ROLE_LINE.match where the line's last character allows


def _meta_facts(text: str) -> tuple:
    """(dates, byline, source label, staff-role line) of a short line, as the metadata loop of
    clean_lines reads them: dates (date_line or _list_or_byline_date; both need a digit, so one test
    skips the many menu and list lines), md.byline, then md.source_label when there is no byline,
    then whether it is a staff-role line ("Business reporter", at most 60 characters) or an author link
    ("Search for this author in:", vocabulary.AUTHOR_LINK) when neither: the bare name above is the byline."""
    digit = has_digit(text)  # _DIGIT.search(text), asked once
    dates = (date_line(text) or _list_or_byline_date(text)) if digit else None
    found = md.byline(text)
    if dates is None and found is None and ", " in text and digit and (glued := _GLUED_DATE.search(text)) \
            and _named(text[:glued.start() + 1]):  # (the glued date holds ", ": "November 6, 2023")
        # "Shana Nys DambrotNovember 6, 2023": a byline name and its date run together (one link each)
        dates, found = date_line(text[glued.start() + 1:]), (text[:glued.start() + 1], None)
    label = None if found else md.source_label(text)
    role = not found and not label and len(text) <= 60 and (
        _ROLE_LINE_MATCH(text) is not None or ("thor" in text.casefold() and v.AUTHOR_LINK.match(text) is not None))
    return dates, found, label, role


_SLASH_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")


def _page_day_order(published: str | None, published_lines: list[tuple[int, str]], lines: list[ln.Line]) -> str | None:
    """The published date read again when it came from an ambiguous slashed date ("12/04/2020",
    read month-first) and the page's other slashed dates show the page writes the day first
    ("14/04/2020" under the comments): the page's own order decides, not a default."""
    if not published or len(published) < 10:
        return published
    line = next((lines[i].text for i, d in published_lines if d[:10] == published[:10]), None)
    m = _SLASH_DATE.search(line) if line else None
    if m is None or int(m.group(1)) > 12 or int(m.group(2)) > 12 or m.group(1) == m.group(2):
        return published
    votes = Counter()
    for other in lines:
        if "/" in other.text and len(other.text) <= 200:
            for a, b, _ in _SLASH_DATE.findall(other.text):
                votes["day"] += int(a) > 12 >= int(b)
                votes["month"] += int(b) > 12 >= int(a)
    month_first_read = published[5:7] == f"{int(m.group(1)):02d}"
    if votes["day"] == votes["month"] or (votes["day"] > votes["month"]) != month_first_read:
        return published
    return f"{published[:5]}{published[8:10]}-{published[5:7]}{published[10:]}"  # month and day swapped


_MONTH_NAMES = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
                r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)")
# an outlet's name (1-5 capitalised words) and a date on a header line; the date may have a name after it
_NAMED_DATE_REACH = 12  # lines above the article's first line (a page's teaser lists sit further up)
_NAMED_DATE = re.compile(
    r"^(?P<name>[A-Z][\w'’.&-]*(?: [A-Z][\w'’.&-]*){0,4}),? (?P<date>(?:" + _MONTH_NAMES + r"\.? \d{1,2},? \d{4}|"
    r"\d{1,2} " + _MONTH_NAMES + r"\.?,? \d{4}|\d{1,2}[/.]\d{1,2}[/.]\d{4})\b.*)$"
)
_NAME_AFTER_DATE = re.compile(r"(?:\d{4}|[AaPp]\.?[Mm]\.?)\s+(?P<name>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){1,3})$")


def _named_date(text: str) -> tuple | None:
    """(dates, byline found, source) of a header line holding an outlet's name and a date ("City News
    March 3, 2021, 8:05 AM", "The Daily Courier 02/10/2020 Jane Roe"), else None: the outlet is
    the source, a person's name after the date the byline. A dump runs the credit line's links together
    with spaces. (A capitalised phrase before the date is not taken for a person's: section labels and
    teaser headlines have that shape, "Original Research 7 April 2020".)"""
    m = _NAMED_DATE.match(text) if len(text) <= 120 and _DIGIT.search(text) else None
    if m is None or not md.looks_like_outlet(m.group("name")):
        return None
    name, rest = m.group("name"), m.group("date")
    dates = date_line(rest)
    if dates is None:
        return None
    after = _NAME_AFTER_DATE.search(rest)
    person = after.group("name") if after and _named(after.group("name")) else None
    return dates, ((person, name) if person else None), (None if person else name)


# a lower-case letter right before a month name and day (class first: the regex engine skips ahead)
_GLUED_DATE = re.compile(
    r"[a-z](?=" + _MONTH_NAMES + r"\.? \d{1,2}, \d{4})"
)
_DAY_NUMBER = re.compile(r"(?<![(\d])\d{1,2}(?![)\d])")
_DIGIT = re.compile(r"\d")


def _list_or_byline_date(text: str) -> tuple[str | None, str | None] | None:
    """The dates of a date line in a dump's list ("* Aug. 16, 2020") or of a byline line that carries
    its date ("By Jane Doe on July 27, 2017", "Posted on May 4, 2020 by Jane Doe"), else None."""
    if _DIGIT.search(text) is None:
        return None  # every date has a digit
    item = md.LIST_ITEM.match(text)
    if item:  # with a day: "* October 2019 (1)" is an archive link
        return date_line(text[item.end():]) if _DAY_NUMBER.search(text) else None
    for part in md.byline_date_parts(text) if ("by" in text or "By" in text) else ():
        found = date_line(part)
        if found:
            return found
    return None


_BIO_OPENING = re.compile(
    r"^(?P<name>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}) (?:is|was|has|had|writes|covers|lives|joined|holds)\b"
)


def _drop_author_bio(paragraphs: list[str], byline: str | None, removed: Counter) -> list[str]:
    """The paragraphs without the author's bio: in the second half of the article (an author box
    under it), a paragraph that opens with the byline's name, first name or surname and a verb of a
    bio ("Jake is the co-founder of ...", "Jacob Wade has covered ..."); counted as ``author_bio``."""
    names = set()
    authors = md.authors(byline)
    for name in authors:
        words = name.split()
        names.update((name, words[0], words[-1]) if len(words) > 1 else (name,))
    if paragraphs and (_closing_bio(paragraphs) or _desk_bio(paragraphs)):
        removed["author_bio"] += 1
        paragraphs = paragraphs[:-1]
    if not names:
        return paragraphs
    if len(paragraphs) >= 3 and _opening_bio(paragraphs[0], authors):
        removed["author_bio"] += 1
        paragraphs = paragraphs[1:]
    half = len(paragraphs) // 2
    out = paragraphs[:half]
    for paragraph in paragraphs[half:]:
        m = _BIO_OPENING.match(paragraph)
        if m and m.group("name") in names:
            removed["author_bio"] += 1
            continue
        out.append(paragraph)
    return out


_CREDIT_LINE_MAX_WORDS = 5
_LEAD_CREDIT_REACH = 3  # the paragraphs above the lead a credit line may sit in


def _drop_lead_credits(paragraphs: list[str], removed: Counter) -> list[str]:
    """The paragraphs without a desk credit alone on its line at the top of the article (the first
    _LEAD_CREDIT_REACH paragraphs: above the lead, or under a lead photo's caption; vocabulary.DESK_CREDIT:
    "Staff Report", "Metro Desk", "GT Report", "Agencies"). Counted as ``credits``; the line is kept when it
    is the only paragraph. (An agency's name alone over its dateline, "CNN" over "WASHINGTON (CNN) — ...",
    was tried too: docs/measurements.md, seventh session.)"""
    head = paragraphs[:_LEAD_CREDIT_REACH]
    kept = [paragraph for paragraph in head if not _credit_line(paragraph)] if len(paragraphs) > 1 else head
    if len(kept) < len(head):
        removed["credits"] = removed.get("credits", 0) + len(head) - len(kept)
    return kept + paragraphs[_LEAD_CREDIT_REACH:]


def _credit_line(paragraph: str) -> bool:
    """A short line, no sentence, that is a desk credit (vocabulary.DESK_CREDIT). Words are counted up to one
    past the limit (a lead paragraph is not split whole)."""
    return (len(paragraph.split(maxsplit=_CREDIT_LINE_MAX_WORDS)) <= _CREDIT_LINE_MAX_WORDS
            and not ln.is_terminal(paragraph)
            and v.DESK_CREDIT.match(paragraph.strip()) is not None)


def _without_byline_lines(paragraphs: list[str], authors: list[str], removed: dict) -> list[str]:
    """The paragraphs without a byline line left at the top of the body (the first _LEAD_CREDIT_REACH
    paragraphs): an author the record names, alone or with a role title or a handle and nothing else
    (metadata.byline_credit: "Jane Doe, AP Sports Writer", "Jane Doe @janedoe"). Counted as ``metadata``."""
    if not authors:
        return paragraphs
    out = [p for p in paragraphs[:_LEAD_CREDIT_REACH] if not any(md.byline_credit(p, name) for name in authors)]
    out += paragraphs[_LEAD_CREDIT_REACH:]
    if not out or len(out) == len(paragraphs):
        return paragraphs
    removed[_META] = removed.get(_META, 0) + len(paragraphs) - len(out)
    return out


_NUMBERED_ITEM = re.compile(r"^\d{1,3}[.)]\s+(?=\S)")


def _list_item(text: str) -> re.Match | None:
    """The marker of a dump's list item: "* ", "+ ", "- ", or a number ("2. Other Sciences", a breadcrumb's or ranked list's)."""
    return md.LIST_ITEM.match(text) or _NUMBERED_ITEM.match(text)


def _opening_bio(paragraph: str, authors: list[str]) -> bool:
    """The author box above the article: the first paragraph opens with an author's full name and a
    bio verb and holds a bio's wording ("Jacob Wade is a personal finance expert who has covered ...")."""
    m = _BIO_OPENING.match(paragraph)
    return m is not None and m.group("name") in authors and v.BIO_WORDING.search(paragraph) is not None


def _closing_bio(paragraphs: list[str]) -> bool:
    """The last paragraph is a contributor's bio: it opens with a full name the article never used and
    a bio verb, and holds a bio's wording ("Candice Sealey is the Founder & Principal Consultant at
    ...", vocabulary.BIO_WORDING). A person the article is about is named before its last paragraph."""
    m = _BIO_OPENING.match(paragraphs[-1])
    if m is None or " " not in m.group("name") or len(paragraphs) < 3:
        return False
    name = m.group("name")
    return v.BIO_WORDING.search(paragraphs[-1]) is not None and not any(name in p for p in paragraphs[:-1])


_DESK_BIO = re.compile(
    r"^(?P<subject>(?:Our |The )?[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){1,3})(?: (?:at|of|for) [^,;]{1,60}?)? "
    r"(?:is|are) (?:a|an|the|made up|composed|committed|dedicated)\b"
)


def _desk_bio(paragraphs: list[str]) -> bool:
    """The last paragraph presents a desk, not the article ("Our Editorial Staff at St. Lucia Times is a
    team publishing news ..."): its subject is a desk or staff credit (vocabulary.DESK_CREDIT) of two or
    more capitalised words."""
    m = _DESK_BIO.match(paragraphs[-1])
    return len(paragraphs) >= 3 and m is not None and v.DESK_CREDIT.match(m.group("subject")) is not None


def _header_line(text: str) -> bool:
    """A date line or a byline line (an article's header), also as a list item: a dump writes a
    header's list of facts ("* Jane Doe", "* Monday 4 March 2024") with list markers."""
    if md.BULLET.match(text):
        text = text.split(None, 1)[1]
    return len(text) <= 120 and (date_line(text) is not None or md.byline(text) is not None)


def _keep_inner_structure(lines: list[ln.Line], keep: list[bool], start: int, end: int) -> None:
    """Short lines inside the article run that are article structure, not chrome (plain text):
    a subheading (2-10 words, capitalised, no sentence end) between two prose paragraphs; a bullet
    item ("• ...", "- ...") in a list that follows article text; the short line introducing it ("...:");
    Title Case subheadings when the article has several (_subheading, _TITLE_CASE_HEADINGS_MIN)."""
    in_article = False
    title_case: list[int] = []  # Title Case headings, kept only when the article has several
    for i in range(start, end):
        line = lines[i]
        if keep[i]:
            in_article = True
        elif in_article and line.kind == ln.SHORT:
            text = line.text
            if md.BULLET.match(text):
                if (line.n >= 3 and not _is_ui(text.split(None, 1)[1]) and not _under_teaser_heading(lines, i, start)
                        and not _inline_link_box(lines, i, end)):
                    keep[i] = True
            elif _numbered_heading(lines, i, end):
                keep[i] = True  # in a list article, after article text
            elif _colon_intro(line) and keep[_before_chrome(lines, i, start)] and i + 1 < end and keep[i + 1]:
                keep[i] = True  # "The harbour master gave three reasons:" over the quote or paragraph it introduces
            elif (
                i + 1 < end
                and keep[before := _before_chrome(lines, i, start)]
                and (not md.BULLET.match(lines[before].text) or lines[before].kind == ln.PROSE)
            ):
                found = (text.endswith(":") and line.n >= 3 and md.BULLET.match(lines[i + 1].text) is not None
                         ) or _label_heading(lines, i) or _subheading(lines, i, end, before)
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


def _subheading(lines: list[ln.Line], i: int, end: int, before: int) -> bool | str:
    """Whether the short line at i is a subheading over the paragraph under it (_under_heading): True,
    False, or _TITLE_CASE for a Title Case line set right between two prose paragraphs, which would be
    a promo headline on its own ("Dredging the Outer Channel") and is a section heading when the article
    has _TITLE_CASE_HEADINGS_MIN of them: an article's sections recur, another story's headline seldom
    does three times between paragraphs without a link label or list marker."""
    line = lines[i]
    text = line.text
    if not (  # the line's own tests first: the line it heads is looked for only then
        text.lstrip(_OPENING_QUOTES)[:1].isupper()  # "“Rez Infinite” ($30)": a quoted title
        and not text.endswith((":", ",", ";"))
        and (2 <= line.n <= _SUBHEAD_MAX_WORDS or (before == i - 1 and _long_subheading(line))
             or _one_word_heading(line, lines[before]))
        and (under := _under_heading(lines, i, end)) is not None
    ):
        return False
    if _subheading_shaped(text, lines[under].text) or _list_heading(lines, under, end):
        return True
    between = before == i - 1 and under == i + 1 and lines[before].kind == ln.PROSE and lines[before].terminal
    if not between or line.n > _TITLE_CASE_MAX_WORDS or any(c in text for c in _CREDIT_MARKS):
        return False  # a caption ("Jane Doe: Harbour at dusk", "Photo by A/Agency") or a teaser's long headline
    return _TITLE_CASE if _subheading_shaped(text, lines[under].text, title_case=True) else False


_INTRO_MIN_STOP = 0.15  # an introducing clause has function words ("She said it twice:"), a label few ("Results:")


def _colon_intro(line: ln.Line) -> bool:
    """A short clause that introduces what follows ("The harbour master gave three reasons:", "The output
    looks like this:"): a short line of 3 words or more ending in a colon, function words among them,
    capitalised, no interface label ("Share this:") and no label of a box of links ("More on the vote:")."""
    text = line.text
    return (line.kind == ln.SHORT and line.n >= 3 and text.endswith(":") and line.stop >= _INTRO_MIN_STOP
            and text.lstrip(_OPENING_QUOTES)[:1].isupper() and not _is_ui(text) and not _opens_teaser_box(text))


_SUBHEAD_LONG_WORDS = 14  # a sentence-long subheading ("Why the harbour board chose to dredge before the storms")
_QUOTED_PHRASE = re.compile(r"(?:^|\s)[\"'‘“«]")


def _long_subheading(line: ln.Line) -> bool:
    """A subheading candidate of _SUBHEAD_MAX_WORDS + 1 to _SUBHEAD_LONG_WORDS words without a quoted
    phrase: a section heading written as a sentence; a headline of another story dropped into the
    article quotes someone more often than not ("Mayor says 'no regrets' over the harbour vote"), and
    one under a link label ("Read More") is such a headline (the caller asks for no chrome line above)."""
    return _SUBHEAD_MAX_WORDS < line.n <= _SUBHEAD_LONG_WORDS and _QUOTED_PHRASE.search(line.text) is None


_BETWEEN_MAX_WORDS = 6  # a photo credit or a second-level heading between a subheading and its paragraph


def _under_heading(lines: list[ln.Line], i: int, end: int) -> int | None:
    """The line a subheading candidate at i heads: a prose paragraph, a bullet item or a numbered
    heading right under it, or one such paragraph under one short line in between (a photo credit
    or a second-level heading: "Costs" / "Dredging the outer channel" / paragraph); None when there is none."""
    for j in (i + 1, i + 2):
        if j >= end:
            return None
        below = lines[j]
        if below.kind == ln.PROSE or (j == i + 1 and (md.BULLET.match(below.text) or _numbered_heading(lines, j, end))):
            return j
        if below.kind != ln.SHORT or below.n > _BETWEEN_MAX_WORDS or md.BULLET.match(below.text):
            return None  # a longer short line there is a teaser's headline, not a credit or a heading
    return None


_LINK_BOX_MAX_ITEMS = 3


def _inline_link_box(lines: list[ln.Line], i: int, end: int) -> bool:
    """The bullet at i is one of 1-3 headline-shaped items (no sentence end) set between two prose
    paragraphs, the one above not introducing them with a colon: links to other stories dropped into
    the article ("* One virus, two Americas"), not a list of the article's own."""
    first = i  # both walks stop one step past the largest box: a longer list is the article's
    while first > 0 and i - first <= _LINK_BOX_MAX_ITEMS and md.BULLET.match(lines[first - 1].text):
        first -= 1
    last = i
    while last + 1 < end and last - i <= _LINK_BOX_MAX_ITEMS and md.BULLET.match(lines[last + 1].text):
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
    while j > start and i - j <= _INLINE_BOX_MAX_ITEMS and md.BULLET.match(lines[j].text):
        j -= 1  # a longer list is not an inline box (and the walk stays short on hostile input)
    return _opens_teaser_box(lines[j].text)


def _keep_dump_structure(lines: list[ln.Line], keep: list[bool], start: int, end: int) -> None:
    """The article's structured parts a plain-text dump flattens into short lines the densest run
    [start, end) leaves out: a recipe card, code blocks, embedded tweets, data tables, the list a
    closing paragraph introduces (each pass below says its evidence)."""
    _keep_recipe(lines, keep, start, end)
    _keep_code_blocks(lines, keep, start, end)
    _keep_tweets(lines, keep, start, end)
    _keep_tables(lines, keep, start, end)
    _keep_closing_list(lines, keep, end)
    _keep_numbered_lists(lines, keep)


_TABLE_MIN_ROWS = 3
_TABLE_MAX_ROWS = 30


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
    numbered = sum(_DIGIT.search(row.text) is not None for row in rows)
    sizes = sorted(row.n for row in rows)
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
        bullet = md.BULLET.match(line.text) is not None
        if prose and not (line.kind in ln.CONTENT_KINDS or bullet or _STEP_NUMBER.match(line.text)):
            break
        if not prose and line.kind == ln.PROSE and not bullet:
            break
        keep[i] = True
        i += 1
    return i


_INNER_CHROME_REACH = 2  # chrome lines ("Read more: ...", an ad label) between a paragraph and a subheading
_NUMBERED_HEADING = re.compile(r"^\d{1,2}[.)] ?[A-Z\"“‘'(]")


def _before_chrome(lines: list[ln.Line], i: int, start: int) -> int:
    """The line before i, skipping up to _INNER_CHROME_REACH boilerplate lines (not past start)."""
    j = i - 1
    while j > start and i - j <= _INNER_CHROME_REACH and lines[j].kind == "boilerplate":
        j -= 1
    return j


def _numbered_heading(lines: list[ln.Line], i: int, end: int) -> bool:
    """A numbered item heading of a list article ("3. Choose the Right Pot", "5) Kristi Dosh"): the
    number and 2-11 words without a sentence end, followed by a prose paragraph inside the article run."""
    line = lines[i]
    return (
        i + 1 < end
        and line.kind == ln.SHORT
        and 3 <= line.n <= 12
        and not line.terminal
        and _NUMBERED_HEADING.match(line.text) is not None
        and lines[i + 1].kind == ln.PROSE
    )


_LABEL_MAX_WORDS = 4


def _label_heading(lines: list[ln.Line], i: int) -> bool:
    """A label heading of a structured text ("Results:", "Study Design:") over the sentence
    or paragraph it labels: at most _LABEL_MAX_WORDS capitalised words and a colon."""
    text = lines[i].text
    return (text.endswith(":") and lines[i].n <= _LABEL_MAX_WORDS and text[:1].isupper()
            and lines[i + 1].kind in ln.CONTENT_KINDS and not _is_ui(text))


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
           and md.BULLET.match(lines[j].text) and not _item_is_chrome(lines[j].text.split(None, 1)[1])):
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


_LIST_NUMBER = re.compile(r"^(\d{1,3})[.)]\s+\S")
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
    return i > 0 and (lines[i - 1].reason == "teasers" or _opens_teaser_box(lines[i - 1].text))


def _list_number(line: ln.Line) -> int | None:
    if not line.text[:1].isdigit() or line.kind == "boilerplate" or len(line.text) > _NUMBERED_ITEM_MAX_CHARS:
        return None
    m = _LIST_NUMBER.match(line.text)
    return int(m.group(1)) if m else None


def _counts_on(numbers: list[int], number: int) -> bool:
    return not numbers or number in (numbers[-1] + 1, numbers[-1] - 1, 1)


def _opens_under_article(lines: list[ln.Line], keep: list[bool], i: int, numbers: list[int]) -> bool:
    """The block at i sits right under a kept prose line and counts from 1 up, or down (a countdown)."""
    return (i > 0 and keep[i - 1] and lines[i - 1].kind == ln.PROSE
            and (numbers[0] in (0, 1) or numbers[1] == numbers[0] - 1))


def _item_is_chrome(item: str) -> bool:
    """A list item that is an interface link or the post's metadata ("Author: Jane Doe", "Published: ...")."""
    return _is_ui(item) or md.byline(item) is not None or date_line(item) is not None


def _short_or_sentence(line: ln.Line) -> bool:
    return line.kind == ln.SHORT or line.kind == ln.SENTENCE


def _subheading_shaped(text: str, below: str = "", title_case: bool = False) -> bool:
    """Not a headline promo, photo credit/caption label, outlet or person's name, or a reader prompt.
    below: the paragraph under the line; a headline-shaped line whose content words it takes up is
    the heading of that section, not a promo for another story. title_case: a headline shape is
    allowed (the caller has other evidence: _subheading)."""
    words = text.split()
    # a Title Case promo headline; a short sentence-case heading ("What did not work") is fine
    if not title_case and md.headline_shaped(text) and (len(words) >= _PROMO_HEADLINE_MIN_WORDS or _title_cased(words)) \
            and not _section_heading_echo(text, below):
        return False
    if md.has_caption_trigger(text.casefold()) or md.looks_like_outlet(text):
        return False
    if words[0].casefold() in v.PROMO_IMPERATIVES:
        return False
    # "Jane Doe": capitalised words and no function word
    return not (md.standalone_name(text) and v.STOPWORDS.isdisjoint(w.casefold() for w in words))


_ECHO_MIN_WORDS = 2  # content words of a heading the paragraph under it repeats
_ECHO_SHARE = 0.5


def _section_heading_echo(heading: str, below: str) -> bool:
    """The paragraph under a headline-shaped line repeats at least _ECHO_MIN_WORDS and _ECHO_SHARE of
    its content words: it is that section's subheading ("Make a List of What You Own" over "Write
    down everything you own ... the list"), not a link to another story dropped into the article."""
    words = md.content_words(heading)
    shared = words & md.content_words(below)
    return len(shared) >= _ECHO_MIN_WORDS and len(shared) >= _ECHO_SHARE * len(words)


def _plain_subheading(line: ln.Line) -> bool:
    """A short capitalised line without a sentence end, quotation marks, a comma or a trailing colon
    ("Information from other users"): a subheading that names what the paragraphs under it say, never
    a pull quote, which is a sentence or a quotation lifted from the text (nor a fragment of one)."""
    text = line.text
    return (line.n <= _SUBHEAD_MAX_WORDS and not line.terminal and text[:1].isupper() and ", " not in text
            and not text.endswith((":", ",", ";", "-")) and not ln.has_quotes(text))


def _title_cased(words: list[str]) -> bool:
    """A capitalised long word after the first word: "Ferry Fares Rise", not "What did not work"."""
    return any(len(w) > 3 and w[:1].isupper() for w in words[1:])


_UI_LINE_MATCH = first_char_match(v.UI_LINE)  # v.UI_LINE.match, its branches bucketed by first character
_UI_PREFIX_MATCH = first_char_match(v.UI_PREFIX)


def _is_ui(text: str) -> bool:
    """Interface vocabulary once a list marker is stripped: "- Share on Facebook"."""
    if _UI_LINE_MATCH(text) or _UI_PREFIX_MATCH(text):
        return True
    words = ln.TOKEN.findall(text.casefold())
    return bool(words) and v.UI_WORDS.issuperset(words)


def _standfirst_after(
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
    if first >= len(lines) or lines[first].n > _HEADER_LINE_MAX_WORDS:
        return None
    saw_meta = False
    for i in range(first + 1, min(len(lines), first + _HEADER_GAP_LINES)):
        if keep[i]:
            return first if saw_meta and sum(keep[i:]) >= 2 else None
        saw_meta = saw_meta or meta[i]
    return None


def _headline_over_standfirst(lines: list[ln.Line], meta: list[bool], standfirst: int) -> int | None:
    """The headline over a standfirst that sits over the header's date/byline lines: the first line
    above it (chrome and metadata skipped, at most _HEADER_REACH lines) when it is headline-shaped
    (header_line_is_title) and not a list item, an outlet's name, a person's name or a link row."""
    for i in range(standfirst - 1, max(standfirst - 1 - _HEADER_REACH, -1), -1):
        line = lines[i]
        if meta[i] or line.kind == "boilerplate":
            continue
        text = line.text
        if (line.kind not in _HEADLINE_KINDS or not header_line_is_title(line) or md.LIST_ITEM.match(text)
                or md.looks_like_outlet(text) or md.standalone_name(text) or v.NAV_SEPARATOR.search(text)):
            return None
        return i
    return None


_SHORT_HEADLINE_WORDS = (2, 3)


def _short_headline_before(
    lines: list[ln.Line], meta: list[bool], keep: list[bool], first: int, byline: str | None
) -> int | None:
    """A two- or three-word headline ("Performant Python", "Team Budgets") right above the
    article (chrome and metadata skipped, at most _HEADER_REACH lines): capitalised, no sentence
    end, one of its content words in the article's first paragraphs (an author's name above the
    article has none); not a list item, an outlet's name, the byline, UI vocabulary, a link row or a
    line the page repeats.
    The last resort when no longer headline is found."""
    for i in range(first - 1, max(first - 1 - _HEADER_REACH, -1), -1):
        line = lines[i]
        if meta[i] or line.kind == "boilerplate":
            continue
        text = line.text
        if (line.kind != ln.SHORT or not _SHORT_HEADLINE_WORDS[0] <= line.n <= _SHORT_HEADLINE_WORDS[1]
                or not text[:1].isupper() or line.terminal or text.endswith((":", ",", ";"))
                or md.LIST_ITEM.match(text) or md.looks_like_outlet(text) or _is_ui(text)
                or v.NAV_SEPARATOR.search(text) or (byline and ln.key(text) == ln.key(byline))
                or sum(x.text == text for x in lines) > 1):  # a repeated line is a site's label
            return None
        head = md.content_words(_head_text(lines, keep, _TITLE_BODY_CHARS))
        return i if md.content_words(text) & head else None
    return None


def header_line_is_title(line: ln.Line) -> bool:
    """A headline-length line without a closing full stop ("What happens to the traders now?")."""
    return 3 <= line.n <= 20 and not line.text.rstrip("\"'”’»)").endswith((".", ",", ";", ":"))


def _refine(found: str | None, value: str | None) -> str | None:
    """The first date found, unless a later line gives the same day with a time (an edition date in the
    masthead, then "Published 12 March 2024, 06:40" over the article), or the same minute with seconds
    and an offset (a dump's naive "02:16" and the page's declared "02:16:47+00:00")."""
    if found is None:
        return value
    if value is not None and len(value) > len(found) and value.startswith(found):
        return value
    if value is not None and len(found) == 19 and found.endswith(":00") and value.startswith(found[:16]) and len(value) > 19:
        return value  # "17. Januar 2014 · 02:16" (naive, no seconds) and the markup's "2014-01-17T02:16:47+00:00"
    return found


def _declared_zone(found: str | None, declared: str | None) -> str | None:
    """The page's declared date-time over a text's one that gives the same wall-clock minute with another
    offset: the text's zone abbreviation was ambiguous ("IST" is India's +05:30 and Israel's +02:00;
    dateparser's table takes one), the markup's offset is the page's own. Else ``found``."""
    if found and declared and len(found) > 19 and len(declared) > 19 and found[:16] == declared[:16]:
        return declared if found[19:] != declared[19:] else found
    return found


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
    if any(lines[i].text == lines[title_index].text for i in range(max(0, above - _HEADER_REACH), above)):
        return title_index  # the page repeats the chosen line around the header: it is the headline, not a dek
    if _standfirst_after(lines, meta, keep, title_index, first) is not None:
        return title_index  # the chosen line has its own dek under it: it is the headline (a kicker above)
    # shorter headlines share fewer words with the article than their dek: any shared content word will do
    if body_words is None or md.title_score(text, body_words) <= 0.0:
        return title_index
    if _standfirst_after(lines, meta, keep, above, first) != title_index:
        return title_index
    return above


def _restates(paragraph: str, paragraphs: list[str], j: int) -> bool:
    """A standfirst: its words recur in one of the next two paragraphs."""
    if paragraph.count(" ") < 7:
        return False
    return any(
        md.containment(paragraph, later) >= _STANDFIRST_CONTAINMENT for later in paragraphs[j + 1 : j + 3]
    )


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
        if len(line.text) <= 300 and ln.key(line.text) in parts:
            return i
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
        elif seen_prose and line.n <= _SUBHEAD_MAX_WORDS:
            out.add(ln.key(line.text))
    return out


def _name_over_date(lines: list[ln.Line], meta: list[bool], keep: list[bool], first: int) -> str | None:
    """A bare byline name right above the header's date line, or above one short role/outlet line
    over it ("Jane Doe" / "Staff Engineer" / "March 8, 2024"), or co-authors' names on one line
    (_person_names); the date line may sit up to _HEADER_REACH lines into the article's first lines (a
    caption and standfirst the run starts with); the name line becomes metadata."""
    for i in range(1, min(first + _HEADER_REACH + 1, len(lines))):
        if not meta[i] or md.byline(lines[i].text) or not date_line(_header_item(lines[i].text, lines[i - 1].text)):
            continue
        middle = lines[i - 1]
        # "Jane Doe" / "The Daily Courier" / date: the upper of two names is the byline
        candidates = (i - 2, i - 1) if i >= 2 and not (meta[i - 1] or keep[i - 1]) else (i - 1,)
        for j in candidates:
            line = lines[j]
            if meta[j] or keep[j] or line.kind == "boilerplate":
                continue
            if j == i - 2 and (middle.kind == ln.PROSE or middle.n > 8 or middle.terminal):
                continue
            text = _header_item(line.text, lines[i].text)
            if _person_name(text) or _person_names(text):
                meta[j] = True
                return text
        # no name over this date line (a masthead's edition date): try the next date line
    return None


def _header_item(text: str, other: str) -> str:
    """A header line without its list marker when the line beside it (`other`: the date line, or the
    name line over a date line) is a list item too: a dump writes a header's list of facts with markers
    ("* Jane Doe" / "* Friday 8 March 2024"); a lone list item over a date stays a menu's or a list's."""
    item = md.LIST_ITEM.match(text)
    return text[item.end():] if item and md.LIST_ITEM.match(other) else text


_AUTHOR_LIST_MAX = 8  # names in a journal article's list of authors under its title
_FOOTNOTE_MARK = re.compile(r"(?<=[a-z])(?:\d{1,2}(?:,\d{1,2})*|[*†‡])$")  # "Jane Doe1", "Jane Doe*"


def _author_item(text: str) -> str | None:
    """A list item that is one author of a journal article's list ("* Jane Doe, PhD ,", "* Jane Doe1"):
    the name with its degree (metadata.name_suffix), without the marker, the trailing comma and the
    affiliation's footnote mark; None for other lines."""
    item = md.LIST_ITEM.match(text)
    if not item:
        return None
    rest = _FOOTNOTE_MARK.sub("", text[item.end():].rstrip(" ,"))
    name, _, degree = rest.partition(", ")
    if degree and not md.name_suffix(degree):
        return None
    return rest if _person_name(name) else None


def _journal_marks(text: str) -> bool:
    """An author item with a journal's marks: a degree, an affiliation's footnote mark or the list's
    trailing comma ("* Jane Doe, PhD ,", "* Jane Doe1"); a menu's "* Example Language" has none."""
    rest = text.rstrip()
    return rest.endswith(",") or _FOOTNOTE_MARK.search(rest.rstrip(" ,")) is not None or ", " in rest


def _author_list(lines: list[ln.Line], meta: list[bool], keep: list[bool], first: int) -> str | None:
    """The names of a journal article's list of authors: 1 to _AUTHOR_LIST_MAX list items, each an
    author (_author_item), one of them with a journal's marks (_journal_marks), right under the header's
    title or subtitle (a headline-shaped line) and not followed by another list item (a menu of names
    goes on); the items become metadata."""
    for i in range(1, first):
        if keep[i - 1] or meta[i - 1] or not header_line_is_title(lines[i - 1]) or md.LIST_ITEM.match(lines[i - 1].text):
            continue
        names = []
        j = i
        while j < first and len(names) <= _AUTHOR_LIST_MAX and (name := _author_item(lines[j].text)):
            names.append(name)
            j += 1
        marked = any(_journal_marks(lines[k].text) for k in range(i, j))
        if marked and len(names) <= _AUTHOR_LIST_MAX and not (j < len(lines) and md.LIST_ITEM.match(lines[j].text)):
            for k in range(i, j):
                meta[k] = True
            return ", ".join(names)
    return None


_COMMENT_HEADINGS = frozenset(("comment_heading", "comment_prompt"))


def _comments_start(lines: list[ln.Line], keep: list[bool]) -> int:
    """The first comments heading (a hard end: "12 Comments", "5 thoughts on “Title”") below the
    first article line, or len(lines): the reader comments start there."""
    first = next((i for i, k in enumerate(keep) if k), len(lines))
    return next((i for i in range(first + 1, len(lines))
                 if lines[i].hard_end and lines[i].reason in _COMMENT_HEADINGS), len(lines))


def _name_under_date(lines: list[ln.Line], meta: list[bool], keep: list[bool], first: int) -> str | None:
    """A bare byline name right under the header's date line, above the article ("June 19, 2019" /
    "Jane Roe" / the lead; the header may sit under a headline and standfirst the run holds);
    the name line becomes metadata."""
    for i in range(min(first + _HEADER_GAP_LINES, len(lines) - 1)):
        if meta[i] and not md.byline(lines[i].text) and date_line(lines[i].text):
            j, name = i + 1, lines[i + 1].text
            below = lines[j + 1] if j + 1 < len(lines) else None
            if (not (meta[j] or keep[j]) and lines[j].kind == ln.SHORT and _named(name)
                    and below is not None and below.kind != "boilerplate"):
                meta[j] = True  # not a newsletter's name over its "Subscribe" button
                return name
    return None


def _name_with_role(lines: list[ln.Line], meta: list[bool], keep: list[bool], first: int) -> str | None:
    """A byline name with its staff role on one header line ("Richard Adams Education editor",
    "Jane Doe Reporter"); the line becomes metadata."""
    for i in range(min(first + _HEADER_GAP_LINES, len(lines))):
        text = lines[i].text
        if meta[i] or keep[i] or len(text) > 60 or not v.ROLE_LINE.match(text):
            continue
        words = text.split()
        k = len(words) - 2 if len(words) >= 4 and words[-1].islower() else len(words) - 1  # the desk word goes too
        name = " ".join(words[:k])
        if k >= 2 and _named(name):
            meta[i] = True
            return name
    return None


_NAME_JOINER_LINE = frozenset(("and", "&", ",", "und", "et", "y"))
_MAX_LINKED_NAMES = 4


def _names_over_lines(lines: list[ln.Line], i: int) -> tuple[str, int]:
    """(the names, index of the last name line) of a byline whose names a dump put on lines of their
    own, joined by "and"/"&"/"," lines ("Ann Lee" / "and" / "Tom Hale" -> "Ann Lee and
    Tom Hale"); the name at i alone when no joiner line and name follow it."""
    names, last = [lines[i].text], i
    while (len(names) < _MAX_LINKED_NAMES and last + 2 < len(lines)
           and lines[last + 1].text.casefold() in _NAME_JOINER_LINE and _named(lines[last + 2].text)):
        names.append(lines[last + 2].text)
        last += 2
    return md.join_names(names), last


def _bio_name(lines: list[ln.Line]) -> str | None:
    """The name an author's bio line opens with ("Will Knight is a senior writer for WIRED ..."), when
    the page gives no byline."""
    for line in lines:
        if line.reason == "author_bio":
            m = _BIO_OPENING.match(line.text)
            if m and " " in m.group("name") and _person_name(m.group("name")):
                return m.group("name")
    return None


def _author_box_name(lines: list[ln.Line]) -> str | None:
    """The name an author box's label line gives ("About the Author - Florina Ionescu",
    vocabulary.AUTHOR_BOX_LABEL), when the page gives no byline."""
    for line in lines:
        m = v.AUTHOR_BOX_LABEL.match(line.text) if len(line.text) <= 80 else None
        if m and _named(m.group("name")):
            return m.group("name")
    return None


_COPYRIGHT_LINE_MAX_CHARS = 300


def _copyright_owner(lines: list[ln.Line]) -> str | None:
    """The person a site footer's copyright line names after "by" ("2009-2020 by Jane Roe",
    vocabulary.COPYRIGHT_BY), the page's last such line, when the page gives no byline: a personal
    site's author. A company ("by The Example Company", "by Dow Jones Media") is not a person's name."""
    for line in reversed(lines):
        text = line.text
        if len(text) > _COPYRIGHT_LINE_MAX_CHARS or " by " not in text or not _DIGIT.search(text):
            continue
        m = v.COPYRIGHT_BY.search(text)
        if m and _named(m.group("name")):
            return m.group("name")
    return None


def _named(text: str) -> bool:
    """A bare person's name that the authors list keeps whole (md.authors)."""
    return _person_name(text) and md.authors(text) == [text]


_NAMES_SEPARATOR = re.compile(r",\s+(?:and\s+)?|\s+(?:and|&)\s+")
_NAMES_MAX = 4


def _person_names(text: str) -> bool:
    """Two to _NAMES_MAX bare names on one line, each a _person_name ("Ibtisam Mahdi, Ruwaida Kamal Amer",
    "Jane Doe and John Smith"): co-authors' names, each a link, with no "By" before them."""
    parts = _NAMES_SEPARATOR.split(text)
    return 2 <= len(parts) <= _NAMES_MAX and all(len(p.split()) >= 2 and _person_name(p) for p in parts)


def _person_name(text: str) -> bool:
    """A bare name that is not a section label or outlet ("Local News", "Top Stories", "The Daily Courier")."""
    if text[:3].casefold() == "by " or not md.standalone_name(text) or md.looks_like_outlet(text) or md.outlet_word(text) or v.UI_LINE.match(text):
        return False
    return v.UI_WORDS.isdisjoint(w.casefold() for w in text.split()) and md.NAV_WORDS.isdisjoint(
        w.casefold() for w in text.split()
    )


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
        if not keep[i] and line.kind == ln.PROSE and line.n <= _HEADER_LINE_MAX_WORDS:
            return _headline_over_standfirst(lines, meta, i)  # a standfirst between headline and byline
        if keep[i] or not header_line_is_title(line) or md.looks_like_outlet(line.text):
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


def _reason(line: ln.Line) -> str:
    if line.kind == "boilerplate":
        return line.reason or "boilerplate"
    return "outside_article" if line.kind == ln.PROSE else "boilerplate"
