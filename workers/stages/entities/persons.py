"""Person passes: names told as persons by evidence (an age, an apposition, a role, a regnal number,
a personal possession, an Arabic name's linking words), given names the model missed, persons cut
or glued by the model ("Ana Lind of Pellow Research", "Ana'a Lind" + "Tarrow"), and "persons"
that are none (numbered labels, acronyms, "the X,").
"""

from __future__ import annotations

import re

from workers.stages.entities import canonical, clubs, fixes, roles, tables
from workers.stages.entities.context import Article, add_untagged_person, relabel, replace_by_one
from workers.stages.entities.fixes import PERSON, Mention
from workers.stages.entities.pipeline import all_caps_headline
from workers.stages.entities.scan import (
    LOCATIVE,
    NAME_HEADS,
    PERSON_CUE,
    SURNAME_FOLLOWER,
    THE_BEFORE,
    after_name_word,
    compiled,
    ends_with_words,
    ent_chars,
    known_country_or_region,
    locative,
    name_shaped,
    occupied_spans,
    overlaps,
    sentence_initial,
    toponym_shaped,
)
from workers.stages.entities.wordedge import WORD_END, WORD_START




_AGE = re.compile(r",[ \t]+(?:aged[ \t]+)?\d{2},")


_ROLE_BEFORE = re.compile(rf"{WORD_START}([A-Za-z][A-Za-z\-]*),?[ \t]+$")


def _role_before(text: str, start: int) -> bool:
    """A person's role noun right before a name ("the chairman, Ana Diaz", "coach Tom Lee")."""
    match = _ROLE_BEFORE.search(text, max(0, start - 40), start)
    return bool(match) and match.group(1).lower() in canonical.ROLE_WORDS


def _person_cue(text: str, end: int) -> bool:
    return bool(PERSON_CUE.match(text, end))




def _given_name_cue(word: str, texts: dict[str, str]) -> bool:
    """`word` follows a capitalised given name with a person's apposition after them somewhere
    ("Anna Roy, who ...") and is reused alone as a surname."""
    pattern = compiled(r"(?<![\w'\-.])([A-Z][a-z][\w'\-]*)[ \t]+" + re.escape(word) + r"(?=,)")
    for text in texts.values():
        if word + "," not in text:
            continue  # the pattern needs "word,"
        for match in pattern.finditer(text):
            given = match.group(1)
            if canonical.is_title(given) or given.lower() in fixes.CONNECTIVES or given.lower() in LOCATIVE:
                continue
            name = f"{given} {word}"
            if name_shaped(name) and _person_cue(text, match.end()) and surname_reused(name, texts):
                return True
    return False


def surname_reused(name: str, texts: dict[str, str]) -> bool:
    """The last word of `name` also stands alone in the article as a subject or object (a surname
    reused: followed by punctuation or a verb, not after another name's capitalised word: "Oman Re
    said" reuses no "Tarrow Re"), and the first word never stands alone (a club's or company's
    short form is usually its first word)."""
    words = name.split()
    first, last = words[0], words[-1]
    alone_last = alone_first = False
    for text in texts.values():
        for match in compiled(WORD_START + re.escape(last) + SURNAME_FOLLOWER).finditer(text):
            if not ends_with_words(text, match.start(), words[:-1]) and not after_name_word(text, match.start(), True):
                alone_last = True
        for match in compiled(WORD_START + re.escape(first) + r"(?![\w\-])").finditer(text):
            if not text.startswith(" ".join(words[1:]), match.end() + 1):
                alone_first = True
    return alone_last and not alone_first


def _lone_given_name(body: str, body_doc, start: int, end: int) -> bool:
    """[start, end) is exactly a one-word non-person entity ("Milos" ORG before "Varga") whose
    word occurs nowhere else in the body: a given name the model mislabelled."""
    word = body[start:end]
    exact = any(
        ent_start == start and ent_end == end and label not in (PERSON, "DATE", "CARDINAL")
        for ent_start, ent_end, label in ent_chars(body_doc)
    )
    return exact and len(compiled(r"(?<!\w)" + re.escape(word) + r"(?!\w)").findall(body)) == 1


def _given_names(found: list[Mention], body: str, body_doc) -> list[Mention]:
    """A one-word person also written "Given Surname" (missed by the model) gets that full name.

    Taken when the two-word form occurs twice, or once not opening a sentence (a capitalised word
    opening a sentence may be any word); the given name must not be a stop word, title or entity.
    """
    multi = [canonical.person_tokens(m.name) for m in found if m.label == PERSON and len(m.name.split()) > 1]
    singles = {m.name for m in found if m.label == PERSON and len(m.name.split()) == 1}
    entity_spans = occupied_spans(body_doc)
    added: list[Mention] = []
    for surname in sorted(singles):
        if any(tokens[-1] == surname.casefold() for tokens in multi):
            continue
        pattern = compiled(r"(?<![\w.])([A-Z][a-z][\w'\-]*)[ \t]+" + re.escape(surname) + r"(?!\w)")
        hits = [
            hit
            for hit in pattern.finditer(body)
            if not body_doc.vocab[hit.group(1).lower()].is_stop
            and not canonical.is_title(hit.group(1))
            and hit.group(1).lower() not in LOCATIVE
            and (
                not overlaps(entity_spans, hit.start(1), hit.end(1))
                or _lone_given_name(body, body_doc, hit.start(1), hit.end(1))
            )
        ]
        if len({hit.group(1) for hit in hits}) != 1:
            continue
        if len(hits) < 2 and all(sentence_initial(body, hit.start()) for hit in hits):
            continue
        for hit in hits:
            name = " ".join(hit.group().split())
            added.append(Mention("body", hit.start(), hit.end(), hit.group(), PERSON, name))
    if not added:
        return found
    spans = [(m.start, m.end) for m in added]
    kept = [m for m in found if m.field != "body" or not overlaps(spans, m.start, m.end)]
    return kept + added


_DIGIT = re.compile(r"\d")


def numbered_not_persons(article: Article, found: list[Mention]) -> list[Mention]:
    """A "person" with a digit in it ("Variant 4", "Phase 2") is a numbered label, not a name:
    dropped. Regnal numbers are Roman ("Henry VIII") and stay."""
    return [m for m in found if not (m.label == PERSON and not m.forced and _DIGIT.search(m.text))]


_ARABIC_FAMILY = r"(?:" + "|".join(sorted(tables.ARABIC_ARTICLE_PREFIXES)) + r")-[A-Z][\w\-]*"
# a name of three or more words needs a linking word ("bin"): texts without one are not scanned
_ARABIC_LINK = re.compile(r"[ \t](?:" + "|".join(sorted(tables.ARABIC_NAME_LINKS)) + r")[ \t]")
_ARABIC_NAME = re.compile(
    rf"{WORD_START}([A-Z][\w\-]*(?:[ \t]+(?:{'|'.join(sorted(tables.ARABIC_NAME_LINKS))})[ \t]+[A-Z][\w\-]*)*"
    rf"(?:[ \t]+{_ARABIC_FAMILY})?){WORD_END}"
)


def arabic_names(article: Article, found: list[Mention]) -> list[Mention]:
    """An Arabic personal name with its linking words and family name (tables.ARABIC_NAME_LINKS,
    ARABIC_ARTICLE_PREFIXES: "Tarik bin Pellow al-Vell") right after a role is a person, also
    when the model tagged nothing or part of it, and so is one the model split into persons at a
    linking word ("Tarifa" and "Pellow al-Vell" of "Tarifa bint Pellow al-Vell"); and "<Name> al-<Name>" the model called a
    building is a person unless its first word opens names of places (ARABIC_PLACE_GENERICS:
    "Burj al-Tarrow")."""
    if PERSON not in article.labels:
        return found
    for m in found:
        words = m.text.split()
        if m.label == "FAC" and not m.forced and len(words) >= 2 and _ARABIC_NAME.fullmatch(m.text) \
                and re.fullmatch(_ARABIC_FAMILY, words[-1]) and words[0].lower() not in tables.ARABIC_PLACE_GENERICS:
            m.label, m.forced = PERSON, True
    for field_name, text in article.texts.items():
        if not text or not _ARABIC_LINK.search(text):
            continue
        for match in _ARABIC_NAME.finditer(text):
            start, end = match.span(1)
            over = [m for m in found if m.field == field_name and m.start < end and start < m.end]
            split = len(over) >= 2 and all(m.label == PERSON for m in over)  # "Tarifa" + "Pellow al-Vell"
            if len(match.group(1).split()) < 3 or roles.role_before(text, start) < 0 and not split:
                continue
            if any(m.start < start or m.end > end or (m.forced and m.label != PERSON) for m in over):
                continue  # a person the model or a rule found inside the name grows over it
            found = replace_by_one(found, over, field_name, start, end, match.group(1), PERSON)
    return found


_APPOSED_NAME = re.compile(
    rf"{WORD_START}([A-Z][a-z][\w'\-]*(?:[ \t]+[A-Z][a-z][\w'\-]*){{1,2}}),[ \t]+(?:the[ \t]+|an?[ \t]+)?"
    r"([a-z][a-z\-]*(?:[ \t]+[a-z][a-z\-]*){0,3})[ \t]+(?:of|at|for)[ \t]"
)


def apposed_persons(article: Article, found: list[Mention]) -> list[Mention]:
    """Two or three name-shaped words the model left untagged, followed by a comma and a role
    (tables.ROLES with its modifiers) of an organisation ("Ana Tarrow Lind, director general of
    the ...", "Ana Lind, a spokeswoman for ...") are a person: an apposition of a role names one.
    Not over a title, role, organisation designator or stop word. The same name the model called
    an organisation or a place is that person too ("said Ana Lind, an economist at ...")."""
    if PERSON not in article.labels or article.body_doc is None:
        return found
    body, vocab = article.body, article.body_doc.vocab
    for match in _APPOSED_NAME.finditer(body):
        start, end = match.span(1)
        role = match.group(2).split()
        if roles.role_prefix_length(role) != len(role) or role[-1] in _COMPANY_ROLES:
            continue
        words = match.group(1).split()
        if not name_shaped(match.group(1)) or any(
                canonical.is_title(w) or w.lower() in canonical.ROLE_WORDS | tables.ORG_DESIGNATORS
                or vocab[w.lower()].is_stop for w in words):
            continue
        same = [m for m in found if m.field == "body" and (m.start, m.end) == (start, end)]
        if same and same[0].label in _APPOSED_RELABELLED and not same[0].forced:
            same[0].label, same[0].forced = PERSON, True
        add_untagged_person(found, body, start, end)
    return found


_APPOSED_RELABELLED = frozenset({"ORG", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"})
_COMPANY_ROLES = frozenset({"owner"})  # "Tarrow Pellow, owner of the mill": a company may own


_REGNAL_NAME = re.compile(
    rf"{WORD_START}([A-Z][a-z][\w'\-]*(?:[ \t]+[A-Z][a-z][\w'\-]*)?[ \t]+(?=[IVX]{{2}})X{{0,2}}(?:IX|IV|V?I{{0,3}}))"
    rf"{WORD_END}"
)


def regnal_names(article: Article, found: list[Mention]) -> list[Mention]:
    """One or two uncommon name words and a Roman regnal number of two letters or more that the
    model left untagged ("The ruler, Tarrow Pellow II, said") are a person; not common words of
    the model's lexicon ("World War II", "Phase IV", "Title IX"), titles or roles."""
    if PERSON not in article.labels:
        return found
    body = article.body
    for match in _REGNAL_NAME.finditer(body):
        start, end = match.span(1)
        words = match.group(1).split()[:-1]
        if any(w.lower() in article.words or canonical.is_title(w) or w.lower() in canonical.ROLE_WORDS for w in words):
            continue
        add_untagged_person(found, body, start, end)
    return found


def person_evidence(article: Article, found: list[Mention]) -> list[Mention]:
    """A non-person name-shaped mention with a person's cue is a person: an age ("Smith, 37,"),
    a given name with an apposition, a role before it, a surname reused after a person cue."""
    if PERSON not in article.labels:
        return found
    texts, body = article.texts, article.body
    for mention in found:
        if mention.label in (PERSON, "NORP") or mention.forced or not name_shaped(mention.name):
            continue
        n_words = len(mention.name.split())
        if n_words == 1 and any(
            mention.text + "," in text  # the pattern needs "X,"
            and compiled(WORD_START + re.escape(mention.text) + _AGE.pattern).search(text)
            for text in texts.values()
        ):
            mention.label, mention.forced = PERSON, True  # "Smith, 37, said"
        elif n_words == 1 and _given_name_cue(mention.text, texts):
            mention.label, mention.forced = PERSON, True  # "Anna Roy, the economist who ..."
        elif 2 <= n_words <= 3 and mention.field == "body" and (
            _role_before(body, mention.start) or roles.role_before(body, mention.start) >= 0
        ):
            mention.label, mention.forced = PERSON, True  # "the chairman, Ana Diaz, said"
        elif (
            2 <= n_words <= 3
            and (mention.after_dateline or _person_cue(texts[mention.field], mention.end))
            and surname_reused(mention.name, texts)
        ):
            # "Budi Santoso, who left office ... Santoso said"; "PARIS - Anne Roy said ... Roy"
            mention.label, mention.forced = PERSON, True
    return found


_POSSESSION_AFTER = re.compile(rf"['\u2019]s[ \t]+([a-z\-]+)(?:[ \t]+([a-z]+))?{WORD_END}")
_POSSESSOR_RELABELLED = frozenset({"ORG", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "LOC"})


def possessor_persons(article: Article, found: list[Mention]) -> list[Mention]:
    """A name-shaped name before a possessive and a noun only a person has
    (tables.PERSONAL_POSSESSIONS: "Ana Tarrow's widow", "Tarrow's former wife"), or a one-word
    name before a leader's office (tables.LEADER_POSSESSIONS: "Tarrow's government") never
    named as a place in the article, not after "the" and not called an organisation by the
    model (movements govern too: "Hamas's government"), is a person, whatever the model called it; not a known
    place or a name with an organisation's word."""
    placed = {m.name for m in found if (m.label == "GPE" and m.forced) or locative(article.texts[m.field], m.start)}
    for m in found:
        if m.forced or m.label not in _POSSESSOR_RELABELLED or not name_shaped(m.name):
            continue
        if known_country_or_region(m.name) or any(w.lower() in tables.ORG_DESIGNATORS for w in m.name.split()):
            continue
        after = _POSSESSION_AFTER.match(article.texts[m.field], m.end)
        if after and (after.group(1) in tables.PERSONAL_POSSESSIONS or after.group(2) in tables.PERSONAL_POSSESSIONS):
            relabel(m, PERSON, article)
        elif after and after.group(1) in tables.LEADER_POSSESSIONS and " " not in m.name and m.name not in placed \
                and m.label != "ORG" and not THE_BEFORE.search(article.texts[m.field], max(0, m.start - 8), m.start):
            relabel(m, PERSON, article)  # "Tarrow's government"; not "Hamas's government", "the Taliban's"
    return found


def acronym_persons(article: Article, found: list[Mention]) -> list[Mention]:
    """A "person" of one all-capitals word of three to six letters ("TARV") in a field written in
    mixed case, not in an opening run of capitals (a dateline), is an acronym, an organisation's
    short name: persons are written "Ana Lind"."""
    if "ORG" not in article.labels:
        return found
    for m in found:
        text = article.texts[m.field] or ""
        if (m.label == PERSON and not m.forced and re.fullmatch(r"[A-Z]{3,6}", m.text)
                and not all_caps_headline(text) and text[: m.start].upper() != text[: m.start]):  # a dateline
            m.label, m.forced = "ORG", True
    return found


_BRACKETED_ACRONYM_AFTER = re.compile(r"[ \t]*\(([A-Z]{2,6})\)")


def spelled_acronym(name: str, acronym: str) -> bool:
    """`acronym` is the initials of `name`'s capitalised words or of all its words ("Tarrow Vell
    Pellow" TVP, "Union de Tarrow" UDT)."""
    words = name.split()
    return acronym in ("".join(w[0] for w in words if w[0].isupper()), "".join(w[0].upper() for w in words))


def acronym_named_persons(article: Article, found: list[Mention]) -> list[Mention]:
    """A "person" of two or more words right before a bracketed acronym of its initials ("Tarrow
    Vell Pellow (TVP)", "Union de Tarrow (UDT)") is an organisation: running text gives persons no
    bracketed acronyms; a title before the name (canonical.is_title: "Mr") keeps the person."""
    if "ORG" not in article.labels:
        return found
    for m in found:
        if m.label != PERSON or m.forced or len(m.name.split()) < 2:
            continue
        text = article.texts[m.field]
        bracket = _BRACKETED_ACRONYM_AFTER.match(text, m.end)
        before = _ROLE_BEFORE.search(text, max(0, m.start - 40), m.start)
        if bracket and spelled_acronym(m.text, bracket.group(1)) and not (before and canonical.is_title(before.group(1))):
            m.label, m.forced = "ORG", True
    return found


def ship_names(article: Article, found: list[Mention]) -> list[Mention]:
    """A "person" opening with a ship prefix (tables.SHIP_PREFIXES: "USNS Ana Tarrow", "HMS
    Pellow") is a ship named after someone: a PRODUCT, as the model labels vehicles."""
    if "PRODUCT" not in article.labels:
        return found
    for m in found:
        words = m.text.split()
        if m.label == PERSON and not m.forced and len(words) >= 2 and words[0] in tables.SHIP_PREFIXES:
            m.label, m.forced = "PRODUCT", True
    return found


def adjacent_persons(article: Article, found: list[Mention]) -> list[Mention]:
    """Two "persons" the model made of one name, one right after the other with a single space
    between ("Ana'a Lind" + "Tarrow" of "leader Ana'a Lind Tarrow"), are one person, when the
    first holds an apostrophe or hyphen the model splits names at and the second is one word
    (two full names run together in a page's list stay two)."""
    dropped: list[Mention] = []
    ordered = sorted(found, key=lambda m: (m.field, m.start))
    for first, second in zip(ordered, ordered[1:]):
        if (first.label == second.label == PERSON and first.field == second.field
                and first not in dropped and second.start == first.end + 1 and len(second.text.split()) == 1
                and article.texts[first.field][first.end] == " " and re.search(r"['\u2019\-]", first.text)):
            text = article.texts[first.field]
            first.respan(text, end=second.end)
            dropped.append(second)
    return [m for m in found if m not in dropped]


def given_names_pass(article: Article, found: list[Mention]) -> list[Mention]:
    """`found` with one-word persons given their full "Given Surname" form (`_given_names`) when the article keeps PERSON."""
    if PERSON in article.labels and article.body_doc is not None:
        return _given_names(found, article.body, article.body_doc)
    return found


_PERSON_OF = re.compile(
    r"([A-Z][\w'\u2019\-]*(?:[ \t]+[A-Z][\w'\u2019\-]*){1,2})[ \t]+of[ \t]+([A-Z][\w'\u2019\-]*(?:[ \t]+[A-Z][\w'\u2019\-]*){0,3})"
)
_PERSON_OF_RELABELLED = frozenset({"ORG", "GPE", "FAC", "NORP", "LOC"})


def _glued_person_of(words: list[str]) -> bool:
    """Words that may be a person's name before "of": no designator, head noun, title or place."""
    return not any(w.lower() in tables.ORG_DESIGNATORS or w.lower() in NAME_HEADS
                   or w.lower() in tables.ORG_HEAD_NOUNS or canonical.is_title(w) for w in words) \
        and not known_country_or_region(" ".join(words))


_POSSESSIVE_BEFORE = re.compile(r"([A-Z][\w.\-]*(?:[ \t]+[A-Z][\w.\-]*){0,2})['\u2019]s[ \t]+$")


def _country_possessive_before(text: str, start: int) -> bool:
    """A known country's possessive ends right before `start`: "Tarrowland's [Ana Lind ...]"."""
    before = _POSSESSIVE_BEFORE.search(text, max(0, start - 40), start)
    return bool(before) and known_country_or_region(before.group(1))


def persons_of_names(article: Article, found: list[Mention]) -> list[Mention]:
    """One organisation or place span the model made of "<person> of <place or organisation>"
    ("Ana Lind of Pellow Research", "Tom Ruck of Saint-Corran"), with a role right before it
    (tables.ROLES: "Analyst", "retiree"), a known country's possessive ("Tarrowland's Ana Lind of
    Pellow Research"), the person named so elsewhere or a club after "of" ("Ana Lind of Tarrow
    Rovers", clubs.club_word) is two mentions: the person, and the rest, a club's an organisation, a place when it is a known country or region, a place of the article,
    toponym-shaped or a saint's town ("Saint-Corran"), else an organisation."""
    persons = {m.name for m in found if m.label == PERSON}
    places = {m.name for m in found if m.label in ("GPE", "LOC")}
    out: list[Mention] = []
    for m in found:
        text = article.texts[m.field]
        glued = _PERSON_OF.fullmatch(m.text) if m.label in _PERSON_OF_RELABELLED and not m.forced else None
        club = glued is not None and clubs.club_word(glued.group(2).split()[-1])  # "Ana Lind of Tarrow Rovers"
        if glued is None or not _glued_person_of(glued.group(1).split()) or not (
                roles.role_before(text, m.start) >= 0 or canonical.normalise(glued.group(1)) in persons
                or _country_possessive_before(text, m.start) or club):
            out.append(m)
            continue
        rest = canonical.normalise(glued.group(2))
        place = not club and (known_country_or_region(rest) or rest in places or toponym_shaped(glued.group(2))
                              or roles.is_saint(rest.split("-")[0]))
        for i, label in ((1, PERSON), (2, "GPE" if place else "ORG")):
            start, end = m.start + glued.start(i), m.start + glued.end(i)
            out.append(Mention(m.field, start, end, text[start:end], label, canonical.normalise(text[start:end]),
                               forced=True))
    return out


_ENDS_CLAUSE = re.compile(r"[ \t]*(?:[,.;:)]|$)")
_LOWER_THE_BEFORE = re.compile(rf"{WORD_START}the[ \t]+$")  # not "The": a sentence's or a title's opening


def not_persons(article: Article, found: list[Mention]) -> list[Mention]:
    """What the model called a person that no person is: a world region's word alone
    (tables.WORLD_REGION_WORDS: "Pacific leaders", "the Balkans"), a LOC; and a name of two or more
    words the model took with "the" before it ("the Tarrow Pellow," closing a clause: a house
    of parliament, a band), an organisation. A name followed by a noun ("the Ana Lind film") or
    labelled a person by a rule stays."""
    for m in found:
        if m.label != PERSON or m.forced:
            continue
        words = m.name.split()
        if len(words) == 1 and words[0].lower() in tables.WORLD_REGION_WORDS:
            relabel(m, "LOC", article)
            continue
        text = article.texts[m.field]
        if len(words) >= 2 and _LOWER_THE_BEFORE.search(text, max(0, m.start - 8), m.start) \
                and _ENDS_CLAUSE.match(text, m.end) and not roles.role_prefix_length(words):
            relabel(m, "ORG", article)
    return found


def sport_bodies(article: Article, found: list[Mention]) -> list[Mention]:
    """A mention "<Sport> <Country>" (tables.SPORT_BODY_WORDS, a known country: "Badminton
    Tarrowland") is a national governing body, an organisation, not a person: it is relabelled
    ORG before a lone country is taken for its surname (surnames.surname_labels)."""
    for m in found:
        first, _, rest = m.name.partition(" ")
        if m.label != "ORG" and first.lower() in tables.SPORT_BODY_WORDS and canonical.known_place(rest):
            relabel(m, "ORG", article)
    return found
