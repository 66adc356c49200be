"""Names of other languages joined over their lowercase particles: capitalised words on both sides
of a particle ("Compagnie des Tarrows", "Vila Tarrow do Pellow", "Junts per Tarrow") are one name,
and a name with lowercase words right before its bracketed acronym ("Union des tarrows agricoles
(UTA)") runs back as far as the acronym's letters.
"""

from __future__ import annotations

import re

from workers.stages.entities import canonical, roles, tables
from workers.stages.entities.context import Article, replace_by_one
from workers.stages.entities.fixes import PERSON, Mention
from workers.stages.entities.scan import NAME_HEADS, common, locative
from workers.stages.entities.wordedge import LOWER, UPPER, WORD_END, WORD_START

_CAP = rf"[{UPPER}][\w'\u2019\-]*"
_PARTICLE = "(?:" + "|".join(sorted(tables.NAME_PARTICLES, key=len, reverse=True)) + ")"
_PARTICLE_NAME = re.compile(
    rf"{WORD_START}{_CAP}(?:[ \t]+{_CAP}){{0,3}}(?:(?:[ \t]+{_PARTICLE}){{1,2}}[ \t]+{_CAP}(?:[ \t]+{_CAP}){{0,2}})+{WORD_END}"
)
_WORD = re.compile(r"\S+")
# Labels of the model's pieces that a name over a particle takes over (not a date, a number).
_PIECE_LABELS = frozenset({PERSON, "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"})


def _possessive(word: str) -> bool:
    return word[-2:] in ("'s", "\u2019s")


def _stop_word(word: str, article: Article) -> bool:
    lower = word.lower()
    return article.body_doc is not None and lower not in tables.FOREIGN_ORG_HEADS and article.body_doc.vocab[lower].is_stop


def _opening_word(word: str, article: Article) -> bool:
    """`word` may open a name over a particle: a tables.FOREIGN_ORG_HEADS row, or no common English
    word ("Economist" before a name), capitalised particle ("Von der Tarrow"), stop word ("The"),
    title or role word."""
    lower = word.lower()
    if lower in tables.FOREIGN_ORG_HEADS:
        return True
    if lower in tables.NAME_PARTICLES:
        return False
    return not (_stop_word(word, article) or common(lower, article.words) or canonical.is_title(word)
                or lower in canonical.ROLE_WORDS)


def _name_words(words: list[tuple[int, str]], article: Article) -> list[tuple[int, str]] | None:
    """The words of a name over a particle among capitalised `words` and particles: back from
    the first particle to a title, role, stop word or possessive ("Commission President [Ana von
    Tarrow]", "Tarrow's [Banco de Pellow]"), then from the first word that may open a name
    (_opening_word); on to a possessive, cut off ("Banco de Pellow['s]"). None when no capitalised
    word is left before the particle."""
    first = next(i for i, (_, w) in enumerate(words) if w.islower())
    left = first
    while left > 0 and not (_possessive(words[left - 1][1]) or canonical.is_title(words[left - 1][1])
                            or words[left - 1][1].lower() in canonical.ROLE_WORDS or _stop_word(words[left - 1][1], article)):
        left -= 1
    while left < first and not _opening_word(words[left][1], article):
        left += 1
    if left == first or any(_possessive(w) for _, w in words[left:first]):
        return None
    kept = words[left:]
    for index, (offset, word) in enumerate(kept):
        if _possessive(word):
            return kept[:index] + [(offset, word[:-2])] if index > first - left else None
    return kept


def _label(text: str, start: int, words: list[str], pieces: list[Mention]) -> str | None:
    """The label of a name over a particle: ORG after a foreign organisation's first word; else,
    when the model's pieces agree, their label if one opens the name; else a place after a
    preposition of place ("in Vila Tarrow do Pellow"), an organisation before another piece
    ("Junts per Tarrow") or a person between persons; None with no piece or pieces of two labels."""
    if words[0].lower() in tables.FOREIGN_ORG_HEADS:
        return "ORG"
    if not pieces or len({m.label for m in pieces}) > 1:
        return None  # no piece, or pieces the model labelled apart ("Luisa" ORG, "dos", "Tarrow" PERSON)
    first = min(pieces, key=lambda m: m.start)
    if first.start == start and first.label in (PERSON, "ORG", "GPE"):
        return first.label
    if locative(text, start):
        return "GPE"
    return PERSON if all(m.label == PERSON for m in pieces) else "ORG"


def particle_names(article: Article, found: list[Mention]) -> list[Mention]:
    """Capitalised words on both sides of one or two tables.NAME_PARTICLES rows are one name
    ("Compagnie" ORG + "Tarrows de Pellow" ORG, "Bangko Sentral ng Tarrow" untagged, "Ana" +
    "af" + "Tarrow" persons): one forced mention over the model's pieces, labelled by _label. The
    name starts at its first word that may open one (_opening_word) and needs a capitalised word
    before its particle; not over a forced mention or one running past it, nor with no piece of
    the model but after a foreign organisation's first word. On a page in a language that
    capitalises its nouns (tables.NOUN_CAPITALISING_LANGUAGES) only a person's pieces on both
    sides are joined."""
    body = article.body
    nouns_capitalised = article.record.get("language") in tables.NOUN_CAPITALISING_LANGUAGES
    for match in _PARTICLE_NAME.finditer(body):
        kept = _name_words([(match.start() + w.start(), w.group()) for w in _WORD.finditer(match.group())], article)
        if kept is None:
            continue
        words = [w for _, w in kept]
        start, end = kept[0][0], kept[-1][0] + len(kept[-1][1])
        pieces = [m for m in found if m.field == "body" and m.start < end and start < m.end]
        if any(m.forced or m.start < start or m.end > end or m.label not in _PIECE_LABELS for m in pieces):
            continue
        if len(pieces) == 1 and (pieces[0].start, pieces[0].end) == (start, end):
            continue  # the model's span is the whole name already
        if nouns_capitalised and not (len(pieces) >= 2 and all(m.label == PERSON for m in pieces)):
            continue  # "Zukunft des Hafens" on a German page: common nouns, no person's pieces
        label = _label(body, start, words, pieces)
        if label is None or label not in article.labels:
            continue
        found = replace_by_one(found, pieces, "body", start, end, body[start:end], label)
    return found



_PERSON_PARTICLE = "(?:" + "|".join(sorted(tables.PERSON_NAME_PARTICLES, key=len, reverse=True)) + ")"
# One given name, one or two person particles, a surname of one or two words ("Martine des Tarrows").
_GIVEN_PARTICLE_SURNAME = re.compile(
    rf"{_CAP}(?:[ \t]+{_PERSON_PARTICLE}){{1,2}}[ \t]+{_CAP}(?:[ \t]+{_CAP})?"
)
# A role noun in an apposition right after a name: ", the museum's president", ", a director at".
_ROLE_APPOSITION = re.compile(r",[ \t]+(?:the|a|an|its|their)[ \t]+((?:[\w'\u2019\-]+[ \t]+){0,3}[\w'\u2019\-]+)")


def _person_cue_around(text: str, start: int, end: int) -> bool:
    """A role noun (canonical.ROLE_WORDS) before the name ("director Martine des Tarrows") or in an
    apposition right after it (", the museum's president")."""
    after = _ROLE_APPOSITION.match(text, end)
    return roles.role_before(text, start) >= 0 or bool(after) and any(
        word in canonical.ROLE_WORDS for word in after.group(1).split())


def particle_persons(article: Article, found: list[Mention]) -> list[Mention]:
    """An organisation the model made of a given name, a person's particle and a surname
    ("Martine des Tarrows, the museum's president") is a person when its first word is no foreign
    organisation's first word (tables.FOREIGN_ORG_HEADS), common English word or organisation's
    word, and a role stands before it or in an apposition after it (_person_cue_around)."""
    if PERSON not in article.labels:
        return found
    for m in found:
        if m.label != "ORG" or m.forced or not _GIVEN_PARTICLE_SURNAME.fullmatch(m.text):
            continue
        first = m.text.split()[0].lower()
        if first in tables.FOREIGN_ORG_HEADS or common(first, article.words) or first in NAME_HEADS \
                or first in tables.ORG_DESIGNATORS:
            continue
        if _person_cue_around(article.texts[m.field], m.start, m.end):
            m.label, m.forced = PERSON, True
    return found

_BEFORE_ACRONYM = re.compile(rf"{WORD_START}((?:[{UPPER}{LOWER}][\w'\u2019\-]*[ \t]+){{2,8}})\(([A-Z]{{2,6}})\)")
_ACRONYM_SKIP = tables.NAME_PARTICLES | {"of", "for", "the", "and", "on", "in"}


def _long_form_start(words: list[tuple[int, str]], letters: str) -> int | None:
    """Offset where the words before an acronym start to spell its `letters` (particles and
    connectives skipped; the first word capitalised, another lowercase word in it), else None."""
    spelt = ""
    for index in range(len(words) - 1, -1, -1):
        offset, word = words[index]
        if word.lower() not in _ACRONYM_SKIP:
            spelt = word[0].upper() + spelt
        if spelt == letters and word[:1].isupper() and word.lower() not in _ACRONYM_SKIP:
            inner = [w for _, w in words[index + 1 :]]
            return offset if any(w.islower() and w not in _ACRONYM_SKIP for w in inner) else None
        if not letters.endswith(spelt):
            return None
    return None


def acronym_long_forms(article: Article, found: list[Mention]) -> list[Mention]:
    """A name with lowercase words before its bracketed acronym ("the Union des tarrows agricoles
    (UTA)", the French style of capitals) is one organisation back to where its words spell the
    acronym, when the model called the acronym or the name's first word an organisation: the
    model's pieces inside it give way, and the acronym takes its canonical name."""
    if "ORG" not in article.labels:
        return found
    body = article.body
    for match in _BEFORE_ACRONYM.finditer(body):
        base = match.start(1)
        words = [(base + w.start(), w.group()) for w in _WORD.finditer(match.group(1))]
        start = _long_form_start(words, match.group(2))
        if start is None:
            continue
        end = words[-1][0] + len(words[-1][1])
        pieces = [m for m in found if m.field == "body" and m.start < end and start < m.end]
        acronym = [m for m in found if m.field == "body" and (m.start, m.end) == match.span(2)]
        if any(m.forced or m.start < start for m in pieces) or not any(m.label == "ORG" for m in pieces + acronym):
            continue
        found = replace_by_one(found, pieces, "body", start, end, body[start:end], "ORG")
        for m in acronym:
            m.label, m.name = "ORG", found[-1].name
    return found


_BRACKETED_WORD = re.compile(rf"[ \t]*\(([{UPPER}][{LOWER}][\w\-]*)\)")


def bracketed_short_forms(article: Article, found: list[Mention]) -> list[Mention]:
    """One capitalised word in brackets right after an organisation of two or more words, with
    the same first letter and not a known place ("Companhia Tarrow do Pellow (Cotapel)"), is the
    organisation's short form: ORG, named as the organisation, whatever the model called it or
    where it tagged nothing (not over a rule's label); so are the model's other mentions of it."""
    for org in [m for m in found if m.label == "ORG" and len(m.name.split()) >= 2]:
        text = article.texts[org.field]
        match = _BRACKETED_WORD.match(text, org.end)
        if not match or match.group(1)[0] != org.text[0] or canonical.known_place(match.group(1)):
            continue
        start, end = match.span(1)
        inside = [m for m in found if m.field == org.field and m.start < end and start < m.end]
        if any(m.forced or (m.start, m.end) != (start, end) for m in inside):
            continue
        found = replace_by_one(found, inside, org.field, start, end, text[start:end], "ORG", org.name)
        for other in [m for m in found if m.text == match.group(1) and not m.forced]:
            other.name = org.name
    return found



_BRACKETED_AFTER_THE = re.compile(
    rf"(?<![ \t]of[ \t])(?<![ \t]for[ \t])(?<![ \t]and[ \t]){WORD_START}[Tt]he[ \t]+"
    rf"({_CAP}(?:[ \t]+(?:(?:of|for|on)[ \t]+(?:the[ \t]+)?)?{_CAP}){{1,7}})[ \t]*\(([A-Z]{{2,6}})\)"
)  # not "the" inside a longer name ("... for the Tarrow Abuse (TA)") nor a list's second name ("and the")
_UNNAMED_LABELS = frozenset({"ORG", "WORK_OF_ART", "PRODUCT", "FAC", "NORP", "LAW", "EVENT"})
_CONNECTIVES = frozenset({"of", "for", "on", "the"})


def _spelt(name: str, acronym: str) -> bool:
    """`acronym` is the initials of `name`'s capitalised words, a hyphened word counted as one or
    as its parts ("Anti-Fraud": A or AF)."""
    words = [w for w in name.split() if w not in _CONNECTIVES]
    whole = "".join(w[0] for w in words)
    parts = "".join(p[:1] for w in words for p in w.split("-"))
    return acronym in (whole, parts)


def _bracketed_org(name: str, acronym: str) -> bool:
    """A name before a bracketed acronym is an organisation's: its last word is an organisation's
    head (scan.NAME_HEADS, tables.ORG_HEAD_NOUNS, COMPANY_WORDS), or the acronym is no English
    spelling of it ("Tarrow Anti-Fraud Structure (SPAK)": another language's name), where a
    spelled one with no such head may be a measure or a plan ("the Tarrow Price Index (TPI)").
    Not a known country or region."""
    if canonical.known_place(name) or canonical.known_region(canonical.normalise(name)):
        return False
    last = name.split()[-1].lower()
    return last in NAME_HEADS or last in tables.ORG_HEAD_NOUNS or last in tables.COMPANY_WORDS or not _spelt(name, acronym)


def bracketed_acronym_orgs(article: Article, found: list[Mention]) -> list[Mention]:
    """Two or more capitalised words after "the" or "The" with an acronym in brackets right after them
    (_bracketed_org: "the Tarrow Anti-Fraud Structure (SPAK)", "the Pellow Research Council (PRC)")
    are an organisation and its short form, ORG both, when the model left them untagged or
    tagged them (or pieces inside) as an organisation, work, product, building, event or law;
    not over a person or place the model or a rule found, nor over a span crossing the name's edge."""
    if "ORG" not in article.labels:
        return found
    body = article.body
    for match in _BRACKETED_AFTER_THE.finditer(body):
        start, end = match.span(1)
        pieces = [m for m in found if m.field == "body" and m.start < match.end() and start < m.end]
        if any(m.forced or m.label not in _UNNAMED_LABELS or m.start < start or m.start < end < m.end for m in pieces) \
                or not _bracketed_org(match.group(1), match.group(2)):
            continue
        found = replace_by_one(found, [m for m in pieces if m.end <= end], "body", start, end, match.group(1), "ORG")
        name = found[-1].name
        found = replace_by_one(found, [m for m in pieces if m.start >= end], "body", *match.span(2), match.group(2), "ORG", name)
    return found
