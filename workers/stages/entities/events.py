"""Names of things other than persons, organisations and places: named storms and sporting events
(EVENT), laws (LAW), and sites ("the Tarrow gas field", "the Tarrow Pellow Pipeline": LOC, FAC).
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from workers.stages.entities import canonical, tables
from workers.stages.entities.context import Article, full_persons, relabel
from workers.stages.entities.fixes import PERSON, Mention
from workers.stages.entities.scan import LIST_NAME, NEXT_WORD, THE_BEFORE, common, known_country_or_region, sentence_initial
from workers.stages.entities.wordedge import WORD_END, WORD_START


def storm_names(article: Article, found: list[Mention]) -> list[Mention]:
    """A named storm ("Typhoon Tarrow", "Tropical Storm Tarrow": tables.WEATHER_SYSTEM_TERMS) is
    an EVENT, and so is its name alone in the same article ("Tarrow's winds"), whatever the model
    called them: it joins the storm's longest name in the article."""
    storms: dict[str, str] = {}  # the storm's own name -> its longest full name
    for m in found:
        if canonical.storm_name(m.name):
            words = m.name.split()
            bare = " ".join(words[canonical.weather_term_length(words):])
            storms[bare] = max(storms.get(bare, ""), m.name, key=len)
            relabel(m, "EVENT", article)
    for m in found:
        words = m.name.split()
        bare = " ".join(words[canonical.weather_term_length(words):]) if canonical.storm_name(m.name) else m.name
        if bare in storms and "EVENT" in article.labels:
            m.name = storms[bare]  # "Typhoon Mawar" of "Super Typhoon Mawar"; "Mawar" alone
            relabel(m, "EVENT", article)
    return found


_EVENT_RELABELLED = frozenset({PERSON, "ORG", "GPE", "FAC", "PRODUCT", "WORK_OF_ART", "LOC"})


def _after_the(m: Mention, article: Article) -> bool:
    return THE_BEFORE.search(article.texts[m.field], max(0, m.start - 8), m.start) is not None


def named_events(article: Article, found: list[Mention]) -> list[Mention]:
    """A name of two or more words ending in a sporting event's head noun
    (tables.EVENT_HEAD_NOUNS: "the Tarrow Marathon", "the Pellow Grand Prix"; after "the" also
    tables.EVENT_HEADS_AFTER_THE: "the Tarrow Open") or opening with a cup's word
    (tables.EVENT_FIRST_WORDS: "the Copa Tarrow") is an EVENT; ending in a treaty's head noun
    (tables.TREATY_HEADS, capitalised: "the Tarrow Accord") a LAW. The model's own EVENT there is
    made a rule's, so it wins the label vote over the name's other mentions (a headline's ORG)."""
    for m in found:
        words = m.name.split()
        if len(words) < 2 or m.label not in _EVENT_RELABELLED | {"EVENT"} or m.forced:
            continue
        head = words[-1].lower()
        cup = words[0].lower() in tables.EVENT_FIRST_WORDS and words[0][1:].islower() \
            and head not in tables.ORG_DESIGNATORS  # not "COPPA Rule", an acronym
        if head in tables.EVENT_HEAD_NOUNS or cup or head in tables.EVENT_HEADS_AFTER_THE and _after_the(m, article):
            relabel(m, "EVENT", article)
        elif head in tables.TREATY_HEADS and words[-1][:1].isupper() and m.label != "EVENT":
            relabel(m, "LAW", article)
    return found


_SITE_BEFORE = re.compile(rf"{WORD_START}(?:[Tt]he|its|their|[A-Z][\w\-]*['\u2019]s)[ \t]+$")
_SITE_AFTER = re.compile(
    r"[ \t]+(?:[a-z]+[ \t]+)?(" + "|".join(sorted(tables.SITE_GENERICS.keys() - tables.SITE_GENERICS_CAPITALISED))
    + r")(?![\w'\u2019\-])"
)
_SITE_RELABELLED = frozenset({PERSON, "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"})
# Labels only a resource generic (LOC) overrules: an owner's name, or a place that is no GeoNames city.
_OVER_LOC = frozenset({"ORG", "GPE"})


_SITE_PAIR = re.compile(
    rf"{WORD_START}(?:[Tt]he|its|their|[A-Z][\w\-]*['\u2019]s)[ \t]+({LIST_NAME})[ \t]+and[ \t]+({LIST_NAME})"
    r"[ \t]+(?:[a-z]+[ \t]+)?(" + "|".join(sorted(g for g in tables.SITE_GENERICS if g.endswith("s"))) + r")(?![\w'\u2019\-])"
)


def _paired_sites(article: Article) -> dict[str, str]:
    """Name -> label of the two names before a plural site generic ("its Tarrow and Pellow
    mines", "the Vell and Kor fields"): each is a site, as one name before the singular is."""
    return {canonical.normalise(match.group(i)): tables.SITE_GENERICS[match.group(3)]
            for text in article.texts.values() for match in _SITE_PAIR.finditer(text) for i in (1, 2)}


def site_names(article: Article, found: list[Mention]) -> list[Mention]:
    """A name between "the"/"its"/a possessive and a site's lowercase generic, with at most one
    word between (tables.SITE_GENERICS: "the Tarrow gas field", "its Pellow pipeline", "at the
    Vell stadium"), is the site's: LOC or FAC, all its mentions, whatever the model called it (a
    person, a product), also when it tagged it only elsewhere (a headline); an organisation only
    before a resource generic (LOC: "its Tarrow field"; "the Tarrow refinery" may be its owner's).
    Not a known place or region, nor the surname of a person named in full. A name after "the"
    ending in such a generic capitalised is a site too ("the Tarrow Pellow Pipeline": _site_headed),
    and so are two names before a plural generic ("its Tarrow and Pellow mines": _paired_sites)."""
    full = full_persons(found)
    ends = [(text, match.start(), match.group(1)) for text in article.texts.values() for match in _SITE_AFTER.finditer(text)]
    paired = _paired_sites(article) if ends else {}
    sites: dict[str, str] = {}
    for m in found:
        if not ends or m.forced or m.name in sites or (m.label not in _SITE_RELABELLED and m.label not in _OVER_LOC):
            continue
        if m.label == "GPE" and m.name in canonical.CITIES:
            continue  # "the Tarrow gas field" named after its town
        if known_country_or_region(m.name) or canonical.surname_owner(m.name, full):
            continue
        if m.name in paired and (m.label != "ORG" or paired[m.name] == "LOC"):
            sites[m.name] = paired[m.name]
        for text, end, generic in ends:  # every use of the name right before a generic, not only m's
            start = end - len(m.text)
            if start >= 0 and text[start:end] == m.text and _SITE_BEFORE.search(text, max(0, start - 30), start):
                if m.label not in _OVER_LOC or tables.SITE_GENERICS[generic] == "LOC":
                    sites[m.name] = tables.SITE_GENERICS[generic]
    headed = {m.name for m in found if _site_headed(article, m)}  # also its mentions without "the" (a headline)
    for m in found:
        if m.name in sites and not m.forced and (m.label in _SITE_RELABELLED or m.label in _OVER_LOC and sites[m.name] == "LOC"):
            relabel(m, sites[m.name], article)
        elif m.name in headed and not m.forced:
            relabel(m, tables.SITE_GENERICS[m.name.split()[-1].lower()], article)
    return found


def _cue_pattern(cues: dict[str, bool]) -> re.Pattern[str]:
    """A name, or two joined by "and", right after one of `cues` (cue -> whether "the" follows it)."""
    return re.compile(
        WORD_START + "(?:" + "|".join(
            re.escape(cue).replace(r"\ ", r"[ \t]+") + (r"[ \t]+the" if the else "") for cue, the in sorted(cues.items())
        ) + rf")[ \t]+({LIST_NAME})(?:[ \t]+and[ \t]+(?:the[ \t]+)?({LIST_NAME}))?" + WORD_END
    )


_RIVER_CUE = _cue_pattern(tables.RIVER_CUES)
_VOLCANO_CUE = _cue_pattern(tables.VOLCANO_CUES)
_RIVER_RELABELLED = frozenset({PERSON, "NORP", "ORG", "GPE", "PRODUCT", "WORK_OF_ART", "FAC"})


def _cued_locations(article: Article, found: list[Mention], cue: re.Pattern[str]) -> list[Mention]:
    """Names after `cue` (_cue_pattern) are LOC, all their mentions, whatever the model called them;
    not a known country or region nor a mention a rule labelled."""
    names = {canonical.normalise(name) for text in article.texts.values()
             for match in cue.finditer(text) for name in match.groups() if name}
    names = {name for name in names if not known_country_or_region(name)}
    for m in found:
        if m.name in names and not m.forced and m.label in _RIVER_RELABELLED:
            relabel(m, "LOC", article)
    return found


def river_names(article: Article, found: list[Mention]) -> list[Mention]:
    """Names after a river's cue (tables.RIVER_CUES: "dams on the Tarrow and Pellow", "the rivers
    Tarrow and Pellow") are rivers: LOC, all their mentions, whatever the model called them; not a
    known country or region ("dams on the Niger" may share the country's name) nor a mention a rule
    labelled."""
    return _cued_locations(article, found, _RIVER_CUE)


def volcano_names(article: Article, found: list[Mention]) -> list[Mention]:
    """Names after a volcano's cue (tables.VOLCANO_CUES: "the eruption of Tarrow Vell") are
    volcanoes: LOC, all their mentions, as in river_names."""
    return _cued_locations(article, found, _VOLCANO_CUE)


def _site_headed(article: Article, m: Mention) -> bool:
    """`m` is a site's own name, "the" before it, its last word a site generic capitalised ("the
    Tarrow Pellow Pipeline"): no other designator in it, no capitalised word after it."""
    words = m.name.split()
    if m.forced or len(words) < 2 or not words[-1][:1].isupper() or words[-1].lower() not in tables.SITE_GENERICS:
        return False
    text = article.texts[m.field]
    return m.label in _SITE_RELABELLED | {"ORG", "GPE", "FAC", "LOC"} and not NEXT_WORD.match(text, m.end) \
        and not any(w.lower() in tables.ORG_DESIGNATORS for w in words[:-1]) \
        and bool(THE_BEFORE.search(text, max(0, m.start - 8), m.start))


_LAW_WORD = r"[A-Z][\w\-]*"
_LAW_BRACKET_WORD = r"(?:[A-Z][a-z][\w\-]*|No\.?|\d+)"  # not an acronym: "the Tarrow Act (TA)" gives its short form
_LAW_BRACKET = rf"\({_LAW_BRACKET_WORD}(?:[ \t]+(?:{_LAW_BRACKET_WORD}|of|and))*\)"
_LAW_HEAD = "(?:" + "|".join(sorted(w.capitalize() for w in tables.LAW_HEADS)) + ")"
_BRACKETED_LAW = re.compile(  # "the Tarrow (Amendment) Act", "the Tarrow Act (Amendment) 2024"
    rf"{WORD_START}({_LAW_WORD}(?:[ \t]+{_LAW_WORD})*[ \t]+(?:{_LAW_BRACKET}[ \t]+{_LAW_HEAD}"
    rf"|{_LAW_HEAD}[ \t]+{_LAW_BRACKET})(?:,?[ \t]+\d{{4}})?){WORD_END}"
)
_EPONYMOUS_LAW = re.compile(  # "Tarrow's Law", "Pellow’s Principle"
    rf"{WORD_START}((?:{_LAW_WORD}[ \t]+)?{_LAW_WORD}['\u2019]s[ \t]+"
    rf"(?:{'|'.join(sorted(w.capitalize() for w in tables.EPONYMOUS_LAW_HEADS))})){WORD_END}"
)


def law_names(article: Article, found: list[Mention]) -> list[Mention]:
    """A law's name with a bracketed part ("the Tarrow Conservation (Amendment) Bill", "the
    Tarrow Act (Amendment) 2024": tables.LAW_HEADS) and a rule named after its author ("Tarrow's
    Law": tables.EPONYMOUS_LAW_HEADS) are one LAW mention; the model's pieces of them (a
    "person" Tarrow, an organisation "Amendment", a person "Bill") are dropped. A sentence's first
    word is not part of the name ("Under the ..." is cut by the capitalised-word run at "the")."""
    if "LAW" not in article.labels:
        return found
    for field_name, text in article.texts.items():
        for pattern in (_BRACKETED_LAW, _EPONYMOUS_LAW):
            for match in pattern.finditer(text):
                start, end = match.span(1)
                first = text[start:end].split(" ", 1)[0]
                if len(text[start:end].split()) > 2 and sentence_initial(text, start) and (
                        first.lower() in STOP_WORDS or common(first.lower(), article.words)):
                    start += len(first) + 1  # "Under Tarrow's Law": the sentence's first word
                name = text[start:end]
                found = [m for m in found if not (m.field == field_name and m.start < end and start < m.end)]
                found.append(Mention(field_name, start, end, name, "LAW", canonical.normalise(name), forced=True))
    return found


_DISEASE_AFTER = re.compile(r"[ \t]+(?:" + "|".join(sorted(tables.DISEASE_GENERICS)) + r")(?![\w'\u2019\-])")
_DISEASE_LABELS = frozenset({PERSON, "ORG", "GPE", "LOC", "NORP", "FAC"})


def _disease_name(article: Article, m: Mention, full: list[str]) -> bool:
    """`m` is written right before a disease generic somewhere in the article; not a known place
    (country, region, GeoNames city) nor the surname of a person named in full."""
    if m.label not in _DISEASE_LABELS or known_country_or_region(m.name) or m.name in canonical.CITIES \
            or canonical.surname_owner(m.name, full):
        return False
    return any(_DISEASE_AFTER.match(text, end) for text in article.texts.values()
               for end in (match.end() for match in re.finditer(rf"{WORD_START}{re.escape(m.text)}", text)))


def disease_names(article: Article, found: list[Mention]) -> list[Mention]:
    """A name written right before a disease's generic somewhere in the article
    (tables.DISEASE_GENERICS: "Tarrow fever", "the Pellow virus") names the disease, no person,
    place or organisation: all its mentions are dropped, whatever the model called them ("the
    Tarrow ward", "worked on Tarrow"). Not a known country or region, nor a GeoNames city
    ("Tarrowburg virus" may be named after it), nor the surname of a person named in full."""
    full = full_persons(found)
    diseases = {m.name for m in found if _disease_name(article, m, full)}
    return [m for m in found if m.name not in diseases] if diseases else found
