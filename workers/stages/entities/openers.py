"""Words opening a sentence that are no names: lone common words and plurals ("Negotiators resumed"),
common modifiers ("Coastal city holds"), and describing nouns before a name ("Insurance firm
Quorva"), unless the article also writes them capitalised inside a sentence.
"""

from __future__ import annotations

import re

from workers.stages.entities import canonical, tables
from workers.stages.entities.context import Article, capitalised_inside
from workers.stages.entities.fixes import Mention
from workers.stages.entities.role_names import ROLE_DOMAIN
from workers.stages.entities.scan import plural_noun, sentence_initial, written_lower
from workers.stages.entities.wordedge import WORD_START


_DESCRIPTOR_AFTER = re.compile(r"[ \t]+([a-z]+)[ \t]+[A-Z]")


def descriptor_modifiers(article: Article, found: list[Mention]) -> list[Mention]:
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
            after and (after.group(1) in tables.ORG_DESCRIPTOR_NOUNS or ROLE_DOMAIN.get(after.group(1)) in tables.ORG_ROLE_DOMAINS)
            and not m.forced and len(m.text.split()) == 1
            and m.text[1:].islower() and m.text.lower() in article.nouns and sentence_initial(text, m.start)
            and not capitalised_inside(m.text, article) and not canonical.known_place(m.text)
        ):
            continue
        keep.append(m)
    return keep


def common_openers(article: Article, found: list[Mention]) -> list[Mention]:
    """A lone capitalised word opening a sentence ("Negotiators resumed", "Floods forced") is not
    an entity when the article also writes it in lower case, or it is the plural of a common
    noun of the model's vocabulary, unless the article also writes it capitalised inside a
    sentence. In a Title Case or ALL-CAPS headline, any lone word the body writes in lower case
    and never capitalised is dropped the same way ("... Approval For Migraine Drug"). A lone
    "person" opening a sentence that is a common noun is none either (_common_noun_person)."""
    if not article.nouns and not article.words:
        return found
    lower = {w for text in article.texts.values() for w in re.findall(rf"{WORD_START}[a-z][\w\-]*", text)}
    keep: list[Mention] = []
    for m in found:
        text = article.texts[m.field]
        word = m.text
        if (
            len(word.split()) == 1 and not m.forced and word[:1].isupper() and not canonical.is_all_caps(word)
            and sentence_initial(text, m.start) and not canonical.known_place(word)
            and (written_lower(word, lower) or plural_noun(word.lower(), article.nouns))
            and not capitalised_inside(word, article)
            and not (m.field == "title" and article.headline_case)
        ):
            continue
        if _common_noun_person(m, word, text, article):
            continue  # "Turnout was 71 percent": a common noun opening a sentence, called a person
        if _common_modifier_opener(m, word, text, article):
            continue  # "Coastal city holds ...": an adjective opening a sentence, called an organisation
        if (
            m.field == "title" and article.headline_case and len(word.split()) == 1 and not m.forced
            and word.lower() in lower and not capitalised_inside(word, article) and not canonical.known_place(word)
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
        and word[:1].isupper() and word[1:].islower() and sentence_initial(text, m.start)
        and word.lower() in article.words and word.lower() not in article.nouns
        and not capitalised_inside(word, article) and not canonical.known_place(word)
    )


_PERSON_ACT_AFTER = re.compile(r"[ \t]+(?:" + "|".join(sorted(tables.PERSON_ACT_VERBS)) + r")(?![\w\-])")


def _common_noun_person(m: Mention, word: str, text: str, article: Article) -> bool:
    """A lone word opening a sentence, labelled a person and joined to no fuller person's name,
    that is a common noun of the model's lexicon ("Turnout was 71 percent", "Attendance fell"):
    no name, unless a verb said of people follows it (tables.PERSON_ACT_VERBS: "Baker said") or
    the article also writes it capitalised inside a sentence (a surname "Baker" joined to "Ann
    Baker" is no lone word here)."""
    return (
        m.label == "PERSON" and not m.forced and len(word.split()) == 1 and m.name == word
        and word[:1].isupper() and word[1:].islower() and sentence_initial(text, m.start)
        and word.lower() in article.nouns and not _PERSON_ACT_AFTER.match(text, m.end)
        and not capitalised_inside(word, article) and not canonical.known_place(word)
    )
