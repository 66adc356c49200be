"""Mentions into entities: grouped by canonical name (any case) with a label vote, completed with the
missed mentions of the same surface forms, and weighted (salience.py) into the stage's entity
dicts.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.lang.en.stop_words import STOP_WORDS

from workers.stages.entities import canonical, salience
from workers.stages.entities.context import Article
from workers.stages.entities.fixes import PERSON, Mention
from workers.stages.entities.scan import (
    compiled,
    inside_longer_name,
    locative,
    occupied_spans,
    overlaps,
    whole_word_spans,
)


def label_groups(article: Article, found: list[Mention]) -> tuple[dict[str, list[Mention]], dict[str, str]]:
    """Mentions grouped by canonical name (any case); each group's label by vote, forced labels
    first; a one-word "person" only ever seen after "in"/"near" is a place ("officials in X",
    "rescued from cliff ledge in Kent"), and so is one the model also called a place, a person
    only in the possessive, when the article writes it after "in"/"near" ("X's port" PERSON, "X"
    GPE, "buyers in X": _placed)."""
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
            and (all(locative(article.texts[m.field], m.start) for m in members) or _placed(article, members))
        ):
            label = "GPE"
        labelled[key] = label
    return groups, labelled


_POSSESSIVE_AFTER = re.compile(r"['\u2019]s?(?!\w)")


def _placed(article: Article, members: list[Mention]) -> bool:
    """The model called one of `members` (a one-word name's mentions) a place and a person only in
    the possessive ("X's port": a place's as well), and the article writes the name after a
    preposition of place (scan.locative) somewhere, tagged or not."""
    persons = [m for m in members if m.label == PERSON]
    if not any(m.label in ("GPE", "LOC") for m in members) or not all(
            _POSSESSIVE_AFTER.match(article.texts[m.field], m.end) for m in persons):
        return False
    form = members[0].name
    return any(locative(text, start) and not inside_longer_name(text, start, end)
               for text in article.texts.values() for start, end in whole_word_spans(text, form))


def _first_surname(article: Article, words: list[str]) -> set[str]:
    """{the first of two surnames} of a person of 3-4 words ("Lena Ortega Ruiz" -> "Ortega") when
    the article writes it alone (not inside a longer name) and never writes the last word alone:
    Spanish naming customs put the father's surname first and short references use it alone
    (Chicago Manual of Style, "Spanish names"); Portuguese names, the father's last, keep the last
    word alone and so give nothing here. A lowercase particle, a one- or two-letter word, a stop word or
    a common English word (article.words: "The", "Pro" of a name the model made of a heading) gives nothing."""
    first, last = words[-2], words[-1]
    if not 3 <= len(words) <= 4 or len(first) < 3 or not first[:1].isupper() or canonical.is_title(first):
        return set()
    if first.lower() in article.words or first.lower() in STOP_WORDS:
        return set()
    return {first} if _alone(article.body, first) and not _alone(article.body, last) else set()


def _alone(text: str, word: str) -> bool:
    """`word` stands somewhere in `text` outside a longer name (scan.inside_longer_name)."""
    return any(not inside_longer_name(text, start, end) for start, end in whole_word_spans(text, word))


def more_mentions(article: Article, found: list[Mention], groups: dict, labelled: dict) -> None:
    """Mentions the model missed: the same surface forms (and known surnames) elsewhere, in any
    case in a Title Case or ALL-CAPS headline ("MAYOR ORTEGA RESIGNS" -> "Lena Ortega")."""
    occupied = {
        "title": occupied_spans(article.title_doc) + [(m.start, m.end) for m in found if m.field == "title"],
        "body": occupied_spans(article.body_doc) + [(m.start, m.end) for m in found if m.field == "body"],
    }
    owners: dict[str, set[str]] = {}
    for key, members in groups.items():
        forms = {m.text for m in members}
        if labelled[key] == PERSON and len(key.split()) > 1:
            words = members[0].name.split()
            forms.update(" ".join(words[i:]) for i in range(1, len(words)))  # surnames
            forms.update(_first_surname(article, words))
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
                found_at = [m.span() for m in compiled(r"(?<!\w)" + re.escape(form) + r"(?!\w)", re.I).finditer(text)]
            else:
                found_at = whole_word_spans(text, form)
            for start, end in found_at:
                if not loose and inside_longer_name(text, start, end):
                    continue  # "America" of "North America", "Smith" of "John Smith"
                if not overlaps(occupied[field_name], start, end):
                    occupied[field_name].append((start, end))
                    groups[key].append(
                        Mention(field_name, start, end, text[start:end], labelled[key], groups[key][0].name)
                    )


def entity_dicts(article: Article, groups: dict[str, list[Mention]], labelled: dict[str, str]) -> list[dict]:
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
