"""Organisation passes: names after a describing noun, parties and groups, teams in match reports,
institutions (possessed, placed, joined by "and"), a person's organisation after "of", short
forms of an organisation's name and acronyms of longer names.
"""

from __future__ import annotations

import re
from typing import Callable

from workers.stages.entities import canonical, fixes, roles, tables
from workers.stages.entities.companies import without_legal_form
from workers.stages.entities.context import (
    WORK_LABELS,
    Article,
    full_persons,
    lower_in,
    named_person,
    person_ends_by_field,
    position,
    replace_by_one,
)
from workers.stages.entities.fixes import PERSON, Mention
from workers.stages.entities.role_names import ROLE_DOMAIN
from workers.stages.entities.scan import (
    LIST_NAME,
    NEXT_WORD,
    known_country_or_region,
    locative,
    name_shaped,
    noun_word,
    occupied_spans,
    overlaps,
    sentence_initial,
    toponym_shaped,
)
from workers.stages.entities.wordedge import WORD_END, WORD_START


_ORG_DESCRIBED = re.compile(
    rf"{WORD_START}([A-Za-z]+),?[ \t]+({LIST_NAME}|[A-Z]{{2,6}}){WORD_END}"
)


def _press_piece(press: bool, m: Mention, start: int, end: int) -> bool:
    """After a newspaper noun (tables.PRESS_NOUNS), any mention of the model inside the paper's name
    ("Irish" of "the Tarrow daily Irish Pellow", a "building" Vell of "the daily Vell") gives way to it."""
    return press and start <= m.start and m.end <= end and m.label != "ORG"


def described_organisations(article: Article, found: list[Mention]) -> list[Mention]:
    """A name right after a noun that describes an organisation (tables.ORG_DESCRIPTOR_NOUNS:
    "Pilots' union Quorva", "Developer Bright Acre", "the operator, Hanlin Metals"; lowercase
    tables.PRESS_NOUNS: "the Tarrow daily Nova Pellska", whatever the model made of its words) is an
    organisation when the model called it a person or a nationality, or nothing, or made one
    organisation of the noun and the name ("Chipmaker Tarrow Semiconductor"); the name may be an
    acronym ("the state oil company TOC"). The noun is lowercase or opens a sentence; after a
    comma, a "person" of two or more words or a named person's surname stays one ("the union,
    Mary Smith"), a one-word one does not ("the agency, Varquera,"). After a competitor noun (tables.COMPETITOR_NOUNS: "Rival
    Tarrowco said") only a one-word name that is no named person's surname is, also when the
    model made one "person" of the noun and the name."""
    if "ORG" not in article.labels or article.body_doc is None:
        return found
    body = article.body
    full = [m.name for m in found if m.label == PERSON and len(m.name.split()) >= 2
            and m.name.split()[0].lower() not in tables.COMPETITOR_NOUNS]  # not "Rival Tarrowco" glued
    for match in _ORG_DESCRIBED.finditer(body):
        noun = match.group(1)
        rival = noun.lower() in tables.COMPETITOR_NOUNS
        if not (rival or noun.lower() in tables.ORG_DESCRIPTOR_NOUNS or noun in tables.PRESS_NOUNS) or not (
                noun.islower() or sentence_initial(body, match.start())):
            continue  # "Tide Monitoring Service, Ana Lind": a capitalised noun ends a name; "Daily Nation"
        start, end = match.span(2)
        name = match.group(2)
        if rival and (len(name.split()) > 1 or canonical.surname_owner(name, full)):
            continue  # "rival Ana Lind", "his rival Lind": persons
        comma = "," in match.group()
        if not (name_shaped(name) or name.isupper()) or canonical.known_place(name) or any(
                canonical.is_title(w) or w.lower() in canonical.ROLE_WORDS for w in name.split()):
            continue
        over = [m for m in found if m.field == "body" and m.start < end and start < m.end]
        glued = [m for m in over if (m.start, m.end) == (match.start(1), end) and not comma
                 and (m.label == "ORG" or rival and m.label == PERSON)]
        if glued and len(over) == 1 and not glued[0].forced:  # "Chipmaker Tarrow Semiconductor" as one span
            over = []
            found = [m for m in found if m is not glued[0]]
        press = noun in tables.PRESS_NOUNS and not comma
        if any(((m.start, m.end) != (start, end) or m.label not in (PERSON, "NORP")) and not _press_piece(press, m, start, end)
               or m.forced or (comma and m.label == PERSON and (len(name.split()) > 1 or canonical.surname_owner(name, full)))
               for m in over):  # "the union, Mary Smith" may be a person; "the agency, Varquera," is none
            continue
        found = replace_by_one(found, over, "body", start, end, name, "ORG")
    return found


def dateline_credits(article: Article, found: list[Mention]) -> list[Mention]:
    """The bracketed credit between a dateline's ALL-CAPS place (a GPE mention opening a body
    line) and its dash, "LIMA (Tarrow News) - ...", names the agency that filed the story: an
    organisation, added when the model left it untagged and relabelled when it said otherwise."""
    if "ORG" not in article.labels:
        return found
    body = article.body
    for place in [m for m in found if m.field == "body" and m.label == "GPE" and canonical.is_all_caps(m.text)]:
        credit = fixes.DATELINE_CREDIT.match(body, place.end)
        if not credit or body[body.rfind("\n", 0, place.start) + 1 : place.start].strip():
            continue
        start, end = credit.span(1)
        over = [m for m in found if m.field == "body" and m.start < end and start < m.end]
        found = replace_by_one(found, over, "body", start, end, credit.group(1), "ORG")
    return found


_MEMBERS_AFTER = re.compile(rf"['\u2019]s[ \t]+([A-Za-z\d\-]+)(?:[ \t]+([A-Za-z]+))?{WORD_END}")  # "'s (two) councillors"
_MEMBER_BEFORE_NAME = re.compile(rf"[ \t]+([A-Za-z]+)[ \t]+[A-Z]")
_MEMBER_PLURALS = frozenset(n[:-1] + "ies" if n.endswith("y") else n[:-3] + "men" if n.endswith("man")
                            else n + "s" for n in tables.MEMBER_NOUNS)


def member_possessors(article: Article, found: list[Mention]) -> list[Mention]:
    """A name before a possessive and its elected members (tables.MEMBER_NOUNS in the plural:
    "Tarrow Dawn's councillors", "Pellow's two lawmakers"), or a "person" right before one such
    member and a capitalised word ("Tarrow Dawn councillor Ana Lind": no person is written so),
    is an organisation, a party or a council; not a known country or region ("Peru's lawmakers")."""
    if "ORG" not in article.labels:
        return found
    for m in found:
        if m.forced or m.label not in (PERSON, "NORP") or known_country_or_region(m.name):
            continue
        text = article.texts[m.field]
        after = _MEMBERS_AFTER.match(text, m.end)
        member = _MEMBER_BEFORE_NAME.match(text, m.end) if m.label == PERSON else None
        plural = after and _MEMBER_PLURALS & {after.group(1).lower(), (after.group(2) or "").lower()}
        if plural or member and member.group(1).lower() in tables.MEMBER_NOUNS:
            m.label, m.forced = "ORG", True
    return found


_GROUP_NAMED = re.compile(
    rf"{WORD_START}(?:the|[A-Z][\w\-]*['\u2019]s)[ \t]+((?:[a-z][a-z\-]*[ \t]+){{0,2}})({LIST_NAME}|[A-Z]{{2,6}})[ \t]+(?:"
    + "|".join(sorted(tables.GROUP_GENERICS)) + rf"){WORD_END}"
)
# The model's labels a group's noun overrules; its ORG is made a rule's (forced), so that it wins
# the label vote over the name's other mentions the model called persons ("led by Tarrow").
_GROUP_RELABELLED = frozenset({PERSON, "GPE", "LOC", "PRODUCT", "WORK_OF_ART", "FAC", "ORG"})


def group_names(article: Article, found: list[Mention]) -> list[Mention]:
    """A name between lowercase "the" (or a possessive: "Lind's Tarrow party") and a party's or
    group's noun (tables.GROUP_GENERICS: "the Tarrow party", "the Pellow group"), also after one or
    two lowercase modifiers that are no
    connectives ("the populist Tarrow Dawn party"; not "the head of Tarrow group"), is an
    organisation: added when untagged, relabelled from a person or a place; not a nationality, a
    known country or region, common words only ("the Green party"; "the Tarrow Dawn party" is
    one), or a name that is a person's elsewhere in the article ("the Lind party" beside "Ana Lind")."""
    if "ORG" not in article.labels:
        return found
    full = full_persons(found)
    for field_name, text in article.texts.items():
        for match in _GROUP_NAMED.finditer(text):
            start, end = match.span(2)
            name = match.group(2)
            if any(w in fixes.CONNECTIVES for w in match.group(1).split()) or known_country_or_region(name) \
                    or canonical.demonym(name) or all(w.lower() in article.words for w in name.split()):
                continue
            over = [m for m in found if m.field == field_name and m.start < end and start < m.end]
            if not over:
                found.append(Mention(field_name, start, end, name, "ORG", canonical.normalise(name), forced=True))
            elif len(over) == 1 and (over[0].start, over[0].end) == (start, end) and not over[0].forced \
                    and over[0].label in _GROUP_RELABELLED and not named_person(over[0], found, full):
                over[0].label, over[0].forced = "ORG", True
    return found


_TEAM = r"((?:[A-Z][\w\u2019'\-]*[ \t]){0,2}[A-Z][\w\u2019'\-]*)"
_ONE_SCORE = r"\d{1,2}-\d{1,2}(?![\w\-]|[ \t,]+\d)"
_RESULTS = (
    re.compile(rf"{WORD_START}{_TEAM}[ \t]+(?:{'|'.join(sorted(tables.RESULT_VERBS))})[ \t]+{_TEAM}"
               rf"[ \t]+{_ONE_SCORE}"),
    re.compile(rf"{WORD_START}{_TEAM}[ \t]+(?:drew|won|lost)[ \t]+{_ONE_SCORE}[ \t]+(?:with|against|to|at)"
               rf"[ \t]+{_TEAM}{WORD_END}"),
    re.compile(rf"(?<![\w\-]){_ONE_SCORE}[ \t]+(?:{'|'.join(sorted(tables.RESULT_NOUNS))})[ \t]+"
               rf"(?:over|against|to|by|at|with)[ \t]+{_TEAM}{WORD_END}"),
)
_TEAM_RELABELLED = frozenset({"GPE", "LOC", "PRODUCT", "FAC", "NORP", "WORK_OF_ART", "EVENT"})


def match_teams(article: Article, found: list[Mention]) -> list[Mention]:
    """The names in a match report with one score (tables.RESULT_VERBS, RESULT_NOUNS: "Tarrow
    Rovers beat Pellow Athletic 2-1", "drew 0-0 with Vell Town", "a 3-0 win over Quorvale") are
    teams: ORG, added when untagged, relabelled from a place, product or nothing, a mention the
    model cut inside the name grown over it ("Pellow" of "Pellow Athletic"). A person stays one
    unless the other side is an organisation the model found ("Tarrow FC drew 1-1 with Al-Pellow"),
    and so does a known country or region ("England beat France 2-1") or a name forced by a rule."""
    if "ORG" not in article.labels:
        return found
    body = article.body
    for pattern in _RESULTS:
        for match in pattern.finditer(body):
            sides = [match.span(g) for g in range(1, (match.lastindex or 0) + 1)]
            for start, end in sides:
                name = body[start:end]
                if not name_shaped(name) and not name.split()[-1].lower() in fixes.CLUB_SUFFIXES:
                    continue
                if canonical.is_title(name.split()[0]) or body[start:start + 1].islower():
                    continue
                over = [m for m in found if m.field == "body" and m.start < end and start < m.end]
                if known_country_or_region(name):
                    continue
                other_org = any(m.field == "body" and (m.start, m.end) == span and m.label == "ORG" and not m.forced
                                for span in sides if span != (start, end) for m in found)
                if not over:
                    found.append(Mention("body", start, end, name, "ORG", canonical.normalise(name), forced=True))
                elif len(over) == 1:
                    _team_mention(over[0], start, end, body, other_org)
    return found


def _team_mention(m: Mention, start: int, end: int, body: str, other_org: bool) -> None:
    """`m`, the model's one mention over a team's name [start, end), made that team (ORG): grown
    over the whole name when it lies inside it; a person only when the other side is an ORG."""
    if m.forced or known_country_or_region(m.name) or not (start <= m.start and m.end <= end):
        return
    if m.label in _TEAM_RELABELLED or (m.label == PERSON and other_org and (m.start, m.end) == (start, end)):
        m.respan(body, start, end)
        m.label, m.forced = "ORG", True


def institutions_not_works(article: Article, found: list[Mention]) -> list[Mention]:
    """A "work of art" or "product" whose head noun (its last word, or the word before "of") is
    an organisation's (tables.ORG_HEAD_NOUNS: "The Tarrow Teachers' Federation of Pellow") is
    an organisation; not a span over a phrase ("Ministers and the Tarrow Union")."""
    if "ORG" not in article.labels:
        return found
    for m in found:
        if m.label in WORK_LABELS and not m.forced and len(m.name.split()) > 1 and " and the " not in m.name:
            head = m.name.split(" of ")[0].split()[-1].lower()
            if head in tables.ORG_HEAD_NOUNS:
                m.label, m.forced = "ORG", True
    return found


def acronyms(article: Article, found: list[Mention]) -> list[Mention]:
    """An acronym of a longer name in the same article is that name ("IMF" -> "International
    Monetary Fund"), when only one name has those initials."""
    expansions: dict[str, set[str]] = {}
    for mention in found:
        if mention.label != PERSON:
            initials = canonical.acronym(mention.name)
            if initials:
                expansions.setdefault(initials, set()).add(mention.name)
    for mention in found:
        key = canonical.acronym_key(mention.name) if mention.label != PERSON else ""
        if key and len(expansions.get(key, ())) == 1:
            mention.name = next(iter(expansions[key]))
    return found


# Last words of an organisation whose first word(s) may stand for it ("Harbour Energy"; "Tarrow
# Team", a cycling or racing team).
_ORG_ENDS = tables.COMPANY_WORDS | fixes.ORG_HEADS | fixes.INSTITUTION_HEADS | fixes.CLUB_SUFFIXES | {"team"}


def _club_inner_name(org: str) -> list[str]:
    """The words of a club's name between its home and its club word, a club's short form
    ("Tarrow" of "Vellby Tarrow SC": fixes.CLUB_SUFFIXES); [] for other names."""
    words = org.split()
    return words[1:-1] if len(words) >= 3 and words[-1].lower() in fixes.CLUB_SUFFIXES else []


def _legal_form_dropped(article: Article, found: list[Mention]) -> Callable[[Mention], str | None]:
    """A multi-word company's name without its legal form, in any case ("Tarrow Ocean" of "Tarrow
    Ocean Co., Ltd."), for a mention no rule set as other than ORG."""
    owners: dict[str, set[str]] = {}
    for m in found:
        short = without_legal_form(m.name)
        if m.label == "ORG" and short != m.name and len(short.split()) >= 2:
            owners.setdefault(short.casefold(), set()).add(m.name)

    def owner(mention: Mention) -> str | None:
        names = owners.get(mention.name.casefold(), set())
        return next(iter(names)) if len(names) == 1 and not (mention.forced and mention.label not in ("ORG", PERSON)) else None
    return owner


_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z][\w\-]*)")


def _used_as_noun(article: Article, mention: Mention) -> bool:
    """The word after `mention` is no capitalised word and no common noun: "said Tarrovian was",
    "with Tarrovian for", "Tarrovian." (not "Tarrovian officials", "Tarrovian Prime Minister")."""
    after = _NEXT_WORD.match(article.texts[mention.field], mention.end)
    if after is None:
        return True
    word = after.group(1)
    return not word[0].isupper() and (not noun_word(word, article.nouns) or article.body_doc.vocab[word.lower()].is_stop)


def _nationality_carriers(article: Article, found: list[Mention]) -> Callable[[Mention], str | None]:
    """A nationality adjective (canonical.demonym) used as a noun after the long form of the one
    carrier named by it ("Tarrovian" of "Tarrovian Airlines Group": tables.CARRIER_WORDS); names
    nested in the longest ("Tarrovian Airlines" in a headline) are one carrier."""
    carriers: dict[str, set[str]] = {}
    for m in found:
        words = m.name.split()
        if m.label == "ORG" and len(words) >= 2 and canonical.demonym(words[0]) and words[1].lower() in tables.CARRIER_WORDS:
            carriers.setdefault(words[0], set()).add(m.name)
    first = {m.name: position(m) for m in sorted(found, key=position, reverse=True)}

    def owner(mention: Mention) -> str | None:
        names = carriers.get(mention.name, set())
        if not names or mention.forced and mention.label not in ("ORG", PERSON, "NORP"):
            return None
        longest = max(names, key=len)
        if any(longest.split()[: len(name.split())] != name.split() for name in names):
            return None  # two carriers of one nationality
        if min(first[name] for name in names) > position(mention) or not _used_as_noun(article, mention):
            return None
        return longest
    return owner


def _leading_words(article: Article, found: list[Mention]) -> Callable[[Mention], str | None]:
    """The first word(s) of a multi-word organisation ending in a company or institution word or a
    legal form ("Harbour" of "Harbour Energy"; not "Apple" of "Apple Pay"), or a club's words between
    its home and its club word ("Tarrow" of "Vellby Tarrow SC"), named after the organisation; no
    acronym (a parent: "BBC Countryfile"), person's word, dateline place, country, ISO 3166-2 region
    ("Alaska" of "Alaska Airlines"), stop word, title or word the article writes in lower case
    ("Royal" ... "royal") or nationality adjective, and never after "in"/"near"."""
    orgs = {m.name for m in found if m.label == "ORG" and len(m.name.split()) >= 2 and not canonical.known_place(m.name)}
    persons = {m.name: {w.casefold() for w in m.name.split()} for m in found if m.label == PERSON}
    placed = {m.name.casefold() for m in found if m.forced and m.label not in ("ORG", PERSON)}  # datelines
    located = {m.name for m in found if m.field == "body" and locative(article.body, m.start)}
    first_seen: dict[str, Mention] = {}
    for m in sorted(found, key=position):
        first_seen.setdefault(m.name, m)

    def owner(mention: Mention) -> str | None:
        words = mention.name.split()
        if mention.forced and mention.label != "ORG" or mention.name in orgs or canonical.demonym(mention.name):
            return None  # a nationality adjective: _nationality_carriers
        owners = {
            org for org in orgs
            if len(org.split()) > len(words) and org.split()[: len(words)] == words
            and org.split()[len(words)] not in fixes.CONNECTIVES  # "England" of "England and Wales ..."
            and (org.split()[-1].lower() in _ORG_ENDS  # "Harbour Energy"; not "Apple Pay", "Wales Online"
                 or without_legal_form(org) != org)  # "Tarrow Ocean Co., Ltd."
            or _club_inner_name(org) == words  # "Tarrowko" of "Vellby Tarrowko SC"
        }
        if len(owners) != 1 or canonical.known_place(mention.name) or any(
            article.body_doc.vocab[w.lower()].is_stop or canonical.is_title(w) or lower_in(w, article) for w in words
        ):
            return None
        other_persons = set().union(*(parts for name, parts in persons.items() if name != mention.name))
        if mention.name.casefold() in other_persons | placed or not name_shaped(mention.name) and not mention.name.isupper():
            return None
        if canonical.known_region(mention.name) or mention.name in located or canonical.is_all_caps(mention.name):
            return None  # "Alaska" of "Alaska Airlines", "in Sheffield"; "BBC" of "BBC Countryfile" (a parent)
        long_name = owners.pop()
        # Named on its own before the longer name ("Apple" ... "Apple Pay"): no short form.
        return long_name if position(first_seen[long_name]) <= position(first_seen[mention.name]) else None
    return owner


# Kinds of an organisation's short form, applied in this order, each over all mentions (a mention one
# row renamed is a long name for the next). A row builds, from the article and its mentions, a function
# giving a mention the one organisation it stands for, or None.
SHORT_FORM_RULES: tuple[tuple[str, Callable[[Article, list[Mention]], Callable[[Mention], str | None]]], ...] = (
    ("legal form dropped", _legal_form_dropped),
    ("leading words", _leading_words),
    ("nationality adjective of a carrier", _nationality_carriers),
)


def org_short_forms(article: Article, found: list[Mention]) -> list[Mention]:
    """An organisation's short form is the organisation (ORG, named as it, forced) when exactly one
    organisation of the article has it, by the rows of SHORT_FORM_RULES: its name without its legal
    form ("Tarrow Ocean" of "Tarrow Ocean Co., Ltd."), its first word(s) ("Harbour" of "Harbour
    Energy", "Tarrow" of "Tarrow Ocean Co., Ltd.") or a club's inner words ("Tarrow" of "Vellby
    Tarrow SC"), a carrier's nationality adjective ("Tarrovian" of "Tarrovian Airlines"); each row
    says which mentions it takes."""
    for _kind, rule in SHORT_FORM_RULES:
        owner_of = rule(article, found)
        for mention in found:
            owner = owner_of(mention)
            if owner is not None:
                mention.name, mention.label, mention.forced = owner, "ORG", True
    return found


_INSTITUTION_WORDS = fixes.ORG_HEADS | fixes.INSTITUTION_HEADS | frozenset({"ministry", "police", "army", "navy"})
_POSSESSED_INSTITUTION = re.compile(
    rf"{WORD_START}([A-Z][\w\-]*(?:[ \t][A-Z][\w\-]*)?)['\u2019]s[ \t]+((?:[A-Z][a-z]+[ \t]+){{0,3}}([A-Z][a-z]+))"
    rf"{WORD_END}"
)


def possessed_institutions(article: Article, found: list[Mention]) -> list[Mention]:
    """Capitalised words the model left untagged after a place's possessive and ending in an
    institution's head noun ("Tarrow's High Court", "Tarrow's Finance Ministry") are an
    organisation: a state's institution, named by its place."""
    if "ORG" not in article.labels:
        return found
    for field_name, text in article.texts.items():
        for match in _POSSESSED_INSTITUTION.finditer(text):
            if match.group(3).lower() not in _INSTITUTION_WORDS or not known_country_or_region(match.group(1)):
                continue
            start, end = match.span(2)
            if any(m.field == field_name and m.start < end and start < m.end for m in found):
                continue
            found.append(Mention(field_name, start, end, text[start:end], "ORG", canonical.normalise(text[start:end]),
                                 forced=True))
    return found


_PLACED_INSTITUTION = re.compile(
    rf"{WORD_START}[Tt]he[ \t]+((?:[A-Z][\w\-]*[ \t]+){{1,4}}([A-Z][a-z]+))(?![\w'\u2019\-])(?![ \t]+(?:of[ \t]+)?[A-Z])"
)


def placed_institutions(article: Article, found: list[Mention]) -> list[Mention]:
    """"The <place> <words> <institution head>" the model left untagged, or tagged only the place
    of ("the Tarrow High Court", "the Pellow Finance Ministry"), is an organisation when the place
    is a known country or ISO 3166-2 region: a state's institution, named by its place."""
    if "ORG" not in article.labels:
        return found
    for field_name, text in article.texts.items():
        for match in _PLACED_INSTITUTION.finditer(text):
            words = match.group(1).split()
            place = next((" ".join(words[:n]) for n in (1, 2) if len(words) > n
                          and known_country_or_region(" ".join(words[:n]))), None)
            if match.group(2).lower() not in _INSTITUTION_WORDS or place is None:
                continue
            start, end = match.span(1)
            over = [m for m in found if m.field == field_name and m.start < end and start < m.end]
            if any((m.start, m.end) != (start, start + len(place)) or m.label not in ("GPE", "LOC") or m.forced
                   for m in over):
                continue
            found = replace_by_one(found, over, field_name, start, end, text[start:end], "ORG")
    return found


_AND_INSTITUTION = re.compile(
    rf"{WORD_START}((?:[A-Z][a-z]+[ \t]+){{1,3}}and[ \t]+(?:[A-Z][a-z]+[ \t]+){{1,2}}(?:"
    + "|".join(sorted(h.capitalize() for h in tables.AND_INSTITUTION_HEADS)) + rf")){WORD_END}"
)


def and_institutions(article: Article, found: list[Mention]) -> list[Mention]:
    """Capitalised words joined by "and" before an institution's head noun
    (tables.AND_INSTITUTION_HEADS: "the Mother and Child Institute") are one organisation: it
    replaces the model's pieces inside it, not a longer span over it."""
    if "ORG" not in article.labels:
        return found
    for field_name, text in article.texts.items():
        for match in _AND_INSTITUTION.finditer(text):
            start, end = match.span(1)
            words = match.group(1).split()
            if words[0] in ("The", "A", "An"):
                start = text.index(words[1], start + len(words[0]))  # "The Coffee and Cocoa Council"
            inside = [m for m in found if m.field == field_name and m.start < end and start < m.end]
            if any(m.start < start or m.end > end or m.forced for m in inside):
                continue
            found = replace_by_one(found, inside, field_name, start, end, text[start:end], "ORG")
    return found


_OF_THE_NAME = re.compile(
    rf",?[ \t]+of[ \t]+the[ \t]+([A-Z][\w\-]*(?:[ \t]+(?:(?:of|and|for)[ \t]+)?[A-Z][\w\-]*)+){WORD_END}"
)


_OF_NAME = re.compile(rf",?[ \t]+of[ \t]+([A-Z][\w\-]*(?:[ \t]+[A-Z][\w\-]*){{1,3}}){WORD_END}")


# A name going on over a particle ("de", "van") or an elided article ("d'", "l'") and a capitalised word.
_NAME_GOES_ON = re.compile(
    r"(?:[ \t]+(?:" + "|".join(sorted(fixes.PARTICLES)) + r")[ \t]+|[ \t]+[dlDL]['\u2019])[A-Z][\w\-]*(?![\w'\u2019\-])"
)


def employers_after_roles(article: Article, found: list[Mention]) -> list[Mention]:
    """Two to four capitalised words after "of" right behind a person named after a role of a
    trade, team or profession (tables.ORG_ROLE_DOMAINS: "Analyst Ana Lind of Tarrow Pellow said")
    are the person's employer: an organisation, added when untagged, relabelled when the model
    called it a person; the name goes on over particles ("... Côte d'Ivoire"). Not a known
    country or region, nor toponym-shaped ("of Pellow Hill")."""
    if "ORG" not in article.labels:
        return found
    text = article.body
    for person in [m for m in found if m.field == "body" and m.label == PERSON]:
        role = roles.role_before(text, person.start)
        match = _OF_NAME.match(text, person.end) if role >= 0 else None
        words = text[role : person.start].split()
        if match is None or ROLE_DOMAIN.get(" ".join(w.lower() for w in words)) not in tables.ORG_ROLE_DOMAINS:
            continue
        start, end = match.span(1)
        while more := _NAME_GOES_ON.match(text, end):  # "Tarrow Bank Côte d'Ivoire": the name goes on
            end = more.end()
        name = text[start:end]
        if known_country_or_region(name) or toponym_shaped(name) or NEXT_WORD.match(text, end):
            continue
        over = [m for m in found if m.field == "body" and m.start < end and start < m.end]
        if not over:
            found.append(Mention("body", start, end, name, "ORG", canonical.normalise(name), forced=True))
        elif len(over) == 1 and (over[0].start, over[0].end) == (start, end) and over[0].label == PERSON \
                and not over[0].forced:
            over[0].label, over[0].forced = "ORG", True
    return found


def persons_organisations(article: Article, found: list[Mention]) -> list[Mention]:
    """Two or more capitalised words the model left untagged after "of the" right behind a
    person ("activist Ana Lind of the Tarrow Pellow Forum said"), or after "of" alone when a word
    of them is an organisation's designator ("Ana Lind of Tarrow Energy Watch"), name the
    person's organisation: ORG. Not a known country, region or toponym-shaped name ("of the Tarrow Valley"), nor words
    the model tagged in part, nor a name followed by another capitalised word."""
    if "ORG" not in article.labels or article.body_doc is None:
        return found
    text = article.body
    taken = occupied_spans(article.body_doc) + [(m.start, m.end) for m in found if m.field == "body"]
    added = []
    for end in sorted(person_ends_by_field(found).get("body", set())):
        match = _OF_THE_NAME.match(text, end) or _OF_NAME.match(text, end)
        if match is None or (match.re is _OF_NAME and not any(
                w.lower() in tables.ORG_DESIGNATORS for w in match.group(1).split())):
            continue
        start, stop = match.span(1)
        name = match.group(1)
        if overlaps(taken, start, stop) or toponym_shaped(name) or known_country_or_region(name) \
                or NEXT_WORD.match(text, stop) or any(canonical.is_title(w) and w.lower() not in tables.COMPANY_WORDS
                                                       for w in name.split()):
            continue
        added.append(Mention("body", start, stop, name, "ORG", canonical.normalise(name), forced=True))
    return found + added
