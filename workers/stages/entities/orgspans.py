"""Organisation spans the model cut short, grown or joined: openings before a designator, capitalised
connectives ("Medics Without ..."), common nouns after "and", "of <place>", roles after "of the",
tails after a connective, and spans ending in "and".
"""

from __future__ import annotations

import re

from workers.stages.entities import canonical, fixes, roles, tables
from workers.stages.entities.context import Article, extend_over, replace_by_one
from workers.stages.entities.fixes import PERSON, Mention
from workers.stages.entities.scan import CAPITALISED_BEFORE, NAME_HEADS, known_country_or_region, noun_word, whole_word_spans
from workers.stages.entities.wordedge import WORD_END, WORD_START


_NAME_OPENING = re.compile(r"(?<![\w'\u2019\-.])((?:[A-Z][A-Za-z'\-]*[ \t]+(?:and[ \t]+)?){1,2})$")


def org_openings(article: Article, found: list[Mention]) -> list[Mention]:
    """An organisation span ending in a designator (tables.ORG_DESIGNATORS) grows over the one or
    two capitalised words the model left before it, with an "and" between ("World Tallow
    Programme" of "Tallow Programme", "Northern and Corran Power Networks" of "Northern" NORP and
    "Corran Power Networks"): not over a title, role, describing noun, stop word or a word
    ending in a lowercase part ("Tarrow-based"), not inside a longer run of capitalised words,
    and over a nationality only by "and"."""
    if "ORG" not in article.labels or article.body_doc is None:
        return found
    body, vocab = article.body, article.body_doc.vocab
    for m in [m for m in found if m.field == "body" and m.label == "ORG" and len(m.text.split()) >= 2]:
        if m.text.split()[-1].lower() not in tables.ORG_DESIGNATORS:
            continue
        opening = _NAME_OPENING.search(body, max(0, m.start - 40), m.start)
        if not opening or opening.end() != m.start:
            continue
        words = [w for w in opening.group(1).split() if w != "and"]
        if any(canonical.is_title(w) or w.lower() in canonical.ROLE_WORDS | tables.ORG_DESCRIPTOR_NOUNS | tables.COMPETITOR_NOUNS
               or vocab[w.lower()].is_stop or w.rsplit("-", 1)[-1].islower() for w in words):
            continue  # "Developer Tallis Games", "Tarrow-based Pellow Bank": a describing word, no part of the name
        start = opening.start(1)
        if CAPITALISED_BEFORE.search(body, max(0, start - 40), start):
            continue  # "Big Corran Super Store Club": a longer run of capitalised words
        over = [o for o in found if o.field == "body" and o is not m and o.start < m.start and start < o.end]
        if any(o.label != "NORP" or " and " not in opening.group(1) for o in over):
            continue  # a nationality joins only by "and" ("Presumptive Democratic Tallis House nominee")
        found = [o for o in found if o not in over]
        m.respan(body, start=start)
    return found


_CONNECTIVE_OPENING = re.compile(rf"{WORD_START}([A-Z][a-z][\w'\-]*)[ \t]+([A-Z][a-z]+)[ \t]+$")


def org_connective_openings(article: Article, found: list[Mention]) -> list[Mention]:
    """A name the model tagged after a capitalised connective (tables.ORG_CONNECTIVES) and a
    capitalised word ("Medics Without [Tarrows]") is one organisation over all three: inside a
    sentence a capitalised "Without" is part of a name."""
    if "ORG" not in article.labels:
        return found
    body = article.body
    for m in found:
        if m.field != "body" or m.forced or m.label not in ("ORG", "GPE", PERSON, "NORP"):
            continue
        opening = _CONNECTIVE_OPENING.search(body, max(0, m.start - 40), m.start)
        if not opening or opening.group(2).lower() not in tables.ORG_CONNECTIVES:
            continue
        if any(o.field == "body" and o is not m and o.start < m.start and opening.start() < o.end for o in found):
            continue
        m.respan(body, start=opening.start(1))
        m.label, m.forced = "ORG", True
    return found


_AND_NOUNS = re.compile(r"[ \t]+and[ \t]+([A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)(?![\w'\u2019\-]|[ \t]+[A-Z])")


def org_and_nouns(article: Article, found: list[Mention]) -> list[Mention]:
    """An organisation's name with "of"/"for" ending in a common noun goes on over "and" and one
    or two capitalised common nouns ("Board for Harbours and Lighthouses", "Ministry of Trade
    and Industry"), whatever the model made of them: such nouns are no name on their own. Not
    "Bank of Tarrow and Treasury" (a name before "and")."""
    if "ORG" not in article.labels or not article.nouns:
        return found
    body = article.body
    for m in [m for m in found if m.field == "body" and m.label == "ORG"]:
        words = m.name.split()
        match = _AND_NOUNS.match(body, m.end)
        if not match or not ({"of", "for"} & set(words)) or not noun_word(words[-1], article.nouns):
            continue
        if not all(noun_word(w, article.nouns) for w in match.group(1).split()):
            continue
        found = extend_over(found, m, body, match.end(1))
    return found


_OF_PLACE = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?$")


def _names_a_place(found: list[Mention], m: Mention) -> bool:
    """`m` names a place: a known country or region, or a name labelled GPE in the article."""
    if canonical.known_place(m.name) and m.name not in tables.UNIONS or canonical.known_region(m.name):
        return True
    return any(other.name == m.name and other.label == "GPE" for other in found)


_OF_WORDS = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?([A-Z][\w'\u2019\-]*(?:[ \t]+[A-Z][\w'\u2019\-]*){0,3})")


def _untagged_country_end(text: str, end: int, found: list[Mention], field: str) -> int | None:
    """Where "of <known country>" right after offset `end` ends when no mention is over it (the
    model tagged nothing: "Commission of Tarrowland (TC)"): the longest run of capitalised words
    that canonical.known_place knows; else None."""
    after = _OF_WORDS.match(text, end)
    if not after:
        return None
    words = list(re.finditer(r"\S+", after.group(1)))
    for count in range(len(words), 0, -1):
        stop = after.start(1) + words[count - 1].end()
        if canonical.known_place(text[after.start(1) : stop]):
            if any(o.field == field and o.start < stop and end < o.end for o in found):
                return None
            return stop
    return None


def orgs_of_places(article: Article, found: list[Mention]) -> list[Mention]:
    """An organisation ending in a head noun (fixes.ORG_HEADS, fixes.INSTITUTION_HEADS: "Law
    Society", "People's Court") right before "of <place>" goes on over the place: "the Law
    Society of Tarrow" is one organisation, whatever the model called the place, or over a
    known country the model did not tag (_untagged_country_end)."""
    heads = fixes.ORG_HEADS | fixes.INSTITUTION_HEADS
    dropped: list[Mention] = []
    for m in found:
        if m.label != "ORG" or m.name.split()[-1].lower() not in heads or m in dropped:
            continue
        text = article.texts[m.field]
        country_end = _untagged_country_end(text, m.end, found, m.field)
        if country_end is not None:
            m.respan(text, end=country_end)
            continue
        for place in found:
            if place.field != m.field or place.start <= m.end or place in dropped:
                continue
            between = text[m.end : place.start]
            if _OF_PLACE.fullmatch(" " + between.lstrip(" \t")) and between[:1] in " \t" \
                    and _names_a_place(found, place):
                m.respan(text, end=place.end)
                dropped.append(place)
                break
    return [m for m in found if m not in dropped]


_AREA = "(?:" + "|".join(sorted(tables.COURT_AREA_NOUNS)) + ")"
_FOR_THE_AREA = re.compile(
    rf"[ \t]+for[ \t]+the[ \t]+(?:[A-Z][\w.\-]*[ \t]+){{1,3}}{_AREA}(?:[ \t]+of[ \t]+[A-Z][\w\-]*(?:[ \t]+[A-Z][\w\-]*)?)?{WORD_END}"
)


def court_areas(article: Article, found: list[Mention]) -> list[Mention]:
    """A court the model cut before "for the <Name> <area>" (tables.COURT_AREA_NOUNS: "the Court
    of Appeals for the Tarrow Circuit", "District Court for the Eastern District of Pellow") goes on
    over the area: one organisation, the model's pieces inside it dropped (context.extend_over)."""
    for m in list(found):
        if m.label != "ORG" or "court" not in m.name.lower().split() or m not in found:
            continue
        tail = _FOR_THE_AREA.match(article.texts[m.field], m.end)
        if tail and m.field == "body":
            found = extend_over(found, m, article.body, tail.end())
    return found


# "<connective> [the] <one to three capitalised words> (<ACRONYM>)" after an organisation's span.
_TAIL_BEFORE_ACRONYM = re.compile(
    r"[ \t]+(?:in|of|for|on)[ \t]+(?:the[ \t]+)?[A-Z][\w\-]*(?:[ \t]+[A-Z][\w\-]*){0,2}[ \t]*\(([A-Z]{2,6})\)"
)


def acronym_tails(article: Article, found: list[Mention]) -> list[Mention]:
    """An organisation the model cut before "in|of|for|on <Name>" that its bracketed acronym
    spells out only with that tail ("Board of Control for Tarrow in Pellow (BCTP)") goes on over
    the tail: one organisation, the model's pieces inside it dropped (context.extend_over)."""
    for m in list(found):
        if m.label != "ORG" or m.field != "body" or m not in found:
            continue
        tail = _TAIL_BEFORE_ACRONYM.match(article.body, m.end)
        if not tail or canonical.acronym(m.text) == tail.group(1):
            continue
        end = article.body.rindex("(", m.end, tail.end())
        end = len(article.body[:end].rstrip())
        if canonical.acronym(article.body[m.start:end]) == tail.group(1):
            found = extend_over(found, m, article.body, end)
    return found


_CAPITALISED_WORD_BEFORE = re.compile(r"(?<![\w'\u2019\-])([A-Z][\w\-]*)[ \t]+$")


def orgs_cut_at_start(article: Article, found: list[Mention]) -> list[Mention]:
    """A mention the model started one capitalised word late, where that word and the mention are
    an organisation the model named elsewhere in the article ("Tarrow [Al-Vell]" ... "Tarrow
    Al-Vell" ORG), is that organisation: ORG, over the word (not a rule's label, not over another mention)."""
    orgs = {m.text for m in found if m.label == "ORG" and len(m.text.split()) >= 2}
    for m in found:
        if m.label == "ORG" or m.forced:
            continue
        text = article.texts[m.field]
        word = _CAPITALISED_WORD_BEFORE.search(text, max(0, m.start - 40), m.start)
        if not word or f"{word.group(1)} {m.text}" not in orgs:
            continue
        if any(o.field == m.field and o.start < m.start and word.start(1) < o.end for o in found):
            continue
        m.respan(text, start=word.start(1))
        m.label, m.forced = "ORG", True
    return found


_ACRONYM_PAIR = re.compile(r"(?<![\w\-])([A-Z]{2,6})-([A-Z]{2,6})(?![\w\-])")
_LIST_JOIN = re.compile(r",?[ \t]+and[ \t]+|,[ \t]+")


def _pair_pieces(found: list[Mention], start: int, end: int) -> list[Mention] | None:
    """The body mentions inside [start, end), or None when one runs past it or a rule set it."""
    pieces = [m for m in found if m.field == "body" and m.start < end and start < m.end]
    return None if any(m.forced or m.start < start or m.end > end for m in pieces) else pieces


def acronym_pairs(article: Article, found: list[Mention]) -> list[Mention]:
    """Two acronyms joined by a hyphen ("QRTM-VELK": a union and its confederation, a party and
    its alliance) are one organisation when the model tagged any of it, or when it stands in a
    list next to such a pair ("QRTM-VELK, PLOM-VELK and ..."); not when a part is a known
    country or union ("EU-US": two places)."""
    if "ORG" not in article.labels:
        return found
    body, pairs = article.body, []
    for match in _ACRONYM_PAIR.finditer(body):
        if not any(canonical.known_place(part) for part in match.groups()):
            pairs.append(match)
    tagged = {match.start() for match in pairs if _pair_pieces(found, match.start(), match.end())}
    for match in pairs:
        pieces = _pair_pieces(found, match.start(), match.end())
        listed = any(_LIST_JOIN.fullmatch(body[a.end() : match.start()] if a.end() <= match.start()
                                          else body[match.end() : a.start()]) for a in pairs if a.start() in tagged)
        if pieces is None or not (pieces or listed):
            continue
        if len(pieces) == 1 and (pieces[0].start, pieces[0].end, pieces[0].label) == (match.start(), match.end(), "ORG"):
            continue
        found = replace_by_one(found, pieces, "body", match.start(), match.end(), match.group(), "ORG")
    return found


_OF_THE_WORDS = re.compile(r"[ \t]of[ \t]+the[ \t]+((?:[A-Z][\w\-]*[ \t]+)*[A-Z][\w\-]*)$")
_NEXT_CAPITALISED = re.compile(rf"[ \t]+[A-Z][\w\-]*{WORD_END}")


def orgs_over_roles(article: Article, found: list[Mention]) -> list[Mention]:
    """An organisation the model cut inside a role after "of the" ("Office of the Prime" of
    "Office of the Prime Minister", tables.ROLES) goes on over the rest of the role."""
    for m in found:
        opening = _OF_THE_WORDS.search(m.text) if m.label == "ORG" else None
        if not opening:
            continue
        text, words, ends = article.texts[m.field], opening.group(1).split(), []
        for _ in range(2):
            after = _NEXT_CAPITALISED.match(text, ends[-1] if ends else m.end)
            if not after:
                break
            words.append(after.group().strip())
            ends.append(after.end())
        size = len(opening.group(1).split())
        for extra in range(len(ends), 0, -1):
            if roles.role_prefix_length(words[: size + extra]) == size + extra:
                m.respan(text, end=ends[extra - 1])
                break
    return found


_ORG_TAIL = re.compile(
    r"[ \t]+(?:" + "|".join(sorted((c.replace(" ", r"[ \t]+") for c in tables.ORG_TAIL_CONNECTIVES), key=len, reverse=True))
    + r")((?:[ \t]+[A-Z][a-z]+){1,4})" + r"(?![ \t]+[A-Z])(?![\w'\u2019\-])(?![ \t]+[a-z]{1,3}['\u2019])"
)
_ORG_TAIL_HEADS = tables.NOT_NAME_ENDS | tables.ORG_HEAD_NOUNS


def org_tails(article: Article, found: list[Mention]) -> list[Mention]:
    """An organisation span ending on its head noun (tables.NOT_NAME_ENDS, ORG_HEAD_NOUNS) before
    a connective (tables.ORG_TAIL_CONNECTIVES) and one to four capitalised words goes on over
    them ("Tarrow Party" + "for the Regions"), unless those words hold another entity the model
    found (a date, a place: "the Tarrow Party for Vellshire" stays apart when Vellshire is one)."""
    for m in found:
        if m.label != "ORG" or m.text.split()[-1].lower() not in _ORG_TAIL_HEADS:
            continue
        text = article.texts[m.field]
        tail = _ORG_TAIL.match(text, m.end)
        if not tail or any(o.field == m.field and tail.start(1) < o.end and o.start < tail.end() for o in found):
            continue
        m.respan(text, end=tail.end())
        m.forced = True
    return found


def orgs_cut_at_and(article: Article, found: list[Mention]) -> list[Mention]:
    """An organisation span the model ended on "and" joins the organisation right after it: one
    name ("Tarrow Atmospheric, Geophysical and" + "Astronomical Services Administration"), or the
    place right after it when the words around "and" are a known country or region's name
    ("Court of Trinidad and" + "Tobago")."""
    dropped: list[Mention] = []
    for m in found:
        if m.label != "ORG" or not m.text.endswith(" and") or m in dropped:
            continue
        text = article.texts[m.field]
        after = [o for o in found if o.field == m.field and o is not m and o.start > m.end
                 and not text[m.end : o.start].strip() and (o.label == "ORG" or _place_over_and(m, o))]
        if after:
            m.respan(text, end=after[0].end)
            m.forced = True
            dropped.append(after[0])
    return [m for m in found if m not in dropped]


_FOREIGN_AND_TAIL = re.compile(
    rf"[ \t]+(?:{'|'.join(sorted(tables.FOREIGN_AND_WORDS))})[ \t]+(?:(?:{'|'.join(sorted(tables.NAME_PARTICLES))})[ \t]+)+"
    r"[A-Z][\w'\u2019\-]*(?:[ \t]+[A-Z][\w'\u2019\-]*)*"
)
_PARTICLE_INSIDE = re.compile(rf"[ \t](?:{'|'.join(sorted(tables.NAME_PARTICLES))})[ \t]")


def foreign_and_tails(article: Article, found: list[Mention]) -> list[Mention]:
    """An organisation's name in another language, a particle inside it, that the model ended
    before "and" in that language and a particle (tables.FOREIGN_AND_WORDS: "Office de Gestion des
    Tarrows et des Pellows", "Instituto de Tarrow y de Pellow") goes on over them and the
    capitalised words after; the mentions there are dropped. Not a rule's mention."""
    for m in found:
        if m.field != "body" or m.label != "ORG" or m.forced or not _PARTICLE_INSIDE.search(m.text):
            continue
        tail = _FOREIGN_AND_TAIL.match(article.texts[m.field], m.end)
        if tail:
            found = extend_over(found, m, article.texts[m.field], tail.end())
    return found


def _place_over_and(m: Mention, after: Mention) -> bool:
    """`after`, a place right after `m` ("... of Trinidad and"), ends with the last one or two
    words of `m` a known country or region's name ("Trinidad and Tobago")."""
    if after.label not in ("GPE", "LOC"):
        return False
    words = m.text.split()[:-1]
    return any(known_country_or_region(" ".join(words[-n:] + ["and", after.text]))
               for n in (1, 2) if len(words) > n)


_CAPITALISED = re.compile(r"[A-Z][\w'\-.&]*")


def _name_end(word: str, nouns: frozenset[str]) -> bool:
    """`word` may end one organisation's name that "and" runs through: a common noun or designator
    ("... Water Supply and Sewerage Board", "Tarrow Mining and Exploration")."""
    lower = word.lower()
    return noun_word(word, nouns) or lower in tables.ORG_DESIGNATORS or lower in NAME_HEADS


def org_lists(article: Article, found: list[Mention]) -> list[Mention]:
    """An organisation span "A and B" of two names is a list of two organisations ("Tarrow Pay and
    Vellcom"): A of two or more capitalised words, B of capitalised words ending in no common
    noun or designator (not "Tarrow Mining and Exploration"); one-word A ("Marks and Spencer")
    and a known country or region over "and" ("Trinidad and Tobago Bank") stay one name."""
    if "ORG" not in article.labels or not article.nouns:
        return found
    out: list[Mention] = []
    for m in found:
        parts = m.text.split(" and ")
        first, second = (parts[0].split(), parts[1].split()) if len(parts) == 2 else ([], [])
        if (m.label != "ORG" or m.forced or len(first) < 2 or not second
                or not all(_CAPITALISED.fullmatch(w) for w in first + second)
                or _name_end(second[-1], article.nouns)
                or any(known_country_or_region(" ".join(first[-n:] + ["and"] + second[:k]))
                       for n in (1, 2) for k in (1, 2))):
            out.append(m)
            continue
        text = article.texts[m.field]
        second_start = m.start + len(parts[0]) + len(" and ")
        out.append(Mention(m.field, m.start, m.start + len(parts[0]), parts[0], "ORG", canonical.normalise(parts[0])))
        out.append(Mention(m.field, second_start, m.end, text[second_start : m.end], "ORG",
                           canonical.normalise(text[second_start : m.end])))
    return out


def _country_in(words: list[str]) -> bool:
    """One word or two of `words` are a known country or region ("Air New Zealand", "Fiji Airways")."""
    return any(known_country_or_region(" ".join(words[i : i + n])) for n in (1, 2) for i in range(len(words) - n + 1))


def orgs_joined_by_and_nouns(article: Article, found: list[Mention]) -> list[Mention]:
    """Two organisation spans "A and B" the model split at "and" are one name when A (two or more
    words) ends in a common noun and B is only capitalised common nouns ending in a designator,
    written nowhere else ("Tarrow Water Supply" + "Sewerage Board"): B names nothing on its own.
    Not "Tarrow Vell and Food Standards Agency" (A ends in a name), nor when either names a known
    country or region (a country is no common noun: "Air Norway" + "Peru Airways" are two carriers)."""
    if "ORG" not in article.labels or not article.nouns:
        return found
    dropped: list[Mention] = []
    for m in found:
        words = m.text.split()
        if m.label != "ORG" or m in dropped or len(words) < 2 or not noun_word(words[-1], article.nouns):
            continue
        text = article.texts[m.field]
        after = [o for o in found if o.field == m.field and o.label == "ORG" and o is not m
                 and text[m.end : o.start] == " and "]
        if not after or after[0] in dropped:
            continue
        tail = after[0].text.split()
        if not all(noun_word(w, article.nouns) and w[0].isupper() for w in tail) or not _name_end(tail[-1], frozenset()):
            continue
        if _country_in(words) or _country_in(tail):
            continue  # "Air Tarrowland" + "Pellowia Airways": a country is no common noun, each is a name
        if sum(len(whole_word_spans(t, after[0].text)) for t in article.texts.values()) > 1:
            continue
        m.respan(text, end=after[0].end)
        m.forced = True
        dropped.append(after[0])
    return [m for m in found if m not in dropped]


_PLACE_LED_TAIL = re.compile(
    r"[ \t]+((?:[A-Z][a-z]+[ \t]+){0,2}(?:" + "|".join(sorted(w.capitalize() for w in tables.PLACE_LED_ORG_HEADS))
    + r"))(?![\w'\u2019\-]|[ \t]+(?:of[ \t]+)?[A-Z])"
)


def place_led_orgs(article: Article, found: list[Mention]) -> list[Mention]:
    """A place or nationality the model tagged alone, right before up to two untagged capitalised
    words and a head of tables.PLACE_LED_ORG_HEADS ("Tarrowland [Premier League]", "Vellish
    [Football Federation]"), is one organisation over them, with what the model tagged inside
    them ("Vellish" + "Premier League" ORG); not where a capitalised word or "of <Name>" goes on
    after the head, nor over a person or a span reaching over the place."""
    if "ORG" not in article.labels:
        return found
    for m in [m for m in found if m.label in ("GPE", "NORP")]:
        text = article.texts[m.field]
        tail = _PLACE_LED_TAIL.match(text, m.end)
        if not tail:
            continue
        pieces = [o for o in found if o.field == m.field and o.start < tail.end() and m.start < o.end]
        if any(o is not m and (o.start < tail.start(1) or o.end > tail.end() or o.label == PERSON) for o in pieces):
            continue  # a person or a span reaching over the place is no part of the name
        found = replace_by_one(found, pieces, m.field, m.start, tail.end(), text[m.start : tail.end()], "ORG")
    return found
