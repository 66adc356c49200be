"""Company passes: companies told by an apposition, a company word, their analysts, an opening word or
legal form (`_company_openings`, rows in `_COMPANY_OPENINGS`), words only a company has ("shares
in X", "X's shares fell"), brand nouns and lists of organisations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workers.stages.entities import canonical, roles, tables
from workers.stages.entities.context import Article, capitalised_inside, full_persons, lower_in, relabel
from workers.stages.entities.fixes import PERSON, Mention
from workers.stages.entities.persons import surname_reused
from workers.stages.entities.scan import (
    LIST_NAME,
    common,
    known_country_or_region,
    occupied_spans,
    overlaps,
    sentence_initial,
    toponym_shaped,
)
from workers.stages.entities.wordedge import WORD_END, WORD_START


# "Quill, the software firm led by ...": a capitalised word described as a company right after it.
_COMPANY_APPOSITION = re.compile(
    rf"{WORD_START}([A-Z][a-z]+),[ \t]+the[ \t]+(?:[A-Za-z\-]+[ \t]+){{0,3}}(?:firm|company|group|maker|giant|"
    r"retailer|lender|bank|start-up|startup|platform|chain|carmaker|airline|insurer|brand|conglomerate|operator|"
    rf"utility|producer|manufacturer|supplier|developer|broadcaster|publisher|miner|exchange|operator){WORD_END}"
)


_APPOSED_NOUNS = (r"firm|company|maker|lender|bank|platform|chain|airline|insurer|conglomerate|operator|utility|"
                  r"producer|manufacturer|supplier|exchange|" + "|".join(sorted(tables.GROUP_GENERICS)))
# "Tarrow Pell, the electricity exchange," "Vell Arden, the largest party in ...": the noun ends
# its phrase (a comma, a full stop or "of"/"in"/"that"/"which" after it; not "the party leader").
_ORG_APPOSITION = re.compile(
    rf"{WORD_START}([A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){{1,2}}),[ \t]+the[ \t]+(?:[a-z\-]+[ \t]+){{0,3}}"
    rf"(?:{_APPOSED_NOUNS})(?=[ \t]*[,.;]|[ \t]+(?:of|in|that|which)\b)"
)


def _apposed_organisations(body: str, found: list[Mention]) -> None:
    """A name of two or three words the model called a person, then ", the <...> exchange|party|...,"
    (_ORG_APPOSITION), is an organisation: relabelled, unless a rule made it a person."""
    for match in _ORG_APPOSITION.finditer(body):
        for m in found:
            if m.field == "body" and (m.start, m.end) == match.span(1) and m.label == PERSON and not m.forced:
                m.label, m.forced = "ORG", True


def described_companies(body: str, body_doc, found: list[Mention]) -> list[Mention]:
    """One-word company names the model missed, told by an apposition ("Quill, the software firm");
    longer names the model called persons, told by one (_apposed_organisations)."""
    _apposed_organisations(body, found)
    taken = occupied_spans(body_doc) + [(m.start, m.end) for m in found if m.field == "body"]
    added = []
    for match in _COMPANY_APPOSITION.finditer(body):
        start, end = match.span(1)
        word = match.group(1)
        for m in found:
            if m.field == "body" and (m.start, m.end) == (start, end) and m.label == PERSON and not m.forced:
                m.label, m.forced = "ORG", True  # "Acmegas, the Dutch network operator" tagged PERSON
        if overlaps(taken, start, end) or canonical.is_title(word) or body_doc.vocab[word.lower()].is_stop:
            continue
        added.append(Mention("body", start, end, word, "ORG", word))
    return added


_COMPANY_NAME = re.compile(
    rf"{WORD_START}([A-Z][A-Za-z][\w\-]*)[ \t]+(" + "|".join(sorted(w.capitalize() for w in tables.COMPANY_WORDS)) + rf"){WORD_END}"
)


def company_names(article: Article, found: list[Mention]) -> list[Mention]:
    """A capitalised word and a capitalised company word ("Solano Grid", "Alder Mining") is an
    organisation the model missed or took for a person or place; not after a role phrase, not
    when the first word is common English, a stop word, a title or a known place ("Scottish
    Power" is left to the model)."""
    added = []
    for field_name, text in article.texts.items():
        for match in _COMPANY_NAME.finditer(text):
            start, end = match.span()
            first = match.group(1)
            if (
                article.body_doc.vocab[first.lower()].is_stop or canonical.is_title(first)
                or canonical.known_place(first) or common(first.lower(), article.words)
            ):
                continue
            overlapping = [m for m in found if m.field == field_name and m.start < end and start < m.end]
            if any(m.start < start or m.end > end for m in overlapping) or any(m.label == "ORG" for m in overlapping):
                continue  # inside a longer name, or already an organisation
            found = [m for m in found if m not in overlapping]
            added.append(Mention(field_name, start, end, match.group(), "ORG", match.group(), forced=True))
    return found + added


_ANALYSTS_AT = re.compile(
    r"\b(?i:analysts?|economists?|strategists?|researchers?|traders?|brokers?|bankers?)[ \t]+(?:at|from)[ \t]+"
    r"((?:[A-Z][\w&'\-]*)(?:[ \t]+[A-Z][\w&'\-]*){0,3})"
)


def analysts_at(article: Article, found: list[Mention]) -> list[Mention]:
    """"Analysts at HSBC", "economists from Nomura": the capitalised words are the firm
    they work for, an organisation, when the model left them untagged."""
    text = article.body
    taken = occupied_spans(article.body_doc) + [(m.start, m.end) for m in found if m.field == "body"]
    added = []
    for match in _ANALYSTS_AT.finditer(text):
        start, end = match.span(1)
        name = match.group(1)
        if not name[:1].isupper() or overlaps(taken, start, end) or canonical.is_title(name.split()[0]):
            continue
        if canonical.ends_in_own_s(name) or not name.endswith("'s"):
            added.append(Mention("body", start, end, name, "ORG", canonical.normalise(name), forced=True))
    return found + added


_COMMA_LIST = re.compile(rf"{WORD_START}({LIST_NAME})((?:,[ \t]+{LIST_NAME})+),?[ \t]+and[ \t]+({LIST_NAME}){WORD_END}")


def listed_companies(article: Article, found: list[Mention]) -> list[Mention]:
    """In a list of three or more names ("Tarrow Pellow, Vell Labs and Corvia") of which two or
    more are organisations, a "person" is an organisation too, all its mentions: not a name set
    by a rule, the surname of a person named in full, or a name after a role; one of two or
    three words only when its last word is never reused alone (persons.surname_reused: "Vell
    Labs, Tarrow Pay and Ana Lind ... Lind said")."""
    if "ORG" not in article.labels:
        return found
    full = full_persons(found)
    labels = {(m.field, m.start, m.end): m for m in found}
    listed: set[str] = set()
    for field_name, text in article.texts.items():
        for match in _COMMA_LIST.finditer(text):
            spans = [match.span(1), match.span(3)] + [
                (match.start(2) + n.start(), match.start(2) + n.end()) for n in re.finditer(LIST_NAME, match.group(2))]
            members = [labels.get((field_name, a, b)) for a, b in spans]
            if len(members) >= 3 and sum(1 for m in members if m and m.label == "ORG") >= 2:
                listed.update(m.name for m in members if m and m.label == PERSON and roles.role_before(text, m.start) < 0
                              and (len(m.name.split()) == 1 or not surname_reused(m.name, article.texts)))
    for m in found:
        if m.name in listed and m.label == PERSON and not m.forced and not canonical.surname_owner(m.name, full):
            relabel(m, "ORG", article)
    return found


_FIRST_WORD_BEFORE = re.compile(
    rf"{WORD_START}(?:" + "|".join(sorted(w.capitalize() for w in tables.COMPANY_FIRST_WORDS)) + r")[ \t]+$"
)


_FORM_PREFIX_BEFORE = re.compile(
    rf"{WORD_START}(?:" + "|".join(sorted(tables.COMPANY_FORM_PREFIXES)) + r")[ \t]+$"
)


_CLUB_PREFIX_BEFORE = re.compile(
    rf"{WORD_START}(?:" + "|".join(sorted(tables.CLUB_PREFIXES)) + r")[ \t]+$"
)


@dataclass(frozen=True, slots=True)
class _CompanyOpening:
    """Words written right before a name that open a company's name: the mention grows over them
    (the mentions under them dropped) and is an organisation, ORG, forced."""

    before: re.Pattern  # the opening words, ending where the mention starts
    reach: int  # characters searched before the mention
    labels: frozenset[str] | None  # labels of the mentions that grow (None: any)
    places_too: bool  # a known country or region grows too ("Air India")
    inside: frozenset[str]  # these words opening a span of two or more words make it a company too
    cased: bool = False  # only names with a lowercase letter grow ("AS BRITAIN" of a headline: no club)


_COMPANY_OPENINGS = {
    # tables.COMPANY_FIRST_WORDS before a place or a "person": "Air Tarrowland", "Team Tarrow Pellow"
    "first words": _CompanyOpening(_FIRST_WORD_BEFORE, 12, frozenset({"GPE", "LOC", PERSON}), True, frozenset()),
    # tables.COMPANY_FORM_PREFIXES, a legal form written before the name: "PT Tarrow Kelvani", "PJSC Pellowneft"
    "legal forms": _CompanyOpening(_FORM_PREFIX_BEFORE, 8, None, False, tables.COMPANY_FORM_PREFIXES),
    # tables.CLUB_PREFIXES before a club's name, also a place's: "AC Tarrow Pellow", "FC Tarrowland"
    "club prefixes": _CompanyOpening(_CLUB_PREFIX_BEFORE, 6, None, True, tables.CLUB_PREFIXES, cased=True),
}


def _company_openings(article: Article, found: list[Mention], opening: _CompanyOpening) -> list[Mention]:
    """Mentions not set by a rule right after `opening`'s words, grown over them: ORG (see
    _CompanyOpening); `found` unchanged when the article keeps no ORG."""
    if "ORG" not in article.labels:
        return found
    dropped: list[Mention] = []
    for m in found:
        if m.forced or m in dropped or (opening.labels is not None and m.label not in opening.labels) \
                or (not opening.places_too and known_country_or_region(m.name)) or (opening.cased and m.text.isupper()):
            continue
        text = article.texts[m.field]
        before = opening.before.search(text, max(0, m.start - opening.reach), m.start)
        if before:
            dropped += [o for o in found if o.field == m.field and before.start() <= o.start and o.end <= m.start]
            m.respan(text, start=before.start())
        words = m.text.split()
        if before or (words[0] in opening.inside and len(words) > 1):
            m.label, m.forced = "ORG", True
    return [m for m in found if m not in dropped]


def company_first_words(article: Article, found: list[Mention]) -> list[Mention]:
    """A place or a "person" right after a word that opens companies' names
    (tables.COMPANY_FIRST_WORDS: "Air Tarrowland", "Team Tarrow Pellow") is part of the company's
    name: one organisation from that word on."""
    return _company_openings(article, found, _COMPANY_OPENINGS["first words"])


def club_prefixes(article: Article, found: list[Mention]) -> list[Mention]:
    """A name right after a club's abbreviation (tables.CLUB_PREFIXES: "AC Tarrow Pellow", "FC
    Tarrowland") is the club's: ORG, the abbreviation taken into the name, whatever the model
    called the rest (a person, a place); not an all-caps name ("AS BRITAIN": the word "as")."""
    return _company_openings(article, found, _COMPANY_OPENINGS["club prefixes"])


def company_forms(article: Article, found: list[Mention]) -> list[Mention]:
    """A name right after a legal form written before it (tables.COMPANY_FORM_PREFIXES: "PT
    Tarrow Kelvani", "PJSC Pellowneft") is a company: ORG, the form taken into the name (and
    out of the model's mentions), whatever the model called it; not a known country or region."""
    return _company_openings(article, found, _COMPANY_OPENINGS["legal forms"])


def _forms(forms) -> str:
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


# A legal form after a space, or a dotted one after a comma as official names write it ("Tarrow
# poisťovňa, a.s.", "Pellow, S.A."); not an undotted one ("Tarrow, AG said": a list).
_FORM_AFTER = re.compile(
    rf"(?:(?:[ \t]+(?:{_forms(tables.COMPANY_FORM_SUFFIXES)})|[ \t]*,[ \t]+(?:{_forms(f for f in tables.COMPANY_FORM_SUFFIXES if '.' in f)}))"
    + WORD_END
    # "Tarrow Co.", "Tarrow Co., Ltd.": after a space only, not before a capitalised word ("Co. Kerry")
    + rf"|[ \t]+(?:{_forms(tables.COMPANY_ABBREVIATED_SUFFIXES)})(?![\w'\u2019\-]|,?[ \t]+[A-Z]))"
)
# Lowercase words between a company's mention and its legal form ("Tarrow [poisťovňa], a.s.").
_LOWER_BEFORE_FORM = re.compile(r"(?:[ \t]+[^\W\d_A-Z][\w\-]*)+$")
# Another "Surname AB" after a comma: a Vancouver-style author list ("Tarrow SA, Pellow JJ,"), whose
# initials look like a legal form.
_AUTHOR_AFTER = re.compile(r"[ \t]*,[ \t]*[A-Z][\w'\-]+[ \t]+[A-Z]{1,3}[ \t]*[,.]")
_NAME_BEFORE_FORM = re.compile(rf"(?:{WORD_START}[A-Z][\w&'\u2019\-]*[ \t]+){{0,4}}{WORD_START}[A-Z][\w&'\u2019\-]*$")
_ARTICLES = frozenset({"the", "a", "an"})
_NOT_IN_NAME = re.compile(r"['\u2019]s$|-[a-z]")  # a possessive or "X-based" before the name
# "Tarrow KK of Pellow": the company's seat after its legal form.
_SEAT_AFTER = re.compile(rf"[ \t]+of[ \t]+([A-Z][\w'\u2019\-]*(?:[ \t]+[A-Z][\w'\u2019\-]*)?){WORD_END}")


def company_form_suffixes(article: Article, found: list[Mention]) -> list[Mention]:
    """A name right before a legal form written after it (tables.COMPANY_FORM_SUFFIXES,
    COMPANY_ABBREVIATED_SUFFIXES: "Tarrow SA", "Pellow Kelvani NV", "Vell Heavy Industries Co.") is a company: a mention that ends there (not set by a rule, or a
    rule's ORG) grows over the form and is an ORG, whatever the model called it; capitalised
    words the model left untagged or cut into pieces there ("Kelvo" of "Kelvo Tarrow s.r.o.") are
    one company (from the first that is no common word; pieces a rule called ORG too), not in an author list ("Tarrow SA,
    Pellow JJ": initials). A name after "<form> of" is the company's seat, a place ("Tarrow KK of
    Pellow"; the model's span over both is cut)."""
    if "ORG" not in article.labels:
        return found
    for field_name, text in article.texts.items():
        for form in _FORM_AFTER.finditer(text):
            start = form.start()
            _cut_at_seat(text, form, found, field_name, article.words)
            ending = [m for m in found if m.field == field_name and m.end == _foreign_words_start(text, start, article)]
            if ending:
                if (not ending[0].forced or ending[0].label == "ORG") and not known_country_or_region(ending[0].name):
                    ending[0].respan(text, end=form.end())
                    ending[0].label, ending[0].forced = "ORG", True
                continue
            name = _NAME_BEFORE_FORM.search(text, max(0, start - 80), start)
            if not name or _AUTHOR_AFTER.match(text, form.end()):
                continue
            words = name.group().split()
            while words and (common(words[0].lower(), article.words) or words[0].lower() in article.nouns
                             or words[0].lower() in _ARTICLES or any(_NOT_IN_NAME.search(w) for w in words)):
                words = words[1:]  # "Shares [Tarrow] SA", "Vell-based [Tarrow] SA": no part of the name
            begin = start - len(" ".join(words))
            pieces = [m for m in found if m.field == field_name and m.start < form.end() and begin < m.end]
            if words and not any(m.forced and m.label != "ORG" or m.start < begin or m.end > form.end() for m in pieces):
                found = [m for m in found if m not in pieces]
                found.append(Mention(field_name, begin, form.end(), text[begin : form.end()], "ORG",
                                     canonical.normalise(text[begin : form.end()]), forced=True))
    return found


def _foreign_words_start(text: str, start: int, article: Article) -> int:
    """Start of the lowercase words right before offset `start` (a legal form) when each is no
    common English word (a name's own word in its language: "Tarrow [poisťovňa] a.s."); else `start`."""
    words = _LOWER_BEFORE_FORM.search(text, max(0, start - 40), start)
    if not words or any(common(w.lower(), article.words) or w.lower() in article.nouns for w in words.group().split()):
        return start
    return words.start()


def _cut_at_seat(text: str, form: re.Match, found: list[Mention], field_name: str, words: frozenset[str]) -> None:
    """The name after "<legal form> of" is the company's seat (GPE): a mention over the form and
    the seat ends at the form; a mention of the seat not set by a rule becomes a place."""
    seat = _SEAT_AFTER.match(text, form.end())
    if not seat or common(seat.group(1).split()[0].lower(), words):
        return
    for mention in [m for m in found if m.field == field_name]:
        if mention.start < form.start() and mention.end >= seat.end(1) and not mention.forced:
            mention.respan(text, end=form.end())
            found.append(Mention(field_name, seat.start(1), seat.end(1), seat.group(1), "GPE",
                                 canonical.normalise(seat.group(1)), forced=True))
        elif (mention.start, mention.end) == seat.span(1) and not mention.forced:
            mention.label, mention.forced = "GPE", True


_FIRST_WORDS = tables.COMPANY_FIRST_WORDS | tables.FOREIGN_ORG_HEADS


def _legislature_word(word: str) -> bool:
    """`word` is a tables.LEGISLATURE_WORDS row, also after the Arabic article ("al-Shura")."""
    article, hyphen, rest = word.lower().partition("-")
    return word.lower() in tables.LEGISLATURE_WORDS or (
        bool(hyphen) and article in tables.ARABIC_ARTICLE_PREFIXES and rest in tables.LEGISLATURE_WORDS)


def companies_not_persons(article: Article, found: list[Mention]) -> list[Mention]:
    """A "person" whose last word is a company word ("Solano Grid", "Alder Mining") or whose first
    word opens companies' names (tables.COMPANY_FIRST_WORDS: "Air Tarrow") or organisations' names in
    other languages (tables.FOREIGN_ORG_HEADS: "Parti Tarrow", "Banco Pellow") is one, unless
    its last word is reused alone as a surname ("Samantha Power ... Power said"), a known country
    alone being the country ("Météo Tarrowland ... Tarrowland's east"); one ending in a
    legislature's name (tables.LEGISLATURE_WORDS: "Tarrow Majlis", "Sejm", "Majlis al-Shura") is an
    organisation."""
    if "ORG" not in article.labels:
        return found
    for mention in found:
        words = mention.name.split()
        if mention.label != PERSON or mention.forced:
            continue
        if _legislature_word(words[-1]) or (
            len(words) >= 2
            and (words[-1].lower() in tables.COMPANY_WORDS or words[0].lower() in _FIRST_WORDS)
            and (canonical.known_place(words[-1]) or not surname_reused(mention.name, article.texts))
        ):
            mention.label, mention.forced = "ORG", True
    return found


_COMPANY_CUE = re.compile(
    rf"{WORD_START}(?:" + "|".join(sorted(c.replace(" ", r"[ \t]+") for c in tables.COMPANY_CUES)) + r")[ \t]+$",
    re.IGNORECASE,
)


_POSSESSIVE_AFTER = re.compile(r"['\u2019]s?" + WORD_END)
_SHARE_PRICE_AFTER = re.compile(
    r"['\u2019]s?[ \t]+(?:shares|stock)[ \t]+(?:" + "|".join(sorted(tables.SHARE_PRICE_VERBS)) + ")" + WORD_END
)


_COMPANY_POSSESSION_AFTER = re.compile(
    r"['\u2019]s?(?:[ \t]+[\w\-]+){0,2}?[ \t]+(?:" + "|".join(sorted(tables.COMPANY_POSSESSIONS)) + ")" + WORD_END
)


def cued_companies(article: Article, found: list[Mention]) -> list[Mention]:
    """A name right after words only a company has (tables.COMPANY_CUES: "shares in Tarrow", "a
    stake in Tarrow") or before its share price moving (tables.SHARE_PRICE_VERBS: "Tarrow's
    shares fell") or a part only a company has (tables.COMPANY_POSSESSIONS: "Tarrow's brewing
    arm") that the model called a person, or a nationality that is no demonym ("analysts at
    Tarrowbank"), there or elsewhere in the article is an organisation, all its mentions; a name
    it only called a place ("shares in Tarrowby fell") stays one, and so do known countries and
    regions and a possessor after the cue ("a stake in Ana Lind's club"); a LOC of two or more
    words that names no world region or feature ("shares in Tarrow Kelvonia") is a company."""
    if "ORG" not in article.labels:
        return found
    cued = {m.name for m in found if _COMPANY_CUE.search(article.texts[m.field], max(0, m.start - 20), m.start)
            and not _POSSESSIVE_AFTER.match(article.texts[m.field], m.end)  # "a stake in Ana Lind's club"
            or _SHARE_PRICE_AFTER.match(article.texts[m.field], m.end)
            or _COMPANY_POSSESSION_AFTER.match(article.texts[m.field], m.end)}
    persons = {m.name for m in found if not m.forced and (
        m.label == PERSON or m.label == "NORP" and len(m.name.split()) == 1 and not canonical.demonym(m.name)
        or m.label == "LOC" and _company_like_loc(m))}
    for m in found:
        if m.name in cued & persons and not m.forced and not (
                canonical.known_place(m.name) or canonical.known_region(m.name)):
            relabel(m, "ORG", article)
    return found


def _company_like_loc(m: Mention) -> bool:
    """A LOC of two or more words with no world region's word and no toponym's generic."""
    words = m.name.split()
    return len(words) >= 2 and not toponym_shaped(m.name) and not any(
        w.lower() in tables.WORLD_REGION_WORDS for w in words)


_BRAND_AFTER = re.compile(
    r"(?:[ \t]+and[ \t]+[A-Z][\w'\u2019\-]*)?[ \t]+(?:" + "|".join(sorted(tables.BRAND_NOUNS)) + ")" + WORD_END
)


def brand_names(article: Article, found: list[Mention]) -> list[Mention]:
    """One-word "persons" right before a brand noun (tables.BRAND_NOUNS), alone or as the first
    or second of "X and Y brands", are companies' brands (ORG), all their mentions; not a
    surname of a person named in full in the article, nor a known country or region."""
    if "ORG" not in article.labels:
        return found
    full = full_persons(found)
    branded = set()
    for m in found:
        if _BRAND_AFTER.match(article.texts[m.field], m.end):
            branded.add(m.name)
    for m in found:
        if (m.name in branded and m.label == PERSON and not m.forced and len(m.name.split()) == 1
                and not canonical.surname_owner(m.name, full)
                and not (canonical.known_place(m.name) or canonical.known_region(m.name))):
            relabel(m, "ORG", article)
    return found


def company_openers(article: Article, found: list[Mention]) -> list[Mention]:
    """A company's span ending in its legal form (tables.COMPANY_FORM_SUFFIXES) whose first word
    opens a sentence, is written in lower case elsewhere in the article and never capitalised
    inside a sentence ("Meatpackers Tarrow SA and Pellow SA said", "... sued meatpackers") starts
    after that word: a describing noun, no part of the name."""
    for m in found:
        words = m.text.split()
        if m.label != "ORG" or len(words) < 3 or words[-1] not in tables.COMPANY_FORM_SUFFIXES:
            continue
        text, first = article.texts[m.field], words[0]
        if not (first[1:].islower() and sentence_initial(text, m.start)) or capitalised_inside(first, article):
            continue
        if lower_in(first, article):
            m.respan(text, start=m.start + m.text.index(words[1], len(first)))
    return found


_STOP_AT_END = re.compile(r"\.(?=\s+[A-Z\u201c\"]|\s*$)")
_STOPPED_FORM = re.compile(rf"{WORD_START}(?:{'|'.join(sorted(tables.ABBREVIATED_FORMS))})\.")


def sentence_end_forms(article: Article, found: list[Mention]) -> list[Mention]:
    """A company's span ending in an abbreviated legal form and a full stop that ends the sentence
    ("... by Tarrow Research Inc. The bank ...", tables.ABBREVIATED_FORMS) loses the stop when the
    article writes that form without one and never with one inside a sentence ("Pellow Inc said"):
    the stop is the sentence's. So it does when the article writes no legal form with a stop
    anywhere else ("... from Pellow Holdings Ltd. The fund ...", its only one): no style to follow."""
    for m in found:
        words = m.text.split()
        if m.label != "ORG" or not m.text.endswith(".") or words[-1][:-1] not in tables.ABBREVIATED_FORMS:
            continue
        form, text = words[-1][:-1], article.texts[m.field]
        if not _STOP_AT_END.match(text, m.end - 1):
            continue
        bare = any(re.search(rf"{WORD_START}{form}(?![\w'\u2019\-.])", t) for t in article.texts.values())
        stopped = any(re.search(rf"{WORD_START}{form}\.[ \t,]+[a-z]", t) for t in article.texts.values())
        only = sum(len(_STOPPED_FORM.findall(t)) for t in article.texts.values()) == 1
        if (bare or only) and not stopped:
            m.respan(text, end=m.end - 1)
    return found


_ALL_FORMS = (tables.COMPANY_FORM_SUFFIXES | tables.ABBREVIATED_FORMS | tables.COMPANY_ABBREVIATED_SUFFIXES)
# One or more legal forms ending a name ("Tarrow Ocean Co., Ltd.", "Pellow Marine Corp").
_FORMS_AT_END = re.compile(rf"(?:,?[ \t]+(?:{_forms(f.rstrip('.') for f in _ALL_FORMS)})\.?)+$")


def without_legal_form(name: str) -> str:
    """A company's name without the legal forms ending it (tables.COMPANY_FORM_SUFFIXES,
    ABBREVIATED_FORMS, COMPANY_ABBREVIATED_SUFFIXES): "Tarrow Ocean Co., Ltd." -> "Tarrow Ocean";
    `name` itself when it ends in none."""
    return _FORMS_AT_END.sub("", name)
