"""A person of three or four words named later by the first of two surnames (grouping._first_surname:
Spanish naming customs), and the near cases that give nothing. Invented names only."""

from __future__ import annotations

import pytest

from record_factory import article_record
from workers.settings import DEFAULT_ENTITY_LABELS
from workers.stages.entities import context, grouping, stage


def _mention_texts(nlp, body: str, name: str) -> list[str]:
    record = article_record("t1", body, "unique")
    record["paragraphs"] = [p for p in body.split("\n") if p.strip()]
    entities = {e["name"]: e for e in stage.tag([record], nlp, DEFAULT_ENTITY_LABELS)[0]["entities"]}
    return [m["text"] for m in entities[name]["mentions"]]


@pytest.mark.parametrize("later", ['"We are ahead of plan," Castillo told a news conference in Port Vell.',
                                   "Castillo said the cost had risen."])
def test_first_of_two_surnames_the_model_missed_is_the_person(nlp, later):
    full = "Lucía Castillo Vega"  # the model tags no "Castillo" alone in these sentences
    body = f"The bridge will open in May, said {full}, an engineer at the University of Varnholt. {later}"
    assert _mention_texts(nlp, body, full).count("Castillo") == 1


def _article(body: str) -> context.Article:
    return context.Article({}, None, None, frozenset(DEFAULT_ENTITY_LABELS), frozenset({"harbour"}), frozenset(),
                           {"title": "", "body": body})


@pytest.mark.parametrize(
    ("full", "later", "expected"),
    [
        ("Marisol Quevarra Tolentes", "Quevarra said", {"Quevarra"}),
        ("Marisol Quevarra Tolentes", "Tolentes said", set()),  # the last word alone: the father's last
        ("Marisol Quevarra Tolentes", "Quevarra and Tolentes said", set()),  # both alone
        ("Marisol Quevarra Tolentes", "Marisol said", set()),  # the inner word never alone
        ("Marisol Quevarra", "Marisol said", set()),  # two words: one surname
        ("Marisol Quevarra Tolentes Aymar", "Tolentes said", {"Tolentes"}),  # four words: the third
        ("Marisol de Tolentes", "de said", set()),  # a lowercase particle
        ("Marisol The Tolentes", "The end came on Monday. Then", set()),  # a stop word
        ("Marisol Harbour Tolentes", "Harbour said", set()),  # a common English word (the lexicon's)
    ],
)
def test_first_surname_needs_it_alone_and_the_last_word_never(full, later, expected):
    body = f"The bridge opens in May, said {full}, the engineer. {later} on Tuesday."
    assert grouping._first_surname(_article(body), full.split()) == expected
