"""Places told by the words around them: lists after a preposition of place ("in Pellow and Corran
Falls"), residents on islands, towns after "in"/"near", place nouns ("the town of X"),
subdivisions in lists ("the states of X and Y") and Romance place particles ("Nova Tarrow do Norte").
"""

from __future__ import annotations

import re

from workers.stages.entities import canonical, roles, tables
from workers.stages.entities.context import WORK_LABELS, Article, extend_over, lower_in, relabel, replace_by_one
from workers.stages.entities.fixes import PERSON, Mention
from workers.stages.entities.scan import (
    GENERICS,
    LIST_NAME,
    NEXT_WORD,
    THE_BEFORE,
    common,
    known_country_or_region,
    locative,
    name_shaped,
    sentence_initial,
    toponym_shaped,
)
from workers.stages.entities.wordedge import LOWER, UPPER, WORD_END, WORD_START


_PLACE_LIST = re.compile(  # not before a number: "on Quill and Vanta 3.7" names versions
    rf"{WORD_START}([A-Za-z]+)[ \t]+((?:{LIST_NAME},[ \t]+)+{LIST_NAME},?|{LIST_NAME})[ \t]+and[ \t]+({LIST_NAME})"
    rf"(?![\w'\-]|[ \t]+\d)"
)
_LIST_ITEM = re.compile(LIST_NAME)
_RESIDENTS = r"{WORD_START}([A-Za-z]+)[ \t]+{preposition}[ \t]+({LIST_NAME})(?:[ \t]+and[ \t]+({LIST_NAME}))?{WORD_END}"
_RESIDENTS_ON = re.compile(_RESIDENTS.format(WORD_START=WORD_START, preposition="on", LIST_NAME=LIST_NAME, WORD_END=WORD_END))
_RESIDENTS_OF = re.compile(_RESIDENTS.format(WORD_START=WORD_START, preposition="of", LIST_NAME=LIST_NAME, WORD_END=WORD_END))
_RELABELLED_AS_PLACE = frozenset({PERSON, "LOC", "FAC", "DATE", "EVENT", "PRODUCT", "WORK_OF_ART", "NORP", "GPE"})


def _may_be_place(found: list[Mention], start: int, end: int, whole: tuple[int, int], lived_in: bool = False) -> bool:
    """Body span [start, end) may become a place: name-shaped, and every mention over it either
    a label a place is often mistaken for (no forced person, no exact organisation but an ISO
    3166-2 region's name, or the model's when people live in it: `lived_in`, "residents of X")
    or a span over the whole list `whole` ("Pellow and Corran" ORG) or over two of its names
    ("Tallis, Pellow" ORG)."""
    for m in found:
        if m.field != "body" or m.end <= start or end <= m.start:
            continue
        if (m.start, m.end) == whole or whole[0] <= m.start and m.end <= whole[1] and "," in m.text:
            continue  # a span over the whole list, or over two of its names ("Tallis, Pellow" ORG)
        if m.label == "ORG" and not m.forced and (lived_in or canonical.known_region(m.name)):
            continue  # "in Tarrowshire and Pellow": a region of a list is a place, not its council
        if m.label not in _RELABELLED_AS_PLACE or (m.label == PERSON and m.forced):
            return False
    return True


def _as_places(found: list[Mention], spans: list[tuple[int, int]], body: str) -> list[Mention]:
    """`found` with each body span in `spans` a forced GPE (mentions over the spans dropped)."""
    kept = [m for m in found if not (m.field == "body" and any(m.start < e and s < m.end for s, e in spans))]
    return kept + [Mention("body", s, e, body[s:e], "GPE", canonical.normalise(body[s:e]), forced=True) for s, e in spans]


def _list_of_places(cue: str, names: list[str], places: set[str], ruled: set[str] = frozenset()) -> bool:
    """The `names` listed after the word `cue` are places: after a tables.PLACE_LIST_PREPOSITIONS
    row one of them is a place of the article, a known country or ISO 3166-2 region, or
    toponym-shaped ("Tarrow Island");
    after a tables.TOPONYM_LIST_PREPOSITIONS row ("between") one is toponym-shaped, or one is a
    place a rule found in the article (a dateline's) that is no country and none a world region's word (tables.WORLD_REGION_WORDS:
    "between Asia and Tarrow City"), since countries are also parties there ("talks between Israel
    and Hamas"); after a
    tables.REGION_LIST_PREPOSITIONS row ("of") every one is a known country or region."""
    if cue in tables.TOPONYM_LIST_PREPOSITIONS:  # or a town of the article: no country, no party; no world region
        return any(toponym_shaped(n) for n in names) or any(
            canonical.normalise(n) in ruled and not canonical.known_place(n) for n in names
        ) and not any(w.lower() in tables.WORLD_REGION_WORDS for n in names for w in n.split())
    if cue in tables.REGION_LIST_PREPOSITIONS:
        return all(canonical.known_place(n) or canonical.known_region(canonical.normalise(n)) for n in names)
    return cue in tables.PLACE_LIST_PREPOSITIONS and any(
        canonical.normalise(n) in places or canonical.known_place(n) or toponym_shaped(n)
        or canonical.known_region(canonical.normalise(n)) for n in names
    )


def listed_places(article: Article, found: list[Mention]) -> list[Mention]:
    """Places told by their company in a list or by the people living on them: "in Pellow
    and Corran Falls", "in Tallis, Pellow and Corran", "between Tallis and Corran Island"
    (_list_of_places: all are places), "islanders on Skerra and Vell" (after a
    tables.RESIDENT_NOUNS row and "on") and "residents of Skerra" (tables.RESIDENTS_OF_NOUNS)."""
    if "GPE" not in article.labels or article.body_doc is None:
        return found
    body = article.body
    places = {m.name for m in found if m.label == "GPE"}
    ruled = {m.name for m in found if m.label == "GPE" and m.forced}
    for pattern, nouns in ((_PLACE_LIST, None), (_RESIDENTS_ON, tables.RESIDENT_NOUNS),
                           (_RESIDENTS_OF, tables.RESIDENTS_OF_NOUNS)):
        residents = nouns is not None
        for match in pattern.finditer(body):
            cue = match.group(1).lower()
            spans = [m.span() for m in _LIST_ITEM.finditer(body, *match.span(2))] if not residents else []
            spans += [match.span(i) for i in ((2, 3) if residents else (3,)) if match.group(i)]
            names = [body[s:e] for s, e in spans]
            if residents != (cue in (nouns or tables.RESIDENT_NOUNS)) or not (residents or _list_of_places(cue, names, places, ruled)):
                continue
            whole = (spans[0][0], spans[-1][1])
            if any(w.lower() in tables.ORG_DESIGNATORS for n in names for w in n.split()):
                continue  # "Fire and Rescue Service": one organisation's name
            if all(name_shaped(n) for n in names) and all(_may_be_place(found, s, e, whole, residents) for s, e in spans):
                found = _as_places(found, spans, body)
                places.update(canonical.normalise(n) for n in names)
    return found


def towns_not_regions(article: Article, found: list[Mention]) -> list[Mention]:
    """A LOC after "in"/"near"/... with no article before it, no word of a continent, world
    region, natural feature or building (tables.WORLD_REGION_WORDS, placenames.TOPONYM_GENERICS,
    ORG_DESIGNATORS), no planet (tables.PLANETS: "near Mars"), not followed by a capitalised word
    and never labelled other than a place in the article, is a town or district: GPE ("a villa in
    Corran", "in North Tallis"; not "in East Africa", "in the Alps", "in Vanta" of a program)."""
    if "GPE" not in article.labels:
        return found
    body = article.body
    others = {m.name for m in found if m.label not in ("LOC", "GPE")}
    for m in found:
        if m.field != "body" or m.label != "LOC" or m.forced or not name_shaped(m.text):
            continue
        words = {w.lower() for w in m.text.split()}
        if words & (tables.WORLD_REGION_WORDS | GENERICS | tables.ORG_DESIGNATORS) or THE_BEFORE.search(body, 0, m.start):
            continue
        if m.name in others or m.name in tables.PLANETS or NEXT_WORD.match(body, m.end):
            continue  # "in Vanta" LOC, "Vanta" PRODUCT elsewhere: the name is no town's
        if locative(body, m.start):
            m.label, m.forced = "GPE", True
    return found


_PARTICLE_TAIL = re.compile(
    rf"[ \t]+([a-z]+)(?:[ \t]+la)?[ \t]+([A-Z][a-z][\w'\-]*(?:[ \t]+[A-Z][a-z][\w'\-]*)?){WORD_END}"
)


def place_particles(article: Article, found: list[Mention]) -> list[Mention]:
    """A place the model cut before a particle of a Romance place name (tables.PLACE_NAME_PARTICLES)
    goes on over it and the one or two capitalised words after it, whatever the model made of
    them ("Nova Tarrow" GPE, "do", "Norte" ORG -> "Nova Tarrow do Norte"); not over a forced
    label or a span running past them."""
    if "GPE" not in article.labels:
        return found
    body = article.body
    for m in [m for m in found if m.field == "body" and m.label == "GPE"]:
        match = _PARTICLE_TAIL.match(body, m.end)
        if not match or match.group(1) not in tables.PLACE_NAME_PARTICLES:
            continue
        found = extend_over(found, m, body, match.end())
    return found


_TOWN_BEFORE = re.compile(rf"{WORD_START}(?:near|outside)[ \t]+$")


def towns_not_works(article: Article, found: list[Mention]) -> list[Mention]:
    """A name of one to three uncommon capitalised words the model called a product or a work
    right after "near"/"outside" (said of places, not of software or books: "killing four
    outside Tarrowmere") is a town: GPE. Not after "in" ("a bug in Tarrowshop on Monday"),
    not a common word, not a name seen with another label."""
    others = {m.name for m in found if m.label not in WORK_LABELS}
    for m in found:
        if m.forced or m.label not in WORK_LABELS or not name_shaped(m.name) or len(m.name.split()) > 3:
            continue
        if m.name in others or (article.words and any(w.lower() in article.words for w in m.name.split())):
            continue
        if _TOWN_BEFORE.search(article.texts[m.field], max(0, m.start - 10), m.start):
            relabel(m, "GPE", article)
    return found


_PLACE_NOUN_OF = re.compile(
    rf"{WORD_START}(?:" + "|".join(sorted(tables.PLACE_NOUNS)) + r")[ \t]+of[ \t]+$"
)
_PLACE_APPOSITION = re.compile(
    r",[ \t]+(?:an?|the)[ \t]+(?:[a-z\-]+[ \t]+){0,2}(?:" + "|".join(sorted(tables.PLACE_NOUNS)) + r")"
    r"(?=[ \t]+(?:" + "|".join(sorted(tables.PLACE_APPOSITION_FOLLOWERS)) + rf"){WORD_END}|[ \t]+\d|[ \t]*[,.;:)]|$)"
)
_PLACE_PLURALS = sorted(n[:-1] + "ies" if n.endswith("y") else n if n.endswith("s") else n + "s" for n in tables.PLACE_NOUNS)
_PLACE_EXAMPLES = re.compile(
    rf"{WORD_START}(?:" + "|".join(_PLACE_PLURALS) + r")[ \t]+(?:(?:in|of)[ \t]+the[ \t]+[a-z\-]+[ \t]+)?(?:"
    + "|".join(sorted(c.replace(" ", r"[ \t]+") for c in tables.PLACE_EXAMPLE_CUES)) + r")[ \t]+$"
)
_PLACE_NOUN_RELABELLED = frozenset({PERSON, "ORG", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART", "EVENT"})


def place_noun_names(article: Article, found: list[Mention]) -> list[Mention]:
    """A name after "<place noun> of" ("the fishing village of Tarrow Bay"), after a plural place
    noun giving examples ("towns such as Tarrow Springs", "districts in the south including
    Tarrow": tables.PLACE_EXAMPLE_CUES) or with a place noun heading its apposition ("Tarrow, a
    farming town near ...", "Tarrow, the island 500 km east": tables.PLACE_NOUNS,
    tables.PLACE_APPOSITION_FOLLOWERS) is a place, whatever the model called it; not a name with
    an organisation designator ("the town of Tarrow Council") or a union."""
    for m in found:
        if m.forced or m.label not in _PLACE_NOUN_RELABELLED or m.name in tables.UNIONS:
            continue
        if any(word.lower() in tables.ORG_DESIGNATORS for word in m.name.split()):
            continue
        text = article.texts[m.field]
        if _PLACE_NOUN_OF.search(text, max(0, m.start - 40), m.start) or _PLACE_APPOSITION.match(text, m.end) \
                or _PLACE_EXAMPLES.search(text, max(0, m.start - 40), m.start):
            relabel(m, "GPE", article)
    return found


_UNTAGGED_AFTER_PLACE_NOUN = re.compile(
    rf"{WORD_START}(?:" + "|".join(sorted(tables.PLACE_NOUNS)) + r")[ \t]+of[ \t]+([A-Z][\w\-]*(?:[ \t][A-Z][\w\-]*){0,2})"
    + WORD_END
)


def untagged_place_noun_names(article: Article, found: list[Mention]) -> list[Mention]:
    """A name the model left untagged after a lowercase "<place noun> of" (tables.PLACE_NOUNS:
    "the southern state of Tarrowa", "the port of Pellow Bay") is a place, GPE; not a name with a
    common, title or organisation word ("the town of Tarrow Council") or a known union."""
    if "GPE" not in article.labels:
        return found
    added = []
    for field_name, text in article.texts.items():
        taken = [(m.start, m.end) for m in found if m.field == field_name]
        for match in _UNTAGGED_AFTER_PLACE_NOUN.finditer(text):
            start, end = match.span(1)
            name = match.group(1)
            if any(start < b and a < end for a, b in taken) or canonical.normalise(name) in tables.UNIONS or any(
                common(w.lower(), article.words) or canonical.is_title(w) or w.lower() in tables.ORG_DESIGNATORS
                for w in name.split()
            ):
                continue
            added.append(Mention(field_name, start, end, name, "GPE", canonical.normalise(name), forced=True))
    return found + added


# A name of one to three capitalised words (no apostrophe: "Russia's Tarrow region" names Tarrow).
_DIVISION_NAME = r"[A-Z][\w\-]*(?:[ \t][A-Z][\w\-]*){0,2}"
_DIVISION_TERMS = {**{t: t for t in tables.SUBDIVISION_TERMS}, **{p: t for t, p in tables.SUBDIVISION_TERMS.items()},
                   **{t: t for t in tables.LOCALITY_TERMS}, **{p: t for t, p in tables.LOCALITY_TERMS.items()},
                   **{t: t for t in tables.FEATURE_LIST_TERMS}}
_DIVISION_LIST = re.compile(
    rf"{WORD_START}({_DIVISION_NAME}(?:(?:,[ \t]+|,?[ \t]+and[ \t]+){_DIVISION_NAME})*)[ \t]+"
    rf"({'|'.join(sorted(_DIVISION_TERMS, key=len, reverse=True))}){WORD_END}"
)
_DIVISION_ITEM = re.compile(rf"{WORD_START}(?!and\b){_DIVISION_NAME}")
_DIVISION_RELABELLED = frozenset({PERSON, "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT"})
_ADJECTIVE_ENDING = re.compile(r"(?:ish|ese|ic|ian|ean|can|ern)$")


_NOT_DIVISION_WORDS = tables.WORLD_REGION_WORDS | canonical.DIRECTIONS | tables.ORG_DESIGNATORS | tables.JURISDICTION_WORDS


def _division_name(name: str, article: Article) -> bool:
    """`name` may be a region's or feature's own name: not a country, a title, a world region, a
    direction, a jurisdiction or organisation word, a nationality or adjective ("a Republican
    state", "Western provinces") or a word the article writes in lower case."""
    words = name.split()
    return not (
        canonical.known_place(name) or canonical.demonym(name) or _ADJECTIVE_ENDING.search(name)
        or any(canonical.is_title(w) or w.lower() in _NOT_DIVISION_WORDS or lower_in(w, article) for w in words)
    )


def _division_items(text: str, match: re.Match) -> list[tuple[int, int]]:
    """Spans of the names listed in a _DIVISION_LIST match; a stop word opening the first is cut."""
    items = [m.span() for m in _DIVISION_ITEM.finditer(text, *match.span(1))]
    first = text[items[0][0] : items[0][1]].split(" ", 1)
    if len(first) == 2 and first[0].lower() in ("the", "in", "of", "and", "for", "from", "to"):
        items[0] = (items[0][0] + len(first[0]) + 1, items[0][1])
    return items


def division_names(article: Article, found: list[Mention]) -> list[Mention]:
    """Names right before a lowercase subdivision noun (tables.SUBDIVISION_TERMS: "Russia's Tarrow
    region", "Tarrow province", "the Tarrow, Pellow and Corran regions") are regions, GPE; names
    in a list of two or more before a plural feature noun (tables.FEATURE_LIST_TERMS: "the Tarrow
    and Pellow rivers") are LOC. The model's nationality, person, product or feature label gives
    way (a nationality only when no word of it is in the model's lexicon: "an Arab state"; a
    feature not before "region": "the Amazon region"); an organisation or place keeps its label;
    an untagged region name is added. A plural noun needs a list ("Gulf Arab states" is no
    list); names with a common or title word, a nationality, a direction or a world region
    (_division_name) are left alone."""
    added = []
    for field_name, text in article.texts.items():
        for match in _DIVISION_LIST.finditer(text):
            term = match.group(2)
            feature = term in tables.FEATURE_LIST_TERMS
            items = _division_items(text, match)
            if (term != _DIVISION_TERMS[term] or feature) and len(items) < 2:
                continue
            label = "LOC" if feature else "GPE"
            for start, end in items:
                name = text[start:end]
                if not _division_name(name, article) or label not in article.labels:
                    continue
                over = [m for m in found if m.field == field_name and m.start < end and start < m.end]
                if not over and not feature and not sentence_initial(text, start) \
                        and not any(common(w.lower(), article.words) for w in name.split()):
                    added.append(Mention(field_name, start, end, name, label, canonical.normalise(name), forced=True))
                # the model's organisation gives way before a town's part when no word of the name is a
                # common word ("the Apple neighborhood store" stays the company's)
                locality = _DIVISION_TERMS[term] in tables.LOCALITY_TERMS and not any(
                    common(w.lower(), article.words) for w in name.split())
                for m in over:
                    relabelled = _DIVISION_RELABELLED | ({"ORG"} if locality else set())
                    if (m.start, m.end) != (start, end) or m.label not in relabelled or m.forced:
                        continue
                    if m.label == "NORP" and any(common(w.lower(), article.words) for w in name.split()):
                        continue  # "an Arab state", "a German province": a nationality's region
                    if m.label == "LOC" and _DIVISION_TERMS[term] == "region":
                        continue  # "the Amazon region": a natural region may be one, as the model said
                    relabel(m, label, article)
    return found + added


_BASED = re.compile(rf"{WORD_START}([{UPPER}][\w'\u2019]*)-based{WORD_END}")
_BASED_RELABELLED = frozenset({PERSON, "NORP", "PRODUCT", "WORK_OF_ART", "FAC"})


def based_places(article: Article, found: list[Mention]) -> list[Mention]:
    """The name glued to "-based" is the seat of what follows: a place ("Tarrowville-based
    Pellow Capital"). The model's span ending at the hyphen becomes a GPE when the model called
    it a person, nationality, product, work or building (not a forced label, not an organisation
    but a known country); else one word inside a sentence, not all in capitals and never written
    in lower case in the article ("AI-based", "Cloud-based" opening a sentence, "Plant-based" of
    "plant-based" are no places) is a new GPE."""
    if "GPE" not in article.labels:
        return found
    body = article.body
    for match in _BASED.finditer(body):
        start, end = match.span(1)
        over = [m for m in found if m.field == "body" and m.start < end and start < m.end]
        ending = [m for m in over if m.end == end]
        if ending:
            m = ending[0]
            if not m.forced and (m.label in _BASED_RELABELLED or m.label == "ORG" and canonical.known_place(m.name)):
                m.label, m.forced = "GPE", True
            continue
        word = match.group(1)
        if over or word.isupper() or sentence_initial(body, start) or lower_in(word, article) or not name_shaped(word):
            continue
        found.append(Mention("body", start, end, word, "GPE", canonical.normalise(word), forced=True))
    return found


_CAPITALISED_RUN = re.compile(rf"{WORD_START}[{UPPER}][{LOWER}]+(?:[ \t]+[{UPPER}][\w'\-]*)+{WORD_END}")


_CIVIC_ROLES = frozenset(phrase for phrase, domain in tables.ROLES if domain == "civic")


def _civic_role(words: list[str]) -> bool:
    """`words` (one or more) open with a role holding a civic office ("Prime Minister", "Governor",
    "Chief Minister Datuk"; not the saint's "St" of "Tarrow St Pellow"), with at least one more word after it."""
    size = roles.role_prefix_length(words)
    keys = [w.lower() for w in words[:size]]
    pairs = [" ".join(keys[i : i + 2]) for i in range(len(keys) - 1)]
    return 0 < size < len(words) and any(key in _CIVIC_ROLES for key in keys + pairs)


def _place_before_role(words: list[str]) -> tuple[int, int] | None:
    """(first, end) word indices of a known country or region of one to three `words` followed by
    a civic role and a name ("Pellow Islands" of "Pellow Islands Prime Minister Ana Lind")."""
    for first in range(len(words) - 2):
        for size in (1, 2, 3):
            end = first + size
            if known_country_or_region(" ".join(words[first:end])) and _civic_role(words[end:]):
                return first, end
    return None


def places_before_roles(article: Article, found: list[Mention]) -> list[Mention]:
    """A known country or ISO 3166-2 region right before a role and a name ("Tarrowland Governor
    Ana Lind", "Pellow Islands Prime Minister Ana Lind") is a place: GPE, also where the model
    tagged nothing or called it a person (not over a forced label or a span running past it)."""
    if "GPE" not in article.labels:
        return found
    body = article.body
    for match in _CAPITALISED_RUN.finditer(body):
        words = [(w.start() + match.start(), w.group()) for w in re.finditer(r"\S+", match.group())]
        place = _place_before_role([w for _, w in words])
        if place is None:
            continue
        start, end = words[place[0]][0], words[place[1] - 1][0] + len(words[place[1] - 1][1])
        over = [m for m in found if m.field == "body" and m.start < end and start < m.end]
        if any(m.forced or m.start < start or m.end > end for m in over):
            continue
        found = replace_by_one(found, over, "body", start, end, body[start:end], "GPE")
    return found


_PEOPLE_IN = re.compile(
    rf"{WORD_START}([A-Za-z]+)[ \t]+in[ \t]+({LIST_NAME})(?:[ \t]+and[ \t]+({LIST_NAME}))?"
    rf"(?=[,.;:]|[ \t]+(?:[a-z]+ed|said|say|says|were|are|have|had|will|would|who|on|at|to|and|voted|met)(?![\w'\u2019\-]))"
)


def people_in_places(article: Article, found: list[Mention]) -> list[Mention]:
    """Names after a tables.PEOPLE_IN_NOUNS row and "in" that end a clause or come before its
    verb ("Workers in Tarrow learned", "voters in Tarrow and Pellow backed") are places: GPE,
    also where the model tagged nothing or called them a person, product or work (_may_be_place:
    not a forced person, not an organisation but a known region)."""
    if "GPE" not in article.labels:
        return found
    body = article.body
    for match in _PEOPLE_IN.finditer(body):
        if match.group(1).lower() not in tables.PEOPLE_IN_NOUNS:
            continue
        spans = [match.span(i) for i in (2, 3) if match.group(i)]
        whole = (spans[0][0], spans[-1][1])
        names = [body[s:e] for s, e in spans]
        if any(w.lower() in tables.ORG_DESIGNATORS for n in names for w in n.split()):
            continue  # "workers in Tarrow Motors": a company's name
        if all(name_shaped(n) for n in names) and all(_may_be_place(found, s, e, whole) for s, e in spans):
            found = _as_places(found, spans, body)
    return found
