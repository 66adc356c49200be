"""Text predicates the passes share: word edges, sentence openings, name shapes, place prepositions.

Plain functions of strings and offsets (no Mention, no Article): patterns memoised once per
source (`compiled`), spans of a word form found by str.find (`whole_word_spans`), the entity
spans of a Doc computed once (`ent_chars`), the shape of a name (`name_shaped`,
`toponym_shaped`) and the preposition of place before an offset (`locative`).
"""

from __future__ import annotations

import functools
import re
import weakref

from workers.stages import placenames
from workers.stages.entities import canonical, fixes, tables
from workers.stages.entities.canonical import common  # noqa: F401  (re-exported: the passes import it from scan)
from workers.stages.entities.wordedge import LOWER, UPPER, WORD_START


# Prepositions of place ("in X", "divers off X"); "from"/"to" only after a plural noun (locative).
LOCATIVE = frozenset({"in", "near", "outside", "across", "from", "to", "off"})
# "faith in X", "a stake in X": nouns after which "in" does not introduce a place.
NOT_PLACE_BEFORE_IN = frozenset(
    "faith confidence trust belief interest stake stakes shares investment investments role".split()
)


def locative(text: str, start: int, depth: int = 0) -> bool:
    """The word before `start` is "in"/"near"/..., and not "faith in", "a stake in"; or "from"/"to"
    after a plural noun ("flights to X", "engineers from X"); or "of" after a place noun ("the
    port of X") or a compass word (canonical.DIRECTIONS: "20 km north of X", never said of a
    person); or "and" after a place told so ("flights to Malaga and X"); or the two words
    before are a tables.DESTINATION_PHRASES row ("bound for X", "march on X")."""
    match = re.search(r"(?:(\w+)\s+)?(\w+)\W*$", text[max(0, start - 48) : start])
    if not match:
        return False
    word, before = match.group(2).lower(), (match.group(1) or "")
    if f"{before.lower()} {word}" in tables.DESTINATION_PHRASES:
        return True  # "bound for X", "march on X"
    if word == "and" and depth == 0:
        previous = re.search(r"([A-Z][\w\-]*)[ \t]+and[ \t]+$", text[max(0, start - 48) : start])
        return bool(previous) and locative(text, start - len(previous.group()), depth + 1)
    if word == "of":
        return before.lower() in tables.PLACE_NOUNS or before.lower() in canonical.DIRECTIONS
    if word not in LOCATIVE:
        return False
    if word in ("from", "to"):  # "engineers from X", "flights to X"; not "a call from X", "spoke to X"
        return len(before) > 3 and before[1:].islower() and before.endswith("s") and not before.endswith("ss")
    return not (word == "in" and before.lower() in NOT_PLACE_BEFORE_IN)


_NOT_AFTER_WORD = re.compile(WORD_START)


def ends_with_words(text: str, end: int, words: list[str]) -> bool:
    """text[:end] ends with `words` (joined by one space, not glued to a word before) and
    whitespace: the regex `WORD_START + WORDS + r"\s+$"` on text[:end], without copying the text."""
    given = " ".join(words)
    if not given:
        return bool(re.search(rf"{WORD_START}\s+$", text[:end]))
    stripped = end
    while stripped and text[stripped - 1].isspace():  # str.isspace is the \s of str patterns
        stripped -= 1
    if stripped == end or stripped < len(given) or not text.startswith(given, stripped - len(given)):
        return False
    return bool(_NOT_AFTER_WORD.match(text, stripped - len(given)))


_ENTS: "weakref.WeakKeyDictionary[object, tuple[tuple[int, int, str], ...]]" = weakref.WeakKeyDictionary()


@functools.lru_cache(maxsize=4096)
def compiled(source: str, flags: int = 0) -> re.Pattern:
    """`re.compile`, memoised beyond the re module's own 512 patterns: the passes build patterns
    from an article's names, and one article may ask for the same ones many times."""
    return re.compile(source, flags)


def ent_chars(doc) -> tuple[tuple[int, int, str], ...]:
    """(start_char, end_char, label) of the doc's entities, computed once per Doc (doc.ents
    builds new Span objects on every access, and the passes ask for them many times)."""
    found = _ENTS.get(doc)
    if found is None:
        found = _ENTS[doc] = tuple((ent.start_char, ent.end_char, ent.label_) for ent in doc.ents)
    return found


def occupied_spans(doc) -> list[tuple[int, int]]:
    """(start_char, end_char) of the model's entities in `doc`, each up to its first paragraph break
    (a span the model read across one, "March 9, 2024\n\nReid", leaves the next paragraph's words
    free for the names found elsewhere); [] when `doc` is None."""
    if doc is None:
        return []
    spans = []
    for start, end, _ in ent_chars(doc):
        cut = doc.text.find("\n\n", start, end)
        spans.append((start, end if cut < 0 else cut))
    return spans


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Character span [start, end) overlaps one of `spans` ((start, end) pairs)."""
    return any(start < b and a < end for a, b in spans)


def sentence_initial(text: str, start: int) -> bool:
    """Offset `start` of `text` opens a sentence: only spaces/tabs before it, or they follow a newline,
    sentence end, quote, bracket or dash."""
    before = text[:start].rstrip(" \t")
    return not before or before[-1] in '\n.!?:;"\u201c\u201d\'\u2018\u2019(-'


# A person's apposition right after a name: ", who", ", 37,", ", a former ...", ", the ... who".
PERSON_CUE = re.compile(
    r",[ \t]+(?:who\b|aged[ \t]+\d|\d{1,2},|(?:a|the)[ \t]+(?:former|retired|veteran)\b"
    r"|(?:a|an|the)[ \t]+(?:[a-z\-]+[ \t]+){1,4}who\b)"
)


# After a reused surname: punctuation or a verb, not a noun ("Villa manager", "Forest owner").
SURNAME_FOLLOWER = (
    r"(?=[,.;:!?)]|[ \t]+(?:said|says|told|tells|added|adds|will|would|was|is|has|had|could|can|"
    r"later|also|did|does|urged|warned|denied|called|met|stayed|spoke|wrote|leaves|left|won|lost)\b)"
)


NEXT_WORD = re.compile(r"[ \t]+([A-Z][\w'\-]*)")


def after_name_word(text: str, start: int, openers: bool = False) -> bool:
    """A capitalised word right before offset `start` that is no title ("Mr") and, unless
    `openers`, does not open a sentence: the word at `start` goes on another name ("Oman Re", not
    "Mr Re"; with `openers` also "Swiss Re" opening a paragraph)."""
    before = re.search(r"([A-Z][\w'\-.]*)[ \t]+$", text[max(0, start - 40) : start])
    if before and before.group(1).endswith(".") and len(before.group(1).strip(".")) > 3:
        before = None  # "on Sunday. Brennan": a sentence ends before, not a name
    if before and not canonical.is_title(before.group(1)):
        return openers or not sentence_initial(text, start - len(before.group()))
    return False


def inside_longer_name(text: str, start: int, end: int) -> bool:
    """A capitalised word right before (not a title, not opening a sentence) or right after."""
    return after_name_word(text, start) or bool(NEXT_WORD.match(text, end))


NAME_HEADS = fixes.ORG_HEADS | fixes.INSTITUTION_HEADS


def name_shaped(name: str) -> bool:
    """Capitalised words only, no institution head noun, day name (canonical.DAY_NAMES: "families on
    Sunday"), digits, "&" or all-caps acronym."""
    words = name.split()
    return all(
        w[:1].isupper() and not canonical.is_all_caps(w) and w.replace("-", "").replace("'", "").isalpha()
        and w.lower() not in NAME_HEADS and w.lower() not in fixes.CLUB_SUFFIXES and w not in canonical.DAY_NAMES
        for w in words
    )


GENERICS = frozenset(generic for generic, _ in placenames.TOPONYM_GENERICS)


def toponym_shaped(name: str) -> bool:
    """`name` (a mention's text) reads as a place's: two or more capitalised words, the last a
    generic term of placenames.TOPONYM_GENERICS ("Redgum Flat"), none an organisation designator
    of tables.ORG_DESIGNATORS ("Willow Creek Council", "Bank of Pine Ridge")."""
    words = name.split()
    return (
        len(words) >= 2
        and all(word[:1].isupper() for word in words)
        and words[-1].casefold() in GENERICS
        and not any(word.casefold().strip(".,") in tables.ORG_DESIGNATORS for word in words)
    )


THE_BEFORE = re.compile(rf"{WORD_START}[Tt]he[ \t]+$")


# One to three capitalised words (not an acronym), in any Latin letters ("Gécamines", "Łódź"):
# a name in a list or after a describing noun.
LIST_NAME = rf"[{UPPER}][{LOWER}][\w'\-]*(?:[ \t][{UPPER}][{LOWER}][\w'\-]*){{0,2}}"


def known_country_or_region(name: str) -> bool:
    """`name` is a known country (canonical.known_place) or, normalised, a subdivision (canonical.known_region)."""
    return canonical.known_place(name) or canonical.known_region(canonical.normalise(name))


CAPITALISED_BEFORE = re.compile(rf"{WORD_START}[A-Z][\w'\u2019\-]*[ \t]+$")


def noun_word(word: str, nouns: frozenset[str]) -> bool:
    """`word` is a common noun or the plural of one ("Lighthouses", "Fisheries", "Trade")."""
    lower = word.lower()
    return lower in nouns or plural_noun(lower, nouns)


def written_lower(word: str, lower: set[str]) -> bool:
    """The article writes `word` in lower case, as it is or as its plural ("Café" of a headline,
    "cafés" in the body): a common noun, not a name."""
    w = word.lower()
    return w in lower or w + "s" in lower or w + "es" in lower or (w.endswith("y") and w[:-1] + "ies" in lower)


def plural_noun(word: str, common_nouns: frozenset[str]) -> bool:
    """`word` is the plural of a common noun ("negotiators", "floods"). Singular common nouns
    opening a sentence are often companies and institutions ("Apple on Tuesday unveiled", "Ford
    fell", "Treasury Secretary", "Kremlin spokesman"), so they need the lowercase evidence."""
    if word in common_nouns and not word.endswith("s"):
        return False
    stems = [word[:-3] + "y"] if word.endswith("ies") else []
    stems += [word[:-2], word[:-1]] if word.endswith("es") else [word[:-1]] if word.endswith("s") else []
    return any(len(stem) > 2 and stem in common_nouns for stem in stems)


def _is_word_char(char: str) -> bool:
    """The `\\w` of str patterns: a Unicode letter, digit or number, or the underscore."""
    return char.isalnum() or char == "_"


def whole_word_spans(text: str, form: str, glued_before: str = "", glued_after: str = "") -> list[tuple[int, int]]:
    """Spans of `form` in `text` not glued to a word character on either side (nor to a character
    of `glued_before` before it, of `glued_after` after it), left to right without overlaps:
    `re.finditer(r"(?<![\\w" + glued_before + "])" + re.escape(form) + r"(?![\\w" + glued_after + "])",
    text)` by str.find (no pattern to compile per name)."""
    spans: list[tuple[int, int]] = []
    if not form:
        return spans
    size, position = len(form), text.find(form)
    while position >= 0:
        end = position + size
        if (position == 0 or not _is_word_char(text[position - 1]) and text[position - 1] not in glued_before) and (
            end == len(text) or not _is_word_char(text[end]) and text[end] not in glued_after
        ):
            spans.append((position, end))
            position = text.find(form, end)
        else:
            position = text.find(form, position + 1)
    return spans
