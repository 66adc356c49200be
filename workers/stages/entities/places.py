"""Place passes: datelines, known countries and ISO 3166-2 regions, hyphenated country pairs,
offices of places, toponym generics and named features ("Redgum Flat", "the Pellbrook
reservoir", "the Tarrow Islands"), full forms of place names, nationality adjectives, route
ends, and untagged places after "in"/"near".
"""

from __future__ import annotations

import re

from workers.stages import placenames
from workers.stages.entities import canonical, fixes, roles, tables
from workers.stages.entities.context import Article, lower_in, person_ends_by_field, relabel, replace_by_one
from workers.stages.entities.fixes import PERSON, Mention
from workers.stages.entities.scan import (
    GENERICS,
    NEXT_WORD,
    PERSON_CUE,
    THE_BEFORE,
    common,
    inside_longer_name,
    known_country_or_region,
    locative,
    name_shaped,
    occupied_spans,
    overlaps,
    sentence_initial,
    toponym_shaped,
    whole_word_spans,
)
from workers.stages.entities.wordedge import UPPER, WORD_END, WORD_START


_IN_PLACE = re.compile(
    r"(?<=[a-z])[ \t]+(?:in|near|outside)[ \t]+([A-Z][a-z]{3,}(?:-[a-z]+-[A-Z][a-z]+)?)(?=,[ \t]+where\b|[.;]|[ \t]+on[ \t]+[A-Z][a-z]+day\b)"
)


def untagged_places(body: str, body_doc, found: list[Mention], words: frozenset[str]) -> list[Mention]:
    """A word the model left untagged after "in"/"near" ending a clause ("flooding was in X, where",
    "arrested in X on Sunday"): a place when it is no common English word, title or known name."""
    if not words:
        return []
    taken = occupied_spans(body_doc) + [(m.start, m.end) for m in found if m.field == "body"]
    known = {m.name.casefold() for m in found} | {w.casefold() for m in found for w in m.name.split()}
    added = []
    for match in _IN_PLACE.finditer(body):
        start, end = match.span(1)
        word = match.group(1)
        if overlaps(taken, start, end) or common(word.lower(), words) or canonical.is_title(word) \
                or word.casefold() in known:
            continue
        added.append(Mention("body", start, end, word, "GPE", word))
    return added


def split_place_pairs(found: list[Mention], texts: dict[str, str]) -> list[Mention]:
    """A place span "X and Y" whose two parts each also occur elsewhere in the article is two
    places ("in Kano and Ibadan"); "Trinidad and Tobago", never split up, stays one."""
    out: list[Mention] = []
    for m in found:
        parts = m.text.split(" and ")
        if m.label != "GPE" or len(parts) != 2 or not all(name_shaped(part) for part in parts):
            out.append(m)
            continue
        if not all(
            sum(len(re.findall(WORD_START + re.escape(part) + r"(?![\w\-])", text, re.IGNORECASE))
                for text in texts.values()) >= 2
            for part in parts
        ):
            out.append(m)
            continue
        second = m.start + len(parts[0]) + len(" and ")
        out.append(Mention(m.field, m.start, m.start + len(parts[0]), parts[0], "GPE", canonical.normalise(parts[0])))
        out.append(Mention(m.field, second, m.end, parts[1], "GPE", canonical.normalise(parts[1])))
    return out


def dateline_places(article: Article, found: list[Mention]) -> list[Mention]:
    """The record's dateline names a place ("GENEVA, Switzerland"): mentions of it are places."""
    dateline = (article.record.get("dateline") or "").split(",")[0].strip().casefold()
    if dateline and "GPE" in article.labels:
        for mention in found:
            if mention.name.casefold() == dateline:
                mention.label, mention.forced = "GPE", True
                mention.name = canonical.prettify_caps(mention.name)
    return found


_HYPHEN_PAIR = re.compile(r"(?<![\w.\-])((?:[A-Z][\w.]*[ \t])*[A-Z][\w.]*)-((?:[A-Z][\w.]*)(?:[ \t][A-Z][\w.]*)*)(?![\w\-])")


def _place_of(words: list[str], from_end: bool) -> int:
    """Number of words at the end (or start) of `words` that are a known country or union."""
    for size in range(len(words), 0, -1):
        part = words[-size:] if from_end else words[:size]
        if canonical.known_place(" ".join(part)):
            return size
    return 0


_ORG_WORDS = tables.ORG_DESIGNATORS | tables.ORG_HEAD_NOUNS | fixes.ORG_HEADS


def _organisation_words(words: list[str]) -> bool:
    """Some of `words` (the capitalised words after a hyphenated pair of places) is an
    organisation's designator or head noun ("Railway Co Ltd", "Joint Commission")."""
    return any(w.rstrip(".,").lower() in _ORG_WORDS for w in words)


def hyphen_places(article: Article, found: list[Mention]) -> list[Mention]:
    """"U.S.-China talks", "a Russia-Ukraine corridor": a hyphenated pair of known countries or
    unions is two places, whatever the model made of it (one GPE, a NORP, nothing); not when the
    capitalised words after the pair name an organisation (_organisation_words: "the Tarrow-China
    Railway Co Ltd", one company's name)."""
    if "GPE" not in article.labels:
        return found
    added: list[Mention] = []
    cut: list[tuple[str, int, int]] = []
    for field_name, text in article.texts.items():
        for match in _HYPHEN_PAIR.finditer(text):
            left, right = match.group(1).split(), match.group(2).split()
            n_left, n_right = _place_of(left, True), _place_of(right, False)
            if not n_left or not n_right or _organisation_words(right[n_right:]):
                continue
            left_text, right_text = " ".join(left[-n_left:]), " ".join(right[:n_right])
            left_start = match.end(1) - len(left_text)
            right_start = match.start(2)
            for start, surface in ((left_start, left_text), (right_start, right_text)):
                name = canonical.normalise(surface)
                label = "ORG" if name in tables.UNIONS and "ORG" in article.labels else "GPE"
                added.append(Mention(field_name, start, start + len(surface), surface, label, name, forced=True))
            cut.append((field_name, left_start, right_start + len(right_text)))
    if not added:
        return found
    kept = [m for m in found if not any(f == m.field and m.start < e and s < m.end for f, s, e in cut)]
    return kept + added


_HYPHEN_COUNTRY = re.compile(r"(?<![\w'\u2019.\-])([A-Z][\w]*)-([A-Z][\w]*)(?![\w'\u2019\-])")


def _agency_compound(left: str, right: str, article: Article) -> bool:
    """"<left>-<right>" is one organisation's name: `right` a known country, `left` no place,
    nationality, combining form (tables.COUNTRY_COMBINING_FORMS) or common English word."""
    return canonical.known_place(right) and not known_country_or_region(left) and not canonical.demonym(left) \
        and left.lower() not in tables.COUNTRY_COMBINING_FORMS and left.lower() not in article.words


def hyphen_country_agencies(article: Article, found: list[Mention]) -> list[Mention]:
    """A capitalised word joined by a hyphen to a known country ("Meteo-Tarrowland", a national
    agency the model splits into an organisation and a place) is one organisation (ORG) when no
    capitalised word follows and the model's mentions over it lie inside it (_agency_compound);
    not a pair of places (hyphen_places) nor "Sino-Japan". Shapes: mentions' offsets into
    article.texts."""
    if "ORG" not in article.labels:
        return found
    for field_name, text in article.texts.items():
        for match in _HYPHEN_COUNTRY.finditer(text):
            start, end = match.span()
            over = [m for m in found if m.field == field_name and m.start < end and start < m.end]
            if NEXT_WORD.match(text, end) or not _agency_compound(match.group(1), match.group(2), article) \
                    or any(m.forced or m.start < start or m.end > end for m in over):
                continue
            surface = match.group(0)
            found = [m for m in found if m not in over]
            found.append(Mention(field_name, start, end, surface, "ORG", canonical.normalise(surface), forced=True))
    return found


_AND_PART_BEFORE = re.compile(r"[A-Z][\w'\u2019\-]*(?:[ \t]+[A-Z][\w'\u2019\-]*)?[ \t]+and[ \t]+$")
_AND_PART_AFTER = re.compile(r"[ \t]+and[ \t]+[A-Z][\w'\u2019\-]*(?:[ \t]+[A-Z][\w'\u2019\-]*)?")


def joined_country_names(article: Article, found: list[Mention]) -> list[Mention]:
    """A mention and the one or two capitalised words joined to it by "and" that together are a
    known country or ISO 3166-2 region ("[Trinidad] and Tobago" with "Tobago" ORG or untagged:
    "Trinidad and Tobago", "Antigua and [Barbuda]") are one place, GPE, over any mention of the
    other part; not a rule's mention. Shapes: mentions' offsets into article.texts."""
    if "GPE" not in article.labels:
        return found
    for m in found:
        text = article.texts.get(m.field, "")
        if m.forced or not m.field:
            continue
        before = _AND_PART_BEFORE.search(text, max(0, m.start - 60), m.start)
        after = _AND_PART_AFTER.match(text, m.end)
        spans = [(before.start(), m.end), (text.index(" ", before.start()) + 1, m.end)] if before else []
        spans += [(m.start, after.end()), (m.start, text.rindex(" ", m.end, after.end()))] if after else []
        for start, end in spans:
            others = [o for o in found if o is not m and o.field == m.field and o.start < end and start < o.end]
            if known_country_or_region(canonical.normalise(text[start:end])) \
                    and all(start <= o.start and o.end <= end for o in others):  # not "[Court of X and] Y"
                for other in others:
                    other.field = ""  # taken into the place
                m.respan(text, start, end)
                m.label = "GPE"
                break
    return [m for m in found if m.field]


def world_regions(article: Article, found: list[Mention]) -> list[Mention]:
    """A compass word and a continent (canonical.DIRECTIONS, tables.CONTINENT_NAMES: "West
    Africa", "Central Asia") that the model called a place or an organisation is a world region,
    LOC, also where a rule made it a place (a list "Iran and Central Asia"); not a known country
    or ISO 3166-2 region ("South Africa")."""
    if "LOC" not in article.labels:
        return found
    for m in found:
        words = m.name.lower().split()
        if m.label in ("GPE", "ORG") and len(words) == 2 and words[0] in canonical.DIRECTIONS \
                and words[1] in tables.CONTINENT_NAMES and not known_country_or_region(m.name):
            relabel(m, "LOC", article)
    return found


def countries_are_places(article: Article, found: list[Mention]) -> list[Mention]:
    """A known country ("Ivory Coast" LOC, "Turkey" ORG, "Togo" FAC) is a place: GPE. Unions and
    international organisations of the country table ("European Union") are organisations; a
    country written in capitals ("TOGO" of an ALL-CAPS headline) too."""
    for m in found:
        name = canonical.prettify_caps(m.name) if canonical.is_all_caps(m.name) else m.name
        if name in canonical.COUNTRIES and m.label in ("LOC", "ORG", "NORP", PERSON, "FAC") and not m.forced:
            label = "ORG" if name in tables.UNIONS else "GPE"
            if label in article.labels:
                m.label = label
    return found


# The model's labels a capital city is relabelled from (an organisation stays one: "Beijing said").
_CAPITAL_RELABELLED = frozenset({PERSON, "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"})
_WORD = re.compile(r"\w+")


def _by_first_word(names) -> dict[str, tuple[str, ...]]:
    """Place names keyed by the first run of word characters of each ("Kuala" -> ("Kuala Lumpur",)): a
    name written as a whole word in a text has that run among the text's words."""
    keyed: dict[str, list[str]] = {}
    for name in names:
        first = _WORD.match(name)
        keyed.setdefault(first.group() if first else "", []).append(name)
    return {first: tuple(found) for first, found in keyed.items()}


_CAPITALS_BY_FIRST_WORD = _by_first_word(canonical.CAPITALS)


def _capitals_written(texts) -> set[str]:
    """The capitals some text may hold as a whole word: one word scan per text and a lookup, instead
    of a substring search per capital per article (several hundred names)."""
    words = {word for text in texts for word in _WORD.findall(text)}
    found = {name for word in words for name in _CAPITALS_BY_FIRST_WORD.get(word, ())}
    found.update(name for name in _CAPITALS_BY_FIRST_WORD.get("", ()) if any(name in text for text in texts))
    return {name for name in found if any(name in text for text in texts)}
_WORD_BEFORE = re.compile(r"([\w'.\-]+)[ \t]+$")


def _capital_as_person(name: str, found: list[Mention], texts: dict[str, str]) -> bool:
    """The article writes capital `name` as a person's name: a word of a longer person
    ("Sofia Lind"), after a title ("Mr Lima") or before a person's apposition ("Lima, who")."""
    pattern = re.compile(rf"(?<![\w\-]){re.escape(name)}(?![\w\-])")
    if any(m.label == PERSON and m.name != name and pattern.search(m.name) for m in found):
        return True
    for text in texts.values():
        for start, end in whole_word_spans(text, name):
            before = _WORD_BEFORE.search(text, max(0, start - 30), start)
            if (before and canonical.is_title(before.group(1))) or PERSON_CUE.match(text, end):
                return True
    return False


def capital_cities(article: Article, found: list[Mention]) -> list[Mention]:
    """A country's capital city (canonical.CAPITALS, from countryinfo: "Ottawa", "Kuala Lumpur")
    that the model called a person, nationality, feature, building, product or work is a place
    (GPE), and so is one it left untagged or called a language ("In Canberra, the bank ...") where
    no capitalised word goes on the name and no sentence opens with it ("Male voters"); not
    where the article writes it as a person's name (_capital_as_person). Organisations stay
    ("Beijing said": the government). A capital of several words the model split into places
    ("Port" and "Spain" of "Port of Spain") is one place."""
    if "GPE" not in article.labels:
        return found
    names = {m.name for m in found if m.name in canonical.CAPITALS}
    names.update(_capitals_written(article.texts.values()))
    for name in sorted(names):
        if _capital_as_person(name, found, article.texts):
            continue
        _relabel_as_place(found, name)
        for field, text, start, end, over, joined in _place_spans(found, article, name):
            if joined is not None:
                found = joined
            elif not (over or inside_longer_name(text, start, end) or sentence_initial(text, start)):
                found.append(Mention(field, start, end, name, "GPE", name, forced=True))
    return found


def _relabel_as_place(found: list[Mention], name: str) -> None:
    """The model's mentions of `name` under a label a place is relabelled from (_CAPITAL_RELABELLED) become
    GPE, forced (in place)."""
    for m in found:
        if m.name == name and m.label in _CAPITAL_RELABELLED and not m.forced:
            m.label, m.forced = "GPE", True


def _place_spans(found: list[Mention], article: Article, name: str):
    """Each whole-word occurrence of the place `name`: (field, text, start, end, the mentions over it, and the
    mention list with those pieces joined into one GPE when the model split the name (`_split_place`), else
    None). The list yielded is the one to go on with; the caller keeps it."""
    for field, text in article.texts.items():
        for start, end in whole_word_spans(text, name):
            over = [m for m in found if m.field == field and m.start < end and start < m.end]
            joined = None
            if over and _split_place(over, name, start, end) and not inside_longer_name(text, start, end):
                found = joined = replace_by_one(found, over, field, start, end, text[start:end], "GPE", name)
            yield field, text, start, end, over, joined


_SPLIT_PLACE_PIECES = frozenset({"GPE", "LOC", "NORP", PERSON, "FAC"})


def _split_place(pieces: list[Mention], name: str, start: int, end: int) -> bool:
    """The model's mentions over a place name of two or more words lie inside it and one is a place:
    the name split in pieces ("Port" and "Spain" of "Port of Spain")."""
    return len(name.split()) >= 2 and any(m.label in ("GPE", "LOC") for m in pieces) and all(
        start <= m.start and m.end <= end and m.label in _SPLIT_PLACE_PIECES for m in pieces
    )


_CITIES_BY_FIRST_WORD = _by_first_word(canonical.CITIES)


def _common_city_name(name: str, article: Article) -> bool:
    """A city's name that is no evidence of a place: a common English word or one the article writes
    in lower case ("Nice", "Reading", "Split"; every word of a longer name: "Long Beach"), shorter than
    three letters, or a country."""
    words = [w.lower() for w in name.split()]
    if len(name) < 3 or name in canonical.COUNTRIES:
        return True
    return all(common(w, article.words) or article.body_doc.vocab[w].is_stop or lower_in(w, article) for w in words)


_NAME_WORD_BEFORE = re.compile(r"(?<![\w'\u2019\-])([A-Z][a-z]+)[ \t]+$")


def _after_given_name(name: str, article: Article) -> bool:
    """Some mention of `name` comes right after a capitalised word that is no title, stop word, place
    preposition or word the article writes in lower case ("Ana Tarrowpur", also opening a sentence,
    where the model may leave the given name out; not "In Tarrowpur", "Near Tarrowpur")."""
    for text in article.texts.values():
        for start, _ in whole_word_spans(text, name):
            before = _NAME_WORD_BEFORE.search(text, max(0, start - 30), start)
            word = before.group(1) if before else ""
            if word and not canonical.is_title(word) and not article.body_doc.vocab[word.lower()].is_stop \
                    and word.lower() not in tables.PLACE_LIST_PREPOSITIONS and not lower_in(word, article):
                return True
    return False


_FEATURE_WORDS = frozenset(word for word, _ in placenames.TOPONYM_GENERICS) | frozenset(tables.SITE_GENERICS) \
    | tables.FEATURE_LIST_TERMS
# "<name> river", "<name> and Pellow mines"
_FEATURE_AFTER = re.compile(r"(?:[ \t]+and[ \t]+[A-Z][\w\-]*)?[ \t]+(?:" + "|".join(sorted(_FEATURE_WORDS)) + r")" + WORD_END)


def _feature_named(name: str, article: Article) -> bool:
    """Some mention of `name` comes right before a lowercase generic of a feature or site
    (placenames.TOPONYM_GENERICS, tables.SITE_GENERICS: "the Tarrowpur river", "the Tarrowpur and
    Pellow mines"): a river, mine or dam named like the town, or named after it."""
    return any(_FEATURE_AFTER.match(text, end) for text in article.texts.values() for _, end in whole_word_spans(text, name))


def _city_actionable(name: str, article: Article, found: list[Mention]) -> bool:
    """gazetteer_cities would change something for `name`: a mention of it under a label it
    relabels, or a place of several words split by the model, or an untagged mention after a
    place preposition."""
    if any(m.name == name and m.label in _CAPITAL_RELABELLED and not m.forced for m in found):
        return True
    for field, text in article.texts.items():
        for start, end in whole_word_spans(text, name):
            over = [m for m in found if m.field == field and m.start < end and start < m.end]
            if _split_place(over, name, start, end) if over else locative(text, start):
                return True
    return False


def gazetteer_cities(article: Article, found: list[Mention]) -> list[Mention]:
    """A city of the GeoNames gazetteer (canonical.CITIES, 15,000 people or more) that the model
    called a person, nationality, feature, building, product or work is a place (GPE) when it has
    tables.CITY_POPULATION_WITHOUT_CUE people or a place preposition before some mention, and so is one
    it split into places ("Novi" and "Sad") or left untagged after a place preposition ("in X", "to
    Y and X": scan.locative); not a common word (_common_city_name) nor one the article writes as a
    person's name (_capital_as_person) or after another capitalised word, nor one naming a river or
    a mine (_feature_named). Organisations stay."""
    if "GPE" not in article.labels or article.body_doc is None:
        return found
    words = {word for text in article.texts.values() for word in _WORD.findall(text)}
    names = {name for word in words for name in _CITIES_BY_FIRST_WORD.get(word, ())}
    for name in sorted(n for n in names if any(n in text for text in article.texts.values())):
        if not _city_actionable(name, article, found):
            continue  # nothing to relabel, join or add: the guards below are not needed (speed)
        if _common_city_name(name, article) or _capital_as_person(name, found, article.texts) or _after_given_name(
            name, article
        ) or _feature_named(name, article):
            continue
        if canonical.CITIES[name] >= tables.CITY_POPULATION_WITHOUT_CUE or any(
            locative(text, start) for text in article.texts.values() for start, _ in whole_word_spans(text, name)
        ):
            _relabel_as_place(found, name)
        for field, text, start, end, over, joined in _place_spans(found, article, name):
            if joined is not None:
                found = joined
            elif not over and not inside_longer_name(text, start, end) and locative(text, start):
                found.append(Mention(field, start, end, name, "GPE", name, forced=True))
    return found


_ADMIN_NOUN_AFTER = re.compile(r"[ \t]+(?:" + "|".join(sorted(tables.ADMIN_DIVISION_NOUNS)) + r")" + WORD_END)
_ADMIN_RELABELLED = frozenset({PERSON, "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"})
_ADMIN_PREFIXED = re.compile(
    r"(?:" + "|".join(sorted(tables.ADMIN_DIVISION_PREFIXES)) + r")[ \t]+[A-Z][\w'\u2019\-]*(?:[ \t][A-Z][\w'\u2019\-]*)?"
)


_NOUN_AFTER_DIVISION = re.compile(r"[ \t]+\w+[ \t]+([a-z]+)")


def _uncommon_org(m: Mention, article: Article) -> bool:
    """`m` is an organisation of one or two capitalised words, none common English (the model's
    lexicon) nor an organisation designator (tables.ORG_DESIGNATORS), and no common noun follows
    the division noun after it: a made-up or local name ("the Eastvale district has"), not
    "Federal Reserve", "Tarrow Council" or the body of "Tarrow province officials"."""
    words = m.name.split()
    after = _NOUN_AFTER_DIVISION.match(article.texts[m.field], m.end)
    return m.label == "ORG" and len(words) <= 2 and name_shaped(m.name) and not any(
        w.lower() in tables.ORG_DESIGNATORS or common(w.lower(), article.words) for w in words
    ) and not (after and after.group(1) in article.nouns)


def admin_division_names(article: Article, found: list[Mention]) -> list[Mention]:
    """A name right before a lowercase administrative division noun (tables.ADMIN_DIVISION_NOUNS:
    "in Tarrow province", "the Vell prefecture") that the model called a person, nationality,
    feature, building, product or work is a place: GPE, and so is an organisation of one or two
    uncommon words, none a designator ("the Eastvale district": _uncommon_org); other organisations
    keep their label ("the Federal Reserve district"); a name with a division noun written before
    it (tables.ADMIN_DIVISION_PREFIXES: "County Tarrow") is a place whatever the model said."""
    if "GPE" not in article.labels:
        return found
    for m in found:
        if m.forced:
            continue
        prefixed = _ADMIN_PREFIXED.fullmatch(m.text) and not any(canonical.is_title(w) for w in m.text.split()[1:])
        if prefixed or (m.label in _ADMIN_RELABELLED or _uncommon_org(m, article)) and _ADMIN_NOUN_AFTER.match(
                article.texts[m.field], m.end):
            m.label, m.forced = "GPE", True  # forced: "County" is no role before a person's name here
    return found


def _country_form(m: Mention) -> str:
    """The form `m` writes its country in, as the country table writes forms ("CONGO" -> "Congo")."""
    text = canonical.straight_apostrophes(" ".join(m.text.split()))
    return canonical.prettify_caps(text) if canonical.is_all_caps(text) else text


def shared_short_forms(article: Article, found: list[Mention]) -> list[Mention]:
    """A short form inside two countries' names ("Congo": the ISO list gives it to the Republic of
    the Congo, and the Democratic Republic of the Congo's name holds it too) names the one the
    article writes in full: "Congo" beside "Democratic Republic of Congo" is the DRC. The ISO
    default stays when the article names it in full too, or names no other such country."""
    countries = [m for m in found if m.name in canonical.COUNTRIES]
    short = [m for m in countries if _country_form(m) != m.name
             and re.search(rf"(?<!\w){re.escape(_country_form(m))}(?!\w)", m.name)]
    full = {m.name for m in countries if m not in short}
    for m in short:
        form = re.compile(rf"(?<!\w){re.escape(_country_form(m))}(?!\w)")
        others = [name for name in full if name != m.name and form.search(name)]
        if len(others) == 1 and m.name not in full:
            m.name = others[0]
    return found


_REGION_RELABELLED = frozenset({PERSON, "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"})
_PREPOSITION_BEFORE = re.compile(rf"{WORD_START}([a-z]+)[ \t]+$")


def _after_place_preposition(text: str, start: int) -> bool:
    """The word right before `start` is a tables.PLACE_LIST_PREPOSITIONS row ("around X")."""
    match = _PREPOSITION_BEFORE.search(text, max(0, start - 20), start)
    return bool(match) and match.group(1) in tables.PLACE_LIST_PREPOSITIONS


def regions_are_places(article: Article, found: list[Mention]) -> list[Mention]:
    """A first-level subdivision of a country (ISO 3166-2, canonical.known_region: "Minas
    Gerais", "Western Australia") that the model called a nationality, a feature, a building, a
    product or work or, with two or more words, a person is a place: GPE. One word only after
    "in"/"near"/... (locative: "farmers in Bihar"; not "Somali pirates", "Western allies") or
    a tables.PLACE_LIST_PREPOSITIONS row ("rain around Tarrow") and not a "person"
    ("Victoria", "Angus" are given names too); no saint's name ("Saint Thomas"), no name with a
    word of tables.WORLD_REGION_WORDS ("West Coast"); organisations keep their label ("Kent")."""
    if "GPE" not in article.labels:
        return found
    for m in found:
        if m.forced or m.label not in _REGION_RELABELLED or not canonical.known_region(m.name):
            continue
        words = m.name.split()
        if any(w.lower() in tables.WORLD_REGION_WORDS for w in words):
            continue  # "the West Coast": a region of a country, named after a feature
        text = article.texts[m.field]
        if roles.is_saint(words[0]) or (len(words) == 1 and (m.label == PERSON or not (
                locative(text, m.start) or _after_place_preposition(text, m.start)))):
            continue
        m.label, m.forced = "GPE", True
    return found


_PLACE_OFFICE = re.compile(
    r"\b(?:" + "|".join(sorted(tables.PLACE_OFFICES, key=len, reverse=True)) + r")[ \t]+of[ \t]+$", re.IGNORECASE
)


def places_of_offices(article: Article, found: list[Mention]) -> list[Mention]:
    """"mayor of Alder Bay", "governor of Ohio": the name after an office of a place
    (tables.PLACE_OFFICES) is a place, whatever the model said (FAC, LOC, ORG, PERSON)."""
    for m in found:
        if m.forced or m.label == "GPE":
            continue
        if _PLACE_OFFICE.search(article.texts[m.field], max(0, m.start - 40), m.start):
            m.label, m.forced = "GPE", True
    return found


_PERSON_FREE = frozenset(word for word, persons in tables.LOCATIVE_PREPOSITIONS if persons)
_PLACE_BEFORE = re.compile(
    rf"{WORD_START}(?i:(" + "|".join(word for word, _ in tables.LOCATIVE_PREPOSITIONS) + r"))[ \t]+(?:the[ \t]+)?$"
)
_NOT_PLACE_LABELS = frozenset({"ORG", "NORP", "FAC"})  # and PERSON after a person-free preposition


def generic_places(article: Article, found: list[Mention]) -> list[Mention]:
    """"the last mine in Redgum Flat closed": a name ending in a toponymic generic term after a
    preposition of place (tables.LOCATIVE_PREPOSITIONS, "the" allowed between) or after "of"
    right behind a person ("Mayor Ana Ruiz of Larch Hollow") is a place, GPE, when the model
    called it an organisation, a nationality, a facility or (after "in", "near", "outside",
    "of") a person. A possessive ("in Harrison Ford's film") is left alone."""
    person_ends = person_ends_by_field(found)
    for m in found:
        if m.forced or (m.label not in _NOT_PLACE_LABELS and m.label != PERSON) or not toponym_shaped(m.text):
            continue
        text = article.texts[m.field]
        before = _place_word_before(text, m.start, person_ends.get(m.field, set()))
        if before is None or text[m.end : m.end + 1] in ("'", "\u2019"):
            continue
        if m.label == PERSON and before not in _PERSON_FREE:
            continue
        m.label, m.forced = "GPE", True
    return found


def _place_word_before(text: str, start: int, person_ends: set[int]) -> str | None:
    """The preposition of place (lowercase) right before `start` ("the" allowed between), or
    "in" for an "of" right behind a person ("Mayor Ana Ruiz of ..."); else None."""
    before = _PLACE_BEFORE.search(text, max(0, start - 24), start)
    if before is not None:
        return before.group(1).lower()
    of = _OF_BEFORE.search(text, max(0, start - 8), start)
    return "in" if of is not None and of.start() in person_ends else None


_TOPONYM_SPAN = re.compile(
    rf"{WORD_START}((?:[A-Z][a-z][\w\-]*[ \t]+){{1,3}}(?i:" + "|".join(sorted(GENERICS, key=len, reverse=True))
    + r"))(?![\w\-'\u2019])(?![ \t]+[A-Z])"
)
_OF_BEFORE = re.compile(r"[ \t]+of[ \t]+$")


def untagged_toponyms(article: Article, found: list[Mention]) -> list[Mention]:
    """Names the model left untagged that read as a place's (toponym_shaped: "Larch Hollow") are
    places, GPE, after a preposition of place (tables.LOCATIVE_PREPOSITIONS: "near Redgum Flat")
    or after "of" right behind a person ("Mayor Ana Ruiz of Larch Hollow"). A name followed by
    another capitalised word ("Bear Creek Elementary") is part of a longer name, left alone."""
    text = article.body
    taken = occupied_spans(article.body_doc) + [(m.start, m.end) for m in found if m.field == "body"]
    person_ends = person_ends_by_field(found).get("body", set())
    added = []
    for match in _TOPONYM_SPAN.finditer(text):
        start, end = match.span(1)
        name = match.group(1)
        if overlaps(taken, start, end) or not toponym_shaped(name) or canonical.is_title(name.split()[0]):
            continue
        if _place_word_before(text, start, person_ends) is None:
            continue
        added.append(Mention("body", start, end, name, "GPE", canonical.normalise(name), forced=True))
    return found + added


# a crossing or a junction is named after the place it is at ("the Rafah crossing"): its name
# stays what the model said; populated-place generics name towns, not features
_FEATURE_CLASS = {g: c for g, c in placenames.TOPONYM_GENERICS if c not in ("Crossing", "Populated Place")}
_GENERIC_AFTER = re.compile(rf"[ \t]+([a-z]+){WORD_END}")

_FEATURE_NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART"})
# Water features: a place's name before one of these ("the Tarrow river") is the feature's when the
# article never writes the name without a generic after it (a town stays a town: "Tarrow ... the
# Tarrow river").
_WATER_CLASSES = frozenset({"Stream", "Reservoir", "Lake", "Canal", "Glacier"})


def _only_before_generics(name: str, article: Article) -> bool:
    """Every use of `name` in the article's texts is followed by a placenames.TOPONYM_GENERICS row."""
    for text in article.texts.values():
        for span in whole_word_spans(text, name):
            after = _GENERIC_AFTER.match(text, span[1])
            if after is None or after.group(1) not in _FEATURE_CLASS:
                return False
    return True


def named_features(article: Article, found: list[Mention]) -> list[Mention]:
    """"the Pellbrook reservoir", "the Colorado river": a name written between "the" and a
    lowercase generic term of placenames.TOPONYM_GENERICS names that natural or water feature,
    whatever the model called it (a person, an organisation, a nationality, a product): LOC; a
    place before a water generic too, when the article writes the name only before generics
    (_WATER_CLASSES, _only_before_generics). Rows of the GNIS classes "Crossing" and "Populated
    Place" are left out (see _FEATURE_CLASS)."""
    for m in found:
        if m.forced or m.label not in _FEATURE_NAME_LABELS | {"GPE"}:
            continue
        text = article.texts[m.field]
        after = _GENERIC_AFTER.match(text, m.end)
        if after is None or after.group(1) not in _FEATURE_CLASS:
            continue
        if m.label == "GPE" and (_FEATURE_CLASS[after.group(1)] not in _WATER_CLASSES
                                 or not _only_before_generics(m.text, article)):
            continue
        if THE_BEFORE.search(text, max(0, m.start - 8), m.start) is None:
            continue
        if "LOC" in article.labels:
            m.label, m.forced = "LOC", True
    return found


_FEATURE_GROUP_RELABELLED = frozenset({PERSON, "ORG", "FAC", "PRODUCT", "WORK_OF_ART", "NORP", "EVENT"})


def feature_groups(article: Article, found: list[Mention]) -> list[Mention]:
    """"the <Name> Keys/Islands/Mountains/..." (placenames.FEATURE_GROUP_GENERICS) the model called a
    person, an organisation or a building is a LOC: an island chain or a range. Not a country or
    territory ("the Cayman Islands"), nor a name with an organisation's designator or followed by
    a capitalised word ("the Tarrow Islands Council")."""
    for m in found:
        words = m.name.split()
        if m.forced or m.label not in _FEATURE_GROUP_RELABELLED or len(words) < 2 \
                or words[-1].lower() not in placenames.FEATURE_GROUP_GENERICS or canonical.known_place(m.name):
            continue
        text = article.texts[m.field]
        if any(w.lower() in tables.ORG_DESIGNATORS for w in words) or NEXT_WORD.match(text, m.end):
            continue
        if THE_BEFORE.search(text, max(0, m.start - 8), m.start):
            relabel(m, "LOC", article)
    return found


_ROUTE_END = rf"[{UPPER}][\w'\u2019\-]*(?:[ \t]+[{UPPER}][\w'\u2019\-]*){{0,2}}"  # "Águeda" too
_ROUTES = tuple(
    (re.compile(rf"{WORD_START}{opening}[ \t]+$"), re.compile(rf"({_ROUTE_END})[ \t]+{joining}[ \t]+({_ROUTE_END})"))
    for opening, joining in tables.ROUTE_WORDS
)


def route_ends(article: Article, found: list[Mention]) -> list[Mention]:
    """One span the model made of a route's two ends after its opening (tables.ROUTE_WORDS: "from
    Tarrow to Pellow Bay") is two mentions: places (GPE) when either end is a known country, ISO
    3166-2 region, capital or GeoNames city (canonical.CITIES) or a place of the article, else each
    with the model's label."""
    places = {m.name for m in found if m.label in ("GPE", "LOC")}
    out: list[Mention] = []
    for m in found:
        text = article.texts[m.field]
        route = next((r for before, r in _ROUTES if r.fullmatch(m.text)
                      and before.search(text, max(0, m.start - 10), m.start)), None)
        if m.forced or route is None:
            out.append(m)
            continue
        ends = route.fullmatch(m.text)
        names = [canonical.normalise(ends.group(i)) for i in (1, 2)]
        place = any(known_country_or_region(n) or n in places or n in canonical.CITIES or n in canonical.CAPITALS
                    for n in names)
        for i, name in zip((1, 2), names):
            start, end = m.start + ends.start(i), m.start + ends.end(i)
            out.append(Mention(m.field, start, end, text[start:end], "GPE" if place else m.label, name, forced=place))
    return out


def demonym_words(article: Article, found: list[Mention]) -> list[Mention]:
    """A country's nationality adjective (canonical.demonym: "Ugandan", "Dutch") the model called
    an organisation or a place is a nationality (NORP); one opening a person's name of two more
    words ("Kenyan Ana Lind") is cut off it."""
    for m in found:
        words = m.text.split()
        if m.forced or not canonical.demonym(words[0]):
            continue
        if len(words) == 1 and m.label in ("ORG", "GPE", "LOC"):
            relabel(m, "NORP", article)
        elif m.label == PERSON and len(words) >= 3 and all(w[:1].isupper() for w in words[1:]):
            start = article.texts[m.field].index(words[1], m.start + len(words[0]))
            m.respan(article.texts[m.field], start=start)
    return found


_FULL_FORMS = {variant: full for full, variants in tables.PLACE_FULL_FORMS.items() for variant in variants}
_FULL_FORM = re.compile(
    rf"{WORD_START}(" + "|".join(re.escape(v) for v in sorted(_FULL_FORMS, key=len, reverse=True)) + r")(?![\w\-])"
)


def full_form_places(article: Article, found: list[Mention]) -> list[Mention]:
    """A place written as a name and a part after a comma that are one place
    (tables.PLACE_FULL_FORMS: "Washington, D.C.") is one GPE mention under its full form, not
    the two the model makes of it; a dateline's "WASHINGTON" alone stays "Washington"."""
    if "GPE" not in article.labels:
        return found
    for field_name, text in article.texts.items():
        for match in _FULL_FORM.finditer(text):
            start, end = match.span(1)
            over = [m for m in found if m.field == field_name and m.start < end and start < m.end]
            if any(m.start < start or m.end > end or m.label not in ("GPE", "LOC", "ORG") for m in over):
                continue
            found = replace_by_one(found, over, field_name, start, end, match.group(1), "GPE", _FULL_FORMS[match.group(1)])
    return found
