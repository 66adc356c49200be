"""Line shapes that several clean passes ask: interface vocabulary, a bare person's name, a headline's
length, a teaser box's heading, a date line of a list or a byline; and the header's reach in lines.

The lowest of the pass modules (run, structure, metalines, bylines, headline, paragraphs import it; it
imports none of them).
"""

from __future__ import annotations

import re

from workers.stages.clean import lines as ln
from workers.stages.clean import metadata as md
from workers.stages.clean import sections
from workers.stages.clean import vocabulary as v
from workers.stages.clean.dates import date_line
from workers.stages.clean.fastmatch import first_char_match

META = "metadata"  # the `removed` counter of metadata lines (a date, byline or source line)
SUBHEAD_MAX_WORDS = 10
HEADER_LINE_MAX_WORDS = 60  # a standfirst is at most this long
HEADER_GAP_LINES = 8  # date, byline, share-row lines between a header line and the lead
MAX_BYLINE_LABEL = 16  # "Written by:" and shorter: a byline label alone on its line over the names
HEADER_REACH = 4  # lines between an article's date/byline line and its first line
INLINE_BOX_MAX_ITEMS = 8  # link lines under an inline "Related stories" heading inside the article


def opens_teaser_box(text: str) -> bool:
    """A heading (at most 60 characters) that opens a box of links to other stories: an end marker
    ("Related:", "Read more", vocabulary.END_MARKER) or a teasers section heading (sections.heading_kind)."""
    return len(text) <= 60 and (v.END_MARKER.match(text) is not None or sections.heading_kind(text) == "teasers")


_DAY_NUMBER = re.compile(r"(?<![(\d])\d{1,2}(?![)\d])")
DIGIT = re.compile(r"\d")


def list_or_byline_date(text: str) -> tuple[str | None, str | None] | None:
    """The dates of a date line in a dump's list ("* Aug. 16, 2020") or of a byline line that carries
    its date ("By Jane Doe on July 27, 2017", "Posted on May 4, 2020 by Jane Doe"), else None."""
    if DIGIT.search(text) is None:
        return None  # every date has a digit
    item = v.BULLET.match(text)
    if item:  # with a day: "* October 2019 (1)" is an archive link
        return date_line(text[item.end():]) if _DAY_NUMBER.search(text) else None
    for part in md.byline_date_parts(text) if ("by" in text or "By" in text or md.other_byline_word(text)) else ():
        found = date_line(part)
        if found:
            return found
    return None


BIO_OPENING = re.compile(
    r"^(?P<name>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}) (?:is|was|has|had|writes|covers|lives|joined|holds)\b"
)


def title_cased(words: list[str]) -> bool:
    """A capitalised long word after the first word: "Ferry Fares Rise", not "What did not work"."""
    return any(len(w) > 3 and w[:1].isupper() for w in words[1:])


_UI_LINE_MATCH = first_char_match(v.UI_LINE)  # v.UI_LINE.match, its branches bucketed by first character
_UI_PREFIX_MATCH = first_char_match(v.UI_PREFIX)


def is_ui(text: str) -> bool:
    """Interface vocabulary once a list marker is stripped: "- Share on Facebook"."""
    if _UI_LINE_MATCH(text) or _UI_PREFIX_MATCH(text):
        return True
    words = ln.TOKEN.findall(text.casefold())
    return bool(words) and v.UI_WORDS.issuperset(words)


def header_line_is_title(line: ln.Line) -> bool:
    """A headline-length line without a closing full stop ("What happens to the traders now?")."""
    return 3 <= line.n <= 20 and not line.text.rstrip("\"'”’»)").endswith((".", ",", ";", ":"))


def named(text: str) -> bool:
    """A bare person's name that the authors list keeps whole (md.authors)."""
    return person_name(text) and md.authors(text) == [text]


def person_name(text: str) -> bool:
    """A bare name that is not a section label or outlet ("Local News", "Top Stories", "The Daily Courier")."""
    if text[:3].casefold() == "by " or not md.standalone_name(text) or md.looks_like_outlet(text) or md.outlet_word(text) or v.UI_LINE.match(text):
        return False
    return v.UI_WORDS.isdisjoint(w.casefold() for w in text.split()) and md.NAV_WORDS.isdisjoint(
        w.casefold() for w in text.split()
    )
