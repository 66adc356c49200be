"""One article being tagged (`Article`) and the helpers over its mentions every pass module uses:
the model's mentions, relabelling under the article's label set, persons named in full, reading
order, and words capitalised or lowercased elsewhere in the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from workers.stages.entities import canonical, fixes
from workers.stages.entities.fixes import PERSON, Mention
from workers.stages.entities.pipeline import all_caps_headline, title_cased
from workers.stages.entities.scan import compiled, inside_longer_name, sentence_initial
from workers.stages.entities.wordedge import WORD_START


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
    capitalised_inside: dict[str, bool] = field(default_factory=dict)  # capitalised_inside, per word

    @property
    def body(self) -> str:
        """The article's body text (texts["body"]), the offsets of body mentions are into it."""
        return self.texts["body"]


def new_article(record: dict, title_doc, body_doc, labels, words, nouns) -> Article:
    """The `Article` of a record and its title/body docs (title_doc None without a title), texts by field."""
    title = record.get("title") or ""
    texts = {"title": title, "body": record["body"]}
    headline = bool(title) and (title_cased(title) or all_caps_headline(title))
    return Article(record, title_doc, body_doc, labels, words, nouns, texts, headline)


def model_mentions(article: Article) -> list[Mention]:
    """The model's spans, split, trimmed and filtered (fixes.mentions) for title and body."""
    title_mentions = (
        fixes.mentions(article.title_doc, "title", article.labels, text=article.texts["title"], words=article.words)
        if article.title_doc is not None else []
    )
    return title_mentions + fixes.mentions(article.body_doc, "body", article.labels, text=article.body,
                                           words=article.words)


def person_ends_by_field(found: list[Mention]) -> dict[str, set[int]]:
    """Where each person mention ends, per field."""
    ends: dict[str, set[int]] = {}
    for m in found:
        if m.label == PERSON:
            ends.setdefault(m.field, set()).add(m.end)
    return ends


def full_persons(found: list[Mention]) -> list[str]:
    """The names of the persons found with two or more words (a given name and a surname at least)."""
    return [o.name for o in found if o.label == PERSON and len(o.name.split()) >= 2]


def named_person(m: Mention, found: list[Mention], full: list[str]) -> bool:
    """`m`'s name is a person's elsewhere in the article: another mention of it that a rule made
    a person (the model's own PERSON guesses are no evidence: it calls many parties persons), or
    the surname of a person named in full (`full`, full_persons: "the Lind party" beside "Ana Lind")."""
    return canonical.surname_owner(m.name, full) is not None or any(
        o is not m and o.name == m.name and o.label == PERSON and o.forced for o in found)


WORK_LABELS = frozenset({"WORK_OF_ART", "PRODUCT"})


def extend_over(found: list[Mention], m: Mention, body: str, end: int) -> list[Mention]:
    """Body mention `m` grown to end at `end`, the mentions it then covers dropped; `found` unchanged
    when one of them is forced or runs past `end`."""
    over = [o for o in found if o.field == "body" and o is not m and o.start < end and m.end < o.end]
    if any(o.forced or o.end > end for o in over):
        return found
    m.respan(body, end=end)
    return [o for o in found if o not in over]


def add_untagged_person(found: list[Mention], body: str, start: int, end: int) -> None:
    """Append body[start:end] to `found` as a forced PERSON mention unless a mention overlaps it."""
    if not any(m.field == "body" and m.start < end and start < m.end for m in found):
        found.append(Mention("body", start, end, body[start:end], PERSON, canonical.normalise(body[start:end]), forced=True))


_OF_BEFORE = re.compile(r"(?<![\w'\-])[A-Z][\w'\-]*[ \t]+(?:of|for)[ \t]+$")  # "Union of [Pilots]"
_OF_AFTER = re.compile(r"[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?[A-Z]")  # "[Pilots] of the Tarrow Line"


def _joined_by_of(text: str, start: int, end: int) -> bool:
    """[start, end) is joined by "of"/"for" to a capitalised word that does not open a sentence
    ("Union of [Pilots]", "[Pilots] of the Tarrow Line"; not "Shares of [Tarrow]")."""
    before = _OF_BEFORE.search(text, max(0, start - 40), start)
    return bool(before and not sentence_initial(text, before.start())) or bool(_OF_AFTER.match(text, end))


def capitalised_inside(word: str, article: Article) -> bool:
    """`word` is written capitalised on its own somewhere not opening a sentence (title aside;
    "Cocoa" of "Tea and Cocoa Board" does not count, nor "Pilots" of "Union of Pilots" or of
    "Pilots of the Tarrow Line"). Found once per word and article."""
    known = article.capitalised_inside.get(word)
    if known is None:
        body = article.body
        known = article.capitalised_inside[word] = any(
            not sentence_initial(body, match.start()) and not inside_longer_name(body, match.start(), match.end())
            and not _joined_by_of(body, match.start(), match.end())
            for match in compiled(WORD_START + re.escape(word) + r"(?![\w\-])").finditer(body)
        )
    return known


def lower_in(word: str, article: Article) -> bool:
    """The article writes `word` in lower case somewhere."""
    lower = word.lower()
    pattern = compiled(r"(?<![\w\-])" + re.escape(lower) + r"(?![\w\-])")
    return any(lower in t and pattern.search(t) for t in article.texts.values())


def replace_by_one(found: list[Mention], pieces: list[Mention], field_name: str, start: int, end: int, text: str,
                    label: str, canonical_name: str | None = None) -> list[Mention]:
    """`found` without `pieces` (the model's mentions inside or over a span), plus one forced mention of
    `text` at [start, end) of `field_name` with `label` (canonical name: `canonical_name`, else normalised):
    the span a rule names whole instead of the pieces."""
    kept = [m for m in found if m not in pieces]
    kept.append(Mention(field_name, start, end, text, label, canonical_name or canonical.normalise(text), forced=True))
    return kept


def relabel(m: Mention, label: str, article: Article) -> None:
    """Set a rule's label on `m` when the article keeps that label."""
    if label in article.labels:
        m.label, m.forced = label, True


def position(mention: Mention) -> tuple[bool, int]:
    """Reading order: title first, then body offsets."""
    return (mention.field != "title", mention.start)
