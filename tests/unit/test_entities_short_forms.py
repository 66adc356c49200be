"""Organisation short forms (organisations.SHORT_FORM_RULES) row by row, each with a near case that
stays as it is; and the session-15 rules beside them: a capital the model split into places, a
newspaper after "daily", an acronym of an ALL-CAPS headline. Invented names only."""

from __future__ import annotations

import pytest

from record_factory import article_record
from workers.settings import DEFAULT_ENTITY_LABELS
from workers.stages.entities import context, organisations, pipeline, stage, tables
from workers.stages.entities.fixes import PERSON, Mention


def _mention(text: str, name: str, label: str, nth: int = 0, forced: bool = False) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return Mention("body", start, start + len(name), name, label, name, forced=forced)


def _short_forms(nlp, text: str, pieces: list[tuple]) -> dict[int, tuple[str, str]]:
    """(start of each mention) -> (name, label) after organisations.org_short_forms."""
    article = context.Article({}, None, nlp(text), frozenset(DEFAULT_ENTITY_LABELS), pipeline.lexicon(nlp),
                              pipeline.nouns(nlp), {"title": "", "body": text})
    found = organisations.org_short_forms(article, [_mention(text, *piece) for piece in pieces])
    return {m.start: (m.name, m.label) for m in found}


def test_every_short_form_row_is_tested():
    assert [kind for kind, _ in organisations.SHORT_FORM_RULES] == [
        "legal form dropped", "leading words", "nationality adjective of a carrier"]


# Row "legal form dropped": the name without its legal form, also one a rule made a person (a
# headline's name joined by surnames.join_partial_names); not one a rule made a place.
@pytest.mark.parametrize("label, forced, expected", [
    (PERSON, False, ("Vellmar Ocean Co., Ltd.", "ORG")),
    (PERSON, True, ("Vellmar Ocean Co., Ltd.", "ORG")),
    ("GPE", True, ("Vellmar Ocean", "GPE")),
])
def test_legal_form_dropped(nlp, label, forced, expected):
    text = "The navy picked Vellmar Ocean Co., Ltd. on Monday. Vellmar Ocean shares rose 4 percent."
    labels = _short_forms(nlp, text, [("Vellmar Ocean Co., Ltd.", "ORG"), ("Vellmar Ocean", label, 1, forced)])
    assert labels[text.rindex("Vellmar Ocean")] == expected


def test_legal_form_dropped_of_two_companies_is_no_short_form(nlp):
    text = "Vellmar Ocean Co. and Vellmar Ocean Ltd. bid on Monday. Vellmar Ocean said so."
    labels = _short_forms(nlp, text, [("Vellmar Ocean Co.", "ORG"), ("Vellmar Ocean Ltd.", "ORG"),
                                      ("Vellmar Ocean", PERSON, 2)])
    assert labels[text.rindex("Vellmar Ocean")] == ("Vellmar Ocean", PERSON)


# Row "leading words": the first word of an organisation ending in a company word, named after it.
@pytest.mark.parametrize("text, expected", [
    ("Tarrowind Energy cut jobs on Monday. Tarrowind said demand fell.", ("Tarrowind Energy", "ORG")),
    ("Tarrowind said demand fell. Tarrowind Energy cut jobs on Monday.", ("Tarrowind", PERSON)),  # named before
])
def test_leading_words(nlp, text, expected):
    first = text.index("Tarrowind Energy")
    other = text.index("Tarrowind", first + 1) if first == 0 else 0
    labels = _short_forms(nlp, text, [("Tarrowind Energy", "ORG", 0), ("Tarrowind", PERSON, 1 if first == 0 else 0)])
    assert labels[other] == expected


# Row "nationality adjective of a carrier": the adjective used as a noun after the carrier's long
# form, one row per carrier word; not the adjective before a noun ("Chadian officials").
@pytest.mark.parametrize("carrier_word", sorted(tables.CARRIER_WORDS))
def test_nationality_adjective_of_a_carrier(nlp, carrier_word):
    carrier = f"Chadian {carrier_word.capitalize()} Group"
    text = (f"{carrier} ordered six jets on Monday. Ana Pellow said Chadian was a loyal customer. "
            f"Chadian officials welcomed the order, and rivals compete with Chadian.")
    labels = _short_forms(nlp, text, [(carrier, "ORG"), ("Chadian", PERSON, 1), ("Chadian", "NORP", 2),
                                      ("Chadian", "NORP", 3)])
    starts = [i for i in range(len(text)) if text.startswith("Chadian", i)]
    assert [labels[s] for s in starts[1:]] == [(carrier, "ORG"), ("Chadian", "NORP"), (carrier, "ORG")]


def test_nationality_adjective_of_two_carriers_or_of_no_carrier_stays(nlp):
    text = ("Chadian Airways and Chadian Air Cargo bid on Monday. Rivals compete with Chadian. "
            "Chadian Mining Group cut jobs.")
    labels = _short_forms(nlp, text, [("Chadian Airways", "ORG"), ("Chadian Air Cargo", "ORG"),
                                      ("Chadian", "NORP", 2), ("Chadian Mining Group", "ORG")])
    assert labels[text.index("Chadian.")] == ("Chadian", "NORP")


def test_nationality_adjective_before_the_carrier_is_named_stays(nlp):
    text = "Rivals compete with Chadian. Chadian Airways ordered six jets on Monday."
    labels = _short_forms(nlp, text, [("Chadian", "NORP"), ("Chadian Airways", "ORG")])
    assert labels[text.index("Chadian")] == ("Chadian", "NORP")


def tagged(nlp, body: str, title: str | None = None) -> dict[str, dict]:
    record = article_record("x", body, status="unique", title=title)
    (out,) = stage.tag([record], nlp, DEFAULT_ENTITY_LABELS)
    return {e["name"]: e for e in out["entities"]}


# A capital city of several words the model split into places is one place (places.capital_cities).
def test_capital_split_by_the_model_is_one_place(nlp):
    names = tagged(nlp, "The Tarrow team flew to Port of Spain on Monday for the trials.")
    assert names["Port of Spain"]["label"] == "GPE" and "Port" not in names


def test_capital_inside_a_longer_name_stays_apart(nlp):
    names = tagged(nlp, "Ana Lind of the Port of Spain Harbour Board spoke in Madrid on Monday.")
    assert "Port of Spain" not in names


# A name after "daily", "newspaper" or "tabloid" (tables.PRESS_NOUNS) is an organisation.
@pytest.mark.parametrize("noun", sorted(tables.PRESS_NOUNS))
def test_name_after_a_newspaper_noun_is_an_organisation(nlp, noun):
    text = f"The Pellow {noun} Nova Tarrovka reported the deal on Monday."
    article = context.Article({}, None, nlp(text), frozenset(DEFAULT_ENTITY_LABELS), pipeline.lexicon(nlp),
                              pipeline.nouns(nlp), {"title": "", "body": text})
    found = organisations.described_organisations(article, [_mention(text, "Nova Tarrovka", PERSON)])
    assert [(m.name, m.label) for m in found] == [("Nova Tarrovka", "ORG")]


def test_name_after_daily_in_the_stage(nlp):
    assert tagged(nlp, "The Pellow daily Nova Tarrovka reported the deal on Monday.")["Nova Tarrovka"]["label"] == "ORG"


@pytest.mark.parametrize("noun", sorted(tables.PRESS_NOUNS))
def test_capitalised_press_noun_opens_the_papers_own_name(nlp, noun):
    text = f"Ana Lind; Minister on Stage; {noun.capitalize()} Tarrovka (Pellow); May 20."
    article = context.Article({}, None, nlp(text), frozenset(DEFAULT_ENTITY_LABELS), pipeline.lexicon(nlp),
                              pipeline.nouns(nlp), {"title": "", "body": text})
    paper = f"{noun.capitalize()} Tarrovka"
    found = organisations.described_organisations(article, [_mention(text, paper, "ORG")])
    assert [(m.name, m.label) for m in found] == [(paper, "ORG")]


def test_name_after_daily_as_an_adverb_stays_a_person(nlp):
    names = tagged(nlp, "Ana Lind, who writes daily for the paper, met Nova Tarrovka on Monday.")
    assert names["Nova Tarrovka"]["label"] == PERSON


# An ALL-CAPS headline: an acronym the body writes only opening a sentence keeps its capitals, and
# initials ("U.S.") end no sentence.
@pytest.mark.parametrize("title, body, expected", [
    ("TARROW WINS DEAL AS VDB TRIMS STAKE", "Tarrow Marine won the deal. VDB chairman Ana Lind said so.",
     "Tarrow wins deal as VDB trims stake"),
    ("TARROW WINS U.S. NAVY DEAL", "Tarrow Marine won a U.S. Navy deal on Monday.", "Tarrow wins U.S. Navy deal"),
    ("TARROW WINS DEAL AS BANK TRIMS STAKE", "Bank shares fell. Tarrow Marine won the deal.",
     "Tarrow wins deal as bank trims stake"),
])
def test_all_caps_headline_acronyms_and_initials(nlp, title, body, expected):
    assert pipeline.recase_caps(title, body, nlp) == expected


# A city of the GeoNames gazetteer (canonical.CITIES) the model called a person or a product, or left
# untagged after a place preposition, is a place (places.gazetteer_cities); not one written as a
# person's name or a common word.
@pytest.mark.parametrize("body, city", [
    ("Trains will run from Bhagalpur to Gorakhpur next year.", "Gorakhpur"),
    ("The line reaches Sylhet and Comilla by May.", "Sylhet"),
])
def test_gazetteer_city_is_a_place(nlp, body, city):
    assert tagged(nlp, body)[city]["label"] == "GPE"


@pytest.mark.parametrize("body, added", [
    ("The plant is in Kragujevac, officials said.", ["Kragujevac"]),
    ("Kragujevac officials said the plant would close.", []),  # no place preposition before it
])
def test_untagged_gazetteer_city_after_a_place_preposition(nlp, body, added):
    from workers.stages.entities import places

    article = context.Article({}, None, nlp(body), frozenset(DEFAULT_ENTITY_LABELS), pipeline.lexicon(nlp),
                              pipeline.nouns(nlp), {"title": "", "body": body})
    assert [(m.name, m.label) for m in places.gazetteer_cities(article, [])] == [(c, "GPE") for c in added]


@pytest.mark.parametrize("body, name", [
    ("Ana Lind flew to Reading and then to Split on Monday.", "Split"),  # a common word
    ("Gorakhpur said the plant would close. Ana Gorakhpur, the mayor, agreed.", "Gorakhpur"),  # a person's name
])
def test_gazetteer_city_name_used_otherwise_is_no_place(nlp, body, name):
    assert tagged(nlp, body).get(name, {"label": None})["label"] != "GPE"


def test_gazetteer_has_cities_without_capitals():
    from workers.stages.entities import canonical

    assert {"Gorakhpur", "Kragujevac"} <= canonical.CITIES.keys() and not canonical.CITIES.keys() & canonical.CAPITALS


@pytest.mark.parametrize("body, label", [
    ("Her husband, Marion, turned 40 on Sunday, and the family baked a cake.", PERSON),  # a small town's name
    ("The family lives in Marion now, and the children like the school.", "GPE"),  # after "in"
])
def test_small_town_name_needs_a_place_preposition(nlp, body, label):
    from workers.stages.entities import canonical, places

    assert canonical.CITIES["Marion"] < tables.CITY_POPULATION_WITHOUT_CUE
    article = context.Article({}, None, nlp(body), frozenset(DEFAULT_ENTITY_LABELS), pipeline.lexicon(nlp),
                              pipeline.nouns(nlp), {"title": "", "body": body})
    assert places.gazetteer_cities(article, [_mention(body, "Marion", PERSON)])[0].label == label


@pytest.mark.parametrize("body", [
    "The dam on the Gorakhpur river was finished on Monday. Ana Lind visited Gorakhpur.",
    "Workers at the Gorakhpur and Pellow mines went home. Ana Lind visited Gorakhpur.",
])
def test_gazetteer_city_naming_a_river_or_mine_is_left_to_the_model(nlp, body):
    from workers.stages.entities import places

    article = context.Article({}, None, nlp(body), frozenset(DEFAULT_ENTITY_LABELS), pipeline.lexicon(nlp),
                              pipeline.nouns(nlp), {"title": "", "body": body})
    assert places.gazetteer_cities(article, [_mention(body, "Gorakhpur", PERSON, 1)])[0].label == PERSON


# "County <Name>" (tables.ADMIN_DIVISION_PREFIXES) is a place whatever the model said; not a role's
# "County Sheriff".
@pytest.mark.parametrize("label", [PERSON, "ORG", "GPE"])
def test_county_before_a_name_is_a_place(nlp, label):
    from workers.stages.entities import places

    body = "Pellco will hire 150 people at its plant in County Tarrow next year."
    article = context.Article({}, None, nlp(body), frozenset(DEFAULT_ENTITY_LABELS), pipeline.lexicon(nlp),
                              pipeline.nouns(nlp), {"title": "", "body": body})
    (m,) = places.admin_division_names(article, [_mention(body, "County Tarrow", label)])
    assert (m.label, m.forced) == ("GPE", True)


def test_county_before_a_role_is_no_place(nlp):
    from workers.stages.entities import places

    body = "County Sheriff Tarrow said so on Monday."
    article = context.Article({}, None, nlp(body), frozenset(DEFAULT_ENTITY_LABELS), pipeline.lexicon(nlp),
                              pipeline.nouns(nlp), {"title": "", "body": body})
    (m,) = places.admin_division_names(article, [_mention(body, "County Sheriff Tarrow", PERSON)])
    assert m.label == PERSON


# After a newspaper noun the model's pieces of the paper's name give way to it.
@pytest.mark.parametrize("pieces", [[("Irish", "NORP")], [("Tarrovka", "FAC")]])
def test_model_pieces_of_a_papers_name_give_way(nlp, pieces):
    text = "Numbers rose, the Pellow daily Irish Tarrovka reported on Monday."
    article = context.Article({}, None, nlp(text), frozenset(DEFAULT_ENTITY_LABELS), pipeline.lexicon(nlp),
                              pipeline.nouns(nlp), {"title": "", "body": text})
    found = organisations.described_organisations(article, [_mention(text, n, label) for n, label in pieces])
    assert [(m.name, m.label) for m in found] == [("Irish Tarrovka", "ORG")]


# An Arabic name the model split into persons at a linking word (tables.ARABIC_NAME_LINKS) is one.
@pytest.mark.parametrize("link", sorted(tables.ARABIC_NAME_LINKS))
def test_arabic_name_split_at_its_link_is_one_person(nlp, link):
    from workers.stages.entities import persons

    text = f"Tarifa {link} Pellow al-Vell, an analyst, said investors would wait."
    article = context.Article({}, None, nlp(text), frozenset(DEFAULT_ENTITY_LABELS), pipeline.lexicon(nlp),
                              pipeline.nouns(nlp), {"title": "", "body": text})
    found = persons.arabic_names(article, [_mention(text, "Tarifa", PERSON), _mention(text, "Pellow al-Vell", PERSON)])
    assert [(m.name, m.label) for m in found] == [(f"Tarifa {link} Pellow al-Vell", PERSON)]


def test_arabic_link_between_a_person_and_a_place_joins_nothing(nlp):
    from workers.stages.entities import persons

    text = "Tarifa bin Pellow al-Vell met reporters on Monday."
    article = context.Article({}, None, nlp(text), frozenset(DEFAULT_ENTITY_LABELS), pipeline.lexicon(nlp),
                              pipeline.nouns(nlp), {"title": "", "body": text})
    found = persons.arabic_names(article, [_mention(text, "Tarifa", PERSON), _mention(text, "Pellow al-Vell", "GPE")])
    assert len(found) == 2


def test_route_with_a_gazetteer_city_end_is_two_places(nlp):
    from workers.stages.entities import places

    text = "The stage runs from Tarrowvale to Gorakhpur on Sunday."
    article = context.Article({}, None, nlp(text), frozenset(DEFAULT_ENTITY_LABELS), pipeline.lexicon(nlp),
                              pipeline.nouns(nlp), {"title": "", "body": text})
    found = places.route_ends(article, [_mention(text, "Tarrowvale to Gorakhpur", "ORG")])
    assert [(m.name, m.label) for m in found] == [("Tarrowvale", "GPE"), ("Gorakhpur", "GPE")]
