"""An HTML page's record fields from its markup, beside the text's: the declared title, published and
updated dates (JSON-LD, <meta>, <time>, date- and byline-classed elements, htmldate), and the date
refinement rules the metadata lines share (refine, declared_zone).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from workers.stages.clean import metadata as md
from workers.stages.clean import shapes as sh
from workers.stages.clean import vocabulary as v
from workers.stages.clean.dates import date_line, in_day_order, parse_date, swapped, to_utc
from workers.stages.clean.normalise import normalise_line

_META_PARTS = re.compile(r"\s+[|•·]\s+")


def clean_field(value) -> str | None:
    """A page metadata field as a normalised line (normalise.normalise_line); None when it is missing,
    not a string, or empty."""
    if not isinstance(value, str):
        return None
    value = normalise_line(value)
    return value or None


def header_fields(
    texts: list[str], day_order: str | None = None
) -> tuple[str | None, str | None, str | None, str | None]:
    """(published, updated, byline, source) from short article-meta texts of an HTML page. A byline
    element that carries a date other than the page's published day is a teaser's ("By Jane Doe Feb
    18, 2020 4 min read" in a list of other posts), not the article's. day_order "day": the page declares
    a day-first locale (dates.day_order), so an ambiguous slashed date ("05/03/2024") is read day-first."""
    published = updated = byline = source = None
    for i, text in enumerate(texts):
        if byline is None and v.BYLINE_LABEL.match(text) and i + 1 < len(texts) and md.authors(texts[i + 1]):
            byline = texts[i + 1]  # "By" / "Todd Bates": the label and the name in two elements
        dates = _in_order(date_line(text), text, day_order)
        if dates:
            published = published or dates[0]
            updated = updated or dates[1]
        own = _in_order(sh.list_or_byline_date(text), text, day_order)
        if published and own and own[0] and own[0][:10] != published[:10]:
            continue
        for part in _META_PARTS.split(text):
            found = md.byline(part)
            if found:
                byline = byline or found[0]
                source = source or found[1]
    return published, updated, byline, source


def _in_order(dates: tuple | None, text: str, day_order: str | None) -> tuple | None:
    """(published, updated) read from ``text``, read day-first when the page declares a day-first locale
    (only "day" acts: a declared "en-US" is many publishing systems' default, and month-first the default)."""
    if not dates or day_order != "day" or "/" not in text:
        return dates
    return in_day_order(dates[0], text, "day"), in_day_order(dates[1], text, "day")


def page_title(page_meta: dict) -> str | None:
    """The page's declared title unless it is a section or site label ("News", the site name):
    a headline has at least two words, or is the text of the page's <h1> ("Penny" on a wiki page)."""
    title = clean_field(page_meta.get("title"))
    if title is None or (" " not in title and not page_meta.get("title_shown")) or v.UI_LINE.match(title):
        return None
    site = clean_field(page_meta.get("sitename"))
    return None if site and title.casefold() == site.casefold() else title


def html_date(value) -> str | None:
    """An extractor's date field as an ISO 8601 string (dates.parse_date); None when it is missing or no date."""
    return parse_date(value) if isinstance(value, str) else None


def html_published(
    text: str | None, text_unsure: bool, page_meta: dict, shown: str | None, *, valid, guessed
) -> str | None:
    """An HTML page's published date from its sources: ``text``, a date line of the article's text
    (``text_unsure``: an unlabelled one among date lines of other days); the markup's declared date
    (JSON-LD, <meta>, <time>), which refines the text's same day with a time and offset (and its offset
    for the same minute: declared_zone), and gives a naive time of the text or ``shown`` that is the same
    instant on the page's own clock its offset (local_instant); ``shown``, a date/byline-classed element's;
    and htmldate's day (trafilatura's, original date, extensive search). htmldate's day wins where it
    differs (measured on web-pages-en, bench.devset: right more often than the markup), except over:
    - a date line of the text (htmldate reads the markup), unless the line is unlabelled, the text shows
      other days too, and the declared date agrees with htmldate (two sources over one unsure line: an
      infobox's, a timeline's or teasers' bare dates; then the declared date, with its time and offset);
    - a declared or shown date when htmldate's day is only a guess from the page's text (``guessed()``:
      htmldate finds nothing in the markup alone), is ours with month and day swapped (htmldate reads
      "05/03/2024" day-first; ours was read in the page's order: dates.in_day_order), or is the declared
      modified day (_htmldate_took_update).
    ``valid(value)``: the date survives ``dates.resolve`` (not after fetched_at). ISO 8601 strings or None."""
    declared = html_date(page_meta.get("published"))
    if text:
        published = declared_zone(refine(text, declared), declared)
        published = local_instant(published, declared) or published
    else:
        published = local_instant(shown, declared) or declared or shown
    day = html_date(page_meta.get("date"))
    if day and day.endswith("-01-01") and published is None:
        day = None  # 1 January with nothing else: htmldate's guess from a bare year (a copyright line)
    if not day or (published is not None and valid(published) and published[:10] == day[:10]):
        return published  # ours carries the time and offset htmldate drops
    if published is None or not valid(published):
        return day
    if text:
        return declared if text_unsure and declared and declared[:10] == day[:10] else published
    if swapped(published[:10]) == day[:10] or _htmldate_took_update(day, declared, page_meta, shown):
        return published
    return published if guessed() else day


def html_updated(text: str | None, published: str | None, page_meta: dict, shown: str | None) -> str | None:
    """An HTML page's updated date: ``text``, an update line of the article's text, on the page's clock with
    the offset of the declared modified instant (local_instant) or minute (declared_zone); without one, the
    declared modified date (JSON-LD, <meta>) or ``shown``, a date element's update, unless it is the
    ``published`` instant itself (the same string, or the same instant in another offset). ISO 8601 or None."""
    modified = html_date(page_meta.get("modified"))
    if text is not None:
        return local_instant(text, modified) or declared_zone(text, modified)
    found = modified or shown
    same = found == published or (to_utc(found) is not None and to_utc(found) == to_utc(published))
    return None if same else found


def _htmldate_took_update(day: str, declared: str | None, page_meta: dict, shown: str | None) -> bool:
    """htmldate's day is the day the page declares it was modified (JSON-LD dateModified, <meta>
    article:modified_time), not the declared publication day, and no date element the page shows says
    that day: htmldate took an update time from a <meta> it reads first (a "…Date" field of an analytics
    block), not the original date it was asked for."""
    modified = html_date(page_meta.get("modified"))
    return bool(declared and modified and day[:10] == modified[:10] != declared[:10]
                and (shown is None or shown[:10] != day[:10]))


def refine(found: str | None, value: str | None) -> str | None:
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


_OFFSET_STEP = 30  # minutes: zone offsets are whole or half hours (the few :45 ones are left out)
_OFFSETS = (-12 * 60, 14 * 60)  # the range of zone offsets in use, minutes


def local_instant(naive: str | None, declared: str | None) -> str | None:
    """The page's own wall-clock time with the offset that makes it the declared instant: a naive time the
    page shows ("2020-02-24T21:25:00", "Feb 24, 2020 9:25 PM") and a declared one in another zone
    ("2020-02-25T02:25:54+00:00": the markup's UTC) of the same minute past a whole or half hour, at most
    12 hours behind or 14 ahead, give "2020-02-24T21:25:54-05:00" (the declared seconds). None when they
    are not one instant, either has no time, the naive one has an offset, or the declared time is a bare
    midnight (a date written as a date-time). ISO 8601 strings."""
    if not naive or not declared or len(naive) != 19 or len(declared) <= 19 or declared[11:19] == "00:00:00":
        return None
    try:
        wall, instant = datetime.fromisoformat(naive), datetime.fromisoformat(declared.replace("Z", "+00:00"))
    except ValueError:
        return None
    if instant.tzinfo is None or (wall.second and wall.second != instant.second):
        return None
    utc = instant.astimezone(timezone.utc).replace(tzinfo=None, second=0, microsecond=0)
    minutes = int((wall.replace(second=0) - utc).total_seconds() // 60)
    if minutes % _OFFSET_STEP or not _OFFSETS[0] <= minutes <= _OFFSETS[1]:
        return None
    return instant.astimezone(timezone(timedelta(minutes=minutes))).replace(microsecond=0).isoformat()


def declared_zone(found: str | None, declared: str | None) -> str | None:
    """The page's declared date-time over a text's one that gives the same wall-clock minute with another
    offset: the text's zone abbreviation was ambiguous ("IST" is India's +05:30 and Israel's +02:00;
    dateparser's table takes one), the markup's offset is the page's own. Else ``found``."""
    if found and declared and len(found) > 19 and len(declared) > 19 and found[:16] == declared[:16]:
        return declared if found[19:] != declared[19:] else found
    return found
