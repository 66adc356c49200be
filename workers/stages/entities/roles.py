"""Roles before names: offices, honorifics and role phrases (tables.ROLES) are never part of a
person's name, and capitalised words right after one are a person.

Shapes: words are whitespace-separated tokens; offsets are character offsets into one text.
"""

from __future__ import annotations

import re

from workers.stages.entities import tables
from workers.stages.entities.tables import NOT_PERSON_CUES, ROLE_MODIFIERS, ROLES
from workers.stages.entities.wordedge import LOWER, UPPER, WORD_END, WORD_START

PHRASES: frozenset[tuple[str, ...]] = frozenset(tuple(phrase.split()) for phrase, _ in ROLES)
# Phrases that make the words after them a person (not "St", "Saint").
_CUES = frozenset(tuple(phrase.split()) for phrase, domain in ROLES if domain not in NOT_PERSON_CUES)
LONGEST = max(len(phrase) for phrase in PHRASES)
# Single words of the table: titles in the sense of canonical.TITLE_WORDS.
ROLE_WORDS = frozenset(phrase[0] for phrase in PHRASES if len(phrase) == 1)
_FIRST_WORDS = frozenset(phrase[0] for phrase in _CUES)
_SAINTS = frozenset(phrase for phrase, domain in ROLES if domain in NOT_PERSON_CUES)


def _key(word: str) -> str:
    return word.rstrip(".,").lower()


def _phrase_at(keys: list[str], index: int, phrases: frozenset[tuple[str, ...]] = PHRASES) -> int:
    """Length in words of the longest role phrase starting at keys[index]; 0 when none."""
    for size in range(min(LONGEST, len(keys) - index), 0, -1):
        if tuple(keys[index : index + size]) in phrases:
            return size
    return 0


def is_saint(word: str) -> bool:
    """"St", "St.", "Saint": strips from a person's name but names places ("St. Louis Park")."""
    return _key(word) in _SAINTS


def is_initials(words: list[str], index: int) -> bool:
    """words[index] is an honorific's abbreviation written in capitals without a full stop before a
    word that is not in capitals (tables.HONORIFIC_ABBREVIATIONS): a person's initials, as in
    ["MS", "Tarrow"] or ["DR", "Pellow"]; not ["Ms", "Tarrow"] nor an all-caps headline's ["MS", "TARROW"]."""
    word = words[index]
    return (word.isupper() and word.lower() in tables.HONORIFIC_ABBREVIATIONS and index + 1 < len(words)
            and not words[index + 1].isupper())


def role_prefix_length(words: list[str]) -> int:
    """Number of leading `words` that are a role: modifiers and role phrases ending in a role phrase.

    ["State", "Comptroller", "Martin", "Hale"] -> 2; ["Mr", "Justice", "Marsh"] -> 2;
    ["Harbour", "master", "Tom", "Pendry"] -> 2; ["State", "Street"] -> 0."""
    keys = [_key(word) for word in words]
    index = end = 0
    while index < len(keys):
        size = 0 if is_initials(words, index) else _phrase_at(keys, index)
        if size:
            index += size
            end = index
        elif keys[index] in ROLE_MODIFIERS:
            index += 1
        else:
            break
    return end


_THE_BEFORE = re.compile(r"(?<![\w'\u2019])the[ \t]+$")
_WORD_BEFORE = re.compile(rf"([{UPPER}{LOWER}][{UPPER}{LOWER}.\-]*)[ \t]+$")  # any Latin letters: "Tánaiste"


def role_before(text: str, start: int, cues_only: bool = True) -> int:
    """Start offset of a role phrase ending right before `start` (one space or tab between);
    -1 when there is none. "... County Sheriff [Dwayne Holloway]" -> offset of "Sheriff"."""
    keys: list[tuple[int, str]] = []
    cursor = start
    for _ in range(LONGEST):
        match = _WORD_BEFORE.search(text, max(0, cursor - 40), cursor)
        if not match:
            break
        keys.insert(0, (match.start(1), _key(match.group(1))))
        cursor = match.start(1)
    phrases = _CUES if cues_only else PHRASES
    for index in range(len(keys)):
        if tuple(key for _, key in keys[index:]) in phrases:
            return keys[index][0]
    return -1


_NAME_WORD = re.compile(rf"[{UPPER}][\w'\u2019\-]*\.?")  # "Ó Tarrow", "Émile"


def _modifiers_before(text: str, start: int) -> int:
    """`start` moved back over role modifiers right before it ("County [Sheriff]", "State [Treasurer]")."""
    while True:
        match = _WORD_BEFORE.search(text, max(0, start - 20), start)
        if not match or _key(match.group(1)) not in ROLE_MODIFIERS:
            return start
        start = match.start(1)


_ANY_WORD = re.compile(rf"{WORD_START}[{UPPER}{LOWER}][{UPPER}{LOWER}.\-]*")


def named_after_roles(text: str) -> list[tuple[int, int, int]]:
    """(role start, name start, name end) for each role phrase (with the modifiers before it)
    followed by one to three capitalised words on the same line: "Archbishop Thomas Brennan led"
    -> (0, 11, 27). The words are cut at the first that is not capitalised; a role that ends a
    clause ("a goalkeeper. Camera") gives nothing; callers judge whether the words are name-shaped."""
    found = []
    for match in _ANY_WORD.finditer(text):
        if match.group().rstrip(".,").lower() not in _FIRST_WORDS:  # _key, inlined: every word passes here
            continue
        line_end = text.find("\n", match.start())
        segment = text[match.start() : min(match.start() + 120, len(text) if line_end < 0 else line_end)]
        words: list[tuple[int, int, str]] = []
        for word in re.finditer(r"\S+", segment):
            words.append((match.start() + word.start(), match.start() + word.end(), word.group()))
            if len(words) >= LONGEST + 4:
                break
        keys = [_key(w) for _, _, w in words]
        size = _phrase_at(keys, 0, _CUES)
        if not size:
            continue
        total = role_prefix_length([w for _, _, w in words])
        if total < size or total >= len(words):
            continue
        last = words[total - 1][2]
        if last[-1] in ",;:!?)\u201d\"" or (last.endswith(".") and len(_key(last)) > 4):
            continue  # the role ends a clause: "... when you're a goalkeeper. Camera Settings"
        name = []
        for start, end, word in words[total:total + 3]:
            bare = word.rstrip(",.;:!?)\u201d\"")
            bare = re.sub(r"(?:['\u2019]s|s['\u2019])$", "", bare) if bare != word or "'" in bare or "\u2019" in bare else bare
            if not _NAME_WORD.fullmatch(bare) or not bare[:1].isupper():
                break
            name.append((start, start + len(bare), bare))
            if bare != word:
                break  # punctuation or a possessive ends the name
        if match.group()[:1].isupper() and _THE_BEFORE.search(text, max(0, match.start() - 5), match.start()) \
                and keys[0] not in ("rev", "reverend"):
            continue  # "the Water Quality Board", "the Pilot Program": a name, not a role
        if name and (match.start() == 0 or text[match.start() - 1] in " \t\n\"'(\u201c"):
            found.append((_modifiers_before(text, match.start()), name[0][0], name[-1][1]))
    return found
