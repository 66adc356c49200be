"""Article metadata from the lines around the article: title, dateline, byline, source, standfirst,
captions. Rules are general (shape and position of lines), never tied to one site."""

from __future__ import annotations

import re

from workers.stages.clean import vocabulary as v
from workers.stages.clean.dates import date_line
from workers.stages.clean.fastmatch import count_letters, first_char_gate
from workers.stages.clean.fastmatch import words as word_tokens
from workers.stages.clean.lines import has_quotes, is_terminal, key

_LONG_WORD = re.compile(r"\w{3,}")

# "PARIS -", "LYON, France --", "WASHINGTON (AP) —", "LONDON, June 8 (Reuters) -", and the wire
# and press-release form with a state and a dated year: "AUSTIN, Texas, May 2, 2024 (Business Wire) -",
# "NEW YORK, Jan. 15, 2023 /PRNewswire/ --"; a double quote set off by spaces where the dash belongs
# ("ROME, Italy (AP) " The ...": a CMS that lost the em dash) is the dash too; Business Wire's form sets
# the wire between two double hyphens with no spaces ("SAN DIEGO--(BUSINESS WIRE)--Acme Inc. said"), so a
# place word never ends with a hyphen
# (place letters: any letter but a-z, so "JAÉN" and "ŁÓDŹ" match; split_dateline checks them upper-case)
_UP = r"[^\W\d_a-z]"
_UP_WORD = rf"{_UP}(?:(?:{_UP}|['’.\-]){{0,29}}(?:{_UP}|['’.]))?"
_DATELINE_CAPS = re.compile(
    rf"^(?P<place>{_UP}(?:{_UP}|['’.\-]){{0,29}}(?:{_UP}|['’.])(?: {_UP_WORD}){{0,3}}"
    r"(?:, [^\W_a-z](?:[\w'’.\-]{0,29}[\w'’.])?(?: [^\W_a-z](?:[\w'’.\-]{0,29}[\w'’.])?){0,2})?"
    r"(?:, (?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?))?)"  # "JAEN, Spain, March 5 (Reuters)": a year is optional
    r"(?: \((?P<agency>[A-Za-z][A-Za-z .&-]{0,30})\)| /(?P<wire>[A-Za-z][A-Za-z .&-]{0,30})/"
    r"|--\((?P<wire_dashed>[A-Za-z][A-Za-z .&-]{0,30})\)(?=--))? ?(?:--|[-–—:]|(?<= )[\"“”](?= [A-Z0-9])) ?(?=\S)"
)
# "Brussels:", "New Delhi -" (mixed case needs a colon or a spaced dash)
_DATELINE_MIXED = re.compile(
    r"^(?P<place>[A-Z][a-z'’\-]{1,30}(?: [A-Z][a-z'’\-]{1,30}){0,2}"
    r"(?:, [A-Z][\w'’.\-]{1,30}(?: [A-Z0-9][\w'’.\-]{0,30}){0,2})?)"
    r"(?: \((?P<agency>[A-Za-z][A-Za-z .&-]{0,30})\))?(?::| --? | [–—] )\s*(?=[A-Z0-9\"“‘'])"
)
_NOT_PLACES = frozenset(
    "update updated note editor editors analysis exclusive watch photo photos video videos opinion "
    "breaking live read related source credit image comment comments warning correction disclaimer "
    "q a question answer summary background context explainer review interview listen also more "
    "tags topics share print email advertisement sponsored the this that it he she they we i by".split()
)
_BYLINE = re.compile(
    r"^(?:(?i:by|written by|words by|reporting by|story by|text by|interview(?:ed)? by|(?:photos|photographs|photography|pictures) by|authors?:|von|par|por|door|di|av|af|przez|από|от|автор:?)\s+"
    r"(?P<name>[A-Z\u00c0-\u00de\u0100-\u017f\u0391-\u03a9\u0400-\u042f][^\n]{1,100})|"
    r"(?:بقلم|كتب|كتبت)\s*:?\s*(?P<uncased>[\u0600-\u06ff][^\n]{1,100}))$"
)
_BYLINE_MATCH = first_char_gate(_BYLINE)
_NAME_PARTICLES = frozenset("and de del della der di van von la le al el bin ibn da dos du y".split())
_NAME_JOINERS = frozenset("and & und et y e en og och".split())  # "A and B" in the languages of _BYLINE
_BYLINE_SPLIT = re.compile(r"\s*(?:[|•·,/]|\s[–—-]\s)\s*")
# a credit for other help after the byline's names: "; Additional reporting by ...", ". With reporting from ...",
# "Jane Doe Edited by John Roe"
_CONTRIBUTION_TAIL = re.compile(
    r"\s*[;.,]?\s+(?:(?i:with|and)\s+)?(?:(?i:additional|extra|further)\s+)?(?i:reporting|research|editing|edited|contributions?)"
    r"\s+(?i:by|from)\b.*$"
)
_BYLINE_FOR = re.compile(r"(?<=\w) (?i:for) (?P<outlet>(?:(?i:the) )?[A-Z][^,|]*)$")
_BYLINE_PLACE = re.compile(r"(?<=\w) (?:at|in) [A-Z][^,|]*$")
_SOURCE_LABEL = re.compile(r"^source\s*:\s*(?P<name>[^\n]{2,60})$", re.IGNORECASE)
_SOURCE_LABEL_MATCH = first_char_gate(_SOURCE_LABEL)
_OUTLET = re.compile(
    r"\b(?:news|press|times|post|herald|tribune|journal|gazette|daily|reuters|afp|ap|upi|"
    r"associated press|agence france-presse|bbc|cnn|wire|telegraph|guardian|independent|chronicle|"
    r"observer|courier|express|agency|radio|network|dispatch|bulletin|nachrichten|zeitung|presse|"
    r"nouvelles|noticias|notizie|nieuws|weekly|monthly|magazine|review|record|standard|mirror|register|examiner|"
    r"inquirer|sentinel|digest|reporter|globe|argus|advertiser|ledger|quarterly|monitor|beacon|enquirer|courant|messenger|report|"
    # more masthead words of real papers ("Liverpool Echo", "Ottawa Citizen")
    r"echo|citizen)\b",
    re.IGNORECASE,
)
_CAPTION_TRIGGERS = ("photo", "image", "picture", "credit", "getty", "shutterstock", "video", "caption", "courtesy")
# a photo credit closing the text, lower-cased: "/ ap", "/reuters files" (vocabulary.PHOTO_AGENCIES)
_CREDIT_ENDINGS = tuple(f"/{gap}{agency.casefold()}{tail}" for agency in v.PHOTO_AGENCIES
                        for gap in ("", " ") for tail in ("", " file", " files"))


_CAPTION_TRIGGER = re.compile("|".join(_CAPTION_TRIGGERS))


def has_caption_trigger(lower: str) -> bool:
    """The lower-cased text holds a caption word or phrase, or ends with a photo credit ("/ reuters")."""
    return _CAPTION_TRIGGER.search(lower) is not None or lower.rstrip(" .)").endswith(_CREDIT_ENDINGS)


_NAV_WORDS = frozenset(
    "latest top more world local breaking live trending related home business sports sport politics "
    "entertainment video videos photos tv opinion most read popular all menu".split()
)


NAV_WORDS = _NAV_WORDS
# a label's last word, its value on the next line or after it ("News provided by", "Brought to you by",
# "Sponsored by", "Powered by", "In partnership with"): a label, never an outlet's name
_LABEL_ENDINGS = frozenset("by from of for with to via the and".split())


def outlet_word(text: str) -> bool:
    """The text names an outlet-like word ("News", "Times", "Herald", "Press")."""
    return _OUTLET.search(text) is not None


def content_words(text: str) -> set[str]:
    """The text's lower-cased words of three or more characters, stopwords left out."""
    # _LONG_WORD.findall: a run of word characters is matched whole or not at all, so its matches are
    # the \w+ tokens of three or more characters (taken by bytes, fastmatch.words)
    return {w for w in word_tokens(text.casefold()) if len(w) >= 3} - v.STOPWORDS


def containment(small: str, big: str) -> float:
    """Share of `small`'s words that also occur in `big`."""
    a = set(word_tokens(small.casefold()))  # re.findall(r"\w+"), by bytes (fastmatch)
    if not a:
        return 0.0
    return len(a & set(word_tokens(big.casefold()))) / len(a)


def split_dateline(paragraph: str) -> tuple[str | None, str, str | None]:
    """(dateline, rest of paragraph, agency) when the paragraph opens with a dateline. The dateline
    keeps a date it carries ("AUSTIN, Texas, May 2, 2024"): see `dateline_date`."""
    head = paragraph[:120]
    m = _DATELINE_CAPS.match(head)
    if m and sum(ch.isupper() for ch in m.group("place")) >= 2:
        first = m.group("place").split(",")[0]
        if first.isupper() and first.casefold() not in _NOT_PLACES:
            rest = paragraph[m.end():].lstrip(" -–—:")
            if len(rest.split()) >= 5:
                return m.group("place").rstrip(" ,"), rest, m.group("agency") or m.group("wire") or m.group("wire_dashed")
    m = _DATELINE_MIXED.match(head)
    if m and not _OUTLET.search(m.group("place")):  # "Harbour News – Police said ...": the outlet, not a place
        first = m.group("place").split(",")[0]
        if first.casefold() not in _NOT_PLACES and first.split()[0].casefold() not in _NOT_PLACES:
            rest = paragraph[m.end():].lstrip(" -–—:")
            if len(rest.split()) >= 6:
                return m.group("place"), rest, m.group("agency")
    return None, paragraph, None


_LONE_DATELINE_MAX_CHARS = 60


def lone_dateline(paragraph: str, following: str) -> tuple[str | None, str | None]:
    """(dateline, agency) when a short paragraph is only the dateline of the one after it ("WASHINGTON —"
    set apart from the lead by the page's markup), else (None, None)."""
    if len(paragraph) > _LONE_DATELINE_MAX_CHARS or not following:
        return None, None
    place, rest, agency = split_dateline(f"{paragraph} {following}")
    return (place, agency) if place and rest == following else (None, None)


_DATELINE_DATE = re.compile(r", ([A-Z][a-z]{2,8}\.? \d{1,2}, \d{4})$")


def dateline_date(dateline: str | None) -> str | None:
    """The "Month D, YYYY" a dateline ends with (wire and press-release datelines), else None."""
    m = _DATELINE_DATE.search(dateline or "")
    return m.group(1) if m else None


# a header line holding a byline among other things: "Posted on May 4, 2020 by Jane Doe",
# "yas! | By Jane Doe | April 13, 2020", "12/04/2020 by Jane 24 Comments", "---- by Jane Doe", a
# lower-case handle before its date ("by oz on December 4, 2006"), a lower-case "by" a dump ran into the
# linked name after a date ("May 4, 2020 byJane Doe")
_BY_WORDS = "|".join(rf"(?:(?:{verbs.replace(' ', '|')}) )?{word}" for _, verbs, word in v.HEADER_BYLINE_WORDS)
_BY_INSIDE = re.compile(
    r"^(?P<before>[^\n]{0,60}?)(?<![\w])(?:(?i:(?P<word>" + _BY_WORDS + r")):?\s+|by(?=[A-Z][a-z]+\s))"
    r"(?=[A-Z\u00c0-\u00de\u0100-\u017f]|[a-z0-9_]{2,20} on (?:\d|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)))"
)
# a byline word of another language than English in a line (_by_segment's prefilter; "by" is tested as a string)
_OTHER_BY_WORD = re.compile(
    r"(?i:\b(?:" + "|".join(word for lang, _, word in v.HEADER_BYLINE_WORDS if lang != "en") + r")\b)")
# what may stand before another language's byline word, a common preposition ("Rede von Jana Roe", "Foto von"):
# nothing but separators, a separator last ("29. Juni 2017, 23:39 · von"), a "posted" verb first ("Publié le
# 3 mars 2021 par"), else a date alone (_other_by_before)
_OTHER_BEFORE = re.compile(
    r"^(?:[\W_]*|.*[|·•,/–—-]\s*|(?i:" + "|".join(verb for lang, verbs, _ in v.HEADER_BYLINE_WORDS if lang != "en"
                                              for verb in verbs.split()) + r")\b.*)$")


def _other_by_before(before: str) -> bool:
    """What stands before another language's byline word is a separator, a "posted" verb or a date only."""
    return _OTHER_BEFORE.match(before) is not None or date_line(before.strip()) is not None


# what stands before a byline word: at most _BEFORE_MAX characters, unless a "posted" verb of any language
# opens the line (vocabulary.HEADER_BYLINE_WORDS), whose date may have a weekday and a time ("Veröffentlicht am
# Fr, 6. Mai 2022, 18:20 von Jana Roe"); a teaser's headline with a number runs as long ("... $7M mansion
# once owned by ...")
_BEFORE_MAX = 40
_POSTED_FIRST = re.compile(
    r"^[\W_]*(?i:" + "|".join(verb for _, verbs, _ in v.HEADER_BYLINE_WORDS for verb in verbs.split()) + r")\b")


def _by_match(text: str) -> re.Match | None:
    """_BY_INSIDE's match of a header line when what stands before the byline word may (_BY_BEFORE, and
    _BEFORE_MAX characters or a "posted" verb first: _POSTED_FIRST; for another language's word also
    _other_by_before), else None."""
    m = _BY_INSIDE.match(text)
    if not m or not _BY_BEFORE.match(m.group("before")):
        return None
    if len(m.group("before")) > _BEFORE_MAX and not _POSTED_FIRST.match(m.group("before")):
        return None
    word = m.group("word")
    english = word is None or word[-2:].casefold() == "by"
    return m if english or _other_by_before(m.group("before")) else None


# what may stand before "by": separators, a date ("October 19, 2019 by"), a "|"-separated label,
# "Posted on ..."; not a copyright line ("© 2013-2020, background by ...")
_BY_BEFORE = re.compile(r"^(?:[\W_]*|[^©\n]{0,30}\d[^©\n]{0,30}|.*\|\s*|(?i:posted|written|published)\b.*)$")
# what follows the name on such a line: a date, a time, a reading time, a comment count, a separator,
# a social-media handle ("By Eric Levitz @EricLevitz"); a joiner in any case ("By Jane Doe On 12 May 2020")
_BY_TAIL_SPACED = (
    r"\s+(?:\||[–—]|@|(?i:" + "|".join(w for _, words in v.BYLINE_DATE_JOINERS for w in words.split()) + r")\s+\d|\d|(?i:(?:on\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"
    r"[a-z]*)\.?,?\s+\d|(?i:on\s+(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)(?=\d|[A-Z][a-z]{2}))"
)
_BY_TAIL = re.compile(_BY_TAIL_SPACED)
_GLUED_HANDLE = r"|(?<=[a-z])@(?=\w)"  # a handle the dump ran into the name ("By Jane Doe@janedoe")
# where the name of a "By" header line ends (_by_segment): _BY_TAIL, a date's label after the name
# ("By Jane Doe Last updated Nov 8, 2023") or a handle glued to it; the date parts (byline_date_parts)
# still split at _BY_TAIL
_BY_NAME_TAIL = re.compile(
    _BY_TAIL_SPACED[:-1] + r"|(?i:(?:last\s+)?(?:"
    + "|".join(w for _, words in v.BYLINE_NAME_TAILS for w in words.split()) + r")\b))" + _GLUED_HANDLE)
_NICKNAME_QUOTES = "\"“‘'"  # a nickname in quotes inside a name: Amanda "Tania" Doe
_NAME_INITIAL_OR_SUFFIX = re.compile(r"(?:^|\s)(?:[A-Z]|Jr|Sr|St)\.$")


def other_byline_word(text: str) -> bool:
    """The line holds a header byline word of a language other than English ("von", "par", "por": the
    rows of vocabulary.HEADER_BYLINE_WORDS) as a word, in any case."""
    return _OTHER_BY_WORD.search(text) is not None


def _by_segment(text: str) -> str | None:
    """The "By Name" part of a header line (see _BY_INSIDE), the date, time or count after the name
    cut (_BY_TAIL) and a final full stop dropped ("By Jane Doe." - not an initial's or "Jr."'s).
    None when the line holds no "by" + capitalised word after at most a short label or date."""
    if "by" not in text and "By" not in text and "BY" not in text and not other_byline_word(text):
        return None  # cheap prefilter: most lines hold no byline word
    m = _by_match(text)
    if not m:
        return None
    name = _BY_NAME_TAIL.split(text[m.end():], 1)[0].strip().rstrip(" |·•,–—-")  # "By Jane Doe - March 4"
    if name.endswith(":"):
        return None  # a menu label ("+ By Course/Meal:"), not a name
    if name.endswith(".") and not _NAME_INITIAL_OR_SUFFIX.search(name):
        name = name[:-1]
    return f"By {name}" if name else None


# what leads the date after a byline's name: separators and a joiner of any language ("on", "am", "le", "el",
# "em": vocabulary.BYLINE_DATE_JOINERS; "Von Jana Roe am 03.05.2022 um 10:20 Uhr")
_TAIL_LEAD = re.compile(r"^[\s|/·•,–—-]*(?:(?i:" + "|".join(w for _, words in v.BYLINE_DATE_JOINERS for w in words.split())
                        + r")\s+)?")
_TAIL_PARTS = re.compile(r"\s+[|/·•]\s+|\s+[–—-]\s+")


def byline_date_parts(text: str) -> list[str]:
    """The parts of a byline line that may be its date: what follows the name ("By Jane Doe on July
    27, 2017", "By Jane Doe - January 10, 2020 | 5 min read", up to the next separator) and what comes
    before "by" ("Posted on September 21, 2020 by Jane Doe"). [] for other lines."""
    m = _by_match(text)
    if not m:
        return []
    parts = [m.group("before").strip(" |·•–—-")] if m.group("before").strip(" |·•–—-") else []
    tail = _BY_TAIL.search(text, m.end())
    if tail:
        rest = _TAIL_LEAD.sub("", text[tail.start():], count=1)
        parts.insert(0, _TAIL_PARTS.split(rest, 1)[0])
    return [p for p in parts if p]


def byline(text: str) -> tuple[str | None, str | None] | None:
    """(byline, outlet) for a "By Jane Doe, Reuters" line; (None, outlet) for "By Reuters". A header
    line that holds a byline with a date or label around it gives the byline (_by_segment)."""
    if len(text) > 120:
        return None
    item = v.BULLET.match(text) if text[:1] in _LIST_MARKS else None
    if item and _LABELLED_BYLINE.match(text, item.end()):
        return byline(text[item.end():])  # "* Author: Jane Doe": a labelled byline in a dump's list
    m = _BYLINE_MATCH(text)  # _BYLINE.match where the first character allows (fastmatch)
    if m and m.group("uncased"):  # scripts without letter case: the name is the rest of the line
        return (m.group("uncased").strip(), None) if len(m.group("uncased").split()) <= 6 else None
    segment = _by_segment(text)
    if segment:
        m = _BYLINE.match(segment)
        if not m and handle(segment[3:]):
            return segment[3:], None  # "by jdoe on December 4, 2006": a lower-case handle before its date
    if not m:
        return None
    tail = _credit_tail(m.group("name"))
    if tail:
        return tail[0]
    return _byline_names(m.group("name"), in_header=segment != text)


def _byline_names(name: str, in_header: bool) -> tuple[str | None, str | None] | None:
    """(byline, outlet) from the name part of a byline match ("Ann Lee, Tom Hale and Joe Park, Example
    News"), or None when it names no one; `in_header`: the byline was a segment of a longer header line."""
    parts = [p for p in _BYLINE_SPLIT.split(_SERIAL_COMMA.sub(" ", name)) if p]  # "A, B, and C"
    if parts and (v.DESK_CREDIT.match(parts[0]) or v.DESK_CREDIT.match(name.strip())):
        return None, _outlet_part(parts[1:])  # "By Editorial Staff": no person
    caps_names = _caps_names_outlet(parts[0]) if parts else None
    if caps_names:
        return caps_names
    if not parts or len(parts[0].split()) > 6 or (is_terminal(parts[0]) and not _NAME_INITIAL_OR_SUFFIX.search(parts[0])):
        return None
    if in_header and len(parts[0].split()) == 1 and parts[0].casefold() not in _NOT_NAME_WORDS and not _OUTLET.search(parts[0]):
        # "Posted by Konstantin 21.10.2019", "12/04/2020 by Kay": a header line's one-word name (a pen name)
        return parts[0], None
    # "By Jane Doe in Kyiv", "By Jane Doe at City Hall": the place is not part of the name
    words = _BYLINE_PLACE.sub("", parts[0]).split()
    if not all(w.lstrip(_NICKNAME_QUOTES)[:1].isupper() or w in _NAME_PARTICLES or w in _NAME_JOINERS for w in words):
        return None
    if len(words) == 1:  # "By Reuters" names an outlet; "By Tuesday" names nothing
        return (None, parts[0]) if _OUTLET.search(parts[0]) else None
    if len(words) != len(parts[0].split()):
        return " ".join(words), _outlet_part(parts[1:])
    return ", ".join([parts[0], *_other_names(parts[1:])]), _outlet_part(parts[1:])


def _caps_names_outlet(text: str) -> tuple[str, str] | None:
    """(names, outlet) when upper-case names run straight into a mixed-case outlet, the agency style
    "By JANE DOE Associated Press" -> ("JANE DOE", "Associated Press"), also for co-authors ("JANE DOE
    and JOHN ROE Associated Press"); None otherwise. Each name has at most 6 words."""
    words = text.split()
    k = next((i for i, w in enumerate(words) if not (w.isupper() or w in _NAME_JOINERS)), len(words))
    while k and words[k - 1] in _NAME_JOINERS:
        k -= 1
    if k < 2 or k == len(words):
        return None
    outlet = " ".join(words[k:])
    if not _OUTLET.search(outlet) or not all(w[:1].isupper() or w in _NAME_PARTICLES for w in words[k:]):
        return None
    names = " ".join(words[:k])
    if any(len(name.split()) > 6 for name in _CAPS_NAMES_SPLIT.split(names)):
        return None
    return names, outlet


_CAPS_NAMES_SPLIT = re.compile(r"\s+(?:and|&)\s+")


def _other_names(parts: list[str]) -> list[str]:
    """The names after a byline's first ("By Ann Lee, Tom Hale and Joe Park"), up to the first part that
    is an outlet, a role, a desk or an affiliation ("By Jane Doe, Example University"), or no name."""
    names = []
    for part in parts:
        if _OUTLET.search(part) or _ROLE_ONLY.match(part) or v.DESK_CREDIT.match(part) or _affiliation(part):
            break
        if part[:1].islower() or not authors(part):
            break
        names.append(part)
    return names


def _outlet_part(parts: list[str]) -> str | None:
    """The first byline part after the names that names an outlet ("By Jane Doe, Example News"),
    not a staff role that holds an outlet word ("By Jane Doe, Chief Reporter", "Times Staff Writer":
    the paper's short name run into the role) nor a desk credit ("Courier Staff": vocabulary.DESK_CREDIT,
    the masthead names the outlet in full); else None."""
    return next((p for p in parts if _OUTLET.search(p) and not _ROLE_ONLY.match(p) and not _TRAILING_ROLE.search(p)
                 and not v.DESK_CREDIT.match(p)), None)


def _credit_tail(name: str) -> tuple[tuple[str | None, str | None] | None] | None:
    """(byline(...) of the names alone,) when a credit follows a byline's names: other help ("; Additional
    reporting by ..."), an agency in brackets ("Jane Doe (Reuters)": the outlet), the outlet written for
    ("Jane Doe for The Daily Courier"), an outlet after a full stop ("Jane Doe. Example International":
    vocabulary.NAME_CREDIT_TAILS); None when no such credit follows."""
    contribution = _CONTRIBUTION_TAIL.search(name)
    if contribution and contribution.start() > 0:
        return (byline(f"By {name[:contribution.start()]}"),)
    paren = _PAREN_TAIL.search(name)
    if paren and paren.start() > 0:
        found = byline(f"By {name[:paren.start()]}")
        return ((found[0], found[1] or _paren_outlet(paren.group(1))) if found else None,)
    written_for = _BYLINE_FOR.search(name)
    if written_for:
        found = byline(f"By {name[:written_for.start()]}")
        return ((found[0], found[1] or written_for.group("outlet")) if found else None,)
    stop = _OUTLET_AFTER_STOP.search(name)  # "Jane Doe. Example International"
    if stop and len(name[:stop.start()].split()) >= 2 and not _NAME_INITIAL_OR_SUFFIX.search(name[:stop.start() + 1]):
        found = byline(f"By {name[:stop.start()]}")
        return ((found[0], found[1] or name[stop.start():].lstrip(". ")) if found else None,)
    return None


_OUTLET_AFTER_STOP = next(pattern for kind, pattern in v.NAME_CREDIT_TAILS if kind == "outlet")


# "A, B and C", "A; B", "A & B", "A und B": the separators between the names of a byline
# (the serial comma first: "A, B, and C")
_AUTHOR_SEPARATOR = re.compile(r"\s*,\s+(?:and|&|und|et|y|e|en|og|och|i)\s+|\s*[,;/|]\s*|\s+(?:and|&|und|et|y|e|en|og|och|i)\s+")
_SERIAL_COMMA = re.compile(r",\s+(?=(?:and|&|und|et|y|e|en|og|och)\s+\S)")
_AUTHOR_MAX_WORDS = 6
_NOT_NAME_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday today yesterday updated published posted "
    "staff reporter correspondent editor writer contributor contributed article story photo photos email follow "
    "authors author share comments minutes hours ago read admin administrator anonymous guest unknown webmaster by "
    "username password login logout sign edition version "
    # content-recommendation widgets' credit ("Sponsored Links by Taboola", a dump's lone "by Taboola")
    "taboola outbrain revcontent zergnet mgid".split()
)


def not_name_word(word: str) -> bool:
    """A word no name holds: a date's (month, weekday), a role's or an interface's (_NOT_NAME_WORDS)."""
    return word.casefold().strip(".,") in _NOT_NAME_WORDS


# "Evan Halper Staff Writer": a role run into the name
_TRAILING_ROLE = re.compile(
    r"(?<=\w)\s+(?:(?:staff|senior|chief|contributing|special|political|business|science|sports?)\s+)?"
    r"(?:writer|reporter|correspondent|editor|columnist|contributor)s?$",
    re.IGNORECASE,
)
# ... also after an agency's capitals: "AP Sports Writer", "AFP Correspondent"
_ROLE_ONLY = re.compile(
    r"^(?:(?-i:[A-Z]{2,5})\s+)?(?:(?:staff|senior|chief|contributing|special|political|business|science|sports?)\s+)?"
    r"(?:writer|reporter|correspondent|editor|columnist|contributor)s?$",
    re.IGNORECASE,
)
_SOCIAL_HANDLE = re.compile(r"^@\w{1,30}$")


def byline_credit(text: str, name: str, outlet: str | None = None) -> bool:
    """The line is the byline of an author the record names, without "By": the name alone, or with a role
    title ("Jane Doe, AP Sports Writer", "Jane Doe Staff Writer"), a social-media handle ("Jane Doe
    @janedoe") or the record's `outlet` ("Jane Doe, The Daily Courier") after it; case-insensitive (a
    declared author may be in capitals)."""
    if not text.casefold().startswith(name.casefold()):
        return False
    if outlet and text[len(name):].strip(" ,").casefold() == outlet.casefold():
        return True
    rest = text[len(name):].strip(" ,|·•–—-")
    return (not rest or _SOCIAL_HANDLE.match(rest) is not None or _ROLE_ONLY.match(rest) is not None
            or (len(rest.split()) <= 4 and _TRAILING_ROLE.search(f"x {rest}") is not None
                and all(w[:1].isupper() for w in rest.split())))


# generational suffixes and the degrees and credentials health, law and finance pages print after a name,
# written without their dots ("Ph.D." is "phd"); "PA", "MA", "MS" and "DO" are left out: an agency, states
_NAME_SUFFIXES = frozenset(
    "jr sr ii iii iv phd md mph rn np bsn msn dnp aprn dds dmd dvm pharmd psyd edd mba msc mbbs frcp facp facs "
    "rd rdn lcsw lpc cpa cfa cfp esq".split()
)


def name_suffix(word: str) -> bool:
    """A suffix, degree or credential written after a name and a comma ("Jr.", "PhD", "MD", "MPH", "R.N."):
    part of the name (_NAME_SUFFIXES, compared without dots)."""
    return word.casefold().replace(".", "") in _NAME_SUFFIXES


def authors(byline_text: str | None, declared: bool = False) -> list[str]:
    """The names in a byline string, in order: "A, B and C" -> [A, B, C]. Each entry is a person's or
    organisation's name: 1-6 words, each capitalised (or a name particle: "de", "van"), or a script
    without letter case; dates, roles, sentences and "contributed by" phrases are not names and end
    the list. [] for None or when no name leads the text; a desk or staff credit names no person
    ("Editorial Staff", "Staff Reporter", "News Desk": vocabulary.DESK_CREDIT) and ends the list too.
    declared: the text is a page's declared author field (JSON-LD, <meta name=author>): names are split
    the same way, but any casing is accepted; dates and sentences are still refused."""
    if not byline_text:
        return []
    text = _BYLINE.sub(lambda m: m.group("name") or m.group("uncased"), byline_text.strip())
    text = _PAREN_TAIL.sub("", _CONTRIBUTION_TAIL.sub("", text) or text) or text  # "A (Reuters)", "A; Additional reporting by B"
    if v.DESK_CREDIT.match(text.strip(" :")):
        return []  # "Staff and news service reports": the whole credit, before it splits at "and"
    if handle(text):
        return [text]  # "jdoe": a whole byline that is a user name
    out: list[str] = []
    for part in _AUTHOR_SEPARATOR.split(text):
        part = part.strip(" :")
        if not part:
            continue
        if name_suffix(part) and out:
            out[-1] = f"{out[-1]}, {part}"  # "Michael Anderson, PhD"
            continue
        if _ROLE_ONLY.match(part) or (out and _affiliation(part)):
            break  # "…, Staff Writer", "…, Cloud Platform Marketing, Examplecorp"; a role alone ("Editor") names no one
        part = _PAREN_TAIL.sub("", part) or part  # "Jane Doe (Reuters)"
        stripped = _TRAILING_ROLE.sub("", part)
        part = stripped if len(stripped.split()) >= 2 else part
        part = name_without_credit(part)
        if v.DOMAIN_IN_NAME.search(part):
            break  # "Phys.org": the site, not an author
        if v.DESK_CREDIT.match(part) or not (_is_declared_name(part) if declared else _is_name(part)):
            break
        out.append(part)
    return out




# a user name as blogs print it: lower case, letters first, then letters, digits or "_" ("jdoe", "mary_k")
_HANDLE = re.compile(r"^[a-z][a-z0-9_]{1,19}$")


def handle(text: str) -> bool:
    """A lower-case user name ("jdoe"), not a word that names no one (a date or role word, a function
    word, a button word). Accepted as an author only as a whole byline (authors)."""
    return (_HANDLE.match(text) is not None and text not in _NOT_NAME_WORDS and text not in v.STOPWORDS
            and text not in v.UI_WORDS)


_PAREN_TAIL = re.compile(r"\s*\(([^()]{1,40})\)$")


def _paren_outlet(text: str) -> str | None:
    """The bracketed credit after a byline's names as its outlet: an outlet word or an agency's short
    capitals ("Reuters", "AP", "AFP"); None for other brackets (pronouns, a place)."""
    return text if _OUTLET.search(text) or re.fullmatch(r"[A-Z][A-Z&.]{1,5}", text) else None


def _affiliation(part: str) -> bool:
    """A department, team, company or institution after a name (vocabulary.AFFILIATION)."""
    return v.AFFILIATION.search(part) is not None


def name_without_credit(name: str, site_key: str = "") -> str:
    """One author entry without the credit a byline runs into the name after it (vocabulary.NAME_CREDIT_TAILS,
    row by row in order): an outlet after a full stop ("Jane Doe. Example International" -> "Jane Doe"), a staff
    credit ("Ann Lee CityVoice Staff" -> "Ann Lee") and, given the page's site name as lines.key letters
    (site_key), that name with or without a desk word ("Ann Lee CNN", "Jane Doe Valley-Echo Desk"). Each row
    applies only when two or more words are left; the name is returned unchanged otherwise."""
    for kind, pattern in v.NAME_CREDIT_TAILS:
        if kind == "site":
            if not site_key:
                continue  # without the site's name the row leaves every name as it is
            bare = pattern.sub("", name)  # "Ann Lee CNN Staff" -> "Ann Lee CNN": then the site's name
            stripped = _without_site_tail(bare, site_key)
            stripped = name if stripped == bare else stripped
        else:
            m = pattern.search(name)
            stripped = name[:m.start()] if m and not (kind == "outlet" and _NAME_INITIAL_OR_SUFFIX.search(name[:m.start() + 1])) else name
        if stripped != name and len(stripped.split()) >= 2:
            name = stripped
    return name


def _without_site_tail(name: str, site_key: str) -> str:
    """The name without its last one to three words when their letters are the site's name (lines.key)."""
    words = name.split()
    for k in range(1, min(3, len(words) - 2) + 1):
        if key(" ".join(words[-k:])) == site_key:
            return " ".join(words[:-k])
    return name


def _is_name(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= _AUTHOR_MAX_WORDS or any(ch.isdigit() for ch in text) or not any(ch.isalpha() for ch in text):
        return False
    if any(w.casefold().strip(".,") in _NOT_NAME_WORDS or w.endswith(("'s", "’s")) for w in words):
        return False  # a possessive ("Today's Paper", "Editor's Picks") names no person
    return all(_name_word(w) for w in words)


_DECLARED_NOT_NAME = re.compile(
    r"\b(?:january|february|march|april|june|july|august|september|october|november|december|"
    r"view all posts|posts by|contributed|says|wrote|no author|edited by|updated|published|ago|"
    # a login form's labels ("Username"), an edition ("Print Edition"), software ("Markupgen Version")
    r"user ?name|password|log ?in|sign ?in|editions?|version)\b|\d{1,2}[,:]|\d{4}|"
    # a short date ("Dec 6", "Sept. 14"): a date element split off the author field
    r"\b(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.? \d{1,2}\b|"
    # a CMS account's placeholder, not a person: "admin", "Guest Author", "Anonymous"
    r"^(?:admin|administrator|webmaster|guest(?: author)?|anonymous|unknown)$|"
    # a day name alone: a date element's first word taken for a byline ("Wednesday")
    r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$",
    re.IGNORECASE,
)


def _is_declared_name(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= _AUTHOR_MAX_WORDS and _DECLARED_NOT_NAME.search(text) is None and not text.endswith(".") or (
        1 <= len(words) <= 3 and text.endswith(".") and _DECLARED_NOT_NAME.search(text) is None
    )


def _name_word(word: str) -> bool:
    """Capitalised, an initial, a name particle, or a word of a script without letter case."""
    first = next((ch for ch in word if ch.isalpha()), "")
    return not first or first.isupper() or first.lower() == first.upper() or word in _NAME_PARTICLES


def join_names(names: list[str]) -> str | None:
    """"A", "A and B", "A, B and C" (None for no names)."""
    if not names:
        return None
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def standalone_name(text: str) -> bool:
    """A bare person's name on its own line: 2-4 capitalised words, nothing else."""
    words = text.split()
    if not 2 <= len(words) <= 4 or len(text) > 50:
        return False
    return all(w[:1].isupper() and w.replace("-", "").replace("'", "").replace(".", "").isalpha() or w in _NAME_PARTICLES
               for w in words)


# "Jane Doe in Kyiv", "Jane Doe and John Roe in New Delhi": where the byline's reporters filed from
# (the Guardian's and many papers' style, without "By")
_REPORTING_PLACE = re.compile(r"\s+in\s+[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,2}$")


def without_reporting_place(text: str) -> str:
    """The text without a closing " in <Place>" (1-3 capitalised words): "Jane Doe in Kyiv" -> "Jane Doe";
    other text unchanged."""
    return _REPORTING_PLACE.sub("", text)


def name_and_outlet(text: str) -> tuple[str, str] | None:
    """(name, outlet) of a byline without "By" that names the reporter's paper after a comma ("Jane Doe, The
    Daily Courier", a newspaper group's style: looks_like_outlet), else None ("Jane Doe, John Roe": two names)."""
    name, sep, outlet = text.partition(", ")
    if not sep or ", " in outlet or not looks_like_outlet(outlet) or looks_like_outlet(name):
        return None
    return name, outlet


def source_label(text: str) -> str | None:
    """The outlet a short source label names ("Source: Example News" -> "Example News"), for lines of
    70 characters at most; else None."""
    m = _SOURCE_LABEL_MATCH(text) if len(text) <= 70 else None
    return m.group("name").strip() if m else None


def looks_like_outlet(text: str) -> bool:
    """A short standalone name such as "Wire Service News" or "The Daily Courier"."""
    if len(text) > 40 or is_terminal(text):
        return False
    words = text.split()
    if not 1 <= len(words) <= 5 or not _OUTLET.search(text):
        return False
    if any(w.casefold() in _NAV_WORDS for w in words) or words[-1].casefold() in _LABEL_ENDINGS:
        return False
    return all(w[:1].isupper() or not w[:1].isalpha() for w in words)


# the first characters of a list item's marker in a text dump ("* ", "+ ", "o " for nested lists, "• ", "- ")
_LIST_MARKS = frozenset(v.LIST_MARKS + "o")  # the first characters vocabulary.BULLET can match
_LABELLED_BYLINE = re.compile(r"(?:authors?|written by|by)\s*:\s*\S", re.IGNORECASE)


def title_score(text: str, body_words: set[str]) -> float:
    """How well a header line works as the headline: its content words found in the body."""
    n = len(text.split())
    if not 3 <= n <= 30 or len(text) > 250:
        return 0.0
    stripped = text.rstrip("\"'”’»)")
    if stripped.endswith(".") and not stripped.endswith("..."):
        return 0.0
    if count_letters(text) < 0.6 * len(text):  # len(re.sub(r"[\W\d_]+", "", text)), by bytes (fastmatch)
        return 0.0
    words = content_words(text)
    if not words:
        return 0.0
    return len(words & body_words) / len(words)


# the two scores joined by a dash or colon, or by a bare space: a scoreboard's score cells run together in a dump
_SCORELINE = re.compile(r"^[A-Z][\w.'’&-]*(?: [\w.'’&-]+){0,3} \d{1,3}(?: ?[-–:] ?| )\d{1,3} [A-Z][\w.'’&-]*(?: [\w.'’&-]+){0,3}$")
_INNER_SENTENCE = re.compile(r"[a-z]{3}\. +[A-Z(\"“‘']")


def scoreline(text: str) -> bool:
    """A result line of a scoreboard widget: "Riverside 2 - 1 Eastfield"."""
    return len(text) <= 80 and _SCORELINE.match(text) is not None


def inner_sentence_end(text: str) -> bool:
    """A full stop inside the line, after a lower-case word: two sentences, not a headline."""
    return _INNER_SENTENCE.search(text) is not None


def headline_shaped(text: str) -> bool:
    """4-20 words, capitalised start, no sentence end, mostly capitalised words or a colon/question."""
    words = text.split()
    if not 4 <= len(words) <= 20 or len(text) > 200 or not text[:1].isupper():
        return False
    stripped = text.rstrip("\"'”’»)")
    if stripped.endswith((".", ",", ";")):
        return False
    long_words = [w for w in words if len(w) > 3]
    capitalised = sum(1 for w in long_words if w[:1].isupper())
    return bool(long_words) and capitalised * 2 >= len(long_words)


def _closing_credit(text: str) -> bool:
    """vocabulary.CLOSING_CREDIT.search(text) is not None, searched only when the lower-cased text holds one
    of CLOSING_CREDIT_LITERALS (or a CASE_TWINS character: then always): most quoted lines hold none, and the
    unanchored search tries five branches at every character (7.6 us per quoted paragraph)."""
    if not any(map(text.__contains__, v.CASE_TWINS)) and not any(map(text.lower().__contains__, v.CLOSING_CREDIT_LITERALS)):
        return False
    return v.CLOSING_CREDIT.search(text) is not None


def is_caption(text: str, before_lead: bool) -> bool:
    """Photo captions/credits: explicit credit anywhere; positional phrases or a glued wire credit
    before the lead paragraph. Quoted speech is never a caption, unless a photo credit closes the line
    (vocabulary.CLOSING_CREDIT: 'Fans hold a banner reading "Thank you" on Sunday. (Photo: Jane Doe)')."""
    if len(text) > (500 if before_lead else 300) or (has_quotes(text) and not _closing_credit(text)):
        return False
    if len(text) <= 300 and has_caption_trigger(text.casefold()) and v.PHOTO_CREDIT.search(text):
        return True
    if text.endswith(")") and text.count(" ") >= 4 and v.PAREN_CREDIT.search(text[-90:]):
        return True
    return before_lead and bool(
        v.GLUED_CREDIT.match(text) or v.POSITIONAL.search(text) or v.PHOTO_WORDING.search(text)
    )
