"""Pairwise story evidence: entity keys and weights, content-word items, and the shares of people,
places and other entities two articles have in common (pure functions over plain data).

The tables (label weights, name prefixes/suffixes, news agencies) are the rules' data, in one place.
"""

from __future__ import annotations

import functools
import math
import re
from datetime import datetime, timezone
from math import fsum

from workers.stages import similarity

LABEL_WEIGHTS = {"PERSON": 3.0, "ORG": 2.0, "EVENT": 2.0, "GPE": 1.0, "LOC": 1.0, "NORP": 1.0, "FAC": 1.0}
LABEL_ALIASES = {"PER": "PERSON", "ORGANIZATION": "ORG", "LOCATION": "LOC"}
NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
NAME_PREFIXES = {"the", "mr", "mrs", "ms", "dr"}
# News agencies credited in datelines ("LIMA (Reuters) -"): every wire report shares them.
NEWS_AGENCIES = frozenset({
    "reuters", "ap", "associated press", "afp", "agence france presse", "bloomberg", "bloomberg news",
    "upi", "united press international", "dpa", "xinhua", "kyodo", "kyodo news", "yonhap", "efe",
    "ansa", "anadolu", "tass",
})


# Figures: the counts and amounts a report gives ("at least 14 dead", "$4 billion", "18,000 evacuated").
MIN_FIGURE = 10  # smaller counts ("two workers", "five years") are too common to tell events apart
YEARS = (1900, 2100)  # a bare integer in this range is a year, not a figure
NUMBER_WORDS = {
    "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}
SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}
MONTHS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
})
# a number (thousands separated by commas, optional decimals) not inside a word, time or date, and the
# word after it (a scale such as "million"); the word before it is checked for a month name
_FIGURE = re.compile(r"(?<![\w.,:/-])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w:/]|[.,]\d)(?:[ -]([A-Za-z]+))?")


def figures(text: str) -> frozenset[float]:
    """The figures of a text: numbers >= MIN_FIGURE written in digits ("18,000", "2.4 billion" ->
    2.4e9, scaled by SCALE_WORDS) or as NUMBER_WORDS, without bare years (YEARS), days after a month
    name ("July 28") and clock times; values only (a unit is not compared)."""
    found: set[float] = set()
    for match in _FIGURE.finditer(text):
        digits, after = match.group(1), (match.group(2) or "").lower()
        value = float(digits.replace(",", "")) * SCALE_WORDS.get(after, 1.0)
        before = text[max(0, match.start() - 12):match.start()].split()
        if before and before[-1].lower().strip(".") in MONTHS:
            continue
        if after not in SCALE_WORDS and "," not in digits and "." not in digits and YEARS[0] <= value <= YEARS[1]:
            continue
        if value >= MIN_FIGURE:
            found.add(round(value, 6))
    for word in similarity.words(text):
        if word in NUMBER_WORDS:
            found.add(float(NUMBER_WORDS[word]))
    return frozenset(found)


def parse_time(value) -> float | None:
    """ISO 8601 date or date-time -> epoch seconds (naive means UTC); None when unparseable."""
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.timestamp()


def entity_key(name: str, label: str) -> str | None:
    """The key two articles share when they name the same party: "P:<surname>" for a person (titles
    and suffixes such as "Jr" dropped), "<LABEL>:<words>" otherwise (label aliases folded); None for a
    news agency named as an organisation (the wire service, not a party) or a name with no words."""
    label = LABEL_ALIASES.get(label.upper(), label.upper())
    tokens = similarity.words(name)
    if label != "PERSON" and " ".join(tokens) in NEWS_AGENCIES:
        return None  # the wire service of a report, not a party to the event
    while tokens and tokens[0] in NAME_PREFIXES:
        tokens = tokens[1:]
    if label == "PERSON":
        while len(tokens) > 1 and tokens[-1] in NAME_SUFFIXES:
            tokens = tokens[:-1]
        return f"P:{tokens[-1]}" if tokens else None
    return f"{label}:{' '.join(tokens)}" if tokens else None


def entity_weights(entities: list[dict]) -> dict[str, float]:
    """{entity_key: weight} of a record's entities: the label's weight (LABEL_WEIGHTS, 1.0 otherwise)
    times the salience (at least 0.1), the largest where two entities share a key; 4 decimals."""
    weights: dict[str, float] = {}
    for entity in entities:
        key = entity_key(entity.get("name") or "", entity.get("label") or "")
        if key is None:
            continue
        label = "PERSON" if key.startswith("P:") else key.split(":", 1)[0]
        salience = float(entity.get("salience") or 0.0)
        weight = LABEL_WEIGHTS.get(label, 1.0) * max(salience, 0.1)
        weights[key] = round(max(weights.get(key, 0.0), weight), 4)
    return weights


def content_words(text: str):
    """(word, crude stem) of each content word of a text, in order: `similarity.words` longer than two
    letters, not stopwords or digits. The one filter of `text_items` and `term_counts`."""
    for w in similarity.words(text):
        if len(w) > 2 and w not in similarity.STOPWORDS and not w.isdigit():
            yield w, similarity.stem(w)


def text_items(text: str, drop: frozenset[str] = frozenset()) -> set[str]:
    """Content-word unigrams and bigrams (crudely stemmed). Words in `drop` (compared raw and
    stemmed) are left out and break bigrams, so no item spans them."""
    runs: list[list[str]] = [[]]
    for w, stemmed in content_words(text):
        if drop and (w in drop or stemmed in drop):
            if runs[-1]:
                runs.append([])
            continue
        runs[-1].append(stemmed)
    items: set[str] = set()
    for tokens in runs:
        items.update(tokens)
        items.update(f"{a} {b}" for a, b in zip(tokens, tokens[1:]))
    return items


def person_words(entities: list[dict]) -> frozenset[str]:
    """Words of the article's PERSON names and mention texts (and their stems and possessives),
    left out of the text items: who is named is measured by `person_share`, so the text test
    measures what happened (two events with the same people share every name)."""
    found: set[str] = set()
    for entity in entities:
        label = (entity.get("label") or "").upper()
        if LABEL_ALIASES.get(label, label) != "PERSON":
            continue
        texts = [entity.get("name") or ""] + [m.get("text") or "" for m in entity.get("mentions") or ()]
        for text in texts:
            for w in similarity.words(text):
                if len(w) > 2 and w not in similarity.STOPWORDS and w not in NAME_PREFIXES:
                    found.update((w, similarity.stem(w), w + "s"))
    return frozenset(found)


def _persons(weights: dict[str, float]) -> dict[str, float]:
    return {k: w for k, w in weights.items() if k.startswith("P:")}


def person_shares(a: dict[str, float], b: dict[str, float]) -> tuple[float, float] | None:
    """(share of a's PERSON weight that b also names, the same for b); None when either names no person."""
    pa, pb = _persons(a), _persons(b)
    if not pa or not pb:
        return None
    shared = pa.keys() & pb.keys()
    return fsum(pa[k] for k in shared) / fsum(pa.values()), fsum(pb[k] for k in shared) / fsum(pb.values())


def person_share(a: dict[str, float], b: dict[str, float]) -> float | None:
    """Max over the two articles of the share of its PERSON weight the other also names."""
    shares = person_shares(a, b)
    return None if shares is None else max(shares)


def entity_overlap(a: dict[str, float], b: dict[str, float]) -> float:
    """Weighted overlap coefficient of the non-person entities."""
    oa = {k: w for k, w in a.items() if not k.startswith("P:")}
    ob = {k: w for k, w in b.items() if not k.startswith("P:")}
    if not oa or not ob:
        return 0.0
    shared = fsum(min(oa[k], ob[k]) for k in oa.keys() & ob.keys())
    return shared / min(fsum(oa.values()), fsum(ob.values()))


PLACE_LABELS = ("GPE:", "LOC:", "FAC:")


def place_share(a: dict[str, float], b: dict[str, float]) -> float | None:
    """Min over the two articles of the share of its place (GPE/LOC/FAC) weight the other also
    names; None when either names no place. Without people, an event is what happened where: a
    second incident elsewhere that mentions the first in passing names mostly other places."""
    pa = {k: w for k, w in a.items() if k.startswith(PLACE_LABELS)}
    pb = {k: w for k, w in b.items() if k.startswith(PLACE_LABELS)}
    if not pa or not pb:
        return None
    shared = pa.keys() & pb.keys()
    return min(fsum(pa[k] for k in shared) / fsum(pa.values()), fsum(pb[k] for k in shared) / fsum(pb.values()))


# -- the same place and the same happening ------------------------------------------------------

# Places every report from a country names, whatever happened: countries and capitals (as the entities
# stage knows them: pycountry, countryinfo), the top-level subdivisions of ISO 3166-2 (pycountry
# subdivisions without a parent: states, regions, "Ohio", "Bayern"; not the districts under them, which
# often bear a town's name), world regions ("Europe") and the US state abbreviations of wire datelines
# ("ASHVALE, Tenn. (AP) -"). A small town, a facility or a named storm that two reports share is evidence
# of one event; these are not.
# The abbreviations are the AP Stylebook's ("state names" entry: the eight states not abbreviated,
# Alaska, Hawaii, Idaho, Iowa, Maine, Ohio, Texas and Utah, are full names and come from ISO 3166-2).
DATELINE_STATE_ABBREVIATIONS = tuple(
    "Ala. Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ga. Ill. Ind. Kan. Ky. La. Md. Mass. Mich. Minn. Miss. "
    "Mo. Mont. Neb. Nev. N.H. N.J. N.M. N.Y. N.C. N.D. Okla. Ore. Pa. R.I. S.C. S.D. Tenn. Vt. Va. Wash. "
    "W.Va. Wis. Wyo.".split()
)
# Labels of what can be specific: places and named events. Not organisations: an alliance, a ministry or
# a geological survey turn up in reports of different events alike (a company or vessel is often
# labelled ORG too).
SPECIFIC_LABELS = frozenset({"GPE", "LOC", "FAC", "EVENT"})
# Headline words leave out the words of entity names (who and where are compared as entities), but not
# of organisations' names: in "Ashvale Hospital", "hospital" is what the report is about.
HEADLINE_NAME_LABELS_KEPT = frozenset({"ORG", "ORGANIZATION"})


def _name_key(name: str) -> str:
    """The words of a name as `entity_key` joins them ("N.H." -> "n h", "Baden-Württemberg" ->
    "baden württemberg")."""
    return " ".join(similarity.words(name))


@functools.cache
def broad_places() -> frozenset[str]:
    """The names, in entity-key form (`entity_key`: lowercased words joined by spaces, "new south
    wales", "n h"), of the places too broad to tie two reports to one event (see the comment above:
    entities.canonical COUNTRIES and CAPITALS, ISO 3166-2 top-level subdivisions from pycountry with and
    without diacritics, entities.tables WORLD_REGION_WORDS, DATELINE_STATE_ABBREVIATIONS); loaded once,
    on first use."""
    import pycountry

    from workers.stages import placenames
    from workers.stages.entities.canonical import CAPITALS, COUNTRIES
    from workers.stages.entities.tables import WORLD_REGION_WORDS

    top = [placenames.uninverted(s.name) for s in pycountry.subdivisions if not s.parent_code]
    names = set(COUNTRIES | CAPITALS | WORLD_REGION_WORDS) | set(top) | {placenames.unaccented(n) for n in top}
    return frozenset(_name_key(name) for name in names | set(DATELINE_STATE_ABBREVIATIONS))


def is_specific(key: str) -> bool:
    """Whether an entity key (`entity_key`) could tie two reports to one event: a place, facility
    or named event (SPECIFIC_LABELS) that is not a broad place (`broad_places`)."""
    label, _, name = key.partition(":")
    return label in SPECIFIC_LABELS and name not in broad_places()


def specific_keys(a: dict[str, float], b: dict[str, float]) -> list[str]:
    """The entity keys ({key: weight} dicts, see `entity_weights`) both articles name that are
    specific (`is_specific`), sorted."""
    return sorted(k for k in a.keys() & b.keys() if is_specific(k))


def headline_words(title: str | None, entities: list[dict]) -> frozenset[int]:
    """similarity.hash32 of the stemmed content words of a headline (as `text_items`: longer than two
    letters, not stopwords or digits), without the words of entity names (raw or stemmed) other than
    organisations' (HEADLINE_NAME_LABELS_KEPT): what happened ("eruption", "derailment", "recall"); the
    same word in two headlines is a sign the two report one happening. Empty for no title."""
    names: set[str] = set()
    for entity in entities:
        if (entity.get("label") or "").upper() in HEADLINE_NAME_LABELS_KEPT:
            continue
        for w in similarity.words(entity.get("name") or ""):
            names.update((w, similarity.stem(w)))
    found = set()
    for w in similarity.words(title or ""):
        if len(w) <= 2 or w in similarity.STOPWORDS or w.isdigit() or w in names:
            continue
        stemmed = similarity.stem(w)
        if stemmed not in names:
            found.add(similarity.hash32(stemmed))
    return frozenset(found)


# -- TF-IDF similarity (Miranda et al., "Multilingual Clustering of Streaming News", EMNLP 2018: cosine of
# TF-IDF vectors of an article's words, document frequencies from the articles the clustering has seen,
# with a Gaussian decay of the time between them) ------------------------------------------------------

TERMS_KEPT = 64  # an article's most frequent content words kept (its vector; bounds the index's memory)


def term_counts(text: str) -> dict[int, int]:
    """{similarity.hash32 of a stemmed content word: count} of a text (title and body): words as
    `text_items` (longer than two letters, not stopwords or digits, crudely stemmed), person names kept
    (who is named is part of what the report is about); the TERMS_KEPT most frequent, ties by hash."""
    counts: dict[int, int] = {}
    for _, stemmed in content_words(text):
        h = similarity.hash32(stemmed)
        counts[h] = counts.get(h, 0) + 1
    kept = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:TERMS_KEPT]
    return dict(kept)


def tfidf_vector(counts: dict[int, int], df, n: int) -> dict[int, float]:
    """The unit TF-IDF vector of `term_counts`: sublinear tf (1 + ln count) times idf ln((n + 1) / (df +
    1)), `df`: term -> number of the `n` remembered articles holding it. Empty when nothing weighs."""
    log, top = math.log, math.log(n + 1)
    vector = {t: (1.0 + log(c)) * (top - log(df(t) + 1)) for t, c in counts.items()}
    norm = math.sqrt(fsum(x * x for x in vector.values()))
    return {t: x / norm for t, x in vector.items()} if norm > 0 else {}


def cosine(a: dict[int, float], b: dict[int, float]) -> float:
    """Dot product of two unit vectors ({term: weight}): their cosine, in [0, 1] for TF-IDF vectors."""
    if len(b) < len(a):
        a, b = b, a
    return fsum(x * b[t] for t, x in a.items() if t in b)


def time_decay(seconds: float, scale: float) -> float:
    """exp(-(seconds / scale)^2 / 2): 1 for articles at the same moment, 0.61 at `scale` apart, 0.14 at
    twice it (Gaussian, as Miranda et al. weigh time); 0 for infinite seconds."""
    return math.exp(-((seconds / scale) ** 2) / 2.0)
