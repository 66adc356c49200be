"""Partial person names: surnames, inner surnames and family names written first labelled as the
person named in full, and every partial name joined to the fullest name containing it
(`join_partial_names`; a name shared by two people goes to the one named last before it).
"""

from __future__ import annotations

import re

from workers.stages.entities import canonical, clubs, roles
from workers.stages.entities.context import Article
from workers.stages.entities.fixes import PERSON, Mention
from workers.stages.entities.scan import NAME_HEADS, NEXT_WORD, compiled, name_shaped
from workers.stages.entities.wordedge import WORD_END, WORD_START


def _full_name_of(name: str, surnames: set[str]) -> bool:
    """`name` (2-4 capitalised words, no institution head noun) ends with a one-word person."""
    words = name.split()
    return (
        1 < len(words) <= 4
        and words[-1].casefold() in surnames
        and all(word[:1].isupper() for word in words)
        and not any(word.lower() in NAME_HEADS or canonical.is_title(word) for word in words)
    )


def _inner_name_of(name: str, persons: list[str]) -> bool:
    """`name` is an inner word (neither first nor last) of exactly one person of 3+ words and of
    no other: a first of two surnames ("Ortega" of "Lucia Ortega Ruiz")."""
    word = name.casefold()
    owners = {
        full for full in persons if word in canonical.person_tokens(full)[1:-1] and len(full.split()) >= 3
    }
    others = {full for full in persons if word in canonical.person_tokens(full)} - owners
    return len(owners) == 1 and not others and name[:1].isupper() and len(name) > 2


def _family_name_first_of(name: str, persons: list[str], texts: dict[str, str | None],
                          nouns: frozenset[str] = frozenset()) -> bool:
    """`name`, one word, is the first word of exactly one person of two or three words and of no
    other, and that person's last word never stands alone in the article: a family name written
    first, as East Asian names are ("Tarrow" of "Tarrow Kenji"), not a given name. No word of
    the person is a common noun (`nouns`, lowercase) or a role word ("Tarrow Volunteer Coordinator")."""
    if len(name.split()) != 1 or len(name) < 3 or not name[:1].isupper():
        return False
    word = name.casefold()
    owners = [full for full in persons if 2 <= len(full.split()) <= 3 and canonical.person_tokens(full)[0] == word
              and not any(w.lower() in nouns or w.lower() in canonical.ROLE_WORDS for w in full.split())]
    if len(owners) != 1 or any(word in canonical.person_tokens(full) for full in persons if full != owners[0]):
        return False
    last = compiled(WORD_START + re.escape(owners[0].split()[-1]) + WORD_END)
    return not any(len(last.findall(text)) > text.count(owners[0]) for text in texts.values() if text)


def _resolve_ambiguous(found: list[Mention], people: dict[str, str]) -> list[Mention]:
    """A partial name shared by two people ("Harper" of "Alice Harper" and "Mia Harper")
    is the one named last before it in the body; it is dropped when none was (e.g. in the title)."""
    full = sorted({name for name in people.values()})
    kept = []
    for mention in found:
        candidates = canonical.ambiguous_in(mention.name, full) if mention.label == PERSON else []
        if not candidates:
            kept.append(mention)
            continue
        before = [
            m
            for m in found
            if m.field == "body" and mention.field == "body" and m.start < mention.start
            and m.label == PERSON and people.get(m.name, m.name) in candidates
        ]
        if before:
            mention.name = people.get(before[-1].name, before[-1].name)
            mention.forced = True
            kept.append(mention)
    return kept


def surname_labels(article: Article, found: list[Mention]) -> list[Mention]:
    """_surname_labels_once, again when it made a full name of uncommon words a person: a surname
    met before that name became one ("Tarrow wins" in the headline, "Ana Tarrow" NORP, "Tarrow"
    PERSON after it in the body)."""
    def full_names() -> set[str]:
        return {m.name for m in found if m.label == PERSON and len(m.name.split()) > 1}

    before = full_names()
    found = _surname_labels_once(article, found)
    if any(name_shaped(name) and not any(w.lower() in article.words for w in name.split())
           for name in full_names() - before):  # not "Care For Tarrow": common words
        found = _surname_labels_once(article, found)
    return found


def _country_alone(mention: Mention) -> bool:
    """`mention` is a known country the model called a place ("Tarrowland" GPE): the country, never
    the "surname" of a multi-word "person" ending in it (an organisation "Météo Tarrowland" taken
    for a person would otherwise swallow every mention of the country)."""
    return mention.label == "GPE" and canonical.known_place(mention.name)


def _surname_labels_once(article: Article, found: list[Mention]) -> list[Mention]:
    """Parts of known persons labelled otherwise are those persons: a surname ("Jones" ORG), an
    inner surname ("Ortega" of "Lucia Ortega Ruiz"), a full name whose surname is a person; not a
    known country the model called a place (_country_alone)."""
    if PERSON not in article.labels:
        return found
    full_persons = [m.name for m in found if m.label == PERSON and len(m.name.split()) > 1]
    surnames = {m.name.casefold() for m in found if m.label == PERSON and len(m.name.split()) == 1}
    surnames -= clubs.surname_like_club_words(surnames, article.texts)  # "Rovers said": no surname
    for mention in found:
        if mention.label == "NORP" and not mention.forced:
            # "Tedesco" NORP after "Marco Tedesco": the surname, unless an adjective before a
            # capitalised word ("French President ..."); "Marco Tedesco" NORP with a person
            # "Tedesco": the full name.
            if NEXT_WORD.match(article.texts[mention.field], mention.end):
                continue
            if len(mention.name.split()) == 1 and canonical.surname_owner(mention.name, full_persons):
                mention.label, mention.forced = PERSON, True
            elif _full_name_of(mention.name, surnames):
                mention.label, mention.forced = PERSON, True
        elif mention.label != PERSON and not mention.forced and not _country_alone(mention):
            words = mention.text.split()
            prefix = roles.role_prefix_length(words)
            if 0 < prefix < len(words) and canonical.surname_owner(" ".join(words[prefix:]), full_persons):
                # "COUNCILLOR ASHDOWN" ORG in a headline, "Mara Ashdown" in the body
                start = mention.start + mention.text.index(words[prefix], len(" ".join(words[:prefix])))
                mention.respan(article.texts[mention.field], start=start)
                mention.label, mention.forced = PERSON, True
            elif canonical.surname_owner(mention.name, full_persons):
                mention.label, mention.forced = PERSON, True
            elif len(mention.name.split()) == 1 and _inner_name_of(mention.name, full_persons):
                mention.label, mention.forced = PERSON, True
            elif mention.label == "ORG" and _family_name_first_of(mention.name, full_persons, article.texts, article.nouns):
                mention.label, mention.forced = PERSON, True  # "Tarrow" ORG, "Tarrow Kenji" PERSON
            elif _full_name_of(mention.name, surnames):
                mention.label, mention.forced = PERSON, True  # "Jean Dupont" ORG, "Dupont" PERSON
    return found


def join_partial_names(article: Article, found: list[Mention]) -> list[Mention]:
    """Partial person names join the fullest name containing them; shared ones the last named."""
    people = canonical.join_persons([m.name for m in found if m.label == PERSON])
    found = _resolve_ambiguous(found, people)
    for mention in found:
        if mention.label == PERSON:
            joined = people.get(mention.name, mention.name)
            if joined != mention.name:
                mention.forced = True
            mention.name = joined
    return found
