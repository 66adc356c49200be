"""Product passes: names after a describing noun ("the drug Tarrovex"), product lines ("its Tarrow
Note phones", "sold ... as Vellrin"), and the sellers and owners of products, who are companies
(`product_companies`, whatever labels the article keeps).
"""

from __future__ import annotations

import re

from workers.stages.entities import canonical, tables
from workers.stages.entities.context import Article, full_persons, relabel
from workers.stages.entities.fixes import PERSON, Mention
from workers.stages.entities.scan import LIST_NAME, known_country_or_region, whole_word_spans
from workers.stages.entities.wordedge import WORD_END, WORD_START


_PRODUCT_DESCRIBED = re.compile(
    rf"{WORD_START}([a-z]+)(?:,[ \t]+({LIST_NAME}),|[ \t]+({LIST_NAME})){WORD_END}"
)
_PRODUCT_RELABELLED = frozenset({PERSON, "ORG", "GPE", "NORP", "WORK_OF_ART", "LOC", "FAC"})


def described_products(article: Article, found: list[Mention]) -> list[Mention]:
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
                relabel(m, "PRODUCT", article)
    return found


_PRODUCT_CLASS_AFTER = re.compile(
    r"[ \t]+(?:" + "|".join(sorted(tables.PRODUCT_CLASS_NOUNS)) + r")(?![\w'\u2019\-])"
)
_OWNER_BEFORE = re.compile(rf"{WORD_START}(?:its|their|[A-Z][\w\-]*['\u2019]s)[ \t]+$")
_SOLD_AS = re.compile(
    rf"{WORD_START}(?:{'|'.join(sorted(tables.PRODUCT_SALE_VERBS))})[ \t](?:[^.;:!?\n]*?[ \t])?as[ \t]+"
    rf"({LIST_NAME})(?:[ \t]+and[ \t]+({LIST_NAME}))?(?=[ \t]*[,.;:)]|$)"
)


def product_lines(article: Article, found: list[Mention]) -> list[Mention]:
    """Products told by their class noun after an owner ("its Tarrow Note phones":
    tables.PRODUCT_CLASS_NOUNS, every use of the name before one) or by the name they are sold
    under ("sold by Pellow as Tarrovax and Vellrin.": tables.PRODUCT_SALE_VERBS), and names
    opening with the first word of such a product of two or more words ("the Tarrow Watch"):
    PRODUCT, whatever the model called them; not a known place or a name set by a rule. (Their
    sellers and owners are companies: product_companies, a pass before this one.)"""
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
                and not known_country_or_region(m.name):
            relabel(m, "PRODUCT", article)
    return found


_SOLD_BY = re.compile(
    rf"{WORD_START}(?:{'|'.join(sorted(tables.PRODUCT_SALE_VERBS))})[ \t]+by[ \t]+({LIST_NAME})[ \t]+as[ \t]+[A-Z]"
)


def product_companies(article: Article, found: list[Mention]) -> list[Mention]:
    """Sellers and owners of named products are companies (_sellers_are_companies,
    _product_owners), whatever labels the article keeps besides ORG: no PRODUCT needed. The
    persons named in full (full_persons) are listed once for both."""
    full = full_persons(found)
    _sellers_are_companies(article, found, full)
    _product_owners(article, found, full)
    return found


def _sellers_are_companies(article: Article, found: list[Mention], full: list[str]) -> None:
    """The seller in "sold by Tarrow Pellow as Vellrin" is a company: a "person" so named is an
    organisation, all its mentions, unless the surname of a person named in full (`full`)."""
    sellers = {canonical.normalise(match.group(1)) for text in article.texts.values() for match in _SOLD_BY.finditer(text)}
    for m in found:
        if m.name in sellers and m.label == PERSON and not m.forced and not canonical.surname_owner(m.name, full):
            relabel(m, "ORG", article)


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
            relabel(m, "ORG", article)


def _product_line_use(article: Article, m: Mention, found: list[Mention]) -> bool:
    """Every use of `m`'s text in the article is before a product class noun, one after an owner."""
    uses = [(text, start, end) for text in article.texts.values()
            for start, end in whole_word_spans(text, m.text, glued_before="'\u2019-", glued_after="-")]
    return bool(uses) and all(_PRODUCT_CLASS_AFTER.match(text, end) for text, _, end in uses) and any(
        _OWNER_BEFORE.search(text, max(0, start - 30), start) for text, start, _ in uses)
