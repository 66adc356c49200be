"""Sports clubs named with a club word last (fixes.CLUB_SUFFIXES: "Marwick Rovers", "Pellow
United"): the word standing alone ("Rovers said", "the Rovers manager") is the club's short form,
not a person's surname; a person whose surname is such a word is written after a title ("Mr
Albion"). Scorers in a match report are players (persons), whatever the model called them.
"""

from __future__ import annotations

import re

from workers.stages import placenames
from workers.stages.entities import canonical, fixes, tables
from workers.stages.entities.context import Article, replace_by_one
from workers.stages.entities.fixes import PERSON, Mention
from workers.stages.entities.scan import (
    GENERICS,
    NEXT_WORD,
    PERSON_CUE,
    SURNAME_FOLLOWER,
    common,
    compiled,
    after_name_word,
    inside_longer_name,
    known_country_or_region,
    name_shaped,
    plural_noun,
    sentence_initial,
    whole_word_spans,
)

_WORD_BEFORE = re.compile(r"([A-Za-z][\w.]*)[ \t]+$")
# Punctuation or a verb after the word ("Rovers said"): the club as a subject opening a sentence,
# not a word of a longer phrase ("City officials said").
SURNAME_FOLLOWER_AT = compiled(SURNAME_FOLLOWER)
_OF_AFTER = re.compile(r"[ \t]+of[ \t]")  # "the City of Tarrow": a place's name
# Labels a club's full name may have from the model: an organisation, or a place ("Kessford City").
_CLUB_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT"})


def club_word(word: str) -> bool:
    """`word` is a capitalised club word of fixes.CLUB_SUFFIXES ("Rovers", "City", "FC")."""
    return word[:1].isupper() and word.lower() in fixes.CLUB_SUFFIXES


def titled(text: str, start: int) -> bool:
    """A title or honorific (canonical.is_title: "Mr", "Dr.") right before offset `start`."""
    match = _WORD_BEFORE.search(text, max(0, start - 20), start)
    return bool(match) and canonical.is_title(match.group(1))


def titled_anywhere(word: str, texts: dict[str, str | None]) -> bool:
    """`word` stands after a title somewhere in the article ("Mr Albion"): a person's surname."""
    return any(text and word in text and any(titled(text, s) for s, _ in whole_word_spans(text, word))
               for text in texts.values())


def person_apposed(word: str, texts: dict[str, str | None]) -> bool:
    """A capitalised name ending in `word` has a person's apposition after it somewhere
    (scan.PERSON_CUE: "Tom Albion, who coaches", "Jane City, 44,")."""
    pattern = compiled(r"(?<![\w'\-])[A-Z][\w'\u2019\-]*[ \t]+" + re.escape(word) + r"(?![\w\-])")
    return any(text and word in text and any(PERSON_CUE.match(text, hit.end()) for hit in pattern.finditer(text))
               for text in texts.values())


def surname_like_club_words(names: set[str], texts: dict[str, str | None]) -> set[str]:
    """Those of `names` (casefolded one-word persons) that are club words never written after a
    title nor ending a name with a person's apposition: a club's short form the model took for a
    person ("Rovers said"), no one's surname ("Mr Albion", "Tom Albion, who coaches")."""
    return {name for name in names if name in fixes.CLUB_SUFFIXES
            and not any(titled_anywhere(form, texts) or person_apposed(form, texts)
                        for form in (name.capitalize(), name.upper()))}


def _clubs(article: Article, found: list[Mention]) -> dict[str, str]:
    """Club word -> the one club name of the article ending with it (two or more words, the first no
    title: "Marwick Rovers") or, for a sports society's word (tables.CLUB_FIRST_WORDS), opening it
    ("Lokomotiv Tarrowsk"); a word two clubs share is left out. A name the model called a
    place counts only when the word alone was taken for a person ("Kessford City ... City said")."""
    lone_persons = {m.text for m in found if m.label == PERSON and club_word(m.text)}
    owners: dict[str, set[str]] = {}
    for m in found:
        words = m.name.split()
        if m.label == PERSON:
            continue
        if (len(words) >= 2 and club_word(words[-1]) and not canonical.is_title(words[0])
                and (m.label == "ORG" or m.label in _CLUB_LABELS and words[-1] in lone_persons and not m.forced)):
            owners.setdefault(words[-1], set()).add(m.name)
        elif len(words) >= 2 and m.label == "ORG" and words[0].lower() in tables.CLUB_FIRST_WORDS:
            owners.setdefault(words[0], set()).add(m.name)  # "Lokomotiv Tarrowsk ... Lokomotiv lead"
    return {word: names.pop() for word, names in owners.items() if len(names) == 1}


def _short_form_spans(text: str, word: str) -> list[tuple[int, int]]:
    """Spans of `word` alone in `text`: not inside a longer name, not "the City of ...", no title before."""
    return [(s, e) for s, e in whole_word_spans(text, word)
            if not inside_longer_name(text, s, e) and not _OF_AFTER.match(text, e) and not titled(text, s)]


def club_short_forms(article: Article, found: list[Mention]) -> list[Mention]:
    """A club word standing alone ("Rovers said", "the Rovers manager") is the short form of the
    article's one club ending with it (_clubs): ORG, named as the club, whatever the model called
    it, and added where the model tagged nothing (opening a sentence only as its subject: "Rovers
    said"); the club's full name
    is ORG too. Not after a title ("Mr Albion": a person) nor over a rule's other label; a
    two-word "club" with a person's apposition (scan.PERSON_CUE: "Tom Albion, who coaches") is a
    person."""
    if "ORG" not in article.labels:
        return found
    for m in found:
        words = m.name.split()
        if len(words) == 2 and m.label == "ORG" and not m.forced and club_word(words[-1]) and PERSON in article.labels \
                and PERSON_CUE.match(article.texts[m.field], m.end):
            m.label, m.forced = PERSON, True  # "Tom Albion, who coaches": a person, not a club
    for word, club in _clubs(article, found).items():
        for m in found:
            if m.name == club and m.label != "ORG":
                m.label, m.forced = "ORG", True
        for field_name, text in article.texts.items():
            if not text or word not in text:
                continue
            for start, end in _short_form_spans(text, word):
                over = [m for m in found if m.field == field_name and m.start < end and start < m.end]
                if not over and (not sentence_initial(text, start) or SURNAME_FOLLOWER_AT.match(text, end)):
                    found.append(Mention(field_name, start, end, word, "ORG", club, forced=True))
                elif len(over) == 1 and (over[0].start, over[0].end) == (start, end) \
                        and not (over[0].forced and over[0].label != "ORG"):
                    over[0].label, over[0].name, over[0].forced = "ORG", club, True
    return found


_SCORER_BEFORE = re.compile(r"(?:" + "|".join(sorted(tables.SCORER_CUES_BEFORE, key=len, reverse=True)) + r")[ \t]+$")
_SCORER_AFTER = re.compile(r"[ \t]+(?:" + "|".join(sorted(tables.SCORER_VERBS)) + r")\b")
_SCORER_RELABELLED = frozenset({"ORG", "GPE", "NORP", "FAC", "PRODUCT", "LOC", "WORK_OF_ART"})


def scorer_persons(article: Article, found: list[Mention]) -> list[Mention]:
    """A name of two or three capitalised words, none a common English word or a club word, right
    after a scorer cue (tables.SCORER_CUES_BEFORE: "two goals from Tarrow Pellowski") or before a
    scoring verb (tables.SCORER_VERBS: "Tarrow Pellowski scored") is a player: PERSON, whatever the
    model called it (not over a rule's label)."""
    if PERSON not in article.labels:
        return found
    for m in found:
        words = m.name.split()
        if m.forced or m.label not in _SCORER_RELABELLED or not 2 <= len(words) <= 3 or not name_shaped(m.name):
            continue
        if any(common(w.lower(), article.words) for w in words):
            continue  # "Pellow Town scored": a team
        text = article.texts[m.field]
        if _SCORER_BEFORE.search(text, max(0, m.start - 20), m.start) or _SCORER_AFTER.match(text, m.end):
            m.label, m.forced = PERSON, True
    return found


_PLURAL_NAME = re.compile(r"[ \t]+([A-Z][a-z]+s)(?![\w'\u2019\-])")


def _home_place(m: Mention) -> bool:
    """`m` names a city or region, no country: a place of the article, a capital or a subdivision."""
    return (m.label == "GPE" or m.name in canonical.CAPITALS or canonical.known_region(m.name)) \
        and not canonical.known_place(m.name)


def franchise_names(article: Article, found: list[Mention]) -> list[Mention]:
    """A city or region (_home_place) right before a capitalised plural of a common noun or
    nationality, with no capitalised word after ("Tarrowby Kings", "Pellow Indians"), is one
    organisation, a team or company named after its home, whatever the model made of the two;
    not a feature group ("Tarrow Hills": placenames.FEATURE_GROUP_GENERICS, scan.GENERICS), a known
    place or region ("Tarrow Islands" of ISO 3166) nor a name going on before the place."""
    if "ORG" not in article.labels or not article.nouns:
        return found
    for m in [m for m in found if _home_place(m)]:
        text = article.texts[m.field]
        plural = _PLURAL_NAME.match(text, m.end)
        if not plural or NEXT_WORD.match(text, plural.end()) or after_name_word(text, m.start):
            continue
        word = plural.group(1)
        if word.lower() in placenames.FEATURE_GROUP_GENERICS or word.lower() in GENERICS \
                or not (plural_noun(word.lower(), article.nouns) or canonical.demonym(word[:-1])):
            continue
        name = text[m.start : plural.end()]
        if known_country_or_region(name) or name in canonical.CAPITALS:
            continue
        pieces = [o for o in found if o.field == m.field and o.start < plural.end() and m.start < o.end]
        if any(o.start < m.start or o.end > plural.end() for o in pieces):
            continue
        found = replace_by_one(found, pieces, m.field, m.start, plural.end(), name, "ORG")
    return found


def place_led_of_names(article: Article, found: list[Mention]) -> list[Mention]:
    """A "person" of three or more words opening with a city or region (_home_place of its first
    word: a place of the article, a capital or a subdivision) and going on over "of" ("Vellby
    Hearts of Tarrow") is an organisation: people are not named after their home with "of"
    inside (a title before keeps a person: "Duke of ...", canonical.is_title)."""
    if "ORG" not in article.labels:
        return found
    places = {m.name for m in found if m.label == "GPE"}
    for m in found:
        words = m.name.split()
        if m.label != PERSON or m.forced or len(words) < 3 or "of" not in words[1:-1] or canonical.is_title(words[0]):
            continue
        first = words[0]
        if (first in places or first in canonical.CAPITALS or canonical.known_region(first)) \
                and not canonical.known_place(first):
            m.label, m.forced = "ORG", True
    return found
