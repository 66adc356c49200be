"""Names over particles (particles.py): a given name, a person's particle and a surname the model
called an organisation is a person with a role beside it; on a page in a language that capitalises
its nouns (tables.NOUN_CAPITALISING_LANGUAGES) common nouns are not joined over a particle.
Invented names only."""

from __future__ import annotations

import pytest

from record_factory import article_record
from workers.settings import DEFAULT_ENTITY_LABELS
from workers.stages.entities import context, particles, stage, tables
from workers.stages.entities.fixes import Mention


def _article(text: str, language: str | None = None) -> context.Article:
    return context.Article({"language": language}, None, None, frozenset(DEFAULT_ENTITY_LABELS),
                           frozenset({"the", "shares", "museum"}), frozenset(), {"title": "", "body": text})


def _mention(text: str, name: str, label: str) -> Mention:
    start = text.index(name)
    return Mention("body", start, start + len(name), name, label, name)


@pytest.mark.parametrize("particle", sorted(tables.PERSON_NAME_PARTICLES))
def test_person_particle_row_with_a_role_apposition_makes_a_person(particle):
    name = f"Martine {particle} Tarrows"
    text = f"“We will lend it,” said {name}, the museum’s president, on Friday."
    [mention] = particles.particle_persons(_article(text), [_mention(text, name, "ORG")])
    assert (mention.label, mention.forced) == ("PERSON", True)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The director Martine des Tarrows said the loan was agreed.", "Martine des Tarrows"),
        ("Martine des Tarrows, a museum director, said so.", "Martine des Tarrows"),
    ],
)
def test_role_before_or_after_makes_a_person(text, name):
    [mention] = particles.particle_persons(_article(text), [_mention(text, name, "ORG")])
    assert mention.label == "PERSON"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Martine des Tarrows said the loan was agreed.", "Martine des Tarrows"),  # no role: the model stands
        ("Banque des Tarrows, the lender's chairman said, will grow.", "Banque des Tarrows"),  # a foreign head
        ("Museum des Tarrows, the director said, will reopen.", "Museum des Tarrows"),  # a common word first
        ("Compagnie Pellow des Tarrows, the chairman said, grew.", "Compagnie Pellow des Tarrows"),
    ],
)
def test_no_role_or_no_given_name_leaves_the_organisation(text, name):
    [mention] = particles.particle_persons(_article(text), [_mention(text, name, "ORG")])
    assert (mention.label, mention.forced) == ("ORG", False)


@pytest.mark.parametrize("language", sorted(tables.NOUN_CAPITALISING_LANGUAGES))
def test_capitalised_nouns_are_not_joined_over_a_particle(language):
    text = "Die Zukunft des Hafens und die Pläne der Tarrowwerke wurden besprochen."
    pieces = [_mention(text, "Zukunft", "ORG"), _mention(text, "Hafens", "ORG"), _mention(text, "Pläne", "PERSON"),
              _mention(text, "Tarrowwerke", "ORG")]
    found = particles.particle_names(_article(text, language), list(pieces))
    assert sorted(m.text for m in found) == ["Hafens", "Pläne", "Tarrowwerke", "Zukunft"]
    joined = particles.particle_names(_article(text, "en"), list(pieces))
    assert "Die Zukunft des Hafens" in {m.text for m in joined}  # the same pieces on an English page


def test_person_pieces_are_joined_on_a_german_page():
    text = "Gestern sprach Ilsa von der Tarrow im Landtag."
    pieces = [_mention(text, "Ilsa", "PERSON"), _mention(text, "Tarrow", "PERSON")]
    found = particles.particle_names(_article(text, "de"), pieces)
    assert [(m.text, m.label) for m in found] == [("Ilsa von der Tarrow", "PERSON")]


def test_given_name_particle_surname_with_a_role_is_one_person_end_to_end(nlp):
    body = "“We will lend the painting,” said Laurence des Tarrows, the museum’s president and director, on Friday."
    record = article_record("t1", body, "unique")
    record["paragraphs"] = [body]
    entities = {e["name"]: e for e in stage.tag([record], nlp, DEFAULT_ENTITY_LABELS)[0]["entities"]}
    assert entities["Laurence des Tarrows"]["label"] == "PERSON"
