"""Rules correcting known classes of small-model NER errors, at the level of one spaCy Doc.

Each rule is general (shape of the text, position, other entities in the same article); none
names a particular person, place or source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from workers.stages.entities import canonical, roles, tables

PERSON = "PERSON"
# Lowercase name particles that may sit inside a person's name ("Ursula von der Leyen").
PARTICLES = tables.PERSON_NAME_PARTICLES
# Parts of one model span separated by a dateline dash or a line break are separate mentions.
# So are a name and its bracketed short form: "World Health Organization (WHO".
_SPLIT = re.compile(r"[ \t]+(?:--?|\u2013|\u2014)[ \t]+|\s*\n\s*|[ \t]*\((?=[A-Z])")
_DATELINE_AFTER = re.compile(r"[ \t]*(?:,|\()")
_DATELINE_DASH = re.compile(r"[ \t]*(?:--?[ \t]|\u2013|\u2014)")
# A bracketed credit between a dateline's place (and region) and its dash: "DHAKA (AFP) -",
# "LIMA, Peru (Tarrow News) -"; group 1 is the credit.
DATELINE_CREDIT = re.compile(
    r"(?:,[ \t]+[A-Z][\w .]{1,30}?)?[ \t]*\(([A-Z][\w&.\-]*(?:[ \t][A-Z][\w&.\-]*){0,2})\)[ \t]*(?:--?[ \t]|\u2013|\u2014)"
)
_SENTENCE_BREAK = frozenset('.!?:;"\u201c\u201d\'\u2018\u2019()[]-\u2013\u2014')


# Capitalised head nouns of a named body: "EU-Africa Commission", "US-China Council".
ORG_HEADS = frozenset(
    "council commission committee agency alliance union assembly forum court tribunal "
    "parliament congress partnership organisation organization bank fund group".split()
)
# Nouns that end the name of an institution, not of a person ("the Ann Lee Memorial Hospital").
_INSTITUTION_NOUNS = frozenset(
    "center centre foundation institute institution university college school hospital museum "
    "library trust society academy stadium".split()
)
# Head nouns of an institution named after a person: "the John Smith Memorial Foundation".
NAMED_HEADS = ORG_HEADS | _INSTITUTION_NOUNS | {"prize", "award"}
# Last words of an institution's name, not of a person's.
INSTITUTION_HEADS = _INSTITUTION_NOUNS | {"council", "commission", "committee", "agency", "organisation", "organization"} \
    | tables.INSTITUTION_HEAD_WORDS
# Last words of a sports club's name, never of a person's ("Leeds United", "Bristol City").
CLUB_SUFFIXES = frozenset("united city rovers athletic wanderers albion hotspur fc afc sc".split())  # sc: sporting club
# Lowercase words that may sit inside an organisation's or place's name ("Bank of England").
CONNECTIVES = tables.NAME_PARTICLES | frozenset(
    "of for the and on at in upon und et y to against without with under by from".split()
)
_SCORE = re.compile(r"[ \t]+\d+(?:[-\u2013]\d+)+$")  # "Arsenal 3-1": a result, not a name


@dataclass(slots=True)
class Mention:
    """One entity mention: where it stands (`field` "title" or "body", `start`/`end` character offsets into
    that field's text, end exclusive), its `text` as written, its OntoNotes `label` and the canonical `name`
    it is grouped under."""

    field: str
    start: int
    end: int
    text: str
    label: str
    name: str
    forced: bool = False  # label set by a rule; wins the label vote
    after_dateline: bool = False  # the rest of a span cut at a dateline dash: its label is the place's

    def respan(self, text: str, start: int | None = None, end: int | None = None) -> None:
        """Move the mention to `text`[start:end] (its field's text; an end left None stays): its
        text and its canonical name (canonical.normalise) follow the new offsets."""
        if start is not None:
            self.start = start
        if end is not None:
            self.end = end
        self.text = text[self.start : self.end]
        self.name = canonical.normalise(self.text)


def dateline_position(text: str, start: int, end: int, label: str) -> bool:
    """[start, end) opens a line and is followed by a dash or by a bracketed credit and a dash
    ("DHAKA (AFP) -"), or by "," / "(" when the model did not call it an organisation ("IBM,
    Apple ..." opening a line is not a dateline)."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return False
    if _DATELINE_DASH.match(text, end) or DATELINE_CREDIT.match(text, end):
        return True
    opening = _DATELINE_OPEN.match(text, line_start)  # "MANCHESTER, England - ..."
    if opening and opening.span(1) == (start, end) and "," in text[end : opening.end()]:
        return True
    return label != "ORG" and bool(_DATELINE_AFTER.match(text, end))


_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"  # capitals of ASCII and Latin-1 ("SÃO TARROW", "TARROWÁ")
_DATELINE_OPEN = re.compile(
    rf"[ \t]*([{_UPPER}][{_UPPER}'.]+(?:[ \-][{_UPPER}][{_UPPER}'.]+)*)(?:,[ \t]+[A-Z][\w .]{{1,30}}?)?"
    r"[ \t]*(?:\(|--?[ \t]|\u2013|\u2014)"
)


def dateline_region(text: str, start: int, end: int) -> bool:
    """[start, end) is the whole region part of a dateline opening its line, after the ALL-CAPS
    place and a comma and before the dash or "(": "Region" of "TOWN, Region - ...". The model
    often glues it to the first word after the dash ("Region - Head") or calls it a person."""
    line_start = text.rfind("\n", 0, start) + 1
    opening = _DATELINE_OPEN.match(text, line_start)
    if not opening or not text.startswith(",", opening.end(1)):
        return False
    region = text[opening.end(1) + 1 : opening.end()].rstrip(" \t-(\u2013\u2014")
    return bool(region.strip()) and (start, end) == (opening.end(1) + 1 + len(region) - len(region.lstrip()),
                                                     opening.end(1) + 1 + len(region))


def _inside(m: Mention, start: int, end: int) -> bool:
    """`m` lies inside [start, end) and is shorter: "PUERTO DE" of "PUERTO DE TARROW"."""
    return start <= m.start and m.end <= end and (m.start, m.end) != (start, end)


def dateline_mention(text: str, taken: list[Mention], lines: int = 5) -> Mention | None:
    """An ALL-CAPS place opening one of the first lines before a dash or "(" that the model did
    not tag, or tagged in pieces: "BEIJING - ...", "GENEVA, Switzerland - ...", "LONDON (AP) -
    ...", "PUERTO DE TARROW - ..." ("PUERTO DE" ORG, "TARROW" NORP). Callers drop the pieces."""
    position = 0
    for _ in range(lines):
        match = _DATELINE_OPEN.match(text, position)
        if match and len(match.group(1)) >= 3:
            start, end = match.span(1)
            if any(m.start < end and start < m.end and not _inside(m, start, end) for m in taken):
                return None
            surface = match.group(1)
            return Mention("body", start, end, surface, "GPE", canonical.prettify_caps(surface), forced=True)
        newline = text.find("\n", position)
        if newline < 0:
            return None
        position = newline + 1
    return None


def _extendable(token) -> bool:
    word = token.text
    return (
        token.is_alpha
        and word[:1].isupper()
        and not word.isupper()
        and not token.is_stop
        and not token.ent_type_
        and not canonical.is_title(word)
    )


def _uncommon_given_name(token, words: frozenset[str]) -> bool:
    """`token` may be a given name even where a common word could stand: capitalised, not all
    capitals, no common English word or inflection of one (`words`, lowercase; empty: never), no title, no nationality
    adjective of a country, and untagged or a NORP the model guessed from its shape ("Sonam")."""
    word = token.text
    return bool(words) and token.is_alpha and word[:1].isupper() and not word.isupper() \
        and not canonical.common(word.lower(), words) and not canonical.is_title(word) and canonical.demonym(word) is None \
        and token.ent_type_ in ("", "NORP") and not _DEMONYM_END.search(word)


def extend_person_left(doc: Doc, ent: Span, words: frozenset[str] = frozenset()) -> int:
    """First token of a PERSON span grown over given names the model left out.

    "party leader Anna [Maria Berglund]" -> "Anna Maria Berglund". A capitalised word that
    opens a sentence is not taken (it could be any word), nor titles, stop words or other entities,
    unless the span has two words and it is no common English word (`words`), no title and no
    nationality (_uncommon_given_name: "[Mehmet] Emin Tarak said", "[Sonam] Pema Lhamo, an economist").
    """
    start = ent.start
    taken = 0
    while start > 0 and taken < 3:
        candidate = start - 1
        token = doc[candidate]
        given = not taken and len(ent) >= 2 and _uncommon_given_name(token, words)
        if token.text in PARTICLES and candidate > 0 and _extendable(doc[candidate - 1]):
            candidate -= 1
            token = doc[candidate]
        elif not (_extendable(token) or given):
            break
        if _opens_sentence(doc, candidate) and not given:
            break
        taken += start - candidate
        start = candidate
    return start


def extend_person_right(doc: Doc, ent: Span, words: frozenset[str] = frozenset()) -> int:
    """End token of a PERSON span grown over name particles and the capitalised word after them.

    "[Ilse von] der Berg" -> "Ilse von der Berg", "[Piet] ten Bosch" -> "Piet ten Bosch", and
    again after that word ("[Pere] de la Tarrow i Pellow"; tables.PERSON_NAME_PARTICLES).
    Also over the tail of a hyphenated name ("[Park Min]-ho") and, when `words` (common English)
    is given, over one more capitalised word that is no common word, entity, title or stop word
    ("[Juan Carlos Ruiz] Ortega", a second surname the model left out)."""
    end = _hyphen_tail(doc, ent.end)
    if end == ent.end and words and end < len(doc) and doc[end - 1].whitespace_ == " ":
        token = doc[end]
        if (
            _extendable(token)
            and token.text.lower() not in words
            and token.text.lower() not in NAMED_HEADS
            and token.text.lower() not in CLUB_SUFFIXES
            and not _opens_sentence(doc, end)
        ):
            end = _hyphen_tail(doc, end + 1)
    if end != ent.end:
        return end
    while doc[end - 1].text in PARTICLES and end < len(doc) and doc[end - 1].whitespace_:
        end -= 1  # the span itself ends in particles: regrow from its last real word
        if end == ent.start:
            return ent.end
    grown = ent.end
    while True:  # "Ana de la Tarrow i Pellow": particles and a capitalised word, again and again
        probe = end
        while probe < len(doc) and doc[probe].text in PARTICLES and doc[probe - 1].whitespace_:
            probe += 1
        if probe == end or probe >= len(doc) or not doc[probe - 1].whitespace_:
            return grown
        token = doc[probe]
        if not (token.is_alpha and token.text[:1].isupper() and not canonical.is_title(token.text)):
            return grown
        end = probe + 1
        while token.ent_type_ == PERSON and end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1  # the model's own person after the particle: "Rosa" + "dela" + "Tarrow-Pellow"
        end = grown = _hyphen_tail(doc, end)


# "Obama-era", "Trump-backed", "Blair-style": a name in a compound modifier, not part of the name.
_COMPOUND_TAIL = re.compile(r"\w+(?:ed|ing)|era|style|like|type|esque|ite|ites|ism|ist|ists|run|born|free")


def _hyphen_tail(doc: Doc, end: int) -> int:
    """`end` moved over "-word" glued to the previous token ("Jae" "-" "in" -> after "in")."""
    while (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].is_alpha
        and not doc[end + 1].ent_type_
        and not _COMPOUND_TAIL.fullmatch(doc[end + 1].lower_)
    ):
        end += 2
    return end


def person_institution(doc: Doc, ent: Span) -> int:
    """End token of an institution named after the person `ent` ("Ann Lee Memorial
    Hospital"): up to three capitalised words after the name, the last a head noun; else 0.
    After a possessive only the head noun itself ("Ann Lee's Hospital"): more words make a name
    of its own that the person leads ("Ann Lee's Tarrow National Congress")."""
    end = ent.end
    most = 1 if ent[-1].text in ("'s", "'", "\u2019s", "\u2019") else 3
    while end < len(doc) and end - ent.end < most and _capitalised(doc[end]) and doc[end].ent_type_ in ("", "ORG", "FAC"):
        end += 1
        if doc[end - 1].text.lower() in NAMED_HEADS:
            return end
    return 0


def _capitalised(token) -> bool:
    return token.is_alpha and token.text[:1].isupper() and not canonical.is_title(token.text)


def _agency_word(token) -> bool:
    """A word of an agency's name: capitalised, not a stop word, not a nationality or place."""
    return (
        token.is_alpha
        and (token.is_upper or _capitalised(token))
        and not token.is_stop
        and token.ent_type_ in ("", "ORG", "PERSON", "PRODUCT", "FAC", "WORK_OF_ART")
    )


def _opens_sentence(doc: Doc, index: int) -> bool:
    if index == 0:
        return True
    before = doc[index - 1]
    return before.is_space or before.text in _SENTENCE_BREAK or "\n" in before.whitespace_


_HEAD_IDS = np.array(sorted(get_string_id(word) for word in ORG_HEADS), dtype=np.uint64)
_NEWS_ID = get_string_id("news")


def _head_positions(doc: Doc) -> list[int]:
    """Indices of the tokens that may anchor an org phrase: an ORG_HEADS word or "news", in any
    case. Read from the doc's LOWER array (a token's LOWER is its text lowercased) instead of
    visiting every token."""
    if not len(doc):
        return []
    lower = doc.to_array(LOWER)
    return np.flatnonzero(np.isin(lower, _HEAD_IDS) | (lower == _NEWS_ID)).tolist()


def _org_end(ents: tuple[Span, ...], head: int) -> int:
    """End (token index) of an org phrase whose head noun is token `head`: the end of the model's
    ORG span over the head when it runs on past it ("Inter-Tarrow Commission on Human Rights"),
    else right after the head."""
    for ent in ents:
        if ent.start <= head < ent.end:
            return ent.end if ent.label_ == "ORG" else head + 1
    return head + 1


def org_phrases(doc: Doc, ents: tuple[Span, ...] | None = None) -> list[tuple[int, int]]:
    """Token spans of organisation names the small model misses or splits (`ents`: the doc's
    entities when the caller already has them; doc.ents builds them anew on every access).

    - a hyphenated compound of capitalised words, at least one of them an entity, before a
      capitalised head noun: "EU-Africa Commission" (not "Africa-EU commission": no proper head),
      to the end of the model's ORG span over the head ("EU-Africa Commission on Trade");
    - one to three capitalised words right before "news agency": "the KYODO PRESS news agency".
    """
    spans = []
    for ent in doc.ents if ents is None else ents:
        if ent.label_ == PERSON:
            end = person_institution(doc, ent)
            if end:
                spans.append((ent.start, end))
    for i in _head_positions(doc):
        token = doc[i]
        if token.text.lower() in ORG_HEADS and token.text[:1].isupper() and i >= 3:
            start = i - 1
            if not _capitalised(doc[start]):
                continue
            while start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ \
                    and not doc[start - 2].whitespace_ and _capitalised(doc[start - 2]):
                start -= 2
            if start < i - 1 and any(doc[j].ent_type_ for j in range(start, i)):
                spans.append((start, _org_end(ents if ents is not None else doc.ents, i)))
        elif token.lower_ == "news" and i + 1 < len(doc) and doc[i + 1].lower_ == "agency":
            start = i
            while start > 0 and i - start < 3 and _agency_word(doc[start - 1]):
                start -= 1
            if start < i and not doc[start].is_upper and _opens_sentence(doc, start):
                start += 1  # "Official news agency ..." opening a sentence
            if start < i:
                spans.append((start, i))
    return spans


# A one-word name "on" a capitalised place: "Shop on High", not "Council on Foreign Relations".
_LOCATED_ON = re.compile(r"(?:[Tt]he[ \t]+)?([A-Z][\w'\u2019&\-]*)[ \t]+on[ \t]+[A-Z][\w'\u2019\-]*")


_LEGAL_FORMS = tables.COMPANY_FORM_SUFFIXES | tables.ABBREVIATED_FORMS
# A legal form, with or without its full stop, ending a span ("... Inc.", "... Ltd", "... sp. z o.o.").
_ENDS_IN_FORM = re.compile(
    r"[ \t,](?:" + "|".join(re.escape(f.rstrip(".")) for f in sorted(_LEGAL_FORMS, key=len, reverse=True)) + r")\.?$"
)


def _brand_word(text: str, piece_end: int, word: str, label: str, words: frozenset[str]) -> bool:
    """A lowercase word that is no common English word (`words`) inside a company's name that ends
    in its legal form (tables.COMPANY_FORM_SUFFIXES, ABBREVIATED_FORMS): a brand written in
    lowercase ("KT zenith Inc."), kept in the name."""
    return label == "ORG" and bool(words) and word not in words and bool(_ENDS_IN_FORM.search(text, 0, piece_end))


def _pieces(text: str, start: int, end: int, label: str, words: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """[start, end) cut at dateline dashes, line breaks and brackets; a non-person name also at
    a lowercase word that cannot sit inside a name ("United past Arsenal"), not at a brand word
    before a legal form (_brand_word)."""
    pieces: list[tuple[int, int]] = []
    cursor = start
    for separator in _SPLIT.finditer(text, start, end):
        pieces.append((cursor, separator.start()))
        cursor = separator.end()
    pieces.append((cursor, end))
    if label == PERSON:
        return pieces
    cut: list[tuple[int, int]] = []
    for piece_start, piece_end in pieces:
        located = _LOCATED_ON.match(text, piece_start, piece_end)
        if located and located.end() == piece_end and label == "ORG" and located.group(1).lower() not in NAMED_HEADS:
            piece_end = located.end(1)  # "Ritzy on Queen": a shop and its street
        cursor = piece_start
        for word in re.finditer(r"(?<![\w'\u2019.-])[a-z]+(?![\w'\u2019.-])", text[piece_start:piece_end]):
            if _brand_word(text, piece_end, word.group(), label, words):
                continue
            if word.group() not in CONNECTIVES and cursor < piece_start + word.start():
                cut.append((cursor, piece_start + word.start()))
                cursor = piece_start + word.end()
        cut.append((cursor, piece_end))
    return cut


_SPEAKS = re.compile(r"[ \t]+(?:said|says|announced|announces|confirmed|confirms|declined)\b")
_DEMONYM_END = re.compile(r"(?:an|ans|ese|ish|i|is|ic|ics|ch|sh|s)$")


def _org_after_demonym(ent: Span) -> bool:
    """A NORP span "Kuwaiti Petrolex": its last word is capitalised and not demonym-shaped
    ("Southeast Asian", "Bosnian Serbs" stay NORP)."""
    last = ent[-1].text
    return last[:1].isupper() and last.isalpha() and not _DEMONYM_END.search(last.lower())


def _upon_place(doc: Doc, end: int) -> int:
    """A place span followed by "upon" and a capitalised word takes them ("Kingston upon Thames")."""
    if (
        end + 1 < len(doc)
        and doc[end].lower_ == "upon"
        and doc[end - 1].whitespace_
        and doc[end].whitespace_
        and _capitalised(doc[end + 1])
    ):
        return end + 2
    return end


def _hyphen_place(doc: Doc, end: int) -> int:
    """A place span glued to "-word-Word" takes it ("Newcastle-under-Lyme", "Stratford-upon-Avon")."""
    if (
        end + 3 < len(doc)
        and doc[end].text == "-" == doc[end + 2].text
        and not doc[end - 1].whitespace_ and not doc[end].whitespace_
        and not doc[end + 1].whitespace_ and not doc[end + 2].whitespace_
        and doc[end + 1].is_alpha and doc[end + 1].is_lower
        and _capitalised(doc[end + 3])
    ):
        return end + 4
    return end


# Last words of a public body's name joined to a place by "and" ("Lothian and Borders Police").
_JOINED_HEADS = ORG_HEADS | INSTITUTION_HEADS | frozenset("board police service authority constabulary".split())


def _and_joined_start(doc: Doc, ents, index: int) -> int:
    """Start token of "[X] and [Y ... Board]": an ORG ending in a public body's head noun, right
    after "and" and a one-word capitalised entity whose word is no demonym; else the ORG's start."""
    ent = ents[index]
    if index == 0 or len(ent) < 2 or ent.start < 2 or ent[-1].lower_ not in _JOINED_HEADS:
        return ent.start
    before = ents[index - 1]
    if (
        doc[ent.start - 1].lower_ == "and"
        and before.end == ent.start - 1
        and len(before) == 1
        and before.label_ in ("GPE", "LOC", "PERSON", "ORG")
        and _capitalised(before[0])
        and _capitalised(ent[0])
        and not re.search(r"(?:an|ese|ish|ic)$", ent[0].lower_)  # "Britain and [European Union]"
    ):
        return before.start
    return ent.start


_ST_PREFIX = re.compile(r"(?:St\.?|Saint)[ \t]+[A-Z][a-z]+(?:['\u2019]s|s['\u2019])[ \t]+$")


def _camel(token) -> bool:
    """A mixed-case word with an inner capital ("InBev", "PayPal"): a brand, part of an ORG."""
    word = token.text
    return token.is_alpha and word[:1].isupper() and not word.isupper() and any(c.isupper() for c in word[1:])


_SAINT_BEFORE = re.compile(r"(?<![\w.])(?:St\.?|ST\.?|Saint|SAINT)[ \t]+$")
_TRIM_END = " \t\r\n,;:!?\"\u201c\u201d()[]"


def _role_then_name(words: list[str], vocab) -> bool:
    """A role phrase, then two or three capitalised words that are no role, stop word or
    institution head and do not end an organisation's name (tables.NOT_NAME_ENDS: "General
    Customs Authority") ("Bishop Alan Marsh", "Lifeboat helm Ana Ruiz")."""
    prefix = roles.role_prefix_length(words)
    rest = [w.strip(_TRIM_END) for w in words[prefix:]]
    return (
        prefix > 0
        and not roles.is_saint(words[0])  # "St. Louis Park", "St. Agnes Bakery"
        and 2 <= len(rest) <= 3
        and all(w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha() for w in rest)
        and not any(canonical.is_title(w) or vocab[w.lower()].is_stop or w.lower() in NAMED_HEADS for w in rest)
        and rest[-1].lower() not in tables.NOT_NAME_ENDS
    )


def _grown_spans(doc: Doc, labels: frozenset[str], words: frozenset[str], ents) -> dict[int, tuple[int, int]]:
    """Entity index -> (first, end) token span, for model spans grown over words the model left
    out or tagged otherwise: person names, "[Police Service of] [Northern Ireland]", "Kingston upon
    Thames", "[Surrey] and [Sussex Cricket Board]"."""
    grown: dict[int, tuple[int, int]] = {}
    for index, ent in enumerate(ents):
        if ent.label_ == PERSON and ent.label_ in labels:
            first, last = extend_person_left(doc, ent, words), extend_person_right(doc, ent, words)
            if (first, last) != (ent.start, ent.end):
                grown[index] = (first, last)
        elif ent.label_ == "ORG" and ent.label_ in labels and doc[ent.end - 1].lower_ in ("of", "for") \
                and index + 1 < len(ents) and ents[index + 1].start == ent.end \
                and ents[index + 1].label_ in ("GPE", "ORG", "LOC"):
            grown[index] = (ent.start, ents[index + 1].end)  # "[Police Service of] [Northern Ireland]"
        elif ent.label_ == "GPE" and ent.label_ in labels:
            last = _hyphen_place(doc, _upon_place(doc, ent.end))  # "Kingston upon Thames", "Newcastle-under-Lyme"
            if last != ent.end:
                grown[index] = (ent.start, last)
        elif ent.label_ == "ORG" and ent.label_ in labels:
            first = _and_joined_start(doc, ents, index)  # "[Surrey] and [Sussex Cricket Board]"
            if first != ent.start:
                grown[index] = (first, ent.end)
    return grown


def _kind_label(doc: Doc, ent: Span, labels: frozenset[str]) -> str | None:
    """The span's label after its kind words ("G7" ORG, "Storm Darragh" EVENT, "River Aire" LOC,
    "the Hotel Splendide" FAC); None when that label is not kept."""
    label = ent.label_
    if label == "PRODUCT" and "ORG" in labels and canonical.group_of_nations(ent.text):
        label = "ORG"  # "G7" tagged as a product
    if label not in labels:
        return None
    bare = ent[1:] if ent[0].lower_ == "the" and len(ent) > 1 else ent
    first_word, last_word = bare[0].lower_, bare[-1].lower_
    if len(bare) > 1 and label in (PERSON, "ORG", "GPE", "PRODUCT", "NORP"):
        term = canonical.weather_term_length([token.text for token in bare])
        if 0 < term < len(bare) and _capitalised(bare[term]):
            label = "EVENT"  # "Storm Darragh", "Tropical Storm Tarrow"
        elif first_word in canonical.FEATURE_WORDS or last_word in canonical.FEATURE_WORDS:
            label = "LOC"  # "River Aire"
        elif label != PERSON and (
            first_word in canonical.BUILDING_WORDS or last_word in canonical.BUILDING_WORDS
        ) and not _SPEAKS.match(doc.text, ent.end_char):
            label = "FAC"  # "the Hotel Splendide"
    return label if label in labels else None


def _shape_label(doc: Doc, ent: Span, label: str, last: int, labels: frozenset[str]) -> str:
    """The label after the span's shape: "the Scottish government" NORP, "Leeds United" ORG,
    "Kuwaiti Petrolex" ORG."""
    if (
        label == PERSON and len(ent) == 1 and "NORP" in labels and ent.start > 0 and ent.end < len(doc)
        and doc[ent.start - 1].text == "the" and doc[ent.end].is_lower and doc[ent.end].is_alpha
        and re.search(r"(?:ish|sh|ese|ian|an|ch)$", ent.text)
    ):
        return "NORP"  # "the Scottish government": a nationality adjective, not a person
    if label == PERSON:
        words = doc[ent.start : last].text.split()
        if len(words) > 1 and "ORG" in labels and (
            words[-1].lower() in CLUB_SUFFIXES or words[-1].lower() in INSTITUTION_HEADS
        ):
            return "ORG"  # "Leeds United" is a club, "X Y Memorial Hospital" an institution
    elif label == "NORP" and "ORG" in labels and len(ent) > 1 and _org_after_demonym(ent):
        return "ORG"  # "Kuwaiti Petrolex": a nationality word opening a company's name
    return label


def _char_span(doc: Doc, text: str, ent: Span, label: str, first: int, last: int, labels) -> tuple[int, int, str]:
    """(start, end, label) in characters: an ORG grown over brand words ("InBev"), an institution
    over a saint before it ("St Mary's [General Hospital]"), a score cut off ("Arsenal 3-1"); a
    building that speaks is an institution ("Buckingham Palace said")."""
    if label == "ORG" and ent.label_ != PERSON:
        while last < len(doc) and last - ent.end < 2 and _camel(doc[last]) and not doc[last].ent_type_ \
                and doc[last - 1].whitespace_:
            last += 1
    start_char = doc[first].idx
    end_char = doc[last - 1].idx + len(doc[last - 1].text)
    if label in ("ORG", "FAC") and doc[last - 1].lower_ in INSTITUTION_HEADS | {"church", "hospital"}:
        saint = _ST_PREFIX.search(text, max(0, start_char - 40), start_char)
        if saint:
            start_char = saint.start()  # "St Mary's [General Hospital]"
    if label in ("FAC", "LOC") and "ORG" in labels and _SPEAKS.match(text, end_char):
        label = "ORG"  # "Buckingham Palace said": a building that speaks is an institution
    score = _SCORE.search(text, start_char, end_char)
    if score and score.end() == end_char and score.start() > start_char:
        end_char = score.start()
    return start_char, end_char, label


def _piece_label(text: str, doc: Doc, field: str, label: str, labels, piece_start: int, piece_end: int):
    """(label, forced, piece start, own 's) of one piece of a span: "Ms Reeves" and "Archbishop
    Thomas Brennan" tagged ORG are persons; "ST. [JOHN'S]" grows over its saint; names ending
    in their own 's ("Domino's", "St John's") are no persons; all-caps datelines are places."""
    forced = False
    span_label = label  # the model's label decides what may be a dateline ("IBM, Apple" is no place)
    raw = text[piece_start:piece_end]
    words = raw.split()
    if label != PERSON and len(words) > 1 and words[0].rstrip(".").lower() in canonical.HONORIFICS \
            and PERSON in labels:
        label, forced = PERSON, True  # "Ms Reeves" tagged ORG
    saint = _SAINT_BEFORE.search(text, max(0, piece_start - 8), piece_start)
    if saint and re.search(r"(?:['\u2019]s|s['\u2019])$", raw.strip(_TRIM_END), re.IGNORECASE):
        piece_start, raw = saint.start(), text[saint.start() : piece_end]  # "ST. [JOHN'S]"
        words = raw.split()
    own_s = canonical.ends_in_own_s(raw.strip(_TRIM_END))
    if own_s and label in (PERSON, "NORP"):
        # "St John's" tagged PERSON is a place; "Domino's" tagged PERSON a company
        label = "GPE" if canonical.SAINT_POSSESSIVE.fullmatch(raw.strip(_TRIM_END)) else "ORG"
    elif label != PERSON and PERSON in labels and _role_then_name(words, doc.vocab):
        label, forced = PERSON, True  # "Archbishop Thomas Brennan" tagged ORG
    if (
        field == "body"
        and canonical.is_all_caps(raw)
        and dateline_position(text, piece_start, piece_start + len(raw.rstrip(" \t-\u2013\u2014")), span_label)
    ):
        label, forced = "GPE", True  # "GENEVA - ..." / "GENEVA, ..." datelines
    elif field == "body" and dateline_region(text, piece_start, piece_start + len(raw.rstrip(" \t-\u2013\u2014"))):
        label, forced = "GPE", True  # "NEWPORT, Gwent - ...": the region of a dateline
    return label, forced, piece_start, own_s


def _piece_mention(
    text: str, doc: Doc, field: str, label: str, labels, piece_start: int, piece_end: int, span_start: int
) -> Mention | None:
    """One piece of a model span as a Mention, trimmed and checked; None when no name is left."""
    label, forced, piece_start, own_s = _piece_label(text, doc, field, label, labels, piece_start, piece_end)
    raw = text[piece_start:piece_end]
    words = raw.split()
    if canonical.is_office_only(raw) or raw in canonical.NOT_NAMES or raw in canonical.DAY_NAMES:
        return None
    if label != PERSON and len(words) == 1 and (
        raw in canonical.GENERIC_HEADS or (doc.vocab[raw.lower()].is_stop and not canonical.is_all_caps(raw))
    ):
        return None  # "Council" of "Council leader X"; "A" of "BRISTOL - A second man"
    start, end = canonical.trim_span(text, piece_start, piece_end, label == PERSON, own_s)
    if end <= start:
        return None
    surface = text[start:end]
    if not canonical.has_capital(surface) or not any(c.isalpha() for c in surface):
        return None  # "chevron", "menuicon v-toggleicon", numbers
    name = canonical.normalise(surface)
    if canonical.is_office_only(name):
        return None
    if forced:
        name = canonical.prettify_caps(name)
    after = piece_start > span_start and bool(_DATELINE_DASH.search(text, span_start, piece_start))
    return Mention(field, start, end, surface, label, name, forced, after)


def mentions(
    doc: Doc | None, field: str, labels: frozenset[str], text: str | None = None, words: frozenset[str] = frozenset()
) -> list[Mention]:
    """The doc's entities with the kept labels, split, trimmed and filtered.

    `text` is the field's own text when the doc was made from a recased copy of the same length;
    `words` are common English words (lowercase), used to grow person names safely."""
    if doc is None:
        return []
    text = doc.text if text is None else text
    found: list[Mention] = []
    ents = doc.ents  # built anew (from every token) on each access: once here
    phrases = org_phrases(doc, ents) if "ORG" in labels else []
    for start, end in phrases:
        span = doc[start:end]
        surface = text[span.start_char : span.end_char]  # the field's own text, not the model's copy
        found.append(Mention(field, span.start_char, span.end_char, surface, "ORG", canonical.normalise(surface)))
    grown = _grown_spans(doc, labels, words, ents)
    for index, ent in enumerate(ents):
        label = _kind_label(doc, ent, labels)
        if label is None or any(ent.start < end and start < ent.end for start, end in phrases):
            continue
        if any(i != index and ent.start < end and start < ent.end for i, (start, end) in grown.items()):
            continue  # "Berg" of "Ilse von der Berg"
        first, last = grown.get(index, (ent.start, ent.end))
        label = _shape_label(doc, ent, label, last, labels)
        start_char, end_char, label = _char_span(doc, text, ent, label, first, last, labels)
        for piece_start, piece_end in _pieces(text, start_char, end_char, label, words):
            mention = _piece_mention(text, doc, field, label, labels, piece_start, piece_end, start_char)
            if mention is not None:
                found.append(mention)
    if field == "body" and "GPE" in labels:
        dateline = dateline_mention(text, found)
        if dateline is not None:
            found = [m for m in found if not _inside(m, dateline.start, dateline.end)]
            found.insert(0, dateline)
    return found
