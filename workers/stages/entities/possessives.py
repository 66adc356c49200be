"""Names before "'s": the possessive stripped, or kept when it is part of the name ("Tarrowby's
said", "St John's"), by the article's own evidence and the shape of saints' names.
"""

from __future__ import annotations

import re

from workers.stages.entities import canonical
from workers.stages.entities.context import Article
from workers.stages.entities.fixes import PERSON, Mention
from workers.stages.entities.scan import compiled


_POSSESSIVE_NAME_END = re.compile(
    r"['\u2019]s(?:\s*(?:[.,;:!?)\"\u201d]|$)|\s+(?:said|says|say|reported|reports|announced|announces|"
    r"posted|is|was|has|had|will|would|can|could|may|might|must|should|also|both|itself|and|or|in|at|on|for|to|of|with|from|by)\b)"
)


def _keep_possessive_names(found: list[Mention], texts: dict[str, str]) -> None:
    """Organisations whose name ends in "'s" keep it ("Tarrowby's said", "at Pellow's.").

    Taken when the bare form never stands alone in the article and at least once the "'s" form
    is not followed by a possessed noun (a verb, a modal, an adverb or pronoun no possessed noun
    starts with: "also", "both", "itself"; a preposition, punctuation or the end).
    A one-word person of the model so taken is an organisation (ORG, forced): a person's name
    does not end in "'s" ("Shares of Tarrowby's fell", "Tarrowby's could gain")."""
    candidates = {
        m.text
        for m in found
        if (m.label not in (PERSON, "GPE", "NORP") or m.label == PERSON and " " not in m.text)
        and texts[m.field][m.end : m.end + 2] in ("'s", "\u2019s")
    }
    keep = set()
    for bare in candidates:
        escaped = re.escape(bare)
        alone = compiled(r"(?<![\w.])" + escaped + r"(?!\w)(?!['\u2019]s\b)")
        named = compiled(r"(?<![\w.])" + escaped + _POSSESSIVE_NAME_END.pattern)
        if not any(alone.search(text) for text in texts.values()) and any(
            named.search(text) for text in texts.values()
        ):
            keep.add(bare)
    for m in found:
        if m.text in keep and texts[m.field][m.end : m.end + 2] in ("'s", "\u2019s"):
            m.respan(texts[m.field], end=m.end + 2)
            if m.label == PERSON:  # "Tarrowby's said": no person's name ends in "'s"
                m.label, m.forced = "ORG", True


def possessives(article: Article, found: list[Mention]) -> list[Mention]:
    """A trailing "'s"/"s'" is kept only when it is part of the name, by evidence.

    Stripped (by the trim) for persons and known countries (their names never end in 's), and
    when the bare form stands alone elsewhere in the article ("Moreno's office" ... "Moreno").
    Kept ("St John's", "Tarrowby's said") when the name with it is a saint's name in the
    possessive, or when the bare form never stands alone and the "'s" form is used as a name:
    before a verb, a modal, a preposition or punctuation ("Tarrowby's said", "at Pellow's.")
    (_keep_possessive_names)."""
    texts = article.texts
    for m in found:
        text = texts[m.field]
        following = text[m.end : m.end + 2]
        suffix = following if following in ("'s", "\u2019s") else following[:1] if following[:1] in "'\u2019" else ""
        if not suffix or canonical.known_place(m.text):
            continue
        with_s = text[m.start : m.end + len(suffix)]
        alone = compiled(r"(?<![\w.])" + re.escape(m.text) + r"(?![\w'\u2019])")
        bare_elsewhere = any(alone.search(t) for t in texts.values())
        if canonical.ends_in_own_s(with_s) and not bare_elsewhere:
            m.respan(text, end=m.end + len(suffix))
            if m.label == PERSON:  # "St Ana's": a saint's name in the possessive names a place or institution
                m.label, m.forced = "ORG", True
    _keep_possessive_names(found, texts)
    return found
