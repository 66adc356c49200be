"""Names next to role phrases (tables.ROLES, roles.py): the person after a role ("Superintendent
Joan Pike"), and the organisation or place before it ("Tarrowgaz chief executive Ana Lind",
"QVRT Scotland director Ana Lind", "Tarrow Shire mayor Ana Lind").
"""

from __future__ import annotations

import re

from workers.stages.entities import canonical, roles, tables
from workers.stages.entities.context import Article, capitalised_inside
from workers.stages.entities.fixes import PERSON, Mention
from workers.stages.entities.scan import (
    CAPITALISED_BEFORE,
    common,
    known_country_or_region,
    name_shaped,
    sentence_initial,
    written_lower,
)
from workers.stages.entities.wordedge import WORD_START


ROLE_DOMAIN = {phrase: domain for phrase, domain in tables.ROLES}
_WORDS_BEFORE_ROLE = re.compile(  # not "QXRA-certified trainer": hyphenated parts capitalised too
    rf"{WORD_START}((?:[A-Z][A-Za-z]*(?:-[A-Z][A-Za-z]*)*[ \t]+){{1,3}})$"
)


_ROLE_ORG_RELABELLED = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "FAC"})


def orgs_before_roles(article: Article, found: list[Mention]) -> list[Mention]:
    """One to three capitalised words the model left untagged right before a role of a trade, team
    or profession (tables.ORG_ROLE_DOMAINS, no modifier) that a name follows are the person's
    organisation: "QVRT organiser Ana Lind", "Corsairs flanker Tom Ruck", "Tarrow Commercial Vessels president Ana Lind"; so are such words the
    model called an organisation, product, work or building there, against its other mentions
    of the name ("Tarrowgaz chief executive Ana Lind" beside a product "Tarrowgaz"), unless a
    common noun opening the sentence ("Resort owner"). Not a title, role, modifier or stop word,
    nothing the article writes in lower case, no nationality ("Tarrovian flanker Ana Lind"), no
    longer run, no common noun naming a field (_field_noun: "Art historian Ana Lind")."""
    if "ORG" not in article.labels or article.body_doc is None:
        return found
    body, vocab = article.body, article.body_doc.vocab
    lower = {w for text in article.texts.values() for w in re.findall(rf"{WORD_START}[a-z][\w\-]*", text)}
    for role_start, name_start, _ in roles.named_after_roles(body):
        role = " ".join(w.rstrip(".").lower() for w in body[role_start:name_start].split())
        before = _WORDS_BEFORE_ROLE.search(body, max(0, role_start - 40), role_start)
        if ROLE_DOMAIN.get(role) not in tables.ORG_ROLE_DOMAINS or not before or before.end() != role_start:
            continue
        words = before.group(1).split()
        if any(canonical.is_title(w) or w.lower() in canonical.ROLE_WORDS | tables.ROLE_MODIFIERS
               or vocab[w.lower()].is_stop or written_lower(w, lower) or canonical.demonym(w) for w in words):
            continue
        start = before.start(1)
        end = start + len(before.group(1).rstrip())
        if len(words) == 1 and _field_noun(words[0], start, article, found):
            continue  # "Art historian Ana Lind": the field, not an organisation
        over = [m for m in found if m.field == "body" and m.start < end and start < m.end]
        if CAPITALISED_BEFORE.search(body, max(0, start - 40), start):
            continue
        common = len(words) == 1 and words[0].lower() in article.nouns and sentence_initial(body, start)
        if len(over) == 1 and (over[0].start, over[0].end) == (start, end) and over[0].label in _ROLE_ORG_RELABELLED \
                and not over[0].forced and not common:  # not "Resort owner Ana Lind"
            over[0].label, over[0].forced = "ORG", True  # "Tarrowgaz chief executive Ana Lind": the model's ORG wins
        elif not over:
            text = body[start:end]
            found.append(Mention("body", start, end, text, "ORG", canonical.normalise(text), forced=True))
    return found


def org_place_units(article: Article, found: list[Mention]) -> list[Mention]:
    """An organisation, one space and a place right before a role that a name follows is one
    organisation, the place naming its branch: "QVRT Scotland director Ana Lind" (a person's
    office holds in an organisation, not in an organisation and a country)."""
    if "ORG" not in article.labels or article.body_doc is None:
        return found
    body = article.body
    starts = {role_start for role_start, _, _ in roles.named_after_roles(body)}
    by_start = {m.start: m for m in found if m.field == "body"}
    for org in [m for m in found if m.field == "body" and m.label == "ORG"]:
        place = by_start.get(org.end + 1)
        if place is None or body[org.end] != " " or place.label != "GPE" or place.end + 1 not in starts:
            continue
        found = [m for m in found if m is not place]
        org.respan(body, end=place.end)
        org.forced = True
    return found


def _role_of(phrase: str) -> str:
    """The role phrase ending `phrase` (lowercase words, modifiers before it allowed): "former chief
    executive" -> "chief executive"; "" when none."""
    words = [w.rstrip(".").lower() for w in phrase.split()]
    return next((" ".join(words[i:]) for i in range(len(words)) if " ".join(words[i:]) in ROLE_DOMAIN), "")


def persons_before_roles(article: Article, found: list[Mention]) -> list[Mention]:
    """A "person" of one to three words right before a role that a name follows (nothing
    between) is that person's organisation or place: before a role of a trade, team or
    profession (tables.ORG_ROLE_DOMAINS: "Tarrow chief executive Ana Lind") an organisation,
    before an office of a place (tables.PLACE_OFFICES: "Tarrow Shire mayor Ana Lind") a place.
    Two names in a row are not both persons; other offices ("Tarrow Attorney General Ana Lind")
    are left, since a president's name often stands there."""
    if article.body_doc is None:
        return found
    body = article.body
    for role_start, name_start, _ in roles.named_after_roles(body):
        role = _role_of(body[role_start:name_start])
        label = "ORG" if ROLE_DOMAIN.get(role) in tables.ORG_ROLE_DOMAINS else "GPE" if role in tables.PLACE_OFFICES else ""
        if label not in article.labels:
            continue
        for m in found:
            if (m.field == "body" and m.label == PERSON and not m.forced and m.end < role_start
                    and not body[m.end : role_start].strip() and len(m.text.split()) <= 3):
                m.label, m.forced = label, True
    return found


def _field_noun(word: str, start: int, article: Article, found: list[Mention]) -> bool:
    """`word` at body offset `start` is a common noun or another common word (an adjective) of the
    model's vocabulary opening a sentence that no name of the article starts with and that is
    never capitalised inside a sentence: "Art historian Ana Lind", "Political scientist Ana
    Lind" (a field), not "Pellow chief executive" of "Pellow Tarrow Ltd"."""
    return (
        (word.lower() in article.nouns or word.lower() in article.words) and sentence_initial(article.body, start)
        and not any(m.text.split()[0] == word for m in found) and not capitalised_inside(word, article)
    )


_BRACKETED_ACRONYM = re.compile(r"[ \t]*\([A-Z]{2,}\)")


def _titled_organisation(article: Article, overlapping: list[Mention], role_start: int, start: int, end: int) -> bool:
    """The model's one organisation span is exactly a title and one uncommon word ("Patriarch
    Tarrovije", "Imam Vellbek"; not "Cardinal Health"): the word is the person, `overlapping`'s
    mention is moved onto it as a PERSON (True)."""
    if len(overlapping) != 1:
        return False
    m = overlapping[0]
    text = article.texts[m.field]
    if (m.label != "ORG" or m.forced or (m.start, m.end) != (role_start, end)
            or not canonical.is_title(text[role_start:start].strip()) or common(text[start:end].lower(), article.words)):
        return False
    m.respan(text, start=start)
    m.label, m.forced = PERSON, True
    return True


_OF_SEE = re.compile(r"[ \t]+of[ \t]+([A-Z][\w\-]*(?:[ \t]+[A-Z][\w\-]*)?)$")


def _see_after_name(article: Article, overlapping: list[Mention], role_start: int, start: int, end: int) -> list[Mention]:
    """The model's person span over a title, a name and "of <Place>" ("Archbishop Ana of
    Tarrowby", "Prince Tom of Vell"): the see or realm is no part of the name; the span is cut
    before "of" and the place returned as a GPE mention ([] when the span is not so)."""
    if len(overlapping) != 1 or "GPE" not in article.labels:
        return []
    m = overlapping[0]
    text = article.texts[m.field]
    see = _OF_SEE.match(text[: m.end], end)
    if m.label != PERSON or m.start > start or not see or not canonical.is_title(text[role_start:start].strip()):
        return []
    m.respan(text, end=end)
    place = see.group(1)
    return [Mention(m.field, see.start(1), see.end(1), place, "GPE", canonical.normalise(place), forced=True)]


def role_named_persons(article: Article, found: list[Mention]) -> list[Mention]:
    """Capitalised words right after a role phrase (tables.ROLES) are a person, whatever the
    model said: "Lifeboat helm Ana Ruiz" (GPE), "Superintendent Joan Pike" (ORG),
    "Archbishop Thomas Brennan" (nothing), also one name the model cut into persons ("director
    Ana Pellow Tarrow-Vell" as "Ana Pellow" and "Tarrow-Vell"). Two or three name-shaped words
    not ending in a company or institution word; a single word is left to the model and the
    surname passes, unless after a role whose holders go by one name (tables.ONE_NAME_ROLES:
    "yokozuna Tarrowfuji")."""
    if PERSON not in article.labels:
        return found
    added = []
    for field_name, text in article.texts.items():
        if field_name == "title" and article.headline_case:
            continue  # every headline word is capitalised
        for role_start, start, end in roles.named_after_roles(text):
            # the role's own words are no entity ("Harbour" ORG of "Harbour master", "County" of "County
            # Sheriff"); a department before its office stays ("Treasury" of "Treasury Secretary")
            phrase_start = roles.role_before(text, start, cues_only=False)
            found = [
                m for m in found
                if not (m.field == field_name and role_start <= m.start and m.end <= start and m.label != PERSON
                        and (m.start >= phrase_start >= 0 or m.text.lower() in tables.JURISDICTION_WORDS
                             or roles.role_prefix_length(m.text.split()) == len(m.text.split())))
            ]
            surface = text[start:end]
            words = surface.split()
            if not name_shaped(surface) or len(words) > 3 or any(canonical.is_title(w) for w in words):
                continue
            if words[-1].lower() in tables.COMPANY_WORDS | tables.NOT_NAME_ENDS or _BRACKETED_ACRONYM.match(text, end):
                continue  # "Major Oil Company", "Officer Training Programme (IOTP)"
            overlapping = [m for m in found if m.field == field_name and m.start < end and start < m.end]
            if len(overlapping) > 1 and all(m.label == PERSON and not m.forced and start <= m.start and m.end <= end
                                            for m in overlapping):  # one name the model cut in pieces
                found = [m for m in found if m not in overlapping]
                added.append(Mention(field_name, start, end, surface, PERSON, canonical.normalise(surface), forced=True))
                continue
            if any(m.label == PERSON for m in overlapping):
                added += _see_after_name(article, overlapping, role_start, start, end)
                for m in overlapping:
                    m.forced = m.forced or m.label == PERSON  # the model's person span (maybe longer) stays
                continue
            around = [m for m in found if m.field == field_name and m.start < role_start < m.end]
            if len(words) == 1 and not around and not any(m.end > end or m.forced for m in overlapping) \
                    and _role_of(text[role_start:start]) in tables.ONE_NAME_ROLES:
                found = [m for m in found if m not in overlapping]  # "yokozuna Tarrowfuji": a ring name
                added.append(Mention(field_name, start, end, surface, PERSON, canonical.normalise(surface), forced=True))
                continue
            if len(words) == 1 and _titled_organisation(article, overlapping, role_start, start, end):
                continue
            if len(words) == 1 or any(m.end > end for m in overlapping) or around:
                continue  # one word, or the role is inside a longer name ("College of General Practitioners")
            found = [m for m in found if m not in overlapping]
            added.append(Mention(field_name, start, end, surface, PERSON, canonical.normalise(surface), forced=True))
    return found + added


# Ministers named by their portfolio: "Infrastructure Minister Ana Lind", "Pacific Minister Ana Lind".
_MINISTER_AFTER = re.compile(r"[ \t]+Minister[ \t]+[A-Z]")
_NOT_PORTFOLIO_ENDS = tables.ORG_DESIGNATORS - tables.PORTFOLIO_NOUNS  # "Cabinet Office", not "Water Resources"


def _portfolio_words(words: list[str], article: Article) -> bool:
    """Capitalised common English words (a portfolio: "Trade", "Sports"), no acronym, the last no
    designator unless a portfolio noun too (tables.PORTFOLIO_NOUNS: "Water Resources")."""
    return bool(words) and all(w[:1].isupper() and not w.isupper() and common(w.lower(), article.words) for w in words) \
        and words[-1].lower() not in _NOT_PORTFOLIO_ENDS


def _place_before_portfolio(m: Mention, article: Article) -> bool:
    """`m` is a known country or region and portfolio words ("Tarrowshire Sports" of "Tarrowshire
    Sports Minister"): cut to the place, a GPE (True)."""
    words = m.text.split()
    for size in range(len(words) - 1, 0, -1):
        if known_country_or_region(" ".join(words[:size])) and _portfolio_words(words[size:], article):
            m.respan(article.texts[m.field], end=m.start + len(" ".join(words[:size])))
            m.label, m.forced = "GPE", True
            return True
    return False


def portfolio_words(article: Article, found: list[Mention]) -> list[Mention]:
    """An organisation of up to four common English words (with commas and "and" between) the
    model found right before "Minister" and a name is the minister's portfolio, no entity
    ("Welfare" of "Labour and Welfare Minister Ana Lind", "Economy, Trade and Industry"): dropped;
    a known country or region before such words is kept as the place ("Tarrowshire Sports
    Minister"). Not a forced label, a known country or region, a name ending in a designator
    ("Cabinet Office Minister Ana Lind": the office is one) or a name of uncommon words (a party:
    "Tarrowist Minister Ana Lind")."""
    def portfolio(m: Mention) -> bool:
        if m.label != "ORG" or m.forced or not _MINISTER_AFTER.match(article.texts[m.field], m.end):
            return False
        if "GPE" in article.labels and _place_before_portfolio(m, article):
            return False
        words = [w.rstrip(",") for w in m.text.split() if w != "and"]
        return (len(words) <= 4 and _portfolio_words(words, article)
                and not canonical.known_place(m.name) and not canonical.known_region(m.name))
    return [m for m in found if not portfolio(m)]
