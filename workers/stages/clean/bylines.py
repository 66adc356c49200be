"""Byline and author passes: the header's name lines a dump writes without "By" (a name over or under
the date line, a name with its staff role, a journal's author list, a bio's or author box's name, a
copyright owner), the declared author of an HTML page and its site's name, and the author bios, desk
credits and byline lines taken out of the article's paragraphs.
"""

from __future__ import annotations

import functools
import re
from collections import Counter

from workers.stages import placenames
from workers.stages.clean import fields as fl
from workers.stages.clean import lines as ln
from workers.stages.clean import metadata as md
from workers.stages.clean import shapes as sh
from workers.stages.clean import vocabulary as v
from workers.stages.clean.dates import BARE_LABEL as DATE_BARE_LABEL, date_line


def declared_byline(page_meta: dict, head_byline: str | None) -> tuple[str | None, bool]:
    """(byline, declared) from the page's markup when the text gave none: the declared author
    (JSON-LD, <meta name=author>) unless it is only the site's name or a one-word name the header's
    byline spells out in full ("Todd" under "By Todd Bates"), then trafilatura's author (a theme's
    "View all posts by" link text stripped; spelt as the header lines write it, "T. V. Raman" for its
    "T V Raman"; the header lines' byline when it names trafilatura's author and more: trafilatura keeps the
    first of several author links, the failure mozilla/readability#161 reports), then a byline from the
    header lines."""
    for field in ("declared_author", "author"):
        value = fl.clean_field(page_meta.get(field))
        value = v.AUTHOR_LINK_PREFIX.sub("", value) if value else value
        if not value or not md.authors(value, declared=True) or _names_the_site(value, page_meta.get("sitename")):
            continue
        first = md.authors(head_byline)[:1] if head_byline and " " not in value else []
        if first and first[0].startswith(f"{value} "):
            return head_byline, False
        if field == "author":
            if _names_more(head_byline, value):
                return head_byline, False
            header_lines = page_meta.get("header_lines") or []
            value = _as_written(_as_shown(value, header_lines), header_lines)
        return value, True
    return head_byline or _name_beside_header_date(page_meta), False


def _name_beside_header_date(page_meta: dict) -> str | None:
    """The person's name a header element sets before the page's own date ("Jane Doe March 3, 2024", "Jana
    Roe, 01.12.2021": vocabulary.NAME_THEN_DATE; a teaser's element carries another day), not a place's
    (place_name); None when the page declares no date."""
    day = (page_meta.get("published") or page_meta.get("date") or "")[:10]
    for text in page_meta.get("header_lines") or [] if day else ():
        m = v.NAME_THEN_DATE.match(text)
        dates = dated_person(m.group("name"), m.group("date")) if m else None
        if dates and (dates[0] or "")[:10] == day:
            return m.group("name")
    return None


def _names_more(byline: str | None, value: str) -> bool:
    """The byline names every name of `value` (an extractor's author field) and at least one more
    (casefolded names, metadata.authors)."""
    if not byline:
        return False
    given = {name.casefold() for name in md.authors(value, declared=True)}
    named = {name.casefold() for name in md.authors(byline)}
    return bool(given) and given < named


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


def without_site(authors: list[str], sitename) -> list[str]:
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


def declared_subset(byline: str | None, page_meta: dict) -> str | None:
    """The declared author (JSON-LD, <meta name=author>) over the text's byline when its names are
    some of the byline's and the byline has more (an affiliation read as names: "Jane Doe, Kiosk
    Blue, Examplecorp" declared "Jane Doe"), or when the two share no name (the text's
    "by" line was another's: on the dev set the declared author was right on both such pages)."""
    declared = fl.clean_field(page_meta.get("declared_author"))
    names = {n.casefold() for n in md.authors(declared, declared=True)}
    found = {n.casefold() for n in md.authors(byline)}
    return declared if names and (names < found or not names & found) else None


def reporting_credit(lines: list[ln.Line]) -> list[str]:
    """The names of the last closing credit line "(Reporting by A in Oslo and B; Editing by C)"
    (vocabulary.REPORTING_CREDIT), without their desk cities; [] when there is none."""
    for line in reversed(lines):
        if line.reason == "credits" and (m := v.REPORTING_CREDIT.match(line.text)):
            return md.authors(v.CREDIT_PLACE.sub("", m.group("names")))
    return []


def drop_author_bio(paragraphs: list[str], byline: str | None, removed: Counter) -> list[str]:
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
        m = sh.BIO_OPENING.match(paragraph)
        if m and m.group("name") in names:
            removed["author_bio"] += 1
            continue
        out.append(paragraph)
    return out


_CREDIT_LINE_MAX_WORDS = 5
_LEAD_CREDIT_REACH = 3  # the paragraphs above the lead a credit line may sit in


def drop_lead_credits(paragraphs: list[str], removed: Counter) -> list[str]:
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


def without_byline_lines(paragraphs: list[str], authors: list[str], removed: dict, outlet: str | None = None) -> list[str]:
    """The paragraphs without a byline line left at the top of the body (the first _LEAD_CREDIT_REACH
    paragraphs): an author the record names, alone or with a role title, a handle or the record's
    `outlet` and nothing else (metadata.byline_credit: "Jane Doe, AP Sports Writer", "Jane Doe @janedoe",
    "Jane Doe, The Daily Courier"). Counted as ``metadata``."""
    if not authors:
        return paragraphs
    out = [p for p in paragraphs[:_LEAD_CREDIT_REACH] if not any(md.byline_credit(p, name, outlet) for name in authors)]
    out += paragraphs[_LEAD_CREDIT_REACH:]
    if not out or len(out) == len(paragraphs):
        return paragraphs
    removed[sh.META] = removed.get(sh.META, 0) + len(paragraphs) - len(out)
    return out


def _opening_bio(paragraph: str, authors: list[str]) -> bool:
    """The author box above the article: the first paragraph opens with an author's full name and a
    bio verb and holds a bio's wording ("Jacob Wade is a personal finance expert who has covered ...")."""
    m = sh.BIO_OPENING.match(paragraph)
    return m is not None and m.group("name") in authors and v.BIO_WORDING.search(paragraph) is not None


def _closing_bio(paragraphs: list[str]) -> bool:
    """The last paragraph is a contributor's bio: it opens with a full name the article never used and
    a bio verb, and holds a bio's wording ("Candice Sealey is the Founder & Principal Consultant at
    ...", vocabulary.BIO_WORDING). A person the article is about is named before its last paragraph."""
    m = sh.BIO_OPENING.match(paragraphs[-1])
    if m is None or " " not in m.group("name") or len(paragraphs) < 3:
        return False
    name = m.group("name")
    return v.BIO_WORDING.search(paragraphs[-1]) is not None and not any(name in p for p in paragraphs[:-1])


_DESK_BIO = re.compile(
    r"^(?P<subject>(?:Our |The )?[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){1,3})(?: (?:at|of|for) [^,;]{1,60}?)? "
    r"(?:is|are) (?:a|an|the|made up|composed|committed|dedicated)\b"
)


def _desk_bio(paragraphs: list[str]) -> bool:
    """The last paragraph presents a desk or the outlet, not the article ("Our Editorial Staff at St. Lucia
    Times is a team publishing news ...", "Coastline Report is a nonprofit newsroom."): its subject is a desk
    or staff credit (vocabulary.DESK_CREDIT) or an outlet's name (metadata.looks_like_outlet) of two or
    more capitalised words."""
    m = _DESK_BIO.match(paragraphs[-1])
    return len(paragraphs) >= 3 and m is not None and (
        v.DESK_CREDIT.match(m.group("subject")) is not None or md.looks_like_outlet(m.group("subject")))


def name_over_date(lines: list[ln.Line], meta: list[bool], keep: list[bool], first: int) -> str | None:
    """A bare byline name right above the header's date line, or above one short role/outlet line
    over it ("Jane Doe" / "Staff Engineer" / "March 8, 2024"), or co-authors' names on one line
    (_person_names); the date line may sit up to shapes.HEADER_REACH lines into the article's first lines (a
    caption and standfirst the run starts with); the name line becomes metadata."""
    for i in range(1, min(first + sh.HEADER_REACH + 1, len(lines))):
        if not meta[i] or md.byline(lines[i].text) or not date_line(_header_item(lines[i].text, lines[i - 1].text)):
            continue
        middle = lines[i - 1]
        # "Jane Doe" / "The Daily Courier" / date: the upper of two names is the byline
        candidates = (i - 2, i - 1) if i >= 2 and not (meta[i - 1] or keep[i - 1]) else (i - 1,)
        for j in candidates:
            line = lines[j]
            if meta[j] or keep[j] or line.kind == "boilerplate":
                continue
            if j == i - 2 and (middle.kind == ln.PROSE or middle.n > 8 or middle.terminal
                               or not (_capitalised(middle.text) or v.AFFILIATION.search(middle.text))):
                continue  # the middle line is a role, an outlet or a job title, not a blog's tagline ("Notes from a ...")
            text = _header_item(line.text, lines[i].text)
            if not (sh.person_name(text) or _person_names(text)) and under_headline(lines, j):
                text = md.without_reporting_place(text)  # "Jane Doe in Kyiv" under the headline
                text = (md.name_and_outlet(text) or (text,))[0]  # "Jane Doe, The Daily Courier"
            if sh.person_name(text) or _person_names(text):
                meta[j] = True
                return text
        # no name over this date line (a masthead's edition date): try the next date line
    return None


def _capitalised(text: str) -> bool:
    """Every word of the text starts with a capital or is no word (a role's or an outlet's name), name
    particles and joiners aside ("Staff Engineer", "The Daily Courier", "Department of Health")."""
    return all(w[:1].isupper() or not w[:1].isalpha() or w in _JOINERS for w in text.split())


_JOINERS = frozenset(("of", "and", "for", "the", "&", "de", "du", "la", "on", "at", "from"))


def under_headline(lines: list[ln.Line], j: int) -> bool:
    """A line above line `j` has a headline's length (4 words or more): `j` is no headline itself, so a
    "<Name> in <Place>" there is a byline, where a top line "Heavy Rain in Spain" is the headline."""
    return any(lines[k].n >= 4 and lines[k].kind != "boilerplate" for k in range(j))


def _header_item(text: str, other: str) -> str:
    """A header line without its list marker when the line beside it (`other`: the date line, or the
    name line over a date line) is a list item too: a dump writes a header's list of facts with markers
    ("* Jane Doe" / "* Friday 8 March 2024"); a lone list item over a date stays a menu's or a list's."""
    return ln.item_text(text) if v.BULLET.match(other) else text


_AUTHOR_LIST_MAX = 8  # names in a journal article's list of authors under its title
_FOOTNOTE_MARK = re.compile(r"(?<=[a-z])(?:\d{1,2}(?:,\d{1,2})*|[*†‡])$")  # "Jane Doe1", "Jane Doe*"


def author_item(text: str) -> str | None:
    """A list item that is one author of a journal article's list ("* Jane Doe, PhD ,", "* Jane Doe1"):
    the name, with its degree, that metadata.authors reads in the item without the marker, the trailing
    comma and the affiliation's footnote mark, when it reads that one name and the name is a person's
    (shapes.person_name); None for other lines."""
    if not v.BULLET.match(text):
        return None
    rest = _FOOTNOTE_MARK.sub("", ln.item_text(text).rstrip(" ,"))
    return rest if md.authors(rest) == [rest] and sh.person_name(rest.partition(", ")[0]) else None


def _journal_marks(text: str) -> bool:
    """An author item with a journal's marks: a degree, an affiliation's footnote mark or the list's
    trailing comma ("* Jane Doe, PhD ,", "* Jane Doe1"); a menu's "* Example Language" has none."""
    rest = text.rstrip()
    return rest.endswith(",") or _FOOTNOTE_MARK.search(rest.rstrip(" ,")) is not None or ", " in rest


def author_list(lines: list[ln.Line], meta: list[bool], keep: list[bool], first: int) -> str | None:
    """The names of a journal article's list of authors: 1 to _AUTHOR_LIST_MAX list items, each an
    author (author_item), one of them with a journal's marks (_journal_marks), right under the header's
    title or subtitle (a headline-shaped line) and not followed by another list item (a menu of names
    goes on); the items become metadata."""
    for i in range(1, first):
        if keep[i - 1] or meta[i - 1] or not sh.header_line_is_title(lines[i - 1]) or v.BULLET.match(lines[i - 1].text):
            continue
        names = []
        j = i
        while j < first and len(names) <= _AUTHOR_LIST_MAX and (name := author_item(lines[j].text)):
            names.append(name)
            j += 1
        marked = any(_journal_marks(lines[k].text) for k in range(i, j))
        if marked and len(names) <= _AUTHOR_LIST_MAX and not (j < len(lines) and v.BULLET.match(lines[j].text)):
            for k in range(i, j):
                meta[k] = True
            return ", ".join(names)
    return None


def name_under_date(lines: list[ln.Line], meta: list[bool], keep: list[bool], first: int) -> str | None:
    """A bare byline name right under the header's date line, above the article ("June 19, 2019" /
    "Jane Roe" / the lead; a newsroom's, desk_byline; the header may sit under a headline and standfirst the run holds);
    the name line becomes metadata."""
    for i in range(min(first + sh.HEADER_GAP_LINES, len(lines) - 1)):
        if meta[i] and not md.byline(lines[i].text) and date_line(lines[i].text):
            j, name = i + 1, lines[i + 1].text
            below = lines[j + 1] if j + 1 < len(lines) else None
            if (not (meta[j] or keep[j]) and lines[j].kind == ln.SHORT and (sh.named(name) or desk_byline(name))
                    and below is not None and below.kind != "boilerplate"):
                meta[j] = True  # not a newsletter's name over its "Subscribe" button
                return name
    return None




def name_beside_date(lines: list[ln.Line], meta: list[bool], keep: list[bool], first: int) -> str | None:
    """A bare byline name before the date on the header's date line without "By" (vocabulary.NAME_THEN_DATE:
    "Jane Doe · 19 February 2024", "Jane Doe March 3, 2024"), under a headline-length line (under_headline):
    the name when it is a person's (dated_person), else None. The line is metadata already (its date)."""
    for i in range(min(first + sh.HEADER_GAP_LINES, len(lines))):
        if not meta[i] or md.byline(lines[i].text):
            continue
        m = v.NAME_THEN_DATE.match(lines[i].text)
        if m and dated_person(m.group("name"), m.group("date")) and under_headline(lines, i):
            return m.group("name")
    return None


def desk_byline(text: str) -> bool:
    """A newsroom's byline: at most four words, the last one of vocabulary.DESK_BYLINE_WORDS ("Redaktion",
    "Hafenblatt Redaktion", "hafenblatt.de Redaktion"); the page's author where the outlet signs as its desk."""
    words = text.split()
    return 0 < len(words) <= 4 and words[-1].casefold() in v.DESK_BYLINE_WORDS


def dated_person(name: str, date_text: str) -> tuple | None:
    """The (published, updated) dates of date_text (dates.date_line) when name beside them is a person's
    (shapes.named), not a date's label nor opened by one ("Actualizado el", "Actualizado Martes":
    dates.BARE_LABEL) nor a place's (place_name), else None: the one check of the readers of a name set
    beside its date (name_beside_date, _name_beside_header_date, metalines._name_then_date)."""
    dates = date_line(date_text)
    return dates if dates is not None and sh.named(name) and not DATE_BARE_LABEL.match(name) \
        and not DATE_BARE_LABEL.match(name.split()[0]) and not place_name(name) else None


def place_name(name: str) -> bool:
    """True for a place's name where a byline could stand: one ending in a place word
    (placenames.PLACE_HEAD_WORDS: "Harbor City", "Clark County") or an ISO 3166 country or subdivision
    ("New South Wales", "Texas"; placenames, from pycountry, the maintained ISO list)."""
    return name.split()[-1].lower() in placenames.PLACE_HEAD_WORDS or name.casefold() in _iso_place_names()


@functools.cache
def _iso_place_names() -> frozenset[str]:
    """The casefolded names of ISO 3166-1 countries (name and common name) and ISO 3166-2 subdivisions
    (placenames.countries, subdivision_names)."""
    countries = {name for c in placenames.countries() for name in (c.name, c.common_name) if name}
    return frozenset(name.casefold() for name in countries | placenames.subdivision_names())


def name_with_role(lines: list[ln.Line], meta: list[bool], keep: list[bool], first: int) -> str | None:
    """A byline name with its staff role on one header line ("Richard Adams Education editor",
    "Jane Doe Reporter", "Jane Doe Senior Reporter": vocabulary.ROLE_RANK_WORDS; a contact link run into
    it, contact_tail, aside); the line becomes metadata."""
    for i in range(min(first + sh.HEADER_GAP_LINES, len(lines))):
        text = lines[i].text
        text = text[:contact_tail(text) or len(text)]
        if meta[i] or keep[i] or len(text) > 60 or not v.ROLE_LINE.match(text):
            continue
        words = text.split()
        k = len(words) - 2 if len(words) >= 4 and words[-1].islower() else len(words) - 1  # the desk word goes too
        while k > 2 and words[k - 1].casefold() in v.ROLE_RANK_WORDS:
            k -= 1  # "Jane Doe Senior Reporter": the rank goes with the role
        name = " ".join(words[:k])
        if k >= 2 and sh.named(name):
            meta[i] = True
            return name
    return None


def contact_tail(text: str) -> int | None:
    """Where an author's contact link run into a byline line starts ("By Jane Doe Email the author" -> 11,
    vocabulary.AUTHOR_CONTACT_TAIL), else None (the cheap test first: most lines end otherwise)."""
    if not text[-10:].lower().endswith(v.AUTHOR_CONTACT_WHOM):
        return None
    tail = v.AUTHOR_CONTACT_TAIL.search(text)
    return tail.start() if tail and tail.start() > 0 else None


_NAME_JOINER_LINE = frozenset(("and", "&", ",", "und", "et", "y"))
_MAX_LINKED_NAMES = 4


def names_over_lines(lines: list[ln.Line], i: int) -> tuple[str | None, int]:
    """(the names, index of the last name line) of a byline whose names a dump put on lines of their
    own, joined by "and"/"&"/"," lines ("Ann Lee" / "and" / "Tom Hale" -> "Ann Lee and
    Tom Hale"); the name at i alone when no joiner line and name follow it. A dump's list items are read
    without their markers ("* Ann Lee" / "* Tom Hale")."""
    names, last = [ln.item_text(lines[i].text)], i
    while (len(names) < _MAX_LINKED_NAMES and last + 2 < len(lines)
           and ln.item_text(lines[last + 1].text).casefold() in _NAME_JOINER_LINE
           and sh.named(ln.item_text(lines[last + 2].text))):
        names.append(ln.item_text(lines[last + 2].text))
        last += 2
    return md.join_names(names), last


def bio_name(lines: list[ln.Line]) -> str | None:
    """The name an author's bio line opens with ("Will Knight is a senior writer for WIRED ..."), when
    the page gives no byline."""
    for line in lines:
        if line.reason == "author_bio":
            m = sh.BIO_OPENING.match(line.text)
            if m and " " in m.group("name") and sh.person_name(m.group("name")):
                return m.group("name")
    return None


def author_box_name(lines: list[ln.Line]) -> str | None:
    """The name an author box's label line gives ("About the Author - Florina Ionescu",
    vocabulary.AUTHOR_BOX_LABEL), when the page gives no byline."""
    for line in lines:
        m = v.AUTHOR_BOX_LABEL.match(line.text) if len(line.text) <= 80 else None
        if m and sh.named(m.group("name")):
            return m.group("name")
    return None


_COPYRIGHT_LINE_MAX_CHARS = 300


def copyright_owner(lines: list[ln.Line]) -> str | None:
    """The person a site footer's copyright line names after "by" ("2009-2020 by Jane Roe",
    vocabulary.COPYRIGHT_BY), the page's last such line, when the page gives no byline: a personal
    site's author. A company ("by The Example Company", "by Dow Jones Media") is not a person's name."""
    for line in reversed(lines):
        text = line.text
        if len(text) > _COPYRIGHT_LINE_MAX_CHARS or " by " not in text or not sh.DIGIT.search(text):
            continue
        m = v.COPYRIGHT_BY.search(text)
        if m and sh.named(m.group("name")):
            return m.group("name")
    return None


_NAMES_SEPARATOR = re.compile(r",\s+(?:and\s+)?|\s+(?:and|&)\s+")
_NAMES_MAX = 4


def _person_names(text: str) -> bool:
    """Two to _NAMES_MAX bare names on one line, each a shapes.person_name ("Ibtisam Mahdi, Ruwaida Kamal Amer",
    "Jane Doe and John Smith"): co-authors' names, each a link, with no "By" before them."""
    parts = _NAMES_SEPARATOR.split(text)
    return 2 <= len(parts) <= _NAMES_MAX and all(len(p.split()) >= 2 and sh.person_name(p) for p in parts)
