"""Publication/update dates from short labelled lines ("Posted: Jun 08, 2011 2:37 PM").

A cheap regex prefilter picks candidate lines; common formats are read by hand-written regexes;
dateparser is the fallback, configured so missing parts are never filled from the current date
(REQUIRE_PARTS day/month/year, absolute parsers only, a fixed RELATIVE_BASE) and memoised. It costs about
a millisecond a string the caches have not seen, so texts it can be shown never to read as a date
("3 hours ago", "November 2020") are answered before it; warm() loads its locales at start.
"""

from __future__ import annotations

import functools
import re
from datetime import datetime, timedelta, timezone, tzinfo

from workers.stages.clean.vocabulary import DAY_ORDER_OVERRIDES, MONTH_NAMES_OTHER, ZONE_REGIONS

MAX_DATE_LINE = 120
_DIGIT = re.compile(r"\d")
# a timeline's dated entry, not a date line: the date, a colon and a clause of three words or more closing
# with a full stop ("March 4, 2024: Talks end without agreement."); a time after the colon is no clause
DATED_ENTRY = re.compile(r":\s+[A-Za-z][\w'’,-]*(?:\s+[\w'’,%$-]+){2,}[.!?][\"”’]?$")

# "Posted:", ". Last Updated:", "Published on", "Updated 3 June 2024" ...
# (the leading [\W_]{0,3}+ is possessive: every label word starts with a letter, so giving back a
# punctuation character can never let a label match; it saves trying the label words at each offset)
_LABEL_WORDS = (
    r"^[\W_]{0,3}+(?P<label>(?:first |originally )?(?:posted|published|created|released|issued|dated?|written)|"
    r"(?:news|release|publication|post|issue|entry) date|"  # "News date : 04/21/2022 Category : Press Releases"
    r"(?:page )?(?:last )?(?:updated|modified|revised|edited)|(?:last|latest) update|(?:page )?last reviewed|"
    r"veröffentlicht|erschienen|publiziert|erstellt|(?:erscheinungs)?datum|stand|(?:zuletzt )?(?:aktualisiert|geändert|bearbeitet)|"
    r"publié|mis à jour|publicado|actualizado|"
    r"pubblicato|aggiornato|gepubliceerd|bijgewerkt|"
    r"opublikowano|data publikacji|zaktualizowano|aktualizacja)"  # Polish: "Opublikowano dnia 03.05.2022 r."
    r"(?P<prep> on| at| am| le| el| il| op| dnia)?\s*"
)
LABEL = re.compile(_LABEL_WORDS + r"[:\-–—]?\s*(?P<rest>.{4,100})$", re.IGNORECASE)
# the label alone, its date in the next element ("Last Modified:" / "04-11-2005 3:40pm"); with a colon
# or a dangling preposition ("Posted on") it is a label even when no date follows
BARE_LABEL = re.compile(_LABEL_WORDS + r"(?P<colon>[:\-–—]?)\s*$", re.IGNORECASE)
_UPDATE_LABELS = (
    "updated", "modified", "revised", "edited", "update", "reviewed", "stand", "aktualisiert", "geändert", "bearbeitet",
    "mis à jour", "actualizado",
    "aggiornato", "bijgewerkt", "zaktualizowano", "aktualizacja",
)
# "Mar 16, 2024 | 11:30 AM": a separator before a bare clock time is not a part break
_PART_SPLIT = re.compile(
    r"\s+[|•·]\s+(?!\d{1,2}[:.]\d{2}(?!\d))|\s{2,}|\s+[–—-]\s+(?=(?:last )?(?:updated|modified|published|posted|created)\b)|"
    # "page.html - Created 04-11-2005 3:40pm - Last Modified: 04-11-2005 3:40pm": a document's stamp line
    # "Mon 20 Jan 2020 06.05 GMT Last modified on Mon 20 Jan 2020 06.07 GMT", "Published 5 March 2024 Updated
    # 6 March 2024", "March 5, 2024 7:02 AM GMT+1 Updated 3 hours ago": an update label after a date's end;
    # "Updated March 14, 2024 Published March 11, 2024": a publication label after it (htmldate#119's two dates)
    r"(?<=(?-i:[\dA-Z.,]))\s+(?=(?:last )?(?:updated|modified|published)\b)|"
    # a wiki page's edit stamp: "Page/Name (last edited 2019-11-10 13:28:18 by jdoe)", "This page was last
    # edited on 10 November 2019, at 13:28." (MediaWiki, MoinMoin footers): the date is the page's update
    r"\s*\((?=last (?:edited|modified|updated)\b)|^this page was (?=last (?:edited|modified|updated)\b)",
    re.I,
)

# what each _PART_SPLIT alternative needs in an ASCII line: a separator ("|", "-"), a "(", two white-space
# characters in a row (white space other than a single space is enough to ask the regex), or "last",
# "updated" or "modified" (an update label after a date's end)
_PART_MARKS = ("|", "-", "(", "  ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f")


def _parts(line: str) -> list[str]:
    """_PART_SPLIT.split(line): an ASCII line holding nothing any of its alternatives needs (_PART_MARKS,
    "last", "updated", "modified" or "published" in any case) is its one part without the regex scan, which tries six alternatives at every
    character (about 3 us on a date line; tests/unit/test_clean_speed.py checks the two agree)."""
    if line.isascii() and not any(map(line.__contains__, _PART_MARKS)):
        lower = line.lower()
        if "last" not in lower and "updated" not in lower and "modified" not in lower and "published" not in lower:
            return [line]
    return _PART_SPLIT.split(line)


_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"), ("dec", "december"),
        ),
        start=1,
    )
    for m in names
}
_MON = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_TIME = r"(?:,?\s*(?:at\s+|[|•·–—/-]\s*)?(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?::(?P<s>\d{2}))?\s*(?P<ampm>[ap]\.?m\.?)?)?"
_TIME_FIRST = r"^(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?::(?P<s>\d{2}))?\s*(?P<ampm>[ap]\.?m\.?)?(?P<zone>\s+(?:(?:UTC|GMT)\s?[+-]\d{1,2}(?::?\d{2})?|[A-Z]{2,5}))?,?\s+(?:on\s+)?"
_FAST = (
    re.compile(r"^(?:\w+,?\s+)?" + _MON + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})" + _TIME, re.I),
    re.compile(r"^(?:\w+,?\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th|\.)?\s+" + _MON + r",?\s+(?P<y>\d{4})" + _TIME, re.I),
    re.compile(r"^(?P<y>\d{4})[-/](?P<m>\d{1,2})[-/](?P<d>\d{1,2})(?:[T ](?P<h>\d{2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?(?:\.\d{1,9})?"
               r"\s?(?P<tz>Z|UTC|GMT|[+-]\d{2}:?\d{2}(?!\d))?)?", re.I),
    # ISO 8601's basic format with a time ("20200414T00:38:07Z", "20200414T003807+0200"; a page's <meta>)
    re.compile(r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})T(?P<h>\d{2}):?(?P<mi>\d{2})(?::?(?P<s>\d{2}))?(?:\.\d{1,9})?"
               r"(?P<tz>Z|[+-]\d{2}:?\d{2})?$", re.I),
    re.compile(r"^(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})[/.](?P<y>\d{4})" + _TIME, re.I),
    re.compile(r"^(?P<a>\d{1,2})(?P<sep>/)(?P<b>\d{1,2})/(?P<yy>\d{2})(?![\d/])" + _TIME, re.I),  # "12/09/22 4:10pm"
    # day first with dots and a two-digit year, then a clock time ("19.10.19, 12:00 Uhr": German news sites)
    re.compile(r"^(?P<a>\d{1,2})(?P<sep>\.)(?P<b>\d{1,2})\.(?P<yy>\d{2}),?\s+(?P<h>\d{1,2}):(?P<mi>\d{2})(?!\d)", re.I),
    re.compile(_TIME_FIRST + r"(?:\w+,?\s+)?" + _MON + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})", re.I),
    re.compile(_TIME_FIRST + r"(?:\w+,?\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MON + r",?\s+(?P<y>\d{4})", re.I),
)
# languages dateparser may try (bounded so it never scans every locale; locales load once each)
DATE_LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "nl", "ru", "pl")
_HAS_TIME = re.compile(r"\d{1,2}[:h]\d{2}|\b\d{1,2}\s*[ap]\.?m\b", re.I)
# a French clock time with spaces around its "h" ("16 h 45", Quebec's typography), read as "16h45"
_SPACED_H = re.compile(r"\b(\d{1,2}) h (\d{2})\b")
# a span of dates, not one date: the first date's last number, a dash and a second date ending the line
# ("March 3, 1931 - June 9, 2024", "1931-2024", "Jan 5 – Feb 2, 2024": a life's or an event's dates, never
# the page's); a dash before a clock time ("Mar 16, 2024 - 11:30 AM") or a title ("Jan 5, 2024 Sainte-Maxime
# Mar 5, 2024") is no span
_DATE_SPAN = re.compile(
    r"\d\s?[–—-]\s?(?:(?:\w+,?\s+)?" + _MON.replace("(?P<mon>", "(?:") + r"\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\.?\s+"
    + _MON.replace("(?P<mon>", "(?:") + r"(?:\s+\d{4})?|(?:1[89]|20)\d\d)\s*$",
    re.I,
)


def month_words_other() -> frozenset[str]:
    """The month words of the languages other than English in DATE_LANGUAGES, casefolded: the rows of
    vocabulary.MONTH_NAMES_OTHER and every month form dateparser's locale data holds for them (its
    abbreviations: "dez", "déc", "ene", "gen", "okt"; CLDR's, as dateparser ships them), letters only, of
    three letters or more. Only the bare-date prefilter (BARE_DATE) reads them: dateparser still decides."""
    from dateparser.languages.loader import default_loader

    words = {m for row in MONTH_NAMES_OTHER.values() for m in row.split()}
    months = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december")
    for language in DATE_LANGUAGES:
        if language != "en":
            info = default_loader.get_locale(language).info
            words |= {form.casefold() for month in months for form in info.get(month, ()) if form.isalpha() and len(form) >= 3}
    return frozenset(words)


_MON_OTHER = "|".join(sorted(month_words_other(), key=len, reverse=True))
# a bare date on its own short line (no label): needs a year and a month name or numeric form; a
# slashed date may have a two-digit year ("11/08/23"), a dotted one with a clock time after it ("19.10.19,
# 12:00"); other languages' month names after the day
BARE_DATE = re.compile(
    r"^(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?,?\s+(?:on\s+)?)?(?:\w+,?\s+)?(?:" + _MON.replace("(?P<mon>", "(?:") + r"\s+\d{1,2}|\d{1,2}\.?\s+"
    + _MON.replace("(?P<mon>", "(?:") + r"|\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{4}|\d{1,2}/\d{1,2}/\d{2}(?=$|\s+\d|\s*[|•·,–—-])|\d{1,2}\.\d{1,2}\.\d{2},?\s+\d{1,2}:\d{2}(?!\d)|"
    r"\d{1,2}\.?\s+(?:de\s+)?(?:" + _MON_OTHER + r")\b|"
    # month first in another language, with its year: WordPress's default date format ("F j, Y") under a German
    # or French locale ("März 14, 2021", "Mai 07, 2021"); without a year it is no date here
    r"(?:" + _MON_OTHER + r")\.?\s+\d{1,2},?\s+\d{4}\b)",
    re.I,
)
# a zone after a clock time: an abbreviation (PDT, CET, BST), "UTC+2", "GMT-05:00", or a numeric offset
# ("GMT+1" is tried before the bare abbreviation, which would stop at "GMT")
# (an offset may run straight into the next word: "9:15 AM GMT+1Updated 2 hours ago")
_ZONE_AFTER = re.compile(r"\s*\(?(?:(?:UTC|GMT)?\s?[+-]\d{1,2}(?::?\d{2})?(?!\d)|[A-Z]{2,5}\b)")


def _zone_after(text: str, at: int) -> tzinfo | None:
    """The zone written after a clock time: a region's clock (vocabulary.ZONE_REGIONS: "7:40 p.m. ET" ->
    America/New_York, whose offset the date decides), else the fixed offset of dateparser's zone table
    ("9:15 a.m. PDT" -> -07:00, "06.00 GMT"); None when no known zone follows."""
    m = _ZONE_AFTER.match(text, at)
    if not m:
        return None
    name = m.group(0).strip(" ()")
    if name in ZONE_REGIONS:  # capitals only: "et" after a time is no zone
        return _region(ZONE_REGIONS[name])
    from dateparser.timezone_parser import pop_tz_offset_from_string

    _, tz = pop_tz_offset_from_string("x " + name)
    return timezone(tz.utcoffset(None)) if tz is not None else None


@functools.cache
def _region(key: str) -> tzinfo:
    from zoneinfo import ZoneInfo

    return ZoneInfo(key)


def _offset(tz: str | None) -> timezone | None:
    """tzinfo for "Z", "UTC", "GMT", "+01:00", "-0700"; None for no zone (the time stays naive)."""
    if not tz:
        return None
    if tz.upper() in ("Z", "UTC", "GMT"):
        return timezone.utc
    sign = -1 if tz[0] == "-" else 1
    digits = tz[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0)))


_SETTINGS = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PARSERS": ["custom-formats", "absolute-time"],
    "RELATIVE_BASE": datetime(2000, 1, 1),
    "PREFER_DAY_OF_MONTH": "first",
}


# a date in each of DATE_LANGUAGES that dates._fast does not read, then one no language reads (dateparser
# tries every locale): parsing them loads and compiles what dateparser otherwise does on the first pages
# that need it (each locale's data, its dictionary's regexes: 70-170 ms for the first unread date)
WARM_DATES = ("3 février 2024 14:00 CET", "March 2, 2024 4:30 p.m. EST", "3. März 2024 14:00", "3 de marzo de 2024",
              "3 marzo 2024", "3 de março de 2024", "3 maart 2024", "3 марта 2024", "3 marca 2024", "November 2020")


def warm() -> None:
    """Loads dateparser's parser, its zone table and every DATE_LANGUAGES locale (clean.warm())."""
    for text in WARM_DATES:
        parse_date(text)


@functools.cache
def _date_parser():
    from dateparser.date import DateDataParser

    return DateDataParser(languages=list(DATE_LANGUAGES), settings=_SETTINGS, try_previous_locales=True)


def _iso(dt: datetime, with_time: bool) -> str:
    return dt.replace(microsecond=0).isoformat() if with_time else dt.date().isoformat()


def _fast(text: str) -> str | None:
    for pattern in _FAST:
        m = pattern.match(text)
        if not m:
            continue
        g = m.groupdict()
        zone = None
        if g.get("h") is not None and not g.get("tz"):  # "3:45 PM EDT, March 5, 2024": the zone after the time
            zone = _zone_after(text, m.start("zone") if g.get("zone") else m.end())
        try:
            year = int(g["y"]) if g.get("y") else _century(int(g["yy"]))
            if g.get("mon"):
                month, day = _MONTHS[g["mon"].lower().rstrip(".")], int(g["d"])
            elif g.get("m"):
                month, day = int(g["m"]), int(g["d"])
            else:  # 06/08/2011 is month-first, 08.06.2011 day-first; an impossible month flips it
                # 05/03/2024 10:12 - a 24-hour clock (no am/pm) goes with day-first dates
                a, b = int(g["a"]), int(g["b"])
                day_first = g["sep"] == "." or (g.get("h") is not None and not g.get("ampm"))
                month, day = (b, a) if a > 12 or (day_first and b <= 12) else (a, b)
            if g.get("h") is None:
                return datetime(year, month, day).date().isoformat()
            hour, minute, second = int(g["h"]), int(g["mi"]), int(g.get("s") or 0)
            ampm = (g.get("ampm") or "").lower().replace(".", "")
            if ampm == "pm" and hour < 12:
                hour += 12
            elif ampm == "am" and hour == 12:
                hour = 0
            return datetime(year, month, day, hour, minute, second, tzinfo=zone or _offset(g.get("tz"))).isoformat()
        except (ValueError, KeyError):
            return None
    return None


def _century(yy: int) -> int:
    """A two-digit year as POSIX strptime %y reads it: 69-99 are 1969-1999, 00-68 are 2000-2068."""
    return 1900 + yy if yy >= 69 else 2000 + yy


# a month and a year alone ("November 2020", a blog's archive links: dozens a page): no day, so never a
# date with day, month and year required; said before dateparser's millisecond of trying its languages
# (checked on 16,936 such texts, every month name and abbreviation, years 0000-9999)
_MONTH_YEAR = re.compile(r"^" + _MON.replace("(?P<mon>", "(?:") + r"\s+\d{4}$", re.I)


@functools.lru_cache(maxsize=4096)
def parse_date(text: str) -> str | None:
    """ISO 8601 date-time (date only when the text has no time), or None."""
    text = text.strip(" .,;|")
    if not text or len(text) > MAX_DATE_LINE or not _DIGIT.search(text):
        return None
    if " h " in text:
        text = _SPACED_H.sub(r"\1h\2", text)
    found = _fast(text)
    if found or _MONTH_YEAR.match(text):
        return found  # None for a month and a year alone (_MONTH_YEAR)
    try:
        data = _date_parser().get_date_data(text)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    if data is None or data.date_obj is None:
        return None
    return _iso(data.date_obj, bool(_HAS_TIME.search(text)))


# "3 hours ago", "2 days ago": kept as a negative ISO 8601 duration until fetched_at resolves it
RELATIVE = re.compile(
    r"^(?P<num>\d{1,3})\s*(?P<unit>s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?)\s+ago$",
    re.IGNORECASE,
)
_UNIT = {"s": "S", "m": "M", "h": "H", "d": "D", "w": "W"}


def relative(text: str) -> str | None:
    """A relative date ("3 hours ago") as a negative ISO 8601 duration ("-PT3H", "-P2D"), else None."""
    m = RELATIVE.match(text.strip(" .,;|"))
    if not m:
        return None
    unit = _UNIT[m.group("unit")[0].lower()]
    return f"-P{'T' if unit in 'HMS' else ''}{int(m.group('num'))}{unit}"


def resolve(value: str | None, fetched_at: str | None, *, relative: bool = True) -> str | None:
    """A date value of the clean stage made final: a relative duration ("-PT3H") becomes fetched_at
    minus it (in fetched_at's offset), else None (also when `relative` is False: fetched_at is only
    the time of receipt, not when the page was fetched); a date after fetched_at is None (a page
    cannot be published after it was fetched). value, fetched_at: ISO 8601 strings or None."""
    if value is None:
        return None
    fetched = _as_datetime(fetched_at) if fetched_at else None
    if value.startswith("-P"):
        if fetched is None or not relative:
            return None
        amount, unit = int(value.rstrip("SMHDW").lstrip("-PT")), value[-1]
        step = {"S": "seconds", "M": "minutes", "H": "hours", "D": "days", "W": "weeks"}[unit]
        return (fetched - timedelta(**{step: amount})).replace(microsecond=0).isoformat()
    if fetched is not None:
        found = _as_datetime(value)
        if found is not None and _after(found, fetched):
            return None
    return value


def to_utc(value: str | None) -> str | None:
    """The same instant in UTC ("2023-04-18T16:15:00Z") when value has a time and an offset, else None."""
    found = _as_datetime(value) if value and "T" in value else None
    if found is None or found.tzinfo is None:
        return None
    return found.astimezone(timezone.utc).replace(tzinfo=None).isoformat() + "Z"


def _as_datetime(value: str) -> datetime | None:
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _after(found: datetime, fetched: datetime) -> bool:
    """found is later than fetched: instants when both have offsets, else calendar dates (a naive
    time's zone is unknown, so only a later day counts)."""
    if found.tzinfo is not None and fetched.tzinfo is not None:
        return found > fetched
    return found.date() > fetched.date() + timedelta(days=1 if found.tzinfo is None else 0)


def labelled(label_line: str, dates: tuple[str | None, str | None]) -> tuple[str | None, str | None]:
    """The (published, updated) of a date line under a bare label line ("Last Modified:" over
    "03-10-2004"): an update label makes its date the update, not the publication."""
    m = BARE_LABEL.match(label_line)
    if m and m.group("label").lower().endswith(_UPDATE_LABELS) and dates[0] and not dates[1]:
        return None, dates[0]
    return dates


# a second date run into the first one's year ("Posted on May 14, 2024May 15, 2024 by ...": a blog theme's
# published and updated <time> elements side by side, the second hidden by its style sheet): the update,
# month first or day first, in any language dates read ("Veröffentlicht am Dezember 29, 2021Dezember 29,
# 2021", "Veröffentlicht am 19. Dezember 202219. Dezember 2022 von ..."). One pattern for both orders: a
# month-first date starts with a letter, a day-first one with a digit, so at one point at most one shape
# starts, and the first point where a date starts after a year is where the first date ends (glued_dates)
_MON_ANY = "(?:" + _MON.replace("(?P<mon>", "(?:") + "|" + _MON_OTHER + ")"
_GLUED_SECOND = re.compile(
    r"(?<=\d{4})(?=" + _MON_ANY + r"\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\.?\s+" + _MON_ANY + r"\.?\s+\d{4})", re.I)


def glued_dates(text: str) -> tuple[str, str] | None:
    """(first, second): the texts of two dates glued together ("May 14, 2024May 15, 2024" -> ("May 14,
    2024", "May 15, 2024")), cut at the first point after a year where a date starts (_GLUED_SECOND), else
    None. No order of day and month is asked: a month-first date starts with a letter, a day-first one
    with a digit, so the first date's end decides (no line of the dev set's and held-out sets' 2,847 page
    files matches both shapes)."""
    glued = _GLUED_SECOND.search(text)
    return (text[:glued.start()], text[glued.start():]) if glued else None


def _glued_first(text: str) -> str | None:
    """The first of two dates glued together (glued_dates), parsed; None otherwise."""
    glued = glued_dates(text)
    return parse_date(glued[0]) if glued else None


def date_span(text: str) -> bool:
    """The line is only a span of dates ("March 3, 1931 - June 9, 2024": _DATE_SPAN), no date of the page."""
    return len(text) <= 60 and BARE_DATE.match(text) is not None and _DATE_SPAN.search(text) is not None


# separators a dump leaves before a bare date whose name stood in the element before ("Jana Roe" / "/ 3.05.2022,
# 09:00 Uhr"; "· March 3, 2024"); a list item's marker ("* ", "- ") is no separator (shapes.list_or_byline_date)
_LEAD_SEPARATORS = "/|·•⋅ "
# a section or series label without digits, a dash or a double slash, then a date ending the line ("IT - 21. Januar
# 2022", "Thema des Tages // 02.11.2021": German magazines' header lines); read when no part of the line is a date
_LABELLED_DATE = re.compile(r"^(?P<label>[^\d|]{2,40}?)\s+(?:[–—-]|//)\s+(?P<date>[^\s–—/-].{5,40})$")


# date_line asks relative() before parse_date(), the reverse of what a reader would write, for speed alone: no
# text RELATIVE matches is a date to parse_date (no month name, one number: dateparser, with day, month and
# year required, says None, after about a millisecond of trying its languages: checked for every number of
# one to three digits with every unit, 56,060 texts; a sample in tests/unit/test_clean_speed.py), so the
# first that gives a value is the same either way. "3 hours ago" lines are common in teaser lists, and
# pages never seen bring new ones past the caches.
def date_line(line: str) -> tuple[str | None, str | None] | None:
    """(published_at, updated_at) when the line is a date line, else None (cheap for other lines).
    Values are ISO 8601 (with the page's offset when it gives one) or a relative duration ("-PT3H",
    see ``relative``) that ``resolve`` turns into a date against fetched_at. A line over MAX_DATE_LINE
    characters or without a digit is None before the cache (_date_line), so the many menu, headline
    and prose lines callers ask about take no room in it."""
    if len(line) > MAX_DATE_LINE or not _DIGIT.search(line):
        return None
    return _date_line(line)


@functools.lru_cache(maxsize=4096)
def _date_line(line: str) -> tuple[str | None, str | None] | None:
    """date_line of a line of at most MAX_DATE_LINE characters with a digit, cached."""
    published = updated = None
    matched = False
    for part in _parts(line):  # _PART_SPLIT.split(line)
        m = LABEL.match(part)
        if m:
            value = relative(m.group("rest")) or parse_date(m.group("rest")) or _glued_first(m.group("rest"))  # relative first: see above
            if value is None:
                continue
            matched = True
            if m.group("label").lower().endswith(_UPDATE_LABELS):
                updated = updated or value
            else:
                published = published or value
                if glued := glued_dates(m.group("rest")):
                    updated = updated or parse_date(glued[1])
        elif len(part := part.lstrip(_LEAD_SEPARATORS)) <= 60 and (BARE_DATE.match(part) or RELATIVE.match(part)) \
                and not date_span(part) and not DATED_ENTRY.search(part):
            value = relative(part) or parse_date(part) or _glued_first(part)
            if value:
                matched = True
                published = published or value
    if not matched and (m := _LABELLED_DATE.match(line)) and BARE_DATE.match(part := m.group("date")) \
            and not date_span(part) and (value := parse_date(part)):
        return value, None
    return (published, updated) if matched else None


def clear_caches() -> None:
    """Empties the date caches (parse_date's and date_line's): benches, for a pass over pages never seen.
    (A function, not attributes set on date_line: a function mypyc compiled takes none.)"""
    parse_date.cache_clear()
    _date_line.cache_clear()


# a language tag as pages declare it ("en-GB", "en_gb", "fr", "es-419", "zh-Hans-CN": a script subtag ends it)
_LOCALE_TAG = re.compile(r"^([A-Za-z]{2,3})(?:[-_]([A-Za-z]{2}|\d{3}))?(?![A-Za-z0-9])")
_ORDERS = {"DMY": "day", "MDY": "month"}


@functools.lru_cache(maxsize=256)
def day_order(locale: str | None) -> str | None:
    """The order in which a page of ``locale`` (a language tag: "en-GB", "en_AU", "fr") writes the day and the
    month of an all-numeric date: "day" ("05/03/2024" is 5 March: en-GB, en-AU, en-IN, en-IE, en-NZ, fr, de,
    ...), "month" (May 3: en-US, "en" alone, en-PH) or None (no say: a locale whose short date
    puts the year first, an unknown or missing tag). Source: dateparser's locale data, which is Unicode
    CLDR's date order per locale (the region's row, else the language's), after vocabulary.DAY_ORDER_OVERRIDES."""
    m = _LOCALE_TAG.match(locale.strip()) if isinstance(locale, str) else None
    if m is None:
        return None
    language, region = m.group(1).lower(), (m.group(2) or "").upper()
    tag = f"{language}-{region}" if region else language
    if tag in DAY_ORDER_OVERRIDES:
        return DAY_ORDER_OVERRIDES[tag]
    from dateparser.languages.loader import default_loader

    for name in (tag, language) if region else (language,):
        try:
            return _ORDERS.get(default_loader.get_locale(name).info.get("date_order"))
        except ValueError:  # a locale dateparser does not know ("pt-BR": its language's row then)
            continue
    return None


# an all-numeric slashed date with a four-digit year ("05/03/2024"), not part of a longer number or path
SLASHED_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")


def in_day_order(value: str | None, text: str, order: str | None) -> str | None:
    """``value``, the date read from ``text`` (ISO 8601), read again in ``order`` ("day": day first, "month":
    month first, None: as it is) when the text's date is an ambiguous slashed one ("05/03/2024": both numbers
    12 or under, not equal) and ``value`` took its numbers the other way round; else ``value`` unchanged."""
    m = SLASHED_DATE.search(text) if order and value and len(value) >= 10 and "/" in text else None
    if m is None:
        return value
    a, b = int(m.group(1)), int(m.group(2))
    if a > 12 or b > 12 or a == b or value[:4] != m.group(3) or {int(value[5:7]), int(value[8:10])} != {a, b}:
        return value
    month_first = int(value[5:7]) == a
    return swapped(value) if month_first == (order == "day") else value


def swapped(value: str) -> str:
    """An ISO 8601 date (or date-time) with its month and day swapped: "2024-05-03..." -> "2024-03-05..."."""
    return f"{value[:5]}{value[8:10]}-{value[5:7]}{value[10:]}"


def markup_date(html: str) -> str | None:
    """htmldate's day ("YYYY-MM-DD") from the page's markup alone: <meta>, JSON-LD, the URL, date
    elements, the original publication date; without its extensive search of the page's text, so None
    says an extensive-search day was a guess from the text. None also on markup htmldate cannot read."""
    from htmldate import find_date

    try:
        return find_date(html, extensive_search=False, original_date=True)
    except Exception:  # htmldate/lxml raise assorted errors on broken markup
        return None
