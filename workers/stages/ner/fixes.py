"""Rules correcting known classes of small-model NER errors, at the level of one spaCy Doc.

Each rule is general (shape of the text, position, other entities in the same article); none
names a particular person, place or source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from workers.stages.ner import canonical

PERSON = "PERSON"
# Lowercase name particles that may sit inside a person's name ("Ursula von der Leyen").
PARTICLES = frozenset("de del della der den di da das dos du la le van von bin ibn al el ter ten".split())
# Parts of one model span separated by a dateline dash or a line break are separate mentions.
_SPLIT = re.compile(r"[ \t]+(?:--?|\u2013|\u2014)[ \t]+|\s*\n\s*")
_DATELINE_AFTER = re.compile(r"[ \t]*(?:,|\()")
_DATELINE_DASH = re.compile(r"[ \t]*(?:--?[ \t]|\u2013|\u2014)")
_SENTENCE_BREAK = frozenset('.!?:;"\u201c\u201d\'\u2018\u2019()[]-\u2013\u2014')


# Capitalised head nouns of a named body: "EU-Africa Commission", "US-China Council".
ORG_HEADS = frozenset(
    "council commission committee agency alliance union assembly forum court tribunal "
    "parliament congress partnership organisation organization bank fund group".split()
)


@dataclass(slots=True)
class Mention:
    field: str
    start: int
    end: int
    text: str
    label: str
    name: str
    forced: bool = False  # label set by a rule; wins the label vote


def dateline_position(text: str, start: int, end: int, label: str) -> bool:
    """[start, end) opens a line and is followed by a dash, or by "," / "(" when the model did
    not call it an organisation ("IBM, Apple ..." opening a line is not a dateline)."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return False
    if _DATELINE_DASH.match(text, end):
        return True
    return label != "ORG" and bool(_DATELINE_AFTER.match(text, end))


_DATELINE_OPEN = re.compile(
    r"[ \t]*([A-Z][A-Z'.]+(?:[ \-][A-Z][A-Z'.]+)*)(?:,[ \t]+[A-Z][\w .]{1,30}?)?[ \t]*(?:\(|--?[ \t]|\u2013|\u2014)"
)


def dateline_mention(text: str, taken: list[Mention], lines: int = 5) -> Mention | None:
    """An ALL-CAPS place opening one of the first lines before a dash or "(" that the model did
    not tag: "BEIJING - ...", "GENEVA, Switzerland - ...", "LONDON (AP) - ..."."""
    position = 0
    for _ in range(lines):
        match = _DATELINE_OPEN.match(text, position)
        if match and len(match.group(1)) >= 3:
            start, end = match.span(1)
            if any(m.start < end and start < m.end for m in taken):
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
        and not canonical._is_title(word)
    )


def extend_person_left(doc: Doc, ent: Span) -> int:
    """First token of a PERSON span grown over given names the model left out.

    "party leader Anna [Maria Lindqvist]" -> "Anna Maria Lindqvist". A capitalised word that
    opens a sentence is not taken (it could be any word), nor titles, stop words or other entities.
    """
    start = ent.start
    taken = 0
    while start > 0 and taken < 3:
        candidate = start - 1
        token = doc[candidate]
        if token.text in PARTICLES and candidate > 0 and _extendable(doc[candidate - 1]):
            candidate -= 1
            token = doc[candidate]
        elif not _extendable(token):
            break
        if _opens_sentence(doc, candidate):
            break
        taken += start - candidate
        start = candidate
    return start


def _capitalised(token) -> bool:
    return token.is_alpha and token.text[:1].isupper() and not canonical._is_title(token.text)


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


def org_phrases(doc: Doc) -> list[tuple[int, int]]:
    """Token spans of organisation names the small model misses or splits.

    - a hyphenated compound of capitalised words, at least one of them an entity, before a
      capitalised head noun: "EU-Africa Commission" (not "Africa-EU commission": no proper head);
    - one to three capitalised words right before "news agency": "the KYODO PRESS news agency".
    """
    spans = []
    for i, token in enumerate(doc):
        if token.text.lower() in ORG_HEADS and token.text[:1].isupper() and i >= 3:
            start = i - 1
            if not _capitalised(doc[start]):
                continue
            while start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ \
                    and not doc[start - 2].whitespace_ and _capitalised(doc[start - 2]):
                start -= 2
            if start < i - 1 and any(doc[j].ent_type_ for j in range(start, i)):
                spans.append((start, i + 1))
        elif token.lower_ == "news" and i + 1 < len(doc) and doc[i + 1].lower_ == "agency":
            start = i
            while start > 0 and i - start < 3 and _agency_word(doc[start - 1]):
                start -= 1
            if start < i and not doc[start].is_upper and _opens_sentence(doc, start):
                start += 1  # "Official news agency ..." opening a sentence
            if start < i:
                spans.append((start, i))
    return spans


def mentions(doc: Doc | None, field: str, labels: frozenset[str]) -> list[Mention]:
    """The doc's entities with the kept labels, split, trimmed and filtered."""
    if doc is None:
        return []
    text = doc.text
    found: list[Mention] = []
    phrases = org_phrases(doc) if "ORG" in labels else []
    for start, end in phrases:
        span = doc[start:end]
        found.append(Mention(field, span.start_char, span.end_char, span.text, "ORG", canonical.normalise(span.text)))
    for ent in doc.ents:
        label = ent.label_
        if label not in labels:
            continue
        if any(ent.start < end and start < ent.end for start, end in phrases):
            continue
        first = extend_person_left(doc, ent) if label == PERSON else ent.start
        start_char = doc[first].idx
        end_char = ent.end_char
        pieces: list[tuple[int, int]] = []
        cursor = start_char
        for separator in _SPLIT.finditer(text, start_char, end_char):
            pieces.append((cursor, separator.start()))
            cursor = separator.end()
        pieces.append((cursor, end_char))
        for piece_start, piece_end in pieces:
            piece_label = label
            forced = False
            raw = text[piece_start:piece_end]
            if (
                field == "body"
                and canonical.is_all_caps(raw)
                and dateline_position(text, piece_start, piece_end, label)
            ):
                piece_label, forced = "GPE", True  # "GENEVA - ..." / "GENEVA, ..." datelines
            if canonical.is_office_only(raw):
                continue  # "Defence" of "Defence Minister", a lone "President"
            start, end = canonical.trim_span(text, piece_start, piece_end, piece_label == PERSON)
            if end <= start:
                continue
            surface = text[start:end]
            if not canonical.has_capital(surface) or not any(c.isalpha() for c in surface):
                continue  # "chevron", "editicon v-expandicon", numbers
            name = canonical.normalise(surface)
            if canonical.is_office_only(name):
                continue
            if forced:
                name = canonical.prettify_caps(name)
            found.append(Mention(field, start, end, surface, piece_label, name, forced))
    if field == "body" and "GPE" in labels:
        dateline = dateline_mention(text, found)
        if dateline is not None:
            found.insert(0, dateline)
    return found
